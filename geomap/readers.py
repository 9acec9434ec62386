"""Turn inputs into Documents: text, Markdown, JSON, JSON Lines, HTML, RSS/Atom, stdin, URLs.

Readers never stop a run over one bad item: each yields ReadItem records that carry
either a Document or the reason the item was skipped, named so a user can find it.
HTML and feeds live in geomap.webreaders, fetching in geomap.fetch; both are imported
only when such an item turns up, so `geomap --help` stays fast.
"""

from __future__ import annotations

import codecs
import json
import logging
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

import dateparser

from geomap.errors import InputError, ValidationError
from geomap.records import Document

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
JSON_SUFFIXES = {".jsonl", ".json", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
# One article is at most this long: spaCy's default max_length, far beyond any news story.
MAX_DOC_CHARS = 1_000_000
# A file holding one article (or one page, or one feed) larger than this is not one.
MAX_FILE_BYTES = 20 * 1024 * 1024
# A JSON array is parsed whole; JSON Lines are streamed and have no file limit.
MAX_JSON_ARRAY_BYTES = 200 * 1024 * 1024
FIELDS = ("text", "title", "url", "published", "source")
# Single-byte Western encodings a detector often confuses; Windows-1252 is the usual truth.
_LATIN_GUESSES = {"cp1250", "cp1252", "latin_1", "iso8859_15", "iso8859_2", "iso8859_9",
                  "cp1254", "mac_roman", "cp850", "cp437"}


@dataclass(frozen=True)
class Defaults:
    """Values an item gets when it does not carry its own, and how to read JSON records."""

    published: date | None = None
    source: str | None = None
    fields: dict[str, str] = field(default_factory=dict)  # our name -> the input's field name
    timeout: float = 20.0  # seconds, for URLs


@dataclass(frozen=True)
class ReadItem:
    name: str
    document: Document | None = None
    error: str | None = None


def parse_date(value: object) -> date | None:
    """An ISO date, a timestamp or a date written in words; None when absent."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return datetime.utcfromtimestamp(value / 1000 if value > 1e11 else value).date()
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first"})
        if parsed is None:
            raise InputError(f"cannot read {text!r} as a date") from None
        return parsed.date()


def decode(raw: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16/32 with BOM, else the encoding a
    detector finds; binary data is refused."""
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: broken {encoding} text ({exc.reason})") from exc
    if b"\x00" in raw[:8192]:
        raise InputError(f"{name}: binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    return _detect(raw, name)


def _detect(raw: bytes, name: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:1_000_000]).best()
    if best is None:
        raise InputError(f"{name}: not text in any encoding geomap can detect (binary?)")
    encoding = best.encoding
    if encoding in _LATIN_GUESSES:
        encoding = "cp1252" if _decodes(raw, "cp1252") else encoding
    try:
        text = raw.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError(f"{name}: not UTF-8, and not valid {encoding} either") from exc
    log.info("%s: not UTF-8; decoded as %s", name, encoding)
    return text


def _decodes(raw: bytes, encoding: str) -> bool:
    try:
        raw.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def make_document(name: str, text: str, defaults: Defaults, *, title: str = "", url: str | None = None,
                  source: str | None = None, published: date | None = None) -> ReadItem:
    """A ReadItem for one article, with the checks every reader shares."""
    if not text or not text.strip():
        return ReadItem(name, error="no text (empty)")
    if len(text) > MAX_DOC_CHARS:
        return ReadItem(name, error=f"{len(text):,} characters is too long for one article "
                                    f"(limit {MAX_DOC_CHARS:,}); split it into articles")
    try:
        return ReadItem(name, Document(
            text=text, title=title.strip(), url=url or None, source=source or defaults.source or None,
            published=published or defaults.published,
        ))
    except ValidationError as exc:
        return ReadItem(name, error=str(exc))


def document_from_mapping(name: str, data: dict, defaults: Defaults) -> ReadItem:
    def get(key: str) -> object:
        value: object = data
        for part in defaults.fields.get(key, key).split("."):  # "meta.date" reaches inside
            value = value.get(part) if isinstance(value, dict) else None
        return value

    text = get("text")
    if not isinstance(text, str) or not text.strip():
        wanted = defaults.fields.get("text", "text")
        return ReadItem(name, error=f"no {wanted!r} field with text (fields: {', '.join(sorted(data)[:12])})")
    try:
        published = parse_date(get("published"))
    except InputError as exc:
        return ReadItem(name, error=str(exc))
    return make_document(name, text, defaults, title=str(get("title") or ""),
                         url=str(get("url")) if get("url") else None,
                         source=str(get("source") or "") or None, published=published)


def read_text(name: str, text: str, defaults: Defaults) -> Iterator[ReadItem]:
    if not text.strip():
        yield ReadItem(name, error="empty file")
        return
    first_line = text.strip().splitlines()[0].lstrip("# ").strip()
    # a short first line is a headline; a long one is the article's first paragraph
    title = first_line if len(first_line) <= 200 else ""
    yield make_document(name, text, defaults, title=title)


def read_json_text(name: str, text: str, defaults: Defaults) -> Iterator[ReadItem]:
    """A JSON array, one JSON object, or JSON Lines already in memory (stdin, small files)."""
    stripped = text.strip()
    if not stripped:
        yield ReadItem(name, error="empty file")
        return
    if stripped.startswith("["):
        try:
            records = json.loads(stripped)
        except json.JSONDecodeError as exc:
            yield ReadItem(name, error=f"malformed JSON: {exc}")
            return
        for number, data in enumerate(records, 1):
            yield _record(f"{name}:{number}", data, defaults)
        return
    for number, line in enumerate(stripped.splitlines(), 1):
        if line.strip():
            yield _json_line(f"{name}:{number}", line, defaults)


def _json_line(name: str, line: str | bytes, defaults: Defaults) -> ReadItem:
    try:
        try:
            data = json.loads(line)
        except UnicodeDecodeError:  # JSON must be UTF-8, but exports from old tools are not
            data = json.loads(_detect(line, name)) if isinstance(line, bytes) else None
    except json.JSONDecodeError as exc:
        return ReadItem(name, error=f"malformed JSON line: {exc}")
    except InputError as exc:
        return ReadItem(name, error=_without_name(str(exc), name))
    return _record(name, data, defaults)


def _record(name: str, data: object, defaults: Defaults) -> ReadItem:
    if not isinstance(data, dict):
        return ReadItem(name, error=f"a JSON record must be an object, not {type(data).__name__}")
    return document_from_mapping(name, data, defaults)


def read_json_file(path: Path, defaults: Defaults) -> Iterator[ReadItem]:
    """JSON Lines streamed line by line (any size); a JSON array read whole."""
    name = str(path)
    with path.open("rb") as handle:
        head = handle.read(8192)
        if b"\x00" in head:
            yield ReadItem(name, error="binary file, not JSON")
            return
        if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
            yield from _json_array(path, defaults)
            return
        if not head.strip():
            yield ReadItem(name, error="empty file")
            return
        handle.seek(0)
        yield from _json_lines(name, handle, defaults)


def _json_lines(name: str, handle: BinaryIO, defaults: Defaults) -> Iterator[ReadItem]:
    for number, line in enumerate(handle, 1):
        if number == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        if line.strip():
            yield _json_line(f"{name}:{number}", line, defaults)


def _json_array(path: Path, defaults: Defaults) -> Iterator[ReadItem]:
    if path.stat().st_size > MAX_JSON_ARRAY_BYTES:
        yield ReadItem(str(path), error=f"a JSON array larger than {MAX_JSON_ARRAY_BYTES // 2**20} MB; "
                                        "write it as JSON Lines (one object a line), which geomap streams")
        return
    yield from read_json_text(str(path), decode(path.read_bytes(), str(path)), defaults)


def _html(name: str, raw: bytes, defaults: Defaults) -> Iterator[ReadItem]:
    from geomap.webreaders import read_html

    yield from read_html(name, raw, defaults)


def _feed(name: str, raw: bytes, defaults: Defaults) -> Iterator[ReadItem]:
    from geomap.webreaders import read_feed

    yield from read_feed(name, raw, defaults)


def _decoded(reader: Callable[[str, str, Defaults], Iterator[ReadItem]]
             ) -> Callable[[str, bytes, Defaults], Iterator[ReadItem]]:
    def read(name: str, raw: bytes, defaults: Defaults) -> Iterator[ReadItem]:
        yield from reader(name, decode(raw, name), defaults)
    return read


ByteReader = Callable[[str, bytes, Defaults], Iterator[ReadItem]]
BYTE_READERS: dict[str, ByteReader] = (
    {s: _decoded(read_text) for s in TEXT_SUFFIXES}
    | {s: _decoded(read_json_text) for s in JSON_SUFFIXES}
    | {s: _html for s in HTML_SUFFIXES}
    | {s: _feed for s in FEED_SUFFIXES}
)


def sniff_kind(raw: bytes) -> str:
    """What bytes of unknown kind (stdin, a URL) hold, by their first characters:
    "json", "feed", "html" or "text"."""
    head = raw[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"{", b"[")):
        return "json"
    if head.startswith((b"<rss", b"<feed")) or head.startswith(b"<?xml") and any(
            tag in head for tag in (b"<rss", b"<feed", b"<rdf")):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"<!--")):
        return "html"
    return "text"


