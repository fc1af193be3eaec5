"""Feeds as a reader sees them: parsed with feedparser, field by field."""

from __future__ import annotations

import json
import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest

from newsdigest.cli import main

URL = "https://example.org/digest/"


def article(project: Path, name: str, **meta) -> None:
    body = meta.pop("body", "Body text with [a link](../../../../2025/06/17/other/) and [another](https://example.com/x).")
    lines = "".join(f"{k}: {v[1:] if isinstance(v, str) and v.startswith('!') else json.dumps(v, ensure_ascii=False)}\n"
                    for k, v in meta.items())   # '!…' is written as it is: raw YAML
    (project / "content" / f"{name}.md").write_text(f"---\n{lines}---\n\n{body}\n", encoding="utf-8")


def build(project: Path) -> Path:
    assert main(["--config", str(project / "config.yaml"), "--now", "2025-07-01T00:00:00+00:00"]) == 0
    return project / "site"


def parse(site: Path, path: str):
    feed = feedparser.parse((site / path).read_bytes())
    assert feed.bozo == 0, (path, feed.get("bozo_exception"))
    return feed


@pytest.fixture
def site(project, capsys):
    article(project, "harbour", id="tag:example.org,2025-06-18:harbour", title="Harbour reopens", date="2025-06-18T09:00:00+05:30",
            category="World", tags=["Ports"], authors=["Jane Doe", "Sam Roe"], dek="Ships return.", summary="The harbour is open.",
            image={"caption": "Cranes at dawn.", "credit": "Photo: A. Lee"})
    article(project, "other", title="Ferry strike ends", date="2025-06-17T08:00:00+01:00", category="Business",
            updated="2025-06-17T12:00:00+01:00")
    article(project, "third", title="Tide tables change", date="2025-06-17T06:00:00+01:00", category="World", tags=["Ports"])
    return build(project)


def test_rss_items_carry_every_field(site):
    feed = parse(site, "feed.xml")
    assert feed.version == "rss20"
    assert feed.feed.title == "Test Digest" and feed.feed.link == URL and feed.feed.language == "en-GB"
    assert feed.feed.generator == "newsdigest"
    assert [l.href for l in feed.feed.links if l.rel == "self"] == [URL + "feed.xml"]
    assert feed.feed.updated == "Wed, 18 Jun 2025 09:00:00 +0530"          # the newest item's date, not the clock
    assert [e.title for e in feed.entries] == ["Harbour reopens", "Ferry strike ends", "Tide tables change"]
    harbour = feed.entries[0]
    assert harbour.id == "tag:example.org,2025-06-18:harbour" and harbour.guidislink is False
    assert harbour.link == URL + "2025/06/18/harbour/"
    assert harbour.published == "Wed, 18 Jun 2025 09:00:00 +0530"
    assert harbour.summary == "The harbour is open."
    content = harbour.content[0].value
    assert "Ships return." in content and "Cranes at dawn." in content and "Photo: A. Lee" in content and "Body text" in content
    assert [t.term for t in harbour.tags] == ["World", "Ports"]
    assert harbour.author == "Jane Doe, Sam Roe"
    assert b"<dc:creator>Jane Doe, Sam Roe</dc:creator>" in (site / "feed.xml").read_bytes()


def test_atom_has_summary_content_and_updated(site):
    feed = parse(site, "atom.xml")
    assert feed.version == "atom10"
    ferry = feed.entries[1]
    assert ferry.title == "Ferry strike ends"
    assert ferry.published == "2025-06-17T08:00:00+01:00" and ferry.updated == "2025-06-17T12:00:00+01:00"
    assert ferry.summary and ferry.content[0].value
    assert feed.feed.updated == "2025-06-18T09:00:00+05:30"


