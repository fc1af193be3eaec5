"""Nothing lost: a killed build leaves the last site byte for byte; deleted articles leave no stale page."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from hypothesis import given, settings, strategies as st

from tests.corpus import content_text
from newsdigest.cli import main
from newsdigest.content import dump_document, split_document
from tests.conftest import REPO


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_kill_9_in_the_middle_of_writing_leaves_the_last_site_intact(project):
    for i in range(400):
        (project / "content" / f"a{i:04d}.md").write_text(content_text(i), encoding="utf-8")
    assert main(["--config", str(project / "config.yaml")]) == 0
    before = snapshot(project / "site")
    (project / "content" / "a0000.md").write_text(content_text(0).replace("plan 0", "plan zero"), encoding="utf-8")
    killed_while_writing = False
    for attempt in range(5):   # kill as soon as the staging folder appears: the build is writing the new site
        proc = subprocess.Popen([sys.executable, str(REPO / "build.py"), "--config", str(project / "config.yaml"), "--clean"],
                                cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while proc.poll() is None:   # however slow the machine: the build ends, or is killed while writing
            if list(project.glob(".site.new-*")):
                os.kill(proc.pid, signal.SIGKILL)
                killed_while_writing = True
                break
            time.sleep(0.001)
        proc.wait()
        if killed_while_writing:
            break
    assert killed_while_writing
    assert snapshot(project / "site") == before
    assert main(["--config", str(project / "config.yaml")]) == 0      # the next build cleans up and goes on
    assert not list(project.glob(".site.*"))
    assert b"plan zero" in b"".join(snapshot(project / "site").values())


def test_an_incremental_build_killed_after_its_journal_is_complete_is_finished_by_the_next(project, monkeypatch):
    import newsdigest.write as write

    for i in range(30):
        (project / "content" / f"a{i:04d}.md").write_text(content_text(i), encoding="utf-8")
    assert main(["--config", str(project / "config.yaml")]) == 0
    before = snapshot(project / "site")
    (project / "content" / "a0001.md").write_text(content_text(1).replace("plan 1", "plan one"), encoding="utf-8")
    (project / "content" / "a0002.md").unlink()
    monkeypatch.setattr(write, "_roll_forward", lambda output: None)      # "killed" right after the commit rename
    assert main(["--config", str(project / "config.yaml")]) == 0
    assert snapshot(project / "site") == before and (project / ".site.commit").is_dir()
    monkeypatch.undo()
    assert main(["--config", str(project / "config.yaml")]) == 0
    incremental = snapshot(project / "site")
    assert not (project / ".site.commit").exists()
    assert main(["--config", str(project / "config.yaml"), "--clean"]) == 0
    assert snapshot(project / "site") == incremental
    assert b"plan one" in b"".join(incremental.values()) and not any("plan-2" in p for p in incremental)


def test_a_deleted_article_disappears_from_pages_and_feeds(project):
    for name in ("keep", "gone"):
        (project / "content" / f"{name}.md").write_text(f"---\ntitle: Story {name}\ndate: 2025-06-18\ntags: [T{name}]\n---\nx\n")
    assert main(["--config", str(project / "config.yaml")]) == 0
    assert (project / "site/2025/06/18/gone/index.html").exists()
    (project / "content" / "gone.md").unlink()
    assert main(["--config", str(project / "config.yaml")]) == 0
    site = snapshot(project / "site")
    assert not any("gone" in path for path in site) and not any(b"Story gone" in data for data in site.values())


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["title", "dek", "summary", "category", "custom"]),
                       st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)),
       st.lists(st.text(max_size=20), max_size=4))
def test_front_matter_strings_round_trip(meta, tags):
    meta = {**meta, "tags": tags}
    meta_back, body, _ = split_document(dump_document(meta, "Body.\n"), "x.md")
    meta_back.pop("generated_sha256")
    assert meta_back == meta and body == "Body.\n"
