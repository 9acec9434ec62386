"""Pages and feeds from URLs, served by a local HTTP server on 127.0.0.1 only."""

from __future__ import annotations

import socket
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from test_ingest_readers import HTML

from geomap.readers import Defaults, read_paths

ARTICLE = """<html><head><title>Convoy ambushed near Gao</title>
<meta name="date" content="2024-05-20"></head><body><article><h1>Convoy ambushed near Gao</h1>
<p>Gunmen ambushed a supply convoy on the road north of Gao on Sunday, killing four soldiers,
the army said in a statement on Monday.</p><p>The attack was the third on the route this month.</p>
</article></body></html>"""


def feed(base: str) -> str:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Sahel Wire</title>
<item><title>Convoy ambushed near Gao</title><link>{base}/gao</link>
<description>Short teaser.</description></item>
<item><title>Teaser only</title><link>{base}/missing</link>
<description>Floods displaced families in Goma, officials said.</description></item>
</channel></rss>"""


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        pages = {
            "/page": ("text/html; charset=utf-8", HTML),
            "/gao": ("text/html", ARTICLE),
            "/feed": ("application/rss+xml", feed(base)),
            "/data": ("application/x-ndjson", '{"text": "Troops entered Gao on Monday."}\n'),
        }
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path not in pages:
            self.send_error(404, "Not Found")
            return
        kind, body = pages[self.path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    # a proxy setting in the environment must not send loopback requests elsewhere
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)


def test_a_page_url(server):
    (item,) = read_paths([f"{server}/page"])
    doc = item.document
    assert item.name == f"{server}/page"
    assert doc.title == "Shelling hits Kharkiv" and doc.published == date(2024, 3, 5)
    assert doc.url == "https://wire.example.org/world/kharkiv-shelling"  # the canonical link wins


def test_a_feed_url_fetches_each_entrys_article(server):
    first, second = read_paths([f"{server}/feed"], Defaults(timeout=5))
    assert first.document.text.startswith("Gunmen ambushed a supply convoy")
    assert first.document.url == f"{server}/gao" and first.document.published == date(2024, 5, 20)
    # the linked page is gone: the entry's own text is used
    assert second.document.text == "Floods displaced families in Goma, officials said."


def test_json_lines_over_http(server):
    (item,) = read_paths([f"{server}/data"])
    assert item.document.text == "Troops entered Gao on Monday."


def test_http_errors_and_timeouts_are_clear(server):
    (missing,) = read_paths([f"{server}/nowhere"])
    assert missing.error == "the server answered HTTP 404 Not Found"
    (slow,) = read_paths([f"{server}/slow"], Defaults(timeout=0.3))
    assert "0.3 s" in slow.error or "timed out" in slow.error
    assert "network access" in slow.error


def test_offline_is_a_clear_error():
    with socket.socket() as sock:  # a port on this machine that nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    (item,) = read_paths([f"http://127.0.0.1:{port}/news"], Defaults(timeout=2))
    assert item.name == f"http://127.0.0.1:{port}/news"
    assert item.error.startswith("cannot connect (")
    assert "URLs need network access; files, folders and stdin work offline" in item.error
