"""Score geoparsing against a gold corpus (JSON Lines, the eval README's format).

Recognition: precision/recall/F1 of predicted spans against gold spans (resolved and
unresolved gold), strict and overlap. Resolution: for each gold toponym with
coordinates, the great-circle error of the system's coordinates for the predicted span
that overlaps it; a miss or an unresolved name costs 20,039 km.
"""

from __future__ import annotations

import json
import math
import statistics
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geopy.distance import great_circle

from geomap.jsonlines import read_text_objects
from geomap.errors import InputError
from geomap.records import Toponym

MAX_ERROR_KM = 20_039.0
ACC_KM = 161.0


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    name: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


@dataclass(frozen=True)
class GoldDoc:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def read_gold(path: Path) -> Iterator[GoldDoc]:
    with Path(path).open(encoding="utf-8") as handle:
        for row in read_text_objects(handle, str(path)):
            try:
                yield GoldDoc(str(row["id"]), row["text"], tuple(_gold_toponyms(row)))
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"{path}: document {row.get('id')!r} is not a gold geoparsing document ({exc})") from exc


def _gold_toponyms(row: dict[str, Any]) -> Iterator[GoldToponym]:
    for t in row.get("toponyms") or []:
        yield GoldToponym(int(t["start"]), int(t["end"]), t.get("name", ""), t.get("lat"), t.get("lon"),
                          t.get("geonameid"))
    for t in row.get("toponyms_unresolved") or []:
        yield GoldToponym(int(t["start"]), int(t["end"]), t.get("name", ""))


@dataclass
class Tally:
    """Running counts for one run over a corpus."""

    gold: int = 0
    predicted: int = 0
    strict_hits: int = 0
    overlap_gold_hits: int = 0
    overlap_pred_hits: int = 0
    id_pairs: int = 0
    id_hits: int = 0
    acc_or_id: int = 0

    def __post_init__(self) -> None:
        self.errors: list[float] = []


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_doc(tally: Tally, gold: GoldDoc, predicted: Sequence[Toponym]) -> list[dict[str, Any]]:
    """Add one document to ``tally``; return per-gold-toponym details (for error analysis)."""
    tally.gold += len(gold.toponyms)
    tally.predicted += len(predicted)
    pred_spans = [(t.start, t.end) for t in predicted]
    gold_spans = {(g.start, g.end) for g in gold.toponyms}
    tally.strict_hits += len(gold_spans & set(pred_spans))
    tally.overlap_pred_hits += sum(any(_overlaps(p, g) for g in gold_spans) for p in pred_spans)
    details = []
    for g in gold.toponyms:
        match = _best_match(g, predicted)
        tally.overlap_gold_hits += match is not None
        if g.lat is None or g.lon is None:
            continue
        place = match.place if match is not None else None
        error = great_circle((g.lat, g.lon), (place.lat, place.lon)).km if place else MAX_ERROR_KM
        tally.errors.append(error)
        same_id = bool(place and g.geonameid and place.geonameid == g.geonameid)
        if g.geonameid and place and place.geonameid:
            tally.id_pairs += 1
            tally.id_hits += same_id
        tally.acc_or_id += error <= ACC_KM or same_id
        details.append({"gold": g, "match": match, "error_km": error})
    return details


def _best_match(gold: GoldToponym, predicted: Sequence[Toponym]) -> Toponym | None:
    """The predicted toponym for a gold one: same span, else the overlapping one with the
    most shared characters."""
    best, best_shared = None, 0
    for t in predicted:
        shared = min(t.end, gold.end) - max(t.start, gold.start)
        if shared > best_shared or (shared == best_shared and shared > 0 and t.resolved and not best.resolved):
            best, best_shared = t, shared
    return best


