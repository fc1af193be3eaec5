"""Reading copied pages, step by step, on pages written here in the shapes real ones have (menus, tickers,
share bars, related stories, newsletter boxes, comments, footers): tests/fixtures/pages/."""

from __future__ import annotations

import re
import shutil
import textwrap
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsdigest.cli import main
from newsdigest.content import split_document
from newsdigest.ingest import decode_seed
from newsdigest.ingest.article import candidate_runs, read_article
from newsdigest.ingest.dates import DATE_LABEL, find_stamps, relative_stamp
from newsdigest.ingest.lines import read_lines
from newsdigest.ingest.parse import NotAnArticle, Rules, parse_seed
from newsdigest.ingest.score import default_params
from newsdigest.errors import BuildError

PAGES = Path(__file__).parent / "fixtures" / "pages"
SAVED = datetime(2026, 2, 20, 9, 0, tzinfo=timezone.utc)
"""The seed file's time in these tests."""


def page(name: str, rules: Rules = Rules(zone="Europe/London")):
    return parse_seed((PAGES / name).read_text(encoding="utf-8"), rules, SAVED)


# ---- lines, scores, the run ------------------------------------------------------------------------------


def test_lines_keep_their_numbers_and_blank_lines():
    lines = read_lines("Menu\nHome\n\nA first paragraph.\n\n\nA second one.\n")
    assert [(line.text, line.number, line.gap) for line in lines] == [
        ("Menu", 1, True), ("Home", 2, False), ("A first paragraph.", 4, True), ("A second one.", 7, True)]


WRAPPED_STORY = [
    "The reading room of the Calder Street library opened again on Monday after eighteen months of repairs, and by "
    "noon every one of its forty desks was taken by students, retired engineers and a chess club that had met in a "
    "cafe while the roof was rebuilt.",
    "The council spent 2.4 million pounds on the building, most of it on the roof and the heating. The librarians "
    "asked for longer opening hours as well, and the evening sessions will now run until nine on weekdays.",
    "Nobody expected the queue at the door, said the head librarian, who counted more than three hundred visitors in "
    "the first two hours and ran out of the new reader cards before lunch.",
]
"""A story of my own, for a seed that breaks its paragraphs at a fixed width, as a mail or a <pre> does."""


def test_a_hard_wrapped_paragraph_is_one_line_and_a_byline_under_a_long_headline_stays_apart():
    text = ("Home\nNews\nSport\n\nThe reading room of the Calder Street library opens again after the repairs\n"
            "by Jane Doe\n\n" + "\n\n".join(textwrap.fill(p, 72) for p in WRAPPED_STORY))
    assert [line.text for line in read_lines(text)] == [
        "Home", "News", "Sport", "The reading room of the Calder Street library opens again after the repairs",
        "by Jane Doe", *WRAPPED_STORY]
    assert read_lines(text)[4].number == 6 and read_lines(text)[5].number == 8   # the first line of the paragraph


def test_lines_of_a_list_or_a_menu_are_never_joined_however_wide():
    teasers = ["Harbour workers vote on the new offer from the port's employers tonight",
               "Council approves the cycle lanes on the coast road after a long debate",
               "the ferry timetable for the winter months, with the extra sailings",
               "Schools in the north of the county close early for the storm warning"]
    assert [line.text for line in read_lines("\n".join(teasers))] == teasers


def test_a_hard_wrapped_page_reads_as_its_story():
    text = ("Calder Gazette\nHome\nNews\nEvents\n\nLibrary reading room full on its first day back\n\n"
            + "\n\n".join(textwrap.fill(p, 66) for p in WRAPPED_STORY) + "\n\nContact us\nPrivacy\n")
    parsed = parse_seed(text, Rules(zone="Europe/London"), SAVED)
    assert parsed.title == "Library reading room full on its first day back"
    assert [p.strip() for p in parsed.body.split("\n\n") if p.strip()] == WRAPPED_STORY


