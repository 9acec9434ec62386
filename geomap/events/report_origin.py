"""Where a report came from, as opposed to where its event happened.

"told Xinhua in Baghdad", "a spokesman in Kharkiv said", "reports from Vilnius": a
place on the verb of saying or on the source's noun says where the claim was made.
Used by location.py to keep such places out of an event's scene.
"""

from __future__ import annotations

from spacy.tokens import Token

from geomap.events.claims import REPORTING_LEMMAS

# nouns whose place says where a report came from, not where the event happened
SOURCE_NOUNS = frozenset({"report", "reports", "statement", "spokesman", "spokeswoman", "spokesperson",
                          "correspondent", "reporter", "reporters", "news", "agency", "newspaper", "source",
                          "sources", "told", "interview", "conference", "briefing"})


def reporting_verb(token: Token) -> bool:
    """A verb of saying ("said", "told", "reported"), but not "claimed N lives"."""
    return token.lemma_.lower() in REPORTING_LEMMAS and token.pos_ in ("VERB", "AUX") and not _takes_lives(token)


def _takes_lives(verb: Token) -> bool:
    """"the blasts in X claimed 37 lives": "claim" with lives as its object tells
    the deaths themselves, not a claim made by someone."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in ("life", "lives") for c in verb.children)


def in_source_context(root: Token, trigger: Token) -> bool:
    """"told Xinhua in Baghdad", "reports from Vilnius": where a claim came from. Not
    a place reached through the trigger first ("a bomb detonated in X, said the
    source"): that one is on the event's own phrase."""
    node = root
    for _ in range(6):
        if node.head.i == node.i or node.i == trigger.i:
            return False
        arc, node = node.dep_, node.head
        if reporting_verb(node) or _source_noun(node) and not (arc == "prep" and _acted_on(node, trigger)):
            return arc not in ("ccomp", "conj", "advcl", "parataxis", "xcomp")
        if arc in ("ccomp", "advcl", "relcl", "parataxis"):
            return False
    return False


def _source_noun(token: Token) -> bool:
    """"a spokesman in X", "told reporters in X": who passes a claim on. The verb
    "interview" ("waiting to interview prisoners in X") tells an act, not a source."""
    return token.lemma_.lower() in SOURCE_NOUNS and (token.pos_ in ("NOUN", "PROPN") or token.lower_ == "told")


def _acted_on(noun: Token, trigger: Token) -> bool:
    """"a bomb destroyed a travel agency in X", "gunmen attacked reporters in X": a
    source noun that the event itself acts on is its target, and a place phrase on
    it says where the target was, not where a claim came from."""
    return noun.head.i == trigger.i and noun.dep_ in ("dobj", "nsubjpass")
