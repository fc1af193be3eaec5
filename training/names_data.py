"""Write newsdigest/ingest/data/given_names.txt: given names, one a line in lower case, for the header reader's test
of a name alone on its line ('Liz Kenny', not 'Industry Insights'): bylines.given_name. Two sources:
- the first names of Faker's person providers, every locale (MIT licence);
- the first names of names-dataset (Philippe Remy's, from 730,000 first names of 105 countries; Apache-2.0) ranked
  within RANK in some country ('Anil', 'Owain', 'Chirag', 'Yaren', which Faker lacks), less the words any of
  COMMON_IN uses often (wordfreq's Zipf frequency of COMMON or more: 'Top', 'Great', 'The' are ranked names too).

    python3 -m pip install faker names-dataset wordfreq && python3 training/names_data.py

Run when the lists should be refreshed; the build itself needs none of these.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import pkgutil
import sys
from pathlib import Path

import faker
import faker.providers.person as person

OUT = Path(__file__).resolve().parent.parent / "newsdigest" / "ingest" / "data" / "given_names.txt"
FIELDS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")


RANK = 2000
"""A names-dataset first name counts when some country ranks it within this many (its names by how many bear them).
Hand-set: 1,000 took 17 of the 33 writers' given names that Faker lacked in ../shared/modernpages' truth, 2,000 23,
3,000 25; none of the three let in a word of the pages' menus ('Top', 'Help', 'Great', 'Model', 'Quiet')."""
COMMON = 3.5
COMMON_IN = ("en", "de", "fr", "es", "it", "nl", "pt", "pl", "tr", "sv", "da", "nb", "fi", "cs", "ro", "hu", "id", "ms")
"""A word this frequent (Zipf: 3.5 is about once in 300,000 words) in one of these languages is a word first."""


def faker_names() -> tuple[set[str], int]:
    """Faker's first names of every locale, and how many locales."""
    names: set[str] = set()
    locales = 0
    for module in pkgutil.iter_modules(person.__path__):
        if not module.ispkg:
            continue
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        locales += 1
        for field in FIELDS:
            values = getattr(provider, field, None)
            if isinstance(values, (list, tuple, set, frozenset, dict)):   # a dict maps names to frequencies
                names.update(n.strip().lower() for n in values if n.strip() and " " not in n.strip())
    return names, locales


def ranked_names() -> set[str]:
    """names-dataset's first names ranked within RANK in some country, less the common words of COMMON_IN."""
    from names_dataset import NameDataset
    from wordfreq import zipf_frequency

    found = NameDataset(load_last_names=False).first_names
    return {n for name, facts in found.items() if min((facts.get("rank") or {}).values(), default=RANK + 1) <= RANK
            for n in [name.lower()] if len(n) >= 2 and n.isalpha()
            and all(zipf_frequency(n, language) < COMMON for language in COMMON_IN)}


def main() -> int:
    names, locales = faker_names()
    ranked = ranked_names() - names
    header = [f"# given names of {locales} locales from Faker {faker.VERSION} (MIT licence, "
              "https://github.com/joke2k/faker), written by training/names_data.py",
              f"# and {len(ranked)} more from names-dataset {importlib.metadata.version('names-dataset')} (Apache-2.0, "
              f"https://github.com/philipperemy/name-dataset): ranked within {RANK} in some country, not a common word"]
    OUT.write_text("\n".join([*header, *sorted(names | ranked)]) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(names)} given names from Faker, {len(ranked)} more from names-dataset")
    return 0

if __name__ == "__main__":
    sys.exit(main())
