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
from html.entities import entitydefs
from typing import Callable, Iterator
from pathlib import PurePosixPath
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator

from .config import Config
from .content import Article, body_shown
from .decode import clean   # what XML cannot carry: control characters, lone surrogates, U+FFFE/U+FFFF
from .digest import Day, Digest
from .i18n import Language, primary
from .slug import feed_id, slugify, tag_uri

GENERATOR = "newsdigest"
RELATIVE_URL = re.compile(r'(?P<attr>\s(?:href|src))="(?![a-z][a-z0-9+.-]*:)(?P<url>[^"]*)"', re.I)
"""An attribute after white space: what markdown-it writes (and three times faster to find than after \\b)."""
KEPT_ELEMENTS = frozenset("""
    a abbr acronym b bdi bdo big br cite code data del dfn em font i ins kbd mark q s samp small span strike strong
    sub sup time tt u var wbr address article aside blockquote center dd details dialog dir div dl dt figcaption figure
    footer h1 h2 h3 h4 h5 h6 header hr li main menu nav ol p pre section summary ul caption col colgroup table tbody
    td tfoot th thead tr button datalist fieldset form input keygen label legend meter optgroup option output progress
    select textarea area audio canvas img map picture source track video command datagrid event-source m multicol
    nextid noscript sound spacer""".split())
"""The elements a feed reader keeps when it reads a text as HTML (script, style, frames and the like it drops)."""
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
    story: str = ""
    """The id of the article's story (stories.py): JSON Feed's extension "_newsdigest": {"story": id}."""
    language: str = ""
    """Its language when it is not the feed's: RSS dc:language, Atom xml:lang, JSON Feed language."""


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

    def story_ids(self, digest: Digest) -> tuple[str, ...]:
        """The id of each article item's story, as its entry names it: what the feed is made from besides its
        items (an earlier report that joins a story changes the story's id, and no item)."""
        return tuple(digest.story_of[a.source].id for a in self.items if isinstance(a, Article))

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
    yield Feed("digest.xml", "rss", digest.language.gettext("%(site)s: one post a day", site=site.title), site.url,
               digest.days[:limit])


def article_entry(a: Article, digest: Digest, config: Config) -> Entry:
    """The feed item of `a`: its body, so the output made meanwhile is heard showing it (content.bodies_read),
    though the item was made once for all the feeds."""
    body_shown(a)
    return _article_entry(a, config.site.url, digest.url(a), digest.story_of[a.source].id, digest.language)


@lru_cache(maxsize=4096)
def _article_entry(a: Article, site_url: str, path: str, story: str, language: Language) -> Entry:
    """Made once for all the feeds an article is in (the site's, its section's, its tags')."""
    url = site_url + path
    return Entry(id=article_id(a, site_url),
                 title=clean(a.title), url=url, published=a.date, updated=max(a.updated or a.date, a.date),
                 summary=clean(a.summary or a.title), content_html=clean(absolute_urls(content_html(a, language), url)),
                 categories=tuple(map(clean, (a.category, *a.tags))), authors=tuple(map(clean, a.authors)),
                 source_url=clean(a.source_url), source_name=clean(a.source_name), story=story,
                 language=a.lang if a.lang and primary(a.lang) != language.primary else "")


def article_id(a: Article, site_url: str) -> str:
    """The article's one id, in every feed and in its page's JSON-LD (`identifier`): see slug.feed_id. With none
    in its front matter, the name is its file's path below content/, each part slugified ('council/report'):
    two files of one name in two folders are two items."""
    name = "/".join(map(slugify, PurePosixPath(a.path).with_suffix("").parts))
    return feed_id(clean(a.id), site_url, f"{a.date:%Y-%m-%d}", name)


def day_entry(day: Day, digest: Digest, config: Config) -> Entry:
    """A day of the digest as one item: its stories by section, each its lead linked, with its outlet and summary,
    then the other outlets that reported it that day."""
    url = f"{config.site.url}{day.day:%Y/%m/%d}/"
    articles = [a for g in day.sections for a in g.articles]
    link = lambda a, text: f'<a href="{escape(config.site.url + digest.url(a))}">{escape(text)}</a>'
    outlet = lambda a: a.source_name or config.site.title
    language = digest.language
    also = escape(language.gettext("Also:"))
    parts = []
    for listing in day.listings:
        parts.append(f"<h2>{escape(listing.name)}</h2>\n<ul>")
        for e in listing.entries:
            a = e.lead
            parts.append(f"<li>{link(a, a.title)}" + (f" ({escape(outlet(a))})" if e.also else "")
                         + (f"<br>{escape(a.summary)}" if a.summary else "")
                         + (f"<br>{also} {', '.join(link(o, outlet(o)) for o in e.also)}" if e.also else "") + "</li>")
        parts.append("</ul>")
    newest = max(a.date for a in articles)
    title = language.ngettext("%(date)s: %(num)s story", "%(date)s: %(num)s stories", day.stories,
                              date=language.long_date(day.day))
    return Entry(id=tag_uri(config.site.url, day.day.isoformat(), "digest"), title=title, url=url, published=newest,
                 updated=max(a.updated or a.date for a in articles), summary=clean("; ".join(a.title for a in articles)),
                 content_html=clean("\n".join(parts)))


