"""A saved web page -> the fields of an article, in the order of trust: the page's own structured data
(JSON-LD, OpenGraph and article: meta tags), then trafilatura's reading of its markup for the body, then
our reading of the page's text as a reader would copy it (parse.py) for what is still missing.

Nothing of the page's markup reaches the content file: the body is rebuilt as our Markdown from
trafilatura's neutral XML, every text escaped and every link through the Markdown renderer's allow-list,
resolved against the page's own address (never a <base> element).
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

from . import boilerplate as bp
from ..errors import BuildError
from ..markdown import safe_link
from .dates import find_stamps
from .header import NOT_SECTIONS
from .parse import NotAnArticle, Parsed, Rules, parse_seed
from .text import escape_markdown, summarize

MAX_HTML_BYTES = 10_000_000
"""A saved article page is rarely over 3 MB; a bigger file is refused, never parsed (ingest checks it first)."""
WALL_WORDS = 400
SENTENCE = re.compile(r"\w\W*\s+\w[^\n]*[.!?…。！？]")
"""Some sentence of at least two words: a body without one (a menu, a list of links) is no article."""
SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)(?P<url>\S+?)\s*-->", re.I)
"""What browsers (and build.py add) write at the top of a saved page: where it came from."""
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*(?P<enc>[\w.:-]+)""", re.I)
ARTICLE_TYPES = re.compile(r"Article$|BlogPosting$|Report$|WebPage$", re.I)
BLOCKS = {"p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "li", "ul", "ol", "dl", "dt",
          "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "blockquote", "figure", "figcaption", "pre", "form",
          "address", "hr", "br", "td", "th", "time"}
HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
"""An inline style that hides an element: a reader copying the page does not get its text."""
SKIPPED = {"script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "head", "select", "option",
           "button", "input", "textarea", "canvas", "video", "audio"}


@dataclass
class PageData:
    """What a page's markup says about its article, outside the article's text."""

    title: str = ""
    description: str = ""
    published: datetime | date | None = None
    modified: datetime | date | None = None
    authors: list[str] = field(default_factory=list)
    section: str = ""
    keywords: list[str] = field(default_factory=list)
    image: dict = field(default_factory=dict)
    url: str = ""
    site: str = ""
    crumbs: list[str] = field(default_factory=list)


def decode_html(raw: bytes, shown: str) -> tuple[str, str]:
    """Bytes -> (text, a warning or ''): a BOM wins, then bytes that are valid UTF-8 (a page mislabelled
    Latin-1 is still UTF-8), then the declared charset, then detection."""
    if len(raw) > MAX_HTML_BYTES:
        raise BuildError(f"too large for a saved page ({len(raw):,} bytes, the limit is {MAX_HTML_BYTES:,}); "
                         f"is this the right file?", shown)
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace").lstrip("\ufeff"), ""
    if b"\x00" in raw[:4096]:
        raise BuildError("binary file, not a web page: save the page as HTML", shown)
    try:
        return raw.decode("utf-8"), ""
    except UnicodeDecodeError:
        pass
    declared = META_CHARSET.search(raw[:4096])
    if declared:
        name = declared["enc"].decode("ascii", "replace").lower()
        try:
            if codecs.lookup(name).name not in ("utf-8", "utf-16"):
                return raw.decode(name), ""
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:2_000_000]).best()
    if best is None:
        raise BuildError("not text in any encoding newsdigest knows: save the page as HTML", shown)
    return raw.decode(best.encoding, errors="replace"), f"{shown}: its declared encoding is wrong: read it as {best.encoding}"


