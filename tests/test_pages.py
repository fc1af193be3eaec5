"""Each page kind and each behaviour of the reader's site, on small hand-written digests."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsdigest.cli import main


def article(project: Path, name: str, title: str, date: str, category: str = "World", tags=(), body: str = "", **extra) -> None:
    meta = {"title": title, "date": date, "category": category, "tags": list(tags), **extra}
    lines = "".join(f"{k}: {json.dumps(v)}\n" for k, v in meta.items())
    (project / "content" / f"{name}.md").write_text(f"---\n{lines}---\n\n{body or f'Body of {title}.'}\n", encoding="utf-8")


def build(project: Path, capsys, *args: str) -> str:
    assert main(["--config", str(project / "config.yaml"), "--now", "2025-07-01T00:00:00+00:00", *args]) == 0
    return capsys.readouterr().out


def read(project: Path, path: str) -> str:
    return (project / "site" / path).read_text(encoding="utf-8")


@pytest.fixture
def digest(project, capsys):
    article(project, "harbour-reopens", "Harbour reopens", "2025-06-18T09:00:00+01:00", "World", ["Harbour", "Ports"],
            body="Tugboats guided the first ships to the quay as the harbour opened again.")
    article(project, "shares-climb", "Shares climb", "2025-06-18T11:00:00+01:00", "Business", ["Markets"])
    article(project, "c", "Ferry strike ends", "2025-06-17T08:00:00+01:00", "World", ["Ports"],
            body="Crews returned to the harbour ferries, and the quay was busy again.")
    article(project, "d", "Córdoba votes", "2025-05-30", "World", ["Elections"])
    build(project, capsys)
    return project


def test_front_page_groups_days_newest_first_with_the_top_story_first(digest):
    html = read(digest, "index.html")
    days = re.findall(r'<h2 id="d-[^"]+"><a href="2025/(\d\d/\d\d)/">([^<]+)</a>', html)
    assert days == [("06/18", "Wednesday, 18 June 2025"), ("06/17", "Tuesday, 17 June 2025"), ("05/30", "Friday, 30 May 2025")]
    first_day = html.split('id="d-2025-06-17"')[0]
    assert first_day.index("Shares climb") < first_day.index("Harbour reopens")   # newest story leads the day
    assert '<article class="card lead">' in first_day and first_day.count("card lead") == 1
    assert "11:00 BST" in first_day and "1 min read" in first_day


def test_front_page_days_are_configurable_with_a_link_to_older(project, capsys):
    for i in range(1, 5):
        article(project, f"x{i}", f"Story {i}", f"2025-06-0{i}T10:00:00+00:00")
    (project / "config.yaml").write_text((project / "config.yaml").read_text() + "digest:\n  front_page_days: 2\n")
    build(project, capsys)
    html = read(project, "index.html")
    assert "Story 4" in html and "Story 3" in html and "Story 2" not in html
    assert '<a href="2025/06/02/">Older: Monday, 2 June 2025 →</a>' in html


def test_article_page(digest):
    html = read(digest, "2025/06/18/harbour-reopens/index.html")
    assert "<h1>Harbour reopens</h1>" in html
    assert '<time datetime="2025-06-18T09:00:00+01:00">Wednesday, 18 June 2025, 09:00 BST</time>' in html
    assert '<a href="../../../../section/world/" data-pagefind-filter="section">World</a>' in html
    assert '<a href="../../../../tag/ports/" data-pagefind-filter="tag">Ports</a>' in html
    related = html.split('id="related-heading"')[1]
    assert "Ferry strike ends" in related and "Córdoba votes" not in related      # similar text, not a shared section
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1])
    assert ld["@type"] == "NewsArticle" and ld["headline"] == "Harbour reopens" and ld["articleSection"] == "World"
    assert ld["datePublished"] == "2025-06-18T09:00:00+01:00" and ld["keywords"] == ["Harbour", "Ports"]


def test_lists_across_days_show_each_story_s_date_and_a_day_s_list_its_time(digest):
    section = read(digest, "section/world/index.html")
    assert '<time datetime="2025-06-17T08:00:00+01:00">Tuesday, 17 June 2025, 08:00 BST</time>' in section
    assert '<time datetime="2025-05-30">Friday, 30 May 2025</time>' in section
    related = read(digest, "2025/06/18/harbour-reopens/index.html").split('id="related-heading"')[1]
    assert "Tuesday, 17 June 2025, 08:00 BST" in related
    day = read(digest, "2025/06/17/index.html")
    assert '<time datetime="2025-06-17T08:00:00+01:00">08:00 BST</time>' in day


def test_every_page_has_title_description_canonical_social_and_feed_links(digest):
    for page in sorted((digest / "site").rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        for needle in ("<title>", '<meta name="description" content="', '<link rel="canonical" href="https://example.org/digest/',
                       '<meta property="og:title"', '<meta name="twitter:card"', 'type="application/rss+xml"',
                       'type="application/atom+xml"'):
            assert needle in html, (page, needle)


def test_day_archive_section_and_tag_pages(digest):
    assert "Ferry strike ends" in read(digest, "2025/06/17/index.html")
    archive = read(digest, "archive/index.html")
    assert re.search(r"June 2025</h2>.*Wednesday, 18 June 2025</a> <span class=\"count\">2</span>", archive, re.S)
    assert re.search(r"May 2025</h2>.*Friday, 30 May 2025</a> <span class=\"count\">1</span>", archive, re.S)
    world = read(digest, "section/world/index.html")
    assert world.index("Harbour reopens") < world.index("Ferry strike ends") < world.index("Córdoba votes")
    sections = read(digest, "section/index.html")
    assert '<a href="../section/world/">World</a> <span class="count">3</span>' in sections
    assert '<a href="../tag/ports/">Ports</a> <span class="count">2</span>' in read(digest, "tag/index.html")


def test_lists_are_paginated_from_the_oldest_so_a_new_story_changes_the_first_page_alone(project, capsys):
    for i in range(1, 5):
        article(project, f"x{i}", f"Story {i}", f"2025-06-0{i}T10:00:00+00:00", "Science")
    (project / "config.yaml").write_text((project / "config.yaml").read_text() + "digest:\n  page_size: 2\n")
    build(project, capsys)
    first, oldest = read(project, "section/science/index.html"), read(project, "section/science/page/1/index.html")
    assert [n for n in range(1, 5) if f"Story {n}<" in first] == [3, 4]
    assert [n for n in range(1, 5) if f"Story {n}<" in oldest] == [1, 2]
    assert first.index("Story 4") < first.index("Story 3") and oldest.index("Story 2") < oldest.index("Story 1")
    assert '<a rel="next" href="../../section/science/page/1/">Older →</a>' in first and "4 stories" in first
    assert '<a rel="prev" href="../../../../section/science/">← Newer</a>' in oldest and "Older" not in oldest
    assert "older stories, page 1: 1 June 2025 to 2 June 2025" in oldest
    page = project / "site/section/science/page/1/index.html"
    before = (page.read_bytes(), page.stat().st_mtime_ns)
    article(project, "x5", "Story 5", "2025-06-05T10:00:00+00:00", "Science")
    build(project, capsys)                                   # the first page holds the newest 2 to 3 (2 x size - 1)
    assert [n for n in range(1, 6) if f"Story {n}<" in read(project, "section/science/index.html")] == [3, 4, 5]
    assert (page.read_bytes(), page.stat().st_mtime_ns) == before                         # untouched
    assert not (project / "site/section/science/page/2").exists()
    article(project, "x6", "Story 6", "2025-06-06T10:00:00+00:00", "Science")
    build(project, capsys)                                   # it would hold 4: its oldest 2 become page 2
    assert [n for n in range(1, 7) if f"Story {n}<" in read(project, "section/science/page/2/index.html")] == [3, 4]
    assert [n for n in range(1, 7) if f"Story {n}<" in read(project, "section/science/index.html")] == [5, 6]
    assert '<a rel="prev" href="../../../../section/science/page/2/">← Newer</a>' in read(project, "section/science/page/1/index.html")


def test_404_sitemap_and_robots(digest):
    assert "Page not found" in read(digest, "404.html")
    sitemap = read(digest, "sitemap.xml")
    pages = sorted(p.relative_to(digest / "site").as_posix() for p in (digest / "site").rglob("index.html"))
    locs = re.findall(r"<loc>([^<]+)</loc><lastmod>([^<]+)</lastmod>", sitemap)
    assert [loc for loc, _ in locs] == ["https://example.org/digest/" + p.removesuffix("index.html") for p in pages]
    assert ("https://example.org/digest/2025/06/18/harbour-reopens/", "2025-06-18T09:00:00+01:00") in locs
    assert read(digest, "robots.txt") == "User-agent: *\nAllow: /\nSitemap: https://example.org/digest/sitemap.xml\n"


def test_drafts_and_scheduled_articles_are_left_out_unless_asked(project, capsys):
    article(project, "a", "Published piece", "2025-06-18T09:00:00+01:00")
    article(project, "b", "Draft piece", "2025-06-18T09:00:00+01:00", draft=True)
    article(project, "c", "Scheduled piece", "2025-08-01T09:00:00+01:00")
    out = build(project, capsys)
    assert "left out: 1 draft, 1 scheduled" in out
    everything = "".join(p.read_text(encoding="utf-8") for p in (project / "site").rglob("*.*ml"))
    assert "Published piece" in everything and "Draft piece" not in everything and "Scheduled piece" not in everything
    out = build(project, capsys, "--drafts", "--future")
    assert "built 3 articles" in out and "left out: 0 drafts, 0 scheduled" in out


def test_colliding_slugs_get_a_suffix_and_a_warning(project, capsys):
    article(project, "a", "Same title", "2025-06-18T09:00:00+01:00", slug="same-title")
    article(project, "b", "Same title", "2025-06-18T10:00:00+01:00", slug="same-title")
    assert main(["--config", str(project / "config.yaml"), "--now", "2025-07-01T00:00:00+00:00"]) == 0
    err = capsys.readouterr().err
    assert err == "warning: content/b.md: slug 'same-title' is taken on 2025/06/18 by content/a.md; using 'same-title-2'\n"
    assert (project / "site/2025/06/18/same-title-2/index.html").exists()


class Metas(HTMLParser):
    """<meta property|name=… content=…> of a page's head."""

    def __init__(self):
        super().__init__()
        self.found: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "content" in attrs and (attrs.get("property") or attrs.get("name")):
            self.found[attrs.get("property") or attrs["name"]] = attrs["content"]


