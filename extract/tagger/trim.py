"""Trimming: the one place where a span loses the words the conventions leave outside it.

An INDICATOR span drops scope and time words, hand-down verbs and generic lead-ins before
the name, and linking words after it (annotations/GUIDELINES.md rules 10, 36, 59, 69), as
listed in ``data/indicators.toml``; the rule baseline's prose indicators drop a few more
(its ``[baseline]`` words: a regular expression cannot tell 全市 from a name, so it is
told). A word is dropped only while two characters of name remain (unless a phase says otherwise). A value span is widened
so that it never cuts a number (:func:`snap_to_numbers`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..document import Span
from ..grid import PAGE_MARK_MOST, index_words, is_page_mark
from ..lexicon import lexicon, load_data, longest_first, unit_after_number
from ..numbers import chinese_chars
from ..segment import spans_word, tagged, words as segment_words
from ..textview import GLOSS, normalize, view_of

#: a trimmed name keeps at least this many characters
MIN_NAME = 2
_NUM_CHARS = set("0123456789.,０１２３４５６７８９．")
#: Chinese numerals: a digit before a numeral belongs to the same number (三 | 百万元)
_CN_DIGITS = set("一二两三四五六七八九十零〇壹贰叁肆伍陆柒捌玖拾")
_CN_NUMERALS = _CN_DIGITS | set("百千万亿佰仟")


@dataclass(frozen=True)
class TrimWords:
    """What is trimmed: words before the name (longest first), patterns before it, words after it."""

    lead: tuple[str, ...]
    trail: tuple[str, ...]
    lead_patterns: tuple[re.Pattern[str], ...] = ()
    min_name: int = MIN_NAME  # a word is dropped only while this many characters of name remain
    trail_patterns: tuple[re.Pattern[str], ...] = ()  # matched at the name's end


def _words(d: dict) -> TrimWords:
    return TrimWords(longest_first(d.get("lead", [])), longest_first(d.get("trail", [])),
                     tuple(re.compile(p) for p in d.get("lead_patterns", [])), int(d.get("min_name", MIN_NAME)),
                     tuple(re.compile(f"(?:{p})$") for p in d.get("trail_patterns", [])))


@lru_cache(maxsize=None)
def trim_phases(section: str | None = None) -> tuple[TrimWords, ...]:
    """The trimming phases of ``data/indicators.toml``: the words every indicator loses, or a named section's phases."""
    d = load_data("indicators.toml")
    return tuple(_words(p) for p in d[section]) if section else (_words(d),)


def trim_indicator(text: str, span: Span, phases: tuple[TrimWords, ...] | None = None) -> Span:
    """An INDICATOR span without the trimmed words at its ends (and without spaces there), phase by phase,
    and without a pinyin gloss after its last character (無人機(jī) → 無人機, GUIDELINES 79)."""
    label, s, e = span
    # 下達(dá)我區(qū)補助資金: the words are matched in traditional characters and around glosses as well, on the
    # name's normalized view
    view = view_of(text[s:e]) if GLOSS.search(text, s, e) or normalize(text[s:e]) != text[s:e] else None
    on, piece = (view.norm, Span(label, 0, len(view.norm))) if view is not None else (text, span)
    for words in phases or trim_phases():
        piece = _trim(on, piece, words)
    if view is not None:
        a, b = view.span(piece.start, piece.end)
        piece = Span(label, s + a, s + b)
    label, s, e = span = piece
    gloss = _TRAILING_GLOSS.search(text, s, e)
    if gloss and gloss.start() - s >= MIN_NAME:
        span = Span(label, s, gloss.start())
    return span


#: a pinyin gloss at the end of a span
_TRAILING_GLOSS = re.compile(GLOSS.pattern + "$")


