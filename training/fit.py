"""Fit the reader's models on real pages and on our fixtures; report how they do on sites left out.

    python3 -m training.fit             # fit on every page of both development sets, write data/params.json
    python3 -m training.fit --held-out  # sites in FOLDS groups: fit on the other groups, read the group's pages
    python3 -m training.fit --review    # fit the review marks on every page read held out, write data/review.json

Three small logistic models, each a handful of named features (newsdigest/ingest/score.py, smooth.py,
article.py): a line alone is prose or furniture; a line in its neighbours' company; a run of prose is the
article. Then a linear-chain CRF labels the header region (header.py), fitted with python-crfsuite. Last, with
--review, a logistic model per field of the chance that the headline, authors or date read is wrong (review.py),
on the pages as read with numbers fitted on other sites.

Labels come from the development sets' truth, weakly (a line's label is what the truth says of its text, not
what a person said of the line), and from tests/fixtures/seeds:
- body: most of the line's word 4-grams are in the true body (a short line: it is in the true body's text,
  between the first and last long body lines);
- headline: the line equals one of the true titles;
- byline: a line of at most 25 words holding a true author's name, its words in a row (modernpages' truth;
  realpages names none: there, the authors its saved page's structured data names);
- caption: a line shaped as a photo caption or credit (boilerplate's credit and caption patterns), before a
  dateline: a caption often dates its photo;
- dateline: a line of at most 25 words showing the true day (training.extraction.shows_date);
- section: a short crumb-like line among the 4 above the headline (a trail, a known section, shouted words);
- dek: the first line of 6 words or more between the headline and the first body line;
- furniture: every other line.
Needs numpy and python-crfsuite (requirements-dev.txt); the build itself only reads the fitted numbers.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from training import extraction  # noqa: E402
from newsdigest.content import split_document  # noqa: E402
from newsdigest.ingest import decode_seed  # noqa: E402
from newsdigest.ingest import article  # noqa: E402
from newsdigest.ingest.article import RUN_FEATURES, read_article, run_rows  # noqa: E402
from newsdigest.ingest import boilerplate as bp  # noqa: E402
from newsdigest.ingest.header import (ABOVE, HEADER_FEATURES, HEADLINE_FEATURES, LABELS, _is_crumb_line,  # noqa: E402
                                      _sections, header_rows, headline_candidates, is_crumb_trail)
from newsdigest.ingest.score import linkish  # noqa: E402
from newsdigest.ingest.lines import Line, read_lines  # noqa: E402
from newsdigest.ingest.parse import Rules, _addresses_out  # noqa: E402
from newsdigest.ingest.review import DOUBT_FEATURES, doubts_from, marks  # noqa: E402
from newsdigest.ingest.source import source_name  # noqa: E402
from newsdigest.ingest.score import DATA, LINE_FEATURES, line_features, line_logits, params_from, word_count  # noqa: E402
from newsdigest.ingest.smooth import CONTEXT_FEATURES, context_features  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures" / "seeds"
THRESHOLD = 0.5
"""A line is in the article when the model thinks it more likely than not: not tuned."""
SHORT_WORDS = 3
L2 = 1.0
CRF_C2 = 1.0
CRF_C1 = 0.05
"""The header CRF's L2 and L1 penalties (hand-set; held-out effect in training/README.md)."""
FIXTURE_WEIGHT = 40.0
"""Our fixtures stand for seeds copied cleanly (no menus, often no blank lines): few lines, so they count more
(40 since modernpages joined: the same share of the fit as 10 had beside realpages alone)."""
FIXTURE_COPIES = 10
"""How many times each fixture's header counts in the CRF's fit (crfsuite weighs sequences alike)."""


@dataclass
class Sample:
    """One page's lines with their labels."""

    site: str
    lines: list[Line]
    body: list[int]
    """1 for a line of article text, else 0."""
    titles: list[str]
    page: extraction.Page | None
    """The real page, for scoring; None for a fixture."""
    header: list[str] = None
    """Each line's header label (LABELS), weak: see the module's docstring."""
    rows: list = None
    """The lines' features (they do not depend on the fitted numbers)."""

    def __post_init__(self):
        self.rows = line_features(self.lines)


