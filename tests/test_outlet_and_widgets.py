"""Issue 25, points 1 and 15, on copied pages written here: the outlet is read from what the copy shows and
credited; screen-reader labels of page widgets are furniture in the languages of the benchmark pages; a tags
line gives its tags."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from newsdigest.cli import main
from newsdigest.content import split_document
from newsdigest.ingest.parse import parse_seed
from newsdigest.ingest.source import outlet_in

SAVED = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)

STORY = """Riverside Courier
Home
News
Town
Sport
Bridge repairs close the old crossing for a month

By Tomas Hale
March 2, 2026

Engineers will close the old stone crossing over the river for four weeks from Monday while cracks in two of its arches are filled, the town council said on Friday.

Buses will use the new bridge downstream, which adds about ten minutes to the route into the centre, and a temporary footbridge will stay open for walkers and cyclists.

{inside}

The council said the work had been planned for two years and was paid for by a grant from the regional roads fund, which covers most of the cost of repairs to listed structures.

Shops near the crossing asked for signs pointing shoppers to the footbridge, and the council agreed to put them up before the closure starts.

{tags}

{footer}
"""


NAMELESS = """Night buses return to the harbour route after two years

March 1, 2026

The late buses that stopped running to the harbour during the pandemic will be back from April, the transport authority said, with a departure every forty minutes until two in the morning.

Drivers' representatives said they had agreed to the new rota after the authority promised a second driver on the last service, which had seen a run of attacks on staff before it was cut.

Residents of the harbour estates, many of whom work late shifts in the hospital and the port, had campaigned for the route's return since the autumn.
"""


def story(inside: str = "", tags: str = "", footer: str = "") -> str:
    return STORY.format(inside=inside, tags=tags, footer=footer)


# ---- point 1: the outlet -----------------------------------------------------------------------------------


@pytest.mark.parametrize("line, outlet", [
    ("© 2026 Riverside Courier. All rights reserved.", "Riverside Courier"),
    ("Copyright © 2019-2026 The Valley Post Ltd | Privacy | Terms", "The Valley Post"),
    ("© Copyright 2001-2026 by Harbour Weekly", "Harbour Weekly"),
    ("(c) 2024 Jornal do Vale - Todos os direitos reservados", "Jornal do Vale"),
    ("Copyright 2026", ""),
])
def test_the_outlet_is_read_from_a_copyright_line(line, outlet):
    assert outlet_in(line) == outlet


def test_a_copied_page_names_its_outlet_from_its_footer():
    parsed = parse_seed(story(footer="About us\nContact\n© 2026 Riverside Courier. All rights reserved."), file_time=SAVED)
    assert parsed.source_name == "Riverside Courier"
    assert parsed.source_url == ""
    assert "source" not in parsed.review


def test_an_address_pasted_with_the_text_names_the_outlet_by_its_host():
    parsed = parse_seed("https://www.riverside-courier.example/news/bridge-repairs\n" + story(), file_time=SAVED)
    assert parsed.source_url == "https://www.riverside-courier.example/news/bridge-repairs"
    assert parsed.source_name == "riverside-courier.example"


@pytest.fixture
def site(project: Path) -> Path:
    (project / "seeds" / "bridge.txt").write_text(story(footer="© 2026 Riverside Courier. All rights reserved."),
                                                  encoding="utf-8")
    (project / "seeds" / "nameless.txt").write_text(NAMELESS, encoding="utf-8")
    return project


def test_a_copy_with_no_outlet_warns_once_and_is_listed_for_review(site, capsys):
    assert main(["--config", str(site / "config.yaml")]) == 0
    err = capsys.readouterr().err
    content = next(p for p in (site / "content").glob("*.md") if "night-buses" in p.name)
    shown = content.relative_to(site).as_posix()
    assert err.count("no source found") == 1, err
    assert f"warning: seeds/nameless.txt: no source found: add source_url: to {shown}" in err
    assert "source" in split_document(content.read_text(encoding="utf-8"), "x")[0]["review"]
    assert main(["--config", str(site / "config.yaml"), "review"]) == 0
    listing = capsys.readouterr().out
    assert f"{shown}: source: no source found" in listing
    assert not any("bridge-repairs" in line and ": source:" in line for line in listing.splitlines())


def test_the_article_page_and_its_feed_item_credit_an_outlet_that_has_no_address(site, capsys):
    assert main(["--config", str(site / "config.yaml")]) == 0
    page = next((site / "site").rglob("bridge-repairs*/index.html")).read_text(encoding="utf-8")
    assert '<p class="source" data-pagefind-ignore>From Riverside Courier.</p>' in page
    feed = (site / "site" / "feed.xml").read_text(encoding="utf-8")
    assert "From Riverside Courier." in feed


# ---- point 15: screen-reader labels, tags ------------------------------------------------------------------


@pytest.mark.parametrize("labels", [
    ("list of 3 items", "end of list"),
    ("Recommended Stories", "Track Latest News Live"),
    ("lista de 4 itens", "fim da lista"),
    ("lista de 2 elementos", "fin de la lista"),
    ("elenco di 5 elementi", "fine dell'elenco"),
    ("liste de 3 éléments", "fin de la liste"),
    ("Liste mit 3 Einträgen", "Ende der Liste"),
    ("список из 3 элементов", "конец списка"),
    ("3개 항목 목록", "목록 끝"),
    ("3 項目のリスト", "リストの終わり"),
])
def test_screen_reader_labels_of_widgets_are_furniture(labels):
    inside = "\n".join([labels[0], "Where to cross instead", "Parking near the footbridge", labels[1]])
    parsed = parse_seed(story(inside=inside), file_time=SAVED)
    for label in labels:
        assert label not in parsed.body, (label, parsed.body)
    assert "Engineers will close the old stone crossing" in parsed.body
    assert "Shops near the crossing asked for signs" in parsed.body
    assert parsed.title == "Bridge repairs close the old crossing for a month"


def test_a_tags_line_gives_a_tag_for_each_item():
    parsed = parse_seed(story(tags="Tags: energy, subsidies, electricity"), file_time=SAVED)
    assert parsed.tags == ["energy", "subsidies", "electricity"]
    assert "Tags" not in parsed.body


def test_a_sentence_that_opens_with_a_topics_labels_word_is_the_storys():
    """'Topics such as …' is a paragraph of the story, not a topics line: its text stays, the paragraphs after it
    too, and it gives no tags."""
    inside = "Topics such as the detour, the parking and the grant filled the council's meeting on Friday evening."
    parsed = parse_seed(story(inside=inside, tags="Tags: bridges, roads"), file_time=SAVED)
    assert inside in parsed.body and "Shops near the crossing asked for signs" in parsed.body
    assert parsed.tags == ["bridges", "roads"]


PAPER = """Northfield Journal of Student Research
Home
Issues
Submit
Home 2025 issue Tidal Mixing in Small Estuaries
Tidal Mixing in Small Estuaries: A Season of Salinity Profiles from the Alder Inlet
By
Mara Lindqvist
-
December 1, 2025
Abstract

