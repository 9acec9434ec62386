"""Where a given trigger's event happened: the rules that keep a named place out when
the wording says it is not the event's scene, and pick the finest of nested places.

Each sentence is written for the project; the places are the fixture's (conftest.py).
"""

from __future__ import annotations

from geomap.events import extract_for_trigger
from geomap.records import Document, Place, Span, Toponym


def _given(nlp, toponyms, text: str, word: str) -> str | None:
    start = text.index(word)
    event = extract_for_trigger(nlp(text), toponyms, Document(text=text), Span(start, start + len(word)))
    return text[event.location_span.start:event.location_span.end] if event.location_span else None


# --- nested places: the finest one named is where it happened ---

def test_named_quarter_of_a_city_beats_the_city(nlp, make_toponyms):
    # "Zarichne" is in no gazetteer: a name given to a place word is taken as a small place
    text = "Shells fell on the Zarichne district of Donetsk overnight, killing two people."
    assert _given(nlp, make_toponyms(text), text, "killing") == "Zarichne"


def test_region_naming_a_town_gives_the_town(nlp, make_toponyms):
    text = "Rockets hit the Darfur town of Nyala on Sunday."
    assert _given(nlp, make_toponyms(text), text, "hit") == "Nyala"


# --- a place in another clause is that clause's scene ---

def test_place_in_what_someone_said_is_not_the_arrest_place(nlp, make_toponyms):
    text = "Police arrested two men on Monday, and officials later said they had fought for a militia in Donetsk."
    assert _given(nlp, make_toponyms(text), text, "arrested") is None


def test_place_in_a_clause_within_a_clause_is_not_the_place(nlp, make_toponyms):
    text = "The army captured the commander, who had told reporters that his unit was based in Donetsk."
    assert _given(nlp, make_toponyms(text), text, "captured") is None


def test_place_in_a_when_clause_still_sets_the_scene(nlp, make_toponyms):
    text = "Two soldiers were killed when their truck hit a mine while it was driving through Izium."
    assert _given(nlp, make_toponyms(text), text, "killed") == "Izium"


# --- the given word in a sense that reports no event ---

def test_capturing_a_title_is_no_event(nlp, make_toponyms):
    text = "The Ukrainian skier captured her first World Cup title in Kharkiv on Sunday."
    assert _given(nlp, make_toponyms(text), text, "captured") is None


def test_cameras_capturing_someone_is_no_event(nlp, make_toponyms):
    text = "Security cameras captured the gunmen as they left a bank in Kharkiv."
    assert _given(nlp, make_toponyms(text), text, "captured") is None


def test_capturing_a_commander_is_still_an_event(nlp, make_toponyms):
    text = "Troops captured a rebel commander in Kharkiv on Sunday."
    assert _given(nlp, make_toponyms(text), text, "captured") == "Kharkiv"


# --- places that name where someone is from or is sent to ---

def test_where_a_captive_is_sent_afterwards_is_not_the_place(nlp, make_toponyms):
    text = "The commander was captured on Monday and flown to Kharkiv for questioning."
    assert _given(nlp, make_toponyms(text), text, "captured") is None


def test_where_gunmen_walked_in_before_firing_is_the_place(nlp, make_toponyms):
    text = "Gunmen walked into a cafe in Mogadishu and opened fire on Friday."
    assert _given(nlp, make_toponyms(text), text, "opened") == "Mogadishu"


def test_hometown_of_the_victim_is_not_the_place(nlp, make_toponyms):
    text = "Ivan Petrenko, 34, of Kharkiv, was shot in the leg on Monday."
    assert _given(nlp, make_toponyms(text), text, "shot") is None


def test_nationality_adjective_a_gazetteer_knows_is_not_a_place(nlp, make_toponyms):
    # a gazetteer may hold a province named like a people's adjective: here it says who
    text = "A bomb exploded outside a Kurdish village on Monday, killing two farmers."
    province = Place("cur:kurdish-test", "Kurdish", 36.0, 44.0, "admin1", "IQ")
    start = text.index("Kurdish")
    toponyms = sorted([*make_toponyms(text), Toponym(start, start + 7, "Kurdish", "place", province, 0.5)],
                      key=lambda t: t.start)
    assert _given(nlp, toponyms, text, "exploded") is None


def test_the_one_arrested_is_a_person_even_if_a_gazetteer_knows_the_name(nlp, make_toponyms):
    # "Nyala" is a town in the fixture's gazetteer; as what "arrested" acts on it is a man
    text = "Police arrested Nyala, a militia leader, on Monday."
    assert _given(nlp, make_toponyms(text), text, "arrested") is None


# --- a town set against a region, a district named inside another name ---

def test_town_named_after_the_trigger_beats_the_region_set_before_it(nlp, make_toponyms):
    text = "In Darfur, militiamen attacked the market of the Nyala town on Sunday."
    assert _given(nlp, make_toponyms(text), text, "attacked") == "Nyala"


def test_named_district_of_an_unknown_place_is_the_finer_place(nlp, make_toponyms):
    # neither name is in the gazetteer: the wording says which lies in which
    text = "In the Zarichne district of Pavlohrad, a bomb hidden in a parked car was detonated late on Monday."
    assert _given(nlp, make_toponyms(text), text, "detonated") == "Zarichne"


