"""`geomap extract IN.jsonl -o OUT.jsonl [--given-trigger]`: events of each JSON line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

import click

from geomap.cli.geoparse import gazetteer_option, read_lines
from geomap.errors import GeomapError


def register(main: click.Group) -> None:
    @main.command("extract")
    @click.argument("input_file", type=click.File("r", encoding="utf-8"))
    @click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
                  help="Output JSON Lines (default: stdout).")
    @click.option("--given-trigger", is_flag=True,
                  help="Report exactly one event per line, for the word in its \"event\" {start, end}.")
    @gazetteer_option
    def extract(input_file: TextIO, output: TextIO, given_trigger: bool, gazetteer_path: Path | None) -> None:
        """Extract ACLED-style events from each line ({"id", "text", "published"?})."""
        from tqdm import tqdm

        from geomap.extraction import EventRunner, event_json

        try:
            rows = list(read_lines(input_file))
            runner = EventRunner(gazetteer_path)
            count = 0
            results = runner.run(rows, given_trigger=given_trigger)
            for row, events in tqdm(zip(rows, results), total=len(rows), unit="doc", disable=len(rows) < 20 or not sys.stderr.isatty()):
                output.write(json.dumps({"id": row.get("id"), "events": [event_json(e) for e in events]},
                                        ensure_ascii=False) + "\n")
                count += len(events)
        except (GeomapError, ValueError, KeyError) as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(f"{len(rows)} documents, {count} events", err=True)
