"""Dates: every date in a short line, with the time and zone beside it, in the forms news pages show them.

`find_stamps` reads one line (callers pass header lines, never a whole page): 'Nov. 19, 2019 8:03 am ET',
'20 Nov, 2019 05:47', 'sexta-feira, 22 de outubro de 2010 às 20:13', '2019.11.20 오전 9:31',
'13.11.2019, 23:06', '11/19/19 06:56 AM EST', 'Updated Nov 19, 6:55 AM' (no year: the caller's year).
`parse_dateline` says whether a whole line is a dateline; `relative_stamp` reads '3 hours ago'.
Month and weekday names and the 'ago' phrases come from the CLDR (data/calendar.json).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

CALENDAR = json.loads((Path(__file__).parent / "data" / "calendar.json").read_text(encoding="utf-8"))

# Zone abbreviations as fixed offsets, or IANA names where the abbreviation follows daylight saving (ET, PT).
ZONES: dict[str, str] = {
    "UTC": "+00:00", "GMT": "+00:00", "Z": "+00:00", "WET": "+00:00", "BST": "+01:00", "IST": "+05:30",
    "CET": "+01:00", "CEST": "+02:00", "EET": "+02:00", "EEST": "+03:00", "MSK": "+03:00", "WAT": "+01:00",
    "CAT": "+02:00", "EAT": "+03:00", "SAST": "+02:00", "GST": "+04:00", "PKT": "+05:00", "NPT": "+05:45",
    "BDT": "+06:00", "ICT": "+07:00", "WIB": "+07:00", "SGT": "+08:00", "HKT": "+08:00", "PHT": "+08:00",
    "AWST": "+08:00", "KST": "+09:00", "JST": "+09:00", "ACST": "+09:30", "AEST": "+10:00", "AEDT": "+11:00",
    "NZST": "+12:00", "NZDT": "+13:00", "EST": "-05:00", "EDT": "-04:00", "CST": "-06:00", "CDT": "-05:00",
    "MST": "-07:00", "MDT": "-06:00", "PST": "-08:00", "PDT": "-07:00", "AKST": "-09:00", "AKDT": "-08:00",
    "HST": "-10:00", "AST": "-04:00", "ADT": "-03:00", "NST": "-03:30", "BRT": "-03:00", "ART": "-03:00",
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles",
    "UK": "Europe/London", "MEZ": "+01:00", "MESZ": "+02:00",
}
US_ZONES = {"EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "AKDT", "HST", "ET", "CT", "MT", "PT"}
UPDATED_WORDS = (r"(?:(?:last|zuletzt|letzte|laatst|ultim[oa]|últim[oa]|dernière)\s+)?(?:updated|update|modified|"
                 r"edited|atualizad[oa]|atualização|actualizad[oa]|actualización|aggiornat[oa]|aggiornamento|"
                 r"mise?\s+à\s+jour|modifié|aktualisiert|geändert|änderung|bijgewerkt|обновлено|обновлён|обновлен|"
                 r"zaktualizowano|aktualizováno|güncellendi|opdateret|oppdatert|uppdaterad|päivitetty|stand(?=\s*:)|"
                 r"수정|업데이트|更新)")
PUBLISHED_WORDS = (r"published|posted|created|first\s+published|publicado|pubblicato|publié|veröffentlicht|erstellt|eingetragen|"
                   r"erschienen|erstveröffentlichung|publiziert|"
                   r"gepubliceerd|publiceret|publisert|publicerad|julkaistu|опубликовано|opublikowano|yayınlanma|"
                   r"입력|기사입력|발행|公開|発行|发布")
LABELS = re.compile(rf"(?:{UPDATED_WORDS}|{PUBLISHED_WORDS}|date|dated|on|at|as\s+of|às|as|à|a\s+las|alle|um|"
                    r"le|el|il|de|del|em|am|uhr|hrs|h|time|г|года|日付)\b", re.I)
PUBLISHED_LABEL = re.compile(rf"(?<![\w-])(?:{PUBLISHED_WORDS})(?![\w-])", re.I)
"""A publication's label anywhere on a line: 'Veröffentlicht am 01.09.2024', 'Published: …'."""
LABEL_WORD = re.compile(rf"(?P<updated>{UPDATED_WORDS})|(?P<published>{PUBLISHED_WORDS})", re.I)
DATE_LABEL = re.compile(rf"(?<![\w-])(?:{UPDATED_WORDS}|{PUBLISHED_WORDS})(?![\w-])", re.I)
"""A date's label as a word of its own: 'Last Updated January, 2025' (match: a dateline even without the day),
'By Jane Doe Last updated on: …' (search: where a byline's names end)."""
DIGIT = re.compile(r"\d")
FILLER = re.compile(r"[\s,/|·•:;()\[\]\-–—.]+")


