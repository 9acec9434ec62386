"""Spans that may name where an event happened.

An event's place is a proper name in the text ("Kharkiv", "the Zarichne district"), not
a common noun ("a crowded market"): a place an analyst can look up. Candidates come
from the geoparser's toponyms (resolved or not), from the model's place entities,
and from proper names the model mislabels or misses (many small towns come out as
PERSON or ORG) when the parse puts them where a place goes: after a locative
preposition ("clashes in Al-Zarichne") or as the name of a place noun ("the Tal
Warda hill", "the town of Kafr Nabl").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy
from spacy import symbols
from spacy.attrs import DEP, ENT_TYPE, HEAD, IS_TITLE, LOWER, POS
from spacy.parts_of_speech import IDS
from spacy.strings import hash_string
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from geomap.events.doc_memo import among
from geomap.events.name_roles import demonym_spans as _demonym_spans
from geomap.events.name_roles import (CALENDAR_WORDS, PLACE_NOUNS, is_place_word, abbreviation_in_brackets, after_a_title,
                                     aimed_at_someone, capitalised_place_modifier,
                                     describes_people_or_things, is_name_entity, named_after_its_of, named_as_a_place,
                                     names_a_body, no_proper_name, object_of_place_verb, part_of_a_place,
                                     person_in_argument, says_whose, target_of_an_attack)
from geomap.events.non_places import (FAITH_WORDS, GROUND_BODY_WORDS, acronym_of_a_body, captive_placed_elsewhere,
                                      captive_unknown_to_gazetteer, describes_by_hyphen,
                                      followed_by_its_abbreviation, is_clock_time, last_name_word, names_a_time_zone,
                                      names_a_faith_group, names_a_model, names_an_event)
from geomap.events.place_slots import (COMPASS_WORDS, apposed_to_a_place_word, belongs_to_a_place, contested_ground,
                                       described_as_a_place, goal_of_motion, led_by_a_landform_word,
                                       name_given_to_a_place,
                                       names_a_locality, owner_of_a_place_among_many, taken_from_its_holders,
                                       told_from_another_place)
from geomap.records import Place, Toponym

PROPN_ID = IDS["PROPN"]
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", ""})
# prepositions after which a proper name is most often a place
PLACE_PREPS = frozenset({
    "in", "at", "near", "outside", "inside", "into", "around", "across", "throughout", "within", "towards",
    "toward", "through", "along", "off", "outskirts", "nearby", "between", "from", "over",
})


@dataclass(frozen=True)
class Candidate:
    """A span that may name the event's place, with the toponym it stands for."""

    toponym: Toponym
    span: SpacySpan
    recognised: bool  # the geoparser or the model called it a place, not only its position


def _overlaps(span: SpacySpan, taken: list[tuple[int, int]]) -> bool:
    first, last = span.start, span.end  # Span attributes cost a call each: read once
    return any(first < end and start < last for start, end in taken)


def in_place_position(root: Token) -> bool:
    """Whether the parse puts a name where a place goes."""
    head = root.head
    if abbreviation_in_brackets(root):
        return False
    if root.dep_ in ("pobj",) and head.lower_ in PLACE_PREPS:
        return True
    if root.dep_ == "pobj" and goal_of_motion(head):
        return True  # "advanced to X", "en route to X"
    if root.dep_ == "pobj" and contested_ground(head):
        return True  # "the battle for X"
    if root.dep_ == "pobj" and belongs_to_a_place(head):
        return True  # "the residents of X"
    if root.dep_ == "pobj" and head.lower_ == "on" and target_of_an_attack(head):
        return True  # "an air strike on X", "shells fell on X"
    if object_of_place_verb(root) or taken_from_its_holders(root):
        return True  # "troops stormed X", "X was shelled", "seized X from the rebels"
    if root.dep_ == "pobj" and head.lower_ == "of" and (is_place_word(head.head) or part_of_a_place(head.head) or
                                                       _quarter_of_the_compass(head.head)):
        return True  # "the town of X", "the southern slope of X", "the villages to the north of X"
    if root.dep_ in ("compound", "nmod", "amod", "poss", "appos") and is_place_word(head):
        # "the X district", "X's Y camp", "the city, X"; not "the Commercial city of X"
        return not owner_of_a_place_among_many(root) and not (root.dep_ == "amod" and named_after_its_of(head))
    if name_given_to_a_place(root):
        return True  # "an area known as X"
    if names_a_locality(root):
        return not owner_of_a_place_among_many(root)  # "the X colony", "X wharf", not "an X colony"
    if described_as_a_place(root) or apposed_to_a_place_word(root):
        return True  # "Velmora, a village near Izium", "in another township, Velmora,"
    if told_from_another_place(root):
        return True  # "the town of X west of Y"
    if root.dep_ == "conj" and head.i != root.i and head.pos_ == "PROPN":
        return in_place_position(head)  # "in X and Y"
    return False


