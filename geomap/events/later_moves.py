"""Places of a participant's move told around the event, not the event's scene.

"Villagers fled to Nyala after gunmen torched their homes", "families who escaped the
shelling arrived in Kharkiv": where people fled to or arrived is where they went once
the event had driven them off. "Protesters who had marched in Omdurman were later
detained at home": where they had been before is another episode. Neither is where the
event was. Used by other_episodes.py.
"""

from __future__ import annotations

from spacy.tokens import Token

from geomap.events.parse_paths import path_up

# verbs of getting away to somewhere: their goal is the refuge, reached afterwards
FLIGHT_LEMMAS = frozenset({"flee", "escape", "cross", "arrive", "return"})
# prepositions that name where a flight ends ("arrived in X" as well as "fled to X")
REFUGE_PREPS = frozenset({"to", "into", "towards", "toward", "in"})
# arcs by which the event hangs below the flight as its cause or its people's past:
# "fled ... after gunmen torched", "families who escaped the shelling arrived";
# never "crossed into X and attacked", where the crossing leads into the event
CAUSE_ARCS = frozenset({"advcl", "nsubj", "nsubjpass"})
# prepositions that put the event before the flight: "fled to X after fighting erupted"
CAUSE_PREPS = frozenset({"after", "following"})


def refuge_of_a_flight(root: Token, trigger: Token) -> bool:
    """Whether `root` is the goal of a flight that the trigger's event drove people
    to: a place on "fled to", "crossed into" or "arrived in", with the event below that
    verb in a clause telling why or before (not the flight itself, nor a step after it)."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in REFUGE_PREPS:
        return False  # most candidates end here
    verb = prep.head
    if verb.i == trigger.i or verb.pos_ != "VERB" or verb.lemma_.lower() not in FLIGHT_LEMMAS:
        return False
    if prep.lower_ == "in" and verb.lemma_.lower() != "arrive":
        return False  # "fled in panic", "crossed in boats": not the goal
    path = path_up(trigger, verb)
    # "arrived in Kharkiv to oversee the assault": a purpose is carried out at the goal
    if path is None:
        return False
    top = path[-1]
    return top.dep_ in CAUSE_ARCS and top.tag_ != "VB" or top.dep_ == "prep" and top.lower_ in CAUSE_PREPS


# participant roles a relative clause can tell the past of
PARTICIPANT_ARCS = frozenset({"nsubj", "nsubjpass", "dobj"})


def participants_earlier_place(root: Token, trigger: Token) -> bool:
    """"Protesters who had marched through Omdurman were later detained at their homes":
    a place in a pluperfect relative clause on the event's participant tells where he
    had been before, when the event is set apart from it by "later" or by a place
    phrase of its own."""
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    verb = prep.head
    if verb.dep_ != "relcl" or verb.head.dep_ not in PARTICIPANT_ARCS or verb.head.head.i != trigger.i:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children):
        return False
    return any(c.dep_ == "advmod" and c.lower_ == "later" or
               c.dep_ == "prep" and c.lower_ in ("at", "in", "inside") for c in trigger.children)

