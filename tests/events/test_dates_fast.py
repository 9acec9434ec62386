"""The quick rules for complete dates ("September 19, 2023", "October 2017") give
exactly what dateparser gives, and the reference is inferred as before."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.events import dates
from geomap.events.dates import Reference, infer_reference, resolve_expression

FORMS = ["September 19, 2023", "Sept. 19, 2023", "19 September 2023", "19 Sept. 2023", "Dec 31 2022",
         "on March 3, 2024", "late on January 1, 2024", "October 2017", "May 2021", "early June 2019",
         "February 30, 2023", "February 29, 2024", "31 April 2023", "May, 2022"]
REFERENCES = [None, Reference(date(2023, 9, 20)), Reference(date(2024, 3, 1), inferred=True)]


def _without_quick_rules(monkeypatch) -> None:
    monkeypatch.setattr(dates, "_full_date", lambda cleaned: None)
    monkeypatch.setattr(dates, "_MONTH_YEAR_RE", dates.re.compile(r"(?!x)x"))


@pytest.mark.parametrize("text", FORMS)
@pytest.mark.parametrize("reference", REFERENCES)
@pytest.mark.parametrize("future", [False, True])
def test_full_date_rules_read_as_dateparser_does(monkeypatch, text, reference, future):
    quick = resolve_expression(text, reference, future, 2023)
    _without_quick_rules(monkeypatch)
    assert quick == resolve_expression(text, reference, future, 2023)


def test_inferred_reference_is_unchanged_by_the_quick_rules(monkeypatch):
    # dateparser reads no date in "the 21 September 2023 statement": the rule must not either
    texts = ["Sept. 19, 2023", "the 21 September 2023 statement", "Monday", "March 2, 2021", "on 18 Sept 2023"]
    quick = infer_reference(texts, "", None)
    assert quick == Reference(date(2023, 9, 19), inferred=True)
    _without_quick_rules(monkeypatch)
    assert quick == infer_reference(texts, "", None)


def test_impossible_days_are_left_to_dateparser():
    assert dates._full_date("February 30, 2023") is None
    assert dates._full_date("September 19, 2023") == date(2023, 9, 19)
    assert dates._full_date("19 Sept. 2023") == date(2023, 9, 19)


def test_loose_date_memo_starts_over_past_its_limit(nlp, monkeypatch):
    from geomap.events import when

    monkeypatch.setattr(when, "_LOOSE_FORMS_LIMIT", 3)
    first = nlp("Shelling resumed on Tuesday near the river crossing, officials said yesterday.")
    second = nlp("Talks will start on Thursday in Baku.")
    assert [first[i].text for i in when._loose_dates(first)] == ["Tuesday", "yesterday"]
    assert [second[i].text for i in when._loose_dates(second)] == ["Thursday"]
    assert len(when._LOOSE_FORMS) <= len(set(t.orth for t in second)) + 3


@pytest.mark.parametrize("text", ["2022", "in 2019", "since early 1994", "by 2031"])
@pytest.mark.parametrize("reference", REFERENCES)
@pytest.mark.parametrize("future", [False, True])
def test_bare_year_rule_reads_as_dateparser_does(monkeypatch, text, reference, future):
    quick = resolve_expression(text, reference, future, 2023)
    assert quick is not None and quick.background
    monkeypatch.setattr(dates, "_BARE_YEAR_RE", dates.re.compile(r"(?!x)x"))
    assert quick == resolve_expression(text, reference, future, 2023)
