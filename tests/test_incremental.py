"""Incremental builds give exactly what a clean build gives, after every kind of change, and touch nothing else."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from newsdigest.cli import main
from tests.test_story_pages import REPORTS

NOW = "2025-07-01T00:00:00+00:00"


def build(project: Path, *args: str) -> None:
    assert main(["--config", str(project / "config.yaml"), "--now", NOW, *args]) in (0, 1)


def clean_build_of(project: Path) -> dict[str, bytes]:
    """What a clean build of a copy of `project` (its ledger too) makes: the site a build there must equal."""
    copy = project.with_name(project.name + "-clean")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(project, copy, symlinks=True)
    build(copy, "--clean")
    return snapshot(copy / "site")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def write(project: Path, name: str, **meta) -> None:
    body = meta.pop("body", "Some body text.")
    head = "".join(f"{k}: {json.dumps(v)}\n" for k, v in meta.items())
    (project / "content" / f"{name}.md").write_text(f"---\n{head}---\n\n{body}\n", encoding="utf-8")


@pytest.fixture
def digest(sample_project):
    for i in range(6):
        write(sample_project, f"h{i}", title=f"Hand story {i}", date=f"2025-06-1{i}T10:00:00+01:00",
              category=["World", "Science"][i % 2], tags=[f"T{i % 3}", "Shared"])
    for name, *_ in REPORTS[:2]:          # two outlets' reports of one event: a story
        report(sample_project, name)
    build(sample_project)
    build(sample_project)   # says no warning: the next may be an edit of bodies alone (retouch.py)
    return sample_project


def report(project: Path, name: str, **extra) -> None:
    """One outlet's report of the Zestaponi floods (tests/test_story_pages.py)."""
    _, outlet, date, title, body = next(r for r in REPORTS if r[0] == name)
    write(project, name, title=title, date=date, category="World", source_name=outlet, **{"body": body, **extra})


TRAMS = "lisbon-brings-back-night-trams-as-city-bets-on-late-evening-economy.md"
"""The content file of seeds/001_lisbon_trams.txt: a body past the words stories compare (stories.Params.lead_words)."""

CHANGES = {
    "a report joins a story (which gets its page)": lambda p: report(p, "blog"),
    "a report leaves its story (story: none)": lambda p: report(p, "herald", story="none"),
    "a report is put in a story (story: id)": lambda p: write(p, "h5", title="Hand story 5", date="2025-06-15T10:00:00+01:00",
                                                              category="Science", story="2025-06-11-wire"),
    "a report of a story deleted": lambda p: (p / "content" / "herald.md").unlink(),
    "body edited": lambda p: write(p, "h1", title="Hand story 1", date="2025-06-11T10:00:00+01:00", category="Science",
                                   tags=["T1", "Shared"], body="A much longer body. " * 300),
    "body edited, the reading time the same": lambda p: write(p, "h1", title="Hand story 1", date="2025-06-11T10:00:00+01:00",
                                                              category="Science", tags=["T1", "Shared"],
                                                              body="Some body text, with a second sentence."),
    "a paragraph added at the end of a long body": lambda p: (p / "content" / TRAMS).write_text(
        (p / "content" / TRAMS).read_text(encoding="utf-8") + "\nThe first night tram leaves the square at midnight.\n",
        encoding="utf-8"),
    "a report's body grows past its story's lead": lambda p: report(p, "wire", body=" ".join([REPORTS[0][4]] * 4)),
    "title edited": lambda p: write(p, "h2", title="Hand story two, retitled", date="2025-06-12T10:00:00+01:00",
                                    category="World", tags=["T2", "Shared"]),
    "date moved to another day": lambda p: write(p, "h3", title="Hand story 3", date="2025-05-01T10:00:00+01:00",
                                                 category="Science", tags=["T0", "Shared"]),
    "tags and section changed": lambda p: write(p, "h4", title="Hand story 4", date="2025-06-14T10:00:00+01:00",
                                                category="Culture", tags=["Brand new tag"]),
    "article added": lambda p: write(p, "h9", title="A new story", date="2025-06-30T10:00:00+01:00", category="Sport"),
    "article deleted": lambda p: (p / "content" / "h5.md").unlink(),
    "article renamed, size and mtime kept": lambda p: (p / "content" / "h5.md").rename(p / "content" / "h5-moved.md"),
    "seeds added": lambda p: (p / "seeds" / "new.txt").write_text(
        "Business\nHarbour fees rise for the first time in a decade\nJune 29, 2025 / 10:00 IST\n"
        "The port authority raised its fees on Sunday.\n", encoding="utf-8"),
    "draft toggled": lambda p: write(p, "h0", title="Hand story 0", date="2025-06-10T10:00:00+01:00", category="World",
                                     tags=["T0", "Shared"], draft=True),
    "same slug on one day": lambda p: write(p, "h1", title="Hand story 1", date="2025-06-11T10:00:00+01:00",
                                            category="Science", slug="hand-story-2-clash", tags=[]),
    "layout edited": lambda p: (p / "layouts" / "404.html").write_text(
        (p / "layouts" / "404.html").read_text().replace("Page not found", "Nothing here")),
    "stylesheet edited": lambda p: (p / "layouts" / "static" / "style.css").write_text(
        (p / "layouts" / "static" / "style.css").read_text() + "\n/* edited */\n"),
    "config changed": lambda p: (p / "config.yaml").write_text((p / "config.yaml").read_text().replace(
        "A digest for tests.", "A changed description.")),
}


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_incremental_equals_clean(digest, change):
    CHANGES[change](digest)
    build(digest)
    incremental = snapshot(digest / "site")
    build(digest, "--clean")
    assert snapshot(digest / "site") == incremental


