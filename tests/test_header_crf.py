"""The header's sequence model: the forward-backward pass and Viterbi over a CRF's scores, and the fitted
numbers checked against the features the code computes."""

from __future__ import annotations

import json
import math

import pytest

from newsdigest.ingest.header import HEADER_FEATURES, LABELS, best_path, marginals
from newsdigest.ingest.score import CRF, DATA, ParamsMismatch, params_from


def tiny(transitions) -> CRF:
    return CRF(("a", "b"), ("x",), ((1.0,), (0.0,)), transitions)


def test_marginals_are_probabilities_and_follow_the_transitions():
    crf = tiny(((0.0, 0.0), (0.0, 0.0)))
    probs = marginals([[1.0, 0.0], [0.0, 0.0]], crf)
    for row in probs:
        assert abs(sum(row) - 1) < 1e-9
    assert abs(probs[0][0] - 1 / (1 + math.exp(-1))) < 1e-9   # no transition weight: each line by itself
    assert abs(probs[1][0] - 0.5) < 1e-9
    sticky = marginals([[1.0, 0.0], [0.0, 0.0]], tiny(((3.0, -3.0), (-3.0, 3.0))))
    assert sticky[1][0] > 0.7   # 'a' tends to follow 'a': the second line leans to the first's label


def test_viterbi_takes_the_best_path_not_the_best_label_of_each_line():
    crf = tiny(((0.0, -10.0), (0.0, 0.0)))   # 'a' is never followed by 'b'
    emit = [[1.0, 0.0], [0.0, 2.0]]
    assert best_path(emit, crf) == [1, 1]   # alone, line 0 would be 'a'; 'a' then 'b' scores -7, 'b','b' 2


def test_fitted_weights_for_other_features_are_refused_with_what_to_do():
    data = json.loads((DATA / "params.json").read_text(encoding="utf-8"))
    assert tuple(data["header"]["features"]) == HEADER_FEATURES and tuple(data["header"]["labels"]) == LABELS
    data["header"]["features"] = [f if f != "dateline" else "dateline_old" for f in data["header"]["features"]]
    with pytest.raises(ParamsMismatch, match=r"'header' was fitted for other features \(missing \['dateline'\], "
                                             r"unknown \['dateline_old'\].*refit with python3 -m training.fit"):
        params_from(data)


def test_the_headline_rankers_weights_are_checked_against_its_features():
    from newsdigest.ingest.header import HEADLINE_FEATURES
    data = json.loads((DATA / "params.json").read_text(encoding="utf-8"))
    assert tuple(data["headline"]["features"]) == HEADLINE_FEATURES
    data["headline"]["weights"] = data["headline"]["weights"][:-1]
    with pytest.raises(ParamsMismatch, match=r"'headline' has \d+ weights for \d+ features"):
        params_from(data)
    del data["headline"]["features"][-1]
    with pytest.raises(ParamsMismatch, match=r"'headline' was fitted for other features \(missing \['topic_two'\]"):
        params_from(data)
