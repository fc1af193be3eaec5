"""A published address never moves (issue 25): when a later article claims a slug another holds on the same day,
the one already published keeps it and the newcomer gets a number, in incremental and clean builds alike."""

from __future__ import annotations

from pathlib import Path

import feedparser

from newsdigest.cli import main


def story(project: Path, name: str, title: str, hour: int, slug: str = "") -> None:
    extra = f"slug: {slug}\n" if slug else ""
    (project / "content" / f"{name}.md").write_text(
        f"---\ntitle: {title}\ndate: 2025-03-09T{hour:02d}:00:00+00:00\n{extra}---\n\nAbout {title.lower()}.\n",
        encoding="utf-8")


def build(project: Path, capsys, *args: str) -> str:
    assert main(["--config", str(project / "config.yaml"), "--now", "2025-03-10T00:00:00+00:00", *args]) == 0
    return capsys.readouterr().err


def at(project: Path) -> dict[str, str]:
    """Address (the day's folder name) -> the headline published there."""
    day = project / "site" / "2025" / "03" / "09"
    return {p.name: p.joinpath("index.html").read_text(encoding="utf-8").split("<h1>", 1)[1].split("</h1>", 1)[0]
            for p in sorted(day.iterdir()) if p.is_dir()}


def test_the_story_published_first_keeps_its_address_in_incremental_and_clean_builds(project, capsys):
    story(project, "zz-lighthouse", "Lighthouse keeper retires", 15, slug="lighthouse-keeper-retires")
    build(project, capsys)
    link = feedparser.parse((project / "site" / "feed.xml").read_bytes()).entries[0].link
    assert at(project) == {"lighthouse-keeper-retires": "Lighthouse keeper retires"}
    # A newcomer claims the slug: dated earlier that day and with a file name sorting first, so that neither
    # the date nor the name could have told which was there first; only what is published does.
    story(project, "aa-backdated", "Lighthouse keeper honoured", 7, slug="lighthouse-keeper-retires")
    for args in ((), ("--clean",), ()):
        err = build(project, capsys, *args)
        assert at(project) == {"lighthouse-keeper-retires": "Lighthouse keeper retires",
                               "lighthouse-keeper-retires-2": "Lighthouse keeper honoured"}, args
        assert err == ("warning: content/aa-backdated.md: slug 'lighthouse-keeper-retires' is taken on 2025/03/09 by "
                       "content/zz-lighthouse.md; using 'lighthouse-keeper-retires-2'\n"), args
    links = {e.title: e.link for e in feedparser.parse((project / "site" / "feed.xml").read_bytes()).entries}
    assert links["Lighthouse keeper retires"] == link


def test_a_numbered_address_stays_when_the_story_it_made_way_for_is_gone(project, capsys):
    story(project, "dam-opens", "Dam opens", 6)
    story(project, "dam-again", "Dam opens again", 9, slug="dam-opens")
    build(project, capsys)
    assert at(project) == {"dam-opens": "Dam opens", "dam-opens-2": "Dam opens again"}
    (project / "content" / "dam-opens.md").unlink()
    for args in ((), ("--clean",)):
        assert build(project, capsys, *args) == ""
        assert at(project) == {"dam-opens-2": "Dam opens again"}, args
    story(project, "dam-opens-2", "Dam opens 2", 12)      # its own slug is dam-opens-2, which is published already
    build(project, capsys)
    assert at(project) == {"dam-opens-2": "Dam opens again", "dam-opens-2-2": "Dam opens 2"}


def test_with_nothing_published_yet_the_earlier_story_takes_the_slug(project, capsys):
    story(project, "aa-later", "Ferry fares rise again", 18, slug="ferry-fares")
    story(project, "zz-earlier", "Ferry fares", 8, slug="ferry-fares")
    err = build(project, capsys)
    assert at(project) == {"ferry-fares": "Ferry fares", "ferry-fares-2": "Ferry fares rise again"}
    assert "content/aa-later.md: slug 'ferry-fares' is taken on 2025/03/09 by content/zz-earlier.md" in err


def test_files_of_one_name_in_two_folders_are_two_feed_items_and_keep_their_addresses(project, capsys):
    # Two reports named alike in their own folders, on one day: each is its own feed item (a reader that
    # took them for one would drop a story), and each keeps the address it was published at.
    for folder, title, hour in (("harbour", "Harbour crane toppled by gale", 8), ("council", "Council votes on rates", 11)):
        (project / "content" / folder).mkdir()
        (project / "content" / folder / "report.md").write_text(
            f"---\ntitle: {title}\ndate: 2025-03-09T{hour:02d}:00:00+00:00\nslug: daily-report\n---\n\nAbout {title.lower()}.\n",
            encoding="utf-8")
    build(project, capsys)
    entries = feedparser.parse((project / "site" / "feed.xml").read_bytes()).entries
    ids = {e.title: e.id for e in entries}
    assert len(set(ids.values())) == 2, ids
    assert ids["Council votes on rates"].endswith(":council/report"), ids
    published = at(project)
    assert published == {"daily-report": "Harbour crane toppled by gale", "daily-report-2": "Council votes on rates"}
    (project / "content" / "harbour" / "report.md").write_text(
        "---\ntitle: Harbour crane toppled by gale\ndate: 2025-03-09T13:00:00+00:00\nslug: daily-report\n---\n\n"
        "About the crane, now dated later than the council's report.\n", encoding="utf-8")
    for args in ((), ("--clean",)):
        build(project, capsys, *args)
        assert at(project) == published, args


def test_a_copied_file_keeping_its_id_is_warned_of(project, capsys):
    for name, title in (("ferry-timetable", "Ferry timetable changes"), ("ferry-timetable-copy", "Ferry fares rise")):
        (project / "content" / f"{name}.md").write_text(
            f"---\ntitle: {title}\nid: tag:example.org,2025-03-09:ferry\ndate: 2025-03-09T08:00:00+00:00\n---\n\nText.\n",
            encoding="utf-8")
    err = build(project, capsys)
    assert ("warning: content/ferry-timetable.md: its id 'tag:example.org,2025-03-09:ferry' is "
            "content/ferry-timetable-copy.md's too") in err
