"""Read the header of the article once: every line of the region above the article and of its first lines gets
one label, decided jointly over the sequence, and the header's fields are read off the labels.

Labels (LABELS): headline, dek, byline, dateline, caption (a photo's caption or credit), section (breadcrumbs, a
kicker), furniture, body. Each line has a vector of named features (HEADER_FEATURES: its shape, its words
shared with the story, its place relative to the article, what its neighbours are); a linear-chain CRF whose
weights and label transitions live in data/params.json scores every labelling of the region, and the
forward-backward pass gives each line's probability of each label. The headline is chosen apart, by a ranker
over the region's lines (a conditional logit, its weights in data/params.json too): each candidate's line features,
whether the page's layout places the headline there (layout_title), and how much the line is about the story (its
words among the story's commonest, `topicality`); its share of the page's softmax is how sure the reader is (a
close call is marked for review). The authors are the names on the byline lines, the date the first on the
dateline and byline lines. Nothing here names a site.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from operator import add, mul

from . import boilerplate as bp
from .article import TEASER_LINES, Reading, line_shape
from .bylines import (BY, BY_INSIDE, DESK, GLUED, GLUED_YEAR_BY, LABEL_AT_START, NAMES_END, OUTLET_WORD, PARTICLES,
                      READING_TIME, SEPARATORS, TEXT_WORD, byline_names, given_name, is_agency, name_list,
                      is_byline_or_dateline, is_job_title, is_person, is_role, is_role_or_place, names_beside_date,
                      normalize_name, parse_byline, photo_credit, without_roles)
from .dates import (DATE_LABEL, DIGIT, MONTH_YEAR, PUBLISHED_LABEL, Stamp, find_stamps, has_date, is_relative,
                    opens_with_date, parse_dateline, without_dates)
from .lines import LABEL_ALONE, PUBLISHED_IN, Line
from .source import is_outlet
from .score import (SENTENCE_INSIDE, STOP, WIDE_SCRIPT, WORDS, CRF, Params, furniture_share, letter_shape, letter_words,
                    linkish, setting, title_like)

ABOVE = setting("header", "above")
"""How many lines above the article the header region reaches (data/settings.json)."""
INSIDE = setting("header", "inside")
"""How many of the article's first lines belong to the region too: a headline or byline read as prose."""
KICKERS = 3
"""How far above the headline a labelled dateline may stand, past a kicker or two ('Stand: …' / 'Küstenschutz';
hand-set)."""
META_WORDS = 12
"""A line of more words is no byline or dateline the region reaches past INSIDE for, nor stands between (hand-set)."""
META_ABOVE = setting("header", "meta_above")
"""How far above the article the byline or dateline under the headline may stand (layout_title)."""
WALK = setting("header", "walk")
"""How far above its byline or dateline the headline may stand in layout_title (deks, captions, share buttons)."""
DEK_WORDS = setting("header", "dek_words")
"""The most words a dek under an anchored headline has: a longer line is the story's first paragraph."""
STRAY = setting("header", "stray_byline")
"""The byline probability a line the best path did not call a byline needs to name the author (stray_byline)."""

SECTIONS = """World|Business|Markets|Economy|Technology|Tech|Science|Health|Sport|Sports|Politics|Opinion|Culture|
Arts|Entertainment|Lifestyle|Travel|Climate|Environment|Education|India|US|UK|Europe|Asia|Africa|Americas|
Middle East|Asia Pacific|Australia|China|Business News|Money|Finance|Companies|Cities|National|International|Local|
Metro|Nation|Global|Analysis|Features|Video|Weather|Media|Law|Crime|Food|Science & Environment|Tech News|Football|
Cricket|Energy|Transport|Autos|Personal Finance|Careers|Real Estate|Property|Books|Film|Music|Television|TV|
Politik|Wirtschaft|Inland|Ausland|Kultur|Wissen|Panorama|Gesellschaft|Lokales|Meinung|Reise|Digital|
Politique|Économie|Société|Monde|Culture|Sciences|Santé|Sports|International|France|Planète|Opinions|
Política|Economía|Sociedad|Internacional|Nacional|Cultura|Deportes|Ciencia|Salud|Opinión|Tecnología|Mundo|
Economia|Sociedade|Esporte|Esportes|Ciência|Saúde|Opinião|Tecnologia|Cronaca|Politica|Esteri|Spettacoli|Scienza|
Binnenland|Buitenland|Economie|Cultuur|Wetenschap|Gezondheid|Politiek|Opinie|Regio""".replace("\n", "").split("|")
"""Section names pages show over their headlines, in the languages a digest gathers (config.yaml's come first)."""
CRUMB_SEPARATORS = re.compile(r"\s*(?:[>›»/|•·]|\\)\s*")
SPACED_SEPARATOR = re.compile(r"\s[>›»/|•·\\]\s")
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
TERMINAL = tuple(".!?:;…\"”’)")
NOT_SECTIONS = frozenset(WORDS["not_sections"])
HERE = re.compile(r"^(?:you\s+are\s+(?:here|at|in)|sie\s+sind\s+hier|du\s+bist\s+hier|vous\s+[êe]tes\s+ici|usted\s+está\s+en|"
                  r"estás\s+en|você\s+está\s+(?:em|aqui)|sei\s+(?:in|qui)|ti\s+trovi\s+in|u\s+bent\s+hier|je\s+bent\s+hier|"
                  r"du\s+är\s+här|du\s+er\s+her|jesteś\s+tutaj|вы\s+(?:здесь|находитесь)(?:\s+на)?)\s*:?\s*", re.I)
"""A breadcrumb trail's label: 'You are here:', 'Sie sind hier:', 'Vous êtes ici :', 'Usted está en:'."""
TRAIL_START = re.compile(r"^(?P<home>[^>›»|/\\]{1,25}?)\s*[>›»|/\\]\s*\S")
SITE_SUFFIX = re.compile(r"\s*[-–—|:·•]\s*\S.{0,50}")
"""What the page's title adds to the headline printed beside it: ' - ~/notes', ' | Jane's Blog'."""
MENU_RUN = 4
"""A run of more short lines than this right above the headline is a menu, not breadcrumbs."""


LABELS = ("headline", "dek", "byline", "dateline", "caption", "section", "furniture", "body")

CAPTION_MARK = re.compile(r"\((?:left|right|center|centre|top|bottom|pictured|file|above|below)\)|\b(?:AP|AFP|Reuters|Getty)\s+(?:Photo|Images)\b"
                          r"|/\s*(?:AP|AFP|Reuters|Getty Images|EPA)(?:\s+file)?$", re.I)
