from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.numbers import normalize_width, parse_arabic, parse_chinese, parse_number, to_chinese


@pytest.mark.parametrize("text, value", [
    ("100", 100.0),
    ("18273.721787", 18273.721787),
    ("18,273.721787", 18273.721787),
    ("１２，３４５．６", 12345.6),
    ("-35.5", -35.5),
    ("+7.3", 7.3),
    ("24047", 24047.0),
    ("0.00", 0.0),
])
def test_arabic(text, value):
    assert parse_arabic(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "1,23", "12.", "abc", "1.2.3", "１２万"])
def test_arabic_rejects(text):
    assert parse_arabic(text) is None


@pytest.mark.parametrize("text, value", [
    ("一百二十万", 1_200_000),
    ("两千三百", 2300),
    ("十三万二", 132_000),
    ("一百二", 120),
    ("壹拾万零叁仟", 103_000),
    ("叁佰", 300),
    ("一亿二千万", 120_000_000),
    ("十", 10),
    ("一百零二", 102),
    ("三点五", 3.5),
    ("二〇二四", 2024),
    ("九十", 90),
    ("十万零三", 100_003),
])
def test_chinese(text, value):
    num = parse_chinese(text)
    assert num is not None and num.value == pytest.approx(value)


def test_chinese_range_is_approximate_lower_end():
    num = parse_chinese("五六百")
    assert num is not None
    assert (num.value, num.approx, num.low, num.high) == (500, True, 500, 600)


@pytest.mark.parametrize("text, value", [("1.2亿", 1.2e8), ("3万", 3e4), ("24047万", 2.4047e8), ("2.45亿", 2.45e8)])
def test_arabic_with_magnitude(text, value):
    num = parse_number(text)
    assert num is not None and num.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "元", "万", "百万", "abc", "一是", "第一", "点"])
def test_not_numbers(text):
    assert parse_number(text) is None


def test_normalize_width_keeps_length():
    s = "１２３，４５％"
    assert len(normalize_width(s)) == len(s)


@given(st.integers(min_value=0, max_value=10**12))
def test_integers_round_trip_chinese(n):
    assert parse_chinese(to_chinese(n)).value == n


@given(st.integers(min_value=0, max_value=10**12))
def test_integers_round_trip_daxie(n):
    assert parse_chinese(to_chinese(n, daxie=True)).value == n


@given(st.text(max_size=30))
def test_parse_number_never_raises(text):
    parse_number(text)
