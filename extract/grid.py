"""Grids: rebuild a table's rows from its flattened cells, giving each cell its column.

Part of the layout stage. A table body is first cut into cells the way its text is
flattened (``|`` pieces, runs of two or more spaces or tabs, one cell per line; a line of
only ``|`` or a blank line marks where a row may end); each cell gets a *kind* from what it
holds (a level name, a value with or without comparator and unit, a comparator or a unit
alone, a fund row label, a short text, a sentence, nothing). An alignment then walks the
cells in reading order and gives each one a column of the header, or leaves it out,
starting new rows where needed; it maximizes how well the cells' kinds fit their columns'
roles minus the costs of columns left empty (merged cells lost), of rows started where
the text shows no row break, and of cells left out. The scores are data
(``data/layout.toml``). Fund rows are then checked by their arithmetic (执行率 ≈ 执行数 /
预算数, a score at most its points) and their numbers moved to the columns that make them
plausible. The level names met on the way are carried down by one
:class:`~extract.levels.LevelTracker`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import itertools
import math
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from .document import Cell, Column, Row
from .levels import LevelTracker, cell_levels, points_heading
from .lexicon import han_value_words, lexicon, load_data, unit_after_number
from .schema import TOTAL_LINE
from .segment import words
from .textview import normalize
from .values import read

#: a bare number in a rate column at most this is a ratio (0.958 = 95.8 %)
MAX_RATIO = 1.5
#: kinds of cells that hold a number
VALUE_KINDS = ("points", "number", "money", "percent", "quantity", "goal")
#: fund columns that hold amounts
AMOUNT_ROLES = ("budget_initial", "budget", "received", "spent")
#: cells longer than this are prose, not table cells: the table ends before them
MAX_CELL = 150
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SPACES = re.compile(r"[ \u3000]{2,}|\t+")
_WHITE = re.compile(r"[ \t\u3000]+")
_DIGIT = re.compile(r"[0-9０-９%％]")
_PIPE_ONLY = re.compile(r"^[ \t\u3000|｜]*[|｜][ \t\u3000|｜]*$")
#: a unit with a per-unit after it: 元/人·月, 元/人、天
_PER_UNIT = re.compile(r"^[^/\d]{1,3}/[\u4e00-\u9fff·*、]{1,5}$")
_DASH = re.compile(r"^[-—–一/／\\、]+$")


def scores() -> dict[str, Any]:
    return load_data("layout.toml")


@dataclass
class Token:
    """One flattened cell: its offsets and trimmed text, what it holds, and the break before it."""

    start: int
    end: int
    text: str
    brk: int  # 0: same line; 1: a line break before it; 2: a blank line or a |-only line before it
    kind: str = "empty"
    number: float | None = None


# -- cutting a body into cells ------------------------------------------------------------

def tokens(text: str, start: int, end: int, single_spaces: bool = False, header_cells: int = 0) -> list[Token]:
    """The cells of ``text[start:end]`` in reading order, with the break before each. A ``|`` or tab line with
    ``header_cells`` pieces, as many as its header's (:func:`line_cells`), keeps its empty cells."""
    out: list[Token] = []
    brk = 2
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        line = text[pos:line_end]
        if not line.strip():
            if line and any(c in line for c in "\t"):
                out.append(Token(line_end, line_end, "", max(brk, 1)))  # a tab-only line: an empty cell
                brk = 0
            brk = 2 if not line else max(brk, 1)
        elif _PIPE_ONLY.match(line) or is_page_mark(line):
            brk = 2  # a |-only line, or a page's footer or header mark (- 2 -, 第 1 页 共 3 页) between rows
        else:
            pieces = [p for a, b in _line_pieces(line, single_spaces, header_cells) for p in _field_pieces(line, a, b)]
            if len(pieces) >= 3 and not any(c in line for c in "|｜\t"):  # a row of cells apart by spaces: its
                pieces = [p for n, (a, b) in enumerate(pieces)                # level cells open it
                          for p in (_level_pieces(line, a, b) if n < 2 else [(a, b)])]
            open_cell = brk == 1 and out and _open_pipe_row(text, pos) and not line.lstrip().startswith(("|", "｜")) \
                and ("|" in line or "｜" in line)  # the rest of the row, its bars (总分 100 95 below: a line of its own)
            for i, (a, b) in enumerate(pieces):
                if i == 0 and open_cell:  # | 产出指标 | 数量指标 | 养护道 / 路里程 | …: the cell goes on on this line
                    out[-1] = _token(text, out[-1].start, pos + b, out[-1].brk)
                    continue
                out.append(_token(text, pos + a, pos + b, 0 if open_cell else max(brk, 1) if i == 0 else 0))
            brk = 1
        pos = line_end + 1
        if nl < 0:
            break
    if single_spaces and wrapped_at_width(text, start, end):
        out = _join_wrapped(text, out)
    out = _bracket_closed(text, _join_vertical(text, out))
    for t in out:
        classify(t)
    for i, t in enumerate(out):
        # a unit word that opens a name split at a space (项 目持续发挥作用年限) is text, not a unit
        nxt = out[i + 1] if i + 1 < len(out) else None
        prev = out[i - 1] if i else None
        if t.kind == "unit" and nxt is not None and nxt.brk == 0 and nxt.kind == "text" \
                and (prev is None or prev.kind not in VALUE_KINDS or t.brk > 0):
            t.kind = "text"
    return out


def _bracket_closed(text: str, toks: list[Token]) -> list[Token]:
    """A cell wrapped inside a bracket note, the note closed at the start of the next line, as one cell
    (≥1260万立方米（以省 / 水利厅核定为准）)."""
    out: list[Token] = []
    for t in toks:
        prev = out[-1] if out else None
        if prev is not None and t.brk == 1 and _OPEN_NOTE.search(prev.text) and _CLOSING.match(t.text):
            out[-1] = _token(text, prev.start, t.end, prev.brk)
            continue
        out.append(t)
    return out


#: a bracket opened and not closed at a cell's end; the rest of such a note, closed, that opens the next line
_OPEN_NOTE = re.compile(r"[（(][^）)]*$")
_CLOSING = re.compile(r"(?![\d≥≤<>＜＞=≧≦])[^（()）\n]{1,20}[）)]$")  # (not a value: ≥200人))


#: a text wrapped at a fixed width: at least this many full lines, all as wide as each other
WRAPPED_LINES = 3


