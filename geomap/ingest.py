"""Drive the pipeline over many input items and write the results to the store.

The store has one writer, this module, in the calling process; the pipeline may run
here or in workers (geomap.parallel). Each document is committed in its own transaction,
so a crash or Ctrl-C keeps everything finished before it, leaves no half-written
document, and the next run skips what is stored and does the rest.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from tqdm import tqdm

from geomap.parallel import Batch, Outcome, PipelineLike, Runner, SerialRunner
from geomap.readers import ReadItem
from geomap.store import SQLiteStore

log = logging.getLogger(__name__)

SkipHook = Callable[[str, str], None]


@dataclass
class IngestSummary:
    """What one run did: counts by outcome, every skipped item with its reason, timings."""

    counts: Counter = field(default_factory=Counter)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    interrupted: bool = False
    seconds: float = 0.0
    store_seconds: float = 0.0  # time spent writing to the store
    workers: int = 1

    def as_dict(self) -> dict:
        processed = sum(self.counts[k] for k in ("ingested", "updated", "same", "changed"))
        out = {
            "ingested": self.counts["ingested"],
            "unchanged": self.counts["unchanged"],
            "updated": self.counts["updated"],
            "skipped": [{"item": item, "reason": reason} for item, reason in self.skipped],
            "interrupted": self.interrupted,
            "seconds": round(self.seconds, 3),
            "store_seconds": round(self.store_seconds, 3),
            "docs_per_second": round(processed / self.seconds, 2) if self.seconds else None,
            "workers": self.workers,
        }
        if self.counts["same"] or self.counts["changed"]:  # a reprocess run
            out["reprocessed"] = self.counts["same"] + self.counts["changed"]
            out["changed"] = self.counts["changed"]
        return out

    @property
    def ok(self) -> bool:
        return not self.skipped and not self.interrupted

    def skip(self, item: str, reason: str, on_skip: SkipHook) -> None:
        self.skipped.append((item, reason))
        on_skip(item, reason)


def _quiet(item: str, why: str) -> None:
    pass


class _Progress:
    """A tqdm bar over items (stored, unchanged or skipped alike) with the skip count."""

    def __init__(self, enabled: bool, total: int | None, desc: str) -> None:
        self.bar = tqdm(total=total, desc=desc, unit="doc", disable=not enabled, dynamic_ncols=True,
                        smoothing=0.1)

    def step(self, summary: IngestSummary) -> None:
        if self.bar.total is not None and self.bar.n >= self.bar.total:
            self.bar.total = self.bar.n + 1  # the estimate was low (feeds, stdin, URLs)
        self.bar.update(1)
        if summary.skipped:
            self.bar.set_postfix(skipped=len(summary.skipped), refresh=False)

    def close(self) -> None:
        self.bar.close()

    def around(self, on_skip: SkipHook) -> SkipHook:
        """``on_skip`` printing above the bar instead of through it."""
        if self.bar.disable:
            return on_skip

        def guarded(item: str, reason: str) -> None:
            with tqdm.external_write_mode():
                on_skip(item, reason)
        return guarded


def _batches(items: Iterable[ReadItem], store: SQLiteStore, summary: IngestSummary, on_skip: SkipHook,
             progress: _Progress, batch_size: int) -> Iterator[Batch]:
    seen: set[str] = set()
    batch: Batch = []
    for item in items:
        if item.document is None:
            summary.skip(item.name, item.error or "unreadable", on_skip)
            progress.step(summary)
        elif item.document.id in seen or store.has_document(item.document.id):
            # unchanged articles (and repeats within the run) skip the slow pipeline
            summary.counts["unchanged"] += 1
            progress.step(summary)
        else:
            seen.add(item.document.id)
            batch.append((item.name, item.document))
            if len(batch) >= batch_size:
                yield batch
                batch = []
    if batch:
        yield batch


def ingest(items: Iterable[ReadItem], store: SQLiteStore, pipeline: PipelineLike | None = None, *,
           runner: Runner | None = None, progress: bool = False, on_skip: SkipHook = _quiet,
           total: int | None = None, batch_size: int = 16) -> IngestSummary:
    """Process and store every readable item, with ``pipeline`` in this process or on
    ``runner``'s workers. Ctrl-C ends the run early with ``summary.interrupted`` set."""
    if runner is None:
        if pipeline is None:
            raise TypeError("ingest() needs a pipeline or a runner")
        runner = SerialRunner(pipeline)
    summary = IngestSummary(workers=runner.workers)
    bar = _Progress(progress, total, "ingest")
    on_skip = bar.around(on_skip)
    started = time.perf_counter()
    try:
        for outcomes in runner.map(_batches(items, store, summary, on_skip, bar, batch_size)):
            for outcome in outcomes:
                _store(outcome, store, summary, on_skip)
                bar.step(summary)
    except KeyboardInterrupt:
        summary.interrupted = True
        _stop(runner)
        log.info("interrupted: what was stored stays; the same command again does the rest")
    finally:
        bar.close()
        summary.seconds = time.perf_counter() - started
    return summary


def _store(outcome: Outcome, store: SQLiteStore, summary: IngestSummary, on_skip: SkipHook) -> None:
    if outcome.processed is None:
        summary.skip(outcome.name, outcome.error or "processing failed", on_skip)
        return
    began = time.perf_counter()
    result = store.save(outcome.processed)
    summary.store_seconds += time.perf_counter() - began
    summary.counts[result.status] += 1


def _stop(runner: Runner) -> None:
    kill = getattr(runner, "kill", None)
    try:
        kill() if kill else runner.close()
    except Exception:  # tidying up after Ctrl-C must not hide the summary
        log.debug("stopping the workers failed", exc_info=True)


def reprocess(store: SQLiteStore, pipeline: PipelineLike | None = None, *, runner: Runner | None = None,
              progress: bool = False, on_skip: SkipHook = _quiet, batch_size: int = 16) -> IngestSummary:
    """Run the pipeline again over every stored document (after a gazetteer or model
    upgrade) and replace its mentions and events; the texts come from the store."""
    if runner is None:
        if pipeline is None:
            raise TypeError("reprocess() needs a pipeline or a runner")
        runner = SerialRunner(pipeline)
    summary = IngestSummary(workers=runner.workers)
    bar = _Progress(progress, store.stats()["documents"], "reprocess")
    on_skip = bar.around(on_skip)
    started = time.perf_counter()
    stored = (ReadItem(doc.id, doc) for doc in store.iter_documents())
    try:
        for outcomes in runner.map(_chunks(stored, batch_size)):
            for outcome in outcomes:
                _restore(outcome, store, summary, on_skip)
                bar.step(summary)
    except KeyboardInterrupt:
        summary.interrupted = True
        _stop(runner)
    finally:
        bar.close()
        summary.seconds = time.perf_counter() - started
    return summary


def _chunks(items: Iterable[ReadItem], size: int) -> Iterator[Batch]:
    batch: Batch = []
    for item in items:
        assert item.document is not None
        batch.append((item.name, item.document))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _restore(outcome: Outcome, store: SQLiteStore, summary: IngestSummary, on_skip: SkipHook) -> None:
    if outcome.processed is None:
        summary.skip(outcome.name, outcome.error or "processing failed", on_skip)
        return
    began = time.perf_counter()
    changed = store.replace_results(outcome.processed)
    summary.store_seconds += time.perf_counter() - began
    summary.counts["changed" if changed else "same"] += 1
