"""Fixtures of the export tests: a real SQLite store built from hand-written records."""

from __future__ import annotations

import pytest

from export_data import build_documents
from geomap.store import open_store


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "geomap.sqlite"
    with open_store(path) as store:
        for processed in build_documents():
            store.save(processed)
    return path


@pytest.fixture
def store(db_path):
    with open_store(db_path) as s:
        yield s
