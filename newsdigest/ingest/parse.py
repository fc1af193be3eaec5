"""One copied page -> the fields of an article: find the article first, then read the header above it.

The passes, in the order parse_seed runs them:
  1. lines    (lines.py)    the seed's lines, cleaned; an address alone on a line is the source
  2. score    (score.py)    each line's probability of prose, by itself
  3. smooth   (smooth.py)   revised by its neighbours'
  4. article  (article.py)  the runs of prose compete: the best is the article
  5. header   (header.py)   the lines above the article and its first ones labelled: headline, dek, byline,
                            dateline, caption, section, furniture, body; the header's fields read off the labels
  6. body     (body.py)     the article's lines as paragraphs, subheads, lists; captions and topics lifted out
  7. dates                  the header's date, else the page's datelines closing or below the article, else the one day
                            the lines above it show, else '3 hours ago', else the seed file's time; authors, when
                            the header names none, from a signature ('Posted by …'), a block labelled
                            'Author' or an author box below it
  8. source   (source.py)   the outlet, from a copyright line or the site's name on the page
  9. review   (review.py)   the fields to check: headline, authors and date by their fitted chance of being
                            wrong, the body when another run of prose was close
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from . import boilerplate as bp
from .article import Reading, read_article
from .body import read_body, to_markdown
from .bylines import (BRACKETED_END, BY, LABEL_AT_START, LABELLED_PARTS, author_box, byline_names, impersonal,
                      is_person, labelled_authors, name_like, name_list, names_beside_date, signed_off, site_owner,
                      unbracketed)
from .dates import (PUBLISHED_LABEL, Stamp, day_of, find_stamps, is_relative, numeric_order, opens_with_date,
                    relative_stamp)
from .entities import tags_from_text
from .header import read_header, region
from .lines import Line, read_lines
from .review import Doubt, default_doubts, doubt_rows, marks
from .score import Params, default_params, setting
from .source import source_name
from .text import summarize

WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+(?:,\s[\w .]+?)?(?:\s\((?:AP|Reuters|AFP|PTI|ANI|IANS|dpa|UPI)\))?\s[—–-]\s")
ADDRESS = re.compile(r"^(?:<?(?P<url>https?://[^\s<>]+)>?|(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+)$", re.I)
COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|copyright)\D{0,40}?(?:(?:19|20)\d\d\s*[-–]\s*)?(?P<y>(?:19|20)\d\d)", re.I)
RUN_SURE = setting("review", "run_sure")
"""Below this probability of the article's run of prose the body is marked for review (data/settings.json)."""
THIN = setting("review", "thin")
AFTER = setting("article", "after")
NO_SOURCE = "no source found: the copy shows no address and no copyright line; add source_url: (and source_name:)"


@dataclass(frozen=True)
class Rules:
    """What the parser knows beyond its built-in data: the site's zone and config.yaml's additions."""

    zone: str = "UTC"
    zones: dict[str, str] = field(default_factory=dict)
    noise: tuple[re.Pattern, ...] = ()
    sections: tuple[str, ...] = ()
    params: Params | None = None
    """The fitted models; None for the shipped ones (data/params.json)."""
    doubts: dict[str, Doubt] | None = None
    """The review marks' fitted models by field (review.py); None for the shipped ones (data/review.json)."""


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
    """The outlet: a saved page's site name, or the copyright line of copied text ('The Harbour Gazette')."""
    lang: str = ""
    """The language a saved page declares (its <html lang>, else og:locale), as it wrote it ('en-GB')."""
    doubts: dict[str, tuple[float, ...]] = field(default_factory=dict)
    """Each field's review features (review.DOUBT_FEATURES) as read, for fitting the review marks (training/fit.py)."""


TAIL_LINES = 8
"""How many of the article's last lines may hold what closes a story and reads as its prose: when it was first
published ('Originally published Jan 14, 2025.' over two writers' bios), an author box, a sign-off (hand-set)."""


class NotAnArticle(ValueError):
    """The scrape has no recognisable article in it."""


