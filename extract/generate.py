"""The report generator: synthetic self-evaluation reports with gold annotations by construction.

Writes reports in the project's own wording (vocabulary in ``data/generator.toml``): a title,
a prose paragraph on funds, a fund table under a caption that states its unit, a
performance table (一级/二级/三级指标, 年度指标值, 实际完成值, 分值, 得分) and a prose summary.
Tables are flattened in every shape ANNOTATION.md lists (cell per line with tabs or blank
lines, ``|`` rows with padding and lost merged cells, space-separated rows, a whole table on
one line, glued cells, broken header lines) with the noise real files carry (full-width
digits, ≧, stray spaces inside names and between a number and its unit). Every span, relation, value and fund line is recorded while the
text is written, so the gold is exact. ``generate(n, seed)`` is reproducible.
"""

from __future__ import annotations

import random
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from .document import Document, FundLine, Relation

SHAPES = ("cell_per_line", "blank_lines", "pipe", "spaces", "one_line", "glued", "column_major")
#: flattenings :func:`render` writes for the read-back tests but the training mix does not draw yet (the shipped
#: model was trained without them): a table column by column, each column after its head; a table on one line whose
#: names come as a block before their rows of values, or after them
READ_BACK_SHAPES = ("headed_columns", "names_apart", "values_apart")
_FULL = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    with resources.files("extract.data").joinpath("generator.toml").open("rb") as fh:
        return tomllib.load(fh)


@dataclass
class Builder:
    """Writes text left to right and records entities at the offsets where they are written."""

    doc: Document
    parts: list[str] = field(default_factory=list)
    pos: int = 0
    full_width: float = 0.0
    rng: random.Random = field(default_factory=random.Random)

    def text(self, s: str) -> None:
        self.parts.append(s)
        self.pos += len(s)

    def ent(self, s: str, label: str, **attrs: Any) -> str:
        if self.full_width and self.rng.random() < self.full_width:
            s = s.translate(_FULL)
        eid = f"e{len(self.doc.entities) + 1}"
        from .document import Entity

        self.doc.entities.append(Entity(eid, label, self.pos, self.pos + len(s), s, attrs))
        self.text(s)
        return eid

    def rel(self, head: str, tail: str | None, slot: str) -> None:
        if tail:
            self.doc.relations.append(Relation(head, tail, slot))

    def finish(self) -> Document:
        self.doc.text = "".join(self.parts)
        return self.doc


def _fmt(x: float, decimals: int) -> str:
    return f"{x:.{decimals}f}" if decimals else str(int(round(x)))


@dataclass
class Value:
    """A value to write: its text and its fields for each label it may take."""

    text: str
    label: str  # MONEY | PERCENT | QUANTITY
    fields: dict[str, Any]
    target_fields: dict[str, Any]
    comparator_text: str = ""  # written before the number in a target (≥, 不低于)
    after_text: str = ""  # written after it (以上, 以内)


def _value(rng: random.Random, unit: str, low: float, high: float, decimals: int,
           comparator: str | None, for_target: bool) -> Value:
    v = round(rng.uniform(low, high), decimals)
    num = _fmt(v, decimals)
    words = vocabulary()["words"]
    cmp_text = after = ""
    if for_target and comparator in (">=", "<="):
        style = rng.random()
        if style < 0.6:
            cmp_text = rng.choice(words["comparators_ge"] if comparator == ">=" else words["comparators_le"])
        elif style >= 0.8:
            after = "以上" if comparator == ">=" else "以内"
    elif for_target and comparator == "=" and rng.random() < 0.5:
        cmp_text = rng.choice(["=", "＝", "═"])
    comp = comparator if (cmp_text or after) else None
    text = f"{num}{unit}"
    if unit in ("%", "‰", "个百分点"):
        pv = v / 10 if unit == "‰" else v
        pu = "pp" if unit == "个百分点" else "%"
        return Value(text, "PERCENT", {"value": round(pv, 6), "unit": pu},
                     {"comparator": comp, "value": round(pv, 6), "unit": pu, "kind": "percent", "yuan": None}, cmp_text, after)
    if unit in ("元", "万元") or unit.startswith("元/"):
        factor = 10000.0 if unit == "万元" else 1.0
        per = unit.split("/", 1)[1] if "/" in unit else None
        return Value(text, "MONEY", {"yuan": round(v * factor, 6), "approx": False, "per": per},
                     {"comparator": comp, "value": v, "unit": unit.split("/")[0], "kind": "money",
                      "yuan": round(v * factor, 6)}, cmp_text, after)
    mult = 10000.0 if unit.startswith("万") and len(unit) > 1 else 1.0
    base_unit = unit[1:] if mult != 1.0 else unit
    return Value(text, "QUANTITY", {"value": round(v * mult, 6), "unit": base_unit},
                 {"comparator": comp, "value": round(v * mult, 6), "unit": base_unit, "kind": "quantity", "yuan": None},
                 cmp_text, after)