def content_html(a: Article, language: Language) -> str:
    """The article for a feed reader: dek, lead image, its caption and credit, body (or its excerpt), and where
    the story came from (in the site's language)."""
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
        link = f'<a href="{escape(a.source_url)}">{escape(a.source_name or a.source_url)}</a>'
        lead = (language.gettext("Read the whole story at %(outlet)s") if a.excerpt
                else language.gettext("Read the original at %(outlet)s"))
        parts.append(f"<p>{escape(lead).replace('%(outlet)s', link)}</p>")
    elif a.source_name:
        opening = language.gettext("This is the opening of the story.") + " " if a.excerpt else ""
        parts.append(f"<p>{escape(opening + language.gettext('From %(outlet)s.', outlet=a.source_name))}</p>")
    return "\n".join(parts)


def absolute_urls(html: str, base: str) -> str:
    """Resolve every relative href/src (a path, //host/..., #part) against the article's URL: readers and
    e-mail services have no base."""
    return RELATIVE_URL.sub(lambda m: f'{m["attr"]}="{urljoin(base, m["url"])}"', html)



# ---- writers ---------------------------------------------------------------------------------------------


def rss_title(text: str) -> str:
    """An RSS <title> for plain text. RSS does not say whether a title is text or HTML: readers show it as
    text (newsboat, feedparser) unless it looks like HTML, when some read it as HTML and lose the words in
    angle brackets; such a title is escaped once more, so that read as HTML it gives the same words."""
    return escape(text, quote=False) if looks_like_html(text) else text


def looks_like_html(text: str) -> bool:
    """Whether a reader guessing at a text's type takes it for HTML, as feedparser guesses: it holds a closing
    tag or a character reference, every tag names an element readers keep, every entity is HTML's."""
    if not re.search(r"</\w+>|&#?\w+;", text):
        return False
    return all(t.lower() in KEPT_ELEMENTS for t in re.findall(r"</?([\w-]+)", text)) and \
        all(e in entitydefs for e in re.findall(r"&(\w+);", text))


def write_feedgen(feed: Feed, entries: tuple[Entry, ...], config: Config) -> bytes:
    """RSS 2.0 or Atom through feedgen, with every date and the order set explicitly. Texts are plain text
    in Atom (type="text"); in RSS, a <description> is HTML to every reader, so it carries the text
    HTML-escaped (the page's words, not markup), and a title as rss_title says; several authors are one
    <dc:creator>, as the page's byline names them."""
    site = config.site
    fg = FeedGenerator()
    fg.load_extension("dc")
    rss = feed.format == "rss"
    fg.id(clean(feed.page_url))
    fg.title(rss_title(clean(feed.title)) if rss else clean(feed.title))
    fg.subtitle(escape(clean(site.description), quote=False) if rss else clean(site.description))   # RSS: description
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
    for e in reversed(entries):   # feedgen prepends: add the oldest first so the newest ends on top
        fe = fg.add_entry()
        fe.id(e.id)
        fe.guid(e.id, permalink=False)
        fe.title(rss_title(e.title) if rss else e.title)
        fe.link(href=e.url)
        fe.published(e.published)
        fe.updated(e.updated)
        if rss:
            fe.description(escape(e.summary, quote=False))
        else:
            fe.summary(e.summary)
        fe.content(e.content_html, type="CDATA" if rss else "html")
        for name in e.categories:
            fe.category(term=name)
        if e.source_url and rss:
            fe.source(url=e.source_url, title=e.source_name or e.source_url)
        elif e.source_url:
            fe.link(href=e.source_url, rel="via")   # feedgen 1.0 drops an entry link's rel: _via_links adds it
        if rss and e.authors:   # one element: readers show the last of several (newsboat, feedparser's author)
            fe.dc.dc_creator(", ".join(e.authors))
        for author in e.authors if not rss else ():
            fe.author(name=author)
        if e.language and rss:
            fe.dc.dc_language(e.language)
    xml = fg.rss_str(pretty=True) if rss else _via_links(fg.atom_str(pretty=True), entries)
    return _with_stylesheet(xml, feed.path)


def _via_links(xml: bytes, entries: tuple[Entry, ...]) -> bytes:
    """Mark each Atom entry's link to its source rel="via" (feedgen writes entry links without their rel), and
    give an entry in another language than the feed's its xml:lang (feedgen sets it on the feed alone)."""
    if not any(e.source_url or e.language for e in entries):
        return xml
    from lxml import etree

    atom = "{http://www.w3.org/2005/Atom}"
    root = etree.fromstring(xml)
    sources = {e.id: e for e in entries}
    for entry in root.iter(f"{atom}entry"):
        e = sources.get(entry.findtext(f"{atom}id"))
        if e and e.language:
            entry.set("{http://www.w3.org/XML/1998/namespace}lang", e.language)
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
                **({"_newsdigest": {"story": e.story}} if e.story else {}),
                **({"language": e.language} if e.language else {}),
            }
            for e in entries
        ],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


WRITERS: dict[str, Callable[[Feed, tuple[Entry, ...], Config], bytes]] = {"rss": write_feedgen, "atom": write_feedgen, "json": write_json_feed}
