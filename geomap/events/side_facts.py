"""Places that belong to a fact a sentence tells beside its event.

News sentences pack a person's or a unit's story around the event they report:
what happened to the victim later ("was captured in 2019 and later jailed in X",
"shot in the chest and died at a hospital in X"), where a unit is based ("a brigade
based in X patrols ..."), what the event led to (", causing panic in X"). The place
of such a side fact is not where the trigger's event happened; the sentence may name
no place for the event at all. Used by location.py's `_ruled_out`, beside the scene
rules of scene.py and the sense rules of senses.py.
"""

from __future__ import annotations

from spacy.tokens import Token

from geomap.events.scene import common_head

# what happens to someone after the event: custody, transfer, sentence, death ("try" and
# "escape" are left out: "shot as he tried to flee", "gunmen escaped on a motorbike"
# tell the event itself)
AFTERMATH_LEMMAS = frozenset({
    "hold", "imprison", "jail", "incarcerate", "intern", "deport", "send", "transfer", "extradite",
    "escort", "tow", "sentence", "convict", "spend", "die", "treat", "hospitalize", "hospitalise", "bury",
    "execute", "release", "free", "serve",
})
# "troops based in X": where a unit lives, not where it acts ("stationed in X" is
# where it is, which often is where it acts)
HOME_VERBS = frozenset({"base", "headquarter"})
HOME_NOUNS = frozenset({"base", "bases", "headquarters", "garrison", "garrisons"})
# participles that tell what an event led to: "..., causing panic in X", "..., echoing
# the raids of 2014 in X"; "sparking protests in X" is left out: such protests are
# mostly where the event was
EFFECT_LEMMAS = frozenset({"cause", "trigger", "lead", "echo", "show", "uncover", "raise", "hamper", "reveal",
                           "revive", "recall", "mirror", "fuel", "deepen", "threaten", "jeopardize",
                           "jeopardise", "undermine", "complicate"})
# arcs that tell a further step of the trigger's clause ("... and jailed", "..., before
# dying", "is believed to be held"); not "the rebel-held town", which says who holds it
LINK_ARCS = frozenset({"conj", "advcl", "xcomp"})


def a_side_fact(root: Token, trigger: Token) -> bool:
    """Whether the place headed by `root` belongs to a side fact, not to the event."""
    return later_stage(root, trigger) or home_of_a_unit(root, trigger) or effect_of_the_event(root, trigger)


def later_stage(root: Token, trigger: Token) -> bool:
    """"was captured in May and held in a camp near Izium", "was shot and later died
    at a Kharkiv hospital", "was seized, then sent to Nairobi": a verb told after the
    trigger that keeps, moves, sentences or buries the victim says where that later stage
    happened; the place on it is not the event's."""
    head = common_head(root, trigger)
    if head is None or head.i == root.i:
        return False
    node = root
    while node.i != head.i:
        if node.pos_ in ("VERB", "AUX") and node.i > trigger.i and node.dep_ in LINK_ARCS and \
                node.lemma_.lower() in AFTERMATH_LEMMAS and (node.dep_ != "conj" or _coordinated(node)):
            return True
        node = node.head
    return False


def _coordinated(verb: Token) -> bool:
    """"... and held", "..., then flown": a conjoined verb the wording joins with a
    conjunction; not a participle the parse took for one ("the army-held town")."""
    left = verb.left_edge.i
    return left > 0 and verb.doc[left - 1].lower_ in ("and", "then", "or", "but", ",")


def home_of_a_unit(root: Token, trigger: Token) -> bool:
    """"a regiment based in Kharkiv still patrols the border", "jets that have their
    bases in Sudan fly over Darfur", "the planes patrolling the zone are based in
    Yerevan": the place a unit is based at describes the unit; where it acted is said
    elsewhere, or not at all."""
    while root.dep_ == "conj" and root.head.i != root.i:  # "based in Khartoum and Nyala"
        root = root.head
    head = common_head(root, trigger)
    if head is None or root.dep_ != "pobj" or root.head.lower_ not in ("in", "at"):
        return False
    holder = root.head.head
    if holder.i == trigger.i:
        return False
    if holder.pos_ == "VERB" and holder.lemma_.lower() in HOME_VERBS and holder.tag_ == "VBN":
        if holder.i == head.i:  # the trigger only describes the unit: "planes patrolling ... are based in"
            return _under_subject(trigger, holder)
        return holder.dep_ in ("acl", "relcl", "advcl", "amod")
    if holder.i == head.i:
        return False
    if holder.lemma_.lower() == "have" and holder.dep_ == "relcl":
        return any(c.dep_ == "dobj" and c.lower_ in HOME_NOUNS for c in holder.children)
    return holder.lower_ in HOME_NOUNS and holder.dep_ in ("dobj", "attr") and holder.head.dep_ == "relcl"


def _under_subject(word: Token, verb: Token) -> bool:
    """Whether `word` lies inside the subject of `verb`."""
    return any(word.i in range(c.left_edge.i, c.right_edge.i + 1)
               for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))


def effect_of_the_event(root: Token, trigger: Token) -> bool:
    """"the blast shook the town, causing panic in Kharkiv's markets", "the raid
    failed, echoing a botched rescue in Nyala": a participle that tells what the
    event led to or recalled names the place of that effect, not of the event."""
    head = common_head(root, trigger)
    if head is None:
        return False
    node = root
    while node.i != head.i:
        if node.dep_ == "advcl" and node.tag_ == "VBG" and node.i > trigger.i and \
                node.lemma_.lower() in EFFECT_LEMMAS:
            return True
        node = node.head
    return False
