"""Revise each line's prose score from the company it keeps (jusText's second pass, learned).

A short line between two paragraphs is part of the story; a sentence inside a run of short lines is a
teaser in a menu. The context model (data/params.json) reads a line's own log-odds beside its neighbours'.
"""

from __future__ import annotations

import math

from .lines import Line
from .score import Params, sigmoid


CONTEXT_FEATURES = (
    "self", "prev", "next", "prev2", "next2", "window", "window_max_before", "window_max_after",
    "short_run", "log_words", "long_self",
)


def context_features(lines: list[Line], logits: list[float], words: list[int], short_words: int
                     ) -> list[tuple[float, ...]]:
    """One vector per line, in CONTEXT_FEATURES order."""
    n = len(lines)
    runs = _short_runs(words, short_words)

    rows = []
    for i in range(n):
        def at(j: int) -> float:   # beyond the page's edges: no evidence either way, so the line's own
            return logits[j] if 0 <= j < n else logits[i]
        lo, hi = max(0, i - 3), min(n, i + 4)
        weight = sum(words[j] + 1 for j in range(lo, hi) if j != i) or 1
        window = sum(logits[j] * (words[j] + 1) for j in range(lo, hi) if j != i) / weight if hi - lo > 1 else logits[i]
        rows.append((
            logits[i], at(i - 1), at(i + 1), at(i - 2), at(i + 2), window,
            max((logits[j] for j in range(lo, i)), default=logits[i]),
            max((logits[j] for j in range(i + 1, hi)), default=logits[i]),
            math.log1p(runs[i]), math.log1p(words[i]),
            logits[i] * min(1.0, words[i] / 40),
        ))
    return rows


def smoothed(lines: list[Line], logits: list[float], words: list[int], params: Params) -> list[float]:
    """Each line's probability of being article prose, in context."""
    rows = context_features(lines, logits, words, params.short_words)
    return [sigmoid(params.context.logit(row)) for row in rows]


def _short_runs(words: list[int], short_words: int) -> list[int]:
    """For each line, the length of the run of consecutive short lines it belongs to (0 for a long line)."""
    runs = [0] * len(words)
    i = 0
    while i < len(words):
        if words[i] > short_words:
            i += 1
            continue
        j = i
        while j < len(words) and words[j] <= short_words:
            j += 1
        for k in range(i, j):
            runs[k] = j - i
        i = j
    return runs
