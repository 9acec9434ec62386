"""ACLED's event types and sub-types, and the trigger lexicon that maps words to them.

The lexicon is keyed by lemma, so "shelled", "shelling" and "shells" share one entry.
A few words only become events in context ("strike" is a labour strike unless a
missile or a drone is involved; "hit" needs a weapon): those are refined from the
words around the trigger, never guessed from the trigger alone.
"""

from __future__ import annotations

from dataclasses import dataclass

BATTLES = "Battles"
PROTESTS = "Protests"
RIOTS = "Riots"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
STRATEGIC = "Strategic developments"

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    BATTLES: ("Government regains territory", "Non-state actor overtakes territory", "Armed clash"),
    PROTESTS: ("Excessive force against protesters", "Protest with intervention", "Peaceful protest"),
    RIOTS: ("Violent demonstration", "Mob violence"),
    EXPLOSIONS: (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    VAC: ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    STRATEGIC: (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

# Types whose mentions describe one episode of violence and may merge with each other.
VIOLENT_TYPES = frozenset({BATTLES, EXPLOSIONS, VAC, RIOTS})


@dataclass(frozen=True)
class Category:
    event_type: str
    sub_event_type: str
    weight: float = 0.7  # how sure the word alone makes us that an event is meant


def _c(kind: str, sub: str, weight: float = 0.7) -> Category:
    if sub not in EVENT_TYPES[kind]:
        raise ValueError(f"{sub!r} is not a sub-type of {kind!r}")
    return Category(kind, sub, weight)


CLASH = _c(BATTLES, "Armed clash")
REGAIN = _c(BATTLES, "Government regains territory")
OVERTAKE = _c(BATTLES, "Non-state actor overtakes territory")
AIR = _c(EXPLOSIONS, "Air/drone strike")
SHELLING = _c(EXPLOSIONS, "Shelling/artillery/missile attack")
IED = _c(EXPLOSIONS, "Remote explosive/landmine/IED")
SUICIDE = _c(EXPLOSIONS, "Suicide bomb")
GRENADE = _c(EXPLOSIONS, "Grenade")
CHEMICAL = _c(EXPLOSIONS, "Chemical weapon")
ATTACK = _c(VAC, "Attack")
ABDUCTION = _c(VAC, "Abduction/forced disappearance")
SEXUAL = _c(VAC, "Sexual violence")
PROTEST = _c(PROTESTS, "Peaceful protest")
PROTEST_INTERVENTION = _c(PROTESTS, "Protest with intervention")
EXCESSIVE_FORCE = _c(PROTESTS, "Excessive force against protesters")
RIOT = _c(RIOTS, "Violent demonstration")
MOB = _c(RIOTS, "Mob violence")
AGREEMENT = _c(STRATEGIC, "Agreement")
ARRESTS = _c(STRATEGIC, "Arrests")
CHANGE = _c(STRATEGIC, "Change to group/activity")
DISRUPTED = _c(STRATEGIC, "Disrupted weapons use")
BASE = _c(STRATEGIC, "Headquarters or base established")
LOOTING = _c(STRATEGIC, "Looting/property destruction")
TRANSFER = _c(STRATEGIC, "Non-violent transfer of territory")
OTHER = _c(STRATEGIC, "Other", 0.5)

# Verbs (by lemma) that report an event by themselves.
VERB_TRIGGERS: dict[str, Category] = {
    **dict.fromkeys(("clash", "fight", "battle", "skirmish", "ambush", "storm", "assault", "attack", "raid",
                     "engage", "repel", "repulse", "besiege", "overrun"), CLASH),
    **dict.fromkeys(("retake", "recapture", "regain", "liberate", "reclaim"), REGAIN),
    **dict.fromkeys(("capture", "seize", "overtake"), OVERTAKE),
    **dict.fromkeys(("bomb", "airstrike"), AIR),
    **dict.fromkeys(("shell", "bombard", "pound"), SHELLING),
    **dict.fromkeys(("explode", "detonate", "blow"), IED),
    **dict.fromkeys(("kill", "murder", "massacre", "execute", "shoot", "stab", "behead", "slaughter",
                     "wound", "injure", "torture", "lynch", "assassinate", "die"), ATTACK),
    **dict.fromkeys(("abduct", "kidnap"), ABDUCTION),
    **dict.fromkeys(("rape",), SEXUAL),
    **dict.fromkeys(("protest", "demonstrate", "march", "rally", "picket"), PROTEST),
    **dict.fromkeys(("riot",), RIOT),
    **dict.fromkeys(("sign", "agree"), _c(STRATEGIC, "Agreement", 0.5)),
    **dict.fromkeys(("arrest", "detain", "apprehend"), ARRESTS),
    **dict.fromkeys(("disband", "dissolve", "defect", "surrender"), CHANGE),
    **dict.fromkeys(("intercept", "defuse", "dismantle"), DISRUPTED),
    **dict.fromkeys(("loot", "torch", "burn", "destroy", "demolish", "raze", "plunder", "ransack"), LOOTING),
    **dict.fromkeys(("withdraw", "evacuate", "intervene", "deploy", "patrol", "invade"), OTHER),
}

# Nouns (by lemma) that name an event.
NOUN_TRIGGERS: dict[str, Category] = {
    **dict.fromkeys(("clash", "fighting", "fight", "battle", "skirmish", "firefight", "ambush", "assault",
                     "attack", "offensive", "counteroffensive", "counter-offensive", "raid", "gunfight",
                     "hostility", "incursion", "war", "conflict", "escalation"), CLASH),
    **dict.fromkeys(("airstrike", "air strike", "air raid", "drone strike", "bombing raid"), AIR),
    **dict.fromkeys(("shelling", "bombardment", "barrage", "artillery fire", "rocket fire", "mortar fire"),
                    SHELLING),
    **dict.fromkeys(("explosion", "blast", "bombing", "car bomb", "roadside bomb", "ied", "landmine"), IED),
    **dict.fromkeys(("suicide bombing", "suicide attack", "suicide bomber"), SUICIDE),
    **dict.fromkeys(("grenade attack",), GRENADE),
    **dict.fromkeys(("chemical attack", "gas attack"), CHEMICAL),
    **dict.fromkeys(("killing", "massacre", "murder", "execution", "shooting", "assassination", "stabbing"),
                    ATTACK),
    **dict.fromkeys(("abduction", "kidnapping"), ABDUCTION),
    **dict.fromkeys(("rape",), SEXUAL),
    **dict.fromkeys(("protest", "demonstration", "rally", "march", "sit-in", "vigil"), PROTEST),
    **dict.fromkeys(("riot", "unrest"), RIOT),
    **dict.fromkeys(("mob",), MOB),
    **dict.fromkeys(("ceasefire", "cease-fire", "truce", "armistice", "agreement", "accord", "deal",
                     "declaration", "talks", "negotiation", "peace deal", "pause"), AGREEMENT),
    **dict.fromkeys(("arrest", "detention", "crackdown"), ARRESTS),
    **dict.fromkeys(("looting", "arson"), LOOTING),
    **dict.fromkeys(("evacuation", "withdrawal", "exodus", "invasion", "decree"), OTHER),
}

# Words near the trigger that sharpen the sub-type (checked in this order).
INSTRUMENT_HINTS: tuple[tuple[frozenset[str], Category], ...] = (
    (frozenset({"suicide"}), SUICIDE),
    (frozenset({"chemical", "sarin", "chlorine", "gas"}), CHEMICAL),
    (frozenset({"grenade"}), GRENADE),
    (frozenset({"airstrike", "warplane", "jet", "aircraft", "drone", "helicopter", "air", "aerial", "airstrikes"}),
     AIR),
    (frozenset({"missile", "rocket", "artillery", "mortar", "shell", "shelling", "howitzer", "iskander"}), SHELLING),
    (frozenset({"ied", "landmine", "mine", "roadside", "explosive", "bomb", "car", "blast", "explosion"}), IED),
)

# "strike" and "hit" are events only with one of these near them.
WEAPON_WORDS = frozenset().union(*(words for words, _ in INSTRUMENT_HINTS)) - {"car", "air", "gas"}
CONDITIONAL_TRIGGERS = frozenset({"strike", "hit"})

# Victims that make a killing an attack on civilians rather than a battle.
CIVILIAN_WORDS = frozenset({
    "civilian", "civilians", "resident", "residents", "villager", "villagers", "child", "children", "woman",
    "women", "man", "men", "worshipper", "worshippers", "student", "students", "family", "journalist",
    "farmer", "people", "person", "boy", "girl", "protester", "protesters", "teacher", "doctor", "widow",
})
COMBATANT_WORDS = frozenset({
    "soldier", "soldiers", "troops", "fighter", "fighters", "militant", "militants", "rebel", "rebels",
    "insurgent", "insurgents", "servicemen", "officer", "officers", "policeman", "policemen", "gunman",
    "gunmen", "combatants", "militiamen", "member", "members", "army",
})
PROTEST_WORDS = frozenset({"protest", "protester", "protesters", "demonstrator", "demonstrators",
                           "demonstration", "rally", "march", "crowd"})
INTERVENTION_WORDS = frozenset({"detain", "arrest", "disperse", "tear", "teargas", "baton", "water",
                                "cannon", "push", "scuffle"})
NON_STATE_WORDS = frozenset({"rebel", "rebels", "militant", "militants", "insurgent", "insurgents", "militia",
                             "militias", "separatist", "separatists", "fighters", "jihadist", "jihadists",
                             "rsf", "al-shabaab", "isis", "taliban", "gunmen"})


def lexicon_category(lemma: str, is_verb: bool) -> Category | None:
    """The category a word names by itself, or None."""
    table = VERB_TRIGGERS if is_verb else NOUN_TRIGGERS
    return table.get(lemma.lower())


def refine(base: Category, context: frozenset[str]) -> Category:
    """Sharpen a category with the words of its clause (instruments, victims, police)."""
    kind = base.event_type
    if kind in (EXPLOSIONS, VAC) or base in (CLASH,):
        for words, category in INSTRUMENT_HINTS:
            if context & words and (kind == EXPLOSIONS or base is ATTACK or category is not IED):
                if base is CLASH and category is IED:
                    continue
                return category
    if base is ATTACK and context & COMBATANT_WORDS and not context & CIVILIAN_WORDS:
        return CLASH
    if base is ATTACK and context & PROTEST_WORDS:
        return EXCESSIVE_FORCE
    if base is CLASH and context & PROTEST_WORDS:
        return RIOT
    if base is OVERTAKE and not context & NON_STATE_WORDS and context & {"army", "troops", "forces", "government"}:
        return REGAIN
    if kind == PROTESTS and base is PROTEST and context & INTERVENTION_WORDS:
        return PROTEST_INTERVENTION
    return base
