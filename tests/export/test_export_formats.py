"""Round trips through geopandas for every format, the split case, and the GeoPackage tables."""

from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest

from export_data import KHARKIV
from geomap.errors import ExportError
from geomap.export import LAYERS, export_layer, format_for, layer_columns, parse_filter


def read_back(path, fmt, table=None):
    if fmt == "parquet":
        return gpd.read_parquet(path)
    if fmt == "csv":
        # GDAL's CSV driver turns the lat/lon columns into points, as QGIS does
        return gpd.read_file(path, X_POSSIBLE_NAMES="lon", Y_POSSIBLE_NAMES="lat", KEEP_GEOM_COLUMNS="NO")
    return gpd.read_file(path, layer=table)


@pytest.mark.parametrize("fmt", ["geojson", "gpkg", "csv", "parquet"])
@pytest.mark.parametrize("layer", LAYERS)
def test_round_trip(store, tmp_path, layer, fmt):
    reference = json.loads((export_layer(store, layer, tmp_path / "ref.geojson").paths[0]).read_text())
    path = tmp_path / f"{layer}.{fmt}"
    result = export_layer(store, layer, path)
    assert result.format == fmt and result.count == len(reference["features"])
    frame = read_back(path, fmt, layer if fmt == "gpkg" else None)
    assert len(frame) == result.count
    assert list(frame["id"].astype(str)) == [str(f["id"]) for f in reference["features"]]
    if fmt != "csv":  # a CSV has no CRS; its lat/lon are WGS84 by definition
        assert frame.crs.to_epsg() == 4326
    for row, feature in zip(frame.itertuples(), reference["features"]):
        geometry = feature["geometry"]
        if geometry is None:
            assert row.geometry is None or row.geometry.is_empty
        elif geometry["type"] == "Point":
            assert (row.geometry.x, row.geometry.y) == pytest.approx(tuple(geometry["coordinates"]))
        elif fmt != "csv":
            points = [c for p in row.geometry.geoms for c in (p.x, p.y)]
            assert points == pytest.approx([c for pair in geometry["coordinates"] for c in pair])


def test_tables_keep_types_dates_and_precision(store, tmp_path):
    for fmt in ("gpkg", "parquet"):
        path = tmp_path / f"events.{fmt}"
        export_layer(store, "events", path)
        frame = read_back(path, fmt, "events")
        assert pd.api.types.is_datetime64_any_dtype(frame["date"])
        kharkiv = frame[frame["place_name"] == "Kharkiv"].iloc[0]
        assert kharkiv["date"] == pd.Timestamp("2024-03-01") and kharkiv["fatalities"] == 2
        assert kharkiv["time_precision"] == 1 and kharkiv["geo_precision"] == 1
        assert json.loads(kharkiv["sentences"]) == ["Artillery shelling struck Kharkiv overnight."]


def test_csv_has_lat_lon_columns(store, tmp_path):
    path = tmp_path / "events.csv"
    export_layer(store, "events", path)
    frame = pd.read_csv(path)
    assert list(frame.columns[-2:]) == ["lat", "lon"]
    row = frame[frame["place_name"] == "Kharkiv"].iloc[0]
    assert (row["lat"], row["lon"]) == (KHARKIV.lat, KHARKIV.lon)
    assert frame["lat"].isna().sum() == 1  # the event with no place keeps its row


def test_geopackage_holds_one_table_per_layer(store, tmp_path):
    path = tmp_path / "geomap.gpkg"
    for layer in LAYERS:
        export_layer(store, layer, path)
    export_layer(store, "events", path, flt=parse_filter(types="Battles"))  # replaces its own table only
    tables = dict(pyogrio.list_layers(path))
    assert tables == {"events": "Point", "places": "Point", "mentions": "Point", "documents": "MultiPoint"}
    assert set(gpd.read_file(path, layer="events")["event_type"]) == {"Battles"}
    assert pyogrio.read_info(path, layer="places")["crs"] == "EPSG:4326"


