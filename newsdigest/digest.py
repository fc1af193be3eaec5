"""Articles -> Digest: sorted, grouped by day, section and tag, with URLs and related articles."""

from __future__ import annotations

import heapq
from collections import defaultdict
from itertools import combinations
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Iterator
from zoneinfo import ZoneInfo

from .content import Article
from .errors import Problems
from .i18n import Language, load_language
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
class RelatedLists:
    """The related lists by source, and the shape of each article they were made from (when, section, tags,
    slug): the next build keeps every list that no new, changed or removed article can enter or leave."""

    shapes: dict[str, tuple]
    lists: dict[str, tuple[str, ...]]


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
    related_lists: RelatedLists
    """The same by source only, for the next build."""
    language: Language = field(default_factory=lambda: load_language("en"))
    """The site's language: the words of the pages and feeds, and the forms of their dates and numbers."""

    def url(self, article: Article) -> str:
        return self.urls[article.source]

    def local(self, when: datetime) -> datetime:
        return when.astimezone(self.zone)

    def neighbours(self, article: Article) -> tuple[Article | None, Article | None]:
        """(newer, older) articles."""
        i = self._position[article.source]
        return (self.articles[i - 1] if i > 0 else None, self.articles[i + 1] if i + 1 < len(self.articles) else None)

    def related(self, article: Article) -> tuple[Article, ...]:
        """Up to five: most shared tags, then same section; among equals nearest in time, newer, by slug."""
        return self.related_to[article.source]

    @property
    def _position(self) -> dict[str, int]:
        cached = self.__dict__.get("_positions")
        if cached is None:
            cached = {a.source: i for i, a in enumerate(self.articles)}
            object.__setattr__(self, "_positions", cached)
        return cached


def make_digest(articles: list[Article], zone: ZoneInfo, problems: Problems, previous: RelatedLists | None = None,
                language: Language | None = None) -> Digest:
    """Sort and group the articles; slugs that collide on one day get a numbered suffix and a warning.
    `previous` (the last build's related lists) saves making again the lists that cannot have changed;
    `language` is the site's (default English)."""
    ordered, urls = _unique_urls(articles, zone, problems)
    by_day: dict[date, list[Article]] = defaultdict(list)
    for a in ordered:
        by_day[a.date.astimezone(zone).date()].append(a)
    days = tuple(Day(d, _groups(by_day[d], lambda a: [a.category], keep_order=True)) for d in sorted(by_day, reverse=True))
    sections = _groups(ordered, lambda a: [a.category])
    tags = _groups(ordered, lambda a: list(a.tags))
    related_to, related_lists = _related(ordered, sections, tags, previous or RelatedLists({}, {}))
    return Digest(
        articles=tuple(ordered),
        days=days,
        sections=sections,
        tags=tags,
        updated=max((a.updated or a.date for a in ordered), default=None),
        zone=zone,
        urls=urls,
        related_to=related_to,
        related_lists=related_lists,
        **({"language": language} if language else {}),
    )


def _related(ordered: list[Article], sections: tuple[Group, ...], tags: tuple[Group, ...],
             previous: RelatedLists) -> tuple[dict[str, tuple[Article, ...]], RelatedLists]:
    """For each article, up to five others: those sharing most tags, then those of its section;
    among equals the nearest in time, then the newer, then by slug. That is, the first five by
    rank_of(a, x) among the articles that share a tag or the section with `a`.

    Nearest in time keeps related lists stable: a new article changes the lists of its recent
    neighbours only, so a daily rebuild re-renders a few article pages, not all of them. A list of
    `previous` whose articles are all still there, as they were, can only change by taking in the
    articles that are new or changed: it is merged with those, not made again.
    """
    when = {a: a.date.timestamp() for a in ordered}
    section_of = {a: g.slug for g in sections for a in g.articles}
    tags_of: dict[Article, list[str]] = defaultdict(list)
    for g in tags:
        for a in g.articles:
            tags_of[a].append(g.slug)
    tag_set = {a: frozenset(tags_of[a]) for a in ordered}
    shapes = {a.source: (when[a], section_of[a], tag_set[a], a.slug) for a in ordered}
    by_source = {a.source: a for a in ordered}
    if shapes == previous.shapes:    # no article new, gone, or moved in time, section or tags
        return {s: tuple(map(by_source.__getitem__, picked)) for s, picked in previous.lists.items()}, previous
    rank = {a: i for i, a in enumerate(ordered)}           # digest order: newest first, then slug
    fresh = [a for a in ordered if previous.shapes.get(a.source) != shapes[a.source]] if previous.lists else []
    gone = {s for s, shape in previous.shapes.items() if shapes.get(s) != shape}
    fresh_near: dict[tuple[str, str], list[Article]] = defaultdict(list)   # new or changed articles, by section and tag
    for x in fresh:
        for key in {("s", section_of[x]), *(("t", t) for t in tag_set[x])}:
            fresh_near[key].append(x)

    def rank_of(a: Article, x: Article) -> tuple:
        return -len(tag_set[a] & tag_set[x]), section_of[x] != section_of[a], abs(when[x] - when[a]), rank[x]

    lists: dict[str, tuple[Article, ...]] = {}
    maker = None
    for a in ordered:
        kept = previous.lists.get(a.source) if previous.shapes.get(a.source) == shapes[a.source] else None
        if kept is None or gone.intersection(kept):
            maker = maker or _RelatedMaker(rank, when, section_of, tag_set, tags, sections)
            lists[a.source] = maker(a)
            continue
        near = {x for key in [("s", section_of[a]), *(("t", t) for t in tag_set[a])] for x in fresh_near.get(key, ()) if x is not a}
        picked = [by_source[s] for s in kept]
        lists[a.source] = tuple(sorted(picked + list(near), key=lambda x: rank_of(a, x))[:RELATED]) if near else tuple(picked)
    return lists, RelatedLists(shapes, {s: tuple(x.source for x in picked) for s, picked in lists.items()})


