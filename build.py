#!/usr/bin/env python3
"""Build the news digest: python build.py [--config PATH]."""

import sys

from newsdigest.cli import main

if __name__ == "__main__":
    sys.exit(main())
