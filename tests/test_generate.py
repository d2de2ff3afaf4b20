from __future__ import annotations

import re

import pytest

from extract.annotations import validate_document
from extract.evaluate import _values_equal
from extract.generate import SHAPES, generate
from extract.values import parse_value


@pytest.fixture(scope="module")
def docs():
    return generate(60, seed=7)


def test_reproducible():
    a, b = generate(3, seed=3), generate(3, seed=3)
    assert [d.text for d in a] == [d.text for d in b]
    assert [d.text for d in generate(3, seed=4)] != [d.text for d in a]


def test_generated_gold_is_valid(docs):
    for d in docs:
        assert validate_document(d, d.doc_id) == [], d.doc_id
        for e in d.entities:
            assert d.text[e.start:e.end] == e.text


def test_every_label_slot_and_fund_line_occurs(docs):
    labels = {e.label for d in docs for e in d.entities}
    slots = {r.slot for d in docs for r in d.relations}
    assert labels == {"MONEY", "PERCENT", "QUANTITY", "INDICATOR", "TARGET"}
    assert slots == {"target", "actual", "weight", "score"}
    assert sum(len(d.funds) for d in docs) >= 2 * len(docs)


def test_flattening_shapes_occur(docs):
    texts = "\n".join(d.text for d in docs)
    assert "\n\t三级指标\n\t" in texts                      # cell per line with tabs
    assert "||||" in texts                                   # pipe rows with padding
    assert re.search(r"一级指标 二级指标 三级指标", texts)   # whole table on one line
    assert "一级指标二级指标三级指标" in texts               # glued cells
    assert re.search(r"年度\n\t?指标值|年初\n\t?目标值", texts)  # header broken over lines
    assert re.search(r"[０-９]", texts)                       # full-width digits
    assert any(e.label == "INDICATOR" and " " in e.text for d in docs for e in d.entities)  # stray spaces
    assert any(re.fullmatch(r"[\d.]+ \D+", e.text) for d in docs for e in d.entities)
    assert len(SHAPES) == 7


def test_value_parser_reads_generated_values(docs):
    total = wrong = 0
    for d in docs:
        for e in d.entities:
            if e.label == "INDICATOR":
                continue
            total += 1
            wrong += not _values_equal(e.label, e.attrs, parse_value(e.text, e.label, e.attrs.get("unit_hint")))
    assert total > 1000 and wrong / total < 0.005


def test_the_every_shape_mix_adds_the_read_back_flattenings_and_the_forms_fund_tables():
    """``generated_mix = "every_shape"``: the performance table also in the read-back flattenings (a column per
    block after its head, names apart from values), fund tables also of other column sets; the gold stays valid,
    and the training mix is what it was."""
    every = generate(40, seed=7, mix="every_shape")
    for d in every:
        assert validate_document(d, d.doc_id) == [], d.doc_id
    texts = "\n".join(d.text for d in every)
    training = "\n".join(d.text for d in generate(40, seed=7))
    heads = re.compile(r"一级指标\n(?:产出|效益|满意度)指标")  # a column after its head (headed_columns)
    forms = re.compile(r"调整后预算数|实际支出数|到位数|预算安排")  # fund heads of the other column sets
    assert heads.search(texts) and forms.search(texts)
    assert not heads.search(training) and not forms.search(training)
    assert [d.text for d in generate(5, seed=7)] == [d.text for d in generate(5, seed=7, mix="training")]


def test_an_unknown_mix_is_refused():
    with pytest.raises(ValueError, match="unknown generated mix"):
        generate(1, mix="everything")
