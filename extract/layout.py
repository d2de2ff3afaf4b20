"""Layout: find the tables in a report's text, with their unit captions, and rebuild their rows.

The first stage after reading. Words are matched in a normalized view of the text
(:mod:`extract.textview`: traditional characters, full-width signs and pinyin glosses do not
hide them). A table is found by its header, a cluster of header words (三级指标, 年度指标值,
实际完成值, 分值, 得分; 年初预算数, 全年执行数, 执行率 …, roles in ``data/tables.toml``), in any
flattening and possibly broken over lines; its column order is the order of the words (a word
broken over two header lines keeps its first part's place). Tables without header words are
found too: performance tables by runs of level-name cells, fund tables by their row labels
(年度资金总额, 其中：财政拨款 …); their columns are those of the common forms' orders that their cells fit
best (``tables.toml [headerless]``), and a head in a form's own wording, no word of which is read, takes the role
its column's cells fit (:func:`grid.unread_roles`). A table's body runs to the next table, or to a closing block or
a cell of prose. Unit captions (（万元）, 单位：元) are found once per document; a fund table takes
the unit and the points (20分) of its caption. Rows are rebuilt by :mod:`extract.grid` (cells
aligned to the columns) or, for glued cells, by cutting each run of values by plausibility
(:func:`glued_rows`, :func:`fund_rows`). The result is ``Document.captions`` and
``Document.tables``, with the form's goal cells (:mod:`extract.goals`) in ``Document.goals``; later stages
read cells from them and never re-split the text.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from functools import lru_cache
from itertools import combinations
from typing import Any

from . import grid
from .document import Cell, Column, Document, Row, Table
from .goals import goal_cells, goal_sections
from .levels import LevelTracker, level_re as level_re_
from .lexicon import lexicon, load_data, unit_after_number
from .numbers import normalize_width
from .schema import FUND_FIELDS, TOTAL_LINE
from .textview import GLOSS_BODY, TextView, loose, normal_chars, normalize, view_of

#: roles of value columns that fill no slot: a coefficient (得分系数), a target adjusted during the year (调整指标值)
NO_SLOT = ("extra", "adjusted")

#: how far before a fund header its caption may state the unit
CAPTION_WINDOW = 120
#: how far after a fund header (before its first number) a caption may still state the unit: (万元) 年度资金总额
CAPTION_AFTER = 30


def table_words() -> dict[str, Any]:
    """The table knowledge of ``data/tables.toml``."""
    return load_data("tables.toml")


def read_layout(doc: Document) -> Document:
    """Find the document's unit captions and tables, and rebuild the tables' rows (``doc.captions``, ``doc.tables``)."""
    text = _separators_marked(doc.text)
    view = view_of(text)
    doc.captions = find_captions(text, view)
    doc.tables = _tables(text, view, doc.captions)
    doc.goals = sorted(goal_cells(text, view, doc.tables) + goal_sections(text), key=lambda g: g[1].start)
    return doc


#: cell separators written with other characters: bars (full width ｜, box drawing │ ┃, broken bar ¦) read as |,
#: a no-break or full-width space read as a space
_BARS = str.maketrans({**{c: "|" for c in "｜│┃¦"}, "\u00a0": " ", "\u3000": " "})


def csv_rows_as_bars(text: str) -> str:
    """``text`` with the commas that separate the cells of comma-separated rows (a spreadsheet saved as CSV:
    ``,年度资金总额,153.00,153.00,149.85,10,97.94%,9.79``) written as bars, outside double quotes; offsets stay.
    Such rows come in blocks: consecutive lines of :data:`CSV_MIN_COMMAS` commas or more, at least half of which
    hold an empty cell (``,,``, or a comma opening or closing the line), as a spreadsheet's rows do and prose or a
    glued row with commas in its numbers (12,345,678.0013,002,450.50) does not."""
    if not (",," in text or "\n," in text or ",\n" in text or text.startswith(",") or text.rstrip().endswith(",")):
        return text  # (no empty cell anywhere: no block of such rows)
    lines = text.split("\n")
    commas = [_csv_commas(line) if line.count(",") >= CSV_MIN_COMMAS else [] for line in lines]
    out = list(lines)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and len(commas[j]) >= CSV_MIN_COMMAS:
            j += 1
        empty = sum(",," in lines[k] or lines[k].startswith(",") or lines[k].rstrip().endswith(",") for k in range(i, j))
        if j > i and 2 * empty >= j - i:
            for k in range(i, j):
                chars = list(lines[k])
                for c in commas[k]:
                    chars[c] = "|"
                out[k] = "".join(chars)
        i = j + 1
    return "\n".join(out)


#: the fewest commas of a comma-separated row
CSV_MIN_COMMAS = 3


def _csv_commas(line: str) -> list[int]:
    """Where the ASCII commas of a line stand outside double quotes, but for those that group a number's thousands
    (1,234,567.89)."""
    at, quoted = [], False
    for k, c in enumerate(line):
        if c == '"':
            quoted = not quoted
        elif c == "," and not quoted and not _groups_thousands(line, k):
            at.append(k)
    return at


def _groups_thousands(line: str, k: int) -> bool:
    """Whether the comma at ``line[k]`` groups a number's thousands (1,234; not 153.00,153.00: a fraction before)."""
    if k == 0 or not _THOUSANDS.match(line, k - 1):
        return False
    j = k - 1
    while j >= 0 and (line[j].isdigit() or line[j] == ","):
        j -= 1
    return not (j >= 0 and line[j] == ".")


#: a comma that groups thousands: a digit before it, three after it, and no fourth
_THOUSANDS = re.compile(r"\d,\d{3}(?![\d])")


def _separators_marked(text: str) -> str:
    """``text`` with its cell separators written as bars and spaces (:data:`_BARS`, :func:`csv_rows_as_bars`), one
    character for one: offsets stay those of the document."""
    return csv_rows_as_bars(text.translate(_BARS))


def find_tables(text: str, view: TextView | None = None, captions: list[tuple[int, str, int]] | None = None) -> list[Table]:
    """Every table of ``text`` with its rows, in text order."""
    return _tables(_separators_marked(text), view, captions)


def _tables(text: str, view: TextView | None = None, captions: list[tuple[int, str, int]] | None = None) -> list[Table]:
    """:func:`find_tables` of a text whose separators are marked (:func:`_separators_marked`)."""
    view = view or view_of(text)
    captions = find_captions(text, view) if captions is None else captions
    tables = find_headers(text, view, captions)
    _set_ends(text, tables)
    tables = sorted(tables + headerless_blocks(text, view, tables), key=lambda t: t.start)
    _set_ends(text, tables)
    tables = sorted(tables + fund_blocks(text, view, tables, captions), key=lambda t: t.start)
    _set_ends(text, tables)
    for t in tables:
        inside = unit_inside(captions, t.start, t.end, text) if t.kind == "fund" else None
        if inside and (t.unit is None or unit_before(captions, t.start, window=CAPTION_WINDOW, form=False) is None):
            t.unit = inside  # 项目资金（元） in the table's own cells beats a form's 单位：万元 far above
        if t.kind == "fund" and t.unit is None:
            t.unit = _unit_under(text, t, tables, captions)  # 注：金额单位为万元 under the table
        if t.kind == "fund" and t.unit is None:
            t.unit = _unit_row(text, t)  # | | 万元 | 万元 | 万元 | | under the heads
    allocations = allocation_tables(text, view, tables, captions)
    tables = [t for t in tables if not any(a.start <= t.start < a.end for a in allocations)]  # its total row
    by_columns = headed_columns(text)  # the performance tables found in them were their heads and cells
    tables = [t for t in tables if not any(t.kind == "performance" and t.start < c.end and c.start < t.end
                                           for c in by_columns)]
    fund_columns = headed_fund_columns(text, captions)  # … and the fund tables found in these
    tables = [t for t in tables if not any(t.kind == "fund" and t.start < c.end and c.start < t.end for c in fund_columns)]
    by_columns += fund_columns
    forms = score_fields(text, tables) + head_rows(text, tables) + transposed_funds(text, view, tables, captions) \
        + allocations + by_columns \
        + fund_fields(text, view, tables + allocations)  # tables with their rows read
    # a fund header whose heads are each followed by a colon and a value (年初预算数：1,326.45万元 …): fields
    head_fields = fund_head_fields(text, view, [t for t in tables if not (t.kind == "fund" and _heads_of_fields(text, t))]
                                   + forms, captions)
    # … unless rows with labels follow the fields in that table (年初预算数：60 … / 其中：财政拨款 50 50 48): it reads
    # the fields as its total line and the rows below as its grid
    head_fields = [h for h in head_fields if not any(t.kind == "fund" and t.start < h.end and h.start < t.end
                                                     and _fund_row_re().search(normalize(text[h.end:t.end]))
                                                     for t in tables)]
    tables = [t for t in tables if not any(t.kind == "fund" and t.start < h.end and h.start < t.end for h in head_fields)]
    forms += head_fields
    forms += field_pairs(text, tables + forms)
    records = field_records(text, view, tables + forms)
    forms += records
    read_to = -1  # where the rows written as fields of a table before end: a header there is one of them
    read: list[Table] = []
    for n, t in enumerate(tables):  # styles were set with the ends
        if any(t is r for r in read):
            continue  # the rest of a table above, its header repeated on a new page
        if t.kind == "fund" and t.start < read_to:
            read.append(t)
            continue
        one_row = field_row(text, t) if t.kind == "fund" else None
        if one_row:  # the total line as fields, then the rows below it read as a grid
            t.style = "fields"
            more = field_rows_after(text, view, t, one_row.cells[-1][1].end)
            read_to = (more[-1] if more else one_row).cells[-1][1].end
            rest = grid.tokens(text, read_to, t.end)
            t.rows = [one_row, *more] + [r for r in grid.fund_grid(text, rest, t.columns) if r.label is not None]
        elif t.style == "glued" and t.kind == "performance":
            rows = None
            if _headerless(t):  # its columns, as its rows read most plausibly
                t.columns = _glued_performance_columns(text, t)
            elif unread := _glued_unread_heads(text, t):  # heads no word of which was read: roles as the rows read
                t.columns, rows = _glued_unread_roles(text, t, unread)
            t.rows = rows if rows is not None else glued_rows(text, t)
        elif t.style == "glued":
            if _headerless(t):  # its columns, as the arithmetic of its rows bears them out
                t.columns = _glued_fund_columns(text, t, view)
            t.rows = glued_fund_rows(text, t, view)
        else:
            unread = _unread_heads(text, t) if t.kind == "performance" and not _headerless(t) else []
            if unread:  # heads no word of which was read: columns whose roles the cells tell
                t.columns = sorted(t.columns + unread, key=lambda c: c.start)
                t.header_end = max(t.header_end, unread[-1].end)
            toks = grid.tokens(text, body_start(text, t), t.end, single_spaces=t.style == "one_line",
                               header_cells=_header_cells(text, t))
            if t.kind == "performance" and t.style == "one_line":
                toks = _row_among_heads(text, t, values_follow=_opens_with_values(text, t)) + toks
            rest = _continued_on_next_page(text, t, tables[n + 1]) if n + 1 < len(tables) else None
            if rest:
                toks += rest
                read.append(tables[n + 1])
                t.end = tables[n + 1].end
            if t.kind == "performance" and _headerless(t):  # its columns, as its cells fit them best
                t.columns = grid.headerless_columns(toks, table_words()["headerless"]["orders"], t.start,
                                                    one_line=t.style == "one_line")
            elif unread:
                t.columns = grid.unread_roles(toks, t.columns, one_line=t.style == "one_line")
            elif t.kind == "fund" and _headerless(t):
                t.columns = grid.headerless_fund_columns(toks, table_words()["headerless"]["fund_orders"], t.start)
            if t.kind == "fund":  # cells stand under their heads: by their place (spaces) or their cell (|)
                t.rows = grid.fund_grid(text, toks, t.columns, spaced=t.style in ("spaces", "pipe"))
            else:  # a performance table flattened to one line: its line breaks are wraps (验收合 / 格率)
                t.rows = grid.performance_grid(text, toks, t.columns, one_line=t.style == "one_line",
                                               spaced=t.style == "spaces")
        if t.kind == "performance":
            forms += fund_rows_in_performance(t, captions)
        else:
            _spending_side(t.rows)
            _total_by_points(t.rows)
    tables = [t for t in tables if not any(t is r for r in read)]
    _continued_levels(tables)
    for t in tables:
        if t.kind == "performance":
            _levels_above_first(t)
    # a header whose words are the heads of fields (指标名称：… / 年度目标值：…): the records, no grid
    tables = [t for t in tables if not (t.kind == "performance" and _heads_of_fields(text, t)
                                        and any(r.start < t.end and t.start < r.end for r in records))]
    return sorted(tables + forms, key=lambda t: t.start)


def _glued_fund_columns(text: str, table: Table, view: TextView) -> list[Column]:
    """The columns of a glued fund table found by its row labels without a header: of the orders of
    ``tables.toml [headerless] fund_orders`` (the default first), the one with the most rows whose rate is the spent
    amount over the budget once the runs are cut by it (:func:`grid.rate_borne_out`), the first of equal ones; the
    default where no row bears one out."""
    orders = table_words()["headerless"]["fund_orders"]

    def borne_out(roles: list[str]) -> float:  # (the default: none needed)
        if roles == orders[0]:
            return 0
        rows = glued_fund_rows(text, dataclasses.replace(table, columns=grid.columns_at(roles, table.start), rows=[]),
                               view)
        return sum(grid.rate_borne_out({k: c.text for k, c in r.cells}) for r in rows)

    best = grid.best_order(orders, borne_out)
    return table.columns if best == orders[0] else grid.columns_at(best, table.start)


def _glued_performance_columns(text: str, table: Table) -> list[Column]:
    """The columns of a glued performance table found without its header: of ``tables.toml [headerless]
    glued_orders`` (the default first), the one whose reading of the rows is most plausible
    (:func:`grid.plausible_points_reading`), the first of equal ones."""
    def fit(roles: list[str]) -> float:
        columns = grid.columns_at(roles, table.start)
        return _points_plausibility(glued_rows(text, dataclasses.replace(table, columns=columns, rows=[])))

    return grid.columns_at(grid.best_order(table_words()["headerless"]["glued_orders"], fit), table.start)


def _points_plausibility(rows: list[Row]) -> float:
    """:func:`grid.plausible_points_reading` of glued rows as read under some columns, the total row (总分 100)
    aside."""
    return grid.plausible_points_reading([{k: c.text for k, c in r.cells} for r in rows
                                          if not (r.label and total_row_re().match(normalize(r.label.text)))])


def _glued_unread_heads(text: str, table: Table) -> list[Column]:
    """The heads of a glued performance header that hold no header word: all that stands between two read heads
    (指标值 | 考核分数(分) | 全年完成值), Han characters with a bracket note or not, that is no piece of a header
    word, a level name nor a note's word. At most :data:`MAX_UNREAD_HEADS`, else none."""
    words = _performance_heads()[0]
    heads = sorted((c for c in table.columns if c.end > c.start), key=lambda c: c.start)
    out = []
    for a, b in zip(heads, heads[1:]):
        m = _GLUED_HEAD.fullmatch(text, a.end, b.start)
        if m is None:
            continue
        if _no_head_word(m.group(1), words):
            out.append(Column("unread", m.group(0), a.end, b.start))
    return out if len(out) <= MAX_UNREAD_HEADS else []


#: a glued header's head between two read ones: Han characters, a bracket note after them (考核分数(分)); the
#: note of the head before may stand before them (得分系数(%) | 考核分数(分)), and the first word of the next head
#: after them (… | 指标 | 得分(分): 得分 is the word read)
_GLUED_HEAD = re.compile(r"(?:[(（][^()（）\n]{0,6}[)）])?([\u4e00-\u9fff]{2,8}?)(?:[(（][^()（）\n]{0,6}[)）])?(?:指标|指標)?")


def _glued_unread_roles(text: str, table: Table, unread: list[Column]) -> tuple[list[Column], list[Row]]:
    """A glued performance header's columns with a role for each unread head: of the value roles the header lacks
    (and ``extra``, a value column that fills no slot), the ones under which the rows read most plausibly
    (:func:`grid.plausible_points_reading`), each unread head taking a different role, the first of equal ones;
    with the rows so read."""
    free = grid.missing_value_roles({c.role for c in table.columns}) + ["extra"] * len(unread)
    read: dict[tuple[str, ...], list[Row]] = {}

    def columns(roles: list[str]) -> list[Column]:
        return sorted(table.columns + [Column(r, c.word, c.start, c.end) for c, r in zip(unread, roles)],
                      key=lambda c: c.start)

    def fit(roles: list[str]) -> float:
        rows = read[tuple(roles)] = glued_rows(text, dataclasses.replace(table, columns=columns(roles), rows=[]))
        return _points_plausibility(rows)

    best = grid.best_order([list(p) for p in dict.fromkeys(itertools.permutations(free, len(unread)))], fit)
    return columns(best), read[tuple(best)]


def _unread_heads(text: str, table: Table) -> list[Column]:
    """The heads of a performance header that hold no header word, between two read heads or after the last on
    its line: a cell of Han characters on its own (separators around it) that is no piece of a header word (a head
    of the form's own wording: 考核分数, 核定分). Columns of role ``unread``; none in a glued header."""
    if table.style == "glued":
        return []
    words = _performance_heads()[0]
    heads = sorted((c for c in table.columns if c.end > c.start), key=lambda c: c.start)
    if not heads:
        return []
    one_line = table.style == "one_line"
    if one_line and re.search(r"\d", text[heads[0].start:heads[-1].end]):
        return []  # a row printed among the heads (_row_among_heads), no head of its own
    rest = _rest_of_line(text, heads[-1].end)
    bounds = [(a.end, b.start) for a, b in zip(heads, heads[1:])]
    if not (one_line and (re.search(r"\d", rest) or level_re_().search(normalize(rest)))):  # (the body going on
        bounds.append((heads[-1].end, heads[-1].end + len(rest) + 1))  # after the heads) its line's rest, its break too
    if not one_line:
        last = max(heads, key=lambda c: c.end)  # (a head stacked a piece per line ends below the others)
        below = _head_lines_above_body(text, last.end + len(_rest_of_line(text, last.end)))
        if below:  # 实际完成值 | / 考核分数 | / 产出指标 | …: heads a line each, down to the body's first level name
            bounds.append(below)
    lone = _LONE_HEAD_ONE_LINE if one_line else _LONE_HEAD
    padded = text + "\n"  # (the last line's end is a break the pattern looks ahead at)
    out = []
    if one_line and _opens_with_values(text, table):  # the cell after the names' head: the first row's name
        bounds = [(a, b) for (a, b), head in zip(bounds, heads) if head.role != "name"]
    for a, b in bounds:
        for m in lone.finditer(padded, a, b):
            if _no_head_word(m.group(1), words):
                out.append(Column("unread", m.group(1), m.start(1), m.end(1)))
    return out if len(out) <= MAX_UNREAD_HEADS else []  # (more: words of a title or a row among the heads)


#: the most heads of a header that may be unread: a form's own word or two, not the header's words in general
MAX_UNREAD_HEADS = 2


def _no_head_word(cell: str, words: dict[str, str]) -> bool:
    """Whether a lone header cell is a head no header word reads: no piece of a header word (nor one holding a word
    whole), no level name and no note's word."""
    piece = normalize(cell)
    return not any(piece in w or w in piece for w in words) and not _NOTE.fullmatch(cell) \
        and not level_re_().search(piece)


#: a line that holds one head alone: Han characters, a bracket note after them (cut by the line's end or not)
_ONE_HEAD_LINE = re.compile(r"[\u4e00-\u9fff]{2,12}(?:[(（][^()（）|｜]{0,6}[)）]?)?")


def _head_lines_above_body(text: str, pos: int) -> tuple[int, int] | None:
    """The lines after ``pos`` (the end of the line of a header's last read head) that each hold one lone cell of
    Han characters, up to a line that opens with a level name (the body's first row): where such heads may stand
    a line each. None unless such a line ends them within :data:`MAX_UNREAD_HEADS` cells."""
    start = pos
    cells = 0
    while pos < len(text):
        end = text.find("\n", pos + 1)
        end = len(text) if end < 0 else end
        line = text[pos:end].strip(" \t\n|｜")
        line_start, pos = pos, end
        if not line:
            continue
        if level_re_().match(normalize(line)):
            return (start, line_start + 1) if cells else None
        if cells == MAX_UNREAD_HEADS or not _ONE_HEAD_LINE.fullmatch(line):
            return None
        cells += 1
    return None


#: a header cell on its own: Han characters between separators (a bar, a line break, a tab, two spaces), a bracket
#: note after them (考核分数(分), 年初目标值(A, its bracket cut by the line's end)
_LONE_HEAD = re.compile(r"(?:(?<=[|｜\n\t])|(?<=  ))[ \t]*([\u4e00-\u9fff]{2,12})(?:[(（][^()（）|｜\n]{0,6}[)）]?)?[ \t]*"
                        r"(?=[|｜\n\t]|  )")
#: … in a header whose cells are one space apart
_LONE_HEAD_ONE_LINE = re.compile(r"(?<=[ |｜\n\t])([\u4e00-\u9fff]{2,12})(?=[ |｜\n\t])")


def _headerless(table: Table) -> bool:
    """Whether a table was found without header words (:func:`headerless_blocks`): its columns are a guess."""
    return table.header_end == table.start and not any(c.word for c in table.columns)


def _opens_with_values(text: str, table: Table) -> bool:
    """Whether a table's body opens with a value cell (a row's values printed before its name)."""
    first = next((t for t in grid.tokens(text, body_start(text, table), table.end) if t.kind != "empty"), None)
    return first is not None and first.kind in grid.VALUE_KINDS


def _row_among_heads(text: str, table: Table, values_follow: bool = False) -> list[grid.Token]:
    """The cells of a table's first row that a PDF printed among the heads of its header (一级指标 二级指标 产出指标
    三级指标 数量指标 年度 公办幼儿园资助幼儿人数 指标值 ≥1500人次 实际 1562人次 完成值 分值 15 得分 15): what stands
    between the heads and is no piece of a head word, when that holds one name (no other text) and two values,
    or the name alone where the body opens with values (``values_follow``: its row's values after the heads);
    else none."""
    heads = [(c.start, c.end) for c in table.columns if c.end > c.start]
    words = _performance_heads()[0]
    cells = [tok for tok in grid.tokens(text, table.start, table.header_end, single_spaces=True)
             if not any(a < tok.end and tok.start < b for a, b in heads)
             and not any(normalize(tok.text).replace(" ", "") in w for w in words)]
    values = sum(tok.kind in grid.VALUE_KINDS for tok in cells)
    named = sum(tok.kind in ("text", "long", "note") for tok in cells) == 1
    return cells if named and (values >= 2 or values == 0 and values_follow) else []


def _continued_on_next_page(text: str, table: Table, after: Table) -> list[grid.Token] | None:
    """The cells of ``after`` when it is the rest of ``table`` on a new page: a performance table of the same
    columns and style, only page marks between them, whose body opens with a value (the row the page broke:
    病死畜禽无害化处理率 / — 1 — / its header again / 100% 100% 10 10). None otherwise."""
    if not (table.kind == after.kind == "performance" and table.style == after.style
            and [c.role for c in table.columns] == [c.role for c in after.columns]):
        return None
    if any(line.strip() and not grid.is_page_mark(line) for line in text[table.end:after.start].splitlines()):
        return None
    toks = grid.tokens(text, body_start(text, after), after.end, single_spaces=after.style == "one_line",
                       header_cells=_header_cells(text, after))
    first = next((tok for tok in toks if tok.kind != "empty"), None)
    return toks if first is not None and first.kind in grid.VALUE_KINDS else None


def _header_cells(text: str, table: Table) -> int:
    """The number of cells of a pipe or tab table's header line, when the header is one line (else 0)."""
    if table.style not in ("pipe", "spaces") or "\n" in text[table.start:table.header_end]:
        return 0
    a = text.rfind("\n", 0, table.start) + 1
    b = text.find("\n", table.header_end)
    return grid.line_cells(text[a:len(text) if b < 0 else b])


def _levels_above_first(table: Table) -> None:
    """Rows at the top of a table with level columns, before any level cell: a merged level cell printed in
    the middle of its rows (a PDF's layout text centres it), so they take the first levels below them."""
    if not {"level1", "level2"} & set(table.roles()):
        return
    first = next((r for r in table.rows if r.level1 or r.level2), None)
    if first is None:
        return
    for row in table.rows:
        if row is first or row.level1 or row.level2:
            break
        row.level1, row.level2 = first.level1, first.level2


def _continued_levels(tables: list[Table]) -> None:
    """A performance table whose header repeats after a page break goes on with the levels of the rows above
    it: its first rows, before any level cell of their own, take the last row's levels."""
    perf = [t for t in tables if t.kind == "performance" and t.rows]
    for before, after in zip(perf, perf[1:]):
        if before.roles() != after.roles() or after.start - before.rows[-1].cells_end() > CONTINUED_GAP:
            continue
        last = before.rows[-1]
        for row in after.rows:
            if row.level1 or row.level2:
                break
            row.level1, row.level2 = last.level1, last.level2


#: how far after a table's last row its header may repeat for the table to go on (a page break between)
CONTINUED_GAP = 200


def column_units(text: str, table: Table) -> dict[str, str]:
    """The money unit a header writes after a column's word (年度指标值（万元）, 实际完成值(元)), and the 分 of a
    points column (指标权重(分)): for the column's bare numbers, by role."""
    out: dict[str, str] = {}
    for c in table.columns:
        m = _note_after_re().match(text, c.end)
        if m and c.role not in out:
            out[c.role] = m.group(1) or m.group(2)
        points = _POINTS_UNIT.match(text, c.end) if c.role in ("weight", "score") else None
        if points and c.role not in out:
            out[c.role] = "分"  # 指标权重(分), 得分（分）: the points' unit
    return out


#: the unit noted after a points column's word: (分)
_POINTS_UNIT = re.compile(r"[ \t]*[(（]\s*分\s*[)）]")


def _leading_index(text: str, cols: list[Column]) -> list[Column]:
    """The index and code columns that open a fund header's line (序号 | 项目编码 | 项目名称 …): they stand
    before the row labels."""
    first = table_words()["fund_rows"]["index_first"]
    if not cols or re.search(r"[^\s|｜]", text[text.rfind("\n", 0, cols[0].start) + 1:cols[0].start]):
        return []
    out = []
    for c in cols:
        if c.word not in first:
            break
        out.append(c)
    return out


#: the order of a performance header's columns, where the text does not tell it (header cells printed on
#: different lines: 年度指标值实际完成值 above 一级指标二级指标三级指标分值得分)
ROLE_ORDER = ("index", "level1", "level2", "name", "unit", "cmp", "target", "adjusted", "actual", "extra", "weight",
              "score", "other")
#: … and of a fund header's (:func:`_centred_heads`)
FUND_ROLE_ORDER = ("index", "label", "budget_initial", "budget", "received", "spent", "other", "weight", "rate", "score",
                   "grade")


def _words_above(text: str, before: list, main: list) -> list:
    """The header words of a glued or cell-per-line performance header printed on the lines above its first
    level or name column (a taller cell's words centred above the others), while those lines hold header
    words only and their roles are not on the main line."""
    if not before or not main:
        return []
    line_start = text.rfind("\n", 0, main[0][0]) + 1
    line_end = text.find("\n", main[-1][1])
    if re.search(r"[|｜\t]", text[line_start:len(text) if line_end < 0 else line_end]):
        return []
    main_roles = {r for *_, r in main}
    out: list = []
    while line_start > 0:  # line by line upwards, while a line holds header words of other roles only
        above_start = text.rfind("\n", 0, line_start - 1) + 1
        words = [h for h in before if above_start <= h[0] and h[1] < line_start]
        if not words or _squash(text[above_start:line_start]) != "".join(_squash(text[s:e]) for s, e, _, _ in words) \
                or any(r in main_roles or r in {x[3] for x in out} for *_, r in words):
            break
        out = words + out
        line_start = above_start
    return out


