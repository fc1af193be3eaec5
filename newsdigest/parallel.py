"""Map a function over many items on every CPU core, or in this process when there are few.

The build's own process is one of the hands: it forks one worker fewer than there are cores and, while it waits
for the next result in order, makes the last chunk not yet given to a worker. (A forked worker counts
the pages it shares with the build's process again: at 10,000 articles each holds about as much as the build,
240 MB, so a worker less is a quarter less memory at the peak, for the same cores busy.)

Workers are forked, so they inherit the function and everything it closes over (the digest, the
layouts): only the items and the results cross between processes. The results come back in order,
so the output is the same either way. Workers ignore Ctrl-C (the main process stops the build); a
worker that dies (killed, out of memory) stops the build with a Fault rather than leaving it waiting.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterator, Sequence, TypeVar

from .errors import Fault
from .ledger.lock import forget_in_child

T = TypeVar("T")
R = TypeVar("R")
THRESHOLD = 300
"""Below this many items, the cost of starting workers outweighs what they save."""

_job: Callable | None = None


def _call(chunk: Sequence) -> list:
    return [_job(item) for item in chunk]  # type: ignore[misc]


def _worker_start() -> None:
    """Ctrl-C is for the build to handle; a worker dies with the build (Linux), and holds no project lock."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    forget_in_child()
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)   # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass   # not Linux: a killed build's workers finish their chunk and exit


def parallel_map(fn: Callable[[T], R], items: Sequence[T], threshold: int = THRESHOLD) -> list[R]:
    return list(parallel_iter(fn, items, threshold, chunk=max(1, len(items) // (_workers() * 8))))


def parallel_iter(fn: Callable[[T], R], items: Sequence[T], threshold: int = THRESHOLD, chunk: int = 0) -> Iterator[R]:
    """As parallel_map, but yield the results in order as they come, so the caller can use the first while
    the workers make the rest (ingestion writes content files as seeds are parsed)."""
    global _job
    workers = _workers()
    if len(items) < threshold or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield from (fn(item) for item in items)
        return
    size = chunk or max(1, min(50, len(items) // (workers * 8)))
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    pool = ProcessPoolExecutor(workers - 1, mp_context=multiprocessing.get_context("fork"), initializer=_worker_start)
    futures: list = []       # the chunks given to the workers, from the front: futures[i] makes chunks[i]
    here: dict[int, list[R] | Exception] = {}   # the chunks this process made, from the back, by their place
    back = len(chunks) - 1   # the last chunk nobody has taken

    def feed(k: int) -> None:
        """Keep each worker one chunk ahead: a shallow queue, so what is not given out yet stays free to take.
        (Not Future.cancel on a queue of every chunk: a pool that breaks then sets an error on the cancelled
        futures and prints a traceback from its thread, CPython 3.11.)"""
        while len(futures) <= back and sum(not f.done() for f in futures[k:]) < 2 * (workers - 1):
            futures.append(pool.submit(_call, chunks[len(futures)]))

    try:
        _job = fn
        for k in range(len(chunks)):
            feed(k)
            while k < len(futures) and not futures[k].done() and back >= len(futures):
                try:   # the next result is not ready: make the last chunk (its error waits for its turn)
                    here[back] = [fn(item) for item in chunks[back]]
                except Exception as error:
                    here[back] = error
                back -= 1
                feed(k)
            made = here.pop(k) if k in here else futures[k].result()
            if k < len(futures):
                futures[k] = None   # a result yielded is not kept
            if isinstance(made, Exception):
                raise made
            yield from made
    except BrokenProcessPool:
        raise Fault("a worker process of the build died (killed, or out of memory: dmesg tells which); "
                    "build again, with more memory free if that was the cause") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _job = None


def _workers() -> int:
    return min(os.cpu_count() or 1, 8)
