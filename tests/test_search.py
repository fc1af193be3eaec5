"""Search as the operator controls it: on by default, off in config, left out with a warning without Pagefind."""

from __future__ import annotations

import gzip
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from newsdigest import search
from newsdigest.cli import main
from newsdigest.search import shards

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
    assert 'data-bundles="../pagefind/" data-api="../static/" data-base-url="/digest/"' in page
    assert json.loads((site / "pagefind" / "bundles.json").read_text()) == {"bundles": [["", ["en"]]], "hidden": []}
    assert '<script src="../static/search.js" defer></script>' in page and (site / "static" / "search.js").exists()
    assert (site / "static" / "pagefind.js").read_text().startswith("// Pagefind's API")
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


# ---- filters ------------------------------------------------------------------------------------------------

def cbor(data: bytes, at: int = 0):
    """Decode the CBOR subset Pagefind's filter files use (unsigned integers, text, arrays): (value, next offset)."""
    kind, info = data[at] >> 5, data[at] & 31
    at += 1
    if info >= 24:
        size = 1 << (info - 24)
        info, at = int.from_bytes(data[at:at + size], "big"), at + size
    if kind == 0:
        return info, at
    if kind in (2, 3):
        return data[at:at + info].decode("utf-8"), at + info
    if kind == 4:
        items = []
        for _ in range(info):
            item, at = cbor(data, at)
            items.append(item)
        return items, at
    raise ValueError(f"CBOR major type {kind} at {at}")


def filters(bundle: Path) -> dict[str, dict[str, int]]:
    """{filter: {value: pages}} as the search page offers them: the filter files of every bundle pagefind/bundles.json
    lists, less the values of the entries it hides (static/pagefind.js); a value no page has left is not offered."""
    import gzip

    listed, found = json.loads((bundle / "bundles.json").read_text()), {}
    for folder, _ in listed["bundles"]:
        for path in sorted((bundle / folder / "filter").glob("*.pf_filter")):
            data = gzip.decompress(path.read_bytes())
            assert data.startswith(b"pagefind_dcd")
            (name, values), _ = cbor(data, len(b"pagefind_dcd"))
            for value, pages in values:
                found.setdefault(name, {})[value] = found.get(name, {}).get(value, 0) + len(pages)
    for _, _, values in listed["hidden"]:
        for name, hidden in values.items():
            for value in hidden:
                found[name][value] -= 1
    return {name: {value: n for value, n in counts.items() if n} for name, counts in found.items()}


def test_a_tag_or_section_spelled_in_other_cases_is_one_filter_value_named_as_its_page(searchable, capsys):
    def story(name: str, day: int, section: str, tags: list[str]) -> None:
        meta = {"title": f"Story {name}", "date": f"2025-06-2{day}T10:00:00+01:00", "category": section, "tags": tags}
        (searchable / "content" / f"{name}.md").write_text(
            "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in meta.items()) + "---\n\nBody.\n", encoding="utf-8")

    def page_name(kind: str, slug: str) -> str:
        return (searchable / "site" / kind / slug / "index.html").read_text(encoding="utf-8").split("<h1>")[1].split("</h1>")[0]

    story("p", 1, "markets", ["EV", "Batteries"])
    story("q", 2, "Markets", ["ev", "batteries"])
    assert build(searchable, capsys) == (0, "")
    found = filters(searchable / "site" / "pagefind")
    assert found["tag"] == {page_name("tag", "ev"): 2, page_name("tag", "batteries"): 2}
    assert found["section"] == {"World": 2, page_name("section", "markets"): 2}
    story("r", 3, "MARKETS", ["Ev"])          # a newer spelling renames the pages: the filters follow, incrementally
    assert build(searchable, capsys) == (0, "")
    found = filters(searchable / "site" / "pagefind")
    assert page_name("tag", "ev") == "Ev" and found["tag"] == {"Ev": 3, page_name("tag", "batteries"): 2}
    assert found["section"] == {"World": 2, "MARKETS": 3}
    for name in "pqr":   # and each article page shows them so
        html = (searchable / "site" / "2025" / "06" / f"2{'pqr'.index(name) + 1}" / name / "index.html").read_text()
        assert 'data-pagefind-filter="section">MARKETS</a>' in html and 'data-pagefind-filter="tag">Ev</a>' in html


# ---- shards ------------------------------------------------------------------------------------------------

def pages(*days_and_counts: tuple[str, int]) -> list[str]:
    return [f"{day.replace('-', '/')}/a{day}-{i}/index.html" for day, n in days_and_counts for i in range(n)]


def test_a_small_archive_is_one_bundle_per_year_the_newest_first():
    plan = shards(pages(("2024-03-02", 3), ("2025-01-05", 2), ("2025-11-30", 4)), limit=10)
    assert {folder: len(paths) for folder, paths in plan.items()} == {"pagefind/": 6, "pagefind/2024-01-01_2024-12-31/": 3}


def test_periods_over_the_limit_are_cut_and_small_neighbours_joined():
    days = [("2025-01-10", 4), ("2025-02-03", 4), ("2025-05-01", 3), ("2025-05-20", 3), ("2025-06-30", 1)]
    plan = shards(pages(*days), limit=8)
    assert {folder: len(paths) for folder, paths in plan.items()} == {
        "pagefind/": 7,                                  # Q2 (7 pages) is the newest shard
        "pagefind/2025-01-01_2025-03-31/": 8}            # Q1: 8 fits the limit
    plan = shards(pages(*days, ("2025-05-21", 2)), limit=8)
    assert {folder: len(paths) for folder, paths in plan.items()} == {
        "pagefind/": 1,                                  # Q2 (9) is cut into months: May (8) and June (1)
        "pagefind/2025-05-01_2025-05-31/": 8,
        "pagefind/2025-01-01_2025-03-31/": 8}


def test_a_day_over_the_limit_is_cut_into_slices():
    plan = shards(pages(("2025-06-17", 2), ("2025-06-18", 25), ("2025-06-19", 2)), limit=10)
    assert {folder: len(paths) for folder, paths in plan.items()} == {
        "pagefind/": 2, "pagefind/2025-06-18.3/": 9, "pagefind/2025-06-18.2/": 8, "pagefind/2025-06-18.1/": 8,
        "pagefind/2025-06-17/": 2}
    assert plan["pagefind/2025-06-18.1/"] < plan["pagefind/2025-06-18.2/"] < plan["pagefind/2025-06-18.3/"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.dates(date(2023, 1, 1), date(2026, 12, 31)), st.integers(1, 40)), min_size=1, max_size=60),
       st.integers(5, 200))
