"""A town named as its countryside: "rural Kharkiv", "the eastern countryside of Kharkiv".

Reports of fighting around a town name the land around it by the town's name. That
land is as big as the province the town heads, so a village named in it is the finer
place, not the town. Used by scene.granularity.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

COUNTRYSIDE_WORDS = frozenset({"rural"})
COUNTRYSIDE_NOUNS = frozenset({"countryside", "hinterland", "environs"})
MAX_STEPS = 2  # "the Kharkiv Governorate's countryside": through the name's own place word


def countryside_of_a_town(span: SpacySpan) -> bool:
    """"rural Kharkiv", "the Kharkiv countryside", "the eastern countryside of Kharkiv":
    a town named as its countryside stands for the land around it; a place named in
    that countryside ("the Zarichne area of rural Kharkiv") is the finer one."""
    if span.start > 0 and span.doc[span.start - 1].lower_ in COUNTRYSIDE_WORDS:
        return True
    node = span.root
    for _ in range(MAX_STEPS):
        if node.dep_ == "pobj" and node.head.lower_ == "of":
            node = node.head.head
        elif node.dep_ in ("compound", "poss", "nmod"):
            node = node.head
        else:
            return False
        if node.lemma_.lower() in COUNTRYSIDE_NOUNS:
            return True
    return False