def test_a_body_edited_makes_again_its_page_and_the_feeds_that_carry_it_not_the_lists(digest, monkeypatch):
    """Lists show an article's card (title, dek, date, reading time), not its body: an edit of the body alone
    renders the article's page and the feeds whose items carry its body, nothing else."""
    from newsdigest import pipeline, retouch

    rendered: list[str] = []
    for module in (pipeline, retouch):
        for name, made in (("render_page", 1), ("render_feed", 0)):   # the argument that is the page or feed made
            real = getattr(module, name)
            monkeypatch.setattr(module, name, lambda *args, real=real, made=made: rendered.append(args[made].path) or real(*args))
    carrying = {p.relative_to(digest / "site").as_posix() for p in (digest / "site").rglob("feed*")
                if "Hand story 1<" in p.read_text(encoding="utf-8") or '"Hand story 1"' in p.read_text(encoding="utf-8")}
    carrying |= {p.relative_to(digest / "site").as_posix() for p in (digest / "site").rglob("atom.xml")}
    assert {"feed.xml", "feed.json", "atom.xml", "section/science/feed.xml", "tag/shared/feed.xml"} <= carrying
    CHANGES["body edited, the reading time the same"](digest)
    build(digest)
    assert sorted(rendered) == sorted({"2025/06/11/h1/index.html"} | carrying)
    assert "second sentence" in (digest / "site" / "tag/shared/feed.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("shown, after", [("{{ a.words }} words", ">7 words<"),
                                          ("{{ a.body_html|striptags|truncate(60) }}", "with a second"),
                                          ("version {{ a.version }}", "version "), ("terms {{ a.terms[0] }}", "second")])
def test_a_list_layout_that_shows_the_body_is_made_again_when_the_body_is_edited(digest, shown, after):
    """A layout of one's own may show in lists what the default ones keep to the article's page: whatever of
    the body a page reads, an edit of the body makes it again."""
    card = digest / "layouts" / "partials" / "card.html"
    card.write_text(card.read_text(encoding="utf-8").replace('<p class="meta"', f'<p class="body-shown">{shown}</p><p class="meta"'),
                    encoding="utf-8")
    build(digest)
    CHANGES["body edited, the reading time the same"](digest)
    build(digest)
    section = (digest / "site" / "section/science/index.html").read_text(encoding="utf-8")
    assert after in section
    incremental = snapshot(digest / "site")
    build(digest, "--clean")
    assert snapshot(digest / "site") == incremental


WHOLE = {"a paragraph added at the end of a long body": False, "body edited, the reading time the same": True,
         "body edited": True, "title edited": True,
         "layout edited": True, "article added": True, "article deleted": True,
         "article renamed, size and mtime kept": True, "config changed": True}
