import pytest

from newsdigest.ingest.bylines import byline_names, is_byline_or_dateline, names_beside_date, normalize_name, parse_byline


@pytest.mark.parametrize("line, names", [
    ("By Jane Doe", ["Jane Doe"]),
    ("By PRIYA NAIR and SAM OKORO", ["Priya Nair", "Sam Okoro"]),
    ("Jane Doe Political editor", ["Jane Doe"]),
    ("Lena Vogel Africa correspondent", ["Lena Vogel"]),
    ("Mary Ann Smith Chief Correspondent", ["Mary Ann Smith"]),
    ("By Jane Doe, Sam Roe and Ada Obi", ["Jane Doe", "Sam Roe", "Ada Obi"]),
    ("By Jane Doe | June 18, 2025", ["Jane Doe"]),
    ("Tomás Ortega in Nairobi", ["Tomás Ortega"]),
    ("By Rohit Sharma, Hindustan Times", ["Rohit Sharma"]),
    ("By Rohit Sharma, New Delhi", ["Rohit Sharma"]),
    ("By Ines Varga, Tomas Hale, Pia Lund", ["Ines Varga", "Tomas Hale", "Pia Lund"]),   # commas alone, three people
    ("Written by Dr Ines Varga, Dr Bram Okoye, Pia Lund", ["Dr Ines Varga", "Dr Bram Okoye", "Pia Lund"]),
    ("By Rohit Sharma, New Delhi, India", ["Rohit Sharma"]),
    ("By Reuters", ["Reuters"]),
    ("SÉRGIO LIMA", ["Sérgio Lima"]),
    ("Written by: Maria O'NEIL", ["Maria O'Neil"]),
    ("Gisela Hammer aus Witten", ["Gisela Hammer"]),                  # a community site's reporter and her town
    ("Von Chefredakteur Matthias Sondermann", ["Matthias Sondermann"]),  # the role before the name
    ("By Senior Reporter Jane Doe", ["Jane Doe"]),
    ("Geschrieben von W. Reisinger am 03.05.2023 um 18:22", ["W. Reisinger"]),   # the names end at 'am' and a date
    ("By Jane Doe on 3 March 2025", ["Jane Doe"]),
    ("Pressemitteilung von: Kessler Fördertechnik GmbH", ["Kessler Fördertechnik GmbH"]),   # a press release's issuer
])
def test_bylines(line, names):
    assert parse_byline(line, header=True) == names


@pytest.mark.parametrize("line", [
    "By the time the rain came, the crops were dead.",
    "Kursk holds symbolic value for Pyongyang",
    "Oil Prices Slide",                    # a title-case line is not a name unless its place says so
    "Share this story",
    "Die Stimme aus Berlin",               # a headline: no person before 'aus'
    "News from London",
    "By batching, we can have better latency during spikes",   # a sentence: no account's name after 'By'
    "By 2024, it is projected that buyers will number more",
    "By default, we can use the photos on your website",
])
def test_not_bylines(line):
    assert parse_byline(line, header=True) is None


def test_name_role_lines_only_count_in_the_header():
    assert parse_byline("Jane Doe Political editor", header=False) is None


@pytest.mark.parametrize("shouted, usual", [("SÉRGIO LIMA", "Sérgio Lima"), ("JEAN-PAUL O'NEIL", "Jean-Paul O'Neil"),
                                             ("MCDONALD", "McDonald"), ("Ana de la Cruz", "Ana de la Cruz")])
def test_normalize_name(shouted, usual):
    assert normalize_name(shouted) == usual


# ---- the names on a line the header reader took for a byline: people only (issue 23, point 3) -----------


