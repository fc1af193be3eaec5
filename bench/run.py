"""Benchmark: build a synthetic news corpus and time what operators do, with peak memory.

    python3 bench/run.py --articles 1000,10000 [--runs 3] [--compare pelican,hugo] [--baseline OTHER_COPY [--edits]]

Prints, per corpus size, the median, min-max and peak memory (all the build's processes together) of
each scenario over --runs runs, all measured in this one run on this machine. Builds have search on,
as the default config does; "cold build, search off" and "one article's body edited, search off" are the
reference without it. --compare builds the same corpus with Pelican (installed in a throw-away venv; it has no
search) and Hugo (Debian's package), alone and followed by Pagefind over its output, with equivalent minimal
templates, and prints our time / theirs, and an edit of ours against their cold build. Corpora live under bench/corpus/ (git-ignored); nothing here is a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from tests.corpus import seed_text, write_corpus  # noqa: E402

CONFIG = "site:\n  title: Bench Digest\n  url: https://example.org/\n  description: A synthetic digest.\n"
NO_SEARCH_CONFIG = CONFIG + "search: false\npaths:\n  output: site-no-search\n"
NOW = "2026-06-01T23:00:00+00:00"
TODAY = datetime(2026, 6, 1, 6, 0, tzinfo=timezone.utc)
PAGE = os.sysconf("SC_PAGE_SIZE")
OPERATOR_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
"""The environment of every timed command: as an operator's, whose Python keeps the compiled modules after the first
run (a sandbox that sets PYTHONDONTWRITEBYTECODE makes every build compile newsdigest's code again, 0.05-0.07 s)."""


CPU: dict[int, float] = {}
"""CPU seconds (user + system) of each run's whole process tree, by the id of its result (see run)."""


def run(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Run a command; return (seconds, peak MB): the most memory its processes held at once, all of them
    (the build's workers and Pagefind's processes too), sampled every 50 ms from /proc. The CPU seconds its
    processes used, which other work on a shared machine disturbs far less than the seconds on the clock,
    are kept in CPU under the id of the returned tuple."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
                            env=OPERATOR_ENV)
    peak = 0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        peak = max(peak, _tree_rss(proc.pid))
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode()}")
    result = (seconds, peak / 2**20)
    CPU[id(result)] = usage.ru_utime + usage.ru_stime
    return result


