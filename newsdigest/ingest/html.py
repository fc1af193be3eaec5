"""A saved web page -> the fields of an article. Each field has witnesses, every place the page states it:
its structured data (JSON-LD, OpenGraph, article: and other meta tags, microdata, <time>, rel="author"; markup.py),
trafilatura's reading of the same markup (the body, and extract_metadata's title, author, date and site name),
and the visible header (the headline a reader sees, the byline and dateline under it); votes.py decides
between them. The body is trafilatura's, less the furniture the text reader drops, else our reading of the
page's text as a reader would copy it (parse.py), which also fills what nothing else gives: the writers, where
neither the markup nor the visible header names one, are the people a byline in that text names (_signed).

Nothing of the page's markup reaches the content file: the body is rebuilt as our Markdown from
trafilatura's neutral XML, every text escaped and every link through the Markdown renderer's allow-list,
resolved against the page's own address (never a <base> element).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urljoin, urlsplit

from . import MAX_PAGE_BYTES, boilerplate as bp
from ..decode import decode
from ..errors import BuildError
from ..markdown import safe_link
from .bylines import READING_TIME as READING_TIME_ALONE
from .bylines import (AUTHOR_WORD, BY, BY_WORD, DESK, GLUED_YEAR, TEXT_LABEL, TEXT_WORD, WROTE, author_box, byline_names,
                      given_name, impersonal, is_person, labelled_authors, name_like, name_list, parse_byline,
                      signed_off, site_owner)
from .dates import day_of, find_stamps, has_date, numeric_order, parse_dateline
from .header import CATEGORY_LABEL
from .lines import read_lines
from .markup import PageData, Witness, page_data, section_name
from .parse import NotAnArticle, Parsed, Rules, parse_seed, signature
from .review import GUESSED
from .score import FURNITURE, SENTENCE_END
from .source import source_name
from .text import STOPS, escape_markdown, summarize
from .votes import NOT_NAMES, decide_authors, decide_date, decide_title, headings_only, story_words, without_site

VERSE_WORDS = 50
"""A body without a sentence is still the article when it holds this many words: a song's lyrics, a poem, a list
(issue 24: only a page with no text is refused; hand-set)."""
WALL_WORDS = 400
SENTENCE = re.compile(rf"\w\W*\s+\w[^\n]*[{STOPS}]|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af][^\n]{{8,}}[。！？.!?]"
                      r"|[\u0e00-\u0eff][^\n]{40,}")
"""Some sentence of at least two words (ended by any script's stop: text.STOPS), or of a dozen characters in a
script written without spaces (Chinese, Japanese), or 40 characters of Thai or Lao, which end no sentence with a
mark: a body without one (a menu, a list of links) is no article."""
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*(?P<enc>[\w.:-]+)""", re.I)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
NESTING_RUN = re.compile(r"(?:<(?:div|span|section|article|main|aside|header|footer|nav|p|a|b|i|em|strong|font|center|"
                         r"blockquote|ul|ol|li|dl|table|tbody|tr|td)\b[^<>]*>\s*){32,}", re.I)
BLOCKS = {"p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "li", "ul", "ol", "dl", "dt",
          "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "blockquote", "figure", "figcaption", "pre", "form",
          "address", "hr", "br", "time", "legend", "fieldset", "details", "summary", "caption", "center",
          "hgroup", "dialog", "menu", "thead", "tbody", "tfoot"}
HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
"""An inline style that hides an element: a reader copying the page does not get its text."""
SKIPPED = {"script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "head", "select", "option",
           "button", "input", "textarea", "canvas", "video", "audio"}
HEADER_LINES = 25
"""How far below the headline the visible header (byline, dateline) may stand, in lines of the page's text
(a kicker, a dek, a lead image and its caption may come first)."""


def decode_html(raw: bytes, shown: str) -> tuple[str, list[str]]:
    """Bytes -> (text, warnings), by decode.decode with the charset the page declares, less an XML declaration,
    which lxml refuses in a decoded text."""
    declared = META_CHARSET.search(raw[:4096])
    text, notes = decode(raw, shown, what="a saved page", limit=MAX_PAGE_BYTES,
                         binary="not a web page: save the page as HTML",
                         declared=declared["enc"].decode("ascii", "replace") if declared else "")
    return XML_DECLARATION.sub("", text, count=1), notes


def parse_page(text: str):
    """(the page's tree, its text as parsed). libxml2 stops at 256 levels of nesting and loses the rest of the page;
    where it did, each run of dozens of elements opened in a row with nothing in them is cut to one (browsers
    flatten them too) and the page parsed again."""
    import lxml.html

    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False)
    doc = lxml.html.document_fromstring(text, parser=parser)   # as trafilatura parses a page: it reads this tree
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        text = NESTING_RUN.sub(lambda m: m.group()[m.group().rstrip().rfind("<"):], text)
        doc = lxml.html.document_fromstring(text, parser=parser)
    return doc, text


