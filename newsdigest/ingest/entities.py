"""Tags from the text: named entities that recur, with spelling variants and demonyms merged."""

from __future__ import annotations

import re
from collections import Counter

WORD = r"[A-ZÀ-ÖØ-Þ][\w’'-]*[\w]|[A-Z]"
RUN = re.compile(rf"(?:{WORD})(?:\s+(?:(?:of|de|la|al|bin|von|van|du)\s+)?(?:{WORD}))*")
# Capitalised words that are not names: sentence starters, calendar words, honorifics and titles.
STOP = set("""a an the this that these those there their they them he she it its his her we our you your i
    in on at by for from to of with without after before during since until as and but or nor so yet if when while
    where what who whom which why how not no yes all any both each every many more most some such than then
    also however meanwhile still though although because despite according officials official said says
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    january february march april may june july august september october november december
    mr mrs ms dr sir dame lord lady prof professor president prime minister ministers secretary chancellor king queen
    prince princess pope senator sen rep governor gov mayor general gen colonel col captain judge justice chief
    leader director chairman chairwoman chair ceo spokesman spokeswoman spokesperson
    story advertisement photo image read more share new old first last next one two three four five
    breaking live update updates news report reports analysis opinion editorial comment""".split())
MAX_TAGS = 5


def tags_from_text(title: str, paragraphs: list[str], exclude: list[str] = ()) -> list[str]:
    """Return up to five named entities that occur at least twice, most frequent first; not those in `exclude`."""
    texts = paragraphs if _is_title_case(title) else [title, *paragraphs]
    runs = [(run, at_start) for text in texts for run, at_start in _runs(text)]
    named_mid_sentence = {_key(run) for run, at_start in runs if not at_start}
    counts: Counter[str] = Counter()
    spelling: dict[str, Counter[str]] = {}
    first_seen: dict[str, int] = {}
    for run, at_start in runs:
        key = _key(run)
        if at_start and key not in named_mid_sentence:
            continue   # 'Officials said…': a capital that only opens sentences is no name
        counts[key] += 1
        spelling.setdefault(key, Counter())[run] += 1
        first_seen.setdefault(key, len(first_seen))
    _merge_demonyms_and_surnames(counts, spelling)
    excluded = {_key(e) for e in exclude}
    ranked = sorted((k for k, n in counts.items() if n >= 2 and k not in excluded), key=lambda k: (-counts[k], first_seen[k]))
    return [_best_spelling(spelling[k]) for k in ranked[:MAX_TAGS]]


def _is_title_case(title: str) -> bool:
    """'Kenya Opens Emergency Shelters': every word capitalised tells nothing about names."""
    words = [w for w in title.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and all(w[:1].isupper() for w in words)


def _runs(text: str):
    """Yield (run of capitalised words, whether it opens a sentence), trimmed of stop words and possessives."""
    for sentence in re.split(r"(?<=[.!?:;”\"])\s+", text):
        starts = True
        for m in RUN.finditer(sentence):
            words = re.sub(r"[’']s\b", "", m.group()).split()
            at_start = starts and sentence[:m.start()].strip(" “\"‘'") == ""
            starts = False
            while words and words[0].lower() in STOP:
                words.pop(0)
                at_start = False
            while words and words[-1].lower() in STOP:
                words.pop()
            if not words or (len(words) == 1 and (len(words[0]) < 3 or words[0].isupper() and len(words[0]) > 5)):
                continue
            yield " ".join(words), at_start and len(words) == 1


def _key(run: str) -> str:
    """'Kim Jong-un' and 'Kim Jong Un' share a key."""
    return re.sub(r"[\s-]+", " ", run.lower()).strip()


def _merge_demonyms_and_surnames(counts: Counter, spelling: dict) -> None:
    """Fold 'Russian' into 'Russia', 'North Korean' into 'North Korea', 'Shoigu' into 'Sergei Shoigu'."""
    for key in sorted(counts, key=len, reverse=True):
        target = None
        for noun in (key[:-1], key[:-3] + "e", key[:-3] + "a", key[:-2] + "a", key[:-2], key[:-3]) if key.endswith("n") else ():
            if noun != key and noun in counts:
                target = noun
                break
        if target is None and " " not in key:
            longer = [k for k in counts if k.endswith(" " + key) and len(k.split()) <= 3]
            target = longer[0] if len(longer) == 1 else None
        if target:
            counts[target] += counts.pop(key)
            spelling.pop(key, None)


def _best_spelling(variants: Counter) -> str:
    """The most used spelling; ties go to the one with spaces over hyphens, then alphabetical."""
    return sorted(variants, key=lambda v: (-variants[v], v.count("-"), v))[0]