@pytest.mark.parametrize("line, names", [
    ("By Ana Lima, Rui Costa and Joana Reis", ("Ana Lima", "Rui Costa", "Joana Reis")),
    ("Written by Dr Ines Varga, Tomas Hale, Pia Lund", ("Dr Ines Varga", "Tomas Hale", "Pia Lund")),
    ("By JANE DOE | June 3, 2025 10:00 ET", ("Jane Doe",)),
    ("Jane Doe, Transport Reporter", ("Jane Doe",)),
    ("By Jane Doe, Staff Writer", ("Jane Doe",)),
    ("By Jane Doe, Harbour Daily News", ("Jane Doe",)),
    ("By Jane Doe, Lower Hutt, New Zealand", ("Jane Doe",)),   # a place after the name, however many commas
    ("By Jane Doe and Sam Okoro, Harbour Daily News", ("Jane Doe", "Sam Okoro")),
    ("October 11, 2023 by Jane Doe", ("Jane Doe",)),
    ("March 15, 2022 · 3 min read · By Jane Doe", ("Jane Doe",)),
    ("ByJane Doe", ("Jane Doe",)),
    ("Jane Doe, MD", ("Jane Doe",)),
    ("Jane Doe 12 May 2025 0 Comments", ("Jane Doe",)),
    ("Business Reporter", ()),
    ("Shipping correspondent", ()),   # a byline's second line: the role of the name above it
    ("Senior Staff Writer", ()),
    ("By The Associated Press", ("Associated Press",)),
    ("By Jane Mercer and Omar Haddad, Reuters", ("Jane Mercer", "Omar Haddad")),   # the agency after the writers
    ("By Pia Lund and Tomas Hale, The Associated Press", ("Pia Lund", "Tomas Hale")),
    ("By K. L. Moreau View In Digital Edition", ("K. L. Moreau",)),   # a link's words glued after the name
    ("By Jonas Pell Share This Article", ("Jonas Pell",)),
    ("By Ines Home", ("Ines Home",)),                                   # two words are a name, whatever they are
    ("Ultimo aggiornamento: 3 marzo 2026", ()),                         # 'last updated' in Italian names nobody
    ("Zuletzt aktualisiert am 3. März 2026", ()),
    ("Merle Hansen Redakteurin", ("Merle Hansen",)),                   # a role after the name keeps the name whole
    ("08.10.2024 Ein Gastbeitrag von Henrike Albers* Redakteur: Tobias Rensch Lesedauer: 5 min", ("Henrike Albers",)),
    ("By Jane Doe Last updated: March 3, 2025", ("Jane Doe",)),        # the names end at the next label
    ("Geschrieben von W. Reisinger am 03.05.2023 um 18:22", ("W. Reisinger",)),   # the date's prepositions left out
    ("Verfasst von birgit.h am Mo., 04.11.2024 - 00:35", ("birgit.h",)),           # and its weekday; a handle
    ("Von gartenfreund42", ("gartenfreund42",)),                                  # an account's name
    ("Beitrags-Autor:Anna & Tobi", ("Anna", "Tobi")),                             # a label glued to the names
    ("8. Juli 2024/0 Kommentare/in Aktuelles, Schützenfest/von kh", ("kh",)),     # a theme's meta line, by slashes
    ("VonSabine 7. Oktober 2024 4 Kommentare", ("Sabine",)),                      # the comments' count left out
    ("Lena VogtFolgen", ("Lena Vogt",)),                                          # a follow button glued to her name
    ("Vonadmin 9. Mai 2025 6 Kommentare", ()),                                    # the CMS's account names no one
    ("Bericht: Heinz Gollwitzer, Schriftführer", ("Heinz Gollwitzer",)),          # a club's report and its writer
    ("Geschrieben von Super User", ()),                                          # Joomla's default account
])
def test_a_byline_names_people_without_by_roles_outlets_or_dates(line, names):
    assert byline_names(line) == names


@pytest.mark.parametrize("line, names", [
    ("Geschrieben von Anke Brunner", ("Anke Brunner",)),
    ("Verfasst von Anke Brunner und Jonas Pell", ("Anke Brunner", "Jonas Pell")),
    ("Ein Gastbeitrag von Anke Brunner", ("Anke Brunner",)),
    ("Autorin: Anke Brunner", ("Anke Brunner",)),
    ("Text: Anke Brunner", ("Anke Brunner",)),
    ("Text & Fotos: Anke Brunner", ("Anke Brunner",)),
    ("Text und Bild: Anke Brunner", ("Anke Brunner",)),
    ("Anke Brunner, Redakteurin", ("Anke Brunner",)),
    ("Rédigé par Claire Ferrand", ("Claire Ferrand",)),
    ("Publié par Claire Ferrand", ("Claire Ferrand",)),
    ("Escrito por Lucía Ferrer", ("Lucía Ferrer",)),
    ("Scritto da Giulia Sarti", ("Giulia Sarti",)),
    ("Geschreven door Femke de Wit", ("Femke de Wit",)),
    ("Av Ingrid Berg", ("Ingrid Berg",)),
    ("Skrevet af Ingrid Berg", ("Ingrid Berg",)),
    ("Tekst: Femke de Wit", ("Femke de Wit",)),
])
def test_bylines_in_other_languages_name_the_people(line, names):
    # The label that says who wrote it, as German, French, Spanish, Italian, Dutch and Scandinavian pages write it:
    # the same line is a byline by its shape (the header reader's cue), and names the people, without the label.
    assert byline_names(line) == names
    assert parse_byline(line, header=True) == list(names)


