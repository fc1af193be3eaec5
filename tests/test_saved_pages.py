"""Saved web pages as seeds, build.py add URL, crediting the source, and excerpts: on pages written here."""

from __future__ import annotations

import codecs
import functools
import http.server
import json
import threading
from pathlib import Path

import feedparser
import pytest
import yaml

from newsdigest.cli import main
from newsdigest.content import split_document
from newsdigest.ingest.html import convert_html, decode_html, page_text, parse_page
from newsdigest.ingest.parse import NotAnArticle, Rules
from newsdigest.markdown import make_markdown

PAGES = Path(__file__).parent / "fixtures" / "pages"
FERRY = (PAGES / "saved_ferry.html").read_bytes()
SOURCE = "https://www.coastal-courier.example/business/2026/03/04/ferry-crews-vote-to-strike"
SLUG = "ferry-crews-vote-to-strike-over-rosters"


def convert(raw: bytes):
    return convert_html(raw, "seeds/page.html", Rules(zone="Europe/London"), None)[0]


def build(project: Path, *args: str) -> int:
    return main(["--config", str(project / "config.yaml"), "--now", "2026-06-01T00:00:00+00:00", *args])


def front_matter(project: Path, slug: str = SLUG) -> tuple[dict, str]:
    meta, body, _ = split_document((project / "content" / f"{slug}.md").read_text(encoding="utf-8"), slug)
    return meta, body


# ---- reading a saved page ------------------------------------------------------------------------------------


def test_fields_come_from_the_pages_structured_data():
    got = convert(FERRY)
    assert got.title == "Ferry crews vote to strike over rosters"   # JSON-LD's article, not its WebPage
    assert got.date.isoformat() == "2026-03-04T07:15:00+01:00" and got.updated.isoformat() == "2026-03-04T09:40:00+01:00"
    assert got.authors == ["Ines Calder", "Tomasz Wren"] and got.category == "Business"
    assert got.tags == ["ferries", "strike"]   # a publisher's 'type_news' is no tag
    assert got.dek == "Crews on the island routes will stop work for two days unless managers withdraw the new rosters."
    assert (got.image_url, got.image_width, got.image_height) == ("https://img.coastal-courier.example/ferry-1200.jpg", 1200, 675)
    assert (got.image_caption, got.image_credit) == ("A ferry leaves the harbour at dawn on Tuesday.", "Ola Brandt")
    assert (got.source_url, got.source_name) == (SOURCE, "The Coastal Courier")


def test_the_body_is_our_markdown_with_safe_links_only():
    body = convert(FERRY).body
    assert body.startswith("Crews on the ferries that link the mainland")
    assert "\n## What the rosters change\n" in body and "\n- lose one of their two fixed weekends;\n" in body
    assert "\n> “Nobody is against more crossings." in body and "| Mainland to Stack | 6 |" in body
    assert "[the timetable published last month](<https://www.coastal-courier.example/business/2026/02/20/summer-timetable>)" in body
    assert "and a link that runs code." in body and "called for a contingency plan for lorries." in body
    for hostile in ("javascript", "data:", "alert", "onclick", "SCRIPT TEXT", "STYLE TEXT", "IFRAME TEXT", "FORM VALUE",
                    "evil.example", "<script", "<iframe", "<form", "Most read", "Sign in", "©"):
        assert hostile not in body, hostile


def test_open_graph_then_the_text_when_a_page_has_no_json_ld():
    page = (b'<html><head><meta property="og:title" content="Night trains return to the coast">'
            b'<meta property="article:published_time" content="2026-05-02T18:30:00+02:00"></head><body>'
            b"<p>Menu</p><h1>Night trains return to the coast</h1><p>By Ana Ruiz</p>"
            + b"<p>The night train between the capital and the coast will run again from June, the operator said on "
              b"Friday, after a break of six years.</p>" * 3 + b"</body></html>")
    got = convert(page)
    assert (got.title, got.date.isoformat(), got.authors) == ("Night trains return to the coast", "2026-05-02T18:30:00+02:00",
                                                              ["Ana Ruiz"])


