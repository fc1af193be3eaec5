"""How well ingestion reads real pages: body, headline, authors and date against ground truth.

    python3 -m training.extraction [../shared/realpages ../shared/modernpages] [--quick] [--show KEY]

Reads `text/<key>.txt` (what a reader copies from the page) of each development set as seeds, converts each
with the same code `build.py` uses, and prints body precision, recall and F1 with the benchmark's metric (word
4-gram shingles per page, normalised per page, precision and recall averaged over pages, F1 of the averages),
headlines, authors and dates right, pages refused and seeds per second; then the same figures held out: every
site read with numbers fitted on other sites only (training/fit.py, sites dealt into FOLDS groups over both sets).
Nothing here is a test; tests/test_extraction_ratchet.py checks the figures against training/ratchet.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import sys
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsdigest.ingest import convert_seed  # noqa: E402
from newsdigest.ingest.dates import CALENDAR  # noqa: E402
from newsdigest.ingest.parse import Rules  # noqa: E402
from newsdigest.markdown import make_markdown  # noqa: E402

TOKEN = re.compile(r"\w+")
SPACES = re.compile(r"\s+")
QUOTES = str.maketrans("‘’‚‛“”„‟", "''''\"\"\"\"")
TAG = re.compile(r"<[^>]+>")
_MD = make_markdown("https://example.org/")


SETS = (REPO.parent / "shared" / "realpages", REPO.parent / "shared" / "modernpages")
"""The development sets, read when no folder is named."""


@dataclass(frozen=True)
class Page:
    key: str
    site: str
    set: str
    """The development set's folder name ('realpages', 'modernpages')."""
    raw: bytes
    truth: dict
    file_time: datetime
    """The text file's modification time, as a seed's would be."""
    date_shown: bool
    """The copied text shows the true date (shows_date)."""
    html: bytes = b""
    """The saved page (html/<key>.html.gz, decompressed), for the HTML rows."""
    title_shown: bool = False
    """One of the true headlines is a line of the copied text (shows_title)."""
    authors_shown: bool = False
    """Every true author's name stands in the copied text, its words in a row (shows_authors)."""


@dataclass(frozen=True)
class Result:
    """What ingestion made of one page, scored."""

    key: str
    site: str
    refused: str
    """The error line when the page was refused, else ''."""
    tp_fp_fn: tuple[float, float, float]
    title_right: bool | None
    """None when the truth has no headline."""
    date_right: bool | None
    """None when the truth has no date."""
    date_shown: bool
    """The copied text shows the true date."""
    title: str
    date: str
    review: tuple[str, ...]
    set: str = ""
    authors_right: bool | None = None
    """None when the truth names no author."""
    authors: tuple[str, ...] = ()
    title_shown: bool = False
    authors_shown: bool = False
    doubts: dict = field(default_factory=dict)
    """Each field's review features as read (Parsed.doubts), for fitting the review marks."""
    date_from: str = ""
    """Where the date came from (Parsed.date_from): '' when the page shows it."""
    unsigned: bool = False
    """The truth says the page names no author (null: modernpages; realpages' truth has no authors at all)."""


def load(root: Path, html: bool = True) -> list[Page]:
    """The pages of one development set (with their saved HTML when `html`)."""
    truth = json.loads((root / "truth.json").read_text(encoding="utf-8"))
    pages = []
    for key, t in sorted(truth.items()):
        t["date"] = _iso_day(t["date"])
        path = root / "text" / f"{key}.txt"
        raw = path.read_bytes()
        text = raw.decode("utf-8", "replace")
        saved = root / "html" / f"{key}.html.gz"
        pages.append(Page(key, urlsplit(t["url"]).hostname or "", root.name, raw, t,
                          datetime.fromtimestamp(path.stat().st_mtime, timezone.utc),
                          bool(t["date"]) and shows_date(text, t["date"]),
                          gzip.decompress(saved.read_bytes()) if html and saved.is_file() else b"",
                          shows_title(text, t["titles"]), bool(t.get("authors")) and shows_authors(text, t["authors"])))
    return pages


