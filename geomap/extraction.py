"""Event extraction over many JSON lines: parse, find and resolve toponyms, extract.

Shared by `geomap extract` and `geomap evaluate events|event-location`. Toponyms come
from the geoparser (the full spaCy pipeline plus the gazetteer); when the gazetteer
cannot be opened, the model's own GPE/LOC/FAC entities stand in, unresolved, so the
location spans can still be scored. The pipeline runs like the geoparser's (no
parser, lemmatizer or POS mapping); those run afterwards on the sentences that hold
a trigger word only (events/parsing.py), which keeps extraction cheap.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from geomap.errors import GeomapError, InputError
from geomap.events import extract_events, extract_for_trigger
from geomap.events.parsing import make_selective, parse_all
from geomap.records import Document, Event, Span, Toponym

logger = logging.getLogger(__name__)

FALLBACK_LABELS = ("GPE", "LOC", "FAC")


def document_of(row: dict[str, Any]) -> Document:
    """A Document from an input line ({"id", "text", "published"?, "title"?, ...})."""
    published = row.get("published")
    try:
        day = date.fromisoformat(str(published)[:10]) if published else None
    except ValueError as exc:
        raise InputError(f"line {row.get('id')!r}: published {published!r} is not an ISO date") from exc
    return Document(text=row["text"], title=row.get("title") or "", url=row.get("url"),
                    source=row.get("source"), published=day, id=str(row.get("id") or ""))


class EventRunner:
    """One spaCy pipeline and one geoparser, reused for every document."""

    def __init__(self, gazetteer_path: Path | None = None, use_gazetteer: bool = True) -> None:
        self.geoparser: Any = None
        if use_gazetteer:
            try:
                from geomap.gazetteer import Gazetteer
                from geomap.pipeline import Pipeline

                # the same spaCy pipeline and geoparser as ingest, built the same way
                pipeline = Pipeline(Gazetteer.open(gazetteer_path))
                self.nlp, self.geoparser = pipeline.nlp, pipeline.geoparser
            except (ImportError, GeomapError) as exc:
                logger.warning("no geoparser (%s): using the model's place entities, unresolved", exc)
        if self.geoparser is None:
            from geomap.nlp.model import load_model

            self.nlp = make_selective(load_model())

    def toponyms(self, doc: Doc) -> list[Toponym]:
        if self.geoparser is not None:
            return self.geoparser.toponyms_of(doc)
        return [Toponym(e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ in FALLBACK_LABELS]

    def parse(self, texts: Iterable[str], batch_size: int = 32,
              at: Iterable[Sequence[int]] | None = None) -> Iterator[tuple[Doc, list[Toponym]]]:
        """Each text parsed, with its toponyms; `at` gives per text the character
        offsets of given triggers, whose sentences are parsed whatever words they hold."""
        for doc in parse_all(self.nlp, self.nlp.pipe(texts, batch_size=batch_size), at):
            yield doc, self.toponyms(doc)

    def run(self, rows: list[dict[str, Any]], given_trigger: bool = False) -> Iterator[list[Event]]:
        """The events of each row, in order (exactly one per row with given_trigger)."""
        at = [_given_offsets(row) for row in rows] if given_trigger else None
        for row, (doc, toponyms) in zip(rows, self.parse((r["text"] for r in rows), at=at)):
            document = document_of(row)
            if given_trigger:
                trigger = row.get("event") or {}
                if "start" not in trigger or "end" not in trigger:
                    raise InputError(f"line {row.get('id')!r}: --given-trigger needs \"event\": {{start, end}}")
                span = Span(int(trigger["start"]), int(trigger["end"]))
                yield [extract_for_trigger(doc, toponyms, document, span)]
            else:
                yield extract_events(doc, toponyms, document)


def _given_offsets(row: dict[str, Any]) -> tuple[int, ...]:
    trigger = row.get("event") or {}
    if isinstance(trigger, dict) and isinstance(trigger.get("start"), int):
        return (trigger["start"],)
    return ()


def event_json(event: Event) -> dict[str, Any]:
    """An event as the `geomap extract` contract writes it."""
    place = event.place
    return {
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "date": event.date.isoformat() if event.date else None,
        "time_precision": event.time_precision,
        "location": place.name if place else event.location_text,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "geo_precision": event.geo_precision,
        "country_code": place.country_code if place else None,
        "actor1": event.actor1,
        "actor2": event.actor2,
        "fatalities": event.fatalities,
        "injured": event.injured,
        "claimed_by": event.claimed_by,
        "trigger": {"start": event.trigger.start, "end": event.trigger.end, "text": event.trigger.text},
        "location_span": ({"start": event.location_span.start, "end": event.location_span.end}
                          if event.location_span else None),
        "sentence": {"start": event.sentence.start, "end": event.sentence.end},
        "sentences": [{"start": s.start, "end": s.end} for s in event.sentences],
        "confidence": event.confidence,
    }