def test_split_geojson_writes_one_file_per_type(store, tmp_path):
    result = export_layer(store, "events", tmp_path / "events.geojson", split_by="event_type")
    names = sorted(p.name for p in result.paths)
    assert names == ["events_battles.geojson", "events_explosions_remote_violence.geojson",
                     "events_protests.geojson", "events_violence_against_civilians.geojson"]
    battles = json.loads((tmp_path / "events_battles.geojson").read_text())
    assert len(battles["features"]) == 2
    assert {f["properties"]["event_type"] for f in battles["features"]} == {"Battles"}
    assert not (tmp_path / "events.geojson").exists()


def test_split_geopackage_writes_one_table_per_type_and_keeps_filters(store, tmp_path):
    path = tmp_path / "split.gpkg"
    result = export_layer(store, "events", path, flt=parse_filter(end="2024-03-31"), split_by="event_type")
    assert result.paths == (path,)
    assert dict(pyogrio.list_layers(path)) == {
        "battles": "Point", "explosions_remote_violence": "Point", "protests": "Point"}
    assert len(gpd.read_file(path, layer="battles")) == 1  # the April battle is filtered out


@pytest.mark.parametrize("fmt", ["geojson", "gpkg", "csv", "parquet"])
def test_empty_selection_writes_a_valid_empty_file(store, tmp_path, fmt):
    path = tmp_path / f"empty.{fmt}"
    result = export_layer(store, "events", path, flt=parse_filter(q="no such words anywhere"))
    assert result.count == 0 and "no events match the filters" in result.message
    frame = read_back(path, fmt, "events" if fmt == "gpkg" else None)
    assert len(frame) == 0
    if fmt in ("gpkg", "parquet"):  # the columns are there for QGIS to see
        assert {name for name, _ in layer_columns("events")} <= set(frame.columns)


def test_unknown_layer_format_and_split_list_the_valid_ones(store, tmp_path):
    with pytest.raises(ExportError, match="events, places, mentions, documents"):
        export_layer(store, "actors", tmp_path / "x.geojson")
    with pytest.raises(ExportError, match="geojson, gpkg, csv, parquet"):
        export_layer(store, "events", tmp_path / "x.geojson", fmt="shapefile")
    with pytest.raises(ExportError, match=r"\.gpkg"):
        format_for(tmp_path / "x.shp")
    with pytest.raises(ExportError, match="event_type"):
        export_layer(store, "events", tmp_path / "x.geojson", split_by="country")


def test_explicit_format_wins_over_the_extension(store, tmp_path):
    path = tmp_path / "events.txt"
    export_layer(store, "events", path, fmt="geojson")
    assert json.loads(path.read_text())["type"] == "FeatureCollection"


def test_write_failures_are_export_errors_and_leave_no_partial_file(store, tmp_path):
    not_a_gpkg = tmp_path / "notes.gpkg"
    not_a_gpkg.write_text("my notes, not a GeoPackage")
    with pytest.raises(ExportError, match="GeoPackage"):
        export_layer(store, "events", not_a_gpkg)
    assert not_a_gpkg.read_text() == "my notes, not a GeoPackage"
    (tmp_path / "taken.geojson").mkdir()  # a folder where the file should go
    with pytest.raises(ExportError, match="cannot write"):
        export_layer(store, "events", tmp_path / "taken.geojson")
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".*.part"))
    with pytest.raises(ExportError, match="does not exist"):
        export_layer(store, "events", tmp_path / "missing" / "x.csv")


def test_csv_cells_cannot_run_as_spreadsheet_formulas(tmp_path):
    from geomap.records import Document, ProcessedDocument
    from geomap.store import open_store

    with open_store(tmp_path / "hostile.sqlite") as hostile:
        hostile.save(ProcessedDocument(Document("Residents fled the town.", title='=HYPERLINK("http://x","y")')))
        export_layer(hostile, "documents", tmp_path / "docs.csv")
    frame = pd.read_csv(tmp_path / "docs.csv")
    assert frame.loc[0, "title"] == '\'=HYPERLINK("http://x","y")'
    assert frame.loc[0, "text"] == "Residents fled the town."


@pytest.mark.parametrize("layer", LAYERS)
def test_table_columns_cover_every_property_the_features_have(store, layer):
    from geomap.export import iter_features

    columns = {name for name, _ in layer_columns(layer)}
    for feature in iter_features(store, layer):
        assert set(feature["properties"]) <= columns