def _iso_day(text: str | None) -> str | None:
    """A truth's date as ISO 8601 ('Jan 17, 2025' in one modern page's truth)."""
    if not text or re.match(r"\d{4}-\d\d-\d\d", text):
        return text
    try:
        return datetime.strptime(text, "%b %d, %Y").date().isoformat()
    except ValueError:
        return None


def shingles(text: str, n: int = 4) -> Counter:
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def match(true: str, pred: str) -> tuple[float, float, float]:
    """(tp, fp, fn) of word 4-gram shingles, normalised to sum to 1 for the page."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def body_scores(results: list[Result]) -> tuple[float, float, float]:
    """Precision and recall averaged over pages (as the benchmark does), and their F1."""
    def ratio(a: float, b: float, other: float) -> float:
        if b == other == 0:
            return 1.0
        return a / (a + b) if a + b else 0.0
    triples = [r.tp_fp_fn for r in results]
    precision = statistics.mean([ratio(tp, fp, fn) for tp, fp, fn in triples if tp + fp > 0] or [0.0])
    recall = statistics.mean([ratio(tp, fn, fp) for tp, fp, fn in triples if tp + fn > 0] or [0.0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def plain(markdown: str) -> str:
    """The content file's Markdown rendered, as text."""
    import html
    return html.unescape(TAG.sub(" ", _MD.render(markdown)))


def _norm(s: str) -> str:
    return SPACES.sub(" ", s.translate(QUOTES)).strip().lower()


def same_title(got: str, titles: list[str]) -> bool:
    return _norm(got) in {_norm(t) for t in titles}


def shows_title(text: str, titles: list[str]) -> bool:
    """Whether one of the true headlines is a whole line of the copied text."""
    wanted = {_norm(t) for t in titles}
    return any(_norm(line) in wanted for line in text.splitlines())


def _name_pattern(name: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, name.lower().split())) + r"(?!\w)")


def shows_authors(text: str, truth: list[str]) -> bool:
    """Whether the copied text shows every true author's name, its words in a row."""
    low = _norm(text)
    return all(_name_pattern(name).search(low) for name in truth)


def truth_day(truth: str) -> date:
    """The truth's date as a day: ISO 8601 ('2019-11-19', '2019-11-19T12:48:14+00:00', '2013-08-22 21:43:53
    UTC'), or the one page whose truth spells it out ('Jan 17, 2025')."""
    try:
        return date.fromisoformat(truth[:10])
    except ValueError:
        return datetime.strptime(truth.strip(), "%b %d, %Y").date()


def same_day(got: date | datetime | None, truth: str) -> bool:
    if got is None:
        return False
    want = truth_day(truth)
    day = got.date() if isinstance(got, datetime) else got
    return abs(day - want) <= timedelta(days=1)


def shows_date(text: str, truth: str) -> bool:
    """Whether the copied text shows the true day (a day either way for zones) in a form a reader would know:
    numeric (2019-11-19, 19/11/2019, 11/19/19, 2019.11.19, 2019年11月19日) or with the month's name in any
    CLDR language ('Nov. 19, 2019', '19 de novembro de 2019'), or as 'Nov 19' on a page that names the year.
    Written apart from the parser, so the parser cannot define what it is scored on."""
    want = truth_day(truth)
    if want.year < 1900:   # 0001-01-01: a page's placeholder, no date at all
        return False
    for day in (want - timedelta(days=1), want, want + timedelta(days=1)):
        y, m, d = day.year, day.month, day.day
        numeric = [f"{y}-{m:02d}-{d:02d}", f"{y}.{m:02d}.{d:02d}", f"{y}/{m:02d}/{d:02d}", f"{y}. {m}. {d}",
                   f"{y}年{m}月{d}日", f"{y}年{m:02d}月{d:02d}日", f"{y}년 {m}월 {d}일"]
        for a, b in ((d, m), (m, d)):
            for sep in "/.-":
                numeric += [f"{a}{sep}{b}{sep}{y}", f"{a:02d}{sep}{b:02d}{sep}{y}", f"{a}{sep}{b}{sep}{y % 100:02d}",
                            f"{a:02d}{sep}{b:02d}{sep}{y % 100:02d}"]
        if any(re.search(rf"(?<![\d]){re.escape(n)}(?![\d])", text) for n in numeric):
            return True
        names = "|".join(re.escape(n) for n, month in CALENDAR["months"].items() if month == m)
        named = [rf"(?<![^\W\d_])(?:{names})\.?\s*0?{d}(?:st|nd|rd|th)?\b,?\s*(?:de\s+)?{y}",
                 rf"(?<!\d)0?{d}(?:st|nd|rd|th|er)?\.?\s*(?:de\s+|of\s+)?(?:{names})\.?,?\s*(?:de\s+|del\s+)?{y}"]
        if any(re.search(p, text, re.I) for p in named):
            return True
        if str(y) in text and re.search(rf"(?<![^\W\d_])(?:{names})\.?\s*0?{d}\b(?!\d)", text, re.I):
            return True
    return False


