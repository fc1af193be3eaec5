"""Golden tests of the seed parser: each scrape in tests/fixtures/seeds/ against its reviewed .md.

Refresh with NEWSDIGEST_REFRESH=1 python3 -m pytest tests/test_seed_fixtures.py, then read the diff.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from newsdigest.ingest.parse import parse_seed
from tests.fixtures.accuracy import FIXTURES, RULES, table
from tests.fixtures.expected import expected_text

SEEDS = sorted(FIXTURES.glob("*.txt"))


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


def test_accuracy_is_total_on_the_fixtures(capsys):
    text, ratios = table()
    with capsys.disabled():
        print("\n" + text)
    assert ratios == {field: 1.0 for field in ratios}, text
