"""Event extraction: ACLED-style events (what, when, where, who, how many) from parsed text.

`extract.py` runs the stages for each trigger and merges mentions of one event
(`merge.py`). What happened: `triggers.py` finds and screens trigger words and
`taxonomy.py` gives their ACLED type. When: `when.py` finds the date phrases tied to a
trigger, `dates.py` resolves them. Who and how many: `actors.py`, `claims.py`,
`casualties.py`. The parse comes from `parsing.py` and `tagging.py`, which parse only
the sentences that hold a trigger; `doc_memo.py` keeps what is read from a doc's
arrays once per doc.

Where: `candidates.py` lists the spans that may name the place, with `name_roles.py`,
`non_places.py` and `place_slots.py` deciding what a proper name stands for where it
stands. `location.py` ties candidates to the trigger through the parse and ranks them,
climbing it by index with `parse_paths.py`; `loose_places.py` says what a name the parse
leaves off the trigger's phrase reads as (a scene, an actor, a person's post).
The rules it calls say which places the wording keeps out of the event's scene:
`scene.py` (other clauses, victims, owners, nesting of places), `senses.py` (senses of
the trigger that report no event at a place), `side_facts.py`, `side_parties.py`,
`other_episodes.py` and `later_moves.py` (places of another fact or episode told beside
the event, such as where people fled to), `report_origin.py` (where a report came from
or a speaker spoke), `attachment_rules.py` (ties the parse leaves loose or wrong);
`scene_fallbacks.py` says which places outside the trigger's phrase still set its scene
(an attack's target, the attack a toll points back to).
Of the places left, `ranking.py`, `nesting.py`, `fronted_frame.py`, `described_places.py`,
`countryside.py`, `measured_from.py`, `offensive_target.py` and `captives.py` help choose
the finest one meant. `sentence_span.py` mends sentences the parser split inside brackets.
"""

from geomap.events.extract import extract_events, extract_for_trigger
from geomap.events.taxonomy import EVENT_TYPES

__all__ = ["EVENT_TYPES", "extract_events", "extract_for_trigger"]