@dataclass
class IndicatorRow:
    level1: str
    level2: str
    name: str
    target: Value | None
    qualitative: str | None
    actual: Value | None
    weight: int
    score: float
    done: str | None = None  # the actual of a qualitative row, when written (the target repeated, a date)


def indicator_rows(rng: random.Random, sector: dict[str, Any]) -> list[IndicatorRow]:
    """Rows of a performance table for one sector's indicators (with one qualitative row now and then)."""
    voc = vocabulary()
    inds = rng.sample(sector["indicators"], k=min(len(sector["indicators"]), rng.randint(3, 6)))
    order = list(voc["level1"])
    inds.sort(key=lambda r: order.index(r[1]) if r[1] in order else 99)
    rows = []
    for name, level2, unit, low, high, dec, cmp in inds:
        target = _value(rng, unit, low, high, dec, cmp or None, True)
        actual = _value(rng, unit, low, high * 1.05, dec, None, False)
        weight = rng.choice([5, 10, 10, 15, 20])
        score = weight if rng.random() < 0.7 else round(weight * rng.uniform(0.6, 0.95), 1)
        rows.append(IndicatorRow(voc["level1"][level2], level2, name, target, None, actual, weight, score))
    if rng.random() < 0.6:
        q = rng.choice(voc["qualitative"]["sustainable"])
        rows.append(IndicatorRow("效益指标", "可持续影响指标", q, None, rng.choice(voc["qualitative"]["targets"]), None,
                                 rng.choice([5, 10]), 5))
    if rng.random() < 0.3:  # a deadline: the target a date (2021年12月底前), the actual the date it was done
        dates = voc["qualitative"]["deadlines"]
        rows.insert(0, IndicatorRow("产出指标", "时效指标", rng.choice(voc["qualitative"]["timely"]), None,
                                    rng.choice(dates["targets"]), None, rng.choice([5, 10]), 5))
        rows[0].done = rng.choice(dates["done"])
    return rows


# -- tables as grids, rendered in every flattening --------------------------------------------

@dataclass
class Piece:
    """What one grid cell holds (or, for a value written over several cells, several cells: ≥ | 95 | %).

    ``texts`` has one text per cell it covers; ``label`` and ``fields`` make it an entity (over all of
    its cells, separators included); ``role`` names what it is in its row (name, target, actual, weight,
    score, level, label, budget …); ``merged`` marks a level cell merged with the row above.
    """

    texts: list[str]
    role: str = ""
    label: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    merged: bool = False
    tail: str = ""  # written in the cell after the entity, outside it (the per-unit of an actual: 438元 | /人·月)


@dataclass
class Grid:
    """A table to write: header cells and rows of pieces (a piece may cover several columns)."""

    kind: str  # performance | fund
    header: list[str]
    rows: list[list[Piece]]


#: cell separator, row end and line lead of each flattening
_SEPARATORS = {
    "cell_per_line": ("\n\t", "\n\n", "\t"),
    "blank_lines": ("\n\n", "\n\n", ""),
    "pipe": (" | ", " ||||\n", "| "),
    "spaces": ("    ", "\n", ""),
    "one_line": (" ", " ", ""),
    "glued": ("", "", ""),
    "column_major": ("\n", "\n", ""),  # one cell per line, every row's values apart from the names (render)
    "headed_columns": ("\n", "\n", ""),  # one cell per line, column by column, each after its head (render)
    "names_apart": (" ", " ", ""),  # on one line, the level and indicator names before all the rows' values (render)
    "values_apart": (" ", " ", ""),  # on one line, runs of rows' values before their names (render)
}


@dataclass
class Written:
    """Where a piece was written, and the id of its entity (None when it is no entity)."""

    entity: str | None
    start: int
    end: int


