"""Where an event happened: the candidate place attached to its trigger in the parse.

Order of preference (issue 5), as tiers of `locate`: a place attached to the trigger
through a locative preposition or as its object (3); one attached to the trigger's
clause: its conjoined verbs, the verb a noun trigger depends on, its subject or
object (2-2.5); a scene set for a clause above it ("In Izium on Saturday, a man was
shot ... when ...", 1.6-1.8); a place standing as a scene elsewhere in the sentence
("in X", "the X district", 1). Then the caller falls back to the article's main
place. A place that only names an actor ("Syrian troops"), a source ("told Xinhua
in Baghdad"), a modifier of a thing ("the 1994 border war") or the dateline is not
where the event happened; of nested places the one named inside the other wins
("Nyala, South Darfur" gives Nyala), and a town named after the trigger beats a
region set as the scene before it. A town modifying what the event acted on or who
acted ("a Donetsk market", "Nairobi police") is where it happened, at tier 1.7, and a
town naming a building ("his Kharkiv home") is placed as the building is. A place
described after a comma ("Nyala, a town in Darfur") beats the region the description
names, and the place an offensive was launched to take is where it was fought; names
the parse leaves loose in the trigger's object still compete (ranking.py). A verb in a
sense that reports nothing at a place (an election won, a scene caught on camera)
gets none. The ground an attack fell on and a toll "in the attack" told before are
placed by scene_fallbacks.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from spacy.tokens import Token

from geomap.events.attachment_rules import (LATER_STEP_STRENGTH, a_later_step, driven_out_from, extra_locative,
                                           holding_participle, misparsed_clause, not_the_scene, toll_owner,
                                           unnamed_home_of)
from geomap.events.candidates import PLACE_NOUNS, Candidate
from geomap.events.captives import captive
from geomap.events.described_places import described_place
from geomap.events.measured_from import anchor_before_landmark, measured_from_last
from geomap.events.loose_places import modifies_a_thing, names_an_actor, post_of_a_person, stands_as_place
from geomap.events.nesting import (beside_not_inside, describes_named_place, named_after_place_word, named_inside,
                                  names_its_place_word, own_phrase_first, quarter_after_town, town_of_an_address)
from geomap.events.offensive_target import offensive_target
from geomap.events.parse_paths import path_up
from geomap.events.ranking import finest_first, in_objects_phrase, loosely_placed, more_specific, names_place_word
from geomap.events.report_origin import in_source_context, reporting_verb
from geomap.events.scene import (NEAR_WORDS, describes_a_person, finer_in_phrase, fronted_scene, goal_of_another_act,
                                 in_episode_clause, in_other_clause, inside_a_name, names_people, origin_of_a_person,
                                 owner_of_a_building, possessor_of_a_thing, town_modifying_participant, venue_of,
                                 victim_of)
from geomap.events.scene_fallbacks import (after_an_aside, attack_target, striker_clause, toll_of_a_told_attack,
                                          place_root, town_happening)
from geomap.events.senses import distance_reference, grievance_of_protest, reports_no_scene
from geomap.events.side_facts import a_side_fact
from geomap.records import Toponym

LOCATIVE_PREPS = frozenset({
    "in", "at", "near", "outside", "inside", "on", "across", "around", "throughout", "into", "within",
    "along", "through", "over", "off", "onto", "upon", "toward", "towards", "to", "against",
    "beyond", "behind", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "of", "for", "outskirts", "amid", "among", "under", "by",
})
WEAK_PREPS = frozenset({"for", "by", "to", "of", "under", "amid", "among"})
# arcs a place may hang from on its way up to the trigger
PHRASE_ARCS = frozenset({"pobj", "prep", "compound", "appos", "conj", "poss", "nmod", "amod", "npadvmod",
                         "pcomp", "dobj", "attr", "advmod", "case", "nummod", "quantmod", "cc", "dative",
                         "oprd", "acomp", "nsubjpass", "ROOT", "acl"})
ARGUMENT_ARCS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "agent", "dative"})
CLAUSE_LINKS = frozenset({"conj", "xcomp", "advcl", "acl", "relcl", "pcomp"})
FALLBACK_STRENGTH = 1.0

MODIFIER_STRENGTH = 1.7  # a town naming what the event acted on or with
TOLD_ATTACK_STRENGTH = 1.6  # the place of the attack a toll's "the attack" points back to
MODIFIER_PENALTY = 1.5
BEFORE_PENALTY = 3  # tokens: the place after the verb is usually the nearer one
PEER_MARGIN = 0.6  # how much weaker a nested place's attachment may be and still be compared
REGION_KINDS = frozenset({"country", "admin1", "region", "continent", "water", "landform"})


@dataclass(frozen=True)
class Attachment:
    toponym: Toponym
    strength: float  # 3 = on the trigger, 2 = on its clause, 1 = elsewhere in the sentence
    rank: int  # 0 the place named, 1 a modifier of a place word, 2 an enclosing place, 3 appositive/possessive
    near: bool


# (strength, rank, distance to the trigger, candidate, attachment), best first once sorted
_Option = tuple[float, int, int, Candidate, Attachment]


def _clause_heads(trigger: Token) -> list[tuple[Token, float]]:
    """The trigger, then the words its clause shares a setting with, with their weight."""
    heads: list[tuple[Token, float]] = [(trigger, 3.0)]
    if trigger.pos_ in ("NOUN", "PROPN") or trigger.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
        head = trigger.head
        while head.dep_ == "prep" and head.head.i != head.i:
            head = head.head
        if head.i != trigger.i:
            heads.append((head, 2.5))
    for conj in trigger.conjuncts:
        heads.append((conj, FALLBACK_STRENGTH if _another_event(trigger, conj) else 2.5))
    if trigger.dep_ in CLAUSE_LINKS and trigger.head.i != trigger.i and \
            not (trigger.dep_ == "conj" and _another_event(trigger, trigger.head)):
        heads.append((trigger.head, 2.0))
    heads.extend((owner, 2.0) for owner in toll_owner(trigger))
    heads.extend((verb, 3.0) for verb in holding_participle(trigger))
    return heads


def _own_subject(verb: Token) -> bool:
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


TOLL_LEMMAS = frozenset({"kill", "wound", "injure", "hurt", "destroy", "damage", "die", "leave"})


def _another_event(trigger: Token, conj: Token) -> bool:
    """A coordinated clause with a subject of its own tells an event of its own ("three
    were shot in X, and another was killed in Y"); its place is the trigger's only as
    one named elsewhere in the sentence. Not so for one attack's toll told in two
    clauses ("three were killed and 14 wounded at X")."""
    toll = trigger.lemma_.lower() in TOLL_LEMMAS and conj.lemma_.lower() in TOLL_LEMMAS
    return _own_subject(trigger) and _own_subject(conj) and not toll


def _arguments(trigger: Token) -> list[Token]:
    return [child for child in trigger.children if child.dep_ in ARGUMENT_ARCS]


def _score_path(path: list[Token], toponym_root: Token) -> tuple[bool, bool]:
    """(acceptable, near) for the arcs between a place and the word it describes."""
    near = False
    for node in path:
        if (node.dep_ not in PHRASE_ARCS or node.dep_ == "nmod") and not misparsed_clause(node):
            return False, False
        if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and \
                any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return False, False  # a clause with a subject of its own tells another event
        if node.dep_ == "prep":
            if node.lower_ not in LOCATIVE_PREPS and not names_place_word(node) and not driven_out_from(node) \
                    and not extra_locative(node):
                return False, False
            near = near or node.lower_ in NEAR_WORDS
        if node.lower_ in NEAR_WORDS:
            near = True
    if path and path[-1].dep_ == "nsubj":
        return False, False
    if path and path[0].dep_ in ("compound", "amod", "poss") and len(path) > 1 and \
            path[1].dep_ in ARGUMENT_ARCS and path[1].lower_ not in PLACE_NOUNS and path[1].dep_ != "pobj":
        return False, False  # "Kenyan soldiers", "US drones": who, not where
    return True, near


def _rank(path: list[Token]) -> int:
    if not path:
        return 0
    if any(node.dep_ == "poss" or node.dep_ == "appos" and not names_its_place_word(node) for node in path):
        return 3
    preps = [n for n in path if n.dep_ == "prep" and not names_place_word(n)]
    if len(preps) > 1:
        return 2
    if path[0].dep_ in ("compound", "amod") and path[0].head.lemma_.lower() not in PLACE_NOUNS:
        return 1
    return 0


def _attach_one(trigger: Token, root: Token) -> tuple[float, int, bool] | None:
    """(strength, rank, near) of the place headed by `root` on the trigger's clause."""
    best: tuple[float, int, bool] | None = None
    for head, weight in _clause_heads(trigger):
        path = path_up(root, head)
        if path is None:
            continue
        ok, near = _score_path(path, root)
        if not ok and weight == 3.0:
            # a place on the subject or object ("rebels in Syria attacked")
            for argument in _arguments(head):
                sub = path_up(root, argument)
                has_prep = sub is not None and any(n.dep_ == "prep" and n.lower_ not in WEAK_PREPS for n in sub)
                if has_prep and _score_path(sub, root)[0] and argument.i != root.i:
                    ok, near, weight = True, _score_path(sub, root)[1], 2.0
                    break
        if ok:
            if a_later_step(path, head):
                weight = min(weight, LATER_STEP_STRENGTH)
            prep = next((n for n in reversed(path) if n.dep_ == "prep" and not names_place_word(n)), None)
            if prep is not None and prep.lower_ in WEAK_PREPS:
                weight -= 0.5
            if best is None or weight > best[0]:
                best = (weight, _rank(path), near)
    return best


def geo_precision(attachment_near: bool, toponym: Toponym) -> int:
    """ACLED's geo precision: 1 the town itself, 2 near a town, 3 a region or country."""
    place = toponym.place
    if place is not None and place.kind in REGION_KINDS:
        return 3
    if place is not None and place.kind in ("admin2", "other"):
        return 2
    return 2 if attachment_near else 1


def _governing_verbs(trigger: Token) -> list[Token]:
    """The words above the trigger, up to the sentence root, that can set its scene."""
    chain, node = [], trigger
    while node.head.i != node.i and len(chain) < 8:
        node = node.head
        if node.pos_ in ("VERB", "AUX", "NOUN") and not reporting_verb(node):
            chain.append(node)
    return chain


def _scene_attachment(root: Token, trigger: Token) -> float | None:
    """A place set for a whole clause above the trigger ("In Izium, a volunteer
    was wounded ... when ..."): a locative phrase on a verb that governs the trigger."""
    for verb in _governing_verbs(trigger):
        path = path_up(root, verb)
        if path is None:
            continue
        if _score_path(path, root)[0] and any(n.dep_ == "prep" and n.lower_ not in WEAK_PREPS for n in path):
            return 1.8 if root.i < verb.i else 1.6
    return None


def _ruled_out(candidate: Candidate, trigger: Token) -> bool:
    """Whether the wording says this place is not where the trigger's event was: it
    names people, a later goal, a person's origin or employer, a victim, part of a
    name, a building's owner, the owner of a thing, a point distances are measured
    from, what a protest is about, a participant's base or birthplace, a captive's
    jail, or a captive's name."""
    span, root = candidate.span, candidate.span.root
    return names_people(span) or goal_of_another_act(root, trigger) or origin_of_a_person(root) or \
        victim_of(root, trigger) or inside_a_name(root) or describes_a_person(root, trigger) or \
        owner_of_a_building(candidate) or (possessor_of_a_thing(root) and not town_happening(candidate, trigger)) or \
        distance_reference(root) or grievance_of_protest(root, trigger) or a_side_fact(root, trigger) or \
        not_the_scene(root, trigger)


def _option(candidate: Candidate, trigger: Token) -> _Option | None:
    """How strongly the wording ties one candidate place to the trigger, or None."""
    span = candidate.span
    if span.start <= trigger.i < span.end:
        return None
    option = _tie(candidate, trigger)  # first: most places it leaves out need no rule of wording asked
    return None if option is None or _ruled_out(candidate, trigger) else option


def _tie(candidate: Candidate, trigger: Token) -> _Option | None:
    span = candidate.span
    root = place_root(span, trigger)
    venue = venue_of(candidate) or unnamed_home_of(root, candidate.toponym.place is not None)
    if venue is not None and venue.i != trigger.i and not venue.is_ancestor(trigger):
        root = venue  # "a Khartoum cafe": placed as "a cafe in Khartoum" would be
    attached = _attach_one(trigger, root)
    if in_source_context(root, trigger):
        return None
    if attached is not None:
        strength, rank, near = attached
    else:
        scene = _scene_attachment(root, trigger)
        if scene is None and town_modifying_participant(candidate, trigger):
            scene = MODIFIER_STRENGTH
        if scene is None and toll_of_a_told_attack(root, trigger):
            scene = TOLD_ATTACK_STRENGTH
        if scene is not None:
            strength, rank, near = scene, _rank(path_up(root, root.sent.root) or []), False
        elif not post_of_a_person(root) and not names_an_actor(root) and \
                (stands_as_place(root) or in_episode_clause(root, trigger) or attack_target(candidate, trigger)) and \
                (fronted_scene(root) or after_an_aside(root) or striker_clause(root, trigger) or
                 not in_other_clause(root, trigger)):
            strength, rank, near = FALLBACK_STRENGTH, 0, False
        else:
            return None
    if root.i != span.root.i:
        rank = max(rank, 1)  # a modifier of a place word, as "the Nyala market" is
    if modifies_a_thing(root, trigger):
        strength -= MODIFIER_PENALTY
    distance = abs(root.i - trigger.i) + (BEFORE_PENALTY if root.i < trigger.i else 0)
    return strength, rank, distance, candidate, Attachment(candidate.toponym, strength, rank, near)


def locate(trigger: Token, candidates: Sequence[Candidate]) -> Attachment | None:
    """The place of the trigger's event among the sentence's candidates, or None.

    Tiers: attached to the trigger or its clause; set for a clause above it; named
    elsewhere in the sentence, unless it names an actor or a source.
    """
    if reports_no_scene(trigger):
        return None
    options = [o for o in (_option(c, trigger) for c in candidates)
               if o is not None and not captive(o[3], trigger, list(candidates))]
    if not options:
        return None
    options = _ordered(options, trigger, candidates)
    best, attachment = options[0][3], options[0][4]
    inner = more_specific(best, [o[3] for o in options], trigger)
    if inner is None:
        peers = [o[3] for o in options[1:]
                 if o[0] >= options[0][0] - PEER_MARGIN and not beside_not_inside(o[3], best) and
                 not describes_named_place(o[3], best)]
        inner = finer_in_phrase(best, peers)
    chosen = best if inner is None else inner
    others = [o[3] for o in options]
    # only names before the chosen one can be nested in it or described by it
    loose = others + _unattached(candidates, trigger, others, lambda root: root.i < chosen.span.start and
                                 (loosely_placed(root) or stands_as_place(root)))
    nested = described_place(chosen, loose)
    chosen = nested or chosen
    nested = named_inside(chosen, loose) or named_after_place_word(chosen, others) or nested
    chosen = nested or chosen
    town = town_of_an_address(chosen, others)
    inner = town or nested or inner
    return attachment if inner is None else Attachment(inner.toponym, attachment.strength, 0, attachment.near)


def _ordered(options: list[_Option], trigger: Token, candidates: Sequence[Candidate]) -> list[_Option]:
    """The options best first: by strength, rank and distance, then by the word-order
    rules (reference points last, the trigger's own phrase, finer places, the target
    of an offensive, a quarter after its town)."""
    options.sort(key=lambda o: (-o[0], o[1], o[2]))
    options = anchor_before_landmark(measured_from_last(options))
    placed = [o[3] for o in options]
    options += [_loose_option(c, trigger) for c in _unattached(candidates, trigger, placed,
                                                                 lambda root: in_objects_phrase(root, trigger))]
    options = finest_first(own_phrase_first(options, trigger), trigger, stands_as_place)
    target = offensive_target(trigger, candidates, lambda c: not _ruled_out(c, trigger))
    if target is not None:
        top = next((o for o in options if o[3] is target), None) or _loose_option(target, trigger)
        options = [top] + [o for o in options if o is not top]
    return quarter_after_town(options)


LOOSE_STRENGTH = 0.5  # a place the parse left unattached: compared only by the word-order rules


def _loose_option(candidate: Candidate, trigger: Token) -> _Option:
    distance = abs(candidate.span.root.i - trigger.i)
    return LOOSE_STRENGTH, 0, distance, candidate, Attachment(candidate.toponym, LOOSE_STRENGTH, 0, False)


def _unattached(candidates: Sequence[Candidate], trigger: Token, placed: list[Candidate],
                stands: Callable[[Token], bool]) -> list[Candidate]:
    """Candidates with no attachment that still stand as a place by `stands`, and that
    no rule of wording rules out."""
    known = {id(c) for c in placed}
    return [c for c in candidates if id(c) not in known and not c.span.start <= trigger.i < c.span.end and
            stands(c.span.root) and not _ruled_out(c, trigger)]
