"""Compose the stages for one document: spaCy -> toponyms -> resolved places -> events."""

from __future__ import annotations

import logging
from collections import deque
from typing import TYPE_CHECKING, Iterable, Iterator

from geomap.records import Document, ProcessedDocument

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from geomap.gazetteer import Gazetteer

log = logging.getLogger(__name__)


class Pipeline:
    """The whole of geomap's text processing, built once and applied to many documents.

    Loading the model and opening the gazetteer is the slow part, so a Pipeline is
    meant to be made once per process and reused.
    """

    def __init__(self, gazetteer: "Gazetteer | None" = None, *, nlp=None, geocoder=None,
                 events: bool = True) -> None:
        # imported here so that `import geomap.pipeline` stays cheap for the CLI's --help
        from geomap.events.parsing import make_selective
        from geomap.gazetteer import Gazetteer
        from geomap.geoparse import Geoparser
        from geomap.nlp.build import build_nlp

        self.gazetteer = gazetteer or Gazetteer.open()
        # the parser and lemmatizer run afterwards, on the sentences that hold a trigger
        self.nlp = nlp or make_selective(build_nlp(self.gazetteer))
        self.geoparser = Geoparser(self.gazetteer, nlp=self.nlp, geocoder=geocoder)
        self.with_events = events

    def process(self, document: Document) -> ProcessedDocument:
        return next(self.pipe([document]))

    def pipe(self, documents: Iterable[Document], batch_size: int = 16) -> Iterator[ProcessedDocument]:
        from geomap.events import extract_events
        from geomap.events.parsing import parse_batches

        pending: deque[Document] = deque()  # the documents of the docs on their way through

        def docs() -> Iterator["Doc"]:
            pairs = ((d.text, d) for d in documents)
            for doc, document in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
                pending.append(document)
                yield doc

        # a batch's trigger sentences go through the parser together: cheaper than one call per doc
        stream = parse_batches(self.nlp, docs(), batch_size=batch_size) if self.with_events else docs()
        for doc in stream:
            document = pending.popleft()
            toponyms = self.geoparser.toponyms_of(doc)
            events = extract_events(doc, toponyms, document) if self.with_events else []
            yield ProcessedDocument(document, tuple(toponyms), tuple(events))
