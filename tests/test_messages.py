"""Messages that lead somewhere (issue 25): hints that run as printed, a missing library named as such,
YAML mistakes explained with the line to write, a section near-miss in `new`, counts in their number, and a
warning that says how to silence it."""

from __future__ import annotations

import hashlib
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsdigest.cli import main, reporting_faults
from newsdigest.config import load_config
from tests.conftest import GLACIER_SEED, REPO


def run(project: Path, capsys, *args: str) -> tuple[int, str, str]:
    status = main(["--config", str(project / "config.yaml"), "--now", "2026-06-01T00:00:00+00:00", *args])
    out, err = capsys.readouterr()
    return status, out, err


def write(project: Path, name: str, front: str, body: str = "The story.") -> Path:
    path = project / "content" / f"{name}.md"
    path.write_text(f"---\n{front}---\n\n{body}\n", encoding="utf-8")
    return path


# ---- 8. hints name the interpreter; a missing library is one line, exit 2 ----------------------------------

def shell(project: Path, path_dirs: list[str], *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = os.pathsep.join(path_dirs)
    return subprocess.run(list(args), cwd=project, env=env, capture_output=True, text=True)


def test_the_review_hint_is_a_command_that_runs_as_printed(project):
    write(project, "close-call", "title: Pier closes for repairs\ndate: 2026-05-04T10:00:00+01:00\n"
                                 "review: {title: the headline was a close call}\n")
    # As after the Quick start: the venv's Python runs the build, and `python3` on PATH is another one.
    result = shell(project, ["/usr/bin", "/bin"], sys.executable, str(REPO / "build.py"))
    assert result.returncode == 0, result.stderr
    hint = result.stdout.rsplit("; 1 to review: ", 1)[1].rstrip(")\n")
    system = Path(sys.executable).parent.resolve() == Path("/usr/bin").resolve()   # tests run by the system's own
    assert hint == f"{'python3' if system else sys.executable} {REPO / 'build.py'} review"
    listed = shell(project, ["/usr/bin", "/bin"], *shlex.split(hint))
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout == ("content/close-call.md: title: the headline was a close call (now: Pier closes for repairs)\n"
                             "1 file to review: check each, correct what is wrong, then delete its 'review:' lines\n")


def test_with_its_folder_first_on_path_the_hint_says_python3(project):
    here = Path(sys.executable).parent
    if not (here / "python3").exists():
        pytest.skip(f"no python3 beside {sys.executable}")
    write(project, "close-call", "title: Pier closes for repairs\ndate: 2026-05-04T10:00:00+01:00\nreview: [date]\n")
    result = shell(project, [str(here), "/usr/bin", "/bin"], sys.executable, str(REPO / "build.py"))
    assert f"; 1 to review: python3 {REPO / 'build.py'} review)" in result.stdout


def code_only_copy(dest: Path) -> Path:
    """build.py and the package, without the libraries: what a Python that lacks them meets."""
    shutil.copy(REPO / "build.py", dest / "build.py")
    shutil.copytree(REPO / "newsdigest", dest / "newsdigest", ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def test_a_python_without_the_libraries_gets_one_line_saying_what_to_run(project):
    code_only_copy(project)
    # -S: no site-packages, so PyYAML and the rest are missing, as for a system python3 before the Quick start.
    result = shell(project, ["/usr/bin", "/bin"], sys.executable, "-S", "build.py", "review")
    assert result.returncode == 2 and "Traceback" not in result.stderr and "bug" not in result.stderr
    python = sys.executable
    assert result.stderr == (
        f"error: newsdigest's libraries are not installed for {python} (no module named 'yaml'): make the Quick "
        f"start's virtual environment ({python} -m venv .venv && .venv/bin/python -m pip install -r requirements.txt), "
        f"then run .venv/bin/python build.py review\n")
    venv_python = project / ".venv" / "bin" / "python"
    venv_python.parent.mkdir(parents=True)
    venv_python.symlink_to(sys.executable)
    result = shell(project, ["/usr/bin", "/bin"], sys.executable, "-S", "build.py", "--drafts", "new", "Two words")
    assert result.returncode == 2
    assert result.stderr == (f"error: newsdigest's libraries are not installed for {python} (no module named 'yaml'): "
                             f"use .venv/bin/python build.py --drafts new 'Two words'\n")


def test_a_python_with_pyyaml_alone_gets_the_same_line_not_a_traceback(project):
    """Debian's python3 has PyYAML (python3-yaml) but not Babel: reading the config needs Babel's locale data."""
    import yaml

    code_only_copy(project)
    shutil.copytree(Path(yaml.__file__).parent, project / "yaml", ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    result = shell(project, ["/usr/bin", "/bin"], sys.executable, "-S", "build.py")
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    python = sys.executable
    assert result.stderr == (
        f"error: newsdigest's libraries are not installed for {python} (no module named 'babel'): make the Quick "
        f"start's virtual environment ({python} -m venv .venv && .venv/bin/python -m pip install -r requirements.txt), "
        f"then run .venv/bin/python build.py\n")


def test_a_python_without_the_libraries_is_told_so_though_nothing_changed(project):
    """The no-op check needs no library, but a Python that could not build gets the line saying what to run, not the
    last build's summary (whose review hint it could not run either)."""
    code_only_copy(project)
    built = shell(project, ["/usr/bin", "/bin"], sys.executable, "build.py")
    assert built.returncode == 0, built.stderr
    assert "(0 files written" in shell(project, ["/usr/bin", "/bin"], sys.executable, "build.py").stdout
    result = shell(project, ["/usr/bin", "/bin"], sys.executable, "-S", "build.py")
    assert result.returncode == 2 and result.stdout == "" and "Traceback" not in result.stderr
    python = sys.executable
    assert result.stderr == (
        f"error: newsdigest's libraries are not installed for {python} (no module named 'yaml'): make the Quick "
        f"start's virtual environment ({python} -m venv .venv && .venv/bin/python -m pip install -r requirements.txt), "
        f"then run .venv/bin/python build.py\n")


def test_a_library_missing_at_a_later_stage_is_the_same_line_and_a_missing_module_of_ours_a_bug(project, capsys):
    config = load_config(project / "config.yaml")

    def needs(name: str):
        def run():
            __import__(name)
            return 0, []
        return run

    status, lines = reporting_faults(config, needs("a_library_nobody_installed"))
    err = capsys.readouterr().err
    assert status == 2 and err.count("\n") == 1 and err.startswith(
        f"error: newsdigest's libraries are not installed for {sys.executable} (no module named "
        f"'a_library_nobody_installed'): ")
    status, lines = reporting_faults(config, needs("newsdigest.no_such_stage"))
    assert status == 3 and "stopped on a bug" in capsys.readouterr().err


# ---- 9. an unquoted colon -----------------------------------------------------------------------------------

def test_an_unquoted_colon_in_front_matter_says_to_quote_the_value_on_its_line(project, capsys):
    write(project, "budget", "title: Council budget\ndek: Rates: what rises and what falls\ndate: 2026-05-04\n")
    write(project, "quote", "title: \"Not today\" says the mayor\ndate: 2026-05-04\n")
    write(project, "fine", "title: Ferry timetable\ndate: 2026-05-04\n")
    status, out, err = run(project, capsys)
    assert status == 1 and "built 1 article" in out
    assert err.splitlines() == [
        "error: content/budget.md:3: front matter: not valid YAML: the value of 'dek' holds ': ', which YAML reads as "
        "the start of another key: put it in quotes: dek: \"Rates: what rises and what falls\"",
        "error: content/quote.md:2: front matter: not valid YAML: the value of 'title' starts with a quote that closes "
        "before the value ends: put it in quotes: title: '\"Not today\" says the mayor'",
    ]
    (project / "content" / "budget.md").write_text(
        "---\ntitle: Council budget\ndek: \"Rates: what rises and what falls\"\ndate: 2026-05-04\n---\n\nx\n", encoding="utf-8")
    (project / "content" / "quote.md").write_text(
        "---\ntitle: '\"Not today\" says the mayor'\ndate: 2026-05-04\n---\n\nx\n", encoding="utf-8")
    assert run(project, capsys)[0] == 0     # the advice, followed, works


def test_an_unquoted_colon_in_config_says_the_same(project, capsys):
    config = project / "config.yaml"
    config.write_text(config.read_text().replace("  title: Test Digest", "  title: Harbour news: daily"), encoding="utf-8")
    status, out, err = run(project, capsys)
    assert status == 2 and out == ""
    assert err == (f"error: {config}:2: not valid YAML: the value of 'title' holds ': ', which YAML reads as the start "
                   "of another key: put it in quotes: title: \"Harbour news: daily\"\n")


# ---- 10. `new` and a section that nearly exists -------------------------------------------------------------

def test_new_warns_when_its_section_is_a_near_miss_of_one_in_use(project, capsys):
    for i in range(3):
        write(project, f"local-{i}", f"title: Local story {i}\ndate: 2026-05-0{i + 1}\ncategory: Local\n")
    write(project, "science", "title: Comet seen\ndate: 2026-05-01\nsection: Science\n")
    status, out, err = run(project, capsys, "new", "Bus lane opens", "--section", "Locl")
    assert status == 0 and (project / "content" / "bus-lane-opens.md").exists()
    assert err == ("warning: content/bus-lane-opens.md: section 'Locl' is new: did you mean 'Local' (3 articles)? "
                   "If so, correct its 'category:' line\n")
    for fine in ("local", "Science", "Weather"):   # the same section in other letters, another one, a new one
        status, out, err = run(project, capsys, "new", f"Story for {fine}", "--section", fine)
        assert status == 0 and err == "", (fine, err)
    status, out, err = run(project, capsys, "new", "Rocket test", "--section", "Sciense")
    assert "section 'Sciense' is new: did you mean 'Science' (2 articles)?" in err   # with the new draft


# ---- 11 and 12. counts that read right ----------------------------------------------------------------------

def test_counts_take_their_number(project, capsys):
    write(project, "one", "title: The only story\ndate: 2026-05-04\n")
    write(project, "draft", "title: Not yet\ndate: 2026-05-04\ndraft: true\n")
    write(project, "typo", "title: A typo\ndate: 2026-05-04\ncategroy: World\n")
    write(project, "broken", "title: [unclosed\ndate: 2026-05-04\n")
    status, out, err = run(project, capsys)
    assert status == 1
    assert "built 2 articles, " in out and "left out: 1 draft, 0 scheduled; 1 error, 1 warning)" in out
    (project / "content" / "broken.md").unlink()
    (project / "content" / "typo.md").unlink()
    status, out, err = run(project, capsys)
    assert out.startswith("built 1 article, ") and "; 0 errors, 0 warnings)" in out
    status, out, err = run(project, capsys)      # the no-op build says the same
    assert out.startswith("built 1 article, ") and "(0 files written, " in out and "left out: 1 draft," in out


def test_add_that_fetched_nothing_counts_its_error(project, capsys):
    import socket

    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()                                # nothing listens there: the connection is refused
    status, out, err = run(project, capsys, "add", f"http://127.0.0.1:{port}/story")
    assert status == 1
    assert err.startswith(f"error: http://127.0.0.1:{port}/story: ") and err.count("error: ") == 1
    assert out.rstrip().endswith("; 1 error, 0 warnings)"), out
    status, out, err = run(project, capsys, "add", f"http://127.0.0.1:{port}/story")   # and after a no-op build too
    assert status == 1 and out.rstrip().endswith("; 1 error, 0 warnings)"), out


# ---- 14. the warning for a hand-edited file whose seed changed ----------------------------------------------

def test_the_seed_changed_warning_says_how_to_silence_it_and_that_works(project, capsys):
    seed = project / "seeds" / "glacier.txt"
    seed.write_text(GLACIER_SEED, encoding="utf-8")
    run(project, capsys)
    [made] = (project / "content").glob("*.md")
    edited = made.read_text(encoding="utf-8").replace("Researchers mapped", "Scientists mapped")
    made.write_text(edited, encoding="utf-8")
    seed.write_text(GLACIER_SEED + "The team will publish its maps next spring.\n", encoding="utf-8")
    sha = hashlib.sha256(seed.read_bytes()).hexdigest()[:16]
    status, out, err = run(project, capsys)
    assert err == (f"warning: seeds/glacier.txt changed, but content/{made.name} was edited by hand: kept it as it is; "
                   f"to convert the seed again, delete content/{made.name}; to keep your version and silence this "
                   f"warning, set its 'seed_sha256:' line to {sha}\n")
    lines = [f"seed_sha256: {sha}" if line.startswith("seed_sha256:") else line for line in edited.split("\n")]
    made.write_text("\n".join(lines), encoding="utf-8")
    for _ in range(2):
        status, out, err = run(project, capsys)
        assert status == 0 and err == "", err
    assert [p.name for p in (project / "content").glob("*.md")] == [made.name]
    assert "Scientists mapped" in made.read_text(encoding="utf-8")
