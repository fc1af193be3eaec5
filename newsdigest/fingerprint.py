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
    """Hashes of what pages are made from. Articles hash as their card (all but the body: the ledger tells
    which outputs show an article's body, Records.bodies); groups and days as their
    members. Each object is hashed once per build, however many pages show it. Each hash comes with the
    articles it shows (`shows`): an edit then makes again the outputs that show what it changed."""

    def __init__(self) -> None:
        self._memo: dict[int, tuple[Any, str, frozenset[str]]] = {}

    def __call__(self, value: Any) -> str:
        return self._hash(value)

    def shows(self, value: Any) -> frozenset[str]:
        """The sources of the articles `value` (hashed already) shows, anywhere inside it."""
        known = self._memo.get(id(value))
        return known[2] if known is not None else frozenset()

    def _hash(self, value: Any) -> str:
        kind = type(value)
        if kind in _PLAIN:
            return repr(value)
        known = self._memo.get(id(value))
        if known is not None:
            return known[1]
        shown: set[str] = set()
        if kind is Article:   # its card's hash says it all: no need to hash again
            digest = f"{value.source}:{value.card}:{value.slug}"
            self._memo[id(value)] = (value, digest, frozenset((value.source,)))
            return digest
        if kind is Group:
            parts: list[str] = ["G", repr(value.name), value.slug, *self._each(value.articles, shown)]
        elif kind is Day:   # its listings hold its articles and their stories, as its sections do
            parts = ["D", repr(value.day), *self._each(value.listings, shown)]
        elif kind is Story and len(value.articles) == 1:
            article = value.articles[0]
            digest = f"S:{value.id}:{self._hash(article)}"
            self._memo[id(value)] = (value, digest, frozenset((article.source,)))
            return digest
        elif kind is Story:   # its lead (the longest article) gives its headline
            parts = ["S", value.id, *self._each((value.lead, *value.articles), shown)]
        elif kind is Entry:
            parts = ["E", *self._each((value.lead, value.story, *value.also), shown)]
        elif kind is Listing:   # its entries in line, rather than a hash each
            parts = ["L", repr(value.name), value.slug]
            for e in value.entries:
                parts += ["E", *self._each((e.lead, e.story, *e.also), shown)]
        elif isinstance(value, dict):
            parts = ["{", *value, *self._each(value.values(), shown)]
        elif isinstance(value, (list, tuple)):
            parts = ["[", *self._each(value, shown)]
        elif isinstance(value, _PLAIN_BASES):
            return repr(value)
        else:
            raise TypeError(f"cannot fingerprint {type(value).__name__}")
        digest = hashlib.blake2b("\0".join(parts).encode("utf-8"), digest_size=12).hexdigest()
        self._memo[id(value)] = (value, digest, frozenset(shown))   # keep the object alive so its id stays its own
        return digest

    def _each(self, values, shown: set[str]) -> list[str]:
        """The fingerprint of each value, adding the articles each shows to `shown`; the common cases (text,
        numbers, objects seen already) inline."""
        memo, out = self._memo, []
        for v in values:
            if type(v) in _PLAIN:
                out.append(repr(v))
            else:
                known = memo.get(id(v))
                if known is None:
                    self._hash(v)
                    known = memo.get(id(v))
                    if known is None:   # a subclass of a plain type
                        out.append(repr(v))
                        continue
                out.append(known[1])
                if known[2]:
                    shown |= known[2]
        return out


_PLAIN_BASES = (str, int, float, bool, type(None), date, datetime)
_PLAIN = frozenset(_PLAIN_BASES)
"""Values that are their own fingerprint (repr); subclasses are checked after the common cases."""




def layouts_key(layouts: Path, language_version: str, search_off: str) -> str:
    """What every page is made with besides its own data (Records.made_with): the layouts' files (their bytes:
    a copy that keeps sizes and mtimes is seen), the site's words (Language.version) and whether search is off
    (`search_off`: why, or '')."""
    return repr(((folder_fingerprint(layouts), language_version), search_off))


def folder_fingerprint(folder: Path) -> str:
    """A hash of every file below `folder`: layouts change every page."""
    h = hashlib.blake2b(digest_size=16)
    for p in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if p.is_file():
            h.update(p.relative_to(folder).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()
