"""This code against another copy of newsdigest, side by side: bench/run.py's scenarios, run by run in turn.

    git archive <commit> | tar -x -C /tmp/base        # the copy to compare with
    python3 bench/ab.py /tmp/base --articles 10000 --runs 5

Each code builds its own copy of one corpus (tests/corpus.py, this copy's: the same articles for both), with
its own layouts; every scenario runs A, B, A, B, ... so both see the machine in the same state. Prints each
code's median and min-max, and the ratio of the medians (this code / the other). Nothing here is a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.run import REPO, make_project, run, scenarios  # noqa: E402

SCENARIOS = ("cold build (no cache)", "no-op rebuild", "one article's body edited", "one article's title edited",
             "20 new seeds for today")


def side_by_side(other: Path, n: int, runs: int) -> None:
    codes = {"this code": REPO, "other": other}
    prepared = {}
    for k, (name, code) in enumerate(codes.items()):
        project = make_project(HERE / "corpus" / str(n) / f"ab-{k}", n)
        shutil.rmtree(project / "layouts")
        shutil.copytree(code / "layouts", project / "layouts")
        prepared[name] = (project, scenarios(project, n))
    print(f"\n### {n:,} articles, this code ({REPO}) and {other}, in turn\n\n"
          "| scenario | this code: median s | min–max s | other: median s | min–max s | this / other |\n"
          "|---|---:|---:|---:|---:|---:|")
    for scenario in SCENARIOS:
        times: dict[str, list[float]] = {name: [] for name in codes}
        for i in range(runs):
            for name, code in codes.items():
                project, steps = prepared[name]
                command = steps[scenario](i)
                command[1] = str(code / "build.py")
                times[name].append(run(command, project)[0])
        a, b = (statistics.median(times[name]) for name in codes)
        print(f"| {scenario} | {a:.2f} | {min(times['this code']):.2f}–{max(times['this code']):.2f} | {b:.2f} | "
              f"{min(times['other']):.2f}–{max(times['other']):.2f} | {a / b:.3f} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("other", type=Path, help="another copy of newsdigest (its build.py and layouts/)")
    parser.add_argument("--articles", default="10000", help="corpus sizes, comma-separated (default 10000)")
    parser.add_argument("--runs", type=int, default=5, help="runs per scenario and code (default 5)")
    args = parser.parse_args()
    print(f"newsdigest side by side: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, {args.runs} runs per "
          f"scenario and code\ncommand: python3 bench/ab.py {args.other} --articles {args.articles} --runs {args.runs}")
    for n in (int(x) for x in args.articles.split(",")):
        side_by_side(args.other.resolve(), n, args.runs)


if __name__ == "__main__":
    main()