class _RelatedMaker:
    """One article's related list made from scratch, walking outwards in time through its tags and section."""

    def __init__(self, rank, when, section_of, tag_set, tags, sections) -> None:
        self.rank, self.when, self.section_of, self.tag_set = rank, when, section_of, tag_set
        self.places: dict[Article, list[tuple[tuple[Article, ...], int]]] = defaultdict(list)
        for g in tags:
            for i, a in enumerate(g.articles):
                self.places[a].append((g.articles, i))
        self.by_pair: dict[tuple[str, str], list[Article]] = defaultdict(list)
        for a, slugs in tag_set.items():
            for pair in combinations(sorted(slugs), 2):
                self.by_pair[pair].append(a)
        self.section_place = {a: (g.articles, i) for g in sections for i, a in enumerate(g.articles)}

    def __call__(self, a: Article) -> tuple[Article, ...]:
        rank, when, section_of, tag_set = self.rank, self.when, self.section_of, self.tag_set
        mine, section = tag_set[a], section_of[a]
        many = {x for pair in combinations(sorted(mine), 2) for x in self.by_pair[pair] if x is not a}
        picked = sorted(many, key=lambda x: (-len(mine & tag_set[x]), section_of[x] != section,
                                             abs(when[x] - when[a]), rank[x]))[:RELATED]
        if len(picked) < RELATED:                           # sharing one tag: own section first
            same, other = [], []
            for x in _outwards(a, self.places[a], when, rank):
                if x in many:
                    continue
                (same if section_of[x] == section else other).append(x)
                if len(picked) + len(same) >= RELATED:
                    break
            picked += (same + other)[: RELATED - len(picked)]
        if len(picked) < RELATED:                           # then the section's nearest sharing no tag
            for x in _outwards(a, [self.section_place[a]], when, rank):
                if not (mine & tag_set[x]):
                    picked.append(x)
                    if len(picked) >= RELATED:
                        break
        return tuple(picked)


def _outwards(a: Article, places: list[tuple[tuple[Article, ...], int]], when: dict, rank: dict) -> Iterator[Article]:
    """The members of lists that hold `a` (each newest first), nearest to `a` in time first, each once."""
    heap: list = []
    for n, (members, i) in enumerate(places):
        for step in (-1, 1):
            j = i + step
            if 0 <= j < len(members):
                x = members[j]
                heapq.heappush(heap, (abs(when[x] - when[a]), rank[x], n, j, step))
    seen = {a}
    while heap:
        batch, delta = [], heap[0][0]
        while heap and heap[0][0] == delta:    # everything this near, from every list, before ordering by rank
            _, r, n, j, step = heapq.heappop(heap)
            members = places[n][0]
            if members[j] not in seen:
                seen.add(members[j])
                batch.append((r, members[j]))
            j += step
            if 0 <= j < len(members):
                y = members[j]
                heapq.heappush(heap, (abs(when[y] - when[a]), rank[y], n, j, step))
        yield from (x for _, x in sorted(batch, key=lambda item: item[0]))


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


def _unique_urls(articles: list[Article], zone: ZoneInfo, problems: Problems) -> tuple[list[Article], dict[str, str]]:
    """Give each article a URL of its own; return them newest first, and each one's URL by source."""
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
    return sorted(out, key=lambda a: (-a.date.timestamp(), a.slug, a.source)), {source: f"{key}/" for key, source in seen.items()}
