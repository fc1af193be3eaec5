"""The header's sections (issue 25): `nav:` in config.yaml names them, in order; without it, the sections with the
most articles that fit one line on a phone; every section is on the Sections page."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from newsdigest.cli import main
from newsdigest.errors import Problems
from newsdigest.nav import GAP_PX, LINE_PX, SECTIONS_LINK, NavItem, header_sections, width
from tests.quality import SCREENSHOTS

# Sections of a digest with many outlets, as breadcrumbs name them: (name, articles).
SECTIONS = [("World", 40), ("Business & Economy", 31), ("India", 25), ("Sport", 22), ("Science", 12),
            ("Entertainment", 9), ("Opinion", 8), ("Local", 6), ("Health", 5), ("Technology", 4), ("Climate", 3),
            ("Culture", 2), ("Education", 1), ("Weather", 1)]


def header(project: Path, path: str = "index.html") -> list[tuple[str, str]]:
    html = (project / "site" / path).read_text(encoding="utf-8")
    nav = html.split('<nav aria-label="Sections">', 1)[1].split("</nav>", 1)[0]
    return [(href, unescape(name)) for href, name in re.findall(r'<a href="([^"]*)">([^<]*)</a>', nav)]


def digest_with_sections(project: Path, sections=SECTIONS) -> None:
    for s, (name, n) in enumerate(sections):
        for i in range(n):
            (project / "content" / f"s{s:02d}-{i:02d}.md").write_text(
                f"---\ntitle: Story {i} of {name}\ndate: 2025-05-{1 + i % 28:02d}T10:00:00+01:00\ncategory: {name}\n---\n\n"
                f"Text.\n", encoding="utf-8")


def build(project: Path, capsys) -> str:
    assert main(["--config", str(project / "config.yaml"), "--now", "2025-07-01T00:00:00+00:00"]) == 0
    return capsys.readouterr().err


def test_nav_names_the_header_sections_in_its_order_and_the_sections_page_has_the_rest(project, capsys):
    digest_with_sections(project, SECTIONS[:6])
    config = project / "config.yaml"
    config.write_text(config.read_text() + "nav: [Science, world, Sport, Sprot]\n", encoding="utf-8")
    err = build(project, capsys)
    assert err == ("warning: config.yaml: nav: 'Sprot' is no section of the digest (no article is filed under it); "
                   "did you mean 'Sport'?; the header leaves it out\n")
    assert header(project) == [("section/science/", "Science"), ("section/world/", "world"), ("section/sport/", "Sport"),
                               ("section/", "Sections")]
    assert header(project, "section/india/index.html")[-1] == ("../../section/", "Sections")   # every page, relative
    listed = (project / "site" / "section" / "index.html").read_text(encoding="utf-8").split("<main", 1)[1]
    assert "<h1>All sections</h1>" in listed
    assert re.findall(r'<li><a href="\.\./section/([^/]+)/">', listed) == [
        "business-and-economy", "entertainment", "india", "science", "sport", "world"]
    config.write_text(config.read_text().replace("nav: [Science, world, Sport, Sprot]",
                                                 "nav: [India, Business & Economy, Entertainment, Science, Sport, World]"))
    build(project, capsys)
    assert [name for _, name in header(project)] == ["India", "Business & Economy", "Entertainment", "Science", "Sport",
                                                    "World"]                    # all of them: no Sections link


def test_without_nav_the_most_read_sections_that_fit_one_phone_line(project, capsys):
    digest_with_sections(project)
    assert build(project, capsys) == ""
    shown = header(project)
    assert shown[-1] == ("section/", "Sections")
    names = [name for _, name in shown[:-1]]
    assert names == sorted(names, key=str.lower)                          # by name: a new story rarely changes it
    used = sum(width(n) for n in names + [SECTIONS_LINK]) + GAP_PX * len(names)
    assert used <= LINE_PX
    ranked = [name for name, _ in SECTIONS]
    left_out = [name for name in ranked if name not in names]
    assert ranked[0] in names and "Business & Economy" in names
    assert all(used + width(n) + GAP_PX > LINE_PX for n in left_out)      # none left out would fit in what is left
    for shown_one in names:           # a bigger section never makes way for a smaller one as wide or wider
        assert not any(ranked.index(n) < ranked.index(shown_one) and width(n) <= width(shown_one) for n in left_out)


def test_a_digest_with_few_sections_shows_them_all_without_a_sections_link():
    shown, more = header_sections([("World", "world", 3), ("Sport", "sport", 1)], None, Problems())
    assert shown == (NavItem("Sport", "sport"), NavItem("World", "world")) and more is False


def test_the_width_model_counts_wide_and_narrow_letters():
    assert width("MW") > width("AB") > width("IJ")
    assert width("Économie") == width("Economie")     # a letter with a mark: its base letter's width
    assert width("日本") == 2 * (1.05 * 13)            # no case: a full em each (and the letter spacing)


@pytest.mark.browser
@pytest.mark.parametrize("nav", [None, "[World, India, Science]"])
def test_the_header_is_one_line_at_390_and_1280_px(browser, project, capsys, nav):
    digest_with_sections(project)
    if nav:
        config = project / "config.yaml"
        config.write_text(config.read_text() + f"nav: {nav}\n", encoding="utf-8")
    build(project, capsys)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for px in (390, 1280):
        page = browser.new_page(viewport={"width": px, "height": 900})
        page.goto((project / "site" / "index.html").as_uri())
        lines = page.evaluate("""() => {
            const tops = [...document.querySelectorAll('.masthead nav li')].map(li => li.getBoundingClientRect().top);
            return new Set(tops).size; }""")
        assert lines == 1, (px, nav)
        page.screenshot(path=str(SCREENSHOTS / f"header-{'nav' if nav else 'auto'}-{px}.png"),
                        clip={"x": 0, "y": 0, "width": px, "height": 200})
        page.close()
