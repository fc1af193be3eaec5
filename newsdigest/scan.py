"""List the files below a folder quickly (os.scandir, no pathlib objects): a build lists its inputs once, and
its no-op check and its stages read that one listing."""

from __future__ import annotations

import hashlib
import os

BY_NAME = os.scandir in os.supports_fd and hasattr(os, "O_DIRECTORY")
"""os.scandir lists an open folder, and stats its files by name in it (POSIX)."""
TYPE_CHECKING = False   # typing's, without importing typing: the no-op check imports this module
if TYPE_CHECKING:
    from pathlib import Path


def files_below(folder: Path, suffix: str = "", hidden: bool = False) -> list[tuple[str, int, int]]:
    """(path relative to folder with '/', mtime_ns, size) of every file below `folder` whose name ends with
    `suffix`, sorted by path. Hidden files and folders (a name starting with '.': editors' lock and swap
    files) are left out unless `hidden`."""
    return [_file(line) for line in lines_below(folder, suffix, hidden)]


def lines_below(folder: Path | str, suffix: str = "", hidden: bool = False) -> list[str]:
    """files_below's files, each as a line of text: its path, size and mtime_ns with a NUL between them and a line
    break after, sorted by path. Text rather than tuples: the listing a build compares is made in one pass."""
    found: list[str] = []
    stack = [("", str(folder))]
    while stack:
        prefix, where, fd = *stack.pop(), None
        try:   # a folder's files stat-ed by name in it, not by their whole path, where the system can (not Windows)
            fd = os.open(where, os.O_RDONLY | os.O_DIRECTORY) if BY_NAME else None
            with os.scandir(where if fd is None else fd) as entries:
                for entry in entries:   # read as listed, not held in a list: 50,000 entries held cost a fifth more
                    name = entry.name
                    if not hidden and name.startswith("."):
                        continue
                    if "\n" in name:   # a line break in a name (which no editor makes) written NUL n: a line a file
                        name = name.replace("\n", "\0n")
                    if entry.is_dir():
                        stack.append((f"{prefix}{name}/", entry.path if fd is None else f"{where}/{entry.name}"))
                    elif name.endswith(suffix) and entry.is_file():
                        try:
                            stat = entry.stat()
                        except FileNotFoundError:   # removed since the folder was read
                            continue
                        found.append(f"{prefix}{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n")
        except (FileNotFoundError, NotADirectoryError):
            continue
        finally:
            if fd is not None:
                os.close(fd)
    found.sort()   # NUL sorts first: the lines sort as their paths
    return found


class Inputs:
    """Every input file of a build, as one os.scandir pass over its folders found them: what the no-op check
    compares, and what the build then reads its seeds' and content files' sizes and mtimes from. (A plain class,
    as this module is imported by the no-op check, before anything it can do without.)"""

    __slots__ = ("lines", "options", "state", "_files")

    def __init__(self, lines: dict[str, str], options: str = "") -> None:
        self.lines = lines
        """Each input folder (as str) -> its files, hidden ones too, as lines_below's lines joined: what `state`
        hashes, and what the next build's listing of content/ is compared with (changes)."""
        self.options = options
        """What else the build is made from (cli.build_options), hashed into `state`."""
        self.state = _state(options, lines)
        """A hash of `options` and every input's name, size and mtime."""
        self._files: dict[str, list[tuple[str, int, int]]] | None = None

    @property
    def files(self) -> dict[str, list[tuple[str, int, int]]]:
        """Each input folder (as str) -> files_below(it, hidden=True), read from `lines` when first asked for (a
        whole build asks; an edit of bodies alone and the no-op check do not)."""
        if self._files is None:
            self._files = {folder: [_file(line) for line in text.split("\n")[:-1]]
                           for folder, text in self.lines.items()}
        return self._files

    def apart(self, content: str) -> str:
        """A hash like `state` of every input but the folder `content`, whose articles the ledger keeps a row of
        each, with its size and mtime (and whose other files, an editor's swap files, the build never reads). The
        same as the last build's, only articles changed."""
        return _state(self.options, {folder: text for folder, text in self.lines.items() if folder != content})

    def below(self, folder: Path, suffix: str = "") -> list[tuple[str, int, int]]:
        """files_below(folder, suffix): its files not hidden (nor in a hidden folder) that end with `suffix`;
        listed again when `folder` was not scanned."""
        found = self.files.get(str(folder))
        if found is None:
            return files_below(folder, suffix)
        return [f for f in found if f[0].endswith(suffix) and visible(f[0])]


def changes(before: str, now: str) -> tuple[set[tuple[str, int, int]], set[tuple[str, int, int]]] | None:
    """(the files of a folder listed `now` that are new or changed since it was listed `before`, those listed
    `before` that are gone or changed), both listings as Inputs.lines gives them, each file as files_below's; None
    when a line cannot be read (a ledger damaged). Compared line by line while the count is the same: no set of
    the whole archive."""
    lines_before, lines_now = before.split("\n"), now.split("\n")
    if len(lines_before) == len(lines_now):
        pairs = [(old, new) for old, new in zip(lines_before, lines_now) if old != new]
        lines_before, lines_now = [old for old, _ in pairs], [new for _, new in pairs]
    old, new = set(lines_before), set(lines_now)
    try:
        return {_file(line) for line in new - old}, {_file(line) for line in old - new}
    except ValueError:
        return None


def _file(line: str) -> tuple[str, int, int]:
    """A line of lines_below (its line break or not) as files_below's (path, mtime_ns, size); ValueError when it
    is not one."""
    path, size, mtime = line.rsplit("\0", 2)
    return path.replace("\0n", "\n") if "\0" in path else path, int(mtime), int(size)


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


def input_state(folders: list[str], options: str, listed: dict[str, str] | None = None) -> Inputs:
    """List every file below each of `folders` (seeds, content, layouts, translations), and hash their names,
    sizes and mtimes with `options`: what else the build is made from (cli.build_options: the config file's
    bytes, the command's options, newsdigest's version). `listed`: those folders as listed a moment ago (by the
    no-op check: Inputs.lines), not listed again."""
    listed = listed or {folder: "".join(lines_below(folder, hidden=True)) for folder in folders}
    return Inputs({folder: listed[folder] for folder in folders}, options)


def _state(options: str, lines: dict[str, str]) -> str:
    """A hash of `options` and each folder's name and files' lines (Inputs.lines)."""
    h = hashlib.blake2b(options.encode(), digest_size=16)
    for folder, text in lines.items():
        h.update(f"{folder}\n".encode())
        h.update(text.encode())
    return h.hexdigest()
