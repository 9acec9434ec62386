"""Senses of a trigger word that report no event at a place, and places that only say
whose war, list or person something is.

Each sentence is written for the project; the places are the fixture's (conftest.py).
"""

from __future__ import annotations

import pytest

from geomap.events import extract_for_trigger
from geomap.events.senses import (captured_a_prize_or_creature, demonstrate_means_show,
                                  reports_a_statement)
from geomap.events.side_facts import later_stage
from geomap.records import Document, Span


def _given(nlp, toponyms, text: str, word: str) -> str | None:
    start = text.index(word)
    event = extract_for_trigger(nlp(text), toponyms, Document(text=text), Span(start, start + len(word)))
    return text[event.location_span.start:event.location_span.end] if event.location_span else None


def _token(doc, word: str):
    return next(t for t in doc if t.text == word)


# Each case: a sentence, its trigger word, and the place the event happened at (None:
# the sentence does not say).
CASES = [
    # --- "demonstrate" meaning to show ---
    pytest.param("The turnout in Kharkiv demonstrated the resilience of local democracy, officials said.",
                 "demonstrated", None, id="turnout_demonstrating_resilience_is_no_protest"),
    pytest.param("Kyiv has demonstrated that it can hold the line near Izium, the minister said.",
                 "demonstrated", None, id="demonstrated_that_is_no_protest"),
    pytest.param("The danger of the old bridge was demonstrated during a storm in Donetsk last winter.",
                 "demonstrated", None, id="passive_demonstrated_is_no_protest"),
    pytest.param("A local engineer demonstrated a solar water pump to farmers in Nyala on Monday.",
                 "demonstrated", None, id="demonstrating_a_machine_is_no_protest"),
    pytest.param("About 2,000 students demonstrated in Kharkiv on Friday against the new tuition fees.",
                 "demonstrated", "Kharkiv", id="demonstrating_students_still_protest_there"),
    pytest.param("Hundreds of nurses demonstrated outside the ministry in Khartoum, carrying placards and flags.",
                 "demonstrated", "Khartoum", id="object_of_a_later_verb_keeps_the_protest"),
    # --- "capture" of a prize, a mood or an animal ---
    pytest.param("Two rowers captured the lightweight doubles for Ukraine at the regatta in Kharkiv.",
                 "captured", None, id="capturing_the_doubles_is_no_seizure"),
    pytest.param("The young driver captured pole position for Sunday's race in Baku.",
                 "captured", None, id="capturing_pole_position_is_no_seizure"),
    pytest.param("The designer captured the relaxed vibe of the Kharkiv fashion week.",
                 "captured", None, id="capturing_a_vibe_is_no_seizure"),
    pytest.param("Park rangers captured three young elephants near Nairobi for a tagging study.",
                 "captured", None, id="capturing_animals_for_study_is_no_seizure"),
    pytest.param("Rebels captured a hilltop position near Nyala on Sunday.",
                 "captured", "Nyala", id="capturing_a_military_position_is_still_a_seizure"),
    pytest.param("The young goalkeeper shot to fame in Kharkiv after saving three penalties.",
                 "shot", None, id="shooting_to_fame_is_no_shooting"),
    # --- a verb of saying or judging reports a statement ---
    pytest.param("The foreign ministry on Tuesday condemned the shelling of a hospital in Kharkiv.",
                 "condemned", None, id="condemning_a_shelling_is_no_event_there"),
    pytest.param("Two men were convicted of the 2019 bombing of a bus station in Nairobi.",
                 "convicted", None, id="convicting_for_a_bombing_is_no_event_there"),
    pytest.param("Rioters fought with police in Kharkiv on Friday, accusing them of beating a student.",
                 "accusing", "Kharkiv", id="participle_of_saying_on_an_act_shares_its_scene"),
    pytest.param("Hundreds rallied in Yerevan on Sunday to demand that the jailed mayor be freed.",
                 "demand", "Yerevan", id="infinitive_of_purpose_on_an_act_shares_its_scene"),
    # --- what a protest is for happened elsewhere ---
    pytest.param("About 400 students demonstrated on Monday in support of the defenders of Izium.",
                 "demonstrated", None, id="place_in_a_support_phrase_is_not_the_protest_place"),
    pytest.param("Hundreds of people marched on Sunday for the release of a Nyala journalist.",
                 "marched", None, id="place_in_a_for_the_release_phrase_is_not_the_protest_place"),
    pytest.param("Some 2,000 people marched on Saturday to denounce the shelling of Izium.",
                 "marched", None, id="place_in_a_purpose_clause_is_not_the_protest_place"),
    pytest.param("Thousands marched in support of the striking dockers in Kharkiv on Saturday.",
                 "marched", "Kharkiv", id="place_put_in_after_a_support_phrase_may_be_the_march_place"),
    # --- a place owning a war, a list, a person ---
    pytest.param("Soldiers arrested one of Sudan's top fugitives after a long manhunt.",
                 "arrested", None, id="country_owning_a_fugitive_is_not_a_scene"),
    pytest.param("Soldiers arrested one of Sudan's top fugitives in a raid on a farm in Darfur.",
                 "arrested", "Darfur", id="country_owning_a_fugitive_gives_way_to_the_raid_place"),
    pytest.param("Shells fell on Donetsk's northern suburbs overnight, killing two people.",
                 "killing", "Donetsk", id="city_owning_its_suburbs_is_still_the_scene"),
    # --- a later stage of the victim's story: custody, transfer, death ---
    pytest.param("A militia paymaster was captured in March and later jailed in Khartoum for six years.",
                 "captured", None, id="place_of_a_later_jailing_is_not_the_capture_place"),
    pytest.param("The cameraman was shot by a sniper and died at a hospital in Nairobi on Friday.",
                 "shot", None, id="place_of_a_later_death_is_not_the_shooting_place"),
    pytest.param("The pilot was captured last autumn and is thought to be held near Nyala.",
                 "captured", None, id="place_of_a_believed_custody_is_not_the_capture_place"),
    pytest.param("A sergeant was captured near Izium in May and transferred to a prison in Donetsk.",
                 "captured", "Izium", id="capture_place_beats_the_place_of_a_later_transfer"),
    pytest.param("Police shot a driver on Sunday as he tried to speed through a checkpoint in Kharkiv.",
                 "shot", "Kharkiv", id="an_attempt_is_no_later_stage"),
    # --- where a unit is based describes the unit ---
    pytest.param("A mountain brigade based in Omdurman now patrols the river crossings every night.",
                 "patrols", None, id="home_of_a_patrolling_unit_is_not_its_patrol_place"),
    pytest.param("The drones patrolling the corridor are based in Yerevan and Baku.",
                 "patrolling", None, id="unit_based_in_two_towns_patrols_neither"),
    pytest.param("The border is watched by guards who have their bases in Sudan.",
                 "watched", None, id="bases_a_unit_has_are_not_where_it_watches"),
    pytest.param("A brigade based in Omdurman patrolled the streets of Nyala on Friday.",
                 "patrolled", "Nyala", id="the_patrol_place_beats_the_home_of_the_unit"),
    # --- what the event led to or recalled ---
    pytest.param("Engineers blew up the old dam on Tuesday, causing severe flooding in Omdurman.",
                 "blew", None, id="place_of_an_effect_is_not_the_event_place"),
    pytest.param("The militia seized two ferries, echoing last year's hijackings off Mogadishu.",
                 "seized", None, id="place_of_an_echoed_event_is_not_the_event_place"),
    pytest.param("A car bomb exploded in Mogadishu on Monday, causing panic across the city.",
                 "exploded", "Mogadishu", id="event_place_stays_when_an_effect_follows"),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), CASES)