def label_real(page: extraction.Page) -> Sample:
    lines = _addresses_out(read_lines(decode_seed(page.raw, page.key)[0]))[0]
    truth = page.truth["articleBody"]
    truth_shingles = extraction.shingles(truth)
    truth_lower = truth.lower()
    long_hits = []
    labels = []
    for i, line in enumerate(lines):
        tokens = extraction.TOKEN.findall(line.text)
        if len(tokens) >= 4:
            mine = extraction.shingles(line.text)
            share = sum((mine & truth_shingles).values()) / max(1, sum(mine.values()))
            labels.append(int(share > 0.5))
            if labels[-1]:
                long_hits.append(i)
        else:
            labels.append(-1)
    lo, hi = (min(long_hits), max(long_hits)) if long_hits else (0, -1)
    for i, line in enumerate(lines):
        if labels[i] == -1:
            inside = lo <= i <= hi and re.search(rf"(?<!\w){re.escape(line.text.lower())}(?!\w)", truth_lower)
            labels[i] = int(bool(inside))
    authors = page.truth.get("authors") if "authors" in page.truth else _saved_authors(page)
    return Sample(page.site, lines, labels, page.truth["titles"], page,
                  header_labels(lines, labels, page.truth["titles"], authors, page.truth.get("date")))


def _saved_authors(page: extraction.Page) -> list[str] | None:
    """The authors the saved page's structured data names (for a set whose truth names none)."""
    if not page.html:
        return None
    import lxml.html
    from newsdigest.ingest.html import decode_html, page_data
    try:
        witnesses = page_data(lxml.html.document_fromstring(decode_html(page.html, page.key)[0]), page.html).authors
        return list(witnesses[0].value) if witnesses else None   # the first witness: JSON-LD where the page has it
    except Exception:   # a page lxml cannot read: no authors known
        return None


def header_labels(lines: list[Line], body: list[int], titles: list[str], authors: list[str] | None,
                  day: str | None) -> list[str]:
    """Each line's weak header label (see the module's docstring)."""
    texts = [line.text for line in lines]
    names = [extraction._name_pattern(a) for a in authors or [] if a.strip()]
    labels = []
    for i, text in enumerate(texts):
        words = len(text.split())
        norm = extraction._norm(text)
        if extraction.same_title(text, titles):
            labels.append("headline")
        elif body[i]:
            labels.append("body")
        elif words <= 25 and names and any(p.search(norm) for p in names):
            labels.append("byline")
        elif words <= 60 and (bp.split_credit(text) or bp.CAPTION_LABEL.match(text) or bp.CREDIT_LABEL.match(text)
                              or bp.LONE_CREDIT.match(text) or bp.NAMED_CREDIT.match(text)):
            labels.append("caption")   # before datelines: a caption often dates its photo
        elif words <= 25 and day and any(c.isdigit() for c in text) and extraction.shows_date(text, day):
            labels.append("dateline")
        else:
            labels.append("furniture")
    first_body = next((i for i, b in enumerate(body) if b), None)
    top = None
    if first_body is not None:
        top = next((i for i in range(first_body - 1, max(-1, first_body - ABOVE - 1), -1) if labels[i] == "headline"), None)
    if top is not None:
        for i in range(max(0, top - 4), top):
            if labels[i] == "furniture" and len(texts[i].split()) <= 5 and (is_crumb_trail(texts[i])
                                                                          or _is_crumb_line(texts[i], _sections(()))):
                labels[i] = "section"
        for i in range(top + 1, first_body):
            if labels[i] == "furniture" and len(texts[i].split()) >= 6 and not linkish(texts[i]):
                labels[i] = "dek"
                break
    return labels


def label_fixture(seed: Path) -> Sample:
    lines = _addresses_out(read_lines(seed.read_bytes().decode("utf-8-sig")))[0]
    meta, body, _ = split_document(seed.with_suffix(".md").read_text(encoding="utf-8"), str(seed))
    plain = re.sub(r"\\(.)", r"\1", body)
    blocks = {re.sub(r"^(?:#+|-|\*)\s*|\*$", "", b.strip()) for b in re.split(r"\n\n|\n(?=- )", plain) if b.strip()}
    labels = [int(line.text in blocks or line.text.lstrip("•·-–* ") in blocks) for line in lines]
    day = str(meta["date"])[:10] if meta.get("date") else None
    return Sample(f"fixture:{seed.stem}", lines, labels, [meta["title"]], None,
                  header_labels(lines, labels, [meta["title"]], meta.get("authors") or [], day))


def samples(pages: list[extraction.Page]) -> list[Sample]:
    """Every real page twice, as copied and with its blank lines gone (other browsers and editors copy so),
    and every fixture."""
    real = [label_real(p) for p in pages]
    flat = [Sample(s.site, [Line(line.text, line.number, False) for line in s.lines], s.body, s.titles, None, s.header)
            for s in real]
    return real + flat + [label_fixture(s) for s in sorted(FIXTURES.glob("*.txt"))]


