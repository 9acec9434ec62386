"""Gazetteer speed and size: build time, cold open + first lookup, warm lookups/s, size.

Usage:
    python benchmarks/bench_gazetteer.py [--path P] [--skip-build] [--lookups N]

Targets (issue 3): build <= 90 s on a 2-core machine; open + first lookup <= 1 s;
>= 100,000 exact lookups/s warm; index <= 200 MB.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from geomap.gazetteer import Gazetteer, build_index

NEWS_NAMES = ["Baku", "Stepanakert", "Yerevan", "Moscow", "Tehran", "Nagorno-Karabakh", "Armenia", "Kharkiv",
              "Kyiv", "Donetsk", "Bakhmut", "Khartoum", "El Fasher", "Darfur", "Gaza", "Rafah", "Mogadishu", "U.S."]


def sample_names(path: Path, count: int, seed: int = 7) -> list[str]:
    """Real names from the index (main names of places of every size) plus news names."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM places WHERE pk % 97 = 0")]
    random.Random(seed).shuffle(names)
    return NEWS_NAMES + names[: max(0, count - len(NEWS_NAMES))]


def cold_open_in_subprocess(path: Path) -> float:
    code = ("import time; t=time.perf_counter(); from geomap.gazetteer import Gazetteer; "
            f"g=Gazetteer.open({str(path)!r}, build_if_missing=False); g.candidates('Baku'); "
            "print(time.perf_counter()-t)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return float(out.stdout.strip())


def rate(func, names: list[str], total: int) -> float:
    loops = max(1, total // len(names))
    started = time.perf_counter()
    for _ in range(loops):
        for name in names:
            func(name)
    return loops * len(names) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--path", type=Path, default=Path(tempfile.gettempdir()) / "geomap-bench-gazetteer.sqlite")
    parser.add_argument("--skip-build", action="store_true", help="benchmark an index that already exists")
    parser.add_argument("--lookups", type=int, default=500_000, help="lookups in the warm loop")
    args = parser.parse_args()

    if not args.skip_build:
        started = time.perf_counter()
        cpu = time.process_time()
        build_index(args.path, progress=False)
        print(f"build: {time.perf_counter() - started:.1f} s wall, {time.process_time() - cpu:.1f} s CPU")
    print(f"index size: {args.path.stat().st_size / 1e6:.1f} MB")

    started = time.perf_counter()
    gaz = Gazetteer.open(args.path, build_if_missing=False)
    first = gaz.candidates("Stepanakert")
    print(f"open + first lookup (in process): {(time.perf_counter() - started) * 1000:.1f} ms -> {first[0].name}")
    print(f"open + first lookup (new process, with imports): {cold_open_in_subprocess(args.path) * 1000:.0f} ms")

    names = sample_names(args.path, 2000)
    fresh = Gazetteer.open(args.path, build_if_missing=False)
    print(f"exact lookups/s cold (first time each name, SQLite): {rate(fresh.candidates, names, len(names)):,.0f}")
    print(f"exact lookups/s warm (candidates, {len(names)} names): {rate(gaz.candidates, names, args.lookups):,.0f}")
    print(f"is_name/s warm: {rate(gaz.is_name, names, args.lookups):,.0f}")
    started = time.perf_counter()
    gaz.fuzzy("Bakhmout")
    print(f"first fuzzy lookup (loads choices): {(time.perf_counter() - started) * 1000:.0f} ms")
    print(f"fuzzy lookups/s warm: {rate(gaz.fuzzy, NEWS_NAMES, 200):,.1f}")


if __name__ == "__main__":
    main()
