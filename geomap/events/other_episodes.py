"""Places of episodes a sentence tells beside its event, and senses of "shoot" that tell none.

News dates an event by another one ("a decade to the day after a massacre at X",
"ahead of a summit in X"), says what someone only plans, threatens or fears to do
("plan to push on to X"), and tells of a release after a capture ("was seized in X and
later set free"): the places of those episodes are not the event's, nor is a place that
names an agreement ("the X accord"). A "who" clause with a date of its own or a post
("a mayor who governed X in 2009", "who commanded the troops in X") tells a participant's
past, and a recording ("footage showing ...") is made public somewhere else than the
event it shows. "Shoot" also means to rise ("bread prices shot up in X") and to film or
photograph ("the movie was shot in X"), a prize "captured for a picture of X" is won
for a work, and a capture told with words of a game is a score or a title: none of
these is a political event at a place.
Used by side_facts.py (places) and senses.py (senses), beside the other rules that
location.py consults.
"""

from __future__ import annotations

from spacy.tokens import Token

from geomap.events.later_moves import participants_earlier_place, refuge_of_a_flight
from geomap.events.parse_paths import common_head
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
# verbs of a post held: "who commanded the rebels in X", "who governs X" ("led" is left
# out: "gunmen who led the raid in X" tell the event itself)
POST_VERBS = frozenset({"command", "govern", "rule", "chair", "head", "run", "represent", "own", "manage",
                        "edit", "teach", "coach"})
# what shows an event after the fact: "footage showing ...", "a video of ..."
RECORDING_NOUNS = frozenset({"footage", "video", "videotape", "image", "photo", "photograph", "picture",
                             "clip", "recording", "film"})
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                    "sept", "oct", "nov", "dec"})
# a trial a person went through: "who was indicted by the court in X"
TRIAL_LEMMAS = frozenset({"indict", "convict", "sentence", "charge", "try", "acquit", "want", "accuse"})
# words of a game: a capture told with them is a score or a title
SPORT_WORDS = frozenset({"innings", "wicket", "wickets", "batsman", "bowler", "tournament", "championship",
                         "lineup", "league", "lap", "birdie", "clubhouse", "trophy", "cup", "semifinal",
                         "semifinals", "golf", "tennis", "cricket"})
# adverbs that set a clause in the past: "who once ruled X"
PAST_ADVERBS = frozenset({"once", "formerly", "previously", "long"})
# "shoot" of a camera: what is filmed
FILM_WORDS = frozenset({"film", "movie", "scene", "episode", "documentary", "footage", "series", "drama",
                        "sequence", "commercial", "clip", "sitcom", "thriller", "comedy", "feature",
                        "image", "photo", "photograph", "picture", "portrait", "snapshot", "video"})
# what "shoots up" without a gun: prices and figures ("grain prices shot up 30 percent")
RISING_WORDS = frozenset({"price", "cost", "rate", "share", "stock", "index", "inflation", "figure", "sale",
                          "value", "yield", "temperature", "unemployment", "fare", "rent", "tariff", "premium"})
# the work a prize is given for: "won a prize for her photography"
WORK_NOUNS = frozenset({"photography", "photograph", "photo", "picture", "reporting", "coverage", "journalism",
                        "documentary", "novel", "book", "poetry", "performance", "album", "song", "story"})
# "shot up", "shot past": a sharp rise, said of prices, figures and moods
RISE_PREPS = frozenset({"past", "above", "beyond"})


def in_another_episode(root: Token, trigger: Token) -> bool:
    """Whether the place headed by `root` belongs to an episode told beside the event.
    The rules that climb the parse share one climb: this runs for every candidate."""
    if names_a_document(root) or planned_trigger(root, trigger) or capture_before_release(root, trigger) or \
            shown_in_a_recording(root, trigger) or refuge_of_a_flight(root, trigger) or \
            participants_earlier_place(root, trigger):
        return True
    head = common_head(root, trigger)
    return head is not None and (_episode_on_the_way(root, trigger, head) is not None or
                                 _dated_clause_on_the_way(root, trigger, head))


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
    """"Bread prices shot up in Kharkiv", "a series shot on location outside
    Nairobi", "the crew is shooting scenes in Baku": "shoot" as a rise or as filming."""
    if trigger.lemma_.lower() != "shoot" or trigger.pos_ not in ("VERB", "AUX"):
        return False
    children = list(trigger.children)
    for child in children:
        if child.dep_ in ("dobj", "nsubjpass", "nsubj") and child.lemma_.lower() in FILM_WORDS:
            return True
        if child.dep_ == "prep" and child.lower_ == "on" and any(g.lower_ == "location" for g in child.children):
            return True
        # "the drama was shot near Baku and stars ...": only a film stars anyone
        if child.dep_ == "conj" and child.lemma_.lower() == "star" and child.pos_ == "VERB":
            return True
        if child.dep_ == "nsubj" and child.lemma_.lower() in RISING_WORDS:
            return True  # "bread prices shot ...": a figure does not fire a gun
    rises = any(c.dep_ == "prt" and c.lower_ == "up" or c.dep_ == "prep" and c.lower_ in RISE_PREPS
                for c in children)
    if any(c.dep_ in ("nsubjpass", "auxpass") or c.dep_ == "dobj" and not (rises and c.like_num) for c in children):
        return False  # "gunmen shot up a bus", "the bus was shot up": a shooting; not "shot up 6 percent"
    return rises


