"""Which place is an event's when a clause only places a thing, or the sentence opens
with the area it is about: rules of fronted_frame.py and nesting.says_where_it_lies.

Each sentence is written for the project; the places are the fixture's (conftest.py)
or invented ones no gazetteer holds.
"""

from __future__ import annotations

import pytest

CASES = [
    # a clause that only says where the thing acted on lies keeps its place in the trigger's phrase
    pytest.param("The army launched a push in the southern countryside of Darfur on Monday, targeting the farms "
                 "located between Brenivka and Marivka.", "targeting", "Brenivka",
                 id="farms_located_between_two_villages_are_placed_by_them"),
    pytest.param("Rebels opened an offensive in the Darfur region overnight, targeting the hills that surround the "
                 "village of Marivka.", "targeting", "Marivka", id="hills_surrounding_a_village_are_placed_by_it"),
    # a place opening the sentence frames a finer one told of the trigger's own moment
    pytest.param("In Darfur, an aid worker was shot in the leg while driving through the market town of Nyala on "
                 "Friday.", "shot", "Nyala", id="a_town_driven_through_beats_the_fronted_region"),
    pytest.param("In Kharkiv, two volunteers were wounded when a shell struck their van near the suburb of Brenivka.",
                 "wounded", "Brenivka", id="a_suburb_near_which_the_van_was_hit_beats_the_fronted_city"),
    pytest.param("Separately in the Darfur region, militiamen clashed with police late on Monday in Brenivka, "
                 "leaving three dead.", "clashed", "Brenivka", id="a_frame_after_a_linking_adverb_is_still_a_frame"),
    # a place in a clause of another moment leaves the frame the scene
    pytest.param("In Darfur, thousands of farmers demonstrated on Friday in support of the governor, who spoke to "
                 "them from his office in Nyala.", "demonstrated", "Darfur",
                 id="a_town_in_a_relative_clause_does_not_beat_the_fronted_region"),
    pytest.param("In Darfur, rebels detonated a mine as voting began in the Nyala constituency, killing four guards.",
                 "detonated", "Darfur", id="a_town_of_a_background_as_clause_does_not_beat_the_fronted_region"),
    # adjectives on the enclosing place's word keep the two names one phrase
    pytest.param("A suicide bomber in Brenivka Prefecture in the volatile Sudanese region of Darfur killed eight "
                 "people last Friday.", "killed", "Brenivka Prefecture",
                 id="a_prefecture_in_an_adjective_described_region_is_the_finer_place"),
    pytest.param("Gunmen shot two guards in the Brenivka military district of Kharkiv on Friday.", "shot", "Brenivka",
                 id="a_district_described_by_an_adjective_before_its_town_beats_it"),
    # the opening phrase may name the region as the owner of its countryside
    pytest.param("In the eastern countryside of Darfur, militias attacked farms outside the village of Brenivka on "
                 "Sunday.", "attacked", "Brenivka", id="a_village_beats_the_fronted_countryside_of_a_region"),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), CASES)
def test_the_place_of_the_given_event(given_place, text: str, trigger: str, expected: str | None) -> None:
    assert given_place(text, trigger) == expected
