"""{path: bytes} -> site/: the only code that touches the output folder.

The whole site is written into a fresh folder beside site/ and swapped in, so a failed or killed
build leaves the last good site as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath


class UnsafePath(ValueError):
    """An output path that would land outside the output folder."""


def safe_relative(path: str) -> PurePosixPath:
    """Check an output path: relative, no '..', no backslash or NUL, no empty segment."""
    p = PurePosixPath(path)
    if (not path or "\\" in path or "\x00" in path or p.is_absolute() or any(part in ("", ".", "..") for part in p.parts)
            or "//" in path):
        raise UnsafePath(f"unsafe output path {path!r}")
    return p


def write_site(pages: dict[str, bytes], output: Path) -> None:
    """Replace `output` with exactly `pages`, atomically as far as the file system allows."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    try:
        for path, data in sorted(pages.items()):
            target = (staging / safe_relative(path)).resolve()
            if not target.is_relative_to(staging.resolve()):
                raise UnsafePath(f"output path {path!r} escapes the output folder")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        os.chmod(staging, 0o755)
        old = output.with_name(f".{output.name}.old")
        if old.exists():
            shutil.rmtree(old)
        if output.exists():
            os.replace(output, old)
        os.replace(staging, output)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
