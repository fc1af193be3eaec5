"""Full-text search with no server: Pagefind indexes the article pages we rendered, in memory.

Only what an article page marks with data-pagefind-body is indexed (title, dek, byline, body), with
filters for section, tag and year and a date to sort by. The bundle comes back as {path: bytes}
under pagefind/, for write.py to write with the rest of the site.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Iterable

BUNDLE = "pagefind/"


def unavailable() -> str:
    """Why search cannot be built here, or "" when it can."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        return "the pagefind package is not installed (pip install 'pagefind[bin]')"
    binary = get_executable()
    return "" if binary and binary.exists() else "the Pagefind binary was not found (pip install 'pagefind[bin]')"


def index_pages(pages: Iterable[tuple[str, bytes]], language: str) -> dict[str, bytes]:
    """Index (output path, HTML) pairs; return the search bundle's files by output path."""
    from pagefind.index import IndexConfig, PagefindIndex

    async def run() -> dict[str, bytes]:
        config = IndexConfig(force_language=language.split("-")[0], keep_index_url=False)
        async with PagefindIndex(config=config) as index:
            for path, html in pages:
                await index.add_html_file(content=html.decode("utf-8"), source_path=path)
            files = await index.get_files()
        return {BUNDLE + f["path"]: bytes(f["content"]) for f in files}

    with ThreadPoolExecutor(1) as thread:   # its own event loop, even when the caller's thread has one running
        return thread.submit(asyncio.run, run()).result()