def render(b: Builder, grid: Grid, shape: str, rng: random.Random, broken_header: bool = False,
           traditional: bool = False) -> list[dict[str, Written]]:
    """Write ``grid`` in one flattening; return, per row, where each role's piece was written.

    Merged level cells are written empty (a tab line, an empty cell) or, in ``|`` rows, lost so that
    the row shifts left; glued tables repeat them. With ``broken_header`` a header word is broken over
    two lines; with ``traditional`` the header and the text cells are written in traditional characters
    (OpenCC s2t, character by character, as conversion mirrors do), values as they are.
    """
    sep, row_end, lead = _SEPARATORS[shape]
    header = [_traditional(h) if traditional else h for h in grid.header]
    if broken_header and shape in ("cell_per_line", "blank_lines"):
        i = next((k for k, h in enumerate(header) if len(h) >= 4 and h.endswith("值")), None)
        if i is not None:
            header[i] = header[i][:2] + "\n" + lead + header[i][2:]
    if shape == "headed_columns":
        return _render_headed_columns(b, grid, header, traditional)
    b.text(lead + sep.join(header) + row_end)
    if shape == "column_major":
        return _render_column_major(b, grid, rng, traditional)
    if shape == "names_apart":
        return _render_names_apart(b, grid, rng, traditional)
    if shape == "values_apart":
        return _render_values_apart(b, grid, rng, traditional)
    out: list[dict[str, Written]] = []
    for row in grid.rows:
        pieces = [p for p in row if not (p.merged and shape == "pipe")]
        got: dict[str, Written] = {}
        b.text(lead)
        for i, p in enumerate(pieces):
            if i:
                b.text(sep)
            texts = [("" if p.merged and shape != "glued" else t) for t in p.texts]
            if traditional and p.label in (None, "INDICATOR"):
                texts = [_traditional(t) for t in texts]
            inner = sep if shape != "cell_per_line" else " | "
            written = inner.join(texts)
            start = b.pos
            eid = b.ent(written, p.label, **p.fields) if p.label and written else None
            if eid is None:
                b.text(written)
            b.text(p.tail)
            got.setdefault(p.role, Written(eid, start, b.pos))
        b.text(row_end)
        out.append(got)
    b.text("\n")
    return out


def _render_column_major(b: Builder, grid: Grid, rng: random.Random, traditional: bool) -> list[dict[str, Written]]:
    """A table as a PDF's text boxes give it: one cell per line, every row's values (row by row), then the
    level and indicator names (merged level cells lost), or the names first."""
    out: list[dict[str, Written]] = [{} for _ in grid.rows]
    names, values = _names_and_values(grid)
    for block in (values, names) if rng.random() < 0.5 else (names, values):
        for got, pieces in zip(out, block):
            for p in pieces:
                got.setdefault(p.role, _write_piece(b, p, traditional, "\n"))
    b.text("\n")
    return out


def _names_and_values(grid: Grid) -> tuple[list[list[Piece]], list[list[Piece]]]:
    """Each row's level and name pieces (merged level cells lost) and its value pieces."""
    return ([[p for p in row if p.role in ("level", "name") and not p.merged] for row in grid.rows],
            [[p for p in row if p.role not in ("level", "name")] for row in grid.rows])


def _write_piece(b: Builder, p: Piece, traditional: bool, after: str, empty: str = "") -> Written:
    """Write one piece as a cell of its own, then ``after``; an empty piece as ``empty`` (—), no entity."""
    written = " ".join(p.texts) or empty
    if traditional and p.label in (None, "INDICATOR"):
        written = _traditional(written)
    start = b.pos
    eid = b.ent(written, p.label, **p.fields) if p.label and written != empty else None
    if eid is None:
        b.text(written)
    b.text(p.tail + after)
    return Written(eid, start, start + len(written) + len(p.tail))


def _render_names_apart(b: Builder, grid: Grid, rng: random.Random, traditional: bool) -> list[dict[str, Written]]:
    """A table on one line as a PDF's text boxes may give it: rows in runs of one to three, each run's level and
    indicator names (merged level cells lost), then its rows' values in row order, a space apart."""
    out: list[dict[str, Written]] = [{} for _ in grid.rows]
    names, values = _names_and_values(grid)
    runs, k = [], 0
    while k < len(grid.rows):
        n = rng.randint(1, 3)
        runs.append(range(k, min(k + n, len(grid.rows))))
        k += n
    for run in runs:
        for got, pieces in [(out[i], names[i]) for i in run] + [(out[i], values[i]) for i in run]:
            for p in pieces:
                got.setdefault(p.role, _write_piece(b, p, traditional, " ", empty="—"))
    b.text("\n\n")
    return out


