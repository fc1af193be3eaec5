"""Stories on the reader's site: one entry per story, More coverage, story pages, stories.json, the feeds."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from newsdigest.cli import main

NOW = "2025-07-01T00:00:00+00:00"
REPORTS = [   # one event, three outlets: original text written for this test
    ("wire", "Northwire", "2025-06-11T09:45:00+00:00", "Flash floods kill four in Georgian town of Zestaponi",
     "The Kvirila river burst its banks in Zestaponi after a night of torrential rain; four people died, two are "
     "missing and about 200 homes were flooded, the interior ministry said."),
    ("herald", "The Meridian Herald", "2025-06-11T18:20:00+00:00", "A river rises in the night in western Georgia",
     "The rain started on Tuesday evening and did not stop. By dawn the Kvirila had torn through the lower streets of "
     "Zestaponi, flooding about 200 houses. Four people were killed and two are missing, Georgia's interior ministry "
     "said. A road bridge on the edge of town was swept away, and volunteers are collecting bedding at the school."),
    ("blog", "Caucasus Dispatch", "2025-06-12T06:00:00+00:00", "Zestaponi floods: toll, missing, and how to help",
     "The interior ministry confirms four dead and two missing after the Kvirila flooded Zestaponi; around 200 homes "
     "were inundated by the torrential rain."),
]


def write(project: Path, name: str, **meta) -> None:
    body = meta.pop("body")
    head = "".join(f"{k}: {json.dumps(v)}\n" for k, v in meta.items())
    (project / "content" / f"{name}.md").write_text(f"---\n{head}---\n\n{body}\n", encoding="utf-8")


def build(project: Path, *args: str) -> None:
    assert main(["--config", str(project / "config.yaml"), "--now", NOW, *args]) == 0


@pytest.fixture
def digest(project):
    for name, outlet, date, title, body in REPORTS:
        write(project, name, title=title, date=date, category="World", source_name=outlet,
              source_url=f"https://{name}.example.com/zestaponi", body=body)
    write(project, "plant", title="Zestaponi ferroalloy plant announces expansion", date="2025-06-12T08:00:00+00:00",
          category="Business", body="The ferroalloy plant in Zestaponi, the town's largest employer, will build a new "
                                    "furnace and hire 300 workers by 2027.")
    build(project)
    return project


def read(project: Path, path: str) -> str:
    return (project / "site" / path).read_text(encoding="utf-8")


def test_the_front_page_shows_one_entry_for_the_story_with_the_other_outlets(digest):
    html = read(digest, "index.html")
    assert html.count("Zestaponi floods: toll") == 0 and html.count("A river rises in the night") == 1
    entry = html.split("A river rises in the night")[1].split("</article>")[0]       # the lead: the most text
    assert '<span class="outlet">The Meridian Herald</span>' in entry
    assert re.search(r'<p class="also">Also: <a href="2025/06/11/wire/">Northwire</a> \(11 Jun 2025\), '
                     r'<a href="2025/06/12/blog/">Caucasus Dispatch</a> · <a href="story/2025-06-11-wire/">all 3 '
                     r'articles</a></p>', entry)
    assert "Zestaponi ferroalloy plant" in html                         # the same town's other news is its own entry
    day = read(digest, "2025/06/11/index.html")                         # a day page: that day's articles of the story
    assert day.count('<article class="card') == 1 and '<a href="../../../2025/06/11/wire/">Northwire</a>' in day


def test_an_article_page_shows_more_coverage_and_the_story_page_lists_every_article(digest):
    html = read(digest, "2025/06/12/blog/index.html")
    coverage = html.split('id="coverage-heading"')[1].split("</aside>")[0]
    assert coverage.index("Flash floods kill four") < coverage.index("A river rises")
    assert "Northwire" in coverage and '<a href="../../../../story/2025-06-11-wire/">' in coverage
    assert "ferroalloy" not in coverage
    story = read(digest, "story/2025-06-11-wire/index.html")
    assert "<h1>A river rises in the night in western Georgia</h1>" in story
    assert [t for t in re.findall(r'class="card-title"><a href="[^"]+">([^<]+)<', story)] == [r[3] for r in REPORTS]
    assert not (digest / "site" / "story" / "2025-06-12-plant").exists()     # a story of one has no page


def test_stories_json_and_the_feeds(digest):
    doc = json.loads(read(digest, "stories.json"))
    story = next(s for s in doc["stories"] if s["id"] == "2025-06-11-wire")
    assert story["headline"] == "A river rises in the night in western Georgia"
    assert (story["first"], story["last"]) == ("2025-06-11T09:45:00+00:00", "2025-06-12T06:00:00+00:00")
    assert story["url"] == "https://example.org/digest/story/2025-06-11-wire/"
    assert [(a["url"], a["outlet"], a["language"]) for a in story["articles"]] == [
        ("https://example.org/digest/2025/06/11/wire/", "Northwire", "en-GB"),
        ("https://example.org/digest/2025/06/11/herald/", "The Meridian Herald", "en-GB"),
        ("https://example.org/digest/2025/06/12/blog/", "Caucasus Dispatch", "en-GB")]
    assert {s["id"] for s in doc["stories"]} == {"2025-06-11-wire", "2025-06-12-plant"}
    feed = json.loads(read(digest, "feed.json"))
    assert len(feed["items"]) == 4                                      # one item per article
    assert {i["url"].rsplit("/", 2)[-2]: i["_newsdigest"]["story"] for i in feed["items"]} == {
        "wire": "2025-06-11-wire", "herald": "2025-06-11-wire", "blog": "2025-06-11-wire", "plant": "2025-06-12-plant"}
    daily = ET.fromstring((digest / "site" / "digest.xml").read_bytes()).find("channel")
    june_12 = next(i for i in daily.iter("item") if "12 June" in i.findtext("title"))
    assert june_12.findtext("title") == "Thursday, 12 June 2025: 2 stories"
    content = june_12.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
    assert "Zestaponi floods: toll" in content and "Also:" not in content   # that day, the blog alone reported it
    june_11 = next(i for i in daily.iter("item") if "11 June" in i.findtext("title"))
    assert june_11.findtext("title") == "Wednesday, 11 June 2025: 1 story"
    assert re.search(r'A river rises in the night in western Georgia</a> \(The Meridian Herald\).*Also: '
                     r'<a href="https://example.org/digest/2025/06/11/wire/">Northwire</a>',
                     june_11.findtext("{http://purl.org/rss/1.0/modules/content/}encoded"), re.S)


def test_story_none_keeps_an_article_apart_and_story_id_pins_it(digest):
    write(digest, "blog", title=REPORTS[2][3], date=REPORTS[2][2], category="World", source_name="Caucasus Dispatch",
          story="none", body=REPORTS[2][4])
    write(digest, "plant", title="Zestaponi ferroalloy plant announces expansion", date="2025-06-12T08:00:00+00:00",
          category="Business", story="2025-06-11-wire", body="The plant will hire 300 workers.")
    build(digest)
    doc = {s["id"]: [a["url"].rsplit("/", 2)[-2] for a in s["articles"]] for s in json.loads(read(digest, "stories.json"))["stories"]}
    assert doc == {"2025-06-11-wire": ["wire", "herald", "plant"], "2025-06-12-blog": ["blog"]}
    incremental = {p.relative_to(digest / "site").as_posix(): p.read_bytes() for p in (digest / "site").rglob("*") if p.is_file()}
    build(digest, "--clean")
    assert {p.relative_to(digest / "site").as_posix(): p.read_bytes() for p in (digest / "site").rglob("*") if p.is_file()} == incremental


def test_a_bad_story_key_names_the_file_and_line(project, capsys):
    write(project, "x", title="T", date="2025-06-12", story="Zestaponi floods!", body="B.")
    assert main(["--config", str(project / "config.yaml"), "--now", NOW]) == 1
    assert ("content/x.md:4: front matter: 'story' must be none or a story's id from stories.json, e.g. "
            "2025-06-18-night-trams (got 'zestaponi floods!')") in capsys.readouterr().err
