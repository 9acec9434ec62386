"""Who acted (actor1) and on whom (actor2), read from the trigger's arguments.

Names are normalised the way analysts file them: a demonym resolved to a country
becomes that country ("Azerbaijani troops" -> "Azerbaijan"), determiners and numbers
are dropped ("at least 32 people" -> "people").
"""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Token

from geomap.records import Toponym

_DROP_DEPS = frozenset({"det", "nummod", "quantmod", "punct", "predet", "advmod", "cc", "prep", "relcl",
                        "acl", "appos", "conj", "case"})
_GENERIC_FORCES = frozenset({"troops", "forces", "force", "army", "military", "soldiers", "jets", "warplanes",
                             "aircraft", "police", "government", "authorities", "officials", "navy",
                             "artillery", "drones", "border", "guards", "missile", "missiles", "rocket",
                             "rockets", "shells", "warplane", "helicopters", "drone"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "which", "that", "this"})


def _phrase(token: Token) -> list[Token]:
    kept = [token]
    for child in token.children:
        if child.dep_ in _DROP_DEPS or child.i > token.i:
            continue
        kept.extend(t for t in child.subtree if t.dep_ not in ("det", "nummod", "quantmod", "punct"))
    return sorted(kept, key=lambda t: t.i)


def normalise_actor(token: Token, toponyms: Sequence[Toponym]) -> str | None:
    """A readable actor name for the noun phrase headed by `token`."""
    for toponym in toponyms:
        if toponym.kind == "dateline" and toponym.start <= token.idx < toponym.end + 40:
            return None  # the dateline's city (and what the parse glued to it) acted on nothing
        if toponym.kind == "demonym" and toponym.place is not None and toponym.start <= token.idx < toponym.end:
            if token.pos_ == "ADJ" or token.lower_ in _GENERIC_FORCES:
                return toponym.place.name
    if token.lower_ in _PRONOUNS or token.pos_ not in ("NOUN", "PROPN"):
        return None
    if token.lower_ in ("people", "person") and not any(c.dep_ in ("amod", "compound") for c in token.children):
        return None
    words = _phrase(token)
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    for toponym in toponyms:
        inside = start <= toponym.start and toponym.end <= end
        if inside and toponym.kind == "demonym" and toponym.place is not None:
            rest = [w for w in words if not toponym.start <= w.idx < toponym.end]
            if all(w.lower_ in _GENERIC_FORCES for w in rest):
                return toponym.place.name
            return " ".join([toponym.place.name] + [w.text for w in rest])
    text = " ".join(w.text for w in words).replace(" 's", "'s").strip()
    return text or None


def _by_agent(trigger: Token) -> Token | None:
    for child in trigger.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def find_actors(trigger: Token, toponyms: Sequence[Toponym]) -> tuple[str | None, str | None]:
    """(actor1, actor2) for a trigger, each None when the sentence does not say."""
    actor1 = actor2 = None
    children = list(trigger.children)
    if trigger.pos_ in ("VERB", "AUX"):
        subject = next((c for c in children if c.dep_ == "nsubj"), None)
        passive = next((c for c in children if c.dep_ == "nsubjpass"), None)
        obj = next((c for c in children if c.dep_ == "dobj"), None)
        agent = _by_agent(trigger)
        actor1 = normalise_actor(subject, toponyms) if subject is not None else None
        if actor1 is None and agent is not None:
            actor1 = normalise_actor(agent, toponyms)
        target = obj if obj is not None else passive
        actor2 = normalise_actor(target, toponyms) if target is not None else None
        if actor1 is None and trigger.dep_ in ("conj", "xcomp") and trigger.head.pos_ == "VERB":
            return find_actors(trigger.head, toponyms)[0], actor2
    else:
        owner = next((c for c in children if c.dep_ in ("poss",) or
                      (c.dep_ in ("amod", "compound") and c.pos_ in ("PROPN", "ADJ"))), None)
        agent = _by_agent(trigger)
        source = owner if owner is not None else agent
        actor1 = normalise_actor(source, toponyms) if source is not None else None
        if actor1 is None and trigger.dep_ in ("dobj",) and trigger.head.pos_ == "VERB":
            subject = next((c for c in trigger.head.children if c.dep_ == "nsubj"), None)
            actor1 = normalise_actor(subject, toponyms) if subject is not None else None
    return actor1, actor2
