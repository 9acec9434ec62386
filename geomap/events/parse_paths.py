"""Climbing the parse from word to word by index: the location rules climb a lot.

Every step up through `Token.head` builds a new Token; these read each word's head
once per doc from the parse arrays and climb by index, building Tokens only for the
words they return. Used by scene.py and the rules around it.
"""

from __future__ import annotations

import numpy
from spacy.attrs import HEAD
from spacy.tokens import Doc, Token

from geomap.events.doc_memo import per_doc


@per_doc
def head_indices(doc: Doc) -> list[int]:
    """Each word's head, by index, read once per doc: every step up through
    `Token.head` builds a new Token, and the location rules climb the tree a lot."""
    offsets = doc.to_array([HEAD]).reshape(-1).astype("int64")  # relative, stored unsigned
    return (numpy.arange(len(offsets)) + offsets).tolist()


@per_doc
def _meetings(doc: Doc) -> dict[tuple[int, int], int]:
    return {}  # (word, word) -> where their phrases meet, filled as the rules ask


def path_up(token: Token, stop: Token, limit: int = 10) -> list[Token] | None:
    """Tokens from `token` up to (not including) `stop`, or None if stop is not above."""
    heads, target, i = head_indices(token.doc), stop.i, token.i
    path: list[int] = []
    while i != target and len(path) < limit:
        path.append(i)
        if heads[i] == i:
            return None
        i = heads[i]
    doc = token.doc
    return [doc[j] for j in path] if i == target else None


def ancestor_indices(token: Token) -> set[int]:
    """The indices of every word above `token` in the parse (not its own)."""
    heads, found = head_indices(token.doc), set()
    i = token.i
    while heads[i] != i:
        i = heads[i]
        found.add(i)
    return found


def common_head(a: Token, b: Token) -> Token | None:
    doc, key = a.doc, (a.i, b.i)
    memo = _meetings(doc)  # the rules ask about the same (place, trigger) pair many times
    if key not in memo:
        heads, above, i = head_indices(doc), ancestor_indices(a) | {a.i}, b.i
        while i not in above and heads[i] != i:
            i = heads[i]
        memo[key] = i if i in above else -1
    return doc[memo[key]] if memo[key] >= 0 else None
