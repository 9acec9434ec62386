"""Parse and lemmatise only the sentences that can hold an event.

The extractor needs coarse POS, lemmas and the dependency parse, but only around a
trigger word; the geoparser needs none of them. Running those components over every
sentence of every article is most of what extraction adds to geoparsing, so the
pipeline runs them switched off (sentences from the senter, as for geoparsing) and
:func:`parse_trigger_sentences` runs them afterwards on just the sentences holding
a form of a trigger-lexicon word. Sentences left out get a flat tree (every word
under the sentence's first), POS from the tagger's tags and no lemmas: no trigger
can be found there, and nothing the extractor reads elsewhere depends on them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.strings import hash_string
from spacy.tokens import Span as SpacySpan

from geomap.events.taxonomy import CONDITIONAL_TRIGGERS, NOUN_TRIGGERS, VERB_TRIGGERS

logger = logging.getLogger(__name__)

TRIGGER_LEMMAS = frozenset(
    {key.split()[-1] for key in (*VERB_TRIGGERS, *NOUN_TRIGGERS)} | CONDITIONAL_TRIGGERS
)
UNPARSED_DEP = "dep"
# the components the geoparser leaves out and the extractor needs, in pipeline order
DEFERRED = ("parser", "attribute_ruler", "lemmatizer")


def _regular_forms(lemma: str) -> set[str]:
    """Inflected forms a rule would give (over-generating only costs a parse)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing",
             lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    return forms


def trigger_forms(nlp: Language) -> frozenset[str]:
    """Every surface form of a trigger lemma: regular inflections plus the model's
    own irregular ones ("fought", "shot", "struck"), read from its lemmatizer."""
    forms: set[str] = set()
    for lemma in TRIGGER_LEMMAS:
        forms |= _regular_forms(lemma)
    if "lemmatizer" in nlp.component_names:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is not None and lookups.has_table("lemma_exc"):
            for table in lookups.get_table("lemma_exc").values():
                forms |= {form for form, lemmas in table.items() if TRIGGER_LEMMAS.intersection(lemmas)}
    return frozenset(forms)


def make_selective(nlp: Language) -> Language:
    """Switch off `nlp`'s POS mapping, lemmatizer and parser (the senter finds
    sentences instead); they stay loaded for :func:`parse_trigger_sentences`."""
    for name in DEFERRED:
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    nlp.meta["geomap_trigger_forms"] = sorted(trigger_forms(nlp))
    return nlp


def is_selective(nlp: Language) -> bool:
    return "parser" in nlp.disabled


_FORMS_CACHE: dict[int, frozenset[str]] = {}
_FORM_IDS_CACHE: dict[frozenset[str], numpy.ndarray] = {}


def _forms(nlp: Language) -> frozenset[str]:
    key = id(nlp)
    if key not in _FORMS_CACHE:
        _FORMS_CACHE[key] = frozenset(nlp.meta.get("geomap_trigger_forms") or trigger_forms(nlp))
    return _FORMS_CACHE[key]


def _form_ids(forms: frozenset[str]) -> numpy.ndarray:
    """The forms' string hashes (a token's LOWER is the hash of its lower-cased text,
    whether or not the store holds the string yet), worked out once per form set."""
    if forms not in _FORM_IDS_CACHE:
        _FORM_IDS_CACHE[forms] = numpy.array(sorted(hash_string(f) for f in forms), dtype="uint64")
    return _FORM_IDS_CACHE[forms]


TERMINAL = frozenset({".", "!", "?", '"', "'", "\u201d", "\u2019", ":", ";", "...", "\u2026"})


def sentence_units(doc: Doc) -> list[SpacySpan]:
    """The senter's sentences, rejoined where it split without end punctuation: the
    senter over-splits ("In the city of Nablus Saturday | a man was shot") where the
    parser, which decides the final boundaries, would not."""
    units: list[SpacySpan] = []
    start = None
    for sentence in doc.sents:
        start = sentence.start if start is None else start
        last = sentence[-1] if not sentence[-1].is_space or len(sentence) < 2 else sentence[-2]
        if last.text in TERMINAL or sentence.end == len(doc):
            units.append(doc[start:sentence.end])
            start = None
    return units


