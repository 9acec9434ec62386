from __future__ import annotations

from pathlib import Path

import pytest

from geomap.gazetteer import Gazetteer, build_index

FIXTURE_TABLES = Path(__file__).parent.parent / "nlp" / "fixture_gazetteer"


@pytest.fixture(scope="session")
def small_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    path = build_index(tmp_path_factory.mktemp("gaz") / "small.sqlite", tables_dir=FIXTURE_TABLES, progress=False)
    return Gazetteer.open(path, build_if_missing=False)
