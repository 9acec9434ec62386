"""Which named places cannot be where an event happened, and which of nested ones is.

Rules on the wording around a candidate place and the trigger, used by location.py:
a place in a clause of its own ("officials said fighting in X ..."), the place a later
act sends someone to ("... and handed him over to X"), a victim's hometown ("Petrenko, 34,
of Kharkiv"), a person in a victim's slot ("police arrested Nyala") and a people's
adjective ("the Jewish settlement") are not the scene. Of places nested in one phrase
("the Zarichne area of Donetsk"), the finest is where it happened. A place that
completes an organisation's name ("the Islamic State of Iraq") or says whom a person
works for ("a commander of Sudan's largest rebel movement") is not the scene either,
while a town modifying a participant ("a Donetsk market", "Nairobi police") is.
"""

from __future__ import annotations

from spacy.tokens import Token
from spacy.tokens import Span as SpacySpan

from geomap.events.candidates import PLACE_NOUNS, Candidate
from geomap.events.countryside import countryside_of_a_town
from geomap.events.parse_paths import common_head, path_up

NEAR_WORDS = frozenset({"near", "outside", "outskirts", "around", "north", "south", "east", "west",
                        "northeast", "northwest", "southeast", "southwest", "km", "kilometres", "kilometers",
                        "miles", "close", "vicinity", "area", "near-by", "nearby"})
CLAUSE_ARCS = frozenset({"ccomp", "csubj", "advcl", "relcl", "acl", "xcomp", "parataxis", "pcomp", "conj"})
TEMPORAL_MARKS = frozenset({"when", "while", "as", "after", "before", "during", "whilst", "once", "until"})
PERSON_PATIENT_VERBS = frozenset({"kill", "shoot", "wound", "injure", "murder", "arrest", "kidnap", "abduct",
                                  "detain", "execute", "stab", "behead", "assassinate", "torture", "rape",
                                  "lynch", "hang", "imprison", "jail", "beat"})
GOAL_PREPS = frozenset({"to", "into", "toward", "towards", "onto"})
ORIGIN_NOUNS = frozenset({"resident", "native", "citizen", "national", "man", "woman", "boy", "girl", "son",
                          "daughter", "family", "student", "people", "person"})
TOWN_KINDS = frozenset({"city", "other"})
PARTICIPANT_ARCS = frozenset({"dobj", "nsubjpass", "nsubj", "agent"})
NAME_ENTITIES = frozenset({"ORG", "PERSON", "WORK_OF_ART", "EVENT", "LAW"})
AFFILIATION_PREPS = frozenset({"of", "for", "with"})
AFFILIATION_ARCS = frozenset({"pobj", "prep", "poss", "appos", "compound", "amod", "case", "conj", "cc", "punct"})
# people named by what they do or belong to
ROLE_NOUNS = frozenset({"member", "commander", "chief", "leader", "aide", "official", "head", "planner",
                        "operative", "spokesman", "minister", "president", "general", "officer", "deputy",
                        "founder", "militant", "fighter", "soldier", "activist", "lawyer", "envoy", "mayor",
                        "governor", "director", "boss", "lieutenant", "colonel", "captain", "suspect"})
# buildings and premises: a place named as their modifier says where they stand
# ("a Khartoum cafe" is a cafe in Khartoum), unlike a modifier of people
VENUE_NOUNS = frozenset({
    "home", "house", "residence", "apartment", "flat", "villa", "bungalow", "office", "headquarters",
    "hotel", "restaurant", "cafe", "café", "bar", "pub", "nightclub", "club", "disco", "theater", "theatre",
    "cinema", "shop", "store", "supermarket", "mall", "bakery", "school", "college", "building", "tower",
    "factory", "plant", "refinery", "warehouse", "depot", "garage", "farm", "hideout", "hideaway",
    "courthouse", "barracks", "outpost", "terminal", "harbour", "harbor", "pier", "dock", "temple",
    "shrine", "synagogue", "cathedral", "monastery", "clinic", "yard", "skies",
    "installation", "installations", "facility", "facilities", "offices", "park", "beach",
    "resort", "museum", "consulate", "ministry", "kindergarten", "dormitory", "hostel", "motel",
})
# parts of an area and the seats of its institutions: "Kharkiv's north", "Gaza's streets",
# "Kyiv's parliament"
AREA_PARTS = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "centre", "center",
    "heart", "edge", "edges", "outskirts", "perimeter", "interior", "sky", "skies", "airspace", "water",
    "waters", "coast", "coastline", "shore", "shores", "soil", "streets", "belt", "slum", "slums", "runway",
    "thoroughfare", "side", "part", "parts", "corner", "periphery", "hinterland", "doorstep", "end",
    "parliament", "court", "courts", "legislature", "palace",
})
# what a country owns wherever it stands: "the US embassy", "a Russian checkpoint", "the US arsenal"
OWNED_BUILDINGS = frozenset({"embassy", "consulate", "base", "airbase", "mission", "legation", "headquarters",
                             "checkpoint", "outpost", "position", "positions", "arsenal", "convoy"})
