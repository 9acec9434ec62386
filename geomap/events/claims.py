"""Who made a reported claim: "..., the army said", "according to local officials, ...".

Analysts weigh an event by its source, so an event stated on someone's word keeps
that someone. Only the reporting verb that governs the trigger's clause (or an
"according to" phrase in the same sentence) counts; a bare pronoun ("he said") names
nobody and gives None.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from geomap.events.doc_memo import per_doc

REPORTING_LEMMAS = frozenset({
    "say", "tell", "report", "claim", "announce", "state", "confirm", "add", "allege", "insist",
    "declare", "quote", "estimate", "assert", "write", "tweet", "post", "acknowledge", "admit",
    "inform", "disclose", "reveal", "note", "indicate", "testify", "warn", "explain",
})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "which", "that", "this", "one"})
_CUT_DEPS = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "det", "predet"})
_REPORT_ARCS = frozenset({"ccomp", "parataxis", "advcl", "conj", "xcomp"})


def _name(token: Token) -> str | None:
    """The noun phrase headed by `token`, without determiners or trailing clauses."""
    if token.lower_ in _PRONOUNS or token.pos_ not in ("NOUN", "PROPN"):
        return None
    kept: list[Token] = []

    def walk(node: Token) -> None:
        kept.append(node)
        for child in node.children:
            if child.dep_ not in _CUT_DEPS:
                walk(child)

    walk(token)
    words = sorted(kept, key=lambda t: t.i)
    # keep the contiguous run around the head: a parse may attach far words to it
    run = [w for w in words if abs(w.i - token.i) <= 12]
    text = token.doc[run[0].i:run[-1].i + 1].text if run else token.text
    return text.strip(" ,") or None


def _speaker(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("it",):
            return _name(child)
    for child in verb.children:  # "..., said a spokesman" puts the speaker after the verb
        if child.dep_ in ("dobj", "attr") and child.i > verb.i:
            return _name(child)
    return None


def _according_to(sentence_tokens: list[Token]) -> str | None:
    for token in sentence_tokens:
        if token.lower_ == "according":
            for child in token.children:
                if child.lower_ == "to":
                    objects = [g for g in child.children if g.dep_ == "pobj"]
                    if objects:
                        return _name(objects[0])
            following = token.nbor(1) if token.i + 1 < len(token.doc) else None
            if following is not None and following.lower_ == "to":
                objects = [g for g in following.children if g.dep_ == "pobj"]
                if objects:
                    return _name(objects[0])
    return None


def _reporting_ancestor(trigger: Token) -> Token | None:
    """The reporting verb whose clause holds the trigger, or which hangs off it."""
    node = trigger
    for _ in range(8):
        for child in node.children:
            if child.dep_ in ("parataxis", "advcl") and child.lemma_.lower() in REPORTING_LEMMAS and \
                    child.i != trigger.i:
                return child
        if node.head.i == node.i:
            return None
        arc, node = node.dep_, node.head
        if arc in _REPORT_ARCS and node.lemma_.lower() in REPORTING_LEMMAS and node.pos_ in ("VERB", "AUX"):
            return node
    return None


def find_claimant(trigger: Token) -> str | None:
    """Who the sentence says reported the event, or None when it is stated as fact."""
    verb = _reporting_ancestor(trigger)
    if verb is not None:
        speaker = _speaker(verb)
        if speaker is not None:
            return speaker
    sentence = trigger.sent
    known = _according_by_sentence(trigger.doc)
    if sentence.start not in known:  # once per sentence, not once per trigger in it
        known[sentence.start] = _according_to(list(sentence))
    return known[sentence.start]


@per_doc
def _according_by_sentence(doc: Doc) -> dict[int, str | None]:
    return {}  # filled sentence by sentence, as triggers ask
