"""The recognition rules behind the spaCy components, as plain functions over text,
spans and a gazetteer, so each can be tested and tuned without a pipeline."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spacy.tokens import Doc, Span
from wordfreq import zipf_frequency

from geomap.resolve import names


_LEADING = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING = re.compile(r"(?:['’]s|['’])$")
_EDGE_PUNCT = " \t\n\r.,;:!?\"“”()[]{}-–—"
# Dotted abbreviations keep their final dot ("U.S."); any other trailing dot is punctuation.
_ABBREV_END = re.compile(r"(?:^|[\s.])[A-Za-z]\.$")

# A word this frequent in English is a town name only with help from the context.
COMMON_WORD_ZIPF = 3.9
LOCATIVE_BEFORE = frozenset({"in", "at", "near", "from", "outside", "to", "of", "around", "across", "into"})
STRONG_KINDS = frozenset({"country", "admin1", "region", "continent", "water", "landform"})
# A dateline opens the story or follows its headline: "TEHRAN (Iran News) - ...",
# "KHARTOUM, Sudan -- ...", "SALINA, Kan. Strong winds ...", "LAWRENCEBURG — It's ...".
_DATELINE = re.compile(
    r"(?:^|(?<=[.!?\n])\s*)\s*(?P<name>[A-Z][A-Z'.\-]+(?:\s+[A-Z][A-Z'.\-]+){0,3})"
    r"(?:(?P<comma>,)\s*(?P<region>[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2}))?"
    r"\s*(?P<agency>\([^)\n]{1,60}\))?\s*(?P<dash>[-–—]{1,2}|:)?\s"
)
DATELINE_WINDOW = 400
# Organisation and institution words: never the place inside an organisation's name,
# and what tells "Alexandria Police" (an organisation) from "Alexandria".
ORG_WORDS = frozenset(
    "university college school schools elementary high middle academy department dept police sheriff "
    "sheriff's fire rescue office national international association institute center centre hospital "
    "medical clinic church cathedral bank company corporation corp inc council board commission committee "
    "court courthouse museum library club league party union agency service services authority "
    "foundation society ministry coroner attorney commonwealth commonwealth's prosecutor jail prison "
    "correctional facility parks park recreation chamber commerce times news herald tribune gazette "
    "post press journal daily radio tv airport stadium arena zoo fair festival team mall store "
    "hotel republican democratic democrats republicans senate house assembly legislature government "
    "administration municipal circuit district judicial health public works water utilities "
    "transit authority housing economic development area art arts pta blizzard capitals of the and for "
    "&".split()
)
INSTITUTION_WORDS = ORG_WORDS - frozenset("of the and for & area".split())
# Words that widen a place's name without naming a place by themselves ("Metro Vancouver",
# "Northern Illinois University"), though some are the name of a region somewhere.
MODIFIERS = frozenset(
    "north south east west central northern southern eastern western northeast northwest southeast "
    "southwest downtown greater metro metropolitan upper lower".split()
)


def trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop a leading "the", a trailing "'s" and edge punctuation; None if nothing is left."""
    span = text[start:end]
    lead = _LEADING.match(span)
    if lead:
        start += lead.end()
    span = text[start:end]
    tail = _TRAILING.search(span)
    if tail:
        end -= len(tail.group())
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while start < end and text[end - 1] in _EDGE_PUNCT:
        if text[end - 1] == "." and _ABBREV_END.search(text[start:end]):
            break
        end -= 1
    return (start, end) if start < end else None


def is_common_word(word: str) -> bool:
    """True for words that are everyday English as well as (maybe) a town name."""
    return zipf_frequency(word.lower(), "en") >= COMMON_WORD_ZIPF


def main_name_places(gazetteer: Any, name: str) -> list[Any]:
    return names.strong_places(gazetteer, name)


def is_strong_place_name(gazetteer: Any, name: str, min_population: int = 100_000) -> bool:
    """Whether ``name`` is the own name of a country, region or town of some size."""
    for place in main_name_places(gazetteer, name):
        if place.kind in STRONG_KINDS or (place.population or 0) >= min_population:
            return True
    return False


def is_place_entity(gazetteer: Any, ent: Span, name: str, people: frozenset[str] = frozenset()) -> bool:
    """Whether a span the model called PERSON, ORG, NORP ... is really a place: the small
    model tags "Yerevan" PERSON and "Nagorno-Karabakh" ORG. A big place's own name
    counts; a small town's counts when its name is no everyday word or person's name
    ("Roswell", not "Clinton"), or the context says place ("in Clinton", "Clinton, Iowa").
    ``people`` are the words of the document's longer person names: "Dunn" is Dr. Jane
    Dunn's surname, not the town, wherever she is named in full."""
    doc = ent.doc
    if not_a_place_here(doc, ent.start, ent.end) or (ent.label_ == "PERSON" and name in people):
        return False
    if is_acronym(name):
        return any(p.kind in STRONG_KINDS for p in main_name_places(gazetteer, name))
    if not main_name_places(gazetteer, name):
        return False
    if _followed_by_container(gazetteer, doc, ent.end) or _after_locative(doc, ent.start):
        return True
    # a person's name or an everyday word ("Split", "Clinton") needs the context above
    if not any(is_common_word(w) for w in name.split()):
        return True
    # one everyday word inside a country's two-word name ("Sri" in "Sri Lanka") does not
    # make it a person's name; a single word ("Jordan", "Chad") still may be one
    return (ent.label_ != "PERSON" or " " in name) and is_strong_place_name(gazetteer, name)


