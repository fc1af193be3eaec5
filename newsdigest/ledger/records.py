"""The ledger's records: what one build saw and made, read from .cache/ledger.sqlite and written back a row at a
time.

A row per record: each content file (its size, mtime and the Article loaded from it, whose body is read only if a
page or feed that shows it is made again), each seed, each output (the fingerprint of what it was made from, the
hash of its bytes, the hash of what search reads of it, the articles whose bodies it shows), the stories' index,
the lines of stories.json, and the last build's summary for the no-op check (the package's __init__). A build
reads the rows (`last`) and, once its site is ready, writes only the rows that changed, in one transaction that
commits after the site is in place (`stage`, then `Staged.commit`): a build stopped or killed before that leaves
the ledger as it was (SQLite's rollback journal). A ledger of another format, newsdigest version or config, or one
that cannot be read, is not trusted: the build is then a full one, and writes a new ledger beside it that
replaces it whole.
"""

from __future__ import annotations

import errno
import hashlib
import json
import marshal
import os
import pickle
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable


from .. import __version__
from . import FILE, FORMAT, Summary

if TYPE_CHECKING:
    from ..content import Article
    from ..stories import StoryIndex

SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB);
CREATE TABLE content (path TEXT PRIMARY KEY, mtime INTEGER, size INTEGER, article BLOB, body TEXT);
CREATE TABLE seeds (name TEXT PRIMARY KEY, seen BLOB);
CREATE TABLE outputs (path TEXT PRIMARY KEY, made_from TEXT, hash TEXT, indexed TEXT, bodies TEXT);
CREATE TABLE stories (part TEXT, key TEXT, value BLOB, PRIMARY KEY (part, key));
CREATE TABLE story_lines (id TEXT PRIMARY KEY, made_from TEXT, line TEXT);
CREATE TABLE shows (path TEXT PRIMARY KEY, sources TEXT);
CREATE TABLE layouts (key TEXT PRIMARY KEY, code BLOB);
CREATE TABLE recipes (path TEXT PRIMARY KEY, recipe BLOB);
CREATE TABLE archive (path TEXT PRIMARY KEY, indexed TEXT, entry TEXT, filters TEXT);
"""
STORY_PARTS = ("shapes", "links", "members", "related", "splits")
"""The StoryIndex's dicts, a row per key in `stories`; its `order` is one meta row."""
DAMAGED = (sqlite3.DatabaseError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError)
"""What reading a damaged ledger, or one whose pickles this code's classes cannot take, raises."""


