"""Storage of documents, place mentions and events.

SQLite is the embedded default; the public surface is ``open_store`` and the methods of
SQLiteStore, which a PostgreSQL/PostGIS store can implement too.
"""

from __future__ import annotations

from pathlib import Path

from geomap.store.sqlite import SaveResult, SQLiteStore

__all__ = ["SaveResult", "SQLiteStore", "open_store"]


def open_store(path: Path | str, *, read_only: bool = False) -> SQLiteStore:
    return SQLiteStore(path, read_only=read_only)
