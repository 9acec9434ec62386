"""Wording rules on whether a place is tied to an event, beyond the parse's arcs.

Used by location.py. Some rule a place out: where a unit is based or a person was
born ("troops based in Izium"), and a person's name the gazetteer also holds as a
town ("Petrenko, 39, was captured"); where a captive is held afterwards is
side_facts.later_stage's. Others tie a place in that the parse leaves loose: the
ground under an aircraft ("shot down over Donetsk"), the main clause of a toll told
after a time clause ("struck a Kharkiv cafe as fans watched a match, killing 12") or
of the first part of a reported toll ("said three were killed in X, and four hurt"),
the target after a participle of holding ground ("the army (NRF) held villages of X"),
the ground fighters are driven from, the building a captive is seized from, what an
attack or a capture acts on, and the locality of a private home, a name compounded
with a word for a part of a place, and the modifier of what a verb taking only places
acts on. One weakens: a place on a later step of a coordinated story.
"""

from __future__ import annotations

from spacy.tokens import Token

from geomap.events.name_roles import PART_NOUNS, PLACE_OBJECT_VERBS
from geomap.events.report_origin import reporting_verb
from geomap.events.parse_paths import ancestor_indices, head_indices
from geomap.events.scene import is_venue


def not_the_scene(root: Token, trigger: Token) -> bool:
    """Whether the place headed by `root` only describes a participant: a unit's base, a
    person's birthplace, or a captive's name the gazetteer also holds as a town."""
    return home_of_a_participant(root, trigger) or captive_person(root, trigger)


# verbs that say where a unit is posted or a person was born: a fixed home, not a scene
HOME_LEMMAS = frozenset({"base", "bear", "born", "station", "headquarter", "garrison"})
MODIFYING_CLAUSES = frozenset({"acl", "relcl", "appos"})


def home_of_a_participant(root: Token, trigger: Token) -> bool:
    """"troops based in Izium patrolled ...", "Petrenko, who was born in Kharkiv, was
    shot": a place in a clause that says where a participant is posted or was born
    describes that participant, not the event. (Where someone "lived" is left alone:
    a victim is often found where he lived.)"""
    heads, doc = head_indices(root.doc), root.doc
    above_trigger = ancestor_indices(trigger)
    i = root.i
    for _ in range(8):
        if heads[i] == i or i == trigger.i:
            return False
        i = heads[i]
        if i == trigger.i or i in above_trigger:
            return False
        node = doc[i]
        if node.pos_ in ("VERB", "AUX") and node.dep_ in MODIFYING_CLAUSES:
            return node.lemma_.lower() in HOME_LEMMAS or node.lower_ in HOME_LEMMAS
    return False


HARM_LEMMAS = frozenset({"kill", "wound", "injure", "hurt", "leave", "claim", "destroy", "damage"})
TIME_MARKS = frozenset({"as", "while", "when", "whilst", "after"})


def toll_owner(trigger: Token) -> list[Token]:
    """"a bomber struck a Kharkiv cafe as customers watched a match, killing 12": a
    participle telling the toll belongs to the main clause, though the parse hangs it
    on the time clause just before it. Returns that main clause's verb, if any."""
    reported = reported_toll(trigger)
    if reported is not None:
        return [reported]
    participle = trigger
    if participle.dep_ == "conj" and participle.head.tag_ == "VBG":
        participle = participle.head  # "killing 12 and wounding 38"
    if participle.tag_ != "VBG" or participle.dep_ != "advcl" or participle.lemma_.lower() not in HARM_LEMMAS:
        return []
    clause = participle.head
    if clause.dep_ != "advcl" or clause.head.i == clause.i:
        return []
    if not any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in clause.children):
        return []
    return [clause.head]


TOLL_VERBS = frozenset({"kill", "wound", "injure", "hurt", "die"})


def reported_toll(trigger: Token) -> Token | None:
    """"officials said three were killed in Izium, and seven were injured": the second
    part of a toll told as what is said, which the parse joins to the verb of saying,
    belongs with the first part; returns the verb of that first part."""
    verb = trigger.head
    if trigger.dep_ != "conj" or trigger.lemma_.lower() not in TOLL_VERBS or not reporting_verb(verb):
        return None
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.i < trigger.i and
                 c.lemma_.lower() in TOLL_VERBS), None)


