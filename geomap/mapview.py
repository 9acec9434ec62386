"""The event map: a pure function from events and place mentions to a folium.Map.

The map works with no network: every script, style sheet and font is served from our
static/vendor/ (``localise_assets``), the basemap is a country-borders GeoJSON from
static/basemap/, and OpenStreetMap tiles are only an optional layer for online users.
Article text is untrusted: popups are built here with every field HTML-escaped, and the
data reaches the page's JavaScript as script-safe JSON.
"""

from __future__ import annotations

import html
import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Mapping, Sequence
from urllib.parse import quote, urlsplit

import folium
from folium.plugins import HeatMap, TimestampedGeoJson

from geomap.mapview_elements import (
    DataVariable,
    EventTypeLayer,
    FetchedGeoJson,
    Legend,
    MentionCluster,
    Panes,
    TimeAtEnd,
    localise_assets,
)
from geomap.records import Document, Event, Toponym

EVENT_COLOURS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2980b9",
    "Riots": "#16a085",
    "Strategic developments": "#7f8c8d",
}
OTHER_COLOUR = "#34495e"
TIME_PRECISION = {1: "exact day", 2: "within a week", 3: "within a month"}
GEO_PRECISION = {1: "the named place", 2: "near the place / small area", 3: "large region or country"}
POPUP_EVENTS = 5  # events listed in one aggregated circle's popup


@dataclass(frozen=True)
class MapOptions:
    static_url: str = "/static"
    document_url: str = "/documents/"  # the document id is appended, URL-quoted
    period: str | None = None  # slider step as ISO 8601 duration; None: chosen from the date span
    duration: str | None = None  # how long an event stays visible; None: cumulative
    prefer_canvas: bool = True  # SVG is 3x slower to redraw at tens of thousands of circles
    osm_tiles: bool = True
    location: tuple[float, float] = (25.0, 20.0)
    zoom_start: int = 2


def event_colour(event_type: str) -> str:
    return EVENT_COLOURS.get(event_type, OTHER_COLOUR)


def circle_radius(fatalities: int) -> float:
    # area, not radius, grows with the count; capped so one massacre does not hide a region
    return round(4 + min(22.0, 2.2 * math.sqrt(max(fatalities, 0))), 1)


def choose_period(first: date | None, last: date | None) -> str:
    span = (last - first).days if first and last else 0
    if span <= 180:
        return "P1D"
    return "P7D" if span <= 3 * 365 else "P1M"


def _e(value: object) -> str:
    # braces as entities too: popups pass through branca's Jinja compile of the map script
    text = html.escape("" if value is None else str(value), quote=True)
    return text.replace("{", "&#123;").replace("}", "&#125;")


def _safe_link(url: str | None) -> str | None:
    """Only http(s) links from articles, never javascript: or data: URLs."""
    if not url or urlsplit(url).scheme.lower() not in ("http", "https"):
        return None
    return url


def highlighted_sentence(event: Event) -> str:
    """The source sentence, escaped, with the trigger wrapped in <mark>."""
    text = event.sentence.text or ""
    start = event.trigger.start - event.sentence.start
    end = event.trigger.end - event.sentence.start
    if 0 <= start < end <= len(text):
        return f"{_e(text[:start])}<mark>{_e(text[start:end])}</mark>{_e(text[end:])}"
    return _e(text)


def event_popup_item(event: Event, options: MapOptions, doc: Document | None) -> str:
    place = event.place
    actors = " vs ".join(a for a in (event.actor1, event.actor2) if a)
    rows = [
        f"<div class='gm-type'><b>{_e(event.event_type)}</b> &middot; {_e(event.sub_event_type)}</div>",
        f"<div>Date: {_e(event.date.isoformat() if event.date else 'unknown')}"
        f" <small>({_e(TIME_PRECISION.get(event.time_precision))})</small></div>",
        f"<div>Place: {_e(place.name if place else event.location_text)}"
        f"{_e(', ' + place.country_code) if place and place.country_code else ''}"
        f" <small>({_e(GEO_PRECISION.get(event.geo_precision))})</small></div>",
    ]
    if actors:
        rows.append(f"<div>Actors: {_e(actors)}</div>")
    if event.fatalities is not None or event.injured is not None:
        rows.append(f"<div>Fatalities: {_e(event.fatalities or 0)}; injured: {_e(event.injured or 0)}</div>")
    rows.append(f"<blockquote class='gm-sentence'>{highlighted_sentence(event)}</blockquote>")
    links = [f"<a class='gm-doc-link' href='{_e(options.document_url + quote(event.doc_id, safe=''))}'>"
             f"{_e(doc.title if doc and doc.title else 'Source article')}</a>"]
    original = _safe_link(doc.url if doc else None)
    if original:
        links.append(f"<a href='{_e(original)}' target='_blank' rel='noopener noreferrer'>original</a>")
    rows.append(f"<div class='gm-links'>{' &middot; '.join(links)}</div>")
    return "<div class='gm-event'>" + "".join(rows) + "</div>"


def _group_key(event: Event) -> tuple:
    return (event.place.id if event.place else None, event.date, event.event_type)


def event_groups(events: Iterable[Event]) -> list[list[Event]]:
    """Events at the same place, on the same day, of the same type share one circle."""
    groups: dict[tuple, list[Event]] = defaultdict(list)
    for event in events:
        if event.place is not None:
            groups[_group_key(event)].append(event)
    return list(groups.values())


