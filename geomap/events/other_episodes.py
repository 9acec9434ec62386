"""Places of episodes a sentence tells beside its event, and senses of "shoot" that tell none.

News dates an event by another one ("a decade to the day after a massacre at X",
"ahead of a summit in X"), says what someone only plans, threatens or fears to do
("plan to push on to X"), and tells of a release after a capture ("was seized in X and
later set free"): the places of those episodes are not the event's, nor is a place that
names an agreement ("the X accord"). "Shoot" also means to rise ("bread prices shot up
in X") and to film ("the movie was shot in X"): neither is a political event at a place.
Used by side_facts.py (places) and senses.py (senses), beside the other rules that
location.py consults.
"""

from __future__ import annotations

from spacy.tokens import Token

from geomap.events.scene import common_head
from geomap.events.side_parties import REQUEST_LEMMAS

# verbs and nouns of an act only intended, threatened or feared: it has not happened
# ("try" and "attempt" are left out: an attempt happens, often where the event is)
INTENT_LEMMAS = frozenset({"plan", "intend", "threaten", "vow", "hope", "want", "plot", "scheme", "pledge",
                           "promise", "expect", "fear", "dream", "propose", "prepare", "discuss",
                           "consider", "hesitate", "aspire"})
# arcs by which an intended act hangs on the word of intent
INTENDED_ARCS = frozenset({"xcomp", "acl", "pcomp", "advcl", "ccomp"})
# units of a span of time that date an event by another: "two days after", "the day before"
TIME_UNITS = frozenset({"year", "month", "week", "day", "decade", "hour", "minute", "century", "anniversary"})
# "last year after a raid": a date of its own, not a span measured from another event
OWN_DATE_WORDS = frozenset({"last", "this", "next", "early", "late", "earlier", "later", "same"})
# "ahead of", "on the eve of", "in the run-up to": another, coming event
COMING_WORDS = frozenset({"ahead", "eve", "run-up", "runup"})
# verbs that take someone captive: a release coordinated after one ends that captivity
CAPTIVE_LEMMAS = frozenset({"capture", "kidnap", "abduct", "seize", "arrest", "detain", "hold", "take", "snatch"})
RELEASE_LEMMAS = frozenset({"release", "free"})
# documents named by the place they were signed or drafted at: "the Nairobi accord"
DOCUMENT_NOUNS = frozenset({"accord", "agreement", "treaty", "protocol", "declaration", "convention", "pact",
                            "charter", "communique", "memorandum"})
# "shoot" of a camera: what is filmed
FILM_WORDS = frozenset({"film", "movie", "scene", "episode", "documentary", "footage", "series", "drama",
                        "sequence", "commercial", "clip", "sitcom", "thriller", "comedy", "feature"})
# "shot up", "shot past": a sharp rise, said of prices, figures and moods
RISE_PREPS = frozenset({"past", "above", "beyond"})


def in_another_episode(root: Token, trigger: Token) -> bool:
    """Whether the place headed by `root` belongs to an episode told beside the event.
    The rules that climb the parse share one climb: this runs for every candidate."""
    if names_a_document(root) or planned_trigger(root, trigger) or capture_before_release(root, trigger):
        return True
    head = common_head(root, trigger)
    return head is not None and _episode_on_the_way(root, trigger, head) is not None


def _episode_on_the_way(root: Token, trigger: Token, head: Token) -> str | None:
    """Which episode, planned or dating, the climb from `root` up to `head` passes."""
    node = root
    while node.i != head.i:
        owner = node.head
        if node.dep_ in INTENDED_ARCS and node.pos_ in ("VERB", "AUX") and owner.i != trigger.i and \
                _intent_word(owner) and _nonfinite(node):
            return None if node.left_edge.i <= trigger.i <= node.right_edge.i else "planned"
        if node.dep_ == "prep" and (node.lower_ in ("of", "to") and owner.lower_ in COMING_WORDS or
                                    node.lower_ in ("after", "before") and _measured_span(node)):
            return "dating"
        node = owner
    return None


def names_a_document(root: Token) -> bool:
    """"monitors of the Nairobi accord", "the Yerevan declaration": a place
    that names an agreement says where it was once signed, not where anything the
    sentence tells happened. Not "the Nairobi talks": talks are an event at that place."""
    while root.dep_ == "compound" and root.head.dep_ == "compound" and root.head.i != root.i:
        root = root.head  # "the Nairobi peace accord"
    return root.dep_ in ("compound", "amod", "nmod") and root.head.lemma_.lower() in DOCUMENT_NOUNS


