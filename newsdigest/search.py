"""Full-text search with no server: Pagefind indexes the article pages into an archive and a few small bundles,
merged in the browser.

Only what an article page marks with data-pagefind-body is indexed (title, dek, byline, body), with
filters for section, tag and year and a date to sort by. Pagefind has no incremental mode, and a reader's
query costs about one chunk of word index per bundle, so the pages are laid out (`layout`) as an archive of
few large bundles (parts of ARCHIVE_PAGES, the oldest at pagefind/, the primary bundle, with Pagefind's
scripts), indexed only when it is made again, and beside it small bundles that are cheap to index again: the
pages newer than the archive, in shards by period (`shards`) at pagefind/new-<period>/, and the archive's pages
edited since, at pagefind/patch/. The archive's entries for those, and for pages removed since, are hidden
from the reader: the search page reads the bundles and the hidden entries from pagefind/bundles.json
(`listing`), and static/pagefind.js, the API Pagefind's UI loads, leaves them out of every answer. Once the
small bundles hold more than COMPACT_PAGES pages, the archive is made again of every page.

Pagefind reads a shard's pages, cut to what it indexes, from a temporary folder, and its bundle is
moved straight into the build's staging folder or journal. (The pagefind package's Python API was tried first: about 100 ms a page, and it
hangs once an index outgrows 64 KiB; its binary indexes 1,000 pages in about a second.)
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
from calendar import monthrange
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from .errors import Fault
from .write import write_tree

BUNDLE = "pagefind/"
PATCH = "pagefind/patch/"
"""The bundle of the archive's pages edited (or added within its dates) since it was indexed."""
LISTING = "pagefind/bundles.json"
"""What the search page merges: each bundle's folder and languages, and the archive's hidden entries."""
COMPACT_PAGES = 500
"""Once more pages than this are outside the archive as it was indexed (newer, edited or removed since), the next
build makes the archive again of every page: its parts whose pages changed are indexed again (the newest, which the
newer pages join, and those holding pages edited or removed), and the small bundles go. Each small bundle costs a
reader's query about one more chunk of word index (bench/README.md, search)."""
ARCHIVE_PAGES = 1500
"""The pages of one part of the archive. Fewer, larger bundles make a reader's query fetch fewer chunks (one
bundle of 10,000 pages: 8 requests and 82 KiB a query, against 12 and 197 KiB for seven parts), but Pagefind
holds about 270 KB of memory per page it indexes (2.7 GB for 10,000 pages in one bundle, 400 MB for 1,500), and a
build runs one Pagefind per core."""
SHARD_PAGES = 500
"""A period with more article pages than this is cut into its parts. Re-indexing a shard costs Pagefind about
1 ms a page (an edit at 10,000 articles: ~0.5 s); each shard costs the reader one bundle's metadata on
the first query and, while its index is small, nothing more on later ones (bench/README.md, search)."""
SCRATCH = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
"""Where a shard's pages are put for Pagefind to read: memory where Linux offers it (writing 500 small files
to a busy disk can cost more than indexing them), else the system's temporary folder."""
TIME_LIMIT = float(os.environ.get("NEWSDIGEST_PAGEFIND_TIMEOUT") or 600)
"""Seconds one Pagefind run may take (a shard of 500 pages takes about one) before it is stopped as hung."""
INDEX_ONLY = ("pagefind-entry.json", "index/", "fragment/", "filter/")
"""What a merged bundle needs (with its pagefind.*.pf_meta); Pagefind's scripts are read from the primary."""


@lru_cache(maxsize=1)
def pagefind_version() -> str:
    """Part of every shard's fingerprint: a new Pagefind re-indexes everything. (Asked only when shards are
    planned: reading the installed packages' metadata costs a build with search off a tenth of a second.)"""
    try:
        from importlib.metadata import version
        return version("pagefind_bin")
    except Exception:   # not installed: search is off anyway
        return ""