"""What each change makes of the next build: the whole build (True), or an edit of bodies alone made from the
ledger's recipes (False: retouch.py)."""


@pytest.mark.parametrize("change", WHOLE, ids=list(WHOLE))
def test_an_edit_of_bodies_alone_is_made_without_the_whole_build(digest, monkeypatch, change):
    """Only an edit that leaves every card, the terms stories compare (the title, dek and lead) and every input
    but the articles as they were skips the whole build (the reading time is part of the card); the site is a
    clean build's either way."""
    from newsdigest import pipeline

    calls, real = [], pipeline._build
    monkeypatch.setattr(pipeline, "_build", lambda *a: (calls.append(1), real(*a))[1])
    CHANGES[change](digest)
    build(digest)
    assert bool(calls) == WHOLE[change]
    incremental = snapshot(digest / "site")
    build(digest, "--clean")
    assert snapshot(digest / "site") == incremental


def test_every_output_that_shows_a_body_has_its_recipe_after_a_whole_build(digest):
    """The ledger keeps a recipe for every page and feed that shows a body (retouch.py), and no other."""
    with closing(sqlite3.connect(digest / ".cache" / "ledger.sqlite")) as db:
        showing = {p for p, in db.execute("SELECT path FROM outputs WHERE bodies != ''")}
        recipes = {p for p, in db.execute("SELECT path FROM recipes WHERE length(recipe) > 0")}
    assert "2025/06/11/h1/index.html" in showing and "feed.xml" in showing and "index.html" not in showing
    assert recipes == showing


def test_an_editor_s_swap_file_in_content_does_not_stop_an_edit_of_bodies_alone(digest, monkeypatch):
    """Files below content/ that are not articles (an editor's swap file, a backup) are never read: their coming and
    going does not make an edit of a body a whole build."""
    from newsdigest import pipeline

    calls, real = [], pipeline._build
    monkeypatch.setattr(pipeline, "_build", lambda *a: (calls.append(1), real(*a))[1])
    (digest / "content" / f".{TRAMS}.swp").write_bytes(b"\0swap")
    (digest / "content" / f"{TRAMS}~").write_text("a backup", encoding="utf-8")
    CHANGES["a paragraph added at the end of a long body"](digest)
    build(digest)
    assert calls == []
    assert snapshot(digest / "site") == clean_build_of(digest)


def test_the_listing_an_edit_is_found_by_keeps_every_name_and_finds_only_the_files_changed(tmp_path):
    """The inputs' listing is kept as text, a line a file (scan.Inputs.lines: what the no-op check hashes and an edit
    of bodies alone compares with the ledger's): a name with a line break or accents, a file in a folder and a
    hidden one are each read back as they are on disk, and the comparison names the file edited and the file
    renamed, nothing else."""
    from newsdigest.scan import changes, files_below, input_state

    folder = tmp_path / "content"
    (folder / "sub").mkdir(parents=True)
    names = ["plain.md", "line\nbreak.md", "sub/inner.md", "élan.md", ".élan.md.swp"]
    for i, name in enumerate(names):
        (folder / name).write_text("x" * (10 + i), encoding="utf-8")

    def on_disk(name: str) -> tuple[str, int, int]:
        stat = (folder / name).stat()
        return name, stat.st_mtime_ns, stat.st_size

    before = input_state([str(folder)], "options")
    assert before.files[str(folder)] == sorted(on_disk(n) for n in names)
    assert files_below(folder) == sorted(on_disk(n) for n in names if not n.startswith("."))
    assert changes(before.lines[str(folder)], before.lines[str(folder)]) == (set(), set())

    edited = on_disk("line\nbreak.md")
    (folder / "line\nbreak.md").write_text("a longer body than before", encoding="utf-8")
    (folder / "plain.md").rename(folder / "plain-moved.md")
    after = input_state([str(folder)], "options")
    assert after.state != before.state
    assert changes(before.lines[str(folder)], after.lines[str(folder)]) == (
        {on_disk("line\nbreak.md"), on_disk("plain-moved.md")}, {edited, ("plain.md", *on_disk("plain-moved.md")[1:])})


