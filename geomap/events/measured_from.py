"""A place a distance is measured from, read by word order when the parse breaks the phrase.

"..., a city of 40,000 people 120 kilometres (75 miles) north of the capital, Khartoum."
The parse often hangs the last name on the verb, so the tree no longer shows it as the
end of "north of". English puts that reference point right after "<compass word> of" or
"from", behind at most an article and a word for what it is ("the capital,"), with a
distance just before the compass word. Used by location.locate to rank such names
after every other place: the place measured from is not where the event was, though
annotators (and readers) take it for the best answer when it is the only name.
Likewise "the village of Nyala, near the town of Izium": a small place introduced by
what it is and then placed near another is the place; the one after "near" helps find it.
"""

from __future__ import annotations

from typing import Sequence, TypeVar

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from geomap.events.candidates import Candidate
from geomap.events.name_roles import is_place_word
from geomap.events.nesting import RESIDENTIAL_WORDS
from geomap.events.scene import granularity
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
        return _distance_before(span, before.i) or _after_a_name(before)
    return doc[i].lower_ == "from" and before.lower_ in DISTANCE_UNITS | {")"} and \
        _distance_before(span, i)


# words that may soften a compass word: "just east of", "due north of"
HEDGE_WORDS = frozenset({"just", "slightly", "immediately", "directly", "due", "some", "far", "further"})


def _after_a_name(compass: Token) -> bool:
    """"in rural Nyala, just east of Kharkiv": a compass word set after a name and a
    comma places that name by the next one, which is only the point it is told from."""
    doc, i = compass.doc, compass.i - 1
    while i > compass.sent.start and doc[i].lower_ in HEDGE_WORDS:
        i -= 1
    return i > compass.sent.start and doc[i].text == "," and doc[i - 1].pos_ == "PROPN"


Ranked = TypeVar("Ranked", bound=tuple)


def measured_from_last(options: Sequence[Ranked]) -> list[Ranked]:
    """The same options, those whose candidate (4th item) is a reference point last."""
    def is_reference(option: Ranked) -> bool:
        candidate: Candidate = option[3]
        return measured_from(candidate.span)
    return sorted(options, key=is_reference)


# words that may stand between "near" and the name it measures from: "near the town of X"
NEAR_TITLE_WORDS = TITLE_WORDS | frozenset({"of", "mountainous", "small", "nearby", "northern", "southern",
                                            "eastern", "western", "central", "strategic"})


def landmark_of(span: SpacySpan, anchor: SpacySpan) -> bool:
    """Whether `span` is named right after `anchor` as what it lies near: "the village of
    Nyala, near the town of Izium", "the hill of X near Y". The first name is the place
    itself; the second only helps find it."""
    doc, i = span.doc, span.start - 1
    skipped = 0
    while i > anchor.end and doc[i].lower_ in NEAR_TITLE_WORDS and skipped < MAX_TITLE:
        i, skipped = i - 1, skipped + 1
    if doc[i].lower_ != "near":
        return False
    k = _past_what_it_is(doc, anchor.end, i)
    return k == i or k == i - 1 and doc[k].lower_ == ","


MAX_ALIAS = 5  # tokens of a bracketed other name: "(Nyala Janub)"


def _past_what_it_is(doc: Doc, start: int, end: int) -> int:
    """The first token from `start` past the place word a name may carry and a bracketed
    other name of it ("X colony (Y) near Z", "the X district near Z"): both still belong
    to the name the landmark after "near" helps find."""
    k = start
    if k < end and (is_place_word(doc[k]) or doc[k].lower_ in RESIDENTIAL_WORDS):
        k += 1
    if k < end and doc[k].text == "(":
        close = next((j for j in range(k + 1, min(end, k + MAX_ALIAS + 2)) if doc[j].text == ")"), None)
        k = k if close is None else close + 1
    return k


def _introduced(anchor: Candidate) -> bool:
    """"the village of Nyala", "the hilltop of X", "the X district": a name given as a
    what-it-is, as a writer does for a small place he is about to locate. A bare name
    ("clashes in Kharkiv, near the Izium crossing") is the wider setting instead."""
    root = anchor.span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        return root.head.head.pos_ == "NOUN"
    return root.dep_ == "compound" and root.head.pos_ == "NOUN"


def _bigger(anchor: Candidate, landmark: Candidate) -> bool:
    a, b = granularity(anchor), granularity(landmark)
    return a is not None and b is not None and a > b


def anchor_before_landmark(options: list[Ranked]) -> list[Ranked]:
    """The same options, with the place a leading landmark is named beside moved first."""
    top: Candidate = options[0][3]
    anchor = next((o for o in options[1:] if landmark_of(top.span, o[3].span) and
                   _introduced(o[3]) and not _bigger(o[3], top)), None)
    if anchor is None:
        return options
    return [anchor] + [o for o in options if o is not anchor]
