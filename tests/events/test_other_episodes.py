"""Places of episodes told beside the event (planned acts, events that date it, a capture
before a release) and senses of "shoot" that tell no event.

Each sentence is written for the project; the places are the fixture's (conftest.py).
"""

from __future__ import annotations

import pytest

from geomap.events.other_episodes import (capture_before_release, dated_by_another_event, names_a_document,
                                          planned_act, planned_trigger, shoot_tells_no_event)


def _token(doc, word: str):
    return next(t for t in doc if t.text == word)


# Each case: a sentence, its trigger word, and the place the event happened at (None:
# the sentence does not say).
CASES = [
    # --- an act only planned, vowed or threatened ---
    pytest.param("The militia has seized two villages this month and plans to push on into Nyala.",
                 "seized", None, id="planned_push_is_not_the_seizure_place"),
    pytest.param("A union organiser was stabbed on Monday, two days after he vowed to lead a strike in Kharkiv.",
                 "stabbed", None, id="vowed_strike_is_not_the_stabbing_place"),
    pytest.param("Gunmen seized a coach near Izium, threatening to drive it to Kharkiv.",
                 "seized", "Izium", id="threat_leaves_the_seizure_place"),
    pytest.param("Police plan to patrol the market in Nyala around the clock.",
                 "patrol", "Nyala", id="planned_patrol_keeps_its_own_place"),
    # --- the trigger itself only feared, weighed or prepared ---
    pytest.param("Fighters in Izium have mined the bridges for fear of being encircled by the army.",
                 "encircled", None, id="feared_encirclement_has_no_place"),
    pytest.param("Grain growers near Kharkiv, angry over falling prices, have discussed blockading the highway.",
                 "blockading", None, id="discussed_blockade_has_no_place"),
    pytest.param("The union has discussed picketing the port in Mogadishu.",
                 "picketing", "Mogadishu", id="discussed_picket_keeps_its_own_place"),
    # --- a place that names an agreement ---
    pytest.param("Rebels seized two monitors of the Nairobi accord on Sunday.",
                 "seized", None, id="accord_named_by_a_place_is_not_a_place"),
    pytest.param("Rebels seized two officials outside the Nairobi talks on Sunday.",
                 "seized", "Nairobi", id="talks_named_by_a_place_are_there"),
    # --- an event dated by another one ---
    pytest.param("The bombing came exactly a decade after a massacre at a market in Kharkiv.",
                 "bombing", None, id="anniversary_of_another_event_is_not_the_place"),
    pytest.param("Teachers marched on Friday, two days after a strike in Nairobi over unpaid wages.",
                 "marched", None, id="strike_two_days_earlier_is_not_the_march_place"),
    pytest.param("The clashes broke out ahead of a planned vote in Khartoum on the new charter.",
                 "clashes", None, id="coming_vote_is_not_the_clash_place"),
    pytest.param("Troops captured the rebel leader last year after a raid in Izium.",
                 "captured", "Izium", id="own_date_keeps_the_raid_place"),
    # --- a release after a capture ---
    pytest.param("Three engineers were kidnapped in Nyala on Tuesday and released after talks with elders.",
                 "released", None, id="release_is_not_where_the_kidnap_was"),
    pytest.param("Soldiers stormed a rebel camp near Nyala and freed 40 hostages.",
                 "freed", "Nyala", id="freeing_in_a_raid_keeps_the_raid_place"),
    # --- "shoot" as a rise or as filming ---
    pytest.param("Rents shot up in Khartoum last year.",
                 "shot", None, id="prices_shooting_up_is_no_shooting"),
    pytest.param("Most of the documentary was shot on location near Mogadishu.",
                 "shot", None, id="film_shot_on_location_is_no_shooting"),
    pytest.param("Gunmen shot up a minibus in Mogadishu on Sunday, wounding four passengers.",
                 "shot", "Mogadishu", id="shooting_up_a_bus_is_a_shooting"),
    pytest.param("A minibus was shot up near Mogadishu on Sunday.",
                 "shot", "Mogadishu", id="passive_shot_up_is_a_shooting"),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), CASES)
def test_the_place_of_the_given_event(given_place, text: str, trigger: str, expected: str | None) -> None:
    assert given_place(text, trigger) == expected


@pytest.mark.parametrize(("text", "trigger", "place", "expected"), [
    ("Rebels took the airport and plan to push on to Khartoum.", "took", "Khartoum", True),
    ("Rebels took the airport in Khartoum and plan to push on.", "took", "Khartoum", False),
])
def test_planned_act(nlp, text: str, trigger: str, place: str, expected: bool) -> None:
    doc = nlp(text)
    assert planned_act(_token(doc, place), _token(doc, trigger)) is expected


@pytest.mark.parametrize(("text", "trigger", "place", "expected"), [
    ("The blast came a week after a raid in Izium.", "blast", "Izium", True),
    ("Militants were killed after clashes in Izium.", "killed", "Izium", False),
])
def test_dated_by_another_event(nlp, text: str, trigger: str, place: str, expected: bool) -> None:
    doc = nlp(text)
    assert dated_by_another_event(_token(doc, place), _token(doc, trigger)) is expected


def test_capture_before_release(nlp) -> None:
    doc = nlp("A nurse was abducted in Darfur in June and freed in Nyala in July.")
    freed = _token(doc, "freed")
    assert capture_before_release(_token(doc, "Darfur"), freed) is True
    assert capture_before_release(_token(doc, "Nyala"), freed) is False


@pytest.mark.parametrize(("text", "expected"), [
    ("Fuel prices shot past the record on Monday.", True),
    ("The crew is shooting scenes in the old town.", True),
    ("A sniper shot two soldiers at the checkpoint.", False),
])
def test_shoot_tells_no_event(nlp, text: str, expected: bool) -> None:
    doc = nlp(text)
    assert shoot_tells_no_event(next(t for t in doc if t.lemma_ == "shoot")) is expected


def test_planned_trigger(nlp) -> None:
    doc = nlp("Militiamen in Nyala fled for fear of being captured in Darfur.")
    captured = _token(doc, "captured")
    assert planned_trigger(_token(doc, "Nyala"), captured) is True
    assert planned_trigger(_token(doc, "Darfur"), captured) is False


@pytest.mark.parametrize(("text", "place", "expected"), [
    ("The ceasefire broke down a year after the Yerevan peace agreement.", "Yerevan", True),
    ("Delegates left the Yerevan summit early.", "Yerevan", False),
])
def test_names_a_document(nlp, text: str, place: str, expected: bool) -> None:
    assert names_a_document(_token(nlp(text), place)) is expected
