"""One scrape -> the fields of an article: a pipeline of small steps over lines.

normalize -> find the title (and breadcrumbs) -> read the header (dek, byline, dateline, photo)
-> read the body (paragraphs, subheads, lists; drop noise; lift captions and trailing topic lists) -> assemble.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date, datetime

from . import boilerplate as bp
from .bylines import is_role as _is_role, parse_byline
from .dates import Stamp, is_relative, parse_dateline
from .entities import tags_from_text
from .text import escape_markdown, normalize, summarize

SECTIONS = """World|Business|Markets|Economy|Technology|Tech|Science|Health|Sport|Sports|Politics|Opinion|Culture|
Arts|Entertainment|Lifestyle|Travel|Climate|Environment|Education|India|US|UK|Europe|Asia|Africa|Americas|
Middle East|Asia Pacific|Australia|China|Business News|Money|Finance|Companies|Cities|National|International|Local|
Metro|Nation|Global|Analysis|Features|Video|Weather|Media|Law|Crime|Food|Science & Environment|Tech News|Football|
Cricket|Energy|Transport|Autos|Personal Finance|Careers|Real Estate|Property|Books|Film|Music|Television|TV""".replace("\n", "").split("|")
CRUMB_SEPARATORS = re.compile(r"\s*(?:[>›»/|•·]|\\)\s*")
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
TERMINAL = tuple(".!?:;…\"”’)")
WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+(?:,\s[\w .]+?)?(?:\s\((?:AP|Reuters|AFP|PTI|ANI|IANS|dpa|UPI)\))?\s[—–-]\s")
BULLET = re.compile(r"^[•·▪◦●\-–*]\s+(?P<item>.+)$")


@dataclass(frozen=True)
class Rules:
    """What the parser knows beyond its built-in data: the site's zone and config.yaml's additions."""

    zone: str = "UTC"
    zones: dict[str, str] = field(default_factory=dict)
    noise: tuple[re.Pattern, ...] = ()
    sections: tuple[str, ...] = ()


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


class NotAnArticle(ValueError):
    """The scrape has no recognisable article in it."""


def parse_seed(text: str, rules: Rules = Rules()) -> Parsed:
    """Read one scrape into article fields."""
    lines = [line for line in normalize(text) if not _is_noise(line, rules)]
    crumbs, title, rest = find_title(lines, rules)
    header, body_lines = split_header(rest, title, rules)
    body = read_body(body_lines, title, rules)
    image_caption, image_credit = header.caption or body.caption, header.credit or body.credit
    category, subsections = (crumbs[0], crumbs[1:]) if crumbs else ("", [])
    paragraphs = [text for kind, text in body.blocks if kind == "p"]
    authors = _unique(header.authors + body.authors)
    tags = _unique([*subsections, *body.topics]) or tags_from_text(title, [header.dek, *paragraphs], exclude=authors)
    stamps = header.stamps + body.stamps
    published = next((s.when for s in stamps if not s.updated), None)
    updated = next((s.when for s in stamps if s.updated), None)
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
    )


def _is_noise(line: str, rules: Rules) -> bool:
    return bp.is_noise(line, rules.noise) or is_relative(line)


# ---- title and breadcrumbs -------------------------------------------------------------------------------


def find_title(lines: list[str], rules: Rules) -> tuple[list[str], str, list[str]]:
    """Return (breadcrumbs, title, the lines after the title), dropping repeats of the title."""
    sections = _sections(rules.sections)
    crumbs: list[str] = []
    before: list[str] = []   # a dateline or byline above the title belongs to the header
    for i, line in enumerate(lines[:8]):
        if parse_dateline(line, rules.zone, rules.zones) or parse_byline(line, header=False):
            before.append(line)
            continue
        glued = _glued_crumbs(line, lines[i + 1:i + 6], sections)
        if glued:
            crumbs += glued[0]
            title = glued[1]
        elif _is_crumb_line(line, sections):
            crumbs += _split_crumbs(line, sections)
            continue
        else:
            title = line
        rest = before + [x for x in lines[i + 1:] if x != title and not x.endswith(title)]
        return [_section_name(c, sections) for c in crumbs if _section_key(c) not in ("home", "news", "")], title, rest
    raise NotAnArticle("no recognizable title in the first lines")


@lru_cache(maxsize=8)
def _sections(extra: tuple[str, ...]) -> dict[str, str]:
    """Known section names by their key; config.yaml's first."""
    sections: dict[str, str] = {}
    for name in (*extra, *SECTIONS):
        sections.setdefault(_section_key(name), name)
    return sections


