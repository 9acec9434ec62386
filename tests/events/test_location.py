"""The event's place is the one attached to its trigger, never the dateline if avoidable."""


def _by_trigger(events):
    return {e.trigger.text: e for e in events}


def test_place_attached_through_preposition(extract):
    (event,) = extract("A roadside bomb exploded in Mogadishu on Monday, the police in Nairobi said.")
    assert event.location_text == "Mogadishu"
    assert event.geo_precision == 1


def test_the_town_of_x_gives_x(extract):
    events = extract("Fighters attacked the town of Nyala in Darfur on Monday.")
    assert _by_trigger(events)["attacked"].location_text == "Nyala"


def test_near_a_town_is_precision_two(extract):
    (event,) = extract("Militants ambushed a convoy near Izium on Monday.")
    assert (event.location_text, event.geo_precision) == ("Izium", 2)


def test_region_is_precision_three(extract):
    (event,) = extract("Fighters shelled villages across Darfur on Monday.")
    assert (event.location_text, event.geo_precision) == ("Darfur", 3)


def test_source_city_is_not_the_event_place(extract):
    events = extract("Officials in Yerevan said troops shelled Stepanakert on Tuesday.")
    assert _by_trigger(events)["shelled"].location_text == "Stepanakert"


def test_dateline_is_never_the_place_when_another_is_named(extract):
    text = "TEHRAN (Iran News) - Troops clashed with fighters on Tuesday. The fighting spread across Darfur."
    events = extract(text, dateline="TEHRAN")
    assert events and all(e.place is None or e.place.name != "Tehran" for e in events)


def test_article_main_place_when_the_sentence_names_none(extract):
    text = "Fighting broke out in Omdurman on Monday. Fighters also looted shops on Tuesday."
    events = _by_trigger(extract(text))
    looted = events["looted"]
    assert looted.place is not None and looted.place.name == "Omdurman"
    assert looted.location_span is None  # the sentence itself did not say where


def test_demonym_names_an_actor_not_a_place(extract):
    (event,) = extract("Azerbaijani troops shelled Stepanakert on Tuesday.")
    assert event.location_text == "Stepanakert"
    assert event.actor1 == "Azerbaijan"
