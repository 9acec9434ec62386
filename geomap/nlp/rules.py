"""The recognition rules behind the spaCy components, as plain functions over text,
spans and a gazetteer, so each can be tested and tuned without a pipeline."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spacy.tokens import Doc, Span
from wordfreq import zipf_frequency

from geomap.resolve import names


_LEADING = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING = re.compile(r"(?:['’]s|['’])$")
_EDGE_PUNCT = " \t\n\r.,;:!?\"“”()[]{}-–—"
# Dotted abbreviations keep their final dot ("U.S."); any other trailing dot is punctuation.
_ABBREV_END = re.compile(r"(?:^|[\s.])[A-Za-z]\.$")

# A word this frequent in English is a town name only with help from the context.
COMMON_WORD_ZIPF = 3.9
LOCATIVE_BEFORE = frozenset({"in", "at", "near", "from", "outside", "to", "of", "around", "across", "into"})
STRONG_KINDS = frozenset({"country", "admin1", "region", "continent", "water", "landform"})
_DATELINE = re.compile(
    r"^\s*(?P<name>[A-Z][A-Z'.\-]+(?:\s+[A-Z][A-Z'.\-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2}))?"
    r"\s*(?:\([^)\n]{1,60}\))?\s*(?:[-–—]{1,2}|:)\s"
)
# Organisation words that are never the place inside an organisation's name.
_ORG_STOP = frozenset(
    "university college school department police sheriff fire office county city state national "
    "international association institute center centre hospital church bank company corporation "
    "council board commission committee court museum library club league party union agency "
    "service services authority district group foundation society ministry of the and for".split()
)


def trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop a leading "the", a trailing "'s" and edge punctuation; None if nothing is left."""
    span = text[start:end]
    lead = _LEADING.match(span)
    if lead:
        start += lead.end()
    span = text[start:end]
    tail = _TRAILING.search(span)
    if tail:
        end -= len(tail.group())
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while start < end and text[end - 1] in _EDGE_PUNCT:
        if text[end - 1] == "." and _ABBREV_END.search(text[start:end]):
            break
        end -= 1
    return (start, end) if start < end else None


def is_common_word(word: str) -> bool:
    """True for words that are everyday English as well as (maybe) a town name."""
    return zipf_frequency(word.lower(), "en") >= COMMON_WORD_ZIPF


def main_name_places(gazetteer: Any, name: str) -> list[Any]:
    return names.strong_places(gazetteer, name)


def is_strong_place_name(gazetteer: Any, name: str, min_population: int = 100_000) -> bool:
    """Whether a span the model called ORG or PERSON is really a place: the main name of
    a country, region or large city."""
    for place in main_name_places(gazetteer, name):
        if place.kind in STRONG_KINDS or (place.population or 0) >= min_population:
            return True
    return False


def places_inside(gazetteer: Any, ent: Span) -> Iterator[tuple[int, int]]:
    """Place names inside an organisation's name ("University of Virginia" -> Virginia,
    "Ohio State University" -> Ohio): the longest run of capitalised non-organisation
    words that is the main name of a country, region or large town."""
    words = [t for t in ent]
    i = 0
    while i < len(words):
        if words[i].lower_ in _ORG_STOP or not words[i].is_title and not words[i].is_upper:
            i += 1
            continue
        j = i
        while j < len(words) and words[j].lower_ not in _ORG_STOP and (words[j].is_title or words[j].is_upper):
            j += 1
        # only the whole run: a first name inside a person-named organisation is not a place
        run = ent.doc[words[i].i: words[j - 1].i + 1]
        if run.end - run.start < len(words) and is_strong_place_name(gazetteer, run.text, 20_000):
            yield run.start_char, run.end_char
        i = j


def _capitalised(token: Any) -> bool:
    return (token.is_title or token.is_upper) and token.is_alpha or bool(re.fullmatch(r"(?:[A-Z]\.)+", token.text))


def _followed_by_container(gazetteer: Any, doc: Doc, end: int) -> bool:
    """"Paris, Texas": a comma and then a country or first-level region."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    for n in (3, 2, 1):
        span = doc[end + 1:end + 1 + n]
        if span.end <= len(doc) and all(_capitalised(t) for t in span):
            if any(p.kind in ("country", "admin1") for p in main_name_places(gazetteer, span.text)):
                return True
    return False


def _guarded(gazetteer: Any, doc: Doc, start: int, end: int) -> bool:
    """Whether a matched name needs to be dropped as a probable common word."""
    first = doc[start]
    if end - start > 1 or _followed_by_container(gazetteer, doc, end):
        return False
    if first.is_sent_start or first.i == 0:
        return True
    if not is_common_word(first.text):
        return first.pos_ not in ("PROPN", "")
    prev = doc[start - 1] if start > 0 else None
    return not (prev is not None and prev.lower_ in LOCATIVE_BEFORE and first.pos_ in ("PROPN", ""))


def match_names(gazetteer: Any, doc: Doc, max_words: int = 4) -> Iterator[tuple[int, int]]:
    """Runs of capitalised tokens outside any entity that the gazetteer knows, longest first."""
    i = 0
    while i < len(doc):
        token = doc[i]
        if token.ent_type_ or not _capitalised(token):
            i += 1
            continue
        found = 0
        for n in range(min(max_words, len(doc) - i), 0, -1):
            span = doc[i:i + n]
            if any(t.ent_type_ or not _capitalised(t) for t in span):
                continue
            if main_name_places(gazetteer, span.text) and not _guarded(gazetteer, doc, i, i + n):
                yield span.start_char, span.end_char
                found = n
                break
        i += found or 1


def dateline(gazetteer: Any, text: str) -> Iterator[tuple[int, int]]:
    """The place in a dateline at the start of a story: "TEHRAN (Iran News) - ..." or
    "KHARTOUM, Sudan -- ..."."""
    match = _DATELINE.match(text[:200])
    if not match:
        return
    name = match.group("name").title()
    if main_name_places(gazetteer, name):
        yield match.start("name"), match.end("name")
