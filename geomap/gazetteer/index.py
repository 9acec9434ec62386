"""Read side of the gazetteer: lookups over the SQLite index built by build.py.

Places are stored in order of importance (pk 1 is the most important), so every
query that orders by pk lists countries before towns and big towns before small
ones without sorting at run time.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from geomap.config import default_gazetteer_path
from geomap.errors import GazetteerError
from geomap.gazetteer.build import RECIPE_VERSION, SCHEMA_VERSION, build_index, default_tables_dir
from geomap.gazetteer.entries import NAME_KINDS
from geomap.gazetteer.fold import fold
from geomap.gazetteer.tables import read_sources
from geomap.records import Place

logger = logging.getLogger(__name__)

_PLACE_COLUMNS = "pk, id, name, lat, lon, kind, country_code, admin1, population, geonameid, countries, source"
_CACHE_LIMIT = 200_000
_BUILD_HINT = "run `geomap gazetteer build` to (re)build it"


def _unusable(path: Path, why: str) -> GazetteerError:
    return GazetteerError(f"the gazetteer index {path} {why}; {_BUILD_HINT}")


class Gazetteer:
    """Offline place lookups. Safe to share between threads (one connection, a lock)."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.path = path
        self._conn = conn
        self._lock = threading.Lock()
        self._places: dict[int, Place] = {}
        self._by_name: dict[str, tuple[int, ...]] = {}
        self._kind_of: dict[str, str | None] = {}
        self._fuzzy_choices: list[str] | None = None

    @classmethod
    def open(cls, path: Path | None = None, *, build_if_missing: bool = True) -> Gazetteer:
        """Open the index at ``path`` (default: config.default_gazetteer_path()),
        building it once first if it does not exist and ``build_if_missing``."""
        target = Path(path) if path else default_gazetteer_path()
        if not target.exists():
            if not build_if_missing:
                raise _unusable(target, "does not exist")
            logger.warning("gazetteer index %s missing: building it once (about a minute)", target)
            build_index(target, progress=False)
        try:
            conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True, check_same_thread=False)
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            conn.execute("SELECT pk FROM places LIMIT 1").fetchone()
        except sqlite3.Error as exc:
            raise _unusable(target, f"is corrupt or not a gazetteer ({exc})") from exc
        if row is None or row[0] != SCHEMA_VERSION:
            conn.close()
            raise _unusable(target, f"has schema {row[0] if row else None}, expected {SCHEMA_VERSION}")
        _warn_if_stale(conn, target)
        return cls(conn, target)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _query(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple]:
        try:
            with self._lock:
                return self._conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise _unusable(self.path, f"cannot be read ({exc})") from exc

    def _place(self, row: tuple) -> Place:
        pk = row[0]
        place = self._places.get(pk)
        if place is None:
            countries = tuple(row[10].split(",")) if row[10] else ()
            place = Place(id=row[1], name=row[2], lat=row[3], lon=row[4], kind=row[5], country_code=row[6],
                          admin1=row[7], population=row[8], geonameid=row[9], countries=countries,
                          source=row[11])
            self._places[pk] = place
        return place

    def _by_pks(self, pks: tuple[int, ...]) -> list[Place]:
        missing = [pk for pk in pks if pk not in self._places]
        if missing:
            marks = ",".join("?" * len(missing))
            for row in self._query(f"SELECT {_PLACE_COLUMNS} FROM places WHERE pk IN ({marks})", tuple(missing)):
                self._place(row)
        return [self._places[pk] for pk in pks]

    def _pks_for(self, key: str) -> tuple[int, ...]:
        pks = self._by_name.get(key)
        if pks is None:
            pks = tuple(r[0] for r in self._query("SELECT pk FROM names WHERE folded = ? ORDER BY pk", (key,)))
            if len(self._by_name) >= _CACHE_LIMIT:
                self._by_name.clear()
            self._by_name[key] = pks
        return pks

    def candidates(self, name: str, limit: int | None = None) -> list[Place]:
        """Places any of whose names folds to the same key as ``name``, most
        important first (continents, countries, then by population)."""
        pks = self._pks_for(fold(name))
        return self._by_pks(pks[:limit] if limit is not None else pks)

    def lookup(self, name: str, limit: int | None = None) -> list[tuple[Place, str]]:
        """Like candidates(), each with the kind of the name that matched it
        (main, alias, ascii, alt or code; see name_kind())."""
        sql = "SELECT pk, kind FROM names WHERE folded = ? ORDER BY pk"
        rows = self._query(sql + (f" LIMIT {int(limit)}" if limit is not None else ""), (fold(name),))
        places = self._by_pks(tuple(r[0] for r in rows))
        return [(place, NAME_KINDS[r[1]]) for place, r in zip(places, rows)]

    def is_name(self, name: str) -> bool:
        """Is ``name`` (folded) any name of any place? Cached; for matchers."""
        return bool(self._pks_for(fold(name)))

    def name_kind(self, name: str) -> str | None:
        """The strongest kind ``name`` has for any place: "main" (a place's own name),
        "alias" (a curated or English name), "ascii" (a Latin-script alternate),
        "alt" (an alternate in another script) or "code" (a short all-capitals code
        such as "PER"); None if it is no name. Recognisers should distrust the weak ones."""
        key = fold(name)
        if key not in self._kind_of:
            row = self._query("SELECT min(kind) FROM names WHERE folded = ?", (key,))[0]
            if len(self._kind_of) >= _CACHE_LIMIT:
                self._kind_of.clear()
            self._kind_of[key] = NAME_KINDS[row[0]] if row[0] is not None else None
        return self._kind_of[key]

    def names_of(self, place_id: str) -> list[tuple[str, str]]:
        """Every (name, kind) the place is known by, strongest first."""
        sql = "SELECT n.name, n.kind FROM names n JOIN places p ON p.pk = n.pk WHERE p.id = ? ORDER BY n.kind"
        return [(name, NAME_KINDS[kind]) for name, kind in self._query(sql, (place_id,))]

    def by_id(self, place_id: str) -> Place | None:
        rows = self._query(f"SELECT {_PLACE_COLUMNS} FROM places WHERE id = ?", (place_id,))
        return self._place(rows[0]) if rows else None

    def country(self, code: str) -> Place | None:
        """The country with ISO 3166-1 alpha-2 ``code``."""
        sql = f"SELECT {_PLACE_COLUMNS} FROM places WHERE kind = 'country' AND country_code = ? ORDER BY pk LIMIT 1"
        rows = self._query(sql, (code.upper(),))
        return self._place(rows[0]) if rows else None

    def by_country(self, code: str, kind: str | None = None) -> list[Place]:
        """Places in (or spanning) the country ``code``, most important first."""
        sql = (f"SELECT {', '.join('p.' + c.strip() for c in _PLACE_COLUMNS.split(','))} FROM place_countries c "
               "JOIN places p ON p.pk = c.pk WHERE c.cc = ?")
        params: tuple[object, ...] = (code.upper(),)
        if kind:
            sql, params = sql + " AND p.kind = ?", params + (kind,)
        return [self._place(row) for row in self._query(sql + " ORDER BY p.pk", params)]

    def demonym(self, word: str) -> Place | None:
        """The place a demonym refers to: "Armenian" or "Armenians" -> Armenia."""
        key = fold(word)
        for candidate in (key, key[:-1] if key.endswith("s") else None):
            if candidate:
                rows = self._query("SELECT pk FROM demonyms WHERE folded = ? ORDER BY pk LIMIT 1", (candidate,))
                if rows:
                    return self._by_pks((rows[0][0],))[0]
        return None

    def nearest(self, lat: float, lon: float, kind: str | None = None, limit: int = 1) -> list[Place]:
        """The ``limit`` places closest to (lat, lon), optionally of one kind."""
        from geomap.gazetteer.geo import nearest_rows

        rows = nearest_rows(self._query, _PLACE_COLUMNS, lat, lon, kind, limit)
        return [self._place(row) for row in rows]

    def fuzzy(self, name: str, limit: int = 10, score_cutoff: float = 90.0) -> list[tuple[Place, float]]:
        """Places whose name is close to ``name`` (rapidfuzz ratio on folded names,
        0-100), best first: catches transliteration variants ("Kharkov", "Bakhmout")."""
        from geomap.gazetteer.geo import fuzzy_matches

        if self._fuzzy_choices is None:
            self._fuzzy_choices = _load_fuzzy_choices(self._query)
        best: dict[str, tuple[Place, float]] = {}
        for key, score in fuzzy_matches(fold(name), self._fuzzy_choices, limit, score_cutoff):
            for place in self._by_pks(self._pks_for(key)[:limit]):
                best.setdefault(place.id, (place, score))
        return list(best.values())[:limit]

    def stats(self) -> dict[str, str]:
        return dict(self._query("SELECT key, value FROM meta"))


