"""GeoJSON exports: RFC 7946 shape, schema validity, stable ids, streaming, the empty case."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from export_data import GOMA, KHARKIV
from geomap.export import LAYERS, export_layer, iter_features, iter_geojson, parse_filter

SCHEMA = json.loads((Path(__file__).parent / "geojson.schema.json").read_text())


def _export(store, tmp_path, layer="events", name=None, **kw):
    path = tmp_path / (name or f"{layer}.geojson")
    result = export_layer(store, layer, path, **kw)
    return result, json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("layer", LAYERS)
def test_every_layer_is_a_valid_feature_collection(store, tmp_path, layer):
    result, collection = _export(store, tmp_path, layer)
    jsonschema.validate(collection, SCHEMA)
    assert "crs" not in collection
    assert result.count == len(collection["features"]) > 0
    ids = [f["id"] for f in collection["features"]]
    assert len(set(ids)) == len(ids), "feature ids must be unique"


def test_schema_rejects_what_rfc_7946_forbids():
    bad_crs = {"type": "FeatureCollection", "features": [], "crs": {"type": "name"}}
    lat_first = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [10.0, 170.0]}, "properties": {}}]}
    for bad in (bad_crs, lat_first):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, SCHEMA)


def test_events_carry_lon_lat_iso_dates_and_precision(store, tmp_path):
    _, collection = _export(store, tmp_path)
    by_place = {f["properties"]["place_name"]: f for f in collection["features"]}
    assert by_place["Kharkiv"]["geometry"]["coordinates"] == [KHARKIV.lon, KHARKIV.lat]
    goma = by_place["Goma"]["properties"]
    assert goma["date"] == "2024-04-14" and goma["time_precision"] == 1 and goma["geo_precision"] == 1
    assert goma["event_type"] == "Battles" and goma["country_code"] == "CD"
    unlocated = by_place[None]
    assert unlocated["geometry"] is None and unlocated["properties"]["geo_precision"] == 3
    # ordered by date as the store returns them
    assert [f["properties"]["date"] for f in collection["features"]] == sorted(
        f["properties"]["date"] for f in collection["features"])


def test_feature_ids_are_stable_across_exports(store, tmp_path, db_path):
    _, first = _export(store, tmp_path, name="a.geojson")
    _, second = _export(store, tmp_path, name="b.geojson", flt=parse_filter(types="Battles"))
    ids = {f["id"]: f for f in first["features"]}
    assert second["features"] and all(ids[f["id"]] == f for f in second["features"])
    # the id is built from the article and the trigger, not from a row number
    assert all(f["id"] == f"{f['properties']['doc_id']}-{f['properties']['trigger_start']}"
               for f in first["features"])


def test_documents_are_multipoints_of_the_places_they_name(store, tmp_path):
    _, collection = _export(store, tmp_path, "documents")
    by_title = {f["properties"]["title"]: f for f in collection["features"]}
    assert by_title["Goma advance – «rebels»"]["geometry"] == {
        "type": "MultiPoint", "coordinates": [[GOMA.lon, GOMA.lat]]}
    assert by_title["Talks"]["geometry"] is None
    assert by_title["Khartoum clashes"]["properties"]["events"] == 2


def test_places_count_their_mentions(store, tmp_path):
    _, collection = _export(store, tmp_path, "places")
    assert {f["id"] for f in collection["features"]} == {"gn:706483", "gn:379252", "gn:216281"}


def test_empty_selection_is_a_valid_empty_collection_with_a_message(store, tmp_path):
    result, collection = _export(store, tmp_path, flt=parse_filter(start="2030-01-01"))
    jsonschema.validate(collection, SCHEMA)
    assert collection == {"type": "FeatureCollection", "features": []}
    assert result.count == 0 and "no events match" in result.message


def test_stream_is_chunked_and_concatenates_to_json(store):
    features = iter_features(store, "events")
    chunks = list(iter_geojson(features))
    assert len(chunks) >= 3  # head, features, tail: nothing waits for the whole layer
    assert len(json.loads("".join(chunks))["features"]) == 5


def test_filters_narrow_the_export(store, tmp_path):
    _, sd = _export(store, tmp_path, flt=parse_filter(countries="sd", start="2024-03-19"))
    assert [f["properties"]["event_type"] for f in sd["features"]] == ["Protests"]
    _, boxed = _export(store, tmp_path, flt=parse_filter(bbox="20,-10,40,10"))
    assert [f["properties"]["place_name"] for f in boxed["features"]] == ["Goma"]
    _, found = _export(store, tmp_path, flt=parse_filter(q="ambush"))
    assert [f["properties"]["sub_event_type"] for f in found["features"]] == ["Attack"]
