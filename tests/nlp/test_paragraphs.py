from __future__ import annotations

import spacy

from geomap.nlp import paragraphs  # noqa: F401 - registers the component


def test_a_blank_line_starts_a_sentence_even_without_punctuation():
    nlp = spacy.blank("en")
    nlp.add_pipe("geomap_paragraphs")
    doc = nlp("The governor said the attack used a ballistic missile\n\nPresident Zelenskiy spoke in Granada")
    starts = [t.text for t in doc if t.is_sent_start]
    assert "President" in starts
    assert "attack" not in starts


def test_sentences_from_a_parser_are_left_alone():
    nlp = spacy.blank("en")
    nlp.add_pipe("geomap_paragraphs")
    doc = nlp.make_doc("Shelling hit Kharkiv\n\nTwo people died")
    doc[0].head = doc[0]
    doc[0].dep_ = "ROOT"
    for token in doc[1:]:
        token.head, token.dep_ = doc[0], "dep"
    out = nlp.get_pipe("geomap_paragraphs")(doc)
    assert not out[4].is_sent_start
