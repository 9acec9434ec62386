"""Geoparsing over many texts: find the place names (spaCy) and resolve them."""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from geomap.errors import ValidationError
from geomap.nlp.build import GEOPARSE_ONLY_EXCLUDE, build_nlp
from geomap.nlp.rules import is_strong_place_name, trim
from geomap.records import Span, Toponym
from geomap.resolve import names
from geomap.resolve.resolver import Geocoder, Resolver

log = logging.getLogger(__name__)

_WORKER: Geoparser | None = None  # the geoparser a forked worker process runs


def _init_worker() -> None:
    assert _WORKER is not None
    _WORKER.reopen_gazetteer()


def _parse_batch(texts: list[str]) -> list[list[Toponym]]:
    assert _WORKER is not None
    return [_WORKER.toponyms_of(doc) for doc in _WORKER.nlp.pipe(texts, batch_size=len(texts))]


def _batches(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class Geoparser:
    """``Geoparser(gazetteer=None, nlp=None, geocoder=None)``.

    With no gazetteer the default index is opened (built once if missing); with no
    nlp a pipeline without the parser and lemmatizer is built, since recognising
    toponyms needs neither (the pipeline layer passes its full one in).
    """

    def __init__(self, gazetteer: Any = None, nlp: Language | None = None,
                 geocoder: Geocoder | None = None, threshold: float = 0.05) -> None:
        if gazetteer is None:
            from geomap.gazetteer import Gazetteer

            gazetteer = Gazetteer.open()
        self.gazetteer = gazetteer
        if nlp is not None and "geomap_toponyms" not in nlp.pipe_names:
            raise ValidationError("the nlp pipeline has no geomap_toponyms component; make it with build_nlp()")
        self._nlp = nlp
        self.resolver = Resolver(gazetteer, geocoder=geocoder, threshold=threshold)

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded on first use (resolving given spans needs none)."""
        if self._nlp is None:
            self._nlp = build_nlp(self.gazetteer, exclude=GEOPARSE_ONLY_EXCLUDE, drop_tensor=True)
        return self._nlp

    def toponyms_of(self, doc: Doc) -> list[Toponym]:
        """Resolve the toponyms the pipeline found in ``doc``."""
        return self.resolver.resolve(doc.text, doc._.geomap_toponyms or [])

    def parse(self, text: str) -> list[Toponym]:
        return self.toponyms_of(self.nlp(text))

    def parse_many(self, texts: Iterable[str], batch_size: int = 32, n_process: int = 1) -> Iterator[list[Toponym]]:
        """Toponyms of each text, in order. With ``n_process`` > 1, forked workers each
        recognise *and* resolve a batch and send back only the records: cheaper than
        spaCy's own multiprocessing, which ships every Doc back to be resolved here.
        An online geocoder keeps one process, so its rate limit holds."""
        if n_process <= 1 or self.resolver.geocoder is not None:
            for doc in self.nlp.pipe(texts, batch_size=batch_size):
                yield self.toponyms_of(doc)
            return
        global _WORKER
        self.nlp  # noqa: B018 - load the model once, before forking
        _WORKER = self
        with multiprocessing.get_context("fork").Pool(n_process, initializer=_init_worker) as pool:
            for results in pool.imap(_parse_batch, _batches(texts, batch_size)):
                yield from results

    def reopen_gazetteer(self) -> None:
        """Open the gazetteer index again (in a forked process: an SQLite connection
        must not cross a fork) and hand it to the resolver and every component."""
        if not hasattr(self.gazetteer, "path"):
            return
        fresh = type(self.gazetteer).open(self.gazetteer.path, build_if_missing=False)
        self.gazetteer = fresh
        self.resolver.use_gazetteer(fresh)
        for _, component in self.nlp.pipeline:
            if hasattr(component, "set_gazetteer"):
                component.set_gazetteer(fresh)

    def resolve_spans(self, text: str, spans: Sequence[Span | tuple[int, int]]) -> list[Toponym]:
        """Resolve exactly the given spans (gold names given), without recognition.

        A span whose text is a demonym the gazetteer knows is resolved as one.
        """
        toponyms = []
        for span in spans:
            start, end = (span.start, span.end) if isinstance(span, Span) else span
            if not 0 <= start <= end <= len(text):
                raise ValidationError(f"span [{start}, {end}) is outside the text (length {len(text)})")
            toponyms.append(Toponym(start, end, text[start:end], kind=self._kind_of(text, start, end)))
        resolved = {(t.start, t.end): t for t in self.resolver.resolve(text, toponyms)}
        return [resolved[(t.start, t.end)] for t in toponyms]

    def _kind_of(self, text: str, start: int, end: int) -> str:
        """A given span is a demonym when the gazetteer knows it as one and not as the
        own name of a country, region or big town ("American", not "Georgia")."""
        trimmed = trim(text, start, end)
        name = text[trimmed[0]:trimmed[1]] if trimmed else text[start:end]
        if names.demonym(self.gazetteer, name) and not is_strong_place_name(self.gazetteer, name):
            return "demonym"
        return "place"