def read_page(page: Page, rules: Rules) -> Result:
    """One copied page read as a seed, scored."""
    converted, _ = convert_seed(page.raw, f"seeds/{page.key}.txt", rules, page.file_time)
    return score(page, converted)


def score(page: Page, converted) -> Result:
    """A conversion (Parsed, or the error that refused it) against the page's truth."""
    truth = page.truth
    if isinstance(converted, Exception):
        return Result(page.key, page.site, str(converted), match(truth["articleBody"], ""),
                      False if truth["titles"] else None, False if truth["date"] else None, page.date_shown, "", "", (),
                      page.set, False if truth.get("authors") else None, (), page.title_shown, page.authors_shown)
    return Result(
        page.key, page.site, "", match(truth["articleBody"], converted.body if getattr(converted, "plain", False)
                                       else plain(converted.body)),
        same_title(converted.title, truth["titles"]) if truth["titles"] else None,
        same_day(converted.date, truth["date"]) if truth["date"] else None,
        page.date_shown,
        converted.title, str(converted.date), tuple(getattr(converted, "review", ())),
        page.set, same_authors(converted.authors, truth["authors"]) if truth.get("authors") else None,
        tuple(converted.authors), page.title_shown, page.authors_shown, dict(getattr(converted, "doubts", {})),
        getattr(converted, "date_from", ""), "authors" in truth and not truth["authors"],
    )


def read_all(pages: list[Page], rules: Rules) -> tuple[list[Result], float]:
    """Every copied page read and scored, and pages per second."""
    started = time.perf_counter()
    results = [read_page(page, rules) for page in pages]
    return results, len(pages) / (time.perf_counter() - started)


def summary(results: list[Result]) -> dict:
    precision, recall, f1 = body_scores(results)
    titled = [r for r in results if r.title_right is not None]
    dated = [r for r in results if r.date_right is not None]
    signed = [r for r in results if r.authors_right is not None]
    return {
        "pages": len(results),
        "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
        "titles_right": sum(bool(r.title_right) for r in titled), "titles": len(titled),
        "shown_titles_right": sum(bool(r.title_right) for r in titled if r.title_shown),
        "shown_titles": sum(r.title_shown for r in titled),
        "dates_right": sum(bool(r.date_right) for r in dated), "dates": len(dated),
        "shown_dates_right": sum(bool(r.date_right) for r in dated if r.date_shown),
        "shown_dates": sum(r.date_shown for r in dated),
        "authors_right": sum(bool(r.authors_right) for r in signed), "authors": len(signed),
        "shown_authors_right": sum(bool(r.authors_right) for r in signed if r.authors_shown),
        "shown_authors": sum(r.authors_shown for r in signed),
        "refused": sum(bool(r.refused) for r in results),
    }


REVIEWED = (("title", lambda r: r.title_right is False),
            ("authors", lambda r: r.authors_right is False),
            ("date", lambda r: r.date_right is False),
            ("body", lambda r: _f1(r) < 0.8))