NAME_LINE = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.-]+\s){1,3}[A-ZÀ-ÖØ-Þ][\w'’.-]+$")
JOB = re.compile(r"(?<!\w)(?:co-?)?(?:editor|writer|reporter|correspondent|columnist|analyst|contributor|journalist|"
                 r"producer|director|founder|ceo|cto|cfo|president|manager|consultant|engineer|specialist|strategist|"
                 r"officer|professor|researcher|scientist|attorney|lawyer|designer|developer|marketer|expert|coach|"
                 r"blogger|redakteur(?:in)?|autor(?:in|a)?|periodista|redactor(?:a)?|giornalista|rédact(?:eur|rice)|"
                 r"journaliste|jornalista|редактор|журналист)s?(?!\w)", re.I)
"""A job title's head word: 'Senior QA Engineer', 'Co-Founder & Marketing Director', 'TECH WRITER' (a line feature:
a bare name over a job title is a byline)."""
NUMBERED = re.compile(r"^(?:\d{1,2}[.):]|[IVX]{1,4}[.:])\s")

OWN_FEATURES = (
    "bias", "log_words", "words_1_2", "words_3_5", "words_6_14", "words_15_30", "words_over_30",
    "ends_period", "ends_question", "ends_colon", "capitalized", "all_caps", "starts_lower", "numbered",
    "digits", "linkish", "noise", "furniture", "stop_words", "sentences", "separators", "crumb_trail",
    "dateline", "dated", "relative", "by_line", "name_role", "bare_name", "agency", "meta", "caption_mark", "credit",
    "title_like", "quote", "by_inside", "author_label", "job_title", "reading_time",
)
"""What a line shows by its text alone (cached per text: a line repeated across seeds is measured once)."""
PAGE_FEATURES = (
    "prose", "own_prose", "gap_before", "gap_after", "repeated", "echoed", "adjacent_repeat",
    "overlap", "overlap_top", "lead_overlap", "inside", "first_inside", "distance", "near", "log_rank_titlelike",
    "meta_below_1", "meta_below_3", "meta_above_1", "meta_above_3", "longest_above", "short_run",
    "first_titlelike_above_meta", "titlelike_run", "name_near_title", "name_near_date",
)
"""What a line shows by its place on the page and in the region."""
NEIGHBOUR = ("dated", "by_line", "name_role", "bare_name", "title_like", "noise", "prose", "log_words",
             "ends_period", "caption_mark", "crumb_trail", "job_title")
"""Features of the lines around each line, repeated under prev_/next_/prev2_/next2_ names."""
HEADER_FEATURES = (OWN_FEATURES + PAGE_FEATURES + tuple(f"{side}_{n}" for side in ("prev", "next", "prev2", "next2")
                                                         for n in NEIGHBOUR))
HEADLINE_FEATURES = HEADER_FEATURES + ("layout", "layout_anchored", "topic", "topic_sum", "topic_common", "topic_two")
"""What the headline ranker weighs of a candidate line: its HEADER_FEATURES, whether layout_title places the headline
there (and leaves no doubt), and how much it is about the story (`topicality`)."""
TOPIC_WORDS = setting("header", "topic_words")
"""The story's commonest words a headline candidate is measured against (topic_common, topic_two; data/settings.json)."""


@dataclass(frozen=True)
class Header:
    """What the header of a copied page says."""

    title: str
    title_line: int
    """The headline's index among the seed's lines."""
    title_sure: float
    """The model's probability that this line is the headline (summed over its copies, at most 1)."""
    title_prob: float
    """The CRF's probability that the headline's line is the headline (over its copies), whatever the layout said."""
    title_rival: float
    """The CRF's headline probability of the likeliest line with other text than the headline (over its copies)."""
    crumbs: tuple[str, ...]
    dek: str
    authors: tuple[str, ...]
    authors_sure: float
    """How likely the byline lines read are bylines (the least likely of them); 1.0 when none was read."""
    byline_doubt: float
    """The probability of the likeliest byline line not read as one: a byline the reader may have missed."""
    stamps: tuple[Stamp, ...]
    date_sure: float
    """How likely the line the date was read from is a dateline or byline."""
    caption: str
    credit: str
    section: str
    """A 'Category: …' label among the header's lines."""
    body_start: int
    """The first line of the article's body (past its headline, dek, bylines and photo)."""
    labels: tuple[str, ...]
    """The label of each line of the region, for reading and for tests."""
    region: tuple[int, int]


# ---- features ---------------------------------------------------------------------------------------------


def region(reading: Reading, n: int, texts: list[str] | None = None) -> tuple[int, int]:
    """[lo, hi) of the seed's lines the header is read from: ABOVE lines above the article and INSIDE into it, and
    (given the `texts`), where no line of those is a dateline and only short lines follow its last byline, on to a
    byline or dateline within as many lines again when only short lines stand between (a dek, a caption and a
    paywall's label between the headline and 'Jane Doe' / 'Publié: 05.11.2025'; 'Jane Doe Text' / 'Follow' / 'Photo
    credit' / 'Published …'; not a teaser's date under a story whose header is dated, nor a signature under a story
    whose header has its byline)."""
    run = reading.run
    lo, hi = max(0, run.start - ABOVE), min(n, run.end, run.start + INSIDE)
    if texts is None:
        return lo, hi
    if any(map(_dated, texts[lo:hi])):
        return lo, hi   # dated already
    for j in range(hi - 1, lo - 1, -1):   # the last byline with only short lines after it, or no byline at all
        if is_byline_or_dateline(texts[j]):
            break
        if reading.words[j] > META_WORDS:
            if any(map(is_byline_or_dateline, texts[lo:j])):
                return lo, hi
            break
    for j in range(hi, min(n, run.end, run.start + 2 * INSIDE)):
        if reading.words[j] > META_WORDS:
            break
        if is_byline_or_dateline(texts[j]):
            hi = j + 1
    return lo, hi


@lru_cache(maxsize=16384)
def own_features(text: str) -> tuple[float, ...]:
    """OWN_FEATURES of one line's text."""
    words = len(text.split())
    capitalized, shouted, digits, stop_words = letter_shape(text)
    short = words <= 25
    dated = short and (has_date(text) or is_relative(text))
    by = parse_byline(text, header=False)
    return (
        1.0,
        math.log1p(words) / 4,
        float(words <= 2), float(3 <= words <= 5), float(6 <= words <= 14), float(15 <= words <= 30), float(words > 30),
        float(text.endswith(".") and not text.endswith("...")),
        float(text.endswith(("?", "!"))),
        float(text.endswith((":", "："))),
        capitalized,
        shouted,
        float(text[:1].islower()),
        float(bool(NUMBERED.match(text))),
        digits,
        float(linkish(text)),
        float(bp.is_noise(text)),
        furniture_share(text),
        stop_words,
        min(3, len(SENTENCE_INSIDE.findall(text))) / 3,
        float(bool(re.search(r"\s[|•·›»/>]\s", text))),
        float(is_crumb_trail(text)),
        float(short and bool(parse_dateline(text, "UTC"))),
        float(dated),
        float(short and is_relative(text)),
        float(bool(by)),
        float(short and not by and bool(parse_byline(text, header=True))),
        float(_bare_name(text)),
        float(is_agency(text)),
        float(is_byline_or_dateline(text)),
        float(bool(CAPTION_MARK.search(text) or bp.CAPTION_LABEL.match(text))),
        float(bool(bp.split_credit(text) or bp.CREDIT_LABEL.match(text) or bp.LONE_CREDIT.match(text)
                   or bp.NAMED_CREDIT.match(text))),
        float(title_like(text, words)),
        float(text.startswith(("\"", "“", "‘", "'", "«"))),
        float(short and bool(BY_INSIDE.search(text))),
        float(short and bool(LABEL_AT_START.match(text))),
        float(words <= 8 and not text.endswith(".") and not any(map(str.isdigit, text)) and bool(JOB.search(text))),
        float(bool(READING_TIME.match(text))),
    )


_AT = {name: k for k, name in enumerate(OWN_FEATURES)}
_NEIGHBOUR_AT = [_AT[n] if n in _AT else None for n in NEIGHBOUR]


def header_rows(lines: list[Line], reading: Reading) -> tuple[tuple[int, int], list[tuple[float, ...]]]:
    """The region and a HEADER_FEATURES vector for each of its lines."""
    n = len(lines)
    texts = [line.text for line in lines]
    lo, hi = region(reading, n, texts)
    run, words, prose = reading.run, reading.words, reading.prose
    own = [own_features(texts[i]) for i in range(lo, hi)]
    counts = Counter(texts)
    line_words = [_content_words(texts[i]) for i in range(lo, min(n, run.end))]
    spread = Counter(w for i in range(lo, hi) for w in line_words[i - lo])
    body = Counter(w for i in range(run.start, min(run.end, run.start + 200)) for w in line_words[i - lo])
    lead = {w for i in range(run.start, min(run.end, run.start + 3)) for w in line_words[i - lo]}
    overlaps, leads = [], []
    for i in range(lo, hi):
        mine = line_words[i - lo]
        inside = run.start <= i
        weight = {w: 1.0 / (1 + spread[w]) for w in mine}
        total = sum(weight.values()) or 1.0
        overlaps.append(sum(v for w, v in weight.items() if body[w] - inside > 0) / total)
        leads.append(sum(v for w, v in weight.items() if w in lead) / total if i >= run.start + 3 or i < run.start else 0.0)
    top = max(overlaps, default=0.0) or 1.0
    meta = [bool(o[_AT["meta"]]) for o in own]
    titlelike = [bool(o[_AT["title_like"]]) and words[lo + k] >= 3 for k, o in enumerate(own)]
    rank, seen = [0] * (hi - lo), 0
    for k in range(run.start - lo - 1, -1, -1):
        if titlelike[k]:
            seen += 1
            rank[k] = seen
    first_meta = next((k for k in range(hi - lo) if meta[k]), None)
    above_meta = None
    if first_meta is not None:
        above_meta = next((k for k in range(first_meta - 1, max(-1, first_meta - 8), -1) if titlelike[k]), None)
    page = "\n".join(texts[lo:hi]) if hi - lo < 400 else ""
    rows = []
    for k in range(hi - lo):
        i = lo + k
        text = texts[i]
        short_run = 0
        j = k - 1
        while j >= 0 and words[lo + j] <= 3:
            short_run += 1
            j -= 1
        run_len = 0
        j = k
        while j < hi - lo and titlelike[j] and run_len < 5:
            run_len += 1
            j += 1
        context = (
            prose[i], reading.own[i] if reading.own else prose[i],
            float(lines[i].gap), float(lines[i + 1].gap) if i + 1 < n else 1.0,
            float(counts[text] > 1),
            float(len(text) >= 12 and page.count(text) > counts[text]) if page else 0.0,
            float((k > 0 and texts[i - 1] == text) or (i + 1 < n and texts[i + 1] == text)),
            overlaps[k], overlaps[k] / top, leads[k],
            float(i >= run.start), float(i == run.start),
            math.log1p(abs(run.start - i)) / 4,
            float(run.start - 6 <= i < run.start),
            math.log1p(rank[k]) if rank[k] else 0.0,
            float(k + 1 < hi - lo and meta[k + 1]),
            float(any(meta[k + 1:k + 4])),
            float(k > 0 and meta[k - 1]),
            float(any(meta[max(0, k - 3):k])),
            math.log1p(max((words[j] for j in range(max(lo, i - 3), i)), default=0)) / 4,
            math.log1p(short_run) / 3,
            float(k == above_meta),
            run_len / 5,
            float(bool(own[k][_AT["bare_name"]]) and any(titlelike[max(0, k - 3):k])),
            float(bool(own[k][_AT["bare_name"]]) and any(o[_AT["dated"]] for o in own[max(0, k - 2):k + 3])),
        )
        row = list(own[k]) + list(context)
        for d in (-1, 1, -2, 2):
            j = k + d
            if 0 <= j < hi - lo:
                o = own[j]
                row += [o[a] if a is not None else (prose[lo + j] if name == "prose" else 0.0)
                        for a, name in zip(_NEIGHBOUR_AT, NEIGHBOUR)]
            else:
                row += [0.0] * len(NEIGHBOUR)
        rows.append(tuple(row))
    return (lo, hi), rows


# ---- the labels -----------------------------------------------------------------------------------------


def marginals(emit: list[list[float]], crf: CRF) -> list[list[float]]:
    """P(label | the region) for each line, by the forward-backward pass over the CRF's scores (`emit`: each
    line's score of each label), in probabilities scaled at every step."""
    n, m = len(emit), len(crf.labels)
    if not n:
        return []
    trans = crf.exp_transitions
    trans_into = list(zip(*trans))   # trans_into[y][x] = trans[x][y]
    weights = [[math.exp(x - max(row)) for x in row] for row in emit]
    alpha, a = [], weights[0]
    for t in range(n):
        if t:
            prev = alpha[-1]
            a = [w * sum(map(mul, prev, into)) for w, into in zip(weights[t], trans_into)]
        total = sum(a)
        alpha.append([v / total for v in a])
    beta = [[1.0] * m for _ in range(n)]
    for t in range(n - 2, -1, -1):
        nxt = [weights[t + 1][z] * beta[t + 1][z] for z in range(m)]
        b = [sum(map(mul, row, nxt)) for row in trans]
        total = sum(b)
        beta[t] = [v / total for v in b]
    out = []
    for t in range(n):
        p = [alpha[t][y] * beta[t][y] for y in range(m)]
        total = sum(p)
        out.append([v / total for v in p])
    return out


def best_path(emit: list[list[float]], crf: CRF) -> list[int]:
    """The likeliest labelling of the region (Viterbi over the CRF's scores)."""
    n = len(emit)
    if not n:
        return []
    trans_into = list(zip(*crf.transitions))   # trans_into[y][x]: from x to y
    score = emit[0]
    back = []
    for t in range(1, n):
        step, nxt = [], []
        for y, into in enumerate(trans_into):
            came = list(map(add, score, into))
            x = came.index(max(came))   # the first best, as max() picks
            step.append(x)
            nxt.append(came[x] + emit[t][y])
        back.append(step)
        score = nxt
    y = score.index(max(score))
    path = [y]
    for step in reversed(back):
        y = step[y]
        path.append(y)
    return path[::-1]


# ---- the header ------------------------------------------------------------------------------------------


def read_header(lines: list[Line], reading: Reading, params: Params, zone: str, zones: dict[str, str],
                sections: tuple[str, ...], year: int | None, order: str = "", outlet: str = "") -> Header:
    """Label the header region and read the header's fields off the labels; `year` is for a date shown
    without one, `order` ('mdy', 'dmy' or '': dates.numeric_order of the page) for one written in numbers,
    `outlet` (source.source_name) the site's name, which a line may print under the byline."""
    (lo, hi), rows = header_rows(lines, reading)
    crf = params.header
    emit = [crf.emissions(row) for row in rows]
    probs = marginals(emit, crf)
    path = best_path(emit, crf)
    at = {name: k for k, name in enumerate(crf.labels)}
    texts = [line.text for line in lines]
    labels = [crf.labels[y] for y in path]
    h = at["headline"]
    # the headline: the text the ranker's softmax gives most, over all its copies; how sure: its share (and, for the
    # review marks, the CRF's own say on that line and on its likeliest rival)
    dated_after = _dated_items(texts, lo, hi)   # the items of lists of stories with their days beside them
    candidates, features, layout, anchored, shaped = headline_candidates(texts, reading, lo, rows, outlet, dated_after)
    scores = [params.headline.logit(row) for row in features]
    top = max(scores, default=0.0)
    weights = [math.exp(x - top) for x in scores]
    best = candidates[_likeliest([texts[lo + k] for k in candidates], scores)] if candidates else 0
    t = lo + best
    title_text = texts[t] if rows else texts[max(0, reading.run.start - 1)]
    anchored = anchored and layout is not None and texts[layout] == title_text
    prob = _copies(probs, texts, lo, t, h) if rows else 0.0
    sure = sum(w for j, w in enumerate(weights) if texts[lo + candidates[j]] == title_text) / sum(weights) if (
        weights and shaped) else 0.0   # no line shaped like a headline: a guess, always checked
    by_text: dict[str, float] = {}
    for k, p in enumerate(probs):
        by_text[texts[lo + k]] = by_text.get(texts[lo + k], 0.0) + p[h]
    rival = min(1.0, max((v for text, v in by_text.items() if text != title_text), default=0.0))
    labels = [("furniture" if label == "headline" and lo + k < t else label) for k, label in enumerate(labels)]
    if rows:
        labels[best] = "headline"
    for k in range(1, len(labels)):   # a role under a byline is the byline's second line ('Mira Olsen' / 'Shipping correspondent')
        if labels[k - 1] == "byline" and labels[k] != "headline" and is_role(texts[lo + k].split()):
            labels[k] = "byline"
    while t > 0 and texts[t - 1] == title_text:
        t -= 1
    crumbs, title = crumbs_and_title(texts, t, reading.words, sections)
    title, whole = _whole_headline(texts, t, title, labels if rows else [], lo, reading.words)
    title = _without_trailing_date(_without_glued_kicker(title))
    if whole != t:
        title_text, t = title, whole
    if not crumbs:
        crumbs = [c for k in range(max(0, t - lo - 3), t - lo) if labels[k] == "section"
                  for c in _crumb_parts(texts[lo + k], sections)][-3:]
    # the rest of the header: below the headline, and the datelines and bylines just above it
    # (each dateline or reading time among the three lines right above reaches one line further up: 'Lena Vogt' / '3. Okt.
    # 2025' / 'Aktualisiert: 5. Okt. 2025' / '2 Min. Lesezeit' / the headline)
    reach = 3 + sum(bool(READING_TIME.match(texts[j]) or own_features(texts[j])[_AT["dated"]]) for j in range(max(lo, t - 3), t))
    copy = next((j for j in range(max(lo, t - HEADER_COPY), t) if texts[j] == title_text), t)   # the header shown
    # twice ('Getting Ready' / 'author Ann Lee' / … / 'Getting Ready'): the lines under its first copy are its too
    after = [k for k in range(max(0, min(t - lo - reach, copy + 1 - lo)), len(rows))
             if lo + k != t and texts[lo + k] != title_text]
    dek = next((texts[lo + k] for k in after if lo + k > t and not bp.is_noise(texts[lo + k]) and not _caption(texts, lo + k)
                and not _signed(texts[lo + k]) and not _labelled_date(texts[lo + k])
                and (labels[k] == "dek" or (labels[k] == "headline" and reading.words[lo + k] >= 5))), "")
    # a page has one headline: a line under the one chosen that the best path also calls a headline is its dek
    under = t + 1
    while under < len(texts) and texts[under] == title_text:
        under += 1
    # the line under the headline, read as prose where the story begins: the dek under the layout's headline, or a
    # standfirst over the photo, the byline or the dateline
    if not dek and under < len(texts) and not (_caption(texts, under) or _signed(texts[under])
                                               or is_byline_or_dateline(texts[under]) or bp.is_noise(texts[under])) and (
            anchored and 5 <= reading.words[under] <= DEK_WORDS or 8 <= reading.words[under] <= DEK_WORDS and any(
                _caption(texts, j) or is_byline_or_dateline(texts[j]) for j in (under + 1, under + 2) if j < len(texts))):
        dek = texts[under]
    b, d = at["byline"], at["dateline"]
    authors: list[str] = []
    desks: list[str] = []
    """A byline that names only a desk or team: the authors when no line names a person."""
    authors_sure, doubt, stamps, date_sure = 1.0, 0.0, [], 0.0
    dated: list[int] = []   # the rows the stamps were read from
    said: list[Stamp] = []   # those on a line labelled a publication ('Veröffentlicht am …', 'Published')
    over: list[Stamp] = []   # those on a short line right over the headline that is neither byline nor dateline
    byline_dates: list[Stamp] = []   # those on a byline under the headline
    photo, section = _Box(), ""
    teasers = dated_after | _dated_list(texts, lo, hi, _date_before)
    shown_as_section = {texts[lo + k].casefold() for k in range(len(rows)) if labels[k] == "section"} | {
        c.casefold() for c in crumbs}
    for k in after:
        text = texts[lo + k]
        if labels[k] == "byline":
            names = tuple(a for a in byline_names(text) if a.casefold() not in shown_as_section)   # 'DESIGN STYLE' above
            if names:
                into = desks if len(names) == 1 and DESK.match(names[0]) else authors   # 'News Desk'
                listed = (*_listed_over(texts, lo + k, t), *names, *_listed_under(texts, lo + k, hi))
                into += [a for a in dict.fromkeys(listed) if a not in into]
                authors_sure = min(authors_sure, probs[k][b])
            else:
                doubt = max(doubt, probs[k][b])
        elif lo + k > copy and (_by_shape(text) or reading.words[lo + k] <= 15 and _dated_byline(text)) and not (
                text.endswith(".")) and (signed := byline_names(text)):
            # 'by Jane Doe', 'Author Jane Doe', '2.03.2018 von Jane Doe' under the headline, and writers listed one a
            # line under it
            authors += [a for a in (*signed, *_listed_under(texts, lo + k, hi)) if a not in authors]
            authors_sure = min(authors_sure, probs[k][b])
        elif labels[k] == "dateline" and (beside := _beside_date(text, sections)):
            authors += [a for a in beside if a not in authors]   # 'Jane Doe • Oct 20, 2025'
            authors_sure = min(authors_sure, probs[k][b] + probs[k][d])
        elif probs[k][b] > doubt and lo + k < reading.run.start + INSIDE:
            doubt = max(doubt, probs[k][b] if own_features(text)[_AT["bare_name"]] or parse_byline(text, header=True) else 0)
        right_over = lo + k == t - 1 and reading.words[lo + k] <= 6
        if labels[k] not in ("byline", "dateline") and (right_over or t - KICKERS <= lo + k < t
                                                        and reading.words[lo + k] <= 10 and DATE_LABEL.match(text)):
            over = [s for s in find_stamps(text, zone, zones, year, order) if not (s.yearless or s.relative)] or over
        elif lo + k in teasers:
            pass   # a list of stories' days ('[ December 3, 2025 ] Review: …'), not the story's
        elif labels[k] in ("byline", "dateline") or lo + k > t and text != dek and (
                own_features(text)[_AT["dated"]] and (reading.words[lo + k] <= 15 or _by_shape(text))
                or lo + k <= t + 2 and opens_with_date(text)):   # not a
            # dek's 'From 1 April, …'; a byline long with its dates, by its shape, or a theme's line of meta that opens
            # with the date ('20. April 2017 · 13. Juni 2017 Jane Doe Amazon, Big Data, …')
            found = find_stamps(text, zone, zones, year, order)
            if found and not stamps:
                date_sure = probs[k][d] + probs[k][b]
            stamps += found
            dated += [k] if found else []
            said += [s for s in found if not s.updated and PUBLISHED_LABEL.search(text)]
            byline_dates += found if lo + k > t and labels[k] == "byline" and byline_names(text) else []
        if (labels[k] == "caption" or (labels[k] not in ("byline", "dateline") and _caption(texts, lo + k))) and not (
                photo.caption and photo.credit):
            if not take_caption(text, texts[lo + k + 1] if lo + k + 1 < len(texts) else "", photo):
                photo.caption = photo.caption or text
        for part in META_PARTS.split(text)[1:] if not section and len(text) < 200 else ():
            label = CATEGORY_LABEL.match(part)   # '19/11/2019 - Publicado por: Ana Souza - Categoria: Cultura'
            if label:
                section = next(iter(category_names(label)), "")
                break
    if byline_dates and any(lo + j < t for j in dated):   # a dated byline under the headline ('Verfasst von Jane Doe
        # am 12.03.2026'), over a list's dates above it
        stamps = byline_dates + [s for s in stamps if s not in byline_dates]
    stamps.sort(key=lambda s: s.yearless or s.relative)   # 'September 28, 2025' over a dek's 'starting Oct. 4'
    stamps = said[:1] + [s for s in stamps if s not in said[:1]] or over   # a labelled publication over a teaser's date
    # above; the line right over the headline ('Lokales 09.10.24, 14:12 Uhr'), or a labelled one a kicker or two above
    # it ('Stand: 14.02.2025 16:47 Uhr' / 'Küstenschutz' / the headline), only when no line of the header is dated
    if stamps and all(s.updated for s in stamps):   # 'Aktualisiert: …' read, 'Erstellt: …' on the next line not
        stamps += [s for k in after if labels[k] != "body" and reading.words[lo + k] <= 15 and k not in dated
                   and any(abs(k - j) <= 2 for j in dated)
                   for s in find_stamps(texts[lo + k], zone, zones, year, order) if not s.updated and not s.relative][:1]
    if stamps and all(s.updated for s in stamps):   # the header shown twice: the first copy's date is the publication's
        first = next((j for j in range(max(0, t - HEADER_COPY), t) if texts[j] == title_text), t)
        stamps += [s for j in range(first + 1, min(t, first + 4)) if reading.words[j] <= 15
                   for s in find_stamps(texts[j], zone, zones, year, order) if not s.updated and not s.relative][:1]
    if not authors and not desks:
        authors, authors_sure = stray_byline(texts, labels, [p[b] for p in probs], lo, t, after, sections)
    authors = authors or desks
    body_start = reading.run.start   # past the header's own lines read as prose: never past a body or furniture line
    while body_start < min(hi, reading.run.end - 1) and (body_start <= t or texts[body_start] in (title_text, dek)
                                                         or labels[body_start - lo] not in ("body", "furniture")
                                                         or READING_TIME.match(texts[body_start])):
        body_start += 1
    return Header(title, t, sure, prob, rival, tuple(crumbs), dek, tuple(authors), authors_sure, doubt, tuple(stamps),
                  date_sure, photo.caption, photo.credit, section, body_start, tuple(labels), (lo, hi))


def _labelled_date(text: str) -> bool:
    """A line that opens with a date's label and shows a date ('Posted 21 October 2025 in Media releases'): a
    dateline, whatever the CRF calls it, never the dek."""
    return bool(DATE_LABEL.match(text)) and bool(own_features(text)[_AT["dated"]])


QUOTES = "\"'„“”‚‘’«»"
def _whole_headline(texts: list[str], t: int, title: str, labels: list[str], lo: int, words: list[int]) -> tuple[str, int]:
    """(the headline, its line) around the line `t` the ranker chose (`title`: its text less crumbs): the headline
    shown alone a few lines above, where the line chosen is it with a link's hidden words before it ('Keine
    Kommentare zu …'); the whole one under a crumb's shortened form, perhaps past a kicker ('Karwoche …' /
    'Karwoche …: „Die Liturgie …“'; not a site's name of three words or fewer after it); of a line with the site's
    name after it and the same line without, the latter; the headline of five to nine words under a kicker of four
    or fewer, right above the byline or dateline
    ('Europawahl im Lahn-Dill-Kreis' / 'Ein Weckruf, den niemand überhören darf' / 'Von …'); the line under a
    breadcrumb trail that ends in the headline and holds it ('News / Mumbai News / 72-year-old …' / 'Mumbai: 72-year-old
    …'); a line up to four lines under it that goes on where it stops (a crumb that cut the headline short, then a
    label or a kicker, then the whole headline). `labels` from `lo`."""
    whole = next((j for j in range(t - 1, max(-1, t - 5), -1) if len(texts[j].split()) >= 4 and title != texts[j]
                  and title.endswith(" " + texts[j])), None)
    if whole is not None:
        return texts[whole], whole   # 'Keine Kommentare zu <the headline>': a comments link's hidden words round it
    fuller = texts[t + 1] if t + 1 < len(texts) else ""
    last = _trail_title(texts[t])
    if last and last in fuller and len(fuller) <= 2 * len(last) + 40:   # 'News / Mumbai News / 72-year-old loses …' over
        return fuller, t + 1                                              # 'Mumbai: 72-year-old loses …'
    for j in range(t + 1, min(len(texts), t + 4)):   # a kicker or a label between ('Konjunktur')
        rest = re.match(r"\s*[:–—|-]\s*(\S.*)", texts[j][len(title):]) if texts[j].startswith(title) else None
        if rest and len(texts[j].split()) <= 30 and _headline_part(rest[0]):
            return texts[j], j
        if len(texts[j].split()) > 3 and not own_features(texts[j])[_AT["dated"]]:   # (a dateline between:
            break   # 'Mikroplastik in Flussauen' / 'Pressemitteilung 047/2025 | 18.06.2025' / 'Mikroplastik …: …')
    cut = re.sub(r"\s*(?:\.\.\.|…)$", "", title)   # 'Abierto el plazo … Municipales...': cut with an ellipsis
    whole = next((j for j in range(t + 1, min(len(texts), t + 5)) if len(title.split()) >= 4
                  and texts[j].startswith(cut)
                  and (_goes_on(texts[j][len(cut):]) or cut != title and len(texts[j]) > len(cut))
                  and len(texts[j].split()) <= 30 and not texts[j].endswith(".")), None)
    if whole is not None:   # a trail's last crumb, the headline cut short ('Corvane Systems to Build a Plant in Abilene'),
        return texts[whole], whole   # and the whole headline a few lines under it ('…, Creating 340 Jobs')
    title = next((texts[j] for j in (t + 1, t - 1) if 0 <= j < len(texts) and len(texts[j]) >= 15
                  and title.startswith(texts[j]) and SITE_SUFFIX.fullmatch(title[len(texts[j]):])
                  and not _headline_part(title[len(texts[j]):])), title)
    under = t + 1 - lo
    if (0 <= t - lo and under + 1 < len(labels) and words[t] <= 4 and 5 <= words[t + 1] <= 9
            and labels[under] in ("headline", "dek") and labels[under + 1] in ("byline", "dateline")
            and not texts[t + 1].endswith((".", "!", "?")) and not _signed(texts[t + 1])):
        return texts[t + 1], t + 1
    return title, t


GLUED_KICKER = re.compile(r"^(?P<kicker>(?:\S+\s+){0,3}\S*[a-zß-ÿ]{3})(?P<word>[A-ZÀ-ÖØ-Þ][a-zß-ÿ]{2,})"
                          r"(?P<rest>\s+\S+\s+\S+\s+\S.*)$")


def _without_glued_kicker(title: str) -> str:
    """The headline less a kicker of four words or fewer that inline markup glued to it, where the headline opens
    with a common word ('Streit in WiedikonFür die neue Route sollen Bäume fallen', 'AnalysisWhy the vote …'; not
    'JavaScript', 'OpenAI')."""
    m = GLUED_KICKER.match(title)
    return m["word"] + m["rest"] if m and m["word"].lower() in STOP else title


TRAILING_DATE = re.compile(r"(?P<title>.{20,}?)\s+(?P<sep>[/|–—·•])\s+(?P<date>[^/|–—·•]{3,40})")


def _without_trailing_date(title: str) -> str:
    """The headline less a date a separator glues after it, as a blog's title line shows the post's day or, after a
    slash, its month ('Notes from the AGM | 14.03.2025', 'Rebuilding the shed / Mar 2025'; not 'Jobs report – March
    2025', whose month is the headline's)."""
    m = TRAILING_DATE.fullmatch(title)
    return m["title"] if m and (parse_dateline(m["date"], "UTC", year=2000) or m["sep"] == "/" and MONTH_YEAR.fullmatch(
        m["date"])) else title


def _goes_on(rest: str) -> bool:
    """What follows a shortened headline is more of it: after a comma, a question mark or a colon (', creating 340
    jobs', '? How to tell'), after a space a word in lower case (' in Zwickelbach': a site's name is capitalised), or
    after a space or a dash when _headline_part (not a site's name: ' – Kaistädter Zeitung')."""
    return bool(re.match(r"[,;:?!]\s+\S|\s[a-zß-ÿ]", rest)
                or re.match(r"\s*[–—|-]?\s+\S", rest) and _headline_part(rest))


def _headline_part(rest: str) -> bool:
    """What follows a headline after a colon or dash is more of it, not a site's name: four words or more, or quoted
    (': „Die Liturgie trägt auch die Wenigen“')."""
    rest = re.sub(r"^\s*[:–—|·•-]\s*", "", rest)
    return len(rest.split()) >= 4 or rest[:1] in QUOTES


CREDITED = re.compile(r"[.!?]\s+(?:(?:fotos?|photos?|bild(?:er)?|images?|beelden|foto's|imagen|immagine|crédit|"
                      r"credits?)\s*:|©|\(c\))\s*\S.{0,60}$", re.I)
"""A sentence and its photo's credit after it on one line ('Wachtende reizigers in de haven. Foto: ANP', '… zet al
27 jaar mensen over. © Pieter Jansen'): a caption."""
DATED_TEASER = re.compile(r"^(?:\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})|\d{4}-\d\d-\d\d)\s*[:|–-]?\s+\w")
"""A line that opens with a date in numbers and goes on with words: an item of a list of teasers ('05.02.2025 Chapter
meets at the fair'); no true headline of either development set opens with a date."""
META_PARTS = re.compile(r"^|\s+[-–—|•·/]\s+")
CATEGORY_LABEL = re.compile(r"^(?:categor(?:y|ies|ia|ias|ie|ía|ías|ieën)|catégories?|kategori(?:e|en|er)|sections?|secções|secção|"
                            r"secciones|sección|rubriques?|ressorts?|rubrica|rubriken|rubriek)\s*:\s*(?P<name>[^:]{2,80})$", re.I)
"""'Category: Culture', 'Kategorien: Gemüse, Balkon', 'Catégorie : Desserts': the first is the section, the rest tags."""


def category_names(label: re.Match) -> list[str]:
    """The names a CATEGORY_LABEL match gives, in order: the section first, the rest tags."""
    return [name for name in re.split(r"\s*[,;|]\s*", label["name"].strip()) if name]


class _Box:
    """Where take_caption puts a photo's caption and credit."""

    def __init__(self):
        self.caption = self.credit = ""


@lru_cache(maxsize=16384)
def _content_words(text: str) -> frozenset[str]:
    """The line's words other than common ones; pairs of characters in Chinese and Japanese (no spaces)."""
    words = {w for w in map(str.lower, letter_words(text)) if (len(w) >= 3 or not w.isascii()) and w not in STOP}
    if WIDE_SCRIPT.search(text):
        wide = [w for w in words if WIDE_SCRIPT.search(w)]
        words.difference_update(wide)
        words.update(w[k:k + 2] for w in wide for k in range(len(w) - 1))
    return frozenset(words)


def _bare_name(text: str, given_first: bool = False, dated: bool = False) -> bool:
    """'Anna Menin' on a line of its own: capitalised words, none of them a common word or furniture. With
    `given_first`, a given name first counts though some language has it as a common word ('Hans Becker', 'Per
    Olsen', 'Trung Tran'), and so does a particle inside the name ('Yann Le Goff', 'Kees van der Linden'): what
    stray_byline takes for a byline (the CRF's feature stays without it). `dated`: the line stands over the
    dateline (_over_dateline), where a name counts so whatever its given name ('Tuhin Bhatt'), though not one
    whose first word is a common word ('The Riverton Ledger'; and so not 'Ng Wei Ling')."""
    words = text.split()
    given = given_first and bool(words) and given_name(words[0])
    particles = {k for k, w in enumerate(words[1:-1], 1) if w.lower() in PARTICLES} if (
        given or dated and 2 <= len(words) <= 4) else set()
    return (bool(NAME_LINE.match(" ".join(w for k, w in enumerate(words) if k not in particles)))
            and not bp.is_noise(text) and furniture_share(text) == 0
            and not any(w.lower() in STOP and not (k == 0 and given or k in particles) for k, w in enumerate(words)))


def _name_over_date(texts: list[str], i: int) -> str:
    """The writer's name on line i when it is a name alone over the dateline (_over_dateline), whatever its given
    name ('Tuhin Bhatt', 'Kees van der Linden'), or with the place or role after a bar ('Anitha Rao / Mangaluru');
    '' for any other line (a job title, 'The Riverton Ledger', the photo's credit 'Fotos Tobias Reich')."""
    text = texts[i][:-1] if texts[i].endswith(".") else texts[i]
    parts = SEPARATORS.split(text)
    text = parts[0] if len(parts) == 2 and is_role_or_place(parts[1]) else text
    if _over_dateline(texts, i) and _bare_name(text, dated=True) and not (is_job_title(text)
                                                                          or photo_credit(text)):
        return normalize_name(text)
    return ""


def _dated(text: str) -> bool:
    """A dateline with its date, or with the time since ('Published March 3, 2026', 'Aktualisiert: vor 3 Std.')."""
    return is_byline_or_dateline(text) and bool(has_date(text) or is_relative(text))


def _over_dateline(texts: list[str], i: int) -> bool:
    """Line i stands right over a dated dateline, or over a job title or more writers one a line over it ('Tuhin
    Bhatt' / 'Co-founder of Intelivita' / 'Last updated on June 19, 2025'; 'Ann Lee' / 'Bo Lind' / 'Publié: …'):
    where the writer's name stands on a page that names one."""
    for j in range(i + 1, min(len(texts), i + 2 + MAX_LISTED)):
        if _dated(texts[j]):
            return True
        if not (is_job_title(texts[j]) or _one_writer(texts[j])):
            return False
    return False


HEADER_COPY = 30
"""How far above the headline a first copy of the header may stand, whose date dates a page whose header shows
only an update (a hero over the article's own header; hand-set)."""
MAX_LISTED = 4
"""At most this many writers' names listed one a line (hand-set)."""
DATED_UNDER = 4
"""How far under the headline a name alone over the dateline is the byline whatever the path says: past a dek and a
photo's caption (hand-set)."""


def _likeliest(texts: list[str], scores: list[float]) -> int:
    """The index of the headline among candidate lines (`texts`, with the ranker's `scores`): the text whose copies
    hold most of the softmax, a headline the layout prints twice counting for both (12.63 and 11.59 over a
    department's name alone at 12.64); of its copies the best scored, the first on a tie."""
    top = max(scores)
    mass: dict[str, float] = {}
    for text, score in zip(texts, scores):
        mass[text] = mass.get(text, 0.0) + math.exp(score - top)
    return max(range(len(texts)), key=lambda j: (mass[texts[j]], scores[j], -j))


def stray_byline(texts: list[str], labels: list[str], byline: list[float], lo: int, t: int, after: list[int],
                 sections: tuple[str, ...]) -> tuple[list[str], float]:
    """When no line the best path calls a byline names anyone: the names on the likeliest byline line among
    those around the headline (`after`, to the first body line) whose shape alone names a person: a name alone on
    its line ('Liz Kenny', 'AMIT SAMSUKHA'), names listed ('Ann Lee, Bo Lind and Carl Mews'), a name beside a date
    ('Faith Katunga•Oct 20, 2025'), 'By: Jane Doe on …', a person's name and the paper ('Jane Doe / Harbour Gazette',
    'Jane Doe, The Harbour Gazette') or a role;
    and its byline probability. ([], 1.0) when none reaches
    STRAY. A name alone on one of the two lines under the headline (`_signed`) is one whatever the path and its
    probability say; a writer's name alone over it on its own line too ('Ann Lee' / 'Bo Lind' / the dateline); and
    so is a name alone over the dateline up to DATED_UNDER lines under the headline (_name_over_date), past a dek
    and a caption the path reads as the story."""
    best: tuple[float, list[str]] = (STRAY, [])
    at = -1
    under_title = (lo + k for k in after if t < lo + k <= t + DATED_UNDER)
    dated_at, dated_name = next(((i, name) for i in under_title if (name := _name_over_date(texts, i))), (-1, ""))
    for k in after:
        text = texts[lo + k]
        text = text[:-1] if text.endswith(".") and len(text.split()) <= 4 else text   # 'Yann Le Goff.' over a button
        # the name over the dateline, a name alone just under the headline, or beside its dateline ('12. Januar 2026
        # · 6 Min. · Jan Rohde'), whatever the path says
        dated = lo + k == dated_at
        under = dated or t < lo + k <= t + 2 and (_signed(text) or bool(_beside_date(text, sections)))
        if lo + k > t and labels[k] == "body" and not under:
            if lo + k <= t + 1 or lo + k < dated_at:
                continue   # a dek (or a caption over the name over the dateline) read as the story's first paragraph:
                # the name under it is still the header's
            break   # the story has begun
        p = max(byline[k], STRAY) if under else byline[k]
        if lo + k == t or p < best[0] or len(text) > 120:   # not the headline; another line the path calls one may
            continue   # be a name list ('Dana Whitcomb and Luis Arreola' over the dateline)
        if dated:
            names = [dated_name]
        elif _bare_name(text, given_first=True) or (text.isupper()
                                                     and parse_byline(text, header=True) == [normalize_name(text)]):
            menu = all(0 <= j < len(labels) and labels[j] in ("furniture", "section") and len(texts[lo + j].split()) <= 5
                       and not any(c.isdigit() for c in texts[lo + j]) for j in (k - 1, k + 1))
            desk = DESK.match(text)   # 'Podium Staff' whole; 'Erik Lindqvist Text' less the credit word
            names = [normalize_name(text if desk else " ".join(without_roles(text.split())))] if not menu and (
                given_name(text.split()[0]) or desk) else []
        elif BY.match(text) or LABEL_AT_START.match(text):
            names = list(byline_names(text))
        elif (parts := NAMES_END.split(text, maxsplit=1))[1:] and is_person(parts[0].split()):
            names = list(byline_names(text))   # 'Nadja Stucki / Suhrentaler Zeitung', 'Sarah Dewael avec Belga': the
            # writer and the paper or agency
        elif (named := parse_byline(text, header=True)) and all(is_person(n.split()) for n in named):
            names = named   # people and their outlet or role: 'Daniel Okafor, The Lakeside Courier'
        else:   # 'Ann Lee Senior Reporter and Bo Lind': the names less their roles
            names = list(byline_names(text) or name_list(text)) if name_list(text) else _beside_date(text, sections)
        if names and not any(_section_key(n) in _sections(sections) for n in names):
            best, at = (p, names), k
    if best[1] and len(best[1]) == 1 and best[1][0] == _one_writer(texts[lo + at]):   # 'Ann Lee' / 'Bo Lind': one a line
        listed = [*_listed_over(texts, lo + at, t), *best[1], *_listed_under(texts, lo + at, len(texts))]
        best = (best[0], list(dict.fromkeys(listed)))
    return (best[1], best[0]) if best[1] else ([], 1.0)


def _one_writer(text: str) -> str:
    """The writer a line of a list of writers one a line names, alone ('Ann Lee') or beside the job ('Lukas Meier,
    Redaktor News'); '' for any other line."""
    if _bare_name(text, given_first=True) and given_name(text.split()[0]):
        return normalize_name(text)
    named = parse_byline(text, header=True) if "," in text and not BY.match(text) else None
    return named[0] if named and len(named) == 1 and is_person(named[0].split()) and text.startswith(named[0]) else ""


def _listed_over(texts: list[str], i: int, t: int) -> list[str]:
    """More writers one a line over byline line i and under the headline (line t), when line i names one writer
    so ('Lukas Meier, Redaktor News' / 'Andrea Zbinden, Reporterin'; 'Ann Lee' / 'Bo Lind'); at most MAX_LISTED."""
    if not _one_writer(texts[i]):
        return []
    names: list[str] = []
    j = i - 1
    while j > t and len(names) < MAX_LISTED and (above := _one_writer(texts[j])):
        names.insert(0, above)
        j -= 1
    return names


def _listed_under(texts: list[str], i: int, end: int) -> list[str]:
    """More writers' names one a line under byline line i (before `end`), each perhaps under the job of the one
    before ('Written by Priya Raman' / 'Director of Support' / 'Tomas Lindqvist' / 'Support Lead'); at most
    MAX_LISTED."""
    names: list[str] = []
    j = i + 1
    while len(names) < MAX_LISTED:
        if j < end and is_job_title(texts[j]):   # the job of the writer named above
            j += 1
        if j >= end or not (_bare_name(texts[j], given_first=True) and is_person(texts[j].split())
                            and not texts[j].isupper()):
            return names
        names.append(normalize_name(texts[j]))
        j += 1


def _people_listed(text: str) -> bool:
    """A line that is only people's names, listed: 'Dana Whitcomb and Luis Arreola', 'Ann Lee, Bo Lind and Carl Mews'."""
    names = name_list(text)
    return len(names) >= 2 and all(is_person(n.split()) for n in names)


def _beside_date(text: str, sections: tuple[str, ...]) -> list[str]:
    """The names beside a dateline's date ('Jane Doe • Oct 20, 2025'), less furniture, known sections and the outlet
    ('Mindanao Bulletin / 06:15 PM December 02, 2026')."""
    return [a for a in names_beside_date(text) if furniture_share(a) == 0 and _section_key(a) not in _sections(sections)
            and not (len(a.split()) > 1 and OUTLET_WORD.search(a))]


def _by_shape(text: str) -> bool:
    """'By …', 'Written by …', 'Author: …' in 12 words at most, or 15 less its dates and notes in brackets ('Par
    Claire Vasseur (Perpignan, envoyée spéciale) et Hugo Lemaire Publié le 12 mars 2026 à 07h45, modifié à
    11h20'); past six words, one of the names it gives is of two words at least. The label may be glued to the
    name ('vonJana Pfeiffer 12. März 2025'), and a credit's 'Text' needs no colon before a person's name ('Text Lena
    Obermaier' over 'Fotos Tobias Reich')."""
    text = GLUED.sub(r"\1 ", text)
    return bool(BY.match(text) or LABEL_AT_START.match(text) or _text_credit(text)) and (len(text.split()) <= 12 or len(
        without_dates(re.sub(r"\([^()]*\)", " ", text)).split()) <= 15) and (
        len(text.split()) <= 6 or any(len(name.split()) >= 2 for name in byline_names(text)))   # not 'Von PostgreSQL
    # 12 auf 16: Was wir bei der Migration gelernt haben', a headline that opens with 'from'


TEXT_CREDIT = re.compile(rf"(?i:{TEXT_WORD})\s+(?P<name>(?:\S+\s?){{2,4}})$")
"""The writer's credit without its colon: 'Text' and two to four words after it (_text_credit)."""


def _text_credit(text: str) -> bool:
    """'Text Lena Obermaier': the writer's credit without its colon, a person's name after the word."""
    return bool(m := TEXT_CREDIT.match(text)) and is_person(m["name"].split())


FILE_LINK = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|csv|zip)\b|\(\s*[\d.,]+\s*[KMG]i?B\s*\)", re.I)
"""A link to a file ('Safety Alert.pdf (619.83 KB)')."""


