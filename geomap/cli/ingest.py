"""`geomap ingest`: articles in, geoparsed and with their events, into the store."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click

from geomap.cli.options import db_option, resolve_db
from geomap.errors import GeomapError


def parse_date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=parse_date_option, help="Publication date (YYYY-MM-DD) for items that lack one.")
@click.option("--source", help="Source name for items that lack one.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no per-item messages.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@db_option
def ingest(paths: tuple[str, ...], published: date | None, source: str | None, quiet: bool,
           as_json: bool, db_path: Path | None) -> None:
    """Read articles (files, folders, or - for stdin), geoparse them, extract events, store them."""
    from geomap.ingest import ingest as run_ingest
    from geomap.pipeline import Pipeline
    from geomap.readers import Defaults, read_paths
    from geomap.store import open_store

    def on_skip(item: str, reason: str) -> None:
        if not quiet:
            click.echo(f"skipped {item}: {reason}", err=True)

    try:
        pipeline = Pipeline()
        with open_store(resolve_db(db_path)) as store:
            summary = run_ingest(
                read_paths(paths, Defaults(published=published, source=source)), store, pipeline,
                progress=not quiet and sys.stderr.isatty(), on_skip=on_skip,
            )
    except GeomapError as exc:
        raise click.ClickException(str(exc)) from exc
    print_summary(summary.as_dict(), as_json)
    if not summary.ok:
        sys.exit(1)


def print_summary(summary: dict, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(summary, indent=2))
        return
    click.echo(
        f"ingested {summary['ingested']}, unchanged {summary['unchanged']}, "
        f"updated {summary['updated']}, skipped {len(summary['skipped'])}"
    )
    for skipped in summary["skipped"]:
        click.echo(f"  skipped {skipped['item']}: {skipped['reason']}")




def register(main: click.Group) -> None:
    main.add_command(ingest)
