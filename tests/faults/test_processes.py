"""Faults of processes: a worker killed, Pagefind failing, crashing or hanging, Ctrl-C and SIGTERM at
each stage, the build itself killed, two builds at once, `serve` through a failed rebuild, and a bug."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.corpus import content_text, seed_text

from tests.waiting import HANG, wait_for

from .conftest import Project, assert_one_line, assert_recovers

STOPPED = "stopped; the published site and content/ are unchanged"
PUBLISHED = "stopped, just after the site was published: it is complete"


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def stop(running: subprocess.Popen) -> None:
    """Make sure a build started by a test is gone, whatever the test did."""
    if running.poll() is None:
        os.killpg(running.pid, signal.SIGKILL)
    running.communicate(timeout=HANG)


def many_articles(project: Project, n: int = 160) -> None:
    """Enough articles that a build renders on every core (more than 300 pages and feeds)."""
    for i in range(n):
        (project.root / "content" / f"bulk-{i:03d}.md").write_text(content_text(i), encoding="utf-8")
    assert project.build().returncode == 0


# ---- a worker killed -------------------------------------------------------------------------------------

@pytest.mark.parametrize("stage", ["rendering", "ingestion"])
def test_a_worker_killed(project: Project, stage):
    """SIGKILL to one worker process, as the out-of-memory killer sends it."""
    if os.cpu_count() < 2:
        pytest.skip("one core: the build runs no worker processes")
    if stage == "rendering":
        many_articles(project)
        project.add_seed()
        slow = {"newsdigest.pipeline.render_page": 0.02}
    else:
        for i in range(120):
            (project.root / "seeds" / f"bulk-{i:03d}.txt").write_text(seed_text(i), encoding="utf-8")
        slow = {"newsdigest.ingest.read_seed": 0.05}
    before = project.tree()
    running = project.build("--clean", spec={"slow": slow}, wait=False)
    try:
        wait_for(lambda: len(children(running.pid)) >= 1, running, "a worker process")   # and the build renders too
        time.sleep(0.5)
        os.kill(children(running.pid)[0], signal.SIGKILL)
        out, err = running.communicate(timeout=HANG)
    finally:
        stop(running)
    result = subprocess.CompletedProcess(running.args, running.returncode, out, err)
    assert_one_line(result, 2, "worker process", "died", "dmesg", "as they were")
    assert project.tree() == before
    assert_recovers(project)


# ---- Pagefind ----------------------------------------------------------------------------------------------

FAKES = {
    "exits 1": ("#!/bin/sh\necho 'Error: index is corrupt' >&2\nexit 1\n", ("exited with status 1", "index is corrupt")),
    "crashes": ("#!/bin/sh\nkill -SEGV $$\n", ("crashed (signal 11)",)),
    "hangs": ("#!/bin/sh\necho $$ > {pid}\nexec sleep 3600\n", ("did not finish in 2 s",)),
}


def gone(pid: int) -> bool:
    """The process has ended (or is a zombie nobody waits for: it runs no more)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].startswith("Z")
    except OSError:
        return True


@pytest.mark.parametrize("how", list(FAKES))
def test_pagefind_fails(search_project: Project, tmp_path, how):
    script, words = FAKES[how]
    fake, pid, scratch = tmp_path / "pagefind", tmp_path / "pagefind.pid", tmp_path / "scratch"
    fake.write_text(script.format(pid=pid))
    fake.chmod(0o755)
    scratch.mkdir()
    search_project.add_seed()
    before = search_project.tree()
    result = search_project.build(env={"PAGEFIND_BINARY_PATH": str(fake), "NEWSDIGEST_PAGEFIND_TIMEOUT": "2"},
                                  spec={"scratch": str(scratch)})
    assert_one_line(result, 2, "search: Pagefind", str(fake), *words, "pagefind[bin]", "search: false")
    if pid.exists():   # the hung one was stopped, not waited for: the build could not have ended otherwise
        assert gone(int(pid.read_text()))
    assert search_project.tree() == before and list(scratch.iterdir()) == []   # nothing left in its own scratch
    assert_recovers(search_project)