TEMPLATE = re.compile(r"\{\{.*\}\}|\{%.*%\}")
"""A template's placeholder the page showed unfilled ('{{ navItem.title }}')."""


def not_a_headline(text: str) -> bool:
    """A line no headline is shaped like: no letter in it ('$300 - $900+', '12/2025'), figures in more than half of
    its words, three or more ('DAX 21.912,40 +1,14% MDAX 28.104,87': a ticker), sections of three words at most between
    spaced separators ('News / Regions / Northern Mindanao', 'Politik | Wirtschaft | Sport'), a reading time ('6 min
    read'), a link to a file, a line of code ('fn main() {'), a template's placeholder, a link with its arrow ('←
    Zurück zum Blog', 'Next post »'), a banner's line ending in its link ('… Mehr erfahren', '… Read more')."""
    return (not any(c.isalpha() for c in text) or bool(READING_TIME.match(text) or FILE_LINK.search(text)
                                                         or NAV_ARROW.search(text) or CALL_TO_ACTION.search(text)
                                                         or TEMPLATE.search(text)) or text.endswith(("{", ";"))
            or DIGIT.search(text) is not None and 2 * len(FIGURE.findall(text)) > max(4, len(text.split()))
            or len(parts := SPACED_SEPARATOR.split(text)) >= 3 and all(len(p.split()) <= 3 for p in parts))