"""What counts as wrong for each field whose review marks are scored (a body below F1 0.8)."""


def review_figures(results: list[Result]) -> dict:
    """For each field: pages marked, wrong ones, wrong ones marked."""
    out = {}
    for name, wrong in REVIEWED:
        errors = [r for r in results if wrong(r) and not r.refused]
        out[name] = {"pages": len(results), "marked": sum(name in r.review for r in results),
                     "wrong": len(errors), "wrong_marked": sum(name in r.review for r in errors)}
    return out


def review_quality(results: list[Result]) -> str:
    """How well the review marks point at the errors: for each field, the share of pages marked and how many of
    the wrong ones were marked (issue 23 asks >= 80% of wrong headlines marked with <= 15% of pages marked)."""
    parts = []
    for name, f in review_figures(results).items():
        parts.append(f"{name}: {f['marked']} marked ({f['marked'] / max(1, f['pages']):.0%} of pages), "
                     f"{f['wrong_marked']} of {f['wrong']} wrong ones among them")
    return "review marks: " + "; ".join(parts)


def _f1(r: Result) -> float:
    tp, fp, fn = r.tp_fp_fn
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def table(label: str, s: dict, rate: float | None = None) -> str:
    def pair(right: str, of: str) -> str:
        return f"{s[right]}/{s[of]}" if s[of] else "–"
    row = (f"| {label} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | "
           f"{pair('titles_right', 'titles')} | {pair('shown_titles_right', 'shown_titles')} | "
           f"{pair('authors_right', 'authors')} | {pair('shown_authors_right', 'shown_authors')} | "
           f"{pair('dates_right', 'dates')} | {pair('shown_dates_right', 'shown_dates')} | {s['refused']} |")
    return row + (f" {rate:,.0f} |" if rate else " |")


def worst(results: list[Result], n: int) -> list[str]:
    """The n pages with the lowest body F1, with their title and date verdicts."""
    return [f"{r.key[:12]} {r.site:28} F1={_f1(r):.2f} P={r.tp_fp_fn[0] / (r.tp_fp_fn[0] + r.tp_fp_fn[1]) if r.tp_fp_fn[0] + r.tp_fp_fn[1] else 0:.2f} "
            f"R={r.tp_fp_fn[0] / (r.tp_fp_fn[0] + r.tp_fp_fn[2]) if r.tp_fp_fn[0] + r.tp_fp_fn[2] else 0:.2f} "
            f"title={'ok' if r.title_right else repr(r.title[:40])} date={'ok' if r.date_right else r.date[:10]} {r.refused[:40]}"
            for r in sorted(results, key=_f1)[:n]]


def failures(results: list[Result]) -> list[str]:
    """A line per page whose headline, authors or date is wrong, with what was read."""
    return [f"{r.key[:12]} {r.site:28} title={'ok' if r.title_right else repr(r.title[:60])}"
            f"{'' if r.title_shown or r.title_right else ' (not shown)'} "
            f"authors={'ok' if r.authors_right in (True, None) else list(r.authors)} "
            f"date={'ok' if r.date_right in (True, None) else r.date}{'' if r.date_shown or r.date_right in (True, None) else ' (not shown)'}"
            f" {'review=' + ','.join(r.review) if r.review else ''} {r.refused[:80]}"
            for r in results if r.refused or r.title_right is False or r.date_right is False or r.authors_right is False]


