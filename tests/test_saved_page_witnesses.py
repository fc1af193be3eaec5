"""Saved pages (issue 24): every field heard from all its witnesses, the page decoded once and never refused while
it holds text. Each test is in the shape of one of ../shared/cases (authors, headline, time, dateline) or of a
fault the issue names, on pages written for these tests."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsdigest.ingest.bylines import byline_names, split_names
from newsdigest.ingest.html import convert_html
from newsdigest.ingest.markup import Witness
from newsdigest.ingest.parse import Rules
from newsdigest.ingest.votes import decide_title, story_words

PARAGRAPHS = [
    "The city council voted on Wednesday to extend the night tram service to the harbour district from September, "
    "the first new route in more than twenty years.",
    "Trams will run every fifteen minutes until two in the morning on Fridays and Saturdays, and every half hour on "
    "other nights, the transport department said.",
    "Shop owners in the district had asked for the service for years, saying that late visitors left early to catch "
    "the last bus home.",
    "The extension will cost about four million a year, paid for by a rise in parking charges in the city centre.",
]
STORY = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def page(head: str, header: str, story: str = STORY) -> bytes:
    return (f'<!-- saved from url=(0045)https://harbour-gazette.example/city/night-trams -->\n<!DOCTYPE html>'
            f'<html lang="en"><head><meta charset="utf-8">{head}</head><body>'
            f'<header><a href="/">Harbour Gazette</a> <nav><a href="/city/">City</a> <a href="/sport/">Sport</a></nav>'
            f'</header><main><article>{header}{story}</article></main><footer>Copyright Harbour Gazette</footer>'
            f'</body></html>').encode("utf-8")


def convert(raw: bytes, zone: str = "Asia/Kolkata"):
    return convert_html(raw, "seeds/trams.html", Rules(zone=zone), None)[0]


HEADLINE = "Night trams to reach the harbour district"


# ---- authors are people: every witness heard (case meta-authors-first-only) -------------------------------------


def test_a_byline_under_the_story_that_the_extraction_leaves_out_names_the_writer():
    """A developer blog signs its post under the story ('Posted … by …'), outside the paragraphs the body keeps."""
    raw = page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1>",
               STORY + '</article><p class="post-meta">Posted <time datetime="2026-10-06">2026-10-06</time> by '
                       '<a href="/authors/mira-olsen/">Mira Olsen</a> &middot; 4 min</p><article>')
    assert convert(raw).authors == ["Mira Olsen"]


def test_a_blogs_signature_under_its_tags_names_the_writer_the_markup_does_not():
    """No author in the markup, none over the story: the post is signed under it, below its tags line ('Mira Olsen |
    29.07.2006 um 14:26'), as a reader copying the page sees it (the text reader's signature)."""
    raw = page(f"<title>{HEADLINE} | Harbour Gazette</title>", f"<h1>{HEADLINE}</h1>",
               STORY + "</article><div class='meta'><p>Trams Harbour Council</p><p>Mira Olsen | 29.07.2006 um 14:26</p>"
                       "<p>1 Kommentar</p></div><article>")
    assert convert(raw).authors == ["Mira Olsen"]


def test_a_page_whose_markup_names_nobody_is_signed_as_its_text_shows():
    """No author in the markup and none the visible header's shapes find: the page's text as a reader copies it is
    read (parse_seed), and its meta line's 'Author: Per Holm' between 'Added:' and 'Read:' names the writer."""
    story = "".join(f"<p>{p}</p>" for p in [
        "Forty-two runners took part in the club's autumn orienteering race on Saturday, the most since the course "
        "moved to the ridge.",
        "The long course of 6.3 kilometres was won by Ola Brandt in 52 minutes, four ahead of last year's winner.",
        "The next event is the club's winter night race on 22 November; sign up with the secretary by the 15th."])
    raw = ("<html><head><title>Autumn race draws a record field | Ridge Orienteering Club</title></head><body>"
           "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><main><h1>Autumn race draws a record field</h1>"
           f"<p>Added: 2025-10-12 14:05 | Author: Per Holm | Read: 318 times</p>{story}</main>"
           "<footer>Ridge Orienteering Club · Box 12</footer></body></html>").encode()
    assert convert(raw).authors == ["Per Holm"]


def test_every_meta_author_and_the_byline_are_heard():
    got = convert(page(f'<title>{HEADLINE}</title><meta name="author" content="Ruth Okafor">'
                       f'<meta name="author" content="Pavel Lindqvist">',
                       f"<h1>{HEADLINE}</h1><p class='byline'>By Ruth Okafor and Pavel Lindqvist</p>"))
    assert got.authors == ["Ruth Okafor", "Pavel Lindqvist"] and "authors" not in got.review


def test_the_byline_names_everyone_in_its_order_where_the_markup_names_one_of_them():
    graph = '{"@type": "NewsArticle", "headline": "%s", "author": {"@type": "Person", "name": "Pavel Lindqvist"}}' % HEADLINE
    got = convert(page(f'<script type="application/ld+json">{graph}</script><title>{HEADLINE}</title>',
                       f"<h1>{HEADLINE}</h1><p class='byline'>Written by Dr Ruth Okafor, Pavel Lindqvist, Ines Varga</p>"))
    assert got.authors == ["Dr Ruth Okafor", "Pavel Lindqvist", "Ines Varga"]


@pytest.mark.parametrize("byline", ["Geschrieben von Ruth Okafor und Pavel Lindqvist", "Von Ruth Okafor und Pavel Lindqvist",
                                    "Rédigé par Ruth Okafor et Pavel Lindqvist", "Escrito por Ruth Okafor y Pavel Lindqvist",
                                    "Geschrieben von<br>Ruth Okafor und Pavel Lindqvist"])
