"""A small stand-in for geomap.pipeline.Pipeline: deterministic, fast, no model.

It finds a handful of place names by regex and reports a shelling event where a
sentence says "shelled". Worker processes import it by name, so it lives in a module.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Iterable, Iterator

from geomap.records import Document, Event, Place, ProcessedDocument, Span, Toponym

PLACES = {
    "Kharkiv": Place("gn:706483", "Kharkiv", 49.98081, 36.25272, "city", "UA", geonameid=706483),
    "Gao": Place("gn:2457163", "Gao", 16.27167, -0.04472, "city", "ML", geonameid=2457163),
    "Goma": Place("gn:216281", "Goma", -1.67409, 29.22845, "city", "CD", geonameid=216281),
    "Aleppo": Place("gn:170063", "Aleppo", 36.20124, 37.16117, "city", "SY", geonameid=170063),
}
EXTRA = {"Mosul": Place("gn:99072", "Mosul", 36.335, 43.11889, "city", "IQ", geonameid=99072)}


class FakePipeline:
    """``delay`` seconds a document; raises on texts containing ``fail_on``; with
    ``interrupt_after`` raises KeyboardInterrupt (as Ctrl-C would) before that document;
    ``births`` names a file that gets one line per pipeline built (the worker's pid)."""

    def __init__(self, delay: float = 0.0, fail_on: str | None = None, interrupt_after: int | None = None,
                 births: str | None = None, extra_places: bool = False) -> None:
        self.delay = delay
        self.fail_on = fail_on
        self.interrupt_after = interrupt_after
        self.places = PLACES | (EXTRA if extra_places else {})
        self.done = 0
        if births:
            with Path(births).open("a") as handle:
                handle.write(f"{os.getpid()}\n")

    def pipe(self, documents: Iterable[Document]) -> Iterator[ProcessedDocument]:
        for doc in documents:
            if self.interrupt_after is not None and self.done >= self.interrupt_after:
                raise KeyboardInterrupt
            if self.fail_on and self.fail_on in doc.text:
                raise RuntimeError("the fake pipeline chokes on this text")
            time.sleep(self.delay)
            self.done += 1
            yield self.process(doc)

    def process(self, doc: Document) -> ProcessedDocument:
        toponyms = sorted(
            (Toponym(m.start(), m.end(), name, place=place, score=0.9)
             for name, place in self.places.items() for m in re.finditer(rf"\b{name}\b", doc.text)),
            key=lambda t: t.start,
        )
        events = []
        for m in re.finditer(r"\bshelled\b", doc.text):
            start = doc.text.rfind(".", 0, m.start()) + 1
            end = doc.text.find(".", m.end())
            end = len(doc.text) if end < 0 else end + 1
            place = toponyms[0].place if toponyms else None
            events.append(Event(
                "Explosions/Remote violence", "Shelling/artillery/missile attack",
                Span(m.start(), m.end(), m.group()), Span(start, end, doc.text[start:end]),
                date=doc.published, time_precision=1 if doc.published else 3, place=place,
                geo_precision=1 if place else 3, doc_id=doc.id,
            ))
        return ProcessedDocument(doc, tuple(toponyms), tuple(events))


def news(n: int, *, words: int = 0) -> str:
    """An article written for these tests, different for each n."""
    city = list(PLACES)[n % len(PLACES)]
    text = (f"Artillery shelled the outskirts of {city} on Tuesday, officials said, in attack "
            f"number {n} this month. Residents of {city} reported damage to homes and a market.")
    filler = " Aid groups said they were assessing needs across the district." * (words // 9)
    return text + filler


def missing_model() -> FakePipeline:
    """A factory that fails the way Pipeline() does on a machine without the model."""
    from geomap.errors import ModelNotFoundError

    raise ModelNotFoundError("no English spaCy model is installed")


class DyingPipeline(FakePipeline):
    """A worker that is killed mid-run, as the kernel's OOM killer would do it."""

    def pipe(self, documents: Iterable[Document]) -> Iterator[ProcessedDocument]:
        for doc in documents:
            if "number 13 " in doc.text:
                os._exit(137)
            yield self.process(doc)
