"""What a proper name stands for where it stands: a place, a person, an organisation.

Rules used by candidates.py to decide which names may be an event's place. The model's
entity labels are a weak guide for rare names (a small town comes out as NORP or
LANGUAGE as often as GPE), so a label only rules a name in or out together with the
wording around it.
"""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from geomap.events.non_places import last_name_word
from geomap.records import Place, Toponym

# nouns that name a kind of place: a proper name hanging off them names the place itself
PLACE_NOUNS = frozenset({
    "city", "town", "village", "district", "province", "region", "area", "neighbourhood", "neighborhood",
    "suburb", "suburbs", "state", "county", "governorate", "capital", "outskirts", "settlement", "camp",
    "countryside", "municipality", "island", "port", "valley", "border", "districts", "villages", "towns",
    "quarter", "zone", "hills", "hill", "enclave", "mountains", "mountain", "mount", "airport", "airbase",
    "base", "crossing", "checkpoint", "square", "street", "road", "highway", "bridge", "junction",
    "neighbourhoods", "neighborhoods", "sector", "commune", "township", "tehsil", "subdistrict",
    "prefecture", "department", "oblast", "raion", "borough", "hamlet", "peninsula", "plain", "plateau",
    "desert", "river", "lake", "coast", "strip", "bank", "heights", "farms", "field", "fields", "oasis",
    "prison", "jail", "hospital", "refugee", "market", "mosque", "church", "stadium", "university",
    "compound", "complex", "project", "palace", "embassy", "station", "axis", "front", "frontline",
    "territory", "areas", "cities", "provinces", "regions", "lga", "constituency", "precinct", "parish",
})
# verbs whose object is a place, never a person: "stormed X", "shelled X", "entered X"
PLACE_OBJECT_VERBS = frozenset({
    "storm", "enter", "shell", "bomb", "bombard", "besiege", "overrun", "liberate", "recapture", "retake",
    "encircle", "invade", "occupy", "infiltrate", "evacuate", "patrol", "raze", "reenter", "re-enter",
    "pound", "airstrike", "blockade", "penetrate", "raid", "surround",
})
# words for a part of a place: "the eastern perimeter of X", "the southern slope of X"
PART_NOUNS = frozenset({
    "perimeter", "slope", "slopes", "flank", "flanks", "hilltop", "mountaintop", "stronghold", "strongholds",
    "locality", "fringes", "fringe", "edge", "edges", "environs", "outskirt", "part", "parts",
    "section", "corridor", "pocket", "entrance", "entrances", "centre", "center", "heart", "siege",
    "gates", "periphery", "troublespot", "bastion",
})
# last words of names of bodies of people, never of ground
BODY_WORDS = frozenset({
    "party", "agency", "council", "conference", "agreement", "alliance", "forces", "force", "army", "guards",
    "guard", "legion", "group", "movement", "committee", "union", "association", "organization",
    "organisation", "network", "corps", "brigade", "brigades", "division", "regiment", "battalion", "militia",
    "company", "corporation", "news", "times", "watch", "police", "commission", "coalition", "federation",
    "fund", "bank", "institute", "foundation", "service", "services", "unit", "units", "command",
    "parliament", "congress", "senate", "assembly",
})
# last words that make a name a place's own name: "Hlynka Town", "the Ostrivka Roundabout",
# "the Wadi Sakra Gas Fields"
NAMED_PLACE_HEADS = frozenset({
    "town", "city", "village", "district", "suburb", "hill", "hills", "ridge", "mountain", "mountains",
    "plain", "plains", "camp", "checkpoint", "airport", "airbase", "roundabout", "square", "street",
    "road", "avenue", "highway", "bridge", "junction", "market", "mosque", "church", "hospital", "stadium",
    "palace", "prison", "jail", "dam", "fields", "farms", "valley", "quarter", "neighbourhood",
    "neighborhood", "governorate", "county", "complex", "crossing", "lake", "river", "island", "desert",
    "plateau", "gate", "university", "college", "academy", "refinery", "springs", "heights", "forest",
    "forests", "canal", "harbour", "harbor", "port", "cathedral", "temple", "shrine", "souk", "bazaar", "beach",
    "plant",
})
# faiths and sects: "the Sunni city", "a Hindu village" tell who lives there, not the name
FAITH_WORDS = frozenset({
    "sunni", "shiite", "shi'ite", "shia", "shi'a", "hindu", "muslim", "moslem", "christian", "jewish",
    "catholic", "protestant", "buddhist", "druze", "alawite", "sikh", "orthodox", "coptic", "yazidi",
    "evangelical", "islamic", "islamist", "jain", "maronite", "ismaili", "sufi", "salafi", "wahhabi",
})
CALENDAR_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "ramadan",
    "christmas", "easter",
})
# titles and callings written before a person's name: "Col. Petrenko", "photographer Okafor"
PERSON_TITLES = frozenset({
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "capt", "maj", "brig", "sgt", "cpl", "cmdr", "adm", "sen",
    "rep", "gov", "insp", "supt", "president", "premier", "minister", "colonel", "lieutenant", "sergeant",
    "corporal", "commander", "judge", "senator", "governor", "mayor", "ambassador", "envoy", "spokesman",
    "spokeswoman", "spokesperson", "photographer", "journalist", "reporter", "correspondent", "activist",
    "driver", "officer", "lawyer", "prosecutor", "chairman", "director", "analyst", "researcher", "doctor",
    "professor", "cameraman", "writer", "author", "singer", "actor", "actress", "player", "coach",
})
# attacks and what falls: "an assault on X", "shells fell on X"
ATTACK_NOUNS = frozenset({
    "attack", "assault", "raid", "airstrike", "strike", "offensive", "bombardment", "shelling", "fall",
    "march", "advance", "push", "onslaught", "counterattack", "counter-attack", "counteroffensive", "rain",
})
# capitalised words that describe a part or an age of a place, not its name: "the Northern district"
DESCRIBING_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper",
    "lower", "greater", "old", "new", "inner", "outer", "main", "grand", "high", "holy", "national",
    "federal", "royal", "provincial", "municipal", "local", "regional", "tribal", "border",
})
SMALL_PLACE_POPULATION = 10_000
PERSON_ARCS = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})
NAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT"})
# labels the model gives rare town names it does not know ("the village of Tel Lysivka" as NORP,
# "Aleppo" as LANGUAGE); a people's name ("Kurds", "Syrian") carries them rightly too
PEOPLE_LABELS = frozenset({"NORP", "LANGUAGE"})