NAV_ARROW = re.compile(r"^\s*(?:[←⟵⇐◀]|[«‹](?=\s))|(?:[→⟶⇒▶]|(?<=\s)[»›])\s*$")
"""A link's arrow before or after its words: back, next, more ('← Zurück', 'Next post »'; not a quotation's
'«Ci hanno tolto anche il futuro»')."""
CALL_TO_ACTION = re.compile(r"\S\s+(?:mehr\s+erfahren|jetzt\s+(?:lesen|entdecken|testen)|weiterlesen|learn\s+more|"
                            r"read\s+more|find\s+out\s+more|en\s+savoir\s+plus|lire\s+la\s+suite|leer\s+m[aá]s|"
                            r"saber\s+m[aá]s|scopri\s+di\s+più|lees\s+meer|czytaj\s+więcej)\s*[.!…]*$", re.I)
"""A banner's or a teaser's link after its words: 'Neu: Kranich Lab mit Schnittstelle. Mehr erfahren'."""
FIGURE = re.compile(r"\S*\d\S*")
"""A word with a figure in it: '21.912,40', '+1,14%', '2026'."""


def _signed(text: str) -> bool:
    """A line that is a byline by its shape: _by_shape, a name alone that opens with a given name ('Steve
    Kamb'), or with the agency it writes with ('Sarah Quint avec Belga', 'Jane Doe / dpa'), or people's names listed
    ('Ann Lee, Bo Lind and Carl Mews')."""
    return _by_shape(text) or (_bare_name(text, given_first=True) and len(text.split()) <= 3
                               and given_name(text.split()[0])) or bool(name_list(text)) or _with_agency(text)


