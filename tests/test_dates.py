from datetime import date, datetime, timedelta, timezone

import pytest

from newsdigest.ingest.dates import find_stamps, is_relative, parse_dateline, without_dates


def at(y, mo, d, h, mi, offset_minutes):
    return datetime(y, mo, d, h, mi, tzinfo=timezone(timedelta(minutes=offset_minutes)))


@pytest.mark.parametrize("line, expected, updated", [
    ("June 18, 2025 / 11:10 IST", at(2025, 6, 18, 11, 10, 330), False),
    ("Updated 9:30 AM EDT, October 5, 2025", at(2025, 10, 5, 9, 30, -240), True),
    ("March 2, 2026 11:15 PM GMT+2", at(2026, 3, 2, 23, 15, 120), False),
    ("Mon 3 Nov 2025 18.45 GMT", at(2025, 11, 3, 18, 45, 0), False),
    ("Last Updated: August 9, 2025, 07:20 IST", at(2025, 8, 9, 7, 20, 330), True),
    ("Published 2 September 2025", date(2025, 9, 2), False),
    ("2026-03-01T08:00:00Z", at(2026, 3, 1, 8, 0, 0), False),
    ("Thu 18 Jun 2025 06.00 BST", at(2025, 6, 18, 6, 0, 60), False),
    ("Friday, April 3, 2026 - 14:05 CEST", at(2026, 4, 3, 14, 5, 120), False),
    ("Jan 18, 2025, 11:10 AM ET", at(2025, 1, 18, 11, 10, -300), False),      # ET follows daylight saving
    ("Jul 18, 2025, 11:10 AM ET", at(2025, 7, 18, 11, 10, -240), False),
    ("Posted: 14 March 2026 at 9am", at(2026, 3, 14, 9, 0, 0), False),         # no zone: the site's (UTC here)
    ("12 May 2025 10:00 UTC+05:45", at(2025, 5, 12, 10, 0, 345), False),
    ("Posted on 07-Oct-2024 16:20:05", at(2024, 10, 7, 16, 20, 0), False),                   # day-month-year joined
    ("Publicado 09-ago-2023", date(2023, 8, 9), False),                                      # by hyphens, any language
    ("Ultimo aggiornamento: 3 marzo 2026", date(2026, 3, 3), True),        # 'last updated' in other languages
    ("Dernière mise à jour : 3 mars 2026", date(2026, 3, 3), True),
    ("Última actualización: 3 de marzo de 2026", date(2026, 3, 3), True),
    ("Zuletzt aktualisiert am 3. März 2026", date(2026, 3, 3), True),
    ("Letzte Änderung: 11.03.2024", date(2024, 3, 11), True),              # a site's footer: its last change
    ("Mrz 5, 2024", date(2024, 3, 5), False),                              # the German abbreviation WordPress prints
])
def test_datelines(line, expected, updated):
    stamp = parse_dateline(line, "UTC")
    assert stamp is not None
    assert stamp.when == expected and type(stamp.when) is type(expected)
    assert stamp.updated is updated


def test_no_zone_takes_the_site_zone_with_its_daylight_saving():
    assert parse_dateline("18 June 2025 10:30", "Europe/London").when.utcoffset() == timedelta(hours=1)
    assert parse_dateline("18 January 2025 10:30", "Europe/London").when.utcoffset() == timedelta(0)


@pytest.mark.parametrize("line", [
    "NAIROBI, Kenya (AP) — Police said on June 3, 2025 that the road was closed",
    "TOKYO, Feb 3 (Reuters) - Japan's exports rose",
    "He said on June 18, 2025 that talks would resume.",
    "June 18, 2025 / 11:10 XYZT",          # an unknown zone word: not a dateline
    "February 30, 2025",                    # not a real day
    "Updated 2 hours ago",
])
def test_not_datelines(line):
    assert parse_dateline(line, "UTC") is None


def test_extra_zones_from_config():
    assert parse_dateline("June 18, 2025 11:10 NPTX", "UTC", {"NPTX": "+05:45"}).when == at(2025, 6, 18, 11, 10, 345)


