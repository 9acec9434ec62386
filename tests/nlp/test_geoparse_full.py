"""Integration: the real spaCy model and the full gazetteer, on text written for the project."""

from __future__ import annotations

import pytest
from geopy.distance import great_circle

from geomap.geoparse import Geoparser

pytestmark = pytest.mark.full_gazetteer


@pytest.fixture(scope="module")
def geoparser(full_gazetteer) -> Geoparser:
    return Geoparser(full_gazetteer)


def places(geoparser: Geoparser, text: str) -> dict[str, tuple[str, str | None, str | None]]:
    """text -> (kind, place name, country) of each toponym found."""
    return {t.text: (t.kind, t.place.name if t.place else None, t.place.country_code if t.place else None)
            for t in geoparser.parse(text)}


def test_caucasus_story(geoparser):
    text = ("YEREVAN (Caucasus Wire) - Armenian and Azerbaijani negotiators met in Yerevan on Monday to "
            "discuss Nagorno-Karabakh. Shops in Stepanakert, which Azerbaijan calls Khankendi, "
            "reopened, officials in Baku said.")
    got = places(geoparser, text)
    assert got["YEREVAN"][:2] == ("dateline", "Yerevan")
    assert got["Armenian"] == ("demonym", "Armenia", "AM")
    assert got["Azerbaijani"][0] == "demonym" and got["Azerbaijani"][2] == "AZ"
    assert "Nagorno-Karabakh" in got and got["Nagorno-Karabakh"][1] is not None
    tops = {t.text: t.place for t in geoparser.parse(text)}
    # the gazetteer holds the town and the district of that name: one place either way
    assert great_circle((tops["Stepanakert"].lat, tops["Stepanakert"].lon),
                        (tops["Khankendi"].lat, tops["Khankendi"].lon)).km < 10


def test_paris_texas_and_paris(geoparser):
    assert places(geoparser, "A tornado damaged homes in Paris, Texas, on Sunday.")["Paris"][2] == "US"
    assert places(geoparser, "Protesters marched through Paris on Sunday.")["Paris"][2] == "FR"


def test_georgia_follows_the_document(geoparser):
    country = places(geoparser, "Georgia recalled its ambassador. Crowds gathered in Tbilisi on Friday.")
    state = places(geoparser, "Georgia lawmakers passed the budget. Traffic in Atlanta slowed on Friday.")
    assert country["Georgia"][2] == "GE"
    assert state["Georgia"][1:] == ("Georgia", "US")


def test_armenia_is_the_country(geoparser):
    assert places(geoparser, "Armenia closed its border crossing on Tuesday.")["Armenia"][1:] == ("Armenia", "AM")


def test_place_inside_organisation_name(geoparser):
    got = places(geoparser, "Researchers at the University of Virginia published the survey on Monday.")
    assert got.get("Virginia", (None,))[0] == "org_place"


def test_common_words_are_not_towns(geoparser):
    got = places(geoparser, "It was a nice day. Police said the Split decision was Most unusual.")
    assert not set(got) & {"Police", "Split", "Most", "nice"}


def test_parse_many_in_two_processes_matches_one(geoparser):
    texts = ["Floods hit Dhaka and Chittagong on Monday.", "Nothing to report.",
             "KHARTOUM, Sudan - Fighting spread to El Fasher in Darfur."]
    one = [[(t.text, t.place.id if t.place else None) for t in tops] for tops in geoparser.parse_many(texts)]
    two = [[(t.text, t.place.id if t.place else None) for t in tops]
           for tops in geoparser.parse_many(texts, batch_size=1, n_process=2)]
    assert one == two and one[1] == [] and ("Darfur" in dict(one[2]))


def test_country_the_model_calls_a_person_and_the_town_after_it(geoparser):
    # the small model tags "Sri Lanka" PERSON here; both places must come through
    got = places(geoparser, "Sri Lanka said on Monday it would hold talks. Erie, Pennsylvania, also said it would help.")
    assert got["Sri Lanka"][2] == "LK"
    assert got["Erie"][1:] == ("Erie", "US")


def test_places_inside_organisation_names(geoparser):
    got = places(geoparser, "The DeKalb City Council met after Northern Illinois University students protested. "
                            "The S.C. Highway Patrol and Grovetown police searched the area.")
    assert got["DeKalb"][2] == "US" and got["Illinois"][1] == "Illinois"
    assert got["S.C."][1] == "South Carolina" and got["Grovetown"][2] == "US"


@pytest.mark.parametrize(("text", "name"), [
    ("A car bomb tore through a market in Baghdad on Sunday, police said.", "Baghdad"),
    ("Thousands marched through central London on Saturday.", "London"),
    ("Rockets were fired towards Tel Aviv overnight, the army said.", "Tel Aviv"),
])
def test_a_bare_name_shared_with_its_region_is_the_city(geoparser, text, name):
    kind = {t.text: t.place.kind for t in geoparser.parse(text) if t.place}
    assert kind[name] == "city"


def test_a_kind_word_keeps_the_namesake_region(geoparser):
    kind = {t.text: t.place.kind for t in geoparser.parse("Clashes spread across Baghdad province on Monday.")
            if t.place}
    assert kind["Baghdad"] == "admin1"
