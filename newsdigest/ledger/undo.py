"""Content files a build writes, put back as they were when the build does not finish.

Ingestion writes content/ before the site is rendered. If the build then stops (a full disk, a worker
killed, Ctrl-C), content/ must be as the operator left it, like the site. Before a file is replaced, a
hard link to it is kept in .cache/undo/ (no bytes copied); a file that is new is listed there before it
is made. A finished build deletes the folder; a stopped one puts every file back. A folder left by a
killed build is put back by the next one, which then builds from scratch (its cache may already
describe the files put back).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from . import UNDO as FOLDER

CREATED = "created"


class ContentUndo:
    def __init__(self, root: Path, content: Path) -> None:
        self.folder, self.content = root / FOLDER, content
        self.created: set[str] = set()
        self.log = None
        """The list of files made, open for appending while the build writes content/."""
        self.touched = False
        """This build wrote or removed a content file."""
        self.recovered = self.folder.is_dir()
        """A killed build's changes were undone: this build must not trust the cache."""
        if self.recovered:
            self.restore()

    def before_write(self, target: Path) -> None:
        """Call before writing `target` (a file in content/)."""
        self.touched = True
        self.folder.mkdir(parents=True, exist_ok=True)
        name = target.relative_to(self.content).as_posix()
        kept = self.folder / "files" / name
        if kept.exists() or name in self.created:
            return
        if target.exists():
            kept.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(target, kept)
            except OSError:   # a file system without hard links, or content/ on another one
                shutil.copy2(target, kept)
        else:
            try:
                if self.log is None:
                    self.log = open(self.folder / CREATED, "a", encoding="utf-8")
                self.log.write(name + "\n")
                self.log.flush()   # on disk before the file is made, for a build killed meanwhile
            except OSError as exc:   # (write() does not say which file)
                exc.filename = exc.filename or str(self.folder / CREATED)
                raise
            self.created.add(name)

    def restore(self) -> None:
        """Put content/ back as it was before the build. What cannot be put back now (the fault that stopped
        the build may stop this too) stays in the folder for the next build to finish."""
        self._close()
        if not self.folder.is_dir():
            return
        failed = False
        for name in self._created():
            try:
                if os.path.lexists(self.content / name):   # (a read-only disk says so even of a file it lacks)
                    (self.content / name).unlink()
            except OSError:
                failed = True
        files = self.folder / "files"
        for kept in sorted(p for p in files.rglob("*") if p.is_file()) if files.is_dir() else []:
            try:
                shutil.move(kept, self.content / kept.relative_to(files))   # a rename, or a copy across disks
            except OSError:
                failed = True
        if not failed:
            shutil.rmtree(self.folder, ignore_errors=True)

    def discard(self) -> None:
        """The build finished: keep what it wrote."""
        self._close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _close(self) -> None:
        if self.log is not None:
            try:
                self.log.close()
            except OSError:
                pass
            self.log = None

    def _created(self) -> list[str]:
        try:
            return (self.folder / CREATED).read_text(encoding="utf-8").split("\n")[:-1]
        except FileNotFoundError:
            return []
