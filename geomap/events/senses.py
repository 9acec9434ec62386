"""Wordings that rule every named place out, or one place, whatever the parse attaches.

A winning verb in an election ("captured two regions in the vote"), a capturing verb
that records ("cameras captured the convoy"), wins a prize or catches animals, a
"demonstrated" that means showed, a verb of saying or judging ("the ministry condemned
the shelling of X") or of relation or trend ("the raid deepened fears in X"), a blow
struck at an idea ("shot down hopes of a deal in X") report nothing at the places
named; the place a distance is measured from ("a village 40 km south of Kharkiv"),
the place a protest is about or for ("protested against the shelling of Kharkiv") and
the place that owns a war, a list or a person ("Sudan's civil war") are not where the
event was. Used by location.py beside the scene rules of scene.py.
"""

from __future__ import annotations

from spacy.tokens import Token

from geomap.events.other_episodes import award_for_a_work, capture_in_sport, shoot_tells_no_event
from geomap.events.parse_paths import path_up

# "capture", "win", "take" in an election: who carried a state, not a fight there
WINNING_LEMMAS = frozenset({"capture", "win", "take", "carry", "sweep", "clinch", "secure"})
ELECTION_WORDS = frozenset({"election", "elections", "primary", "primaries", "vote", "votes", "voter", "voters",
                            "poll", "polls", "ballot", "ballots", "caucus", "caucuses", "delegate", "delegates",
                            "electorate", "referendum", "electoral", "landslide", "runoff", "nomination"})
# "captured on camera", "captured grainy footage": a recording, not a seizure
RECORDING_WORDS = frozenset({"camera", "cameras", "film", "tape", "video", "videotape", "television", "tv",
                             "footage", "image", "images", "picture", "pictures", "photo", "photos",
                             "photograph", "photographs", "crew", "crews", "lens", "page", "pages", "headline",
                             "headlines", "moment", "moments", "scene", "scenes"})
DISTANCE_UNITS = frozenset({"km", "kms", "kilometers", "kilometres", "kilometer", "kilometre", "miles", "mile",
                            "meters", "metres", "yards", "mi"})
COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                           "north-east", "north-west", "south-east", "south-west", "northward", "southward"})
# what "capture" acts on in a contest, in a mood or in a study of nature: no seizure
# ("captured the doubles", "captured a top-four place", "captured the vibe", "captured
# baby turtles for tagging"); what extract.py already knows ("title", "medal") is not here
PRIZE_OR_CREATURE_WORDS = frozenset({
    "doubles", "singles", "place", "spot", "berth", "trick", "event", "view", "vibe", "feel", "feeling",
    "flavour", "flavor", "atmosphere", "elephant", "animal", "bird", "fish", "whale", "turtle", "specimen",
    "lobster", "shark", "tiger", "monkey", "snake", "bear", "wolf", "dolphin", "insect", "butterfly", "crab",
    "penguin", "seabird", "crocodile", "lion", "leopard", "rhino", "rat", "mouse",
    # a bowler's and a sportsman's haul, an office won at the polls
    "scalp", "haul", "champion", "governorship", "presidency",
    "mayoralty", "premiership",
    # what a writer, a painter or a model catches: a time, a look
    "period", "era", "history", "magnificence", "grandeur", "beauty", "character",
})
# "a herd of elephants", "a group of lobsters": the creatures are the "of" phrase's
COLLECTIVE_NOUNS = frozenset({"group", "herd", "flock", "pack", "school", "shoal", "pair", "number", "batch"})
# verbs of saying, judging and knowing: they report a statement, not an event at a place
STATEMENT_LEMMAS = frozenset({
    "say", "tell", "announce", "add", "condemn", "accuse", "know", "call", "demand", "urge", "stress", "warn",
    "claim", "deny", "express", "state", "note", "insist", "blame", "criticize", "criticise", "praise",
    "welcome", "believe", "think", "hope", "fear", "describe", "allege", "declare", "confirm", "suggest",
    "argue", "explain", "ask", "quote", "cite", "vow", "pledge", "promise", "denounce", "convict", "order",
})
# verbs of relation, influence or trend: they tell how things stand or change, and
# nothing happens at the places they name ("the raid deepened fears in X", "the aid
# depends on access to X", "the toll was updated"); no physical deed goes with them
ABSTRACT_LEMMAS = frozenset({
    "influence", "depend", "deepen", "update", "revive", "pave", "amount", "loom", "account", "involve",
    "schedule", "solve", "mean", "reflect", "signal", "indicate", "symbolize", "symbolise", "highlight",
    "underline", "underscore", "worsen", "exacerbate", "resemble", "represent", "constitute", "contribute",
    "acknowledge", "admit", "concede", "reiterate", "limit", "ally", "back", "support", "communicate",
})
# "made comparisons", "is making suggestions": a light verb whose object is a remark
REMARK_NOUNS = frozenset({"suggestion", "comparison", "remark", "comment", "statement", "point", "case",
                          "argument", "appeal", "claim", "promise", "pledge", "decision", "mistake"})