def test_the_listing_is_the_same_where_a_folder_cannot_be_listed_open(tmp_path, monkeypatch):
    """Where os.scandir cannot list an open folder (Windows), the files are listed and stat-ed by their paths: the
    same lines, a file in a folder and a hidden one too."""
    from newsdigest import scan

    folder = tmp_path / "content"
    (folder / "sub" / "deeper").mkdir(parents=True)
    for name in ("a.md", "sub/b.md", "sub/deeper/c.md", ".swap", "sub/.hidden/x.md"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(name, encoding="utf-8")
    by_name = scan.lines_below(folder, hidden=True), scan.files_below(folder, ".md")
    monkeypatch.setattr(scan, "BY_NAME", False)
    assert (scan.lines_below(folder, hidden=True), scan.files_below(folder, ".md")) == by_name
    assert [path for path, _, _ in by_name[1]] == ["a.md", "sub/b.md", "sub/deeper/c.md"]
    assert len(by_name[0]) == 5


def test_a_layout_copied_with_its_size_and_mtime_beside_a_body_edit_is_a_whole_build(digest):
    """A layout (or catalog) put back with its old size and mtime (cp -p, rsync -t, tar -x) is still seen: every
    page is made with it, not only the edited article's."""
    layout = digest / "layouts" / "article.html"
    before, stat = layout.read_text(encoding="utf-8"), layout.stat()
    assert 'class="kicker"' in before
    layout.write_text(before.replace('class="kicker"', 'class="kickex"'), encoding="utf-8")
    os.utime(layout, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert layout.stat().st_size == stat.st_size
    CHANGES["a paragraph added at the end of a long body"](digest)
    build(digest)
    assert 'class="kickex"' in (digest / "site" / "2025/06/12/h2/index.html").read_text(encoding="utf-8")
    incremental = snapshot(digest / "site")
    build(digest, "--clean")
    assert snapshot(digest / "site") == incremental


def test_an_address_kept_with_its_numbered_slug_is_the_slug_an_edit_of_its_body_shows(project, monkeypatch):
    """An article that took 'twin-2' because another held 'twin' that day keeps that address once published, after
    the other moves away (published.py, without a word); a layout that shows its slug shows 'twin-2' after an edit of
    its body (made without the whole build) as after a clean build."""
    from newsdigest import pipeline

    layout = project / "layouts" / "article.html"
    layout.write_text(layout.read_text(encoding="utf-8").replace('class="kicker"', 'class="kicker" data-slug="{{ article.slug }}"'),
                      encoding="utf-8")
    bodies = {"first": " ".join(f"Ferry crossing {i} ran late again because of fog on the estuary." for i in range(14)),
              "second": " ".join(f"Orchard {i} lost its cherry harvest to a late frost in the valley." for i in range(14))}
    for name, hour in (("first", 8), ("second", 9)):   # two stories: their bodies share no rare word
        write(project, name, title=f"A report, {name}", date=f"2025-06-20T0{hour}:00:00+01:00", category="World",
              slug="twin", body=bodies[name])
    build(project)   # 'second' warned of, and given twin-2
    write(project, "first", title="A report, first", date="2025-06-20T08:00:00+01:00", category="World", slug="other",
          body=bodies["first"])
    build(project)
    build(project)   # nothing to warn of: the next may be an edit of bodies alone
    second = project / "content" / "second.md"
    second.write_text(second.read_text(encoding="utf-8") + "\nThe harbour master apologised in the evening.\n", encoding="utf-8")
    calls, real = [], pipeline._build
    monkeypatch.setattr(pipeline, "_build", lambda *a: (calls.append(1), real(*a))[1])
    build(project)
    assert calls == []
    page = (project / "site" / "2025/06/20/twin-2/index.html").read_text(encoding="utf-8")
    assert 'data-slug="twin-2"' in page and "apologised" in page
    incremental = snapshot(project / "site")
    build(project, "--clean")
    assert snapshot(project / "site") == incremental


def test_a_body_that_grows_past_its_story_s_lead_is_a_whole_build(project, monkeypatch):
    """The longest report leads its story (its headline, and the articles a day shows of it): a body edit that
    changes which report is the longest, its card and terms as they were, changes the lists, so the whole build
    runs, and gives what a clean build gives."""
    from newsdigest import pipeline

    filler = " ".join(["The river was high again on the second day, and the roads to the town stayed shut."] * 6)
    for name in ("wire", "herald"):   # bodies past the words stories compare (stories.Params.lead_words)
        _, outlet, date, title, body = next(r for r in REPORTS if r[0] == name)
        write(project, name, title=title, date=date, category="World", source_name=outlet, body=f"{body} {filler}")
    build(project)
    story = json.loads((project / "site" / "stories.json").read_text(encoding="utf-8"))["stories"]
    assert story[0]["headline"] == REPORTS[1][3] and len(story[0]["articles"]) == 2   # the herald's report leads
    calls, real = [], pipeline._build
    monkeypatch.setattr(pipeline, "_build", lambda *a: (calls.append(1), real(*a))[1])
    wire = project / "content" / "wire.md"
    wire.write_text(wire.read_text(encoding="utf-8") + "\nThe rain eased at dusk.\n", encoding="utf-8")
    build(project)
    assert calls == []   # longer, still not the longest: the story ranks its reports as before
    assert snapshot(project / "site") == clean_build_of(project)
    calls.clear()   # the clean build's
    wire.write_text(wire.read_text(encoding="utf-8") + f"\n{filler}\n", encoding="utf-8")
    build(project)
    assert calls == [1]
    story = json.loads((project / "site" / "stories.json").read_text(encoding="utf-8"))["stories"]
    assert story[0]["headline"] == REPORTS[0][3]   # the wire's, longer now
    incremental = snapshot(project / "site")
    build(project, "--clean")
    assert snapshot(project / "site") == incremental


def test_a_feed_names_the_new_id_of_a_story_an_earlier_report_joined(digest):
    """A story's id is its earliest report's: a report dated before the others that joins the story changes the
    id the JSON Feed gives its other reports, though the feed shows the same items (the newest, without it)."""
    items = [i["title"] for i in json.loads((digest / "site" / "feed.json").read_text(encoding="utf-8"))["items"]]
    herald = items.index(REPORTS[1][3])
    assert items.index(REPORTS[0][3]) > herald   # the wire's report is the earlier of the two
    config = digest / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8") + f"\nfeeds:\n  limit: {herald + 1}\n", encoding="utf-8")
    (digest / "content" / "wire.md").unlink()
    build(digest)
    report(digest, "wire")
    build(digest)
    feed = json.loads((digest / "site" / "feed.json").read_text(encoding="utf-8"))
    assert REPORTS[0][3] not in [i["title"] for i in feed["items"]]
    assert feed["items"][-1]["title"] == REPORTS[1][3] and feed["items"][-1]["_newsdigest"] == {"story": "2025-06-11-wire"}
    incremental = snapshot(digest / "site")
    build(digest, "--clean")
    assert snapshot(digest / "site") == incremental


def test_unchanged_files_keep_their_bytes_and_mtimes(digest, capsys):
    capsys.readouterr()
    before = mtimes(digest / "site")
    CHANGES["title edited"](digest)
    assert main(["--config", str(digest / "config.yaml"), "--now", NOW, "--verbose"]) == 0
    written = {line.removeprefix("wrote site/") for line in capsys.readouterr().out.splitlines() if line.startswith("wrote ")}
    after = mtimes(digest / "site")
    assert "2025/06/12/h2/index.html" in written and "feed.xml" in written and "section/world/index.html" in written
    assert len(written) < len(after) / 3
    assert {p for p in after if after[p] != before.get(p)} == written


def test_a_no_op_build_writes_nothing(digest, capsys):
    capsys.readouterr()
    before = mtimes(digest / "site")
    assert main(["--config", str(digest / "config.yaml"), "--now", NOW]) == 0
    assert "(0 files written, " in capsys.readouterr().out
    assert mtimes(digest / "site") == before


def test_a_no_op_build_parses_no_config_and_imports_none_of_the_build(digest):
    """The no-op check runs first: it lists the inputs the last build listed and hashes the config's bytes, and
    imports neither PyYAML (the config's parser) nor the build's stages; an edit of the config is no no-op."""
    import subprocess
    import sys

    from tests.conftest import REPO

    def build_py(*extra: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-X", "importtime", str(REPO / "build.py"), "--config",
                               str(digest / "config.yaml"), "--now", NOW, *extra], capture_output=True, text=True)

    def imported(result: subprocess.CompletedProcess) -> set[str]:
        return {line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}

    build_py()   # the fixture's build warned of a seed: this one has nothing to say, so the next may do nothing
    result = build_py()
    assert result.returncode == 0 and "(0 files written, " in result.stdout, result.stdout + result.stderr
    assert {"yaml", "jinja2", "newsdigest.config", "newsdigest.pipeline"}.isdisjoint(imported(result))
    config = digest / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("title: ", "title: The ", 1), encoding="utf-8")
    result = build_py()
    assert "newsdigest.pipeline" in imported(result) and "(0 files written, " not in result.stdout


