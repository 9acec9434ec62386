"""How much event extraction adds to geoparsing, on the same texts.

    .venv/bin/python benchmarks/bench_events.py [TEXTS.jsonl] [--limit N] [--repeat R]

Geoparse = the geoparser's own pipeline (no parser, no lemmatizer) + resolution.
With events = the full pipeline (the parser and lemmas the extractor needs) +
resolution + extract_events. Default texts: the bundled sample articles.
Target (issue 5): extraction adds at most 30% to geoparse time.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from geomap.events import extract_events
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


def _geoparse(parser: Geoparser, texts: list[str]) -> float:
    start = time.perf_counter()
    for _ in parser.parse_many(texts):
        pass
    return time.perf_counter() - start


def _with_events(parser: Geoparser, texts: list[str]) -> tuple[float, float, int]:
    start = time.perf_counter()
    extract_seconds, count = 0.0, 0
    for doc in parser.nlp.pipe(texts, batch_size=32):
        toponyms = parser.toponyms_of(doc)
        t0 = time.perf_counter()
        count += len(extract_events(doc, toponyms, Document(text=doc.text)))
        extract_seconds += time.perf_counter() - t0
    return time.perf_counter() - start, extract_seconds, count


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("texts", nargs="?", type=Path, default=None)
    args.add_argument("--limit", type=int, default=200)
    args.add_argument("--repeat", type=int, default=3)
    options = args.parse_args()
    texts = _texts(options.texts, options.limit)
    gazetteer = Gazetteer.open()
    geoparser = Geoparser(gazetteer)  # the geoparser's lighter default pipeline
    full = Geoparser(gazetteer, nlp=build_nlp(gazetteer))
    _geoparse(geoparser, texts[:2]), _with_events(full, texts[:2])  # warm up: lazy loads, caches
    base = min(_geoparse(geoparser, texts) for _ in range(options.repeat))
    runs = [_with_events(full, texts) for _ in range(options.repeat)]
    total, extract_only, count = min(runs)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} texts, {words} words, {count} events")
    print(f"geoparse only:          {base:.2f} s ({words / base:,.0f} words/s)")
    print(f"geoparse + events:      {total:.2f} s (of which extract_events {extract_only:.2f} s)")
    print(f"overhead of extraction: {100 * (total - base) / base:.1f}% (target <= 30%)")


if __name__ == "__main__":
    main()
