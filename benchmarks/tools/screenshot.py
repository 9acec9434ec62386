"""Take the README's screenshot: the demo corpus on `/`, in headless Chromium, offline.

    .venv/bin/geomap demo --no-serve --db /tmp/demo.sqlite
    .venv/bin/python benchmarks/tools/screenshot.py /tmp/demo.sqlite static/screenshot.png
"""

from __future__ import annotations

import logging
import sys
import threading
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from geomap.web import create_app

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def main(db: str, out: str) -> None:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server("127.0.0.1", 0, create_app({"DATABASE": db}), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    outside: list[str] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 860})
            page.on("request", lambda r: urlsplit(r.url).hostname not in ("127.0.0.1", None)
                    and outside.append(r.url))
            page.goto(f"http://127.0.0.1:{server.server_port}/", wait_until="networkidle")
            page.on("console", lambda m: m.type == "error" and print("console:", m.text))
            page.wait_for_timeout(1500)
            page.screenshot(path=out)
            browser.close()
    finally:
        server.shutdown()
    print(f"wrote {out}; requests off this machine: {len(outside)}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
