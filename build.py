#!/usr/bin/env python3
"""Build the news digest: python build.py [--config PATH]."""

from newsdigest.cli import run

if __name__ == "__main__":
    run()
