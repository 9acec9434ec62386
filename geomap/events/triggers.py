"""Which words report an event, of what kind, and whether the text asserts it happened.

A word from the lexicon is a trigger only in an asserted clause: negated ("has not
intervened"), modal ("could have led to another war"), conditional ("if talks fail")
or hedged ("the threat of a new war", "called for a ceasefire") mentions are not
events. Future plans ("talks will start on Thursday") are kept: analysts track them.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

from geomap.events.doc_memo import per_doc
from geomap.events.taxonomy import (
    CLASH,
    CONDITIONAL_TRIGGERS,
    SHELLING,
    WEAPON_WORDS,
    NOUN_TRIGGERS,
    VERB_TRIGGERS,
    Category,
    lexicon_category,
    refine,
)

MODALS = frozenset({"could", "might", "may", "would", "should", "must", "can"})
CONDITION_MARKS = frozenset({"if", "unless", "whether", "lest"})
HEDGE_WORDS = frozenset({
    "threat", "risk", "fear", "danger", "possibility", "prospect", "spectre", "specter", "threaten", "risk",
    "warn", "refrain", "avoid", "prevent", "deny", "refuse", "fail", "urge", "call", "demand", "seek",
    "want", "hope", "propose", "rule", "avert", "plan_to_not", "condemn", "accuse", "blame", "allege",
    "vow", "pledge", "aim", "consider", "discuss", "oppose", "reject",
})
NEGATIONS = frozenset({"not", "n't", "never", "no", "without", "neither", "nor"})
# dependency arcs through which a noun trigger borrows its clause's polarity and mood
_UP_ARCS = frozenset({"dobj", "pobj", "prep", "xcomp", "attr", "nsubjpass", "nsubj", "compound", "amod",
                      "acomp", "pcomp", "oprd", "appos", "conj", "ccomp", "advcl", "acl", "relcl"})
_CLAUSE_BOUNDARY = frozenset({"ccomp", "advcl", "relcl", "acl", "ROOT", "parataxis"})
# Every lexicon key ends with the lemma (or form) it is looked up by, so a word whose
# lemma and form end no key cannot be a trigger: checking that first spares most words
# the walk over their children.
_KEY_ENDS = frozenset(key.split()[-1] for key in (*VERB_TRIGGERS, *NOUN_TRIGGERS)) | CONDITIONAL_TRIGGERS


def trigger_category(token: Token) -> Category | None:
    """The category a token names, before screening, or None."""
    is_verb = token.pos_ in ("VERB", "AUX") or (token.tag_.startswith("VB") and token.pos_ != "NOUN")
    if token.pos_ not in ("VERB", "NOUN", "PROPN", "ADJ") and not is_verb:
        return None
    lemma = token.lemma_.lower()
    if lemma.rsplit(" ", 1)[-1] not in _KEY_ENDS and token.lower_ not in _KEY_ENDS:
        return None
    # only a noun is looked up with the words compounded before it ("car bomb"): a verb skips the walk
    compounds = "" if is_verb else \
        " ".join(c.lower_ for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i)
    if compounds:
        for key in (f"{compounds} {lemma}", f"{compounds.split()[-1]} {lemma}"):
            found = lexicon_category(key, is_verb=False)
            if found is not None:
                return refine(found, context_words(token))
    if lemma in CONDITIONAL_TRIGGERS:
        context = context_words(token)
        return refine(SHELLING, context) if context & WEAPON_WORDS else None
    if lemma == "blow" and not any(c.lower_ == "up" for c in token.children):
        return None
    found = lexicon_category(lemma, is_verb)
    if found is None and not is_verb and token.lower_ != lemma:
        found = lexicon_category(token.lower_, is_verb)
    if found is None:
        return None
    if found is CLASH:
        # "an offensive ... with artillery" is still a battle unless the weapon is its own
        own = frozenset(t.lower_ for t in token.subtree) | frozenset(t.lemma_.lower() for t in token.subtree)
        return refine(found, own)
    return refine(found, context_words(token))


def possible_triggers(doc: Doc) -> Iterator[Token]:
    """The doc's words that may be triggers, in order: all whose form or lemma ends a
    lexicon key (read from the doc's arrays, which spares building every Token)."""
    if not len(doc):
        return
    strings = doc.vocab.strings
    forms = doc.to_array([LOWER, LEMMA])
    ids = [w for w in set(forms[:, 0].tolist()) if _ends_key(w, strings, _FORM_ENDS_KEY, False)]
    ids += [w for w in set(forms[:, 1].tolist()) if _ends_key(w, strings, _LEMMA_ENDS_KEY, True)]
    if not ids:
        return
    # a few dozen ids: comparing with each beats numpy.isin's sort
    hits = (forms[:, :, None] == numpy.array(ids, dtype="uint64")[None, None, :]).any(axis=(1, 2))
    for index in numpy.flatnonzero(hits).tolist():
        yield doc[index]


# whether a word form / a lemma (by string hash) ends a lexicon key: asked of every
# distinct word of every doc, answered once per word
_FORM_ENDS_KEY: dict[int, bool] = {}
_LEMMA_ENDS_KEY: dict[int, bool] = {}


def _ends_key(key: int, strings: StringStore, memo: dict[int, bool], lemma: bool) -> bool:
    found = memo.get(key)
    if found is None:
        text = strings[key]
        found = memo[key] = (text.lower().rsplit(" ", 1)[-1] if lemma else text) in _KEY_ENDS
    return found


def context_words(token: Token) -> frozenset[str]:
    """Lower-cased words and lemmas of the trigger's sentence that refine its kind."""
    sentence = token.sent
    words = _doc_words(token.doc)
    found = words.by_sentence.get(sentence.start)
    if found is None:
        # once per sentence, not once per trigger in it
        forms = words.forms[sentence.start:sentence.end]
        found = words.by_sentence[sentence.start] = \
            frozenset(map(words.lowers.__getitem__, set(forms[:, 0].tolist()))) | \
            frozenset(map(words.lemmas.__getitem__, set(forms[:, 1].tolist())))
    return found


class _DocWords:
    """A doc's words and lower-cased lemmas, read from its arrays once (a Token per
    word, twice, cost more than the rest of the test) and each distinct one looked up
    once per doc, not once per sentence it is in."""

    def __init__(self, doc: Doc) -> None:
        self.forms = doc.to_array([LOWER, LEMMA])
        strings = doc.vocab.strings
        self.lowers = {w: strings[w] for w in set(self.forms[:, 0].tolist())}
        self.lemmas = {w: strings[w].lower() for w in set(self.forms[:, 1].tolist())}
        self.by_sentence: dict[int, frozenset[str]] = {}


_doc_words = per_doc(_DocWords)


def _governors(token: Token) -> list[Token]:
    """The trigger and the words above it in its own clause."""
    chain = [token]
    node = token
    while node.head.i != node.i and node.dep_ in _UP_ARCS and len(chain) < 6:
        boundary = node.dep_ in _CLAUSE_BOUNDARY and node.pos_ in ("VERB", "AUX")
        node = node.head
        chain.append(node)
        if boundary:
            break
    return chain


def screen_reason(token: Token) -> str | None:
    """Why the clause does not assert the event ("negated", "modal", ...), or None."""
    for depth, node in enumerate(_governors(token)):
        for child in node.children:
            lower = child.lower_
            if child.dep_ == "neg" or (child.dep_ == "det" and lower == "no"):
                return "negated"
            if child.dep_ == "aux" and lower in MODALS:
                return "modal"
            if child.dep_ == "mark" and lower in CONDITION_MARKS:
                return "conditional"
            if child.dep_ == "prep" and lower == "without" and depth > 0:
                return "negated"
        if depth > 0 and node.lemma_.lower() in HEDGE_WORDS:
            return "hedged"
        if depth > 0 and node.lower_ == "without":
            return "negated"
    return None