def convert_html(raw: bytes, shown: str, rules: Rules, file_time: datetime | None) -> tuple[Parsed, list[str]]:
    """One saved page -> (the article's fields, warnings); a BuildError or NotAnArticle when it holds no text."""
    import lxml.html

    text, notes = decode_html(raw, shown)
    if not text.strip():
        raise BuildError("empty file: save the page again, or delete it", shown)
    try:
        doc, text = parse_page(text)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise BuildError(f"not a web page lxml can read ({exc}): save the page as HTML", shown) from None
    data = page_data(doc, raw, rules.zone)
    body, found = trafilatura_reading(doc, data.url, file_time)
    body = with_dropped_lists(doc, body)
    shown_text = page_text(doc)
    shown_lines = shown_text.split("\n")
    data.outlets += [o for o in [source_name(shown_lines)] if o and o not in data.outlets]   # '© 2025, The …'
    order = numeric_order(shown_text)
    header = visible_header(shown_text, data, found, rules, body, order)
    paragraphs = [_plain(b).strip(" *_\n") for b in body.split("\n\n")]   # '*Text: Jane Doe / Foto: …*', in italics
    handles = [n.lower() if w.source == "trafilatura" else n for w in data.authors + found.authors + header.authors
               for n in w.value]   # trafilatura capitalises an account's name: 'Ov-Lindenau'
    if impersonal(handles):   # 'von ov-lindenau', 'von Webmaster', 'Stadtmarketing X' over 'Text: Miriam Kessler' in it
        credited = next((people for p in paragraphs if len(p.split()) <= 20 and (people := [
            n for n in parse_byline(p, header=False) or [] if is_person(n.split())])), []) or [
            n for n in signature(paragraphs, max(0, len(paragraphs) - 1)) if is_person(n.split())]   # 'Jane Doe/TT'
        header.authors = [Witness("byline", tuple(credited[:1]))] if credited else header.authors
    if not header.authors:   # an author box, a block labelled 'Author' / 'About the author', a credit under the story
        headings = {_plain(b).lstrip("#").strip() for b in body.split("\n\n") if b.startswith("#")}
        header.authors += [Witness("name-line", names) for names in [labelled_authors(shown_lines)
                                                                       or author_box(shown_lines, headings)
                                                                       or signature(paragraphs, max(0, len(paragraphs) - 2))
                                                                       or _signed_under(shown_lines, paragraphs)
                                                                       or signed_off(paragraphs)]
                           if names]
    if not (data.published or found.published or header.published):
        days = days_shown(shown_text, rules, order)   # htmldate's day only where the page shows it: not '© 2020'
        found.published += [w for w in _searched_date(text, file_time) if w.value in days] if days else []
    dates = data.published + found.published + header.published   # what a dateline under the headline may overrule
    shown = shown_days(shown_text, {day_of(w.value) for w in dates + header.modified}, rules, order) \
        if header.published or header.modified else set()
    read = None
    words = story_words(_prose(body))   # a markup whose headlines are all a section's name ('Aktuelles'): read the text
    unsigned = not (data.authors or found.authors or header.authors)   # the page's byline, if any, as a reader sees it
    if not body or _wall(body) or unsigned or headings_only(data.titles + found.titles, data.outlets + found.outlets,
                                                            data.url, words):
        try:   # the page's text as a reader would copy it, for what the markup does not say
            read = parse_seed(shown_text, rules, file_time)
        except NotAnArticle:
            if not body:
                raise NotAnArticle("no article found in the page (its text holds no paragraph of prose)") from None
    if read is not None and (not body or _wall(body) and read.body.count("\n\n") >= 2):
        body = read.body   # trafilatura found nothing, or one wall of text: the page's text as read
    if not SENTENCE.search(_plain(body)) and len(_plain(body).split()) < VERSE_WORDS:
        raise NotAnArticle("no article found in the page (its text holds no paragraph of prose)")
    sites = data.outlets + found.outlets + [data.site]
    signed = tuple(read.authors) if read is not None and _signed(read, sites, shown_lines) else ()
    return assemble(data, found, header, body, read, rules, file_time, shown, words, signed), notes