# words of flying: "over" after them names the ground below, not a matter or a rival
AIR_WORDS = frozenset({"mission", "missions", "flight", "flights", "sortie", "sorties", "sky", "skies",
                       "airspace", "fly", "flew", "flown", "plane", "jet", "aircraft", "helicopter", "drone"})


def flown_over(root: Token) -> bool:
    """"shot down over Izium", "a bombing mission over Donetsk": "over" after a word of
    flying or a downing names the ground the aircraft was above; elsewhere ("control
    over X", "a win over X") it names a matter or a rival."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "over" or prep.head.i == prep.i:
        return False
    word = prep.head
    downed = any(c.dep_ == "prt" and c.lower_ == "down" for c in word.children)
    return downed or word.lower_ in AIR_WORDS or word.lemma_.lower() in AIR_WORDS


# verbs whose object may be a town or a person: "troops captured Izium", "police captured Petrenko"
TAKING_LEMMAS = frozenset({"capture", "seize", "catch", "nab"})
# what befalls a captive person, never a town
CAPTIVE_FATES = frozenset({"hold", "charge", "sentence", "jail", "imprison", "execute", "torture", "release",
                           "free", "extradite", "deliver", "spend", "try", "convict", "interrogate", "detain",
                           "kill", "shoot", "behead", "hang", "deport", "question", "hand", "bring",
                           "fly", "transfer", "beat", "wound", "injure"})


def captive_person(root: Token, trigger: Token) -> bool:
    """"Petrenko, 39, was captured ...", "Petrenko was captured and held for a year":
    what was captured is a person when the sentence gives it an age or a person's fate;
    a gazetteer's town of the same name is not the scene."""
    if trigger.lemma_.lower() not in TAKING_LEMMAS or root.head.i != trigger.i or \
            root.dep_ not in ("nsubjpass", "dobj"):
        return False
    aged = any(c.dep_ in ("appos", "amod", "npadvmod", "nummod") and _an_age(c) for c in root.children)
    fates = [c for c in trigger.conjuncts if c.lemma_.lower() in CAPTIVE_FATES]
    return aged or bool(fates)


def _an_age(word: Token) -> bool:
    """"Petrenko, 39," or "Petrenko, now 39,": a bare number set off after a name."""
    return any(t.text.isdigit() and 0 < int(t.text) < 120 for t in (word, *word.children))


# verbs whose clausal complement is what is said, thought, seen or brought about: a
# place in that clause belongs to the content, not to the verb's own scene
CONTENT_LEMMAS = frozenset({
    "think", "believe", "know", "learn", "suspect", "fear", "expect", "hope", "deny", "seem", "appear",
    "hear", "feel", "understand", "realize", "realise", "doubt", "wonder", "show", "suggest", "mean",
    "ensure", "decide", "agree", "promise", "threaten", "vow", "pledge", "demand", "ask", "urge", "order",
    "accuse", "predict", "argue", "complain", "see", "notice", "watch", "term", "call", "help", "make",
    "let", "be", "point", "want", "wish", "hold", "consider", "describe", "name", "insist",
})


def misparsed_clause(node: Token) -> bool:
    """A "complement clause" under a verb that takes no content ("detonated a bomb
    packed with nails in a Kharkiv cafe", "troops patrolled the roads of Izium and
    tanks were stationed ..."): the parser's name for a participle or a run-on
    clause that goes on telling the same episode, so a place in it stays on the
    event's phrase. Not under verbs of saying, thinking or making ("shot back that
    ...", "helped troops retake ..."), nor a clause set before the verb (quoted or
    fronted words: "'..., ' he shot back") or one that is itself a saying or a state."""
    if node.dep_ != "ccomp" or node.head.i >= node.i:
        return False
    if claimed_object(node):
        return True
    if node.pos_ != "VERB":
        return False
    verb = node.head
    if any(not (w.pos_ == "VERB" and not reporting_verb(w) and w.lemma_.lower() not in CONTENT_LEMMAS)
           for w in (verb, node)):
        return False
    return not any(c.lower_ == "back" for c in verb.children)


