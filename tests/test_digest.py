"""The digest's derivations against their plain definitions."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import given, settings, strategies as st

from newsdigest.content import Article
from newsdigest.digest import RELATED, make_digest
from newsdigest.errors import Problems

UTC = ZoneInfo("UTC")


def make(i: int, day: int, section: str, tags: list[str]) -> Article:
    return Article(source=f"content/a{i}.md", id=str(i), title=f"T{i}", slug=f"s{i}", body_html="", summary="",
                   date=datetime(2025, 1, 1, tzinfo=timezone.utc) + timedelta(hours=day), has_time=True,
                   category=section, tags=tuple(tags))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.sampled_from("ABC"), st.lists(st.sampled_from("pqrstu"), max_size=3, unique=True)),
                min_size=1, max_size=25))
def test_related_matches_its_definition(rows):
    articles = [make(i, day, sec, tags) for i, (day, sec, tags) in enumerate(rows)]
    digest = make_digest(articles, UTC, Problems())
    order = {a: i for i, a in enumerate(digest.articles)}
    for a in digest.articles:
        def score(o):
            return (-len(set(a.tags) & set(o.tags)), o.category != a.category, abs(o.date - a.date), order[o])
        expected = sorted((o for o in digest.articles if o is not a and (set(a.tags) & set(o.tags) or o.category == a.category)),
                          key=score)[:RELATED]
        assert list(digest.related(a)) == expected


ROW = st.tuples(st.integers(0, 30), st.sampled_from("ABC"), st.lists(st.sampled_from("pqrstu"), max_size=3, unique=True))


@settings(max_examples=300, deadline=None)
@given(st.lists(ROW, min_size=1, max_size=25), st.lists(st.tuples(st.integers(0, 40), st.one_of(st.none(), ROW)), max_size=6))
def test_related_lists_updated_from_the_last_build_equal_lists_made_afresh(rows, edits):
    """Edits: (i, None) removes article i, (i, row) adds or changes it."""
    before = {i: row for i, row in enumerate(rows)}
    after = dict(before)
    for i, row in edits:
        if row is None:
            after.pop(i, None)
        else:
            after[i] = row
    last = make_digest([make(i, *row) for i, row in before.items()], UTC, Problems())
    articles = [make(i, *row) for i, row in after.items()]
    updated = make_digest(articles, UTC, Problems(), previous=last.related_lists)
    afresh = make_digest(articles, UTC, Problems())
    assert updated.related_lists == afresh.related_lists
    assert {s: tuple(x.source for x in r) for s, r in updated.related_to.items()} == afresh.related_lists.lists


def test_days_sections_and_neighbours():
    articles = [make(0, 0, "A", ["p"]), make(1, 1, "B", []), make(2, 25, "A", ["p", "q"])]
    digest = make_digest(articles, UTC, Problems())
    assert [a.title for a in digest.articles] == ["T2", "T1", "T0"]
    assert [(d.day.isoformat(), [(g.name, [a.title for a in g.articles]) for g in d.sections]) for d in digest.days] == [
        ("2025-01-02", [("A", ["T2"])]), ("2025-01-01", [("B", ["T1"]), ("A", ["T0"])])]
    assert [(g.name, len(g.articles)) for g in digest.tags] == [("p", 2), ("q", 1)]
    assert digest.neighbours(digest.articles[1]) == (digest.articles[0], digest.articles[2])
    assert digest.url(digest.articles[0]) == "2025/01/02/s2/"