def assemble(data: PageData, found: PageData, header: PageData, body: str, read: Parsed | None, rules: Rules,
             file_time: datetime | None = None, shown: set[date] | None = None, words: set[str] = frozenset(),
             signed: tuple[str, ...] = ()) -> Parsed:
    """The fields, each decided between its witnesses (votes.py); what none gives, from the page's text as read;
    a page that shows no date is dated from `file_time` (date_from 'file'), as a copied one is. `shown`: the days
    the page's visible text shows (shown_days); a publication day the page shows nowhere, or shows under its
    headline only as the update, gives way to an earlier one its dateline shows (the page first published then,
    moved or reposted later), or to the later update that is the only date its header shows ('Last updated: June
    12, 2025'), marked for review: where witnesses disagree, the one the reader sees wins. A later date beside the
    publication shown stays the update (the markup's, or the one it declared as the publication). `words`: the
    story's (votes.story_words), for the headline; `signed`: the writers the text reader found (_signed), the
    byline's witness where the visible header names none."""
    outlets = data.outlets + found.outlets
    review: dict[str, str] = {}
    title, why = decide_title(data.titles + found.titles, outlets, data.url, words,
                              read.title if read else str(header.titles[0].value) if header.titles else "")
    if why:
        review["title"] = why
    title = title or (read.title if read else "")
    listed = _topics(body)   # 'Labels: harbour, songs' under a blog's post: its tags where the markup gives none
    body = _without_header(body, title, data)
    paragraphs = [b for b in body.split("\n\n") if b and not b.startswith(("#", "-", ">", "|", "*"))]
    title = title or (_opening(_plain(paragraphs[0])) if paragraphs else "Untitled")
    seen = [Witness("byline", read.date)] if read is not None and read.date and read.date_from == "" else []
    seen = header.published or seen or ([] if data.published else header.modified[:1])   # only an update shown: it dates the page
    when, why = decide_date(data.published + found.published + seen, rules.zone)
    if why:
        review["date"] = why
    near = lambda w: abs(day_of(w.value) - day_of(when)) <= timedelta(days=1)   # noqa: E731
    shown_update = None   # the markup's publication, which the header shows as the update
    as_update = when is not None and any(map(near, header.modified)) and not any(map(near, header.published))
    if when is not None and (shown and not any(abs(d - day_of(when)) <= timedelta(days=1) for d in shown) or as_update):
        # shown nowhere, or under the headline only as the update ('Publisert 3. oktober 2024 Oppdatert 14. oktober
        # 2025', JSON-LD's datePublished the latter)
        earlier = [w for w in header.published if day_of(w.value) < day_of(when) and not near(w)]
        update = [w for w in header.modified if day_of(w.value) > day_of(when) and not near(w)]
        if earlier or update:   # the markup's 'publication' is shown nowhere: the page was moved or reposted
            declared, shown_update = day_of(when), when if as_update else None   # (the dateline the original), or
            when = earlier[0].value if earlier else next(   # it shows only its last update
                (m.value for m in data.modified if abs(day_of(m.value) - day_of(update[0].value)) <= timedelta(days=1)),
                update[0].value)
            review["date"] = (f"the page shows {day_of(when).isoformat()} under its headline, and "
                              f"{'only as its update' if as_update else 'nowhere'} the publication "
                              f"{declared.isoformat()} its markup declares: chose the date shown")
    date_from = ""
    if when is None and read is not None and read.date:
        when, date_from = read.date, read.date_from   # '3 hours ago', or the file's time
    elif when is None and file_time:
        when, date_from = _fixed(file_time), "file"
    if date_from:   # a date guessed, or not read under the headline: always checked
        review["date"] = GUESSED[date_from]
    seen = [Witness("byline", signed)] if signed else []
    authors, credited, why = decide_authors(data.authors + found.authors + (header.authors or seen), outlets)
    if why:
        review["authors"] = why
    authors = authors or list(signed)
    owner = site_owner(data.site or next(iter(outlets), ""), bare=True) if not authors else ""
    if owner:
        authors = [owner]
        review["authors"] = f"the page names no author: credited {owner}, after whom the site is named"
    modified = decide_date(data.modified, rules.zone)[0] or shown_update
    dek = data.description if data.description and not _opens(body, data.description) else (read.dek if read else "")
    image = data.image
    if read is not None and "body" in read.review and body == read.body:
        review["body"] = read.review["body"]
    return Parsed(
        title=title,
        dek=dek,
        date=when,
        updated=modified if modified and when and modified != when and _later(modified, when) else None,
        category=section_name(data.section) or section_name(data.crumbs[0] if data.crumbs else "") or (read.category if read else ""),
        authors=authors,
        tags=_told(data.keywords, data.section, title + " " + body)[:8] or listed[:8] or (read.tags if read else []),
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
        source_name=data.site or credited or next(iter(data.outlets + found.outlets), ""),
        lang=data.lang,
    )


def shown_days(text: str, days: set[date], rules: Rules, order: str = "") -> set[date]:
    """The days, each of `days` or a day either side (a time zone apart), that the page's visible text (page_text)
    names in a date of its own ('Updated December 16, 2025', '16.12.2025'): only lines holding the year are read."""
    years = {str(d.year) for d in days}
    found: set[date] = set()
    for line in text.split("\n"):
        if len(line) <= 400 and any(y in line for y in years):
            found.update(day_of(s.when) for s in find_stamps(line, rules.zone, rules.zones, order=order)
                         if not s.relative and not s.yearless)
    return {d for d in found if any(abs(d - day) <= timedelta(days=1) for day in days)}


def days_shown(text: str, rules: Rules, order: str = "") -> set[date]:
    """Every day the page's visible text (page_text) names in a date of its own, with its year written out."""
    found: set[date] = set()
    for line in text.split("\n"):
        if len(line) <= 400 and FOUR_DIGITS.search(line):
            found.update(day for s in find_stamps(line, rules.zone, rules.zones, order=order)
                         if not s.relative and not s.yearless for day in [day_of(s.when)] if str(day.year) in line)
    return found


FOUR_DIGITS = re.compile(r"\d{4}")