def test_a_comment_edited_in_the_config_is_a_build_but_not_a_full_one(digest, monkeypatch):
    """The config's bytes are in the inputs' state (the build runs), its meaning in the ledger's key (unchanged: no
    full build, nothing rewritten)."""
    from newsdigest import pipeline

    build(digest)
    before, calls, real = mtimes(digest / "site"), [], pipeline.build
    monkeypatch.setattr(pipeline, "build", lambda *a, **k: (calls.append(1), real(*a, **k))[1])
    config = digest / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "# the evening edition from June on\n", encoding="utf-8")
    build(digest)
    assert calls == [1] and mtimes(digest / "site") == before


def test_a_build_by_another_version_of_newsdigest_is_no_no_op(digest, monkeypatch):
    from newsdigest import cli, pipeline

    build(digest)
    calls, real = [], pipeline.build
    monkeypatch.setattr(pipeline, "build", lambda *a, **k: (calls.append(1), real(*a, **k))[1])
    build(digest)
    assert calls == []   # a no-op
    monkeypatch.setattr(cli, "__version__", "0.0.0-another")
    build(digest)
    assert calls == [1]


def test_an_input_folder_linked_elsewhere_is_no_no_op(project):
    """content/ a symbolic link: pointed at another folder, the no-op check follows it again."""
    write(project, "h0", title="Hand story 0", date="2025-06-10T10:00:00+01:00", category="World")
    (project / "content").rename(project / "content-a")
    shutil.copytree(project / "content-a", project / "content-b")
    (project / "content-b" / "h1.md").write_text('---\ntitle: "Hand story 1"\ndate: "2025-06-11T10:00:00+01:00"\n'
                                                'category: World\n---\n\nSome body text.\n', encoding="utf-8")
    (project / "content").symlink_to("content-a")
    build(project)
    build(project)   # the no-op state recorded
    (project / "content").unlink()
    (project / "content").symlink_to("content-b")
    build(project)
    assert (project / "site" / "2025" / "06" / "11" / "h1" / "index.html").is_file()