def _glued_crumbs(line: str, after: list[str], sections: dict[str, str]) -> tuple[list[str], str] | None:
    """'HomeWorldNorth Korea to …' -> (['Home', 'World'], 'North Korea to …')."""
    for later in after:   # the title repeated on its own line tells where the crumbs end
        if len(later) > 15 and line.endswith(later) and line != later:
            prefix = line[: -len(later)]
            if len(prefix) <= 60:
                return _split_crumbs(prefix, sections), later
    m = re.match(r"^Home(?=[A-Z])", line)
    if not m:
        return None
    rest, crumbs = line[m.end():], ["Home"]
    while True:   # known section names, longest first
        name = next((s for s in sorted(sections.values(), key=len, reverse=True)
                     if rest.startswith(s) and rest[len(s):len(s) + 1].isupper()), None)
        if not name:
            break
        crumbs.append(name)
        rest = rest[len(name):]
    first_word = rest.split(" ", 1)[0]
    glue = CAMEL.search(first_word)
    if glue:   # an unknown last crumb glued to the title: 'GadgetsPhone makers…'
        crumbs.append(first_word[:glue.start()])
        rest = rest[glue.start():]
    return (crumbs, rest) if len(crumbs) > 1 else None


def _split_crumbs(text: str, sections: dict[str, str]) -> list[str]:
    parts = CRUMB_SEPARATORS.split(text.strip())
    if len(parts) == 1:
        parts = [p for p in CAMEL.split(text.strip())]
    return [p.strip() for p in parts if p.strip()]


def _is_crumb_line(line: str, sections: dict[str, str]) -> bool:
    """'World', 'WORLD NEWS', 'Home > Business > Markets', 'News | India'."""
    parts = _split_crumbs(line, sections) if CRUMB_SEPARATORS.search(line) else [line]
    if len(parts) > 1 and all(len(p.split()) <= 3 for p in parts):
        return True
    words = line.split()
    return _section_key(line) in sections or (line.isupper() and len(words) <= 3 and not line.endswith(TERMINAL))


def _section_key(name: str) -> str:
    key = re.sub(r"\s+", " ", name.lower().replace("&", "and")).strip()
    return re.sub(r"\s+news$", "", key) if key != "news" else key


def _section_name(crumb: str, sections: dict[str, str]) -> str:
    known = sections.get(_section_key(crumb))
    if known:
        return known
    crumb = re.sub(r"\s+news$", "", crumb, flags=re.I) or crumb
    return crumb.title() if crumb.isupper() and len(crumb) > 3 else crumb


# ---- header ----------------------------------------------------------------------------------------------


@dataclass
class Header:
    dek: str = ""
    authors: list[str] = field(default_factory=list)
    stamps: list[Stamp] = field(default_factory=list)
    caption: str = ""
    credit: str = ""


def split_header(lines: list[str], title: str, rules: Rules) -> tuple[Header, list[str]]:
    """Read dek, bylines, datelines and the lead photo that stand between the title and the first paragraph."""
    header = Header()
    dek_candidate: str | None = None
    i = 0
    while i < len(lines):
        line, nxt = lines[i], lines[i + 1] if i + 1 < len(lines) else ""
        stamp = parse_dateline(line, rules.zone, rules.zones)
        if stamp:
            header.stamps.append(stamp)
        elif _is_role(nxt.split()) and (names := parse_byline(line, header=True, bare=True)):
            header.authors += names                      # 'Priya Nair' then 'Business reporter'
            i += 1
        elif _take_byline_with_date(line, header, rules, bare=bool(parse_dateline(nxt, rules.zone, rules.zones))):
            pass
        elif not header.caption and _take_caption(line, nxt, header):
            if nxt == line or bp.LONE_CREDIT.match(nxt):
                i += 1
        elif dek_candidate is None and not header.stamps and not header.authors and not header.caption and _dek_shape(line):
            dek_candidate = line
        else:
            break
        i += 1
    if dek_candidate is not None:
        anchored = i > lines.index(dek_candidate) + 1
        if anchored or not dek_candidate.endswith(TERMINAL):
            header.dek = dek_candidate
        else:
            i = lines.index(dek_candidate)   # it was the first paragraph after all
    return header, lines[i:]


def _dek_shape(line: str) -> bool:
    return 5 <= len(line.split()) <= 60 and not bp.STORY_LIST_HEADER.match(line) and not bp.TOPIC_HEADER.match(line)


def _take_byline_with_date(line: str, header: Header, rules: Rules, bare: bool) -> bool:
    """'By Jane Doe', 'Jane Doe Political editor', 'By Jane Doe | June 18, 2025 10:00 IST'."""
    names = parse_byline(line, header=True, bare=bare)
    if not names:
        return False
    header.authors += names
    for part in re.split(r"\s+[|·•–—]\s+|,\s+(?=(?:updated|published|posted)\b)", line, flags=re.I)[1:]:
        stamp = parse_dateline(part, rules.zone, rules.zones)
        if stamp:
            header.stamps.append(stamp)
    return True