def _quarter_of_the_compass(word: Token) -> bool:
    """"(to) the north of X": a compass word with its article names a side of a place;
    bare ("west of X") it may measure from anything, a racetrack or a river."""
    return word.lower_ in COMPASS_WORDS and any(child.lower_ == "the" for child in word.children)


def _hyphened_tail(token: Token) -> bool:
    """"the village of Velmor-abad": a name's lower-case tail glued by a hyphen to its
    capitalised head is where the parse puts the whole name."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 2].whitespace_ and \
        not doc[token.i - 1].whitespace_ and doc[token.i - 2].text[:1].isupper()


def _name_span(doc: Doc, root: Token) -> SpacySpan | None:
    """The run of proper-noun tokens around `root` (hyphens and "al" inside names kept)."""
    if root.pos_ != "PROPN":
        return None
    start = end = root.i
    while start > 0:
        before = doc[start - 1]  # one Token per step: each doc[i] builds a new one
        if not ((before.pos_ == "PROPN" or before.text in ("-", "al")) and
                before.dep_ in ("compound", "punct", "amod", "nmod")):
            break
        start -= 1
    while end + 1 < len(doc) and _joins_name(doc[end + 1], root):
        end += 1
    while start < end and not doc[start].text[:1].isupper():
        start += 1
    while end > start and not doc[end].text[:1].isupper() and not _hyphened_tail(doc[end]):
        end -= 1
    return doc[start:end + 1]


def _joins_name(token: Token, root: Token) -> bool:
    """Whether `token`, right of `root`, goes on with its name: hung on it, or, where the
    parse lays a long name flat on the noun it names ("the Al-Kamianka Al-Sharqi hill":
    every word a compound of "hill"), a sibling word of the same run."""
    if token.pos_ != "PROPN" and token.text not in ("-", "al"):
        return False
    if token.head.i == root.i:
        return True
    return root.dep_ == "compound" and token.dep_ in ("compound", "punct") and token.head.i == root.head.i


def _names_a_people(span: SpacySpan, demonyms: list[tuple[int, int]]) -> bool:
    """"the stronghold of the Azeris", "shooting at Azeris": a name whose head word the
    geoparser knows as a people's name names those people, wherever the model puts it."""
    root = span.root.i  # Span.root walks the span: once, not once per demonym
    return any(start <= root < end for start, end in demonyms)


def _positional(doc: Doc, ents: Sequence[SpacySpan], taken: list[tuple[int, int]],
                demonyms: list[tuple[int, int]]) -> list[SpacySpan]:
    found: list[SpacySpan] = []
    for ent in ents:
        if is_name_entity(ent, demonyms) and not _overlaps(ent, taken) and not _names_a_people(ent, demonyms) and \
                ent.root.pos_ == "PROPN" and (in_place_position(ent.root) or _said_to_be_a_place(ent)):
            found.append(ent)
            taken.append((ent.start, ent.end))
    # only proper nouns can be names: look at those alone (the arrays avoid a Token per word)
    array = doc.to_array([POS, ENT_TYPE, LOWER, DEP, HEAD, IS_TITLE])
    for index in _name_heads(doc, ents, array):
        token = doc[index]
        if not token.text[:1].isupper() and not _hyphened_tail(token):
            continue
        span = _name_span(doc, token)
        if span is not None and not _overlaps(span, taken) and not _names_a_people(span, demonyms) and \
                (in_place_position(token) or _said_to_be_a_place(span)):
            found.append(span)
            taken.append((span.start, span.end))
    return found + _modifier_names(doc, taken, demonyms, array) + _names_read_as_nouns(doc, taken, demonyms, array)


