"""Which fields read from a copied page an operator should check, and how doubtful each is.

For the headline, the authors and the date read from the page, a small logistic model gives the chance that the
field is wrong from named features of how it was read (DOUBT_FEATURES): for the headline, the header CRF's
probability of the chosen line and of its likeliest rival, and whether the header around it was found (a dek, a
byline, a dateline, breadcrumbs); for the authors, how likely the byline lines read are bylines, or a line not
read is; for the date, how likely its line is a dateline and where it was found. The models and their thresholds
are fitted on pages of other sites than those they are scored on (`python3 -m training.fit --review`) and live in
data/review.json; a field is marked when its chance of being wrong is over its threshold. A date not read from
the page (the seed file's time, '3 hours ago') is always marked. Each mark's reason says how sure the reader is
(one minus that chance), and `build.py review` lists the least sure first.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from .dates import day_of
from .header import Header
from .score import DATA, WIDE_SCRIPT, Model, ParamsMismatch

TITLE_FEATURES = ("sure", "prob", "rival", "margin", "glued", "crumbs", "dek", "signed", "dated", "shared")
"""The headline's: how sure the reader is (the headline ranker's softmax share; 0 where no line is shaped like a
headline), the CRF's probability of
its line and of the likeliest other line, their difference; breadcrumbs glued to it, whether breadcrumbs, a
dek, a byline and a date were read around it; and the share of its words the story uses (shared_words: a
menu item, a call to action or another story's headline shares few)."""
AUTHORS_FEATURES = ("signed", "sure", "missed")
"""The authors': any read, the byline lines' least probability of being one, the likeliest line not read as one."""
DATE_FEATURES = ("sure", "header", "updated_only", "yearless", "days")
"""The date's, read from the page: its line's probability of being a dateline or byline, whether the header gave
it (else lines further down), whether it is an 'Updated' time only, shown without its year, or among several days."""
DOUBT_FEATURES = {"title": TITLE_FEATURES, "authors": AUTHORS_FEATURES, "date": DATE_FEATURES}
"""The features of each field's doubt, by field, in the order of the fitted weights."""
GUESSED = {"file": "the page shows no date: dated from the seed file's time",
           "relative": "the page gives only a relative time: dated against the seed file's time",
           "above": "no date under the headline: dated by the one day the lines above the story show"}
"""The date's mark when the header shows none (parse._dates' `date_from`): a date guessed, or taken from the lines
above the story, is always checked."""


@dataclass(frozen=True)
class Doubt:
    """One field's doubt: P(the field is wrong) = 1 / (1 + exp(-model.logit(row)))."""

    model: Model
    threshold: float
    """The field is marked when its chance of being wrong is over this (fitted: see data/review.json)."""

    def chance(self, row: tuple[float, ...]) -> float:
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, self.model.logit(row)))))


def doubts_from(data: dict) -> dict[str, Doubt]:
    """The fitted doubts ({field: Doubt}), each model's feature names checked against DOUBT_FEATURES; raises
    ParamsMismatch when they differ (refit)."""
    out = {}
    for field, names in DOUBT_FEATURES.items():
        d = data[field]
        if tuple(d["features"]) != names or len(d["weights"]) != len(names):
            missing, extra = sorted(set(names) - set(d["features"])), sorted(set(d["features"]) - set(names))
            raise ParamsMismatch(f"review.json: '{field}' was fitted for other features (missing {missing}, unknown "
                                 f"{extra}, or another order): refit with python3 -m training.fit --review")
        out[field] = Doubt(Model(names, tuple(d["weights"]), d["bias"]), d["threshold"])
    return out


@lru_cache(maxsize=1)
def default_doubts() -> dict[str, Doubt]:
    """The shipped doubts (data/review.json)."""
    return doubts_from(json.loads((DATA / "review.json").read_text(encoding="utf-8")))


def doubt_rows(header: Header, title_line: str, signed: bool, header_dated: bool, story: list[str]
               ) -> dict[str, tuple[float, ...]]:
    """Each field's DOUBT_FEATURES: `title_line` is the headline's line as copied (perhaps glued to
    breadcrumbs), `signed` whether authors were read (from the header, the body or an author box),
    `header_dated` whether the date came from the header's own lines, `story` the body's paragraphs."""
    prob, rival = header.title_prob, header.title_rival
    title = (header.title_sure, prob, rival, prob - rival, float(header.title != title_line),
             *(float(bool(x)) for x in (header.crumbs, header.dek, header.authors, header.stamps)),
             shared_words(header.title, story))
    people = (float(signed), header.authors_sure if signed else 0.0, header.byline_doubt)
    stamps = header.stamps
    days = {day_of(s.when) for s in stamps}
    when = (header.date_sure if header_dated else 0.0, float(header_dated),
            float(bool(stamps) and all(s.updated for s in stamps)), float(any(s.yearless for s in stamps)),
            math.log1p(max(0, len(days) - 1)))
    return {"title": title, "authors": people, "date": when}


LONG_WORD = re.compile(r"\w{4,}")


def shared_words(headline: str, story: list[str]) -> float:
    """The share (0-1) of the headline's words of four letters or more that the story's paragraphs use, in any
    case; of its letters, for a headline in a script written without spaces (Chinese, Japanese). 0.0 when there
    is no story to compare."""
    text = " ".join(story).lower()
    if not text:
        return 0.0
    if WIDE_SCRIPT.search(headline):
        letters = {c for c in headline if c.isalpha()}
        return sum(c in text for c in letters) / len(letters) if letters else 0.0
    words = set(LONG_WORD.findall(headline.lower()))
    known = set(LONG_WORD.findall(text))
    return len(words & known) / len(words) if words else 0.0


def marks(rows: dict[str, tuple[float, ...]], doubts: dict[str, Doubt], date_from: str, signed: bool
          ) -> dict[str, str]:
    """The fields to check, each with the reason and how sure the reader is ('NN% sure', which `build.py review`
    sorts by); `date_from` is where the date came from ('' from the page), `signed` whether authors were read."""
    out: dict[str, str] = {}
    for field, doubt in doubts.items():
        if field == "date" and date_from:
            out[field] = GUESSED[date_from]
            continue
        chance = doubt.chance(rows[field])
        if chance <= doubt.threshold:
            continue
        sure = f"({1 - chance:.0%} sure)"
        if field == "title":
            out[field] = f"the headline may not be the article's {sure}"
        elif field == "authors":
            out[field] = (f"the byline may be misread {sure}" if signed
                          else f"no author was read, but the page may name one {sure}")
        else:
            out[field] = f"the date may be misread {sure}"
    return out
