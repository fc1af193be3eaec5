"""newsdigest: seeds/ -> content/ -> site/, a static news digest."""

__version__ = "0.1.0"
