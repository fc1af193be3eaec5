"""Where a saved page's witnesses disagree (markup.py gathers them): the headline, the publication time and the
authors, each decided by vote. A witness that agrees with the visible header (the headline a reader sees and
the byline and dateline under it) wins a disagreement, and the field is marked for review; where the page is
of one mind, no mark.

Trust, for ties: the article's JSON-LD, then its meta tags, microdata, the <time> by the headline, the visible
header, then trafilatura's reading of the same markup (extract_metadata: htmldate for the date).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

from ..slug import slugify
from .bylines import ACCOUNTS, ROLE_NOUN, ROLE_WORDS, is_outlet, is_person, split_names
from .dates import CALENDAR, day_of
from .markup import Witness

TRUST = ("json-ld", "meta", "social", "microdata", "time", "h1", "byline", "title", "trafilatura", "rel-author", "name-line")
SEPARATOR = re.compile(r"\s+[|–—·•»«:/-]\s+|\s+::\s+|\s*\|\s*")
STRONG_AUTHORS = {"json-ld", "meta", "microdata", "byline"}
DATE_GROUPS = {"time": "shown", "byline": "shown"}
"""Date witnesses that copy each other: the visible dateline is most often the <time> element's text."""
GROUPS = {"social": "sharing", "title": "sharing", "trafilatura": "sharing"}
"""Headline witnesses that copy each other (og:title, <title> and trafilatura's title, read from those two): one vote.
JSON-LD that repeats the <title> letter for letter counts as the <title> (decide_title)."""
MAX_AUTHORS = 8


def _rank(source: str) -> int:
    return TRUST.index(source) if source in TRUST else len(TRUST)


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower().replace("’", "'")))


# ---- the headline ---------------------------------------------------------------------------------------------


def without_site(title: str, outlets: list[str], url: str = "") -> str:
    """The headline less the site's name before or after it ('Water charges rise | Example News'), and a section
    between the headline and the site's name ('… - Newspaper - The Daily Example', 'Example FM - News - …'); '' when
    the title is nothing but the site's name. A site's name is an outlet's, or the address's host or its name under
    the top-level domain ('ledgerly' of help.ledgerly.io), however spaced ('Riverglen 98.7 FM' of riverglen987.com.au),
    or a part opening with one of those ('Ledgerly Help Center')."""
    names = {_key(o) for o in outlets if _key(o)}
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    if host:
        labels = host.split(".")[:-1]   # less the top-level domain; then less a second level ('co', 'com' in .com.au)
        labels = labels[:-1] if len(labels) > 1 and len(labels[-1]) <= 3 else labels
        names |= {_key(host), _key(host.rsplit(".", 1)[0]), _key(host.split(".")[0]),
                  _key(labels[-1] if labels else "")}
    names.discard("")
    packed = {n.replace(" ", "") for n in names}
    if _key(title) in names:
        return ""
    parts = SEPARATOR.split(title)
    if len(parts) == 1:
        return title

    def site_like(part: str) -> bool:   # 'Riverglen 98.7 FM' of riverglen987.com.au, 'Ledgerly Help' of ledgerly.io
        key = _key(part)
        bare = key.removeprefix("the ").replace(" ", "")
        return bool(key) and (key in names or bare in packed
                              or any(len(n) > 3 and (bare.startswith(n) or n.startswith(bare)) for n in packed))

    site_at_end = False
    while len(parts) > 1 and site_like(parts[-1]):
        parts.pop()
        title = title[:title.rfind(SEPARATOR.findall(title)[-1])]
        site_at_end = True
    while site_at_end and len(parts) > 1 and len(parts[-1].split()) <= 2:   # 'Headline - Newspaper - The Daily Example':
        parts.pop()                                                        # the section between the headline and the site
        title = title[:title.rfind(SEPARATOR.findall(title)[-1])]
    site_at_start = False
    while len(parts) > 1 and site_like(parts[0]):
        parts.pop(0)
        title = title[SEPARATOR.search(title).end():]
        site_at_start = True
    while site_at_start and len(parts) > 1 and len(parts[0].split()) <= 2:   # 'Riverglen FM - News - Headline'
        parts.pop(0)
        title = title[SEPARATOR.search(title).end():]
    return title.strip()


def _cut_short(part: str, headline: str) -> bool:
    """Whether `part` (of a <title>, less its separators) is `headline` cut short: its first three words or more,
    up to a comma, a colon or a space, more words after it ('Big Piney VFD finally gets its tanker' of '…, with a
    little help from pie'; not of '… / Dec 2025', a blog's date)."""
    return len(part.split()) >= 3 and headline.startswith(part) and bool(re.match(r"[,:]?\s\w", headline[len(part):]))


