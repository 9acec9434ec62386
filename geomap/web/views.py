"""HTML pages: the map with its filters, and the document view."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from flask import Blueprint, current_app, g, render_template, request
from markupsafe import Markup

from geomap.mapview import GEO_PRECISION, TIME_PRECISION, MapOptions, build_map, render_parts
from geomap.records import Event, EventFilter
from geomap.store import SQLiteStore
from geomap.web.app import document_or_404, get_store
from geomap.web.highlight import segments
from geomap.web.params import filter_args, parse_filter

bp = Blueprint("views", __name__)


@dataclass(frozen=True)
class MapSummary:
    """What the page says about what the map shows and leaves out."""

    total: int
    drawn: int
    capped: bool
    undated: int
    unlocated: int
    mentions: int
    mentions_capped: bool


def _with_nonce(fragment: str) -> Markup:
    # folium's inline scripts get the page's CSP nonce; article text inside them is
    # escaped already (no raw "<script" can come from an article)
    return Markup(re.sub(r"<script(?=[\s>])", f'<script nonce="{g.csp_nonce}"', fragment))


def _map_events(store: SQLiteStore, flt: EventFilter) -> tuple[list[Event], int]:
    """The most recent events up to the cap, and how many match in all."""
    cap = current_app.config["MAP_MAX_EVENTS"]
    total = store.count_events(flt)
    if total <= cap:
        return store.events(flt), total
    return store.latest_events(flt, cap), total


@bp.get("/")
def index():
    flt = replace(parse_filter(request.args), limit=None, offset=0)
    store = get_store()
    events, total = _map_events(store, flt)
    mention_cap = current_app.config["MAP_MAX_MENTIONS"]
    mentions = store.mentions(replace(flt, limit=mention_cap))
    options = MapOptions(
        static_url=request.script_root + current_app.static_url_path,
        document_url=request.script_root + "/documents/",
        osm_tiles=current_app.config["OSM_TILES"],
    )
    fmap = build_map(events, mentions, documents=store.documents_by_id({e.doc_id for e in events}), options=options)
    parts = render_parts(fmap)
    summary = MapSummary(
        total=total, drawn=len(events), capped=total > len(events),
        undated=sum(1 for e in events if e.date is None),
        unlocated=sum(1 for e in events if e.place is None),
        mentions=len(mentions), mentions_capped=len(mentions) >= mention_cap,
    )
    types = store.event_types()
    type_counts = {t: store.count_events(replace(flt, types=(t,))) for t in types}
    return render_template(
        "index.html", flt=flt, summary=summary, types=types, type_counts=type_counts,
        countries=store.countries(), date_range=store.date_range(), query=filter_args(flt),
        map_header=_with_nonce(parts.header), map_html=Markup(parts.html),
        map_script=Markup(parts.script),
    )


@bp.get("/documents/<doc_id>")
def document(doc_id: str):
    processed = document_or_404(doc_id)
    doc = processed.document
    url = doc.url if doc.url and doc.url.split(":", 1)[0].lower() in ("http", "https") else None
    return render_template(
        "document.html", doc=doc, original_url=url, toponyms=processed.toponyms,
        events=processed.events, segments=segments(doc.text, processed.toponyms, processed.events),
        time_precision=TIME_PRECISION, geo_precision=GEO_PRECISION,
    )
