from __future__ import annotations

import pytest

from extract.document import Document, FundLine, Relation
from extract.document import char_tags
from extract.evaluate import evaluate, format_confusion

TEXT = "资金到位率100%，预算执行率99%，支出100万元。"


def gold() -> Document:
    d = Document("d", TEXT)
    a = d.add_entity("INDICATOR", 0, 5)
    b = d.add_entity("PERCENT", 5, 9, value=100.0, unit="%")
    c = d.add_entity("INDICATOR", 10, 15)
    e = d.add_entity("PERCENT", 15, 18, value=99.0, unit="%")
    f = d.add_entity("MONEY", 21, 27, yuan=1e6, approx=False, per=None)
    d.relations = [Relation(a.id, b.id, "actual"), Relation(c.id, e.id, "actual")]
    d.funds = [FundLine("支出", 19, 21, "万元", {"spent": f.id})]
    return d


def test_perfect_prediction_scores_one():
    rep = evaluate([gold()], {"d": gold()})
    assert all(rep.spans[label].f1 == 1.0 for label in ("INDICATOR", "PERCENT", "MONEY"))
    assert rep.slots["actual"].f1 == 1.0
    assert rep.values == {"PERCENT": (2, 2), "MONEY": (1, 1), "INDICATOR levels": (2, 2)}
    assert rep.seqeval["micro avg"]["f1-score"] == 1.0
    assert rep.funds["spent"].f1 == 1.0


def test_partial_prediction():
    p = Document("d", TEXT)
    a = p.add_entity("INDICATOR", 0, 5)
    b = p.add_entity("PERCENT", 5, 9, value=100.0, unit="%")
    p.add_entity("PERCENT", 15, 18, value=9.0, unit="%")   # right span, wrong value
    p.add_entity("MONEY", 22, 27, yuan=1e6, approx=False, per=None)  # boundary error
    p.add_entity("QUANTITY", 10, 12, value=1.0, unit=None)  # spurious
    p.relations = [Relation(a.id, b.id, "actual")]
    rep = evaluate([gold()], {"d": p})
    assert (rep.spans["INDICATOR"].tp, rep.spans["INDICATOR"].fn) == (1, 1)
    assert rep.spans["PERCENT"].f1 == 1.0
    assert (rep.spans["MONEY"].tp, rep.spans["MONEY"].fp, rep.spans["MONEY"].fn) == (0, 1, 1)
    assert rep.spans["QUANTITY"].fp == 1
    assert rep.values["PERCENT"] == (1, 2)
    assert rep.slots["actual"].precision == 1.0 and rep.slots["actual"].recall == 0.5
    assert rep.seqeval["MONEY"]["f1-score"] == 0.0
    assert rep.funds["spent"].fn == 1


def test_missing_prediction_counts_as_empty():
    rep = evaluate([gold()], {})
    assert rep.missing == ["d"]
    assert rep.spans["PERCENT"].recall == 0.0


def test_char_tags_are_iob2():
    tags = char_tags(gold())
    assert tags[:6] == ["B-INDICATOR"] + ["I-INDICATOR"] * 4 + ["B-PERCENT"]
    assert tags[9] == "O"


def test_values_compare_with_tolerance():
    g, p = gold(), gold()
    p.entities[4].attrs["yuan"] = 1_000_000.0000001
    assert evaluate([g], {"d": p}).values["MONEY"] == (1, 1)


@pytest.mark.parametrize("field, value", [("approx", True), ("per", "月")])
def test_value_accuracy_checks_every_field(field, value):
    g, p = gold(), gold()
    p.entities[4].attrs[field] = value
    assert evaluate([g], {"d": p}).values["MONEY"] == (0, 1)


def test_level_accuracy_of_matched_indicators():
    g, p = gold(), gold()
    g.entities[0].attrs.update(level1="产出指标", level2="数量指标")
    p.entities[0].attrs.update(level1="产出指标", level2="质量指标")
    assert evaluate([g], {"d": p}).values["INDICATOR levels"] == (1, 2)


