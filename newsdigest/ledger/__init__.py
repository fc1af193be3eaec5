"""The build ledger: what the last build saw and made, so that the next one redoes only what changed, and one
whose inputs did not change at all does nothing.

One SQLite database (the standard library's), .cache/ledger.sqlite: its rows are read and written by
records.py. Here is the no-op check, which the command line runs before it parses the config or imports the
build's stages: it lists the inputs the last build listed and compares them with what that build left. It
imports the standard library, scan.py and write.py's two looks at the site, nothing else.

Only this package reads or writes .cache/: the ledger (records.py, and the check here), the project lock
(lock.py: one build at a time) and the undo journal (undo.py: content/ put back when a build stops).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections import namedtuple
from datetime import datetime

from ..scan import Inputs, input_state

TYPE_CHECKING = False   # typing's, without importing typing (nor what records.py imports) before the check
if TYPE_CHECKING:
    from pathlib import Path

FILE = ".cache/ledger.sqlite"
LOCK = ".cache/build.lock"
"""The project lock's file (lock.py)."""
UNDO = ".cache/undo"
"""Where a build keeps what it replaced in content/ until it finishes (undo.py)."""
FORMAT = 11
"""The ledger's layout: a ledger of another format is started afresh."""

# A namedtuple, not a dataclass: this module is imported before the no-op check, and dataclasses' import is
# a tenth of the check's time.
Summary = namedtuple("Summary", "articles pages feeds files drafts scheduled seeds to_review")
Summary.__doc__ = """The counts of a build's summary line, which a no-op build repeats: articles, pages, feeds,
files (every output file: all unchanged in a no-op build), drafts and scheduled articles left out, seeds found
unchanged, articles to review."""


def unchanged_since_last_build(root: Path, now: datetime, inputs: Inputs | None = None, options: str = ""
                               ) -> tuple[Summary | None, Inputs | None]:
    """(the last build's summary when nothing it was made from changed, else None; the inputs compared, None when
    none were). Compared: the inputs' state (`inputs` as this build listed them; else the folders the last build
    listed, listed here again, their links followed anew, and hashed with `options`: scan.input_state), the site
    (the identity of its marker, write.site_identity, and no journal of a killed build waiting) and the schedule
    (`now` is before no scheduled article's time and after the newest published's). Reads eight rows of the
    ledger, and nothing when it has none."""
    path = os.path.join(root, FILE)
    if not os.path.isfile(path):
        return None, inputs
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            saved = dict(db.execute("SELECT name, value FROM meta WHERE name IN "
                                    "('format', 'key', 'state', 'scanned', 'site', 'next_due', 'newest', 'summary')"))
        finally:
            db.close()
        if saved.get("format") != str(FORMAT) or not saved.get("state") or not saved.get("scanned"):
            return None, inputs
        scanned = json.loads(saved["scanned"])
        inputs = inputs or input_state([os.path.realpath(f) for f in scanned["folders"]], options)
        # the key: the records are those the state was recorded with (not a ledger another build changed since)
        if scanned.get("key") != saved.get("key") or inputs.state != saved["state"]:
            return None, inputs
        output = os.path.realpath(scanned["output"])   # a link to the site's folder may point elsewhere now
        if not as_left(saved, output, now):
            return None, inputs
        return Summary(**json.loads(saved["summary"])), inputs
    except (sqlite3.Error, OSError, ValueError, KeyError, TypeError):
        return None, inputs


def as_left(saved: dict[str, str | None], output: str, now: datetime) -> bool:
    """The site at `output` is as the last build left it (the identity of its marker, write.site_identity, and
    no journal of a killed build waiting) and publishes what it did at `now` (before no scheduled article's
    time, after the newest published's); `saved`: the ledger's meta rows 'site', 'next_due' and 'newest'.
    Raises ValueError for rows that cannot be read."""
    from ..write import journal_waiting, site_identity

    if journal_waiting(output) or json.loads(saved.get("site") or "null") != list(site_identity(output) or []):
        return False
    due = saved.get("next_due") and datetime.fromisoformat(saved["next_due"])
    newest = saved.get("newest") and datetime.fromisoformat(saved["newest"])
    return not (due and now >= due or newest and now < newest)
