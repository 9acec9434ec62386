"""Streaming writers: GeoJSON and CSV as text chunks, GeoPackage and GeoParquet in batches.

Each writer takes an iterator of GeoJSON features and holds at most one batch of them,
so memory stays flat however many features a layer has.
"""

from __future__ import annotations

import csv
import io
import json
from itertools import islice
from pathlib import Path
from typing import Any, Iterable, Iterator

from geomap.errors import ExportError
from geomap.export.layers import GEOMETRY_TYPES, _sample_feature, layer_columns
from geomap.geojson import Feature

BATCH = 10_000
_FORMULA_STARTS = frozenset("=+-@\t\r")


def _batches(features: Iterable[Feature], size: int = BATCH) -> Iterator[list[Feature]]:
    it = iter(features)
    while batch := list(islice(it, size)):
        yield batch


def iter_geojson(features: Iterable[Feature], counter: list[int] | None = None) -> Iterator[str]:
    """A FeatureCollection as text chunks, one feature at a time (for files and HTTP alike)."""
    yield '{"type": "FeatureCollection", "features": ['
    n = 0
    for batch in _batches(features, 1000):
        chunk = ",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in batch)
        yield ("\n" if n == 0 else ",\n") + chunk
        n += len(batch)
    if counter is not None:
        counter.append(n)
    yield "\n]}\n"


def _cell(feature: Feature, name: str) -> Any:
    value = feature["properties"].get(name, feature["id"] if name == "id" else None)
    # tables have no list type everywhere (GeoPackage, CSV): lists travel as JSON text
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value


def _lat_lon(feature: Feature) -> tuple[float | None, float | None]:
    geometry = feature["geometry"]
    if geometry and geometry["type"] == "Point":
        lon, lat = geometry["coordinates"]
        return lat, lon
    return None, None


def iter_csv(features: Iterable[Feature], layer: str, counter: list[int] | None = None) -> Iterator[str]:
    """CSV text chunks: the properties, then lat and lon (and WKT for non-point layers)."""
    names = [name for name, _ in layer_columns(layer)]
    extra = ["wkt"] if layer in GEOMETRY_TYPES else []
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(names + ["lat", "lon"] + extra)
    n = 0
    for batch in _batches(features, 1000):
        for feature in batch:
            row = [_spreadsheet_safe(_cell(feature, name)) for name in names] + list(_lat_lon(feature))
            writer.writerow(row + ([_wkt(feature["geometry"])] if extra else []))
        n += len(batch)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if counter is not None:
        counter.append(n)
    yield buffer.getvalue()


def _spreadsheet_safe(value: Any) -> Any:
    # article text is untrusted: a cell such as '=HYPERLINK(...)' would run as a formula
    # when an analyst opens the CSV in a spreadsheet, so it is quoted as text (OWASP advice)
    if isinstance(value, str) and value[:1] in _FORMULA_STARTS:
        return "'" + value
    return value


def _wkt(geometry: dict | None) -> str | None:
    if not geometry:
        return None
    from shapely.geometry import shape

    return shape(geometry).wkt


