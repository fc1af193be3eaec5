"""The outlet a copied page came from, read from what the copy shows: its copyright line ('© 2025 The Harbour
Gazette. All rights reserved.'), else the host of an address pasted with it.

A copied page has no structured data to name its site, but nearly every site prints its name in a copyright
line in the footer; the reader takes the last such line of the page (a footer's, not a quoted photo's).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

COPYRIGHT = re.compile(r"(?:©|\(c\)(?=\s*(?:19|20)\d\d)|\bcopyright\b)", re.I)
YEARS = re.compile(r"(?<!\d)(?:19|20)\d\d(?:\s*[-–]\s*(?:(?:19|20)\d\d|\d\d|present|now))?(?!\d)", re.I)
RESERVED = re.compile(r"\b(?:all\s+rights\s+reserved|todos\s+os\s+direitos\s+reservados|todos\s+los\s+derechos\s+reservados|"
                      r"tous\s+droits\s+réservés|alle\s+rechte\s+vorbehalten|tutti\s+i\s+diritti\s+riservati|"
                      r"все\s+права\s+защищены|some\s+rights\s+reserved|powered\s+by|published\s+with|"
                      r"a\s+division\s+of|part\s+of|owned\s+by|registered|privacy|terms)\b.*$", re.I)
LEGAL = re.compile(r",?\s+(?:inc|llc|ltd|limited|plc|gmbh|ag|s\.?a|s\.?l|b\.?v|pty|corp|co|company|group)\.?$", re.I)
LONGEST = 200
"""A copyright line is short: a longer line is prose that mentions copyright."""
NAME_WORDS = 8
"""An outlet's name has at most this many words."""


EDGE_LINES = 15
"""How many lines at the page's top and at its foot the site's name, printed at both, is looked for in (hand-set)."""
FOOTER_PARTS = re.compile(r"\s[|·•]\s|,\s")


def source_name(texts: list[str], source_url: str = "") -> str:
    """The outlet's name: from the page's last copyright line that names one, else a line at the page's top that
    a footer's line opens with before its address or links ('Bündnis Bürgernah – Kreisverband Ebersfeld' over the
    menu, 'Bündnis Bürgernah – Kreisverband Ebersfeld · Geschäftsstelle: Am Stadtgraben 9' at the foot), else the
    address's host ('www.example.org' -> 'example.org'); '' when the copy shows none of them."""
    for text in reversed(texts):
        if len(text) <= LONGEST and COPYRIGHT.search(text):
            name = outlet_in(text)
            if name:
                return name
    top = {text for text in texts[:EDGE_LINES] if 2 <= len(text.split()) <= NAME_WORDS}
    for text in texts[-EDGE_LINES:] if len(texts) > 2 * EDGE_LINES else ():
        head, *rest = FOOTER_PARTS.split(text.strip(), maxsplit=1)
        if rest and head in top:
            return head
    return (urlsplit(source_url).hostname or "").removeprefix("www.") if source_url else ""


def is_outlet(line: str, outlet: str) -> bool:
    """Whether a line is the outlet's name (`outlet`: source_name's), whichever way the page writes it: 'The Riverton
    Ledger' for 'www.rivertonledger.com' or 'Riverton Ledger'."""
    return bool(outlet) and 0 < len(line) <= 60 and _outlet_key(line) == _outlet_key(outlet)


def _outlet_key(name: str) -> str:
    name = re.sub(r"^(?:https?://)?(?:www\.)?", "", name.strip().lower())
    name = re.sub(r"\.[a-z]{2,6}(?:\.[a-z]{2})?$", "", name)   # a host's top-level domain
    return re.sub(r"\W|_", "", re.sub(r"^the\s+", "", name))


def outlet_in(line: str) -> str:
    """'© 2025 The Harbour Gazette. All rights reserved.' -> 'The Harbour Gazette'; '' when the line names no
    outlet ('Copyright 2024', or a label with a colon after the mark: '© Photo: Jane Doe')."""
    m = COPYRIGHT.search(line)
    rest = line[m.end():]
    rest = RESERVED.sub("", rest)
    rest = " ".join(COPYRIGHT.sub(" ", YEARS.sub(" ", rest)).split())
    rest = re.split(r"\s[|·•]\s|\.\s|\s[-–—]\s", rest.strip(" .,;:-–—|"))[0]
    rest = re.sub(r"^(?:by|of)\s+", "", rest.strip(" .,;:-–—|()"), flags=re.I)
    rest = LEGAL.sub("", rest).strip(" .,;:-–—|()")
    words = rest.split()
    if not words or len(words) > NAME_WORDS or ":" in rest or not any(c.isalpha() for c in rest):
        return ""
    return rest
