"""Exports of the store's layers: GeoJSON, GeoPackage, CSV and GeoParquet.

Every writer consumes an iterator of GeoJSON features (built by geomap.geojson, so the
API and the exports carry the same properties and ids) and holds at most one batch in
memory, so a million events export in flat memory. GeoJSON is written per RFC 7946:
a FeatureCollection of [lon, lat] positions in WGS84 with no ``crs`` member.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Iterable

from geomap.errors import ExportError
from geomap.export.layers import LAYERS, check_layer, document_feature, iter_features, layer_columns
from geomap.export.writers import (
    iter_csv, iter_geojson, write_csv, write_geojson, write_gpkg, write_parquet,
)
from geomap.geojson import Feature
from geomap.filters import parse_filter
from geomap.records import EventFilter

__all__ = [
    "FORMATS", "LAYERS", "MEDIA_TYPES", "SPLIT_KEYS", "ExportResult", "check_layer", "document_feature",
    "export_layer", "format_for", "iter_csv", "iter_features", "iter_geojson", "layer_columns",
    "parse_filter", "write_csv", "write_geojson", "write_gpkg", "write_parquet",
]

log = logging.getLogger(__name__)

FORMATS: dict[str, tuple[str, ...]] = {
    "geojson": (".geojson", ".json"),
    "gpkg": (".gpkg",),
    "csv": (".csv",),
    "parquet": (".parquet", ".geoparquet"),
}
SPLIT_KEYS: tuple[str, ...] = ("event_type",)
MEDIA_TYPES = {
    "geojson": "application/geo+json",
    "gpkg": "application/geopackage+sqlite3",
    "csv": "text/csv",
    "parquet": "application/vnd.apache.parquet",
}


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: one (path, table, count) per output, and a message for people."""

    layer: str
    format: str
    outputs: tuple[tuple[Path, str, int], ...]

    @property
    def count(self) -> int:
        return sum(n for _, _, n in self.outputs)

    @property
    def paths(self) -> tuple[Path, ...]:
        return tuple(dict.fromkeys(p for p, _, _ in self.outputs))

    @property
    def message(self) -> str:
        if not self.count:
            return f"no {self.layer} match the filters: wrote an empty {self.layer} export to " + ", ".join(
                str(p) for p in self.paths
            )
        parts = [f"{n} to {p}" + (f" (layer {t})" if self.format == "gpkg" else "") for p, t, n in self.outputs]
        return f"exported {self.count} {self.layer}: " + "; ".join(parts)


def format_for(path: Path | str | None, fmt: str | None = None) -> str:
    """The format asked for, else the one the file extension names."""
    if fmt:
        key = fmt.lower().lstrip(".")
        key = {"json": "geojson", "geoparquet": "parquet", "geopackage": "gpkg"}.get(key, key)
        if key not in FORMATS:
            raise ExportError(f"unknown format {fmt!r}; valid formats: {', '.join(FORMATS)}")
        return key
    suffix = Path(path).suffix.lower() if path else ""
    for key, suffixes in FORMATS.items():
        if suffix in suffixes:
            return key
    valid = ", ".join(s for suffixes in FORMATS.values() for s in suffixes)
    raise ExportError(
        f"cannot tell the format from {str(path)!r}; use one of the extensions {valid} "
        f"or name a format ({', '.join(FORMATS)})"
    )


# the entry point ----------------------------------------------------------------------
def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", value.lower()).strip("_") or "other"


def _write(fmt: str, features: Iterable[Feature], path: Path, layer: str, table: str) -> int:
    if fmt == "gpkg":  # a GeoPackage gathers tables: written in place, its other tables kept
        return write_gpkg(features, path, layer, table)
    # a failed export must not leave a truncated file that looks complete
    part = path.with_name(f".{path.name}.part")
    writers: dict[str, Callable[[], int]] = {
        "geojson": lambda: write_geojson(features, part),
        "csv": lambda: write_csv(features, part, layer),
        "parquet": lambda: write_parquet(features, part, layer),
    }
    try:
        count = writers[fmt]()
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
    return count


def _split_outputs(store: Any, path: Path, fmt: str, flt: EventFilter) -> list[tuple[Path, str, EventFilter]]:
    types = [t for t in store.event_types() if not flt.types or t in flt.types]
    outputs = []
    for event_type in types:
        part = replace(flt, types=(event_type,))
        if not store.count_events(part):
            continue
        slug = _slug(event_type)
        target = path if fmt == "gpkg" else path.with_name(f"{path.stem}_{slug}{path.suffix}")
        outputs.append((target, slug, part))
    return outputs


def export_layer(
    store: Any, layer: str, path: Path | str, fmt: str | None = None, flt: EventFilter = EventFilter(),
    split_by: str | None = None,
) -> ExportResult:
    """Write one layer of ``store`` to ``path``; ``split_by="event_type"`` writes one output per type.

    Split GeoJSON, CSV and Parquet go to ``<stem>_<type><ext>`` beside ``path``; a split
    GeoPackage holds one table per type. An empty selection writes a valid empty output.
    """
    check_layer(layer)
    path = Path(path)
    fmt = format_for(path, fmt)
    if split_by is not None and split_by not in SPLIT_KEYS:
        raise ExportError(f"cannot split by {split_by!r}; valid: {', '.join(SPLIT_KEYS)}")
    if split_by and layer != "events":
        raise ExportError(f"--split-by {split_by} applies to the events layer, not {layer!r}")
    if not path.parent.is_dir():
        raise ExportError(f"the folder {path.parent} does not exist")
    plan = _split_outputs(store, path, fmt, flt) if split_by else [(path, layer, flt)]
    if not plan:  # nothing to split: still leave a valid, empty file behind
        plan = [(path, layer, flt)]
    outputs = []
    for target, table, part in plan:
        try:
            count = _write(fmt, iter_features(store, layer, part), target, layer, table)
        except OSError as exc:
            raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from exc
        log.info("wrote %d %s to %s", count, layer, target)
        outputs.append((target, table, count))
    return ExportResult(layer, fmt, tuple(outputs))