def story_words(prose: str) -> set[str]:
    """The words of the story's prose, as _key gives them, for about_story."""
    return set(_key(prose).split())


def about_story(title: str, words: set[str]) -> bool:
    """Whether a headline shares a word of four letters or more with the story (`words`: story_words)."""
    return any(len(x) >= 4 and x in words for x in _key(title).split())


def headings_only(witnesses: list[Witness], outlets: list[str], url: str, words: set[str]) -> bool:
    """Whether every headline witness, less the site's name, is a word or two the story shares none of ('Aktuelles',
    a section's name as the page's heading) nor the address's slug names; True where there is none."""
    return not any(about_story(title := without_site(str(w.value), outlets, url), words) or len(_key(title).split()) > 2
                   or not any(map(str.isalpha, title)) or in_slug(title, url) for w in witnesses)


def slug_words(url: str) -> set[str]:
    """The words of the address's slug, its last path segment with letters, less its extension and numbers
    ('…/2012/05/31/das-ministerium-fur-club-kultur-informiert/' -> {'das', 'ministerium', 'fur', …}); empty
    without."""
    for part in reversed([p for p in unquote(urlsplit(url).path).split("/") if p]):
        words = {w for w in re.split(r"[-_+.\s]+", re.sub(r"\.[a-z]{2,5}$", "", part.lower())) if w and not w.isdigit()}
        if any(w.isalpha() for w in words):
            return words
    return set()


def in_slug(title: str, url: str) -> bool:
    """Whether the address's slug is the headline's words, as the site's software made it from them (slugify):
    four in five of the slug's words are the headline's, half of the headline's the slug's."""
    slug = slug_words(url)
    words = set(slugify(title).split("-")) if slug else set()
    shared = len(slug & words)
    return bool(shared) and shared >= 0.8 * len(slug) and shared >= 0.5 * len(words)


