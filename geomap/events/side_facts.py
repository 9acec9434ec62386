"""Places that belong to a fact a sentence tells beside its event.

News sentences pack a person's or a unit's story around the event they report:
what happened to the victim later ("was captured in 2019 and later jailed in X",
"shot in the chest and died at a hospital in X"), where a unit is based ("a brigade
based in X patrols ..."), what the event led to (", causing panic in X"). The place
of such a side fact is not where the trigger's event happened; the sentence may name
no place for the event at all. So it goes for a person's post or upbringing ("X, the
party's chairman in Y"; "who grew up in Y"), an arrest and the deed it is for, a
person's earlier act in a past-perfect clause, a name given in quotes ("an offensive
dubbed 'Dawn over Y'"), what a captive or a victim did later ("the bodies, killed in a
blast, arrived in Y"), where a crowd came "from across", and where a victim went
afterwards; side_parties.py holds a few more. Used by location.py's `_ruled_out`,
beside the scene rules of scene.py and the sense rules of senses.py.
"""

from __future__ import annotations

import numpy
from spacy.attrs import ORTH
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from geomap.events.candidates import PLACE_NOUNS
from geomap.events.doc_memo import among, per_doc
from geomap.events.other_episodes import in_another_episode
from geomap.events.parse_paths import common_head
from geomap.events.scene import ROLE_NOUNS, is_venue
from geomap.events.senses import deed_protested_against
from geomap.events.side_parties import (aim_of_a_policy, another_persons_episode, names_a_war,
                                         party_of_a_place, recipient_of_a_handover, requested_act)

# what happens to someone after the event: custody, transfer, sentence, death ("try" and
# "escape" are left out: "shot as he tried to flee", "gunmen escaped on a motorbike"
# tell the event itself)
AFTERMATH_LEMMAS = frozenset({
    "hold", "imprison", "jail", "incarcerate", "intern", "deport", "send", "transfer", "extradite",
    "escort", "tow", "sentence", "convict", "spend", "die", "treat", "hospitalize", "hospitalise", "bury",
    "execute", "release", "free", "serve",
})
# a role or state taken up later: "was seized and later became an interpreter in X"
LATER_ROLE_LEMMAS = frozenset({"become"})
# "troops based in X": where a unit lives, not where it acts ("stationed in X" is
# where it is, which often is where it acts)
HOME_VERBS = frozenset({"base", "headquarter"})
HOME_NOUNS = frozenset({"base", "bases", "headquarters", "garrison", "garrisons"})
# participles that tell what an event led to: "..., causing panic in X", "..., echoing
# the raids of 2014 in X"; "sparking protests in X" is left out: such protests are
# mostly where the event was
EFFECT_LEMMAS = frozenset({"cause", "trigger", "lead", "echo", "show", "uncover", "raise", "hamper", "reveal",
                           "revive", "recall", "mirror", "fuel", "deepen", "threaten", "jeopardize",
                           "jeopardise", "undermine", "complicate"})
# arcs that tell a further step of the trigger's clause ("... and jailed", "..., before
# dying", "is believed to be held"); not "the rebel-held town", which says who holds it
LINK_ARCS = frozenset({"conj", "advcl", "xcomp"})
# posts a person holds somewhere: "X, the party's chairman in Y", "captain of Y"
POST_WORDS = ROLE_NOUNS | frozenset({
    "emir", "representative", "chairman", "chairwoman", "superintendent", "imam", "priest", "cleric",
    "judge", "prosecutor", "councilman", "councillor", "councilor", "administrator", "coordinator",
    "ambassador", "consul", "correspondent", "bishop", "rector", "dean", "principal", "teacher", "headmaster",
    "secretary", "treasurer", "organiser", "organizer", "editor", "manager",
})
POST_PREPS = frozenset({"in", "of", "at", "for"})
# words of an arrest, a charge or a judgement: the deed they are "for" or "of" is another
# episode ("arrested for stabbing ...", "charges of smuggling ...", "a man accused of ...")
JUDICIAL_LEMMAS = frozenset({
    "arrest", "detain", "charge", "accuse", "convict", "sentence", "jail", "imprison", "indict", "suspect",
    "book", "try", "prosecute", "fine", "punish", "acquit", "extradite", "want", "accusation", "allegation",
    "conviction", "nab", "apprehend",
})
# verbs that take a person captive: one so taken may act later, elsewhere
CAPTIVE_LEMMAS = frozenset({"capture", "arrest", "detain", "kidnap", "abduct", "seize", "nab", "apprehend",
                            "catch", "hold"})
