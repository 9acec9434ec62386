"""A paragraph break always ends a sentence.

The statistical sentence recogniser (used when the parser is off) sometimes runs a
sentence on across a blank line, gluing a quote's attribution to the next paragraph's
first sentence; an event found there would then carry the wrong sentence and place.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("geomap_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    if doc.has_annotation("DEP"):
        return doc  # the parser's sentences come with its tree; they must not be cut
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n\n" in previous.text_with_ws or (previous.is_space and "\n" in previous.text):
            if not token.is_space:
                token.is_sent_start = True
    return doc
