"""Kind words around a name ("the province of", "the Indonesian island of") and lists of
names ("Nevada, Oregon and California") that should share kind and country. Text
written for the project."""

from __future__ import annotations

from pathlib import Path

import pytest

from geomap.gazetteer import Gazetteer, build_index
from geomap.resolve import context
from geomap.resolve.resolver import Resolver
from resolve_text import resolved_ids, spans

TABLES = Path(__file__).parent / "fixture_kinds"


@pytest.fixture(scope="module")
def resolver(tmp_path_factory: pytest.TempPathFactory) -> Resolver:
    path = build_index(tmp_path_factory.mktemp("kinds") / "kinds.sqlite", tables_dir=TABLES, progress=False)
    return Resolver(Gazetteer.open(path, build_if_missing=False))


def test_kind_words_before_and_after_a_name_are_read():
    text = "Snow fell in the province of Alberta, on the Philippine island of Samar and in Kerala state."
    cues = context.kind_cues(text, spans(text, "Alberta", "Samar", "Kerala"))
    assert "admin1" in cues[0].kinds and "city" not in cues[0].kinds
    assert "landform" in cues[1].kinds and cues[1].adjectives == ("Philippine",)
    assert "admin1" in cues[2].kinds and "city" not in cues[2].kinds


def test_a_name_without_kind_words_has_no_cue():
    text = "Talks in Geneva resumed on Tuesday."
    assert context.kind_cues(text, spans(text, "Geneva")) == {}


@pytest.mark.parametrize("text", [
    "Hospitals in the province of Ontario postponed surgeries.",
    "Ontario province reported 300 new cases on Friday.",
])
def test_province_words_make_ontario_the_province(resolver, text):
    assert resolved_ids(resolver, text, "Ontario") == {"Ontario": "k:on"}


def test_a_bare_ontario_beside_a_californian_town_stays_the_town(resolver):
    text = "Ontario, California, opened a cooling centre."
    assert resolved_ids(resolver, text, "Ontario", "California")["Ontario"] == "k:ontario-ca"


def test_state_of_washington_is_the_state_not_the_capital(resolver):
    text = "Ballots were counted in the state of Washington until late."
    assert resolved_ids(resolver, text, "Washington") == {"Washington": "k:wa"}


def test_an_island_with_a_national_adjective_is_in_that_country(resolver):
    text = "Ash from a volcano on the Indonesian island of Java closed two airports."
    assert resolved_ids(resolver, text, "Java") == {"Java": "k:java"}


def test_lists_are_found_from_the_words_between_names():
    text = "Crews from Nevada, Oregon, and California arrived. Ontario, California, is hot."
    tops = spans(text, "Nevada", "Oregon", "California", "Ontario")
    runs = context.name_lists(text, tops)
    # the first three are a list; a town and its state joined by a bare comma are not
    assert [[tops[i].text for i in run] for run in runs] == [["Nevada", "Oregon", "California"]]


def test_a_list_of_states_pulls_its_ambiguous_members_to_states(resolver):
    text = "Smoke drifted over Nevada, Oregon, California and Georgia on Sunday."
    assert resolved_ids(resolver, text, "Nevada", "Oregon", "California", "Georgia") == {
        "Nevada": "k:nevada", "Oregon": "k:oregon", "California": "k:california", "Georgia": "k:ga"}


def test_a_list_of_foreign_cities_is_not_pulled_into_one_country(resolver):
    text = "Flights to Washington, Moscow and London were cancelled."
    got = resolved_ids(resolver, text, "Moscow", "London")
    assert got == {"Moscow": "k:moscow", "London": "k:london"}