def _tree_rss(pid: int) -> int:
    """Bytes resident in a process and all its descendants (found through /proc/<pid>/task/*/children, which
    costs a few reads: scanning all of /proc every sample took a tenth of a core from the build measured)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/statm", "rb") as f:
                total += int(f.read().split()[1]) * PAGE
            for task in os.scandir(f"/proc/{current}/task"):
                with open(f"{task.path}/children", "rb") as f:
                    todo.extend(int(c) for c in f.read().split())
        except (OSError, IndexError, ValueError):
            continue
    return total


def ours(project: Path, *args: str, config: str = "config.yaml", code: Path = REPO) -> list[str]:
    return [sys.executable, str(code / "build.py"), "--config", str(project / config), "--now", NOW, "--quiet", *args]


def make_project(root: Path, n: int, seeds: bool = False, code: Path = REPO) -> Path:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    shutil.copytree(code / "layouts", root / "layouts")
    (root / "config.yaml").write_text(CONFIG, encoding="utf-8")
    (root / "config-no-search.yaml").write_text(NO_SEARCH_CONFIG, encoding="utf-8")
    (root / "content").mkdir()
    (root / "seeds").mkdir()
    write_corpus(root, n, seeds=seeds)
    return root


def scenarios(project: Path, n: int) -> dict[str, callable]:
    """Each scenario: a function that prepares run i and returns the command to time."""
    article = project / "content" / f"a{n // 2:06d}.md"
    original = article.read_text(encoding="utf-8")

    def cold(i):
        shutil.rmtree(project / "site", ignore_errors=True)
        shutil.rmtree(project / ".cache", ignore_errors=True)
        return ours(project)

    def body(i):
        article.write_text(original + f"\nOne more paragraph, edit {i}.\n", encoding="utf-8")
        return ours(project)

    def title(i):
        article.write_text(original.replace('title: "', f'title: "Edit {i}: ', 1), encoding="utf-8")
        return ours(project)

    def seeds(i):   # today's: dated on the build's day, before its instant
        for k in range(20):
            when = TODAY + timedelta(minutes=30 * k + i)
            (project / "seeds" / f"day{i}-{k:02d}.txt").write_text(seed_text(n + 100 * i + k, when), encoding="utf-8")
        return ours(project)

    def layout(i):
        path = project / "layouts" / "article.html"
        path.write_text(path.read_text(encoding="utf-8") + f"{{# edit {i} #}}\n", encoding="utf-8")
        return ours(project)

    def cold_without_search(i):
        shutil.rmtree(project / "site-no-search", ignore_errors=True)
        shutil.rmtree(project / ".cache", ignore_errors=True)
        return ours(project, config="config-no-search.yaml")

    def body_without_search(i):   # the first, untimed, puts back the title the title scenario edited
        if i == 0:
            article.write_text(original + "\nOne more paragraph, edit -1.\n", encoding="utf-8")
            run(ours(project, config="config-no-search.yaml"), project)
        article.write_text(original + f"\nOne more paragraph, edit {i}.\n", encoding="utf-8")
        return ours(project, config="config-no-search.yaml")

    return {"cold build (no cache)": cold, "no-op rebuild": lambda i: ours(project), "one article's body edited": body,
            "one article's title edited": title, "20 new seeds for today": seeds, "one layout edited": layout,
            "cold build, search off": cold_without_search, "one article's body edited, search off": body_without_search}


def measure(prepare, cwd: Path, runs: int) -> list[tuple[float, float]]:
    return [run(prepare(i), cwd) for i in range(runs)]


def row(name: str, results: list[tuple[float, float]], extra: str = "") -> str:
    times = [t for t, _ in results]
    return (f"| {name} | {statistics.median(times):.2f} | {min(times):.2f}–{max(times):.2f} | "
            f"{max(m for _, m in results):.0f} |{extra}")


def ingestion(root: Path, n: int, runs: int, code: Path = REPO) -> tuple[list[tuple[float, float]], float]:
    """Convert n seeds into content files (a build from seeds alone): seconds and seeds per second."""
    results = []
    for i in range(runs):
        project = make_project(root / "ingest", 0, code=code)
        write_corpus(project, n, seeds=True)
        script = (f"import sys, time; sys.path.insert(0, {str(code)!r})\n"
                  "from pathlib import Path\nfrom newsdigest.config import load_config\nfrom newsdigest.errors import Problems\n"
                  "from newsdigest.ingest import ingest_seeds\n"
                  f"ingest_seeds(load_config(Path({str(project / 'config.yaml')!r})), Problems())\n")
        results.append(run([sys.executable, "-c", script], project))
    return results, n / statistics.median(t for t, _ in results)


def side_by_side(root: Path, n: int, runs: int, baseline: Path, ingestion_only: bool = False) -> None:
    """The cold builds (search on, search off; not with `ingestion_only`) and the ingestion of this code and of
    `baseline` (another copy of newsdigest, e.g. `git archive main | tar -x -C /tmp/base`), each on its own copy
    of one corpus with its own layouts, run by run in turn (A, B, A, B, …) so that both see the machine in the
    same state; prints both and the ratio of the medians."""
    codes = {"this code": REPO, "baseline": baseline}
    print(f"\n### {n:,} articles, side by side with {baseline}\n\n| scenario | code | median s | min–max s | "
          "median CPU s, all processes | peak MB |\n|---|---|---:|---:|---:|---:|")
    builds = () if ingestion_only else (("cold build (no cache)", "config.yaml", "site"),
                                        ("cold build, search off", "config-no-search.yaml", "site-no-search"))
    projects = {name: make_project(root / f"ab-{i}", n, code=code) for i, (name, code) in enumerate(codes.items())
                if builds}
    for scenario, config, output in builds:
        results: dict[str, list] = {name: [] for name in codes}
        for i in range(runs):
            for name, code in codes.items():
                shutil.rmtree(projects[name] / output, ignore_errors=True)
                shutil.rmtree(projects[name] / ".cache", ignore_errors=True)
                results[name].append(run(ours(projects[name], config=config, code=code), projects[name]))
        _ratio_rows(scenario, results)
    results = {name: [] for name in codes}
    for i in range(runs):
        for name, code in codes.items():
            results[name] += ingestion(root / f"ab-ingest-{name.replace(' ', '-')}", n, 1, code=code)[0]
    _ratio_rows(f"ingestion of {n:,} seeds", results)


def edits_side_by_side(root: Path, n: int, runs: int, baseline: Path, hugo: bool) -> None:
    """What an operator waits for, this code and `baseline` side by side on copies of one corpus, run by run in
    turn: with search off, then on, the cold build (with search on, in the first run only), one article's body
    edited, and the no-op rebuild after it; with `hugo`, Hugo alone and Hugo + Pagefind on the same corpus,
    each our median / their cold build's."""
    codes = {"this code": REPO, "baseline": baseline}
    projects = {name: make_project(root / f"ab-{i}", n, code=code) for i, (name, code) in enumerate(codes.items())}
    article = f"a{n // 2:06d}.md"
    original = (projects["this code"] / "content" / article).read_text(encoding="utf-8")
    print(f"\n### {n:,} articles, side by side with {baseline}\n\n| scenario | code | median s | min–max s | "
          "median CPU s, all processes | peak MB |\n|---|---|---:|---:|---:|---:|")
    medians: dict[tuple[str, str], float] = {}
    for config, output, label in (("config-no-search.yaml", "site-no-search", ", search off"), ("config.yaml", "site", "")):
        results: dict[str, dict[str, list]] = {}
        for i in range(runs):
            for name, code in codes.items():
                project = projects[name]

                def timed(scenario: str) -> None:
                    results.setdefault(scenario, {}).setdefault(name, []).append(
                        run(ours(project, config=config, code=code), project))

                if i == 0 or label:   # with search on, one cold build each (a minute each at 10,000)
                    shutil.rmtree(project / output, ignore_errors=True)
                    shutil.rmtree(project / ".cache", ignore_errors=True)
                    timed(f"cold build{label}")
                (project / "content" / article).write_text(original + f"\nOne more paragraph, edit {i}.\n", encoding="utf-8")
                timed(f"one article's body edited{label}")
                timed(f"no-op rebuild{label}")
        for scenario, found in results.items():
            _ratio_rows(scenario, found)
            medians.update({(scenario, name): statistics.median(t for t, _ in r) for name, r in found.items()})
    if not hugo:
        return
    from bench import compare

    for search, label in ((False, ", search off"), (True, "")):
        command, project, _ = compare.setup("hugo", root, n, search)
        theirs = []
        for _ in range(runs):
            shutil.rmtree(project / "public", ignore_errors=True)
            theirs.append(run(command, project))
        name = "hugo" + (" + pagefind" if search else "")
        print(row(f"{name}: cold build{label}", theirs), flush=True)
        cold = statistics.median(t for t, _ in theirs)
        for scenario in (f"cold build{label}", f"one article's body edited{label}", f"no-op rebuild{label}"):
            print(f"| {scenario} / {name} cold build | ratio | this code {medians[(scenario, 'this code')] / cold:.3f} | "
                  f"baseline {medians[(scenario, 'baseline')] / cold:.3f} | | |", flush=True)