def convert_html(raw: bytes, shown: str, rules: Rules, file_time: datetime | None) -> tuple[Parsed, list[str]]:
    """One saved page -> (the article's fields, warnings); a BuildError or NotAnArticle when it holds none."""
    import lxml.html

    text, note = decode_html(raw, shown)
    notes = [note] if note else []
    try:
        doc = lxml.html.document_fromstring(text)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise BuildError(f"not a web page lxml can read ({exc}): save the page as HTML", shown) from None
    data = page_data(doc, raw, rules.zone)
    body = extracted_body(text, data.url)
    read = None
    if not (data.title and data.published and data.authors and body and not _wall(body)):
        try:   # the page's text as a reader would copy it, for what the markup does not say
            read = parse_seed(page_text(doc), rules, file_time)
        except NotAnArticle:
            if not body:
                raise
    if read is not None and (not body or _wall(body) and read.body.count("\n\n") >= 2):
        body = read.body   # trafilatura found nothing, or one wall of text: the page's text as read
    if not SENTENCE.search(_plain(body)):
        raise NotAnArticle("no article found in the page (its text holds no paragraph of prose)")
    title = data.title or (read.title if read else "")
    labels = {title.lower(), data.section.lower(), *(c.lower() for c in data.crumbs)}
    blocks = [b for b in body.split("\n\n") if b.strip()]
    while blocks and _plain(blocks[0].lstrip("# ")).strip().lower() in labels:
        blocks.pop(0)   # the headline, its kicker or its section above the story
    body = "\n\n".join(b for b in blocks if _plain(b.lstrip("# ")).strip() != title) + "\n"
    return assemble(data, body, read, rules), notes


def assemble(data: PageData, body: str, read: Parsed | None, rules: Rules) -> Parsed:
    """The fields, each from the most trusted source that has it."""
    paragraphs = [b for b in body.split("\n\n") if b and not b.startswith(("#", "-", ">", "|", "*"))]
    published = data.published or (read.date if read and read.date_from == "" else None)
    title = data.title or (read.title if read else "") or (paragraphs[0][:80] if paragraphs else "Untitled")
    dek = data.description if data.description and not _opens(body, data.description) else (read.dek if read else "")
    date_from = "" if published else (read.date_from if read else "file")
    review = dict(read.review) if read else {}
    for key, known in (("title", data.title), ("date", data.published), ("body", True),
                       ("source", data.url or data.site or (read.source_name if read else ""))):
        if known:
            review.pop(key, None)
    image = data.image
    return Parsed(
        title=title,
        dek=dek,
        date=published or (read.date if read else None),
        updated=data.modified if data.modified and data.modified != published else (read.updated if read else None),
        category=_section(data.section) or _section(data.crumbs[0] if data.crumbs else "") or (read.category if read else ""),
        authors=data.authors or (read.authors if read else []),
        tags=_told(data.keywords, data.section, title + " " + body)[:8] or (read.tags if read else []),
        image_caption=image.get("caption") or (read.image_caption if read else ""),
        image_credit=image.get("credit") or (read.image_credit if read else ""),
        body=body,
        summary=dek or summarize([_plain(p) for p in paragraphs[:1]]),
        fingerprint=" ".join(re.sub(r"\W+", " ", " ".join([title, *map(_plain, paragraphs)]).lower()).split()),
        source_url=data.url or (read.source_url if read else ""),
        date_from=date_from,
        review=review,
        image_url=image.get("url", ""),
        image_width=image.get("width", 0),
        image_height=image.get("height", 0),
        source_name=data.site or (read.source_name if read else ""),
    )


# ---- the page's structured data ----------------------------------------------------------------------------


