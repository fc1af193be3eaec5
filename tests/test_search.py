"""Search as the operator controls it: on by default, off in config, left out with a warning without Pagefind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdigest.cli import main

NOW = "2025-07-01T00:00:00+00:00"


@pytest.fixture
def searchable(project):
    (project / "config.yaml").write_text((project / "config.yaml").read_text().replace("search: false", "search: true"))
    for i, title in enumerate(["Harbour reopens after storm", "Ferry strike ends"]):
        meta = {"title": title, "date": f"2025-06-1{i}T10:00:00+01:00", "category": "World"}
        (project / "content" / f"a{i}.md").write_text("---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in meta.items())
                                                     + "---\n\nBody.\n", encoding="utf-8")
    return project


def build(project: Path, capsys) -> tuple[int, str]:
    status = main(["--config", str(project / "config.yaml"), "--now", NOW])
    return status, capsys.readouterr().err


def test_search_is_built_for_a_site_under_a_sub_path(searchable, capsys):
    assert build(searchable, capsys) == (0, "")
    site = searchable / "site"
    assert (site / "pagefind" / "pagefind-ui.js").exists() and (site / "pagefind" / "pagefind-entry.json").exists()
    page = (site / "search" / "index.html").read_text(encoding="utf-8")
    assert 'bundlePath: "../pagefind/", baseUrl: "/digest/"' in page
    assert "<noscript>" in page and 'href="../archive/"' in page
    assert 'action="search/"' in (site / "index.html").read_text(encoding="utf-8")


def test_the_index_is_kept_when_no_article_changed_and_remade_when_one_did(searchable, capsys):
    build(searchable, capsys)
    bundle = searchable / "site" / "pagefind"
    before = {p: p.stat().st_mtime_ns for p in bundle.rglob("*") if p.is_file()}
    (searchable / "layouts" / "404.html").write_text((searchable / "layouts" / "404.html").read_text() + "\n")
    build(searchable, capsys)
    assert {p: p.stat().st_mtime_ns for p in bundle.rglob("*") if p.is_file()} == before
    (searchable / "content" / "a0.md").write_text((searchable / "content" / "a0.md").read_text().replace("Body.", "Cranes."))
    build(searchable, capsys)
    after = {p for p in bundle.rglob("*") if p.is_file()}
    assert after != set(before) or any(p.stat().st_mtime_ns != before[p] for p in after)


def test_search_false_leaves_it_out(project, capsys):
    assert build(project, capsys) == (0, "")
    site = project / "site"
    assert not (site / "pagefind").exists() and not (site / "search").exists()
    assert "site-search" not in (site / "index.html").read_text(encoding="utf-8")


def test_without_the_binary_the_site_builds_with_one_warning_and_no_search_box(searchable, capsys, monkeypatch):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(searchable / "no-such-pagefind"))
    status, err = build(searchable, capsys)
    assert status == 0
    assert err == ("warning: search is left out: the Pagefind binary was not found (pip install 'pagefind[bin]')\n")
    site = searchable / "site"
    assert not (site / "search").exists() and "site-search" not in (site / "index.html").read_text(encoding="utf-8")