We measured salinity and temperature at nine stations along the Alder Inlet twice a month from April to October, to learn how far the tide carries sea water upstream in a small estuary with a strong spring flood. The salt wedge reached four kilometres inland at neap tides in late summer but less than one kilometre during the spring flood, and the mixing it caused changed within days after heavy rain.

Keywords: estuary, salinity, tides, salt wedge, field measurements

Introduction

Small estuaries are often left out of regional models because they are too narrow for the grid, yet they hold much of the shellfish habitat along this coast and respond quickly to changes in river flow.

Earlier surveys of the inlet were made once a year, always in summer, and so could not show how the salt wedge moves between the spring flood and the dry months that follow it.

Methods

Each station was sampled from a small boat with a handheld probe lowered in steps of half a metre, at the same stage of the tide on each visit so that the profiles could be compared across the season.

Results

The wedge advanced steadily through June and July and retreated within two days of each storm, which shows that rainfall on the hills reaches the estuary much faster than the river gauges suggest.

Discussion

A monitoring plan for the inlet should sample after storms as well as on fixed dates, because the fixed dates alone would have missed every retreat of the wedge that we recorded.
"""


def test_a_papers_keywords_under_its_abstract_do_not_end_the_article():
    parsed = parse_seed(PAPER, file_time=SAVED)
    assert "We measured salinity and temperature" in parsed.body
    assert "Small estuaries are often left out" in parsed.body
    assert "A monitoring plan for the inlet" in parsed.body


def test_a_tags_line_after_the_story_still_ends_it_before_the_teasers_under_it():
    teasers = ("Tags: bridges, roads\n\nCouncil approves the new cycle lane along the harbour road after a short "
               "debate about parking spaces for the shops.")
    parsed = parse_seed(story(tags=teasers), file_time=SAVED)
    assert "Shops near the crossing asked for signs" in parsed.body
    assert "cycle lane" not in parsed.body and parsed.tags == ["bridges", "roads"]


TEASERS = """Related stories

Ferry timetable changes for the winter season

The last crossing to the island will leave half an hour earlier from November, the operator said, citing fewer passengers after dark.

Library extends its opening hours on Thursdays

Readers asked for later evenings during the exam season, and the council found the money for two extra staff until the summer.

