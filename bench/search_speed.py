"""How fast a reader's search answers, in Chromium, on a built site served locally.

    python3 bench/search_speed.py SITE [SITE ...] [--queries 20] [--one-index]

For each site folder (built with search on), opens /search/ in headless Chromium (Debian's
/usr/bin/chromium through Playwright), types each query into the search box as a person would (one
key every 40 ms), and measures from the last keystroke to the moment the result list names the query
and shows its first result's title: the box's debounce, Pagefind's fetches and the rendering
included. Also counts, per query, the requests made and the bytes they fetched, and how many of the
site's search bundles they touched. Prints medians and min-max. The first query (which loads
Pagefind's scripts and each bundle's metadata) is reported apart. --one-index also measures a copy of
each site whose bundles are replaced by one Pagefind index of all its article pages (what a clean build
makes).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import statistics
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
QUERIES = ["harbour", "lisbon budget", "tariff", "vaccine", "nairobi", "drought reservoir", "orchestra", "kigali",
           "satellite", "wages growth", "inflation", "oaxaca", "wetlands", "museum", "hobart ferry", "battery",
           "festival", "gdansk", "startup exports", "railway"]


SERVED: list[tuple[str, int]] = []
"""(path, bytes) of every file the server sent: Pagefind fetches from a web worker, which the page's
request events do not all see."""


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def copyfile(self, source, outputfile):
        data = source.read()
        SERVED.append((self.path, len(data)))
        outputfile.write(data)


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


WAIT_FOR_RESULTS = """term => new Promise(resolve => {
  const done = () => {
    const message = document.querySelector('.pagefind-ui__message');
    const title = document.querySelector('.pagefind-ui__result-link');
    return message && message.textContent.includes(term) && !message.textContent.startsWith('Searching') && title;
  };
  const check = () => done() ? resolve(performance.now()) : requestAnimationFrame(check);
  check();
})"""


def bundle_of(url: str) -> str:
    """'' for the archive at pagefind/, else the small bundle's folder (pagefind/2025-06-01_2025-06-15/..., patch/...)."""
    head, sep, _ = url.split("/pagefind/", 1)[1].partition("/")
    return head if sep and head not in ("index", "fragment", "filter") else ""


def measure(browser, base: str, queries: list[str]) -> list[dict]:
    page = browser.new_page()
    page.goto(base + "search/")
    box = page.locator(".pagefind-ui__search-input")
    box.wait_for()
    results = []
    for term in queries:
        box.fill("")
        page.wait_for_timeout(400)          # let the cleared box settle: no search in flight
        SERVED.clear()
        for key in term:
            page.keyboard.type(key)
            page.wait_for_timeout(40)
        typed = page.evaluate("performance.now()")
        shown = page.evaluate(WAIT_FOR_RESULTS, term)
        page.wait_for_timeout(150)          # requests the result list makes right after
        search = [(u, n) for u, n in SERVED if "/pagefind/" in u]
        bundles = {bundle_of(u) for u, _ in search}
        results.append({"term": term, "said": page.locator(".pagefind-ui__message").text_content(), "ms": shown - typed, "requests": len(search), "bytes": sum(n for _, n in search),
                        "bundles": len(bundles)})
    page.close()
    return results


def one_index_copy(site: Path) -> Path:
    """A copy of `site` (beside it) searching one Pagefind index of all its article pages."""
    import shutil
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from newsdigest.search import BUNDLE, LISTING, Layout, index_shards, listing

    copy = site.with_name(site.name + "-one-index")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pagefind"))
    pages = sorted(p.relative_to(copy).as_posix() for p in copy.glob("20*/*/*/*/index.html"))
    index_shards({BUNDLE: pages}, lambda path: (copy / path).read_bytes(), copy.parent, copy, "en")
    (copy / LISTING).write_bytes(listing(Layout({BUNDLE: pages}, (BUNDLE,), {}, (), True), {}, copy.joinpath, "en"))
    return copy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sites", nargs="+", type=Path)
    parser.add_argument("--queries", type=int, default=20)
    parser.add_argument("--one-index", action="store_true", help="also measure a copy with one index")
    args = parser.parse_args()
    if args.one_index:
        args.sites = [x for site in args.sites for x in (site, one_index_copy(site))]
    from playwright.sync_api import sync_playwright

    queries = (QUERIES * 5)[: args.queries + 1]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        print("| site | bundles in the site | first query ms | median ms after the last keystroke | min–max ms | "
              "requests per query | KiB per query | bundles touched per query |\n|---|---:|---:|---:|---:|---:|---:|---:|")
        for site in args.sites:
            httpd, base = serve(site)
            try:
                rows = measure(browser, base, [queries[0], *queries[1:]])
            finally:
                httpd.shutdown()
            first, rest = rows[0], rows[1:]
            ms = [r["ms"] for r in rest]
            listed = site / "pagefind" / "bundles.json"   # (a site of the code before it: its period folders)
            count = len(json.loads(listed.read_bytes())["bundles"]) if listed.is_file() else \
                1 + sum(1 for d in (site / "pagefind").iterdir() if d.is_dir() and d.name[:2] == "20")
            print(f"| {site} | {count} | {first['ms']:.0f} | {statistics.median(ms):.0f} | {min(ms):.0f}–{max(ms):.0f} | "
                  f"{statistics.median(r['requests'] for r in rest):.0f} | {statistics.median(r['bytes'] for r in rest) / 1024:.0f} | "
                  f"{statistics.median(r['bundles'] for r in rest):.0f} |", flush=True)
        browser.close()


if __name__ == "__main__":
    main()
