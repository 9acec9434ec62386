"""Which spans may name an event's place: names the model mislabels but the wording puts
where a place goes are kept, and names of people, bodies and abbreviations are dropped.

Every sentence is written for the project, with the real spaCy model; each case notes
the model's reading the rule has to work with.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from geomap.events import extract_for_trigger
from geomap.events.candidates import find_candidates
from geomap.records import Document, Place, Span, Toponym


def _candidates(nlp, text: str, toponyms: list[Toponym] | None = None) -> list[str]:
    return [c.span.text for c in find_candidates(nlp(text), toponyms or [])]


def _located(nlp, text: str, trigger: str, toponyms: list[Toponym] | None = None) -> str | None:
    start = text.index(trigger)
    event = extract_for_trigger(nlp(text), toponyms or [], Document(text=text), Span(start, start + len(trigger)))
    return text[event.location_span.start:event.location_span.end] if event.location_span else None


def _toponym(text: str, name: str, population: int | None, kind: str = "city") -> Toponym:
    start = text.index(name)
    place = Place(f"cur:{name.lower()}-test", name, 10.0, 20.0, kind, "XX", population=population)
    return Toponym(start, start + len(name), name, "place", place, 0.9)


# (sentence, a name that must be a candidate)
KEPT = [
    # the model calls "Persiya" a LANGUAGE: after "the town of" it is the town's name
    pytest.param("Shells landed in the town of Persiya overnight.", "Persiya", id="language_label_after_town_of"),
    # the model calls the town a PERSON: what "stormed" acts on is a place
    pytest.param("Troops stormed Velyka Novosilka at dawn on Sunday.", "Velyka Novosilka",
                 id="object_of_stormed_is_a_place"),
    pytest.param("Rebels shelled the eastern perimeter of Horodok overnight.", "Horodok",
                 id="perimeter_of_a_name_is_a_place"),
    # a PERSON to the model, but a name ending in "Town" is a town's own name
    pytest.param("The militia raided Dalori Town before dawn.", "Dalori Town", id="name_ending_in_town"),
    pytest.param("Troops captured the Zorivka Roundabout after a two-day battle.", "Zorivka Roundabout",
                 id="name_ending_in_roundabout"),
    # the model calls "Hlynkai" a NORP: naming the noun "village", it is the village's name
    pytest.param("Raiders killed six people after they invaded Hlynkai village at night.", "Hlynkai",
                 id="people_label_naming_a_village"),
    # a PERSON to the model, but what an assault falls on is ground
    pytest.param("Militants launched a second assault on Bilohirka after failing to take the town at dawn.",
                 "Bilohirka", id="target_of_an_assault_is_a_place"),
    # every word a compound of "hill": the whole run is the name, not its first word
    pytest.param("The fighters seized the Al-Ostrivka Al-Kabira hill after a night of clashes with the army.",
                 "Al-Ostrivka Al-Kabira", id="flat_long_name_kept_whole"),
]

# (sentence, a name that must not be a candidate)
DROPPED = [
    pytest.param("Fighters of the Popular Defence Front (PDF) stormed a checkpoint on Tuesday.", "PDF",
                 id="abbreviation_in_brackets_is_not_a_place"),
    pytest.param("An editor at the Dawn News Agency was killed in the blast.", "the Dawn News Agency",
                 id="news_agency_is_not_a_place"),
    pytest.param("The suspect was charged under Section 302 of the Penal Code.", "the Penal Code",
                 id="section_of_a_code_is_not_a_place"),
    pytest.param("Kurdish fighters were killed among the Arabs of the valley.", "Arabs",
                 id="people_named_after_a_preposition_is_not_a_place"),
    # the model labels the common noun a FAC: no capitalised word, no name to look up
    pytest.param("Shells hit churches and mosques across the old town.", "mosques", id="common_noun_is_no_name"),
    pytest.param("The 212th and 218th divisions shelled the hills.", "212th", id="ordinal_is_no_name"),
    # a GPE to the model, but an adjective describing soldiers
    pytest.param("Danish, Nordic and Czech peacekeepers guarded the corridor.", "Nordic",
                 id="adjective_describing_people_is_not_a_place"),
    pytest.param("Hundreds marched in the neighbouring Hindu village on Sunday.", "Hindu",
                 id="faith_of_a_village_is_not_its_name"),
    # "Front" belongs to the name: "Moslem" inside it is no place before a place word
    pytest.param("Police arrested the editor of the Moslem Revival Front (MRF) weekly.", "Moslem",
                 id="word_inside_a_longer_name_is_not_a_place"),
]


@pytest.mark.parametrize(("text", "name"), KEPT)
def test_name_standing_as_a_place_is_a_candidate(nlp, text: str, name: str) -> None:
    assert name in _candidates(nlp, text)


@pytest.mark.parametrize(("text", "name"), DROPPED)
def test_name_of_no_place_is_not_a_candidate(nlp, text: str, name: str) -> None:
    assert name not in _candidates(nlp, text)


@pytest.mark.parametrize("text", [
    "Militants captured Kowalski in a raid on Tuesday.",
    "Kowalski was captured by militants on Tuesday.",
])
def test_captured_man_is_not_the_village_a_gazetteer_holds_under_his_name(nlp, text: str) -> None:
    toponyms = [_toponym(text, "Kowalski", 450)]
    assert _candidates(nlp, text, toponyms) == []
    assert _located(nlp, text, "captured", toponyms) is None


def test_big_town_captured_stays_a_place_though_the_model_calls_it_a_person(nlp) -> None:
    text = "Rebels captured Kowalski in a raid on Tuesday."
    toponyms = [_toponym(text, "Kowalski", 250_000)]
    assert _candidates(nlp, text, toponyms) == ["Kowalski"]


@pytest.mark.parametrize(("text", "name"), [
    ("Police questioned Gen. Vovchansk about the raid in Kharkiv.", "Vovchansk"),
    ("Protesters chanted slogans against President Nyala in Khartoum.", "Nyala"),
    ("The footage was filmed by photographer Izium in Kharkiv.", "Izium"),
])
def test_name_after_a_title_is_a_person_not_the_place_sharing_it(nlp, text: str, name: str) -> None:
    toponyms = [_toponym(text, name, 120_000)]
    assert name not in _candidates(nlp, text, toponyms)


def test_name_after_a_title_still_names_a_road(nlp) -> None:
    text = "Gunmen opened fire on President Nyala Road in Khartoum."
    assert any(span.endswith("Road") for span in _candidates(nlp, text, []))


def test_man_in_custody_leaves_the_event_at_the_place_named(nlp) -> None:
    text = "Kowalski was captured by police on Friday as he dined at a cafe in Kharkiv."
    toponyms = [_toponym(text, "Kowalski", 900), _toponym(text, "Kharkiv", 1_400_000)]
    assert _located(nlp, text, "captured", toponyms) == "Kharkiv"


def test_stormed_town_the_model_calls_a_person_is_where_the_event_was(nlp) -> None:
    text = "Troops stormed Velyka Novosilka at dawn on Sunday."
    assert _located(nlp, text, "stormed") == "Velyka Novosilka"


def test_slope_of_a_hill_is_where_the_assault_went(nlp) -> None:
    text = "Militants launched two car bombs towards army posts on the southern slope of Tal Warda."
    assert _located(nlp, text, "launched") == "Tal Warda"


def test_name_in_an_entity_the_model_started_at_its_article_is_a_candidate(nlp) -> None:
    # the model's ORG span "the Al-Kamianka" has "the" as its root; the proper noun it
    # holds still names the hill, read by the name's own head word
    words = ["Militants", "seized", "the", "Al", "-", "Kamianka", "hill", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[True, True, True, False, False, True, False, False],
              pos=["NOUN", "VERB", "DET", "PROPN", "PUNCT", "PROPN", "NOUN", "PUNCT"],
              heads=[1, 1, 6, 5, 5, 6, 1, 1],
              deps=["nsubj", "ROOT", "det", "compound", "punct", "compound", "dobj", "punct"],
              ents=["O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"])
    assert [c.span.text for c in find_candidates(doc, [])] == ["Al-Kamianka"]