def _alternation(names) -> str:
    """A regular expression matching any of the names, as a trie: 1,000 month names cost a few steps, not 1,000."""
    trie: dict = {}
    for name in names:
        node = trie
        for ch in name.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{body})?"
        return body
    return pattern(trie)


_LETTER_BEFORE = r"(?<![^\W\d_])"
_LETTER_AFTER = r"(?![^\W\d_])"
_MON = rf"{_LETTER_BEFORE}(?P<mon>{_alternation(CALENDAR['months'])}){_LETTER_AFTER}\.?"
_DAY = r"(?<!\d)(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?(?!\d)\.?"
_YEAR = r"(?<!\d)(?P<y>(?:19|20)\d\d)(?=\d{1,2}:\d\d|\D|$)"
WEEKDAY = re.compile(rf"{_LETTER_BEFORE}(?:{_alternation(CALENDAR['weekdays'])}){_LETTER_AFTER}\.?", re.I)

DATE_FORMS = [re.compile(p, re.I) for p in (
    # 2019-11-19T12:48:14Z, 2019-11-19 15:24
    r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?:[T ](?P<H>[0-2]?\d):(?P<M>[0-5]\d)"
    r"(?::[0-5]\d(?:\.\d+)?)?\s?(?P<z>Z|[+-][0-2]\d:?[0-5]\d)?)?(?!\d)",
    # 2019年11月20日, 2019년 11월 20일
    r"(?P<y>(?:19|20)\d\d)\s*[年년]\s*(?P<m>[01]?\d)\s*[月월]\s*(?P<d>[0-3]?\d)\s*[日일]?",
    # 2019.11.20, 2016/12/01, 2019. 11. 20.
    r"(?<![\d.])(?P<y>(?:19|20)\d\d)\s?[./]\s?(?P<m>[01]?\d)\s?[./]\s?(?P<d>[0-3]?\d)(?![\d])\.?",
    # Nov. 19, 2019 / November 19th 2019 / NOV 15, 20195:45 AM
    _MON + r"\s*" + _DAY + r",?\s*(?:de\s+)?" + _YEAR,
    # 19 November 2019 / 22 de outubro de 2010 / 19. November 2019 / 20 Nov, 2019 / 20 ноября 2019 г. / 04-Aug-2021
    _DAY + r"(?:\s*(?:de\s+|of\s+)?|-)" + _MON + r"(?:,?\s*(?:de\s+|del\s+)?|-)" + _YEAR,
    # 2019. november 19. / 2019 m. lapkričio 19 d.
    _YEAR + r"\.?\s*(?:m\.\s*|évi\s+)?" + _MON + r"\s*" + _DAY,
    # 17. 4. 2025: Czech, Slovak, Slovenian, Croatian (day first, a space after each dot)
    r"(?<![\d./])(?P<d>[0-3]?\d)\.\s(?P<m>[01]?\d)\.\s(?P<y>(?:19|20)\d\d)(?!\d)",
    # 19/11/2019, 13.11.2019, 11/19/19
    r"(?<![\d./])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d|\d\d)(?![\d]|\.\d)",
)]
YEARLESS_FORMS = [re.compile(p, re.I) for p in (
    _MON + r"\s*" + _DAY + r"(?!\s*,?\s*(?:19|20)\d\d)",
    r"(?<![\d.,])" + _DAY + r"\s*(?:de\s+)?" + _MON,
)]

