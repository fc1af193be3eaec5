"""Bylines: who wrote the piece, from 'By Jane Doe', 'By PRIYA NAIR and SAM OKORO', 'Jane Doe Political editor'."""

from __future__ import annotations

import itertools
import os
import re
from functools import lru_cache
from pathlib import Path

from . import boilerplate as bp
from .dates import CALENDAR, DATE_LABEL, TIME_OF_DAY, has_date, is_relative, without_dates

BY_WORD = r"(?:by|von|par|por|door|di|av|af)"
"""The word before the writer's name: English, German, French, Spanish and Portuguese, Dutch, Italian, Swedish and
Norwegian, Danish."""
WROTE = (r"(?:written|story|words|reported|posted|post|submitted|published|analysis|opinion|commentary|review|text|"
         r"texte|texto|testo|tekst|geschrieben|verfasst|eingestellt|eingetragen|eingereicht|gespeichert|"
         r"gepostet|hosted|"
         r"erstellt|veröffentlicht|(?:eine?\s+)?(?:gast)?(?:beitrag|interview|kommentar|bericht|reportage|analyse|kolumne|glosse|"
         r"rezension)|pressemitteilung|pressemeldung|press\s+release|écrit|rédigé|publié|escrito|escrita|publicado|publicada|"
         r"pubblicato|geschreven|skrivet|skrevet|publicerad)")
"""What may stand before BY_WORD: 'Written by', 'Geschrieben von', 'Ein Interview von', 'Rédigé par', 'Publicado por',
'Testo di', 'Skrevet af'; a CMS's 'Submitted by', 'Eingereicht von' and 'Gespeichert von' (Drupal's), a forum's 'Post
by'."""
GENDERED = r"(?:in|innen|[*/:_]in(?:nen)?|\(in(?:nen)?\))"
"""The German feminine ending, and the inclusive forms that write both: 'Autorin', 'Autor/in', 'Autor*innen', 'Autor:in'."""
AUTHOR_WORD = (rf"(?:\w+-|(?i:post)\s+)?(?:authors?(?:\s+of\s+(?:the|this)\s+(?:article|story|post))?|writers?|"
               rf"autor(?:{GENDERED}|en|es|a|ka|i)?|autore|auteure?|автор|yazar|forfatter|författare|szerző|avtor(?:ica|ji)?|"
               rf"kirjoittaja|συντάκτ(?:ης|ρια)|reporter(?:{GENDERED})?|rep[oó]rter|reporter[oa]|muhabir|penulis|wartawan|"
               r"रिपोर्ट(?:र)?|लेखक|رپورٹ(?:ر)?|تحریر|报道|報導|记者|記者|撰文)")
"""A label naming the writer: 'Author', 'Author of the article', 'Autorin', 'Autor/in', 'Auteur', 'Автор', 'Autorka',
Hungarian 'Szerző', Slovenian 'Avtor', Finnish 'Kirjoittaja', Greek 'Συντάκτης', a reporter's ('Reporter:', 'Repórter:',
Turkish 'Muhabir:', Indonesian 'Penulis', Hindi 'रिपोर्ट:', Urdu 'رپورٹ:', Chinese '报道：', '记者：'); a forum
post's ('Post autor:')."""
TEXT_WORD = r"(?:text|texte|texto|testo|tekst|teksti|haber|bericht|beitrag)"
"""The word a credit line labels the writer with: 'Text', 'Texto', 'Tekst', 'Teksti', Turkish 'Haber', a club's
'Bericht', a broadcaster's 'Beitrag'."""
WRITES = r"(?:piše|napisa(?:o|la|l)|írta|γράφει(?:\s+(?:ο|η))?|yazan)"
"""'Writes' or 'written by' before the writer's name, a label of its own: Croatian, Serbian, Bosnian and Slovenian
'Piše:', 'Napisala', Hungarian 'Írta:', Greek 'Γράφει η …', Turkish 'Yazan:'."""
LOWER_BY = r"(?-i:de|od)"
"""Romanian 'de' and Czech, Slovak, Polish and Croatian 'od' ('by'), as a byline's first word only in lower case: at the
start of a line in upper case they are a headline's ('Od září …') or a name's ('De Vries')."""
TEXT_LABEL = (rf"{TEXT_WORD}(?:\s*(?:&|\+|/|und|and|et|y|e|og|och|en)\s*"
              r"(?:fotos?|photos?|bilder?|bild|images?|illustrations?|foto's))?\s*:")
"""Who wrote the words, on a magazine's credit line: 'Text: …', 'Text & Fotos: …', 'Tekst: …', a club's 'Bericht: …'
(a colon always)."""
ASKED = (r"(?:das\s+)?(?:gespräch|interview)\s+führten?|propos\s+recueillis\s+par|entretien\s+réalisé\s+par|"
         r"entrevista\s+realizada\s+por|intervista\s+a\s+cura\s+di")
"""Who asked an interview's questions, credited under it or over it: 'Das Gespräch führte Pia Lorenzen.', 'Propos
recueillis par Anaïs Roux', 'Entrevista realizada por …', 'Intervista a cura di …'."""
LABEL_DA_DE = r"(?:(?:scritt[oa]|pubblicat[oa]|postat[oa])\s+da|(?:textos?|reportage[mn]|reportaje|cr[óô]nica)\s+de)\b"
"""Italian 'Scritto da', 'Pubblicato da' and Portuguese or Spanish 'Texto de', 'Reportagem de': 'da' and 'de' are 'by'
only after such a word (alone, they are particles of names: 'Lucia da Silva', 'Ana de Souza')."""
GENRE_WORD = (r"analys[ei]s?|kommentar|commentary|opinion|meinung|interview|reportage|review|rezension|kolumne|column|"
              r"glosse|essay|gastbeitrag|editorial|leitartikel|éditorial|analisi|commento")
"""A piece's kind, printed before its writer's name ('Analyse Jakob Pernthaler', 'Interview: Lea Kaufmann')."""
BY = re.compile(rf"^(?:(?:(?:{WROTE}\s+)?by(?:\s?by)?\s*:?(?:\s+|(?=(?-i:[A-Z][a-z]))))|(?:authors?\s*:|"
                rf"(?:{WROTE}\s+)?{BY_WORD}\s*:?|{LABEL_DA_DE}|{AUTHOR_WORD}\s*:|{TEXT_LABEL}|{ASKED}|{WRITES}\s*:?|{LOWER_BY}|"
                r"автор)\s+)(?P<names>.+)$",
                re.I)
"""'By …' and its kin in twenty languages ('Scritto da', 'Pubblicato da', 'Texto de', 'Piše:', 'de …'); the label may be glued to the name or
doubled, as copied from a widget ('ByJane Doe', 'Written byby Jane Doe'), but 'Byron Smith' is no byline."""
ROLE_NOUN = re.compile(r"^(?:(?:editor|correspondent|reporter|writer|columnist|analyst|contributor|journalist|producer|"
                       r"commentator|chief|staff|team|desk)s?|\w*?(?:redakteur|redaktor|korrespondent|reporter|journalist|"
                       r"volontär|kolumnist|autor)(?:in(?:nen)?|en|e)?|r[ée]dact(?:eur|rice)|journaliste|correspondant(?:e)?|"
                       r"chroniqueur|redattore|redattrice|giornalista|corrispondente|inviat[oa]|redacteur|verslaggever|"
                       r"redactor(?:a)?|periodista|corresponsal|toimittaja|novinar(?:ka)?|dziennikar(?:z|ka)|újságíró|"
                       r"δημοσιογράφος|" + TEXT_WORD + r")$", re.I)
"""The noun of a job title under a byline, in the languages of BY_WORD: 'Reporter', 'Redakteurin', 'rédactrice'; the
credit word after a name ('Erik Lindqvist Text' over 'Sara Nyström Foto')."""
ROLE_MODIFIERS = set("""senior chief deputy associate assistant special staff contributing managing executive
    news features opinion political politics economics economic economy business science health technology tech
    foreign diplomatic defence defense security sports sport arts culture education environment environmental climate
    legal crime transport energy markets finance financial world international national local city metro
    investigations investigative data social media royal religion food travel property global regional bureau
    correspondent at large of the and""".split())
UNCASED = ("\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u0900-\u0dff\u0e00-\u0e7f\u1200-\u137f"
           "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af")
"""Scripts without capitals, whose names no capital marks: Hebrew, Arabic and Urdu, the Indic scripts, Thai, Ethiopic,
Japanese kana, Chinese characters, Hangul."""
PARTICLES = frozenset("de da del della der van von bin al el la le du dos das ter ten".split())
"""The small words inside names: 'Lucia da Silva', 'Ursula von der Leyen', 'Yann Le Goff'."""
NAME_WORD = re.compile(rf"^(?:[A-ZÀ-ÖØ-ÞА-ЯЁΑ-Ω][\w'’.-]*|[{UNCASED}][\w'’.\u0900-\u0dff-]*|"
                       rf"{'|'.join(sorted(PARTICLES))})$")
"""A word of a name: a capital first (Latin, Cyrillic, Greek), a letter of a script without capitals, or a particle."""
SEPARATORS = re.compile(r"\s+[|·•/»›]\s+|\s+[–—-]\s+|\s+in\s+(?=[A-Z])")
GLUED = re.compile(r"^((?:[Ww]ritten\s+|[Pp]osted\s+)?(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Dd]oor))"
                   r"(?=[A-Z][a-z]|(?:admin|webmaster)\b|[a-z]+[-_.\d][a-z\d_.-]*$)")