def repair_indicator(text: str, span: Span) -> Span:
    """An INDICATOR span a model found, mended before trimming: a name is one clause, so it
    starts after the last sentence mark inside it (部办结，办结率 → 办结率); a closing bracket or quote in it
    takes in its opening one and the word before (综治、平安建设经费） → 年初预算（综治、平安建设经费）); digits
    and a range sign glued before it belong to it (级分散供养… → 1-4级分散供养…); it opens at a word's start and
    takes in the nouns before it (:func:`_word_start`, :func:`_phrase_start`); a kind of spending or income keeps
    its head word (基本 | 支出)."""
    label, s, e = span
    cut = max(text.rfind(c, s, e) for c in _CLAUSE_MARKS)
    ascii_cut = max((m.start() for m in _ASCII_CLAUSE_MARK.finditer(text, s, e)), default=-1)
    cut = max(cut, ascii_cut)
    if s <= cut < e - MIN_NAME:
        s = cut + 1
    for close, open_ in _PAIRS.items():
        if text.count(close, s, e) > text.count(open_, s, e):
            at = text.rfind(open_, max(0, s - _REPAIR_REACH), s)
            if at >= 0:
                s = at
                while s > 0 and at - s < _REPAIR_REACH and text[s - 1] not in _WORD_STOPS:
                    s -= 1
                if text[s] == "年" and s > 0 and text[s - 1].isdigit():
                    s += 1  # 2021年 | 我委年初预算（…）: the year's 年 is no part of the name
    if not any(p.match(text, s, e) for p in trim_phases()[0].lead_patterns):  # (unless the trimmer drops it: 初我局…)
        s = _phrase_start(text, _word_start(text, s, e), e)
        if s > 0 and text[s - 1:s + 1] in _kept_words():
            s -= 1  # 初预算资金数 → 年初预算资金数: 年初预算 is a kind of budget
    m = _RANGE_BEFORE.search(text, max(0, s - 12), s + 1)
    if m and m.end() >= s:  # 1-4级分散供养…, 0-6岁儿童…: a range of grades or ages opens the name
        s = m.start()
    while s < e - MIN_NAME and text[s] in _NO_OPENING:
        s += 1  # 、、道班房维修费: a list's marks before the name are no part of it
    head = _kind_head_re().match(text, e)
    if head and text[s:e].endswith(_repair_words()["kinds"]):
        e = head.end()  # 一般公共预算基本 | 支出: a kind of spending or income names nothing without its head word
    return Span(label, s, e)


@lru_cache(maxsize=1)
def _repair_words() -> dict:
    d = load_data("indicators.toml")["repair"]
    return {"kinds": tuple(d["kinds"]), "kind_heads": tuple(d["kind_heads"])}


@lru_cache(maxsize=1)
def _kind_head_re() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, _repair_words()["kind_heads"])))


def _word_start(text: str, s: int, e: int) -> int:
    """Where the dictionary word that ``text[s]`` stands in begins (jieba without its guesses, which join unknown
    characters: 局局, 年本; over a few characters before the span and its start): a name opens at a word's start
    (域综合治理 → 流域综合治理, 子商务进农村… → 电子商务进农村…)."""
    if s == 0 or not _HAN_CHAR.match(text, s - 1) or not _HAN_CHAR.match(text, s) \
            or not spans_word(text, s, _WORD_CONTEXT) or any(text.endswith(w, 0, s) for w in trim_phases()[0].lead):
        return s  # (我局 | 部门…: a word the trimmer drops ends right there, whatever jieba joins across it: 局部)
    a = _han_run_start(text, s, _WORD_CONTEXT)
    for x, y in segment_words(text[a:min(e, s + _WORD_CONTEXT)], guess=False):
        if a + x < s < a + y:
            return a + x
    return s