def _names_read_as_nouns(doc: Doc, taken: list[tuple[int, int]], demonyms: list[tuple[int, int]],
                         array: numpy.ndarray) -> list[SpacySpan]:
    """"clashes erupted in Tarvosk", "a nine-year-old girl in Velmorka": a rare town's name the
    tagger reads as a common noun, capitalised inside a sentence, bare (no article, no
    adjective) after a locative preposition, is a name. `array` as in `_modifier_names`."""
    found: list[SpacySpan] = []
    for index in numpy.flatnonzero(array[:, 0] == _NOUN_ID).tolist():
        if array[index, 3] != _POBJ_ID or array[index, 5] != 1:
            continue
        head = index + int(array[index, 4].astype("int64"))  # HEAD: a signed offset, stored unsigned
        if int(array[head, 2]) not in _PLACE_PREP_SET and not _of_a_place(doc[head]):
            continue
        token = doc[index]
        if token.is_sent_start or len(token.text) < 3 or token.n_rights or \
                any(child.dep_ != "punct" for child in token.lefts) or \
                token.ent_type_ in _NOT_NAME_TYPES or _quoted(token):
            continue
        span = doc[index:index + 1]
        if not _overlaps(span, taken) and not _names_a_people(span, demonyms):
            found.append(span)
            taken.append((span.start, span.end))
    return found


_NOT_NAME_TYPES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
_OPENING_QUOTES = frozenset({'"', "'", "“", "‘"})
_CLOSING_QUOTES = frozenset({'"', "'", "”", "’"})


def _of_a_place(preposition: Token) -> bool:
    """"the town of X", "outside of X": an "of" that leads to a place's name."""
    return preposition.lower_ == "of" and (is_place_word(preposition.head) or
                                           preposition.head.lower_ in PLACE_PREPS)


def _quoted(token: Token) -> bool:
    """"clashes in 'Sector'": a common noun in quotes is a nickname or a term. A
    mark glued to the front of a name and never closed is no quote but the letter ayn
    of a transliterated Arabic name ("the town of ‘Ibta")."""
    doc = token.doc
    before = doc[token.i - 1]
    if before.text not in _OPENING_QUOTES:
        return False
    glued = not before.whitespace_
    closed = token.i + 1 < len(doc) and doc[token.i + 1].text in _CLOSING_QUOTES
    return closed or not glued


def _modifier_names(doc: Doc, taken: list[tuple[int, int]], demonyms: list[tuple[int, int]],
                    array: numpy.ndarray) -> list[SpacySpan]:
    """Capitalised words the tagger read as an adjective or a common noun that name a
    kind of place ("the Velmor district", "Tarsk village"): see `capitalised_place_modifier`.
    `array` holds POS, ENT_TYPE, LOWER, DEP, HEAD, IS_TITLE per token."""
    pos, dep = array[:, 0], array[:, 3]
    strings = doc.vocab.strings
    # plain comparisons: numpy.isin costs more than the rest on sentences this short
    maybe = ((pos == _ADJ_ID) | (pos == _NOUN_ID)) & (array[:, 5] == 1) & \
        ((dep == strings["amod"]) | (dep == strings["compound"]) | (dep == strings["nmod"]))
    found: list[SpacySpan] = []
    for index in numpy.flatnonzero(maybe).tolist():
        head = index + int(array[index, 4].astype("int64"))  # HEAD: a signed offset, stored unsigned
        if int(array[head, 2]) not in _PLACE_NOUN_SET:
            continue
        span = doc[index:index + 1]
        if capitalised_place_modifier(doc[index]) and not _overlaps(span, taken) and \
                not _names_a_people(span, demonyms):
            found.append(span)
            taken.append((span.start, span.end))
    return found


def _string_ids(doc: Doc, strings: Sequence[str]) -> numpy.ndarray:
    """The ids `Doc.to_array` gives these strings: built-in labels ("ORG") have small
    symbol ids, not the hash of their text, so the vocabulary is asked."""
    return numpy.array(sorted(doc.vocab.strings[text] for text in strings), dtype="uint64")


