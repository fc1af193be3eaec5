"""A file's bytes -> clean text: the one decoder of seeds, saved pages and content files, and the one list of
characters no text keeps.

decode(): a byte-order mark wins; then UTF-16 without one (every other byte NUL); then UTF-8; then the
encoding the file declares (a saved page's <meta charset>); then text that is mostly UTF-8 with stray bytes
in it; then the encoding charset-normalizer detects. A file whose characters are more than NOT_TEXT junk
(control characters, bytes no encoding reads), or whose bytes are more than BINARY_CONTROLS control bytes, is
not text and is refused; in any other, the stray control characters are removed, with one warning naming them. clean(): what every text goes through: a character
that breaks a line inside a paragraph (a vertical tab is Word's soft line break) becomes a space, the
control characters HTML and XML cannot carry are removed.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter

from .errors import BuildError

CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
"""C0 controls but tab and line ends, DEL, C1 controls but NEL, lone surrogates, non-characters: removed."""
BREAKS = re.compile(r"[\x0b\x0c\x85\u2028\u2029]")
"""Vertical tab, form feed, next line, line and paragraph separators: between two words they are a space."""
CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0e, 0x20), 0x7f])
NOT_TEXT = 0.3
"""Above this share of junk characters (control characters, bytes no encoding reads) a file is mostly not text:
random bytes are about 60% junk, a page with stray bytes (50 NULs, a few KB of noise in front) well under 30%."""
BINARY_CONTROLS = 0.1
"""Above this share of control bytes a file is binary whatever it decodes to: text never holds so many (random
bytes hold 11%); UTF-16, whose every other byte is NUL, is told apart before."""
PREFERRED = ["cp1252", "latin_1", "iso8859_15"]
"""Among encodings that read a file equally well, the ones Western editors save in, in this order."""
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class NotUTF8(BuildError):
    """Bytes that are neither UTF-8 nor UTF-16: content files must be one of them; seeds are read by detection."""


def clean(text: str) -> str:
    """Line breaks inside a paragraph as spaces, control characters removed."""
    return CONTROL.sub("", BREAKS.sub(" ", text))


def decode(raw: bytes, where: str, *, what: str, limit: int, binary: str, declared: str = "",
           detect: bool = True) -> tuple[str, list[str]]:
    """A file's bytes -> (its text, cleaned; warnings, each naming `where`), or a BuildError naming `where`:
    too large for `what` (over `limit` bytes), not text ('binary file, <binary>'), or, with `detect` off,
    not UTF-8 (NotUTF8). `declared` is the encoding the file names for itself, tried after UTF-8."""
    if len(raw) > limit:
        raise BuildError(f"too large for {what} ({len(raw):,} bytes, the limit is {limit:,}); is this the right file?", where)
    text, how = _read(raw, where, binary, declared, detect)
    junk = Counter(m.group() for m in CONTROL.finditer(text)) if CONTROL.search(text) else Counter()
    if how == STRAY:
        junk["\ufffd"] = text.count("\ufffd")
    if sum(junk.values()) > NOT_TEXT * max(1, len(text.strip())):
        raise BuildError(f"binary file, {binary}", where)
    notes = [f"{where}: {how}"] if how and how != STRAY else []
    if junk:
        kinds = junk.most_common()
        named = ", ".join(f"{_name(ch)} x{n}" for ch, n in kinds[:4]) + (f" and {len(kinds) - 4} more kinds" if len(kinds) > 4 else "")
        notes.append(f"{where}: removed {sum(junk.values())} characters that are not text ({named}); check the "
                     f"text where they stood")
        text = text.replace("\ufffd", "") if how == STRAY else text
    return (clean(text) if junk or BREAKS.search(text) else text), notes


STRAY = "UTF-8 with stray bytes"


def _read(raw: bytes, where: str, binary: str, declared: str, detect: bool) -> tuple[str, str]:
    """(text, '' for UTF-8 or a BOM, else how it was read) in the order of the module's docstring."""
    for bom, codec in BOMS:
        if raw.startswith(bom):
            return raw.decode(codec, errors="replace").lstrip("\ufeff"), ""
    wide = _utf16_without_bom(raw)
    if wide:
        return raw.decode(wide, errors="replace"), f"UTF-16 without a byte-order mark: read it as {wide}"
    if len(raw) - len(raw.translate(None, CONTROL_BYTES)) > BINARY_CONTROLS * max(1, len(raw.strip())):
        raise BuildError(f"binary file, {binary}", where)
    try:
        return raw.decode("utf-8"), ""
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    name = _codec(declared)
    if name and name not in ("utf-8", "utf-16", "utf-32"):
        try:
            return raw.decode(name), ""
        except UnicodeDecodeError:
            pass
    if not detect:
        raise NotUTF8(f"not UTF-8 text (byte {first_bad}): save it as UTF-8", where)
    lossy = raw.decode("utf-8", errors="replace")
    bad = lossy.count("\ufffd")
    if sum(ch > "\x7f" for ch in lossy) - bad >= bad:   # most of what is not ASCII reads as UTF-8: stray bytes
        return lossy, STRAY
    found = _detected(raw)
    if found is None:
        return lossy, STRAY
    text, encoding = found
    if name:
        return text, f"its declared encoding ({declared.strip()}) is wrong: read it as {encoding}"
    return text, f"not UTF-8: read it as {encoding}; save it as UTF-8 if anything looks wrong"


def _utf16_without_bom(raw: bytes) -> str:
    """'utf-16-le' or 'utf-16-be' when every other byte of the opening is NUL (text of Latin letters), else ''."""
    head = raw[:4096]
    if len(head) < 16 or b"\x00" not in head:
        return ""
    for codec, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if zeros.count(0) > 0.9 * len(zeros):
            return codec
    return ""


def _codec(name: str) -> str:
    try:
        return codecs.lookup(name.strip()).name if name.strip() else ""
    except LookupError:
        return ""


def _detected(raw: bytes) -> tuple[str, str] | None:
    """(text, encoding) in the encoding charset-normalizer finds; of encodings it cannot tell apart
    (Windows-1250 and -1252 read most Western text alike), the one Western editors save in."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw))
    if not matches:
        return None
    best = matches[0]
    tied = [m for m in matches if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.02]
    best = min(tied, key=lambda m: PREFERRED.index(m.encoding) if m.encoding in PREFERRED else len(PREFERRED))
    text = str(best)
    return text, next((e for e in PREFERRED if _reads_as(raw, e) == text), best.encoding).replace("_", "-")


def _reads_as(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None


def _name(ch: str) -> str:
    return {"\x00": "NUL", "\ufffd": "bytes that are not UTF-8"}.get(ch) or \
        f"U+{ord(ch):04X}" + (f" {unicodedata.name(ch)}" if unicodedata.name(ch, "") else "")
