"""Scale benchmark of the web app (issue 7): 100,000 stored events.

Measures the median time of `/api/events` for a one-month window (Flask test client,
so the figure is the app and the store, not the network) and the time `/` takes to
render in headless Chromium until the event circles are drawn.

    .venv/bin/python benchmarks/bench_web.py --events 100000 [--db /tmp/geomap-scale.sqlite]

The synthetic events are built from a few dozen places and templated news-style
sentences written for this benchmark; the database is reused if it already has them.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path

from werkzeug.serving import make_server

from geomap.records import Document, Event, Place, ProcessedDocument, Span, Toponym
from geomap.store import open_store
from geomap.web import create_app

TYPES = [("Battles", "Armed clash", "clashed"), ("Explosions/Remote violence", "Air/drone strike", "struck"),
         ("Protests", "Peaceful protest", "marched"), ("Violence against civilians", "Attack", "attacked"),
         ("Riots", "Violent demonstration", "rioted"), ("Strategic developments", "Arrests", "arrested")]
START = date(2022, 1, 1)
DAYS = 730
EVENTS_PER_DOC = 5


def places(rng: random.Random, n: int = 60) -> list[Place]:
    return [Place(f"bench:{i}", f"Town {i}", rng.uniform(-35, 60), rng.uniform(-20, 100), "city",
                  country_code=rng.choice(["UA", "SD", "AZ", "SO", "ML", "SY", "YE", "MM"])) for i in range(n)]


def article(i: int, rng: random.Random, towns: list[Place]) -> ProcessedDocument:
    day = START + timedelta(days=rng.randrange(DAYS))
    sentences, specs = [], []
    for k in range(EVENTS_PER_DOC):
        town = rng.choice(towns)
        etype, sub, verb = rng.choice(TYPES)
        sentences.append(f"Report {i}.{k}: fighters {verb} near {town.name} and {rng.randrange(0, 30)} people died.")
        specs.append((town, etype, sub, verb))
    text = " ".join(sentences)
    doc = Document(text=text, title=f"Bulletin {i}", published=day)
    events, toponyms, offset = [], [], 0
    for sentence, (town, etype, sub, verb) in zip(sentences, specs):
        t_at = offset + sentence.index(verb)
        p_at = offset + sentence.index(town.name)
        toponyms.append(Toponym(p_at, p_at + len(town.name), town.name, place=town, score=0.9))
        events.append(Event(etype, sub, Span(t_at, t_at + len(verb), verb),
                            Span(offset, offset + len(sentence), sentence), date=day, time_precision=1,
                            place=town, location_text=town.name, geo_precision=1,
                            fatalities=rng.randrange(0, 30), doc_id=doc.id))
        offset += len(sentence) + 1
    return ProcessedDocument(doc, tuple(toponyms), tuple(events))


def fill(db: Path, n_events: int) -> None:
    with open_store(db) as store:
        have = store.stats()["events"]
        if have >= n_events:
            print(f"reusing {db}: {have} events")
            return
        rng = random.Random(7)
        towns = places(rng)
        t0 = time.perf_counter()
        for i in range(n_events // EVENTS_PER_DOC):
            store.save(article(i, rng, towns))
        print(f"stored {n_events} events in {time.perf_counter() - t0:.1f} s")


def api_median(app, runs: int) -> tuple[float, int]:
    client = app.test_client()
    timings, returned = [], 0
    for k in range(runs):
        month = START + timedelta(days=30 * (k % 20))
        url = f"/api/events?start={month}&end={month + timedelta(days=30)}"
        t0 = time.perf_counter()
        r = client.get(url)
        timings.append(time.perf_counter() - t0)
        assert r.status_code == 200, r.data
        returned = r.get_json()["total"]
    return statistics.median(timings), returned


def page_render(app, path: str = "/") -> float:
    from playwright.sync_api import sync_playwright

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                         args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            t0 = time.perf_counter()
            page.goto(f"http://127.0.0.1:{server.server_port}{path}", timeout=60000)
            page.wait_for_function(
                "() => Object.values(window).some(m => m instanceof L.Map && m.timeDimension"
                " && Object.values(m._layers).some(l => l instanceof L.CircleMarker))", timeout=60000)
            elapsed = time.perf_counter() - t0
            browser.close()
        return elapsed
    finally:
        server.shutdown()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/geomap-scale.sqlite"))
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    fill(args.db, args.events)
    app = create_app({"DATABASE": str(args.db), "READ_ONLY": True})
    median, total = api_median(app, args.runs)
    print(f"/api/events one-month window ({total} events match, first page returned): "
          f"median {median * 1000:.0f} ms over {args.runs} runs")
    renders = [page_render(app) for _ in range(3)]
    print(f"/ in headless Chromium until circles are drawn: median {statistics.median(renders):.2f} s "
          f"(runs: {', '.join(f'{r:.2f}' for r in renders)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