GRANULARITY = {"city": 1.0, "other": 1.0, "admin2": 2.0, "water": 2.0, "landform": 2.0, "admin1": 3.0,
               "region": 3.0, "country": 4.0, "continent": 5.0}


def names_people(span: SpacySpan) -> bool:
    """An adjective the model reads as a nationality or a faith: "the Jewish
    settlement" (a gazetteer may know a province of that name, but here it says who
    lives there, not where)."""
    root = span.root
    return root.ent_type_ == "NORP" and root.pos_ == "ADJ" and all(t.ent_type_ == "NORP" for t in span)


def in_other_clause(root: Token, trigger: Token) -> bool:
    """Whether a place lies in a clause of its own that the trigger is not part of: the
    content of another predicate ("officials say fighting in X continues"), or a
    clause nested in a clause ("the man who said he had lived in X"). That clause
    sets the scene of its own verb; a place in it says nothing of where the trigger
    happened."""
    head = common_head(root, trigger)
    if head is None:
        return False
    clauses, node = [], root
    while node.i != head.i:
        if node.dep_ in CLAUSE_ARCS and node.pos_ in ("VERB", "AUX") and not _same_episode(node):
            clauses.append(node.dep_)
        node = node.head
    return "ccomp" in clauses or "csubj" in clauses or len(clauses) >= 2


def _up_to_common_head(root: Token, trigger: Token) -> list[Token]:
    """The words from a place up to where its phrase meets the trigger's."""
    head = common_head(root, trigger)
    return (path_up(root, head, limit=len(root.doc)) or []) if head is not None else []


def goal_of_another_act(root: Token, trigger: Token) -> bool:
    """"seized ... and later handed over to Kenya": the place a later act
    sends someone to, not where the trigger's event happened. (The goal of an
    earlier move sets the scene: "gunmen walked into a bar in X and opened fire".)"""
    return any(n.dep_ == "prep" and n.lower_ in GOAL_PREPS and n.head.pos_ == "VERB" and n.head.i > trigger.i
               and n.head.dep_ == "conj" for n in _up_to_common_head(root, trigger))


def victim_of(root: Token, trigger: Token) -> bool:
    """"Petrenko was shot", "police arrested Nyala": what these verbs act on is a person,
    so a name in that slot names the victim, whatever a gazetteer holds under it."""
    return root.head.i == trigger.i and root.dep_ in ("dobj", "nsubjpass") and \
        trigger.lemma_.lower() in PERSON_PATIENT_VERBS


def origin_of_a_person(root: Token) -> bool:
    """"Petrenko, 34, of Kharkiv", "a resident of X": where a person is from."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("of", "from") or prep.head.i == prep.i:
        return False
    owner = prep.head
    if owner.dep_ not in ("nsubj", "nsubjpass", "appos"):
        return False  # "an attack on residents of X" is at X
    return owner.ent_type_ == "PERSON" or owner.lemma_.lower() in ORIGIN_NOUNS


def _same_episode(verb: Token) -> bool:
    """A clause that goes on telling the same episode: coordinated ("and wounded
    four in X") or temporal ("when their car hit a mine in X")."""
    if verb.dep_ == "conj":
        return True
    return verb.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in TEMPORAL_MARKS
                                         for c in verb.children)