def _opening(text: str, limit: int = 80) -> str:
    """The first words of a paragraph, cut at a word, for a page with no headline at all."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _fixed(when: datetime) -> datetime:
    return when.replace(second=0, microsecond=0, tzinfo=timezone(when.utcoffset() or timedelta(0)))


def _later(a: datetime | date, b: datetime | date) -> bool:
    """True when `a` is after `b` (a modification time before the publication is no update)."""
    day = lambda x: x.date() if isinstance(x, datetime) else x   # noqa: E731
    if isinstance(a, datetime) and isinstance(b, datetime) and a.tzinfo and b.tzinfo:
        return a > b
    return day(a) >= day(b)


def _signed(read: Parsed, sites: list[str], lines: list[str]) -> bool:
    """Whether the writers the text reader found are people a byline in the page's text names: each a person's
    name, none the site's (the owner a site is named after is credited by assemble, marked), each on a line with
    more than the name ('Autor: …', 'posted by … at 12:53'), the reader not unsure of them."""
    names = set(read.authors) - {""}
    return bool(names) and "authors" not in read.review and all(is_person(n.split()) for n in names) \
        and not names & set(sites) and all(any(n in line and n != line.strip() for line in lines) for n in names)


def _without_header(body: str, title: str, data: PageData) -> str:
    """The body less what stands above the story: the headline, its kicker or section, and the byline and
    dateline (a paragraph that is only a date is the dateline, not the body's first paragraph); and less the
    furniture in it (_furniture)."""
    labels = {title.lower(), data.section.lower(), *(c.lower() for c in data.crumbs)} - {""}
    blocks = [b for b in body.split("\n\n") if b.strip()]
    while blocks and len(blocks) > 1:
        first = _plain(blocks[0].lstrip("# ")).strip()
        if first.lower() in labels or parse_dateline(first, "UTC") or _a_byline(first):
            blocks.pop(0)
        else:
            break
    return "\n\n".join(b for b in blocks if _plain(b.lstrip("# ")).strip() != title and not _furniture(b)) + "\n"


def _furniture(block: str) -> bool:
    """A block the text reader drops from a story: an ad's or a widget's line, a dateline or a byline alone, a
    reading time, the topics' list."""
    if block.startswith(("|", ">", "-", "1.")):
        return False
    line = _plain(block.lstrip("# ")).strip(" *_")
    return bool(bp.is_noise(line) or parse_dateline(line, "UTC") or not block.startswith("#") and _a_byline(line)
                or READING_TIME_ALONE.match(line) or len(line) <= 120 and CATEGORY_LABEL.match(line)
                or bp.HASHTAGS.match(line) or bp.topics_listed(line))


def _topics(body: str) -> list[str]:
    """The topics the body's topics lines list (boilerplate.topics_listed), as the text reader takes them."""
    return [t for block in body.split("\n\n") for t in bp.topics_listed(_plain(block).strip(" *_")) or []]


def _a_byline(line: str) -> bool:
    """'By Lena Fischer', 'By Lena Fischer · 3 June 2025': a short line that names authors, ends in no sentence."""
    return len(line.split()) <= 16 and not line.endswith((".", "!", "?")) and bool(parse_byline(line, header=False))


# ---- trafilatura, and the visible header ----------------------------------------------------------------------


def trafilatura_reading(doc, url: str, saved: datetime | None = None) -> tuple[str, PageData]:
    """(the article's body as our Markdown, '' when trafilatura finds none; trafilatura's metadata as witnesses:
    title, authors, date through htmldate, site name) from one extraction. htmldate looks in the markup, not
    through the text with dateparser (a third of the time, for a date the markup holds anyway), for no date
    after the page was saved (`saved`: the seed file's time; not the clock's, so a build is repeatable)."""
    import trafilatura
    from lxml import etree

    found = PageData()
    dates = {"original_date": True, "extensive_search": False,
             "max_date": (saved.date() + timedelta(days=1)).isoformat() if saved else "2100-01-01"}
    try:   # trafilatura.extract is bare_extraction, then a fingerprint of the text (a hash for finding duplicates,
        # a twentieth of the time; unused here), then the output as XML: the same, less the fingerprint
        from trafilatura.core import determine_returnstring
        from trafilatura.settings import Extractor

        options = Extractor(output_format="xml", with_metadata=True, formatting=True, links=True, tables=True,
                            comments=False, images=False, dedup=False, url=url or None, date_params=dates)
        document = trafilatura.bare_extraction(doc, options=options)
        xml = determine_returnstring(document, options) if document else None
    except ImportError:   # a trafilatura 2.x that moved those internals: its public call, fingerprint and all
        xml = trafilatura.extract(doc, url=url or None, output_format="xml", with_metadata=True,
                                  include_formatting=True, include_links=True, include_tables=True,
                                  include_comments=False, include_images=False, deduplicate=False,
                                  date_extraction_params=dates)
    if not xml:
        meta = trafilatura.extract_metadata(doc, default_url=url or None, date_config=dates, extensive=False)
        if meta:
            _witnesses_of(found, meta.title, meta.author, meta.date, meta.sitename)
        return "", found
    try:
        root = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        return "", found
    _witnesses_of(found, root.get("title"), root.get("author"), root.get("date"), root.get("sitename"))
    main = root.find("main")
    blocks = [_block(el, url) for el in (main if main is not None else root)]
    blocks = [b for b in blocks if b.strip() and not bp.is_noise(_plain(b).strip("*# "))]   # 'Related: …', 'Advertisement'
    return ("\n\n".join(blocks) + "\n" if blocks else ""), found


def _searched_date(text: str, saved: datetime | None) -> list[Witness]:
    """htmldate's extensive search (dateparser over the page's text), for a page whose markup dates nothing. Its
    last resorts are a copyright year as January 1 and a month as its first day: convert_html keeps the day only
    where the page's visible text shows it."""
    from htmldate import find_date

    day = find_date(text, extensive_search=True, original_date=True,
                    max_date=(saved.date() + timedelta(days=1)).isoformat() if saved else "2100-01-01")
    try:
        when = date.fromisoformat(day[:10]) if day else None
    except ValueError:
        return []
    return [Witness("trafilatura", when)] if when and when.year >= 1990 else []


TRAF_PARTS = re.compile(r"\s+[·|/]\s+")
TRAF_LABEL = re.compile(rf"^{TEXT_WORD}\s+(?=[A-ZÀ-ÖØ-Þ])", re.I)
TRAF_PHOTO = re.compile(rf"{bp.PHOTO_WORD}\b", re.I)
"""trafilatura's author less the credit line's parts and labels it keeps without their colons: 'Bericht Jane Doe ·
Fotos John Roe' -> 'Jane Doe'."""


def _witnesses_of(found: PageData, title: str | None, author: str | None, day: str | None, site: str | None) -> None:
    if title:
        found.titles.append(Witness("trafilatura", " ".join(title.split())))
    if author:   # less a label it kept: 'Geschrieben von Jane Doe', 'Bericht Jane Doe · Fotos John Roe' (its colons gone)
        names = [TRAF_LABEL.sub("", part) for a in author.split(";") for part in TRAF_PARTS.split(a.strip())
                 if part and not TRAF_PHOTO.match(part)]
        found.authors.append(Witness("trafilatura", tuple(m["names"] if (m := BY.match(a)) and len(m["names"].split()) >= 2
                                                          else a for a in names)))   # not 'Von Diaz' -> 'Diaz'
    if day:
        try:
            when = date.fromisoformat(day[:10])
        except ValueError:
            when = None
        if when and when.year >= 1990:
            found.published.append(Witness("trafilatura", when))
    if site and site != title:   # trafilatura names the site after the headline when it finds no name
        found.outlets.append(" ".join(site.split()))


LIST_MARK = re.compile(r"^(?:[-*>]|\d{1,3}[.)])\s+")
"""A Markdown list item's or quote's mark."""


def _signed_under(lines: list[str], paragraphs: list[str]) -> tuple[str, ...]:
    """The people a byline under the story names in the page's text ('Posted 2026-10-06 by Jane Doe · 8 min'), which
    the extraction left out of the body: parse.signature from the line after the body's last paragraph; () when
    that paragraph is not a line of the text. The text's blank lines are no lines; a list's last item is its last
    line."""
    lines = [line.strip() for line in lines if line.strip()]
    last = next((LIST_MARK.sub("", p.split("\n")[-1])[:60] for p in reversed(paragraphs) if len(p.split()) >= 8), "")
    end = next((i + 1 for i in range(len(lines) - 1, -1, -1) if last and lines[i].startswith(last)), 0)
    return signature(lines, end) if end else ()


def visible_header(text: str, data: PageData, found: PageData, rules: Rules, body: str = "",
                   order: str = "") -> PageData:
    """What a reader sees at the top of the story: the line of the page's text that is its headline (one the
    markup names, perhaps longer; in `titles`, as 'shown'), and the byline and dateline in the lines around it,
    before the first paragraph of prose.

    The header runs from a few lines above the headline to the story's first paragraph (or, where that is not
    found, to two paragraphs of prose in a row: a dek is one). A byline is a line that says 'By …' (anywhere in
    it: 'Published June 3 by Jane Doe', 'Posted by Jane Doe on'; 'Written by' alone on its line, the names on the
    next; a desk's, 'by Gazette Newsdesk', only when no line near it names a person); a line that is only a name
    next to a dateline, a role or a reading time, or a name in the dateline itself ('Jane Doe · June 3, 2025'), is
    a weaker witness ('name-line'), heard only when nothing else names a person; one under the headline first ('Ann
    Okafor, Bo Lindqvist' gives both; 'Jane Doe on behalf of the X group' on a dateline gives her; 'by jdoe' alone on
    its line gives a handle). A title 'Headline | Site' finds the headline
    shown without the site's part. Numeric dates are read in `order` ('mdy', 'dmy': numeric_order)."""
    header = PageData()
    lines = [line for line in text.split("\n")[:3000] if line.strip()]
    opening = next((_plain(b)[:40] for b in body.split("\n\n") if len(b.split()) >= 12 and b[:1].isalnum()), "")
    keys = [(w.source, key) for w in data.titles + found.titles for parts in [TITLE_PARTS.split(str(w.value))]
            for key in {_words(without_site(str(w.value), data.outlets + found.outlets, data.url)), *(
                part for part in map(_words, (parts[0], max(parts, key=lambda p: len(p.split()))))
                if len(part.split()) >= 3)} - {""}]   # a title's first part, or its longest: either side of a site's
    # name the page gives nowhere else
    wanted = {key for _, key in keys}
    support = Counter(key for _, key in keys)
    h1s = {key for source, key in keys if source == "h1"}
    long = {w: len(w.split()) for w in wanted if len(w.split()) >= 4}   # each with its count of words

    def shown(line: str, shorter: bool) -> bool:
        """The headline as the markup gives it, or longer ('…, December 2025'; not a footer that names the site);
        with `shorter`, a line the markup's headline holds (shown cut short)."""
        key, words = _words(line), len(line.split())
        if not shorter and key in wanted and len(line) <= 400:
            return True
        return words >= 4 and len(line) <= 300 and any(
            key in w if shorter else words <= 2 * n + 3 and w in key for w, n in long.items())
    seen = [i for i, line in enumerate(lines) if shown(line, False)] or [i for i, line in enumerate(lines)
                                                                         if shown(line, True)]
    if not seen:
        return header
    if any(_words(lines[i]) in h1s and support[_words(lines[i])] > 1 for i in seen):   # of the page's <h1>s, one
        seen = [i for i in seen if _words(lines[i]) not in h1s or support[_words(lines[i])] > 1]   # another witness
        # gives too: not a sidebar's ('Kreisliga A') over the <h1> the <title> repeats
    story = next((i for i, line in enumerate(lines) if opening and line.startswith(opening)), len(lines))
    at = max((i for i in seen if i < story), default=seen[0])   # the headline right above the story, not a teaser
    header.titles.append(Witness("shown", lines[at].strip()))
    above = [line.text for line in read_lines("\n".join(lines[max(0, at - HEADER_ABOVE):at]))]
    below = [line.text for line in read_lines("\n".join(lines[at + 1:at + 1 + HEADER_LINES]))]   # 'Last updated:' + its date
    window = []
    prose = lambda line: len(line.split()) > 25 and line.endswith(tuple(STOPS))   # noqa: E731
    around = above + [""] + below   # "": the headline, which no name line stands beside
    begun = not at < story < len(lines)   # where the story's first paragraph stands below, all above it is header
    opened = len(around)   # the line where the story's first paragraph was seen
    for i, line in enumerate(around):
        opened = min(opened, i) if opening and line.startswith(opening) else opened
        begun = begun or i >= opened
        if begun and (prose(line) and (i + 1 == len(around) or prose(around[i + 1])) or i > opened + 3):
            break   # the story has begun (one paragraph alone is a dek, with the byline right under it)
        window.append(line)
    bare: list[str] = []
    desk: list[str] = []
    bare_at = -1
    labels = {_words(x) for x in [data.section, *data.crumbs, *data.keywords]}   # a section on the dateline is no name
    headline = window.index("") if "" in window else len(window)
    for i, line in enumerate(window):
        if len(line.split()) > 30 or _words(line) == _words(lines[at]):
            continue   # (a copy of the headline, a breadcrumb's or a hero's, dates nothing: '… 1.9.–15.12.2025')
        names = _byline_names(line)   # a label alone ('Written by' / 'Jane Doe') read_lines joined to its name
        handle = BY_HANDLE.match(line)
        if not names and handle and handle["handle"] not in NOT_NAMES and handle["handle"] not in FURNITURE:
            names = [handle["handle"]]   # 'by ibby': a writer known by a handle in lower case
        if names and all(DESK.match(n) for n in names):
            desk = desk or names   # 'by Herald Newsdesk': the desk, when no byline under it names a person
        elif names and not header.authors:
            header.authors.append(Witness("byline", tuple(names)))
        elif (not bare or i > headline > bare_at) and 0 < len(line.split()) <= 6 + 4 * line.count(","):   # one under the headline first
            near = window[max(0, i - 1):i] + window[i + 1:i + 2]
            if any(has_date(x) or READING_TIME.search(x) or _a_role(x) for x in near):
                names = list(name_list(line, people=False)) or [n for n in parse_byline(line, header=True, bare=True) or []
                                                                 if _a_person(n)]
                if names and all(name_like(n.split()) for n in names):
                    bare, bare_at = names, i
        if not bare and has_date(line):   # 'Jane Doe · June 3, 2025 · 5 min read', 'Dec 17, 2025Jane Doe'
            parts = [ON_BEHALF.sub("", part) for part in DATELINE_PARTS.split(GLUED_YEAR.sub(r"\1 · ", line))]
            names = [n for part in parts if 2 <= len(part.split()) <= 4 and not has_date(part)
                     and not READING_TIME.search(part) and _words(part) not in labels
                     and not all(len(piece.split()) == 1 for piece in part.split(","))   # 'Aktuelles, Jugend': categories
                     and not BY.match(part)   # 'von Webmaster': a byline that named an account, no one
                     for n in parse_byline(f"By {part}", header=False) or [] if name_like(n.split())]
            if names and len(parts) > 1:
                bare, bare_at = names, i
        if not header.published and has_date(line):
            stamps = [s for s in find_stamps(line, rules.zone, rules.zones, order=order)
                      if not s.relative and not s.yearless]
            header.published += [Witness("byline", s.when) for s in stamps if not s.updated][:1]
            header.modified += [Witness("byline", s.when) for s in stamps if s.updated][:1]
    if bare and not header.authors:
        header.authors.append(Witness("name-line", tuple(bare)))   # weak: counted only when nothing else names anyone
    elif desk and not header.authors:
        header.authors.append(Witness("byline", tuple(desk)))
    return header


HEADER_ABOVE = 3
TITLE_PARTS = re.compile(r"\s+[|–—-]\s+")
"""'What Readers Love | Some Blog': a title with a site's name the page gives nowhere else after a bar or dash."""
DATELINE_PARTS = re.compile(r"\s*[|·•]\s*")
READING_TIME = re.compile(r"\b\d+\s*(?:min(?:ute)?s?\.?|mins?)\s*(?:read|de lectura|de leitura|Lesezeit)|\bread(?:ing)? time\b", re.I)
BY_INSIDE = re.compile(rf"(?:^|\s|[|·•,])(?:(?i:{WROTE}\s+)?(?P<by>[Bb]y):?\s*|(?i:(?:{WROTE}\s+)?{BY_WORD}):?\s+)"
                       rf"(?=[A-ZÀ-ÖØ-Þ])|^(?i:{AUTHOR_WORD}\s*:|{TEXT_LABEL})\s*")
"""'By Jane Doe', 'Geschrieben von Jane Doe', 'Autorin: Jane Doe' anywhere on a line (bylines' words, a capital after;
only 'by' glued to the name: 'ByJane Doe', not 'DIYHome'; not 'BYRON')."""


def _byline_names(line: str) -> list[str]:
    """The names a 'By …' line gives, wherever 'by' stands in it ('September 1, 2023 By Jane Doe'), unless the
    word before says it credits someone else ('Photo by', 'Reviewed by', 'More articles by')."""
    for m in BY_INSIDE.finditer(line):
        before = line[:m.start()].strip()
        last = before.split()[-1].strip(":|·•,–—-").lower() if before.split() else ""
        if before and not (before[-1] in "|·•,–—-:" or re.fullmatch(rf"{WROTE}|article", last, re.I) or has_date(before)):
            continue   # 'deals announced by Jamf, …': a sentence, not a byline
        if last and NOT_THE_AUTHOR.match(last):
            continue
        found = list(byline_names(line[m.start():].lstrip(" |·•,")))   # 'By Jane Doe December 2, 2025', 'Posted by Jane Doe on'
        if m["by"] or all(is_person(n.split()) or INITIAL_NAME.fullmatch(n) for n in found):   # 'Von Anke Brunner', 'Von
            return found   # W. Reisinger', not 'Door County'
        return []
    return []


INITIAL_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ]\.\s?[A-ZÀ-ÖØ-Þ][a-zß-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-ÿ]+)?")
"""A given name's initial and a surname: 'W. Reisinger'."""
BY_HANDLE = re.compile(r"^[Bb]y:?\s+(?P<handle>[a-z][a-z0-9_.-]{2,29})$")
"""'by ibby': a byline that names a writer by a handle in lower case, and nothing else."""
ON_BEHALF = re.compile(r"\s+on behalf of\s.*$", re.I)
"""'Niko Matsakis on behalf of the Vision Doc group': the writer, and the group he writes for."""


