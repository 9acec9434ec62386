"""The filters the map, the API, the exports and the CLI share, from the text a user typed.

One parser for query strings and command-line options alike, so a filter means the same
wherever it is given, and a bad value gets the same message that says what to type.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from geomap.errors import ConfigurationError, ValidationError
from geomap.records import EventFilter

Values = str | Sequence[str] | None


def split_values(values: Values) -> tuple[str, ...]:
    """Repeated values or comma-separated ones ("Explosions/Remote violence" has a slash,
    so only commas split), without duplicates."""
    if not values:
        return ()
    items = [values] if isinstance(values, str) else list(values)
    return tuple(dict.fromkeys(v.strip() for item in items for v in item.split(",") if v.strip()))


def parse_date(value: str | date | None, name: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ConfigurationError(f"{name} must be a date as YYYY-MM-DD, got {value!r}") from None


def parse_bbox(value: str | Sequence[float] | None) -> tuple[float, float, float, float] | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    parts = value.split(",") if isinstance(value, str) else list(value)
    try:
        numbers = tuple(float(p) for p in parts)
    except ValueError:
        numbers = ()
    if len(numbers) != 4 or not all(math.isfinite(n) for n in numbers):
        raise ConfigurationError(f"bbox must be min_lon,min_lat,max_lon,max_lat (4 numbers), got {value!r}")
    return numbers  # type: ignore[return-value]


def parse_countries(values: Values) -> tuple[str, ...]:
    codes = tuple(c.upper() for c in split_values(values))
    for code in codes:
        if len(code) != 2 or not code.isalpha():
            raise ConfigurationError(f"country must be ISO 3166 alpha-2 codes like UA or SD, got {code!r}")
    return codes


def parse_filter(start: str | date | None = None, end: str | date | None = None, types: Values = None,
                 countries: Values = None, q: str | None = None, bbox: str | Sequence[float] | None = None,
                 limit: int | None = None, offset: int = 0) -> EventFilter:
    """An EventFilter from option or query-string values; ConfigurationError says what is wrong."""
    try:
        return EventFilter(
            start=parse_date(start, "start"), end=parse_date(end, "end"), types=split_values(types),
            countries=parse_countries(countries), q=(q or "").strip() or None, bbox=parse_bbox(bbox),
            limit=limit, offset=offset,
        )
    except ValidationError as exc:
        raise ConfigurationError(str(exc)) from exc