def test_a_paragraph_scores_as_prose_and_a_menu_as_furniture():
    text = (PAGES / "harbour_strike.txt").read_text(encoding="utf-8")
    lines = read_lines(text)
    reading = read_article(lines, default_params())
    prose = {line.text: p for line, p in zip(lines, reading.prose)}
    assert prose["Talks to avert a strike at the country's busiest container port broke down on Thursday night after "
                 "dock workers rejected what employers had called their final offer, a 6% rise spread over two years."] > 0.8
    for furniture in ("Subscribe", "Podcasts", "Facebook", "Cookie settings", "Inside the port that never sleeps"):
        assert prose[furniture] < 0.3, furniture


def test_a_subhead_between_paragraphs_is_inside_the_article():
    lines = read_lines((PAGES / "harbour_strike.txt").read_text(encoding="utf-8"))
    run = read_article(lines, default_params()).run
    texts = [line.text for line in lines[run.start:run.end]]
    assert "What employers offered" in texts and "Related stories" not in texts and "About us" not in texts
    assert texts[0].startswith("Talks to avert a strike")


def test_the_best_run_bridges_a_short_line_but_not_a_long_stretch_of_furniture():
    words = [50, 2, 50, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 40]
    prose = [0.9, 0.1, 0.9, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.7]
    [best, *_] = candidate_runs(prose, words, 0.5)
    assert (best.start, best.end) == (0, 3)


def test_readers_comments_never_outweigh_a_short_article():
    text = ("News\nOpen thread: the harbour plans\nMay 3, 2026\n\n"
            "This is our monthly open thread. Ask us anything about the harbour plans, the budget or the timetable, "
            "and we will answer in the comments below as soon as we can.\n\n"
            "Comments\n"
            + "".join(f"Reader {k} on May {k}, 2026 at 4:47 pm said:\n\nI have a long question about the plans, and "
                      f"I would like to know why the ferry terminal is moving again, because every year the council "
                      f"promises something new and then nothing happens for months and months.\n\nReply\n"
                      for k in range(4, 12)))
    parsed = parse_seed(text, Rules(), SAVED)
    assert parsed.title == "Open thread: the harbour plans"
    assert parsed.body.startswith("This is our monthly open thread") and "Reader" not in parsed.body


@pytest.mark.parametrize("header", ["14 thoughts on “Pruning the old pear tree”", "3 Gedanken zu „Pruning the old pear tree“",
                                    "2 réflexions sur « Pruning the old pear tree »"])
def test_a_comments_header_that_names_the_post_ends_it_with_no_reply_buttons_under_it(header):
    story = ("The old pear tree by the shed had not been pruned for years, and last winter a branch the size of a "
             "small tree came down in a storm. This year I finally took the saw to it, one cut at a time.\n\n"
             "I started with the dead wood, then opened the middle so that light reaches the inner branches, and "
             "stopped well before a third of the crown was gone, as the old books advise.\n\n")
    comments = "".join(f"Neighbour {k}\nMarch {k}, 2026, 9:{k}0 pm\n\nOur own pear has the same trouble with the "
                       f"inner branches, and we lost a large limb in the same storm, so I will try your order of cuts "
                       f"this weekend and report back on how it goes.\n\n" for k in range(1, 6))
    text = f"Garden Notes\nHome\nAbout\nPruning the old pear tree\nMarch 1, 2026\n\n{story}{header}\n{comments}"
    parsed = parse_seed(text, Rules(), SAVED)
    assert parsed.title == "Pruning the old pear tree"
    assert "the old books advise" in parsed.body and "Neighbour" not in parsed.body and "limb" not in parsed.body


@pytest.mark.parametrize("byline", ["By\nMara Quist\nand\nOle Brandt", "Mara Quist\n,\nOle Brandt"])
def test_a_byline_widget_that_prints_each_name_and_the_and_between_them_on_lines_of_their_own(byline):
    text = ("Valley Post\nNews\nSport\nFerry service to the island resumes after three weeks\n"
            f"{byline}\nMarch 3, 2026\n\n"
            "The ferry to the island sailed again on Monday morning after three weeks in dock for repairs to its ramp, "
            "and the first crossing was full of islanders returning from the mainland.\n\n"
            "The operator said the timetable would run as before, with an extra evening sailing on Fridays until the "
            "end of the month to clear the backlog of freight.\n\n"
            "Islanders had relied on a small passenger boat during the repairs, which could not carry cars or the "
            "weekly delivery of fuel for the harbour.\n")
    parsed = parse_seed(text, Rules(), SAVED)
    assert parsed.title == "Ferry service to the island resumes after three weeks"
    assert parsed.authors == ["Mara Quist", "Ole Brandt"]