def award_for_a_work(trigger: Token) -> bool:
    """"The weekly captured two prizes for photography with its portraits of miners in
    Donetsk", "won a prize for her reporting from Nyala": a prize is won for
    a work; the places the work shows or tells of are not where anything was won."""
    if trigger.lemma_.lower() not in ("capture", "win") or trigger.pos_ not in ("VERB", "AUX"):
        return False
    # "captured two prizes for photography": the parse may hang "for" on the prize
    prizes = [c for c in trigger.children if c.dep_ == "dobj"]
    for child in [*trigger.children, *(g for prize in prizes for g in prize.children)]:
        if child.dep_ != "prep" or child.lower_ != "for":
            continue
        works = [g for c in child.children if c.dep_ in ("pobj", "pcomp")
                 for g in ([c] if c.dep_ == "pobj" else [d for d in c.children if d.dep_ == "dobj"])]
        if any(w.lemma_.lower() in WORK_NOUNS for w in works):
            return True
    return False


def dated_clause_on_a_person(root: Token, trigger: Token) -> bool:
    """"A former mayor who once governed Omdurman was killed in Khartoum", "kidnapped by
    herders who in 2015 drove farmers out of Darfur", "a colonel, who commanded the
    troops around Izium, was killed": a "who" clause on a participant that carries a date of its own,
    or tells a post held or a trial, tells that participant's past or standing, not the
    event's place. Not a clause without either ("gunmen who stormed a post in Izium killed
    two"): that one mostly tells the event itself."""
    head = common_head(root, trigger)
    return head is not None and _dated_clause_on_the_way(root, trigger, head)


def _dated_clause_on_the_way(root: Token, trigger: Token, head: Token) -> bool:
    """Whether the climb from `root` up to `head` passes a dated "who" clause."""
    node = root
    while node.i != head.i:
        if node.dep_ == "relcl" and node.pos_ in ("VERB", "AUX"):
            # "who": a clause on a person ("violence that has rocked Izium for years" is the event's)
            return _on_a_person(node) and not node.left_edge.i <= trigger.i <= node.right_edge.i and \
                _tells_a_past(node)
        node = node.head
    return False


def _tells_a_past(verb: Token) -> bool:
    """A clause with a date of its own, a post held ("who commanded the troops in X") or
    a trial ("who was indicted by the court in X")."""
    if _own_date(verb) or verb.lemma_.lower() in POST_VERBS and verb.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    return any(v.lemma_.lower() in TRIAL_LEMMAS and v.tag_ == "VBN"
               for v in (verb, *(c for c in verb.children if c.dep_ == "conj")))


def _on_a_person(verb: Token) -> bool:
    """"who ...", "whom ...", "whose post was ...": the clause is on a person."""
    return any(c.lower_ in ("who", "whom") or any(g.lower_ == "whose" for g in c.children) for c in verb.children)


def _own_date(verb: Token) -> bool:
    """"in 1997", "for years", "once", "on 3 March": a time of the clause's own."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in PAST_ADVERBS:
            return True
        words = [child] if child.dep_ == "npadvmod" else \
            [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else []
        if any(_year(w) or w.lemma_.lower() in ("year", "decade") and w.tag_ == "NNS" or
               w.lower_.rstrip(".") in MONTHS for w in words):
            return True
    return False


def _year(word: Token) -> bool:
    """A four-digit year: "1997"."""
    return word.like_num and len(word.text) == 4 and word.text.isdigit() and 1800 < int(word.text) < 2100


def shown_in_a_recording(root: Token, trigger: Token) -> bool:
    """"State television in Khartoum aired a clip showing two guards being shot",
    "newspapers in Baku printed photographs of pilots captured last week": the event is
    what a recording shows; the places around the recording say where it was made public
    or by whom, not where the event happened. A place inside the recording's phrase may
    still be the event's."""
    node = trigger
    for _ in range(6):
        owner = node.head
        if owner.i == node.i:
            return False
        if owner.pos_ == "NOUN" and owner.lemma_.lower() in RECORDING_NOUNS and node.dep_ in ("acl", "prep"):
            return not owner.left_edge.i <= root.i <= owner.right_edge.i
        node = owner
    return False


def capture_in_sport(trigger: Token) -> bool:
    """"The leg-spinner captured four wickets for 30 runs", "the golfer captured a
    two-shot lead on the third day of the tournament": a game's capture is a score or a
    title, no event at the places the sentence names."""
    if trigger.lemma_.lower() != "capture" or trigger.pos_ not in ("VERB", "AUX"):
        return False
    sentence = trigger.sent
    return any(t.lower_ in SPORT_WORDS for t in sentence)
