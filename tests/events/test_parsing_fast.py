"""The array-based stand-ins for spaCy's attribute ruler, lemmatizer and per-doc
parsing give exactly what spaCy's own components give."""

from __future__ import annotations

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from geomap.events.parsing import _mapper, make_selective, parse_batches, parse_trigger_sentences
from geomap.events.tagging import FastRuler

ATTRS = [HEAD, DEP, POS, TAG, MORPH, LEMMA]

# written for these tests: auxiliaries, "there is", pronouns as subject and object,
# "gonna", a paragraph break, datelines, casualty counts
ARTICLES = [
    "KHARTOUM, Sudan - Paramilitary fighters shelled a market in Omdurman on Tuesday, killing at least "
    "nine people. There is no sign that the fighting will stop, residents said.\n\n"
    "I saw it burn, one trader told reporters, and they're gonna come back.",
    "Troops have been deployed to the border after clashes that left 14 soldiers wounded. "
    "It was not clear who fired first. Officials did not say whether talks would resume.",
    "Hundreds of protesters rallied in the capital on Friday. Police arrested dozens of them "
    "and fired tear gas, witnesses said. The museum reopened last spring.",
    "",
    "A quiet week in the hills: farmers brought in the harvest and the schools stayed open.",
]


@pytest.fixture(scope="module")
def selective():
    import spacy

    from geomap.config import spacy_model_name

    return make_selective(spacy.load(spacy_model_name()))


def test_fast_ruler_finds_what_the_matcher_finds(selective):
    mapper = _mapper(selective)
    assert isinstance(mapper.fast, FastRuler)
    for text in ARTICLES[:3]:
        doc = selective(text)
        parse_trigger_sentences(selective, doc)
        sentences = list(doc.sents)
        expected = sorted(
            (int(doc.vocab.strings[key]), key, s.start + start, s.start + end)
            for s in sentences
            for key, start, end in mapper.rest.matcher(s, allow_missing=True, as_spans=False)
        )
        assert mapper.fast.matches(doc, sentences) == expected
        assert expected  # the rules did fire on these sentences ("have" as aux, "There", "I")


def test_batches_parse_as_one_doc_at_a_time_does(selective):
    one_by_one = [parse_trigger_sentences(selective, selective(t)) for t in ARTICLES]
    batched = list(parse_batches(selective, selective.pipe(ARTICLES), batch_size=3))
    assert [d.text for d in batched] == ARTICLES
    for single, batch in zip(one_by_one, batched):
        assert (single.to_array(ATTRS) == batch.to_array(ATTRS)).all()


def test_forced_offsets_follow_their_doc_through_a_batch(selective):
    texts = ARTICLES[2:]
    reopened = texts[0].index("reopened")
    docs = list(parse_batches(selective, selective.pipe(texts), at=[(reopened,), (), ()], batch_size=2))
    token = docs[0][docs[0].char_span(reopened, reopened + 8).start]
    assert token.dep_ == "ROOT" and token.lemma_ == "reopen"
    quiet = docs[2]  # no trigger and no offset: left unparsed
    assert all(t.dep_ in ("dep", "ROOT") for t in quiet)


def test_parsed_sentences_match_the_full_pipeline(selective, nlp):
    doc = parse_trigger_sentences(selective, selective(ARTICLES[0]))
    full = nlp(ARTICLES[0])
    shelled = next(t for t in doc if t.text == "shelled")
    sentence = shelled.sent
    assert [(t.pos_, t.lemma_, t.dep_, t.head.i) for t in sentence] == \
        [(t.pos_, t.lemma_, t.dep_, t.head.i) for t in full[sentence.start:sentence.end]]