def parse_seed(text: str, rules: Rules = Rules(), file_time: datetime | None = None) -> Parsed:
    """Read one scrape into article fields; `file_time` (the seed's modification time) dates a page that
    shows no date. The passes run in the order the module's docstring lists them."""
    params = rules.params or default_params()
    lines, source_url = _addresses_out(read_lines(text))
    reading = read_article(lines, params, rules.noise)
    if reading is None:
        raise NotAnArticle("no paragraph of prose in it (empty, a menu or a list of links)")
    texts = [line.text for line in lines]
    run = reading.run
    year = _year_hint(texts, file_time)
    order = numeric_order("\n".join(texts))   # '8/27/2025' elsewhere on the page: its '8/1/2025' is in August
    outlet = source_name(texts, source_url)
    header = read_header(lines, reading, params, rules.zone, rules.zones, rules.sections, year, order, outlet)
    title = header.title
    body_lines = [texts[i] for i in range(header.body_start, run.end)   # a story list's header stays: read_body
                  if (not _is_noise(texts[i], rules) or bp.STORY_LIST_HEADER.match(texts[i])) and texts[i] != title]
    body = read_body(body_lines + _tail(texts, run.end), title, rules.zone, rules.zones)
    year = next((s.when.year for s in header.stamps if not s.yearless and not s.relative), year)
    late = [s for i in range(run.end, min(len(texts), run.end + AFTER)) if reading.words[i] <= 15
            for s in find_stamps(texts[i], rules.zone, rules.zones, year, order)]
    near = list(header.stamps) or body.stamps   # a date line in the body (a teaser's) never outranks the header's update
    signed = [s for i in range(max(run.start, run.end - TAIL_LINES), min(len(texts), run.end + AFTER))
              for part in [_published_part(texts[i])]
              if (reading.words[i] if part == texts[i] else len(part.split())) <= 20
              and (PUBLISHED_LABEL.search(part) or i <= run.end + 1 and _dated_signature(part))
              for s in find_stamps(part, rules.zone, rules.zones, year, order) if not s.updated][:1]
    near += signed if near and all(s.updated for s in near) else []   # 'Aktualisiert: …' above, 'Erstveröffentlichung: …' below
    closing = [s for i in range(max(run.start, run.end - 3), run.end) if opens_with_date(texts[i])
               for s in find_stamps(texts[i], rules.zone, rules.zones, year, order)][:1]   # '15th Dec 2025 • tags'
    late = signed + closing + late   # 'Dieser Eintrag wurde am 24. November 2025 veröffentlicht' before the events'
    # dates under it
    above = [] if near or late else [   # read only where nothing nearer dates the page
        s for i in range(region(reading, len(texts))[0], run.start) if reading.words[i] <= 15
        for s in find_stamps(texts[i], rules.zone, rules.zones, year, order) if not (s.relative or s.yearless)]
    above = above if len({day_of(s.when) for s in above}) == 1 else []   # one day shown above the story, however often
    published, updated, date_from = _dates(near, late, above,
                                           texts[max(0, header.title_line - 3):header.body_start], file_time)
    crumbs = list(header.crumbs)
    category, subsections = (crumbs[0], crumbs[1:]) if crumbs else (header.section or body.section, [])
    paragraphs = [text for kind, text in body.blocks if kind == "p"]
    bylined = list(header.authors)
    if impersonal(bylined):   # 'von ov-lindenau', 'Geschrieben von Stadtmarketing X' over 'Text: Miriam Kessler' in it
        bylined = ([a for a in body.authors if is_person(a.split())][:1]
                   or [a for a in signature(texts, run.end) if is_person(a.split())] or bylined)
    authors = _unique(bylined or body.authors) or list(signature(texts, run.end)) \
        or list(labelled_authors(texts[max(run.start, run.end - TAIL_LINES):])) \
        or list(author_box(texts[max(run.start, run.end - TAIL_LINES):])) \
        or list(signed_off(texts[max(run.start, run.end - TAIL_LINES):run.end + 2]))   # 'About the author' / 'Jane
    # Doe' under the story; 'Liebe Grüße, eure Petra'
    owner = site_owner(source_name(texts[run.end:]), bare=True) if not authors else ""   # a personal site's footer: '© 2025 Jane Doe'
    authors = authors or ([owner] if owner else [])
    tags = _unique([*subsections, *body.topics]) or tags_from_text(title, [header.dek, *paragraphs], exclude=authors)
    doubts = doubt_rows(header, texts[header.title_line], bool(authors), bool(header.stamps) and not date_from,
                        paragraphs)
    review = {**marks(doubts, rules.doubts or default_doubts(), date_from, bool(authors)), **_review(reading)}
    if owner:
        review["authors"] = f"the page names no author: credited {owner}, whom its copyright line names"
    if not source_url and not outlet:
        review["source"] = NO_SOURCE
    return Parsed(
        title=title,
        dek=header.dek,
        date=published or updated,
        updated=updated if published and updated and updated != published else None,
        category=category,
        authors=authors,
        tags=[t for t in tags if t.lower() != category.lower()],
        image_caption=header.caption or body.caption,
        image_credit=header.credit or body.credit,
        body=to_markdown(body.blocks),
        summary=header.dek or summarize([WIRE_DATELINE.sub("", p, count=1) for p in paragraphs[:1]]),
        fingerprint=" ".join(re.sub(r"\W+", " ", " ".join([title, *paragraphs]).lower()).split()),
        source_url=source_url,
        date_from=date_from,
        review=review,
        source_name=outlet,
        doubts=doubts,
    )


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


