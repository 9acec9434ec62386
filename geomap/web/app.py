"""The Flask application factory.

Views never open the database themselves: ``get_store()`` gives each request its own
store connection (SQLite connections must not be shared between threads) and closes it
when the request ends.
"""

from __future__ import annotations

import logging
import secrets
from pathlib import Path
from typing import Any, Mapping

from flask import Flask, abort, g, jsonify, request
from werkzeug.exceptions import HTTPException

from geomap import config
from geomap.errors import GeomapError
from geomap.records import ProcessedDocument
from geomap.store import SQLiteStore, open_store

log = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    "READ_ONLY": False,
    "API_TOKEN": None,  # when set, POST requests need "Authorization: Bearer <token>"
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,  # one article, generously
    "MAP_MAX_EVENTS": 2500,  # events drawn one by one on the map; the page states the rest
    "MAP_MAX_MENTIONS": 5000,
    "API_DEFAULT_LIMIT": 1000,
    "API_MAX_LIMIT": 10000,
    "OSM_TILES": True,
    "PIPELINE_FACTORY": None,  # callable returning a geomap.pipeline.Pipeline (built on first POST)
}
TILE_HOST = "https://tile.openstreetmap.org"


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    app = Flask(
        __name__,
        static_folder=str(config.resource_dir("static")),
        template_folder=str(config.resource_dir("templates")),
    )
    app.config.from_mapping(DEFAULTS)
    app.config["DATABASE"] = str(config.default_db_path())
    app.config.from_prefixed_env("GEOMAP")
    if test_config:
        app.config.from_mapping(test_config)
    _prepare_database(app)

    from geomap.web import api, export, views

    app.register_blueprint(views.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(export.bp)
    app.teardown_appcontext(_close_store)
    app.before_request(_make_nonce)
    app.after_request(_security_headers)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(GeomapError, _geomap_error)
    return app


def _prepare_database(app: Flask) -> None:
    """Create or migrate the store once at start, so requests only read and write."""
    path = Path(app.config["DATABASE"])
    if app.config["READ_ONLY"]:
        if not path.exists():
            raise GeomapError(f"read-only mode needs an existing database; {path} does not exist")
        return
    open_store(path).close()


def get_store() -> SQLiteStore:
    from flask import current_app

    if "store" not in g:
        g.store = open_store(current_app.config["DATABASE"], read_only=current_app.config["READ_ONLY"])
    return g.store


def document_or_404(doc_id: str) -> ProcessedDocument:
    """The stored document and its results, or a 404 that names the id."""
    processed = get_store().document(doc_id)
    if processed is None:
        abort(404, description=f"no document with id {doc_id!r}")
    return processed


def _close_store(_exc: BaseException | None = None) -> None:
    store = g.pop("store", None)
    if store is not None:
        store.close()


def _make_nonce() -> None:
    g.csp_nonce = secrets.token_urlsafe(16)


def _security_headers(response):
    nonce = g.get("csp_nonce", "")
    # scripts run only with the page's nonce: an injected <script> or onerror= does nothing
    # even if some text were ever left unescaped
    response.headers["Content-Security-Policy"] = (
        f"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; "
        f"img-src 'self' data: {TILE_HOST}; connect-src 'self'; font-src 'self'; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _wants_json() -> bool:
    return request.path.startswith(("/api/", "/export/")) or request.path == "/healthz"


def _http_error(exc: HTTPException):
    if _wants_json():
        return jsonify(error=exc.name, message=exc.description), exc.code
    return exc


def _geomap_error(exc: GeomapError):
    status = 400 if isinstance(exc, ValueError) else 500
    if status == 500:
        log.exception("request failed")
    if _wants_json():
        return jsonify(error=type(exc).__name__, message=str(exc)), status
    from flask import render_template

    return render_template("error.html", message=str(exc), status=status), status
