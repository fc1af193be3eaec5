"""The no-op fast path: when every input is as the last clean build left it, there is nothing to read,
render or write. Kept apart from the pipeline so that checking costs no heavy imports."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

from .config import Config
from .scan import files_below
from .write import site_identity

FILE = Path(".cache") / "state.json"


def input_state(config: Config, drafts: bool, future: bool) -> str:
    """A hash of every input's name, size and mtime, the config and the options."""
    h = hashlib.blake2b(f"{config!r} {drafts} {future}".encode(), digest_size=16)
    for folder in (config.path("seeds"), config.path("content"), config.path("layouts"), config.path("translations")):
        h.update(f"{folder}\n".encode())
        for path, mtime, size in files_below(folder, hidden=True):
            h.update(f"{path}\0{size}\0{mtime}\n".encode())
    return h.hexdigest()


COUNTS = 8
"""articles, pages, feeds, files, drafts, scheduled, unchanged seeds, articles to review."""


def unchanged_since_last_build(config: Config, state: str, now: datetime) -> list[int] | None:
    """The last build's counts when inputs (`state`), site and schedule are as it left them; else None."""
    output = config.path("output")
    if output.with_name(f".{output.name}.commit").exists():
        return None   # a killed build's journal waits to be applied
    try:
        saved = json.loads((config.root / FILE).read_text(encoding="utf-8"))
        due = saved["next_due"] and datetime.fromisoformat(saved["next_due"])
        if saved["state"] != state or saved["site"] != list(site_identity(output) or []) or (due and now >= due):
            return None
        counts = [int(n) for n in saved["counts"]]
        return counts if len(counts) == COUNTS else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save_state(config: Config, state: str, next_due: datetime | None, site: tuple[int, int] | None,
               counts: list[int]) -> None:
    """Record a build that had no errors or warnings, for the next one to compare with. `state` is the
    inputs' state before the build; one that ingestion changed is not recorded (content/ moved on). The site
    is published by then: a file that cannot be written only costs the next build its shortcut."""
    path = config.root / FILE
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(json.dumps({"state": state, "site": list(site or []),
                                   "next_due": next_due.isoformat() if next_due else None, "counts": counts}),
                       encoding="utf-8")
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)
