"""Articles -> Digest: sorted, grouped by day, section and tag, with URLs and related articles."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import NamedTuple
from zoneinfo import ZoneInfo

from .content import Article
from .errors import Problems
from .i18n import Language, load_language
from .slug import free_slug, slugify
from .stories import Story, StoryIndex, find_stories, lead_of


@dataclass(frozen=True)
class Group:
    """Articles that share a section or a tag, newest first."""

    name: str
    slug: str
    articles: tuple[Article, ...]


class Entry(NamedTuple):
    """One story in a day's list: its lead (of that day's articles, the one with the most text) and the others.
    (A named tuple: a build makes one for every article.)"""

    lead: Article
    also: tuple[Article, ...]
    """Oldest first."""
    story: Story


@dataclass(frozen=True)
class Listing:
    """A section of a day, one entry per story, the newest first."""

    name: str
    slug: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Day:
    """One day of the digest: its sections in order of their newest story, the top story first."""

    day: date
    sections: tuple[Group, ...]
    listings: tuple[Listing, ...] = ()
    """The same sections, one entry per story: what pages show."""

    @property
    def count(self) -> int:
        """Articles."""
        return sum(len(g.articles) for g in self.sections)

    @property
    def stories(self) -> int:
        return sum(len(listing.entries) for listing in self.listings)


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
    stories: tuple[Story, ...]
    """Every story, the one with the newest article first."""
    story_of: dict[str, Story]
    """By source path."""
    story_index: StoryIndex
    """What the stories were found from, for the next build."""
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
        """Up to five articles of other stories, the most similar first (stories.py)."""
        return self.related_to[article.source]

    @property
    def _position(self) -> dict[str, int]:
        cached = self.__dict__.get("_positions")
        if cached is None:
            cached = {a.source: i for i, a in enumerate(self.articles)}
            object.__setattr__(self, "_positions", cached)
        return cached


def make_digest(articles: list[Article], zone: ZoneInfo, problems: Problems, previous: StoryIndex | None = None,
                window_hours: int = 72, language: Language | None = None) -> Digest:
    """Sort and group the articles by day, section, tag and story; slugs that collide on one day get a numbered
    suffix and a warning. `previous` (the last build's story index) saves comparing again the articles that
    did not change; `window_hours` is the stories' (stories.find_stories); `language` is the site's (default
    English): its tag is the language of the articles whose front matter gives none."""
    ordered, urls = _unique_urls(articles, zone, problems)
    found = find_stories(ordered, zone, window_hours, language.tag if language else "en", previous,
                         ids={s: url[:-1].replace("/", "-") for s, url in urls.items()})   # story_id, cheaper
    by_day: dict[date, list[Article]] = defaultdict(list)
    for a in ordered:
        by_day[a.date.astimezone(zone).date()].append(a)
    days = tuple(Day(d, groups, _listings(by_day[d], groups, found.story_of)) for d in sorted(by_day, reverse=True)
                 for groups in [_groups(by_day[d], lambda a: [a.category], keep_order=True)])
    sections = _groups(ordered, lambda a: [a.category])
    tags = _groups(ordered, lambda a: list(a.tags))
    return Digest(
        articles=tuple(ordered),
        days=days,
        sections=sections,
        tags=tags,
        updated=max((a.updated or a.date for a in ordered), default=None),
        zone=zone,
        urls=urls,
        related_to=found.related_to,
        stories=found.stories,
        story_of=found.story_of,
        story_index=found.index,
        **({"language": language} if language else {}),
    )


def _listings(articles: list[Article], sections: tuple[Group, ...], story_of: dict[str, Story]) -> tuple[Listing, ...]:
    """A day's articles (newest first) as one entry per story, in the section of its lead, in order of each
    entry's newest article. (`sections`: the same articles by section.)"""
    by_story: dict[str, list[Article]] = {}
    for a in articles:
        by_story.setdefault(story_of[a.source].id, []).append(a)
    if len(by_story) == len(articles):          # no story has two articles this day: its sections as they are
        return tuple(Listing(g.name, g.slug, tuple(Entry(a, (), story_of[a.source]) for a in g.articles)) for g in sections)
    entries = []
    for group in by_story.values():
        lead = lead_of(group)
        entries.append(Entry(lead, tuple(a for a in reversed(group) if a is not lead), story_of[lead.source]))
    return tuple(Listing(g.name, g.slug, tuple(e for e in entries if e.lead in members))
                 for g in _groups([e.lead for e in entries], lambda a: [a.category], keep_order=True)
                 for members in [set(g.articles)])


def front_days(days: tuple[Day, ...], zone: ZoneInfo) -> tuple[Day, ...]:
    """Days as the front page shows them: each story once, on the newest of these days it has an article, led by
    its article with the most text of these days, the others after it; a day left with no entry is left out."""
    newest: dict[str, date] = {}
    for day in days:
        for listing in day.listings:
            for e in listing.entries:
                newest.setdefault(e.story.id, day.day)
    shown = {d.day for d in days}
    out = []
    for day in days:
        listings = []
        for listing in day.listings:
            entries = []
            for e in listing.entries:
                if newest[e.story.id] != day.day:
                    continue
                shown_articles = [a for a in e.story.articles if a.date.astimezone(zone).date() in shown]
                if len(shown_articles) > 1 + len(e.also):
                    lead = lead_of(shown_articles)
                    e = e._replace(lead=lead, also=tuple(a for a in shown_articles if a is not lead))
                entries.append(e)
            if entries:
                listings.append(replace(listing, entries=tuple(entries)))
        if listings:
            out.append(replace(day, listings=tuple(listings)))
    return tuple(out)


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
    """Give each article a URL of its own; return them newest first, and each one's URL by source. Two articles
    whose front matter gives one id (a file copied to start another) are warned of: a feed reader shows one."""
    seen: dict[str, str] = {}
    holder: dict[str, str] = {}
    """front matter id -> the first article's source."""
    out = []
    for a in sorted(articles, key=lambda a: a.source):
        if a.id and holder.setdefault(a.id, a.source) != a.source:
            problems.warn(f"{a.source}: its id '{a.id}' is {holder[a.id]}'s too, and feed readers show one item per id: "
                          "delete the 'id' line of the one that is a copy (newsdigest then derives one from its path)")
        day = f"{a.date.astimezone(zone):%Y/%m/%d}"
        slug = free_slug(a.slug, lambda s: f"{day}/{s}" in seen)
        if slug != a.slug:
            problems.warn(f"{a.source}: slug '{a.slug}' is taken on {day} by {seen[f'{day}/{a.slug}']}; using '{slug}'")
            a = replace(a, slug=slug)
        seen[f"{day}/{slug}"] = a.source
        out.append(a)
    return sorted(out, key=lambda a: (-a.date.timestamp(), a.slug, a.source)), {source: f"{key}/" for key, source in seen.items()}
