"""Senses of a trigger word that report no event at a place, and places that only say
whose war, list or person something is.

Each sentence is written for the project; the places are the fixture's (conftest.py).
"""

from __future__ import annotations

import pytest

from geomap.events.senses import (captured_a_prize_or_creature, demonstrate_means_show,
                                  reports_a_statement, tells_a_relation)
from geomap.events.side_facts import home_of_a_person, later_stage, post_of_a_participant


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
    pytest.param("The spinner captured two five-wicket hauls against Sudan at the ground in Khartoum.",
                 "captured", None, id="capturing_a_bowlers_haul_is_no_seizure"),
    pytest.param("Marine biologists captured a group of young crabs off the coast near Mogadishu.",
                 "captured", None, id="capturing_a_group_of_creatures_is_no_seizure"),
    pytest.param("The senator captured his home state of Armenia on Tuesday with a late surge.",
                 "captured", None, id="capturing_ones_home_state_is_a_poll_win"),
    pytest.param("The old governor captured the governorship of Darfur in 1996.",
                 "captured", None, id="capturing_an_office_is_no_seizure"),
    pytest.param("The painter captured the period in a series of street scenes of old Baku.",
                 "captured", None, id="capturing_a_period_is_a_depiction"),
    pytest.param("Rebels captured a group of soldiers near Nyala on Sunday.",
                 "captured", "Nyala", id="capturing_a_group_of_people_is_still_a_seizure"),
    pytest.param("Diplomats in Moscow shot down hopes of a quick deal over the Lachin corridor.",
                 "shot", None, id="shooting_down_hopes_is_no_shooting"),
    pytest.param("The leaked memo on Azerbaijan destroyed the envoy's careful strategy.",
                 "destroyed", None, id="destroying_a_strategy_is_no_blow"),
    pytest.param("Shells destroyed a clinic in Izium on Monday.",
                 "destroyed", "Izium", id="destroying_a_building_is_a_blow"),
    pytest.param("The young goalkeeper shot to fame in Kharkiv after saving three penalties.",
                 "shot", None, id="shooting_to_fame_is_no_shooting"),
    # --- regarding, blaming or concluding is a judgement ---
    pytest.param("The siege is widely seen as a turning point for the towns of Darfur.",
                 "seen", None, id="seen_as_is_a_judgement"),
    pytest.param("Mourners in Nyala held the army responsible for the massacre.",
                 "held", None, id="holding_responsible_is_a_blame"),
    pytest.param("A 2021 survey in Kharkiv concluded that most families had fled.",
                 "concluded", None, id="a_survey_concluding_is_no_deed"),
    pytest.param("Gunmen held three nurses in Nyala for a week.",
                 "held", "Nyala", id="holding_captives_is_a_deed"),
    # --- a verb of saying or judging reports a statement ---
    pytest.param("The foreign ministry on Tuesday condemned the shelling of a hospital in Kharkiv.",
                 "condemned", None, id="condemning_a_shelling_is_no_event_there"),
    pytest.param("Shops were looted in Nyala, where crowds accuse the governor of rigging the May vote.",
                 "rigging", None, id="deed_charged_on_the_accused_is_not_at_the_charges_place"),
    pytest.param("The watchdog said the militia had shelled markets in eastern Izium, accusing it of war crimes.",
                 "accusing", None, id="saying_participle_after_a_speakers_clause_is_the_speakers"),
    pytest.param("The envoy pointed out that gunmen have raided 40 clinics across Darfur, adding that 90 nurses died.",
                 "adding", None, id="adding_after_a_pointed_out_clause_is_the_speakers"),
    pytest.param("The mayor said that the militia's raids on Kharkiv amount to a crime, calling for a tribunal.",
                 "calling", None, id="calling_for_is_a_statement_not_a_name"),
    pytest.param("Police raided a mosque in Omdurman on Friday, accusing the imam of hiding rifles.",
                 "accusing", "Omdurman", id="accusing_participle_on_a_plain_act_shares_its_scene"),
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
    # --- a person's post or earlier life, told beside the event ---
    pytest.param("Masked men shot Oleh Hlushko, the party's regional chairman in Izium, on Tuesday.",
                 "shot", None, id="place_of_a_victims_post_is_not_the_shooting_place"),
    pytest.param("Andriy Bilyk -- captain of Kharkiv -- scored twice in the second half.",
                 "scored", None, id="team_a_player_captains_is_not_where_he_scored"),
    pytest.param("Iryna Tkachuk, the group's treasurer in Donetsk, was seized at a checkpoint near Izium.",
                 "seized", "Izium", id="event_place_beats_the_place_of_a_post"),
    pytest.param("Yuri Marenko, an attache at the consulate in Nairobi, was shot outside the consulate.",
                 "shot", "Nairobi", id="workplace_of_a_victim_may_be_the_scene"),
    pytest.param("Two drivers, who were grain traders in Nyala, were abducted on Sunday.",
                 "abducted", None, id="trade_a_person_plies_somewhere_is_not_the_scene"),
    pytest.param("Ostrenko, who grew up in Kharkiv, was captured last spring.",
                 "captured", None, id="where_a_captive_grew_up_is_not_the_capture_place"),
    pytest.param("Gunmen shot a farmer who was in Nyala for the market on Friday.",
                 "shot", "Nyala", id="where_a_victim_was_at_the_time_is_the_scene"),
    # --- a deed and the arrest or charge for it are two episodes ---
    pytest.param("A teenager was arrested on Monday for stabbing a trader at a market in Kharkiv.",
                 "arrested", None, id="place_of_the_deed_is_not_the_arrest_place"),
    pytest.param("A man accused of shooting a guard was seized in Donetsk on Friday.",
                 "shooting", None, id="place_of_the_arrest_is_not_the_deed_place"),
    pytest.param("Troops searched houses in Nyala on Monday, accusing residents of hiding the rebels.",
                 "hiding", "Nyala", id="accusation_riding_on_an_act_shares_its_scene"),
    pytest.param("A teenager was arrested in Kharkiv on Monday for stabbing a trader.",
                 "arrested", "Kharkiv", id="arrest_place_stays_beside_a_deed"),
    # --- a past-perfect clause on a person recalls an earlier act ---
    pytest.param("Days after the shelling of Izium, a teacher who had earlier marched in a rally was detained.",
                 "marched", None, id="places_of_the_story_are_not_an_earlier_acts"),
    pytest.param("Two farmers he had been marching beside, one a Kharkiv councillor, were detained.",
                 "marching", None, id="place_of_a_companions_post_is_not_an_earlier_acts"),
    pytest.param("Police shot a man outside a cafe in Nyala where he had dined with friends.",
                 "dined", "Nyala", id="clause_on_a_place_is_set_there"),
    pytest.param("A nurse who had treated the wounded in Donetsk was killed in Kharkiv.",
                 "treated", "Donetsk", id="earlier_act_keeps_its_own_place"),
    # --- a place inside a name given in quotes ---
    pytest.param("Rebels seized the ridge last week in an offensive dubbed \u201cDawn over Kharkiv\u201d.",
                 "seized", None, id="place_in_a_quoted_operation_name_is_not_the_scene"),
    pytest.param("Rebels seized a ridge near Izium in an offensive dubbed \u201cRed Dawn\u201d.",
                 "seized", "Izium", id="scene_stays_beside_a_quoted_operation_name"),
    # --- a captive's later act ---
    pytest.param("The two smugglers captured on Tuesday later waved down a lorry north of Izium.",
                 "captured", None, id="place_of_a_captives_later_act_is_not_the_capture_place"),
    pytest.param("Two smugglers captured near Izium on Tuesday later escaped from a jail in Donetsk.",
                 "captured", "Izium", id="capture_place_beats_a_captives_later_act"),
    pytest.param("The bodies of three medics, killed when their van hit a mine, arrived back in Kharkiv on Friday.",
                 "killed", None, id="place_a_victims_body_arrived_is_not_the_killing_place"),
    pytest.param("The bodies of three medics, killed when their van hit a mine near Izium, arrived in Kharkiv.",
                 "killed", "Izium", id="killing_place_beats_where_the_bodies_arrived"),
    pytest.param("Two smugglers were caught after the questioning of a courier arrested last week in Kharkiv.",
                 "caught", None, id="place_of_another_persons_arrest_is_not_the_catch_place"),
    pytest.param("Two smugglers were caught in Izium after the questioning of a courier arrested in Kharkiv.",
                 "caught", "Izium", id="catch_place_beats_another_persons_arrest_place"),
    pytest.param("Five guards were killed and a score of others hurt in Nyala on Monday.",
                 "killed", "Nyala", id="wounded_beside_the_dead_share_their_place"),
    pytest.param("Rebels seized the two hills from the army in the 2003 Darfur war.",
                 "seized", None, id="place_naming_a_war_is_not_the_scene"),
    pytest.param("Guards clashed with students near the parliament in Baku after the rector urged them to protest.",
                 "protest", None, id="place_around_a_request_is_not_the_requested_acts"),
    pytest.param("The rector urged students to protest outside the parliament in Baku on Friday.",
                 "protest", "Baku", id="requested_act_keeps_a_place_in_its_own_words"),
    pytest.param("The new premier dropped the old doctrine and launched a tougher strategy towards Armenia.",
                 "launched", None, id="aim_of_a_policy_is_not_a_scene"),
    pytest.param("Thousands of people in Omdurman protested against the gunmen who shot a teacher last week.",
                 "shot", None, id="protest_place_is_not_the_protested_deeds"),
    pytest.param("Thousands protested against the gunmen who shot a teacher in Omdurman last week.",
                 "shot", "Omdurman", id="protested_deed_keeps_its_own_place"),
    pytest.param("Warplanes of Azerbaijan patrol the border every night.",
                 "patrol", None, id="place_naming_whose_warplanes_is_a_party"),
    pytest.param("Troops loyal to the government of Sudan seized a hilltop near Nyala.",
                 "seized", "Nyala", id="scene_beats_the_place_naming_a_government"),
    # --- where the people came from ---
    pytest.param("Thousands of farmers from across Sudan marched through the capital on Monday.",
                 "marched", None, id="origin_from_across_a_country_is_not_the_march_place"),
    pytest.param("Thousands of farmers from across Sudan marched in Khartoum on Monday.",
                 "marched", "Khartoum", id="march_place_beats_the_origin_of_the_marchers"),
    pytest.param("Militias attacked villages across Darfur on Monday.",
                 "attacked", "Darfur", id="across_alone_is_a_scene"),
    # --- where the victim went afterwards ---
    pytest.param("A shepherd was shot in the leg on Friday but managed to walk to the town of Izium.",
                 "shot", None, id="place_a_victim_walked_to_is_not_the_shooting_place"),
    pytest.param("A shepherd was shot near Izium on Friday but managed to walk to the town of Kharkiv.",
                 "shot", "Izium", id="shooting_place_beats_where_the_victim_walked"),
    # --- verbs of relation, trend or admission: no deed at a place ---
    pytest.param("The shelling of Kharkiv deepened fears of a long winter, officials said.",
                 "deepened", None, id="deepening_fears_is_no_deed"),
    pytest.param("Aid deliveries to Nyala depend on the road staying open.",
                 "depend", None, id="depending_is_no_deed"),
    pytest.param("Army officers acknowledged that a patrol had fired on a bus near Izium.",
                 "acknowledged", None, id="acknowledging_is_no_deed"),
    pytest.param("Donors urged the council to put pressure on the rulers in Khartoum.",
                 "put", None, id="putting_pressure_is_no_deed"),
    pytest.param("Workers put sandbags around the clinic in Khartoum on Monday.",
                 "put", "Khartoum", id="putting_things_is_a_deed"),
    pytest.param("Hundreds of students took to the streets of Yerevan to support the strikers.",
                 "support", "Yerevan", id="support_riding_on_a_march_shares_its_scene"),
    pytest.param("Diplomats are making suggestions that talks in Baku could resume soon.",
                 "making", None, id="making_suggestions_is_no_deed"),
    pytest.param("The two commanders fell out with their leader in Baku last spring.",
                 "fell", None, id="falling_out_is_no_deed"),
    # --- the party that receives in a handover ---
    pytest.param("The smugglers were caught on a mountain road and handed to Azerbaijan.",
                 "handed", None, id="recipient_of_a_handover_is_not_a_place"),
    pytest.param("Militiamen handed the hostages to Armenia on Friday.",
                 "handed", None, id="country_receiving_hostages_is_not_a_place"),
    pytest.param("Militiamen handed the hostages over in Nyala on Friday.",
                 "handed", "Nyala", id="place_of_a_handover_stays"),
    # --- a role taken up after the event, and "shoot" in senses that tell no shooting ---
    pytest.param("A nurse was abducted in 2019 and later became a teacher in Nyala.",
                 "abducted", None, id="role_taken_up_later_is_not_the_capture_place"),
    pytest.param("A guard was wounded by gunfire as the convoy became stranded outside Nyala.",
                 "wounded", "Nyala", id="became_in_a_clause_of_time_is_the_scene"),
    pytest.param("Fuel prices shot past a record in Khartoum on Monday.",
                 "shot", None, id="prices_shooting_past_a_record_is_no_shooting"),
    pytest.param("The crew is shooting scenes for a drama in Baku this month.",
                 "shooting", None, id="shooting_scenes_is_filming"),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), CASES)
