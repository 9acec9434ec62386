"""Which of the places tied to an event is its own: nesting by word order, the trigger's phrase.

English names the smaller place first and then where it lies: "the village of Nyala
in South Darfur", "Izium district, Kharkiv region", "the Saltivka neighbourhood of
Kharkiv", "a market in Omdurman in northern Sudan". The parse often hangs the second
place on the verb rather than on the first one, so these rules read the words between
the two names instead of the tree. Used by location.locate to move from an enclosing
place to the one named inside it. A place in the trigger's own phrase ("..., targeting
the X district") is preferred to one its clause inherits, and a name the recogniser cut
short ("the village of Nyala Sokolne") is still a place, not a modifier of a thing.
"""

from __future__ import annotations

from typing import TypeVar

from spacy.tokens import Token

from geomap.events.candidates import Candidate
from geomap.events.name_roles import is_place_word
from geomap.events.parse_paths import path_up
from geomap.events.scene import NEAR_WORDS, VENUE_NOUNS, fronted_scene, granularity

# words that may stand between a place and the one enclosing it ("X district, in
# the northern Y province", "X (in Y)"); anything else (a verb, "near", a number) breaks the link
LINK_WORDS = frozenset({"in", "of", "within", "inside", ",", "(", "the", "also", "-", "–", "--", "—"})
DIRECTION_WORDS = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern",
    "southern", "eastern", "western", "central", "north-eastern", "north-western", "south-eastern",
    "south-western", "northeastern", "northwestern", "southeastern", "southwestern", "rural", "greater",
    "upper", "lower", "restive", "remote", "neighbouring", "neighboring", "nearby", "local", "government",
})
# a name on one of these is a building's ("the Kharkiv Hotel in Kharkiv"): its town,
# not the building, is where reports place what happened there
BUILDING_WORDS = VENUE_NOUNS | frozenset({
    "mosque", "church", "embassy", "university", "hospital", "prison", "jail", "shrine", "stadium",
    "airport", "station", "market", "palace", "compound", "ministry",
})
# words for what lies next door: two names they stand between are not nested
NEIGHBOUR_WORDS = frozenset({"neighbouring", "neighboring", "adjacent", "adjoining", "bordering", "nearby",
                             "neighbour", "neighbor"})
# the gazetteer kinds a place word names: "the X state of Nyala" is a state called Nyala
WORD_KINDS = {"state": "admin1", "province": "admin1", "governorate": "admin1", "region": "admin1",
              "oblast": "admin1", "prefecture": "admin1", "district": "admin2", "county": "admin2",
              "city": "city", "town": "city"}
MAX_GAP = 6  # tokens: farther apart, the names are no longer one phrase


# words for a quarter of a town in Indian English: "the X colony of Y", "X society in Y"
RESIDENTIAL_WORDS = frozenset({"colony", "society", "locality", "block", "ward", "mohalla", "layout", "estate"})


def _links(token: Token) -> bool:
    """Whether a word between two names keeps them in one place phrase."""
    word = token.lower_
    return word in LINK_WORDS or word in DIRECTION_WORDS or is_place_word(token) or word in RESIDENTIAL_WORDS


def _names_a_building(candidate: Candidate, after: Token) -> bool:
    """"the Kharkiv Hotel", "the shrine of X", "X mosque": a building's name."""
    span = candidate.span
    words = [t.lower_ for t in span] + [after.lower_]
    if span.start >= 2 and span.doc[span.start - 1].lower_ == "of":
        words.append(span.doc[span.start - 2].lemma_.lower())
    return any(word in BUILDING_WORDS for word in words)


def _smaller(inner: Candidate, outer: Candidate) -> bool:
    """Whether the gazetteer knows both places and `inner` as the smaller: of a lower
    rank, or of the same rank and fewer people ("Kharkiv" over one of its quarters
    that is listed as a town)."""
    a, b = inner.toponym.place, outer.toponym.place
    if a is None or b is None:
        return False
    size_a, size_b = granularity(inner) or 1.0, granularity(outer) or 1.0
    if size_a != size_b:
        return size_a < size_b
    return a.population is not None and b.population is not None and a.population < b.population


def _name_of_place_word(gap: list[Token], outer: Candidate) -> bool:
    """"the Kharkiv district of Saltivka": the name after "<place word> of" may be that
    place word's own name, which the name before it encloses. Not a name that carries
    a place word of its own ("the X village of Y District")."""
    span = outer.span
    after = span.doc[span.end] if span.end < len(span.doc) else span[-1]
    own_word = any(is_place_word(t) for t in span) or is_place_word(after)
    return len(gap) >= 2 and gap[-1].lower_ == "of" and is_place_word(gap[-2]) and not own_word


MAX_ALIAS = 5  # tokens of a name's other name in brackets: "(Ain al-Arab)"


