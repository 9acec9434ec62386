"""Places a sentence sets as an event's scene in words the parse leaves loose.

Used by location.py's lower tiers. "killed during the raid on Izium", "as he led an
assault on Donetsk" name the ground an attack fell on, which is where its victims
fell, though "on" alone ("an agreement on X") names no scene; a place told after an
aside on who the actors are ("raiders thought to be deserters late on Friday in X")
goes on telling the event, as does a clause on the missile or bomb that is the
trigger's subject ("the missile that hit a depot on the edge of X killed six"); and a
toll "during the ambush" is where the ambush told before it was. A name the recogniser
cut short ("Nyala" of "Nyala Tembuk") is read through the proper noun it ends in, as
the whole name would be, and a name given to a place word ("villages known as X") as
that word. A town's own spell of violence ("in Nyala's latest wave of violence")
places the toll in it.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from geomap.events.candidates import Candidate
from geomap.events.name_roles import is_place_word, target_of_an_attack

TARGET_PREPS = frozenset({"on", "against"})
# a country or a region an attack is "on" is a war's enemy ("attacks on Yerevan's
# neighbour"), not a scene; a town or a position is
WIDE_KINDS = frozenset({"country", "admin1", "region", "continent"})
# clauses of the trigger that tell the same episode: "shot as he led an attack on X"
EPISODE_ARCS = frozenset({"advcl", "xcomp", "conj"})


def attack_target(candidate: Candidate, trigger: Token) -> bool:
    """"killed during the raid on Izium", "captured as he led an assault on Donetsk": a
    town after "on" or "against" on a word for an attack that the trigger's own clause
    tells is the ground the attack fell on, where its toll and captives were taken."""
    root = candidate.span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in TARGET_PREPS or not target_of_an_attack(prep):
        return False
    place = candidate.toponym.place
    if place is not None and place.kind in WIDE_KINDS:
        return False
    attack = prep.head
    verb = attack.head.head if attack.dep_ == "pobj" else attack.head
    if attack.dep_ not in ("pobj", "dobj") or verb.i == attack.i:
        return False
    return verb.i == trigger.i or (verb.dep_ in EPISODE_ARCS and verb.head.i == trigger.i)


# verbs of an aside on who someone is: "raiders thought to be deserters"
ASIDE_LEMMAS = frozenset({"suspect", "believe", "think", "say", "allege", "report", "presume", "claim"})
ASIDE_PREPS = frozenset({"in", "at", "near", "inside", "around", "on"})


def after_an_aside(root: Token) -> bool:
    """"shot by raiders thought to be deserters late on Friday in Izium": the parse hangs
    a place phrase told after an aside on who the actors are on that aside's "be",
    but who someone is thought to be has no scene; the phrase goes on telling
    the event."""
    root = _phrase_head(root)
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ASIDE_PREPS:
        return False
    be = prep.head
    if be.lemma_ != "be" or be.dep_ != "xcomp" or be.i == be.head.i:
        return False
    aside = be.head
    return aside.dep_ == "acl" and aside.lemma_.lower() in ASIDE_LEMMAS


NAME_ARCS = frozenset({"compound", "nmod", "amod", "conj", "pobj"})


def _phrase_head(root: Token) -> Token:
    """The noun a place name is the name of: "the village" of "the X village", "the
    villages of X"."""
    for _ in range(3):
        head = root.head
        if root.dep_ not in NAME_ARCS or head.i == root.i:
            break
        if root.dep_ == "pobj":
            if head.lower_ != "of" or head.head.i == head.i:
                break
            head = head.head
        root = head
    return root


# words for one violent happening that a later "the attack" can point back to
HAPPENING_NOUNS = frozenset({"attack", "bombing", "blast", "explosion", "ambush", "raid", "shooting", "assault",
                             "strike", "airstrike", "clash", "bombardment", "shelling"})
BACK_DETERMINERS = frozenset({"the", "this", "that"})
HAPPENING_PREPS = frozenset({"in", "at", "near", "outside", "inside", "on"})


def toll_of_a_told_attack(root: Token, trigger: Token) -> bool:
    """"the ambush took place outside Izium, ... noting that four guards had died during
    the ambush": "the ambush" points back to the happening told before, so the toll
    is where that happening was: the place on the verb whose subject is it."""
    root = _phrase_head(root)
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in HAPPENING_PREPS or prep.head.i >= trigger.i:
        return False
    verb = prep.head
    return verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in HAPPENING_NOUNS for c in verb.children) and \
        any(_points_back(c) for c in _toll_phrases(trigger))


def _toll_phrases(trigger: Token) -> list[Token]:
    """The nouns after "in" or "during" on the trigger or on the verb it is coordinated with."""
    verbs = [trigger] + list(trigger.conjuncts)
    return [o for v in verbs for p in v.children if p.dep_ == "prep" and p.lower_ in ("in", "during")
            for o in p.children if o.dep_ == "pobj"]


