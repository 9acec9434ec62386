"""Test data of the export tests, written by hand: four articles, three event types, one
event with no place and one article that names no place, so every writer branch runs."""

from __future__ import annotations

from datetime import date

from geomap.records import Document, Event, Place, ProcessedDocument, Span, Toponym

KHARKIV = Place("gn:706483", "Kharkiv", 49.98081, 36.25272, "city", "UA", "Kharkivska", 1430885, 706483)
KHARTOUM = Place("gn:379252", "Khartoum", 15.55177, 32.53241, "city", "SD", "Khartoum", 1974647, 379252)
GOMA = Place("gn:216281", "Goma", -1.67409, 29.22845, "city", "CD", "North Kivu", 144124, 216281)


def _event(doc: Document, word: str, event_type: str, sub_type: str, place: Place | None,
           day: date, fatalities: int | None = None) -> Event:
    start = doc.text.index(word)
    sentence_end = doc.text.index(".", start) + 1
    location = Span(doc.text.index(place.name), doc.text.index(place.name) + len(place.name), place.name) \
        if place else None
    return Event(
        event_type, sub_type, Span(start, start + len(word), word), Span(0, sentence_end, doc.text[:sentence_end]),
        date=day, time_precision=1, place=place, location_text=place.name if place else None,
        location_span=location, geo_precision=1 if place else 3, actor1="Unidentified armed group",
        fatalities=fatalities, confidence=0.8, doc_id=doc.id,
    )


def _mentions(doc: Document, *places: Place) -> tuple[Toponym, ...]:
    out = []
    for place in places:
        start = doc.text.index(place.name)
        out.append(Toponym(start, start + len(place.name), place.name, place=place, score=0.9))
    return tuple(out)


def build_documents() -> list[ProcessedDocument]:
    one = Document("Artillery shelling struck Kharkiv overnight. Two civilians were killed.",
                   title="Shelling in Kharkiv", url="https://example.org/kharkiv-1", source="Wire",
                   published=date(2024, 3, 1))
    two = Document("Fighters clashed with the army in Khartoum on Monday. Dozens died. "
                   "Protesters later marched through Khartoum.",
                   title="Khartoum clashes", source="Desk", published=date(2024, 3, 20))
    three = Document("Rebels seized a village near Goma. An ambush somewhere in the hills killed four.",
                     title="Goma advance – «rebels»", published=date(2024, 4, 15))
    four = Document("Talks between the parties resumed without a date for a ceasefire.", title="Talks")
    return [
        ProcessedDocument(one, _mentions(one, KHARKIV), (
            _event(one, "shelling", "Explosions/Remote violence", "Shelling/artillery/missile attack",
                   KHARKIV, date(2024, 3, 1), 2),)),
        ProcessedDocument(two, _mentions(two, KHARTOUM), (
            _event(two, "clashed", "Battles", "Armed clash", KHARTOUM, date(2024, 3, 18), 12),
            _event(two, "Protesters", "Protests", "Peaceful protest", KHARTOUM, date(2024, 3, 19)),)),
        ProcessedDocument(three, _mentions(three, GOMA), (
            _event(three, "seized", "Battles", "Non-state actor overtakes territory", GOMA, date(2024, 4, 14)),
            _event(three, "ambush", "Violence against civilians", "Attack", None, date(2024, 4, 14), 4),)),
        ProcessedDocument(four),
    ]
