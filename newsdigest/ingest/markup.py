"""What a saved page's markup says about its article, outside the article's text: each field as the list of its
witnesses, every place the page states it (JSON-LD, OpenGraph and article: meta tags, other meta tags,
schema.org microdata, <time> elements, rel="author" links, its h1 and <title>), for votes.py to weigh.

Nothing here decides between witnesses; each is read as the page gives it: a JSON-LD author as a string, an
object or a list (with its nested name, or the @id of a Person elsewhere in the page's graph), a time with the
offset the page wrote.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urljoin, urlsplit

from ..decode import clean
from .dates import find_stamps
from .header import NOT_SECTIONS

SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)(?P<url>\S+?)\s*-->", re.I)
"""What browsers (and build.py add) write at the top of a saved page: where it came from."""
ARTICLE_TYPES = re.compile(r"Article$|BlogPosting$|Report$|WebPage$|Posting$|Recipe$|HowTo$|Review$", re.I)
PEOPLE_TYPES = re.compile(r"^Person$", re.I)
DATE_META = re.compile(r"date|publish|created|issued", re.I)
NOT_PUBLISHED = re.compile(r"modif|updat|expir|revis|lastmod|copyright|valid|start|end|event|birth|review", re.I)
"""A meta tag that dates the page however a publisher names it: 'sailthru.date', 'dc.date.issued',
'parsely-pub-date', 'field-name-post-date', 'citation_date', 'publish-date'; not a modification, an expiry, an
event's or a copyright's date."""
AUTHOR_META = re.compile(r"^(?:author|article:author|og:article:author|dc\.creator|dcterms\.creator|dc:creator|"
                         r"parsely-author|sailthru\.author|byl|cxenseparse:author|citation_authors?|twitter:creator)$", re.I)
PUBLISHED_TIME = ("article:published_time", "og:article:published_time", "og:published_time")


@dataclass(frozen=True)
class Witness:
    """One place where the page states a field."""

    source: str
    """'json-ld', 'meta' (article: and other meta tags), 'social' (og: and twitter: titles), 'microdata', 'time'
    (a <time datetime> near the headline), 'rel-author', 'h1', 'title' (<title>), and in votes.py 'trafilatura'
    and 'byline' (the visible header)."""
    value: object
    """A str (titles), a datetime or date (dates), a tuple of names (authors)."""


@dataclass
class PageData:
    """What a page's markup says about its article, each field with all its witnesses."""

    titles: list[Witness] = field(default_factory=list)
    published: list[Witness] = field(default_factory=list)
    modified: list[Witness] = field(default_factory=list)
    authors: list[Witness] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    """Names of the site and its publisher: og:site_name, JSON-LD publisher and Organization authors, the text of
    links to the site's home page, a copyright line's holder."""
    description: str = ""
    section: str = ""
    keywords: list[str] = field(default_factory=list)
    image: dict = field(default_factory=dict)
    url: str = ""
    site: str = ""
    """The outlet's own name for itself (og:site_name, else the JSON-LD publisher)."""
    crumbs: list[str] = field(default_factory=list)
    lang: str = ""
    """The language the page declares (<html lang>, xml:lang, og:locale), as given."""


