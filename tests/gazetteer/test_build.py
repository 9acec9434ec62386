"""Building the index: atomic replacement and clear errors for unusable indexes."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from geomap.errors import GazetteerError
from geomap.gazetteer import Gazetteer, build_index
from geomap.gazetteer import build as build_module


def _copy_tables(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


def test_build_writes_a_readable_index_and_leaves_no_temp_files(tmp_path: Path, fixture_tables: Path) -> None:
    target = build_index(tmp_path / "g.sqlite", tables_dir=fixture_tables, progress=False)
    assert target == tmp_path / "g.sqlite"
    assert [p.name for p in tmp_path.iterdir()] == ["g.sqlite"]
    with Gazetteer.open(target, build_if_missing=False) as gaz:
        assert gaz.candidates("Baku")[0].country_code == "AZ"


def test_failed_rebuild_leaves_the_old_index_usable(tmp_path: Path, fixture_tables: Path) -> None:
    target = build_index(tmp_path / "g.sqlite", tables_dir=fixture_tables, progress=False)
    before = target.read_bytes()
    broken = _copy_tables(fixture_tables, tmp_path / "broken")
    with (broken / "places_test.tsv").open("a", encoding="utf-8") as handle:
        handle.write("\tAtlantis\tcity\t123.0\t10.0\tGR\t\t\t\t\ttest\n")  # latitude out of range
    with pytest.raises(GazetteerError, match="places_test.tsv line"):
        build_index(target, tables_dir=broken, progress=False)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["g.sqlite"]
    with Gazetteer.open(target, build_if_missing=False) as gaz:
        assert gaz.candidates("Artsakh")[0].id == "cur:nagorno-karabakh"


def test_rebuild_replaces_the_index_while_a_reader_keeps_the_old_one(tmp_path: Path, fixture_tables: Path) -> None:
    target = build_index(tmp_path / "g.sqlite", tables_dir=fixture_tables, progress=False)
    reader = Gazetteer.open(target, build_if_missing=False)
    extended = _copy_tables(fixture_tables, tmp_path / "extended")
    with (extended / "places_test.tsv").open("a", encoding="utf-8") as handle:
        handle.write("\tDonbas\tregion\t48.2\t38.3\tUA\t\t\tDonbass\t\ttest\n")
    build_index(target, tables_dir=extended, progress=False)
    try:
        assert reader.candidates("Baku")  # the open reader still reads its (old) file
        assert reader.candidates("Donbass") == []
    finally:
        reader.close()
    with Gazetteer.open(target, build_if_missing=False) as fresh:
        assert fresh.candidates("Donbass")[0].id == "cur:donbas"


def test_bad_alias_target_is_a_clear_error(tmp_path: Path, fixture_tables: Path) -> None:
    tables = _copy_tables(fixture_tables, tmp_path / "t")
    with (tables / "aliases.tsv").open("a", encoding="utf-8") as handle:
        handle.write("Narnia\tiso:NN\talias\ttest\n")
    with pytest.raises(GazetteerError, match="iso:NN"):
        build_index(tmp_path / "g.sqlite", tables_dir=tables, progress=False)
    assert not (tmp_path / "g.sqlite").exists()


def test_missing_index_without_build_names_the_build_command(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="geomap gazetteer build") as info:
        Gazetteer.open(tmp_path / "absent.sqlite", build_if_missing=False)
    assert "does not exist" in str(info.value)


def test_missing_index_is_built_once_on_first_open(tmp_path: Path, fixture_tables: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_module, "default_tables_dir", lambda: fixture_tables)
    monkeypatch.setenv("GEOMAP_GAZETTEER", str(tmp_path / "auto.sqlite"))
    with Gazetteer.open() as gaz:
        assert gaz.path == tmp_path / "auto.sqlite"
        assert gaz.country("AM").name == "Armenia"
    stamp = (tmp_path / "auto.sqlite").stat().st_mtime_ns
    Gazetteer.open().close()
    assert (tmp_path / "auto.sqlite").stat().st_mtime_ns == stamp


def test_garbage_file_is_reported_as_corrupt(tmp_path: Path) -> None:
    bad = tmp_path / "g.sqlite"
    bad.write_bytes(b"this is not a database, just bytes " * 200)
    with pytest.raises(GazetteerError, match="corrupt.*geomap gazetteer build"):
        Gazetteer.open(bad)


def test_sqlite_file_that_is_no_gazetteer_is_reported(tmp_path: Path) -> None:
    other = tmp_path / "g.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE events (id INTEGER)")
    with pytest.raises(GazetteerError, match="geomap gazetteer build"):
        Gazetteer.open(other, build_if_missing=False)


def test_truncated_index_fails_with_the_build_hint(tmp_path: Path, fixture_tables: Path) -> None:
    target = build_index(tmp_path / "g.sqlite", tables_dir=fixture_tables, progress=False)
    data = target.read_bytes()
    target.write_bytes(data[: len(data) // 3])
    with pytest.raises(GazetteerError, match="geomap gazetteer build"):
        with Gazetteer.open(target, build_if_missing=False) as gaz:
            for name in ("Baku", "Yerevan", "Perth", "Black Sea", "Cordoba"):
                gaz.candidates(name)
            gaz.by_country("AZ")
            gaz.nearest(0.0, 0.0, limit=20)


def test_tables_folder_must_exist(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="does not exist"):
        build_index(tmp_path / "g.sqlite", tables_dir=tmp_path / "nowhere", progress=False)
