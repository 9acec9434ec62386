"""`geomap export` through click: options reach the library, errors become clean messages."""

from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd
import pytest
from click.testing import CliRunner

from geomap.cli import main


@pytest.fixture
def run(db_path):
    def invoke(*args: str):
        return CliRunner().invoke(main, ["export", "--db", str(db_path), *args])

    return invoke


def test_geojson_with_filters(run, tmp_path):
    out = tmp_path / "sd.geojson"
    result = run("--layer", "events", "-o", str(out), "--country", "sd", "--type", "Battles",
                 "--start", "2024-03-01", "--end", "2024-03-31", "--bbox", "30,10,35,20")
    assert result.exit_code == 0, result.output
    assert "exported 1 events" in result.output
    features = json.loads(out.read_text())["features"]
    assert [(f["properties"]["place_name"], f["properties"]["event_type"]) for f in features] == [
        ("Khartoum", "Battles")]


def test_format_follows_the_extension_and_split_by_type(run, tmp_path):
    out = tmp_path / "events.gpkg"
    result = run("-o", str(out), "--split-by", "event_type", "--q", "Khartoum")
    assert result.exit_code == 0, result.output
    assert sorted(gpd.list_layers(out)["name"]) == ["battles", "protests"]


def test_repeated_and_comma_separated_types(run, tmp_path):
    out = tmp_path / "e.csv"
    assert run("-o", str(out), "--type", "Battles,Protests", "--type", "Violence against civilians").exit_code == 0
    frame = pd.read_csv(out)
    assert sorted(set(frame["event_type"])) == ["Battles", "Protests", "Violence against civilians"]


def test_empty_selection_is_a_message_not_an_error(run, tmp_path):
    out = tmp_path / "none.geojson"
    result = run("-o", str(out), "--start", "2031-01-01")
    assert result.exit_code == 0
    assert "no events match the filters" in result.output
    assert json.loads(out.read_text()) == {"type": "FeatureCollection", "features": []}


@pytest.mark.parametrize("args, words", [
    (["--layer", "actors", "-o", "x.geojson"], "valid layers: events, places, mentions, documents"),
    (["-o", "x.shp"], ".geojson, .json, .gpkg, .csv, .parquet"),
    (["-o", "x.geojson", "--format", "kml"], "valid formats: geojson, gpkg, csv, parquet"),
    (["-o", "x.geojson", "--start", "March"], "YYYY-MM-DD"),
    (["-o", "x.geojson", "--country", "Sudan"], "alpha-2"),
    (["-o", "x.geojson", "--split-by", "actor"], "valid: event_type"),
    (["--layer", "places", "-o", "x.geojson", "--split-by", "event_type"], "events layer"),
])
def test_errors_list_the_valid_choices(run, tmp_path, monkeypatch, args, words):
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 1
    assert "Error:" in result.output and words in result.output
    assert "Traceback" not in result.output


def test_missing_database_is_explained(tmp_path):
    result = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "none.sqlite"), "-o",
                                       str(tmp_path / "x.geojson")])
    assert result.exit_code == 1 and "geomap ingest" in result.output