"""'ByJane Doe', 'Written byJane Doe', 'VonKathrin Adler': the word glued to the name by inline markup with no space
between ('Vonnegut' is no label: a capital follows it), or to the CMS's account ('Vonadmin', 'Vontsv-webmaster')."""
GLUED_BY = re.compile(r"(?<=[a-zäöüß])(?=(?:Von|By)\s+[A-ZÀ-ÖØ-Þ])")
"""'Beitrags-AutorVon Jane Doe': a label glued to the 'by' after it."""
GLUED_NAME_END = re.compile(r"(?<=[a-zß-ÿ]{4})(?<!Fitz)[A-ZÀ-ÖØ-Þ]\S*.*$")
"""'Lisa MarquardtKulturzentrumDonauufer': what inline markup glued to a name's last word ends the names ('McDonald',
'MacKenzie', 'FitzGerald' are names; so are handles and brands: 'BeauHD', 'FlowGuard')."""
GLUED_YEAR_BY = re.compile(rf"(?<=(?:19|20)\d\d)(?={BY_WORD}\s+[A-ZÀ-ÖØ-Þ])", re.I)
"""'Freitag, 13. Juni 2025von Nina Albrecht': a date and the byline after it in two elements with no space between."""
READING_TIME_ON = re.compile(r"(?:\s+|(?<=[^\W\d_]))\d{1,3}\s*(?:min(?:ute)?s?|mins?|minuten|minutos|minuti|minut[aey]?)\b.*$",
                             re.I)
"""'von Nina Albrecht 3 Min. Lesezeit', 'by Jane Doe 4 min read Science': a reading time after the names ends them
(glued to the last name too: 'Magdalena Steiner5 Min.')."""
CLOCK_ON = re.compile(rf"\s+(?:\S{{1,4}}\s+)?{TIME_OF_DAY}.*$")
"""A time of day after the names, with its preposition: 'Jan Nowak o 21:37', 'Jane Doe at 9.30 pm'."""
COMMENT_COUNT = re.compile(r"\s+(?:\d+|no|keine|sans|sin|nessun)\s+(?:comments?|kommentare?|commentaires?|comentarios?|"
                           r"commenti|reacties|reactions?|replies|responses|antworten)\b.*$", re.I)
"""'Geschrieben von Jane Doe am 12. Januar 2026 3 Kommentare': the count of comments after the names ends them."""
GLUED_LABEL = re.compile(r"(?<=[a-zäöüß]):(?=[A-ZÀ-ÖØ-Þ])")
"""'Beitrags-Autor:Anna & Tobi': a label's colon glued to the name by inline markup."""
BUTTONS = r"Folgen|Follow|Abonnieren|Subscribe|Suivre|Seguir|Segui|Volgen|Obserwuj|Följ|Følg"
BADGES = r"Admin|Administrator|Moderator|Editor"
GLUED_BUTTON = re.compile(rf"(?:(?<=[a-zß-ÿ])|\s*\+\s*)(?:{BUTTONS})$|(?<=[a-zß-ÿ])(?:{BADGES})$")
"""'Lena VogtFolgen', 'Reto Baumann+ Folgen': a follow button's word glued to the name beside it; 'Sandra MeierAdmin':
the account's badge. (Not a button after a space: 'Autorin folgen' is a label and its button, no name; the line reader's
lines.FOLLOW_BUTTON takes that form too, but only from a line that is a person's name without it.)"""
BUTTON = re.compile(rf"(?:{BUTTONS})", re.I)
"""'Autorin folgen': the button beside an author's label, no name."""


EMAIL = re.compile(r"\s*(?<!\S)[^\s@]+@[\w-]+(?:\.[\w-]+)+|\s*(?<!\S)@\w{2,30}$|(?<=[a-z])@\w{2,30}$")
"""An e-mail address or a social account's handle after a writer's name ('Jane Doe Reporter jane.doe@example.org',
'Jordan Lee@JORDANLEETL', 'Jane Doe @janedoe')."""
AFFILIATION = re.compile(r"\b([A-ZÀ-ÖØ-Þ][^\W\d_]+)\d{1,2}(?:,\d{1,2})*\*?"
                         r"(?=\s*(?:[,;&]|$|\s(?:and|und|et|y|e|en)\s))")
"""A paper's affiliation marks, superscripts glued to its authors' names: 'Jane Doe1,2 ; John Roe3'."""


def unglued(line: str) -> str:
    """A byline with what inline markup glued to its names parted from them (GLUED, GLUED_BY, GLUED_LABEL,
    GLUED_BUTTON, AFFILIATION), a full-width colon written as a colon and a space ('报道：林美玲'), and no e-mail
    address."""
    line = EMAIL.sub("", line) if "@" in line else line
    line = AFFILIATION.sub(r"\1", line) if any(c.isdigit() for c in line) else line
    return GLUED_BUTTON.sub("", GLUED_LABEL.sub(": ", GLUED_BY.sub(" ", GLUED.sub(r"\1 ", line)))).replace("：", ": ")


NAMES_END = re.compile(SEPARATORS.pattern + r"|\s+on\s+(?=[A-Z])|\s+(?:with|avec|mit|con|com|met)\s+(?=\S)|"
                       r"\s+(?:um|am|on|at|à|alle|om|às|a\s+las)\s+(?=\d)|\s+(?:aus|from|at)\s+(?=[A-ZÀ-ÖØ-Þ])")
"""Where the names of a 'By …' line end: 'By X | June 18', 'By X — Reuters', 'By X in Kyiv', 'By X on Monday',
'Par X avec AFP', 'Von X mit dpa', 'By X with additional reporting by Y', 'Gisela Hammer aus Witten', 'X at
Millbrook Road'."""
AGENCY = re.compile(r"^(?:reuters|ap|afp|pti|ani|ians|associated\s+press|agence\s+france-presse|bloomberg|dpa|efe|ansa|anp|"
                    r"apa|epd|kna|aap|upi|xinhua|tass|kyodo|yonhap|belga|lusa|europa\s+press|(?:keystone-)?sda|pap|ntb|ritzau|"
                    r"tt|stt|čtk|ctk|tasr|mti|hina|bta|"
                    r".{1,30}\s+(?:staff|desk|bureau|news\s+service|team))$", re.I)
OUTLET_WORD = re.compile(r"\b(?:times|post|news|journal|herald|express|tribune|guardian|telegraph|agency|press|media|"
                         r"network|online|daily|today|chronicle|gazette|observer|standard|mail|star|wire|magazine|"
                         r"bulletin|courier|dispatch|inquirer|sentinel|examiner|register|kurier|anzeiger|rundschau|"
                         r"nachrichten|presse|\w*zeitung|\w*blatt)$", re.I)


WITH_PERSON = re.compile(r"\s+(?:with|avec|mit|con|com|met)\s+"
                         r"(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]+){1,2})")
"""'with' (and its kin in NAMES_END) before two or three capitalised words, which with_writer asks are a person."""


def with_writer(names: str) -> str:
    """A byline's names with a person after 'with' (and its kin) joined on as a co-writer: 'Par Ana Roux avec Léo
    Blanc' -> 'Par Ana Roux & Léo Blanc'; an agency or an outlet after it ('avec AFP', 'mit Material von dpa') stays
    for NAMES_END to cut off."""
    return WITH_PERSON.sub(lambda m: f" & {m['name']}" if is_person(m["name"].split()) else m.group(0), names)


def before_furniture(names: str) -> str:
    """A byline less the link or button text glued after the names ('A. J. Neal View In Digital Edition'): cut at
    the first furniture word after two words of name that two words or more follow from ('Glenn Close', 'Thomas
    More': a surname that is a button's word, kept)."""
    words = names.split()
    cut = next((i for i in range(2, len(words) - 1) if words[i].lower() in bp.FURNITURE), len(words))
    return " ".join(words[:cut])


def name_like(words: list[str]) -> bool:
    """No word of page furniture ('Learn More', 'Top Stories', 'LinkedIn') and no capitalised stop word ('Table Of
    Contents') in what a weak witness gives as a name; a given name that is some language's stop word opens one ('Pia')."""
    return not any(w.lower() in bp.FURNITURE or w[:1].isupper() and w.lower() in bp.STOP and not (k == 0 and given_name(w))
                   for k, w in enumerate(words))


INSTITUTION = re.compile(r"\b(?:universit(?:y|ies|ät|é|à|ad|ade)|college|institute?|school|academy|foundation|society|"
                         r"association|council|clinic|hospital|cent(?:er|re)|museum|library|church|group|labs?|studios?|"
                         r"inc|llc|ltd|gmbh|corp(?:oration)?|compan(?:y|ies)|partners|solutions|software|systems|"
                         r"photography|photo|design|law|legal|consulting|trust|realty|media|marketing|shop|store|hotel|restaurant|"
                         r"learning|education|training|services|health|"
                         r"stiftung|verein|verlag|zeitung|schule|gemeinde|praxis|kanzlei|fotografie|fondation|fondazione|"
                         r"fundaci[oó]n|stichting|[eé]cole|scuola)\b", re.I)
"""Words that make a name an organisation's ('Stanford University', 'Jane Doe Photography', 'Hans Böckler
Stiftung'), not a person's."""
OWNER_SITE = re.compile(r"^(?P<name>.+?)['’]s(?:\s+[\w-]+){0,2}?\s+(?:blog|site|website|homepage|home page|notes|journal|"
                        r"weblog)$", re.I)
"""'Jane Doe's blog', 'Jane Doe's Tech Blog': a personal site, by the name its owner gives it."""


def site_owner(site: str, bare: bool = False) -> str:
    """The person a personal site is named after, where its name says so ('Jane Doe's blog'): two or three
    capitalised words that read as a person's name, no outlet's or furniture word among them; '' for any other
    site name. A bare 'Jane Doe' only with `bare` (a copyright line's holder): it could as well be a firm's
    ('Morgan Stanley'), so the caller marks it for review."""
    m = OWNER_SITE.match(site.strip())
    name = m["name"].strip() if m else (site.strip() if bare and is_person(site.split()) and not INSTITUTION.search(site)
                                        else "")
    words = name.split()
    if 2 <= len(words) <= 3 and name_like(words) and not is_outlet(name) \
            and parse_byline(name, header=True, bare=True) == [name]:
        return name
    return ""


