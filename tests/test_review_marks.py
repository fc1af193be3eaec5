"""Review marks: a field the reader is unsure of is marked, a clear one is not, and `build.py review` lists the
least sure first (newsdigest/ingest/review.py, data/review.json). Pages written here."""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone

import pytest

from newsdigest.cli import main
from newsdigest.ingest.parse import Rules, parse_seed
from newsdigest.ingest.review import DOUBT_FEATURES, GUESSED, Doubt, default_doubts, doubts_from, marks
from newsdigest.ingest.score import DATA, Model, ParamsMismatch

SAVED = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)

CLEAR = """Home > World > Europe
Harbour pilots strike over night shifts at the northern port
Ships queued outside the breakwater as pilots refused to work after dark for a second night.
By Jane Doe and Tomas Lindgren
March 1, 2026
The harbour pilots' union said on Sunday that its members would not guide ships in or out of the northern port \
between ten at night and six in the morning until the port authority agreed to hire more pilots for the night rota.
About forty vessels were waiting at anchor outside the breakwater by Sunday evening, according to the port's own \
traffic board, among them two ferries that normally carry commuters across the bay before dawn.
The port authority said it had offered to review the rota in the spring and called the strike premature, while \
shipping agents warned that perishable cargo would spoil if the queue did not clear within days.
"""

TEASERS = """Latest
Library hours extended over the holidays
New bike lanes open on the harbour road
Council approves budget for the coming year
Ferry timetable changes for the winter
Most read
Schools reopen after the storm
Market traders protest over new stall fees
The council voted on Tuesday to approve a budget that raises spending on roads and parks by four percent, the \
first rise in three years, after a debate that ran late into the evening.
Councillors who opposed it said the money should have gone to the bus service, which lost two routes last year, \
and that the parks plan had not been put to residents before the vote.
The budget takes effect in April, when the new financial year begins, and will be reviewed again in the autumn.
"""


def test_a_clear_header_carries_no_mark():
    got = parse_seed(CLEAR, Rules(), SAVED)
    assert got.title == "Harbour pilots strike over night shifts at the northern port"
    assert got.authors == ["Jane Doe", "Tomas Lindgren"] and got.date.isoformat()[:10] == "2026-03-01"
    assert not {"title", "authors", "date"} & set(got.review), got.review


def test_a_headline_among_teasers_without_byline_or_date_is_marked():
    got = parse_seed(TEASERS, Rules(), SAVED)
    assert "title" in got.review, (got.title, got.doubts["title"])
    assert re.fullmatch(r"the headline may not be the article's \(\d+% sure\)", got.review["title"])
    assert got.review["date"] == GUESSED["file"]   # shows no date: always checked


def test_the_headline_is_less_sure_among_teasers_than_under_its_byline():
    doubt = default_doubts()["title"]
    clear = parse_seed(CLEAR, Rules(), SAVED).doubts["title"]
    teasers = parse_seed(TEASERS, Rules(), SAVED).doubts["title"]
    assert doubt.chance(teasers) > doubt.threshold >= doubt.chance(clear)


def _doubts(weights: dict[str, tuple[float, ...]], bias: float = 0.0, threshold: float = 0.5) -> dict[str, Doubt]:
    return {f: Doubt(Model(names, weights.get(f, (0.0,) * len(names)), bias), threshold)
            for f, names in DOUBT_FEATURES.items()}


def test_a_field_is_marked_only_over_its_threshold_and_says_how_sure():
    rows = {f: (0.0,) * len(names) for f, names in DOUBT_FEATURES.items()}
    rows["title"] = (1.0,) + (0.0,) * (len(DOUBT_FEATURES["title"]) - 1)
    title_weights = (2.0,) + (0.0,) * (len(DOUBT_FEATURES["title"]) - 1)   # chance 1/(1+e^-2) = 0.88 for the title
    got = marks(rows, _doubts({"title": title_weights}), "", signed=True)
    assert got == {"title": "the headline may not be the article's (12% sure)"}   # the others: chance 0.5, not over
    assert marks(rows, _doubts({"title": title_weights}, threshold=0.9), "", signed=True) == {}


def test_a_guessed_date_is_always_marked_whatever_the_model():
    rows = {f: (0.0,) * len(names) for f, names in DOUBT_FEATURES.items()}
    never = _doubts({}, bias=-30.0)
    assert marks(rows, never, "file", signed=True) == {"date": GUESSED["file"]}
    assert marks(rows, never, "relative", signed=True) == {"date": GUESSED["relative"]}
    assert marks(rows, _doubts({}, bias=5.0, threshold=0.5), "", signed=False)["authors"].startswith(
        "no author was read, but the page may name one (1% sure)")


def test_the_shipped_doubts_are_fitted_and_their_names_checked():
    data = json.loads((DATA / "review.json").read_text(encoding="utf-8"))
    assert "training.fit --review" in data["about"]
    for field, names in DOUBT_FEATURES.items():
        assert tuple(data[field]["features"]) == names
        assert 0 < data[field]["threshold"] < 1 and data[field]["wrong"] > 0
    renamed = json.loads(json.dumps(data))
    renamed["title"]["features"][0] = "certainty"
    with pytest.raises(ParamsMismatch, match=r"review.json: 'title' was fitted for other features \(missing \['sure'\], "
                                             r"unknown \['certainty'\]"):
        doubts_from(renamed)


def test_build_review_lists_the_least_sure_first(project, capsys):
    for name, reason in (("fairly-sure", "the headline may not be the article's (70% sure)"),
                         ("unsure", "the headline may not be the article's (20% sure)"),
                         ("no-figure", "the page shows no date: dated from the seed file's time")):
        (project / "content" / f"{name}.md").write_text(
            f"---\ntitle: {name.title()}\ndate: 2026-03-01T10:00:00+00:00\nreview: {{title: \"{reason}\"}}\n---\n\n"
            "The story.\n", encoding="utf-8")
    assert main(["--config", str(project / "config.yaml"), "review"]) == 0
    listed = [line.split(":", 1)[0] for line in capsys.readouterr().out.splitlines()[:-1]]
    assert listed == ["content/unsure.md", "content/no-figure.md", "content/fairly-sure.md"]


def test_the_headline_feature_of_words_the_story_shares():
    from newsdigest.ingest.review import shared_words
    story = ["Harbour pilots refused to guide ships at night.", "The strike left forty vessels waiting at anchor."]
    assert shared_words("Harbour pilots strike over night shifts", story) == 4 / 6   # all but 'over' and 'shifts'
    assert shared_words("Start your free trial today", story) == 0.0                 # a call to action shares nothing
    assert shared_words("港口引航员罢工", ["引航员周日说港口的夜班罢工将继续。"]) == 1.0   # no spaces: its letters
    assert shared_words("Harbour pilots strike", []) == 0.0
    assert parse_seed(CLEAR, Rules(), SAVED).doubts["title"][DOUBT_FEATURES["title"].index("shared")] > 0.5
