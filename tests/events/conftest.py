"""Fixtures for the event tests: the real spaCy model, toponyms built by hand.

Toponyms are built here rather than by the geoparser so each rule is tested on its
own: the places a sentence names are exactly the ones the test says it names.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
import spacy

from geomap.config import spacy_model_name
from geomap.events import extract_events, extract_for_trigger
from geomap.records import Document, Event, Place, Span, Toponym

PLACES = {
    "Nagorno-Karabakh": Place("cur:nagorno-karabakh", "Nagorno-Karabakh", 39.82, 46.76, "region", "AZ"),
    "Stepanakert": Place("gn:174875", "Stepanakert", 39.8177, 46.7528, "city", "AZ"),
    "Khankendi": Place("gn:174875", "Stepanakert", 39.8177, 46.7528, "city", "AZ"),
    "Baku": Place("gn:587084", "Baku", 40.3777, 49.892, "city", "AZ"),
    "Yerevan": Place("gn:616052", "Yerevan", 40.1811, 44.5136, "city", "AM"),
    "Moscow": Place("gn:524901", "Moscow", 55.7522, 37.6156, "city", "RU"),
    "Yevlakh": Place("gn:584717", "Yevlakh", 40.6183, 47.15, "city", "AZ"),
    "Armenia": Place("gn:174982", "Armenia", 40.25, 45.0, "country", "AM"),
    "Azerbaijan": Place("gn:587116", "Azerbaijan", 40.5, 47.5, "country", "AZ"),
    "Tehran": Place("gn:112931", "Tehran", 35.6944, 51.4215, "city", "IR"),
    "Lachin corridor": Place("cur:lachin-corridor", "Lachin corridor", 39.6, 46.5, "region", "AZ"),
    "Kharkiv": Place("gn:706483", "Kharkiv", 49.9808, 36.2527, "city", "UA"),
    "Izium": Place("gn:707688", "Izium", 49.2128, 37.2566, "city", "UA"),
    "Donetsk": Place("gn:709717", "Donetsk", 48.023, 37.8022, "city", "UA"),
    "Ukraine": Place("gn:690791", "Ukraine", 49.0, 32.0, "country", "UA"),
    "Khartoum": Place("gn:379252", "Khartoum", 15.5518, 32.5324, "city", "SD"),
    "Omdurman": Place("gn:365137", "Omdurman", 15.6445, 32.4777, "city", "SD"),
    "Darfur": Place("cur:darfur", "Darfur", 13.5, 24.0, "region", "SD"),
    "Nyala": Place("gn:364933", "Nyala", 12.0489, 24.8807, "city", "SD"),
    "Sudan": Place("gn:366755", "Sudan", 16.0, 30.0, "country", "SD"),
    "Mogadishu": Place("gn:53654", "Mogadishu", 2.0371, 45.3438, "city", "SO"),
    "Nairobi": Place("gn:184745", "Nairobi", -1.2833, 36.8167, "city", "KE"),
}


@pytest.fixture(scope="session")
def nlp():
    return spacy.load(spacy_model_name())


def toponyms_for(text: str, dateline: str | None = None) -> list[Toponym]:
    """Every known place name in `text`, as the geoparser would hand them over."""
    found: list[Toponym] = []
    for name, place in PLACES.items():
        for match in re.finditer(rf"\b{re.escape(name)}\b", text):
            kind = "dateline" if dateline and match.start() == text.find(dateline) else "place"
            found.append(Toponym(match.start(), match.end(), name, kind, place, 0.9))
    if dateline:
        start = text.find(dateline)
        if not any(t.start == start for t in found):
            found.append(Toponym(start, start + len(dateline), dateline, "dateline", PLACES["Tehran"], 0.9))
    demonym_places = {"Azerbaijani": PLACES["Azerbaijan"], "Armenian": PLACES["Armenia"],
                      "Sudanese": PLACES["Sudan"]}
    for word, place in demonym_places.items():
        for match in re.finditer(rf"\b{word}\b", text):
            found.append(Toponym(match.start(), match.end(), word, "demonym", place, 0.9))
    return sorted(found, key=lambda t: t.start)


@pytest.fixture
def extract(nlp):
    def run(text: str, published: date | None = date(2023, 9, 20), dateline: str | None = None) -> list[Event]:
        document = Document(text=text, published=published)
        return extract_events(nlp(text), toponyms_for(text, dateline), document)

    return run


@pytest.fixture
def make_toponyms():
    return toponyms_for


@pytest.fixture
def given_place(nlp):
    """The place `extract_for_trigger` gives the event of the `nth` `word` in `text`, as the
    event-location task asks (the sentence alone), or None; the fixture's toponyms unless given."""
    def run(text: str, word: str, toponyms: list[Toponym] | None = None, nth: int = 0) -> str | None:
        start = -1
        for _ in range(nth + 1):
            start = text.index(word, start + 1)
        found = toponyms_for(text) if toponyms is None else toponyms
        event = extract_for_trigger(nlp(text), found, Document(text=text), Span(start, start + len(word)))
        span = event.location_span
        return text[span.start:span.end] if span else None
    return run
