"""Read the header above the article: the headline, the breadcrumbs above it, and the dek, bylines,
datelines and lead photo between it and the first paragraph.

The headline is read from the layout when the layout leaves no doubt: a title-like line about the story
standing right on the byline or dateline above the article (its dek and share buttons between them at most).
Otherwise it is the line a small logistic model (data/params.json) ranks first among the lines just above
the article and its first few lines: title-like in shape, sharing words with the story, often repeated on the
page, followed by a byline or a dateline, after a run of short menu lines.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from . import boilerplate as bp
from .article import Run
from .bylines import is_agency, is_role, parse_byline
from .dates import Stamp, find_stamps, has_date, is_relative, parse_dateline
from .lines import Line
from .score import SENTENCE_INSIDE, STOP, WIDE_SCRIPT, WORDS, Params, furniture_share, letter_words, linkish, title_like

ABOVE = 40
"""How many lines above the article the headline may stand."""
INSIDE = 3
"""How many of the article's first lines may be the headline (a long one reads like prose)."""
META_ABOVE = 20
"""How far above the article the byline or dateline under the headline may stand."""
WALK = 10
"""How far above its byline or dateline the headline may stand (deks, captions, share buttons between)."""

TITLE_FEATURES = (
    "above", "distance", "long_between", "log_words", "few_words", "many_words", "ends_period", "ends_question",
    "ends_colon", "capitalized", "all_caps", "repeated", "contained", "contains_other", "body_overlap",
    "overlap_share", "lead_overlap", "prose", "dated", "byline", "linkish", "next_dated", "next_byline",
    "next_longer", "after_shorter", "prev_short", "prev_dated", "separator", "position", "first",
    "furniture", "sentences", "next_name", "adjacent_repeat", "next1_dated", "next1_byline", "to_meta",
    "after_titlelike", "structural", "echoes", "digits", "caption_like", "titlelike_above", "titlelike_below",
    "after_repeated", "overlap_rank", "lead_rank", "titlelike_rank",
)
CAPTION_MARK = re.compile(r"\((?:left|right|center|centre|top|bottom|pictured|file|above|below)\)|\b(?:AP|AFP|Reuters|Getty)\s+(?:Photo|Images)\b"
                          r"|/\s*(?:AP|AFP|Reuters|Getty Images|EPA)(?:\s+file)?$", re.I)
