"""Fixtures of the recognition tests: a tiny gazetteer built from a table written for
the tests, and a blank English pipeline whose "model" entities come from an
EntityRuler, so each rule can be tested without the statistical model."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from geomap.gazetteer import Gazetteer, build_index
from geomap.nlp.build import add_toponym_components

FIXTURE_TABLES = Path(__file__).parent / "fixture_gazetteer"


@pytest.fixture(scope="session")
def small_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    path = build_index(tmp_path_factory.mktemp("gaz") / "small.sqlite", tables_dir=FIXTURE_TABLES, progress=False)
    return Gazetteer.open(path, build_if_missing=False)


@pytest.fixture
def found(small_gazetteer: Gazetteer):
    """found(text, entities) -> (text, kind) of each toponym recognised in ``text`` by
    spacy.blank("en") + the geomap components, with an EntityRuler standing in for the
    model's NER (``entities``: (text, label) pairs)."""

    def run(text: str, entities: list[tuple[str, str]] = ()) -> list[tuple[str, str]]:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        if entities:
            ruler = nlp.add_pipe("entity_ruler")
            ruler.add_patterns([{"label": label, "pattern": name} for name, label in entities])
        add_toponym_components(nlp, small_gazetteer)
        return [(t.text, t.kind) for t in nlp(text)._.geomap_toponyms]

    return run
