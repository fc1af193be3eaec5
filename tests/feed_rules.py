"""The rules the W3C feed validator checks and feedparser does not, as a function the tests run on every feed.

problems(name, data) -> one line per broken rule. Written from RFC 4287 (Atom), RFC 4151 (tag: URIs),
RFC 3339 and RFC 822 (dates), the RSS 2.0 specification, JSON Feed 1.1 and the validator's own checks
(its entry.py, validators.py: MissingElement author/updated/id, InvalidTAG, InvalidFullLink,
InvalidRFC2822Date, InvalidW3DTFDate, DuplicateEntries, ContainsScript/Meta/Embed/Object, ContainsRelRef),
independently of the code that writes the feeds.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser

from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"
TAG_URI = re.compile(r"^tag:([a-z0-9\-._]+?@)?[a-z0-9.\-]+?,\d{4}(-\d{2}(-\d{2})?)?:[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]+$")
"""RFC 4151, as the validator's rfc2396.tag_re reads it (without the fragment)."""
HTTP_URI = re.compile(r"^https?://[^/\s?#]+[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#\[\]]*$")
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
RFC822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d? (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} "
                    r"\d\d:\d\d:\d\d ([+-]\d{4}|GMT|UT)$")
"""RFC 822 as RSS 2.0 uses it, with a four-digit year and a numeric offset (or GMT), as the validator prefers."""
EMAIL = re.compile(r"^[a-zA-Z0-9_\-+.]+@([a-zA-Z0-9\-]+\.)+[a-zA-Z]{2,}$")
URL_ATTRIBUTES = {"href", "src", "cite", "poster", "action", "background", "longdesc", "usemap", "srcset"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
UNSAFE_TAGS = {"script", "meta", "embed", "object", "iframe", "form", "style", "base"}


def problems(name: str, data: bytes) -> list[str]:
    """Every rule `data` (the feed file `name`) breaks, one line each."""
    if name.endswith(".json"):
        return _json_feed(name, data)
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        return [f"{name}: not well-formed XML: {exc}"]
    if root.tag == f"{ATOM}feed":
        return _atom(name, root)
    if root.tag == "rss" and root.get("version") == "2.0":
        return _rss(name, root)
    return [f"{name}: neither Atom nor RSS 2.0 (root element {root.tag})"]


def feed_id_problem(value: str | None) -> str | None:
    """Ids must be tag: URIs or http(s) addresses (no urn:newsdigest:..., no bare names)."""
    if not value:
        return "has no id"
    if value.startswith("tag:"):
        return None if TAG_URI.match(value) else f"id {value!r} is not a valid tag: URI (RFC 4151)"
    return None if HTTP_URI.match(value) else f"id {value!r} is neither a tag: URI nor an http(s) address"


def html_problems(html: str) -> list[str]:
    """A piece of HTML a feed carries: its tags balanced, every URL in it absolute, nothing a reader must strip."""
    checker = _HTMLCheck()
    checker.feed(html)
    checker.close()
    checker.found += [f"<{t}> is never closed" for t in checker.open]
    return checker.found


class _HTMLCheck(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in UNSAFE_TAGS:
            self.found.append(f"contains <{tag}>")
        for key, value in attrs:
            if key.startswith("on"):
                self.found.append(f"<{tag}> has an event handler {key}")
            if key in URL_ATTRIBUTES and value is not None:
                urls = [part.split()[0] for part in value.split(",") if part.strip()] if key == "srcset" else [value]
                for url in urls:
                    if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:", url.strip()):
                        self.found.append(f"<{tag} {key}={value!r}> is a relative URL")
                    elif re.match(r"^\s*(javascript|vbscript|data):", url, re.I) and tag != "img":
                        self.found.append(f"<{tag} {key}={value[:40]!r}> is a script or data URL")
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.open and self.open[-1] == tag:
            self.open.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.open or self.open[-1] != tag:
            self.found.append(f"</{tag}> closes {('<' + self.open[-1] + '>') if self.open else 'nothing'}")
            if tag in self.open:
                del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]
            return
        self.open.pop()


def _rfc3339(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value and RFC3339.match(value) else None


def _atom(name: str, feed: etree._Element) -> list[str]:
    found: list[str] = []

    def need(where: str, element: etree._Element, child: str) -> str | None:
        text = element.findtext(f"{ATOM}{child}")
        if text is None or not text.strip():
            found.append(f"{where}: missing <{child}>")
        return text

    feed_id = need("feed", feed, "id")
    if feed_id and feed_id_problem(feed_id):
        found.append(f"feed: {feed_id_problem(feed_id)}")
    need("feed", feed, "title")
    if not _rfc3339(need("feed", feed, "updated")):
        found.append(f"feed: <updated> {feed.findtext(f'{ATOM}updated')!r} is not an RFC 3339 instant with an offset")
    if not [l for l in feed.findall(f"{ATOM}link") if l.get("rel") == "self" and HTTP_URI.match(l.get("href", ""))]:
        found.append("feed: no absolute <link rel=\"self\">")
    found += _people("feed", feed)
    feed_has_author = feed.find(f"{ATOM}author") is not None
    ids = set()
    for n, entry in enumerate(feed.findall(f"{ATOM}entry"), 1):
        where = f"entry {n}"
        entry_id = need(where, entry, "id")
        if entry_id:
            if feed_id_problem(entry_id):
                found.append(f"{where}: {feed_id_problem(entry_id)}")
            if entry_id in ids:
                found.append(f"{where}: id {entry_id!r} used twice in this feed")
            ids.add(entry_id)
        need(where, entry, "title")
        updated = _rfc3339(need(where, entry, "updated"))
        if not updated:
            found.append(f"{where}: <updated> {entry.findtext(f'{ATOM}updated')!r} is not an RFC 3339 instant with an offset")
        published_text = entry.findtext(f"{ATOM}published")
        if published_text is not None:
            published = _rfc3339(published_text)
            if not published:
                found.append(f"{where}: <published> {published_text!r} is not an RFC 3339 instant with an offset")
            elif updated and updated < published:
                found.append(f"{where}: updated {updated.isoformat()} is before published {published.isoformat()}")
        if entry.find(f"{ATOM}author") is None and not feed_has_author:
            found.append(f"{where}: no <author>, and the feed has none (RFC 4287 4.1.1)")
        found += _people(where, entry)
        if not [l for l in entry.findall(f"{ATOM}link") if l.get("rel", "alternate") == "alternate"
                and HTTP_URI.match(l.get("href", ""))]:
            found.append(f"{where}: no absolute alternate <link>")
        for link in entry.findall(f"{ATOM}link"):
            if not HTTP_URI.match(link.get("href", "")):
                found.append(f"{where}: <link href={link.get('href')!r}> is not an absolute address")
        for child in ("title", "summary", "content"):
            for element in entry.findall(f"{ATOM}{child}"):
                found += [f"{where}: <{child}> {p}" for p in _text_construct(element)]
    return [f"{name}: {p}" for p in found]


def _people(where: str, element: etree._Element) -> list[str]:
    found = []
    for person in element.findall(f"{ATOM}author"):
        if not (person.findtext(f"{ATOM}name") or "").strip():
            found.append(f"{where}: <author> without a <name>")
        email = person.findtext(f"{ATOM}email")
        if email is not None and not EMAIL.match(email):
            found.append(f"{where}: <author><email> {email!r} is not an e-mail address")
        uri = person.findtext(f"{ATOM}uri")
        if uri is not None and not HTTP_URI.match(uri):
            found.append(f"{where}: <author><uri> {uri!r} is not an absolute address")
    return found


def _text_construct(element: etree._Element) -> list[str]:
    """RFC 4287 3.1: type is text, html or xhtml; html is escaped markup that must itself be sound."""
    kind = element.get("type", "text")
    if kind not in ("text", "html", "xhtml"):
        return [f"type={kind!r} is not text, html or xhtml"]
    if kind == "xhtml":
        return [] if element.find("{http://www.w3.org/1999/xhtml}div") is not None else ["xhtml without its <div>"]
    if len(element):
        return [f"type={kind} holds child elements: markup must be escaped"]
    text = element.text or ""
    if kind == "text":
        return [f"type=text holds markup ({m.group()!r}): use type=html"] if (m := re.search(r"</[a-zA-Z][a-zA-Z0-9]*>", text)) else []
    return html_problems(text)


def _rss(name: str, rss: etree._Element) -> list[str]:
    found: list[str] = []
    channel = rss.find("channel")
    if channel is None:
        return [f"{name}: no <channel>"]
    for child in ("title", "link", "description"):
        if not (channel.findtext(child) or "").strip():
            found.append(f"channel: missing <{child}>")
    for child in ("pubDate", "lastBuildDate"):
        value = channel.findtext(child)
        if value is not None and not _rfc822(value):
            found.append(f"channel: <{child}> {value!r} is not an RFC 822 date with a four-digit year and an offset")
    editor = channel.findtext("managingEditor")
    if editor is not None and not EMAIL.match(editor.split(" ", 1)[0]):
        found.append(f"channel: <managingEditor> {editor!r} must start with an e-mail address")
    guids = set()
    for n, item in enumerate(channel.findall("item"), 1):
        where = f"item {n}"
        if not (item.findtext("title") or item.findtext("description")):
            found.append(f"{where}: neither <title> nor <description>")
        link = item.findtext("link")
        if link is not None and not HTTP_URI.match(link):
            found.append(f"{where}: <link> {link!r} is not an absolute address")
        guid = item.find("guid")
        if guid is None:
            found.append(f"{where}: no <guid>")
        else:
            value, permalink = guid.text or "", guid.get("isPermaLink", "true")
            if permalink not in ("true", "false"):
                found.append(f"{where}: isPermaLink={permalink!r} is neither true nor false")
            if permalink == "true" and not HTTP_URI.match(value):
                found.append(f"{where}: <guid> {value!r} claims to be a permalink but is no web address")
            if feed_id_problem(value):
                found.append(f"{where}: <guid> {feed_id_problem(value)}")
            if value in guids:
                found.append(f"{where}: guid {value!r} used twice in this feed")
            guids.add(value)
        published = item.findtext("pubDate")
        if published is None:
            found.append(f"{where}: no <pubDate>")
        elif not _rfc822(published):
            found.append(f"{where}: <pubDate> {published!r} is not an RFC 822 date with a four-digit year and an offset")
        source = item.find("source")
        if source is not None and not HTTP_URI.match(source.get("url", "")):
            found.append(f"{where}: <source> needs an absolute url attribute")
        for child in ("description", "{http://purl.org/rss/1.0/modules/content/}encoded"):
            for element in item.findall(child):
                found += [f"{where}: <{element.tag.split('}')[-1]}> {p}" for p in html_problems(element.text or "")]
    return [f"{name}: {p}" for p in found]


def _rfc822(value: str) -> bool:
    if not RFC822.match(value):
        return False
    try:
        parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return False
    return True


def _json_feed(name: str, data: bytes) -> list[str]:
    try:
        doc = json.loads(data)
    except ValueError as exc:
        return [f"{name}: not JSON: {exc}"]
    found = []
    if doc.get("version") != "https://jsonfeed.org/version/1.1":
        found.append(f"version {doc.get('version')!r} is not JSON Feed 1.1")
    if not isinstance(doc.get("title"), str) or not doc["title"]:
        found.append("no title")
    for key in ("home_page_url", "feed_url"):
        if key in doc and not HTTP_URI.match(str(doc[key])):
            found.append(f"{key} {doc[key]!r} is not an absolute address")
    feed_has_author = bool(doc.get("authors"))
    ids = set()
    for n, item in enumerate(doc.get("items", []), 1):
        where = f"item {n}"
        if not isinstance(item.get("id"), str) or feed_id_problem(item["id"]):
            found.append(f"{where}: {feed_id_problem(str(item.get('id', '')))}")
        if item.get("id") in ids:
            found.append(f"{where}: id {item.get('id')!r} used twice in this feed")
        ids.add(item.get("id"))
        if "content_html" not in item and "content_text" not in item:
            found.append(f"{where}: neither content_html nor content_text")
        for key in ("url", "external_url"):
            if key in item and not HTTP_URI.match(str(item[key])):
                found.append(f"{where}: {key} {item[key]!r} is not an absolute address")
        for key in ("date_published", "date_modified"):
            if key in item and not _rfc3339(item[key]):
                found.append(f"{where}: {key} {item[key]!r} is not an RFC 3339 instant with an offset")
        if not item.get("authors") and not feed_has_author:
            found.append(f"{where}: no authors, and the feed has none")
        found += [f"{where}: content_html {p}" for p in html_problems(item.get("content_html", ""))]
    return [f"{name}: {p}" for p in found]
