"""geomap: place names and events from news text, on an offline map."""

__version__ = "0.1.0"
