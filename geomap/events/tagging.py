"""The model's attribute ruler and lemmatizer, applied over arrays.

Run token by token on the parsed sentences, spaCy's own AttributeRuler (a Matcher)
and Lemmatizer cost about as much as a fifth of the parser. Both are deterministic
functions of a few token attributes, so here they become lookups over the doc's
arrays: the same rules, the same order of application, the same results.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from geomap.events.doc_memo import among

logger = logging.getLogger(__name__)

_COLUMNS = {"TAG": TAG, "LOWER": LOWER, "ORTH": ORTH, "DEP": DEP, "POS": POS, "IS_SPACE": IS_SPACE}
_ARRAY_ATTRS = list(_COLUMNS.values())


class _Predicate:
    """One token attribute test of a Matcher pattern, over an array column."""

    def __init__(self, nlp: Language, key: str, value: object) -> None:
        self.column = list(_COLUMNS).index(key)
        self.regex: re.Pattern[str] | None = None
        self.negate = False
        self.known: dict[int, bool] = {}  # regex results by string hash
        if key == "IS_SPACE":  # a flag: only True or False
            if not isinstance(value, bool):
                raise ValueError(f"unsupported predicate {key}: {value!r}")
            self.ids = numpy.array([int(value)], dtype="uint64")
        elif isinstance(value, str):
            self.ids = self._ids(nlp, key, [value])
        elif isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN", "REGEX"}:
            op, arg = next(iter(value.items()))
            if op == "REGEX" and key != "POS":  # POS holds ids, not string hashes
                self.regex, self.ids = re.compile(str(arg)), numpy.zeros(0, dtype="uint64")
            elif op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in arg):  # type: ignore[attr-defined]
                self.ids, self.negate = self._ids(nlp, key, list(arg)), op == "NOT_IN"  # type: ignore[arg-type]
            else:
                raise ValueError(f"unsupported predicate {key}: {value!r}")
        else:
            raise ValueError(f"unsupported predicate {key}: {value!r}")

    @staticmethod
    def _ids(nlp: Language, key: str, values: list[str]) -> numpy.ndarray:
        if key == "POS":
            return numpy.array([IDS.get(v, 0) if v else 0 for v in values], dtype="uint64")
        return numpy.array([nlp.vocab.strings.add(v) if v else 0 for v in values], dtype="uint64")

    def cannot_hold(self, present: dict[int, set[int]]) -> bool:
        """Whether no word among those `present` (values by column) can pass."""
        if self.negate or self.regex is not None:
            return False
        return present[self.column].isdisjoint(self.ids.tolist())

    def mask(self, array: numpy.ndarray, strings: StringStore) -> numpy.ndarray:
        column = array[:, self.column]
        if self.regex is None:
            # a handful of values: comparing with each beats numpy.isin's sort
            hit = among(column, self.ids) if len(self.ids) <= 16 else numpy.isin(column, self.ids)
            return ~hit if self.negate else hit
        values = numpy.unique(column).tolist()
        for value in values:
            if value not in self.known:
                self.known[value] = self.regex.search(strings[value]) is not None
        # the few values that pass, then one array test: not a Python test per word
        passing = numpy.array([v for v in values if self.known[v]], dtype="uint64")
        return numpy.isin(column, passing) if len(passing) else numpy.zeros(len(column), dtype=bool)


def _plain(token: dict) -> dict:
    """A pattern token with attribute tests only (an operator changes the match length)."""
    if not token or "OP" in token or set(token) - set(_COLUMNS):
        raise ValueError(f"unsupported pattern token {token!r}")
    return token


class FastRuler:
    """An AttributeRuler's token patterns (fixed length, no operators) matched over
    arrays; its own set_annotations then applies them, as spaCy's would."""

    def __init__(self, nlp: Language, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        # per rule: its key and patterns, each a list of per-token predicate lists
        self.rules: list[tuple[int, int, list[list[list[_Predicate]]]]] = []
        for attr_id, pattern in enumerate(ruler.patterns):
            key = nlp.vocab.strings.add(str(attr_id))
            compiled = [[[_Predicate(nlp, k, v) for k, v in _plain(token).items()] for token in tokens]
                        for tokens in pattern["patterns"]]
            self.rules.append((attr_id, key, compiled))

    @classmethod
    def of(cls, nlp: Language, ruler: AttributeRuler) -> "FastRuler | None":
        """A FastRuler for `ruler`, or None if a pattern uses more than it reads
        (operators, other attributes): the Matcher must run those."""
        try:
            return cls(nlp, ruler)
        except (ValueError, TypeError, AttributeError) as exc:
            logger.debug("attribute rules left to the matcher: %s", exc)
            return None

    def matches(self, doc: Doc, sentences: Sequence[SpacySpan]) -> list[tuple[int, int, int, int]]:
        """(rule, key, start, end) of every match inside one of `sentences`, in the
        order the ruler applies them (by rule, then position)."""
        return self.matches_many([doc], [sentences])[0]

    def matches_many(self, docs: Sequence[Doc], parsed: Sequence[Sequence[SpacySpan]]
                     ) -> list[list[tuple[int, int, int, int]]]:
        """:meth:`matches` for each doc, worked out over all of them at once."""
        arrays, rows, owners, doc_ids = [], [], [], []
        count = 0  # sentences so far
        for number, (doc, sentences) in enumerate(zip(docs, parsed)):
            if not sentences:
                continue
            # the sentences' words only, one after another; `owners` tells sentences apart
            indices = numpy.concatenate([numpy.arange(s.start, s.end) for s in sentences])
            arrays.append(doc.to_array(_ARRAY_ATTRS)[indices])
            rows.append(indices)
            owners.append(numpy.repeat(numpy.arange(count, count + len(sentences)), [len(s) for s in sentences]))
            doc_ids.append(numpy.full(len(indices), number))
            count += len(sentences)
        found: list[set[tuple[int, int, int, int]]] = [set() for _ in docs]
        if arrays:
            self._find(numpy.concatenate(arrays), numpy.concatenate(rows), numpy.concatenate(owners),
                       numpy.concatenate(doc_ids), docs[0].vocab.strings, found)
        return [sorted(matches) for matches in found]

    def _find(self, array: numpy.ndarray, rows: numpy.ndarray, owner: numpy.ndarray, doc_ids: numpy.ndarray,
              strings: StringStore, found: list[set[tuple[int, int, int, int]]]) -> None:
        present = {column: set(array[:, column].tolist()) for column in range(len(_COLUMNS))}
        for attr_id, key, patterns in self.rules:
            for tokens in patterns:
                if any(p.cannot_hold(present) for predicates in tokens for p in predicates):
                    continue  # most rules name words or tags the sentences do not have
                for i in self._starts(array, owner, tokens, strings).tolist():
                    found[doc_ids[i]].add((attr_id, key, int(rows[i]), int(rows[i]) + len(tokens)))

    @staticmethod
    def _starts(array: numpy.ndarray, owner: numpy.ndarray, tokens: list[list[_Predicate]],
                strings: StringStore) -> numpy.ndarray:
        """Rows where the pattern `tokens` matches, all within one sentence."""
        size = len(tokens)
        if size > len(array):
            return numpy.zeros(0, dtype="int64")
        starts = len(array) - size + 1
        hit = owner[:starts] == owner[size - 1:]
        # value tests before regex tests, and none once nothing is left: a regex test is
        # the dear one, and most patterns fail on their first value
        tests = sorted(((offset, predicate) for offset, predicates in enumerate(tokens) for predicate in predicates),
                       key=lambda test: test[1].regex is not None)
        for offset, predicate in tests:
            hit &= predicate.mask(array[offset:offset + starts], strings)
            if not hit.any():
                break
        return numpy.flatnonzero(hit)

    def __call__(self, doc: Doc, sentences: Sequence[SpacySpan]) -> None:
        self.ruler.set_annotations(doc, self.matches(doc, sentences))


def lemmatize(lemmatizer: Lemmatizer, doc: Doc, sentences: Sequence[SpacySpan],
              memo: dict[tuple[int, int, int], int]) -> None:
    """The lemmatizer's rule for each word of `sentences` that has no lemma yet (the
    others hold no trigger form: their lemmas are never read). Its result depends on
    the word, its POS and morphology alone - spaCy caches it under that key too - so
    it is worked out once per such triple (`memo`, kept by the caller) and written back
    as an array."""
    if not sentences:
        return
    array = doc.to_array([ORTH, POS, MORPH, LEMMA])
    wanted = numpy.zeros(len(doc), dtype=bool)
    for sentence in sentences:
        wanted[sentence.start:sentence.end] = True
    if not lemmatizer.overwrite:
        wanted &= array[:, 3] == 0
    strings = doc.vocab.strings
    lemmas = array[:, 3]
    indices = numpy.flatnonzero(wanted)
    # the triples as Python ints in one go: indexing the array word by word cost more than the memo
    found = []
    for index, triple in zip(indices.tolist(), map(tuple, array[indices, :3].tolist())):
        lemma = memo.get(triple)
        if lemma is None:
            lemma = memo[triple] = strings.add(lemmatizer.lemmatize(doc[index])[0])
        found.append(lemma)
    lemmas[indices] = numpy.array(found, dtype="uint64")
    doc.from_array([LEMMA], lemmas.reshape(-1, 1).copy())


class TagMapper:
    """The model's attribute ruler, fast: its one-token rules on TAG (and LOWER) -
    almost all of them: tag -> POS, morphology, a pronoun's lemma - become table
    lookups over arrays; the few others (multi-token, on the parse) run as a small ruler."""

    ATTRS = ("POS", "MORPH", "LEMMA")

    def __init__(self, nlp: Language) -> None:
        self.table: dict[tuple[int, int], tuple[int, int, int]] = {}
        self.fast: FastRuler | None = None
        self.lemmas: dict[tuple[int, int, int], int] = {}  # memo for tagging.lemmatize
        self.looked_up: dict[tuple[int, int], tuple[int, int, int]] = {}  # memo of _lookup
        self.special_lowers: set[int] = set()
        self.special_ids = numpy.zeros(0, dtype="uint64")
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
        self.special_ids = numpy.array(sorted(self.special_lowers), dtype="uint64")
        if rest:
            self.rest = AttributeRuler(nlp.vocab, "geomap_rest_ruler")
            self.rest.add_patterns(rest)
            self.fast = FastRuler.of(nlp, self.rest)

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

    def _mapped(self, tags: numpy.ndarray, lowers: numpy.ndarray) -> numpy.ndarray:
        """(POS, MORPH, LEMMA) per word: by tag, and by tag and word for the few words
        a rule names (a unique over tags alone is much cheaper than over pairs)."""
        found, inverse = numpy.unique(tags, return_inverse=True)
        by_tag = numpy.array([self._memo(int(t), 0) for t in found], dtype="uint64").reshape(-1, 3)
        mapped = by_tag[inverse.reshape(-1)]
        special = numpy.flatnonzero(numpy.isin(lowers, self.special_ids))
        if len(special):
            # one row per word, written in one go: assigning rows one by one cost more than the rest
            memo = self._memo
            mapped[special] = numpy.array([memo(tag, lower) for tag, lower in
                                           zip(tags[special].tolist(), lowers[special].tolist())], dtype="uint64")
        return mapped

    def __call__(self, doc: Doc, parsed: Sequence[SpacySpan] | None = None) -> Doc:
        """Map the whole doc's tags; the few rules left run on the `parsed` sentences
        only (all of the doc when None): elsewhere no trigger, place or date is read
        from POS, lemma or parse, and the matcher over every word was a fifth of the cost."""
        if parsed is None:
            self._map_tags([doc])
            if self.rest is not None:
                self.rest(doc)
            return doc
        self.map_many([doc], [parsed])
        return doc

    def map_many(self, docs: Sequence[Doc], parsed: Sequence[Sequence[SpacySpan]]) -> None:
        """:meth:`__call__` over several docs at once (`parsed`: per doc), in place:
        one pass over all their arrays costs less than one per doc."""
        self._map_tags(docs)
        if self.rest is None:
            return
        if self.fast is not None:
            for doc, found in zip(docs, self.fast.matches_many(docs, parsed)):
                self.rest.set_annotations(doc, found)
            return
        for doc, sentences in zip(docs, parsed):
            for sentence in sentences:
                # matches on a span count from its start; sorted by rule, as the ruler applies them
                found = sorted((int(doc.vocab.strings[key]), key, sentence.start + start, sentence.start + end)
                               for key, start, end in self.rest.matcher(sentence, allow_missing=True, as_spans=False))
                self.rest.set_annotations(doc, found)

    def _map_tags(self, docs: Sequence[Doc]) -> None:
        arrays = [doc.to_array([TAG, LOWER, POS, MORPH, LEMMA]) for doc in docs if len(doc)]
        if not arrays:
            return
        array = numpy.concatenate(arrays)
        mapped = self._mapped(array[:, 0], array[:, 1])
        values = numpy.where(mapped > 0, mapped, array[:, 2:])
        offset = 0
        for doc in docs:
            if len(doc):
                doc.from_array([POS, MORPH, LEMMA], values[offset:offset + len(doc)])
                offset += len(doc)
