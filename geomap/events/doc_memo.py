"""Work read from a doc's arrays once per doc, and id tests over those arrays.

Many rules ask the same question of a doc for every trigger or candidate in it (where
its quote marks stand, each word's head, where its dateline ends). `per_doc` keeps the
answer for as long as the doc lives, keyed weakly so that a long-running server does
not hold on to docs it has finished with. `among` tests a column of ids against a
handful of ids.
"""

from __future__ import annotations

import functools
import weakref
from typing import Callable, TypeVar

import numpy
from spacy.tokens import Doc

T = TypeVar("T")


def per_doc(build: Callable[[Doc], T]) -> Callable[[Doc], T]:
    """`build(doc)`, worked out once per doc."""
    memo: weakref.WeakKeyDictionary[Doc, T] = weakref.WeakKeyDictionary()

    @functools.wraps(build)
    def once(doc: Doc) -> T:
        try:
            return memo[doc]
        except KeyError:
            found = memo[doc] = build(doc)
            return found
    return once


def among(values: numpy.ndarray, ids: numpy.ndarray) -> numpy.ndarray:
    """`numpy.isin` for a few dozen ids: comparing with each beats its sort on short docs."""
    return (values[:, None] == ids[None, :]).any(axis=1)
