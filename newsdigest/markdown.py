"""Markdown -> HTML that cannot carry a script: raw HTML stays text, only safe link schemes survive,
external links get the configured rel, and rendering one body has a time limit."""

from __future__ import annotations

import html
import re
import signal
import threading
from contextlib import contextmanager
from urllib.parse import unquote

from markdown_it import MarkdownIt

SAFE_SCHEMES = {"http", "https", "mailto"}
SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]+")
TIME_LIMIT = 2.0
"""CPU seconds any body may take to render, plus one for every RATE characters it holds: prose of any length
renders, a pathological body (100,000 '[', which takes time growing faster than its length) is rejected,
never a hang. CPU time, not the clock's: a busy machine does not turn a long article into a bad one."""
RATE = 100_000
"""Characters a second: a third of the slowest ordinary Markdown measured (a paragraph of 200,000 escaped '&')."""


class TooSlow(Exception):
    """A Markdown body took longer than its time limit (TIME_LIMIT) to render."""


def safe_link(url: str) -> bool:
    """Allow http, https, mailto and relative URLs, however the scheme is disguised (case, entities,
    percent-escapes, whitespace or control characters inside it)."""
    probe = url
    for _ in range(3):   # entities and escapes may be nested: &amp;#106; or %2526
        probe = unquote(html.unescape(probe))
    probe = INVISIBLE.sub("", probe).lower()
    m = SCHEME.match(probe)
    return m is None or m.group(1) in SAFE_SCHEMES


def make_markdown(site_url: str, nofollow: bool = False) -> MarkdownIt:
    """CommonMark plus tables and strikethrough, with the safety rules above."""
    md = MarkdownIt("js-default", {"html": False, "typographer": False})
    md.validateLink = safe_link
    rel = "noopener nofollow" if nofollow else "noopener"

    def link_open(renderer, tokens, idx, options, env):
        href = str(tokens[idx].attrGet("href") or "")
        if re.match(r"^(?:https?:)?//", href, re.I) and not href.startswith(site_url):
            tokens[idx].attrSet("rel", rel)
        return renderer.renderToken(tokens, idx, options, env)

    md.add_render_rule("link_open", link_open)
    return md


def render(md: MarkdownIt, text: str) -> str:
    """Render one body within TIME_LIMIT + len(text) / RATE CPU seconds (where the platform can interrupt: the
    main thread on Unix)."""
    with _time_limit(TIME_LIMIT + len(text) / RATE):
        return md.render(text)


@contextmanager
def _time_limit(seconds: float):
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise TooSlow(f"took more than {seconds:.3g} s")

    previous = signal.signal(signal.SIGVTALRM, expire)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)
