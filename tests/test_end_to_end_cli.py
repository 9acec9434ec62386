"""The CLI end to end: real model, real gazetteer, real SQLite file, CliRunner."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from geomap.cli import main
from geomap.samples import sample_path

pytestmark = pytest.mark.full_gazetteer


@pytest.fixture(scope="module")
def ingested_db(tmp_path_factory, full_gazetteer):
    db = tmp_path_factory.mktemp("cli") / "geomap.sqlite"
    result = CliRunner().invoke(main, ["ingest", str(sample_path()), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    return db, json.loads(result.stdout)


def test_ingest_reports_what_it_did_and_is_idempotent(ingested_db):
    db, summary = ingested_db
    assert summary["ingested"] == len(sample_path().read_text().strip().splitlines())
    assert summary["skipped"] == []
    again = CliRunner().invoke(main, ["ingest", str(sample_path()), "--db", str(db), "--json"])
    assert again.exit_code == 0
    assert json.loads(again.stdout)["unchanged"] == summary["ingested"]


def test_ingest_with_a_published_default_and_a_bad_item(tmp_path, full_gazetteer):
    good = tmp_path / "report.txt"
    good.write_text(
        "KHARKIV, Ukraine - Russian shelling killed two people in Kharkiv on Monday, "
        "the regional governor said.\n", encoding="utf-8"
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    db = tmp_path / "db.sqlite"
    result = CliRunner().invoke(
        main, ["ingest", str(good), str(empty), "--published", "2024-05-13", "--db", str(db)]
    )
    assert result.exit_code == 1  # something was skipped
    assert "empty.txt" in result.output and "ingested 1" in result.output


def test_ingest_rejects_a_bad_date(tmp_path):
    result = CliRunner().invoke(main, ["ingest", "x.txt", "--published", "20/09/2023"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_export_events_as_geojson(ingested_db, tmp_path):
    db, _ = ingested_db
    out = tmp_path / "events.geojson"
    result = CliRunner().invoke(main, ["export", "--layer", "events", "-o", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    collection = json.loads(out.read_text())
    assert collection["type"] == "FeatureCollection" and "crs" not in collection
    assert collection["features"], "the sample corpus has events"
    located = [f for f in collection["features"] if f["geometry"] is not None]
    assert len(located) >= len(collection["features"]) // 2
    for feature in located:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    # Stepanakert is at about 39.8 N, 46.8 E: [lon, lat] order, not [lat, lon]
    karabakh = [f for f in located if "Nagorno-Karabakh" in json.dumps(f["properties"])]
    assert karabakh and all(40 < f["geometry"]["coordinates"][0] < 50 for f in karabakh)
