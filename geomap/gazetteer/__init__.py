"""The offline gazetteer: every country, region and town a news story names.

``build_index`` builds the SQLite index from the recipe in gazetteer/ (registry
packages plus curated tables); ``Gazetteer`` answers lookups over it; ``fold`` is
the name key both sides compare by.
"""

from geomap.gazetteer.build import build_index
from geomap.gazetteer.entries import NAME_KINDS
from geomap.gazetteer.fold import fold
from geomap.gazetteer.index import Gazetteer

__all__ = ["Gazetteer", "NAME_KINDS", "build_index", "fold"]