def test_every_page_is_in_exactly_one_shard_of_consecutive_days_within_the_limit(days, limit):
    paths = [f"{d:%Y/%m/%d}/p{i}-{n}/index.html" for i, (d, n) in enumerate(days) for n in range(n)]
    plan = shards(paths, limit=limit)
    assert sorted(p for members in plan.values() for p in members) == sorted(paths)
    spans = []
    for folder, members in plan.items():
        found = sorted({date(*map(int, p.split("/")[:3])) for p in members})
        assert len(members) <= limit
        spans.append((found[0], found[-1], members))
    assert spans == sorted(spans, reverse=True)                       # newest first, the newest at pagefind/
    assert all(newer[0] > older[1] or newer[0] == older[1] == newer[1] == older[0]   # a day in slices
               for newer, older in zip(spans, spans[1:]))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.dates(date(2024, 1, 1), date(2025, 12, 31)), st.integers(1, 30)), min_size=2, max_size=40))
def test_a_new_days_articles_change_only_the_newest_shard_unless_it_outgrows_the_limit(days):
    paths = [f"{d:%Y/%m/%d}/p{i}-{n}/index.html" for i, (d, n) in enumerate(days) for n in range(n)]
    newest = max(d for d, _ in days)
    before = shards(paths, limit=100)
    after = shards(paths + [f"{newest:%Y/%m/%d}/new-{k}/index.html" for k in range(3)], limit=100)
    changed = {folder for folder in set(before) | set(after) if before.get(folder) != after.get(folder)}
    assert "pagefind/" in changed
    if len(before) == len(after) and not any("." in folder for folder in after):   # no day cut in slices
        assert changed == {"pagefind/"}


def searched_files(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in (site / "pagefind").rglob("*") if p.is_file()}


def bundle_of(path: str) -> str:
    """'' for a file of the archive at pagefind/, else the folder of the small bundle it is in."""
    parts = path.split("/")
    return parts[1] if len(parts) > 2 and parts[1] not in ("index", "fragment", "filter") else ""


def listed(site: Path) -> dict:
    return json.loads((site / "pagefind" / "bundles.json").read_text())


def entry_of(site: Path, page: str, folder: str = "") -> str:
    """The id of the entry of `page` (its URL path) in the bundle at pagefind/`folder`."""
    import gzip

    for fragment in (site / "pagefind" / folder / "fragment").glob("*.pf_fragment"):
        if f'"url":"/{page}"'.encode() in gzip.decompress(fragment.read_bytes()):
            return fragment.name.removesuffix(".pf_fragment")
    raise AssertionError(f"{page} is not in pagefind/{folder}")