_PERIODS = _alternation(CALENDAR["day_periods"])
TIME = re.compile(
    rf"(?P<cjk>{_PERIODS})\s*(?P<H3>[0-2]?\d)(?:\s*[:시時点]\s*(?P<M3>[0-5]?\d))?"
    r"|(?<![\d:.])(?P<H>[0-2]?\d)(?:\s?[:.]\s?(?P<M>[0-5]\d)|h(?P<Mh>[0-5]\d)?)?(?::[0-5]\d)?(?![\d])"
    r"(?:\s*(?P<ap>[ap]\.?\s?m\b\.?))?"
    r"|(?<![\d:])(?P<H2>[01]\d|2[0-3])(?P<M2>[0-5]\d)(?=\s*(?:GMT|UTC)\b)", re.I)
ZONE = re.compile(r"\s*[,(]?\s*(?:(?P<gmt>GMT|UTC)\s*(?P<sign>[+\-−–])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?"
                  r"|(?P<off>[+\-−][01]\d:?[0-5]\d)(?!\d)|(?P<abbr>[A-Za-z]{1,5})(?![\w]))\)?")
RELATIVE_EN = re.compile(r"(?<!\w)(?P<n>\d+|an?|one)\s*(?P<unit>s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|"
                         r"days?|w|wks?|weeks?)\s+ago\b|(?P<word>just\s+now|yesterday|today)\b", re.I)
_AGO_PARTS = [p.split("{0}") for p in CALENDAR["ago"]]
RELATIVE = re.compile(
    rf"(?:(?P<pre>{_alternation({a.strip() for a, _ in _AGO_PARTS if a.strip()})})\s*)?(?<![\d.:/])(?P<n>\d+)(?![\d.:/])"
    rf"\s*(?P<post>{_alternation({b.strip() for _, b in _AGO_PARTS if b.strip()})})?", re.I)
AGO = {(a.strip(), b.strip()): seconds for (a, b), seconds in zip(_AGO_PARTS, CALENDAR["ago"].values())}
RELATIVE_WORDS = {w: -1 for w in CALENDAR["yesterday"]} | {w: 0 for w in CALENDAR["today"]}
DAY_WORD = re.compile(rf"(?<!\w)(?P<word>{_alternation(RELATIVE_WORDS)})(?!\w)", re.I)
"""'Heute', 'vandaag', 'hier' and kin: a day told against today ('Heute, 07:45 Uhr')."""
UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


@dataclass(frozen=True)
class Stamp:
    """A time read off a page."""

    when: datetime | date
    """Aware datetime, or a bare date when the page named no time."""
    updated: bool
    """True when the page said Updated/Modified rather than Published."""
    yearless: bool = False
    """The page gave day and month only: the year is the caller's guess."""
    relative: bool = False
    """Read from '3 hours ago' against the seed file's time."""


@dataclass(frozen=True)
class Found:
    """A date in a line, before its time and zone are attached."""

    start: int
    end: int
    day: date | None
    yearless: bool
    time: tuple[int, int] | None
    zone: str | None
    groups: dict


def find_stamps(line: str, zone: str, extra_zones: dict[str, str] | None = None, year: int | None = None,
                order: str = "") -> list[Stamp]:
    """Every date in the line, in order, with its time and zone; a date with no year takes `year`
    (or the year of a dated stamp on the same line). `order` is 'dmy' or 'mdy' for 11/05/2019."""
    if len(line) > 400 or not DIGIT.search(line):
        return []
    text = GLUED_YEAR.sub(r"\1 ", _ascii_digits(line))
    return [stamp for stamp, _ in _stamps(text, zone, {**ZONES, **(extra_zones or {})}, year, order)]


