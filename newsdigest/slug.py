"""Slugs: lowercase ASCII words joined by hyphens, safe as one path segment."""

from __future__ import annotations

import hashlib
from functools import lru_cache
import re
import unicodedata

SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d",
                         "Đ": "D", "þ": "th", "Þ": "Th", "œ": "oe", "Œ": "OE", "ı": "i", "&": " and ", "₹": " rs ",
                         "€": " eur ", "$": " usd ", "£": " gbp ", "%": " percent "})
MAX_LENGTH = 80


@lru_cache(maxsize=65536)   # tags and sections repeat across thousands of articles
def slugify(text: str) -> str:
    """'Córdoba: 6,000 votes' -> 'cordoba-6000-votes'; never empty, never a path."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(SPECIAL)).encode("ascii", "ignore").decode()
    words = re.sub(r"(?<=\d)[,.](?=\d)", "", ascii_text.lower())
    slug = "-".join(re.findall(r"[a-z0-9]+", words))
    if len(slug) > MAX_LENGTH:
        slug = slug[:MAX_LENGTH].rsplit("-", 1)[0]
    return slug or "item-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
