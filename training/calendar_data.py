"""Write newsdigest/ingest/data/calendar.json from the Unicode CLDR (through Babel): month and weekday
names and the "3 hours ago" phrases of the languages news is written in, for the date reader.

    python3 -m pip install babel && python3 training/calendar_data.py

Run once when the language list changes; the build itself never needs Babel.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from babel import Locale, __version__ as babel_version

OUT = Path(__file__).resolve().parent.parent / "newsdigest" / "ingest" / "data" / "calendar.json"
# English first: where two languages spell different months alike, the earlier language wins.
LANGUAGES = """en pt es fr it de nl ca gl eu ro pl cs sk sl hr bs sr_Latn hu fi sv da nb nn is et lv lt tr az id ms
vi fil sw af ga cy sq mt ru uk be bg mk sr el ka hy kk uz he ar fa ur hi bn mr ta te th ko ja zh
de_AT de_CH fr_CA fr_CH it_CH nl_BE pt_PT es_419 en_GB en_AU en_IN""".split()
"""Languages, then regional forms whose month names differ ('Jänner' in Austria, 'sept.' in Britain): a name
the list already holds keeps its first meaning."""
CMS_FORMS = {"mrz": 3}
"""Month abbreviations a CMS prints that CLDR lacks: 'Mrz 5, 2024', from the German translation WordPress ships
(its month abbreviations: Jan, Feb, Mrz, Apr, …), which themes print on every German blog. Hand-set."""
UNITS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800}
CJK_DAY_PERIODS = {"오전": "am", "오후": "pm", "午前": "am", "午後": "pm", "上午": "am", "下午": "pm"}


def key(name: str) -> str:
    return name.lower().strip().rstrip(".").replace("\u00a0", " ")


def main() -> int:
    months: dict[str, int] = {}
    weekdays: set[str] = set()
    ago: dict[str, int] = {}
    yesterday: set[str] = set()
    today: set[str] = set()
    for code in LANGUAGES:
        locale = Locale.parse(code)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    name = key(name)
                    if len(name) >= 3 and not re.search(r"\d", name):
                        months.setdefault(name, number)
                for name in locale.days[context][width].values():
                    if len(key(name)) >= 2:
                        weekdays.add(key(name))
        fields = locale._data["date_fields"]
        for unit, seconds in UNITS.items():
            for pattern in fields[unit]["past"].values():
                if pattern.count("{0}") == 1:
                    ago.setdefault(key(pattern), seconds)
        yesterday.add(key(fields["day"]["relative"][-1]))
        today.add(key(fields["day"]["relative"][0]))
    for name, number in CMS_FORMS.items():
        months.setdefault(name, number)
    data = {
        "source": f"Unicode CLDR through Babel {babel_version} (training/calendar_data.py); CLDR's licence: "
                  "https://www.unicode.org/license.txt",
        "languages": LANGUAGES,
        "months": dict(sorted(months.items())),
        "weekdays": sorted(weekdays),
        "ago": dict(sorted(ago.items())),
        "yesterday": sorted(yesterday),
        "today": sorted(today),
        "day_periods": CJK_DAY_PERIODS,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(months)} month names, {len(weekdays)} weekday names, {len(ago)} 'ago' phrases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
