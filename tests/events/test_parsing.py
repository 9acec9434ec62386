"""Only sentences that can hold an event are parsed; what is extracted stays the same."""

from datetime import date

import pytest

from geomap.events import extract_events
from geomap.events.parsing import make_selective, parse_trigger_sentences, trigger_forms
from geomap.records import Document

ARTICLE = (
    "Azerbaijani troops shelled Stepanakert on Tuesday, killing at least 32 people. "
    "The weather in the mountains was mild for the season. "
    "Rebels fought government forces near Izium on Monday, officials said. "
    "A new museum opened its doors to visitors last spring."
)


@pytest.fixture(scope="module")
def selective():
    import spacy

    from geomap.config import spacy_model_name

    return make_selective(spacy.load(spacy_model_name()))


def test_irregular_forms_come_from_the_model(selective):
    forms = trigger_forms(selective)
    assert {"fought", "shot", "shelled", "clashes", "killing"} <= forms
    assert "museum" not in forms


def test_only_trigger_sentences_are_parsed(selective):
    doc = parse_trigger_sentences(selective, selective(ARTICLE))
    sentences = list(doc.sents)
    assert len(sentences) == 4
    parsed = [any(t.dep_ not in ("dep", "ROOT") for t in s) for s in sentences]
    assert parsed == [True, False, True, False]
    fought = next(t for t in doc if t.text == "fought")
    assert fought.lemma_ == "fight" and fought.pos_ == "VERB"
    assert {c.dep_ for c in fought.children} >= {"nsubj", "dobj"}


def test_a_given_offset_forces_its_sentence(selective):
    doc = selective(ARTICLE)
    opened = ARTICLE.index("opened")
    parse_trigger_sentences(selective, doc, at=(opened,))
    assert doc[doc.char_span(opened, opened + 6).start].dep_ == "ROOT"
    assert any(t.dep_ == "nsubj" for t in doc[doc.char_span(opened, opened + 6).start].children)


def test_selective_and_full_parses_give_the_same_events(selective, nlp, make_toponyms):
    document = Document(text=ARTICLE, published=date(2023, 9, 20))
    toponyms = make_toponyms(ARTICLE)
    full = extract_events(nlp(ARTICLE), toponyms, document)
    fast = extract_events(parse_trigger_sentences(selective, selective(ARTICLE)), toponyms, document)

    def summary(events):
        return [(e.event_type, e.sub_event_type, e.location_text, e.date, e.fatalities) for e in events]

    assert summary(fast) == summary(full)
    assert len(fast) >= 2


def test_parsed_sentences_get_the_full_pipelines_lemmas(selective, nlp):
    doc = parse_trigger_sentences(selective, selective(ARTICLE))
    full = nlp(ARTICLE)
    first = next(doc.sents)  # "... shelled Stepanakert ...": a trigger sentence
    assert [t.lemma_ for t in first] == [t.lemma_ for t in full[first.start:first.end]]
    assert next(t for t in doc if t.text == "shelled").lemma_ == "shell"


def test_every_trigger_is_among_the_possible_triggers(nlp):
    from geomap.events.triggers import possible_triggers, trigger_category

    doc = nlp(ARTICLE + " Protesters rallied in the capital after an air strike hit a market.")
    triggers = {t.i for t in doc if trigger_category(t) is not None}
    assert {"shelled", "fought", "rallied", "strike"} <= {doc[i].text for i in triggers}
    assert triggers <= {t.i for t in possible_triggers(doc)}
