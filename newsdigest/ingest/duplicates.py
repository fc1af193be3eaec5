"""Seeds that are nearly the same article: the same story copied twice, one sentence apart.

Two articles are near-duplicates when at least THRESHOLD of their words (their normalised text, the
fingerprint ingestion already keeps) are the same words in the same order (difflib's ratio over the
word lists). That counts a changed sentence once; overlapping runs of words would count each changed
word SHINGLE times, which makes a short story with one sentence changed look like another story.

The cost of one comparison is bounded whatever the seeds hold (a 1.5 MB line pasted into each, a text
repeated 400 times): only the opening WINDOW words of each article are compared word by word, and an
article longer than that counts as much like the other as its window is, no more than their lengths allow
(the ratio's own bound, 2 x shorter / both). Every news article of the benchmarks fits in the window.

To find the candidates among thousands without comparing every pair, the opening SKETCH_WORDS words
of each article are cut into overlapping runs of SHINGLE words, and the article is indexed by the
SKETCH smallest hashes of those runs (a bottom-k sketch): a near-duplicate shares most of them (even
with a sentence changed in its opening), a different story almost none; only the CANDIDATES sharing the
most, and at least SHARED, are compared word by word, so a folder of seeds that all look alike costs a
fixed number of comparisons a seed, not one per seed before it.
"""

from __future__ import annotations

import zlib
from difflib import SequenceMatcher

SHINGLE = 5
THRESHOLD = 0.9
SKETCH = 16
SHARED = 4
SKETCH_WORDS = 200
"""The opening is enough to find candidates, at a third of the cost of the whole text (ingestion's speed)."""
WINDOW = 1000
"""Words of each article compared word by word: at most ~0.3 s a pair in the worst case (one word repeated)."""
CANDIDATES = 3
"""Articles a new one is compared with, those sharing the most of its sketch."""


def shingles(text: str) -> set[int]:
    words = text.split()
    if len(words) < SHINGLE:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {zlib.crc32(" ".join(words[i:i + SHINGLE]).encode()) for i in range(len(words) - SHINGLE + 1)}


def sketch(text: str) -> tuple[int, ...]:
    return tuple(sorted(shingles(" ".join(text.split(maxsplit=SKETCH_WORDS)[:SKETCH_WORDS])))[:SKETCH])


def opening(text: str) -> tuple[list[str], int]:
    """(the first WINDOW words, how many words the text has)."""
    words = text.split()
    return words[:WINDOW], len(words)


def similarity(a: str, b: str) -> float:
    """The share of words two texts have in the same order, 0 to 1 (see the module's docstring)."""
    return _similarity(opening(a), opening(b))


def _similarity(a: tuple[list[str], int], b: tuple[list[str], int]) -> float:
    (words_a, total_a), (words_b, total_b) = a, b
    ratio = SequenceMatcher(None, words_a, words_b, autojunk=False).ratio()
    if total_a <= WINDOW and total_b <= WINDOW:
        return ratio
    return ratio * 2 * min(total_a, total_b) / (total_a + total_b)


class NearDuplicates:
    """The articles seen so far, by name, and the one a new text nearly repeats."""

    def __init__(self) -> None:
        self.index: dict[int, list[str]] = {}
        self.openings: dict[str, tuple[list[str], int]] = {}

    def add(self, name: str, text: str, sketched: tuple[int, ...] | None = None) -> tuple[int, ...]:
        sketched = sketch(text) if sketched is None else sketched
        self.openings[name] = opening(text)
        for h in sketched:
            self.index.setdefault(h, []).append(name)
        return sketched

    def match(self, text: str, sketched: tuple[int, ...] | None = None) -> tuple[str, float] | None:
        """The article `text` (whose sketch is `sketched`) nearly repeats, with the similarity; None when
        there is none."""
        shared: dict[str, int] = {}
        for h in sketch(text) if sketched is None else sketched:
            for name in self.index.get(h, ()):
                shared[name] = shared.get(name, 0) + 1
        candidates = sorted((n for n in shared.items() if n[1] >= SHARED), key=lambda n: (-n[1], n[0]))[:CANDIDATES]
        if not candidates:
            return None
        mine = opening(text)
        best = max((_similarity(mine, self.openings[name]), name) for name, _ in candidates)
        return (best[1], best[0]) if best[0] >= THRESHOLD else None
