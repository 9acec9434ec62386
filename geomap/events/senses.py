"""Wordings that rule every named place out, or one place, whatever the parse attaches.

A winning verb in an election ("captured two regions in the vote") and a capturing verb
that records ("cameras captured the convoy") report nothing at the places named; the
place a distance is measured from ("a village 40 km south of Kharkiv") and the place a
protest is about ("protested against the shelling of Kharkiv") are not where the event
was. Used by location.py beside the scene rules of scene.py.
"""

from __future__ import annotations

from spacy.tokens import Token

from geomap.events.scene import path_up

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
PROTEST_LEMMAS = frozenset({"protest", "demonstrate", "march", "rally", "picket", "strike", "riot", "gather"})
GRIEVANCE_PREPS = frozenset({"against", "over", "about", "upon"})


def reports_no_scene(trigger: Token) -> bool:
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
        node.dep_ == "dobj" and lemma == "protest" and node.i != root.i
    # "protested against the visit in Sofia": "in" may as well hang on the verb, and
    # a protest's place is what news reports name that way
    top = node if node.dep_ != "prep" else path[-1] if path else node
    ambiguous = any(n.dep_ == "prep" and n.lower_ in ("in", "at", "around", "outside") and n.head.i == top.i
                    for n in path)
    return grievance and not ambiguous
