"""Places that say where a speaker stood, whom a deed is blamed on, or where people fled
are not the place of the event the sentence tells; a road's two ends, a launch site and
the object of "what X said were" are."""

from __future__ import annotations

import pytest

# (sentence, trigger word, expected place or None)
CASES = [
    # a fronted or set-off participle of speaking: where the speaker was
    ("Speaking in Khartoum, the envoy urged both armies to honour the truce.", "truce", None),
    ("Addressing lawmakers in Baku, the defence minister said 40 fighters had been captured.", "captured", None),
    ("The exiled general, speaking from Nairobi, called for a general strike.", "strike", None),
    ("Speaking at a funeral in Izium, the mayor said the war would not break the town.", "war", None),
    # ... but a speech that times the event is where it happened
    ("The mayor was shot while addressing a rally in Izium.", "shot", "Izium"),
    ("In Izium, officials said two men were shot.", "shot", "Izium"),
    # a speaker named by his nation speaks from the seat of government
    ("Sudanese officials in Khartoum said gunmen had killed six traders.", "killed", None),
    # ... a local witness still places what he saw
    ("A police officer in Nyala said the explosion killed four traders.", "killed", "Nyala"),
    # a party blamed or accused is an actor
    ("Baku blamed Armenia for the shelling, a charge Yerevan rejected.", "shelling", None),
    ("Officials accused Sudan of arming the gunmen who raided the market.", "raided", None),
    # where people fled to or arrived after the event
    ("Villagers fled to Nyala after gunmen torched their homes.", "torched", None),
    ("Families who escaped the shelling arrived in Kharkiv on Monday.", "shelling", None),
    ("Hundreds of civilians crossed into Sudan after the clashes spread.", "clashes", None),
    # ... but not the flight itself, a purpose at the goal, or a move leading into the event
    ("Hundreds of villagers fled to Nyala on Monday.", "fled", "Nyala"),
    ("The general arrived in Kharkiv to oversee the assault.", "oversee", "Kharkiv"),
    ("Fighters crossed into Izium and attacked a checkpoint.", "attacked", "Izium"),
    # where a participant had been before the event, set apart by "later" or its own place
    ("Protesters who had marched through Omdurman were later detained at their homes, lawyers said.",
     "detained", None),
    ("Gunmen who hid in Omdurman attacked a police post.", "attacked", "Omdurman"),
    # a road named by its two ends places the event on it
    ("A mine hit an army truck on the road between Kharkiv and Izium, killing three soldiers.", "hit", "Kharkiv"),
    ("Heavy clashes between Armenia and Azerbaijan killed 20 soldiers.", "clashes", None),
    # where a weapon was fired from
    ("Rebels fired mortars from northern Darfur late on Monday, the army said.", "fired", "Darfur"),
    ("The convoy came from Nyala.", "came", None),
    # the object of "what X said were N" keeps its place
    ("Jets bombed what the ministry said were rebel arms stores in Darfur.", "bombed", "Darfur"),
]


@pytest.mark.parametrize("text,word,expected", CASES)
def test_place_of_the_event(given_place, text: str, word: str, expected: str | None) -> None:
    assert given_place(text, word) == expected