def decide_title(witnesses: list[Witness], outlets: list[str], url: str, words: set[str] = frozenset(), read: str = ""
                 ) -> tuple[str, str]:
    """(the headline, '' or why it needs review): each witness less the site's name; the text most independent
    witnesses give (GROUPS) wins, the most trusted on a tie, but the page's one <h1> of three words or more, the
    headline as readers see it, wins over what its metadata says otherwise (a shorter og:title, an SEO headline);
    a kicker of a word or two the <h1> shows without ('Analyse: …', 'Spielbericht: …' in the <title>) is not the
    headline's; an <h1> that goes on where the winner ends ('Rents rise: tenants speak out' over og:title 'Rents
    rise') is the headline; the headline is written as its <h1> shows it. Where some witness shares a word with the
    story (`words`: story_words), one that shares none ('Blog', a theme's page heading in the <h1>) is no headline;
    where every one is a section's name (headings_only), the headline the text reader `read` off the page's text,
    marked for review. The headline the address's slug was made of (in_slug) has a vote of its own, and wins a
    tie."""
    headlines = {_key(str(w.value)) for w in witnesses if w.source in ("json-ld", "microdata", "h1")}
    outlets = [o for o in outlets if not any(h.startswith(f"{_key(o)} ") for h in headlines)]   # a site named after
    # the first part of the headline ('Sternsinger sammeln 14.380 Euro' of '… – so viel wie nie zuvor', trafilatura's
    # guess from the <title>) is no site
    if words and read and about_story(read, words) and headings_only(witnesses, outlets, url, words):
        return read, f"no headline the markup gives is about the story ({', '.join(sorted({str(w.value) for w in witnesses}))[:80]}): took the text's"
    # about the story less the site's name ('Newsroom | St. Brendan Health' shares only the site's words with it)
    witnesses = [w for w in witnesses if about_story(without_site(str(w.value), outlets, url), words)] or witnesses
    headlines = {_key(str(w.value)) for w in witnesses if w.source in ("json-ld", "microdata", "h1")}
    outlets = [o for o in outlets if _key(o) not in headlines]   # a site named after the story is no site
    others = {_key(without_site(str(w.value), outlets, url)) for w in witnesses if w.source != "title"}
    witnesses = [replace(w, value=_less_site_part(str(w.value), others)) if w.source == "title"
                 and without_site(str(w.value), outlets, url) == str(w.value) else w for w in witnesses]
    copied = {str(w.value) for w in witnesses if w.source == "title"}
    shown = {str(w.value) for w in witnesses if w.source == "h1"}
    if read and not shown and any(_cut_short(part, read) for w in witnesses for part in SEPARATOR.split(str(w.value))):
        return read, ""   # no <h1>: the headline the reader sees, which a <title> or og:title gives cut short
    support: dict[str, set[str]] = {}
    text_of: dict[str, tuple[int, str]] = {}
    as_shown: dict[str, str] = {}
    for w in witnesses:   # a site's name the page's own <h1> shows in the headline is part of it ('Acme Weekly #18 – …')
        title = without_site(str(w.value), outlets, url)
        title = str(w.value) if title and str(w.value) in shown else title
        kicker, colon, rest = title.partition(": ")
        title = rest if colon and rest in shown and len(kicker.split()) <= 2 else title   # 'Spielbericht: …' over an <h1>
        key = _key(title)
        if not key or len(title.split()) > 60:
            continue
        # JSON-LD that repeats the <title> to the letter (a WebPage's name, an SEO plugin's headline) copies it
        support.setdefault(key, set()).add("title" if w.source == "json-ld" and str(w.value) in copied else w.source)
        if in_slug(title, url):
            support[key].add("url")   # the site's software made the address from it
        if key not in text_of or _rank(w.source) < text_of[key][0]:
            text_of[key] = (_rank(w.source), title)
        if w.source == "h1":
            as_shown.setdefault(key, title)   # 'Tempête Ilona : près de …' as the reader sees it (og:title: 'Ilona:')
    if not support:
        return "", ""
    h1s = [k for k in support if "h1" in support[k]]
    h1 = h1s[0] if len(h1s) == 1 and len(h1s[0].split()) >= 3 else ""   # the one headline the page shows
    best = h1 or min(support, key=lambda k: (-len({GROUPS.get(s, s) for s in support[k]}), "url" not in support[k],
                                             text_of[k][0]))   # on a tie, the one the address was made of
    best = next((k for k in sorted(support, key=len, reverse=True) if k.startswith(best + " ")
                 and "h1" in support[k]), best)   # an <h1> that goes on where the metadata cut it short
    rivals = [k for k in support if k != best and support[k] & {"json-ld", "social", "h1"}]
    review = ""
    if rivals and len(support[best]) == 1 and best != h1:
        review = (f"the page's headlines differ ({', '.join(sorted(support[best]))}: {text_of[best][1]!r}; "
                  f"{', '.join(sorted(support[rivals[0]]))}: {text_of[rivals[0]][1]!r})")
    return as_shown.get(best, text_of[best][1]), review


def _less_site_part(title: str, others: set[str]) -> str:
    """A <title> that is another witness's headline with a part of four words or fewer before or after it ('Tide
    Turns | Lyric Notes' beside trafilatura's 'Tide Turns'): the headline; the part is the site's name, though
    nothing else names the site (decide_title asks only of a <title> in which no known site's name stands).
    `others`: the other witnesses' _key, less the sites' names."""
    for m in SEPARATOR.finditer(title):
        head, tail = title[:m.start()], title[m.end():]
        if _key(head) in others and len(tail.split()) <= 4:
            return head
        if _key(tail) in others and len(head.split()) <= 4:
            return tail
    return title


# ---- the publication time -------------------------------------------------------------------------------------


