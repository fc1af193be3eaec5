"""{path: bytes} -> site/: the only code that touches the output folder.

The whole site is written into a fresh folder beside site/ and swapped in, so a failed or killed
build leaves the last good site as it was. A folder newsdigest did not make is never replaced.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath

from .errors import BuildError

MARKER = ".newsdigest"
MARKER_TEXT = b"Built by newsdigest. This folder is replaced whole on every build: edit the sources, not these files.\n"


class UnsafePath(ValueError):
    """An output path that would land outside the output folder."""


def safe_relative(path: str) -> PurePosixPath:
    """Check an output path: relative, no '..', no backslash or NUL, no empty segment."""
    p = PurePosixPath(path)
    if not path or "\\" in path or "\x00" in path or any(part in ("", ".", "..") for part in path.split("/")):
        raise UnsafePath(f"unsafe output path {path!r}")
    return p


def write_site(pages: dict[str, bytes], output: Path) -> None:
    """Replace `output` with exactly `pages`, atomically as far as the file system allows."""
    output = output.resolve()
    _check_ours(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(output)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    try:
        made: set[Path] = {staging}
        for path, data in sorted({**pages, MARKER: MARKER_TEXT}.items()):
            target = staging / safe_relative(path)
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            target.write_bytes(data)
        os.chmod(staging, 0o755)
        old = output.with_name(f".{output.name}.old")
        if output.exists():
            os.replace(output, old)
        os.replace(staging, output)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _check_ours(output: Path) -> None:
    """Refuse to replace a folder that holds anything but a site newsdigest built."""
    if output.is_symlink() or (output.exists() and not output.is_dir()):
        raise BuildError("the output path exists and is not a folder: choose another paths.output", output)
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).is_file():
        raise BuildError("the output folder exists and was not built by newsdigest; move it away or choose "
                         "another paths.output (newsdigest replaces its output folder whole)", output)


def _remove_leftovers(output: Path) -> None:
    """Staging folders of a build that was killed, and the old site of a swap that was interrupted."""
    for leftover in output.parent.glob(f".{output.name}.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    old = output.with_name(f".{output.name}.old")
    if old.exists() and output.exists():
        shutil.rmtree(old, ignore_errors=True)
    elif old.exists():   # killed between the two renames: the old site is the last good one
        os.replace(old, output)
