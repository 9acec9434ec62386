"""Places named by how news writes them rather than by the model: the members of a list
that ends in a plural place word ("Barrow, Jackson and Madison counties") and the home
of a legislator after the party letter ("Rep. Ann Hill, D-Braxton")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import numpy
from spacy.attrs import ORTH
from spacy.strings import hash_string
from spacy.tokens import Doc

from geomap.nlp import rules
from geomap.nlp.orgplaces import AP_KEYS

# A plural place word after a list, and the singular the gazetteer may name the places by.
LIST_HEADS = {"counties": "County", "parishes": "Parish", "townships": "Township", "boroughs": "Borough",
              "rivers": "River", "lakes": "Lake", "islands": "Island", "provinces": "Province"}
LIST_JOINERS = frozenset({",", "and", "or", "&"})
MAX_ITEM_WORDS = 3
_LIST_HEAD_IDS = numpy.array(sorted(hash_string(w) for w in LIST_HEADS), dtype="uint64")
_PARTY_HOME = re.compile(r"(?<=, )(?:D|R|I|DFL)-(?P<name>[A-Z][a-zA-Z]+(?:\s[A-Z][a-z]+)?)\b(?!\.)")


def _named(gazetteer: Any, name: str, unit: str) -> bool:
    """The gazetteer knows ``name`` as a place's own name, or with its unit ("Oconee County")."""
    return bool(rules.main_name_places(gazetteer, name) or rules.main_name_places(gazetteer, f"{name} {unit}"))


def _items_before(doc: Doc, head: int) -> list[tuple[int, int]]:
    """The capitalised runs of a list that ends right before token ``head``, last first."""
    items: list[tuple[int, int]] = []
    end = head
    while end > 0:
        start = end
        while start > 0 and end - start < MAX_ITEM_WORDS and rules.is_capitalised(doc[start - 1]):
            start -= 1
        if start == end:
            break
        items.append((start, end))
        joiners = start
        while joiners > 0 and doc[joiners - 1].lower_ in LIST_JOINERS and start - joiners < 2:
            joiners -= 1
        if joiners == start or joiners == 0:
            break
        end = joiners
    return items


def list_members(gazetteer: Any, doc: Doc, people: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Each member of "Butler, Clark and Warren counties" that the gazetteer knows (alone or
    with the unit), as char offsets. A list of one needs a unit the gazetteer confirms."""
    orths = doc.to_array([ORTH]).reshape(-1)
    for index in numpy.flatnonzero(numpy.isin(orths, _LIST_HEAD_IDS)).tolist():
        token = doc[index]  # only the plural place words need a Token
        unit = LIST_HEADS[token.text]
        items = _items_before(doc, token.i)
        if len(items) < 2:
            continue
        for start, end in items:
            span = doc[start:end]
            if span.text not in people and span[0].lower_ not in rules.ORG_WORDS and _named(gazetteer, span.text, unit):
                yield span.start_char, span.end_char


def party_homes(gazetteer: Any, text: str) -> Iterator[tuple[int, int]]:
    """"D-Braxton", "R-London", "DFL-Cook": a legislator's home town or county after the
    party letter (AP state abbreviations, "D-Pa.", are matched elsewhere)."""
    for match in _PARTY_HOME.finditer(text):
        name = match.group("name")
        if _named(gazetteer, name, "County") or f"{name}." in AP_KEYS:  # "D-Calif" drops the dot
            yield match.start("name"), match.end("name")