def page_data(doc, raw: bytes, zone: str = "UTC") -> PageData:
    """JSON-LD first, then OpenGraph and article: meta tags, then the page's own elements."""
    data = PageData()
    meta = _meta_tags(doc)
    articles: list[tuple[int, dict]] = []
    for obj in _json_ld(doc):
        types = obj.get("@type")
        types = [t for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)]
        if "BreadcrumbList" in types:
            data.crumbs = data.crumbs or _breadcrumbs(obj)
        elif any(ARTICLE_TYPES.search(t) for t in types):
            articles.append((len(articles) + (1000 if all(t.endswith("WebPage") for t in types) else 0), obj))
    if articles:   # the article's own object before the page's ('WebPage' names the page, with the site in it)
        _from_article(min(articles, key=lambda a: a[0])[1], data, zone)
    saved = SAVED_FROM.search(raw[:2048])
    canonical = next((link.get("href", "") for link in doc.iter("link") if "canonical" in (link.get("rel") or "").lower()), "")
    data.url = _http(saved.group("url").decode("utf-8", "replace") if saved else "") or _http(canonical) \
        or _http(meta.get("og:url", "")) or _http(data.url)
    micro = _microdata(doc)
    data.title = data.title or meta.get("og:title", "") or meta.get("twitter:title", "") or micro.get("headline", "") \
        or _h1(doc)
    data.published = data.published or _instant(micro.get("datepublished", ""), zone)
    data.modified = data.modified or _instant(micro.get("datemodified", ""), zone)
    data.section = data.section or micro.get("articlesection", "")
    data.description = data.description or meta.get("og:description", "") or meta.get("description", "")
    data.published = data.published or _instant(meta.get("article:published_time", ""), zone) \
        or _instant(meta.get("og:article:published_time", ""), zone)
    data.modified = data.modified or _instant(meta.get("article:modified_time", ""), zone)
    data.section = data.section or meta.get("article:section", "")
    data.keywords = data.keywords or _split_keywords(meta.get("news_keywords", "") or meta.get("keywords", "")) \
        or meta.get("article:tag:all", [])
    data.authors = data.authors or [a for a in [meta.get("author", "")] if a and not _http(a)]
    data.site = data.site or meta.get("og:site_name", "")
    og_image = _http(urljoin(data.url, meta.get("og:image", ""))) if meta.get("og:image") else ""
    if not data.image.get("url") and og_image:
        data.image = {"url": og_image, "caption": meta.get("og:image:alt", ""),
                      "width": _int(meta.get("og:image:width")), "height": _int(meta.get("og:image:height"))}
    data.title = _clean(_without_site(data.title, data.site))
    data.description = _clean(data.description)
    data.section = _clean(data.section)
    data.authors = [_clean(a) for a in data.authors if _clean(a)]
    data.keywords = [_clean(k) for k in data.keywords if _clean(k)]
    return data


def _json_ld(doc) -> list[dict]:
    """Every JSON-LD object on the page, @graph members included; malformed blocks are skipped."""
    out: list[dict] = []
    for script in doc.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        source = re.sub(r"^\s*(?://\s*)?<!\[CDATA\[|\]\]>\s*$|^\s*<!--|-->\s*$", "", script.text.strip())
        try:
            value = json.loads(source)
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


def _from_article(obj: dict, data: PageData, zone: str) -> None:
    data.title = _text(obj.get("headline")) or _text(obj.get("name"))
    data.description = _text(obj.get("description"))
    data.published = _instant(_text(obj.get("datePublished")) or _text(obj.get("dateCreated")), zone)
    data.modified = _instant(_text(obj.get("dateModified")), zone)
    data.authors = _names(obj.get("author"))
    section = obj.get("articleSection")
    data.section = _text(section[0] if isinstance(section, list) and section else section)
    keywords = obj.get("keywords")
    data.keywords = [_text(k) for k in keywords] if isinstance(keywords, list) else _split_keywords(_text(keywords))
    data.url = _text(obj.get("url")) or _text((obj.get("mainEntityOfPage") or {}).get("@id")
                                               if isinstance(obj.get("mainEntityOfPage"), dict) else obj.get("mainEntityOfPage"))
    publisher = obj.get("publisher")
    data.site = _text(publisher.get("name")) if isinstance(publisher, dict) else ""
    data.image = _image(obj.get("image"))


def _image(value) -> dict:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str):
        return {"url": value} if _http(value) else {}
    if not isinstance(value, dict) or not _http(_text(value.get("url")) or _text(value.get("contentUrl"))):
        return {}
    credit = value.get("creditText") or value.get("copyrightHolder") or value.get("author")
    return {"url": _text(value.get("url")) or _text(value.get("contentUrl")), "caption": _text(value.get("caption")),
            "credit": _names(credit)[0] if _names(credit) else "", "width": _int(value.get("width")),
            "height": _int(value.get("height"))}


