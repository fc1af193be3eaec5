"""No script reaches a reader: payloads from the advisories of Hugo, markdown-it and Jinja2, each with its
exact safe outcome, through the whole build (page, JSON-LD and feeds)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import feedparser
import pytest
from hypothesis import given, settings, strategies as st

from newsdigest.cli import main
from newsdigest.markdown import make_markdown, render, safe_link

MD = make_markdown("https://example.org/digest/")


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "javascript&colon;alert(1)", "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)", "&#0000106;avascript:alert(1)", "javascript&#58;alert(1)", "vbscript:msgbox(1)",
    "VBScript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "data:image/svg+xml,<svg onload=alert(1)>",
    "java%0Ascript:alert(1)", "java%09script:alert(1)", "%6Aavascript:alert(1)", "file:///etc/passwd", "jar:x",
    "&amp;#106;avascript:alert(1)",
])
def test_dangerous_schemes_never_become_href_or_src(url):
    assert not safe_link(url)
    html = render(MD, f"[x]({url}) ![y]({url}) <{url}>")
    assert "href=" not in html and "src=" not in html


@pytest.mark.parametrize("url", ["https://example.com/a?b=c&d=e", "http://example.com", "mailto:desk@example.org",
                                 "../2025/06/18/x/", "/abs/path", "#section", "x.html", "//cdn.example.com/a.png"])
def test_safe_links_survive(url):
    assert safe_link(url)
    assert "href=" in render(MD, f"[x]({url})")


@pytest.mark.parametrize("markdown, expected", [
    ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"),
    ("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>\n"),
    ('[x](https://a.org "t\\"><script>alert(1)</script>")',
     '<p><a href="https://a.org" title="t&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" rel="noopener">x</a></p>\n'),
    ('```js" onmouseover="alert(1)\ncode\n```', '<pre><code class="language-js&quot;">code\n</code></pre>\n'),
    ("![a\" onerror=\"alert(1)](https://a.org/i.png)", '<p><img src="https://a.org/i.png" alt="a&quot; onerror=&quot;alert(1)"></p>\n'),
    ("[x](https://example.org/digest/2025/)", '<p><a href="https://example.org/digest/2025/">x</a></p>\n'),
])
def test_markdown_payloads(markdown, expected):
    assert render(MD, markdown) == expected


def test_nofollow_comes_from_config():
    assert 'rel="noopener nofollow"' in render(make_markdown("https://e.org/", nofollow=True), "[x](https://a.org)")


PAYLOAD = '</script><script>alert(1)</script>"\'><img src=x onerror=alert(1)>&amp;'


def test_front_matter_values_are_escaped_everywhere(project):
    fields = {k: PAYLOAD for k in ("title", "dek", "summary", "category")}
    meta = {**fields, "date": "2025-06-18T09:00:00+00:00", "tags": [PAYLOAD], "authors": [PAYLOAD],
            "image": {"caption": PAYLOAD, "credit": PAYLOAD}}
    text = "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in meta.items()) + "---\n\nBody.\n"
    (project / "content" / "evil.md").write_text(text, encoding="utf-8")
    assert main(["--config", str(project / "config.yaml"), "--now", "2026-01-01T00:00:00+00:00"]) == 0
    site = project / "site"
    for page in site.rglob("*.html"):
        tags = Tags()
        tags.feed(page.read_text(encoding="utf-8"))
        assert tags.handlers == [] and "img" not in tags.names, page
        assert tags.scripts == [("type", "application/ld+json")] * len(tags.scripts), page     # JSON-LD only
        assert all(json.loads(s) for s in tags.script_texts), page
    article = next(site.glob("2025/06/18/*/index.html")).read_text(encoding="utf-8")
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', article, re.S)[1])
    assert ld["headline"] == PAYLOAD and ld["author"] == [PAYLOAD]
    for feed in ("feed.xml", "atom.xml"):
        parsed = feedparser.parse((site / feed).read_bytes())
        assert parsed.bozo == 0 and parsed.entries[0].title == PAYLOAD
    assert json.loads((site / "feed.json").read_text())["items"][0]["title"] == PAYLOAD


class Tags(HTMLParser):
    """What a browser would see: tag names, event-handler attributes, scripts."""

    def __init__(self):
        super().__init__()
        self.names, self.handlers, self.scripts, self.script_texts = [], [], [], []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.names.append(tag)
        self.handlers += [(tag, k) for k, _ in attrs if k.startswith("on")]
        if tag == "script":
            self.scripts += attrs
            self._in_script = True

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_texts.append(data)


EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([
    "<script>x</script>", "<img src=x onerror=y>", "[a](javascript:b)", "![a](vbscript:b)", "<svg onload=x>",
    '"><b onclick=x>', "`<script>`", "<a href='javascript:x'>", "&#106;avascript:", "](", "[", "*", "\n\n", "> ", "- ",
    "text", "<iframe src=x>", "<!-- x -->", "```\n", "<style>x</style>"]), max_size=30).map("".join))
def test_no_generated_html_has_a_script_or_event_handler_from_content(markdown):
    html = render(MD, markdown)
    assert "<script" not in html.lower() and "<iframe" not in html.lower() and "<svg" not in html.lower()
    assert not EVENT_HANDLER.search(html)
    assert not re.search(r'(?:href|src)="\s*(?:javascript|vbscript|data):', html, re.I)