def _with_agency(text: str) -> bool:
    """'Sarah Quint avec Belga', 'Jane Doe / dpa': a person's name and the agency the story is written with."""
    if len(text.split()) > 8:
        return False
    head, *agency = NAMES_END.split(text, maxsplit=1)
    return bool(agency) and is_agency(agency[0]) and is_person(head.split())


# ---- the headline as the layout places it ------------------------------------------------------------------


def layout_title(texts: list[str], reading: Reading, lo: int, outlet: str = "") -> tuple[int | None, bool]:
    """The headline as the page's layout places it, and whether the layout leaves no doubt (anchored): a hand
    rule, two of the headline ranker's features (its held-out effect is in training/README.md).

    1. The byline or dateline under the headline: a 'By …' line among the article's first 2 x INSIDE lines (or a
       'Name, Outlet' line among its first INSIDE), else the nearest byline or dateline above the article.
    2. The headline: the first line above it shaped like one (never in lower case) and about the story (sharing
       a word with it), past captions, breadcrumbs, furniture, reading times, labelled datelines and labels with
       nothing under them ('Written by', 'Last updated on:'); of a headline and its dek in sentence case, the first, when
       the headline stands out (much shorter, in Title Case, printed twice, or not the last of a list of
       title-like lines), or the second is three words or fewer.
    3. Anchored: only its dek, a photo's caption and credit, share buttons and more bylines or datelines stand
       between it and the byline,
       and no lone line right above it could be the headline as well (the last of a list of teasers is fine)."""
    run, words = reading.run, reading.words
    body = {w for i in range(run.start, min(run.end, run.start + 200)) for w in _content_words(texts[i])}

    def about(j: int) -> bool:   # shares a word with the story
        return not _content_words(texts[j]).isdisjoint(body)

    def meta_line(j: int) -> bool:   # a dateline, a reading time, a label alone ('Written by'), the site's name under the
        # byline, or a byline ('By …', 'Name Role', an agency, a person's name alone near the story, people listed: a
        # given name first, not a button's capitalised words ('Start Free Trial'; nor 'J. Smith'))
        text = texts[j]
        return words[j] <= 20 and (has_date(text) or is_relative(text) or is_outlet(text, outlet)
                                   or bool(READING_TIME.match(text) or LABEL_ALONE.match(text))
                                   or bool(DATE_LABEL.match(text) and any(map(str.isdigit, text))) or (
            not bp.NAMED_CREDIT.match(text) and (bool(parse_byline(text, header=True)) or is_agency(text) or (
                run.start - 8 <= j < run.start and (_bare_name(text) and is_person(text.split()) or _people_listed(text))))))

    def titled(j: int) -> bool:   # shaped like a headline or a teaser, not a kicker or a dateline
        return (j >= lo and title_like(texts[j], words[j]) and words[j] >= 4 and not meta_line(j)
                and not parse_dateline(texts[j], "UTC") and not texts[j][:1].islower())

    def headline_shaped(j: int) -> bool:   # a headline starts with a capital, a digit or a quote, never in lower case
        return (title_like(texts[j], words[j]) and not texts[j][:1].islower() and not meta_line(j) and not _caption(texts, j)
                and not not_a_headline(texts[j])
                and not is_crumb_trail(texts[j]) and about(j))

    def stands_out(title: int, dek: int) -> bool:
        return (headline_shaped(title) and words[title] >= 3 and not texts[title].isupper()
                and words[dek] >= 8 and letter_shape(texts[dek])[0] < 0.6
                and (words[title] * 1.5 <= words[dek] or letter_shape(texts[title])[0] >= 0.7
                     or _up(texts, title) < title - 1 or not titled(_up(texts, title))))

    top_meta = max(lo, run.start - META_ABOVE)
    signed = [j for j in range(run.start, min(run.end, run.start + 2 * INSIDE)) if parse_byline(texts[j], header=False)
              or (j < run.start + INSIDE and words[j] <= 8 and not any(map(str.isdigit, texts[j]))
                  and parse_byline(texts[j], header=True))]
    meta = signed[-1] if signed else next((j for j in range(run.start - 1, top_meta - 1, -1) if meta_line(j)), None)
    j = (run.start if meta is None else meta) - 1
    while j >= top_meta and meta_line(j):
        j -= 1
    top, highest = j, max(lo, j - WALK)
    while j >= highest and not headline_shaped(j):
        j -= 1
    if j < highest:
        return None, False
    above = _up(texts, j)
    title = above if above >= lo and stands_out(above, j) else j
    if title == j and words[j] <= 3 and above >= lo and words[above] >= 4 and headline_shaped(above):
        title = above   # a subtitle of three words or fewer under its headline ('A Critical Overview'), or a name
    rival = _up(texts, title)
    clear = rival < lo or not (titled(rival) and about(rival)) or titled(_up(texts, rival))
    between = range(_down(texts, title, words), top + 1)
    return title, meta is not None and clear and all(
        meta_line(k) or bp.is_noise(texts[k]) or furniture_share(texts[k]) >= 0.3 or _caption(texts, k) for k in between)


