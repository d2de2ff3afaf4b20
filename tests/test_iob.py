"""IOB2 decoding: transition scores, Viterbi over per-character log-probabilities, spans."""

from __future__ import annotations

import numpy
import pytest

from extract.tagger import iob

LABELS = ("B-INDICATOR", "B-PERCENT", "I-INDICATOR", "I-PERCENT", "O")
IDX = {t: i for i, t in enumerate(LABELS)}
O = IDX["O"]


def log_probs(rows: list[dict[str, float]]) -> numpy.ndarray:
    """A (len, n_tags) log-probability array; each row names its likely tags, the rest share what is left."""
    out = numpy.zeros((len(rows), len(LABELS)))
    for i, row in enumerate(rows):
        rest = (1.0 - sum(row.values())) / (len(LABELS) - len(row))
        for j, t in enumerate(LABELS):
            out[i, j] = row.get(t, rest)
    return numpy.log(out)


def tags_of(ids: numpy.ndarray) -> list[str]:
    return [LABELS[i] for i in ids.tolist()]


#: "资金到位率100%": an indicator followed straight away by a percent
SEQ = ["B-INDICATOR"] + ["I-INDICATOR"] * 4 + ["B-PERCENT"] + ["I-PERCENT"] * 3 + ["O", "O"]


@pytest.mark.parametrize("prev,tag,ok", [
    ("O", "B-PERCENT", True),
    ("O", "I-PERCENT", False),
    ("B-PERCENT", "I-PERCENT", True),
    ("I-PERCENT", "I-PERCENT", True),
    ("B-INDICATOR", "I-PERCENT", False),
    ("I-INDICATOR", "B-PERCENT", True),
    ("I-INDICATOR", "O", True),
])
def test_allowed_transitions(prev, tag, ok):
    assert iob.allowed(prev, tag) is ok


def test_transition_scores_forbid_and_favour_continuing():
    scores = iob.transition_scores([SEQ] * 5, LABELS)
    assert scores.shape == (len(LABELS), len(LABELS))
    assert scores[O, IDX["I-PERCENT"]] == iob.FORBIDDEN
    assert scores[IDX["B-INDICATOR"], IDX["I-PERCENT"]] == iob.FORBIDDEN
    # inside an indicator the next character is far more often still the indicator than on average
    assert scores[IDX["I-INDICATOR"], IDX["I-INDICATOR"]] > 0
    assert scores[IDX["I-INDICATOR"], IDX["I-INDICATOR"]] > scores[IDX["I-INDICATOR"], O]


def test_transition_scores_need_an_o_tag():
    with pytest.raises(ValueError, match="no 'O' tag"):
        iob.transition_scores([], ("B-X", "I-X"))


def test_decode_without_weight_is_the_best_valid_tag_per_character():
    lp = log_probs([{"B-PERCENT": 0.8}, {"I-PERCENT": 0.7}, {"O": 0.9}])
    out = iob.decode([lp], iob.transition_scores([], LABELS), O, weight=0.0)
    assert tags_of(out[0]) == ["B-PERCENT", "I-PERCENT", "O"]


def test_decode_never_starts_an_entity_with_i():
    """Argmax would say O, I-PERCENT: the decoder turns it into a valid sequence."""
    lp = log_probs([{"O": 0.9}, {"I-PERCENT": 0.5, "B-PERCENT": 0.4}, {"I-PERCENT": 0.8}])
    out = iob.decode([lp], iob.transition_scores([], LABELS), O, weight=0.0, o_threshold=0.99)
    assert tags_of(out[0]) == ["O", "B-PERCENT", "I-PERCENT"]


def test_transitions_keep_an_indicator_whole_across_one_unsure_character():
    rows = [{"B-INDICATOR": 0.9}] + [{"I-INDICATOR": 0.9}] * 3 + [{"O": 0.7, "I-INDICATOR": 0.25}] \
        + [{"I-INDICATOR": 0.5, "B-INDICATOR": 0.45}] + [{"I-INDICATOR": 0.9}] * 2 + [{"O": 0.999}]
    lp = log_probs(rows)
    trans = iob.transition_scores([SEQ] * 20, LABELS)
    alone = tags_of(iob.decode([lp], trans, O, weight=0.0)[0])
    assert iob.tag_spans(alone) == [("INDICATOR", 0, 4), ("INDICATOR", 5, 8)]  # cut in two at the unsure character
    whole = tags_of(iob.decode([lp], trans, O, weight=1.0)[0])
    assert iob.tag_spans(whole) == [("INDICATOR", 0, 8)]


def test_decode_many_texts_of_different_lengths_at_once():
    a = log_probs([{"B-PERCENT": 0.9}, {"I-PERCENT": 0.9}, {"O": 0.9999}, {"B-INDICATOR": 0.9}])
    b = log_probs([{"O": 0.9999}] * 6)
    c = numpy.zeros((0, len(LABELS)))
    trans = iob.transition_scores([SEQ], LABELS)
    out = iob.decode([a, b, c], trans, O, group=1)
    assert tags_of(out[0]) == ["B-PERCENT", "I-PERCENT", "O", "B-INDICATOR"]
    assert tags_of(out[1]) == ["O"] * 6
    assert len(out[2]) == 0
    assert [o.tolist() for o in iob.decode([a, b, c], trans, O, group=64)] == [o.tolist() for o in out]


def test_log_softmax_rows_are_log_probabilities():
    lp = iob.log_softmax(numpy.array([[1.0, 2.0, 3.0], [1000.0, 0.0, -1000.0]]))
    assert numpy.allclose(numpy.exp(lp).sum(axis=1), 1.0)
    assert lp[1].argmax() == 0 and numpy.isfinite(lp).all()


@pytest.mark.parametrize("tags,spans", [
    (SEQ, [("INDICATOR", 0, 5), ("PERCENT", 5, 9)]),
    (["O", "I-PERCENT", "I-PERCENT"], [("PERCENT", 1, 3)]),
    (["B-PERCENT", "B-PERCENT"], [("PERCENT", 0, 1), ("PERCENT", 1, 2)]),
    (["B-PERCENT", "I-INDICATOR"], [("PERCENT", 0, 1), ("INDICATOR", 1, 2)]),
    (["I-MONEY"], [("MONEY", 0, 1)]),
    (["B-PERCENT", "O", "I-PERCENT", "I-PERCENT"], [("PERCENT", 0, 1), ("PERCENT", 2, 4)]),
    ([], []),
    (["O", "O"], []),
])
def test_tag_spans(tags, spans):
    assert iob.tag_spans(tags) == spans


def test_id_spans_read_indices_like_tag_spans():
    ids = numpy.array([IDX[t] for t in SEQ])
    assert iob.id_spans(ids, LABELS) == iob.tag_spans(SEQ) == [("INDICATOR", 0, 5), ("PERCENT", 5, 9)]
