"""Nothing is written outside site/ (or content/ during ingestion), whatever names the input holds."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, strategies as st

from newsdigest.cli import main
from newsdigest.slug import slugify
from newsdigest.write import UnsafePath, safe_relative, write_site

HOSTILE = ["../../etc/passwd", "/etc/passwd", "..\\..\\x", "%2e%2e/%2e%2e/x", "a\x00b", "index", "feed.xml", ".htaccess",
           "CON", "..", ".", "~root", "section/../../x", "С‌ерверы", "", "   "]


@pytest.mark.parametrize("path", ["../x", "/x", "a/../../x", "a\\b", "a\x00b", "", "a//b", "./x", "a/./b"])
def test_unsafe_output_paths_are_refused(path):
    with pytest.raises(UnsafePath):
        safe_relative(path)


def test_write_site_never_leaves_the_output_folder(tmp_path):
    with pytest.raises(UnsafePath):
        write_site({"ok.html": b"x", "../escape.html": b"x"}, tmp_path / "site")
    assert not (tmp_path / "escape.html").exists() and not (tmp_path / "site").exists()
    assert [p.name for p in tmp_path.iterdir()] == []                    # no staging folder left behind


@given(st.text())
def test_any_name_becomes_a_safe_path_segment(name):
    slug = slugify(name)
    assert safe_relative(f"tag/{slug}/index.html").parts == ("tag", slug, "index.html")


def test_hostile_tags_sections_and_titles_stay_inside_site(project):
    for i, name in enumerate(HOSTILE):
        meta = {"title": name.strip() or "x", "date": f"2025-06-{i + 1:02d}T09:00:00+00:00", "category": name.strip() or "x",
                "tags": [name]}
        text = "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in meta.items()) + "---\n\nBody.\n"
        (project / "content" / f"f{i}.md").write_text(text, encoding="utf-8")
    before = {p for p in project.parent.rglob("*") if project not in p.parents and p != project}
    assert main(["--config", str(project / "config.yaml"), "--now", "2026-01-01T00:00:00+00:00"]) == 0
    after = {p for p in project.parent.rglob("*") if project not in p.parents and p != project}
    assert after == before
    site = (project / "site").resolve()
    assert all(p.resolve().is_relative_to(site) for p in site.rglob("*"))
    assert not (project / "etc").exists()


def test_a_slug_that_is_a_path_is_rejected_with_its_line(project, capsys):
    (project / "content" / "a.md").write_text("---\ntitle: x\ndate: 2025-01-01\nslug: ../../../tmp/x\n---\nx\n")
    assert main(["--config", str(project / "config.yaml")]) == 1
    assert "content/a.md:4: front matter: 'slug' must be lowercase letters, digits and hyphens (got '../../../tmp/x')" \
        in capsys.readouterr().err


@pytest.mark.parametrize("output", [".", "..", "content", "../" + "x/.."])
def test_output_cannot_be_a_folder_holding_the_inputs(project, output, capsys):
    (project / "config.yaml").write_text((project / "config.yaml").read_text() + f"paths:\n  output: '{output}'\n")
    assert main(["--config", str(project / "config.yaml")]) == 2
    assert "'paths.output' must be a folder of its own" in capsys.readouterr().err
    assert (project / "config.yaml").exists() and (project / "content").is_dir()


def test_a_folder_newsdigest_did_not_make_is_never_replaced(project, capsys):
    (project / "site").mkdir()
    (project / "site" / "precious.txt").write_text("keep me")
    assert main(["--config", str(project / "config.yaml")]) == 1
    assert "was not built by newsdigest" in capsys.readouterr().err
    assert (project / "site" / "precious.txt").read_text() == "keep me"


def test_a_symbolic_link_planted_in_site_is_not_followed(project, capsys, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (project / "content" / "a.md").write_text("---\ntitle: First\ndate: 2025-06-18\n---\nx\n")
    assert main(["--config", str(project / "config.yaml")]) == 0
    day = project / "site" / "2025" / "06" / "18"
    import shutil
    shutil.rmtree(day)
    day.symlink_to(outside, target_is_directory=True)
    (project / "content" / "a.md").write_text("---\ntitle: Second\ndate: 2025-06-18\n---\nx\n")
    assert main(["--config", str(project / "config.yaml")]) == 1
    assert "would be written through a symbolic link out of the output folder" in capsys.readouterr().err
    assert list(outside.iterdir()) == []
    assert main(["--config", str(project / "config.yaml"), "--clean"]) == 0
    assert not day.is_symlink() and "Second" in (day / "a" / "index.html").read_text()
    assert list(outside.iterdir()) == []
