"""What the words around a toponym say about where it is.

Explicit containment is the strongest evidence a text gives: "Springfield, Illinois",
"Paris, Texas", "Azaz, a town in northern Syria", "Springfield, Ill.". Each finding is
a (contained, container) pair of toponym indexes; the resolver then prefers, for the
contained name, candidates inside the container.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from geomap.records import Toponym

_DIRECTION = r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)"
# What may stand between a name and its container: ", " / " in " / ", a town in northern " ...
_BETWEEN = re.compile(
    r"^(?:\s*,\s*|\s+\(|\s+in\s+" + _DIRECTION + r"?"
    r"|\s*,\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,4}(?:in|of|near|outside)\s+(?:the\s+)?" + _DIRECTION + r"?)$",
    re.IGNORECASE,
)
# AP-style state abbreviations used after a town name ("Springfield, Ill."); they are not
# in any package's alternate names, and only mean a state right after a comma.
AP_STATES = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT",
    "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS", "Ky.": "KY",
    "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN", "Miss.": "MS", "Mo.": "MO",
    "Mont.": "MT", "Neb.": "NE", "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY",
    "N.C.": "NC", "N.D.": "ND", "Okla.": "OK", "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC",
    "S.D.": "SD", "Tenn.": "TN", "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI",
    "Wyo.": "WY", "D.C.": "DC",
}
# "D. C." and "N. Y." are spelled with a space as often as without
_AP_ALTERNATIVES = "|".join(re.escape(k).replace(r"\.", r"\.\s?") for k in sorted(AP_STATES, key=len, reverse=True))
_AP_AFTER = re.compile(r"^\s*,\s*(" + _AP_ALTERNATIVES + r")(?!\w)")


def containers(text: str, toponyms: Sequence[Toponym]) -> dict[int, int]:
    """Map the index of a contained toponym to the index of the toponym containing it."""
    out: dict[int, int] = {}
    for i, inner in enumerate(toponyms[:-1]):
        outer = toponyms[i + 1]
        if outer.start - inner.end > 60 or inner.kind == "demonym" or outer.kind == "demonym":
            continue
        if _BETWEEN.match(text[inner.end:outer.start]):
            out[i] = i + 1
    return out


def ap_states(text: str, toponyms: Sequence[Toponym]) -> dict[int, str]:
    """Toponyms followed by an AP state abbreviation: index -> US state code."""
    out: dict[int, str] = {}
    for i, top in enumerate(toponyms):
        match = _AP_AFTER.match(text[top.end:top.end + 12])
        if match:
            out[i] = AP_STATES[match.group(1).replace(" ", "")]
    return out


# Words that, right after a name, make it a town's: "Paris City Council", "Jordan
# Elementary School". A country or a state is rarely named this way ("an Ohio man" is
# no evidence: states are named so as often as towns).
_TOWN_AFTER = re.compile(
    r"^(?:'s\s+|’s\s+)?\s*(?:city\s+(?:council|hall|manager|commission|limits|schools?|police|attorney)"
    r"|town\s+(?:council|hall|board|meeting|committee|manager)|high\s+school|middle\s+school|elementary"
    r"|village\s+board|board\s+of\s+(?:education|aldermen|selectmen)|selectmen|police\s+(?:department|chief)"
    r"|fire\s+(?:department|chief)|firefighters|township|mayor|aldermen|(?:public\s+)?library"
    r"|civic\s+center|(?:independent\s+)?school\s+district|parks\s+and\s+recreation)",
    re.IGNORECASE,
)
_TOWN_BEFORE = re.compile(r"(?:city|town|village|borough|mayor)\s+of\s+$", re.IGNORECASE)
# "a Lebanon woman", "a Jordan native": a person is from a town or a state here; from a
# country, English says "a Lebanese woman".
_LOCAL_AFTER = re.compile(
    r"^\s+(?:man|woman|men|women|resident|residents|native|natives|girl|boy|teen|teenager|couple)\b")
# A dateline ("WASHINGTON — ", "LEBANON (AP) - ", "SALEM, Ore. -- ") names the town the
# story was filed from, never a state or a country.
_DATELINE_AFTER = re.compile(
    r"^(?:\s*,\s*[A-Z][\w.]*(?:\s?[A-Z][\w.]*)?)?\s*(?:\([^()\n]{1,40}\)\s*)?(?:—|–|--|-|\x97)\s")


def _is_dateline(text: str, top: Toponym) -> bool:
    if top.kind == "dateline":
        return True
    if len(top.text) < 3 or not top.text.isupper():
        return False
    before = text[max(0, top.start - 2):top.start]
    return (top.start == 0 or before.endswith(("\n", ". ", ".", "\t")) or not before.strip()) and bool(
        _DATELINE_AFTER.match(text[top.end:top.end + 60]))


def town_cues(text: str, toponyms: Sequence[Toponym]) -> set[int]:
    """Indexes of toponyms the words around call a town ("the City of Paris", a dateline)."""
    out = set()
    for i, top in enumerate(toponyms):
        if top.kind == "demonym":
            continue
        if (_TOWN_AFTER.match(text[top.end:top.end + 40])
                or _TOWN_BEFORE.search(text[max(0, top.start - 20):top.start]) or _is_dateline(text, top)):
            out.add(i)
    return out


def local_cues(text: str, toponyms: Sequence[Toponym]) -> set[int]:
    """Indexes of toponyms the words around call a town or a state, not a country."""
    return {i for i, top in enumerate(toponyms)
            if top.kind != "demonym" and _LOCAL_AFTER.match(text[top.end:top.end + 20])}


# Words that say what kind of place a name is: "the province of Ontario", "Ontario
# province", "the Indonesian island of Java". "state" also names countries ("the state of
# Israel"); provinces and regions are second-level units in some countries (Italy, Spain).
_KIND_WORDS = {
    "province": frozenset({"admin1", "admin2", "region"}),
    "provinces": frozenset({"admin1", "admin2", "region"}),
    "state": frozenset({"admin1", "country", "region"}),
    "region": frozenset({"admin1", "admin2", "region", "landform"}),
    "governorate": frozenset({"admin1", "admin2", "region"}),
    "oblast": frozenset({"admin1", "region"}),
    "prefecture": frozenset({"admin1", "admin2", "region"}),
    "island": frozenset({"landform", "region", "admin1", "admin2", "country"}),
    "country": frozenset({"country"}),
}
_KIND_ALTERNATIVES = "|".join(sorted(_KIND_WORDS, key=len, reverse=True))
# "the Indonesian island of ", "the southern province of ", "the state of "
_KIND_BEFORE = re.compile(
    r"\b(?:the\s+)?((?:[\w-]+\s+){0,2}?)(" + _KIND_ALTERNATIVES + r")\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_KIND_AFTER = re.compile(r"^\s+(" + _KIND_ALTERNATIVES + r")\b(?!\s+(?:university|college|park|police|department))",
                         re.IGNORECASE)
_KIND_INSIDE = re.compile(r"\s(" + _KIND_ALTERNATIVES + r")$", re.IGNORECASE)


@dataclass(frozen=True)
class KindCue:
    """What the words around a name say it is: the place kinds it may be, and the
    capitalised adjectives before the kind word ("Indonesian"), which may be demonyms."""

    kinds: frozenset[str]
    adjectives: tuple[str, ...] = ()


def kind_cues(text: str, toponyms: Sequence[Toponym]) -> dict[int, KindCue]:
    """Toponyms the words around (or the name's own last word) give a kind: index -> cue."""
    out: dict[int, KindCue] = {}
    for i, top in enumerate(toponyms):
        if top.kind == "demonym":
            continue
        before = _KIND_BEFORE.search(text[max(0, top.start - 50):top.start])
        if before:
            adjectives = tuple(w for w in before.group(1).split() if w[:1].isupper())
            out[i] = KindCue(_KIND_WORDS[before.group(2).lower()], adjectives)
            continue
        after = _KIND_AFTER.match(text[top.end:top.end + 40]) or _KIND_INSIDE.search(top.text)
        if after:
            out[i] = KindCue(_KIND_WORDS[after.group(1).lower()])
    return out


# What joins the members of a list of names: ", " / " and " / ", and " / " or "
_LIST_SEPARATOR = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)$", re.IGNORECASE)


def name_lists(text: str, toponyms: Sequence[Toponym]) -> list[list[int]]:
    """Runs of toponyms written as a list ("Alaska, Alabama and Arizona"): lists of
    indexes, three members or more, or two joined by "and"/"or" (two joined by a bare
    comma are more often a town and its region: "Paris, Texas")."""
    out: list[list[int]] = []
    run = [0] if toponyms else []
    joined_by_word = False
    for i in range(1, len(toponyms) + 1):
        gap = text[toponyms[i - 1].end:toponyms[i].start] if i < len(toponyms) else ""
        if i < len(toponyms) and toponyms[i].kind != "demonym" and _LIST_SEPARATOR.match(gap):
            run.append(i)
            joined_by_word = joined_by_word or bool(re.search(r"\b(?:and|or)\b|&", gap))
            continue
        if len(run) >= 3 or (len(run) == 2 and joined_by_word):
            out.append(run)
        run, joined_by_word = [i], False
    return out
