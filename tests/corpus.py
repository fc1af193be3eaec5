"""A deterministic synthetic news corpus: N content files (Markdown + front matter) and N raw seeds.

~600 words per article in 6-10 paragraphs with subheads, a list and links; 8 sections, ~200 tags,
dates spread over a year. The words are drawn by their frequency in English (wordfreq's list, as
stories.py reads it), with a few made-up names and rarer words of the article's event; three articles
in twenty (i % 20 < 3) are the same event told by three outlets within a few hours, so the stories are
grouped as in a real digest. The same N always gives the same bytes. The benchmarks (bench/run.py) build it
at scale; tests build a few hundred of its articles.
"""

from __future__ import annotations

import itertools
import random
from datetime import datetime, timedelta, timezone
from functools import lru_cache
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
SYLLABLES = "ka ro mi ten sul var osk ine bel dra mon quo lis tar ev ul han pre zor wen".split()


@lru_cache(maxsize=1)
def vocabulary() -> tuple[list[str], list[float]]:
    """The 20,000 commonest English words and their cumulative frequencies (wordfreq's 'small' list)."""
    from newsdigest.stories import zipf_table

    table = sorted(((z, w) for w, z in zipf_table("en").items() if w.isalpha()), key=lambda x: (-x[0], x[1]))[:20_000]
    return [w for _, w in table], list(itertools.accumulate(10 ** z for z, _ in table))


def event_of(i: int) -> int:
    """Articles 20k, 20k+1 and 20k+2 report one event; every other article its own."""
    return i // 20 * 20 if i % 20 < 3 else i


def sentence(rng: random.Random, topic: list[str]) -> str:
    words, weights = vocabulary()
    text = rng.choices(words, cum_weights=weights, k=rng.randint(9, 18))
    for _ in range(rng.randint(1, 2)):
        text.insert(rng.randint(1, len(text) - 1), rng.choice(topic))
    return " ".join(text).capitalize() + "."


def paragraph(rng: random.Random, topic: list[str]) -> str:
    return " ".join(sentence(rng, topic) for _ in range(rng.randint(3, 5)))


def article(i: int) -> dict:
    """The fields of article i."""
    event = random.Random(f"event {event_of(i)}")
    names = ["".join(event.choice(SYLLABLES) for _ in range(event.randint(2, 3))).title() for _ in range(4)]
    words = vocabulary()[0]
    topic = [*names, *event.sample(words[6000:], 6), event.choice(PLACES), str(event.randint(12, 9000))]
    rng = random.Random(i)
    title = f"{names[0]} {rng.choice(topic)} {rng.choice(WORDS)} {rng.choice(topic)} plan {i}"
    paragraphs = [paragraph(rng, topic) for _ in range(rng.randint(6, 10))]
    return {
        "title": title.capitalize(),
        "dek": sentence(rng, topic).rstrip("."),
        "date": START + timedelta(minutes=(event_of(i) * 52_559) % 525_600 + 150 * (i - event_of(i))),
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
            body.append("\n".join(f"- {sentence(random.Random(i * 7 + k), PLACES)}" for k in range(3)))
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
