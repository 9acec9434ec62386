"""Conversions between records and database rows (the store's private business)."""

from __future__ import annotations

import sqlite3
from datetime import date

from geomap.records import Document, Event, Place, Span, Toponym


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def from_iso(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def place_row(place: Place) -> tuple:
    return (
        place.id, place.name, place.lat, place.lon, place.kind, place.country_code, place.admin1,
        place.population, place.geonameid, ",".join(place.countries), place.source,
    )


def place_from(row: sqlite3.Row, prefix: str = "") -> Place | None:
    if row[prefix + "id"] is None:
        return None
    countries = row[prefix + "countries"]
    return Place(
        id=row[prefix + "id"], name=row[prefix + "name"], lat=row[prefix + "lat"],
        lon=row[prefix + "lon"], kind=row[prefix + "kind"], country_code=row[prefix + "country_code"],
        admin1=row[prefix + "admin1"], population=row[prefix + "population"],
        geonameid=row[prefix + "geonameid"],
        countries=tuple(countries.split(",")) if countries else (), source=row[prefix + "source"],
    )


def document_row(doc: Document, ingested_at: str) -> tuple:
    return (doc.id, doc.text, doc.title, doc.url, doc.source, iso(doc.published), ingested_at)


def document_from(row: sqlite3.Row) -> Document:
    return Document(
        id=row["id"], text=row["text"], title=row["title"], url=row["url"], source=row["source"],
        published=from_iso(row["published"]),
    )


def mention_row(doc_id: str, top: Toponym) -> tuple:
    return (doc_id, top.start, top.end, top.text, top.kind, top.place.id if top.place else None, top.score)


def toponym_from(row: sqlite3.Row) -> Toponym:
    return Toponym(
        start=row["start"], end=row["end"], text=row["text"], kind=row["kind"],
        place=place_from(row, "p_"), score=row["score"],
    )


def event_row(event: Event) -> tuple:
    place = event.place
    loc = event.location_span
    return (
        event.id, event.doc_id, event.event_type, event.sub_event_type, iso(event.date),
        event.time_precision, place.id if place else None, event.lat, event.lon,
        place.country_code if place else None, event.location_text,
        loc.start if loc else None, loc.end if loc else None, event.geo_precision,
        event.actor1, event.actor2, event.fatalities, event.injured,
        event.trigger.start, event.trigger.end, event.trigger.text, event.confidence,
        event.claimed_by,
    )


def event_from(row: sqlite3.Row, sources: list[Span]) -> Event:
    loc = None
    if row["location_start"] is not None:
        loc = Span(row["location_start"], row["location_end"], row["location_text"] or "")
    return Event(
        id=row["id"], doc_id=row["doc_id"], event_type=row["event_type"],
        sub_event_type=row["sub_event_type"], date=from_iso(row["date"]),
        time_precision=row["time_precision"], place=place_from(row, "p_"),
        location_text=row["location_text"], location_span=loc, geo_precision=row["geo_precision"],
        actor1=row["actor1"], actor2=row["actor2"], fatalities=row["fatalities"],
        injured=row["injured"],
        trigger=Span(row["trigger_start"], row["trigger_end"], row["trigger_text"]),
        sentence=sources[0], sentences=tuple(sources), confidence=row["confidence"],
        claimed_by=row["claimed_by"] if "claimed_by" in row.keys() else None,
    )


PLACE_COLUMNS = ", ".join(
    f"p.{c} AS p_{c}"
    for c in (
        "id", "name", "lat", "lon", "kind", "country_code", "admin1", "population", "geonameid",
        "countries", "source",
    )
)
