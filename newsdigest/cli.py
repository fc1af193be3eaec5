"""Command line: the only place that prints summaries or exits.

    python build.py [options]                          build the digest
    python build.py [options] serve [--port 8000]      build, serve on 127.0.0.1, rebuild on change
    python build.py [options] new "Title" [--section World]   scaffold a content file
    python build.py [options] review                   list the conversions ingestion was unsure of
    python build.py [options] add URL [URL ...]        fetch pages into seeds/ and build
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import signal
import sys
import threading
import time
from contextlib import ExitStack
from datetime import datetime, timezone
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from . import __version__
from .errors import BuildError, Fault, Stopped, describe_os_error
from .ledger.lock import WAIT, project_lock
from .ledger import unchanged_since_last_build
from .scan import input_state, bytes_hash
from .wording import build_command, count, missing_library

TYPE_CHECKING = False   # typing's: this module imports only what the no-op check needs before it runs
if TYPE_CHECKING:
    from typing import Callable, NoReturn

    from .config import Config
    from .ledger import Summary
    from .scan import Inputs


EXIT_INPUT, EXIT_FAULT, EXIT_BUG, EXIT_STOPPED = 1, 2, 3, 130
"""Exit statuses: a bad input file (the rest was built); a fault of the machine or of a tool, or a bad
config (nothing was changed); a bug in newsdigest; stopped by Ctrl-C or SIGTERM."""


def run() -> NoReturn:
    """`python build.py ...` as a program: main(), then the process ends. A command that runs once (all but
    `serve`, which builds again and again) keeps the cycle collector off and ends with os._exit once what it
    printed is flushed: the build's objects (millions at 10,000 articles) are then neither collected nor freed
    one by one at exit, which took a sixth of an edit's time. Files, the ledger and the project lock are all
    closed by then (main returns only after them)."""
    once = _parser().parse_args().command != "serve"
    if once:
        gc.disable()
    status = main()
    if not once:
        sys.exit(status)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):   # a reader that went away (build.py | head)
            pass
    os._exit(status)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    main_thread = threading.current_thread() is threading.main_thread()
    before = signal.signal(signal.SIGTERM, _stop) if main_thread else None   # SIGTERM stops a build as Ctrl-C does
    try:
        with ExitStack() as held:   # the project lock, when the no-op check took it: the build runs under it
            listed = None
            if args.command is None and not args.clean:
                done, listed = repeat_if_unchanged(args, held)
                if done:
                    return 0
            try:
                from .config import load_config

                config = load_config(args.config)
            except BuildError as err:
                print(f"error: {err}", file=sys.stderr)
                return EXIT_FAULT
            except ModuleNotFoundError as missing:   # a Python without newsdigest's libraries: say what to run
                if not missing_library(missing):
                    raise
                print(f"error: {missing_library(missing)}", file=sys.stderr)
                return EXIT_FAULT
            if args.local:
                from dataclasses import replace

                config = replace(config, links=replace(config.links, local=True))
            return reporting_faults(config, lambda: (_command(config, args, listed), []))[0]
    except KeyboardInterrupt as stop:
        Progress.clear(sys.stderr.isatty())
        print(stop.message if isinstance(stop, Stopped) else Stopped().message, file=sys.stderr)
        return EXIT_STOPPED
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, before)   # as it was: main() may be called from a program of its own


def _command(config: Config, args: argparse.Namespace, listed: Inputs | None = None) -> int:
    if args.command == "new":
        return new_article(config, args.title, args.section, args.now or build_instant())
    if args.command == "serve":
        return serve(config, args)
    if args.command == "review":
        return list_reviews(config)
    if args.command == "add":
        return add_pages(config, args)
    return build_and_report(config, args, listed=listed)[0]


def _stop(number: int, frame: object) -> None:
    raise Stopped()


def reporting_faults(config: Config, run: Callable[[], tuple[int, list[str]]]) -> tuple[int, list[str]]:
    """Run; a fault of the machine or a tool, or a library this Python lacks, becomes one error line and
    status 2, a bug its traceback after a line saying so, status 3. Ctrl-C passes through (serve stops on it)."""
    try:
        return run()
    except Fault as fault:
        line = f"error: {fault}"
    except OSError as exc:
        line = f"error: {describe_os_error(exc, config.root)}"
    except Exception as exc:
        Progress.clear(sys.stderr.isatty())
        if isinstance(exc, ModuleNotFoundError) and (missing := missing_library(exc)):   # not a bug: an installation
            print(f"error: {missing}", file=sys.stderr)
            return EXIT_FAULT, [f"error: {missing}"]
        line = (f"error: newsdigest {__version__} stopped on a bug, not on a problem with your files; "
                f"please report it with the traceback below (README: Reporting a bug)")
        import traceback

        text = traceback.format_exc()
        print(line + "\n" + text, file=sys.stderr, end="")
        return EXIT_BUG, [line, text]
    Progress.clear(sys.stderr.isatty())
    line += f" ({config.paths.output}/ and {config.paths.content}/ are as they were)"
    print(line, file=sys.stderr)
    return EXIT_FAULT, [line]


@lru_cache(maxsize=1)   # run() and main() both parse the command line: the parser is built once
def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py", description="Build the news digest: seeds/ -> content/ -> site/ with feeds.")
    _options(parser, argparse.ArgumentParser.add_argument)
    parser.add_argument("--version", action="version", version=f"newsdigest {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="[serve | new | review | add]")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help)   # the options work after the command too: serve --drafts
        _options(sub, lambda group, *a, **kw: group.add_argument(*a, **{**kw, "default": argparse.SUPPRESS}))
        return sub

    serve_cmd = command("serve", "build, serve on 127.0.0.1, rebuild and reload on every change")
    serve_cmd.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default 8000; 0 picks a free one)")
    new_cmd = command("new", "write a new content file to fill in (a draft until you publish it)")
    new_cmd.add_argument("title", help="the headline")
    new_cmd.add_argument("--section", default="News", help="the section (default News)")
    command("review", "list the content files whose headline, authors, date, body or source ingestion was unsure of, most doubtful first")
    add_cmd = command("add", "fetch pages, save them in seeds/ and build")
    add_cmd.add_argument("urls", nargs="+", metavar="URL", help="http or https address of an article")
    return parser


def _options(parser: argparse.ArgumentParser, add: Callable) -> None:
    """The options every command takes, before or after its name."""
    add(parser, "--config", default=Path("config.yaml"), type=Path, metavar="PATH",
        help="the configuration file (default: config.yaml)")
    add(parser, "--drafts", action="store_true", default=False, help="also publish articles marked draft: true")
    add(parser, "--future", action="store_true", default=False, help="also publish articles dated after the build instant")
    add(parser, "--clean", action="store_true", default=False, help="ignore the build cache: render and write everything")
    add(parser, "--local", action="store_true", default=False,
        help="links that name each page's file (…/index.html), to browse the site from disk (file://)")
    add(parser, "-v", "--verbose", action="store_true", default=False, help="list every file written")
    add(parser, "-q", "--quiet", action="store_true", default=False, help="print errors only")
    add(parser, "--wait", type=float, default=WAIT, metavar="SECONDS",
        help=f"how long to wait for another build of this project to finish (default {WAIT:g})")
    add(parser, "--now", type=_instant, default=None, metavar="ISO",
        help="the build instant, e.g. 2025-06-18T12:00:00+05:30 (default: SOURCE_DATE_EPOCH, "
             "else the current time); it only decides which articles are still scheduled")


def build_and_report(config: Config, args: argparse.Namespace, failed: tuple[str, ...] = (),
                     listed: Inputs | None = None) -> tuple[int, list[str]]:
    """Build once, when no other build runs in the project, and print what happened; return the exit status
    and the error lines. `failed`: error lines printed before the build (pages `add` could not fetch), which
    its summary counts; `listed`: the inputs as the no-op check listed them a moment ago."""
    def locked() -> tuple[int, list[str]]:
        with project_lock(config.root, args.wait):
            status, errors = _build_and_report(config, args, len(failed), listed)
            return (EXIT_INPUT if failed and status == 0 else status), [*failed, *errors]
    return reporting_faults(config, locked)


def repeat_if_unchanged(args: argparse.Namespace, held: ExitStack) -> tuple[bool, Inputs | None]:
    """The no-op check, before the config is parsed or the build's stages imported: (True, ...) when no other build
    holds the project and nothing the last build was made from changed (ledger.unchanged_since_last_build), its
    summary printed again; else (False, the inputs as listed, or None), the project lock left held in `held` when
    it was free, so that the build runs under it with that listing. Another build running: the build waits."""
    started = time.perf_counter()
    if not args.config.is_file() or not all(map(find_spec, LIBRARIES)):   # the build says what is missing
        return False, None
    root = args.config.resolve().parent   # Config.root, before the config is read
    try:
        held.enter_context(project_lock(root, wait=0))
        last, listed = unchanged_since_last_build(root, args.now or build_instant(),
                                                  options=build_options(args, bytes_hash(args.config.read_bytes())))
    except (Fault, OSError):   # another build runs, or the lock cannot be had: the build waits, or says why
        return False, None
    if last is not None and not args.quiet:
        _repeat(last, started, args)
    return last is not None, listed


LIBRARIES = ("yaml", "babel", "jinja2", "markdown_it", "feedgen")
"""What a build imports first: a Python without them is told so, not given the last build's summary."""