def _phrase_start(text: str, s: int, e: int) -> int:
    """Where the noun phrase that a name starting at a word ``text[s]`` closes begins: the words right before it
    while they are nouns or words that qualify one (indicators.toml ``[repair] phrase_tags``: 中小 | 河流 | 治理工程,
    小型 | 水库 | 工程维修养护), not a verb, a time or a pronoun's place (我 | 局 stays out)."""
    tags, stops, stop_ends = _phrase_tags()
    if s == 0 or not _HAN_CHAR.match(text, s - 1) or any(text.startswith(w, s) for w in stops):
        return s  # (经济效益 | 方面农民人均增收: a name a model began with a stop word has no phrase before it)
    a = _han_run_start(text, s, _PHRASE_REACH)
    pieces = tagged(text[a:s])
    n = len(pieces)
    while n > 0 and len(pieces[n - 1][0]) >= 2 and pieces[n - 1][1] in tags and pieces[n - 1][0] not in stops \
            and not pieces[n - 1][0].endswith(stop_ends) and not (n >= 2 and pieces[n - 2][1] == "r"):
        n -= 1  # (a word of one character is a classifier, a place's or a unit's, or a traditional character alone)
    if n == 0 and a > 0 and _HAN_CHAR.match(text, a - 1):
        return s  # a phrase longer than the reach: where it begins is not seen
    return a + sum(len(w) for w, _ in pieces[:n])


#: how far before a name the words of its phrase are looked for
_PHRASE_REACH = 10


def _han_run_start(text: str, s: int, reach: int) -> int:
    """Where the run of Han characters that ends at ``text[s]`` starts, at most ``reach`` characters before it."""
    a = s
    while a > 0 and s - a < reach and _HAN_CHAR.match(text, a - 1):
        a -= 1
    return a


@lru_cache(maxsize=1)
def _phrase_tags() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """The parts of speech a name's phrase takes in, the words it stops at (time words, the trimmer's lead) and the
    endings of words it stops at (市局, 文化馆)."""
    repair = load_data("indicators.toml")["repair"]
    return (frozenset(repair["phrase_tags"]), frozenset(repair["phrase_stops"]) | frozenset(trim_phases()[0].lead),
            tuple(repair["phrase_stop_ends"]))


#: how far around a name's first character the segmenter reads
_WORD_CONTEXT = 8


#: what a name never opens with: a list's or a clause's marks, a closing bracket, a cell's bar, a dash
_NO_OPENING = frozenset("、，,。；;：:）)」』|｜-—")


def split_coordinated(text: str, span: Span) -> list[Span]:
    """An INDICATOR span of names joined by 和 / 及 / 与 / 、, each ending in a head word (办结率和满意率,
    覆盖率及资金到位率), as one span per name (GUIDELINES rule 32: the nearest name takes the value); a span
    whose parts are not each a name (城乡低保、特困供养、临时救助项目) stays whole."""
    label, s, e = span
    heads = _head_words()
    pieces, start = [], s
    for m in CONJUNCTION.finditer(text, s, e):
        left, rest = text[start:m.start()], text[m.end():e]
        if len(left) >= MIN_NAME and len(rest) >= MIN_NAME and left.endswith(heads) and rest.endswith(heads):
            pieces.append(Span(label, start, m.start()))
            start = m.end()
    return [*pieces, Span(label, start, e)] if pieces else [span]


#: what joins two coordinated names (办结率「和」满意率)
CONJUNCTION = re.compile("以及|和|及|与|、")


@lru_cache(maxsize=1)
def _head_words() -> tuple[str, ...]:
    """The words a prose indicator's name ends in (data/tagger.toml [indicator] heads)."""
    return tuple(load_data("tagger.toml")["indicator"]["heads"])


@lru_cache(maxsize=1)
def _kept_words() -> frozenset[str]:
    """Two-character words a name keeps when a tagger cut it after their first character (data/indicators.toml)."""
    return frozenset(load_data("indicators.toml")["repair"]["whole_words"])


#: marks that end a clause: no name runs across them
_CLAUSE_MARKS = "，。；！？"
#: an ASCII comma or semicolon between clauses (not inside a number: 1,000)
_ASCII_CLAUSE_MARK = re.compile(r"[;,](?!\d)")
#: closing → opening brackets and quotes
_PAIRS = {"）": "（", ")": "(", "”": "“", "」": "「", "》": "《"}
#: how far back an opening bracket, and the word before it, are looked for
_REPAIR_REACH = 12
#: what ends the word before a name's opening bracket
_WORD_STOPS = set("，。；、：:,;！？ \n\t|（(“\"") | set("0123456789")
#: a range of grades or ages glued before a name (1-4级, 0-6岁)
_RANGE_BEFORE = re.compile(r"(?<![\d.])\d+\s*[-—~～至]\s*\d*(?:[级岁类星])?$|(?<![\d.])\d+\s*[-—~～至]\s*\d+(?=[级岁类星])")