def test_the_place_of_the_given_event(given_place, text: str, trigger: str, expected: str | None) -> None:
    assert given_place(text, trigger) == expected


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


@pytest.mark.parametrize(("text", "trigger", "place", "expected"), [
    ("Masked men shot Oleh Hlushko, the party's regional chairman in Izium, on Tuesday.", "shot", "Izium", True),
    ("Yuri Marenko, an attache at the consulate in Nairobi, was shot outside the consulate.", "shot", "Nairobi",
     False),
    ("Police shot a looter in Izium on Tuesday.", "shot", "Izium", False),
])
def test_post_of_a_participant(nlp, text: str, trigger: str, place: str, expected: bool) -> None:
    doc = nlp(text)
    assert post_of_a_participant(_token(doc, place), _token(doc, trigger)) is expected


@pytest.mark.parametrize(("text", "trigger", "place", "expected"), [
    ("Ostrenko, who grew up in Kharkiv, was captured last spring.", "captured", "Kharkiv", True),
    ("Two drivers, who were grain traders in Nyala, were abducted on Sunday.", "abducted", "Nyala", True),
    ("Gunmen shot a farmer who was in Nyala for the market on Friday.", "shot", "Nyala", False),
])
def test_home_of_a_person(nlp, text: str, trigger: str, place: str, expected: bool) -> None:
    doc = nlp(text)
    assert home_of_a_person(_token(doc, place), _token(doc, trigger)) is expected


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Army officers admitted the error made near Kharkiv.", "admitted", True),
    ("Three wounded guards were admitted to a clinic in Omdurman on Sunday.", "admitted", False),
    ("Falling prices deepened the gloom in Nyala.", "deepened", True),
    ("Donors put pressure on the council in Nyala.", "put", True),
    ("Volunteers put food parcels on a truck in Nyala.", "put", False),
])
def test_tells_a_relation(nlp, text: str, word: str, expected: bool) -> None:
    assert tells_a_relation(_token(nlp(text), word)) is expected
