"""Events from a parsed article: clause-level triggers, then when, where, who, how many.

Every event keeps the sentence it came from; mentions of one event merge (merge.py).
The event's place is always one of the article's toponyms: the one attached to the
trigger in the parse, else the article's main place, and the dateline only when the
article names nothing else.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from geomap.events.actors import find_actors
from geomap.events.casualties import count_casualties
from geomap.events.claims import find_claimant
from geomap.events.dates import Reference, Resolved, infer_reference, resolve_expression
from geomap.events.candidates import Candidate, find_candidates
from geomap.events.location import geo_precision, locate
from geomap.events.merge import Mention, merge_mentions
from geomap.events.sentence_span import mended_sentence
from geomap.events.taxonomy import OTHER, VIOLENT_TYPES, Category, refine
from geomap.events.triggers import context_words, possible_triggers, screen_reason, trigger_category
from geomap.events.when import DatePhrase, date_entities, find_date_phrases, is_future
from geomap.records import Document, Event, Span, Toponym

logger = logging.getLogger(__name__)

LOCATION_KINDS = frozenset({"place"})
BACKGROUND_DAYS = 60  # older than this before the story: background, not news


@dataclass(frozen=True)
class _Context:
    doc: Doc
    document: Document
    toponyms: tuple[Toponym, ...]
    candidates: tuple[Candidate, ...]
    main_place: Toponym | None
    reference: Reference | None
    dates: tuple[DatePhrase, ...]
    # per-document memos: an article's triggers share sentences and date phrases
    resolved: dict[tuple[str, bool], Resolved | None] = field(default_factory=dict)
    casualties: dict[int, tuple[int | None, int | None]] = field(default_factory=dict)


def _main_place(toponyms: Sequence[Toponym]) -> Toponym | None:
    """The place the article is mostly about: most mentioned, earliest on ties."""
    resolved = [t for t in toponyms if t.kind in LOCATION_KINDS and t.place is not None]
    if not resolved:
        datelines = [t for t in toponyms if t.kind == "dateline" and t.place is not None]
        return datelines[0] if datelines else None
    counts = Counter(t.place.id for t in resolved)
    return max(resolved, key=lambda t: (counts[t.place.id], -t.start))


def _context(doc: Doc, toponyms: Sequence[Toponym], document: Document) -> _Context:
    dated = [(ent.start, ent.end, ent.text) for ent in doc.ents if ent.label_ == "DATE"]
    date_texts = [text for _, _, text in dated]
    # doc.text joins every token anew: only an undated document needs the text, and
    # its own copy serves
    text = (document.text or doc.text) if document.published is None else ""
    reference = infer_reference(date_texts, text, document.published)
    return _Context(doc, document, tuple(toponyms), tuple(find_candidates(doc, toponyms)), _main_place(toponyms),
                    reference, tuple(date_entities(doc, dated)))


def _resolve(phrase: str, ctx: _Context, future: bool) -> Resolved | None:
    key = (phrase, future)
    if key not in ctx.resolved:
        ctx.resolved[key] = resolve_expression(phrase, ctx.reference, future=future)
    return ctx.resolved[key]


def _text_length(doc: Doc) -> int:
    last = doc[-1] if len(doc) else None
    return 0 if last is None else last.idx + len(last.text_with_ws)


def _casualties(sentence: SpacySpan, ctx: _Context) -> tuple[int | None, int | None]:
    if sentence.start_char not in ctx.casualties:
        # the document's own text, sliced: Span.text joins the sentence's words anew
        text = ctx.document.text
        own = text[sentence.start_char:sentence.end_char] if len(text) == _text_length(ctx.doc) else sentence.text
        ctx.casualties[sentence.start_char] = count_casualties(own)
    return ctx.casualties[sentence.start_char]


def _when(trigger: Token, ctx: _Context) -> tuple[Resolved | None, bool]:
    """(resolved date, whether the text dated it), or the article's default."""
    future = is_future(trigger)
    for phrase in find_date_phrases(trigger, ctx.dates):
        resolved = _resolve(phrase, ctx, future)
        if resolved is not None:
            return resolved, True
    if ctx.reference is None:
        return None, False
    return Resolved(ctx.reference.day, 2), False


def _where(trigger: Token, ctx: _Context, sentence_only: bool) -> tuple[Toponym | None, int, bool]:
    """(toponym, geo precision, whether the sentence itself placed the event)."""
    start, end = mended_sentence(trigger.sent)  # the parser may split a sentence inside brackets
    local = [c for c in ctx.candidates if start <= c.span.start and c.span.end <= end]
    if not sentence_only:
        # an event on the map needs a place the gazetteer knows
        local = [c for c in local if c.toponym.place is not None]
    best = locate(trigger, local)
    if best is not None:
        return best.toponym, geo_precision(best.near, best.toponym), True
    if sentence_only or ctx.main_place is None:
        return None, 3, False
    kind = ctx.main_place.place.kind if ctx.main_place.place else "other"
    return ctx.main_place, 3 if kind != "city" else 2, False


