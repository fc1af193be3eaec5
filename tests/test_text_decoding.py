"""One decoder and one list of control characters for seeds, saved pages and content files (newsdigest/decode.py):
a soft line break between two words is a space everywhere (issue 25, point 5). On text written for these tests."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from newsdigest.cli import main
from newsdigest.content import split_document
from newsdigest.decode import clean, decode

SOFT_BREAKS = ["\v", "\f", "\u2028", "\u2029", "\x85"]


def build(project: Path, capsys) -> tuple[int, str]:
    status = main(["--config", str(project / "config.yaml"), "--now", "2026-01-01T00:00:00+00:00"])
    return status, capsys.readouterr().err


@pytest.mark.parametrize("mark", SOFT_BREAKS)
def test_a_soft_line_break_between_two_words_is_a_space_in_a_seed(project, capsys, mark):
    seed = (f"Home\nLocal\n\nLibrary board{mark}extends opening hours into the evening\n\nBy Carla Mendes\n"
            f"4 March 2025, 10:00 GMT\n\nThe library board voted on Monday to keep the central{mark}branch open until "
            f"nine in the evening from April, answering a petition signed by students.\n\nThe longer hours will be paid "
            f"for by closing the branch on Sunday mornings, when few readers come, the board said.\n\nA trial of six "
            f"months will be reviewed in the autumn before the hours are made permanent.\n")
    (project / "seeds" / "library.txt").write_text(seed, encoding="utf-8")
    status, err = build(project, capsys)
    assert status == 0, err
    [made] = (project / "content").glob("*.md")
    meta, body, _ = split_document(made.read_text(encoding="utf-8"), made.name)
    assert meta["title"] == "Library board extends opening hours into the evening"
    assert "keep the central branch open" in body


@pytest.mark.parametrize("mark", SOFT_BREAKS)
def test_a_soft_line_break_between_two_words_is_a_space_in_a_content_file(project, capsys, mark):
    (project / "content" / "hours.md").write_text(
        f"---\ntitle: Library hours{mark}extended\ndate: 2025-03-04T10:00:00+00:00\n---\n\n"
        f"The board kept the central{mark}branch open later.\n", encoding="utf-8")
    status, err = build(project, capsys)
    assert status == 0, err
    page = (project / "site" / "2025" / "03" / "04" / "hours" / "index.html").read_text(encoding="utf-8")
    assert "Library hours extended" in page and "central branch open later" in page
    feed = (project / "site" / "feed.xml").read_text(encoding="utf-8")
    assert "Library hours extended" in feed and mark not in feed


def test_clean_keeps_tabs_and_line_ends_and_drops_what_no_text_holds():
    assert clean("a\tb\nc\r\nd\x00e\x1bf\x7fg\x9bh\ufffei\ud800j") == "a\tb\nc\r\ndefghij"
    assert clean("one\vtwo\fthree\u2028four\u2029five\x85six") == "one two three four five six"


def test_utf16_without_a_byte_order_mark_is_read_as_text():
    text = "Library board extends opening hours into the evening, the board said on Monday.\n"
    for codec in ("utf-16-le", "utf-16-be"):
        got, notes = decode(text.encode(codec), "seeds/x.txt", what="a seed", limit=10_000, binary="not text")
        assert got == text and notes == [f"seeds/x.txt: UTF-16 without a byte-order mark: read it as {codec}"]
    got, notes = decode(codecs.BOM_UTF16_BE + text.encode("utf-16-be"), "seeds/x.txt", what="a seed", limit=10_000,
                        binary="not text")
    assert got == text and notes == []


def test_a_utf8_text_with_a_block_of_stray_bytes_keeps_its_own_characters():
    """Bytes no encoding reads in front of a UTF-8 text are dropped; its curly quotes and accents stay UTF-8, not
    read as Windows-1252."""
    import random
    text = "“Grève” à l'école : la bibliothèque reste ouverte jusqu'à vingt et une heures, a dit le maire.\n" * 40
    raw = random.Random(7).randbytes(300) + text.encode("utf-8")
    got, notes = decode(raw, "seeds/x.txt", what="a seed", limit=100_000, binary="not text")
    assert got.endswith(text) and len(got) < len(text) + 300
    assert len(notes) == 1 and notes[0].startswith("seeds/x.txt: removed ") and "bytes that are not UTF-8 x" in notes[0]


def test_content_files_are_not_read_by_detection():
    with pytest.raises(Exception, match=r"not UTF-8 text \(byte 3\): save it as UTF-8"):
        decode("café".encode("latin-1"), "content/x.md", what="an article", limit=100, binary="not text", detect=False)
