"""The digest's derivations against their plain definitions."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from newsdigest.content import Article
from newsdigest.digest import make_digest
from newsdigest.errors import Problems

UTC = ZoneInfo("UTC")


def make(i: int, day: int, section: str, tags: list[str]) -> Article:
    return Article(source=f"content/a{i}.md", id=str(i), title=f"T{i}", slug=f"s{i}", body_html="", summary="",
                   date=datetime(2025, 1, 1, tzinfo=timezone.utc) + timedelta(hours=day), has_time=True,
                   category=section, tags=tuple(tags))


def test_days_sections_and_neighbours():
    articles = [make(0, 0, "A", ["p"]), make(1, 1, "B", []), make(2, 25, "A", ["p", "q"])]
    digest = make_digest(articles, UTC, Problems())
    assert [a.title for a in digest.articles] == ["T2", "T1", "T0"]
    assert [(d.day.isoformat(), [(g.name, [a.title for a in g.articles]) for g in d.sections]) for d in digest.days] == [
        ("2025-01-02", [("A", ["T2"])]), ("2025-01-01", [("B", ["T1"]), ("A", ["T0"])])]
    assert [(g.name, len(g.articles)) for g in digest.tags] == [("p", 2), ("q", 1)]
    assert digest.neighbours(digest.articles[1]) == (digest.articles[0], digest.articles[2])
    assert digest.url(digest.articles[0]) == "2025/01/02/s2/"