def binary() -> Path | None:
    """The Pagefind executable, or None when it cannot be had here."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        return None
    found = get_executable()
    return found if found and found.is_file() and os.access(found, os.X_OK) else None


def unavailable() -> str:
    """Why search cannot be built here, or "" when it can."""
    return "" if binary() else "the Pagefind binary was not found (pip install 'pagefind[bin]')"


LANG = re.compile(rb'<html[^>]*\slang="([^"<>]*)"')
OWN_LANG = re.compile(rb'\slang="([^"<>]*)"')
INDEXED = re.compile(rb"<([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*\sdata-pagefind-body\b")


def indexed_part(html: bytes) -> bytes:
    """The elements marked data-pagefind-body, which is all Pagefind reads of an article page (with its
    address): the related stories and the newer/older links around it change often and do not count."""
    parts, at = [], 0
    while m := INDEXED.search(html, at):
        tags, depth = re.compile(rb"<(/?)" + re.escape(m.group(1)) + rb"[\s>]", re.I), 0
        for tag in tags.finditer(html, m.start()):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                break
        at = tag.end() if depth == 0 else len(html)
        parts.append(html[m.start():at])
    return b"\n".join(parts) if parts else html


def shard_key(fingerprint: Callable[[object], str], folder: str, language: str, paths: list[str],
              seen: Callable[[str], str]) -> str:
    """The fingerprint of what the shard at `folder` is made from: its pages `paths`, each by `seen(path)` (the hash
    of what search reads of it), the site's `language` and Pagefind's version. Each of its bundle's files is
    recorded with it: the ledger then tells which files a shard's last bundle had."""
    return fingerprint(("search", folder, pagefind_version(), language, tuple(map(seen, paths)), tuple(paths)))


