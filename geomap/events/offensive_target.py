"""The place an offensive is launched to take: "launched an assault to recapture Izium".

A report of a military push says where it was aimed in a purpose clause: "troops
opened an assault to seize the hamlet of X", "began their push to retake X".
That place is where the fighting was; a region set as the scene of the sentence ("In
the Kharkiv region, ...") or a later aim ("... in order to secure Y") only frames it.
Used by location.locate to rank the target first.
"""

from __future__ import annotations

from typing import Callable, Sequence

from spacy.tokens import Token

from geomap.events.candidates import PLACE_NOUNS, Candidate
from geomap.events.parse_paths import path_up

# verbs that start a push, and the pushes they start
LAUNCH_VERBS = frozenset({"launch", "begin", "start", "mount", "stage", "initiate", "renew", "resume"})
PUSH_NOUNS = frozenset({"offensive", "attack", "assault", "counter-offensive", "counteroffensive",
                        "counter-attack", "counterattack", "operation", "push", "drive", "campaign", "raid",
                        "onslaught", "advance", "counter-assault", "bid", "attempt"})
# verbs of taking ground: their object is where the push was aimed
TAKING_VERBS = frozenset({"capture", "recapture", "seize", "take", "retake", "liberate", "storm", "regain",
                          "reclaim", "enter", "overrun", "clear", "encircle", "besiege", "surround"})
# arcs inside the object phrase of the taking verb: "the strategic village of X", "X and Y"
OBJECT_ARCS = frozenset({"compound", "dobj", "pobj", "prep", "amod", "conj", "appos", "nmod", "cc", "poss"})
SCENE_PREPS = frozenset({"in", "inside", "at", "across", "throughout", "within"})
PURPOSE_ARCS = frozenset({"xcomp", "advcl", "acl", "relcl"})


def _push_words(trigger: Token) -> list[Token]:
    """The trigger as a push ("the assault"), or the push a launching trigger starts."""
    if trigger.lemma_.lower() in PUSH_NOUNS:
        return [trigger]
    if trigger.lemma_.lower() not in LAUNCH_VERBS:
        return []
    return [trigger] + [c for c in trigger.children if c.dep_ == "dobj" and c.lemma_.lower() in PUSH_NOUNS]


def _aim(push: Token) -> Token | None:
    """The verb of taking in a purpose clause on the push: "... to recapture X"."""
    return next((c for c in push.children if c.dep_ in PURPOSE_ARCS and c.lemma_.lower() in TAKING_VERBS and
                 any(m.lower_ == "to" for m in c.children)), None)


def _in_object(root: Token, verb: Token) -> bool:
    """Whether a name lies in the verb's object phrase: "the village of X", "X and Y";
    only "of" after a place word may stand between."""
    path = path_up(root, verb) or []
    if not path or path[-1].dep_ != "dobj":
        return False
    for node in path:
        if node.dep_ not in OBJECT_ARCS:
            return False
        if node.dep_ == "prep" and not (node.lower_ == "of" and node.head.lemma_.lower() in PLACE_NOUNS):
            return False
    return True


def _placed_push(pushes: list[Token], candidates: Sequence[Candidate]) -> bool:
    """"began an offensive in the Kharkiv region to retake Izium": the push is placed
    by its own words, so the place it aims at is not needed to place it."""
    preps = [c for push in pushes for c in push.children
             if c.dep_ == "prep" and c.lower_ in SCENE_PREPS and c.i > push.i]
    return any(_in_phrase(c.span.root, prep) for prep in preps for c in candidates)


def _in_phrase(root: Token, prep: Token) -> bool:
    path = path_up(root, prep)
    return path is not None and not any(node.pos_ in ("VERB", "AUX") for node in path)


def offensive_target(trigger: Token, candidates: Sequence[Candidate],
                     allowed: Callable[[Candidate], bool]) -> Candidate | None:
    """The place a push told by the trigger was launched to take, among the candidates
    `allowed` (the caller's rules of wording), or None."""
    pushes = _push_words(trigger)
    if not pushes or _placed_push(pushes, candidates):
        return None
    for push in pushes:
        verb = _aim(push)
        if verb is None:
            continue
        target = next((c for c in candidates if _in_object(c.span.root, verb) and allowed(c)), None)
        if target is not None:
            return target
    return None
