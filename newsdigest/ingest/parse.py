"""One copied page -> the fields of an article: find the article first, then read the header above it.

lines -> score each line -> smooth over neighbours -> the best run of prose is the article
-> the headline ranked first among the lines above it -> crumbs above the headline; dek, bylines, datelines,
photo below it -> body (paragraphs, subheads, lists; captions, datelines and topics lifted out) -> the date
from the header, else the page's other datelines, else '3 hours ago', else the seed file's time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from . import boilerplate as bp
from .article import Reading, read_article
from .body import read_body, to_markdown
from .bylines import parse_byline
from .dates import Stamp, find_stamps, has_date, is_relative, relative_stamp
from .entities import tags_from_text
from .header import Header, crumbs_and_title, is_crumb_trail, pick_title, split_header, take_caption
from .lines import Line, read_lines
from .score import Params, default_params
from .text import summarize

WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+(?:,\s[\w .]+?)?(?:\s\((?:AP|Reuters|AFP|PTI|ANI|IANS|dpa|UPI)\))?\s[—–-]\s")
ADDRESS = re.compile(r"^(?:<?(?P<url>https?://[^\s<>]+)>?|(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+)$", re.I)
META_PARTS = re.compile(r"\s+[-–—|•·/]\s+")
CATEGORY_LABEL = re.compile(r"^(?:categor(?:y|ia|ie|ía)|section|secção|sección|rubrique|ressort|rubrica|kategorie)\s*:\s*"
                            r"(?P<name>[^:]{2,40})$", re.I)
COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|copyright)\D{0,40}?(?:(?:19|20)\d\d\s*[-–]\s*)?(?P<y>(?:19|20)\d\d)", re.I)
TITLE_SURE = 0.8
"""Below this probability the headline is marked for review: the model only decides pages whose layout left
doubt (a headline anchored on its byline is sure), so it has to be sure of them."""
RUN_SURE = 0.9
"""Below this probability the choice of the article among the page's runs of prose is marked for review."""
THIN = 0.2
"""Above this share of furniture-like words inside the article, its bounds are marked for review."""
AFTER = 12
"""How many lines below the article may hold its topics or a 'First published' line."""


@dataclass(frozen=True)
class Rules:
    """What the parser knows beyond its built-in data: the site's zone and config.yaml's additions."""

    zone: str = "UTC"
    zones: dict[str, str] = field(default_factory=dict)
    noise: tuple[re.Pattern, ...] = ()
    sections: tuple[str, ...] = ()
    params: Params | None = None
    """The fitted models; None for the shipped ones (data/params.json)."""


@dataclass(frozen=True)
class Parsed:
    """What a scrape says about its article."""

    title: str
    dek: str
    date: datetime | date | None
    updated: datetime | date | None
    category: str
    authors: list[str]
    tags: list[str]
    image_caption: str
    image_credit: str
    body: str
    """Markdown."""
    summary: str
    fingerprint: str
    """The article's words without furniture: two saves of one article share it."""
    source_url: str = ""
    """An address pasted on a line of its own."""
    date_from: str = ""
    """'' when the page shows the date; 'relative' for '3 hours ago'; 'file' for the seed file's time."""
    review: dict[str, str] = field(default_factory=dict)
    """Fields that were a close call, with the reason: {'title': '…', 'date': '…', 'body': '…'}."""
    image_url: str = ""
    """The lead image's address, from a saved page's structured data."""
    image_width: int = 0
    image_height: int = 0
    source_name: str = ""
    """The outlet, from a saved page ('Reuters')."""
    lang: str = ""
    """The language a saved page declares (its <html lang>, else og:locale), as it wrote it ('en-GB')."""


class NotAnArticle(ValueError):
    """The scrape has no recognisable article in it."""


