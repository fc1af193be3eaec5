"""Articles -> Digest: sorted, grouped by day, section and tag, with URLs and related articles."""

from __future__ import annotations

from collections import Counter, defaultdict
from heapq import merge
from itertools import chain
from dataclasses import dataclass, replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from .content import Article
from .errors import Problems
from .slug import slugify

RELATED = 5


@dataclass(frozen=True)
class Group:
    """Articles that share a section or a tag, newest first."""

    name: str
    slug: str
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class Day:
    """One day of the digest: its sections in order of their newest story, the top story first."""

    day: date
    sections: tuple[Group, ...]

    @property
    def count(self) -> int:
        return sum(len(g.articles) for g in self.sections)


@dataclass(frozen=True)
class Digest:
    """Everything the pages and feeds are made from."""

    articles: tuple[Article, ...]
    """Newest first; ties by slug."""
    days: tuple[Day, ...]
    """Newest first."""
    sections: tuple[Group, ...]
    """By name."""
    tags: tuple[Group, ...]
    """By name."""
    updated: datetime | None
    """The newest article's date or update."""
    zone: ZoneInfo
    urls: dict[str, str]
    """Site-relative URL of each article (2025/06/18/slug/), by its source path."""
    related_to: dict[str, tuple[Article, ...]]
    """Up to five related articles of each article, by its source path."""

    def url(self, article: Article) -> str:
        return self.urls[article.source]

    def local(self, when: datetime) -> datetime:
        return when.astimezone(self.zone)

    def neighbours(self, article: Article) -> tuple[Article | None, Article | None]:
        """(newer, older) articles."""
        i = self._position[article.source]
        return (self.articles[i - 1] if i > 0 else None, self.articles[i + 1] if i + 1 < len(self.articles) else None)

    def related(self, article: Article) -> tuple[Article, ...]:
        return self.related_to[article.source]

    @property
    def _position(self) -> dict[str, int]:
        cached = self.__dict__.get("_positions")
        if cached is None:
            cached = {a.source: i for i, a in enumerate(self.articles)}
            object.__setattr__(self, "_positions", cached)
        return cached


def make_digest(articles: list[Article], zone: ZoneInfo, problems: Problems) -> Digest:
    """Sort and group the articles; slugs that collide on one day get a numbered suffix and a warning."""
    ordered = _unique_urls(articles, zone, problems)
    by_day: dict[date, list[Article]] = defaultdict(list)
    for a in ordered:
        by_day[a.date.astimezone(zone).date()].append(a)
    days = tuple(Day(d, _groups(by_day[d], lambda a: [a.category], keep_order=True)) for d in sorted(by_day, reverse=True))
    sections = _groups(ordered, lambda a: [a.category])
    tags = _groups(ordered, lambda a: list(a.tags))
    return Digest(
        articles=tuple(ordered),
        days=days,
        sections=sections,
        tags=tags,
        updated=max((a.updated or a.date for a in ordered), default=None),
        zone=zone,
        urls={a.source: f"{a.date.astimezone(zone):%Y/%m/%d}/{a.slug}/" for a in ordered},
        related_to=_related(ordered, sections, tags),
    )


def _related(ordered: list[Article], sections: tuple[Group, ...], tags: tuple[Group, ...]) -> dict[str, tuple[Article, ...]]:
    """For each article: those sharing most tags, then those in its section; ties newest first, then by slug.

    Tag and section lists are already in digest order (newest first), so beyond the few articles that
    share two or more tags, walking the merged tag lists in that order finds the next ones early.
    """
    rank = {a: i for i, a in enumerate(ordered)}
    section_of = {a: g.slug for g in sections for a in g.articles}
    by_section = {g.slug: g.articles for g in sections}
    tags_of: dict[Article, list[tuple[Article, ...]]] = defaultdict(list)
    for g in tags:
        for a in g.articles:
            tags_of[a].append(g.articles)
    related = {}
    for a in ordered:
        lists = tags_of.get(a, [])
        counts = Counter(chain.from_iterable(lists))
        counts.pop(a, None)
        section = section_of[a]
        many = sorted((x for x, n in counts.items() if n > 1), key=lambda x: (-counts[x], section_of[x] != section, rank[x])) \
            if len(lists) > 1 else []
        picked = many[:RELATED]
        if len(picked) < RELATED:
            same, other, seen = [], [], set()
            for x in merge(*lists, key=rank.__getitem__):
                if x is a or counts[x] != 1 or x in seen:
                    continue
                seen.add(x)
                (same if section_of[x] == section else other).append(x)
                if len(same) >= RELATED:
                    break
            picked += (same + other)[: RELATED - len(picked)]
        for x in by_section[section]:   # then the section's newest that share no tag
            if len(picked) >= RELATED:
                break
            if x is not a and x not in counts:
                picked.append(x)
        related[a.source] = tuple(picked)
    return related


def _groups(articles: list[Article], keys, keep_order: bool = False) -> tuple[Group, ...]:
    """Group articles by the names `keys` gives each; names that slug alike are one group."""
    members: dict[str, list[Article]] = defaultdict(list)
    names: dict[str, str] = {}
    for a in articles:
        for slug, name in {slugify(n): n for n in reversed(keys(a))}.items():
            names.setdefault(slug, name)
            members[slug].append(a)
    order = list(members) if keep_order else sorted(members, key=lambda s: (names[s].lower(), s))
    return tuple(Group(names[s], s, tuple(members[s])) for s in order)


def _unique_urls(articles: list[Article], zone: ZoneInfo, problems: Problems) -> list[Article]:
    """Give each article a URL of its own; return them newest first."""
    seen: dict[str, str] = {}
    out = []
    for a in sorted(articles, key=lambda a: a.source):
        day = f"{a.date.astimezone(zone):%Y/%m/%d}"
        slug, n = a.slug, 2
        while f"{day}/{slug}" in seen:
            slug, n = f"{a.slug}-{n}", n + 1
        if slug != a.slug:
            problems.warn(f"{a.source}: slug '{a.slug}' is taken on {day} by {seen[f'{day}/{a.slug}']}; using '{slug}'")
            a = replace(a, slug=slug)
        seen[f"{day}/{slug}"] = a.source
        out.append(a)
    return sorted(out, key=lambda a: (-a.date.timestamp(), a.slug, a.source))
