"""Who made a reported claim survives the store, and older stores gain the column."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from geomap.records import ProcessedDocument
from geomap.store import open_store
from geomap.store.schema import SCHEMA_VERSION


def _with_claim(processed: ProcessedDocument, who: str) -> ProcessedDocument:
    events = tuple(replace(e, claimed_by=who) for e in processed.events)
    return replace(processed, events=events)


def test_claimed_by_round_trips(tmp_path, processed_docs):
    claimed = _with_claim(processed_docs[0], "the regional governor")
    with open_store(tmp_path / "db.sqlite") as store:
        store.save(claimed)
        back = store.document(claimed.document.id)
        assert back == claimed
        assert [e.claimed_by for e in store.events()] == ["the regional governor"]


def test_a_version_one_store_is_migrated_and_keeps_its_events(version_one_store, processed_docs):
    path = version_one_store
    with open_store(path) as store:
        store.save(processed_docs[1])
        (event,) = store.events()
        assert event.claimed_by is None
        store.save(_with_claim(processed_docs[2], "organisers"))
        assert {e.claimed_by for e in store.events()} == {None, "organisers"}
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 2
    columns = [row[1] for row in db.execute("PRAGMA table_info(events)")]
    assert columns[-1] == "claimed_by"
