"""Curated tables of the gazetteer recipe (gazetteer/*.tsv), read into entries.

- sources.tsv       which package loaders run (none in a fixture folder without it)
- places_*.tsv      places no package ships: regions, seas, rivers, mountain ranges
- aliases.tsv       extra names for any place, by id or code ("iso:US", "gn:174982")
- demonyms*.tsv     demonyms the packages lack ("Azerbaijani" -> iso:AZ, "Minnesotan" -> iso:US-MN)

Every table is tab-separated UTF-8 with a header and a ``source`` column saying where
its facts come from. Lines starting with # are comments.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from geomap.errors import GazetteerError, ValidationError
from geomap.gazetteer.entries import ALIAS, CODE, MAIN, NAME_KINDS, Entry, alternate_kind, importance_of
from geomap.gazetteer.fold import slug
from geomap.records import Place

PLACE_COLUMNS = ("id", "name", "kind", "lat", "lon", "countries", "admin1", "population",
                 "aliases", "demonyms", "source")


@dataclass(frozen=True)
class Alias:
    name: str
    target: str
    kind: int
    source: str


def _rows(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.lstrip().startswith("#"))
        reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [col for col in required if col not in (reader.fieldnames or ())]
        if missing:
            raise GazetteerError(f"{path.name}: missing columns {missing}; header must have {list(required)}")
        for number, row in enumerate(reader, start=2):
            yield number, {k: (v or "").strip() for k, v in row.items() if k}


def read_sources(tables_dir: Path) -> list[str]:
    """Names of the package loaders the recipe asks for, in order."""
    path = tables_dir / "sources.tsv"
    if not path.exists():
        return []
    return [row["loader"] for _, row in _rows(path, ("loader", "source")) if row["loader"]]


def place_tables(tables_dir: Path) -> list[Path]:
    return sorted(tables_dir.glob("places_*.tsv"))


def read_places(path: Path) -> Iterator[Entry]:
    for number, row in _rows(path, PLACE_COLUMNS):
        try:
            yield _place_entry(row, path.stem)
        except (ValueError, ValidationError) as exc:
            raise GazetteerError(f"{path.name} line {number}: {exc}") from exc


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def _place_entry(row: dict[str, str], table: str) -> Entry:
    countries = tuple(code.strip().upper() for code in row["countries"].replace(",", " ").split())
    population = int(row["population"]) if row["population"] else None
    pid = row["id"] or f"cur:{slug(row['name'])}"
    place = Place(
        id=pid, name=row["name"], lat=float(row["lat"]),
        lon=float(row["lon"]), kind=row["kind"], country_code=countries[0] if len(countries) == 1 else None,
        admin1=row["admin1"] or None, population=population, countries=countries,
        geonameid=int(pid[3:]) if pid.startswith("gn:") else None,
        source=row["source"] or table,
    )
    # short all-capitals aliases ("DMZ", "EU") are codes, as in the package sources
    aliases = ((alias, CODE if alternate_kind(alias) == CODE else ALIAS) for alias in _split(row["aliases"]))
    names = ((row["name"], MAIN), *aliases)
    return Entry(place, names, tuple(_split(row["demonyms"])), importance_of(place.kind, population),
                 codes=_codes(place))


def _codes(place: Place) -> tuple[str, ...]:
    # lets aliases.tsv and demonyms.tsv target table places by ISO code too
    if place.kind == "country" and place.country_code:
        return (f"iso:{place.country_code}",)
    if place.kind == "admin1" and place.country_code and place.admin1:
        return (f"iso:{place.country_code}-{place.admin1}",)
    return ()


def read_aliases(tables_dir: Path) -> list[Alias]:
    path = tables_dir / "aliases.tsv"
    if not path.exists():
        return []
    out = []
    for number, row in _rows(path, ("alias", "target", "kind", "source")):
        kind = row["kind"] or "alias"
        if kind not in NAME_KINDS:
            raise GazetteerError(f"{path.name} line {number}: kind {kind!r} not in {NAME_KINDS}")
        out.append(Alias(row["alias"], row["target"], NAME_KINDS.index(kind), row["source"]))
    return out


def demonym_tables(tables_dir: Path) -> list[Path]:
    """demonyms.tsv and its companions (demonyms_admin1.tsv: US states, Canadian provinces)."""
    return sorted(tables_dir.glob("demonyms*.tsv"))


def read_demonyms(tables_dir: Path) -> list[tuple[str, str]]:
    """(demonym, target) pairs of every demonym table."""
    return [(row["demonym"], row["target"]) for path in demonym_tables(tables_dir)
            for _, row in _rows(path, ("demonym", "target", "source"))]