def _points_back(noun: Token) -> bool:
    """"the attack", "this blast": a definite happening with no place of its own."""
    return noun.lemma_.lower() in HAPPENING_NOUNS and \
        any(c.dep_ == "det" and c.lower_ in BACK_DETERMINERS for c in noun.children) and \
        not any(c.dep_ == "prep" for c in noun.children)


# what goes off or strikes: "the missile that hit a depot in X killed six"
STRIKING_NOUNS = frozenset({"bomb", "blast", "explosion", "attack", "shell", "rocket", "missile", "airstrike",
                            "strike", "mine", "grenade", "bomber", "device", "explosive"})
# what a bomb or an attack does where it strikes ("a bomb made in X" says nothing of where it struck)
GOING_OFF_LEMMAS = frozenset({"explode", "rip", "tear", "go", "hit", "strike", "detonate", "land", "fall",
                              "target", "destroy", "damage", "wreck", "rock", "blast", "kill", "wound"})
CLIMB = 10


def striker_clause(root: Token, trigger: Token) -> bool:
    """"The missile that hit a depot in Izium killed six": a relative clause on
    the bomb or the attack that is the trigger's subject tells where it went off,
    which is where its toll fell."""
    subject = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() not in STRIKING_NOUNS:
        return False
    node = root
    for _ in range(CLIMB):
        if node.head.i == node.i or node.i == trigger.i:
            return False
        if node.dep_ in ("relcl", "acl") and node.head.i == subject.i:
            return node.lemma_.lower() in GOING_OFF_LEMMAS
        node = node.head
    return False



# how far past a name cut short its head may stand: "Mazar-e-Sharif" splits in five
CUT_NAME_REACH = 4
# a compass word opens a place name of its own ("South Kharkiv"); it is no cut part
COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                           "central", "upper", "lower"})


def place_root(span: Span, trigger: Token) -> Token:
    """The word that stands where a candidate's place goes in the clause: the head of a
    name cut short, or the noun the trigger acts on that a name is given to ("took an
    area known as Izium")."""
    return known_as(span.root, trigger) or whole_name(span)


NAMING_LEMMAS = frozenset({"know", "call", "name", "dub"})


def known_as(root: Token, trigger: Token) -> Token | None:
    """"captured two villages known as Izium and Nyala", "seized them in an area known
    as X": a name given to a place word the trigger acts on, or on whose phrase it
    happens, stands where that word does, as "the village of X" would. A name given to
    a militia or a slogan is no place, nor is an area the trigger does not reach."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "as" or prep.head.lemma_ not in NAMING_LEMMAS:
        return None
    noun = prep.head.head
    if prep.head.dep_ != "acl" or not is_place_word(noun):
        return None
    reached = noun.head.i == trigger.i or noun.dep_ == "pobj" and noun.head.head.i == trigger.i
    return noun if reached else None


def whole_name(span: Span) -> Token:
    """The head of a place name the recogniser cut short: "in Nyala Tembuk", "took
    Izium-e-Varosh", where it kept only the first word, which the parse hangs as a compound
    on the proper noun the name ends in. That noun, not the cut part, stands where
    the place goes in the clause, so wording rules read it instead."""
    root = span.root
    head = root.head
    if root.dep_ != "compound" or head.pos_ != "PROPN" or root.pos_ != "PROPN" or \
            not span.end <= head.i < span.end + CUT_NAME_REACH:
        return root
    if root.lower_ in COMPASS_WORDS or head.dep_ == "compound":
        return root  # "South Kharkiv"; "the Izium Medical Centre hospital": a building's name
    doc = root.doc
    # the name runs on unbroken to its head: no other word, only proper nouns and hyphens
    joined = all(doc[i].pos_ == "PROPN" or doc[i].lower_ == "-" for i in range(span.end, head.i))
    return head if joined else root


# nouns for a spell of violence or a change of hands that a town's possessive places
TOWN_HAPPENING_NOUNS = frozenset({"liberation", "capture", "recapture", "fall", "siege", "violence", "fighting",
                                  "unrest", "bombardment", "shelling", "spasm", "wave", "battle", "clashes",
                                  "riots", "storming", "occupation"})


def town_happening(candidate: Candidate, trigger: Token) -> bool:
    """"killed during Izium's liberation", "shot in Nyala's latest wave of violence": a
    town that owns a spell of fighting told as the trigger's own phrase is where that
    fighting, and the toll in it, was. A country's war ("killed in X's war") spans a
    whole land and names no scene, so only finer places count."""
    root = candidate.span.root
    happening = root.head
    if root.dep_ != "poss" or happening.dep_ != "pobj" or happening.lemma_.lower() not in TOWN_HAPPENING_NOUNS:
        return False
    place = candidate.toponym.place
    return happening.head.head.i == trigger.i and (place is None or place.kind not in WIDE_KINDS)
