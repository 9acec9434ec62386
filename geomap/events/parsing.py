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
from spacy.attrs import DEP, HEAD, LOWER, NORM, ORTH, SENT_START, SPACY, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.strings import hash_string
from spacy.tokens import Span as SpacySpan

from geomap.events.tagging import TagMapper, lemmatize
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
    senter over-splits ("In the port city of Odesa on Sunday | two sailors were hurt")
    where the parser, which decides the final boundaries, would not."""
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
                      units: list[SpacySpan] | None = None, hits: numpy.ndarray | None = None) -> list[SpacySpan]:
    """Sentences holding a trigger form, or any of the character offsets `at`
    (`units`: the doc's :func:`sentence_units`; `hits`: per word, whether it is a
    trigger form; when the caller has them)."""
    if hits is None:
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
        tree = sub.to_array([HEAD, DEP])
        heads[sentence.start:sentence.end] = tree[:, 0].astype("int64")
        deps[sentence.start:sentence.end] = tree[:, 1]
    doc.from_array([HEAD, DEP], numpy.column_stack([heads.astype("uint64"), deps]))


_MAPPERS: dict[int, TagMapper] = {}


def _mapper(nlp: Language) -> TagMapper:
    if id(nlp) not in _MAPPERS:
        _MAPPERS[id(nlp)] = TagMapper(nlp)
    return _MAPPERS[id(nlp)]


# what a sentence's own Doc takes from its doc besides words and the tok2vec tensor:
# the senter's boundaries (the parser keeps them) and the features a model's own
# embedding layer could read
_SUB_ATTRS = [SENT_START, NORM, TAG]


def _sentence_docs(doc: Doc, sentences: list[SpacySpan]) -> list[Doc]:
    """Each sentence as a Doc of its own, holding what the parser reads: Span.as_doc
    copies every annotation through Token objects, several times slower."""
    if not sentences:
        return []
    words = doc.to_array([ORTH, SPACY])
    attrs = doc.to_array(_SUB_ATTRS)
    strings = doc.vocab.strings
    subs = []
    for sentence in sentences:
        start, end = sentence.start, sentence.end
        sub = Doc(doc.vocab, words=[strings[int(w)] for w in words[start:end, 0]],
                  spaces=words[start:end, 1].astype(bool).tolist())
        sub.from_array(_SUB_ATTRS, attrs[start:end])
        if doc.tensor.size:
            sub.tensor = doc.tensor[start:end]
        subs.append(sub)
    return subs


class _Batch:
    """The docs of one batch with their trigger sentences, parsed together: one
    parser call over all of them costs less than one per doc, with the same result."""

    def __init__(self, nlp: Language, docs: Sequence[Doc], at: Sequence[Sequence[int]]) -> None:
        self.nlp = nlp
        self.docs = [d for d in docs if len(d) and not d.has_annotation("DEP")]
        forced = {id(d): a for d, a in zip(docs, at)}
        self.units = [sentence_units(d) for d in self.docs]
        forms = _forms(nlp)
        self.sentences = [trigger_sentences(d, forms, forced.get(id(d), ()), u, h)
                          for d, u, h in zip(self.docs, self.units, self._hits(forms))]

    def _hits(self, forms: frozenset[str]) -> list[numpy.ndarray]:
        """Per doc, per word: whether it is a trigger form (one look-up for all docs)."""
        if not self.docs:
            return []
        lowers = numpy.concatenate([d.to_array([LOWER]).reshape(-1) for d in self.docs])
        hits = numpy.isin(lowers, _form_ids(forms))
        return numpy.split(hits, numpy.cumsum([len(d) for d in self.docs])[:-1])

    def parse(self) -> None:
        subs = [sub for d, s in zip(self.docs, self.sentences) for sub in _sentence_docs(d, s)]
        if subs and "parser" in self.nlp.component_names:
            # the parser steps through a quarter of its batch_size at a time: all the
            # sentences in one go make fewer, larger matrix products (same parses)
            subs = list(self.nlp.get_pipe("parser").pipe(subs, batch_size=max(256, 4 * len(subs))))
        parsed = iter(subs)
        for doc, units, sentences in zip(self.docs, self.units, self.sentences):
            _write_parse(doc, units, [(sentence, next(parsed)) for sentence in sentences])
        mapper = _mapper(self.nlp)
        mapper.map_many(self.docs, self.sentences)
        if "lemmatizer" in self.nlp.component_names:
            lemmatizer = self.nlp.get_pipe("lemmatizer")
            for doc, sentences in zip(self.docs, self.sentences):
                lemmatize(lemmatizer, doc, sentences, mapper.lemmas)
        logger.debug("parsed %d sentences of %d docs", len(subs), len(self.docs))


def parse_trigger_sentences(nlp: Language, doc: Doc, at: Sequence[int] = ()) -> Doc:
    """Give the sentences of `doc` that hold a trigger form (or a character offset in
    `at`: a trigger given from outside) a parse, and the doc POS and lemmas, in place."""
    _Batch(nlp, [doc], [at]).parse()
    return doc


def parse_batches(nlp: Language, docs: Iterable[Doc], at: Iterable[Sequence[int]] | None = None,
                  batch_size: int = 32) -> Iterator[Doc]:
    """:func:`parse_trigger_sentences` over a stream of docs, `batch_size` at a time
    (`at`: per doc, as there); docs come out in order, each once its batch is parsed."""
    offsets = iter(at) if at is not None else None
    batch: list[Doc] = []
    forced: list[Sequence[int]] = []
    for doc in docs:
        batch.append(doc)
        forced.append(next(offsets) if offsets is not None else ())
        if len(batch) >= batch_size:
            _Batch(nlp, batch, forced).parse()
            yield from batch
            batch, forced = [], []
    if batch:
        _Batch(nlp, batch, forced).parse()
        yield from batch


def parse_all(nlp: Language, docs: Iterable[Doc], at: Iterable[Sequence[int]] | None = None,
              batch_size: int = 32) -> Iterator[Doc]:
    """Each doc with its trigger sentences parsed, when `nlp` runs selectively;
    `at` gives, per doc, character offsets whose sentences must be parsed too."""
    if is_selective(nlp):
        yield from parse_batches(nlp, docs, at, batch_size)
    else:
        yield from docs