def is_place_word(token: Token) -> bool:
    """A noun for a kind of place, by its form or its lemma ("village", "villages"); and
    "local government", a district in West African usage ("the Tarsk local government")."""
    return token.lower_ in PLACE_NOUNS or token.lemma_.lower() in PLACE_NOUNS or \
        token.lower_ == "government" and token.i > 0 and token.doc[token.i - 1].lower_ == "local"


def demonym_spans(doc: Doc, toponyms: Sequence[Toponym]) -> list[tuple[int, int]]:
    """Token ranges the geoparser read as a people's name ("Syrian", "Kurds")."""
    found = []
    for toponym in toponyms:
        if toponym.kind == "demonym":
            span = doc.char_span(toponym.start, toponym.end, alignment_mode="expand")
            if span is not None:
                found.append((span.start, span.end))
    return found


def is_name_entity(ent: SpacySpan, demonyms: list[tuple[int, int]]) -> bool:
    """Whether an entity the model did not call a place may still be a place's name.

    A name of a person or an organisation may be a town the model mislabels; a NORP or
    LANGUAGE name may be one too when it stands alone as the object of a preposition
    ("the village of Tel Lysivka"), unless the geoparser knows it as a people's name: as a
    modifier ("the Sunni city", "the Islamic State") such a name describes who lives or
    rules there.
    """
    if ent.label_ in NAME_LABELS:
        return True
    if ent.label_ not in PEOPLE_LABELS or ent.text.lower() in NAMED_PLACE_HEADS:
        return False  # "at a Mosque": a capitalised kind of place is no place's name
    if ent.root.dep_ != "pobj" and not names_a_kind_of_place(ent.root):
        return False
    if any(word.lower_.replace("’", "'") in FAITH_WORDS for word in ent):
        return False
    return not any(ent.start < end and start < ent.end for start, end in demonyms)


def names_a_kind_of_place(root: Token) -> bool:
    """"the Tel Lysivka village", "Lysivka neighbourhood": a proper noun naming a common noun for
    a kind of place is that place's name, though the model reads a rare one as a people's
    name; an adjective there ("the Kurdish village") describes the place instead."""
    head = root.head
    if root.pos_ != "PROPN" or root.dep_ not in ("compound", "nmod") or head.pos_ != "NOUN":
        return False
    return head.text.islower() and is_place_word(head)


def abbreviation_in_brackets(root: Token) -> bool:
    """"the Islamic State (ISIS)", "the Revolutionary Guards (IRGC)": letters in brackets
    after a name abbreviate that name, so they stand where the name stands and are a
    place only if the name is one (then the name itself is the candidate)."""
    if not root.text.isupper() or root.i == 0 or root.i + 1 >= len(root.doc):
        return False
    return root.nbor(-1).text == "(" and root.nbor(1).text == ")"


