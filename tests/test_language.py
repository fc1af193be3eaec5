"""An article's language: detected from its text (offline, from the model inside the package), or declared."""

from __future__ import annotations

import pytest

from newsdigest.ingest.language import article_language, detect_language

SAMPLES = {   # one original sentence or two each, in the register of a news story
    "en": "The council opened a new public library in the town centre on Wednesday, with a reading room for children.",
    "de": "Die Stadt hat am Mittwoch eine neue Bibliothek eröffnet. Sie hat sieben Tage in der Woche geöffnet.",
    "fr": "La mairie a inauguré mercredi une nouvelle bibliothèque au centre-ville, ouverte sept jours sur sept.",
    "es": "El ayuntamiento inauguró el miércoles una nueva biblioteca en el centro, abierta todos los días.",
    "pt": "A prefeitura inaugurou na quarta-feira uma nova biblioteca no centro, aberta todos os dias da semana.",
    "it": "Il comune ha inaugurato mercoledì una nuova biblioteca in centro, aperta sette giorni su sette.",
    "ru": "В среду в центре города открылась новая библиотека, которая будет работать без выходных.",
    "ar": "افتتحت البلدية يوم الأربعاء مكتبة عامة جديدة في وسط المدينة تضم قاعة للأطفال.",
    "fa": "شهرداری روز چهارشنبه یک کتابخانه عمومی تازه در مرکز شهر افتتاح کرد که هر روز باز است.",
    "he": "העירייה פתחה ביום רביעי ספרייה ציבורית חדשה במרכז העיר, עם חדר קריאה לילדים.",
    "ur": "بلدیہ نے بدھ کے روز شہر کے مرکز میں ایک نئی عوامی لائبریری کھولی جو ہر روز کھلی رہے گی۔",
    "ja": "市は水曜日、中心部に新しい図書館を開館した。毎日開いている。",
    "zh": "市政府星期三在市中心开设了一座新的公共图书馆，每天开放。",
    "ko": "시는 수요일 도심에 새 공공 도서관을 열었으며 도서관은 매일 문을 연다.",
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_the_language_of_a_text_is_detected(lang):
    assert detect_language(SAMPLES[lang]) == lang


def test_markdown_and_addresses_do_not_count_as_words():
    text = ("## Neue Bibliothek\n\nDie Stadt hat eine neue Bibliothek eröffnet, sagt der "
            "[Bericht](https://example.org/the-report-in-english/about/the/new/library/opening/today).")
    assert detect_language(text) == "de"


def test_too_few_letters_say_nothing():
    assert detect_language("") == "" and detect_language("Q3: 4.5%") == "" and detect_language("## 2025") == ""


def test_a_declared_language_stands_unless_the_text_clearly_reads_as_another():
    assert article_language("de-DE", SAMPLES["de"]) == "de"           # agrees: its primary subtag
    assert article_language("pt_BR", "Ok") == "pt"                     # too short to doubt it
    assert article_language("de", SAMPLES["en"]) == "en"              # an English story on a page saying lang="de"
    assert article_language("", SAMPLES["ar"]) == "ar"
    assert article_language("not a language", SAMPLES["fr"]) == "fr"
    assert article_language("", "") == ""
