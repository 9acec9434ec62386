from __future__ import annotations

import math
from datetime import date, datetime

import pytest

from geomap.errors import GeomapError, ValidationError
from geomap.records import Document, Event, EventFilter, Place, Span, Toponym, document_id


def place(**kw) -> Place:
    base = dict(id="gn:1", name="Baku", lat=40.37767, lon=49.89201, kind="city", country_code="AZ")
    return Place(**{**base, **kw})


@pytest.mark.parametrize("lat, lon", [(91, 0), (-90.5, 0), (0, 180.01), (0, -181), (math.nan, 0), (0, math.inf)])
def test_place_rejects_bad_coordinates(lat, lon):
    with pytest.raises(ValidationError):
        place(lat=lat, lon=lon)


def test_place_accepts_the_edges_and_fills_countries():
    p = place(lat=-90.0, lon=180.0)
    assert p.countries == ("AZ",)


def test_place_rejects_unknown_kind_and_errors_are_valueerrors():
    with pytest.raises(ValueError) as info:
        place(kind="planet")
    assert isinstance(info.value, GeomapError)
    assert "valid" in str(info.value)


def test_document_identity_is_the_normalised_text():
    a = Document("Fighting  resumed\nin Kharkiv.")
    b = Document("Fighting resumed in Kharkiv. ")
    assert a.id == b.id == document_id("Fighting resumed in Kharkiv.")
    assert Document("Fighting resumed in Kherson.").id != a.id


def test_document_requires_text_and_a_real_date():
    with pytest.raises(ValidationError):
        Document("   ")
    with pytest.raises(ValidationError):
        Document("text", published="2024-01-01")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Document("text", published=datetime(2024, 1, 1, 12))


def test_records_are_frozen():
    with pytest.raises(AttributeError):
        place().lat = 1.0  # type: ignore[misc]


def test_toponym_validates_span_kind_and_score():
    with pytest.raises(ValidationError):
        Toponym(5, 2, "x")
    with pytest.raises(ValidationError):
        Toponym(0, 4, "Baku", kind="street")
    with pytest.raises(ValidationError):
        Toponym(0, 4, "Baku", score=1.5)
    assert Toponym(0, 4, "Baku", place=place(), score=0.7).resolved


def test_event_validates_precisions_counts_and_gets_a_stable_id():
    trigger, sentence = Span(0, 8, "Shelling"), Span(0, 40)
    with pytest.raises(ValidationError):
        Event("Battles", "Armed clash", trigger, sentence, time_precision=4)
    with pytest.raises(ValidationError):
        Event("Battles", "Armed clash", trigger, sentence, geo_precision=0)
    with pytest.raises(ValidationError):
        Event("Battles", "Armed clash", trigger, sentence, fatalities=-1)
    e = Event("Battles", "Armed clash", trigger, sentence, date=date(2023, 9, 19), doc_id="abc")
    assert e.id == "abc-0"
    assert e.sentences == (sentence,)


def test_event_filter_checks_ranges_and_bbox():
    with pytest.raises(ValidationError):
        EventFilter(start=date(2024, 2, 1), end=date(2024, 1, 1))
    with pytest.raises(ValidationError):
        EventFilter(bbox=(0, 0, 200, 10))
    with pytest.raises(ValidationError):
        EventFilter(limit=-1)
    assert EventFilter(bbox=(30, 40, 40, 50)).bbox == (30, 40, 40, 50)