def test_a_lone_and_between_lines_of_prose_is_left_alone():
    lines = [line.text for line in read_lines("Cats\nand\nThe council met on Tuesday to discuss it all at length.\n&")]
    assert lines == ["Cats", "and", "The council met on Tuesday to discuss it all at length.", "&"]
    kept = read_lines("Ann Lee\n,\n\n\nThe council met on Tuesday to discuss it all at length.")
    assert [(line.text, line.number) for line in kept][1:] == [(",", 2), ("The council met on Tuesday to discuss it all "
                                                                          "at length.", 5)]   # each on its own line number


@pytest.mark.parametrize("signed, names", [("Claire Dumas et Hugo Lenoir (Lyon, correspondants)", ["Claire Dumas", "Hugo Lenoir"]),
                                           ("Claire Dumas (à Genève)", ["Claire Dumas"])])
def test_a_story_signed_under_its_end_with_a_note_in_brackets(signed, names):
    text = ("Le Quotidien\nSociété\nÉducation\nLa cantine scolaire passe au bio dès la rentrée\n3 mars 2026\n\n"
            "La ville a décidé mardi que toutes les cantines des écoles primaires serviront des repas bio à partir de "
            "septembre, après deux ans d’essais dans quatre quartiers.\n\n"
            "Le surcoût, estimé à un euro par repas, sera pris en charge par la commune pour les familles aux revenus "
            "modestes, a précisé l’adjointe chargée de l’éducation.\n\n"
            "Les parents d’élèves saluent la mesure mais demandent que les menus restent variés et que les portions ne "
            "diminuent pas avec le changement de fournisseurs.\n\n"
            f"{signed}\n\nContribuer\nPublicité\n")
    parsed = parse_seed(text, Rules(), SAVED)
    assert parsed.title == "La cantine scolaire passe au bio dès la rentrée" and parsed.authors == names


def test_a_writer_beside_the_dateline_under_a_dek_the_story_took_in():
    text = ("Idas Notizen\nBeiträge\nTags\nArchiv\nÜber\nStartseite » Beiträge\n"
            "Funkthermostate im Altbau: Was nach einem Winter übrig bleibt\n"
            "Acht Heizkörperthermostate, ein Funkstick und eine Wohnung von 1908 in Halle. Ein Erfahrungsbericht mit "
            "Kosten, Ärger und Zahlen aus einem ganzen Winter.\n"
            "12. Januar 2026 · 6 Min. · Ida Brenner | Änderung vorschlagen\n\n"
            "Im Oktober habe ich die alten Drehknöpfe abgeschraubt und acht Funkthermostate montiert, zwei davon mit "
            "Adaptern, weil die Ventile älter sind als ich.\n\n"
            "Die Einrichtung dauerte einen Abend. Schwieriger war die Frage, wie warm es wann sein soll, denn jedes "
            "Zimmer wird anders genutzt und die Wände halten die Wärme sehr unterschiedlich.\n\n"
            "Nach dem Winter zeigt der Zähler etwa zwölf Prozent weniger Verbrauch als im Jahr davor, bei einem "
            "ähnlich kalten Januar und einem milderen Februar.\n")
    parsed = parse_seed(text, Rules(), SAVED)
    assert parsed.title == "Funkthermostate im Altbau: Was nach einem Winter übrig bleibt"
    assert parsed.authors == ["Ida Brenner"]


