"""What a place the parse leaves off the trigger's phrase reads as.

A name the parse does not tie to the trigger may still stand as a scene ("in X",
"the X district", "shot down over X"), or it may name who acted ("US forces"), the
post a person holds ("their commander in X") or a modifier of a thing ("the 1994
border war"). location.py asks these before it takes such a name as the fallback
place of an event.
"""

from __future__ import annotations

from spacy.tokens import Token

from geomap.events.attachment_rules import (driven_out_from, entered_place, flown_over, ground_of_a_place_verb,
                                           names_a_part)
from geomap.events.candidates import PLACE_NOUNS
from geomap.events.nesting import rest_of_the_name
from geomap.events.ranking import names_place_word

PERSON_WORDS = frozenset({"man", "woman", "men", "women", "leader", "president", "minister", "commander",
                          "official", "officials", "citizen", "citizens", "national", "nationals", "resident",
                          "residents", "native", "people", "member", "members", "envoy", "ambassador"})
# people named by the post they hold somewhere: "the group's commander in X"
POST_NOUNS = frozenset({"leader", "commander", "chief", "governor", "emir", "head", "mayor", "deputy", "boss"})
# prepositions that put a loose name at the scene: "in X", "outside X", "the outskirts of X"
SCENE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "above", "into", "through",
                         "throughout", "off", "around", "within", "outskirts", "of"})


def names_an_actor(root: Token) -> bool:
    """"US forces", "Syria's president", "Hurndall of Britain": who, not where."""
    head = root.head
    if names_a_part(root) or ground_of_a_place_verb(root):
        return False
    if root.dep_ in ("compound", "amod", "poss", "nmod") and head.pos_ in ("NOUN", "PROPN"):
        return head.lower_ not in PLACE_NOUNS and head.lemma_.lower() not in PLACE_NOUNS
    if root.dep_ == "pobj" and head.lower_ == "of":
        owner = head.head
        return owner.ent_type_ in ("PERSON", "ORG", "NORP") or owner.lower_ in PERSON_WORDS
    return root.dep_ in ("nsubj",) and head.pos_ in ("VERB", "AUX")


def post_of_a_person(root: Token) -> bool:
    """"killed ten militants, including their commander in Izium": a place on a
    person's role says where that person holds the post; named nowhere on the
    event's own phrase, it is not the scene."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("in", "of", "for") or prep.head.i == prep.i:
        return False
    return prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in POST_NOUNS


def stands_as_place(root: Token) -> bool:
    """Whether a place the parse leaves unattached still reads as a scene: "in X",
    "near X", "the X district", "a west X field" (the parse may read the name as an
    adjective), "shot down over X", "when police raided X", not "from X", "by X"."""
    if root.dep_ == "conj" and root.head.i != root.i:
        return stands_as_place(root.head)
    if root.dep_ == "pobj":
        return root.head.lower_ in SCENE_PREPS or names_place_word(root.head) or flown_over(root) or \
            driven_out_from(root.head)
    if root.dep_ == "dobj":
        return entered_place(root)
    if names_a_part(root) or ground_of_a_place_verb(root):
        return True
    return root.dep_ in ("compound", "nmod", "appos", "amod") and root.head.lemma_.lower() in PLACE_NOUNS


def modifies_a_thing(root: Token, trigger: Token) -> bool:
    """"the 1994 border war", "the US-led coalition": a name used as a modifier of a
    noun that is neither a place nor the event itself."""
    head = root.head
    if rest_of_the_name(root):
        return False
    return root.dep_ in ("compound", "amod", "nmod", "npadvmod") and head.i != trigger.i and \
        head.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and head.lemma_.lower() not in PLACE_NOUNS and \
        head.lower_ not in PLACE_NOUNS