def test_ctrl_c_while_pagefind_runs(search_project: Project, tmp_path):
    """Ctrl-C reaches Pagefind too (one process group): it stops, and so does the build, leaving nothing."""
    ran = tmp_path / "ran"
    fake = tmp_path / "pagefind"
    fake.write_text(f"#!/bin/sh\ntouch {ran}\nexec sleep 3600\n")
    fake.chmod(0o755)
    scratch = tmp_path / "scratch"   # the build's own: other builds on this machine use /dev/shm too
    scratch.mkdir()
    search_project.add_seed()
    before = search_project.tree()
    running = search_project.build(env={"PAGEFIND_BINARY_PATH": str(fake)}, spec={"scratch": str(scratch)}, wait=False)
    try:
        wait_for(ran.exists, running, "Pagefind started")
        os.killpg(running.pid, signal.SIGINT)
        out, err = running.communicate(timeout=HANG)
    finally:
        stop(running)
    assert_one_line(subprocess.CompletedProcess(running.args, running.returncode, out, err), 130, STOPPED)
    assert search_project.tree() == before and list(scratch.iterdir()) == []
    assert_recovers(search_project)


# ---- Ctrl-C and SIGTERM ------------------------------------------------------------------------------------

@pytest.mark.parametrize("stage", ["converting seeds", "loading content", "sorting", "rendering", "putting"])
@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM])
def test_stopped_at_each_stage(project: Project, stage, number):
    project.add_seed()
    before = project.tree()
    result = project.build(spec={"signal_at": {"stage": stage, "signal": int(number)}})
    assert_one_line(result, 130, STOPPED)
    assert project.tree() == before
    assert_recovers(project)


def test_ctrl_c_while_workers_render(project: Project):
    """As a terminal sends it: to the build and its workers at once; the workers leave it to the build."""
    if os.cpu_count() < 2:
        pytest.skip("one core: the build runs no worker processes")
    many_articles(project)
    project.add_seed()
    before = project.tree()
    running = project.build("--clean", spec={"slow": {"newsdigest.pipeline.render_page": 0.02}}, wait=False)
    try:
        wait_for(lambda: len(children(running.pid)) >= 1, running, "a worker process")   # and the build renders too
        time.sleep(0.5)
        os.killpg(running.pid, signal.SIGINT)
        out, err = running.communicate(timeout=HANG)
    finally:
        stop(running)
    assert_one_line(subprocess.CompletedProcess(running.args, running.returncode, out, err), 130, STOPPED)
    assert project.tree() == before
    assert_recovers(project)


def test_stopped_while_the_site_is_put_in_place(project: Project):
    """The site, content/ and the cache move on together: Ctrl-C waits for that, then stops."""
    project.add_seed()
    result = project.build(spec={"signal_in_commit": int(signal.SIGINT)})
    assert_one_line(result, 130, "stopped, just after the site was published")
    assert "Glacier survey" in (project.site / "index.html").read_text(encoding="utf-8")
    assert_recovers(project)


def test_a_build_killed_outright_is_finished_by_the_next(project: Project):
    """SIGKILL cannot be caught: the next build puts content/ back, removes the scratch folders, and
    builds what a clean build would."""
    many_articles(project)
    project.add_seed()
    running = project.build("--clean", spec={"slow": {"newsdigest.pipeline.render_page": 0.02}}, wait=False)
    try:
        wait_for(lambda: any(project.root.joinpath("out").glob(".site.*")) and (project.root / ".cache" / "undo").exists(),
                 running, "the staging folder")
        time.sleep(0.3)
        os.killpg(running.pid, signal.SIGKILL)
    finally:
        stop(running)
    assert (project.root / ".cache" / "undo").exists()   # the kill left its traces, for the next build
    assert_recovers(project)
    assert not list(project.root.joinpath("out").glob(".site.*")) and not (project.root / ".cache" / "undo").exists()
    assert not [p for p in project.root.rglob("*.tmp")]


# ---- two builds at once ----------------------------------------------------------------------------------

def test_25_pairs_of_builds_started_together(project: Project):
    story = project.root / "content" / "readers-note.md"
    for n in range(25):
        story.write_text(f"---\ntitle: Readers' note {n}\ndate: 2025-06-18T10:00:00+01:00\n---\n\nNote {n}.\n",
                         encoding="utf-8")
        pair = [project.build(*args, wait=False) for args in ([], ["--clean"])]
        for running in pair:
            out, err = running.communicate(timeout=HANG)
            assert running.returncode == 0 and "Traceback" not in err and "error" not in err, (n, err)
    assert "note 24</a>" in (project.site / "index.html").read_text(encoding="utf-8")
    assert_recovers(project)


