"""Full-text search with no server: Pagefind indexes the article pages of this build.

Only what an article page marks with data-pagefind-body is indexed (title, dek, byline, body), with
filters for section, tag and year and a date to sort by. The pages are handed over from memory
through a temporary folder to the Pagefind binary that the pagefind[bin] package ships, and the
bundle comes back as {path: bytes} under pagefind/, for write.py to write with the rest of the site.

(The package's async Python API was tried first: it takes about 100 ms a page and hangs once the
index outgrows 64 KiB, an asyncio stream limit in the package; its binary indexes 1,000 pages in 1.5 s.)
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path
from typing import Iterable

from .errors import BuildError
from .write import write_tree

BUNDLE = "pagefind/"


def binary() -> Path | None:
    """The Pagefind executable, or None when it cannot be had here."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        return None
    found = get_executable()
    return found if found and found.is_file() and os.access(found, os.X_OK) else None


def unavailable() -> str:
    """Why search cannot be built here, or "" when it can."""
    return "" if binary() else "the Pagefind binary was not found (pip install 'pagefind[bin]')"


def index_pages(pages: Iterable[tuple[str, bytes]], language: str) -> dict[str, bytes]:
    """Index (output path, HTML) pairs; return the search bundle's files by output path."""
    with tempfile.TemporaryDirectory(prefix="newsdigest-search-") as tmp:
        site, out = Path(tmp) / "site", Path(tmp) / "bundle"
        site.mkdir()
        write_tree(site, dict(pages))
        command = [str(binary()), "--site", str(site), "--output-path", str(out), "--silent",
                   "--force-language", language.split("-")[0]]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise BuildError(f"search: Pagefind failed: {(result.stderr or result.stdout).strip()[:500]}")
        return {BUNDLE + p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
