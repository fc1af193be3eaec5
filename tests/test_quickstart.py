"""The README's Quick start, run as written, on a copy of the project with the system's own python3.

Debian 12 and Ubuntu 23.04+ mark /usr/bin/python3 as externally managed (PEP 668): `pip install`
outside a virtual environment is refused there, which is what a new operator meets first. The two
commands are taken from the README and run by a shell whose `python3` is /usr/bin/python3, with no
virtual environment active; the test command runs with `--collect-only` (added through
PYTEST_ADDOPTS, so the command itself is the README's) rather than running this suite inside itself.
Needs the network to PyPI, as the Quick start does.
"""

from __future__ import annotations

import fnmatch
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SYSTEM_PYTHON = Path("/usr/bin/python3")


def quick_start() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block, "README: no ```sh block under Quick start"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_the_readme_has_two_quick_start_commands_and_ci_runs_the_second_verbatim():
    setup_and_build, setup_and_test = quick_start()
    assert "build.py" in setup_and_build and "pytest" in setup_and_test
    assert setup_and_test in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def project_copy(dest: Path) -> Path:
    """The project's files as a new operator gets them (no .venv, site, cache): those git tracks, or, in a copy
    without git (a release tarball, Download ZIP, `git archive`), every file that .gitignore does not exclude."""
    for name in project_files(ROOT):
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, dest / name)
    return dest


def project_files(root: Path) -> list[str]:
    git = shutil.which("git")
    listed = subprocess.run([git, "ls-files", "-z"], cwd=root, capture_output=True) if git else None
    if listed is not None and listed.returncode == 0 and (root / ".git").exists():
        return [n for n in listed.stdout.decode().split("\0") if n and (root / n).is_file()]
    ignored = [line.strip() for line in (root / ".gitignore").read_text(encoding="utf-8").splitlines()
               if line.strip() and not line.startswith("#")] if (root / ".gitignore").exists() else []
    return sorted(path.relative_to(root).as_posix() for path in _walk(root, root, ignored + [".git/"]))


def _walk(root: Path, folder: Path, ignored: list[str]):
    """Files below `folder` that no pattern of `ignored` (.gitignore's: `/x` at the top only, `x/` a folder) names."""
    for path in sorted(folder.iterdir()):
        rel = path.relative_to(root).as_posix()
        if any(_ignores(pattern, rel, path.is_dir()) for pattern in ignored):
            continue
        if path.is_dir() and not path.is_symlink():
            yield from _walk(root, path, ignored)
        elif path.is_file():
            yield path


def _ignores(pattern: str, rel: str, is_dir: bool) -> bool:
    if pattern.endswith("/"):
        if not is_dir:
            return False
        pattern = pattern[:-1]
    if pattern.startswith("/"):
        return fnmatch.fnmatchcase(rel, pattern[1:])
    return fnmatch.fnmatchcase(rel.rsplit("/", 1)[-1], pattern) if "/" not in pattern else fnmatch.fnmatchcase(rel, pattern)


def system_python_shell(tmp_path: Path) -> dict[str, str]:
    """An environment whose python3 is the system's, with no virtual environment active."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to(SYSTEM_PYTHON)
    env = {k: v for k, v in os.environ.items()
           if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PIP_REQUIRE_VIRTUALENV", "PIP_BREAK_SYSTEM_PACKAGES")}
    env["PATH"] = f"{bin_dir}:/usr/bin:/bin"
    return env


@pytest.mark.slow
def test_both_quick_start_commands_work_with_the_system_python3(tmp_path):
    if not SYSTEM_PYTHON.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs /usr/bin/python3 to try the Quick start")
        pytest.skip("no /usr/bin/python3 here to try the Quick start with")
    project = project_copy(tmp_path / "fresh")
    env = system_python_shell(tmp_path)
    managed = subprocess.run(["python3", "-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"],
                             env=env, capture_output=True, text=True, check=True).stdout.strip()
    if not (Path(managed) / "EXTERNALLY-MANAGED").exists() and os.environ.get("CI") != "true":
        pytest.skip("/usr/bin/python3 here is not externally managed (PEP 668): nothing to prove")

    setup_and_build, setup_and_test = quick_start()
    built = subprocess.run(["sh", "-c", setup_and_build], cwd=project, env=env, capture_output=True, text=True)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    assert "externally-managed-environment" not in built.stderr
    assert (project / "site" / "index.html").is_file() and (project / "site" / "feed.xml").is_file()

    env["PYTEST_ADDOPTS"] = "--collect-only -q -p no:cacheprovider"
    tested = subprocess.run(["sh", "-c", setup_and_test], cwd=project, env=env, capture_output=True, text=True)
    assert tested.returncode == 0, tested.stdout[-2000:] + tested.stderr[-2000:]
    assert re.search(r"^\d+ tests collected", tested.stdout, re.M), tested.stdout[-2000:]


def test_a_copy_without_git_holds_what_git_tracks(tmp_path):
    """A release tarball, Download ZIP or `git archive` has no .git: the copy is made from .gitignore then."""
    if not (ROOT / ".git").exists() or shutil.which("git") is None:
        pytest.skip("this copy has no git history to compare with (it is itself such a copy)")
    tracked = project_files(ROOT)
    archive = tmp_path / "archive"
    archive.mkdir()
    exported = subprocess.run(["git", "archive", "HEAD"], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(archive)], input=exported, check=True)
    for name in tracked:   # the working tree's versions of the files, as the Quick start test copies them
        if (ROOT / name).is_file():
            (archive / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, archive / name)
    junk = [".venv/bin/python", "site/index.html", ".cache/ledger.sqlite", "tests/__pycache__/x.pyc",
            "node_modules/x/index.js", "bench/corpus/a.md", "test-artifacts/screenshots/a.png"]
    for name in junk:
        (archive / name).parent.mkdir(parents=True, exist_ok=True)
        (archive / name).write_text("made by a run, not part of the project\n")
    copied = project_files(archive)
    assert set(tracked) <= set(copied) and not set(junk) & set(copied)