GLUED_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=[0-3]?\d(?:\.?\s?[^\W\d_]{3}|[./-][01]?\d[./-](?:19|20)\d\d))")
"""A year glued to the next date's day, as a page's two <time> elements copy without their style ('23. Juli
202422. Juli 2024', '13.03.202412.03.2024')."""


@lru_cache(maxsize=16384)
def day_of(when: datetime | date) -> date:
    """The calendar day of a time or a day, as the time tells it (in its own offset)."""
    return when.date() if isinstance(when, datetime) else when


def has_date(line: str) -> bool:
    """True when the line names a date, with or without its year."""
    return bool(find_stamps(line, "UTC", year=2000))


def parse_dateline(line: str, default_zone: str, extra_zones: dict[str, str] | None = None,
                   year: int | None = None) -> Stamp | None:
    """Return the stamp when the whole line is a dateline ('Updated: June 18, 2025 / 11:10 IST');
    None when the line holds anything else."""
    if len(line) > 140 or not DIGIT.search(line) or line.count(" ") > 24:
        return None
    text = _ascii_digits(line)
    found = _stamps(text, default_zone, {**ZONES, **(extra_zones or {})}, year, "")
    if not found:
        return None
    rest = list(text)
    for _, spans in found:
        for start, end in spans:
            rest[start:end] = " " * (end - start)
    rest = RELATIVE_EN.sub(" ", "".join(rest))   # 'June 17, 2025 3:05 PM Updated 2 hours ago'
    leftover = FILLER.sub(" ", LABELS.sub(" ", WEEKDAY.sub(" ", rest))).strip()
    return found[0][0] if not leftover else None


MONTH_YEAR = re.compile(_MON + r"\s*,?\s*" + _YEAR, re.I)
"""A month and its year, no day: 'Dec 2025', 'März 2025', 'September, 2024'."""


TIME_OF_DAY = r"[0-2]?\d[:.][0-5]\d(?!\d)"
"""A clock's time, hours and minutes: '18:42', '9.30'."""
CLOCK_WORD = re.compile(r"\s*(?:uhr|hrs|h)\b", re.I)
"""The word a clock's time is read with, after the time: '18:42 Uhr'."""
CLOCK_BEFORE = re.compile(r"\b(?:kl|klo|godz)\.?\s*$", re.I)
"""The word before it: Danish, Norwegian and Swedish 'kl. 09.30', Finnish 'klo 9.30', Polish 'godz. 9:30'."""


@lru_cache(maxsize=16384)
def without_dates(line: str) -> str:
    """The line with its dates, times and '3 hours ago' blanked out: 'By Jane Doe June 3, 2025 10:00 ET' ->
    'By Jane Doe'."""
    if len(line) > 400:
        return line
    text = _ascii_digits(line)
    rest = list(text)
    if DIGIT.search(text):
        for _, spans in _stamps(text, "UTC", ZONES, 2000, ""):
            for start, end in spans:
                end += len(m.group()) if (m := CLOCK_WORD.match(text, end)) else 0   # '18:42 Uhr von Jane Doe'
                start -= len(m.group()) if (m := CLOCK_BEFORE.search(text, 0, start)) else 0   # 'kl. 09.30'
                rest[start:end] = " " * (end - start)
    return " ".join(RELATIVE_EN.sub(" ", "".join(rest)).split())