# what is done to a victim told in a participle on the subject of a later act: "the
# bodies of five soldiers, killed when their jeep hit a mine, were flown to X"
HARM_LEMMAS = frozenset({"kill", "wound", "injure", "shoot", "stab", "murder", "hurt"})
# movements of a victim after the event: "... but managed to walk to X"
JOURNEY_LEMMAS = frozenset({"walk", "drive", "crawl", "stagger", "limp", "return", "flee", "run", "travel",
                            "fly", "head", "make", "reach", "get"})
GOAL_PREPS = frozenset({"to", "into", "toward", "towards"})
# quote marks and the words that introduce a name given in them: "a raid dubbed 'X'"
QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''", "‘", "’", "'"})
NAMING_WORDS = frozenset({"dub", "dubbed", "title", "titled", "entitle", "entitled", "call", "called", "name",
                          "named", "codename", "codenamed", "nickname", "nicknamed", "label", "labelled",
                          "labeled", "slogan", "motto"})
_QUOTE_IDS = numpy.array(sorted(hash_string(mark) for mark in QUOTE_MARKS), dtype="uint64")
QUOTED_NAME_SPAN = 10  # words: a name, not a quoted statement
# a person's earlier life told in a clause on that person: "who grew up in X" ("who
# lived in X" is left out: a victim is often attacked at home)
EARLIER_LIFE_LEMMAS = frozenset({"grow"})
# arcs inside the noun phrase of a post: "the chairman of the party's branch in Y"
POST_PHRASE_ARCS = frozenset({"pobj", "prep", "compound", "amod", "poss", "conj", "cc", "nmod", "appos"})


def a_side_fact(root: Token, trigger: Token) -> bool:
    """Whether the place headed by `root` belongs to a side fact, not to the event."""
    return later_stage(root, trigger) or home_of_a_unit(root, trigger) or \
        effect_of_the_event(root, trigger) or post_of_a_participant(root, trigger) or \
        home_of_a_person(root, trigger) or deed_and_charge(root, trigger) or \
        earlier_act_of_a_person(root, trigger) or inside_a_given_name(root, trigger) or \
        captive_acting_later(root, trigger) or came_from_across(root) or later_journey(root, trigger) or \
        recipient_of_a_handover(root, trigger) or _episode_of_another(root, trigger) or names_a_war(root) or \
        requested_act(root, trigger) or aim_of_a_policy(root) or deed_protested_against(root, trigger) or \
        party_of_a_place(root) or in_another_episode(root, trigger)


def _episode_of_another(root: Token, trigger: Token) -> bool:
    """A place in a participle on someone the trigger does not act on (side_parties)."""
    head = common_head(root, trigger)
    return head is not None and head.i != root.i and another_persons_episode(root, trigger, head)


def later_stage(root: Token, trigger: Token) -> bool:
    """"was captured in May and held in a camp near Izium", "was shot and later died
    at a Kharkiv hospital", "was seized, then sent to Nairobi": a verb told after the
    trigger that keeps, moves, sentences or buries the victim, or gives a role the person
    took up later, says where that later stage happened; the place on it is not the event's."""
    head = common_head(root, trigger)
    if head is None or head.i == root.i:
        return False
    node = root
    while node.i != head.i:
        if node.pos_ in ("VERB", "AUX") and node.i > trigger.i and node.dep_ in LINK_ARCS and \
                _later_step(node):
            return True
        node = node.head
    return False


def _later_step(verb: Token) -> bool:
    """A step after the event: custody, transfer, death, or a role taken up later ("was
    abducted and later became a teacher in X"); "became" in a clause of time ("as the
    convoy became stranded") is the event's own scene."""
    lemma = verb.lemma_.lower()
    if lemma in LATER_ROLE_LEMMAS:
        return verb.dep_ == "conj" and _coordinated(verb)
    return lemma in AFTERMATH_LEMMAS and (verb.dep_ != "conj" or _coordinated(verb))


def _coordinated(verb: Token) -> bool:
    """"... and held", "..., then flown": a conjoined verb the wording joins with a
    conjunction; not a participle the parse took for one ("the army-held town")."""
    left = verb.left_edge.i
    return left > 0 and verb.doc[left - 1].lower_ in ("and", "then", "or", "but", ",")