def _small_place(place: Place) -> bool:
    """A village or hamlet: a name shared by many people more often than meant as it."""
    return place.kind in ("city", "other") and (place.population or 0) < SMALL_PLACE_POPULATION


def person_in_argument(span: SpacySpan, place: Place | None) -> bool:
    """"Kowalski was captured", "the rebels captured Okafor", "Okafor's office": a name the
    model reads as a person's, standing as who acts or is acted on, or as an owner of a
    thing that is no place, is that person, whatever small village a gazetteer holds
    under the name. Verbs that only take places ("stormed X", "shelled X") keep their
    object a place, and so does a town big enough to be the news ("rebels captured Kharkiv")."""
    root = span.root
    if root.ent_type_ != "PERSON" or (place is not None and not _small_place(place)) or named_as_a_place(span):
        return False
    head = root.head
    if root.dep_ in PERSON_ARCS and head.pos_ in ("VERB", "AUX"):
        return head.lemma_.lower() not in PLACE_OBJECT_VERBS
    return root.dep_ == "poss" and head.pos_ == "NOUN" and head.lemma_.lower() not in PLACE_NOUNS


def after_a_title(span: SpacySpan) -> bool:
    """"Col. Okafor", "President Petrenko", "photographer Okafor": a name written right after
    a title or a calling is that person's, whatever place shares it. A name ending in a
    word for a kind of place ("Governor Okafor Road") stays that place's name."""
    if span.start == 0 or named_as_a_place(span):
        return False
    before = span.doc[span.start - 1]
    if before.text == "." and span.start >= 2:
        before = span.doc[span.start - 2]
    if before.lower_.rstrip(".") not in PERSON_TITLES:
        return False
    return before.pos_ != "NOUN" or span.start <= before.head.i < span.end  # "the driver" alone: no title


def no_proper_name(span: SpacySpan) -> bool:
    """"churches and mosques", "patrolling the gulf", "the 304th": the model sometimes
    labels a common noun or a number a place; with no capitalised word it names no place
    an analyst can look up."""
    return not any(word.text[:1].isupper() for word in span)


def describes_people_or_things(span: SpacySpan) -> bool:
    """"Nordic peacekeepers", "the Baltic states' airspace", "this Caribbean territory": a
    name the parse reads as an adjective tells whose or what kind the noun is, not where;
    only before a word for a kind of place ("the Hlynka district") is it that place's name."""
    root = span.root
    if root.pos_ != "ADJ" or root.dep_ != "amod":
        return False
    head = root.head
    return head.lower_ not in PLACE_NOUNS and head.lemma_.lower() not in PLACE_NOUNS


def target_of_an_attack(preposition: Token) -> bool:
    """"an assault on X", "air strikes on X", "shells fell on X": what an attack falls on is
    ground, a town or a position, so a name after that "on" is a place; "an attack on
    the president" names a person, but by title, and titles are ruled out apart."""
    return preposition.head.lemma_.lower() in ATTACK_NOUNS


def object_of_place_verb(root: Token) -> bool:
    """"troops stormed X", "X was shelled overnight": what these verbs act on is a place,
    so a proper name in that slot names one, whatever label the model gives it."""
    return root.dep_ in ("dobj", "nsubjpass") and root.head.pos_ == "VERB" and \
        (root.head.lemma_.lower() in PLACE_OBJECT_VERBS or _joined_to_a_place_verb(root.head))


def _joined_to_a_place_verb(verb: Token) -> bool:
    """"troops stormed and captured X": a verb joined to one that only takes places shares
    its object, which is then a place too."""
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and verb.head.lemma_.lower() in PLACE_OBJECT_VERBS:
        return not any(child.dep_ == "dobj" for child in verb.head.children)
    return False


def part_of_a_place(word: Token) -> bool:
    """"the southern slope of X", "the eastern perimeter of X": a word for a part of
    something, whose "of" names that something; with a proper name there it is a place.
    The part noun needs a determiner or an adjective: bare, "part of the alliance" and
    "Section 302 of the code" name membership and clauses, not ground."""
    return word.lower_ in PART_NOUNS and any(child.dep_ in ("det", "amod", "poss") for child in word.children)


def names_a_body(span: SpacySpan) -> bool:
    """"the Revolutionary Guards", "the Crescent News Agency", "the Free Syrian Army": a name
    ending in a word for a body of people names who acts, never where ("the Ruvara
    Liberation Army's" too: the owner's mark is no part of the name)."""
    last = last_name_word(span)
    return last.text[:1].isupper() and last.lower_ in BODY_WORDS or in_a_bodys_title(span.root)