def _render_values_apart(b: Builder, grid: Grid, rng: random.Random, traditional: bool) -> list[dict[str, Written]]:
    """A table on one line as a PDF's text boxes may give it when its name cells are taller than its value cells:
    rows in runs of one to four, each run's values in row order, then its level and indicator names (merged level
    cells lost); the first row's names before the values in half of the runs (that row printed whole)."""
    out: list[dict[str, Written]] = [{} for _ in grid.rows]
    names, values = _names_and_values(grid)
    k = 0
    while k < len(grid.rows):
        run = range(k, min(k + rng.randint(1, 4), len(grid.rows)))
        k = run[-1] + 1
        whole = run[:1] if rng.random() < 0.5 else run[:0]
        order = [(out[i], names[i]) for i in whole] + [(out[i], values[i]) for i in run] \
            + [(out[i], names[i]) for i in run if i not in whole]
        for got, pieces in order:
            for p in pieces:
                got.setdefault(p.role, _write_piece(b, p, traditional, " ", empty="—"))
    b.text("\n\n")
    return out


def _render_headed_columns(b: Builder, grid: Grid, header: list[str], traditional: bool) -> list[dict[str, Written]]:
    """A table as a PDF gives it column by column: each head on a line, then its column's cells a line each
    (merged level cells lost, an empty value cell printed as —)."""
    out: list[dict[str, Written]] = [{} for _ in grid.rows]
    for c, head in enumerate(header):
        b.text(head + "\n")
        for got, row in zip(out, grid.rows):
            p = row[c] if c < len(row) else None
            if p is None or p.merged:
                continue
            got.setdefault(p.role, _write_piece(b, p, traditional, "\n", empty="—"))
    b.text("\n")
    return out


@lru_cache(maxsize=1)
def _to_traditional():
    import opencc

    return opencc.OpenCC("s2t")


def _traditional(text: str) -> str:
    """``text`` in traditional characters, converted character by character (length kept)."""
    cc = _to_traditional()
    return "".join(c if len(cc.convert(c)) != 1 else cc.convert(c) for c in text)


def performance_grid(rows: list[IndicatorRow], rng: random.Random, shape: str, targets_only: bool = False) -> Grid:
    """The performance table of ``rows``: levels, name, target (sometimes over comparator / value / unit
    columns), actual, weight and score, in one of the header orders real forms use; ``targets_only``, a form of
    targets (绩效目标表): no actual, weight nor score."""
    split_target = shape in ("cell_per_line", "pipe", "spaces") and rng.random() < 0.25
    header = ["一级指标", "二级指标", "三级指标"]
    header += ["指标性质", "指标值", "度量单位"] if split_target else \
        [rng.choice(["年度指标值", "指标值", "目标值", "年初目标值", "年初设定值", "年度计划数"])]  # the last two: no header word
    header += [rng.choice(["实际完成值", "全年实际值", "完成值"]), rng.choice(["分值", "权重"]), "得分"]
    out, prev1, prev2 = [], None, None
    for r in rows:
        merged1 = r.level1 == prev1 and shape != "glued"
        merged2 = r.level2 == prev2 and merged1
        prev1, prev2 = r.level1, r.level2
        name = r.name
        # a stray space left by the PDF conversion (not on one line, where a single space is the cell separator:
        # 项目 持续发挥作用年限 | 规范 cannot be told from 项目 | 持续发挥作用年限, nor 10 | 家 庭医生… from 10家)
        if shape not in ("one_line", "names_apart", "values_apart") and len(name) > 3 and rng.random() < 0.08:
            cut = rng.randint(1, len(name) - 1)
            name = name[:cut] + " " + name[cut:]
        cells = [Piece([r.level1], "level", merged=merged1), Piece([r.level2], "level", merged=merged2),
                 Piece([name], "name", "INDICATOR", {"level1": r.level1, "level2": r.level2, "table_row": True})]
        cells += _target_pieces(r, split_target, shape, rng)
        if r.actual is not None:
            text = r.actual.text
            m = re.match(r"^([\d.]+)(\D+)$", text)
            if m and rng.random() < 0.08:
                text = f"{m.group(1)} {m.group(2)}"  # 20 人: a space between number and unit
            value, slash, per = text.partition("/")
            if slash and r.actual.label == "MONEY":  # 438元/人·月: the per-unit outside the span (GUIDELINES 2, 81)
                cells.append(Piece([value], "actual", r.actual.label, dict(r.actual.fields), tail=slash + per))
            else:
                cells.append(Piece([text], "actual", r.actual.label, dict(r.actual.fields)))
        else:  # a qualitative actual: the date it was done, the target met as written (高 | 高), or words
            done = r.done or rng.choice([r.qualitative or "", "达到预期", "效果良好", "基本实现"])
            cells.append(Piece([done], "actual"))
        cells.append(Piece([str(r.weight)], "weight", "QUANTITY", {"value": float(r.weight), "unit": None}))
        sc = _fmt(r.score, 1 if r.score != int(r.score) else 0)
        cells.append(Piece([sc], "score", "QUANTITY", {"value": float(r.score), "unit": None}))
        out.append([p for p in cells if p.role not in _BESIDE_TARGETS] if targets_only else cells)
    if targets_only:
        header = header[:-len(_BESIDE_TARGETS)]
    return Grid("performance", header, out)


