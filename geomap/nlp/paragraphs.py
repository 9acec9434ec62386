"""A paragraph break always ends a sentence.

The statistical sentence recogniser (used when the parser is off) sometimes runs a
sentence on across a blank line, gluing a quote's attribution to the next paragraph's
first sentence; an event found there would then carry the wrong sentence and place.
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

# per word form (string hash): whether a word of this form ends a paragraph
_BREAKS: dict[int, bool] = {}
_SPACES: dict[int, bool] = {}


def _ends_paragraph(form: str) -> bool:
    # a token's trailing space cannot make "\n\n", so its form alone decides
    return "\n\n" in form or (form.isspace() and "\n" in form)


@Language.component("geomap_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    if doc.has_annotation("DEP"):
        return doc  # the parser's sentences come with its tree; they must not be cut
    orths = doc.to_array([ORTH]).reshape(-1).tolist()
    strings = doc.vocab.strings
    # only the words after a break need a Token: found from the forms, not word by word
    for index, orth in enumerate(orths[:-1]):
        ends = _BREAKS.get(orth)
        if ends is None:
            ends = _BREAKS[orth] = _ends_paragraph(strings[orth])
        if ends and not _is_space(strings, orths[index + 1]):
            doc[index + 1].is_sent_start = True
    return doc


def _is_space(strings: object, orth: int) -> bool:
    found = _SPACES.get(orth)
    if found is None:
        found = _SPACES[orth] = strings[orth].isspace()  # type: ignore[index]
    return found
