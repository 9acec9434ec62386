"""Mentions of one event within an article become one event with every source sentence.

Two mentions are the same event when their dates agree (or one has only the default
date), their kinds are compatible (the same sub-type, or both acts of violence: "the
attack" and "32 people were killed in the fighting") and their places do not differ.
The first mention in the text leads; later ones fill what it lacks.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from geomap.events.taxonomy import VIOLENT_TYPES
from geomap.records import Event


NEARBY_CHARS = 300


@dataclass(frozen=True)
class Mention:
    event: Event
    dated: bool  # False when the date is only the article's default
    located: bool  # False when the place is only the article's main place


def _compatible_kind(a: Event, b: Event) -> bool:
    if (a.event_type, a.sub_event_type) == (b.event_type, b.sub_event_type):
        return True
    return a.event_type in VIOLENT_TYPES and b.event_type in VIOLENT_TYPES


def _same(a: Mention, b: Mention) -> bool:
    if not _compatible_kind(a.event, b.event):
        return False
    if a.dated and b.dated and (a.event.date != b.event.date):
        return False
    if not (a.dated and b.dated) and a.event.event_type in VIOLENT_TYPES and \
            b.event.sentence.start - a.event.sentences[-1].end > NEARBY_CHARS:
        return False  # a toll far from any date is often a running total, not this attack
    if a.located and b.located and a.event.place and b.event.place:
        return a.event.place.id == b.event.place.id
    return True


def _combine(lead: Mention, other: Mention) -> Mention:
    event = lead.event
    updates: dict[str, object] = {
        "sentences": tuple(sorted(set(event.sentences) | set(other.event.sentences), key=lambda s: s.start)),
        "confidence": min(1.0, max(event.confidence, other.event.confidence) + 0.05),
    }
    if not lead.dated and other.dated:
        updates.update(date=other.event.date, time_precision=other.event.time_precision)
    if not lead.located and other.located:
        updates.update(place=other.event.place, location_text=other.event.location_text,
                       location_span=other.event.location_span, geo_precision=other.event.geo_precision)
    for name in ("fatalities", "injured", "actor1", "actor2", "claimed_by"):
        if getattr(event, name) is None and getattr(other.event, name) is not None:
            updates[name] = getattr(other.event, name)
    # a shelling or an air strike says more about what happened than "killed" does
    if event.sub_event_type in ("Attack", "Armed clash") and other.event.event_type == "Explosions/Remote violence":
        updates.update(event_type=other.event.event_type, sub_event_type=other.event.sub_event_type)
    return Mention(replace(event, **updates), lead.dated or other.dated, lead.located or other.located)


def merge_mentions(mentions: list[Mention]) -> list[Event]:
    """Group the mentions of an article (in text order) into events."""
    groups: list[Mention] = []
    for mention in mentions:
        for index, group in enumerate(groups):
            if _same(group, mention):
                groups[index] = _combine(group, mention)
                break
        else:
            groups.append(mention)
    return [group.event for group in groups]
