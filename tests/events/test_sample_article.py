"""The bundled Nagorno-Karabakh wire report gives the events issue 5 asks for."""

import dataclasses
from datetime import date

import pytest

from geomap.events import extract_events
from geomap.samples import load_samples, sample_path


NK_REGION = {"Nagorno-Karabakh", "Stepanakert"}  # the region or a town inside it


def test_sample_corpus_shape():
    documents = load_samples()
    assert 8 <= len(documents) <= 15
    assert all(d.published is not None and 150 <= len(d.text.split()) <= 400 for d in documents)
    assert len({d.published.isocalendar()[1] for d in documents}) >= 4  # several weeks
    assert sample_path().name == "articles.jsonl"


@pytest.fixture(scope="module")
def wire():
    return next(d for d in load_samples() if d.text.startswith("TEHRAN (Iran News) -"))


@pytest.mark.parametrize("published", [date(2023, 9, 20), None])
def test_nagorno_karabakh_events(nlp, make_toponyms, wire, published):
    document = dataclasses.replace(wire, published=published)
    events = extract_events(nlp(document.text), make_toponyms(document.text, "TEHRAN"), document)
    violent = [e for e in events if e.event_type in ("Battles", "Explosions/Remote violence")
               and e.date == date(2023, 9, 19) and e.fatalities == 32]
    assert violent, events
    assert violent[0].injured == 200 and violent[0].place.name in NK_REGION
    assert any(e.sub_event_type == "Agreement" and e.trigger.text in ("agreed", "ceasefire")
               and e.date == date(2023, 9, 20) for e in events)
    assert any(e.trigger.text == "talks" and e.date == date(2023, 9, 21) for e in events)
    assert all(e.place is None or e.place.name != "Tehran" for e in events)
    hedged = document.text.index("could have led")
    negated = document.text.index("has not intervened")
    for event in events:
        for sentence in event.sentences:
            assert not sentence.start <= hedged < sentence.end or event.trigger.start < sentence.start
            assert not (sentence.start <= negated < sentence.end and event.trigger.text == "intervened")
    assert not any(e.trigger.text in ("conflict", "intervened", "wars") for e in events)
