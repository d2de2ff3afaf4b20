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
from ..lexicon import lexicon, load_data
from ..numbers import chinese_chars
from ..values import read
from .trim import MIN_NAME, trim_indicator, trim_phases


_DIGIT = "0-9０-９"
_ARABIC = rf"[+\-]?[{_DIGIT}][{_DIGIT},，]*(?:[.．][{_DIGIT}]+)?"


def _words() -> dict:
    return load_data("tagger.toml")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = lexicon()
    cn = re.escape(chinese_chars())
    money_units = "|".join(re.escape(u) for u in sorted(lex.money, key=len, reverse=True) if u != "块")
    not_quantity = set(_words()["values"]["not_quantity"])
    measure = "|".join(re.escape(w) for w in lex.measure if w not in not_quantity)
    cn_not = set(_words()["values"]["cn_not_measure"])
    cn_measure = "|".join(re.escape(w) for w in lex.measure if w not in not_quantity and w not in cn_not)
    approx = "(?:余|多)?"
    mag = "(?:[千万亿萬億]+)?"
    guard = rf"(?<![{_DIGIT}.．A-Za-z〔\[（(第])"
    return {
        "MONEY": re.compile(rf"{guard}(?:{_ARABIC}[ \u3000]?{mag}{approx}[ \u3000]?(?:{money_units})|[{cn}]+{approx}(?:{money_units})(?:[{cn}]+[角分])*)"),
        "PERCENT": re.compile(rf"{guard}(?:{_ARABIC}\s?(?:%|％|‰|个百分点)|百分之[{cn}]+(?:点[{cn}]+)?|[{cn}]+个百分点)"),
        "QUANTITY": re.compile(rf"{guard}(?:{_ARABIC}{mag}{approx}\s?(?:{measure})(?![{_DIGIT}]))"),
        # an amount in 万 or 亿 with no 元 (补助35万, 预算金额 | 250万): MONEY only after a money word (_money_before)
        "MONEY_MAG": re.compile(rf"{guard}(?<![≤≥<>＜＞=≦≧])(?<![≤≥<>＜＞=≦≧] ){_ARABIC}[ \u3000]?[万亿萬億]"
                                rf"(?![\u4e00-\u9fff0-9０-９A-Za-z%％])"),  # (not ≤500万: a target's)
        # a count in Chinese numerals: 一百二十人, 十四个, 三万份, 两条 (a lone 一 is a word far more often: 一次性, 一个中心)
        "QUANTITY_CN": re.compile(rf"(?<![{cn}{re.escape(_words()['values']['cn_not_after'])}])(?:[{cn}]{{2,}}|[二两三四五六七八九十]|[百千万](?=[余多]))"
                                  rf"{approx}(?:{cn_measure})(?!性)"),
    }


@lru_cache(maxsize=1)
def _indicator_re() -> re.Pattern[str]:
    """A prose indicator at the end of a fragment: a short name ending in a head word, then a linking word."""
    w = _words()["indicator"]
    heads = "|".join(re.escape(h) for h in w["heads"])
    linking = "|".join(re.escape(x) for x in w["linking"])
    return re.compile(rf"([\u4e00-\u9fff]{{1,{int(w['max_chars'])}}}?(?:{heads}))(?:{linking})?\s?$")


def spans(text: str) -> list[Span]:
    """Every span the rules find: values, and the prose indicators right before them, in text order."""
    values = find_values(text)
    indicators = [ind for ind, _ in find_indicators(text, values)]
    return sorted(values + indicators, key=lambda s: (s.start, s.end))


def find_values(text: str) -> list[Span]:
    """MONEY, PERCENT and QUANTITY spans in ``text``, non-overlapping, leftmost-longest."""
    cands: list[Span] = []
    pats = _patterns()
    for key in ("MONEY", "MONEY_MAG", "PERCENT", "QUANTITY", "QUANTITY_CN"):
        label = key.removesuffix("_CN").removesuffix("_MAG")
        for m in pats[key].finditer(text):
            s, e = m.span()
            frag = m.group(0)
            if key == "MONEY_MAG" and not _money_before().search(text, max(0, s - MONEY_WORD_REACH), s):
                continue
            if key == "QUANTITY_CN" and read(frag).number is None:
                lead = len(frag) - len(frag.lstrip(_NO_NUMBER_START))
                if not lead or read(frag[lead:]).number is None:
                    continue
                s += lead  # 站点 | 十二个: the word's last character is no decimal point of the count
            if key != "QUANTITY_CN" and label != "PERCENT" and _is_chinese_only_noise(frag):
                continue
            if label == "QUANTITY" and _is_date_or_code(text, s, e):
                continue
            cands.append(Span(label, s, e))
    return _resolve(cands)


