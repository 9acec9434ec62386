"""Places of episodes told beside the event (planned acts, events that date it, a capture
before a release) and senses of "shoot" that tell no event.

Each sentence is written for the project; the places are the fixture's (conftest.py).
"""

from __future__ import annotations

import pytest

from geomap.events.other_episodes import (award_for_a_work, capture_before_release, capture_in_sport,
                                          dated_by_another_event, dated_clause_on_a_person, names_a_document,
                                          planned_act, planned_trigger, shoot_tells_no_event, shown_in_a_recording)


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
    pytest.param("Grain prices shot up 30 percent in Khartoum after the harvest failed.",
                 "shot", None, id="prices_shooting_up_by_a_figure_is_no_shooting"),
    pytest.param("The prize-winning photograph was shot by a freelancer from Nairobi.",
                 "shot", None, id="photograph_shot_is_no_shooting"),
    pytest.param("The drama was shot near Baku last winter and stars a cast of unknown actors.",
                 "shot", None, id="what_stars_actors_is_a_film"),
    pytest.param("Police shot two robbers in Baku and arrested a third.",
                 "shot", "Baku", id="police_shooting_keeps_its_place"),
    # --- a prize won for a work ---
    pytest.param("A photographer from Kharkiv won this year's top prize for her pictures of the floods in Izium.",
                 "won", None, id="prize_for_pictures_is_not_won_there"),
    pytest.param("The weekly captured two prizes for photography with its portraits of miners in Donetsk.",
                 "captured", None, id="award_for_a_picture_hung_on_the_prize"),
    # --- a capture in a game ---
    pytest.param("The leg-spinner captured four wickets for 30 runs as the hosts beat Baku by an innings.",
                 "captured", None, id="wickets_captured_are_a_score"),
    pytest.param("The golfer captured a two-shot lead on the third day of the tournament in Nairobi.",
                 "captured", None, id="lead_in_a_tournament_is_a_score"),
    pytest.param("Rebels captured the airport in Kharkiv for the second time this year.",
                 "captured", "Kharkiv", id="capture_for_a_second_time_keeps_its_place"),
    # --- a dated clause on a person ---
    pytest.param("The general, who ran the garrison in Omdurman in 2009, was shot dead at his home.",
                 "shot", None, id="dated_past_post_is_not_the_shooting_place"),
    pytest.param("Two aid workers were kidnapped by herders who in 2015 drove farmers out of Darfur.",
                 "kidnapped", None, id="dated_past_raid_is_not_the_kidnap_place"),
    pytest.param("A colonel, who commanded the border troops around Izium, was killed in an ambush.",
                 "killed", None, id="post_held_is_not_the_killing_place"),
    pytest.param("A border guard, whose post was overrun near Izium on 3 March, was killed by a sniper.",
                 "killed", None, id="dated_whose_clause_is_not_the_killing_place"),
    # --- an event a recording shows ---
    pytest.param("State television in Khartoum aired a clip showing two guards being shot.",
                 "shot", None, id="broadcaster_place_is_not_the_shooting_place"),
    pytest.param("Newspapers in Baku printed photographs of the two pilots captured last week.",
                 "captured", None, id="newspaper_place_is_not_the_capture_place"),
    pytest.param("Residents filmed soldiers as they shot at a crowd in Nyala.",
                 "shot", "Nyala", id="filming_a_shooting_keeps_its_place"),
    pytest.param("A former minister, who was convicted of graft by a court in Khartoum, was shot dead at his farm.",
                 "shot", None, id="trial_of_a_victim_is_not_the_shooting_place"),
    pytest.param("Two men who lay in wait beside a culvert outside Nyala shot a courier on his motorbike.",
                 "shot", "Nyala", id="undated_clause_on_gunmen_tells_the_scene"),
    pytest.param("Dozens were killed in clashes that have raged in Darfur for two years.",
                 "killed", "Darfur", id="dated_clause_on_the_unrest_is_its_place"),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), CASES)
def test_the_place_of_the_given_event(given_place, text: str, trigger: str, expected: str | None) -> None:
    assert given_place(text, trigger) == expected


# Each rule on its own: (rule, sentence, trigger word, place word, whether the rule
# keeps that place out of the trigger's scene).
PLACE_RULES = [
    (planned_act, "Rebels took the airport and plan to push on to Khartoum.", "took", "Khartoum", True),
    (planned_act, "Rebels took the airport in Khartoum and plan to push on.", "took", "Khartoum", False),
    (dated_by_another_event, "The blast came a week after a raid in Izium.", "blast", "Izium", True),
    (dated_by_another_event, "Militants were killed after clashes in Izium.", "killed", "Izium", False),
    (capture_before_release, "A nurse was abducted in Darfur in June and freed in Nyala in July.", "freed", "Darfur",
     True),
    (capture_before_release, "A nurse was abducted in Darfur in June and freed in Nyala in July.", "freed", "Nyala",
     False),
    (planned_trigger, "Militiamen in Nyala fled for fear of being captured in Darfur.", "captured", "Nyala", True),
    (planned_trigger, "Militiamen in Nyala fled for fear of being captured in Darfur.", "captured", "Darfur", False),
    (dated_clause_on_a_person, "A former mayor who once governed Omdurman was killed in Khartoum on Sunday.",
     "killed", "Omdurman", True),
    (dated_clause_on_a_person, "A former mayor who once governed Omdurman was killed in Khartoum on Sunday.",
     "killed", "Khartoum", False),
    (shown_in_a_recording, "Rebels in Omdurman posted a video of a bridge near Khartoum being blown up.", "blown",
     "Omdurman", True),
    (shown_in_a_recording, "Rebels in Omdurman posted a video of a bridge near Khartoum being blown up.", "blown",
     "Khartoum", False),
]


@pytest.mark.parametrize(("rule", "text", "trigger", "place", "expected"), PLACE_RULES,
                         ids=lambda value: value.__name__ if callable(value) else None)
def test_a_place_rule(nlp, rule, text: str, trigger: str, place: str, expected: bool) -> None:
    doc = nlp(text)
    assert rule(_token(doc, place), _token(doc, trigger)) is expected


# Each sense rule on its own: (rule, sentence, trigger word, whether the trigger there
# tells no event at a place).
SENSE_RULES = [
    (shoot_tells_no_event, "Fuel prices shot past the record on Monday.", "shot", True),
    (shoot_tells_no_event, "The crew is shooting scenes in the old town.", "shooting", True),
    (shoot_tells_no_event, "A sniper shot two soldiers at the checkpoint.", "shot", False),
    (award_for_a_work, "She won the prize for her reporting from Mogadishu.", "won", True),
    (award_for_a_work, "The army captured the town for the first time.", "captured", False),
    (capture_in_sport, "The bowler captured three wickets before lunch.", "captured", True),
    (capture_in_sport, "Rebels captured two villages before lunch.", "captured", False),
]


@pytest.mark.parametrize(("rule", "text", "trigger", "expected"), SENSE_RULES,
                         ids=lambda value: value.__name__ if callable(value) else None)
def test_a_sense_rule(nlp, rule, text: str, trigger: str, expected: bool) -> None:
    assert rule(_token(nlp(text), trigger)) is expected


@pytest.mark.parametrize(("text", "place", "expected"), [
    ("The ceasefire broke down a year after the Yerevan peace agreement.", "Yerevan", True),
    ("Delegates left the Yerevan summit early.", "Yerevan", False),
])
def test_names_a_document(nlp, text: str, place: str, expected: bool) -> None:
    assert names_a_document(_token(nlp(text), place)) is expected
