"""Geoparsing throughput: geomap's geoparser against the bare spaCy model, same texts.

    .venv/bin/python benchmarks/bench_geoparse.py [--corpus ../shared/eval/lgl.jsonl] [--docs 588]
                                                  [--repeat 2] [--processes 2]

"Bare" is the model's own pipeline with exactly the components the geoparser runs
(``nlp.pipe`` over the same texts, no geomap component, no resolution); "geoparse" is
``Geoparser.parse_many`` (recognition components + resolution). Runs alternate and the
best of ``--repeat`` is kept, so load from other processes hits both sides alike.
Targets (issue 4): geoparse >= 0.8x bare in one process; >= 40 docs/s on LGL with both
cores (``--processes 2``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = ROOT.parent / "shared" / "eval" / "lgl.jsonl"


def load_texts(path: Path | None, limit: int) -> tuple[list[str], str]:
    if path and path.exists():
        with path.open(encoding="utf-8") as handle:
            texts = [json.loads(line)["text"] for line in handle if line.strip()]
        return texts[:limit], str(path)
    from geomap.samples import load_samples

    texts = [doc.text for doc in load_samples()]
    return (texts * (limit // max(len(texts), 1) + 1))[:limit], "geomap/samples (repeated)"


def timed(label: str, run, texts: list[str]) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    count = sum(1 for _ in run(texts))
    elapsed = time.perf_counter() - started
    rate = count / elapsed
    print(f"  {label:<28} {count} docs in {elapsed:6.1f} s = {rate:6.1f} docs/s", flush=True)
    return rate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--docs", type=int, default=588)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()

    from geomap.gazetteer import Gazetteer
    from geomap.geoparse import Geoparser
    from geomap.nlp.build import GEOPARSE_ONLY_EXCLUDE
    from geomap.nlp.model import load_model

    texts, source = load_texts(args.corpus, args.docs)
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {source}: {len(texts)} docs, {words} words")
    geoparser = Geoparser(Gazetteer.open())
    bare = load_model(exclude=GEOPARSE_ONLY_EXCLUDE)
    for name in geoparser.nlp.pipe_names:
        if name in bare.disabled:
            bare.enable_pipe(name)
    model_pipes = [p for p in geoparser.nlp.pipe_names if not p.startswith("geomap_")]
    assert bare.pipe_names == model_pipes, (bare.pipe_names, model_pipes)
    print(f"model components: {model_pipes}; geomap adds "
          f"{[p for p in geoparser.nlp.pipe_names if p.startswith('geomap_')]}")
    geoparser.parse(texts[0])  # first-call costs (lazy tables) are not throughput

    bs = args.batch_size
    best = {"bare": 0.0, "geoparse": 0.0}
    for round_ in range(args.repeat):
        print(f"round {round_ + 1}, one process:")
        best["bare"] = max(best["bare"], timed("bare nlp.pipe", lambda t: bare.pipe(t, batch_size=bs), texts))
        best["geoparse"] = max(best["geoparse"], timed(
            "geoparse parse_many", lambda t: geoparser.parse_many(t, batch_size=bs), texts))
    print(f"one process: geoparse / bare = {best['geoparse'] / best['bare']:.2f} (target >= 0.8)")
    if args.processes > 1:
        print(f"{args.processes} processes:")
        rate = timed(f"geoparse n_process={args.processes}",
                     lambda t: geoparser.parse_many(t, batch_size=bs, n_process=args.processes), texts)
        bare_rate = timed(f"bare n_process={args.processes}",
                          lambda t: bare.pipe(t, batch_size=bs, n_process=args.processes), texts)
        print(f"{args.processes} processes: geoparse {rate:.1f} docs/s (target >= 40 on LGL), "
              f"{rate / bare_rate:.2f}x bare")


if __name__ == "__main__":
    main()