def _year_hint(texts: list[str], file_time: datetime | None) -> int | None:
    """The year for a date shown without one: the page's copyright year, else the file's."""
    years = [int(m["y"]) for text in texts if len(text) < 300 for m in [COPYRIGHT_YEAR.search(text)] if m]
    if years:
        return max(years)
    return file_time.year if file_time else None


FIRST_SENTENCE = re.compile(r"(?<=[a-zß-ÿ]{2})\.\s+(?=[A-ZÀ-ÖØ-Þ])")
"""Where a sentence ends and the next begins: a signature's bio after its names ('Story by Jane Doe. Doe is a
contributing editor …'; not after 'Dr.' or 'St.')."""
SIGNED = re.compile(r"(\s*[,/]\s*|\s+[|·–—]\s+)")
"""What parts a signing name from its outlet, place or role: 'Jane Doe, NDR', 'Jane Doe/TT', 'Jane Doe | Reporter'."""


def _published_part(text: str) -> str:
    """The part of a line of meta that says when the story was published ('Veröffentlicht am 3. März 2025' of 'Autor
    Jane Doe · Veröffentlicht am 3. März 2025 · Kategorien Bau · Schlagwörter …'); the line when it has no such part."""
    return next((part for part in LABELLED_PARTS.split(text) if PUBLISHED_LABEL.search(part)), text)


def _signed_by(text: str) -> tuple[str, ...]:
    """The people a line under the story signs it with: its first part, of 20 words or fewer (its first sentence),
    opening with 'By', its kin or an author's label; () for any other line."""
    text = LABELLED_PARTS.split(text)[0]   # 'Autor Jane Doe · Veröffentlicht am …', a theme's line of meta
    by = bool(BY.match(text))
    text = FIRST_SENTENCE.split(text, maxsplit=1)[0] if by and len(text.split()) <= 25 else text
    if len(text.split()) <= 20 and (by or LABEL_AT_START.match(text)):
        names = byline_names(text)   # after a label alone, people only ('Author' / 'CP', an avatar's initials)
        if names and all(name_like(n.split()) if by else is_person(n.split()) for n in names):
            return names
    return ()


