"""How well articles are grouped into stories, on the development set in training/fixtures/stories/.

    python3 -m training.stories            # score the shipped numbers; fit on each half of the events, score the other
    python3 -m training.stories --speed   # and time the grouping of 10,000 synthetic articles (tests/corpus.py)

Scores are B-cubed precision, recall and F1 (each article: the share of its predicted story that is its true
story, and the share of its true story found in its predicted one, averaged over articles) and pairwise F1
(over the pairs of articles put in one story). The events are split in two halves by their order (odd and
even files) and the single articles likewise; the numbers of stories.Params are fitted on one half by a grid
search for the best B-cubed F1 and scored on the other, then the halves swap. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from newsdigest.content import Article, load_article  # noqa: E402
from newsdigest.markdown import make_markdown  # noqa: E402
from newsdigest.stories import PARAMS, Params, body_text, find_stories, index_terms  # noqa: E402

FIXTURES = HERE / "fixtures" / "stories"
UTC = ZoneInfo("UTC")
GRID = {
    "same_story": [0.2, 0.25, 0.3, 0.35, 0.4],
    "shared_keys": [1, 2, 3],
    "cohesion": [0.15, 0.2, 0.25, 0.3],
    "head_boost": [1.5, 2.0],
    "zipf_zero": [6.0, 6.5],
    "key_weight": [2.0, 2.5],
    "lead_words": [50, 80, 120],
}


@dataclass(frozen=True)
class Item:
    article: Article
    event: str
    text: str
    """The body as text, to index with another lead length."""


def load_set(folder: Path = FIXTURES) -> list[Item]:
    """Every article of the set, each with its event: the file for e*.md, itself for singles.md."""
    markdown = make_markdown("https://example.org/", False)
    items = []
    for path in sorted(folder.glob("*.md")):
        if path.name == "README.md":
            continue
        for n, block in enumerate(path.read_text(encoding="utf-8").split("=== ")[1:]):
            head, title, dek, *body = block.strip("\n").split("\n")
            outlet, date, section, *lang = (x.strip() for x in head.split("|"))
            meta = (f"title: {_quoted(title.removeprefix('# '))}\ndek: {_quoted(dek.removeprefix('> '))}\ndate: {date}\n"
                    f"category: {section}\nsource_name: {_quoted(outlet)}\n" + (f"lang: {lang[0]}\n" if lang else ""))
            where = f"{path.stem}-{n}.md"
            text = f"---\n{meta}---\n\n" + "\n".join(body) + "\n"
            article = load_article(text.encode("utf-8"), where, UTC, markdown)
            article = replace(article, slug=f"{path.stem}-{n}")
            items.append(Item(article, path.stem if path.stem != "singles" else where, body_text(article.body_html)))
    return items


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def group(items: list[Item], params: Params, window_hours: int = 72) -> dict[str, str]:
    """Article source -> predicted story id."""
    found = find_stories([i.article for i in items], UTC, window_hours, "en", params=params)
    return {s: story.id for s, story in found.story_of.items()}


def scores(items: list[Item], predicted: dict[str, str]) -> dict[str, float]:
    """B-cubed precision, recall, F1 and pairwise F1."""
    truth = {i.article.source: i.event for i in items}
    by_truth: dict[str, set[str]] = {}
    by_pred: dict[str, set[str]] = {}
    for s in truth:
        by_truth.setdefault(truth[s], set()).add(s)
        by_pred.setdefault(predicted[s], set()).add(s)
    p = r = 0.0
    for s in truth:
        both = len(by_truth[truth[s]] & by_pred[predicted[s]])
        p += both / len(by_pred[predicted[s]])
        r += both / len(by_truth[truth[s]])
    p, r = p / len(truth), r / len(truth)
    pairs = lambda groups: {frozenset(x) for g in groups.values() for x in itertools.combinations(sorted(g), 2)}
    true_pairs, pred_pairs = pairs(by_truth), pairs(by_pred)
    tp = len(true_pairs & pred_pairs)
    pp, pr = (tp / len(pred_pairs) if pred_pairs else 1.0), (tp / len(true_pairs) if true_pairs else 1.0)
    return {"P": p, "R": r, "F1": 2 * p * r / (p + r), "pair F1": 2 * pp * pr / (pp + pr) if pp + pr else 0.0}


def indexed(items: list[Item], params: Params, memo: dict | None = None) -> list[Item]:
    """The items with their terms made with `params` (as the loader makes them with the shipped ones)."""
    key = (params.lead_words, params.zipf_zero, params.zipf_floor, params.terms, params.keys, params.key_weight,
           params.head_boost)
    if memo is not None and key in memo:
        return memo[key]
    terms = lambda i: index_terms(i.article.title, i.article.dek, i.text, i.article.extra.get("lang", "en"), params)
    out = [replace(i, article=replace(i.article, terms=terms(i))) for i in items]
    if memo is not None:
        memo[key] = out
    return out


def fit(items: list[Item]) -> tuple[Params, dict[str, float]]:
    """The grid point whose neighbourhood scores best on `items`: the mean B-cubed F1 of the point and of its
    neighbours one step away along each axis (the middle of a plateau rather than a lone peak); among
    equals the first in grid order. Returns it with its own scores."""
    names = list(GRID)
    table: dict[tuple[int, ...], dict[str, float]] = {}
    memo: dict = {}
    for at in itertools.product(*(range(len(GRID[k])) for k in names)):
        params = replace(PARAMS, **{k: GRID[k][i] for k, i in zip(names, at)})
        items_now = indexed(items, params, memo)
        table[at] = scores(items_now, group(items_now, params))

    def smoothed(at: tuple[int, ...]) -> float:
        near = [at] + [at[:n] + (at[n] + d,) + at[n + 1:] for n in range(len(at)) for d in (-1, 1)
                       if 0 <= at[n] + d < len(GRID[names[n]])]
        return sum(table[x]["F1"] for x in near) / len(near)

    best = max(sorted(table), key=smoothed)
    return replace(PARAMS, **{k: GRID[k][i] for k, i in zip(names, best)}), table[best]


def halves(items: list[Item]) -> tuple[list[Item], list[Item]]:
    """Odd and even events (files in name order); the single articles likewise, by their order."""
    events = sorted({i.event for i in items})
    side = {e: n % 2 for n, e in enumerate(events)}
    return [i for i in items if side[i.event] == 0], [i for i in items if side[i.event] == 1]


def row(name: str, s: dict[str, float], n: int) -> str:
    return f"| {name} | {n} | {s['P']:.3f} | {s['R']:.3f} | {s['F1']:.3f} | {s['pair F1']:.3f} |"


def speed(n: int = 10_000, runs: int = 3) -> None:
    """Group n synthetic articles (tests/corpus.py) from scratch, as a cold build does: median of `runs`."""
    import statistics
    from tests.corpus import content_text

    markdown = make_markdown("https://example.org/", False)
    articles = [load_article(content_text(i).encode(), f"content/a{i:06d}.md", UTC, markdown) for i in range(n)]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        found = find_stories(articles, UTC, 72, "en")
        times.append(time.perf_counter() - started)
    many = sum(1 for s in found.stories if len(s.articles) > 1)
    print(f"\ngrouping {n:,} articles from scratch, one process: median {statistics.median(times):.2f} s "
          f"(min {min(times):.2f}, max {max(times):.2f}); {len(found.stories):,} stories, {many:,} of 2+ articles")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--speed", action="store_true", help="also time grouping 10,000 synthetic articles")
    args = parser.parse_args()
    items = load_set()
    events = {i.event for i in items if not i.event.startswith("singles")}
    print(f"development set: {len(items)} articles, {len(events)} events of 3-5 articles, "
          f"{sum(1 for i in items if i.event.startswith('singles'))} single articles")
    print("\n| scored on | articles | B-cubed P | B-cubed R | B-cubed F1 | pairwise F1 |\n|---|---:|---:|---:|---:|---:|")
    shipped = indexed(items, PARAMS)
    print(row("all, shipped numbers", scores(shipped, group(shipped, PARAMS)), len(items)))
    a, b = halves(items)
    for name, train, test in (("A", a, b), ("B", b, a)):
        params, fitted = fit(train)
        held = indexed(test, params)
        print(row(f"half {'B' if name == 'A' else 'A'}, held out (fitted on {name}: {fitted['F1']:.3f})",
                  scores(held, group(held, params)), len(test)), flush=True)
        print(f"  fitted on {name}: " + ", ".join(f"{k}={getattr(params, k)}" for k in GRID))
    params, fitted = fit(items)
    print("\nfitted on all: " + ", ".join(f"{k}={getattr(params, k)}" for k in GRID) + f" (B-cubed F1 {fitted['F1']:.3f})")
    if args.speed:
        speed()


if __name__ == "__main__":
    main()