def test_a_byline_in_another_language_names_the_people_where_the_markup_names_none(byline):
    got = convert(page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1><p class='byline'>{byline}</p>"))
    assert got.authors == ["Ruth Okafor", "Pavel Lindqvist"]


@pytest.mark.parametrize("line", ["Door County", "Von Trapp Family Singers", "BYRON SMITH"])
def test_a_line_that_opens_with_a_by_word_of_another_language_names_a_person_or_nobody(line):
    got = convert(page(f"<title>{HEADLINE}</title>", f"<p>{line}</p><h1>{HEADLINE}</h1><p>Mar 12, 2025</p>"))
    assert got.authors == []
    got = convert(page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1><p>Published by Ruth Okafor on March 12, 2025</p>"))
    assert got.authors == ["Ruth Okafor"]


def test_a_section_glued_to_its_neighbour_is_no_byline_in_another_language():
    # 'DIY' and 'Garden Tools' copied as one word: 'di' is Italian for 'by' only as a word of its own
    got = convert(page(f"<title>{HEADLINE}</title>",
                       f"<h1>{HEADLINE}</h1><p><a href='/diy/'>DIY</a><a href='/garden/'>Garden Tools</a></p>"
                       f"<p>Mar 12</p><p>Written By Ruth Okafor</p>"))
    assert got.authors == ["Ruth Okafor"]


@pytest.mark.parametrize("author", [
    '"Ruth Okafor"',
    '{"@type": "Person", "name": "Ruth Okafor"}',
    '[{"@type": "Person", "name": "Ruth Okafor"}, {"@type": "Person", "name": "Pavel Lindqvist"}]',
    '{"@id": "https://harbour-gazette.example/#ruth"}',
    '"ByRuth Okafor"',
])
def test_a_json_ld_author_in_any_of_its_shapes(author):
    graph = ('{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle", "headline": "%s", "author": %s},'
             ' {"@type": "Person", "@id": "https://harbour-gazette.example/#ruth", "name": "Ruth Okafor"}]}' % (HEADLINE, author))
    got = convert(page(f'<script type="application/ld+json">{graph}</script>', f"<h1>{HEADLINE}</h1>"))
    assert got.authors[0] == "Ruth Okafor" and all(not a.startswith(("By", "http")) for a in got.authors)


def test_an_outlet_credited_beside_a_person_is_the_source_not_an_author():
    graph = ('{"@type": "NewsArticle", "headline": "%s", "author": [{"@type": "Organization", "name": "Coast News '
             'Agency"}, {"@type": "Person", "name": "Ruth Okafor"}]}' % HEADLINE)
    got = convert(page(f'<script type="application/ld+json">{graph}</script><meta name="author" content="Gazette Staff">',
                       f"<h1>{HEADLINE}</h1>"))
    assert got.authors == ["Ruth Okafor"] and got.source_name == "Coast News Agency"


def test_a_byline_that_disagrees_with_a_lone_witness_wins_and_is_marked():
    got = convert(page(f'<title>{HEADLINE}</title><meta name="author" content="Site Administrator">',
                       f"<h1>{HEADLINE}</h1><p>By Ruth Okafor</p>"))
    assert got.authors == ["Ruth Okafor"]


# ---- headlines: the site's name is not one (case og-title-site-name) --------------------------------------------


@pytest.mark.parametrize("social", ["Harbour Gazette", f"Harbour Gazette | {HEADLINE}", f"{HEADLINE} - Harbour Gazette"])
def test_an_og_title_that_is_or_carries_the_sites_name(social):
    got = convert(page(f'<title>{HEADLINE} | Harbour Gazette</title><meta property="og:title" content="{social}">'
                       f'<meta name="twitter:title" content="{social}">', f"<h1>{HEADLINE}</h1>"))
    assert got.title == HEADLINE


@pytest.mark.parametrize("title", [f"{HEADLINE} - Newspaper - The Harbour Gazette", f"{HEADLINE} | City | Harbour Gazette"])
def test_a_title_with_a_section_between_the_headline_and_the_sites_name(title):
    """A page with no h1 and no sharing title (the headline an h2 that links to the story): the <title> less the
    site's name and the section before it."""
    got = convert(page(f"<title>{title}</title>", f'<h2><a href="/city/night-trams">{HEADLINE}</a></h2>'))
    assert got.title == HEADLINE


@pytest.mark.parametrize("url, title", [
    ("https://help.tramlink.example/articles/night-trams", f"{HEADLINE} | Tramlink Help Centre"),
    ("https://www.harbourfm104.example.au/news/night-trams", f"Harbour FM 104 - News - {HEADLINE}")])
def test_a_title_carrying_the_sites_name_as_its_address_spells_it(url, title):
    """No <h1>, no og:site_name, no copyright line: the <title>'s site part is the address's name under its top-level
    domain ('tramlink' of help.tramlink.example) or the address's name spaced otherwise ('Harbour FM 104' of
    harbourfm104), with the section between it and the headline."""
    raw = (f"<!-- saved from url=(0050){url} -->\n<html><head><title>{title}</title></head><body><main>"
           f"<div class='title-lg'>{HEADLINE}</div>{STORY}</main></body></html>").encode()
    assert convert(raw).title == HEADLINE


def test_a_headline_in_two_parts_keeps_its_first_part_when_a_guess_names_the_site_after_it():
    """<title> 'A – B: Site', og:title and <h1> 'A – B': a site name guessed from the <title>'s first part ('A',
    as trafilatura guesses one for some pages) is the headline's first part, not the site's name; B shares no word
    with the story."""
    headline = "Night trams reach the harbour district – twice as many as ever"
    witnesses = [Witness("social", headline), Witness("h1", headline), Witness("trafilatura", headline),
                 Witness("title", f"{headline}: Harbour Gazette Online")]
    words = story_words(" ".join(PARAGRAPHS))
    assert decide_title(witnesses, ["Night trams reach the harbour district"], "https://harbour-gazette.example/x",
                        words, headline)[0] == headline


def test_the_headline_the_address_is_made_of_wins_over_a_sections_heading():
    """A party's blog: the <h1> is the section's name ('Updates'), the <title> the post's headline, neither sharing a
    word with the story; the address's slug, which the blog's software made of the headline, is its vote."""
    url = "https://harbour-gazette.example/2026/03/02/a-long-wait-is-over/"
    raw = (f"<!-- saved from url=(0061){url} -->\n<html><head><title>A long wait is over | Harbour Gazette</title>"
           f"</head><body><main><h1>Updates</h1><article>{STORY}</article></main></body></html>").encode()
    assert convert(raw).title == "A long wait is over"


def test_a_one_word_headline_the_address_names_is_no_sections_name():
    """A recipe blog's post 'Zimtsterne' (its <h1>, og:title and <title>): a word the story does not use, as a
    section's name would be, but the address's slug ('…/2024/12/01/zimtsterne/') names it: the post's headline,
    not a line of the page's text (its sidebar's 'About this blog')."""
    url = "https://kitchen-notes.example/2024/12/01/zimtsterne/"
    story = "".join(f"<p>{p}</p>" for p in [
        "Every December my grandmother baked star-shaped biscuits of ground almonds, egg white and cinnamon.",
        "The dough is sticky, so roll it between two sheets of baking paper and cut the stars with a wet cutter.",
        "Bake them at a low heat for ten minutes: the white icing on top should stay white, not turn brown."])
    raw = (f"<!-- saved from url=(0052){url} -->\n<html><head><title>Zimtsterne | Kitchen Notes</title>"
           '<meta property="og:title" content="Zimtsterne"></head><body><main><article><h1>Zimtsterne</h1>'
           f"{story}</article></main><aside><h2>About this blog</h2><p>Recipes from a small kitchen in the north, "
           "written down before they are forgotten.</p></aside></body></html>").encode()
    assert convert(raw).title == "Zimtsterne"


def test_the_copyright_lines_outlet_is_the_sites_name_a_title_carries():
    """No address, no og:site_name: the footer's copyright line names the site the <title> ends with."""
    raw = (f"<html><head><title>{HEADLINE} - Newspaper - The Harbour Gazette</title></head><body><main><article>"
           f'<h2><a href="/city/night-trams">{HEADLINE}</a></h2>{STORY}</article></main>'
           "<footer>Copyright © 2026, The Harbour Gazette</footer></body></html>").encode()
    assert convert(raw).title == HEADLINE


def test_a_sharing_title_that_shares_only_the_sites_name_with_the_story_is_no_headline():
    """og:title 'Newsroom | Harbour Gazette': the site's name shares words with the story, the rest none."""
    story = STORY.replace("The city council", "The Harbour Gazette reports that the city council")
    got = convert(page('<title>Night trams | Harbour Gazette</title><meta property="og:title" content="Newsroom | '
                       'Harbour Gazette">', f"<h1>{HEADLINE}</h1>", story))
    assert got.title == HEADLINE


def test_the_headline_shown_without_an_h1_is_whole_where_the_title_cuts_it_short():
    """No <h1>, no og:title: the <title> gives the site's name and the headline cut short; the headline a reader
    sees (a styled span) goes on after a comma."""
    whole = f"{HEADLINE}, two decades after the last new route"
    raw = (f"<html><head><title>The Harbour Gazette - {HEADLINE}</title></head><body><table><tr><td>"
           f"<b>The Harbour Gazette</b></td></tr><tr><td><span class='storyhead'>{whole}</span><br>{STORY}</td></tr>"
           "<tr><td>© 2026 The Harbour Gazette, 4 Quay Street, all rights reserved, no part may be copied</td></tr>"
           "</table></body></html>").encode()
    assert convert(raw).title == whole


def test_the_h1_and_the_json_ld_headline_outvote_the_sharing_title():
    graph = '{"@type": "NewsArticle", "headline": "%s"}' % HEADLINE
    got = convert(page(f'<script type="application/ld+json">{graph}</script><title>Trams: a new route</title>'
                       f'<meta property="og:title" content="Trams: a new route">', f"<h1>{HEADLINE}</h1>"))
    assert got.title == HEADLINE


@pytest.mark.parametrize("kind", ["WebPage", "Article"])
def test_json_ld_that_repeats_the_title_to_the_letter_is_no_second_vote_against_the_h1(kind):
    # The <title> says something else than the headline shown; JSON-LD copies the <title>, letter for letter
    # (a WebPage's name, an SEO plugin's headline): the h1 and og:title still carry it, two witnesses to one.
    title = "Evening transport changes | Harbour district, North Bay"
    graph = '{"@type": "%s", "%s": "%s"}' % (kind, "name" if kind == "WebPage" else "headline", title)
    got = convert(page(f'<script type="application/ld+json">{graph}</script><title>{title}</title>'
                       f'<meta property="og:title" content="{HEADLINE}">', f"<h1>{HEADLINE}</h1>"))
    assert got.title == HEADLINE


# ---- dates from the page's own markup, with its offset (case time-datetime-offset-ignored) ------------------------


def test_a_time_element_dates_the_page_with_its_own_offset():
    got = convert(page(f"<title>{HEADLINE}</title>", f'<h1>{HEADLINE}</h1><p class="byline">By Ruth Okafor · '
                       f'<time datetime="2025-09-10T18:40:00-03:00">10 September 2025, 18:40</time></p>'))
    assert got.date.isoformat() == "2025-09-10T18:40:00-03:00" and got.date_from == ""


def test_the_same_instant_in_utc_and_in_the_pages_offset_keeps_the_pages():
    got = convert(page(f'<title>{HEADLINE}</title><meta property="article:published_time" content="2025-09-10T21:40:00Z">',
                       f'<h1>{HEADLINE}</h1><time datetime="2025-09-10T18:40:00-03:00">10 September 2025</time>'))
    assert got.date.isoformat() == "2025-09-10T18:40:00-03:00"


def test_a_time_without_offset_that_is_the_json_ld_instant_told_locally_takes_the_local_offset():
    graph = '{"@type": "NewsArticle", "headline": "%s", "datePublished": "2025-09-11T04:58:46Z"}' % HEADLINE
    got = convert(page(f'<script type="application/ld+json">{graph}</script>'
                       f'<meta property="article:published_time" content="2025-09-10T20:58:46">', f"<h1>{HEADLINE}</h1>"))
    assert got.date.isoformat() == "2025-09-10T20:58:46-08:00"   # not 20:58:46 in UTC, eight hours out


def test_the_instant_two_witnesses_agree_on_beats_a_lone_time_in_another_offset():
    graph = '{"@type": "NewsArticle", "headline": "%s", "datePublished": "2025-09-10T10:00:04Z"}' % HEADLINE
    got = convert(page(f'<script type="application/ld+json">{graph}</script>'
                       f'<meta property="article:published_time" content="2025-09-10T05:00:04">',
                       f'<h1>{HEADLINE}</h1><p>By Ruth Okafor <time datetime="2025-09-10T15:17:21-06:00"></time></p>'))
    assert got.date.isoformat() == "2025-09-10T05:00:04-05:00"


def test_a_dateline_to_the_minute_keeps_the_markups_seconds_in_its_own_offset():
    graph = '{"@type": "NewsArticle", "headline": "%s", "datePublished": "2025-09-10T21:40:27Z"}' % HEADLINE
    got = convert(page(f'<script type="application/ld+json">{graph}</script>',
                       f'<h1>{HEADLINE}</h1><time datetime="2025-09-10T18:40-03:00">10 September 2025, 18:40</time>'))
    assert got.date.isoformat() == "2025-09-10T18:40:27-03:00"


def test_a_copyright_year_is_no_publication_day():
    raw = page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1>").replace(
        b"Copyright Harbour Gazette", "© 2020 Harbour Gazette. All rights reserved.".encode())
    got = convert_html(raw, "seeds/trams.html", Rules(zone="UTC"), datetime(2025, 9, 12, 8, 0).astimezone())[0]
    assert got.date_from == "file" and got.date.date().isoformat() == "2025-09-12"   # not 2020-01-01


def test_a_day_the_page_shows_below_its_story_dates_a_page_whose_markup_dates_nothing():
    raw = page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1>", STORY + "<p>Filed 13.11.2024 by the city desk.</p>")
    got = convert_html(raw, "seeds/trams.html", Rules(zone="UTC"), datetime(2025, 9, 12, 8, 0).astimezone())[0]
    assert got.date_from == "" and got.date.isoformat() == "2024-11-13"


def test_witnesses_that_disagree_on_the_day_are_marked_for_review():
    graph = '{"@type": "NewsArticle", "headline": "%s", "datePublished": "2025-09-10T09:00:00+01:00"}' % HEADLINE
    got = convert(page(f'<script type="application/ld+json">{graph}</script>'
                       f'<meta property="article:published_time" content="2025-09-10T09:00:00+01:00">',
                       f'<h1>{HEADLINE}</h1><time datetime="2025-11-20T10:00:00+01:00">20 November 2025</time>'))
    assert got.date.isoformat() == "2025-09-10T09:00:00+01:00" and "date" in got.review


# ---- a paragraph that is only a date is the dateline (case dateline-paragraph-in-body) ----------------------------


@pytest.mark.parametrize("dateline", ["10 September 2025", "Sept. 10, 2025, 6:40 p.m.", "2025-09-10"])
def test_a_paragraph_that_is_only_a_date_is_the_dateline_not_the_body(dateline):
    got = convert(page(f"<title>{HEADLINE}</title>", f'<h1>{HEADLINE}</h1><p class="byline">By Ruth Okafor</p>'
                       f'<p class="date">{dateline}</p>'))
    assert got.body.startswith(PARAGRAPHS[0][:40]) and got.summary.startswith(PARAGRAPHS[0][:40])
    day = got.date.date() if isinstance(got.date, datetime) else got.date
    assert day.isoformat() == "2025-09-10"


# ---- never refused while the page holds text -----------------------------------------------------------------------


def test_a_page_with_an_xml_declaration_that_its_bytes_contradict_is_read():
    raw = page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1>").decode("utf-8")
    raw = '<?xml version="1.0" encoding="iso-8859-1"?>\n' + raw.replace("district from", "district – Hafenviertel – from")
    got = convert(raw.encode("utf-8"))
    assert got.title == HEADLINE and "district – Hafenviertel – from" in got.body


def test_a_page_in_a_script_written_without_spaces_is_read_as_prose():
    lines = ["市議会は水曜日、九月から港湾地区まで夜間の路面電車を延長することを決めた。二十年以上ぶりの新路線となる。",
             "金曜と土曜は午前二時まで十五分おきに運行し、ほかの夜は三十分おきになると交通局は説明した。",
             "地区の商店主は何年も前からこの運行を求めており、遅い客が終バスに合わせて早く帰ってしまうと話していた。"]
    raw = (f'<html lang="ja"><head><meta charset="utf-8"><title>夜間の路面電車、港湾地区へ延長</title></head><body>'
           f'<h1>夜間の路面電車、港湾地区へ延長</h1>{"".join(f"<p>{p}</p>" for p in lines)}</body></html>').encode("utf-8")
    got = convert(raw)
    assert got.title == "夜間の路面電車、港湾地区へ延長" and lines[1] in got.body


@pytest.mark.parametrize("lang, headline, lines", [
    ("hi", "नदी किनारे नया रास्ता मंज़ूर", ["नगर परिषद ने मंगलवार को नदी के किनारे नया पैदल रास्ता बनाने की योजना को मंज़ूरी दी।",
                                    "काम अगले महीने शुरू होगा और लगभग छह महीने में पूरा होगा।"]),
    ("ur", "دریا کے کنارے نئی سڑک منظور", ["شہر کی کونسل نے منگل کو دریا کے کنارے نئی سڑک بنانے کے منصوبے کی منظوری دے دی۔",
                                          "کام اگلے مہینے شروع ہوگا اور تقریباً چھ مہینے میں مکمل ہوگا۔"]),
    ("th", "สภาเมืองอนุมัติทางเดินริมแม่น้ำ", ["สภาเมืองอนุมัติแผนสร้างทางเดินริมแม่น้ำเมื่อวันอังคาร หลังจากถกเถียงกันนานหลายสัปดาห์",
                                           "งานจะเริ่มในเดือนหน้าและใช้เวลาประมาณหกเดือน ตามที่สำนักงานเทศบาลแจ้ง"]),
])
def test_a_page_whose_sentences_end_in_another_scripts_stop_or_none_is_read_as_prose(lang, headline, lines):
    raw = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>{headline}</title></head><body>'
           f'<h1>{headline}</h1>{"".join(f"<p>{p}</p>" for p in lines)}</body></html>').encode("utf-8")
    got = convert(raw)
    assert got.title == headline and lines[1] in got.body


