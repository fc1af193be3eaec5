"""A deterministic synthetic news corpus: N content files (Markdown + front matter) and N raw seeds.

~600 words per article in 6-10 paragraphs with subheads, a list and links; 8 sections, ~200 tags,
dates spread over a year. The same N always gives the same bytes.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

SECTIONS = ["World", "Business", "Technology", "Science", "Sport", "Health", "Climate", "Culture"]
WORDS = ("harbour council minister market energy river school hospital budget tariff election rainfall bridge "
         "station factory museum researchers engineers farmers festival court inflation railway satellite vaccine "
         "drought orchestra league summit exports startup battery wetlands reservoir ferry airport police union "
         "village province coast forest stadium library mayor committee report survey data price wages growth").split()
PLACES = ["Lisbon", "Nairobi", "Osaka", "Valencia", "Mumbai", "Leeds", "Porto Alegre", "Tbilisi", "Hobart", "Accra",
          "Quito", "Gdansk", "Cebu", "Tromso", "Oaxaca", "Tartu", "Kigali", "Perth", "Lyon", "Izmir"]
TAGS = [f"{p} {w.title()}" for p in PLACES for w in WORDS[:10]]          # 200 tags
START = datetime(2025, 1, 1, 6, 0, tzinfo=timezone.utc)


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(9, 18))]
    words.insert(rng.randint(1, len(words) - 1), rng.choice(PLACES))
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 5)))


def article(i: int) -> dict:
    """The fields of article i."""
    rng = random.Random(i)
    title = f"{rng.choice(PLACES)} {rng.choice(WORDS)} {rng.choice(WORDS)} plan {i}"
    paragraphs = [paragraph(rng) for _ in range(rng.randint(6, 10))]
    return {
        "title": title.capitalize(),
        "dek": sentence(rng).rstrip("."),
        "date": START + timedelta(minutes=(i * 52_559) % 525_600),
        "section": SECTIONS[i % len(SECTIONS)],
        "tags": rng.sample(TAGS, 3),
        "author": f"{rng.choice(['Ana', 'Sam', 'Lena', 'Tariq', 'Priya', 'Owen'])} {rng.choice(['Ruiz', 'Okoro', 'Vogel', 'Nair', 'Pryce'])}",
        "paragraphs": paragraphs,
        "subheads": [f"{rng.choice(WORDS).title()} {rng.choice(WORDS)} ahead" for _ in range(2)],
    }


def content_text(i: int) -> str:
    a = article(i)
    body = []
    for n, p in enumerate(a["paragraphs"]):
        if n in (2, 5):
            body.append(f"## {a['subheads'][n // 5]}")
        if n == 3:
            body.append("\n".join(f"- {sentence(random.Random(i * 7 + k))}" for k in range(3)))
        if n == 1:
            p += f" See [the report](https://example.com/report/{i}) and [earlier coverage](../)."
        body.append(p)
    tags = ", ".join(a["tags"])
    return (f"---\ntitle: \"{a['title']}\"\ndek: \"{a['dek']}\"\ndate: {a['date'].isoformat()}\ncategory: {a['section']}\n"
            f"tags: [{tags}]\nauthors: [{a['author']}]\n---\n\n" + "\n\n".join(body) + "\n")


def seed_text(i: int, when: datetime | None = None) -> str:
    """Article i as text copied from a page; dated `when` instead of its own date if given."""
    a = article(i)
    if when:
        a["date"] = when
    return "\n".join([
        f"Home{a['section']}{a['title']}", "", a["title"], "", a["dek"], "", f"By {a['author'].upper()}",
        f"{a['date']:%B} {a['date'].day}, {a['date']:%Y} / {a['date']:%H:%M} GMT", "Story continues below Advertisement",
        *[x for p in a["paragraphs"] for x in (p, "")], "Related topics", *a["tags"], ""])


def write_corpus(root: Path, n: int, seeds: bool = False) -> None:
    """Write n content files (or n seeds) under root/content (root/seeds)."""
    folder = root / ("seeds" if seeds else "content")
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        if seeds:
            (folder / f"s{i:06d}.txt").write_text(seed_text(i), encoding="utf-8")
        else:
            (folder / f"a{i:06d}.md").write_text(content_text(i), encoding="utf-8")
