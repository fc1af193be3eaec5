"""Score each line as article prose or page furniture, from signals that hold for any outlet and language.

Every line gets a vector of measurable features (length, sentence punctuation, casing, link shape, furniture
words, repeats, blank lines around it, position); a logistic model whose weights live in data/params.json
turns it into a probability. Nothing here names a site. `smooth.py` then revises each score from its
neighbours.
"""

from __future__ import annotations

import json
import math
import re
from operator import itemgetter, mul
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import boilerplate as bp
from .bylines import is_byline_or_dateline
from .lines import Line
from .text import STOPS, UNCASED_STOPS

DATA = Path(__file__).parent / "data"
WORDS = bp.WORDS
SETTINGS = json.loads((DATA / "settings.json").read_text(encoding="utf-8"))


def setting(group: str, name: str):
    """A hand-set threshold of the reader (data/settings.json)."""
    return SETTINGS[group][name]["value"]
FURNITURE = bp.FURNITURE
STOP = bp.STOP

SENTENCE_END = re.compile(rf"[{STOPS}:：][\"'”’»)\]]*$")
SENTENCE_INSIDE = re.compile(rf"[.!?。！？][\"'”’»)]*\s+[\"'“‘«(]?[A-ZÀ-ÖØ-ÞА-Я0-9]|[{UNCASED_STOPS}]")
LINK_HINTS = ("@", "://", "www.", ".com", ".org", ".net", ".co", ".COM", "WWW.")
"""Cheap tests before LINKISH: a line without any of these holds no address."""
LINKISH = re.compile(r"https?://|www\.|[\w.+-]@[\w-]+\.\w|(?<!\w)@\w{2,}|\.(?:com|org|net|co\.\w\w)\b", re.I)
SEPARATORS = re.compile(r"\s[|•·›»/]\s|\s[|•·›»]|[|•·›»]\s")
WIDE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
QUOTE_START = tuple("\"“‘'«„")
BULLET_START = re.compile(r"^(?:[•·▪◦●\-–*]\s|\d{1,2}[.)]\s)")
WORD = re.compile(r"[^\W\d_]+", re.U)
PUNCTUATION = re.compile(r"[.,;:!?()\"“”«»、，。！？：；]")

LINE_FEATURES = (
    "log_words", "short", "long", "ends_sentence", "sentences", "commas", "capitalized", "all_caps", "starts_lower",
    "digits", "linkish", "noise", "furniture", "byline_or_dateline", "repeated", "separators", "gap_before", "gap_after",
    "position", "word_length", "quote", "bullet", "unpunctuated", "stop_words", "edge", "caption",
)


@dataclass(frozen=True)
class Model:
    """A logistic model: named features, their weights, a bias."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float

    def logit(self, row: tuple[float, ...]) -> float:
        return self.bias + sum(map(mul, self.weights, row))


@dataclass(frozen=True)
class CRF:
    """A linear-chain CRF: a weight per (feature, label), a weight per pair of labels one after the other."""

    labels: tuple[str, ...]
    features: tuple[str, ...]
    weights: tuple[tuple[float, ...], ...]
    """weights[label][feature]."""
    transitions: tuple[tuple[float, ...], ...]
    """transitions[label before][label after]."""

    def __post_init__(self):
        object.__setattr__(self, "exp_transitions", tuple(tuple(math.exp(x) for x in row) for row in self.transitions))

    def emissions(self, row: tuple[float, ...]) -> list[float]:
        """Each label's score for one line's features."""
        return [sum(map(mul, weights, row)) for weights in self.weights]


@dataclass(frozen=True)
class Params:
    """The numbers the reader uses: fitted models and thresholds (data/params.json)."""

    line: Model
    context: Model
    run: Model
    header: CRF
    headline: Model
    """The headline ranker: a score per candidate line (header.HEADLINE_FEATURES), the page's highest taken."""
    threshold: float
    """A line counts for the article when its smoothed probability is above this."""
    short_words: int
    """Lines of at most this many words are 'short': menu items, labels, subheads."""


class ParamsMismatch(ValueError):
    """The fitted numbers were fitted for other features than the code computes: refit (training/fit.py)."""


@lru_cache(maxsize=1)
def default_params() -> Params:
    return params_from(json.loads((DATA / "params.json").read_text(encoding="utf-8")))


def params_from(data: dict) -> Params:
    """The fitted numbers, each model's feature names checked against the names the code computes."""
    from .article import RUN_FEATURES
    from .header import HEADER_FEATURES, HEADLINE_FEATURES, LABELS
    from .smooth import CONTEXT_FEATURES

    def model(key: str, names: tuple[str, ...]) -> Model:
        d = data[key]
        _check(key, tuple(d["features"]), names)
        if len(d["weights"]) != len(names):
            raise ParamsMismatch(f"params.json: '{key}' has {len(d['weights'])} weights for {len(names)} features")
        return Model(names, tuple(d["weights"]), d["bias"])

    h = data["header"]
    _check("header", tuple(h["features"]), HEADER_FEATURES)
    _check("header labels", tuple(h["labels"]), LABELS)
    weights = tuple(tuple(h["weights"][label]) for label in LABELS)
    if any(len(ws) != len(HEADER_FEATURES) for ws in weights):
        raise ParamsMismatch("params.json: 'header' weights do not match its features")
    header = CRF(LABELS, HEADER_FEATURES, weights,
                 tuple(tuple(h["transitions"][a][b] for b in LABELS) for a in LABELS))
    return Params(model("line", LINE_FEATURES), model("context", CONTEXT_FEATURES), model("run", RUN_FEATURES), header,
                  model("headline", HEADLINE_FEATURES), data["article"]["threshold"], data["article"]["short_words"])