def relative_stamp(line: str, now: datetime) -> Stamp | None:
    """'3 hours ago', 'há 2 dias', '3시간 전', 'Yesterday' against `now` (the seed file's time)."""
    text = _ascii_digits(line.strip())
    if len(text) > 80:
        return None
    m = RELATIVE_EN.search(text)
    if m:
        if m["word"]:
            return Stamp(_back(now, 86400 if m["word"].lower() == "yesterday" else 0), False, relative=True)
        n = 1 if not m["n"].isdigit() else int(m["n"])
        return Stamp(_back(now, n * UNIT_SECONDS[m["unit"][0].lower()]), False, relative=True)
    m, seconds = _ago(text)
    if m:
        return Stamp(_back(now, int(m["n"]) * seconds), False, relative=True)
    m = _day_word(text)
    if m:
        return Stamp(_back(now, -RELATIVE_WORDS[m["word"].lower()] * 86400), False, relative=True)
    return None


def _day_word(text: str) -> re.Match | None:
    """'Heute', 'Gestern, 18:30 Uhr', 'vandaag, 10:12 · Bijgewerkt: vandaag, 13:47': a line that is a day told
    against today, with at most its times and labels beside it; None for anything else ('Heute im Rathaus')."""
    m = DAY_WORD.search(text)
    if not m:
        return None
    rest = DAY_WORD.sub(" ", TIME.sub(" ", text))
    return None if FILLER.sub(" ", LABELS.sub(" ", rest)).strip() else m


def _ago(text: str) -> tuple[re.Match | None, int]:
    """The first '… ago' of the calendar's languages in the text ('vor 3 Stunden', 'il y a 2 jours', '3 ore fa')
    and its unit in seconds; (None, 0) when none."""
    for m in RELATIVE.finditer(text):
        seconds = AGO.get(((m["pre"] or "").lower(), (m["post"] or "").lower()))
        if seconds and (m["pre"] or m["post"]):
            return m, seconds
    return None, 0


def is_relative(line: str) -> bool:
    """True for a line that is only 'Updated 2 hours ago' and kin, in any language of the calendar ('vor 3 Stunden',
    'il y a 2 jours'): a time with nothing to anchor it."""
    text = line.strip()
    if len(text) > 60:
        return False
    m = RELATIVE_EN.search(text) or _ago(text)[0]
    if not m:
        return bool(_day_word(text))
    rest = TIME.sub(" ", text[:m.start()] + " " + text[m.end():])   # 'Today, 10:12 am'
    return not FILLER.sub(" ", LABELS.sub(" ", rest)).strip()


def _back(now: datetime, seconds: int) -> datetime:
    return (now - timedelta(seconds=seconds)).replace(second=0, microsecond=0)


