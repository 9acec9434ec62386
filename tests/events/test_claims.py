"""Reported claims keep who made them (issue 5, item 1)."""

import pytest


def _by_trigger(events):
    return {e.trigger.text: e for e in events}


@pytest.mark.parametrize("text, trigger, who", [
    ("Troops shelled Stepanakert on Tuesday, the Armenian defence ministry said.", "shelled",
     "Armenian defence ministry"),
    ("According to local officials, gunmen attacked a market in Mogadishu on Monday.", "attacked", "local officials"),
    ("Rebels attacked a convoy near Izium on Monday, said a spokesman for the regional governor.", "attacked",
     "spokesman for the regional governor"),
    ("The army said its forces killed 12 militants near Nyala on Sunday.", "killed", "army"),
])
def test_the_claimant_is_kept(extract, text, trigger, who):
    event = _by_trigger(extract(text))[trigger]
    assert event.claimed_by == who


def test_a_plain_statement_has_no_claimant(extract):
    (event,) = extract("Police arrested 40 protesters in Khartoum on Monday.")
    assert event.claimed_by is None


def test_a_pronoun_names_nobody(extract):
    events = _by_trigger(extract("He said militants had shelled Donetsk on Monday."))
    assert events["shelled"].claimed_by is None


def test_claimant_reaches_the_geojson_properties(extract):
    from geomap.geojson import event_feature

    event = _by_trigger(extract("Militants ambushed a convoy near Izium on Monday, police said."))["ambushed"]
    assert event_feature(event)["properties"]["claimed_by"] == "police"