# of those, the ones a crowd or a unit may do in person: "took to the streets to support
# X", "moved to Y to support the offensive" tell a deed done where the act is
SUPPORT_LEMMAS = frozenset({"back", "support"})
# "put pressure on X", "exercised pressure on the regime": a way of urging, not a deed
PRESSING_LEMMAS = frozenset({"put", "exercise", "exert", "apply", "pile", "increase", "step"})
PRESSURE_WORDS = frozenset({"pressure", "leverage"})
# "an attack that claimed six lives": a killing, not a claim
LIFE_WORDS = frozenset({"life", "lives", "toll"})
# "shot to fame", "rocketed to stardom": a rise, not a shooting
FAME_WORDS = frozenset({"fame", "stardom", "prominence", "celebrity", "notoriety", "limelight"})
# a violent verb on a plan, a hope or a name ("shot down hopes of a deal", "the report
# destroyed his strategy", "killed the bill"): figurative, no blow is struck
BLOW_LEMMAS = frozenset({"destroy", "shoot", "kill", "torpedo", "wreck", "shatter", "sink", "bury", "crush",
                         "demolish", "scuttle", "ruin", "attack", "slam", "blast", "assail"})
IDEA_NOUNS = frozenset({"strategy", "hope", "plan", "policy", "proposal", "idea", "argument", "credibility",
                        "reputation", "career", "chance", "dream", "theory", "notion", "confidence", "morale",
                        "bill", "legislation", "initiative", "prospect", "rumour", "rumor", "myth", "candidacy",
                        "bid", "ambition", "speculation", "expectation", "illusion"})
# "seen as", "regarded as": a view of something, "held responsible": a blame
REGARD_LEMMAS = frozenset({"see", "view", "regard", "consider", "perceive"})
BLAME_WORDS = frozenset({"responsible", "accountable", "liable", "culpable"})
PROTEST_LEMMAS = frozenset({"protest", "demonstrate", "march", "rally", "picket", "strike", "riot", "gather"})
GRIEVANCE_PREPS = frozenset({"against", "over", "about", "upon"})
# what a protest is for: "in solidarity with refugees in X", "to demand the release of"
CAUSE_NOUNS = frozenset({"solidarity", "support", "protest", "memory", "honour", "honor", "defence", "defense",
                         "sympathy", "response", "opposition", "show"})
CAUSE_VERBS = frozenset({"protest", "demand", "denounce", "condemn", "mark", "support", "call", "urge", "show",
                         "express", "commemorate", "oppose", "press", "decry", "mourn", "honour", "honor"})


def reports_no_scene(trigger: Token) -> bool:
    """The trigger in a sense that reports no event at any place: winning an election
    or a prize, recording, showing ("the vote demonstrated the strength of ..."),
    filming or a rise ("the film was shot in X", "prices shot up")."""
    return _won_or_recorded(trigger) or demonstrate_means_show(trigger) or \
        captured_a_prize_or_creature(trigger) or reports_a_statement(trigger) or shot_to_fame(trigger) or \
        tells_a_relation(trigger) or strikes_an_idea(trigger) or passes_a_judgement(trigger) or \
        shoot_tells_no_event(trigger) or award_for_a_work(trigger) or capture_in_sport(trigger)