def trigger_sentences(doc: Doc, forms: frozenset[str], at: Sequence[int] = (),
                      units: list[SpacySpan] | None = None) -> list[SpacySpan]:
    """Sentences holding a trigger form, or any of the character offsets `at`
    (`units`: the doc's :func:`sentence_units`, when the caller has them)."""
    hits = numpy.isin(doc.to_array([LOWER]).reshape(-1), _form_ids(forms))
    found = []
    for unit in sentence_units(doc) if units is None else units:
        if hits[unit.start:unit.end].any() or any(unit.start_char <= offset < unit.end_char for offset in at):
            found.append(unit)
    return found


def _write_parse(doc: Doc, units: list[SpacySpan], parsed: list[tuple[SpacySpan, Doc]]) -> None:
    heads = numpy.zeros(len(doc), dtype="int64")  # relative offsets, as from_array wants
    deps = numpy.full(len(doc), doc.vocab.strings.add(UNPARSED_DEP), dtype="uint64")
    root = doc.vocab.strings.add("ROOT")
    for sentence in units:
        first = sentence.start
        heads[first:sentence.end] = first - numpy.arange(first, sentence.end)
        deps[first] = root
    for sentence, sub in parsed:
        heads[sentence.start:sentence.end] = sub.to_array([HEAD]).astype("int64").reshape(-1)
        deps[sentence.start:sentence.end] = sub.to_array([DEP]).reshape(-1)
    doc.from_array([HEAD, DEP], numpy.column_stack([heads.astype("uint64"), deps]))


class _TagMapper:
    """The model's attribute ruler, fast: its one-token rules on TAG (and LOWER) -
    almost all of them: tag -> POS, morphology, a pronoun's lemma - become table
    lookups over arrays; the few others (multi-token, on the parse) run as a small ruler."""

    ATTRS = ("POS", "MORPH", "LEMMA")

    def __init__(self, nlp: Language) -> None:
        self.table: dict[tuple[int, int], tuple[int, int, int]] = {}
        self.looked_up: dict[tuple[int, int], tuple[int, int, int]] = {}  # memo of _lookup
        self.special_lowers: set[int] = set()
        self.rest: AttributeRuler | None = None
        if "attribute_ruler" not in nlp.component_names:
            return
        rest = []
        for rule in nlp.get_pipe("attribute_ruler").patterns:
            keys = self._keys(rule)
            if keys is None:
                rest.append(rule)
                continue
            attrs = rule["attrs"]
            values = (IDS.get(attrs.get("POS", ""), 0),
                      nlp.vocab.morphology.add(attrs["MORPH"]) if "MORPH" in attrs else 0,
                      nlp.vocab.strings.add(attrs["LEMMA"]) if "LEMMA" in attrs else 0)
            for tag, lower in keys:
                self.table[(nlp.vocab.strings.add(tag), nlp.vocab.strings.add(lower) if lower else 0)] = values
        self.special_lowers = {lower for _, lower in self.table if lower}
        if rest:
            self.rest = AttributeRuler(nlp.vocab, "geomap_rest_ruler")
            self.rest.add_patterns(rest)

    @staticmethod
    def _values(value: object) -> list[str] | None:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return list(value["IN"])
        return None

    def _keys(self, rule: dict) -> list[tuple[str, str]] | None:
        patterns = rule["patterns"]
        if len(patterns) != 1 or len(patterns[0]) != 1 or set(rule["attrs"]) - set(self.ATTRS):
            return None
        token = patterns[0][0]
        if set(token) - {"TAG", "LOWER"} or "TAG" not in token:
            return None
        tags = self._values(token["TAG"])
        lowers = self._values(token["LOWER"]) if "LOWER" in token else [""]
        if tags is None or lowers is None:
            return None
        return [(tag, lower) for tag in tags for lower in lowers]

    def _memo(self, tag: int, lower: int) -> tuple[int, int, int]:
        # a word no rule names gets its tag's rule: keyed by the tag alone, the memo stays small
        key = (tag, lower if lower in self.special_lowers else 0)
        if key not in self.looked_up:
            self.looked_up[key] = self._lookup(tag, lower)
        return self.looked_up[key]

    def _lookup(self, tag: int, lower: int) -> tuple[int, int, int]:
        general = self.table.get((tag, 0), (0, 0, 0))
        special = self.table.get((tag, lower))
        if special is None:
            return general
        return tuple(s or g for s, g in zip(special, general))  # type: ignore[return-value]

    def __call__(self, doc: Doc, parsed: Sequence[SpacySpan] | None = None) -> Doc:
        """Map the whole doc's tags; the few rules left run on the `parsed` sentences
        only (all of the doc when None): elsewhere no trigger, place or date is read
        from POS, lemma or parse, and the matcher over every word was a fifth of the cost."""
        array = doc.to_array([TAG, LOWER, POS, MORPH, LEMMA])
        pairs, inverse = numpy.unique(array[:, :2], axis=0, return_inverse=True)
        mapped = numpy.array([self._memo(int(t), int(w)) for t, w in pairs], dtype="uint64").reshape(-1, 3)
        mapped = mapped[inverse.reshape(-1)]
        values = array[:, 2:]
        values[:] = numpy.where(mapped > 0, mapped, values)
        doc.from_array([POS, MORPH, LEMMA], values)
        if self.rest is None:
            return doc
        if parsed is None:
            return self.rest(doc)
        for sentence in parsed:
            # matches on a span count from its start; sorted by rule, as the ruler applies them
            found = sorted((int(doc.vocab.strings[key]), key, sentence.start + start, sentence.start + end)
                           for key, start, end in self.rest.matcher(sentence, allow_missing=True, as_spans=False))
            self.rest.set_annotations(doc, found)
        return doc


