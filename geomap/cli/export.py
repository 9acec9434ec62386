"""`geomap export`: one layer of the store to GeoJSON, GeoPackage, CSV or GeoParquet."""

from __future__ import annotations

from pathlib import Path

import click

from geomap.cli.options import db_option, resolve_db
from geomap.errors import GeomapError

LAYER_HELP = "events, places, mentions or documents."
FORMAT_HELP = "geojson, gpkg, csv or parquet (default: from the file extension)."


@click.command()
@click.option("--layer", default="events", show_default=True, help=LAYER_HELP)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (.geojson, .gpkg, .csv, .parquet).")
@click.option("--format", "fmt", default=None, help=FORMAT_HELP)
@click.option("--start", help="First day (YYYY-MM-DD).")
@click.option("--end", help="Last day (YYYY-MM-DD).")
@click.option("--type", "types", multiple=True, help="Event type (repeat, or separate with commas).")
@click.option("--country", "countries", multiple=True, help="ISO country code (repeat, or commas).")
@click.option("--q", help="Text to look for (actors, places, source sentences).")
@click.option("--bbox", help="min_lon,min_lat,max_lon,max_lat")
@click.option("--split-by", default=None, help="event_type: one file (one GeoPackage table) per event type.")
@db_option
def export(layer: str, output: Path, fmt: str | None, start: str | None, end: str | None,
           types: tuple[str, ...], countries: tuple[str, ...], q: str | None, bbox: str | None,
           split_by: str | None, db_path: Path | None) -> None:
    """Export one layer of the store, with the map's filters.

    GeoJSON follows RFC 7946 (WGS84, [lon, lat]); a GeoPackage gets one table per layer
    (EPSG:4326) and keeps the tables of earlier exports; CSV has lat and lon columns.
    """
    from geomap.export import check_layer, export_layer, format_for, parse_filter
    from geomap.store import open_store

    try:
        # arguments first: a typo should not wait for the database
        check_layer(layer)
        fmt = format_for(output, fmt)
        flt = parse_filter(start, end, types, countries, q, bbox)
        db = resolve_db(db_path)
        if not db.exists():
            raise click.ClickException(f"no database at {db}: run `geomap ingest` first or pass --db")
        with open_store(db, read_only=True) as store:
            result = export_layer(store, layer, output, fmt, flt, split_by)
    except GeomapError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(result.message, err=not result.count)


def register(main: click.Group) -> None:
    main.add_command(export)
