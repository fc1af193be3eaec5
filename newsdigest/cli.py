"""Command line: the only place that prints summaries or exits."""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from .state import unchanged_since_last_build
from .config import load_config
from .errors import BuildError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="build.py", description="Build the news digest: seeds/ -> content/ -> site/ with feeds.")
    parser.add_argument("--config", default="config.yaml", type=Path, metavar="PATH",
                        help="the configuration file (default: config.yaml)")
    parser.add_argument("--drafts", action="store_true", help="also publish articles marked draft: true")
    parser.add_argument("--future", action="store_true", help="also publish articles dated after the build instant")
    parser.add_argument("--clean", action="store_true", help="ignore the build cache: render and write everything")
    parser.add_argument("--verbose", action="store_true", help="list every file written")
    parser.add_argument("--quiet", action="store_true", help="print errors only")
    parser.add_argument("--now", type=_instant, metavar="ISO",
                        help="the build instant, e.g. 2025-06-18T12:00:00+05:30 (default: SOURCE_DATE_EPOCH, "
                             "else the current time); it only decides which articles are still scheduled")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        config = load_config(args.config)
    except BuildError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    now = args.now or build_instant()
    counts = None if args.clean else unchanged_since_last_build(config, args.drafts, args.future, now)
    if counts is not None:
        articles, pages, feeds, files, drafts, future, seeds = counts
        if not args.quiet:
            print(summary(articles, pages, feeds, time.perf_counter() - started, 0, files, (0, seeds, 0), drafts, future, 0, 0))
        return 0
    from .pipeline import BuildOptions, build   # the heavy stages, only when there is work

    try:
        report = build(config, BuildOptions(now=now, drafts=args.drafts, future=args.future, clean=args.clean))
    except BuildError as err:
        print(f"error: {err}", file=sys.stderr)
        print(f"error: build failed; {config.paths.output}/ was left as it was", file=sys.stderr)
        return 1
    for warning in [] if args.quiet else report.problems.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for err in report.problems.errors:
        print(f"error: {err}", file=sys.stderr)
    ing = report.ingest
    if args.verbose:
        for path in report.rebuilt:
            print(f"wrote {config.paths.output}/{path}")
    if not args.quiet:
        print(summary(report.articles, report.pages, report.feeds, time.perf_counter() - started, report.written,
                      report.unchanged, (ing.written, ing.unchanged, ing.kept), report.drafts_left_out,
                      report.future_left_out, len(report.problems.errors), len(report.problems.warnings)))
    return 1 if report.problems.errors else 0


def summary(articles: int, pages: int, feeds: int, seconds: float, written: int, unchanged: int,
            seeds: tuple[int, int, int], drafts: int, future: int, errors: int, warnings: int) -> str:
    """The one line a build prints."""
    return (f"built {articles} articles, {pages} pages, {feeds} feeds in {seconds:.2f} s "
            f"({written} files written, {unchanged} unchanged; "
            f"seeds: {seeds[0]} converted, {seeds[1]} unchanged, {seeds[2]} kept as edited; "
            f"left out: {drafts} drafts, {future} scheduled; {errors} errors, {warnings} warnings)")


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