def _in_role_order(cols: list[Column], extra: list[Column]) -> list[Column]:
    """``cols`` with each of ``extra`` put before the first column that comes after it in :data:`ROLE_ORDER`."""
    out = list(cols)
    for c in extra:
        rank = ROLE_ORDER.index(c.role) if c.role in ROLE_ORDER else len(ROLE_ORDER)
        at = next((i for i, x in enumerate(out) if x.role in ROLE_ORDER and ROLE_ORDER.index(x.role) > rank), len(out))
        out.insert(at, c)
    return out


def _perf_index(text: str, hits: list[tuple[int, int, str]], cols: list[Column]) -> list[Column]:
    """The index column that opens a performance header (序号 | 一级指标 | …, or 序号 on the line above: tables.toml
    [fund_rows] index_first), as a column of role index: its cells, the rows' numbers, are no values."""
    first = table_words()["fund_rows"]["index_first"]
    for s, e, w in hits:
        if w in first and e <= cols[0].start and not re.search(r"[^\s|｜]", text[e:cols[0].start]) \
                and (s == 0 or text[s - 1] in " \t\n|｜\u3000"):  # (a heading before it on a table's one line: 绩效指标 序号 …)
            return [Column("index", w, s, e)]
    return []


def value_roles(table: Table) -> list[str]:
    """The roles of a fund table's amount columns: after its label column, without an index column (序号, 行次:
    the row numbers, no amount)."""
    cols = table.columns[table.roles().index("label") + 1:]
    return [c.role for c in cols if not (c.role == "other" and grid.is_index_column(c))]


def _spending_side(rows: list[Row]) -> None:
    """A department form's amounts by kind of spending (按支出性质分:1925.67 其中:基本支出:900.47 项目支出:…),
    written beside those by source of income, are spent, not budgeted: one amount each, moved to ``spent``
    (the lines of tables.toml [fund_rows] spending_side, only in a table that has its first one)."""
    side = table_words()["fund_rows"]["spending_side"]
    if not any(r.line == side[0] for r in rows):
        return
    for r in rows:
        if r.line in side and len(r.cells) == 1 and r.cells[0][0] in ("budget", "budget_initial"):
            r.cells = [("spent", r.cells[0][1])]


def _total_by_points(rows: list[Row]) -> None:
    """The first row of a fund table is its total (line 年度资金总额, whatever its label: 部门预算资金) when it alone
    holds the table's points (分值 | 得分: the form scores its budget execution on the total row) and rows with
    amounts follow it, none of them already the total."""
    scored = [r for r in rows if any(k in ("weight", "score") for k, _ in r.cells)]
    if len(scored) == 1 and rows and scored[0] is rows[0] and rows[0].label is not None \
            and len([r for r in rows if r.cells]) >= 2 and not any(r.line == TOTAL_LINE for r in rows):
        rows[0].line = TOTAL_LINE


def _fund_table(role: str, start: int, end: int, header_end: int | None = None) -> Table:
    """A fund table without header words: a label column and one amount column of ``role``, both at ``start``."""
    return Table("fund", grid.columns_at(["label", role], start), start, start if header_end is None else header_end, end)


def fund_rows_in_performance(table: Table, captions: list[tuple[int, str, int]]) -> list[Table]:
    """Rows of a performance table that are fund lines (a form's 预算资金安排 part: 年度预算资金总额: 1084.25,
    其中:中央补助 668.00): a fund row label with at most one amount. They leave the table and make a fund
    table of their own, each amount the line's ``budget`` in the caption's unit."""
    total_row = total_row_re()  # 合计 | 100: the table's points, not a fund line

    def valued(r: Row) -> list[tuple[str, Cell]]:  # its cells under value columns (a text column's are none)
        return [(k, c) for k, c in r.cells if k != "other"]

    funds = [r for r in table.rows if r.label is not None and grid.kind_of(r.label.text)[0] == "label"
             and not total_row.match(r.label.text.replace(" ", ""))
             and len(valued(r)) <= 1 and all(grid.kind_of(c.text)[0] in _AMOUNT_KINDS for _, c in valued(r))]
    if not funds:
        return []
    table.rows = [r for r in table.rows if r not in funds]
    first = funds[0].label
    t = _fund_table("budget", first.start, max(valued(r)[-1][1].end if valued(r) else r.label.end for r in funds))
    t.style, t.unit = "fields", unit_before(captions, first.start, window=CAPTION_WINDOW, until=first.start)
    t.rows = [Row(r.label, [("budget", c) for _, c in valued(r)], line=grid.fund_line(r.label.text)) for r in funds]
    return [t]


def allocation_tables(text: str, view: TextView, tables: list[Table], captions: list[tuple[int, str, int]]
                      ) -> list[Table]:
    """Allocation tables (GUIDELINES 95) written a row per line: after a caption naming one (资金分配表), rows of
    a recipient and its amounts (``2 | 霍邱县 | 430 | - | 430``). The overall allocation is the column that, in
    every row, is the sum of other columns (小计 = 省级 + 市级), the largest such; it is each recipient's
    ``budget``. A table with one amount column needs no sum. The columns that add up to it are MONEY without
    field (:func:`_sum_parts`)."""
    cfg = table_words()["allocation"]
    inside = [(t.start, t.end) for t in tables]
    out: list[Table] = []
    for m in re.finditer(cfg["caption"], view.norm):
        start = view.span(m.start(), m.end())[1]
        if any(a <= start < b for a, b in inside) or any(t.start <= start < t.end for t in out):
            continue
        rows = _allocation_rows(text, start, int(cfg["reach"]))
        column = _overall_column(rows)
        if column is None:
            glued = _glued_allocation(text, start, int(cfg["reach"]) * grid.MAX_CELL)
            if glued and not any(t.start == glued.start for t in out):  # two captions before one table
                glued.unit = unit_before(captions, glued.start, window=CAPTION_WINDOW, until=glued.start)
                out.append(glued)
            continue
        first = rows[0][0]
        t = _fund_table("budget", first.start, rows[-1][1][-1][1].end if rows[-1][1][-1][1] else first.end)
        t.style, t.unit = "allocation", unit_before(captions, first.start, window=CAPTION_WINDOW, until=first.start)
        parts = _sum_parts(rows, column)
        t.rows = [Row(label, [("budget" if n == column else "other", c) for n, (_, c) in enumerate(cells)
                              if c is not None and (n == column or n in parts)], line=grid.fund_line(label.text))
                  for label, cells in rows if cells[column][1] is not None]
        out.append(t)
    return out


def _glued_allocation(text: str, start: int, reach: int) -> Table | None:
    """An allocation table written without separators (乡镇补助经费(万元)备注龙涓镇5长卿镇1.5…全县合计35): pairs of
    a recipient and its amount up to a total row, read only when the amounts add up to that total; the
    recipients' amounts are their ``budget``, the total the line 年度资金总额."""
    end = min(len(text), start + reach)
    total = _GLUED_TOTAL.search(text, start, end)
    if not total:
        return None
    pairs = list(_GLUED_PAIR.finditer(text, start, total.start()))
    # the pairs must run on one after another up to the total (no prose between them)
    while pairs and any(pairs[n].end() != pairs[n + 1].start() for n in range(len(pairs) - 1)):
        pairs = pairs[1:]
    if len(pairs) < 3 or pairs[-1].end() != total.start() \
            or abs(sum(float(p.group(2)) for p in pairs) - float(total.group(2))) > 0.005:
        return None
    first = pairs[0]
    name_start = first.start(1)
    for w in sorted(table_words()["performance"]["other"], key=len, reverse=True):  # 备注 is one of them
        if text.startswith(w, name_start) and first.end(1) - name_start - len(w) >= 2:
            name_start += len(w)  # 备注 | 龙涓镇: the last header word, glued to the first recipient
            break
    t = _fund_table("budget", name_start, total.end())
    t.style = "allocation"
    t.rows = [Row(_cell(text, name_start if n == 0 else p.start(1), p.end(1)),
                  [("budget", _cell(text, p.start(2), p.end(2)))], line=grid.fund_line(text[name_start if n == 0 else p.start(1):p.end(1)]))
              for n, p in enumerate(pairs)]
    t.rows.append(Row(_cell(text, total.start(1), total.end(1)), [("budget", _cell(text, total.start(2), total.end(2)))],
                      line=TOTAL_LINE))
    return t


#: a recipient glued to its amount (龙涓镇5, 长卿镇1.5), and the total row that ends such a run (全县合计35)
_GLUED_PAIR = re.compile(r"([\u4e00-\u9fff]{2,8})(\d+(?:\.\d+)?)(?![\d.%])")
_GLUED_TOTAL = re.compile(r"([\u4e00-\u9fff]{0,4}(?:合计|总计))(\d+(?:\.\d+)?)(?![\d.%])")


def _allocation_rows(text: str, start: int, reach: int) -> list[tuple[Cell, list[tuple[float, Cell | None]]]]:
    """The recipient rows after ``start``: a label cell (after a row number) and its amount cells (a dash is 0),
    all rows with as many amounts as the first; the header lines before them are passed over."""
    rows: list[tuple[Cell, list[tuple[float, Cell | None]]]] = []
    pos = text.find("\n", start) + 1
    for _ in range(reach):
        if pos <= 0 or pos >= len(text):
            break
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        row = _allocation_row(text, pos, line_end)
        if row and (not rows or len(row[1]) == len(rows[0][1])):
            rows.append(row)
        elif rows:
            break
        pos = line_end + 1
    return rows


def _allocation_row(text: str, a: int, b: int) -> tuple[Cell, list[tuple[float, Cell | None]]] | None:
    line = text[a:b]
    pieces = [(x, y) for x, y in grid._line_pieces(line, False) if line[x:y].strip()]
    if pieces and re.fullmatch(r"\s*\d{1,3}\s*", line[pieces[0][0]:pieces[0][1]]):
        pieces = pieces[1:]  # the row number
    if len(pieces) < 2 or not _HAN.search(line[pieces[0][0]:pieces[0][1]]) or re.search(r"\d", line[pieces[0][0]:pieces[0][1]]):
        return None
    cells: list[tuple[float, Cell | None]] = []
    for x, y in pieces[1:]:
        cell = _cell(text, a + x, a + y)
        core = cell.text.replace(",", "").replace("，", "")
        if re.fullmatch(r"[-—–－]+", core):
            cells.append((0.0, None))
        elif re.fullmatch(r"-?\d+(?:\.\d+)?", core):
            cells.append((float(core), cell))
        else:
            return None
    if not any(c for _, c in cells):
        return None
    return _cell(text, a + pieces[0][0], a + pieces[0][1]), cells


#: an allocation table with more amount columns than this is not searched for the parts of its sum
MAX_SUM_COLUMNS = 8


def _sum_parts(rows: list[tuple[Cell, list[tuple[float, Cell | None]]]], column: int) -> set[int]:
    """The columns that are parts of the overall ``column`` (省级, 市级 of 小计): in every row they are zero or in a
    set of columns that adds up to it. Their amounts are MONEY; a column that is no part (人数) is left alone."""
    width = len(rows[0][1])
    if width > MAX_SUM_COLUMNS:
        return set()  # (every subset of a wide table's columns is too many to try)
    parts = {n for n in range(width) if n != column and any(cells[n][0] for _, cells in rows)}  # (not one all 0)
    for _, cells in rows:
        vals = [v for v, _ in cells]
        parts &= {n for sub in _summing(vals, column) for n in sub} | {n for n in range(width) if not vals[n]}
    return parts


def _summing(vals: list[float], column: int) -> list[tuple[int, ...]]:
    """The sets of other columns (their indices, zeros left out) whose values add up to ``vals[column]``."""
    others = [n for n in range(len(vals)) if n != column and vals[n]]
    return [sub for r in range(1, len(others) + 1) for sub in combinations(others, r)
            if abs(sum(vals[k] for k in sub) - vals[column]) < 0.005]


def _overall_column(rows: list[tuple[Cell, list[tuple[float, Cell | None]]]]) -> int | None:
    """The column that is, in every row, the sum of other columns (the largest such), or the only column."""
    if not rows:
        return None
    width = len(rows[0][1])
    if width == 1:
        return 0 if len(rows) >= 2 else None
    if len(rows) < 2 and width < 3:
        return None

    sums = [c for c in range(width) if all(_summing([v for v, _ in cells], c) for _, cells in rows)
            and any(v for _, cells in rows for v in [cells[c][0]])]
    if not sums:
        return None
    return max(sums, key=lambda c: sum(cells[c][0] for _, cells in rows))


def transposed_funds(text: str, view: TextView, tables: list[Table], captions: list[tuple[int, str, int]]) -> list[Table]:
    """Fund tables whose fund lines are columns (GUIDELINES 96): two or more column heads that name fund lines
    (上级财政补助资金 | 同级财政资金 | 其他), then, after at most one row label (团区委), as many amounts, one per
    head. The field of the amounts is ``received`` or ``spent`` when the caption before the heads says so
    (年度收入情况), else ``budget``. Each is read as a one-row-per-line fund table of kind ``fund``, rows ready."""
    cfg = table_words()["transposed"]
    head_re = re.compile(cfg["label_end"])
    inside = [(t.start, t.end) for t in tables]
    toks = []
    for a0, b0 in _head_regions(text, view):  # only where two head words stand close (cells are costly to read)
        for t in grid.tokens(text, a0, b0):
            if not any(a <= t.start < b for a, b in inside):
                toks += _spaced_heads(text, t, head_re)
    out: list[Table] = []
    i = 0
    while i < len(toks):
        heads, j = [], i
        while j < len(toks) and (toks[j].text.replace(" ", "") in cfg["skip"] or _is_head(toks[j], head_re)):
            if toks[j].text.replace(" ", "") not in cfg["skip"]:
                heads.append(toks[j])
            j += 1
        if len(heads) < 2:
            i = j + 1 if j == i else j
            continue
        k = j + 1 if j < len(toks) and toks[j].kind in ("text", "long") else j  # a row label before the amounts
        amounts = []
        while k < len(toks) and toks[k].kind in _AMOUNT_KINDS and len(amounts) < len(heads):
            amounts.append(toks[k])
            k += 1
        if len(amounts) != len(heads) or k < len(toks) and toks[k].kind in _AMOUNT_KINDS \
                or j < len(toks) and toks[j].brk == 0:  # the amounts' row starts a line of its own
            i = j
            continue
        caption = text[max(0, heads[0].start - cfg["caption_reach"]):heads[0].start]
        role = next((r for r in ("received", "spent") if any(w in caption for w in cfg[r])), "budget")
        t = _fund_table(role, heads[0].start, amounts[-1].end)
        t.style, t.unit = "transposed", unit_before(captions, heads[0].start, window=CAPTION_WINDOW, until=heads[0].start)
        t.rows = [Row(_cell(text, h.start, h.end), [(role, _cell(text, a.start, a.end))], line=grid.fund_line(h.text))
                  for h, a in zip(heads, amounts)]
        out.append(t)
        i = k
    return out


_AMOUNT_KINDS = ("number", "points", "money")
#: how close two column heads of a transposed table stand, and how far after the last its amounts may run
HEAD_GAP, AMOUNTS_REACH = 80, 400


def _head_regions(text: str, view: TextView) -> list[tuple[int, int]]:
    """Stretches of ``text`` (whole lines) where two or more words that may head a fund column stand within
    ``HEAD_GAP`` characters (found in the normalized view), with ``AMOUNTS_REACH`` characters after them."""
    hits = [view.span(m.start(), m.end())[0] for m in _head_hint_re().finditer(view.norm)]
    regions: list[tuple[int, int]] = []
    for cluster in _clusters([(h, h) for h in hits], HEAD_GAP):
        if len(cluster) < 2:
            continue
        a, b = text.rfind("\n", 0, cluster[0][0]) + 1, min(len(text), cluster[-1][0] + AMOUNTS_REACH)
        nl = text.find("\n", b)
        b = len(text) if nl < 0 else nl
        if regions and a <= regions[-1][1]:
            regions[-1] = (regions[-1][0], max(b, regions[-1][1]))
        else:
            regions.append((a, b))
    return regions


@lru_cache(maxsize=1)
def _head_hint_re() -> re.Pattern[str]:
    """A word that may head a fund column, at a cell's end: a fund row label, or a word ending as
    [transposed] label_end says."""
    ends = table_words()["transposed"]["label_end"].removeprefix("(?:").removesuffix(")$")
    return re.compile(f"(?:{_fund_label_alts()}|{ends})(?=\\s|[|｜(（]|$)")  # a cell's end after it: not prose


def _spaced_heads(text: str, tok: grid.Token, head_re: re.Pattern[str]) -> list[grid.Token]:
    """A cell of single-space-separated words of which two or more are column heads of four characters or
    more, as one cell per word (项目资金来源情况(万元) 其中:上级财政补助资金 其中:同级财政资金 其他); else the
    cell itself (其他 收入 is one head broken by a space)."""
    if " " not in tok.text.strip():
        return [tok]
    words = [grid.Token(tok.start + m.start(), tok.start + m.end(), m.group(0), tok.brk if not n else 0)
             for n, m in enumerate(re.finditer(r"\S+", tok.text))]
    for w in words:
        grid.classify(w)
    return words if sum(_is_head(w, head_re) and len(w.text) >= 4 for w in words) >= 2 else [tok]  # not 其他 收入


def _is_head(tok: grid.Token, head_re: re.Pattern[str]) -> bool:
    """A cell that names a fund line as a column head (no number in it)."""
    core = tok.text.replace(" ", "")
    return tok.kind in ("label", "text") and not re.search(r"\d", core) and len(core) <= 16 \
        and (tok.kind == "label" or bool(head_re.search(_LABEL_NOTE.sub("", core))))


#: 其中: before a head, a unit note after it
_LABEL_NOTE = re.compile(r"^其中\s*[:：]\s*|[(（][^()（）]*[)）]$")


def fund_fields(text: str, view: TextView, tables: list[Table]) -> list[Table]:
    """A form's fund fields outside tables, a fund line label with its unit note and amount (资金总额(万元)50,
    GUIDELINES 94): a one-row fund table each, the amount the line's ``budget`` in the note's unit."""
    inside = [(t.start, t.end) for t in tables]
    out = []
    for m in _fund_field_re().finditer(view.norm):
        (ls, le), (vs, ve) = view.span(m.start(1), m.end(1)), view.span(m.start("value"), m.end("value"))
        if any(a <= ls < b for a, b in inside):
            continue
        label = Cell(ls, le, text[ls:le])
        t = _fund_table("budget", ls, ve, header_end=le)
        t.style, t.unit = "field", m.group("unit")
        t.rows = [Row(label, [("budget", Cell(vs, ve, text[vs:ve]))], line=grid.fund_line(label.text))]
        out.append(t)
    return out


def fund_head_fields(text: str, view: TextView, tables: list[Table], captions: list[tuple[int, str, int]]
                     ) -> list[Table]:
    """Fund rows written as fields outside the tables, each value after its head: a line per row, its label
    first (其中：财政拨款：年初预算数 85.00；全年预算数 85.00；全年执行数 83.86；执行率 98.66%), or a head per
    line without a label (年初预算数：1,326.45万元 / 全年预算数：… / 执行率：98.84%: the total). Two amount heads at
    least, the fields apart by ；or a line break only (a sentence, 全年预算数为92.5万元，…, is prose); one fund table
    of such rows, in the unit of a caption above."""
    inside = [(t.start, t.end) for t in tables]
    pair, run, roles = _fund_head_field_res()
    out: list[Table] = []
    for m in run.finditer(view.norm):
        start, end = view.span(m.start(), m.end())
        if any(a <= start < b or start <= a < end for a, b in inside):
            continue
        rows: list[Row] = []
        for line in re.finditer(r"[^\n]+", view.norm[m.start():m.end()]):
            a = m.start() + line.start()
            label = _FIELD_ROW_LABEL.match(view.norm, a, m.start() + line.end())
            if label and label.group("label") and _squash(label.group("label")) in roles:
                label = None  # 年初预算数：1,326.45万元: a head, no label
            cells = []
            for f in pair.finditer(view.norm, label.end() if label else a, m.start() + line.end()):
                vs, ve = view.span(f.start("value"), f.end("value"))
                cells.append((roles[_squash(f.group("head"))], Cell(vs, ve, text[vs:ve])))
            if label and label.group("label"):
                ls, le = view.span(label.start("label"), label.end("label"))
                known = grid.kind_of(text[ls:le])[0] == "label"  # 财政拨款; 预算执行情况 names no fund: the total
                rows.append(Row(Cell(ls, le, text[ls:le]), cells,
                                line=grid.fund_line(text[ls:le]) if known or rows else TOTAL_LINE))
            elif rows and rows[-1].label is None:
                rows[-1].cells += cells  # a head per line: the fields of one row
            else:
                rows.append(Row(None, cells, line=TOTAL_LINE))
        rows = [r for r in rows if sum(k in grid.AMOUNT_ROLES for k, _ in r.cells) >= 2]
        if not rows:
            continue
        t = _fund_table("budget", start, end, header_end=start)
        t.columns = [Column("label", "", start, start)] + [Column(k, "", start, start) for k in FUND_FIELD_ORDER]
        t.style, t.unit = "field", unit_before(captions, start, window=CAPTION_WINDOW, until=start)
        t.rows = rows
        out.append(t)
    return out


#: the fund fields in the order of a form's columns
FUND_FIELD_ORDER = tuple(r for r in FUND_ROLE_ORDER if r in FUND_FIELDS)
#: a fund row's label written before its fields (其中：财政拨款：): 其中 and the label's text
_OF_WHICH = r"(?:其中\s*[:：]\s*)?"
_ROW_LABEL_TEXT = r"[\u4e00-\u9fff]{2,12}"
#: … or nothing
_FIELD_ROW_LABEL = re.compile(rf"[ \t]*{_OF_WHICH}(?:(?P<label>{_ROW_LABEL_TEXT})\s*[:：]\s*)?")


@lru_cache(maxsize=1)
def _fund_head_field_res() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """A fund head and its value (全年预算数 92.50, 执行率：98.77%); a run of lines of them; each head's field."""
    fund = table_words()["fund"]
    roles = {_squash(w): k for k in FUND_FIELD_ORDER for w in fund.get(k, [])}
    heads = "|".join(sorted(map(re.escape, roles), key=len, reverse=True))
    number = r"\d[\d,]*(?:\.\d+)?\s*(?:万元|元|亿元|%|％)?"
    plain = rf"(?:{heads})\s*[:：]?\s*{number}"
    sep = r"[ \t]*[；;][ \t]*"
    label = rf"{_OF_WHICH}{_ROW_LABEL_TEXT}\s*[:：]\s*"
    line = rf"[ \t]*(?:{label})?{plain}(?:{sep}{plain})*(?:{sep})?[ \t]*(?=\n|$)"
    # lines of fields, two or more; or one line of a label and two fields or more
    run = rf"(?m)^(?:{line}\n?){{2,}}|^[ \t]*{label}{plain}(?:{sep}{plain})+(?:{sep})?[ \t]*$"
    return re.compile(rf"(?P<head>{heads})\s*[:：]?\s*(?P<value>{number})"), re.compile(run), roles


@lru_cache(maxsize=1)
def _fund_field_re() -> re.Pattern[str]:
    return re.compile(_FUND_LABEL.format(alts=_fund_label_alts()) + r"\s*[(（]\s*(?P<unit>万元|元|千元|亿元)\s*[)）][\s|｜:：]*(?P<value>\d+(?:\.\d+)?)(?![\d.%])")


def field_row(text: str, header: Table) -> Row | None:
    """The one row of a fund header written as fields, each column word followed by its own amount
    (計劃安排資金 (萬元) 55 實際到位資金 (萬元) 55 實際支出 (萬元) 55): the total line, no label; None when
    the header's words are not each followed by one amount."""
    cols = [c for c in header.columns[header.roles().index("label") + 1:]]
    if len(cols) < 2:
        return None
    row = Row(None, line=TOTAL_LINE)
    line_start = text.rfind("\n", 0, cols[0].start) + 1
    label = _label_before_re().search(text, line_start, cols[0].start)
    if label:  # 其中：财政拨款全年预算数(A)260…: the fields of a labelled row
        row = Row(_cell(text, label.start(1), label.end(1)), line=grid.fund_line(label.group(1)))
    for n, c in enumerate(cols):
        stop = cols[n + 1].start if n + 1 < len(cols) else min(len(text), c.end + FIELD_REACH)
        m = _FIELD_VALUE.match(text, c.end, stop)
        if not m or n + 1 < len(cols) and m.end() != stop:
            return None
        row.cells.append((c.role, Cell(m.start(1), m.end(1), m.group(1))))
    return row


def field_rows_after(text: str, view: TextView, header: Table, after: int) -> list[Row]:
    """The labelled rows written as fields below a fund header's first row, a line each with the header's
    words in its order (其中：财政拨款全年预算数(A)260全年执行数(B)250执行率(B/A)96.15%): :func:`field_row` of each."""
    heads = header.columns[header.roles().index("label") + 1:]
    patterns = [re.compile(loose(c.word)) for c in heads]
    rows: list[Row] = []
    pos = after
    while (ls := text.find("\n", pos) + 1) > 0:
        le = text.find("\n", ls)
        le = len(text) if le < 0 else le
        cols, p = [], view.at(ls)
        for c, pattern in zip(heads, patterns):
            m = pattern.search(view.norm, p, view.at(le))
            if not m:
                return rows
            s, e = view.span(m.start(), m.end())
            cols.append(Column(c.role, c.word, s, e))
            p = m.end()
        row = field_row(text, Table("fund", [Column("label", "", ls, ls), *cols], ls, cols[-1].end, le))
        if row is None or row.label is None:
            return rows
        rows.append(row)
        pos = le
    return rows


@lru_cache(maxsize=1)
def _label_before_re() -> re.Pattern[str]:
    """A fund row label right before a row's first field (其中：财政拨款 | 全年预算数(A)260 …)."""
    return re.compile(r"(?:其中\s*[:：]\s*)?(" + _fund_label_alts() + r")\s*[:：]?\s*$")


#: a field's amount after its column word: a note, separators, one number
_FIELD_VALUE = re.compile(r"[\s|｜]*(?:[(（][^()（）\n]{0,8}[)）])?[\s|｜:：]*(-?\d(?:[\d,.]*\d)?%?)(?![\d.])[\s|｜]*")
#: how far after the last column word its amount may be
FIELD_REACH = 40


def score_fields(text: str, tables: list[Table]) -> list[Table]:
    """A form's score fields outside performance tables (自评得分99.5分, 自评总分(分) | 97.93), each as a
    one-row table of kind ``field``: the label cell and its points as the row's ``actual``."""
    inside = [(t.start, t.end) for t in tables if t.kind == "performance"]
    out = []
    for m in _score_field_re().finditer(text):
        if any(a <= m.start() < b for a, b in inside):
            continue
        value = m.group("value")
        if float(re.sub(r"[^\d.]", "", value)) > 100:
            continue
        label, points = Cell(m.start("label"), m.end("label"), m.group("label")), Cell(m.start("value"), m.end("value"), value)
        t = Table("field", [Column("name", "", label.start, label.end), Column("actual", "", points.start, points.end)],
                  label.start, label.end, points.end)
        t.rows = [Row(label, [("actual", points)])]
        out.append(t)
    return out


