"""`geomap gazetteer build` and `geomap gazetteer lookup NAME`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from geomap.errors import GazetteerError
from geomap.gazetteer import Gazetteer, build_index
from geomap.records import Place

path_option = click.option(
    "--path",
    "path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    envvar="GEOMAP_GAZETTEER",
    help="Gazetteer index file (default: GEOMAP_GAZETTEER, else gazetteer.sqlite in the user's data dir).",
)
_COLUMNS = ("id", "name", "kind", "country", "admin1", "population", "lat", "lon", "matched")


def _row(place: Place, matched: str) -> tuple[str, ...]:
    pop = f"{place.population:,}" if place.population else ""
    country = ",".join(place.countries) or ""
    return (place.id, place.name, place.kind, country, place.admin1 or "", pop,
            f"{place.lat:.4f}", f"{place.lon:.4f}", matched)


def _table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(r[i]) for r in [_COLUMNS, *rows]) for i in range(len(_COLUMNS))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in [_COLUMNS, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def register(main: click.Group) -> None:
    @main.group()
    def gazetteer() -> None:
        """Build and query the offline gazetteer."""

    @gazetteer.command("build")
    @path_option
    @click.option("--force", is_flag=True, help="Rebuild even if the index exists.")
    @click.option("--tables", "tables_dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
                  default=None, help="Recipe folder (default: the gazetteer/ folder shipped with geomap).")
    def build(path: Path | None, force: bool, tables_dir: Path | None) -> None:
        """Build the gazetteer index from the registry packages and curated tables."""
        from geomap.config import default_gazetteer_path

        target = path or default_gazetteer_path()
        if target.exists() and not force:
            click.echo(f"{target} exists; use --force to rebuild it")
            return
        try:
            built = build_index(target, tables_dir=tables_dir, progress=sys.stderr.isatty())
            with Gazetteer.open(built, build_if_missing=False) as gaz:
                count = gaz.stats().get("places", "?")
        except GazetteerError as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(f"built {built} ({count} places, {built.stat().st_size / 1e6:.1f} MB)")

    @gazetteer.command("lookup")
    @click.argument("name")
    @path_option
    @click.option("-n", "--limit", type=int, default=20, show_default=True, help="Most candidates to show.")
    @click.option("--fuzzy", is_flag=True, help="Also show near matches (transliteration variants).")
    def lookup(name: str, path: Path | None, limit: int, fuzzy: bool) -> None:
        """Print the candidate places for NAME, most important first."""
        try:
            with Gazetteer.open(path) as gaz:
                rows = [_row(place, kind) for place, kind in gaz.lookup(name, limit)]
                if fuzzy:
                    rows += [_row(place, f"fuzzy {score:.0f}") for place, score in
                             gaz.fuzzy(name, limit=limit, score_cutoff=80.0)]
        except GazetteerError as exc:
            raise click.ClickException(str(exc)) from exc
        if not rows:
            raise click.ClickException(f"no place named {name!r} in the gazetteer")
        click.echo(_table(rows))