def page_data(doc, raw: bytes, zone: str = "UTC") -> PageData:
    """Every witness the page's markup holds, JSON-LD first, then meta tags, microdata and the page's elements."""
    data = PageData()
    meta = _meta_tags(doc)
    objects = _json_ld(doc)
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str) and len(o) > 1}
    articles: list[tuple[int, dict]] = []
    for obj in objects:
        types = _types(obj)
        if "BreadcrumbList" in types:
            data.crumbs = data.crumbs or _breadcrumbs(obj)
        elif any(ARTICLE_TYPES.search(t) for t in types):
            articles.append((len(articles) + (1000 if all(t.endswith("WebPage") for t in types) else 0), obj))
        elif "WebSite" in types or "Organization" in types or "NewsMediaOrganization" in types:
            data.outlets += [n for n in [_text(obj.get("name"))] if n]
    if articles:   # the article's own object before the page's ('WebPage' names the page, with the site in it)
        _from_article(min(articles, key=lambda a: a[0])[1], data, zone, by_id)
    saved = SAVED_FROM.search(raw[:2048])
    canonical = next((link.get("href", "") for link in doc.iter("link") if "canonical" in (link.get("rel") or "").lower()), "")
    data.url = _http(saved.group("url").decode("utf-8", "replace") if saved else "") or _http(canonical) \
        or _http(meta.get("og:url", "")) or _http(data.url)
    micro = _microdata(doc, by_id)
    social = meta.get("og:title", "") or meta.get("twitter:title", "")
    data.titles += [Witness(source, _clean(text)) for source, text in
                    (("social", social), ("microdata", micro.get("headline", ""))) if _clean(text)]
    data.titles += [Witness("h1", h) for h in _h1s(doc)]
    title = doc.find(".//title")
    if title is not None and _clean(title.text_content()):
        data.titles.append(Witness("title", _clean(title.text_content())))
    data.published += [Witness("meta", when) for key in PUBLISHED_TIME for when in [_instant(meta.get(key, ""), zone)] if when][:1]
    data.published += [Witness("microdata", when) for when in [_instant(micro.get("datepublished", ""), zone)] if when]
    data.published += [Witness("meta", when) for key, value in meta.items() if isinstance(value, str) and len(value) <= 40
                       and key not in PUBLISHED_TIME and DATE_META.search(key) and not NOT_PUBLISHED.search(key)
                       for when in [_instant(value, zone)] if when][:2]
    data.published += [Witness("time", when) for when in _times(doc, zone)]
    data.modified += [Witness(source, when) for source, text in (("microdata", micro.get("datemodified", "")),
                                                                  ("meta", meta.get("article:modified_time", "")))
                      for when in [_instant(text, zone)] if when]
    data.authors += [Witness("meta", (name,)) for key, name in meta.get("author:all", []) if AUTHOR_META.match(key)
                     and not _http(name) and not name.startswith("@")]
    if micro.get("author"):
        data.authors.append(Witness("microdata", tuple(micro["author"])))
    rel = _rel_authors(doc)
    if rel:
        data.authors.append(Witness("rel-author", rel))
    data.section = data.section or micro.get("articlesection", "") or meta.get("article:section", "")
    data.description = data.description or meta.get("og:description", "") or meta.get("description", "")
    data.keywords = data.keywords or _split_keywords(meta.get("news_keywords", "") or meta.get("keywords", "")) \
        or meta.get("article:tag:all", [])
    data.site = meta.get("og:site_name", "") or data.site
    data.lang = (doc.get("lang") or doc.get("xml:lang") or meta.get("og:locale") or "").strip()
    data.outlets += [n for n in (meta.get("og:site_name", ""), meta.get("application-name", ""), data.site,
                                 *_home_links(doc, data.url)) if n]
    og_image = _http(urljoin(data.url, meta.get("og:image", ""))) if meta.get("og:image") else ""
    if not data.image.get("url") and og_image:
        data.image = {"url": og_image, "caption": meta.get("og:image:alt", ""),
                      "width": _int(meta.get("og:image:width")), "height": _int(meta.get("og:image:height"))}
    data.description = _clean(data.description)
    data.section = _clean(data.section)
    data.keywords = [_clean(k) for k in data.keywords if _clean(k)]
    data.site = _clean(data.site)
    data.outlets = list(dict.fromkeys(_clean(o) for o in data.outlets if 1 < len(_clean(o)) <= 80))
    return data


def _types(obj: dict) -> list[str]:
    types = obj.get("@type")
    return [t for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)]


