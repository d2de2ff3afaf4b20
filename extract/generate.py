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

SHAPES = ("cell_per_line", "blank_lines", "pipe", "spaces", "one_line", "glued")
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


def _value(rng: random.Random, unit: str, low: float, high: float, decimals: int,
           comparator: str | None, for_target: bool) -> Value:
    v = round(rng.uniform(low, high), decimals)
    num = _fmt(v, decimals)
    words = vocabulary()["words"]
    cmp_text = ""
    if for_target and comparator in (">=", "<="):
        style = rng.random()
        if style < 0.6:
            cmp_text = rng.choice(words["comparators_ge"] if comparator == ">=" else words["comparators_le"])
        elif style < 0.8:
            pass
        else:
            cmp_text = "@after"
    elif for_target and comparator == "=" and rng.random() < 0.5:
        cmp_text = rng.choice(["=", "＝", "═"])
    after = ""
    if cmp_text == "@after":
        cmp_text, after = "", ("以上" if comparator == ">=" else "以内")
    comp = comparator if (cmp_text or after) else None
    if unit in ("%", "‰", "个百分点"):
        pv = v / 10 if unit == "‰" else v
        pu = "pp" if unit == "个百分点" else "%"
        text = f"{num}{unit}"
        return Value(text, "PERCENT", {"value": round(pv, 6), "unit": pu},
                     {"comparator": comp, "value": round(pv, 6), "unit": pu, "kind": "percent", "yuan": None, "_t": cmp_text + text + after})
    if unit in ("元", "万元") or unit.startswith("元/"):
        factor = 10000.0 if unit == "万元" else 1.0
        per = unit.split("/", 1)[1] if "/" in unit else None
        text = f"{num}{unit}"
        return Value(text, "MONEY", {"yuan": round(v * factor, 6), "approx": False, "per": per},
                     {"comparator": comp, "value": v, "unit": unit.split("/")[0], "kind": "money",
                      "yuan": round(v * factor, 6), "_t": cmp_text + text + after})
    mult = 10000.0 if unit.startswith("万") and len(unit) > 1 else 1.0
    base_unit = unit[1:] if mult != 1.0 else unit
    text = f"{num}{unit}"
    return Value(text, "QUANTITY", {"value": round(v * mult, 6), "unit": base_unit},
                 {"comparator": comp, "value": round(v * mult, 6), "unit": base_unit, "kind": "quantity", "yuan": None,
                  "_t": cmp_text + text + after})


@dataclass
class Row:
    level1: str
    level2: str
    name: str
    target: Value | None
    qualitative: str | None
    actual: Value | None
    weight: int
    score: float


def _rows(rng: random.Random, sector: dict[str, Any]) -> list[Row]:
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
        rows.append(Row(voc["level1"][level2], level2, name, target, None, actual, weight, score))
    if rng.random() < 0.6:
        q = rng.choice(voc["qualitative"]["sustainable"])
        rows.append(Row("效益指标", "可持续影响指标", q, None, rng.choice(voc["qualitative"]["targets"]), None,
                        rng.choice([5, 10]), 5))
    return rows


def _perf_table(b: Builder, rng: random.Random, rows: list[Row], shape: str) -> None:
    headers = ["一级指标", "二级指标", "三级指标", rng.choice(["年度指标值", "指标值", "目标值", "年初目标值"]),
               rng.choice(["实际完成值", "全年实际值", "完成值"]), rng.choice(["分值", "权重"]), "得分"]
    sep, row_end, lead = _separators(shape)
    b.text(rng.choice(["绩效指标完成情况", "年度绩效指标", "三、绩效目标完成情况"]) + "\n")
    hdr = list(headers)
    if shape in ("cell_per_line", "blank_lines") and rng.random() < 0.5:
        hdr[3] = hdr[3][:2] + "\n" + lead + hdr[3][2:]  # header broken over lines
    b.text(lead + sep.join(hdr) + row_end)
    prev1 = prev2 = None
    for row in rows:
        cells: list[tuple[str, Any]] = []
        merged1 = row.level1 == prev1 and shape not in ("glued",)
        merged2 = row.level2 == prev2 and merged1
        cells.append(("", None) if merged1 else (row.level1, None))
        cells.append(("", None) if merged2 else (row.level2, None))
        prev1, prev2 = row.level1, row.level2
        cells.append(("@name", row))
        cells.append(("@target", row))
        cells.append(("@actual", row))
        cells.append(("@weight", row))
        cells.append(("@score", row))
        if shape == "pipe":
            cells = [c for c in cells if c[0] != ""]  # merged cells lost: the row shifts left
        b.text(lead)
        ind = None
        for i, (kind, r) in enumerate(cells):
            if i:
                b.text(sep)
            if kind == "@name":
                name = r.name
                if len(name) > 3 and rng.random() < 0.08:  # a stray space left by the PDF conversion
                    cut = rng.randint(1, len(name) - 1)
                    name = name[:cut] + " " + name[cut:]
                ind = b.ent(name, "INDICATOR", level1=r.level1, level2=r.level2, table_row=True)
            elif kind == "@target":
                if r.target is not None:
                    t = dict(r.target.target_fields)
                    text = t.pop("_t")
                    if shape in ("cell_per_line", "spaces", "pipe") and t["comparator"] and rng.random() < 0.15 and text[0] in "≥≧≤≦":
                        # comparator, number and unit in separate cells: one TARGET over all of them
                        inner = sep if shape != "cell_per_line" else " | "
                        text = text[0] + inner + text[1:]
                    b.rel(ind, b.ent(text, "TARGET", **t), "target")
                else:
                    b.rel(ind, b.ent(r.qualitative, "TARGET", comparator=None, value=None, unit=None,
                                     kind="qualitative", yuan=None), "target")
            elif kind == "@actual":
                if r.actual is not None:
                    text = r.actual.text
                    m = re.match(r"^([\d.]+)(\D+)$", text)
                    if m and rng.random() < 0.08:
                        text = f"{m.group(1)} {m.group(2)}"  # 20 人: a space between number and unit
                    b.rel(ind, b.ent(text, r.actual.label, **r.actual.fields), "actual")
                else:
                    b.text(rng.choice(["达到预期", "效果良好", "基本实现"]))
            elif kind == "@weight":
                b.rel(ind, b.ent(str(r.weight), "QUANTITY", value=float(r.weight), unit=None), "weight")
            elif kind == "@score":
                s = _fmt(r.score, 1 if r.score != int(r.score) else 0)
                b.rel(ind, b.ent(s, "QUANTITY", value=float(r.score), unit=None), "score")
            else:
                b.text(kind)
        b.text(row_end)
    b.text("\n")