# --- a town naming what the event acted on, or who acted ---

def test_town_modifying_the_object_is_the_place(nlp, make_toponyms):
    text = "Militants stormed and attacked a Mogadishu restaurant late on Sunday, killing nine diners."
    assert _given(nlp, make_toponyms(text), text, "attacked") == "Mogadishu"


def test_town_naming_the_police_that_acted_is_the_place(nlp, make_toponyms):
    text = "Nairobi police shot dead two suspected robbers on Tuesday."
    assert _given(nlp, make_toponyms(text), text, "shot") == "Nairobi"


def test_town_naming_whose_official_was_shot_is_not_the_place(nlp, make_toponyms):
    text = "The Kharkiv mayor was shot in the arm on Tuesday."
    assert _given(nlp, make_toponyms(text), text, "shot") is None


def test_country_modifying_the_object_is_not_the_place(nlp, make_toponyms):
    text = "Militants ambushed a Ukraine army convoy on Tuesday."
    assert _given(nlp, make_toponyms(text), text, "ambushed") is None


# --- places that only describe an organisation or a person ---

def test_place_inside_an_organisation_name_is_not_the_place(nlp, make_toponyms):
    text = "Government troops launched an offensive against the Islamic State of Sudan on Monday."
    assert _given(nlp, make_toponyms(text), text, "launched") is None


def test_whose_commander_was_captured_is_not_where(nlp, make_toponyms):
    text = "Soldiers captured a senior commander of Sudan's largest rebel movement on Monday."
    assert _given(nlp, make_toponyms(text), text, "captured") is None


def test_chief_of_a_towns_police_shot_is_not_where(nlp, make_toponyms):
    text = "The chief of Kharkiv's traffic police was shot dead on Thursday."
    assert _given(nlp, make_toponyms(text), text, "shot") is None


def test_place_after_a_locative_preposition_on_a_person_still_counts(nlp, make_toponyms):
    text = "Two aid workers in Nyala were kidnapped by gunmen on Friday."
    assert _given(nlp, make_toponyms(text), text, "kidnapped") == "Nyala"


# --- a town naming a building; a country owning one ---

def test_town_naming_the_home_beats_a_country_named_later(nlp, make_toponyms):
    text = "The prosecutor was shot dead outside his Kharkiv home in the first such killing in Ukraine for years."
    assert _given(nlp, make_toponyms(text), text, "shot") == "Kharkiv"


def test_town_naming_a_hideout_is_the_place(nlp, make_toponyms):
    text = "The militia leader was captured in a Donetsk safe house on Friday."
    assert _given(nlp, make_toponyms(text), text, "captured") == "Donetsk"


def test_country_owning_an_embassy_is_not_the_place(nlp, make_toponyms):
    text = "In Yerevan, several hundred people protested outside the Azerbaijan embassy on Sunday."
    assert _given(nlp, make_toponyms(text), text, "protested") == "Yerevan"


# --- senses of a verb that report nothing at the places named ---

def test_capturing_regions_in_an_election_has_no_place(nlp, make_toponyms):
    text = "The governing party captured Donetsk and Kharkiv in Sunday's regional elections."
    assert _given(nlp, make_toponyms(text), text, "captured") is None


def test_capturing_images_is_a_recording_not_a_seizure(nlp, make_toponyms):
    text = "A television crew captured images of the burning market in Kharkiv."
    assert _given(nlp, make_toponyms(text), text, "captured") is None


def test_capturing_a_town_is_still_a_seizure(nlp, make_toponyms):
    text = "Rebel fighters captured Izium after two days of heavy fighting."
    assert _given(nlp, make_toponyms(text), text, "captured") == "Izium"


# --- a place a distance is measured from ---

def test_town_a_distance_is_measured_from_is_not_the_place(nlp, make_toponyms):
    text = "Gunmen attacked a checkpoint in Izium, about 120 km southeast of Kharkiv, on Friday."
    assert _given(nlp, make_toponyms(text), text, "attacked") == "Izium"


def test_unnamed_town_measured_from_a_city_has_no_place(nlp, make_toponyms):
    text = "Rebels seized a small town some 40 kilometres north of Nyala on Monday."
    assert _given(nlp, make_toponyms(text), text, "seized") is None


# --- what a protest is about happened elsewhere ---

def test_place_of_a_protests_grievance_is_not_the_place(nlp, make_toponyms):
    text = "Thousands of students protested against the shelling of Donetsk on Saturday."
    assert _given(nlp, make_toponyms(text), text, "protested") is None


def test_protest_place_beats_its_grievance(nlp, make_toponyms):
    text = "Hundreds of people demonstrated in Yerevan against the blockade of the Lachin corridor."
    assert _given(nlp, make_toponyms(text), text, "demonstrated") == "Yerevan"


def test_place_after_the_grievance_in_the_protests_phrase_is_the_place(nlp, make_toponyms):
    # "in Yerevan" may hang on "blockade" in the parse: read it as where they protested
    text = "Hundreds of people protested against the blockade in Yerevan on Sunday."
    assert _given(nlp, make_toponyms(text), text, "protested") == "Yerevan"
