"""Seeds a careless or hostile operator's folder holds (issue 29): bounded work per pair of seeds, no content
file the build then rejects, long prose that renders, stray control bytes removed, dates however a page's meta
tags name them. On text written for these tests."""

from __future__ import annotations

import os
import random
from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from newsdigest.cli import main
from newsdigest.content import load_article, split_document
from newsdigest.ingest import duplicates
from newsdigest.ingest.duplicates import CANDIDATES, WINDOW, NearDuplicates, similarity
from newsdigest.ingest.html import convert_html
from newsdigest.ingest.parse import Rules
from newsdigest.markdown import make_markdown

WORDS = ("harbour ferry council budget river bridge tram school water price rain storm market vote strike crew "
         "island timetable road rail port station village festival museum library clinic farm orchard").split()
STORY = """\
Harbour ferry crews agree new rosters after two-day talks

By Ines Calder
2 May 2026, 09:30 GMT

Crews on the island ferries accepted new rosters on Thursday after two days of talks with the operator, ending a
dispute that had threatened the summer timetable.

The agreement keeps two fixed weekends a month for every crew member and adds a third crossing on Saturdays from
June, the operator said in a statement.

Union officials said members had voted by a large margin to accept the offer, which also raises overtime pay for
crossings that start before six in the morning.

The operator said the new timetable would be published next week and that tickets for the extra crossings would go
on sale at the start of May.
"""


def build(project: Path) -> tuple[int, str, str]:
    from io import StringIO
    import contextlib

    out, err = StringIO(), StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["--config", str(project / "config.yaml"), "--now", "2027-01-01T00:00:00+00:00"])
    return status, out.getvalue(), err.getvalue()


def prose(words: int, seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(words))


# ---- 1. the near-duplicate check: bounded per pair, a fixed number of comparisons a seed ---------------------


@pytest.fixture
def comparisons(monkeypatch) -> list[tuple[int, int]]:
    """The lengths of the two word lists of every word-by-word comparison the check makes."""
    seen: list[tuple[int, int]] = []
    real = duplicates.SequenceMatcher

    def counting(junk, a, b, autojunk):
        seen.append((len(a), len(b)))
        return real(junk, a, b, autojunk=autojunk)

    monkeypatch.setattr(duplicates, "SequenceMatcher", counting)
    return seen


def test_two_articles_of_a_megabyte_are_compared_on_a_bounded_window(comparisons):
    long = prose(200_000, 1)   # about 1.3 MB of words
    index = NearDuplicates()
    index.add("seeds/long.txt", long)
    copy = long.replace(long[5000:5200], "a sentence the second copy changed here")
    assert index.match(copy) == ("seeds/long.txt", pytest.approx(0.97, abs=0.02))
    assert comparisons and all(a <= WINDOW and b <= WINDOW for a, b in comparisons)


def test_an_article_with_the_same_opening_but_twice_as_long_is_not_a_duplicate():
    opening = prose(3000, 2)
    assert similarity(opening, opening + " " + prose(3000, 3)) < 0.9
    assert similarity(STORY, STORY.replace("two days of talks", "two long days of hard talks")) > 0.9


def test_a_folder_of_lookalike_seeds_costs_a_fixed_number_of_comparisons_a_seed(comparisons):
    """Forty texts that share their opening (the same 1.5 MB line pasted under each) but differ after it: each
    is compared with at most CANDIDATES others, not with every one before it."""
    shared = prose(400, 4)
    index = NearDuplicates()
    for n in range(40):
        text = shared + " " + prose(2000, 100 + n)
        before = len(comparisons)
        assert index.match(text) is None
        assert len(comparisons) - before <= CANDIDATES
        index.add(f"seeds/{n}.txt", text)


# ---- 2. whatever ingestion writes, the loader accepts ---------------------------------------------------------


def test_a_saved_page_that_shows_no_date_gets_the_files_time_and_loads(project, monkeypatch):
    """Its markup dates nothing and the copied-text reader cannot read its text (as a truncated or mislabelled
    page's): it is dated from the file, and the content file loads."""
    import newsdigest.ingest.html as html
    from newsdigest.ingest.parse import NotAnArticle

    def cannot_read(*args, **kwargs):
        raise NotAnArticle("no paragraph of prose in it")

    monkeypatch.setattr(html, "parse_seed", cannot_read)
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY.split("\n\n")[3:])
    seed = project / "seeds" / "rosters.html"
    seed.write_text(f"<html><head><title>Ferry rosters</title></head><body><div>{paragraphs}</div></body></html>",
                    encoding="utf-8")
    stamp = datetime(2026, 5, 2, 9, 30, tzinfo=timezone.utc).timestamp()
    os.utime(seed, (stamp, stamp))
    status, out, err = build(project)
    assert status == 0, err
    [made] = (project / "content").glob("*.md")
    meta, _, _ = split_document(made.read_text(encoding="utf-8"), made.name)
    assert meta["date_from"] == "file" and meta["date"].date() == date(2026, 5, 2)
    assert meta["id"].startswith("tag:example.org,2026-05-02:") and "date" in meta["review"]
    assert "seeds/rosters.html: the page shows no date" in err