def passes_a_judgement(trigger: Token) -> bool:
    """"The raid is widely seen as a turning point in Darfur", "they held the rulers in
    Khartoum responsible", "a survey concluded that ...": regarding, blaming or
    concluding is a judgement, not a deed at the places it names."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return False
    lemma, children = trigger.lemma_.lower(), list(trigger.children)
    if lemma in REGARD_LEMMAS:
        return any(c.dep_ == "prep" and c.lower_ == "as" for c in children)
    if lemma == "hold":
        return any(c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") and c.lower_ in BLAME_WORDS for c in children)
    return lemma == "conclude" and any(c.dep_ == "ccomp" for c in children)


def strikes_an_idea(trigger: Token) -> bool:
    """"Officials shot down hopes of a deal with Baku", "the report destroyed the
    minister's strategy": a violent verb whose object is a plan, a hope or a name
    is said in a figure; nothing is hit at the places the sentence names."""
    if trigger.pos_ not in ("VERB", "AUX") or trigger.lemma_.lower() not in BLOW_LEMMAS:
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in IDEA_NOUNS for c in trigger.children)


def tells_a_relation(trigger: Token) -> bool:
    """"The blast deepened fears in Kharkiv", "aid to Nyala depends on the road", "officials
    acknowledged the error", "put pressure on Baku", "made comparisons with Izium", "fell
    out with the leader": a verb of relation, trend, admission or urging tells how things
    stand, not a deed done at a place."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return False
    lemma = trigger.lemma_.lower()
    if lemma in SUPPORT_LEMMAS and _rides_on_an_act(trigger):
        return False
    if lemma == "admit" and any(c.dep_ == "prep" and c.lower_ in ("to", "into") for c in trigger.children):
        return False  # "admitted to a hospital in X": taken in, a deed at a place
    objects = [c.lemma_.lower() for c in trigger.children if c.dep_ == "dobj"]
    return lemma in ABSTRACT_LEMMAS or lemma in PRESSING_LEMMAS and any(o in PRESSURE_WORDS for o in objects) or \
        lemma == "make" and any(o in REMARK_NOUNS for o in objects) or \
        lemma == "fall" and any(c.dep_ == "prt" and c.lower_ == "out" for c in trigger.children)


def _won_or_recorded(trigger: Token) -> bool:
    """A winning verb in a sentence about an election ("the senator captured Ohio in
    the primary") or a capturing verb that records ("captured on camera", "a crew
    captured images"): nothing happened at the places named."""
    lemma = trigger.lemma_.lower()
    if lemma in WINNING_LEMMAS and any(t.lower_ in ELECTION_WORDS for t in _own_clause(trigger)):
        return True
    if lemma != "capture":
        return False
    for child in trigger.children:
        # not "captured by a camera in X": what the camera saw did happen in X
        words = [child] if child.dep_ != "prep" else [c for c in child.children if c.dep_ == "pobj"]
        if child.dep_ in ("dobj", "nsubj", "nsubjpass", "prep") and any(w.lower_ in RECORDING_WORDS for w in words):
            return True
    return False


def demonstrate_means_show(trigger: Token) -> bool:
    """"The vote demonstrated the strength of ...", "Kyiv has demonstrated that ...",
    "the risk was demonstrated by ...": "demonstrate" with a thing shown (an object right
    after the verb, a that-clause, a passive subject) means to show, not to protest; a
    protest's "demonstrated" takes no object (an object parsed far from the verb, as in
    "demonstrated in Kyiv ..., waving signs", is another verb's)."""
    if trigger.lemma_.lower() != "demonstrate" or trigger.pos_ not in ("VERB", "AUX"):
        return False
    for child in trigger.children:
        if child.dep_ in ("ccomp", "nsubjpass"):
            return True
        if child.dep_ == "dobj" and child.i > trigger.i and _follows_closely(trigger, child):
            return True
    return False


