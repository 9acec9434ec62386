"""The map builder: offline assets, escaping, aggregation, per-map asset lists."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import folium

from geomap import config
from geomap.mapview import (
    MapOptions, build_map, circle_radius, choose_period, event_groups, highlighted_sentence, render_parts,
)
from geomap.mapview_elements import VENDORED_CSS, VENDORED_JS, script_json
from web_factory import hostile_article, sample_articles

STATIC = config.resource_dir("static")


def all_events():
    return [e for d in sample_articles() + [hostile_article()] for e in d.events]


def rendered(events=None, mentions=()) -> str:
    m = build_map(all_events() if events is None else events, mentions)
    return m.get_root().render()


def test_every_asset_is_local_and_vendored():
    page = rendered()
    urls = re.findall(r"""<(?:script[^>]*\ssrc|link[^>]*\shref)=["']([^"']+)["']""", page)
    assert urls, "no assets linked at all"
    for url in urls:
        assert url.startswith("/static/vendor/"), url
        assert (STATIC / url.removeprefix("/static/")).is_file(), url
    # the only remote address is the optional OSM tile layer (not loaded unless switched on)
    remote = set(re.findall(r"https?://[^\s\"'\\)]+", page))
    assert {u.split("/")[2] for u in remote} <= {"tile.openstreetmap.org", "www.openstreetmap.org"}


def test_vendored_files_are_in_the_manifest_with_licenses():
    manifest = json.loads((STATIC / "vendor" / "MANIFEST.json").read_text())
    listed = {f for entry in manifest for f in entry["files"]}
    for rel in list(VENDORED_JS.values()) + list(VENDORED_CSS.values()):
        if rel:
            assert rel in listed
            assert (STATIC / "vendor" / rel).is_file()
    for entry in manifest:
        assert entry["license"] and entry["version"]
        assert any(re.search(r"LICEN[CS]E", f) for f in entry["files"]), entry["package"]
    basemap = STATIC / "basemap" / "countries-110m.geojson"
    assert basemap.stat().st_size < 2_000_000
    assert len(json.loads(basemap.read_text())["features"]) > 150


def test_timedimension_css_has_no_remote_font():
    css = (STATIC / "vendor" / VENDORED_CSS["leaflet.timedimension_css"]).read_text()
    assert "bootstrapcdn" not in css and "glyphicons-halflings-regular.woff2" in css


def test_building_a_map_leaves_folium_class_lists_alone():
    before = list(folium.Map.default_js)
    build_map(all_events()).get_root().render()
    assert folium.Map.default_js == before
    plain = folium.Map(tiles=None).get_root().render()
    assert "/static/vendor/" not in plain  # another map in the process keeps folium's own links


def test_article_text_cannot_break_out_of_the_script():
    page = rendered()
    assert "<script>window.__pwned" not in page
    assert "</script><img" not in page
    assert "1337" not in page  # "{{ 7*191 }}" in the article is not a template
    assert "{{ 7*191 }}" not in page and "{%" not in page
    scripts = re.findall(r"<script[^>]*>(.*?)</script>", page, flags=re.S)
    assert not any("<img" in s for s in scripts)


def test_max_zoom_set_without_tiles_and_mentions_cluster_renders():
    from web_factory import sample_articles as docs

    mentions = [(d.document.id, t) for d in docs() for t in d.toponyms]
    m = build_map(all_events(), mentions)
    assert m.options["max_zoom"] == 18
    page = m.get_root().render()
    assert "markerClusterGroup" in page and "heatLayer" in page


def test_popup_escapes_and_highlights_trigger():
    event = hostile_article().events[0]
    html = highlighted_sentence(event)
    assert "<mark>attacked</mark>" in html
    assert "&lt;/script&gt;&lt;img" in html and "<img" not in html


def test_events_at_one_place_and_day_share_a_circle():
    event = sample_articles()[0].events[0]
    twins = [event, replace(event, id="other", fatalities=10)]
    groups = event_groups(twins)
    assert len(groups) == 1 and len(groups[0]) == 2


def test_helpers():
    assert circle_radius(0) < circle_radius(10) < circle_radius(10_000) <= 26
    from datetime import date

    assert choose_period(date(2023, 1, 1), date(2023, 2, 1)) == "P1D"
    assert choose_period(date(2020, 1, 1), date(2023, 2, 1)) == "P1M"
    assert script_json({"a": "</script>&\u2028"}) == '{"a":"\\u003c/script\\u003e\\u0026\\u2028"}'


def test_empty_map_still_renders():
    parts = render_parts(build_map([], options=MapOptions(osm_tiles=False)))
    assert "L.map(" in parts.script and "openstreetmap" not in parts.script
