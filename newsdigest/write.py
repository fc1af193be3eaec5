"""{path: bytes} -> site/: the only code that touches the output folder.

A full build writes the whole site into a fresh folder beside site/ and swaps it in. An incremental
build writes only what changed into a journal beside site/, renames the journal to mark it complete,
then moves its files into place and deletes what is gone; a build killed before that mark leaves
site/ as it was, and one killed after it is finished by the next build. Unchanged files keep their
bytes and mtimes. A folder newsdigest did not make is never replaced.

Outside the site, `write_inside` is the one writer of a single file (a content file, a fetched seed): atomic, and
never outside its folder.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from .errors import BuildError, Stopped

TYPE_CHECKING = False   # typing's, without importing typing: the no-op check imports this module
if TYPE_CHECKING:
    from typing import Callable, Iterator

MARKER = ".newsdigest"
MARKER_TEXT = b"Built by newsdigest. This folder is replaced whole on every build: edit the sources, not these files.\n"


class UnsafePath(ValueError):
    """An output path that would land outside the output folder."""


def safe_relative(path: str) -> PurePosixPath:
    """Check an output path: relative, no '..', no backslash or NUL, no empty segment."""
    if not path or "\\" in path or "\x00" in path or any(part in ("", ".", "..") for part in path.split("/")):
        raise UnsafePath(f"unsafe output path {path!r}")
    return PurePosixPath(path)


def write_site(pages: dict[str, bytes], output: Path, keep: set[str] | None = None, previous: set[str] = frozenset()) -> None:
    """With keep=None, replace `output` with exactly `pages`. Otherwise `pages` are the changed files,
    `keep` every path the site holds from now on and `previous` those it held: write the changed,
    delete what is no longer kept, and leave the rest alone."""
    with Writing(output, whole=keep is None) as writing:
        writing.put(pages)
        writing.finish(keep, previous)


class Writing:
    """One build's writing, begun before rendering so that the pages can be written as they are made (by
    any process): into a staging folder that replaces `output` whole, or into a journal of changes.
    Nothing reaches `output` until finish(); leaving the `with` block without it discards everything."""

    def __init__(self, output: Path, whole: bool) -> None:
        self.output = output.resolve()
        _check_ours(self.output)
        self.output.parent.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(self.output)
        self.whole = whole or not self.output.is_dir()
        prefix = f".{self.output.name}.new-" if self.whole else f".{self.output.name}.journal-"
        self.folder = Path(tempfile.mkdtemp(prefix=prefix, dir=self.output.parent))
        self.files = self.folder if self.whole else self.folder / "files"

    def put(self, pages: dict[str, bytes]) -> None:
        write_tree(self.files, pages)

    def identity(self) -> tuple[int, int] | None:
        """What site_identity will say of the output folder once finish() has run (for the cache, which is
        saved before the site is put in place)."""
        if self.whole:
            write_tree(self.folder, {MARKER: MARKER_TEXT})
            return site_identity(self.folder)
        return site_identity(self.output)

    def finish(self, keep: set[str] | None = None, previous: set[str] = frozenset()) -> None:
        """Swap the staging folder in, or commit and apply the journal: delete what is in `previous` and not
        in `keep`. What can fail (a folder that may not be written, no space for a new folder) fails before
        the site is touched."""
        if self.whole:
            if not (self.folder / MARKER).exists():
                write_tree(self.folder, {MARKER: MARKER_TEXT})
            os.chmod(self.folder, 0o755)
            _check_writable(self.output.parent)
            old = self.output.with_name(f".{self.output.name}.old")
            if self.output.exists():
                os.replace(self.output, old)
            try:
                os.replace(self.folder, self.output)
            except OSError:
                if old.exists():
                    os.replace(old, self.output)
                raise
            shutil.rmtree(old, ignore_errors=True)
            return
        written = {p.relative_to(self.files).as_posix() for p in self.files.rglob("*") if p.is_file()}
        gone = sorted(set(previous) - (keep or set()) - {MARKER})
        if not written and not gone:
            return
        for path in [*written, *gone]:   # on resolved paths: a symbolic link planted in site/ leads nowhere
            target = self.output / safe_relative(path)
            if not target.parent.resolve().is_relative_to(self.output) or (target.is_symlink() and path in written):
                raise BuildError(f"{path} would be written through a symbolic link out of the output folder; "
                                 f"remove the link or rebuild with --clean", self.output)
        made = _make_folders(self.output, {str(PurePosixPath(p).parent) for p in [*written, *gone]})
        try:
            _check_writable(self.output.parent)
            (self.folder / "gone").write_text("\n".join(gone), encoding="utf-8")
        except OSError as exc:
            _remove_empty(made)
            exc.filename = exc.filename or str(self.output)
            raise
        os.replace(self.folder, _commit_path(self.output))
        _roll_forward(self.output)

    def publish(self, commit: Callable[[], None], abort: Callable[[], None], keep: set[str] | None = None,
                previous: set[str] = frozenset()) -> None:
        """finish(keep, previous), then `commit` what moves on with the site (the ledger's records, content/):
        Ctrl-C and SIGTERM wait until both are done; `abort` (the records dropped) when the site could not be put
        in place."""
        with interrupts_deferred():
            try:
                self.finish(keep, previous)
            except BaseException:
                abort()
                raise
            commit()

    def __enter__(self) -> "Writing":
        return self

    def __exit__(self, *exc) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)   # gone already when finished


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Ctrl-C (SIGINT) and SIGTERM wait until the block is done, then stop the build (in the main thread;
    elsewhere signals do not reach Python code anyway)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    before = {sig: signal.signal(sig, lambda number, frame: caught.append(number)) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)
    if caught:
        raise Stopped("stopped, just after the site was published: it is complete")


def site_identity(output: Path | str) -> tuple[int, int] | None:
    """(inode, mtime_ns) of the marker: changes when the folder is replaced or rebuilt whole."""
    try:
        stat = os.stat(os.path.join(output, MARKER))
    except OSError:
        return None
    return stat.st_ino, stat.st_mtime_ns


def journal_waiting(output: Path | str) -> bool:
    """A killed build's journal waits to be applied to the site (_roll_forward): the next build is no no-op."""
    return os.path.exists(_commit_path(Path(output)))


def write_inside(folder: Path, target: Path, data: str | bytes, real: dict[str, str] | None = None) -> None:
    """Write atomically, and only inside `folder`: the file's folder, its symbolic links followed, must be
    in it (a link in that place is replaced, not followed). `real` remembers folders already resolved. (Seeds
    and content files: ingestion's and `build.py add`'s one writer outside the site.)"""
    real = {} if real is None else real
    parent, top = str(target.parent), str(folder)
    for place in (parent, top):
        if place not in real:
            real[place] = os.path.realpath(place)
    top = real[top]
    if real[parent] != top and not real[parent].startswith(top + os.sep):
        raise BuildError(f"refusing to write outside {folder}", target)
    final = os.path.join(real[parent], target.name)
    tmp = os.path.join(real[parent], f".{target.name}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, final)
    except OSError as exc:   # a full disk: no half-written file left behind
        if os.path.lexists(tmp):
            os.unlink(tmp)
        exc.filename = exc.filename or final
        raise


def write_tree(folder: Path, pages: dict[str, bytes]) -> None:
    """Write `pages` below a folder of our own making (a staging folder, a journal, a scratch folder)."""
    base = str(folder)
    made: set[str] = set()
    for path, data in sorted(pages.items()):
        safe_relative(path)
        target = f"{base}/{path}"
        parent = target.rpartition("/")[0]
        try:
            if parent not in made:
                os.makedirs(parent, exist_ok=True)
                made.add(parent)
            with open(target, "wb") as f:
                f.write(data)
        except OSError as exc:   # write() does not say which file: the message must
            exc.filename = exc.filename or target
            raise


def _make_folders(output: Path, folders: set[str]) -> list[Path]:
    """Make the site's folders the journal's files go to, and check each may be written; return those made
    (to remove again if the build stops before its commit)."""
    made: list[Path] = []
    try:
        for folder in sorted(folders):
            target = output / folder if folder != "." else output
            if not target.is_dir():
                missing = [p for p in (target, *target.parents) if p.is_relative_to(output) and not p.exists()]
                target.mkdir(parents=True, exist_ok=True)
                made += reversed(missing)
            _check_writable(target)
    except OSError:
        _remove_empty(made)
        raise
    return made


def _check_writable(folder: Path) -> None:
    """An OSError now, naming the folder, if files cannot be made or replaced in it."""
    if os.access(folder, os.W_OK | os.X_OK):
        return
    read_only = os.statvfs(folder).f_flag & os.ST_RDONLY
    raise OSError(errno.EROFS if read_only else errno.EACCES, os.strerror(errno.EROFS if read_only else errno.EACCES),
                  str(folder))


def _remove_empty(folders: list[Path]) -> None:
    for folder in reversed(folders):
        try:
            folder.rmdir()
        except OSError:
            pass


def _commit_path(output: Path) -> Path:
    return output.with_name(f".{output.name}.commit")


def _roll_forward(output: Path) -> None:
    """Apply a complete journal: move its files into place, delete what is gone, prune empty folders."""
    commit = _commit_path(output)
    if not commit.is_dir():
        return
    files = commit / "files"
    for source in sorted(p for p in files.rglob("*") if p.is_file()):
        target = output / source.relative_to(files)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)
    gone = (commit / "gone").read_text(encoding="utf-8").split("\n") if (commit / "gone").exists() else []
    for rel in filter(None, gone):
        target = output / safe_relative(rel)
        target.unlink(missing_ok=True)
        parent = target.parent
        while parent != output and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent
    shutil.rmtree(commit)


def _check_ours(output: Path) -> None:
    """Refuse to replace a folder that holds anything but a site newsdigest built."""
    if output.is_symlink() or (output.exists() and not output.is_dir()):
        raise BuildError("the output path exists and is not a folder: choose another paths.output", output)
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).is_file():
        raise BuildError("the output folder exists and was not built by newsdigest; move it away or choose "
                         "another paths.output (newsdigest replaces its output folder whole)", output)


def _remove_leftovers(output: Path) -> None:
    """Staging folders (and search scratch folders) of a build that was killed, and the old site of a swap
    that was interrupted."""
    _roll_forward(output)
    for pattern in (f".{output.name}.new-*", f".{output.name}.journal-*", f".{output.name}.search-*"):
        for leftover in output.parent.glob(pattern):
            shutil.rmtree(leftover, ignore_errors=True)
    old = output.with_name(f".{output.name}.old")
    if old.exists() and output.exists():
        shutil.rmtree(old, ignore_errors=True)
    elif old.exists():   # killed between the two renames: the old site is the last good one
        os.replace(old, output)
