"""List the files below a folder quickly (os.scandir, no pathlib objects): a build lists its inputs once, and
its no-op check and its stages read that one listing."""

from __future__ import annotations

import hashlib
import os

TYPE_CHECKING = False   # typing's, without importing typing: the no-op check imports this module
if TYPE_CHECKING:
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
            if not hidden and entry.name.startswith("."):
                continue
            if entry.is_dir():
                stack.append((f"{prefix}{entry.name}/", entry.path))
            elif entry.name.endswith(suffix) and entry.is_file():
                stat = entry.stat()
                found.append((prefix + entry.name, stat.st_mtime_ns, stat.st_size))
    return sorted(found)


class Inputs:
    """Every input file of a build, as one os.scandir pass over its folders found them: what the no-op check
    compares, and what the build then reads its seeds' and content files' sizes and mtimes from. (A plain class,
    as this module is imported by the no-op check, before anything it can do without.)"""

    __slots__ = ("state", "files", "options")

    def __init__(self, state: str, files: dict[str, list[tuple[str, int, int]]], options: str = "") -> None:
        self.state = state
        """A hash of `options` (input_state) and every input's name, size and mtime."""
        self.files = files
        """Each input folder (as str) -> files_below(it, hidden=True)."""
        self.options = options
        """What else the build is made from (cli.build_options), hashed into `state`."""

    def apart(self, content: str) -> str:
        """A hash like `state` of every input but the folder `content`, whose articles the ledger keeps a row of
        each, with its size and mtime (and whose other files, an editor's swap files, the build never reads). The
        same as the last build's, only articles changed."""
        return _state(self.options, {folder: found for folder, found in self.files.items() if folder != content})

    def below(self, folder: Path, suffix: str = "") -> list[tuple[str, int, int]]:
        """files_below(folder, suffix): its files not hidden (nor in a hidden folder) that end with `suffix`;
        listed again when `folder` was not scanned."""
        found = self.files.get(str(folder))
        if found is None:
            return files_below(folder, suffix)
        return [f for f in found if f[0].endswith(suffix) and visible(f[0])]


def visible(path: str) -> bool:
    """A path (relative, with '/') neither hidden nor in a hidden folder: not an editor's lock or swap file."""
    return not path.startswith(".") and "/." not in path


def is_article(path: str) -> bool:
    """A file below content/ (`path` relative to it, with '/') that the build loads as an article: Markdown, not
    hidden nor in a hidden folder."""
    return path.endswith(".md") and visible(path)


def bytes_hash(data: bytes) -> str:
    """Bytes as a short hash: an output's, a config file's (in the inputs' state)."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def input_state(folders: list[str], options: str, listed: dict[str, list[tuple[str, int, int]]] | None = None) -> Inputs:
    """List every file below each of `folders` (seeds, content, layouts, translations), and hash their names,
    sizes and mtimes with `options`: what else the build is made from (cli.build_options: the config file's
    bytes, the command's options, newsdigest's version). `listed`: those folders as listed a moment ago (by the
    no-op check), not listed again."""
    files = {folder: listed[folder] if listed else files_below(folder, hidden=True) for folder in folders}
    return Inputs(_state(options, files), files, options)


def _state(options: str, files: dict[str, list[tuple[str, int, int]]]) -> str:
    """A hash of `options` and each folder's name and files' names, sizes and mtimes."""
    h = hashlib.blake2b(options.encode(), digest_size=16)
    for folder, found in files.items():
        h.update(f"{folder}\n".encode())
        h.update("".join(f"{path}\0{size}\0{mtime}\n" for path, mtime, size in found).encode())
    return h.hexdigest()
