"""The Flask app through its test client, over a real temporary SQLite file."""

from __future__ import annotations

import re

import pytest

from geomap.store import open_store
from geomap.web import create_app
from web_factory import hostile_article, sample_articles


def ids(response) -> set[str]:
    return {f["id"] for f in response.get_json()["features"]}


def test_healthz(client):
    r = client.get("/healthz")
    assert r.status_code == 200
    body = r.get_json()
    assert body["status"] == "ok" and body["events"] == 3 and body["documents"] == 3


def test_index_shows_map_filters_and_counts(client):
    r = client.get("/")
    assert r.status_code == 200
    page = r.get_data(as_text=True)
    assert "folium-map" in page and "L.timeDimension" in page
    assert 'name="type" value="Battles"' in page
    assert "<strong>3</strong> events match" in page
    # every script and style sheet comes from this server (a random nonce may spell "cdn")
    loaded = re.findall(r'<(?:script|link)\b[^>]*\b(?:src|href)="([^"]*)"', page)
    assert loaded and not [url for url in loaded if re.match(r"(?:[a-z]+:)?//", url)], loaded


def test_index_filters_narrow_the_map_and_keep_the_url(client):
    page = client.get("/?type=Battles&country=AZ").get_data(as_text=True)
    assert "<strong>1</strong> events match" in page
    assert re.search(r'value="Battles" id="gm-type-\d+"\s+checked', page)
    assert not re.search(r'value="Protests" id="gm-type-\d+"\s+checked', page)
    assert "/api/events?type=Battles&amp;country=AZ" in page
    exported = client.get("/export/events.geojson?type=Battles&country=AZ").get_json()
    assert len(exported["features"]) == 1  # the export link of the page narrows the same way


def test_index_states_the_cap(db_path):
    app = create_app({"DATABASE": str(db_path), "TESTING": True, "MAP_MAX_EVENTS": 2})
    page = app.test_client().get("/").get_data(as_text=True)
    assert 'id="gm-cap-note"' in page and "draws the 2" in page
    # the most recent two: Stepanakert (19 Sep) and Khartoum (29 Sep), not Kharkiv (11 Sep)
    assert "Missiles hit Kharkiv" not in page and "Fighting near Stepanakert" in page


def test_api_events_filters(client):
    all_ids = ids(client.get("/api/events"))
    assert len(all_ids) == 3
    assert len(ids(client.get("/api/events?type=Battles"))) == 1
    assert len(ids(client.get("/api/events?start=2023-09-15&end=2023-09-30"))) == 2
    assert len(ids(client.get("/api/events?country=sd"))) == 1
    assert len(ids(client.get("/api/events?q=Azerbaijan"))) == 1
    assert len(ids(client.get("/api/events?bbox=30,10,40,55"))) == 2
    page = client.get("/api/events?limit=1&offset=1").get_json()
    assert page["total"] == 3 and page["returned"] == 1 and page["offset"] == 1


def test_api_events_is_geojson(client):
    r = client.get("/api/events")
    assert r.mimetype == "application/geo+json"
    feature = r.get_json()["features"][0]
    assert feature["geometry"]["type"] == "Point"
    lon, lat = feature["geometry"]["coordinates"]
    assert (lon, lat) == (36.25, 49.98)


@pytest.mark.parametrize("query, word", [
    ("start=2023-02-30", "start"), ("end=yesterday", "end"), ("bbox=1,2,3", "bbox"),
    ("bbox=0,95,1,96", "lat"), ("limit=-1", "limit"), ("limit=abc", "limit"),
    ("limit=999999", "limit"), ("country=Ukraine", "country"), ("typo=1", "unknown"),
    ("start=2023-10-01&end=2023-09-01", "after"),
])
def test_bad_parameters_give_400_with_a_reason(client, query, word):
    r = client.get(f"/api/events?{query}")
    assert r.status_code == 400
    assert word in r.get_json()["message"]


def test_bad_filter_on_the_page_is_a_400_page(client):
    r = client.get("/?start=nonsense")
    assert r.status_code == 400 and b"YYYY-MM-DD" in r.data