def test_a_labelled_dateline_over_the_kicker_above_the_headline_dates_the_story_before_a_teasers_date():
    text = ("NWR Nachrichten Sport Wetter\nNiedersachsen\nOldenburg\n"
            "Stand: 14.02.2026 16:47 Uhr\nKüstenschutz\nDeichbau an der Ems: Streit um Klei aus dem Schutzgebiet\n"
            "Für die Verstärkung des Deichs braucht der Verband viel Klei. Woher er kommen soll, ist umstritten.\n"
            "von Ida Brenner\n\n"
            "Am Deich bei Ditzum wird bereits gearbeitet, doch für die weiteren Kilometer fehlt noch das Material, und "
            "die Gruben in der Nähe liegen im Schutzgebiet.\n\n"
            "Der Verband will dort graben, Naturschützer halten dagegen, weil seltene Vögel in den Wiesen brüten und "
            "die Flächen erst vor wenigen Jahren renaturiert wurden.\n\n"
            "Eine Entscheidung soll im Frühjahr fallen; bis dahin ruhen die Arbeiten am nördlichen Abschnitt.\n\n"
            "Mehr aus der Region\nHafenfest fällt aus\n08.01.2026 | 18:30 Uhr\n")
    parsed = parse_seed(text, Rules(zone="Europe/Berlin"), SAVED)
    assert parsed.title == "Deichbau an der Ems: Streit um Klei aus dem Schutzgebiet"
    assert parsed.date.date().isoformat() == "2026-02-14"


def test_stand_is_a_dates_label_only_with_its_colon():
    assert DATE_LABEL.match("Stand: 14.02.2026 16:47 Uhr") and not DATE_LABEL.match("Stand by the river, 2026")


# ---- header ----------------------------------------------------------------------------------------------


def test_a_copied_news_page():
    got = page("harbour_strike.txt")
    assert got.title == "Port strike talks collapse as dockers reject final pay offer"
    assert got.dek.startswith("Union says members will walk out for ten days")
    assert got.category == "Business" and got.tags == ["Ports"]
    assert got.authors == ["Amara Okafor"]
    assert got.date.isoformat() == "2026-02-19T18:48:00+05:30"   # 'Updated: …' is all the header shows
    assert (got.image_caption, got.image_credit) == ("Cranes stand idle at the container terminal on Thursday evening.",
                                                     "Lena Fischer/Harbour Images")
    assert "\n## What employers offered\n" in got.body
    assert "- two extra days of leave" in got.body
    for furniture in ("Story continues", "Also read", "Related stories", "Ferry operator adds", "newsletter",
                      "Enter your email", "Comments", "Kofi Mensah", "Reply", "Cookie", "©", "MARKETS", "Share"):
        assert furniture not in got.body, furniture
    assert got.body.rstrip().endswith("The transport ministry said it would meet both sides on Friday morning.")
    assert got.review == {}


def test_an_address_pasted_above_the_text_is_the_source_never_a_section_or_tag():
    url = "https://www.example-news.co.uk/business/2026/mar/03/port-strike-talks-collapse"
    text = f"{url}\n" + (PAGES / "harbour_strike.txt").read_text(encoding="utf-8")
    got = parse_seed(text, Rules(zone="Europe/London"), SAVED)
    assert got.source_url == url
    assert got.category == "Business" and got.tags == ["Ports"]
    assert "https" not in got.body and "www." not in got.body


def test_lines_of_furniture_between_header_and_story_are_not_crumbs_or_story():
    text = ("Photo: Jane Roe\nshare@example.org\nWorld\nFerries cancelled as storm reaches the coast\n"
            "By Sam Okoro\n14 March 2026 10:05 GMT\n\nAll ferry crossings were cancelled on Saturday as a storm with "
            "gusts of 120 km/h reached the coast, the port authority said.\n\nCrossings are expected to resume on "
            "Sunday afternoon if the wind drops as forecast.\n")
    got = parse_seed(text, Rules(), SAVED)
    assert (got.title, got.category, got.authors) == ("Ferries cancelled as storm reaches the coast", "World", ["Sam Okoro"])
    assert "@" not in got.body and "Photo" not in got.body


def test_a_portuguese_blog_with_its_meta_line():
    got = page("blog_portugues.txt", Rules(zone="America/Sao_Paulo"))
    assert got.title == "Feira de livros volta à praça central depois de dois anos"
    assert got.date.isoformat() == "2019-11-19T14:32:00-03:00"
    assert got.authors == ["Marina Albuquerque"] and got.category == "Cultura"
    assert got.tags == ["feira", "livros"]
    assert got.body.startswith("A feira de livros") and "Mais lidas" not in got.body and "Todos os direitos" not in got.body