def test_a_site_folder_linked_elsewhere_is_built_there(project):
    write(project, "h0", title="Hand story 0", date="2025-06-10T10:00:00+01:00", category="World")
    (project / "site-a").mkdir()
    (project / "site-b").mkdir()
    (project / "site").symlink_to("site-a")
    build(project)
    build(project)
    (project / "site").unlink()
    (project / "site").symlink_to("site-b")
    build(project)
    assert (project / "site-b" / "index.html").is_file()


def test_a_config_edited_while_a_build_waits_for_the_lock_is_built_by_the_next(digest, monkeypatch):
    """The build records the config it read, not the bytes on disk once it got the lock."""
    from contextlib import contextmanager

    from newsdigest import cli

    build(digest)   # the fixture's build warned of a seed: this one records the no-op state
    write(digest, "h0", title="Hand story 0, edited", date="2025-06-10T10:00:00+01:00", category="World")
    config, real = digest / "config.yaml", cli.project_lock

    @contextmanager
    def edited_while_waiting(root, wait=cli.WAIT):
        if wait:   # the build's own wait (the no-op check does not wait): the config is edited meanwhile
            config.write_text(config.read_text(encoding="utf-8").replace("title: ", "title: The Evening ", 1),
                              encoding="utf-8")
        with real(root, wait):
            yield

    monkeypatch.setattr(cli, "project_lock", edited_while_waiting)
    build(digest)
    monkeypatch.undo()
    build(digest)
    assert "The Evening " in (digest / "site" / "index.html").read_text(encoding="utf-8")


