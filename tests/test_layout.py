"""The repository's shape: the README's "Layout of the repository" names what is there, and neither the product nor
its tests import the benchmarks (bench/ times builds; what fits the product's data lives in training/)."""

from __future__ import annotations

import ast
import fnmatch
import re
from pathlib import Path

from tests.conftest import REPO

GITIGNORE = REPO / ".gitignore"
IGNORED = [line.strip().strip("/") for line in (GITIGNORE.read_text(encoding="utf-8").splitlines() if GITIGNORE.exists() else [])
           if line.strip().startswith("/")]
"""The top-level patterns .gitignore names ('site', 'site.*', '.venv'): what a build or a developer makes."""


def ignored(name: str) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in IGNORED)


def layout_block() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return re.search(r"## Layout of the repository\n+```\n(.*?)```", readme, re.S).group(1)


def named(block: str) -> set[str]:
    """The files and folders the block names at the start of a line, folders without their slash."""
    return {m.group(1).rstrip("/") for m in re.finditer(r"^ *([\w.-]+/?)(?: |$)", block, re.M)}


def test_the_readme_layout_names_every_top_level_folder_and_every_module():
    block = layout_block()
    top = {p.name for p in REPO.iterdir() if p.is_dir() and not p.name.startswith(".") and not ignored(p.name)
           and any(p.iterdir())}
    names = named(block)
    assert top - names == set(), "README's layout leaves these folders out"
    assert {"build.py", "config.yaml"} <= names
    modules = {p.name for p in (REPO / "newsdigest").glob("*.py") if p.name != "__init__.py"}
    package = block.split("\nnewsdigest/", 1)[1].split("\n", 1)[1]
    package = package[:re.search(r"^\S", package, re.M).start()]   # the lines under newsdigest/, up to the next folder
    mentioned = {name for entry in re.findall(r"^ +(\w+\.py(?:, \w+\.py)*)", package, re.M) for name in entry.split(", ")}
    assert modules - mentioned == set(), "README's layout leaves these modules of newsdigest/ out"
    there = {p.name for p in REPO.iterdir()} | {p.name for p in (REPO / "newsdigest").iterdir()}
    assert names - there - {"site"} == set(), "README's layout names what is not there"


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def runs_bench(path: Path) -> bool:
    """A string that is a module or script of bench/, as a command runs it ('bench.run', '/repo/bench/run.py')."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return any(isinstance(node, ast.Constant) and isinstance(node.value, str)
               and re.fullmatch(r"bench(?:\.\w+)+|(?:.*/)?bench/\w+\.py", node.value) for node in ast.walk(tree))


def test_neither_the_product_nor_the_tests_import_the_benchmarks():
    files = sorted((REPO / "newsdigest").rglob("*.py")) + sorted((REPO / "tests").rglob("*.py"))
    assert len(files) > 50
    assert [str(p.relative_to(REPO)) for p in files if "bench" in imported_roots(p) or runs_bench(p)] == []
    assert [str(p.relative_to(REPO)) for p in sorted((REPO / "newsdigest").rglob("*.py"))
            if imported_roots(p) & {"training", "tests"}] == []


def test_the_checks_see_an_import_or_a_run_of_the_benchmarks(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from bench.run import make_project\n    import bench\n", encoding="utf-8")
    assert imported_roots(sample) == {"bench"} and not runs_bench(sample)
    sample.write_text("import subprocess, sys\nsubprocess.run([sys.executable, '-m', 'bench.fuzz'])\n", encoding="utf-8")
    assert imported_roots(sample) == {"subprocess", "sys"} and runs_bench(sample)
    assert not ignored("layouts") and ignored("site") and ignored("site.preview")


def cache_paths(path: Path) -> list[str]:
    """The string constants in a module that name the .cache/ folder."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.search(r"(?:^|/)\.cache(?:/|$)", node.value)]


def test_only_the_ledger_names_the_cache_folder(tmp_path):
    outside = [p for p in sorted((REPO / "newsdigest").rglob("*.py")) if "ledger" not in p.relative_to(REPO / "newsdigest").parts]
    assert len(outside) > 30
    assert {str(p.relative_to(REPO)): cache_paths(p) for p in outside if cache_paths(p)} == {}
    assert any(cache_paths(p) for p in (REPO / "newsdigest" / "ledger").glob("*.py"))
    sample = tmp_path / "sample.py"
    sample.write_text("FOLDER = Path('.cache')\nLOCK = '.cache/build.lock'\nNOTE = 'a cache of pages'\n", encoding="utf-8")
    assert sorted(cache_paths(sample)) == [".cache", ".cache/build.lock"]
