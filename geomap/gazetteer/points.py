"""Representative points of countries and US states, computed from their shapes.

A point stands for a whole country or state in the index: it is what a map shows and
what "how far off" is measured from. The packages' points are rounded (countryinfo puts
the United States at 38,-97, 235 km from its usual centre) or sit on the capital
(countrystatecity puts New York state on New York City), so where a shape is at hand
the point is computed from it, with one rule for both:

1. Take the largest polygon of the shape (by area, in degrees: the parts compared lie
   at similar latitudes). If it holds at least MAINLAND_SHARE of the total area, it is
   the mainland: its centroid, or a point on it (shapely's representative point)
   where the centroid falls outside it (a crescent such as Norway or Vietnam).
2. Otherwise the shape is an archipelago (Indonesia, the Philippines): the centroid of
   all its polygons, if that lies on or within NEAR_LAND_DEGREES of one of them;
   else the largest polygon's representative point.

Centroids are planar in longitude/latitude, as shapely computes them; a shape across
the 180th meridian (Russia's Chukotka, Fiji, Alaska's Aleutians) is unwrapped to
0..360 first. Countries come from Natural Earth 1:110m (the world-atlas GeoJSON of
the basemap), Somaliland and Northern Cyprus joined to Somalia and Cyprus, and a
shape that reaches within 5 degrees of a pole (Antarctica) keeps its package point;
US states are their Census counties dissolved.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import shape

logger = logging.getLogger(__name__)

MAINLAND_SHARE = 0.5
NEAR_LAND_DEGREES = 1.0

MAINLAND_CENTROID = "mainland centroid"
MAINLAND_SURFACE = "mainland surface point"
ALL_PARTS_CENTROID = "all parts centroid"
LARGEST_SURFACE = "largest part surface point"


@dataclass(frozen=True)
class ShapePoint:
    """A representative point and the branch of the rule that chose it."""

    lat: float
    lon: float
    rule: str
    share: float  # the largest polygon's share of the total area


def _unwrap(geom: shapely.Geometry) -> shapely.Geometry:
    """Shift western longitudes by +360 when the shape spans the antimeridian, so a
    polygon cut at 180 degrees is measured as one piece, not as the whole globe."""
    west, _, east, _ = shapely.bounds(geom)
    if east - west <= 180.0:
        return geom
    return shapely.transform(geom, _shift_west_half)


def _shift_west_half(coords: np.ndarray) -> np.ndarray:
    out = coords.copy()
    out[:, 0] = np.where(out[:, 0] < 0, out[:, 0] + 360.0, out[:, 0])
    return out


def _polygons(geom: shapely.Geometry) -> list[shapely.Geometry]:
    parts = shapely.get_parts(geom)
    return [p for p in parts if p.geom_type == "Polygon" and not p.is_empty]


def _point(point: shapely.Geometry, rule: str, share: float) -> ShapePoint:
    lon = float(point.x)
    lon = lon - 360.0 if lon > 180.0 else lon
    return ShapePoint(round(float(point.y), 4), round(lon, 4), rule, round(share, 3))


def representative_point(geom: shapely.Geometry) -> ShapePoint | None:
    """The point of a (multi)polygon by the module's rule; None for an empty shape."""
    polygons = [_unwrap(p) for p in _polygons(geom)]
    if not polygons:
        return None
    whole = _unwrap(shapely.MultiPolygon(polygons))
    # unwrapping the whole may shift parts the per-polygon pass left alone
    polygons = _polygons(whole)
    areas = np.array([p.area for p in polygons])
    largest = polygons[int(np.argmax(areas))]
    share = float(areas.max() / areas.sum())
    if share >= MAINLAND_SHARE:
        centroid = largest.centroid
        if largest.contains(centroid):
            return _point(centroid, MAINLAND_CENTROID, share)
        return _point(largest.representative_point(), MAINLAND_SURFACE, share)
    centroid = whole.centroid
    if whole.distance(centroid) <= NEAR_LAND_DEGREES:
        return _point(centroid, ALL_PARTS_CENTROID, share)
    return _point(largest.representative_point(), LARGEST_SURFACE, share)


def country_points(geojson: Path, numeric_to_iso2: Mapping[int, str],
                   name_to_iso2: Mapping[str, str]) -> dict[str, ShapePoint]:
    """ISO2 code -> point of every country in a world-atlas GeoJSON (features with an
    ISO 3166-1 numeric ``id`` and a ``name``; a feature without an id, such as Kosovo,
    is matched by its name, and one matched by neither is skipped)."""
    try:
        features = json.loads(geojson.read_text(encoding="utf-8"))["features"]
    except (OSError, ValueError, KeyError) as exc:
        logger.warning("country shapes %s unreadable (%s); countries keep their package points", geojson, exc)
        return {}
    shapes: dict[str, list[shapely.Geometry]] = {}
    for feature in features:
        code = _iso2_of(feature, numeric_to_iso2, name_to_iso2)
        if code is not None and feature.get("geometry"):
            shapes.setdefault(code, []).append(shape(feature["geometry"]))
    out: dict[str, ShapePoint] = {}
    for code, parts in shapes.items():
        geom = parts[0] if len(parts) == 1 else shapely.union_all(parts)
        if _reaches_a_pole(geom):
            continue
        point = representative_point(geom)
        if point is not None:
            out[code] = point
    return out


# Natural Earth draws these de facto states apart; ISO 3166 and GeoNames count them in
# the country they are part of, so their shapes are joined to it.
PART_OF = {"somaliland": "SO", "n. cyprus": "CY"}
POLAR_LATITUDE = 85.0


def _iso2_of(feature: Mapping, numeric_to_iso2: Mapping[int, str], name_to_iso2: Mapping[str, str]) -> str | None:
    raw = feature.get("id")
    if raw not in (None, "") and str(raw).isdigit():
        return numeric_to_iso2.get(int(raw))
    name = ((feature.get("properties") or {}).get("name") or "").casefold()
    return PART_OF.get(name) or name_to_iso2.get(name)


def _reaches_a_pole(geom: shapely.Geometry) -> bool:
    """A centroid in longitude/latitude means nothing for a shape around a pole
    (Antarctica): such a country keeps its package point."""
    _, south, _, north = shapely.bounds(geom)
    return south <= -POLAR_LATITUDE or north >= POLAR_LATITUDE


def dissolved_points(groups: np.ndarray, geoms: np.ndarray) -> dict[str, ShapePoint]:
    """Group key -> point of the union of the group's polygons. The polygons must not
    overlap (counties tile their state), which lets the fast coverage union do it."""
    out: dict[str, ShapePoint] = {}
    for key in np.unique(groups):
        union = shapely.coverage_union_all(geoms[groups == key])
        point = representative_point(union)
        if point is not None:
            out[str(key)] = point
    return out