def decide_date(witnesses: list[Witness], zone: str) -> tuple[datetime | date | None, str]:
    """(when the page was published, '' or why it needs review). The day most independent witnesses give (the
    article's JSON-LD; its meta tags; its microdata; what it shows, the <time> by the headline and the visible
    dateline, which is most often drawn from it; trafilatura's htmldate), the most trusted on a tie, marked
    for review when they differ; then, of the witnesses on that day, the first by trust that gives a time
    with its offset: the first giving an instant that a witness in an offset not UTC gives too (to the minute: a
    dateline gives no seconds), told in that offset; else the first in an offset not UTC; else a time without
    one (in the offset another witness gives, else the site's `zone`); else the day. A time without an offset
    that is another witness's instant told in some zone ('2019-11-18T20:58:46' beside '2019-11-19T04:58:46Z') is
    that instant, in that zone's offset (_placed)."""
    if not witnesses:
        return None, ""
    witnesses = _placed(witnesses)
    groups: dict[date, set[str]] = {}
    for w in witnesses:
        groups.setdefault(day_of(w.value), set()).add(DATE_GROUPS.get(w.source, w.source))
    ranked = sorted(groups, key=lambda d: (-len(groups[d]), min(_rank(w.source) for w in witnesses if day_of(w.value) == d)))
    day, review = ranked[0], ""
    rivals = [d for d in ranked[1:] if abs(d - day) > timedelta(days=1) and groups[d] - {"trafilatura"}]
    if rivals:
        review = "the page's dates differ (" + "; ".join(
            f"{', '.join(sorted(groups[d]))}: {d.isoformat()}" for d in ranked[:3]) + f"): chose {day.isoformat()}"
    on_day = sorted((w for w in witnesses if day_of(w.value) == day), key=lambda w: _rank(w.source))
    timed = [w.value for w in on_day if isinstance(w.value, datetime)]
    aware = [t for t in timed if t.tzinfo is not None]
    for i, t in enumerate(aware):   # a time in the page's own offset that another witness confirms
        twins = [u for j, u in enumerate(aware) if abs(u - t) < SAME_INSTANT and j != i]
        if t.utcoffset() and twins:
            return next(u for u in aware if u is t or u in twins).astimezone(t.tzinfo), review
    if aware:   # else a time in an offset of the page's own over one in UTC (often a local time mislabelled)
        return next((t for t in aware if t.utcoffset()), aware[0]), review
    if timed:
        offset = next((w.value.tzinfo for w in witnesses if isinstance(w.value, datetime) and w.value.tzinfo), None)
        naive = timed[0]
        if offset is None:
            local = naive.replace(tzinfo=ZoneInfo(zone))
            offset = timezone(local.utcoffset() or timedelta(0))
        return naive.replace(tzinfo=offset), review
    return day, review


SAME_INSTANT = timedelta(minutes=1)
"""Two times this close are one instant told twice (a visible dateline gives minutes, the markup seconds)."""


def _placed(witnesses: list[Witness]) -> list[Witness]:
    """The witnesses, each time given without an offset that is an aware witness's instant told in another zone
    (the same clock time, a whole quarter-hour offset of at most 14 hours away) given that offset. A time at
    midnight is left alone: it is most often a day written as a time."""
    instants = [w.value.astimezone(timezone.utc).replace(tzinfo=None) for w in witnesses
                if isinstance(w.value, datetime) and w.value.tzinfo is not None]
    out = []
    for w in witnesses:
        when = w.value
        if isinstance(when, datetime) and when.tzinfo is None and when.time() != datetime.min.time():
            for utc in instants:
                offset = timedelta(minutes=15 * round((when - utc) / timedelta(minutes=15)))
                if abs(offset) <= timedelta(hours=14) and abs(when - utc - offset) < SAME_INSTANT:
                    w = Witness(w.source, when.replace(tzinfo=timezone(offset)))
                    break
        out.append(w)
    return out


# ---- the authors ----------------------------------------------------------------------------------------------


