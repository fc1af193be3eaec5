"""Search in Chromium: an archive with newer shards and a patch, its out-of-date entries hidden, answers as one
index of the same pages would, an incremental build answers as a clean one, and the search works under a strict
Content-Security-Policy."""

from __future__ import annotations

import functools
import json
import http.server
import shutil
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest

from newsdigest import search
from newsdigest.cli import main
from tests.conftest import CONFIG, REPO

pytestmark = pytest.mark.browser
NOW = "2026-01-01T00:00:00+00:00"
CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"
SECTIONS = ["World", "Business", "Science"]
WORDS = ["harbour", "orchard", "glacier", "lantern", "meadow", "quarry", "ferry", "beacon"]


def write_articles(content: Path, numbers: range) -> None:
    """Original stories, one every ten days from January 2024: a word of WORDS in each title, a shared
    phrase in every fifth, a word only the oldest has."""
    for i in numbers:
        day = date(2024, 1, 3) + timedelta(days=10 * i)
        word = WORDS[i % len(WORDS)]
        body = f"The {word} committee met on day {i} to discuss the {WORDS[(i + 3) % len(WORDS)]} budget for the coming season."
        if i % 5 == 0:
            body += " Residents asked about the tidal lagoon scheme again."
        if i == 0:
            body += " A zephyrine tapestry was shown."
        tags = ["Ports"] if i % 3 == 0 else ["Parks", "Transport"]
        dek = "dek: The tapestry goes on show.\n" if i == 0 else ""
        (content / f"s{i:02d}.md").write_text(
            f"---\ntitle: The {word} report, part {i}\ndate: {day.isoformat()}T09:00:00+00:00\ncategory: {SECTIONS[i % 3]}\n"
            f"tags: [{', '.join(tags)}]\n{dek}---\n\n{body}\n", encoding="utf-8")


def build(project: Path, *extra: str) -> None:
    assert main(["--config", str(project / "config.yaml"), "--now", NOW, "--quiet", *extra]) == 0


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    """The same 60 stories as: a site built in steps (two-thirds, then the rest, an edit and a removal: an archive,
    newer shards and a patch), the same built clean (one archive), and the clean one with one Pagefind index of all
    its pages made apart from the build."""
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(search, "SHARD_PAGES", 8)        # the 20 newer stories in three shards
    root = tmp_path_factory.mktemp("shards")
    projects = {}
    for name in ("steps", "clean"):
        project = root / name
        shutil.copytree(REPO / "layouts", project / "layouts")
        (project / "content").mkdir(parents=True)
        (project / "config.yaml").write_text(CONFIG.replace("search: false", "search: true")
                                             .replace("https://example.org/digest/", "https://example.org/"), encoding="utf-8")
        projects[name] = project
    steps = projects["steps"]
    write_articles(steps / "content", range(40))
    build(steps)
    write_articles(steps / "content", range(40, 61))
    build(steps)
    (steps / "content" / "s07.md").write_text((steps / "content" / "s07.md").read_text().replace("committee", "council"))
    (steps / "content" / "s60.md").unlink()
    build(steps)
    write_articles(projects["clean"] / "content", range(60))
    (projects["clean"] / "content" / "s07.md").write_text(
        (projects["clean"] / "content" / "s07.md").read_text().replace("committee", "council"))
    build(projects["clean"])
    monkeypatch.undo()

    one = root / "one"
    shutil.copytree(projects["clean"] / "site", one)
    shutil.rmtree(one / "pagefind")
    articles = sorted(p.relative_to(one).as_posix() for p in one.glob("20*/*/*/*/index.html"))
    search.index_shards({search.BUNDLE: articles}, lambda path: (one / path).read_bytes(), root, one, "en")
    (one / search.LISTING).write_bytes(search.listing(search.Layout({search.BUNDLE: articles}, (search.BUNDLE,), {}, (), True),
                                                      {}, one.joinpath, "en"))
    return {"steps": steps / "site", "clean": projects["clean"] / "site", "one": one}


class Handler(http.server.SimpleHTTPRequestHandler):
    csp = ""

    def end_headers(self):
        if self.csp:
            self.send_header("Content-Security-Policy", self.csp)
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def serve():
    servers = []

    def start(folder: Path, csp: str = "") -> str:
        handler = functools.partial(type("H", (Handler,), {"csp": csp}), directory=str(folder))
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        return f"http://127.0.0.1:{httpd.server_address[1]}/"

    yield start
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()


QUERIES = [
    ("harbour", {}),                                    # a word of titles
    ("budget", {}),                                     # a word of every body
    ("season", {"filters": {"tag": "Ports"}}),          # a tag filter
    ("committee", {"filters": {"section": "Science"}}), # a section filter
    ("report", {"filters": {"year": "2024"}}),          # a year filter
    ('"tidal lagoon scheme"', {}),                      # a phrase
    ("zephyrine", {}),                                  # a word only the oldest story has
    (None, {"filters": {"tag": "Parks"}}),              # a filter alone
]

ANSWERS = """async ([bundles, hidden, queries]) => {
  const pagefind = await import("/static/pagefind.js");    // Pagefind's API as the search page's UI loads it
  await pagefind.options({ baseUrl: "/", newsdigestHidden: hidden });
  for (const bundle of bundles.slice(1)) { await pagefind.mergeIndex(bundle); }
  const answers = [];
  for (const [term, options] of queries) {
    const found = await pagefind.search(term, options);
    answers.push((await Promise.all(found.results.map(r => r.data()))).map(d => d.url));
  }
  return answers;
}"""


