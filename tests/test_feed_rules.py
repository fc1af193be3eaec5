"""Feeds that pass the W3C feed validator's rules (tests/feed_rules.py), not only feedparser: a feed-level
author, one id scheme (tag: URIs), dates with offsets, absolute URLs, sound HTML; on the shipped sample
digest and on the 10,000-article benchmark corpus."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from newsdigest.cli import main
from tests.conftest import CONFIG, REPO
from tests.corpus import write_corpus
from tests.feed_rules import problems
from tests.test_feeds import article, build, parse

FEEDS = ("feed.xml", "atom.xml", "feed.json", "digest.xml")


def every_feed(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.name in FEEDS)


def all_problems(site: Path) -> list[str]:
    return [p for path in every_feed(site) for p in problems(path.relative_to(site).as_posix(), path.read_bytes())]


# ---- the rules themselves: each one catches what it is for -------------------------------------------------

ATOM_OK = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>https://example.org/</id><title>T</title><updated>2025-06-18T09:00:00+05:30</updated>
  <author><name>The Desk</name></author>
  <link rel="self" href="https://example.org/atom.xml"/>
  <entry>
    <id>tag:example.org,2025-06-18:harbour</id><title>Harbour</title>
    <updated>2025-06-18T09:00:00+05:30</updated><published>2025-06-18T09:00:00+05:30</published>
    <link href="https://example.org/2025/06/18/harbour/"/>
    <content type="html">&lt;p&gt;Ships &lt;a href="https://example.org/x"&gt;return&lt;/a&gt;.&lt;/p&gt;</content>
  </entry>
</feed>"""

RSS_OK = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
  <title>T</title><link>https://example.org/</link><description>D</description>
  <lastBuildDate>Wed, 18 Jun 2025 09:00:00 +0530</lastBuildDate>
  <item>
    <title>Harbour</title><link>https://example.org/2025/06/18/harbour/</link>
    <guid isPermaLink="false">tag:example.org,2025-06-18:harbour</guid>
    <pubDate>Wed, 18 Jun 2025 09:00:00 +0530</pubDate>
    <content:encoded><![CDATA[<p>Ships <img src="https://example.org/a.jpg"> return.</p>]]></content:encoded>
  </item>
