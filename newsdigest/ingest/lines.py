"""A seed's text -> its lines, cleaned, each with its line number and whether a blank line stood before it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..decode import clean
from .bylines import (AUTHOR_WORD, BADGES, BUTTONS, BY, BY_WORD, EMAIL, LABELLED_PARTS, OTHER_ROLE, TEXT_LABEL, WROTE,
                      is_byline_or_dateline, is_job_title, is_person, parse_byline)
from .dates import PUBLISHED_WORDS, TIME_OF_DAY, UPDATED_WORDS, has_date, is_relative, parse_dateline

INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
PUBLISHED_IN = re.compile(rf"^(?:{PUBLISHED_WORDS}|filed)\s+(?:in|under|unter|im|dans|en|em|op)\b", re.I)
"""Where a story was published ('Published in Technik & Alltag', 'Filed under Politics'): a publication or a
section, never a headline."""
LABEL_ALONE = re.compile(rf"^(?:(?P<when>(?:{UPDATED_WORDS}|{PUBLISHED_WORDS})(?:\s+(?:on|at|am|le|el|il|em))?|"
                         r"publish(?:ed)?\s+date|date)|"
                         rf"(?P<who>(?:(?:article\s+)?{WROTE}\s+)?{BY_WORD}|{AUTHOR_WORD}|{TEXT_LABEL}|{OTHER_ROLE}\s+by)|"
                         rf"(?P<where>{PUBLISHED_IN.pattern[1:]})|"
                         r"image\s+source|image\s+caption|photo|caption|source)\s*[:,]?$", re.I)
"""A label alone on its line, and what it labels: a date ('when'), a name ('who': the writer's, or an editor's or
reviewer's, which the joined line keeps apart as 'Edited by …'), where it was published ('where': 'Published in' /
a publication or a section, never a headline), a photo's caption or credit."""
BULLETS = "·•|–— "
"""What a list of meta puts before a label ('· Text:', '| Autor:'): not part of it."""
ABBREVIATED_END = re.compile(r"(?:^|[\s.,])\w{1,3}\.$")
"""A name line may end in a full stop when it ends an abbreviation: 'Jane Doe, Ph.D.', 'John Roe Jr.'."""


CLOCK = re.compile(rf"^{TIME_OF_DAY}")
DATE_PART_ALONE = re.compile(rf"^(?:{TIME_OF_DAY}(?:\s?[ap]\.?m\.?)?|(?:19|20)\d\d)$", re.I)
"""A time or a year alone: part of a date a page's widget split over lines ('November 20' / '15:23' / '2019')."""


@dataclass(frozen=True)
class Line:
    """One non-empty line of a seed."""

    text: str
    """Cleaned: odd spaces and control characters gone, trimmed."""
    number: int
    """1-based line number in the seed, for messages."""
    gap: bool
    """A blank line stands before it: copied pages separate paragraphs so, menus not."""


def read_lines(text: str) -> list[Line]:
    """Return the seed's non-empty lines, cleaned: BOM, CR/CRLF, odd spaces, control characters.

    A lone label line ('Published', 'Image caption,') is joined to the line after it, a time or a year alone to
    the short dated line before it, two short lines with a comma, an 'and' or a separator ('•', '|', '/', '–')
    alone between them into one, a line opening with 'and' and a name to the byline over it, and a paragraph
    hard-wrapped over lines into one (see wrapped).
    """
    text = unicodedata.normalize("NFC", text.translate(INVISIBLE)).replace("\r\n", "\n").replace("\r", "\n")
    out: list[Line] = []
    gap = True
    between, between_at = "", 0   # a separator alone on its line (and its number), waiting for the name under it
    raws = [SPACES.sub(" ", clean(raw)).strip() for raw in text.split("\n")]
    going_on = wrapped(raws)
    for number, raw in enumerate(raws, start=1):
        if number - 1 in going_on:
            out[-1] = Line(f"{out[-1].text} {raw}", out[-1].number, out[-1].gap)
            continue
        line = _without_widgets(GLUED_META.sub(" · ", raw) if GLUED_CASE.search(raw) else raw)
        if not line:
            gap = True
            continue
        if between and len(line.split()) <= NAME_WORDS and not line.endswith("."):
            out[-1] = Line(f"{out[-1].text}{between}{line}", out[-1].number, out[-1].gap)
        elif out and AND_NAME.match(line) and len(line.split()) <= NAME_WORDS and BY.match(out[-1].text):
            out[-1] = Line(f"{out[-1].text} {line}", out[-1].number, out[-1].gap)   # 'Von Ann Lee' / 'und Bo Lind'
        elif out and (_labels(out[-1].text, line) or (DATE_PART_ALONE.match(line) and not gap
                                                      and _completes_date(out[-1].text, line))):
            out[-1] = Line(f"{out[-1].text.lstrip(BULLETS)} {line}", out[-1].number, out[-1].gap)
        elif out and not between and SEPARATOR_ALONE.match(line) and len(_last_part(out[-1].text)) <= NAME_WORDS:
            between, between_at = (", " if line == "," else f" {line} "), number
            continue
        else:
            if between:
                out.append(Line(between.strip(), between_at, False))
            out.append(Line(line, number, gap))
        between = ""
        gap = False
    return out + [Line(between.strip(), between_at, False)] if between else out