def sniff(raw: bytes) -> ByteReader:
    return {"json": BYTE_READERS[".jsonl"], "feed": _feed, "html": _html}.get(sniff_kind(raw), BYTE_READERS[".txt"])


def is_url(path: str | Path) -> bool:
    return isinstance(path, str) and path.lower().startswith(("http://", "https://"))


def expand(paths: Iterable[str | Path]) -> Iterator[Path | str]:
    """Files as given, folders walked recursively (only the suffixes geomap reads), URLs and -."""
    for raw in paths:
        if str(raw) == "-" or is_url(raw):
            yield str(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES)
            yield from found or [path]  # the folder itself, to be reported as empty
        else:
            yield path


def read_paths(paths: Iterable[str | Path], defaults: Defaults = Defaults()) -> Iterator[ReadItem]:
    for path in expand(paths):
        yield from read_one(path, defaults)


def read_one(path: Path | str, defaults: Defaults) -> Iterator[ReadItem]:
    try:
        if path == "-":
            raw = sys.stdin.buffer.read()
            yield from sniff(raw)("<stdin>", raw, defaults)
        elif isinstance(path, str):
            from geomap.fetch import read_url

            yield from read_url(path, defaults)
        else:
            yield from _read_file(path, defaults)
    except InputError as exc:
        yield ReadItem(str(path) if path != "-" else "<stdin>", error=_without_name(str(exc), str(path)))


