"""Helpers for the quality gates: find the external tools, or skip (fail under CI=true) when one is missing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO

VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = Path(shutil.which("chromium") or "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
INSTALL = "run .ci/run once, or: apt-get install chromium default-jre-headless newsboat && npm install && pip install playwright"


def require(ok: bool, what: str) -> None:
    """Skip when a tool is missing on a developer's machine; fail under CI=true, where it must be there."""
    if ok:
        return
    message = f"{what} is missing ({INSTALL})"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def java() -> str | None:
    return shutil.which("java")