def test_a_build_waits_a_bounded_time_then_names_the_one_running(project: Project):
    lock = project.root / ".cache" / "build.lock"
    fd = os.open(lock, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        before = project.tree()
        started = time.monotonic()
        result = project.build("--wait", "0.5")    # the lock is never let go here: ending at all shows the bound
        assert time.monotonic() - started >= 0.5
        assert_one_line(result, 2, f"another build is running (pid {os.getpid()})", "--wait")
        assert project.tree() == before
    finally:
        os.close(fd)
    assert project.build().returncode == 0


# ---- serve -----------------------------------------------------------------------------------------------

def test_serve_keeps_the_last_good_site_when_a_rebuild_fails(project: Project, tmp_path):
    flag = tmp_path / "disk-full"
    spec = {"io": {"errno": "ENOSPC", "under": str(project.root / "out"), "when": str(flag)}}
    running = project.build("serve", "--port", "0", spec=spec, wait=False)
    try:
        line = ""
        while "serving" not in line:
            line = running.stdout.readline()
            assert line, running.stderr.read()
        base = line.split(" at ", 1)[1].split()[0]

        def status() -> dict:
            with urllib.request.urlopen(base + "__newsdigest/status") as r:
                return json.load(r)

        def front() -> str:
            with urllib.request.urlopen(base) as r:
                return r.read().decode()

        good = front()
        flag.touch()
        project.add_seed()
        wait_for(lambda: "no space left" in status()["error"], running, "the failed rebuild")
        assert "Glacier survey" not in front() and front() == good
        flag.unlink()
        project.add_seed(text=(project.root / "seeds" / "glacier.txt").read_text() + "\nOne more line of the story.\n")
        wait_for(lambda: status()["error"] == "" and "Glacier survey" in front(), running, "the good rebuild")
    finally:
        os.killpg(running.pid, signal.SIGINT)
        out, err = running.communicate(timeout=HANG)
    assert "Traceback" not in err and "cannot serve" not in err, err
    assert running.returncode == 130 and err.endswith(f"{STOPPED}\n"), err


def test_serve_builds_what_changed_before_its_watcher_was_up(project: Project):
    """An edit made as soon as serve says it serves, before its file watcher is watching (slow to start here, as
    on a busy machine), is built all the same."""
    running = project.build("serve", "--port", "0", spec={"slow": {"watchfiles.watch": 2}}, wait=False)
    try:
        line = ""
        while "serving" not in line:   # after the first build's summary
            line = running.stdout.readline()
            assert line, "serve ended before serving"
        base = line.split(" at ", 1)[1].split()[0]
        project.add_seed()

        def front() -> str:
            with urllib.request.urlopen(base) as r:
                return r.read().decode()

        wait_for(lambda: "Glacier survey" in front(), running, "the new story on the front page")
    finally:
        os.killpg(running.pid, signal.SIGTERM)
        out, err = running.communicate(timeout=HANG)
    # (a rebuild may still be running: the content file the seed became is a change too)
    assert running.returncode == 130 and err in (f"{STOPPED}\n", f"{PUBLISHED}\n"), err


def test_serve_names_a_port_it_cannot_have(project: Project):
    import socket

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    try:
        result = project.build("serve", "--port", str(port))
    finally:
        taken.close()
    assert_one_line(result, 2, f"cannot serve on 127.0.0.1:{port}", "--port 0")


# ---- a bug -----------------------------------------------------------------------------------------------

def test_a_bug_shows_its_traceback_after_saying_it_is_one(project: Project):
    project.add_seed()
    before = project.tree()
    result = project.build(spec={"bug": "newsdigest.pipeline.make_digest"})
    assert result.returncode == 3
    first, *rest = result.stderr.splitlines()
    assert "stopped on a bug" in first and "report it" in first and "README: Reporting a bug" in first
    assert "Traceback (most recent call last):" in rest[0] and rest[-1] == "RuntimeError: injected bug"
    assert project.tree() == before
    assert_recovers(project)