_MAPPERS: dict[int, _TagMapper] = {}


def _mapper(nlp: Language) -> _TagMapper:
    if id(nlp) not in _MAPPERS:
        _MAPPERS[id(nlp)] = _TagMapper(nlp)
    return _MAPPERS[id(nlp)]


def _lemmatize(lemmatizer: Lemmatizer, sentences: Sequence[SpacySpan]) -> None:
    """The lemmatizer's own rule for each word of the parsed sentences (the others
    hold no trigger form: their lemmas are never read)."""
    for sentence in sentences:
        for token in sentence:
            if lemmatizer.overwrite or token.lemma == 0:
                token.lemma_ = lemmatizer.lemmatize(token)[0]


def _sentence_docs(doc: Doc, sentences: list[SpacySpan]) -> list[Doc]:
    """Each sentence as a Doc of its own; Span.as_doc would read the whole doc's
    arrays once per sentence, so they are read once here and shared."""
    if not sentences:
        return []
    head = doc._get_array_attrs()
    array = doc.to_array(head)
    return [s.as_doc(array_head=head, array=array) for s in sentences]


def parse_trigger_sentences(nlp: Language, doc: Doc, at: Sequence[int] = ()) -> Doc:
    """Give the sentences of `doc` that hold a trigger form (or a character offset in
    `at`: a trigger given from outside) a parse, and the doc POS and lemmas, in place."""
    if doc.has_annotation("DEP") or not len(doc):
        return doc
    units = sentence_units(doc)
    sentences = trigger_sentences(doc, _forms(nlp), at, units)
    subs = _sentence_docs(doc, sentences)
    if subs and "parser" in nlp.component_names:
        subs = list(nlp.get_pipe("parser").pipe(subs))
    _write_parse(doc, units, list(zip(sentences, subs)))
    _mapper(nlp)(doc, sentences)
    if "lemmatizer" in nlp.component_names:
        _lemmatize(nlp.get_pipe("lemmatizer"), sentences)
    logger.debug("parsed %d sentences", len(subs))
    return doc


def parse_all(nlp: Language, docs: Iterable[Doc], at: Iterable[Sequence[int]] | None = None) -> Iterator[Doc]:
    """Each doc with its trigger sentences parsed, when `nlp` runs selectively;
    `at` gives, per doc, character offsets whose sentences must be parsed too."""
    selective = is_selective(nlp)
    offsets = iter(at) if at is not None else None
    for doc in docs:
        forced = next(offsets) if offsets is not None else ()
        yield parse_trigger_sentences(nlp, doc, forced) if selective else doc
