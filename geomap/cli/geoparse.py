"""`geomap geoparse IN.jsonl -o OUT.jsonl [--spans] [--geocoder NAME ...]`."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import click

from geomap.errors import GeomapError
from geomap.jsonlines import read_text_objects

gazetteer_option = click.option(
    "--gazetteer", "gazetteer_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
    envvar="GEOMAP_GAZETTEER", help="Gazetteer index file (default: the one in the user's data dir).")
processes_option = click.option(
    "-j", "--processes", "n_process", type=click.IntRange(1, 64), default=1, show_default=True,
    help="spaCy processes for end-to-end runs.")


def geocoder_options(func: Any) -> Any:
    from geomap.resolve.geocoders import GEOCODERS

    func = click.option("--geocoder", type=click.Choice(sorted(GEOCODERS)), default=None,
                        help="Online geocoder for names the gazetteer lacks (off by default).")(func)
    func = click.option("--geocoder-domain", default=None, help="The geocoder's host (e.g. a self-hosted one).")(func)
    func = click.option("--geocoder-scheme", type=click.Choice(["https", "http"]), default="https",
                        show_default=True)(func)
    func = click.option("--user-agent", default=None, help="User agent the geocoder's usage policy asks for.")(func)
    return click.option("--min-delay", type=float, default=1.0, show_default=True,
                        help="Seconds between geocoder requests.")(func)


def make_geoparser(gazetteer_path: Path | None, geocoder: str | None = None, domain: str | None = None,
                   scheme: str = "https", user_agent: str | None = None, min_delay: float = 1.0,
                   threshold: float = 0.05) -> Any:
    from geomap.gazetteer import Gazetteer
    from geomap.geoparse import Geoparser
    from geomap.resolve.geocoders import make_geocoder

    online = make_geocoder(geocoder, domain=domain, scheme=scheme, user_agent=user_agent,
                           min_delay_seconds=min_delay) if geocoder else None
    return Geoparser(Gazetteer.open(gazetteer_path), geocoder=online, threshold=threshold)


def read_lines(handle: TextIO) -> Iterator[dict[str, Any]]:
    return read_text_objects(handle, getattr(handle, "name", "input"))


def toponym_json(t: Any) -> dict[str, Any]:
    p = t.place
    return {"start": t.start, "end": t.end, "text": t.text, "lat": p.lat if p else None,
            "lon": p.lon if p else None, "geonameid": p.geonameid if p else None,
            "name": p.name if p else None, "kind": t.kind, "country_code": p.country_code if p else None,
            "place_id": p.id if p else None, "score": t.score}


def _spans(row: dict[str, Any]) -> list[tuple[int, int]]:
    return [(int(t["start"]), int(t["end"])) for t in row.get("toponyms") or []]


def run(geoparser: Any, rows: list[dict[str, Any]], spans: bool, n_process: int, out: TextIO) -> int:
    from tqdm import tqdm

    if spans:
        results: Any = (geoparser.resolve_spans(r["text"], _spans(r)) for r in rows)
    else:
        results = geoparser.parse_many((r["text"] for r in rows), n_process=n_process)
    count = 0
    for row, toponyms in tqdm(zip(rows, results), total=len(rows), unit="doc", disable=len(rows) < 20 or not sys.stderr.isatty()):
        out.write(json.dumps({"id": row.get("id"), "toponyms": [toponym_json(t) for t in toponyms]},
                             ensure_ascii=False) + "\n")
        count += len(toponyms)
    return count


def register(main: click.Group) -> None:
    @main.command("geoparse")
    @click.argument("input_file", type=click.File("r", encoding="utf-8"))
    @click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
                  help="Output JSON Lines (default: stdout).")
    @click.option("--spans", is_flag=True, help="Resolve exactly the spans in each line's \"toponyms\".")
    @click.option("--threshold", type=click.FloatRange(0.0, 1.0), default=0.05, show_default=True,
                  help="Below this score a toponym stays unresolved rather than risk a wrong place.")
    @gazetteer_option
    @processes_option
    @geocoder_options
    def geoparse(input_file: TextIO, output: TextIO, spans: bool, threshold: float, gazetteer_path: Path | None,
                 n_process: int, geocoder: str | None, geocoder_domain: str | None, geocoder_scheme: str,
                 user_agent: str | None, min_delay: float) -> None:
        """Find and resolve the place names of each JSON line ({"id", "text"})."""
        try:
            rows = list(read_lines(input_file))
            parser = make_geoparser(gazetteer_path, geocoder, geocoder_domain, geocoder_scheme, user_agent, min_delay,
                                    threshold)
            count = run(parser, rows, spans, n_process, output)
        except (GeomapError, ValueError, KeyError) as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(f"{len(rows)} documents, {count} toponyms", err=True)