NOT_THE_AUTHOR = re.compile(r"(?i)^(?:photos?|photographs?|photography|images?|illustrations?|illustrated|videos?|graphics?|"
                            r"design(?:ed)?|edited|reviewed|checked|verified|produced|articles|posts|stories|more|"
                            r"other|all|sponsored|presented|powered|supported|courtesy|translated|narrated|read)$")


def _a_person(name: str) -> bool:
    """A bare name line's name reads as a person's: a given name first ('Jane Doe', 'Petra'), not two capitalised
    nouns ('Weitere Meldungen', 'Kategorien Gartentipps': German capitalises every noun)."""
    words = name.split()
    return is_person(words) or len(words) == 1 and given_name(words[0])


def _a_role(line: str) -> bool:
    """'Co-Founder & Marketing Director', 'Senior Reporter': a job title under a name."""
    words = re.sub(r"[&,|-]", " ", line).split()
    return 1 <= len(words) <= 6 and bool(re.search(r"(?i)\b(?:editor|reporter|writer|correspondent|director|founder|"
                                                    r"manager|ceo|author|columnist|journalist|contributor|analyst|"
                                                    r"professor|executive|specialist|officer|lead|head)\b", line))


def _prose(body: str) -> str:
    """The story's paragraphs of five words or more: not its headings, nor a section's name left in it ('Aktuelles')."""
    return "\n".join(b for b in body.split("\n\n") if not b.startswith("#") and len(b.split()) >= 5)


