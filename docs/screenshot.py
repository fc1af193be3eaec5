"""Regenerate docs/front-page.png: build the sample digest into a temporary folder and photograph it.

Usage: python3 docs/screenshot.py   (needs Chromium and Playwright, as the browser tests do)
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsdigest.cli import main  # noqa: E402
from tests.quality import CHROMIUM, CHROMIUM_ARGS  # noqa: E402


def run() -> Path:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name in ("layouts", "seeds", "content"):
            shutil.copytree(REPO / name, root / name)
        shutil.copy(REPO / "config.yaml", root / "config.yaml")
        if main(["--config", str(root / "config.yaml"), "--future"]) != 0:
            raise SystemExit("the sample digest did not build")
        target = REPO / "docs" / "front-page.png"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1100, "height": 820})
            page.goto((root / "site" / "index.html").as_uri())
            page.screenshot(path=str(target))
            browser.close()
    return target


if __name__ == "__main__":
    print(f"wrote {run().relative_to(REPO)}")