@pytest.mark.parametrize("line, names", [
    ("By Ruth Okafor September 10, 2025", ["Ruth Okafor"]),
    ("September 10, 2025 By Ruth Okafor", ["Ruth Okafor"]),
    ("Posted by Ruth Okafor on", ["Ruth Okafor"]),
    ("ByRuth Okafor | 10 September 2025", ["Ruth Okafor"]),
])
def test_the_visible_byline_in_its_many_shapes(line, names):
    got = convert(page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1><p>{line}</p>"))
    assert got.authors == names


@pytest.mark.parametrize("line", ["Photo by Sam Roe", "Tickets sold by Harbour Ferries, City Trams and Coast Buses"])
def test_a_credit_or_a_sentence_with_by_is_no_byline(line):
    got = convert(page(f'<title>{HEADLINE}</title><meta name="author" content="Ruth Okafor">',
                       f"<h1>{HEADLINE}</h1><p>{line}</p>"))
    assert got.authors == ["Ruth Okafor"] and "authors" not in got.review


def test_a_catalogues_last_first_order_is_read_as_a_name():
    got = convert(page(f'<title>{HEADLINE}</title><meta name="citation_author" content="Okafor, Ruth">'
                       f'<meta name="citation_author" content="Lindqvist, Pavel">', f"<h1>{HEADLINE}</h1>"))
    assert got.authors == ["Ruth Okafor", "Pavel Lindqvist"]


# ---- the body: nothing of the article dropped, no navigation added ---------------------------------------------------


def test_lists_and_tables_right_under_body_are_kept_and_a_menu_is_not():
    raw = (f"<html><head><title>{HEADLINE}</title></head><body><h1>{HEADLINE}</h1><p>{PARAGRAPHS[0]}</p>"
           "<p>The new stops are:</p><ul><li>Harbour Gate, by the ferry terminal</li><li>Fish Market, on the old "
           "quay</li><li>Lighthouse Road, at the end of the line</li></ul>"
           f"<p>{PARAGRAPHS[1]}</p><table><tr><th>Night</th><th>Last tram</th></tr><tr><td>Friday</td><td>02:00</td>"
           f"</tr><tr><td>Sunday</td><td>00:30</td></tr></table><p>{PARAGRAPHS[2]}</p>"
           '<ul><li><a href="/city/">City</a></li><li><a href="/sport/">Sport</a></li></ul>'
           f"<p>{PARAGRAPHS[3]}</p></body></html>").encode("utf-8")
    body = convert(raw).body
    assert "- Harbour Gate, by the ferry terminal\n- Fish Market, on the old quay\n" in body
    assert body.count("| Friday | 02:00 |") == 1 and "Sport" not in body
    assert body.index("Harbour Gate") < body.index(PARAGRAPHS[1][:30]) < body.index("| Friday")


# ---- the date a page shows, beside the one its markup declares and shows nowhere ----------------------------------------


def _dated(header: str) -> bytes:
    graph = ('{"@type": "BlogPosting", "headline": "%s", "datePublished": "2023-03-01T08:00:00+00:00", '
             '"dateModified": "2025-06-12T16:30:00+02:00"}' % HEADLINE)
    return page(f'<script type="application/ld+json">{graph}</script>'
                f'<meta property="article:published_time" content="2023-03-01T08:00:00+00:00">', f"<h1>{HEADLINE}</h1>{header}")


@pytest.mark.parametrize("shown", ["June 12, 2025", "By Ruth Okafor"])
def test_a_page_that_shows_a_later_date_unlabelled_or_none_keeps_the_publication_its_markup_declares(shown):
    got = convert(_dated(f"<p>{shown}</p>"))
    assert got.date.isoformat() == "2023-03-01T08:00:00+00:00" and got.updated.isoformat() == "2025-06-12T16:30:00+02:00"


@pytest.mark.parametrize("shown", ["Last updated: June 12, 2025", "Updated on 12 June 2025 · 6 min read"])
def test_a_page_whose_header_shows_only_its_last_update_is_dated_by_it_and_marked(shown):
    got = convert(_dated(f"<p>By Ruth Okafor</p><p>{shown}</p>"))
    assert got.date.isoformat() == "2025-06-12T16:30:00+02:00"   # the markup's instant of the day shown
    assert "2023-03-01" in got.review["date"] and got.updated is None


def test_an_update_shown_that_the_markup_does_not_know_dates_the_page_by_its_day():
    graph = '{"@type": "BlogPosting", "headline": "%s", "datePublished": "2023-03-01T08:00:00+00:00"}' % HEADLINE
    got = convert(page(f'<script type="application/ld+json">{graph}</script>',
                       f"<h1>{HEADLINE}</h1><p>Last updated: June 12, 2025</p>"))
    day = got.date.date() if isinstance(got.date, datetime) else got.date
    assert day.isoformat() == "2025-06-12" and "2023-03-01" in got.review["date"]


def test_a_dateline_earlier_than_a_publication_shown_nowhere_is_the_original_publication():
    got = convert(_dated("<p>By Ruth Okafor · 14 November 2021</p>"))
    day = got.date.date() if isinstance(got.date, datetime) else got.date
    assert day.isoformat() == "2021-11-14" and "2023-03-01" in got.review["date"]


def test_a_page_that_shows_both_dates_keeps_the_publication():
    got = convert(_dated("<p>Published March 1, 2023 · Updated June 12, 2025</p><p>More: 14 November 2021</p>"))
    assert got.date.isoformat() == "2023-03-01T08:00:00+00:00" and got.updated.isoformat() == "2025-06-12T16:30:00+02:00"


# ---- a name a reader sees, where the markup names only the outlet or no one -------------------------------------------


def test_a_name_under_the_headline_beside_a_job_title_outranks_an_outlet_as_author():
    graph = '{"@type": "NewsArticle", "headline": "%s", "author": {"@type": "Organization", "name": "Harbour Gazette Ltd"}}' % HEADLINE
    got = convert(page(f'<script type="application/ld+json">{graph}</script>',
                       f"<p>12 min read</p><p>City desk</p><h1>{HEADLINE}</h1><p>Ruth Okafor</p><p>Transport Correspondent</p>"))
    assert got.authors == ["Ruth Okafor"] and got.source_name


def test_a_name_under_a_one_paragraph_dek_is_still_in_the_header():
    dek = ("Trams will now run late into the night to the harbour district, where shop owners and restaurants have long "
           "said that the last bus home leaves far too early for their customers.")
    got = convert(page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1><p>{dek}</p><p>Pavel Lindqvist</p>"
                       f"<p>10.09.2025 · 4 min read</p>"))
    assert got.authors == ["Pavel Lindqvist"]