def logistic(x: np.ndarray, y: np.ndarray, weight: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton's method: (weights, bias)."""
    n, k = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(k + 1)
    sw = np.ones(n) if weight is None else weight
    ridge = np.eye(k + 1) * L2
    ridge[k, k] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(xb @ w, -30, 30)))
        grad = xb.T @ (sw * (p - y)) + ridge @ w
        hess = (xb * (sw * p * (1 - p))[:, None]).T @ xb + ridge
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w[:k], float(w[k])


def _no_header() -> dict:
    return {"labels": list(LABELS), "features": list(HEADER_FEATURES),
            "weights": {label: [0.0] * len(HEADER_FEATURES) for label in LABELS},
            "transitions": {a: {b: 0.0 for b in LABELS} for a in LABELS}}


def _zeros(names: tuple[str, ...]) -> dict:
    return {"features": list(names), "weights": [0.0] * len(names), "bias": 0.0}


def _weight(s: Sample) -> float:
    return FIXTURE_WEIGHT if s.site.startswith("fixture:") else 1.0


def conditional_logit(groups: list[tuple[np.ndarray, list[int], float]], l2: float = L2) -> np.ndarray:
    """Weights that make the right candidate of each group (a page's candidate runs or headlines) the likeliest
    under a softmax over the group: L2-regularised, by Newton's method with its step halved until the penalised
    log-likelihood rises (a full step can overshoot where the groups are almost separable)."""
    k = groups[0][0].shape[1]

    def objective(w: np.ndarray) -> float:
        total = -0.5 * l2 * float(w @ w)
        for x, right, weight in groups:
            s = x @ w
            top = s.max()
            total += weight * (np.log(np.exp(s[right] - top).sum()) - np.log(np.exp(s - top).sum()))
        return total

    w = np.zeros(k)
    now = objective(w)
    for _ in range(100):
        grad, hess = -l2 * w, -l2 * np.eye(k)
        for x, right, weight in groups:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            mean = p @ x
            q = np.exp(s[right] - s[right].max())
            q /= q.sum()
            grad += weight * (q @ x[right] - mean)
            hess -= weight * ((x * p[:, None]).T @ x - np.outer(mean, mean))
        step = np.linalg.solve(hess, grad)
        size = 1.0
        while not objective(w - size * step) >= now:   # lower, or NaN
            size /= 2
            if size < 1e-4:
                return w   # no step raises it: as good as this method gets
        w -= size * step
        now = objective(w)
        if np.abs(size * step).max() < 1e-6:
            break
    return w


def model_json(names: tuple[str, ...], w: np.ndarray, b: float) -> dict:
    return {"features": list(names), "weights": [round(float(v), 4) for v in w], "bias": round(b, 4)}


def fit(train: list[Sample]) -> dict:
    """The params.json dict fitted on these samples."""
    rows, ys, weights = [], [], []
    for s in train:
        for row, y, line in zip(s.rows, s.body, s.lines):
            rows.append(row)
            ys.append(y)
            weights.append(_weight(s))
    w, b = logistic(np.array(rows), np.array(ys, float), np.array(weights))
    line_model = model_json(LINE_FEATURES, w, b)
    partial = {"line": line_model, "context": _zeros(CONTEXT_FEATURES), "run": _zeros(RUN_FEATURES),
               "header": _no_header(), "headline": _zeros(HEADLINE_FEATURES), "article": {"threshold": THRESHOLD, "short_words": SHORT_WORDS}}
    params = params_from(partial)
    rows, ys, weights = [], [], []
    for s in train:
        logits = line_logits(s.rows, params)
        words = [word_count(line.text) for line in s.lines]
        rows += context_features(s.lines, logits, words, SHORT_WORDS)
        ys += s.body
        weights += [_weight(s)] * len(s.lines)
    w, b = logistic(np.array(rows), np.array(ys, float), np.array(weights))
    partial["context"] = model_json(CONTEXT_FEATURES, w, b)
    params = params_from(partial)
    groups = []
    for s in train:
        words, own, prose, runs = article.candidates(s.lines, params, rows=s.rows)
        if len(runs) < 2:
            continue
        _, features = run_rows(s.lines, words, own, runs)
        cover = [sum(words[i] for i in range(r.start, r.end) if s.body[i] and words[i] >= 8) for r in runs]
        if max(cover) > 0:
            groups.append((np.array(features), [cover.index(max(cover))], _weight(s)))
    partial["run"] = model_json(RUN_FEATURES, conditional_logit(groups), 0.0)
    regions = header_regions(train, params_from(partial))
    partial["header"] = fit_header(regions)
    partial["headline"] = fit_headline(regions)
    return partial