def _build(trigger: Token, category: Category, ctx: _Context, given: bool) -> Mention | None:
    sentence = trigger.sent
    resolved, dated = _when(trigger, ctx)
    if not given and resolved is not None and ctx.reference is not None:
        too_old = resolved.day < ctx.reference.day - timedelta(days=BACKGROUND_DAYS)
        if resolved.background or too_old:
            logger.debug("skipping background event %r (%s)", trigger.text, resolved.day)
            return None
    toponym, precision, located = _where(trigger, ctx, sentence_only=given)
    fatalities = injured = None
    if category.event_type in VIOLENT_TYPES:
        fatalities, injured = _casualties(sentence, ctx)
    actor1, actor2 = find_actors(trigger, ctx.toponyms)
    confidence = category.weight * (1.0 if located else 0.8) * (1.0 if dated else 0.9)
    event = Event(
        event_type=category.event_type,
        sub_event_type=category.sub_event_type,
        trigger=Span(trigger.idx, trigger.idx + len(trigger.text), trigger.text),
        sentence=Span(sentence.start_char, sentence.end_char),
        date=resolved.day if resolved else None,
        time_precision=resolved.precision if resolved and not resolved.background else 3,
        place=toponym.place if toponym else None,
        location_text=toponym.text if toponym else None,
        location_span=Span(toponym.start, toponym.end, toponym.text) if toponym and located else None,
        geo_precision=precision,
        actor1=actor1,
        actor2=actor2,
        fatalities=fatalities,
        injured=injured,
        confidence=round(min(1.0, confidence), 3),
        doc_id=ctx.document.id,
        claimed_by=find_claimant(trigger),
    )
    return Mention(event, dated, located)


def _is_toponym_token(token: Token, ctx: _Context) -> bool:
    return any(t.start <= token.idx < t.end for t in ctx.toponyms)


def extract_events(doc: Doc, toponyms: Sequence[Toponym], document: Document) -> list[Event]:
    """The events an article reports, merged, in text order.

    `doc` needs POS, lemmas and a parse at least on its trigger sentences: the full
    pipeline, or a selective one followed by events.parsing.parse_trigger_sentences."""
    if not doc.has_annotation("DEP"):
        logger.warning("document %s has no dependency parse: no events can be found", document.id)
    ctx = _context(doc, toponyms, document)
    mentions: list[Mention] = []
    for token in possible_triggers(doc):
        category = trigger_category(token)
        if category is None or _is_toponym_token(token, ctx):
            continue
        reason = screen_reason(token)
        if reason is not None:
            logger.debug("screened %r at %d: %s", token.text, token.idx, reason)
            continue
        mention = _build(token, category, ctx, given=False)
        if mention is not None:
            mentions.append(mention)
    return merge_mentions(mentions)


# What a verb like "capture" or "take" acts on when it means winning or recording,
# not seizing: "captured her first title", "captured the imagination of the public".
CONTEST_OBJECTS = frozenset({
    "title", "crown", "medal", "gold", "silver", "bronze", "championship", "trophy", "cup", "prize", "award",
    "win", "victory", "stage", "downhill", "slalom", "wicket", "hat-trick", "tournament", "race", "match",
    "final", "pole", "lap", "lead",
    "imagination", "attention", "heart", "mood", "spirit", "essence", "interest", "coverage", "headline",
})
# who "captured" someone when it means filmed them
RECORDING_SUBJECTS = frozenset({"camera", "footage", "video", "film", "tape", "photograph", "photo", "image",
                                "lens", "photographer", "recording", "cctv"})


def _not_an_event(token: Token) -> bool:
    """The given word in a sense that reports no political event ("captured the
    title", "cameras captured him"): such a sentence cannot say where an event was."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    for child in token.children:
        lemma = child.lemma_.lower()
        if child.dep_ in ("dobj", "nsubjpass") and (lemma in CONTEST_OBJECTS or child.lower_ in CONTEST_OBJECTS):
            return True
        if child.dep_ == "nsubj" and lemma in RECORDING_SUBJECTS:
            return True
    return False


def extract_for_trigger(doc: Doc, toponyms: Sequence[Toponym], document: Document, trigger: Span) -> Event:
    """Exactly one event for a given trigger word, even one the extractor would skip.

    A word used in a sense that reports no event gets an event without a place."""
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        token = min(doc, key=lambda t: abs(t.idx - trigger.start))
    else:
        token = span.root
    category = trigger_category(token) or refine(OTHER, context_words(token))
    ctx = _context(doc, toponyms, document)
    if _not_an_event(token):
        ctx = replace(ctx, candidates=())
    mention = _build(token, category, ctx, given=True)
    assert mention is not None  # given=True never skips
    return mention.event