def _trim(text: str, span: Span, words: TrimWords) -> Span:
    """One phase: drop ``words`` at the span's ends while any is found."""
    label, s, e = span
    changed = True
    while changed:
        changed = False
        for w in words.lead:
            if text.startswith(w, s) and e - s - len(w) >= words.min_name:
                s += len(w)
                changed = True
                break
        for p in words.lead_patterns:
            m = p.match(text, s, e)
            if m and m.end() > s and e - m.end() >= words.min_name:
                s = m.end()
                changed = True
                break
        for w in words.trail:
            if text[s:e].endswith(w) and e - s - len(w) >= words.min_name:
                e -= len(w)
                changed = True
                break
        for p in words.trail_patterns:
            m = p.search(text[s:e])
            if m and m.start() < m.end() and m.start() >= words.min_name:
                e = s + m.start()
                changed = True
                break
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
    return Span(label, s, e)


@lru_cache(maxsize=1)
def _ordinal_re() -> re.Pattern[str]:
    """What a number that names a table, an annex or a page follows (tagger.toml ordinal_before)."""
    return re.compile(load_data("tagger.toml")["values"]["ordinal_before"])


def _on_page_mark(text: str, start: int, end: int) -> bool:
    """Whether the span lies inside a page mark (第 3 页 共 5 页, - 2 -: layout.toml [page_marks]) alone on its line."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return is_page_mark(text[a:len(text) if b < 0 else b], PAGE_MARK_MOST)


@lru_cache(maxsize=1)
def _formula_re() -> re.Pattern[str]:
    """What a number that is a formula's factor follows (tagger.toml formula_before: ×100%)."""
    return re.compile(load_data("tagger.toml")["values"]["formula_before"])


@lru_cache(maxsize=1)
def _index_row_re() -> re.Pattern[str]:
    """A line's start up to a number of a form's index row: an index word (列次, 栏次, 序号: tables.toml
    [fund_rows] index_rows) and nothing but numbers after it (列次 0 1 2 3 …)."""
    words = "|".join(re.escape(w) for w in sorted(index_words(), key=len, reverse=True))
    return re.compile(rf"[ \t|｜]*(?:{words})[ \t|｜:：]*(?:[0-9]+[ \t|｜]+)*")


@lru_cache(maxsize=1)
def _code_words() -> tuple[re.Pattern[str], int]:
    w = load_data("tagger.toml")["values"]
    # 预 算 编 码, 郵  編: a form's label is often spread over its cell, one character apart
    labels = "|".join(r"[ \t\u3000]*".join(map(re.escape, x)) for x in sorted(w["code_labels"], key=len, reverse=True))
    return re.compile(rf"(?:{labels})[^\n。；]{{0,12}}$"), int(w["code_digits"])


#: the factor that makes a ratio a percentage in a formula
_FORMULA_PERCENT = re.compile(r"100\s*[%％]")
#: a number written with a leading zero (0838-2281234, 05): no amount (0.5 and 0 are)
_LEADING_ZERO = re.compile(r"0[0-9]")
#: the area code of a phone number before its number (0817-5123456)
_AREA_CODE = re.compile(r"(?<![0-9])0[0-9]{2,3}[-－—]$")
_NUMERAL = re.compile(r"[0-9０-９零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟]")


