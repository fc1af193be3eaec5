"""Addresses already published stay put: before the digest is made, each article is given a slug no other
article has on its day, and an article keeps the address site/ publishes it at.

site/ says who holds an address: each article page carries its article's id (the feeds' id) in its JSON-LD.
Only addresses that something could contest are read: a day's folders named like an article's slug with a
number after it (a collision settled by an earlier build), or a slug two articles share now.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Callable
from zoneinfo import ZoneInfo

from .content import Article
from .errors import Problems
from .feeds import article_id
from .slug import free_slug

JSON_LD = re.compile(rb'<script type="application/ld\+json">(.*?)</script>', re.S)
NUMBERED = re.compile(r"(.+)-\d+")


def keep_published_urls(articles: list[Article], output: Path, zone: ZoneInfo, site_url: str,
                        problems: Problems) -> list[Article]:
    """The articles, each with a slug of its own on its day (YYYY/MM/DD/slug/). An article keeps the address
    site/ publishes it at, when that is still its slug or its slug with a number (-2, -3…); the others take
    their slug when it is free, else the next free number (with a warning), the earliest dated first; an
    article's own slug goes before another's numbered one."""
    folder: dict = {}   # a local date -> its folder, YYYY/MM/DD (formatted once a day, not once an article)
    day_of = {a.source: folder.get(d) or folder.setdefault(d, f"{d:%Y/%m/%d}")
              for a in articles for d in (a.date.astimezone(zone).date(),)}
    by_source = {a.source: a for a in articles}
    sharing: dict[tuple[str, str], list[Article]] = defaultdict(list)
    for a in articles:
        sharing[(day_of[a.source], a.slug)].append(a)
    taken: dict[tuple[str, str], str] = {}
    """(day, slug) -> the source that holds it."""
    for (day, slug), source in published_holders(sharing, output, lambda: {article_id(a, site_url): a.source for a in articles}):
        a = by_source[source]
        if day == day_of[source] and source not in taken.values() and re.fullmatch(rf"{re.escape(a.slug)}(?:-\d+)?", slug):
            taken[(day, slug)] = source
    slug_of = {source: slug for (day, slug), source in taken.items()}
    contested = []
    for a in articles:   # a slug no one else has on its day, free: taken as it is (most articles, most builds)
        key = (day_of[a.source], a.slug)
        if a.source not in slug_of and len(sharing[key]) == 1 and key not in taken:
            taken[key], slug_of[a.source] = a.source, a.slug
        elif a.source not in slug_of:
            contested.append(a)
    for a in sorted(contested, key=lambda a: (a.date, a.source)):
        day = day_of[a.source]
        slug = free_slug(a.slug, lambda s: (day, s) in taken)
        taken[(day, slug)], slug_of[a.source] = a.source, slug
    out = []
    for a in articles:
        slug, day = slug_of[a.source], day_of[a.source]
        if slug != a.slug:
            holder = taken.get((day, a.slug))
            if holder and holder != a.source:
                problems.warn(f"{a.source}: slug '{a.slug}' is taken on {day} by {holder}; using '{slug}'")
            a = replace(a, slug=slug)
        out.append(a)
    return out


def published_holders(sharing: dict[tuple[str, str], list[Article]], output: Path,
                      ids: Callable[[], dict[str, str]]) -> list[tuple[tuple[str, str], str]]:
    """((day, slug), source) for each address site/ publishes that an article of `sharing` ({(day, slug):
    articles}) could claim, when site/ names which article is there (`ids()`: id -> source, made only when
    a page is to be read)."""
    source_of: dict[str, str] | None = None
    listed: dict[str, dict[str, list[str]]] = {}
    """day -> {slug: the folders named slug or slug-N}."""
    found = []
    for (day, slug), members in sharing.items():
        if day not in listed:
            listed[day] = defaultdict(list)
            try:
                names = sorted(os.listdir(output / day))
            except OSError:   # no such day published (or no site yet)
                names = []
            for name in names:
                listed[day][name].append(name)
                if (numbered := NUMBERED.fullmatch(name)) is not None:
                    listed[day][numbered[1]].append(name)
        names = listed[day].get(slug, [])
        if len(members) == 1 and names in ([], [slug]):
            continue   # nothing to settle: the one article takes its slug
        source_of = source_of if source_of is not None else ids()
        for name in names:
            source = source_of.get(page_id(output / day / name / "index.html"))
            if source:
                found.append(((day, name), source))
    return found


def page_id(page: Path) -> str:
    """The article id an article page names in its JSON-LD, or ""."""
    try:
        m = JSON_LD.search(page.read_bytes())
        return str(json.loads(m[1]).get("identifier", "")) if m else ""
    except (OSError, ValueError, AttributeError):
        return ""
