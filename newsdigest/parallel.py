"""Map a function over many items on every CPU core, or in this process when there are few.

Workers are forked, so they inherit the function and everything it closes over (the digest, the
layouts): only the items and the results cross between processes. The results come back in order,
so the output is the same either way.
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Callable, Iterator, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")
THRESHOLD = 300
"""Below this many items, the cost of starting workers outweighs what they save."""

_job: Callable | None = None


def _call(item):
    return _job(item)  # type: ignore[misc]


def parallel_map(fn: Callable[[T], R], items: Sequence[T], threshold: int = THRESHOLD) -> list[R]:
    global _job
    workers = min(os.cpu_count() or 1, 8)
    if len(items) < threshold or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [fn(item) for item in items]
    _job = fn
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(_call, items, chunksize=max(1, len(items) // (workers * 8)))
    finally:
        _job = None


def parallel_iter(fn: Callable[[T], R], items: Sequence[T], threshold: int = THRESHOLD) -> Iterator[R]:
    """As parallel_map, but yield the results in order as they come, so the caller can use the first while
    the workers make the rest (ingestion writes content files as seeds are parsed)."""
    global _job
    workers = min(os.cpu_count() or 1, 8)
    if len(items) < threshold or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield from (fn(item) for item in items)
        return
    _job = fn
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap(_call, items, chunksize=max(1, min(50, len(items) // (workers * 8))))
    finally:
        _job = None
