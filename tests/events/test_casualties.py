"""Fatalities and injuries as ACLED counts them."""

import pytest

from geomap.events.casualties import count_casualties


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In two days of fighting at least 32 residents were killed and more than 200 injured.", (32, 200)),
        ("At least 14 people, including three children, were killed on Monday.", (14, None)),
        ("The rockets struck a minibus, killing 6 passengers and wounding about 15.", (6, 15)),
        ("Dozens of villagers were killed and hundreds hurt, medics said.", (12, 100)),
        ("Several soldiers were wounded in the ambush.", (None, 3)),
        ("Twelve villagers died in the attack.", (12, None)),
        ("The death toll rose to 45 on Sunday.", (45, None)),
        ("The blast caused casualties, the governor said.", (None, None)),
        ("Three hours later a man was killed.", (None, None)),
        ("The army said it destroyed dozens of tanks.", (None, None)),
        ("A drone strike killed 1,200 fighters, the ministry claimed.", (1200, None)),
        ("The shelling killed at least 32 civilians and injured more than 200.", (32, 200)),
        ("Gunmen killed five villagers and wounded 12 others.", (5, 12)),
    ],
)
def test_fatality_wordings(text, expected):
    assert count_casualties(text) == expected


def test_casualties_are_only_counted_for_violent_events(extract):
    events = extract("The two sides agreed to a ceasefire in Darfur on Monday after 40 people were killed.")
    agreement = [e for e in events if e.sub_event_type == "Agreement"]
    assert agreement and agreement[0].fatalities is None


@pytest.mark.parametrize("text", [
    "Shelling killed 7 people and wounded 12 in Kharkiv.",
    "Nobody was hurt when the depot burned.",
    "Several hundred people were wounded, doctors said.",
    "Officials said the toll had reached 19 by the evening.",
    "The ſeveral dead were buried in Izium.",  # the long s: re.I reads it as "s", a substring test does not
    "Troops massacred SCORES OF villagers, a witness said.",
])
def test_word_hints_give_the_regex_hints_answer(text):
    from geomap.events import casualties

    lower = text.lower() if text.isascii() else None
    # the quick path (plain words on ASCII text) and the regex hints agree
    assert count_casualties(text) == (casualties._first(text, casualties._DEATH_PATTERNS, casualties._INJURY),
                                      casualties._first(text, casualties._INJURY_PATTERNS, casualties._DEATH))
    assert lower is None or count_casualties(text) == (
        casualties._first(text, casualties._DEATH_PATTERNS, casualties._INJURY, lower),
        casualties._first(text, casualties._INJURY_PATTERNS, casualties._DEATH, lower))
