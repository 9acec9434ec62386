"""When an event happened: date expressions resolved against a reference date.

The reference is the publication date; without one it is inferred from the explicit
dates in the text (a news story is filed on or soon after the latest day it names).
Weekdays are resolved by tense: "clashes on Tuesday" is the Tuesday before the story,
"talks will start on Thursday" the Thursday after it. Precision follows ACLED:
1 = the day, 2 = within a week, 3 = within a month.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Iterable

from dateparser.date import DateDataParser

logger = logging.getLogger(__name__)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")s?\b", re.I)
_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTH_NAMES = (r"jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|"
                r"nov(ember)?|dec(ember)?")
_MONTH_RE = re.compile(r"\b(" + _MONTH_NAMES + r")\b", re.I)
# Words around a date that dateparser does not need and may trip over.
_NOISE_RE = re.compile(
    r"\b(on|late|early|earlier|later|the|of|by|from|until|till|since|in|at|around|about|morning|"
    r"afternoon|evening|night|overnight|midday|noon|dawn|hours|before|after)\b",
    re.I,
)


@dataclass(frozen=True)
class Reference:
    """The day date expressions are relative to, and whether it was only inferred."""

    day: date
    inferred: bool = False


@dataclass(frozen=True)
class Resolved:
    day: date
    precision: int
    background: bool = False  # a year or decade: history, not the news


def _weekday_on(reference: Reference, weekday: int, future: bool, modifier: str) -> date:
    ref = reference.day
    if modifier == "next" or future:
        delta = (weekday - ref.weekday()) % 7
        return ref + timedelta(days=delta or (7 if modifier == "next" else 0))
    if modifier == "last":
        delta = (ref.weekday() - weekday) % 7
        return ref - timedelta(days=delta or 7)
    if reference.inferred:
        # the story was filed on or after the reference: the nearest such weekday
        forward = (weekday - ref.weekday()) % 7
        return ref + timedelta(days=forward) if forward <= 3 else ref - timedelta(days=7 - forward)
    return ref - timedelta(days=(ref.weekday() - weekday) % 7)


def _month_middle(day: date) -> date:
    return day.replace(day=15)


def _relative_phrase(lower: str, reference: Reference) -> Resolved | None:
    """Phrases anchored on the reference day that dateparser reads poorly."""
    ref = reference.day
    table = (
        ("day before yesterday", ref - timedelta(days=2), 1),
        ("yesterday", ref - timedelta(days=1), 1),
        ("tomorrow", ref + timedelta(days=1), 1),
        ("today", ref, 1),
        ("tonight", ref, 1),
        ("this morning", ref, 1),
        ("overnight", ref, 2),
        ("last week", ref - timedelta(days=7), 2),
        ("next week", ref + timedelta(days=7), 2),
        ("this week", ref, 2),
        ("coming days", ref, 2),
        ("past week", ref, 2),
        ("weekend", ref - timedelta(days=(ref.weekday() + 2) % 7 or 7) if ref.weekday() < 5 else ref, 2),
        ("earlier this month", _month_middle(ref) if ref.day > 15 else ref.replace(day=1), 3),
        ("this month", ref, 3),
        ("last month", _month_middle(ref.replace(day=1) - timedelta(days=1)), 3),
        ("next month", _month_middle(ref.replace(day=28) + timedelta(days=7)), 3),
        ("recent weeks", ref, 3),
        ("past month", ref, 3),
    )
    for phrase, day, precision in table:
        if phrase in lower:
            return Resolved(day, precision)
    return None


def _year_for(month_day: date, weekday: int | None, anchor_year: int) -> int:
    """The year a day-and-month falls in, from its weekday when the text gives one."""
    if weekday is None:
        return anchor_year
    for offset in sorted(range(-6, 12), key=lambda k: (abs(k), k < 0)):
        try:
            if month_day.replace(year=anchor_year + offset).weekday() == weekday:
                return anchor_year + offset
        except ValueError:  # 29 February
            continue
    return anchor_year


@lru_cache(maxsize=64)
def _parser(future: bool, base: date | None) -> DateDataParser:
    """dateparser's parser is costly to build: one per (tense, reference day)."""
    settings: dict[str, object] = {"PREFER_DATES_FROM": "future" if future else "past",
                                   "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# "September 19", "Sept. 19", "Tuesday, September 19": the commonest form in news
_MONTH_DAY_RE = re.compile(
    r"^(?:(?P<weekday>" + "|".join(WEEKDAYS) + r"),?\s+)?(?P<month>" + _MONTH_NAMES +
    r")\.?\s+(?P<day>[1-9]|[12]\d|3[01])$",
    re.I,
)


def _month_day(cleaned: str, anchor_year: int) -> Resolved | None:
    """A yearless day and month, read without dateparser when its year comes from
    the anchor (no reference, or an inferred one): the result dateparser's gives."""
    match = _MONTH_DAY_RE.match(cleaned)
    if match is None:
        return None
    month = _MONTHS.index(match.group("month")[:3].lower()) + 1
    day = int(match.group("day"))
    if (month, day) == (2, 29):
        return None  # the year decides whether it exists: dateparser's way
    try:
        month_day = date(2001, month, day)
    except ValueError:
        return None
    weekday = match.group("weekday")
    year = _year_for(month_day, WEEKDAYS.index(weekday.lower()) if weekday else None, anchor_year)
    return Resolved(month_day.replace(year=year), 1)


_DAY = r"(?P<day>[1-9]|[12]\d|3[01])"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_MONTH = r"(?P<month>" + _MONTH_NAMES + r")\.?"
# "September 19, 2023", "19 Sept. 2023", "October 2017": what dateparser reads them as,
# without its cost (a few milliseconds each); anything else still goes to dateparser
_FULL_DATE_RES = (re.compile(rf"^{_MONTH}\s+{_DAY},?\s+{_YEAR}$", re.I),
                  re.compile(rf"^{_DAY}\s+{_MONTH},?\s+{_YEAR}$", re.I))
_MONTH_YEAR_RE = re.compile(rf"^{_MONTH},?\s+{_YEAR}$", re.I)
_BARE_YEAR_RE = re.compile(rf"^{_YEAR}$")


def _month_number(name: str) -> int:
    return _MONTHS.index(name[:3].lower()) + 1


def _full_date(cleaned: str) -> date | None:
    """The day a complete day-month-year date names (None: not one, or no such day)."""
    for pattern in _FULL_DATE_RES:
        match = pattern.match(cleaned)
        if match is not None:
            try:
                return date(int(match.group("year")), _month_number(match.group("month")), int(match.group("day")))
            except ValueError:
                return None
    return None


def _date_data(cleaned: str, future: bool, base: date | None) -> tuple[date, str] | None:
    """(day, period) as dateparser gives them; the commonest forms read directly."""
    day = _full_date(cleaned)
    if day is not None:
        return day, "day"
    match = _MONTH_YEAR_RE.match(cleaned)
    if match is not None:  # the first of the month, as PREFER_DAY_OF_MONTH says
        return date(int(match.group("year")), _month_number(match.group("month")), 1), "month"
    if _BARE_YEAR_RE.match(cleaned):  # "in 2022": the base's (or today's) month, its first day
        return date(int(cleaned), (base or date.today()).month, 1), "year"
    try:
        data = _parser(future, base).get_date_data(cleaned)
    except (ValueError, OverflowError) as exc:
        logger.debug("dateparser failed on %r: %s", cleaned, exc)
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period


def _explicit(text: str, reference: Reference | None, future: bool, anchor_year: int) -> Resolved | None:
    cleaned = " ".join(_NOISE_RE.sub(" ", text).split()).strip(" ,.")
    if not cleaned:
        return None
    if reference is None or reference.inferred:
        quick = _month_day(cleaned, anchor_year)
        if quick is not None:
            return quick
    data = _date_data(cleaned, future, reference.day if reference else None)
    if data is None:
        return None
    day, period = data
    has_year = bool(_YEAR_RE.search(text))
    if period == "year" or (not _MONTH_RE.search(text) and has_year):
        return Resolved(day, 3, background=True)
    if not has_year and (reference is None or reference.inferred):
        weekday = _WEEKDAY_RE.search(text)
        year = _year_for(day, WEEKDAYS.index(weekday.group(1).lower()) if weekday else None, anchor_year)
        try:
            day = day.replace(year=year)
        except ValueError:  # 29 February in a common year: keep dateparser's (leap) year
            pass
    return Resolved(day, 3 if period == "month" else 2 if period == "week" else 1)


def resolve_expression(
    text: str, reference: Reference | None, future: bool = False, anchor_year: int | None = None
) -> Resolved | None:
    """The day a date expression names, or None when it cannot be placed in time."""
    lower = text.lower()
    anchor = anchor_year or (reference.day.year if reference else date.today().year)
    if re.search(r"\b\d{2,4}0'?s\b|\bcentury\b", lower):
        return Resolved(reference.day if reference else date.today(), 3, background=True)
    if _MONTH_RE.search(lower) and re.search(r"\d", lower) or _YEAR_RE.search(lower):
        return _explicit(text, reference, future, anchor)
    if re.search(r"\b(decade|century|years|months)\b", lower) and "ago" not in lower:
        return None  # durations ("for three decades") are not points in time
    if reference is None:
        return None
    weekday = _WEEKDAY_RE.search(lower)
    if weekday:
        modifier = "last" if re.search(r"\blast\s+\w+day", lower) else "next" if "next" in lower else ""
        day = _weekday_on(reference, WEEKDAYS.index(weekday.group(1).lower()), future, modifier)
        return Resolved(day, 1)
    relative = _relative_phrase(lower, reference)
    if relative is not None:
        return relative
    if "ago" in lower or _MONTH_RE.search(lower):
        return _explicit(text, reference, future, anchor)
    return None


@lru_cache(maxsize=1)
def _complete_parser() -> DateDataParser:
    """dateparser.parse would build this parser anew on every call."""
    return DateDataParser(languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]})


