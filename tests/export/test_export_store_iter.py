"""The store's streaming readers give what the list readers give, in the same order."""

from __future__ import annotations

import pytest

from geomap.export import parse_filter
from geomap.records import EventFilter

FILTERS = [EventFilter(), parse_filter(types="Battles"), parse_filter(countries="SD,CD"),
           parse_filter(q="Khartoum"), EventFilter(limit=2, offset=1)]


@pytest.mark.parametrize("flt", FILTERS)
def test_iter_events_matches_events_in_small_batches(store, flt):
    assert list(store.iter_events(flt, batch=2)) == store.events(flt)


@pytest.mark.parametrize("flt", FILTERS)
def test_iter_mentions_matches_mentions(store, flt):
    assert list(store.iter_mentions(flt, batch=1)) == store.mentions(flt)
