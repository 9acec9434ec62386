"""Geoparser (recognise + resolve) and the geoparse / evaluate commands."""

from __future__ import annotations

import json

import pytest
import spacy
from click.testing import CliRunner

from geomap.cli import main
from geomap.errors import ModelNotFoundError, ValidationError
from geomap.geoparse import Geoparser
from geomap.nlp.build import add_toponym_components
from geomap.nlp.model import load_model
from geomap.records import Span

ARTICLE = ("TEHRAN (Iran News) - Iranian envoys flew to Yerevan on Monday. Talks on Stepanakert "
           "and the road to Paris, Texas were not on the agenda.")


@pytest.fixture
def geoparser(small_gazetteer) -> Geoparser:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "GPE", "pattern": "Yerevan"},
                                               {"label": "GPE", "pattern": "Texas"}])
    return Geoparser(small_gazetteer, nlp=add_toponym_components(nlp, small_gazetteer))


def test_parse_finds_and_resolves(geoparser):
    got = [(t.text, t.kind, t.place.id if t.place else None) for t in geoparser.parse(ARTICLE)]
    assert got == [("TEHRAN", "dateline", "t:tehran"), ("Iranian", "demonym", "t:ir"),
                   ("Yerevan", "place", "t:yerevan"), ("Stepanakert", "place", "t:stepanakert"),
                   ("Paris", "place", "t:paris-tx"), ("Texas", "place", "t:tx")]


def test_parse_many_keeps_order(geoparser):
    texts = ["Flights left Yerevan.", "Nothing happened.", "Rain fell on Paris, Texas."]
    got = [[t.text for t in tops] for tops in geoparser.parse_many(texts, batch_size=2)]
    assert got == [["Yerevan"], [], ["Paris", "Texas"]]


def test_resolve_spans_uses_exactly_the_given_spans(geoparser):
    text = "Rain fell on Paris, Texas and on Armenia."
    result = geoparser.resolve_spans(text, [Span(13, 18), (20, 25), (33, 40)])
    assert [(t.text, t.place.id) for t in result] == [("Paris", "t:paris-tx"), ("Texas", "t:tx"), ("Armenia", "t:am")]
    with pytest.raises(ValidationError):
        geoparser.resolve_spans(text, [(30, 99)])


def test_missing_model_is_a_clear_error():
    with pytest.raises(ModelNotFoundError, match="GEOMAP_SPACY_MODEL"):
        load_model("en_no_such_model_xx")


def test_geoparse_command_end_to_end_and_spans(small_gazetteer, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a1", "text": "Officials in Tbilisi said Georgia would not join."}) + "\n"
                   + json.dumps({"id": "a2", "text": "Rain fell on Paris, Texas.",
                                 "toponyms": [{"start": 13, "end": 18, "lat": 0.0, "lon": 0.0},
                                              {"start": 20, "end": 25}]}) + "\n")
    runner = CliRunner()
    out = tmp_path / "out.jsonl"
    result = runner.invoke(main, ["geoparse", str(src), "-o", str(out), "--gazetteer", str(small_gazetteer.path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["a1", "a2"]
    first = {t["text"]: t for t in rows[0]["toponyms"]}
    assert first["Georgia"]["country_code"] == "GE" and first["Tbilisi"]["name"] == "Tbilisi"
    assert set(first["Georgia"]) >= {"start", "end", "text", "lat", "lon", "geonameid", "name", "kind",
                                     "country_code", "score"}
    result = runner.invoke(main, ["geoparse", str(src), "-o", str(out), "--spans",
                                  "--gazetteer", str(small_gazetteer.path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows[0]["toponyms"] == []
    assert rows[1]["toponyms"][0]["text"] == "Paris" and rows[1]["toponyms"][0]["lat"] == pytest.approx(33.66094)


def test_geoparse_command_rejects_bad_lines(small_gazetteer, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 1}\n')
    result = CliRunner().invoke(main, ["geoparse", str(src), "--gazetteer", str(small_gazetteer.path)])
    assert result.exit_code != 0 and "text" in result.output


def test_evaluate_geoparse_scores_a_gold_file(small_gazetteer, tmp_path):
    text = "Officials in Tbilisi said Georgia would not join. Crews reached Corbin."
    gold = {"id": "g1", "text": text, "toponyms": [
        {"start": 13, "end": 20, "name": "Tbilisi", "lat": 41.69, "lon": 44.83},
        {"start": 26, "end": 33, "name": "Georgia", "lat": 42.0, "lon": 43.5},
        {"start": 64, "end": 70, "name": "Corbin", "lat": 10.0, "lon": 10.0}],
        "toponyms_unresolved": [{"start": 0, "end": 9, "name": "Officials"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n")
    result = CliRunner().invoke(main, ["evaluate", "geoparse", str(path), "--spans", "--json", "--causes",
                                       "--gazetteer", str(small_gazetteer.path)])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output[result.output.index("{"):])
    assert metrics["acc@161"] == pytest.approx(2 / 3, abs=1e-3)
    assert metrics["gold_with_coordinates"] == 3
    # the gold puts Corbin far from any Corbin the gazetteer knows
    assert metrics["errors_by_cause"]["no right candidate in the gazetteer"] == 1


def test_evaluate_end_to_end_scores_recognition(geoparser):
    from geomap.evaluate_geoparse import GoldDoc, GoldToponym, evaluate

    text = "Flights left Yerevan for Paris, Texas on Monday."
    gold = GoldDoc("g", text, (GoldToponym(13, 20, "Yerevan", 40.18, 44.51), GoldToponym(25, 30, "Paris", 33.66, -95.56),
                               GoldToponym(32, 37, "Texas", 31.25, -99.25), GoldToponym(41, 47, "Monday")))
    metrics, _ = evaluate(geoparser, [gold])
    assert metrics["recognition_strict"] == {"precision": 1.0, "recall": 0.75, "f1": pytest.approx(0.8571, abs=1e-4)}
    assert metrics["acc@161"] == 1.0