def _names(value) -> list[str]:
    """Author names from a JSON-LD author: a string, a Person or Organization, or a list of them."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = _text(item.get("name")) if isinstance(item, dict) else _text(item)
        if name and not _http(name) and len(name) <= 80:
            names.append(name)
    return names


def _breadcrumbs(obj: dict) -> list[str]:
    items = obj.get("itemListElement")
    if not isinstance(items, list):
        return []
    names = []
    for item in sorted((i for i in items if isinstance(i, dict)), key=lambda i: _int(i.get("position"))):
        thing = item.get("item")
        name = _text(item.get("name")) or (_text(thing.get("name")) if isinstance(thing, dict) else "")
        if name and name.lower() not in ("home", "news", "homepage", "início", "inicio", "accueil", "startseite"):
            names.append(name)
    return names[:-1] if len(names) > 1 else names   # the last crumb is the article itself


def _meta_tags(doc) -> dict:
    """property/name -> content of the page's meta tags (the first of each; every article:tag as a list)."""
    meta: dict = {}
    for tag in doc.iter("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        value = (tag.get("content") or "").strip()
        if not key or not value:
            continue
        if key == "article:tag":
            meta.setdefault("article:tag:all", []).append(value)
        meta.setdefault(key, value)
    return meta


def _microdata(doc) -> dict:
    """itemprop -> value (its content or datetime attribute, else its text) of the page's schema.org
    microdata, the first of each."""
    found: dict = {}
    for el in doc.xpath("//*[@itemprop]"):
        key = (el.get("itemprop") or "").strip().lower()
        if key in ("headline", "datepublished", "datemodified", "articlesection") and key not in found:
            value = el.get("content") or el.get("datetime") or " ".join(el.text_content().split())
            if value:
                found[key] = value.strip()
    return found


def _h1(doc) -> str:
    heads = [" ".join(h.text_content().split()) for h in doc.iter("h1")]
    heads = [h for h in heads if len(h.split()) >= 2]
    return heads[0] if len(heads) == 1 else ""


def _instant(text: str, zone: str) -> datetime | date | None:
    """An ISO 8601 instant as pages declare them ('2019-11-19T07:03:25+00:00', '…Z', '2019-11-19'), else what
    our date reader finds in it; a time without an offset is in the site's zone."""
    text = text.strip()
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        stamps = find_stamps(text, zone)
        return stamps[0].when if stamps else None
    if when.year < 1990:
        return None   # '0001-01-01': a placeholder, no date
    if len(text) == 10:
        return when.date()
    if when.tzinfo is None:
        local = when.replace(tzinfo=ZoneInfo(zone))
        when = local.replace(tzinfo=timezone(local.utcoffset() or timedelta(0)))
    return when.replace(microsecond=0, tzinfo=timezone(when.utcoffset() or timedelta(0)))


def _split_keywords(text: str) -> list[str]:
    return [k.strip() for k in re.split(r"[,;|]", text) if 1 < len(k.strip()) <= 40][:12]


def _without_site(title: str, site: str) -> str:
    """'Headline | Outlet' -> 'Headline' when the outlet is the page's site name."""
    if site:
        for sep in (" | ", " - ", " – ", " — ", " :: "):
            if title.endswith(sep + site):
                return title[: -len(sep + site)]
    return title


def _text(value) -> str:
    return " ".join(str(value).split()) if isinstance(value, (str, int, float)) else ""


def _clean(text: str) -> str:
    import html

    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", text)).split())


def _int(value) -> int:
    try:
        return max(0, int(str(value).strip().removesuffix("px")))
    except (TypeError, ValueError):
        return 0


def _http(url: str) -> str:
    url = (url or "").strip()
    return url if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc else ""


def _section(name: str) -> str:
    """A section a reader would browse: the first of a list ('Game,News,Slider'), a few words, none of a
    site's internal labels ('All', 'Uncategorized')."""
    name = re.split(r"\s*[,;|]\s*", name.strip())[0] if name else ""
    if not name or len(name) > 30 or len(name.split()) > 4 or name.lower() in NOT_SECTIONS or "_" in name:
        return ""
    if name.isupper() and len(name) > 3 or name.islower():
        return name[:1].upper() + name[1:].lower()
    return name


def _told(keywords: list[str], section: str, story: str) -> list[str]:
    """The page's keywords that the story itself uses: not the section again, not a publisher's internal
    labels ('type_news', 'serversidehawk')."""
    words = set(re.findall(r"\w+", story.lower()))
    return [k for k in keywords if k.lower() != section.lower() and "_" not in k
            and all(w in words for w in re.findall(r"\w+", k.lower()))]


def _wall(body: str) -> bool:
    """One or two blocks of hundreds of words: an extraction that kept the page's layout, not its paragraphs."""
    blocks = [b for b in body.split("\n\n") if b.strip()]
    return len(blocks) <= 2 and len(body.split()) > WALL_WORDS


def _opens(body: str, text: str) -> bool:
    """True when the body begins with the text (a description that is only the first paragraph)."""
    start = re.sub(r"\W+", " ", text.lower()).strip()[:60]
    return bool(start) and start in re.sub(r"\W+", " ", body[:600].lower())


def _plain(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown))


