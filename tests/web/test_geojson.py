"""Records -> GeoJSON per RFC 7946."""

from __future__ import annotations

import json

import jsonschema
import pytest

from geomap import geojson
from web_factory import KHARKIV, sample_articles

POINT_FEATURE = {
    "type": "object",
    "required": ["type", "geometry", "properties"],
    "properties": {
        "type": {"const": "Feature"},
        "geometry": {"oneOf": [{"type": "null"}, {
            "type": "object", "required": ["type", "coordinates"],
            "properties": {"type": {"const": "Point"},
                           "coordinates": {"type": "array", "minItems": 2, "maxItems": 3,
                                           "items": {"type": "number"}}}}]},
        "properties": {"type": ["object", "null"]},
    },
}
COLLECTION = {"type": "object", "required": ["type", "features"], "not": {"required": ["crs"]},
              "properties": {"type": {"const": "FeatureCollection"},
                             "features": {"type": "array", "items": POINT_FEATURE}}}


def test_event_feature_is_lon_lat_with_iso_dates_and_precisions():
    event = sample_articles()[0].events[0]
    feature = geojson.event_feature(event)
    assert feature["geometry"]["coordinates"] == [KHARKIV.lon, KHARKIV.lat]
    assert feature["id"] == event.id
    props = feature["properties"]
    assert props["date"] == "2023-09-11"
    assert (props["time_precision"], props["geo_precision"]) == (1, 1)
    assert props["fatalities"] == 4 and props["place_id"] == "gn:706483"
    assert props["trigger"] == "struck" and "apartment block" in props["sentence"]
    json.dumps(feature)  # plain JSON types only


def test_collections_validate_and_have_no_crs():
    docs = sample_articles()
    events = geojson.events_collection([e for d in docs for e in d.events], total=3)
    mentions = geojson.mentions_collection([(d.document.id, t) for d in docs for t in d.toponyms])
    for collection in (events, mentions):
        jsonschema.validate(collection, COLLECTION)
    assert events["total"] == 3
    assert len(mentions["features"]) == 4
    assert mentions["features"][0]["properties"]["text"] == "Kharkiv"


def test_unlocated_event_has_null_geometry():
    from dataclasses import replace

    event = replace(sample_articles()[0].events[0], place=None)
    assert geojson.event_feature(event)["geometry"] is None


def test_places_collection_counts_mentions_per_place():
    docs = sample_articles()
    mentions = [(d.document.id, t) for d in docs for t in d.toponyms] * 2
    places = geojson.places_collection(mentions)
    by_id = {f["id"]: f["properties"] for f in places["features"]}
    assert by_id["gn:706483"]["mentions"] == 2
    assert by_id["gn:706483"]["documents"] == [docs[0].document.id]


@pytest.mark.parametrize("bad", [None])
def test_point_of_missing_place_is_none(bad):
    assert geojson.point(bad) is None
