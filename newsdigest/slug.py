"""Slugs (lowercase ASCII words joined by hyphens, safe as one path segment) and the ids feeds give articles."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Callable
import re
import unicodedata
from urllib.parse import quote, urlsplit

SYMBOLS = str.maketrans({"&": " and ", "₹": " rs ", "€": " eur ", "$": " usd ", "£": " gbp ", "%": " percent "})
MAX_LENGTH = 80
KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
"""Japanese writing: its kanji would be transliterated by their Chinese readings, which a Japanese reader does
not know, so a Japanese headline keeps its Latin words alone (or becomes item-…)."""


@lru_cache(maxsize=65536)   # tags and sections repeat across thousands of articles
def slugify(text: str) -> str:
    """'Córdoba: 6,000 votes' -> 'cordoba-6000-votes', 'Москва готовится к зиме' -> 'moskva-gotovitsia-k-zime',
    '北京' -> 'bei-jing'; never empty (a headline with nothing to transliterate: 'item-' and 8 hex digits of its
    hash), never a path.

    Letters outside ASCII are transliterated by text-unidecode (Sean Burke's Text::Unidecode tables: Latin
    letters lose their accents, ß is ss, Cyrillic, Greek, Arabic, Hebrew, Hangul, Devanagari and Chinese are
    romanized); punctuation outside ASCII is dropped, so a slug of a Latin headline is what it always was."""
    from text_unidecode import unidecode

    composed = unicodedata.normalize("NFKC", text.translate(SYMBOLS))
    if composed.isascii():   # most headlines: nothing to transliterate (unidecode leaves ASCII as it is)
        ascii_text = composed
    elif KANA.search(composed):
        ascii_text = "".join(ch if ch.isascii() else " " for ch in composed)
    else:
        ascii_text = unidecode("".join(ch for ch in composed if ch.isascii() or unicodedata.category(ch)[0] in "LMN"))
    words = re.sub(r"(?<=\d)[,.](?=\d)", "", ascii_text.lower())
    slug = "-".join(re.findall(r"[a-z0-9]+", words))
    if len(slug) > MAX_LENGTH:
        slug = slug[:MAX_LENGTH].rsplit("-", 1)[0]
    return slug or "item-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


TAG_SAFE = "/;?:@&=+$.-_!~*'(),"
"""What the specific part of a tag: URI may carry as it is; everything else is %-escaped."""
FEED_ID = re.compile(r"^(?:tag:(?:[a-z0-9._-]+@)?[a-z0-9.-]+,\d{4}(?:-\d\d(?:-\d\d)?)?:[0-9A-Za-z;/?:@&=+$.\-_!~*'()%,]+"
                     r"|https?://[0-9A-Za-z.\-:@\[\]]+(?:[/?][0-9A-Za-z;/?:@&=+$.\-_!~*'()%,#]*)?)$")
"""An id every feed reader and the W3C validator accept: a tag: URI (RFC 4151) or an http(s) address."""


def free_slug(slug: str, taken: Callable[[str], bool]) -> str:
    """`slug`, else the first of slug-2, slug-3… that `taken` says is free: one article's address on its day,
    one content file's name."""
    candidate, n = slug, 2
    while taken(candidate):
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def tag_uri(site_url: str, day: str, name: str) -> str:
    """tag:example.org,2025-06-18:name: the site's host names it, as of that day (YYYY, YYYY-MM or YYYY-MM-DD)."""
    host = (urlsplit(site_url).hostname or "").encode("idna").decode("ascii")
    return f"tag:{host if re.fullmatch(r'[a-z0-9.-]+', host) else 'localhost'},{day}:{quote(name, safe=TAG_SAFE) or 'item'}"


def feed_id(given: str, site_url: str, day: str, name: str) -> str:
    """An article's id in feeds: `given` (its front matter's) when it is a tag: or http(s) URI, else one made from
    it; with none, a tag: URI from the day and `name` (its file's slug), so retitling or a new slug keeps it."""
    if FEED_ID.match(given):
        return given
    if FEED_ID.match(quote(given, safe=TAG_SAFE + "%#")):
        return quote(given, safe=TAG_SAFE + "%#")
    return tag_uri(site_url, day, given or name)