# A name right before one of these words names a virus or a disease, not a place
# ("West Nile virus", "Marburg fever", "Reston ebolavirus").
_NOT_A_PLACE_AFTER = frozenset(
    "virus viruses ebolavirus fever flu influenza disease strain encephalitis syndrome vaccine hemorrhagic "
    "haemorrhagic".split()
)


def not_a_place_here(doc: Doc, start: int, end: int) -> bool:
    return end < len(doc) and doc[end].lower_ in _NOT_A_PLACE_AFTER


def is_acronym(name: str) -> bool:
    """"HIV", "U.N.", "SOS": short capitals that match some village's alternate name."""
    letters = name.replace(".", "")
    return letters.isupper() and len(letters) <= 5 and " " not in name


# Words that make the next capitalised name a person's ("President Lincoln", "coach Ripley").
PERSON_TITLES = frozenset(
    "mr mr. mrs mrs. ms ms. dr dr. president sen sen. senator rep rep. representative gov gov. governor "
    "coach judge officer sgt sgt. lt lt. capt capt. detective deputy sheriff chief pastor rev rev. "
    "father sister brother prof prof. professor minister secretary mayor commissioner trooper".split()
)
# Prepositions that make the next name a place even where a person has that name.
PLACE_PREPOSITIONS = frozenset("in at near outside around across into throughout".split())
SPEECH_VERBS = frozenset("said says told added noted explained stated wrote asked replied recalled".split())


