"""Records as GeoJSON (RFC 7946): WGS84, positions as [lon, lat], no ``crs`` member.

Pure functions from records to plain dicts, shared by the API, the exports and the map,
so every layer carries the same properties: ISO dates, the precision codes, the event
id as the feature id.
"""

from __future__ import annotations

from typing import Any, Iterable

from geomap.records import Event, Place, Toponym

Feature = dict[str, Any]


def point(place: Place | None) -> dict[str, Any] | None:
    """A Point geometry; RFC 7946 allows null geometry for an unlocated feature."""
    if place is None:
        return None
    return {"type": "Point", "coordinates": [place.lon, place.lat]}


def place_properties(place: Place | None, prefix: str = "place_") -> dict[str, Any]:
    if place is None:
        return {f"{prefix}id": None, f"{prefix}name": None, "country_code": None}
    return {
        f"{prefix}id": place.id,
        f"{prefix}name": place.name,
        f"{prefix}kind": place.kind,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "population": place.population,
        f"{prefix}source": place.source,
    }


def event_properties(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "doc_id": event.doc_id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "date": event.date.isoformat() if event.date else None,
        "time_precision": event.time_precision,
        **place_properties(event.place),
        "location_text": event.location_text,
        "geo_precision": event.geo_precision,
        "actor1": event.actor1,
        "actor2": event.actor2,
        "fatalities": event.fatalities,
        "injured": event.injured,
        "claimed_by": event.claimed_by,
        "confidence": event.confidence,
        "trigger": event.trigger.text,
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "sentence": event.sentence.text,
        "sentence_start": event.sentence.start,
        "sentences": [s.text for s in event.sentences],
    }


def event_feature(event: Event) -> Feature:
    """One event as a Feature; its id is the event id (stable across exports)."""
    return {
        "type": "Feature",
        "id": event.id or None,
        "geometry": point(event.place),
        "properties": event_properties(event),
    }


def mention_feature(doc_id: str, toponym: Toponym, number: int | None = None) -> Feature:
    """A place mention (a toponym in an article) as a Feature at its resolved place."""
    feature_id = f"{doc_id}-m{toponym.start}" if number is None else f"{doc_id}-m{number}"
    return {
        "type": "Feature",
        "id": feature_id,
        "geometry": point(toponym.place),
        "properties": {
            "doc_id": doc_id,
            "text": toponym.text,
            "start": toponym.start,
            "end": toponym.end,
            "kind": toponym.kind,
            "score": toponym.score,
            **place_properties(toponym.place),
        },
    }


def place_feature(place: Place, **extra: Any) -> Feature:
    return {
        "type": "Feature",
        "id": place.id,
        "geometry": point(place),
        "properties": {**place_properties(place, prefix=""), **extra},
    }


def feature_collection(features: Iterable[Feature], **members: Any) -> dict[str, Any]:
    """A FeatureCollection; extra top-level members (paging, totals) are allowed by RFC 7946."""
    return {"type": "FeatureCollection", "features": list(features), **members}


def events_collection(events: Iterable[Event], **members: Any) -> dict[str, Any]:
    return feature_collection((event_feature(e) for e in events), **members)


def mentions_collection(mentions: Iterable[tuple[str, Toponym]], **members: Any) -> dict[str, Any]:
    return feature_collection((mention_feature(doc_id, t) for doc_id, t in mentions), **members)


def places_collection(mentions: Iterable[tuple[str, Toponym]], **members: Any) -> dict[str, Any]:
    """One Feature per distinct resolved place, with how many mentions and articles name it."""
    counts: dict[str, list] = {}
    for doc_id, toponym in mentions:
        if toponym.place is None:
            continue
        entry = counts.setdefault(toponym.place.id, [toponym.place, 0, set(), set()])
        entry[1] += 1
        entry[2].add(doc_id)
        entry[3].add(toponym.text)
    features = (
        place_feature(place, mentions=n, documents=sorted(docs), names=sorted(names))
        for place, n, docs, names in counts.values()
    )
    return feature_collection(features, **members)
