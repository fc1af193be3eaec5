"""Fault injection: a small project built once, then a fault made for real where this machine can
(a tmpfs mounted when running as root, a real signal, a real SIGKILL, a fake Pagefind), else by
injecting the error at the lowest file call (tests/faults/inject.py)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import GLACIER_SEED as NEW_SEED
from tests.waiting import HANG, interruptible

REPO = Path(__file__).resolve().parents[2]
INJECT = Path(__file__).resolve().parent / "inject.py"

CONFIG = """\
site:
  title: Fault Digest
  url: https://example.org/
  description: A digest for fault tests.
  timezone: Europe/London
search: {search}
paths:
  output: out/site
"""



@dataclass
class Project:
    root: Path

    @property
    def site(self) -> Path:
        return self.root / "out" / "site"

    def build(self, *args: str, spec: dict | None = None, env: dict | None = None, timeout: float = HANG,
              wait: bool = True) -> subprocess.CompletedProcess | subprocess.Popen:
        """build.py (through inject.py) in its own session, so that a signal to its group stays there."""
        command = [sys.executable, str(INJECT), json.dumps(spec or {}), "--config", str(self.root / "config.yaml"), *args]
        full_env = {**os.environ, **(env or {})}
        full_env.pop("CI", None)   # no progress line either way; keeps the output the same under CI
        if not wait:
            return subprocess.Popen(command, cwd=self.root, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    text=True, start_new_session=True, preexec_fn=interruptible)
        return subprocess.run(command, cwd=self.root, env=full_env, capture_output=True, text=True, timeout=timeout,
                              start_new_session=True, preexec_fn=interruptible)

    def add_seed(self, name: str = "glacier.txt", text: str = NEW_SEED) -> None:
        (self.root / "seeds" / name).write_text(text, encoding="utf-8")

    def tree(self) -> dict[str, bytes | None]:
        """Every file (bytes) and folder (None) of the project, hidden ones included: the site, content/,
        the cache and any scratch file a build left."""
        found: dict[str, bytes | None] = {}
        for path in sorted(self.root.rglob("*")):
            rel = path.relative_to(self.root).as_posix()
            if "__pycache__" in rel or path.name == "fill":
                continue
            found[rel] = None if path.is_dir() or rel == ".cache/build.lock" else path.read_bytes()   # the lock: its holder's pid
        return found


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """The shipped sample seeds and layouts, search off, built once."""
    return make_project(tmp_path / "project", search=False)


@pytest.fixture
def search_project(tmp_path: Path) -> Project:
    """As `project`, with search on."""
    from newsdigest.search import unavailable

    if unavailable():
        pytest.fail(f"these tests need Pagefind: {unavailable()}") if os.environ.get("CI") == "true" \
            else pytest.skip(unavailable())
    return make_project(tmp_path / "project", search=True)


def make_project(root: Path, search: bool) -> Project:
    root.mkdir(parents=True)
    shutil.copytree(REPO / "layouts", root / "layouts")
    shutil.copytree(REPO / "seeds", root / "seeds")
    (root / "content").mkdir()
    (root / "out").mkdir()
    (root / "config.yaml").write_text(CONFIG.format(search=str(search).lower()), encoding="utf-8")
    project = Project(root)
    first = project.build()
    assert first.returncode == 0, first.stderr
    return project


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def mounts():
    """Mount small tmpfs file systems (as root); unmounted at the end of the test."""
    made: list[Path] = []

    def mount(folder: Path) -> bool:
        """Put `folder`'s files on a tmpfs of their own; False when this machine cannot mount."""
        if not is_root() or shutil.which("mount") is None:
            return False
        keep = folder.with_name(folder.name + ".keep")
        os.replace(folder, keep)
        folder.mkdir()
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(folder)], capture_output=True).returncode:
            folder.rmdir()
            os.replace(keep, folder)
            return False
        made.append(folder)
        for item in keep.iterdir():
            shutil.move(str(item), str(folder / item.name))
        keep.rmdir()
        return True

    yield mount
    for folder in reversed(made):
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def fill(folder: Path) -> None:
    """Shrink the tmpfs at `folder` to what it holds and a page or two: the next files do not fit."""
    used = int(subprocess.run(["df", "--output=used", "-B1", str(folder)], capture_output=True, text=True,
                              check=True).stdout.split()[-1])
    subprocess.run(["mount", "-o", f"remount,size={used + 8192}", str(folder)], check=True)
    try:   # and take the last pages, in case the rounding left room for a small file
        with open(folder / "fill", "wb") as f:
            while True:
                f.write(b"\0" * 4096)
                f.flush()
    except OSError:
        pass


def read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


def writable(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,rw,size=64m", str(folder)], check=True)
    (folder / "fill").unlink(missing_ok=True)


def assert_one_line(result: subprocess.CompletedProcess, status: int, *words: str) -> str:
    """Exactly one line on stderr, no traceback; it holds `words`; the exit status is `status`."""
    lines = result.stderr.strip().splitlines()
    assert "Traceback" not in result.stderr, result.stderr
    assert len(lines) == 1, result.stderr
    assert result.returncode == status, (result.returncode, result.stderr)
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


def assert_recovers(project: Project) -> None:
    """The next build succeeds and gives what a clean build gives (Pagefind's own files apart: they are
    not byte-identical from run to run upstream)."""
    again = project.build()
    assert again.returncode == 0, again.stderr
    assert "error" not in again.stderr
    after = {k: v for k, v in project.tree().items() if k.startswith(("out/", "content/")) and "/pagefind/" not in k}
    clean = project.build("--clean")
    assert clean.returncode == 0, clean.stderr
    cleaned = {k: v for k, v in project.tree().items() if k.startswith(("out/", "content/")) and "/pagefind/" not in k}
    assert after == cleaned
