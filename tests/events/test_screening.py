"""Negated, modal, conditional and hedged clauses are not events."""

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "The escalation could have led to another deadly conflict in Nagorno-Karabakh.",
        "Armenia has not intervened militarily in Nagorno-Karabakh.",
        "Officials warned of the threat of a new war in Darfur.",
        "If talks fail, the army might attack Omdurman next month.",
        "The declaration does not amount to a ceasefire in Khartoum.",
        "Both sides promised to refrain from attacks on Omdurman.",
        "No clashes were reported in Kharkiv on Monday.",
    ],
)
def test_unasserted_clause_gives_no_event(extract, text):
    assert extract(text) == []


def test_asserted_clause_next_to_a_hedged_one_is_kept(extract):
    events = extract("Fighters shelled Omdurman on Monday, which could have led to a wider war.")
    assert [e.trigger.text for e in events] == ["shelled"]


def test_planned_talks_are_kept(extract):
    events = extract("The two sides will hold talks in Yevlakh on Thursday.")
    assert [(e.sub_event_type, e.trigger.text) for e in events] == [("Agreement", "talks")]