def test_api_places_and_document(client):
    places = client.get("/api/places").get_json()
    assert {f["properties"]["text"] for f in places["features"]} == {"Kharkiv", "Stepanakert", "BAKU", "Khartoum"}
    doc_id = sample_articles()[1].document.id
    doc = client.get(f"/api/documents/{doc_id}").get_json()
    assert doc["title"] == "Fighting near Stepanakert" and doc["published"] == "2023-09-19"
    assert doc["events"]["features"][0]["properties"]["event_type"] == "Battles"
    assert client.get("/api/documents/nope").status_code == 404


def test_document_view_marks_toponyms_and_triggers(client):
    doc_id = sample_articles()[1].document.id
    page = client.get(f"/documents/{doc_id}").get_data(as_text=True)
    assert '<mark class="gm-trigger" title="event 1: Battles">clashed<sup>1</sup></mark>' in page
    assert "Stepanakert (cur:stepanakert), score 0.90, 39.8200, 46.7500" in page
    assert client.get("/documents/missing").status_code == 404


def test_hostile_article_is_escaped_everywhere(tmp_path):
    db = tmp_path / "g.sqlite"
    with open_store(db) as store:
        store.save(hostile_article())
    client = create_app({"DATABASE": str(db), "TESTING": True}).test_client()
    doc_id = hostile_article().document.id
    for url in ("/", f"/documents/{doc_id}"):
        page = client.get(url).get_data(as_text=True)
        assert "<script>window.__pwned" not in page
        assert "<img src=x" not in page
        assert "javascript:window" not in page  # the article's javascript: URL is never linked
        assert "1337" not in page  # template syntax in article text is never evaluated


def test_security_headers(client):
    r = client.get("/")
    csp = r.headers["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    nonce = csp.split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}">' in r.get_data(as_text=True)


def test_post_is_refused_read_only_and_without_token(db_path):
    ro = create_app({"DATABASE": str(db_path), "TESTING": True, "READ_ONLY": True}).test_client()
    r = ro.post("/api/documents", json={"text": "Shelling hit Kharkiv."})
    assert r.status_code == 403 and "read-only" in r.get_json()["message"]
    assert ro.get("/api/events").status_code == 200  # reading still works
    guarded = create_app({"DATABASE": str(db_path), "TESTING": True, "API_TOKEN": "s3cret"}).test_client()
    assert guarded.post("/api/documents", json={"text": "x"}).status_code == 401
    wrong = guarded.post("/api/documents", json={"text": "x"}, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401


def test_post_validates_body_and_size(db_path):
    client = create_app({"DATABASE": str(db_path), "TESTING": True, "MAX_CONTENT_LENGTH": 1000}).test_client()
    assert client.post("/api/documents", data="not json", content_type="application/json").status_code == 400
    r = client.post("/api/documents", json={"title": "no text"})
    assert r.status_code == 400 and "text" in r.get_json()["message"]
    r = client.post("/api/documents", json={"text": "Clashes in Kharkiv.", "published": "13/09/2023"})
    assert r.status_code == 400 and "published" in r.get_json()["message"]
    big = client.post("/api/documents", json={"text": "word " * 1000})
    assert big.status_code == 413


def test_read_only_needs_an_existing_database(tmp_path):
    from geomap.errors import GeomapError

    with pytest.raises(GeomapError):
        create_app({"DATABASE": str(tmp_path / "missing.sqlite"), "READ_ONLY": True})


@pytest.mark.full_gazetteer
def test_post_ingests_an_article_with_the_real_pipeline(db_path, pipeline):
    app = create_app({"DATABASE": str(db_path), "TESTING": True, "API_TOKEN": "t0ken",
                      "PIPELINE_FACTORY": lambda: pipeline})
    client = app.test_client()
    body = {"title": "Drone strike near Kharkiv", "published": "2023-10-05",
            "text": "KYIV (Wire) - A Russian drone strike hit a warehouse in Kharkiv on Wednesday, "
                    "killing two workers, the regional governor said."}
    r = client.post("/api/documents", json=body, headers={"Authorization": "Bearer t0ken"})
    assert r.status_code == 201, r.get_json()
    doc_id = r.get_json()["id"]
    doc = client.get(f"/api/documents/{doc_id}").get_json()
    assert any(f["properties"]["place_name"] == "Kharkiv" for f in doc["toponyms"]["features"])
    again = client.post("/api/documents", json=body, headers={"Authorization": "Bearer t0ken"})
    assert again.status_code == 200 and again.get_json()["status"] == "unchanged"