def headline_candidates(texts: list[str], reading: Reading, lo: int, rows: list[tuple[float, ...]], outlet: str = "",
                        dated: set[int] | None = None
                        ) -> tuple[list[int], list[tuple[float, ...]], int | None, bool, bool]:
    """The region's lines that may be the headline (indices from `lo`), each with its HEADLINE_FEATURES vector (`rows`:
    the region's HEADER_FEATURES), layout_title's headline and whether it is anchored, and whether any line is
    shaped like a headline at all. Never a candidate: a byline by its shape, a label alone, a dateline ('12 March
    2026', '2 days ago'), an item of a list of dated teasers ('05.02.2025 Chapter meets at the fair', _dated_list:
    'Driver CPC changes confirmed 21 Aug' over another such line), a line with a day and its time, a section's label
    ('Kategorie: Erste Mannschaft'), furniture by its words (boilerplate.NOISE: 'This advertisement has not loaded
    yet, but your article continues below.'), a list of stories' header ('Trending Now') and its numbered items ('1.
    March Madness bracket'), the site's name (`outlet`), a sentence of 15 words or more ending in a full stop (no
    true headline of either development set is one), a line no headline is shaped like ('$300', '6 min read'), a
    breadcrumb trail or a crumb of one but its last (a menu's 'Vaud & Régions' in 'Accueil › Vaud & Régions ›
    Politique'), a date followed by a byline (_dated_byline), a photo's credit ('Fotos Jonas Kessler'), other
    stories' teasers over their 'weiter lesen' links (_teased); `dated`: _dated_list's items when the caller has
    them already; where every line is one of those, every line is (and the headline is a guess)."""
    layout, anchored = layout_title(texts, reading, lo, outlet)
    about = topicality(texts, reading)
    crumbs = {part.lower() for i in range(lo, lo + len(rows)) for part in (trail(texts[i]) or [])[:-1]}
    hi = lo + len(rows)
    ranked = _ranked_items(texts, lo, hi) | _ticker(texts, lo, hi) | _teased(texts, lo, hi) | (
        _dated_items(texts, lo, hi) if dated is None else dated)

    def never(i: int) -> bool:
        text, own = texts[i], rows[i - lo]
        return (_signed(text) or bool(LABEL_ALONE.match(text) or PUBLISHED_IN.match(text)) or text.lower() in crumbs
                or _dated_byline(text) or _timed(text) or _meta_parts(text) or _sentence_and_credit(texts, i)
                or i in ranked
                or is_outlet(text, outlet)
                or bool(DATED_TEASER.match(text) or CATEGORY_LABEL.match(text) or bp.STORY_LIST_HEADER.match(text))
                or bp.is_noise(text) or bool(own[_AT["dateline"]] or own[_AT["relative"]] or CREDITED.search(text))
                or photo_credit(text)
                or bool(own[_AT["ends_period"]] and (own[_AT["words_15_30"]] or own[_AT["words_over_30"]]))
                or not_a_headline(text) or (trail(text) is not None and not _trail_title(text)))
    candidates = [k for k in range(len(rows)) if not never(lo + k)]
    shaped = bool(candidates)
    candidates = candidates or list(range(len(rows)))
    return candidates, [rows[k] + (float(lo + k == layout), float(lo + k == layout and anchored), *about(lo + k))
                        for k in candidates], layout, anchored, shaped


