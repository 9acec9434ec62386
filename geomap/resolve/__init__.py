"""Toponym resolution: from names found in a text to places, offline or through geopy."""
