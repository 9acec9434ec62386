"""Compose the stages for one document: spaCy -> toponyms -> resolved places -> events."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Iterable, Iterator

from geomap.records import Document, ProcessedDocument

if TYPE_CHECKING:
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
        from geomap.gazetteer import Gazetteer
        from geomap.nlp.build import build_nlp
        from geomap.resolve.resolver import Resolver

        self.gazetteer = gazetteer or Gazetteer.open()
        self.nlp = nlp or build_nlp(self.gazetteer)
        self.resolver = Resolver(self.gazetteer, geocoder=geocoder)
        self.with_events = events

    def process(self, document: Document) -> ProcessedDocument:
        return next(self.pipe([document]))

    def pipe(self, documents: Iterable[Document], batch_size: int = 16) -> Iterator[ProcessedDocument]:
        from geomap.events import extract_events

        pairs = ((d.text, d) for d in documents)
        for doc, document in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            toponyms = self.resolver.resolve(document.text, list(doc._.geomap_toponyms))
            events = extract_events(doc, toponyms, document) if self.with_events else []
            yield ProcessedDocument(document, tuple(toponyms), tuple(events))
