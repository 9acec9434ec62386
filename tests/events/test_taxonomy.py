"""Trigger words map to ACLED types and sub-types, refined by the words around them."""

import pytest

from geomap.events.taxonomy import EVENT_TYPES


def _kinds(events):
    return {(e.event_type, e.sub_event_type) for e in events}


def test_codebook_has_six_types_and_twenty_five_sub_types():
    assert len(EVENT_TYPES) == 6
    assert sum(len(subs) for subs in EVENT_TYPES.values()) == 25


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian artillery shelled Kharkiv on Monday.", ("Explosions/Remote violence",
                                                          "Shelling/artillery/missile attack")),
        ("An airstrike hit a market in Nyala on Monday.", ("Explosions/Remote violence", "Air/drone strike")),
        ("Army troops and RSF fighters clashed in Omdurman on Monday.", ("Battles", "Armed clash")),
        ("Police arrested a local journalist in Khartoum on Monday.", ("Strategic developments", "Arrests")),
        ("The two sides agreed to a ceasefire in Darfur on Monday.", ("Strategic developments", "Agreement")),
        ("Ukrainian forces recaptured Izium on Monday.", ("Battles", "Government regains territory")),
        ("A roadside bomb exploded in Mogadishu on Monday.", ("Explosions/Remote violence",
                                                              "Remote explosive/landmine/IED")),
        ("Hundreds of students protested peacefully in Nairobi on Monday.", ("Protests", "Peaceful protest")),
    ],
)
def test_trigger_classification(extract, text, expected):
    assert expected in _kinds(extract(text))


def test_protest_broken_up_by_police_is_protest_with_intervention(extract):
    events = extract("Hundreds of people protested in Khartoum on Monday before police detained dozens of them.")
    assert ("Protests", "Protest with intervention") in _kinds(events)


def test_labour_strike_is_not_a_missile_strike(extract):
    events = extract("Teachers in Nairobi will continue their strike over pay on Monday.")
    assert not any(e.event_type == "Explosions/Remote violence" for e in events)


def test_missile_strike_is_shelling(extract):
    events = extract("A missile strike on Kharkiv killed three people on Monday.")
    assert ("Explosions/Remote violence", "Shelling/artillery/missile attack") in _kinds(events)