NAME_LINE = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.-]+\s){1,3}[A-ZÀ-ÖØ-Þ][\w'’.-]+$")
ADDRESS_ONLY = re.compile(r"^(?:https?://\S+|www\.\S+|\S+@\S+\.\w+|@\w+)$", re.I)

SECTIONS = """World|Business|Markets|Economy|Technology|Tech|Science|Health|Sport|Sports|Politics|Opinion|Culture|
Arts|Entertainment|Lifestyle|Travel|Climate|Environment|Education|India|US|UK|Europe|Asia|Africa|Americas|
Middle East|Asia Pacific|Australia|China|Business News|Money|Finance|Companies|Cities|National|International|Local|
Metro|Nation|Global|Analysis|Features|Video|Weather|Media|Law|Crime|Food|Science & Environment|Tech News|Football|
Cricket|Energy|Transport|Autos|Personal Finance|Careers|Real Estate|Property|Books|Film|Music|Television|TV""".replace("\n", "").split("|")
CRUMB_SEPARATORS = re.compile(r"\s*(?:[>›»/|•·]|\\)\s*")
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
TERMINAL = tuple(".!?:;…\"”’)")
NOT_SECTIONS = frozenset(WORDS["not_sections"])
MENU_RUN = 4
"""A run of more short lines than this right above the headline is a menu, not breadcrumbs."""


# ---- the headline ----------------------------------------------------------------------------------------


def title_rows(lines: list[Line], words: list[int], prose: list[float], run: Run, params: Params
               ) -> tuple[list[int], list[tuple[float, ...]], int | None]:
    """The headline's candidate lines, a TITLE_FEATURES vector for each, and the headline the layout shows
    beyond doubt (see _structural_title), if any. Never a candidate: furniture, a line that is only a
    dateline, a 'By …' byline or an address."""
    n = len(lines)
    texts = [line.text for line in lines]
    candidates = [i for i in range(max(0, run.start - ABOVE), min(run.end, run.start + INSIDE))
                  if not bp.is_noise(texts[i]) and not parse_dateline(texts[i], "UTC")
                  and not parse_byline(texts[i], header=False) and not is_agency(texts[i])
                  and not ADDRESS_ONLY.match(texts[i]) and not is_crumb_trail(texts[i])]
    if not candidates:
        candidates = [max(0, run.start - 1)]
    page = "\n".join(texts)
    counts = Counter(texts)
    line_words = [_content_words(t) for t in texts]
    spread = Counter(w for ws in line_words for w in ws)
    idf = {w: math.log(n / c) + 0.1 for w, c in spread.items()}   # a word on many lines says little
    body_words = Counter(w for i in range(run.start, run.end) for w in line_words[i])
    lead_words = {w for i in range(run.start, min(run.end, run.start + 3)) for w in line_words[i]}
    dated = {i: _dated(texts[i], words[i]) for i in range(max(0, run.start - ABOVE - 1), min(n, run.start + INSIDE + 8))}
    bylined = {i: words[i] <= 20 and not bp.NAMED_CREDIT.match(texts[i])
               and (bool(parse_byline(texts[i], header=True)) or is_agency(texts[i])
                    or (run.start - 8 <= i < run.start and _bare_name(texts[i])))
               for i in dated}
    overlaps, leads = [], []
    for i in candidates:
        mine = line_words[i]
        inside = run.start <= i < run.end
        total = sum(idf[x] for x in mine) or 1.0
        overlaps.append(sum(idf[x] for x in mine if body_words[x] - inside > 0) / total)
        leads.append(sum(idf[x] for x in mine if x in lead_words) / total if not run.start <= i < run.start + 3 else 0.0)
    best_overlap = max(overlaps) or 1.0
    overlap_rank = _ranks(overlaps)
    lead_rank = _ranks(leads)
    above_title_like = [i for i in reversed(candidates) if i < run.start and title_like(texts[i], words[i])]
    title_like_rank = {i: k for k, i in enumerate(above_title_like, start=1)}
    structural, anchored = _structural_title(texts, words, run, dated, bylined,
                                             about=lambda j: not line_words[j].isdisjoint(body_words))
    rows = []
    for k, i in enumerate(candidates):
        text, w = texts[i], words[i]
        following = range(i + 1, min(n, i + 4))
        before = i - 1
        while before >= 0 and texts[before] == text:
            before -= 1
        rows.append((
            float(i < run.start),
            math.log1p(max(0, run.start - i)),
            math.log1p(sum(1 for j in range(i + 1, run.start) if words[j] >= 8)),
            math.log1p(w),
            float(w <= 2),
            float(w > 25),
            float(text.endswith(".") and not text.endswith("...")),
            float(text.endswith(("?", "!"))),
            float(text.endswith(":")),
            _capitalized(text),
            float(text.upper() == text and sum(c.isalpha() for c in text) >= 2),
            float(counts[text] > 1),
            float(len(text) >= 12 and page.count(text) > counts[text]),
            float(any(len(texts[j]) >= 12 and texts[j] != text and texts[j] in text for j in range(max(0, i - 3), min(n, i + 4)))),
            overlaps[k],
            overlaps[k] / best_overlap,
            leads[k],
            prose[i],
            float(dated.get(i, False)),
            float(bylined.get(i, False)),
            float(bool(linkish(text))),
            float(any(dated.get(j, False) for j in following)),
            float(any(bylined.get(j, False) for j in following)),
            float(i + 1 < n and words[i + 1] > w and words[i + 1] >= 8),
            float(before >= 0 and 4 <= words[before] < w and not texts[before].endswith(".")),
            float(before >= 0 and words[before] <= 3),
            float(before >= 0 and dated.get(before, False)),
            float(bool(re.search(r"\s[|–—-]\s", text))),
            i / max(1, n - 1),
            float(i == 0),
            furniture_share(text),
            float(bool(SENTENCE_INSIDE.search(text))),
            float(any(NAME_LINE.match(texts[j]) and not bp.is_noise(texts[j]) for j in following)),
            float(any(texts[j] == text for j in range(max(0, i - 2), min(n, i + 3)) if j != i)),
            float(dated.get(i + 1, False)),
            float(bylined.get(i + 1, False)),
            math.log1p(next((j - i for j in range(i + 1, min(n, i + 8)) if dated.get(j) or bylined.get(j)), 8)),
            float(before >= 0 and 4 <= words[before] <= 20 and not texts[before].endswith(".")
                  and not bp.is_noise(texts[before]) and not dated.get(before, False)),
            float(i == structural),
            math.log(page.count(text)) if w >= 4 else 0.0,
            sum(map(str.isdigit, text)) / max(1, len(text) - text.count(" ")),
            float(bool(CAPTION_MARK.search(text) or bp.split_credit(text))),
            math.log1p(_title_like_run(texts, words, before, -1)),
            math.log1p(_title_like_run(texts, words, i + 1, 1)),
            float(before >= 1 and texts[before - 1] == texts[before] and title_like(texts[before], words[before])),
            math.log(overlap_rank[k]),
            math.log(lead_rank[k]),
            math.log(title_like_rank.get(i, 10)),
        ))
    return candidates, rows, structural if anchored else None


def _ranks(values: list[float]) -> list[int]:
    """1 for the largest value, 2 for the next, …; ties share the better rank."""
    order = sorted(set(values), reverse=True)
    return [order.index(v) + 1 for v in values]


def _title_like_run(texts: list[str], words: list[int], j: int, step: int) -> int:
    """How many title-like lines follow one another from line j on, going up (step -1) or down (+1)."""
    count = 0
    while 0 <= j < len(texts) and count < 5 and title_like(texts[j], words[j]):
        count += 1
        j += step
    return count


def _structural_title(texts: list[str], words: list[int], run: Run, dated: dict[int, bool],
                      bylined: dict[int, bool], about: Callable[[int], bool]) -> tuple[int | None, bool]:
    """The headline as the page's layout places it, and whether the layout leaves no doubt (anchored).

    1. The byline or dateline under the headline: a 'By …' line among the article's first lines, else the
       nearest byline or dateline above the article.
    2. The headline: the first line above it shaped like one and about the story (sharing a word with it),
       past captions, breadcrumbs and furniture; of a headline and its dek in sentence case, the first, when
       the headline stands out (much shorter, in Title Case, printed twice, or not the last of a list of
       title-like lines).
    3. Anchored: only its dek, share buttons, handles and more bylines or datelines stand between it and
       the byline, and no lone line right above it could be the headline as well (the last of a list of
       teasers is fine)."""
    def meta_line(j: int) -> bool:
        return bool(dated.get(j) or bylined.get(j))

    def titled(j: int) -> bool:   # shaped like a headline or a teaser, not a kicker or a dateline
        return (j >= 0 and title_like(texts[j], words[j]) and words[j] >= 4 and not bylined.get(j)
                and not parse_dateline(texts[j], "UTC") and not is_relative(texts[j]))

    def headline_shaped(j: int) -> bool:
        return (title_like(texts[j], words[j]) and not meta_line(j) and not _caption(texts, j)
                and not is_crumb_trail(texts[j]) and about(j))

    def stands_out(title: int, dek: int) -> bool:
        return (headline_shaped(title) and words[title] >= 3 and not texts[title].isupper()
                and words[dek] >= 8 and _capitalized(texts[dek]) < 0.6
                and (words[title] * 1.5 <= words[dek] or _capitalized(texts[title]) >= 0.7
                     or _up(texts, title) < title - 1 or not titled(_up(texts, title))))

    lo = max(0, run.start - META_ABOVE)
    signed = [j for j in range(run.start, min(run.end, run.start + INSIDE)) if parse_byline(texts[j], header=False)]
    meta = signed[-1] if signed else next((j for j in range(run.start - 1, lo - 1, -1) if meta_line(j)), None)
    j = (run.start if meta is None else meta) - 1
    while j >= lo and meta_line(j):
        j -= 1
    top, highest = j, max(0, run.start - ABOVE, j - WALK)
    while j >= highest and not headline_shaped(j):
        j -= 1
    if j < highest:
        return None, False
    above = _up(texts, j)
    title = above if above >= 0 and stands_out(above, j) else j
    rival = _up(texts, title)
    clear = not (titled(rival) and about(rival)) or titled(_up(texts, rival))
    between = range(_down(texts, title, words), top + 1)
    return title, meta is not None and clear and all(
        meta_line(k) or bp.is_noise(texts[k]) or furniture_share(texts[k]) >= 0.3 or ADDRESS_ONLY.match(texts[k])
        for k in between)


def _caption(texts: list[str], j: int) -> bool:
    """A photo caption: marked as one ('(left)', 'Photo: …', '… / Reuters'), or over a credit line."""
    text, below = texts[j], texts[j + 1] if j + 1 < len(texts) else ""
    return bool(CAPTION_MARK.search(text) or bp.CAPTION_LABEL.match(text) or bp.CREDIT_LABEL.match(text)
                or bp.split_credit(text) or bp.LONE_CREDIT.match(below) or bp.NAMED_CREDIT.match(below))


def _up(texts: list[str], j: int) -> int:
    """The line above line j, past copies of it (perhaps glued to breadcrumbs: 'HomeWorldNorth Korea to …')."""
    above = j - 1
    while above >= 0 and texts[above].endswith(texts[j]):
        above -= 1
    return above


def _down(texts: list[str], title: int, words: list[int]) -> int:
    """The first line under the headline past its copies and its dek (a line of five words or more)."""
    j = title + 1
    while j < len(texts) and texts[j] == texts[title]:
        j += 1
    return j + 1 if j < len(texts) and words[j] >= 5 else j


def pick_title(lines: list[Line], words: list[int], prose: list[float], run: Run, params: Params
               ) -> tuple[int, float]:
    """(index of the headline, how sure: its share of the candidates' probability, or 1.0 when the layout
    shows it beyond doubt)."""
    candidates, rows, anchored = title_rows(lines, words, prose, run, params)
    if anchored in candidates:
        i, share = anchored, 1.0
    else:
        logits = [params.title.logit(row) for row in rows]
        best = max(range(len(candidates)), key=lambda k: (logits[k], -candidates[k]))
        top = logits[best]
        share = 1 / sum(math.exp(max(-50.0, x - top)) for x in logits)
        i = candidates[best]
    while i > 0 and lines[i - 1].text == lines[i].text:   # the headline repeated: its first copy
        i -= 1
    return i, share


@lru_cache(maxsize=16384)
def _content_words(text: str) -> frozenset[str]:
    """The line's words other than common ones; pairs of characters in Chinese and Japanese (no spaces)."""
    words = {w for w in map(str.lower, letter_words(text)) if (len(w) >= 3 or not w.isascii()) and w not in STOP}
    if WIDE_SCRIPT.search(text):
        wide = [w for w in words if WIDE_SCRIPT.search(w)]
        words.difference_update(wide)
        words.update(w[k:k + 2] for w in wide for k in range(len(w) - 1))
    return frozenset(words)


@lru_cache(maxsize=16384)
def _capitalized(text: str) -> float:
    letters = letter_words(text)
    upper = sum(1 for w in letters if w[0].isupper())
    cased = upper + sum(1 for w in letters if w[0].islower())
    return upper / cased if cased else 0.5


def _bare_name(text: str) -> bool:
    """'Anna Menin' on a line of its own: capitalised words, none of them a common word or furniture."""
    return (bool(NAME_LINE.match(text)) and not bp.is_noise(text) and furniture_share(text) == 0
            and not any(w.lower() in STOP for w in text.split()))


def _dated(text: str, words: int) -> bool:
    return words <= 20 and (has_date(text) or is_relative(text))


# ---- breadcrumbs -----------------------------------------------------------------------------------------


def crumbs_and_title(texts: list[str], t: int, words: list[int], extra_sections: tuple[str, ...]
                     ) -> tuple[list[str], str]:
    """(breadcrumbs, headline): crumbs glued to the headline line ('HomeWorldNorth Korea to…'), or on the
    one or two lines just above it ('Home > Business', 'WORLD NEWS'), never a menu's last item."""
    sections = _sections(extra_sections)
    line = texts[t]
    glued = _glued_crumbs(line, texts[t + 1:t + 6], sections)
    crumbs: list[str] = []
    title = line
    glued_above = next((texts[j][:-len(line)] for j in range(max(0, t - 2), t)
                        if len(line) > 15 and texts[j].endswith(line) and 0 < len(texts[j]) - len(line) <= 60), None)
    if glued:
        crumbs, title = glued
    elif glued_above:   # 'HomeWorldNorth Korea to …' above the headline's own line
        crumbs = _split_crumbs(glued_above, sections)
    else:
        above: list[str] = []
        j = t - 1
        while j >= 0 and len(above) < 2 and (bp.is_noise(texts[j]) or _is_crumb_line(texts[j], sections)):
            if not bp.is_noise(texts[j]):
                above.insert(0, texts[j])
            j -= 1
        menu = _short_run_above(words, t) > MENU_RUN
        for crumb_line in above:
            parts = _split_crumbs(crumb_line, sections) if CRUMB_SEPARATORS.search(crumb_line) else [crumb_line]
            if menu and not (len(parts) > 1 or _section_key(crumb_line) in sections):
                continue
            crumbs += parts
    kept = [_section_name(c, sections) for c in crumbs
            if _section_key(c) not in ("home", "news", "") and c.lower().strip(" :") not in NOT_SECTIONS]
    return [c for c in kept if not linkish(c) and furniture_share(c) < 0.3], title


def is_crumb_trail(line: str) -> bool:
    """'Home > Business > Markets', 'BLOG > Nutrition', 'ブログ >': parts of a few words between separators."""
    if not re.search(r"\s[>›»]\s|\s[>›»]$", line):
        return False
    parts = [p for p in re.split(r"\s*[>›»]\s*", line) if p.strip()]
    return all(len(p.split()) <= 4 for p in parts)


def _short_run_above(words: list[int], t: int) -> int:
    j = t - 1
    while j >= 0 and words[j] <= 3:
        j -= 1
    return t - 1 - j


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
    if linkish(line):
        return False
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


# ---- dek, bylines, datelines, lead photo -----------------------------------------------------------------


@dataclass
class Header:
    dek: str = ""
    authors: list[str] = field(default_factory=list)
    stamps: list[Stamp] = field(default_factory=list)
    caption: str = ""
    credit: str = ""
    section: str = ""
    """A 'Category: …' label among the header's lines."""


def split_header(lines: list[str], title: str, zone: str, zones: dict[str, str]) -> tuple[Header, int]:
    """Read dek, bylines, datelines and the lead photo that stand between the title and the first paragraph;
    return them and how many lines they took."""
    header = Header()
    dek_candidate: int | None = None
    i = 0
    while i < len(lines):
        line, nxt = lines[i], lines[i + 1] if i + 1 < len(lines) else ""
        stamp = parse_dateline(line, zone, zones)
        if stamp:
            header.stamps.append(stamp)
        elif is_role(nxt.split()) and (names := parse_byline(line, header=True, bare=True)):
            header.authors += names                      # 'Priya Nair' then 'Business reporter'
            i += 1
        elif _take_byline_with_date(line, header, zone, zones, bare=bool(parse_dateline(nxt, zone, zones))):
            pass
        elif not header.caption and take_caption(line, nxt, header):
            if nxt == line or bp.LONE_CREDIT.match(nxt):
                i += 1
        elif dek_candidate is None and not header.stamps and not header.authors and not header.caption and _dek_shape(line):
            dek_candidate = i
        else:
            break
        i += 1
    if dek_candidate is not None:
        anchored = i > dek_candidate + 1
        if anchored or not lines[dek_candidate].endswith(TERMINAL):
            header.dek = lines[dek_candidate]
        else:
            i = dek_candidate   # it was the first paragraph after all
    return header, i


def _dek_shape(line: str) -> bool:
    """A standfirst: a sentence or two, not a dateline, byline, address or list header."""
    return (5 <= len(line.split()) <= 60 and not bp.STORY_LIST_HEADER.match(line) and not bp.TOPIC_HEADER.match(line)
            and not (len(line.split()) <= 20 and (has_date(line) or parse_byline(line, header=True)))
            and not linkish(line) and not is_crumb_trail(line))


def _take_byline_with_date(line: str, header: Header, zone: str, zones: dict[str, str], bare: bool) -> bool:
    """'By Jane Doe', 'Jane Doe Political editor', 'By Jane Doe | June 18, 2025 10:00 IST'."""
    names = parse_byline(line, header=True, bare=bare)
    if not names:
        return False
    header.authors += names
    header.stamps += find_stamps(line, zone, zones)
    return True


def take_caption(line: str, nxt: str, into) -> bool:
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
