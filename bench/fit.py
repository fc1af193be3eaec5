"""Fit the reader's models on real pages and on our fixtures; report how they do on sites left out.

    python3 -m bench.fit ../shared/realpages            # fit on every page, write newsdigest/ingest/data/params.json
    python3 -m bench.fit ../shared/realpages --held-out # leave each site out in turn: fit on the others, read it

Three small logistic models, each a handful of named features (newsdigest/ingest/score.py, smooth.py,
header.py): a line alone is prose or furniture; a line in its neighbours' company; a line is the headline.
Labels come from the benchmark's ground truth (a line is article text when most of its word 4-grams are in
the true body; the headline is a line equal to one of the true titles) and from tests/fixtures/seeds.
Needs numpy (requirements-dev.txt); the build itself only reads the fitted numbers.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench import extraction  # noqa: E402
from newsdigest.content import split_document  # noqa: E402
from newsdigest.ingest import decode_seed  # noqa: E402
from newsdigest.ingest import article  # noqa: E402
from newsdigest.ingest.article import RUN_FEATURES, read_article, run_rows  # noqa: E402
from newsdigest.ingest.header import TITLE_FEATURES, title_rows  # noqa: E402
from newsdigest.ingest.lines import Line, read_lines  # noqa: E402
from newsdigest.ingest.parse import Rules  # noqa: E402
from newsdigest.ingest.score import DATA, LINE_FEATURES, line_features, line_logits, params_from, word_count  # noqa: E402
from newsdigest.ingest.smooth import CONTEXT_FEATURES, context_features  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures" / "seeds"
THRESHOLD = 0.5
"""A line is in the article when the model thinks it more likely than not: not tuned."""
SHORT_WORDS = 3
L2 = 1.0
TITLE_L2 = 3.0
"""The headline model has many features for few pages: it is held closer to zero (chosen on held-out sites)."""
FIXTURE_WEIGHT = 10.0
"""Our fixtures stand for seeds copied cleanly (no menus, often no blank lines): few lines, so they count more."""


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
    rows: list = None
    """The lines' features (they do not depend on the fitted numbers)."""

    def __post_init__(self):
        self.rows = line_features(self.lines)


def label_real(page: extraction.Page) -> Sample:
    lines = read_lines(decode_seed(page.raw, page.key)[0])
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
    return Sample(page.site, lines, labels, page.truth["titles"], page)


def label_fixture(seed: Path) -> Sample:
    lines = read_lines(seed.read_bytes().decode("utf-8-sig"))
    meta, body, _ = split_document(seed.with_suffix(".md").read_text(encoding="utf-8"), str(seed))
    plain = re.sub(r"\\(.)", r"\1", body)
    blocks = {re.sub(r"^(?:#+|-|\*)\s*|\*$", "", b.strip()) for b in re.split(r"\n\n|\n(?=- )", plain) if b.strip()}
    labels = [int(line.text in blocks or line.text.lstrip("•·-–* ") in blocks) for line in lines]
    return Sample(f"fixture:{seed.stem}", lines, labels, [meta["title"]], None)


def samples(root: Path) -> list[Sample]:
    """Every real page twice, as copied and with its blank lines gone (other browsers and editors copy so),
    and every fixture."""
    real = [label_real(p) for p in extraction.load(root)]
    flat = [Sample(s.site, [Line(line.text, line.number, False) for line in s.lines], s.body, s.titles, None) for s in real]
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


def _zeros(names: tuple[str, ...]) -> dict:
    return {"features": list(names), "weights": [0.0] * len(names), "bias": 0.0}


def _weight(s: Sample) -> float:
    return FIXTURE_WEIGHT if s.site.startswith("fixture:") else 1.0


def conditional_logit(groups: list[tuple[np.ndarray, list[int], float]], l2: float = L2) -> np.ndarray:
    """Weights that make the right candidate of each group (a page's candidate headlines) the likeliest under
    a softmax over the group: L2-regularised, by Newton's method."""
    k = groups[0][0].shape[1]
    w = np.zeros(k)
    for _ in range(100):
        grad, hess = -l2 * w, -l2 * np.eye(k)
        for x, right, weight in groups:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            mean = p @ x
            q = p[right] / p[right].sum()
            grad += weight * (q @ x[right] - mean)
            hess -= weight * ((x * p[:, None]).T @ x - np.outer(mean, mean))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
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
               "title": _zeros(TITLE_FEATURES), "article": {"threshold": THRESHOLD, "short_words": SHORT_WORDS}}
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
    params = params_from(partial)
    groups = []
    for s in train:
        reading = read_article(s.lines, params, rows=s.rows)
        if reading is None:
            continue
        candidates, features, _ = title_rows(s.lines, reading.words, reading.prose, reading.run, params)
        right = [k for k, i in enumerate(candidates) if extraction.same_title(s.lines[i].text, s.titles)]
        if right and len(candidates) > 1:
            groups.append((np.array(features), right, _weight(s)))
    w, b = conditional_logit(groups, TITLE_L2), 0.0
    partial["title"] = model_json(TITLE_FEATURES, w, b)
    return partial


def held_out(all_samples: list[Sample]) -> tuple[dict, list[extraction.Result]]:
    """Leave each real site out in turn: fit on every other sample, read that site's pages."""
    results: list[extraction.Result] = []
    sites = sorted({s.site for s in all_samples if s.page})
    for site in sites:
        params = params_from(fit([s for s in all_samples if s.site != site]))
        rules = Rules(zone="UTC", params=params)
        results += [extraction.read_page(s.page, rules) for s in all_samples if s.site == site and s.page]
    return extraction.summary(results), results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--held-out", action="store_true", help="score each site with models fitted on the others")
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="with --held-out: list the N worst pages")
    args = parser.parse_args(argv)
    all_samples = samples(args.root)
    if args.held_out:
        summary, results = held_out(all_samples)
        print(extraction.HEADER)
        print(extraction.table("held out: each site read with models fitted on the others", summary))
        print(extraction.review_quality(results))
        if args.worst:
            print("\n".join(extraction.worst(results, args.worst)))
        return 0
    data = fit(all_samples)
    data = {"about": "Fitted by bench/fit.py on ../shared/realpages and tests/fixtures/seeds: logistic models "
                     "(weights per named feature, and a bias) and the article threshold. Refit after changing a feature.",
            **data}
    (DATA / "params.json").write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {DATA / 'params.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
