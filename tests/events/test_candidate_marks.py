"""Candidate spans decided by a mark next to the name: a clock's time zone, the ayn of a
transliterated Arabic name. Sentences written for the project, with the real model;
the names are the fixture's (conftest.py) or invented.
"""

from __future__ import annotations

from geomap.events.candidates import find_candidates


def _candidates(nlp, make_toponyms, text: str) -> list[str]:
    return [c.span.text for c in find_candidates(nlp(text), make_toponyms(text))]


def test_a_town_telling_the_clock_is_no_place(nlp, make_toponyms) -> None:
    # "Kharkiv" is in the fixture's gazetteer: followed by "time" it only says whose clock
    text = "At 5:30 a.m. (Kharkiv time) on Monday, troops launched an assault on Izium."
    assert _candidates(nlp, make_toponyms, text) == ["Izium"]


def test_a_town_before_a_thing_called_time_stays_a_place(nlp, make_toponyms) -> None:
    text = "Police defused a Kharkiv time bomb on Monday."
    assert "Kharkiv" in _candidates(nlp, make_toponyms, text)


def test_a_name_opened_by_a_glued_ayn_mark_is_a_place(nlp, make_toponyms) -> None:
    # the tagger reads the rare name as a common noun after a quote-like mark
    text = "The troops dug in around ‘Amriq and waited for the convoy."
    assert "Amriq" in _candidates(nlp, make_toponyms, text)


def test_a_quoted_word_is_still_no_place(nlp, make_toponyms) -> None:
    text = "The troops dug in around ‘Amriq’ and waited for the convoy."
    assert "Amriq" not in _candidates(nlp, make_toponyms, text)


def test_a_quarter_the_model_calls_a_people_is_a_place(nlp, make_toponyms) -> None:
    # NORP to the model; the name on "area" is the quarter's
    text = "Two mortar rounds landed near a clinic in the largely Shiite al-Hurqa area early on Friday."
    assert "Hurqa" in _candidates(nlp, make_toponyms, text)


def test_a_people_and_its_faith_before_a_quarter_word_are_no_place(nlp, make_toponyms) -> None:
    text = "He fled his home in Kharkiv when his Velmori Muslim neighborhood was burned."
    assert _candidates(nlp, make_toponyms, text) == ["Kharkiv"]
