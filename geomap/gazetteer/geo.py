"""Distance and similarity helpers of the gazetteer's read side."""

from __future__ import annotations

import math
from collections.abc import Callable

from geopy.distance import great_circle
from rapidfuzz import fuzz, process

Query = Callable[[str, tuple[object, ...]], list[tuple]]
_KM_PER_DEGREE = 111.2


def nearest_rows(query: Query, columns: str, lat: float, lon: float, kind: str | None, limit: int) -> list[tuple]:
    """Rows of the ``limit`` places nearest (lat, lon): search a box around the point
    (indexed on lat) that grows until it holds enough, then rank by great-circle
    distance. Rows must have lat, lon at positions 3 and 4."""
    radius_km = 25.0
    while True:
        dlat = radius_km / _KM_PER_DEGREE
        dlon = min(180.0, dlat / max(math.cos(math.radians(min(abs(lat) + dlat, 89.9))), 1e-6))
        sql = f"SELECT {columns} FROM places WHERE lat BETWEEN ? AND ?"
        params: tuple[object, ...] = (lat - dlat, lat + dlat)
        if kind:
            sql, params = sql + " AND kind = ?", params + (kind,)
        rows = [r for r in query(sql, params) if _lon_gap(r[4], lon) <= dlon]
        # only points within radius_km are sure to beat anything outside the box
        ranked = sorted((great_circle((lat, lon), (r[3], r[4])).km, r[0], r) for r in rows)
        inside = [item for item in ranked if item[0] <= radius_km]
        if len(inside) >= limit or radius_km >= 20_000:
            return [r for _, _, r in ranked[:limit]]
        radius_km *= 4


def _lon_gap(a: float, b: float) -> float:
    gap = abs(a - b) % 360.0
    return min(gap, 360.0 - gap)


def fuzzy_matches(key: str, choices: list[str], limit: int, score_cutoff: float) -> list[tuple[str, float]]:
    """(folded name, score 0-100) of the choices closest to ``key``, best first."""
    if not key:
        return []
    found = process.extract(key, choices, scorer=fuzz.ratio, limit=limit, score_cutoff=score_cutoff)
    return [(choice, float(score)) for choice, score, _ in found]