def _json_ld(doc) -> list[dict]:
    """Every JSON-LD object on the page, @graph members included; malformed blocks are skipped."""
    out: list[dict] = []
    for script in doc.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        source = re.sub(r"^\s*(?://\s*)?<!\[CDATA\[|\]\]>\s*$|^\s*<!--|-->\s*$", "", script.text.strip())
        try:
            value = json.loads(source, strict=False)
        except ValueError:
            continue
        stack = value if isinstance(value, list) else [value]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                out.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack += graph
            elif isinstance(item, list):
                stack += item
    return out


def _from_article(obj: dict, data: PageData, zone: str, by_id: dict) -> None:
    headline = _text(obj.get("headline")) or _text(obj.get("name"))
    if headline:
        data.titles.append(Witness("json-ld", _clean(headline)))
    data.description = _text(obj.get("description"))
    for key in ("datePublished", "dateCreated"):
        when = _instant(_text(obj.get(key)), zone)
        if when:
            data.published.append(Witness("json-ld", when))
            break
    when = _instant(_text(obj.get("dateModified")), zone)
    if when:
        data.modified.append(Witness("json-ld", when))
    people, organisations = names_of(obj.get("author"), by_id)
    if people or organisations:
        data.authors.append(Witness("json-ld", tuple(people + organisations)))
    data.outlets += organisations
    section = obj.get("articleSection")
    data.section = _text(section[0] if isinstance(section, list) and section else section)
    keywords = obj.get("keywords")
    data.keywords = [_text(k) for k in keywords] if isinstance(keywords, list) else _split_keywords(_text(keywords))
    data.url = _text(obj.get("url")) or _text((obj.get("mainEntityOfPage") or {}).get("@id")
                                               if isinstance(obj.get("mainEntityOfPage"), dict) else obj.get("mainEntityOfPage"))
    publisher = _resolve(obj.get("publisher"), by_id)
    person = isinstance(publisher, dict) and any(PEOPLE_TYPES.match(t) for t in _types(publisher))
    data.site = _text(publisher.get("name")) if isinstance(publisher, dict) and not person else ""   # a blog's author
    data.outlets += [data.site] if data.site else []
    data.image = _image(obj.get("image"))


def names_of(value, by_id: dict) -> tuple[list[str], list[str]]:
    """(people, organisations) named by a JSON-LD author: a string, a Person or Organization (its name, or the
    @id of one elsewhere in the graph), or a list of them."""
    people: list[str] = []
    organisations: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        item = _resolve(item, by_id)
        if isinstance(item, dict):
            name = _text(item.get("name"))
            if isinstance(item.get("name"), dict):   # {"name": {"@value": …}}
                name = _text(item["name"].get("@value"))
            kind = _types(item)
            target = organisations if kind and not any(PEOPLE_TYPES.match(t) for t in kind) else people
        else:
            name, target = _text(item), people
        name = _clean(name)
        if name and not _http(name) and len(name) <= 120:
            target.append(name)
    return people, organisations


def _resolve(item, by_id: dict):
    """A JSON-LD {"@id": …} reference as the object it names, when the page holds it."""
    if isinstance(item, dict) and set(item) <= {"@id", "@type"} and isinstance(item.get("@id"), str):
        return by_id.get(item["@id"], item)
    return item


def _image(value) -> dict:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str):
        return {"url": value} if _http(value) else {}
    if not isinstance(value, dict) or not _http(_text(value.get("url")) or _text(value.get("contentUrl"))):
        return {}
    credit = value.get("creditText") or value.get("copyrightHolder") or value.get("author")
    people, organisations = names_of(credit, {})
    return {"url": _text(value.get("url")) or _text(value.get("contentUrl")), "caption": _clean(_text(value.get("caption"))),
            "credit": (people + organisations + [""])[0], "width": _int(value.get("width")),
            "height": _int(value.get("height"))}