def headed_columns(text: str) -> list[Table]:
    """Performance tables a PDF printed column by column, each column after its head: 三级指标 and the names, then
    年度指标值 and as many targets, 实际完成值 and as many actuals … (a cell per line, or all on one line apart by
    spaces). Read when a name head is followed by two names or more and at least two value heads follow, each
    with exactly as many cells as there are names; the level columns before it (一级指标 产出指标 效益指标 …),
    whose merged cells count fewer, are part of the table but give no row its levels."""
    words, name_heads, levels = _performance_heads()

    def role_of(c: tuple[int, int]) -> str | None:  # the role of a cell that is a head
        return words.get(normalize(text[c[0]:c[1]]).replace(" ", "").rstrip(":："))

    out: list[Table] = []
    norm = normal_chars(text)  # 三級指標 found as 三级指标, offsets kept
    for m in name_heads.finditer(norm):
        if out and m.start() < out[-1].end:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        alone = not text[line_start:m.start()].strip() and not text[m.end():len(text) if line_end < 0 else line_end].strip()
        pattern = _LINE_CELL if alone else _SPACED_CELL
        first = _stripped_cells(text, m.start(), pattern, 3)
        if not first or role_of(first[0]) != "name" or any(role_of(c) for c in first[1:]):
            continue  # a header written row by row (三级指标 年度指标值 …): no two names after the name head
        cells = [c for c in _stripped_cells(text, m.start(), pattern, HEADED_MOST)
                 if not grid.is_page_mark(text[c[0]:c[1]])]  # (— 1 —: a page's number between two columns)
        blocks: list[tuple[str, tuple[int, int], list[tuple[int, int]]]] = []
        i = 0
        while i < len(cells) and role_of(cells[i]):
            j = i + 1
            while j < len(cells) and not role_of(cells[j]):
                j += 1
            blocks.append((role_of(cells[i]) or "", cells[i], cells[i + 1:j]))
            i = j
        # (the level names printed among the names, as merged cells read in order: no row of their own)
        names = [c for c in blocks[0][2] if not grid.kind_of(text[c[0]:c[1]])[0].startswith("level")]
        n = len(names)
        if n < 2 or any(grid.kind_of(text[a:b])[0] not in ("text", "long", "label") for a, b in names):
            continue
        kept: list[tuple[str, tuple[int, int], list[tuple[int, int] | None]]] = []
        for c, (role, head, body) in enumerate(blocks[1:], 1):
            gap = _dated_gap(text, kept, body, n) if role == "actual" and len(body) == n - 1 else None
            if gap is not None:  # 2023年11月底前 under 年度指标值, its date actual left out: the actuals skip its row
                body = [*body[:gap], None, *body[gap:]]
            if len(body) < n or len(body) > n and c < len(blocks) - 1:  # the last may go on: 总分 100 98.8
                break
            kept.append((role, head, body[:n]))
        if sum(r in ("target", "actual", "weight", "score") for r, _, _ in kept) < 2:
            continue
        start = m.start()
        opening = levels.search(norm, max(0, start - HEADED_LEVELS_REACH), start)
        if opening and not re.search(r"\d", text[opening.start():start]):
            start = opening.start()  # 一级指标 产出指标 效益指标 二级指标 …: the level columns before the names
        end = max(c[1] for _, _, body in kept for c in body if c is not None)
        t = Table("performance", [Column("name", text[m.start():m.end()], m.start(), m.end())]
                  + [Column(r, text[h[0]:h[1]], h[0], h[1]) for r, h, _ in kept], start, m.end(), end)
        t.style = "columns"
        t.rows = [Row(_cell(text, a, b), [(r, _cell(text, *body[k])) for r, _, body in kept
                                          if body[k] is not None and grid.kind_of(text[body[k][0]:body[k][1]])[0] != "empty"])
                  for k, (a, b) in enumerate(names)]
        out.append(t)
    return out


def headed_fund_columns(text: str, captions: list[tuple[int, str, int]]) -> list[Table]:
    """Fund tables a PDF printed column by column, a cell per line: the row labels (年度资金总额 / 其中：财政拨款 / …),
    then each column's head and as many cells as there are labels (年初预算数 / 640 / 640 / 0 / — / 全年预算数 / …).
    Read when two labels or more are followed by two amount columns or more, every cell a number, a rate, points
    or an empty cell's mark; the caption's unit above holds for the amounts."""
    _, role_of = _header_re()
    points = _fund_points_words()
    cells = _stripped_cells(text, 0, _LINE_CELL)

    def role(c: tuple[int, int]) -> str | None:
        norm = normalize(text[c[0]:c[1]])
        kind, r = role_of.get(norm.replace(" ", ""), (None, None))
        return r if kind == "fund" or norm in points else None

    out: list[Table] = []
    i = 0
    while i < len(cells):
        j = i
        while j < len(cells) and grid.whole_label(text[cells[j][0]:cells[j][1]]):
            j += 1
        n = j - i
        if n < 2:
            i = max(j, i + 1)
            continue
        blocks, k = [], j
        while k < len(cells) and (head_role := role(cells[k])) is not None:
            body = cells[k + 1:k + 1 + n]
            if len(body) < n or any(grid.kind_of(text[a:b])[0] not in _COLUMN_CELL_KINDS for a, b in body):
                break
            blocks.append((head_role, cells[k], body))
            k += 1 + n
        if sum(r in ("budget_initial", "budget", "received", "spent") for r, _, _ in blocks) < 2:
            i = j
            continue
        labels = cells[i:j]
        t = Table("fund", [Column("label", "", labels[0][0], labels[0][0])]
                  + [Column(r, text[h[0]:h[1]], h[0], h[1]) for r, h, _ in blocks], labels[0][0], labels[-1][1],
                  blocks[-1][2][-1][1])
        t.style = "columns"
        t.unit = unit_before(captions, t.start, window=CAPTION_WINDOW, until=t.start)
        t.rows = [Row(grid.label_cell(grid.Token(a, b, text[a:b], 0, "label", None)),
                      [(r, _cell(text, *body[x])) for r, _, body in blocks
                       if grid.kind_of(text[body[x][0]:body[x][1]])[0] != "empty"], line=grid.fund_line(text[a:b]))
                  for x, (a, b) in enumerate(labels)]
        out.append(t)
        i = k
    return out


def _dated_gap(text: str, kept: list[tuple[str, tuple[int, int], list[tuple[int, int] | None]]],
               body: list[tuple[int, int]], n: int) -> int | None:
    """The row whose actual a column printed after its head left out, one cell short: the one row whose target is
    a deadline (2023年11月底前: its actual a date, no value), None when no one row's is."""
    targets = next((b for r, _, b in kept if r == "target"), None)
    if targets is None or len(targets) != n or any(_one_date_re().match(text, a) for a, _ in body):
        return None  # (a date among the actuals: the deadline's own is there, another row's is missing)
    dated = [k for k, c in enumerate(targets)
             if c is not None and _date_at_end_re().fullmatch(normal_chars(text[c[0]:c[1]]).replace(" ", ""))]
    return dated[0] if len(dated) == 1 else None


#: what a column printed after its head may hold: amounts, rates, points, an empty cell's mark
_COLUMN_CELL_KINDS = ("number", "money", "percent", "points", "empty")


@lru_cache(maxsize=1)
def _performance_heads() -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """The performance header words in normal form with their roles; the name heads and the level heads as patterns."""
    words = {normalize(w): role for role, ws in table_words()["performance"].items() for w in ws}
    names = re.compile("|".join(sorted((re.escape(w) for w, r in words.items() if r == "name"), key=len, reverse=True)))
    levels = re.compile("|".join(re.escape(w) for w, r in words.items() if r in ("level1", "level2")))
    return words, names, levels


def _stripped_cells(text: str, start: int, pattern: re.Pattern[str], most: int | None = None) -> list[tuple[int, int]]:
    """The (start, end) of the first ``most`` (or every) matches of ``pattern`` from ``start``, white space trimmed."""
    out = []
    for c in itertools.islice(pattern.finditer(text, start), most):
        g = c.group(0)
        out.append((c.start() + len(g) - len(g.lstrip()), c.end() - len(g) + len(g.rstrip())))
    return out


_LINE_CELL = re.compile(r"[^\n]*\S[^\n]*")
_SPACED_CELL = re.compile(r"\S+")


#: how many cells after a name head are looked at for a table printed column by column
HEADED_MOST = 400
#: how far before the name head the level columns of such a table may begin
HEADED_LEVELS_REACH = 200


def head_rows(text: str, tables: list[Table]) -> list[Table]:
    """Indicators written as a row of heads with their values in the row below, a cell per line, outside the
    tables (a 基础数据表's 财政供养人员情况: 编制数 / 实际在职人数 / 控制率, then 46 / 50 / 108.70%): as many
    heads as values, each head a short name (a year before it, 2023 年, no part of it), each value one number
    with its unit; as a table of kind ``field`` whose rows are the heads with their values as ``actual``."""
    # a cell per line, or the cells of a | row (| 编制数 | 实有人数 | 控制率 | over | 45 | 43 | 95.56% |)
    cells = [(m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t")), m.group(0).strip(" \t"))
             for m in re.finditer(r"[^\n|]+", text) if m.group(0).strip(" \t")]
    inside = [(t.start, t.end) for t in tables]
    out: list[Table] = []
    i = 0
    while i < len(cells):
        k = i
        while k < len(cells) and _HEAD_CELL.fullmatch(cells[k][1]) and not level_re_().search(cells[k][1]) \
                and (k == i or not _other_barred_line(text, cells[i][0], cells[k][0])):
            k += 1  # (the heads of a | row are that row's cells)
        n = k - i
        values = cells[k:k + n]
        after = cells[k + n][1] if k + n < len(cells) else ""
        if not HEAD_ROW_MIN <= n <= HEAD_ROW_MAX or len(values) < n \
                or not all(_head_name_end().search(c) for _, c in cells[i:k]) \
                or i > 0 and _unread_head(cells[i - 1][1]) and _cell_before_counts(text, cells[i - 1], cells[i]) \
                or after and grid.kind_of(after)[0] in _HEAD_VALUE_KINDS \
                or not all(grid.kind_of(v)[0] in _HEAD_VALUE_KINDS for _, v in values) \
                or any(a <= cells[i][0] < b for a, b in inside) or _in_header_words(cells[i:k]):
            i = max(i + 1, k)  # a run of heads is read whole or not at all
            continue
        rows = []
        for (a, head), (b, value) in zip(cells[i:k], values):
            year = _HEAD_YEAR.match(head)
            a += year.end() if year else 0
            rows.append(Row(Cell(a, a + len(head) - (year.end() if year else 0), text[a:a + len(head) - (year.end() if year else 0)]),
                            [("actual", Cell(b, b + len(value), value))]))
        t = Table("field", [Column("name", "", rows[0].label.start, rows[-1].label.end)], cells[i][0],
                  rows[-1].label.end, values[-1][0] + len(values[-1][1]))
        t.rows = rows
        out.append(t)
        i = k + n
    return out


def _other_barred_line(text: str, a: int, b: int) -> bool:
    """Whether offset ``b`` is on another line than ``a`` and either line is a | row."""
    return "\n" in text[a:b] and any("|" in _line_at(text, x) for x in (a, b))


def _cell_before_counts(text: str, before: tuple[int, str], first: tuple[int, str]) -> bool:
    """Whether the cell before a row of heads may belong to it: on the same line (| 人员 | 编制数 | …), or the heads
    written a cell per line; not a line of its own above a | row of heads."""
    return "\n" not in text[before[0]:first[0]] or "|" not in _line_at(text, first[0])


def field_pairs(text: str, tables: list[Table]) -> list[Table]:
    """A form's fields written a cell per line with a bar after each cell (项目金额 | / 25,674.55万元 |, 人员编制 |
    / 5 |), outside the tables: a label cell that is a short name, then a cell of one value, are an indicator
    with its actual; a label of a code, a phone number or a date (预算单位代码, 联系电话) is none."""
    inside = [(t.start, t.end) for t in tables]
    cells = [(c.start, c.end) for t in tables for r in t.rows for _, c in r.cells]
    out: list[Table] = []
    lines = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", text)]
    for (a, label_line), (b, value_line) in zip(lines, lines[1:]):
        if not (_BARRED.fullmatch(label_line) and _BARRED.fullmatch(value_line)):
            continue
        label, value = label_line.strip(" \t|"), value_line.strip(" \t|")
        if not _HEAD_CELL.fullmatch(label) or _HEAD_YEAR.match(label) or _code_label_re().search(label) \
                or any(w in label for w in load_data("layout.toml")["heads"]["not_field"]) \
                or re.fullmatch(r"(?:19|20)\d\d|\d{9,}", value.replace(" ", "")) \
                or level_re_().search(label) or grid.kind_of(label)[0] != "text" or _in_header_words([(a, label)]) \
                or grid.kind_of(value)[0] not in _HEAD_VALUE_KINDS + ("money",) or any(x <= a < y for x, y in inside):
            continue
        a += label_line.index(label)
        b += value_line.index(value)
        if any(x < b + len(value) and b < y for x, y in cells):
            continue  # a table's cell already (a fund row 团区委 | 70.18 read by its table)
        t = Table("field", [Column("name", "", a, a + len(label))], a, a + len(label), b + len(value))
        t.rows = [Row(Cell(a, a + len(label), label), [("actual", Cell(b, b + len(value), value))])]
        out.append(t)
    return out


def field_records(text: str, view: TextView, tables: list[Table]) -> list[Table]:
    """Indicator rows written as fields outside the tables, a table row flattened to ``head：value`` pairs
    (指标名称：参保人数；年度目标值：8000人；实际完成值：8125人；分值：10分；得分：10分。): a record opens with the
    head of the name (指标名称, 三级指标, 指标) and takes the pairs of target, actual, points and score heads that
    follow it, nothing but their separators between; one table of kind field per record."""
    # not a performance header whose words are heads of fields (指标名称：… 年度目标值：…)
    inside = [(t.start, t.end) for t in tables if t.kind != "performance" or not _heads_of_fields(text, t)]
    _, role_of = _header_re()
    out: list[Table] = []
    record: list[tuple[str, Cell, Cell]] = []

    def close() -> None:
        roles = [r for r, _, _ in record]
        if record and roles[0] == "name" and {"target", "actual"} & set(roles) \
                and not value_groups(text, record[0][2].start, record[0][2].end):  # 共设置绩效指标12个: no name
            name = record[0][2]
            cells = [(r, v) for r, _, v in record[1:] if r in ("target", "actual", "weight", "score")]
            t = Table("field", [Column(r, h.text, h.start, h.end) for r, h, _ in record], record[0][1].start,
                      record[0][1].end, record[-1][2].end)
            t.rows = [Row(name, cells)]
            out.append(t)
        record.clear()

    for m in _field_pair_re().finditer(view.norm):
        hs, he = view.span(m.start("head"), m.end("head"))
        vs, ve = view.span(m.start("value"), m.end("value"))
        head = _squash(m.group("head"))
        role = "name" if head in _RECORD_NAME_HEADS else role_of.get(head, ("", ""))[1]
        if any(a <= hs < b for a, b in inside) or role not in ("name", "target", "actual", "weight", "score"):
            close()
            continue
        if record and (role == "name" or text[record[-1][2].end:hs].strip(" \t\n\u3000；;，,。、") != ""):
            close()  # a new record, or other text between: the record before ends
        if role in {r for r, _, _ in record}:
            close()
        record.append((role, Cell(hs, he, text[hs:he]), _cell(text, vs, ve)))
    close()
    return out


def _heads_of_fields(text: str, table: Table) -> bool:
    """Whether a header's words are each followed by a colon (指标名称：参保人数；年度目标值：…), or by the rest of
    their head and a colon (偏差原因|分析及改进措施：无): heads of fields."""
    return all(_FIELD_HEAD_END.match(text, c.end) for c in table.columns if c.word)


#: what ends a head of a field after a header word: the rest of the head (分析及改进措施) and a colon
_FIELD_HEAD_END = re.compile(r"[\u4e00-\u9fff]{0,8}[ \t]*[:：]")


#: the heads that open a record of fields (指标名称：参保人数；…)
_RECORD_NAME_HEADS = ("指标名称", "三级指标", "指标", "绩效指标名称")


@lru_cache(maxsize=1)
def _field_pair_re() -> re.Pattern[str]:
    """``head：value`` with a performance header word or a record's name head, not inside a longer word."""
    _, role_of = _header_re()
    words = sorted({*role_of, *_RECORD_NAME_HEADS}, key=len, reverse=True)
    alt = "|".join(map(re.escape, words))
    return re.compile(rf"(?<![\u4e00-\u9fff])(?P<head>{alt})[ \t]*[:：][ \t]*"
                      rf"(?P<value>(?:[^；;，,。\n\t　|：:]|,(?=\d{{3}})){{1,40}}?)[ \t]*"
                      rf"(?=[；;，。\n\t　|]|,(?!\d{{3}})|[ ]+(?:{alt})[ \t]*[:：]|$)")  # 8,125人: a thousands comma


#: a line that is one cell and its bar: 项目金额 |
_BARRED = re.compile(r"[ \t]*[^|\s][^|]*?[ \t]*\|[ \t]*")


@lru_cache(maxsize=1)
def _code_label_re() -> re.Pattern[str]:
    """Labels of codes, phone numbers and dates (tagger.toml code_labels): no field with a value."""
    return re.compile("|".join(map(re.escape, load_data("tagger.toml")["values"]["code_labels"])))


@lru_cache(maxsize=1)
def _head_name_end() -> re.Pattern[str]:
    """How the name of a measured head ends (layout.toml [heads] name_end: 编制数, 控制率, 公用经费)."""
    return re.compile(load_data("layout.toml")["heads"]["name_end"])


def _unread_head(cell: str) -> bool:
    """Whether the cell before a row of heads may be a head not read as one (PM2.5平均浓度, 第一部分 部门概况): short,
    no caption's bracket."""
    return len(cell) <= 14 and not re.search(r"[(（]", cell) and bool(_HAN.search(cell))


#: a head of a row of heads: a short name, a year before it allowed (2023 年实际在职人数); no bracket (a caption's
#: unit: 财政供养人员情况(人))
_HEAD_CELL = re.compile(r"(?:\d{4}\s*年)?[\u4e00-\u9fff]{2,12}")
_HEAD_YEAR = re.compile(r"\d{4}\s*年")
_HEAD_VALUE_KINDS = ("number", "points", "percent", "quantity")
#: a row of heads holds this many
HEAD_ROW_MIN, HEAD_ROW_MAX = 2, 6


def _in_header_words(cells: list[tuple[int, str]]) -> bool:
    """Whether cells hold a table's header words (年初预算数, 实际完成值, 分值): no row of indicator heads."""
    pattern, role_of = _header_re()
    return any(_squash(m.group(0)) in role_of for _, c in cells for m in pattern.finditer(normalize(c)))


@lru_cache(maxsize=1)
def _score_field_re() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(table_words()["score_fields"]["labels"], key=len, reverse=True))
    return re.compile(rf"(?P<label>(?:{words})(?:\s*[(（]\s*分\s*[)）])?)[\s:：|]{{0,6}}"
                      rf"(?P<value>\d{{1,3}}(?:\.\d{{1,2}})?(?:\s*分)?)(?![\d.%])")


def _set_ends(text: str, tables: list[Table]) -> None:
    """Each table's body ends at the next table's start, or earlier where a closing block or prose begins."""
    tables.sort(key=lambda t: t.start)
    for i, t in enumerate(tables):
        t.end = tables[i + 1].start if i + 1 < len(tables) else len(text)
        t.style = separator_style(text, t)
        if t.style == "pipe" and t.kind == "fund":
            _unnamed_pipe_columns(text, t)
        if t.kind == "fund" and t.style in ("spaces", "one_line", "lines", "pipe") and body_glued(text, t):
            t.style = "glued"
        elif t.kind == "performance" and t.style in ("spaces", "one_line", "lines") \
                and (rows_glued(text, t) or _headerless(t) and lines_glued(text, t)):
            t.style = "glued"
        t.end = body_end(text, t)


def _unnamed_pipe_columns(text: str, table: Table) -> None:
    """The cells of a fund table's one-line pipe header that hold no header word (人均（元）, 占比): columns of
    role other, so that the rows' amounts keep their places; the header ends after the last of them. The
    column's word leaves out its unit note (人均), which :func:`column_units` reads."""
    if not table.columns or "\n" in text[table.start:table.header_end]:
        return
    line_end = text.find("\n", table.header_end)
    line_end = len(text) if line_end < 0 else line_end
    values = [c.start for c in table.columns if c.end > c.start and c.role not in ("label", "other", "index")]
    if not values:
        return
    first = min(values)  # the cells before the first amount column are the row labels' (项目名称) and codes
    added = []
    line_start = text.rfind("\n", 0, first) + 1
    for m in re.finditer(r"[^|]+", text[line_start:line_end]):
        a = line_start + m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        b = line_start + m.start() + len(m.group(0).rstrip())
        note = money_note_re().search(text, a, b)
        if a <= first or a >= b or any(c.start < b and a < c.end for c in table.columns) \
                or not _HAN.search(text, a, b) or _NUMBER.search(text, a, b) and not note:
            continue
        b = note.start() if note and note.end() == b else b
        added.append(Column("other", text[a:b].rstrip(), a, a + len(text[a:b].rstrip())))
    if added:
        table.columns = sorted(table.columns + added, key=lambda c: c.start)
        last = max(added, key=lambda c: c.end)
        note = _note_after_re().match(text, last.end)
        table.header_end = max(table.header_end, note.end() if note else last.end)


@lru_cache(maxsize=1)
def _header_re() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    words = table_words()
    role_of: dict[str, tuple[str, str]] = {}
    for kind in ("performance", "fund"):
        for role, ws in words[kind].items():  # (tables.toml [flanked_heads] are heads only between two others)
            for w in ws:
                role_of.setdefault(w, (kind, role))
    alts = sorted(role_of, key=len, reverse=True)
    return re.compile("|".join(f"(?:{loose(w)})" for w in alts)), role_of


@lru_cache(maxsize=1)
def _fund_points_words() -> frozenset[str]:
    """The words of a fund table's points columns (分值, 得分, 自评分 …), which performance headers use too."""
    fund = table_words()["fund"]
    return frozenset(fund["weight"] + fund["score"])


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def find_headers(text: str, view: TextView | None = None, captions: list[tuple[int, str, int]] | None = None,
                 max_gap: int = 40) -> list[Table]:
    """Every table header in ``text`` (clusters of header words, matched in the normalized view), as tables
    without rows, body to the end of the text."""
    view = view or view_of(text)
    captions = find_captions(text, view) if captions is None else captions
    pattern, role_of = _header_re()
    hits = []
    for m in pattern.finditer(view.norm):
        word = _squash(m.group(0))
        if word in role_of and not _FORMULA.match(view.norm, m.end()) \
                and not (m.start() and _FORMULA_BEFORE.match(view.norm, m.start() - 1, m.start())) \
                and not _in_formula(view.norm, m.start(), m.end()):
            s, e = view.span(m.start(), m.end())
            hits.append((s, e, word, role_of[word]))
    hits = _stacked_heads(text, _flanked(text, hits))
    headers = []
    for cl in (part for whole in _clusters(hits, max_gap, text) for piece in _sentence_parts(text, whole)
               for part in _split_at_data(text, _header_lines(text, piece))):
        words_end = max(h[1] for h in cl)
        centred = _centred_heads(text, cl)
        cl = centred or _restore_broken_words(text, _continued_heads(text, cl))
        perf = _by_cell(text, [(s, e, w, r) for s, e, w, (k, r) in cl if k == "performance" or w in ("分值", "得分")])
        perf_roles = {r for *_, r in perf}
        perf_start = None
        if "name" in perf_roles and perf_roles & {"target", "actual", "weight", "score"} and len(perf) >= 3:
            # the header starts at its first level or name column (words before it belong to other rows)
            first = next(i for i, (_, _, _, r) in enumerate(perf) if r in ("level1", "level2", "name"))
            above = _words_above(text, perf[:first], perf[first:])
            cols = _unnamed_target(text, _first_of_each_role([Column(r, w, s, e) for s, e, w, r in perf[first:]]))
            cols = _in_role_order(cols, [Column(r, w, s, e) for s, e, w, r in above])
            cols = _unnamed_actual(text, cols)
            cols = _perf_index(text, [(s, e, w) for s, e, w, _ in cl], cols) + cols
            adjusted = next((c for c in cols if c.role == "adjusted"), None)
            if adjusted is not None and "target" not in {c.role for c in cols}:  # 全年目标值 alone: the year's target
                adjusted.role = "target"
            start = min(c.start for c in cols)
            headers.append(Table("performance", cols, start, max(max(c.end for c in cols), words_end), len(text)))
            perf_start = start
        # a fund header: the fund words of the cluster (before a performance header glued to it, if any)
        fund = [(s, e, w, r) for s, e, w, (k, r) in cl
                if (k == "fund" or w in _fund_points_words()) and (perf_start is None or s < perf_start)]
        fund = _earlier_years_apart(text, _by_place(text, fund))
        if len(fund) > 2 and fund[0][3] in {r for *_, r in fund[1:]} \
                and _UNIT_NOTE.match(text, _CAPTION_WORDS.match(text, fund[0][1]).end()):
            fund = fund[1:]  # 年度预算数(万元), 年度预算安排情况(万元) | 年初预算 | …: the row labels' caption, no column
        fund = _refined_groups(text, _by_cell(text, fund))
        fund = _head_wrapped_around(text, fund)
        roles = [r for *_, r in fund]
        if roles.count("budget") >= 2 and "budget_initial" not in roles:  # 预算数 | 全年预算数: the year's first budget
            i = roles.index("budget")
            fund[i] = (*fund[i][:3], "budget_initial")
        amounts = {r for *_, r in fund} & {"budget_initial", "budget", "spent", "rate", "received"}
        if len(amounts) >= 2 or amounts and _detail_head_before(text, fund[0][0]):
            cols = _first_of_each_role([Column(r, w, s, e) for s, e, w, r in fund])
            start = min(f[0] for f in fund)
            label = Column("label", "", start, start)
            index = _leading_index(text, cols)  # 序号 | 项目编码 | 资金来源 | …: before the row labels
            h = Table("fund", [*index, label, *cols[len(index):]], start, max(f[1] for f in fund), len(text))
            first_number = _NUMBER.search(text, h.header_end)
            until = min(h.header_end + CAPTION_AFTER, first_number.start() if first_number else len(text))
            # a unit in brackets after a column's word (预算数（万元）, 人均（元）) is that column's, no caption
            own = [c for c in captions if not (cols[0].start <= c[0] < until and _HAN.match(text, c[0] - 1)
                                               and money_note_re().match(text, c[0]))]
            # a bracket (项目资金（万元）) before an earlier table's header is that table's
            own = [c for c in own if c[2] or not headers or c[0] >= headers[-1].start]
            h.unit = unit_before(own, h.start, window=CAPTION_WINDOW, until=until)
            h.points = caption_points(text, h.start, until)
            headers.append(h)
    return headers