def parse_seed(text: str, rules: Rules = Rules(), file_time: datetime | None = None) -> Parsed:
    """Read one scrape into article fields; `file_time` (the seed's modification time) dates a page that
    shows no date."""
    params = rules.params or default_params()
    lines, source_url = _addresses_out(read_lines(text))
    reading = read_article(lines, params, rules.noise)
    if reading is None:
        raise NotAnArticle("no paragraph of prose in it (empty, a menu or a list of links)")
    texts = [line.text for line in lines]
    run = reading.run
    t, title_sure = pick_title(lines, reading.words, reading.prose, run, params)
    crumbs, title = crumbs_and_title(texts, t, reading.words, rules.sections)
    kept = [i for i in range(t + 1, run.end)
            if not _is_noise(texts[i], rules) and texts[i] != title and not texts[i].endswith(title)]
    header, used = split_header([texts[i] for i in kept], title, rules.zone, rules.zones)
    body_start = max(run.start, kept[used] if used < len(kept) else run.end)
    while body_start < run.end - 1 and _is_meta(texts[body_start], reading.words[body_start]):
        body_start += 1   # 'By Jane Doe / 2016.12.01' read as the article's first line: it is the header's
    year = _year_hint(texts, header.stamps, file_time)
    _scan_between([x for x in texts[max(0, t - 3):t] + texts[t + 1:body_start] if x != title and not x.endswith(title)],
                  header, rules, year)
    body_lines = [texts[i] for i in range(body_start, run.end) if not _is_noise(texts[i], rules)]
    body = read_body(body_lines + _tail(texts, run.end), title, rules.zone, rules.zones)
    late = [s for i in range(run.end, min(len(texts), run.end + AFTER)) if reading.words[i] <= 15
            for s in find_stamps(texts[i], rules.zone, rules.zones, year)]
    published, updated, date_from = _dates(header.stamps + body.stamps, late, texts[max(0, t - 3):body_start], file_time)
    image_caption, image_credit = header.caption or body.caption, header.credit or body.credit
    crumbs = crumbs or _crumbs_below(texts[t + 1:body_start], rules)
    category, subsections = (crumbs[0], crumbs[1:]) if crumbs else (header.section, [])
    paragraphs = [text for kind, text in body.blocks if kind == "p"]
    authors = _unique(header.authors + body.authors)
    tags = _unique([*subsections, *body.topics]) or tags_from_text(title, [header.dek, *paragraphs], exclude=authors)
    return Parsed(
        title=title,
        dek=header.dek,
        date=published or updated,
        updated=updated if published and updated and updated != published else None,
        category=category,
        authors=authors,
        tags=[t for t in tags if t.lower() != category.lower()],
        image_caption=image_caption,
        image_credit=image_credit,
        body=to_markdown(body.blocks),
        summary=header.dek or summarize([WIRE_DATELINE.sub("", p, count=1) for p in paragraphs[:1]]),
        fingerprint=" ".join(re.sub(r"\W+", " ", " ".join([title, *paragraphs]).lower()).split()),
        source_url=source_url,
        date_from=date_from,
        review=_review(title, title_sure, reading, date_from, published or updated, texts, t),
    )


def _is_meta(line: str, words: int) -> bool:
    """A byline or a dateline, whatever else it holds: 'By admin - 2018-09-16', 'Reuters November 18, 2019'."""
    return words <= 20 and not line.endswith(".") and (has_date(line) or bool(parse_byline(line, header=True)))


def _is_noise(line: str, rules: Rules) -> bool:
    return bp.is_noise(line, rules.noise) or is_relative(line)


def _addresses_out(lines: list[Line]) -> tuple[list[Line], str]:
    """Take out lines that are only an address (a URL, an e-mail): the first URL is the article's source."""
    kept, source = [], ""
    for line in lines:
        m = ADDRESS.match(line.text)
        if m:
            source = source or (m["url"] or "")
        else:
            kept.append(line)
    return kept, source


def _year_hint(texts: list[str], stamps: list[Stamp], file_time: datetime | None) -> int | None:
    """The year for a date shown without one: the header's, else the page's copyright year, else the file's."""
    for stamp in stamps:
        if not stamp.yearless and not stamp.relative:
            return stamp.when.year
    years = [int(m["y"]) for text in texts if len(text) < 300 for m in [COPYRIGHT_YEAR.search(text)] if m]
    if years:
        return max(years)
    return file_time.year if file_time else None