def test_a_korean_page_and_its_writer_address():
    got = page("coreia.txt", Rules(zone="Asia/Seoul"))
    assert got.title == "도서관 야간 개방 시간 두 시간 연장"
    assert got.date.isoformat() == "2019-11-20T09:31:00+09:00"
    assert got.body.startswith("시립도서관이") and "@" not in got.body and "많이 본 뉴스" not in got.body


# ---- the headline where the layout says which line it is -------------------------------------------------

BODY = ("\n\nThe city council voted on Tuesday night to close the old river bridge to cars from next spring, after "
        "engineers found cracks in two of its five arches during a routine inspection last month.\n\n"
        "Cyclists and people on foot will still be able to cross, the council said, while a temporary crossing for "
        "buses is built a little further downstream at a cost of about 4 million euros.\n\n"
        "Shop owners on both banks said they feared losing customers during the works, which are expected to take "
        "at least two years, and asked the council for help with their rents.\n")
HEADLINE = "River bridge to close to cars after engineers find cracks in arches"


def test_the_headline_after_a_list_of_teasers_is_the_line_on_its_byline():
    teasers = "\n".join(f"{what} as {who} {verb} the plan" for what, who, verb in (
        ("Ferry fares rise", "operator", "defends"), ("Tram line delayed", "minister", "backs"),
        ("Market hall reopens", "traders", "welcome"), ("School run chaos", "parents", "question"),
        ("New cycle lanes open", "drivers", "criticise")))
    got = parse_seed(f"Most read\n{teasers}\nWhy engineers worry about old bridges in a cold winter\n{HEADLINE}\n"
                     f"By Ana Ruiz, City Desk\n2 hours ago{BODY}", Rules(), SAVED)
    assert got.title == HEADLINE and got.authors == ["Ana Ruiz"]
    assert "title" not in got.review   # no close call: the layout and the story both point at it


def test_a_teaser_above_the_dateline_is_not_the_headline_under_it():
    got = parse_seed(f"Opinion\nCity Talk\nAre old bridges worth saving at any price?\nTuesday 3 March 2026 9:22 am\n"
                     f"{HEADLINE}\nMarta Kowalska\nMarta Kowalska\nShare{BODY}", Rules(), SAVED)
    assert got.title == HEADLINE and got.date.date().isoformat() == "2026-03-03"


def test_a_video_block_under_the_byline_is_not_the_headline():
    got = parse_seed(f"Local\nPublished 1 day ago\n{HEADLINE}\nThe council voted to shut the crossing to cars next spring.\n"
                     f"Facebook\nTwitter\nComments\nPrint\nEmail\nBy Jonas Berg\nclose\nvideo\n"
                     f"Mayor says the bridge was 'never built for today's traffic'\n"
                     f"The mayor explains why the council chose to close the bridge rather than repair it in stages."
                     f"{BODY}", Rules(), SAVED)
    assert got.title == HEADLINE and got.authors == ["Jonas Berg"]


def test_a_photo_over_its_credit_between_dateline_and_story_is_a_caption_not_the_headline():
    got = parse_seed(f"News\n{HEADLINE}\nCity wire services\nPublished 11:11 PM Mar 3, 2026\n"
                     f"Engineers inspect the second arch of the river bridge\nPia Lund, Associated Press{BODY}",
                     Rules(), SAVED)
    assert got.title == HEADLINE


def test_a_quoted_claim_above_the_headline_and_its_byline_in_the_story():
    got = parse_seed(f"Fact checks\nAll\nTrue\nFalse\nPeople\n\"The bridge carries 40,000 cars a day.\"\n"
                     f"— A council member on Monday, March 2nd, 2026 in a radio interview\n"
                     f"How many cars really cross the river bridge each day?\n"
                     f"By Tom Weir on Tuesday, March 3rd, 2026 at 10:00 a.m.{BODY}", Rules(), SAVED)
    assert got.title == "How many cars really cross the river bridge each day?" and got.authors == ["Tom Weir"]


def test_a_japanese_headline_shares_its_words_with_the_story():
    body = ("\n\n先日、市議会は古い橋を来年の春から車両通行止めにすることを決めました。点検で二つのアーチにひびが見つかったためです。"
            "\n\n歩行者と自転車は引き続き通行できますが、バスのための仮設の橋が下流に建設される予定です。工事には少なくとも二年かかります。\n")
    got = parse_seed(f"HOME >\nブログ >\n古い橋が車両通行止めに\n古い橋が車両通行止めに\nby 市政ニュース編集部 ／ 2026.03.03{body}",
                     Rules(zone="Asia/Tokyo"), SAVED)
    assert got.title == "古い橋が車両通行止めに" and str(got.date)[:10] == "2026-03-03"