</channel></rss>"""


def test_good_feeds_break_no_rule():
    assert problems("atom.xml", ATOM_OK.encode()) == []
    assert problems("feed.xml", RSS_OK.encode()) == []


@pytest.mark.parametrize("old, new, expected", [
    ("<author><name>The Desk</name></author>", "", "entry 1: no <author>, and the feed has none (RFC 4287 4.1.1)"),
    ("tag:example.org,2025-06-18:harbour", "urn:newsdigest:content/harbour.md", "is neither a tag: URI nor an http(s) address"),
    ("tag:example.org,2025-06-18:harbour", "tag:example.org,2025-06-18:My harbour", "is not a valid tag: URI"),
    ("tag:example.org,2025-06-18:harbour", "tag:example.org:harbour", "is not a valid tag: URI"),
    ("<updated>2025-06-18T09:00:00+05:30</updated><published>", "<published>", "entry 1: missing <updated>"),
    ("<updated>2025-06-18T09:00:00+05:30</updated><published>", "<updated>2025-06-18T09:00:00</updated><published>",
     "is not an RFC 3339 instant with an offset"),
    ("<updated>2025-06-18T09:00:00+05:30</updated><published>", "<updated>2025-06-17T09:00:00+05:30</updated><published>",
     "entry 1: updated 2025-06-17T09:00:00+05:30 is before published"),
    ('href="https://example.org/x"', 'href="../x"', "is a relative URL"),
    ('href="https://example.org/x"', 'href="#part"', "is a relative URL"),
    ('href="https://example.org/x"', 'href="//cdn.example.org/x"', "is a relative URL"),
    ('href="https://example.org/x"', 'href="https://example.org/x" onclick="steal()"', "has an event handler onclick"),
    ("&lt;/p&gt;</content>", "</content>", "<p> is never closed"),
    ('type="html"', 'type="markdown"', "is not text, html or xhtml"),
    ("<author><name>The Desk</name></author>", "<author><name>The Desk</name><email>desk</email></author>",
     "is not an e-mail address"),
])
def test_each_atom_rule_catches_its_mistake(old, new, expected):
    assert old in ATOM_OK
    found = problems("atom.xml", ATOM_OK.replace(old, new, 1).encode())
    assert any(expected in p for p in found), found


@pytest.mark.parametrize("old, new, expected", [
    ('isPermaLink="false"', 'isPermaLink="true"', "claims to be a permalink but is no web address"),
    ('<guid isPermaLink="false">', "<guid>", "claims to be a permalink but is no web address"),
    ("+0530</pubDate>", "</pubDate>", "is not an RFC 822 date"),
    ("Jun 2025 09:00:00 +0530</pubDate>", "Jun 25 09:00:00 +0530</pubDate>", "is not an RFC 822 date"),
    ("<pubDate>Wed, 18 Jun 2025 09:00:00 +0530</pubDate>", "<pubDate>2025-06-18T09:00:00+05:30</pubDate>",
     "is not an RFC 822 date"),
    ('src="https://example.org/a.jpg"', 'src="a.jpg"', "is a relative URL"),
    ("<p>Ships", "<script>alert(1)</script><p>Ships", "contains <script>"),
    ("</item>", "</item><item><title>Again</title><guid isPermaLink=\"false\">tag:example.org,2025-06-18:harbour</guid>"
     "<pubDate>Wed, 18 Jun 2025 09:00:00 +0530</pubDate></item>", "used twice in this feed"),
])
def test_each_rss_rule_catches_its_mistake(old, new, expected):
    assert old in RSS_OK
    found = problems("feed.xml", RSS_OK.replace(old, new, 1).encode())
    assert any(expected in p for p in found), found


def test_json_feed_rules():
    item = {"id": "tag:example.org,2025-06-18:harbour", "url": "https://example.org/h/", "content_html": "<p>x</p>",
            "date_published": "2025-06-18T09:00:00+05:30"}
    good = {"version": "https://jsonfeed.org/version/1.1", "title": "T", "authors": [{"name": "D"}], "items": [item]}
    assert problems("feed.json", json.dumps(good).encode()) == []
    bad = {**good, "authors": [], "items": [{**item, "id": "urn:x:1", "date_published": "2025-06-18 09:00"}]}
    found = problems("feed.json", json.dumps(bad).encode())
    assert found == ["feed.json: item 1: id 'urn:x:1' is neither a tag: URI nor an http(s) address",
                     "feed.json: item 1: date_published '2025-06-18 09:00' is not an RFC 3339 instant with an offset",
                     "feed.json: item 1: no authors, and the feed has none"]


# ---- the feeds we write ------------------------------------------------------------------------------------

def test_the_shipped_sample_digest_breaks_no_rule(tmp_path):
    for name in ("config.yaml", "layouts", "seeds", "content"):
        copy = shutil.copytree if (REPO / name).is_dir() else shutil.copy
        copy(REPO / name, tmp_path / name)
    config = yaml.safe_load((tmp_path / "config.yaml").read_text())
    (tmp_path / "config.yaml").write_text(yaml.safe_dump({**config, "search": False}))
    assert main(["--config", str(tmp_path / "config.yaml"), "--quiet"]) == 0
    site = tmp_path / "site"
    assert len(every_feed(site)) >= 30
    assert (tmp_path / "content" / "readers-guide-to-the-digest.md").exists()   # the hand-written one, with no id
    assert all_problems(site) == []


def test_the_10000_article_benchmark_corpus_breaks_no_rule(tmp_path):
    shutil.copytree(REPO / "layouts", tmp_path / "layouts")
    (tmp_path / "config.yaml").write_text("site:\n  title: Bench Digest\n  url: https://example.org/\n"
                                          "  description: A synthetic digest.\nsearch: false\n", encoding="utf-8")
    write_corpus(tmp_path, 10_000)
    subprocess.run([sys.executable, str(REPO / "build.py"), "--config", str(tmp_path / "config.yaml"),
                    "--now", "2026-06-01T23:00:00+00:00", "--quiet"], cwd=tmp_path, check=True)
    site = tmp_path / "site"
    assert len(every_feed(site)) > 200 and all_problems(site) == []


# ---- the site's author ---------------------------------------------------------------------------------------

def test_entries_without_a_byline_fall_under_the_site_author(project):
    (project / "config.yaml").write_text(CONFIG.replace("  timezone:", "  author: {name: News Desk, email: desk@example.org,"
                                                        " url: 'https://example.org/about/'}\n  timezone:"))
    article(project, "a", title="With byline", date="2025-06-18T09:00:00+00:00", authors=["Jane Doe"])
    article(project, "b", title="Without", date="2025-06-18T08:00:00+00:00")
    site = build(project)
    atom = parse(site, "atom.xml")
    assert (atom.feed.author_detail.name, atom.feed.author_detail.email, atom.feed.author_detail.href) == \
        ("News Desk", "desk@example.org", "https://example.org/about/")
    assert [[a.name for a in e.get("authors", [])] for e in atom.entries] == [["Jane Doe"], []]
    assert b"<managingEditor>desk@example.org (News Desk)</managingEditor>" in (site / "feed.xml").read_bytes()
    doc = json.loads((site / "feed.json").read_text())
    assert doc["authors"] == [{"name": "News Desk", "url": "https://example.org/about/"}]
    assert [i.get("authors") for i in doc["items"]] == [[{"name": "Jane Doe"}], None]
    assert all_problems(site) == []


def test_the_site_author_defaults_to_the_site_title_and_rss_names_no_editor_without_an_email(project):
    article(project, "a", title="Without", date="2025-06-18T08:00:00+00:00")
    site = build(project)
    assert parse(site, "atom.xml").feed.author_detail.name == "Test Digest"
    assert b"managingEditor" not in (site / "feed.xml").read_bytes()
    assert json.loads((site / "feed.json").read_text())["authors"] == [{"name": "Test Digest"}]


@pytest.mark.parametrize("author, message", [
    ("{email: a@b.org}", "'site.author' must be a name, or a mapping with 'name' and optional 'email' and 'url'"),
    ("{name: D, mail: a@b.org}", "'site.author' must be a name, or a mapping"),
    ("{name: D, email: not-an-address}", "'site.author.email' must be an e-mail address like news@example.org"),
    ("{name: D, url: example.org/about}", "'site.author.url' must be an absolute http(s) URL"),
    ("''", "'site.author.name' must be non-empty text"),
])
def test_a_bad_site_author_is_one_line_naming_the_key(project, capsys, author, message):
    (project / "config.yaml").write_text(CONFIG.replace("  timezone:", f"  author: {author}\n  timezone:"))
    assert main(["--config", str(project / "config.yaml")]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


# ---- one id scheme -------------------------------------------------------------------------------------------

def ids(site: Path) -> dict[str, str]:
    return {e.title: e.id for e in parse(site, "atom.xml").entries}


def test_a_hand_written_file_gets_a_tag_uri_from_its_date_and_file_name_and_is_not_rewritten(project):
    article(project, "Night Trams", title="Night trams", date="2025-06-18T23:30:00+05:30")
    before = (project / "content" / "Night Trams.md").read_bytes()
    assert ids(build(project)) == {"Night trams": "tag:example.org,2025-06-18:night-trams"}
    assert (project / "content" / "Night Trams.md").read_bytes() == before


def test_a_front_matter_id_wins_and_one_that_is_no_uri_is_made_one(project):
    article(project, "a", id="https://example.org/story/1", title="Kept", date="2025-06-18T09:00:00+00:00")
    article(project, "b", id="urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66", title="Wrapped", date="2025-06-17T09:00:00+00:00")
    article(project, "c", id="tag:example.org,2025-06-16:Field Notes (1)", title="Escaped", date="2025-06-16T09:00:00+00:00")
    article(project, "d", id="story-42", title="Named", date="2025-06-15T09:00:00+00:00")
    site = build(project)
    assert ids(site) == {"Kept": "https://example.org/story/1",
                         "Wrapped": "tag:example.org,2025-06-17:urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66",
                         "Escaped": "tag:example.org,2025-06-16:Field%20Notes%20(1)",
                         "Named": "tag:example.org,2025-06-15:story-42"}
    assert all_problems(site) == []


def test_a_seed_named_with_spaces_and_accents_gets_a_valid_stable_id(project):
    seed = (REPO / "tests/fixtures/seeds").glob("*.txt")
    shutil.copy(next(iter(sorted(seed))), project / "seeds" / "Notizia del giorno (copia).txt")
    site = build(project)
    (written,) = ids(site).values()
    assert written.startswith("tag:example.org,") and written.endswith(":Notizia%20del%20giorno%20(copia)")
    front = (project / "content").glob("*.md")
    assert f"id: {written}\n" in next(iter(front)).read_text()
    assert all_problems(site) == []


def test_new_writes_the_id_so_later_edits_of_date_or_name_keep_it(project, capsys):
    config = str(project / "config.yaml")
    assert main(["--config", config, "--now", "2025-06-18T09:00:00+00:00", "new", "Harbour reopens"]) == 0
    path = project / "content" / "harbour-reopens.md"
    text = path.read_text()
    assert text.startswith("---\nid: tag:example.org,2025-06-18:harbour-reopens\ntitle: Harbour reopens\n")
    path.write_text(text.replace("date: 2025-06-18", "date: 2025-06-20").replace("draft: true\n", ""))   # published
    path.rename(project / "content" / "harbour.md")
    assert ids(build(project)) == {"Harbour reopens": "tag:example.org,2025-06-18:harbour-reopens"}


def test_fragment_and_protocol_relative_links_are_made_absolute_in_feeds(project):
    article(project, "a", title="Links", date="2025-06-18T09:00:00+00:00",
            body="See [below](#part) and [the map](//maps.example.com/x).\n\n## Part")
    site = build(project)
    content = parse(site, "feed.xml").entries[0].content[0].value
    assert 'href="https://example.org/digest/2025/06/18/a/#part"' in content
    assert 'href="https://maps.example.com/x"' in content
    assert all_problems(site) == []
