"""How messages say things: counts ("1 draft", "2 drafts"), and the command that runs build.py again the way
this build was run (`.venv/bin/python build.py review`). Standard library only: build.py uses it before
newsdigest's libraries are known to be there."""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path


def count(n: int, noun: str, plural: str = "") -> str:
    """`n` and the noun in the number it takes: count(1, "file") -> "1 file", count(2, "story", "stories")
    -> "2 stories"."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def interpreter() -> str:
    """The Python running this build, as a user would type it: `python3` when that name on PATH is this very
    installation (same folder: a venv that is active, or the system's), else its path, relative to the
    current folder where it is below it (.venv/bin/python)."""
    exe = sys.executable or "python3"
    on_path = shutil.which("python3")
    if on_path and _same_folder(on_path, exe):
        return "python3"
    shown = _shown(exe)
    return shown if os.sep in shown or "/" in shown else os.path.join(".", shown)


def build_command(*args: str, config: str | os.PathLike | None = None) -> str:
    """`<interpreter> build.py [--config PATH] args…`: a hint that works when pasted into the same shell."""
    words = [interpreter(), _shown(str(_script()))]
    if config is not None and Path(config) != Path("config.yaml"):
        words += ["--config", _shown(str(config))]
    return " ".join([*words[:1], *map(shlex.quote, words[1:]), *map(shlex.quote, args)])


def missing_library(exc: ImportError) -> str | None:
    """One line for a library newsdigest needs that this Python does not have, saying what to run instead;
    None when the module that is missing is newsdigest's own (a bug, not an installation to fix)."""
    name = (getattr(exc, "name", None) or "").split(".")[0]
    if not name or name == "newsdigest":
        return None
    script = _script()
    project = script.resolve().parent
    requirements = _shown(str(project / "requirements.txt"))
    venv = project / ".venv"
    venv_python = next((p for p in (venv / "bin" / "python", venv / "Scripts" / "python.exe") if p.exists()), None)
    again = " ".join([_shown(str(venv_python or venv / "bin" / "python")), _shown(str(script)), *map(shlex.quote, sys.argv[1:])])
    if sys.prefix != sys.base_prefix:   # a virtual environment that lacks one: install into it
        todo = f"run {_shown(sys.executable)} -m pip install -r {requirements}"
    elif venv_python:
        todo = f"use {again}"
    else:
        todo = (f"make the Quick start's virtual environment ({_shown(sys.executable)} -m venv {_shown(str(venv))} && "
                f"{_shown(str(venv / 'bin' / 'python'))} -m pip install -r {requirements}), then run {again}")
    return f"newsdigest's libraries are not installed for {sys.executable} (no module named '{name}'): {todo}"


def _script() -> Path:
    """build.py as this process was started with it."""
    return Path(sys.argv[0]) if sys.argv and Path(sys.argv[0]).name == "build.py" else Path("build.py")


def _same_folder(a: str, b: str) -> bool:
    try:
        return Path(a).parent.resolve() == Path(b).parent.resolve()
    except OSError:
        return False


def _shown(path: str) -> str:
    """A path relative to the current folder when it is below it, else as it is."""
    try:
        rel = os.path.relpath(path)
    except ValueError:   # another drive (Windows)
        return path
    return rel if not rel.startswith("..") else os.path.abspath(path)
