"""One build at a time in a project: cron, `serve` and a hand-run build may overlap.

An advisory lock (flock) on .cache/build.lock, which the kernel releases when its holder exits, killed
or not; the holder's pid is written in the file for the message. A second build waits for the first,
up to a limit, then gives up with a Fault naming that pid.
"""

from __future__ import annotations

import os
import threading
import time
from contextlib import contextmanager

from ..errors import Fault
from . import LOCK as FILE

TYPE_CHECKING = False   # typing's, without importing typing: the no-op check takes this lock
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Iterator

try:
    import fcntl
except ImportError:   # Windows: no flock; builds are not serialised there
    fcntl = None

_held: dict[tuple[str, int], int] = {}
"""The locks this process holds ((their file, the thread holding it) -> its descriptor): taken again by that
thread, a lock held is held on (the no-op check takes it, and the build after it runs under it); a forked worker closes its copies (forget_in_child), so
that a worker outliving a killed build does not hold the project locked."""
WAIT = 120.0
"""Seconds a build waits for another to finish: a cold build of 10,000 articles takes about 20."""


@contextmanager
def project_lock(root: Path, wait: float = WAIT) -> Iterator[None]:
    """Hold the project at `root` for one build, waiting up to `wait` seconds for another to finish (then a Fault
    naming its pid). Taken again by the thread that holds it (the no-op check's, then its build's), it is held on."""
    if fcntl is None:
        yield
        return
    path = root / FILE
    key = (str(path), threading.get_ident())
    if key in _held:
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
                    raise Fault(f"another build is running (pid {holder}) in {root}; waited {wait:g} s for it: let it "
                                f"finish, or stop it, then build again (--wait SECONDS waits longer)") from None
                time.sleep(0.05)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        _held[key] = fd
        yield
    finally:
        if _held.get(key) == fd:
            del _held[key]
        os.close(fd)   # releases the lock


def forget_in_child() -> None:
    """In a forked worker: close the lock descriptors inherited from the build."""
    for fd in list(_held.values()):
        try:
            os.close(fd)
        except OSError:
            pass
    _held.clear()