def looks_like_person(gazetteer: Any, doc: Doc, start_char: int, end_char: int, people: frozenset[str]) -> bool:
    """Whether a proposed toponym reads as a person's name, or is no name at all: a
    lower-case word the model called GPE ("meth"), a name after a title ("President
    Saakashvili"), a small place's name that is also the surname of someone named in
    full in the story ("Farrin", after "Henry Farrin"), or one that "said" something."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or not span.text[:1].isupper():
        return True
    if span.start > 0 and doc[span.start - 1].lower_ in PERSON_TITLES:
        return True
    if len(span) > 1 or is_strong_place_name(gazetteer, span.text):
        return False
    nxt = doc[span.end].lower_ if span.end < len(doc) else ""
    # "in Erie" names the place even where a Tom Erie is in the story ("to Erie's" need not)
    placed = span.start > 0 and doc[span.start - 1].lower_ in PLACE_PREPOSITIONS and nxt not in ("'s", "’s")
    return (span.text in people and not placed) or nxt in SPEECH_VERBS


def person_words(doc: Doc, gazetteer: Any = None) -> frozenset[str]:
    """The words of every person name of two or more words in ``doc``. A name is cut at
    line breaks (a headline run into the next line is no one's name), and with a
    ``gazetteer`` a "name" that holds a place's own name of two or more words is left
    out: the model's PERSON "Sri Lanka Erie" must not make "Erie" a surname everywhere."""
    words: set[str] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        for piece in _lines_of(ent):
            if len(piece) > 1 and not (gazetteer is not None and _holds_place_name(gazetteer, piece)):
                words.update(t.text for t in piece)
    return frozenset(words)


def _lines_of(ent: Span) -> Iterator[Span]:
    start = ent.start
    for token in ent:
        if "\n" in token.text_with_ws or token.is_space:
            piece = ent.doc[start:token.i + (0 if token.is_space else 1)]
            start = token.i + 1
            yield piece
    if start < ent.end:
        yield ent.doc[start:ent.end]


def _holds_place_name(gazetteer: Any, piece: Span) -> bool:
    if main_name_places(gazetteer, piece.text):
        return True
    return any(is_strong_place_name(gazetteer, piece[k:k + n].text)
               for n in range(len(piece) - 1, 1, -1) for k in range(len(piece) - n + 1))


def _after_locative(doc: Doc, start: int) -> bool:
    return start > 0 and doc[start - 1].lower_ in LOCATIVE_BEFORE


def places_inside(gazetteer: Any, ent: Span) -> Iterator[tuple[int, int]]:
    """Place names inside an organisation's name ("University of Virginia" -> Virginia,
    "Alexandria Police" -> Alexandria, "United Way of Metropolitan Atlanta" -> Atlanta):
    within each run of capitalised non-organisation words, the longest sub-run that is
    a place's own name. A run that is the whole name (a person's, "Frank Buck") is skipped."""
    words = list(ent)
    i = 0
    while i < len(words):
        if words[i].lower_ in ORG_WORDS or not _capitalised(words[i]):
            i += 1
            continue
        j = i
        while j < len(words) and words[j].lower_ not in ORG_WORDS and _capitalised(words[j]):
            j += 1
        if j - i < len(words):
            found = _longest_place(gazetteer, ent.doc, words[i].i, words[j - 1].i + 1)
            if found:
                yield found
        i = j


STREET_WORDS = frozenset("ave avenue boulevard blvd street st road rd drive dr lane ln way pike court ct place pl".split())


def names_street_or_firm(doc: Doc, end: int) -> bool:
    """Whether the name ending before token ``end`` is a street's ("DeKalb Ave.") or
    opens a firm named after partners ("Vancouver & Sons")."""
    if end >= len(doc):
        return False
    nxt = doc[end].lower_
    return nxt.rstrip(".") in STREET_WORDS or nxt in ("&", "and")


def _longest_place(gazetteer: Any, doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    for n in range(min(end - start, 5), 0, -1):
        for k in range(start, end - n + 1):
            span = doc[k:k + n]
            if (n == 1 and span.text.lower() in MODIFIERS) or names_street_or_firm(doc, k + n):
                continue
            big = n > 1 or not is_common_word(span.text)
            if is_strong_place_name(gazetteer, span.text, 0 if big else 20_000):
                return span.start_char, span.end_char
    return None


def has_institution_word(ent: Span) -> bool:
    return any(t.lower_ in INSTITUTION_WORDS for t in ent)


def is_capitalised(token: Any) -> bool:
    """"Erie", "ERIE", "U.S." and also "DeKalb", "McDowell" (is_title says no to those)."""
    text = token.text
    if token.is_alpha and (token.is_title or token.is_upper or (text[0].isupper() and text[1:2].islower())):
        return True
    return bool(re.fullmatch(r"(?:[A-Z]\.)+", text))


_capitalised = is_capitalised


def _followed_by_container(gazetteer: Any, doc: Doc, end: int) -> bool:
    """"Paris, Texas": a comma and then a country or first-level region."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    for n in (3, 2, 1):
        span = doc[end + 1:end + 1 + n]
        if span.end <= len(doc) and all(_capitalised(t) for t in span):
            if any(p.kind in ("country", "admin1") for p in main_name_places(gazetteer, span.text)):
                return True
    return False


def is_proper_noun(token: Any) -> bool:
    """By the tagger's fine tag, so the attribute ruler (which maps tags to POS) can be
    left out of a geoparsing-only pipeline; untagged text (a blank pipeline) passes."""
    return token.tag_ in ("NNP", "NNPS") or token.pos_ == "PROPN" or not (token.tag_ or token.pos_)


def _guarded(gazetteer: Any, doc: Doc, start: int, end: int, people: frozenset[str]) -> bool:
    """Whether a matched name needs to be dropped as a probable common word: a single
    everyday word needs a locative preposition before it or a container after it; a
    rare one needs to be tagged a proper noun."""
    first = doc[start]
    if not_a_place_here(doc, start, end) or doc[start:end].text in people:
        return True
    if is_acronym(first.text) and end - start == 1:
        return not any(p.kind in STRONG_KINDS for p in main_name_places(gazetteer, first.text))
    if end - start > 1 or _followed_by_container(gazetteer, doc, end):
        return False
    proper = is_proper_noun(first) or first.is_upper
    if not is_common_word(first.text):
        return not proper
    return first.is_sent_start or not (_after_locative(doc, start) and proper)


def match_names(gazetteer: Any, doc: Doc, max_words: int = 4) -> Iterator[tuple[int, int]]:
    """Runs of capitalised tokens outside any entity that the gazetteer knows, longest first."""
    people = person_words(doc, gazetteer)
    i = 0
    while i < len(doc):
        token = doc[i]
        if token.ent_type_ or not _capitalised(token):
            i += 1
            continue
        found = 0
        for n in range(min(max_words, len(doc) - i), 0, -1):
            span = doc[i:i + n]
            if any(t.ent_type_ or not _capitalised(t) for t in span):
                continue
            if main_name_places(gazetteer, span.text) and not _guarded(gazetteer, doc, i, i + n, people):
                yield span.start_char, span.end_char
                found = n
                break
        i += found or 1


def dateline(gazetteer: Any, text: str) -> Iterator[tuple[int, int]]:
    """The place of a dateline near the start of a story (see _DATELINE): a name in
    capitals, then a region, an agency in brackets or a dash."""
    for match in _DATELINE.finditer(text[:DATELINE_WINDOW]):
        if not (match.group("comma") or match.group("agency") or match.group("dash")):
            continue
        raw = match.group("name")
        if len(raw) < 3 or not any(c.isalpha() for c in raw):
            continue
        if main_name_places(gazetteer, raw.title()):
            yield match.start("name"), match.end("name")
            return


def ap_abbreviations(text: str, known: frozenset[str]) -> Iterator[tuple[int, int]]:
    """AP-style state abbreviations after a town or a party letter: "Salina, Kan.",
    "Sen. Bob Casey, D-Pa." (``known`` holds the abbreviations, spaces removed)."""
    for match in re.finditer(r"(?:(?<=, )|(?<=[DRI]-))(?:[A-Z][a-z]{1,4}\.|[A-Z]\.\s?[A-Z][a-z]?\.)", text):
        if match.group().replace(" ", "") in known:
            yield match.start(), match.end()