def is_agency(line: str) -> bool:
    """'Reuters', 'The Associated Press', 'Detroit News wire services': a news agency's credit line."""
    text = re.sub(r"^the\s+", "", line.strip().rstrip("."), flags=re.I)
    return len(text) <= 40 and bool(AGENCY.match(text) or re.match(r"^.{1,30}\s+wire\s+services?$", text, re.I))


@lru_cache(maxsize=16384)
def is_byline_or_dateline(line: str) -> bool:
    """A byline or a dateline, whatever else it holds: 'By admin - 2018-09-16', 'Reuters November 18, 2019',
    'Jane Doe Political editor', '3 hours ago'. The one test of it the reader uses (scoring lines, choosing the
    article, reading the header)."""
    words = len(line.split())
    if words > 20:
        return False
    if line.endswith(".") and not BY.match(line):   # a sentence, unless a dated line's last word is abbreviated
        return bool(ABBREVIATED_END.search(line)) and bool(has_date(line) or is_relative(line))
    return bool(has_date(line) or is_relative(line) or parse_byline(line, header=True) or is_agency(line))


ABBREVIATED_END = re.compile(r"(?:\b[ap]\.\s?m|(?<![\w.])[A-ZÀ-ÖØ-Þ][^\W\d_]{0,3})\.$")
"""A dateline's last word abbreviated, its period no sentence's end: '… 6:18 p.m.', 'Aktualisiert: vor 3 Std.',
'Lesezeit: 3 Min.', 'Aktualisiert: 24. Apr.'."""


def unbracketed(line: str) -> str:
    """The line less the brackets around the whole of it, as a paper signs a story under its last paragraph ('(Jane
    Doe)', '(Text und Foto: Jane Doe, 08.04.2025)'); else the line."""
    return line[1:-1].strip() if line[:1] == "(" and line[-1:] == ")" and "(" not in line[1:-1] else line


def parse_byline(line: str, header: bool, bare: bool = False) -> list[str] | None:
    """Return the authors named by a byline line, or None when the line is not a byline (see _byline)."""
    names = _byline(line, header, bare)
    return list(names) if names is not None else None


@lru_cache(maxsize=16384)
def _byline(line: str, header: bool, bare: bool) -> tuple[str, ...] | None:
    """Return the authors named by a byline line, or None when the line is not a byline.

    'By …' lines count anywhere; 'Name Role' lines only in the header (header=True); a bare
    'Jane Doe' line only when shouted ('SÉRGIO LIMA') or when the caller knows its place (bare=True).
    """
    line = unglued(unbracketed(line.strip()).rstrip("."))
    m = BY.match(line) or next(filter(None, map(BY.match, LABELLED_PARTS.split(line)[1:])), None)
    kind, colon, named = ("", "", "") if m else line.partition(":")
    if colon and GENRE.match(kind.strip()) and is_person(named.split()):
        return (named.strip(),)   # 'Interview: Lea Kaufmann': a piece's kind, its writer (not 'Rezension: „…“ von …')
    if m:   # 'Autor: Jane Doe (mit Material von dpa)': what stands in brackets after the names is none of them
        return tuple(_names(GLUED_NAME_END.sub("", BRACKETED_END.sub("", m["names"])))) or None
    if not header:
        return None
    if PHOTO_CREDIT.match(line) or photo_credit(line):
        return None   # 'Eli Tran, Photo Editor' over the photo, 'Fotos Tobias Reich': its credit, not the writer
    if listed := names_and_roles(line):
        return listed   # 'Maya Okonkwo, News Editor, Jordan Reyes, Staff Writer'
    head = SEPARATORS.split(line)[0].split(",")[0]
    words = head.split()
    for k in range(2 + bool(words and words[0].lower() in TITLES), min(len(words), 5) + 1):   # the shortest name
        # whose rest reads as a role ('Mag.' is no name of its own)
        rest = words[k:]
        if not rest or is_role(rest) or role_and_outlet(rest) or (FROM_PLACE.fullmatch(" ".join(rest))
                                                                   and is_person(words[:k])):
            names = _names(" ".join(words[:k]), strict=True)
            tail = line[len(head):].strip(" ,|·•–—-")
            if names and (rest or (tail and is_role_or_place(tail)) or
                          (not tail and (bare or line.isupper()) and _looks_like_a_name_line(line))):
                # 'Michael Steiner, Verena Pölzl': co-writers, not a name and a place
                return (not rest and tail and name_list(line)) or tuple(names)
    return None


PHOTO_CREDIT = re.compile(r"^[^,|·•]{3,60}(?:,|\s[|·•–—]\s)\s*(?:[\w-]+\s+){0,2}(?:photo(?:graph(?:er|y))?|"
                          r"photojournalist|photographe|fotogra(?:f|fo|fa)(?:in)?|bildredakt\w*|videograph\w*|camera)\b"
                          r"(?:\s+[\w-]+){0,2}$", re.I)
"""A name and a role that credits the photo, not the story: 'Eli Tran, Photo Editor', 'Ann Lee | Staff Photographer',
'Bo Lind, Fotografin'."""
PHOTO_LABEL = re.compile(r"^(?:fotos?|photos?|photographs?|bilder?|illustrations?)\s*:?\s+(?P<name>\S.*)$", re.I)
"""A photo credit's label and what follows it, with or without its colon ('Fotos Tobias Reich'): photo_credit."""


def photo_credit(line: str) -> bool:
    """A photo's credit, its label before a person's given name, with or without its colon: 'Fotos Tobias Reich',
    'Photo : Léa Dumas pour Ondes' (not 'Photos of the week', 'Bilder des Jahres')."""
    words = m["name"].split() if (m := PHOTO_LABEL.match(line)) else []
    return len(words) >= 2 and given_name(words[0]) and words[0][:1].isupper() and words[1][:1].isupper()


GLUED_ROLE = re.compile(r"^(\w+?[a-zß-ÿ])([A-ZÀ-ÖØ-Þ][a-zß-ÿ]+)$")
"""A role's last word glued by inline markup to the name after it: 'EditorJordan'."""


def names_and_roles(line: str) -> tuple[str, ...] | None:
    """The writers of a byline that names each with a role after it, parted by commas ('Maya Okonkwo, News Editor,
    Jordan Reyes, Staff Writer'; a role glued to the next name: 'News EditorJordan Reyes'); None unless every part
    is a person, a role, or a role and a person, and two people or more are named."""
    if line.count(",") < 2:
        return None
    names, roles = [], 0
    for part in line.split(","):
        words = [piece for word in part.split() for piece in _unglued_role(word)]
        if is_person(words):
            names.append(" ".join(words))
            continue
        k = next((k for k in range(1, len(words) + 1)
                  if is_role(words[:k]) and (k == len(words) or is_person(words[k:]))), 0)
        if not k:
            return None
        roles += 1
        names += [" ".join(words[k:])] if k < len(words) else []
    return tuple(names) if len(names) >= 2 and roles >= len(names) - 1 else None


def _unglued_role(word: str) -> list[str]:
    m = GLUED_ROLE.match(word)
    return [m[1], m[2]] if m and ROLE_NOUN.match(m[1]) else [word]


LABELLED_PARTS = re.compile(r"\s+[|·•]\s+")
"""The parts of a meta line: 'Datum: 23.11.2025 | Autor: Jane Doe | Kategorie: Orgel' (a part labelled as a byline
names the writers wherever it stands)."""
FROM_PLACE = re.compile(r"(?:aus|from|at)\s+[A-ZÀ-ÖØ-Þ][\w.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w.-]*)?")
"""Where a writer is from or reports from, after the name: 'Gisela Hammer aus Witten', a community site's reporter;
'Tom Hartley at Millbrook Road', a match report's."""
BY_INSIDE = re.compile(rf"(?:^|(?<=[\s|·•,—–/-]))(?:(?:{WROTE}|article)\s+)?(?:{BY_WORD}\b|{LABEL_DA_DE})\s*:?\s*(?=\S)",
                       re.I)
LABEL_AT_START = re.compile(rf"^(?:{AUTHOR_WORD}(?:\s*:\s*|\s+)|{TEXT_LABEL}\s*|{ASKED}\s+|{WRITES}\s*:?\s*|{LOWER_BY}\s+)", re.I)
CLUTTER = re.compile(r"\b\d+\s*(?:min(?:ute)?s?|mins?)\b(?:\s+read)?|\b\d+\s+(?:comments?|kommentare?|commentaires?|"
                     r"comentarios?|commenti|reacties)\b|\b(?:no\s+)?comments?\b|"
                     r"\bread(?:ing)?\s+time\b|\b(?:last\s+)?updated\b|\bpublished\b|\bposted\b", re.I)
READING_TIME = re.compile(r"^(?:[^\d:]{1,25}:\s*|(?:estimated\s+)?read(?:ing)?\s+time\s*|(?:tempo\s+de\s+)?(?:leitura|lectura|lettura)"
                          r"\s+(?:de\s+|di\s+)?|(?:temps\s+de\s+)?lecture\s+|leestijd\s+|lesezeit\s+|lästid\s+)?\d{1,3}\s*"
                          r"(?:min(?:ute)?s?|mins?|minuten|minutos|minuti|minut[aey]?|мин\w*)\b\.?"
                          r"(?:\s+(?:to\s+)?read(?:ing)?(?:\s+time)?|\s+de\s+lec?tura|\s+(?:di\s+)?lettura|\s+Lesezeit|\s+leestijd|"
                          r"\s+läsning|\s+czytania)?\s*$", re.I)
