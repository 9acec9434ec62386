"""Fatalities and injuries as ACLED counts them.

The first figure a sentence gives for the dead (or the injured) is taken, at its lowest
reading: "at least 32" is 32, "more than 200" is 200, "dozens" 12, "several" 3,
"hundreds" 100. "Casualties" alone is not a death count, so it is never read as one.
"""

from __future__ import annotations

import re

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100, "one hundred": 100,
}
# Vague quantities, as ACLED codes them.
_VAGUE = {
    "several hundred": 100, "a few hundred": 100, "several dozen": 12, "several thousand": 1000,
    "a few": 3, "several": 3, "a dozen": 12, "dozens": 12, "dozens of": 12, "scores": 20, "scores of": 20,
    "hundreds": 100, "hundreds of": 100, "thousands": 1000, "thousands of": 1000, "tens": 10, "tens of": 10,
}
_WORDS = sorted(list(_UNITS) + list(_VAGUE), key=len, reverse=True)
_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+|\d+|" + "|".join(re.escape(w) for w in _WORDS) + r")"
_QUAL = (r"(?:(?:at least|more than|over|about|around|some|nearly|almost|up to|as many as|roughly|"
         r"an estimated|approximately|a total of|another|a further|at most)\s+)?")
_NOT_PEOPLE = r"(?!\s*(?:hours?|days?|weeks?|months?|years?|km|kilometres?|kilometers?|miles?|metres?|" \
              r"meters?|p\.m\.|a\.m\.|percent|per cent|%|tanks?|vehicles?|buildings?|homes?|houses?))"
_GAP = r"(?:[\w'’-]+,?\s+){0,6}?"
_BE = r"(?:(?:were|was|have been|had been|has been|are|is|being|been|got)\s+)?"

_DEATH = r"(?:killed|dead|died|slain|massacred|executed|murdered|perished|lost their lives)"
_INJURY = r"(?:injured|wounded|hurt|injuries)"
_DEATH_VERB = r"(?:killing|killed|kills|kill|leaving|left|claimed the lives of|executing|massacring)"
_INJURY_VERB = r"(?:wounding|wounded|injuring|injured|injures|wounds|hurting)"


def _patterns(noun: str, verb: str) -> tuple[re.Pattern[str], ...]:
    return (
        re.compile(rf"\b{_QUAL}{_NUM}\b{_NOT_PEOPLE}\s*{_GAP}{_BE}{noun}\b", re.I),
        re.compile(rf"\b{verb}\s+{_QUAL}{_NUM}\b{_NOT_PEOPLE}", re.I),
        re.compile(rf"\b(?:death toll|toll)\b(?:\s+\w+){{0,4}}?\s+(?:to|at|of|reached|is|was)\s+{_QUAL}{_NUM}\b", re.I)
        if noun is _DEATH else re.compile(r"(?!x)x"),
    )


def _hints(noun: str, verb: str) -> tuple[re.Pattern[str], ...]:
    """Per pattern, a part every match of it holds: searching for that first is quick
    and spares the full patterns, slow to fail, on the many sentences without a count."""
    return (re.compile(rf"{noun}\b", re.I), re.compile(rf"\b{verb}\s", re.I),
            re.compile(r"toll\b", re.I) if noun is _DEATH else re.compile(r"(?!x)x"))


_DEATH_PATTERNS = _patterns(_DEATH, _DEATH_VERB)
_INJURY_PATTERNS = _patterns(_INJURY, _INJURY_VERB)
_HINTS = {id(_DEATH_PATTERNS): _hints(_DEATH, _DEATH_VERB), id(_INJURY_PATTERNS): _hints(_INJURY, _INJURY_VERB)}


def _words(alternatives: str) -> tuple[str, ...]:
    return tuple(alternatives[len("(?:"):-1].split("|"))


# The same hints as plain words, for ASCII text: a substring test on the lower-cased
# sentence is many times quicker than a case-blind regex (which, on other text, also
# matches letters like the long s, so that text keeps the regex hints).
_HINT_WORDS = {id(_DEATH_PATTERNS): (_words(_DEATH), _words(_DEATH_VERB), ("toll",)),
               id(_INJURY_PATTERNS): (_words(_INJURY), _words(_INJURY_VERB), ())}
_DIGIT = re.compile(r"\d")
_COORDINATED_VERB = re.compile(r"\b(?:and|or)\s+\w+$", re.I)


def _value(token: str) -> int | None:
    token = token.lower().strip()
    if token.replace(",", "").isdigit():
        return int(token.replace(",", ""))
    return _UNITS.get(token) or _VAGUE.get(token)


def _first(text: str, patterns: tuple[re.Pattern[str], ...], clash: str, lower: str | None = None) -> int | None:
    """The first figure for `patterns` (`lower`: the text lower-cased, when it is ASCII)."""
    best: tuple[int, int] | None = None
    hints = _HINTS.get(id(patterns)) or (None,) * len(patterns)
    words = _HINT_WORDS.get(id(patterns)) if lower is not None else None
    for number, (pattern, hint) in enumerate(zip(patterns, hints)):
        if words is not None:
            if not any(word in lower for word in words[number]):  # type: ignore[operator]
                continue
        elif hint is not None and hint.search(text) is None:
            continue
        position = 0
        while (match := pattern.search(text, position)) is not None:
            position = match.start("num") + 1
            # "killed and more than 200 injured": that number belongs to the other word
            if pattern is patterns[0] and re.search(clash, text[match.end("num"):match.end()], re.I):
                continue
            # "killed 32 civilians and injured 200": that "injured" is a verb with a figure of its own
            if pattern is patterns[0] and _COORDINATED_VERB.search(text, match.end("num"), match.end()):
                continue
            value = _value(match.group("num"))
            if value is not None and (best is None or match.start() < best[0]):
                best = (match.start(), value)
            break
    return best[1] if best else None


def count_casualties(text: str) -> tuple[int | None, int | None]:
    """(fatalities, injured) reported in a sentence, each None when not stated."""
    lower = text.lower() if text.isascii() else None
    # every pattern holds a figure: most sentences give none
    if lower is not None and _DIGIT.search(text) is None and not any(word in lower for word in _WORDS):
        return None, None
    return _first(text, _DEATH_PATTERNS, _INJURY, lower), _first(text, _INJURY_PATTERNS, _DEATH, lower)