def build_options(args: argparse.Namespace, source: str) -> str:
    """What a build is made from besides its input folders: newsdigest's version, the config file (its path and
    `source`, scan.bytes_hash of the bytes read) and the options that change what is published (scan.input_state
    hashes it with the inputs)."""
    return f"{__version__} {args.config.resolve()} {source} drafts={args.drafts} future={args.future} local={args.local}"


def _repeat(last: Summary, started: float, args: argparse.Namespace, failed: int = 0) -> None:
    """Print the last build's summary line again, for a build that had nothing to do (`started`: its start,
    time.perf_counter; `failed`: error lines printed before it)."""
    print(summary(last.articles, last.pages, last.feeds, time.perf_counter() - started, 0, last.files,
                  (0, last.seeds, 0), last.drafts, last.scheduled, failed, 0, last.to_review,
                  build_command("review", config=args.config)))


def _build_and_report(config: Config, args: argparse.Namespace, failed: int, listed: Inputs | None = None
                      ) -> tuple[int, list[str]]:
    started = time.perf_counter()
    now = args.now or build_instant()
    folders = config.input_folders()
    options = build_options(args, config.source)
    same = listed is not None and list(listed.lines) == folders   # as the no-op check listed them a moment ago
    inputs = listed if same and listed.options == options else \
        input_state(folders, options, listed.lines if same else None)
    # (a listing the no-op check made under this lock, still held, was found changed already)
    last = None if args.clean or listed else unchanged_since_last_build(config.root, now, inputs)[0]
    if last is not None:
        if not args.quiet:
            _repeat(last, started, args, failed)
        return 0, []
    from .pipeline import BuildOptions, build   # the heavy stages, only when there is work

    try:
        report = build(config, BuildOptions(now=now, drafts=args.drafts, future=args.future, clean=args.clean,
                                            inputs=inputs),
                       Progress(started, shown=not args.quiet and sys.stderr.isatty() and os.environ.get("CI") != "true"))
    except BuildError as err:
        errors = [f"error: {err}", f"error: build failed; {config.paths.output}/ was left as it was"]
        print("\n".join(errors), file=sys.stderr)
        return EXIT_INPUT, errors
    Progress.clear(not args.quiet and sys.stderr.isatty())
    errors = [f"error: {err}" for err in report.problems.errors]
    for line in ([] if args.quiet else [f"warning: {w}" for w in report.problems.warnings]) + errors:
        print(line, file=sys.stderr)
    if args.verbose:
        for path in report.rebuilt:
            print(f"wrote {config.paths.output}/{path}")
    if not args.quiet:
        ing = report.ingest
        print(summary(report.articles, report.pages, report.feeds, time.perf_counter() - started, report.written,
                      report.unchanged, (ing.written, ing.unchanged, ing.kept), report.drafts_left_out,
                      report.future_left_out, failed + len(report.problems.errors), len(report.problems.warnings),
                      report.to_review, build_command("review", config=args.config)))
    return (EXIT_INPUT if errors else 0), errors