def home_of_a_unit(root: Token, trigger: Token) -> bool:
    """"a regiment based in Kharkiv still patrols the border", "jets that have their
    bases in Sudan fly over Darfur", "the planes patrolling the zone are based in
    Yerevan": the place a unit is based at describes the unit; where it acted is said
    elsewhere, or not at all."""
    while root.dep_ == "conj" and root.head.i != root.i:  # "based in Khartoum and Nyala"
        root = root.head
    head = common_head(root, trigger)
    if head is None or root.dep_ != "pobj" or root.head.lower_ not in ("in", "at"):
        return False
    holder = root.head.head
    if holder.i == trigger.i:
        return False
    if holder.pos_ == "VERB" and holder.lemma_.lower() in HOME_VERBS and holder.tag_ == "VBN":
        if holder.i == head.i:  # the trigger only describes the unit: "planes patrolling ... are based in"
            return _under_subject(trigger, holder)
        return holder.dep_ in ("acl", "relcl", "advcl", "amod")
    if holder.i == head.i:
        return False
    if holder.lemma_.lower() == "have" and holder.dep_ == "relcl":
        return any(c.dep_ == "dobj" and c.lower_ in HOME_NOUNS for c in holder.children)
    return holder.lower_ in HOME_NOUNS and holder.dep_ in ("dobj", "attr") and holder.head.dep_ == "relcl"


def _under_subject(word: Token, verb: Token) -> bool:
    """Whether `word` lies inside the subject of `verb`."""
    return any(word.i in range(c.left_edge.i, c.right_edge.i + 1)
               for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))


def effect_of_the_event(root: Token, trigger: Token) -> bool:
    """"the blast shook the town, causing panic in Kharkiv's markets", "the raid
    failed, echoing a botched rescue in Nyala": a participle that tells what the
    event led to or recalled names the place of that effect, not of the event."""
    head = common_head(root, trigger)
    if head is None:
        return False
    node = root
    while node.i != head.i:
        if node.dep_ == "advcl" and node.tag_ == "VBG" and node.i > trigger.i and \
                node.lemma_.lower() in EFFECT_LEMMAS:
            return True
        node = node.head
    return False


def post_of_a_participant(root: Token, trigger: Token) -> bool:
    """"Gunmen shot Hlushko, the party's chairman in Izium", "Ivanova -- captain of
    Kharkiv -- scored", "the suspect, the group's emir in Nyala, was seized": a place
    in an appositive naming a person's post says where the post is, which the sentence
    does not say is where the event happened."""
    head = common_head(root, trigger)
    if head is None:
        return False
    node, prep = root, None
    while node.i != head.i:
        if node.dep_ == "prep":
            if prep is not None and node.lower_ == "at":
                return False  # "an officer at the embassy in Kharkiv": a workplace, where he often is
            prep = node
        elif node.dep_ == "appos" and node.i != trigger.i and prep is not None and prep.head.i == node.i:
            return node.lemma_.lower() in POST_WORDS and prep.lower_ in POST_PREPS
        if node.dep_ not in POST_PHRASE_ARCS:
            return False
        node = node.head
    return False


def home_of_a_person(root: Token, trigger: Token) -> bool:
    """"Hlushko, who grew up in Izium, was seized in May", "two traders, who were
    shopkeepers in Nyala, were shot": a clause on a person that tells where that
    person grew up or what that person is somewhere names a home or a post, not the
    event's place. Not "who was in Nyala" (where the person was at the time)."""
    head = common_head(root, trigger)
    if head is None:
        return False
    node, below = root, root
    while node.i != head.i:
        if node.dep_ in ("relcl", "acl") and node.pos_ in ("VERB", "AUX") and node.head.pos_ in ("NOUN", "PROPN"):
            lemma = node.lemma_.lower()
            return lemma in EARLIER_LIFE_LEMMAS or lemma == "be" and below.dep_ == "attr"
        below, node = node, node.head
    return False


def deed_and_charge(root: Token, trigger: Token) -> bool:
    """"A teenager was arrested on Monday over the stabbing of a trader at a Kharkiv market", "a
    man accused of planting mines was seized in Izium": a deed a person is arrested,
    charged or accused "for" or "of" happened before, and often elsewhere; a place on
    the deed is not where the arrest was, nor the reverse. Not an accusation riding on an
    act ("troops raided Nyala, accusing locals of hiding rebels"): that shares its scene."""
    head = common_head(root, trigger)
    if head is None:
        return False
    return _crosses_a_charge(root, head) or _crosses_a_charge(trigger, head)


def _crosses_a_charge(word: Token, stop: Token) -> bool:
    """Whether the way up from `word` to `stop` passes a gerund hung on an arrest or a charge."""
    node = word
    while node.i != stop.i:
        if node.dep_ == "pcomp" and node.tag_ == "VBG" and node.head.lower_ in ("for", "of", "with"):
            judicial = node.head.head
            if judicial.dep_ == "dobj" and judicial.head.pos_ == "VERB" and \
                    judicial.lemma_.lower() not in JUDICIAL_LEMMAS:
                judicial = judicial.head  # "accuse the president of stealing ...": the parse hangs "of" on him
            if judicial.lemma_.lower() in JUDICIAL_LEMMAS and judicial.tag_ != "VBG":
                return True
        node = node.head
    return False


