"""Regression: a place the model took for a person must not take other places with it.

The small model tags a country's name PERSON now and then, and runs a headline into the
next line ("Sri Lanka Erie"); the words of such a "person" used to become surnames for
the whole story, so "Erie" vanished from the next sentence even where it was tagged GPE.
"""

from __future__ import annotations

import spacy

from geomap.nlp import rules


def test_country_tagged_person_is_kept_with_the_place_after_it(found):
    ents = [("Sri Lanka", "PERSON"), ("Erie", "GPE"), ("Pennsylvania", "GPE")]
    got = found("Sri Lanka said on Monday it would hold talks. Erie, Pennsylvania, also offered help.", ents)
    assert got == [("Sri Lanka", "place"), ("Erie", "place"), ("Pennsylvania", "place")]


def test_headline_run_into_a_person_does_not_hide_the_place_below_it(found):
    ents = [("Sri Lanka Erie", "PERSON"), ("Erie", "GPE")]
    got = found("Sri Lanka Erie\nThe lake rose in Erie on Monday.", ents)
    assert ("Erie", "place") in got
    assert ("Sri Lanka", "place") in got


def test_surname_of_a_person_named_in_full_is_still_no_place(found):
    ents = [("Tom Erie", "PERSON"), ("Erie", "PERSON")]
    assert found("Tom Erie coached the team for a decade. Erie retired in May.", ents) == []


def test_place_after_in_survives_a_namesake(found):
    ents = [("Tom Erie", "PERSON"), ("Erie", "GPE")]
    got = found("Tom Erie coached the team for a decade. The storm flooded roads in Erie.", ents)
    assert got == [("Erie", "place")]


def test_person_words_skip_names_holding_a_place(small_gazetteer):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Sri Lanka Erie"}, {"label": "PERSON", "pattern": "Jane Dunn"}])
    doc = nlp("Sri Lanka Erie and Jane Dunn")
    assert rules.person_words(doc) == {"Sri", "Lanka", "Erie", "Jane", "Dunn"}
    assert rules.person_words(doc, small_gazetteer) == {"Jane", "Dunn"}