@pytest.mark.parametrize("line, meta", [
    ("By Jane Doe", True),
    ("Updated 3 hours ago", True),
    ("June 18, 2025 / 11:10 IST", True),
    ("Jane Doe Political editor", True),
    ("Reuters", True),
    ("The vote was held on June 5, 2025, after a long debate in which every member of the council spoke.", False),
    ("Oil Prices Slide", False),
])
def test_the_one_test_of_a_byline_or_dateline_line(line, meta):
    assert is_byline_or_dateline(line) is meta


# ---- a byline on two lines: the name, then the role under it ----------------------------------------------

BYLINE_OVER_ROLE = """Home
News
Business

Harbour cranes stand idle as the dock strike enters its third day

Mira Olsen
{role}

12 March 2025

Cranes at the city's container harbour stood idle for a third day on Wednesday as dock workers kept up their strike over shift pay, leaving dozens of ships waiting offshore.

The port authority said about forty vessels were anchored in the bay, and that perishable cargo was being diverted to two smaller harbours along the coast.

Union leaders said they would meet the operators again on Friday, but warned that the walkout could last into next week if the offer on night shifts did not improve.
"""


@pytest.mark.parametrize("role", ["Shipping correspondent", "Senior Staff Writer", "Europe Editor"])
def test_a_role_under_the_byline_is_not_the_dek_nor_the_lead(role):
    from newsdigest.ingest import convert_seed
    from newsdigest.ingest.parse import Rules

    article, _ = convert_seed(BYLINE_OVER_ROLE.format(role=role).encode(), "seeds/cranes.txt", Rules(zone="UTC"), None)
    assert article.authors == ["Mira Olsen"]
    assert article.summary.startswith("Cranes at the city's container harbour")
    assert role not in article.body and article.body.startswith("Cranes at the city's container harbour")


# ---- an author block under its label, below the story -----------------------------------------------------------


@pytest.mark.parametrize("lines, names", [
    (["About the author", "Ines Varga", "Ines Varga covers the harbour and the city's ferries for the paper."],
     ("Ines Varga",)),
    (["AUTHORS", "IV", "Ines Varga", "Transport Reporter, Harbour Daily", "OM", "Osei Mensah", "Data editor"],
     ("Ines Varga", "Osei Mensah")),
    (["Written by", "Dr Marna Quist", "Reviewed by", "Pia Lund"], ("Dr Marna Quist",)),   # the reviewer is no writer
    (["Author", "XQ", "Xiulan Qorvath", "Columnist"], ("Xiulan Qorvath",)),   # an unknown given name, its avatar's letters
    (["AUTHOR XQ", "Xiulan Qorvath", "Columnist"], ("Xiulan Qorvath",)),   # the letters joined to the label
    (["Article written by:", "Ines Varga, MD, FACP"], ("Ines Varga",)),
    (["Article written by: Ines Varga, MD, FACP, FAAP", "Article reviewed by:", "Pia Lund"], ("Ines Varga",)),
    (["Author: Osei Mensah | Data Editor, Harbour Daily"], ("Osei Mensah",)),   # the reader joined name and role on
    (["Author", "Recent Posts", "Contact Us", "Share"], ()),
    (["Ines Varga", "Transport Reporter"], ()),   # no label: the header reader's business
    (["Author", "The council said on Monday that the new ferry timetable would start in the spring, after the "
      "works at the pier."], ()),
])
def test_an_author_block_names_the_people_under_its_label(lines, names):
    from newsdigest.ingest.bylines import labelled_authors
    assert labelled_authors(lines) == names


