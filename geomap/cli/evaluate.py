"""`geomap evaluate geoparse|events|event-location GOLD.jsonl`: score the project's
commands against gold corpora; a table by default, JSON with --json.

Every evaluation is a subcommand of the one `evaluate` group defined in register().
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from geomap.errors import GeomapError

json_option = click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")


def print_metrics(metrics: dict[str, Any], as_json: bool) -> None:
    """One metric a line ("recognition_overlap.f1  0.8123"), or the dict as JSON."""
    if as_json:
        click.echo(json.dumps(metrics, indent=2))
        return
    flat: list[tuple[str, Any]] = []
    for key, value in metrics.items():
        if isinstance(value, dict):
            flat.extend((f"{key}.{k}", v) for k, v in value.items())
        else:
            flat.append((key, value))
    width = max(len(k) for k, _ in flat)
    for key, value in flat:
        click.echo(f"{key.ljust(width)}  {value}")


def _geoparse_command(group: click.Group) -> None:
    from geomap.cli.geoparse import gazetteer_option, processes_option

    @group.command("geoparse")
    @click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option("--spans", is_flag=True, help="Gold names given: score the resolver alone.")
    @click.option("--errors", "errors_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
                  help="Write every gold toponym's prediction and error (JSON Lines) here.")
    @click.option("--causes", is_flag=True, help="Also count the toponyms missed by 161 km by cause.")
    @gazetteer_option
    @processes_option
    @json_option
    def geoparse(gold: Path, spans: bool, errors_path: Path | None, causes: bool, gazetteer_path: Path | None,
                 n_process: int, as_json: bool) -> None:
        """Recognition P/R/F1 (strict, overlap) and resolution acc@161, AUC, errors."""
        from geomap.cli.geoparse import make_geoparser
        from geomap.evaluate_geoparse import error_causes, evaluate, read_gold, write_details

        try:
            parser = make_geoparser(gazetteer_path)
            metrics, details = evaluate(parser, read_gold(gold), spans_mode=spans, n_process=n_process,
                                        progress=sys.stderr.isatty())
        except GeomapError as exc:
            raise click.ClickException(str(exc)) from exc
        if errors_path:
            write_details(details, errors_path)
        if causes:
            metrics["errors_by_cause"] = error_causes(details, parser.resolver)
        print_metrics(metrics, as_json)


def _events_commands(group: click.Group) -> None:
    from geomap.cli.geoparse import gazetteer_option

    @group.command("event-location")
    @click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @gazetteer_option
    @json_option
    def event_location(gold: Path, gazetteer_path: Path | None, as_json: bool) -> None:
        """Where did the given event happen: accuracy, precision/recall of non-empty answers."""
        from geomap.evaluate_events import evaluate_event_location, read_gold
        from geomap.extraction import EventRunner

        try:
            metrics = evaluate_event_location(EventRunner(gazetteer_path), read_gold(gold), progress=sys.stderr.isatty())
        except GeomapError as exc:
            raise click.ClickException(str(exc)) from exc
        print_metrics(metrics, as_json)

    @group.command("events")
    @click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @gazetteer_option
    @json_option
    def events(gold: Path, gazetteer_path: Path | None, as_json: bool) -> None:
        """Event type, sub-type, date, location (25/161 km) and fatalities accuracy."""
        from geomap.evaluate_events import evaluate_events, read_gold
        from geomap.extraction import EventRunner

        try:
            metrics = evaluate_events(EventRunner(gazetteer_path), read_gold(gold), progress=sys.stderr.isatty())
        except GeomapError as exc:
            raise click.ClickException(str(exc)) from exc
        print_metrics(metrics, as_json)


def register(main: click.Group) -> None:
    @main.group()
    def evaluate() -> None:
        """Measure accuracy against gold JSON Lines corpora."""

    _geoparse_command(evaluate)
    _events_commands(evaluate)
