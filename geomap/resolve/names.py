"""Memoised gazetteer look-ups shared by the recognisers and the resolver.

The gazetteer answers each look-up with an SQL query; a news corpus asks for the same
few thousand names over and over, so the answers are kept per gazetteer object.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from geomap.records import Place

STRONG_NAME_KINDS = frozenset({"main", "alias"})


@lru_cache(maxsize=200_000)
def lookup(gazetteer: Any, name: str) -> tuple[tuple[Place, str], ...]:
    """(place, kind of the name that matched), most important place first."""
    return tuple(gazetteer.lookup(name))


@lru_cache(maxsize=50_000)
def demonym(gazetteer: Any, word: str) -> Place | None:
    return gazetteer.demonym(word)


def strong_places(gazetteer: Any, name: str) -> list[Place]:
    """The places whose own or curated English name is ``name``: alternate spellings
    and codes ("PER", "Police") are too often ordinary words to find names by."""
    return [place for place, kind in lookup(gazetteer, name) if kind in STRONG_NAME_KINDS]


# Abbreviations news writes for words gazetteers spell out: the expanded name is the same
# place, so its candidates join the name's own.
_ABBREVIATIONS = (
    (re.compile(r"\bSt\.?\s+", re.I), "Saint "), (re.compile(r"\bSte\.?\s+", re.I), "Sainte "),
    (re.compile(r"\bMt\.?\s+", re.I), "Mount "), (re.compile(r"\bFt\.?\s+", re.I), "Fort "),
    (re.compile(r"\bPt\.?\s+", re.I), "Point "), (re.compile(r"^N\.\s*", re.I), "North "),
    (re.compile(r"^S\.\s*", re.I), "South "), (re.compile(r"^E\.\s*", re.I), "East "),
    (re.compile(r"^W\.\s*", re.I), "West "), (re.compile(r"\bCo\.?$", re.I), "County"),
    (re.compile(r"\bTwp\.?$", re.I), "Township"), (re.compile(r"\bSaint\s+", re.I), "St. "),
    (re.compile(r"\bMount\s+", re.I), "Mt. "),
)
# What a name may carry around the place it names, tried only when the name itself is
# unknown: "City of Oxford", "Hamilton Township", "South Los Angeles", "Kansas City".
_WRAPPERS = (
    re.compile(r"^(?:the\s+)?(?:city|town|township|village|borough|county|port|municipality)\s+of\s+(.+)$", re.I),
    re.compile(r"^(.+?)\s+(?:county|parish|province|district|region|city|state|township|twp\.?|co\.?|borough|village)$",
               re.I),
    # not before another compass word: "North Eastern Province" is one name, not a part
    # of an "Eastern Province"
    re.compile(r"^(?:north|south|east|west|central|northern|southern|eastern|western|downtown|greater|"
               r"north-?east|north-?west|south-?east|south-?west|northeast|northwest|southeast|southwest)\s+"
               r"(?!(?:north|south|east|west)(?:ern)?\b)(.+)$",
               re.I),
    re.compile(r"^(.+?)(?:'s|’s|')$"),
)


def expansions(name: str) -> list[str]:
    """The same name with its abbreviations written out ("Mt. Pleasant" -> "Mount Pleasant")."""
    out = []
    for pattern, full in _ABBREVIATIONS:
        if pattern.search(name):
            out.append(pattern.sub(full, name).strip())
    return out


def unwrapped(name: str) -> list[str]:
    """The place inside a longer name, most specific first ("Madison Twp." -> "Madison");
    and, for a two-word name, the words run together ("East Hampton" -> "Easthampton")."""
    out = []
    for pattern in _WRAPPERS:
        match = pattern.match(name.strip())
        if match and len(match.group(1)) > 2:
            out.append(match.group(1).strip())
    words = name.split()
    if len(words) == 2 and all(w[:1].isupper() for w in words):
        out.append(words[0] + words[1].lower())
    return out