#: characters of Chinese numerals that no number opens with (点: a decimal point, the end of 站点 or 网点 before a count)
_NO_NUMBER_START = "点"

#: how far before an amount in 万 without 元 its money word may stand (中期资金总额:⏎|⏎449.8万)
MONEY_WORD_REACH = 16


@lru_cache(maxsize=1)
def _money_before() -> re.Pattern[str]:
    """A money word (tagger.toml money_words) and nothing but cell marks and a colon or a bracket after it."""
    words = "|".join(re.escape(w) for w in _words()["values"]["money_words"])
    return re.compile(rf"(?:{words})[^\u4e00-\u9fff0-9]{{0,8}}$|(?:{words})\s*[(（][A-Za-z][)）]\s*$")


def _is_chinese_only_noise(frag: str) -> bool:
    """A Chinese-numeral match that is a word, not a number (一是, 一级, 万人 alone)."""
    if re.search(r"[0-9０-９]", frag):
        return False
    digits = sum(1 for c in frag if c in chinese_chars())
    return digits < 2 and not frag.startswith(("十", "百", "千", "两", "一"))


def _is_date_or_code(text: str, s: int, e: int) -> bool:
    """A number right after 第, 〔, ( … or right before 号, 〕: an ordinal, a code or a document number."""
    w = _words()["values"]
    before = text[max(0, s - 1):s]
    after = text[e:e + 1]
    # ("" is in every string: the start or the end of the text is no code mark)
    return before != "" and before in w["code_before"] or after != "" and after in w["code_after"]


def _resolve(cands: list[Span]) -> list[Span]:
    cands.sort(key=lambda c: (c[1], -(c[2] - c[1])))
    out: list[Span] = []
    end = -1
    for c in cands:
        if c[1] >= end:
            out.append(c)
            end = c[2]
    return out


#: what ends a field's label right before its value: a colon, then spaces, bars or one line break
_FIELD_MARK = re.compile(r"[:：][ \t\u3000|｜]*(?:\n[ \t\u3000|｜]*)?$")


@lru_cache(maxsize=1)
def _field_label_re() -> re.Pattern[str]:
    """A field's label before its colon: a short name ending in a head word or a field head (年度预算安排:)."""
    w = _words()["indicator"]
    heads = "|".join(re.escape(h) for h in sorted({*w["heads"], *w["field_heads"]}, key=len, reverse=True))
    return re.compile(rf"([\u4e00-\u9fff]{{1,{int(w['max_chars'])}}}?(?:{heads}))$")


def find_indicators(text: str, values: list[Span]) -> list[tuple[Span, Span]]:
    """Prose indicators directly before a value: ``(indicator_span, value_span)`` pairs."""
    pairs = []
    prev_end = 0
    for v in values:
        _, vs, _ = v
        left_start = max(prev_end, vs - int(_words()["indicator"]["reach"]))
        field = _FIELD_MARK.search(text, left_start, vs)  # 项目总金额: | 556万元: a field's label and its value
        end = field.start() if field else vs
        left = text[left_start:end]
        cut = max(left.rfind(ch) for ch in _words()["indicator"]["cut"])
        frag_start = left_start + cut + 1
        frag = text[frag_start:end]
        m = (_field_label_re() if field else _indicator_re()).search(frag)
        if m:
            name_start = frag_start + m.start(1)
            name = m.group(1)
            if field:  # 产出指标数量指标培训人数：: a field's label starts after the level names glued before it
                level = text.rfind("指标", name_start, name_start + len(name))
                level_end = level + len("指标")
                if level >= 0 and level_end < name_start + len(name) - MIN_NAME:
                    name_start, name = level_end, text[level_end:name_start + len(name)]
            ind = trim_indicator(text, Span("INDICATOR", name_start, name_start + len(name)), trim_phases("baseline"))
            kept = next((w for w in _words()["indicator"]["field_keep"] if field and ind.start - len(w) >= name_start
                         and text.startswith(w, ind.start - len(w))), None)
            if kept:  # 项目总金额, 年度预算安排: a field's label keeps these words
                ind = Span(ind.label, ind.start - len(kept), ind.end)
            if ind.end - ind.start >= MIN_NAME:
                pairs.append((ind, v))
        prev_end = v[2]
    return pairs
