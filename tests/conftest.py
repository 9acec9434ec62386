"""Fixtures shared by the whole suite.

The full gazetteer and the spaCy pipeline are expensive, so each is built once per
session. The gazetteer lives at the usual path (GEOMAP_GAZETTEER / GEOMAP_HOME), so a
developer's machine builds it once and CI, which starts from nothing, builds it once.
"""

from __future__ import annotations

from datetime import date

import pytest

from geomap.records import Document, Event, Place, ProcessedDocument, Span, Toponym


@pytest.fixture(scope="session")
def full_gazetteer():
    from geomap.gazetteer import Gazetteer

    return Gazetteer.open()


@pytest.fixture(scope="session")
def pipeline(full_gazetteer):
    from geomap.pipeline import Pipeline

    return Pipeline(full_gazetteer)


KHARKIV = Place("gn:706483", "Kharkiv", 49.98081, 36.25272, "city", "UA", population=1430885, geonameid=706483)
KHARTOUM = Place("gn:379252", "Khartoum", 15.55177, 32.53241, "city", "SD", population=1974647, geonameid=379252)


def make_processed(text: str, published: date, place: Place, *, event_type: str = "Battles",
                   sub_type: str = "Armed clash", fatalities: int | None = None,
                   url: str | None = None) -> ProcessedDocument:
    """A processed article written by hand: one toponym, one event in the first sentence."""
    doc = Document(text=text, title=text.split(".")[0], published=published, url=url)
    start = text.index(place.name)
    top = Toponym(start, start + len(place.name), place.name, place=place, score=0.9)
    trigger_word = text.split()[0]
    sentence_end = text.index(".") + 1
    event = Event(
        event_type, sub_type, Span(0, len(trigger_word), trigger_word),
        Span(0, sentence_end, text[:sentence_end]),
        date=published, time_precision=1, place=place, location_text=place.name,
        location_span=Span(top.start, top.end, top.text), geo_precision=1, fatalities=fatalities,
        doc_id=doc.id,
    )
    return ProcessedDocument(doc, (top,), (event,))


@pytest.fixture
def processed_docs() -> list[ProcessedDocument]:
    return [
        make_processed("Shelling hit Kharkiv overnight. Two people died.", date(2024, 3, 1), KHARKIV,
                       event_type="Explosions/Remote violence",
                       sub_type="Shelling/artillery/missile attack", fatalities=2),
        make_processed("Clashes erupted in Khartoum on Monday. Dozens were killed.", date(2024, 3, 20),
                       KHARTOUM, fatalities=12),
        make_processed("Protesters marched in Kharkiv. Nobody was hurt.", date(2024, 4, 15), KHARKIV,
                       event_type="Protests", sub_type="Peaceful protest"),
    ]