def _words(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


# ---- helpers ----------------------------------------------------------------------------------------------------


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
    """Markdown's text: links' text, escapes and hard line breaks undone."""
    return re.sub(r"\\(.)", r"\1", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown.replace("\\\n", " ")))


def _http(url: str) -> str:
    url = (url or "").strip()
    return url if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc else ""


# ---- the body ------------------------------------------------------------------------------------------------


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
        return "\n".join(f"> {line}" for line in (_inline(el, url, breaks=True) or "").split("\n"))
    if tag == "table":
        return _table(el, url)
    if tag in ("graphic", "lb"):
        return ""
    return _inline(el, url, breaks=True)


def with_dropped_lists(doc, body: str) -> str:
    """The body with the lists and tables that stand between two of its paragraphs in the page but that
    trafilatura left out (a page whose markup has no article container: a list right under <body>), unless
    they are navigation (in nav, header, footer, aside or a form, or mostly links)."""
    blocks = [b for b in body.split("\n\n") if b.strip()]
    if len(blocks) < 2:
        return body
    kept = {_key(_plain(b.lstrip("#>-| "))): i for i, b in enumerate(blocks) if len(b.split()) >= 4}
    if not kept:
        return body
    present = " ".join(re.findall(r"\w+", _plain(body).lower()))
    after: dict[int, list[str]] = {}
    last, pending = None, []
    for el in doc.iter("p", "ul", "ol", "table", "h2", "h3", "h4", "blockquote"):
        if el.tag in ("p", "h2", "h3", "h4", "blockquote"):
            index = kept.get(_key(el.text_content()))
            if index is not None:
                if last is not None and pending:
                    after.setdefault(last, []).extend(pending)
                last, pending = index, []
            continue
        if last is None or _navigation(el):
            continue
        markdown = _list_markdown(el) if el.tag in ("ul", "ol") else _table_markdown(el)
        if markdown and " ".join(re.findall(r"\w+", _plain(markdown).lower()))[:200] not in present:
            pending.append(markdown)
    if not after:
        return body
    out = []
    for i, block in enumerate(blocks):
        out += [block, *after.get(i, [])]
    return "\n\n".join(out) + "\n"


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))[:120]


