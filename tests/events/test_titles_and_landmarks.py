"""Names that belong to something else's wording: a body's title, a hyphened "X-run", a
landmark after a place word and a bracketed alias, a town given in brackets; a name set
off by commas after a word for a kind of place, and one on a "local government".

Every sentence is written for the project, with the real spaCy model; the places are the
fixture's (conftest.py) or invented ones.
"""

from __future__ import annotations

import pytest

from geomap.events.candidates import find_candidates
from geomap.records import Toponym


@pytest.fixture
def candidates(nlp, make_toponyms):
    def run(text: str) -> list[str]:
        return [c.span.text for c in find_candidates(nlp(text), make_toponyms(text))]
    return run


@pytest.mark.parametrize(("text", "name"), [
    # the model splits the hyphen off: "Sudan", "-", "run"
    ("Rebels overran a Sudan-run border post overnight and freed its prisoners.", "Sudan"),
    ("Rebels shelled an Armenia-backed militia base on Sunday.", "Armenia"),
    # a body named after the land it claims
    ("The Revolutionary Front of Darfur said its fighters had attacked a police post.", "Darfur"),
    ("Gunmen of the Islamic Army of Darfur and Sudan raided a market on Sunday.", "Darfur"),
    # a place word named after its "of": the capitalised word before it only describes it
    ("Police raided a house in the Commercial city of Nyala early on Sunday.", "Commercial"),
])
def test_name_in_what_describes_a_body_is_no_candidate(candidates, text: str, name: str) -> None:
    assert name not in candidates(text)


@pytest.mark.parametrize(("text", "name"), [
    # a plain "of" on a body word without a capitalised modifier keeps the place
    ("The police of Kharkiv arrested two men on Sunday.", "Kharkiv"),
    ("The army in Darfur shelled rebel positions on Sunday.", "Darfur"),
    # "Sudan - run": spaced, the hyphen is a dash between clauses, not a joined word
    ("Troops were sent to Sudan - run by a new government since May.", "Sudan"),
    # set off by a comma after a word for a kind of place: the model reads ORG, PRODUCT
    ("In another Nyala township, Ostrel, soldiers patrolled the streets overnight.", "Ostrel"),
    ("By dawn the rebels held both towns on the plateau, Tarvask and Kavuri Dena, and the road between them.",
     "Tarvask"),
])
def test_place_beside_a_body_word_or_a_dash_stays_a_candidate(candidates, text: str, name: str) -> None:
    assert name in candidates(text)


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    # "near" after a place word and a bracketed other name still points back to the name
    ("A shopkeeper was stabbed to death at his home in Velmora colony (Old Velmora) near Kharkiv on Sunday.",
     "stabbed", "Velmora"),
    ("A trader was shot dead in the Velmora district near Kharkiv on Sunday.", "shot", "Velmora"),
    # "local government" is a district in West African usage: the name on it lies in the state after
    ("Gunmen stormed a police post in Tarvask local government in Darfur, killing two officers.", "killing",
     "Tarvask"),
])
def test_the_finer_place_beats_its_landmark_or_bracketed_town(given_place, text: str, trigger: str,
                                                              expected: str) -> None:
    assert given_place(text, trigger) == expected


def test_a_town_in_brackets_says_where_the_place_before_it_lies(given_place, make_toponyms) -> None:
    text = "Witnesses said militiamen had attacked the small community of Velmora (in Nyala) overnight."
    start = text.index("Velmora")
    # Velmora is a name the geoparser found but no gazetteer knows
    unknown = Toponym(start, start + len("Velmora"), "Velmora", "place", None, 0.9)
    toponyms = sorted(make_toponyms(text) + [unknown], key=lambda t: t.start)
    assert given_place(text, "attacked", toponyms) == "Velmora"


def test_a_person_set_off_after_a_place_word_is_no_place(candidates) -> None:
    text = "Troops shelled the Velmora neighbourhood, Ivan Petrenko, a spokesman for the governor, told reporters."
    assert "Ivan Petrenko" not in candidates(text)