def header_regions(train: list[Sample], params) -> list[tuple[Sample, object, int, int, list]]:
    """(sample, its Reading, the header region's lo and hi, its HEADER_FEATURES rows) for every sample whose
    article the fitted finder finds: what the CRF and the headline ranker are both fitted on, read once."""
    found = []
    for s in train:
        reading = read_article(s.lines, params, rows=s.rows)
        if reading is not None:
            (lo, hi), rows = header_rows(s.lines, reading)
            found.append((s, reading, lo, hi, rows))
    return found


def fit_header(regions: list[tuple[Sample, object, int, int, list]]) -> dict:
    """The header CRF fitted by python-crfsuite (L-BFGS) on the header regions the fitted article finder gives
    (header_regions)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params({"c1": CRF_C1, "c2": CRF_C2, "max_iterations": 300, "feature.possible_transitions": True})
    for s, _, lo, hi, rows in regions:
        xseq = [{name: x for name, x in zip(HEADER_FEATURES, row) if x} for row in rows]
        for _ in range(FIXTURE_COPIES if s.site.startswith("fixture:") else 1):
            trainer.append(xseq, s.header[lo:hi])
    with tempfile.TemporaryDirectory() as tmp:
        trainer.train(f"{tmp}/header.crfsuite")
        tagger = pycrfsuite.Tagger()
        tagger.open(f"{tmp}/header.crfsuite")
        info = tagger.info()
        tagger.close()
    state, transitions = info.state_features, info.transitions
    return {"labels": list(LABELS), "features": list(HEADER_FEATURES),
            "weights": {label: [round(state.get((f, label), 0.0), 4) for f in HEADER_FEATURES] for label in LABELS},
            "transitions": {a: {b: round(transitions.get((a, b), 0.0), 4) for b in LABELS} for a in LABELS}}


def fit_headline(regions: list[tuple[Sample, object, int, int, list]]) -> dict:
    """The headline ranker: weights that make a page's true headline the likeliest of its candidate lines
    (header.headline_candidates) under a softmax over them (conditional_logit), on every region (header_regions)
    that holds a line equal to one of its sample's titles. It reads none of the CRF's numbers, so it is fitted on
    the same pages."""
    groups = []
    for s, reading, lo, _, rows in regions:
        texts = [line.text for line in s.lines]
        candidates, features, *_ = headline_candidates(texts, reading, lo, rows, source_name(texts))
        right = [j for j, k in enumerate(candidates) if extraction.same_title(texts[lo + k], s.titles)]
        if right and len(candidates) > 1:
            groups.append((np.array(features), right, _weight(s)))
    return model_json(HEADLINE_FEATURES, conditional_logit(groups), 0.0)


FOLDS = 5
"""Sites are dealt into this many groups (by a hash of the site's name, so a site's pages stay together and the
groups do not depend on which pages are there); each group is read with numbers fitted on the others. Five, not
one a site: every fold is a whole fit, and the ratchet runs them in CI."""


def fold(site: str) -> int:
    return zlib.crc32(site.encode()) % FOLDS


def held_out(all_samples: list[Sample], review: bool = True) -> list[extraction.Result]:
    """Read every real page with numbers fitted on the samples of other sites only (fixtures always in); with
    `review`, its review marks too (review_held_out; without, only a guessed date is marked)."""
    results: list[extraction.Result] = []
    for k in range(FOLDS):
        mine = [s for s in all_samples if s.page and fold(s.site) == k]
        if not mine:
            continue
        params = params_from(fit([s for s in all_samples if s.site.startswith("fixture:") or fold(s.site) != k]))
        rules = Rules(zone="UTC", params=params, doubts=UNMARKED)
        results += [extraction.read_page(s.page, rules) for s in mine]
    return review_held_out(results) if review else results


# ---- the review marks ---------------------------------------------------------------------------------------

REVIEW_SHARE = 0.14
"""The share of each development set's training pages each field's review mark is fitted to mark at most (issue 23
asks at most 15% of pages with a headline mark: a point less, as the held-out sets mark more or fewer than the pages
fitted on); the date's, of the pages whose date was read from the page (a guessed date is always marked). Hand-set."""
REVIEW_WRONG = {"title": lambda r: r.title_right, "authors": lambda r: not r.authors if r.unsigned else r.authors_right,
                "date": lambda r: r.date_right}
"""Each field's verdict on a page, None where the truth has nothing to compare. The authors of a page whose truth
says it names no one are right when none were read: without those pages the model would learn the chance of a
wrong byline on pages that have one (an unsigned page would read as 95% wrong)."""