def test_an_edit_or_a_new_article_re_indexes_only_the_small_bundle_it_lands_in(searchable, capsys):
    content, site = searchable / "content", searchable / "site"
    for i, day in enumerate(["2025-03-02", "2025-04-09", "2025-05-20", "2025-06-11"]):
        (content / f"b{i}.md").write_text(f"---\ntitle: Story {i}\ndate: {day}T09:00:00+00:00\ntags: [Ports]\n---\n\nWord{i}.\n")
    assert build(searchable, capsys) == (0, "")
    assert not [p for p in (site / "pagefind").iterdir() if p.is_dir() and p.name not in ("index", "fragment", "filter")]
    assert listed(site) == {"bundles": [["", ["en"]]], "hidden": []}                      # a clean build: one archive
    archived = entry_of(site, "2025/04/09/b1/")
    before = searched_files(site)
    (content / "b1.md").write_text((content / "b1.md").read_text().replace("Word1.", "Cranes."))      # April
    assert build(searchable, capsys) == (0, "")
    after = searched_files(site)
    assert {bundle_of(p) for p in after if before.get(p) != after[p]} == {"patch", ""}           # the patch, and ...
    assert {p for p in after if bundle_of(p) == "" and before.get(p) != after[p]} == {"pagefind/bundles.json"}  # ... its listing
    assert listed(site) == {"bundles": [["", ["en"]], ["patch/", ["en"]]],
                            "hidden": [[archived, "/2025/04/09/b1/", {"section": ["News"], "tag": ["Ports"], "year": ["2025"]}]]}
    assert entry_of(site, "2025/04/09/b1/", "patch") != archived
    (content / "b9.md").write_text("---\ntitle: Late news of the harbour as the quay reopens\ndate: 2025-06-12T19:00:00+00:00\n---\n\n"
                                   "The storm left the cranes idle.\n")
    before, page = after, site / "2025/06/10/a0/index.html"
    page_before = page.read_bytes()
    assert build(searchable, capsys) == (0, "")
    assert b"Late news" in page.read_bytes() != page_before              # a0's related stories now list it ...
    after = searched_files(site)
    assert {bundle_of(p) for p in after if before.get(p) != after[p]} == {"new-2025-01-01_2025-12-31", ""}   # ... not re-indexed
    assert [folder for folder, _ in listed(site)["bundles"]] == ["", "new-2025-01-01_2025-12-31/", "patch/"]
    (content / "b9.md").unlink()
    (content / "b2.md").unlink()
    assert build(searchable, capsys) == (0, "")
    assert [folder for folder, _ in listed(site)["bundles"]] == ["", "patch/"]
    assert [entry for entry, _, _ in listed(site)["hidden"]] == sorted([archived, entry_of(site, "2025/05/20/b2/")])
    assert filters(site / "pagefind")["tag"] == {"Ports": 3}        # b0, b3 and b1 in the patch: not b2, not b1 twice
    assert not (site / "pagefind" / "new-2025-01-01_2025-12-31").exists()


def test_once_the_small_bundles_outgrow_the_limit_the_archive_is_made_again_of_every_page(searchable, capsys, monkeypatch):
    monkeypatch.setattr(search, "COMPACT_PAGES", 2)
    content, site = searchable / "content", searchable / "site"
    assert build(searchable, capsys) == (0, "")
    for i in range(3):
        (content / f"n{i}.md").write_text(f"---\ntitle: New {i}\ndate: 2025-06-2{i}T09:00:00+00:00\n---\n\nQuay {i}.\n")
        assert build(searchable, capsys) == (0, "")
        counts = {folder: json.loads((site / "pagefind" / folder / "pagefind-entry.json").read_text())["languages"]["en"]["page_count"]
                  for folder, _ in listed(site)["bundles"]}
        assert counts == ({"": 2, "new-2025-01-01_2025-12-31/": i + 1} if i < 2 else {"": 5})
    assert listed(site)["hidden"] == [] and not (site / "pagefind" / "new-2025-01-01_2025-12-31").exists()


