"""Seeds that are nearly the same article: the same story copied twice, one sentence apart.

Two articles are near-duplicates when at least THRESHOLD of their words (their normalised text, the
fingerprint ingestion already keeps) are the same words in the same order (difflib's ratio over the
word lists). That counts a changed sentence once; overlapping runs of words would count each changed
word SHINGLE times, which makes a short story with one sentence changed look like another story.

To find the candidates among thousands without comparing every pair, the opening SKETCH_WORDS words
of each article are cut into overlapping runs of SHINGLE words, and the article is indexed by the
SKETCH smallest hashes of those runs (a bottom-k sketch): a near-duplicate shares most of them (even
with a sentence changed in its opening), a different story almost none; only candidates sharing at
least SHARED are compared word by word.
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


def shingles(text: str) -> set[int]:
    words = text.split()
    if len(words) < SHINGLE:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {zlib.crc32(" ".join(words[i:i + SHINGLE]).encode()) for i in range(len(words) - SHINGLE + 1)}


def sketch(text: str) -> tuple[int, ...]:
    return tuple(sorted(shingles(" ".join(text.split()[:SKETCH_WORDS])))[:SKETCH])


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


class NearDuplicates:
    """The articles seen so far, by name, and the one a new text nearly repeats."""

    def __init__(self) -> None:
        self.index: dict[int, list[str]] = {}
        self.texts: dict[str, str] = {}

    def add(self, name: str, text: str, sketched: tuple[int, ...] | None = None) -> tuple[int, ...]:
        sketched = sketch(text) if sketched is None else sketched
        self.texts[name] = text
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
        best = max(((similarity(text, self.texts[name]), name) for name, n in shared.items() if n >= SHARED),
                   default=(0.0, ""))
        return (best[1], best[0]) if best[0] >= THRESHOLD else None