Market square gets new lighting before the festival

Twenty lamps in the style of the old gas lights will replace the floodlights that shop owners said made the square look like a car park."""


@pytest.mark.parametrize("header", ["Related stories", "Related", "Read these next", "You might also like", "Mehr zum Thema",
                                    "Sur le même sujet :", "Te puede interesar", "Articoli correlati", "Podobne artykuły",
                                    "Relaterade", "Mest lästa", "Související články", "Kapcsolódó cikkek",
                                    "Articole similare", "Σχετικά άρθρα", "İlgili haberler", "Povezane vijesti",
                                    "Sorodne novice"])
def test_a_list_of_other_stories_under_the_story_ends_it_though_each_teaser_has_a_paragraph(header):
    parsed = parse_seed(story(tags=TEASERS.replace("Related stories", header)), file_time=SAVED)
    assert "Shops near the crossing asked for signs" in parsed.body
    for teaser in ("last crossing to the island", "Readers asked for later evenings", "Twenty lamps"):
        assert teaser not in parsed.body, parsed.body


BOXED = """Hillside Herald
Home
News
Orchard owners count the cost of the late frost

By Ines Calder
April 20, 2026

Orchard owners on the south slopes lost most of their apple blossom to two nights of frost last week, the growers' association said on Monday after a survey of its members.

The association asked members to report how many of their trees had been hit, and more than eighty farms answered within three days, most of them with losses above half their crop.

Several growers said they had lit fires and run sprinklers through both nights, which saved the lower rows of trees but not those higher up the slope where the cold air settled.

The regional farm office said it would send advisers to the worst hit farms this week to help owners decide whether to thin the surviving fruit or leave it on the trees.

Related stories
Cherry harvest starts early after a warm March
Beekeepers warn of a hungry spring
Water board lifts the hosepipe ban

Growers who insured their crops against frost will be paid by the summer, the association said, but fewer than a third of its members hold such a policy because the premiums rose sharply after the last bad year.

The association will meet the regional minister next month to ask for a hardship fund for the farms that were not insured, as was set up after the hailstorms four years ago.
"""


def test_a_box_of_other_stories_inside_the_story_does_not_end_it():
    parsed = parse_seed(BOXED, file_time=SAVED)
    assert "Orchard owners on the south slopes" in parsed.body
    assert "Growers who insured their crops against frost" in parsed.body
    assert "hardship fund" in parsed.body
    assert "Beekeepers warn" not in parsed.body


def test_the_storys_paragraph_under_a_box_is_kept_though_it_ends_in_a_question():
    question = ("Will the hardship fund come in time for the growers who lost everything, or will the minister once "
                "again wait for the autumn before deciding what to do about the farms on the upper slopes?!")
    boxed = BOXED.replace("Beekeepers warn of a hungry spring\nWater board lifts the hosepipe ban\n",
                          "Beekeepers warn of a hungry spring\n\n" + question + "\n")
    parsed = parse_seed(boxed, file_time=SAVED)
    assert "Beekeepers warn" not in parsed.body and "Cherry harvest" not in parsed.body
    assert question in parsed.body, parsed.body
    assert "Growers who insured their crops against frost" in parsed.body


THREAD = """Komentarze (3)
Oliwianin 08.03.2026 15:03
The new stalls will take the places where we used to park on market days, and nobody has said where the vans should go instead of the quay.
gosc 08.03.2026 15:41
I have waited ten years for a covered market in this town and I will gladly walk from the bus station to shop there every Saturday morning.
kierowca_z_portu 08.03.2026 16:20
Three years of fixed rent sounds generous until you remember how much the roof repairs cost the council the last time they tried this."""


def test_a_comments_thread_in_another_language_whose_comments_open_with_a_name_and_a_time_is_not_the_story():
    parsed = parse_seed(story(footer=THREAD), file_time=SAVED)
    assert "Shops near the crossing asked for signs" in parsed.body
    for comment in ("take the places where we used to park", "waited ten years", "Three years of fixed rent"):
        assert comment not in parsed.body, parsed.body


@pytest.mark.parametrize("label", ["Leggi anche", "Lesen Sie auch:", "Read also"])
def test_the_storys_last_paragraph_under_a_read_also_link_is_kept(label):
    boxed = BOXED[:BOXED.index("Related stories")] + f"{label}\nCherry harvest starts early after a warm March\n\n" + (
        "Growers who insured their crops against frost will be paid by the summer, the association said, but fewer "
        "than a third of its members hold such a policy.")
    parsed = parse_seed(boxed, file_time=SAVED)
    assert "Cherry harvest" not in parsed.body
    assert "Growers who insured their crops against frost" in parsed.body, parsed.body