def decide_authors(witnesses: list[Witness], outlets: list[str]) -> tuple[list[str], str, str]:
    """(the people who wrote it, the outlet a byline credits ('' if none), '' or why it needs review).

    Each witness's names are split ('By A and B', 'ByA'); an organisation ('ABC News', '… Staff', the site's own
    name) is the outlet, not an author, when a person is named. A name counts when a strong witness (JSON-LD, a
    meta tag, microdata, the visible byline) or two witnesses give it; where the visible byline and the markup
    name different people, the byline wins and the field is marked."""
    named: dict[str, tuple[str, set[str], tuple[int, int]]] = {}   # key -> (name as given, sources, first place)
    order = {id(w): i for i, w in enumerate(sorted(witnesses, key=lambda w: (w.source != "byline", _rank(w.source))))}
    for w in sorted(witnesses, key=lambda w: (w.source == "byline", _rank(w.source))):
        at = 0
        for value in w.value:
            whole = is_outlet(str(value), outlets) and _key(str(value)) in {_key(o) for o in outlets}
            for name in [str(value)] if whole else split_names(str(value)):   # 'Morgan & Morgan' is one firm
                if _key(name) in ACCOUNTS:
                    continue   # the CMS account that posted it ('admin'): no one's name
                key, place, at = _key(name), (order[id(w)], at), at + 1   # the byline's order first, the markup's spelling
                same = next((k for k in named if _same_person(k, key)), None)
                if same is None:
                    named[key] = (name, {w.source}, place)
                else:   # the name as the most trusted witness writes it (sorted so: the byline's comes last)
                    shown, sources, first = named[same]
                    fuller = len(shown.split()) == 1 < len(name.split())   # 'Gudrun' in the markup, 'Gudrun Wellmann' shown
                    turned = name != shown and sorted(shown.split()) == sorted(name.split())   # 'Kovács Péter' shown,
                    if turned:                                                      # 'Péter Kovács' in the markup:
                        keep = name if w.source in VISIBLE else shown if sources & VISIBLE else name   # as the page shows it
                    else:
                        keep = name if sources == {"byline"} or fuller else shown
                    named[same] = (keep, sources | {w.source}, min(first, place))
    if any(v[1] - {"name-line"} for v in named.values() if not is_outlet(v[0], outlets) and not _no_name(*v[:2])):
        lines = [[k for n in w.value for name in split_names(str(n)) for k in named if _same_person(k, _key(name))]
                 for w in witnesses if w.source == "name-line"]
        vouched = {k for keys in lines if any(named[k][1] - {"name-line"} for k in keys) for k in keys}
        named = {k: v for k, v in named.items() if v[1] - {"name-line"} or k in vouched}   # a bare name line only when no
        # one names a person, or when it names one the markup names too ('Nadia Ferris, Colm Deasy' beside JSON-LD's Nadia)
    people = [(k, v) for k, v in named.items() if not is_outlet(v[0], outlets)]
    people = [(k, v) for k, v in people if not _no_name(v[0], v[1])]
    if len(people) > 1:   # a lone word only the visible header gives ('Updated' glued to a byline) is no name
        people = [(k, v) for k, v in people if len(k.split()) >= 2 or v[1] - {"byline", "name-line"}] or people
    firms = [(k, v) for k, v in named.items() if is_outlet(v[0], outlets)]
    alone = not any(v[1] & STRONG_AUTHORS for _, v in people + firms)   # only weak witnesses name anyone: all there is
    firm_only = not any(v[1] & STRONG_AUTHORS for _, v in people)   # the markup credits only the site or a firm
    counted = [(k, v) for k, v in people if v[1] & STRONG_AUTHORS or len(v[1]) >= 2 or alone or "name-line" in v[1]
               or firm_only and is_person(v[0].split())]   # a person a weak witness names, over the firm
    review = ""
    seen = [(k, v) for k, v in counted if "byline" in v[1]]
    markup = [(k, v) for k, v in counted if v[1] - {"byline", "trafilatura", "rel-author", "name-line"}]
    if seen and markup and not any("byline" in v[1] for _, v in markup) and all(len(k.split()) >= 2 for k, _ in seen):
        review = (f"the byline names {', '.join(v[0] for _, v in seen)}; the page's markup "
                  f"{', '.join(v[0] for _, v in markup)}")
        counted = seen   # the page's markup often names the account that posted it ('admin', an editor)
    outlet = firms[0][1][0] if firms else ""
    if counted:
        return [v[0] for _, v in sorted(counted, key=lambda kv: kv[1][2])][:MAX_AUTHORS], outlet, review
    return [v[0] for _, v in firms][:2], outlet, review


VISIBLE = frozenset({"byline", "name-line"})
"""The witnesses that read a name off what the page shows."""


def _no_name(name: str, sources: set[str]) -> bool:
    """What a weak or visible witness took for a name but is none: a month or weekday ('Dec', read off a dateline),
    a word like 'The' or 'Updated', or a job title ('Co-founder')."""
    if sources & {"json-ld", "meta", "microdata"}:
        return False
    words = name.lower().replace("-", " ").split()
    if len(words) == 1 and (words[0].rstrip(".") in CALENDAR["months"] or words[0].rstrip(".") in CALENDAR["weekdays"]
                            or words[0] in NOT_NAMES):
        return True
    return any(w in ROLE_WORDS or ROLE_NOUN.match(w) for w in words) and len(words) <= 3


NOT_NAMES = set("the a an and of updated published posted home menu share by admin author staff".split())


def _same_person(a: str, b: str) -> bool:
    """'lena fischer' and 'lena fischer' or 'tina flint huffman' and 'tina huffman': one's words all in the other's;
    a given name alone and a full name that opens with it ('gudrun', a blog's account, and 'gudrun wellmann')."""
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    if len(shorter.split()) >= 2 and longer.startswith(shorter):
        return True   # 'gabby boucherin budget travel': a name glued to what follows it
    wa, wb = a.split(), b.split()
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return len(short) >= 2 and all(w in long for w in short) or len(short) == 1 < len(long) and short[0] == long[0]   # 'gudrun'
