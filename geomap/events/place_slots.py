"""Wordings that put a proper name where a place goes, beyond a locative preposition.

Split from name_roles.py. Each rule reads the words around a name ("en route to X",
"the residents of X") and says the name stands for ground, whatever label the model
gave it: rare town names come out as PERSON or ORG as often as GPE.
"""

from __future__ import annotations

from spacy.tokens import Token

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