"""A reading time alone: '21 Minutes to Read', '10min read', 'Lesezeit: 4 Minuten', 'Reading time: 5 minutes', 'Leitura de 3
minutos', 'Temps de lecture : 4 minutes', 'Hören: 3 Min.'."""
AND = r"(?:(?i:and|und|et|og|och)|e|y|en)"
"""'and' between two writers' names, in the languages of BY_WORD ('e', 'y', 'en' in lower case: 'Maria E Silva' is one)."""
NAME_SPLIT = re.compile(rf"\s*,\s*(?:{AND}\s+)?|\s+{AND}\s+|\s*[&;]\s*")
MANY = re.compile(rf"\s(?:{AND}|&)\s|;")
"""Names listed, not a name and its place or outlet after a comma: 'A and B', 'A & B', 'A; B; C'."""
OTHER_ROLE = r"(?:(?:medically\s+)?reviewed|edited|fact[- ]?checked|illustrated|photographed|photos?|translated)"
"""What someone named under a label did when it was not the writing ('Reviewed' / 'by' / 'Jane Doe')."""
NOT_WRITTEN = re.compile(rf"(?:{OTHER_ROLE}|checked|photographs?|pictures?|images?|"
                         r"illustrations?|video|produced|revisado|editado|fotos?|"
                         r"geprüft|redigiert|bearbeitet|relu|révisé|corrigé|rivisto|foto)\s*$", re.I)
"""What a name under 'by' did when it was not the writing: 'Reviewed by', 'Edited by', 'Photos by'."""
DESK_WORDS = r"redaktion|redactie|r[ée]daction|redazione|redacci[oó]n|reda[cç][aã]o|newsroom|staff"
"""The words of a newsroom's desk that stand alone as a byline ('Von Redaktion', 'door Redactie')."""
DESK = re.compile(rf"^(?:(?:the\s+)?[A-ZÀ-ÖØ-Þ0-9][\w&.'’-]*(?:\s+[\w&.'’-]+){{0,3}}\s+(?:team|desk|newsdesk|editors|"
                  rf"{DESK_WORDS})|{DESK_WORDS}|staff\s+reports?)$", re.I)
"""A byline that names a desk, not a person: 'News Desk', 'The Harbour editors', 'Acme Editorial Team', 'Staff
Reports', or the desk's word alone."""
ACCOUNTS = frozenset({"admin", "administrator", "webmaster", "wpadmin", "root", "superuser", "super user", "site admin",
                      "blog admin"})
"""A content system's default accounts, which post a page for whoever wrote it: no one's name."""
GENRE = re.compile(rf"^(?:{GENRE_WORD})$", re.I)
"""A piece's kind printed before its writer's name on the byline: 'Analyse Jakob Pernthaler'."""
GENRE_LABEL = re.compile(rf"^(?:{GENRE_WORD})\s*:\s*", re.I)
"""The piece's kind as a label before the name: 'Interview: Jane Doe'."""
ARTICLES = frozenset("the a an das der die den dem ein eine unser unsere weitere mehr alle les het el il lo los las "
                     "our my your notre nos votre mes nuestro nuestra nuestros nuestras mein meine ons onze".split())
"""Articles and such a heading opens with ('Das Wichtigste', 'The Big Read', 'Weitere Meldungen', 'Our Integrity
Network', 'Meine Rezepte'), which a name does not."""
HANDLE = re.compile(r"(?=[a-z0-9_.-]*[a-z])[a-z0-9][a-z0-9_.-]*[a-z0-9]")
"""A writer's account name in lower case ('birgit.h', 'gartenfreund_42'), alone on a byline."""
LEFT_BY_DATE = re.compile(r"(?:\s+(?:on|at|am|um|le|el|em|il|the|à|alle|às|a\s+las)|\s*[,–—»›-])+\s*$")
"""A preposition or a separator a date was taken from: 'By Jane Doe on [19 Dec 2025]', 'Beitrag von Jane Doe » [Di 18.
Feb 2025]' (a forum's post)."""
PARENTHESISED = re.compile(r"\s*\((?:[^()]|\([^()]{1,30}\)){1,40}\)")
BRACKETED_END = re.compile(PARENTHESISED.pattern + "$")
"""A note in brackets after a byline's names: 'Autor: Jane Doe (mit Material von dpa)'."""
CREDENTIAL = re.compile(r"^(?:Ph\.?\s?D\.?|M\.?D\.?|[A-Z][A-Z.®-]{1,7}(?:\s\d+)?)$")
"""'MD', 'Ph.D', 'CEPF®', 'DABOM': letters after a name, not a co-author."""


def impersonal(names: list[str]) -> bool:
    """Every name a byline gives is an account's or an office's, not a person's: a handle in lower case
    ('ov-lindenau'), a content system's default account ('Webmaster'), a desk ('Redaktion'), a news agency ('TT'), a
    post (OFFICE: 'Pressewart') or two words or more with no given name among them ('Stadtmarketing Rosenau'); a
    person a credit in or under the story names is the writer."""
    return bool(names) and all(HANDLE.fullmatch(n) or n.lower() in ACCOUNTS or DESK.match(n) or is_agency(n)
                               or OFFICE.fullmatch(n) or len(n.split()) >= 2 and not any(map(given_name, n.split()))
                               for n in names)


OFFICE = re.compile(r"\w*(?:wart|führer|leiter|vorstand|vorsitzende|sprecher|beauftragte)(?:in|r)?", re.I)
"""A club's or an office's post, one word, signing for whoever holds it ('Von Pressewart', 'Schriftführerin',
'Jugendleiter', 'Pressesprecher'): no one's name."""


NEXT_LABEL = re.compile(r"\s+[^\s:]+:(?=\s|$)")
"""Another label after the names ('… Redakteur: Tobias Rensch', '… Fotos: …', '… Lesedauer: 5 min'): a name has no colon."""


def _left_by_date(text: str) -> str:
    """The text less what a date taken out of it left: 'By Jane Doe on', 'von birgit.h am Mo., -' (its prepositions
    and its weekday)."""
    while True:
        left = LEFT_BY_DATE.sub("", text)
        if left.split()[-1:] and left.split()[-1].lower().strip(".,") in CALENDAR_WORDS:
            left = left.rsplit(None, 1)[0]
        if left == text:
            return text
        text = left


def _opens_byline(before: str) -> bool:
    """Whether 'by' (or its kin) after `before` starts a byline: after a separator, a date, a label ('Written',
    'Photos' for NOT_WRITTEN to refuse) or a word that names a byline ('Posted on … by'), not inside a name."""
    before = before.rstrip()
    last = before.split()[-1].lower() if before.split() else ""
    return (not before or before[-1] in "|·•,–—-:/" or has_date(before) or bool(re.fullmatch(rf"{WROTE}|article", last, re.I))
            or bool(GENRE.match(re.sub(r"^gast", "", last)))   # 'Ein Gastbeitrag von', 'Ein Kommentar von', 'Analyse von'
            or bool(NOT_WRITTEN.search(before)) or last[-1:].isdigit() or last in ("on", "am", "le", "el", "em", "il"))
    # 'Posted on [date] by': the date read out before, its preposition left


def _person_part(parts: list[str], labelled: bool) -> str:
    """The part of an unlabelled byline's line that names the writer: the first, unless it names no person and a
    later part does ('12/19/2025 • Friday Philosophy • Jane Doe', its date taken out already: a section beside it)."""
    if labelled or is_person(parts[0].split()):
        return parts[0]
    return next((p for p in parts[1:] if 2 <= len(p.split()) <= 4 and is_person(p.split())), parts[0])


