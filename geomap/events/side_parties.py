"""Places that name a party to a side fact, not a scene.

Split from side_facts.py to keep each module small; `a_side_fact` there calls these.
"""

from __future__ import annotations

from spacy.tokens import Token

# verbs of handing someone or something over: "to X" names who receives, and "handed to
# Kenyan police" or "turned over to Sudan" says nothing of where
HANDOVER_LEMMAS = frozenset({"hand", "turn", "surrender", "give"})
# a handover needs its particle unless the verb is one of handing itself
PARTICLE_FREE = frozenset({"hand", "surrender"})
# arcs from a place name up to the noun of the party it qualifies ("U.S. forces")
QUALIFIER_ARCS = frozenset({"compound", "amod", "nmod", "poss"})


def recipient_of_a_handover(root: Token, trigger: Token) -> bool:
    """"was seized and handed over to Kharkiv police", "handed the suspects to
    Armenia", "turned him over to Sudanese troops": the party that receives in a
    handover is named, not where it happened, whether that is the trigger or a
    further step of it."""
    party = root
    while party.dep_ in QUALIFIER_ARCS and party.head.i != party.i:
        party = party.head
    prep = party.head
    if party.dep_ != "pobj" or prep.lower_ != "to" or prep.dep_ != "prep":
        return False
    verb = prep.head
    if verb.i == root.i or verb.pos_ != "VERB" or verb.lemma_.lower() not in HANDOVER_LEMMAS:
        return False
    over = any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children)
    return over or verb.lemma_.lower() in PARTICLE_FREE and trigger.i <= verb.i