#: the columns a form of targets leaves out (their heads the last of a full header)
_BESIDE_TARGETS = ("actual", "weight", "score")


def _target_pieces(r: IndicatorRow, split: bool, shape: str, rng: random.Random) -> list[Piece]:
    """The target cell of a row: whole (≥90%), or over comparator, value and unit columns (≥ | 90 | %)."""
    if r.target is None:
        text = r.qualitative or ""
        fields = {"comparator": None, "value": None, "unit": None, "kind": "qualitative", "yuan": None}
        return [Piece(["定性", text], "target", "TARGET", fields), Piece([""])] if split else \
            [Piece([text], "target", "TARGET", fields)]
    t = r.target
    fields = dict(t.target_fields)
    if split:
        m = re.match(r"^([\d.]+)(.*)$", t.text)
        cmp = t.comparator_text or {">=": "≥", "<=": "≤"}.get(fields["comparator"] or "", "=")
        if fields["comparator"] is None:
            fields["comparator"] = "="
        return [Piece([cmp, m.group(1), m.group(2)], "target", "TARGET", fields)]
    text = t.comparator_text + t.text + t.after_text
    if shape in ("spaces", "pipe") and t.comparator_text[:1] in ("≥", "≧", "≤", "≦") and rng.random() < 0.15:
        return [Piece([t.comparator_text, t.text + t.after_text], "target", "TARGET", fields)]  # ≧ | 735人次
    return [Piece([text], "target", "TARGET", fields)]


