"""A place and the description set after it: "Izium, a town in the Kharkiv region".

News English names a place and then, after a comma, says what it is and where it
lies: "Nyala, the largest town of southern Darfur", "Izium, in the eastern Kharkiv region",
"Omdurman, across the Nile from Khartoum". The bigger place in that description only
locates the first one; the parse often hangs it on the verb, so it can outrank the
place the event was at. Used by location.locate to move back to the described place.
"""

from __future__ import annotations

from spacy.tokens import Token

from geomap.events.candidates import Candidate
from geomap.events.name_roles import is_place_word
from geomap.events.scene import granularity

MAX_DESCRIPTION = 10  # tokens between the place and the bigger one its description names
# the prepositions that put the described place inside the bigger one
INSIDE_PREPS = frozenset({"in", "of", "on", "within", "inside"})
# words that turn the description into a distance or a direction from the bigger place
# ("Izium, 40 km from Kharkiv", "Nyala, not far from Darfur's border")
MEASURE_WORDS = frozenset({"near", "outside", "outskirts", "around", "km", "kilometres", "kilometers", "miles",
                           "close", "vicinity", "nearby", "near-by", "from", "far", "away", "between", "across",
                           "beyond", "towards", "toward", "to", "off", "past", "along", "behind", "with",
                           "edge", "border", "fringes", "gates"})
# compass words: a distance when "of" follows ("north of Kharkiv"), a part otherwise ("the north coast")
COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})
# participles that only say where something lies ("Izium, located in the Kharkiv region")
LYING_WORDS = frozenset({"located", "situated", "based", "nestled", "lying"})


def _is_place_word(token: Token) -> bool:
    return is_place_word(token) or token.lower_ == "capital"


def _breaks_description(token: Token) -> bool:
    """A word a bare description of a place does not hold: a verb, a number, a word of
    distance or direction, or a bracket that starts an aside."""
    if token.lower_ in LYING_WORDS:
        return False
    if token.lower_ == "and":
        # "X, the third city and capital of Y" goes on describing X; "X, Y and Z" is a list
        return not (token.i + 1 < len(token.doc) and _is_place_word(token.doc[token.i + 1]))
    if token.lower_ in COMPASS_WORDS:
        return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "of"
    return token.pos_ in ("VERB", "AUX", "NUM", "PRON", "SCONJ") or token.lower_ in MEASURE_WORDS or \
        token.text in ("(", ")", ";", ":", '"')


def describes_where(inner: Candidate, outer: Candidate) -> bool:
    """Whether `outer` is named only in a description of `inner` set after a comma:
    "Izium, a town in the Kharkiv region", "Nyala, the largest town of southern Darfur".
    The last preposition before `outer` must put it around `inner`, and no word may
    turn the description into a distance ("Izium, 40 km south of Kharkiv")."""
    doc = inner.span.doc
    gap = [doc[i] for i in range(inner.span.end, outer.span.start)]
    if not 2 <= len(gap) <= MAX_DESCRIPTION or gap[0].text != "," or any(_breaks_description(t) for t in gap):
        return False
    preps = [t for t in gap if t.pos_ == "ADP" and t.lower_ not in ("'s", "’s")]
    return bool(preps) and preps[-1].lower_ in INSIDE_PREPS


def _not_bigger(inner: Candidate, outer: Candidate) -> bool:
    size_inner, size_outer = granularity(inner), granularity(outer)
    return size_inner is None or size_outer is None or size_inner < size_outer


def described_place(chosen: Candidate, others: list[Candidate]) -> Candidate | None:
    """The place `chosen` is named to describe ("in Izium, a town in the Kharkiv
    region" gives Izium for Kharkiv), or None."""
    return next((other for other in others if other is not chosen and other.span.end <= chosen.span.start and
                 describes_where(other, chosen) and _not_bigger(other, chosen)), None)
