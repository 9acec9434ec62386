"""Who was captured, not where: a name in the captive's slot of a verb taking people or places.

"Police captured Velkor in Nyala" and "rebels captured Izium" use one verb for a person
and for a town. A name the gazetteer does not know, standing bare (no "the", no place
word of its own) in the object's slot, while a known place is named in a locative phrase
of the same sentence (and not as the one the name lies in: "captured Marivka in
Darfur"), is most likely the person taken there: that phrase, not the name,
says where the capture happened. Used by location.locate to drop such names before
ranking.
"""

from __future__ import annotations

from spacy.tokens import Token

from geomap.events.candidates import Candidate
from geomap.events.name_roles import is_place_word
from geomap.events.nesting import encloses

# verbs whose object may be a person as well as a place ("recapture" takes places only)
PERSON_OR_PLACE_VERBS = frozenset({"capture"})
CAPTIVE_ARCS = frozenset({"dobj", "nsubjpass"})
SCENE_PREPS = frozenset({"in", "at", "near"})
# last words of names of ground and strongholds ("Hamburger Hill", "Pork Chop Ridge")
GROUND_WORDS = frozenset({"ridge", "hill", "hills", "peak", "pass", "summit", "fort", "castle", "citadel",
                          "height", "heights", "point", "island", "islands", "bay", "cape"})


def _bare_name(candidate: Candidate) -> bool:
    """A proper name with no article and no place word of its own ("the Heartbreak
    Ridge" and "Tal Hill" name ground)."""
    span = candidate.span
    if any(t.dep_ == "det" for t in span.root.children):
        return False
    if span.start > 0 and span.doc[span.start - 1].lower_ == "the":
        return False
    return not any(is_place_word(t) or t.lower_ in GROUND_WORDS
                   for t in span)


def _in_scene_phrase(candidate: Candidate) -> bool:
    """A place the gazetteer knows, named after "in", "at" or "near", directly or as
    the name of what follows them ("in the southern city of Nyala", "in a remote part
    of Darfur")."""
    node = candidate.span.root
    if candidate.toponym.place is None:
        return False
    for _ in range(2):
        if node.dep_ != "pobj":
            return False
        if node.head.lower_ in SCENE_PREPS:
            return True
        if node.head.lower_ != "of":
            return False
        node = node.head.head
    return False


PERSON_PRONOUNS = frozenset({"he", "his", "him", "himself", "she", "her", "herself"})
# nouns for people a captive may be taken with: "X and two fellow soldiers", "X along with three men"
COMPANION_NOUNS = frozenset({"man", "men", "woman", "women", "member", "members", "soldier", "soldiers",
                             "associate", "associates", "aide", "aides", "accomplice", "accomplices", "bodyguard",
                             "bodyguards", "son", "sons", "brother", "brothers", "wife", "others", "fighter",
                             "fighters", "militant", "militants", "suspect", "suspects", "companion", "companions"})


def _told_as_a_person(root: Token) -> bool:
    """"Velkor was captured ... after his car was stopped", "captured Velkor along with
    two aides": a personal pronoun after the name, or people taken with it, say the
    name is a person's, whatever town a gazetteer lists under it."""
    pronoun = next((t for t in root.sent if t.i > root.i and t.lower_ in PERSON_PRONOUNS), None)
    if pronoun is not None and not any(t.ent_type_ == "PERSON" for t in root.doc[root.i + 1:pronoun.i]):
        return True  # no other person named between: the pronoun is the captive's
    companions = list(root.conjuncts) + [c for c in root.subtree if c.dep_ == "pobj" and c.head.lower_ == "with"]
    companions += [c for c in root.head.subtree if c.dep_ == "pobj" and c.head.lower_ == "with" and
                   c.head.head.lower_ == "along"]
    return any(c.lemma_.lower() in COMPANION_NOUNS or c.lower_ in COMPANION_NOUNS for c in companions)


def captive(candidate: Candidate, trigger: Token, others: list[Candidate]) -> bool:
    """Whether the name stands where the captured person goes ("captured Velkor in
    Nyala", "Velkor was captured at Izium"), while a known place says where."""
    root = candidate.span.root
    if trigger.lemma_.lower() not in PERSON_OR_PLACE_VERBS or root.head.i != trigger.i or \
            root.dep_ not in CAPTIVE_ARCS:
        return False
    if _told_as_a_person(root):
        return any(other is not candidate and not encloses(other, candidate) for other in others)
    if candidate.toponym.place is not None or not _bare_name(candidate):
        return False
    # "captured Marivka in Darfur" names the one inside the other: a town and its region
    return any(other is not candidate and _in_scene_phrase(other) and not encloses(other, candidate)
               for other in others)