@dataclass
class Records:
    """What one build saw and made: the last build's, read from the ledger, or this build's, to write."""

    articles: dict[str, tuple[int, int, Article]] = field(default_factory=dict)
    """Content file -> (mtime_ns, size, the Article loaded from it)."""
    seeds: dict[str, tuple] = field(default_factory=dict)
    """Seed file -> what ingestion knows of it (ingest.Seen)."""
    inputs: dict[str, str] = field(default_factory=dict)
    """Output path -> fingerprint of what it was made from."""
    outputs: dict[str, str] = field(default_factory=dict)
    """Output path -> hash of the bytes written."""
    indexed: dict[str, str] = field(default_factory=dict)
    """Article page -> hash of what Pagefind reads of it (search.indexed_part)."""
    site: tuple[int, int] | None = None
    """(inode, mtime_ns) of the output folder's marker once the build put the site in place: tells a replaced site."""
    stories: StoryIndex | None = None
    """The digest's stories and related lists, updated by the next build rather than made again."""
    story_lines: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Story id -> (fingerprint of the Story, its line of stories.json)."""
    made_with: str = ""
    """What every page is made with besides its own data (the layouts' fingerprint, whether search is on)."""
    shows: dict[str, str] | None = None
    """Page or feed -> the sources of the articles it shows, each between newlines; None when not read (the
    last build's are read only when every page is fingerprinted again: `Ledger.shows`)."""
    layouts: dict[str, bytes] = field(default_factory=dict)
    """Layout's key -> its compiled code (Jinja's bytecode), for those this build compiled (`Compiled`)."""
    bodies: dict[str, str] = field(default_factory=dict)
    """Output path -> the sources of the articles whose body it shows (content.bodies_read), each between
    newlines; absent for one that shows none (its fingerprint holds only the articles' cards)."""
    recipes: dict[str, bytes] = field(default_factory=dict)
    """Output path -> how to make it again from the ledger's rows (retouch.recipe), for each output this build
    made that shows a body; b"" for one made that has none. Written, never read whole (Ledger.showing_bodies)."""
    archive: dict[str, tuple[str, str, str]] | None = None
    """The search archive (search.Layout) as this build indexed it: article page -> (the hash of what search read of
    it, the id of its entry, its filter values as JSON); None when the build kept the last one (`Ledger.archived`)."""

    def fresh(self, path: str, fingerprint: str) -> bool:
        """The output at `path` was made from what `fingerprint` hashes."""
        return self.inputs.get(path) == fingerprint


@dataclass(frozen=True)
class Unchanged:
    """What lets the next build do nothing: the inputs' state before this build, when the next is due to
    publish a scheduled article, the newest article published (a build at an earlier instant would hold it back
    as scheduled), and the summary to repeat."""

    state: str
    next_due: datetime | None
    summary: Summary
    newest: datetime | None = None
    scanned: tuple[tuple[str, ...], str] = ((), "")
    """(the input folders, as the config names them; the output folder, the same): what the next build's no-op
    check lists and looks at, their links followed, before it reads the config."""
    apart: str = ""
    """The inputs' state but the articles' (scan.Inputs.apart): the same in the next build, and only bodies were
    edited, that build makes again only the outputs that show them (retouch.py)."""
    listing: str = ""
    """content/'s files as this build listed them (scan.Inputs.lines): what the next build's listing is compared
    with to find the articles edited (retouch.py, scan.changes)."""


def ledger_key(config: Any) -> str:
    """newsdigest's version and the config: any change makes the whole ledger stale."""
    return hashlib.sha256(f"{FORMAT} {__version__} {config!r}".encode()).hexdigest()[:16]


class Ledger:
    """The ledger of the project at `root`, opened for one build. A ledger made for another `key` (or none, or
    one that cannot be read) reads as empty, and is replaced whole by this build's."""

    def __init__(self, root: Path, key: str, trust: bool = True) -> None:
        self.path, self.key = root / FILE, key
        self.new = self.path.with_name(self.path.name + ".new")
        for leftover in (self.new, self.new.with_name(self.new.name + "-journal")):   # of a build that was killed
            if leftover.exists():
                leftover.unlink()
        self.db: sqlite3.Connection | None = None
        if trust and self.path.is_file():
            try:
                db = _connect(self.path)
                if _meta(db, "key") == key:
                    self.db = db
                else:
                    db.close()
            except sqlite3.DatabaseError:   # not a database, or not one of ours: a full build replaces it
                self.db = None

    def last(self) -> Records:
        """The last build's records; empty when this ledger is not trusted."""
        if self.db is None:
            return Records()
        db = self.db
        try:
            article = self._article_of()
            articles = {path: (mtime, size, article(blob))
                        for path, mtime, size, blob in db.execute("SELECT path, mtime, size, article FROM content")}
            seeds = {name: marshal.loads(blob) for name, blob in db.execute("SELECT name, seen FROM seeds")}
            inputs, outputs, indexed, bodies = {}, {}, {}, {}
            for path, made_from, hashed, index, shown in db.execute("SELECT path, made_from, hash, indexed, bodies FROM outputs"):
                inputs[path], outputs[path] = made_from, hashed
                if index is not None:
                    indexed[path] = index
                if shown:
                    bodies[path] = shown
            site = _meta(db, "site")
            return Records(articles, seeds, inputs, outputs, indexed, tuple(json.loads(site)) if site else None,
                           self._stories(), {i: (m, line) for i, m, line in db.execute("SELECT id, made_from, line FROM story_lines")},
                           _meta(db, "made_with") or "", bodies=bodies)
        except DAMAGED:
            self.db.close()   # damaged, or made by code whose classes changed: a full build
            self.db = None
            return Records()

    def _stories(self) -> StoryIndex | None:
        from ..stories import StoryIndex

        order = _meta(self.db, "story_order")
        if order is None:
            return None
        parts: dict[str, dict] = {part: {} for part in STORY_PARTS}
        for part, key, blob in self.db.execute("SELECT part, key, value FROM stories"):
            parts[part][tuple(key.split("\0")) if part == "splits" else key] = marshal.loads(blob)
        return StoryIndex(order=marshal.loads(order), **parts)

    def shows(self) -> dict[str, str]:
        """Every output's articles, as the last build recorded them (Records.shows)."""
        try:
            return dict(self.db.execute("SELECT path, sources FROM shows")) if self.db is not None else {}
        except sqlite3.DatabaseError:
            return {}

    def trusted(self) -> Path | None:
        """Its file, when the last build's records are to be read (compiled_layout), else None."""
        return self.path if self.db is not None else None

    def showing(self, sources: set[str]) -> set[str]:
        """The outputs that show any of the articles `sources`, as the last build recorded them."""
        found: set[str] = set()
        for source in sources if self.db is not None else ():
            found.update(p for p, in self.db.execute("SELECT path FROM shows WHERE instr(sources, ?) > 0", (f"\n{source}\n",)))
        return found

    def edit_basis(self) -> dict[str, Any] | None:
        """What an edit of bodies alone starts from (retouch.py): the meta rows of the last build's state, schedule
        and listing of content/; None when this ledger is not trusted."""
        if self.db is None:
            return None
        try:
            return dict(self.db.execute("SELECT name, value FROM meta WHERE name IN ('state', 'apart', 'listing', "
                                        "'site', 'next_due', 'newest', 'summary', 'made_with')"))
        except sqlite3.DatabaseError:
            return None

    def articles(self, sources: list[str]) -> dict[str, Article] | None:
        """The Articles the ledger keeps of `sources` (those it has), each reading its body from the ledger when
        asked for it; None when the ledger cannot be read (a whole build then replaces it)."""
        article = self._article_of()
        try:
            return {path: article(blob) for path, blob in self.db.execute(
                f"SELECT path, article FROM content WHERE path IN ({', '.join('?' * len(sources))})", sources)}
        except DAMAGED:
            return None

    def _article_of(self) -> Callable[[bytes], Article]:
        """The call that makes an Article of a content row's pickled fields: all but its body, which it reads
        from the ledger when first asked for it."""
        from ..content import Article

        body, new, setattr_ = partial(_read_body, self.path), object.__new__, object.__setattr__

        def article(blob: bytes) -> Article:
            fields = pickle.loads(blob)
            fields["_body"] = body
            setattr_(made := new(Article), "__dict__", fields)
            return made
        return article

    def showing_bodies(self, sources: set[str]) -> dict[str, tuple[str, str, bytes | None, str | None]] | None:
        """The outputs that show the body of any of `sources`: path -> (hash of its bytes, the sources whose
        bodies it shows (Records.bodies), its recipe or None, the hash of what search reads of it or None); None
        when the ledger cannot be read."""
        found = {}
        try:
            for source in sources:
                found.update((path, row) for path, *row in self.db.execute(
                    "SELECT outputs.path, hash, bodies, recipe, indexed FROM outputs LEFT JOIN recipes ON recipes.path = "
                    "outputs.path WHERE instr(bodies, ?) > 0", (f"\n{source}\n",)))
        except DAMAGED:
            return None
        return found

    def searched(self, folder: str) -> dict[str, tuple[str, str, str | None]] | None:
        """Every page search indexes and every file below `folder` (search.BUNDLE): path -> (what it was made from,
        the hash of its bytes, the hash of what search reads of it, None for a bundle's file); None when the
        ledger cannot be read."""
        try:
            return {path: row for path, *row in self.db.execute(
                "SELECT path, made_from, hash, indexed FROM outputs WHERE indexed IS NOT NULL OR substr(path, 1, ?) = ?",
                (len(folder), folder))}
        except DAMAGED:
            return None

    def archived(self) -> dict[str, tuple[str, str, str]]:
        """The search archive as last indexed (Records.archive); {} when there is none or the ledger cannot be read."""
        try:
            return {path: tuple(row) for path, *row in self.db.execute("SELECT path, indexed, entry, filters FROM archive")}
        except DAMAGED:
            return {}

    def stage_edit(self, articles: dict[str, tuple[int, int, Article]], outputs: dict[str, tuple[str, str, str | None]],
                   layouts: dict[str, bytes], state: str, listing: str, site: tuple[int, int] | None, summary: Summary,
                   bundles: dict[str, str] | None = None, gone: tuple[str, ...] = ()) -> Staged:
        """Write what an edit of bodies alone changed (retouch.py): the articles' rows (path -> (mtime_ns, size,
        Article)), the outputs made again (path -> (hash, the sources whose bodies it shows, the hash of what search
        reads of it or None)), layouts compiled, the inputs' state and content/'s listing (Unchanged's), the site's
        identity and the summary a no-op repeats, and the search bundle files written (path -> their shard's
        fingerprint) and `gone`; in a transaction left open, as `stage`'s."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany("UPDATE content SET mtime = ?, size = ?, article = ?, body = ? WHERE path = ?",
                                [(m, size, *_article_row(a), path) for path, (m, size, a) in articles.items()])
            self.db.executemany("UPDATE outputs SET hash = ?, bodies = ?, indexed = ? WHERE path = ?",
                                [(*row, path) for path, row in outputs.items()])
            self.db.executemany("DELETE FROM outputs WHERE path = ?", [(path,) for path in gone])
            self.db.executemany("INSERT OR REPLACE INTO outputs VALUES (?, ?, ?, NULL, NULL)",
                                [(path, key, key) for path, key in (bundles or {}).items()])
            self.db.executemany("INSERT OR REPLACE INTO layouts VALUES (?, ?)", layouts.items())
            self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                                [("state", state), ("listing", listing),
                                 ("site", json.dumps(list(site)) if site else None),
                                 ("summary", json.dumps(summary._asdict()))])
        except sqlite3.Error as exc:
            _rollback(self.db)
            raise _os_error(exc, self.path) from None
        return Staged(self, self.db)

    def stage(self, before: Records, now: Records, unchanged: Unchanged | None) -> Staged:
        """Write `now` (this build's records; `before` the last build's, as `last` gave them) and what lets the next
        build do nothing (or nothing, to say it must not): only the rows that changed, in a transaction left open
        for the caller to commit once the site is in place. An error (a full disk) is raised as an OSError
        naming the ledger, before anything is published."""
        try:
            if self.db is None:   # a new ledger, beside the one it replaces
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = _connect(self.new)
                db.executescript(SCHEMA)
                before = Records()
            else:
                db = self.db
            db.execute("BEGIN IMMEDIATE")
            _write(db, before, now, unchanged, self.key)
        except sqlite3.Error as exc:
            if self.db is None:
                db.close()
                self.new.unlink(missing_ok=True)
            else:
                _rollback(self.db)
            raise _os_error(exc, self.new if self.db is None else self.path) from None
        return Staged(self, db)

    def close(self) -> None:
        _close_readers(self.path)
        if self.db is not None:
            self.db.close()
            self.db = None


class Staged:
    """A build's records written into the ledger's open transaction (or a new ledger), waiting for the site."""

    def __init__(self, ledger: Ledger, db: sqlite3.Connection) -> None:
        self.ledger, self.db = ledger, db

    def commit(self) -> None:
        """The site is in place: make the records the ledger's."""
        try:
            self.db.commit()
            if self.db is not self.ledger.db:
                self.db.close()
                os.replace(self.ledger.new, self.ledger.path)
        except sqlite3.Error as exc:
            raise _os_error(exc, self.ledger.path) from None
        finally:
            self.ledger.close()

    def abort(self) -> None:
        """The build stopped: the ledger stays as it was."""
        if self.db is self.ledger.db:
            _rollback(self.db)
        else:
            self.db.close()
            self.ledger.new.unlink(missing_ok=True)
        self.ledger.close()


# ---- writing ---------------------------------------------------------------------------------------------


def _write(db: sqlite3.Connection, before: Records, now: Records, unchanged: Unchanged | None, key: str) -> None:
    """The rows of `now` that differ from `before`, and those of `before` that `now` has no more."""
    _sync(db, "content", ("path", "mtime", "size", "article", "body"), before.articles, now.articles,
          lambda old, new: old[0] == new[0] and old[1] == new[1] and old[2] is new[2],
          lambda v: (v[0], v[1], *_article_row(v[2])))
    _sync(db, "seeds", ("name", "seen"), before.seeds, now.seeds, lambda old, new: old == new,
          lambda v: (marshal.dumps(v),))
    rows_before = {p: (h, before.outputs.get(p, ""), before.indexed.get(p), before.bodies.get(p))
                   for p, h in before.inputs.items()}
    rows_now = {p: (h, now.outputs.get(p, ""), now.indexed.get(p), now.bodies.get(p)) for p, h in now.inputs.items()}
    _sync(db, "outputs", ("path", "made_from", "hash", "indexed", "bodies"), rows_before, rows_now, lambda old, new: old == new,
          lambda v: v)
    _sync(db, "story_lines", ("id", "made_from", "line"), before.story_lines, now.story_lines,
          lambda old, new: old == new, lambda v: v)
    db.executemany("INSERT OR REPLACE INTO layouts VALUES (?, ?)", now.layouts.items())
    if now.archive is not None:
        db.execute("DELETE FROM archive")
        db.executemany("INSERT INTO archive VALUES (?, ?, ?, ?)", [(path, *row) for path, row in now.archive.items()])
    db.executemany("DELETE FROM recipes WHERE path = ?",
                   [(p,) for p in before.inputs.keys() - now.inputs.keys()] + [(p,) for p, r in now.recipes.items() if not r])
    db.executemany("INSERT OR REPLACE INTO recipes VALUES (?, ?)", [(p, r) for p, r in now.recipes.items() if r])
    if now.shows is not None:
        _sync(db, "shows", ("path", "sources"), before.shows or {}, now.shows, lambda old, new: old == new, lambda v: (v,))
    if before.stories is not now.stories:
        for part in STORY_PARTS:
            old = getattr(before.stories, part) if before.stories else {}
            new = getattr(now.stories, part) if now.stories else {}
            if part == "splits":
                old, new = ({"\0".join(k): v for k, v in d.items()} for d in (old, new))
            gone = [(part, k) for k in old.keys() - new.keys()]
            db.executemany("DELETE FROM stories WHERE part = ? AND key = ?", gone)
            db.executemany("INSERT OR REPLACE INTO stories VALUES (?, ?, ?)",
                           [(part, k, marshal.dumps(v)) for k, v in new.items() if old.get(k, _NONE) != v])
    meta: dict[str, Any] = {
        "key": key,
        "site": json.dumps(list(now.site)) if now.site else None,
        "story_order": marshal.dumps(now.stories.order) if now.stories else None,
        "made_with": now.made_with,
        "state": unchanged.state if unchanged else None,
        "next_due": unchanged.next_due.isoformat() if unchanged and unchanged.next_due else None,
        "newest": unchanged.newest.isoformat() if unchanged and unchanged.newest else None,
        "summary": json.dumps(unchanged.summary._asdict()) if unchanged else None,
        "apart": unchanged.apart if unchanged else None,
        "listing": unchanged.listing if unchanged else None,
        "scanned": json.dumps({"folders": list(unchanged.scanned[0]), "output": unchanged.scanned[1], "key": key}) if unchanged else None,
        "format": str(FORMAT),
    }
    db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta.items())