def test_the_build_after_a_failed_no_op_check_runs_under_the_lock_the_check_took(digest, monkeypatch):
    """No other build can change the inputs between the check's listing of them and the build that uses it."""
    import fcntl

    from newsdigest import config as config_module

    seen, real = [], config_module.load_config

    def probing(path):
        fd = os.open(digest / ".cache" / "build.lock", os.O_RDWR)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            seen.append("free")
        except BlockingIOError:
            seen.append("held")
        finally:
            os.close(fd)
        return real(path)

    monkeypatch.setattr(config_module, "load_config", probing)
    write(digest, "h0", title="Hand story 0, edited", date="2025-06-10T10:00:00+01:00", category="World")
    build(digest)
    assert seen == ["held"]


@pytest.mark.parametrize("damage", ["garbage", "empty", "other version", "missing"])
def test_a_corrupt_or_stale_cache_means_a_full_build(digest, damage):
    cache = digest / ".cache" / "ledger.sqlite"
    expected = snapshot(digest / "site")
    if damage == "garbage":
        cache.write_bytes(b"SQLite format 3\x00not a database")
    elif damage == "empty":
        cache.write_bytes(b"")
    elif damage == "other version":
        with closing(sqlite3.connect(cache)) as stale, stale:
            stale.execute("UPDATE meta SET value = 'something else' WHERE name = 'key'")
            stale.execute("UPDATE outputs SET made_from = 'wrong'")
    else:
        cache.unlink()
    build(digest)
    assert snapshot(digest / "site") == expected


def test_a_ledger_of_another_version_is_not_taken_for_a_no_op(digest, capsys):
    """Nothing changed but the newsdigest that made the ledger (its key): the build is a full one, not a no-op."""
    build(digest)
    capsys.readouterr()
    build(digest)
    assert "(0 files written" in capsys.readouterr().out
    with closing(sqlite3.connect(digest / ".cache" / "ledger.sqlite")) as ledger, ledger:
        ledger.execute("UPDATE meta SET value = 'made by another version' WHERE name = 'key'")
    capsys.readouterr()
    build(digest)
    assert "(0 files written" not in capsys.readouterr().out
    capsys.readouterr()
    build(digest)
    assert "(0 files written" in capsys.readouterr().out


def test_a_build_at_an_instant_before_the_newest_article_is_not_a_no_op(digest, capsys, tmp_path):
    """Nothing changed but the build instant, moved back before articles the last build published (a preview
    with --now, a clock set back): they are scheduled now, as a clean build at that instant has them."""
    build(digest)
    capsys.readouterr()
    build(digest)
    assert "(0 files written" in capsys.readouterr().out
    earlier = ["--config", str(digest / "config.yaml"), "--now", "2025-06-16T00:00:00+00:00"]
    assert main(earlier) == 0
    out = capsys.readouterr().out
    assert "(0 files written" not in out and " 0 scheduled" not in out
    clean = tmp_path / "clean"
    shutil.copytree(digest, clean, ignore=shutil.ignore_patterns(".cache", "site"))
    assert main(["--config", str(clean / "config.yaml"), "--now", "2025-06-16T00:00:00+00:00", "--clean"]) == 0
    assert snapshot(digest / "site") == snapshot(clean / "site")


def test_a_site_replaced_behind_the_cache_is_rebuilt_whole(digest):
    expected = snapshot(digest / "site")
    shutil.rmtree(digest / "site")
    build(digest)
    assert snapshot(digest / "site") == expected


def test_a_touched_seed_finds_its_content_file_through_the_cache_and_is_not_converted_twice(digest, capsys):
    seeds = sorted((digest / "seeds").glob("*.txt"))
    before = snapshot(digest / "content")
    touched = seeds[0].stat()
    os.utime(seeds[0], ns=(touched.st_atime_ns, touched.st_mtime_ns + 10**9))   # same bytes, new mtime
    (digest / "seeds" / "new.txt").write_text(CHANGES_SEED, encoding="utf-8")
    capsys.readouterr()
    build(digest)
    out = capsys.readouterr().out
    assert f"seeds: 1 converted, {len(seeds)} unchanged" in out
    after = snapshot(digest / "content")
    assert {k: v for k, v in after.items() if k in before} == before and len(after) == len(before) + 1