def signature(texts: list[str], end: int) -> tuple[str, ...]:
    """The people a byline just under the story names, as a blog signs its posts ('Posted by Jane Doe on
    2025-12-18 in Travel', 'Geschrieben von Jane Doe', a theme's line of meta 'Autor Jane Doe · Veröffentlicht am …'):
    the story's last line or the first of the AFTER under it whose first part, of 20 words or fewer (its first
    sentence: 'Story by Jane Doe. Doe is a contributing editor …'), opens with 'By', its kin or an author's label and
    names people; or, as a broadcaster or a parish signs its stories, one
    of the story's last three lines or the one right under it when that is a person's name and their outlet, place or role ('Jane
    Doe, NDR', 'Birgit Lohmann, Gemeindereferentin'), or of those and the next a dateline naming a person ('9. Oktober 2025
    – Jane Doe'), or names with a note in brackets after them, as a paper signs ('Ann Lee et Bo Lind (Marseille,
    correspondant)'), or a person's name alone on the story's last line or the one under it; writers signing a line
    each under a label take every line ('Autor: Jane Doe, …' / 'Autor: John Roe'). () when none."""
    after = texts[max(0, end - 1):end + AFTER]   # the story's last line too: 'Story by Jane Doe. Doe is a …'
    for i, text in enumerate(after):
        if names := _signed_by(text):
            for more in after[i + 1:i + 4]:   # 'Autor: Jane Doe, Landesanstalt …' / 'Autor: John Roe': each a line
                if not LABEL_AT_START.match(more):
                    break
                names += _signed_by(more)
            return tuple(dict.fromkeys(names))
    for i, text in enumerate(texts[max(0, end - 3):end + 2], start=max(0, end - 3)):   # the story's last lines, or under it
        text = unbracketed(text)   # '(Jane Doe)'
        name, comma, where = (SIGNED.split(text, maxsplit=1) + ["", ""])[:3]
        if i <= end and comma and 1 <= len(where.split()) <= 4 and is_person(name.split()) and not any(map(str.isdigit, where)):
            return (name.strip(),)
        if signer := _dated_signature(text):
            return signer
        noted = BRACKETED_END.sub("", text)   # 'Ann Lee et Bo Lind (Marseille, correspondant)', as a paper signs
        if noted != text and (listed := name_list(noted) or ((noted,) if is_person(noted.split()) else ())):
            return listed
        if end - 1 <= i <= end and is_person(text.split()) and name_like(text.split()) and not text.isupper():
            return (text,)   # a name alone on the story's last line or right under it
    return ()


def _dated_signature(line: str) -> tuple[str, ...]:
    """The person a short dateline names beside its date, as a story is signed at its end ('9. Oktober 2025 – Jane
    Doe'); () when the line is no such dateline."""
    names = names_beside_date(line) if len(line.split()) <= 8 else ()
    return names if names and all(is_person(n.split()) for n in names) else ()


def _tail(texts: list[str], end: int) -> list[str]:
    """What belongs to the article just below it: credit lines ('Reporting by …') and a topic list
    ('Topics', 'Tags: …') with its items."""
    tail = []
    for i in range(end, min(len(texts), end + AFTER)):
        if bp.CREDIT_LINE.match(texts[i]):
            tail.append(texts[i])
        elif (topics := bp.topics_listed(texts[i])) is not None:
            j = i + 1
            while not topics and j < len(texts) and j < i + 12 and len(texts[j].split()) <= 5:
                j += 1
            return tail + texts[i:j]
    return tail


def _dates(near: list[Stamp], late: list[Stamp], above: list[Stamp], header_texts: list[str],
           file_time: datetime | None) -> tuple[datetime | date | None, datetime | date | None, str]:
    """(published, updated, where from): the header's datelines (an 'Updated' one dates the page when it is
    all the header shows), else those just below the article (`late`), else the one day the lines above the story
    show (`above`: where 'above' the header was not found), else '3 hours ago' against the file's time ('relative'),
    else the file's time itself ('file')."""
    for stamps, where in ((near or late, ""), (above, "above")):
        published = next((s.when for s in stamps if not s.updated), None)
        updated = next((s.when for s in stamps if s.updated), None)
        if published or updated:
            return published, updated, where
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


def _review(reading: Reading) -> dict[str, str]:
    """Whether an operator should check the body, with the reason (the header's fields: review.marks)."""
    review: dict[str, str] = {}
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
