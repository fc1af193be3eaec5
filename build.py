#!/usr/bin/env python3
"""Build the news digest: python build.py [--config PATH]."""

import sys

try:
    from newsdigest.cli import run
except ModuleNotFoundError as missing:   # run by a Python without newsdigest's libraries: say what to run
    from newsdigest.wording import missing_library

    if not missing_library(missing):
        raise
    print(f"error: {missing_library(missing)}", file=sys.stderr)
    sys.exit(2)

if __name__ == "__main__":
    run()
