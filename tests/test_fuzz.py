"""Mutated real pages (issue 29): tests/fuzz.py run small, every build checked.

Makes seeds from ../shared/realpages and ../shared/modernpages (third-party pages, kept outside the repository)
by every mutation the script knows, builds them in batches of one kind and as one folder, and holds every build
to what the script checks: no traceback, exit status 0 or 1, one error line per refused seed naming it, every
seed converted, refused or left out as a duplicate, and every content file written loads (a property over every
seed of the corpus). Its times are the benchmark's to report (bench/README.md), not this test's: the machine
running the suite may be busy. Without ../shared, on a user's machine, the test skips and says why; under
CI=true it fails instead.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

SHARED = REPO.parent / "shared"
PER_KIND = 6
"""Seeds of each of the 16 kinds: 96 seeds, about a minute of builds on two cores."""


@pytest.mark.slow
def test_mutated_real_pages_build_and_every_content_file_written_loads(tmp_path: Path):
    if not all((SHARED / name / "truth.json").is_file() for name in ("realpages", "modernpages")):
        message = f"{SHARED}/realpages and modernpages (the real-page benchmarks) are not on this machine"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}; under CI=true the fuzz run must run")
        pytest.skip(message)
    figures = tmp_path / "fuzz.json"
    done = subprocess.run([sys.executable, "-m", "tests.fuzz", "--per-kind", str(PER_KIND), "--out", str(tmp_path / "fuzz"),
                           "--json", str(figures), "--shared", str(SHARED)], cwd=REPO, capture_output=True, text=True)
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stdout + done.stderr
    builds = json.loads(figures.read_text(encoding="utf-8"))
    assert len(builds) == 17 and builds[-1]["seeds"] == 16 * PER_KIND
    for build in builds:
        assert build["failures"] == [], (build["name"], build["failures"])
        assert build["status"] in (0, 1) and (build["status"] == 1) == bool(build["refused"])
        assert build["converted"] + len(build["refused"]) + build["duplicates"] == build["seeds"]
    by_kind = {b["name"]: b for b in builds}
    for kind in ("nul-bytes", "utf-16", "latin-1", "crlf", "bidi-marks", "soft-breaks", "stray-controls", "long-line"):
        assert by_kind[kind]["converted"] == PER_KIND, (kind, by_kind[kind]["refused"])   # real articles, all read
    for kind in ("whitespace", "compressed", "empty"):
        assert len(by_kind[kind]["refused"]) == PER_KIND, kind   # nothing of an article in them
