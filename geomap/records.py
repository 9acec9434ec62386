"""Typed records passed between pipeline stages.

Every record is a frozen dataclass that validates itself on construction, so a bad
value fails where it is made, not three stages later when it is drawn on a map.
"""

from __future__ import annotations

import hashlib
import math
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from geomap.errors import ValidationError

PLACE_KINDS = frozenset(
    {"country", "admin1", "admin2", "city", "region", "water", "landform", "continent", "other"}
)
TOPONYM_KINDS = frozenset({"place", "demonym", "org_place", "dateline"})
TIME_PRECISIONS = (1, 2, 3)
GEO_PRECISIONS = (1, 2, 3)


def _check_coordinates(lat: float, lon: float) -> None:
    if not (isinstance(lat, (int, float)) and isinstance(lon, (int, float))):
        raise ValidationError(f"lat/lon must be numbers, got {lat!r}, {lon!r}")
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise ValidationError(f"lat/lon must be finite, got {lat!r}, {lon!r}")
    if not -90.0 <= lat <= 90.0:
        raise ValidationError(f"lat must be in [-90, 90], got {lat!r}")
    if not -180.0 <= lon <= 180.0:
        raise ValidationError(f"lon must be in [-180, 180], got {lon!r}")


def _check_date(value: object, name: str) -> None:
    # datetime is a subclass of date; a timestamp where a day is meant hides time zones
    if value is not None and (not isinstance(value, date) or hasattr(value, "hour")):
        raise ValidationError(f"{name} must be a datetime.date or None, got {value!r}")


def _check_span(start: int, end: int) -> None:
    if not (isinstance(start, int) and isinstance(end, int)) or start < 0 or end < start:
        raise ValidationError(f"bad span [{start!r}, {end!r})")


def normalise_text(text: str) -> str:
    """The text a document's identity is computed from: NFC, one space for any run."""
    return " ".join(unicodedata.normalize("NFC", text).split())  # split() and strip() agree with re's \s


def document_id(text: str) -> str:
    """Stable identity of an article: a hash of its normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Span:
    """A character range [start, end) in a document's text."""

    start: int
    end: int
    text: str = ""

    def __post_init__(self) -> None:
        _check_span(self.start, self.end)


@dataclass(frozen=True)
class Document:
    text: str
    title: str = ""
    url: str | None = None
    source: str | None = None
    published: date | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.text, str) or not self.text.strip():
            raise ValidationError("a document needs non-empty text")
        _check_date(self.published, "published")
        if not self.id:
            object.__setattr__(self, "id", document_id(self.text))


@dataclass(frozen=True)
class Place:
    """An entry of the gazetteer (or an online geocoder's answer)."""

    id: str
    name: str
    lat: float
    lon: float
    kind: str
    country_code: str | None = None
    admin1: str | None = None
    population: int | None = None
    geonameid: int | None = None
    countries: tuple[str, ...] = ()
    source: str = "gazetteer"

    def __post_init__(self) -> None:
        if not self.id or not self.name:
            raise ValidationError("a place needs an id and a name")
        _check_coordinates(self.lat, self.lon)
        if self.kind not in PLACE_KINDS:
            raise ValidationError(f"unknown place kind {self.kind!r}; valid: {sorted(PLACE_KINDS)}")
        if self.population is not None and self.population < 0:
            raise ValidationError(f"population must be >= 0, got {self.population!r}")
        if self.country_code and not self.countries:
            object.__setattr__(self, "countries", (self.country_code,))


@dataclass(frozen=True)
class Toponym:
    """A place name found in a text, with the place it was resolved to (if any)."""

    start: int
    end: int
    text: str
    kind: str = "place"
    place: Place | None = None
    score: float = 0.0

    def __post_init__(self) -> None:
        _check_span(self.start, self.end)
        if self.kind not in TOPONYM_KINDS:
            raise ValidationError(f"unknown toponym kind {self.kind!r}; valid: {sorted(TOPONYM_KINDS)}")
        if not 0.0 <= self.score <= 1.0:
            raise ValidationError(f"score must be in [0, 1], got {self.score!r}")

    @property
    def resolved(self) -> bool:
        return self.place is not None


@dataclass(frozen=True)
class Event:
    """One event an article reports, in ACLED's terms."""

    event_type: str
    sub_event_type: str
    trigger: Span
    sentence: Span
    date: date | None = None
    time_precision: int = 3
    place: Place | None = None
    location_text: str | None = None
    location_span: Span | None = None
    geo_precision: int = 3
    actor1: str | None = None
    actor2: str | None = None
    fatalities: int | None = None
    injured: int | None = None
    confidence: float = 0.5
    doc_id: str = ""
    sentences: tuple[Span, ...] = field(default=())
    id: str = ""
    claimed_by: str | None = None  # who reported it ("the army said"), when the text says

    def __post_init__(self) -> None:
        _check_date(self.date, "date")
        if self.time_precision not in TIME_PRECISIONS:
            raise ValidationError(f"time_precision must be 1, 2 or 3, got {self.time_precision!r}")
        if self.geo_precision not in GEO_PRECISIONS:
            raise ValidationError(f"geo_precision must be 1, 2 or 3, got {self.geo_precision!r}")
        for name in ("fatalities", "injured"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, int) or value < 0):
                raise ValidationError(f"{name} must be a non-negative int or None, got {value!r}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValidationError(f"confidence must be in [0, 1], got {self.confidence!r}")
        if not self.sentences:
            object.__setattr__(self, "sentences", (self.sentence,))
        if not self.id and self.doc_id:
            # stable across re-exports: the same article and trigger give the same id
            object.__setattr__(self, "id", f"{self.doc_id}-{self.trigger.start}")

    @property
    def lat(self) -> float | None:
        return self.place.lat if self.place else None

    @property
    def lon(self) -> float | None:
        return self.place.lon if self.place else None


@dataclass(frozen=True)
class ProcessedDocument:
    """What the pipeline makes of one article: its toponyms and its events."""

    document: Document
    toponyms: tuple[Toponym, ...] = ()
    events: tuple[Event, ...] = ()


@dataclass(frozen=True)
class EventFilter:
    """The filters the map, the API and the exports share."""

    start: date | None = None
    end: date | None = None
    types: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    q: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        _check_date(self.start, "start")
        _check_date(self.end, "end")
        if self.start and self.end and self.start > self.end:
            raise ValidationError(f"start {self.start} is after end {self.end}")
        if self.bbox is not None:
            if len(self.bbox) != 4:
                raise ValidationError("bbox needs 4 numbers: min_lon,min_lat,max_lon,max_lat")
            min_lon, min_lat, max_lon, max_lat = self.bbox
            _check_coordinates(min_lat, min_lon)
            _check_coordinates(max_lat, max_lon)
            if min_lat > max_lat:
                raise ValidationError("bbox min_lat is greater than max_lat")
        if self.limit is not None and self.limit < 0 or self.offset < 0:
            raise ValidationError("limit and offset must be >= 0")