def test_a_desk_posting_the_story_gives_way_to_the_person_its_first_line_credits():
    header = (f"<h1>{HEADLINE}</h1><p class='entry-meta'>Posted on <time>June 3, 2025</time> by "
              f"<a rel='author'>Gazette Newsdesk</a></p><p><strong>By Ines Varga</strong></p>")
    assert convert(page(f"<title>{HEADLINE}</title>", header)).authors == ["Ines Varga"]
    alone = header.replace("<p><strong>By Ines Varga</strong></p>", "")
    assert convert(page(f"<title>{HEADLINE}</title>", alone)).authors == ["Gazette Newsdesk"]


@pytest.mark.parametrize("credit", ["<p><em>Text: Ines Varga / Foto: Pavel Lindqvist</em></p>",
                                    "<p>Bericht: Ines Varga · Fotos: Pavel Lindqvist</p>"])
def test_a_credit_line_under_the_story_names_its_writer_and_not_its_photographer(credit):
    got = convert(page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1><p>Mo, 02.06.2025 - 14:12</p>", STORY + credit))
    assert got.authors == ["Ines Varga"]


def test_trafilaturas_author_loses_the_labels_and_photo_credits_it_kept_without_their_colons():
    from newsdigest.ingest.html import _witnesses_of
    from newsdigest.ingest.markup import PageData
    found = PageData()
    _witnesses_of(found, None, "Bericht Ines Varga · Fotos Pavel Lindqvist; Text Ruth Okafor", None, None)
    assert [w.value for w in found.authors] == [("Ines Varga", "Ruth Okafor")]


def test_an_author_box_under_the_story_names_the_writer_when_nothing_else_does():
    box = ('<aside><p>Pavel Lindqvist</p><p>Senior writer</p><p>Pavel Lindqvist covers transport and city planning for '
           'the gazette and has ridden every night bus in the region at least once.</p></aside>')
    assert convert(page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1>", STORY + box)).authors == ["Pavel Lindqvist"]
    assert convert(page(f'<title>{HEADLINE}</title><meta name="author" content="Ruth Okafor">', f"<h1>{HEADLINE}</h1>",
                        STORY + box)).authors == ["Ruth Okafor"]


@pytest.mark.parametrize("line", ["Learn More", "Table Of Contents", "Top Stories"])
def test_page_furniture_beside_a_reading_time_is_no_name(line):
    got = convert(page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1><p>{line}</p><p>4 min read</p>"))
    assert got.authors == []


def test_a_heading_over_a_paragraph_that_repeats_it_is_no_author_box():
    story = STORY + ("<h2>Night Services</h2><p>Night services on other lines will be reviewed next year, when the "
                     "department has counted how many riders the harbour route carries after midnight.</p>")
    assert convert(page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1>", story)).authors == []


def test_every_citation_authors_tag_is_heard():
    got = convert(page(f'<title>{HEADLINE}</title><meta name="citation_authors" content="Ruth Okafor">'
                       f'<meta name="citation_authors" content="Pavel Lindqvist">', f"<h1>{HEADLINE}</h1>"))
    assert got.authors == ["Ruth Okafor", "Pavel Lindqvist"]


def test_a_numeric_dateline_is_read_in_the_order_the_pages_other_dates_settle():
    more = "<ul><li>Tram fares frozen · 11.24.2025</li><li>New ferry pier · 10.28.2025</li></ul>"
    got = convert(page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1><p>09.10.2024</p>", STORY + more))
    day = got.date.date() if isinstance(got.date, datetime) else got.date
    assert day.isoformat() == "2024-09-10"
    got = convert(page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1><p>09.10.2024</p>", STORY + more.replace("11.24", "24.11")))
    day = got.date.date() if isinstance(got.date, datetime) else got.date
    assert day.isoformat() == "2024-10-09"


def test_written_by_on_a_line_of_its_own_under_a_two_paragraph_dek():
    deks = "".join(f"<p>{p}</p>" for p in [
        "Trams will now run late into the night to the harbour district, where shop owners and restaurants have long "
        "said that the last bus home leaves far too early for their customers.",
        "What does the new route change for riders, for the district's businesses and for the city's budget, and when "
        "will the first night tram leave the depot on its way to the quay?"])
    raw = (f"<html><head><title>{HEADLINE}</title></head><body><div class='hero'><h1>{HEADLINE}</h1>{deks}"
           f"<div>Posted on</div><div>10 September 2025</div><div>Written by</div><div>Pavel Lindqvist - Transport "
           f"writer</div></div><div class='post-content'>{STORY}</div></body></html>").encode("utf-8")
    got = convert(raw)
    assert got.authors == ["Pavel Lindqvist"] and got.body.startswith(PARAGRAPHS[0][:40])


@pytest.mark.parametrize("line", ["Pavel J. Lindqvist · 10 September 2025 · 4 min read", "Sep 10, 2025Pavel J. Lindqvist"])
def test_a_name_on_the_dateline_without_by(line):
    got = convert(page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1><p>{line.replace('2025P', '2025</span><span>P')}</p>"))
    assert got.authors == ["Pavel J. Lindqvist"]


def test_a_section_on_the_dateline_is_no_name():
    got = convert(page(f'<title>{HEADLINE}</title><meta property="article:section" content="City Transport">',
                       f"<h1>{HEADLINE}</h1><p>10 September 2025 · City Transport</p>"))
    assert got.authors == [] and got.category == "City Transport"


# ---- more shapes of a byline a reader sees (issue 24, authors) ----------------------------------------------------


def test_a_name_on_the_dateline_written_on_behalf_of_a_group():
    got = convert(page(f"<title>{HEADLINE}</title>",
                       f"<h1>{HEADLINE}</h1><p>Sep. 10, 2025 · Pavel Lindqvist on behalf of the Night Transport group</p>"))
    assert got.authors == ["Pavel Lindqvist"]


def test_a_line_of_several_names_beside_the_dateline():
    got = convert(page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1><p>Ruth Okafor, Pavel J. Lindqvist, Chen "
                       f"Wei</p><p>10 Sep 2025 • 4 min read</p>"))
    assert got.authors == ["Ruth Okafor", "Pavel J. Lindqvist", "Chen Wei"]


@pytest.mark.parametrize("line", ["Home, About Us, Contact", "New York, New Jersey"])
def test_a_line_of_places_or_menu_items_beside_the_dateline_is_no_list_of_names(line):
    got = convert(page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1><p>{line}</p><p>10 Sep 2025 • 4 min read</p>"))
    assert got.authors == []


def test_a_byline_glued_to_a_links_text():
    got = convert(page(f"<title>{HEADLINE}</title>",
                       f"<h1>{HEADLINE}</h1><p>By P. J. Lindqvist <a href='/print'>View Print Edition</a></p>"))
    assert got.authors == ["P. J. Lindqvist"]


def test_a_byline_that_names_a_writer_by_a_handle_in_lower_case():
    got = convert(page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1><p>09/10 — 2025</p><p>by tramfan</p>"))
    assert got.authors == ["tramfan"]
    got = convert(page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1><p>09/10 — 2025</p><p>by admin</p>"))
    assert got.authors == []


def test_a_headline_shown_without_the_site_name_its_title_carries_finds_the_header():
    got = convert(page(f"<title>{HEADLINE} | Tram Notes</title>",
                       f"<h1>{HEADLINE}</h1><p>Sep. 10, 2025 · Pavel Lindqvist</p>", STORY + "<h1>What riders said</h1>"))
    assert got.authors == ["Pavel Lindqvist"]


@pytest.mark.parametrize("site, authors", [("Pavel Lindqvist's blog", ["Pavel Lindqvist"]), ("Harbour Gazette", []),
                                           ("Morgan Lindqvist", ["Morgan Lindqvist"])])   # a bare name too, marked
def test_a_personal_site_named_for_its_owner_credits_the_owner_when_the_page_names_no_one(site, authors):
    got = convert(page(f'<title>{HEADLINE}</title><meta property="og:site_name" content="{site}">', f"<h1>{HEADLINE}</h1>"))
    assert got.authors == authors
    if authors:
        assert "authors" in got.review


# ---- what speaks for another item: a comment, a teaser in the sidebar ----------------------------------------


def test_a_commenters_microdata_author_is_not_the_articles():
    comment = ('<ol class="comments"><li itemscope itemtype="https://schema.org/Comment"><div itemprop="author" itemscope '
               'itemtype="https://schema.org/Person"><cite itemprop="name">Gus Ferreira</cite></div>'
               '<p itemprop="text">Finally, the night tram.</p></li></ol>')
    article = ('<div itemscope itemtype="https://schema.org/BlogPosting"><span itemprop="author" itemscope '
               'itemtype="https://schema.org/Person"><span itemprop="name">Ruth Okafor</span></span></div>')
    got = convert(page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1>{article}", STORY + comment))
    assert got.authors == ["Ruth Okafor"]


def test_a_sidebar_teasers_date_does_not_date_the_page():
    aside = ('<aside><h3>Latest</h3><div itemscope itemtype="https://schema.org/NewsArticle"><a href="/x">Harbour '
             'ferry timetable changes</a><time datetime="2026-11-28">28.11.2026<meta itemprop="datePublished" '
             'content="2026-11-28"></time></div></aside>')
    got = convert(page(f"<title>{HEADLINE}</title>", f'<h1>{HEADLINE}</h1><span class="date"><time itemprop="datePublished" '
                       f'datetime="2026-11-20">20.11.2026</time></span>', STORY + aside), zone="Europe/Berlin")
    assert str(got.date)[:10] == "2026-11-20"


@pytest.mark.parametrize("head, header, names", [
    ('<meta name="byl" content="Von Sandra Weiß">', "", ["Sandra Weiß"]),                 # a label in the meta tag
    ('<meta name="author" content="Ruth Okafor und Pavel Lindqvist">', "", ["Ruth Okafor", "Pavel Lindqvist"]),
])
def test_a_writers_label_in_another_language_is_no_part_of_the_name(head, header, names):
    assert convert(page(f"<title>{HEADLINE}</title>{head}", f"<h1>{HEADLINE}</h1>{header}")).authors == names


def test_a_label_in_another_language_glued_to_the_name_is_parted_from_it():
    assert byline_names("VonKathrin Adler") == ("Kathrin Adler",) and byline_names("ParLucie Vial") == ("Lucie Vial",)
    assert byline_names("Vonnegut Kurt") == ("Vonnegut Kurt",)


def test_an_association_e_v_is_not_cut_at_its_e():
    got = convert(page(f'<title>{HEADLINE}</title><meta name="DC.creator" content="Hafenverein Nord e.V.">',
                       f"<h1>{HEADLINE}</h1>"))
    assert "V" not in got.authors


# ---- blogs: the account that posted, a first name in the markup, a signature (issue 24: set E is German blogs) -----

DEPOT = "Stadtrat macht aus dem alten Depot eine Markthalle"
GERMAN = "".join(f"<p>{p}</p>" for p in [
    "Der Stadtrat hat am Dienstag beschlossen, das alte Straßenbahndepot in eine überdachte Markthalle zu verwandeln, "
    "und damit einen zehnjährigen Streit über die leere Halle am Fluss beendet.",
    "Händler, die bisher aus Lieferwagen am Kai verkaufen, bekommen als Erste die Wahl unter den sechzig Ständen, und "
    "die Miete wird für die ersten drei Jahre festgeschrieben, wie die Verwaltung mitteilte.",
    "Die Arbeiten am Dach beginnen im Frühjahr, und die Stadt hofft, den Markt noch vor dem Sommerfest zu eröffnen, "
    "das jedes Jahr im Juli Tausende Besucher an den Kai bringt."])


def blog(head: str, header: str, story: str = GERMAN, after: str = "", site: str = "Mein Kaiblog") -> bytes:
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{DEPOT} – {site}</title>{head}</head>'
            f'<body><header><p class="site-title"><a href="/">{site}</a></p><nav><a href="/">Start</a> '
            f'<a href="/rezepte/">Rezepte</a></nav></header><main><article><h1 class="entry-title">{DEPOT}</h1>{header}'
            f'<div class="entry-content">{story}</div></article>{after}</main><footer>© 2026 {site}</footer>'
            f'</body></html>').encode("utf-8")


def test_the_account_that_posted_is_no_author_and_the_posts_signature_names_the_writer():
    comments = ('<ol class="comment-list"><li id="comment-218" class="comment"><article class="comment-body">'
                '<b class="fn">Rolf aus Simmern</b> sagt: <time datetime="2026-11-27T20:13:44+01:00">27. November 2026'
                '</time><p>Danke für den Tipp!</p></article></li></ol>')
    got = convert(blog('<link rel="canonical" href="https://kaiblog.example/2026/11/25/depot-markthalle/">',
                       '<div class="entry-meta">Geschrieben von <span class="author vcard"><a class="url fn n" '
                       'href="/author/admin/">admin</a></span></div>',
                       GERMAN + "<p>Herzliche Grüße,<br>euer Marktgänger Bernd Kaiser</p>", comments), zone="Europe/Berlin")
    assert got.authors == ["Bernd Kaiser"]
    assert str(got.date)[:10] != "2026-11-27"   # the comment's time dates the comment, not the post


def test_a_label_in_lower_case_before_a_first_name_is_no_part_of_it():
    header = ('<div itemscope itemtype="https://schema.org/BlogPosting"><span itemprop="author">von Katrin</span></div>')
    assert convert(blog('<meta name="author" content="Katrin">', header)).authors == ["Katrin"]


def test_a_first_name_in_the_markup_takes_the_full_name_the_author_box_gives():
    ld = '<script type="application/ld+json">{"@type": "BlogPosting", "author": {"@type": "Person", "name": "Gudrun"}}</script>'
    box = ('<section class="author-box"><h3>Über die Autorin</h3><p>Gudrun Wellmann gärtnert seit dreißig Jahren am '
           'Hang über dem Fluss und schreibt hier über Märkte, Gemüse aus eigener Saat und Blumenzwiebeln.</p></section>')
    assert convert(blog(ld, "", GERMAN + box)).authors == ["Gudrun Wellmann"]


def test_two_capitalised_nouns_beside_a_date_are_no_writer():
    news = ('<section><h2>Weitere Meldungen</h2><ul><li><a href="/a">Neue Bänke am Kai</a> 09.02.2026</li>'
            '<li><a href="/b">Wochenmarkt zieht um</a> 02.02.2026</li></ul></section>')
    got = convert(blog("", '<p class="date">12.02.2026</p><p>Kategorien Märkte</p>', GERMAN, news, site="Gemeinde Kaistadt"))
    assert got.authors == []


@pytest.mark.parametrize("field, names", [
    ("Reto Brunner Redaktor Region Nord Publiziert", ["Reto Brunner"]),   # a byline box's lines read into one
    ("Jane Doe Senior Writer", ["Jane Doe"]),
    ("The Currency editors", ["The Currency editors"]),                   # a desk keeps its word
    ("Geschrieben von Anna Berg", ["Anna Berg"]),
    ("Da Silva Santos", ["Da Silva Santos"]),                             # a particle, not 'by'
])
def test_an_author_field_less_the_role_or_date_label_run_into_it(field, names):
    assert split_names(field) == names


@pytest.mark.parametrize("site, names", [("Greta Lindqvist", ["Greta Lindqvist"]), ("Hans Böckler Stiftung", []),
                                         ("Anna Berg Fotografie", [])])
def test_a_personal_site_named_after_its_owner_credits_her_when_the_page_names_no_one(site, names):
    got = convert(blog(f'<meta property="og:site_name" content="{site}">', "<p>12.02.2026</p>", site=site))
    assert got.authors == names and (not names or "authors" in got.review)


def test_a_person_a_weaker_witness_names_outranks_the_site_the_markup_credits():
    from newsdigest.ingest.votes import decide_authors
    names, outlet, _ = decide_authors([Witness("json-ld", ("Tagesfunk",)), Witness("trafilatura", ("Hannah Leitner", "NWR"))],
                                      ["Tagesfunk"])
    assert names == ["Hannah Leitner"] and outlet == "Tagesfunk"


def test_a_themes_page_heading_in_the_h1_is_not_the_headline_its_story_shares_no_word_with():
    # a theme prints the section's name as the page heading, marked up as the headline, and the post's title below it
    got = convert(page(f'<title>{HEADLINE} – Harbour Gazette</title><meta property="og:title" content="{HEADLINE}">',
                       f'<h1 itemprop="headline">Blog</h1><h2 class="entry-title" itemprop="headline">{HEADLINE}</h2>'))
    assert got.title == HEADLINE


def test_an_agency_in_brackets_after_the_meta_authors_name_is_not_part_of_it():
    got = convert(page(f'<title>{HEADLINE}</title><meta name="author" content="Ruth Okafor (KNA)">', f"<h1>{HEADLINE}</h1>"))
    assert got.authors == ["Ruth Okafor"]


def test_a_teasers_byline_under_a_story_of_short_sections_is_not_the_pages():
    # a police report of three items, each under its own heading: no two paragraphs of prose in a row, so the
    # header must end a few lines into the story, before the teasers under it
    items = "".join(f"<h3>Item {k}: a heading</h3><p>{p}</p>" for k, p in enumerate(PARAGRAPHS[:3]))
    teasers = ('<div class="latest"><h4>Latest</h4><ul><li><a href="/a">Harbour festival moves to August</a>20.02.2024 · '
               'By Marion Hale</li><li><a href="/b">Ferry fares rise in spring</a>20.02.2024</li></ul></div>')
    got = convert(page(f'<title>{HEADLINE}</title><meta name="author" content="Harbour Police">',
                       f"<h1>{HEADLINE}</h1><p>Harbour (ots) -</p>", items + teasers))
    assert got.authors == ["Harbour Police"]   # the office its markup credits, not the teaser's writer


def test_a_sections_name_as_the_only_heading_the_markup_gives_yields_to_the_headline_the_page_shows():
    # the CMS's markup names only the section ('News'); the story's headline is a plain heading above its byline
    got = convert(page("<title>Harbour Gazette - News</title>",
                       f"<h1>News</h1><h2>{HEADLINE}</h2><p>Written by Ruth Okafor on 03.05.2023</p>"))
    assert got.title == HEADLINE and "title" in got.review


def test_a_visible_byline_that_gives_the_writers_initial_and_surname_is_read():
    got = convert(page(f"<title>{HEADLINE}</title>",
                       f"<h1>{HEADLINE}</h1><p>Geschrieben von W. Reisinger am 03.05.2023 um 18:22</p>"))
    assert got.authors == ["W. Reisinger"]


@pytest.mark.parametrize("field, names", [("Autor strickliesel", ["strickliesel"]), ("Author Jane Doe", ["Jane Doe"])])
def test_an_author_label_before_a_handle_in_lower_case_is_no_part_of_the_name(field, names):
    assert split_names(field) == names   # a theme's screen-reader label, as trafilatura reads it with the name


def test_a_sections_name_left_as_a_paragraph_of_the_story_does_not_make_it_the_headline():
    got = convert(page("<title>Harbour Gazette - News</title>",
                       f"<h1>News</h1><h2>{HEADLINE}</h2><p>Written by Ruth Okafor on 03.05.2023</p>",
                       STORY + "<p>Back to News</p>"))
    assert got.title == HEADLINE


def test_a_kicker_the_title_adds_before_the_headline_the_h1_shows_is_not_the_headlines():
    head = (f"<title>Report: {HEADLINE} | Harbour Gazette</title><meta property='og:title' content='Report: {HEADLINE}'>"
            f"<meta name='twitter:title' content='Report: {HEADLINE}'>")
    assert convert(page(head, f"<div class='kicker'>Report</div><h1>{HEADLINE}</h1>")).title == HEADLINE


def test_a_name_the_page_shows_family_name_first_keeps_its_order_where_the_markup_turns_it():
    graph = ('{"@type": "NewsArticle", "headline": "%s", "author": [{"@type": "Person", "name": "Péter Kovács"}, '
             '{"@type": "Person", "name": "Eszter Szabó"}]}' % HEADLINE)
    got = convert(page(f'<script type="application/ld+json">{graph}</script><title>{HEADLINE}</title>',
                       f"<h1>{HEADLINE}</h1><p>Kovács Péter, Szabó Eszter</p><p>2025. 03. 12. 18:05</p>"))
    assert got.authors == ["Kovács Péter", "Szabó Eszter"]


def test_a_person_credited_in_the_story_outranks_the_account_the_markup_names():
    head = f'<title>{HEADLINE}</title><meta name="author" content="harbour-admin2">'
    got = convert(page(head, f"<h1>{HEADLINE}</h1><p>3. Juni 2025</p>", STORY + "<p>Text: Ines Varga, Sprecherin</p>"))
    assert got.authors == ["Ines Varga"] and "authors" in got.review


def test_a_name_line_that_names_the_markups_writer_names_its_co_writer_too():
    graph = '{"@type": "NewsArticle", "headline": "%s", "author": {"@type": "Person", "name": "Ruth Okafor"}}' % HEADLINE
    got = convert(page(f'<script type="application/ld+json">{graph}</script><title>{HEADLINE}</title>',
                       f"<h1>{HEADLINE}</h1><p>Ruth Okafor, Pavel Lindqvist</p><p>12 March 2025 · 6 min read</p>"))
    assert got.authors == ["Ruth Okafor", "Pavel Lindqvist"]


def test_a_club_posts_account_and_its_categories_give_way_to_the_credit_under_the_story():
    meta = ('<p class="post-meta"> von <span class="author vcard"><a href="/author/webmaster/" rel="author">Webmaster'
            '</a></span> | <span class="published">14.09.2025</span> | <a href="/category/news/" rel="category tag">'
            'Aktuelles</a>, <a href="/category/jugend/" rel="category tag">Jugend</a> | <span>0 Kommentare</span></p>')
    credit = "<p><em>Text: Ida Brenner, Jugendleitung / Fotos: Jugendabteilung</em></p>"
    got = convert(blog("", meta, GERMAN + credit), zone="Europe/Berlin")
    assert got.authors == ["Ida Brenner"]


def test_a_wire_byline_in_capitals_with_its_agency_names_both_writers_in_their_usual_case():
    byline = "By LENA ORTIZ and PAUL KERN Harbour Wire"
    head = (f'<meta name="author" content="{byline[3:]}"><script type="application/ld+json">{{"@type": "NewsArticle", '
            f'"headline": "{HEADLINE}", "author": {{"@type": "Person", "name": "{byline}"}}}}</script>')
    got = convert(page(f"<title>{HEADLINE}</title>{head}", f'<h1>{HEADLINE}</h1><span class="byline">{byline}</span>'))
    assert got.authors == ["Lena Ortiz", "Paul Kern"]


# ---- an <h1> the metadata cuts short, a sidebar's <h1>, an office for a byline ------------------------------------

@pytest.mark.parametrize("h1, meta", [
    (f"{HEADLINE}: shop owners expect later customers", HEADLINE),   # the metadata cut it short
    (HEADLINE, "Council backs night trams for the harbour"),          # the metadata says it otherwise
])
def test_the_one_h1_the_page_shows_is_the_headline_over_what_its_metadata_says(h1, meta):
    graph = '{"@type": "NewsArticle", "headline": "%s"}' % meta
    head = (f'<script type="application/ld+json">{graph}</script><title>{meta} | Harbour Gazette</title>'
            f'<meta property="og:title" content="{meta}">')
    got = convert(page(head, f"<h1>{h1}</h1><p>12 March 2025</p>"))
    assert got.title == h1 and "title" not in got.review
    two = convert(page(head, f"<h1>Harbour Gazette city desk</h1><h1>{h1}</h1><p>12 March 2025</p>"))
    assert two.title == (h1 if h1.startswith(meta) else meta)   # two <h1>s: the witnesses' majority, as before


def test_a_sidebars_h1_repeated_above_the_story_does_not_take_the_headlines_place():
    raw = (f'<html lang="de"><head><meta charset="utf-8"><title>{HEADLINE} | Harbour Gazette</title></head><body>'
           f'<header><h1>Harbour Gazette</h1></header><main><article><h1>{HEADLINE}</h1>'
           '<div class="meta"><span>So., 12.03.25 · 18:42 Uhr</span> <span>von <a rel="author">Ines Varga</a></span> '
           '<span>4 Kommentare</span></div><table><thead><tr><th>Datum</th><th>Liga</th><th>Saison</th></tr></thead>'
           '<tbody><tr><td>12. März 2025</td><td>Harbour League</td><td>2024/25</td></tr></tbody></table>'
           f'{STORY}</article><aside><h1>Harbour League</h1><p>Table and fixtures</p></aside></main></body></html>')
    got = convert(raw.encode(), zone="Europe/Berlin")
    assert (got.title, got.authors) == (HEADLINE, ["Ines Varga"])
    assert got.date == datetime.fromisoformat("2025-03-12T18:42:00+01:00")


@pytest.mark.parametrize("credit", ["Text &amp; Fotos: Ines Varga", "Beitrag: Ines Varga · Kamera: Pavel Lind",
                                    "Ines Varga/TT"])
def test_an_office_or_a_desk_the_markup_names_gives_way_to_the_person_credited_under_the_story(credit):
    head = f'<title>{HEADLINE}</title><meta name="author" content="Stadtmarketing Hafenstadt">'
    got = convert(page(head, f"<h1>{HEADLINE}</h1><p>3. Juni 2025</p>", STORY + f"<p>{credit}</p>"))
    assert got.authors == ["Ines Varga"]


def test_the_headline_is_written_as_the_h1_shows_it_where_the_metadata_spaces_it_otherwise():
    shown = "Tempête Ilona : la ligne b fermée trois semaines"   # French puts a space before the colon
    head = (f'<title>Tempête Ilona: la ligne b fermée trois semaines</title>'
            f'<meta property="og:title" content="{shown[:13]}{shown[14:]}">')
    assert convert(page(head, f"<h1>{shown}</h1><p>12 March 2025</p>")).title == shown


def test_a_publication_the_page_shows_only_as_its_update_gives_way_to_the_publication_it_shows():
    """JSON-LD's datePublished is the day the header shows as the update (a republished page): the day shown as the
    publication is the date, the other the update, and the date is marked for review."""
    graph = '{"@type": "NewsArticle", "headline": "%s", "datePublished": "2025-10-14T08:40:00Z"}' % HEADLINE
    got = convert(page(f'<script type="application/ld+json">{graph}</script>',
                       f"<h1>{HEADLINE}</h1><p>Published 3 October 2024 · Updated 14 October 2025</p>"), zone="UTC")
    assert got.date.isoformat()[:10] == "2024-10-03" and got.updated.isoformat()[:10] == "2025-10-14"
    assert "date" in got.review


def test_a_copy_of_a_dated_headline_over_it_does_not_date_the_page():
    """A headline with dates in it ('… 1.9.–15.12.2025'), shown again over itself (a hero's title over the <h1>): the
    dateline under it dates the page, not the copy's last date."""
    headline = "Night trams pause for track works 1.9.–15.12.2025"
    got = convert(page("", f"<div class='hero'>{headline}</div><h1>{headline}</h1>"
                           "<p>Press release · Published 26.6.2025 · Updated 27.6.2025</p>"), zone="UTC")
    assert got.date.isoformat()[:10] == "2025-06-26"
