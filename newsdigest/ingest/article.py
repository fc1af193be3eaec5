"""Find the article: the run of lines with the most prose in it.

Each line counts (p - threshold) x (words + 1): prose adds, furniture subtracts, a short subhead or caption
inside the story costs little. The article is the run with the largest sum (Kadane's algorithm), so a menu
above and related stories below are left out while what sits between paragraphs stays in.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from . import boilerplate as bp
from .bylines import is_byline_or_dateline
from .lines import Line
from .score import SENTENCE_END, Params, setting, furniture_share, line_features, linkish, line_logits, sigmoid, title_like, word_count
from .smooth import smoothed


GROW = 0.2
"""A line just outside the run joins it when its own score is above the threshold and its smoothed score
is at most this much below."""
LIST_ITEMS = 100
LIST_ITEM_WORDS = 25
"""A list announced by a line ending in ':' runs on over at most this many lines of at most this many words."""
TABLE_ROWS = 4
TABLE_SHARE = 0.6
TABLE_CELLS = 5
"""A table by the article: this many rows at least, this share of them of one shape, of this many parts at
least with a number among them (an archive's 'June (12)', 'a(0)', is no table)."""
REPEATED = 0.1
"""The prose probability of a long line that the page prints twice."""
PRINTED_TWICE = 0.5
"""A page whose long lines (four at least) repeat, more than this share of them, printed its text twice (the
layouts for two screen sizes both in the copy): the first copy is read as the page, the second as a line printed
twice. Hand-set."""
CONSENT_LOGIT = math.log(REPEATED / (1 - REPEATED))
"""A cookie banner's text (boilerplate.CONSENT) is prose to the line model, but no more likely the story's than a
line printed twice: its logit, before the neighbours' company is weighed."""
BOX_LINES = setting("article", "box_lines")
"""A list of other stories with two paragraphs in a row among this many lines under its header is a box inside the
story (data/settings.json)."""
LONG_LAST = setting("article", "long_last")
"""The page's last line, a sentence of this many words at least right under the article, is its last paragraph
(data/settings.json: a clean copy ends with its story, and the line model, fitted on pages that end in footers,
doubts it)."""
EDGE_WORDS = 3
"""The article does not end on a line of this many words at most that is not prose by itself ('Share this
guide'): its neighbours' company lifted it over the threshold, nothing after it did."""
TEASER_LINES = 4
"""Other stories' teasers at the run's start each take this many lines at most: date, title, paragraph, link
(hand-set)."""
LONGEST = 150
"""A line counts for at most this many words: one pasted block of 400 words must not outweigh a whole story."""
LONG = 15
"""A line of this many words is judged on its own; shorter lines by the company they keep (jusText's rule)."""
PROSE_BEFORE_COMMENTS = 30
"""A comments header counts only after this many words of prose: '0 Comments' beside a byline is no thread."""
CANDIDATES = 5
"""How many disjoint runs of prose compete to be the article."""
RUN_FEATURES = (
    "log_score", "score_share", "first", "start", "meta_above", "title_above", "long_prose", "furniture",
    "log_lines", "repeated", "linkish",
)


@dataclass(frozen=True)
class Run:
    """The article's lines: [start, end) of the seed's lines."""

    start: int
    end: int
    score: float
    """The run's sum: how much prose it holds beyond the threshold."""
    runner_up: float
    """The best sum of a run that does not overlap this one: close to `score` means a close call."""


def candidate_runs(probabilities: list[float], words: list[int], threshold: float,
                   comments_at: int | None = None) -> list[Run]:
    """Up to CANDIDATES disjoint runs, best first: the best run, then the best in what is left, and so on.
    Prose after `comments_at` (where readers' comments begin) counts for nothing."""
    gains = [(p - threshold) * (min(w, LONGEST) + 1) for p, w in zip(probabilities, words)]
    if comments_at is not None:
        gains[comments_at:] = [min(g, 0.0) for g in gains[comments_at:]]
    found: list[tuple[int, int, float]] = []
    spans = [(0, len(gains))]
    while len(found) < CANDIDATES:
        best = max((r for lo, hi in spans if (r := _kadane(gains, lo, hi))), key=lambda r: r[2], default=None)
        if best is None:
            break
        found.append(best)
        spans = [part for lo, hi in spans
                 for part in (((lo, best[0]), (best[1], hi)) if lo <= best[0] < hi else ((lo, hi),)) if part[0] < part[1]]
    return [Run(a, b, score, max((r[2] for r in found if r != (a, b, score)), default=0.0)) for a, b, score in found]


def _kadane(gains: list[float], lo: int, hi: int) -> tuple[int, int, float] | None:
    """(start, end, sum) of the best run within gains[lo:hi], or None when every gain is negative."""
    best: tuple[int, int, float] | None = None
    total, start = 0.0, lo
    for i in range(lo, hi):
        if total <= 0:
            total, start = 0.0, i
        total += gains[i]
        if total > 0 and (best is None or total > best[2]):
            best = (start, i + 1, total)
    return best


@dataclass(frozen=True)
class Reading:
    """What the scorer saw in a seed: words and prose probability per line, and the article's run."""

    words: list[int]
    prose: list[float]
    run: Run
    own: list[float]
    """Each line's probability of prose by itself, before its neighbours' company is counted."""
    sure: float = 1.0
    """The chosen run's share of the probability among the competing runs."""
    thin: float = 0.0
    """The share of the run's words on lines that read as furniture: a stretch of something else inside."""


def read_article(lines: list[Line], params: Params, noise: tuple[re.Pattern, ...] = (),
                 rows: list[tuple[float, ...]] | None = None) -> Reading | None:
    """Score the lines, smooth the short ones' scores, let the runs of prose compete; None when not one line
    is a sentence (a menu, a list of links). `rows` are the lines' features when the caller has them already."""
    words, own, prose, runs = candidates(lines, params, noise, rows)
    if not runs:   # a seed of a headline and a sentence or two: the sentences are the article
        sentences = [i for i, line in enumerate(lines) if words[i] >= 2 and SENTENCE_END.search(line.text)
                     and not bp.is_noise(line.text) and not is_byline_or_dateline(line.text)]
        if not sentences:
            return None
        runs = [Run(sentences[0], sentences[-1] + 1, 0.0, 0.0)]
    _, features = run_rows(lines, words, own, runs)
    logits = [params.run.logit(row) for row in features]
    best = max(range(len(runs)), key=lambda k: (logits[k], -k))
    sure = 1 / sum(math.exp(max(-50.0, x - logits[best])) for x in logits)
    run = _grown(runs[best], lines, words, own, prose, params.threshold)
    inside = range(run.start, run.end)
    thin = sum(words[i] for i in inside if prose[i] < params.threshold) / (sum(words[i] for i in inside) or 1)
    return Reading(words, prose, run, own, sure, thin)


def candidates(lines: list[Line], params: Params, noise: tuple[re.Pattern, ...] = (),
               rows: list[tuple[float, ...]] | None = None) -> tuple[list[int], list[float], list[float], list[Run]]:
    """(words, own probability, probability in context, the competing runs) for the lines."""
    words = [word_count(line.text) for line in lines]
    logits = line_logits(rows if rows is not None else line_features(lines, noise), params)
    logits = [min(x, CONSENT_LOGIT) if words[i] >= LONG and bp.CONSENT.match(lines[i].text) else x   # a cookie banner is
              for i, x in enumerate(logits)]                                                     # no story, nor its company
    own = [sigmoid(x) for x in logits]
    context = smoothed(lines, logits, words, params)
    prose = [o if w >= LONG else c for o, c, w in zip(own, context, words)]
    for i in _announced_items(lines, words, own, params.threshold):
        prose[i] = max(prose[i], params.threshold)   # a list the story announces costs the story nothing
    counts = Counter(line.text for line in lines)
    # A long text printed twice is a ticker or a banner: a story says it once. A page that prints most of its long
    # lines twice holds its story twice: its first copy is the story.
    long_lines = [line.text for i, line in enumerate(lines) if words[i] >= LONG]
    twice = len(long_lines) >= 4 and sum(counts[t] > 1 for t in long_lines) > PRINTED_TWICE * len(long_lines)
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if words[i] >= LONG and counts[line.text] > 1:
            if not twice or line.text in seen:
                own[i] = prose[i] = min(prose[i], REPEATED)
            seen.add(line.text)
    return words, own, prose, candidate_runs(prose, words, params.threshold,
                                              _comments_start(lines, own, words, params.threshold))


def run_rows(lines: list[Line], words: list[int], own: list[float], runs: list[Run]
             ) -> tuple[list[Run], list[tuple[float, ...]]]:
    """A RUN_FEATURES vector for each competing run: how much prose, where, and whether a headline, byline or
    dateline stands above it as above an article."""
    texts = [line.text for line in lines]
    counts = Counter(texts)
    top = max(r.score for r in runs) or 1.0
    rows = []
    for k, run in enumerate(runs):
        above = range(max(0, run.start - 10), run.start)
        head = range(max(0, run.start - 10), min(run.end, run.start + 2))
        inside = range(run.start, run.end)
        total = sum(words[i] for i in inside) or 1
        long_lines = [own[i] for i in inside if words[i] >= LONG]
        rows.append((
            math.log1p(run.score),
            run.score / top,
            float(k == 0),
            run.start / max(1, len(lines) - 1),
            float(any(is_byline_or_dateline(texts[i]) for i in head)),
            float(any(title_like(texts[i], words[i]) for i in above)),
            sum(long_lines) / len(long_lines) if long_lines else 0.0,
            sum(furniture_share(texts[i]) * words[i] for i in inside) / total,
            math.log1p(run.end - run.start),
            sum(words[i] for i in inside if counts[texts[i]] > 1) / total,
            sum(words[i] for i in inside if linkish(texts[i])) / total,
        ))
    return runs, rows


def _grown(run: Run, lines: list[Line], words: list[int], own: list[float], prose: list[float], threshold: float
           ) -> Run:
    """Take in the prose lines just outside the run that their neighbours' company pulled below the
    threshold (the first paragraph under a dateline, the last above a share bar), and the list that the
    run's last line announces ('The tour dates:')."""
    start, end = run.start, run.end
    while end - 1 > start and own[end - 1] <= threshold and words[end - 1] <= EDGE_WORDS:
        end -= 1   # a short line that only its neighbours' company lifted: a share bar's label under the story
    while True:
        while start > 0 and own[start - 1] > threshold and prose[start - 1] > threshold - GROW:
            start -= 1
        above = start
        while above > 0 and bp.is_caption_or_credit(lines[above - 1].text):
            above -= 1   # a photo's caption and credit inside the story: the lead above them is the story's too
        if above == start or above == 0 or not (own[above - 1] > threshold and prose[above - 1] > threshold - GROW):
            break
        start = above - 1
    while True:
        while end < len(own) and own[end] > threshold and prose[end] > threshold - GROW:
            end += 1
        announce = next((k for k in range(end - 1, max(start, end - 3) - 1, -1)
                         if lines[k].text.endswith((":", "：")) and words[k] >= 4), None)
        if announce is None:
            break
        item = announce + 1
        while item < len(lines) and item - announce <= LIST_ITEMS and _list_item(lines[item].text, words[item]):
            item += 1
        if item <= end:
            break
        end = item
    last = end
    while last < len(lines) - 1 and bp.is_noise(lines[last].text):
        last += 1   # past an 'Advertisement' line
    if last == len(lines) - 1 and words[last] >= LONG_LAST and SENTENCE_END.search(lines[last].text) \
            and not bp.is_noise(lines[last].text):
        end = last + 1   # a clean copy's last sentence: nothing after it for it to be the furniture of
    end += _table_after(lines, words, end)
    start -= _table_before(lines, words, start)
    start = _past_story_list(lines, words, start, end)
    start = _past_teasers(lines, words, prose, threshold, start, end)
    prose_words = 0
    for i in range(start, end):   # the tags, a paywall's offer and the lists of other stories come after the story:
        # it ends at a 'Tags', 'Jetzt weiterlesen mit …' or 'Related stories' line, unless more of the story's prose
        # follows it than came before (a paper's 'Keywords:' under its abstract), or the list is a box that the story
        # goes on under (_resumes)
        text = lines[i].text
        listing = bp.STORY_LIST_HEADER.match(text) and not (bp.READ_ALSO.match(text)
                                                            or _resumes(i, end, words, prose, threshold))
        ends = bp.topics_listed(text) is not None or bp.PAYWALL.match(text) or listing
        if prose_words >= PROSE_BEFORE_COMMENTS and ends \
                and sum(words[k] for k in range(i + 1, end) if prose[k] > threshold) <= prose_words:
            end = i
            break
        if prose[i] > threshold:
            prose_words += words[i]
    return Run(start, end, run.score, run.runner_up)


def _past_story_list(lines: list[Line], words: list[int], start: int, end: int) -> int:
    """Where the story begins when its run begins with a numbered list of other stories ('Trending Now' / '1. March
    Madness bracket' / …, over the headline): under the list's header and its numbered items; `start` when no such
    header stands at the run's first two lines or right above them."""
    header = next((k for k in range(max(0, start - 1), min(end, start + 2)) if bp.STORY_LIST_HEADER.match(lines[k].text)
                   and not bp.READ_ALSO.match(lines[k].text)), None)
    if header is None:
        return start
    item = header + 1
    while item < end - 1 and item - header <= BOX_LINES and bp.LIST_NUMBER.match(lines[item].text):
        item += 1
    return max(start, item) if item > header + 1 else start


def _past_teasers(lines: list[Line], words: list[int], prose: list[float], threshold: float, start: int, end: int
                  ) -> int:
    """Where the story begins when its run begins with other stories' teasers, each a paragraph over its link alone
    on a line ('weiter lesen', 'Lire la suite': boilerplate.READ_MORE), two at least, one within TEASER_LINES of the
    next and the first within TEASER_LINES of the run's start: under the last, when two paragraphs in a row follow
    it (the story's own); `start` otherwise."""
    links = [i for i in range(start, end) if bp.READ_MORE.match(lines[i].text)]
    if len(links) < 2 or links[0] - start > TEASER_LINES:
        return start
    last = links[0]
    for link in links[1:]:
        if link - last > TEASER_LINES:
            break
        last = link
    prose_after = any(words[k] >= LONG and prose[k] > threshold and words[k + 1] >= LONG and prose[k + 1] > threshold
                      for k in range(last + 1, end - 1))
    return last + 1 if last > links[0] and prose_after else start


def _resumes(header: int, end: int, words: list[int], prose: list[float], threshold: float) -> bool:
    """Whether the story goes on under a list of other stories (a box inside it: 'Related stories' and three
    titles, then the story's next paragraphs): two paragraphs in a row among the BOX_LINES lines under the header.
    A list of teasers under the story alternates a title and one paragraph."""
    return any(words[k] >= LONG and prose[k] > threshold and words[k + 1] >= LONG and prose[k + 1] > threshold
               for k in range(header + 1, min(end, header + BOX_LINES) - 1))


def _table_before(lines: list[Line], words: list[int], start: int) -> int:
    """How many lines just above the article form a table of one shape that opens it (a schedule, results)."""
    rows = start
    while rows > 0 and start - rows < LIST_ITEMS and _list_item(lines[rows - 1].text, words[rows - 1]):
        rows -= 1
    return start - rows if _one_shape(lines[rows:start]) else 0


def _one_shape(rows: list[Line]) -> bool:
    """At least TABLE_ROWS lines, TABLE_SHARE of them of one shape with a number in it."""
    shapes = Counter(line_shape(line.text) for line in rows)
    if len(rows) < TABLE_ROWS or not shapes:
        return False
    shape, count = shapes.most_common(1)[0]
    return count >= TABLE_SHARE * len(rows) and "0" in shape and len(shape) >= TABLE_CELLS


def _table_after(lines: list[Line], words: list[int], end: int) -> int:
    """How many lines just below the article form a table or a schedule that belongs to it: at least
    TABLE_ROWS lines of one shape ('June 9 – Tampa, FL @ …', '1 Kyle Busch 5040 5 1'), under an optional
    heading line."""
    for first in (end, end + 1):
        rows = first
        while rows < len(lines) and rows - first < LIST_ITEMS and _list_item(lines[rows].text, words[rows]):
            rows += 1
        if _one_shape(lines[first:rows]):
            return rows - end
    return 0


def line_shape(text: str) -> str:
    """A line's skeleton, a character a token: 0 for a number, a for a run of words, punctuation as it is
    ('June 9 – Tampa, FL @ MidFlorida' -> 'a0–a,a@a'; '1 Kyle Busch 5040 5 1' -> '0a0000')."""
    tokens = re.findall(r"\d+(?:[.,:]\d+)*|[^\W\d_]+|[^\w\s]", text)
    return re.sub(r"a+", "a", "".join("0" if t[0].isdigit() else "a" if t[0].isalpha() else t for t in tokens))


def _announced_items(lines: list[Line], words: list[int], own: list[float], threshold: float) -> list[int]:
    """The lines of the lists a sentence of the story announces ('Many patches were sent for review:' and the
    patches' names one a line, up to LIST_ITEMS short lines): inside the story, not furniture between two runs."""
    items: list[int] = []
    for k, line in enumerate(lines):
        if line.text.endswith((":", "：")) and words[k] >= 4 and own[k] > threshold:
            item = k + 1
            while item < len(lines) and item - k <= LIST_ITEMS and words[item] < LONG and _list_item(lines[item].text,
                                                                                                     words[item]):
                item += 1
            items += range(k + 1, item) if item < len(lines) and words[item] >= LONG else ()
    return items


def _list_item(text: str, words: int) -> bool:
    """A line that can be an item of a list in the article: short, not furniture, not another list's header."""
    return (words <= LIST_ITEM_WORDS and not bp.is_noise(text) and furniture_share(text) < 0.3
            and not bp.STORY_LIST_HEADER.match(text) and not bp.COMMENTS_START.search(text))


def _comments_start(lines: list[Line], prose: list[float], words: list[int], threshold: float) -> int | None:
    """The line where readers' comments begin (a comments header followed by comment marks, or one that names the
    post: bp.COMMENTS_ON), once some of the article has been read."""
    seen = 0
    for i, line in enumerate(lines):
        if seen >= PROSE_BEFORE_COMMENTS and (bp.COMMENTS_ON.match(line.text) or (
                len(line.text) <= 120 and bp.COMMENTS_START.search(line.text)
                and sum(bool(bp.COMMENT_MARK.search(x.text)) for x in lines[i + 1:i + 40]) >= bp.COMMENT_MARKS_NEEDED)):
            return i
        if prose[i] > threshold:
            seen += words[i]
    return None
