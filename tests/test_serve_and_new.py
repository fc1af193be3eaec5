"""The dev loop as an operator uses it: serve, edit, see the page change; break a layout, see the error."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from newsdigest.cli import main
from tests.conftest import REPO
from tests.waiting import HANG, interruptible, wait_for


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=HANG) as response:
        return response.read()


def serve(project: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(REPO / "build.py"), "--config", str(project / "config.yaml"), "serve",
                             "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=interruptible)


def address(proc: subprocess.Popen) -> str:
    """The address serve prints, once it serves."""
    for line in iter(proc.stdout.readline, ""):
        if line.startswith("serving"):
            return line.split(" at ")[1].split()[0]
    raise AssertionError(f"serve ended before serving: {proc.stderr.read()}")


def test_serve_rebuilds_on_change_reloads_pages_and_shows_errors(project):
    (project / "content" / "a.md").write_text("---\ntitle: First version\ndate: 2025-06-18\n---\nBody.\n")
    with serve(project) as proc:
        try:
            check_the_loop(proc, project)
        finally:
            proc.terminate()
            proc.communicate(timeout=HANG)


def check_the_loop(proc: subprocess.Popen, project: Path) -> None:
    base = address(proc)
    assert base.startswith("http://127.0.0.1:")
    page = get(base + "2025/06/18/a/")
    assert b"First version" in page and b"/__newsdigest/status" in page
    assert b"__newsdigest" not in (project / "site/2025/06/18/a/index.html").read_bytes()   # only as served
    version = json.loads(get(base + "__newsdigest/status"))["version"]

    (project / "content" / "a.md").write_text("---\ntitle: Second version\ndate: 2025-06-18\n---\nBody.\n")
    wait_for(lambda: json.loads(get(base + "__newsdigest/status"))["version"] > version, proc, "a rebuild")
    assert b"Second version" in get(base + "2025/06/18/a/")

    layout = project / "layouts" / "404.html"
    good = layout.read_text()
    layout.write_text("{% extends 'base.html' %}{% block main %}{{ nope }}{% endblock %}")
    status = wait_for(lambda: (s := json.loads(get(base + "__newsdigest/status")))["error"] and s, proc, "the error")
    assert "layouts/404.html:1: layout error: 'nope' is undefined" in status["error"]
    page = get(base + "2025/06/18/a/").decode()
    assert "Second version" in page                                 # still serving the last good site
    heading = re.search(r'box\.textContent = "(.*?)" \+ error;', page)[1]
    assert (heading + status["error"]).count("build failed") == 1    # what the overlay shows says it once
    layout.write_text(good)
    wait_for(lambda: json.loads(get(base + "__newsdigest/status"))["error"] == "", proc, "a good build")


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_serve_stopped_by_a_signal_says_what_it_left(project, number):
    (project / "content" / "a.md").write_text("---\ntitle: A story\ndate: 2025-06-18\n---\nBody.\n")
    with serve(project) as proc:
        address(proc)
        proc.send_signal(number)
        out, err = proc.communicate(timeout=HANG)
    assert proc.returncode == 130
    assert err == "stopped; the published site and content/ are unchanged\n"


def test_new_scaffolds_a_content_file_and_never_overwrites(project, capsys):
    assert main(["--config", str(project / "config.yaml"), "new", "Córdoba votes today", "--section", "World"]) == 0
    path = project / "content" / "cordoba-votes-today.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\nid: tag:example.org,") and "\ntitle: Córdoba votes today\n" in text and "category: World\n" in text
    assert "\ndraft: true\n" in text
    assert capsys.readouterr().out.startswith("wrote content/cordoba-votes-today.md: a draft, left out of the site")
    assert main(["--config", str(project / "config.yaml"), "new", "Córdoba votes today"]) == 1
    assert "exists already" in capsys.readouterr().err
    assert main(["--config", str(project / "config.yaml"), "--now", "2100-01-01T00:00:00+00:00"]) == 0
