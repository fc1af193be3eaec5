"""Articles -> Digest: sorted, grouped by day, section and tag, with URLs and related articles."""

from __future__ import annotations

from collections import defaultdict
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
    """The newest article's date: the build's notion of now."""
    zone: ZoneInfo

    def url(self, article: Article) -> str:
        """Site-relative URL of an article: 2025/06/18/slug/."""
        return f"{self.local(article.date):%Y/%m/%d}/{article.slug}/"

    def local(self, when: datetime) -> datetime:
        return when.astimezone(self.zone)

    def neighbours(self, article: Article) -> tuple[Article | None, Article | None]:
        """(newer, older) articles."""
        i = self.articles.index(article)
        return (self.articles[i - 1] if i > 0 else None, self.articles[i + 1] if i + 1 < len(self.articles) else None)

    def related(self, article: Article) -> list[Article]:
        """Up to five articles sharing most tags, then the section; newest first among equals."""
        tags = {t.lower() for t in article.tags}
        scored = []
        for other in self.articles:
            if other is article:
                continue
            shared = len(tags & {t.lower() for t in other.tags})
            same_section = other.category == article.category
            if shared or same_section:
                scored.append((-shared, not same_section, -other.date.timestamp(), other.slug, other))
        return [s[-1] for s in sorted(scored, key=lambda s: s[:-1])[:RELATED]]


def make_digest(articles: list[Article], zone: ZoneInfo, problems: Problems) -> Digest:
    """Sort and group the articles; slugs that collide on one day get a numbered suffix and a warning."""
    ordered = _unique_urls(articles, zone, problems)
    by_day: dict[date, list[Article]] = defaultdict(list)
    for a in ordered:
        by_day[a.date.astimezone(zone).date()].append(a)
    days = tuple(Day(d, _groups(by_day[d], lambda a: [a.category], keep_order=True)) for d in sorted(by_day, reverse=True))
    return Digest(
        articles=tuple(ordered),
        days=days,
        sections=_groups(ordered, lambda a: [a.category]),
        tags=_groups(ordered, lambda a: list(a.tags)),
        updated=max((a.updated or a.date for a in ordered), default=None),
        zone=zone,
    )


def _groups(articles: list[Article], keys, keep_order: bool = False) -> tuple[Group, ...]:
    """Group articles by the names `keys` gives each; names that slug alike are one group."""
    members: dict[str, list[Article]] = defaultdict(list)
    names: dict[str, str] = {}
    for a in articles:
        for name in keys(a):
            slug = slugify(name)
            names.setdefault(slug, name)
            if a not in members[slug]:
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
