"""parallel_iter: the build's process is one of the hands (a worker fewer is forked), results come in order."""

from __future__ import annotations

import os
import time

import pytest

import newsdigest.parallel as parallel


@pytest.fixture
def two_cores(monkeypatch):
    if "fork" not in parallel.multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform: parallel_iter runs in one process")
    monkeypatch.setattr(parallel, "_workers", lambda: 2)


def test_the_builds_process_takes_chunks_from_the_end_and_one_worker_the_rest(two_cores, tmp_path):
    here, signal = os.getpid(), tmp_path / "the build's process made one"

    def work(item: int) -> tuple[int, int]:
        if os.getpid() == here:
            signal.touch()
        elif item == 0:   # the worker's first item waits until the build's process has made one of its own
            deadline = time.monotonic() + 120
            while not signal.exists() and time.monotonic() < deadline:
                time.sleep(0.01)
        return item * 3, os.getpid()

    results = list(parallel.parallel_iter(work, list(range(400)), threshold=10, chunk=10))
    assert [r for r, _ in results] == [i * 3 for i in range(400)]
    makers = [pid for _, pid in results]
    assert len(set(makers) - {here}) == 1, "one worker on two cores"
    mine = [i for i, pid in enumerate(makers) if pid == here]
    assert mine and 0 not in mine, "the build's process made some, not the first"
    assert mine == list(range(mine[0], 400)) and mine[0] % 10 == 0, "whole chunks, taken from the end"


def test_few_items_are_made_in_this_process(two_cores):
    assert {pid for pid in parallel.parallel_map(lambda _: os.getpid(), [1, 2, 3])} == {os.getpid()}


def test_the_first_error_in_the_order_of_the_items_is_the_one_raised(two_cores, tmp_path):
    """A worker's error at the front is raised, not the one the build's process met at the end meanwhile."""
    here, signal = os.getpid(), tmp_path / "the build's process made one"

    def work(item: int) -> int:
        if os.getpid() == here:
            signal.touch()
        elif item == 0:
            deadline = time.monotonic() + 120
            while not signal.exists() and time.monotonic() < deadline:
                time.sleep(0.01)
        if item in (5, 399):
            raise (ValueError if item == 5 else KeyError)(item)
        return item

    got = []
    with pytest.raises(ValueError):
        for result in parallel.parallel_iter(work, list(range(400)), threshold=10, chunk=10):
            got.append(result)
    assert signal.exists() and got == []   # the chunk of items 0-9 failed whole, as pool.map's chunks do
