"""Idempotency, updates, interruption and resume, reprocess: on real SQLite files."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ingest_fakes import FakePipeline, news

from geomap.ingest import ingest, reprocess
from geomap.readers import Defaults, ReadItem, read_paths
from geomap.records import Document
from geomap.store import open_store

HERE = Path(__file__).parent


def items(n: int, start: int = 0) -> list[ReadItem]:
    return [ReadItem(f"item{i}", Document(text=news(i), url=f"https://wire.example.org/{i}"))
            for i in range(start, start + n)]


def content(db: Path) -> dict:
    """Everything the pipeline put in a store, without the ingest timestamps."""
    with sqlite3.connect(db) as con:
        return {
            "documents": sorted(con.execute("SELECT id, text, title, url, source, published FROM documents")),
            "mentions": sorted(con.execute("SELECT doc_id, start, end, text, kind, place_id, score FROM mentions")),
            "events": sorted(con.execute("SELECT * FROM events")),
            "sources": sorted(con.execute("SELECT * FROM event_sources")),
        }


def assert_whole(db: Path) -> None:
    """No half-written document: every stored article has exactly what the pipeline makes of it."""
    fake = FakePipeline()
    with open_store(db) as s:
        for doc in s.iter_documents():
            stored = s.document(doc.id)
            expected = fake.process(doc)
            assert len(stored.toponyms) == len(expected.toponyms) and len(stored.events) == len(expected.events)


def test_ingesting_again_changes_nothing(store, fake):
    first = ingest(items(20), store, fake)
    assert first.as_dict()["ingested"] == 20 and first.ok
    before = content(store.path)
    again = ingest(items(20), store, fake)
    assert again.as_dict() | {"seconds": 0, "store_seconds": 0, "docs_per_second": 0} == {
        "ingested": 0, "unchanged": 20, "updated": 0, "skipped": [], "interrupted": False,
        "seconds": 0, "store_seconds": 0, "docs_per_second": 0, "workers": 1}
    assert fake.done == 20  # unchanged articles never reach the pipeline
    assert content(store.path) == before


def test_repeats_within_one_run_are_processed_once(store, fake):
    summary = ingest(items(3) + items(3), store, fake)
    assert (summary.counts["ingested"], summary.counts["unchanged"], fake.done) == (3, 3, 3)


def test_changed_text_at_the_same_url_is_an_update(store, fake):
    ingest(items(2), store, fake)
    edited = Document(text=news(0) + " Updated: the toll rose to five.", url="https://wire.example.org/0")
    summary = ingest([ReadItem("edited", edited)], store, fake)
    assert summary.counts["updated"] == 1
    assert store.stats()["documents"] == 2 and store.has_document(edited.id)


def test_a_pipeline_failure_skips_only_that_article(store):
    bad = ReadItem("bad", Document(text="POISON " + news(7)))
    summary = ingest(items(5) + [bad] + items(5, start=10), store, FakePipeline(fail_on="POISON"))
    assert summary.counts["ingested"] == 10
    assert summary.skipped == [("bad", "processing failed: RuntimeError: the fake pipeline chokes on this text")]


def test_interrupted_run_keeps_what_it_stored_and_resumes(store):
    summary = ingest(items(40), store, FakePipeline(interrupt_after=25), batch_size=4)
    assert summary.interrupted and not summary.ok
    stored = store.stats()["documents"]
    assert 0 < stored <= 25
    assert_whole(store.path)
    rest = FakePipeline()
    resumed = ingest(items(40), store, rest)
    assert resumed.counts["unchanged"] == stored and resumed.counts["ingested"] == 40 - stored
    assert rest.done == 40 - stored and resumed.ok


SCRIPT = """
import sys
sys.path.insert(0, {here!r})
from ingest_fakes import FakePipeline
from geomap.ingest import ingest
from geomap.readers import read_paths
from geomap.store import open_store
with open_store({db!r}) as store:
    summary = ingest(read_paths([{src!r}]), store, FakePipeline(delay=0.02), batch_size=2)
print("interrupted" if summary.interrupted else "done", flush=True)
"""


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill"])
def test_a_real_process_stopped_mid_run(tmp_path, sig):
    src = tmp_path / "many.jsonl"
    src.write_text("".join(json.dumps({"text": news(i)}) + "\n" for i in range(300)))
    db = tmp_path / "g.sqlite"
    script = SCRIPT.format(here=str(HERE), db=str(db), src=str(src))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until some articles are committed
        time.sleep(0.2)
        if db.exists() and _count(db) >= 20:
            break
    proc.send_signal(sig)
    out, _ = proc.communicate(timeout=60)
    if sig == signal.SIGINT:
        assert out.strip() == "interrupted"
    stored = _count(db)
    assert 20 <= stored < 300
    assert_whole(db)
    with open_store(db) as store:
        resumed = ingest(read_paths([src], Defaults()), store, FakePipeline())
    assert resumed.counts["unchanged"] == stored and resumed.counts["ingested"] == 300 - stored


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as con:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_reprocess_replaces_results_from_stored_texts(store):
    docs = items(8) + [ReadItem("mosul", Document(text="Artillery shelled Mosul and Aleppo overnight."))]
    ingest(docs, store, FakePipeline())
    before = store.stats()
    same = reprocess(store, FakePipeline())
    assert same.as_dict()["reprocessed"] == 9 and same.as_dict()["changed"] == 0
    assert store.stats() == before
    upgraded = reprocess(store, FakePipeline(extra_places=True))  # as after a gazetteer upgrade
    assert upgraded.as_dict()["changed"] == 1
    mosul = store.document(Document(text="Artillery shelled Mosul and Aleppo overnight.").id)
    assert [t.text for t in mosul.toponyms] == ["Mosul", "Aleppo"]
    assert mosul.events[0].place.name == "Mosul"
    assert store.stats()["documents"] == before["documents"]
    assert store.stats()["mentions"] == before["mentions"] + 1