def _ratio_rows(scenario: str, results: dict[str, list]) -> None:
    medians = {name: statistics.median(t for t, _ in found) for name, found in results.items()}
    cpu = {name: statistics.median(CPU.get(id(r), 0.0) for r in found) for name, found in results.items()}
    for name, found in results.items():
        times = [t for t, _ in found]
        print(f"| {scenario} | {name} | {medians[name]:.2f} | {min(times):.2f}–{max(times):.2f} | {cpu[name]:.2f} | "
              f"{max(m for _, m in found):.0f} |", flush=True)
    print(f"| {scenario} | this code / baseline | {medians['this code'] / medians['baseline']:.3f} | | "
          f"{cpu['this code'] / cpu['baseline']:.3f} | |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", default="1000", help="corpus sizes, comma-separated (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per scenario (default 3)")
    parser.add_argument("--compare", default="", help="pelican,hugo: build the same corpus with them too")
    parser.add_argument("--ingestion-only", action="store_true", help="time only the conversion of seeds")
    parser.add_argument("--baseline", type=Path, help="another copy of newsdigest: time its cold builds and "
                                                      "ingestion side by side with this code's, in turn")
    parser.add_argument("--edits", action="store_true", help="with --baseline: time cold builds, an edit and the "
                        "no-op after it, search off then on, side by side (and Hugo's cold builds with --compare hugo)")
    args = parser.parse_args()
    sizes = [int(n) for n in args.articles.split(",")]
    others = [x for x in args.compare.split(",") if x]
    print(f"newsdigest benchmark: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, {args.runs} runs per scenario")
    print(f"command: python3 bench/run.py --articles {args.articles} --runs {args.runs}"
          + (f" --compare {args.compare}" if args.compare else "") + (" --ingestion-only" if args.ingestion_only else "")
          + (f" --baseline {args.baseline}" if args.baseline else "") + (" --edits" if args.edits else ""))
    for n in sizes:
        root = HERE / "corpus" / str(n)
        if args.baseline and args.edits:
            edits_side_by_side(root, n, args.runs, args.baseline.resolve(), "hugo" in others)
            continue
        if args.baseline:
            side_by_side(root, n, args.runs, args.baseline.resolve(), args.ingestion_only)
            continue
        if args.ingestion_only:
            results, rate = ingestion(root, n, args.runs)
            print("\n| scenario | median s | min–max s | peak MB, all processes |\n|---|---:|---:|---:|")
            print(row(f"ingestion of {n:,} seeds", results, f" {rate:,.0f} seeds/s"), flush=True)
            continue
        project = make_project(root / "site-project", n)
        print(f"\n### {n:,} articles\n\n| scenario | median s | min–max s | peak MB, all processes |\n|---|---:|---:|---:|")
        mine = {}
        for name, prepare in scenarios(project, n).items():
            mine[name] = measure(prepare, project, args.runs)
            print(row(name, mine[name]), flush=True)
        indexing = (statistics.median(t for t, _ in mine["cold build (no cache)"])
                    - statistics.median(t for t, _ in mine["cold build, search off"]))
        print(f"| search indexing alone (the two cold builds' medians apart) | {indexing:.2f} | | |", flush=True)
        results, rate = ingestion(root, n, args.runs)
        print(row(f"ingestion of {n:,} seeds", results, f" {rate:,.0f} seeds/s"), flush=True)
        for other in others:
            from bench import compare

            theirs = compare.measure(other, root, n, args.runs)
            if other == "hugo":   # and without Pagefind, beside ours with search off
                alone = compare.measure(other, root, n, args.runs, search=False)
                theirs["cold build, search off"] = alone.pop("cold build (no cache)")
                theirs["one article's body edited, search off"] = alone.pop("one article's body edited")
            for scenario, their_results in theirs.items():
                ratio = statistics.median(t for t, _ in mine[scenario]) / statistics.median(t for t, _ in their_results)
                plus = " + pagefind" if other == "hugo" and "search off" not in scenario else ""
                print(row(f"{other}{plus}: {scenario}", their_results, f" ours/theirs = {ratio:.2f}"), flush=True)
                if scenario.startswith("cold build"):   # an edit of ours against their cold build (issue 26)
                    edit = "one article's body edited" + (", search off" if "search off" in scenario else "")
                    cold = statistics.median(t for t, _ in their_results)
                    print(f"| ours: {edit}, against {other}{plus}'s cold build | | | | "
                          f"{statistics.median(t for t, _ in mine[edit]) / cold:.3f} |", flush=True)


if __name__ == "__main__":
    main()
