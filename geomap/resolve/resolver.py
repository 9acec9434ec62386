"""Resolve the toponyms of one document to gazetteer places, reading the whole document.

What decides (weights in scoring.Weights): each candidate's population and kind, and
whether the name is its own or only an alternate spelling; the countries, first-level
regions and neighbourhoods the document's other names point to (the dateline counts as
one more mention, a weak prior on where the story is); explicit containment
("Springfield, Illinois", "Springfield, Ill.", "Azaz, a town in northern Syria"); words
that make a name a town's ("the Lebanon City Council"); one sense per discourse (all
mentions of a name share one reading); and the coherence of the resolved set, by
recomputing that context from the current readings a few times.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, Protocol

import numpy as np

from geomap.errors import GeocoderError
from geomap.gazetteer.entries import NAME_KINDS
from geomap.gazetteer.fold import fold
from geomap.records import Place, Toponym
from geomap.resolve import context, names
from geomap.resolve.scoring import Group, Weights, haversine_matrix, score

log = logging.getLogger(__name__)

MAX_CANDIDATES = 40
AGREE_KM = 100.0
DEMONYM_SCORE = 0.9


class Geocoder(Protocol):
    def geocode(self, name: str, country_codes: Sequence[str] = ()) -> Place | None: ...


class Resolver:
    """``Resolver(gazetteer, geocoder=None).resolve(text, toponyms)``: each toponym gets
    the place the document most likely means and a score in [0, 1]; a toponym whose
    best score is under ``threshold``, or with no candidate at all, stays unresolved."""

    def __init__(self, gazetteer: Any, geocoder: Geocoder | None = None, threshold: float = 0.05,
                 weights: Weights = Weights(), fuzzy: bool = False) -> None:
        self.gazetteer = gazetteer
        self.geocoder = geocoder
        self.threshold = threshold
        self.weights = weights
        # spelling variants ("Kharkov") cost ~50 ms a name over the whole index: opt-in
        self.fuzzy = fuzzy
        self._states: dict[str, Place] | None = None

    def resolve(self, text: str, toponyms: Sequence[Toponym]) -> list[Toponym]:
        """The toponyms, in text order, with ``place`` and ``score`` set."""
        toponyms = sorted(toponyms, key=lambda t: (t.start, t.end))
        groups, member = self._groups(text, toponyms)
        lists = [[member[i] for i in run if member[i] is not None] for run in context.name_lists(text, toponyms)]
        score(groups, self.weights, lists)
        if self.geocoder is not None:
            self._geocode_missing(groups)
        out = []
        for top, gi in zip(toponyms, member):
            out.append(self._pick(top, groups[gi]) if gi is not None else top)
        return out

    def _pick(self, top: Toponym, group: Group) -> Toponym:
        if not group.candidates:
            return replace(top, place=None, score=0.0)
        if group.fixed:
            return replace(top, place=group.candidates[0], score=DEMONYM_SCORE)
        best, p = _best(group)
        if p < self.threshold:
            return replace(top, place=None, score=round(p, 4))
        return replace(top, place=group.candidates[best], score=round(min(max(p, 0.0), 1.0), 4))

    def _groups(self, text: str, toponyms: Sequence[Toponym]) -> tuple[list[Group], list[int | None]]:
        """One group per distinct name (one sense per discourse), with containment links."""
        groups: list[Group] = []
        by_key: dict[str, int] = {}
        member: list[int | None] = []
        for top in toponyms:
            key, cands, alts, fixed = self._lookup(top)
            if key not in by_key:
                by_key[key] = len(groups)
                groups.append(Group(key, cands, alts, fixed=fixed))
            member.append(by_key[key])
        for inner, outer in context.containers(text, toponyms).items():
            gi, go = member[inner], member[outer]
            if gi is not None and go is not None and gi != go and not groups[gi].fixed:
                groups[gi].container = go
        for i in context.town_cues(text, toponyms):
            if member[i] is not None:
                groups[member[i]].town = True
        for i in context.local_cues(text, toponyms):
            if member[i] is not None:
                groups[member[i]].local = True
        for i, cue in context.kind_cues(text, toponyms).items():
            if member[i] is not None:
                self._apply_kind_cue(groups[member[i]], cue)
        for i, state in context.ap_states(text, toponyms).items():
            gi = member[i]
            if gi is not None:
                groups[gi].state = state
        return groups, member

    def _apply_kind_cue(self, group: Group, cue: context.KindCue) -> None:
        if group.fixed:
            return
        group.kinds = cue.kinds
        for word in cue.adjectives:
            place = names.demonym(self.gazetteer, word)
            if place is not None and place.kind == "country" and place.country_code:
                group.country = place.country_code
                break

    def use_gazetteer(self, gazetteer: Any) -> None:
        """Switch to another handle on the gazetteer (a forked worker's own)."""
        self.gazetteer = gazetteer
        self._states = None

    def candidate_places(self, top: Toponym) -> list[Place]:
        """Every place the resolver would consider for ``top`` (for error analysis)."""
        return self._lookup(top)[1]

    def _lookup(self, top: Toponym) -> tuple[str, list[Place], list[int], bool]:
        pairs = self.candidates(top.text) if top.kind != "demonym" else []
        if top.kind == "demonym" or not any(rank <= 1 for _, rank in pairs):
            # "American" is a demonym even where a village of that name exists
            place = names.demonym(self.gazetteer, top.text)
            if place is not None:
                return f"demonym:{place.id}", [place], [0], True
        state = self._state(top.text)
        if state is not None:
            return f"state:{state.id}", [state], [0], False
        return fold(top.text), [p for p, _ in pairs], [r for _, r in pairs], False

    def _state(self, text: str) -> Place | None:
        """A US state named by its AP abbreviation ("Ky.", "W.Va.")."""
        code = context.AP_STATES.get(text.replace(" ", ""))
        if code is None:
            return None
        if self._states is None:
            self._states = {p.admin1: p for p in self.gazetteer.by_country("US", kind="admin1") if p.admin1}
        return self._states.get(code)

    def candidates(self, name: str) -> list[tuple[Place, int]]:
        """(place, name-kind rank) for ``name`` and its abbreviations written out ("Mt.",
        "St.", "Co."); failing that, for the place inside it ("Laurel County", "City of
        Oxford", "South Los Angeles" -> Laurel, Oxford, Los Angeles, ranked as weak), or
        a close spelling."""
        pairs = self._merged([name, *names.expansions(name)])
        if not pairs:
            for inner in names.unwrapped(name):
                pairs = [(p, max(r, 2)) for p, r in self._merged([inner, *names.expansions(inner)])]
                if pairs:
                    break
        if not pairs and self.fuzzy and len(name) >= 6:
            pairs = [(p, 2) for p, _ in self.gazetteer.fuzzy(name, limit=5, score_cutoff=90)]
        pairs.sort(key=lambda pr: _importance(pr[0]), reverse=True)
        return pairs[:MAX_CANDIDATES]

    def _merged(self, forms: Sequence[str]) -> list[tuple[Place, int]]:
        best: dict[str, tuple[Place, int]] = {}
        for form in forms:
            for place, kind in names.lookup(self.gazetteer, form):
                rank = _rank(kind)
                if place.id not in best or rank < best[place.id][1]:
                    best[place.id] = (place, rank)
        return list(best.values())

    def _geocode_missing(self, groups: list[Group]) -> None:
        countries = _top_countries(groups)
        for g in groups:
            if g.candidates or g.fixed:
                continue
            try:
                place = self.geocoder.geocode(g.key, country_codes=countries)
            except GeocoderError as exc:
                log.warning("%s; %r stays unresolved", exc, g.key)
                continue
            if place is not None:
                g.candidates, g.name_ranks = [place], [0]
                g.probs = np.ones(1)


def _best(group: Group) -> tuple[int, float]:
    """The candidate with the most probability within 100 km of it (a town and the
    region named after it, or two entries for one city, agree rather than compete)."""
    lat = np.array([p.lat for p in group.candidates])
    lon = np.array([p.lon for p in group.candidates])
    close = haversine_matrix(lat, lon) <= AGREE_KM
    mass = close.astype(float) @ group.probs
    best = int(np.argmax(mass + 1e-6 * group.probs))
    return best, float(min(mass[best], 1.0))


def _rank(kind: str) -> int:
    return NAME_KINDS.index(kind) if kind in NAME_KINDS else len(NAME_KINDS) - 1


def _importance(place: Place) -> float:
    # areas first: 40 towns called Georgia must not crowd out the state
    base = {"continent": 3e10, "country": 2e10, "admin1": 1e8, "region": 1e8}.get(place.kind, 0.0)
    return base + float(place.population or 0)


def _top_countries(groups: Sequence[Group]) -> list[str]:
    mass: dict[str, float] = {}
    for g in groups:
        for place, p in zip(g.candidates, g.probs):
            code = place.country_code
            if code:
                mass[code] = mass.get(code, 0.0) + float(p)
    return [c for c, _ in sorted(mass.items(), key=lambda kv: -kv[1])[:3]]