# ---- dates -----------------------------------------------------------------------------------------------


def at(y, mo, d, h, mi, offset_minutes):
    return datetime(y, mo, d, h, mi, tzinfo=timezone(timedelta(minutes=offset_minutes)))


@pytest.mark.parametrize("line, expected, updated", [
    ("Nov. 19, 2019 8:03 am ET", at(2019, 11, 19, 8, 3, -300), False),
    ("20 Nov, 2019 05:47", at(2019, 11, 20, 5, 47, 0), False),
    ("Posted Sun 21 Jun 2026 at 5:30am", at(2026, 6, 21, 5, 30, 60), False),
    ("Business | Press Trust of India | Updated: February 19, 2026 6:48 pm IST", at(2026, 2, 19, 18, 48, 330), True),
    ("19/11/2019 às 14h32", at(2019, 11, 19, 14, 32, 0), False),
    ("2019.11.20 오전 9:31", at(2019, 11, 20, 9, 31, 0), False),
    ("sexta-feira, 22 de outubro de 2010 às 20:13", at(2010, 10, 22, 20, 13, 60), False),
    ("20 ноября 2019, 14:05", at(2019, 11, 20, 14, 5, 0), False),
    ("By Tess Bonn - 11/19/19 06:56 AM EST", at(2019, 11, 19, 6, 56, -300), False),
    ("NOV 15, 20195:45 AM", at(2019, 11, 15, 5, 45, 0), False),
    ("Updated 0339 GMT (1139 HKT) November 19, 2019", at(2019, 11, 19, 3, 39, 0), True),
    ("17. 4. 2025 14:05", at(2025, 4, 17, 14, 5, 0), False),
])
def test_dates_in_the_forms_real_pages_show(line, expected, updated):
    zone = "Europe/London" if "Jun 2026" in line or "2010" in line else "UTC"
    [stamp, *_] = find_stamps(line, zone)
    assert (stamp.when, stamp.updated) == (expected, updated)


def test_two_dates_on_a_line_and_a_date_without_its_year():
    line = "Published Nov 18, 2019 at 4:07 PM | Updated at 5:36 PM CST on Nov 18, 2019"
    assert [(s.when.isoformat(), s.updated) for s in find_stamps(line, "UTC")] == [
        ("2019-11-18T16:07:00-06:00", False), ("2019-11-18T17:36:00-06:00", True)]
    [updated, posted] = find_stamps("Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM", "UTC", year=2019)
    assert (posted.when.isoformat(), posted.updated, posted.yearless) == ("2019-11-19T06:51:00+00:00", False, True)
    assert find_stamps("Updated Nov 19, 6:55 AM", "UTC") == []   # no year to give it: no date


@pytest.mark.parametrize("line, back", [("3 hours ago", timedelta(hours=3)), ("Published 1 day ago", timedelta(days=1)),
                                        ("há 3 horas", timedelta(hours=3)), ("3시간 전", timedelta(hours=3)),
                                        ("vor 2 Tagen", timedelta(days=2)), ("Yesterday", timedelta(days=1))])
def test_relative_times_against_the_file_time(line, back):
    assert relative_stamp(line, SAVED).when == SAVED - back


def test_a_relative_time_is_used_only_when_the_page_shows_no_date():
    text = ("Rail strike called off\n2 hours ago\n\nThe rail union called off Monday's strike after a late offer from "
            "the operators, the union said in a statement.\n")
    got = parse_seed(text, Rules(), SAVED)
    assert (got.date, got.date_from) == (SAVED - timedelta(hours=2), "relative") and "date" in got.review


# ---- never refuse a real article ---------------------------------------------------------------------------


