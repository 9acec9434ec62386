"""The features of each layer (events, places, mentions, documents) and their table columns.

Events, places and mentions are built by geomap.geojson, so the API, the map and the
exports carry the same properties and ids; documents are exported here as the MultiPoint
of the places an article names.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any, Iterator, Sequence

from geomap.errors import ExportError
from geomap.geojson import Feature, event_feature, mention_feature, place_feature, places_collection
from geomap.records import Document, Event, EventFilter, Place, Span, Toponym

LAYERS: tuple[str, ...] = ("events", "places", "mentions", "documents")
GEOMETRY_TYPES = {"documents": "MultiPoint"}  # every other layer is made of points
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def check_layer(layer: str) -> str:
    if layer not in LAYERS:
        raise ExportError(f"unknown layer {layer!r}; valid layers: {', '.join(LAYERS)}")
    return layer


def document_feature(doc: Document, places: Sequence[Place], mentions: int, events: int) -> Feature:
    """An article as a MultiPoint of the distinct places it names (null when it names none)."""
    unique = list({p.id: p for p in places}.values())
    geometry = {"type": "MultiPoint", "coordinates": [[p.lon, p.lat] for p in unique]} if unique else None
    return {
        "type": "Feature",
        "id": doc.id,
        "geometry": geometry,
        "properties": {
            "id": doc.id, "title": doc.title, "url": doc.url, "source": doc.source,
            "published": doc.published.isoformat() if doc.published else None,
            "mentions": mentions, "events": events,
            "place_ids": [p.id for p in unique], "place_names": [p.name for p in unique],
            "text": doc.text,
        },
    }


def _selected_documents(store: Any, flt: EventFilter) -> set[str] | None:
    """The articles behind the selected events (and mentions, unless types narrow it), or None for all."""
    if flt == EventFilter():
        return None
    selected = {e.doc_id for e in store.iter_events(flt)}
    if not flt.types:
        selected |= {doc_id for doc_id, _ in store.iter_mentions(flt)}
    return selected


def _document_features(store: Any, flt: EventFilter) -> Iterator[Feature]:
    selected = _selected_documents(store, flt)
    for doc in store.iter_documents():
        if selected is not None and doc.id not in selected:
            continue
        processed = store.document(doc.id)
        places = [t.place for t in processed.toponyms if t.place] + [e.place for e in processed.events if e.place]
        yield document_feature(doc, places, len(processed.toponyms), len(processed.events))


def iter_features(store: Any, layer: str, flt: EventFilter = EventFilter()) -> Iterator[Feature]:
    """The features of one layer, lazily, in the store's order."""
    check_layer(layer)
    if layer == "events":
        return (event_feature(e) for e in store.iter_events(flt))
    if layer == "mentions":
        return (mention_feature(doc_id, t) for doc_id, t in store.iter_mentions(flt))
    if layer == "places":
        # one feature per distinct place: bounded by the gazetteer, not by the corpus
        return iter(places_collection(store.iter_mentions(flt))["features"])
    return _document_features(store, flt)


def _sample_feature(layer: str) -> Feature:
    """A feature with every property filled in: the source of each layer's table columns."""
    place = Place("gn:1", "Sample", 1.0, 2.0, "city", "UA", "Admin", 10, 1, ("UA",), "gazetteer")
    if layer == "events":
        span = Span(0, 1, "x")
        return event_feature(Event(
            "Battles", "Armed clash", span, span, date=date(2024, 1, 1), time_precision=1, place=place,
            location_text="x", location_span=span, geo_precision=1, actor1="a", actor2="b", fatalities=1,
            injured=1, confidence=0.5, doc_id="d",
        ))
    if layer == "mentions":
        return mention_feature("d", Toponym(0, 1, "x", "place", place, 0.5))
    if layer == "places":
        return place_feature(place, mentions=1, documents=["d"], names=["x"])
    doc = Document("x", title="t", url="u", source="s", published=date(2024, 1, 1))
    return document_feature(doc, [place], 1, 1)


@lru_cache(maxsize=None)
def layer_columns(layer: str) -> tuple[tuple[str, str], ...]:
    """(name, kind) of each property column; kind is int, float, str, bool, list or date."""
    kinds = {bool: "bool", int: "int", float: "float", list: "list"}
    props = _sample_feature(check_layer(layer))["properties"]
    # tables have no feature id: the id travels as a column
    columns = () if "id" in props else (("id", "str"),)
    return columns + tuple((name, _kind(value, kinds)) for name, value in props.items())


def _kind(value: Any, kinds: dict[type, str]) -> str:
    if isinstance(value, str) and _ISO_DAY.fullmatch(value):
        return "date"
    return kinds.get(type(value), "str")


