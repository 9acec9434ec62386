"""The geopy backend against a local HTTP server that speaks Nominatim's protocol."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from geomap.errors import ConfigurationError, GeocoderError
from geomap.records import Toponym
from geomap.resolve.geocoders import MemoryCache, OnlineGeocoder, ShelfCache, make_geocoder
from geomap.resolve.resolver import Resolver

PLACES = {
    "lachin corridor": {"place_id": 901, "osm_type": "way", "osm_id": 4242, "lat": "39.6406", "lon": "46.5468",
                        "display_name": "Lachin corridor, Azerbaijan", "name": "Lachin corridor",
                        "addresstype": "road", "type": "road", "address": {"country_code": "az"}},
    "shushi": {"place_id": 902, "osm_type": "node", "osm_id": 77, "lat": "39.7553", "lon": "46.7484",
               "display_name": "Shusha, Azerbaijan", "name": "Shusha", "addresstype": "town",
               "type": "town", "address": {"country_code": "az"}},
}


class NominatimHandler(BaseHTTPRequestHandler):
    requests: list[dict[str, list[str]]] = []

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        url = urlparse(self.path)
        query = parse_qs(url.query)
        type(self).requests.append({"path": [url.path], "agent": [self.headers.get("User-Agent", "")], **query})
        name = query.get("q", [""])[0].lower()
        if name == "boom":
            self.send_error(500, "server exploded")
            return
        body = json.dumps([PLACES[name]] if name in PLACES else []).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def nominatim():
    NominatimHandler.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), NominatimHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_address[1]}", NominatimHandler.requests
    server.shutdown()
    server.server_close()


def local(domain: str, **kw: object) -> OnlineGeocoder:
    return OnlineGeocoder("nominatim", domain=domain, scheme="http", user_agent="geomap-tests/1",
                          min_delay_seconds=kw.pop("min_delay_seconds", 0.0), **kw)


def test_geocode_turns_the_answer_into_a_place(nominatim):
    domain, requests = nominatim
    place = local(domain).geocode("Shushi", country_codes=["AZ"])
    assert (place.name, place.kind, place.country_code, place.id) == ("Shusha", "city", "AZ", "osm:N77")
    assert (place.lat, place.lon) == pytest.approx((39.7553, 46.7484))
    assert requests[0]["path"] == ["/search"] and requests[0]["agent"] == ["geomap-tests/1"]
    assert requests[0]["countrycodes"] == ["az"]


def test_answers_and_misses_are_cached(nominatim, tmp_path):
    domain, requests = nominatim
    geocoder = local(domain, cache=ShelfCache(tmp_path / "cache"))
    assert geocoder.geocode("Shushi") is not None
    assert geocoder.geocode("Nowhereville") is None
    again = local(domain, cache=ShelfCache(tmp_path / "cache"))  # a new process, the same cache file
    assert again.geocode("Shushi").name == "Shusha"
    assert again.geocode("Nowhereville") is None
    assert len(requests) == 2


def test_requests_are_rate_limited(nominatim):
    domain, requests = nominatim
    geocoder = local(domain, min_delay_seconds=0.3, cache=MemoryCache())
    started = time.monotonic()
    for name in ("Shushi", "Lachin corridor", "Nowhereville"):
        geocoder.geocode(name)
    assert time.monotonic() - started >= 0.55
    assert len(requests) == 3


def test_server_errors_become_geocoder_errors(nominatim):
    domain, _ = nominatim
    with pytest.raises(GeocoderError):
        local(domain, min_delay_seconds=0.01).geocode("boom")


def test_unknown_backend_names_the_valid_ones():
    with pytest.raises(ConfigurationError, match="nominatim"):
        make_geocoder("mapquest-classic")


def test_resolver_asks_the_geocoder_only_for_names_the_gazetteer_lacks(nominatim, small_gazetteer):
    domain, requests = nominatim
    text = "Convoys used the Lachin corridor to reach Stepanakert."
    tops = [Toponym(17, 32, "Lachin corridor"), Toponym(42, 53, "Stepanakert")]
    result = Resolver(small_gazetteer, geocoder=local(domain)).resolve(text, tops)
    assert result[0].place.id == "osm:W4242" and result[0].place.source == "nominatim"
    assert result[1].place.id == "t:stepanakert"
    assert [r["q"] for r in requests] == [["lachin corridor"]]
    assert requests[0]["countrycodes"] == ["az"]  # the document's countries narrow the search


def test_geoparse_command_with_a_geocoder(nominatim, small_gazetteer, tmp_path, monkeypatch):
    import json as _json

    from click.testing import CliRunner

    from geomap.cli import main

    monkeypatch.setenv("GEOMAP_HOME", str(tmp_path / "home"))  # the answer cache lives there
    domain, requests = nominatim
    src = tmp_path / "in.jsonl"
    text = "Aid moved along the Lachin corridor."
    src.write_text(_json.dumps({"id": "x", "text": text, "toponyms": [{"start": 20, "end": 35}]}) + "\n")
    out = tmp_path / "out.jsonl"
    args = ["geoparse", str(src), "-o", str(out), "--spans", "--gazetteer", str(small_gazetteer.path),
            "--geocoder", "nominatim", "--geocoder-domain", domain, "--geocoder-scheme", "http",
            "--user-agent", "geomap-tests/2", "--min-delay", "0"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    top = _json.loads(out.read_text())["toponyms"][0]
    assert (top["name"], top["country_code"], top["place_id"]) == ("Lachin corridor", "AZ", "osm:W4242")
    assert requests[0]["agent"] == ["geomap-tests/2"]
    assert (tmp_path / "home").exists()
