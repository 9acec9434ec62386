"""Wordings that put a proper name where a place goes, beyond a locative preposition.

Split from name_roles.py. Each rule reads the words around a name ("en route to X",
"the residents of X") and says the name stands for ground, whatever label the model
gave it: rare town names come out as PERSON or ORG as often as GPE.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from geomap.events.name_roles import is_place_word

# verbs and nouns of going somewhere: the name after their "to" is where they go
MOTION_WORDS = frozenset({
    "return", "travel", "march", "advance", "move", "flee", "head", "drive", "walk",
    "deploy", "redeploy", "retreat", "withdraw", "sail", "fly", "relocate", "evacuate", "route",
    "trip", "journey", "push", "convoy", "dispatch", "send", "transfer", "shift",
    "escape", "proceed", "rush", "arrive", "deliver", "expand", "extend", "spread",
})
# people and bodies that belong to a place: "the residents of X", "the local council of X"
DWELLER_NOUNS = frozenset({
    "resident", "residents", "inhabitant", "inhabitants", "villager", "villagers", "townspeople",
    "citizen", "citizens", "mayor", "council", "municipality", "population",
})

# nouns for a piece of settled or natural ground that a name before them names: "the Velmor
# colony", "Tarsk wharf"; kept apart from PLACE_NOUNS, which ranking reads too
LOCALITY_NOUNS = frozenset({
    "community", "communities", "colony", "section", "block", "islet", "isle", "islands", "wharf", "pier",
    "dock", "shantytown", "slum", "township", "waterway", "creek", "canyon", "gorge", "pass", "ridge",
    "bay", "gulf", "channel", "strait", "estuary", "delta", "marsh", "swamp", "forest", "jungle",
    "ward", "locality", "estate", "cantonment", "barracks", "garrison", "outpost", "penitentiary",
    "residence", "tower", "shrine", "school", "park", "depot", "corridor", "bastion",
})

# Arabic, Hebrew and Turkish words for a landform or a settlement that begin a place's name
# ("Jabal" mountain, "Tal" hill, "Wadi" valley, "Kafr" village, "Deir" monastery, "Jisr" bridge)
LANDFORM_LEADS = frozenset({
    "jabal", "jebel", "jabel", "tal", "tall", "tell", "tel", "talat", "wadi", "kafr", "kfar", "deir",
    "dayr", "jisr", "qasr", "beit", "bayt", "ras", "nahr", "mazraat", "mazra'at",
})

# verbs of taking ground, and who may hold ground: "captured X from the rebels"
TAKING_VERBS = frozenset({"capture", "recapture", "seize", "take", "retake", "wrest", "win", "regain"})
HOLDER_NOUNS = frozenset({
    "rebel", "rebels", "militant", "militants", "insurgent", "insurgents", "force", "forces", "army",
    "troops", "fighter", "fighters", "jihadist", "jihadists", "terrorist", "terrorists", "government",
    "regime", "militia", "militias", "guerrilla", "guerrillas", "separatist", "separatists", "brigade",
    "division", "group", "hands", "control",
})

# fighting over ground: "the battle for X", "the siege of X"
CONTEST_NOUNS = frozenset({"battle", "battles", "fight", "fighting", "struggle", "siege", "sieges"})

# participles that give a thing its name: "an area known as X", "a village called X"
NAMING_VERBS = frozenset({"know", "call", "name", "dub"})


def goal_of_motion(preposition: Token) -> bool:
    """"troops advanced to X", "aid delivered to X", "en route to X": what a movement goes
    to is a place; other "to"s ("said to X", "gave the keys to X") name people, so only
    a word of going counts."""
    if preposition.lower_ != "to":
        return False
    head = preposition.head
    return head.lemma_.lower() in MOTION_WORDS or head.lower_ in MOTION_WORDS


def belongs_to_a_place(preposition: Token) -> bool:
    """"the residents of X", "the local council of X": people and bodies said to be of a
    name that live in it or govern it name a town."""
    if preposition.lower_ != "of":
        return False
    head = preposition.head
    return head.pos_ == "NOUN" and (head.lower_ in DWELLER_NOUNS or head.lemma_.lower() in DWELLER_NOUNS)


def described_as_a_place(root: Token) -> bool:
    """"Velmora, a village near Izium", "Tarvosk, a strategic town": a name followed by an
    apposition whose noun is a kind of place is that place, whatever label the model
    gives the rare name; "Okafor, a camp commander" has a person's noun there."""
    return any(child.dep_ == "appos" and child.pos_ == "NOUN" and
               is_place_word(child) for child in root.children)


