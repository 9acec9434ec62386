"""Capitalised words that name no place, whatever a gazetteer or the model makes of them.

Split from name_roles.py: those rules weigh a name's position; these look at the name
itself (a clock time, an event, a name for a group) and hold wherever it stands, so
candidates.py applies them to every source of candidates alike.
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from geomap.records import Place

# clock times and time zones: "at 9 A.M.", "at 14:00 GMT"
CLOCK_WORDS = frozenset({
    "am", "pm", "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "cet", "cest",
    "eet", "eest", "bst", "msk",
})
# last words of names of happenings: "the Border War", "the Harvest Festival", "the Spring Open"
EVENT_WORDS = frozenset({
    "war", "wars", "parade", "festival", "olympics", "games", "cup", "open", "classic", "championship",
    "championships", "tournament", "summit", "conference", "congress", "convention", "marathon",
    "uprising", "intifada", "revolution",
})
# participles after a hyphen that do not end in "-ed": "a U.N.-run jail", "Kyiv-held"
HYPHEN_PARTICIPLES = frozenset({"run", "held", "led", "built", "born", "style", "type", "era", "majority"})
# faiths and sects: a name led by one names a community or movement
FAITH_WORDS = frozenset({
    "sunni", "shiite", "shi'ite", "shia", "shi'a", "shi'i", "hindu", "muslim", "moslem", "christian",
    "jewish", "catholic", "protestant", "buddhist", "druze", "alawite", "sikh", "coptic", "yazidi",
    "islamic", "islamist", "maronite", "ismaili", "sufi", "salafi", "wahhabi",
})
# words for a polity or a movement a faith word may lead: "the Islamic Caliphate", "the Sufi League"
POLITY_WORDS = frozenset({
    "state", "republic", "emirate", "caliphate", "front", "movement", "party", "army", "brotherhood",
    "jihad", "court", "courts", "council", "union", "league", "alliance", "group",
})
# a word for a body of people that is also ground: "the Tarvik Bank" may be a region
GROUND_BODY_WORDS = frozenset({"bank"})
# verbs whose object is most often a person: "captured Okafor in Nyala"
CAPTURE_VERBS = frozenset({"capture", "arrest", "kidnap", "abduct", "detain", "apprehend", "nab", "catch"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})
SMALL_PLACE = 10_000
POSSESSIVE_ENDINGS = frozenset({"'s", "’s", "'", "’"})


def _without_possessive(span: SpacySpan) -> SpacySpan:
    """"the Ruvara Guards’s": the name without the owner's mark the entity took in."""
    if len(span) > 1 and span[-1].text in POSSESSIVE_ENDINGS:
        return span[:-1]
    return span


def last_name_word(span: SpacySpan) -> Token:
    """The last word of a name, not counting a possessive ending."""
    return _without_possessive(span)[-1]


def is_clock_time(span: SpacySpan) -> bool:
    """"at 9 A.M.", "at 0600 GMT": a capitalised abbreviation of a time of day or a time
    zone follows "at" as a place does, and a gazetteer may even hold a town spelt so."""
    return span.text.lower().replace(".", "").strip() in CLOCK_WORDS


