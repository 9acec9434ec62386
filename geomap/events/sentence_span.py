"""The word range of a trigger's sentence, mended where the parser split it at a bracket.

The parser sometimes ends a sentence inside a bracketed aside ("killed on Saturday [ /
12 March] in Nyala", "shelled at dusk ( / 16:40 GMT) outside Nyala"). A bracket opened in a
sentence closes in the same sentence, so such a split is a segmentation error: the
place named after it still belongs to the event told before it. (A sentence that
opens with a bracket is left alone: an aside may stand as a sentence of its own.)
extract.py takes a sentence's candidates from this range.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import numpy
from spacy.attrs import ORTH, SENT_START
from spacy.tokens import Doc, Span

from geomap.events.doc_memo import per_doc

OPENING = frozenset({"[", "("})
CLOSING = frozenset({"]", ")"})
MAX_JOINED = 3  # sentences: a bracket left open longer than that is not an aside


class _Layout:
    """Where a doc's sentences start and where its brackets stand, read once per doc
    from its arrays: walking the words and `Token.sent` build a Token per step."""

    def __init__(self, doc: Doc) -> None:
        array = doc.to_array([SENT_START, ORTH])
        starts = numpy.flatnonzero(array[:, 0] == 1).tolist()
        self.starts = starts if starts and starts[0] == 0 else [0] + starts
        self.length = len(doc)
        strings = doc.vocab.strings
        orth = array[:, 1]
        opening = numpy.zeros(len(doc), dtype=bool)
        closing = numpy.zeros(len(doc), dtype=bool)
        for text in OPENING:
            opening |= orth == strings[text]
        for text in CLOSING:
            closing |= orth == strings[text]
        marks = numpy.flatnonzero(opening | closing).tolist()
        self.marks = marks
        self.opens = [bool(opening[i]) for i in marks]

    def sentence_start(self, index: int) -> int:
        """The first word of the sentence that holds word `index` (as `Token.sent`)."""
        return self.starts[bisect_right(self.starts, index) - 1]

    def sentence_end(self, index: int) -> int:
        """The end of the sentence that holds word `index` (as `Token.sent`)."""
        after = bisect_right(self.starts, index)
        return self.starts[after] if after < len(self.starts) else self.length

    def left_open(self, start: int, end: int) -> bool:
        """Whether a bracket opened in words start..end is still open at its end."""
        depth = 0
        for k in range(bisect_left(self.marks, start), bisect_left(self.marks, end)):
            if self.opens[k]:
                depth += 1
            elif depth:
                depth -= 1
        return depth > 0


_layout = per_doc(_Layout)


def _split_at_a_bracket(layout: _Layout, start: int, end: int) -> bool:
    """Whether the parser's boundary after words start..end falls inside a bracketed aside."""
    return end < layout.length and layout.left_open(start, end)


def mended_sentence(sentence: Span) -> tuple[int, int]:
    """(start, end) token indices of `sentence`, joined with the neighbours that a
    bracket split from it."""
    layout, start, end = _layout(sentence.doc), sentence.start, sentence.end
    for _ in range(MAX_JOINED):
        if start == 0:
            break
        before = layout.sentence_start(start - 1)
        if not _split_at_a_bracket(layout, before, start):
            break
        start = before
    for _ in range(MAX_JOINED):
        if not _split_at_a_bracket(layout, start, end):
            break
        end = layout.sentence_end(end)
    return start, end
