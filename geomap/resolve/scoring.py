"""Joint scoring of every candidate place of every toponym in one document.

Each distinct name in a document (one sense per discourse) is a *group* with its
candidate places. A candidate's logit adds a prior (population, kind, whether the name
is its main name) to context: how much of the rest of the document points to its
country, its first-level region, and its neighbourhood, plus explicit containment
("Paris, Texas"). Context is recomputed from the current probabilities a few times, so
the resolved set converges to a coherent whole rather than each name deciding alone.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from geopy.distance import great_circle

from geomap.gazetteer.fold import fold
from geomap.records import Place

EARTH_RADIUS_KM = 6371.0088
KIND_PRIOR = {
    "continent": 2.5, "country": 2.5, "admin1": 1.0, "region": 0.5, "water": 0.0, "landform": 0.0,
    "admin2": 0.0, "city": 0.0, "other": -0.5,
}
# Areas have no population in the sources; news names them about as often as a city of
# this size, so they compete with towns on an equal footing.
AREA_POPULATION = {
    "continent": 50_000_000, "country": 5_000_000, "admin1": 2_000_000, "region": 1_000_000,
    "water": 500_000, "landform": 300_000, "admin2": 100_000,
}
AREA_KINDS = frozenset({"continent", "country", "region"})
NEAR_KM = 150.0
LIST_KINDS = frozenset({"country", "admin1", "region"})


@dataclass(frozen=True)
class Weights:
    population: float = 1.1              # per tenfold population
    kind: float = 1.0
    # by the kind of name that matched: main, alias, ascii, alt, code
    name_kind: tuple[float, ...] = (0.0, 0.0, -2.0, -3.0, -3.0)
    country: float = 1.5
    admin1: float = 1.5
    near: float = 3.0
    contained: float = 6.0
    not_a_town: float = -8.0               # an area where the text says "town"
    not_a_country: float = -8.0            # a country where the text says "a Lebanon woman"
    country_share: float = 1.0             # share of the other names' mass in the same country
    admin1_share: float = 0.0              # ... and in the same first-level region
    wrong_kind: float = -6.0               # a town where the text says "the province of"
    list_same: float = 3.0                 # share of a list's other members of this kind and country
    namesake_region: float = -2.5          # a region named after its city: the bare name is the city
    iterations: int = 3


@dataclass
class Group:
    """One distinct name of the document and its candidate places."""

    key: str
    candidates: list[Place]
    name_ranks: list[int]                   # index into Weights.name_kind per candidate
    container: int | None = None           # index of the group that contains this one
    state: str | None = None               # a US state code from "Springfield, Ill."
    fixed: bool = False                    # demonyms: one known country, context only
    town: bool = False                     # the text calls it a town ("Paris City Council")
    local: bool = False                    # the text calls it a town or a state ("a Paris man")
    kinds: frozenset[str] | None = None    # the kinds the text allows ("the island of Java")
    country: str | None = None             # a country the text puts it in ("the Indonesian island of")
    probs: np.ndarray = field(default_factory=lambda: np.zeros(0))


def _country(place: Place) -> str:
    return place.country_code or (place.countries[0] if place.countries else "")


def haversine_matrix(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    la, lo = np.radians(lat), np.radians(lon)
    dlat = la[:, None] - la[None, :]
    dlon = lo[:, None] - lo[None, :]
    a = np.sin(dlat / 2) ** 2 + np.cos(la)[:, None] * np.cos(la)[None, :] * np.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def _prior(groups: Sequence[Group], w: Weights) -> np.ndarray:
    out = []
    for g in groups:
        own = []
        for place, rank in zip(g.candidates, g.name_ranks):
            pop = math.log10(1 + max(place.population or 0, AREA_POPULATION.get(place.kind, 0)))
            town = w.not_a_town if g.town and place.kind not in ("city", "admin2") else 0.0
            if g.local and place.kind in ("country", "continent"):
                town += w.not_a_country
            if g.kinds is not None and place.kind not in g.kinds:
                town += w.wrong_kind
            own.append(w.population * pop + w.kind * KIND_PRIOR.get(place.kind, 0.0) + w.name_kind[rank] + town)
        if g.kinds is None:
            # the seat takes over its region's standing: a famous region's weight
            # stays with the name, now on the city
            for region, city in _namesake_seats(g.candidates):
                own[city] = max(own[city], own[region])
                own[region] += w.namesake_region
        out.extend(own)
    return np.array(out, dtype=float)


SEAT_POPULATION = 50_000


def _namesake_seats(candidates: Sequence[Place]) -> list[tuple[int, int]]:
    """(region, city) index pairs of first-level regions named after a city of theirs
    (Baghdad Governorate, Tel Aviv District, Greater London, New York state): news
    names such a region with its kind word ("Baghdad province", "the state of New
    York", cues that lift it anyway), so the bare name is the city. Inside a region:
    the same state code in the US (the codes agree only there), elsewhere within
    NEAR_KM of the region's point."""
    out = []
    for k, region in enumerate(candidates):
        if region.kind != "admin1":
            continue
        for j, city in enumerate(candidates):
            if (city.kind != "city" or (city.population or 0) < SEAT_POPULATION
                    or city.country_code != region.country_code or fold(city.name) != fold(region.name)):
                continue
            if (city.admin1 == region.admin1) if city.country_code == "US" else _km(city, region) <= NEAR_KM:
                out.append((k, j))
                break
    return out


def _km(a: Place, b: Place) -> float:
    return great_circle((a.lat, a.lon), (b.lat, b.lon)).km


def _containment(groups: Sequence[Group], places: list[Place], gidx: np.ndarray, probs: np.ndarray) -> np.ndarray:
    """+1 for a candidate inside its stated container's likely places, -1 outside."""
    out = np.zeros(len(places))
    offsets = np.concatenate([[0], np.cumsum([len(g.candidates) for g in groups])])
    for gi, g in enumerate(groups):
        if g.container is None and g.state is None and g.country is None:
            continue
        inside_keys: dict[tuple[str, str | None], float] = {}
        if g.state:
            inside_keys[("US", g.state)] = 1.0
        if g.country:
            inside_keys[(g.country, None)] = 1.0
        if g.container is not None:
            outer = groups[g.container]
            for k, place in enumerate(outer.candidates):
                p = float(probs[offsets[g.container] + k])
                key = (_country(place), place.admin1 if place.kind == "admin1" else None)
                inside_keys[key] = max(inside_keys.get(key, 0.0), p)
        for k in range(offsets[gi], offsets[gi + 1]):
            place = places[k]
            hit = max(inside_keys.get((_country(place), None), 0.0), inside_keys.get((_country(place), place.admin1), 0.0))
            out[k] = hit if hit > 0 else -0.5
    return out


def _list_shares(groups: Sequence[Group], places: list[Place], lists: Sequence[Sequence[int]],
                 probs: np.ndarray) -> np.ndarray:
    """Per candidate of a list member ("Alaska, Alabama and Georgia"): the mean probability
    the list's other members put on places of its kind and country.
    Only areas count: a list of states or countries is uniform, while "New York, Moscow
    and St. Petersburg" mixes countries, and pulling its towns into one country is wrong."""
    same = np.zeros(len(places))
    offsets = np.concatenate([[0], np.cumsum([len(g.candidates) for g in groups])]).astype(int)
    for members in lists:
        members = [gi for gi in dict.fromkeys(members) if groups[gi].candidates]
        if len(members) < 2:
            continue
        for gi in members:
            if groups[gi].fixed:
                continue
            others = [go for go in members if go != gi]
            for k in range(offsets[gi], offsets[gi + 1]):
                if places[k].kind not in LIST_KINDS:
                    continue
                key = (places[k].kind, _country(places[k]))
                for go in others:
                    for j in range(offsets[go], offsets[go + 1]):
                        if (places[j].kind, _country(places[j])) == key:
                            same[k] += probs[j] / len(others)
    return same


def _softmax_groups(logits: np.ndarray, gidx: np.ndarray, n_groups: int) -> np.ndarray:
    top = np.full(n_groups, -np.inf)
    np.maximum.at(top, gidx, logits)
    e = np.exp(logits - top[gidx])
    total = np.zeros(n_groups)
    np.add.at(total, gidx, e)
    return e / total[gidx]


def _context(places: list[Place], gidx: np.ndarray, probs: np.ndarray, n_groups: int,
             near_k: np.ndarray) -> tuple[np.ndarray, ...]:
    """Per candidate: log(1 + probability mass the *other* groups put on its country,
    on its first-level region, and near it); the log lets the first mentions count
    most, so a long document does not drown a short one's evidence."""
    countries = [_country(p) for p in places]
    admins = [f"{_country(p)}/{p.admin1}" if p.admin1 else "" for p in places]
    feats = []
    shares = []
    for keys in (countries, admins):
        index = {k: i for i, k in enumerate(sorted(set(keys)))}
        col = np.array([index[k] for k in keys])
        mass = np.zeros((n_groups, len(index)))
        np.add.at(mass, (gidx, col), probs)
        own = mass[gidx, col]
        share = np.log1p(mass[:, col].sum(axis=0) - own)
        blank = np.array([k in ("", "/") or k.endswith("/") for k in keys])
        share[blank] = 0.0
        feats.append(share)
        # the share, not the amount: five Tennessee towns and no French one make a
        # bare "Paris" Tennessean however long the story
        others = mass.sum() - mass[gidx].sum(axis=1)
        shares.append(np.where(others > 0, (mass[:, col].sum(axis=0) - own) / np.maximum(others, 1e-9), 0.0))
        shares[-1][blank] = 0.0
    # per other group, its best candidate near this one, weighted by the square root
    # of its probability: two names that are each other's only local reading (an
    # Arlington and an Alexandria side by side) lift each other even while both
    # still lean to their famous namesakes.
    weighted = near_k * np.sqrt(probs)[None, :]
    best = np.zeros((len(places), n_groups))
    np.maximum.at(best.T, gidx, weighted.T)
    near = np.log1p(best.sum(axis=1))
    return feats[0], feats[1], near, shares[0], shares[1]


def score(groups: list[Group], weights: Weights = Weights(), lists: Sequence[Sequence[int]] = ()) -> None:
    """Fill every group's ``probs`` with its candidates' probabilities; ``lists`` are
    groups named together as a list, which should share kind and country."""
    places = [p for g in groups for p in g.candidates]
    if not places:
        return
    gidx = np.array([gi for gi, g in enumerate(groups) for _ in g.candidates])
    fixed = np.array([groups[gi].fixed for gi in gidx])
    lat = np.array([p.lat for p in places])
    lon = np.array([p.lon for p in places])
    area = np.array([p.kind in AREA_KINDS for p in places])
    near_k = np.exp(-haversine_matrix(lat, lon) / NEAR_KM)
    near_k[gidx[:, None] == gidx[None, :]] = 0.0
    near_k[area, :] = 0.0
    near_k[:, area] = 0.0
    prior = _prior(groups, weights)
    probs = _softmax_groups(prior, gidx, len(groups))
    for _ in range(weights.iterations):
        country, admin1, near, share, admin1_share = _context(places, gidx, probs, len(groups), near_k)
        contained = _containment(groups, places, gidx, probs)
        list_same = _list_shares(groups, places, lists, probs)
        logits = (prior + weights.country * country + weights.admin1 * admin1 + weights.country_share * share
                  + weights.admin1_share * admin1_share
                  + weights.list_same * list_same
                  + weights.near * near + weights.contained * contained)
        logits[fixed] = 0.0
        probs = _softmax_groups(logits, gidx, len(groups))
    start = 0
    for g in groups:
        g.probs = probs[start:start + len(g.candidates)]
        start += len(g.candidates)
