"""Vendor the front-end libraries folium 0.20 asks for, and build the offline basemap.

Run from the repository root (needs `npm` and `node`, nothing else):

    python static/tools/build_vendor.py

Every package is fetched with `npm pack NAME@VERSION` at the exact version folium asks
for, so the map works with no network; only the files the page loads are kept, with
each package's license, and static/vendor/MANIFEST.json records what came from where.
The country borders come from world-atlas (Natural Earth 1:110m) and are converted
from TopoJSON to GeoJSON with topojson-client, coordinates rounded to keep it small.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

STATIC = Path(__file__).resolve().parents[1]
VENDOR = STATIC / "vendor"
BASEMAP = STATIC / "basemap" / "countries-110m.geojson"
APACHE = Path("/usr/share/common-licenses/Apache-2.0")


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    license: str
    files: tuple[str, ...]
    license_files: tuple[str, ...] = ("LICENSE",)
    why: str = ""

    @property
    def folder(self) -> str:
        return f"{self.name.split('/')[-1]}@{self.version}"


PACKAGES = (
    Package("leaflet", "1.9.3", "BSD-2-Clause",
            ("dist/leaflet.js", "dist/leaflet.css", "dist/images/layers.png",
             "dist/images/layers-2x.png", "dist/images/marker-icon.png",
             "dist/images/marker-icon-2x.png", "dist/images/marker-shadow.png")),
    Package("jquery", "3.7.1", "MIT", ("dist/jquery.min.js",), ("LICENSE.txt",)),
    Package("bootstrap", "5.2.2", "MIT",
            ("dist/js/bootstrap.bundle.min.js", "dist/css/bootstrap.min.css")),
    # folium links bootstrap-glyphicons 3.0.0, which is on no registry; the same rules
    # and fonts are part of bootstrap 3.4.1, cut out into glyphicons.css below
    Package("bootstrap", "3.4.1", "MIT",
            ("dist/fonts/glyphicons-halflings-regular.woff2",
             "dist/fonts/glyphicons-halflings-regular.woff",
             "dist/fonts/glyphicons-halflings-regular.ttf"),
            why="Glyphicons for awesome-markers and the time control buttons"),
    # woff2 only: every browser that runs Leaflet 1.9 loads woff2 before the ttf fallback
    Package("@fortawesome/fontawesome-free", "6.2.0", "CC-BY-4.0 (icons), OFL-1.1 (fonts), MIT (code)",
            ("css/all.min.css", "webfonts/fa-brands-400.woff2", "webfonts/fa-regular-400.woff2",
             "webfonts/fa-solid-900.woff2", "webfonts/fa-v4compatibility.woff2"), ("LICENSE.txt",)),
    # folium asks for 2.0.2 (not on npm); 2.0.5 has identical dist files
    Package("leaflet.awesome-markers", "2.0.5", "MIT",
            ("dist/leaflet.awesome-markers.js", "dist/leaflet.awesome-markers.css",
             "dist/images/markers-soft.png", "dist/images/markers-soft@2x.png",
             "dist/images/markers-shadow.png", "dist/images/markers-shadow@2x.png")),
    Package("leaflet.markercluster", "1.1.0", "MIT",
            ("dist/leaflet.markercluster.js", "dist/MarkerCluster.css",
             "dist/MarkerCluster.Default.css"), ("MIT-LICENCE.txt",)),
    Package("leaflet-timedimension", "1.1.1", "MIT",
            ("dist/leaflet.timedimension.min.js", "dist/leaflet.timedimension.control.css")),
    # the package ships no license file; its header states Apache 2.0 (Debian's copy added)
    Package("iso8601-js-period", "0.2.1", "Apache-2.0", ("iso8601.js",), ()),
    Package("moment", "2.18.1", "MIT", ("min/moment.min.js",)),
    Package("leaflet.heat", "0.2.0", "BSD-2-Clause", ("dist/leaflet-heat.js",)),
)
WORLD_ATLAS = Package("world-atlas", "2.0.2", "ISC (data: Natural Earth, public domain)",
                      ("countries-110m.json",))
TOPOJSON_CLIENT = Package("topojson-client", "3.1.0", "ISC", ("dist/topojson-client.min.js",))


def npm_pack(pkg: Package, work: Path) -> Path:
    """Fetch one package tarball with npm and unpack it; returns the package folder."""
    out = subprocess.run(["npm", "pack", f"{pkg.name}@{pkg.version}", "--silent"],
                         cwd=work, check=True, capture_output=True, text=True).stdout.split()[-1]
    dest = work / pkg.folder
    with tarfile.open(work / out) as tar:
        tar.extractall(dest, filter="data")
    return dest / "package"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def copy_package(pkg: Package, src: Path) -> dict:
    dest = VENDOR / pkg.folder
    if dest.exists():
        shutil.rmtree(dest)
    for rel in pkg.files + pkg.license_files:
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src / rel, dest / rel)
    if not pkg.license_files:
        shutil.copyfile(APACHE, dest / "LICENSE")
    return manifest_entry(pkg, dest)


def manifest_entry(pkg: Package, dest: Path) -> dict:
    files = sorted(p.relative_to(VENDOR).as_posix() for p in dest.rglob("*") if p.is_file())
    entry = {"package": pkg.name, "version": pkg.version, "license": pkg.license,
             "source": "npm", "files": {f: sha256(VENDOR / f) for f in files}}
    if pkg.why:
        entry["why"] = pkg.why
    return entry


def glyphicons_css(bootstrap3: Path) -> str:
    """The @font-face and .glyphicon rules of bootstrap 3, with local font urls."""
    css = (bootstrap3 / "dist/css/bootstrap.css").read_text()
    rules = re.findall(r"(@font-face\s*\{[^}]*Glyphicons[^}]*\}|\.glyphicon[^{]*\{[^}]*\})", css)
    return "/* cut from bootstrap 3.4.1 dist/css/bootstrap.css (MIT) */\n" + "\n".join(rules) + "\n"


def patch_timedimension_css(folder: Path) -> None:
    """The control css loads the Glyphicons font from a CDN; point it at our copy."""
    path = folder / "dist/leaflet.timedimension.control.css"
    fonts = "../../bootstrap@3.4.1/dist/fonts/glyphicons-halflings-regular"
    local = (f"src: url('{fonts}.woff2') format('woff2'), url('{fonts}.woff') format('woff'), "
             f"url('{fonts}.ttf') format('truetype');")
    css = re.sub(r"src:\s*url\([^;]*;\s*src:[^;]*;", local, path.read_text())
    if "//" in re.sub(r"/\*.*?\*/", "", css, flags=re.S).replace("://", ""):
        raise SystemExit("a remote url is left in the time control css")
    path.write_text(css)


def build_basemap(work: Path) -> dict:
    atlas = npm_pack(WORLD_ATLAS, work)
    client = npm_pack(TOPOJSON_CLIENT, work)
    script = (
        "const t=require(process.argv[1]);const fs=require('fs');"
        "const topo=JSON.parse(fs.readFileSync(process.argv[2]));"
        "const fc=t.feature(topo, topo.objects.countries);"
        "const r=c=>Array.isArray(c[0])?c.map(r):[Math.round(c[0]*100)/100,Math.round(c[1]*100)/100];"
        "fc.features=fc.features.map(f=>({type:'Feature',id:f.id,properties:{name:f.properties.name},"
        "geometry:{type:f.geometry.type,coordinates:r(f.geometry.coordinates)}}));"
        "process.stdout.write(JSON.stringify(fc));"
    )
    geojson = subprocess.run(["node", "-e", script, str(client / "dist/topojson-client.min.js"),
                              str(atlas / "countries-110m.json")],
                             check=True, capture_output=True, text=True).stdout
    BASEMAP.parent.mkdir(parents=True, exist_ok=True)
    BASEMAP.write_text(geojson)
    shutil.copyfile(atlas / "LICENSE", BASEMAP.parent / "LICENSE-world-atlas")
    return {"package": WORLD_ATLAS.name, "version": WORLD_ATLAS.version,
            "license": WORLD_ATLAS.license, "source": "npm",
            "converted_with": f"{TOPOJSON_CLIENT.name}@{TOPOJSON_CLIENT.version}",
            "files": {f"../basemap/{BASEMAP.name}": sha256(BASEMAP),
                      "../basemap/LICENSE-world-atlas": sha256(BASEMAP.parent / "LICENSE-world-atlas")}}


def main() -> int:
    VENDOR.mkdir(parents=True, exist_ok=True)
    manifest = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for pkg in PACKAGES:
            src = npm_pack(pkg, work)
            dest = VENDOR / pkg.folder
            if pkg.name == "leaflet-timedimension":
                copy_package(pkg, src)
                patch_timedimension_css(dest)
            elif pkg.name == "bootstrap" and pkg.version.startswith("3."):
                copy_package(pkg, src)
                (dest / "dist/css").mkdir(parents=True, exist_ok=True)
                (dest / "dist/css/glyphicons.css").write_text(glyphicons_css(src))
            else:
                copy_package(pkg, src)
            manifest.append(manifest_entry(pkg, dest))
        manifest.append(build_basemap(work))
    (VENDOR / "MANIFEST.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"vendored {len(PACKAGES)} packages into {VENDOR}; basemap {BASEMAP.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
