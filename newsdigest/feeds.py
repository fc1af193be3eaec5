"""Digest -> feeds: a table of feeds, one neutral entry list each, one writer per format. Writes nothing.

RSS 2.0 and Atom are built with feedgen; JSON Feed 1.1, which feedgen lacks, with json.dumps.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from html import escape
from typing import Callable, Iterator
from pathlib import PurePosixPath
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator

from .config import Config
from .content import Article
from .digest import Day, Digest
from .slug import feed_id, slugify, tag_uri

GENERATOR = "newsdigest"
XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
RELATIVE_URL = re.compile(r'(?P<attr>\s(?:href|src))="(?![a-z][a-z0-9+.-]*:)(?P<url>[^"]*)"', re.I)
"""An attribute after white space: what markdown-it writes (and three times faster to find than after \\b)."""
STYLESHEET = "static/feed.css"
EPOCH = datetime(2000, 1, 1, tzinfo=timezone.utc)


@dataclass(frozen=True)
class Entry:
    """One feed item, whatever it was made from: an article, or a day of the digest. Its text holds nothing
    XML cannot carry (see clean)."""

    id: str
    title: str
    url: str
    published: datetime
    updated: datetime
    summary: str
    content_html: str
    """Full content; every URL in it absolute."""
    categories: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    source_url: str = ""
    """Where the story came from: RSS <source url>, Atom <link rel="via">, JSON Feed external_url."""
    source_name: str = ""


@dataclass(frozen=True)
class Feed:
    """One feed file, and what its items are made from."""

    path: str
    format: str
    """'rss', 'atom' or 'json'."""
    title: str
    page_url: str
    """The page this feed follows."""
    items: tuple[Article, ...] | tuple[Day, ...]
    """Newest first: articles, or days for the daily digest."""

    def entries(self, digest: Digest, config: Config) -> tuple[Entry, ...]:
        make = day_entry if self.items and isinstance(self.items[0], Day) else article_entry
        return tuple(make(item, digest, config) for item in self.items)  # type: ignore[arg-type]


def render_feed(feed: Feed, digest: Digest, config: Config) -> bytes:
    return WRITERS[feed.format](feed, feed.entries(digest, config), config)


def all_feeds(digest: Digest, config: Config) -> Iterator[Feed]:
    """The table: site-wide RSS, Atom and JSON Feed; RSS per section and per tag; the daily digest."""
    site, limit = config.site, config.feeds.limit
    for path, fmt in (("feed.xml", "rss"), ("atom.xml", "atom"), ("feed.json", "json")):
        yield Feed(path, fmt, site.title, site.url, digest.articles[:limit])
    for kind, groups in (("section", digest.sections), ("tag", digest.tags)):
        for g in groups:
            yield Feed(f"{kind}/{g.slug}/feed.xml", "rss", f"{g.name} · {site.title}", f"{site.url}{kind}/{g.slug}/",
                       g.articles[:limit])
    yield Feed("digest.xml", "rss", f"{site.title}: one post a day", site.url, digest.days[:limit])


def article_entry(a: Article, digest: Digest, config: Config) -> Entry:
    return _article_entry(a, config.site.url, digest.url(a))


@lru_cache(maxsize=4096)
def _article_entry(a: Article, site_url: str, path: str) -> Entry:
    """Made once for all the feeds an article is in (the site's, its section's, its tags')."""
    url = site_url + path
    return Entry(id=feed_id(clean(a.id), site_url, f"{a.date:%Y-%m-%d}", slugify(PurePosixPath(a.source).stem)),
                 title=clean(a.title), url=url, published=a.date, updated=max(a.updated or a.date, a.date),
                 summary=clean(a.summary or a.title), content_html=clean(absolute_urls(content_html(a), url)),
                 categories=tuple(map(clean, (a.category, *a.tags))), authors=tuple(map(clean, a.authors)),
                 source_url=clean(a.source_url), source_name=clean(a.source_name))


def day_entry(day: Day, digest: Digest, config: Config) -> Entry:
    """A day of the digest as one item: its stories by section, each linked, with its summary."""
    url = f"{config.site.url}{day.day:%Y/%m/%d}/"
    articles = [a for g in day.sections for a in g.articles]
    parts = []
    for g in day.sections:
        parts.append(f"<h2>{escape(g.name)}</h2>\n<ul>")
        for a in g.articles:
            parts.append(f'<li><a href="{escape(config.site.url + digest.url(a))}">{escape(a.title)}</a>'
                         + (f"<br>{escape(a.summary)}" if a.summary else "") + "</li>")
        parts.append("</ul>")
    newest = max(a.date for a in articles)
    return Entry(id=tag_uri(config.site.url, day.day.isoformat(), "digest"), title=f"{day.day:%A}, {day.day.day} {day.day:%B %Y}: "
                 f"{day.count} {'story' if day.count == 1 else 'stories'}", url=url, published=newest,
                 updated=max(a.updated or a.date for a in articles), summary=clean("; ".join(a.title for a in articles)),
                 content_html=clean("\n".join(parts)))


def content_html(a: Article) -> str:
    """The article for a feed reader: dek, lead image, its caption and credit, body (or its excerpt), and where
    the story came from."""
    parts = []
    if a.dek:
        parts.append(f"<p><strong>{escape(a.dek)}</strong></p>")
    if a.image_url:
        size = f' width="{a.image_width}" height="{a.image_height}"' if a.image_width and a.image_height else ""
        parts.append(f'<p><img src="{escape(a.image_url)}" alt="{escape(a.image_caption)}"{size}></p>')
    if a.image_caption:
        credit = f" <small>{escape(a.image_credit)}</small>" if a.image_credit else ""
        parts.append(f"<p><em>{escape(a.image_caption)}</em>{credit}</p>")
    parts.append(a.body_html)
    if a.source_url:
        lead = "Read the whole story at" if a.excerpt else "Read the original at"
        parts.append(f'<p>{lead} <a href="{escape(a.source_url)}">{escape(a.source_name or a.source_url)}</a></p>')
    elif a.source_name:
        parts.append(f"<p>{'This is the opening of the story. ' if a.excerpt else ''}From {escape(a.source_name)}.</p>")
    return "\n".join(parts)


def absolute_urls(html: str, base: str) -> str:
    """Resolve every relative href/src (a path, //host/..., #part) against the article's URL: readers and
    e-mail services have no base."""
    return RELATIVE_URL.sub(lambda m: f'{m["attr"]}="{urljoin(base, m["url"])}"', html)


def clean(text: str) -> str:
    """Remove what XML cannot carry: control characters, lone surrogates, U+FFFE/U+FFFF."""
    return XML_UNSAFE.sub("", text)


# ---- writers ---------------------------------------------------------------------------------------------


def write_feedgen(feed: Feed, entries: tuple[Entry, ...], config: Config) -> bytes:
    """RSS 2.0 or Atom through feedgen, with every date and the order set explicitly."""
    site = config.site
    fg = FeedGenerator()
    fg.load_extension("dc")
    fg.id(clean(feed.page_url))
    fg.title(clean(feed.title))
    fg.description(clean(site.description))
    fg.subtitle(clean(site.description))
    fg.language(site.language)
    fg.generator(GENERATOR)
    author = site.author
    fg.author({"name": clean(author.name), **({"email": author.email} if author.email else {}),
               **({"uri": author.url} if author.url else {})})      # Atom: for the entries with no byline
    if author.email:
        fg.managingEditor(f"{author.email} ({clean(author.name)})")
    fg.link(href=site.url + feed.path, rel="self")
    fg.link(href=feed.page_url, rel="alternate")
    newest = max((e.updated for e in entries), default=EPOCH)
    fg.updated(newest)
    fg.lastBuildDate(newest)
    rss = feed.format == "rss"
    for e in reversed(entries):   # feedgen prepends: add the oldest first so the newest ends on top
        fe = fg.add_entry()
        fe.id(e.id)
        fe.guid(e.id, permalink=False)
        fe.title(e.title)
        fe.link(href=e.url)
        fe.published(e.published)
        fe.updated(e.updated)
        if rss:
            fe.description(e.summary)
        else:
            fe.summary(e.summary)
        fe.content(e.content_html, type="CDATA" if rss else "html")
        for name in e.categories:
            fe.category(term=name)
        if e.source_url and rss:
            fe.source(url=e.source_url, title=e.source_name or e.source_url)
        elif e.source_url:
            fe.link(href=e.source_url, rel="via")   # feedgen 1.0 drops an entry link's rel: _via_links adds it
        for author in e.authors:
            if rss:
                fe.dc.dc_creator(author)
            else:
                fe.author(name=author)
    xml = fg.rss_str(pretty=True) if rss else _via_links(fg.atom_str(pretty=True), entries)
    return _with_stylesheet(xml, feed.path)


def _via_links(xml: bytes, entries: tuple[Entry, ...]) -> bytes:
    """Mark each Atom entry's link to its source rel="via" (feedgen writes entry links without their rel)."""
    if not any(e.source_url for e in entries):
        return xml
    from lxml import etree

    atom = "{http://www.w3.org/2005/Atom}"
    root = etree.fromstring(xml)
    sources = {e.id: e for e in entries}
    for entry in root.iter(f"{atom}entry"):
        e = sources.get(entry.findtext(f"{atom}id"))
        for link in entry.iter(f"{atom}link") if e and e.source_url else ():
            if link.get("href") == e.source_url and link.get("rel") is None:
                link.set("rel", "via")
                if e.source_name:
                    link.set("title", e.source_name)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _with_stylesheet(xml: bytes, path: str) -> bytes:
    """Add <?xml-stylesheet?> so a person who opens the feed in a browser sees how to subscribe."""
    href = posixpath.relpath(STYLESHEET, posixpath.dirname(path) or ".")
    declaration, rest = xml.split(b"?>", 1)
    return declaration + b'?>\n<?xml-stylesheet type="text/css" href="' + href.encode() + b'"?>' + rest


def write_json_feed(feed: Feed, entries: tuple[Entry, ...], config: Config) -> bytes:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    site = config.site
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed.title,
        "home_page_url": feed.page_url,
        "feed_url": site.url + feed.path,
        "description": site.description,
        "language": site.language,
        "authors": [{"name": site.author.name, **({"url": site.author.url} if site.author.url else {})}],
        "items": [
            {
                "id": e.id,
                "url": e.url,
                "title": e.title,
                "content_html": e.content_html,
                "summary": e.summary,
                "date_published": e.published.isoformat(),
                "date_modified": e.updated.isoformat(),
                **({"authors": [{"name": a} for a in e.authors]} if e.authors else {}),
                **({"tags": list(e.categories)} if e.categories else {}),
                **({"external_url": e.source_url} if e.source_url else {}),
            }
            for e in entries
        ],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


WRITERS: dict[str, Callable[[Feed, tuple[Entry, ...], Config], bytes]] = {"rss": write_feedgen, "atom": write_feedgen, "json": write_json_feed}