def earlier_act_of_a_person(root: Token, trigger: Token) -> bool:
    """"the killing of a teacher who had earlier marched in a parade shocked Kharkiv",
    "two activists he had been marching with were detained in Izium": a past-perfect
    clause on a person recalls that person's earlier act; the places of the story it
    is told in are not that act's. Not a clause on a place ("the cafe in Nyala where
    they had dined"): that one is set there."""
    head = common_head(root, trigger)
    if head is None or head.i == trigger.i:
        return False
    node = trigger
    while node.i != head.i:
        if node.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in node.children):
            if any(c.lower_ == "where" for c in node.children):
                return False  # "..., where they had fled": a clause on a place, whatever the parse hangs it on
            owner = node.head
            return owner.pos_ in ("NOUN", "PROPN") and not is_venue(owner) and \
                owner.lemma_.lower() not in PLACE_NOUNS and owner.lower_ not in PLACE_NOUNS
        node = node.head
    return False


@per_doc
def _quote_indices(doc: Doc) -> list[int]:
    """Where the doc's quote marks stand, read once per doc from its arrays: looking
    word by word around every candidate builds a Token per word."""
    return numpy.flatnonzero(among(doc.to_array([ORTH]).reshape(-1), _QUOTE_IDS)).tolist()


def inside_a_given_name(root: Token, trigger: Token) -> bool:
    """"an offensive dubbed 'Dawn of Kharkiv'", "a campaign under the title 'Nyala
    First'": a place inside a name given in quotes belongs to the name of an operation,
    a campaign or a book, not to where anything happened."""
    doc = root.doc
    quotes = _quote_indices(doc)
    opening = next((i for i in reversed(quotes) if root.i - QUOTED_NAME_SPAN <= i < root.i), None)
    closing = next((i for i in quotes if root.i < i < root.i + QUOTED_NAME_SPAN), None)
    if opening is None or closing is None:
        return False
    sent = root.sent
    if opening <= sent.start or closing >= sent.end or opening < trigger.i < closing:
        return False
    before = doc[opening - 1]
    return before.lower_ in NAMING_WORDS or before.lemma_.lower() in NAMING_WORDS


def captive_acting_later(root: Token, trigger: Token) -> bool:
    """"The two men captured on Tuesday had waved down a bus north of Izium", "Bilyk,
    seized in a raid last year, wrote to his family from Nyala", "the bodies of two
    guards, killed in the ambush, arrived in Kharkiv": a participle telling how a person
    was taken captive or hurt, on the subject of a later act; the place of that act is
    not where the capture or the harm was. Not the captive itself ("Izium, captured in
    May, ..."), nor a passive later act ("bodies, shot in the head, were found in X"),
    which news tells where the harm was found."""
    person = trigger.head
    if trigger.dep_ not in ("acl", "amod") or trigger.tag_ != "VBN" or \
            trigger.lemma_.lower() not in CAPTIVE_LEMMAS | HARM_LEMMAS or person.dep_ != "nsubj" or \
            root.i == person.i:
        return False
    act = person.head
    return act.pos_ in ("VERB", "AUX") and act.is_ancestor(root) and not person.is_ancestor(root)


def came_from_across(root: Token) -> bool:
    """"Thousands of farmers from across Sudan marched in Khartoum", "delegates from
    all over Ukraine met in Kharkiv": "from across X" says where the people came from,
    a wide origin, not where they acted; "across" alone would read as a scene."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("across", "over", "around", "throughout"):
        return False
    outer = prep.head
    if outer.lower_ == "all" and outer.head.i != outer.i:  # "from all over X"
        outer = outer.head
    return outer.lower_ == "from" and outer.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON")


def later_journey(root: Token, trigger: Token) -> bool:
    """"A hiker hit by a bullet managed to walk to Izium", "the guard was
    stabbed and drove himself to Kharkiv": where the victim went afterwards, told in a
    further step of the same subject, is not where the event happened."""
    head = common_head(root, trigger)
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PLACE_NOUNS:
        root = root.head.head  # "to the town of Izium"
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in GOAL_PREPS or head is None or head.i != trigger.i:
        return False
    node, moved, further = prep.head, False, False
    while node.i != trigger.i:
        moved = moved or node.pos_ == "VERB" and node.lemma_.lower() in JOURNEY_LEMMAS
        further = further or node.dep_ == "conj" and node.i > trigger.i and \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
        node = node.head
    return moved and further
