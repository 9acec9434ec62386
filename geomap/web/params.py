"""Query-string parameters -> EventFilter, with errors that say what is wrong."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date
from typing import Iterable

from werkzeug.datastructures import MultiDict

from geomap.errors import ConfigurationError
from geomap.records import EventFilter

KNOWN = ("start", "end", "type", "country", "q", "bbox", "limit", "offset")


def _date(args: MultiDict, name: str) -> date | None:
    value = (args.get(name) or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigurationError(f"{name} must be a date as YYYY-MM-DD, got {value!r}") from None


def _many(args: MultiDict, name: str) -> tuple[str, ...]:
    """Repeated (?type=A&type=B) or comma-separated values; commas inside type names are rare
    but "Explosions/Remote violence" has a slash, so only commas split."""
    out: list[str] = []
    for raw in args.getlist(name):
        out += [v.strip() for v in raw.split(",") if v.strip()]
    return tuple(dict.fromkeys(out))


def _int(args: MultiDict, name: str, default: int | None, maximum: int | None = None) -> int | None:
    value = (args.get(name) or "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ConfigurationError(f"{name} must be a whole number, got {value!r}") from None
    if number < 0:
        raise ConfigurationError(f"{name} must be >= 0, got {number}")
    if maximum is not None and number > maximum:
        raise ConfigurationError(f"{name} must be <= {maximum}, got {number}; page with offset")
    return number


def _bbox(args: MultiDict) -> tuple[float, float, float, float] | None:
    value = (args.get("bbox") or "").strip()
    if not value:
        return None
    try:
        numbers = tuple(float(v) for v in value.split(","))
    except ValueError:
        numbers = ()
    if len(numbers) != 4 or not all(math.isfinite(n) for n in numbers):
        raise ConfigurationError(f"bbox must be min_lon,min_lat,max_lon,max_lat (4 numbers), got {value!r}")
    return numbers  # type: ignore[return-value]


def parse_filter(args: MultiDict, *, default_limit: int | None = None,
                 max_limit: int | None = None) -> EventFilter:
    """The shared filters of the map, the API and the exports; ConfigurationError (400) if bad."""
    q = (args.get("q") or "").strip() or None
    countries = tuple(c.upper() for c in _many(args, "country"))
    for code in countries:
        if len(code) != 2 or not code.isalpha():
            raise ConfigurationError(f"country must be ISO 3166 alpha-2 codes like UA or SD, got {code!r}")
    # EventFilter validates dates order and bbox ranges; its ValidationError is a ValueError -> 400
    return EventFilter(
        start=_date(args, "start"), end=_date(args, "end"), types=_many(args, "type"),
        countries=countries, q=q, bbox=_bbox(args),
        limit=_int(args, "limit", default_limit, max_limit), offset=_int(args, "offset", 0) or 0,
    )


def filter_args(flt: EventFilter) -> MultiDict:
    """The query string that reproduces a filter (for links that keep the view)."""
    pairs: list[tuple[str, str]] = []
    if flt.start:
        pairs.append(("start", flt.start.isoformat()))
    if flt.end:
        pairs.append(("end", flt.end.isoformat()))
    pairs += [("type", t) for t in flt.types]
    pairs += [("country", c) for c in flt.countries]
    if flt.q:
        pairs.append(("q", flt.q))
    if flt.bbox:
        pairs.append(("bbox", ",".join(f"{v:g}" for v in flt.bbox)))
    return MultiDict(pairs)


def without_paging(flt: EventFilter) -> EventFilter:
    return replace(flt, limit=None, offset=0)


def join_nonempty(values: Iterable[str]) -> str:
    return ", ".join(v for v in values if v)