def group_feature(group: Sequence[Event], options: MapOptions, docs: Mapping[str, Document]) -> dict:
    first = group[0]
    fatalities = sum(e.fatalities or 0 for e in group)
    colour = event_colour(first.event_type)
    style = {"radius": circle_radius(fatalities), "color": colour, "fillColor": colour,
             "fillOpacity": 0.6, "weight": 1}
    items = [event_popup_item(e, options, docs.get(e.doc_id)) for e in group[:POPUP_EVENTS]]
    if len(group) > POPUP_EVENTS:
        items.append(f"<div class='gm-more'>and {len(group) - POPUP_EVENTS} more events here that day</div>")
    properties = {
        "event_type": first.event_type,
        "events": len(group),
        "fatalities": fatalities,
        "icon": "circle",
        "iconstyle": style,
        "style": style,
        "popup": "<div class='gm-popup'>" + "".join(items) + "</div>",
    }
    if first.date:
        properties["times"] = [first.date.isoformat()]
    return {
        "type": "Feature",
        "id": first.id,
        "geometry": {"type": "Point", "coordinates": [first.place.lon, first.place.lat]},
        "properties": properties,
    }


def mention_rows(mentions: Iterable[tuple[str, Toponym]], options: MapOptions) -> list[list]:
    rows = []
    for doc_id, toponym in mentions:
        place = toponym.place
        if place is None:
            continue
        link = _e(options.document_url + quote(doc_id, safe=""))
        popup = (f"<b>{_e(toponym.text)}</b> &rarr; {_e(place.name)} {_e(place.country_code or '')}"
                 f"<br><small>{_e(place.id)} score {toponym.score:.2f}</small>"
                 f"<br><a class='gm-doc-link' href='{link}'>article</a>")
        rows.append([place.lat, place.lon, popup])
    return rows


def _layer_name(event_type: str) -> str:
    # folium writes layer names into the LayerControl script with tojson, which keeps "{"
    return event_type.replace("{", "(").replace("}", ")")


BASEMAP_PANE, TILES_PANE = "geomap-basemap", "geomap-tiles"


def _add_base_layers(m: folium.Map, options: MapOptions) -> None:
    # Leaflet's tile pane is 200 and the overlay pane (events) 400
    Panes([(BASEMAP_PANE, 250), (TILES_PANE, 300)]).add_to(m)
    FetchedGeoJson(
        f"{options.static_url}/basemap/countries-110m.geojson", name="Country borders",
        style={"color": "#8a8a8a", "weight": 0.7, "fillColor": "#f4f1ea", "fillOpacity": 1},
        pane=BASEMAP_PANE,
    ).add_to(m)
    if options.osm_tiles:
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online only)", overlay=True,
                         show=False, control=True, pane=TILES_PANE).add_to(m)


def _add_time_layer(m: folium.Map, data: DataVariable, dated: list[Event], options: MapOptions) -> None:
    days = [e.date for e in dated if e.date]
    period = options.period or choose_period(min(days, default=None), max(days, default=None))
    TimestampedGeoJson(
        data.get_name(),  # a JS variable name: folium inlines a str as-is
        period=period, duration=options.duration, auto_play=False, loop=False,
        add_last_point=False, date_options="YYYY-MM-DD", transition_time=200,
        time_slider_drag_update=True,
    ).add_to(m)
    TimeAtEnd().add_to(m)


def build_map(
    events: Sequence[Event],
    mentions: Sequence[tuple[str, Toponym]] = (),
    *,
    documents: Mapping[str, Document] | None = None,
    options: MapOptions = MapOptions(),
) -> folium.Map:
    """The map of the given events and place mentions; documents supply titles and URLs."""
    docs = documents or {}
    groups = event_groups(events)
    points = [[g[0].place.lat, g[0].place.lon] for g in groups]
    single = len(points) == 1
    m = folium.Map(location=points[0] if single else list(options.location),
                   zoom_start=6 if single else options.zoom_start, tiles=None,
                   prefer_canvas=options.prefer_canvas, control_scale=True)
    # with tiles=None folium drops max_zoom and MarkerCluster throws "Map has no maxZoom"
    m.options["max_zoom"] = 18
    _add_base_layers(m, options)
    features = [group_feature(g, options, docs) for g in groups]
    # one copy of the data for the time layer and the per-type layers; undated features
    # carry no "times" and the time layer never shows them
    data = DataVariable({"type": "FeatureCollection", "features": features})
    data.add_to(m)
    _add_time_layer(m, data, [g[0] for g in groups], options)
    for event_type in sorted({g[0].event_type for g in groups}):
        EventTypeLayer(data, event_type, name=f"{_layer_name(event_type)} (all dates)").add_to(m)
    heat = [[g[0].place.lat, g[0].place.lon, float(len(g) + sum(e.fatalities or 0 for e in g))] for g in groups]
    if heat:
        HeatMap(heat, name="Heatmap of events", show=False, radius=18).add_to(m)
    rows = mention_rows(mentions, options)
    if rows:
        MentionCluster(rows, name="Place mentions (clustered)", show=False).add_to(m)
    legend_rows = [(t, c) for t, c in EVENT_COLOURS.items()]
    Legend(legend_rows, "Circle size grows with fatalities; one circle per place, day and type.").add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    if len(points) > 1:
        m.fit_bounds(_bounds(points), max_zoom=7, padding=(20, 20))
    localise_assets(m, f"{options.static_url}/vendor")
    return m


def _bounds(points: list[list[float]]) -> list[list[float]]:
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


@dataclass(frozen=True)
class MapParts:
    """The rendered map, split for embedding into our own page template."""

    header: str  # <link>/<script src> tags and styles for <head>
    html: str  # the map's <div>
    script: str  # JavaScript source, to be wrapped in a <script> element by the page


def render_parts(m: folium.Map) -> MapParts:
    root = m.get_root()
    root.render()
    return MapParts(root.header.render(), root.html.render(), root.script.render())
