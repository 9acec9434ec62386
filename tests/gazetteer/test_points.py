"""The representative-point rule (geomap.gazetteer.points) on small shapes written here,
countries' conventional points, and the demonym forms the build stores (geomap.gazetteer.demonyms)."""

from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import MultiPolygon, Point, Polygon, box

from geomap.gazetteer import Gazetteer
from geomap.gazetteer import points, sources
from geomap.gazetteer.demonyms import demonym_forms, plural


def test_a_mainland_with_small_islands_gives_the_mainland_centroid() -> None:
    shape = MultiPolygon([box(0, 0, 10, 10), box(20, 20, 21, 21), box(-5, -5, -4, -4)])
    found = points.representative_point(shape)
    assert found is not None and found.rule == points.MAINLAND_CENTROID
    assert (found.lat, found.lon) == pytest.approx((5.0, 5.0))
    assert found.share == pytest.approx(100 / 102, abs=1e-3)


def test_a_crescent_whose_centroid_falls_outside_gives_a_point_on_it() -> None:
    # a U open to the north, like a country bent round a neighbour
    u_shape = Polygon([(0, 0), (6, 0), (6, 6), (5, 6), (5, 1), (1, 1), (1, 6), (0, 6)])
    found = points.representative_point(u_shape)
    assert found is not None and found.rule == points.MAINLAND_SURFACE
    assert u_shape.contains(Point(found.lon, found.lat))


def test_an_archipelago_gives_the_centroid_of_all_its_islands_when_that_is_near_land() -> None:
    islands = MultiPolygon([box(0, 0, 2, 2), box(2.5, 0, 4.5, 2), box(5, 0, 7, 2.2)])
    found = points.representative_point(islands)
    assert found is not None and found.rule == points.ALL_PARTS_CENTROID
    assert found.share < points.MAINLAND_SHARE
    assert found.lon == pytest.approx(3.55, abs=0.05) and found.lat == pytest.approx(1.05, abs=0.05)


def test_an_archipelago_round_an_empty_sea_gives_a_point_on_its_largest_island() -> None:
    ring = MultiPolygon([box(0, 0, 1, 1), box(10, 0, 11, 1), box(0, 10, 1, 11), box(10, 10, 11, 11.2)])
    found = points.representative_point(ring)
    assert found is not None and found.rule == points.LARGEST_SURFACE
    assert box(10, 10, 11, 11.2).contains(Point(found.lon, found.lat))


def test_a_shape_cut_at_the_antimeridian_is_measured_as_one_piece() -> None:
    # an island drawn as world-atlas draws Fiji's: one ring from 179 east round to 179.5 west
    cut = Polygon([(179.0, -17.0), (180.0, -17.0), (180.0, -16.0), (179.0, -16.0)])
    wrapped = MultiPolygon([cut, Polygon([(-180, -17), (-179.5, -17), (-179.5, -16), (-180, -16)])])
    found = points.representative_point(wrapped)
    assert found is not None and found.lat == pytest.approx(-16.5)
    assert abs(found.lon) > 179.0  # at the date line, not at longitude 0


def test_a_country_takes_the_conventional_point_the_gazetteers_publish() -> None:
    # Canada's shape centroid lies near 57.8,-101.6; GeoNames, the Factbook and Wikipedia say 60,-95
    canada = sources._country_point("CA", {"latlng": [60, -95]}, {"latitude": "61", "longitude": "-98"})
    assert canada is not None and canada[:2] == (60.0, -95.0)
    only_csc = sources._country_point("XK", {}, {"latitude": "42.58", "longitude": "21.0"})
    assert only_csc is not None and only_csc[:2] == (42.58, 21.0)
    assert sources._country_point("AN", {}, {}) is None


def test_the_united_states_take_the_centre_of_the_contiguous_states_not_the_factbook_point() -> None:
    point = sources._country_point("US", {"latlng": [38, -97]}, {})
    assert point is not None
    assert point[:2] == pytest.approx((39.83, -98.58), abs=0.01)
    assert "Geodetic Survey" in point[2]


def test_dissolved_points_join_the_pieces_of_each_group() -> None:
    geoms = np.array([box(0, 0, 1, 1), box(1, 0, 3, 1), box(10, 10, 11, 11)], dtype=object)
    found = points.dissolved_points(np.array(["A", "A", "B"]), geoms)
    assert (found["A"].lat, found["A"].lon) == pytest.approx((0.5, 1.5))
    assert (found["B"].lat, found["B"].lon) == pytest.approx((10.5, 10.5))


@pytest.mark.parametrize(
    ("singular", "expected"),
    [("Armenian", "Armenians"), ("Minnesotan", "Minnesotans"), ("Iraqi", "Iraqis"), ("Filipino", "Filipinos"),
     ("New Yorker", "New Yorkers"), ("Frenchman", "Frenchmen"), ("Scotsman", "Scotsmen"), ("German", "Germans"),
     ("Sinhalese", None), ("Swiss", None), ("French", None), ("Welsh", None), ("Turkmen", None),
     ("Middle Eastern", None), ("Malagasy", None), ("Québécois", None)],
)
def test_regular_plurals_of_demonyms(singular: str, expected: str | None) -> None:
    assert plural(singular) == expected


def test_a_combined_demonym_is_split_into_its_parts() -> None:
    assert demonym_forms("Antiguan,Barbudan") == (
        "Antiguan,Barbudan", "Antiguan", "Antiguans", "Barbudan", "Barbudans")


def test_plurals_and_every_demonym_table_reach_the_index(small_gaz: Gazetteer) -> None:
    rows = small_gaz._query("SELECT name FROM demonyms")
    stored = {name for (name,) in rows}
    assert {"Armenians", "Azerbaijanis", "Frenchman", "Frenchmen"} <= stored
    assert small_gaz.demonym("Frenchmen").id == "gn:2510769"
    assert small_gaz.demonym("Georgia peach growers").id == "gn:4196586"  # from demonyms_admin1.tsv
