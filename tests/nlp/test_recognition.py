"""One test per recognition rule, on text written for the project."""

from __future__ import annotations

import pytest

from geomap.nlp import rules


def test_model_place_entities_are_toponyms(found):
    ents = [("Tbilisi", "GPE"), ("Black Sea", "LOC")]
    assert found("Ships left Tbilisi for the Black Sea.", ents) == [("Tbilisi", "place"), ("Black Sea", "place")]


def test_org_and_person_spans_are_checked_against_the_gazetteer(found):
    # the small model tags these two as ORG and PERSON
    ents = [("Nagorno-Karabakh", "ORG"), ("Yerevan", "PERSON"),
                                           ("Amnesty International", "ORG"), ("John Smith", "PERSON")]
    got = found("Talks on Nagorno-Karabakh went on in Yerevan, Amnesty International and John Smith said.", ents)
    assert got == [("Nagorno-Karabakh", "place"), ("Yerevan", "place")]


def test_gazetteer_matcher_finds_names_the_model_missed(found):
    assert found("Residents of Stepanakert queued for bread.") == [("Stepanakert", "place")]


@pytest.mark.parametrize("text", [
    "The weather was Nice and warm.",
    "He was Reading the report aloud.",
    "The Police said nothing.",
])
def test_gazetteer_matcher_skips_common_words_that_are_towns(found, text):
    assert found(text) == []


def test_common_word_town_is_found_after_a_locative_preposition(found):
    assert ("Reading", "place") in found("The train from London stopped in Reading on Monday.")


def test_dateline_is_its_own_kind(found):
    got = found("TEHRAN (Iran News) - The ministry announced new measures on Sunday.")
    assert got[0] == ("TEHRAN", "dateline")


def test_dateline_with_country(found):
    ents = [("Azerbaijan", "GPE")]
    got = found("STEPANAKERT, Azerbaijan -- Shops reopened on Tuesday.", ents)
    assert got == [("STEPANAKERT", "dateline"), ("Azerbaijan", "place")]


def test_leading_the_and_trailing_possessive_are_trimmed(found):
    ents = [("the United States", "GPE"), ("Georgia's", "GPE")]
    assert found("Both the United States and Georgia's government agreed.", ents) == [
        ("United States", "place"), ("Georgia", "place")]


def test_trim_keeps_the_dot_of_an_abbreviation():
    text = "the U.S. and Britain's army."
    assert text[slice(*rules.trim(text, 0, 8))] == "U.S."
    assert text[slice(*rules.trim(text, 13, 22))] == "Britain"


def test_demonyms_are_their_own_kind(found):
    ents = [("Armenian", "NORP"), ("Azerbaijani", "NORP")]
    assert found("Armenian and Azerbaijani diplomats met.", ents) == [
        ("Armenian", "demonym"), ("Azerbaijani", "demonym")]


def test_place_inside_an_organisation_name(found):
    ents = [("University of Virginia", "ORG"), ("Texas Rangers", "ORG")]
    got = found("A study by the University of Virginia was cited.", ents)
    assert got == [("Virginia", "org_place")]


def test_toponyms_survive_serialisation_and_tensor_can_be_dropped(small_gazetteer):
    # nlp.pipe(n_process=2) sends Docs back as bytes: the toponyms must survive that
    import numpy
    import spacy
    from spacy.tokens import Doc

    from geomap.nlp.build import add_toponym_components

    nlp = add_toponym_components(spacy.blank("en"), small_gazetteer, drop_tensor=True)
    doc = nlp.make_doc("Residents of Stepanakert queued for bread.")
    doc.tensor = numpy.ones((len(doc), 4), dtype="float32")
    doc = nlp(doc)
    assert doc.tensor.size == 0
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [(t.text, t.kind) for t in again._.geomap_toponyms] == [("Stepanakert", "place")]
