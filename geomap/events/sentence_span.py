"""The word range of a trigger's sentence, mended where the parser split it at a bracket.

The parser sometimes ends a sentence inside a bracketed aside ("killed on Saturday [ /
12 March] in Nyala", "shelled at dusk ( / 16:40 GMT) outside Nyala"). A bracket opened in a
sentence closes in the same sentence, so such a split is a segmentation error: the
place named after it still belongs to the event told before it. (A sentence that
opens with a bracket is left alone: an aside may stand as a sentence of its own.)
extract.py takes a sentence's candidates from this range.
"""

from __future__ import annotations

from spacy.tokens import Span

OPENING = frozenset({"[", "("})
CLOSING = frozenset({"]", ")"})
MAX_JOINED = 3  # sentences: a bracket left open longer than that is not an aside


def _left_open(sentence: Span) -> bool:
    """Whether a bracket opened in `sentence` is still open at its end."""
    depth = 0
    for token in sentence:
        text = token.text
        if text in OPENING:
            depth += 1
        elif text in CLOSING and depth:
            depth -= 1
    return depth > 0


def _split_at_a_bracket(before: Span) -> bool:
    """Whether the parser's boundary after `before` falls inside a bracketed aside."""
    return before.end < len(before.doc) and _left_open(before)


def mended_sentence(sentence: Span) -> tuple[int, int]:
    """(start, end) token indices of `sentence`, joined with the neighbours that a
    bracket split from it."""
    doc, start, end = sentence.doc, sentence.start, sentence.end
    for _ in range(MAX_JOINED):
        if start == 0 or not _split_at_a_bracket(doc[doc[start - 1].sent.start:start]):
            break
        start = doc[start - 1].sent.start
    for _ in range(MAX_JOINED):
        if not _split_at_a_bracket(doc[start:end]):
            break
        end = doc[end].sent.end
    return start, end
