"""Write newsdigest/ingest/data/given_names.txt: the given names of Faker's person providers, every locale
(MIT licence), one a line in lower case, for the header reader's test of a name alone on its line ('Liz Kenny',
not 'Industry Insights'): bylines.given_name.

    python3 -m pip install faker && python3 training/names_data.py

Run when Faker's lists should be refreshed; the build itself never needs Faker.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

import faker
import faker.providers.person as person

OUT = Path(__file__).resolve().parent.parent / "newsdigest" / "ingest" / "data" / "given_names.txt"
FIELDS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")


def main() -> int:
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
    header = (f"# given names of {locales} locales from Faker {faker.VERSION} (MIT licence, "
              "https://github.com/joke2k/faker), written by training/names_data.py")
    OUT.write_text("\n".join([header, *sorted(names)]) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(names)} given names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
