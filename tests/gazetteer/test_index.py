"""Lookups on a small gazetteer built from tests/gazetteer/fixtures."""

from __future__ import annotations

import pytest

from geomap.gazetteer import Gazetteer


def test_accent_insensitive_lookup_finds_both_cordobas_biggest_first(small_gaz: Gazetteer) -> None:
    found = small_gaz.candidates("Cordoba")
    assert [p.country_code for p in found] == ["AR", "ES"]
    assert all(p.name == "Córdoba" for p in found)
    assert small_gaz.candidates("córdoba") == found
    assert small_gaz.candidates("Cordova")[0].country_code == "ES"


def test_country_comes_before_town_of_the_same_name(small_gaz: Gazetteer) -> None:
    found = small_gaz.candidates("Armenia")
    assert [(p.kind, p.country_code) for p in found] == [("country", "AM"), ("city", "CO")]
    assert small_gaz.candidates("Armenia", limit=1)[0].id == "gn:174982"


def test_curated_region_and_its_aliases(small_gaz: Gazetteer) -> None:
    region = small_gaz.candidates("Nagorno-Karabakh")[0]
    assert region.id == "cur:nagorno-karabakh"
    assert region.kind == "region"
    assert region.countries == ("AZ",)
    assert (region.lat, region.lon) == pytest.approx((39.82, 46.75))
    for alias in ("Nagorno Karabakh", "nagorno karabakh", "Karabakh", "ARTSAKH"):
        assert small_gaz.candidates(alias) == [region], alias


def test_multi_country_region_is_found_by_each_country(small_gaz: Gazetteer) -> None:
    corridor = small_gaz.by_id("cur:lachin-corridor")
    assert corridor is not None and corridor.countries == ("AZ", "AM")
    assert corridor in small_gaz.by_country("AM")
    assert corridor in small_gaz.by_country("az", kind="region")
    assert all(p.kind == "region" for p in small_gaz.by_country("AZ", kind="region"))


def test_alias_tables_add_short_forms_and_other_spellings(small_gaz: Gazetteer) -> None:
    us = small_gaz.country("US")
    assert us is not None
    assert small_gaz.candidates("U.S.") == [us]
    assert small_gaz.candidates("USA") == [us]
    assert small_gaz.candidates("Stepanakert")[0].name == "Khankendi"
    assert small_gaz.candidates("Yerevan") == small_gaz.candidates("Erevan") == small_gaz.candidates("ереван")


def test_demonyms_name_their_country_also_in_plural(small_gaz: Gazetteer) -> None:
    armenia = small_gaz.country("AM")
    assert small_gaz.demonym("Armenian") == armenia
    assert small_gaz.demonym("Armenians") == armenia
    assert small_gaz.demonym("Azeri") == small_gaz.country("AZ")
    assert small_gaz.demonym("Karabakh Armenian").id == "cur:nagorno-karabakh"
    assert small_gaz.demonym("Martian") is None


def test_name_kinds_tell_weak_names_from_strong_ones(small_gaz: Gazetteer) -> None:
    assert small_gaz.name_kind("Perth") == "main"
    assert small_gaz.name_kind("PER") == "code"
    assert small_gaz.name_kind("Ga.") == "code"
    assert small_gaz.name_kind("Artsakh") == "alias"
    assert small_gaz.name_kind("Atlantis") is None
    kinds = dict((p.id, k) for p, k in small_gaz.lookup("Stepanakert"))
    assert kinds == {"gn:146970": "alias"}


def test_is_name_is_a_membership_test_on_folded_names(small_gaz: Gazetteer) -> None:
    assert small_gaz.is_name("baku")
    assert small_gaz.is_name("BAKI")
    assert not small_gaz.is_name("Bakuu")
    assert not small_gaz.is_name("")


def test_by_id_country_and_unknowns(small_gaz: Gazetteer) -> None:
    baku = small_gaz.by_id("gn:587084")
    assert baku is not None and baku.name == "Baku" and baku.geonameid == 587084
    assert small_gaz.by_id("gn:0") is None
    assert small_gaz.country("az").name == "Azerbaijan"
    assert small_gaz.country("ZZ") is None
    assert small_gaz.candidates("Atlantis") == []


def test_nearest_ranks_by_great_circle_distance(small_gaz: Gazetteer) -> None:
    # a point in central Yerevan: the city, then Armenia's representative point
    near = small_gaz.nearest(40.18, 44.51, limit=2)
    assert [p.name for p in near] == ["Yerevan", "Armenia"]
    assert small_gaz.nearest(40.18, 44.51, kind="region")[0].id == "cur:lachin-corridor"
    # across the antimeridian and far from everything: still finds the closest
    assert small_gaz.nearest(-31.9, 115.9)[0].name == "Perth"
    # east of the antimeridian, Australia (55 degrees west) beats Argentina (106 east)
    assert small_gaz.nearest(-30.0, -170.0, kind="country")[0].name == "Australia"


def test_fuzzy_catches_transliteration_variants(small_gaz: Gazetteer) -> None:
    found = small_gaz.fuzzy("Stepanakertt", score_cutoff=85)
    assert found and found[0][0].id == "gn:146970" and 85 <= found[0][1] < 100
    assert small_gaz.fuzzy("Qwxyz") == []
    exact = small_gaz.fuzzy("Baku")
    assert exact[0][0].name == "Baku" and exact[0][1] == 100.0


def test_stats_record_the_build(small_gaz: Gazetteer) -> None:
    stats = small_gaz.stats()
    assert stats["schema_version"] == "1"
    assert int(stats["places"]) == 17
