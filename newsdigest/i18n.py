"""Languages, from Unicode's CLDR data through Babel: language tags, writing directions, and the site's
words, dates and numbers in its language.

A language tag here is BCP 47 with an ISO 639 primary subtag ('de', 'pt-BR', 'zh-Hant', 'ckb'), as
`<html lang>`, the front matter's `lang:` and `site.language` give it.
"""

from __future__ import annotations

import re
from functools import lru_cache

TAG = re.compile(r"^([A-Za-z]{2,3})((?:[-_][A-Za-z]{4})?)((?:[-_](?:[A-Za-z]{2}|\d{3}))?)((?:[-_][A-Za-z0-9]{5,8})*)$")
"""language [-script] [-region] [-variant…]: what a page, a person or a config file writes."""


@lru_cache(maxsize=1)
def _language_names() -> dict[str, str]:
    """CLDR's languages, code -> English name ('de' -> 'German'): every ISO 639-1 code and many 639-3 ones."""
    from babel import Locale

    return dict(Locale("en").languages)


@lru_cache(maxsize=4096)
def language_tag(text: str) -> str:
    """'PT_br' -> 'pt-BR', 'zh-hant' -> 'zh-Hant'; '' when `text` is no language tag, or names a language
    CLDR does not know ('xx', 'english')."""
    m = TAG.match(text.strip())
    if not m or m[1].lower() not in _language_names():
        return ""
    script, region = m[2][1:].title(), m[3][1:].upper()
    return "-".join(part for part in (m[1].lower(), script, region, *m[4][1:].replace("_", "-").split("-")) if part)


def primary(tag: str) -> str:
    """'pt-BR' -> 'pt': the language, without script, region or variant."""
    return tag.replace("_", "-").split("-", 1)[0].lower()


def code_for_name(name: str) -> str:
    """The code of a language given by its English name ('German' -> 'de'), or ''."""
    wanted = name.strip().lower()
    codes = [code for code, english in _language_names().items() if english.lower() == wanted and "_" not in code]
    return min(codes, key=len, default="")


@lru_cache(maxsize=1024)
def direction(tag: str) -> str:
    """'rtl' for a language written right to left (Arabic, Hebrew, Persian, Urdu, Sorani Kurdish, …, and a
    tag with such a script: 'uz-Arab'), else 'ltr', as CLDR says; 'ltr' for a language CLDR has no data for."""
    from babel import Locale, UnknownLocaleError

    parts = tag.replace("_", "-").split("-")
    script = next((p for p in parts[1:] if len(p) == 4), "")
    for candidate in ([f"{parts[0]}-{script}"] if script else []) + [parts[0]]:
        try:
            return "rtl" if Locale.parse(candidate, sep="-").character_order == "right-to-left" else "ltr"
        except (UnknownLocaleError, ValueError):
            continue
    return "ltr"
