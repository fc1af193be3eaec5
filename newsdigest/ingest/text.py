"""Plain-text helpers for ingestion: split sentences, summarise, escape Markdown."""

from __future__ import annotations

import re

ABBREVIATIONS = set("mr mrs ms dr st jr sr gen col lt sgt capt prof rep sen gov no vs etc inc ltd co corp dept est "
                    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m i.e e.g".split())
STOPS = ".!?…。！？।॥۔؟။។።"
"""What ends a sentence: the Latin script's stops, the CJK ones, Devanagari's danda (।, ॥), Urdu's full stop (۔),
the Arabic question mark (؟), and the Burmese, Khmer and Ethiopic full stops (။, ។, ።)."""
UNCASED_STOPS = "。！？।॥۔؟။។።"
"""Those of scripts without capitals, where a stop inside a line ends a sentence whatever follows it."""
SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’')]*\s+(?=[“\"‘'(]?[A-Z0-9])")


def sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, not at 'Mr.', 'U.S.' or initials."""
    out, start = [], 0
    for m in SENTENCE_END.finditer(paragraph):
        before = paragraph[start:m.start()].split()
        last = before[-1].rstrip(".!?”\"’')").lower() if before else ""
        if last in ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        out.append(paragraph[start:m.end()].strip())
        start = m.end()
    out.append(paragraph[start:].strip())
    return [s for s in out if s]


def summarize(paragraphs: list[str], limit: int = 300) -> str:
    """The first one or two sentences, at most `limit` characters, never cut mid-word."""
    if not paragraphs:
        return ""
    parts = sentences(paragraphs[0])
    summary = parts[0]
    if len(parts) > 1 and len(summary) + len(parts[1]) < limit // 2:
        summary += " " + parts[1]
    if len(summary) > limit:
        summary = summary[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return summary


INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>~|])|&(?=#?\w+;)")
BLOCK_START = re.compile(r"^(#{1,6}(?=\s|$)|>|[-+*=](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|={3,}|-{3,})")


def escape_markdown(text: str) -> str:
    """Escape text so Markdown shows it as typed: no emphasis, links, headings or lists by accident."""
    text = INLINE_SPECIAL.sub(lambda m: "\\" + (m.group(1) or "&"), text)
    m = BLOCK_START.match(text)
    if m:
        end = m.end()
        text = text[:end] + "\\" + text[end:] if m.group(1)[0].isdigit() else "\\" + text
    return text