@lru_cache(maxsize=16384)
def byline_names(line: str) -> tuple[str, ...]:
    """The people a line the reader took for a byline names, each apart and as written: 'By A, B and C',
    'October 11, 2023 by Jane Doe', 'JANE DOE | 3 min read', 'Written by Dr Jane Doe, Senior Reporter'
    -> no 'By', no dates, no roles, no credentials, no outlet after a person."""
    if PHOTO_CREDIT.match(line) or photo_credit(line):
        return ()   # 'Eli Tran, Photo Editor', 'Fotos Tobias Reich'
    if listed := names_and_roles(line):
        return listed   # 'Maya Okonkwo, News Editor, Jordan Reyes, Staff Writer'
    line = GLUED_YEAR_BY.sub(" ", line)
    line = next((part for part in LABELLED_PARTS.split(line)[1:] if BY.match(unglued(part))), line)   # '… | Autor: Jane Doe | …'
    text = COMMENT_COUNT.sub("", without_dates(line.strip()))   # '… am 12. Januar 2026 3 Kommentare'
    dated = text != line.strip()
    if dated:
        text = _left_by_date(text)
    # 'ByJane Doe', 'Written byby Jane Doe': a widget glued the label on, or a label for screen readers doubled it
    text = re.sub(r"\b[Bb]y(?:\s?by)?(?=[A-Z][a-z])|\b[Bb]y\s?by\b", "By ", text)
    text = unglued(text)   # 'VonKathrin Adler', 'Beitrags-AutorVon …', 'Lena VogtFolgen' too
    m = BY_INSIDE.search(text)
    if m and m.start() > 0 and not _opens_byline(text[:m.start()]) and not re.match(WROTE, m.group(), re.I):
        m = None   # 'Hilma af Klint', 'Ursula von der Leyen': a particle of a name, not 'by' (but 'Geschrieben von')
    if m and NOT_WRITTEN.search(text[:m.start()]):
        return ()   # 'Reviewed by …', 'Photos by …': not who wrote it
    labelled = bool(m and (m.start() > 0 or BY.match(text)) or LABEL_AT_START.match(text))
    if m and (m.start() > 0 or BY.match(text)):
        text = text[m.end():]
    else:   # 'Autor: Jane Doe', 'Beitrags-Autor Von Jane Doe'
        text = re.sub(rf"^(?:{BY_WORD})\s+(?!(?:der|den|dem|de|la|le|van)\b)(?=\S)", "", LABEL_AT_START.sub("", text), flags=re.I)
    text = CLOCK_ON.sub("", READING_TIME_ON.sub("", text))   # 'von Nina Albrecht 3 Min. Lesezeit': the names end at a
    # reading time, or at a time of day ('Autor: Jan Nowak o 21:37', as a blog signs its posts)
    text = before_furniture(CLUTTER.sub(" ", DATE_LABEL.split(text)[0]))   # and at a label: 'By Jane Doe Last updated on: …'
    text = NEXT_LABEL.split(text)[0]   # and at another label: 'Henrike Albers Redakteur: Tobias Rensch', '… Lesedauer: 5 min'
    text = _person_part([part for between in SEPARATORS.split(text.strip(" |·•—–-:,/"))
                         for part in re.split(r"\s*[|·•]\s*", between)], labelled)   # 'Jane Doe•Updated …' too
    text = NAMES_END.split(with_writer(text))[0]   # 'Par Ana Roux avec Léo Blanc', not 'avec AFP'
    text = re.split(r"\s+on(?:\s+|$)", text)[0].strip(" .,;:|·•—–-")   # 'on' before a date taken out
    text = PARENTHESISED.sub("", text)   # 'Jane Doe (Reuters)', 'Jane Doe (@janedoe)': an outlet or a handle beside the name
    if not text:
        return ()
    text = GLUED_NAME_END.sub("", text)
    parts = [p.strip(" .;:*†") for p in NAME_SPLIT.split(text) if p.strip(" .;:*†")]   # 'Henrike Albers*': a footnote's mark
    joined = bool(MANY.search(text))
    names: list[str] = []
    desk = ""
    ended_in_role = False
    for k, part in enumerate(parts):
        part = shouted_name(part)
        words = part.split()
        after_role, ended_in_role = ended_in_role, bool(words) and (is_role(words) or without_roles(words) != words)
        if all(w.lower().strip(".,") in CALENDAR_WORDS for w in words) or part.lower() in ACCOUNTS:
            continue   # 'maandag 10-03-2025 · Redactie': the date's weekday; 'by admin': an account; no names
        if DESK.match(part):
            desk = desk or part   # 'By News Desk': the author only when the byline names no person
            continue
        if CREDENTIAL.match(part) and names:
            continue   # 'Jane Doe, MD'
        if is_role(words) or after_role and not is_person(words) or _job_first(words) and not is_person(words[1:]):
            continue   # 'Shipping correspondent', a byline's second line: a role alone names nobody, nor a job
            # ('Redaktorin Regionalmagazin Aargau'), nor the second of two roles ('Jane Doe, Digital Editor and Master
            # Gardener')
        words = without_roles(words)
        if is_role(words) or all(w.lower() in ROLE_MODIFIERS for w in words):
            continue   # 'Business Reporter', or 'Business' left of it: a desk, not a person
        if not 1 <= len(words) <= 6 or any(c.isdigit() for c in part) and not (len(words) == 1 and HANDLE.fullmatch(part)):
            continue   # (but 'gartenfreund42', an account's name)
        if len(words) == 1 and len(parts) > 1 and not (joined and given_name(words[0])) or (
                len(words) == 1 and k > 0 and len(parts[k - 1].split()) >= 2):
            continue   # 'Petra & Sabine', not 'Bauen & Verkehr' (a section beside the date: German capitalises nouns),
            # nor the place after a writer's full name ('Von Jana Berg, Brüssel, und Jonas Reimer, Berlin')
        if k > 0 and not joined and (not is_person(words) or len(parts) == 2 and not is_person(parts[0].split())):
            continue   # 'By Rohit Sharma, New Delhi(, India)': a place or outlet after the comma, not a co-author
        if k == 0 and len(words) >= 3 and GENRE.match(words[0].rstrip(":")) and is_person(words[1:]):
            words = words[1:]   # 'Analyse Jakob Pernthaler', 'Interview: Jane Doe': the piece's kind, then its writer
        if k == 0 and words and words[0].lower() in ARTICLES and words[0][:1].isupper() and not is_agency(part):
            continue   # 'Das Wichtigste (in Kürze)', 'The Big Read': a heading, no name
        if names and (OUTLET_WORD.search(part) or AGENCY.match(re.sub(r"^the\s+", "", part, flags=re.I))):
            continue   # 'By Rohit Sharma, Hindustan Times', 'By Jane Doe and Omar Haddad, Reuters': the outlet
        if len(words) == 1 and BUTTON.fullmatch(words[0]):
            continue   # 'Autorin folgen': the follow button beside the label
        if not all(NAME_WORD.match(w) or (len(words) == 1 and (w.isalnum() or HANDLE.fullmatch(w))) for w in words):
            continue
        name = " ".join(words)
        if (m := FIRST_DOT_LAST.fullmatch(name)) and given_name(m[1]):
            name = f"{m[1].capitalize()} {m[2].capitalize()}"   # 'carina.walz': an account named after its person
        bare = re.sub(r"^the\s+", "", name, flags=re.I)
        if AGENCY.match(bare):   # 'The Associated Press' as agencies are credited: 'Associated Press'
            name = bare
        names.append(normalize_name(name) if name.isupper() and not (AGENCY.match(name) and len(name) <= 5) else name)   # 'EFE', not 'Efe'
    if dated and not labelled and names and all(len(n.split()) == 1 and not given_name(n) and not AGENCY.match(n)
                                                for n in names):
        return ()   # 'Madrid - 08 oct 2024 - 06:00': the dateline's place, no writer
    return tuple(_shared_surname(names) if joined else names) or ((desk,) if desk else ())


FIRST_DOT_LAST = re.compile(r"([a-zß-ÿ]{2,})[._]([a-zß-ÿ]{2,})")
"""An account named first.last or first_last, as a CMS makes them ('carina.walz'): the person, when the first is a
given name."""


AUTHOR_LABEL = re.compile(rf"^(?:about\s+(?:the\s+)?)?(?:authors?|writers?|(?:(?:article|post|story)\s+)?written\s+by|autor(?:es|{GENDERED})?|auteur|autore|"
                          rf"(?:author|autor(?:{GENDERED})?)\s+(?:of\s+th(?:is|e)|dieses|des)\s+"
                          r"(?:article|story|post|artikels|beitrags|textes)|"
                          rf"über\s+(?:den|die)\s+autor(?:{GENDERED})?|à\s+propos\s+de\s+l['’]auteure?|sobre\s+el\s+autor|over\s+de\s+(?:auteur|schrijver)|"
                          rf"sull['’]autore|l['’]autore|l['’]auteur)\s*:?"
                          r"(?:\s+(?P<initials>(?-i:[A-ZÀ-ÖØ-Þ]{1,3}))|"
                          r"\s+(?P<name>(?-i:[A-ZÀ-ÖØ-Þ])[^\s,]*(?:\s+[^\s,]+){1,3}?)"
                          r"(?:\s*(?:,|\s[|·•–—-])\s.{0,80})?)?$", re.I)
"""A label alone on its line over the writers' names: 'Author', 'About the authors', 'Article written by:', 'Über den
Autor' (not 'By' alone: a teaser's byline broken in two); with the first name and its roles joined on ('Article
written by: Jane Doe, MD, FACP', 'Author: Jane Doe | Data Editor'); with the first avatar's letters when the reader
joined them on ('AUTHOR CP'), or the first name ('Autor:innen Jane Doe' over 'John Roe')."""
INITIALS = re.compile(r"^[A-ZÀ-ÖØ-Þ]{1,3}$")
"""An avatar's letters on a line of their own ('CP' over 'Chengcheng Pei')."""
LABELLED_LINES = 6


SHORTHAND = re.compile(r"^[a-zäöüß]{2,4}\s+[–—-]\s+(?=[A-ZÀ-ÖØ-Þ])")
"""A writer's shorthand before the name, as a paper signs its stories with it ('hkr – Jane Doe, Lokalredaktion')."""


def labelled_authors(texts: list[str]) -> tuple[str, ...]:
    """The people an author block names under its label ('Author' / 'JD' / 'Jane Doe' / 'Staff Writer, Harbour
    Daily' / 'Sam Okoro' / …): in the LABELLED_LINES lines after the first AUTHOR_LABEL line, every line that is a
    person's name (is_person), alone or before a role ('Jane Doe, Staff Writer'); avatar initials and short lines
    between are passed over, a paragraph ends the block; blank lines do not count. () when no label is followed by
    a name."""
    texts = [t for t in texts if t.strip()]
    for i, label in enumerate(texts):
        if not (found := AUTHOR_LABEL.match(label.strip())):
            continue
        if found["name"] and not is_person(found["name"].split()):
            continue
        names: list[str] = [normalize_name(found["name"])] if found["name"] else []
        initials = found["initials"] or ""
        for line in texts[i + 1:i + 1 + LABELLED_LINES]:
            line = line.strip()
            if len(line.split()) > 12 and not names:   # a bio under the label opens with the name: 'Jane Doe writes …'
                words = line.split()
                k = next((k for k in (3, 2) if is_person(words[:k]) and words[k][:1].islower()), 0)
                names += [normalize_name(" ".join(words[:k]))] if k else []
            if len(line.split()) > 12 or NOT_WRITTEN.search(re.sub(r"(?i)\s+by\s*:?$|:$", "", line)):
                break   # a paragraph (a bio, the next story), or 'Reviewed by', 'Fact checked by': someone else's
            head = re.split(r"\s*(?:,|\s[|·•–—-])\s*", SHORTHAND.sub("", line))[0]
            words = head.split()
            if INITIALS.match(line):
                initials = line
            elif is_person(words) or (len(words) in (2, 3) and initials == "".join(w[0] for w in words)
                                      and all(NAME_WORD.match(w) for w in words)):   # 'CP' over 'Chengcheng Pei'
                names.append(normalize_name(head))
        if names:
            return tuple(dict.fromkeys(names))[:8]
    return ()


VALEDICTION = re.compile(r"(?:^|[\s,.!])(?:grü(?:ß|ss)e|gruß|eure?|euer|deine?|cheers|love|xoxo|warmly|bises|bisous|"
                         r"amicalement|à bientôt|abbracci|abbraccio|a presto|groetjes|liefs|saludos|abrazos)(?=[\s,.!]|$)",
                         re.I)
