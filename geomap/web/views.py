"""HTML pages: the map with its filters, and the document view."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Sequence

from flask import Blueprint, abort, current_app, g, render_template, request
from markupsafe import Markup

from geomap.mapview import GEO_PRECISION, TIME_PRECISION, MapOptions, build_map, render_parts
from geomap.records import Document, Event, EventFilter
from geomap.store import SQLiteStore
from geomap.web.app import get_store
from geomap.web.highlight import segments
from geomap.web.params import filter_args, parse_filter

bp = Blueprint("views", __name__)
DOCUMENT_LOOKUPS = 200  # popups name the article and link the original up to this many articles


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


def _documents_for(store: SQLiteStore, events: Sequence[Event]) -> dict[str, Document]:
    ids = list(dict.fromkeys(e.doc_id for e in events))
    if len(ids) > DOCUMENT_LOOKUPS:
        return {}
    found = {}
    for doc_id in ids:
        processed = store.document(doc_id)
        if processed is not None:
            found[doc_id] = processed.document
    return found


def _map_events(store: SQLiteStore, flt: EventFilter) -> tuple[list[Event], int]:
    """The most recent events up to the cap, and how many match in all."""
    cap = current_app.config["MAP_MAX_EVENTS"]
    total = store.count_events(flt)
    if total <= cap:
        return store.events(flt), total
    # a large OFFSET makes SQLite sort every match; a start date found by bisection on
    # (indexed) counts keeps the query to about `cap` rows
    since = _recent_start(store, flt, cap)
    window = replace(flt, start=since)
    matched = store.count_events(window)
    return store.events(replace(window, limit=cap, offset=max(0, matched - cap))), total


def _recent_start(store: SQLiteStore, flt: EventFilter, cap: int) -> date | None:
    """The latest day from which at least `cap` events match (None: use no start)."""
    first, last = store.date_range()
    lo = max(d for d in (first, flt.start) if d) if (first or flt.start) else None
    hi = min(d for d in (last, flt.end) if d) if (last or flt.end) else None
    if lo is None or hi is None or lo >= hi:
        return flt.start
    lo_n, hi_n = 0, (hi - lo).days
    while lo_n < hi_n:
        mid = (lo_n + hi_n + 1) // 2
        if store.count_events(replace(flt, start=lo + timedelta(days=mid))) >= cap:
            lo_n = mid
        else:
            hi_n = mid - 1
    return lo + timedelta(days=lo_n)


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
    fmap = build_map(events, mentions, documents=_documents_for(store, events), options=options)
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
    processed = get_store().document(doc_id)
    if processed is None:
        abort(404, description=f"no document with id {doc_id}")
    doc = processed.document
    url = doc.url if doc.url and doc.url.split(":", 1)[0].lower() in ("http", "https") else None
    return render_template(
        "document.html", doc=doc, original_url=url, toponyms=processed.toponyms,
        events=processed.events, segments=segments(doc.text, processed.toponyms, processed.events),
        time_precision=TIME_PRECISION, geo_precision=GEO_PRECISION,
    )
