"""Articles and feeds from URLs, for machines that are online.

geomap works offline; a URL is the one input that needs the network, so every failure
here says so plainly instead of surfacing a socket error.
"""

from __future__ import annotations

import logging
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Iterator

from geomap import __version__
from geomap.errors import InputError
from geomap.readers import Defaults, ReadItem, sniff, sniff_kind

log = logging.getLogger(__name__)

MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024
USER_AGENT = f"geomap/{__version__} (news geoparser)"
OFFLINE_HINT = "URLs need network access; files, folders and stdin work offline"


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    body: bytes
    content_type: str


def fetch(url: str, timeout: float = 20.0) -> Fetched:
    """GET one URL with a timeout and a size limit; every failure is an InputError."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(MAX_DOWNLOAD_BYTES + 1)
            final_url, content_type = response.geturl(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        raise InputError(f"{url}: the server answered HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise InputError(f"{url}: cannot connect ({_reason(exc.reason)}); {OFFLINE_HINT}") from exc
    except (socket.timeout, TimeoutError) as exc:
        raise InputError(f"{url}: no answer within {timeout:g} s; {OFFLINE_HINT}") from exc
    except (OSError, ValueError) as exc:
        raise InputError(f"{url}: cannot fetch ({exc})") from exc
    if len(body) > MAX_DOWNLOAD_BYTES:
        raise InputError(f"{url}: larger than {MAX_DOWNLOAD_BYTES // 2**20} MB, not an article")
    return Fetched(final_url, body, content_type.lower())


def _reason(reason: object) -> str:
    if isinstance(reason, socket.gaierror):
        return "the host name does not resolve: offline, or a wrong address"
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return "timed out"
    return str(getattr(reason, "strerror", None) or reason)


def read_url(url: str, defaults: Defaults) -> Iterator[ReadItem]:
    """A page (HTML), a feed (each entry; entries' links fetched for their full text), or
    JSON/text served over HTTP."""
    from geomap.webreaders import read_feed, read_html

    got = fetch(url, defaults.timeout)
    if not got.body.strip():
        yield ReadItem(url, error="the server sent an empty answer")
        return
    if _is_feed(got):
        yield from read_feed(url, got.body, defaults, fetch_link=lambda link: _linked_page(link, defaults))
    elif "html" in got.content_type or sniff_kind(got.body) == "html":
        yield from read_html(url, got.body, defaults, url=got.url)
    else:
        yield from sniff(got.body)(url, got.body, defaults)


def _is_feed(got: Fetched) -> bool:
    if any(kind in got.content_type for kind in ("rss", "atom", "rdf")):
        return True
    return sniff_kind(got.body) == "feed"


def _linked_page(link: str, defaults: Defaults) -> ReadItem | None:
    from geomap.webreaders import read_html

    try:
        got = fetch(link, defaults.timeout)
        return next(read_html(link, got.body, defaults, url=got.url), None)
    except InputError as exc:
        log.warning("%s; using the feed entry's own text", exc)
        return None

