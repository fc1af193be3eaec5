"""Languages, from Unicode's CLDR data through Babel: language tags, writing directions, and the site's
words, dates and numbers in its language.

A language tag here is BCP 47 with an ISO 639 primary subtag ('de', 'pt-BR', 'zh-Hant', 'ckb'), as
`<html lang>`, the front matter's `lang:` and `site.language` give it.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from .errors import BuildError

TAG = re.compile(r"^([A-Za-z]{2,3})((?:[-_][A-Za-z]{4})?)((?:[-_](?:[A-Za-z]{2}|\d{3}))?)((?:[-_][A-Za-z0-9]{5,8})*)$")
"""language [-script] [-region] [-variant…]: what a page, a person or a config file writes."""


@lru_cache(maxsize=1)
def _language_names() -> dict[str, str]:
    """CLDR's languages, code -> English name ('de' -> 'German'): every ISO 639-1 code and many 639-3 ones."""
    from babel import Locale

    return dict(Locale("en").languages)


@lru_cache(maxsize=4096)
def language_tag(text: str) -> str:
    """'PT_br' -> 'pt-BR', 'zh-hant' -> 'zh-Hant'; '' when `text` is no language tag, or names a language
    CLDR does not know ('xx', 'english')."""
    tag = normalized_tag(text)
    return tag if tag and primary(tag) in _language_names() else ""


def normalized_tag(text: str) -> str:
    """'PT_br' -> 'pt-BR', written as a tag is, without asking CLDR (cheap: for config.yaml on every build)."""
    m = TAG.match(text.strip())
    if not m:
        return ""
    script, region = m[2][1:].title(), m[3][1:].upper()
    return "-".join(part for part in (m[1].lower(), script, region, *m[4][1:].replace("_", "-").split("-")) if part)


def primary(tag: str) -> str:
    """'pt-BR' -> 'pt': the language, without script, region or variant."""
    return tag.replace("_", "-").split("-", 1)[0].lower()


def code_for_name(name: str) -> str:
    """The code of a language given by its English name ('German' -> 'de'), or ''."""
    wanted = name.strip().lower()
    codes = [code for code, english in _language_names().items() if english.lower() == wanted and "_" not in code]
    return min(codes, key=len, default="")


@lru_cache(maxsize=1024)
def direction(tag: str) -> str:
    """'rtl' for a language written right to left (Arabic, Hebrew, Persian, Urdu, Sorani Kurdish, …, and a
    tag with such a script: 'uz-Arab'), else 'ltr', as CLDR says; 'ltr' for a language CLDR has no data for."""
    from babel import Locale, UnknownLocaleError

    parts = tag.replace("_", "-").split("-")
    script = next((p for p in parts[1:] if len(p) == 4), "")
    for candidate in ([f"{parts[0]}-{script}"] if script else []) + [parts[0]]:
        try:
            return "rtl" if Locale.parse(candidate, sep="-").character_order == "right-to-left" else "ltr"
        except (UnknownLocaleError, ValueError):
            continue
    return "ltr"


# ---- the site's language: its catalog of the layouts' words, and CLDR's dates and numbers -------------------

LOCALES = Path(__file__).parent / "locales"
"""The shipped catalogs: locales/<language>/LC_MESSAGES/newsdigest.po, made from locales/newsdigest.pot."""
DOMAIN = "newsdigest"


