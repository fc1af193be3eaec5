"""Quality gates on the built sample digest: Nu Html Checker, axe-core in Chromium, links, screenshots.

Marked `browser`: `python3 -m pytest -m "not browser"` runs the fast unit tests alone.
"""

from __future__ import annotations

import functools
import http.server
import json
import subprocess
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from newsdigest.cli import main
from tests.conftest import CONFIG, REPO
from tests.quality import AXE_JS, SCREENSHOTS, VNU_JAR, java, require
from tests.waiting import HANG


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The sample digest, built once for this module, with a site URL under a sub-path."""
    import shutil

    root = tmp_path_factory.mktemp("sample")
    shutil.copytree(REPO / "layouts", root / "layouts")
    shutil.copytree(REPO / "seeds", root / "seeds")
    shutil.copytree(REPO / "content", root / "content", ignore=shutil.ignore_patterns("*"), dirs_exist_ok=True)
    for hand_written in (REPO / "content").glob("*.md"):
        if "seed:" not in hand_written.read_text(encoding="utf-8"):
            shutil.copy(hand_written, root / "content")
    (root / "config.yaml").write_text(CONFIG.replace("search: false", "search: true"), encoding="utf-8")
    assert main(["--config", str(root / "config.yaml")]) == 0
    return root / "site"


@pytest.fixture(scope="module")
def server(site):
    """Serve the site on 127.0.0.1 at a free port; yield its base URL."""
    handler = functools.partial(Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def pages_of_each_kind(site: Path) -> dict[str, str]:
    article = next(p for p in sorted(site.glob("20*/*/*/*/index.html")))
    section = next(p for p in sorted(site.glob("section/*/index.html")))
    tag = next(p for p in sorted(site.glob("tag/*/index.html")))
    rel = lambda p: p.relative_to(site).as_posix().removesuffix("index.html")
    day = next(p for p in sorted(site.glob("20*/*/*/index.html")))
    story = next(p for p in sorted(site.glob("story/*/index.html")))      # the sample's three outlets on one event
    return {"front": "", "article": rel(article), "day": rel(day), "story": rel(story), "section": rel(section), "tag": rel(tag),
            "sections": "section/", "tags": "tag/", "archive": "archive/", "404": "404.html", "search": "search/?q=Kursk"}


# ---- HTML validity ---------------------------------------------------------------------------------------


@pytest.mark.browser
def test_every_page_passes_the_nu_html_checker(site):
    require(java() is not None and VNU_JAR.exists(), "Java or vnu.jar (npm vnu-jar)")
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
                            capture_output=True, text=True, timeout=HANG)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == []
    assert len(list(site.rglob("*.html"))) > 20


@pytest.mark.browser
def test_the_stylesheet_passes_the_css_checker(site):
    require(java() is not None and VNU_JAR.exists(), "Java or vnu.jar (npm vnu-jar)")
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", "--css", str(site / "static" / "style.css")],
                            capture_output=True, text=True, timeout=HANG)
    assert result.returncode == 0, result.stderr


# ---- accessibility and screenshots in Chromium -----------------------------------------------------------


AXE_RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_axe_finds_no_violations(browser, server, site, scheme, width):
    require(AXE_JS.exists(), "axe-core (npm axe-core)")
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    found = {}
    for kind, path in pages_of_each_kind(site).items():
        page.goto(server + path)
        if kind == "search":
            page.wait_for_selector(".pagefind-ui__result")
        page.add_script_tag(path=str(AXE_JS))
        result = page.evaluate("rules => axe.run(document, {runOnly: {type: 'tag', values: rules}})", AXE_RULES)
        violations = [f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})" for v in result["violations"]]
        if violations:
            found[kind] = violations
    context.close()
    assert found == {}


@pytest.mark.browser
def test_screenshots_of_the_front_page_and_an_article(browser, server, site):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    kinds = pages_of_each_kind(site)
    story_article = next(p for p in sorted(site.glob("20*/*/*/*/index.html")) if 'id="coverage-heading"' in p.read_text())
    for width in (390, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        for name, path in (("front", ""), ("article", kinds["article"]), ("story", kinds["story"]),
                           ("story-article", story_article.relative_to(site).as_posix().removesuffix("index.html"))):
            page.goto(server + path)
            target = SCREENSHOTS / f"{name}-{width}.png"
            page.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 10_000
            # nothing sticks out sideways at this width
            assert page.evaluate("document.documentElement.scrollWidth") <= width
        context.close()
    print(f"\nscreenshots written to {SCREENSHOTS}")


# ---- links -----------------------------------------------------------------------------------------------


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name) and not (tag == "link" and attrs.get("rel") == "canonical"):
                self.urls.append(attrs[name])


def test_no_broken_internal_link_or_missing_asset(site):
    base = "https://example.org/digest/"
    broken = []
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        here = base + page.relative_to(site).as_posix()
        for url in parser.urls:
            absolute = urljoin(here, url)
            if not absolute.startswith(base):
                assert urlsplit(absolute).scheme in ("http", "https", "mailto"), (page, url)
                continue
            target = site / unquote(urlsplit(absolute).path.removeprefix(urlsplit(base).path))
            if target.is_dir() or not target.suffix:
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {url}")
            elif urlsplit(absolute).fragment and target == page:
                if urlsplit(absolute).fragment not in parser.ids:
                    broken.append(f"{page.relative_to(site)} -> {url} (no such id)")
    assert broken == []
    assert len(pages) > 20


# ---- search ----------------------------------------------------------------------------------------------


@pytest.mark.browser
def test_search_from_the_header_box_finds_the_article_and_filters_narrow_it(browser, server, site):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server)
    page.fill("#site-search", "Kursk sappers")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=Kursk+sappers")
    first = page.wait_for_selector(".pagefind-ui__result-link")
    assert first.inner_text().startswith("North Korea to send 6,000 workers")
    assert "/2025/06/18/north-korea-to-send" in first.get_attribute("href")
    assert page.locator(".pagefind-ui__result-excerpt mark").count() > 0       # the match is highlighted

    page.goto(server + "search/?q=the")
    page.wait_for_selector(".pagefind-ui__result")
    page.wait_for_function("document.querySelector('.pagefind-ui__message') && "
                           "/\\d+ result/.test(document.querySelector('.pagefind-ui__message').textContent)")
    everything = int(page.inner_text(".pagefind-ui__message").split()[0])
    page.click(".pagefind-ui__filter-name:has-text('section')")   # open the section filter group
    page.click("label[for='section-World']")
    page.screenshot(path=str(SCREENSHOTS / "search-1280.png"), full_page=True)
    page.wait_for_function(f"parseInt(document.querySelector('.pagefind-ui__message').textContent) < {everything}"
                           " && document.querySelectorAll('.pagefind-ui__result-link').length > 0")   # both rendered
    titles = page.locator(".pagefind-ui__result-link").all_inner_texts()
    assert titles and all(t for t in titles)
    page.close()


def test_indexing_attributes_are_on_article_pages_only(site):
    article = (site / pages_of_each_kind(site)["article"] / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" in article and 'data-pagefind-filter="section"' in article
    assert 'data-pagefind-filter="year:2025"' in article and 'data-pagefind-sort="date:2025-' in article
    for listing in ("index.html", "archive/index.html", "section/index.html", "tag/index.html"):
        assert "data-pagefind-body" not in (site / listing).read_text(encoding="utf-8")
    assert (site / "pagefind" / "pagefind-ui.js").exists() and (site / "search" / "index.html").exists()


# ---- a German site and an Arabic one, each with articles in six languages ------------------------------------


@pytest.fixture(scope="module", params=["ar", "de"])
def multilingual(request, tmp_path_factory):
    """(language, site folder, base URL) of a site in `language` holding the articles of
    tests/fixtures/multilingual (en, de, ar, fr, es, ru), with search, served on 127.0.0.1."""
    from tests.test_i18n import multilingual_site

    site = multilingual_site(tmp_path_factory.mktemp(f"multilingual-{request.param}"), request.param, search=True)
    handler = functools.partial(Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield request.param, site, f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def multilingual_pages(site: Path, language: str) -> dict[str, str]:
    """Every page kind, with the article pages that matter most: a story in the other direction than the
    site's (Arabic in the German site, English in the Arabic one) and one in the site's language."""
    kinds = pages_of_each_kind(site)
    other, own = ("2026/03/10/night-trains/", "2026/03/09/maktaba/") if language == "ar" else \
        ("2026/03/09/maktaba/", "2026/03/10/neue-haeuser/")
    return {**kinds, "article": other, "article in the site's language": own, "search": "search/?q=Haus"}


@pytest.mark.browser
def test_multilingual_sites_pass_the_nu_html_checker(multilingual):
    require(java() is not None and VNU_JAR.exists(), "Java or vnu.jar (npm vnu-jar)")
    _, site, _ = multilingual
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    assert [f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages] == []


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_multilingual_sites_have_no_axe_violations_and_are_photographed(browser, multilingual, scheme, width):
    require(AXE_JS.exists(), "axe-core (npm axe-core)")
    language, site, server = multilingual
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    found = {}
    for kind, path in multilingual_pages(site, language).items():
        page.goto(server + path)
        if kind == "search":
            page.wait_for_selector(".pagefind-ui__result")
        if kind in ("front", "article"):
            page.screenshot(path=str(SCREENSHOTS / f"{language}-site-{kind}-{width}-{scheme}.png"), full_page=True)
            assert page.evaluate("document.documentElement.scrollWidth") <= width     # nothing sticks out sideways
        page.add_script_tag(path=str(AXE_JS))
        result = page.evaluate("rules => axe.run(document, {runOnly: {type: 'tag', values: rules}})", AXE_RULES)
        violations = [f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})" for v in result["violations"]]
        if violations:
            found[kind] = violations
    context.close()
    assert found == {}


@pytest.mark.browser
def test_a_story_in_the_other_direction_is_laid_out_in_its_own(browser, multilingual):
    language, site, server = multilingual
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + multilingual_pages(site, language)["article"])
    side = page.evaluate("""() => {
        const story = document.querySelector('article.story'), h1 = story.querySelector('h1');
        const p = story.querySelector('.body p'), meta = story.querySelector('.meta');
        const box = e => e.getBoundingClientRect(), range = document.createRange();
        range.selectNodeContents(p.firstChild);
        return {direction: getComputedStyle(p).direction, html: getComputedStyle(document.documentElement).direction,
                story: [box(story).left, box(story).right], text: [range.getBoundingClientRect().left, range.getBoundingClientRect().right],
                meta: getComputedStyle(meta).direction};
    }""")
    page.close()
    story_dir = "rtl" if language == "de" else "ltr"
    assert side["direction"] == story_dir and side["html"] == ("rtl" if language == "ar" else "ltr")
    assert side["meta"] == side["html"]                               # the site's words about it keep the site's direction
    left, right = side["story"]
    # the first line of the body starts on the story's own side
    assert (abs(side["text"][1] - right) < 2) if story_dir == "rtl" else (abs(side["text"][0] - left) < 2)


@pytest.mark.browser
def test_search_finds_a_german_story_by_its_stem_and_an_arabic_one(browser, multilingual):
    language, site, server = multilingual
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    arabic_query = "المكتبات" if language == "ar" else "مكتبة"   # Pagefind applies the search page's language's query rules
    houses = {"Stadt baut neue Häuser am Flussufer", "Dreihundert Wohnungen am Flussufer beschlossen",
              "Gemeinderat stimmt für Häuser und Uferweg am alten Hafen"}      # the three say Häuser, never Haus
    for query, found in (("Haus", houses), (arabic_query, {"افتتاح مكتبة عامة جديدة قرب الميناء"}),
                         ("каток", {"В городском парке открылся новый каток"})):
        page.goto(server + f"search/?q={query}")
        page.wait_for_function(   # Pagefind's message names the query and is no longer 'Searching for …...'
            "q => { const m = document.querySelector('.pagefind-ui__message'); return m && m.textContent.includes(q)"
            " && !/(\\.\\.\\.|…)\\s*$/.test(m.textContent) && document.querySelector('.pagefind-ui__result-link'); }",
            arg=query)
        first = page.query_selector(".pagefind-ui__result-link")
        assert first.inner_text() in found, query
    # the search page's own words, and Pagefind's, are in the site's language
    assert page.get_attribute("#search", "data-label") == ("ابحث في كل الأخبار، ثم ضيّق النتائج حسب القسم أو الوسم أو السنة"
                                                           if language == "ar" else
                                                           "Alle Artikel durchsuchen, dann nach Rubrik, Schlagwort oder Jahr eingrenzen")
    page.close()
