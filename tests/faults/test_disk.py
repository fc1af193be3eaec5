"""A full disk, a quota, a folder that may not be written, a read-only file system: one line naming the
path, the cause and what to do; exit 2; the site, content/ and the cache as they were, nothing left
behind; the next build, the fault gone, equals a clean build."""

from __future__ import annotations

import os

import pytest

from .conftest import Project, assert_one_line, assert_recovers, fill, is_root, read_only, writable

WHERE = {"site": "out", "content": "content", "cache": ".cache"}
"""What the build writes, and the folder a tmpfs is mounted on to fill it."""


def _fault_then_recover(project: Project, result, words: tuple[str, ...], before: dict, undo) -> None:
    assert_one_line(result, 2, *words, "as they were")
    assert project.tree() == before, "the site, content/ or the cache changed, or a scratch file was left"
    undo()
    assert_recovers(project)


def _build_with(project: Project, mounts, folder, fault, errno_name: str):
    """Build with `folder` on a tmpfs that `fault` makes full or read-only, where this machine can mount
    one; else with that errno injected below `folder`. Return the result and what ends the fault."""
    if mounts(folder):
        fault(folder)
        return project.build(), lambda: writable(folder)
    return project.build(spec={"io": {"errno": errno_name, "under": str(folder)}}), lambda: None


@pytest.mark.parametrize("what", ["site", "content", "cache"])
def test_no_space_left(project: Project, mounts, what):
    """A day's seed arrives on a full disk: the new article cannot be written wherever the disk is full."""
    folder = project.root / WHERE[what]
    project.add_seed()
    before = project.tree()   # search is off here: the build makes no scratch folder outside the project
    result, undo = _build_with(project, mounts, folder, fill, "ENOSPC")
    _fault_then_recover(project, result, ("no space left on the device", "df -h"), before, undo)


def test_disk_quota_exceeded(project: Project):
    """Quotas cannot be set up in a test: the error is injected where the site's files are written."""
    project.add_seed()
    before = project.tree()
    result = project.build(spec={"io": {"errno": "EDQUOT", "under": str(project.root / "out")}})
    _fault_then_recover(project, result, ("out/site", "disk quota exceeded"), before, lambda: None)


@pytest.mark.parametrize("what", ["site", "content", "cache", "layout"])
def test_permission_denied(project: Project, what):
    """chmod, as a user; as root (whom chmod does not stop) the error is injected at the same calls."""
    project.add_seed()
    folder = {**{k: project.root / v for k, v in WHERE.items()}, "layout": project.root / "layouts" / "article.html"}[what]
    if what == "layout":   # a layout the build may not read (its edit must be rendered)
        folder.write_text(folder.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    before = project.tree()
    if is_root():
        spec = {"io": {"errno": "EACCES", "under": str(folder), "write": what != "layout", "read": what == "layout"}}
        result = project.build(spec=spec)
    else:
        mode = folder.stat().st_mode
        os.chmod(folder, 0o000 if what == "layout" else 0o555)
        try:
            result = project.build()
        finally:
            os.chmod(folder, mode)
    shown = {"site": "out", "content": "content", "cache": ".cache", "layout": "layouts/article.html"}[what]
    _fault_then_recover(project, result, (shown, "permission denied", "ls -ld"), before, lambda: None)


@pytest.mark.parametrize("what", ["site", "content", "cache"])
def test_read_only_file_system(project: Project, mounts, what):
    folder = project.root / WHERE[what]
    project.add_seed()
    before = project.tree()
    result, undo = _build_with(project, mounts, folder, read_only, "EROFS")
    _fault_then_recover(project, result, (WHERE[what], "read-only file system"), before, undo)


def test_no_space_for_search_scratch(search_project: Project, mounts, tmp_path):
    """Pagefind's pages go to memory (/dev/shm): a full one is named."""
    scratch = tmp_path / "shm"
    scratch.mkdir()
    search_project.add_seed()
    before = search_project.tree()
    if mounts(scratch):
        fill(scratch)
        result = search_project.build(spec={"scratch": str(scratch)})
    else:
        result = search_project.build(spec={"scratch": str(scratch), "io": {"errno": "ENOSPC", "under": str(scratch)}})
    line = assert_one_line(result, 2, str(scratch), "no space left on the device")
    assert "newsdigest-search" not in line
    assert search_project.tree() == before
    assert [p.name for p in scratch.iterdir() if p.name != "fill"] == []
    assert_recovers(search_project)


def test_an_unreadable_or_foreign_cache_is_ignored(project: Project):
    (project.root / ".cache" / "ledger.sqlite").write_bytes(b"not a database")
    project.add_seed()
    result = project.build()
    assert result.returncode == 0 and "error" not in result.stderr, result.stderr
    assert_recovers(project)