def reports_a_statement(trigger: Token) -> bool:
    """"the ministry condemned the shelling of Nyala", "officials said", "he was
    convicted of the bombing": a verb of saying or judging reports a statement; the
    places it names are those of what it speaks of. Not a participle riding on an act
    ("protesters clashed with police, accusing them of ..."): that shares the act's
    scene; not "claimed six lives" (a killing) or "a village called Jibu" (a name)."""
    lemma = trigger.lemma_.lower()
    if lemma not in STATEMENT_LEMMAS or trigger.pos_ not in ("VERB", "AUX"):
        return False
    if lemma == "claim" and any(c.dep_ == "dobj" and c.lemma_.lower() in LIFE_WORDS for c in trigger.children):
        return False
    if lemma == "call" and (trigger.dep_ == "acl" and trigger.tag_ == "VBN" or
                            any(c.dep_ in ("oprd", "attr") for c in trigger.children)):
        return False
    return not _rides_on_an_act(trigger)


def _rides_on_an_act(verb: Token) -> bool:
    """"clashed with police, accusing them of ...", "rallied in Uzice to demand ...":
    a participle or an infinitive of purpose hung on a verb of acting."""
    head = verb.head
    nonfinite = verb.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return nonfinite and verb.dep_ in ("advcl", "xcomp", "conj") and head.pos_ == "VERB" and \
        head.lemma_.lower() not in STATEMENT_LEMMAS and not reported_by_a_speaker(head)


def reported_by_a_speaker(act: Token) -> bool:
    """"The group said the army had shelled Izium, accusing it of ...", "he pointed
    out that 200 clinics were hit, adding that ...": an act told in a speaker's
    that-clause; a saying participle hung on it goes on the speaker's words."""
    speaker = act.head
    return act.dep_ == "ccomp" and speaker.pos_ in ("VERB", "AUX") and (
        speaker.lemma_.lower() in STATEMENT_LEMMAS or
        any(c.dep_ == "prt" and c.lower_ == "out" for c in speaker.children))


def shot_to_fame(trigger: Token) -> bool:
    """"The singer shot to fame in Kharkiv": "shoot to fame" is a rise, no shooting."""
    if trigger.lemma_.lower() != "shoot":
        return False
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_.lower() in FAME_WORDS for g in c.children)
               for c in trigger.children)


def _follows_closely(verb: Token, obj: Token) -> bool:
    """Only the verb's own adverbs ("demonstrated on Friday his support") stand between
    the verb and its object's phrase."""
    between = verb.doc[verb.i + 1:obj.left_edge.i]
    return all(t.head.i == verb.i and t.dep_ in ("npadvmod", "advmod") or t.head.i in {b.i for b in between}
               for t in between)


def captured_a_prize_or_creature(trigger: Token) -> bool:
    """"captured the mixed doubles", "captured pole position", "captured a hat-trick",
    "captured the vibe of the season", "rangers captured two tigers": winning, catching
    a mood or catching animals is no event at the places the sentence names."""
    if trigger.lemma_.lower() != "capture" or trigger.pos_ not in ("VERB", "AUX"):
        return False
    for child in trigger.children:
        if child.dep_ not in ("dobj", "nsubjpass"):
            continue
        if _prize_or_creature(child) or won_states(child):
            return True
        if child.lemma_.lower() == "position" and any(c.lower_ == "pole" for c in child.children):
            return True
    return False


def _prize_or_creature(noun: Token) -> bool:
    """The word itself, or the creatures of "a group of lobsters"."""
    if noun.lemma_.lower() in PRIZE_OR_CREATURE_WORDS or noun.lower_ in PRIZE_OR_CREATURE_WORDS:
        return True
    if noun.lemma_.lower() not in COLLECTIVE_NOUNS:
        return False
    return any(g.lemma_.lower() in PRIZE_OR_CREATURE_WORDS for c in noun.children if c.dep_ == "prep" and
               c.lower_ == "of" for g in c.children if g.dep_ == "pobj")


