"""Mentions of one event merge, keeping every source sentence."""

from datetime import date


def test_attack_and_its_toll_merge(extract):
    text = ("Troops attacked rebel positions in Darfur on Tuesday. "
            "At least 20 people were killed and 50 injured in the fighting on Tuesday.")
    events = [e for e in extract(text) if e.event_type in ("Battles", "Explosions/Remote violence",
                                                            "Violence against civilians")]
    assert len(events) == 1
    event = events[0]
    assert (event.fatalities, event.injured, event.date) == (20, 50, date(2023, 9, 19))
    assert len(event.sentences) == 2
    assert event.location_text == "Darfur"


def test_events_on_different_days_stay_apart(extract):
    text = "Fighters shelled Omdurman on Monday. Fighters shelled Omdurman again on Tuesday."
    assert len(extract(text)) == 2


def test_events_in_different_places_stay_apart(extract):
    text = "Fighters shelled Omdurman on Monday. Fighters shelled Nyala on Monday."
    assert {e.location_text for e in extract(text)} == {"Omdurman", "Nyala"}


def test_ceasefire_mentions_merge(extract):
    text = ("The two sides agreed to a ceasefire in Darfur on Wednesday. "
            "Under the truce, fighters will hand over heavy weapons.")
    agreements = [e for e in extract(text) if e.sub_event_type == "Agreement"]
    assert len(agreements) == 1 and len(agreements[0].sentences) == 2
