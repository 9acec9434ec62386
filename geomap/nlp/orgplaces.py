"""Place names inside organisation names ("DeKalb City Council" -> DeKalb, "S.C. Highway
Patrol" -> S.C., "Metro Vancouver" -> Vancouver), found in two ways that do not depend on
the model's label for the name: a capitalised name right before a word that heads an
organisation or says where someone is from ("Alexandria police", "a Goose Creek man"),
and the leading words of a span the model called an organisation ("Georgia Modular
Systems"). Each name must be one the gazetteer knows as a place's own name."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy
from spacy.attrs import LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Span

from geomap.nlp import rules
from geomap.resolve.context import AP_STATES

AP_KEYS = frozenset(k.replace(" ", "") for k in AP_STATES)
# Lower-case words after a place's name that make it one: its police, its people.
LOWER_HEADS = frozenset(
    "police policemen detectives investigators officers deputies firefighters authorities officials "
    "residents resident native natives man woman men women teen teenager teens boy girl couple voters "
    "students schools council".split()
)
# Capitalised words that open the rest of an organisation's name after the place's name.
CAPITAL_HEADS = frozenset(
    "police policemen sheriff sheriff's fire mayor city town village county council schools school board "
    "university college high middle elementary superintendent clerk investigator detective crimestoppers "
    "highway state medical hospital memorial regional area community public chamber library township "
    "housing planning parks airport department commission commissioners selectman".split()
)
MODIFIERS = rules.MODIFIERS
# Capitalised words that often open an organisation's name and are never its place.
GENERIC = frozenset(
    "state federal national international capitol transit border campus tribal military royal city county "
    "town village united american".split()
) | rules.ORG_WORDS
UNITS = ("County", "Parish", "Township", "Twp.", "Borough")
MAX_WORDS = 3


def _known(gazetteer: Any, name: str) -> bool:
    """A place's own name, guarded as the rules guard entity spans: a single everyday
    word ("Hurricane", "Independence") counts only as the name of a big place."""
    if name.replace(" ", "") in AP_KEYS:
        return True
    if rules.is_acronym(name):
        return any(p.kind in rules.STRONG_KINDS for p in rules.main_name_places(gazetteer, name))
    if not rules.main_name_places(gazetteer, name):
        # "Gwinnett Medical Center", "DuPage Sheriff": a US county named without its "County"
        return not rules.is_common_word(name) and any(
            p.kind == "admin2" for p in rules.main_name_places(gazetteer, name + " County"))
    if " " in name or not rules.is_common_word(name):
        return True
    return rules.is_strong_place_name(gazetteer, name)


def _with_unit(gazetteer: Any, doc: Doc, start: int, end: int) -> int:
    """``end`` widened over "County" or "Township" when the gazetteer knows the longer name."""
    if end < len(doc) and doc[end].text in UNITS and rules.main_name_places(gazetteer, doc[start:end + 1].text):
        return end + 1
    return end


def place_in_run(gazetteer: Any, doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The place a capitalised run names, leading modifiers left out ("Northern Illinois"
    -> Illinois, "Metro Vancouver" -> Vancouver); the whole run must be the name, so a
    person's name that merely starts with a town's ("George Washington") is no place."""
    while end - start > 1 and doc[start].lower_ in MODIFIERS and not _known(gazetteer, doc[start:end].text):
        start += 1
    if doc[start].lower_ in GENERIC or doc[start].lower_ in MODIFIERS:
        return None
    if not _known(gazetteer, doc[start:end].text):
        return None
    return start, _with_unit(gazetteer, doc, start, end)


def _run_before(doc: Doc, head: int) -> int:
    """Start of the capitalised run that ends right before token ``head``."""
    start = head
    while start > 0 and head - start < MAX_WORDS and rules.is_capitalised(doc[start - 1]) \
            and doc[start - 1].lower_ not in CAPITAL_HEADS and not doc[start].is_sent_start:
        start -= 1
    return start