def _write_text(chunks: Iterator[str], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as out:
        for chunk in chunks:
            out.write(chunk)


def write_geojson(features: Iterable[Feature], path: Path | str) -> int:
    counter: list[int] = []
    _write_text(iter_geojson(features, counter), Path(path))
    return counter[0]


def write_csv(features: Iterable[Feature], path: Path | str, layer: str) -> int:
    counter: list[int] = []
    _write_text(iter_csv(features, layer, counter), Path(path))
    return counter[0]


def _frame(batch: list[Feature], layer: str) -> Any:
    """One batch as a GeoDataFrame in EPSG:4326 with the layer's fixed column types."""
    import geopandas as gpd
    import numpy as np
    import pandas as pd
    import shapely
    from shapely.geometry import shape

    dtypes = {"int": "Int64", "float": "float64", "bool": "boolean", "str": "object", "list": "object"}
    data = {}
    for name, kind in layer_columns(layer):
        values = [_cell(f, name) for f in batch]
        # a real date type, so QGIS's temporal controller and pandas need no parsing
        data[name] = (
            pd.to_datetime(pd.Series(values, dtype=object), format="%Y-%m-%d").astype("datetime64[ms]")
            if kind == "date" else pd.Series(values, dtype=dtypes[kind])
        )
    if layer in GEOMETRY_TYPES:
        geometry = [shape(f["geometry"]) if f["geometry"] else None for f in batch]
    else:
        lat_lon = [_lat_lon(f) for f in batch]
        coords = [(lon, lat) if lat is not None else (0.0, 0.0) for lat, lon in lat_lon]
        points = shapely.points(np.array(coords, dtype=float).reshape(-1, 2))
        geometry = [p if lat is not None else None for p, (lat, _) in zip(points, lat_lon)]
    return gpd.GeoDataFrame(pd.DataFrame(data), geometry=geometry, crs="EPSG:4326")


def write_gpkg(features: Iterable[Feature], path: Path | str, layer: str, table: str | None = None) -> int:
    """One table (``table``, default the layer name) in a GeoPackage; other tables are kept."""
    from pyogrio.errors import DataLayerError, DataSourceError

    table = table or layer
    if Path(path).exists() and not _is_geopackage(Path(path)):
        # GDAL would replace the file: never destroy what is not ours to add a table to
        raise ExportError(f"{path} exists and is not a GeoPackage; choose another name or remove it")
    try:
        return _write_gpkg(features, path, layer, table)
    except (DataSourceError, DataLayerError) as exc:
        raise ExportError(f"cannot write table {table!r} to the GeoPackage {path}: {exc}") from exc


def _is_geopackage(path: Path) -> bool:
    with open(path, "rb") as handle:
        head = handle.read(72)
    # a SQLite header with the GeoPackage application id ("GPKG") at byte 68
    return head[:16] == b"SQLite format 3\x00" and head[68:72] == b"GPKG"


def _write_gpkg(features: Iterable[Feature], path: Path | str, layer: str, table: str) -> int:
    import pyogrio

    kwargs = {"layer": table, "driver": "GPKG", "geometry_type": GEOMETRY_TYPES.get(layer, "Point")}
    n = 0
    for batch in _batches(features):
        frame = _frame(batch, layer)
        if n == 0:  # the first batch replaces a table of the same name from an earlier export
            pyogrio.write_dataframe(frame, path, layer_options={"OVERWRITE": "YES"}, **kwargs)
        else:
            pyogrio.write_dataframe(frame, path, append=True, **kwargs)
        n += len(batch)
    if n == 0:
        pyogrio.write_dataframe(_frame([], layer), path, layer_options={"OVERWRITE": "YES"}, **kwargs)
    return n


def _arrow_table(frame: Any) -> Any:
    # the converter behind GeoDataFrame.to_parquet: it adds the GeoParquet "geo" metadata that
    # the public to_arrow() lacks, and to_parquet itself cannot append row groups (geopandas<2)
    from geopandas.io.arrow import _geopandas_to_arrow

    return _geopandas_to_arrow(frame, index=False)


def _parquet_schema(layer: str) -> Any:
    """The file schema, from a full sample row; the bbox of the sample is dropped (it is optional)."""
    schema = _arrow_table(_frame([_sample_feature(layer)], layer)).schema
    geo = json.loads(schema.metadata[b"geo"])
    for column in geo["columns"].values():
        column.pop("bbox", None)
        column["geometry_types"] = [GEOMETRY_TYPES.get(layer, "Point")]
    return schema.with_metadata({**schema.metadata, b"geo": json.dumps(geo).encode()})


def write_parquet(features: Iterable[Feature], path: Path | str, layer: str) -> int:
    """GeoParquet (WKB geometry, CRS metadata by geopandas), written one row group per batch."""
    import pyarrow.parquet as pq

    schema = _parquet_schema(layer)
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        for batch in _batches(features):
            writer.write_table(_arrow_table(_frame(batch, layer)).cast(schema))
            n += len(batch)
    return n