class Progress:
    """On a terminal, once a build has run for a second, one line saying which stage it is in."""

    def __init__(self, started: float, shown: bool) -> None:
        self.started, self.shown = started, shown

    def __call__(self, stage: str) -> None:
        elapsed = time.perf_counter() - self.started
        if self.shown and elapsed > 1:
            print(f"\r\x1b[2K{elapsed:5.1f} s  {stage}…", end="", file=sys.stderr, flush=True)

    @staticmethod
    def clear(shown: bool) -> None:
        if shown:
            print("\r\x1b[2K", end="", file=sys.stderr, flush=True)


def summary(articles: int, pages: int, feeds: int, seconds: float, written: int, unchanged: int,
            seeds: tuple[int, int, int], drafts: int, future: int, errors: int, warnings: int, to_review: int = 0,
            review: str = "python3 build.py review") -> str:
    """The one line a build prints; `review` is the command that lists the articles to review."""
    to_check = f"; {to_review} to review: {review}" if to_review else ""
    return (f"built {count(articles, 'article')}, {count(pages, 'page')}, {count(feeds, 'feed')} in {seconds:.2f} s "
            f"({count(written, 'file')} written, {unchanged} unchanged; "
            f"seeds: {seeds[0]} converted, {seeds[1]} unchanged, {seeds[2]} kept as edited; "
            f"left out: {count(drafts, 'draft')}, {future} scheduled; {count(errors, 'error')}, "
            f"{count(warnings, 'warning')}{to_check})")


