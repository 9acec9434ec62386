"""`geomap serve` and `demo`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from geomap.cli.ingest import print_summary
from geomap.cli.options import db_option, resolve_db
from geomap.errors import GeomapError

HOST_HELP = "Interface to listen on (default 127.0.0.1: this machine only)."


def _serve(db: Path, host: str, port: int, read_only: bool) -> None:
    from geomap.web.app import create_app

    app = create_app({"DATABASE": str(db), "READ_ONLY": read_only})
    click.echo(f"geomap: serving {db} on http://{host}:{port}/ (Ctrl-C stops)")
    app.run(host=host, port=port, debug=False, use_reloader=False)


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help=HOST_HELP)
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--read-only", is_flag=True, help="Refuse ingest through the API.")
def serve(db_path: Path | None, host: str, port: int, read_only: bool) -> None:
    """Serve the map and the API (Flask's server; see the README for production)."""
    _serve(resolve_db(db_path), host, port, read_only)


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help=HOST_HELP)
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--no-serve", is_flag=True, help="Only ingest the sample articles.")
def demo(db_path: Path | None, host: str, port: int, no_serve: bool) -> None:
    """Ingest the bundled sample articles into a demo database and serve the map."""
    from geomap.config import data_dir
    from geomap.ingest import ingest as run_ingest
    from geomap.pipeline import Pipeline
    from geomap.readers import ReadItem
    from geomap.samples import load_samples
    from geomap.store import open_store

    db = db_path or data_dir() / "demo.sqlite"
    click.echo("geomap demo: loading the model and the gazetteer (the first run builds the gazetteer)")
    try:
        pipeline = Pipeline()
        with open_store(db) as store:
            items = [ReadItem(d.title, d) for d in load_samples()]
            summary = run_ingest(items, store, pipeline, progress=sys.stderr.isatty())
            stats = store.stats()
    except GeomapError as exc:
        raise click.ClickException(str(exc)) from exc
    print_summary(summary.as_dict(), as_json=False)
    if summary.interrupted:
        sys.exit(130)
    click.echo(f"{stats['documents']} articles, {stats['events']} events, {stats['mentions']} place mentions in {db}")
    if not no_serve:
        _serve(db, host, port, read_only=False)


def register(main: click.Group) -> None:
    for command in (serve, demo):
        main.add_command(command)
