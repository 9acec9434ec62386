"""Place names inside organisation names and other news conventions (orgplaces, patterns)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, ents, expected", [
    # the model misses the name, or calls it a person: the head word after it decides
    ("When Alexandria police arrived, the road was closed.", [("Alexandria", "PERSON")], ("Alexandria", "place")),
    ("The DeKalb City Council voted on Monday.", [("The DeKalb City Council", "ORG")], ("DeKalb", "org_place")),
    ("The S.C. Highway Patrol closed two lanes after the crash.", [("The S.C. Highway Patrol", "ORG")],
     ("S.C.", "org_place")),
    ("She studies at Northern Illinois University.", [("Northern Illinois University", "ORG")],
     ("Illinois", "org_place")),
    ("The plan is run by Metro Vancouver this year.", [("Metro Vancouver", "ORG")], ("Vancouver", "org_place")),
    ("A DeKalb man was hurt in the crash.", [], ("DeKalb", "place")),
])
def test_place_inside_an_organisation_or_before_a_head_word(found, text, ents, expected):
    assert found(text, ents) == [expected]


def test_county_of_an_organisation_without_its_unit(found):
    # the gazetteer knows "Oconee County"; the organisation drops the unit
    assert found("He was taken to Oconee Medical Center.", [("Oconee Medical Center", "ORG")]) == [
        ("Oconee", "org_place")]


@pytest.mark.parametrize("text, ents", [
    ("Coach Nikki Vancouver said the team was ready.", [("Nikki Vancouver", "PERSON")]),
    ("Kansas Electric officials met on Monday.", [("Kansas Electric", "ORG")]),  # unknown name
    ("The firm Vancouver & Sons won the contract.", [("Vancouver & Sons", "ORG")]),
    ("The shop on DeKalb Ave. was robbed.", [("DeKalb Ave.", "ORG")]),
])
def test_no_place_in_names_of_people_firms_or_streets(found, text, ents):
    assert found(text, ents) == []


def test_members_of_a_county_list(found):
    got = found("Schools in Walton and Oconee counties closed early.", [])
    assert got == [("Walton", "place"), ("Oconee", "place")]


def test_a_list_needs_two_members(found):
    # one name before "counties" may be a word of another phrase; a list of two is a list
    assert found("Three Walton counties staff quit.", []) == []


def test_party_letter_and_home_county(found):
    ents = [("Ann Hill", "PERSON")]
    assert found("The bill was backed by Delegate Ann Hill, D-Braxton, on Monday.", ents) == [("Braxton", "place")]
