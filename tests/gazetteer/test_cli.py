"""`geomap gazetteer build` and `geomap gazetteer lookup`."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from geomap.cli import main


def test_build_then_lookup_prints_a_table(tmp_path: Path, fixture_tables: Path) -> None:
    runner = CliRunner()
    index = tmp_path / "g.sqlite"
    built = runner.invoke(main, ["gazetteer", "build", "--path", str(index), "--tables", str(fixture_tables)])
    assert built.exit_code == 0, built.output
    assert "17 places" in built.output and index.exists()

    again = runner.invoke(main, ["gazetteer", "build", "--path", str(index)])
    assert again.exit_code == 0 and "--force" in again.output

    found = runner.invoke(main, ["gazetteer", "lookup", "Armenia", "--path", str(index)])
    assert found.exit_code == 0, found.output
    lines = found.output.splitlines()
    assert lines[0].split()[:3] == ["id", "name", "kind"]
    assert lines[2].split()[:3] == ["gn:174982", "Armenia", "country"]
    assert lines[3].split()[:3] == ["gn:3689560", "Armenia", "city"]


def test_lookup_of_unknown_name_and_missing_index_fail_cleanly(tmp_path: Path, small_index: Path) -> None:
    runner = CliRunner()
    unknown = runner.invoke(main, ["gazetteer", "lookup", "Atlantis", "--path", str(small_index)])
    assert unknown.exit_code == 1 and "no place named" in unknown.output
    fuzzy = runner.invoke(main, ["gazetteer", "lookup", "Stepanakertt", "--fuzzy", "--path", str(small_index)])
    assert fuzzy.exit_code == 0 and "Khankendi" in fuzzy.output and "fuzzy" in fuzzy.output
    corrupt = tmp_path / "bad.sqlite"
    corrupt.write_bytes(b"\0garbage" * 100)
    broken = runner.invoke(main, ["gazetteer", "lookup", "Baku", "--path", str(corrupt)])
    assert broken.exit_code == 1 and "geomap gazetteer build" in broken.output