"""The words of a blog post's closing greeting, in the languages of BY_WORD: 'Liebe Grüße', 'eure', 'Cheers', 'Bises'."""


SIGN_OFF = re.compile(r"^(?:ihre?|yours(?:\s+(?:truly|sincerely))?|sincerely|(?:kind|best|warm)\s+regards|herzlichst|"
                      r"cordialement|atentamente|distinti\s+saluti|met\s+vriendelijke\s+groet)\s*[,.!]?$", re.I)
"""A letter's closing alone on its line over the writer's name ('Ihr' / 'Pfarrer Thomas Reindl', 'Yours,' / 'Jane
Doe'), in the languages of BY_WORD."""


def signed_off(paragraphs: list[str]) -> tuple[str, ...]:
    """The writer a post's closing greeting names ('Liebe Grüße, eure Sabine', 'Summende Grüße, euer Imker Bernd
    Kaiser', 'Cheers, Jane Doe', or a closing alone over the name: 'Ihr' / 'Pfarrer Thomas Reindl'): in the last
    ten paragraphs (or lines) given (a newsletter box may follow), a short one (12 words or fewer) with a greeting's
    word, ending in a person's name (is_person, or one given name). () when none."""
    texts = [text.strip() for text in paragraphs[-10:] if text.strip()]
    for i in reversed(range(len(texts))):
        text, under = texts[i], texts[i + 1] if i + 1 < len(texts) else ""
        alone = len(text.split()) <= 3 and bool(SIGN_OFF.match(text) or VALEDICTION.search(text)) and len(
            under.split()) <= 5
        name = (_greeted(text) if VALEDICTION.search(text) else "") or (_greeted(f"{text} {under}") if alone else "")
        if name:
            return (name,)
    return ()


def _greeted(text: str) -> str:
    """The person's name a closing greeting of 12 words or fewer ends in ('Liebe Grüße, eure Sabine'), or ''."""
    words = text.rstrip(".!").split()
    for k in (3, 2, 1) if 2 <= len(words) <= 12 else ():
        name = [w.strip(",") for w in words[-k:]]
        if len(words) > k and (is_person(name) if k > 1 else given_name(name[0]) and name[0][:1].isupper()) \
                and not any("," in w for w in words[-k:-1]):   # 'Grüße, Anna, Petra': two names, not 'Anna Petra'
            return " ".join(name)
    return ""


LISTED = re.compile(rf"\s*,\s*(?:(?:{AND}|&)\s+)?|\s+(?:{AND}|&)\s+")


@lru_cache(maxsize=16384)
def name_list(line: str, people: bool = True) -> tuple[str, ...]:
    """The people a line that only lists names names ('Ann Lee, Bo Lind and Carl Mews', 'Ann Lee & Bo Lind'): two to
    eight parts, each two to four capitalised name words; with `people`, most of them a person's name by its given
    name (is_person; both of two), without it (the caller knows the place: beside a date) any. () for anything else
    ('Paris, Lyon and Nice'). Cached: the header reader asks it of a line several times."""
    parts = [p.split() for p in LISTED.split(line.strip().rstrip("."))]
    if not 2 <= len(parts) <= 8 or not all(is_person(p) or 2 <= len(p) <= 4 and all(map(NAME_WORD.match, p)) and name_like(p)
                                           for p in parts):
        return ()
    if people and sum(is_person(p) for p in parts) < (2 if len(parts) == 2 else len(parts) // 2 + 1):
        return ()
    return tuple(normalize_name(" ".join(p)) for p in parts)


BOX_HEAD = re.compile(r"\s*(?:,|\|)\s*|\s+[–—-]\s+")
FIRST_PERSON = re.compile(r"^(?:hi,?\s+)?I(?:['’]m|['’]ve|\s+am|\s+have)\b", re.I)


def author_box(texts: list[str], headings: frozenset[str] | set[str] = frozenset()) -> tuple[str, ...]:
    """The writer a page's author box names, for a page whose header names nobody: a line opening with a
    person's name ('Jane Doe', 'Jane Doe, Staff Writer', 'Tim Green UK-based Technology Writer') and, on one of
    the two lines under it, a paragraph of 8 words or more about that person: opening with the name, or with
    its first word and a word in lower case ('Jane is a reporter…', 'Tim explores…'), or, under the name alone,
    in the first person ('I'm the founder of…'); a short line naming the person ('Who is Jane Doe?') or a role
    ('Senior writer') may stand between; not under 'Article reviewed by:'. `texts`: the lines to look in, under the
    story; `headings`: the story's own headings (a list of people opens each item with a name too), passed over.
    () when none."""
    texts = [t.strip() for t in texts if t.strip()]
    for i, line in enumerate(texts[:-1]):
        words = line.split()
        if not 2 <= len(words) <= 10 or len(line) > 90 or any(c.isdigit() for c in line) or line in headings or (
                i and NOT_WRITTEN.search(re.sub(r"(?i)\s+by\s*:?$|:$", "", texts[i - 1]))):
            continue   # a reviewer's box ('Article reviewed by:' over it)
        head = BOX_HEAD.split(line)[0].split()[:4]
        if len(head) < 2 or not name_like(head[:2]) or not all(NAME_WORD.match(w) for w in head[:2]):
            continue
        for bio in texts[i + 1:i + 3]:
            opening = [w.strip(",;:.") for w in bio.split()[:5]]
            if len(bio.split()) < 8:
                if " ".join(head[:2]) in bio or is_role(bio.split()):
                    continue   # 'Who is Jane Doe?', 'Senior writer'
                break
            k = next((k for k in (4, 3, 2) if len(head) >= k and opening[:k] == head[:k]), 0)
            alone = k == len(BOX_HEAD.split(line)[0].split())   # the name is all the line holds before a role
            if k and (is_person(head[:k]) or alone and parse_byline(" ".join(head[:k]), header=True, bare=True)):
                return (normalize_name(" ".join(head[:k])),)
            name = head[:3] if len(head) >= 3 and re.fullmatch(r"[A-Z]\.", head[1]) else head[:2]
            if not k and is_person(name) and (opening[0] == head[0] and opening[1][:1].islower()
                                              or FIRST_PERSON.match(bio) and len(words) <= 3 and bio is texts[i + 1]):
                return (normalize_name(" ".join(name)),)   # a given name first: not 'Necessary cookies keep …'
            break
    return ()


DATE_PARTS = re.compile(r"\s*[|·•]\s*|\s+[–—/]\s+")
GLUED_YEAR = re.compile(r"\b((?:19|20)\d\d)(?=[A-Z][a-z])")
"""'Dec 17, 2025Jane Doe': a date and a name in two elements with no space between."""
GLUED_DAY = re.compile(r"(?<=[^\W\d_]{3})(?=[0-3]?\d[.\s/-])")
"""'Sanne de Vries14 februari 2025': a name and the date after it in two elements with no space between."""


NAMES_LISTED = re.compile(rf"[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.-]*){{1,3}}\s*(?:,|&|\s{AND}\s)\s*[A-ZÀ-ÖØ-Þ]")
"""A line that opens with a name of two to four words and another after a comma or an 'and' (name_list may follow)."""


HANDLE_AND_NAME = re.compile(r"^\s*@?[\w.-]{2,30}\s+\((?P<name>[^()\d]{3,40})\)(?P<rest>.*)$")
"""An account's handle and, in brackets, the person's name: 'glowe (Gareth Lowe) …'."""


def names_beside_date(line: str) -> tuple[str, ...]:
    """The person a dateline names beside its date, parted by a bullet, a middle dot, a bar or a dash:
    'Jane Doe • Oct 20, 2025', 'Dec. 19, 2025 · Jane Doe on behalf of the team' -> ('Jane Doe',); people listed
    ('Ana Novak, Marko Kos | 5. junij 2025'), each a person's name (a given name first); a place
    before a comma ('London, 3 March 2025') names nobody; a year or a day glued to the name is parted from it; after an
    account's handle, the name in brackets ('glowe (Gareth Lowe) Committee Oct 2, 2025')."""
    posted = HANDLE_AND_NAME.match(line)   # a forum post's meta: 'glowe (Gareth Lowe) Committee Oct 2, 2025, 6:22pm'
    if posted and is_person(posted["name"].split()) and has_date(posted["rest"]):
        return (posted["name"],)
    line = GLUED_DAY.sub(" · ", GLUED_YEAR.sub(r"\1 · ", line))
    name, comma, rest = line.partition(",")   # 'Malte Grünwald, 16.03.2025 – 21:47 Uhr': a person's name (not a place)
    opens = rest.split()[0].strip(".,").lower() if rest.split() else ""   # the date right after the comma, no other name
    label = DATE_LABEL.search(rest)   # or after the paper, by its label: 'Jane Doe, Der Bote Publiziert: 14.03.2026'
    outlet = bool(label) and not any(map(str.isdigit, rest[:label.start()])) and len(rest[:label.start()].split()) <= 6
    if (comma and 2 <= len(name.split()) <= 4 and is_person(name.split()) and not any(map(str.isdigit, name))
            and has_date(rest) and (opens[:1].isdigit() or opens in CALENDAR_WORDS or outlet)):
        names = byline_names(name)
        return names if names == (name.strip(),) else ()
    parts = [p.strip() for p in DATE_PARTS.split(line) if p.strip() and not READING_TIME.match(p.strip())
             and not WORD_COUNT.match(p.strip())]   # 'Veröffentlicht
    found = []
    for k, part in enumerate(parts):   # am 2025-01-30 · 4 Min. Lesezeit · Jane Doe': the reading time between is no part
        if any(c.isdigit() for c in part):
            continue
        next_to = any(map(has_date, parts[k - 1:k] + parts[k + 1:k + 2]))
        if not (next_to or any(map(has_date, parts[max(0, k - 2):max(0, k - 1)] + parts[k + 2:k + 3]))):
            continue   # a date beside the part, or two parts from it
        names = byline_names(part)
        part = GENRE_LABEL.sub("", part)   # 'Mo., 14.12.2026 – Interview: Jane Doe': the piece's kind before the name
        if names and all(2 <= len(n.split()) <= 4 for n in names) and part.startswith(names[0]) and (
                len(names) == 1 or all(is_person(n.split()) for n in names)):   # 'Ana Novak, Marko Kos | 5. junij …'
            found.append((names, next_to))
    # beside the date, else two parts from it past a section ('12/19/2025 • Friday Philosophy • Jane Doe'); a
    # person's name first
    found = [f for f in found if f[1]] + [f for f in found if not f[1] and is_person(f[0][0].split())]
    if found:
        return next((names for names, _ in found if all(is_person(n.split()) for n in names)), found[0][0])
    words = line.split()   # 'Jane Doe July 13, 2025 — 7 minutes read': a name in Title Case right before the date, a
    # given name in it (not a label: 'Press Release February 19, 2025'; nor a place: 'Hoeksche Waard zo 15 mrt 2026')
    for n in range(2, min(4, len(words) - 1) + 1):
        name, rest = words[:n], " ".join(words[n:])
        if not all(TITLE_WORD.match(w) for w in name) or name[-1].lower() in CALENDAR_WORDS:
            break
        label = DATE_LABEL.match(rest)   # 'Jane Doe Veröffentlicht: 01.09.2026': the date's label between
        rest = rest[label.end():].lstrip(" :") if label else rest
        if (has_date(rest) and not rest.startswith(without_dates(rest)[:4] or "\0") and any(map(given_name, name))
                and byline_names(" ".join(name)) == (" ".join(name),) and not re.fullmatch(WROTE, " ".join(name), re.I)):
            return (" ".join(name),)
    if NAMES_LISTED.match(line):   # 'Sabine Kürten, Dirk Lenz 21.09.2026, 19:05 Uhr': people listed before the date
        bare = without_dates(line)
        names_end = len(os.path.commonprefix([line, bare]))   # where the first date begins
        if has_date(line[names_end:]) and len(re.findall(r"[^\W\d_]+", bare[names_end:])) <= 1 \
                and (listed := name_list(line[:names_end].strip(" ,|·•–—-"))):
            return listed
    by = BY_INSIDE.search(line)
    if by and by.start() and has_date(line[:by.start()]) and (labelled := byline_names(line)):
        return labelled   # '19. Januar 2025 von Flo'
    if has_date(line) and line[:1].isdigit():   # '11.07.2024 um 18:30 Chantal Scheuren', '2. Juli 2025, 12:04 Uhr, Name 87 Kommentare'
        after = re.sub(r"^(?:[\s,|·•–—-]|(?:um|at|à|alle|a\s+las|uhr|h)\b)+", "", without_dates(line), flags=re.I).split()
        name = list(itertools.takewhile(TITLE_WORD.match, after[:4]))
        if len(name) >= 2 and (len(after) == len(name) or after[len(name)][:1].isdigit() or after[len(name)] in "|·•–—-") \
                and is_person(name) and byline_names(" ".join(name)) == (" ".join(name),):
            return (" ".join(name),)
    return ()


WORD_COUNT = re.compile(r"^[\d.,]+\s*(?:words|wörter|mots|palabras|parole|palavras|woorden)$", re.I)
"""'698 Wörter' on a theme's meta line."""
TITLE_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zß-ÿ'’.]*(?:-[A-ZÀ-ÖØ-Þ]?[a-zß-ÿ'’.]*)*$")
"""A word of a name in Title Case, each part of a joined one too ('Jan-Philipp'): no comma after it (a place before a
date takes one: 'Lisbon, 3 March')."""
CALENDAR_WORDS = frozenset(w.lower().rstrip(".") for w in (*CALENDAR["months"], *CALENDAR["weekdays"]))