def _scan_between(texts: list[str], header: Header, rules: Rules, year: int | None) -> None:
    """Lines just above the headline and between the header and the article: furniture, except the datelines,
    bylines and photo credits among them."""
    for i, line in enumerate(texts):
        if len(line.split()) > 25:
            continue
        header.stamps += find_stamps(line, rules.zone, rules.zones, year)
        for part in [line, *META_PARTS.split(line)[1:]]:   # '19/11/2019 - Publicado por: Ana Souza - Categoria: …'
            names = parse_byline(part, header=False)
            if names and not header.authors:
                header.authors += names
            label = CATEGORY_LABEL.match(part)
            if label and not header.section:
                header.section = label["name"].strip()
        if not header.credit:
            take_caption(line, texts[i + 1] if i + 1 < len(texts) else "", header)


def _crumbs_below(texts: list[str], rules: Rules) -> list[str]:
    """A breadcrumb trail printed under the headline ('BLOG > Nutrition > Meal Plans'), when none stood above."""
    for line in texts:
        if is_crumb_trail(line):
            return crumbs_and_title([line, "x"], 1, [len(line.split()), 1], rules.sections)[0]
    return []


def _tail(texts: list[str], end: int) -> list[str]:
    """What belongs to the article just below it: credit lines ('Reporting by …') and a topic list
    ('Topics', 'Tags: …') with its items."""
    tail = []
    for i in range(end, min(len(texts), end + AFTER)):
        if bp.CREDIT_LINE.match(texts[i]):
            tail.append(texts[i])
        elif topic := bp.TOPIC_HEADER.match(texts[i]):
            j = i + 1
            while not topic["inline"] and j < len(texts) and j < i + 12 and len(texts[j].split()) <= 5:
                j += 1
            return tail + texts[i:j]
    return tail


def _dates(near: list[Stamp], late: list[Stamp], header_texts: list[str], file_time: datetime | None
           ) -> tuple[datetime | date | None, datetime | date | None, str]:
    """(published, updated, where from): the header's datelines (an 'Updated' one dates the page when it is
    all the header shows), else those just below the article, else '3 hours ago' against the file's time,
    else the file's time itself."""
    stamps = near or late
    published = next((s.when for s in stamps if not s.updated), None)
    updated = next((s.when for s in stamps if s.updated), None)
    if published or updated:
        return published, updated, ""
    if file_time:
        for text in header_texts:
            stamp = relative_stamp(text, _fixed(file_time))
            if stamp:
                return stamp.when, None, "relative"
        return _fixed(file_time), None, "file"
    return None, None, ""


def _fixed(when: datetime) -> datetime:
    """To the minute, with its offset as a fixed offset (what front matter shows)."""
    return when.replace(second=0, microsecond=0, tzinfo=timezone(when.utcoffset() or timedelta(0)))


def _review(title: str, title_sure: float, reading: Reading, date_from: str, when, texts: list[str], t: int
            ) -> dict[str, str]:
    """The close calls an operator should check, each with its reason."""
    review: dict[str, str] = {}
    if title_sure < TITLE_SURE:
        review["title"] = f"the headline was a close call ({title_sure:.0%} sure)"
    if date_from == "file":
        review["date"] = "the page shows no date: dated from the seed file's time"
    elif date_from == "relative":
        review["date"] = "the page gives only a relative time: dated against the seed file's time"
    if reading.sure < RUN_SURE:
        review["body"] = (f"another stretch of prose on the page could be the article ({reading.sure:.0%} sure): "
                          f"check the body")
    elif reading.thin > THIN:
        review["body"] = (f"{reading.thin:.0%} of the body's words are on lines that read as page furniture: "
                          f"check where the article starts and ends")
    return review


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item and item.lower() not in seen:
            seen.add(item.lower())
            out.append(item)
    return out
