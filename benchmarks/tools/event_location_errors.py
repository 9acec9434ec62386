"""Event-location errors by cause, on a corpus in the event-location format.

    .venv/bin/python benchmarks/tools/event_location_errors.py GOLD.jsonl [--cache DIR] [--show CAUSE] [--n N]

Parses every sentence once (the full pipeline and the geoparser's toponyms) and keeps
the parse in a cache outside the repo (default /tmp/geomap-evloc-cache), so that the
location rules can be re-scored in seconds while they are tuned. Prints accuracy,
precision and recall of non-empty answers, and a table of errors by cause:

- none_but_gold:      answered none, the gold names a place
- no_candidate:       ... and no candidate span overlaps the gold place (recognition)
- wrong_candidate:    answered a place, the gold names another one that was a candidate
- wrong_unrecognised: answered a place, the gold names one that was not a candidate
- answered_gold_none: answered a place, the gold says the sentence does not say where

The cache holds corpus text: it stays in /tmp and is never committed.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
from collections import Counter
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin

from geomap.events.extract import extract_for_trigger
from geomap.events.candidates import candidate_spans
from geomap.extraction import EventRunner, document_of
from geomap.records import Span


def _load(gold: Path, cache: Path) -> tuple[list[dict[str, Any]], list[Doc], list[list[Any]]]:
    rows = [json.loads(line) for line in gold.open(encoding="utf-8") if line.strip()]
    docs_file, tops_file = cache / "docs.spacy", cache / "toponyms.pickle"
    runner = EventRunner()
    if docs_file.exists() and tops_file.exists():
        docs = list(DocBin().from_disk(docs_file).get_docs(runner.nlp.vocab))
        toponyms = pickle.loads(tops_file.read_bytes())
        return rows, docs, toponyms
    cache.mkdir(parents=True, exist_ok=True)
    docs, toponyms = [], []
    given = [(r["event"]["start"],) for r in rows]  # as `--given-trigger` does: parse that sentence
    for doc, tops in runner.parse((r["text"] for r in rows), at=given):
        doc._.geomap_candidates = None  # custom attributes of other components: not needed here
        doc._.geomap_toponyms = None
        docs.append(doc)
        toponyms.append(tops)
    DocBin(docs=docs).to_disk(docs_file)
    tops_file.write_bytes(pickle.dumps(toponyms))
    return rows, docs, toponyms


def _overlap(a: tuple[int, int], golds: list[dict[str, Any]]) -> bool:
    return any(a[0] < g["end"] and g["start"] < a[1] for g in golds)


def _cause(pred: tuple[int, int] | None, golds: list[dict[str, Any]], cands: list[tuple[int, int]]) -> str:
    if pred is None and not golds:
        return "ok"
    if pred is not None and _overlap(pred, golds):
        return "ok"
    if pred is not None and not golds:
        return "answered_gold_none"
    recognised = any(_overlap(c, golds) for c in cands)
    if pred is None:
        return "none_but_gold" if recognised else "no_candidate"
    return "wrong_candidate" if recognised else "wrong_unrecognised"


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("gold", type=Path)
    args.add_argument("--cache", type=Path, default=Path("/tmp/geomap-evloc-cache"))
    args.add_argument("--show", default=None, help="print examples of this cause")
    args.add_argument("--n", type=int, default=25)
    args.add_argument("--seed", type=int, default=0)
    options = args.parse_args()
    rows, docs, toponyms = _load(options.gold, options.cache)
    causes: Counter[str] = Counter()
    examples: list[str] = []
    predicted = predicted_right = gold_nonempty = 0
    for row, doc, tops in zip(rows, docs, toponyms):
        trigger = Span(row["event"]["start"], row["event"]["end"])
        event = extract_for_trigger(doc, tops, document_of(row), trigger)
        loc = event.location_span
        pred = (loc.start, loc.end) if loc else None
        golds = row.get("locations") or []
        cands = [(s.start_char, s.end_char) for s in candidate_spans(doc, tops)]
        cause = _cause(pred, golds, cands)
        causes[cause] += 1
        predicted += pred is not None
        predicted_right += pred is not None and _overlap(pred, golds)
        gold_nonempty += bool(golds)
        if options.show == cause:
            text = row["text"]  # offsets index the text as given: strip only for display
            examples.append(f"{row['id']}: {text.strip()}\n   trigger={row['event']['text']!r} "
                            f"gold={[g['text'] for g in golds]} pred={text[pred[0]:pred[1]] if pred else None!r} "
                            f"cands={[row['text'][a:b] for a, b in cands]}")
    total = len(rows)
    print(f"accuracy {causes['ok'] / total:.4f}  precision {predicted_right / max(predicted, 1):.4f}  "
          f"recall {predicted_right / max(gold_nonempty, 1):.4f}  ({total} sentences)")
    for cause, count in causes.most_common():
        print(f"  {cause:20s} {count:6d}  {count / total:.3f}")
    random.Random(options.seed).shuffle(examples)
    for line in examples[:options.n]:
        print(line)


if __name__ == "__main__":
    main()