def _head_wrapped_around(text: str, fund: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """A fund header printed a head per line where a head of two lines wraps around the others (资金到位 / 年初预算数 /
    … / 得分 / 数, as pdfplumber prints a taller cell's lines): the piece on the line before the first head and the
    short piece on the line after the last make a head word, put among the others in :data:`FUND_ROLE_ORDER`."""
    if len(fund) < 2 or any("\n" not in text[a[1]:b[0]] for a, b in zip(fund, fund[1:])):
        return fund  # (a head per line only)
    _, role_of = _header_re()
    end = text.rfind("\n", 0, fund[0][0])
    start = text.rfind("\n", 0, end) + 1 if end > 0 else -1
    after = text.find("\n", fund[-1][1])
    stop = text.find("\n", after + 1) if after >= 0 else -1
    if end <= 0 or after < 0:
        return fund
    stop = len(text) if stop < 0 else stop
    first, last = text[start:end].strip(), text[after + 1:stop].strip()
    word = normalize(first + last)
    if not first or not last or len(last) > 2 or _DIGIT_CHAR.search(first + last) or word not in role_of \
            or role_of[word][0] != "fund" or role_of[word][1] in {r for *_, r in fund}:
        return fund
    role = role_of[word][1]
    head = (start + text[start:end].index(first), after + 1 + text[after + 1:stop].index(last) + len(last), word, role)
    rank = FUND_ROLE_ORDER.index(role) if role in FUND_ROLE_ORDER else len(FUND_ROLE_ORDER)
    at = next((i for i, h in enumerate(fund) if h[3] in FUND_ROLE_ORDER and FUND_ROLE_ORDER.index(h[3]) > rank), len(fund))
    return fund[:at] + [head] + fund[at:]


def _by_place(text: str, heads: list[tuple[int, int, str, tuple[str, str]]]) -> list[tuple[int, int, str, tuple[str, str]]]:
    """The heads of a header printed on two lines or more of space-aligned text (pdftotext -layout), two heads or
    more on each line, in the order of where they stand across the page (the middle of each, in display width),
    without a group head over two heads or more of another line (预算数 over 年初预算数 | 全年预算数: no column of
    its own); any other header as it is."""
    line_of = [text.rfind("\n", 0, h[0]) + 1 for h in heads]
    lines = sorted(set(line_of))
    if len(lines) < 2 or any(line_of.count(ln) < 2 for ln in lines) \
            or any(re.search(r"[|｜\t]", _line_at(text, ln)) for ln in lines):
        return heads
    ends = [min(h[1], _NON_SPACE.match(text, h[0]).end()) for h in heads]  # a head joined over two lines (资金 / 到位数):
    for ln in lines:  # heads set apart by runs of spaces on each line (not glued, not one space apart)
        on = sorted((h[0], e) for h, l2, e in zip(heads, line_of, ends) if l2 == ln)
        if not all(_WIDE_GAP.fullmatch(text, a[1], b[0]) for a, b in zip(on, on[1:])):
            return heads
    places = [(grid.display_width(text[ln:h[0]]), grid.display_width(text[ln:e]))  # its first piece stands where it does
              for h, ln, e in zip(heads, line_of, ends)]
    middle = [(a + b) / 2 for a, b in places]

    def group(n: int) -> bool:
        a, b = places[n]
        return sum(1 for k in range(len(heads)) if line_of[k] != line_of[n] and a <= middle[k] <= b) >= 2

    keep = [n for n in range(len(heads)) if not group(n)]
    return [heads[n] for n in sorted(keep, key=lambda n: middle[n])]


def _stacked_heads(text: str, hits: list[tuple[int, int, str, tuple[str, str]]]
                   ) -> list[tuple[int, int, str, tuple[str, str]]]:
    """Heads printed a piece per line in space-aligned columns (pdftotext -layout: 一级 / 指标, 年度 / 指标值, 全年 /
    实际 / 完成值). On a block of two to four lines that hold nothing but short pieces apart by runs of spaces, the
    pieces that stand over one another (their places across the line overlap) are joined top to bottom, a bracket
    note (（A）) left out; where the joined word, or its end (全年 | 实际完成值), is a header word, it is one hit from
    its piece on the block's main line (the one with the most pieces: the heads keep their order there) to its last
    piece, in place of the hits inside its pieces. Only a performance header's words are made so, three at least
    with a level or name column among them (a fund header's stacked heads are joined by :func:`_continued_heads`)."""
    _, role_of = _header_re()
    out, seen = list(hits), set()
    for h in hits:
        first = text.rfind("\n", 0, h[0]) + 1
        if first in seen or not _STACK_LINE.fullmatch(_line_at(text, first)):
            continue
        for _ in range(_STACK_MOST - 1):  # up to the block's first line
            if first == 0:
                break
            above = text.rfind("\n", 0, first - 1) + 1
            if not _STACK_LINE.fullmatch(_line_at(text, above)) or len(_STACK_PIECE.findall(_line_at(text, above))) < 2:
                break  # (a caption or a title alone on its line above the header: no head's piece)
            first = above
        block = [first]
        while len(block) < _STACK_MOST:
            nxt = text.find("\n", block[-1]) + 1
            if nxt <= 0 or not _line_at(text, nxt).strip() or not _STACK_LINE.fullmatch(_line_at(text, nxt)) \
                    or level_re_().search(_line_at(text, nxt)):
                break  # (a row written in words under the header, its level names first: the body's)
            block.append(nxt)
        seen.update(block)
        if len(block) < 2:
            continue
        pieces = [(ln, m.start() + ln, m.end() + ln, grid.display_width(text[ln:ln + m.start()]),
                   grid.display_width(text[ln:ln + m.end()])) for ln in block for m in _STACK_PIECE.finditer(_line_at(text, ln))]
        columns: list[list[tuple[int, int, int, int, int]]] = []
        for p in pieces:
            over = [c for c in columns if any(q[0] != p[0] and q[3] < p[4] and p[3] < q[4] for q in c)]
            if len(over) == 1 and all(q[0] != p[0] for q in over[0]):
                over[0].append(p)
            else:
                columns.append([p])
        main = max(block, key=lambda ln: sum(1 for p in pieces if p[0] == ln))  # the line with the most pieces
        if sum(1 for p in pieces if p[0] == main) < _STACK_LEAST:
            continue  # (a cell per line: no columns side by side)
        made = []
        for c in columns:
            words = [(ln, a, b) for ln, a, b, _, _ in c if not _NOTE.fullmatch(text[a:b])]
            # the longest run of pieces from the top that is a header word, or its end (全年 | 实际完成值); pieces
            # below it are the body's (产出 / 数量: a level cell wrapped under the header)
            got = next(((k, m) for k in range(len(words) - 1) for m in range(len(words), k + 1, -1)
                        if normalize("".join(text[a:b] for _, a, b in words[k:m])) in role_of), None)
            if got is None:
                continue
            k, m = got
            word = normalize("".join(text[a:b] for _, a, b in words[k:m]))
            start = next((a for ln, a, _ in words[k:m] if ln == main), words[k][1])  # (on the main line: the heads
            last = words[m - 1][0]                                                   # keep their order there)
            made.append((start, words[m - 1][2], word, role_of[word],
                         [(a, b) for ln, a, b, _, _ in c if ln <= last]))
        made = [m for m in made if m[3][0] == "performance"]  # (a fund header's stacked heads are read already)
        if len(made) < _STACK_LEAST or not any(m[3][1] in ("level1", "level2", "name") for m in made):
            continue
        inside = [span for m in made for span in m[4]]
        out = [x for x in out if not any(a <= x[0] and x[1] <= b for a, b in inside)] + [m[:4] for m in made]
    return sorted(out)


#: a line of a stacked header: short pieces (no digits but in a bracket note) apart by runs of spaces
_STACK_LINE = re.compile(r"[ \u3000]*(?:[\u4e00-\u9fff（）()/A-Za-z]{1,7}(?:[ \u3000]{2,}|[ \u3000]*$))+")
_STACK_PIECE = re.compile(r"[\u4e00-\u9fff（）()/A-Za-z]{1,7}")
#: the most lines, and the fewest header words made, of a stacked header
_STACK_MOST = 4
_STACK_LEAST = 3


_NON_SPACE = re.compile(r"\S*")
_WIDE_GAP = re.compile(r"[ \u3000]{2,}")


def _flanked(text: str, hits: list[tuple[int, int, str, tuple[str, str]]]) -> list[tuple[int, int, str, tuple[str, str]]]:
    """The header word hits without the words of tables.toml [flanked_heads] that stand anywhere but between two
    other hits with nothing but separators apart (实际值完成率分值: a column; 当期任务完成率%90…: a name's end)."""
    flanked = frozenset(table_words()["flanked_heads"]["words"])

    def apart(a: int, b: int) -> bool:
        return 0 <= b - a <= _FLANK_GAP and not text[a:b].strip(" \t\u3000|｜\n")

    return [h for n, h in enumerate(hits) if h[2] not in flanked
            or 0 < n < len(hits) - 1 and apart(hits[n - 1][1], h[0]) and apart(h[1], hits[n + 1][0])]


#: how far apart a flanked head may stand from its neighbours
_FLANK_GAP = 8


def _detail_head_before(text: str, start: int) -> bool:
    """Whether the cell before ``start`` is the head of a detail table's row labels (支出内容 | 实际支出数,
    tables.toml [fund_detail])."""
    before = normalize(text[max(0, start - 16):start]).rstrip(" \t\n|")
    return any(before.endswith(h) and (len(before) == len(h) or before[-len(h) - 1] in " \t\n|")
               for h in table_words()["fund_detail"]["heads"])


#: a unit note right after a header word: (万元), （元）
#: the words that may end a caption cell before its unit note (年度预算安排情况（万元）)
_CAPTION_WORDS = re.compile(r"(?:[\u4e00-\u9fff](?:" + GLOSS_BODY + r")?){0,4}")
_UNIT_NOTE = re.compile(r"\s*[(（]\s*(?:万元|萬元|元|亿元|億元|千元)\s*[)）]")

#: a header word that is an operand of a formula in a note (预算执行率=预算执行数/调整后预算数) is no column
_FORMULA = re.compile(r"[=＝/÷×*](?!\s*\d)(?![ \t]*(?:万元|元|亿元|千元)(?![\u4e00-\u9fff]))")  # not 预算数/万元
_FORMULA_BEFORE = re.compile(r"[=＝/÷×*]")


#: an operand of a formula in a cell: a sign of the formula before it, or after it inside the operand
#: (=（实际支出资金/实际到位资金）×100%), with no cell break between
_FORMULA_LEFT = re.compile(r"(?<![<>＜＞≥≤!！])[=＝](?!\s*\d)[^|｜\n=＝)）。，；：:]{0,30}\Z")  # not a target (>=90%, =100%)
_FORMULA_RIGHT = re.compile(r"[\u4e00-\u9fff]{1,4}[/÷×*]")


def _in_formula(norm: str, s: int, e: int) -> bool:
    """Whether the word ``norm[s:e]`` is an operand inside a formula written in one cell
    (预算执行率=（实际支出资金/实际到位资金）×100%): an = before it with no cell break (| or two spaces), closing
    bracket or sentence mark between, or a division or multiplication sign right after the Han rest of its operand."""
    left = _FORMULA_LEFT.search(norm, max(0, s - 31), s)
    return bool(left and not re.search(r"\s{2,}", left.group(0))) or bool(_FORMULA_RIGHT.match(norm, e))


def _centred_heads(text: str, cluster: list[tuple[int, int, str, tuple[str, str]]]
                   ) -> list[tuple[int, int, str, tuple[str, str]]] | None:
    """A header flattened a cell per line from a PDF that prints each cell at its middle (pdfplumber): the first
    lines of the heads wrapped in two come before the others, their second lines after them (年度 / 实际 / 一级指标
    / … / 分值 / 得分 / 指标值 / 完成值; 年初 / 全年 / 全年 / 分值 / 执行率 / 得分 / 预算数 / 预算数 / 执行数). Each
    first line alone on the lines right above the cluster pairs, in order, with the first later head that it
    completes to a head word of the same kind; the heads then stand in the form's usual order (the text does not
    tell it). None when the cluster is not written so."""
    _, role_of = _header_re()
    stubs: list[tuple[int, int, str]] = []
    pos = cluster[0][0]
    line_start = text.rfind("\n", 0, pos) + 1
    if text[line_start:pos].strip():
        return None
    while line_start > 0:  # the lines right above the cluster, each one short piece of Han characters
        prev_start = text.rfind("\n", 0, line_start - 1) + 1
        piece = text[prev_start:line_start - 1].strip()
        if not piece:
            if stubs:
                break
            line_start = prev_start
            continue
        if not _STUB.fullmatch(piece):
            break
        a = prev_start + text[prev_start:line_start].index(piece)
        stubs.insert(0, (a, a + len(piece), piece))
        line_start = prev_start
    if not stubs:
        return None
    pairs, used = [], set()
    for a, b, stub in stubs:
        n = next((n for n, h in enumerate(cluster) if n not in used and n > 0 and (w := _squash(stub + h[2])) in role_of
                  and role_of[w][0] == h[3][0]), None)
        if n is None:
            return None
        used.add(n)
        word = _squash(stub + cluster[n][2])
        pairs.append((a, cluster[n][1], word, role_of[word]))
    order = ROLE_ORDER if pairs[0][3][0] == "performance" else FUND_ROLE_ORDER
    heads = pairs + [h for n, h in enumerate(cluster) if n not in used]
    return sorted(heads, key=lambda h: order.index(h[3][1]) if h[3][1] in order else len(order))


#: the first line of a head wrapped in its cell: two to four Han characters (年度, 实际, 年初, 全年)
_STUB = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _continued_heads(text: str, cluster: list[tuple[int, int, str, tuple[str, str]]]
                     ) -> list[tuple[int, int, str, tuple[str, str]]]:
    """Header cells wrapped onto a line of their own (| 年初预算 | 全年预算 | 全年执行 | over | | 数 | 数 | 数 |, or
    年初 | 全年 over 预算数 | 执行数): the next line, short pieces without digits, is the rest of the cells above;
    each piece joins the next cell above that it completes to a header word, which replaces what was
    matched in either part. Where the cluster's line is itself such a rest (年初 | 调整 over 预算 | 后预算数: the
    cluster starts at the lower line's words), it joins the line above."""
    line_start = text.rfind("\n", 0, cluster[0][0]) + 1
    line_end = text.find("\n", cluster[0][0])
    if line_end < 0:
        return cluster
    nxt_end = text.find("\n", line_end + 1)
    found = _joined_heads(text, (line_start, line_end), (line_end + 1, len(text) if nxt_end < 0 else nxt_end))
    if found is None and line_start > 0 and not any(h[3][1] in ("level1", "level2", "name") for h in cluster):
        # (a performance header's words broken so are moved up by _restore_broken_words)
        above_start = text.rfind("\n", 0, line_start - 1) + 1
        found = _joined_heads(text, (above_start, line_start - 1), (line_start, line_end), at_lower=True)
    if found is None:
        return cluster
    joined, used = found
    kept = [h for h in cluster if not any(a <= h[0] < b for a, b in used)]
    return sorted(kept + joined)


def _joined_heads(text: str, upper: tuple[int, int], lower: tuple[int, int], at_lower: bool = False
                  ) -> tuple[list[tuple[int, int, str, tuple[str, str]]], list[tuple[int, int]]] | None:
    """The header words that the short pieces of the ``lower`` line complete with the cells of the ``upper`` one
    (a formula mark after a piece, 数（A）, no part of the word), and the cells they use; None when the lower
    line is no header's rest. A joined word stands where its upper part does, or, ``at_lower`` (the lower line
    is the header's own, the words of the others stand on it), where its lower part does."""
    _, role_of = _header_re()
    # (the table's caption cell printed on the rest's line: | 项目资金（万元） | | 预算数 | 预算数 | …)
    pieces = [(a, b) for a, b in _line_cells(text, *lower) if not grid.caption_piece(text[a:b])]
    if not pieces or any(_DIGIT_CHAR.search(text[a:b]) or len(text[a:b]) > _CONTINUED_MAX for a, b in pieces):
        return None
    cells = _line_cells(text, *upper)
    joined, used = [], []
    n = 0
    for a, b in pieces:
        rest = _FORMULA_MARK.sub("", text[a:b])
        m = n
        while m < len(cells) and normalize(text[cells[m][0]:cells[m][1]] + rest) not in role_of:
            m += 1
        if m == len(cells):
            continue  # a piece that completes no known word (偏差原因分析 / 及改进措施): passed over
        word = normalize(text[cells[m][0]:cells[m][1]] + rest)  # 預算 / 數 as 预算数
        joined.append((a if at_lower else cells[m][0], b, word, role_of[word]))
        used += [cells[m], (a, b)]
        n = m + 1
    if len(joined) < 2 and len(joined) < len(pieces):
        return None  # not a header's second line
    return joined, used


#: a formula's mark after a header word (预算数（A）, 执行数(B))
_FORMULA_MARK = re.compile(r"[(（][A-Za-z][)）]$")


def _line_cells(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The non-empty cells of the line ``text[a:b]``, cut at bars or white space."""
    return [(a + m.start(), a + m.end()) for m in re.finditer(r"[^|｜\s]+", text[a:b])]


#: a header cell's continuation is this short (数, 预算数, 数（A）)
_CONTINUED_MAX = 6
_DIGIT_CHAR = re.compile(r"\d")


def _restore_broken_words(text: str, cluster: list[tuple[int, int, str, tuple[str, str]]]) -> list[tuple[int, int, str, tuple[str, str]]]:
    """Header words broken over two header lines (``年度 … 实际`` above ``指标值 … 完成值``) take the place of
    their first part: a word found on a later line that is the end of a longer header word whose first part
    stands alone on the cluster's first line is moved there, so that the columns keep their order; on one line
    (the two header lines flattened), a word after other heads whose first part stands alone before them."""
    anchor = next((h[0] for h in cluster if h[3][1] in ("level1", "level2", "name")), cluster[0][0])
    line_start = text.rfind("\n", 0, anchor) + 1
    first_line_end = text.find("\n", anchor)
    if first_line_end < 0:
        first_line_end = len(text)
    out = []
    for s, e, w, (k, r) in cluster:
        same_line = s < first_line_end  # the two header lines flattened onto one (一级 二级 三级指标 年度 实际 分值
        for long_word, (k2, r2) in _longer_words().get(w, ()):  # 得分 指标 指标 指标值 完成值): the stub before
            if (k2, r2) == (k, r):  # other heads
                stub = long_word[: -len(w)]
                from_ = anchor if same_line else line_start  # (on one line, among the header's heads only)
                line = text[from_:s if same_line else first_line_end]
                norm = normalize(line)  # 年度 over 指標值: the stub matched in simplified characters
                m = re.search(rf"(?<![^\s|｜]){re.escape(stub)}(?![^\s|｜])", norm if len(norm) == len(line) else line)
                a, b = (from_ + m.start(), from_ + m.end()) if m else (0, 0)
                if m and not any(h[0] < b and a < h[1] for h in cluster) \
                        and (not same_line or any(b <= h[0] and h[1] <= s for h in cluster)):  # (not a piece of
                    s, e = a, b  # another header word; on one line, read heads stand between the stub and the word)
                    break
        out.append((s, e, w, (k, r)))
    return sorted(out)


@lru_cache(maxsize=1)
def _longer_words() -> dict[str, tuple[tuple[str, tuple[str, str]], ...]]:
    """For each header word, the longer header words that end with it (指标值: 年度指标值 …), with their roles."""
    _, role_of = _header_re()
    return {w: tuple((long_word, role) for long_word, role in role_of.items() if long_word.endswith(w) and long_word != w)
            for w in role_of}


def _earlier_years_apart(text: str, hits: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Fund header words of an earlier year than the form's (2021年决算数 beside 2022年预算数 | 2022年决算数,
    上年决算数) are columns of no fund field: the form's amounts are those of its latest year."""
    def year(s: int) -> int | None:
        m = _YEAR_BEFORE.search(text, max(0, s - 8), s)
        if not m:
            return None
        return int(m.group(1)) if m.group(1) else 0  # 上年: before any year written

    years = [year(s) for s, *_ in hits]
    known = [y for y in years if y is not None]
    if len(set(known)) < 2:
        return hits
    latest = max(known)
    return [(s, e, w, "other" if y is not None and y < latest else r) for (s, e, w, r), y in zip(hits, years)]


#: the year written before a header word (2021年, 上年, 上一年度)
_YEAR_BEFORE = re.compile(r"(?:(20\d\d)\s*年度?|上一?年度?)\s*$")


def _by_cell(text: str, hits: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """The header words of a |-header written over two lines (| 资金来源 | 预算数 | | 执行数 | 执行率 | above
    | | 年初预算数 | 全年预算数 | 全年执行数 | |), in the order of their cells: in a cell that has a word on
    both lines, the lower, finer one (年初预算数 under the group word 预算数)."""
    starts = [text.rfind("\n", 0, h[0]) + 1 for h in hits]
    if sum(1 for ls in set(starts) if starts.count(ls) >= 2) < 2 or not all("|" in _line_at(text, h[0]) for h in hits):
        return hits  # not two |-lines of two words or more (a cell per line ending in |, or one header line)

    def cell(h: tuple[int, int, str, str], ls: int) -> int:
        lead = text[ls:h[0]].lstrip().startswith("|")
        return text.count("|", ls, h[0]) - (1 if lead else 0)

    by: dict[int, tuple[int, int, str, str]] = {}
    for h, ls in zip(hits, starts):
        if cell(h, ls) in by and not _finer(by[cell(h, ls)], h):
            return hits  # | 全年执行数 above | 执行率 |: a header row wrapped onto the next line, its words in text order
        by[cell(h, ls)] = h
    return [by[k] for k in sorted(by)]


def _refined_groups(text: str, hits: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Header words with a group word replaced by the finer words under it (预算数 over 年初预算数 | 全年预算数, a
    header of two lines flattened a cell per line, with tabs or spaces): the finer words, two or more on a later
    line that each hold the group word, take its place in the column order."""
    for n, h in enumerate(hits):
        line_end = text.find("\n", h[1])
        finer = [x for x in hits[n + 1:] if line_end >= 0 and x[0] > line_end and _squash(h[2]) in _squash(x[2])
                 and x[2] != h[2]]
        if len(finer) >= 2:
            rest = [x for x in hits if x is not h and not any(x is f for f in finer)]
            return rest[:n] + finer + rest[n:]
    return hits


def _finer(upper: tuple, lower: tuple) -> bool:
    """Whether the header word hit ``lower`` refines the group word hit above it: it holds it (预算数 over 年初预算数)
    or heads a column of the same kind (执行数 over 实际支出; 预算数 over 全年预算数 or 年初预算数)."""
    family = {"budget_initial": "budget"}
    return _squash(upper[2]) in _squash(lower[2]) \
        or family.get(upper[3][1], upper[3][1]) == family.get(lower[3][1], lower[3][1])


def _header_lines(text: str, cluster: list) -> list:
    """A cluster of header words without the words of the captions above the header: none on a line without
    separators above a |-header line that holds three of them ((权重10分) above | 年初预算数 | 全年预算数 | …).
    (Words of the prose above were cut off at its sentence end by :func:`_sentence_parts`.)"""
    line_of = [text.rfind("\n", 0, h[0]) for h in cluster]  # each hit's line, by where the line starts
    piped = {ln for ln in set(line_of) if line_of.count(ln) >= 3 and "|" in _line_at(text, cluster[line_of.index(ln)][0])}
    if piped:
        first = min(piped)
        cluster = [h for h, ln in zip(cluster, line_of) if ln >= first or "|" in _line_at(text, h[0])] or cluster
    return cluster


def _sentence_parts(text: str, cluster: list) -> list[list]:
    """A cluster of header words cut where a sentence ends between two of them (a header, then prose that
    names 年度目标 again and again: each part is read on its own, the header not lost to the prose)."""
    parts, start = [], 0
    for n in range(1, len(cluster)):
        if _SENTENCE_END_MARK.search(text, cluster[n - 1][1], cluster[n][0]):
            parts.append(cluster[start:n])
            start = n
    parts.append(cluster[start:])
    if len(parts) == 1:
        return parts
    # in a part before a sentence end, the words after the first one written in running text are prose:
    # 全年预算数较年初预算数增加20万元。 | a header, then 本项目年度目标已完成。
    out = []
    for p in parts[:-1]:
        cut = next((n for n in range(1, len(p)) if _HAN.search(_NOTE.sub("", text[p[n - 1][1]:p[n][0]]))), len(p))
        out.append(p[:cut])
    return out + [parts[-1]]


def _line_at(text: str, i: int) -> str:
    return text[text.rfind("\n", 0, i) + 1:(text.find("\n", i) + 1 or len(text) + 1) - 1]


_SENTENCE_END_MARK = re.compile(r"[。；]")


def _split_at_data(text: str, cluster: list) -> list[list]:
    """A cluster of header words without the words after the first data row of a grid header (three words or
    more before it: 预算执行率 | ≥90% is a row), or its tail of column-less words there (| 年度资金总额 | 120 | … |
    结余资金 |: 结余 begins a row's label); a form written as fields (计划安排资金 (万元) 55 实际到位资金 (万元)
    55) keeps its words."""
    for n in range(1, len(cluster)):
        between = _NOTE.sub("", text[cluster[n - 1][1]:cluster[n][0]])
        if _SENTENCE_VALUE.match(between):  # 全年预算数80万元，全年执行数76万元: a sentence, no header
            return [cluster[:n]] + _split_at_data(text, cluster[n:])
        row_after = n >= _GRID_HEAD and (_level_line_between(text, cluster[n - 1][1], cluster[n][0]) or _data_line_after(
            text, cluster[n - 1], cluster[n], cluster[n + 1] if n + 1 < len(cluster) else None))
        if not _data_between(between) and not row_after:
            continue
        if n >= _GRID_HEAD:
            rest = cluster[n:]  # the words of the body, or a header repeated after a short body (a page break)
            return [cluster[:n]] + (_split_at_data(text, rest) if len(rest) >= _GRID_HEAD else [])
        if all(h[3][1] == "other" for h in cluster[n:]) and _HAN.match(text, cluster[n][1]):
            return [cluster[:n]]  # 结余 | 资金: the start of a longer word
        break  # a form written as fields: a value after each word
    return [cluster]


def _data_line_after(text: str, before: tuple, hit: tuple, after: tuple | None = None) -> bool:
    """Whether a header word that opens a new line's words is a row's name: the line goes on with values
    (产出指标 | 质量指标 | 预算执行率 | ≥95% | 99.06% |: the first row, under a header of its own); not when the
    next header word (``after``) follows it at once (年度指标值 / 实际完成值分值得分…: the header wrapped)."""
    if "\n" not in text[before[1]:hit[0]] or grid.wrapped_at_width(text, before[0], hit[1]):
        return False  # (a text wrapped at a fixed width: its line breaks fall anywhere, no row starts at one)
    if after is not None and not _NOTE.sub("", text[hit[1]:after[0]]).strip(" \t|"):
        return False
    line_end = text.find("\n", hit[1])
    rest = text[hit[1]:len(text) if line_end < 0 else line_end] + "\n"
    return bool(_DATA_BETWEEN.search(_NOTE.sub("", rest)))


#: what stands between two header words of a sentence: a value and the mark that ends its clause (80万元，其中)
_SENTENCE_VALUE = re.compile(r"[为是达:：\s]{0,3}\d[\d.,]*\s*(?:万元|亿元|千元|元|%|％)?\s*[，；。,;][^\n]{0,6}$")

#: this many header words with no value between them are a grid's header: words after its first data row
#: are the body's (预算执行率 | ≥90%: a row's name), not the header's
_GRID_HEAD = 3
#: a number between header words: a data row (not a column letter or a note)
_DATA_BETWEEN = re.compile(r"\d+(?:\.\d+)?\s*[%％]?\s*[|｜\n]")
#: … or a value with its measure word ending its cell (≥4.2万亩 / 实际完成4.5万亩: 实际完成 is the body's)
_VALUE_CELL_BETWEEN = re.compile(r"(?:^|[|｜\n])\s*[≥≤<>=≧≦＞＜]?\s*\d+(?:\.\d+)?(?P<unit>[^\d\s|｜]{1,4})\s*[|｜\n]")


def _data_between(between: str) -> bool:
    """Whether the text between two header words holds a data row's value: a number ending its cell, or a
    value cell with its unit (not a caption's year: (2023年) is no cell of its own)."""
    if _DATA_BETWEEN.search(between):
        return True
    return any(unit_after_number().fullmatch(m.group("unit")) and m.group("unit") not in _HEAD_NOTE_UNITS
               for m in _VALUE_CELL_BETWEEN.finditer(between))


def _level_line_between(text: str, a: int, b: int) -> bool:
    """Whether a line that starts between two header words (``text[a:b]``) opens with a level name and goes on
    with a number: the body's first row glued after the header (偏差原因… / 产出指标数量指标新建社区健身中心数量15
    完成得满分, 产出指标时效指标资金拨付及时率符合要求得满分及时及时1010: 满分 is that row's scoring rule, no head)."""
    for nl in (m.start() for m in re.finditer("\n", text[a:b])):
        start = a + nl + 1
        end = text.find("\n", start)
        line = text[start:len(text) if end < 0 else end]
        if level_re_().match(line) and _DIGIT_CHAR.search(line):
            return True
    return False


#: units of a header's own notes between its words (分值 / 100分, 2023年): no data row's
_HEAD_NOTE_UNITS = ("分", "年", "月", "日")


def _unnamed_target(text: str, cols: list[Column]) -> list[Column]:
    """A header with no target word but one word of its own between the name and the value columns
    (三级指标 | 年初设定值 | 实际完成值): that column is the target, by its position (a form names its target
    column in many ways; it always stands after the name and before what was achieved)."""
    roles = [c.role for c in cols]
    if "target" in roles or "name" not in roles:
        return cols
    for n in range(roles.index("name"), len(cols) - 1):
        a, b = cols[n], cols[n + 1]
        if a.role not in ("name", "cmp", "unit"):
            break
        if b.role not in ("actual", "weight", "score"):
            continue
        word = _unnamed_head(text, a.end, b.start, next_head_before=True)
        if word:
            return [*cols[:n + 1], Column("target", *word), *cols[n + 1:]]
        break
    return cols


def _unnamed_actual(text: str, cols: list[Column]) -> list[Column]:
    """A header with a target but no actual word, and one word of its own after the target and before the
    points (年初指标值 | 调整指标值 | 全年完成值 written so that no word matches | 得分系数 | 指标权重): that
    column is the actual, by its position (what was achieved stands after the target, before the points)."""
    roles = [c.role for c in cols]
    if "actual" in roles or "target" not in roles:
        return cols
    for n in range(roles.index("target"), len(cols) - 1):
        a, b = cols[n], cols[n + 1]
        if a.role not in ("target", *NO_SLOT, "cmp", "unit"):
            break
        word = _unnamed_head(text, a.end, b.start)
        if word:
            return [*cols[:n + 1], Column("actual", *word), *cols[n + 1:]]
        if b.role not in ("target", *NO_SLOT, "cmp", "unit"):
            break
    return cols


def _unnamed_head(text: str, a: int, b: int, next_head_before: bool = False) -> tuple[str, int, int] | None:
    """The one header word of an unknown column between two known header words (notes left out), if any: one
    word, or one head broken over two lines (年初 / 设定值). With ``next_head_before``, a second word that runs
    up to the next header word is that word's beginning (年度计划数 | 年度完成值), not part of this head."""
    gap = _NOTE.sub(lambda m: " " * len(m.group(0)), text[a:b])
    words = [m for m in re.finditer(r"[^\s|｜]+", gap)]
    if next_head_before and len(words) == 2 and words[1].end() == len(gap):
        words = words[:1]
    word = "".join(w.group(0) for w in words)
    if len(words) in (1, 2) and _UNNAMED_HEAD.fullmatch(word):
        return word, a + words[0].start(), a + words[-1].end()
    return None


#: a header word of a column the header words do not know: Han characters only, as long as header words run
_UNNAMED_HEAD = re.compile(r"[\u4e00-\u9fff]{2,8}")


def _first_of_each_role(cols: list[Column]) -> list[Column]:
    """Keep the first column of each role (a header word repeated in a note, 得分(20分*执行率), is not a column)."""
    seen: set[str] = set()
    out = []
    for c in cols:
        if c.role not in seen or c.role in ("other", "cmp", *NO_SLOT):
            out.append(c)
            seen.add(c.role)
    return out


#: fund row labels this close to each other form one header-less fund table
FUND_BLOCK_GAP = 120
#: a row label followed by a cell separator (or nothing) and then a number: a fund row, not prose
_CELL_THEN_NUMBER = re.compile(r"\s*(?:[:：]|[|｜\t\n]|\s)[\s|｜:：]*-?\d")
#: what stands before a row label that starts a cell: a line start, a separator, a colon, or glued text of a form
_CELL_START = re.compile(r"(?:^|[|｜\t\n:：)）]|\s)$")


def fund_blocks(text: str, view: TextView, tables: list[Table], captions: list[tuple[int, str, int]]) -> list[Table]:
    """Fund tables without a column header: clusters of fund row labels (年度资金总额, 其中：财政拨款 …)
    outside every other table, each row's amount read as ``budget`` (a target or application form)."""
    inside = [(t.start, t.end) for t in tables]
    labels = []
    for m in _fund_row_re().finditer(view.norm):
        s, e = view.span(m.start(1), m.end(1))
        if _LONGER_WORD.match(view.norm, m.end(1)):
            continue  # 项目支出绩效目标申报表: a label word inside a longer word
        if _HEADING_MARK.search(view.norm, max(0, m.start(1) - 8), m.start(1)) \
                and not re.search(r"\d", view.norm[m.end(1):(view.norm.find("\n", m.end(1)) + 1 or len(view.norm) + 1) - 1]):
            continue  # 二、项目支出明细: a numbered heading, no row (（一）财政拨款 100 is a row)
        if not any(a <= s < b for a, b in inside):
            starts_cell = bool(_CELL_START.search(view.norm[max(0, m.start() - 1):m.start()]))
            labels.append((s, e, starts_cell and bool(_CELL_THEN_NUMBER.match(view.norm, m.end(1))
                                                      or _glued_amounts_at(view.norm, m.end(1)))))
    out = []
    for block in _clusters(labels, FUND_BLOCK_GAP):
        if not any(number for *_, number in block):
            continue  # labels in prose (年度资金总额为100万元), or without amounts
        start = block[0][0]
        t = _fund_table("budget", start, len(text))
        t.unit = unit_before(captions, start, window=CAPTION_WINDOW, until=start)
        out.append(t)
    return out


#: a heading's number opening its line (二、 （二） 3. 3、)
_HEADING_MARK = re.compile(r"(?:^|\n)[ \t]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、．]|\d+\.(?!\d))[ \t]*\Z")


#: a note after a glued header's last head: 得分(分), 执行率（%）
_GLUED_HEAD_NOTE = re.compile(r"[ \t]*[(（][^)）\n]{0,10}[)）]")
#: what ends a header's last cell (so that a note after the header word stays out of the body), per style
_HEADER_CELL_END = {"pipe": re.compile(r"[|｜\n]"), "lines": re.compile(r"\n"),
                    "spaces": re.compile(r"[|｜\n\t]|[ \u3000]{2,}"), "one_line": re.compile(r"\s")}


def headerless_blocks(text: str, view: TextView, tables: list[Table]) -> list[Table]:
    """Performance tables without header words, outside every other table: runs of level-name cells
    (产出指标, 数量指标 …) in table lines, read with the default columns of ``tables.toml`` ``[headerless]``."""
    cfg = table_words()["headerless"]
    inside = [(t.start, t.end) for t in tables]
    hits, glued = [], []
    for m in level_re_().finditer(view.norm):
        s, e = view.span(m.start(), m.end())
        if any(a <= s < b for a, b in inside):
            continue
        if _alone_in_cell(text, s, e) or _spaced_row_after(text, s, e):
            hits.append((s, e))
        elif (_GLUED_ROW_START.search(text, max(0, s - 1), s) is not None or s == 0) and _glued_row_after(text, e):
            glued.append((s, e))
    out = []
    for block, roles in [(b, cfg["columns"]) for b in _clusters(hits, int(cfg["gap"]))] \
            + [(b, cfg["glued_columns"]) for b in _clusters(glued, int(cfg["gap"]))]:
        start = text.rfind("\n", 0, block[0][0]) + 1 if roles is cfg["columns"] else _glued_rows_before(text, block[0][0])
        before = text.count("\n", start, block[0][0]) if roles is not cfg["columns"] else 0
        if len(block) + before < int(cfg["min_levels"]):
            continue  # one glued row is no table; one after rows of the group named on the page before is
        out.append(Table("performance", grid.columns_at(roles, start), start, start, len(text)))
    return out


#: what stands before a level name that starts a glued row without header: a line's start or the end of the
#: run of values before (…1010产出指标数量指标…)
_GLUED_ROW_START = re.compile(r"(?:^|[\n\d%％])$")
#: … and after it: a name of Han characters without punctuation, then a value (免费体检人数≥5000人次…)
_GLUED_ROW_AFTER = re.compile(r"[\u4e00-\u9fff][^，。；：:,;\n]{1,40}?[0-9≥≤＞＜>]")


def _spaced_row_after(text: str, s: int, e: int) -> bool:
    """Whether a level name opens a row of cells one space apart (产出指标 数量指标 指标1:修缮建筑数量 6000平方米
    6000平方米 7 7): it opens its line, and the cells after it, its levels aside, are a name and two values or
    more."""
    if text[text.rfind("\n", 0, s) + 1:s].strip() or text[e:e + 1] != " " or text[e + 1:e + 2].isspace():
        return False
    cells = _rest_of_line(text, e).split()
    kinds = [grid.kind_of(c)[0] for c in cells]
    values = sum(k in grid.VALUE_KINDS for k in kinds)
    return values >= 2 and any(k in ("text", "long") for k in kinds) and not level_re_().match(cells[-1])


def _fund_label_at(text: str, pos: int) -> tuple[int, int] | None:
    """Where the fund row label at ``pos`` ends, and where what follows it (a colon, spaces) ends, matched in the
    normalized view (年度資金總額:390390100%); None if no label stands there."""
    view = view_of(_rest_of_line(text, pos))
    m = _fund_row_re().match(view.norm)
    if m is None:
        return None
    return pos + view.span(m.start(1), m.end(1))[1], pos + view.span(m.start(), m.end())[1]


def _rest_of_line(text: str, pos: int) -> str:
    """The rest of the line from ``pos``."""
    end = text.find("\n", pos)
    return text[pos:len(text) if end < 0 else end]


def _opens_spaced_row(text: str, start: int) -> bool:
    """Whether the line at ``start`` is a row of cells one space apart that a level name opens
    (:func:`_spaced_row_after`)."""
    s = start + len(text[start:]) - len(text[start:].lstrip(" \t"))
    m = level_re_().match(text, s)
    return m is not None and _spaced_row_after(text, s, m.end())


def _glued_rows_before(text: str, s: int) -> int:
    """Where the glued rows that stand right before a headerless table's first level name begin (a table going
    on from the page before: its first rows are those of a group whose level names were on that page)."""
    if s and text[s - 1] != "\n":
        return s  # the level name does not open its line
    line_start = s
    while line_start > 0:
        above = text.rfind("\n", 0, line_start - 1) + 1
        if above == line_start - 1 or not _glued_row_after(text, above) or level_re_().match(text, above):
            break
        line_start = above
    return line_start


def _glued_row_after(text: str, e: int) -> bool:
    """Whether a glued row follows a level name ending at ``e`` (more level names allowed first): a name, then
    a run of two values or more, and no prose punctuation on the line (数量指标完成培训120人次，超额完成 is prose)."""
    while (m := level_re_().match(text, e)):
        e = m.end()
    line_end = text.find("\n", e)
    line = text[e:len(text) if line_end < 0 else line_end]
    name = _GLUED_ROW_AFTER.match(line)
    if not name or re.search(r"[，。；：:,;！？]", line):
        return False
    j = name.end() - 1
    return len(_value_runs(line[j:_run_end(line, j, len(line))])) >= 2


def _alone_in_cell(text: str, s: int, e: int) -> bool:
    """Whether a match stands alone in its cell (separators or a line's ends around it), as a level cell does."""
    return (s == 0 or bool(_SEP_BEFORE.search(text[max(0, s - 2):s]))) and bool(_SEP_AFTER.match(text[e:e + 12]))


_SEP_BEFORE = re.compile(r"(?:^|[|｜\n\t]|\s{2,})\s*$")
_SEP_AFTER = re.compile(r"^\s*(?:[(（][^)）]{0,6}[)）])?\s*(?:$|[|｜\n\t]|\s{2,})")


def _clusters(hits: list, gap: int, text: str | None = None) -> list[list]:
    """Runs of matches (start, end, …) in text order, each at most ``gap`` characters after the one before, or
    (given the ``text``) on the next line with only white space between (a header on two lines, wide apart)."""
    out: list[list] = []
    for h in hits:
        end = max(x[1] for x in out[-1]) if out else 0  # (a head stacked over lines ends below the ones after it)
        between = text[end:h[0]] if text is not None and out else ""
        if out and (h[0] - end <= gap or between.count("\n") == 1 and not between.strip()):
            out[-1].append(h)
        else:
            out.append([h])
    return out


def body_start(text: str, table: Table) -> int:
    """Where a table's body begins: after its header's last cell (a header word may carry a note)."""
    if table.header_end <= table.start:
        return table.start
    if table.style == "glued":  # 得分年度资金总额2456.18: right after the last head and its note (执行率(%))
        note = _GLUED_HEAD_NOTE.match(text, table.header_end)
        return note.end() if note else table.header_end
    end_re = _HEADER_CELL_END.get(table.style or "spaces", _HEADER_CELL_END["spaces"])
    m = end_re.search(text, table.header_end, table.end)
    return m.start() if m else table.header_end


def body_end(text: str, table: Table) -> int:
    """Where a table's body ends: at a closing block (偏差大, 总分 … for performance tables; 年度总体目标,
    一级指标 … for fund tables) or at a cell that is prose, else at ``table.end``."""
    start = body_start(text, table)
    end = table.end
    if table.kind == "fund":
        stop = _fund_stop_spaced_re().search(text, start, table.end)
        end = stop.start() if stop else table.end
    if table.kind == "fund" and table.style == "pipe":
        end = _next_header_line(text, start, end)  # 补助类别 | 补助人数（人）| …: the head of the next table
    caption = _FORM_CAPTION.search(text, start, end)  # 单位：人 on a line of its own: the next table's caption …
    if caption and re.search(r"\d", text[start:caption.start()]):  # … once rows were read (not its own, under its header)
        end = caption.start()
    cell_re = _CELL_TEXT_ONE_LINE if table.style == "one_line" else \
        _CELL_TEXT_GLUED if table.style == "glued" and table.kind == "fund" else _CELL_TEXT
    for m in cell_re.finditer(text, start, end):
        cell = m.group(0).strip()
        if len(cell) > grid.MAX_CELL and table.style != "glued" or table.kind == "fund" and _is_prose(cell) \
                or table.kind == "fund" and _is_list_item(cell) \
                or table.kind == "fund" and _fund_end_re().match(cell) and not _values_after(text, m.end()) \
                or cell_re is _CELL_TEXT_GLUED and _SENTENCE_MARK.search(cell) \
                or table.kind == "performance" and _stop_cell_re().match(cell):
            at = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            return at + _leading_fund_labels(text[at:m.end()]) if cell_re is _CELL_TEXT_GLUED else at
    return end


def _leading_fund_labels(cell: str) -> int:
    """How much of a glued fund table's closing text is fund row labels without amounts (地方資金其他資金 before
    資金管理情況): they are rows of the table still, two of them or more (其他资金已全部到位。 is a sentence)."""
    view = view_of(cell)
    labels = re.match(rf"(?:{_fund_row_re().pattern}){{2,}}", view.norm)
    return view.span(0, labels.end())[1] if labels else 0


_CELL_TEXT = re.compile(r"[^\n|｜\t]+")
#: a line that opens with a unit caption (单位：人, 金额单位：元): a table's caption, no row of the table above it
_FORM_CAPTION = re.compile(r"(?m)^[ \t]*(?:金额)?单\s*位\s*[:：]")
_CELL_TEXT_ONE_LINE = re.compile(r"\S+")
#: a text cell of a glued fund table with these marks is prose (a row label has none)
_SENTENCE_MARK = re.compile(r"[。；;，,“”]")
#: the text cells of a glued fund table: what stands between its numbers (a comma or point between digits is
#: part of a number: 1,234,567.89)
_CELL_TEXT_GLUED = re.compile(r"(?:[^\n|｜\t\d%％.,]|(?<!\d)[.,]|[.,](?!\d))+")
#: a cell ending in 。 with this many Han characters is a sentence of prose
PROSE_SENTENCE = 15


def _is_prose(cell: str) -> bool:
    """A cell that is prose, not a table cell: very long, or a whole sentence."""
    return len(cell) > grid.MAX_CELL or cell.endswith("。") and len(_HAN.findall(cell)) >= PROSE_SENTENCE


_HAN = re.compile(r"[\u4e00-\u9fff]")


def _unit_row(text: str, table: Table) -> str | None:
    """The money unit of a row of units right under a fund table's heads (| | 万元 | 万元 | 万元 | %|): one unit
    for every amount column, each cell a unit or empty."""
    start = text.find("\n", table.header_end)
    if start < 0:
        return None
    end = text.find("\n", start + 1)
    cells = [c.strip() for c in re.split(r"[|\t]|\s{2,}| ", text[start + 1:len(text) if end < 0 else end]) if c.strip()]
    units = [c for c in cells if c in lexicon().caption]
    if not units or len(set(units)) != 1 or any(c not in lexicon().caption and c not in ("%", "％") for c in cells):
        return None
    return table_words()["captions"]["spelling"].get(units[0], units[0])


def _unit_under(text: str, table: Table, tables: list[Table], captions: list[tuple[int, str, int]]) -> str | None:
    """The money unit a caption right under a fund table states (注：金额单位为万元; 单位：万元 on the next line),
    when no other table follows it closely (then the caption is that table's)."""
    nxt = min((t.start for t in tables if t.start >= table.end and t is not table), default=len(text) + NEXT_TABLE_GAP + 1)
    for pos, unit, _ in captions:
        line_start = text.rfind("\n", 0, pos) + 1
        note = _NOTE_OPENING.match(text, line_start, pos)  # 注：单位为万元: a note, of the table above whatever follows
        note = note if note and not _NOTE_BELOW.search(text, line_start, pos) else None  # 注：以下金额单位：元: the next's
        if not (table.header_end <= pos <= table.end + CAPTION_UNDER) or nxt - pos <= NEXT_TABLE_GAP and not note \
                or not _money_unit(unit):
            continue
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        # on a line of its own, after the last row (注：金额单位为万元。 read into the body, or under it)
        if not re.search(r"\d", text[line_start:pos]) and not re.search(r"\d", text[line_end:max(line_end, table.end)]):
            return unit
    return None


#: a note about what follows it (以下, 下表)
_NOTE_BELOW = re.compile(r"以下|下表|下列|如下")
#: what opens a note under a table (注：, 备注:, 说明：)
_NOTE_OPENING = re.compile(r"[ \t|]*(?:注|备注|说明)\s*\d?\s*[:：.、]")
#: how far under a fund table a caption may state its unit, and how far the next table must start after it
CAPTION_UNDER = 40
NEXT_TABLE_GAP = 120


def _values_after(text: str, i: int) -> bool:
    """Whether the line goes on after ``i`` with a number, or the next line opens with one (一、财政拨款 | 120 | 112,
    一、财政拨款 / 120: a numbered row, no heading)."""
    e = text.find("\n", i)
    rest = text[i:len(text) if e < 0 else e]
    if rest.strip(" \t|｜"):
        return bool(re.search(r"\d", rest))
    return e >= 0 and bool(re.match(r"[ \t|｜\n]*\d", text[e + 1:e + 40]))


def _next_header_line(text: str, start: int, end: int) -> int:
    """Where a line of separated cells that are all words (three or more, each of two Han characters or more:
    the head of another table, not a row of empty marks 其他资金 | / | /) follows a row with a number, between
    ``start`` and ``end``; else ``end``."""
    seen_row, pos = False, start
    for line in text[start:end].splitlines(keepends=True):
        cells = [c.strip() for c in re.split(r"[|｜\t]", line) if c.strip()]
        if seen_row and len(cells) >= NEXT_HEAD_CELLS and all(len(_HAN.findall(c)) >= 2 and not re.search(r"\d", c)
                                                              for c in cells):
            return pos
        seen_row = seen_row or bool(re.search(r"\d", line))
        pos += len(line)
    return end


#: a line of this many word cells after a fund table's rows begins another table
NEXT_HEAD_CELLS = 3


def _is_list_item(cell: str) -> bool:
    """A cell that closes as a clause or a sentence does and opens with a list number (.新建防火通道15公里；,
    1、购置设备30台。) or is long: an item of a goal's list or prose, no fund row's label (a short note,
    结余资金已上缴；, is a cell)."""
    han = len(_HAN.findall(cell))
    return cell[-1:] in _CLAUSE_END and han >= LIST_ITEM_HAN and (bool(_LIST_MARK.match(cell)) or han >= PROSE_SENTENCE)


#: what opens an item of a list: a number and its mark, or the mark alone (the number on the line before)
_LIST_MARK = re.compile(r"(?:\d{1,2}\s*[.、．]|[.、．]|[（(]\d{1,2}[)）])")


_CLAUSE_END = ("。", "；", ";")
#: a clause that ends a fund table holds at least this many Han characters
LIST_ITEM_HAN = 4


@lru_cache(maxsize=1)
def _caption_re() -> re.Pattern[str]:
    return re.compile(table_words()["captions"]["pattern"])


def find_captions(text: str, view: TextView | None = None) -> list[tuple[int, str, int]]:
    """Every caption that states a unit for bare amounts (（万元）, 单位：元, 單位:萬元), as (offset, unit, reach),
    matched in the normalized view: a unit stated for the form (单位：万元) holds further than a bracket."""
    view = view or view_of(text)
    words = table_words()["captions"]
    out = []
    for m in _caption_re().finditer(view.norm):
        unit = re.sub(r"\s+", "", m.group(1) or m.group(2) or m.group(3))
        # 单位：万元, also in brackets (自评表（单位：万元）): stated for the form; a bare bracket (（万元）) for its table
        reach = int(words["form_reach"]) if m.group(1) or m.group(3) or "单位" in m.group(0) else 0
        out.append((view.span(m.start(), m.end())[0], words["spelling"].get(unit, unit), reach))
    return out


@lru_cache(maxsize=1)
def _points_re() -> re.Pattern[str]:
    return re.compile(table_words()["captions"]["points"])


def caption_points(text: str, start: int, until: int) -> Cell | None:
    """The points a fund table's caption gives it (``(20分)`` in 预算执行情况(万元)(20分)), in the text before
    its first number; None where the caption gives none or the table has a 分值 column of its own."""
    found = None
    for m in _points_re().finditer(text, max(0, start - CAPTION_WINDOW), until):
        g = 1 if m.group(1) else 2
        if not re.match(r"\s*[*×xX]", text[m.end(g):m.end(g) + 2]):  # not the scoring rule 得分(20分*执行率)
            found = Cell(m.start(g), m.end(g), m.group(g))
    return found


def unit_before(captions: list[tuple[int, str, int]], pos: int, window: int = 200, until: int | None = None,
                form: bool = True) -> str | None:
    """The unit of the last caption before ``until`` (default ``pos``) that reaches ``pos``: within ``window``
    characters, or (``form``) within its own reach for a unit stated for the whole form."""
    hi = pos if until is None else until
    found = None
    for at, unit, reach in captions:
        if at >= hi:
            break
        if pos - max(window, reach if form else 0) <= at:
            found = unit
    return found if _money_unit(found) else None  # 单位：人 ends an earlier 万元's reach


def _money_unit(unit: str | None) -> bool:
    """Whether a caption's unit is one of amounts (units.toml [caption]; 单位：人 states none)."""
    return bool(unit) and unit in lexicon().caption


@lru_cache(maxsize=1)
def _note_after_re() -> re.Pattern[str]:
    """A money unit noted right after a header word, spaces allowed before it: 年度指标值 （万元）, 预算数/万元 (the
    unit as group 1 or 2)."""
    alt = "|".join(map(re.escape, sorted(lexicon().caption, key=len, reverse=True)))
    return re.compile(rf"[ \t]*(?:{money_note_re().pattern}|[/／][ \t]*({alt})(?![\u4e00-\u9fff]))")


@lru_cache(maxsize=1)
def money_note_re() -> re.Pattern[str]:
    """A money unit noted in brackets (（万元）, (元)): the units of units.toml [caption], the unit as group 1."""
    alt = "|".join(map(re.escape, sorted(lexicon().caption, key=len, reverse=True)))
    return re.compile(rf"[(（]\s*({alt})\s*[)）]")


def unit_inside(captions: list[tuple[int, str, int]], start: int, end: int, text: str | None = None) -> str | None:
    """The unit of the first caption inside a table's span (a form's row-spanning cell 项目资金(元) that the
    flattening wrote after the table's first rows); not a row label's own unit (差旅费（元）), when ``text``
    is given: a table's caption stands alone in its cell or names the table's funds (项目资金, 金额)."""
    for at, unit, _ in captions:
        if start <= at < end and _money_unit(unit):
            if text is None or _OWN_CAPTION.search(text[max(0, at - 6):at]):
                return unit
    return None


#: what stands before a table's own caption: a cell's start, or a word naming the table's funds
_OWN_CAPTION = re.compile(r"(?:^|[|｜\n\t]|资金|金额|预算|情况|来源|申请)\s*$")


# -- fund tables -------------------------------------------------------------------

@lru_cache(maxsize=1)
def _fund_row_re() -> re.Pattern[str]:
    return re.compile(_FUND_LABEL.format(alts=_fund_label_alts()) + r"\s*[:：]?")


#: a fund row label, 其中: before it
_FUND_LABEL = r"(?:其中\s*[:：]\s*)?({alts})"


def _fund_label_alts() -> str:
    """The fund row labels of tables.toml as one alternation, longest first, spaces allowed inside."""
    w = table_words()["fund_rows"]
    return "|".join(loose(a, glossed=True) for a in sorted(w["total"] + w["other"], key=len, reverse=True))


_NUMBER = re.compile(r"(?<![\d.])-?\d+(?:,\d{3})*(?:\.\d+)?\s*[%％]?")


@lru_cache(maxsize=1)
def _fund_stop_re() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in table_words()["fund_rows"]["stop"]))


@lru_cache(maxsize=1)
def _fund_stop_spaced_re() -> re.Pattern[str]:
    """The stop words of :func:`_fund_stop_re` in the text as written, broken over lines in their cell
    (年度 / 总体 / 目标)."""
    return re.compile("|".join(r"[ \t\r\n\u3000]*".join(map(re.escape, w)) for w in table_words()["fund_rows"]["stop"]))


#: what goes on after a label word that is part of a longer word (three Han characters more)
_LONGER_WORD = re.compile(r"[\u4e00-\u9fff]{3}")

#: one number: no second decimal point, no % after more digits
_ONE_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?|\d{1,3}(?:\.\d+)?%")

#: how far past its label a fund row's cells may run when no other row label follows
FUND_ROW_REACH = 160


#: the numbers of a glued fund row: runs of digits, decimal points, % and commas, apart or not
#: a number of a fund row's run (its money unit kept), and the runs of them after the first, apart by spaces or the
#: dash or slash of an empty cell
_RUN_NUMBER = r"(?:[0-9.%,]*[0-9][0-9.%,]*(?:萬元|万元|萬|万|元)?)"
_RUN_TAIL = rf"(?:(?:[ \t]+|[ \t]*[-—/][ \t]*){_RUN_NUMBER}+)*"
_SPACED_RUNS = re.compile(rf"[ \t]*{_RUN_NUMBER}+{_RUN_TAIL}")
#: the rest of a glued run on the next line, where the line broke inside a number (299. / 2%, 2360000.002 /
#: 360000.00): digits or a point before the break, digits or % after it
_WRAPPED_RUN = re.compile(r"(?<=[0-9.])\n(?=[0-9%])[0-9.,%]*(?:萬元|万元|萬|万|元)?[0-9.,%]*(?![0-9、．)）])(?<![.,])"
                          rf"{_RUN_TAIL}(?:[ \t]*[-—/])*(?=[ \t]*(?:\n|$))")  # the rest of the run ends its line (no 2024年…, 1.财政拨款)
#: what stands between the numbers of a fund row's run: spaces, or the dash or slash of an empty cell
_RUN_GAPS = re.compile(r"[ \t]*[-—/][ \t]*|[ \t]+")


def fund_rows(text: str, table: Table, view: TextView | None = None) -> list[Row]:
    """Rows of a glued fund table: each row label (matched in the normalized view) and the run of numbers
    after it, cut into one number per column by :func:`extract.grid.split_glued_fund`."""
    view = view or view_of(text)
    roles = value_roles(table)
    rows: list[Row] = []
    a, b = view.at(table.header_end), view.at(table.end)
    labels = [m for m in _fund_row_re().finditer(view.norm, a, b) if not grid.in_note(view.norm, m.start())]
    for i, m in enumerate(labels):
        seg_end = labels[i + 1].start() if i + 1 < len(labels) else min(b, m.end() + FUND_ROW_REACH)
        stop = _fund_stop_re().search(view.norm, m.end(), seg_end)
        if stop:
            seg_end = stop.start()
        ls, le = view.span(m.start(1), m.end(1))
        row = Row(Cell(ls, le, text[ls:le]), line=grid.fund_line(text[ls:le]))
        run = _SPACED_RUNS.match(view.norm, m.end(), seg_end)
        pieces, pos = [], run.start() if run else m.end()
        for piece in (_RUN_GAPS.split(run.group(0).strip()) if run and run.group(0).strip() else []):
            k = view.norm.index(piece, pos)
            pieces.append((k, k + len(piece)))
            pos = k + len(piece)
        wrap = _WRAPPED_RUN.match(view.norm, pieces[-1][1], seg_end) if pieces else None
        if wrap and (view.norm[pieces[-1][1] - 1] == "." or re.search(r"[.%]", wrap.group(0))):  # 年度资金总额474.30470.5299. / 2%: the run wrapped onto the next line, read on there
            pieces[-1] = (pieces[-1][0], wrap.end())
        field = m.group(0).rstrip().endswith((":", "：")) and len(pieces) == 1 \
            and _ONE_NUMBER.fullmatch(view.norm, *pieces[0])  # 一般公共预算:2456.18, not 年度资金总额:390390100%
        if pieces and not field:  # cells glued (100120110-91.67%: between dashes too), cut by the header's columns
            a0, b0 = pieces[0][0], pieces[-1][1]
            at = [i for i in range(a0, b0) if view.norm[i] != "\n"]
            squeezed = "".join(view.norm[i] for i in at)
            placed = [(role, grid.Token(view.span(at[t.start], at[t.end - 1] + 1)[0],
                                        view.span(at[t.start], at[t.end - 1] + 1)[1], t.text, t.brk, t.kind, t.number))
                      for role, t in grid.split_glued_fund(squeezed, roles, 0, row.line == TOTAL_LINE)]
        else:  # numbers apart from each other, or one field's value (一般公共预算:2456.18): a cell each
            toks = [grid.Token(*view.span(a, b), text[view.span(a, b)[0]:view.span(a, b)[1]], 0) for a, b in pieces]
            for t in toks:
                grid.classify(t)
            placed = grid.best_fund_placement(toks, roles, total=row.line == TOTAL_LINE)[1] if len(toks) <= len(roles) else []
        for role, t in placed:
            row.cells.append((role, Cell(t.start, t.end, text[t.start:t.end])))
        rows.append(row)
    return rows


def glued_fund_rows(text: str, table: Table, view: TextView | None = None) -> list[Row]:
    """The rows of a glued fund table: those of its labels in tables.toml (:func:`fund_rows`), or, where the
    labels are names of their own, one row per name (:func:`labelled_fund_rows`) when that reads more rows and
    every row the labels read alike; the labelled rows without numbers (其他资金) are kept."""
    known = fund_rows(text, table, view)
    named = labelled_fund_rows(text, table)
    read = {_cell_spans(r) for r in named}
    if sum(bool(r.cells) for r in named) <= sum(bool(r.cells) for r in known) \
            or any(_cell_spans(r) not in read for r in known if r.cells):
        return known
    lines = {r.line for r in named}
    empty = [r for r in known if not r.cells and r.label is not None and r.line not in lines]
    return sorted(named + empty, key=lambda r: r.label.start if r.label else r.cells[0][1].start)


def _cell_spans(row: Row) -> tuple[tuple[int, int], ...]:
    return tuple((c.start, c.end) for _, c in row.cells)


#: a run of glued numbers in a fund table's body
_GLUED_RUN = re.compile(r"\d[\d.,%]*")
#: the longest label a glued fund row may have (longer text is prose)
MAX_FUND_LABEL = 30


def labelled_fund_rows(text: str, table: Table) -> list[Row]:
    """Rows of a glued fund table whose row labels are names of their own (省射击运动管理中心120111.4092.83%,
    one recipient per row), not the fund row labels of tables.toml: each label is the text before a run of
    glued numbers, the run cut into the columns by :func:`extract.grid.split_glued_fund`. Where the header
    has a row index column (序号), the row numbers glued to the end of the run before are passed over: the
    next row's number follows the last one (a subtotal row has none)."""
    roles = value_roles(table)
    start = table.header_end
    indexed = any(w in text[max(0, table.start - CAPTION_AFTER):start] for w in table_words()["fund_rows"]["index_rows"])
    runs = [(m.start(), m.end()) for m in _GLUED_RUN.finditer(text, start, table.end)]
    rows: list[Row] = []
    seq: int | None = None
    prev_end = start
    for n, (a, b) in enumerate(runs):
        label = text[prev_end:a].strip().lstrip("、.．")  # 2、: the line's list number, no row number
        prev_end = b
        if unit_after_number().match(label):
            return []  # 300万元: the numbers carry their units, the words between them are no row names
        if len(_HAN.findall(label)) < 2:
            if not label and indexed and b - a <= 3 and text[a:b].isdigit() and text[b:b + 1] not in "、.．":
                seq = int(text[a:b])  # a row's number written apart from the run before
            continue
        if len(label) > MAX_FUND_LABEL or _is_prose(label) or _SENTENCE_MARK.search(label):
            break
        if label[-1] in ".．":
            continue  # .32.06.5: a number lost its first digits, the run cannot be cut
        run_end = b
        nxt = str(seq + 1) if seq is not None else None
        if indexed and nxt and n + 1 < len(runs) and text[a:b].endswith(nxt) and b - a > len(nxt):
            run_end, seq = b - len(nxt), seq + 1  # the next row's number glued to this row's run
        ls = text.rfind(label, start, a)
        row = Row(Cell(ls, ls + len(label), label), line=grid.fund_line(label))
        placed = grid.split_glued_fund(text[a:run_end], roles, a, row.line == TOTAL_LINE)
        if len(placed) < min(2, len(roles)):
            break  # one number after a name: no row of this table
        row.cells += [(role, Cell(t.start, t.end, text[t.start:t.end])) for role, t in placed]
        rows.append(row)
    return rows


# -- performance tables --------------------------------------------------------------

def row_slots(header: Table) -> list[str]:
    """The roles of the columns after the name column, in order."""
    roles = header.roles()
    after = roles[roles.index("name") + 1:] if "name" in roles else roles
    return [r for r in after if r in ("target", "actual", "weight", "score", "unit", "cmp", "other", *NO_SLOT)]


#: a note written after a header word: (A), (B/A), （万元）
_NOTE = re.compile(r"[(（][^()（）\n|]{0,12}[)）]|[/／][ \t]*(?:万元|元|亿元|千元)(?![\u4e00-\u9fff])")  # (万元), /万元




@lru_cache(maxsize=1)
def _fund_end_re() -> re.Pattern[str]:
    """A cell that ends a fund table: a numbered section heading."""
    return re.compile("|".join(table_words()["fund_rows"]["end_patterns"]))


@lru_cache(maxsize=1)
def _stop_cell_re() -> re.Pattern[str]:
    """A cell that ends a performance table: a closing block (偏差大, 总分, 备注 …) or a numbered heading."""
    words = table_words()["performance_end"]
    return re.compile(r"^(?:" + "|".join(re.escape(w) for w in words["words"]) + "|" + "|".join(words["patterns"]) + ")")



def separator_style(text: str, header: Table) -> str:
    """How the header's cells are separated: pipe, lines, spaces, one_line or glued (a table without header
    words: glued when a number follows its first row label directly, else read line by line)."""
    if header.header_end <= header.start:
        if header.kind == "performance" and _opens_spaced_row(text, header.start):
            return "one_line"  # 产出指标 数量指标 指标1:修缮建筑数量 6000平方米 6000平方米 7 7
        label = _fund_label_at(text, header.start)  # (its label's end, and where what follows it starts)
        if label and re.fullmatch(r" ?(?:[^ \t|\n]+ )+[^ \t|\n]+", _rest_of_line(text, label[0]).strip()):
            return "one_line"  # 年度资金总额 29 29 27.8 9 0.958 8: cells one space apart
        after = text[label[1]:label[1] + 1] if label and not any(c.isspace() for c in text[label[0]:label[1]]) else ""
        return "glued" if after and after in _DIGITS else "lines"  # (年度资金总额 / 50 / 10: a cell per line)
    gaps = [_NOTE.sub("", text[a.end:b.start]) for a, b in zip(header.columns, header.columns[1:]) if a.role != "label"]
    if not gaps:  # one column beside the labels (支出内容 | 实际支出数 | 备注): what stands around its word
        first, last = header.columns[-1].start, header.columns[-1].end
        gaps = [text[max(0, first - 2):first].lstrip(), _NOTE.sub("", _AFTER_LAST_HEAD.match(text, last).group(0))]
    wrapped = [g for g in gaps if "\n" in g]
    last = header.columns[-1].end
    eol = text.find("\n", last) % (len(text) + 1)
    if wrapped and len(gaps) - len(wrapped) >= 2 * len(wrapped) \
            and (text[last:eol].strip() or grid.wrapped_at_width(text, header.start, last)):
        # a header line wrapped once, the body going on after it on its last line, or a table re-wrapped at a fixed
        # width (its line breaks fall anywhere): its words apart as the others are
        gaps = [g for g in gaps if "\n" not in g]
    joined = "".join(gaps)
    if "|" in joined:
        return "pipe"
    if "\n" in joined:
        return "lines"
    if "\t" in joined or any(re.search(r" {2,}|\u3000", g) for g in gaps):
        return "spaces"
    if any(g.strip() == "" and g for g in gaps):
        return "one_line"
    return "glued"


#: what separates a header's last word from the next cell
_AFTER_LAST_HEAD = re.compile(rf"(?:{GLOSS_BODY})?[ \t\u3000]*(?:[|\n][ \t\u3000]*)?")


def _glued_amounts_at(text: str, pos: int) -> bool:
    """Whether a run of two glued numbers or more follows at ``pos`` (年度资金总额194.9194.9100%)."""
    run = _GLUED_BODY_RUN.match(text, pos)
    return run is not None and sum(run.group(0).count(c) for c in ".%") >= 2


def body_glued(text: str, header: Table) -> bool:
    """Whether a fund table's rows are glued under a header that is not (年初预算数 全年预算数 … above
    年度资金总额1001201101091.67%9.17): its first row label followed at once by a long run of numbers."""
    m = _fund_row_re().search(text, header.header_end, min(len(text), header.header_end + CAPTION_AFTER))
    run = _GLUED_BODY_RUN.match(text, m.end(1)) if m else None  # right after the label: no space, no colon
    if not run:
        return False
    glued = run.group(0).rstrip(",")
    # two numbers at least: 110 | 91.67%, or a rate with a number after it (56565610100%10: … | 100% | 10)
    return sum(glued.count(c) for c in ".%") >= 2 or "%" in glued[:-1]


def rows_glued(text: str, header: Table) -> bool:
    """Whether a performance table's rows are glued under a header that is not (一级指标 二级指标 … above
    产出指标数量指标培训农民人数≥1200人次1350人次88): its first body line holds no separator, a level name
    glued to what follows, and two values or more."""
    start = body_start(text, header)
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    line = text[start:end if end >= 0 else len(text)].strip()
    if len(line) < _GLUED_ROW_MIN or re.search(r"[\s|｜]", line):
        return False
    level = level_re_().match(line)
    if header.header_end <= header.start and not level:  # a table going on without header: its first row's levels
        return _glued_row_after(text, start)            # were on the page before
    return bool(level) and level.end() < len(line) and len(_value_runs_in(line)) >= 2


def lines_glued(text: str, table: Table, lines: int = 6) -> bool:
    """Whether the first ``lines`` lines of a table found without its header are glued rows, most of them: no
    cell separator (a bar, a tab, two spaces, a space between two values), a name glued to a value, two values or
    more (质量 指标县级储备粮管理制 度严格执行率100%100%: spaces of the PDF's wrapping inside the words)."""
    body = [ln.strip() for ln in text[table.start:table.end].split("\n") if ln.strip()][:lines]
    glued = [ln for ln in body if not _CELL_GAP.search(ln) and _NAME_THEN_VALUE.search(ln) and len(_value_runs_in(ln)) >= 2]
    return len(glued) >= 2 and 2 * len(glued) > len(body)


#: a cell separator in a line: a bar, a tab, two spaces, or a space between two values
_CELL_GAP = re.compile(r"[|｜\t]| {2,}|[\d%％] +[\d≥≤<>＜＞]")
#: a name glued to its first value
_NAME_THEN_VALUE = re.compile(r"[\u4e00-\u9fff][0-9≥≤＞＜]")


def _value_runs_in(line: str) -> list[str]:
    """The runs of digits in a line (each a value or several glued)."""
    return re.findall(r"\d+(?:\.\d+)?", line)


#: a glued first row is at least this long (levels, name, values)
_GLUED_ROW_MIN = 16
#: a run of glued numbers after a fund row label: eight characters or more of digits, points and %
_GLUED_BODY_RUN = re.compile(r"[0-9][0-9.,%]{7,}")


def _cell(text: str, a: int, b: int) -> Cell:
    seg = text[a:b]
    lead = len(seg) - len(seg.lstrip())
    core = seg.strip()
    return Cell(a + lead, a + lead + len(core), core)


# -- glued rows -----------------------------------------------------------------------

_CMP_CHARS = "≥≤≧≦><=＞＜═＝"
#: an empty cell written as a dash or a slash, glued between a name and its run
_DASH_CELL = ("/", "／", "—", "-", "－")
#: what a row label leaves before a glued name (指标1：)
_LABEL_MARKS = ":：、.．"
#: what may stand between a number and its unit: 300余人次, 20多个
_ABOUT = ("余", "多")
_DIGITS = "0123456789.．０１２３４５６７８９"


def _unit_at(text: str, i: int) -> int:
    """Length of the unit written at ``text[i:]`` (%, money unit, measure word with its magnitude), 0 if none;
    a classifier takes the noun after it where a value or the end follows (35个村36个村: 个村)."""
    m = unit_after_number().match(text, i)
    if not m:
        return 0
    noun = _unit_noun_re().match(text, m.end()) if text[m.end() - 1:m.end()] in _CLASSIFIERS else None
    return (noun or m).end() - i


#: measure words that may take a noun of what is counted (个村, 所学校)
_CLASSIFIERS = "个所家"


@lru_cache(maxsize=1)
def _unit_noun_re() -> re.Pattern[str]:
    """A noun of what is counted after a classifier (layout.toml [glued] unit_nouns), a value or the end next."""
    nouns = sorted(_SPLIT_SCORES["unit_nouns"], key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, nouns)) + ")(?=$|\\s|[" + re.escape(_DIGITS + _CMP_CHARS) + "])")


def _value_runs(run: str) -> list[tuple[int, int, int]]:
    """(start, digits_end, end) of each comparator+number+unit group in a glued run (spaces and line
    breaks between groups are no part of any group: a page break inside a glued row). A comparator is
    a sign (≥) or a word before (不低于) or after the unit (以上, 以内)."""
    out, i = [], 0
    while i < len(run):
        gap = _RUN_BREAK.match(run, i)
        i = gap.end() if gap else i
        s = i
        word = _cmp_before_re().match(run, i)
        i = word.end() if word else i
        while i < len(run) and run[i] in _CMP_CHARS:
            i += 1
        d = i
        while i < len(run) and run[i] in _DIGITS:
            i += 1
        if i == d:
            return out
        de = i
        if run[i:i + 1] in _ABOUT and _unit_at(run, i + 1):
            i += 1  # 300余人次: 余 or 多 between the number and its unit
        i += _spaced_unit(run, i) or _unit_at(run, i)  # 103 %, 26.31 公里
        i = _range_end(run, d, de, i)
        after = _cmp_after_re().match(run, i)
        i = after.end() if after else i
        out.append((s, de, i))
    return out


def value_groups(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The values written inside a cell of words (暂定量按15次作业且总航时不少于30小时测算 → 15次, 不少于30小时):
    each comparator (sign or word) + number + unit group, with the unit the lexicon knows; bare numbers left out."""
    out, i = [], start
    while i < end:
        if _starts_value(text, i) and (i == start or text[i - 1] not in _DIGITS):
            groups = _value_runs(text[i:end])
            if groups:
                a, de, b = groups[0]
                if b > de and not is_date(text[i + a:i + b]):  # a unit written: a value (not a bare number, not 2020年)
                    out.append((i + a, i + b))
                i += max(b, 1)
                continue
        i += 1
    return out


#: what joins the two ends of a range (95%-100%, 300～500元, 18℃至22℃)
_RANGE_MARKS = "-~～—至"


def _range_end(run: str, d: int, de: int, i: int) -> int:
    """Where a range that starts with the number ``run[d:de]`` (unit up to ``i``) ends: after a range mark, a
    larger number in the same unit, or with a unit where the first had none (300-500元); else ``i``."""
    if run[i:i + 1] not in _RANGE_MARKS:
        return i
    j = i + 1
    while j < len(run) and run[j] in _DIGITS:
        j += 1
    if j == i + 1:
        return i
    unit = run[de:i]
    n = _unit_at(run, j)
    if run[j:j + n] != unit and unit or not n and not unit:
        return i  # 95%-1010: a dash for an empty cell, then the points
    low, high = _number(run[d:de]), _number(run[i + 1:j])
    return j + n if low is not None and high is not None and high > low else i


def _spaced_unit(text: str, i: int) -> int:
    """Length of a unit written after one space (``103 %``, ``26.31 公里``), 0 if none."""
    if text[i:i + 1] != " ":
        return 0
    n = _unit_at(text, i + 1)
    return n + 1 if n else 0


def _starts_value(text: str, j: int) -> bool:
    """Whether a value starts at ``text[j]``: a digit, a comparator sign or a comparator word before a number."""
    return text[j] in _DIGITS or text[j] in _CMP_CHARS or bool(_cmp_before_re().match(text, j))


def _next_value(text: str, a: int, b: int, default: int | None = None) -> int | None:
    """Where the first value in ``text[a:b]`` starts (:func:`_starts_value`), ``default`` if none does."""
    return next((x for x in range(a, b) if _starts_value(text, x)), default)


@lru_cache(maxsize=4096)
def _unit_of(piece: str) -> str:
    """The unit written in one glued value (``不低于38287亩`` → 亩, ``85%以上`` → %)."""
    word = _cmp_before_re().match(piece)
    core = piece[word.end():] if word else piece
    core = re.split(f"[{_RANGE_MARKS}](?=[{_DIGITS}])", core)[-1]  # 95%-100%, 300-500元: a range's unit is its end's
    core = core.lstrip(_CMP_CHARS).lstrip(_DIGITS).strip()
    core = core[1:] if core[:1] in _ABOUT else core  # 300余人次: its unit is 人次
    after = _cmp_after_re().search(core)
    return core[:after.start()] if after and after.end() == len(core) else core


@lru_cache(maxsize=1)
def _cmp_before_re() -> re.Pattern[str]:
    """A comparator word written before a number (不低于, 不少于, 大于等于), a number right after it."""
    words = [w for w in lexicon().comparators_before if _HAN.search(w)]
    return re.compile("(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?=\d)")


@lru_cache(maxsize=1)
def _cmp_after_re() -> re.Pattern[str]:
    """A comparator word written after a value (以上, 以内, 及以上)."""
    words = [w for w in lexicon().comparators_after if _HAN.search(w)]
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _pieces(run: str, groups: list[tuple[int, int, int]], most: int) -> list[list[tuple[int, int]]]:
    """Every way of cutting the groups of a glued run into at most ``most`` cells: a number may hide cell
    boundaries (``901010010`` = 90 | 10 | 100 | 10); no cell starts with a needless 0 or at a decimal point."""
    def ok(a: int, b: int) -> bool:
        word = _cmp_before_re().match(run, a, b)
        digits = run[word.end() if word else a:b].lstrip(_CMP_CHARS)
        return bool(digits) and digits[0] != "." and not (len(digits) > 1 and digits[0] == "0" and digits[1] in _DIGITS[:10])

    def cut_group(a: int, de: int, e: int, room: int) -> list[list[tuple[int, int]]]:
        first = a + next((n for n, c in enumerate(run[a:de]) if c in "0123456789"), 0)
        out = [[(a, e)]] if ok(a, e) else []
        if room > 1:
            for c in range(first + 1, de):
                if run[c - 1] != "." and run[c] != "." and ok(a, c):
                    out += [[(a, c), *rest] for rest in cut_group(c, de, e, room - 1)]
        return out

    def walk(k: int, room: int) -> list[list[tuple[int, int]]]:
        if k == len(groups):
            return [[]]
        out = []
        for head in cut_group(*groups[k], room - (len(groups) - k - 1)):
            out += [head + rest for rest in walk(k + 1, room - len(head))]
        return out

    return walk(0, most) if len(groups) <= most else []


def _plausibility(run: str, cells: dict[str, tuple[int, int]], cuts: float, missing: float) -> float | None:
    """How plausible one reading of a glued run is (None: impossible). A weight is 1 to 100 points and
    a score at most its weight, points carry no unit but 分, target and actual share their unit; a score
    equal to its weight and an actual near its target are likely; every cut inside a number and every
    column left empty costs."""
    w = _SPLIT_SCORES

    def unit(span: tuple[int, int]) -> str:
        return _unit_of(run[span[0]:span[1]])

    nums = {role: _number(run[a:b]) for role, (a, b) in cells.items()}
    if any(v is None for v in nums.values()):
        return None
    for role in ("weight", "score"):
        if role in cells and (unit(cells[role]) not in ("", "分") or not run[cells[role][0]].isdigit()
                              or nums[role] > w["max_points"]):
            return None
    if "weight" in cells and (nums["weight"] == 0 or "score" in cells and nums["score"] > nums["weight"]):
        return None
    money = lexicon().money
    scale = {role: money.get(unit(span), 1.0) for role, span in cells.items()}  # 1.2亿元 | 11800万元: in 元
    score = -w["cut"] * cuts - missing
    if "target" in cells and "actual" in cells:
        ut, ua = unit(cells["target"]), unit(cells["actual"])
        if ut and ua and ut != ua and not (ut in money and ua in money):
            score -= w["unit_differs"]  # 3所 | 100%: an actual stated as the share done
    if "target" in cells and "actual" in cells and bool(unit(cells["target"])) != bool(unit(cells["actual"])) \
            and 0 not in (nums["target"], nums["actual"]):  # a zero is often written bare (3% | 0)
        score -= w["unit_once"]
    if "weight" in cells and "score" in cells and nums["score"] == nums["weight"]:
        score += w["score_is_weight"]
    if "target" in cells and "actual" in cells:
        t, a = nums["target"] * scale["target"], nums["actual"] * scale["actual"]
        if not unit(cells["actual"]):
            t = nums["target"]  # ≤1万元 | 0.98: a bare actual is written in the target's unit
        if t == a or t and w["near_ratio"][0] <= a / t <= w["near_ratio"][1]:
            score += w["actual_near_target"]
    return score


def split_glued(run: str, roles: list[str]) -> list[tuple[str, int, int]] | None:
    """Split a glued run of values (``105台5台10``) into one value per role, by plausibility.

    Digit strings may hide cell boundaries (``105台`` = weight 10 + target 5台). Every way of cutting
    them is tried, and every choice of the columns a row fills (in the header's order, a target or an
    actual among them); the most plausible reading wins (:func:`_plausibility`), None when none reaches
    the floor of ``[glued]``.
    """
    best = best_split(run, roles)
    return best[1] if best else None


def best_split(run: str, roles: list[str]) -> tuple[float, list[tuple[str, int, int]]] | None:
    """The most plausible reading of a glued run with its plausibility (see :func:`split_glued`)."""
    best: tuple[float, list[tuple[str, int, int]]] | None = None
    for got in _readings(run, roles):
        if best is None or got[0] > best[0]:
            best = got
    return best


def _readings(run: str, roles: list[str]) -> list[tuple[float, list[tuple[str, int, int]]]]:
    """Every plausible reading of a glued run (see :func:`split_glued`) with its plausibility, in the order
    they are tried."""
    groups = _value_runs(run)
    if not groups:
        return []
    out: list[tuple[float, list[tuple[str, int, int]]]] = []
    for pieces in _pieces(run, groups, len(roles)):
        if len(pieces) < min(2, len(roles)):
            continue
        cuts = len(pieces) - len(groups)
        starts = {a for a, _, _ in groups}
        # a cell cut off a number that starts with 0 (100% read as 1 | 0 | 0%): a number seldom does, but a
        # score of 0 ends a run (≥95%80%100: 10 | 0)
        cuts += _SPLIT_SCORES["zero_cut"] * sum(1 for a, b in pieces if a not in starts and run[a] == "0"
                                                and not (b - a == 1 and b == pieces[-1][1]))
        for chosen in combinations(roles, len(pieces)):
            if ("target" in roles or "actual" in roles) and "target" not in chosen and "actual" not in chosen:
                continue
            cells = dict(zip(chosen, pieces))
            left = list(roles)
            for role in chosen:
                left.remove(role)
            missing = sum(_SPLIT_SCORES["missing"].get(r, 1.0) for r in left)
            score = _plausibility(run, cells, cuts, missing)
            if score is not None and score >= _SPLIT_SCORES["floor"]:
                out.append((score, [(role, a, b) for role, (a, b) in cells.items()]))
    return out


#: weights of the glued-run reading (data/layout.toml [glued])
_SPLIT_SCORES: dict[str, Any] = load_data("layout.toml")["glued"]


def glued_rows(text: str, header: Table) -> list[Row]:
    """Rows of a table whose cells are glued (:func:`_glued_rows`), read with the line breaks that a PDF's
    wrapping put inside a value taken out (:func:`unwrapped`); each cell at its offsets in ``text``."""
    body, origin = unwrapped(text, header.header_end, header.end, _numbered(header))
    if len(body) == header.end - header.header_end:
        return _glued_rows(text, header)
    joined = text[:header.header_end] + body

    def back(c: Cell) -> Cell:
        a = c.start if c.start < header.header_end else origin[c.start - header.header_end]
        b = c.end if c.end <= header.header_end else origin[c.end - 1 - header.header_end] + 1
        return Cell(a, b, text[a:b])

    rows = _glued_rows(joined, dataclasses.replace(header, end=len(joined)))
    return [dataclasses.replace(r, label=back(r.label) if r.label else None, cells=[(k, back(c)) for k, c in r.cells])
            for r in rows]


#: a line break inside a glued value: a number, comparator or point before it, and after it a digit, a % or a
#: unit that the run goes on after (320\n人次1010, ≥\n95%, 36.\n5公里; a numbered line's number taken out too)
_WRAP = re.compile(r"[ \t]*\n(?:\d{1,3}、)?[ \t]*")


def _numbered(header: Table) -> bool:
    """Whether a table's first column is its rows' numbers (序号): each row opens with its number."""
    return bool(header.columns) and header.columns[0].role == "index"


def unwrapped(text: str, start: int, end: int, indexed: bool = False) -> tuple[str, list[int]]:
    """``text[start:end]`` without the line breaks that wrap a value of a glued row, and for each character
    kept its offset in ``text``; ``indexed``: a number opening a line is a row's (序号), no value's rest."""
    out, origin, i = [], [], start
    for m in _WRAP.finditer(text, start, end):
        a, b = m.start(), m.end()
        before, after = text[a - 1:a] if a > start else "", text[b:b + 1]
        inside = before and (before in _DIGITS + _CMP_CHARS and after and after in _DIGITS
                             or before in _DIGITS and after in "%％"
                             or before in _DIGITS and (n := _unit_at(text, b)) and b + n < end
                             and (text[b + n] in _DIGITS or text[b + n] in _CMP_CHARS))
        if inside and not (m.group(0).strip() and after not in _DIGITS) and not _row_start(text, b, indexed) \
                and not _opens_name(text, b):
            out.append(text[i:a])
            origin.extend(range(i, a))
            i = b
    out.append(text[i:end])
    origin.extend(range(i, end))
    return "".join(out), origin


def _glued_rows(text: str, header: Table) -> list[Row]:
    """Rows of a table whose cells are glued: level names, a name, then a run of values.

    A row's unit and comparator cells, when the header has those columns, are read off the end of its
    name (``国家级公益林管护面积万亩2810810``: unit 万亩). A run that reads as no row after a bare row label
    (``指标1免费发放…``) belongs to the name; spaces and line breaks inside a run are page breaks.
    """
    roles = row_slots(header)
    indexed = _numbered(header)
    slots = [r for r in roles if r in ("target", "actual", "weight", "score", *NO_SLOT)]
    before = roles[:roles.index(slots[0])] if slots else []
    criteria_before = bool(before) and before[-1] == "other"  # 评分标准 | 分值 | …: a rule's cell before the values
    # a text column between value columns (分值 | 评价内容 | 得分): two runs, the text between them
    inner = [n for n in range(len(roles)) if roles[n] == "other" and slots
             and roles.index(slots[0]) < n < len(roles) - 1 - roles[::-1].index(slots[-1])]
    first = [r for r in roles[:inner[0]] if r in slots] if inner else slots
    rest = [r for r in roles[inner[0]:] if r in slots] if inner else []
    # a last column that asks a yes-no question (是否核心指标): its answer ends each row
    yes_no = bool(header.columns) and header.columns[-1].role == "other" \
        and bool(re.match(table_words()["names"]["yes_no_column"], header.columns[-1].word))
    # a text column after the values (偏差原因分析及改进措施): what a row's line holds after its run is that cell
    trailing = "other" in roles[len(roles) - 1 - roles[::-1].index(slots[-1]):] if slots else False
    head = _squash(text[header.start:header.header_end])
    rows: list[Row] = []
    levels = LevelTracker()
    widest = 0  # the widest line of a name so far: its column's width, where the PDF wraps a long name
    i, end = header.header_end, header.end
    note = _NOTE.match(text, i)  # 指标得分(分): the last header word's note
    i = note.end() if note else i
    header_rest = _header_rest(text, i, end, level_re_())
    level_re = _LevelOrName(level_re_())
    i = header_rest if header_rest is not None else i
    while i < end:
        skip = _line_to_skip(text, i, end, head)
        if skip:  # a page mark (— 3 —) or the header repeated on the next page: no part of a name
            i = skip
            continue
        m = level_re.match(text, i)
        if m:
            note = _NOTE.match(text, m.end())  # 产出指标(40分): the level's points
            i = note.end() if note else m.end()
            levels.see_name(m.group(0), bool(level_re.match(text, i)))
            continue
        start, j = i, i
        while True:
            while j < end and not _starts_value(text, j) and not _level_in_row(level_re, text, start, j, levels.level1):
                j += 1
            if j >= end or _level_in_row(level_re, text, start, j, levels.level1):
                break
            rule = _rule_value(text, j, end) if criteria_before and len(_HAN.findall(text[start:j])) >= 2 else None
            if rule:  # 工程验收合格率达到100%得满分: a value of the scoring rule's cell before the row's values
                j = rule.end()
                continue
            date = _date_re().match(text, j)
            if date and (len(_HAN.findall(text[start:j])) >= 2 or start == j and _HAN.match(text, date.end())):
                j = date.end()  # 2021年11月30日前完成资金支付, 12月底之前完成: a date inside or at the start of a name
                continue
            k = _run_end(text, j, end, indexed)
            if indexed:  # 序号 | …: the next row's number glued to this row's last value (…10 | 10 | 3产出指标)
                nxt = str(len(rows) + 2)
                if k - j > len(nxt) and text.endswith(nxt, j, k) and text[k - len(nxt) - 1] in _DIGITS + "%" \
                        and k < end and (level_re.match(text, k) or _HAN.match(text, k)):
                    k -= len(nxt)
            while start < j and text[start] in _LABEL_MARKS:
                start += 1  # 指标1 | ：培训人次: the row label's colon
            name = _cell(text, start, j)
            name = _without_wrapped_tail(text, name, rows[-1] if rows else None, widest)
            widest = max([widest, *(grid.display_width(x.strip()) for x in name.text.split("\n"))])
            name, extra = _name_tail(text, name, before)
            if "\n" in name.text and total_row_re().match(name.text[name.text.rfind("\n") + 1:].strip()):
                # 部分 / 岗位强度较大 / 总分2019: the reason cell's wrapped rest above, no part of the total row's name
                name = _cell(text, name.start + name.text.rfind("\n") + 1, name.end)
            if name.text[-1:] in _DASH_CELL and len(_HAN.findall(name.text)) >= 2:
                name = _cell(text, name.start, name.end - 1)  # 采购成本/186.4万元55: the first value column left empty
                row_first = first if "unit" in before or "cmp" in before else first[1:]  # (or the unit's: 完工率/100%)
            else:
                row_first = first
            total = bool(total_row_re().match(name.text))
            split = _best_run(text, j, k, row_first) if len(_HAN.findall(name.text)) >= 2 and not total else None
            if split is None and rest and "weight" in row_first and len(_HAN.findall(name.text)) >= 2 \
                    and _rule_words_from(text, k, end):  # 立项依据充分性4符合…得4分。4: points, no target or actual
                split = _best_run(text, j, k, ["weight"])
            if total:  # 总分10095 | 总分95: the form's points and the achieved total, or the total alone; no target
                split = _total_run(text, j, k, first)
            worded = _worded_values(text, name, first)
            if worded is None and criteria_before and extra and extra[-1][0] == "other":
                in_rule = _worded_values(text, extra[-1][1], first)  # 按期完成的得满分 | 及时 | 及时: the values in
                if in_rule:                                          # words after the rule's cell are no part of it
                    extra = extra[:-1] + [("other", in_rule[0])]
                    worded = (name, in_rule[1], in_rule[2])
            in_words = False
            if worded:  # 管理制度健全性高高 | 55: the target and actual written as words before the run
                short, said, left = worded
                got = _best_run(text, j, k, left)
                if got and (split is None or got[0] >= split[0]):
                    name, split, in_words = short, (got[0], got[1], said + got[2]), True
                    if not extra and "cmp" in before:  # 群众出行条件改善定性 | 改善 | 改善: the nature cell before the words
                        name, extra = _name_tail(text, name, ["cmp"])
            around = _worded_around(text, name, j, k, end, first, indexed) if not in_words else None
            if around and (split is None or around[1][0] >= split[0]):  # 水质改善25改善25: word, points, word, score
                (name, more), split, in_words = _name_tail(text, around[0], before), around[1], True
                extra = extra + more  # 农民技能水平定性 | 有效提升: the nature cell (定性) before the target
            named = len(_HAN.findall(name.text)) >= 2
            said = _said_actual(text, j, k, end, first, indexed) if named and not around else None
            said = _worded_between(text, j, k, end, first, indexed) if said is None and named and not around else said
            said = _dated_between(text, j, end, first, indexed) if said is None and named and not around else said
            if said and (split is None or said[0] >= split[0]):  # ≥95%达标1010: the actual in words between runs
                split = said
            elif not in_words and not _ROW_LABEL_ONLY.match(name.text) and len(_value_runs(text[j:k])) == 1 \
                    and _better_ahead(text, k, end, first, split[0] if split else None):
                j = k  # 5000吨稻谷、500吨成品粮储备到位率100%100%: numbers inside the name, the row's run ahead
                continue
            if split:
                _, k, cells = split
                after = _after_text(text, k, end, rest, cells, indexed) if rest else None
                if after:
                    k, more = after
                    cells = cells + more
                answer = _yes_no_re().match(text, k) if yes_no else None
                if answer:  # 是否核心指标 | 否: the answer of a last yes-no column, no part of the next name
                    cells = cells + [("other", Cell(k, answer.end(1), answer.group(1)))]
                    k = answer.end(1)
                row = Row(name, level1=levels.level1, level2=levels.level2)
                row.cells += extra + cells
                reason = _reason_after(text, k, end) if trailing else None
                if reason:  # …1010无 / 已完成: the row's reason cell, no part of the next name
                    row.cells.append(("other", reason))
                    k = reason.end
                rows.append(row)
                j = k
                break
            # 指标1 | 免费发放原原种: the number belongs to the row label, the name starts after it
            # (指标1 | 2021年11月30日前…: before a date, the label's number has one or two digits)
            date = next((m for d in (1, 2) if (m := _date_re().match(text, j + d))), None)
            if _LATIN.match(text, k) and not _unit_at(text, k) and (_ROW_LABEL_ONLY.match(name.text) or "\n" in text[start:j]):
                j = k  # 5G基站建设数量, 3D打印: a number that a Latin letter goes on from is part of the name
                continue
            label_number = _LABEL_NUMBER.match(text, j) if _LABEL_WORD.fullmatch(name.text.strip()) else None
            if label_number and not date:  # 指标5 | 村容村貌, 指标2 | 人均…: the label's number, whatever follows it
                start, j = label_number.end(), label_number.end()
                continue
            if not _ROW_LABEL_ONLY.match(name.text) or not (date or _ROW_NUMBER.match(text, j, k)) or _opens_name(text, j):
                if not name.text and _better_ahead(text, k, end, slots, None):
                    j = k  # 5000吨稻谷…: a name that begins with a quantity
                    continue
                break  # no row here: read on after the run
            start, j = (date.start(), date.end()) if date else (k, k)
        if rows and rows[-1].cells[-1][1].end == j:
            i = j  # after a row: where its run was read to end
        else:
            i = max(j if j < end and level_re.match(text, j) else _run_end(text, j, end, indexed), i + 1)
    return rows


#: a line that opens with a number or a Latin letter
_OPENS_WITH_NUMBER = re.compile(r"[0-9A-Za-z０-９]")
#: the end of a level-2 cell wrapped after the row's values (服务对象满意度指 / 标)
_LEVEL_TAIL = re.compile(r"指?[标標]")


def _without_wrapped_tail(text: str, name: Cell, before: Row | None, widest: int) -> Cell:
    """A glued name without the lines at its head that end the row before it, wrapped after that row's
    values (建档立卡家庭经济困难学生≥2100人2156人1010 / 资助人数 / 发放资助资金金额≥315万元…; the row before's
    name stays its first line, the one span it can have). The row before wrapped when its name's last line is
    as wide as the widest name line so far (the column's width, in display width: a Han character two columns,
    PM2.5 one each); a line of it carried over is narrower, while a name wrapped before its own values
    (全县农村饮水安全工程维 / 修养护处数≥15处…) opens with a full-width line."""
    lines = name.text.split("\n")
    if before is None or before.label is None or len(lines) < 2:
        return name
    if text[text.rfind("\n", 0, name.start) + 1:name.start].strip():
        return name  # the name's first line follows the row's level names (质量指标路灯 / 亮灯率…): no line of the row before
    cut = 0
    while len(lines) > 1 and _LEVEL_TAIL.fullmatch(lines[0].strip()):  # 服务对象满意度指 / … / 标
        cut += len(lines.pop(0)) + 1
    width = grid.display_width(before.label.text.split("\n")[-1].strip())
    for n, line in enumerate(lines[:-1] if width >= max(widest - 2, 8) else []):
        if grid.display_width(line.strip()) >= width - 2 or _OPENS_WITH_NUMBER.match(lines[n + 1].strip()):
            break  # (惠及 / 3个乡镇群众出行: a name goes on with a number, it does not open with one)
        cut += len(line) + 1
    return _cell(text, name.start + cut, name.end) if cut else name


def _level_in_row(level_re: "_LevelOrName", text: str, start: int, j: int, level1: str | None) -> re.Match[str] | None:
    """A level name at ``j`` of a glued row whose name began at ``start``; not a scoring form's level-2 name
    inside a name under a level-1 of 指标 forms, a word going on after it (产出指标 … 科技项目立项数: 项目立项 is
    a category of 项目决策 forms, tables.toml [levels] scoring_level2)."""
    m = level_re.match(text, j)
    if m is None or j == start or not level1 or not level1.endswith("指标") \
            or normalize(_squash(m.group(0))) not in table_words()["levels"]["scoring_level2"] \
            or not _HAN.match(text, m.end()) or not _HAN.match(text, j - 1):
        return m
    return None


class _LevelOrName:
    """A level name in a glued row, unless values follow it directly and it repeats the level name just before
    it or a comparator opens them: then it is the row's name (服务对象满意度指标 | 服务对象满意度≥90%95%1010)."""

    def __init__(self, level_re: re.Pattern[str]) -> None:
        self.level_re = level_re
        self.ends_level = re.compile(f"(?:{level_re.pattern})$")

    def match(self, text: str, i: int) -> re.Match[str] | None:
        m = self.level_re.match(text, i)
        if m is None or not _starts_value(text, m.end()):
            return m
        if m.end() < len(text) and text[m.end()] in _CMP_CHARS:
            return None  # 满意度指标 | 服务对象满意度≥90%…: a target's comparator after it, no row number nor date
        before = self.ends_level.search(text, max(0, i - 2 * len(m.group(0)) - 4), i)
        return None if before and _squash(before.group(0)).startswith(_squash(m.group(0))) else m


def _line_to_skip(text: str, i: int, end: int, head: str) -> int | None:
    """Where a line that opens at ``i`` ends, when it is a page mark (— 3 —, 第3页) or the table's header written
    again (a new page); else None."""
    gap = re.match(r"[ \t\u3000]*\n[ \t\u3000\n]*", text[i:end])  # the rest of the line before, when blank
    i = i + gap.end() if gap else i
    if i > 0 and text[i - 1] != "\n":
        return None
    e = text.find("\n", i, end)
    e = end if e < 0 else e
    line = text[i:e].strip(" \t\u3000|｜")
    if line and (grid.is_page_mark(line, grid.PAGE_MARK_MOST) or len(head) >= 8 and _squash(line) == head):
        return e + 1 if e < end else end
    return None


def _header_rest(text: str, i: int, end: int, level_re: re.Pattern[str]) -> int | None:
    """Where the header's line ends, when what it holds after the last header word is the rest of that word's
    cell (偏差原因 | 分析及改进措施): no value and no level name; else None."""
    e = text.find("\n", i, end)
    if e < 0 or not text[i:e].strip() or any(_starts_value(text, x) or level_re.match(text, x) for x in range(i, e)):
        return None
    return e + 1


def _reason_after(text: str, k: int, end: int) -> Cell | None:
    """The text that ends a glued row's line after its run (无, 已完成, 因天气原因推迟): its reason cell, when the
    line holds no value."""
    e = text.find("\n", k, end)
    line_end = end if e < 0 else e
    # a level name or the total row opening the next row on the same line ends the reason (1010无效益指标…, 1010无总分…)
    stop = next((x for x in range(k + 1, min(line_end, k + _REASON_BEFORE_ROW)) if level_re_().match(text, x)
                 or total_row_re().match(text[x:x + 8])), None)
    if stop is not None and text[k:stop].strip() and (_next_value(text, k, stop) is None
                                                      or _CLAUSE_MARK.search(text, k, stop)):
        e = stop  # (因选址调整，1个场所延期 | 产出指标…: a clause with numbers, the next row after it)
    if e < 0:
        return None
    cell = text[k:e]
    first_value = _next_value(text, k, e)
    if not cell.strip() or first_value is not None and not _CLAUSE_MARK.search(text, k, first_value):
        return None  # (受选址调整影响，1个中心延至2024年完工: a clause before the values, no name's)
    a = k + len(cell) - len(cell.lstrip())
    return _cell(text, a, k + len(cell.rstrip()))


#: the signs of a formula in a rule's words (实际到位资金/计划投入资金×100%)
_FORMULA_SIGNS = "×*/÷=＝"

#: a mark that ends a clause: no name holds it
_CLAUSE_MARK = re.compile(r"[，；。,;]")

#: the longest reason cell read before a row that opens on its line
_REASON_BEFORE_ROW = 40


@lru_cache(maxsize=1)
def _yes_no_re() -> re.Pattern[str]:
    """The answer of a yes-no column (是, 否), not the start of a name that asks (是否满意)."""
    words = table_words()["names"]
    asking = words["yes_no_column"].removeprefix("^")  # 是否
    return re.compile(rf"\s*(?!{asking})({'|'.join(map(re.escape, words['yes_no']))})")


def _worded_values(text: str, name: Cell, slots: list[str]) -> tuple[Cell, list[tuple[str, Cell]], list[str]] | None:
    """A target and an actual written in words at the end of a glued name, before the run of points:
    the same words once per column (管理制度健全性高高, 是是: the target met as written; 好好好 under 年初指标值 |
    调整指标值 | 实际完成值), the target's degree word before them its own (居民健康素养水平逐步提高提高: target
    逐步提高), or two dates (完成时间2021年12月底前2021年11月). Returns the name without them, their cells and
    the slots left for the run; None when the header puts no target and actual first or the name ends otherwise."""
    valued = [r for r in slots if r not in NO_SLOT]
    if valued[:1] == ["target"] and "actual" not in valued:  # a form without actuals (指标值 | 分值 | 得分)
        dated = _date_at_end_re().search(name.text)             # 任务完成时限2022年12月31日前 | 55: a deadline
        if dated is None or len(_HAN.findall(name.text[:dated.start()])) < 2:
            return None
        return (_cell(text, name.start, name.start + dated.start()),
                [("target", _cell(text, name.start + dated.start(), name.end))], slots[slots.index("target") + 1:])
    if valued[:2] != ["target", "actual"]:
        return None
    roles = slots[:slots.index("actual") + 1]
    if any(r not in ("target", "adjusted", "actual") for r in roles):
        return None
    found = _worded_values_in(text, name, slots, roles)
    if found is None and "adjusted" in roles:  # 年初指标值 | 调整指标值 | 实际完成值, the adjusted left empty (高高)
        found = _worded_values_in(text, name, slots, [r for r in roles if r != "adjusted"])
    if found is None and roles == ["target", "actual"]:  # 监测站点建成时间12月底前 | 10 | 10
        return _deadline_at_end(text, name, slots)
    return found


def _deadline_at_end(text: str, name: Cell, slots: list[str]) -> tuple[Cell, list[tuple[str, Cell]], list[str]] | None:
    """A deadline target that ends a glued name (监测站点建成时间12月底前 | 10 | 10), the actual left empty or in
    the run after it: the name without the date, the target's cell and the slots left for the run (no actual
    when the run writes no unit: a date's actual is no bare number)."""
    dated = _date_at_end_re().search(name.text)
    if dated is None or len(_HAN.findall(name.text[:dated.start()])) < 2:
        return None
    run = text[name.end:_run_end(text, name.end, len(text))]
    left = slots[slots.index("target") + 1:]
    if "actual" in left and not any(_unit_at(run, i) for i in range(len(run)) if run[i] not in _DIGITS):
        left.remove("actual")
    return (_cell(text, name.start, name.start + dated.start()),
            [("target", _cell(text, name.start + dated.start(), name.end))], left)


def _worded_values_in(text: str, name: Cell, slots: list[str], roles: list[str]
                      ) -> tuple[Cell, list[tuple[str, Cell]], list[str]] | None:
    """:func:`_worded_values` for a value per column of ``roles`` (target, adjusted, actual)."""
    at = [i for i, c in enumerate(name.text) if c != "\n"]  # a cell wrapped by the PDF (持续改善持 / 续改善): read whole
    words = "".join(name.text[i] for i in at)
    at.append(len(name.text))
    m = _worded_dates_re().search(words)
    if m:
        cut, pairs, roles = m.start(), [(m.start(1), m.end(1)), (m.start(2), m.end(2))], ["target", "actual"]
    else:
        times = len(roles)
        w = next((n for n in range(min(len(words) // times, _WORDED_MAX), 0, -1)
                  if len({words[len(words) - (i + 1) * n:len(words) - i * n] for i in range(times)}) == 1
                  and _HAN.search(words[-n:]) and not any(c in _DIGITS for c in words[-n:])), 0)
        pair = _date_then_word_re().search(words) if len(roles) == 2 else None
        listed = _listed_words_at_end(words, times)
        if w:
            cut = len(words) - times * w
            pairs = [(cut + i * w, cut + (i + 1) * w) for i in range(times)]
            degree = _degree_before(words[:cut], words[-w:])
            if degree and len(_HAN.findall(words[:cut - degree])) >= 2:
                cut -= degree  # 逐步提高 | 提高: the target's degree word, no part of the name
                pairs[0] = (cut, pairs[0][1])
        elif listed:  # 显著提高明显提高, 有所改善有所改善改善: a value in words per column
            cut, pairs = listed[0][0], listed
        elif pair:  # 2021年底前完成: a date, then a word
            cut, pairs = pair.start(), [pair.span(1), pair.span(2)]
        else:
            return None
    if len(_HAN.findall(words[:cut])) < 2:
        return None
    cells = [(role, _cell(text, name.start + at[a], name.start + at[b - 1] + 1)) for role, (a, b) in zip(roles, pairs)
             if role in ("target", "actual")]
    return _cell(text, name.start, name.start + at[cut]), cells, [r for r in slots[slots.index("actual") + 1:]]


def _listed_words_at_end(words: str, times: int) -> list[tuple[int, int]]:
    """The spans of ``times`` values in words (two characters or more, :func:`grid.qualitative_words` and the
    change words alone) that end ``words``, each the longest that fits, read from the end, those before the
    listed ones written alike where no word is listed (汛期前完成汛期前完成 | 按期完成); empty when they do not."""
    vocab = _listed_words()
    words = normal_chars(words)  # 達到預期 read as 达到预期, offsets kept
    spans, end = [], len(words)
    for taken in range(times):
        left = times - taken
        n = next((n for n in range(min(end // left, _WORDED_MAX), 1, -1)
                  if len({words[end - (i + 1) * n:end - i * n] for i in range(left)}) == 1
                  and _HAN.match(words, end - n) and not any(c in _DIGITS for c in words[end - n:end])), 0) \
            if spans and left >= 2 else 0
        if n:  # the rest written alike (汛期前完成汛期前完成 | 按期完成: a target and its adjusted copy)
            return [(end - (i + 1) * n, end - i * n) for i in reversed(range(left))] + spans
        w = next((w for w in vocab if words.endswith(w, 0, end)), None)
        if w is None and spans and left == 1 and end and words[end - 1] in _one_character_words():
            w = words[end - 1]  # 高 | 达到预期: a target of one character before a listed actual
        if w is None:
            return []
        spans.insert(0, (end - len(w), end))
        end -= len(w)
    return spans


@lru_cache(maxsize=1)
def _listed_words() -> list[str]:
    """The values in words of two characters or more (:func:`grid.qualitative_words`, and the change words alone:
    稳步增加 | 增加), longest first."""
    changes = load_data("tables.toml")["names"]["qualitative_changes"]
    return sorted({w for w in [*grid.qualitative_words(), *changes] if len(w) >= 2}, key=len, reverse=True)


@lru_cache(maxsize=1)
def _one_character_words() -> frozenset[str]:
    """The values in words of one character (高, 好, 是 …): listed only before a listed value, which marks the end
    of the name (长效管护机制健全程度 | 高 | 达到预期)."""
    return frozenset(w for w in [*grid.qualitative_words(), *table_words()["names"]["yes_no"]] if len(w) == 1)


def _degree_before(head: str, word: str) -> int:
    """The length of a degree word that ends ``head`` and makes a value in words with ``word`` (逐步 + 提高), 0 if
    none."""
    names = load_data("tables.toml")["names"]
    return next((len(d) for d in sorted(names["qualitative_degrees"], key=len, reverse=True)
                 if head.endswith(d) and d + word in grid.qualitative_words()), 0)


def _total_cut(run: str) -> int:
    """Where a total row's glued number is cut into the points and the achieved total (10095 → 3, 9089.5
    → 2), 0 for no cut: the points are at most ``[glued] total_points`` and at least the total, which is at
    least half of them (and the points at least 20); the full points win where they fit."""
    full = _SPLIT_SCORES["total_points"]
    cuts = []
    for n in range(1, len(run)):
        head, tail = run[:n], run[n:]
        if not _POINTS_NUMBER.fullmatch(head) or not _POINTS_NUMBER.fullmatch(tail) \
                or tail[0] == "0" and tail[:2] != "0." and tail != "0":
            continue  # 77.564.8 → 77.5 | 64.8 (points with a decimal), not 77. | 564.8
        points, total = _number(head), _number(tail)
        if points is not None and total is not None and 20 <= points <= full and points / 2 <= total <= points:
            cuts.append((points != full, n))
    return min(cuts)[1] if cuts else 0


def _total_run(text: str, j: int, k: int, slots: list[str]) -> tuple[float, int, list[tuple[str, Cell]]] | None:
    """The run of a total row: two values are the points and the achieved total; one value is the total, or
    the form's full points glued to it (10095 = 100 | 95, the points being ``[glued] total_points``), or the
    points alone when the header has no score column."""
    groups = _value_runs(text[j:k])
    cells = [Cell(j + a, j + b, text[j + a:j + b]) for a, _, b in groups]
    # points only, up to the first cell that is none (总分 | 100 | 2019年度…: the year of the next heading)
    n = 0
    while n < len(cells) and _total_points(cells[n].text, glued=n == 0):
        n += 1
    cells = cells[:n]
    if not cells:
        return None
    if len(cells) == 1:
        c = cells[0]
        cut = _total_cut(c.text)
        if cut:
            return 0.0, c.end, [("weight", Cell(c.start, c.start + cut, c.text[:cut])),
                                ("score", Cell(c.start + cut, c.end, c.text[cut:]))]
        return 0.0, c.end, [("score" if "score" in slots or "weight" not in slots else "weight", c)]
    return 0.0, cells[-1].end, [("weight", cells[0]), ("score", cells[-1])]


def _total_points(cell: str, glued: bool) -> bool:
    """Whether a total row's cell reads as points (100, 95.5分), or, ``glued``, as digits that may hold
    the full points and the total (10095)."""
    core = cell.strip().removesuffix("分").strip()
    if glued and re.fullmatch(r"\d+(?:\.\d+)?\d*\.\d+", core):
        return True  # 77.564.8: two numbers glued, each with its decimals
    if not _POINTS_NUMBER.fullmatch(core):
        return False
    return glued or float(core) <= _SPLIT_SCORES["total_points"]


#: a number of points: digits, and decimals after a point
_POINTS_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@lru_cache(maxsize=1)
def total_row_re() -> re.Pattern[str]:
    """The name of a row that totals the form's points (总分, 合计)."""
    return re.compile(table_words()["names"]["total_rows"])


def _said_actual(text: str, j: int, k: int, end: int, slots: list[str], indexed: bool = False
                 ) -> tuple[float, int, list[tuple[str, Cell]]] | None:
    """A row whose actual is written in words, or left empty with a dash, between two runs of values
    (合格率≥95%达标1010, 培训人次≥300人次—200): the run before it read with the columns before the actual,
    the run after it with those after; None when the row is not written so."""
    if "actual" not in slots or "target" not in slots[:slots.index("actual")]:
        return None
    word = _said_word_re().match(text, k)
    if not word or word.end() >= end or not _starts_value(text, word.end()):
        return None
    at = slots.index("actual")
    got = _two_runs(text, (j, k, slots[:at]), (word.end(), _run_end(text, word.end(), end, indexed), slots[at + 1:]))
    if got is None:
        return None
    score, (_, before), (after_end, after) = got
    said = [("actual", Cell(word.start(), word.end(), word.group(0)))] if word.group(0) not in _empty_marks() else []
    return score, after_end, before + said + after


def _worded_between(text: str, j: int, k: int, end: int, slots: list[str], indexed: bool = False
                    ) -> tuple[float, int, list[tuple[str, Cell]]] | None:
    """A row whose target and actual are written in words between two runs, under a header that puts a column
    of values before the target (分值 | 年度指标值 | 全年实际值 | 得分: 工程完工时间15汛期前完成按期完成15): the run
    before read with the columns before the target, the words one per value column, the run after with the rest."""
    if "target" not in slots or "actual" not in slots or slots.index("target") == 0:
        return None
    t, a = slots.index("target"), slots.index("actual")
    roles = slots[t:a + 1]
    if a < t or any(r not in ("target", "adjusted", "actual") for r in roles):
        return None
    x = _next_value(text, k, min(end, k + 2 * _WORDED_MAX * len(roles) + 2))
    if x is None or x == k or not _HAN.fullmatch(text[k:x].replace("\n", "")[:1] or "x"):
        return None
    words = text[k:x].replace("\n", "")
    at = [i for i in range(k, x) if text[i] != "\n"]
    spans = next((sp for sp in (_whole_words(words, len(roles)), _whole_words(words, len([r for r in roles if r != "adjusted"])))
                  if sp), None)
    if not spans:
        return None
    got = _two_runs(text, (j, k, slots[:t]), (x, _run_end(text, x, end, indexed), slots[a + 1:]))
    if got is None:
        return None
    score, (_, before), (after_end, after) = got
    named = [r for r in roles if len(spans) == len(roles) or r != "adjusted"]
    cells = [(r, _cell(text, at[p], at[q - 1] + 1)) for r, (p, q) in zip(named, spans) if r in ("target", "actual")]
    return score, after_end, before + cells + after


def _dated_between(text: str, j: int, end: int, slots: list[str], indexed: bool = False
                   ) -> tuple[float, int, list[tuple[str, Cell]]] | None:
    """A row whose target is a deadline glued to the points before it, under a header that puts a column of
    values before the target (分值 | 年度指标值 | 实际完成值 | 得分: 完成时间109月底前8月完成10 = 10 | 9月底前 |
    8月完成 | 10): the digits at ``j`` cut where a date with its 前 / 底前 begins, the actual a date or words
    after it, then a run with the rest. The most plausible cut wins (a score is at most its points)."""
    if "target" not in slots or "actual" not in slots or slots.index("target") == 0 \
            or slots.index("actual") != slots.index("target") + 1:
        return None
    t, a = slots.index("target"), slots.index("actual")
    digits = j
    while digits < end and text[digits].isdigit():
        digits += 1
    best = None
    for c in range(j + 1, digits):
        target = _one_date_re().match(text, c)
        if not target or target.end() <= digits or not _DEADLINE_END.search(target.group(0)):
            continue
        y = target.end()
        done = _one_date_re().match(text, y)
        z = done.end() if done and done.end() > y else \
            _next_value(text, y, min(end, y + _WORDED_MAX + 1), y)
        if z == y or not done and not _HAN_WORD.fullmatch(text, y, z):
            continue
        runs = _two_runs(text, (j, c, slots[:t]), (z, _run_end(text, z, end, indexed), slots[a + 1:]))
        if runs is None or runs[1][0] != c:
            continue  # (1 | 09月底前 … 10: a score above its points)
        score, (_, before), (after_end, after) = runs
        got = (score, after_end, before + [("target", _cell(text, c, y)), ("actual", _cell(text, y, z))] + after)
        if best is None or got[0] > best[0]:
            best = got
    return best


#: what a deadline target ends with (9月底前, 2021年12月31日前完成), unlike a date that is a count (9月)
_DEADLINE_END = re.compile(r"(?:前|底|末|内|完成)$")
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")


def _worded_around(text: str, name: Cell, j: int, k: int, end: int, slots: list[str], indexed: bool = False
                   ) -> tuple[Cell, tuple[float, int, list[tuple[str, Cell]]]] | None:
    """A row whose target and actual are words with the points between them, under a header that puts the
    target first and other value columns before the actual (指标值 | 权重 | 实际值 | 得分: 水环境质量改善25改善25):
    the target ends the name (the actual's word again, or a listed value word), the run ``text[j:k]`` holds
    the columns between, the actual's word follows it and a run after it the rest. Returns the name without
    the target, and the reading (plausibility, end, cells)."""
    if "target" not in slots or "actual" not in slots:
        return None
    t, a = slots.index("target"), slots.index("actual")
    if t != 0 or a <= t + 1 or "\n" in name.text:
        return None
    x = _next_value(text, k, min(end, k + _WORDED_MAX + 1))
    if x is None or x == k or not _HAN_WORD.fullmatch(text, k, x):
        return None
    actual = text[k:x]
    listed = _listed_words_at_end(actual, 1)
    dated = _date_at_end_re().search(name.text)
    if name.text.endswith(actual):
        cut = len(name.text) - len(actual)
    elif listed and listed[0][0] == 0 and (named := _listed_words_at_end(name.text, 1)):
        cut = named[0][0]
    elif listed and listed[0][0] == 0 and dated:  # 完成时间10月底前 | 10 | 按期完成: a deadline's target
        cut = dated.start()
    else:
        return None
    if len(_HAN.findall(name.text[:cut])) < 2:
        return None
    got = _two_runs(text, (j, k, slots[t + 1:a]), (x, _run_end(text, x, end, indexed), slots[a + 1:]))
    if got is None or got[1][0] != k:
        return None
    score, (_, before), (after_end, after) = got
    cells = [("target", _cell(text, name.start + cut, name.end)), *before, ("actual", _cell(text, k, x)), *after]
    return _cell(text, name.start, name.start + cut), (score, after_end, cells)


def _whole_words(words: str, times: int) -> list[tuple[int, int]]:
    """``words`` cut into ``times`` values in words, every character taken: the same word each time, listed
    words (:func:`_listed_words_at_end`), or a date then a word; empty when it does not cut so."""
    n = len(words) // times
    if n and len(words) == n * times and len({words[i * n:(i + 1) * n] for i in range(times)}) == 1:
        return [(i * n, (i + 1) * n) for i in range(times)]
    listed = _listed_words_at_end(words, times)
    if listed and listed[0][0] == 0:
        return listed
    m = _date_then_word_re().fullmatch(words) if times == 2 else None
    m = m or (_worded_dates_re().fullmatch(words) if times == 2 else None)
    if m:
        return [m.span(1), m.span(2)]
    last = _listed_words_at_end(words, 1) if times == 2 else []
    if last and 0 < last[0][0] <= _WORDED_MAX:  # 汛期前完成 | 按期完成: a listed actual, the target the rest
        return [(0, last[0][0]), last[0]]
    return []


@lru_cache(maxsize=1)
def _empty_marks() -> frozenset[str]:
    return frozenset(table_words()["names"]["empty_cell"])


@lru_cache(maxsize=1)
def _said_word_re() -> re.Pattern[str]:
    """A value word (达标, 已完成) or an empty cell's mark (—, /) between two runs of a glued row."""
    words = [*grid.qualitative_words(), *table_words()["names"]["empty_cell"]]
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


@lru_cache(maxsize=1)
def _date_then_word_re() -> re.Pattern[str]:
    """A target date then an actual in words at the end of a glued name (完成时间2023年12月底前按时完成)."""
    alt = "|".join(map(re.escape, sorted(grid.qualitative_words(), key=len, reverse=True)))
    return re.compile(f"({_one_date_re().pattern})({alt})$")


#: the longest word a glued target may repeat as its actual (显著提高显著提高)
_WORDED_MAX = 8


def is_date(cell: str) -> bool:
    """Whether a cell writes a date or a deadline (2021年12月底前, 11月30日前完成): a qualitative value."""
    return bool(_one_date_re().fullmatch(cell.strip()))


@lru_cache(maxsize=1)
def _one_date_re() -> re.Pattern[str]:
    return re.compile(f"(?:{_SPLIT_SCORES['date']})(?:{_SPLIT_SCORES['date_after']})?")


@lru_cache(maxsize=1)
def _date_at_end_re() -> re.Pattern[str]:
    """A date that ends a glued name with its 前 / 底前 / 完成 (项目完成时间10月底前): a target deadline."""
    return re.compile(f"(?:{_SPLIT_SCORES['date']})(?:{_SPLIT_SCORES['date_after']})$")


@lru_cache(maxsize=1)
def _worded_dates_re() -> re.Pattern[str]:
    """Two dates ending a glued name, each with its 前 / 底前 / 完成 (a target date, then the date it was done)."""
    one = _one_date_re().pattern
    return re.compile(f"({one})({one})$")


def _after_text(text: str, k: int, end: int, rest: list[str], cells: list[tuple[str, Cell]], indexed: bool = False
                ) -> tuple[int, list[tuple[str, Cell]]] | None:
    """The values after a row's text cell (分值 5 | 项目符合…分析 | 得分 5): the run that follows the text
    within one cell's length, read with the columns after the text column; a score at most the weight."""
    level_re = level_re_()
    j = k
    while j < end:
        rule = _RULE_POINTS.match(text, j) if j > k else None  # 未达到扣2分: a scoring rule's points, part of its text
        if not rule and _starts_value(text, j) and (j == k or _HAN.match(text, j - 1) or text[j - 1] in _FORMULA_SIGNS):
            rule = _value_in_words(text, j, end)  # 达到95%以上得满分, 每低1%扣1分: a value the rule's words go on after
        if _starts_value(text, j) and not rule:
            break
        if level_re.match(text, j) and not _rule_words_from(text, j, end) or j - k > grid.MAX_CELL:
            return None
        j = rule.end() if rule else j + 1
    if j >= end or j == k:
        return None
    got = _best_run(text, j, _run_end(text, j, end, indexed), rest)
    if not got:
        return None
    weight = next((c for r, c in cells if r == "weight"), None)
    score = next((c for r, c in got[2] if r == "score"), None)
    w, sc = (_number(c.text) if c else None for c in (weight, score))
    if w is not None and sc is not None and sc > w:
        return None
    words = _cell(text, k, j)  # the text cell itself: what it names is no row's (到位率100%得6分)
    return got[1], ([("other", words)] if words.text else []) + got[2]


def _rule_words_from(text: str, j: int, end: int) -> bool:
    """Whether the words from ``text[j]`` to the next value are a scoring rule's (项目立项符合…政策，得3分): a clause
    mark among them or the rule's points next, which a row's level and name never hold."""
    v = _next_value(text, j, min(end, j + grid.MAX_CELL))
    return v is not None and bool(_CLAUSE_MARK.search(text, j, v) or _RULE_POINTS.match(text, v))


def _value_in_words(text: str, j: int, end: int) -> re.Match[str] | None:
    """The value at ``text[j]`` as a match, when it has a unit and a scoring rule's words go on right after it
    (每低1%扣1分: 1% is the rule's, not the row's target); None when values, a name (3项目管理) or the line's end
    follow it, or for a bare number."""
    groups = _value_runs(text[j:min(end, j + grid.MAX_CELL)])
    if not groups or groups[0][1] == groups[0][2]:
        return None  # a bare number: the row's points, the next row's name after it (分析5可行性)
    g = j + groups[0][2]
    return _ANY.match(text, j, g) if g < end and _RULE_GOES_ON.match(text, g) else None


#: anything: a match over a span already found
_ANY = re.compile(r".+", re.S)


#: what goes on a scoring rule's words after a value in them (以上得满分, 扣1分, 的, ，)
_RULE_GOES_ON = re.compile(r"(?:及?以[上下内])?[得扣减加计的为及或且，；。、,;]")


#: points a scoring rule writes in its text (扣2分, 得0.5分, 每少1项): after a rule's verb, a number and its unit
_RULE_POINTS = re.compile(r"(?<=[扣得计减加])\d+(?:\.\d+)?分|(?<=[少多])\d+(?:\.\d+)?(?:项|个|次|人)")


@lru_cache(maxsize=4096)
def _number(cell: str) -> float | None:
    """The number a glued cell writes (its digits and point), None if they make none."""
    cell = normalize_width(cell)
    try:
        return float("".join(c for c in re.split(f"(?<=\\d)[{_RANGE_MARKS}]", cell)[0] if c in "0123456789."))
    except ValueError:
        return None


#: the rest of a line is blank
_LINE_END = re.compile(r"[ \t\u3000]*(?:\n|$)")


def _better_ahead(text: str, k: int, end: int, slots: list[str], score: float | None) -> bool:
    """Whether a run after ``text[k]``, still inside the same name (no level name between, within
    ``[glued] name_reach`` characters), reads as a more plausible row than the run before it (scored
    ``score``, None for no reading), when that one is not confident."""
    cfg = _SPLIT_SCORES
    if score is not None and score >= cfg["confident"]:
        return False
    end_of_line = _LINE_END.match(text, k)
    if score is not None and end_of_line and not _unit_at(text, end_of_line.end()):
        return False  # 享受资助人数210010 | 资金支出率95%10: a run that ends its line ends its row (not …共计35 / 家的…)
    level_re = level_re_()
    j = k
    while True:
        while j < end and not _starts_value(text, j):
            if level_re.match(text, j) or j - k > cfg["name_reach"]:
                return False
            j += 1
        if j >= end:
            return False
        e = _run_end(text, j, end)
        got = _best_run(text, j, e, slots)
        if got and (score is None or got[0] > score):
            return True
        if got and got[0] >= cfg["confident"]:
            return False
        j = e


def _best_run(text: str, j: int, k: int, slots: list[str]) -> tuple[float, int, list[tuple[str, Cell]]] | None:
    """The most plausible reading of the run ``text[j:k]``, or of it without its last unit word (which
    may be the next name's first character: ``2110110天保工程区`` is no ``10110天``); with its
    plausibility and where it ends."""
    best = None
    for got in _run_readings(text, j, k, slots):
        if best is None or got[0] > best[0]:
            best = got
    return best


def _run_readings(text: str, j: int, k: int, slots: list[str]) -> list[tuple[float, int, list[tuple[str, Cell]]]]:
    """Every reading of the run ``text[j:k]`` (:func:`_best_run`), with its plausibility and where it ends."""
    ends = [k]
    groups = _value_runs(text[j:k])
    if groups and groups[-1][1] < groups[-1][2] and _HAN.match(text, j + groups[-1][1]) \
            and not ((date := _one_date_re().match(text, j + groups[-1][0])) and _DEADLINE_END.search(date.group(0))):
        ends.append(j + groups[-1][1])  # (not 10 | 月底前: a deadline's month)
    if _RULE_GOES_ON.match(text, k):  # 10≥90%得满分, 15达到80%以上得满分: the value the rule's words go on from is theirs
        ends += [j + a for a, _, _ in groups[1:]]
    return [(score, e, [(role, Cell(j + a, j + b, text[j + a:j + b])) for role, a, b in cells])
            for e in ends for score, cells in _readings(text[j:e], slots)]


def _two_runs(text: str, before: tuple[int, int, list[str]], after: tuple[int, int, list[str]]
              ) -> tuple[float, tuple[int, list[tuple[str, Cell]]], tuple[int, list[tuple[str, Cell]]]] | None:
    """The most plausible readings of two runs of one row with words between them (``(start, end, slots)``
    each), read together: a score is at most its points, and a score equal to them is likely, whichever run
    holds each (防洪标准1520年一遇达标15 is 15 | 20年一遇 | 达标 | 15, not 1 | 520年一遇). Returns the
    plausibility and each run's (end, cells)."""
    best = None
    for s1, e1, c1 in _run_readings(text, *before):
        for s2, e2, c2 in _run_readings(text, *after):
            points = {r: _number(c.text) for r, c in c1 + c2 if r in ("weight", "score")}
            score = s1 + s2
            if len(points) == 2 and None not in points.values():
                if points["score"] > points["weight"]:
                    continue
                first = {r for r, _ in c1}
                if ("weight" in first) != ("score" in first) and points["score"] == points["weight"]:
                    score += _SPLIT_SCORES["score_is_weight"]  # (within one run the reading counted it already)
            if best is None or score > best[0]:
                best = (score, (e1, c1), (e2, c2))
    return best


@lru_cache(maxsize=1)
def _date_re() -> re.Pattern[str]:
    """A date written inside a glued name (2021年11月30日, 11月底): no value of the row."""
    return re.compile(load_data("layout.toml")["glued"]["date"])


#: a run goes on across a space or a line break to a value, and across the page number of a numbered line
#: (``100%\n2、100%``); a numbered line that starts a name (``\n2、资金``) ends it
_RUN_BREAK = re.compile(r"\s*\n\d{1,3}、(?=[" + re.escape(_DIGITS + _CMP_CHARS) + r"])|\s+(?!\d+(?:[、．]|\.(?!\d)))(?=["
                        + re.escape(_DIGITS + _CMP_CHARS) + "])")

def _row_start(text: str, i: int, indexed: bool = False) -> bool:
    """Whether the line that goes on at ``i`` starts a glued row with a number (2发放培训资料: the row's number;
    5G基站建设数量: a name): one or two digits, then a word that is no unit and no level name; not the rest of
    a value wrapped onto it (1 / 010, 320 / 人次, the score 10 / 10产出指标…)."""
    m = _ROW_START.match(text, i)
    if m and indexed and level_re_().match(text, m.end()):
        return True  # under a 序号 column a row opens with its number, before its level names too
    return bool(m) and not _unit_at(text, m.end()) and not level_re_().match(text, m.end())


def _opens_name(text: str, i: int) -> bool:
    """Whether a name opens at ``i`` with a count or a range of them (65岁以上老年人健康管理人数, 0-6岁儿童健康管理率):
    a number, its unit, then three Han characters or more that begin no unit; no row's number, no value's rest."""
    m = _COUNT_IN_NAME.match(text, i)
    if not m:
        return False
    n = _unit_at(text, m.end()) or next((len(w) for w in grid.scores()["glued"]["name_counts"]
                                         if text.startswith(w, m.end())), 0)
    return bool(n) and bool(_HAN3.match(text, m.end() + n)) and not _unit_at(text, m.end() + n)


#: a count or a range of counts opening a name (65, 0-6, 3～6)
_COUNT_IN_NAME = re.compile(r"\d{1,3}(?:[-~～—至]\d{1,3})?")
_HAN3 = re.compile(r"[\u4e00-\u9fff]{3}")


_LATIN = re.compile(r"[A-Za-z]")
#: one or two digits before a Han character or a Latin letter
_ROW_START = re.compile(r"[1-9]\d?(?=[\u4e00-\u9fffA-Za-z])")

#: a row label's word before its number (指标 | 1), and that number
_LABEL_WORD = re.compile(r"指标")
_LABEL_NUMBER = re.compile(r"\d{1,2}(?!\d)[、.．:：]?")

#: the number of a row label (指标1, 1、): one or two bare digits
_ROW_NUMBER = re.compile(r"\d{1,2}[、.．]?$")

#: a name cell that is only a row label so far (指标, 指标1)
_ROW_LABEL_ONLY = re.compile(r"^(?:指标\s*\d*|\d+[、.．]?)?$")


def _run_end(text: str, j: int, end: int, indexed: bool = False) -> int:
    """Where the run of values starting at ``text[j]`` ends (spaces between its groups included); ``indexed``:
    the table has a row-number column (序号), so a number opening the next line is the next row's."""
    k = j
    while k < end:
        word = _cmp_before_re().match(text, k) or _cmp_after_re().match(text, k)
        if text[k] in _DIGITS or text[k] in _CMP_CHARS:
            k += 1
        elif word:
            k = word.end()
        elif _unit_at(text, k):
            k += _unit_at(text, k)
        elif k > j and text[k - 1] in _DIGITS and text[k] in _ABOUT and _unit_at(text, k + 1):
            k += 1 + _unit_at(text, k + 1)  # 300余人次
        elif k > j and text[k - 1] in _DIGITS and _spaced_unit(text, k):
            k += _spaced_unit(text, k)
        elif text[k].isspace() and (gap := _RUN_BREAK.match(text, k, end)) \
                and not ("\n" in gap.group(0) and (_row_start(text, gap.end(), indexed) or _opens_name(text, gap.end()))):
            k = gap.end()
        elif text[k] in _RANGE_MARKS and (groups := _value_runs(text[j:k])) and groups[-1][2] == k - j \
                and (r := _range_end(text[j:end], groups[-1][0], groups[-1][1], k - j)) > k - j:
            k = j + r  # 95%-100%: a range is one value
        else:
            break
    return k


def _name_tail(text: str, name: Cell, before: list[str]) -> tuple[Cell, list[tuple[str, Cell]]]:
    """Read the unit and comparator cells that the header puts before the values off the end of a glued name."""
    cells: list[tuple[str, Cell]] = []
    end = name.end
    for role in reversed(before):
        if role == "cmp":
            m = _cmp_tail_re().search(text, name.start, end)
        elif role == "unit":
            m = _unit_tail_re().search(text, name.start, end)
        elif role == "other" and role is before[-1] and not cells:
            m = _repeated_name(text, name.start, end) or _criteria_tail(text, name.start, end) \
                or _description_tail_re().search(text, name.start + 2, end)
        else:
            continue
        if m and m.end() == end and m.start() > name.start:
            cells.insert(0, (role, Cell(m.start(), end, text[m.start():end])))
            end = m.start()
    return (_cell(text, name.start, end) if cells else name), cells


def _repeated_name(text: str, start: int, end: int) -> re.Match[str] | None:
    """The description cell of a glued name that opens by repeating the name (享受资助人数 | 享受资助人数达到预计值):
    a match from the repeat to ``end``, the longest name of three characters or more repeated; None if none is."""
    cell = text[start:end]
    for n in range(len(cell) // 2, 2, -1):
        if cell[n:].startswith(cell[:n]):
            return re.compile(r".+", re.S).match(text, start + n, end)
    return None


@lru_cache(maxsize=1)
def _description_tail_re() -> re.Pattern[str]:
    """A text cell between a glued name and its values, from its first word (达到预计值, 实现全覆盖) to the end."""
    words = load_data("layout.toml")["glued"]["description_openers"]
    return re.compile("(?:" + "|".join(map(re.escape, words)) + r")(?![率数量额值度])[^\d\n]{2,}$")  # not 目标任务实现 | 率,
    # 群众需求 | 达到率…


def _criteria_tail(text: str, start: int, end: int) -> re.Match[str] | None:
    """A scoring rule's cell after a glued name (工程验收合格率 | 达到100%得满分，每降低1个百分点扣1分): from the
    last opening words (layout.toml ``[glued] criteria_openers``) before the rule's first points, or else its first
    value that the rule's words go on from, two characters or more into the name, to ``end``; None unless it holds a
    rule's points (得满分, 扣)."""
    mark = _RULE_MARK.search(text, start, end)
    if not mark:
        return None
    openers = [m for p in range(start + 2, mark.start()) if (m := _criteria_opener_re().match(text, p))]
    values = [p for p in range(start + 2, mark.start()) if _starts_value(text, p)
              and text[p - 1] not in _DIGITS + _CMP_CHARS and _value_in_words(text, p, end)]
    after = openers[-1].end() if openers else start
    later = [v for v in values if v > after]
    if later:  # 项目按期完工率 | 100%得满分: a value the rule's words go on from, after any opening words
        return _ANY.match(text, later[0], end)
    if openers and not _NAME_END.match(text, mark.start() - 1):
        p = min(o.start() for o in openers if o.end() > openers[-1].start())  # the last opening words before the
        while any(o.end() == p for o in openers):  # rule's points, the longest (未达到, not 达到): 资金按时拨付率 | 完成
            p = next(o.start() for o in openers if o.end() == p)  # 得满分, 任务按时完成率 | 按时完成…
        return _ANY.match(text, p, end)
    if mark.start() - start >= 2 and _NAME_END.match(text, mark.start() - 1):
        return _ANY.match(text, mark.start(), end)  # 设备符合标准率 | 得满分: a name's end right before the points
    return None


#: how a measured name ends (合格率, 户数, 满意度): no scoring rule's words
_NAME_END = re.compile(r"[率数量额度性比]")  # (not 值: 达到目标值得满分 is a rule's)

#: what a scoring rule's words hold: its points
_RULE_MARK = re.compile(r"得满分|得分|扣|计分|得\d")


def _rule_value(text: str, j: int, end: int) -> re.Match[str] | None:
    """The value at ``text[j]`` as a match when it is a scoring rule's (扣1分, 达到100%得满分): the rule's points, or a
    value with a rule's points in the words after it, before the next value (not ≤30天 | 及时 | 1010: the target,
    then the actual in words); None if not."""
    points = _RULE_POINTS.match(text, j)
    if points or not _HAN.match(text, j - 1):
        return points
    value = _value_in_words(text, j, end)
    if value is None:
        return None
    nxt = _next_value(text, value.end(), min(end, value.end() + grid.MAX_CELL), end)
    return value if _RULE_MARK.search(text, value.end(), min(end, nxt + 1)) else None  # (得 | 10分: its points)


@lru_cache(maxsize=1)
def _criteria_opener_re() -> re.Pattern[str]:
    """The first word of a scoring rule's cell, not the start of a name's last word (完成率)."""
    glued = load_data("layout.toml")["glued"]
    words = sorted({*glued["description_openers"], *glued["criteria_openers"]}, key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, words)) + ")(?![率数量额值度])")


@lru_cache(maxsize=1)
def _unit_tail_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{unit_after_number().pattern})$")


@lru_cache(maxsize=1)
def _cmp_tail_re() -> re.Pattern[str]:
    cmp = table_words()["cmp_column"]
    words = sorted({*lexicon().comparators_before, *cmp["directions"], *cmp["kinds"]}, key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(w) for w in words) + ")(?:指标)?$")