def fund_grid(rng: random.Random, unit: str, factor: float, varied: bool = False) -> Grid:
    """A fund table: rows 年度资金总额, 其中：财政拨款 (…) with their amounts, rate and points; ``varied``, one
    of the column sets and row labels of generator.toml's ``fund_tables`` (:func:`_varied_fund_grid`)."""
    if varied:
        return _varied_fund_grid(rng, unit, factor)
    total = round(rng.uniform(5, 900) if factor > 1 else rng.uniform(20000, 900000), 2 if factor > 1 else 0)
    labels = [("年度资金总额", total), (rng.choice(["其中：财政拨款", "其中：本年财政拨款", "其中：当年财政拨款"]), total)]
    if rng.random() < 0.5:
        labels.append(("上年结转资金", None))
    spent_total = round(total * rng.uniform(0.8, 1.0), 2 if factor > 1 else 0)
    header = ["", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    rows = []
    dec = 2 if factor > 1 else 0
    for label, amount in labels:
        start = 3 if label.startswith("其中：") else 0
        cells = [Piece([label], "label", fields={"line": label[start:], "skip": start})]  # fields: not an entity
        if amount is None:
            rows.append(cells)
            continue
        for name, val in (("budget_initial", amount), ("budget", amount), ("spent", spent_total)):
            cells.append(_money_piece(name, _fmt(val, dec), unit, factor))
        if label == "年度资金总额":
            rate = round(spent_total / amount * 100, 2)
            sc = round(10 * rate / 100, 1)
            cells += [_points_piece("weight", "10"), _rate_piece(rate), _points_piece("score", _fmt(sc, 1))]
        rows.append(cells)
    return Grid("fund", header, rows)


def _money_piece(role: str, txt: str, unit: str, factor: float) -> Piece:
    """A fund cell's amount, as written (``txt``) in the table's ``unit`` (``factor`` yuan each)."""
    return Piece([txt], role, "MONEY", {"yuan": round(float(txt) * factor, 6), "approx": False, "per": None,
                                        "unit_hint": unit})


def _rate_piece(rate: float) -> Piece:
    """A fund row's execution rate in percent."""
    return Piece([f"{rate}%"], "rate", "PERCENT", {"value": rate, "unit": "%"})


def _points_piece(role: str, txt: str) -> Piece:
    """A fund row's weight or score, as written."""
    return Piece([txt], role, "QUANTITY", {"value": float(txt), "unit": None})


def _varied_fund_grid(rng: random.Random, unit: str, factor: float) -> Grid:
    """A fund table of one of the forms' column sets: a total row (年度资金总额, 资金总额, 合计) and two to five
    rows under it, each with its amounts and, where the form has the columns, its own rate and score; the weight
    on the total row only; a row may be left empty."""
    voc = vocabulary()["fund_tables"]
    columns = rng.choice(voc["headers"])
    dec = 2 if factor > 1 else 0
    labels = [rng.choice(voc["totals"])] + rng.sample(voc["rows"], rng.randint(2, 5))
    row_scores = rng.random() < 0.5  # every row scored, or the total alone
    rows = []
    for k, label in enumerate(labels):
        start = 3 if label.startswith("其中：") else 0
        line = "年度资金总额" if k == 0 else label[start:]
        cells = [Piece([label], "label", fields={"line": line, "skip": start})]
        if k and rng.random() < 0.15:  # a source without money this year: its cells left empty
            rows.append(cells + [Piece([""]) for _ in columns])
            continue
        budget = round(rng.uniform(5, 900) if factor > 1 else rng.uniform(20000, 900000), dec)
        spent = round(budget * rng.uniform(0.8, 1.0), dec)
        for _, role in columns:
            if role in ("budget_initial", "budget", "received", "spent"):
                cells.append(_money_piece(role, _fmt(spent if role == "spent" else budget, dec), unit, factor))
            elif role == "rate":
                cells.append(_rate_piece(round(spent / budget * 100, 2)))
            elif role == "weight" and k == 0:
                cells.append(_points_piece("weight", "10"))
            elif role == "score" and (k == 0 or row_scores):
                cells.append(_points_piece("score", _fmt(round(10 * spent / budget, 1), 1)))
            else:
                cells.append(Piece([""]))
        rows.append(cells)
    return Grid("fund", [""] + [h for h, _ in columns], rows)


def _perf_table(b: Builder, rng: random.Random, rows: list[IndicatorRow], shape: str) -> None:
    b.text(rng.choice(["绩效指标完成情况", "年度绩效指标", "三、绩效目标完成情况"]) + "\n")
    grid = performance_grid(rows, rng, shape)
    for got in render(b, grid, shape, rng, broken_header=rng.random() < 0.5, traditional=rng.random() < 0.1):
        for slot in ("target", "actual", "weight", "score"):
            if "name" in got and slot in got:
                b.rel(got["name"].entity, got[slot].entity, slot)


def _fund_table(b: Builder, rng: random.Random, shape: str, varied: bool = False) -> None:
    unit, factor = rng.choice([("万元", 1e4), ("万元", 1e4), ("元", 1.0)])
    b.text(rng.choice([f"项目资金（{unit}）", f"资金情况({unit})", f"预算执行情况（{unit}）", f"单位：{unit}"]) + "\n")
    grid = fund_grid(rng, unit, factor, varied=varied)
    for row, got in zip(grid.rows, render(b, grid, shape, rng)):
        label, where = row[0], got["label"]
        s = where.start + label.fields["skip"]
        line = label.fields["line"]
        cells = {k: got[k].entity for k in ("budget_initial", "budget", "spent", "weight", "rate", "score") if k in got}
        b.doc.funds.append(FundLine(line, s, s + len(line), unit, cells))


def _prose(b: Builder, rng: random.Random, rows: list[IndicatorRow], year: int) -> None:
    words = vocabulary()["words"]
    budget = round(rng.uniform(10, 500), 2)
    spent = round(budget * rng.uniform(0.85, 1.0), 2)
    b.text(f"{year}年，")
    i = b.ent("项目资金预算", "INDICATOR")
    m = b.ent(f"{_fmt(budget, 2)}万元", "MONEY", yuan=round(budget * 1e4, 6), approx=False, per=None)
    b.rel(i, m, "actual")
    b.text("，")
    i = b.ent("资金到位率", "INDICATOR")
    b.text(rng.choice(["", "为", "达到"]))
    b.rel(i, b.ent("100%", "PERCENT", value=100.0, unit="%"), "actual")
    b.text("；")
    i = b.ent("实际支出", "INDICATOR")
    b.rel(i, b.ent(f"{_fmt(spent, 2)}万元", "MONEY", yuan=round(spent * 1e4, 6), approx=False, per=None), "actual")
    rate = round(spent / budget * 100, 2)
    b.text("，")
    i = b.ent("预算执行率", "INDICATOR")
    b.text(rng.choice(["", "为"]))
    b.rel(i, b.ent(f"{rate}%", "PERCENT", value=rate, unit="%"), "actual")
    b.text(f"。{year}年{rng.randint(1, 12)}月项目按计划实施，")
    ch = round(rng.uniform(1, 40), 1)
    b.text(rng.choice(["投诉同比下降", "发案率同比下降", "成本同比降低"]))
    b.ent(f"{ch}%", "PERCENT", value=ch, unit="%")
    b.text("。\n")
    for row in rows:
        if row.actual is None or rng.random() < 0.4:
            continue
        b.text(rng.choice(["全年", "", "截至年底，"]))
        i = b.ent(row.name, "INDICATOR", level1=row.level1, level2=row.level2)
        b.text(rng.choice(words["prose_links"]))
        b.rel(i, b.ent(row.actual.text, row.actual.label, **row.actual.fields), "actual")
        b.text(rng.choice(["，", "；", "。"]))
    b.text("\n")


def generate_document(doc_id: str, rng: random.Random, mix: str = "training") -> Document:
    """One synthetic report with its gold annotation: its tables in the flattenings of :data:`SHAPES` and the
    one fund table of :func:`fund_grid` (``mix`` "training", the shipped model's), or (``mix`` "every_shape") its
    performance table in :data:`READ_BACK_SHAPES` too and, every other report, a fund table of the forms' many
    column sets."""
    if mix not in MIXES:
        raise ValueError(f"unknown generated mix {mix!r}: use one of {', '.join(MIXES)}")
    every = mix == "every_shape"
    voc = vocabulary()
    sector_name = rng.choice(sorted(voc["sectors"]))
    sector = voc["sectors"][sector_name]
    year = rng.randint(2018, 2025)
    b = Builder(Document(doc_id=doc_id, text=""), rng=rng, full_width=0.08 if rng.random() < 0.3 else 0.0)
    b.doc.meta = {"sector": sector_name}
    b.text(f"{rng.choice(sector['org'])}{year}年度{rng.choice(sector['projects'])}项目支出绩效自评报告\n\n")
    rows = indicator_rows(rng, sector)
    parts = [lambda: _prose(b, rng, rows, year),
             lambda: _fund_table(b, rng, rng.choice(SHAPES), varied=every and rng.random() < 0.5),
             lambda: _perf_table(b, rng, rows, rng.choice(SHAPES + READ_BACK_SHAPES if every else SHAPES))]
    for part in parts:
        part()
    b.text("四、自评结论\n本项目")
    name = b.ent("自评得分", "INDICATOR")  # a score field: INDICATOR and its points (ANNOTATION rule 72, GUIDELINES 94)
    total = rng.randint(80, 100)
    b.rel(name, b.ent(f"{total}分", "QUANTITY", value=float(total), unit="分"), "actual")
    b.text("，评价等级为“优”。\n")
    return b.finish()


#: the mixes of flattenings :func:`generate` draws from (``[data] generated_mix`` of a training config)
MIXES = ("training", "every_shape")


def generate(n: int, seed: int = 0, prefix: str = "gen", mix: str = "training") -> list[Document]:
    """``n`` reproducible synthetic reports (``mix``: see :func:`generate_document`)."""
    rng = random.Random(seed)
    return [generate_document(f"{prefix}_{seed}_{i:04d}", rng, mix) for i in range(n)]
