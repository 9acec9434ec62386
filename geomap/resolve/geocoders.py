"""Online geocoders through geopy, for names the offline gazetteer lacks (never the default).

One small adapter per backend turns geopy's answer into a Place; ``OnlineGeocoder``
adds what every backend needs: a user agent, a rate limit (geopy's RateLimiter, as the
public services' usage policies ask), and a cache so a name is asked for once.
"""

from __future__ import annotations

import logging
import shelve
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim, Photon
from geopy.location import Location

from geomap import __version__
from geomap.config import data_dir
from geomap.errors import ConfigurationError, GeocoderError
from geomap.gazetteer.fold import fold
from geomap.records import Place

log = logging.getLogger(__name__)

DEFAULT_USER_AGENT = f"geomap/{__version__}"
_KINDS = {
    "country": "country", "state": "admin1", "province": "admin1", "region": "region", "county": "admin2",
    "city": "city", "town": "city", "village": "city", "hamlet": "city", "suburb": "city",
    "municipality": "city", "district": "admin2", "water": "water", "river": "water", "sea": "water",
    "lake": "water", "peak": "landform", "mountain_range": "landform", "island": "landform",
}


def _nominatim_place(loc: Location) -> Place:
    raw = loc.raw
    kind = _KINDS.get(raw.get("addresstype") or raw.get("type") or "", "other")
    address = raw.get("address") or {}
    code = (address.get("country_code") or "").upper() or None
    osm = f"osm:{(raw.get('osm_type') or 'x')[0].upper()}{raw.get('osm_id')}" if raw.get("osm_id") else None
    name = raw.get("name") or loc.address.split(",")[0]
    return Place(id=osm or f"nominatim:{raw.get('place_id')}", name=name, lat=loc.latitude, lon=loc.longitude,
                 kind=kind, country_code=code, source="nominatim")


def _photon_place(loc: Location) -> Place:
    props = (loc.raw or {}).get("properties") or {}
    kind = _KINDS.get(props.get("type") or props.get("osm_value") or "", "other")
    code = (props.get("countrycode") or "").upper() or None
    osm = f"osm:{(props.get('osm_type') or 'x')[0].upper()}{props.get('osm_id')}"
    return Place(id=osm, name=props.get("name") or loc.address.split(",")[0], lat=loc.latitude,
                 lon=loc.longitude, kind=kind, country_code=code, source="photon")


def _nominatim(domain: str | None, scheme: str, user_agent: str) -> tuple[Any, Callable[..., Any], Callable]:
    backend = Nominatim(user_agent=user_agent, scheme=scheme, **({"domain": domain} if domain else {}))

    def query(name: str, country_codes: Sequence[str]) -> Any:
        return backend.geocode(name, exactly_one=True, addressdetails=True,
                               country_codes=[c.lower() for c in country_codes] or None)

    return backend, query, _nominatim_place


def _photon(domain: str | None, scheme: str, user_agent: str) -> tuple[Any, Callable[..., Any], Callable]:
    backend = Photon(user_agent=user_agent, scheme=scheme, **({"domain": domain} if domain else {}))

    def query(name: str, country_codes: Sequence[str]) -> Any:
        return backend.geocode(name, exactly_one=True, language="en")

    return backend, query, _photon_place


GEOCODERS: dict[str, Callable[[str | None, str, str], tuple[Any, Callable[..., Any], Callable]]] = {
    "nominatim": _nominatim,
    "photon": _photon,
}


class Cache(Protocol):
    def get(self, key: str) -> Any: ...
    def put(self, key: str, value: Place | None) -> None: ...


class MemoryCache:
    def __init__(self) -> None:
        self._data: dict[str, Place | None] = {}

    def get(self, key: str) -> Any:
        return self._data.get(key, MISSING)

    def put(self, key: str, value: Place | None) -> None:
        self._data[key] = value


class ShelfCache:
    """A persistent cache in a dbm file beside the user's data (answers, and "not found")."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else data_dir() / "geocoder-cache"
        self._lock = threading.Lock()

    def get(self, key: str) -> Any:
        with self._lock, shelve.open(str(self.path)) as shelf:
            return shelf.get(key, MISSING)

    def put(self, key: str, value: Place | None) -> None:
        with self._lock, shelve.open(str(self.path)) as shelf:
            shelf[key] = value


MISSING = object()


class OnlineGeocoder:
    """``geocode(name, country_codes)`` -> Place | None through a geopy backend."""

    def __init__(self, name: str, domain: str | None = None, scheme: str = "https",
                 user_agent: str | None = None, min_delay_seconds: float = 1.0, cache: Cache | None = None) -> None:
        try:
            factory = GEOCODERS[name]
        except KeyError:
            raise ConfigurationError(f"unknown geocoder {name!r}; valid: {sorted(GEOCODERS)}") from None
        self.name, self.domain = name, domain
        self.backend, query, self._to_place = factory(domain, scheme, user_agent or DEFAULT_USER_AGENT)
        self._query = RateLimiter(query, min_delay_seconds=min_delay_seconds, max_retries=1,
                                  error_wait_seconds=min_delay_seconds, swallow_exceptions=False)
        self.cache = cache if cache is not None else MemoryCache()

    def geocode(self, name: str, country_codes: Sequence[str] = ()) -> Place | None:
        key = f"{self.name}|{self.domain or ''}|{fold(name)}|{','.join(sorted(country_codes))}"
        cached = self.cache.get(key)
        if cached is not MISSING:
            return cached
        try:
            location = self._query(name, country_codes)
        except GeopyError as exc:
            raise GeocoderError(f"{self.name} geocoder failed for {name!r}: {exc}") from exc
        place = self._to_place(location) if location is not None else None
        self.cache.put(key, place)
        log.debug("geocoded %r with %s: %s", name, self.name, place)
        return place


def make_geocoder(name: str, domain: str | None = None, scheme: str = "https", user_agent: str | None = None,
                  min_delay_seconds: float = 1.0, cache: Cache | None = None) -> OnlineGeocoder:
    """An online geocoder with a persistent cache in the user's data folder by default."""
    return OnlineGeocoder(name, domain, scheme, user_agent, min_delay_seconds,
                          cache if cache is not None else ShelfCache())