def test_a_page_whose_markup_says_nothing_is_read_as_copied_text():
    page = (b"<html><body><div>Home</div><div>World</div><div>Valley airport extends its runway</div>"
            b"<div>June 1, 2025 10:00 GMT</div><div>The airport opened a longer runway on Sunday, allowing larger "
            b"aircraft to land for the first time.</div></body></html>")
    got = convert(page)
    assert got.title == "Valley airport extends its runway" and got.date.isoformat() == "2025-06-01T10:00:00+00:00"
    assert "longer runway" in got.body


def test_a_songs_lyrics_without_a_sentence_are_an_article_not_refused():
    """A lyrics blog's post: verses of short lines and no full stop in them (issue 24: only a page with no text is
    refused)."""
    verses = "".join(f"<br>{line}" for line in [
        "Over the harbour wall the gulls are calling", "Grey light on the water and the ferry running late",
        "I kept the ticket that you gave me", "Folded twice and tucked inside the gate", "[Chorus]",
        "Come home before the tide turns", "Come home before the lamps go out", "Every boat that leaves the pier",
        "Takes a little of the town away"] * 3)
    page = (b"<html><head><title>Harbour Song Lyrics - Tide Turns | Lyric Notes</title></head><body>"
            b"<div class='nav'>Home</div><div>Thursday, July 28, 2011</div><h3>Harbour Song Lyrics - Tide Turns</h3>"
            b"<div class='post-body'>" + verses.encode() + b"</div><div>Posted by Ina Vale at 12:11 PM</div>"
            b"</body></html>")
    got = convert(page)
    assert got.title == "Harbour Song Lyrics - Tide Turns"
    assert "Come home before the tide turns" in got.body


def test_the_pages_line_breaks_are_kept_a_verses_as_lines_a_blogs_as_paragraphs():
    """<br> in a paragraph: a verse's or an address's short lines stay lines (a hard break: a backslash at the line's
    end), a blog's paragraphs parted by <br><br> (trafilatura keeps one break) become paragraphs; a line that would
    open a list stays text, and a break inside bold text is a space."""
    prose = ("The harbour choir met on Thursday to rehearse the song for the summer fair, as it has done each year "
             "since the new pier opened.")
    page = ("<html><head><title>Choir rehearses the harbour song</title></head><body><article>"
            "<h1>Choir rehearses the harbour song</h1>"
            f"<p>{prose}</p><p>Over the harbour wall the gulls<br>Grey light on the water<br>- and the ferry late</p>"
            "<div>The choir will sing it at noon on the pier, weather permitting, and again at dusk.<br><br>"
            "Tickets cost nothing, but the <b>fair asks<br>visitors</b> to bring a lantern for the walk home.</div>"
            "</article></body></html>").encode()
    body = convert(page).body
    assert "Over the harbour wall the gulls\\\nGrey light on the water\\\n\\- and the ferry late\n" in body
    assert "weather permitting, and again at dusk.\n\nTickets cost nothing, but the **fair asks visitors** to" in body
    html = make_markdown("https://example.org/").render(body)
    assert "the gulls<br>\nGrey light on the water<br>\n- and the ferry late</p>" in html and "<li>" not in html


def test_a_blogs_furniture_inside_the_post_is_not_the_body():
    """What the text reader drops from a copied story goes from a saved page's body too (issue 24, item 6): the
    post's 'Posted by … at …' line, its category and labels lines, a reading time, an ad's label; a heading that
    opens with 'By' is no byline, a sentence that opens with 'Topics' no topics line."""
    paragraphs = "".join(f"<p>{text}</p>" for text in [
        "The lantern walk along the old quay drew more people this year than the town has room for on a Friday.",
        "Reading time: 3 min",
        "Stewards closed the bridge for an hour so that families could cross to the fair on foot.",
        "Advertisement",
        "Next year the walk will start from the station, the organisers said, and end at the lighthouse.",
        "Topics such as the bridge's repair and the ferry timetable filled the evening's talks on the quay."])
    page = ("<html><head><title>Lanterns on the quay</title></head><body><div class='post'><h3>Lanterns on the quay</h3>"
            f"{paragraphs}<h2>By the numbers</h2><p>Four hundred lanterns were lit and none went into the water.</p>"
            "<p>Posted by Ina Vale at 12:11 PM</p><p>Category: Harbour life</p><p>Labels: lanterns, quay</p>"
            "</div></body></html>").encode()
    got = convert(page)
    body = got.body
    assert body.startswith("The lantern walk") and "## By the numbers\n\nFour hundred lanterns" in body
    assert got.tags == ["lanterns", "quay"]   # the labels the markup does not give as keywords
    assert "Topics such as the bridge's repair" in body   # a sentence that opens with a topics label's word
    for furniture in ("Posted by", "Reading time", "Category:", "Labels:", "Advertisement"):
        assert furniture not in body, furniture


