import pytest

from newsdigest.ingest.bylines import normalize_name, parse_byline


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
    ("By Reuters", ["Reuters"]),
    ("SÉRGIO LIMA", ["Sérgio Lima"]),
    ("Written by: Maria O'NEIL", ["Maria O'Neil"]),
])
def test_bylines(line, names):
    assert parse_byline(line, header=True) == names


@pytest.mark.parametrize("line", [
    "By the time the rain came, the crops were dead.",
    "Kursk holds symbolic value for Pyongyang",
    "Oil Prices Slide",                    # a title-case line is not a name unless its place says so
    "Share this story",
])
def test_not_bylines(line):
    assert parse_byline(line, header=True) is None


def test_name_role_lines_only_count_in_the_header():
    assert parse_byline("Jane Doe Political editor", header=False) is None


@pytest.mark.parametrize("shouted, usual", [("SÉRGIO LIMA", "Sérgio Lima"), ("JEAN-PAUL O'NEIL", "Jean-Paul O'Neil"),
                                             ("MCDONALD", "McDonald"), ("Ana de la Cruz", "Ana de la Cruz")])
def test_normalize_name(shouted, usual):
    assert normalize_name(shouted) == usual
