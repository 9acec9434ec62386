from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from geomap.errors import StoreError
from geomap.records import Document, EventFilter, ProcessedDocument
from geomap.store import open_store
from geomap.store.schema import SCHEMA_VERSION


@pytest.fixture
def store(tmp_path, processed_docs):
    with open_store(tmp_path / "geomap.sqlite") as s:
        for p in processed_docs:
            s.save(p)
        yield s


def test_round_trip_keeps_every_field(store, processed_docs):
    original = processed_docs[0]
    back = store.document(original.document.id)
    assert back == original


def test_saving_again_changes_nothing(store, processed_docs):
    before = store.stats()
    assert store.save(processed_docs[1]).status == "unchanged"
    assert store.stats() == before


def test_same_url_new_text_is_an_update_not_a_duplicate(tmp_path):
    with open_store(tmp_path / "db.sqlite") as s:
        first = Document("Clashes in Kharkiv.", url="https://example.org/a")
        second = Document("Clashes in Kharkiv left two dead.", url="https://example.org/a")
        assert s.save(ProcessedDocument(first)).status == "ingested"
        assert s.save(ProcessedDocument(second)).status == "updated"
        assert s.stats()["documents"] == 1
        assert s.document(first.id) is None and s.document(second.id) is not None


def test_filters(store):
    assert len(store.events()) == 3
    assert [e.place.name for e in store.events(EventFilter(countries=("sd",)))] == ["Khartoum"]
    march = EventFilter(start=date(2024, 3, 1), end=date(2024, 3, 31))
    assert store.count_events(march) == 2
    assert [e.event_type for e in store.events(EventFilter(types=("Protests",)))] == ["Protests"]
    assert store.count_events(EventFilter(q="erupted")) == 1  # matches the source sentence text
    khartoum_box = EventFilter(bbox=(30.0, 10.0, 35.0, 20.0))
    assert [e.place.name for e in store.events(khartoum_box)] == ["Khartoum"]
    page = store.events(EventFilter(limit=1, offset=1))
    assert len(page) == 1 and page[0].date == date(2024, 3, 20)


def test_mentions_and_summaries(store):
    mentions = store.mentions()
    assert {t.place.name for _, t in mentions} == {"Kharkiv", "Khartoum"}
    assert store.event_types() == ["Battles", "Explosions/Remote violence", "Protests"]
    assert store.countries() == ["SD", "UA"]
    assert store.date_range() == (date(2024, 3, 1), date(2024, 4, 15))
    assert store.stats()["places"] == 2


def test_schema_version_and_wal(tmp_path):
    path = tmp_path / "db.sqlite"
    open_store(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_newer_schema_or_garbage_gives_a_store_error(tmp_path):
    newer = tmp_path / "newer.sqlite"
    db = sqlite3.connect(newer)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="upgrade geomap"):
        open_store(newer)
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        open_store(garbage)


def test_deleting_a_document_cascades(store, processed_docs):
    doc_id = processed_docs[0].document.id
    assert store.delete_document(doc_id)
    assert store.count_events() == 2
    assert all(d != doc_id for d, _ in store.mentions())


def test_latest_events_are_the_most_recent_dated_ones_in_time_order(store):
    latest = store.latest_events(EventFilter(), 2)
    assert [e.date for e in latest] == [date(2024, 3, 20), date(2024, 4, 15)]
    assert [e.place.name for e in store.latest_events(EventFilter(countries=("UA",)), 1)] == ["Kharkiv"]


def test_documents_by_id_skips_unknown_ids(store, processed_docs):
    wanted = {p.document.id for p in processed_docs[:2]} | {"no-such-id"}
    found = store.documents_by_id(wanted)
    assert set(found) == wanted - {"no-such-id"}
    assert found[processed_docs[0].document.id] == processed_docs[0].document


def test_a_version_1_store_is_migrated(version_one_store):
    path = version_one_store
    with open_store(path) as s:
        assert s.count_events() == 0
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert "claimed_by" in {r[1] for r in db.execute("PRAGMA table_info(events)")}
    assert db.execute("SELECT 1 FROM sqlite_master WHERE name = 'events_chrono'").fetchone()
