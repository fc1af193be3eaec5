"""Content files: front matter is checked, errors name the file and line, hand-written files load."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from newsdigest.content import load_article
from newsdigest.errors import BuildError
from newsdigest.markdown import make_markdown

ZONE = ZoneInfo("Europe/London")


def load(text: str):
    return load_article(text.encode("utf-8"), "content/x.md", ZONE, make_markdown("https://example.org/"))


def error(text: str) -> str:
    with pytest.raises(BuildError) as exc:
        load(text)
    return str(exc.value)


def test_a_hand_written_file_loads():
    a = load("---\ntitle: Hello\ndate: 2025-06-18 09:30\ncategory: Local\ntags: [A, B]\nmood: sunny\n---\n\nSome *text*.\n")
    assert a.title == "Hello" and a.category == "Local" and a.tags == ("A", "B")
    assert a.date.isoformat() == "2025-06-18T09:30:00+01:00"     # no offset: the site zone, with summer time
    assert a.has_time and a.slug == "x" and a.extra == {"mood": "sunny"}
    assert a.body_html == "<p>Some <em>text</em>.</p>\n"


def test_a_date_only_article_has_no_time():
    a = load("---\ntitle: Hello\ndate: 2025-01-05\n---\nx\n")
    assert not a.has_time and a.date.isoformat() == "2025-01-05T00:00:00+00:00"


@pytest.mark.parametrize("text, message", [
    ("no front matter\n", "content/x.md:1: no front matter: the file must start with a '---' line"),
    ("---\ntitle: x\n", "content/x.md:1: front matter is not closed: add a '---' line after it"),
    ("---\ndate: 2025-01-01\n---\n", "content/x.md:2: front matter: 'title' is missing"),
    ("---\ntitle: yes\ndate: 2025-01-01\n---\n", "content/x.md:2: front matter: 'title' must be text (got true); put it in quotes"),
    ("---\ntitle: 2024-01-01\ndate: 2025-01-01\n---\n", "content/x.md:2: front matter: 'title' must be text (got a date, 2024-01-01); put it in quotes"),
    ("---\ntitle: x\ndate: yesterday\n---\n", "content/x.md:3: front matter: 'date' is not a date (got 'yesterday'); write it like 2025-06-18T11:10:00+05:30"),
    ("---\ntitle: x\ndate: 2024-13-45\n---\n", "content/x.md:3: front matter: 'date' is not a date (got '2024-13-45'); write it like 2025-06-18T11:10:00+05:30"),
    ("---\ntitle: Breaking: news\ndate: 2025-01-01\n---\n", "content/x.md:2: front matter: not valid YAML: the value of 'title' holds ': ', which YAML reads as the start of another key: put it in quotes: title: \"Breaking: news\""),
    ("---\ntitle: x\ndate: 2025-01-01\ntags: {a: 1}\n---\n", "content/x.md:4: front matter: 'tags' must be a list of text (got {'a': 1})"),
    ("---\ntitle: x\ndate: 2025-01-01\nslug: ../../etc\n---\n", "content/x.md:4: front matter: 'slug' must be lowercase letters, digits and hyphens (got '../../etc')"),
    ("---\ntitle: x\n---\n", "content/x.md:2: front matter: 'date' is missing: add a line like 'date: 2025-06-18T11:10:00+05:30'"),
    ("---\ntitle: x\ndate: 2025-01-01\nlang: German\n---\n",
     "content/x.md:4: front matter: 'lang' is not a language code (got 'German'): write its ISO 639-1 code, e.g. 'de' for German"),
    ("---\ntitle: x\ndate: 2025-01-01\nlang: xx\n---\n",
     "content/x.md:4: front matter: 'lang' is not a language code (got 'xx'): write its ISO 639-1 code, e.g. 'de' for German, "
     "'ar' for Arabic, 'pt-BR' for Brazilian Portuguese"),
    ("---\ntitle: x\ndate: 2025-01-01\nlang: no\n---\n", "content/x.md:4: front matter: 'lang' must be text (got false); put it in quotes"),
])
def test_front_matter_errors(text, message):
    assert error(text) == message


def test_raw_html_in_markdown_is_text():
    a = load("---\ntitle: x\ndate: 2025-01-01\n---\n<script>alert(1)</script>\n\n[x](javascript:alert(1))\n")
    assert "<script>" not in a.body_html and "&lt;script&gt;" in a.body_html
    assert 'href="javascript' not in a.body_html


def test_lang_is_a_normalized_language_tag_and_absent_means_the_sites_language():
    assert load("---\ntitle: x\ndate: 2025-01-01\nlang: ar\n---\nx\n").lang == "ar"
    assert load("---\ntitle: x\ndate: 2025-01-01\nlang: PT_br\n---\nx\n").lang == "pt-BR"
    assert load("---\ntitle: x\ndate: 2025-01-01\nlang: 'no'\n---\nx\n").lang == "no"
    assert load("---\ntitle: x\ndate: 2025-01-01\n---\nx\n").lang == ""


def test_an_excerpt_of_a_verse_shows_no_backslash_of_its_line_breaks():
    """A saved page's verse keeps its lines as Markdown hard breaks (a backslash at the line's end); published as
    an excerpt, cut past 80 words, the breaks are spaces, not a backslash left in the text."""
    verse = "\\\n".join(["Over the harbour wall the gulls are calling out again"] * 12)
    a = load(f"---\ntitle: x\ndate: 2025-01-01\npublish: excerpt\n---\n{verse}\n\nNext paragraph.\n")
    assert "\\" not in a.body_html and "calling out again Over the harbour" in a.body_html
    assert "Next paragraph" not in a.body_html