_ADJ_ID, _NOUN_ID = IDS["ADJ"], IDS["NOUN"]
_PLACE_NOUN_SET = frozenset(hash_string(word) for word in PLACE_NOUNS)
_PLACE_PREP_SET = frozenset(hash_string(word) for word in PLACE_PREPS)
# words of time that come capitalised inside names of days and seasons: "Independence Day", "New Year"
_TIME_WORD_SET = frozenset(hash_string(word) for word in (
    "day", "days", "eve", "year", "years", "week", "weeks", "night", "morning", "evening", "afternoon",
    "season", "festival", "feast", "eid", "holiday", "new", "month", "time", "hour", "hours", "noon",
    "midnight", "dawn", "dusk", "era", "age", "century", "decade", "quarter", "spring", "summer", "autumn",
    "fall", "winter", "mean", "standard", "daylight"))
_TIME_LABEL_IDS = frozenset({symbols.DATE, symbols.CARDINAL, symbols.TIME})
_POBJ_ID = symbols.pobj
_FAITH_IDS = numpy.array(sorted(hash_string(word) for word in FAITH_WORDS), dtype="uint64")
_CALENDAR_IDS = numpy.array(sorted(hash_string(word) for word in CALENDAR_WORDS), dtype="uint64")


def _mislabelled_as_a_time(doc: Doc, ents: Sequence[SpacySpan], maybe: numpy.ndarray) -> list[int]:
    """Proper nouns the model put in a date or a count though they hold no digit and no
    word of time, where a noun for a kind of place names them: "the village of Velmorka",
    "the Tarsk region" come out as DATE or CARDINAL when the model meets a rare name; a
    place noun has a name, not a date. `maybe` marks the proper nouns that are no calendar word."""
    found = []
    for ent in ents:
        if ent.label not in _TIME_LABEL_IDS:
            continue
        for index in range(ent.start, ent.end):
            token = doc[index]
            if maybe[index] and token.text[:1].isupper() and not token.text.endswith(".") and \
                    token.lower not in _TIME_WORD_SET and not any(char.isdigit() for char in token.text) and \
                    _named_by_a_place_noun(token):
                found.append(index)
    return found


# prepositions a rare town's name follows bare, which the model may read as a date's
BARE_NAME_PREPS = frozenset({"in", "near", "outside", "at", "inside"})


def _named_by_a_place_noun(token: Token) -> bool:
    """"the village of X", "the X region": a name a noun for a kind of place stands on;
    or "killed in X", "near X": a bare name after a locative preposition, which a date
    fills only with a calendar word or a number (both ruled out by the caller)."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of":
        return is_place_word(head.head)
    if token.dep_ == "pobj" and head.lower_ in BARE_NAME_PREPS:
        return not any(child.dep_ in ("det", "amod", "nummod") for child in token.children)
    return token.dep_ in ("compound", "nmod") and is_place_word(head)


def _faith_word_at_or_after(lower: numpy.ndarray) -> numpy.ndarray:
    """Per token, whether it or the next word is a faith word ("the Velmor Muslim quarter")."""
    faith = among(lower, _FAITH_IDS)
    return faith | numpy.append(faith[1:], False)


def _name_heads(doc: Doc, ents: Sequence[SpacySpan], array: numpy.ndarray) -> list[int]:
    """Indices of the proper nouns that may head a place's name: outside any entity or
    in a name-like one, no calendar word, and not inside a longer name (only the head
    of a name decides), read from the doc's arrays (POS, ENT_TYPE, LOWER, DEP, HEAD first)."""
    pos, ent_type, lower, dep = array[:, 0], array[:, 1], array[:, 2], array[:, 3]
    heads = numpy.arange(len(doc)) + array[:, 4].astype("int64")  # HEAD: a signed offset, stored unsigned
    proper = pos == PROPN_ID
    name_types = _string_ids(doc, [label for label in NAME_LABELS if label])
    maybe = proper & ~among(lower, _CALENDAR_IDS)
    wanted = maybe & ((ent_type == 0) | among(ent_type, name_types))
    wanted[_mislabelled_as_a_time(doc, ents, maybe)] = True
    # "the Shiite al-Velmor district": the model calls a rare quarter's name a people's (NORP);
    # named by a common noun it may be a place, left to `in_place_position`, unless a faith word
    wanted |= maybe & (ent_type == symbols.NORP) & among(dep, _string_ids(doc, ("compound", "nmod"))) & \
        (pos[heads] == _NOUN_ID) & ~_faith_word_at_or_after(lower)
    inner = among(dep, _string_ids(doc, ("compound", "flat"))) & proper[heads]
    entity_of = numpy.full(len(doc), -1)
    for number, ent in enumerate(ents):
        entity_of[ent.start:ent.end] = number
    # "the Moslem Salvation Front": a word whose head lies in the same entity is a part of that name
    inner |= (entity_of >= 0) & (entity_of == entity_of[heads]) & (heads != numpy.arange(len(doc)))
    return numpy.flatnonzero(wanted & ~inner).tolist()