@dataclass(frozen=True, eq=False)
class Language:
    """The site's language, for the layouts and the feeds: its words (gettext, from the shipped catalog with
    the operator's file merged over it) and CLDR's forms of its dates, times and numbers."""

    tag: str
    """As site.language gives it, normalized: 'de', 'pt-BR'."""
    locale: Any
    """babel.Locale."""
    translations: Any
    """babel.support.Translations (gettext and ngettext with the language's plural rule)."""
    catalogs: tuple[str, ...]
    """The .po files merged, the shipped one first, for messages."""
    version: str
    """A hash of the catalogs' bytes: a page made with other words is made again."""
    clocks: dict = field(default_factory=dict, repr=False)
    """clock()'s two parts: the time of day's, by the time of day; the zone's, by the zone, offset and name."""

    @cached_property
    def dir(self) -> str:
        """'rtl' or 'ltr': the direction the site is written in."""
        return "rtl" if self.locale.character_order == "right-to-left" else "ltr"

    @property
    def primary(self) -> str:
        return primary(self.tag)

    def gettext(self, message: str, **values: Any) -> str:
        """The translation of `message`, with %(name)s filled from `values`."""
        text = self.translations.gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, n: int, **values: Any) -> str:
        """The form of the message for `n` by the language's plural rule; %(num)s is `n` as the language writes it."""
        return self.translations.ngettext(singular, plural, n) % {"num": self.number(n), **values}

    @lru_cache(maxsize=1024)
    def minutes_read(self, n: int) -> str:
        """'4 min read', '4 Min. Lesezeit', 'قراءة في 4 دقائق': an article's reading time."""
        return self.ngettext("%(num)s min read", "%(num)s min read", n)

    @lru_cache(maxsize=4096)
    def stories(self, n: int) -> str:
        """'1 story', '12 stories', '12 Artikel', '12 خبرًا': a count of articles."""
        return self.ngettext("%(num)s story", "%(num)s stories", n)

    # Dates and times: each made once per process, for a site shows each date many times over. A date's forms
    # are cached by the day, a clock by the time of day and the zone, which is all they show: cached by the
    # instant, each article's time would be formatted anew on every page and in every worker that shows it.

    def long_date(self, day: date) -> str:
        """With the weekday: 'Tuesday, 10 March 2026' (en-GB), 'martes, 10 de marzo de 2026', '2026年3月10日火曜日'."""
        return self._day_form(_day(day), "full")

    def date(self, day: date) -> str:
        """Without the weekday: '10 March 2026' (en-GB), '10 de marzo de 2026', '10. März 2026', '2026年3月10日'."""
        return self._day_form(_day(day), "long")

    def short_date(self, day: date) -> str:
        """'10 Mar 2026' (en-GB), '10. März 2026', '10 مارس 2026', '2026年3月10日'."""
        return self._day_form(_day(day), "yMMMd")

    def month(self, day: date) -> str:
        """The month and year, as a heading names it: 'March 2026', 'März 2026', 'март 2026 г.', '2026年3月'."""
        return self._day_form(_day(day), "yMMMM")

    @lru_cache(maxsize=16384)
    def _day_form(self, day: date, form: str) -> str:
        """`day` in CLDR's "full" or "long" date format, or by a skeleton of date fields alone ('yMMMd')."""
        from babel.dates import format_date, format_skeleton
        return format_date(day, form, locale=self.locale) if form in ("full", "long") else \
            format_skeleton(form, day, locale=self.locale)

    def clock(self, when: datetime) -> str:
        """The time of day and its zone, as the reader's locale writes them: '09:00 BST' (en-GB), '9:00 AM IST'
        (en-IN), '09:00 MESZ' (de), '9:00 ص GMT+03:00' (ar): CLDR's short name of the zone where the language
        has one, else its offset from GMT."""
        # Cached in two parts, by what each shows of `when`: the time of day (CLDR's short time formats show hours,
        # minutes and a day period, in every locale) and the zone (its name or offset, standard or summer time).
        time, zone = when.time(), (when.tzinfo, when.utcoffset(), when.dst(), when.tzname())
        made = self.clocks
        if time not in made:
            from babel.dates import format_time
            made[time] = format_time(when, "short", locale=self.locale)
        if zone not in made:
            from babel.dates import format_datetime, get_timezone_gmt
            name = format_datetime(when, "z", locale=self.locale)
            made[zone] = get_timezone_gmt(when, "long", locale=self.locale) if name[:1] in "+-" else name
        return f"{made[time]} {made[zone]}"

    def long_date_time(self, when: datetime) -> str:
        """long_date and clock joined as the language joins a date and a time: 'Tuesday, 10 March 2026, 09:15 GMT'."""
        return self.date_and_time(self.long_date(when), self.clock(when))

    def date_and_time(self, day: str, time: str) -> str:
        """A date and a time joined as the language joins them: '…, 09:00 BST', '…، 9:00 ص', '… 9:00'."""
        return self._date_and_time.replace("{1}", day).replace("{0}", time)

    @cached_property
    def _date_and_time(self) -> str:
        return self.locale.datetime_formats["full"]

    @property
    def arrows(self) -> tuple[str, str]:
        """('←', '→'): back to newer, on to older, pointing the way the page reads (mirrored right to left)."""
        return ("→", "←") if self.dir == "rtl" else ("←", "→")

    @lru_cache(maxsize=16384)
    def names(self, items: tuple[str, ...]) -> str:
        """A list as the language writes one: 'A, B and C' (en-GB), 'A, B und C', 'A وB وC'."""
        from babel.lists import format_list
        return format_list(list(items), locale=self.locale) if items else ""

    @lru_cache(maxsize=4096)
    def number(self, n: int) -> str:
        """1234 -> '1,234' (en), '1.234' (de), '1 234' (fr)."""
        from babel.numbers import format_decimal
        return format_decimal(n, locale=self.locale)


