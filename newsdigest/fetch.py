"""build.py add URL: fetch a page and save it as a seed. The only code that goes to the network.

http and https only, a time limit, a size cap, at most a few redirects (never to another scheme), a
User-Agent that says who asks; every failure is one line that says what went wrong.
"""

from __future__ import annotations

import html
import re
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from . import __version__
from .ingest import MAX_PAGE_BYTES as MAX_BYTES   # a page fetched is a saved-page seed
from .slug import free_slug, slugify
from .write import write_inside

TIMEOUT = 20.0
"""Seconds to wait for a server to answer (each step)."""
MAX_REDIRECTS = 5
USER_AGENT = f"newsdigest/{__version__} (a news digest generator; fetches one page when its operator asks)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
TITLE = re.compile(rb"<title[^>]*>(?P<title>.{1,300}?)</title>", re.I | re.S)


class FetchError(Exception):
    """Why a page could not be fetched, in words."""


@dataclass(frozen=True)
class Fetched:
    url: str
    """Where the page was found, after redirects."""
    body: bytes


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 2

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in ("http", "https"):
            fp.close()
            raise FetchError(f"redirected to {newurl!r}, which is not an http or https address")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str) -> Fetched:
    """The page at url, or a FetchError saying why not."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError("not an http or https address")
    opener = urllib.request.build_opener(_Redirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml"})
    try:
        with opener.open(request, timeout=TIMEOUT) as response:
            kind = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if kind and kind not in HTML_TYPES:
                raise FetchError(f"not a web page (the server says {kind})")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > MAX_BYTES:
                raise FetchError(f"too big ({int(declared):,} bytes; the limit is {MAX_BYTES:,})")
            body = response.read(MAX_BYTES + 1)
            if len(body) > MAX_BYTES:
                raise FetchError(f"too big (over {MAX_BYTES:,} bytes)")
            return Fetched(response.geturl(), body)
    except urllib.error.HTTPError as exc:
        exc.close()
        if exc.code in (301, 302, 303, 307, 308):
            to = re.search(r"[Rr]edirection to url '(?P<url>[^']*)' is not allowed", str(exc.reason))
            if to:
                raise FetchError(f"redirected to {to['url']!r}, which is not an http or https address") from None
            raise FetchError(f"more than {MAX_REDIRECTS} redirects, or a redirect loop") from None
        raise FetchError(f"the server answered HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, socket.gaierror):
            raise FetchError(f"no such host: {parts.hostname} (DNS)") from None
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise FetchError(f"no answer within {TIMEOUT:g} s") from None
        if isinstance(reason, ConnectionRefusedError):
            raise FetchError(f"{parts.hostname} refused the connection") from None
        if isinstance(reason, FetchError):
            raise reason from None
        raise FetchError(f"cannot connect: {getattr(reason, 'strerror', None) or reason}") from None
    except (TimeoutError, socket.timeout):
        raise FetchError(f"no answer within {TIMEOUT:g} s") from None
    except (ConnectionError, OSError) as exc:
        raise FetchError(f"the connection failed: {exc.strerror or exc}") from None


def _without_outlet(title: str) -> str:
    """'Ferry crews vote to strike | The Coastal Courier' -> 'Ferry crews vote to strike'."""
    head, sep, tail = max((title.rpartition(s) for s in (" | ", " - ", " – ", " — ")), key=lambda p: len(p[0]))
    return head if sep and len(tail.split()) <= 5 and len(head.split()) >= 3 else title


def save(page: Fetched, seeds: Path) -> Path:
    """Write seeds/<slug>.html: a 'saved from url' comment (as browsers write it) then the page's bytes.
    A page already saved from the same address is replaced; another one keeps its name."""
    seeds.mkdir(parents=True, exist_ok=True)
    title = TITLE.search(page.body[:200_000])
    name = slugify(_without_outlet(html.unescape(title["title"].decode("utf-8", "replace")))) if title else ""
    name = name or slugify(urlsplit(page.url).path.rstrip("/").rsplit("/", 1)[-1]) or slugify(urlsplit(page.url).netloc)
    name = name[:80].rstrip("-")
    url = page.url.replace("-->", "--%3E")
    marker = f"<!-- saved from url=({len(url):04d}){url} -->\n".encode("utf-8")
    target = seeds / f"{free_slug(name, lambda n: _saved_from_elsewhere(seeds / f'{n}.html', marker))}.html"
    write_inside(seeds, target, marker + page.body)
    return target


def _saved_from_elsewhere(path: Path, marker: bytes) -> bool:
    """Whether `path` holds a page saved from another address than `marker` names (its first bytes only)."""
    try:
        with open(path, "rb") as f:
            return f.read(len(marker)) != marker
    except FileNotFoundError:
        return False
