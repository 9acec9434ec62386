"""Reading the JSON Lines files the corpus commands take (geoparse, extract, evaluate)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from geomap.errors import InputError


def read_text_objects(handle: TextIO, name: str = "input") -> Iterator[dict[str, Any]]:
    """Each non-blank line as a JSON object with a "text" string; anything else stops
    the run with an error naming the line, since scores over a half-read corpus mislead."""
    for number, line in enumerate(handle, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name} line {number}: not JSON ({exc.msg})") from exc
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise InputError(f"{name} line {number}: needs an object with a \"text\" string")
        yield row
