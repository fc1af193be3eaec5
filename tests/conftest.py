"""Shared fixtures: a throw-away project (config, layouts, seeds, content) in tmp_path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.waiting import HANG

REPO = Path(__file__).resolve().parent.parent

CONFIG = """\
site:
  title: Test Digest
  url: https://example.org/digest/
  description: A digest for tests.
  language: en-GB       # British dates and times, as the tests expect them (CLDR: "en" is American English)
  timezone: Europe/London
search: false       # Pagefind costs a second a build; the search tests turn it on
"""


GLACIER_SEED = """\
Home > Science
Glacier survey finds meltwater lakes doubled in a decade
Researchers mapped more than four hundred new lakes on the ice sheet's western edge.
By Mara Olsen
March 3, 2026 / 09:15 GMT
The survey team flew the western margin of the ice sheet twice a year for ten years, photographing every pool of standing water they could find from the air.
Their count of lakes larger than a football pitch rose from about three hundred to more than seven hundred over the decade, the team said in a paper published on Tuesday.
Meltwater that collects on the surface can drain through cracks to the bed of the glacier, where it lubricates the ice and speeds its slide towards the sea.
"We expected growth, but not at this pace," said the survey's lead author, who has flown the route since its first season.
The researchers plan to add a satellite radar record to the aerial photographs next year, so that lakes hidden under winter snow can be counted too.
© 2026 The Polar Record. All rights reserved.
"""
"""An original seed (written for these tests) in the shape of the shipped ones: breadcrumbs, headline, dek,
byline, dateline, six paragraphs and the outlet's copyright line."""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An empty project with the real layouts and a small config."""
    shutil.copytree(REPO / "layouts", tmp_path / "layouts")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "content").mkdir()
    (tmp_path / "config.yaml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


@pytest.fixture
def sample_project(project: Path) -> Path:
    """The project with the shipped sample seeds."""
    for seed in sorted((REPO / "seeds").glob("*.txt")):
        shutil.copy(seed, project / "seeds" / seed.name)
    return project


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium (Debian's), for the tests marked browser."""
    from tests.quality import CHROMIUM, CHROMIUM_ARGS, require

    require(CHROMIUM.exists(), "Chromium (/usr/bin/chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "Playwright for Python")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield Patient(b)
        b.close()


class Patient:
    """A Playwright browser whose pages wait for what they wait for as long as a busy machine needs
    (tests/waiting.py), not Playwright's 30 s."""

    def __init__(self, browser) -> None:
        self._browser = browser

    def new_page(self, **options):
        page = self._browser.new_page(**options)
        page.set_default_timeout(HANG * 1000)
        return page

    def new_context(self, **options):
        context = self._browser.new_context(**options)
        context.set_default_timeout(HANG * 1000)
        return context

    def __getattr__(self, name: str):
        return getattr(self._browser, name)