def names_a_time_zone(span: SpacySpan) -> bool:
    """"at 4:15 a.m. (Kharkiv time)": a town followed by "time" tells the clock the hour is
    read by, not where anything happened ("a Kharkiv time bomb" is a thing's name)."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ != "time":
        return False
    return span.end + 1 >= len(doc) or doc[span.end + 1].pos_ not in ("NOUN", "PROPN")


def names_an_event(span: SpacySpan) -> bool:
    """"the 1948 Border War", "the Harvest Festival", "the Spring Open": a name ending in a
    word for a happening names when and what, never where, though "in" and "at" come
    before it as before a place."""
    last = last_name_word(span)
    return last.text[:1].isupper() and last.lower_ in EVENT_WORDS


def describes_by_hyphen(span: SpacySpan) -> bool:
    """"a U.N.-run clinic", "Sufi- dominated districts": a name joined by a hyphen to a
    participle tells who runs or fills the place that follows, it is not that place."""
    word = last_name_word(span)
    last = word.text
    if last.endswith("-") and len(last) > 1:
        return True
    if _split_hyphen_tail(word):
        return True
    stem, hyphen, tail = last.rpartition("-")
    if not hyphen or not stem or not tail.isalpha() or not tail.islower():
        return False
    return tail.endswith("ed") or tail in HYPHEN_PARTICIPLES


def _split_hyphen_tail(word: Token) -> bool:
    """"a Sudan-run clinic" where the tokenizer split the hyphen off: the name, the hyphen and
    a participle written together, with no space between them."""
    doc, i = word.doc, word.i
    if i + 2 >= len(doc) or word.whitespace_ or doc[i + 1].text != "-" or doc[i + 1].whitespace_:
        return False
    tail = doc[i + 2].text
    return tail.isalpha() and tail.islower() and (tail.endswith("ed") or tail in HYPHEN_PARTICIPLES)


def names_a_faith_group(span: SpacySpan) -> bool:
    """"the Islamic Caliphate", "Sufi-", "the Druze neighbourhoods": a faith word alone, or
    before a word for a polity or a body ("Caliphate", "League"), names a community or a
    movement, not ground; before a place's own name ("Buddhist Kenya") it only describes
    that place, and the name is kept."""
    first = next((word for word in span if word.text[:1].isupper()), None)
    if first is None or first.lower_.replace("’", "'").rstrip("-") not in FAITH_WORDS:
        return False
    rest = span.doc[first.i + 1:span.end]
    return not len(rest) or last_name_word(rest).lower_ in POLITY_WORDS or _polity_of_a_place(rest)


def _polity_of_a_place(rest: SpacySpan) -> bool:
    """"the Islamic State of Korvania", "the Islamic Emirate of the Hills": a faith word and a
    word for a polity, then "of" and a place, name a movement that claims the place, not
    the place; a republic so named ("the Islamic Republic of ...") is a country, kept."""
    return len(rest) >= 2 and rest[0].lower_ in POLITY_WORDS and rest[0].lower_ != "republic" and \
        rest[1].lower_ == "of"


def captive_placed_elsewhere(span: SpacySpan, place: Place | None) -> bool:
    """"Police captured Okafor in Nyala", "Okafor was arrested at a cafe in Izium": who is
    captured or arrested is most often a person, and when the verb names where it happened
    in a phrase of its own, a name standing as what is captured is that person, whatever
    label the model gives it or whatever hamlet a gazetteer holds under it. A town big
    enough to be the news ("rebels captured Kharkiv in the east") stays a place."""
    root = span.root
    head = root.head
    if root.dep_ not in ("dobj", "nsubjpass") or head.lemma_.lower() not in CAPTURE_VERBS:
        return False
    if root.ent_type_ in ("LOC", "FAC") or (place is not None and (place.population or 0) >= SMALL_PLACE):
        return False
    return any(_names_a_place_nearby(child) for child in head.children)


def captive_unknown_to_gazetteer(span: SpacySpan, place: Place | None) -> bool:
    """"Villagers captured Okafor on Saturday", "Okafor was not captured": what is captured or
    arrested is most often a person; a name there that no gazetteer holds, and that is not
    itself said to lie somewhere ("captured Marivka in Darfur"), is that person,
    though the model, meeting a rare name, may call it a town. A name the gazetteer knows
    is left to `captive_placed_elsewhere`."""
    root = span.root
    if place is not None or root.dep_ not in ("dobj", "nsubjpass") or root.ent_type_ in ("LOC", "FAC"):
        return False
    if any(child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS for child in root.children):
        return False  # "captured Marivka in Darfur": said to lie somewhere, it is ground
    return root.head.lemma_.lower() in CAPTURE_VERBS


def _names_a_place_nearby(child: Token) -> bool:
    """A locative phrase on the verb holding a name the model reads as a place: "in Nyala",
    "in the town of Izium"; "in the 1967 war" or "in May" tell when, not where."""
    if child.dep_ != "prep" or child.lower_ not in LOCATIVE_PREPS:
        return False
    return any(word.ent_type_ in ("GPE", "LOC", "FAC") for word in child.subtree)


def followed_by_its_abbreviation(span: SpacySpan) -> bool:
    """"Zarvan Dawn (ZD) claimed the attack": a name written out and then abbreviated in
    brackets is most often a group's; a town's name is rarely abbreviated so. Used only
    for names the gazetteer does not hold."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != "(" or doc[span.end + 2].text != ")":
        return False
    letters = doc[span.end + 1].text.replace(".", "")
    return letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 6


def acronym_of_a_body(span: SpacySpan) -> bool:
    """"outside the offices of the KRF", "a ZNP rally": a single word of capitals the model
    reads as an organisation is a body's initials. Towns are written in capitals only in
    datelines, where the gazetteer knows them, so this holds for names found by position alone."""
    if len(span) != 1 or span.root.ent_type_ != "ORG":
        return False
    letters = [char for char in span.text if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


# a maker's model or a unit's code: letters, an optional hyphen, digits ("Tu-95", "Yak-52s", "BTR-80A")
_DESIGNATION = re.compile(r"[A-Z][A-Za-z]*-?[0-9]+[A-Za-z]*")


def names_a_model(span: SpacySpan, place_nouns: frozenset[str]) -> bool:
    """"three Tu-95s were lost", "backed by Tu-22 jets": letters run into digits name a model
    of machine. Such a code names ground only as the name of a place noun ("the M9
    highway", "the T-6 airbase") or after a locative preposition ("in sector G-7")."""
    root = span.root
    if len(span) != 1 or not _DESIGNATION.fullmatch(span.text) or root.dep_ == "pobj":
        return False
    return root.head.lower_ not in place_nouns and root.head.lemma_.lower() not in place_nouns