def answers(browser, base: str, site: Path) -> list[list[str]]:
    listed = json.loads((site / "pagefind" / "bundles.json").read_text())
    page = browser.new_page()
    page.goto(base + "search/")
    result = page.evaluate(ANSWERS, [["/pagefind/" + folder for folder, _ in listed["bundles"]], listed["hidden"],
                                     [list(q) for q in QUERIES]])
    page.close()
    return result


def entries(site: Path) -> list[str]:
    """The URL of every entry a reader can be shown: those of every bundle listed, but the hidden ones."""
    import gzip

    listed = json.loads((site / "pagefind" / "bundles.json").read_text())
    return sorted(json.loads(gzip.decompress(f.read_bytes())[len(b"pagefind_dcd"):])["url"]
                  for folder, _ in listed["bundles"] for f in (site / "pagefind" / folder / "fragment").glob("*")
                  if [f.name.removesuffix(".pf_fragment"), json.loads(gzip.decompress(f.read_bytes())[len(b"pagefind_dcd"):])["url"]]
                  not in [[entry, url] for entry, url, _ in listed["hidden"]])


def test_the_bundles_answer_as_one_index_of_the_same_pages(browser, sites, serve):
    listed = json.loads((sites["steps"] / "pagefind" / "bundles.json").read_text())
    assert [folder for folder, _ in listed["bundles"]][::len(listed["bundles"]) - 1] == ["", "patch/"]
    assert len(listed["bundles"]) >= 4 and len(listed["hidden"]) == 1                   # s07's entry in the archive
    sharded = answers(browser, serve(sites["steps"]), sites["steps"])
    single = answers(browser, serve(sites["one"]), sites["one"])
    for query, by_shards, by_one in zip(QUERIES, sharded, single):
        assert by_shards and sorted(by_shards) == sorted(by_one), query     # the same stories
    assert sharded[QUERIES.index(("zephyrine", {}))] == ["/2024/01/03/s00/"]
    assert len(sharded[QUERIES.index(("budget", {}))]) == 60                              # each story once
    # The same order as far as Pagefind's ranking tells stories apart: stories with "harbour" in the
    # headline (every eighth) come before those that have it once in the body, in both. Within a tier the
    # stories score alike, and each shard's word statistics order them its own way.
    in_title = sorted(f"/{date(2024, 1, 3) + timedelta(days=10 * i):%Y/%m/%d}/s{i:02d}/" for i in range(0, 60, 8))
    harbour = QUERIES.index(("harbour", {}))
    assert sorted(sharded[harbour][:8]) == sorted(single[harbour][:8]) == in_title


def test_a_hidden_id_hides_only_the_entry_of_its_url(browser, sites, serve):
    """Pagefind's ids are unique within a bundle only: an entry of another page with the id of a hidden one stays."""
    import gzip

    steps = sites["steps"]
    base, listed = serve(steps), json.loads((steps / "pagefind" / "bundles.json").read_text())
    fragment = next((steps / "pagefind" / listed["bundles"][1][0] / "fragment").glob("*.pf_fragment"))
    url = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd"):])["url"]

    def found(hiding: str) -> list[str]:
        page = browser.new_page()
        page.goto(base + "search/")
        hidden = [*listed["hidden"], [fragment.name.removesuffix(".pf_fragment"), hiding, {}]]
        answer = page.evaluate(ANSWERS, [["/pagefind/" + folder for folder, _ in listed["bundles"]], hidden, [["budget", {}]]])
        page.close()
        return answer[0]

    assert url in found("/another/page/") and len(found("/another/page/")) == 60
    assert url not in found(url) and len(found(url)) == 59


def test_an_incremental_build_answers_and_reads_as_a_clean_one(browser, sites, serve):
    steps, clean = sites["steps"], sites["clean"]
    files = lambda site: {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
                          if p.is_file() and not p.relative_to(site).as_posix().startswith("pagefind/")}
    assert files(steps) == files(clean)                                  # every page, feed and file but the bundles
    assert entries(steps) == entries(clean) == sorted(set(entries(clean)))   # the same pages, each once
    assert json.loads((clean / "pagefind" / "bundles.json").read_text()) == {"bundles": [["", ["en"]]], "hidden": []}
    by_steps, by_clean = answers(browser, serve(steps), steps), answers(browser, serve(clean), clean)
    assert [sorted(found) for found in by_steps] == [sorted(found) for found in by_clean]


def test_search_works_under_a_strict_content_security_policy(browser, sites, serve):
    base = serve(sites["steps"], CSP)
    page = browser.new_page()
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    for path in ("", "2024/01/03/s00/", "section/world/", "tag/ports/", "archive/"):
        page.goto(base + path)
    from playwright.sync_api import expect

    page.goto(base + "search/?q=harbour")         # (the page's own scripts only: Playwright's string-evaluating waits are CSP-bound too)
    page.locator(".pagefind-ui__result-link").first.wait_for()
    titles = page.locator(".pagefind-ui__result-link").all_inner_texts()
    assert titles and all("harbour" in t for t in titles[:3])
    page.fill(".pagefind-ui__search-input", "zephyrine")
    page.locator(".pagefind-ui__message", has_text="1 result for zephyrine").wait_for()
    expect(page.locator(".pagefind-ui__result-link")).to_have_count(1)   # the list is rendered after the message
    assert page.locator(".pagefind-ui__result-link").all_inner_texts() == ["The harbour report, part 0"]
    shown = page.locator(".pagefind-ui__result-tag").all_inner_texts()   # the date, not "Dek: ..." or "Caption: ..."
    assert len(shown) == 1 and shown[0].startswith("Date:")
    page.close()
    assert [p for p in problems if "favicon" not in p] == []