def planned_act(root: Token, trigger: Token) -> bool:
    """"The rebels took the east and plan to push on to Kharkiv", "a mayor, who was
    preparing to fly to Nairobi, was shot": an act only intended, threatened or
    feared has not happened; its place is not the event's. Not the trigger's own clause
    ("troops plan to patrol Izium": that plan is the event the sentence tells)."""
    head = common_head(root, trigger)
    return head is not None and _episode_on_the_way(root, trigger, head) == "planned"


def planned_trigger(root: Token, trigger: Token) -> bool:
    """"Gunmen in Izium mined the bridges for fear of being encircled", "the union
    weighed picketing the port", "the council hesitates about joining the coalition": the
    trigger is an act only feared, weighed or prepared; the places of the clauses around
    it are not its place (its own words may name one). requested_act (side_parties.py)
    does the same for acts asked for, planned or threatened."""
    owner = trigger.head
    if trigger.dep_ not in ("xcomp", "pcomp") or not _intent_word(owner) or not _nonfinite(trigger) or \
            trigger.dep_ == "xcomp" and owner.lemma_.lower() in REQUEST_LEMMAS:
        return False
    return not trigger.left_edge.i <= root.i <= trigger.right_edge.i


def _intent_word(word: Token) -> bool:
    """"vowed (to ...)", "plans (to ...)", "in fear (of being ...)"."""
    if word.dep_ == "prep" and word.head.i != word.i:
        word = word.head
    return word.lemma_.lower() in INTENT_LEMMAS


def _nonfinite(verb: Token) -> bool:
    """An infinitive ("to march") or a gerund ("of being caught"): an act not told as done."""
    return verb.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" or c.dep_ == "auxpass" and
                                     c.lower_ == "being" for c in verb.children)


def dated_by_another_event(root: Token, trigger: Token) -> bool:
    """"The raid came two days after a bombing in Nyala", "a march ahead of the summit in
    Baku", "on the eve of talks in Nairobi": a span of time measured from another event,
    or a coming event, dates the trigger's event; the place named there is that other
    event's. Not "captured last year after a raid in X" ("last year" is its own date,
    and the raid is how the capture came about), nor a clause ("a day after a bomber
    struck in X"): news uses that form for a strike in the same area."""
    head = common_head(root, trigger)
    return head is not None and _episode_on_the_way(root, trigger, head) == "dating"


def _measured_span(word: Token) -> bool:
    """"two days after", "a week before", "a decade to the day after": a count of
    time units measured up to `word`."""
    units = [c for c in word.children if c.dep_ == "npadvmod" and c.lemma_.lower() in TIME_UNITS]
    if not units and word.i > 0 and word.doc[word.i - 1].lemma_.lower() in TIME_UNITS:
        units = [word.doc[word.i - 1]]
    return any(not any(c.lower_ in OWN_DATE_WORDS for c in unit.children) and
               any(c.dep_ == "nummod" or c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in unit.children)
               for unit in units)


def capture_before_release(root: Token, trigger: Token) -> bool:
    """"Three engineers were kidnapped in Nyala and released after talks": where the
    captives were taken is not where they were set free, which the sentence leaves
    unsaid. Not a freeing done in a raid ("troops stormed a camp in Izium and freed ..."):
    the capture there is passive, told of the captives."""
    capture = trigger.head
    if trigger.dep_ != "conj" or trigger.lemma_.lower() not in RELEASE_LEMMAS or \
            capture.lemma_.lower() not in CAPTIVE_LEMMAS or \
            not any(c.dep_ in ("nsubjpass", "auxpass") for c in capture.children):
        return False
    return not trigger.left_edge.i <= root.i <= trigger.right_edge.i


def shoot_tells_no_event(trigger: Token) -> bool:
    """"Bread prices shot up in Kharkiv", "the film was shot on location in
    Nairobi", "the crew is shooting scenes in Baku": "shoot" as a rise or as filming."""
    if trigger.lemma_.lower() != "shoot" or trigger.pos_ not in ("VERB", "AUX"):
        return False
    children = list(trigger.children)
    for child in children:
        if child.dep_ in ("dobj", "nsubjpass", "nsubj") and child.lemma_.lower() in FILM_WORDS:
            return True
        if child.dep_ == "prep" and child.lower_ == "on" and any(g.lower_ == "location" for g in child.children):
            return True
    if any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in children):
        return False  # "gunmen shot up a bus", "the bus was shot up": a shooting
    return any(c.dep_ == "prt" and c.lower_ == "up" or c.dep_ == "prep" and c.lower_ in RISE_PREPS
               for c in children)