META_SEPARATOR = r"[•·|/–—-]"
"""What parts a line of meta or a trail: 'Jane Doe • 12 May 2025', 'Home / Travel'."""
SEPARATOR_ALONE = re.compile(rf"^(?:,|&|and|und|et|y|e|og|och|en|{META_SEPARATOR})$", re.I)
"""A comma or an 'and' alone on its line, between two names a byline's widget printed one a line ('Ann Lee' / ',' /
'Bo Lind'), or a separator between the parts of a line of meta or a trail, one a line ('Jane Doe' / '•' / '12 May
2025', 'Home' / '/' / 'Travel'): the three lines are one."""
AND_NAME = re.compile(r"^(?:and|und|et|og|och|en|y|e|&)\s+[A-ZÀ-ÖØ-Þ]")
"""'and' and a name opening a line: the next writer, under a byline a widget printed a writer a line."""
NAME_WORDS = 6
"""At most so many words on each side of such a separator (of the part after the last one, in a line joined so)."""
PARTS = re.compile(rf"\s{META_SEPARATOR}\s")


def _last_part(text: str) -> list[str]:
    """The words of the line's last part: after its last separator ('Home / Travel Tips' -> ['Travel', 'Tips'])."""
    return PARTS.split(text)[-1].split()


COMMENT_COUNT = re.compile(r"\s+[-–—|·•]\s+(?:\d+|no|one|ein|une?|una?|um)\s+(?:comments?|responses?|replies|thoughts?|"
                           r"kommentare?|commentaires?|comentarios?|comentários?|commenti|reacties?|reakcj\w*)\b.*$", re.I)
"""The comment count a meta line ends with, a link to the comments: '… by Jane Doe - 5 Comments on “Title”'."""


FOLLOW_BUTTON = re.compile(rf"(?:(?<=[a-zß-ÿ])|\s*[+|·•]?\s+)(?:{BUTTONS})$|(?<=[a-zß-ÿ])(?:{BADGES})$")
"""A follow button beside the writer's name, or the account's badge glued to it: 'Reto Baumann+ Folgen', 'Anna Berg
Follow', 'Sandra MeierAdmin'."""


GLUED_CASE = re.compile(r"[a-zß-ÿ\d][A-ZÀ-ÖØ-Þ]|(?:19|20)\d\d\d{1,2}\.")
GLUED_META = re.compile(r"(?<=[a-zß-ÿ\d])(?=(?:Veröffentlicht|Aktualisiert|Kategorien|Kategorie|Schlagwörter|"
                        r"Schlagworte|Autor|Published|Posted|Updated|Categories|Category|Tags|Author|Publié|Publicado|"
                        r"Pubblicato)(?![a-zß-ÿ]))|(?<=\s(?:19|20)\d\d)(?=\d{1,2}\.\s)")
"""Where a theme's line of meta, its parts inline with no space between, glued a label to the part before it, or a
day to the year before it: 'Autor Jane DoeVeröffentlicht am 3. März 20255. März 2025Kategorien Bau' reads 'Autor
Jane Doe · Veröffentlicht am 3. März 2025 · 5. März 2025 · Kategorien Bau'."""
WRAP_WIDTH = (40, 110)
"""The widths (characters) a hard-wrapped text is written to: a mail quoted, a page set in <pre>, a text pasted from
a terminal (hand-set)."""
WRAP_FILL = 0.6
"""A wrapped line but a paragraph's last fills at least this share of its block's widest line (hand-set)."""
WRAP_FULL = 0.8
"""A line that fills this share of the width and ends no sentence goes on over a capital ('… opened again on' /
'Monday …'); a heading over the paragraph seldom fills it so (hand-set)."""
CLAUSE_END = re.compile(r"[.!?:;][\"'”’)]?$")
"""A wrapped line that ends a sentence or a clause: the next may open a new one. (Not score.SENTENCE_END, which the
line model's features use: the fitted numbers depend on it; it leaves out ';'.)"""


