"""Values: turn the text of a MONEY, PERCENT, QUANTITY or TARGET span into normalized fields.

Owns units (元/万元/亿元, %, ‰, 个百分点, measure words), approximation words (余, 多,
约, 左右), per-unit amounts (550元/月, 每人每年4.5万元), comparators (≥, 不低于, 以上 …)
and units taken from a table caption (（万元）). The knowledge lives in
``data/units.toml``; numerals are read by :mod:`extract.numbers`. The entry point,
:func:`parse_value`, returns the fields ANNOTATION.md gives each label and never raises:
what it cannot read stays ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .document import Document, Entity
from .lexicon import lexicon, load_data
from .numbers import Number, chinese_chars, normalize_width, parse_number
from .schema import value_fields


_CELL_GAPS = re.compile(r"[ \t\r\n|\u3000]+")


@lru_cache(maxsize=1)
def _number_re() -> re.Pattern[str]:
    cn = re.escape(chinese_chars())
    return re.compile(rf"[百千万]分之[{cn}\d.]+|[+-]?\d[\d,]*(?:\.\d+)?|[+-]?\.\d+|[{cn}]+")


@dataclass(frozen=True)
class Reading:
    """What was read from a span: the number, its unit and the words around it."""

    number: Number | None = None
    kind: str | None = None  # money | percent | quantity | None (bare number)
    factor: float = 1.0  # magnitude × money unit, so that yuan = value × factor
    unit: str | None = None  # measure word, money unit as written, "%" or "pp"
    approx: bool = False
    per: str | None = None
    comparator: str | None = None
    high: float | None = None


@lru_cache(maxsize=64)
def _alternation(words: tuple[str, ...], at_end: bool) -> re.Pattern[str]:
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(f"(?:{alt})\\Z" if at_end else f"(?:{alt})")


def _startswith_any(text: str, words: tuple[str, ...]) -> str | None:
    """The first of ``words`` (longest first) that ``text`` starts with."""
    m = _alternation(words, False).match(text) if words else None
    return m.group(0) if m else None


def _endswith_any(text: str, words: tuple[str, ...]) -> str | None:
    """The longest of ``words`` that ``text`` ends with."""
    m = _alternation(words, True).search(text) if words else None
    return m.group(0) if m else None


@lru_cache(maxsize=4096)
def read(text: str) -> Reading:
    """Read the first value in ``text`` (a span's text); return an empty Reading if none (cached: a
    Reading is frozen, and table cells repeat)."""
    # cell separators inside a value written across cells (≧ | 100 | %) carry no meaning here
    s = _CELL_GAPS.sub("", normalize_width(text).replace("％", "%"))
    for m in _number_re().finditer(s):
        r = _read_fraction(s, m) if m.group(0)[1:3] == "分之" else _read_number(s, m)
        if r is not None:
            return r
    return Reading()


#: percent per unit of the numerator of 百分之 / 千分之 / 万分之
_FRACTION_SCALE = {"百": 1.0, "千": 0.1, "万": 0.01}
#: a magnitude word standing alone, read as a round approximate number (近百, 千余)
_ROUND_WORDS = {"百": 100.0, "千": 1000.0, "万": 10000.0}
_ROUND_BEFORE = re.compile(r"(?:近|约|上|数)$")
_BRACKET_UNIT = re.compile(r"^[(（]([^()（）]{1,4})[)）]")


def _read_fraction(s: str, m: re.Match[str]) -> Reading | None:
    """百分之九十 → 90 %, 千分之五 → 0.5 %, 万分之六 → 0.06 %."""
    tok = m.group(0)
    num = parse_number(tok[3:])
    if num is None:
        return None
    value = _round(num.value * _FRACTION_SCALE[tok[0]])
    return _with_context(s, m.start(), m.end(), Reading(Number(value), "percent", 1.0, "%"))


@dataclass
class _Cursor:
    """What follows a number while its magnitude, approximation and unit are read off."""

    rest: str  # the text after what has been read
    end: int  # where that is in the span text
    factor: float = 1.0
    approx: bool = False

    @property
    def stripped(self) -> str:
        return self.rest.lstrip()

    def skip(self, unit: str) -> int:
        """How far a unit at the start of ``stripped`` reaches past ``end``."""
        return len(self.rest) - len(self.stripped) + len(unit)


def _number_token(s: str, m: re.Match[str]) -> Number | None:
    """The number of a numeral token, or None when it is no value (a year, a date, 周年, a lone 万)."""
    tok = m.group(0)
    num = parse_number(tok)
    if num is None and tok in _ROUND_WORDS and (s[m.end():m.end() + 1] in ("余", "多") or _ROUND_BEFORE.search(s[:m.start()])):
        num = Number(_ROUND_WORDS[tok], approx=True)
    if num is None or _is_date(s, m.start(), m.end(), num) or s.startswith("周年", m.end()):
        return None
    return num


def _read_number(s: str, m: re.Match[str]) -> Reading | None:
    """The value whose numeral is ``m``: magnitude, approximation, unit and the words around it."""
    lex = lexicon()
    num = _number_token(s, m)
    if num is None:
        return None
    tok = m.group(0)
    cur = _Cursor(s[m.end():], m.end(), approx=num.approx)
    if tok[0].isdigit() or tok[0] in "+-.":
        _take_magnitude(cur)
    elif (tok in lex.magnitude or tok in ("百", "千")) and not num.approx:
        return None  # a magnitude word alone (万) is no number
    _take_approx_inside(cur)
    _take_bracket_unit(cur)
    for unit_reader in (_money_after, _percent_after, _measure_after, _unknown_measure_after):
        r = unit_reader(s, m.start(), num, cur)
        if r is not None:
            return r
    return _bare(s, m.start(), num, cur)


def _take_magnitude(cur: _Cursor) -> None:
    """Magnitude characters after an Arabic number: 1.2亿, 3万, 24047万 (not 3千米)."""
    lex = lexicon()
    while cur.rest and cur.rest[0] in lex.magnitude and not cur.rest.startswith(lex.magnitude_exceptions):
        cur.factor *= lex.magnitude[cur.rest[0]]
        cur.rest, cur.end = cur.rest[1:], cur.end + 1


def _take_approx_inside(cur: _Cursor) -> None:
    """余 / 多 right after the number (508万余元)."""
    w = _startswith_any(cur.rest, lexicon().approx_inside)
    if w and w != "来":
        cur.approx, cur.rest, cur.end = True, cur.rest[len(w):], cur.end + len(w)


def _take_bracket_unit(cur: _Cursor) -> None:
    """A unit in brackets right after the number: 4.52(万人), 3(万元)."""
    lex = lexicon()
    stripped = cur.stripped
    bracket = _BRACKET_UNIT.match(stripped)
    if not bracket:
        return
    inner = bracket.group(1)
    for c in inner[:-1]:
        if c not in lex.magnitude:
            break
        cur.factor *= lex.magnitude[c]
        inner = inner[1:]
    cur.rest = inner + stripped[bracket.end():]
    cur.end += bracket.end() - len(inner)


def _money_after(s: str, start: int, num: Number, cur: _Cursor) -> Reading | None:
    lex = lexicon()
    stripped = cur.stripped
    unit = _startswith_any(stripped, lex.money_units)
    if not unit:
        return None
    skip = cur.skip(unit)
    value = num.value
    if lex.money[unit] == 1 and cur.factor == 1.0:
        # 叁佰元伍角陆分: jiao and fen after yuan
        jf = _JIAO_FEN.match(stripped[len(unit):])
        if jf and jf.group(0):
            value += _jiao_fen(jf)
            skip += jf.end()
    factor = cur.factor * lex.money[unit]
    r = Reading(Number(value, cur.approx, num.low, num.high), "money", factor, _money_unit_name(factor), cur.approx)
    return _with_context(s, start, cur.end + skip, r)


def _percent_after(s: str, start: int, num: Number, cur: _Cursor) -> Reading | None:
    lex = lexicon()
    unit = _startswith_any(cur.stripped, lex.percent_units)
    if not unit:
        return None
    pu = lex.percent[unit]
    value = num.value * cur.factor
    if pu == "‰":
        value, pu = value / 10, "%"
    r = Reading(Number(value, cur.approx, num.low, num.high), "percent", 1.0, pu, cur.approx)
    return _with_context(s, start, cur.end + cur.skip(unit), r)


#: measure words written in another form that name the same unit
_MEASURE_ALIASES = {"个小时": "小时", "個小時": "小時", "個": "个"}


def _measure_after(s: str, start: int, num: Number, cur: _Cursor) -> Reading | None:
    lex = lexicon()
    stripped = cur.stripped
    unit = _startswith_any(stripped, lex.measure)
    if not unit:
        return None
    skip = cur.skip(unit)
    value = num.value * cur.factor
    name = _MEASURE_ALIASES.get(unit, unit)
    if name == "个":
        longer = _startswith_any(stripped[1:], lex.measure)
        if longer and len(longer) >= 2:
            name, skip = longer, skip + len(longer)  # 个 + a longer measure word: 5个工作日
    if unit[0] in lex.magnitude and len(unit) > 1:
        value *= lex.magnitude[unit[0]]  # 万人 → × 10⁴ 人
        name = unit[1:]
    r = Reading(Number(value, cur.approx, num.low, num.high), "quantity", 1.0, name, cur.approx)
    return _with_context(s, start, cur.end + skip, r)


_LONE_CJK = re.compile(r"^([\u4e00-\u9fff])(?![\u4e00-\u9fff])")


def _unknown_measure_after(s: str, start: int, num: Number, cur: _Cursor) -> Reading | None:
    """A measure word the lexicon does not know, ending the span: 425万粒."""
    unknown = _LONE_CJK.match(cur.stripped)
    if not unknown or unknown.group(1) in lexicon().not_units:
        return None
    r = Reading(Number(num.value * cur.factor, cur.approx, num.low, num.high), "quantity", 1.0, unknown.group(1), cur.approx)
    return _with_context(s, start, cur.end + cur.skip(unknown.group(1)), r)


_HAN = re.compile(r"[\u4e00-\u9fff]")


def _bare(s: str, start: int, num: Number, cur: _Cursor) -> Reading:
    """A number with no unit after it: 3万 is money; else the unit may stand before it (% | 95, 人 | = | 512)."""
    lex = lexicon()
    if cur.factor != 1.0:
        # 3万 / 1.2亿 with no unit: a money amount in 元 written without 元
        r = Reading(Number(num.value, cur.approx, num.low, num.high), "money", cur.factor,
                    _money_unit_name(cur.factor), cur.approx)
        return _with_context(s, start, cur.end, r)
    r = Reading(Number(num.value, cur.approx, num.low, num.high), None, 1.0, None, cur.approx)
    before = s[:start]
    for w in lex.comparators_before:
        if before.endswith(w):
            before = before[: -len(w)]
            break
    if before.endswith("%"):
        r = Reading(r.number, "percent", 1.0, "%", cur.approx)
    elif w := _endswith_any(before, lex.money_units):
        r = Reading(r.number, "money", lex.money[w], w, cur.approx)
    elif (w := _endswith_any(before, lex.measure)) and not _HAN.search(before[: -len(w)][-1:]):
        # a unit cell before the value: 人 | = | 512
        r = Reading(r.number, "quantity", 1.0, w, cur.approx)
    return _with_context(s, start, cur.end, r)


_JIAO_FEN = re.compile(r"^(?:([零〇一二两三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖\d])角)?(?:([零〇一二两三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖\d])分)?")


def _jiao_fen(m: re.Match[str]) -> float:
    out = 0.0
    for group, scale in ((1, 0.1), (2, 0.01)):
        if m.group(group):
            n = parse_number(m.group(group))
            out += (n.value if n else 0.0) * scale
    return out


def _is_date(s: str, start: int, end: int, num: Number) -> bool:
    """A year (2021年), a month or a day (12月, 27日): never a value."""
    after = s[end:]
    if re.match(r"^\s*年", after) and 1949 <= num.value <= 2100:
        return True
    if re.match(r"^\s*(?:月份?|月底|月末|月初|日|号)", after) and 1 <= num.value <= 31 and not re.match(r"^\s*月\s*[)）]", after):
        return bool(re.match(r"^\s*(?:月份|月底|月末|月初)", after)) or _looks_like_date_context(s, start)
    return False


def _looks_like_date_context(s: str, start: int) -> bool:
    """``12月`` counts as a date after a year or another date part, or when nothing else is in the span."""
    before = s[:start]
    return bool(re.search(r"(?:年|月)\s*$", before)) or not re.search(r"[每/个]\s*$", before)


def _money_unit_name(factor: float) -> str:
    return {1.0: "元", 1e3: "千元", 1e4: "万元", 1e8: "亿元"}.get(factor, "元")


def _with_context(s: str, start: int, end: int, r: Reading) -> Reading:
    """Add comparator, approximation words, per-unit and range read around the number."""
    lex = lexicon()
    before, after = s[:start], s[end:]
    before_t = before.rstrip()
    comparator = None
    for w, c in lex.comparators_before.items():
        if before_t.endswith(w):
            comparator = c
            before_t = before_t[: -len(w)].rstrip()
            break
    approx = r.approx
    if _endswith_any(before_t, lex.approx_before):
        approx = True
    after_t = after.lstrip()
    high = None
    # range: 80%-100%, 80-100%, 100-80%(含80%)
    m = re.match(r"^[-~～至到—]\s*([\d.]+)\s*(%|‰)?", after_t)
    if m and r.number is not None and not before_t.endswith(("-", "~")):
        other = float(m.group(1))
        lo, hi = sorted((r.number.value, other))
        r = Reading(Number(lo, approx), r.kind or ("percent" if m.group(2) else None), r.factor,
                    r.unit or ("%" if m.group(2) else None), approx, r.per, r.comparator, hi)
        comparator = comparator or ">="
        after_t = after_t[m.end():].lstrip()
    per = r.per
    pm = re.match(r"^/\s*([^\s，。；、,;)）(（以]{1,5}(?:、[^\s，。；、,;)）(（以\d](?![^\s，。；、,;)）(（]))?)", after_t)  # /人、天
    if pm and r.kind in ("money", "quantity", None):
        per = _per_name(pm.group(1))
        after_t = after_t[pm.end():].lstrip()
    if _startswith_any(after_t, lex.approx_after):
        approx = True
    for word, c in lex.comparators_after.items():
        if after_t.startswith(word):
            comparator = comparator or c
            break
    if per is None and before_t.endswith("各"):
        # 2个各0.5万元: the amount is per counted thing
        w = _endswith_any(before_t[:-1], lex.measure)
        per = w or "各"
    if per is None:
        p = _endswith_any(before_t, lex.per_prefixes)
        if p is None:
            # 每人每年4.5万元 after a noun: look for the prefix a few characters back
            for pref in lex.per_prefixes:
                idx = before_t.rfind(pref)
                if idx >= 0 and len(before_t) - idx - len(pref) <= 3:
                    p = pref
                    break
        if p:
            per = _per_name(p)
    return Reading(r.number, r.kind, r.factor, r.unit, approx, per, comparator, r.high or high)


def _per_name(word: str) -> str:
    """每人每年 → 人·年; 人均 → 人; /人*月 → 人·月; /人、天 → 人·天; /月 → 月."""
    w = word.replace("*", "·").replace("x", "·").replace("×", "·").replace("、", "·")
    if w.startswith("每") or w.endswith(("均",)) and len(w) == 2:
        parts = [p for p in re.split(r"每", w) if p]
        if w.endswith("均"):
            parts = [w[0]]
        w = "·".join(p.rstrip("均") for p in parts)
    if w in ("生",):
        w = "人"
    return w


def caption_factor(unit: str | None) -> float | None:
    """The factor to 元 of a caption unit such as 万元 (None if it is not a money unit)."""
    if not unit:
        return None
    return lexicon().caption.get(normalize_width(unit).strip())


def parse_value(text: str, label: str, unit_hint: str | None = None) -> dict[str, Any]:
    """Return the normalized value fields of ``label`` for a span's ``text`` (ANNOTATION.md).

    ``unit_hint`` is the unit stated elsewhere (a caption 万元, a 度量单位 cell) and is used
    only for a bare number. Never raises; unreadable values are ``None``.
    """
    fields: dict[str, Any] = {name: None for name in value_fields(label)}
    try:
        r = read(text)
    except Exception:  # noqa: BLE001 - the contract is "never raises"
        r = Reading()
    hint_factor = caption_factor(unit_hint)
    if label == "MONEY":
        fields["approx"] = bool(r.approx)
        if r.number is not None:
            if r.kind == "money":
                fields["yuan"] = _round(r.number.value * r.factor)
            elif r.kind is None and hint_factor is not None:
                fields["yuan"] = _round(r.number.value * hint_factor)
            fields["per"] = r.per
    elif label == "PERCENT":
        if r.number is not None and r.kind == "percent":
            fields["value"] = _round(r.number.value)
            fields["unit"] = r.unit
        elif r.number is not None and r.kind is None and unit_hint and unit_hint.strip() in ("%", "％", "百分比"):
            fields["value"] = _round(r.number.value)
            fields["unit"] = "%"
    elif label == "QUANTITY":
        if r.number is not None:
            fields["value"] = _round(r.number.value * (r.factor if r.kind == "money" else 1.0))
            fields["unit"] = r.unit if r.kind != "money" else "元"
            if r.kind is None and unit_hint and hint_factor is None:
                fields["unit"] = unit_hint
    elif label == "TARGET" and _DOTTED_DATE.fullmatch(text.strip()):
        fields.update(comparator=None, value=None, unit=None, kind="qualitative", yuan=None)  # 2024.12.31前: a date
    elif label == "TARGET":
        fields.update(_target_fields(text, r, unit_hint, hint_factor))
    if r.high is not None and label != "INDICATOR" and fields.get("kind") != "qualitative":
        fields["high"] = _round(r.high * (r.factor if r.kind == "money" else 1.0))
    return fields


#: a date written with dots, dashes or slashes, and what a deadline ends with (2024.12.31前, 2024-06-30之前)
_DOTTED_DATE = re.compile(r"(?:19|20)\d{2}[.\-/．](?:1[0-2]|0?[1-9])(?:[.\-/．](?:3[01]|[12]\d|0?[1-9])"
                          r"(?:前完成|之前|以前|前|底前|完成)?|(?:前完成|之前|以前|前|底前|底))")


def fill_unitless_money(doc: Document) -> None:
    """Give each MONEY entity that no unit reached (no unit in its text, caption or header) the unit the document
    states for the same number elsewhere (其中：中央补助 | 50.29 | and 中央补助资金50.29万元), else the unit its
    decimals tell (units.toml [unitless]: more decimals than 元 have are 万元); else its yuan stays unknown.
    Its ``unit_hint`` records the unit taken."""
    stated: dict[float, set[float]] = {}
    unknown = []
    for ent in doc.entities:
        if ent.label != "MONEY":
            continue
        r = read(ent.text)
        if r.number is None:
            continue
        if r.kind == "money" and not r.per:
            stated.setdefault(r.number.value, set()).add(r.factor)
        elif r.kind is None and ent.attrs.get("yuan") is None:
            unknown.append((ent, r.number.value))
    if not unknown:
        return
    rule = load_data("units.toml")["unitless"]
    for ent, value in unknown:
        factors = stated.get(value, set())
        if len(factors) == 1:
            factor = next(iter(factors))
            unit = _money_unit_name(factor)
        else:
            decimals = _DECIMALS.search(ent.text)
            if not decimals or len(decimals.group(1)) <= int(rule["max_yuan_decimals"]):
                continue
            unit = rule["many_decimals"]
            factor = float(lexicon().caption[unit])
        ent.attrs["yuan"] = _round(value * factor)
        ent.attrs["unit_hint"] = unit
    _unit_of_same_total(doc, [e for e, _ in unknown if e.attrs.get("yuan") is None])


def _unit_of_same_total(doc: Document, unknown: list[Entity]) -> None:
    """A fund table with no unit anywhere whose largest amount is a sum the document states with its unit
    (支出合计 550000 under 实际支出数, and 实际支出（万元） 55 above): every bare amount of the table takes the unit
    that makes the two equal."""
    cells = {eid for f in doc.funds for eid in f.cells.values() if eid}  # sums the form's fund tables state
    known = {_round(e.attrs["yuan"]) for e in doc.entities
             if e.label == "MONEY" and e.id in cells and e.attrs.get("yuan") and not e.attrs.get("per")}
    factors = {1.0, float(lexicon().caption["万元"])}  # 元 and 万元 (千元 makes coincidences: 100 | 10万元)
    for table in doc.tables:
        if table.kind != "fund":
            continue
        inside = [e for e in unknown if table.start <= e.start < table.end]
        values = [(e, read(e.text).number) for e in inside]
        values = [(e, n.value) for e, n in values if n is not None and n.value > 0]
        if not values:
            continue
        top = max(v for _, v in values)
        fits = {f for f in factors if _round(top * f) in known}
        if len(fits) != 1:
            continue
        factor = fits.pop()
        for ent, value in values:
            ent.attrs["yuan"] = _round(value * factor)
            ent.attrs["unit_hint"] = _money_unit_name(factor)


#: the decimals of a number as written (3311.031861 → 031861)
_DECIMALS = re.compile(r"[.．]([0-9０-９]+)")


def _target_fields(text: str, r: Reading, unit_hint: str | None, hint_factor: float | None) -> dict[str, Any]:
    out: dict[str, Any] = {"comparator": r.comparator, "value": None, "unit": None, "kind": "qualitative", "yuan": None}
    if r.number is None:
        return out
    kind = r.kind
    unit = r.unit
    if kind is None and unit_hint:
        if hint_factor is not None:
            kind, unit = "money", normalize_width(unit_hint).strip()
        elif unit_hint.strip() in ("%", "％", "百分比"):
            kind, unit = "percent", "%"
        else:
            kind, unit = "quantity", unit_hint.strip()
    out["kind"] = kind or "quantity"
    out["value"] = _round(r.number.value)
    out["unit"] = unit
    if kind == "money":
        factor = r.factor if r.kind == "money" else (hint_factor or 1.0)
        out["yuan"] = _round(r.number.value * factor)
    return out


def _round(x: float) -> float:
    """Round away binary noise (0.1 × 10⁴) while keeping every written decimal."""
    return float(round(x, 6))


def value_label(text: str) -> str:
    """MONEY, PERCENT or QUANTITY, by the unit a value's text writes (a bare number is QUANTITY)."""
    kind = parse_value(text, "TARGET")["kind"]
    return {"money": "MONEY", "percent": "PERCENT"}.get(kind or "", "QUANTITY")
