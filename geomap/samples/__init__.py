"""The bundled sample corpus: news-style articles written for the project.

They cover the September 2023 Nagorno-Karabakh offensive, the war in Ukraine (Bakhmut,
Kharkiv region, Avdiivka), the war in Sudan (Khartoum, Jeddah, El Geneina) and a
Mogadishu bombing, so the demo map has several regions and several weeks to play back.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from geomap.errors import InputError
from geomap.records import Document

_SAMPLE_FILE = "articles.jsonl"


def sample_path() -> Path:
    """The JSON Lines file of the sample articles (one article a line)."""
    return Path(__file__).resolve().parent / _SAMPLE_FILE


def load_samples() -> list[Document]:
    """The sample articles as Documents, in file order."""
    documents: list[Document] = []
    path = sample_path()
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                published = date.fromisoformat(item["published"]) if item.get("published") else None
                documents.append(
                    Document(
                        text=item["text"],
                        title=item.get("title", ""),
                        url=item.get("url"),
                        source=item.get("source"),
                        published=published,
                    )
                )
            except (KeyError, ValueError) as exc:
                raise InputError(f"{path}:{number}: not a valid sample article ({exc})") from exc
    return documents