def _navigation(el) -> bool:
    """Not the story's: inside navigation, a figure or a widget (by the names pages give such boxes), laid out with
    blocks, buttons or images inside its items, mostly links, or a list inside another."""
    for up in el.iterancestors():
        if up.tag in ("nav", "header", "footer", "aside", "form", "menu", "figure", "figcaption", "ul", "ol", "table") \
                or WIDGET.search(f"{up.get('class') or ''} {up.get('id') or ''}"):
            return True
    if el.tag in ("ul", "ol") and any(x.tag in LAYOUT for li in el for x in li.iter()):
        return True
    text = len(_visible(el))
    links = sum(len(_visible(a)) for a in el.iter("a"))
    return not text or links > 0.3 * text


WIDGET = re.compile(r"(?i)caption|gallery|slide|carousel|related|share|social|promo|newsletter|comment|sidebar|widget|"
                    r"footer|menu|nav|breadcrumb|\btags?\b|advert|\bads?\b|sponsor|recommend|popular|trending|product")
LAYOUT = {"div", "section", "article", "figure", "img", "picture", "button", "form", "input", "iframe", "video", "h2",
          "h3", "h4", "table", "script", "style"}


def _visible(el) -> str:
    """An element's text without its scripts and styles."""
    return " ".join(" ".join(el.xpath(".//text()[not(ancestor::script or ancestor::style or ancestor::noscript "
                                      "or ancestor::template)]")).split())


