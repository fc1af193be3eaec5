"""The site opened from disk (file://) in Chromium: with --local every link leads to a page, not to a
folder listing, and the search page says why it cannot run there instead of hanging on 'Searching'."""

from __future__ import annotations

import pytest

from newsdigest.cli import main

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def local_site(tmp_path_factory):
    import shutil

    from tests.conftest import CONFIG, REPO

    project = tmp_path_factory.mktemp("local")
    shutil.copytree(REPO / "layouts", project / "layouts")
    shutil.copytree(REPO / "seeds", project / "seeds")
    (project / "config.yaml").write_text(CONFIG.replace("search: false", "search: true"), encoding="utf-8")
    assert main(["--config", str(project / "config.yaml"), "--local", "--quiet"]) == 0
    return project / "site"


def test_every_link_from_disk_opens_a_page(local_site, browser):
    page = browser.new_page()
    page.goto((local_site / "index.html").as_uri())
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    local = [h for h in hrefs if h.startswith("file://")]
    assert len(local) > 20
    assert all(h.split("#")[0].endswith((".html", ".xml", ".json", ".svg", ".css")) for h in local), \
        [h for h in local if not h.split("#")[0].endswith(".html")]
    page.click("main article a >> nth=0")   # the first story on the front page
    assert page.url.endswith("/index.html") and page.locator("main h1").count() == 1
    assert "Index of" not in page.content()
    page.click("text=Archive >> nth=0")
    assert page.url.endswith("/archive/index.html") and page.locator("h1").first.inner_text().startswith("Archive")
    page.close()


def test_search_from_disk_says_it_needs_the_site_served(local_site, browser):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto((local_site / "index.html").as_uri())
    page.fill("#site-search", "tram")
    page.press("#site-search", "Enter")
    page.wait_for_load_state()
    assert page.url.split("?")[0].endswith("/search/index.html")
    note = page.locator(".search-unavailable")
    note.wait_for()
    assert "python3 build.py serve" in note.inner_text()
    assert "Searching" not in page.inner_text("main") and errors == []
    page.close()


def test_without_local_links_name_folders_as_a_server_expects(sample_project):
    assert main(["--config", str(sample_project / "config.yaml"), "--quiet"]) == 0
    html = (sample_project / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="archive/"' in html and "index.html\"" not in html.split("<main", 1)[1]


def test_a_lead_image_that_does_not_load_leaves_its_caption_not_a_broken_box(local_site, browser):
    """The shipped saved page's picture lives at an address that never answers (and tests have no network):
    the picture is hidden, the caption and credit stay, styled as a caption alone."""
    page = browser.new_page()
    article = next(local_site.glob("20*/*/*/river-ferries-*/index.html"))
    page.goto(article.as_uri())
    page.wait_for_function("document.querySelector('figure.photo img').hidden === true")
    assert page.locator("figure.photo figcaption").inner_text().startswith("The Marsh Queen at the town quay")
    assert "with-image" not in page.get_attribute("figure.photo", "class")
    page.close()