def test_a_report_that_joins_a_story_rewrites_that_story_s_pages_and_no_other_story_s(project, capsys):
    for name, *_ in REPORTS[:2]:
        report(project, name)
    others = [("Tanker leaks fuel oil off Sardinia's Sinis coast", "The tanker Aurelia Grace struck rocks off Oristano and "
               "leaked 400 tonnes of fuel oil; a slick six kilometres long drifts towards the Sinis peninsula."),
              ("Sinis beaches brace for the Aurelia Grace slick", "Booms were laid around the Sinis peninsula near Oristano "
               "as 400 tonnes of fuel oil from the tanker Aurelia Grace drifted in a slick six kilometres long."),
              ("Aurelia Grace spill: volunteers clean Is Arutas", "Volunteers cleaned the first beach of the Sinis "
               "peninsula reached by the fuel oil of the tanker Aurelia Grace, after 400 tonnes leaked off Oristano.")]
    for i, (title, body) in enumerate(others):
        write(project, f"spill{i}", title=title, date=f"2025-06-2{i}T09:00:00+00:00", category="Europe", body=body)
    assert main(["--config", str(project / "config.yaml"), "--now", NOW]) == 0
    assert (project / "site" / "story" / "2025-06-20-spill0" / "index.html").exists()
    capsys.readouterr()
    report(project, "blog")
    assert main(["--config", str(project / "config.yaml"), "--now", NOW, "--verbose"]) == 0
    written = {line.removeprefix("wrote site/") for line in capsys.readouterr().out.splitlines() if line.startswith("wrote ")}
    assert {"2025/06/11/wire/index.html", "2025/06/11/herald/index.html", "2025/06/12/blog/index.html",
            "story/2025-06-11-wire/index.html", "stories.json"} <= written
    # The other story's page and articles are as they were, but for its first article: the new report is its
    # "Older" neighbour now (the newer/older links, as before stories).
    assert [path for path in written if "spill" in path] == ["2025/06/20/spill0/index.html"]
    page = (project / "site" / "2025/06/20/spill0/index.html").read_text(encoding="utf-8")
    assert 'rel="next" class="older" href="../../../../2025/06/12/blog/"' in page


CHANGES_SEED = ("World\nFerry crews agree a new rota after a week of talks\nJune 29, 2025 / 09:00 IST\n"
                "Crews and operators signed the rota on Sunday.\n")


def test_a_run_of_edits_each_built_on_the_last_equals_a_clean_build_after_each(digest, tmp_path):
    """An edit makes again the outputs the ledger says show the article edited (when nothing moved), so a run of
    builds each on the last one's ledger must stay exact: compared after each with a clean build of a copy."""
    edits = [dict(name="h1", title="Hand story 1", date="2025-06-11T10:00:00+01:00", category="Science",
                  tags=["T1", "Shared"], body="A new body. " * 40),
             dict(name="h1", title="Hand story 1, retitled", date="2025-06-11T10:00:00+01:00", category="Science",
                  tags=["T1", "Shared"], body="A new body. " * 40),
             dict(name="h2", title="Hand story 2", date="2025-06-12T10:00:00+01:00", category="World",
                  tags=["T2", "Shared"], body="Another body, shorter."),
             dict(name="h1", title="Hand story 1, retitled", date="2025-06-11T10:00:00+01:00", category="Culture",
                  tags=["T1"], body="A new body. " * 40),
             dict(name="h1", title="Hand story 1, again", date="2025-06-11T10:00:00+01:00", category="Culture",
                  tags=["T1"], body="The body once more.")]
    for i, meta in enumerate(edits):
        meta = dict(meta)
        write(digest, meta.pop("name"), **meta)
        build(digest)
        clean = tmp_path / f"clean-{i}"
        shutil.copytree(digest, clean, ignore=shutil.ignore_patterns(".cache", "site"))
        build(clean, "--clean")
        assert snapshot(digest / "site") == snapshot(clean / "site"), edits[i]
