"""Build the geomap gazetteer index from this folder's recipe.

Usage: python gazetteer/build_index.py [PATH]
(the same as `geomap gazetteer build --force [--path PATH]`)
"""

from __future__ import annotations

import sys
from pathlib import Path

from geomap.gazetteer import build_index


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else None
    path = build_index(target, tables_dir=Path(__file__).resolve().parent, progress=True)
    print(f"built {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
