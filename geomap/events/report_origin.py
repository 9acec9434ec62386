"""Where a report came from, as opposed to where its event happened.

"told Xinhua in Baghdad", "a spokesman in Kharkiv said", "reports from Vilnius": a
place on the verb of saying or on the source's noun says where the claim was made.
Used by location.py to keep such places out of an event's scene. Not so for a scene
set before the speaker ("In Izium, officials said ...") nor a happening reported at a
place ("an explosion was reported in Izium").
"""

from __future__ import annotations

from spacy.tokens import Token

from geomap.events.claims import REPORTING_LEMMAS

# nouns whose place says where a report came from, not where the event happened
SOURCE_NOUNS = frozenset({"report", "reports", "statement", "spokesman", "spokeswoman", "spokesperson",
                          "correspondent", "reporter", "reporters", "news", "agency", "newspaper", "source",
                          "sources", "told", "interview", "conference", "briefing"})


# objects of "claim" that make it no verb of saying
CLAIMED_THINGS = frozenset({"life", "lives", "responsibility", "credit"})


def reporting_verb(token: Token) -> bool:
    """A verb of saying ("said", "told", "reported"), but not "claimed N lives"."""
    return token.lemma_.lower() in REPORTING_LEMMAS and token.pos_ in ("VERB", "AUX") and not _takes_lives(token)


