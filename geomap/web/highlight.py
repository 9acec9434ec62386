"""Split an article into segments so a template can mark toponyms and event triggers.

The template escapes every segment; nothing here builds HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from geomap.records import Event, Toponym


@dataclass(frozen=True)
class Segment:
    text: str
    toponym: Toponym | None = None
    event: Event | None = None  # the event whose trigger this segment is
    event_number: int | None = None


def _covering(items: Sequence, start: int, end: int, bounds) -> int | None:
    for i, item in enumerate(items):
        lo, hi = bounds(item)
        if lo <= start and end <= hi:
            return i
    return None


def segments(text: str, toponyms: Sequence[Toponym], events: Sequence[Event]) -> list[Segment]:
    """Consecutive pieces of text, each inside at most one toponym and one trigger."""
    n = len(text)
    tops = [t for t in toponyms if 0 <= t.start < t.end <= n]
    evs = [e for e in events if 0 <= e.trigger.start < e.trigger.end <= n]
    cuts = {0, n}
    for t in tops:
        cuts.update((t.start, t.end))
    for e in evs:
        cuts.update((e.trigger.start, e.trigger.end))
    ordered = sorted(cuts)
    out: list[Segment] = []
    for start, end in zip(ordered, ordered[1:]):
        ti = _covering(tops, start, end, lambda t: (t.start, t.end))
        ei = _covering(evs, start, end, lambda e: (e.trigger.start, e.trigger.end))
        out.append(Segment(
            text[start:end],
            tops[ti] if ti is not None else None,
            evs[ei] if ei is not None else None,
            events.index(evs[ei]) + 1 if ei is not None else None,
        ))
    return out