def granularity(candidate: Candidate) -> float | None:
    """How big a place is, or None if unknown. Gazetteers hold the big places, so an
    unknown name that the wording gives to a place word ("the Zarichne area") is
    most likely a small one (a village, a quarter), unless it is what a capital heads
    ("the regional capital of X"). A town as "rural X" is its countryside."""
    place = candidate.toponym.place
    if place is not None:
        size = GRANULARITY.get(place.kind, 1.0)
        return max(size, COUNTRYSIDE_SIZE) if countryside_of_a_town(candidate.span) else size
    root = candidate.span.root
    names_place_word = root.dep_ in ("compound", "nmod") and root.head.lemma_.lower() in PLACE_NOUNS
    if names_place_word:
        return 0.5
    if _after_place_word(root):
        # "the Zarichne district of Pavlohrad": the district has its name already,
        # so the name after "of" is the one it lies in
        word = root.head.head
        if word.lemma_.lower() == "capital":
            return COUNTRYSIDE_SIZE  # "the regional capital of X": X is what the capital heads
        named = any(c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" for c in word.children)
        return 0.75 if named else 0.5
    return None


COUNTRYSIDE_SIZE = GRANULARITY["admin1"]


def _after_place_word(root: Token) -> bool:
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PLACE_NOUNS


def _reference_point(root: Token, head: Token) -> bool:
    """"near Izium", "35 km north of Kharkiv": a place given to measure from, which
    says nothing of which place contains the other."""
    node = root
    while node.i != head.i and node.head.i != node.i:
        node = node.head
        if node.lower_ in NEAR_WORDS or node.lower_ in ("from", "of") and node.head.lower_ in NEAR_WORDS:
            return True
    return False


def town_modifying_participant(candidate: Candidate, trigger: Token) -> bool:
    """"shelled a crowded Donetsk market", "troops patrolled Khartoum's streets",
    "arrested by Nairobi police": a town named as the modifier of what the event
    acted on or of who acted is where it happened. Only a town: a country ("a
    Ukraine army convoy") says whose, not where."""
    root = candidate.span.root
    place = candidate.toponym.place
    if place is None or place.kind not in TOWN_KINDS or root.dep_ not in ("compound", "poss"):
        return False
    participant = root.head
    if participant.pos_ != "NOUN" or root.dep_ == "compound" and participant.i != candidate.span.end:
        return False  # "the Kharkiv City Marathon": part of a name, not a modifier
    if participant.dep_ == "pobj" and participant.head.dep_ == "agent":
        participant = participant.head
    if participant.dep_ in ("dobj", "nsubjpass") and trigger.lemma_.lower() in PERSON_PATIENT_VERBS:
        return False  # "the Kharkiv mayor was shot": whose mayor
    return participant.head.i == trigger.i and participant.dep_ in PARTICIPANT_ARCS


def is_venue(token: Token) -> bool:
    return token.lemma_.lower() in VENUE_NOUNS or token.lower_ in VENUE_NOUNS


def venue_of(candidate: Candidate) -> Token | None:
    """The building a place is named as the modifier of ("a crowded Khartoum
    restaurant", "his Odesa flat", "Kyiv's streets"): that building's phrase
    says how the place relates to the event. Not a country's ("the US embassy"
    says whose, not where)."""
    root = candidate.span.root
    place = candidate.toponym.place
    if place is None or root.dep_ not in ("compound", "poss", "nmod") or root.head.i == root.i:
        return None  # an unknown name before "bar" is most likely the bar's own name
    venue = root.head
    if not is_venue(venue) or venue.lemma_.lower() in PLACE_NOUNS or venue.lower_ in PLACE_NOUNS:
        return None
    if place.kind in ("country", "continent") and root.dep_ != "poss":
        return None
    return venue


def owner_of_a_building(candidate: Candidate) -> bool:
    """"outside the US embassy", "a Russian air base": a country modifying a building
    says whose it is; the building stands elsewhere, in a town of its own."""
    root = candidate.span.root
    place = candidate.toponym.place
    if place is None or place.kind not in ("country", "continent") or root.dep_ not in ("compound", "amod", "nmod"):
        return False
    return root.head.lemma_.lower() in OWNED_BUILDINGS


def possessor_of_a_thing(root: Token) -> bool:
    """"Syria's civil war", "America's most-wanted list", "Hong Kong's chief
    executive": a possessive place names whose thing it is, not where the event
    happened, unless the thing is itself a place or a part of one ("Gaza's
    streets", "the capital's main stadium")."""
    if root.dep_ == "compound" and root.head.dep_ == "poss" and root.head.pos_ == "PROPN":
        root = root.head  # "Hong Kong's"
    if root.dep_ != "poss":
        return False
    head = root.head.lemma_.lower()
    return head not in PLACE_NOUNS and head not in VENUE_NOUNS and head not in AREA_PARTS and \
        root.head.lower_ not in PLACE_NOUNS


def describes_a_person(root: Token, trigger: Token) -> bool:
    """"soldiers captured a commander of Sudan's largest rebel movement", "the chief
    of Kharkiv's traffic police was shot": a place that only says whom a person works
    for or belongs to, reached without a locative preposition, is not the scene."""
    node = root
    while node.head.i != node.i and node.head.i != trigger.i:
        if node.dep_ == "prep" and node.lower_ not in AFFILIATION_PREPS:
            return False
        if node.i != root.i and is_venue(node):
            return False  # "the owner of a Kharkiv cafe": the place says where the cafe is
        if node.dep_ not in AFFILIATION_ARCS:
            return False
        node = node.head
    if node.head.i != trigger.i or node.i == root.i or node.dep_ not in ("nsubj", "nsubjpass", "dobj") or \
            node.lemma_.lower() in PLACE_NOUNS:
        return False  # "captured the Zamzam camp": a place
    patient = node.dep_ != "nsubj" and trigger.lemma_.lower() in PERSON_PATIENT_VERBS
    return patient or node.ent_type_ == "PERSON" or node.lemma_.lower() in ROLE_NOUNS


def inside_a_name(root: Token) -> bool:
    """"the Islamic State of Iraq", "the Bank of England": a place completing the
    name of an organisation or a person's title says nothing of where anything
    happened."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i:
        return False
    owner = prep.head
    return owner.pos_ == "PROPN" and owner.text[:1].isupper() and owner.ent_type_ in NAME_ENTITIES and \
        root.ent_iob_ == "I"


def near_phrase(root: Token) -> bool:
    """"near Kharkiv", "30 km north of Donetsk": a place named to measure from."""
    node = root
    for _ in range(4):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lower_ in NEAR_WORDS:
            return True
    return False


def finer_in_phrase(best: Candidate, peers: list[Candidate]) -> Candidate | None:
    """Of places named in one noun phrase ("the Darfur town of Nyala", "the Zarichne
    area of Donetsk", "attacks on the Saltivka area in eastern Kharkiv"), the event
    is reported at the finest one: the others only say where that one lies."""
    chosen, size = None, granularity(best)
    if size is None:
        return None
    for peer in peers:
        head = common_head(best.span.root, peer.span.root)
        peer_size = granularity(peer)
        if head is None or head.pos_ not in ("NOUN", "PROPN") or peer_size is None or peer_size >= size:
            continue
        if venue_of(peer) is not None:
            continue  # "Roma homes in Kosovo": the modifier says whose homes; "in" says where
        if _reference_point(peer.span.root, head) or _reference_point(best.span.root, head):
            continue
        chosen, size = peer, peer_size
    return chosen


SIMULTANEOUS_MARKS = frozenset({"as", "while", "when", "whilst"})
STATIC_PREPS = frozenset({"in", "at", "along", "on", "inside", "outside", "near", "through"})
LEAVING_PREPS = frozenset({"from", "out", "outside", "inside", "in", "at", "near"})


def in_episode_clause(root: Token, trigger: Token) -> bool:
    """"shot as he left his Kharkiv office", "wounded while walking home from a
    Kharkiv theatre", "shot as he walked along Sumska Street": a place a
    simultaneous time clause of the trigger is set at is where the same episode
    happened. Only a building may be the clause verb's object or what it comes
    from: a town left or come from ("as he returned from X") is elsewhere."""
    venue = is_venue(root)
    arc = root.dep_
    if arc == "dobj":
        verb = root.head
        if not venue:
            return False
    elif arc == "pobj" and root.head.dep_ == "prep":
        prep = root.head
        if prep.lower_ not in (LEAVING_PREPS if venue else STATIC_PREPS):
            return False
        verb = prep.head
    else:
        return False
    if verb.pos_ not in ("VERB", "AUX") or verb.i == trigger.i or verb.dep_ != "advcl":
        return False
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in SIMULTANEOUS_MARKS for c in verb.children):
        return False
    return verb.head.i == trigger.i or verb.head.i in {c.i for c in trigger.conjuncts}


def fronted_scene(root: Token) -> bool:
    """"In Kharkiv, where shelling went on overnight, police ... patrolled": a
    locative phrase opening the sentence and closed by a comma sets the scene for
    all that follows, whichever verb the parse hangs it on."""
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("in", "at", "inside", "across"):
        return False
    if prep.i != prep.sent.start:
        return False
    after = prep.right_edge.i + 1
    return after < prep.sent.end and prep.doc[after].text == ","
