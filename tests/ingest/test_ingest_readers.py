"""Each reader: what it makes of an input, on real files written by the tests."""

from __future__ import annotations

import io
import json
from datetime import date

from geomap.readers import Defaults, read_paths

HTML = """<!DOCTYPE html><html><head><title>Shelling hits Kharkiv | Example Wire</title>
<meta property="og:title" content="Shelling hits Kharkiv">
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2024-03-05T08:30:00Z">
<link rel="canonical" href="https://wire.example.org/world/kharkiv-shelling"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Shelling hits Kharkiv</h1>
<p>KYIV - Russian artillery shelled residential districts of Kharkiv on Tuesday, killing three
people and injuring eleven, the regional governor said.</p>
<p>Emergency crews worked through the night to clear rubble from two apartment blocks in the
north of the city, officials said. The attack followed a week of drone strikes on the region.</p>
</article><footer>Copyright Example Wire. Cookie settings.</footer></body></html>"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Sahel Monitor</title><link>https://sahel.example.org/</link>
<description>test feed</description>
<item><title>Clashes near Gao</title><link>https://sahel.example.org/gao-clashes</link>
<pubDate>Mon, 13 May 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Armed men clashed with soldiers near Gao on Sunday.&lt;/p&gt;&lt;p&gt;Four soldiers died.&lt;/p&gt;</description></item>
<item><title>Market reopens in Goma</title><link>https://sahel.example.org/goma-market</link>
<pubDate>Tue, 14 May 2024 09:00:00 GMT</pubDate>
<description>Traders returned to the central market in Goma after a week of calm.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Levant Desk</title><id>urn:levant</id>
<updated>2024-02-02T00:00:00Z</updated>
<entry><title>Aleppo shelled</title><id>urn:1</id><link href="https://levant.example.org/a1"/>
<updated>2024-02-01T12:00:00Z</updated>
<content type="html">&lt;p&gt;Government forces shelled eastern Aleppo on Thursday, residents said.&lt;/p&gt;</content>
</entry></feed>"""


def docs(items):
    return [i.document for i in items if i.document is not None]


def test_text_and_markdown_files_and_folders_recursively(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Flooding in Goma\n\nRivers burst their banks in Goma on Friday.")
    (tmp_path / "a" / "b").mkdir()
    (tmp_path / "a" / "b" / "two.md").write_text("# Protest in Kharkiv\n\nHundreds marched in Kharkiv.")
    (tmp_path / "a" / "notes.csv").write_text("ignored,because,folders only yield known types")
    items = list(read_paths([tmp_path / "a"], Defaults(published=date(2024, 1, 2), source="desk")))
    assert [i.error for i in items] == [None, None]
    titles = {d.title: d for d in docs(items)}
    assert set(titles) == {"Protest in Kharkiv", "Flooding in Goma"}
    assert all(d.published == date(2024, 1, 2) and d.source == "desk" for d in titles.values())


def test_jsonl_and_json_array_with_their_fields(tmp_path):
    records = [
        {"text": "Clashes in Gao left two dead.", "title": "Gao clashes", "url": "https://x.example/1",
         "published": "2024-05-12", "source": "Wire A"},
        {"text": "Shelling in Aleppo overnight.", "published": "12 May 2024"},
    ]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n\n")
    (tmp_path / "b.json").write_text(json.dumps(records))
    for name in ("a.jsonl", "b.json"):
        got = docs(read_paths([tmp_path / name], Defaults(source="fallback")))
        assert [d.title for d in got] == ["Gao clashes", ""]
        assert got[0].url == "https://x.example/1" and got[0].source == "Wire A"
        assert got[1].source == "fallback" and got[1].published == date(2024, 5, 12)


def test_json_field_mapping_reaches_nested_fields(tmp_path):
    record = {"body": "Drone strike reported near Goma.", "headline": "Strike near Goma",
              "meta": {"date": "2024-06-01", "link": "https://x.example/goma"}}
    (tmp_path / "c.jsonl").write_text(json.dumps(record))
    fields = {"text": "body", "title": "headline", "published": "meta.date", "url": "meta.link"}
    (doc,) = docs(read_paths([tmp_path / "c.jsonl"], Defaults(fields=fields)))
    assert (doc.title, doc.published, doc.url) == ("Strike near Goma", date(2024, 6, 1), "https://x.example/goma")


def test_html_main_text_and_page_metadata(tmp_path):
    (tmp_path / "page.html").write_text(HTML)
    (doc,) = docs(read_paths([tmp_path / "page.html"]))
    assert doc.title == "Shelling hits Kharkiv"
    assert doc.published == date(2024, 3, 5)
    assert doc.url == "https://wire.example.org/world/kharkiv-shelling"
    assert doc.source == "Example Wire"
    assert doc.text.startswith("KYIV - Russian artillery shelled")
    assert "Cookie" not in doc.text and "Home" not in doc.text  # boilerplate is gone


def test_rss_feed_entries(tmp_path):
    (tmp_path / "sahel.rss").write_text(RSS)
    items = list(read_paths([tmp_path / "sahel.rss"]))
    assert [i.name for i in items] == [f"{tmp_path / 'sahel.rss'}#1", f"{tmp_path / 'sahel.rss'}#2"]
    first, second = docs(items)
    assert first.title == "Clashes near Gao" and first.published == date(2024, 5, 13)
    assert first.text == "Armed men clashed with soldiers near Gao on Sunday.\n\nFour soldiers died."
    assert first.url == "https://sahel.example.org/gao-clashes" and first.source == "Sahel Monitor"
    assert second.text.startswith("Traders returned")


def test_atom_feed_as_xml_file(tmp_path):
    (tmp_path / "levant.xml").write_text(ATOM)
    (doc,) = docs(read_paths([tmp_path / "levant.xml"]))
    assert doc.title == "Aleppo shelled" and doc.published == date(2024, 2, 1)
    assert doc.text == "Government forces shelled eastern Aleppo on Thursday, residents said."


def test_stdin_is_sniffed(monkeypatch):
    for payload, expected in (
        (b"Curfew imposed in Goma after riots.\n", "Curfew imposed in Goma after riots."),
        (json.dumps({"text": "Troops entered Gao."}).encode(), "Troops entered Gao."),
        (RSS.encode(), "Armed men clashed"),
        (HTML.encode(), "KYIV - Russian artillery"),
    ):
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(payload)))
        got = docs(read_paths(["-"]))
        assert got and got[0].text.startswith(expected), payload[:30]


def test_latin1_text_is_decoded(tmp_path):
    text = "Les forces armées ont bombardé Gao, où trois civils ont été tués à l'aube."
    (tmp_path / "fr.txt").write_bytes(text.encode("latin-1"))
    (doc,) = docs(read_paths([tmp_path / "fr.txt"]))
    assert doc.text == text


def test_utf16_with_bom_is_decoded(tmp_path):
    text = "Рятувальники працюють у Харкові після обстрілу."
    (tmp_path / "uk.txt").write_bytes(text.encode("utf-16"))
    (doc,) = docs(read_paths([tmp_path / "uk.txt"]))
    assert doc.text == text
