"""Date expressions resolve against the publication date, or an inferred reference."""

from datetime import date

import pytest

from geomap.events.dates import Reference, infer_reference, resolve_expression

WEDNESDAY = Reference(date(2023, 9, 20))


@pytest.mark.parametrize(
    ("text", "future", "day", "precision"),
    [
        ("on Tuesday", False, date(2023, 9, 19), 1),
        ("on Wednesday", False, date(2023, 9, 20), 1),
        ("on Thursday", True, date(2023, 9, 21), 1),
        ("on Thursday", False, date(2023, 9, 14), 1),
        ("last Wednesday", False, date(2023, 9, 13), 1),
        ("yesterday", False, date(2023, 9, 19), 1),
        ("last week", False, date(2023, 9, 13), 2),
        ("earlier this month", False, date(2023, 9, 15), 3),
        ("September 19", False, date(2023, 9, 19), 1),
        ("19 September 2023", False, date(2023, 9, 19), 1),
        ("two days ago", False, date(2023, 9, 18), 1),
        ("late on Monday", False, date(2023, 9, 18), 1),
        ("in September", False, date(2023, 9, 1), 3),
    ],
)
def test_expression_kinds(text, future, day, precision):
    resolved = resolve_expression(text, WEDNESDAY, future=future)
    assert resolved is not None
    assert (resolved.day, resolved.precision) == (day, precision)


def test_years_and_decades_are_background():
    assert resolve_expression("in 2020", WEDNESDAY).background
    assert resolve_expression("the early 1990s", WEDNESDAY).background


def test_durations_are_not_dates():
    assert resolve_expression("three decades", WEDNESDAY) is None


def test_reference_is_the_publication_date_when_given():
    assert infer_reference(["May 2, 2021"], "", date(2023, 9, 20)) == Reference(date(2023, 9, 20))


def test_reference_inferred_from_latest_explicit_date():
    reference = infer_reference(["March 3, 2022", "March 5, 2022"], "", None)
    assert reference == Reference(date(2022, 3, 5), inferred=True)


def test_year_of_a_weekday_date_inferred_from_the_weekday():
    # 19 September was a Tuesday in 2023 (and not in 2021 or 2022)
    reference = infer_reference(["Tuesday, September 19", "December 2021"], "since December 2021", None)
    assert reference == Reference(date(2023, 9, 19), inferred=True)


def test_weekdays_with_inferred_reference_take_the_nearest_day():
    inferred = Reference(date(2023, 9, 19), inferred=True)
    assert resolve_expression("on Wednesday", inferred).day == date(2023, 9, 20)
    assert resolve_expression("on Sunday", inferred).day == date(2023, 9, 17)


def test_event_dates_follow_tense(extract):
    events = extract("Fighters shelled Omdurman on Tuesday. Delegates will meet in Khartoum on Thursday for talks.")
    dates = {e.trigger.text: e.date for e in events}
    assert dates["shelled"] == date(2023, 9, 19)
    assert dates["talks"] == date(2023, 9, 21)


def test_undated_event_gets_publication_date_with_week_precision(extract):
    (event,) = extract("Fighters shelled Omdurman.")
    assert (event.date, event.time_precision) == (date(2023, 9, 20), 2)


@pytest.mark.parametrize(
    "text",
    ["September 19", "Sept. 19", "Tuesday, September 19", "on Friday Dec. 1", "March 31", "Feb 30", "Feb. 29",
     "June 31", "Saturday May 6"],
)
@pytest.mark.parametrize("reference", [None, Reference(date(2023, 9, 20), inferred=True)])
def test_month_day_rule_reads_as_dateparser_does(monkeypatch, text, reference):
    """The quick rule for yearless "Month Day" forms gives exactly dateparser's answer."""
    from geomap.events import dates

    quick = dates._explicit(text, reference, False, 2023)
    monkeypatch.setattr(dates, "_month_day", lambda cleaned, anchor_year: None)
    assert quick == dates._explicit(text, reference, False, 2023)


def test_leap_day_without_a_year_does_not_fail():
    resolved = resolve_expression("Feb. 29", Reference(date(2023, 9, 20), inferred=True))
    assert resolved is not None and (resolved.day.month, resolved.day.day) == (2, 29)