_NONE = object()


def _article_row(article: Article) -> tuple[bytes, str]:
    """(the Article but its body, pickled; its body)."""
    fields = {k: v for k, v in article.__dict__.items() if k not in ("_body_html", "_body", "_positions")}
    return pickle.dumps(fields, pickle.HIGHEST_PROTOCOL), article.body_html


_readers: dict[tuple[int, Path], sqlite3.Connection] = {}
"""A connection for reading bodies and layouts, per process (a forked render worker opens its own) and ledger file."""


def _reader(ledger: Path) -> sqlite3.Connection:
    db = _readers.get((os.getpid(), ledger))
    if db is None:
        db = _readers[(os.getpid(), ledger)] = sqlite3.connect(f"file:{ledger}?mode=ro", uri=True, check_same_thread=False)
    return db


def _read_body(ledger: Path, path: str) -> str:
    rows = _reader(ledger).execute("SELECT body FROM content WHERE path = ?", (path,)).fetchall()   # all: the statement ends
    if not rows:
        raise RuntimeError(f"the build ledger lost the body of {path}; build again with --clean")
    return rows[0][0]


def compiled_layout(ledger: Path | None, key: str) -> bytes | None:
    """The compiled code (Jinja's bytecode) a build kept for the layout `key` (render.Compiled), in the
    ledger `ledger` (Ledger.trusted()); None when there is none. Read from any process."""
    if ledger is None:
        return None
    try:
        rows = _reader(ledger).execute("SELECT code FROM layouts WHERE key = ?", (key,)).fetchall()
    except sqlite3.Error:
        return None
    return rows[0][0] if rows else None