def _without_alias(gap: list[Token]) -> list[Token]:
    """The words between two names without a bracketed other name of the first one
    ("the town of Nyala (Nyala Janub) in Darfur"), which is no word of the link."""
    if len(gap) < 2 or gap[0].lower_ != "(":
        return gap
    close = next((k for k, t in enumerate(gap[:MAX_ALIAS + 2]) if t.lower_ == ")"), None)
    return gap if close is None else gap[close + 1:]


def _without_partners(inner: Candidate, gap: list[Token]) -> list[Token]:
    """The words between two names without the names coordinated with the first one
    ("Marivka and Brenivka villages in Darfur"): they share its place word and its link."""
    if not gap or gap[0].lower_ not in ("and", ",", "or"):
        return gap
    partners = {t.i for c in inner.span.root.conjuncts for t in c.subtree if t.i >= inner.span.end}
    k = 0
    while k < len(gap) and (gap[k].i in partners or gap[k].lower_ in ("and", ",", "or") and
                            k + 1 < len(gap) and gap[k + 1].i in partners):
        k += 1
    if k and not (k < len(gap) and is_place_word(gap[k])):
        return gap  # "talks between Nyala and Izium in X": no place word shared, no place named
    return gap[k:]


def encloses(outer: Candidate, inner: Candidate) -> bool:
    """Whether the wording names `inner` as lying inside `outer`: `inner` comes just
    before it, linked only by "in", "of", a comma, place words and directions ("the
    Zarichne area of Kharkiv", "Nyala in South Darfur"); and no gazetteer says the
    inner one is the bigger of the two. In "the X district of Y" either may be the
    name of the district: only a gazetteer that knows Y, and knows X as smaller or
    not at all, says X is the one inside."""
    doc = outer.span.doc
    gap = _without_partners(inner, _without_alias([doc[i] for i in range(inner.span.end, outer.span.start)]))
    if not 0 < len(gap) <= MAX_GAP or not all(_links(t) or _describes_the_outer(t, gap) for t in gap) or \
            _names_a_building(inner, gap[0]):
        return False
    if not any(t.lower_ in ("in", "of", ",", "within", "inside") for t in gap):
        return False
    if _name_of_place_word(gap, outer):
        if gap[-2].lower_ == "capital" or describes_named_place(inner, outer):
            # "the Darfur state capital of Nyala": a capital is never inside its town, nor
            # a describing name inside the state the gazetteer says the place word names
            return False
        return outer.toponym.place is not None and (inner.toponym.place is None or _smaller(inner, outer))
    return inner.toponym.place is None or outer.toponym.place is None or _smaller(inner, outer)


def _describes_the_outer(token: Token, gap: list[Token]) -> bool:
    """"Nyala in the volatile Sudanese region of Darfur", "the Brenivka and Marivka
    refugee camps of Kharkiv": a word describing a place word of the gap keeps the two
    names one phrase, where an "in" or "of" says which lies in which."""
    return token.dep_ in ("amod", "compound") and token.pos_ in ("ADJ", "NOUN") and is_place_word(token.head) and \
        any(t.i == token.head.i for t in gap) and any(t.lower_ in ("in", "of", "within", "inside") for t in gap)


def names_a_quarter(outer: Candidate, name: Candidate) -> bool:
    """"the Velmora neighbourhood of Tobrenka", where the gazetteer knows both and
    Tobrenka as the smaller: the name after "of" is the quarter's own."""
    doc = outer.span.doc
    gap = [doc[i] for i in range(outer.span.end, name.span.start)]
    if not 0 < len(gap) <= MAX_GAP or not all(_links(t) for t in gap):
        return False
    return _name_of_place_word(gap, name) and _smaller(name, outer)


def named_inside(best: Candidate, others: list[Candidate]) -> Candidate | None:
    """The place the wording names inside `best`, following a chain of them ("the
    village of X in the Y district of Z" gives X), or None."""
    chosen, current = None, best
    for _ in range(4):
        inner = next((c for c in others if c is not current and
                      (encloses(current, c) or names_a_quarter(current, c))), None)
        if inner is None:
            return chosen
        chosen = current = inner
    return chosen


# verbs of a clause that only says where a thing lies: "the hills that surround X"
LOCATING_VERBS = frozenset({"locate", "lie", "situate", "surround", "overlook", "border", "adjoin", "sit"})


def says_where_it_lies(node: Token) -> bool:
    """"the villages located between X and Y", "the hills that surround X": a clause on a
    noun that only places that noun keeps X in the noun's phrase; X is where the noun is."""
    return node.dep_ in ("acl", "relcl") and node.lemma_.lower() in LOCATING_VERBS


