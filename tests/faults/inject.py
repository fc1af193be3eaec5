"""Run build.py with a fault injected where the test cannot make it for real.

    python tests/faults/inject.py SPEC_JSON [build.py arguments ...]

SPEC is a JSON object; each key arms one injection before `newsdigest.cli.main` runs (forked workers
inherit them):
- "io": {"errno": 13, "under": "/abs/path", "write": true, "read": false, "when": "/abs/flag"}: the lowest
  file calls (open, os.open, os.replace, os.mkdir, os.link, os.unlink) on a path below `under` fail with
  that errno, for writing and/or reading; with "when", only while that file exists.
- "slow": {"newsdigest.pipeline.render_page": 0.02}: sleep that long before each call.
- "signal_at": {"stage": "rendering", "signal": 2}: when the build reports that stage, send the signal to
  the build's whole process group, as a terminal's Ctrl-C does.
- "signal_in_commit": 2: send the signal in the middle of putting the site in place.
- "bug": "newsdigest.digest.make_digest": that function raises RuntimeError.
- "scratch": "/abs/path": where Pagefind's pages are put (instead of /dev/shm).
"""

from __future__ import annotations

import builtins
import errno as errno_names
import importlib
import io
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def arm_io(errno: int, under: str, write: bool = True, read: bool = False, when: str | None = None) -> None:
    def hit(path, writing: bool) -> bool:
        if isinstance(path, int) or not ((writing and write) or (not writing and read)):
            return False
        if when and not os.path.exists(when):
            return False
        return os.path.abspath(os.fsdecode(path)).startswith(under)

    def fail(path):
        raise OSError(errno, os.strerror(errno), os.fsdecode(path))

    real_open, real_os_open = builtins.open, os.open

    def open_(file, mode="r", *args, **kwargs):
        if hit(file, any(c in mode for c in "wax+")):
            fail(file)
        return real_open(file, mode, *args, **kwargs)

    def os_open(path, flags, *args, **kwargs):
        if hit(path, bool(flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))):
            fail(path)
        return real_os_open(path, flags, *args, **kwargs)

    builtins.open = io.open = open_
    os.open = os_open
    for name in ("replace", "rename", "mkdir", "link", "unlink", "rmdir"):
        real = getattr(os, name)

        def changed(src, *args, _real=real, _name=name, **kwargs):
            targets = [src, *[a for a in args[:1] if isinstance(a, (str, bytes, os.PathLike))]]
            for path in targets:   # as the kernel does: a missing file is ENOENT before it is a permission
                if hit(path, True) and (_name in ("mkdir", "link") or path is not src or os.path.lexists(src)):
                    fail(path)
            return _real(src, *args, **kwargs)

        setattr(os, name, changed)


def arm_slow(delays: dict[str, float]) -> None:
    for dotted, seconds in delays.items():
        module_name, name = dotted.rsplit(".", 1)
        module = importlib.import_module(module_name)
        real = getattr(module, name)

        def slow(*args, _real=real, _s=seconds, **kwargs):
            time.sleep(_s)
            return _real(*args, **kwargs)

        setattr(module, name, slow)


def arm_signal_at(stage: str, number: int) -> None:
    from newsdigest import cli

    real = cli.Progress.__call__

    def progress(self, name: str) -> None:
        if name.startswith(stage):
            os.killpg(os.getpgid(0), number)
            time.sleep(1)   # the signal is handled at the next bytecode boundary
        real(self, name)

    cli.Progress.__call__ = progress


def arm_signal_in_commit(number: int) -> None:
    from newsdigest import write

    real = write.Writing.finish

    def finish(self, *args, **kwargs):
        os.kill(os.getpid(), number)
        time.sleep(0.2)
        return real(self, *args, **kwargs)

    write.Writing.finish = finish


def arm_bug(dotted: str) -> None:
    module_name, name = dotted.rsplit(".", 1)
    module = importlib.import_module(module_name)

    def broken(*args, **kwargs):
        raise RuntimeError("injected bug")

    setattr(module, name, broken)


def main() -> int:
    spec = json.loads(sys.argv[1])
    if "scratch" in spec:
        import newsdigest.search
        newsdigest.search.SCRATCH = spec["scratch"]
    if "slow" in spec:
        arm_slow(spec["slow"])
    if "signal_at" in spec:
        arm_signal_at(spec["signal_at"]["stage"], spec["signal_at"]["signal"])
    if "signal_in_commit" in spec:
        arm_signal_in_commit(spec["signal_in_commit"])
    if "bug" in spec:
        arm_bug(spec["bug"])
    from newsdigest.cli import main as build_main
    if "io" in spec:   # last: importing is reading
        io_spec = dict(spec["io"])
        io_spec["errno"] = getattr(errno_names, io_spec["errno"]) if isinstance(io_spec["errno"], str) else io_spec["errno"]
        arm_io(**io_spec)
    return build_main(sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