def claimed_object(node: Token) -> bool:
    """"jets struck what the army said were arms depots in Izium": the free relative
    "what X said were N" stands for the event's object N, with its claim in between;
    the parser reads "said" and "were" as nested complement clauses. `node` is either
    of them. ("what they called N" is left alone: it often quotes a loaded name.)"""
    if _what_subject(node):
        return True  # "were"
    return reporting_verb(node) and any(c.dep_ == "ccomp" and _what_subject(c) for c in node.children)  # "said"


def _what_subject(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ == "what" for c in verb.children)


# verbs of going into, striking or taking a place by force: their object is where the act is
ENTRY_LEMMAS = frozenset({"enter", "storm", "raid", "overrun", "retake", "invade", "infiltrate", "besiege",
                          "throng", "rock", "engulf", "attack", "strike", "capture", "liberate"})
# a clause set at another time than the event: "before troops entered X", "since X was taken"
OTHER_TIME_MARKS = frozenset({"before", "after", "since", "until", "once"})


def entered_place(root: Token) -> bool:
    """"gunmen were shot when police raided their Izium hideout", "launched an assault
    to enter Izium": what a clause of entering or storming tied to the event acts on
    is where the episode happens, though the parse hangs it on that clause's verb.
    Not a clause set at another time ("killed since troops entered X") nor one only
    coordinated with it."""
    verb = root.head
    if root.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in ENTRY_LEMMAS:
        return False
    return verb.dep_ != "conj" and not any(c.dep_ in ("mark", "advmod") and c.lower_ in OTHER_TIME_MARKS
                                           for c in verb.children)


# a coordinated verb's place is the trigger's no more strongly than its clause's
LATER_STEP_STRENGTH = 2.5


def a_later_step(path: list[Token], head: Token) -> bool:
    """"was seized in Kharkiv last week and handed over to police in Izium": a verb
    coordinated after a trigger that already has its own object or phrase tells a
    further step of the story, so a place in it ties to the trigger only as strongly
    as a clause-mate, not as the trigger's own phrase. A shared pair ("shot and killed
    two men in Izium") has nothing between the verbs and stays whole."""
    step = next((n for n in path if n.dep_ == "conj" and n.pos_ in ("VERB", "AUX") and n.head.i == head.i), None)
    return step is not None and any(c.dep_ in ("dobj", "prep", "dative") and head.i < c.i < step.i
                                    for c in head.children)


# participles that say who holds ground: "the army (NRF) controlled villages of X"
HOLDING_LEMMAS = frozenset({"control", "hold", "occupy", "besiege", "run", "administer", "dominate", "govern"})


def holding_participle(trigger: Token) -> list[Token]:
    """"rebels attacked the army (NRF) controlled villages of Izium": a participle of
    holding ground, set right after the trigger's object with no subject of its own,
    names who holds what follows; the parser reads it as a verb beside the trigger,
    but what it governs is the trigger's own target. Returns such verbs."""
    verbs = []
    for obj in trigger.children:
        after = obj.right_edge.i + 1
        if obj.dep_ != "dobj" or after >= len(obj.doc):
            continue
        verb = obj.doc[after]
        if verb.tag_ in ("VBN", "VBD") and verb.lemma_.lower() in HOLDING_LEMMAS and verb.head.i != obj.i and \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            verbs.append(verb)
    return verbs


# verbs of driving someone out: "from" after them names the ground the fight was over
EXPULSION_LEMMAS = frozenset({"expel", "drive", "dislodge", "evict", "flush", "rout", "chase", "escape", "push",
                              "repel", "eject"})


def driven_out_from(prep: Token) -> bool:
    """"troops dislodged the rebels from Izium", "inmates tried to escape from the
    Nyala jail": "from" after a verb of driving out or breaking out names where the
    episode took place, unlike "from" after most verbs ("fled from X", "a man from X");
    so does the building someone is seized from ("abducted from his Izium home")."""
    verb = prep.head
    if prep.lower_ != "from" or verb.i == prep.i:
        return False
    if verb.pos_ != "VERB":
        return seized_from_a_building(prep, _verb_above(verb))
    return verb.lemma_.lower() in EXPULSION_LEMMAS or seized_from_a_building(prep, verb)


