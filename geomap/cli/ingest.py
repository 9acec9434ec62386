"""`geomap ingest` and `geomap reprocess`: articles into the store, and stored articles again."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Callable

import click

from geomap.cli.options import db_option, resolve_db
from geomap.errors import GeomapError

EXIT_SKIPPED = 1
EXIT_INTERRUPTED = 130  # what shells report for a run ended by Ctrl-C
FIELD_NAMES = ("text", "title", "url", "published", "source")


def parse_date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def parse_fields(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for value in values:
        ours, sep, theirs = value.partition("=")
        if not sep or ours not in FIELD_NAMES or not theirs:
            raise click.BadParameter(
                f"{value!r}: write NAME=FIELD with NAME one of {', '.join(FIELD_NAMES)}, "
                "e.g. --field text=body --field published=meta.date"
            )
        fields[ours] = theirs
    return fields


def run_options(command: Callable) -> Callable:
    """Options ingest and reprocess share: where the pipeline runs, and what is printed."""
    for option in reversed((
        click.option("--workers", "-w", type=click.IntRange(1, 256), default=1, show_default=True,
                     help="Worker processes running the pipeline (each loads the model once)."),
        click.option("--dask", metavar="ADDRESS",
                     help="Run the pipeline on a Dask cluster: a scheduler address, or 'local'."),
        click.option("--quiet", "-q", is_flag=True, help="No progress bar and no per-item messages."),
        click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON."),
        db_option,
    )):
        command = option(command)
    return command


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=parse_date_option, help="Publication date (YYYY-MM-DD) for items that lack one.")
@click.option("--source", help="Source name for items that lack one.")
@click.option("--field", "fields", multiple=True, callback=parse_fields, metavar="NAME=FIELD",
              help="Read JSON field FIELD as NAME (text, title, url, published, source); repeatable.")
@click.option("--timeout", type=click.FloatRange(0.1, 600), default=20.0, show_default=True,
              help="Seconds to wait for a URL.")
@run_options
def ingest(paths: tuple[str, ...], published: date | None, source: str | None, fields: dict[str, str],
           timeout: float, workers: int, dask: str | None, quiet: bool, as_json: bool,
           db_path: Path | None) -> None:
    """Read articles, geoparse them, extract events, store them.

    PATHS are files (.txt .md .html .json .jsonl .rss .atom .xml), folders (read
    recursively), URLs of pages or feeds (needs network), or - for stdin. Articles
    already stored are skipped; a run cut short is finished by running it again.
    """
    from geomap.ingest import ingest as run_ingest
    from geomap.readers import Defaults, estimate_total, read_paths

    defaults = Defaults(published=published, source=source, fields=fields, timeout=timeout)
    progress = not quiet and sys.stderr.isatty()
    summary = _run(lambda store, runner: run_ingest(
        read_paths(paths, defaults), store, runner=runner, progress=progress,
        on_skip=_skip_echo(quiet), total=estimate_total(paths) if progress else None,
    ), db_path, workers, dask)
    _finish(summary, as_json)


@click.command()
@run_options
def reprocess(workers: int, dask: str | None, quiet: bool, as_json: bool, db_path: Path | None) -> None:
    """Run the pipeline again over every stored article (after a gazetteer or model
    upgrade) and replace its place mentions and events; no input files needed."""
    from geomap.ingest import reprocess as run_reprocess

    summary = _run(lambda store, runner: run_reprocess(
        store, runner=runner, progress=not quiet and sys.stderr.isatty(), on_skip=_skip_echo(quiet),
    ), db_path, workers, dask)
    _finish(summary, as_json)


def _run(job: Callable, db_path: Path | None, workers: int, dask: str | None):
    from geomap.parallel import make_runner
    from geomap.store import open_store

    try:
        with open_store(resolve_db(db_path)) as store:
            runner = make_runner(workers=workers, dask=dask)
            try:
                return job(store, runner)
            finally:
                runner.close()
    except GeomapError as exc:
        raise click.ClickException(str(exc)) from exc


def _skip_echo(quiet: bool) -> Callable[[str, str], None]:
    def on_skip(item: str, reason: str) -> None:
        if not quiet:
            click.echo(f"skipped {item}: {reason}", err=True)
    return on_skip


def _finish(summary, as_json: bool) -> None:
    print_summary(summary.as_dict(), as_json)
    if summary.interrupted:
        sys.exit(EXIT_INTERRUPTED)
    if not summary.ok:
        sys.exit(EXIT_SKIPPED)


def print_summary(summary: dict, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(summary, indent=2))
        return
    if "reprocessed" in summary:
        line = f"reprocessed {summary['reprocessed']} ({summary['changed']} changed)"
    else:
        line = (f"ingested {summary['ingested']}, unchanged {summary['unchanged']}, "
                f"updated {summary['updated']}")
    line += f", skipped {len(summary['skipped'])}"
    if summary.get("seconds"):
        line += f" in {summary['seconds']:.1f} s"
    click.echo(line)
    for skipped in summary["skipped"]:
        click.echo(f"  skipped {skipped['item']}: {skipped['reason']}")
    if summary.get("interrupted"):
        click.echo("interrupted: everything stored so far is kept; run the same command again to finish")


def register(main: click.Group) -> None:
    main.add_command(ingest)
    main.add_command(reprocess)
