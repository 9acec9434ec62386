from __future__ import annotations

import sys
from pathlib import Path

import pytest

# the worker processes (multiprocessing, Dask) import the fake pipeline by module name
sys.path.insert(0, str(Path(__file__).parent))

from ingest_fakes import FakePipeline  # noqa: E402

from geomap.store import open_store  # noqa: E402


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "geomap.sqlite") as s:
        yield s


@pytest.fixture
def fake() -> FakePipeline:
    return FakePipeline()


@pytest.fixture
def fake_cli(monkeypatch):
    """`geomap ingest` in this process with the fake pipeline in place of the real one."""
    monkeypatch.setattr("geomap.pipeline.Pipeline", FakePipeline)
