"""Ingestion as the operator sees it: seeds/ -> content/, re-runs, hand edits, duplicates, bad seeds."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import yaml

from newsdigest.cli import main
from newsdigest.config import load_config
from newsdigest.content import split_document
from newsdigest.errors import Problems
from newsdigest.ingest import ingest_seeds
from newsdigest.ingest.parse import Rules, parse_seed
from tests.conftest import REPO

SHIPPED = REPO / "seeds" / "000_149765c5c7625a3e.txt"


def ingest(project: Path) -> Problems:
    problems = Problems()
    ingest_seeds(load_config(project / "config.yaml"), problems)
    return problems


def content_files(project: Path) -> dict[str, tuple[dict, str]]:
    return {p.name: split_document(p.read_text(encoding="utf-8"), p.name)[:2] for p in sorted((project / "content").glob("*.md"))}


def test_the_shipped_seed_converts_as_the_issue_says():
    text = SHIPPED.read_text(encoding="utf-8")
    got = parse_seed(text, Rules(zone="Asia/Kolkata"))
    title = "North Korea to send 6,000 workers and soldiers to rebuild Russian war zone, deepening military alliance"
    assert got.title == title
    assert got.category == "World"
    assert got.dek.startswith("Kim Jong-un agrees to dispatch construction brigades")
    assert got.date.isoformat() == "2025-06-18T11:10:00+05:30"
    assert got.image_credit == "KCNA via REUTERS"
    assert got.image_caption.startswith("North Korean leader Kim Jong Un meets with Secretary")
    assert "KCNA" not in got.body and "Story continues" not in got.body and title not in got.body
    assert "\n## Kursk holds symbolic value for Pyongyang\n" in got.body
    for start in ("North Korea will send thousands", "Sergei Shoigu, a close confidant", "The Kursk region is"):
        assert got.body.count(start) == 1
    assert {"North Korea", "Russia", "Kursk"} <= set(got.tags)


def test_converted_file_has_the_front_matter_keys(project):
    shutil.copy(SHIPPED, project / "seeds")
    assert ingest(project).errors == []
    [(meta, body)] = content_files(project).values()
    for key in ("id", "title", "dek", "summary", "lang", "date", "category", "tags", "slug", "image", "seed"):
        assert key in meta, key
    assert meta["lang"] == "en"     # detected from the copied text
    assert meta["seed"] == SHIPPED.name
    assert meta["date"].isoformat() == "2025-06-18T11:10:00+05:30"
    assert meta["image"] == {"caption": meta["image"]["caption"], "credit": "KCNA via REUTERS"}


def test_rerun_leaves_unchanged_files_alone(project):
    shutil.copy(SHIPPED, project / "seeds")
    ingest(project)
    path = next((project / "content").glob("*.md"))
    before = path.stat().st_mtime_ns, path.read_bytes()
    assert ingest(project).warnings == []
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before


def test_a_changed_seed_is_converted_again(project):
    seed = project / "seeds" / "a.txt"
    seed.write_text("World\nFirst headline about the harbour opening\nJune 1, 2025 / 10:00 IST\nThe harbour opened today.\n© 2025 The Harbour Post\n", encoding="utf-8")
    ingest(project)
    seed.write_text("World\nFirst headline about the harbour opening\nJune 1, 2025 / 10:00 IST\nThe harbour opened today, late.\n© 2025 The Harbour Post\n", encoding="utf-8")
    assert ingest(project).warnings == []
    [(meta, body)] = content_files(project).values()
    assert "late." in body


def test_a_hand_edited_file_is_never_overwritten(project):
    seed = project / "seeds" / "a.txt"
    seed.write_text("World\nFirst headline about the harbour opening\nJune 1, 2025 / 10:00 IST\nThe harbour opened today.\n© 2025 The Harbour Post\n", encoding="utf-8")
    ingest(project)
    path = next((project / "content").glob("*.md"))
    edited = path.read_text(encoding="utf-8").replace("The harbour opened today.", "The harbour opened today (edited).")
    path.write_text(edited, encoding="utf-8")
    assert ingest(project).warnings == []                       # seed unchanged: nothing to say
    seed.write_text(seed.read_text(encoding="utf-8") + "More text arrived.\n", encoding="utf-8")
    problems = ingest(project)
    assert path.read_text(encoding="utf-8") == edited
    sha = hashlib.sha256(seed.read_bytes()).hexdigest()[:16]
    assert problems.warnings == [f"seeds/a.txt changed, but content/{path.name} was edited by hand: kept it as it is; "
                                 f"to convert the seed again, delete content/{path.name}; to keep your version and "
                                 f"silence this warning, set its 'seed_sha256:' line to {sha}"]


def test_the_same_article_saved_twice_gives_one_file_and_a_warning(project):
    text = "World\nFirst headline about the harbour opening\nJune 1, 2025 / 10:00 IST\nThe harbour opened today.\n© 2025 The Harbour Post\n"
    (project / "seeds" / "a.txt").write_text(text, encoding="utf-8")
    (project / "seeds" / "b.txt").write_text("Share\n" + text.replace("\n", "  \n") + "ADVERTISEMENT\n", encoding="utf-8")
    problems = ingest(project)
    assert len(content_files(project)) == 1
    assert problems.warnings == ["seeds/b.txt: same article as seeds/a.txt; skipped it"]


def test_bad_seeds_are_reported_and_the_rest_still_convert(project, capsys):
    seeds = project / "seeds"
    shutil.copy(SHIPPED, seeds)
    (seeds / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (seeds / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (seeds / "nothing.txt").write_text("Share\nADVERTISEMENT\n___\n", encoding="utf-8")
    status = main(["--config", str(project / "config.yaml")])
    err = capsys.readouterr().err
    assert status == 1
    assert "error: seeds/empty.txt: empty file: paste the article's text into it, or delete it" in err
    assert "error: seeds/binary.txt: binary file, not text: save it as UTF-8 text" in err
    assert ("error: seeds/nothing.txt: no paragraph of prose in it (empty, a menu or a list of links); "
            "is this a news article?") in err
    assert "Traceback" not in err
    assert len(content_files(project)) == 1
    assert (project / "site" / "index.html").exists()


def test_config_extends_boilerplate_and_zones(project):
    config = yaml.safe_load((project / "config.yaml").read_text())
    config["ingest"] = {"boilerplate": [r"Tap to read in our app.*"], "timezones": {"KTM": "+05:45"}}
    (project / "config.yaml").write_text(yaml.safe_dump(config))
    (project / "seeds" / "a.txt").write_text(
        "World\nValley airport extends its runway\nJune 1, 2025 10:00 KTM\nTap to read in our app for free\n"
        "The airport opened a longer runway on Sunday.\n", encoding="utf-8")
    ingest(project)
    [(meta, body)] = content_files(project).values()
    assert meta["date"].isoformat() == "2025-06-01T10:00:00+05:45"
    assert "Tap to read" not in body


def test_a_duplicate_of_an_earlier_seed_is_caught_in_a_later_build(project, capsys):
    text = "World\nFirst headline about the harbour opening\nJune 1, 2025 / 10:00 IST\nThe harbour opened today.\n© 2025 The Harbour Post\n"
    (project / "seeds" / "a.txt").write_text(text, encoding="utf-8")
    assert main(["--config", str(project / "config.yaml")]) == 0
    (project / "seeds" / "b.txt").write_text("ADVERTISEMENT\n" + text, encoding="utf-8")
    assert main(["--config", str(project / "config.yaml")]) == 0
    assert "warning: seeds/b.txt: same article as seeds/a.txt; skipped it" in capsys.readouterr().err
    assert len(content_files(project)) == 1
