from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.values import parse_value

MONEY = [
    ("100万元", 1_000_000.0, False, None),
    ("508万余元", 5_080_000.0, True, None),
    ("4.5万元", 45_000.0, False, None),
    ("550元", 550.0, False, None),
    ("550元/月", 550.0, False, "月"),
    ("180元/人、天", 180.0, False, "人·天"),   # two per-units apart by 、
    ("550元/月、补助", 550.0, False, "月"),
    ("一百二十万元", 1_200_000.0, False, None),
    ("壹拾万元", 100_000.0, False, None),
    ("2.45亿元", 245_000_000.0, False, None),
    ("3万余元", 30_000.0, True, None),
    ("1.2亿元", 120_000_000.0, False, None),
    ("11799.604354万元", 117_996_043.54, False, None),
    ("每人每年4.5万元", 45_000.0, False, "人·年"),
    ("人均260元", 260.0, False, "人"),
    ("260多万元", 2_600_000.0, True, None),
    ("3千元", 3000.0, False, None),
]


@pytest.mark.parametrize("text, yuan, approx, per", MONEY)
def test_money(text, yuan, approx, per):
    v = parse_value(text, "MONEY")
    assert v["yuan"] == pytest.approx(yuan)
    assert v["approx"] is approx
    assert v["per"] == per


@pytest.mark.parametrize("text, hint, yuan", [("89.974", "万元", 899_740.0), ("90", "万元", 900_000.0),
                                              ("18273.721787", "万元", 182_737_217.87), ("30", "元", 30.0)])
def test_bare_money_takes_caption_unit(text, hint, yuan):
    assert parse_value(text, "MONEY", unit_hint=hint)["yuan"] == pytest.approx(yuan)


def test_bare_money_without_caption_is_not_guessed():
    assert parse_value("89.974", "MONEY")["yuan"] is None


@pytest.mark.parametrize("text, value, unit", [
    ("100%", 100.0, "%"), ("35.5%", 35.5, "%"), ("99.97％", 99.97, "%"), ("百分之九十", 90.0, "%"),
    ("2个百分点", 2.0, "pp"), ("5‰", 0.5, "%"), ("100 %", 100.0, "%"),
])
def test_percent(text, value, unit):
    v = parse_value(text, "PERCENT")
    assert (v["value"], v["unit"]) == (pytest.approx(value), unit)


@pytest.mark.parametrize("text, value, unit", [
    ("99台", 99.0, "台"), ("1.8万余起", 18_000.0, "起"), ("97分", 97.0, "分"), ("4.76万人", 47_600.0, "人"),
    ("45人", 45.0, "人"), ("不少于12 种", 12.0, "种"), ("12.5万余人次", 125_000.0, "人次"), ("50", 50.0, None),
    ("215万头份", 2_150_000.0, "头份"), ("500万羽份", 5_000_000.0, "羽份"), ("12.8万个工日", 128_000.0, "个工日"),
])
def test_quantity(text, value, unit):
    v = parse_value(text, "QUANTITY")
    assert (v["value"], v["unit"]) == (pytest.approx(value), unit)


@pytest.mark.parametrize("text, comparator, value, unit, kind, yuan", [
    ("≥90%", ">=", 90.0, "%", "percent", None),
    ("≧90%", ">=", 90.0, "%", "percent", None),
    ("＞＝90%", ">=", 90.0, "%", "percent", None),  # full-width, doubled signs
    ("≥=90%", ">=", 90.0, "%", "percent", None),
    ("=>90%", ">=", 90.0, "%", "percent", None),
    ("＜＝5%", "<=", 5.0, "%", "percent", None),
    ("99台", None, 99.0, "台", "quantity", None),
    ("≤90万元", "<=", 90.0, "万元", "money", 900_000.0),
    ("1年", None, 1.0, "年", "quantity", None),
    ("效果明显", None, None, None, "qualitative", None),
    ("95%以上", ">=", 95.0, "%", "percent", None),
    (">=21933人", ">=", 21933.0, "人", "quantity", None),
    ("不低于95%", ">=", 95.0, "%", "percent", None),
    ("不超过100万元", "<=", 100.0, "万元", "money", 1_000_000.0),
    ("＜5%", "<", 5.0, "%", "percent", None),
    ("═100%", "=", 100.0, "%", "percent", None),
    ("≧ | 100 | %", ">=", 100.0, "%", "percent", None),
    ("2021年12月完成", None, None, None, "qualitative", None),
    ("≥100百分比", ">=", 100.0, "%", "percent", None),
    # 小于或等于 spelled out; （含） after a bare number is no unit (含 = inclusive)
    ("小于或等于45万元", "<=", 45.0, "万元", "money", 450_000.0),
    ("≥90（含）", ">=", 90.0, None, "quantity", None),
    # a date written with dots or dashes is a deadline, no number; a bare 2024.12 stays a number
    ("2024.12.31前", None, None, None, "qualitative", None),
    ("2023-06-30之前", None, None, None, "qualitative", None),
    ("2024.12", None, 2024.12, None, "quantity", None),
])
def test_target(text, comparator, value, unit, kind, yuan):
    v = parse_value(text, "TARGET")
    assert v["comparator"] == comparator
    assert v["value"] == (None if value is None else pytest.approx(value))
    assert (v["unit"], v["kind"]) == (unit, kind)
    assert v["yuan"] == (None if yuan is None else pytest.approx(yuan))


def test_target_range():
    v = parse_value("80%-100%", "TARGET")
    assert (v["comparator"], v["value"], v["high"], v["unit"]) == (">=", 80.0, 100.0, "%")


def test_target_unit_from_unit_column():
    v = parse_value("15", "TARGET", unit_hint="个")
    assert (v["value"], v["unit"], v["kind"]) == (15.0, "个", "quantity")


@given(st.text(max_size=40), st.sampled_from(["MONEY", "PERCENT", "QUANTITY", "TARGET"]))
def test_never_raises(text, label):
    fields = parse_value(text, label)
    assert isinstance(fields, dict)


@pytest.mark.parametrize("text, amount, yuan, unit", [
    ("其中：一般公共预算资金50.29万元。\n其中：中央补助 | 50.29 |", "50.29 |", 502900.0, "万元"),  # stated elsewhere
    ("下达资金1.2亿元。\n合计 | 1.2 |", "1.2 |", 1.2e8, "亿元"),
    ("评价金额3311.031861", "3311.031861", 33110318.61, "万元"),      # 元 are written to the 分: more is 万元
    ("评价金额946.1505", "946.1505", 9461505.0, "万元"),
    ("小计1545.85", "1545.85", None, None),                            # no unit anywhere: unknown, not guessed
    ("补助50万元，补助50元/人。\n合计 | 50 |", "50 |", None, None),       # two units stated: unknown
])
def test_an_amount_no_unit_reached_takes_the_documents_unit_for_its_number(text, amount, yuan, unit):
    from extract.document import Document
    from extract.values import fill_unitless_money

    doc = Document("d", text)
    for m in re.finditer(r"[0-9.]+(?:万元|亿元|元)?", text):
        doc.add_entity("MONEY", m.start(), m.end())
    for ent in doc.entities:
        ent.attrs.update(parse_value(ent.text, "MONEY"))
    fill_unitless_money(doc)
    bare = next(e for e in doc.entities if e.start == text.rindex(amount))
    assert bare.attrs["yuan"] == (pytest.approx(yuan) if yuan else None)
    assert bare.attrs.get("unit_hint") == unit
