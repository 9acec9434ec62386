"""Places that name a party to a side fact, not a scene.

The receiver in a handover ("handed to Kharkiv police"), what was done to someone named
in passing ("the questioning of a courier arrested in Izium"), the name of a war ("the
2003 Darfur war"), the clauses around an act only asked for or planned ("urged them
to protest"), the aim of a policy ("a strategy towards Baku") and whose forces or
rulers are meant ("warplanes of Azerbaijan") say nothing of where the trigger's event
was. Split from side_facts.py to keep each module small; `a_side_fact` there calls these.
"""

from __future__ import annotations

from spacy.tokens import Token

# verbs of handing someone or something over: "to X" names who receives, and "handed to
# Kenyan police" or "turned over to Sudan" says nothing of where
HANDOVER_LEMMAS = frozenset({"hand", "turn", "surrender", "give"})
# a handover needs its particle unless the verb is one of handing itself
PARTICLE_FREE = frozenset({"hand", "surrender"})
# arcs from a place name up to the noun of the party it qualifies ("U.S. forces")
QUALIFIER_ARCS = frozenset({"compound", "amod", "nmod", "poss"})


def recipient_of_a_handover(root: Token, trigger: Token) -> bool:
    """"was seized and handed over to Kharkiv police", "handed the suspects to
    Armenia", "turned him over to Sudanese troops": the party that receives in a
    handover is named, not where it happened, whether that is the trigger or a
    further step of it."""
    party = root
    while party.dep_ in QUALIFIER_ARCS and party.head.i != party.i:
        party = party.head
    prep = party.head
    if party.dep_ != "pobj" or prep.lower_ != "to" or prep.dep_ != "prep":
        return False
    verb = prep.head
    if verb.i == root.i or verb.pos_ != "VERB" or verb.lemma_.lower() not in HANDOVER_LEMMAS:
        return False
    over = any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children)
    return over or verb.lemma_.lower() in PARTICLE_FREE and trigger.i <= verb.i


# what is done to a person told in a participle on that person: "a man arrested in X",
# "a teacher killed in Y last year"
EPISODE_LEMMAS = frozenset({"arrest", "detain", "capture", "kidnap", "abduct", "seize", "kill", "wound", "injure",
                            "shoot", "stab", "murder", "jail", "imprison", "hold", "convict", "sentence"})
# a count of the dead is no person: "raising to 40 the toll of those killed in X"
COUNT_NOUNS = frozenset({"number", "toll", "total", "tally", "count"})


def another_persons_episode(root: Token, trigger: Token, stop: Token) -> bool:
    """"They were caught after the questioning of a courier arrested in Kharkiv", "the
    crowd carried photos of a student shot in Nyala": a participle on a person who is
    not the trigger's, telling what was done to that person, names the place of that
    earlier episode; `stop` is where the ways up from the place and the trigger meet."""
    node = root
    while node.i != stop.i:
        if node.dep_ == "acl" and node.tag_ == "VBN" and node.i != trigger.i and \
                node.lemma_.lower() in EPISODE_LEMMAS and _named_in_passing(node.head):
            return node.head.i != stop.i
        node = node.head
    return False


def _named_in_passing(person: Token) -> bool:
    """A person named inside a phrase on something else ("the questioning of a man ...",
    "photos of a boy ..."); not the trigger's own victims ("six were killed and 20
    others wounded in X": the wounded share the place) nor a count of the dead."""
    phrase = person.head
    if person.pos_ not in ("NOUN", "PROPN") or person.dep_ != "pobj" or phrase.lower_ not in ("of", "with"):
        return False
    whole = phrase.head  # "dozens of others wounded" is coordinated with the trigger's victims
    return whole.lemma_.lower() not in COUNT_NOUNS and person.lemma_.lower() != "other" and whole.dep_ != "conj"


# a war named by its place ("the 2003 Darfur war", "the Sudan war"): the war's name,
# not where an event in it happened
WAR_NOUNS = frozenset({"war", "wars", "conflict"})


def names_a_war(root: Token) -> bool:
    """"Rebels seized the hills in the 2003 Darfur war": a place that only names
    a war is as wide as the war and says nothing of where the event in it was."""
    return root.dep_ in ("compound", "amod", "nmod") and root.head.lemma_.lower() in WAR_NOUNS


# verbs that ask for, plan or threaten an act not yet done: "urged activists to protest",
# "asked the rebels to withdraw", "planned to storm the town", "vowed to retake it"
REQUEST_LEMMAS = frozenset({"urge", "ask", "encourage", "plan", "invite", "exhort", "implore", "beg", "threaten", "vow",
                            "intend", "want"})


def requested_act(root: Token, trigger: Token) -> bool:
    """"Crowds clashed near the palace in Baku after she urged activists to protest the
    decree": an act only asked for or planned has not happened; the places of the
    clauses around the request are not its place (its own words may name one)."""
    if trigger.dep_ != "xcomp" or trigger.head.lemma_.lower() not in REQUEST_LEMMAS:
        return False
    return not trigger.left_edge.i <= root.i <= trigger.right_edge.i


# a stance taken toward a country: "a harder line towards Moscow", "its policy toward X"
POLICY_NOUNS = frozenset({"strategy", "policy", "policies", "approach", "stance", "attitude", "hostility",
                          "posture", "line", "diplomacy", "overture", "overtures"})


def aim_of_a_policy(root: Token) -> bool:
    """"He dropped containment for a tougher strategy towards Baku": the place a policy
    is aimed at is its object, not where anything happened."""
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ in ("toward", "towards") and \
        prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in POLICY_NOUNS


# nouns of a party a place qualifies with "of": "warplanes of Azerbaijan", "the
# government of Sudan", "fighters of the rebel front"
PARTY_NOUNS = frozenset({"government", "governments", "regime", "army", "armies", "troops", "forces", "force",
                         "soldiers", "police", "navy", "militia", "militias", "warplanes", "jets", "aircraft",
                         "fighters", "minister", "ministers", "officials", "leader", "leaders", "president",
                         "envoy", "envoys", "delegation", "delegations"})


def party_of_a_place(root: Token) -> bool:
    """"Warplanes of Azerbaijan patrol", "militias loyal to the government of Sudan
    seized ...": a place that says whose forces or rulers are meant names a party, not
    where anything happened."""
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ in PARTY_NOUNS or blamed_party(root)


# verbs whose object is the party held to blame: "blamed Armenia for the shelling"
BLAME_LEMMAS = frozenset({"blame", "accuse"})


def blamed_party(root: Token) -> bool:
    """"Baku blamed Armenia for the shelling", "accused Sudan of backing the raid": a
    place blamed or accused names the party said to be behind an act, not where it was."""
    return root.dep_ == "dobj" and root.head.lemma_.lower() in BLAME_LEMMAS