def metas(project: Path, path: str) -> dict[str, str]:
    parser = Metas()
    parser.feed(read(project, path))
    return parser.found


def test_a_lead_image_is_offered_to_link_previews(project, capsys):
    article(project, "quay", "New quay opens", "2025-06-18T09:00:00+01:00",
            image={"url": "https://pictures.example.net/quay.jpg?w=1600&fit=crop", "width": 1600, "height": 900,
                   "caption": 'The new quay, "Berth 4", at low tide', "credit": "Photo: L. Moss"})
    article(project, "plain", "Council meets", "2025-06-18T10:00:00+01:00")
    build(project, capsys)
    quay = metas(project, "2025/06/18/quay/index.html")
    assert quay["twitter:card"] == "summary_large_image"
    assert quay["og:image"] == quay["twitter:image"] == "https://pictures.example.net/quay.jpg?w=1600&fit=crop"
    assert (quay["og:image:width"], quay["og:image:height"]) == ("1600", "900")
    assert quay["og:image:alt"] == quay["twitter:image:alt"] == 'The new quay, "Berth 4", at low tide'
    ld = json.loads(read(project, "2025/06/18/quay/index.html").split('<script type="application/ld+json">')[1]
                    .split("</script>")[0])
    assert ld["image"] == ["https://pictures.example.net/quay.jpg?w=1600&fit=crop"]
    plain = metas(project, "2025/06/18/plain/index.html")
    assert plain["twitter:card"] == "summary" and not any(k.endswith(":image") for k in plain)
    assert "image" not in json.loads(read(project, "2025/06/18/plain/index.html")
                                     .split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert metas(project, "index.html")["twitter:card"] == "summary"
