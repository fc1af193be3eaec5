"""Datelines: find the publication time in a seed line, with its zone, or decide the line is not one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

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
}

MONTHS = {m: i for i, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
     ("november", "nov"), ("december", "dec")], start=1) for m in names}
_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"

DATE_FORMS = [
    re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
               r"(?:[T ](?P<H>[0-2]\d):(?P<M>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?P<z>Z|[+-][0-2]\d:?[0-5]\d)?)?", re.I),
    re.compile(_MON + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", re.I),
    re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MON + r",?\s+" + _YEAR + r"\b", re.I),
    re.compile(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.]" + _YEAR + r"\b"),
]
TIME = re.compile(r"\b(?P<H>[0-2]?\d)(?:[:.](?P<M>[0-5]\d))?\s*(?P<ap>[ap]\.?\s?m\b\.?)|\b(?P<H2>[0-2]?\d)[:.h](?P<M2>[0-5]\d)\b", re.I)
ZONE = re.compile(r"\(?\b(?:(?P<gmt>GMT|UTC)\s*(?P<sign>[+\-−–])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?|(?P<abbr>[A-Z]{1,5}))\b\)?"
                  r"|(?<![\w:])(?P<off>[+\-−][01]\d:?[0-5]\d)\b")
WEEKDAY = re.compile(r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\b\.?", re.I)
LABEL = re.compile(r"\b(?:last\s+)?(?:updated|modified|published|posted|first\s+published|created|date|dated|on|at|as\s+of)\b", re.I)
UPDATED = re.compile(r"^\s*(?:last\s+)?(?:updated|modified)\b", re.I)
FILLER = re.compile(r"[\s,/|·•:;()\-–—]+")
RELATIVE = re.compile(
    r"^(?:(?:last\s+)?(?:updated|published|posted|modified)\s*:?\s*)?"
    r"(?:(?:\d+|an?|one|a few)\s+(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?)\s+ago|just now|today|yesterday)\.?$",
    re.I)

RELATIVE_INLINE = re.compile(r"(?:(?:last\s+)?(?:updated|published|posted|modified)\s*:?\s*)?"
                             r"(?:\d+|an?|one)\s+(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?)\s+ago\b", re.I)


@dataclass(frozen=True)
class Stamp:
    """A time read off a dateline."""

    when: datetime | date
    """Aware datetime, or a bare date when the line named no time."""
    updated: bool
    """True when the line said Updated/Modified rather than Published."""


def is_relative(line: str) -> bool:
    """True for 'Updated 2 hours ago' and kin: noise, never a date."""
    return bool(RELATIVE.match(line.strip()))


def parse_dateline(line: str, default_zone: str, extra_zones: dict[str, str] | None = None) -> Stamp | None:
    """Return the stamp when the whole line is a dateline; None when it holds anything else."""
    if len(line) > 140 or not any(c.isdigit() for c in line):
        return None
    line = RELATIVE_INLINE.sub(" ", line)
    if len(line) > 90:
        return None
    zones = {**ZONES, **(extra_zones or {})}
    for form in DATE_FORMS:
        found = form.search(line)
        if found and (day := _day(found)):
            break
    else:
        return None
    rest = line[:found.start()] + " " + line[found.end():]
    hm, rest = _take_time(found, rest)
    zone, rest = _take_zone(found, rest, zones)
    rest = FILLER.sub(" ", LABEL.sub(" ", WEEKDAY.sub(" ", rest))).strip()
    if rest:
        return None
    updated = bool(UPDATED.match(line))
    if hm is None:
        return Stamp(day, updated)
    naive = datetime(day.year, day.month, day.day, *hm)
    return Stamp(_localize(naive, zone or default_zone), updated)


def _day(m: re.Match) -> date | None:
    g = m.groupdict()
    if g.get("mon"):
        month = MONTHS[g["mon"].lower().rstrip(".")]
    elif g.get("m"):
        month = int(g["m"])
    else:  # numeric d/m/y; m/d/y only when the first part cannot be a month
        a, b = int(g["a"]), int(g["b"])
        g["d"], month = (b, a) if b > 12 else (a, b)
    try:
        return date(int(g["y"]), month, int(g["d"]))
    except ValueError:
        return None


def _take_time(found: re.Match, rest: str) -> tuple[tuple[int, int] | None, str]:
    if found.groupdict().get("H"):
        return (int(found["H"]), int(found["M"])), rest
    t = TIME.search(rest)
    if not t:
        return None, rest
    hour = int(t["H"] or t["H2"])
    minute = int(t["M"] or t["M2"] or 0)
    if t["ap"]:
        if not 1 <= hour <= 12:
            return None, rest
        hour = hour % 12 + (12 if t["ap"].lower().startswith("p") else 0)
    if hour > 23:
        return None, rest
    return (hour, minute), rest[:t.start()] + " " + rest[t.end():]


def _take_zone(found: re.Match, rest: str, zones: dict[str, str]) -> tuple[str | None, str]:
    z = found.groupdict().get("z")
    if z:
        return ("+00:00" if z.upper() == "Z" else z), rest
    for m in ZONE.finditer(rest):
        if m["gmt"]:
            sign = "-" if m["sign"] in "-−–" else "+"
            return f"{sign}{int(m['h']):02d}:{m['m'] or '00'}", rest[:m.start()] + " " + rest[m.end():]
        if m["off"]:
            return m["off"].replace("−", "-"), rest[:m.start()] + " " + rest[m.end():]
        if m["abbr"] in zones:
            return zones[m["abbr"]], rest[:m.start()] + " " + rest[m.end():]
    return None, rest


def _localize(naive: datetime, zone: str) -> datetime:
    """Attach a zone given as '+05:30' or an IANA name."""
    if zone[0] in "+-":
        sign = -1 if zone[0] == "-" else 1
        hours, minutes = int(zone[1:3]), int(zone[-2:])
        return naive.replace(tzinfo=timezone(sign * timedelta(hours=hours, minutes=minutes)))
    local = naive.replace(tzinfo=ZoneInfo(zone))
    return local.replace(tzinfo=timezone(local.utcoffset()))
