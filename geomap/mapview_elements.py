"""Small folium elements the event map needs, and the table of vendored assets.

Kept apart from mapview.py so the map builder reads as a recipe. Everything that comes
from an article reaches JavaScript through ``script_json`` (``<``, ``>``, ``&`` and the
JS line separators escaped), never through string formatting.
"""

from __future__ import annotations

import json
import re
from typing import Any

from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin
from folium.map import Layer
from folium.plugins import FastMarkerCluster
from folium.template import Template

from geomap.errors import ConfigurationError

# folium's asset name -> path under static/vendor/ (None: not needed by our map, left out).
VENDORED_JS: dict[str, str | None] = {
    "leaflet": "leaflet@1.9.3/dist/leaflet.js",
    "jquery": "jquery@3.7.1/dist/jquery.min.js",
    "bootstrap": "bootstrap@5.2.2/dist/js/bootstrap.bundle.min.js",
    "awesome_markers": "leaflet.awesome-markers@2.0.5/dist/leaflet.awesome-markers.js",
    "jquery3.7.1": None,  # the same jQuery the map already loads; twice would reset plugins
    "jqueryui1.10.2": None,  # not used by the time dimension plugin
    "iso8601": "iso8601-js-period@0.2.1/iso8601.js",
    "leaflet.timedimension": "leaflet-timedimension@1.1.1/dist/leaflet.timedimension.min.js",
    "moment": "moment@2.18.1/min/moment.min.js",
    "markerclusterjs": "leaflet.markercluster@1.1.0/dist/leaflet.markercluster.js",
    "leaflet-heat.js": "leaflet.heat@0.2.0/dist/leaflet-heat.js",
}
VENDORED_CSS: dict[str, str | None] = {
    "leaflet_css": "leaflet@1.9.3/dist/leaflet.css",
    "bootstrap_css": "bootstrap@5.2.2/dist/css/bootstrap.min.css",
    "glyphicons_css": "bootstrap@3.4.1/dist/css/glyphicons.css",
    "awesome_markers_font_css": "fontawesome-free@6.2.0/css/all.min.css",
    "awesome_markers_css": "leaflet.awesome-markers@2.0.5/dist/leaflet.awesome-markers.css",
    "awesome_rotate_css": None,  # only for rotated icons, which this map does not draw
    "highlight.js_css": None,  # code highlighting styles, unused on a map
    "leaflet.timedimension_css": "leaflet-timedimension@1.1.1/dist/leaflet.timedimension.control.css",
    "markerclustercss": "leaflet.markercluster@1.1.0/dist/MarkerCluster.css",
    "markerclusterdefaultcss": "leaflet.markercluster@1.1.0/dist/MarkerCluster.Default.css",
}


