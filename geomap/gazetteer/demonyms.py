"""Every form of a demonym the index stores: the singular as its source spells it,
the parts of a combined one ("Antiguan,Barbudan"), and the regular English plural
("Armenians", "Minnesotans", "Frenchmen"), so a look-up of the word as news writes
it needs no stemming of its own.
"""

from __future__ import annotations

import re

# Nouns and adjectives that are already plural or take no -s in English:
# the Chinese, the Swiss, the French, the Welsh, the Turkmen, Midwestern.
_INVARIANT_ENDINGS = ("ese", "s", "x", "z", "sh", "ch", "men", "ern", "y")
# Compounds in -man take -men (Frenchman, Scotsman); German and Roman take -s.
_MAN_COMPOUND = re.compile(r"(?:ch|sh|s)man$")
_PARTS = re.compile(r"\s*[,/]\s*")


def plural(demonym: str) -> str | None:
    """The regular English plural of a demonym, or None where it takes none."""
    word = demonym.strip()
    lower = word.lower()
    if not word or not lower[-1].isalpha():
        return None
    if _MAN_COMPOUND.search(lower):
        return word[:-3] + ("MEN" if word.isupper() else "men")
    if lower.endswith(_INVARIANT_ENDINGS):
        return None
    return word + ("S" if word.isupper() else "s")


def demonym_forms(demonym: str) -> tuple[str, ...]:
    """The demonym, its parts if it combines several, and each one's plural."""
    whole = demonym.strip()
    parts = [p for p in _PARTS.split(whole) if p]
    # a combined one is kept as the source wrote it, but only its parts are pluralised
    forms: list[str] = [whole] if len(parts) > 1 else []
    for part in parts:
        forms.append(part)
        many = plural(part)
        if many:
            forms.append(many)
    return tuple(dict.fromkeys(f for f in forms if f))
