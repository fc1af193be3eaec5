"""What a new operator trips over (issue 18): `new` writes a draft, front-matter typos are named, a seed
that is gone takes its untouched article with it, a near-copy of a seed is not published twice, a bad
edit keeps the last good version on the site, and the smaller things."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import feedparser
import pytest

from newsdigest.cli import _parser, main
from tests.conftest import GLACIER_SEED as STORY, REPO
from tests.waiting import HANG



def run(project: Path, capsys, *args: str) -> tuple[int, str, str]:
    status = main(["--config", str(project / "config.yaml"), *args])
    out, err = capsys.readouterr()
    return status, out, err


def feed_titles(project: Path) -> list[str]:
    return [e.title for e in feedparser.parse((project / "site" / "feed.xml").read_bytes()).entries]


# ---- 3. new writes a draft -------------------------------------------------------------------------------

def test_new_writes_a_draft_that_no_feed_shows_until_published(project, capsys):
    assert run(project, capsys, "new", "Harbour reopens")[0] == 0
    path = project / "content" / "harbour-reopens.md"
    status, out, err = run(project, capsys)
    assert status == 0 and "left out: 1 draft," in out
    site = project / "site"
    for feed in ("feed.xml", "atom.xml", "feed.json"):
        assert "Write the story here" not in (site / feed).read_text(encoding="utf-8")
    assert "Harbour reopens" not in (site / "index.html").read_text(encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
    assert run(project, capsys)[0] == 0
    assert feed_titles(project) == ["Harbour reopens"]


def test_new_refuses_an_empty_headline(project, capsys):
    status, _, err = run(project, capsys, "new", "  ")
    assert status == 1 and "the headline is empty" in err
    assert list((project / "content").iterdir()) == []


# ---- 4. front-matter typos ---------------------------------------------------------------------------------

def article(project: Path, name: str, extra: str = "", title: str = "River path approved", body: str = "The path opens.") -> Path:
    path = project / "content" / f"{name}.md"
    path.write_text(f"---\ntitle: {title}\ndate: 2025-06-18T09:00:00+01:00\n{extra}---\n\n{body}\n", encoding="utf-8")
    return path


def test_a_front_matter_typo_is_named_with_its_line_and_the_key_meant(project, capsys):
    article(project, "a", "categroy: Local\ntag: [Transport]\nauthor: Jane Doe\nlastmod: 2025-06-19\n")
    status, out, err = run(project, capsys)
    assert status == 0 and "4 warnings" in out
    assert "warning: content/a.md:4: unknown front-matter key 'categroy': did you mean 'category'?" in err
    assert "content/a.md:5: unknown front-matter key 'tag': did you mean 'tags'?" in err
    assert "content/a.md:6: unknown front-matter key 'author': did you mean 'authors'?" in err
    assert "content/a.md:7: unknown front-matter key 'lastmod': did you mean 'updated'?" in err
    status, out, err = run(project, capsys)   # said again on the next build, until the file is fixed
    assert "'categroy'" in err


def test_keys_meant_for_layouts_pass_quietly_when_declared(project, capsys):
    article(project, "a", "mood: hopeful\nx_sponsor: Acme\n")
    assert "unknown front-matter key 'mood'" in run(project, capsys)[2]
    config = project / "config.yaml"
    config.write_text(config.read_text() + "layout_keys: [mood]\n")
    status, out, err = run(project, capsys)
    assert status == 0 and err == "" and "0 warnings" in out


# ---- 5. orphans and near-duplicates ------------------------------------------------------------------------

def test_a_seed_deleted_takes_its_untouched_article_with_it(project, capsys):
    (project / "seeds" / "glacier.txt").write_text(STORY, encoding="utf-8")
    (project / "seeds" / "other.txt").write_text(STORY.replace("Glacier survey finds meltwater lakes doubled",
                                                              "Town council votes to keep the night bus")
                                                 .replace("meltwater", "bus").replace("lakes", "routes")
                                                 .replace("glacier", "depot").replace("ice sheet", "old town"), encoding="utf-8")
    assert run(project, capsys)[0] == 0
    made = project / "content" / "glacier-survey-finds-meltwater-lakes-doubled-in-a-decade.md"
    assert made.exists()
    (project / "seeds" / "glacier.txt").unlink()
    status, out, err = run(project, capsys)
    assert status == 0 and not made.exists()
    assert f"warning: removed content/{made.name}: its seed seeds/glacier.txt is gone" in err
    assert not list((project / "site").glob("2026/03/03/glacier-*"))
    assert "Glacier" not in " ".join(feed_titles(project))


def test_a_seed_deleted_leaves_an_article_edited_by_hand_with_a_warning(project, capsys):
    (project / "seeds" / "glacier.txt").write_text(STORY, encoding="utf-8")
    (project / "seeds" / "keep.txt").write_text(STORY.replace("Glacier survey finds", "Second survey finds")
                                                .replace("four hundred", "nine hundred") * 1, encoding="utf-8")
    run(project, capsys)
    made = next((project / "content").glob("glacier-*.md"))
    made.write_text(made.read_text(encoding="utf-8").replace("Researchers mapped", "Scientists mapped"), encoding="utf-8")
    (project / "seeds" / "glacier.txt").unlink()
    for _ in range(2):   # on every build
        status, out, err = run(project, capsys)
        assert made.exists() and f"{made.name} was made from seeds/glacier.txt, which is gone; it was edited by hand" in err


def test_an_emptied_seeds_folder_removes_nothing(project, capsys):
    (project / "seeds" / "glacier.txt").write_text(STORY, encoding="utf-8")
    run(project, capsys)
    (project / "seeds" / "glacier.txt").unlink()
    status, out, err = run(project, capsys)
    assert status == 0 and len(list((project / "content").glob("*.md"))) == 1
    assert "warning: seeds/ holds no seed: kept the 1 article made from seeds; delete a content file to unpublish it" in err


def test_a_near_copy_of_a_seed_is_reported_and_not_published_twice(project, capsys):
    (project / "seeds" / "glacier.txt").write_text(STORY, encoding="utf-8")
    run(project, capsys)
    copy = STORY.replace("photographing every pool of standing water they could find from the air",
                         "photographing each pool of standing water visible from the aircraft")
    (project / "seeds" / "glacier-again.txt").write_text(copy, encoding="utf-8")
    status, out, err = run(project, capsys)
    assert status == 0
    assert "seeds/glacier-again.txt: nearly the same text as seeds/glacier.txt" in err and "keep_duplicates" in err
    assert len(list((project / "content").glob("*.md"))) == 1
    assert feed_titles(project).count("Glacier survey finds meltwater lakes doubled in a decade") == 1
    config = project / "config.yaml"   # the operator says both are wanted
    config.write_text(config.read_text() + "ingest:\n  keep_duplicates: [glacier-again.txt]\n")
    assert run(project, capsys)[0] == 0
    assert len(list((project / "content").glob("*.md"))) == 2


def test_different_stories_in_the_same_words_are_not_duplicates(project, capsys):
    from newsdigest.ingest.duplicates import NearDuplicates, similarity

    a = STORY.lower()
    b = STORY.lower().replace("glacier survey", "coastal survey").replace("meltwater lakes doubled", "dunes retreated")
    b = " ".join(b.split()[:40]) + " the dunes moved inland by twenty metres a year as storms grew stronger and " \
        "the survey team counted fewer nesting birds on the beaches than in any season since the count began"
    assert similarity(a, b) < 0.5
    index = NearDuplicates()
    index.add("a", a)
    assert index.match(b) is None and index.match(a.replace("radar record", "radar survey")) == ("a", pytest.approx(0.99, abs=0.01))


# ---- 6. a bad edit keeps the last good version --------------------------------------------------------------

def test_an_impossible_date_keeps_the_article_as_last_built(project, capsys):
    path = article(project, "a", body="The first version.")
    assert run(project, capsys)[0] == 0
    page = project / "site" / "2025" / "06" / "18" / "a" / "index.html"
    before = page.read_bytes()
    path.write_text(path.read_text().replace("2025-06-18T09:00", "2026-11-31T09:00").replace("first", "second"))
    status, out, err = run(project, capsys)
    assert status == 1
    assert "content/a.md:3: front matter: 'date' is not a date" in err and "keeps the version last built" in err
    assert page.read_bytes() == before and feed_titles(project) == ["River path approved"]
    status, out, err = run(project, capsys)   # and on the next cron build, still
    assert status == 1 and page.read_bytes() == before
    path.write_text(path.read_text().replace("2026-11-31T09:00", "2025-06-18T09:00"))
    assert run(project, capsys)[0] == 0 and b"second version" in page.read_bytes()


# ---- 7. the smaller ones -----------------------------------------------------------------------------------

def test_build_py_as_a_program_exits_with_the_build_s_status_and_all_it_printed(project):
    """build.py ends at once after a build (os._exit): its summary and its error lines still arrive through
    pipes, and its status is the build's (1: one article is bad, the rest is built)."""
    (project / "content" / "good.md").write_text("---\ntitle: Ferry timetable changes\ndate: 2026-05-04T10:00:00+01:00\n"
                                                 "---\n\nThe winter timetable starts on Monday.\n", encoding="utf-8")
    (project / "content" / "bad.md").write_text("---\ntitle: [unclosed\n---\n\nBody.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(REPO / "build.py"), "--config", str(project / "config.yaml"),
                             "--now", "2026-06-01T00:00:00+00:00"], capture_output=True, text=True, timeout=HANG,
                            env={k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"})   # pipes buffered
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("built 1 article") and "1 error" in result.stdout
    assert "content/bad.md" in result.stderr and "Traceback" not in result.stderr
    assert (project / "site" / "2026" / "05" / "04" / "good" / "index.html").is_file()


def test_options_work_after_the_command_too():
    args = _parser().parse_args(["serve", "--drafts", "--future", "-q", "--port", "0"])
    assert args.drafts and args.future and args.quiet and args.port == 0
    args = _parser().parse_args(["--drafts", "-v", "serve"])
    assert args.drafts and args.verbose and not args.quiet


def test_the_seed_changed_but_content_edited_warning_is_shown_on_every_build(project, capsys):
    (project / "seeds" / "glacier.txt").write_text(STORY, encoding="utf-8")
    run(project, capsys)
    made = next((project / "content").glob("glacier-*.md"))
    made.write_text(made.read_text(encoding="utf-8").replace("Researchers mapped", "Scientists mapped"), encoding="utf-8")
    (project / "seeds" / "glacier.txt").write_text(STORY + "A last line added to the seed.\n", encoding="utf-8")
    for _ in range(2):
        err = run(project, capsys)[2]
        assert "seeds/glacier.txt changed, but content/" in err and "was edited by hand: kept it" in err


def test_updated_is_written_like_the_date(project, capsys):
    article(project, "a", "updated: 2025-06-18T17:10:00+01:00\n")
    article(project, "b", "updated: 2025-06-20T08:05:00+01:00\n", title="Second story")
    run(project, capsys)
    same_day = (project / "site" / "2025" / "06" / "18" / "a" / "index.html").read_text()
    later = (project / "site" / "2025" / "06" / "18" / "b" / "index.html").read_text()
    assert "Wednesday, 18 June 2025, 09:00 BST" in same_day and ">17:10 BST</time>" in same_day
    assert "Updated <time datetime=\"2025-06-20T08:05:00+01:00\">Friday, 20 June 2025, 08:05 BST</time>" in later


def test_a_layout_reading_a_key_one_article_lacks_names_that_article(project, capsys):
    article(project, "a", "x_mood: calm\n")
    article(project, "b", title="Second story")
    layout = project / "layouts" / "article.html"
    layout.write_text(layout.read_text().replace("<h1>", "<h1 data-mood=\"{{ article.extra.x_mood }}\">"))
    status, out, err = run(project, capsys)
    assert status == 1
    assert "(making 2025/06/18/b/index.html, from content/b.md)" in err and "article.extra.get('key')" in err


def test_serve_links_the_feeds_to_the_preview_not_the_public_site(project):
    article(project, "a")
    proc = subprocess.Popen([sys.executable, str(REPO / "build.py"), "--config", str(project / "config.yaml"), "serve",
                             "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = ""
        while "serving" not in line:
            line = proc.stdout.readline()
            assert line
        base = line.split(" at ", 1)[1].split()[0]
        with urllib.request.urlopen(base + "2025/06/18/a/") as response:
            html = response.read().decode()
        assert f'href="{base}feed.xml"' in html and "https://example.org/digest/" not in html
        assert "https://example.org/digest/feed.xml" in (project / "site" / "2025/06/18/a/index.html").read_text()
    finally:
        proc.terminate()
        proc.communicate(timeout=HANG)


def test_the_readme_documents_every_front_matter_key():
    from newsdigest.content import USER_KEYS

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    reference = readme.split("### Front matter", 1)[1].split("\n## ", 1)[0]
    for key in USER_KEYS + ("layout_keys", "article.extra"):
        assert f"`{key}" in reference, key