# ---- the body ------------------------------------------------------------------------------------------------


def extracted_body(text: str, url: str) -> str:
    """The article's body by trafilatura, as our Markdown ('' when it finds none)."""
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(text, url=url or None, output_format="xml", include_formatting=True,
                              include_links=True, include_tables=True, include_comments=False,
                              include_images=False, deduplicate=False)
    if not xml:
        return ""
    try:
        root = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        return ""
    main = root.find("main")
    blocks = [_block(el, url) for el in (main if main is not None else root)]
    blocks = [b for b in blocks if not bp.is_noise(_plain(b).strip("*# "))]   # 'Related: …', 'Advertisement
    return "\n\n".join(b for b in blocks if b.strip()) + "\n" if any(b.strip() for b in blocks) else ""


def _block(el, url: str) -> str:
    tag = el.tag
    if tag == "head":
        text = _inline(el, url)
        return f"## {text}" if text else ""
    if tag == "list":
        items = [_inline(item, url) for item in el if item.tag == "item"]
        marker = "1." if el.get("rend") == "ol" else "-"
        return "\n".join(f"{marker} {i}" for i in items if i)
    if tag == "quote":
        return "\n".join(f"> {line}" for line in (_inline(el, url) or "").split("\n") if line)
    if tag == "table":
        return _table(el, url)
    if tag in ("graphic", "lb"):
        return ""
    return _inline(el, url)


def _table(el, url: str) -> str:
    rows = [[_inline(cell, url).replace("|", "\\|") for cell in row if cell.tag in ("cell", "head")]
            for row in el.iter("row")]
    rows = [r for r in rows if any(r)]
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def _inline(el, url: str) -> str:
    """An element's text as inline Markdown: emphasis kept, links through the allow-list, the rest escaped."""
    parts = [escape_markdown_inline(el.text or "")]
    for child in el:
        inner = _inline(child, url)
        if child.tag == "ref":
            target = urljoin(url, (child.get("target") or "").strip()) if url else (child.get("target") or "").strip()
            parts.append(f"[{inner}](<{target}>)" if inner and target and safe_link(target) and ">" not in target
                         and _http(target) else inner)
        elif child.tag == "hi" and inner.strip():
            mark = "**" if "b" in (child.get("rend") or "") else "*"
            parts.append(f"{mark}{inner.strip()}{mark}")
        elif child.tag == "lb":
            parts.append(" ")
        else:
            parts.append(inner)
        parts.append(escape_markdown_inline(child.tail or ""))
    return " ".join("".join(parts).split())


def escape_markdown_inline(text: str) -> str:
    """Escape text that will sit inside a Markdown line, keeping the spaces at its ends."""
    if not text.strip():
        return " " if text else ""
    return (" " if text[0].isspace() else "") + escape_markdown(" ".join(text.split())) + (" " if text[-1].isspace() else "")


# ---- the page's text, as a reader would copy it ---------------------------------------------------------------


def page_text(doc) -> str:
    """The page's visible text, a line a block (what innerText gives): input for the copied-text reader."""
    out: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in SKIPPED or (tag and (el.get("hidden") is not None or HIDDEN.search(el.get("style") or ""))):
            if el.tail:
                out.append(el.tail)
            return
        block = tag in BLOCKS
        if block:
            out.append("\n\n" if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure") else "\n")
        if el.text and tag:
            out.append(el.text)
        for child in el:
            walk(child)
        if block:
            out.append("\n")
        if el.tail:
            out.append(el.tail)

    body = doc.find("body")
    walk(body if body is not None else doc)
    text = "".join(out)
    return "\n".join(line for line in (" ".join(x.split()) for x in text.split("\n")))