def wrapped(raws: list[str]) -> set[int]:
    """The indices of the lines that go on the paragraph of the line above them, as a text hard-wrapped at a fixed
    width breaks it: in a block of three or more lines between blank ones, whose widest is WRAP_WIDTH wide, where
    most lines fill the width and two in five or more open in lower case, a line under one filled to the width (not
    a byline or dateline: 'by Jane Doe' under a long headline stays apart) that opens in lower case, or under one
    filling WRAP_FULL of it and ending no sentence. A heading in the block stays a line of its own."""
    going_on: set[int] = set()
    start = 0
    for end in [*(i for i, raw in enumerate(raws) if not raw), len(raws)]:
        block = range(start, end)
        start = end + 1
        if len(block) < 3:
            continue
        width = max(len(raws[i]) for i in block)
        filled = [len(raws[i]) >= WRAP_FILL * width for i in block]
        lower = [raws[i][:1].islower() for i in block]
        if not (WRAP_WIDTH[0] <= width <= WRAP_WIDTH[1] and 2 * sum(filled) > len(block)
                and 5 * sum(lower[1:]) >= 2 * (len(block) - 1)):
            continue
        going_on.update(i for k, i in enumerate(block) if k and filled[k - 1] and not is_byline_or_dateline(raws[i])
                        and (lower[k] or len(raws[i - 1]) >= WRAP_FULL * width
                             and not CLAUSE_END.search(raws[i - 1])))
    return going_on


def _without_widgets(line: str) -> str:
    """A byline or dateline less the comment count after it ('Posted on May 2, 2025 by Jane Doe - 5 Comments on
    Title' -> 'Posted on May 2, 2025 by Jane Doe'); a byline or a person's name less the writer's e-mail address or
    handle after it ('Jordan Lee@JLEE'); a person's name less the follow button beside it; any other line as it is."""
    m = COMMENT_COUNT.search(line)
    if m and is_byline_or_dateline(line[:m.start()]):
        return line[:m.start()]
    if len(line) > 200:
        return line   # a byline is short: a long line is prose, or a wall of text
    m = EMAIL.search(line) if "@" in line else None
    if m and not line[m.end():].strip() and (parse_byline(line[:m.start()], header=True) or _person(line[:m.start()])):
        return line[:m.start()]
    m = FOLLOW_BUTTON.search(line)
    if m and _person(line[:m.start()]):
        return line[:m.start()]
    m = GLUED_JOB.search(line)
    return f"{line[:m.start()]}, {m.group()}" if m and is_job_title(m.group()) and _person(line[:m.start()]) else line


GLUED_JOB = re.compile(r"(?<=[a-zß-ÿ]{2})[A-ZÀ-ÖØ-Þ][\w-]*(?:\s+[\w&-]+){0,3}$")
"""A job title the writer's card glued to the name: 'Andrea ZbindenReporterin', 'Lukas MeierRedaktor News'."""


def _person(text: str) -> bool:
    """A person's name alone: four words at most, a given name or a title first."""
    return len(text.split()) <= 4 and is_person(text.split())


def _labels(label: str, line: str) -> bool:
    """A lone label line and the line under it that it labels: 'Updated' over a date, 'By' over a name,
    'Photo' over anything; not 'Updated' over the headline (a page marks a refreshed guide so)."""
    m = LABEL_ALONE.match(label.lstrip(BULLETS))   # '· Text:' over a name, the bullet a list of meta put before it
    if not m and LABELLED_PARTS.search(label):   # 'Lesezeit: 4 Min. · Von' over a name: a writer's or a date's label
        *before, last = LABELLED_PARTS.split(label)   # ends the line of meta (not 'Jane Doe | Reporterin': her role)
        m = LABEL_ALONE.match(last)
        m = m if m and (m["who"] or m["when"]) and not any(is_person(p.split()) for p in before) else None
    if not m:
        return False
    if m["when"]:
        return has_date(line) or is_relative(line) or bool(CLOCK.match(line))
    if m["who"]:   # names ('Writers' / 'Council votes on rates' is a menu over a headline), or a handle under 'By'
        handle = re.search(r"\bby\W*$", label, re.I) and re.fullmatch(r"[a-z][\w.-]*", line)
        named = handle or parse_byline(f"By {line}", header=False)   # a paper's authors may be many: 'Ann Lee1 ; …'
        return (len(line.split()) <= 8 or named and len(line.split()) <= 4 * len(named)) and (
            not line.endswith(".") or bool(ABBREVIATED_END.search(line))) and bool(named)
    if m["where"]:
        return len(line.split()) <= 6 and not line.endswith(".") and not has_date(line)
    return True


def _completes_date(before: str, part: str) -> bool:
    """'November 20' + '15:23', 'November 20 15:23' + '2019': the short line before is a date still missing
    its time or year."""
    return len(before) <= 30 and has_date(f"{before} {part}") and not parse_dateline(before, "UTC")


def normalize(text: str) -> list[str]:
    """The seed's cleaned lines, as text."""
    return [line.text for line in read_lines(text)]
