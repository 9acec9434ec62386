"""Turn files into Documents: plain text, Markdown, JSON and JSON Lines.

Readers never stop a run over one bad item: each yields ReadItem records that carry
either a Document or the reason the item was skipped, named so a user can find it.
"""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator

import dateparser

from geomap.errors import InputError, ValidationError
from geomap.records import Document

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md", ".text"}
JSON_SUFFIXES = {".jsonl", ".json", ".ndjson"}
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Defaults:
    """Values an item gets when it does not carry its own."""

    published: date | None = None
    source: str | None = None
    fields: dict[str, str] = field(default_factory=dict)  # our name -> the input's field name


@dataclass(frozen=True)
class ReadItem:
    name: str
    document: Document | None = None
    error: str | None = None


def parse_date(value: object) -> date | None:
    """An ISO date, a timestamp or a date written in words; None when absent."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value if not hasattr(value, "hour") else value.date()  # type: ignore[attr-defined]
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first"})
        if parsed is None:
            raise InputError(f"cannot read {text!r} as a date") from None
        return parsed.date()


def decode(raw: bytes, name: str) -> str:
    if b"\x00" in raw[:8192]:
        raise InputError(f"{name}: binary file, not text")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{name}: not UTF-8 and not Windows-1252 text")


def document_from_mapping(data: dict, defaults: Defaults) -> Document:
    def get(key: str) -> object:
        return data.get(defaults.fields.get(key, key))

    text = get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("no text field (or it is empty)")
    try:
        return Document(
            text=text,
            title=str(get("title") or ""),
            url=str(get("url")) if get("url") else None,
            source=str(get("source") or defaults.source or "") or None,
            published=parse_date(get("published")) or defaults.published,
        )
    except ValidationError as exc:
        raise InputError(str(exc)) from exc


def read_text(name: str, text: str, defaults: Defaults) -> Iterator[ReadItem]:
    if not text.strip():
        yield ReadItem(name, error="empty file")
        return
    first_line = text.strip().splitlines()[0].lstrip("# ").strip()
    # a short first line is a headline; a long one is the article's first paragraph
    title = first_line if len(first_line) <= 200 else ""
    yield ReadItem(name, Document(text=text, title=title, source=defaults.source, published=defaults.published))


def read_json_text(name: str, text: str, defaults: Defaults) -> Iterator[ReadItem]:
    stripped = text.strip()
    if not stripped:
        yield ReadItem(name, error="empty file")
        return
    if stripped.startswith("["):
        try:
            records: Iterable = enumerate(json.loads(stripped), 1)
        except json.JSONDecodeError as exc:
            yield ReadItem(name, error=f"malformed JSON: {exc}")
            return
    else:
        records = enumerate(_json_lines(stripped), 1)
    for number, data in records:
        item = f"{name}:{number}"
        if isinstance(data, InputError):
            yield ReadItem(item, error=str(data))
            continue
        if not isinstance(data, dict):
            yield ReadItem(item, error="a JSON record must be an object")
            continue
        try:
            yield ReadItem(item, document_from_mapping(data, defaults))
        except InputError as exc:
            yield ReadItem(item, error=str(exc))


def _json_lines(text: str) -> Iterator[dict | InputError]:
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"malformed JSON line: {exc}")


Reader = Callable[[str, str, Defaults], Iterator[ReadItem]]
READERS: dict[str, Reader] = {s: read_text for s in TEXT_SUFFIXES} | {s: read_json_text for s in JSON_SUFFIXES}


def expand(paths: Iterable[str | Path]) -> Iterator[Path | str]:
    """Files as given, folders walked recursively (only the suffixes geomap reads)."""
    for raw in paths:
        if str(raw) == "-":
            yield "-"
            continue
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READERS)
        else:
            yield path


def read_paths(paths: Iterable[str | Path], defaults: Defaults = Defaults()) -> Iterator[ReadItem]:
    for path in expand(paths):
        yield from read_one(path, defaults)


def read_one(path: Path | str, defaults: Defaults) -> Iterator[ReadItem]:
    if path == "-":
        text = sys.stdin.read()
        reader = read_json_text if text.lstrip().startswith(("{", "[")) else read_text
        yield from reader("<stdin>", text, defaults)
        return
    assert isinstance(path, Path)
    name = str(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield ReadItem(name, error=f"unknown file type {path.suffix!r}; geomap reads {sorted(READERS)}")
        return
    try:
        if path.stat().st_size > MAX_BYTES:
            yield ReadItem(name, error=f"larger than {MAX_BYTES // 2**20} MB")
            return
        text = decode(path.read_bytes(), name)
    except OSError as exc:
        yield ReadItem(name, error=f"cannot read: {exc.strerror or exc}")
        return
    except InputError as exc:
        yield ReadItem(name, error=str(exc))
        return
    yield from reader(name, text, defaults)
