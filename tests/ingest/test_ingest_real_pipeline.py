"""The real pipeline (spaCy model + gazetteer) through the CLI: one process, two worker
processes and a Dask LocalCluster of two workers store the same thing."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from test_ingest_readers import HTML
from test_ingest_store import content

from geomap.cli import main
from geomap.samples import sample_path

pytestmark = pytest.mark.full_gazetteer


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "samples.jsonl").write_text(sample_path().read_text())
    (folder / "kharkiv.html").write_text(HTML)
    return folder


@pytest.fixture(scope="module")
def serial(corpus, tmp_path_factory, full_gazetteer):
    db = tmp_path_factory.mktemp("serial") / "g.sqlite"
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), content(db)


def test_serial_ingest_finds_places_and_events(serial):
    summary, stored = serial
    assert summary["ingested"] == len(sample_path().read_text().strip().splitlines()) + 1
    assert stored["mentions"] and stored["events"]
    places = {m[5] for m in stored["mentions"] if m[5]}
    assert len(places) >= 5


@pytest.mark.parametrize("how", [["--workers", "2"], ["--dask", "local", "--workers", "2"]],
                         ids=["workers-2", "dask-local-2"])
def test_parallel_runs_store_the_same(corpus, serial, tmp_path, how):
    db = tmp_path / "g.sqlite"
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(db), "--json", *how])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["workers"] == 2 and summary["ingested"] == serial[0]["ingested"]
    assert content(db) == serial[1]
    again = CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(db), "--json", *how])
    assert json.loads(again.stdout)["unchanged"] == summary["ingested"]


def test_reprocess_with_the_same_pipeline_changes_nothing(serial, corpus, tmp_path):
    db = tmp_path / "g.sqlite"
    assert CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(db)]).exit_code == 0
    result = CliRunner().invoke(main, ["reprocess", "--db", str(db), "--json"])
    summary = json.loads(result.stdout)
    assert summary["reprocessed"] == serial[0]["ingested"] and summary["changed"] == 0
    assert content(db) == serial[1]
