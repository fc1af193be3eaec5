"""The one exception type for problems the user can fix, and a collector for them."""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path


class BuildError(Exception):
    """A problem in the user's input: shown as ``error: <message>``, never as a traceback."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return where + self.message


@dataclass
class Problems:
    """Errors and warnings collected by one stage, so the rest of the digest still builds."""

    errors: list[BuildError] = field(default_factory=list)
    """Inputs that were rejected; the build exits 1 when any are present."""
    warnings: list[str] = field(default_factory=list)
    """Things the operator should know about that did not stop anything."""

    def error(self, err: BuildError) -> None:
        self.errors.append(err)

    def warn(self, message: str) -> None:
        self.warnings.append(message)


class NotUTF8(BuildError):
    """Bytes that are not UTF-8 (nor UTF-16 with a BOM): content files must be; seeds may be read by detection."""


def decode_text(raw: bytes, where: str, limit: int, what: str) -> str:
    """A file's bytes -> text: UTF-8 (with or without a BOM), or UTF-16 with a BOM as Windows saves it;
    a BuildError saying what is wrong with anything else."""
    if len(raw) > limit:
        raise BuildError(f"too large for {what} ({len(raw):,} bytes, the limit is {limit:,}); is this the right file?", where)
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise BuildError("not valid UTF-16 text: save it as UTF-8", where) from None
    if b"\x00" in raw:
        raise BuildError("binary file, not text: save it as UTF-8 text", where)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NotUTF8(f"not UTF-8 text (byte {exc.start}): save it as UTF-8", where) from None
