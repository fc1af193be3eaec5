"""Mutated real pages as a careless or hostile operator's seeds/: every build finishes in time linear in its
input, refuses only what is not an article, one line each, and never rejects a content file it wrote itself.

    python3 -m tests.fuzz [--per-kind 80] [--seed 29] [--shared ../shared] [--out bench/corpus/fuzz]

Takes the copied text (`text/`) and the saved pages (`html/`) of ../shared/realpages and ../shared/modernpages,
makes `--per-kind` seeds of every kind of mutation in KINDS (half copied text, half saved pages, chosen with a
seeded random generator), builds each kind as a project of its own (a batch), then every seed as one project,
each with `build.py` in a process of its own, and checks what the issue asks of each build: no traceback, exit
status 0 or 1, exactly one `error:` line per refused seed (naming it), every seed either converted, refused or
left out as a duplicate, no content file the build then rejects, no batch over MAX_SECONDS_PER_SEED a seed on
average, and the whole folder within WHOLE_OVER_BATCHES times the sum of its batches. Prints a table (seeds,
seconds, refused by reason) and exits 1 when a check fails. Nothing here is a test; tests/test_fuzz.py runs it
small under CI.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
SETS = ("realpages", "modernpages")
MAX_SECONDS_PER_SEED = 2.0
WHOLE_OVER_BATCHES = 3.0
LONG_LINE_BYTES = 1_500_000
BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
CONFIG = """\
site:
  title: Fuzz
  url: https://example.org/
  description: Mutated real pages.
  language: en
  timezone: Europe/Berlin
search: false
"""


@dataclass(frozen=True)
class Source:
    """One real page, as copied text or as the saved page."""

    name: str
    suffix: str
    raw: bytes


Mutation = Callable[[Source, random.Random, bytes], bytes]
"""(the page, the run's random generator, the run's long line) -> the seed's bytes."""


def _text(source: Source) -> str:
    return source.raw.decode("utf-8", "replace")


def _middle(raw: bytes, insert: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(raw) // 4, max(len(raw) // 4 + 1, 3 * len(raw) // 4))
    return raw[:at] + insert + raw[at:]


def _in_body(source: Source, before: str, after: str) -> bytes:
    """Wrap the page's content: inside <body> for a saved page, around the text for a copied one."""
    text = _text(source)
    if source.suffix == ".html":
        m = re.search(r"<body[^>]*>", text, re.I)
        end = text.lower().rfind("</body>")
        if m and end > m.end():
            return (text[:m.end()] + before + text[m.end():end] + after + text[end:]).encode("utf-8")
    return (before + text + after).encode("utf-8")


def _sprinkle(text: str, rng: random.Random, marks: str, count: int) -> str:
    spaces = [m.start() for m in re.finditer(r"(?<=\w) (?=\w)", text)]
    chosen = set(rng.sample(spaces, min(count, len(spaces))))
    return "".join(rng.choice(marks) if i in chosen else ch for i, ch in enumerate(text))


def _controls(text: str, rng: random.Random) -> str:
    cuts = sorted(rng.randrange(len(text) + 1) for _ in range(20))
    out, last = [], 0
    for cut in cuts:
        out += [text[last:cut], chr(rng.choice([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 27, 31, 127]))]
        last = cut
    return "".join(out) + text[last:]


KINDS: dict[str, Mutation] = {
    "truncated": lambda s, rng, long: s.raw[:rng.randrange(1, len(s.raw))],
    "nul-bytes": lambda s, rng, long: _middle(s.raw, b"\x00" * 50, rng),
    "random-front": lambda s, rng, long: rng.randbytes(rng.randrange(64, 4096)) + s.raw,
    "long-line": lambda s, rng, long: s.raw.rstrip() + b"\n" + long + b"\n",
    "repeated": lambda s, rng, long: (_text(s)[:3000] * 400).encode("utf-8"),
    "utf-16": lambda s, rng, long: _text(s).encode("utf-16"),
    "latin-1": lambda s, rng, long: _text(s).encode("latin-1", "replace"),
    "crlf": lambda s, rng, long: s.raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"),
    "whitespace": lambda s, rng, long: "".join(rng.choice(" \t\n\r\u00a0") for _ in range(rng.randrange(0, 5000))).encode(),
    "bidi-marks": lambda s, rng, long: ("".join(rng.choice(BIDI) for _ in range(200)) + _text(s)).encode("utf-8"),
    "nested-divs": lambda s, rng, long: _in_body(s, "<div>" * 20_000, "</div>" * 20_000),
    "entities": lambda s, rng, long: _middle(s.raw, "".join(rng.choice(["&amp;", "&nbsp;", "&#8203;", "&eacute;", "&#x2028;"])
                                                            for _ in range(200_000)).encode(), rng),
    # beyond the list: what else an operator's folder holds
    "soft-breaks": lambda s, rng, long: _sprinkle(_text(s), rng, "\v\f\u2028\u2029", 40).encode("utf-8"),
    "stray-controls": lambda s, rng, long: _controls(_text(s), rng).encode("utf-8"),
    "compressed": lambda s, rng, long: gzip.compress(s.raw, mtime=0),
    "empty": lambda s, rng, long: b"",
}
"""Each kind of mutation the issue lists (the first twelve), and four more."""


def sources(shared: Path) -> list[Source]:
    """Every page of the two sets, as copied text and as the saved page, in a fixed order."""
    found = []
    for name in SETS:
        root = shared / name
        for path in sorted((root / "text").glob("*.txt")):
            found.append(Source(f"{name[:4]}-{path.stem[:10]}", ".txt", path.read_bytes()))
        for path in sorted((root / "html").glob("*.html.gz")):
            found.append(Source(f"{name[:4]}-{path.name.split('.')[0][:10]}", ".html", gzip.decompress(path.read_bytes())))
    return found


def long_line(pages: list[Source], rng: random.Random) -> bytes:
    """LONG_LINE_BYTES of ordinary prose on one line: sentences of the pages' own words, shuffled."""
    words = [w for p in pages if p.suffix == ".txt" for w in _text(p).split() if w.isalpha()][:200_000]
    out, size = [], 0
    while size < LONG_LINE_BYTES:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randrange(8, 25))).capitalize() + "."
        out.append(sentence)
        size += len(sentence.encode()) + 1
    return " ".join(out).encode("utf-8")[:LONG_LINE_BYTES]


