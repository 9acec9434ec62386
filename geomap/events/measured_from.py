"""A place a distance is measured from, read by word order when the parse breaks the phrase.

"..., a city of 40,000 people 120 kilometres (75 miles) north of the capital, Khartoum."
The parse often hangs the last name on the verb, so the tree no longer shows it as the
end of "north of". English puts that reference point right after "<compass word> of" or
"from", behind at most an article and a word for what it is ("the capital,"), with a
distance just before the compass word. Used by location.locate to rank such names
after every other place: the place measured from is not where the event was, though
annotators (and readers) take it for the best answer when it is the only name.
"""

from __future__ import annotations

from typing import Sequence, TypeVar

from spacy.tokens import Span as SpacySpan

from geomap.events.candidates import Candidate
from geomap.events.senses import COMPASS_WORDS, DISTANCE_UNITS

# words that may stand between "north of" and the name it measures from
TITLE_WORDS = frozenset({"the", "capital", "city", "town", "provincial", "regional", "state", "border",
                         "port", "village", ",", "national"})
MAX_TITLE = 4  # tokens: "the provincial capital ,"
MAX_DISTANCE_GAP = 6  # tokens between a distance unit and its compass word: "km ( 75 miles ) north"


def _distance_before(span: SpacySpan, compass_i: int) -> bool:
    """A distance unit shortly before the compass word ("40 km (25 miles) north")."""
    doc = span.doc
    start = max(span.sent.start, compass_i - MAX_DISTANCE_GAP)
    return any(doc[i].lower_ in DISTANCE_UNITS for i in range(start, compass_i))


def measured_from(span: SpacySpan) -> bool:
    """Whether the words before the name read "<distance> <compass word> of [the
    capital,] <name>" or "<distance> from <name>"."""
    doc, i = span.doc, span.start - 1
    skipped = 0
    while i >= span.sent.start and doc[i].lower_ in TITLE_WORDS and skipped < MAX_TITLE:
        i, skipped = i - 1, skipped + 1
    if i <= span.sent.start or doc[i].lower_ not in ("of", "from"):
        return False
    before = doc[i - 1]
    if before.lower_ in COMPASS_WORDS:
        return _distance_before(span, before.i)
    return doc[i].lower_ == "from" and before.lower_ in DISTANCE_UNITS | {")"} and \
        _distance_before(span, i)


Ranked = TypeVar("Ranked", bound=tuple)


def measured_from_last(options: Sequence[Ranked]) -> list[Ranked]:
    """The same options, those whose candidate (4th item) is a reference point last."""
    def is_reference(option: Ranked) -> bool:
        candidate: Candidate = option[3]
        return measured_from(candidate.span)
    return sorted(options, key=is_reference)