@pytest.mark.parametrize("line, names", [
    ("Mar 3, 2025Jonas Pell", ("Jonas Pell",)),            # two elements copied with no space between
    ("Jonas Pell • March 3rd, 2025", ("Jonas Pell",)),
    ("London, 3 March 2025", ()),
    ("11.07.2024 um 18:30 Mara Lindholm", ("Mara Lindholm",)),                    # the name after the date and time
    ("2. Juli 2025, 12:04 Uhr, Niklas Brandt 87 Kommentare", ("Niklas Brandt",)),
    ("03.05.2024, 10:00 Uhr Polizei Kaistadt", ()),                             # an office, not a person
    ("12 March 2025 London Bridge closed", ()),
    ("19. Januar 2025 von Flo", ("Flo",)),                                        # labelled, a first name will do
    ("3. März 2025 von der Stadt beschlossen", ()),
])
def test_the_name_beside_a_dateline_date(line, names):
    assert names_beside_date(line) == names


@pytest.mark.parametrize("line, names", [
    ("By Jane Doe and Glenn Close", ("Jane Doe", "Glenn Close")),   # a surname that is a button's word stays
    ("By Sir Thomas More", ("Sir Thomas More",)),
    ("Published by Jane Doe on March 3, 2025", ("Jane Doe",)),
    ("Door Jane Doe en Sam Roe", ("Jane Doe", "Sam Roe")),
    ("Ursula von der Leyen", ("Ursula von der Leyen",)),            # 'von' inside a name is no 'by'
])
def test_by_words_and_furniture_words_inside_names(line, names):
    assert byline_names(line) == names
    assert "Klint" not in byline_names("Hilma af Klint")                # nor 'af'


@pytest.mark.parametrize("line, names", [
    ("Repórter: Lucas Prado", ["Lucas Prado"]),
    ("Muhabir: Elif Demir · Kaynak: HBA", ["Elif Demir"]),
    ("Reporterin: Jana Roth", ["Jana Roth"]),
    ("报道：陈嘉欣", ["陈嘉欣"]),                                        # a full-width colon, a name without spaces
    ("रिपोर्ट: राहुल वर्मा | एडिटेड बाय: अनिल जोशी", ["राहुल वर्मा"]),      # a script without capitals; the editor apart
    ("رپورٹ: سارہ خان", ["سارہ خان"]),
    ("Автор: Ольга Смирнова", ["Ольга Смирнова"]),
    ("Propos recueillis par Claire Dumas", ["Claire Dumas"]),             # who asked an interview's questions
    ("By LENA ORTIZ and PAUL KERN Harbour Wire", ["Lena Ortiz", "Paul Kern"]),   # the outlet after shouted names
    ("By LENA ORTIZ Harbour Wire", ["Lena Ortiz"]),
    ("By R. T. Boyle", ["R. T. Boyle"]),                                  # initials are no shouted name
])
def test_a_reporters_label_in_many_languages_and_shouted_names_beside_their_outlet(line, names):
    assert parse_byline(line, header=False) == names and list(byline_names(line)) == names


@pytest.mark.parametrize("line, names", [
    ("Datum: 23.11.2025 | Autor: Ida Brenner | Kategorie: Chor", ["Ida Brenner"]),   # the labelled part of a meta line
    ("Mi, 21.01.2026 · Text: Ida Brenner & Ole Sand · Lesezeit ca. 4 Minuten", ["Ida Brenner", "Ole Sand"]),
    ("Ida Brenner Redakteurin Talbote Lienz", ["Ida Brenner"]),                         # a role, then the outlet
    ("Jane Roe Reporter The Harbour Gazette", ["Jane Roe"]),
])
def test_a_writer_in_a_meta_lines_labelled_part_or_beside_a_role_and_the_outlet(line, names):
    assert parse_byline(line, header=True) == names and list(byline_names(line)) == names


def test_a_meta_lines_part_that_credits_someone_else_names_no_writer():
    assert parse_byline("3. Juni 2025 | Reviewed by Jane Roe", header=True) is None


@pytest.mark.parametrize("line, dateline", [
    ("Publiziert: 03.12.2026, 16.45 Uhr · Aktualisiert: vor 3 Std.", True),
    ("Published: Dec. 3, 2026, 4:45 p.m.", True),
    ("03.12.2026, 16:45 Uhr | Lesezeit: 3 Min.", True),
    ("Aktualisiert: 24. Apr.", True),
    ("The quay market opened on 3 December at last.", False),
    ("Traders waited on the quay for a long time.", False),
])
def test_a_dateline_whose_last_word_is_abbreviated_is_one_and_a_sentence_is_not(line, dateline):
    """A line ending in a period is a sentence, unless it is dated and its last word is abbreviated ('… vor 3
    Std.', '… 4:45 p.m.'): the one test of a byline or dateline."""
    assert is_byline_or_dateline(line) is dateline


