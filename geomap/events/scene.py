"""Which named places cannot be where an event happened, and which of nested ones is.

Rules on the wording around a candidate place and the trigger, used by location.py:
a place in a clause of its own ("officials said fighting in X ..."), the place a later
act sends someone to ("... and handed him over to X"), a victim's hometown ("Torres, 18,
of Atlanta"), a person in a victim's slot ("police arrested Nyala") and a people's
adjective ("the Jewish settlement") are not the scene. Of places nested in one phrase
("the Kafr Souseh area of Damascus"), the finest is where it happened.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from geomap.events.candidates import PLACE_NOUNS, Candidate

NEAR_WORDS = frozenset({"near", "outside", "outskirts", "around", "north", "south", "east", "west",
                        "northeast", "northwest", "southeast", "southwest", "km", "kilometres", "kilometers",
                        "miles", "close", "vicinity", "area", "near-by", "nearby"})
CLAUSE_ARCS = frozenset({"ccomp", "csubj", "advcl", "relcl", "acl", "xcomp", "parataxis", "pcomp", "conj"})
TEMPORAL_MARKS = frozenset({"when", "while", "as", "after", "before", "during", "whilst", "once", "until"})
PERSON_PATIENT_VERBS = frozenset({"kill", "shoot", "wound", "injure", "murder", "arrest", "kidnap", "abduct",
                                  "detain", "execute", "stab", "behead", "assassinate", "torture", "rape",
                                  "lynch", "hang", "imprison", "jail", "beat"})
GOAL_PREPS = frozenset({"to", "into", "toward", "towards", "onto"})
ORIGIN_NOUNS = frozenset({"resident", "native", "citizen", "national", "man", "woman", "boy", "girl", "son",
                          "daughter", "family", "student", "people", "person"})
GRANULARITY = {"city": 1.0, "other": 1.0, "admin2": 2.0, "water": 2.0, "landform": 2.0, "admin1": 3.0,
               "region": 3.0, "country": 4.0, "continent": 5.0}


def names_people(span: SpacySpan) -> bool:
    """An adjective the model reads as a nationality or a faith: "the Jewish
    settlement" (a gazetteer may know a province of that name, but here it says who
    lives there, not where)."""
    root = span.root
    return root.ent_type_ == "NORP" and root.pos_ == "ADJ" and all(t.ent_type_ == "NORP" for t in span)


def in_other_clause(root: Token, trigger: Token) -> bool:
    """Whether a place lies in a clause of its own that the trigger is not part of: the
    content of another predicate ("officials say fighting in X continues"), or a
    clause nested in a clause ("the man who said he had lived in X"). That clause
    sets the scene of its own verb; a place in it says nothing of where the trigger
    happened."""
    head = common_head(root, trigger)
    if head is None:
        return False
    clauses, node = [], root
    while node.i != head.i:
        if node.dep_ in CLAUSE_ARCS and node.pos_ in ("VERB", "AUX") and not _same_episode(node):
            clauses.append(node.dep_)
        node = node.head
    return "ccomp" in clauses or "csubj" in clauses or len(clauses) >= 2


def _up_to_common_head(root: Token, trigger: Token) -> list[Token]:
    """The words from a place up to where its phrase meets the trigger's."""
    head = common_head(root, trigger)
    path, node = [], root
    while head is not None and node.i != head.i:
        path.append(node)
        node = node.head
    return path


def goal_of_another_act(root: Token, trigger: Token) -> bool:
    """"captured ... and handed over to the United States": the place a later act
    sends someone to, not where the trigger's event happened. (The goal of an
    earlier move sets the scene: "gunmen walked into a bar in X and opened fire".)"""
    return any(n.dep_ == "prep" and n.lower_ in GOAL_PREPS and n.head.pos_ == "VERB" and n.head.i > trigger.i
               and n.head.dep_ == "conj" for n in _up_to_common_head(root, trigger))


def victim_of(root: Token, trigger: Token) -> bool:
    """"Foley was shot", "police arrested Ocalan": what these verbs act on is a person,
    so a name in that slot names the victim, whatever a gazetteer holds under it."""
    return root.head.i == trigger.i and root.dep_ in ("dobj", "nsubjpass") and \
        trigger.lemma_.lower() in PERSON_PATIENT_VERBS


def origin_of_a_person(root: Token) -> bool:
    """"Torres, 18, of Atlanta", "a resident of X": where a person is from."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("of", "from") or prep.head.i == prep.i:
        return False
    owner = prep.head
    if owner.dep_ not in ("nsubj", "nsubjpass", "appos"):
        return False  # "an attack on residents of X" is at X
    return owner.ent_type_ == "PERSON" or owner.lemma_.lower() in ORIGIN_NOUNS


def _same_episode(verb: Token) -> bool:
    """A clause that goes on telling the same episode: coordinated ("and wounded
    four in X") or temporal ("when their car hit a mine in X")."""
    if verb.dep_ == "conj":
        return True
    return verb.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in TEMPORAL_MARKS
                                         for c in verb.children)


def _granularity(candidate: Candidate) -> float | None:
    """How big a place is, or None if unknown. Gazetteers hold the big places, so an
    unknown name that the wording gives to a place word ("the Kafr Souseh area") is
    most likely a small one (a village, a quarter)."""
    place = candidate.toponym.place
    if place is not None:
        return GRANULARITY.get(place.kind, 1.0)
    root = candidate.span.root
    names_place_word = root.dep_ in ("compound", "nmod") and root.head.lemma_.lower() in PLACE_NOUNS
    return 0.5 if names_place_word or _after_place_word(root) else None


def _after_place_word(root: Token) -> bool:
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PLACE_NOUNS


def _reference_point(root: Token, head: Token) -> bool:
    """"near Farah", "35 km north of Baghdad": a place given to measure from, which
    says nothing of which place contains the other."""
    node = root
    while node.i != head.i and node.head.i != node.i:
        node = node.head
        if node.lower_ in NEAR_WORDS or node.lower_ in ("from", "of") and node.head.lower_ in NEAR_WORDS:
            return True
    return False


def common_head(a: Token, b: Token) -> Token | None:
    above = {a.i: a}
    node = a
    while node.head.i != node.i:
        node = node.head
        above[node.i] = node
    node = b
    while node.i not in above and node.head.i != node.i:
        node = node.head
    return above.get(node.i)


def finer_in_phrase(best: Candidate, peers: list[Candidate]) -> Candidate | None:
    """Of places named in one noun phrase ("the West Bank city of Nablus", "the Kafr
    Souseh area of Damascus", "attacks on the Alhoula area in rural Homs"), the event
    is reported at the finest one: the others only say where that one lies."""
    chosen, size = None, _granularity(best)
    if size is None:
        return None
    for peer in peers:
        head = common_head(best.span.root, peer.span.root)
        peer_size = _granularity(peer)
        if head is None or head.pos_ not in ("NOUN", "PROPN") or peer_size is None or peer_size >= size:
            continue
        if _reference_point(peer.span.root, head) or _reference_point(best.span.root, head):
            continue
        chosen, size = peer, peer_size
    return chosen
