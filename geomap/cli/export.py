"""`geomap export`: one layer of the store to GeoJSON, GeoPackage, CSV or GeoParquet."""

from __future__ import annotations

from pathlib import Path

import click

from geomap.cli.options import db_option, resolve_db
from geomap.errors import GeomapError


@click.command()
@click.option("--layer", default="events", show_default=True, help="events, places, mentions or documents.")
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@db_option
def export(layer: str, output: Path, db_path: Path | None) -> None:
    """Export one layer of the store (format from the file extension)."""
    from geomap.export import export_layer
    from geomap.store import open_store

    try:
        with open_store(resolve_db(db_path)) as store:
            result = export_layer(store, layer, output)
    except GeomapError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(result.message)


def register(main: click.Group) -> None:
    main.add_command(export)
