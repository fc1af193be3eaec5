"""Fingerprints: hashes of what each output is made from, so that the ledger can tell which outputs to make again."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .content import Article
from .digest import Day, Entry, Group, Listing
from .stories import Story


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
