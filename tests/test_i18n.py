"""The site in its readers' language and each article in its own: catalogs, CLDR dates, lang and dir, feeds."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import feedparser
import pytest

from newsdigest.cli import main
from newsdigest.i18n import DOMAIN, LOCALES, direction, language_tag, load_language
from tests.conftest import REPO

MULTILINGUAL = Path(__file__).parent / "fixtures" / "multilingual"
SHIPPED = ("en", "es", "fr", "de", "pt", "it", "ru", "ar", "ja", "ko", "zh")
NOW = "2026-03-11T12:00:00+01:00"


def multilingual_site(root: Path, language: str, search: bool = False) -> Path:
    """A project holding the articles of tests/fixtures/multilingual (en, de, ar, fr, es, ru), with
    `language` as site.language; built. Returns the site folder."""
    shutil.copytree(REPO / "layouts", root / "layouts")
    (root / "content").mkdir(parents=True)
    for article in MULTILINGUAL.glob("*.md"):
        if article.name != "README.md":
            shutil.copy(article, root / "content")
    (root / "config.yaml").write_text(
        "site:\n  title: Test Digest\n  url: https://example.org/digest/\n  description: A digest for tests.\n"
        f"  language: {language}\n  timezone: Europe/Berlin\nsearch: {str(search).lower()}\n", encoding="utf-8")
    assert main(["--config", str(root / "config.yaml"), "--now", NOW, "--quiet"]) == 0
    return root / "site"


def text(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


# ---- the catalogs ------------------------------------------------------------------------------------------


def messages_in_the_code() -> set[str]:
    """What pybabel extracts from the layouts and the code, by newsdigest/locales/babel.cfg."""
    from babel.messages.extract import extract_from_dir

    found = extract_from_dir(str(REPO), method_map=[("newsdigest/**.py", "python"), ("layouts/**.html", "jinja2")])
    return {message if isinstance(message, str) else message[0] for _, _, message, _, _ in found}


def read(path: Path, **options):
    from babel.messages.pofile import read_po

    with path.open("rb") as f:
        return read_po(f, **options)


def test_the_template_holds_every_message_of_the_layouts_and_the_code():
    template = read(LOCALES / f"{DOMAIN}.pot")
    assert {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id} == messages_in_the_code(), (
        "run the pybabel extract and update commands in newsdigest/locales/babel.cfg, then translate")


@pytest.mark.parametrize("lang", SHIPPED)
def test_every_shipped_catalog_translates_every_message_with_the_languages_plural_forms(lang):
    from babel import Locale
    from babel.messages.catalog import Catalog

    template = read(LOCALES / f"{DOMAIN}.pot")
    catalog = read(LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po", locale=lang)
    assert catalog.num_plurals == Catalog(locale=Locale.parse(lang)).num_plurals     # CLDR's count: ar 6, ru 3, ja 1
    untranslated = [m.id for m in template if m.id and not (catalog.get(m.id) and all(
        catalog.get(m.id).string if isinstance(catalog.get(m.id).string, tuple) else [catalog.get(m.id).string]))]
    assert untranslated == []
    assert [problem for problem in catalog.check()] == []                             # placeholders as in English
    for message in catalog:
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.id and isinstance(message.id, tuple):
            assert len(forms) == catalog.num_plurals


@pytest.mark.parametrize("lang, archive, one, many", [
    ("de", "Archiv", "1 Artikel", "3 Artikel"), ("ru", "Архив", "1 материал", "5 материалов"),
    ("ar", "الأرشيف", "خبر واحد", "3 أخبار"), ("ja", "アーカイブ", "1件の記事", "3件の記事"),
    ("fr", "Archives", "1 article", "3 articles"), ("pt-BR", "Arquivo", "1 notícia", "3 notícias"),
])
def test_a_language_speaks_with_its_catalog_and_its_plural_rule(lang, archive, one, many):
    language = load_language(lang)
    assert language.gettext("Archive") == archive
    n = 5 if lang == "ru" else 3
    assert [language.ngettext("%(num)s story", "%(num)s stories", k) for k in (1, n)] == [one, many]
    assert language.ngettext("%(num)s story", "%(num)s stories", 22) != language.ngettext("%(num)s story", "%(num)s stories", 25) \
        if lang == "ru" else True     # 22 материала, 25 материалов


def test_a_language_newsdigest_does_not_ship_speaks_english_with_its_own_dates():
    language = load_language("nl")
    assert language.gettext("Archive") == "Archive" and language.catalogs == ()
    from datetime import date
    assert language.long_date(date(2026, 3, 10)) == "dinsdag 10 maart 2026"


def test_the_operators_catalog_adds_to_and_overrides_the_shipped_one(tmp_path):
    (tmp_path / "de.po").write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                                    'msgid "Archive"\nmsgstr "Ablage"\n', encoding="utf-8")
    language = load_language("de", tmp_path)
    assert language.gettext("Archive") == "Ablage"                  # overridden
    assert language.gettext("Related stories") == "Verwandte Artikel"  # the rest as shipped
    assert load_language("de").version != language.version           # pages made with other words are made again


def test_a_broken_catalog_is_an_error_naming_the_file(tmp_path, project, capsys):
    (project / "translations").mkdir()
    (project / "translations" / "en-GB.po").write_text('msgid "Archive"\nmsgtsr "Ablage"\n', encoding="utf-8")
    (project / "content" / "a.md").write_text("---\ntitle: A\ndate: 2026-03-10\n---\nText.\n", encoding="utf-8")
    assert main(["--config", str(project / "config.yaml"), "--quiet"]) == 1
    said = capsys.readouterr().err
    assert "translations/en-GB.po" in said and "not a valid translation catalog (.po file)" in said, said


def test_site_language_is_checked_against_cldr(project, capsys):
    config = project / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: en-GB", "language: klingon"), encoding="utf-8")
    assert main(["--config", str(config)]) == 2
    assert "'site.language' is not a language code that Unicode's CLDR knows" in capsys.readouterr().err


def test_tags_and_directions_come_from_cldr():
    assert [language_tag(t) for t in ("PT_br", "zh-hant-tw", "ckb", "english", "xx")] == ["pt-BR", "zh-Hant-TW", "ckb", "", ""]
    assert [direction(t) for t in ("ar", "he", "fa", "ur", "ckb", "uz-Arab", "en", "ru", "ja")] == ["rtl"] * 6 + ["ltr"] * 3


# ---- a German site and an Arabic one, with articles in six languages ---------------------------------------


@pytest.fixture(scope="module")
def german(tmp_path_factory) -> Path:
    return multilingual_site(tmp_path_factory.mktemp("de"), "de")


@pytest.fixture(scope="module")
def arabic(tmp_path_factory) -> Path:
    return multilingual_site(tmp_path_factory.mktemp("ar"), "ar")


ENGLISH_WORDS = ("min read", "Related stories", "Archive", "Search the digest", "Skip to content", "Newer", "Older",
                 "Tags", "Sections", "stories", "Page not found", "one post a day")


def test_every_page_of_a_german_site_is_in_german(german):
    for page in german.rglob("*.html"):
        shown = re.sub(r"<[^>]+>", " ", re.sub(r"<script.*?</script>", "", text(german, str(page.relative_to(german))), flags=re.S))
        shown = re.sub(r'lang="en".*?</article>', "", shown, flags=re.S)   # an English story's own words may say so
        english = [w for w in ENGLISH_WORDS if re.search(rf"\b{w}\b", shown)]
        assert english == [] or page.name == "index.html" and "night-trains" in str(page), (page, english)
    front = text(german, "index.html")
    assert '<html lang="de" dir="ltr">' in front
    assert "Dienstag, 10. März 2026" in front and "2 Artikel" in front and "1 Min. Lesezeit" in front
    article = text(german, "2026/03/10/neue-haeuser/index.html")
    assert "Von Jonas Keller und Lea Brandt" in article and "Dienstag, 10. März 2026, 09:15 MEZ" in article
    assert "Weitere Berichte zu diesem Thema" in article and 'data-pagefind-filter="Rubrik"' in article
    assert text(german, "archive/index.html").count("März 2026</h2>") == 1
    assert "<h1>Seite nicht gefunden</h1>" in text(german, "404.html")


def test_an_arabic_site_mirrors_and_an_english_story_in_it_reads_left_to_right(arabic):
    front = text(arabic, "index.html")
    assert '<html lang="ar" dir="rtl">' in front and "الثلاثاء، 10 مارس 2026" in front and "خبران" in front
    story = text(arabic, "2026/03/10/night-trains/index.html")
    assert '<article class="story" data-pagefind-body data-pagefind-sort="date:2026-03-10T07:30:00+01:00" lang="en" dir="ltr">' in story
    assert '<p class="meta" lang="ar" dir="rtl">' in story                       # the site's words about it stay Arabic
    assert "بقلم Mara Olsen" in story and "تغطية أخرى لهذه القصة" in story   # the other outlet's report
    # the English story's card on the front page carries its language too
    assert re.search(r'<article class="card[^"]*" lang="en" dir="ltr">\s*<h3 class="card-title"><a href="2026/03/10/night-trains/">', front)
    # the Arabic story in the Arabic site needs nothing: it is in the site's language and direction
    assert re.search(r'<article class="card[^"]*">\s*<h3 class="card-title"><a href="2026/03/09/maktaba/">', front)


def test_an_arabic_story_in_a_german_site_reads_right_to_left(german):
    story = text(german, "2026/03/09/maktaba/index.html")
    assert 'lang="ar" dir="rtl">' in story and '<p class="meta" lang="de" dir="ltr">' in story
    assert re.search(r'<article class="card[^"]*" lang="ar" dir="rtl">\s*<h3 class="card-title"><a href="2026/03/09/maktaba/">',
                     text(german, "index.html"))
    # a Russian story is left to right like the site: its language, no dir
    assert re.search(r'<article class="card[^"]*" lang="ru">', text(german, "index.html"))


def test_a_hand_written_arabic_story_without_lang_reads_right_to_left_in_an_english_site(project):
    """The shape of ../shared/cases/rtl-no-dir, with text of our own."""
    (project / "content" / "souq.md").write_text(
        "---\ntitle: إعادة افتتاح السوق القديم بعد الترميم\ndate: 2025-06-18T10:00:00+05:30\ncategory: World\n"
        "dek: عاد التجار إلى أكثر من مئة متجر.\n---\n\nأعادت البلدية يوم الأربعاء افتتاح السوق القديم بعد عام من أعمال الترميم.\n\n"
        "وقال أحد التجار إن الزبائن عادوا منذ الصباح الباكر.\n", encoding="utf-8")
    assert main(["--config", str(project / "config.yaml"), "--now", "2025-06-20T12:00:00+05:30", "--quiet"]) == 0
    story = text(project / "site", next((project / "site").glob("2025/06/18/*/index.html")).relative_to(project / "site").as_posix())
    assert re.search(r'<article class="story"[^>]* dir="rtl">', story) and 'lang="ar"' not in story   # no lang: the site's
    assert '<p class="meta" dir="ltr">' in story and '<p class="kicker" data-pagefind-ignore dir="ltr">' in story
    assert re.search(r'<article class="card[^"]*" dir="rtl">', text(project / "site", "index.html"))


def test_feeds_name_the_language_of_each_item_in_another(german):
    rss = feedparser.parse(text(german, "feed.xml"))
    assert rss.feed.language == "de"
    by_title = {e.title: e for e in rss.entries}
    assert by_title["افتتاح مكتبة عامة جديدة قرب الميناء"].get("language") == "ar"          # dc:language
    assert "language" not in by_title["Stadt baut neue Häuser am Flussufer"]
    atom = text(german, "atom.xml")
    assert 'xml:lang="de"' in atom and '<entry xml:lang="ar">' in atom
    items = {i["title"]: i for i in json.loads(text(german, "feed.json"))["items"]}
    assert items["Night trains return to the coast line after ten years"]["language"] == "en"
    assert "language" not in items["Stadt baut neue Häuser am Flussufer"]
    daily = feedparser.parse(text(german, "digest.xml"))
    assert daily.feed.title == "Test Digest: ein Beitrag pro Tag"
    assert daily.entries[0].title == "Dienstag, 10. März 2026: 2 Artikel"
    assert re.search(r"<pubDate>Tue, 10 Mar 2026 \d\d:\d\d:00 \+0100</pubDate>", text(german, "feed.xml"))   # RFC 822 stays


def test_editing_your_catalog_rebuilds_the_pages_that_show_its_words(project):
    (project / "content" / "a.md").write_text("---\ntitle: A\ndate: 2026-03-10\n---\nText.\n", encoding="utf-8")
    build = ["--config", str(project / "config.yaml"), "--now", NOW, "--quiet"]
    assert main(build) == 0 and ">Archive</a>" in text(project / "site", "index.html")
    (project / "translations").mkdir()
    (project / "translations" / "en-GB.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Archive"\nmsgstr "Back issues"\n',
        encoding="utf-8")
    assert main(build) == 0 and ">Back issues</a>" in text(project / "site", "index.html")   # not taken for a no-op