def serve(config: Config, args: argparse.Namespace) -> int:
    """The dev loop (pass --drafts and --future to see work in progress)."""
    from .serve import serve as serve_forever

    inputs = [*map(Path, config.input_folders()), Path(args.config)]
    serve_forever(config.path("output"), inputs, lambda: "\n".join(build_and_report(config, args)[1]), args.port,
                  lambda line: print(line, flush=True), config.site.url)
    return 0


def add_pages(config: Config, args: argparse.Namespace) -> int:
    """Fetch each page into seeds/<slug>.html, one line per page, then build; exit 1 if any page failed."""
    from .fetch import FetchError, fetch, save

    failed = []
    for url in args.urls:
        try:
            path = save(fetch(url), config.path("seeds"))
        except FetchError as exc:
            failed.append(f"error: {url}: {exc}")
        except OSError as exc:
            failed.append(f"error: {url}: cannot write to {config.paths.seeds}/: {exc.strerror}")
        else:
            if not args.quiet:
                print(f"saved {path.relative_to(config.root) if path.is_relative_to(config.root) else path} from {url}")
            continue
        print(failed[-1], file=sys.stderr)
    return build_and_report(config, args, tuple(failed))[0]


def list_reviews(config: Config) -> int:
    """Print each content file that holds a review mark, a line per field with the reason, the most doubtful
    file first (the lowest 'NN% sure' among its marks; a mark without a figure counts as 50%); exit 0."""
    from .content import content_files, review_marks, split_document

    found = []
    for path, where, *_ in content_files(config.path("content"), config.root):
        try:
            meta = split_document(path.read_text(encoding="utf-8", errors="replace"), where)[0]
        except BuildError:
            continue   # a build names what is wrong with it
        marks = review_marks(meta.get("review"))
        if marks:
            sure = min((int(m[1]) / 100 if (m := re.search(r"(\d+)% sure", reason or "")) else 0.5)
                       for reason in marks.values())
            found.append((sure, -len(marks), where, meta, marks))
    for _, _, where, meta, marks in sorted(found, key=lambda f: f[:3]):
        for field, reason in marks.items():
            now = f" (now: {meta[field]!s:.80})" if field in meta and field != "body" else ""
            print(f"{where}: {field}: {reason or 'marked for review'}{now}")
    shown = len(found)
    print(f"{count(shown, 'file')} to review" + (": check each, correct what is wrong, then delete its 'review:' lines"
                                        if shown else ""))
    return 0


