"""Ranking helpers for location.locate: places the parse leaves loose, finer and nested places.

The attachment tiers of location.py score a place by the arcs between it and the
trigger. A misparse often leaves a place with no acceptable path although the words
plainly tie it to the event: "..., targeting the Izium pocket" (a compound of a word
that is no place noun), "hitting positions in the Nyala area" (a clause the parse cut).
These helpers find such places so that the ranking can still compare them with the
attached ones: a place inside the object of the trigger, and a place standing after a
locative word, which nesting rules may move to ("a mine went off in Saltivka area in
Kharkiv" gives Saltivka even when the parse lost it).
"""

from __future__ import annotations

from typing import Callable, TypeVar

from spacy.tokens import Token

from geomap.events.candidates import Candidate
from geomap.events.fronted_frame import finer_than_frame
from geomap.events.name_roles import is_place_word
from geomap.events.nesting import in_own_phrase, says_where_it_lies
from geomap.events.parse_paths import path_up
from geomap.events.scene import granularity, near_phrase

# arcs that keep a name inside the trigger's object: "the strategic village of X and Y"
OBJECT_ARCS = frozenset({"compound", "poss", "dobj", "pobj", "prep", "amod", "conj", "appos", "nmod", "cc"})
# prepositions that put a name where the object is: "positions in X", "the road between X and Y"
OBJECT_PREPS = frozenset({"in", "at", "near", "outside", "inside", "on", "across", "around", "throughout",
                          "within", "along", "through", "over", "off", "beyond", "behind", "between", "outskirts"})
# and those that may set an unattached name where something happened: "passed by X", "went into X"
LOOSE_PREPS = OBJECT_PREPS | frozenset({"into", "by"})
EXAMPLE_PREPS = frozenset({"including", "like"})
MAX_OBJECT_PATH = 12  # arcs from a name up to the trigger


def names_place_word(prep: Token) -> bool:
    """"the village of X", "towns including X", "villages like X": the preposition
    leads to the place the place word stands for, not to another one."""
    return (prep.lower_ == "of" or prep.lower_ in EXAMPLE_PREPS) and is_place_word(prep.head)


# words a partitive "of" follows: "several of the positions" names the positions themselves
PART_WORDS = frozenset({"several", "many", "some", "most", "all", "dozens", "hundreds", "scores", "part", "parts",
                        "one", "each", "any", "both", "none"})


def _partitive(prep: Token) -> bool:
    return prep.lower_ == "of" and (prep.head.lower_ in PART_WORDS or prep.head.pos_ == "NUM")


def in_objects_phrase(root: Token, trigger: Token) -> bool:
    """Whether a name after the trigger lies in what it acts on, joined only by nouns,
    names and locative prepositions ("targeting the Izium pocket", "hitting positions
    between X and Y"): not an agent ("bombed by US jets"), not a source ("fighters from
    X"), not a clause of its own."""
    if root.i < trigger.i or not trigger.is_ancestor(root):
        return False
    path = path_up(root, trigger, limit=MAX_OBJECT_PATH) or []
    for node in path:
        if node.dep_ not in OBJECT_ARCS and not says_where_it_lies(node):
            return False
        if node.dep_ == "prep" and node.lower_ not in OBJECT_PREPS and not names_place_word(node) and \
                not _partitive(node):
            return False
    return bool(path)


def loosely_placed(root: Token) -> bool:
    """Whether a name stands where a place goes even though the parse ties it to no
    verb: after a locative preposition ("in X", "on X"), as a place word's own name
    ("X area", "the village of X"), or joined to such a name ("in X and Y")."""
    if root.dep_ == "conj" and root.head.i != root.i:
        return loosely_placed(root.head)
    if root.dep_ == "pobj":
        prep = root.head
        return prep.lower_ in LOOSE_PREPS or names_place_word(prep)
    return root.dep_ in ("amod", "compound", "nmod", "appos") and is_place_word(root.head)


def more_specific(best: Candidate, others: list[Candidate], trigger: Token) -> Candidate | None:
    """The place nested in `best` by the wording ("the Zarichne suburb of
    Donetsk", "Nyala, South Darfur", "Omdurman, 10 km from Khartoum"): the
    candidate whose phrase `best` hangs from."""
    above: list[Token] = []
    node = best.span.root
    while node.head.i != node.i and node.head.i != trigger.i and len(above) < 6:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            break
        above.append(node)
    for candidate in others:
        root = candidate.span.root
        if candidate is best or candidate.span.start <= trigger.i < candidate.span.end:
            continue
        if root in above and candidate.recognised:
            return candidate
    return None


REGION_SIZE = 3.0  # scene.granularity of a province
Ranked = TypeVar("Ranked", bound=tuple)


def finest_first(options: list[Ranked], trigger: Token, stands_as_place: Callable[[Token], bool]) -> list[Ranked]:
    """A place smaller than a region set as the scene before the trigger, named after
    it and attached as strongly or in the trigger's own phrase, beats that region ("In
    Darfur, militiamen shot the guard of a market in the Nyala town"; "In Azerbaijan,
    troops captured posts in the Lachin corridor"): the bigger one only says where it lies.
    A place opening the sentence as its scene yields first to a finer one told of the
    trigger's moment (fronted_frame.py).
    `options` are location's ranked tuples (strength first, candidate fourth);
    `stands_as_place` is location's test of a name standing where a place goes."""
    framed = finer_than_frame(options, trigger, stands_as_place)
    if framed is not options:
        return framed
    first = options[0][3]
    size = granularity(first)
    if size is None or size < REGION_SIZE or first.span.root.i > trigger.i:
        return options
    for option in options[1:]:
        if option[3].span.root.i < trigger.i or \
                option[0] != options[0][0] and not in_own_phrase(option[3].span.root, trigger):
            continue
        finer = granularity(option[3])
        root = option[3].span.root
        if finer is not None and finer < size and not near_phrase(root) and stands_as_place(root):
            return [option] + [o for o in options if o is not option]
    return options