def test_the_archive_is_cut_in_parts_and_made_again_only_where_its_pages_changed(searchable, capsys, monkeypatch):
    monkeypatch.setattr(search, "ARCHIVE_PAGES", 2)
    monkeypatch.setattr(search, "COMPACT_PAGES", 1)
    content, site = searchable / "content", searchable / "site"
    for i, day in enumerate(["2025-03-02", "2025-04-09", "2025-05-20", "2025-06-13"]):
        (content / f"b{i}.md").write_text(f"---\ntitle: Story {i}\ndate: {day}T09:00:00+00:00\n---\n\nWord{i}.\n")
    assert build(searchable, capsys) == (0, "")
    parts = ["", "2025-05-20_2025-06-10/", "2025-06-11_2025-06-13/"]     # b0 b1 | b2 a0 | a1 b3, the oldest at pagefind/
    assert [folder for folder, _ in listed(site)["bundles"]] == parts
    before = searched_files(site)
    for i in range(2):
        (content / f"n{i}.md").write_text(f"---\ntitle: New {i}\ndate: 2025-06-2{i}T09:00:00+00:00\n---\n\nQuay {i}.\n")
        assert build(searchable, capsys) == (0, "")
    assert [folder for folder, _ in listed(site)["bundles"]] == [*parts, "2025-06-20_2025-06-21/"]   # n0 n1: a new part
    after = searched_files(site)
    assert {p: t for p, t in after.items() if bundle_of(p) in ("2025-05-20_2025-06-10", "2025-06-11_2025-06-13")} == \
        {p: t for p, t in before.items() if bundle_of(p) in ("2025-05-20_2025-06-10", "2025-06-11_2025-06-13")}   # kept
    assert not [p for p in after if bundle_of(p).startswith("new-")]


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.dates(date(2024, 1, 1), date(2025, 12, 31)).map(lambda d: f"{d:%Y/%m/%d}/p/index.html"),
                       st.sampled_from("abc"), min_size=1, max_size=30),
       st.dictionaries(st.dates(date(2024, 1, 1), date(2025, 12, 31)).map(lambda d: f"{d:%Y/%m/%d}/p/index.html"),
                       st.sampled_from("abc"), max_size=30), st.integers(1, 40), st.integers(1, 8))
def test_every_page_is_found_once_in_its_text_of_now(archived, indexed, limit, part):
    laid = search.layout(indexed, archived, limit, part)
    visible = [(path, (laid.archived if folder in laid.parts else indexed)[path])
               for folder, paths in laid.bundles.items() for path in paths
               if not (folder in laid.parts and path in laid.hidden)]
    assert sorted(visible) == sorted(indexed.items())                                 # each page once, as it is now
    assert list(laid.bundles)[:1] == ([search.BUNDLE] if indexed else [])
    assert [p for f in laid.parts for p in laid.bundles[f]] == sorted(laid.archived)     # the archive in runs by date ...
    assert all(len(laid.bundles[f]) == part for f in laid.parts[:-1]) and len(laid.bundles[laid.parts[-1]]) <= part \
        if laid.parts else not indexed                                                 # ... of `part` from the oldest
    if laid.compacted:
        assert laid.archived == indexed and list(laid.bundles) == list(laid.parts) and not laid.hidden
    else:
        assert laid.archived == archived and sum(len(p) for f, p in laid.bundles.items() if f not in laid.parts) <= limit


def test_an_edit_of_a_body_past_its_lead_indexes_again_its_bundle_alone_without_the_whole_build(searchable, capsys,
                                                                                                monkeypatch):
    """With search on, an edit of bodies alone (retouch.py) makes the article's page and feeds again and has Pagefind
    index the small bundle it lands in again; the ledger then holds that bundle, which the next whole build keeps."""
    from newsdigest import pipeline

    content, site = searchable / "content", searchable / "site"
    lead = " ".join(f"Crane {i} on the north quay was inspected before the season opened." for i in range(12))
    for i, day in enumerate(["2025-03-02", "2025-04-09", "2025-05-20", "2025-06-11"]):
        (content / f"b{i}.md").write_text(f"---\ntitle: Story {i}\ndate: {day}T09:00:00+00:00\n---\n\n{lead} Word{i}.\n")
    assert build(searchable, capsys) == (0, "")
    (content / "b3.md").write_text((content / "b3.md").read_text() + "\nThe quay was swept.\n")   # a patch already
    assert build(searchable, capsys) == (0, "")
    before = searched_files(site)
    calls, real = [], pipeline._build
    monkeypatch.setattr(pipeline, "_build", lambda *a: (calls.append(1), real(*a))[1])
    (content / "b1.md").write_text((content / "b1.md").read_text() + "\nThe cranes were repainted in blue.\n")   # April
    assert build(searchable, capsys) == (0, "")
    assert calls == []
    assert "repainted" in (site / "2025/04/09/b1/index.html").read_text(encoding="utf-8")
    after = searched_files(site)
    rewritten = {p for p in after if before.get(p) != after[p]} | (before.keys() - after.keys())
    assert {bundle_of(p) for p in rewritten} == {"patch", ""}
    assert {p for p in rewritten if bundle_of(p) == ""} == {"pagefind/bundles.json"}
    assert json.loads((site / "pagefind" / "patch" / "pagefind-entry.json").read_text())["languages"]["en"]["page_count"] == 2
    assert len(listed(site)["hidden"]) == 2
    kept = {p: p.stat().st_mtime_ns for p in (site / "pagefind").rglob("*") if p.is_file()}
    (searchable / "layouts" / "404.html").write_text((searchable / "layouts" / "404.html").read_text() + "\n")
    assert build(searchable, capsys) == (0, "")
    assert calls == [1] and {p: p.stat().st_mtime_ns for p in (site / "pagefind").rglob("*") if p.is_file()} == kept


