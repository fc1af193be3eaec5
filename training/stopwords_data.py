"""Write the 'stop' list of newsdigest/ingest/data/words.json: the commonest words of the languages news is
written in, from jusText's stop lists (frequency-ordered, from Wikipedia; BSD licence), for the line scorer's
stop-word density, jusText's strongest signal of prose.

    python3 -m pip install justext && python3 training/stopwords_data.py

Run once when the language list changes; the build itself never needs jusText.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import justext

OUT = Path(__file__).resolve().parent.parent / "newsdigest" / "ingest" / "data" / "words.json"
LANGUAGES = """English Portuguese Spanish French Italian German Dutch Catalan Galician Basque Romanian Polish Czech
Slovak Slovenian Croatian Bosnian Serbian Hungarian Finnish Swedish Danish Norwegian_Bokmal Icelandic Estonian Latvian
Lithuanian Turkish Azerbaijani Indonesian Malay Vietnamese Tagalog Swahili Afrikaans Irish Welsh Albanian Maltese
Russian Ukrainian Belarusian Bulgarian Macedonian Greek Georgian Armenian Kazakh Hebrew Arabic Persian Urdu Hindi
Bengali Marathi Tamil Telugu Korean""".split()
PER_LANGUAGE = 100
"""The commonest this many words of each language: function words, not topic words."""


def main() -> int:
    data = json.loads(OUT.read_text(encoding="utf-8"))
    stop: set[str] = set()
    for language in LANGUAGES:
        path = Path(justext.__file__).parent / "stoplists" / f"{language}.txt"
        words = [w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines()
                 if re.fullmatch(r"[^\W\d_]+", w.strip())]   # as the scorer splits words: letters only
        stop.update(list(dict.fromkeys(words))[:PER_LANGUAGE])
    data["stop"] = sorted(stop)
    data["stop_source"] = (f"the {PER_LANGUAGE} commonest words of {len(LANGUAGES)} languages from jusText "
                           f"{justext.__version__ if hasattr(justext, '__version__') else '3'} (BSD licence, "
                           "https://github.com/miso-belica/jusText), written by training/stopwords_data.py")
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(stop)} stop words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