def shards(pages: Iterable[str], limit: int | None = None, primary: bool = True) -> dict[str, list[str]]:
    """Article page paths (YYYY/MM/DD/slug/index.html) -> {bundle folder: paths}, newest first: the newest shard at
    pagefind/ (unless not `primary`), the others at pagefind/<first day>_<last day>/ (or pagefind/<day>/).

    A shard is a run of days. A year is one shard when it holds at most `limit` (SHARD_PAGES) pages;
    else it is cut into quarters, a quarter too big into months, a month into halves, a half into days,
    and neighbouring parts that fit together under the limit are joined again, oldest first; a day over
    the limit is cut into equal slices of its pages in path order. So the cut
    depends on the pages alone (a clean build and an incremental one agree), and changes only where
    pages come or go: a new day's articles touch the newest shard; an edit, the shard it is in; a part
    that outgrows the limit is cut once, at a cost of about its pages."""
    limit = limit or SHARD_PAGES
    by_day: dict[date, list[str]] = {}
    for path in pages:
        y, m, d = path.split("/", 3)[:3]
        by_day.setdefault(date(int(y), int(m), int(d)), []).append(path)
    counts = Counter({day: len(paths) for day, paths in by_day.items()})
    found: list[tuple[date, date]] = []
    for year in sorted({day.year for day in counts}):
        _cut(date(year, 1, 1), date(year, 12, 31), counts, limit, found)
    named: list[tuple[str, list[str]]] = []
    for first, last in sorted(found, reverse=True):
        name = first.isoformat() if first == last else f"{first.isoformat()}_{last.isoformat()}"
        members = sorted(p for day in sorted(by_day) if first <= day <= last for p in by_day[day])
        parts = -(-len(members) // limit)   # a day with more pages than the limit (a batch imported at once): in slices
        named += [(f"{name}.{k + 1}" if parts > 1 else name, members[k * len(members) // parts:(k + 1) * len(members) // parts])
                  for k in reversed(range(parts))]
    return {BUNDLE if n == 0 and primary else f"{BUNDLE}{name}/": members for n, (name, members) in enumerate(named)}


def _cut(first: date, last: date, counts: Counter, limit: int, found: list[tuple[date, date]]) -> None:
    """Add the shards of the period first..last (a calendar unit) to `found`."""
    total = sum(n for day, n in counts.items() if first <= day <= last)
    if total <= limit or first == last:
        if total:
            found.append((first, last))
        return
    groups: list[list] = []   # [first, last, pages]: neighbouring parts joined while they fit
    for a, b in _parts(first, last):
        n = sum(k for day, k in counts.items() if a <= day <= b)
        if not n:
            continue
        if groups and groups[-1][2] + n <= limit:
            groups[-1][1:] = [b, groups[-1][2] + n]
        else:
            groups.append([a, b, n])
    for a, b, n in groups:
        if n <= limit:
            found.append((a, b))
        else:
            _cut(a, b, counts, limit, found)


def _parts(first: date, last: date) -> list[tuple[date, date]]:
    """A year's quarters, a quarter's months, a month's halves (1-15, 16-end), a half's days."""
    if first.month != last.month:   # a year or a quarter
        step = 3 if (first.month, last.month) == (1, 12) else 1
        return [(date(first.year, m, 1), date(first.year, m + step - 1, monthrange(first.year, m + step - 1)[1]))
                for m in range(first.month, last.month + 1, step)]
    if first.day == 1 and last.day == monthrange(last.year, last.month)[1]:   # a month
        return [(first, first.replace(day=15)), (first.replace(day=16), last)]
    return [(first.replace(day=d), first.replace(day=d)) for d in range(first.day, last.day + 1)]


@dataclass(frozen=True)
class Layout:
    """Which bundle indexes which article pages, and what the reader is not shown of the archive."""

    bundles: dict[str, list[str]]
    """Bundle folder -> its article pages, sorted: the archive's parts first (`parts`; their pages as they were
    indexed, removed ones too), then the newer pages' shards, newest first, then pagefind/patch/."""
    parts: tuple[str, ...]
    """The folders of the archive's parts, oldest first: the oldest at pagefind/, the primary bundle."""
    archived: dict[str, str]
    """The archive's pages -> the hash of what search read of each when it was indexed."""
    hidden: tuple[str, ...]
    """The archive's pages whose entries are out of date: edited since (their page now in pagefind/patch/) or removed."""
    compacted: bool
    """The archive is made again of every page, as a clean build makes it (only its parts that changed are indexed
    again: a part's folder and fingerprint depend on its pages alone)."""


def layout(indexed: dict[str, str], archived: dict[str, str] | None, limit: int | None = None,
           part: int | None = None) -> Layout:
    """The bundles for the article pages `indexed` (page -> the hash of what search reads of it now), given the
    archive as last indexed (`archived`: page -> the hash it read; None or {} for no archive). Pages newer than
    the archive's newest go to shards by period (`shards`) at pagefind/new-<period>/; the archive's pages whose hash
    changed, and pages added within its dates, go to pagefind/patch/, and the archive's entries of changed or
    removed pages are hidden. When that leaves more than `limit` (COMPACT_PAGES) pages outside the archive, or there
    is no archive, the archive is every page and there is nothing else: what a clean build makes. The archive is
    cut, in the pages' order (by date), into parts of `part` (ARCHIVE_PAGES) pages from the oldest, so that new
    pages change only its newest parts."""
    limit = limit or COMPACT_PAGES
    if archived and indexed:
        newest = max(archived)
        recent = [path for path in indexed if path > newest]
        patch = sorted(path for path in indexed if path <= newest and archived.get(path) != indexed[path])
        hidden = tuple(sorted(path for path, seen in archived.items() if indexed.get(path) != seen))
        if len(recent) + len(set(patch).union(hidden)) <= limit:
            parts = _parts_of(sorted(archived), part or ARCHIVE_PAGES)
            new = {f"{BUNDLE}new-{folder.removeprefix(BUNDLE)}": paths
                   for folder, paths in shards(recent, primary=False).items()}
            return Layout({**parts, **new, **({PATCH: patch} if patch else {})}, tuple(parts), archived, hidden, False)
    archived = dict(sorted(indexed.items()))
    parts = _parts_of(list(archived), part or ARCHIVE_PAGES)
    return Layout(parts, tuple(parts), archived, (), True)


def _parts_of(pages: list[str], size: int) -> dict[str, list[str]]:
    """Sorted article pages cut into runs of `size` from the oldest: {folder: pages}, the oldest run at pagefind/,
    each other at pagefind/<its first day>_<its last day>/ (".2", ".3" after a name already given)."""
    found: dict[str, list[str]] = {}
    for at in range(0, len(pages), size):
        run = pages[at:at + size]
        name = f"{BUNDLE}{'-'.join(run[0].split('/')[:3])}_{'-'.join(run[-1].split('/')[:3])}"
        folder = BUNDLE if not found else next(f"{name}{suffix}/" for suffix in ("", *(f".{k}" for k in range(2, len(pages) + 2)))
                                               if f"{name}{suffix}/" not in found)
        found[folder] = run
    return found


def entries(folder: Path) -> dict[str, tuple[str, str]]:
    """Article page (YYYY/MM/DD/slug/index.html) -> (the id of its entry in the Pagefind bundle at `folder`, its
    filter values as JSON: {"section": ["World"], ...}), read from the bundle's fragments (gzip: "pagefind_dcd",
    then JSON with the page's "url" and "filters")."""
    found = {}
    for path in (folder / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[data.index(b"{"):])
        url = fragment["url"]
        found[url.lstrip("/") + ("index.html" if url.endswith("/") else "")] = (
            path.name.removesuffix(".pf_fragment"), json.dumps(fragment.get("filters") or {}, sort_keys=True))
    return found


def listing(laid: Layout, archived: dict[str, tuple[str, str, str]], bundle_at: Callable[[str], Path], language: str
            ) -> bytes:
    """pagefind/bundles.json for the layout `laid`: the bundles the search page merges, the primary first, each as
    [its folder under pagefind/, the languages its index holds, the commonest first (`languages`, read where
    `bundle_at(folder)` has it; else the site's `language`)], and the archive's entries to leave out of every
    answer: those of its hidden pages, by their rows in `archived` (page -> (hash, the entry's id, its filter values
    as JSON), Records.archive), each as [id, the page's URL as indexed, its filter values], which the filters'
    counts leave out too. (Pagefind's ids are unique within a bundle only: the URL tells the entry apart from
    another bundle's of the same id.)"""
    out_of_date = sorted([row[1], "/" + path.removesuffix("index.html"), json.loads(row[2])]
                         for path in laid.hidden if (row := archived.get(path)) and row[1])
    return json.dumps({"bundles": [[folder.removeprefix(BUNDLE), languages(bundle_at(folder)) or [language.split("-")[0]]]
                                   for folder in laid.bundles], "hidden": out_of_date}, separators=(",", ":")).encode()


def languages(bundle: Path) -> list[str]:
    """The languages the Pagefind bundle at `bundle` holds an index for, the one of the most pages first (its
    pagefind-entry.json); [] when it cannot be read."""
    try:
        held = json.loads((bundle / "pagefind-entry.json").read_bytes())["languages"]
        return sorted(held, key=lambda code: (-held[code].get("page_count", 0), code))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return []


class Indexing:
    """Pagefind runs in flight, so that a build that stops can stop them and wait for their scratch folders
    to be removed."""

    def __init__(self) -> None:
        self.stopped = threading.Event()
        self.running: set[subprocess.Popen] = set()
        self.lock = threading.Lock()

    def run(self, command: list[str]) -> subprocess.CompletedProcess:
        with self.lock:
            if self.stopped.is_set():
                raise Fault("search: stopped")
            proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            self.running.add(proc)
        try:
            out, err = proc.communicate(timeout=TIME_LIMIT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            raise Fault(f"search: Pagefind ({command[0]}) did not finish in {TIME_LIMIT:g} s and was stopped; build "
                        f"again, and if it hangs again reinstall it (pip install --force-reinstall 'pagefind[bin]') "
                        f"or set search: false in config.yaml") from None
        finally:
            with self.lock:
                self.running.discard(proc)
        return subprocess.CompletedProcess(command, proc.returncode, out, err)

    def stop(self) -> None:
        with self.lock:
            self.stopped.set()
            for proc in self.running:
                proc.kill()


def index_shards(jobs: dict[str, list[str]], html_of: Callable[[str], bytes], scratch: Path, bundles: Path,
                 language: str, indexing: Indexing | None = None) -> dict[str, list[str]]:
    """Run Pagefind once per bundle ({bundle folder: page paths}; `language`: the site's), on every core while the
    pages being indexed at once stay within ARCHIVE_PAGES (Pagefind holds about 270 KB a page), writing
    each bundle into `bundles`/<folder>; return {folder: the files written, as output paths}. Pagefind reads each page as
    `for_pagefind` cuts it from `html_of(path)`, in a temporary folder of the shard's pages alone; its
    bundle goes to a folder in `scratch` (on the output's file system), then into place. A Pagefind that
    fails, crashes or hangs (TIME_LIMIT) is a Fault."""
    command = [str(binary()), "--silent"]
    indexing = indexing or Indexing()

    indexing_now, pages_now = threading.Condition(), [0]   # Pagefind's memory: the pages being indexed at once

    def run(job: tuple[str, list[str]]) -> tuple[str, list[str]]:
        taken = min(len(job[1]), ARCHIVE_PAGES)
        with indexing_now:
            indexing_now.wait_for(lambda: pages_now[0] + taken <= ARCHIVE_PAGES)
            pages_now[0] += taken
        try:
            return index(job)
        finally:
            with indexing_now:
                pages_now[0] -= taken
                indexing_now.notify_all()

    def index(job: tuple[str, list[str]]) -> tuple[str, list[str]]:
        folder, paths = job
        pages = Path(tempfile.mkdtemp(prefix="newsdigest-search-", dir=SCRATCH))
        # A merged bundle is written in place and keeps its index (the scripts come from the primary); the
        # primary, whose folder holds the others, is written beside and moved in.
        out = Path(tempfile.mkdtemp(dir=scratch)) if folder == BUNDLE else bundles / folder
        try:
            write_tree(pages, {path: for_pagefind(html_of(path), language) for path in paths})
            result = indexing.run([*command, "--site", str(pages), "--output-path", str(out)])
            if result.returncode != 0:
                said = (result.stderr or result.stdout).strip().splitlines()
                how = (f"crashed (signal {-result.returncode})" if result.returncode < 0
                       else f"exited with status {result.returncode}")
                raise Fault(f"search: Pagefind ({command[0]}) {how}" + (f" saying {said[-1][:200]!r}" if said else "")
                            + "; build again, and if it fails again reinstall it (pip install --force-reinstall "
                              "'pagefind[bin]') or set search: false in config.yaml")
            if folder != BUNDLE:
                for item in out.iterdir():
                    if not (item.name.endswith(".pf_meta") or item.name + ("/" if item.is_dir() else "") in INDEX_ONLY):
                        shutil.rmtree(item) if item.is_dir() else item.unlink()
                return folder, sorted(folder + p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
            written = []
            for file in sorted(p for p in out.rglob("*") if p.is_file()):
                target = bundles / folder / file.relative_to(out)
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(file, target)
                written.append(folder + file.relative_to(out).as_posix())
            return folder, written
        except OSError as exc:   # the scratch folder is not named after the site: say which disk filled up
            if exc.filename is None or str(pages) in os.fsdecode(exc.filename):
                exc.filename = str(pages.parent)
            raise
        finally:
            shutil.rmtree(pages, ignore_errors=True)
            if folder == BUNDLE:
                shutil.rmtree(out, ignore_errors=True)

    largest_first = sorted(jobs.items(), key=lambda job: -len(job[1]))
    with ThreadPoolExecutor(max_workers=max(1, min(len(jobs), os.cpu_count() or 1))) as pool:
        try:
            return dict(pool.map(run, largest_first))
        except BaseException:
            indexing.stop()
            raise


def for_pagefind(html: bytes, language: str = "en") -> bytes:
    """A page as Pagefind needs it: its language and what it indexes. A quarter less for Pagefind to read
    than the whole page, and the same index. A meta field "v", the hash of what it indexes, makes the entry's id
    change with it: an edited page's entry in pagefind/patch/ never has the id of its archive entry.

    The language is the article's (the lang of the element marked data-pagefind-body), else the page's,
    by its primary subtag (`language`, the site's, for a page that says none): Pagefind keeps one index per
    language in a bundle, each stemmed by its own language's rules ('Häuser' and 'Haus' meet in the German
    index), and the search page merges them all."""
    body = INDEXED.search(html)
    own = OWN_LANG.search(html, body.start(), html.index(b">", body.start())) if body else None
    lang = own or LANG.search(html)
    code = (lang.group(1) if lang else language.encode()).split(b"-")[0].lower()
    indexed = indexed_part(html)
    return (b'<!DOCTYPE html><html lang="' + code + b'"><head><meta charset="utf-8"></head><body><span data-pagefind-meta="v:'
            + hashlib.blake2b(indexed, digest_size=8).hexdigest().encode() + b'" hidden></span>' + indexed + b"</body></html>")
