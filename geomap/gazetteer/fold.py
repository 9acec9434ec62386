"""Name folding: the one key every gazetteer name and every query is compared by.

Folding ignores case, accents and punctuation, so "Córdoba" == "cordoba",
"Nagorno-Karabakh" == "Nagorno Karabakh" and "U.S." == "US". Non-Latin scripts are
kept (casefolded), not transliterated: transliterating Cyrillic or Arabic alternates
would merge unrelated names and make ambiguity worse.
"""

from __future__ import annotations

import re
import string
import unicodedata

# Letters NFKD does not decompose into a base letter plus a mark.
_LETTERS = str.maketrans(
    {
        "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d",
        "þ": "th", "Þ": "th", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i",
        "ə": "e", "Ə": "e", "ħ": "h", "Ħ": "h", "ŧ": "t", "ŋ": "n", "ɨ": "i", "ʻ": "",
        "ʼ": "", "ʿ": "", "ʾ": "", "ʹ": "", "′": "",
    }
)
# Apostrophes and dots vanish ("U.S." -> "us", "Sol'deu" -> "soldeu"); every other
# punctuation mark separates words ("Nagorno-Karabakh" -> "nagorno karabakh").
_DROP = "'’‘`´.·"
_ASCII_TABLE = str.maketrans(
    {**{c: " " for c in string.punctuation + "‐‑‒–—―“”«»"}, **{c: "" for c in _DROP}}
)
_PUNCT_RE = re.compile(r"[^\w\s]")
_SPACE_RE = re.compile(r"\s+")


def fold(name: str) -> str:
    """The comparison key of a place name: lower case, no accents, no punctuation."""
    if name.isascii():
        # fast path: most queries and most names are plain ASCII
        return " ".join(name.translate(_ASCII_TABLE).lower().split())
    text = unicodedata.normalize("NFKD", name.translate(_LETTERS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(_LETTERS).translate(_ASCII_TABLE).casefold()
    text = _PUNCT_RE.sub(" ", text)
    return _SPACE_RE.sub(" ", text).strip()


def slug(name: str) -> str:
    """A stable id fragment from a name: folded, words joined by hyphens."""
    return fold(name).replace(" ", "-")