def _teased(texts: list[str], lo: int, hi: int) -> set[int]:
    """The lines of other stories' teasers among lines lo..hi: those over each link alone on its line ('weiter
    lesen', 'Lire la suite': boilerplate.READ_MORE), a teaser's TEASER_LINES with its link, where two such links or
    more stand."""
    links = [i for i in range(lo, hi) if bp.READ_MORE.match(texts[i])]
    return {j for i in links for j in range(max(lo, i - TEASER_LINES + 1), i)} if len(links) >= 2 else set()


def _ranked_items(texts: list[str], lo: int, hi: int) -> set[int]:
    """The numbered items of the lists of other stories among lines lo..hi ('Most read' / '1. March Madness bracket'
    / '2Populära caféet stänger'): each line opening with a number right under such a header or such an item."""
    items: set[int] = set()
    for i in range(lo + 1, hi):
        if bp.LIST_NUMBER.match(texts[i]) and (i - 1 in items or bp.STORY_LIST_HEADER.match(texts[i - 1])):
            items.add(i)
    return items


def _ticker(texts: list[str], lo: int, hi: int) -> set[int]:
    """The lines among lo..hi of a ticker or a list of results: a line with a number in it whose shape two other
    lines among the seven around it share ('Ribera 2-1 Sierra Norte Final' / 'Dep. Montaña 0-0 Unión Costera Final'
    / 'Real Valle Alto 3-2 CD Puerto Viejo Final' / …, '11:40 Grote brand …' / '10:52 N34 weer open …'; a headline
    printed twice is one line, and datelines count for none)."""
    shapes = [line_shape(texts[i]) if DIGIT.search(texts[i]) else "" for i in range(lo, hi)]

    def kin(k: int, dates: bool = True) -> int:   # the distinct lines of line k's shape around it (datelines not)
        return len({texts[lo + j] for j in range(max(0, k - 3), min(len(shapes), k + 4))
                    if shapes[j] == shapes[k] and not (dates and has_date(texts[lo + j]))})
    return {lo + k for k in range(len(shapes)) if shapes[k] and kin(k, dates=False) >= 3 and kin(k) >= 3
            and not has_date(texts[lo + k])}


TIMED = re.compile(r"(?<![\d.:])[0-2]?\d:[0-5]\d(?!\d)")
"""A clock's time written with a colon ('6:22pm', '18:42'): '11.18.19' is a date."""


def _timed(text: str) -> bool:
    """A line that gives a day and a time of it: a post's or a story's meta ('glowe (Gareth Lowe) Committee Oct 2,
    2025, 6:22pm'), never a headline (none of the development sets' is)."""
    return bool(TIMED.search(text)) and has_date(text)


def _meta_parts(text: str) -> bool:
    """A line of meta glued by its separators, one of its parts a day or a reading time ('Technik•7. Mai 2025•8 Min.
    Lesezeit', 'News | 12 March 2026')."""
    parts = re.split(r"\s*[•·|]\s*", text)
    return len(parts) >= 2 and any(READING_TIME.match(p) or parse_dateline(p, "UTC", year=2000) for p in parts)


def _date_after(text: str) -> bool:
    """A line of words that ends in a day ('Driver CPC changes confirmed 21 Aug', 'Tram line reopens 20.08.2025')."""
    words = text.split()
    return len(words) >= 5 and DIGIT.search(text) is not None and not DATE_LABEL.match(text) and any(
        parse_dateline(" ".join(words[-n:]), "UTC", year=2000) and not has_date(" ".join(words[:-n]))
        for n in (1, 2, 3))


def _date_before(text: str) -> bool:
    """A line that opens with a day and goes on with three words or more that are no byline, no time and no date
    ('[ December 3, 2025 ] Review: a hotel by the bay', '05.02.2025 Chapter meets at the fair')."""
    words = text.lstrip("[( ").split()
    for n in (1, 2, 3) if len(words) >= 5 and DIGIT.search(text) else ():   # (a day in words alone is no date)
        rest = " ".join(words[n:])
        if parse_dateline(" ".join(words[:n]).rstrip("])"), "UTC", year=2000) and sum(
                w.isalpha() for w in words[n:]) >= 3 and not has_date(rest) and not BY_INSIDE.search(rest):
            return True
    return False


def _dated_list(texts: list[str], lo: int, hi: int, dated: Callable[[str], bool] = _date_after) -> set[int]:
    """The items among lines lo..hi of a list of stories each with its day after it ('Latest' / 'Carriers announce
    blank sailings 21 Aug' / 'Driver CPC changes confirmed 21 Aug' / …), or before it (`dated`: _date_before): a
    line so dated, as another of the two lines above or below it is, neither holding the other."""
    found = [dated(texts[i]) for i in range(lo, hi)]
    return {lo + k for k in range(len(found)) if found[k] and any(
        found[j] and texts[lo + j] not in texts[lo + k] and texts[lo + k] not in texts[lo + j]   # not a breadcrumb
        for j in range(max(0, k - 2), min(len(found), k + 3)) if j != k)}   # that ends in the headline


def _dated_items(texts: list[str], lo: int, hi: int) -> set[int]:
    """The lines among lo..hi that are items of a list of stories with their days after them, on their line
    (_dated_list) or the next (_items_over_dates): no headline's, no date's."""
    return _dated_list(texts, lo, hi) | _items_over_dates(texts, lo, hi)


DATED_PAIRS = 3
"""How many stories in a row, each over its day, make a list of them (hand-set)."""


def _items_over_dates(texts: list[str], lo: int, hi: int) -> set[int]:
    """The items among lines lo..hi of a list of stories each over its day on a line of its own ('Latest News' /
    'Strong start at Blackwater Head' / '03/05/2025' / 'AGM 2025 – new committee' / '12/04/2025' / …), and their
    days: DATED_PAIRS such pairs in a row or more. A last pair with prose right under it is the story's own
    headline and dateline."""
    day = [i < len(texts) and len(texts[i].split()) <= 4 and DIGIT.search(texts[i]) is not None
           and parse_dateline(texts[i], "UTC", year=2000) is not None for i in range(lo, hi + 1)]
    items = [k for k in range(hi - lo) if day[k + 1] and not day[k] and len(texts[lo + k].split()) >= 2]
    chains: list[list[int]] = []
    for k in items:
        if chains and chains[-1][-1] == k - 2:
            chains[-1].append(k)
        else:
            chains.append([k])
    out: set[int] = set()
    for chain in chains:
        after = lo + chain[-1] + 2
        if after < len(texts) and len(texts[after].split()) >= 15:
            chain = chain[:-1]   # the story's headline and its dateline, under the list
        out |= {lo + k + d for k in chain for d in (0, 1)} if len(chain) >= DATED_PAIRS else set()
    return out


def _dated_byline(text: str) -> bool:
    """A meta line glued together: a date, then 'by' and its names ('Volunteer Stories 3/12/25 Written By Riverbend
    Food Collective'), never a headline."""
    text = GLUED_YEAR_BY.sub(" ", text)   # '2.03.2018von Dennis Ziesecke'
    by = BY_INSIDE.search(text)
    return bool(by and by.start() > 0 and text[by.end():][:1].isupper() and has_date(text[:by.start()]))


def _stem(word: str) -> str:
    return word[:5]


