"""Build the one spaCy pipeline geomap runs: the model plus the toponym components."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from spacy.language import Language

from geomap.nlp import components, paragraphs  # noqa: F401 - paragraphs registers its factory
from geomap.nlp.model import load_model

log = logging.getLogger(__name__)

# Components the toponym recognisers do not use (they read the tagger's fine tags, not
# the attribute ruler's POS); leaving them out makes geoparsing alone ~15% faster, while
# the event extractor needs the full pipeline.
GEOPARSE_ONLY_EXCLUDE = ("parser", "lemmatizer", "attribute_ruler")


def add_toponym_components(nlp: Language, gazetteer: Any, drop_tensor: bool = False) -> Language:
    """Append the recognisers and the toponym writer to ``nlp``, sharing ``gazetteer``
    (``drop_tensor``: free each Doc's tensor at the end, for geoparsing-only pipelines)."""
    for name in components.RECOGNISERS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    if "geomap_toponyms" not in nlp.pipe_names:
        nlp.add_pipe("geomap_toponyms", last=True, config={"drop_tensor": drop_tensor})
    for name in components.RECOGNISERS:
        nlp.get_pipe(name).set_gazetteer(gazetteer)
    return nlp


def build_nlp(gazetteer: Any, model: str | None = None, exclude: Iterable[str] = (),
              drop_tensor: bool = False) -> Language:
    """The model's pipeline (tagger, parser, lemmas, NER) plus geomap's components; the
    recognised toponyms (unresolved) end up on ``doc._.geomap_toponyms``."""
    nlp = load_model(model, exclude=exclude)
    if "parser" not in nlp.pipe_names and "senter" in nlp.disabled:
        nlp.enable_pipe("senter")  # sentence starts guard the gazetteer matcher
    if "senter" in nlp.component_names and "geomap_paragraphs" not in nlp.component_names:
        nlp.add_pipe("geomap_paragraphs", after="senter")
    return add_toponym_components(nlp, gazetteer, drop_tensor=drop_tensor)
