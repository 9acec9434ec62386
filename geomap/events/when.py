"""Which date expression belongs to a trigger, and whether its clause speaks of the future."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

from geomap.events.doc_memo import among, per_doc


_LOOSE_DATE_RE = re.compile(
    r"^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|overnight|tonight)s?$",
    re.I,
)
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_FUTURE_LEMMAS = frozenset({"plan", "schedule", "expect", "due", "set", "prepare", "intend", "agree"})


DatePhrase = tuple[int, int, str]  # (start token, end token, text)


def date_entities(doc: Doc, dated: Sequence[DatePhrase] | None = None) -> list[DatePhrase]:
    """The doc's DATE entities that can date an event: worked out once per doc, as
    reading doc.ents builds every entity span anew (`dated`: all its DATE entities,
    when the caller has them)."""
    if dated is None:
        dated = [(e.start, e.end, e.text) for e in doc.ents if e.label_ == "DATE"]
    # "since April 15" opens a period: the start of a war, not the day of this event
    return [d for d in dated if not (d[0] > 0 and doc[d[0] - 1].lower_ in ("since", "until", "by"))]


def _phrases(trigger: Token, dates: Sequence[DatePhrase] | None) -> list[DatePhrase]:
    """(start token, end token, text) of every date expression in the sentence."""
    sentence = trigger.sent
    if dates is None:
        dates = date_entities(trigger.doc)
    found = [d for d in dates if sentence.start <= d[0] < sentence.end]
    covered = {i for start, end, _ in found for i in range(start, end)}
    doc = trigger.doc
    for index in _loose_dates(doc):
        if sentence.start <= index < sentence.end and index not in covered:
            found.append((index, index + 1, doc[index].text))
    return found


_LOOSE_FORMS: dict[int, bool] = {}  # whether a word form (by hash) is a loose date word
_LOOSE_FORMS_LIMIT = 500_000  # a long-running server sees new forms forever: start over past this

@per_doc
def _loose_dates(doc: Doc) -> list[int]:
    """Indices of the doc's loose date words ("Tuesday", "yesterday"), in order: the
    regex runs once per distinct word form, not once per word of every trigger's sentence."""
    orths = doc.to_array([ORTH]).reshape(-1)
    strings = doc.vocab.strings
    forms = set(orths.tolist())
    if len(_LOOSE_FORMS) > _LOOSE_FORMS_LIMIT:
        _LOOSE_FORMS.clear()
    for orth in forms:
        if orth not in _LOOSE_FORMS:  # (``forms - _LOOSE_FORMS.keys()`` copies every key ever seen)
            _LOOSE_FORMS[orth] = _LOOSE_DATE_RE.match(strings[orth]) is not None
    wanted = numpy.array([o for o in forms if _LOOSE_FORMS[o]], dtype="uint64")
    return numpy.flatnonzero(among(orths, wanted)).tolist() if len(wanted) else []


def _attached(root: Token, heads: set[int]) -> bool:
    node = root
    for _ in range(8):
        if node.i in heads:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _heads(trigger: Token) -> set[int]:
    heads = {trigger.i} | {c.i for c in trigger.conjuncts}
    node = trigger
    while node.dep_ in ("dobj", "pobj", "prep", "nsubj", "nsubjpass", "xcomp", "attr", "compound") \
            and node.head.i != node.i:
        node = node.head
        heads.add(node.i)
    return heads


def find_date_phrases(trigger: Token, dates: Sequence[DatePhrase] | None = None) -> list[str]:
    """Date expressions of the trigger's sentence, the one attached to it first;
    `dates` is :func:`date_entities` of the trigger's doc, when the caller has it."""
    phrases = _phrases(trigger, dates)
    heads = _heads(trigger)

    def rank(item: tuple[int, int, str]) -> tuple[int, int]:
        start, end, _ = item
        root = trigger.doc[start:end].root
        return (0 if _attached(root, heads) else 1, min(abs(start - trigger.i), abs(end - 1 - trigger.i)))

    return [text for _, _, text in sorted(phrases, key=rank)]


def is_future(trigger: Token) -> bool:
    """True when the clause plans or announces the event rather than reports it."""
    node, steps = trigger, 0
    while steps < 5:
        for child in node.children:
            if child.dep_ == "aux" and child.lower_ in _FUTURE_AUX:
                return True
            if child.dep_ == "aux" and child.lower_ == "to" and node.head.lemma_ == "go":
                return True
        if steps and node.lemma_.lower() in _FUTURE_LEMMAS and node.i != trigger.i:
            return node.lemma_.lower() != "agree" or trigger.pos_ == "VERB"
        if node.head.i == node.i or node.dep_ in ("ccomp", "relcl", "advcl"):
            break
        node, steps = node.head, steps + 1
    return False