def test_each_bundle_is_listed_with_the_languages_it_was_indexed_in(searchable, capsys):
    """An article whose language changes after the archive was indexed is found in the patch's index of its new
    language; the archive's part is still listed with the languages it holds (a language it has no index for would
    make Pagefind merge another of its indexes twice)."""
    content, site = searchable / "content", searchable / "site"
    assert build(searchable, capsys) == (0, "")
    (content / "a0.md").write_text((content / "a0.md").read_text().replace("category:", "lang: de\ncategory:", 1))
    assert build(searchable, capsys) == (0, "")
    assert 'lang="de"' in (site / "2025/06/10/a0/index.html").read_text(encoding="utf-8")
    assert listed(site)["bundles"] == [["", ["en"]], ["patch/", ["de"]]]
    assert [url for _, url, _ in listed(site)["hidden"]] == ["/2025/06/10/a0/"]


def test_an_edit_past_the_lead_after_a_removal_takes_the_quick_path(searchable, capsys, monkeypatch):
    """The archive's parts still list the pages removed since: the quick edit path (retouch.py) keeps them as they
    are and indexes the patch."""
    from newsdigest import pipeline

    content, site = searchable / "content", searchable / "site"
    lead = " ".join(f"Crane {i} on the north quay was inspected before the season opened." for i in range(12))
    for i, (day, word) in enumerate([("2025-03-02", "zorpwick"), ("2025-04-05", "gandelmoor"), ("2025-05-07", "fizzleton")]):
        (content / f"b{i}.md").write_text(f"---\ntitle: Story {i}\ndate: {day}T09:00:00+00:00\n---\n\n{lead} {word}.\n")
    assert build(searchable, capsys) == (0, "")
    (content / "b0.md").unlink()
    assert build(searchable, capsys) == (0, "")
    calls, real = [], pipeline._build
    monkeypatch.setattr(pipeline, "_build", lambda *a: (calls.append(1), real(*a))[1])
    (content / "b1.md").write_text((content / "b1.md").read_text().replace("gandelmoor", "quimblestaff"))
    assert build(searchable, capsys) == (0, "") and calls == []
    assert sorted(url for _, url, _ in listed(site)["hidden"]) == ["/2025/03/02/b0/", "/2025/04/05/b1/"]
    assert "quimblestaff" in (site / "2025/04/05/b1/index.html").read_text(encoding="utf-8")
    entry = entry_of(site, "2025/04/05/b1/", "patch")
    assert b"quimblestaff" in gzip.decompress((site / "pagefind" / "patch" / "fragment" / f"{entry}.pf_fragment").read_bytes())


def test_a_bundle_removed_by_hand_is_made_again_by_the_next_build_that_changes_anything(searchable, capsys, monkeypatch):
    monkeypatch.setattr(search, "ARCHIVE_PAGES", 1)
    content, site = searchable / "content", searchable / "site"
    assert build(searchable, capsys) == (0, "")
    (content / "a0.md").write_text((content / "a0.md").read_text().replace("Body.", "Cranes."))
    assert build(searchable, capsys) == (0, "")
    assert [folder for folder, _ in listed(site)["bundles"]] == ["", "2025-06-11_2025-06-11/", "patch/"]
    for gone, edit in (("patch", "a1"), ("2025-06-11_2025-06-11", "a1")):   # the patch, then a part of the archive
        shutil.rmtree(site / "pagefind" / gone)
        (content / f"{edit}.md").write_text((content / f"{edit}.md").read_text() + "\nMore.\n")
        assert build(searchable, capsys) == (0, "")
        assert all((site / "pagefind" / f / "pagefind-entry.json").is_file() for f, _ in listed(site)["bundles"])
        assert gone + "/" in [folder for folder, _ in listed(site)["bundles"]]
