"""The rule baseline tagger: regular expressions built from the unit lexicon.

Finds MONEY (number + money unit, Arabic, Chinese or 大写), PERCENT (%, ％, ‰, 百分之…,
个百分点), QUANTITY (number + measure word, never years, dates, ordinals or document
numbers) and, in prose, INDICATOR noun phrases that a value directly follows
("资金到位率100%", "群众满意率达到100%"). The patterns' words come from
``extract/data/units.toml`` so that the tagger and the value parser agree.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..document import Span
from ..lexicon import lexicon
from ..numbers import chinese_chars


_DIGIT = "0-9０-９"
_ARABIC = rf"[+\-]?[{_DIGIT}][{_DIGIT},，]*(?:[.．][{_DIGIT}]+)?"
#: measure words that in prose are times or dates, not quantities
_NOT_QUANTITY = {"年", "月", "日", "天", "周", "个月", "工作日", "小时", "元", "度", "级", "段", "路", "通", "单", "期"}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = lexicon()
    cn = re.escape(chinese_chars())
    money_units = "|".join(re.escape(u) for u in sorted(lex.money, key=len, reverse=True) if u != "块")
    measure = "|".join(re.escape(w) for w in lex.measure if w not in _NOT_QUANTITY)
    approx = "(?:余|多)?"
    mag = "(?:[千万亿萬億]+)?"
    guard = rf"(?<![{_DIGIT}.．A-Za-z〔\[（(第])"
    return {
        "MONEY": re.compile(rf"{guard}(?:{_ARABIC}[ \u3000]?{mag}{approx}[ \u3000]?(?:{money_units})|[{cn}]+{approx}(?:{money_units})(?:[{cn}]+[角分])*)"),
        "PERCENT": re.compile(rf"{guard}(?:{_ARABIC}\s?(?:%|％|‰|个百分点)|百分之[{cn}]+(?:点[{cn}]+)?|[{cn}]+个百分点)"),
        "QUANTITY": re.compile(rf"{guard}(?:{_ARABIC}{mag}{approx}\s?(?:{measure})(?![{_DIGIT}]))"),
    }


_INDICATOR = re.compile(
    r"([\u4e00-\u9fff]{1,12}?(?:率|度|数|费|量|额|数量|金额|经费|资金|支出|指数|人数|次数))"
    r"(?:达到了|达到|达|为|是|保持|提高到|提升至|控制在|均为)?\s?$"
)
_SCOPE = re.compile(r"^(?:全市|全县|全区|全省|我局|我委|我单位|本单位|本年|全年|年度|[0-9]{4}年度?|其中|项目|共|累计)+")


def spans(text: str) -> list[Span]:
    """Every span the rules find: values, and the prose indicators right before them, in text order."""
    values = find_values(text)
    indicators = [ind for ind, _ in find_indicators(text, values)]
    return sorted(values + indicators, key=lambda s: (s.start, s.end))


def find_values(text: str) -> list[Span]:
    """MONEY, PERCENT and QUANTITY spans in ``text``, non-overlapping, leftmost-longest."""
    cands: list[Span] = []
    pats = _patterns()
    for label in ("MONEY", "PERCENT", "QUANTITY"):
        for m in pats[label].finditer(text):
            s, e = m.span()
            frag = m.group(0)
            if label != "PERCENT" and _is_chinese_only_noise(frag):
                continue
            if label == "QUANTITY" and _is_date_or_code(text, s, e):
                continue
            cands.append(Span(label, s, e))
    return _resolve(cands)


def _is_chinese_only_noise(frag: str) -> bool:
    """A Chinese-numeral match that is a word, not a number (一是, 一级, 万人 alone)."""
    if re.search(r"[0-9０-９]", frag):
        return False
    digits = sum(1 for c in frag if c in chinese_chars())
    return digits < 2 and not frag.startswith(("十", "百", "千", "两", "一"))


def _is_date_or_code(text: str, s: int, e: int) -> bool:
    before = text[max(0, s - 1):s]
    after = text[e:e + 1]
    return before in "〔[（(第-—." and before != "" or after in "号〕]"


def _resolve(cands: list[Span]) -> list[Span]:
    cands.sort(key=lambda c: (c[1], -(c[2] - c[1])))
    out: list[Span] = []
    end = -1
    for c in cands:
        if c[1] >= end:
            out.append(c)
            end = c[2]
    return out


_LEAD = re.compile(r"^(?:年度?|月|市|县|区|我市|我县|我区|在|对|用于|其中|共|累计)+")
_TRAIL = ("支出", "达到")


def _trim_indicator(start: int, name: str) -> tuple[int, str]:
    """Drop scope words before and a verb after a prose indicator (办案差旅费支出 → 办案差旅费)."""
    m = _LEAD.match(name)
    if m and len(name) - m.end() >= 2:
        start, name = start + m.end(), name[m.end():]
    for t in _TRAIL:
        if name.endswith(t) and len(name) - len(t) >= 2:
            name = name[: -len(t)]
    return start, name


def find_indicators(text: str, values: list[Span]) -> list[tuple[Span, Span]]:
    """Prose indicators directly before a value: ``(indicator_span, value_span)`` pairs."""
    pairs = []
    prev_end = 0
    for v in values:
        _, vs, _ = v
        left_start = max(prev_end, vs - 20)
        left = text[left_start:vs]
        cut = max(left.rfind(ch) for ch in "，。；、：:,;（(）)\n\t|“”\" ")
        frag_start = left_start + cut + 1
        frag = text[frag_start:vs]
        m = _INDICATOR.search(frag)
        if m:
            name_start = frag_start + m.start(1)
            name = m.group(1)
            sm = _SCOPE.match(name)
            if sm:
                name_start += sm.end()
                name = name[sm.end():]
            name_start, name = _trim_indicator(name_start, name)
            if len(name) >= 2:
                pairs.append((Span("INDICATOR", name_start, name_start + len(name)), v))
        prev_end = v[2]
    return pairs