@pytest.mark.parametrize("line, names", [
    ("Ida Brenner, News Editor, Ole Sand, Staff Writer", ["Ida Brenner", "Ole Sand"]),
    ("Ida Brenner, News EditorOle Sand, Staff Writer", ["Ida Brenner", "Ole Sand"]),   # inline markup glued them
    ("Ida Brenner, Redakteurin, Ole Sand, Korrespondent", ["Ida Brenner", "Ole Sand"]),
])
def test_writers_each_named_with_a_role_after_them(line, names):
    assert parse_byline(line, header=True) == names and list(byline_names(line)) == names


@pytest.mark.parametrize("line", ["Ole Sand, Photo Editor", "Ole Sand | Staff Photographer", "Ida Brenner, Fotografin"])
def test_a_name_with_a_photo_role_credits_the_photo_not_the_story(line):
    assert parse_byline(line, header=True) is None and byline_names(line) == ()


@pytest.mark.parametrize("line", [
    "Beitrag von Ida Brenner » Di 18. Feb 2025, 20:14",             # a forum's post, its day after a '»'
    "Post by Ida Brenner » Tue Feb 18, 2025 8:14 pm",
    "Post autor: Ida Brenner » 5 mar 2024, 21:14",
    "Submitted by Ida Brenner on Tue, 02/18/2025 - 20:14",           # a CMS's byline
    "Eingereicht von ida.brenner am Mo., 24.03.2025 - 21:05",        # its account named first.last
])
def test_a_forum_posts_or_a_cms_byline_names_its_writer(line):
    assert byline_names(line) == ("Ida Brenner",)


def test_an_account_not_named_after_a_person_stays_as_written():
    assert byline_names("By info.team") == ("info.team",)


# ---- bylines of German blogs, parishes and magazines (probe sets DE20, DE21 and real pages read this session) ----


@pytest.mark.parametrize("line, names", [
    ("von Ute und Jonas Kessler · Lesezeit: ca. 6 Minuten", ("Ute Kessler", "Jonas Kessler")),   # one surname for two
    ("By Ute and Jonas Kessler", ("Ute Kessler", "Jonas Kessler")),
    ("By Ute Brandt and Jonas Kessler", ("Ute Brandt", "Jonas Kessler")),
    ("Fotos Maren Holt", ()),   # the photos' credit, without its colon
    ("Redaktorin Lokalmagazin Seetal Nord", ()),   # a job, no name
    ("Gespeichert von feldlerche am 14. Mai 2024 - 09:12", ("feldlerche",)),   # Drupal's byline
    ("Staff Reports", ("Staff Reports",)),   # a desk, the author only where no person is named
])
def test_byline_names_of_couples_credits_jobs_and_cms_bylines(line, names):
    assert byline_names(line) == names


def test_a_closing_alone_over_the_writers_role_and_name_signs_the_post():
    from newsdigest.ingest.bylines import signed_off
    assert signed_off(["Danke allen, die mitgeholfen haben!", "Ihr", "Pfarrer Anton Weidinger"]) == ("Anton Weidinger",)
    assert signed_off(["Liebe Grüße", "Marlene"]) == ("Marlene",)
    assert signed_off(["Eure Marlene", "Marlene"]) == ("Marlene",)
    assert signed_off(["Ihr Konto", "Mehr lesen"]) == ()


def test_writers_signing_a_line_each_under_the_story_are_all_named():
    from newsdigest.ingest.parse import signature
    lines = ["Die Sensoren melden jede Stunde, wie viel die Kühe fressen und wie warm es im Stall ist.",
             "Autor: Jonas Kessler, Landesanstalt für Landwirtschaft, Seetal", "Autor: Ute Brandt", "Tags", "Technik"]
    assert signature(lines, 1) == ("Jonas Kessler", "Ute Brandt")


@pytest.mark.parametrize("line, credit", [
    ("Fotos Maren Holt", True), ("Photo : Léa Dumas pour Ondes", True), ("Photo: Jane Doe/Reuters", True),
    ("Video Production 101: The Ultimate Guide", False), ("Photos of the week", False),
    ("Bilder des Jahres 2025", False),   # headlines that open with the word
])
def test_a_photo_credit_names_a_person_after_its_label(line, credit):
    from newsdigest.ingest.bylines import photo_credit
    assert photo_credit(line) is credit