HEADER = ("| run | body precision | body recall | body F1 | headlines | headlines shown as a line | authors "
          "| authors where shown | dates | dates where shown | refused | seeds/s |\n"
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")


RATCHET = Path(__file__).resolve().parent / "ratchet.json"
"""The floors tests/test_extraction_ratchet.py holds the parser to; `--ratchet` raises them."""
RATCHETED = ("f1", "titles_right", "shown_titles_right", "authors_right", "shown_authors_right", "dates_right",
             "shown_dates_right")
"""Body F1 (not precision and recall apart: a change may trade one for the other), headlines, authors, dates."""


def figures(roots: list[Path], held_out: bool = True, html: bool = True, trafilatura: bool = True,
            fit_all: bool = False) -> dict:
    """Everything the ratchet checks, per development set: the shipped numbers on every page ('text'), the saved
    pages ('html', with the authors' figures of saved_page_summary), and, with `held_out`, each site read with
    numbers fitted on other sites only ('held_out'), and beside the sets, 'review_fit': the review marks' models
    fitted on those readings (training.fit.fit_review); with `fit_all` too, 'fit': params.json as fitted on every
    page (training.fit.fit; the pages are loaded and labelled once for all of these)."""
    out: dict = {}
    every: list[Page] = []
    for root in roots:
        pages = load(root, html)
        every += pages
        results, rate = read_all(pages, Rules(zone="UTC"))
        found = out[root.name] = {"text": summary(results), "seeds_per_second": round(rate),
                                  "review": review_figures(results)}
        if html and any(p.html for p in pages):
            scored, rate = saved_page_results(pages, Rules(zone="UTC"))
            found["html"], found["html_pages_per_second"] = saved_page_summary(scored), round(rate)
            if trafilatura:
                theirs, rate = trafilatura_saved_pages(pages)
                found["trafilatura"], found["trafilatura_pages_per_second"] = saved_page_summary(theirs), round(rate)
    if held_out:
        from training.fit import fit, fit_review, held_out as leave_sites_out, review_held_out, samples   # numpy: the fit's
        labelled = samples(every)
        if fit_all:
            out["fit"] = fit(labelled)
        read = leave_sites_out(labelled, review=False)
        out["review_fit"] = fit_review(read)   # what `python3 -m training.fit --review` would write (data/review.json)
        results = review_held_out(read)
        for root in roots:
            mine = [r for r in results if r.set == root.name]
            out[root.name]["held_out"] = summary(mine)
            out[root.name]["held_out_review"] = review_figures(mine)
    return out


def raise_ratchet(found: dict) -> dict:
    """The recorded floors, each raised to what was found now (never lowered)."""
    floors = json.loads(RATCHET.read_text(encoding="utf-8")) if RATCHET.exists() else {}
    for name, parts in found.items():
        if "text" not in parts:   # not a development set's figures ('review_fit')
            continue
        mine = floors.setdefault(name, {})
        for part in ("text", "held_out", "html"):
            if part in parts:
                old = mine.get(part, {})
                mine[part] = {k: max(old.get(k, 0), parts[part][k]) for k in RATCHETED}
    floors["about"] = floors.get("about") or ("Floors for tests/test_extraction_ratchet.py on each development set of ../shared: the shipped "
                       "numbers on every copied page ('text'), each site read with numbers fitted on other sites only "
                       "('held_out'), and the saved pages ('html'). Raised by `python3 -m training.extraction --ratchet`; "
                       "never lowered by hand.")
    RATCHET.write_text(json.dumps(dict(sorted(floors.items())), indent=1) + "\n", encoding="utf-8")
    return floors


def report(found: dict, roots: list[Path]) -> str:
    """The figures as Markdown: a table per development set, then the review marks."""
    out = []
    for root in roots:
        f = found[root.name]
        out += [f"### {root.name}: {f['text']['pages']} pages, copied text (`text/`)", "", HEADER,
                table("shipped numbers, every page", f["text"], f["seeds_per_second"])]
        if "held_out" in f:
            out.append(table("**held out: each site read with numbers fitted on other sites**", f["held_out"]))
        if "html" in f:
            out.append(table("saved pages (`html/`), shipped numbers", f["html"], f["html_pages_per_second"]))
        if "trafilatura" in f:
            out.append(table("saved pages, trafilatura alone (extract + extract_metadata)", f["trafilatura"],
                             f["trafilatura_pages_per_second"]))
        out += ["", "review marks, shipped: " + _marks(f["review"])]
        if "held_out_review" in f:
            out.append("review marks, held out: " + _marks(f["held_out_review"]))
        out.append("")
    return "\n".join(out)


def _marks(figures: dict) -> str:
    return "; ".join(f"{field}: {f['marked']} marked ({f['marked'] / max(1, f['pages']):.0%} of pages), "
                     f"{f['wrong_marked']} of {f['wrong']} wrong ones among them" for field, f in figures.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("roots", type=Path, nargs="*", default=list(SETS),
                        help="development sets (truth.json, text/, html/); both of ../shared when none is named")
    parser.add_argument("--show", metavar="KEY", help="print what one page became")
    parser.add_argument("--failures", action="store_true", help="list pages whose headline, authors or date is wrong")
    parser.add_argument("--worst", type=int, metavar="N", help="list the N pages with the lowest body F1")
    parser.add_argument("--quick", action="store_true", help="copied text only, shipped numbers: no saved pages, "
                                                             "no held-out run (for a first look; not a result)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--ratchet", action="store_true", help="raise training/ratchet.json to the figures found")
    parser.add_argument("--saved-pages", nargs="*", type=Path, metavar="ROOT",
                        help="only the saved pages (html/) of root and of these other sets, ours and trafilatura alone")
    parser.add_argument("--saved-speed", type=int, metavar="N",
                        help="saved-page ingestion speed over N seeds made from root's (and --saved-pages') html/")
    parser.add_argument("--saved-failures", metavar="FIELD", choices=("title", "date", "authors", "body", "refused"),
                        help="list the saved pages whose FIELD we get wrong")
    args = parser.parse_args(argv)
    rules = Rules(zone="UTC")
    saved = list(dict.fromkeys([*args.roots, *(args.saved_pages or [])]))   # the roots, and the other sets named
    if args.saved_failures:
        print("\n".join(line for root in saved for line in saved_page_failures(root, args.saved_failures)))
        return 0
    if args.saved_speed:
        print(json.dumps(saved_page_speed(saved, args.saved_speed)))
        return 0
    if args.saved_pages is not None:
        print(SAVED_HEADER)
        found, alone = {}, {}
        for root in saved:
            both, rows = saved_page_rows(root)
            found[root.name], alone[root.name] = both["ours"], both["trafilatura"]
            print(rows)
        if args.ratchet:
            raise_saved_ratchet(found, alone)
        return 0
    if args.show:
        page = next(p for root in args.roots for p in load(root, False) if p.key.startswith(args.show))
        converted, _ = convert_seed(page.raw, f"seeds/{page.key}.txt", rules, page.file_time)
        print(converted if isinstance(converted, Exception) else _dump(converted))
        return 0
    if args.failures or args.worst:
        results, _ = read_all([p for root in args.roots for p in load(root, False)], rules)
        print("\n".join(worst(results, args.worst) if args.worst else failures(results)))
        return 0
    found = figures(args.roots, held_out=not args.quick, html=not args.quick)
    if args.ratchet:
        raise_ratchet(found)
    if args.json:
        print(json.dumps(found, indent=1))
        return 0
    print(report(found, args.roots))
    return 0


# ---- saved pages (html/): ours and trafilatura alone side by side, with authors ---------------------------------


def same_authors(got: list[str], truth: list[str]) -> bool:
    """Every true name's words stand in a row in one of the authors given (the modernpages README's rule)."""
    tokens = [TOKEN.findall(name.lower()) for name in got]
    def stands_in(words: list[str], name: list[str]) -> bool:
        return any(name == words[i:i + len(name)] for i in range(len(words) - len(name) + 1))
    return all(any(stands_in(words, TOKEN.findall(name.lower())) for words in tokens) for name in truth)


def saved_page_results(pages: list[Page], rules: Rules) -> tuple[list[tuple[Result, bool | None]], float]:
    """Our reading of every saved page, scored, with the authors' verdict (None where the truth names nobody or
    has no authors), and pages per second."""
    pages = [p for p in pages if p.html]
    started = time.perf_counter()
    converted = [convert_seed(p.html, f"seeds/{p.key}.html", rules, p.file_time)[0] for p in pages]
    rate = len(pages) / (time.perf_counter() - started)
    return [(score(p, c), _authors_right(p, [] if isinstance(c, Exception) else c.authors))
            for p, c in zip(pages, converted)], rate


def trafilatura_saved_pages(pages: list[Page]) -> tuple[list[tuple[Result, bool | None]], float]:
    """trafilatura 2 alone on the saved pages (extract + extract_metadata: title, date through htmldate, author)."""
    import trafilatura
    from types import SimpleNamespace
    pages = [p for p in pages if p.html]
    started = time.perf_counter()
    out = []
    for page in pages:
        html = page.html.decode("utf-8", "replace")
        body = trafilatura.extract(html) or ""
        meta = trafilatura.extract_metadata(html)
        when = date.fromisoformat(meta.date[:10]) if meta and meta.date else None
        authors = [a.strip() for a in (meta.author or "").split(";") if a.strip()] if meta else []
        out.append((score(page, SimpleNamespace(title=(meta.title if meta else "") or "", date=when, body=body, review={},
                                                authors=authors, plain=True)), _authors_right(page, authors)))
    return out, len(pages) / (time.perf_counter() - started)


def _authors_right(page: Page, authors: list[str]) -> bool | None:
    truth = page.truth.get("authors")
    return same_authors(authors, truth) if truth else None


def saved_page_summary(scored: list[tuple[Result, bool | None]]) -> dict:
    out = summary([r for r, _ in scored])
    out["authors_right"] = sum(bool(a) for _, a in scored if a is not None)
    out["authors"] = sum(a is not None for _, a in scored)
    return out


SAVED_HEADER = ("| set | run | body F1 | headlines | dates | authors | refused | pages/s |\n"
                "|---|---|---:|---:|---:|---:|---:|---:|")


def saved_page_rows(root: Path) -> tuple[dict, str]:
    """The figures for one set's saved pages, ours and trafilatura alone in one run, and their table rows."""
    pages = load(root)
    rules = Rules(zone="UTC")
    ours, our_rate = saved_page_results(pages, rules)
    theirs, their_rate = trafilatura_saved_pages(pages)
    found = {"ours": saved_page_summary(ours), "trafilatura": saved_page_summary(theirs),
             "ours_pages_per_second": round(our_rate), "trafilatura_pages_per_second": round(their_rate)}
    rows = []
    sites = [p.site for p in pages if p.html]
    for half in ("", "A", "B"):   # every site; then its sites split in two by a hash of their names
        keep = [not half or "AB"[zlib.crc32(site.encode()) % 2] == half for site in sites]
        for label, key, scored in (("newsdigest", "ours", ours), ("trafilatura alone", "trafilatura", theirs)):
            s = saved_page_summary([x for x, k in zip(scored, keep) if k])
            authors = f"{s['authors_right']}/{s['authors']}" if s["authors"] else "–"
            rate = found[key + "_pages_per_second"] if not half else ""
            rows.append(f"| {root.name}{f' (sites {half})' if half else ''} | {label} | {s['f1']:.3f} | "
                        f"{s['titles_right']}/{s['titles']} | {s['dates_right']}/{s['dates']} | {authors} | "
                        f"{s['refused']} | {rate} |")
    return found, "\n".join(rows)


BODY_WRONG = 0.8
"""A saved page's body whose own F1 is below this is listed by --saved-failures body."""


def saved_page_failures(root: Path, field: str) -> list[str]:
    """The saved pages whose `field` (title, date, authors, body) we get wrong, with what we gave."""
    pages = [p for p in load(root) if p.html]
    rules = Rules(zone="UTC")
    lines = []
    for page in pages:
        c = convert_seed(page.html, f"seeds/{page.key}.html", rules, page.file_time)[0]
        r = score(page, c)
        got = None if isinstance(c, Exception) else c
        wrong = {"title": r.title_right is False, "date": r.date_right is False,
                 "authors": _authors_right(page, got.authors if got else []) is False, "body": _f1(r) < BODY_WRONG,
                 "refused": bool(r.refused)}[field]
        if wrong:
            shown = {"title": lambda: f"{got.title!r} want {page.truth['titles'][:2]}",
                     "date": lambda: f"{got.date} want {page.truth['date']}",
                     "authors": lambda: f"{got.authors} want {page.truth.get('authors')}",
                     "body": lambda: f"F1={_f1(r):.2f}",
                     "refused": lambda: r.refused}[field]
            lines.append(f"{page.key[:12]} {page.site:30} " + (r.refused[:100] if got is None else shown()))
    return lines


SAVED_RATCHETED = ("f1", "titles_right", "dates_right", "authors_right")


def raise_saved_ratchet(found: dict[str, dict], trafilatura: dict[str, dict]) -> None:
    """training/ratchet.json's 'saved_pages' floors, each raised to what was found now (never lowered), with
    trafilatura alone's figures beside them (what the floors must stay ahead of)."""
    floors = json.loads(RATCHET.read_text(encoding="utf-8")) if RATCHET.exists() else {}
    saved = floors.get("saved_pages", {})
    for name, s in found.items():
        old = saved.get(name, {})
        saved[name] = {k: max(old.get(k, 0), s[k]) for k in SAVED_RATCHETED}
        saved[f"{name}_trafilatura"] = {k: trafilatura[name][k] for k in SAVED_RATCHETED}
    floors["saved_pages"] = dict(sorted(saved.items()))
    RATCHET.write_text(json.dumps(dict(sorted(floors.items())), indent=1) + "\n", encoding="utf-8")


def saved_page_speed(roots: list[Path], count: int = 1000, runs: int = 3) -> dict:
    """Saved-page ingestion as a build runs it (ingest_seeds, on every core) over `count` seeds made from the
    roots' html/ pages (each copy made distinct by a comment), against trafilatura alone (extract +
    extract_metadata) over the same pages in as many processes, alternating, `runs` times each: median pages/s."""
    import multiprocessing
    import shutil
    import tempfile

    from newsdigest.config import load_config
    from newsdigest.errors import Problems
    from newsdigest.ingest import ingest_seeds

    pages = [gzip.decompress(p.read_bytes()) for root in roots for p in sorted((root / "html").glob("*.html.gz"))]
    raws = [pages[i % len(pages)] + f"\n<!-- copy {i} -->\n".encode() for i in range(count)]
    ours, theirs = [], []
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        (project / "config.yaml").write_text("site:\n  title: Speed\n  url: https://example.org/\n  description: d\n"
                                             "  language: en\n  timezone: UTC\nsearch: false\n", encoding="utf-8")
        for run in range(runs):
            for folder in ("seeds", "content"):
                shutil.rmtree(project / folder, ignore_errors=True)
                (project / folder).mkdir()
            for i, raw in enumerate(raws):
                (project / "seeds" / f"page-{i:04d}.html").write_bytes(raw)
            started = time.perf_counter()
            ingest_seeds(load_config(project / "config.yaml"), Problems())
            ours.append(count / (time.perf_counter() - started))
            started = time.perf_counter()
            with multiprocessing.get_context("fork").Pool(len(os.sched_getaffinity(0))) as pool:
                pool.map(_trafilatura_alone, raws, chunksize=20)
            theirs.append(count / (time.perf_counter() - started))
    return {"pages": count, "ours": round(statistics.median(ours), 1), "trafilatura": round(statistics.median(theirs), 1),
            "runs": runs, "cores": len(os.sched_getaffinity(0))}


def _trafilatura_alone(raw: bytes) -> None:
    import trafilatura
    html = raw.decode("utf-8", "replace")
    trafilatura.extract(html)
    trafilatura.extract_metadata(html)


def _dump(parsed) -> str:
    fields = {k: v for k, v in vars(parsed).items() if k not in ("body", "fingerprint")}
    return "\n".join(f"{k}: {v}" for k, v in fields.items()) + "\n\n" + parsed.body


if __name__ == "__main__":
    sys.exit(main())