def _names_no_place(span: SpacySpan, place: Place | None = None) -> bool:
    """Names that are no place by what they say, from any source of candidates. A word
    that names both a body and ground is ground where the gazetteer knows the whole name
    ("the Tarvik Bank" as a region)."""
    if _said_to_be_a_place(span):
        return False
    if is_clock_time(span) or names_a_time_zone(span) or names_an_event(span) or describes_by_hyphen(span) or \
            names_a_faith_group(span) or names_a_model(span, PLACE_NOUNS) or says_whose(span):
        return True
    captive = captive_placed_elsewhere(span, place) or captive_unknown_to_gazetteer(span, place)
    if captive and not described_as_a_place(span.root) and not taken_from_its_holders(span.root) and \
            not object_of_place_verb(span.root):
        return True  # "captured Okafor on Saturday", not "captured Tarvosk, a town near the border"
    if place is None and followed_by_its_abbreviation(span) and last_name_word(span).lower_ not in PLACE_NOUNS:
        return True  # "the Tarvik Local Government Area (TLGA)": a kind of place abbreviated is still one
    return names_a_body(span) and (place is None or last_name_word(span).lower_ not in GROUND_BODY_WORDS)


def _taken_for_a_person(span: SpacySpan, place: Place | None) -> bool:
    """`person_in_argument`, unless an apposition calls the name a place ("Velmora, a village")."""
    return person_in_argument(span, place) and not described_as_a_place(span.root) and \
        not led_by_a_landform_word(span) and not taken_from_its_holders(span.root)


def _said_to_be_a_place(span: SpacySpan) -> bool:
    """A name whose own words make it a place's: "the Lysivka Roundabout", "Jabal Karsun"."""
    return named_as_a_place(span) or led_by_a_landform_word(span)


def candidate_spans(doc: Doc, toponyms: Sequence[Toponym]) -> list[SpacySpan]:
    """The spans of `find_candidates`, for analysis scripts."""
    return [c.span for c in find_candidates(doc, toponyms)]


def find_candidates(doc: Doc, toponyms: Sequence[Toponym]) -> list[Candidate]:
    """Every span of `doc` that may name an event's place, in text order."""
    found: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    ents = doc.ents  # built anew on every read
    for toponym in toponyms:
        if toponym.kind != "place":
            continue
        span = doc.char_span(toponym.start, toponym.end, alignment_mode="expand")
        if span is not None and len(span) and not _overlaps(span, taken):
            taken.append((span.start, span.end))  # a person's name stays taken: no sub-span of it is a place
            if not _taken_for_a_person(span, toponym.place) and not after_a_title(span) and \
                    not _names_no_place(span, toponym.place):
                found.append(Candidate(toponym, span, True))
    for ent in ents:
        if ent.label_ in PLACE_LABELS and not _overlaps(ent, taken) and not after_a_title(ent) and \
                not no_proper_name(ent) and not describes_people_or_things(ent) and not _names_no_place(ent):
            found.append(Candidate(Toponym(ent.start_char, ent.end_char, ent.text), ent, True))
            taken.append((ent.start, ent.end))
    demonyms = _demonym_spans(doc, toponyms)
    for span in _positional(doc, ents, taken, demonyms):
        if not _taken_for_a_person(span, None) and not names_a_body(span) and not after_a_title(span) and \
                not _names_no_place(span) and not aimed_at_someone(span) and not acronym_of_a_body(span):
            found.append(Candidate(Toponym(span.start_char, span.end_char, span.text), span, False))
    return sorted(found, key=lambda c: c.span.start)