def test_a_headline_and_a_dek_of_a_megabyte_are_cut_and_the_file_still_loads(project):
    huge, long = "Ferry " * 200_000, "Ferryboats " * 50
    page = (f'<html><head><meta property="og:title" content="{long}"><meta name="description" content="{huge}">'
            f'<meta name="twitter:title" content="{huge}"></head><body>{"".join(f"<p>{p}</p>" for p in STORY.split(chr(10) + chr(10))[2:])}</body></html>')
    (project / "seeds" / "huge-title.html").write_text(page, encoding="utf-8")
    status, out, err = build(project)
    assert status == 0, err
    [made] = (project / "content").glob("*.md")
    meta, _, _ = split_document(made.read_text(encoding="utf-8"), made.name)
    assert len(meta["title"]) <= 301 and meta["title"].endswith("…") and len(meta["dek"]) <= 2001


# ---- 3. a long body of ordinary prose renders ---------------------------------------------------------------


def test_a_long_body_of_ordinary_prose_renders():
    body = "\n\n".join(STORY.split("\n\n")[2:]) + "\n\n"
    text = "---\ntitle: Rosters\ndate: 2026-05-02\n---\n\n" + body * (1_200_000 // len(body))
    article = load_article(text.encode("utf-8"), "content/long.md", ZoneInfo("UTC"), make_markdown("https://example.org/"))
    assert article.words > 150_000


def test_a_long_paragraph_of_escaped_characters_renders():
    """Markdown's slowest ordinary text: every character escaped (a page of '&' and '*'), at a megabyte."""
    text = "---\ntitle: Entities\ndate: 2026-05-02\n---\n\n" + "\\& \\* price \\[1\\] " * 60_000
    article = load_article(text.encode("utf-8"), "content/escaped.md", ZoneInfo("UTC"), make_markdown("https://example.org/"))
    assert article.body_html.count("&amp;") == 60_000


# ---- 4. stray control bytes are removed; only a file mostly not text is refused --------------------------------


def test_a_seed_with_stray_nul_bytes_is_read_with_them_removed_and_one_warning(project):
    raw = STORY.encode("utf-8")
    middle = raw.index(b"two fixed weekends")
    (project / "seeds" / "nul.txt").write_bytes(raw[:middle] + b"\x00" * 50 + raw[middle:] + b"\x07\x1b")
    status, out, err = build(project)
    assert status == 0, err
    warnings = [line for line in err.splitlines() if "seeds/nul.txt" in line and "no source found" not in line]
    assert warnings == ["warning: seeds/nul.txt: removed 52 characters that are not text (NUL x50, U+0007 x1, U+001B x1); "
                        "check the text where they stood"]
    [made] = (project / "content").glob("*.md")
    text = made.read_text(encoding="utf-8")
    assert "keeps two fixed weekends" in text and "\x00" not in text


def test_only_a_seed_that_is_mostly_not_text_is_refused_in_one_line(project):
    (project / "seeds" / "ok.txt").write_bytes(random.Random(6).randbytes(1500) + STORY.encode("utf-8") * 4)
    (project / "seeds" / "noise.txt").write_bytes(random.Random(5).randbytes(20_000))
    (project / "seeds" / "half.txt").write_bytes(b"\x00\x01" * 2000 + STORY.encode("utf-8"))
    (project / "seeds" / "blank.html").write_bytes(b" \r\n\t \n")
    status, out, err = build(project)
    assert status == 1
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert errors == ["error: seeds/blank.html: empty file: save the page again, or delete it",
                      "error: seeds/half.txt: binary file, not text: save it as UTF-8 text",
                      "error: seeds/noise.txt: binary file, not text: save it as UTF-8 text"]
    assert len(list((project / "content").glob("*.md"))) == 1


# ---- 5. a date however a page's meta tags name it ----------------------------------------------------------------


@pytest.mark.parametrize("tag", ['<meta name="field-name-post-date" content="2019/11/19">',
                                 '<meta name="sailthru.date" content="2019-11-19 07:30:00">',
                                 '<meta property="DC.date.issued" content="2019-11-19">',
                                 '<meta name="parsely-pub-date" content="2019-11-19T07:30:00Z">'])
def test_a_publication_date_in_any_meta_tag_dates_the_page(tag):
    page = (f'<html><head><title>Ferry rosters agreed</title>{tag}<meta name="msvalidate.01" content="2024-01-01">'
            f'<meta name="last-modified" content="2020-02-02"></head><body><h1>Harbour ferry crews agree new rosters</h1>'
            f'{"".join(f"<p>{p}</p>" for p in STORY.split(chr(10) + chr(10))[2:])}</body></html>')
    got = convert_html(page.encode("utf-8"), "seeds/page.html", Rules(zone="UTC"), None)[0]
    day = got.date.date() if isinstance(got.date, datetime) else got.date
    assert day == date(2019, 11, 19) and got.date_from == ""
