"""The /export/<layer>.<ext> downloads of the web app: same features and filters as the API."""

from __future__ import annotations

import io
import json
import zipfile

import geopandas as gpd
import pytest

from geomap.web.app import create_app


@pytest.fixture
def client(db_path):
    app = create_app({"DATABASE": str(db_path), "TESTING": True})
    assert "export" in app.blueprints, "geomap.web.app must register geomap.web.export.bp"
    return app.test_client()


QUERIES = [
    "", "type=Battles", "type=Battles,Protests", "country=sd", "country=SD&country=CD",
    "start=2024-03-15&end=2024-04-01", "q=ambush", "q=Khartoum", "bbox=20,-10,40,10",
    "type=Battles&start=2024-04-01&bbox=-180,-90,180,90",
]


@pytest.mark.parametrize("query", QUERIES)
def test_export_gives_the_features_of_api_events(client, query):
    api = client.get(f"/api/events?{query}")
    export = client.get(f"/export/events.geojson?{query}")
    assert api.status_code == export.status_code == 200
    assert export.mimetype == "application/geo+json"
    assert "attachment" in export.headers["Content-Disposition"]
    assert json.loads(export.data)["features"] == api.get_json()["features"]


def test_mentions_export_matches_api_places(client):
    api = client.get("/api/places?country=UA").get_json()["features"]
    export = json.loads(client.get("/export/mentions.geojson?country=UA").data)["features"]
    assert export == api and len(export) == 1


def test_empty_selection_is_an_empty_collection_with_a_message(client):
    response = client.get("/export/events.geojson?start=2031-01-01")
    assert response.status_code == 200
    assert json.loads(response.data) == {"type": "FeatureCollection", "features": []}
    assert response.headers["X-Geomap-Message"] == "no events match the filters"


@pytest.mark.parametrize("ext", ["gpkg", "parquet", "csv"])
def test_binary_and_table_downloads_read_back(client, tmp_path, ext):
    response = client.get(f"/export/events.{ext}?type=Battles")
    assert response.status_code == 200
    path = tmp_path / f"download.{ext}"
    path.write_bytes(response.data)
    if ext == "parquet":
        frame = gpd.read_parquet(path)
    elif ext == "csv":
        frame = gpd.read_file(path, X_POSSIBLE_NAMES="lon", Y_POSSIBLE_NAMES="lat")
    else:
        frame = gpd.read_file(path, layer="events")
    assert sorted(frame["event_type"]) == ["Battles", "Battles"]


def test_split_download_is_a_zip_of_one_file_per_type(client):
    response = client.get("/export/events.geojson?split_by=event_type&country=SD")
    assert response.mimetype == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(response.data)).namelist()
    assert sorted(names) == ["geomap-events_battles.geojson", "geomap-events_protests.geojson"]


@pytest.mark.parametrize("url, words", [
    ("/export/actors.geojson", "events, places, mentions, documents"),
    ("/export/events.shp", "geojson, gpkg, csv, parquet"),
    ("/export/events.geojson?bbox=1,2", "bbox"),
    ("/export/events.geojson?start=2024-05-01&end=2024-01-01", "after"),
    ("/export/events.geojson?colour=red", "unknown parameter"),
    ("/export/events.geojson?split_by=actor", "event_type"),
])
def test_bad_requests_say_what_is_valid(client, url, words):
    response = client.get(url)
    assert response.status_code == 400
    assert words in response.get_json()["error"]


def test_map_page_links_download_the_current_view(client):
    page = client.get("/?type=Battles&country=SD").get_data(as_text=True)
    assert "/export/events.geojson?" in page and "type=Battles" in page


def test_download_name_comes_from_the_format_not_the_url(client):
    response = client.get('/export/events.json?format=csv')
    assert response.headers["Content-Disposition"] == 'attachment; filename="geomap-events.csv"'
