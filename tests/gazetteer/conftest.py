"""Fixtures of the gazetteer tests: a small index built from the fixture tables.

The full index is the suite's session fixture ``full_gazetteer`` (tests/conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geomap.gazetteer import Gazetteer, build_index

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def small_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_index(tmp_path_factory.mktemp("gaz") / "small.sqlite", tables_dir=FIXTURES, progress=False)


@pytest.fixture()
def small_gaz(small_index: Path):
    with Gazetteer.open(small_index, build_if_missing=False) as gaz:
        yield gaz


@pytest.fixture()
def fixture_tables() -> Path:
    return FIXTURES
