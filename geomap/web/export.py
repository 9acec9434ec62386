"""Downloads of every layer: ``/export/<layer>.<ext>?start=&end=&type=&country=&q=&bbox=``.

GeoJSON and CSV stream straight from the store, so a large selection never sits in
memory; GeoPackage and GeoParquet are written to a temporary file first (their writers
need a seekable file). ``split_by=event_type`` gives one table per type in a GeoPackage,
and a zip of one file per type for the other formats.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Iterator

from flask import Blueprint, Response, current_app, jsonify, request, send_file

from geomap.errors import ConfigurationError, GeomapError
from geomap.export import (
    FORMATS, LAYERS, MEDIA_TYPES, check_layer, export_layer, format_for, iter_csv, iter_features,
    iter_geojson,
)
from geomap.records import EventFilter
from geomap.store import open_store
from geomap.web.params import KNOWN, parse_filter

log = logging.getLogger(__name__)

bp = Blueprint("export", __name__, url_prefix="/export")
EXTRA_PARAMS = ("format", "split_by")


def request_filter() -> EventFilter:
    """The map's filters from the query string, parsed exactly as /api/events parses them."""
    valid = (*KNOWN, *EXTRA_PARAMS)
    unknown = sorted(set(request.args) - set(valid))
    if unknown:
        raise ConfigurationError(f"unknown parameter(s) {', '.join(unknown)}; valid: {', '.join(valid)}")
    return parse_filter(request.args)


def _open_store():
    # not the request's get_store(): a streamed body outlives the request's teardown, so the
    # download owns its (read-only) connection and closes it when the last chunk is sent
    return open_store(current_app.config["DATABASE"], read_only=True)


def _headers(layer: str, ext: str, message: str | None) -> dict[str, str]:
    headers = {"Content-Disposition": f'attachment; filename="geomap-{layer}.{ext}"'}
    if message:
        headers["X-Geomap-Message"] = message
    return headers


def _empty_message(store, layer: str, flt: EventFilter) -> str | None:
    # only the events layer can be counted without reading it; that is the one users filter
    if layer == "events" and store.count_events(flt) == 0:
        return "no events match the filters"
    return None


def _stream(layer: str, fmt: str, ext: str, flt: EventFilter) -> Response:
    store = _open_store()
    try:
        message = _empty_message(store, layer, flt)
        features = iter_features(store, layer, flt)
    except Exception:
        store.close()
        raise

    def chunks() -> Iterator[str]:
        try:
            yield from iter_geojson(features) if fmt == "geojson" else iter_csv(features, layer)
        finally:
            store.close()

    return Response(chunks(), mimetype=MEDIA_TYPES[fmt], headers=_headers(layer, ext, message))


def _via_file(layer: str, fmt: str, ext: str, flt: EventFilter, split_by: str | None) -> Response:
    folder = Path(tempfile.mkdtemp(prefix="geomap-export-"))
    try:
        target = folder / f"geomap-{layer}.{ext}"
        with _open_store() as store:
            result = export_layer(store, layer, target, fmt, flt, split_by)
        paths = result.paths
        if len(paths) > 1:  # a split into several files travels as one zip
            target, ext = folder / f"geomap-{layer}.zip", "zip"
            with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
                for path in paths:
                    archive.write(path, path.name)
        handle = open(target, "rb")  # stays readable after the folder is removed (POSIX)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    mimetype = "application/zip" if ext == "zip" else MEDIA_TYPES[fmt]
    message = None if result.count else result.message.split(":")[0]
    response = send_file(handle, mimetype=mimetype, as_attachment=True, download_name=f"geomap-{layer}.{ext}")
    if message:
        response.headers["X-Geomap-Message"] = message
    return response


@bp.get("/<layer>.<ext>")
def download(layer: str, ext: str) -> Response:
    try:
        check_layer(layer)
        fmt = format_for(None, request.args.get("format") or ext)
        ext = FORMATS[fmt][0].lstrip(".")  # the file name never echoes the URL
        flt = request_filter()
        split_by = request.args.get("split_by") or None
        if fmt in ("geojson", "csv") and not split_by:
            return _stream(layer, fmt, ext, flt)
        return _via_file(layer, fmt, ext, flt, split_by)
    except GeomapError as exc:
        # bad layer, format or filter (all ValueErrors) are the caller's to fix: 400
        if not isinstance(exc, ValueError):
            log.exception("export of %s.%s failed", layer, ext)
        return _error(str(exc), 400 if isinstance(exc, ValueError) else 500)


@bp.get("/")
def formats() -> Response:
    """What can be downloaded, for the map page's export menu."""
    return jsonify(layers=list(LAYERS), formats={k: list(v) for k, v in FORMATS.items()})


def _error(message: str, status: int) -> Response:
    response = jsonify(error=message)
    response.status_code = status
    return response
