"""--workers N and --dask: the same store content as one process, one writer."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from ingest_fakes import FakePipeline, news
from test_ingest_store import content, items

from geomap.ingest import ingest, reprocess
from geomap.parallel import DaskRunner, ProcessRunner, SerialRunner, make_runner
from geomap.readers import ReadItem
from geomap.records import Document
from geomap.store import open_store


def corpus() -> list[ReadItem]:
    bad = ReadItem("bad", Document(text="POISON " + news(99)))
    return items(60) + [bad, ReadItem("empty", error="empty file")] + items(10)  # repeats at the end


def run(db: Path, runner) -> dict:
    try:
        with open_store(db) as store:
            return ingest(corpus(), store, runner=runner, batch_size=4).as_dict()
    finally:
        runner.close()


@pytest.fixture(scope="module")
def serial(tmp_path_factory) -> tuple[dict, dict]:
    db = tmp_path_factory.mktemp("serial") / "g.sqlite"
    summary = run(db, SerialRunner(FakePipeline(fail_on="POISON")))
    return summary, content(db)


def counts(summary: dict) -> tuple:
    return summary["ingested"], summary["unchanged"], sorted(s["item"] for s in summary["skipped"])


def test_serial_reference(serial):
    summary, stored = serial
    assert counts(summary) == (60, 10, ["bad", "empty"])
    assert len(stored["documents"]) == 60 and stored["events"]


def test_two_worker_processes_give_the_same_store(tmp_path, serial):
    births = tmp_path / "births.txt"
    factory = functools.partial(FakePipeline, fail_on="POISON", delay=0.005, births=str(births))
    summary = run(tmp_path / "g.sqlite", ProcessRunner(2, factory))
    assert summary["workers"] == 2
    assert counts(summary) == counts(serial[0])
    assert content(tmp_path / "g.sqlite") == serial[1]
    pids = births.read_text().split()
    assert len(pids) == len(set(pids)) <= 2  # the pipeline is built once per worker


def test_dask_local_cluster_of_two_workers_gives_the_same_store(tmp_path, serial):
    births = tmp_path / "births.txt"
    factory = functools.partial(FakePipeline, fail_on="POISON", births=str(births))
    runner = DaskRunner("local", factory, workers=2)
    assert runner.workers == 2
    summary = run(tmp_path / "g.sqlite", runner)
    assert counts(summary) == counts(serial[0])
    assert content(tmp_path / "g.sqlite") == serial[1]
    pids = births.read_text().split()
    assert len(pids) == len(set(pids)) <= 2


def test_reprocess_on_workers(tmp_path):
    db = tmp_path / "g.sqlite"
    with open_store(db) as store:
        ingest(items(12), store, FakePipeline())
        runner = make_runner(workers=2, factory=functools.partial(FakePipeline, extra_places=True))
        try:
            summary = reprocess(store, runner=runner).as_dict()
        finally:
            runner.close()
    assert summary["reprocessed"] == 12 and summary["changed"] == 0  # no Mosul in these texts


def test_make_runner_picks_the_runner():
    assert isinstance(make_runner(workers=1, factory=FakePipeline), SerialRunner)
    runner = make_runner(workers=3, factory=FakePipeline)
    try:
        assert isinstance(runner, ProcessRunner) and runner.workers == 3
    finally:
        runner.close()


def test_a_worker_that_cannot_build_the_pipeline_stops_the_run_with_the_reason(store):
    from ingest_fakes import missing_model

    from geomap.errors import ModelNotFoundError

    runner = ProcessRunner(2, missing_model)
    try:
        with pytest.raises(ModelNotFoundError, match="no English spaCy model"):
            ingest(items(4), store, runner=runner)
    finally:
        runner.close()
    assert store.stats()["documents"] == 0


def test_an_unreachable_dask_scheduler_is_a_clear_error():
    from geomap.errors import GeomapError

    with pytest.raises(GeomapError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        DaskRunner("tcp://127.0.0.1:9", FakePipeline, timeout=1)


def test_a_worker_killed_mid_run_is_a_clear_error_and_keeps_what_was_stored(store):
    from ingest_fakes import DyingPipeline

    from geomap.errors import GeomapError

    runner = ProcessRunner(2, DyingPipeline)
    try:
        with pytest.raises(GeomapError, match="a worker process died"):
            ingest(items(40), store, runner=runner, batch_size=2)
    finally:
        runner.close()
    assert store.stats()["documents"] < 40
    resumed = ingest(items(40), store, FakePipeline())
    assert resumed.counts["ingested"] + resumed.counts["unchanged"] == 40