class Urls(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        self.urls += [v for k, v in attrs if k in ("href", "src")]


def test_every_url_inside_feed_content_is_absolute(site):
    for path in ("feed.xml", "atom.xml", "digest.xml"):
        for entry in parse(site, path).entries:
            parser = Urls()
            parser.feed(entry.content[0].value)
            assert parser.urls, entry.title
            assert all(u.startswith(("https://", "http://")) for u in parser.urls), parser.urls
    content = parse(site, "feed.xml").entries[0].content[0].value
    assert 'href="https://example.org/digest/2025/06/17/other/"' in content


def test_json_feed_fields_and_types(site):
    doc = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    assert doc["version"] == "https://jsonfeed.org/version/1.1"
    assert doc["title"] == "Test Digest" and doc["feed_url"] == URL + "feed.json" and doc["home_page_url"] == URL
    assert [i["title"] for i in doc["items"]] == ["Harbour reopens", "Ferry strike ends", "Tide tables change"]
    for item in doc["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert isinstance(item["content_html"], str) and item["url"].startswith(URL)
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", item["date_published"])
    harbour = doc["items"][0]
    assert harbour["authors"] == [{"name": "Jane Doe"}, {"name": "Sam Roe"}] and harbour["tags"] == ["World", "Ports"]


def test_section_and_tag_feeds_are_linked_from_their_pages(site):
    world = parse(site, "section/world/feed.xml")
    assert [e.title for e in world.entries] == ["Harbour reopens", "Tide tables change"]
    assert [l.href for l in world.feed.links if l.rel == "self"] == [URL + "section/world/feed.xml"]
    assert len(parse(site, "tag/ports/feed.xml").entries) == 2
    page = (site / "tag/ports/index.html").read_text(encoding="utf-8")
    assert f'<link rel="alternate" type="application/rss+xml" title="Ports · Test Digest" href="{URL}tag/ports/feed.xml">' in page


def test_daily_digest_feed_has_one_item_per_day(site):
    feed = parse(site, "digest.xml")
    assert [e.title for e in feed.entries] == ["Wednesday, 18 June 2025: 1 story", "Tuesday, 17 June 2025: 2 stories"]
    tuesday = feed.entries[1]
    assert tuesday.link == URL + "2025/06/17/" and tuesday.id == "tag:example.org,2025-06-17:digest"
    assert "Ferry strike ends" in tuesday.content[0].value and "Tide tables change" in tuesday.content[0].value


def test_feeds_offer_a_stylesheet_for_people_who_open_them(site):
    assert b'<?xml-stylesheet type="text/css" href="static/feed.css"?>' in (site / "feed.xml").read_bytes()
    assert b'<?xml-stylesheet type="text/css" href="../../static/feed.css"?>' in (site / "tag/ports/feed.xml").read_bytes()
    assert (site / "static/feed.css").exists()


def test_the_item_limit_comes_from_config(project):
    for i in range(1, 6):
        article(project, f"a{i}", title=f"Story {i}", date=f"2025-06-0{i}T10:00:00+00:00")
    (project / "config.yaml").write_text((project / "config.yaml").read_text() + "feeds:\n  limit: 3\n")
    site = build(project)
    assert [e.title for e in parse(site, "feed.xml").entries] == ["Story 5", "Story 4", "Story 3"]


def test_titles_round_trip_exactly_and_unsafe_characters_are_removed(project):
    title = 'Tom & Jerry <3 "quotes" it\'s 🚀 done'
    article(project, "a", title=title, date="2025-06-01T10:00:00+00:00", summary=r'!"bad\x01 char\ufffe here\x7f"')
    site = build(project)
    for path in ("feed.xml", "atom.xml"):
        entry = parse(site, path).entries[0]
        assert entry.title == title
        assert entry.summary == "bad char here"
    assert json.loads((site / "feed.json").read_text())["items"][0]["title"] == title


def test_editing_title_body_and_slug_keeps_the_id(project):
    article(project, "a", id="tag:example.org,2025-06-01:seed-1", title="First title", date="2025-06-01T10:00:00+00:00")
    article(project, "b", title="Hand written", date="2025-06-01T09:00:00+00:00")
    before = {e.link.split("/")[-2]: e.id for e in parse(build(project), "feed.xml").entries}
    article(project, "a", id="tag:example.org,2025-06-01:seed-1", title="Second title", slug="renamed",
            date="2025-06-01T10:00:00+00:00", body="New body.")
    article(project, "b", title="Hand written, retitled", slug="retitled", date="2025-06-01T09:00:00+00:00", body="Other.")
    after = {e.title: e.id for e in parse(build(project), "feed.xml").entries}
    assert after == {"Second title": before["a"], "Hand written, retitled": before["b"]}


def test_feeds_are_byte_identical_across_builds(site, project):
    first = {p: (site / p).read_bytes() for p in ("feed.xml", "atom.xml", "feed.json", "digest.xml")}
    build(project)
    assert {p: (site / p).read_bytes() for p in first} == first


# ---- what a reader shows: the page's words (issue 25) ---------------------------------------------------------

class Text(HTMLParser):
    """The words an HTML fragment shows."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def shown(detail) -> str:
    """What a reader shows of a feedparser text construct: the text itself, or what its HTML says."""
    if detail.type == "text/plain":
        return detail.value
    words = Text()
    words.feed(detail.value)
    words.close()
    return "".join(words.parts)


WORDY = {
    "tags": dict(title="Why the <video> tag replaced plug-ins", summary="Support for <marquee> & <blink> ends; AT&T said so.",
                 date="2025-06-18T09:00:00+01:00", category="Tech & <Web>", tags=["<canvas>", "R&D"]),
    "entity": dict(title="The </p> bug, & the &nbsp; trap", summary="Writing &amp; by hand is a <b>bold</b> choice.",
                   date="2025-06-18T08:00:00+01:00", category="Tech & <Web>"),
}


@pytest.fixture
def wordy(project):
    config = project / "config.yaml"
    config.write_text(config.read_text().replace("title: Test Digest", 'title: "News & <Views>"')
                      .replace("description: A digest for tests.", 'description: "Links <b>daily</b> & more, 1 < 2"'))
    for name, meta in WORDY.items():
        article(project, name, **meta)
    return build(project)


def test_every_text_field_reaches_a_feed_reader_as_the_words_the_page_shows(wordy):
    pages = {name: (wordy / f"2025/06/18/{name}/index.html").read_text(encoding="utf-8") for name in WORDY}
    for name, meta in WORDY.items():
        assert f"<h1>{escape(meta['title'], quote=False)}</h1>" in pages[name]
    for path in ("feed.xml", "atom.xml", "section/tech-and-web/feed.xml", "tag/canvas/feed.xml"):
        feed = parse(wordy, path)
        assert shown(feed.feed.title_detail).endswith("News & <Views>"), path
        assert shown(feed.feed.subtitle_detail) == "Links <b>daily</b> & more, 1 < 2", path
        for entry in feed.entries:
            meta = WORDY[entry.link.split("/")[-2]]
            assert shown(entry.title_detail) == meta["title"], (path, entry.title_detail)
            assert shown(entry.summary_detail) == meta["summary"], (path, entry.summary_detail)
            assert [t.term for t in entry.tags] == [meta["category"], *meta.get("tags", [])], path
    digest = parse(wordy, "digest.xml").entries[0]
    assert shown(digest.summary_detail) == "; ".join(WORDY[n]["title"] for n in ("tags", "entity"))
    assert shown(digest.content[0]).count("Support for <marquee> & <blink> ends") == 1
    doc = json.loads((wordy / "feed.json").read_text(encoding="utf-8"))
    assert [(i["title"], i["summary"]) for i in doc["items"]] == [(m["title"], m["summary"]) for m in WORDY.values()]


def test_co_authors_are_all_credited(project):
    names = ["Ann Okafor", "Bo Lindqvist", "Chen Wei"]
    article(project, "trio", title="Three reporters, one story", date="2025-06-18T09:00:00+01:00", authors=names)
    site = build(project)
    page = (site / "2025/06/18/trio/index.html").read_text(encoding="utf-8")
    assert "By Ann Okafor, Bo Lindqvist and Chen Wei" in page   # the site language's list (CLDR, en-GB)
    rss = parse(site, "feed.xml").entries[0]
    assert rss.author == "Ann Okafor, Bo Lindqvist, Chen Wei"
    atom = parse(site, "atom.xml").entries[0]
    assert [a.name for a in atom.authors] == names
    assert [a["name"] for a in json.loads((site / "feed.json").read_text())["items"][0]["authors"]] == names


def newsboat(feed: Path) -> list[tuple[str, str]]:
    """(title, author) of each item as newsboat, a terminal feed reader, shows them: it reads the feed file into
    its cache, where the item list and the article view read them from."""
    import shutil
    import sqlite3
    import subprocess
    import tempfile

    from tests.quality import require

    require(shutil.which("newsboat") is not None, "newsboat (apt-get install newsboat)")
    with tempfile.TemporaryDirectory() as home:
        (Path(home) / "urls").write_text(f"file://{feed.resolve()}\n")
        subprocess.run(["newsboat", "-u", f"{home}/urls", "-c", f"{home}/cache.db", "-C", "/dev/null", "-x", "reload"],
                       env={"HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}, check=True, capture_output=True)
        with sqlite3.connect(f"{home}/cache.db") as db:
            return db.execute("SELECT title, author FROM rss_item ORDER BY pubDate DESC").fetchall()


def test_newsboat_shows_every_author_and_the_titles_as_written(project):
    article(project, "trio", title="Three reporters, one story", date="2025-06-18T09:00:00+01:00",
            authors=["Ann Okafor", "Bo Lindqvist", "Chen Wei"])
    article(project, "tags", **WORDY["tags"])
    site = build(project)
    for path in ("feed.xml", "atom.xml"):
        assert newsboat(site / path) == [("Three reporters, one story", "Ann Okafor, Bo Lindqvist, Chen Wei"),
                                         (WORDY["tags"]["title"], "")], path
