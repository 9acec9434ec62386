"""Exports of the store's layers (placeholder: replaced by the streaming writers)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from geomap.errors import ExportError
from geomap.geojson import event_feature
from geomap.records import EventFilter


@dataclass(frozen=True)
class ExportResult:
    paths: tuple[Path, ...]
    count: int
    message: str


def export_layer(store, layer: str, path: Path, flt: EventFilter = EventFilter()) -> ExportResult:
    if layer != "events":
        raise ExportError(f"unknown layer {layer!r}; valid: events")
    features = [event_feature(e) for e in store.events(flt)]
    Path(path).write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return ExportResult((Path(path),), len(features), f"wrote {len(features)} events to {path}")