def script_json(value: Any) -> str:
    """JSON that is safe inside an inline <script>: no ``</script>``, no HTML entities, and no
    ``{{``/``{%``/``{#`` (branca compiles each element's rendered script as a Jinja template,
    so article text with template syntax would otherwise run on the server).

    Structural JSON braces are always followed by ``"`` or ``}``, so every ``{`` followed by
    ``{``, ``%`` or ``#`` sits inside a string, where ``\\u007b`` is a valid escape.
    """
    return (
        _TEMPLATE_OPEN.sub(r"\\u007b", json.dumps(value, ensure_ascii=False, separators=(",", ":")))
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


_TEMPLATE_OPEN = re.compile(r"\{(?=[{%#])")


def _localise(pairs: list[tuple[str, str]], table: dict[str, str | None], vendor_url: str) -> list:
    out = []
    for name, _url in pairs:
        if name not in table:
            raise ConfigurationError(
                f"folium asset {name!r} is not vendored under static/vendor/; add it to "
                "static/tools/build_vendor.py and geomap.mapview_elements"
            )
        if table[name] is not None:
            out.append((name, f"{vendor_url}/{table[name]}"))
    return out


def localise_assets(element: Element, vendor_url: str) -> None:
    """Point every JS/CSS link of the element tree at our vendored copies.

    folium keeps the links in class-level lists shared by every map in the process
    (``add_js_link`` mutates them); each element gets its own lists here instead.
    """
    if isinstance(element, JSCSSMixin):
        element.default_js = _localise(type(element).default_js, VENDORED_JS, vendor_url)
        element.default_css = _localise(type(element).default_css, VENDORED_CSS, vendor_url)
    for child in element._children.values():
        localise_assets(child, vendor_url)


class RawHtml(Element):
    """Markup inserted as is: unlike branca's Element it is not compiled as a Jinja template,
    which for megabytes of data costs seconds (and would interpret template syntax)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


def add_json_block(element: Element, block_id: str, data: Any) -> None:
    """Put data in the page body as <script type="application/json">, read with JSON.parse."""
    block = f'<script type="application/json" id="{block_id}">{script_json(data)}</script>'
    element.get_root().html.add_child(RawHtml(block), name=block_id)


class DataVariable(MacroElement):
    """A JS variable holding data once, so several layers can share it."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = JSON.parse(
                document.getElementById({{ this.block_id|tojson }}).textContent);
        {% endmacro %}
        """
    )

    def __init__(self, data: Any) -> None:
        super().__init__()
        self._name = "geomap_data"
        self.data = data

    @property
    def block_id(self) -> str:
        return self.get_name() + "_json"

    def render(self, **kwargs: Any) -> None:
        add_json_block(self, self.block_id, self.data)
        super().render(**kwargs)


class MentionCluster(FastMarkerCluster):
    """FastMarkerCluster whose rows come from a JSON block, and which honours show=False."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = (function () {
                var data = JSON.parse(document.getElementById({{ this.block_id|tojson }}).textContent);
                var cluster = L.markerClusterGroup({{ this.options|tojavascript }});
                for (var i = 0; i < data.length; i++) {
                    var row = data[i];
                    L.marker(new L.LatLng(row[0], row[1])).bindPopup(row[2]).addTo(cluster);
                }
                return cluster;
            })();
        {% endmacro %}
        """
    )

    def __init__(self, rows: list[list], name: str, show: bool = False) -> None:
        super().__init__([], name=name, show=show)
        self._name = "MentionCluster"
        self.rows = rows

    @property
    def block_id(self) -> str:
        return self.get_name() + "_json"

    def render(self, **kwargs: Any) -> None:
        add_json_block(self, self.block_id, self.rows)
        super().render(**kwargs)


class FetchedGeoJson(Layer):
    """A GeoJSON layer loaded by URL at run time (the browser caches it, the page stays small)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.geoJson(null, {
                style: function () { return {{ this.style|tojson }}; },
                interactive: false,
                pane: {{ this.pane|tojson }}
            });
            fetch({{ this.url|tojson }})
                .then(function (r) { return r.json(); })
                .then(function (data) { {{ this.get_name() }}.addData(data); });
        {% endmacro %}
        """
    )

    def __init__(self, url: str, name: str, style: dict[str, Any], pane: str, show: bool = True) -> None:
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "FetchedGeoJson"
        self.url = url
        self.style = style
        self.pane = pane


class Panes(MacroElement):
    """Map panes by z-index. The basemap gets its own pane (and canvas) below the events,
    or, with prefer_canvas, borders loaded after the circles would be painted over them."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {%- for name, z in this.panes %}
            {{ this._parent.get_name() }}.createPane({{ name|tojson }}).style.zIndex = {{ z }};
            {%- endfor %}
        {% endmacro %}
        """
    )

    def __init__(self, panes: list[tuple[str, int]]) -> None:
        super().__init__()
        self._name = "Panes"
        self.panes = panes


class EventTypeLayer(Layer):
    """Circles of one event type, taken from a shared DataVariable, for the LayerControl."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            // built on first display: most users never open most of these layers
            var {{ this.get_name() }} = L.featureGroup();
            {{ this.get_name() }}.once("add", function () {
                var group = this;
                L.geoJson({{ this.data.get_name() }}, {
                    filter: function (f) { return f.properties.event_type === {{ this.event_type_json }}; },
                    pointToLayer: function (f, latlng) {
                        return L.circleMarker(latlng, f.properties.iconstyle);
                    },
                    onEachFeature: function (f, layer) { layer.bindPopup(f.properties.popup); }
                }).eachLayer(function (layer) { group.addLayer(layer); });
            });
        {% endmacro %}
        """
    )

    def __init__(self, data: DataVariable, event_type: str, name: str, show: bool = False) -> None:
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "EventTypeLayer"
        self.data = data
        self.event_type_json = script_json(event_type)


class Legend(MacroElement):
    """A Leaflet control listing the colour of each event type and the circle size rule."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.control({position: "bottomright"});
            {{ this.get_name() }}.onAdd = function () {
                var div = L.DomUtil.create("div", "geomap-legend leaflet-bar");
                var rows = {{ this.rows|tojson }};
                var title = document.createElement("strong");
                title.textContent = "Event type";
                div.appendChild(title);
                rows.forEach(function (row) {
                    var line = document.createElement("div");
                    var dot = document.createElement("span");
                    dot.className = "geomap-legend-dot";
                    dot.style.background = row[1];
                    line.appendChild(dot);
                    line.appendChild(document.createTextNode(" " + row[0]));
                    div.appendChild(line);
                });
                var note = document.createElement("div");
                note.className = "geomap-legend-note";
                note.textContent = {{ this.note|tojson }};
                div.appendChild(note);
                return div;
            };
            {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, rows: list[tuple[str, str]], note: str) -> None:
        super().__init__()
        self._name = "Legend"
        self.rows = [list(r) for r in rows]
        self.note = note


class TimeAtEnd(MacroElement):
    """Starts the time slider at its last step, so with cumulative display every event shows."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function (td) {
                var times = td.getAvailableTimes();
                if (times.length) { td.setCurrentTime(times[times.length - 1]); }
            })({{ this._parent.get_name() }}.timeDimension);
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "TimeAtEnd"