def test_evaluate_by_groups_documents_and_adds_all():
    from extract.evaluate import evaluate_by, format_summary, summary_row

    other = Document("o", "预算执行率99%")
    o_ind = other.add_entity("INDICATOR", 0, 5)
    o_val = other.add_entity("PERCENT", 5, 8, value=99.0, unit="%")
    other.relations = [Relation(o_ind.id, o_val.id, "actual")]
    empty = Document("o", other.text)  # the prediction for "o" misses everything
    reports = evaluate_by([gold(), other], {"d": gold(), "o": empty}, {"d": "pipe-rows", "o": "prose"})
    assert list(reports) == ["pipe-rows", "prose", "all"]
    assert summary_row(reports["pipe-rows"])["PERCENT"] == 1.0
    assert summary_row(reports["prose"])["PERCENT"] == 0.0
    assert summary_row(reports["all"])["PERCENT"] == pytest.approx(0.8)
    assert summary_row(reports["prose"])["fund"] is None  # nothing to score is not a zero
    table = format_summary(reports)
    assert table.splitlines()[0].split()[:3] == ["group", "docs", "MONEY"]
    assert "prose" in table and table.splitlines()[-1].startswith("all")


def test_fund_line_names_compare_without_inner_spaces():
    g = gold()
    p = gold()
    p.funds[0].line = "支 出"  # a PDF break inside the label
    rep = evaluate([g], {"d": p})
    assert rep.funds["line"].f1 == 1.0 and rep.funds["spent"].f1 == 1.0


def test_overlapping_spans_match_one_to_one():
    """展专项转移支付预算 for 农业生产发展专项转移支付预算 is wrong exactly but right overlapping; one predicted span
    cannot match two gold names, and a span of another label never matches."""
    text = "农业生产发展专项转移支付预算100万元，办结率和满意率均为100%"
    gold = Document("o", text)
    gold.add_entity("INDICATOR", 0, 14)
    gold.add_entity("INDICATOR", 21, 24)   # 办结率
    gold.add_entity("INDICATOR", 25, 28)   # 满意率
    pred = Document("o", text)
    pred.add_entity("INDICATOR", 4, 14)    # head cut
    pred.add_entity("INDICATOR", 21, 28)   # two names as one
    pred.add_entity("MONEY", 14, 19)
    rep = evaluate([gold], {"o": pred})
    assert rep.spans["INDICATOR"].tp == 0
    ov = rep.overlap["INDICATOR"]
    assert (ov.tp, ov.fp, ov.fn) == (2, 0, 1)
    assert rep.as_dict()["overlapping_span"]["INDICATOR"]["f1"] == pytest.approx(0.8)


def test_confusion_says_what_each_gold_span_became():
    """Same span other label, overlapping span, nothing, and a prediction touching no gold span each count apart."""
    p = Document("d", TEXT)
    p.add_entity("INDICATOR", 0, 5)                      # exact, same label
    p.add_entity("QUANTITY", 5, 9, value=100.0, unit="%")  # exact span, other label
    p.add_entity("INDICATOR", 12, 18)                    # overlaps 预算执行率 (10-15) and 99% (15-18)
    p.add_entity("MONEY", 19, 21, yuan=1.0, approx=False, per=None)  # 支出: touches no gold span
    rep = evaluate([gold()], {"d": p})
    c = rep.confusion
    assert c[("INDICATOR", "INDICATOR", "exact")] == 1
    assert c[("PERCENT", "QUANTITY", "exact")] == 1
    assert c[("INDICATOR", "INDICATOR", "overlap")] == 1 and c[("PERCENT", "INDICATOR", "overlap")] == 1
    assert c[("MONEY", "-", "none")] == 1
    assert c[("-", "MONEY", "none")] == 1
    assert sum(n for (g, _, _), n in c.items() if g != "-") == len(gold().entities)
    table = format_confusion(c).splitlines()
    assert table[0].split()[-1] == "missed" and "~INDICATOR" in table[0]
    assert table[-1].split() == ["spurious", "1"]
    assert {"gold": "PERCENT", "predicted": "QUANTITY", "match": "exact", "count": 1} in rep.as_dict()["confusion"]