def make_corpus(shared: Path, out: Path, per_kind: int, seed: int, kinds: list[str] | None = None) -> dict[str, list[Path]]:
    """Write out/<kind>/seeds/* for every kind and return {kind: seed paths}; the same arguments give the same bytes."""
    rng = random.Random(seed)
    pages = sources(shared)
    text_pages = [p for p in pages if p.suffix == ".txt"]
    html_pages = [p for p in pages if p.suffix == ".html"]
    long = long_line(pages, rng)
    made: dict[str, list[Path]] = {}
    for kind in kinds or list(KINDS):
        folder = out / kind / "seeds"
        folder.mkdir(parents=True)
        chosen = rng.sample(text_pages, (per_kind + 1) // 2) + rng.sample(html_pages, per_kind // 2)
        made[kind] = []
        for i, page in enumerate(chosen):
            path = folder / f"{kind}-{i:03d}-{page.name}{page.suffix}"
            path.write_bytes(KINDS[kind](page, rng, long))
            made[kind].append(path)
    return made


@dataclass
class Build:
    """One build of one folder of seeds, and what it showed."""

    name: str
    seeds: int
    seconds: float
    status: int
    converted: int
    refused: dict[str, str] = field(default_factory=dict)
    """Seed file name -> the reason its error line gave."""
    duplicates: int = 0
    failures: list[str] = field(default_factory=list)
    """Checks of what the build did that failed, in words."""
    input_bytes: int = 0
    slow: list[str] = field(default_factory=list)
    """Checks of its time that failed (kept apart: a test on a busy machine checks only the others)."""


ERROR_LINE = re.compile(r"^error: (?P<where>[^:]+?)(?::\d+)?: (?P<why>.*)$")


def build(project: Path, name: str, python: str = sys.executable) -> Build:
    """Build one project with build.py in a process of its own, and check what the issue asks of it."""
    (project / "config.yaml").write_text(CONFIG, encoding="utf-8")
    if not (project / "layouts").exists():
        shutil.copytree(REPO / "layouts", project / "layouts")
    (project / "content").mkdir(exist_ok=True)
    seeds = sorted(p.name for p in (project / "seeds").iterdir())
    limit = 10 * MAX_SECONDS_PER_SEED * max(6, len(seeds))
    started = time.perf_counter()
    process = subprocess.Popen([python, str(REPO / "build.py"), "--config", str(project / "config.yaml"),
                                "--now", "2027-01-01T00:00:00+00:00"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, cwd=project, start_new_session=True)
    try:
        stdout, stderr = process.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)   # the build and its workers
        process.communicate()
        return Build(name, len(seeds), time.perf_counter() - started, -9, 0,
                     failures=[f"did not finish in {limit:.0f} s: stopped"], slow=["did not finish"],
                     input_bytes=sum((project / "seeds" / s).stat().st_size for s in seeds))
    done = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
    seconds = time.perf_counter() - started
    result = Build(name, len(seeds), seconds, done.returncode, 0,
                   input_bytes=sum((project / "seeds" / s).stat().st_size for s in seeds))
    if done.returncode not in (0, 1) or "Traceback" in done.stderr:
        result.failures.append(f"exit status {done.returncode}: {done.stderr[-2000:]}")
    refused: dict[str, list[str]] = {}
    for line in done.stderr.splitlines():
        m = ERROR_LINE.match(line)
        if line.startswith("error: ") and not m:
            result.failures.append(f"an error line that names no file: {line[:200]}")
        elif m and m["where"].startswith("seeds/"):
            refused.setdefault(m["where"].removeprefix("seeds/"), []).append(m["why"])
        elif m:
            result.failures.append(f"an error about a file ingestion wrote: {line[:300]}")
    for seed, lines in refused.items():
        if len(lines) > 1:
            result.failures.append(f"{seed}: {len(lines)} error lines, not one")
        result.refused[seed] = lines[0]
    made = {}
    for path in (project / "content").glob("*.md"):
        m = re.search(r"^seed: ['\"]?(.+?)['\"]?$", path.read_text(encoding="utf-8").split("\n---", 1)[0], re.M)
        if m:
            made[m[1]] = path
    result.converted = len(made)
    duplicates = set(re.findall(r"^warning: seeds/(\S+): (?:nearly the same text|same article) as", done.stderr, re.M))
    result.duplicates = len(duplicates)
    for seed in seeds:
        fates = (seed in made) + (seed in refused) + (seed in duplicates)
        if fates != 1:
            result.failures.append(f"{seed}: converted {seed in made}, refused {seed in refused}, "
                                   f"left out as a duplicate {seed in duplicates}")
    result.failures += [f"{path.name}: {problem}" for path in made.values() if (problem := loads(path))]
    if seconds > MAX_SECONDS_PER_SEED * max(1, len(seeds)):
        result.slow.append(f"{seconds:.1f} s for {len(seeds)} seeds: over {MAX_SECONDS_PER_SEED} s a seed")
    return result


def loads(path: Path) -> str:
    """'' when the content file loads as a build loads it, else why not."""
    from zoneinfo import ZoneInfo

    from newsdigest.content import load_article
    from newsdigest.errors import BuildError
    from newsdigest.markdown import make_markdown

    try:
        load_article(path.read_bytes(), path.name, ZoneInfo("Europe/Berlin"), make_markdown("https://example.org/"))
    except BuildError as err:
        return str(err)
    return ""


def reason(why: str) -> str:
    """An error's reason without its numbers and quoted text: what the refusals are grouped by."""
    return re.sub(r"\([^)]*\d[^)]*\)|\d[\d,.]*", "…", why).split(";")[0].strip()


def run(shared: Path, out: Path, per_kind: int, seed: int, kinds: list[str] | None = None) -> tuple[list[Build], Build]:
    """Make the corpus, build every batch, then the whole folder; return the batches' builds and the whole one."""
    if out.exists():
        shutil.rmtree(out)
    made = make_corpus(shared, out, per_kind, seed, kinds)
    batches = [build(out / kind, kind) for kind in made]
    whole = out / "all"
    (whole / "seeds").mkdir(parents=True)
    for paths in made.values():
        for path in paths:
            shutil.copy(path, whole / "seeds" / path.name)
    everything = build(whole, "all kinds, one folder")
    total = sum(b.seconds for b in batches)
    if everything.seconds > WHOLE_OVER_BATCHES * total:
        everything.slow.append(f"the whole folder took {everything.seconds:.1f} s, over {WHOLE_OVER_BATCHES}x "
                                   f"the {total:.1f} s of its batches")
    return batches, everything


def report(batches: list[Build], whole: Build) -> str:
    lines = ["| batch | seeds | MB | seconds | s/seed | converted | refused | duplicates | exit | checks |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for b in [*batches, whole]:
        lines.append(f"| {b.name} | {b.seeds} | {b.input_bytes / 1e6:.1f} | {b.seconds:.1f} | {b.seconds / max(1, b.seeds):.2f} | "
                     f"{b.converted} | {len(b.refused)} | {b.duplicates} | {b.status} | "
                     f"{'ok' if not b.failures + b.slow else f'{len(b.failures + b.slow)} failed'} |")
    total = sum(b.seconds for b in batches)
    lines.append(f"\nbatches: {sum(b.seeds for b in batches)} seeds in {total:.1f} s; the whole folder "
                 f"{whole.seconds:.1f} s ({whole.seconds / total:.2f}x the batches)")
    reasons = Counter(reason(why) for b in batches for why in b.refused.values())
    lines.append("\nrefused, by reason (batches):")
    lines += [f"  {n:4}  {why}" for why, n in reasons.most_common()]
    failures = [f"{b.name}: {f}" for b in [*batches, whole] for f in b.failures + b.slow]
    if failures:
        lines.append("\nfailed checks:")
        lines += [f"  {f[:400]}" for f in failures]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the folder holding realpages/ and modernpages/")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "corpus" / "fuzz", help="where the projects are made")
    parser.add_argument("--per-kind", type=int, default=80, help="seeds of each kind (default 80)")
    parser.add_argument("--seed", type=int, default=29, help="the random generator's seed")
    parser.add_argument("--kinds", help="a comma-separated subset of: " + ", ".join(KINDS))
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    kinds = args.kinds.split(",") if args.kinds else None
    batches, whole = run(args.shared, args.out, args.per_kind, args.seed, kinds)
    print(f"fuzz corpus: {args.per_kind} seeds a kind, seed {args.seed}, {len(batches)} kinds\n")
    print(report(batches, whole))
    if args.json:
        args.json.write_text(json.dumps([vars(b) for b in [*batches, whole]], indent=1), encoding="utf-8")
    return 1 if any(b.failures or b.slow for b in [*batches, whole]) else 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    sys.exit(main())
