"""A place the sentence opens with only frames the finer place its event is told at.

"In Darfur, a guard was shot when gunmen stormed a market near Nyala", "In Kharkiv, a
volunteer was wounded while driving through the suburb of Saltivka": the opening
phrase names the area the report is about, and the place named after the trigger, in
the trigger's own clause or in a clause telling the same moment, is where it
happened, even "near" it (a village near a town is mapped by that town). A place in
another clause ("..., who spoke from a compound in X") or an opening that spreads the
event over the area ("Across Darfur, ...") keeps the frame. Used by ranking.finest_first.
"""

from __future__ import annotations

from typing import Callable, TypeVar

from spacy.tokens import Token

from geomap.events.candidates import Candidate
from geomap.events.countryside import countryside_of_a_town
from geomap.events.nesting import BUILDING_WORDS
from geomap.events.parse_paths import common_head
from geomap.events.scene import fronted_scene, granularity

FRAME_PREPS = frozenset({"in", "at", "inside"})
# clauses that tell something else than the trigger's own moment
OTHER_CLAUSE_ARCS = frozenset({"relcl", "acl", "ccomp", "csubj", "parataxis"})
UNKNOWN_SIZE = 0.5  # scene.granularity of an unknown name standing as a place: a village, a quarter
REGION_SIZE = 3.0  # scene.granularity of a province
Ranked = TypeVar("Ranked", bound=tuple)
# words closing a name of a province or a region, whose size no gazetteer may know
REGION_NAME_WORDS = frozenset({"governorate", "province", "region", "state", "oblast", "prefecture"})
MAX_CLIMB = 3  # arcs from a name up to the opening phrase: "the X Governorate's eastern countryside"


def _opening_frame(candidate: Candidate, trigger: Token) -> float | None:
    """The size of a place opening the sentence as its scene ("In Darfur, ...", "In the
    Darfur region's countryside, ..."), or None."""
    node = candidate.span.root
    for _ in range(MAX_CLIMB):
        if node.dep_ in ("poss", "compound"):
            node = node.head
        elif node.dep_ == "pobj" and node.head.lower_ == "of":
            node = node.head.head
        else:
            break
    if node.i > trigger.i or not (fronted_scene(node) or _after_a_sentence_adverb(node)) or \
            node.head.lower_ not in FRAME_PREPS:
        return None
    size = granularity(candidate)
    if size is None and (countryside_of_a_town(candidate.span) or
                         candidate.span[-1].lower_ in REGION_NAME_WORDS):
        return REGION_SIZE
    return size


def _after_a_sentence_adverb(root: Token) -> bool:
    """"Separately in Darfur, ...", "Meanwhile, in Kharkiv, ...": an opening phrase after
    a linking adverb, closed by a comma, still sets the scene of what follows."""
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    before = list(root.doc[prep.sent.start:prep.i])
    if not before or not all(t.pos_ in ("ADV", "CCONJ", "PUNCT") for t in before):
        return False
    after = prep.right_edge.i + 1
    return after < prep.sent.end and prep.doc[after].text == ","


def _same_moment(root: Token, trigger: Token) -> bool:
    """Whether neither the place nor the trigger sits in a clause of its own below the
    words they share ("who addressed the crowd from X", "gunmen shot in a firefight
    lay near X"): only then is the place told of the trigger's own moment."""
    head = common_head(root, trigger)
    if head is None:
        return False
    for start in (root, trigger):
        node = start
        while node.i != head.i:
            if node.pos_ in ("VERB", "AUX") and (node.dep_ in OTHER_CLAUSE_ARCS or _background(node)):
                return False
            node = node.head
    return True


def _background(verb: Token) -> bool:
    """"..., as balloting began in X": an "as" clause with a subject of its own tells
    what went on around the event, often somewhere else, not the event's own moment."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) and \
        any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _names_a_building(candidate: Candidate) -> bool:
    span = candidate.span
    after = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    return after in BUILDING_WORDS or any(t.lower_ in BUILDING_WORDS for t in span)


def finer_than_frame(options: list[Ranked], trigger: Token, stands_as_place: Callable[[Token], bool]) -> list[Ranked]:
    """`options` (location's ranked tuples: strength first, candidate fourth) with the
    finer place told after the trigger first when the best one only opens the sentence."""
    size = _opening_frame(options[0][3], trigger)
    if size is None:
        return options
    for option in options[1:]:
        candidate = option[3]
        root = candidate.span.root
        if root.i < trigger.i or not stands_as_place(root) or not _same_moment(root, trigger):
            continue
        finer = granularity(candidate)
        if finer is None and not _names_a_building(candidate):
            finer = UNKNOWN_SIZE
        if finer is not None and finer < size:
            return [option] + [o for o in options if o is not option]
    return options