def _day(day: date) -> date:
    """The day of a date or datetime (whose date is what the date formats show of it)."""
    return day.date() if isinstance(day, datetime) else day


def load_language(tag: str, own: Path | None = None) -> Language:
    """The Language of `tag`: the shipped catalog of its language (of 'pt' for 'pt-BR', of none for a
    language newsdigest does not ship: its words stay English), with the operator's `own`/<tag>.po (or
    <language>.po) merged over it, so that a message there adds to or replaces the shipped one. A file
    that is not a valid .po file is a BuildError naming it and the line."""
    from babel import Locale, UnknownLocaleError
    from babel.support import NullTranslations

    try:
        locale = Locale.parse(tag, sep="-")
    except (UnknownLocaleError, ValueError):   # a region or script CLDR has no data for: the language's own
        locale = Locale.parse(primary(tag))
    shipped = [LOCALES / name / "LC_MESSAGES" / f"{DOMAIN}.po" for name in _catalog_names(locale)]
    mine = [own / f"{name}.po" for name in (tag, tag.replace("-", "_"), primary(tag))] if own else []
    files = [p for p in shipped if p.is_file()][:1] + [p for p in mine if p.is_file()][:1]
    translations, digest = None, hashlib.sha256()
    for path in files:
        raw = path.read_bytes()
        digest.update(raw)
        compiled = _compiled(raw, path, locale)
        translations = compiled if translations is None else translations.merge(compiled)
    return Language(tag, locale, translations or NullTranslations(), tuple(str(p) for p in files),
                    digest.hexdigest()[:16])


def _catalog_names(locale: Any) -> list[str]:
    """The shipped catalogs that fit a locale, the closest first: pt_BR, then pt. Chinese in its traditional
    script (zh-Hant, zh-TW, zh-HK, zh-MO) does not fall back to the simplified catalog."""
    traditional = locale.language == "zh" and (locale.script == "Hant" or locale.territory in ("TW", "HK", "MO"))
    names = [str(locale)] + ([] if traditional else [locale.language])
    return list(dict.fromkeys(names))


def _compiled(raw: bytes, path: Path, locale: Any) -> Any:
    """A .po file's bytes -> Translations: read with Babel's parser, compiled to .mo in memory (no .mo file is
    shipped or written: the .po file is the only source, and the Quick start needs no compile step)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import PoFileError, read_po
    from babel.support import Translations

    try:
        catalog = read_po(io.BytesIO(raw), locale=locale, abort_invalid=True)
    except PoFileError as exc:
        line = getattr(exc, "lineno", None)
        raise BuildError(f"not a valid translation catalog (.po file): {exc}", path, line) from None
    except UnicodeDecodeError:
        raise BuildError("not UTF-8 text: save the catalog as UTF-8", path) from None
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)
