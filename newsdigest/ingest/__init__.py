"""seeds/*.txt -> content/<slug>.md: convert each new or changed seed; never touch a hand-edited file."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .. import __version__
from ..config import Config
from ..content import MAX_FILE_BYTES, Article, content_files, dump_document, edited_by_hand, split_document
from ..decode import clean, decode
from ..errors import BuildError, Problems
from ..parallel import parallel_iter
from ..slug import free_slug, slugify, tag_uri
from ..ledger.undo import ContentUndo
from ..wording import count
from ..write import write_inside
from typing import TYPE_CHECKING

if TYPE_CHECKING:   # the readers load when a seed is read (their patterns and data take a third of a second)
    from .parse import Parsed, Rules

SEED_SUFFIXES = (".txt", ".html", ".htm")
"""Copied text, and saved web pages."""
MAX_SEED_BYTES = 2_000_000
MAX_PAGE_BYTES = 10_000_000
"""A saved page carries its markup: five times what its text alone may weigh."""
INGESTED_BY = f"newsdigest {__version__}"
"""Recorded in each content file: an untouched file is converted again when the parser changes."""


Seen = dict[str, tuple]
"""Seed name -> (mtime_ns, size, its content file, the article's fingerprint, its sketch for near-duplicates)
as the last ingestion left them (a cache from before sketches has no fifth item)."""


@dataclass(frozen=True)
class IngestReport:
    """What one ingestion run did."""

    written: int
    unchanged: int
    kept: int
    """Content files left alone because a person edited them."""
    seen: Seen
    """For the next run: seeds it need not read again."""


def ingest_seeds(config: Config, problems: Problems, seen_before: Seen | None = None,
                 articles_before: dict[str, tuple[int, int, Article]] | None = None,
                 undo: ContentUndo | None = None, listing: list[tuple[str, int, int]] | None = None) -> IngestReport:
    """Convert every seed whose content file is missing or out of date; remove the content file of a seed
    that is gone (unless edited by hand); leave out a seed that nearly repeats another article.

    A seed whose size and mtime are as `seen_before` recorded, and whose content file is still there,
    is not read again; nor is a content file as `articles_before` (the last build's) holds it. `undo`
    hears of every content file before it is written or removed. `listing`: the files below seeds/ as the
    build's scan found them (scan.files_below, hidden ones too), else they are listed here.
    """
    seeds_dir, content_dir = config.path("seeds"), config.path("content")
    if not seeds_dir.is_dir():
        return IngestReport(0, 0, 0, {})
    seen_before = seen_before or {}
    if listing is None:
        listing = [(p.name, (st := p.stat()).st_mtime_ns, st.st_size) for p in seeds_dir.iterdir() if p.is_file()]
    stats = {name: (mtime, size) for name, mtime, size in listing
             if "/" not in name and os.path.splitext(name)[1].lower() in SEED_SUFFIXES}
    present = [seeds_dir / name for name in sorted(stats)]
    names = set(stats)
    files = existing = None
    gone: set[Path] = set()
    seen, seeds, unchanged = {}, [], 0
    if not names and not seen_before and articles_before:   # no seed, and the last build knew of none made from one
        return IngestReport(0, 0, 0, {})
    if not seen_before or not names.issuperset(seen_before):   # a seed was deleted (or nothing is known): orphans?
        files = content_files(content_dir, config.root)
        existing = _content_by_seed(files, articles_before or {})
        gone, stays = _remove_orphans(existing, names, config, problems, undo)
        for name, path in stays.items():   # remembered, so that the next build looks again and warns again
            seen[name] = seen_before.get(name) or (0, 0, _rel(path, config), "", ())
    for seed in present:
        before = seen_before.get(seed.name)
        if before and len(before) >= 4 and before[:2] == stats[seed.name] \
                and (config.root / before[2]).is_file():
            seen[seed.name] = before
            unchanged += 1
        else:
            seeds.append(seed)
    if not seeds:
        return IngestReport(0, unchanged, 0, seen)
    from .duplicates import NearDuplicates

    content_dir.mkdir(parents=True, exist_ok=True)
    rules = rules_from(config)
    _load_models()
    if files is None:
        files = content_files(content_dir, config.root)
        existing = _content_by_seed(files, articles_before or {})
    taken = {path.stem for path, *_ in files if path not in gone}
    fingerprints = {before[3]: f"{seeds_dir.name}/{name}" for name, before in seen.items()}
    similar = NearDuplicates()
    for name, before in seen.items():
        seen[name] = (*before[:4], similar.add(f"{seeds_dir.name}/{name}", before[3], before[4] if len(before) > 4 else None))
    written = kept = 0
    real: dict[str, str] = {}
    for seed, (stat, seed_sha, parsed, notes, draft, sketched) in zip(seeds, parallel_iter(lambda seed: read_seed(seed, rules, config), seeds, 20 if any(s.suffix.lower() != ".txt" for s in seeds) else 100)):
        name = seed.name
        shown = f"{seeds_dir.name}/{name}"
        for note in notes:
            problems.warn(note)
        if isinstance(parsed, BuildError):
            problems.error(parsed)
            continue
        if parsed.fingerprint in fingerprints:
            problems.warn(f"{shown}: same article as {fingerprints[parsed.fingerprint]}; skipped it")
            continue
        twin = similar.match(parsed.fingerprint, sketched) if name not in config.ingest.keep_duplicates else None
        if twin:
            problems.warn(f"{shown}: nearly the same text as {twin[0]} ({twin[1]:.0%} of the words, in order): left out as a "
                          f"likely duplicate; to publish both, list '{name}' under ingest: keep_duplicates: in "
                          f"config.yaml")
            continue
        fingerprints[parsed.fingerprint] = shown
        similar.add(shown, parsed.fingerprint, sketched)
        target = existing.get(name)
        if target is not None:
            old = target.read_text(encoding="utf-8", errors="replace")
            old_meta = _meta_or_empty(old)
            if old_meta.get("seed_sha256") == seed_sha and old_meta.get("ingested_by") == INGESTED_BY:
                unchanged += 1
                seen[name] = (*stat, _rel(target, config), parsed.fingerprint, sketched)
                continue
            if edited_by_hand(old):
                kept += 1
                if old_meta.get("seed_sha256") != seed_sha:   # said on every build (the seed is read again) until settled
                    problems.warn(f"{shown} changed, but {_rel(target, config)} was edited by hand: kept it as it is; "
                                  f"to convert the seed again, delete {_rel(target, config)}; to keep your version and "
                                  f"silence this warning, set its 'seed_sha256:' line to {seed_sha}")
                else:
                    seen[name] = (*stat, _rel(target, config), parsed.fingerprint, sketched)
                continue
        else:
            slug = free_slug(slugify(parsed.title), taken.__contains__)
            taken.add(slug)
            target = content_dir / f"{slug}.md"
        shown_target = _rel(target, config)
        if parsed.date_from == "file":
            problems.warn(f"{shown}: the page shows no date: dated it from the file's time; "
                          f"correct 'date:' in {shown_target} if it is wrong")
        if not parsed.source_url and not parsed.source_name:
            problems.warn(f"{shown}: no source found: add source_url: to {shown_target}")
        document = draft[1] if draft[0] == target.stem else dump_document(
            front_matter(parsed, target.stem, name, seed_sha, config), clean(parsed.body))
        if undo:
            undo.before_write(target)
        write_inside(content_dir, target, document, real)
        written += 1
        seen[name] = (*stat, shown_target, parsed.fingerprint, sketched)
    return IngestReport(written, unchanged, kept, seen)


def _remove_orphans(made_from: dict[str, Path], present: set[str], config: Config, problems: Problems,
                    undo: ContentUndo | None) -> tuple[set[Path], dict[str, Path]]:
    """Remove each content file whose seed is gone and which nobody edited since it was made; say why, a
    line each. One edited by hand stays, with a warning on every build until it is deleted or loses its
    'seed:' line. With no seed left at all (seeds/ emptied, or not the folder it was), nothing is removed.
    Return the files removed, and {seed name: content file} of those that stay."""
    seeds = config.path("seeds").name
    orphans = {name: path for name, path in made_from.items() if name not in present}
    if orphans and not present:
        problems.warn(f"{seeds}/ holds no seed: kept the {count(len(orphans), 'article')} made from seeds; "
                      f"delete a content file to unpublish it")
        return set(), orphans
    removed, stays = set(), {}
    for name, path in sorted(orphans.items()):
        shown = _rel(path, config)
        if edited_by_hand(path.read_text(encoding="utf-8", errors="replace")):
            problems.warn(f"{shown} was made from {seeds}/{name}, which is gone; it was edited by hand, so it stays "
                          f"(delete it to unpublish it, or delete its 'seed:' line to keep it)")
            stays[name] = path
            continue
        if undo:
            undo.before_write(path)
        path.unlink()
        removed.add(path)
        problems.warn(f"removed {shown}: its seed {seeds}/{name} is gone (the article is unpublished)")
    return removed, stays


def read_seed(seed: Path, rules: Rules, config: Config
              ) -> tuple[tuple[int, int], str, Parsed | BuildError, list[str], tuple[str, str], tuple[int, ...]]:
    """Read and parse one seed: ((mtime_ns, size), hash of its bytes, the parsed article or the error, warnings,
    (slug, the content file's text) for the slug its headline gives: the file as the caller will most
    often write it, and its sketch for finding near-duplicates: both made here, in the worker)."""
    from .duplicates import sketch
    from .parse import Parsed

    stat = seed.stat()
    shown = f"{seed.parent.name}/{seed.name}"
    limit = MAX_PAGE_BYTES if seed.suffix.lower() in (".html", ".htm") else MAX_SEED_BYTES
    if stat.st_size > limit:   # refused unread: a 50 MB file is not loaded to be told so
        error = BuildError(f"too large for a news article ({stat.st_size:,} bytes, the limit is {limit:,}); "
                           f"is this the right file?", shown)
        return (stat.st_mtime_ns, stat.st_size), "", error, [], ("", ""), ()
    raw = seed.read_bytes()
    file_time = datetime.fromtimestamp(stat.st_mtime, config.zone)
    parsed, notes = convert_seed(raw, shown, rules, file_time)
    if not isinstance(parsed, Parsed):
        return (stat.st_mtime_ns, stat.st_size), "", parsed, notes, ("", ""), ()
    sha = hashlib.sha256(raw).hexdigest()[:16]
    slug = slugify(parsed.title)
    document = dump_document(front_matter(parsed, slug, seed.name, sha, config), clean(parsed.body))
    if len(document.encode("utf-8")) > MAX_FILE_BYTES - 4096:   # room for another slug
        error = BuildError(f"its article would make a content file over {MAX_FILE_BYTES:,} bytes, which no build "
                           f"loads; is this the right file?", shown)
        return (stat.st_mtime_ns, stat.st_size), "", error, notes, ("", ""), ()
    return (stat.st_mtime_ns, stat.st_size), sha, parsed, notes, (slug, document), sketch(parsed.fingerprint)


def convert_seed(raw: bytes, shown: str, rules: Rules, file_time: datetime | None) -> tuple[Parsed | BuildError, list[str]]:
    """One seed's bytes -> (the parsed article or the error that says what is wrong with the file, warnings).
    `file_time` (the seed's modification time) dates a page that shows no date."""
    from .parse import NotAnArticle, parse_seed

    try:
        if shown.lower().endswith((".html", ".htm")):
            from .html import convert_html   # trafilatura and lxml: only when there are saved pages

            return convert_html(raw, shown, rules, file_time)
        text, notes = decode_seed(raw, shown)
        parsed = parse_seed(text, rules, file_time)
    except BuildError as err:
        return err, []
    except NotAnArticle as exc:
        return BuildError(f"{exc}; is this a news article?", shown), []
    return parsed, notes


def _load_models() -> None:
    """Load the fitted numbers and the language model once, here, before the workers fork, rather than once in
    each worker (a second of CPU per worker)."""
    from .language import _model
    from .score import default_params

    default_params()
    _model()


def rules_from(config: Config) -> Rules:
    from .parse import Rules

    return Rules(zone=config.site.timezone, zones=dict(config.ingest.timezones),
                 noise=tuple(re.compile(p, re.I) for p in config.ingest.boilerplate),
                 sections=config.ingest.sections)


def decode_seed(raw: bytes, shown: str) -> tuple[str, list[str]]:
    """Bytes -> (text, warnings: the encoding detected, control characters removed), or a BuildError that says
    what is wrong (decode.decode: UTF-8 or UTF-16 with a BOM as such; anything else that is text, Windows-1252
    from Notepad, Latin-1, Shift-JIS, in the encoding charset-normalizer finds for it)."""
    text, notes = decode(raw, shown, what="a news article", limit=MAX_SEED_BYTES, binary="not text: save it as UTF-8 text")
    if not text.strip():
        raise BuildError("empty file: paste the article's text into it, or delete it", shown)
    return text, notes


def front_matter(parsed: Parsed, slug: str, seed_name: str, seed_sha: str, config: Config) -> dict:
    """The content file's keys, in the order a person reads them."""
    from .language import article_language

    meta: dict = {
        "id": tag_uri(config.site.url, parsed.date.isoformat()[:10] if parsed.date else "2000", Path(seed_name).stem),
        "title": parsed.title,
        "dek": parsed.dek,
        "summary": parsed.summary,
        "lang": article_language(parsed.lang, f"{parsed.title}\n\n{parsed.body}"),
        "date": parsed.date,
        "updated": parsed.updated,
        "date_from": parsed.date_from,
        "category": parsed.category or "News",
        "tags": parsed.tags,
        "authors": parsed.authors,
        "image": _without_empty({"url": parsed.image_url, "caption": parsed.image_caption, "credit": parsed.image_credit,
                                 "width": parsed.image_width or None, "height": parsed.image_height or None}) or None,
        "source_url": parsed.source_url,
        "source_name": parsed.source_name,
        "review": parsed.review or None,
        "slug": slug,
        "seed": seed_name,
        "seed_sha256": seed_sha,
        "ingested_by": INGESTED_BY,
    }
    return _bounded(_without_empty(meta))


def _without_empty(meta: dict) -> dict:
    return {k: v for k, v in meta.items() if v not in (None, "")}


MAX_TITLE = 300
MAX_VALUE = 2_000
MAX_ITEMS = 20
"""What one front-matter value may hold: a page's markup can say anything (a 1 MB headline), and a content file
must stay well within what the loader takes (content.MAX_FRONT_MATTER)."""


def _bounded(value, key: str = ""):
    """Every text cleaned (decode.clean: no control characters, nor lone surrogates from JSON escapes) and cut at
    a word to its bound; lists cut to MAX_ITEMS."""
    if isinstance(value, dict):
        return {k: _bounded(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_bounded(v) for v in value[:MAX_ITEMS]]
    if not isinstance(value, str):
        return value
    value, limit = clean(value), MAX_TITLE if key == "title" else MAX_VALUE
    return value if len(value) <= limit else value[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


SEED_KEY = re.compile(r"^seed:[ \t]*['\"]?(?P<name>[^'\"\n]+?)['\"]?[ \t]*$", re.M)


def _content_by_seed(files: list[tuple[Path, str, int, int]], known: dict[str, tuple[int, int, Article]]) -> dict[str, Path]:
    """Which content file each seed became: the 'seed' of the article `known` holds for an unchanged file,
    else the 'seed' line of its front matter (read, not parsed)."""
    found: dict[str, Path] = {}
    for path, where, mtime, size in files:
        hit = known.get(where)
        if hit and hit[:2] == (mtime, size):
            name = hit[2].seed
        else:
            m = SEED_KEY.search(path.read_text(encoding="utf-8", errors="replace").split("\n---", 1)[0])
            name = m["name"] if m else ""
        if name:
            found.setdefault(name, path)
    return found


def _meta_or_empty(text: str) -> dict:
    try:
        return split_document(text, "")[0]
    except BuildError:
        return {}   # the load stage reports it



def _rel(path: Path, config: Config) -> str:
    return path.relative_to(config.root).as_posix() if path.is_relative_to(config.root) else str(path)