def test_the_place_of_the_given_event(nlp, make_toponyms, text: str, trigger: str, expected: str | None) -> None:
    assert _given(nlp, make_toponyms(text), text, trigger) == expected


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("The result demonstrated the strength of the opposition.", "demonstrated", True),
    ("Thousands demonstrated on Sunday in the capital.", "demonstrated", False),
])
def test_demonstrate_means_show(nlp, text: str, word: str, expected: bool) -> None:
    assert demonstrate_means_show(_token(nlp(text), word)) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The home side captured a top-four place with a late goal.", True),
    ("Fishermen captured a rare shark off the coast.", True),
    ("Militants captured the town after a week of fighting.", False),
])
def test_capture_of_a_prize_or_creature(nlp, text: str, expected: bool) -> None:
    assert captured_a_prize_or_creature(_token(nlp(text), "captured")) is expected


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("The envoy criticised Moscow's war in the region.", "Moscow", True),
    ("Troops seized Iraq's most wanted suspect.", "Iraq", True),
    ("Shells hit Kharkiv's central market.", "Kharkiv", False),
])
def test_possessor_of_a_thing(nlp, text: str, word: str, expected: bool) -> None:
    from geomap.events.scene import possessor_of_a_thing

    assert possessor_of_a_thing(_token(nlp(text), word)) is expected


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Officials said the convoy was hit near the border.", "said", True),
    ("The army denied that its jets struck the market.", "denied", True),
    ("Protesters blocked the road, demanding the governor's resignation.", "demanding", False),
    ("Residents live in a hamlet called Oakridge.", "called", False),
    ("The car bombing claimed six lives on Monday.", "claimed", False),
])
def test_reports_a_statement(nlp, text: str, word: str, expected: bool) -> None:
    assert reports_a_statement(_token(nlp(text), word)) is expected


@pytest.mark.parametrize(("text", "place", "expected"), [
    ("Two guards were seized at the gate and later held in a cellar in Omdurman.", "Omdurman", True),
    ("The courier was shot in Khartoum and died hours later.", "Khartoum", False),
    ("Gunmen attacked the militia-held town of Izium on Sunday.", "Izium", False),
])
def test_later_stage(nlp, text: str, place: str, expected: bool) -> None:
    doc = nlp(text)
    trigger = next(t for t in doc if t.lemma_ in ("seize", "shoot", "attack"))
    assert later_stage(_token(doc, place), trigger) is expected