def test_a_tables_row_is_a_line_of_the_pages_text_and_its_first_cell_signs_nothing():
    """The page's text as innerText gives it: a table's row is one line, its cells parted by tabs, so a row whose
    first cell reads like a name ('Bill Total' over '10%', '15%') is no signature under the story."""
    story = "".join(f"<p>{p}</p>" for p in [
        "A tip of fifteen per cent is usual in the town's restaurants, and twenty where the service was good.",
        "To make tipping easier after a long meal, the chart below gives the sums for the most common bills."])
    page = ("<html><head><title>How much to tip in Harbourtown</title></head><body><article>"
            f"<h1>How much to tip in Harbourtown</h1>{story}</article><table><tr><th>Bill Total</th><th>10%</th>"
            "<th>15%</th></tr><tr><td>$10.00</td><td>$1.00</td><td>$1.50</td></tr></table></body></html>").encode()
    doc, _ = parse_page(decode_html(page, "seeds/tips.html")[0])
    lines = [line for line in page_text(doc).split("\n") if line]
    assert lines[-2:] == ["Bill Total\t10%\t15%", "$10.00\t$1.00\t$1.50"]
    assert convert(page).authors == []


@pytest.mark.parametrize("raw", [b"<html><body><nav>Home</nav><nav>World</nav></body></html>", b"<html></html>"])
def test_a_page_without_an_article_is_refused(raw):
    with pytest.raises(NotAnArticle):
        convert(raw)


# ---- hostile and mislabelled pages -----------------------------------------------------------------------------


def test_a_latin1_page_that_claims_utf8_and_a_utf8_page_that_claims_latin1():
    article = "<p>Grève à Paris : les écoles resteront fermées jeudi, a annoncé le ministre de l'Éducation.</p>"
    claims_utf8 = f'<html><head><meta charset="utf-8"></head><body>{article}</body></html>'.encode("latin-1")
    text, notes = decode_html(claims_utf8, "seeds/a.html")
    assert "Grève à Paris" in text and notes == ["seeds/a.html: its declared encoding (utf-8) is wrong: read it as cp1252"]
    claims_latin1 = f'<html><head><meta charset="iso-8859-1"></head><body>{article}</body></html>'.encode("utf-8")
    text, notes = decode_html(claims_latin1, "seeds/b.html")
    assert "Grève à Paris" in text and "Ã" not in text and notes == []


def test_a_byte_order_mark_wins_over_meta_charset():
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Zürich öffnet die Brücke.</p></body></html>'
    text, _ = decode_html(codecs.BOM_UTF16_LE + page.encode("utf-16-le"), "seeds/c.html")
    assert "Zürich öffnet die Brücke." in text


