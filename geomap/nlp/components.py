"""spaCy components that find place names (toponyms) in a Doc.

Each recogniser is a registered factory that only *proposes* candidate spans on
``doc._.geomap_candidates`` (trimmed of a leading "the" and a trailing "'s"); the last one,
``geomap_toponyms``, settles overlaps and writes the Toponym records to ``doc._.geomap_toponyms``. Keeping
proposal and decision apart lets each rule be tested alone and switched off in config.

Components need a gazetteer, which is not JSON-able config: ``build_nlp`` hands the
same object to every component with :func:`set_gazetteer`; a component left without
one opens the default gazetteer on first use.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from geomap.nlp import orgplaces, patterns, rules
from geomap.records import Toponym
from geomap.resolve import names
from geomap.resolve.context import AP_STATES

log = logging.getLogger(__name__)

PLACE_LABELS = ("GPE", "LOC", "FAC")
CHECKED_LABELS = ("ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT")
DEMONYM_HOSTS = ("", "NORP", "LANGUAGE", "ORG", "MISC")
AP_KEYS = frozenset(k.replace(" ", "") for k in AP_STATES)
# Higher wins an overlap; the model's own place entities are the most reliable source.
PRIORITY = {"dateline": 6, "ner": 5, "checked": 4, "demonym": 3, "org_place": 2, "matcher": 1}


@dataclass(frozen=True)
class Candidate:
    """A span some recogniser thinks is a toponym, before overlaps are settled."""

    start: int
    end: int
    kind: str
    source: str


def _toponyms_of(doc: Doc) -> list[Toponym] | None:
    spans = doc._.geomap_toponym_spans
    if spans is None:
        return None
    text = doc.text
    return [Toponym(start, end, text[start:end], kind=kind) for start, end, kind in spans]


def _register_extensions() -> None:
    if not Doc.has_extension("geomap_candidates"):
        Doc.set_extension("geomap_candidates", default=None)
    # Stored as plain [start, end, kind] lists: Doc user data must survive msgpack when
    # nlp.pipe runs in several processes; ``geomap_toponyms`` makes the records of them.
    if not Doc.has_extension("geomap_toponym_spans"):
        Doc.set_extension("geomap_toponym_spans", default=None)
    if not Doc.has_extension("geomap_toponyms"):
        Doc.set_extension("geomap_toponyms", getter=_toponyms_of)


_register_extensions()


def _candidates(doc: Doc) -> list[Candidate]:
    if doc._.geomap_candidates is None:
        doc._.geomap_candidates = []
    return doc._.geomap_candidates


_REOPENED: dict[tuple[int, str], Any] = {}


def _reopen(gazetteer: Any) -> Any:
    """The same index opened again in this process (one per process and path)."""
    key = (os.getpid(), str(gazetteer.path))
    if key not in _REOPENED:
        _REOPENED[key] = type(gazetteer).open(gazetteer.path, build_if_missing=False)
    return _REOPENED[key]


class _GazetteerComponent:
    """Base of every component that looks names up in the gazetteer."""

    def __init__(self, nlp: Language, name: str, gazetteer_path: str | None = None) -> None:
        self.name = name
        self.gazetteer_path = gazetteer_path
        self._gazetteer: Any = None
        self._pid = os.getpid()
        self._people_of: Doc | None = None
        self._people_words: frozenset[str] = frozenset()

    @property
    def gazetteer(self) -> Any:
        if self._gazetteer is None:
            from geomap.gazetteer import Gazetteer  # the default index is big: open it only when needed

            self._gazetteer = Gazetteer.open(path=self.gazetteer_path)
            self._pid = os.getpid()
        elif self._pid != os.getpid() and hasattr(self._gazetteer, "path"):
            # nlp.pipe(n_process=2) forks: an SQLite connection must not cross a fork
            self._gazetteer = _reopen(self._gazetteer)
            self._pid = os.getpid()
        return self._gazetteer

    def set_gazetteer(self, gazetteer: Any) -> None:
        self._gazetteer = gazetteer
        self._pid = os.getpid()

    def add(self, doc: Doc, text: str, start: int, end: int, kind: str, source: str) -> None:
        # ``text`` is passed in because Doc.text joins every token on each access
        trimmed = rules.trim(text, start, end)
        if trimmed is None:
            return
        if kind != "demonym" and rules.looks_like_person(self.gazetteer, doc, *trimmed, self._people(doc)):
            return
        _candidates(doc).append(Candidate(trimmed[0], trimmed[1], kind, source))

    def _people(self, doc: Doc) -> frozenset[str]:
        # one Doc at a time: the words of its full person names, computed once per Doc
        if self._people_of is not doc:
            self._people_of, self._people_words = doc, rules.person_words(doc, self.gazetteer)
        return self._people_words


class EntityPlaces(_GazetteerComponent):
    """The model's GPE/LOC/FAC entities, and PERSON/ORG/NORP/... ones that are really
    places. A facility named after its town ("Paris High School") yields the town."""

    def __call__(self, doc: Doc) -> Doc:
        _candidates(doc)
        text = doc.text
        people = rules.person_words(doc, self.gazetteer)
        for ent in doc.ents:
            if ent.label_ == "NORP" and names.demonym(self.gazetteer, ent.text):
                continue  # "Angolan" is a demonym even where a village is called so
            if ent.label_ == "FAC" and rules.has_institution_word(ent):
                inside = list(rules.places_inside(self.gazetteer, ent))
                for start, end in inside:
                    self.add(doc, text, start, end, "org_place", "checked")
                if inside:
                    continue
            if ent.label_ in PLACE_LABELS and not rules.not_a_place_here(doc, ent.start, ent.end):
                self.add(doc, text, ent.start_char, ent.end_char, "place", "ner")
            elif ent.label_ in CHECKED_LABELS:
                span = rules.trim(text, ent.start_char, ent.end_char)
                if span and rules.is_place_entity(self.gazetteer, ent, text[span[0]:span[1]], people):
                    self.add(doc, text, ent.start_char, ent.end_char, "place", "checked")
        return doc


class Demonyms(_GazetteerComponent):
    """Words like "Armenian" or "Sri Lankan" that point at a country, as their own
    toponym kind; also inside organisation names ("the Russian Museum")."""

    def __call__(self, doc: Doc) -> Doc:
        _candidates(doc)
        text = doc.text
        covered: set[int] = set()
        for ent in doc.ents:
            if ent.label_ == "NORP" and len(ent) > 1 and names.demonym(self.gazetteer, ent.text):
                self.add(doc, text, ent.start_char, ent.end_char, "demonym", "demonym")
                covered.update(range(ent.start, ent.end))
        for token in doc:
            if token.i in covered or not (token.is_title or token.is_upper) or not token.is_alpha:
                continue
            if token.ent_type_ in DEMONYM_HOSTS and names.demonym(self.gazetteer, token.text):
                self.add(doc, text, token.idx, token.idx + len(token.text), "demonym", "demonym")
        return doc


class OrgPlaces(_GazetteerComponent):
    """Place names inside organisation names: "University of Virginia" -> Virginia,
    also where the model took the organisation for a person ("Alexandria Police")."""

    def __call__(self, doc: Doc) -> Doc:
        _candidates(doc)
        text = doc.text
        for ent in doc.ents:
            if ent.label_ in ("ORG", "FAC") or (ent.label_ in CHECKED_LABELS and rules.has_institution_word(ent)):
                for start, end in rules.places_inside(self.gazetteer, ent):
                    self.add(doc, text, start, end, "org_place", "org_place")
            if ent.label_ in ("ORG", "PERSON"):
                lead = orgplaces.leading_place(self.gazetteer, ent)
                if lead:  # a PERSON "Sri Lanka Erie" is a headline the model ran together
                    self.add(doc, text, *lead, "org_place" if ent.label_ == "ORG" else "place", "org_place")
        for start, end, kind in orgplaces.head_places(self.gazetteer, doc, self._people(doc)):
            self.add(doc, text, start, end, kind, "org_place")
        return doc


class Abbreviations(_GazetteerComponent):
    """AP-style state abbreviations: "Salina, Kan.", "Sen. Bob Casey, D-Pa."."""

    def __call__(self, doc: Doc) -> Doc:
        _candidates(doc)
        for start, end in rules.ap_abbreviations(doc.text, AP_KEYS):
            _candidates(doc).append(Candidate(start, end, "place", "checked"))
        return doc


class GazetteerMatcher(_GazetteerComponent):
    """Capitalised names the model missed that the gazetteer knows, guarded against
    common words that are also towns ("Nice", "Reading", "Police")."""

    def __init__(self, nlp: Language, name: str, gazetteer_path: str | None = None, max_words: int = 4) -> None:
        super().__init__(nlp, name, gazetteer_path)
        self.max_words = max_words

    def __call__(self, doc: Doc) -> Doc:
        _candidates(doc)
        text = doc.text
        for start, end in rules.match_names(self.gazetteer, doc, self.max_words):
            self.add(doc, text, start, end, "place", "matcher")
        # news conventions the model does not know: "Barrow and Jackson counties", "D-Braxton"
        for start, end in patterns.list_members(self.gazetteer, doc, self._people(doc)):
            self.add(doc, text, start, end, "place", "checked")
        for start, end in patterns.party_homes(self.gazetteer, text):
            _candidates(doc).append(Candidate(start, end, "place", "checked"))
        return doc


class Dateline(_GazetteerComponent):
    """"TEHRAN (Iran News) -": where the story was filed, a toponym of its own kind."""

    def __call__(self, doc: Doc) -> Doc:
        _candidates(doc)
        for start, end in rules.dateline(self.gazetteer, doc.text):
            _candidates(doc).append(Candidate(start, end, "dateline", "dateline"))
        return doc


class Toponyms:
    """Settle overlapping candidates and write ``doc._.geomap_toponyms``.

    With ``drop_tensor`` the Doc's tok2vec tensor is freed: a geoparsing-only pipeline
    has no later use for it, and with ``nlp.pipe(n_process=2)`` it is most of the bytes
    every Doc costs on its way back to the main process.
    """

    def __init__(self, nlp: Language, name: str, drop_tensor: bool = False) -> None:
        self.name = name
        self.drop_tensor = drop_tensor

    def __call__(self, doc: Doc) -> Doc:
        chosen: list[Candidate] = []
        ranked = sorted(_candidates(doc), key=lambda c: (-PRIORITY.get(c.source, 0), c.start - c.end))
        for cand in ranked:
            if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
                chosen.append(cand)
        chosen.sort(key=lambda c: c.start)
        doc._.geomap_toponym_spans = [[c.start, c.end, c.kind] for c in chosen]
        doc._.geomap_candidates = None
        if self.drop_tensor:
            doc.tensor = numpy.zeros((0,), dtype="float32")
        return doc


@Language.factory("geomap_entity_places", default_config={"gazetteer_path": None})
def make_entity_places(nlp: Language, name: str, gazetteer_path: str | None) -> EntityPlaces:
    return EntityPlaces(nlp, name, gazetteer_path)


@Language.factory("geomap_demonyms", default_config={"gazetteer_path": None})
def make_demonyms(nlp: Language, name: str, gazetteer_path: str | None) -> Demonyms:
    return Demonyms(nlp, name, gazetteer_path)


@Language.factory("geomap_org_places", default_config={"gazetteer_path": None})
def make_org_places(nlp: Language, name: str, gazetteer_path: str | None) -> OrgPlaces:
    return OrgPlaces(nlp, name, gazetteer_path)


@Language.factory("geomap_gazetteer_matcher", default_config={"gazetteer_path": None, "max_words": 4})
def make_gazetteer_matcher(nlp: Language, name: str, gazetteer_path: str | None, max_words: int) -> GazetteerMatcher:
    return GazetteerMatcher(nlp, name, gazetteer_path, max_words)


@Language.factory("geomap_dateline", default_config={"gazetteer_path": None})
def make_dateline(nlp: Language, name: str, gazetteer_path: str | None) -> Dateline:
    return Dateline(nlp, name, gazetteer_path)


@Language.factory("geomap_abbreviations", default_config={"gazetteer_path": None})
def make_abbreviations(nlp: Language, name: str, gazetteer_path: str | None) -> Abbreviations:
    return Abbreviations(nlp, name, gazetteer_path)


@Language.factory("geomap_toponyms", default_config={"drop_tensor": False})
def make_toponyms(nlp: Language, name: str, drop_tensor: bool) -> Toponyms:
    return Toponyms(nlp, name, drop_tensor)


RECOGNISERS = (
    "geomap_dateline",
    "geomap_entity_places",
    "geomap_demonyms",
    "geomap_org_places",
    "geomap_gazetteer_matcher",
    "geomap_abbreviations",
)