def _separators(shape: str) -> tuple[str, str, str]:
    """(cell separator, row end, line lead) of a flattening shape."""
    return {
        "cell_per_line": ("\n\t", "\n\n", "\t"),
        "blank_lines": ("\n\n", "\n\n", ""),
        "pipe": (" | ", " ||||\n", "| "),
        "spaces": ("    ", "\n", ""),
        "one_line": (" ", " ", ""),
        "glued": ("", "", ""),
    }[shape]


def _fund_table(b: Builder, rng: random.Random, shape: str) -> None:
    unit, factor = rng.choice([("万元", 1e4), ("万元", 1e4), ("元", 1.0)])
    caption = rng.choice([f"项目资金（{unit}）", f"资金情况({unit})", f"预算执行情况（{unit}）", f"单位：{unit}"])
    sep, row_end, lead = _separators(shape)
    b.text(caption + "\n")
    cols = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    b.text(lead + sep.join(["", *cols] if shape != "pipe" else cols) + row_end)
    total = round(rng.uniform(5, 900) if factor > 1 else rng.uniform(20000, 900000), 2 if factor > 1 else 0)
    lines = [("年度资金总额", total), (rng.choice(["其中：财政拨款", "其中：本年财政拨款", "其中：当年财政拨款"]), total)]
    if rng.random() < 0.5:
        lines.append(("上年结转资金", None))
    spent_total = round(total * rng.uniform(0.8, 1.0), 2 if factor > 1 else 0)
    for label, amount in lines:
        b.text(lead)
        start = b.pos + (3 if label.startswith("其中：") else 0)
        b.text(label)
        line_name = label.replace("其中：", "")
        cells: dict[str, str | None] = {}
        if amount is None:
            b.text(sep * (3 if shape != "glued" else 0) + row_end)
            b.doc.funds.append(FundLine(line_name, start, start + len(line_name), unit, {}))
            continue
        spent = spent_total
        rate = round(spent / amount * 100, 2)
        dec = 2 if factor > 1 else 0
        for name, val in (("budget_initial", amount), ("budget", amount), ("spent", spent)):
            b.text(sep)
            txt = _fmt(val, dec)
            cells[name] = b.ent(txt, "MONEY", yuan=round(float(txt) * factor, 6), approx=False, per=None, unit_hint=unit)
        if label == "年度资金总额":
            b.text(sep)
            cells["weight"] = b.ent("10", "QUANTITY", value=10.0, unit=None)
            b.text(sep)
            cells["rate"] = b.ent(f"{rate}%", "PERCENT", value=rate, unit="%")
            b.text(sep)
            sc = round(10 * rate / 100, 1)
            cells["score"] = b.ent(_fmt(sc, 1), "QUANTITY", value=float(_fmt(sc, 1)), unit=None)
        b.text(row_end)
        b.doc.funds.append(FundLine(line_name, start, start + len(line_name), unit, cells))
    b.text("\n")


def _prose(b: Builder, rng: random.Random, rows: list[Row], year: int) -> None:
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


def generate_document(doc_id: str, rng: random.Random) -> Document:
    """One synthetic report with its gold annotation."""
    voc = vocabulary()
    sector_name = rng.choice(sorted(voc["sectors"]))
    sector = voc["sectors"][sector_name]
    year = rng.randint(2018, 2025)
    b = Builder(Document(doc_id=doc_id, text=""), rng=rng, full_width=0.08 if rng.random() < 0.3 else 0.0)
    b.doc.meta = {"sector": sector_name}
    b.text(f"{rng.choice(sector['org'])}{year}年度{rng.choice(sector['projects'])}项目支出绩效自评报告\n\n")
    rows = _rows(rng, sector)
    parts = [lambda: _prose(b, rng, rows, year),
             lambda: _fund_table(b, rng, rng.choice(SHAPES)),
             lambda: _perf_table(b, rng, rows, rng.choice(SHAPES))]
    for part in parts:
        part()
    b.text("四、自评结论\n本项目自评得分")
    total = rng.randint(80, 100)
    b.ent(f"{total}分", "QUANTITY", value=float(total), unit="分")
    b.text("，评价等级为“优”。\n")
    return b.finish()


def generate(n: int, seed: int = 0, prefix: str = "gen") -> list[Document]:
    """``n`` reproducible synthetic reports."""
    rng = random.Random(seed)
    return [generate_document(f"{prefix}_{seed}_{i:04d}", rng) for i in range(n)]
