"""Helpers the resolver tests share: toponyms for names in a text, and what they resolve to."""

from __future__ import annotations

from geomap.records import Toponym
from geomap.resolve.resolver import Resolver


def spans(text: str, *names: str, kind: str = "place") -> list[Toponym]:
    """Toponyms for each occurrence of each name, in text order."""
    out = []
    for name in names:
        start = text.find(name)
        while start >= 0:
            out.append(Toponym(start, start + len(name), name, kind=kind))
            start = text.find(name, start + 1)
    return sorted(out, key=lambda t: t.start)


def resolved_ids(resolver: Resolver, text: str, *names: str) -> dict[str, str | None]:
    result = resolver.resolve(text, spans(text, *names))
    return {t.text: t.place.id if t.place else None for t in result}
