"""Spans that may name where an event happened.

An event's place is a proper name in the text ("Kharkiv", "the Zarichne district"), not
a common noun ("a crowded market"): a place an analyst can look up. Candidates come
from the geoparser's toponyms (resolved or not), from the model's place entities,
and from proper names the model mislabels or misses (many small towns come out as
PERSON or ORG) when the parse puts them where a place goes: after a locative
preposition ("clashes in Al-Mansoura") or as the name of a place noun ("the Tal
Hamad hill", "the town of Kafr Nabl").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy
from spacy.attrs import POS
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from geomap.records import Toponym

PROPN_ID = IDS["PROPN"]
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", ""})
CALENDAR_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "ramadan",
    "christmas", "easter",
})
# prepositions after which a proper name is most often a place
PLACE_PREPS = frozenset({
    "in", "at", "near", "outside", "inside", "into", "around", "across", "throughout", "within", "towards",
    "toward", "through", "along", "off", "outskirts", "nearby", "between", "from", "over",
})
# nouns that name a kind of place: a proper name hanging off them names the place itself
PLACE_NOUNS = frozenset({
    "city", "town", "village", "district", "province", "region", "area", "neighbourhood", "neighborhood",
    "suburb", "suburbs", "state", "county", "governorate", "capital", "outskirts", "settlement", "camp",
    "countryside", "municipality", "island", "port", "valley", "border", "districts", "villages", "towns",
    "quarter", "zone", "hills", "hill", "enclave", "mountains", "mountain", "mount", "airport", "airbase",
    "base", "crossing", "checkpoint", "square", "street", "road", "highway", "bridge", "junction",
    "neighbourhoods", "neighborhoods", "sector", "commune", "township", "tehsil", "subdistrict",
    "prefecture", "department", "oblast", "raion", "borough", "hamlet", "peninsula", "plain", "plateau",
    "desert", "river", "lake", "coast", "strip", "bank", "heights", "farms", "field", "fields", "oasis",
    "prison", "jail", "hospital", "refugee", "market", "mosque", "church", "stadium", "university",
    "compound", "complex", "project", "palace", "embassy", "station", "axis", "front", "frontline",
    "territory", "areas", "cities", "provinces", "regions", "lga", "constituency", "precinct", "parish",
})


@dataclass(frozen=True)
class Candidate:
    """A span that may name the event's place, with the toponym it stands for."""

    toponym: Toponym
    span: SpacySpan
    recognised: bool  # the geoparser or the model called it a place, not only its position


def _overlaps(span: SpacySpan, taken: list[tuple[int, int]]) -> bool:
    return any(span.start < end and start < span.end for start, end in taken)


def _is_place_noun(token: Token) -> bool:
    return token.lower_ in PLACE_NOUNS or token.lemma_.lower() in PLACE_NOUNS


def in_place_position(root: Token) -> bool:
    """Whether the parse puts a name where a place goes."""
    head = root.head
    if root.dep_ in ("pobj",) and head.lower_ in PLACE_PREPS:
        return True
    if root.dep_ == "pobj" and head.lower_ == "of" and _is_place_noun(head.head):
        return True  # "the town of X"
    if root.dep_ in ("compound", "nmod", "amod", "poss", "appos") and _is_place_noun(head):
        return True  # "the X district", "X's Y camp", "the city, X"
    if root.dep_ == "conj" and head.i != root.i and head.pos_ == "PROPN":
        return in_place_position(head)  # "in X and Y"
    return False


def _name_span(doc: Doc, root: Token) -> SpacySpan | None:
    """The run of proper-noun tokens around `root` (hyphens and "al" inside names kept)."""
    if root.pos_ != "PROPN":
        return None
    start = end = root.i
    while start > 0 and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].text in ("-", "al")) and \
            doc[start - 1].dep_ in ("compound", "punct", "amod", "nmod"):
        start -= 1
    while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and doc[end + 1].head.i == root.i:
        end += 1
    while start < end and not doc[start].text[:1].isupper():
        start += 1
    return doc[start:end + 1]


def _positional(doc: Doc, taken: list[tuple[int, int]]) -> list[SpacySpan]:
    found: list[SpacySpan] = []
    for ent in doc.ents:
        if ent.label_ in NAME_LABELS and ent.label_ != "" and not _overlaps(ent, taken) and \
                ent.root.pos_ == "PROPN" and in_place_position(ent.root):
            found.append(ent)
            taken.append((ent.start, ent.end))
    # only proper nouns can be names: look at those alone (the array avoids a Token per word)
    for index in numpy.flatnonzero(doc.to_array([POS]).reshape(-1) == PROPN_ID):
        token = doc[int(index)]
        if (token.ent_type_ and token.ent_type_ not in NAME_LABELS) or \
                not token.text[:1].isupper() or token.lower_ in CALENDAR_WORDS:
            continue
        if token.dep_ in ("compound", "flat") and token.head.pos_ == "PROPN":
            continue  # only the head of a name decides
        span = _name_span(doc, token)
        if span is not None and not _overlaps(span, taken) and in_place_position(token):
            found.append(span)
            taken.append((span.start, span.end))
    return found


def candidate_spans(doc: Doc, toponyms: Sequence[Toponym]) -> list[SpacySpan]:
    """The spans of `find_candidates`, for analysis scripts."""
    return [c.span for c in find_candidates(doc, toponyms)]


def find_candidates(doc: Doc, toponyms: Sequence[Toponym]) -> list[Candidate]:
    """Every span of `doc` that may name an event's place, in text order."""
    found: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for toponym in toponyms:
        if toponym.kind != "place":
            continue
        span = doc.char_span(toponym.start, toponym.end, alignment_mode="expand")
        if span is not None and len(span) and not _overlaps(span, taken):
            found.append(Candidate(toponym, span, True))
            taken.append((span.start, span.end))
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS and not _overlaps(ent, taken):
            found.append(Candidate(Toponym(ent.start_char, ent.end_char, ent.text), ent, True))
            taken.append((ent.start, ent.end))
    for span in _positional(doc, taken):
        found.append(Candidate(Toponym(span.start_char, span.end_char, span.text), span, False))
    return sorted(found, key=lambda c: c.span.start)