def new_article(config: Config, title: str, section: str, now: datetime) -> int:
    """Write content/<slug>.md with the front matter filled in; never overwrite."""
    import yaml

    from .slug import slugify, tag_uri

    if not title.strip():
        print(f"error: the headline is empty: {build_command('new', 'The headline')}", file=sys.stderr)
        return EXIT_INPUT
    path = config.path("content") / f"{slugify(title)}.md"
    if path.exists():
        print(f"error: {path.relative_to(config.root)} exists already: choose another title", file=sys.stderr)
        return 1
    meant = near_miss(section, sections_in_use(config))
    now = now.astimezone(config.zone).replace(microsecond=0, second=0)
    meta = {"id": tag_uri(config.site.url, f"{now:%Y-%m-%d}", path.stem),   # the feeds' id, whatever is edited later
            "title": title.strip(), "dek": "", "date": now.isoformat(), "category": section, "tags": [], "authors": [],
            "draft": True}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)}---\n\nWrite the story here.\n",
                    encoding="utf-8")
    print(f"wrote {path.relative_to(config.root)}: a draft, left out of the site and feeds until you delete its "
          f"'draft: true' line ({build_command('serve', '--drafts')} shows it meanwhile)")
    if meant:
        name, n = meant
        print(f"warning: {path.relative_to(config.root)}: section '{section}' is new: did you mean '{name}' "
              f"({count(n, 'article')})? If so, correct its 'category:' line", file=sys.stderr)
    return 0


def sections_in_use(config: Config) -> dict[str, int]:
    """Each section the content files name (their 'category:' line, or an alias of it) with how many do, and
    the extra sections config.yaml lists; read from the lines, not through YAML, to stay quick."""
    import re

    import yaml

    from .content import content_files

    line = re.compile(r"^(?:category|section|categories)[ \t]*:[ \t]*(.+?)[ \t]*$", re.M)
    found: dict[str, int] = dict.fromkeys(config.ingest.sections, 0)
    for path, *_ in content_files(config.path("content"), config.root):
        try:
            with path.open(encoding="utf-8", errors="replace") as f:
                head = f.read(8192).split("\n---", 1)[0]
            value = yaml.safe_load(m[1]) if (m := line.search(head)) else None
        except (OSError, yaml.YAMLError):
            continue
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, str) and value.strip():
            found[value.strip()] = found.get(value.strip(), 0) + 1
    return found


def near_miss(name: str, known: dict[str, int]) -> tuple[str, int] | None:
    """The known section `name` is a slip of (a close spelling), with its count; None
    when `name` is one of them already (as its page address spells it) or near none."""
    import difflib

    from .slug import slugify

    if any(slugify(k) == slugify(name) for k in known):
        return None
    by_lower: dict[str, tuple[str, int]] = {}
    for k, n in sorted(known.items(), key=lambda kn: -kn[1]):   # the most used spelling of each
        by_lower.setdefault(k.lower(), (k, sum(v for j, v in known.items() if j.lower() == k.lower())))
    close = difflib.get_close_matches(name.lower(), list(by_lower), n=1, cutoff=0.8)
    return by_lower[close[0]] if close else None


def build_instant() -> datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else the current time."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return datetime.now(timezone.utc)


def _instant(text: str) -> datetime:
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date and time: {text!r} (e.g. 2025-06-18T12:00:00+05:30)") from None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)
