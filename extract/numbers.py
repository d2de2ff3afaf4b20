"""Numerals: Arabic (full-width, thousands separators, signs), Chinese and 大写.

Owns turning the *number part* of a span into a float: ``18,273.721787`` → 18273.721787,
``一百二十万`` → 1200000, ``十三万二`` → 132000, ``壹拾万零叁仟`` → 103000, ``1.2亿`` →
120000000, ``五六百`` → 500 (approximate, range 500–600). Units of measure are not read
here (see :mod:`extract.values`). The numeral tables live in ``data/numerals.toml``.
Also writes integers back as Chinese or 大写 numerals (for round-trip tests and the
report generator).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Number:
    """A parsed number: its value, whether it is approximate, and its range if one was written."""

    value: float
    approx: bool = False
    low: float | None = None
    high: float | None = None


@lru_cache(maxsize=1)
def numeral_tables() -> dict[str, dict[str, object]]:
    """The numeral tables of ``data/numerals.toml``."""
    with resources.files("extract.data").joinpath("numerals.toml").open("rb") as fh:
        return tomllib.load(fh)


_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９．，－＋％：／（）",
    "0123456789.,-+%:/()",
)


def normalize_width(text: str) -> str:
    """Map full-width digits and number punctuation to ASCII (one character to one character)."""
    return text.translate(_FULLWIDTH)


_ARABIC = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$")


def parse_arabic(text: str) -> float | None:
    """Parse an Arabic number with optional sign, thousands separators and decimals."""
    s = normalize_width(text).strip().replace(" ", "")
    s = s.replace("−", "-")
    if not _ARABIC.match(s):
        return None
    return float(s.replace(",", ""))


def chinese_chars() -> str:
    """All characters that may occur in a Chinese numeral (for building patterns)."""
    t = numeral_tables()
    return "".join(list(t["digits"]) + list(t["small_units"]) + list(t["big_units"]) + list(t["points"]))


def parse_chinese(text: str) -> Number | None:
    """Parse a Chinese or 大写 numeral (``一百二十万``, ``壹拾万零叁仟``, ``十三万二``, ``五六百``)."""
    t = numeral_tables()
    digits: dict[str, int] = t["digits"]  # type: ignore[assignment]
    small: dict[str, int] = t["small_units"]  # type: ignore[assignment]
    big: dict[str, int] = t["big_units"]  # type: ignore[assignment]
    points: dict[str, str] = t["points"]  # type: ignore[assignment]
    s = text.strip()
    if not s or any(c not in digits and c not in small and c not in big and c not in points for c in s):
        return None
    if not any(c in digits for c in s) and s[0] not in ("十", "拾"):
        return None  # only unit characters (万, 百万): a word, not a number
    # decimal: 三点五, 一点二亿
    for p in points:
        if p in s:
            head, _, tail = s.partition(p)
            unit = 1
            while tail and tail[-1] in big:
                unit *= big[tail[-1]]
                tail = tail[:-1]
            if not tail or any(c not in digits for c in tail):
                return None
            whole = parse_chinese(head) if head else Number(0.0)
            if whole is None:
                return None
            frac = float("0." + "".join(str(digits[c]) for c in tail))
            return Number((whole.value + frac) * unit)
    # a range of two adjacent digits before a unit: 五六百, 三四十万
    m = re.match(r"^(.)(.)(.*)$", s)
    if m and m.group(1) in digits and m.group(2) in digits and m.group(3) and m.group(3)[0] in small:
        a, b, rest = digits[m.group(1)], digits[m.group(2)], m.group(3)
        if 0 < a and b == a + 1:
            lo, hi = parse_chinese(m.group(1) + rest), parse_chinese(m.group(2) + rest)
            if lo and hi:
                return Number(lo.value, approx=True, low=lo.value, high=hi.value)
    # a plain digit string: 二〇二四, 一二三
    if all(c in digits for c in s):
        if len(s) == 1:
            return Number(float(digits[s]))
        return Number(float("".join(str(digits[c]) for c in s)))
    total, section, num = 0, 0, 0
    last_unit = 1
    prev_zero = False
    for c in s:
        if c in digits:
            num = digits[c]
            prev_zero = num == 0
        elif c in small:
            u = small[c]
            section += (num if num or prev_zero else 1) * u if not (num == 0 and prev_zero) else u
            num, last_unit, prev_zero = 0, u, False
        else:
            u = big[c]
            section += num
            num = 0
            if u >= 100000000:
                total = (total + section) * u
            else:
                total += section * u
            section, last_unit, prev_zero = 0, u, False
    if num:
        # an abbreviated tail takes the next lower unit: 十三万二 → 132000, 一百二 → 120
        if last_unit >= 100 and s[-2] not in digits:
            num *= last_unit // 10
        section += num
    return Number(float(total + section))


_ARABIC_MAG = re.compile(r"^([+-]?[\d,]*\.?\d+)\s*([千百万亿萬億]+)$")


def parse_number(text: str) -> Number | None:
    """Parse the number part of a span: Arabic, Chinese, or Arabic with 千/万/亿 (``1.2亿``)."""
    s = normalize_width(text).strip()
    if not s:
        return None
    v = parse_arabic(s)
    if v is not None:
        return Number(v)
    m = _ARABIC_MAG.match(s)
    if m:
        base = parse_arabic(m.group(1))
        if base is None:
            return None
        t = numeral_tables()
        mult = 1
        for c in m.group(2):
            mult *= t["small_units"].get(c) or t["big_units"].get(c)  # type: ignore[union-attr, operator]
        return Number(base * mult)
    return parse_chinese(s)


_CN_DIGITS = "零一二三四五六七八九"
_DX_DIGITS = "零壹贰叁肆伍陆柒捌玖"


def _section(n: int, digits: str, units: tuple[str, str, str]) -> str:
    out, zero = "", False
    for value, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d = n // value % 10
        if d:
            if zero and out:
                out += digits[0]
            out += digits[d] + unit
            zero = False
        else:
            zero = True
    return out


def to_chinese(n: int, *, daxie: bool = False) -> str:
    """Write a non-negative integer as a Chinese (or 大写) numeral: 120000 → 十二万 / 壹拾贰万."""
    if n < 0:
        raise ValueError("to_chinese takes a non-negative integer")
    digits = _DX_DIGITS if daxie else _CN_DIGITS
    units = ("拾", "佰", "仟") if daxie else ("十", "百", "千")
    if n == 0:
        return digits[0]
    parts = []
    for big, name in ((100000000, "亿"), (10000, "万"), (1, "")):
        # the 亿 part may itself be ≥ 10000 (万亿): it is written recursively
        sec = n // big if big == 100000000 else n // big % 10000
        if sec:
            text = to_chinese(sec, daxie=daxie) if sec >= 10000 else _section(sec, digits, units)
            if parts and sec < 1000:
                text = digits[0] + text  # 一万零五十
            parts.append(text + name)
    out = "".join(parts)
    if not daxie and out.startswith("一十"):
        out = out[1:]
    return out
