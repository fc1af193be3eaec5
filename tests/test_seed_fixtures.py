"""Golden tests of the seed parser: each scrape in tests/fixtures/seeds/ against its reviewed .md.

Refresh with NEWSDIGEST_REFRESH=1 python3 -m pytest tests/test_seed_fixtures.py, then read the diff.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from newsdigest.ingest.parse import Rules, parse_seed
from tests.fixtures.expected import expected_text

FIXTURES = Path(__file__).parent / "fixtures" / "seeds"
SEEDS = sorted(FIXTURES.glob("*.txt"))
RULES = Rules(zone="Asia/Kolkata")   # the sample config's zone: datelines without a zone are read in it


def test_the_corpus_is_large_enough():
    assert len(SEEDS) >= 30


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_seed_fixture(seed: Path):
    got = expected_text(parse_seed(seed.read_bytes().decode("utf-8-sig"), RULES))
    expected_path = seed.with_suffix(".md")
    if os.environ.get("NEWSDIGEST_REFRESH"):
        expected_path.write_text(got, encoding="utf-8")
    expected = expected_path.read_text(encoding="utf-8")
    diff = "".join(difflib.unified_diff(expected.splitlines(True), got.splitlines(True), "expected", "got"))
    assert got == expected, diff
