"""`geomap extract` through the CLI, on the real gazetteer and model."""

import json

from click.testing import CliRunner

from geomap.cli import main

TEXT = ("Fighters shelled Omdurman on Tuesday, killing at least 17 people. "
        "The army and the RSF will hold talks in Jeddah on Thursday.")


def test_extract_writes_the_contract(tmp_path, full_gazetteer):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a1", "text": TEXT, "published": "2023-09-20"}) + "\n")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["extract", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    (row,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert row["id"] == "a1"
    shelling = next(e for e in row["events"] if e["trigger"]["text"] == "shelled")
    assert shelling["event_type"] == "Explosions/Remote violence"
    assert (shelling["date"], shelling["fatalities"], shelling["location"]) == ("2023-09-19", 17, "Omdurman")
    assert shelling["location_span"] == {"start": TEXT.index("Omdurman"), "end": TEXT.index("Omdurman") + 8}
    assert -90 <= shelling["lat"] <= 90 and set(shelling) >= {"geo_precision", "country_code", "sentence",
                                                               "actor1", "actor2", "injured", "confidence"}


def test_given_trigger_reports_exactly_one_event(tmp_path, full_gazetteer):
    text = "Protesters gathered peacefully in Khartoum on Friday."
    start = text.index("gathered")
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "g", "text": text, "event": {"start": start, "end": start + 8}}) + "\n")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["extract", str(source), "-o", str(out), "--given-trigger"])
    assert result.exit_code == 0, result.output
    (event,) = json.loads(out.read_text())["events"]
    assert event["trigger"]["start"] == start
    assert event["location_span"]["start"] == text.index("Khartoum")


def test_evaluate_event_location_scores_a_small_gold_file(tmp_path, full_gazetteer):
    rows = [
        {"id": "1", "text": "Fighters shelled Omdurman on Tuesday.", "event": {"start": 9, "end": 16},
         "locations": [{"start": 17, "end": 25}]},
        {"id": "2", "text": "Officials said the talks failed.", "event": {"start": 19, "end": 24}, "locations": []},
    ]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = CliRunner().invoke(main, ["evaluate", "event-location", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output[result.output.index("{"):])
    assert metrics["accuracy"] == 1.0 and metrics["nonempty"]["recall"] == 1.0


def test_evaluate_events_scores_fields(tmp_path, full_gazetteer):
    text = "Fighters shelled Khartoum on Tuesday, killing at least 12 people."
    start = text.index("shelled")
    gold_event = {"trigger": {"start": start, "end": start + 7}, "event_type": "Explosions/Remote violence",
                  "sub_event_type": "Shelling/artillery/missile attack", "date": "2023-09-19",
                  "lat": 15.55, "lon": 32.53, "fatalities": 12}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "e1", "text": text, "published": "2023-09-20",
                                "events": [gold_event]}) + "\n")
    result = CliRunner().invoke(main, ["evaluate", "events", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output[result.output.index("{"):])
    assert metrics["events"] == 1
    for field in ("type", "sub_type", "date", "within_161km", "fatalities"):
        assert metrics[f"{field}_accuracy"] == 1.0, field