def _list_markdown(el) -> str:
    marker = "1." if el.tag == "ol" else "-"
    items = [escape_markdown(_visible(li)) for li in el if li.tag == "li"]
    return "\n".join(f"{marker} {i}" for i in items if i)


def _table_markdown(el) -> str:
    """An HTML <table> trafilatura dropped, as a Markdown table."""
    return _markdown_table([[escape_markdown(_visible(c)).replace("|", "\\|") for c in tr if c.tag in ("td", "th")]
                            for tr in el.iter("tr")])


def _markdown_table(rows: list[list[str]]) -> str:
    """Rows of cell texts (already escaped) -> a Markdown table, the first row its head; '' with no cell text."""
    rows = [r for r in rows if any(r)]
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    return "\n".join(["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width] + ["| " + " | ".join(r) + " |" for r in rows[1:]])


def _table(el, url: str) -> str:
    return _markdown_table([[_inline(cell, url).replace("|", "\\|") for cell in row if cell.tag in ("cell", "head")]
                            for row in el.iter("row")])


LINE_BREAK = "\x00"
"""Where the page breaks a line (<br>, trafilatura's <lb/>) inside a paragraph, until _inline decides what it is."""
PROSE_LINE = 8
"""A line broken off (<br>) after this many words or more that ends a sentence ends a paragraph: a blog's <br><br>,
which trafilatura keeps as one break, parts paragraphs; shorter lines (a verse, an address) stay lines. Hand-set."""


def _inline(el, url: str, breaks: bool = False) -> str:
    """An element's text as inline Markdown: emphasis kept, links through the allow-list, the rest escaped; with
    `breaks`, the page's line breaks kept (_lines)."""
    text = _runs(el, url)
    if not breaks:
        return " ".join(text.replace(LINE_BREAK, " ").split())
    return _lines([" ".join(line.split()) for line in text.split(LINE_BREAK) if line.strip()])


def _lines(lines: list[str]) -> str:
    """A paragraph's lines as the page breaks them: after a sentence of PROSE_LINE words or more a new paragraph,
    else a hard line break (Markdown's backslash at the line's end). Each line's text is escaped already
    (escape_markdown_inline escapes a tail that would open a list or a heading)."""
    out = ""
    for i, line in enumerate(lines):
        if i:
            last = lines[i - 1]
            out += "\n\n" if len(last.split()) >= PROSE_LINE and SENTENCE_END.search(last) else "\\\n"
        out += line
    return out


def _runs(el, url: str) -> str:
    """_inline's text with LINE_BREAK where the page breaks a line outside a link or emphasis."""
    parts = [escape_markdown_inline(el.text or "")]
    for child in el:
        inner = _runs(child, url)
        if child.tag in ("ref", "hi"):
            inner = inner.replace(LINE_BREAK, " ")
        if child.tag == "ref":
            target = urljoin(url, (child.get("target") or "").strip()) if url else (child.get("target") or "").strip()
            parts.append(f"[{inner}](<{target}>)" if inner and target and safe_link(target) and ">" not in target
                         and _http(target) else inner)
        elif child.tag == "hi" and inner.strip():
            mark = "**" if "b" in (child.get("rend") or "") else "*"
            parts.append(f"{mark}{inner.strip()}{mark}")
        elif child.tag == "lb":
            parts.append(LINE_BREAK)
        else:
            parts.append(inner)
        parts.append(escape_markdown_inline(child.tail or ""))
    return "".join(parts)


def escape_markdown_inline(text: str) -> str:
    """Escape text that will sit inside a Markdown line, keeping the spaces at its ends."""
    if not text.strip():
        return " " if text else ""
    return (" " if text[0].isspace() else "") + escape_markdown(" ".join(text.split())) + (" " if text[-1].isspace() else "")


# ---- the page's text, as a reader would copy it ---------------------------------------------------------------


def page_text(doc) -> str:
    """The page's visible text, a line a block (what innerText gives): input for the copied-text reader. White
    space inside a block is one space, as a browser shows it (a page whose source wraps its paragraphs at 72
    columns gives one line a paragraph); only <pre> keeps its line ends."""
    from lxml import etree

    body = doc.find("body")
    out: list[str] = []
    pre = 0
    walker = etree.iterwalk(body if body is not None else doc, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in SKIPPED or (tag and (el.get("hidden") is not None or HIDDEN.search(el.get("style") or ""))):
                walker.skip_subtree()
                out.append(_flow(el.tail, pre))
                continue
            if tag in BLOCKS:
                out.append("\n\n" if tag in PARAGRAPHS else "\n")
            pre += tag == "pre"
            if el.text and tag:
                out.append(_flow(el.text, pre))
        else:
            if tag in BLOCKS:
                out.append("\n")
            elif tag in ("td", "th"):
                out.append("\t")   # a table's row is a line, its cells parted by tabs, as innerText gives them
            pre -= tag == "pre"
            out.append(_flow(el.tail, pre))
    return "\n".join("\t".join(" ".join(cell.split()) for cell in line.strip(" \t").split("\t"))
                     for line in "".join(out).split("\n"))


PARAGRAPHS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure"}


def _flow(text: str | None, pre: int) -> str:
    """Text as a browser lays it out: line ends inside it are spaces, except inside <pre>."""
    if not text:
        return ""
    return text if pre else text.replace("\r", " ").replace("\n", " ")