def topicality(texts: list[str], reading: Reading) -> Callable[[int], tuple[float, float, float, float]]:
    """How much the line at an index is about the story, as a function of the index giving (topic, topic_sum,
    topic_common, topic_two): the mean over the line's words of log(1 + the story's lines holding the word) over
    log(2 + the most any word is held); their sum over twice that, at most 1; how many of the story's TOPIC_WORDS
    commonest words it holds (words tied with the last of them too, never a word one line holds), over 3, at most
    1; and two of them or more. Words are cut to their first five letters (a crude stem across languages); a line
    of the story is not its own witness. The story: the article's first 200 lines."""
    run = reading.run
    held = Counter(w for i in range(run.start, min(run.end, run.start + 200))
                   for w in {_stem(w) for w in _content_words(texts[i])})
    scale = math.log(2 + max(held.values(), default=0))
    counts = sorted(held.values(), reverse=True)
    cut = max(2, counts[TOPIC_WORDS - 1] if len(counts) >= TOPIC_WORDS else 0)
    common = {w for w, n in held.items() if n >= cut}   # words tied at the cut all in: no order of a set decides

    def about(i: int) -> tuple[float, float, float, float]:
        mine = sorted({_stem(w) for w in _content_words(texts[i])})
        inside = run.start <= i < min(run.end, run.start + 200)
        witnessed = [w for w in mine if held[w] > inside]
        logs = [math.log1p(held[w] - inside) for w in witnessed] + [0.0] * (len(mine) - len(witnessed))
        shared = len(common.intersection(witnessed))
        return (sum(logs) / max(1, len(logs)) / scale, min(1.0, sum(logs) / scale / 2), min(3, shared) / 3,
                float(shared >= 2))
    return about


def _copies(probs: list[list[float]], texts: list[str], lo: int, i: int, h: int) -> float:
    """The CRF's probability that line i's text is the headline, over its copies in the region."""
    return min(1.0, sum(p[h] for k, p in enumerate(probs) if texts[lo + k] == texts[i]))


def _caption(texts: list[str], j: int) -> bool:
    """A photo caption: marked as one ('(left)', 'Photo: …', '… / Reuters'), over a credit line, or a sentence
    under one ('(Foto: Jane Doe / dpa)' / 'Ein Mann geht an einem Laden vorbei.')."""
    text, below = texts[j], texts[j + 1] if j + 1 < len(texts) else ""
    return bool(CAPTION_MARK.search(text) or bp.is_caption_or_credit(text) or bp.LONE_CREDIT.match(text)
                or bp.LONE_CREDIT.match(below) or bp.NAMED_CREDIT.match(below) or _sentence_and_credit(texts, j))


def _sentence_and_credit(texts: list[str], j: int) -> bool:
    """A photo's caption by its shape, never the headline: a sentence right under the photo's credit line, or one
    that ends with its credit ('… since 5 March. (Jane Doe/Riverton Daily)')."""
    above, text = texts[j - 1] if j > 0 else "", texts[j]
    split = bp.split_credit(text) if text.endswith((")", "]")) or "/" in text[-60:] else None
    return (text.endswith(".") and bool(bp.LONE_CREDIT.match(above) or bp.NAMED_CREDIT.match(above))
            or bool(split and split[0].endswith((".", "!", "?"))))


def _up(texts: list[str], j: int) -> int:
    """The line above line j, past copies of it (perhaps glued to breadcrumbs: 'HomeWorldNorth Korea to …')."""
    above = j - 1
    while above >= 0 and texts[above].endswith(texts[j]):
        above -= 1
    return above


def _under(texts: list[str], i: int) -> int:
    """The line under line i, past copies of it."""
    j = i + 1
    while j < len(texts) and texts[j] == texts[i]:
        j += 1
    return j


def _down(texts: list[str], title: int, words: list[int]) -> int:
    """The first line under the headline past its copies and its dek (a line of five words or more)."""
    j = _under(texts, title)
    return j + 1 if j < len(texts) and words[j] >= 5 else j


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
    if _trail_title(line):   # 'Home > Blog > Top Dental Resolutions for 2025'
        crumbs, title = trail(line)[:-1], _trail_title(line)
    elif glued:
        crumbs, title = glued
    elif glued_above:   # 'HomeWorldNorth Korea to …' above the headline's own line
        crumbs = _split_crumbs(glued_above, sections)
    else:
        above: list[str] = []
        def current(i: int) -> bool:   # the menu's item printed again over the story: the section it is in
            return (len(texts[i].split()) <= 3 and not texts[i].endswith(TERMINAL) and not linkish(texts[i])
                    and texts[i] in texts[max(0, i - 40):i])

        def path(i: int) -> bool:   # a trail, crumbs between separators, or the current section
            return bool(trail(texts[i]) or (CRUMB_SEPARATORS.search(texts[i]) and _is_crumb_line(texts[i], sections))
                        or current(i))

        j, photo, kicker = t - 1, 0, 0
        while j >= 0 and len(above) < 2:
            text = texts[j]
            if trail(text):
                above.insert(0, text)
                break   # a trail is the whole path: what stands above it is the menu
            if _is_crumb_line(text, sections) or current(j) or (j > 0 and trail(texts[j - 1]) and len(text.split()) <= 3
                                                                and not text.endswith(TERMINAL)):   # a kicker under its trail
                above.insert(0, text)
            elif not above and photo < 3 and _caption(texts, j):
                photo += 1   # a photo's caption and credit between the kicker and the headline
            elif not above and kicker < 2 and (len(text.split()) <= 4 and not text.endswith(TERMINAL)
                                               or len(text.split()) <= 8 and has_date(text)) and any(
                    path(i) for i in range(max(0, j - 2), j)):
                kicker += 1   # the kicker or dateline over the headline ('Verkehrswende'), under its section
            elif not bp.is_noise(text):
                break
            j -= 1
        menu = _short_run_above(words, t) > MENU_RUN
        if menu and len(above) == 2 and not CRUMB_SEPARATORS.search(above[0]):
            above = above[1:]   # the kicker over the headline, not the menu's last item above it
        for crumb_line in above:
            parts = trail(crumb_line) or (
                _split_crumbs(crumb_line, sections) if CRUMB_SEPARATORS.search(crumb_line) else [crumb_line])
            if menu and not (len(parts) > 1 or _section_key(crumb_line) in sections):
                continue
            crumbs += parts
    kept = [_section_name(c, sections) for c in crumbs
            if _section_key(c) not in ("home", "news", "") and c.lower().strip(" :") not in NOT_SECTIONS]
    return list(dict.fromkeys(c for c in kept if not linkish(c) and furniture_share(c) < 0.3)), title


def trail(line: str) -> list[str] | None:
    """A breadcrumb trail's parts: a line under its label ('You are here: HomeNewsBusiness', 'Vous êtes ici : Accueil >
    Société') or opening with the home page's crumb ('Home > Blog > Top Dental Resolutions for 2025'), or sections of
    three words at most, one separator between all, before a headline ('News / City News / Mumbai News / 72-year-old
    loses …'); else None. The last part may be the headline itself."""
    parts = _trail(line)
    return list(parts) if parts is not None else None


@lru_cache(maxsize=16384)
def _trail(line: str) -> tuple[str, ...] | None:
    """trail, cached: the reader asks it of a line several times (headline veto, crumbs, crumb lines)."""
    label = HERE.match(line)
    if label:
        rest = line[label.end():]
    else:
        start = TRAIL_START.match(line)
        if not start or start["home"].strip().lower() not in NOT_SECTIONS:
            parts = tuple(p.strip() for p in SPACED_SEPARATOR.split(line))   # 'News / City News / Mumbai News / <headline>'
            crumbs = len(parts) >= 3 and all(1 <= len(p.split()) <= 3 for p in parts[:-1]) and len(parts[-1].split()) >= 4
            return parts if crumbs and len(set(SPACED_SEPARATOR.findall(line))) == 1 else None
        rest = line
    parts = CRUMB_SEPARATORS.split(rest.strip()) if CRUMB_SEPARATORS.search(rest) else CAMEL.split(rest.strip())
    parts = tuple(p.strip() for p in parts if p.strip())
    return parts if label or len(parts) > 1 else None


def _trail_title(line: str) -> str:
    """The headline a breadcrumb trail ends with ('Home > Blog > Top Dental Resolutions for 2025'), or ''."""
    parts = _trail(line)
    return parts[-1] if parts and len(parts) > 1 and len(parts[-1].split()) >= 4 else ""


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
    """'World', 'WORLD NEWS', 'Home > Business > Markets', 'News | India', 'You are here: HomeWorld'."""
    if linkish(line) or bp.LONE_CREDIT.match(line):
        return False
    if trail(line):
        return True
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


def _crumb_parts(line: str, sections: tuple[str, ...]) -> list[str]:
    """A line labelled as breadcrumbs or a kicker, as section names."""
    known = _sections(sections)
    parts = _split_crumbs(line, known) if CRUMB_SEPARATORS.search(line) else [line]
    return [_section_name(p, known) for p in parts if _section_key(p) not in ("home", "news", "")
            and p.lower().strip(" :") not in NOT_SECTIONS and not linkish(p) and furniture_share(p) < 0.3]


# ---- photo captions ---------------------------------------------------------------------------------------


def take_caption(line: str, nxt: str, into) -> bool:
    """Take a photo caption (and its credit) into `into.caption`/`into.credit`; True when the line was one."""
    label = bp.CAPTION_LABEL.match(line)
    credit_label = bp.CREDIT_LABEL.match(line.strip("()"))
    if bp.LONE_CREDIT.match(line) and nxt.endswith(".") and not bp.LONE_CREDIT.match(nxt):   # the credit over its caption
        into.caption = into.caption or nxt
        into.credit = into.credit or (credit_label["credit"] if credit_label else line.strip("()"))
        return True
    if credit_label and not label:
        into.credit = into.credit or credit_label["credit"]
        return True
    text = label["text"] if label else line
    split = bp.split_credit(text)
    if split:
        caption, credit = split
    elif label or (nxt == line and len(line.split()) >= 4) or (
            len(line.split()) <= 40 and bp.LONE_CREDIT.match(nxt) and not (len(line.split()) <= 8 and has_date(line))):
        caption, credit = text, ""   # labelled, printed twice, or over its credit ('Foto: dpa/Jane Doe')
    else:
        return False
    if not credit and nxt != line and bp.LONE_CREDIT.match(nxt):
        labelled = bp.CREDIT_LABEL.match(nxt)
        credit = labelled["credit"] if labelled else nxt.strip("()")
    into.caption = into.caption or caption
    into.credit = into.credit or credit
    return True