TITLES = frozenset("dr dr. prof prof. professor mr mr. mrs mrs. ms ms. sir dame rev rev. dott. dott ing. mag.".split())


def is_person(words: list[str]) -> bool:
    """'Ann Okafor', 'Dr Marna van der Merwe': two to four name words, after a title or opening with a given name
    in some locale; not 'New Delhi', 'Staff Writer'."""
    titled = bool(words) and words[0].lower() in TITLES
    words = words[1:] if titled else words
    return 2 <= len(words) <= 4 and (titled or given_name(words[0])) and all(NAME_WORD.match(w) for w in words)


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """data/given_names.txt: given names of 86 locales, in lower case (training/names_data.py writes it from Faker)."""
    with open(Path(__file__).parent / "data" / "given_names.txt", encoding="utf-8") as f:
        return frozenset(line.rstrip("\n") for line in f if not line.startswith("#"))


def given_name(word: str) -> bool:
    """Whether `word` is a given name in some locale ('Liz', 'Amit', 'Mira'; not 'Industry', 'Key'), any case, or
    given names joined by a hyphen ('Pierre-Alain', 'Mary-Kate')."""
    word, names = word.lower(), _given_names()
    return word in names or ("-" in word and all(part in names for part in word.split("-")))


def without_roles(words: list[str]) -> list[str]:
    """A name's words less a job title after it ('Jane Doe Senior Reporter', with its outlet: 'Jane Doe Reporter The
    Gazette'; a name keeps two words, a title before it not counted: 'Merle Hansen Redakteurin' is not 'Merle' and
    the role 'Hansen Redakteurin', nor 'Mag. Merle Hansen Redakteurin' 'Mag. Merle') and before it ('Chefredakteur
    Matthias Sondermann', when a person's name is left)."""
    titled = bool(words) and words[0].lower() in TITLES
    after = next((i for i in range((2 if len(words) >= 3 else 1) + titled, len(words))
                  if is_role(words[i:]) or role_and_outlet(words[i:])), None)
    words = words[:after] if after else words
    before = next((i for i in range(len(words) - 2, 0, -1) if is_role(words[:i])), None)
    return words[before:] if before and is_person(words[before:]) else words


def role_and_outlet(words: list[str]) -> bool:
    """A job title and the outlet after it, under a writer's name: 'Redakteurin Bezirksbote Zwettl', 'Reporter The
    Harbour Gazette' (one to four capitalised words after the role, no person's name)."""
    return any(is_role(words[:j]) and 1 <= len(words) - j <= 4 and all(w[:1].isupper() for w in words[j:])
               and not is_person(words[j:]) and not any(ROLE_NOUN.match(w) for w in words[j:])
               for j in range(1, min(4, len(words))))


def is_role(words: list[str]) -> bool:
    """'Political editor', 'Africa correspondent', 'Senior Reporter'."""
    if not words or not ROLE_NOUN.match(words[-1]):
        return False
    modifiers = words[:-1]
    return all(w.lower() in ROLE_MODIFIERS or w.islower() or (i == len(modifiers) - 1 and w[:1].isupper())
               for i, w in enumerate(modifiers))


JOB_WORD = re.compile(r"(?:manager|lead|director|head|officer|founder|co-founder|president|vp|ceo|cto|cfo|coo|cmo|"
                      r"engineer|designer|developer|specialist|strategist|consultant|coordinator|advis[eo]r|partner|"
                      r"scientist|researcher|professor|owner|principal|attorney|lawyer|"
                      r"\w*(?:leiter|geschäftsführer|gründer|referent|sprecher)(?:in)?)\W?$", re.I)
"""A word that makes a short line a job title beyond the newsroom's (ROLE_NOUN): 'Head of Finance Operations',
'Product Marketing Manager', 'CEO & Founder', 'Leiterin Kommunikation'."""


def is_job_title(text: str) -> bool:
    """A short line that is someone's job ('Director of Customer Support', 'Staff Writer', 'Pressereferentin',
    'Redakteurin Politik', 'Journaliste au service Régions'): seven words or fewer, no digit, no sentence's end, a
    role (is_role), a word of JOB_WORD, or the role's noun before its desk (its words capitalised, or small words
    between: 'au service', 'für')."""
    words = text.split()
    return (0 < len(words) <= 7 and not any(c.isdigit() for c in text) and not text.endswith((".", "!", "?", ":"))
            and (is_role(words) or any(JOB_WORD.match(w) for w in words)
                 or len(words) <= 5 and bool(ROLE_NOUN.match(words[0])) and words[-1][:1].isupper()
                 and all(w[:1].isupper() or len(w) <= 7 and w.isalpha() for w in words)))


def is_role_or_place(text: str) -> bool:
    """What follows a name after a comma or bar: 'Senior Correspondent', 'Journaliste au service Régions', 'New
    Delhi', 'in Kyiv'."""
    words = text.removeprefix("in ").split()
    return is_role(words) or is_job_title(text) or (1 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
                                                   and not text.endswith("."))


def _looks_like_a_name_line(line: str) -> bool:
    """A bare line of two to four name words, e.g. 'SÉRGIO LIMA' or 'Priya Nair and Sam Okoro'."""
    return 2 <= len(line.split()) <= 9 and not any(ch in line for ch in ".!?:;\"“”") and not OUTLET_WORD.search(line)