def _warn_if_stale(conn: sqlite3.Connection, path: Path) -> None:
    """An index built by an older recipe (a loader missing, older points) still works
    but is not what a build gives today; say so rather than rebuild behind a running
    server's back."""
    try:
        meta = dict(conn.execute(
            "SELECT key, value FROM meta WHERE key IN ('loaders', 'tables_dir', 'recipe_version')"))
        recipe = default_tables_dir()
        if meta.get("tables_dir") != str(recipe):
            return  # built from another folder (tests' fixture tables)
        missing = [name for name in read_sources(recipe) if name not in meta.get("loaders", "").split(",")]
    except (sqlite3.Error, GazetteerError):
        return
    if missing:
        logger.warning("gazetteer index %s was built without %s; run `geomap gazetteer build --force`",
                       path, ", ".join(missing))
    elif meta.get("recipe_version") != RECIPE_VERSION:
        logger.warning("gazetteer index %s was built by an older recipe (%s, now %s); run "
                       "`geomap gazetteer build --force`", path, meta.get("recipe_version", "1"), RECIPE_VERSION)


def _load_fuzzy_choices(query: Callable[..., list[tuple]]) -> list[str]:
    # Strong Latin names of places people name in news: all but tiny villages' and
    # other scripts' names, which would make each fuzzy query slow and noisy.
    rows = query("SELECT DISTINCT n.folded FROM names n JOIN places p ON p.pk = n.pk "
                 "WHERE n.kind <= 2 AND (p.kind != 'city' OR p.population >= 1000)")
    return [r[0] for r in rows]

