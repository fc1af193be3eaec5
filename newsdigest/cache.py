"""What the last build saw and wrote, so the next one redoes only what changed.

Kept in .cache/build.pickle. A cache from another newsdigest version or config, or one that cannot be
read, is ignored: the build is then a full one. `--clean` ignores it on purpose.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from . import __version__
from .content import Article
from .digest import Day, Entry, Group, Listing
from .stories import Story, StoryIndex

FORMAT = 7


@dataclass
class BuildCache:
    """The last build's inputs and outputs."""

    key: str
    """newsdigest's version and the config: any change makes the whole cache stale."""
    articles: dict[str, tuple[int, int, Article]] = field(default_factory=dict)
    """Content file -> (mtime_ns, size, the Article loaded from it)."""
    seeds: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Seed file -> (mtime_ns, size) when it was last converted or found unchanged."""
    inputs: dict[str, str] = field(default_factory=dict)
    """Output path -> fingerprint of what it was made from."""
    outputs: dict[str, str] = field(default_factory=dict)
    """Output path -> hash of the bytes written."""
    site: tuple[int, int] | None = None
    """(inode, mtime_ns) of the output folder's marker when this cache was saved: tells a replaced site."""
    stories: StoryIndex | None = None
    """The digest's stories and related lists, updated by the next build rather than made again."""
    indexed: dict[str, str] = field(default_factory=dict)
    """Article page -> hash of what Pagefind reads of it (search.indexed_part)."""
    story_lines: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Story id -> (fingerprint of the Story, its line of stories.json)."""

    def fresh(self, path: str, fingerprint: str) -> bool:
        return self.inputs.get(path) == fingerprint


def cache_key(config: Any) -> str:
    return hashlib.sha256(f"{FORMAT} {__version__} {config!r}".encode()).hexdigest()[:16]


def load_cache(path: Path, key: str) -> BuildCache:
    """The cache at `path` when it is readable and made for this key; else an empty one."""
    try:
        with path.open("rb") as f:
            cache = pickle.load(f)
    except Exception:  # noqa: BLE001 - any unreadable or foreign cache means a full build, never a crash
        return BuildCache(key)
    return cache if isinstance(cache, BuildCache) and cache.key == key else BuildCache(key)


def stage_cache(path: Path, cache: BuildCache) -> Path:
    """Write the cache beside `path`; return the file to rename onto it once the site is in place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    try:
        with tmp.open("wb") as f:
            pickle.dump(cache, f, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException as exc:   # a full disk: no half-written file left behind
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            exc.filename = exc.filename or str(path)
        raise
    return tmp


class Fingerprints:
    """Hashes of what pages are made from. Articles hash as their content hash; groups and days as their
    members. Each object is hashed once per build, however many pages show it."""

    def __init__(self) -> None:
        self._memo: dict[int, tuple[Any, str]] = {}

    def __call__(self, value: Any) -> str:
        return self._hash(value)

    def _hash(self, value: Any) -> str:
        kind = type(value)
        if kind in _PLAIN:
            return repr(value)
        known = self._memo.get(id(value))
        if known is not None:
            return known[1]
        if kind is Article:   # its content hash says it all: no need to hash again
            digest = f"{value.source}:{value.version}:{value.slug}"
            self._memo[id(value)] = (value, digest)
            return digest
        if kind is Group:
            parts: list[str] = ["G", repr(value.name), value.slug, *self._each(value.articles)]
        elif kind is Day:   # its listings hold its articles and their stories, as its sections do
            parts = ["D", repr(value.day), *self._each(value.listings)]
        elif kind is Story and len(value.articles) == 1:
            digest = f"S:{value.id}:{self._hash(value.articles[0])}"
            self._memo[id(value)] = (value, digest)
            return digest
        elif kind is Story:
            parts = ["S", value.id, *self._each(value.articles)]
        elif kind is Entry:
            parts = ["E", *self._each((value.lead, value.story, *value.also))]
        elif kind is Listing:   # its entries in line, rather than a hash each
            parts = ["L", repr(value.name), value.slug]
            for e in value.entries:
                parts += ["E", *self._each((e.lead, e.story, *e.also))]
        elif isinstance(value, dict):
            parts = ["{", *value, *self._each(value.values())]
        elif isinstance(value, (list, tuple)):
            parts = ["[", *self._each(value)]
        elif isinstance(value, _PLAIN_BASES):
            return repr(value)
        else:
            raise TypeError(f"cannot fingerprint {type(value).__name__}")
        digest = hashlib.blake2b("\0".join(parts).encode("utf-8"), digest_size=12).hexdigest()
        self._memo[id(value)] = (value, digest)   # keep the object alive so its id stays its own
        return digest

    def _each(self, values) -> list[str]:
        """The fingerprint of each value; the common cases (text, numbers, objects seen already) inline."""
        memo, out = self._memo, []
        for v in values:
            if type(v) in _PLAIN:
                out.append(repr(v))
            else:
                known = memo.get(id(v))
                out.append(known[1] if known is not None else self._hash(v))
        return out


_PLAIN_BASES = (str, int, float, bool, type(None), date, datetime)
_PLAIN = frozenset(_PLAIN_BASES)
"""Values that are their own fingerprint (repr); subclasses are checked after the common cases."""


def bytes_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def folder_fingerprint(folder: Path) -> str:
    """A hash of every file below `folder`: layouts change every page."""
    h = hashlib.blake2b(digest_size=16)
    for p in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if p.is_file():
            h.update(p.relative_to(folder).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()