def won_states(noun: Token) -> bool:
    """"captured her home state of Kordava", "captured 16 states": states are carried at
    the polls; an army takes towns and a state's capital, and a state it takes is named
    without "his" or a count ("captured Kassala state")."""
    if noun.lemma_.lower() != "state":
        return False
    return noun.tag_ == "NNS" and any(c.dep_ == "nummod" for c in noun.children) or \
        any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)


def _own_clause(verb: Token) -> list[Token]:
    """The words of a verb's clause, without the clauses coordinated with it."""
    found, stack = [], [verb]
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend(c for c in node.children if not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")))
    return found


def distance_reference(root: Token) -> bool:
    """"Irpin, 25 km west of Kyiv", "a village 40 km south of Kharkiv": a place
    a distance is measured from is never where the event was; the sentence names
    that place (or leaves it unnamed) in the phrase the distance describes."""
    if root.dep_ == "appos":
        root = root.head  # "... north of the capital, Khartoum"
    if root.dep_ != "pobj" or root.head.lower_ not in ("of", "from"):
        return False
    node = root.head.head
    for _ in range(3):
        if node.lower_ in DISTANCE_UNITS:
            return True
        if node.lower_ in COMPASS_WORDS:
            return node.head.lower_ in DISTANCE_UNITS or any(t.lower_ in DISTANCE_UNITS for t in node.subtree)
        if node.dep_ not in ("advmod", "npadvmod", "prep", "amod") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _cause_of_protest(node: Token, path: list[Token]) -> bool:
    """The phrase on a protest verb that says what it is for: "in solidarity with",
    "in support of", "to demand", "for the release of". A place put "in" or "at"
    inside a noun phrase of that kind ("marched in support of the strikers in Lyon")
    may as well be where they marched: the parse often hangs it there."""
    if node.dep_ == "prep" and node.lower_ in ("in", "for"):
        nested = any(n.dep_ == "prep" and n.lower_ in ("in", "at") for n in path)
        cause = node.lower_ == "for" or any(c.dep_ == "pobj" and c.lemma_.lower() in CAUSE_NOUNS
                                            for c in node.children)
        return cause and not nested
    return node.dep_ in ("advcl", "xcomp") and node.lemma_.lower() in CAUSE_VERBS and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)


def grievance_of_protest(root: Token, trigger: Token) -> bool:
    """"protested against the shelling of Kharkiv", "marched over the killing of
    a youth in X", "protested the siege of Mariupol": what a protest is about happened
    elsewhere; the protest's own place is named by "in", "at", "outside"."""
    lemma = trigger.lemma_.lower()
    if lemma not in PROTEST_LEMMAS:
        return False
    walk = path_up(root, trigger, limit=14)
    if not walk:
        return False
    path, node = walk[:-1], walk[-1]
    grievance = node.dep_ == "prep" and node.lower_ in GRIEVANCE_PREPS or \
        node.dep_ == "dobj" and lemma == "protest" and node.i != root.i or _cause_of_protest(node, path)
    # "protested against the visit in Sofia": "in" may as well hang on the verb, and
    # a protest's place is what news reports name that way
    top = node if node.dep_ != "prep" else path[-1] if path else node
    ambiguous = any(n.dep_ == "prep" and n.lower_ in ("in", "at", "around", "outside") and n.head.i == top.i
                    for n in path)
    return grievance and not ambiguous


def deed_protested_against(root: Token, trigger: Token) -> bool:
    """"Crowds in Nyala protested against the gunmen who shot a teacher": the deed a
    protest is about happened elsewhere; the protest's own place, outside the phrase
    that tells the grievance, is not the deed's."""
    node = trigger
    for _ in range(12):
        verb = node.head
        if verb.i == node.i:
            return False
        if verb.pos_ == "VERB" and verb.lemma_.lower() in PROTEST_LEMMAS:
            grievance = node.dep_ == "prep" and node.lower_ in GRIEVANCE_PREPS or \
                node.dep_ == "dobj" and verb.lemma_.lower() == "protest"
            return grievance and not node.left_edge.i <= root.i <= node.right_edge.i
        node = verb
    return False
