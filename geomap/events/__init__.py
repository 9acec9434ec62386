"""Event extraction: ACLED-style events (what, when, where, who, how many) from parsed text."""

from geomap.events.extract import extract_events, extract_for_trigger
from geomap.events.taxonomy import EVENT_TYPES

__all__ = ["EVENT_TYPES", "extract_events", "extract_for_trigger"]