def _breadcrumbs(obj: dict) -> list[str]:
    items = obj.get("itemListElement")
    if not isinstance(items, list):
        return []
    names = []
    for item in sorted((i for i in items if isinstance(i, dict)), key=lambda i: _int(i.get("position"))):
        thing = item.get("item")
        name = _text(item.get("name")) or (_text(thing.get("name")) if isinstance(thing, dict) else "")
        if name and name.lower() not in NOT_SECTIONS and name.lower() != "news":
            names.append(name)
    return names[:-1] if len(names) > 1 else names   # the last crumb is the article itself


def _meta_tags(doc) -> dict:
    """property/name -> content of the page's meta tags (the first of each); every article:tag as a list under
    'article:tag:all', and every author-like tag as (key, value) under 'author:all'."""
    meta: dict = {}
    for tag in doc.iter("meta"):
        key = (tag.get("property") or tag.get("name") or "").strip().lower()   # an itemprop is microdata's
        value = (tag.get("content") or "").strip()
        if not key or not value:
            continue
        if key == "article:tag":
            meta.setdefault("article:tag:all", []).append(value)
        if AUTHOR_META.match(key):
            meta.setdefault("author:all", []).append((key, _clean(value)))
        meta.setdefault(key, value)
    return meta


def _microdata(doc, by_id: dict) -> dict:
    """itemprop -> value (its content or datetime attribute, else its text) of the page's schema.org microdata,
    the first of each; 'author' as the list of names its author items give."""
    found: dict = {}
    for el in doc.xpath("//*[@itemprop]"):
        if not _the_pages(el):
            continue
        key = (el.get("itemprop") or "").strip().lower()
        if key in ("headline", "datepublished", "datemodified", "articlesection") and key not in found:
            value = el.get("content") or el.get("datetime") or " ".join(el.text_content().split())
            if value:
                found[key] = value.strip()
        elif key == "author" and len(found.get("author", [])) < 6:
            names = el.xpath(".//*[@itemprop='name']")
            value = (names[0].get("content") or names[0].text_content()) if names else \
                (el.get("content") or el.text_content())
            value = _clean(value)
            if value and len(value) <= 80 and not _http(value):
                found.setdefault("author", []).append(value)
    return found


def _the_pages(el) -> bool:
    """Whether an itemprop speaks for the page, not for a comment on it (its item a Comment: a commenter is its
    'author') or for a teaser in a sidebar (<aside>: a related story's 'datePublished')."""
    owner = next((a for a in el.iterancestors() if a.get("itemscope") is not None), None)
    return not ((owner is not None and (owner.get("itemtype") or "").rstrip("/").endswith("Comment"))
                or _in_aside_or_comment(el))


COMMENTS = re.compile(r"^(?:comments?|commentlist|comment-(?:body|list|content|meta|text|\d+)|comments-(?:area|list|section))$",
                      re.I)
"""A class or id of a reader's comment or the comments' list ('comment-body', 'comment-218', 'comments-area'), not a
post's own ('comments-open', 'comments-link')."""


def _in_aside_or_comment(el) -> bool:
    """Whether `el` stands in a sidebar (<aside>) or a reader's comment: its dates and names are not the article's."""
    return any(a.tag == "aside" or any(COMMENTS.match(t) for t in (a.get("class") or "").split())
               or COMMENTS.match(a.get("id") or "") for a in el.iterancestors())


def _h1s(doc) -> list[str]:
    """The text of each h1 of the page's body, in order (a logo's h1 too: votes.py tells them apart)."""
    heads = [_clean(h.text_content()) for h in doc.iter("h1")]
    return list(dict.fromkeys(h for h in heads if h and len(h) <= 300))[:4]