# title words of a body named after the land it claims: "the Revolutionary Front of X"
TITLE_BODY_WORDS = BODY_WORDS | frozenset({"state", "front", "emirate", "caliphate", "liberation"})


def in_a_bodys_title(root: Token) -> bool:
    """"the Revolutionary Front of X", "the Ruvara Front for the Liberation of X": a name after
    "of" on a capitalised body word that itself carries a capitalised modifier is part of
    the body's title, who acts, not where. A bare "the State of X" is the country itself."""
    if root.dep_ == "conj":
        root = root.head
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "of":
        return False
    body = prep.head
    if not body.text[:1].isupper() or body.lower_ not in TITLE_BODY_WORDS or body.i == 0:
        return False
    return any(c.dep_ in ("compound", "amod") and c.i < body.i and c.text[:1].isupper() for c in body.children)


def named_as_a_place(span: SpacySpan) -> bool:
    """"Hlynka Town", "the Ostrivka Roundabout", "the Lysivka Hospital": a proper name ending
    in a word for a kind of place is that place's own name wherever it stands, unless it
    only modifies another noun ("the Lysivka Hospital director")."""
    last = span[-1]
    if len(span) < 2 or not last.text[:1].isupper() or last.lower_ not in NAMED_PLACE_HEADS:
        return False
    if not any(token.text[:1].isupper() and token.pos_ == "PROPN" for token in span[:-1]):
        return False  # "the Islamic State" style: only an adjective before the place word
    return span.root.dep_ not in ("compound", "amod", "nmod", "poss") or span.root.head.pos_ != "NOUN"



def capitalised_place_modifier(token: Token) -> bool:
    """"Velmor area", "the Tarsk district": a capitalised word before a lowercase noun for a
    kind of place is that place's name even where the tagger, not knowing a rare name,
    reads it as an adjective or a common noun; the first word of a sentence, words for a
    direction or a rank ("the Northern district") and faiths ("a Sunni town") only describe,
    and so does the second half of a pair ("the Tarsk-Velmor border")."""
    if token.is_sent_start or not token.head.text.islower() or token.nbor(-1).text == "-":
        return False
    word = token.lower_.replace("’", "'")
    if word in DESCRIBING_WORDS or word in FAITH_WORDS or word in CALENDAR_WORDS or named_after_its_of(token.head):
        return False
    return token.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT")


def named_after_its_of(place_word: Token) -> bool:
    """"the Commercial city of Tarsk": a place word whose own name follows its "of" has it
    there; a capitalised word the tagger calls an adjective before it only describes it."""
    return any(child.dep_ == "prep" and child.lower_ == "of" and
               any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in child.children) for child in place_word.rights)


# verbs whose "at" names who is aimed at: "shot at Okafor", "threw stones at the Ruvara Front"
AIMING_VERBS = frozenset({"shoot", "fire", "aim", "throw", "hurl", "lunge", "swing", "point", "lob"})


def aimed_at_someone(span: SpacySpan) -> bool:
    """"a gunman shot at Okafor", "villagers threw rocks at the Ruvara Front": after a verb of
    aiming, "at" names the target, and a name the model reads as a person or a group there
    is who was aimed at, not where; a town the model knows ("fired at Izium") stays a place."""
    root = span.root
    head = root.head
    if root.dep_ != "pobj" or head.lower_ != "at" or root.ent_type_ not in ("PERSON", "ORG") or \
            named_as_a_place(span):
        return False  # "shot two guards at the Velmora Hospital": a place's own name
    return head.head.lemma_.lower() in AIMING_VERBS


# nouns for people under arms, in office or following a side, and their machines and
# polls: a name before one says whose
WHOSE_NOUNS = frozenset({
    "force", "troop", "contractor", "airstrike", "warplane", "jet", "gunship", "peacekeeper", "plane",
    "aircraft", "official", "officer", "diplomat", "militant", "fighter", "rebel", "army", "military",
    "policeman", "regime", "fan", "winner", "poll",
})


def says_whose(span: SpacySpan) -> bool:
    """"Tarskan-backed Varnok forces", "a large Varnok defence contractor", "Varnok fans":
    a country's or town's name modifying a noun for armed men, officials, followers or
    their machines tells whose they are; where they were is said elsewhere ("in a city safe for Varnok troops")."""
    root = span.root
    if root.dep_ not in ("compound", "nmod", "amod") or root.head.pos_ != "NOUN":
        return False
    return root.head.lemma_.lower() in WHOSE_NOUNS
