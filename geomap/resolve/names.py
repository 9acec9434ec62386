"""Memoised gazetteer look-ups shared by the recognisers and the resolver.

The gazetteer answers each look-up with an SQL query; a news corpus asks for the same
few thousand names over and over, so the answers are kept per gazetteer object.
"""

from __future__ import annotations

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