def in_own_phrase(root: Token, trigger: Token) -> bool:
    """Whether the place is named inside the trigger's own phrase ("..., targeting the
    village of X") with no clause of its own in between ("..., blocking the road
    linking X": X is where the road leads, not where it was blocked), unless that
    clause only says where a thing of the phrase lies."""
    if not trigger.is_ancestor(root):
        return False
    path = path_up(root, trigger, limit=len(root.doc)) or []
    return not any(node.pos_ in ("VERB", "AUX") and not says_where_it_lies(node) for node in path)


Ranked = TypeVar("Ranked", bound=tuple)


def own_phrase_first(options: list[Ranked], trigger: Token) -> list[Ranked]:
    """"launched an offensive in Darfur, targeting the Nyala district": a place
    named in the trigger's own phrase beats one its clause only inherits from the
    clause it depends on; the parse often leaves the former loosely attached.
    `options` are location's ranked tuples: strength first, the candidate fourth."""
    best = options[0]
    if best[0] >= 3.0 or trigger.is_ancestor(best[3].span.root) or trigger.pos_ != "VERB":
        return options
    own = next((o for o in options[1:] if in_own_phrase(o[3].span.root, trigger)), None)
    if own is None:
        return options
    return [own] + [o for o in options if o is not own]


def rest_of_the_name(root: Token) -> bool:
    """"the village of Nyala Sokolne": a name cut short by the recogniser goes on in the
    proper noun it hangs from, which stands where a place goes; that is no thing the
    place modifies."""
    head = root.head
    if root.lower_ in NEAR_WORDS:
        return False  # "South Vietnam": a compass word, not the name itself
    return root.dep_ == "compound" and root.pos_ == "PROPN" and head.pos_ == "PROPN" and \
        head.i == root.i + 1 and head.dep_ == "pobj" and head.head.lower_ in ("of", "in", "at", "near")


def names_its_place_word(node: Token) -> bool:
    """"in the regional capital, Nyala", "in a Kharkiv suburb, Saltivka": a name set
    beside a place word is that place's own name, as in "the town of Nyala", not an
    aside about something else. Not a name in brackets ("the X District (Hay X)"),
    an alias of the one before, nor one set beside a name ("the Y Mountains, ...")."""
    head, doc = node.head, node.doc
    bracketed = node.left_edge.i > 0 and doc[node.left_edge.i - 1].lower_ == "("
    return node.dep_ == "appos" and head.pos_ == "NOUN" and is_place_word(head) and not bracketed


def beside_not_inside(a: Candidate, b: Candidate) -> bool:
    """"Kharkiv's neighbouring province of X", "a district adjoining Nyala": a word for
    what lies next door, between two names, says neither lies in the other."""
    first, second = (a.span, b.span) if a.span.start < b.span.start else (b.span, a.span)
    return any(first.doc[i].lower_ in NEIGHBOUR_WORDS for i in range(first.end, second.start))


def describes_named_place(modifier: Candidate, name: Candidate) -> bool:
    """"the Pacific Rim state of Nyala", where the gazetteer knows Nyala as a state:
    the name after "<place word> of" is that place word's own, so the one before it
    only describes the place, and lies in it no more than "eastern" does."""
    doc, place = name.span.doc, name.toponym.place
    gap = [doc[i] for i in range(modifier.span.end, name.span.start)]
    if place is None or len(gap) != 2 or gap[1].lower_ != "of":
        return False
    return WORD_KINDS.get(gap[0].lemma_.lower()) == place.kind


QUARTER_MARGIN = 1.0  # a quarter may be tied a tier more loosely than its town and still win
QUARTER_WORDS = frozenset({"area", "neighbourhood", "neighborhood", "district", "quarter", "suburb",
                           "township", "neighbourhoods", "neighborhoods", "districts", "quarters"})


def _names_a_quarter_word(candidate: Candidate) -> bool:
    """"the Saltivka neighbourhood", "Zarichne district": a name the gazetteer does not
    know, given to a word for a part of a town."""
    root = candidate.span.root
    return candidate.toponym.place is None and root.dep_ in ("compound", "nmod") and \
        root.head.lemma_.lower() in QUARTER_WORDS


def quarter_after_town(options: list[Ranked]) -> list[Ranked]:
    """"In Kharkiv on Saturday, two men were shot in the Saltivka area": a quarter
    named after a town, and tied to the event nearly as strongly, is where in the town
    it happened. `options` are location's ranked tuples, strength first, candidate fourth."""
    first = options[0][3]
    if granularity(first) != 1.0:
        return options
    floor = options[0][0] - QUARTER_MARGIN
    quarter = next((o for o in options[1:]
                    if o[0] >= floor and o[3].span.start > first.span.end and _names_a_quarter_word(o[3])), None)
    if quarter is None:
        return options
    return [quarter] + [o for o in options if o is not quarter]


