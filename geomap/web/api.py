"""JSON API: GeoJSON layers with the map's filters, documents, ingest, health."""

from __future__ import annotations

import hmac
import logging
import threading
from datetime import date

from flask import Blueprint, abort, current_app, jsonify, request

from geomap import geojson
from geomap.errors import ConfigurationError
from geomap.records import Document, EventFilter
from geomap.web.app import document_or_404, get_store
from geomap.web.params import KNOWN, parse_filter, without_paging

log = logging.getLogger(__name__)
bp = Blueprint("api", __name__)
_pipeline_lock = threading.Lock()


def _filter() -> EventFilter:
    unknown = sorted(set(request.args) - set(KNOWN))
    if unknown:
        raise ConfigurationError(f"unknown parameter(s) {', '.join(unknown)}; valid: {', '.join(KNOWN)}")
    cfg = current_app.config
    return parse_filter(request.args, default_limit=cfg["API_DEFAULT_LIMIT"], max_limit=cfg["API_MAX_LIMIT"])


@bp.get("/healthz")
def healthz():
    store = get_store()
    return jsonify(status="ok", read_only=current_app.config["READ_ONLY"], **store.stats())


@bp.get("/api/events")
def events():
    flt = _filter()
    store = get_store()
    found = store.events(flt)
    total = store.count_events(without_paging(flt))
    return _geojson(geojson.events_collection(found, total=total, limit=flt.limit, offset=flt.offset,
                                              returned=len(found)))


@bp.get("/api/places")
def places():
    """Resolved place mentions, one Feature per mention (the clustered layer of the map)."""
    flt = _filter()
    found = get_store().mentions(flt)
    return _geojson(geojson.mentions_collection(found, limit=flt.limit, offset=flt.offset,
                                                returned=len(found)))


@bp.get("/api/documents/<doc_id>")
def document(doc_id: str):
    processed = document_or_404(doc_id)
    doc = processed.document
    return jsonify(
        id=doc.id, title=doc.title, url=doc.url, source=doc.source,
        published=doc.published.isoformat() if doc.published else None, text=doc.text,
        toponyms=geojson.mentions_collection((doc.id, t) for t in processed.toponyms),
        events=geojson.events_collection(processed.events),
    )


@bp.post("/api/documents")
def ingest_document():
    if current_app.config["READ_ONLY"]:
        abort(403, description="this geomap runs read-only: ingest is disabled")
    _check_token()
    document = _document_from_json(request.get_json(silent=True))
    store = get_store()
    processed = _pipeline().process(document)
    result = store.save(processed)
    status = 201 if result.status in ("ingested", "updated") else 200
    return jsonify(status=result.status, id=result.doc_id, events=len(processed.events),
                   toponyms=len(processed.toponyms)), status


def _check_token() -> None:
    token = current_app.config["API_TOKEN"]
    if not token:
        return
    given = request.headers.get("Authorization", "")
    if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        abort(401, description="this endpoint needs the header 'Authorization: Bearer <API token>'")


def _document_from_json(body: object) -> Document:
    if not isinstance(body, dict):
        raise ConfigurationError('send a JSON object: {"text": ..., "title": ..., "url": ..., "published": "YYYY-MM-DD"}')
    text = body.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ConfigurationError("'text' is required and must be a non-empty string")
    for key in ("title", "url", "source", "published"):
        if body.get(key) is not None and not isinstance(body[key], str):
            raise ConfigurationError(f"'{key}' must be a string")
    published = None
    if body.get("published"):
        try:
            published = date.fromisoformat(body["published"][:10])
        except ValueError:
            raise ConfigurationError(f"'published' must be YYYY-MM-DD, got {body['published']!r}") from None
    return Document(text=text, title=body.get("title") or "", url=body.get("url") or None,
                    source=body.get("source") or None, published=published)


def _pipeline():
    """The NLP pipeline is slow to build: once per app, on the first ingest request."""
    ext = current_app.extensions
    with _pipeline_lock:
        if "geomap_pipeline" not in ext:
            factory = current_app.config["PIPELINE_FACTORY"]
            if factory is None:
                from geomap.pipeline import Pipeline

                factory = Pipeline
            ext["geomap_pipeline"] = factory()
        return ext["geomap_pipeline"]


def _geojson(data: dict):
    response = jsonify(data)
    response.mimetype = "application/geo+json"
    return response