def _prf(hits_p: int, n_pred: int, hits_g: int, n_gold: int) -> dict[str, float]:
    p = hits_p / n_pred if n_pred else 0.0
    r = hits_g / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def summarise(tally: Tally, spans_mode: bool) -> dict[str, Any]:
    errors = tally.errors
    n = len(errors)
    out: dict[str, Any] = {"mode": "spans" if spans_mode else "end_to_end", "gold_toponyms": tally.gold,
                           "gold_with_coordinates": n, "predicted": tally.predicted}
    if not spans_mode:
        out["recognition_strict"] = _prf(tally.strict_hits, tally.predicted, tally.strict_hits, tally.gold)
        out["recognition_overlap"] = _prf(tally.overlap_pred_hits, tally.predicted, tally.overlap_gold_hits, tally.gold)
    out["acc@161"] = round(sum(e <= ACC_KM for e in errors) / n, 4) if n else 0.0
    out["auc"] = round(sum(math.log1p(e) for e in errors) / (n * math.log1p(MAX_ERROR_KM)), 4) if n else 0.0
    out["mean_error_km"] = round(statistics.fmean(errors), 1) if n else 0.0
    out["median_error_km"] = round(statistics.median(errors), 1) if n else 0.0
    out["geonameid_match"] = round(tally.id_hits / tally.id_pairs, 4) if tally.id_pairs else None
    out["geonameid_pairs"] = tally.id_pairs
    out["acc@161_or_same_id"] = round(tally.acc_or_id / n, 4) if n else 0.0
    return out


AREA_KINDS = frozenset({"country", "admin1", "continent", "region"})
CAUSES = ("not recognised", "no right candidate in the gazetteer", "right candidate left unresolved",
          "wrong candidate chosen", "gold disagreement (same place, other centroid)")


def error_causes(details: Iterable[dict[str, Any]], resolver: Any) -> dict[str, int]:
    """Count the gold toponyms resolved more than 161 km off, by cause. "Gold
    disagreement" is the same GeoNames id with another point, or, where the gold has no
    id, the country or region of that name whose centroid the gold puts elsewhere (less
    than 1,000 km off)."""
    counts = dict.fromkeys(CAUSES, 0)
    for d in details:
        if d["error_km"] <= ACC_KM:
            continue
        counts[_cause(d, resolver)] += 1
    return counts


def _cause(d: dict[str, Any], resolver: Any) -> str:
    g, m = d["gold"], d["match"]
    if m is None:
        return CAUSES[0]
    place = m.place
    if place is not None and g.geonameid and place.geonameid == g.geonameid:
        return CAUSES[4]
    if place is not None and not g.geonameid and place.kind in AREA_KINDS and d["error_km"] < 1000:
        return CAUSES[4]
    near = [p for p in resolver.candidate_places(m) if great_circle((p.lat, p.lon), (g.lat, g.lon)).km <= ACC_KM]
    if not near:
        return CAUSES[1]
    return CAUSES[2] if place is None else CAUSES[3]


def evaluate(geoparser: Any, docs: Iterable[GoldDoc], spans_mode: bool = False, n_process: int = 1,
             progress: bool = False) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Run ``geoparser`` over gold documents and score it; also return the details of
    every gold toponym with coordinates (for error tables)."""
    from tqdm import tqdm

    docs = list(docs)
    tally, details = Tally(), []
    if spans_mode:
        results: Iterable[list[Toponym]] = (
            geoparser.resolve_spans(d.text, [(g.start, g.end) for g in d.toponyms if g.lat is not None])
            for d in docs)
    else:
        results = geoparser.parse_many((d.text for d in docs), n_process=n_process)
    for doc, predicted in tqdm(zip(docs, results), total=len(docs), disable=not progress, unit="doc"):
        for item in score_doc(tally, doc, predicted):
            item["doc"] = doc.id
            details.append(item)
    return summarise(tally, spans_mode), details


def write_details(details: Iterable[dict[str, Any]], path: Path) -> None:
    """Every scored gold toponym with what the system said about it, for error analysis."""
    with Path(path).open("w", encoding="utf-8") as out:
        for d in details:
            g, m = d["gold"], d["match"]
            place = m.place if m is not None else None
            out.write(json.dumps({
                "doc": d["doc"], "start": g.start, "end": g.end, "name": g.name, "gold_lat": g.lat,
                "gold_lon": g.lon, "gold_geonameid": g.geonameid, "error_km": round(d["error_km"], 1),
                "found": m is not None, "found_text": m.text if m else None, "kind": m.kind if m else None,
                "place_id": place.id if place else None, "place_name": place.name if place else None,
                "place_kind": place.kind if place else None, "country": place.country_code if place else None,
                "score": m.score if m else None,
            }, ensure_ascii=False) + "\n")