@pytest.mark.parametrize("line", ["Updated 2 hours ago", "3 mins ago", "Published: 1 day ago", "Yesterday", "just now",
                                  "vor 3 Stunden", "Aktualisiert vor 5 Minuten", "il y a 2 jours", "hace 3 horas",
                                  "3 ore fa", "4 uur geleden", "há 2 dias"])
def test_relative_stamps_are_recognised(line):
    assert is_relative(line)   # the same '… ago' of the calendar's languages that relative_stamp reads


@pytest.mark.parametrize("line", ["Teil 3 von 5", "vor 3 Stunden sagte die Ministerin, der Plan sei gescheitert", "Seite 2"])
def test_a_line_that_is_more_than_a_relative_time_is_not_one(line):
    assert not is_relative(line)


@pytest.mark.parametrize("text, order", [
    ("Posted 11.24.2025 and 09.10.2024", "mdy"),
    ("Posted 24/11/2025 and 09/10/2024", "dmy"),
    ("Posted 09.10.2024", ""),
    ("Posted 24.11.2025, 11.24.2025", ""),
    ("Version 2.1.13.2025 of the app", ""),
])
def test_a_pages_numeric_dates_settle_their_order_only_when_one_cannot_be_read_the_other_way(text, order):
    from newsdigest.ingest.dates import numeric_order
    assert numeric_order(text) == order


@pytest.mark.parametrize("line, published, updated", [
    ("Veröffentlicht am 23. Juli 202422. Juli 2024 von Henrik Strauß", date(2024, 7, 22), date(2024, 7, 23)),
    ("Posted on March 12, 2024March 13, 2024 by Jane Doe", date(2024, 3, 12), date(2024, 3, 13)),
    ("13.03.202412.03.2024", date(2024, 3, 12), date(2024, 3, 13)),
])
def test_two_dates_copied_side_by_side_are_the_publication_and_the_later_update(line, published, updated):
    from newsdigest.ingest.dates import find_stamps
    stamps = find_stamps(line, "UTC")
    assert {(s.when, s.updated) for s in stamps} == {(published, False), (updated, True)}


def test_two_dates_apart_by_words_or_a_dash_are_both_dates_not_an_update():
    from newsdigest.ingest.dates import find_stamps
    for line in ("Am 12. März 2024 und am 14. März 2024", "12 March 2024 - 14 March 2024"):
        assert [s.updated for s in find_stamps(line, "UTC")] == [False, False]


@pytest.mark.parametrize("line", ["Uppdaterad 2026-10-08 10.21 · Publicerad 2026-10-08 06.00",
                                  "Opdateret 8. okt. 2026 kl. 10.21 · Publiceret 8. okt. 2026 kl. 06.00",
                                  "Oppdatert 08.10.2026 kl. 10.21 · Publisert 08.10.2026 kl. 06.00"])
def test_the_nordic_labels_tell_the_update_from_the_publication_and_the_clock_s_word_goes_with_the_time(line):
    stamps = [(s.when, s.updated) for s in find_stamps(line, "UTC", {}, 2026)]
    assert stamps == [(datetime(2026, 10, 8, 10, 21, tzinfo=timezone.utc), True),
                      (datetime(2026, 10, 8, 6, 0, tzinfo=timezone.utc), False)]
    assert "kl." not in without_dates(line)


def test_two_dates_side_by_side_parted_by_a_dot_are_the_update_and_the_publication_whichever_comes_first():
    """'3. März 2025 · 17. Februar 2025' (a theme printing the update first; the line reader parted the two glued
    dates with a dot): the later is the update."""
    stamps = find_stamps("3. März 2025 · 17. Februar 2025 von Jana Berg", "Europe/Berlin", {}, None, "")
    assert [(s.when, s.updated) for s in stamps] == [(date(2025, 3, 3), True), (date(2025, 2, 17), False)]
    stamps = find_stamps("March 12, 2025 | March 20, 2025", "UTC", {}, None, "")
    assert [(s.when, s.updated) for s in stamps] == [(date(2025, 3, 12), False), (date(2025, 3, 20), True)]
