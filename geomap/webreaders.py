"""HTML pages (main text by trafilatura) and RSS/Atom feeds (feedparser) as Documents."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date
from typing import Callable, Iterator

from geomap.errors import InputError
from geomap.readers import Defaults, ReadItem, make_document, parse_date

log = logging.getLogger(__name__)

# Fewer words than this is navigation or a cookie banner, not an article.
MIN_ARTICLE_WORDS = 8


def html_article(raw: bytes | str, url: str | None = None) -> dict | None:
    """The main text and metadata of a page, or None when it has no article text."""
    import trafilatura

    found = trafilatura.bare_extraction(
        raw, url=url, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if found is None:
        return None
    data = found.as_dict() if hasattr(found, "as_dict") else dict(found)
    text = _drop_headline(data.get("text") or "", data.get("title") or "")
    if len(text.split()) < MIN_ARTICLE_WORDS:
        return None
    data["text"] = text
    return data


def _drop_headline(text: str, title: str) -> str:
    # trafilatura repeats the <h1> as the text's first line; the title is kept apart
    first, _, rest = text.partition("\n")
    return rest.lstrip() if title and first.strip() == title.strip() and rest.strip() else text


def read_html(name: str, raw: bytes, defaults: Defaults, url: str | None = None) -> Iterator[ReadItem]:
    try:
        data = html_article(raw, url)
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        yield ReadItem(name, error=f"cannot parse the HTML: {exc}")
        return
    if data is None:
        yield ReadItem(name, error="no article text found in the page")
        return
    yield make_document(
        name, data["text"], defaults, title=data.get("title") or "",
        url=data.get("url") or url, source=data.get("sitename") or data.get("hostname"),
        published=_lenient_date(data.get("date")),
    )


def _lenient_date(value: object) -> date | None:
    try:
        return parse_date(value)
    except InputError:
        return None


def fragment_text(markup: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content), paragraphs kept apart."""
    if "<" not in markup:
        return markup.strip()
    import lxml.html

    try:
        root = lxml.html.fromstring(markup)
    except Exception:  # lxml's ParserError for an empty or hopeless fragment
        return ""
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
        block.tail = "\n\n" + (block.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n\n"))
    return "\n\n".join(line for line in lines if line)


Fetcher = Callable[[str], "ReadItem | None"]


def read_feed(name: str, raw: bytes, defaults: Defaults, fetch_link: Fetcher | None = None) -> Iterator[ReadItem]:
    """Each entry of an RSS or Atom feed as an article. With ``fetch_link`` (a feed read from
    a URL), an entry is replaced by the page it links to when that page has more text."""
    import feedparser

    feed = feedparser.parse(raw)
    if not feed.entries:
        why = f": {feed.bozo_exception}" if feed.get("bozo") else " (no entries)"
        kind = "an empty feed" if feed.version else "not a readable RSS or Atom feed"
        yield ReadItem(name, error=f"{kind}{why}")
        return
    if feed.get("bozo"):
        log.warning("%s: the feed is not well-formed (%s); reading the entries found", name, feed.bozo_exception)
    source = feed.feed.get("title") or defaults.source  # the item's own metadata first
    for number, entry in enumerate(feed.entries, 1):
        yield _entry(f"{name}#{number}", entry, replace(defaults, source=source), fetch_link)


def _entry(name: str, entry: dict, defaults: Defaults, fetch_link: Fetcher | None) -> ReadItem:
    contents = [c.get("value", "") for c in entry.get("content", [])] or [entry.get("summary", "")]
    text = fragment_text(max(contents, key=len) if contents else "")
    link = entry.get("link") or None
    if fetch_link and link:
        page = fetch_link(link)
        if page is not None and page.document and len(page.document.text) > len(text):
            return page
    if not text:
        has = "a link only" if link else "no text and no link"
        title = entry.get("title", "").strip()
        return ReadItem(name, error=f"the entry {title!r} has {has}" if title else f"the entry has {has}")
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    return make_document(
        name, text, defaults, title=fragment_text(entry.get("title", "")), url=link,
        published=date(*published[:3]) if published else None,
    )
