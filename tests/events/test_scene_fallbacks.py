"""Places the wording sets as an event's scene though the parse leaves them loose.

The ground an attack fell on, a scene set before a speaker, a happening reported at a
place, a place told after an aside on who the actors are, the place of an attack a
toll's "the attack" points back to, the building a captive was seized from, where the
bomb that is the trigger's subject went off, a name cut short read as the whole
name, a name given to a place word, a reporter who is the one shot, a town's own
spell of violence; and a sentence the parser split inside brackets.
Each sentence is written for the project; the places are the fixture's (conftest.py).
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from geomap.events.sentence_span import mended_sentence

# Each case: a sentence, its trigger word, and the place the event happened at (None:
# the sentence does not say).
CASES = [
    # --- what an attack the trigger's clause tells fell on ---
    pytest.param("Soldiers shot and killed a farmer during the raid on Izium.",
                 "shot", "Izium", id="a_toll_during_a_raid_on_a_town_is_in_that_town"),
    pytest.param("Two fighters were wounded during the assault on Nyala, which lasted three days.",
                 "wounded", "Nyala", id="wounded_during_an_assault_on_a_town"),
    pytest.param("Soldiers shot and killed a farmer during the raid on Ukraine.",
                 "shot", None, id="a_raid_on_a_country_names_an_enemy_not_a_scene"),
    pytest.param("The envoy was captured on Sunday, weeks after a campaign of attacks on Ukraine began.",
                 "captured", None, id="attacks_in_a_clause_of_another_time_are_not_the_scene"),
    # --- a scene set before the speaker ---
    pytest.param("In the frontline city of Izium, nurses reported that militiamen had beaten a shepherd.",
                 "beaten", "Izium", id="a_fronted_scene_before_a_speaker_is_the_scene_of_what_is_said"),
    pytest.param("In Kharkiv nurses reported that militiamen had beaten a shepherd.",
                 "beaten", None, id="without_the_comma_the_phrase_may_be_where_the_speakers_were"),
    pytest.param("Speaking to reporters in Kharkiv, the governor reported that militiamen had beaten a shepherd.",
                 "beaten", None, id="where_a_speaker_spoke_is_no_scene"),
    # --- a happening reported at a place ---
    pytest.param("A large explosion was reported inside the old market of Nyala, killing three people.",
                 "killing", "Nyala", id="an_explosion_reported_inside_a_place_happened_there"),
    pytest.param("A large explosion was reported by a radio station in Nyala, killing three people.",
                 "killing", None, id="the_place_of_who_reported_it_is_no_scene"),
    # --- a place told after an aside on who the actors are ---
    pytest.param("Three herders were shot dead by raiders thought to be army deserters late on Friday in Nyala.",
                 "shot", "Nyala", id="a_place_after_a_suspicion_aside_is_the_scene"),
    pytest.param("An ambush on the highway by raiders alleged to be deserters from a unit stationed in Nyala left "
                 "five drivers dead.", "left", None, id="where_the_suspected_actors_are_based_is_no_scene"),
    # --- the second part of a toll told as what is said ---
    pytest.param("The governor said a sniper killed two sappers on a road in the Izium district, and nine people "
                 "were wounded.", "wounded", "Izium",
                 id="the_wounded_of_a_reported_toll_are_where_its_dead_were"),
    # --- the building a captive was seized from ---
    pytest.param("Gunmen abducted two engineers from their Kharkiv office on Sunday.",
                 "abducted", "Kharkiv", id="the_building_a_captive_is_taken_from_is_where_he_was_seized"),
    pytest.param("The commander was captured along with two aides, all contractors, from their Kharkiv house on "
                 "Sunday.", "captured", "Kharkiv", id="the_building_after_the_companions_still_counts"),
    pytest.param("Rebels captured two soldiers from Kharkiv on Sunday.",
                 "captured", None, id="a_town_a_captive_is_from_is_not_where_he_was_seized"),
    # --- where the bomb that is the trigger's subject went off ---
    pytest.param("The missile that hit a depot used by bus drivers on the edge of Izium on Tuesday evening killed "
                 "six of them, officials said.", "killed", "Izium", id="a_clause_on_the_bomb_says_where_its_toll_fell"),
    # --- "the ambush" of a toll points back to the ambush told before ---
    pytest.param("Thursday's ambush took place outside Izium, the governor told reporters, noting that four guards "
                 "had died during the ambush.", "died", "Izium",
                 id="a_toll_in_the_attack_is_where_that_attack_occurred"),
    pytest.param("Thursday's ambush took place outside Izium, the governor told reporters, noting that four guards "
                 "had died during later street battles.", "died", None,
                 id="a_toll_of_other_fighting_is_not_placed_by_the_attack"),
    # --- a reporter who is the one shot is a victim, not a source ---
    pytest.param("Adam Brekk, a radio reporter on assignment in Izium, was wounded by a sniper late on Tuesday.",
                 "wounded", "Izium", id="a_reporter_wounded_where_he_worked"),
    pytest.param("Gunmen shot Adam Brekk, a newspaper reporter on assignment in Izium, as he left a cafe.",
                 "shot", "Izium", id="a_reporter_the_gunmen_shot_is_their_target"),
    # --- a town's own spell of violence is the scene of its toll; a country's war names none ---
    pytest.param("A shopkeeper and his son were shot dead in Nyala's worst wave of violence this year.",
                 "shot", "Nyala", id="a_toll_in_a_towns_wave_of_violence_is_in_that_town"),
    pytest.param("Hundreds were killed this year in Sudan's fighting.",
                 "killed", None, id="a_toll_in_a_countrys_fighting_names_no_scene"),
    # --- a name given to a place word stands where that word does ---
    pytest.param("On Sunday the militia seized three villages known as Izium and Nyala.",
                 "seized", "Izium", id="villages_known_as_a_name_are_what_was_captured"),
    pytest.param("Gunmen seized the aid workers in a remote area known as Nyala late on Sunday.",
                 "seized", "Nyala", id="an_area_known_as_a_name_is_the_scene"),
    pytest.param("Gunmen killed a commander of a militia known as Nyala on Sunday.",
                 "killed", None, id="a_militia_known_as_a_name_is_no_place"),
    # --- a name the recogniser cut short reads as the whole name would (invented endings) ---
    pytest.param("Militia fighters captured Izium Varosh last spring but lost it within a week.",
                 "captured", "Izium", id="a_town_taken_under_a_cut_name_is_the_scene"),
    pytest.param("Two militiamen died on Friday during a gun battle with soldiers in Nyala Tembuk.",
                 "died", "Nyala", id="in_a_cut_name_is_the_scene"),
    pytest.param("Government troops took Donetsk Al-Moravi after three days of shelling.",
                 "took", "Donetsk", id="a_town_taken_under_a_cut_hyphened_name_is_the_scene"),
    pytest.param("Fighters from Kharkiv Tembuk were killed in an ambush.",
                 "killed", None, id="a_cut_name_after_from_is_still_no_scene"),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), CASES)
def test_the_place_of_the_given_event(given_place, text: str, trigger: str, expected: str | None) -> None:
    assert given_place(text, trigger) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("A bomb that exploded inside a cafe in Izium killed five people.", True),
    ("A bomb that was built in a workshop in Izium killed five people.", False),
])
def test_only_a_clause_of_going_off_places_the_bomb(nlp, text: str, expected: bool) -> None:
    # where a bomb was made or bought is not where it went off
    from geomap.events.scene_fallbacks import striker_clause

    doc = nlp(text)
    place = next(t for t in doc if t.text == "Izium")
    killed = next(t for t in doc if t.text == "killed")
    assert striker_clause(place, killed) is expected


def _doc(nlp, words: list[str], starts: list[int]) -> Doc:
    """A doc with the sentence boundaries a parser might have set (at word indices `starts`)."""
    return Doc(nlp.vocab, words=words, sent_starts=[i in starts for i in range(len(words))])


def test_a_sentence_split_inside_brackets_is_mended(nlp) -> None:
    words = "Two traders were killed on Saturday [ 12 March ] in Nyala .".split()
    doc = _doc(nlp, words, [0, 7])  # the boundary falls inside the bracketed date
    first, second = list(doc.sents)
    assert mended_sentence(first) == (0, len(words))
    assert mended_sentence(second) == (0, len(words))


def test_sentences_split_outside_brackets_stay_apart(nlp) -> None:
    words = "Gunmen killed four traders in Nyala ( Darfur ) . Police said they fled to Khartoum .".split()
    doc = _doc(nlp, words, [0, 10])
    first, second = list(doc.sents)
    assert mended_sentence(first) == (0, 10)
    assert mended_sentence(second) == (10, len(words))