def _verb_above(word: Token) -> Token:
    """The verb a phrase hangs from: "captured along with two aides, from ..." (the
    parse may hang "from" on the companions)."""
    for _ in range(4):
        if word.pos_ == "VERB" or word.head.i == word.i or word.dep_ not in ("pobj", "prep", "appos"):
            break
        word = word.head
    return word


# verbs of seizing a person: the building he is taken "from" is where he was seized
SEIZING_LEMMAS = frozenset({"kidnap", "abduct", "capture", "seize", "snatch", "grab", "drag", "arrest", "detain"})


def seized_from_a_building(prep: Token, verb: Token) -> bool:
    """"gunmen abducted two engineers from their Izium office": a captive taken
    "from" a building was seized in it; "from" a town says less ("seized the town from
    the rebels", "captured from Nyala" is where he came from) and is left alone."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in SEIZING_LEMMAS and any(
        c.dep_ == "pobj" and (is_venue(c) or c.lemma_.lower() in DWELLING_NOUNS) for c in prep.children)


# dwellings: with "his", "their" before them they carry no proper name of their own
DWELLING_NOUNS = frozenset({"home", "house", "residence", "apartment", "flat", "villa", "bungalow"})


def unnamed_home_of(root: Token, in_gazetteer: bool) -> Token | None:
    """"found dead in his Zorvany apartment": a name the gazetteer does not know,
    set between "his" or "their" and a dwelling, is the locality the home stands
    in, since a private home has no proper name; placed as the dwelling is. Returns
    the dwelling word."""
    home = root.head
    if in_gazetteer or root.dep_ != "compound" or home.i != root.i + 1 or \
            home.lemma_.lower() not in DWELLING_NOUNS:
        return None
    return home if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in home.children) else None


# part words for what lies around a place rather than inside it: "the Izium environs"
AROUND_WORDS = frozenset({"environs", "outskirt", "fringe", "fringes", "edge", "edges", "periphery", "perimeter"})


def names_a_part(root: Token) -> bool:
    """"shot in the city's Zorvany section", "clashes in the Nyala locality": a name
    compounded with a word for a part of a place names that part, a place, not
    whose it is as "Nyala police" would. Not a word for what lies around a place
    ("the Izium environs"), which sets the event beside the name, not in it."""
    head = root.head
    word = head.lemma_.lower()
    return root.dep_ == "compound" and head.i != root.i and \
        (word in PART_NOUNS or head.lower_ in PART_NOUNS) and word not in AROUND_WORDS and \
        head.lower_ not in AROUND_WORDS


def ground_of_a_place_verb(root: Token) -> bool:
    """"troops patrolled Kharkiv streets", "police will patrol Izium and its venues":
    a name modifying the object of a verb that only takes places ("patrol", "storm")
    says where that ground is, not who acts, whatever the parse makes of the noun."""
    obj = root.head
    return root.dep_ in ("compound", "nmod") and obj.i != root.i and obj.dep_ == "dobj" and \
        obj.head.pos_ == "VERB" and obj.head.lemma_.lower() in PLACE_OBJECT_VERBS


def extra_locative(prep: Token) -> bool:
    """A preposition that places an event although it is no locative in general."""
    return between_ends(prep) or launch_site(prep)


# verbs of firing a weapon: "from X" on them is where the shots were fired
FIRING_LEMMAS = frozenset({"fire", "launch", "lob"})


def launch_site(prep: Token) -> bool:
    """"rebels fired rockets from northern Darfur": the place a weapon is fired or launched
    from is where the firing happened, though "from" on most verbs says where someone
    came from."""
    return prep.lower_ == "from" and prep.head.lemma_.lower() in FIRING_LEMMAS


# roads named by the towns at their ends: "the road between Kharkiv and Izium"
ROUTE_WORDS = frozenset({"road", "highway", "route", "motorway", "railway", "stretch", "section", "track"})


def between_ends(prep: Token) -> bool:
    """"ambushed on the road between X and Y": "between" after a word for a road names
    the towns it runs between, and an event on that road is placed by them. Only a
    road the event is set on by a preposition: not a road the event acts on as a whole,
    nor "clashes between X and Y" (parties), nor a border or zone between countries,
    which lies between them rather than at either."""
    road = prep.head
    return prep.lower_ == "between" and road.dep_ == "pobj" and road.lemma_.lower() in ROUTE_WORDS