def test_a_page_without_a_date_is_dated_from_its_file_and_marked():
    got = page("no_date.txt")
    assert got.title == "How to keep a sourdough starter alive while you travel"
    assert (got.date, got.date_from) == (SAVED, "file")
    assert got.review["date"] == "the page shows no date: dated from the seed file's time"
    assert got.review["source"] == ("no source found: the copy shows no address and no copyright line; add "
                                    "source_url: (and source_name:)")
    # The headline's mark is the fitted review model's call: a page with neither byline nor date sits at its
    # threshold (a chance of 0.46-0.47 against thresholds of 0.46-0.48 in the last two fits), so either is right.
    assert set(got.review) <= {"title", "date", "source"}
    assert got.body.count("\n\n") == 2 and "More guides" not in got.body


@pytest.mark.parametrize("text", ["", "   \n\n", (PAGES / "menu_only.txt").read_text(encoding="utf-8"),
                                  "Home\nNews\nhttps://example.org/a\nhttps://example.org/b\nSport\n"])
def test_no_run_of_prose_is_refused(text):
    with pytest.raises(NotAnArticle):
        parse_seed(text, Rules(), SAVED)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "shift_jis", "cp1251"])
def test_seeds_in_other_encodings_are_read_by_detection(encoding):
    text = {"cp1252": "Café owners protest – ‘we can’t pay’\nThe café owners’ group said rents had doubled. "
                      "“We can’t pay,” one owner said, citing costs of €2,000 a month.\n" * 3,
            "latin-1": "Grève à Paris\nLe ministre de l'Éducation a annoncé mardi que les écoles resteront fermées "
                       "jeudi à cause de la grève des enseignants.\n" * 3,
            "shift_jis": "東京の新しい駅が開業\n東京の新しい駅が開業し、初日から多くの人が訪れた。駅は午前五時に開く。\n" * 3,
            "cp1251": "Москва объявила о новых мерах\nМосква объявила о новых мерах поддержки малого бизнеса.\n" * 3}[encoding]
    decoded, found = decode_seed(text.encode(encoding), "seeds/x.txt")
    assert decoded == text and found


def test_bytes_that_are_no_text_are_refused():
    with pytest.raises(BuildError, match="binary file, not text: save it as UTF-8 text"):
        decode_seed(b"\x89PNG\r\n\x1a\n" + bytes(range(1, 200)), "seeds/x.txt")


# ---- as the operator sees it -------------------------------------------------------------------------------


def test_a_build_of_copied_pages_exits_0_with_one_warning_per_undated_page_and_lists_the_close_calls(project, capsys):
    for name in ("harbour_strike.txt", "no_date.txt", "blog_portugues.txt"):
        shutil.copy(PAGES / name, project / "seeds" / name)
    (project / "seeds" / "windows.txt").write_bytes(
        ("Ferry timetable changes\nThe ferry company said on Monday that the winter timetable, which starts on "
         "1 December, will drop the late crossing on weekdays. “It’s a small change,” a spokesman said.\n").encode("cp1252"))
    assert main(["--config", str(project / "config.yaml")]) == 0
    out, err = capsys.readouterr()
    assert err.count("warning: ") == 5, err
    assert "warning: seeds/no_date.txt: the page shows no date: dated it from the file's time; correct 'date:' in " \
           "content/how-to-keep-a-sourdough-starter-alive-while-you-travel.md if it is wrong" in err
    assert ("warning: seeds/no_date.txt: no source found: add source_url: to "
            "content/how-to-keep-a-sourdough-starter-alive-while-you-travel.md") in err
    assert "warning: seeds/windows.txt: no source found: add source_url: to content/ferry-timetable-changes.md" in err
    assert "warning: seeds/windows.txt: not UTF-8: read it as cp1252; save it as UTF-8 if anything looks wrong" in err
    assert re.search(rf"to review: \S+ build\.py --config {re.escape(str(project / 'config.yaml'))} review\)$", out)
    meta = split_document((project / "content" / "how-to-keep-a-sourdough-starter-alive-while-you-travel.md")
                          .read_text(encoding="utf-8"), "x")[0]
    assert meta["date_from"] == "file" and "date" in meta["review"]
    assert main(["--config", str(project / "config.yaml"), "review"]) == 0
    listing = capsys.readouterr().out
    assert ("content/how-to-keep-a-sourdough-starter-alive-while-you-travel.md: date: the page shows no date: "
            "dated from the seed file's time") in listing
    assert "port-strike" not in listing