def _is_head(doc: Doc, i: int) -> str | None:
    """"place" for a word after a place's name that says where people are from, "org_place"
    for one that opens an organisation's name, None for any other word."""
    token = doc[i]
    if token.is_lower and token.text in LOWER_HEADS:
        return "place"
    if rules.is_capitalised(token) and token.lower_ in CAPITAL_HEADS:
        return "org_place"
    return None


_HEAD_IDS = numpy.array(sorted(hash_string(w) for w in LOWER_HEADS | CAPITAL_HEADS), dtype="uint64")


def _head_candidates(doc: Doc) -> list[int]:
    """Indices (from 1) of the words that may be head words, by their lower-cased form
    (an array test: a Token per word cost more than the rest of the rule)."""
    lowers = doc.to_array([LOWER]).reshape(-1)
    return [i for i in numpy.flatnonzero(numpy.isin(lowers, _HEAD_IDS)).tolist() if i >= 1]


def head_places(gazetteer: Any, doc: Doc, people: frozenset[str]) -> Iterator[tuple[int, int, str]]:
    """Places named right before a head word: "Alexandria police", "DeKalb City Council",
    "a Goose Creek man", "Kanawha County Emergency Services" (char offsets and kind)."""
    for i in _head_candidates(doc):
        kind = _is_head(doc, i)
        if kind is None or not rules.is_capitalised(doc[i - 1]) or doc[i - 1].lower_ in CAPITAL_HEADS:
            continue
        if doc[i - 1].text in UNITS:
            continue  # "Erie County Sheriff": the county is a name of its own, found as one
        start = _run_before(doc, i)
        if kind == "org_place" and rules.main_name_places(gazetteer, doc[start:i + 1].text):
            continue  # "Kansas City", "Washington State": the head word is part of the name
        if start > 0 and doc[start - 1].lower_ in rules.PERSON_TITLES:
            continue
        if doc[start:i].text in people or any(t.text in people for t in doc[start:i]):
            continue
        found = place_in_run(gazetteer, doc, start, i)
        if found:
            yield doc[found[0]].idx, doc[found[1] - 1].idx + len(doc[found[1] - 1].text), kind


def leading_place(gazetteer: Any, ent: Span) -> tuple[int, int] | None:
    """The place that opens an organisation's name ("Georgia Modular Systems" -> Georgia,
    "Henderson County Crimestoppers" -> Henderson County), or None; the longest
    capitalised prefix that is a place's name, shorter than the whole span."""
    doc = ent.doc
    start = ent.start + (1 if ent[0].lower_ == "the" else 0)
    run = start
    while run < ent.end and run - start < MAX_WORDS + 1 and rules.is_capitalised(doc[run]) \
            and doc[run].lower_ not in rules.ORG_WORDS:
        run += 1
    for end in range(run, start, -1):
        found = place_in_run(gazetteer, doc, start, end)
        if found and found != (start, ent.end) and _opens_organisation(gazetteer, ent, *found):
            return doc[found[0]].idx, doc[found[1] - 1].idx + len(doc[found[1] - 1].text)
    return None


def _opens_organisation(gazetteer: Any, ent: Span, start: int, end: int) -> bool:
    """Whether the place at tokens [start, end) opens the organisation's name rather than a
    street's ("DeKalb Ave.") or a person's the model took for one ("Nikki Surley"): one
    word before another name needs an organisation word next, or to name a country or state."""
    doc = ent.doc
    nxt = doc[end] if end < ent.end else None
    if end < ent.end and rules.names_street_or_firm(doc, end):
        return False
    if ent.label_ == "PERSON":
        return " " in doc[start:end].text and rules.is_strong_place_name(gazetteer, doc[start:end].text)
    if end - start > 1 or nxt is None or nxt.lower_ in rules.ORG_WORDS or nxt.lower_ in CAPITAL_HEADS:
        return True
    return any(p.kind in ("country", "admin1") for p in rules.main_name_places(gazetteer, doc[start:end].text))