def _takes_lives(verb: Token) -> bool:
    """"the blasts in X claimed 37 lives", "the group claimed responsibility for an
    attack in X": "claim" with these objects tells the deaths or owns the attack; the
    place is the event's, not where a statement was made."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in CLAIMED_THINGS for c in verb.children)


def in_source_context(root: Token, trigger: Token) -> bool:
    """"told Xinhua in Baghdad", "reports from Vilnius": where a claim came from. Not
    a place reached through the trigger first ("a bomb detonated in X, said the
    source"): that one is on the event's own phrase, as is a scene set before the
    speaker or a happening reported at a place (checked last: they are rare)."""
    # the climb first: it clears most places, and the exceptions need not be asked
    return _on_a_source(root, trigger) and not local_witness(root, trigger) and \
        not said_in_passing(root, trigger) or where_one_spoke(root, trigger)


# participles of speaking whose place phrase says where a speaker stood
SPEAKING_LEMMAS = frozenset({"speak", "talk", "address", "write", "testify"})
SPEAKING_PHRASE_ARCS = frozenset({"pobj", "prep", "compound", "appos", "dobj", "conj"})


def where_one_spoke(root: Token, trigger: Token) -> bool:
    """"Speaking in Izium, the mayor said ...", "the general, speaking from exile in
    Nairobi, called for a strike", "Addressing lawmakers in Baku, ...": a place on a
    participle of speaking set beside the main clause tells where the speaker was,
    not where what he speaks of happened, unless the event is inside that participle's
    own phrase ("speaking after the raid on Izium")."""
    if root.dep_ != "pobj":
        return False  # most candidates: a place not in a prepositional phrase
    node = root
    for _ in range(6):
        if node.dep_ not in SPEAKING_PHRASE_ARCS or node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node.tag_ == "VBG" and node.dep_ in ("advcl", "acl") and \
                node.lemma_.lower() in SPEAKING_LEMMAS and _set_apart(node) and \
                not node.left_edge.i <= trigger.i <= node.right_edge.i
    return False


def _set_apart(participle: Token) -> bool:
    """A bare participle opening the sentence or after a comma; "shot while addressing
    a rally in Izium", "when he was addressing ..." time the event by the speech, so
    the speech's place is the event's."""
    doc = participle.doc
    return (participle.i == participle.sent.start or doc[participle.i - 1].text == ",") and \
        not any(c.dep_ in ("mark", "aux", "advmod") for c in participle.children)


def _on_a_source(root: Token, trigger: Token) -> bool:
    node = root
    for _ in range(6):
        if node.head.i == node.i or node.i == trigger.i:
            return False
        arc, node = node.dep_, node.head
        if reporting_verb(node) or _source_noun(node) and not (arc == "prep" and _acted_on(node, trigger)):
            return arc not in ("ccomp", "conj", "advcl", "parataxis", "xcomp") and \
                not scene_before_speaker(root, trigger) and not reported_happening(root)
        if arc in ("ccomp", "advcl", "relcl", "parataxis"):
            return False
    return False


def said_in_passing(root: Token, trigger: Token) -> bool:
    """"two traders were killed, officials said, near a bridge in Izium": a place phrase set
    after a comma behind a verb of saying that comes after the event it tells
    continues that event's sentence; the parse hangs it on "said", but a source's
    own whereabouts come without that comma ("police said in Izium")."""
    node, prep = root, None
    for _ in range(6):
        if node.head.i == node.i:
            return False
        if node.dep_ == "prep":
            prep = node
        arc, node = node.dep_, node.head
        if node.pos_ in ("VERB", "AUX"):
            return arc == "prep" and prep is not None and trigger.i < node.i < prep.i and \
                prep.doc[prep.i - 1].text == "," and reporting_verb(node) and _tells(node, trigger)
    return False


def _source_noun(token: Token) -> bool:
    """"a spokesman in X", "told reporters in X": who passes a claim on. The verb
    "interview" ("waiting to interview prisoners in X") tells an act, not a source."""
    return token.lemma_.lower() in SOURCE_NOUNS and (token.pos_ in ("NOUN", "PROPN") or token.lower_ == "told")


def _acted_on(noun: Token, trigger: Token) -> bool:
    """"a bomb destroyed a travel agency in X", "gunmen attacked reporters in X": a
    source noun that the event itself acts on is its target, and a place phrase on
    it says where the target was, not where a claim came from; so is one set beside
    the trigger's object or patient as an aside on who he is."""
    if noun.dep_ == "appos":
        noun = noun.head  # "Brekk, a reporter in Izium, was shot": the reporter is the one shot
    return noun.head.i == trigger.i and noun.dep_ in ("dobj", "nsubjpass")


# verbs that pass a claim on at arm's length: a speaker "claiming" says less of what he saw
DISTANCING_LEMMAS = frozenset({"claim", "allege"})
WITNESS_PREPS = frozenset({"in", "at", "inside"})


def local_witness(root: Token, trigger: Token) -> bool:
    """"A police officer in Izium said the blast killed four", "a doctor at a Nyala
    hospital said he had received six bodies": a speaker placed by "in"/"at" as the
    subject of the verb of saying, telling the very event as what he says, speaks
    of what happened where he is; the place is a scene of last resort. Not a place
    reached by "according to" or on the listener ("told reporters in X"), nor the
    event of a clause nested deeper in what is said."""
    node, prep = root, None
    for _ in range(6):
        if node.head.i == node.i:
            return False
        if node.dep_ == "prep":
            prep = node  # the one on the speaker: "officials in the town of X"
        speaker, arc, node = node, node.dep_, node.head
        if node.pos_ in ("VERB", "AUX"):
            return arc == "nsubj" and prep is not None and prep.lower_ in WITNESS_PREPS and \
                reporting_verb(node) and node.lemma_.lower() not in DISTANCING_LEMMAS and \
                _tells(node, trigger) and not national_speaker(speaker)
    return False


def national_speaker(speaker: Token) -> bool:
    """"Sudanese officials in Khartoum said ...": a speaker named by his nation speaks
    for a government from its seat, not as a witness of where the event was."""
    return any(c.dep_ == "amod" and c.ent_type_ == "NORP" for c in speaker.children)


def _tells(verb: Token, trigger: Token) -> bool:
    """Whether the trigger is the verb of the clause `verb` reports, or a conjunct of it."""
    node = trigger
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.dep_ == "ccomp" and node.head.i == verb.i


# arcs inside a fronted place phrase: "In the ancient town of Izium, ..."
PHRASE_ARCS = frozenset({"pobj", "prep", "compound", "appos", "amod", "conj"})
OPENING_PREPS = frozenset({"in", "at", "inside", "across"})


def scene_before_speaker(root: Token, trigger: Token) -> bool:
    """"In the town of Izium, officials said two men were shot": a locative phrase
    opening the sentence and closed by a comma sets the scene of what is told, not
    where the speakers sat, though the parse hangs it on the verb of saying; a
    speaker's own whereabouts come after him ("officials in Izium said"). Only for an
    event told as what is said."""
    node, prep = root, None
    for _ in range(6):
        if node.head.i == node.i or node.dep_ not in PHRASE_ARCS:
            return False
        if node.dep_ == "prep":
            prep = node
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            break
    else:
        return False
    if prep is None or prep.lower_ not in OPENING_PREPS or prep.i != prep.sent.start:
        return False
    after = prep.right_edge.i + 1
    return after < prep.sent.end and prep.doc[after].text == "," and reporting_verb(node) and _tells(node, trigger)


# what can be "reported" somewhere as having happened there
HAPPENING_NOUNS = frozenset({"explosion", "blast", "attack", "clash", "fighting", "shelling", "shooting",
                             "gunfire", "firing", "bombing", "raid", "airstrike", "strike", "battle", "violence",
                             "unrest", "protest", "demonstration", "riot", "casualty", "death", "incident"})


def reported_happening(root: Token) -> bool:
    """"an explosion was reported inside Izium", "clashes were reported in Nyala":
    a happening reported at a place by a passive verb of saying is said to have
    happened there; the place is no reporter's whereabouts."""
    node = root
    for _ in range(4):
        if node.head.i == node.i:
            return False
        arc, node = node.dep_, node.head
        if node.pos_ in ("VERB", "AUX"):
            return arc == "prep" and reporting_verb(node) and any(
                c.dep_ == "nsubjpass" and c.lemma_.lower() in HAPPENING_NOUNS for c in node.children)
    return False