# addresses inside a town: streets, shops, offices, places of worship. Not the big
# self-contained premises (airports, prisons, hospitals, hotels, bases, parks, squares),
# which reports treat as targets and places in their own right
SPOT_WORDS = frozenset({"street", "road", "avenue", "highway", "bridge", "office", "offices",
                        "consulate", "embassy", "theater", "theatre", "mosque", "church", "temple", "shrine",
                        "market", "bazaar", "museum", "stadium", "hall", "compound", "ministry", "restaurant"})


def _names_a_spot(candidate: Candidate) -> bool:
    """"the Velmora Office", "an Izium bazaar" named by an unknown name: an address."""
    span = candidate.span
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if after in SPOT_WORDS and candidate.toponym.place is not None:
        return False  # "the Kharkiv office": the town itself, already on the map
    return after in SPOT_WORDS or any(t.lower_ in SPOT_WORDS for t in span)


def town_of_a_building(chosen: Candidate, others: list[Candidate]) -> Candidate | None:
    """The town (or named quarter) a named building or street is said to lie in
    ("outside the Velmora Consulate in Kharkiv", "on the Saltan Road in eastern Izium"):
    reports place an event at such an address by its town, which the gazetteer can
    map; the address is only the spot within it."""
    if not _names_a_spot(chosen):
        return None
    doc = chosen.span.doc
    for other in others:
        gap = [doc[i] for i in range(chosen.span.end, other.span.start)]
        if other is chosen or not 0 < len(gap) <= MAX_GAP or granularity(other) is None:
            continue
        gap = gap[1:] if gap[0].lower_ in SPOT_WORDS else gap
        if gap and gap[0].lower_ == "in" and all(_links(t) for t in gap) and \
                not any(t.lower_ in QUARTER_WORDS for t in gap):
            return other
    return None


TOWN_SIZE = 1.0  # scene.granularity of a town


def _opens_the_sentence(candidate: Candidate) -> bool:
    """"In Kharkiv, ...": the place a sentence opens with, closed by a comma, whichever
    word the parse hangs that comma on."""
    span, root = candidate.span, candidate.span.root
    doc = span.doc
    if fronted_scene(root):
        return True
    prep = root.head
    return root.dep_ == "pobj" and prep.i == prep.sent.start and prep.lower_ in ("in", "at") and \
        span.end < len(doc) and doc[span.end].text == "," and prep.i + 1 == span.start


def fronted_town_of_a_spot(chosen: Candidate, others: list[Candidate]) -> Candidate | None:
    """"In Kharkiv, hundreds protested outside the Velmora Consulate": the town opening
    the sentence is where the named address lies, and the place the event is mapped to."""
    if not _names_a_spot(chosen):
        return None
    for other in others:
        if other is not chosen and other.toponym.place is not None and _opens_the_sentence(other) and \
                (granularity(other) or TOWN_SIZE + 1) <= TOWN_SIZE:
            return other
    return None


MAX_SPOT_MODIFIERS = 2  # words between a town's possessive and the address: "Kharkiv's busy old"


def possessor_of_a_spot(chosen: Candidate, others: list[Candidate]) -> Candidate | None:
    """"at Kharkiv's crowded Velmora market": the town whose possessive heads a named
    address is where that address lies, and the place the event is mapped to."""
    if not _names_a_spot(chosen):
        return None
    doc = chosen.span.doc
    for other in others:
        end = other.span.end
        if other is chosen or other.toponym.place is None or end >= chosen.span.start or \
                doc[end].lower_ not in ("'s", "’s"):
            continue
        if chosen.span.start - end - 1 <= MAX_SPOT_MODIFIERS:
            return other
    return None


def town_of_an_address(chosen: Candidate, others: list[Candidate]) -> Candidate | None:
    """The town the wording puts a named address in, after it, before it as the
    sentence's scene, or as its possessor; None if `chosen` is no address or has none."""
    return town_of_a_building(chosen, others) or fronted_town_of_a_spot(chosen, others) or \
        possessor_of_a_spot(chosen, others)


# words for a part of a bigger place that its own name may follow: "the Darfur capital Nyala"
NAMED_AFTER_WORDS = frozenset({"capital", "neighbourhood", "neighborhood", "suburb", "township", "quarter"})


def named_after_place_word(region: Candidate, others: list[Candidate]) -> Candidate | None:
    """"in the Darfur capital Nyala", "in a Kharkiv neighbourhood, Saltivka": the name
    after the place word is where it happened; the place before the word only says
    whose capital or quarter that is, even when the parse hangs the name elsewhere."""
    root = region.span.root
    word = root.head
    if root.dep_ != "compound" or word.lemma_.lower() not in NAMED_AFTER_WORDS or word.i < root.i:
        return None
    start = word.i + 2 if word.i + 1 < len(word.doc) and word.doc[word.i + 1].text == "," else word.i + 1
    return next((c for c in others if c.span.start == start), None)
