"""Where an event happened: the toponym attached to its trigger in the parse.

Order of preference (issue 5): a place attached to the trigger through a locative
preposition or as its object; a place attached to the trigger's clause (its
conjoined verbs, the verb a noun trigger depends on, its subject or object); then
the caller falls back to the article's main place. A place that only names an actor
("Syrian troops"), a source ("told Xinhua in Baghdad") or the dateline is not where
the event happened.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from geomap.records import Toponym

LOCATIVE_PREPS = frozenset({
    "in", "at", "near", "outside", "inside", "on", "across", "around", "throughout", "into", "within",
    "along", "through", "over", "off", "onto", "upon", "toward", "towards", "to", "against",
    "beyond", "behind", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "of", "for", "outskirts", "amid", "among", "under", "by",
})
WEAK_PREPS = frozenset({"for", "by", "to", "of", "under", "amid", "among"})
# nouns whose "of" complement names the place itself ("the city of Raqqa")
PLACE_NOUNS = frozenset({
    "city", "town", "village", "district", "province", "region", "area", "neighbourhood", "neighborhood",
    "suburb", "state", "county", "governorate", "capital", "outskirts", "settlement", "settlements", "camp",
    "countryside", "municipality", "island", "port", "valley", "border", "districts", "villages", "towns",
    "farms", "quarter", "zone", "hills", "enclave", "part", "parts", "centre", "center", "heart", "streets",
})
NEAR_WORDS = frozenset({"near", "outside", "outskirts", "around", "north", "south", "east", "west",
                        "northeast", "northwest", "southeast", "southwest", "km", "kilometres", "kilometers",
                        "miles", "close", "vicinity", "area", "near-by", "nearby"})
# arcs a place may hang from on its way up to the trigger
PHRASE_ARCS = frozenset({"pobj", "prep", "compound", "appos", "conj", "poss", "nmod", "amod", "npadvmod",
                         "pcomp", "dobj", "attr", "advmod", "case", "nummod", "quantmod", "cc", "dative",
                         "oprd", "acomp", "nsubjpass", "ROOT", "acl"})
ARGUMENT_ARCS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "agent", "dative"})
CLAUSE_LINKS = frozenset({"conj", "xcomp", "advcl", "acl", "relcl", "pcomp"})
REGION_KINDS = frozenset({"country", "admin1", "region", "continent", "water", "landform"})


@dataclass(frozen=True)
class Attachment:
    toponym: Toponym
    strength: float  # 3 = on the trigger, 2 = on its clause, 1 = elsewhere in the sentence
    rank: int  # 0 the place named, 1 a modifier of a place word, 2 an enclosing place, 3 appositive/possessive
    near: bool


def _root(doc_span: SpacySpan) -> Token:
    return doc_span.root


def _path_up(token: Token, stop: Token, limit: int = 10) -> list[Token] | None:
    """Tokens from `token` up to (not including) `stop`, or None if stop is not above."""
    path = []
    node = token
    while node.i != stop.i and len(path) < limit:
        path.append(node)
        if node.head.i == node.i:
            return None
        node = node.head
    return path if node.i == stop.i else None


def _clause_heads(trigger: Token) -> list[tuple[Token, float]]:
    """The trigger, then the words its clause shares a setting with, with their weight."""
    heads: list[tuple[Token, float]] = [(trigger, 3.0)]
    if trigger.pos_ in ("NOUN", "PROPN") or trigger.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
        head = trigger.head
        while head.dep_ == "prep" and head.head.i != head.i:
            head = head.head
        if head.i != trigger.i:
            heads.append((head, 2.5))
    for conj in trigger.conjuncts:
        heads.append((conj, 2.5))
    if trigger.dep_ in CLAUSE_LINKS and trigger.head.i != trigger.i:
        heads.append((trigger.head, 2.0))
    return heads


def _arguments(trigger: Token) -> list[Token]:
    return [child for child in trigger.children if child.dep_ in ARGUMENT_ARCS]


def _score_path(path: list[Token], toponym_root: Token) -> tuple[bool, bool]:
    """(acceptable, near) for the arcs between a place and the word it describes."""
    near = False
    for node in path:
        if node.dep_ not in PHRASE_ARCS or node.dep_ == "nmod":
            return False, False
        if node.dep_ == "prep":
            if node.lower_ not in LOCATIVE_PREPS:
                return False, False
            near = near or node.lower_ in NEAR_WORDS
        if node.lower_ in NEAR_WORDS:
            near = True
    if path and path[-1].dep_ == "nsubj":
        return False, False
    if path and path[0].dep_ in ("compound", "amod", "poss") and len(path) > 1 and \
            path[1].dep_ in ARGUMENT_ARCS and path[1].lower_ not in PLACE_NOUNS and path[1].dep_ != "pobj":
        return False, False  # "US servicemen", "Ugandan helicopters": who, not where
    return True, near


def _transparent(prep: Token) -> bool:
    """"of" after a place word names the place itself: "the town of Nyala"."""
    return prep.lower_ == "of" and prep.head.lower_ in PLACE_NOUNS


def _rank(path: list[Token]) -> int:
    if not path:
        return 0
    if any(node.dep_ in ("appos", "poss") for node in path):
        return 3
    preps = [n for n in path if n.dep_ == "prep" and not _transparent(n)]
    if len(preps) > 1:
        return 2
    return 1 if path[0].dep_ in ("compound", "amod") else 0


def attach(trigger: Token, candidates: Sequence[tuple[Toponym, SpacySpan]]) -> list[Attachment]:
    """Every candidate place attached to the trigger's clause, strongest first."""
    found: list[Attachment] = []
    for toponym, span in candidates:
        root = _root(span)
        if trigger.i in range(span.start, span.end):
            continue
        best: Attachment | None = None
        for head, weight in _clause_heads(trigger):
            path = _path_up(root, head)
            if path is None:
                continue
            ok, near = _score_path(path, root)
            if not ok and weight == 3.0:
                # a place on the subject or object ("rebels in Syria attacked")
                for argument in _arguments(head):
                    sub = _path_up(root, argument)
                    has_prep = sub is not None and any(n.dep_ == "prep" and n.lower_ not in WEAK_PREPS for n in sub)
                    if has_prep and _score_path(sub, root)[0] and argument.i != root.i:
                        ok, near, weight = True, _score_path(sub, root)[1], 2.0
                        break
            if ok:
                prep = next((n for n in reversed(path) if n.dep_ == "prep" and not _transparent(n)), None)
                if prep is not None and prep.lower_ in WEAK_PREPS:
                    weight -= 0.5
                candidate = Attachment(toponym, weight, _rank(path), near)
                if best is None or candidate.strength > best.strength:
                    best = candidate
        if best is not None:
            found.append(best)
    return sorted(found, key=lambda a: (-a.strength, a.rank, a.toponym.start))


def geo_precision(attachment_near: bool, toponym: Toponym) -> int:
    """ACLED's geo precision: 1 the town itself, 2 near a town, 3 a region or country."""
    place = toponym.place
    if place is not None and place.kind in REGION_KINDS:
        return 3
    if place is not None and place.kind in ("admin2", "other"):
        return 2
    return 2 if attachment_near else 1