UNMARKED = doubts_from({field: {"features": list(names), "weights": [0.0] * len(names), "bias": 0.0, "threshold": 1.0}
                        for field, names in DOUBT_FEATURES.items()})
"""Review models that mark nothing but a guessed date: held_out reads each page's doubt features with them, and
review_held_out decides the marks with models fitted on the other folds (never the shipped data/review.json)."""


def decided(field: str, results: list[extraction.Result]) -> list[extraction.Result]:
    """The pages whose mark for `field` the fitted model decides: read, and for the date, dated from the page."""
    return [r for r in results if r.doubts and not (field == "date" and r.date_from)]


def fit_review(results: list[extraction.Result]) -> dict:
    """review.json's models: for each field a logistic model of P(the field is wrong) over its DOUBT_FEATURES, on
    pages read with numbers fitted on other sites (so the features are as a new site's would be), and the
    threshold that marks at most REVIEW_SHARE of the pages of each development set (one set's doubtful pages
    must not fill the other's share: issue 23's ceiling is per set)."""
    out = {}
    for field, names in DOUBT_FEATURES.items():
        pages = decided(field, results)
        known = [(r.doubts[field], REVIEW_WRONG[field](r)) for r in pages if REVIEW_WRONG[field](r) is not None]
        w, b = logistic(np.array([x for x, _ in known]), np.array([float(not right) for _, right in known]))
        threshold = 0.0
        for name in sorted({r.set for r in pages}):   # the strictest set's: at most REVIEW_SHARE of each set marked
            logits = np.array([r.doubts[field] for r in pages if r.set == name]) @ w + b
            chances = sorted((1 / (1 + np.exp(-np.clip(logits, -30, 30)))).tolist(), reverse=True)
            allowed = int(REVIEW_SHARE * len(chances))
            threshold = max(threshold, chances[allowed] if allowed < len(chances) else 0.0)
        out[field] = {**model_json(names, w, float(b)), "threshold": round(threshold, 4),
                      "wrong": sum(not right for _, right in known), "pages": len(pages)}
    return out


def review_held_out(results: list[extraction.Result]) -> list[extraction.Result]:
    """Each page's review marks for headline, authors and date decided by models fitted on the pages of the
    other folds (as read with their own held-out numbers): every figure held out by site."""
    out = []
    for k in range(FOLDS):
        doubts = doubts_from(fit_review([r for r in results if fold(r.site) != k]))
        for r in results:
            if fold(r.site) != k:
                continue
            if r.doubts:
                kept = [f for f in r.review if f not in DOUBT_FEATURES]
                r = replace(r, review=tuple(kept + list(marks(r.doubts, doubts, r.date_from, bool(r.authors)))))
            out.append(r)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("roots", type=Path, nargs="*", default=list(extraction.SETS))
    parser.add_argument("--held-out", action="store_true", help="score each site with models fitted on the others")
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="with --held-out: list the N worst pages")
    parser.add_argument("--failures", action="store_true", help="with --held-out: list the wrong headlines, authors, dates")
    parser.add_argument("--review", action="store_true", help="fit the review marks (data/review.json) on every page "
                                                              "read with numbers fitted on other sites")
    args = parser.parse_args(argv)
    all_samples = samples([p for root in args.roots for p in extraction.load(root)])
    if args.review:
        data = {"about": "Fitted by `python3 -m training.fit --review` on ../shared/realpages and ../shared/modernpages, "
                         "each page read with numbers fitted on other sites: per field, a logistic model of the chance "
                         "that the field read is wrong (weights per named feature, newsdigest/ingest/review.py), the "
                         "threshold over which it is marked (fitted: REVIEW_SHARE of these pages marked), and the "
                         "pages and wrong ones it was fitted on. Refit after changing a feature or the header model.",
                **fit_review(held_out(all_samples, review=False))}
        (DATA / "review.json").write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {DATA / 'review.json'}")
        return 0
    if args.held_out:
        results = held_out(all_samples)
        print(extraction.HEADER)
        for root in args.roots:
            mine = [r for r in results if r.set == root.name]
            print(extraction.table(f"{root.name}, held out", extraction.summary(mine)))
        for root in args.roots:
            print(root.name, extraction.review_quality([r for r in results if r.set == root.name]))
        if args.worst:
            print("\n".join(extraction.worst(results, args.worst)))
        if args.failures:
            print("\n".join(extraction.failures(results)))
        return 0
    data = fit(all_samples)
    data = {"about": "Fitted by training/fit.py on ../shared/realpages, ../shared/modernpages and tests/fixtures/seeds: "
                     "the models (weights per named feature) and the article threshold. Refit after changing a feature.",
            **data}
    (DATA / "params.json").write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {DATA / 'params.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
