"""Command line: the only place that prints summaries or exits."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .pipeline import build
from .config import load_config
from .errors import BuildError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="build.py", description="Build the news digest: seeds/ -> content/ -> site/ with feeds.")
    parser.add_argument("--config", default="config.yaml", type=Path, metavar="PATH",
                        help="the configuration file (default: config.yaml)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        config = load_config(args.config)
    except BuildError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    try:
        report = build(config)
    except BuildError as err:
        print(f"error: {err}", file=sys.stderr)
        print("error: build failed; site/ was left as it was", file=sys.stderr)
        return 1
    for warning in report.problems.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for err in report.problems.errors:
        print(f"error: {err}", file=sys.stderr)
    seconds = time.perf_counter() - started
    ing = report.ingest
    print(f"built {report.articles} articles, {report.pages} pages, {report.feeds} feeds in {seconds:.2f} s "
          f"(seeds: {ing.written} converted, {ing.unchanged} unchanged, {ing.kept} kept as edited; "
          f"{len(report.problems.errors)} errors, {len(report.problems.warnings)} warnings)")
    return 1 if report.problems.errors else 0
