"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path

import click

from geomap.config import default_db_path

db_option = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    envvar="GEOMAP_DB",
    help="SQLite database file (default: GEOMAP_DB, else geomap.sqlite in the user's data dir).",
)


def resolve_db(db_path: Path | None) -> Path:
    return db_path or default_db_path()