def _ascii_digits(text: str) -> str:
    """Other scripts' digits (٣, ३, ３) as ASCII, one character for one, so positions stay."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() and unicodedata.digit(c, None) is not None
                   else c for c in text)


def _stamps(text: str, zone: str, zones: dict[str, str], year: int | None, order: str
            ) -> list[tuple[Stamp, list[tuple[int, int]]]]:
    """(stamp, the spans it was read from) for each date in the text."""
    found = _dates(text, order, zones)
    if not found:
        return []
    full_years = [f.day.year for f in found if f.day and not f.yearless]
    line_zone = next((f.zone for f in found if f.zone), None)
    out: list[tuple[Stamp, list[tuple[int, int]]]] = []
    previous_end = 0
    for f in found:
        label = text[previous_end:f.start]
        previous_end = f.end
        day = f.day
        if f.yearless:
            guess = full_years[0] if full_years else year
            if guess is None:
                continue
            try:
                day = date(guess, f.groups["month"], f.groups["day"])
            except ValueError:
                continue
        if day is None:
            continue
        said = [m.lastgroup for m in LABEL_WORD.finditer(label)]
        updated = bool(said) and said[-1] == "updated"
        spans = [(f.start, f.end), *f.groups.get("spans", [])]
        when = day if f.time is None else _localize(datetime(day.year, day.month, day.day, *f.time),
                                                   f.zone or line_zone or zone)
        stamp = Stamp(when, updated, f.yearless)
        if out and not label.strip(" ·|•") and not (updated or out[-1][0].updated or f.yearless or out[-1][0].yearless):
            # two dates side by side with nothing between ('March 12, 2024March 13, 2024', or a separator the line
            # reader put there: '3. März 2025 · 17. Februar 2025'): a page's publication and update, whichever it
            # prints first; the later is the update
            if day < day_of(out[-1][0].when):
                out[-1] = (replace(out[-1][0], updated=True), out[-1][1])
            elif day > day_of(out[-1][0].when):
                stamp = replace(stamp, updated=True)
        out.append((stamp, spans))
    return out


def _dates(text: str, order: str, zones: dict[str, str]) -> list[Found]:
    """The dates in the text, left to right, with the time and zone found beside each."""
    matches: list[tuple[int, int, re.Match, bool]] = []
    for yearless, forms in ((False, DATE_FORMS), (True, YEARLESS_FORMS)):
        for form in forms:
            for m in form.finditer(text):
                if not any(m.start() < end and start < m.end() for start, end, *_ in matches):
                    matches.append((m.start(), m.end(), m, yearless))
    matches.sort(key=lambda item: item[0])
    found: list[Found] = []
    taken = [(start, end) for start, end, *_ in matches]
    for start, end, m, yearless in matches:
        groups = m.groupdict()
        month, day, year = _parts(groups, order, text)
        if month is None:
            continue
        if yearless:
            try:
                date(2000, month, day)   # a leap year: 29 February is a real day
            except ValueError:
                continue
            when = None
        else:
            try:
                when = date(year, month, day)
            except ValueError:
                continue
        spans: list[tuple[int, int]] = []
        if groups.get("H"):
            hm, zone = (int(groups["H"]), int(groups["M"])), _fixed(groups.get("z"))
            if hm[0] > 23:
                continue
        else:
            hm, zone, spans = _time_near(text, start, end, taken, zones)
        found.append(Found(start, end, when, yearless, hm, zone,
                           {"month": month, "day": day, "spans": spans}))
    return found


def _parts(g: dict, order: str, text: str) -> tuple[int | None, int, int]:
    """(month, day, year) from a match's groups."""
    if g.get("mon"):
        month = CALENDAR["months"].get(g["mon"].lower().rstrip("."))
        if month is None:
            return None, 0, 0
    elif g.get("m"):
        month = int(g["m"])
    else:   # 19/11/2019 or 11/19/19: the order the numbers allow, else the page's, else by its clock's style
        a, b = int(g["a"]), int(g["b"])
        if a > 12 or (b <= 12 and (order or _order_of(text)) == "dmy"):
            g = {**g, "d": a}
            month = b
        else:
            g = {**g, "d": b}
            month = a
    year = int(g["y"]) if g.get("y") else 0
    if year and year < 100:
        year += 2000 if year < 70 else 1900
    return month, int(g["d"]), year


NUMERIC_DATE = re.compile(r"(?<![\d.])([0-3]?\d)[./-]([0-3]?\d)[./-](?:19|20)\d\d(?!\d)")


def numeric_order(text: str) -> str:
    """'mdy' or 'dmy' where a page's numeric dates settle how it writes them (one with a day over 12 first or
    second: '11.24.2025' is mdy, and none the other way), else ''."""
    found = {"dmy" if int(a) > 12 else "mdy" for a, b in NUMERIC_DATE.findall(text) if (int(a) > 12) != (int(b) > 12)}
    return found.pop() if len(found) == 1 else ""


def _order_of(text: str) -> str:
    """'mdy' where the line keeps American time (AM/PM, a US zone), else 'dmy'."""
    if re.search(r"\d\s*[ap]\.?\s?m\b", text, re.I) or any(re.search(rf"\b{z}\b", text) for z in US_ZONES):
        return "mdy"
    return "dmy"