def _close_readers(ledger: Path) -> None:
    db = _readers.pop((os.getpid(), ledger), None)
    if db is not None:
        db.close()


def _sync(db: sqlite3.Connection, table: str, columns: tuple[str, ...], before: dict, now: dict, same, row) -> None:
    """Make `table` hold `now` where it held `before`: rows keyed by the first column, `row(value)` the others."""
    gone = [(k,) for k in before.keys() - now.keys()]
    if gone:
        db.executemany(f"DELETE FROM {table} WHERE {columns[0]} = ?", gone)
    changed = [(k, *row(v)) for k, v in now.items() if (old := before.get(k, _NONE)) is _NONE or not same(old, v)]
    if changed:
        db.executemany(f"INSERT OR REPLACE INTO {table} VALUES ({', '.join('?' * len(columns))})", changed)


# ---- SQLite ----------------------------------------------------------------------------------------------


def _connect(path: Path) -> sqlite3.Connection:
    """A connection that begins transactions only when told (BEGIN IMMEDIATE), with the default rollback journal
    (nothing but the database file is left between builds) and room for a cold build's rows in memory."""
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA cache_size = -65536")
    return db


def _meta(db: sqlite3.Connection, name: str) -> Any:
    row = db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
    return row[0] if row else None


def _rollback(db: sqlite3.Connection) -> None:
    try:
        if db.in_transaction:
            db.execute("ROLLBACK")
    except sqlite3.Error:
        pass   # the transaction is gone already; the journal puts the file back when next opened


_ERRNO = {13: errno.ENOSPC, 8: errno.EROFS, 14: errno.EACCES, 23: errno.EACCES, 3: errno.EACCES, 10: errno.EIO}
"""SQLite's primary result codes (SQLITE_FULL, _READONLY, _CANTOPEN, _AUTH, _PERM, _IOERR) as the errno they stand for."""


def _os_error(exc: sqlite3.Error, path: Path) -> OSError:
    """An SQLite error as the OSError the message of a fault is made from (errors.describe_os_error)."""
    code = _ERRNO.get(getattr(exc, "sqlite_errorcode", 10) & 0xFF, errno.EIO)
    if code == errno.EROFS and os.path.isdir(path.parent) and not os.statvfs(path.parent).f_flag & os.ST_RDONLY:
        code = errno.EACCES
    return OSError(code, os.strerror(code), str(path))
