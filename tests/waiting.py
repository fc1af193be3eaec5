"""Waiting in tests for events, never for a time budget sized for an idle machine.

On a busy machine (the suite beside a benchmark, two cores) a step that takes a second alone may take a
minute: a test polls for the event it needs (a line printed, a file made, a status changed) and fails at
once when the process it waits on has ended instead. HANG is not a budget: it only turns a real hang into
a failure with a message rather than a run that never ends.
"""

from __future__ import annotations

import signal
import subprocess
import time
from typing import Callable, TypeVar

HANG = 900.0
"""Seconds after which a wait is taken for a hang (a quarter of an hour: far beyond any slow machine)."""

T = TypeVar("T")


def wait_for(condition: Callable[[], T], process: subprocess.Popen | None = None, what: str = "") -> T:
    """Poll `condition` until it returns something true, and return that; fail as soon as `process` (the one
    expected to make it happen) has exited."""
    deadline = time.monotonic() + HANG
    while True:
        value = condition()
        if value:
            return value
        if process is not None and process.poll() is not None:
            raise AssertionError(f"the process ended (status {process.returncode}) before {what or 'the event'}")
        if time.monotonic() > deadline:
            raise AssertionError(f"hung: no {what or 'event'} after {HANG:.0f} s")
        time.sleep(0.05)


def interruptible() -> None:
    """`preexec_fn` for a process a test will stop with SIGINT: SIGINT at its default, as in a terminal's
    foreground job. A suite started in the background (`pytest &`, a CI runner's shell) runs with SIGINT
    ignored, a child inherits that, and Python then installs no KeyboardInterrupt handler."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
