"""The full index built from the registry packages and the curated tables in gazetteer/.

Uses the suite's session fixture ``full_gazetteer`` (built once if missing)."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from pathlib import Path

import pytest

from geomap.gazetteer import Gazetteer
from geomap.gazetteer.build import default_tables_dir

pytestmark = pytest.mark.full_gazetteer

# name -> (expected kind, country code, approximate lat, lon) of the first candidate
EXPECTED = {
    "Baku": ("city", "AZ", 40.38, 49.89),
    "Stepanakert": ("city", "AZ", 39.82, 46.75),
    "Khankendi": ("city|admin1", "AZ", 39.82, 46.75),  # the city and its city-district
    "Yerevan": ("city", "AM", 40.18, 44.51),
    "Moscow": ("city", "RU", 55.75, 37.62),
    "Tehran": ("city", "IR", 35.69, 51.42),
    "Kharkiv": ("city", "UA", 49.98, 36.25),
    "Kyiv": ("city", "UA", 50.45, 30.52),
    "Kiev": ("city", "UA", 50.45, 30.52),
    "Donetsk": ("city", "UA", 48.02, 37.80),
    "Bakhmut": ("city", "UA", 48.59, 38.00),
    "Khartoum": ("city", "SD", 15.55, 32.53),
    "El Fasher": ("city", "SD", 13.63, 25.35),
    "Rafah": ("city", "PS", 31.30, 34.25),
    "Mogadishu": ("city", "SO", 2.04, 45.34),
    "Armenia": ("country", "AM", 40.0, 45.0),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_news_places_resolve_to_sensible_first_candidates(full_gazetteer: Gazetteer, name: str) -> None:
    kind, country, lat, lon = EXPECTED[name]
    first = full_gazetteer.candidates(name)[0]
    assert first.kind in kind.split("|") and first.country_code == country, first
    assert first.lat == pytest.approx(lat, abs=0.6) and first.lon == pytest.approx(lon, abs=0.6)


def test_armenia_the_country_comes_before_the_colombian_town(full_gazetteer: Gazetteer) -> None:
    found = full_gazetteer.candidates("Armenia")
    assert found[0].id == "gn:174982"
    assert any(p.kind == "city" and p.country_code == "CO" for p in found[1:])


@pytest.mark.parametrize(
    ("name", "place_id"),
    [("Nagorno-Karabakh", "cur:nagorno-karabakh"), ("Nagorno Karabakh", "cur:nagorno-karabakh"),
     ("Karabakh", "cur:nagorno-karabakh"), ("Artsakh", "cur:nagorno-karabakh"), ("Darfur", "cur:darfur"),
     ("Donbas", "cur:donbas"), ("Gaza Strip", "cur:gaza-strip"), ("West Bank", "cur:west-bank"),
     ("Kashmir", "cur:kashmir"), ("Sahel", "cur:sahel"), ("Crimea", "cur:crimea"), ("Sinai", "cur:sinai"),
     ("Golan Heights", "cur:golan-heights"), ("Balkans", "cur:balkans"), ("Caucasus", "cur:caucasus"),
     ("Horn of Africa", "cur:horn-of-africa"), ("Levant", "cur:levant"), ("Middle East", "cur:middle-east"),
     ("Black Sea", "cur:black-sea"), ("Red Sea", "cur:red-sea"), ("Persian Gulf", "cur:persian-gulf"),
     ("Strait of Hormuz", "cur:strait-of-hormuz"), ("Euphrates", "cur:euphrates")],
)
def test_curated_regions_and_waters_come_first(full_gazetteer: Gazetteer, name: str, place_id: str) -> None:
    assert full_gazetteer.candidates(name)[0].id == place_id


def test_gaza_offers_the_strip_and_the_city(full_gazetteer: Gazetteer) -> None:
    ids = [p.id for p in full_gazetteer.candidates("Gaza", limit=4)]
    assert "cur:gaza-strip" in ids and "gn:281133" in ids


@pytest.mark.parametrize(
    ("short", "country"), [("U.S.", "US"), ("US", "US"), ("U.K.", "GB"), ("UAE", "AE"), ("DRC", "CD")]
)
def test_short_forms_name_countries(full_gazetteer: Gazetteer, short: str, country: str) -> None:
    first = full_gazetteer.candidates(short)[0]
    assert (first.kind, first.country_code) == ("country", country)


def test_dateline_abbreviations_name_us_states(full_gazetteer: Gazetteer) -> None:
    assert full_gazetteer.candidates("D.C.")[0].id == "gn:4140963"
    for abbr, state in (("N.C.", "North Carolina"), ("Calif.", "California"), ("Ga.", "Georgia")):
        states = [p for p in full_gazetteer.candidates(abbr) if p.kind == "admin1" and p.country_code == "US"]
        assert states and states[0].name == state
        assert full_gazetteer.name_kind(abbr) == "code"


def test_demonyms_and_weak_names(full_gazetteer: Gazetteer) -> None:
    assert full_gazetteer.demonym("Armenian").id == "gn:174982"
    assert full_gazetteer.demonym("Azerbaijani").country_code == "AZ"
    assert full_gazetteer.demonym("Ukrainians").country_code == "UA"
    assert full_gazetteer.name_kind("PER") == "main"  # Pér, Hungary; Perth only has it as a code
    assert dict((p.id, k) for p, k in full_gazetteer.lookup("PER"))["gn:2063523"] == "code"


def test_coverage_counts(full_gazetteer: Gazetteer) -> None:
    assert int(full_gazetteer.stats()["places"]) > 230_000
    assert len(full_gazetteer.by_country("UA", kind="admin1")) >= 24
    assert full_gazetteer.country("PS") is not None and full_gazetteer.country("XK") is not None
    assert {p.name for p in full_gazetteer.candidates("Europe")} >= {"Europe"}


# full county name -> (id, state, lat, lon of the Census internal point, roughly)
COUNTIES = {
    "Cook County": ("us-county:17031", "IL", 41.84, -87.82),
    "Rapides Parish": ("us-county:22079", "LA", 31.20, -92.53),
    "Los Angeles County": ("us-county:06037", "CA", 34.32, -118.22),
    "Fairfax County": ("us-county:51059", "VA", 38.83, -77.28),
    "Miami-Dade County": ("us-county:12086", "FL", 25.61, -80.50),
    "Matanuska-Susitna Borough": ("us-county:02170", "AK", 62.28, -149.62),
}


@pytest.mark.parametrize("name", sorted(COUNTIES))
def test_us_counties_come_first_by_their_full_names(full_gazetteer: Gazetteer, name: str) -> None:
    place_id, state, lat, lon = COUNTIES[name]
    first = full_gazetteer.candidates(name)[0]
    assert (first.id, first.kind, first.country_code, first.admin1) == (place_id, "admin2", "US", state)
    assert first.lat == pytest.approx(lat, abs=0.15) and first.lon == pytest.approx(lon, abs=0.15)


def test_us_county_coverage_and_weak_bare_names(full_gazetteer: Gazetteer) -> None:
    counties = full_gazetteer.by_country("US", kind="admin2")
    assert len(counties) >= 3100 and {p.admin1 for p in counties} >= {"TX", "LA", "AK", "VA"}
    # the most populous Cook County comes first among the three
    assert full_gazetteer.candidates("Cook County")[0].admin1 == "IL"
    # a bare county name finds towns first; the county is there, by a weak name
    found = full_gazetteer.lookup("Cook")
    assert found[0][0].kind == "city"
    assert ("us-county:17031", "ascii") in [(p.id, k) for p, k in found]
    # a city's admin1 and its county's agree (both the USPS state code)
    chicago = next(p for p in full_gazetteer.candidates("Chicago") if p.country_code == "US")
    assert chicago.admin1 == full_gazetteer.by_id("us-county:17031").admin1 == "IL"


# place id -> the point GeoNames and the Factbook publish for the country
CONVENTIONAL_POINTS = {
    "gn:6252001": (39.83, -98.58),  # United States: the contiguous states' centre, not the Factbook's 38,-97
    "gn:2017370": (60.0, 100.0),    # Russia
    "gn:1814991": (35.0, 105.0),    # China
    "gn:6251999": (60.0, -95.0),    # Canada
    "gn:1643084": (-5.0, 120.0),    # Indonesia
    "gn:2562770": (35.83, 14.58),   # Malta
}


@pytest.mark.parametrize("place_id", sorted(CONVENTIONAL_POINTS))
def test_countries_stand_at_their_conventional_points(full_gazetteer: Gazetteer, place_id: str) -> None:
    place = full_gazetteer.by_id(place_id)
    assert place is not None and (place.lat, place.lon) == pytest.approx(CONVENTIONAL_POINTS[place_id], abs=0.01)


# place id -> the centre of the state's mainland, where countrystatecity puts its capital or largest city
STATE_POINTS = {
    "gn:5128638": (42.9, -75.5),    # New York state: upstate, not New York City
    "gn:5332921": (37.2, -119.5),   # California
    "gn:4155751": (28.6, -82.4),    # Florida: the peninsula
    "gn:5001836": (43.5, -84.6),    # Michigan: the lower peninsula
}


@pytest.mark.parametrize("place_id", sorted(STATE_POINTS))
def test_us_states_stand_at_their_mainland_centroids(full_gazetteer: Gazetteer, place_id: str) -> None:
    place = full_gazetteer.by_id(place_id)
    lat, lon = STATE_POINTS[place_id]
    assert place is not None and place.lat == pytest.approx(lat, abs=1.2), place
    assert place.lon == pytest.approx(lon, abs=1.5), place
    assert "US Census" in place.source


def test_an_index_from_an_older_recipe_is_reported_stale(full_gazetteer: Gazetteer, tmp_path: Path,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    copy = tmp_path / "old.sqlite"
    shutil.copyfile(full_gazetteer.path, copy)
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'recipe_version'")
        # the shared index may have been built by another checkout of the project
        conn.execute("UPDATE meta SET value = ? WHERE key = 'tables_dir'", (str(default_tables_dir()),))
    with caplog.at_level(logging.WARNING, logger="geomap.gazetteer.index"):
        Gazetteer.open(copy).close()
    assert "older recipe" in caplog.text and "gazetteer build --force" in caplog.text


@pytest.mark.parametrize(
    ("word", "code"),
    [("Minnesotans", "US-MN"), ("Texan", "US-TX"), ("New Yorkers", "US-NY"), ("Ontarians", "CA-ON"),
     ("Quebecers", "CA-QC"), ("Sinhalese", "LK"), ("Armenians", "AM"), ("Iraqis", "IQ")],
)
def test_demonyms_of_states_provinces_and_plurals(full_gazetteer: Gazetteer, word: str, code: str) -> None:
    place = full_gazetteer.demonym(word)
    assert place is not None
    got = place.country_code if place.kind == "country" else f"{place.country_code}-{place.admin1}"
    assert got == code, place


@pytest.mark.parametrize(("abbr", "name"), [("NSW", "New South Wales"), ("B.C.", "British Columbia"),
                                            ("P.E.I.", "Prince Edward Island"), ("J&K", "Jammu and Kashmir")])
def test_state_abbreviations_of_australia_canada_india(full_gazetteer: Gazetteer, abbr: str, name: str) -> None:
    # "PEI" is also Pereira's airport code: the province is there by a strong name, the city by a code
    assert (name, "alias") in [(p.name, kind) for p, kind in full_gazetteer.lookup(abbr)]
    assert full_gazetteer.name_kind(abbr) == "alias"
