"""Which sections the header names: those `nav:` in config.yaml lists, in its order; without it, the sections
with the most articles that fit one line of a phone's screen (390 px wide), by name. Every other section is
on the Sections page (section/), which the header links when it leaves any out.

The line is measured with the header's type as layouts/static/style.css sets it (.masthead nav: 13 px sans,
bold, upper case, letter-spacing 0.05 em, 1.1 rem between links, inside 1.25 rem of padding) and the advance
widths of a bold sans, rounded up: a layout with other type should set `nav:`.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from .errors import Problems
from .slug import slugify

LINE_PX = 390 - 2 * 16
"""A 390 px wide screen less the page's padding on both sides (.wrap on a narrow screen: 1rem)."""
FONT_PX = 13.0
GAP_PX = 17.6
LETTER_SPACING_EM = 0.05
SECTIONS_LINK = "Sections"
EMS = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 &-'.,",
               [0.774, 0.762, 0.734, 0.830, 0.683, 0.683, 0.821, 0.837, 0.372, 0.372, 0.775, 0.637, 0.995, 0.837,
                0.850, 0.733, 0.850, 0.770, 0.720, 0.682, 0.812, 0.774, 1.103, 0.771, 0.724, 0.725]
               + [0.696] * 10 + [0.348, 0.872, 0.415, 0.342, 0.380, 0.380]))
"""Advance widths (em) of DejaVu Sans Bold's capitals, digits and common marks: the widest of the faces the
header's font stack picks (Segoe UI, Roboto, Helvetica and San Francisco set narrower), so what fits measured
with it fits with them. Other Latin letters count as their base letter; others, a full em."""


class NavItem(NamedTuple):
    name: str
    slug: str


def header_sections(sections: list[tuple[str, str, int]], nav: tuple[str, ...] | None,
                    problems: Problems) -> tuple[tuple[NavItem, ...], bool]:
    """`sections`: (name, slug, articles) of every section. Return the sections the header names, and whether
    it leaves any out (and so links the Sections page). A `nav:` name that is no section is left out, with a
    warning naming the section it may mean."""
    by_slug = {slug: (name, n) for name, slug, n in sections}
    if nav is not None:
        shown = []
        for name in nav:
            if slugify(name) in by_slug:
                shown.append(NavItem(name, slugify(name)))
                continue
            import difflib

            meant = difflib.get_close_matches(name.lower(), [s[0].lower() for s in sections], n=1, cutoff=0.75)
            guess = next((f"; did you mean '{s[0]}'?" for s in sections if meant and s[0].lower() == meant[0]), "")
            problems.warn(f"config.yaml: nav: '{name}' is no section of the digest (no article is filed under it)"
                          f"{guess}; the header leaves it out")
        shown = list(dict.fromkeys(shown))
        return tuple(shown), len({i.slug for i in shown}) < len(by_slug)
    ranked = sorted(sections, key=lambda s: (-s[2], s[0].lower(), s[1]))
    if sum(width(name) for name, _, _ in ranked) + GAP_PX * (len(ranked) - 1) <= LINE_PX:
        chosen = [NavItem(name, slug) for name, slug, _ in ranked]          # all of them fit
    else:
        room, chosen = LINE_PX - width(SECTIONS_LINK), []
        for name, slug, _ in ranked:   # the most read first; one too long for what is left makes way for the next
            if width(name) + GAP_PX <= room:
                chosen.append(NavItem(name, slug))
                room -= width(name) + GAP_PX
    return tuple(sorted(chosen, key=lambda i: (i.name.lower(), i.slug))), len(chosen) < len(ranked)


def width(label: str) -> float:
    """The width in px of a header link's label, upper-cased, at most (see the module's docstring)."""
    ems = 0.0
    for c in label.upper():
        base = unicodedata.normalize("NFKD", c)[:1] or c
        ems += EMS.get(base, 1.0) + LETTER_SPACING_EM
    return ems * FONT_PX
