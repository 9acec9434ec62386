"""The SQLite store: the only place in geomap that speaks SQL."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

from geomap.errors import StoreError
from geomap.records import Document, Event, EventFilter, ProcessedDocument, Span, Toponym
from geomap.store import rows
from geomap.store.query import event_where, mention_where, paging
from geomap.store.schema import MIGRATIONS, SCHEMA_VERSION

log = logging.getLogger(__name__)

_EVENT_SELECT = f"SELECT e.*, {rows.PLACE_COLUMNS} FROM events e LEFT JOIN places p ON p.id = e.place_id"
# matches the events_chrono index term for term, so SQLite walks the index, no sort
_CHRONOLOGICAL = " ORDER BY (e.date IS NULL), e.date, e.id"


@dataclass(frozen=True)
class SaveResult:
    status: str  # "ingested" | "unchanged" | "updated"
    doc_id: str


class SQLiteStore:
    """Documents, place mentions and events in one SQLite file (WAL, foreign keys on)."""

    def __init__(self, path: Path | str, *, read_only: bool = False) -> None:
        self.path = Path(path)
        try:
            if read_only:
                uri = f"{self.path.resolve().as_uri()}?mode=ro"
                self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(self.path, check_same_thread=False)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA foreign_keys = ON")
            if not read_only:
                self._db.execute("PRAGMA journal_mode = WAL")
                self._db.execute("PRAGMA synchronous = NORMAL")
                self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the database {self.path}: {exc}") from exc

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this geomap's "
                f"{SCHEMA_VERSION}: upgrade geomap"
            )
        for number in range(version, SCHEMA_VERSION):
            log.info("migrating %s to schema version %d", self.path, number + 1)
            with self._db:
                self._db.executescript(MIGRATIONS[number])
                self._db.execute(f"PRAGMA user_version = {number + 1}")

    # context manager and lifetime -------------------------------------------------
    def __enter__(self) -> "SQLiteStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    # writing ---------------------------------------------------------------------
    def save(self, processed: ProcessedDocument) -> SaveResult:
        """Store one processed article in one transaction: all of it or nothing."""
        doc = processed.document
        try:
            with self._db:
                return self._save(processed, doc)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot save document {doc.id}: {exc}") from exc

    def _save(self, processed: ProcessedDocument, doc: Document) -> SaveResult:
        if self._db.execute("SELECT 1 FROM documents WHERE id = ?", (doc.id,)).fetchone():
            return SaveResult("unchanged", doc.id)
        status = "ingested"
        if doc.url:
            old = self._db.execute("SELECT id FROM documents WHERE url = ?", (doc.url,)).fetchone()
            if old:
                # same article, new text: replace it (cascade drops its mentions and events)
                self._db.execute("DELETE FROM documents WHERE id = ?", (old["id"],))
                status = "updated"
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self._db.execute("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)", rows.document_row(doc, now))
        self._save_places([t.place for t in processed.toponyms] + [e.place for e in processed.events])
        self._db.executemany(
            "INSERT INTO mentions (doc_id, start, end, text, kind, place_id, score)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [rows.mention_row(doc.id, t) for t in processed.toponyms],
        )
        for event in processed.events:
            self._save_event(event, doc)
        return SaveResult(status, doc.id)

    def _save_places(self, places: list) -> None:
        unique = {p.id: p for p in places if p is not None}
        self._db.executemany(
            # upsert, not REPLACE: REPLACE deletes the row that mentions still point at
            "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
            " name = excluded.name, lat = excluded.lat, lon = excluded.lon, kind = excluded.kind,"
            " country_code = excluded.country_code, admin1 = excluded.admin1,"
            " population = excluded.population, geonameid = excluded.geonameid,"
            " countries = excluded.countries, source = excluded.source",
            [rows.place_row(p) for p in unique.values()],
        )

    def _save_event(self, event: Event, doc: Document) -> None:
        if event.doc_id != doc.id:
            raise StoreError(f"event {event.id!r} belongs to {event.doc_id!r}, not {doc.id!r}")
        self._db.execute(f"INSERT INTO events VALUES ({', '.join('?' * 23)})", rows.event_row(event))
        self._db.executemany(
            "INSERT INTO event_sources VALUES (?, ?, ?, ?, ?)",
            [
                (event.id, i, s.start, s.end, s.text or doc.text[s.start:s.end])
                for i, s in enumerate(event.sentences)
            ],
        )

    def delete_document(self, doc_id: str) -> bool:
        with self._db:
            cursor = self._db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        return cursor.rowcount > 0

    # reading ---------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return self._db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def events(self, flt: EventFilter = EventFilter()) -> list[Event]:
        return list(self.iter_events(flt))

    def iter_events(self, flt: EventFilter = EventFilter(), batch: int = 5000) -> Iterator[Event]:
        """The events that match, in time order (undated last), read ``batch`` rows at a
        time: memory stays flat however many match (exports of millions of rows)."""
        where, params = event_where(flt)
        page, page_params = paging(flt)
        yield from self._read_events(f"{_EVENT_SELECT}{where}{_CHRONOLOGICAL}{page}", params + page_params, batch)

    def latest_events(self, flt: EventFilter, limit: int) -> list[Event]:
        """The ``limit`` most recent dated events that match, in time order: what a map
        draws when it cannot draw them all (read backwards along a date index)."""
        where, params = event_where(flt)
        where += (" AND" if where else " WHERE") + " e.date IS NOT NULL"
        newest_first = " ORDER BY e.date DESC, e.id DESC LIMIT ?"
        return list(self._read_events(f"{_EVENT_SELECT}{where}{newest_first}", params + [limit]))[::-1]

    def _read_events(self, sql: str, params: list, batch: int = 5000) -> Iterator[Event]:
        cursor = self._db.execute(sql, params)
        try:
            while found := cursor.fetchmany(batch):
                sources = self._sources([r["id"] for r in found])
                for r in found:
                    yield rows.event_from(r, sources[r["id"]])
        finally:
            cursor.close()

    def iter_mentions(
        self, flt: EventFilter = EventFilter(), batch: int = 5000
    ) -> Iterator[tuple[str, Toponym]]:
        """The mentions of ``mentions(flt)``, in the same order, read ``batch`` rows at a time."""
        where, params = mention_where(flt)
        page, page_params = paging(flt)
        cursor = self._db.execute(
            f"SELECT m.*, {rows.PLACE_COLUMNS} FROM mentions m JOIN places p ON p.id = m.place_id"
            f" JOIN documents d ON d.id = m.doc_id{where} ORDER BY m.id{page}",
            params + page_params,
        )
        try:
            while found := cursor.fetchmany(batch):
                for r in found:
                    yield r["doc_id"], rows.toponym_from(r)
        finally:
            cursor.close()

    def _sources(self, event_ids: list[str]) -> dict[str, list[Span]]:
        out: dict[str, list[Span]] = {i: [] for i in event_ids}
        # chunks keep under SQLite's bound-parameter limit
        for i in range(0, len(event_ids), 500):
            chunk = event_ids[i : i + 500]
            for r in self._db.execute(
                f"SELECT * FROM event_sources WHERE event_id IN ({', '.join('?' * len(chunk))})"
                " ORDER BY event_id, position",
                chunk,
            ):
                out[r["event_id"]].append(Span(r["start"], r["end"], r["text"]))
        return out

    def count_events(self, flt: EventFilter = EventFilter()) -> int:
        where, params = event_where(flt)
        return self._db.execute(f"SELECT count(*) FROM events e{where}", params).fetchone()[0]

    def mentions(self, flt: EventFilter = EventFilter()) -> list[tuple[str, Toponym]]:
        """Resolved place mentions as (doc_id, toponym)."""
        return list(self.iter_mentions(flt))

    def iter_documents(self) -> Iterator[Document]:
        for r in self._db.execute("SELECT * FROM documents ORDER BY ingested_at, id"):
            yield rows.document_from(r)

    def documents(self, limit: int = 100, offset: int = 0) -> list[Document]:
        found = self._db.execute(
            "SELECT * FROM documents ORDER BY published DESC, id LIMIT ? OFFSET ?", (limit, offset)
        )
        return [rows.document_from(r) for r in found]

    def documents_by_id(self, doc_ids: Iterable[str]) -> dict[str, Document]:
        """The articles with these ids (those that exist), in one query per 500."""
        ids = list(doc_ids)
        found: dict[str, Document] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            for r in self._db.execute(f"SELECT * FROM documents WHERE id IN ({', '.join('?' * len(chunk))})", chunk):
                found[r["id"]] = rows.document_from(r)
        return found

    def document(self, doc_id: str) -> ProcessedDocument | None:
        row = self._db.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        toponyms = [
            rows.toponym_from(r)
            for r in self._db.execute(
                f"SELECT m.*, {rows.PLACE_COLUMNS} FROM mentions m LEFT JOIN places p"
                " ON p.id = m.place_id WHERE m.doc_id = ? ORDER BY m.start",
                (doc_id,),
            )
        ]
        events = [e for e in self._events_of(doc_id)]
        return ProcessedDocument(rows.document_from(row), tuple(toponyms), tuple(events))

    def _events_of(self, doc_id: str) -> list[Event]:
        found = self._db.execute(
            f"SELECT e.*, {rows.PLACE_COLUMNS} FROM events e LEFT JOIN places p ON p.id = e.place_id"
            " WHERE e.doc_id = ? ORDER BY e.trigger_start",
            (doc_id,),
        ).fetchall()
        sources = self._sources([r["id"] for r in found])
        return [rows.event_from(r, sources[r["id"]]) for r in found]

    def event_types(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT DISTINCT event_type FROM events ORDER BY 1")]

    def countries(self) -> list[str]:
        return [
            r[0]
            for r in self._db.execute(
                "SELECT DISTINCT country_code FROM events WHERE country_code IS NOT NULL ORDER BY 1"
            )
        ]

    def date_range(self) -> tuple[date | None, date | None]:
        lo, hi = self._db.execute("SELECT min(date), max(date) FROM events").fetchone()
        return rows.from_iso(lo), rows.from_iso(hi)

    def stats(self) -> dict[str, int]:
        return {
            table: self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "mentions", "places", "events")
        }

    # geocoder cache (used by the online geocoder backends) -------------------------
    def cached_geocode(self, backend: str, query: str) -> tuple[bool, str | None]:
        row = self._db.execute(
            "SELECT answer FROM geocode_cache WHERE backend = ? AND query = ?", (backend, query)
        ).fetchone()
        return (True, row["answer"]) if row else (False, None)

    def cache_geocode(self, backend: str, query: str, answer: str | None) -> None:
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO geocode_cache VALUES (?, ?, ?, ?)", (backend, query, answer, now)
            )

    # reprocessing (`geomap reprocess`) ----------------------------------------------
    def replace_results(self, processed: ProcessedDocument) -> bool:
        """Replace a stored document's mentions and events with new ones, in one
        transaction; the document row stays. Returns whether anything differed."""
        doc = processed.document
        mentions = [rows.mention_row(doc.id, t) for t in processed.toponyms]
        events = [rows.event_row(e) for e in processed.events]
        sources = [
            (e.id, i, s.start, s.end, s.text or doc.text[s.start:s.end])
            for e in processed.events for i, s in enumerate(e.sentences)
        ]
        try:
            with self._db:
                if not self.has_document(doc.id):
                    raise StoreError(f"document {doc.id} is not in the store")
                self._save_places([t.place for t in processed.toponyms] + [e.place for e in processed.events])
                if self._result_rows(doc.id) == (_canon(mentions), _canon(events), _canon(sources)):
                    return False
                self._db.execute("DELETE FROM mentions WHERE doc_id = ?", (doc.id,))
                self._db.execute("DELETE FROM events WHERE doc_id = ?", (doc.id,))  # cascades to sources
                self._db.executemany(
                    "INSERT INTO mentions (doc_id, start, end, text, kind, place_id, score)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    mentions,
                )
                for event in processed.events:
                    self._save_event(event, doc)
                return True
        except sqlite3.Error as exc:
            raise StoreError(f"cannot save the new results of document {doc.id}: {exc}") from exc

    def _result_rows(self, doc_id: str) -> tuple[list, list, list]:
        mentions = self._db.execute(
            "SELECT doc_id, start, end, text, kind, place_id, score FROM mentions WHERE doc_id = ?", (doc_id,)
        )
        events = self._db.execute("SELECT * FROM events WHERE doc_id = ?", (doc_id,)).fetchall()
        sources = self._db.execute(
            "SELECT s.* FROM event_sources s JOIN events e ON e.id = s.event_id WHERE e.doc_id = ?", (doc_id,)
        )
        return _canon(map(tuple, mentions)), _canon(map(tuple, events)), _canon(map(tuple, sources))


def _canon(found) -> list[tuple]:
    # rows hold None next to numbers, which do not sort together; repr does
    return sorted((tuple(r) for r in found), key=repr)