def _read_file(path: Path, defaults: Defaults) -> Iterator[ReadItem]:
    name = str(path)
    suffix = path.suffix.lower()
    if path.is_dir():
        yield ReadItem(name, error=f"no files geomap reads in this folder ({', '.join(sorted(KNOWN_SUFFIXES))})")
        return
    if suffix not in BYTE_READERS:
        yield ReadItem(name, error=f"unknown file type {path.suffix or '(none)'!r}; geomap reads "
                                   f"{', '.join(sorted(KNOWN_SUFFIXES))}")
        return
    try:
        size = path.stat().st_size
        if suffix in JSON_SUFFIXES:
            yield from read_json_file(path, defaults)
            return
        if size > MAX_FILE_BYTES:
            yield ReadItem(name, error=f"{size / 2**20:.0f} MB is too large for one article or page "
                                       f"(limit {MAX_FILE_BYTES // 2**20} MB); split it, or use JSON Lines")
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield ReadItem(name, error=f"cannot read: {exc.strerror or exc}")
        return
    if not raw.strip():
        yield ReadItem(name, error="empty file")
        return
    yield from BYTE_READERS[suffix](name, raw, defaults)


def _without_name(message: str, name: str) -> str:
    # errors raised deep down often start with the item's name; the ReadItem carries it already
    return message.removeprefix(f"{name}: ").removeprefix("<stdin>: ")


def estimate_total(paths: Iterable[str | Path]) -> int | None:
    """About how many items ``paths`` hold, for a progress bar's ETA: JSON Lines count
    their lines, feeds their entries, other files one each; None when nothing is known."""
    total, known = 0, False
    for path in expand(paths):
        if not isinstance(path, Path) or not path.is_file():
            continue
        known = True
        suffix = path.suffix.lower()
        try:
            if suffix in JSON_SUFFIXES | FEED_SUFFIXES:
                total += max(1, _count(path, (b"\n",) if suffix in JSON_SUFFIXES else (b"<item", b"<entry")))
            else:
                total += 1
        except OSError:
            total += 1
    return total if known else None


def _count(path: Path, needles: tuple[bytes, ...]) -> int:
    count = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            count += sum(chunk.count(n) for n in needles)
    return count
