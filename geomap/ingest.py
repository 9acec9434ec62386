"""Drive the pipeline over many input items and write the results to the store."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from tqdm import tqdm

from geomap.pipeline import Pipeline
from geomap.readers import ReadItem
from geomap.records import Document
from geomap.store import SQLiteStore

log = logging.getLogger(__name__)


@dataclass
class IngestSummary:
    """What one run did: counts by outcome, and every skipped item with its reason."""

    counts: Counter = field(default_factory=Counter)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "ingested": self.counts["ingested"],
            "unchanged": self.counts["unchanged"],
            "updated": self.counts["updated"],
            "skipped": [{"item": item, "reason": reason} for item, reason in self.skipped],
        }

    @property
    def ok(self) -> bool:
        return not self.skipped


def _documents(items: Iterable[ReadItem], store: SQLiteStore, summary: IngestSummary,
               on_skip: Callable[[str, str], None]) -> Iterator[Document]:
    for item in items:
        if item.document is None:
            summary.skipped.append((item.name, item.error or "unreadable"))
            on_skip(item.name, item.error or "unreadable")
        elif store.has_document(item.document.id):
            # unchanged articles skip the (slow) pipeline altogether
            summary.counts["unchanged"] += 1
        else:
            yield item.document


def ingest(items: Iterable[ReadItem], store: SQLiteStore, pipeline: Pipeline, *,
           progress: bool = False, on_skip: Callable[[str, str], None] = lambda item, why: None
           ) -> IngestSummary:
    """Process and store every readable item; each document is committed on its own,
    so an interrupted run keeps what it finished and the next run does the rest."""
    summary = IngestSummary()
    docs = _documents(items, store, summary, on_skip)
    with tqdm(desc="ingest", unit="doc", disable=not progress) as bar:
        for processed in pipeline.pipe(docs):
            result = store.save(processed)
            summary.counts[result.status] += 1
            bar.update(1)
    return summary