def test_bad_saved_pages_are_one_line_each_and_the_rest_builds(project, capsys):
    seeds = project / "seeds"
    (seeds / "ferry.html").write_bytes(FERRY)
    (seeds / "huge.html").write_bytes(b"<html><body>" + b"<p>word word word word</p>" * 2_100_000 + b"</body></html>")
    (seeds / "picture.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
    (seeds / "menu.htm").write_bytes(b"<html><body><ul><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li></ul></body></html>")
    assert build(project) == 1
    err = capsys.readouterr().err
    assert err.count("error: ") == 3, err
    assert "error: seeds/huge.html: too large for a news article (54,600,026 bytes, the limit is 10,000,000); is this the right file?" in err
    assert "error: seeds/picture.html: binary file, not a web page: save the page as HTML" in err
    assert "error: seeds/menu.htm: " in err and "Traceback" not in err
    meta, body = front_matter(project)
    assert meta["source_url"] == SOURCE
    html = (project / "site" / "2026" / "03" / "04" / SLUG / "index.html").read_text(encoding="utf-8")
    for hostile in ("javascript:", "alert(", "onerror", "onload", "evil.example", "<iframe", "<form", "SCRIPT TEXT"):
        assert hostile not in html, hostile


# ---- crediting the source ------------------------------------------------------------------------------------


def test_the_article_page_and_every_feed_credit_the_source(project):
    (project / "seeds" / "ferry.html").write_bytes(FERRY)
    assert build(project) == 0
    site = project / "site"
    html = (site / "2026" / "03" / "04" / SLUG / "index.html").read_text(encoding="utf-8")
    assert (f'Read the original at <a href="{SOURCE}" rel="noopener">The Coastal Courier</a>') in html
    assert ('<img src="https://img.coastal-courier.example/ferry-1200.jpg" alt="A ferry leaves the harbour at dawn on '
            'Tuesday." loading="lazy" decoding="async" width="1200" height="675">') in html
    assert '<span class="credit">Ola Brandt</span>' in html
    rss = (site / "feed.xml").read_text(encoding="utf-8")
    assert f'<source url="{SOURCE}">The Coastal Courier</source>' in rss
    atom = feedparser.parse((site / "atom.xml").read_bytes())
    assert {"rel": "via", "href": SOURCE} in [{"rel": link.rel, "href": link.href} for link in atom.entries[0].links]
    item = json.loads((site / "feed.json").read_text(encoding="utf-8"))["items"][0]
    assert item["external_url"] == SOURCE and "Read the original at" in item["content_html"]


# ---- excerpts ------------------------------------------------------------------------------------------------


def test_publish_excerpt_publishes_the_opening_and_the_link_everywhere(project):
    config = yaml.safe_load((project / "config.yaml").read_text())
    (project / "config.yaml").write_text(yaml.safe_dump({**config, "publish": "excerpt", "search": True}))
    (project / "seeds" / "ferry.html").write_bytes(FERRY)
    assert build(project) == 0
    site = project / "site"
    html = (site / "2026" / "03" / "04" / SLUG / "index.html").read_text(encoding="utf-8")
    assert "Crews on the ferries that link the mainland" in html
    assert "The union said 87%" not in html and "What the rosters change" not in html
    assert f'This is the opening of the story. Read the whole story at <a href="{SOURCE}"' in html
    for feed in ("feed.xml", "atom.xml", "feed.json"):
        text = (site / feed).read_text(encoding="utf-8")
        assert "Crews on the ferries" in text and "The union said 87%" not in text and "Read the whole story at" in text, feed
    if (site / "pagefind").is_dir():   # search indexes only what is published
        assert not any(b"87%" in path.read_bytes() for path in (site / "pagefind").rglob("*") if path.is_file()
                       and path.suffix not in (".js", ".css", ".wasm", ".pagefind"))


def test_an_articles_own_publish_key_wins(project):
    (project / "seeds" / "ferry.html").write_bytes(FERRY)
    (project / "content" / "mine.md").write_text("---\ntitle: My own report\ndate: 2026-03-05\npublish: excerpt\n---\n\n"
                                                 + "First paragraph of my report, which is mine to publish. " * 3
                                                 + "\n\nSecond paragraph, left out of the excerpt.\n", encoding="utf-8")
    assert build(project) == 0
    mine = (project / "site" / "2026" / "03" / "05" / "mine" / "index.html").read_text(encoding="utf-8")
    assert "First paragraph of my report" in mine and "Second paragraph" not in mine
    ferry = (project / "site" / "2026" / "03" / "04" / SLUG / "index.html").read_text(encoding="utf-8")
    assert "The union said 87%" in ferry   # the site's default stays full


def test_a_bad_publish_value_is_an_error_naming_the_key(project, capsys):
    (project / "content" / "bad.md").write_text("---\ntitle: T\ndate: 2026-03-05\npublish: half\n---\n\nText.\n")
    assert build(project) == 1
    assert "error: content/bad.md:4: front matter: 'publish' must be full or excerpt (got 'half')" in capsys.readouterr().err


# ---- build.py add URL ------------------------------------------------------------------------------------------


class Handler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        else:
            super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture
def server(tmp_path):
    root = tmp_path / "www"
    root.mkdir()
    (root / "ferry.html").write_bytes(FERRY)
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (root / "big.html").write_bytes(b"<html><body>" + b"<p>x</p>" * 2_000 + b"</body></html>")
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_add_fetches_saves_and_converts_and_says_what_failed(project, server, capsys, monkeypatch):
    import newsdigest.fetch as fetch

    monkeypatch.setattr(fetch, "MAX_BYTES", 10_000)
    status = build(project, "add", f"{server}/ferry.html", f"{server}/missing.html", f"{server}/photo.png",
                   f"{server}/big.html", f"{server}/loop", f"{server}/to-file", "http://no-such-host.invalid/a",
                   "ftp://example.org/a")
    out, err = capsys.readouterr()
    assert status == 1
    assert f"saved seeds/{SLUG}.html from {server}/ferry.html" in out
    assert f"error: {server}/missing.html: the server answered HTTP 404 File not found" in err
    assert f"error: {server}/photo.png: not a web page (the server says image/png)" in err
    assert f"error: {server}/big.html: too big (16,026 bytes; the limit is 10,000)" in err
    assert f"error: {server}/loop: more than 5 redirects, or a redirect loop" in err
    assert f"error: {server}/to-file: redirected to 'file:///etc/passwd', which is not an http or https address" in err
    assert "error: http://no-such-host.invalid/a: no such host: no-such-host.invalid (DNS)" in err
    assert "error: ftp://example.org/a: not an http or https address" in err
    assert err.count("error: ") == 7 and "Traceback" not in err
    saved = (project / "seeds" / f"{SLUG}.html").read_bytes()
    assert saved.startswith(f"<!-- saved from url=({len(server) + 11:04d}){server}/ferry.html -->\n".encode())
    meta, _ = front_matter(project)
    assert meta["title"] == "Ferry crews vote to strike over rosters" and meta["seed"] == f"{SLUG}.html"
    assert (project / "site" / "2026" / "03" / "04" / SLUG / "index.html").exists()


def test_adding_the_same_address_again_replaces_the_saved_page(project, server, capsys):
    assert build(project, "add", f"{server}/ferry.html") == 0
    assert build(project, "add", f"{server}/ferry.html") == 0
    assert sorted(p.name for p in (project / "seeds").iterdir()) == [f"{SLUG}.html"]


def test_the_language_a_saved_page_declares_is_the_articles_unless_its_text_says_otherwise(project):
    assert convert(FERRY.replace(b'<html lang="en">', b'<html lang="en-GB">')).lang == "en-GB"
    # a page that says lang="de" around an English story: the text wins, the model being sure of it
    (project / "seeds" / "ferry.html").write_bytes(FERRY.replace(b'<html lang="en">', b'<html lang="de">'))
    build(project)
    assert front_matter(project)[0]["lang"] == "en"


def test_a_page_of_the_same_title_from_another_address_is_saved_beside_the_first(tmp_path):
    from newsdigest.fetch import Fetched, save

    page = b"<html><head><title>Tram fares frozen - The Harbour Post</title></head><body><p>x</p></body></html>"
    first = save(Fetched("https://one.example/trams", page), tmp_path / "seeds")
    again = save(Fetched("https://one.example/trams", page + b"<!-- v2 -->"), tmp_path / "seeds")
    other = save(Fetched("https://two.example/trams", page), tmp_path / "seeds")
    assert first == again and first.name == "tram-fares-frozen.html" and other.name == "tram-fares-frozen-2.html"
    assert first.read_bytes().endswith(b"<!-- v2 -->") and b"two.example" in other.read_bytes()
    assert sorted(p.name for p in (tmp_path / "seeds").iterdir()) == ["tram-fares-frozen-2.html", "tram-fares-frozen.html"]