def _full_dates(texts: Iterable[str]) -> list[date]:
    found = []
    for text in texts:
        if not (_YEAR_RE.search(text) and _MONTH_RE.search(text) and re.search(r"\b\d{1,2}\b", text)):
            continue
        loose = _NOISE_RE.sub(" ", text)
        day = _full_date(" ".join(loose.split()).strip(" ,."))
        if day is None:
            parsed = _complete_parser().get_date_data(loose).date_obj
            day = parsed.date() if parsed is not None else None
        if day is not None:
            found.append(day)
    return found


def infer_reference(texts: list[str], full_text: str, published: date | None) -> Reference | None:
    """The publication date, else the latest day the text names explicitly."""
    if published is not None:
        return Reference(published)
    today = date.today()
    full = [day for day in _full_dates(texts) if day <= today]
    if full:
        return Reference(max(full), inferred=True)
    years = [int(y) for y in _YEAR_RE.findall(full_text) if int(y) <= today.year]
    anchor = max(years) if years else today.year
    partial = []
    for text in texts:
        if _MONTH_RE.search(text) and re.search(r"\b\d{1,2}\b", text):
            resolved = _explicit(text, None, False, anchor)
            if resolved is not None and resolved.precision == 1 and not resolved.background:
                partial.append(resolved.day)
    if partial:
        return Reference(max(partial), inferred=True)
    return None