def _take_caption(line: str, nxt: str, into) -> bool:
    """Take a photo caption (and its credit) into `into.caption`/`into.credit`; True when the line was one."""
    label = bp.CAPTION_LABEL.match(line)
    credit_label = bp.CREDIT_LABEL.match(line)
    if credit_label and not label:
        into.credit = into.credit or credit_label["credit"]
        return True
    text = label["text"] if label else line
    split = bp.split_credit(text)
    if split:
        caption, credit = split
    elif label or (nxt == line and len(line.split()) >= 4):
        caption, credit = text, ""
    else:
        return False
    if not credit and nxt != line and bp.LONE_CREDIT.match(nxt):
        credit = nxt
    into.caption = into.caption or caption
    into.credit = into.credit or credit
    return True


# ---- body ------------------------------------------------------------------------------------------------


@dataclass
class Body:
    blocks: list[tuple[str, str]] = field(default_factory=list)
    """('p' | 'h' | 'li' | 'credit', text)."""
    topics: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    stamps: list[Stamp] = field(default_factory=list)
    caption: str = ""
    credit: str = ""


def read_body(lines: list[str], title: str, rules: Rules) -> Body:
    """Sort body lines into paragraphs, subheads, list items and credit lines; lift captions and topics out."""
    body = Body()
    mode = "text"
    seen: set[str] = set()
    i = 0
    while i < len(lines):
        line, nxt = lines[i], lines[i + 1] if i + 1 < len(lines) else ""
        i += 1
        if line in seen or line == title:
            continue                                      # repeated captions, pull quotes, the title again
        topic = bp.TOPIC_HEADER.match(line)
        if topic:
            mode = "topics"
            body.topics += [t.strip() for t in re.split(r"\s*[,;|•·]\s*", topic["inline"]) if t.strip()]
            continue
        if bp.STORY_LIST_HEADER.match(line):
            mode = "stories"
            continue
        if mode == "topics" and len(line.split()) <= 5 and not line.endswith(TERMINAL):
            body.topics.append(line)
            continue
        if mode == "stories" and not (line.endswith((".", "”", "\"")) and len(line.split()) > 15):
            continue
        mode = "text"
        stamp = parse_dateline(line, rules.zone, rules.zones)
        if stamp:
            body.stamps.append(stamp)
            continue
        names = parse_byline(line, header=False)
        if names:
            body.authors += names
            continue
        if _take_caption(line, nxt, body) if not body.caption else _is_caption(line, nxt):
            seen.add(line)
            if nxt == line or bp.LONE_CREDIT.match(nxt):
                i += 1
            continue
        seen.add(line)
        if bp.CREDIT_LINE.match(line):
            body.blocks.append(("credit", line))
        elif m := BULLET.match(line):
            body.blocks.append(("li", m["item"]))
        else:
            body.blocks.append(("p", line))
    body.blocks = mark_subheads(body.blocks)
    return body


def _is_caption(line: str, nxt: str) -> bool:
    """A later photo's caption: dropped, since the digest shows one image per article."""
    class Sink:
        caption = credit = ""
    return _take_caption(line, nxt, Sink())


def mark_subheads(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A short line without final punctuation between two paragraphs is a subhead."""
    out = list(blocks)
    for i in range(1, len(out) - 1):
        kind, text = out[i]
        words = text.split()
        if (kind == "p" and out[i - 1][0] in ("p", "li", "h") and out[i + 1][0] in ("p", "li")
                and 1 <= len(words) <= 12 and len(text) <= 90 and text[:1].isupper()
                and (not text.endswith(TERMINAL) or (text.endswith("?") and len(words) <= 8 and '"' not in text
                                                     and "“" not in text))):
            out[i] = ("h", text)
    return out


def to_markdown(blocks: list[tuple[str, str]]) -> str:
    """Blocks -> Markdown, every text escaped so it shows as typed."""
    parts: list[str] = []
    for kind, text in blocks:
        text = escape_markdown(text)
        if kind == "h":
            parts.append(f"## {text}")
        elif kind == "li" and parts and parts[-1].startswith("- "):
            parts[-1] += f"\n- {text}"
        elif kind == "li":
            parts.append(f"- {text}")
        elif kind == "credit":
            parts.append(f"*{text}*")
        else:
            parts.append(text)
    return "\n\n".join(parts) + "\n" if parts else ""


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item and item.lower() not in seen:
            seen.add(item.lower())
            out.append(item)
    return out