def _times(doc, zone: str) -> list[datetime | date]:
    """The <time datetime> marked as the publication time (pubdate, itemprop datePublished), else the first after
    the page's first h1, else its first: where a byline's time stands; none in a comment or an <aside>."""
    for path in ("//time[@datetime][@pubdate or contains(translate(@itemprop, 'P', 'p'), 'datepublished')]",
                 "(//h1)[1]/following::time[@datetime]", "//time[@datetime]"):
        found = [el for el in doc.xpath(path) if not _in_aside_or_comment(el)]   # not a comment's, nor a teaser's
        if found:
            return [when for when in [_instant(found[0].get("datetime") or "", zone)] if when]
    return []


def _rel_authors(doc) -> tuple[str, ...]:
    """The names of the page's rel="author" links, as a byline gives them (at most three different ones: more are
    a list of contributors, not this article's byline)."""
    names = [_clean(a.text_content()) for a in doc.xpath("//a[contains(concat(' ', normalize-space(@rel), ' '), ' author ')]")]
    names = list(dict.fromkeys(n.removeprefix("By ").removeprefix("by ") for n in names if n and len(n) <= 60))
    return tuple(names) if 0 < len(names) <= 3 else ()


def _home_links(doc, url: str) -> list[str]:
    """The text (or logo's alt text) of the first links to the site's home page: how the site names itself."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    homes = ["/", "./", "../"] + [f"{scheme}://{www}{host}{slash}" for scheme in ("https", "http") for www in ("", "www.")
                                  for slash in ("/", "")] if host else ["/", "./", "../"]
    found = []
    for a in doc.xpath("//a[" + " or ".join(f"@href='{h}'" for h in homes if "'" not in h) + "]")[:6]:
        text = _clean(a.text_content()) or next((_clean(img.get("alt") or "") for img in a.iter("img")), "")
        if text and len(text) <= 60 and text.lower() not in ("home", "homepage", "start", "inicio", "início", "accueil"):
            found.append(text)
        if len(found) >= 2:
            break
    return found


def _instant(text: str, zone: str) -> datetime | date | None:
    """An ISO 8601 instant as pages declare them ('2019-11-19T07:03:25+00:00', '…Z', '2019-11-19'), else what
    our date reader finds in it (in the site's `zone`); a time the page gave without an offset stays naive."""
    text = text.strip()
    if not text or len(text) > 80:
        return None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        stamps = find_stamps(text, zone)
        when = stamps[0].when if stamps else None
        return when if when is None or when.year >= 1990 else None
    if when.year < 1990:
        return None   # '0001-01-01': a placeholder, no date
    if len(text) in (8, 10) and ":" not in text:
        return when.date()
    if when.tzinfo is None:
        return when.replace(microsecond=0)   # no offset: votes.py places it (another witness's offset, else the site's)
    return when.replace(microsecond=0, tzinfo=timezone(when.utcoffset() or timedelta(0)))


def _split_keywords(text: str) -> list[str]:
    return [k.strip() for k in re.split(r"[,;|]", text) if 1 < len(k.strip()) <= 40][:12]


def _text(value) -> str:
    return " ".join(str(value).split()) if isinstance(value, (str, int, float)) else ""


def _clean(text: str) -> str:
    return " ".join(clean(html.unescape(re.sub(r"<[^>]*>", " ", text or ""))).split())


def _int(value) -> int:
    try:
        return max(0, int(str(value).strip().removesuffix("px")))
    except (TypeError, ValueError):
        return 0


def _http(url: str) -> str:
    url = (url or "").strip()
    return url if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc else ""


def section_name(name: str) -> str:
    """A section a reader would browse: the first of a list ('Game,News,Slider'), a few words, none of a
    site's internal labels ('All', 'Uncategorized')."""
    name = re.split(r"\s*[,;|]\s*", name.strip())[0] if name else ""
    if not name or len(name) > 30 or len(name.split()) > 4 or name.lower() in NOT_SECTIONS or "_" in name:
        return ""
    if name.isupper() and len(name) > 3 or name.islower():
        return name[:1].upper() + name[1:].lower()
    return name
