"""How much event extraction adds to geoparsing, on the same texts.

    .venv/bin/python benchmarks/bench_events.py [TEXTS.jsonl] [--limit N] [--repeat R]

Geoparse = the geoparser's own pipeline (no parser, no lemmatizer) + resolution.
With events = the full pipeline (the parser and lemmas the extractor needs) +
resolution + extract_events. Default texts: the bundled sample articles.
Target (issue 5): extraction adds at most 30% to geoparse time.

Both wall-clock and process CPU time are reported: on a shared machine other
processes stretch wall-clock time at random, while CPU time counts only this
process's own work, so its overhead figure is the steadier one. Both sides run in
one process on the same texts, interleaved, after one warm-up pass of each over
all the texts (model, lazy tables, dateparser's regexes); the overhead is the
median over paired runs, with its spread. The load average is printed with them.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

from geomap.events import extract_events
from geomap.events.parsing import make_selective, parse_all
from geomap.gazetteer import Gazetteer
from geomap.geoparse import Geoparser
from geomap.nlp.build import build_nlp
from geomap.records import Document
from geomap.samples import load_samples


def _texts(path: Path | None, limit: int) -> list[str]:
    if path is None:
        return [d.text for d in load_samples()][:limit]
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()][:limit]


def _geoparse(parser: Geoparser, texts: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds)."""
    start, cpu = time.perf_counter(), time.process_time()
    for _ in parser.parse_many(texts):
        pass
    return time.perf_counter() - start, time.process_time() - cpu


def _with_events(parser: Geoparser, texts: list[str]) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds, wall seconds in extract_events, events)."""
    start, cpu = time.perf_counter(), time.process_time()
    extract_seconds, count = 0.0, 0
    for text, doc in zip(texts, parse_all(parser.nlp, parser.nlp.pipe(texts, batch_size=32))):
        toponyms = parser.toponyms_of(doc)
        t0 = time.perf_counter()
        count += len(extract_events(doc, toponyms, Document(text=text)))
        extract_seconds += time.perf_counter() - t0
    return time.perf_counter() - start, time.process_time() - cpu, extract_seconds, count


def _overheads(bases: list[float], runs: list[float]) -> str:
    paired = [100 * (r - b) / b for b, r in zip(bases, runs)]
    return (f"{statistics.median(paired):.1f}% median of paired runs "
            f"(min {min(paired):.1f}%, max {max(paired):.1f}%; target <= 30%)")


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("texts", nargs="?", type=Path, default=None)
    args.add_argument("--limit", type=int, default=200)
    args.add_argument("--repeat", type=int, default=3)
    args.add_argument("--parse-all", action="store_true", help="parse every sentence (the old way)")
    options = args.parse_args()
    texts = _texts(options.texts, options.limit)
    gazetteer = Gazetteer.open()
    geoparser = Geoparser(gazetteer)  # the geoparser's lighter default pipeline
    nlp = build_nlp(gazetteer)
    full = Geoparser(gazetteer, nlp=nlp if options.parse_all else make_selective(nlp))
    _geoparse(geoparser, texts), _with_events(full, texts)  # warm up: lazy loads, caches
    # interleaved, so that load from other processes hits both sides alike; medians
    bases, runs = [], []
    for _ in range(options.repeat):
        bases.append(_geoparse(geoparser, texts))
        runs.append(_with_events(full, texts))
    base, base_cpu = statistics.median(b[0] for b in bases), statistics.median(b[1] for b in bases)
    total, total_cpu = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
    extract_only, count = statistics.median(r[2] for r in runs), runs[0][3]
    words = sum(len(t.split()) for t in texts)
    mode = "every sentence parsed" if options.parse_all else "trigger sentences parsed"
    print(f"{len(texts)} texts, {words} words, {count} events ({mode}), {options.repeat} runs each; "
          f"load average {os.getloadavg()[0]:.2f} (2 cores shared)")
    print(f"geoparse only:          {base:.2f} s median ({words / base:,.0f} words/s), CPU {base_cpu:.2f} s")
    print(f"geoparse + events:      {total:.2f} s median (of which extract_events {extract_only:.2f} s), "
          f"CPU {total_cpu:.2f} s")
    print(f"overhead (wall clock):  {_overheads([b[0] for b in bases], [r[0] for r in runs])}")
    print(f"overhead (CPU time):    {_overheads([b[1] for b in bases], [r[1] for r in runs])}")


if __name__ == "__main__":
    main()