def _names(text: str, strict: bool = False) -> list[str]:
    text = NAMES_END.split(with_writer(DATE_LABEL.split(text)[0]))[0]   # 'Par Ana Roux et Léo Blanc Publié le …'
    names: list[str] = []
    parts = NAME_SPLIT.split(text)
    if len(parts) > 1 and not MANY.search(text):
        # 'By Rohit Sharma, New Delhi': a place or outlet after the comma, not a co-author; but three or more
        # parts that each name a person ('By Ann Okafor, Bo Lindqvist, Carl Mews') are the writers, all of them
        parts = parts if len(parts) >= 3 and all(is_person(p.split()) for p in parts) else parts[:1]
    for k, part in enumerate(parts):
        part = shouted_name(part.strip(" .;:"))
        words = part.split()
        if not part:
            continue
        part = re.sub(r"^the\s+", "", part, flags=re.I) if AGENCY.match(re.sub(r"^the\s+", "", part, flags=re.I)) else part
        if AGENCY.match(part):
            names.append(part if len(part) <= 4 else normalize_name(part))
            continue
        if len(words) > 1 and OUTLET_WORD.search(part) and names:
            continue   # 'By Rohit Sharma, Hindustan Times': the outlet, not a co-author
        if len(words) == 1 and k > 0 and len(parts[k - 1].split()) >= 2:
            continue   # 'Von Jana Berg, Brüssel, und …': the place after a writer's full name
        words = without_roles(words)
        if not strict and len(words) == 1 and HANDLE.fullmatch(part) and part not in ACCOUNTS and text.strip(" .;:") == part:
            names.append(part)   # 'Von gartenfreund42': an account's name after the label
            continue
        if not 1 <= len(words) <= 5 or not all(NAME_WORD.match(w) for w in words) or any(c.isdigit() for c in part):
            if strict or k == 0:
                return []   # 'By using the site, you agree to our Privacy Policy': a sentence, not the writers
            continue
        if strict and len(words) < 2:
            return []
        names.append(normalize_name(" ".join(words)))
    return _shared_surname(names) if MANY.search(text) else names


def _shared_surname(names: list[str]) -> list[str]:
    """A given name alone before the last writer's full name shares that surname: 'Tina und Marc Albrecht' ->
    'Tina Albrecht', 'Marc Albrecht' (a couple or siblings signing together)."""
    last = names[-1].split() if names else []
    if len(names) < 2 or len(last) != 2 or not given_name(last[0]):
        return names
    return [f"{n} {last[1]}" if len(n.split()) == 1 and given_name(n) else n for n in names[:-1]] + names[-1:]


def _job_first(words: list[str]) -> bool:
    """A job title that opens with its noun ('Redaktorin Regionalmagazin Aargau', 'Head of Content'): no name."""
    return bool(words) and bool(ROLE_NOUN.match(words[0]) or JOB_WORD.match(words[0])) and is_job_title(" ".join(words))


def shouted_name(part: str) -> str:
    """A name in capitals with the outlet after it cut off: 'JANE DOE Associated Press' -> 'JANE DOE' (two
    words in capitals at least, not initials, then one that is not)."""
    words = part.split()
    shouted = [w.isupper() and len(w.strip(".")) > 1 for w in words]   # not initials: 'A. J. Neal'
    return " ".join(words[:shouted.index(False)]) if len(words) > 2 and all(shouted[:2]) and not all(shouted) else part


def normalize_name(name: str) -> str:
    """Turn shouted words into their usual case: 'SÉRGIO LIMA' -> 'Sérgio Lima'; 'O'NEIL' -> 'O'Neil'."""
    return " ".join(_word_case(w) if w.isupper() and len(w.strip(".")) > 1 and w not in {"II", "III", "IV"} else w
                    for w in name.split())


def _word_case(word: str) -> str:
    out = word.lower().title()            # handles hyphens and apostrophes: Jean-Paul, O'Neil
    return "Mc" + out[2:].capitalize() if re.match(r"^Mc[a-z]", out) else out


# ---- names in a page's author fields (saved pages: meta tags, JSON-LD, rel="author", the visible byline) ------

BY_PREFIX = re.compile(r"^(?:(?:written|posted|reported|words|geschrieben|verfasst|écrit|scritto|geschreven|escrito)\s+)?"
                       r"(?:by|von|par|por|door)(?:\s*:\s*|\s+|(?-i:(?=[A-Z][a-z])))(?=\S+\s+\S)|"
                       r"^(?:(?:geschrieben|verfasst|écrit|scritto|geschreven|escrito)\s+(?:von|par|da|door|por)|"
                       r"(?-i:von|par|por|door))\s+(?=\S)|^(?:(?:written|posted|reported|words)\s+)?by(?:\s*:\s*|\s+|(?-i:(?=[A-Z][a-z])))|"
                       rf"^(?:authors?|autor(?:es|a|{GENDERED})?|auteur)(?:\s*:\s*|\s+(?=(?-i:[A-Z])|\S+$))", re.I)
"""'By ', 'Written by: ', 'Von ' before a name of two words or more ('Von Miller' is a name), 'von ' in lower case
before any ('von Katrin'), and the label glued to the name ('ByJane Doe', 'VonKathrin Adler'), but not the start of
'Byron'."""
NAME_LIST = re.compile(r"\s*(?:;|&)\s*|\s+(?:and|und|et|y|e|i|и)\s+", re.I)
"""Where one name ends and the next begins: 'A; B', 'A & B', 'A and B', 'A und B', 'A e B' (not the 'e' of 'e.V.')."""
TEAM = re.compile(r"\b(?:team|staff|editors?|editorial|(?:news)?desk|newsroom|redaktion|redactie|redacci[oó]n|reda[cç][aã]o|redazione|"
                  r"r[ée]daction|equipe|équipe|contributors?|admin)\b|\.(?:com|org|net|io|co)\b|^the\s", re.I)


def before_role(name: str) -> str:
    """A name less the job title or date label an extractor ran into it, reading a byline box's lines as one:
    'Reto Brunner Redaktor Region Süd Publiziert' -> 'Reto Brunner', 'Jane Doe Senior Writer' -> 'Jane Doe'; cut
    after two words at least, at a person's role noun (with up to two of its modifiers before it; not a desk's:
    'The Currency editors' stays whole) or a date's label."""
    words = name.split()
    for i in range(2, len(words)):
        role = (words[i].lower() in ROLE_MODIFIERS or ROLE_NOUN.match(words[i])) \
            and any(ROLE_NOUN.match(w) and not TEAM.match(w) for w in words[i:i + 3])
        if role or DATE_LABEL.fullmatch(words[i]):
            return " ".join(words[:i])
    return name


def split_names(text: str) -> list[str]:
    """The names one author field gives: 'By Jane Doe and Sam Roe' -> both; 'ByJane Doe' -> 'Jane Doe'; what
    follows a bar or dash ('Jane Doe | The Courier', 'Jane Doe - Staff') is her outlet or role, not a name;
    after a comma, only another person's name counts ('Jane Doe, Ph.D.', 'Jane Doe, Senior Editor' are one)."""
    text = BY_PREFIX.sub("", " ".join(text.split()), count=1)
    text = PARENTHESISED.sub(lambda m: "" if AGENCY.match(m[0].strip(" ()")) else m[0], text)   # 'Jane Doe (KNA)': her agency
    head = before_role(SEPARATORS.split(text)[0].strip(" ,;:"))
    inverted = LAST_FIRST.match(head)
    if inverted and not CREDENTIAL.match(inverted["first"]):   # 'Roy, Aniruddha': a catalogue's order
        head = f"{inverted['first']} {inverted['last']}"
    names = []
    for i, chunk in enumerate(head.split(",")):
        if i and names and CREDENTIAL.match(chunk.strip()):
            names[-1] += f", {chunk.strip()}"   # 'Jane Doe, Ph.D.': printed with her name
            continue
        for part in NAME_LIST.split(chunk):
            part = shouted_name(part.strip(" .;:"))   # 'TOMÁS REYES Transworld Press': the outlet cut off
            if _a_name(part) and (i == 0 or _a_person(part)):
                names.append(normalize_name(part) if part.isupper() and len(part.split()) >= 2 else part)   # 'Anika Sorensen'
    return names if names else ([head] if _a_name(head, loose=True) else [])


def _a_person(part: str) -> bool:
    """Two to four capitalised name words that name no role: 'Sam Roe', not 'Senior Editor' or 'The Courier'."""
    words = part.split()
    return 2 <= len(words) <= 4 and all(NAME_WORD.match(w) for w in words) and words[0].lower() != "the" \
        and not any(ROLE_NOUN.match(w) or w.lower() in ROLE_MODIFIERS or w.lower() in ROLE_WORDS for w in words)


LAST_FIRST = re.compile(r"^(?P<last>[A-ZÀ-Ö][\w'’-]+),\s*(?P<first>[A-ZÀ-Ö][\w'’.-]*(?:\s+[A-ZÀ-Ö][\w'’.-]*)?)$")
CREDENTIAL = re.compile(r"^(?:[A-Z][A-Za-z]{0,3}\.){1,3}$|^[A-Z][A-Z0-9&-]{1,7}(?: \d{2,3})?®?$")
"""'Ph.D.', 'M.D.', 'MBA', 'CEPF®', 'E-RYT 200': letters after a name."""
ROLE_WORDS = set("director manager officer founder president ceo cto vp head lead marketing operations sales "
                 "writer author specialist consultant coordinator strategist expert analyst".split())


def is_outlet(name: str, outlets: list[str] = ()) -> bool:
    """'Reuters', 'ABC News', 'The Currency editors', 'Cleveland Clinic' when the site calls itself so: an
    organisation credited as a byline, not a person."""
    key = " ".join(re.findall(r"\w+", name.lower()))
    if any(key and key == " ".join(re.findall(r"\w+", o.lower())) for o in outlets):
        return True
    return is_agency(name) or bool(TEAM.search(name)) or (len(name.split()) > 1 and bool(OUTLET_WORD.search(name)))


def _a_name(part: str, loose: bool = False) -> bool:
    """One to five words with letters in each, no digits, no address; `loose` allows more words and digits (an
    organisation credited whole: '98 Buck Social')."""
    words = part.split()
    if not 1 <= len(words) <= (8 if loose else 5) or (any(c.isdigit() for c in part) and not loose) or "@" in part \
            or "://" in part:
        return False
    if len(words) == 1 and not loose and "." in part:   # 'Ph.D', 'Jr.'
        return False
    return all(any(ch.isalpha() for ch in w) for w in words)