def wrapped_at_width(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` was wrapped at a fixed width (a web page or a viewer's copy of a table flattened
    to one line): its lines to its paragraph's end but the last are exactly as wide as each other, in characters
    (or in display width, one apart: a wide character that did not fit), none with a tab or a bar. Its line breaks
    then fall anywhere, inside a cell too (65岁及以上老年人健 / 康管理率, ≥6 / 2%)."""
    a = text.rfind("\n", 0, start) + 1  # from the table's first line to its paragraph's end: a table's own lines
    b = text.find("\n\n", end)          # may be few, the title above it is no wrapped line
    lines = text[a:b if b >= 0 else len(text)].strip("\n").split("\n")[:-1]
    if len(lines) < WRAPPED_LINES or any("\t" in ln or "|" in ln or "｜" in ln for ln in lines):
        return False  # (a tab table's lines come out alike by chance, a padded |-table's always)
    for width, slack in ((len, 0), (display_width, 1)):  # (a wide character does not fit the last column)
        widths = [width(ln.rstrip("\r")) for ln in lines]
        if max(widths) - min(widths) <= slack and max(widths) >= 20:
            return True
    return False


def _join_wrapped(text: str, toks: list[Token]) -> list[Token]:
    """The cells of a text wrapped at a fixed width, a cell that a line break cut without a space on either side
    of it read whole (康管理率 goes on 65岁及以上老年人健 on the line before); the other line breaks tell no row
    apart either."""
    out: list[Token] = []
    for t in toks:
        prev = out[-1] if out else None
        if prev is not None and t.brk == 1 and text[prev.end:t.start] == "\n":
            out[-1] = Token(prev.start, t.end, text[prev.start:t.end], prev.brk)
            continue
        out.append(replace(t, brk=0) if prev is not None and t.brk == 1 else t)  # a wrap: no new row
    return out


def _open_pipe_row(text: str, pos: int) -> bool:
    """Whether the line before ``pos`` is a | row left open: it opens with a bar and does not close with one."""
    prev_end = pos - 1
    prev_start = text.rfind("\n", 0, prev_end) + 1
    prev = text[prev_start:prev_end].strip()
    above = text[text.rfind("\n", 0, max(0, prev_start - 1)) + 1:max(0, prev_start - 1)].strip()
    closed = above.endswith(("|", "｜"))  # the rows close their lines with a bar (the line above the open one does)
    return closed and prev.startswith(("|", "｜")) and not prev.endswith(("|", "｜")) and prev.count("|") + prev.count("｜") >= 2


def _join_vertical(text: str, toks: list[Token]) -> list[Token]:
    """Cells of one character per line that spell a level name written vertically (产 / 出 / 指 / 标) as one
    cell, a level name wrapped over two lines (社会效 / 益指标), and one-character cells of one line that spell a
    total row's name (总 分, 合  计); other one-character cells (是, 个) stay apart."""
    out: list[Token] = []
    i = 0
    while i < len(toks):
        pair = toks[i:i + 2]
        if len(pair) == 2 and pair[1].brk == 0 and all(len(t.text) == 1 for t in pair) \
                and pair[0].text + pair[1].text in _spaced_words():
            out.append(Token(pair[0].start, pair[1].end, text[pair[0].start:pair[1].end], pair[0].brk))
            i += 2
            continue
        if len(pair) == 2 and pair[1].brk <= 1 and _HAN.match(pair[0].text) and _HAN.match(pair[1].text) \
                and not cell_levels(pair[0].text) and not cell_levels(pair[1].text) \
                and cell_levels(pair[0].text + pair[1].text) and len(pair[0].text + pair[1].text) >= 4 \
                and (pair[1].brk == 1 or text[pair[0].end:pair[1].start] == " "):
            out.append(Token(pair[0].start, pair[1].end, text[pair[0].start:pair[1].end], pair[0].brk))
            i += 2  # 社会效 / 益指标, 可持续影 响指标: a level name wrapped in its cell, or split by a space
            continue
        if len(pair) == 2 and pair[1].brk == 1 and _HAN.match(pair[0].text) and len(pair[0].text) >= 2 \
                and not cell_levels(pair[0].text) and cell_levels(pair[1].text) and "指标" not in pair[1].text \
                and i + 2 < len(toks) and _VALUE_START.match(toks[i + 2].text):
            out.append(Token(pair[0].start, pair[1].end, text[pair[0].start:pair[1].end], pair[0].brk))
            i += 2  # 受益群众 / 满意度 / ≥90%: a name wrapped before a level word, values after it (no level cell)
            continue
        j = i
        while j < len(toks) and len(toks[j].text) == 1 and _HAN.match(toks[j].text) and (j == i or toks[j].brk > 0):
            j += 1
        word = "".join(t.text for t in toks[i:j])
        if j - i >= 3 and cell_levels(word):
            out.append(Token(toks[i].start, toks[j - 1].end, word, toks[i].brk))
            i = j
        else:
            out.append(toks[i])
            i += 1
    return out


#: what a value cell opens with (a number, a comparator)
_VALUE_START = re.compile(r"\s*[0-9０-９≥≤＞＜>=<＝≧≦]")


@lru_cache(maxsize=1)
def _spaced_words() -> frozenset[str]:
    """Two-character row names a PDF writes with a space inside (总 分, 合 计): tables.toml [names] spaced."""
    return frozenset(load_data("tables.toml")["names"]["spaced"])


def _line_pieces(line: str, single_spaces: bool, header_cells: int = 0) -> list[tuple[int, int]]:
    """Where the cells of one line are: ``|`` pieces, runs of two or more spaces or tabs, single spaces in a
    row-like line (two pieces with digits, or a text then a value), or the whole line."""
    if "|" in line or "｜" in line:
        cuts = [m.start() for m in re.finditer(r"[|｜]", line)]
        bounds = [-1, *cuts, len(line)]
        pieces = [(a + 1, b) for a, b in zip(bounds, bounds[1:])]
        if pieces and not line[pieces[-1][0]:].strip() and len(pieces) != header_cells:
            pieces = pieces[:-1]  # the right border after the last | (not an empty last cell: | 89.974 | | |)
        return pieces
    tabbed = _tab_pieces(line)
    if tabbed and len(tabbed) == header_cells:  # a tab per cell (a sheet's copy): \t\t is an empty cell
        return tabbed
    out = _split(line, _SPACES)
    if len(out) > 1:  # columns aligned with spaces, one space left after a label: 其中：当年财政拨款 100   110
        out = [p for a, b in out for p in _label_then_number(line, a, b)]
    if len(out) == 1 or single_spaces:
        fine = _split(line, _WHITE)
        digits = [bool(_DIGIT.search(line[a:b])) for a, b in fine]
        if single_spaces or sum(digits) >= 2 or len(fine) >= 2 and digits[-1] and not any(digits[:-1]):
            return fine
    return out


def _tab_pieces(line: str) -> list[tuple[int, int]]:
    """Where the cells of a line without ``|`` are, one tab between each two (tabs before the first are its
    indent); [] for a line without tabs."""
    body = line.lstrip("\t")
    if "\t" not in body or "|" in line or "｜" in line:
        return []
    pos, out = len(line) - len(body), []
    for cell in body.split("\t"):
        out.append((pos, pos + len(cell)))
        pos += len(cell) + 1
    return out


def line_cells(line: str) -> int:
    """How many cells a header line has: its ``|`` pieces (its right border no cell), or its tab pieces."""
    return len(_tab_pieces(line) or _line_pieces(line, False))


@lru_cache(maxsize=1)
def page_mark_re() -> re.Pattern[str]:
    """A line that marks a page (layout.toml [page_marks]): no cell of the table."""
    return re.compile("|".join(f"(?:{p})" for p in scores()["page_marks"]["patterns"]))


def is_page_mark(line: str, most: int | None = None) -> bool:
    """Whether a line, without its borders and indent, is a page mark (- 2 -, 第 1 页 共 3 页) of at most ``most``
    characters."""
    line = line.strip(" \t\u3000|｜")
    return bool(line) and (most is None or len(line) <= most) and bool(page_mark_re().fullmatch(line))


#: a page mark found by itself (by a value's line or a glued row's line) is at most this long
PAGE_MARK_MOST = 20


def _label_then_number(line: str, a: int, b: int) -> list[tuple[int, int]]:
    """A piece of a space-aligned line that is a label or a name, one space and a value (其中：当年财政拨款 100,
    巩固提升工程受益人口 ≥5000人): two cells."""
    m = _LABEL_NUMBER.fullmatch(line, a, b)
    if not m or kind_of(m.group(2))[0] not in VALUE_KINDS:
        return [(a, b)]
    return [(a, m.end(1)), (m.start(2), b)]


#: a label ending in a Han character or a bracket, one space, then what may be a value (a cell of its own)
_LABEL_NUMBER = re.compile(r"(.*[\u4e00-\u9fff)）])[ \u3000]([-≥≤><=≧≦＞＜]*\d\S*)")

#: a label–value field in one cell (一般公共预算:1325.68, 项目支出：1025.20万元): a label cell and a value cell
_FIELD = re.compile(r"((?:其中\s*[:：]\s*)?[^\d:：]*[\u4e00-\u9fff)）])\s*[:：]\s*(-?\d[\d,.]*\s*[%％]?(?:万元|元|亿元)?)\s*$")


def _field_pieces(line: str, a: int, b: int) -> list[tuple[int, int]]:
    """One cell, or the label and the value of a label–value field written in it."""
    m = _FIELD.match(line, a, b) if ":" in line[a:b] or "：" in line[a:b] else None
    if not m:
        return [(a, b)]
    return [(m.start(1), m.end(1)), (m.start(2), m.end(2))]


def _level_pieces(line: str, a: int, b: int) -> list[tuple[int, int]]:
    """One cell, or the level names that a tight column pushed against it, one space apart, each a cell of its
    own (社会效益指标 重大食品安全事故发生数, 满意度指标 服务对象满意度 消费者满意度)."""
    out = []
    if cell_levels(normalize(line[a:b]).replace(" ", "")):
        return [(a, b)]  # 数量 指标: one level name written with a space
    while True:
        m = _WORD_THEN_SPACE.match(line, a, b)
        if not m or not cell_levels(normalize(m.group(1))) or not _HAN.search(line, m.end(), b):
            return out + [(a, b)]
        out.append((a, m.end(1)))
        a = m.end()


#: a word and one space after it, more text following
_WORD_THEN_SPACE = re.compile(r"\s*([\u4e00-\u9fff]{2,12}) (?=\S)")


def _split(line: str, sep: re.Pattern[str]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in sep.finditer(line):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(line):
        out.append((pos, len(line)))
    return out


def _token(text: str, a: int, b: int, brk: int) -> Token:
    seg = text[a:b]
    lead = len(seg) - len(seg.lstrip())
    core = seg.strip()
    return Token(a + lead, a + lead + len(core), core, brk)


@lru_cache(maxsize=1)
def _fund_label_re() -> re.Pattern[str]:
    w = load_data("tables.toml")["fund_rows"]
    alts = sorted(w["total"] + w["other"], key=len, reverse=True)
    return re.compile(r"^(?:其中\s*[:：]?\s*)?(?:" + "|".join(re.escape(a) for a in alts) + r")")


#: a note in brackets after a fund label (本级资金(包括结转结余)): part of the label
_NOTE_IN_LABEL = re.compile(r"[(（][^()（）]*[)）]")


@lru_cache(maxsize=1)
def _date_cell() -> re.Pattern[str]:
    """A cell that is a date (the date words of layout.toml [glued])."""
    return re.compile(f"(?:{load_data('layout.toml')['glued']['date']})(?:前|止|起)?")


@lru_cache(maxsize=1)
def _value_start() -> re.Pattern[str]:
    """A cell that starts like a value: a digit or a comparator (不少于49.5万人次, ≥90%)."""
    words = "|".join(re.escape(w) for w in lexicon().comparators_before)
    return re.compile(rf"^(?:[0-9]|{words})")


@lru_cache(maxsize=1)
def _cmp_words() -> frozenset[str]:
    """What a comparator column may hold: comparators, directions (正向) and target kinds (定性)."""
    cmp = load_data("tables.toml")["cmp_column"]
    lex = lexicon()
    return frozenset([*lex.comparators_before, *lex.comparators_after, *cmp["directions"], *cmp["kinds"]])


def _magnitude_unit(text: str) -> bool:
    """Whether a cell is a unit written as a magnitude and a measure word (万头, 千只)."""
    lex = lexicon()
    return len(text) >= 2 and text[0] in lex.magnitude and text[1:] in lex.measure


@lru_cache(maxsize=1)
def _units() -> frozenset[str]:
    lex = lexicon()
    return frozenset([*lex.money, *lex.measure, *lex.percent, "元/人", "人次", "%"])


#: how many cell texts keep their kind (a bounded cache: a long batch's memory stays flat)
KINDS_CACHED = 8192
#: a row's label with nothing after it (指标2, 指标 3：)
_ROW_LABEL_ALONE = re.compile(r"指标\d{1,2}[:：.．、]?")
#: a heading's or list item's number by itself
_NUMBERING = re.compile(r"[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]{1,3}[)）]")


@lru_cache(maxsize=KINDS_CACHED)
def kind_of(text: str) -> tuple[str, float | None]:
    """The kind of what a cell holds (and its number, for a value); cells repeat (10, 100%, 产出指标), their kinds
    are kept for the last :data:`KINDS_CACHED` texts met."""
    norm = normalize(text).replace(" ", "").rstrip("。；;")
    if not norm or _DASH.match(norm) or norm.lower() == "nan":
        return "empty", None  # nan: an empty cell as pandas writes it
    if is_page_mark(norm, PAGE_MARK_MOST):
        return "empty", None  # 总分 -1- 偏差原因: a page's number flattened into the row
    if _NUMBERING.fullmatch(norm):  # ((20) is a weight in brackets; 2、 before a name is left to the alignment)
        return "empty", None  # 二、 (一): the number of a heading cut from its words, no value
    if _ROW_LABEL_ALONE.fullmatch(norm):
        return "empty", None  # 指标2 on its own: a row's label, no name after it (an unused row of the form)
    if norm in _structure_words():
        return "empty", None  # 指标, the tail of a level name broken over two cells (经济效益 | 指标); 绩效指标: no name
    if norm in _cmp_words():
        return "cmp", None  # 正向指标: a direction, though it ends like a level name
    levels = cell_levels(norm)
    if levels:
        l1, l2 = levels
        ambiguous = load_data("tables.toml")["levels"]["ambiguous_levels"]
        return ("level" if norm.replace("指标", "") in ambiguous else "level1" if l1 and not l2 else "level2"), None
    if points_heading(norm) or _other_level(norm):
        return "level", None  # 项目立项(10分), 安全指标: a category of the form's own, its column tells its rank
    if norm in _units() or _PER_UNIT.match(norm) and norm.split("/")[0] in _units() or _magnitude_unit(norm):
        return "unit", None  # 万头: a magnitude before a measure word is a unit too
    if _date_cell().fullmatch(norm):
        return "text", None  # 1月11號, 2021年12月: a date, no amount
    label = _fund_label_re().match(norm)
    if label and len(_HAN.findall(_NOTE_IN_LABEL.sub("", norm[label.end():]))) < 3:  # not 项目支出绩效目标申报表
        return "label", None
    if _total_cell().fullmatch(norm):
        return "label", None  # 总分, 总计: a total row's name, no value in words
    opener = _opener_cell().match(norm)
    if opener:  # 实际完成4.5万亩: the actual's word before its number, the cell is the value
        rest = kind_of(norm[opener.end():])
        if rest[0] in VALUE_KINDS:
            return rest
    han = len(_HAN.findall(norm))
    if len(norm) <= 20 and (han <= 4 or _value_start().match(norm) and len(_HAN.findall(han_value_words().sub("", norm))) <= 2):
        r = read(text)
        if r.number is not None:
            n = r.number.value
            if r.comparator:
                return "goal", n
            if r.kind == "quantity" and r.unit == "分" and 0 <= n <= 100:
                return "points", n  # 9.89分: points written with their unit
            if r.kind in ("percent", "money", "quantity"):
                return r.kind, n
            if r.kind is None and han == 0:
                return ("points" if 0 <= n <= 100 else "number"), n
            if r.kind is None and len(_HAN.findall(_NOTE_IN_LABEL.sub("", norm))) >= 2:  # (573.28（已支付）: a note)
                return "text", None  # 三公经费, 2、出国经费: a name that opens with a number, no unit after it
            return "quantity", n
    if _is_note(norm):
        return "note", None  # 受疫情影响，减少培训20人, 无: the reason for a deviation, no name nor value
    return ("long" if len(norm) > int(scores()["long_text"]) else "text"), None


@lru_cache(maxsize=1)
def _opener_cell() -> re.Pattern[str]:
    """The word that opens an actual cell before its number (tables.toml [names] value_openers)."""
    words = sorted(load_data("tables.toml")["names"]["value_openers"], key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, words)) + r")(?=\d)")


def _is_note(norm: str) -> bool:
    """Whether a cell explains a deviation: it holds a note word (layout.toml [notes] words) that is no part of a
    longer word of a name (改造成本 holds 造成: [notes] not_in), or is a note as a whole (无)."""
    if norm in scores()["notes"]["whole"]:
        return True
    hits = list(_note_re().finditer(norm))
    if not hits:
        return False
    inside = [(m.start(), m.end()) for w in scores()["notes"]["not_in"] if w in norm for m in re.finditer(re.escape(w), norm)]
    return any(not any(a <= m.start() and m.end() <= b for a, b in inside) for m in hits)


@lru_cache(maxsize=1)
def _note_re() -> re.Pattern[str]:
    """Words of a cell that explains a deviation (layout.toml [notes])."""
    return re.compile("|".join(map(re.escape, scores()["notes"]["words"])))


def _other_level(text: str) -> str | None:
    """A category the level names do not list, named as one (安全指标) or a framework's (职责履行): the name,
    its column tells its rank."""
    pattern, not_level = _other_level_words()
    norm = normalize(text).replace(" ", "")
    if pattern.fullmatch(norm) and not any(w in norm for w in not_level) or norm in _framework_levels():
        return norm
    return None


@lru_cache(maxsize=1)
def _total_cell() -> re.Pattern[str]:
    """A cell that names a form's total row (tables.toml [names] total_cell)."""
    return re.compile(load_data("tables.toml")["names"]["total_cell"])


@lru_cache(maxsize=1)
def _framework_levels() -> frozenset[str]:
    """Categories of department and evaluation frameworks, a level only as a whole cell (tables.toml [levels]
    framework: 预算执行, 职责履行 …; inside glued text they may begin a name)."""
    return frozenset(load_data("tables.toml")["levels"]["framework"])


@lru_cache(maxsize=1)
def _other_level_words() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """tables.toml [levels] other_level (compiled) and not_level."""
    lv = load_data("tables.toml")["levels"]
    return re.compile(lv["other_level"]), tuple(lv["not_level"])


@lru_cache(maxsize=1)
def _structure_words() -> frozenset[str]:
    """Words of a form's structure that are an empty cell in a body (tables.toml [levels] structure)."""
    return frozenset(load_data("tables.toml")["levels"]["structure"])


def classify(t: Token) -> None:
    """Give a token the kind of what it holds."""
    t.kind, t.number = kind_of(t.text)


# -- the alignment ------------------------------------------------------------------------

def _fit_table(role: str) -> str:
    if role in AMOUNT_ROLES:
        return "amount"
    return "extra" if role == "adjusted" else role


def _fit_key(role: str, kind: str, total: bool = True) -> str:
    """The key of a column's role in ``[fit]``: amounts share one; the points of a fund table are its total
    line's (a fund row other than the total seldom has its own)."""
    if kind == "fund" and role in ("weight", "score"):
        return "fund_points" if total else "fund_points_part"
    if kind == "fund" and role == "other":
        return "amount"  # 结余: an amount without fund field
    return _fit_table(role)


def _skip_key(role: str, kind: str, total: bool = True) -> str:
    """The key of a column's role in ``[skip]``; a fund row's weight column other than the total's has its own
    (merged with the total's, it is left empty far more often than the row's score)."""
    if kind == "fund" and role == "weight" and not total:
        return "fund_weight_part"
    return f"fund_{role}" if kind == "fund" and role in ("weight", "score") else role


def align(toks: list[Token], columns: list[Column], kind: str, one_line: bool = False,
          under: list[int | None] | None = None) -> list[list[tuple[int, Token]]]:
    """Rows of (column index, token) for ``toks``: the best alignment of the cells to the columns. In a table
    flattened to ``one_line`` (cells apart by single spaces) whose lines hold more than a row each, a line break
    is where the PDF wrapped the line: it tells no row apart. Given for each token the column it stands under
    (``under``, of a table aligned with spaces: :func:`_under`), a cell also fits that column."""
    return alignment(toks, columns, kind, one_line, under)[1]


def alignment(toks: list[Token], columns: list[Column], kind: str, one_line: bool = False,
              under: list[int | None] | None = None) -> tuple[float, list[list[tuple[int, Token]]]]:
    """The score of the best alignment of the cells to the columns (how well they fit, less what was skipped and
    dropped), with its rows (:func:`align`)."""
    s = scores()
    fit, skip, drop, rows_cfg = s["fit"], s["skip"], s["drop"], s["rows"]
    n_cols = len(columns)
    if not toks or not n_cols:
        return 0.0, []
    emit = [[fit.get(_fit_key(c.role, kind), {}).get(t.kind, -2.0) for c in columns] for t in toks]
    if kind == "performance":  # 指标2：取得职业资: a row label opens a name, no other cell
        worded = s["worded"]
        for k, t in enumerate(toks):
            if _ROW_LABEL_PREFIX.match(t.text):
                emit[k] = [e if c.role == "name" else min(e, -3.0) for e, c in zip(emit[k], columns)]
            elif t.kind == "text" and _in_words(t.text):  # 规范, 按时完成, 12月31日前: a value in words, seldom a name
                emit[k] = [min(e, float(worded["name"])) if c.role == "name" else
                           e + float(worded["value"]) if c.role in ("target", "actual") else e
                           for e, c in zip(emit[k], columns)]
    if kind == "performance" and "name" in [c.role for c in columns]:
        # a cell per line (or a table on one line): a plain text (no note) after the values, then a text and a value,
        # is more likely the first line or word of the next row's name (危旧桥梁改造 / 座数 / 6座 …, 新建灌排 渠道 ≥48公里)
        # than a reason cell of the row before
        values_end = max((i for i, c in enumerate(columns) if c.role in ("target", "actual", "weight", "score")), default=-1)
        piece = float(s["rows"]["name_line_as_text"])
        for k in range(len(toks) - 2):
            if toks[k].kind == "text" and toks[k + 1].kind == "text" and not _DIGIT.search(toks[k].text + toks[k + 1].text) \
                    and not re.search(r"[，,。；;！？]", toks[k].text) \
                    and not toks[k].text.lstrip().startswith(tuple(s["rows"]["reason_openers"])) \
                    and len(_HAN.findall(toks[k].text)) >= 2 and not any(w in toks[k].text for w in s["rows"]["reason_words"]) \
                    and (min(x.brk for x in toks[k:k + 3]) >= 1 or one_line and toks[k + 1].brk == 0) \
                    and (toks[k + 2].kind in VALUE_KINDS or toks[k + 2].kind == "cmp" or _in_words(toks[k + 2].text)):
                emit[k] = [e - piece if c.role == "other" and i > values_end else e for i, (e, c) in enumerate(zip(emit[k], columns))]
    if under:
        bonus = float(s["rows"]["under_column"])
        for k, c in enumerate(under):
            if c is not None and emit[k][c] > -2.0:
                emit[k][c] += bonus
    skip_cost = [float(skip.get(_skip_key(c.role, kind), 0.5)) for c in columns]
    cum = [0.0, *itertools.accumulate(skip_cost)]  # cum[j] = cost of skipping columns 0..j-1 (a..b-1: cum[b] - cum[a])
    end_share = float(skip["at_row_end"])
    at_end = s["skip_at_row_end"]
    end_cost = [float(at_end[c.role]) if kind == "performance" and c.role in at_end else end_share * skip_cost[i]
                for i, c in enumerate(columns)]
    end_cum = [0.0, *itertools.accumulate(end_cost)]

    def after(a: int) -> float:  # columns a.. left empty at the end of a row
        return end_cum[n_cols] - end_cum[a] if n_cols > a else 0.0

    # a break before empty cells at a line's start counts before the first cell that holds something
    brks, pending = [], 0
    for t in toks:
        pending = max(pending, t.brk) if t.brk >= 1 or pending else 0
        brks.append(pending)
        if t.kind != "empty":
            pending = 0
    # how rows show in this table
    lines = [t for t in toks if t.brk >= 1]
    multi = sum(1 for i, t in enumerate(toks) if t.brk >= 1 and i + 1 < len(toks) and toks[i + 1].brk == 0)
    # a table flattened to one line whose lines hold more than a row each: its line breaks are the PDF's wraps
    one_line = one_line and bool(lines) and len(toks) / len(lines) > n_cols
    row_per_line = not one_line and bool(lines) and multi / len(lines) >= float(rows_cfg["row_per_line_share"]) \
        and len(toks) / len(lines) <= float(rows_cfg["row_per_line_width"]) * n_cols
    blanks = sum(1 for t in toks if t.brk == 2)
    blank_informative = not row_per_line and not one_line and blanks / len(toks) <= float(rows_cfg["blank_line_share"])

    def new_row_cost(brk: int) -> float:
        if row_per_line:
            return 0.0 if brk >= 1 else float(rows_cfg["new_row_inside_line"])
        if blank_informative:
            return 0.0 if brk == 2 else float(rows_cfg["new_row_without_blank"])
        return 0.0

    def same_row_cost(brk: int) -> float:
        if row_per_line:
            return float(rows_cfg["row_across_lines"]) if brk >= 1 else 0.0
        if blank_informative:
            return float(rows_cfg["row_across_blank"]) if brk == 2 else 0.0
        return 0.0

    # a token alone on its line (the rest of a cell wrapped onto it)
    alone = [t.brk >= 1 and (i + 1 == len(toks) or toks[i + 1].brk >= 1) for i, t in enumerate(toks)]
    if under:  # … that stands under a column continues that column's cell, or is that column's: no other's
        off = float(s["rows"]["off_column_alone"])
        for k, c in enumerate(under):
            if c is not None and alone[k]:
                emit[k] = [e if i == c else e - off for i, e in enumerate(emit[k])]
    unit_column = any(c.role == "unit" for c in columns)
    wide = _wide_gaps(toks, float(rows_cfg["wide_gap_ratio"]))
    wide_cost = float(rows_cfg["wide_gap_no_skip"])
    NEG = -math.inf
    join = s["join"]
    wrap = float(join["wrapped_name"])
    wrap_value = float(join["wrapped_value"])
    # state j: the last column used in the current row (-1: a row has started, nothing in it yet) -> index j + 1
    best = [NEG] * (n_cols + 1)
    best[0] = 0.0
    # per token, per state: (previous state, column; DROPPED or JOINED, new row)
    back: list[list[tuple[int, int, bool]]] = []
    for k, t in enumerate(toks):
        nxt = [NEG] * (n_cols + 1)
        ptr = [(-1, DROPPED, False)] * (n_cols + 1)
        d = float(drop.get(t.kind, 1.5))
        j = _join_cost(toks[k - 1] if k else None, t, join)

        def wrap_cost(role: str) -> float:
            """The cost of joining ``t``, on the next line, to the cell of a column of ``role`` before it."""
            if row_per_line:  # a text column's cell that goes on alone on the next line (受疫情影响，下年度 / 加强组织:
                return j + wrap if role == "other" and alone[k] else math.inf  # a 偏差原因 sentence, no row's name)
            if role == "label":  # a fund row label wrapped in its cell, when the two make a label (其中：当年财政 / 拨款)
                return float(join["wrapped_label"]) + wrap \
                    if t.kind in ("text", "long") and _wrapped_label(toks[k - 1], t) else math.inf
            if role in ("name", "other"):  # a name or a text wrapped in its cell (its last character alone: a reward)
                return j + wrap + (float(join["wrapped_tail"]) if alone[k] and _tail(t, unit_column) else 0.0)
            if role in ("target", "actual") and _value_piece(toks[k - 1], t):  # ≥ / 95 / %: a value broken over lines
                return j + wrap_value
            if role in ("target", "actual") and _completes_value(toks[k - 1], t):  # 2023年12 / 月底前, ≥496公 / 里
                return float(join["completed_value"])
            return math.inf
        def placed_join(k: int, last: int) -> float:
            """What joining token ``k`` to the cell of column ``last`` gains when it stands alone under it."""
            return float(s["rows"]["under_column"]) if under and alone[k] and under[k] == last else 0.0
        ek = emit[k]
        same = same_row_cost(brks[k]) if t.kind != "empty" else 0.0
        opening = new_row_cost(brks[k])
        wide_here = wide_cost if k in wide else 0.0
        for si in range(n_cols + 1):
            cur = best[si]
            if cur == NEG:
                continue
            last = si - 1
            # leave the cell out
            if cur - d > nxt[si]:
                nxt[si], ptr[si] = cur - d, (si, DROPPED, False)
            # the rest of the cell before it, on the same line (a name or a value split at a single space)
            if last >= 0 and t.brk == 0 and cur - j > nxt[si]:
                nxt[si], ptr[si] = cur - j, (si, JOINED, False)
            # … or on the next line: the rest of the cell wrapped there (see wrap_cost below)
            elif last >= 0 and t.brk == 1 and cur - (w := wrap_cost(columns[last].role) - placed_join(k, last)) > nxt[si]:
                nxt[si], ptr[si] = cur - w, (si, JOINED, False)
            # the same row, a later column (the columns between left empty)
            first, skipped = si, cum[si]
            for c in range(first, n_cols):
                v = cur + ek[c] - (cum[c] - skipped if c > first else 0.0) - same - (wide_here if c == first else 0.0)
                if v > nxt[c + 1]:
                    nxt[c + 1], ptr[c + 1] = v, (si, c, False)
            # a new row (the columns before c left empty)
            if last >= 0:
                close = cur - after(si) - opening
                for c in range(n_cols):
                    v = close + ek[c] - cum[c]
                    if v > nxt[c + 1]:
                        nxt[c + 1], ptr[c + 1] = v, (si, c, True)
        best = nxt
        back.append(ptr)
    final = [best[si] - (after(si) if si > 0 else 0.0) for si in range(n_cols + 1)]
    si = max(range(n_cols + 1), key=lambda i: final[i])
    score = final[si]
    path: list[tuple[int, bool]] = []
    for k in range(len(toks) - 1, -1, -1):
        prev, col, new = back[k][si]
        path.append((col, new))
        si = prev
    path.reverse()
    rows: list[list[tuple[int, Token]]] = [[]]
    for t, (col, new) in zip(toks, path):
        if new and rows[-1]:
            rows.append([])
        if col == JOINED and rows[-1]:
            c, prev = rows[-1][-1]
            rows[-1][-1] = (c, _joined(prev, t))
        elif col >= 0:
            rows[-1].append((col, t))
    return score, [r for r in rows if r]


DROPPED, JOINED = -1, -2


def columns_at(roles: list[str], start: int) -> list[Column]:
    """Columns of ``roles`` with no header word, all standing at ``start`` (a table found without header words)."""
    return [Column(role, "", start, start) for role in roles]


def best_order(orders: list[list[str]], fit: Callable[[list[str]], float]) -> list[str]:
    """Of the orders of columns forms have (roles in order), the one ``fit`` scores highest, the first of equal
    ones."""
    fits = [fit(roles) for roles in orders]
    return orders[max(range(len(orders)), key=lambda i: (fits[i], -i))]


def headerless_columns(toks: list[Token], orders: list[list[str]], start: int, one_line: bool = False) -> list[Column]:
    """The columns of a performance table found without its header (an excerpt or a page that opens inside the
    table, a header no word of which was read): of the orders of columns forms have (``orders``, roles in order),
    the one its cells fit best (:func:`alignment`; the first of equal ones). The columns have no header word and
    stand at ``start``."""
    def fit(roles: list[str]) -> float:
        score, rows = alignment(toks, columns_at(roles, start), "performance", one_line)
        return score - _implausible(rows, roles)

    return columns_at(best_order(orders, fit), start)


def unread_roles(toks: list[Token], columns: list[Column], one_line: bool = False) -> list[Column]:
    """A performance header's columns with a role for each head no word of which was read (role ``unread``): of
    the value roles the header lacks (and ``other``), the ones its cells fit best (:func:`alignment`, less
    :func:`_implausible`), each unread head taking a different role, in the order they stand."""
    unread = [i for i, c in enumerate(columns) if c.role == "unread"]
    free = missing_value_roles({c.role for c in columns}) + ["other"] * len(unread)
    best, best_fit = columns, -math.inf
    for roles in dict.fromkeys(itertools.permutations(free, len(unread))):
        cols = list(columns)
        for i, role in zip(unread, roles):
            cols[i] = Column(role, columns[i].word, columns[i].start, columns[i].end)
        score, rows = alignment(toks, cols, "performance", one_line)
        fit = score - _implausible(rows, [c.role for c in cols])
        if fit > best_fit:
            best, best_fit = cols, fit
    return best


def missing_value_roles(have: set[str]) -> list[str]:
    """The value roles a header lacks, in the order an unread head tries them (the first of equal fits wins): the
    points of a form that writes what was achieved and no points column are more often its score (实际完成值 | 得分)
    than its weight; a form of targets alone gives weights (指标值 | 分值)."""
    order = ("target", "actual", "score", "weight") if "actual" in have and not have & {"weight", "score"} \
        else ("target", "actual", "weight", "score")
    return [r for r in order if r not in have]


def headerless_fund_columns(toks: list[Token], orders: list[list[str]], start: int) -> list[Column]:
    """The columns of a fund table found by its row labels without a header: of the orders of columns forms have
    (``orders``, roles in order, the default first), the one its cells fit best (:func:`alignment`), less what the
    arithmetic rules out and plus what it bears out (a rate that is the spent amount over the budget:
    ``layout.toml [headerless]``). An order other than the default needs a row whose arithmetic bears it out (合 计 |
    2417.5 | 1365 | 1165 | 200 under an allocation's heads is no budget, spent amount and points)."""
    def fit(roles: list[str]) -> float:
        score, rows = alignment(toks, columns_at(roles, start), "fund")
        gain, borne_out = _fund_arithmetic(rows, roles)
        return score + gain if borne_out or roles == orders[0] else -math.inf

    return columns_at(best_order(orders, fit), start)


def plausible_points_reading(rows: list[dict[str, str]]) -> float:
    """How plausible a reading of a performance table's rows is (roles: cell texts), by ``layout.toml
    [headerless]``: per row, a little per value placed, and a gain for a target and an actual of one kind and unit
    (more when they are the same; a cost when not: 9 | 5% cut from 95%); costs for weights over a form's total or,
    three rows weighted, under the least a form gives, and for a score above its weight; a gain for weights that
    make the total exactly."""
    cfg = scores()["headerless"]
    fit, weights, weighted = 0.0, 0.0, 0
    for cells in rows:
        fit += float(cfg["placed"]) * sum(k in ("target", "actual", "weight", "score") for k in cells)
        target, actual = cells.get("target"), cells.get("actual")
        if target and actual:
            fit += float(cfg["same_value"]) if normalize(target).strip() == normalize(actual).strip() else \
                float(cfg["same_kind"]) * (1 if _value_unit(target) == _value_unit(actual) else -1)
        w, sc = (kind_of(cells[k])[1] if k in cells else None for k in ("weight", "score"))
        weights += w or 0.0
        weighted += w is not None
        if w is not None and sc is not None and sc > w:
            fit -= float(cfg["score_over_weight"])
    if weights > float(cfg["total"]) or weighted >= 3 and weights < float(cfg["least_total"]):
        fit -= float(cfg["weights_over_total"])  # (1 | 0 cut from each row's 10: weights no form gives)
    elif abs(weights - 100) < 0.5:
        fit += float(cfg["weights_make_total"])
    return fit


def _value_unit(text: str) -> str:
    """What a value is written in: the text after its last digit (%, 人次, 万元; empty for a bare number), or
    ``text`` for a value in words."""
    norm = normalize(text).strip()
    return re.sub(r"^.*\d", "", norm) if re.search(r"\d", norm) else "text"


def rate_borne_out(cells: dict[str, str]) -> bool:
    """Whether a fund row's cells (role: text) hold a rate that is its spent amount over its budget, as a percent
    or a ratio, within ``layout.toml [headerless] rate_slack`` points."""
    return _rate_borne_out({k: kind_of(v)[1] for k, v in cells.items()})


def _rate_borne_out(numbers: dict[str, float | None]) -> bool:
    """:func:`rate_borne_out` of a row's numbers by role."""
    budget = numbers.get("budget") or numbers.get("budget_initial")
    spent, rate = numbers.get("spent"), numbers.get("rate")
    if not budget or spent is None or rate is None:
        return False
    share = spent / budget
    return min(abs(share * 100 - rate), abs(share - rate) * 100) <= float(scores()["headerless"]["rate_slack"])


def _fund_arithmetic(rows: list[list[tuple[int, Token]]], roles: list[str]) -> tuple[float, bool]:
    """What the rows' arithmetic says of a reading of a fund table: per row whose rate, budget and spent amount
    are read, a gain where the rate is the spent amount over the budget (as a percent or a ratio), a cost where
    it is not; a cost per score above its weight. With it, whether a row's rate was borne out."""
    cfg = scores()["headerless"]
    out, borne_out = 0.0, False
    for row in rows:
        got = {roles[c]: t.number for c, t in row if t.number is not None}
        if (got.get("budget") or got.get("budget_initial")) and got.get("spent") is not None and got.get("rate") is not None:
            fits = _rate_borne_out(got)
            out += float(cfg["rate_fits"]) if fits else -float(cfg["rate_fits"])
            borne_out = borne_out or fits
        if got.get("weight") is not None and got.get("score") is not None and got["score"] > got["weight"]:  # type: ignore[operator]
            out -= float(cfg["score_over_weight"])
    return out, borne_out


def _implausible(rows: list[list[tuple[int, Token]]], roles: list[str]) -> float:
    """What a reading of a table without its header costs where it cannot be the table's (``layout.toml
    [headerless]``): the weights add up to more than a form's total, a score is above its weight, no target is a
    value while the actuals are (a column of descriptions read as the targets: 维修面积 | ≥400平方米)."""
    cfg = scores()["headerless"]
    weights, over = 0.0, 0
    valued: Counter[str] = Counter()
    for row in rows:
        got = {roles[c]: t.number for c, t in row if t.number is not None}
        weights += got.get("weight") or 0.0
        over += "weight" in got and "score" in got and got["score"] > got["weight"]  # type: ignore[operator]
        valued.update({roles[c] for c, t in row if t.kind in VALUE_KINDS})
    no_targets = not valued["target"] and valued["actual"] * 2 >= len(rows)
    return float(cfg["weights_over_total"]) * (weights > float(cfg["total"])) \
        + float(cfg["score_over_weight"]) * over + float(cfg["no_target_values"]) * no_targets


def _wide_gaps(toks: list[Token], ratio: float) -> set[int]:
    """The tokens set apart from the cell before them on their line by a gap at least ``ratio`` times the
    table's usual one (高        高 where cells are four spaces apart, \t\t where one tab is), in a table whose
    cells stand one separator apart (not padded to a column's width): an empty cell lies between the two."""
    gaps, usual = _gaps(toks)
    if usual is None:
        return set()  # cells padded to their columns' widths (pdftotext -layout, padded | cells): gaps tell nothing
    return {k for k, g in gaps.items() if g >= ratio * usual}


def _placing(text: str, toks: list[Token], under: list[int | None] | None, n_cols: int) -> list[int | None] | None:
    """Where the cells stand under their heads, as the alignment may trust it. In a table whose cells stand one
    separator apart (not padded to their columns) a line short of a cell stands shifted (its merged levels blank, a
    comparator in a cell of its own): only the lines with a cell for every column keep their places there."""
    if under is None or not toks or _PIPES.search(text, toks[0].start, toks[-1].end) or _gaps(toks)[1] is None:
        return under  # (| cells are placed by their count: :func:`_pipe_places`)
    lines = _line_numbers(text, toks)
    cells = Counter(ln for ln, t in zip(lines, toks) if t.kind != "empty")
    return [u if cells[ln] == n_cols else None for u, ln in zip(under, lines)]


def _gaps(toks: list[Token]) -> tuple[dict[int, int], int | None]:
    """The gap before each token from the cell before it on its line, and the usual gap when the cells stand one
    separator apart (most gaps alike; None when they are padded to their columns' widths, or too few to tell)."""
    gaps = {k: t.start - toks[k - 1].end for k, t in enumerate(toks)
            if k and t.brk == 0 and t.kind != "empty" and toks[k - 1].kind != "empty"}
    if len(gaps) < 4:
        return gaps, None
    usual = sorted(gaps.values())[len(gaps) // 2]
    if usual < 1 or sum(g == usual for g in gaps.values()) < UNIFORM_GAPS * len(gaps):
        return gaps, None
    return gaps, usual


#: the share of a table's gaps that must be alike (one separator between cells) for a wider one to mean an empty cell
UNIFORM_GAPS = 0.8


def _under(text: str, toks: list[Token], columns: list[Column]) -> list[int | None] | None:
    """For each token on a line of two cells or more, the column whose header word its middle stands under
    (nearest middle, from the line's start), None for the others; None when the header words are not all on
    one line. pdftotext -layout keeps the columns' places, so a blank cell shifts nothing. Places are measured
    in characters or else in display width (a Han character two columns wide, as a PDF may print it),
    whichever first puts the rows under their heads."""
    named = [c for c in columns if c.end > c.start]
    if len(named) < 2 or len({text.rfind("\n", 0, c.start) for c in named}) != 1:
        return None
    head = text.rfind("\n", 0, named[0].start) + 1
    head_end = text.find("\n", head)
    if _PIPES.search(text, head, len(text) if head_end < 0 else head_end):
        return _pipe_places(text, toks, columns)
    for width in (len, display_width):
        out = _places(text, toks, columns, width)
        if out is not None:
            return out
    return None


_PIPES = re.compile(r"[|｜]")


def _pipe_places(text: str, toks: list[Token], columns: list[Column]) -> list[int | None] | None:
    """:func:`_under` for a table of ``|`` cells: on a line with as many cells as the header's line, a cell stands
    under the head in the same cell (a label cell padded with ``||`` shifts nothing); None unless most lines
    with two cells or more have the header's count."""
    def line_of(i: int) -> tuple[int, int]:
        a = text.rfind("\n", 0, i) + 1
        b = text.find("\n", i)
        return a, len(text) if b < 0 else b

    def cell_at(i: int) -> int:
        return len(_PIPES.findall(text, line_of(i)[0], i))

    head_a, head_b = line_of(next(c.start for c in columns if c.end > c.start))
    n_cells = len(_PIPES.findall(text, head_a, head_b))
    by_cell = {cell_at(c.start): i for i, c in enumerate(columns) if c.end > c.start and head_a <= c.start < head_b}
    lines = [line_of(t.start) for t in toks]
    counts = {a: len(_PIPES.findall(text, a, b)) for a, b in lines}
    values: dict[int, int] = {}
    labels: dict[int, int] = {}
    for t, (a, _) in zip(toks, lines):
        if t.kind in VALUE_KINDS:
            values[a] = values.get(a, 0) + 1
        elif t.kind in ("text", "label", "long", "note"):
            labels[a] = labels.get(a, 0) + 1
    rows = [a for a in counts if counts[a] >= 2]
    if not rows or sum(counts[a] == n_cells for a in rows) < 0.8 * len(rows):
        return None
    # a line of one value, or of two labels (a department form's 一般公共预算 | 1,100.00 | | | 基本支出 | 800.00),
    # keeps its reading by plausibility: the year's budget, under whichever head
    return [by_cell.get(len(_PIPES.findall(text, a, t.start))) if counts[a] == n_cells and values.get(a, 0) >= 2
            and labels.get(a, 0) <= 1 and t.start < t.end else None for t, (a, _) in zip(toks, lines)]


def display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _places(text: str, toks: list[Token], columns: list[Column], width: Callable[[str], int]) -> list[int | None] | None:
    """:func:`_under` with places measured by ``width``."""
    head = text.rfind("\n", 0, columns[0].start) + 1

    def at(line_start: int, a: int, b: int) -> float:
        return width(text[line_start:a]) + width(text[a:b]) / 2

    def mid(c: Column) -> float:  # a head broken over two lines (年度 / 指标值): the middle of both pieces together
        if c.end <= c.start:  # a label without a head word, left of the first head: the middle of the margin
            return width(text[head:c.start]) / 2  # (amounts right-aligned under their heads start left of them)
        if "\n" not in text[c.start:c.end]:
            return at(text.rfind("\n", 0, c.start) + 1, c.start, c.end)
        upper = _CELL_GAP.search(text, c.start, text.find("\n", c.start))  # each piece ends at a gap of its line
        lower = text.rfind("\n", 0, c.end) + 1
        gaps = list(_CELL_GAP.finditer(text, lower, c.end))
        a, b = c.start, upper.start() if upper else text.find("\n", c.start)
        x, y = gaps[-1].end() if gaps else lower, c.end
        x += len(text[x:y]) - len(text[x:y].lstrip())
        return (min(width(text[head:a]), width(text[lower:x])) + max(width(text[head:b]), width(text[lower:y]))) / 2

    mids = [mid(c) for c in columns]
    per_line: dict[int, int] = {}
    starts = [text.rfind("\n", 0, t.start) + 1 for t in toks]
    for ls in starts:
        per_line[ls] = per_line.get(ls, 0) + 1
    out: list[int | None] = []
    alone: list[int | None] = []  # the place of a token alone on its line (the rest of a wrapped cell)
    for t, ls in zip(toks, starts):
        place = min((abs(m - at(ls, t.start, t.end)), i) for i, m in enumerate(mids))[1] if t.start < t.end else None
        out.append(place if per_line[ls] >= 2 else None)
        alone.append(place if per_line[ls] == 1 else None)
    # the places count only where the full rows (a cell in every column) stand under their heads, in order, or,
    # where no row is full, the rows that lack a few cells stand under theirs in order
    full = [ls for ls, n in per_line.items() if n == len(columns)]
    placed = [[c for c, l2 in zip(out, starts) if l2 == ls] for ls in full]
    # (a token alone on its line is placed too, where the rows are)
    both = [a if a is not None else b for a, b in zip(out, alone)]
    if full:
        return both if sum(p == list(range(len(columns))) for p in placed) >= 0.8 * len(full) else None
    most = [ls for ls, n in per_line.items() if n >= max(UNDER_MIN_CELLS, len(columns) - UNDER_MISSING)]
    placed = [[c for c, l2 in zip(out, starts) if l2 == ls and c is not None] for ls in most]  # (an empty tab cell: no place)
    if not most or sum(all(a < b for a, b in zip(p, p[1:])) for p in placed) < 0.8 * len(most):
        return None
    return both


#: the gap between two cells of a space-aligned line
_CELL_GAP = re.compile(r"[ \t\u3000]{2,}")
#: without full rows, the places count where rows of this many cells at least, lacking at most UNDER_MISSING,
#: stand under their heads in order
UNDER_MIN_CELLS = 4
UNDER_MISSING = 3


def _join_cost(prev: Token | None, t: Token, join: dict[str, float]) -> float:
    """The cost of joining ``t`` to the cell before it on the same line: text to text (a name split at a
    space), a unit to its number, a value to a comparator written in a cell of its own (≧ | 735人次)."""
    if prev is None:
        return math.inf
    if prev.kind == "cmp" and t.kind in VALUE_KINDS:
        return float(join["value_after_cmp"])
    if prev.kind == t.kind == "cmp" and f"{prev.text.strip()}{t.text.strip()}" in lexicon().comparators_before:
        return float(join["value_after_cmp"])  # > | = 8处: one comparator written apart by a scan
    if prev.kind in VALUE_KINDS and t.kind == "unit":
        return float(join["unit"])
    if prev.kind in VALUE_KINDS and t.kind == "cmp" and t.text.strip() in lexicon().comparators_after:
        return float(join["unit"])  # 95% | 以上: a comparator word after its value
    if _ROW_LABEL_PREFIX.match(t.text):
        return math.inf  # 指标2：…: a row's label opens a cell of its own
    if prev.kind in ("text", "long", "empty", "note") and t.kind in ("text", "long", "empty", "note"):
        return float(join[t.kind])
    if prev.kind == "text" and t.kind == "unit":
        return float(join["unit_after_text"])  # 查档服务 人次: the end of a name that is a unit word
    if prev.kind == "text" and t.kind.startswith("level") and not t.text.rstrip().endswith(("指标", "指標")):
        return float(join["level_after_text"])  # 受益农户 满意度: the end of a name that is a short level word
    return math.inf


#: the label that opens a row's name (指标1：, 指标2:)
_ROW_LABEL_PREFIX = re.compile(r"\s*指标\s*\d{1,2}\s*[:：]")


def _tail(t: Token, unit_column: bool) -> bool:
    """Whether a token is one Han character that is no value in words (付, 程: the end of a wrapped cell; 是, 高,
    优 are values), or a measure word where the table has no unit column (培训基层干部人 / 次)."""
    word = t.text.strip()
    return len(word) == 1 and "\u4e00" <= word <= "\u9fff" and word not in _ONE_CHAR_VALUES \
        and (t.kind == "text" or t.kind == "unit" and not unit_column)


#: one-character values in words (a yes-no or a grade): no tail of a wrapped cell
_ONE_CHAR_VALUES = frozenset("是否有无高中低优良好差")


def _wrapped_label(prev: Token, t: Token) -> bool:
    """Whether two lines make one fund row label (其中：当年财政 / 拨款 → 当年财政拨款)."""
    return whole_label(prev.text + t.text)


def _names_a_fund(rest: str) -> bool:
    """Whether the rest of a fund label wrapped onto the next line names a fund even after a whole label
    (中央财政 / 衔接资金; tables.toml [fund_rows] wrapped_rest_ends)."""
    return normalize(rest).endswith(tuple(load_data("tables.toml")["fund_rows"]["wrapped_rest_ends"]))


def whole_label(text: str) -> bool:
    """Whether ``text`` is a whole fund row label of the data (其他资金; not 其中：当年财政, whose rest may follow on
    the next line)."""
    norm = normalize(text).replace(" ", "")
    m = _fund_label_re().match(norm)
    return bool(m) and m.end() == len(norm)


def _value_piece(prev: Token, t: Token) -> bool:
    """Whether ``t`` goes on the value before it: a number after its comparator, a unit or a comparator word
    (以上) after its number."""
    return prev.kind == "cmp" and t.kind in VALUE_KINDS or prev.kind in VALUE_KINDS and (
        t.kind == "unit" or t.kind == "cmp" and t.text.strip() in lexicon().comparators_after)


def _completes_value(prev: Token, t: Token) -> bool:
    """Whether a short text on the next line ends the value before it: the two make one value or one date
    (≥496公 / 里, 1800元/ / 人·月, 2023年12 / 月底前)."""
    rest, head = t.text.strip(), prev.text.strip()
    dated = prev.kind == "text" and _date_cell().fullmatch(head)
    if not (prev.kind in VALUE_KINDS or dated) or t.kind != "text" or not rest or len(rest) > 4 or _DIGIT.search(rest):
        return False
    joined = head + rest
    date = _date_cell().match(joined)
    if date and date.end() >= len(head) and joined[date.end():] in _DATE_ENDS:
        return True  # 2023年12 / 月底前, 2023年12月 / 底前
    number = re.search(r"\d(?:[\d.,]*\d)?", joined)
    unit = unit_after_number().match(joined, number.end()) if number else None
    # ≥496公 / 里: the unit goes on into the next line and ends there (not 200盏 / 完成: an actual in words)
    return bool(unit) and unit.end() > len(head) and (unit.end() == len(joined) or joined[unit.end()] == "/")


#: what a target date may end with after the date itself (2023年12月底前)
_DATE_ENDS = ("", "前", "以前", "之前", "前完成", "内", "止", "底", "底前", "末", "底完成", "底之前")


def _joined(a: Token, b: Token) -> Token:
    """One cell of two tokens of the same line (its text is set from the source by the caller)."""
    if a.kind == "empty" or a.start == a.end:
        return b
    if b.kind == "empty" or b.start == b.end:
        return a
    return Token(a.start, b.end, "", a.brk, a.kind, a.number if a.number is not None else b.number)


# -- rows ---------------------------------------------------------------------------------------

def _cells(text: str, rows: list[list[tuple[int, Token]]]) -> list[list[tuple[int, Token]]]:
    """The rows with every token's text taken from the source (joined tokens have none yet)."""
    for row in rows:
        for _, t in row:
            t.text = text[t.start:t.end]
    return rows


def performance_grid(text: str, toks: list[Token], columns: list[Column], one_line: bool = False,
                     spaced: bool = False) -> list[Row]:
    """Performance rows: a name cell with the levels carried down to it and its value cells by role."""
    printed = _units_joined(text, [t for t in toks if not (t.kind == "empty" or is_page_mark(t.text))])
    apart = _column_major(printed, columns)
    if apart is None:
        apart = _blocks_in_turn(printed, columns)
    if apart is not None:
        return apart
    levels = LevelTracker()
    out: list[Row] = []
    under = _under(text, toks, columns) if spaced else None
    wrapped = _wrapped_levels(text, toks, columns, under) if under else {}
    names = _wrapped_names(text, toks, columns, under) if under else {}
    notes = _wrapped_notes(text, toks, columns, under) if under else {}
    if not one_line and not spaced:
        toks = _level_words_as_names(_names_above_levels(toks, columns), columns)
    if one_line:
        toks = _words_across_spaces(text, _spelled_out(text, toks))
        in_turn = _rows_in_turn(text, toks, columns)
        if in_turn is not None:
            return in_turn
        toks = rows_apart(text, toks, columns)
    rows = _cells(text, align(toks, columns, "performance", one_line, _placing(text, toks, under, len(columns))))
    at = {t.start: k for k, t in enumerate(toks)}
    placed = {t.start for row in rows for _, t in row}
    has_cmp = any(c.role == "cmp" for c in columns)
    for row in rows:
        name = None
        cells: list[tuple[str, Cell]] = []
        for col, t in row:
            role = columns[col].role
            if t.kind.startswith("level") and role in ("level1", "level2"):
                written = wrapped.get(t.start, t.text)  # 满意度指 / 标: a level cell wrapped onto the next line
                heading = (points_heading(written) or _other_level(written)) if t.kind == "level" else None
                lv = cell_levels(normalize(written)) or ((heading, None) if heading else None)
                if lv and t.kind == "level" and role == "level1":  # 满意度指标: what its column says
                    levels.see(lv[1] or lv[0], None)
                elif lv and t.kind == "level":
                    levels.see(None, lv[1] or lv[0])
                elif lv:
                    levels.see(*lv)
            elif role == "name" and t.kind != "empty":
                a, b = names.get(t.start, (t.start, t.end))  # 全县基层文化管理人员 / 业务培训人次: a name wrapped in its column
                name = Cell(a, b, text[a:b])
            elif role == "other" and t.start in notes:  # 8个点位因道路改造未 / 能施工，… / 月前完成: one cell
                a, b = notes[t.start]
                cells.append((role, Cell(a, b, text[a:b])))
            elif role in ("target", "actual", "weight", "score", "unit", "cmp", "index", "other") and t.kind != "empty":
                a = t.start
                k = at.get(t.start)
                left = toks[k - 1] if k else None
                if role == "target" and not has_cmp and left is not None and left.kind == "cmp" \
                        and left.start not in placed and "\n" not in text[left.end:t.start]:
                    a = left.start  # ≥    41.54公里: a comparator in a cell of its own, left out, before its target
                cells.append((role, Cell(a, t.end, text[a:t.end])))  # index: the row's number (序号), no value
        if name is not None:
            out.append(Row(name, cells, levels.level1, levels.level2))
    return out


def _level_words_as_names(toks: list[Token], columns: list[Column]) -> list[Token]:
    """A cell per line: a level-2 word without 指标 (服务对象满意度) with a value right after it is a row's name, the
    level cell standing elsewhere in its block (满意度指标 / 服务对象满意度 / ≥90% / … / 服务对象满意度指标 / 老年人家属满意度):
    a level cell is followed by another level or a name, never by a value."""
    roles = [c.role for c in columns]
    if "name" not in roles or "level2" not in roles[:roles.index("name")]:
        return toks
    out = list(toks)
    for i, t in enumerate(toks[:-1]):
        nxt = toks[i + 1]
        if t.kind == "level2" and not t.text.rstrip().endswith(("指标", "指標")) and t.brk >= 1 and nxt.brk >= 1 \
                and (nxt.kind in VALUE_KINDS or nxt.kind == "cmp"):
            out[i] = replace(t, kind="text")
    return out


def _names_above_levels(toks: list[Token], columns: list[Column]) -> list[Token]:
    """A cell per line as a PDF gives a row whose name is taller than its level cells: the name's first line before
    the level names (城乡居民公共卫生服务 / 效益指标 / 社会效益指标 / 逐步缩小 …). A text followed by level names and
    then a value (a value in words, a comparator), where the header puts the levels before the name, is moved after
    the levels."""
    roles = [c.role for c in columns]
    if "name" not in roles or not any(r in roles[:roles.index("name")] for r in ("level1", "level2")):
        return toks
    out = list(toks)
    i = 0
    while i < len(out) - 2:
        j = i + 1
        while j < len(out) and out[j].kind.startswith("level"):
            j += 1
        if out[i].kind in ("text", "long") and j > i + 1 and j < len(out) \
                and (out[j].kind in VALUE_KINDS or out[j].kind == "cmp" or _in_words(out[j].text)) \
                and not (i and out[i - 1].text == out[i].text) \
                and all(t.brk >= 1 for t in out[i:j + 1]):  # (美化环境。 | 美化环境。: the row before's values;
            #                                             a cell per line, not the last cell of a | row, 无 | …)
            out[i:j] = out[i + 1:j] + [out[i]]
            i = j
        else:
            i += 1
    return out


def _lines_and_places(text: str, toks: list[Token], width: Callable[[str], int] = display_width
                      ) -> tuple[list[int], list[int]]:
    """Each token's line, counted from the first token's (tokens in text order), and where it starts on its line in
    ``width`` (a wrapped cell's lines start where it starts)."""
    if not toks:
        return [], []
    return _line_numbers(text, toks), [width(text[text.rfind("\n", 0, t.start) + 1:t.start]) for t in toks]


def _line_numbers(text: str, toks: list[Token]) -> list[int]:
    """Each token's line, counted from the first token's (tokens in text order)."""
    if not toks:
        return []
    return list(itertools.accumulate(text.count("\n", a.start, b.start) for a, b in zip([toks[0], *toks], toks)))


def _wrapped_names(text: str, toks: list[Token], columns: list[Column], under: list[int | None]
                   ) -> dict[int, tuple[int, int]]:
    """Names of a space-aligned table wrapped onto the next line in their column: a piece alone on its line (but for
    level cells and the pieces of a text column, a reason wrapped beside it) that starts where the row's name
    starts, on the line after it (全县基层文化管理人员 … 10 10 / 业务培训人次) or before it (参训人员结业考核合 / 格率
    ≥95% …). A piece between two rows goes with the row below it, whose name's first line it is (县域内住院就诊
    between 时率 … and 率 …; a PDF prints a row's values on the last line of a name or in its middle). The piece on
    the row's line keeps, by its start, the whole name's span where only white space stands between the pieces,
    else its own or, when it is a tail (:data:`NAME_TAIL`), the longer piece (a span never holds the row's values);
    the piece alone becomes an empty cell. Tokens are changed in place."""
    out: dict[int, tuple[int, int]] = {}
    if not toks or "name" not in [c.role for c in columns]:
        return out
    line_of, col_of = _lines_and_places(text, toks)
    _, chars_of = _lines_and_places(text, toks, len)  # (a PDF may print a Han character one column wide)
    per_line = _cells_per_line(line_of, toks)

    def same_place(m: int, k: int) -> bool:
        return abs(col_of[m] - col_of[k]) <= 1 or abs(chars_of[m] - chars_of[k]) <= 1

    texts = Counter(line_of[m] for m, c in enumerate(under) if c is not None and columns[c].role == "other"
                    and not toks[m].kind.startswith("level"))  # the pieces of a text column on each line

    def alone(m: int) -> bool:
        return per_line[line_of[m]] - texts.get(line_of[m], 0) == 1 and (under[m] is None or columns[under[m]].role != "other")

    claims: dict[int, tuple[int, int]] = {}  # a piece -> (the row's name token, whether the piece is above it)
    for k, t in enumerate(toks):
        if under[k] is None or columns[under[k]].role != "name" or t.kind not in ("text", "long") \
                or per_line[line_of[k]] < 3:
            continue  # the name of a row: a line with values
        after = next((m for m in range(k + 1, len(toks)) if line_of[m] > line_of[k] and same_place(m, k)), None)
        before = next((m for m in range(k - 1, -1, -1) if line_of[m] < line_of[k] and not toks[m].kind.startswith("level")
                       and same_place(m, k)), None)
        for m, above in ((after, 0), (before, 1)):
            if m is None or abs(line_of[m] - line_of[k]) != 1 or not alone(m) \
                    or toks[m].kind not in ("text", "long", "unit") or not _HAN.match(toks[m].text):
                continue
            if m not in claims:
                claims[m] = (k, above)
            elif above and not (len(_HAN.findall(toks[m].text)) <= NAME_TAIL and not _name_tail(t.text)):
                claims[m] = (k, above)  # (里程 between 新建农村公路 … and 改造危桥 …: the tail of the row above)
    spans: dict[int, tuple[int, int]] = {}
    for m, (k, _) in sorted(claims.items()):
        t = toks[k]
        a, b = spans.get(k, (t.start, t.end))
        toks[m].kind = "empty"
        if not text[min(t.end, toks[m].end):max(t.start, toks[m].start)].strip():
            a, b = min(a, toks[m].start), max(b, toks[m].end)  # only white space between: one span
        elif _name_tail(text[a:b]) and not _name_tail(toks[m].text):
            a, b = toks[m].start, toks[m].end  # the longer piece (县域内住院就诊 / 效益指标 … 率: not 率 alone)
        spans[k] = (a, b)
    for k, (a, b) in spans.items():
        if (a, b) != (toks[k].start, toks[k].end):
            out[toks[k].start] = (a, b)
    return out


#: a name's piece on its row's line this short (Han characters) and no dictionary word is the name's tail, its
#: longer piece apart the name (率, 时率; not 工期)
NAME_TAIL = 2


def _name_tail(piece: str) -> bool:
    """Whether a piece of a name is a tail: one Han character, or up to :data:`NAME_TAIL` that make no dictionary
    word (时率; 工期 is a name of its own)."""
    han = "".join(_HAN.findall(piece))
    return len(han) == 1 or 1 < len(han) <= NAME_TAIL and words(han, guess=False) != [(0, len(han))]


def _cells_per_line(line_of: list[int], toks: list[Token]) -> dict[int, int]:
    """How many cells each line holds, level cells aside (a level printed beside a wrapped piece)."""
    out: dict[int, int] = {}
    for ln, t in zip(line_of, toks):
        out[ln] = out.get(ln, 0) + (not t.kind.startswith("level"))
    return out


def _wrapped_notes(text: str, toks: list[Token], columns: list[Column], under: list[int | None]
                   ) -> dict[int, tuple[int, int]]:
    """Text cells of a space-aligned table (偏差原因分析及改进措施) wrapped over the lines below their row in their
    column: each line's piece alone on its line but for level cells (8个点位因道路改造未 / 能施工，计划2024年6 /
    数量指标 … 月前完成), starting where the cell starts, goes on the cell, which keeps the whole span by its start;
    the pieces become empty cells. Tokens are changed in place."""
    out: dict[int, tuple[int, int]] = {}
    if not toks:
        return out
    line_of, col_of = _lines_and_places(text, toks)
    per_line = _cells_per_line(line_of, toks)
    for k, t in enumerate(toks):
        if under[k] is None or columns[under[k]].role != "other" or t.kind == "empty" or per_line[line_of[k]] < 3:
            continue  # the text cell of a row: a line with values
        end, line = t.end, line_of[k] + text.count("\n", t.start, t.end)  # (its lines joined already: its last)
        for m in range(k + 1, len(toks)):
            if toks[m].kind.startswith("level"):
                continue
            if line_of[m] != line + 1 or per_line[line_of[m]] != 1 or abs(col_of[m] - col_of[k]) > 2 \
                    or toks[m].kind not in ("text", "long", "note", "unit", "quantity", "number", "points"):
                break
            toks[m].kind = "empty"
            end, line = toks[m].end, line_of[m]
        if end != t.end:
            out[t.start] = (t.start, end)
    return out


def _wrapped_levels(text: str, toks: list[Token], columns: list[Column], under: list[int | None]) -> dict[int, str]:
    """Level cells of a space-aligned table wrapped onto the next line in their column (满意度指 over 标, 服务对象
    over 满意度指标): the first piece takes the kind of the whole level name and, by its start, the whole name; the
    rest is an empty cell. Tokens are changed in place."""
    out: dict[int, str] = {}
    line_of, col_of = _lines_and_places(text, toks)
    for k, t in enumerate(toks):
        c = under[k]
        if c is None or columns[c].role not in ("level1", "level2") or t.kind == "empty" or not _HAN.match(t.text):
            continue
        nxt = next((m for m in range(k + 1, len(toks)) if line_of[m] > line_of[k]
                    and abs(col_of[m] - col_of[k]) <= 1 and toks[m].kind != "empty"), None)
        if nxt is None or line_of[nxt] != line_of[k] + 1:
            continue
        whole = normalize(t.text + toks[nxt].text).replace(" ", "").replace("\n", "")
        own = cell_levels(normalize(t.text))
        if cell_levels(whole) and (own is None or len(normalize(t.text)) < len(whole) and not kind_of(t.text)[0].startswith("level2")):
            t.kind = kind_of(whole)[0]
            toks[nxt].kind = "empty"
            out[t.start] = whole
    return out


#: the cells of a performance row that hold its values
_VALUE_ROLES = ("target", "actual", "weight", "score")


@lru_cache(maxsize=1)
def qualitative_words() -> frozenset[str]:
    """Values written in words (tables.toml [names] qualitative), and each degree word before each change
    word (有效 + 减轻, 明显 + 减轻: qualitative_degrees × qualitative_changes)."""
    names = load_data("tables.toml")["names"]
    made = {d + c for d in names["qualitative_degrees"] for c in names["qualitative_changes"]}
    return frozenset(names["qualitative"]) | made


def _in_words(cell: str) -> bool:
    """Whether a text cell is a value in words (:func:`qualitative_words`, 效果良好; a yes-no answer, 是) or a
    date (12月底前)."""
    norm = normalize(cell).replace(" ", "")
    return norm in qualitative_words() or norm in load_data("tables.toml")["names"]["yes_no"] \
        or bool(_date_value().fullmatch(norm))


@lru_cache(maxsize=1)
def _date_value() -> re.Pattern[str]:
    """A date written as a target or an actual (2021年12月底前, 11月30日前完成: layout.toml [glued] date, date_after)."""
    glued = load_data("layout.toml")["glued"]
    return re.compile(f"(?:{glued['date']})(?:{glued['date_after']}|止|起)*")


def _spelled_out(text: str, toks: list[Token]) -> list[Token]:
    """A one-line body's level names spelled out a character at a time (社 会 效 益 指 标, 时 效 指 标) as one cell
    each: a run of one-character cells apart by single spaces, cut where what is gathered is a level name."""
    out: list[Token] = []
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and len(toks[j].text) == 1 and (j == i or text[toks[j - 1].end:toks[j].start] == " "):
            j += 1
        cut = next((k for k in range(j, i + 2, -1) if cell_levels(normalize("".join(t.text for t in toks[i:k])))), None)
        if cut is None:
            out.append(toks[i])
            i += 1
            continue
        t = Token(toks[i].start, toks[cut - 1].end, text[toks[i].start:toks[cut - 1].end], toks[i].brk)
        t.kind, t.number = kind_of(t.text)
        out.append(t)
        i = cut
    return out


#: the longest rest of a name cut by a space (格率, 保统筹): a longer text after a space is a cell of its own
CUT_TAIL_MOST = 3


def _words_across_spaces(text: str, toks: list[Token]) -> list[Token]:
    """A one-line body's text cells joined where a single space cut a word (资金发放合 格率, 协议签 订率: the space
    of a scan or a wrap, inside 合格率, 签订): the two texts read together put a dictionary word across the gap and
    the second is a short rest. Two cells apart at a word's edge (a reason, then the next name), a name and a
    target in words (环境 | 效益明显), values and letters one by one stay apart."""
    out: list[Token] = []
    for t in toks:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == t.kind == "text" and text[prev.end:t.start] == " " \
                and 1 < len(t.text) <= CUT_TAIL_MOST < len(prev.text) + 2 and not _DIGIT.search(prev.text + t.text) \
                and not _in_words(prev.text) and not _in_words(t.text):  # 绩 效 指 标: a label's letters
            joined = prev.text + t.text
            if any(a < len(prev.text) < b for a, b in words(joined, guess=False)):
                out[-1] = Token(prev.start, t.end, text[prev.start:t.end], prev.brk, "text")
                continue
        out.append(t)
    return out


#: the longest text read as an actual in words after a target in words where a block of rows' values is put back
#: beside its names (次年3月底前兑付完毕 | 按期兑付)
SHORT_WORDED = 12


def rows_apart(text: str, toks: list[Token], columns: list[Column]) -> list[Token]:
    """The cells of a body where a PDF printed several rows' names together and their values together, put back
    in row order: a run of k ≥ 2 names (level names among them stay before the name they precede) right before
    or right after exactly k rows of values, as many cells each as the header has value columns, every row with
    a number and its other cells values in words (按期兑付) or notes, the run ending at a cell that is no value.
    Values before the names count only where no name of the body's own order stands right before them (its row
    would own them). A unit apart from its number (94 %) is one cell with it. Any other body is left as it is."""
    roles = [c.role for c in columns if c.role in _VALUE_ROLES]
    m = len(roles)
    if m < 1:
        return toks
    written = toks
    toks = _units_joined(text, toks)

    def number(t: Token) -> bool:
        return t.kind in VALUE_KINDS

    def name(t: Token) -> bool:
        return t.kind in ("text", "long", "label") and not _in_words(t.text) \
            and not _total_cell().fullmatch(normalize(t.text))

    def value(i: int, worded_row: bool = False) -> bool:  # a short text is an actual after a worded target
        t = toks[i]
        return number(t) or t.kind in ("empty", "note") or t.kind == "text" and (
            _in_words(t.text) or worded_row and len(t.text) <= SHORT_WORDED)

    def worded(i: int) -> bool:  # a row's target in words or a date (次年3月底前兑付完毕, 按时完成)
        return toks[i].kind == "note" or toks[i].kind == "text" and _in_words(toks[i].text)

    def rows_of_values(a: int, b: int) -> bool:  # toks[a:b]: whole rows of values, each with a number
        if a < 0 or b > len(toks):
            return False
        at = roles.index("target") if "target" in roles else None
        return all(value(i, roles[(i - a) % m] == "actual" and at is not None and worded(i - (i - a) % m + at))
                   for i in range(a, b)) and all(any(number(t) for t in toks[r:r + m]) for r in range(a, b, m))

    out = list(toks)
    paired_to = -1  # where the last block put back in order ends
    i = 0
    while i < len(toks):
        if not name(toks[i]):
            i += 1
            continue
        j, names = i, []
        while j < len(toks) and (name(toks[j]) or toks[j].kind.startswith("level")):
            if name(toks[j]):
                names.append(j)
            j += 1
        k = len(names)
        first = i
        while first > 0 and toks[first - 1].kind.startswith("level"):
            first -= 1  # the level names before the first name
        ahead = k >= 2 and rows_of_values(j, j + k * m) and not (j + k * m < len(toks) and value(j + k * m))

        def back_from(k: int) -> bool:  # values before the names: none put back already, none owned by a name before
            v0 = first - k * m
            return k >= 2 and v0 >= paired_to and rows_of_values(v0, first) \
                and (v0 == 0 or not value(v0 - 1)) and (v0 == 0 or v0 == paired_to or not name(toks[v0 - 1]))

        back = not ahead and back_from(k)
        if not ahead and not back and j < len(toks) and value(j) and back_from(k - 1):
            # the run's last name owns the values after it, its level names with it: the others the values before
            j = names.pop()
            while j > first and toks[j - 1].kind.startswith("level"):
                j -= 1
            k, back = k - 1, True
        if ahead or back:
            v0 = j if ahead else first - k * m  # where the names' values start
            block: list[Token] = []
            prev = first
            for n, at in enumerate(names):
                block += [*toks[prev:at + 1], *toks[v0 + n * m:v0 + (n + 1) * m]]  # its levels, it, its values
                prev = at + 1
            block += toks[prev:j]  # level names after the last name
            lo = first if ahead else v0
            out[lo:lo + len(block)] = block
            paired_to = lo + len(block)
            i = paired_to
        else:
            i = j
    return out if paired_to >= 0 else written  # (the units stay apart where nothing was put back)


def _column_major(toks: list[Token], columns: list[Column]) -> list[Row] | None:
    """The rows of a body a PDF printed column by column: every row's values first, then the level and indicator
    names (or the names first, then the values). The names block opens with the first level name (values
    first) or ends where as many rows of values follow as it holds names (names first: a value in words or a
    date after the last name is a value); the values are cut into rows of as many cells as the header has value
    columns, row by row or column by column, whichever fits the columns better, the last row (总分 100 95)
    holding fewer when it is a total. Each name takes the row of its rank. None when the body is not so written:
    a cell of another kind, a level name among the values or a number among the names, or fewer than two rows."""
    roles = [c.role for c in columns if c.role in _VALUE_ROLES]
    m = len(roles)
    if not m:
        return None
    seq: list[tuple[str, Token]] = []
    for t in toks:  # (empty cells and page marks left out, units joined to their values: performance_grid)
        if t.kind in VALUE_KINDS:
            kind = "value"
        elif t.kind.startswith("level"):
            kind = "level"
        elif t.kind in ("text", "long", "label"):
            kind = "text"
        else:
            return None
        seq.append((kind, t))
    total = _total_at_end([t for _, t in seq])  # a total row after the columns (总分 100 98.8): read apart
    seq = seq[:len(seq) - len(total)]
    levels_at = [i for i, (k, _) in enumerate(seq) if k == "level"]
    if not levels_at or seq[-1][0] == "level":
        return None
    if seq[0][0] != "level":  # values first (the first row's level names open the names): the names from there
        cut = levels_at[0]
        values, names_block = [t for _, t in seq[:cut]], seq[cut:]
    else:  # names first: the values after the last level name, where the counts agree
        cut = next((c for c in range(levels_at[-1] + 2, len(seq))
                    if 1 <= len(seq) - c - (sum(1 for k, _ in seq[:c] if k == "text") - 1) * m <= m), None)
        if cut is None:
            return None
        values, names_block = [t for _, t in seq[cut:]], seq[:cut]
    if any(k == "value" for k, _ in names_block) or any(t.kind.startswith("level") for t in values):
        return None
    words = [(i, t) for i, t in enumerate(values) if t.kind not in VALUE_KINDS]
    if any(not _in_words(t.text) and not any(0 <= j < len(values) and values[j].text == t.text for j in (i - 1, i + 1))
           for i, t in words):
        return None  # a name among the values: no value in words, no date, not the cell beside it (高 | 高)
    names = [t for k, t in names_block if k == "text"]
    if len(names) < 2:
        return None
    n, last = len(names), len(values) - (len(names) - 1) * m  # the last row's cells (a total row's fewer)
    if not 1 <= last <= m or last < m and not _total_cell().fullmatch(normalize(names[-1].text)):
        return None
    # the rows' cells: row by row (≥95% 97% 10 10 | …), or column by column (every target, then every actual …)
    by_row = [list(zip(roles, values[r * m:(r + 1) * m])) for r in range(n - 1)] \
        + [list(zip(roles[m - last:], values[(n - 1) * m:]))]
    by_column: list[list[tuple[str, Token]]] = [[] for _ in range(n)]
    k = 0
    for c, role in enumerate(roles):
        for r in range(n if c >= m - last else n - 1):
            by_column[r].append((role, values[k]))
            k += 1
    cells = by_column if _order_fit(by_column) > _order_fit(by_row) else by_row
    levels = LevelTracker()
    rows: list[Row] = []
    for kind, t in names_block:
        if kind == "level":
            lv = cell_levels(normalize(t.text))
            if lv:
                levels.see(*lv)
        elif kind == "text":
            row = [(role, Cell(v.start, v.end, v.text)) for role, v in sorted(cells[len(rows)], key=lambda x: x[1].start)]
            rows.append(Row(Cell(t.start, t.end, t.text), row, levels.level1, levels.level2))
    return rows + _total_rows(total)


def _order_fit(rows: list[list[tuple[str, Token]]]) -> float:
    """How well the cells of rows read in one order fit their columns (``[fit]``): of the values printed row by row
    or column by column, the order that fits better is the one written."""
    fit = scores()["fit"]
    return sum(fit.get(_fit_table(role), {}).get(t.kind, -2.0) for row in rows for role, t in row)


def _total_at_end(seq: list[Token]) -> list[Token]:
    """The total row that ends a body printed out of row order (总分 100 98.8), its label and one or two points."""
    for size in (3, 2):
        tail = seq[-size:]
        if len(seq) > size and _total_cell().fullmatch(normalize(tail[0].text)) \
                and all(t.kind in ("points", "number") for t in tail[1:]):
            return tail
    return []


def _total_rows(total: list[Token]) -> list[Row]:
    """The row of a total cut off by :func:`_total_at_end`: the form's points, then the achieved total."""
    if not total:
        return []
    return [Row(Cell(total[0].start, total[0].end, total[0].text),
                [(role, Cell(v.start, v.end, v.text)) for role, v in zip(("weight", "score"), total[1:])])]


def _blocks_in_turn(toks: list[Token], columns: list[Column]) -> list[Row] | None:
    """The rows of a body a PDF printed block by block: each group's level names, its names, then its values (row by
    row or column by column, whichever fits the columns better), as many as its names have value columns
    (数量指标 / 新建集中供水工程 / 铺设供水管网 / ≥6处 / 6处 / 10 / 10 / ≥85公里 …). None unless every block is so
    written and one holds two names or more (a body written row by row has one name before each row's values)."""
    roles = [c.role for c in columns if c.role in _VALUE_ROLES]
    m = len(roles)
    if not m:
        return None
    total = _total_at_end(toks)
    seq = toks[:len(toks) - len(total)]
    blocks: list[tuple[list[Token], list[Token], list[Token]]] = []  # (levels, names, values)
    for t in seq:
        if t.kind.startswith("level"):
            if not blocks or blocks[-1][1] or blocks[-1][2]:
                blocks.append(([], [], []))
            blocks[-1][0].append(t)
        elif t.kind in ("text", "long", "label"):
            if not blocks or blocks[-1][2]:
                return None  # a name after values without a level name between: not block by block
            blocks[-1][1].append(t)
        elif t.kind in VALUE_KINDS:
            if not blocks or not blocks[-1][1]:
                return None
            blocks[-1][2].append(t)
        else:
            return None
    if not blocks or max(len(names) for _, names, _ in blocks) < 2 \
            or any(len(values) != len(names) * m for _, names, values in blocks):
        return None
    levels = LevelTracker()
    rows: list[Row] = []
    for lvs, names, values in blocks:
        for t in lvs:
            lv = cell_levels(normalize(t.text))
            if lv:
                levels.see(*lv)
        n = len(names)
        by_row = [list(zip(roles, values[r * m:(r + 1) * m])) for r in range(n)]
        by_column = [[(role, values[c * n + r]) for c, role in enumerate(roles)] for r in range(n)]
        cells = by_column if _order_fit(by_column) > _order_fit(by_row) else by_row
        for name, row in zip(names, cells):
            rows.append(Row(Cell(name.start, name.end, name.text),
                            [(role, Cell(v.start, v.end, v.text)) for role, v in row], levels.level1, levels.level2))
    return rows + _total_rows(total)


def _units_joined(text: str, toks: list[Token]) -> list[Token]:
    """The tokens with a unit written apart from the value before it on its line (92 %, 99 %) joined to that value:
    one cell."""
    out: list[Token] = []
    for t in toks:
        if t.kind == "unit" and t.brk == 0 and out and out[-1].kind in VALUE_KINDS:
            v = out[-1]
            out[-1] = Token(v.start, t.end, text[v.start:t.end], v.brk, v.kind, v.number)
        else:
            out.append(t)
    return out


def _rows_in_turn(text: str, toks: list[Token], columns: list[Column]) -> list[Row] | None:
    """The rows of a one-line body a PDF printed partly column by column: runs of several rows of values without
    their names, the names before or after them (=100% 100% 10 10 =100% 100% 20 20 … 100 98.62 产出指标 … 合同结算条款完成率
    费用结算及时性 …), beside rows printed whole, paired in turn (:func:`_pairs_in_turn`; the body's last row, a total,
    may hold fewer cells). A lone character is the rest of the name just before it where a dictionary word runs
    across the gap (合同完成 率), else a letter of a label (绩 效 指 标); a text in words (及时), or the same as the cell
    beside it, is a value. None unless some run holds two rows or more, or values open the body, and every name
    takes a row and every row a name (else the alignment reads it)."""
    roles = [c.role for c in columns if c.role in _VALUE_ROLES]
    m = len(roles)
    if not m:
        return None
    kept = [t for t in toks if not (t.kind == "note" or t.kind == "empty" and not _DASH.match(t.text))]
    toks = _units_joined(text, kept)  # (a reason, a page's number left out; a dash keeps an empty cell's place)

    def value(i: int) -> bool:
        t = toks[i]
        return t.kind in VALUE_KINDS or t.kind == "empty" or t.kind == "text" and (_in_words(t.text) or any(
            0 <= j < len(toks) and toks[j].text == t.text and toks[j].kind == "text" for j in (i - 1, i + 1)))

    levels = LevelTracker()
    items: list[tuple[str, Any]] = []  # a token's each: cells, names (its token as read, as joined, its levels),
    # levels and letters (breaks of the runs of cells)
    for i, t in enumerate(toks):
        if value(i):
            items.append(("cell", t))
        elif t.kind.startswith("level"):
            items.append(("level", None))
            lv = cell_levels(normalize(t.text))
            if lv:
                levels.see(*lv)
        elif t.kind in ("text", "long", "label") and len(t.text) == 1:  # the rest of the name just before (合同完成
            if i and items[i - 1][0] == "name" and any(  # 率), else a label's letter (绩 效 指 标)
                    a < len(toks[i - 1].text) < b for a, b in words(toks[i - 1].text + t.text, guess=False)):
                head = items[i - 1][1][1]
                items[i - 1][1][1] = Token(head.start, t.end, text[head.start:t.end], 0, "text")
            items.append(("break", None))
        elif t.kind in ("text", "long", "label"):
            items.append(("name", [t, t, levels.level1, levels.level2]))
        else:
            return None
    paired = _pairs_in_turn(items, m, short_last=True)
    opens = next((kind == "cell" for kind, _ in items if kind != "level"), False)
    if paired is None or paired[1] < 2 and not opens or len(paired[0]) < 2:
        return None  # (rows of one each are read in turn only when values open the body: 82人 220人 20 20 产出指标 …)
    rows: list[Row] = []
    for (as_read, joined, level1, level2), cells, on_arrival in paired[0]:
        if len(cells) < m and not _total_cell().fullmatch(normalize((as_read if on_arrival else joined).text)):
            return None  # only a total row (总分 100 95) holds fewer cells
        rows.append(Row(Cell(joined.start, joined.end, joined.text),
                        [(role, Cell(v.start, v.end, v.text)) for role, v in zip(roles[m - len(cells):], cells)
                         if v.kind != "empty"],  # — : an empty cell keeps its place
                        level1, level2))
    return rows


def _pairs_in_turn(items: list[tuple[str, Any]], m: int, short_last: bool = False
                   ) -> tuple[list[tuple[Any, list[Token], bool]], int] | None:
    """Names and runs of cells that a PDF printed apart, paired in turn. ``items`` in reading order: ``("cell",
    token)``, ``("name", name)`` or anything else (a run of cells ends there). Each run of cells is cut into
    rows of ``m`` cells; the names waiting before a run take its rows first, one each in order, and the rows left over
    go to the names after it. With ``short_last`` the last run's last row may hold fewer cells. The pairs (name,
    cells, whether the row was waiting when its name came), in the order made, and the most whole rows a run held;
    None unless every name takes a row and every row a name."""
    pairs: list[tuple[Any, list[Token], bool]] = []
    waiting: list[Any] = []
    left: list[list[Token]] = []
    run: list[Token] = []
    longest = 0
    last_cell = max((k for k, (kind, _) in enumerate(items) if kind == "cell"), default=-1)

    def flush(last: bool) -> bool:
        nonlocal longest
        if len(run) % m and not last:
            return False
        cut = [run[k:k + m] for k in range(0, len(run), m)]
        longest = max(longest, len(run) // m)
        run.clear()
        while cut and waiting:
            pairs.append((waiting.pop(0), cut.pop(0), False))
        left.extend(cut)
        return True

    for k, (kind, x) in enumerate(items):
        if kind == "cell":
            run.append(x)
            continue
        if not flush(short_last and k > last_cell):
            return None
        if kind == "name" and left:
            pairs.append((x, left.pop(0), True))
        elif kind == "name":
            waiting.append(x)
    if not flush(short_last) or waiting or left:
        return None
    return pairs, longest


def fund_grid(text: str, toks: list[Token], columns: list[Column], spaced: bool = False) -> list[Row]:
    """Fund rows: a label (the line it names) and its amount, rate and points cells, checked by arithmetic."""
    out: list[Row] = []
    value_roles = [c.role for c in columns if c.role != "label"]
    in_turn = _fund_rows_in_turn(toks, value_roles)
    if in_turn is not None:
        return in_turn
    index_rows = index_words()
    toks = _labels_apart(_side_by_side(_labels_over_amounts(_without_headings(_label_pieces_joined(text, toks)))),
                         value_roles)
    if spaced:
        toks = _without_caption_pieces(text, toks)
    under = _under(text, toks, columns) if spaced else None  # where the cells stand under their heads
    placed_at = {t.start for t, c in zip(toks, under) if c is not None} if under else set()
    rows = _cells(text, align(toks, columns, "fund", under=_placing(text, toks, under, len(columns))))
    head: Token | None = None  # a label with no cells just before: the first line of a label the PDF wrapped
    for k, row in enumerate(rows):
        label = next((t for col, t in row if columns[col].role == "label" and t.kind != "empty"), None)
        if label is not None and normalize(label.text).startswith(index_rows):
            continue  # 列次 0 1 2 …: the columns' numbers, not amounts
        if label is not None and label.kind in ("number", "points", "money", "percent"):
            continue  # a number in the label column (| 年度资金总额 | 120 | 120 | 118 | under one amount column): no line
        cells = [(columns[col].role, t) for col, t in row
                 if columns[col].role != "label" and not t.kind.startswith("level") and t.kind not in ("empty", "text", "long", "note", "label")
                 and not is_index_column(columns[col])]  # 行次 | 2: the row's number
        line = fund_line(label.text if label else None)
        written = any(t.kind == "empty" and (t.brk == 0 or _written_empty(t)) and t.start < cells[-1][1].start
                      for _, t in row) if cells else False  # (| | 20, or a dash on a line of its own: — / 32.60)
        trust = float(scores()["fund"]["aligned_with_empty_cells"]) \
            if written or any(t.start in placed_at for _, t in cells) else ALIGNED_TIE
        full = _full_row(toks, label, rows[k + 1][0][1].start if k + 1 < len(rows) else None, value_roles)
        placed = full if full is not None else \
            plausible_fund_cells([t for _, t in cells], value_roles, [r for r, _ in cells], line == TOTAL_LINE, trust)
        below = next((t for col, t in rows[k + 1] if columns[col].role == "label" and t.kind != "empty"), None) \
            if k + 1 < len(rows) and label is not None else None
        if below is not None and _wrapped_from_above(text, below, label) is not below:
            head = label  # 单位自筹 / 资金 / 100 …: the first line of the next row's label, not the rest of this one
            continue
        if not placed and label is not None and label.kind == "text" and out and out[-1].label is not None \
                and out[-1].cells and _WRAPPED_REST.fullmatch(label.text) and not label.text.startswith("其中") \
                and out[-1].label.end < label.start \
                and text.count("\n", out[-1].cells[-1][1].end, label.start) == 1 \
                and not any(w in label.text for w in _head_words()) \
                and (whole_label(out[-1].label.text + label.text) or not whole_label(out[-1].label.text)
                     or _names_a_fund(label.text)):  # 中央财政 / 衔接资金; not 其他资金 / 项目概况
            prev = out[-1]  # | 其中：当年财政 | 100 | … | above | 拨款 | | |: the rest of the label, wrapped in its cell
            prev.label = Cell(prev.label.start, label.end, prev.label.text + label.text)
            prev.line = fund_line(prev.label.text)
            continue
        named = fund_line(label.text) if not placed and label is not None and label.kind == "text" else None
        if named is not None and out and k + 1 < len(rows) and not cells and named != TOTAL_LINE \
                and _names_a_fund(_NOTE_IN_LABEL.sub("", named)) and not in_note(text, label.start):  # (项目资金（元）:
            out.append(Row(label_cell(label), [], line=named))  # the caption's cell) 三公经费 | | |: a line left empty
            head = None
            continue
        if not placed and (label is None or label.kind != "label" or in_note(text, label.start)):
            head = label if label is not None and not cells else None
            continue  # a line of text in the table's way, or a header note's word (执行率(全年 执行数/全年 预算数)), not a fund row
        if placed and label is not None and not label.text.startswith("其中"):
            label = _wrapped_from_above(text, label, head if head is not None else
                                        out[-1].label if out and not out[-1].cells and out[-1].label else None)
        head = None
        cells = [(role, Cell(t.start, t.end, t.text)) for role, t in placed]
        # the cells of an index or code column (序号, 行次, 项目编码 43012345, 文号): no amount, no entity
        cells += [("index", Cell(t.start, t.end, t.text)) for col, t in row if t.kind != "empty"
                  and columns[col].role != "label" and is_index_column(columns[col])]
        if out and not out[-1].cells and out[-1].label is not None and label is not None \
                and out[-1].label.start <= label.start <= out[-1].label.end:
            out.pop()  # its first line, now part of this row's label
        out.append(Row(label_cell(label) if label else None, cells, line=fund_line(label.text) if label else line))
    return merge_repeated_labels(out, value_roles)


def _fund_rows_in_turn(toks: list[Token], roles: list[str]) -> list[Row] | None:
    """The rows of a fund body a PDF printed with its labels apart from their cells: each row's cells before its
    label (860 925.4 918.6 10 99.27% 9.9 年度资金总额 860 925.4 … 财政拨款 …), or the labels first, then every row's
    cells (年度资金总额 其中：财政拨款 其他资金 3,286,400.00 …), paired in turn (:func:`_pairs_in_turn`; rows of as many
    cells, values or dashes, as the header has columns after the labels). A body of one block of labels and one of
    cells is read row by row or column by column (:func:`_in_row_order`). None unless every label takes a row and
    every row a label, two rows at least, and the body opens with a value or some run holds two rows or more (a
    body of labels each followed by its cells is the alignment's). A dash leaves its field empty."""
    m = len(roles)
    toks = [t for t in toks if not (t.kind == "empty" and not _DASH.match(t.text))]  # (a page's number)
    if m < 2 or len(toks) < 2 * (m + 1):
        return None
    is_cell = [t.kind in VALUE_KINDS or t.kind == "empty" for t in toks]
    cut = next((k for k in range(1, len(toks)) if is_cell[k] != is_cell[0]), len(toks))
    if all(c == is_cell[-1] for c in is_cell[cut:]) and is_cell[0] != is_cell[-1]:  # one block of labels, one of
        labels, cells = (toks[cut:], toks[:cut]) if is_cell[0] else (toks[:cut], toks[cut:])  # cells: the cells
        if len(labels) < 2 or len(cells) != len(labels) * m \
                or not all(t.kind == "label" or whole_label(t.text) for t in labels):
            return None  # (the cells in row order, as written or column by column)
        ordered = _in_row_order(cells, len(labels), roles)
        pairs = [(label, ordered[k:k + m]) for label, k in zip(labels, range(0, len(cells), m))]
    else:
        if any(not c and not (t.kind in ("label", "text") and (t.kind == "label" or whole_label(t.text)))
               for c, t in zip(is_cell, toks)):
            return None  # (a cell that is neither a label nor a value)
        paired = _pairs_in_turn([("cell" if c else "name", t) for c, t in zip(is_cell, toks)], m)
        if paired is None or len(paired[0]) < 2 or not (toks[0].kind in VALUE_KINDS or paired[1] >= 2):
            return None
        pairs = [(label, cells) for label, cells, _ in paired[0]]
    return [Row(label_cell(label), [(role, Cell(v.start, v.end, v.text)) for role, v in zip(roles, cells)
                                     if v.kind != "empty"], line=fund_line(label.text)) for label, cells in pairs]


def _in_row_order(cells: list[Token], n: int, roles: list[str]) -> list[Token]:
    """The cells of ``n`` fund rows in row order: as written (row by row), or read column by column where more
    rows' rate is then their spent amount over their budget (:func:`_rate_borne_out`)."""
    m = len(roles)
    by_column = [cells[c * n + r] for r in range(n) for c in range(m)]

    def borne(order: list[Token]) -> int:
        return sum(_rate_borne_out({role: t.number for role, t in zip(roles, order[r * m:(r + 1) * m])})
                   for r in range(n))

    return by_column if borne(by_column) > borne(cells) else cells


#: the first line of a fund label the PDF wrapped (其中：上级转移支付 / 资金): a few Han characters after 其中：
_WRAPPED_HEAD = re.compile(r"(?:其中\s*[:：]\s*)?[\u4e00-\u9fff]{2,12}")


def _wrapped_from_above(text: str, label: Token, above: Token | Cell | None) -> Token:
    """A fund row's label with the first line of it that stands alone on the line above (其中：上级转移支付 / 资金 /
    2460.5 …; 单位自筹 / 资金): the two joined when the label is a short rest that names a fund (tables.toml
    [fund_rows] wrapped_rest_ends) but is no whole label (其他资金) and nothing but the line break stands between
    them; else ``label``."""
    if above is None or not _WRAPPED_HEAD.fullmatch(above.text) or whole_label(above.text) \
            or _names_a_fund(above.text) or above.end >= label.start or text[above.end:label.start].strip():
        return label  # (上年结转 / 事业收入, 单位自筹资金 / 中央补助资金: a label above that names a fund is a row)
    if "\n" not in text[above.end:label.start] or not _WRAPPED_REST.fullmatch(label.text) \
            or not _names_a_fund(label.text) or whole_label(label.text) or any(w in above.text for w in _head_words()):
        return label
    return replace(label, start=above.start, text=text[above.start:label.end], kind="label")


def _full_row(toks: list[Token], label: Token | None, until: int | None, roles: list[str]) -> list[tuple[str, Token]] | None:
    """A labelled fund row written with one cell per column, its empty cells written as dashes (其中：财政拨款 | — |
    130.00 | 121.00, a cell per line): its numbers in their columns by their places, the alignment aside; None
    for any other row."""
    if label is None or any(r in ("label", "other") or r.startswith("index") for r in roles):
        return None
    cells = [t for t in toks if t.start >= label.end and (until is None or t.start < until)]
    if len(cells) != len(roles) or not all(t.kind in FUND_VALUE_KINDS or _written_empty(t) for t in cells) \
            or not any(_written_empty(t) for t in cells):
        return None
    return [(r, t) for r, t in zip(roles, cells) if t.kind in FUND_VALUE_KINDS]


@lru_cache(maxsize=1)
def index_words() -> tuple[str, ...]:
    """Words of a form's index rows and columns and of code columns (tables.toml [fund_rows] index_rows)."""
    return tuple(load_data("tables.toml")["fund_rows"]["index_rows"])


def is_index_column(column: Column) -> bool:
    """Whether a fund column holds row numbers or codes (序号, 行次, 项目编码): no amounts."""
    return normalize(column.word).startswith(index_words())


#: the rest of a fund row's label wrapped onto the next line (拨款, 资金): a few Han characters
_WRAPPED_REST = re.compile(r"[\u4e00-\u9fff]{1,6}")


@lru_cache(maxsize=1)
def _head_words() -> tuple[str, ...]:
    """Every column word of tables.toml and the words that end a fund table: no part of a row's label."""
    w = load_data("tables.toml")
    words = [x for kind in ("performance", "fund") for v in w[kind].values() for x in v] + w["fund_rows"]["stop"]
    return tuple(sorted(set(words), key=len, reverse=True))


def _without_caption_pieces(text: str, toks: list[Token]) -> list[Token]:
    """The tokens of a space-aligned fund table without the pieces of its caption cell printed down its left
    margin (项目资金 / （万元） on lines of their own, left of the row labels): no row's label nor its rest."""
    out: list[Token] = []
    for k, t in enumerate(toks):
        alone = t.brk > 0 and (k + 1 == len(toks) or toks[k + 1].brk > 0)
        label = next((x for x in reversed(out) if x.kind in ("label", "text")), None)
        if alone and label is not None and caption_piece(t.text) \
                and _column_of(text, t.start) < _column_of(text, label.start):
            continue
        out.append(t)
    return _without_margin_caption(text, out)


def _without_margin_caption(text: str, toks: list[Token]) -> list[Token]:
    """The tokens without a caption cell printed down the left margin beside the rows, a piece at the start of
    each line (年度预算 | 其中：财政拨款 … / 资金 | 上年结转资金 … / （万元） | 其他资金 …): the pieces of lines in
    turn that open their lines left of the row labels above them and together read as a fund caption."""
    margin: list[int] = []
    label: Token | None = None  # the last row label before each token
    for k, t in enumerate(toks):
        if t.brk > 0 and t.kind in ("text", "label") and k + 1 < len(toks) and "\n" not in text[t.end:toks[k + 1].start] \
                and label is not None and _column_of(text, t.start) < _column_of(text, label.start):
            margin.append(k)
        if t.kind in ("label", "text") and t.brk == 0 or t.kind == "label":
            label = t
    drop: set[int] = set()
    group: list[int] = []
    for k in margin + [-1]:
        if group and (k < 0 or text.count("\n", toks[group[-1]].end, toks[k].start) != 1):
            drop.update(next((group[:n] for n in range(len(group), 1, -1)  # (a heading after it)
                              if caption_piece("".join(toks[i].text for i in group[:n]))), []))
            group = []
        if k >= 0:
            group.append(k)
    return [t for k, t in enumerate(toks) if k not in drop]


def _column_of(text: str, pos: int) -> int:
    """The display column of ``text[pos]`` on its line."""
    return display_width(text[text.rfind("\n", 0, pos) + 1:pos])


def caption_piece(cell: str) -> bool:
    """Whether a cell is a fund table's caption cell or a piece of it (项目资金（万元）, （万元）)."""
    norm = normalize(cell).replace(" ", "")
    return bool(norm) and bool(_CAPTION_PIECE.fullmatch(norm))


#: a piece of a fund table's caption cell: 项目资金, 资金情况, a unit in brackets
_CAPTION_PIECE = re.compile(r"(?:项目资金|资金情况|年度资金|年度预算资金|预算资金|资金来源|项目资金情况)?(?:[(（](?:万元|萬元|元|千元|亿元)[)）])?")


def _label_pieces_joined(text: str, toks: list[Token]) -> list[Token]:
    """The tokens with a fund label cut after 其中： read whole (其中：当年 | 财政拨款, 其中：当 / 年财政拨款: a space
    or a wrap inside the cell): 其中： and words that name no fund by themselves, then a rest that names one."""
    out: list[Token] = []
    for t in toks:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "text" and _OPENS_LABEL.fullmatch(prev.text) and not whole_label(prev.text) \
                and not text[prev.end:t.start].strip() and t.kind in ("label", "text") \
                and _WRAPPED_REST.fullmatch(t.text) and _names_a_fund(t.text):
            out[-1] = replace(prev, end=t.end, text=text[prev.start:t.end], kind="label")
            continue
        out.append(t)
    return out


#: the opening piece of a fund label cut inside its cell: 其中： and a few words (其中：当年)
_OPENS_LABEL = re.compile(r"其中\s*[:：]\s*[\u4e00-\u9fff]{1,6}")


def _without_headings(toks: list[Token]) -> list[Token]:
    """The tokens without the labels that head a group of fund rows and hold no amounts, a row label right after
    them (按收入性质分 / 其中：财政拨款 / 279 / …: tables.toml [fund_rows] headings); a heading with its own amount
    beside it (按支出性质分 | 1925.67) stays a row."""
    heads = frozenset(load_data("tables.toml")["fund_rows"]["headings"])

    def heading(k: int) -> bool:
        return 0 <= k < len(toks) and toks[k].kind == "label" \
            and normalize(toks[k].text).replace(" ", "").rstrip(":：") in heads

    # two headings side by side (按收入性质分 | 按支出性质分: the form's two halves, :func:`_side_by_side`) stay
    return [t for k, t in enumerate(toks) if not (heading(k) and k + 1 < len(toks) and toks[k + 1].kind == "label"
                                                  and not heading(k + 1) and not heading(k - 1))]


def _labels_over_amounts(toks: list[Token]) -> list[Token]:
    """A line of fund row labels and nothing else, over a line of as many amounts (年度资金总额 | 本年财政拨款 | …
    over | 265.00 | 245.00 | …, a declaration form's fund lines side by side): each label with the amount under
    it, in row order."""
    def line_from(j: int) -> int:  # the end of the line that starts at j
        k = j + 1
        while k < len(toks) and toks[k].brk == 0:
            k += 1
        return k

    out, i = [], 0
    while i < len(toks):
        j = line_from(i)
        line = [t for t in toks[i:j] if t.kind != "empty"]
        k = line_from(j) if j < len(toks) else j
        below = [t for t in toks[j:k] if t.kind != "empty"]
        if len(line) >= 2 and all(t.kind == "label" for t in line) and len(below) == len(line) \
                and all(t.kind in FUND_VALUE_KINDS for t in below):
            for label, value in zip(line, below):
                out += [replace(label, brk=max(label.brk, 1)), replace(value, brk=0)]
            i = k
            continue
        out += toks[i:j]
        i = j
    return out


def _labels_apart(toks: list[Token], roles: list[str]) -> list[Token]:
    """Fund rows whose labels a PDF wrote as a column of their own, all labels first and then the numbers
    (年度资金总额 / 其中：财政拨款 / 上年结转 / 120 / 120 / 118 / …), or the numbers first: the tokens in row
    order again. The numbers (an empty cell written — among them), as many for each label, are read row by
    row or column by column, whichever the arithmetic of the rows finds more plausible
    (:func:`best_fund_placement`)."""
    def labels_from(j: int) -> int:  # each label alone on its line
        while j < len(toks) and toks[j].kind == "label" and toks[j].brk >= 1 \
                and (j + 1 == len(toks) or toks[j + 1].brk >= 1):
            j += 1
        return j

    def values_from(k: int) -> int:  # a cell per line: each number, or an empty cell's dash, on its own line
        while k < len(toks) and toks[k].brk >= 1 and (toks[k].kind in FUND_VALUE_KINDS or _written_empty(toks[k])):
            k += 1
        return k

    out, i = [], 0
    while i < len(toks):
        j = labels_from(i)
        k = values_from(j)
        labels, values = toks[i:j], toks[j:k]
        if len(labels) < 2 and i == 0:  # … or the body opens with the numbers (more than one row's), then the labels
            j = values_from(i)
            k = labels_from(j)
            values, labels = toks[i:j], toks[j:k]
            if len(values) <= len(roles):
                labels = []  # an unlabelled total row's cells, then rows left empty
        if len(labels) < 2 or not values or len(values) % len(labels) or len(values) // len(labels) > len(roles):
            out.append(toks[i])
            i += 1
            continue
        n = len(values) // len(labels)
        by_row = [values[r * n:(r + 1) * n] for r in range(len(labels))]
        by_column = [values[r::len(labels)] for r in range(len(labels))]
        def plausibility(way: list[list[Token]]) -> float:
            return sum(best_fund_placement([t for t in v if t.kind != "empty"], roles)[0] for v in way)

        way, best = max((by_row, plausibility(by_row)), (by_column, plausibility(by_column)), key=lambda x: x[1])
        score, one_row = best_fund_placement([t for t in values if t.kind != "empty"], roles)
        agrees = _rate_agrees(dict(one_row))
        if score >= best and agrees or agrees is None and score > best and (
                len(values) == len(roles) or any(_without_amount(v, roles) for v in way)):
            out.append(toks[i])  # 上年结转资金 / 其他资金 / 900 / 900 / 846.3 / 94.03%: an empty row, then one row
            i += 1              # whose rate agrees (not 财政拨款 / 其他资金 / 100 / 95 / 20 / 15: two rows), or,
            continue            # where no rate can tell, one that fills every column (市级资金 / 项目支出 / 238 /
            #                     206) or whose cells as two rows would leave one row without an amount (… / 573 / 99.79%)
        for label, vals in zip(labels, way):
            out.append(replace(label, brk=max(label.brk, 1)))
            out.extend(replace(v, brk=0) for v in vals)
        i = k
    return out


def _without_amount(values: list[Token], roles: list[str]) -> bool:
    """Whether a fund row's cells, as best placed, hold no amount (a rate or points alone: no row of its own)."""
    cells = [t for t in values if t.kind != "empty"]
    return bool(cells) and not any(role in AMOUNT_ROLES for role, _ in best_fund_placement(cells, roles)[1])


#: the kinds of a fund row's value cells
FUND_VALUE_KINDS = ("money", "number", "points", "percent", "quantity")


def _written_empty(t: Token) -> bool:
    """Whether a token is an empty cell written as a dash (—, -, /)."""
    return t.kind == "empty" and bool(_DASH.match(normalize(t.text).replace(" ", "")))


def _side_by_side(toks: list[Token]) -> list[Token]:
    """Fund rows written two to a line (其中：一般公共预算：| 1100 | | | 其中：基本支出：| 800, a department form's
    income and spending halves): a row label after another cell of its line starts a row of its own."""
    out, seen = [], False
    for t in toks:
        if t.brk >= 1:
            seen = False
        if t.kind == "label" and seen:
            t = replace(t, brk=1)
        seen = seen or t.kind != "empty"
        out.append(t)
    return out


def in_note(text: str, i: int) -> bool:
    """Whether ``text[i]`` stands inside a bracketed note of a header (执行率(全年执行数/全年预算数))."""
    before = text[max(0, i - NOTE_REACH):i]
    opened = max(before.rfind("("), before.rfind("（"))
    return opened >= 0 and not any(c in before[opened:] for c in ")）")


#: how far back the opening bracket of a note is looked for
NOTE_REACH = 20


def _same_label(a: str, b: str) -> bool:
    return re.sub(r"\s", "", a) == re.sub(r"\s", "", b)


def merge_repeated_labels(rows: list[Row], roles: list[str]) -> list[Row]:
    """Rows of one label written once per column (a merged label cell repeated in each column's cell:
    縣市區財政 55 | 縣市區財政 55 | 縣市區財政 55 | 縣市區財政 0): one row, its amounts in column order."""
    out: list[Row] = []
    n = 0
    while n < len(rows):
        m = n
        while m + 1 < len(rows) and rows[n].label is not None and rows[m + 1].label is not None \
                and _same_label(rows[m + 1].label.text, rows[n].label.text) and len(rows[m + 1].cells) <= 1:
            m += 1
        group = rows[n:m + 1]
        # as many repeats as columns (a trailing column without field, 结余, allowed); one column is no repeat
        if len(group) > 1 and len(roles) > 1 and len(group[0].cells) <= 1 and len(group) <= len(roles) + 1:
            values = [c for r in group for _, c in r.cells]
            held = [len(r.cells) for r in group]
            # every repeat holds one amount, or none does, or the last ones hold none (縣財政 700 | 縣財政 700 | 縣財政 |)
            if not values or held == sorted(held, reverse=True) and len(values) >= 2:
                out.append(Row(group[0].label, list(zip(roles, values)), line=group[0].line))
                n = m + 1
                continue
        out.append(rows[n])
        n += 1
    return out


_LABEL_PREFIX = re.compile(r"^(?:其中\s*[:：]?\s*|[0-9一二三四五六七八九十]+[、.．]\s*|[（(][0-9一二三四五六七八九十]{1,3}[)）]\s*"
                           r"|\d{5,}\s*(?=[\u4e00-\u9fff]))+")  # (30226勞務費: an economic classification's code)


def label_cell(t: Token) -> Cell:
    """A fund row's label cell without 其中： or its numbering, without a final colon, and without the table's
    caption cell beside it (项目资金（万元）    其中：当年财政拨款; offsets kept exact)."""
    caption = _CAPTION_CELL.match(t.text)
    skip = caption.end() if caption else 0
    m = _LABEL_PREFIX.match(t.text[skip:])
    skip += m.end() if m else 0
    start = t.start + skip
    text = t.text[skip:].rstrip(":： ")
    return Cell(start, start + len(text), text) if text else Cell(t.start, t.end, t.text)


def fund_line(label: str | None) -> str:
    """The fund line a row label names: the total row is 年度资金总额; 其中：, numbering and colons dropped."""
    if label is None:
        return TOTAL_LINE
    label = _CAPTION_CELL.sub("", label)  # 项目资金（万元）    其中：当年财政拨款: the caption's cell beside the label
    words = load_data("tables.toml")["fund_rows"]
    core = _LABEL_PREFIX.sub("", normalize(label).replace(" ", "")).rstrip(":：")
    subtotal = any(core.endswith(w) and len(core) > len(w) for w in words["subtotal_marks"])
    if core in words["total"] or any(w in core for w in words["total_marks"]) and not core.startswith("其中") and not subtotal:
        return TOTAL_LINE
    label = re.sub(r"\s+", "", label)  # a label wrapped in its cell (当年财政\n拨款) is one name
    label = _OPEN_NOTE_AFTER.sub("", label)  # 省级专项资金(每个专项一行: a note whose bracket the cell cut
    return _UNIT_NOTE_AFTER.sub("", _LABEL_PREFIX.sub("", label).rstrip(":：")).rstrip(":：") or TOTAL_LINE


#: a fund table's caption cell (项目资金（万元）) before a row label in the same flattened cell, set apart by spaces
_CAPTION_CELL = re.compile(r"^[^\s|]{0,10}[(（]\s*(?:万元|元|千元|亿元|萬元)\s*[)）][ \t\u3000]{2,}(?=\S)")
#: a note after a row label whose bracket is not closed in the cell
_OPEN_NOTE_AFTER = re.compile(r"(?<=[\u4e00-\u9fff])[(（][^()（）]*$")
#: a unit note after a row label, with what else the bracket says (中央财政资金(万元), 其他资金(万元,自有资金…))
_UNIT_NOTE_AFTER = re.compile(r"[(（]\s*(?:万元|元|千元|亿元|萬元)\s*(?:[,，、;；][^()（）]*)?[)）]\s*[:：]?$")


#: what a number placed in its aligned column is worth: a tie-breaker, or, in a row whose empty cells are
#: written (| 20 | | 15 |), where the cells stand (data/layout.toml [fund] aligned_with_empty_cells)
ALIGNED_TIE = 0.01


def plausible_fund_cells(values: list[Token], roles: list[str], aligned: list[str], total: bool = True,
                         trust: float = ALIGNED_TIE) -> list[tuple[str, Token]]:
    """The columns of a fund row's numbers, in order: the alignment's, unless the arithmetic prefers another
    (``trust``: what each number in its aligned column is worth)."""
    if not values:
        return []
    if len(values) > len(roles):
        return list(zip(aligned, values))
    return best_fund_placement(values, roles, aligned, total, trust)[1]



def best_fund_placement(values: list[Token], roles: list[str], aligned: list[str] | None = None, total: bool = True,
                        trust: float = ALIGNED_TIE) -> tuple[float, list[tuple[str, Token]]]:
    """The best order-keeping placement of a fund row's numbers in its columns, and its score.

    Every placement is scored like the alignment (fit of each number to its column, columns left
    empty) plus the arithmetic: a rate that equals spent / budget (or received / budget) in percent,
    a score at most its weight.
    """
    if not values or len(values) > len(roles):
        return -math.inf, []
    s = scores()
    fit, skip = s["fit"], s["skip"]
    n, m = len(values), len(roles)
    cost = [float(skip.get(_skip_key(r, "fund", total), 0.5)) for r in roles]
    end_share = float(skip["at_row_end"])
    best, best_cells = -math.inf, []
    for cols in itertools.combinations(range(m), n):
        placed = {roles[c]: values[i] for i, c in enumerate(cols)}
        score = sum(fit[_fit_key(roles[c], "fund", total)].get(values[i].kind, -2.0) for i, c in enumerate(cols))
        used = set(cols)
        score -= sum(cost[c] for c in range(cols[-1]) if c not in used)
        score -= end_share * sum(cost[c] for c in range(cols[-1] + 1, m))
        score += _arithmetic(placed)
        rate = placed.get("rate")
        if rate is not None and rate.kind != "percent" and (rate.number or 0) > MAX_RATIO and not _rate_agrees(placed):
            score -= float(s["fund"]["bare_rate"])  # a rate with no % is a ratio (0.958), not 9 … unless it is 80.00 = 8 / 10
        if aligned:
            score += trust * sum(1 for i, c in enumerate(cols) if roles[c] == aligned[i])  # ties: the alignment's
        if score > best:
            best, best_cells = score, [(roles[c], values[i]) for i, c in enumerate(cols)]
    return best, best_cells


#: a number as a glued cell may hold it: no leading zero, at most one decimal point, an optional %
_GLUED_NUMBER = re.compile(r"(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d{0,9})(?:\.\d{1,6})?(?:%|萬元|万元|萬|万|元)?")  # 10萬10萬100%20: a unit ends a cell
#: what may stand between the glued numbers of a run: spaces, the dash or slash of an empty cell
_RUN_SEPARATORS = " \t-—/"
#: what a glued number keeps when it follows it: its % or its money unit
_UNIT_AFTER = "%萬万元"
#: a glued run cut into more numbers than this is not tried
MAX_GLUED_CELLS = 7


def split_glued_fund(run: str, roles: list[str], offset: int = 0, total: bool = True) -> list[tuple[str, Token]]:
    """A fund row's glued run of numbers (``2456.182456.182456.1810100%10``) cut into one number per column.

    Every way of cutting the run into well-formed numbers is placed in the columns
    (:func:`best_fund_placement`); the cut whose placement scores best wins, a cut into numbers with
    more than two decimals costing a little per extra decimal.
    """
    best, best_cells = -math.inf, []
    points = float(scores()["glued"]["max_points"])  # a weight or a score is at most the form's points
    most_rate = float(scores()["glued"]["max_rate"])  # and a rate at most this many percent, seldom over 100
    over_full, bare_rate = float(scores()["glued"]["over_full_rate"]), float(scores()["glued"]["bare_rate"])
    odd_weight = float(scores()["glued"]["odd_weight"])
    kinds: dict[str, tuple[str, float | None]] = {}  # the same pieces come back in many cuts
    for cut in _cuts(run, 0, min(len(roles), MAX_GLUED_CELLS)):
        toks = []
        for a, b in cut:
            piece = run[a:b]
            if piece not in kinds:
                kinds[piece] = kind_of(piece)
            toks.append(Token(offset + a, offset + b, piece, 0, *kinds[piece]))
        score, cells = best_fund_placement(toks, roles, total=total)
        score -= sum(max(0, len(run[a:b].rstrip("%").partition(".")[2]) - 2) * 0.5 for a, b in cut)
        decimals = _row_decimals([t.text for role, t in cells if role in AMOUNT_ROLES])
        score -= UNMARKED_CUT * sum(_end_cost(run[a:b], decimals) for a, b in cut[:-1] if run[b:b + 1] not in _RUN_SEPARATORS)
        amounts = [len(t.text.partition(".")[2]) for role, t in cells if role in AMOUNT_ROLES]
        score -= MIXED_DECIMALS * sum(1 for d in amounts if d != (amounts[0] if amounts else d))
        score -= OVER_POINTS * sum(1 for role, t in cells if role in ("weight", "score") and (t.number or 0) > points)
        rates = [t.number or 0 for role, t in cells if role == "rate" and t.kind == "percent"]
        score -= sum(OVER_POINTS if r > most_rate else over_full if r > 100 else 0 for r in rates)
        score -= bare_rate * sum(1 for role, t in cells if role == "rate" and t.kind != "percent")
        score -= odd_weight * sum(1 for role, t in cells if role == "weight" and t.number is not None
                                  and (t.number * 2) % 1)
        score += _repeated_amounts(cells)
        if score > best:
            best, best_cells = score, cells
    return best_cells


#: the cost of cutting a glued run where nothing in the text marks a cell's end (between two digits of an
#: integer: 687000|687000 could as well be 6870|00687000)
UNMARKED_CUT = 1.0
#: the cost of an amount written with other decimals than the row's first amount (86.97 | 86.9)
MIXED_DECIMALS = 0.7
#: the cost of a weight or score of more points than a form has (372.416835 | 10, not 372.41 | 683510)
OVER_POINTS = 5.0


def _repeated_amounts(cells: list[tuple[str, Token]]) -> float:
    """What a cut gains from amounts written alike (budget = received = spent: 23.77345723.77345723.773457 is
    23.773457 three times, 646464 is 64 three times): a cut seldom makes equal numbers by chance, the less
    the longer they are, so each repeat gains :data:`REPEATED_DIGIT` per digit."""
    amounts = [t.text for role, t in cells if role in AMOUNT_ROLES and t.number]
    if len(amounts) < 2:
        return 0.0
    text, n = Counter(amounts).most_common(1)[0]
    return REPEATED_DIGIT * sum(c.isdigit() for c in text) * (n - 1)


#: the gain per digit of each amount that repeats the row's amount before it (see :func:`_repeated_amounts`)
REPEATED_DIGIT = 0.5


def _end_cost(number: str, decimals: int = 2) -> float:
    """How little the text marks the end of a glued number (in units of :data:`UNMARKED_CUT`): nothing for a %
    or after exactly two decimals, half after the row's own number of decimals (``decimals``: 15.6 | 15.6 |
    15.6; not after a last decimal 0, seldom written), else all."""
    places = len(number.partition(".")[2])
    if number.endswith("%") or places == 2:
        return 0.0
    return OWN_DECIMALS if places == decimals and not number.endswith("0") else 1.0


#: the share of an unmarked cut's cost that a cut after the row's own number of decimals pays
OWN_DECIMALS = 0.5


def _row_decimals(numbers: list[str]) -> int:
    """The decimals a row's amounts (``numbers``, as placed) are written with, when two or more of them are
    written with a point and share a number of decimals, none another (15.6 | 15.6 | 15.6: 1); else 2."""
    places = [len(n.partition(".")[2]) for n in numbers if "." in n and not n.endswith("%")]
    return places[0] if len(places) > 1 and len(set(places)) == 1 else 2


def _cuts(run: str, pos: int, room: int, memo: dict[tuple[int, int], list] | None = None) -> list[list[tuple[int, int]]]:
    """Every way of cutting ``run[pos:]`` into at most ``room`` well-formed numbers (``memo``: the cuts of each
    rest of the run already found)."""
    if pos == len(run):
        return [[]]
    if run[pos] in _RUN_SEPARATORS:
        return _cuts(run, pos + 1, room, memo)  # a space, or the dash of an empty cell: no number goes across it
    if room == 0:
        return []
    memo = {} if memo is None else memo
    if (pos, room) not in memo:
        out = []
        for end in range(pos + 1, len(run) + 1):
            if _GLUED_NUMBER.fullmatch(run, pos, end) and (end == len(run) or run[end] not in _UNIT_AFTER):
                out += [[(pos, end), *rest] for rest in _cuts(run, end, room - 1, memo)]
        memo[pos, room] = out
    return memo[pos, room]


def _rate_agrees(placed: dict[str, Token]) -> bool | None:
    """Whether a placed rate equals spent (or received) / budget in percent; None when the row cannot tell."""
    rate = placed.get("rate")
    base = placed.get("budget") or placed.get("budget_initial")
    done = placed.get("spent") or placed.get("received")
    if rate is None or base is None or done is None or rate.number is None or not base.number or done.number is None:
        return None
    r = rate.number if rate.kind == "percent" or rate.number > MAX_RATIO else rate.number * 100
    expected = done.number / base.number * 100
    # rounding moves a rate by a little, a small rate by less (2.98% is no 9 / 265.54 = 3.39%)
    return abs(r - expected) <= max(min(0.6, 0.1 * expected), 0.01 * expected) and (r > 0) == (done.number > 0)


def _arithmetic(placed: dict[str, Token]) -> float:
    """A bonus for a row whose numbers agree with each other (rate = spent / budget, score <= weight)."""
    bonus = 0.0
    agrees = _rate_agrees(placed)
    if agrees is not None:
        rate = placed["rate"]
        # a rate written with % that agrees is strong evidence; a bare number that agrees may be chance
        strength = 3.0 if rate.kind == "percent" else 1.0 if "." in rate.text else 0.5
        if agrees and not rate.number:
            strength = 0.5  # 0 | 0%: nothing spent agrees with any budget (390 | 39 | 0 | 10 | 0% cut from 390390100%)
        bonus += strength if agrees else -1.0
    initial, budget, spent = placed.get("budget_initial"), placed.get("budget"), placed.get("spent")
    if initial is not None and budget is not None and initial.number and budget.number is not None:
        bonus += 0.5 if abs(budget.number - initial.number) <= 0.2 * initial.number else 0.0  # adjusted, not remade
    if budget is not None and spent is not None and budget.number is not None and spent.number is not None:
        bonus += 0.3 if spent.number <= budget.number * 1.05 else 0.0
    w, sc = placed.get("weight"), placed.get("score")
    if w is not None and sc is not None and w.number is not None and sc.number is not None:
        bonus += 0.5 if sc.number <= w.number else -2.0
    amounts = [abs(t.number) for role, t in placed.items() if role in AMOUNT_ROLES and t.number]
    if len(amounts) > 1:  # one line's budget, funds received and spent are of one size (500 | 480 | 465.5)
        spread = math.log10(max(amounts) / min(amounts))
        bonus -= float(scores()["fund"]["spread"]) * max(0.0, spread - 1.0)
    return bonus
