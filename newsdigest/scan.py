"""List the files below a folder quickly (os.scandir, no pathlib objects): 10,000 content files are
listed on every build, twice."""

from __future__ import annotations

import os
from pathlib import Path


def files_below(folder: Path, suffix: str = "", hidden: bool = False) -> list[tuple[str, int, int]]:
    """(path relative to folder with '/', mtime_ns, size) of every file below `folder` whose name ends with
    `suffix`, sorted by path. Hidden files and folders (a name starting with '.': editors' lock and swap
    files) are left out unless `hidden`."""
    found: list[tuple[str, int, int]] = []
    stack = [("", str(folder))]
    while stack:
        prefix, where = stack.pop()
        try:
            entries = list(os.scandir(where))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            if entry.name.startswith(".") and not hidden:
                continue
            if entry.is_dir():
                stack.append((f"{prefix}{entry.name}/", entry.path))
            elif entry.name.endswith(suffix) and entry.is_file():
                stat = entry.stat()
                found.append((prefix + entry.name, stat.st_mtime_ns, stat.st_size))
    return sorted(found)