def _time_near(text: str, start: int, end: int, taken: list[tuple[int, int]], zones: dict[str, str]
               ) -> tuple[tuple[int, int] | None, str | None, list[tuple[int, int]]]:
    """The time (and its zone) just after the date, else just before it; not inside another date."""
    def usable(m: re.Match, offset: int) -> bool:
        return (not any(offset + m.start() < e and s < offset + m.end() for s, e in taken)
                and (m["M"] or m["Mh"] or m["ap"] or m["cjk"] or m["H2"]))
    window = text[end:end + 40]   # a slice: a time glued to the year ('20195:45 AM') is still found
    after = [m for m in TIME.finditer(window) if usable(m, end)]
    if after and not re.search(r";|\b(?:updated|update)\b", window[:after[0].start()], re.I):
        candidates = [(after[0], end)]
    else:
        candidates = [(m, 0) for m in TIME.finditer(text, max(0, start - 40), start) if usable(m, 0)][-1:]
    for m, offset in candidates:
        hm = _hour_minute(m)
        if hm is None:
            continue
        zone, zone_end = _zone_after(text, offset + m.end(), zones)
        return hm, zone, [(offset + m.start(), zone_end)]
    return None, None, []


def _hour_minute(m: re.Match) -> tuple[int, int] | None:
    hour = int(m["H"] or m["H2"] or m["H3"])
    minute = int(m["M"] or m["Mh"] or m["M2"] or m["M3"] or 0)
    period = (m["ap"] or "").lower()[:1] or {"am": "a", "pm": "p"}.get(CALENDAR["day_periods"].get(m["cjk"] or "", ""), "")
    if period:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if period == "p" else 0)
    return (hour, minute) if hour <= 23 else None


def _zone_after(text: str, at: int, zones: dict[str, str]) -> tuple[str | None, int]:
    m = ZONE.match(text, at)
    if not m:
        return None, at
    if m["gmt"]:
        sign = "-" if m["sign"] in "-−–" else "+"
        return f"{sign}{int(m['h']):02d}:{m['m'] or '00'}", m.end()
    if m["off"]:
        off = m["off"].replace("−", "-")
        return f"{off[:3]}:{off[-2:]}", m.end()
    abbr = m["abbr"]
    name = abbr if abbr in zones or abbr.isupper() else abbr.upper() if len(abbr) >= 3 else ""
    if name in zones:
        return zones[name], m.end()
    return None, at


def _fixed(z: str | None) -> str | None:
    if not z:
        return None
    if z.upper() == "Z":
        return "+00:00"
    return f"{z[:3]}:{z[-2:]}"


@lru_cache(maxsize=64)
def _zoneinfo(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def _localize(naive: datetime, zone: str) -> datetime:
    """Attach a zone given as '+05:30' or an IANA name."""
    if zone[0] in "+-":
        sign = -1 if zone[0] == "-" else 1
        hours, minutes = int(zone[1:3]), int(zone[-2:])
        return naive.replace(tzinfo=timezone(sign * timedelta(hours=hours, minutes=minutes)))
    local = naive.replace(tzinfo=_zoneinfo(zone))
    return local.replace(tzinfo=timezone(local.utcoffset()))


FIRST_PART_END = re.compile(r"\s*[•·|]\s*")
"""Where a line of meta's first part ends: '15th Dec 2025 • backlinks'."""


def opens_with_date(line: str) -> bool:
    """A line of meta that opens with the story's date and goes on with its labels, as a blog closes a post ('# 15th
    Dec 2025 • backlinks • garden, timber') or a theme opens it ('20. April 2017 · 13. Juni 2017 Jane Doe Amazon, Big
    Data, …'): the line's first part before a separator is a dateline, and it ends no sentence."""
    first = FIRST_PART_END.split(line.lstrip("#*•·–— "), maxsplit=1)[0]
    return not line.endswith((".", "!", "?")) and parse_dateline(first, "UTC", year=2000) is not None
