"""Every bad input named in the issue: a clear reason naming the item, and the run goes on."""

from __future__ import annotations

import json
import random

import pytest
from click.testing import CliRunner
from ingest_fakes import news

from geomap.cli import main
from geomap.readers import Defaults, read_paths

FEED_WITH_BROKEN_ENTRIES = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Good entry</title><description>Gunmen attacked a convoy near Gao on Friday.</description></item>
<item><title>Empty entry</title></item>
<item><title>Link only</title><link>https://wire.example.org/x</link></item>
<item><title>Unclosed <description>Shelling reported in Aleppo."""


def reasons(path, defaults=Defaults()):
    return {i.name: i.error for i in read_paths([path], defaults)}


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n\n")
    assert reasons(tmp_path / "empty.txt") == {str(tmp_path / "empty.txt"): "empty file"}


def test_binary_file(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 40)
    assert "binary" in reasons(path)[str(path)]


def test_undecodable_text_is_skipped_with_the_reason(tmp_path):
    # no NUL byte, yet no encoding makes sense of it
    path = tmp_path / "noise.md"
    path.write_bytes(random.Random(6).randbytes(4096).replace(b"\x00", b"\x01"))
    assert "binary" in reasons(path)[str(path)] or "encoding" in reasons(path)[str(path)]


def test_fifty_megabyte_text_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "dump.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper
    assert "too large" in reasons(path)[str(path)]


def test_fifty_megabyte_json_lines_file_is_streamed(tmp_path):
    path = tmp_path / "big.jsonl"
    line = json.dumps({"text": news(1, words=500)}) + "\n"
    with path.open("w") as handle:
        handle.write(line * (50 * 1024 * 1024 // len(line) + 1))
    assert path.stat().st_size > 50 * 1024 * 1024
    first = next(iter(read_paths([path])))
    assert first.document is not None and first.name == f"{path}:1"


def test_one_article_too_long_for_the_model(tmp_path):
    path = tmp_path / "book.jsonl"
    path.write_text(json.dumps({"text": "word " * 300_000}) + "\n" + json.dumps({"text": news(2)}) + "\n")
    got = reasons(path)
    assert "too long for one article" in got[f"{path}:1"] and got[f"{path}:2"] is None


def test_malformed_json_lines(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([
        json.dumps({"text": news(1)}), '{"text": "unterminated', "[1, 2]", json.dumps({"title": "no text"}),
        json.dumps({"text": news(2), "published": "the day after the flood"}), json.dumps({"text": news(3)}),
    ]))
    got = reasons(path)
    assert got[f"{path}:1"] is None and got[f"{path}:6"] is None
    assert "malformed JSON line" in got[f"{path}:2"]
    assert "must be an object" in got[f"{path}:3"]
    assert "no 'text' field" in got[f"{path}:4"]
    assert "as a date" in got[f"{path}:5"]


def test_json_lines_in_windows_1252_are_decoded(tmp_path):
    path = tmp_path / "old-export.jsonl"
    text = "Des tirs d'artillerie ont touché Gao à l'aube, selon l'armée."
    path.write_bytes(json.dumps({"text": text}, ensure_ascii=False).encode("cp1252") + b"\n")
    (item,) = read_paths([path])
    assert item.document.text == text


def test_malformed_json_array(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('[{"text": "Troops entered Gao."}, {"text": ')
    assert "malformed JSON" in reasons(path)[str(path)]


def test_html_page_with_no_article_text(tmp_path):
    path = tmp_path / "nav.html"
    path.write_text("<html><head><title>Index</title></head><body><nav><a href='/'>Home</a>"
                    "<a href='/world'>World</a></nav><div id='app'></div></body></html>")
    assert reasons(path)[str(path)] == "no article text found in the page"


def test_feed_with_broken_entries_keeps_the_good_ones(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(FEED_WITH_BROKEN_ENTRIES)
    got = reasons(path)
    assert got[f"{path}#1"] is None
    assert "no text and no link" in got[f"{path}#2"]
    assert "a link only" in got[f"{path}#3"]
    assert got[f"{path}#4"] == "the entry has no text and no link"  # cut off mid-entry


def test_xml_that_is_no_feed(tmp_path):
    path = tmp_path / "config.xml"
    path.write_text("<?xml version='1.0'?><settings><colour>blue</colour></settings>")
    assert "not a readable RSS or Atom feed" in reasons(path)[str(path)]


def test_a_folder_with_nothing_to_read(tmp_path):
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "a.jpg").write_bytes(b"\xff\xd8\xff")
    assert "no files geomap reads in this folder" in reasons(tmp_path / "photos")[str(tmp_path / "photos")]


def test_unknown_type_and_missing_file(tmp_path):
    (tmp_path / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    assert "unknown file type '.xlsx'" in reasons(tmp_path / "sheet.xlsx")[str(tmp_path / "sheet.xlsx")]
    assert "cannot read" in reasons(tmp_path / "gone.txt")[str(tmp_path / "gone.txt")]


@pytest.mark.usefixtures("fake_cli")
def test_the_cli_goes_on_names_each_bad_item_and_exits_non_zero(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(news(1))
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "lines.jsonl").write_text(json.dumps({"text": news(2)}) + "\n{oops\n")
    (folder / "nav.html").write_text("<html><body><nav>Home</nav></body></html>")
    (folder / "wire.rss").write_text(FEED_WITH_BROKEN_ENTRIES)
    db = tmp_path / "g.sqlite"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db), "--json", "--quiet"])
    assert result.exit_code == 1, result.output
    summary = json.loads(result.stdout)
    assert summary["ingested"] == 3  # good.txt, lines.jsonl:1, wire.rss#1
    skipped = {s["item"]: s["reason"] for s in summary["skipped"]}
    assert set(skipped) == {str(folder / n) for n in ("empty.txt", "binary.txt", "nav.html")} | {
        f"{folder / 'lines.jsonl'}:2", f"{folder / 'wire.rss'}#2", f"{folder / 'wire.rss'}#3",
        f"{folder / 'wire.rss'}#4"}
    plain = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db)])
    assert plain.exit_code == 1
    assert "ingested 0, unchanged 3, updated 0, skipped 7" in plain.output
    assert f"skipped {folder / 'empty.txt'}: empty file" in plain.output


@pytest.mark.usefixtures("fake_cli")
def test_a_clean_run_exits_zero(tmp_path):
    (tmp_path / "a.txt").write_text(news(1))
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "g.sqlite")])
    assert result.exit_code == 0 and "ingested 1" in result.output