def _check(key: str, found: tuple[str, ...], names: tuple[str, ...]) -> None:
    if found != names:
        missing, extra = sorted(set(names) - set(found)), sorted(set(found) - set(names))
        raise ParamsMismatch(f"params.json: '{key}' was fitted for other features (missing {missing}, unknown "
                             f"{extra}, or another order): refit with python3 -m training.fit")


def word_count(text: str) -> int:
    """Words, counting two Chinese or Japanese characters as one (they are written without spaces)."""
    wide = len(WIDE_SCRIPT.findall(text))
    return len(text.split()) + (wide + 1) // 2 - (1 if wide and not text.split() else 0)


def line_features(lines: list[Line], noise: tuple[re.Pattern, ...] = ()) -> list[tuple[float, ...]]:
    """One feature vector per line, in LINE_FEATURES order."""
    counts = Counter(line.text for line in lines)
    n = len(lines)
    gaps = [float(line.gap) for line in lines] + [1.0]
    if not 0.02 <= sum(gaps[1:-1]) / max(1, n - 1) <= 0.95:
        gaps = [0.5] * (n + 1)   # a copy without blank lines (or with one after every line) tells nothing by them
    rows = []
    last = max(1, n - 1)
    for i, line in enumerate(lines):
        own = _text_features(line.text, noise)
        rows.append((*own[:14], float(counts[line.text] > 1), own[14], gaps[i], gaps[i + 1], i / last, *own[15:-1],
                     min(i, n - 1 - i) / last, own[-1]))
    return rows


@lru_cache(maxsize=16384)
def letter_words(text: str) -> tuple[str, ...]:
    """The line's words of letters (no digits, no punctuation), as written."""
    return tuple(WORD.findall(text))


@lru_cache(maxsize=16384)
def _text_features(text: str, noise: tuple[re.Pattern, ...]) -> tuple[float, ...]:
    """The features a line has by its text alone (a line repeated across seeds is measured once)."""
    words = word_count(text)
    letters = letter_words(text)
    capitalized, shouted, digits, stop_words = letter_shape(text)
    return (
        math.log1p(words),
        float(words <= 3),
        float(words >= 15),
        float(bool(SENTENCE_END.search(text))),
        min(3, len(SENTENCE_INSIDE.findall(text))) / 3,
        min(1.0, (text.count(",") + text.count(";") + text.count("、") + text.count("，")) / max(1, words) * 4),
        capitalized,
        shouted,
        float(text[:1].islower()),
        digits,
        float(linkish(text)),
        float(bp.is_noise(text, noise)),
        furniture_share(text),
        float(is_byline_or_dateline(text)),
        min(1.0, len(SEPARATORS.findall(text)) / max(1, words) * 3),
        min(1.0, (sum(map(len, letters)) / len(letters) if letters else 0) / 10),
        float(text.startswith(QUOTE_START)),
        float(bool(BULLET_START.match(text))),
        float(words >= 12 and not PUNCTUATION.search(text)),
        stop_words,
        float(bp.is_caption_or_credit(text)),
    )


@lru_cache(maxsize=16384)
def letter_shape(text: str) -> tuple[float, float, float, float]:
    """(the share of capitalised words among the cased ones, 0.5 with none; 1.0 when shouted: two cased words or
    more, all in capitals; the share of digits among the characters other than spaces; the share of common
    words among the words of letters): what both the line's score and the header's labels read of its letters."""
    letters = letter_words(text)
    initials = "".join(map(itemgetter(0), letters))
    upper = sum(map(str.isupper, initials))
    cased = upper + sum(map(str.islower, initials))
    chars = max(1, len(text) - text.count(" "))
    return (upper / cased if cased else 0.5,
            float(cased >= 2 and text.upper() == text),
            sum(map(str.isdigit, text)) / chars,
            sum(map(STOP.__contains__, map(str.lower, letters))) / len(letters) if letters else 0.0)


@lru_cache(maxsize=16384)
def linkish(text: str) -> bool:
    """An address, a handle or a domain in the line."""
    return any(hint in text for hint in LINK_HINTS) and bool(LINKISH.search(text))


@lru_cache(maxsize=16384)
def furniture_share(text: str) -> float:
    """The share of a line's words that menus and widgets are made of."""
    words = letter_words(text)
    return sum(map(FURNITURE.__contains__, map(str.lower, words))) / len(words) if words else 0.0


def title_like(text: str, words: int) -> bool:
    """Shaped like a headline: a few words, no final full stop, not furniture, not an address. A longer
    headline may hold a word or two that menus use too ('Home Depot shares plunge')."""
    return (3 <= words <= 30 and not text.endswith(".") and not bp.is_noise(text)
            and furniture_share(text) < (0.5 if words >= 5 else 0.3) and not linkish(text))


def sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, x))))


def line_logits(rows: list[tuple[float, ...]], params: Params) -> list[float]:
    """Each line's log-odds of being article prose, by itself."""
    return [params.line.logit(row) for row in rows]