def is_value_text(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` can be a value: it holds a numeral, is no table, annex or page number, no
    formula's factor (×100%), no number of an index row (列次 0 1 2), and is not a bare number that is a code,
    a phone number or a date (written after 索引号, 电话, 发布时间 … on its line or, opening its line, on the
    line above; written with a leading zero or an area code; nine digits and more)."""
    span = text[start:end]
    if not _NUMERAL.search(span):
        return False
    if _ordinal_re().search(text, max(0, start - 6), start) or _on_page_mark(text, start, end):
        return False  # 表1 项目…, 附件2, 第3页: the number of a table, an annex or a page
    if _FORMULA_PERCENT.fullmatch(span) and _formula_re().search(text, max(0, start - 3), start):
        return False  # (D/C×100%): a formula's factor (500元×120人: a count)
    if _index_row_re().fullmatch(text, text.rfind("\n", 0, start) + 1, start):
        return False  # 列次 0 1 2 3: the columns' numbers
    if _LEADING_ZERO.match(span) or _AREA_CODE.search(text, max(0, start - 6), start):
        return False  # 0838, 0838-2281234: an area code, a phone number or a code, never an amount
    if _date_number(text, start, end):
        return False  # 2023.03.15, 2017.01 2017.03, 2021 年 12 月: a date or its part
    if _LIST_NUMBER.fullmatch(span.strip()) or span.strip().isdigit() and len(span.strip()) <= 3 \
            and _LIST_MARK_AFTER.match(text, end) and _LIST_OPENING.search(text, max(0, start - 2), start):
        return False  # 1., 3、, 4), 1.完成培训: a list's number (not 5(10)绩效目标: points)
    if _code_opening_cell(text, start, end):
        return False  # 30226 劳务费, 2专项资金: a code or a list's number before a name, in a cell of its own
    if _TWO_POINTS.search(span):
        return False  # 170.18170., 796.8317796.8317: glued cells read as one number, no value
    digits = re.sub(r"[\s,，]", "", span)
    number = re.match(r"[0-9,，]+", span)
    if digits.isdigit() or number and "\n" in span[number.end():]:  # 410011\n项: the next line's word is no unit
        labels, many = _code_words()
        line_start = text.rfind("\n", 0, start) + 1
        if len(re.sub(r"[,，]", "", number.group(0)) if number else digits) >= many \
                or labels.search(text, line_start, start):
            return False
        if not text[line_start:start].strip(" \t\u3000|｜"):  # the number opens its line: its label is the cell above
            above_end = len(text[:line_start].rstrip(" \t\r\n\u3000|｜"))
            if labels.search(text, text.rfind("\n", 0, above_end) + 1, above_end):
                return False
    return True


def _code_opening_cell(text: str, start: int, end: int) -> bool:
    """Whether the bare integer ``text[start:end]`` opens its line (after bars and indent) and a name follows it
    in its cell, no unit (30226 劳务费, 50999其他对个人和家庭补助, 2专项资金): an account code or a list number."""
    if not text[start:end].isdigit():
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(" \t\u3000|｜"):
        return False
    m = _NAME_AFTER.match(text, end)
    return bool(m) and not unit_after_number().match(text, m.end() - 1)


#: what stands before a list's number: a line's start, a space or a clause's mark, and its opening bracket
_LIST_OPENING = re.compile(r"(?:^|(?<=[\s。；;，,：:]))[(（]?$")
#: a list's mark after its number, the item's words after it (1.完成培训, 3、开展宣传)
_LIST_MARK_AFTER = re.compile(r"[.．、)）][ \t]*[\u4e00-\u9fff]")
_DIGIT_AHEAD = re.compile(r"\s*[0-9０-９]")
#: a list's number with its mark (1., 3、, 4), (2)）
_LIST_NUMBER = re.compile(r"[(（]?\d{1,3}[.．、)）]")
#: a name right after a number, one space at most between
_NAME_AFTER = re.compile(r"[ \u3000]?[\u4e00-\u9fff]")
#: a number with two decimal points: cells glued together
_TWO_POINTS = re.compile(r"\d[.．]\d+[.．]")
#: a year and month written with a dot (2017.01), with a day (2023.03.15)
_YEAR_MONTH = r"(?:19|20)\d{2}[.．](?:0[1-9]|1[0-2])"
_DAY_DATE = re.compile(_YEAR_MONTH + r"[.．](?:0[1-9]|[12]\d|3[01])")
#: another year and month joined to one: a period (2023.07-2024.01), or the next cell (开始时间 | 完成时间)
_RANGE_BEFORE_DATE = re.compile(_YEAR_MONTH + r"[ \t\u3000]*[-－—~～至到][ \t\u3000]*$")
_RANGE_AFTER_DATE = re.compile(r"[ \t\u3000]*[-－—~～至到][ \t\u3000]*" + _YEAR_MONTH + r"(?![0-9])")
_SPACED_BEFORE = re.compile(r"(" + _YEAR_MONTH + r")[ \t\u3000]+$")
_SPACED_AFTER = re.compile(r"[ \t\u3000]+(" + _YEAR_MONTH + r")(?![0-9])")
_YEAR = re.compile(r"(?:19|20)\d{2}")
#: the word of a date's part after its number, a form's padding between (2021 年   12    月)
_DATE_WORD_AFTER = re.compile(r"[ \t\u3000]{0,8}([月日])")
#: a time of day (12:55:40, 09:53): its numbers are no amounts
_TIME = re.compile(r"(?<![\d:：.])(?:[01]?\d|2[0-3])[:：][0-5]\d(?:[:：][0-5]\d)?(?![\d:：])")


def _date_number(text: str, start: int, end: int) -> bool:
    """Whether the bare number ``text[start:end]`` is a date or a date's part: a day written with dots
    (2023.03.15); a year and month with dots joined to another by a range mark (2023.07-2024.01), or beside a
    later one (开始时间 | 完成时间: 2017.01 2017.03; not 2030.12 2030.12, a budget and its spending); a year before
    年 (2021 年, 2021年度), a month before 月 after its year, a day before 日 after its month (2021 年 12 月 31 日;
    not 3年, 12 日 alone: durations); a part of a time of day (12:55:40)."""
    span = text[start:end].strip()
    if _DAY_DATE.fullmatch(span):
        return True
    if re.fullmatch(_YEAR_MONTH, span):
        if _RANGE_BEFORE_DATE.search(text, max(0, start - 12), start) or _RANGE_AFTER_DATE.match(text, end):
            return True
        before = _SPACED_BEFORE.search(text, max(0, start - 12), start)
        after = _SPACED_AFTER.match(text, end)
        return bool(before and before.group(1) < span or after and span < after.group(1))
    if not span.isdigit():
        return False
    if _YEAR.fullmatch(span):
        return bool(re.match(r"[ \t\u3000]*年", text[end:end + 4]))
    m = _DATE_WORD_AFTER.match(text, end)
    if not m:  # 12:55:40: a time of day
        return any(t.start() <= start and end <= t.end() for t in _TIME.finditer(text, max(0, start - 6), end + 6))
    before = text[max(0, start - 12):start].rstrip(" \t\u3000")[-3:]  # 2021年   1    月: spaced as the form was
    return int(span) <= 12 and "年" in before if m.group(1) == "月" else int(span) <= 31 and "月" in before


def snap_to_numbers(text: str, span: Span) -> Span:
    """A value span widened so that it never cuts a number (a tagger may split ``20000`` into ``2`` + ``0000``,
    or ``三百万元`` into ``三`` + ``百万元``)."""
    label, s, e = span
    if label == "INDICATOR":
        return span
    while s > 0 and text[s - 1] in _NUM_CHARS and text[s] in _NUM_CHARS \
            and (text[s - 1].isdigit() or s > 1 and text[s - 2].isdigit()):  # not over a comma after a word (片,2套)
        s -= 1
    while s > 0 and text[s - 1] in _CN_DIGITS and s < e and text[s] in _CN_NUMERALS:
        s -= 1
    while e < len(text) and text[e] in _NUM_CHARS and text[e - 1] in _NUM_CHARS:
        e += 1
    while e > s + 1 and text[e - 1] in ".．,，" and not _DIGIT_AHEAD.match(text, e):
        e -= 1  # 自评得分95. : the sentence's full stop, no decimal point (not 170. / 3、18: a number wrapped)
    # 5次*5000=25000元: the result of a reckoning is the value, not its operands (a target's leading = is its comparator)
    eq = max(text.rfind("=", s, e), text.rfind("＝", s, e))
    if eq > s and any(c.isdigit() for c in text[s:eq]) and any(c.isdigit() for c in text[eq + 1:e]):
        s = eq + 1
    while e > s and text[e - 1] in "=＝":
        e -= 1  # 20次*500= | 10000元: an operand, its = no part of it
    while s < e - 1 and (text[s] in _NO_VALUE_OPENING or text.startswith("..", s) or text[s] == "." and text[s - 1] == ".") \
            and any(c.isdigit() for c in text[s + 1:e]):
        s += 1  # ......28 (a contents line's leader), ,4段: no value opens with a mark
    if label == "TARGET":
        s, e = _target_comparator(text, s, e)
    e = _whole_unit(text, label, s, e)
    if label in ("MONEY", "PERCENT", "QUANTITY"):
        # 占比75% → 75%, 约100万元 → 100万元: a value opens with its number
        while s < e and _HAN_CHAR.match(text[s]) and text[s] not in _ALL_CN_NUMERALS \
                and any(c.isdigit() or c in _ALL_CN_NUMERALS for c in text[s + 1:e]):
            s += 1
        # 252萬元;其他萬元: a value ends at a clause's end
        stop = _CLAUSE_END.search(text, s, e)
        if stop and any(c.isdigit() for c in text[s:stop.start()]):
            e = stop.start()
    return Span(label, s, e)


def _whole_unit(text: str, label: str, s: int, e: int) -> int:
    """The end of a value span that cuts its unit word (320小 | 时, 15万 | 元, 100人 | 次) taken to the unit's end:
    the part after the number begins a longer unit of the label's kind that the text goes on with (not 35万 | 人次 as
    MONEY)."""
    arabic = any(c.isdigit() for c in text[s:e])  # then 万 after the digits is a unit's part (15万 | 元)
    q = e
    while q > s and not (text[q - 1].isdigit() or not arabic and text[q - 1] in _ALL_CN_NUMERALS):
        q -= 1
    while q < e and text[q] in "余多":
        q += 1
    if q == s or q == e:
        return e
    m = _unit_words(label).match(text, q)
    return m.end() if m and m.end() > e else e


@lru_cache(maxsize=None)
def _unit_words(label: str) -> re.Pattern[str]:
    """The unit words a value of ``label`` ends with, longest first (a TARGET's: every unit), as one pattern."""
    lex = lexicon()
    money = (*lex.money_units, *(m + u for m in lex.magnitude for u in lex.money_units))
    percent = (*lex.percent_units, "%", "％", "‰")
    measure = (*lex.measure, *(m + u for m in lex.magnitude for u in lex.measure))
    words = {"MONEY": money, "PERCENT": percent, "QUANTITY": measure}.get(
        label, (*money, *percent, *measure))
    return re.compile("|".join(re.escape(w) for w in longest_first(set(words))))


def _target_comparator(text: str, s: int, e: int) -> tuple[int, int]:
    """A target span that cuts its comparator word (于5% after 低) takes all of it in."""
    for word in lexicon().comparators_before:
        for k in range(1, len(word)):
            if s - k >= 0 and text.startswith(word, s - k) and s - k + len(word) <= e:
                return s - k, e
    return s, e


_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
#: what no value opens with
_NO_VALUE_OPENING = frozenset(",，、。;；:：…")
#: every character of a Chinese numeral (numbers.toml), simplified and traditional
_ALL_CN_NUMERALS = frozenset(chinese_chars())
#: a clause's punctuation that no number holds (not the comma of 1,000)
_CLAUSE_END = re.compile(r"[;；。、：]|(?<![0-9０-９])[,，]|[,，](?![0-9０-９])")
