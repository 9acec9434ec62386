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

from geomap.parallel import Batch, PipelineLike, Runner, SerialRunner
from geomap.readers import ReadItem
from geomap.records import ProcessedDocument
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
    runner = _runner_for(pipeline, runner, "ingest")
    summary = IngestSummary(workers=runner.workers)
    bar = _Progress(progress, total, "ingest")
    on_skip = bar.around(on_skip)
    batches = _batches(items, store, summary, on_skip, bar, batch_size)
    _drive(runner, batches, summary, bar, on_skip, lambda processed: store.save(processed).status)
    return summary


def reprocess(store: SQLiteStore, pipeline: PipelineLike | None = None, *, runner: Runner | None = None,
              progress: bool = False, on_skip: SkipHook = _quiet, batch_size: int = 16) -> IngestSummary:
    """Run the pipeline again over every stored document (after a gazetteer or model
    upgrade) and replace its mentions and events; the texts come from the store."""
    runner = _runner_for(pipeline, runner, "reprocess")
    summary = IngestSummary(workers=runner.workers)
    bar = _Progress(progress, store.stats()["documents"], "reprocess")
    on_skip = bar.around(on_skip)
    stored = (ReadItem(doc.id, doc) for doc in store.iter_documents())
    _drive(runner, _chunks(stored, batch_size), summary, bar, on_skip,
           lambda processed: "changed" if store.replace_results(processed) else "same")
    return summary


def _runner_for(pipeline: PipelineLike | None, runner: Runner | None, what: str) -> Runner:
    if runner is not None:
        return runner
    if pipeline is None:
        raise TypeError(f"{what}() needs a pipeline or a runner")
    return SerialRunner(pipeline)


def _drive(runner: Runner, batches: Iterator[Batch], summary: IngestSummary, bar: "_Progress",
           on_skip: SkipHook, save: Callable[[ProcessedDocument], str]) -> None:
    """Run the batches through the workers and hand each result to ``save`` (this
    process is the store's only writer), counting what ``save`` says happened."""
    started = time.perf_counter()
    try:
        for outcomes in runner.map(batches):
            for outcome in outcomes:
                if outcome.processed is None:
                    summary.skip(outcome.name, outcome.error or "processing failed", on_skip)
                else:
                    began = time.perf_counter()
                    status = save(outcome.processed)
                    summary.store_seconds += time.perf_counter() - began
                    summary.counts[status] += 1
                bar.step(summary)
    except KeyboardInterrupt:
        summary.interrupted = True
        _stop(runner)
        log.info("interrupted: what was stored stays; the same command again does the rest")
    finally:
        bar.close()
        summary.seconds = time.perf_counter() - started


def _stop(runner: Runner) -> None:
    kill = getattr(runner, "kill", None)
    try:
        kill() if kill else runner.close()
    except Exception:  # tidying up after Ctrl-C must not hide the summary
        log.debug("stopping the workers failed", exc_info=True)


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
