"""Read the article's lines into Markdown: paragraphs, subheads, lists and credit lines; lift captions,
datelines, bylines and trailing topic lists out; drop teasers, story lists and repeats."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import boilerplate as bp
from .bylines import BY, READING_TIME, is_person, parse_byline
from .dates import Stamp, find_stamps, parse_dateline
from .header import CATEGORY_LABEL, TERMINAL, category_names, take_caption
from .text import escape_markdown

SIGN_OFF = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
BULLET = re.compile(r"^[•·▪◦●\-–*]\s+(?P<item>.+)$")


@dataclass
class Body:
    blocks: list[tuple[str, str]] = field(default_factory=list)
    """('p' | 'h' | 'li' | 'credit', text)."""
    topics: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    stamps: list[Stamp] = field(default_factory=list)
    caption: str = ""
    credit: str = ""
    section: str = ""
    """A 'Category: …' line's first name."""


TITLE_WORDS = 25
"""Under a list of other stories, a line ending in '?' or '!' of more words than this is the story's paragraph again,
not a listed story's title."""


def read_body(lines: list[str], title: str, zone: str, zones: dict[str, str]) -> Body:
    """Sort body lines into paragraphs, subheads, list items and credit lines; lift captions and topics out."""
    body = Body()
    mode = "text"
    captions: set[str] = set()
    i = 0
    while i < len(lines):
        line, nxt = lines[i], lines[i + 1] if i + 1 < len(lines) else ""
        i += 1
        if line == title or line in captions or line in lines[max(0, i - 4):i - 1]:
            continue                                      # the title again, a caption again, a line twice in a row
        if not body.blocks and READING_TIME.match(line):
            continue   # 'Lesezeit: 5 Min.' over the story
        category = CATEGORY_LABEL.match(line) if len(line) <= 120 else None
        if category:   # 'Kategorien: Gemüse, Balkon', 'Catégorie : Desserts' under the story or above it
            names = category_names(category)
            body.section = body.section or next(iter(names), "")
            body.topics += names[1:]
            continue
        if bp.HASHTAGS.match(line):
            body.topics += [tag.lstrip("#") for tag in re.split(r"[\s,]+", line) if tag.strip("#")]
            continue
        topics = bp.topics_listed(line)
        if topics is not None:
            mode = "topics"
            body.topics += topics
            continue
        if bp.STORY_LIST_HEADER.match(line):
            mode = "stories"
            continue
        if mode == "topics" and len(line.split()) <= 5 and not line.endswith(TERMINAL):
            body.topics.append(line)
            continue
        words = len(line.split())
        if mode == "stories" and not (words > 15 and line.endswith((".", "”", "\""))
                                      or words > TITLE_WORDS and line.endswith(TERMINAL)):
            continue   # a listed story's title; a paragraph ('… the brand?!') is the story's own again
        mode = "text"
        stamp = parse_dateline(line, zone, zones) or placed_dateline(line, zone, zones)
        if stamp:
            body.stamps.append(stamp)
            continue
        names = parse_byline(line, header=False)
        if names:
            body.authors += names
            body.stamps += find_stamps(line, zone, zones)[:1]   # '(Text und Foto: Jane Doe, 08.04.2025)'
            continue
        if "@" in line and len(line.split()) <= 8 and SIGN_OFF.search(line):
            continue                                      # 'Jane Doe jane@example.org': the writer's address
        if take_caption(line, nxt, body) if not body.caption else _is_caption(line, nxt):
            captions.add(line)
            if nxt == line or bp.LONE_CREDIT.match(nxt):
                i += 1
            continue
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
    return take_caption(line, nxt, Sink())


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


PLACE = re.compile(r"^(?P<place>[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.-]*){0,2})\s*(?:,|\s[-–—/|])\s*")
"""The place a dateline opens with, before a comma or a dash: 'MADRID, …', 'Bad Homburg – …'."""


def placed_dateline(line: str, zone: str, zones: dict[str, str]) -> Stamp | None:
    """The stamp of a dateline that opens with its place ('MADRID, June 18, 2025', 'Hamburg – 02.12.2026, 14:35
    Uhr': one to three words in capitals before a comma or a dash, then a whole dateline); None for anything
    else, and for a person's name before the date ('Jane Doe, June 3, 2025' is a byline)."""
    m = PLACE.match(line)
    if m is None or is_person(m["place"].split()) or BY.match(line):
        return None
    return parse_dateline(line[m.end():], zone, zones)

