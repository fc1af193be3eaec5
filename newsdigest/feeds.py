"""Digest -> feeds: a table of feed specs and one loop, built with feedgen. Writes nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from html import escape
from typing import Callable
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator

from .config import Config
from .content import Article
from .digest import Digest

GENERATOR = "newsdigest"
XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
RELATIVE_URL = re.compile(r'(?P<attr>\b(?:href|src))="(?!(?:[a-z][a-z0-9+.-]*:|//|#))(?P<url>[^"]*)"', re.I)


@dataclass(frozen=True)
class FeedSpec:
    """One feed file: where it goes, its format and which articles it carries."""

    path: str
    format: str
    """'rss' or 'atom'."""
    title: Callable[[Config], str]
    articles: Callable[[Digest], tuple[Article, ...]]


FEEDS = [
    FeedSpec("feed.xml", "rss", lambda c: c.site.title, lambda d: d.articles),
    FeedSpec("atom.xml", "atom", lambda c: c.site.title, lambda d: d.articles),
]


def render_feeds(digest: Digest, config: Config) -> dict[str, bytes]:
    """Every feed in FEEDS, newest first, limited to feeds.limit items."""
    return {spec.path: build_feed(spec, digest, config) for spec in FEEDS}


def build_feed(spec: FeedSpec, digest: Digest, config: Config) -> bytes:
    site = config.site
    articles = spec.articles(digest)[: config.feeds.limit]
    fg = FeedGenerator()
    fg.load_extension("dc")
    fg.id(site.url)
    fg.title(clean(spec.title(config)))
    fg.description(clean(site.description))
    fg.subtitle(clean(site.description))
    fg.language(site.language)
    fg.generator(GENERATOR)
    fg.link(href=site.url, rel="alternate")
    fg.link(href=site.url + spec.path, rel="self")
    newest = max((a.updated or a.date for a in articles), default=datetime(2000, 1, 1, tzinfo=timezone.utc))
    fg.updated(newest)
    fg.lastBuildDate(newest)
    for a in reversed(articles):   # feedgen prepends: add oldest first so the newest ends on top
        url = site.url + digest.url(a)
        fe = fg.add_entry()
        fe.id(a.id)
        fe.guid(a.id, permalink=False)
        fe.title(clean(a.title))
        fe.link(href=url)
        fe.published(a.date)
        fe.updated(a.updated or a.date)
        fe.description(clean(a.summary or a.title)) if spec.format == "rss" else fe.summary(clean(a.summary or a.title))
        fe.content(clean(absolute_urls(content_html(a), url)), type="CDATA" if spec.format == "rss" else "html")
        for name in [a.category, *a.tags]:
            fe.category(term=clean(name))
        for author in a.authors:
            fe.dc.dc_creator(clean(author)) if spec.format == "rss" else fe.author(name=clean(author))
    xml = fg.rss_str(pretty=True) if spec.format == "rss" else fg.atom_str(pretty=True)
    return xml


def content_html(a: Article) -> str:
    """The full article for a feed reader: dek, photo caption and credit, body."""
    parts = []
    if a.dek:
        parts.append(f"<p><strong>{escape(a.dek)}</strong></p>")
    if a.image_caption:
        credit = f" <small>{escape(a.image_credit)}</small>" if a.image_credit else ""
        parts.append(f"<p><em>{escape(a.image_caption)}</em>{credit}</p>")
    parts.append(a.body_html)
    return "\n".join(parts)


def absolute_urls(html: str, base: str) -> str:
    """Resolve every relative href/src against the article's URL, since readers have no base."""
    return RELATIVE_URL.sub(lambda m: f'{m["attr"]}="{urljoin(base, m["url"])}"', html)


def clean(text: str) -> str:
    """Remove what XML cannot carry: control characters, lone surrogates, U+FFFE/U+FFFF."""
    return XML_UNSAFE.sub("", text)
