"""Query-string parameters -> EventFilter, with errors that say what is wrong."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from werkzeug.datastructures import MultiDict

from geomap import filters
from geomap.errors import ConfigurationError
from geomap.records import EventFilter

KNOWN = ("start", "end", "type", "country", "q", "bbox", "limit", "offset")


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


def parse_filter(args: MultiDict, *, default_limit: int | None = None,
                 max_limit: int | None = None) -> EventFilter:
    """The shared filters of the map, the API and the exports; ConfigurationError (400) if bad."""
    return filters.parse_filter(
        start=args.get("start"), end=args.get("end"), types=args.getlist("type"),
        countries=args.getlist("country"), q=args.get("q"), bbox=args.get("bbox"),
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
