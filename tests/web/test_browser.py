"""The map in a real headless Chromium with no network: it renders, the slider works."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# circles are drawn on a canvas (prefer_canvas), so count the Leaflet layers on the map
VISIBLE_CIRCLES = """() => { let n = 0; for (const m of Object.values(window)) {
       if (m instanceof L.Map && m.timeDimension) {
         m.eachLayer(l => { if (l instanceof L.CircleMarker) n++; });
       } } return n; }"""


def visible_circles(page) -> int:
    return page.evaluate(VISIBLE_CIRCLES)


def load_map(page, url: str) -> None:
    page.goto(url + "/", wait_until="load")
    page.wait_for_selector(".leaflet-container")
    page.wait_for_selector(".timecontrol-date")
    page.wait_for_function(f"() => ({VISIBLE_CIRCLES})() > 0")
    # fitBounds may still be animating; clicks need the final pixel positions
    page.wait_for_function("() => !document.querySelector('.leaflet-zoom-anim')")
    page.wait_for_timeout(300)


def test_map_renders_offline_with_a_time_control(page, live_server):
    load_map(page, live_server.url)
    assert page.locator(".leaflet-container").count() == 1
    assert page.locator(".leaflet-control-timecontrol").count() > 0
    assert page.locator(".geomap-legend").inner_text().startswith("Event type")
    page.wait_for_timeout(500)
    page.screenshot(path="/tmp/geomap-map.png")
    assert page.guard.errors == []


def test_stepping_the_slider_changes_the_visible_markers(page, live_server):
    load_map(page, live_server.url)
    at_end = visible_circles(page)
    assert at_end >= 4
    shown = page.locator(".timecontrol-date").inner_text()
    page.locator(".timecontrol-backward").click()
    page.wait_for_function(f"() => document.querySelector('.timecontrol-date').innerText !== {shown!r}")
    for _ in range(15):
        page.locator(".timecontrol-backward").click()
    page.wait_for_timeout(400)
    earlier = visible_circles(page)
    assert earlier < at_end
    for _ in range(10):
        page.locator(".timecontrol-forward").click()
    page.wait_for_timeout(400)
    assert visible_circles(page) > earlier


def click_circle(page, event_type: str) -> None:
    """Click the centre of the circle of one event type (canvas: no DOM node to click)."""
    point = page.evaluate(
        """(type) => { for (const m of Object.values(window)) {
               if (m instanceof L.Map && m.timeDimension) {
                 let found = null;
                 m.eachLayer(l => { if (l instanceof L.CircleMarker && l.feature &&
                                        l.feature.properties.event_type === type) found = l; });
                 if (!found) return null;
                 const p = m.latLngToContainerPoint(found.getLatLng());
                 const r = m.getContainer().getBoundingClientRect();
                 return [r.left + p.x, r.top + p.y];
               } } return null; }""",
        event_type,
    )
    assert point, f"no visible circle of type {event_type}"
    page.mouse.click(*point)


def test_a_filter_narrows_the_markers(page, live_server):
    load_map(page, live_server.url)
    before = visible_circles(page)
    page.locator("input[name=type][value='Battles']").check()
    page.locator("#gm-apply").click()
    page.wait_for_url(live_server.url + "/?type=Battles")  # empty fields left out of the URL
    page.wait_for_function(f"() => ({VISIBLE_CIRCLES})() > 0")
    assert visible_circles(page) == 1 < before
    assert page.locator("input[name=type][value='Battles']").is_checked()


def test_popup_link_leads_to_the_document_view(page, live_server):
    load_map(page, live_server.url)
    click_circle(page, "Battles")
    link = page.locator(".leaflet-popup-content a.gm-doc-link")
    link.wait_for()
    assert "Armed clash" in page.locator(".leaflet-popup-content").inner_text()
    assert page.locator(".leaflet-popup-content mark").inner_text() == "clashed"
    link.click()
    page.wait_for_url("**/documents/*")
    assert page.locator("#gm-doc-title").inner_text() == "Fighting near Stepanakert"
    assert page.locator("#gm-text mark.gm-trigger").count() == 1
    assert page.locator("#gm-text .gm-toponym").count() == 2


def test_injected_markup_runs_nothing(page, live_server):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    load_map(page, live_server.url)
    click_circle(page, "Violence against civilians")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "<script>window.__pwned" in popup.inner_text()  # shown as text, not run
    assert popup.locator("img").count() == 0
    page.locator(".leaflet-popup-content a.gm-doc-link").click()
    page.wait_for_url("**/documents/*")
    assert "</script><img src=x" in page.locator("#gm-text").inner_text()
    assert page.locator(".gm-document img").count() == 0
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__pwned") is None
    assert dialogs == []


def test_the_network_guard_catches_the_online_tile_layer(page, live_server):
    """Proves the guard works: switching on the optional OSM layer is the one way out."""
    load_map(page, live_server.url)
    assert page.guard.foreign == []
    page.get_by_label("OpenStreetMap (online only)").check()
    page.wait_for_timeout(500)
    assert page.guard.foreign and all("openstreetmap" in u for u in page.guard.foreign)
    page.guard.foreign.clear()
