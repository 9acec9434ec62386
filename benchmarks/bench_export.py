"""Export speed and memory: does a million events export in flat memory?

Builds (once, then reuses) a store of synthetic events saved through the real store API,
then runs each export in a fresh subprocess and reports wall time and peak RSS. Flat
memory shows as the same peak for 10x more events.

    .venv/bin/python benchmarks/bench_export.py                     # 1,000,000 events, GeoJSON
    .venv/bin/python benchmarks/bench_export.py --formats geojson,csv,gpkg,parquet --sizes 100000,1000000
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from geomap.records import Document, Event, Place, ProcessedDocument, Span, Toponym
from geomap.store import open_store

TYPES = [
    ("Battles", "Armed clash"), ("Protests", "Peaceful protest"), ("Riots", "Mob violence"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"), ("Strategic developments", "Arrests"),
]
EVENTS_PER_DOC = 10
SENTENCE = "Fighting was reported near {name} on {day} as units shelled positions. "


def _places(n: int, rng: random.Random) -> list[Place]:
    return [
        Place(f"gn:{900000 + i}", f"Town {i}", round(rng.uniform(-60, 70), 5), round(rng.uniform(-170, 170), 5),
              "city", rng.choice(["UA", "SD", "CD", "SY", "ML", "MM"]), population=rng.randint(500, 10**6))
        for i in range(n)
    ]


def _document(k: int, places: list[Place], rng: random.Random) -> ProcessedDocument:
    day = date(2020, 1, 1) + timedelta(days=rng.randint(0, 1500))
    chosen = [rng.choice(places) for _ in range(EVENTS_PER_DOC)]
    text = "".join(SENTENCE.format(name=p.name, day=day.isoformat()) for p in chosen) + f"Report {k}."
    doc = Document(text, title=f"Report {k}", published=day)
    toponyms, events, offset = [], [], 0
    for place in chosen:
        sentence = SENTENCE.format(name=place.name, day=day.isoformat())
        name_at = offset + sentence.index(place.name)
        toponyms.append(Toponym(name_at, name_at + len(place.name), place.name, place=place, score=0.9))
        event_type, sub_type = rng.choice(TYPES)
        events.append(Event(
            event_type, sub_type, Span(offset, offset + 8, "Fighting"),
            Span(offset, offset + len(sentence) - 1, sentence.strip()), date=day, time_precision=1,
            place=place, location_text=place.name, location_span=Span(name_at, name_at + len(place.name)),
            geo_precision=1, fatalities=rng.choice([None, 0, 1, 3, 12]), confidence=0.7, doc_id=doc.id,
        ))
        offset += len(sentence)
    return ProcessedDocument(doc, tuple(toponyms), tuple(events))


def build_store(path: Path, events: int) -> None:
    rng = random.Random(7)
    places = _places(5000, rng)
    started = time.perf_counter()
    with open_store(path) as store:
        have = store.count_events()
        for k in range(have // EVENTS_PER_DOC, events // EVENTS_PER_DOC):
            store.save(_document(k, places, rng))
            if k % 10000 == 0:
                print(f"  built {k * EVENTS_PER_DOC:,} events", file=sys.stderr)
        total = store.count_events()
    print(f"store {path}: {total:,} events ({time.perf_counter() - started:.0f} s to build)", file=sys.stderr)


def _child(db: str, out: str, fmt: str, limit: int) -> None:
    """Runs in a fresh process: one export, then its time and peak RSS as JSON."""
    from geomap.export import export_layer
    from geomap.records import EventFilter

    started = time.perf_counter()
    with open_store(db, read_only=True) as store:
        result = export_layer(store, "events", out, fmt, EventFilter(limit=limit))
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"count": result.count, "seconds": time.perf_counter() - started,
                      "peak_mib": peak_kib / 1024, "bytes": Path(out).stat().st_size}))


def measure(db: Path, fmt: str, size: int, folder: Path) -> dict:
    out = folder / f"bench.{fmt}"
    out.unlink(missing_ok=True)
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(db), str(out), fmt, str(size)],
        check=True, capture_output=True, text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "geomap-bench-export.sqlite")
    parser.add_argument("--sizes", default="100000,1000000", help="event counts to export (comma-separated)")
    parser.add_argument("--formats", default="geojson", help="geojson,csv,gpkg,parquet")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        db, out, fmt, limit = args.child
        _child(db, out, fmt, int(limit))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    build_store(args.db, max(sizes))
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in args.formats.split(","):
            for size in sizes:
                r = measure(args.db, fmt, size, Path(tmp))
                print(f"{fmt:8} {r['count']:>9,} events  {r['seconds']:7.1f} s  "
                      f"{r['count'] / r['seconds']:>8,.0f} ev/s  peak RSS {r['peak_mib']:6.0f} MiB  "
                      f"file {r['bytes'] / 2**20:7.1f} MiB", flush=True)


if __name__ == "__main__":
    main()
