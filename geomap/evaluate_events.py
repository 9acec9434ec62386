"""Scores for event extraction against gold JSON Lines (metrics of shared/eval/README.md).

event-location: each line gives a sentence, the event word and the gold place spans;
a prediction is right when its span overlaps a gold span or both are empty.
events: each line gives a text, optional `published`, and gold `events` with at least
a `trigger` {start, end}; the extractor is asked about each gold trigger and scored on
type, sub-type, date, location (great-circle distance) and fatalities.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from geopy.distance import great_circle
from tqdm import tqdm

from geomap.jsonlines import read_text_objects
from geomap.errors import InputError
from geomap.extraction import EventRunner, document_of
from geomap.events import extract_for_trigger
from geomap.records import Span

logger = logging.getLogger(__name__)


def read_gold(path: Path) -> list[dict[str, Any]]:
    with Path(path).open(encoding="utf-8") as handle:
        return list(read_text_objects(handle, str(path)))


def _overlaps(span: dict[str, int] | None, golds: list[dict[str, Any]]) -> bool:
    return span is not None and any(span["start"] < g["end"] and g["start"] < span["end"] for g in golds)


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0


def score_event_location(pairs: list[tuple[dict[str, Any] | None, list[dict[str, Any]]]]) -> dict[str, Any]:
    """Accuracy, and precision/recall of non-empty answers, from (predicted span, gold spans)."""
    right = predicted = predicted_right = gold_nonempty = found = 0
    for span, golds in pairs:
        hit = _overlaps(span, golds)
        right += hit or (span is None and not golds)
        predicted += span is not None
        predicted_right += hit
        gold_nonempty += bool(golds)
        found += hit
    precision, recall = _ratio(predicted_right, predicted), _ratio(found, gold_nonempty)
    f1 = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
    return {"sentences": len(pairs), "accuracy": _ratio(right, len(pairs)),
            "nonempty": {"precision": precision, "recall": recall, "f1": f1,
                         "predicted": predicted, "gold": gold_nonempty}}


def event_location_predictions(runner: EventRunner, rows: list[dict[str, Any]],
                               progress: bool = False) -> Iterator[dict[str, Any] | None]:
    """The predicted location span for each row's given event word."""
    events = runner.run(rows, given_trigger=True)
    for (event,) in tqdm(events, total=len(rows), unit="sent", disable=not progress):
        span = event.location_span
        yield {"start": span.start, "end": span.end} if span else None


def evaluate_event_location(runner: EventRunner, rows: list[dict[str, Any]],
                            progress: bool = False) -> dict[str, Any]:
    predictions = event_location_predictions(runner, rows, progress)
    return score_event_location([(p, r.get("locations") or []) for p, r in zip(predictions, rows)])


def _compare(gold: dict[str, Any], predicted: Any) -> dict[str, bool | None]:
    """Per-field agreement of one predicted event with its gold event (None = not scored)."""
    result: dict[str, bool | None] = {
        "type": predicted.event_type == gold.get("event_type") if gold.get("event_type") else None,
        "sub_type": predicted.sub_event_type == gold.get("sub_event_type") if gold.get("sub_event_type") else None,
        "date": (predicted.date is not None and predicted.date.isoformat() == gold["date"][:10])
        if gold.get("date") else None,
        "fatalities": (predicted.fatalities or 0) == int(gold["fatalities"])
        if gold.get("fatalities") is not None else None,
    }
    if gold.get("lat") is not None and gold.get("lon") is not None:
        if predicted.place is None:
            km = None
        else:
            km = great_circle((gold["lat"], gold["lon"]), (predicted.place.lat, predicted.place.lon)).km
        result["within_25km"] = km is not None and km <= 25
        result["within_161km"] = km is not None and km <= 161
    return result


def evaluate_events(runner: EventRunner, rows: list[dict[str, Any]], progress: bool = False) -> dict[str, Any]:
    """Field accuracies over every gold event, asking the extractor about each gold trigger."""
    tallies: dict[str, list[int]] = {}
    count = 0
    at = [tuple(g["trigger"]["start"] for g in r.get("events") or [] if "start" in (g.get("trigger") or {}))
          for r in rows]
    parsed = runner.parse((r["text"] for r in rows), at=at)
    for row, (doc, toponyms) in tqdm(zip(rows, parsed), total=len(rows), unit="doc", disable=not progress):
        document = document_of(row)
        for gold in row.get("events") or []:
            trigger = gold.get("trigger") or {}
            if "start" not in trigger:
                raise InputError(f"line {row.get('id')!r}: every gold event needs a trigger {{start, end}}")
            predicted = extract_for_trigger(doc, toponyms, document, Span(trigger["start"], trigger["end"]))
            count += 1
            for field, ok in _compare(gold, predicted).items():
                if ok is not None:
                    tally = tallies.setdefault(field, [0, 0])
                    tally[0] += bool(ok)
                    tally[1] += 1
    metrics: dict[str, Any] = {"documents": len(rows), "events": count}
    for field in ("type", "sub_type", "date", "within_25km", "within_161km", "fatalities"):
        right, total = tallies.get(field, [0, 0])
        metrics[f"{field}_accuracy"] = _ratio(right, total)
    return metrics
