"""Fixtures of the store tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from geomap.store.schema import MIGRATIONS


@pytest.fixture
def version_one_store(tmp_path: Path) -> Path:
    """A database file as the first schema left it (user_version 1, no later columns)."""
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute("PRAGMA user_version = 1")
    db.close()
    return path
