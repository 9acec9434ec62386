"""Representative points of US states, computed from their shapes.

A point stands for a whole state in the index: it is what a map shows and what "how
far off" is measured from. countrystatecity puts a state on its capital or largest
city (New York state on New York City), so the point is computed from the state's
shape instead, by one rule:

1. Take the largest polygon of the shape (by area, in degrees: the parts compared lie
   at similar latitudes). If it holds at least MAINLAND_SHARE of the total area, it is
   the mainland: its centroid, or a point on it (shapely's representative point)
   where the centroid falls outside it (a crescent).
2. Otherwise the shape is an archipelago (Hawaii): the centroid of all its polygons,
   if that lies on or within NEAR_LAND_DEGREES of one of them; else the largest
   polygon's representative point.

Centroids are planar in longitude/latitude, as shapely computes them; a shape across
the 180th meridian (Alaska's Aleutians) is unwrapped to 0..360 first. A state is its
Census counties dissolved. Countries do not come here: their point is the conventional
one the gazetteers publish (see geomap.gazetteer.sources).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import shapely

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
