"""The build's intermediate record: a place with every name it is known by.

Name kinds rank how much a name can be trusted to mean the place. A recogniser that
scans running text should ignore the weak ones: GeoNames keeps 3-letter airport or
capital codes ("PER" for Perth) and English words ("Police", "Of") among its names.
"""

from __future__ import annotations

from dataclasses import dataclass

from geomap.gazetteer.fold import fold
from geomap.records import Place

# Ordered strongest first; stored in the index as the position in this tuple.
NAME_KINDS = ("main", "alias", "ascii", "alt", "code")
MAIN, ALIAS, ASCII, ALT, CODE = range(len(NAME_KINDS))

# Importance decides the order of candidates for one name: countries before the towns
# named after them ("Armenia" the country before Armenia, Colombia), big before small.
KIND_IMPORTANCE = {
    "continent": 2e10,
    "country": 1e10,
    "region": 1.5e6,
    "water": 1.5e6,
    "landform": 1.2e6,
    # below big towns of the same name: "Gaza", "Rafah", "Khartoum" in news are the towns
    "admin1": 1e5,
    # counties: see importance_of
    "admin2": -1.0,
    "city": 0.0,
    "other": 0.0,
}


@dataclass(frozen=True)
class Entry:
    """One gazetteer place with its names as (name, kind) pairs and its demonyms."""

    place: Place
    names: tuple[tuple[str, int], ...]
    demonyms: tuple[str, ...] = ()
    importance: float = 0.0
    codes: tuple[str, ...] = ()  # other keys curated tables may target it by ("iso:AM")


def importance_of(kind: str, population: int | None) -> float:
    """Countries and continents rank above every town; otherwise people count."""
    base = KIND_IMPORTANCE.get(kind, 0.0)
    pop = float(population or 0)
    if kind in ("continent", "country"):
        return base + pop
    if kind == "admin2":
        # After every town, even one of unknown population: "Cook" is the town, only
        # "Cook County" the county. Among counties of one name, the most people first.
        return base + min(pop, 1e9) / 1e9
    return max(base, pop)


def alternate_kind(name: str) -> int:
    """Classify a source's alternate name: short all-capitals are codes, Latin names
    are ASCII-foldable spellings, anything else is another script's alternate."""
    stripped = name.replace(".", "")
    if len(stripped) <= 4 and stripped.isascii() and stripped.isalpha() and stripped.isupper():
        return CODE
    return ASCII if _is_latin(name) else ALT


def _is_latin(name: str) -> bool:
    # Latin letters with diacritics fold to ASCII; other scripts do not.
    return fold(name).isascii()
