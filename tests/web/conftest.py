"""Fixtures of the web tests: a real SQLite store, the app, its test client, a live server
on 127.0.0.1 and a headless Debian Chromium that may not reach any other host."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from werkzeug.serving import make_server

from geomap.store import open_store
from geomap.web import create_app
from web_factory import hostile_article, sample_articles

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


def fill_store(path: Path, hostile: bool = False) -> Path:
    with open_store(path) as store:
        for processed in sample_articles() + ([hostile_article()] if hostile else []):
            store.save(processed)
    return path


@pytest.fixture
def db_path(tmp_path) -> Path:
    return fill_store(tmp_path / "geomap.sqlite")


@pytest.fixture
def app(db_path):
    return create_app({"DATABASE": str(db_path), "TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


class LiveServer:
    """The real app served by werkzeug in a thread, on a free port of 127.0.0.1."""

    def __init__(self, app) -> None:
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.thread.join(timeout=5)


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    db = fill_store(tmp_path_factory.mktemp("live") / "geomap.sqlite", hostile=True)
    app = create_app({"DATABASE": str(db), "TESTING": True})
    with LiveServer(app) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is not installed (apt-get install chromium)"
        if os.environ.get("GEOMAP_REQUIRE_BROWSER"):
            pytest.fail(message)  # CI installs it: a skip there would hide a broken set-up
        pytest.skip(message)
    with playwright_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class NetworkGuard:
    """Aborts and records every request to a host that is not this machine."""

    def __init__(self) -> None:
        self.foreign: list[str] = []
        self.errors: list[str] = []

    def route(self, route) -> None:
        host = urlsplit(route.request.url).hostname or ""
        scheme = urlsplit(route.request.url).scheme
        if scheme in ("data", "blob", "about") or host in LOOPBACK:
            route.continue_()
        else:
            self.foreign.append(route.request.url)
            route.abort()


@pytest.fixture
def page(browser):
    guard = NetworkGuard()
    context = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block")
    context.route("**/*", guard.route)
    page = context.new_page()
    page.on("pageerror", lambda exc: guard.errors.append(str(exc)))
    page.on("console", lambda msg: guard.errors.append(msg.text) if msg.type == "error" else None)
    page.guard = guard
    yield page
    context.close()
    assert guard.foreign == [], f"requests left the machine: {guard.foreign}"