def names_a_locality(root: Token) -> bool:
    """"the Velmor colony", "at Tarsk wharf": a proper name before a lowercase noun for a
    piece of settled or natural ground names that ground, as before "town" or "district"."""
    head = root.head
    return root.dep_ in ("compound", "nmod") and head.pos_ == "NOUN" and head.text.islower() and \
        (head.lower_ in LOCALITY_NOUNS or head.lemma_.lower() in LOCALITY_NOUNS)


def contested_ground(preposition: Token) -> bool:
    """"the battle for Tarsk", "the fight for Velmor", "the siege of Brelovka": what a battle is
    fought for is ground, so a rare name there, whatever label the model gives it, is a town."""
    if preposition.lower_ not in ("for", "of"):
        return False
    head = preposition.head
    return head.pos_ == "NOUN" and head.text.islower() and head.lower_ in CONTEST_NOUNS


def name_given_to_a_place(root: Token) -> bool:
    """"an area known as Tel Varka", "a village called Tembrosk": the name that a noun for a
    kind of place is known or called by is that place's name."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "as":
        head = head.head
    elif root.dep_ not in ("oprd", "xcomp", "dobj"):
        return False
    if head.lemma_.lower() not in NAMING_VERBS or head.dep_ != "acl":
        return False
    noun = head.head
    return is_place_word(noun) or noun.lower_ in SPOT_NOUNS


# nouns for a spot of no given kind, which a name is then given to: "a place called X"
SPOT_NOUNS = frozenset({"place", "spot", "location", "site", "locality", "point"})


def owner_of_a_place_among_many(root: Token) -> bool:
    """"an Okafor camp", "two Ruvara Front bases": a name before a noun for a kind of place
    that an indefinite article or a number counts tells whose the place is, one of several,
    not which place it is; "the Velmor camp" names one."""
    if root.dep_ not in ("compound", "nmod", "amod"):
        return False
    return any((child.dep_ == "det" and child.lower_ in ("a", "an")) or child.dep_ == "nummod"
               for child in root.head.children)


def led_by_a_landform_word(span: Span) -> bool:
    """"Jabal Karsun", "Tal Vardeh", "Kafr Ostra": a name opened by the Arabic (or Hebrew,
    Turkish) word for a mountain, a hill, a valley or a village is a place's name, as
    "Mount X" or "Lake X" is, whatever label the model gives a rare one."""
    if len(span) < 2 or not span[0].text[:1].isupper():
        return False
    return span[0].lower_.replace("’", "'") in LANDFORM_LEADS and any(word.text[:1].isupper() for word in span[1:])


def taken_from_its_holders(root: Token) -> bool:
    """"troops captured Velmor from the rebels", "to seize Tarsk from government forces": what
    is taken from fighters or a government that held it is ground; a person is captured
    by someone, not from them."""
    head = root.head
    if root.dep_ == "conj":
        root, head = head, head.head  # "captured X and Y from the rebels"
    if root.dep_ != "dobj" or head.lemma_.lower() not in TAKING_VERBS:
        return False
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            holder = next((word for word in child.children if word.dep_ == "pobj"), None)
            if holder is not None and (holder.lower_ in HOLDER_NOUNS or holder.ent_type_ in ("ORG", "NORP")):
                return True
    return False


# compass words a place is told from: "X west of Y"
COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})


def told_from_another_place(root: Token) -> bool:
    """"the town of X west of Y": a name set before a compass word and its "of" is a place
    told by its bearing from another; the parse often hangs the name on the compass word
    as a modifier."""
    head = root.head
    return root.dep_ in ("compound", "nmod") and head.lower_ in COMPASS_WORDS and head.i == root.i + 1 and \
        any(child.dep_ == "prep" and child.lower_ == "of" for child in head.children)


# what may follow a name set off after a place word: the closing comma, the sentence end, a partner
_AFTER_APPOSED = frozenset({",", ".", ";", "and"})


def apposed_to_a_place_word(root: Token) -> bool:
    """"In another Nyala township, Velmora, troops patrolled", "two towns in the region,
    Velmora and Tarsk": a name set off by a comma right after a word for a kind of place
    is that place's name, by word order alone (the parse often hangs it elsewhere, and
    the model labels a rare name as a people or a person)."""
    if root.ent_type_ == "PERSON":
        return False  # "in the X neighbourhood, Ivan Petrenko, a spokesman, said": a person's aside
    doc, start = root.doc, root.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
        start -= 1
    if start < 2 or doc[start - 1].text != "," or root.i + 1 >= len(doc) or \
            doc[root.i + 1].lower_ not in _AFTER_APPOSED:
        return False
    word = doc[start - 2]
    return word.pos_ == "NOUN" and word.text.islower() and (is_place_word(word) or word.lower_ in LOCALITY_NOUNS)
