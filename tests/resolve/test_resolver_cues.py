"""Second-round resolution features: name forms, datelines, "a Jordan man", the
country share of a document. Text written for the project."""

from __future__ import annotations

import pytest

from geomap.resolve import context, names
from geomap.resolve.resolver import Resolver
from resolve_text import resolved_ids, spans


@pytest.fixture
def resolver(small_gazetteer) -> Resolver:
    return Resolver(small_gazetteer)


def test_abbreviations_are_written_out():
    assert "Mount Pleasant" in names.expansions("Mt. Pleasant")
    assert "Saint Albans" in names.expansions("St. Albans")
    assert "Platte County" in names.expansions("Platte Co.")
    assert "West Columbia" in names.expansions("W. Columbia")


def test_mt_and_st_find_the_spelled_out_town(resolver):
    text = "The Mt. Pleasant band and a choir from St. Albans played on Sunday."
    assert resolved_ids(resolver, text, "Mt. Pleasant", "St. Albans") == {
        "Mt. Pleasant": "t:mount-pleasant-ia", "St. Albans": "t:saint-albans-vt"}


@pytest.mark.parametrize("name", ["Madison Township", "Madison Twp.", "Town of Madison", "City of Madison"])
def test_a_township_or_city_of_falls_back_to_the_town(resolver, name):
    text = f"Sirens will be installed in {name} this spring."
    assert resolved_ids(resolver, text, name) == {name: "t:madison-oh"}


def test_a_part_of_a_city_falls_back_to_the_city(resolver):
    text = "Two men were hurt in a shooting in South Los Angeles on Friday."
    assert resolved_ids(resolver, text, "South Los Angeles") == {"South Los Angeles": "t:los-angeles"}


def test_two_words_run_together(resolver):
    text = "Police in East Hampton closed the road."
    assert resolved_ids(resolver, text, "East Hampton") == {"East Hampton": "t:easthampton-ma"}


def test_a_dateline_in_capitals_is_a_town_not_a_state(resolver):
    text = "WASHINGTON — The Senate passed the spending bill late on Thursday."
    assert resolved_ids(resolver, text, "WASHINGTON") == {"WASHINGTON": "t:washington-dc"}
    # without the dateline's form the bare name is the state, as before
    assert resolved_ids(resolver, "Wildfires spread across Washington this week.", "Washington") == {"Washington": "t:wa"}


def test_dateline_detection_needs_capitals_and_a_dash():
    text = "LEBANON (AP) - Crews worked overnight. Later, Lebanon - the town - reopened."
    tops = spans(text, "LEBANON", "Lebanon")
    assert context.town_cues(text, tops) == {0}


def test_spaced_dc_after_a_comma_is_the_district(resolver):
    text = "The awards will be presented in Washington, D. C., next month."
    assert resolved_ids(resolver, text, "Washington") == {"Washington": "t:washington-dc"}


def test_a_jordan_man_is_from_a_town_not_the_country(resolver):
    text = "A Jordan man was hurt when his motorcycle left the road."
    assert resolved_ids(resolver, text, "Jordan") == {"Jordan": "t:jordan-mn"}
    assert resolved_ids(resolver, "Jordan reopened its border crossing.", "Jordan") == {"Jordan": "t:jo"}


def test_more_words_that_make_a_name_a_town(resolver):
    text = "The Lebanon Public Library will close early on Friday."
    assert resolved_ids(resolver, text, "Lebanon") == {"Lebanon": "t:lebanon-pa"}


def test_a_story_full_of_one_country_keeps_a_bare_name_there(resolver):
    # five Tennessee places and no French one: the bare "Paris" is the Tennessee town
    text = ("Crews from Jackson and Paris joined volunteers across Tennessee. Paris "
            "officials thanked Jackson for the trucks.")
    got = resolved_ids(resolver, text, "Jackson", "Paris", "Tennessee")
    assert got["Paris"] == "t:paris-tn" and got["Jackson"] == "t:jackson-tn"


@pytest.mark.parametrize(
    ("name", "inner"),
    [("South Los Angeles", "Los Angeles"), ("Northern Kenya", "Kenya"), ("North Eastern Province", None),
     ("South West", None)],
)
def test_a_compass_word_is_stripped_unless_another_one_follows(name: str, inner: str | None) -> None:
    # "North Eastern Province" is a name of its own, not the north of an "Eastern Province"
    found = names.unwrapped(name)
    if inner is None:
        assert not any(n.split()[0].lower() in ("eastern", "west") for n in found), found
    else:
        assert inner in found
