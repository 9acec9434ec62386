"""Ingest throughput: --workers 1 against --workers 2, store write share, memory per worker.

    .venv/bin/python benchmarks/bench_ingest.py [--articles 2000] [--words 500] [--workers 1 2]

Articles are made from the bundled samples (geomap/samples/articles.jsonl): each joins
paragraphs of three samples in a seeded order, cut to about --words words, so every text
is different and reads like news. Each configuration runs in a fresh child process on a
fresh database, so memory figures and model loading are the configuration's own; the
time includes loading the model and gazetteer in every worker. Targets (issue 6):
workers 2 >= 1.7x workers 1; store writes <= 5% of the run; memory per worker <= 1 GB.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_articles(count: int, words: int, out: Path) -> int:
    """Write ``count`` distinct articles of about ``words`` words as JSON Lines."""
    from geomap.records import document_id
    from geomap.samples import load_samples

    samples = load_samples()
    seen: set[str] = set()
    with out.open("w", encoding="utf-8") as handle:
        seed = 0
        while len(seen) < count:
            rng = random.Random(seed)
            seed += 1
            picked = rng.sample(samples, k=min(3, len(samples)))
            paragraphs = [p for doc in picked for p in doc.text.split("\n\n") if p.strip()]
            lead, rest = paragraphs[0], paragraphs[1:]
            rng.shuffle(rest)
            text, total = [lead], len(lead.split())
            for paragraph in rest:
                if total >= words:
                    break
                text.append(paragraph)
                total += len(paragraph.split())
            body = "\n\n".join(text)
            if document_id(body) in seen:
                continue
            seen.add(document_id(body))
            published = (picked[0].published or date(2024, 1, 1)) + timedelta(days=rng.randint(0, 3))
            handle.write(json.dumps({
                "title": picked[0].title, "text": body, "published": published.isoformat(),
                "source": "bench", "url": f"https://bench.example.org/{len(seen)}",
            }) + "\n")
    return count


def factory_from(spec: str):
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def run_one(corpus: Path, workers: int, pipeline: str) -> dict:
    """One configuration in this process (a child of the benchmark)."""
    from geomap.ingest import ingest
    from geomap.parallel import make_runner
    from geomap.readers import read_paths
    from geomap.store import open_store

    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.sqlite") as store:
        runner = make_runner(workers=workers, factory=factory_from(pipeline))
        try:
            summary = ingest(read_paths([corpus]), store, runner=runner)
        finally:
            runner.close()
        stats = store.stats()
    # workers are children (ProcessRunner) or this very process (one worker, in process)
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_mb = (children if workers > 1 else me).ru_maxrss / 1024
    cpu_parent, cpu_children = me.ru_utime + me.ru_stime, children.ru_utime + children.ru_stime
    words = sum(len(json.loads(line)["text"].split()) for line in corpus.open())
    return {
        "workers": workers, "documents": stats["documents"], "mentions": stats["mentions"],
        "events": stats["events"], "skipped": len(summary.skipped), "seconds": round(summary.seconds, 2),
        "docs_per_second": round(stats["documents"] / summary.seconds, 2),
        "words_per_second": round(words / summary.seconds),
        "store_seconds": round(summary.store_seconds, 3),
        "store_share": round(summary.store_seconds / summary.seconds, 4),
        "peak_worker_rss_mb": round(peak_mb),
        # CPU seconds tell what the wall clock hides on a busy machine
        "cpu_parent": round(cpu_parent, 1), "cpu_workers": round(cpu_children, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--words", type=int, default=500)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--pipeline", default="geomap.pipeline:Pipeline", help="module:factory of the pipeline")
    parser.add_argument("--corpus", type=Path, help="use this JSON Lines file instead of generating one")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(run_one(args.corpus, args.child, args.pipeline)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or Path(tmp) / "articles.jsonl"
        if args.corpus is None:
            make_articles(args.articles, args.words, corpus)
        lines = [json.loads(line) for line in corpus.open()]
        mean_words = sum(len(d["text"].split()) for d in lines) / len(lines)
        print(f"corpus: {len(lines)} articles, {mean_words:.0f} words on average", flush=True)
        results = []
        for workers in args.workers:
            started = time.perf_counter()
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(workers), "--corpus", str(corpus),
                 "--pipeline", args.pipeline], capture_output=True, text=True, check=True, cwd=ROOT,
            ).stdout
            result = json.loads(out.strip().splitlines()[-1])
            result["wall_seconds"] = round(time.perf_counter() - started, 2)
            results.append(result)
            print(json.dumps(result), flush=True)
    report(results)


def report(results: list[dict]) -> None:
    base = next((r for r in results if r["workers"] == 1), None)
    for r in results:
        speedup = f", {r['docs_per_second'] / base['docs_per_second']:.2f}x workers 1" if base else ""
        print(f"workers {r['workers']}: {r['docs_per_second']} docs/s ({r['words_per_second']} words/s)"
              f"{speedup}; store writes {100 * r['store_share']:.2f}% of {r['seconds']} s; "
              f"peak worker RSS {r['peak_worker_rss_mb']} MB; CPU s parent {r['cpu_parent']}, "
              f"workers {r['cpu_workers']}")
    if base and base["cpu_parent"]:
        for r in results:
            if r["workers"] > 1:
                # on a shared machine the wall clock measures the neighbours; CPU seconds do not:
                # with N idle cores, N workers finish in (their CPU total / N)
                cpu = r["cpu_parent"] + r["cpu_workers"]
                print(f"workers {r['workers']}: CPU overhead {100 * (cpu / base['cpu_parent'] - 1):.1f}% over "
                      f"workers 1; projected speedup on {r['workers']} idle cores "
                      f"{r['workers'] * base['cpu_parent'] / cpu:.2f}x")
    print(f"load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
