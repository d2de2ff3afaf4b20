"""Tables: turn the layout's table rows into entities, relations and fund lines.

- Performance rows (:func:`read_performance_rows`): the row's name cell becomes the
  INDICATOR (without a 指标1: label) with the levels carried down to it; each cell becomes
  what its column holds: a target cell one TARGET (or, in a sentence cell, every goal value
  in it), an actual cell MONEY, PERCENT or QUANTITY by what it writes (a bare number takes
  the unit column's or the name's bracket unit), 分值 / 得分 cells QUANTITY; each is linked
  to the INDICATOR in its column's slot.
- Tables whose rows the layout could not rebuild (:func:`link_entity_rows`) are read over
  the tagger's entities in reading order.
- Fund rows (:func:`read_fund_rows`): cell entities (MONEY in the caption's unit, PERCENT,
  QUANTITY) and one fund line per row.
A cell's entity replaces whatever the tagger found where the cell is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .document import Cell, Document, Entity, FundLine, Relation, Row, Table
from .grid import MAX_RATIO
from .layout import NO_SLOT, column_units, is_date, money_note_re, row_slots, total_row_re, table_words, unit_before, value_groups
from .levels import LevelTracker
from .lexicon import han_value_words, lexicon, unit_after_number
from .schema import FUND_FIELDS, SLOT_TAILS, TOTAL_LINE
from .textview import GLOSS
from .values import caption_factor, parse_value, value_label

_BRACKET_UNIT = re.compile(r"[(（]\s*([≥≤<>=≧≦]*)\s*\*{0,2}\s*([^()（）*≥≤<>=≧≦\d]{1,6})\s*[)）]\s*$")
_CELL_LABEL = {"weight": "QUANTITY", "score": "QUANTITY"}
#: how far after its name an entity-sequence row may reach
MAX_ROW = 400
#: how far back a restated sum (工程资金金额 | 43.2) looks for the fund table's caption unit
RESTATED_SUM_WINDOW = 3000


def read_tables(doc: Document) -> None:
    """Read every table of ``doc.tables``: fund lines first, then performance rows and a form's score
    fields (relations added)."""
    for t in doc.tables:
        if t.kind == "fund":
            read_fund_rows(doc, t)
    doc.sort_entities()
    for t in doc.tables:
        if t.kind == "performance":
            achieved = bool({"actual", "score"} & set(t.roles()))
            doc.relations.extend(read_performance_rows(doc, t.rows, column_units(doc.text, t), achieved) if t.rows
                                 else link_entity_rows(doc, t))
        elif t.kind == "field":
            doc.relations.extend(read_performance_rows(doc, t.rows))
    doc.relations.extend(signature_rows(doc))


def signature_rows(doc: Document) -> list[Relation]:
    """Rows of a performance table that no header announced (a PDF that scrambled the header, a table without
    one): an INDICATOR outside every table followed, with only spaces between, by two values of one unit and
    two bare points, the second at most the first (资金是否全部纳入医保统筹 100% 100% 15 15): its target,
    actual, weight and score; or by just two such points (决策依据 2 2): a scoring item's weight and score."""
    ents = sorted(doc.entities, key=lambda e: (e.start, e.end))
    taken = {r.tail for r in doc.relations} | {r.head for r in doc.relations}
    rels: list[Relation] = []
    for i, ind in enumerate(ents):
        if ind.label != "INDICATOR" or ind.id in taken or doc.in_table(ind.start):
            continue
        row = []  # the values right after the name, only spaces between
        for e in ents[i + 1:i + 5]:
            if e.label == "INDICATOR" or e.id in taken or doc.text[(row[-1] if row else ind).end:e.start].strip(" \t\u3000"):
                break
            row.append(e)
        if len(row) == 4 and _is_row(row):
            slots = ("target", "actual", "weight", "score")
            _relabel(row[0], "TARGET", None)
        elif len(row) == 2 and _points_pair(row):
            slots = ("weight", "score")  # 决策依据 2 2: a scoring form's points and score
        else:
            continue
        for slot, e in zip(slots, row):
            if slot in ("weight", "score"):
                _relabel(e, "QUANTITY", None)
            rels.append(Relation(ind.id, e.id, slot))
        taken |= {ind.id, *(e.id for e in row)}
    return rels


def _is_row(row: list[Entity]) -> bool:
    """Whether four values read as a target and an actual of one unit, then points and a score."""
    target, actual = row[:2]
    return _points_pair(row[2:]) and target.label in ("TARGET", "MONEY", "PERCENT", "QUANTITY") \
        and actual.label in ("MONEY", "PERCENT", "QUANTITY") and _unit_of(target) == _unit_of(actual)


#: the most points one scored item of a form has (a pair of larger numbers after a name is no weight and score)
MAX_ITEM_POINTS = 30


def _points_pair(pair: list[Entity]) -> bool:
    """Whether two entities are bare points, the second (a score) at most the first (its weight), not 0."""
    points = [_bare_points(e) for e in pair]
    return None not in points and 0 < points[0] <= MAX_ITEM_POINTS and points[1] <= points[0]


def _bare_points(ent: Entity) -> float | None:
    """The points a bare number entity writes (15, 9.5: at most 100), else None."""
    m = re.fullmatch(r"\d{1,3}(?:\.\d{1,2})?", ent.text.strip())
    return float(m.group(0)) if m and float(m.group(0)) <= 100 else None


def _unit_of(ent: Entity) -> str:
    """The unit a value entity writes after its number (%, 人, 万元), '' for none."""
    m = re.search(r"\d[\d.,]*\s*([^\d\s]*)$", ent.text)
    return m.group(1) if m else ""


def _relabel(ent: Entity, label: str, unit_hint: str | None) -> None:
    """Give a cell's entity the label its column calls for, with freshly parsed values."""
    if ent.label == label and not (unit_hint and _is_bare_text(ent.text)):
        return
    ent.label = label
    ent.attrs = {k: v for k, v in ent.attrs.items() if k in ("table_row",)}
    ent.attrs.update(parse_value(ent.text, label, unit_hint))
    if unit_hint:
        ent.attrs["unit_hint"] = unit_hint




def _value_label(ent: Entity) -> str:
    """MONEY, PERCENT or QUANTITY: the entity's own label if it is one, else what its text holds."""
    return ent.label if ent.label in ("MONEY", "PERCENT", "QUANTITY") else value_label(ent.text)


def link_entity_rows(doc: Document, header: Table, max_row: int = MAX_ROW) -> list[Relation]:
    """Relations of a performance table whose rows the layout could not rebuild, read over the tagger's
    entities in reading order: an INDICATOR starts a row and the values after it fill the columns after
    the name column in header order (a TARGET jumps to the target column)."""
    slots = row_slots(header)
    end = header.end
    ents = sorted((e for e in doc.entities if header.header_end <= e.start < end), key=lambda e: e.start)
    inds = [e for e in ents if e.label == "INDICATOR"]
    rels: list[Relation] = []
    prev_end, levels = header.header_end, LevelTracker()
    for i, ind in enumerate(inds):
        levels.see_text(doc.text[prev_end:ind.start])
        ind.attrs.update({"level1": levels.level1, "level2": levels.level2, "table_row": True})
        stop = min(inds[i + 1].start if i + 1 < len(inds) else end, ind.end + max_row)
        cells = [e for e in ents if ind.end <= e.start < stop and e.label != "INDICATOR"]
        m = _BRACKET_UNIT.search(ind.text)
        hint = m.group(1).strip() if m else None
        col = 0
        for ent in cells:
            if ent.label == "TARGET" and "target" in slots:
                col = slots.index("target")
            while col < len(slots) and slots[col] in ("unit", "cmp", "other", *NO_SLOT):
                col += 1
            if col >= len(slots):
                break
            slot = slots[col]
            if slot == "target":
                _relabel(ent, "TARGET", hint if _is_bare_text(ent.text) else None)
            elif slot == "actual":
                _relabel(ent, _value_label(ent), hint if _is_bare_text(ent.text) else None)
            else:
                _relabel(ent, _CELL_LABEL[slot], None)
            rels.append(Relation(ind.id, ent.id, slot))
            prev_end = ent.end
            col += 1
        prev_end = max(prev_end, ind.end)
    return rels


@lru_cache(maxsize=1)
def _row_number_re() -> re.Pattern[str]:
    """A row label before the name in a 三级指标 cell: 指标1:, 指标 2："""
    return re.compile(table_words()["names"]["row_label"])


@lru_cache(maxsize=1)
def _money_name_re() -> re.Pattern[str]:
    """An indicator name that names a sum of money (资金, 金额, 经费 …)."""
    return re.compile(table_words()["names"]["money"])


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{4,}")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _replace(doc: Document, label: str, start: int, end: int, **attrs: object) -> Entity:
    """A new entity over ``[start, end)``; entities overlapping it are dropped."""
    doc.entities = [e for e in doc.entities if not (e.start < end and start < e.end)]
    return doc.add_entity(label, start, end, **attrs)


def _writes_number(cell: str) -> bool:
    """Whether a value cell writes a number: a digit, or a count in Chinese numerals that is the whole cell
    with its unit (一百二十人, 三千余人次, 百分之九十五), not words that hold a numeral character (进一步优化,
    一般, 统一规范, 三级甲等)."""
    if any(c.isdigit() for c in cell):
        return True
    core = cell.strip()
    m = _CN_COUNT.match(core)
    if not m:
        return False
    rest = core[m.end():]
    unit = unit_after_number().match(rest)
    return m.group(0).startswith("百分之") or not rest or bool(unit and unit.end() == len(rest))


#: a count written in Chinese numerals at the start of a cell (百分之九十五, 三千余)
_CN_COUNT = re.compile(r"(?:百分之)?[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+(?:余|多)?")


def _value_in_cell(doc: Document, s: int, e: int) -> tuple[int, int]:
    """The stretch of an actual cell that is its value: the one amount, rate or quantity the tagger found
    in it when words stand beside it (合格率达98% → 98%, 人均480元 → 480元); the whole cell otherwise."""
    groups = value_groups(doc.text, s, e)
    if groups == [(s, e)] and "/" not in doc.text[s:e]:
        return s, e  # 0.5个等级, 35个村: the cell is one value with its unit (the noun a classifier counts)
    inner = [x for x in doc.entities if s <= x.start and x.end <= e and x.label in ("MONEY", "PERCENT", "QUANTITY")]
    if not inner and _HAN.match(doc.text, s) and not _CN_COUNT.match(doc.text, s):
        # 较上年减少1.5%, the tagger silent: the one value the words lead to
        ordinal = len(groups) == 1 and doc.text[groups[0][0] - 1] in "第"  # (全省第3名: a rank, no count)
        return groups[0] if len(groups) == 1 and not ordinal else (s, e)
    if len(inner) != 1:
        return s, e
    x = inner[0]
    digits = max((i + 1 for i in range(x.start, x.end) if doc.text[i].isdigit()), default=x.start)
    digits += doc.text[digits:digits + 1] in ("余", "多")  # 300余人次: the unit after 余
    unit = unit_after_number().match(doc.text, digits + (doc.text[digits:digits + 1] == " "), e)  # 2006 人次
    end = max(x.end, unit.end() if unit else 0)  # the unit whole, where the tagger cut it (326人 | 次)
    per = None
    if unit:  # 800元/人, 290kg/人: a per-unit after the unit; not 人/次, 微克/立方米 (measure units of their own)
        head, slash, _ = unit.group(0).partition("/")
        if slash and unit.group(0).strip() not in lexicon().measure:  # 元/人, kg/人; 人/次, 毫克/升 are units
            per = unit.start() + len(head)
        elif doc.text[unit.end():unit.end() + 1] in ("/", "／") and "/" not in unit.group(0):
            per = unit.end()
    if per is not None:
        end = per  # 800元/人, 180元/人、天: the per-unit stays outside the value (GUIDELINES 2, 81)
    if not _HAN.match(doc.text, end) and doc.text[end:end + 1] not in ("（", "(", "/", "／"):
        end = e  # 2006 人次: what follows is no word of its own (a note in brackets is: 120人（含线上）)
    if _HAN.search(doc.text[s:x.start] + doc.text[end:e]) or per is not None:
        return x.start, end
    return s, e


#: a pinyin gloss that ends a name cell
_GLOSS_AT_END = re.compile(f"(?:{GLOSS.pattern})\\s*$")


def _trim_cell(text: str, cell: Cell) -> tuple[int, int]:
    s, e = cell.start, cell.end
    while e > s and text[e - 1] in "。；;":
        e -= 1
    return s, e


def read_performance_rows(doc: Document, rows: list[Row], units: dict[str, str] | None = None,
                          achieved: bool = True) -> list[Relation]:
    """Entities and relations of performance-table rows rebuilt by the layout stage; ``units``: the unit its
    header writes for a column's bare numbers (年度指标值（万元）), by role; ``achieved``: whether the table
    has a column for what was achieved (实际完成值, 得分), without which a total row's lone number is its points."""
    units = units or {}
    rels: list[Relation] = []
    for row in rows:
        name = row.label
        if name is None:
            continue
        m = _row_number_re().match(name.text)
        n_start = name.start + (m.end() if m else 0)
        if len(_HAN.findall(doc.text[n_start:name.end])) < 2:
            continue
        n_end = name.end
        while n_end > n_start and doc.text[n_end - 1] in "。；;":
            n_end -= 1
        gloss = _GLOSS_AT_END.search(doc.text, n_start, n_end)
        if gloss:
            n_end = gloss.start()  # 應受助學生數(shù): the pinyin gloss of the name's last character is no part of it
        points = _POINTS_NOTE.search(doc.text, n_start, n_end)
        if points and total_row_re().match(doc.text[n_start:points.start()]):
            n_end = points.start()  # 总分(100分): the total row's name, its points no part of it
        ind = _replace(doc, "INDICATOR", n_start, n_end, level1=row.level1, level2=row.level2, table_row=True)
        last = max((c.start for r, c in row.cells if r in ("target", "actual", "weight", "score")), default=-1)
        for role, cell in row.cells:  # a text column before the values (评分标准, 指标解释) names no indicator nor
            if role == "other" and cell.start < last:  # target; a reason after them is read as prose
                doc.entities = [x for x in doc.entities if not (x.label in ("INDICATOR", "TARGET")
                                                                and cell.start <= x.start and x.end <= cell.end)]
        total_row = bool(total_row_re().match(ind.text))
        if total_row:  # 总分 | 100 | 95: the form's total, under no category
            ind.attrs.update(level1=None, level2=None)
        for role, c in row.cells:
            if role == "index":  # the row's number (序号 | 1 | 产出指标 …): no entity
                doc.entities = [e for e in doc.entities if not (e.start < c.end and c.start < e.end)]
            elif role == "cmp" and not _DIGIT.search(c.text):  # 正向 | 大于等于, 定量: a column's words, no target
                doc.entities = [e for e in doc.entities if not (e.label == "TARGET" and e.start < c.end and c.start < e.end
                                                                 and not _DIGIT.search(e.text))]
        unit_cell = row.cell("unit")
        bracket = _BRACKET_UNIT.search(ind.text)
        hint = unit_cell.text if unit_cell else (bracket.group(2).strip() if bracket else None)
        bracket_cmp = lexicon().comparators_before.get(bracket.group(1)) if bracket and bracket.group(1) else None
        if hint is None and _names_sum(ind.text) and _target_may_be_sum(row):
            hint = unit_before(doc.captions, ind.start, window=RESTATED_SUM_WINDOW)  # a sum restated from the fund table
        if hint and "/" in hint and caption_factor(hint.split("/")[0]) is not None:
            hint = hint.split("/")[0]  # 人均补助标准（元/人）: the amount's unit, per person (not 次/年, mg/L)
        cells = [(r, target_stretch(row) if r == "target" else row.cell(r)) for r in ("target", "actual", "weight", "score")]
        if total_row:  # 总分 | 100 | 98.5: the points are its weight, the achieved total (its last value) its actual
            last = next((r for r in ("score", "actual", "target") if row.cell(r) is not None), None)
            cells = [("weight", row.cell("weight"))] + ([(last, row.cell(last))] if last else [])
            written = sorted(((c.start, c) for r in ("target", "actual", "weight", "score")
                              if (c := row.cell(r)) is not None and _writes_number(c.text)),  # not 总分 | 总分 | 100 | 97
                             key=lambda x: x[0])
            if len(written) >= 2 and written[0][1].end <= written[-1][0] \
                    and re.search(r"[\s|]", doc.text[written[0][1].end:written[-1][0]]):  # 总分 100 95: points, then total
                cells = [("weight", written[0][1]), ("actual", written[-1][1])]
            elif len(written) == 1:
                # 总分 | 98: a lone number is the achieved total (the points, in a table of targets and points only)
                cells = [("actual" if achieved else "weight", written[0][1])]
        for role, cell in cells:
            if cell is None:
                continue
            s, e = _trim_cell(doc.text, cell)
            if role in ("actual", "weight", "score"):
                s = _after_comparator(doc.text, s, e)  # ≥95% in an actual cell: the comparator stays outside
                e = _before_comparator(doc.text, s, e)  # 100%以上 likewise
            if total_row and role != "weight":
                role = "actual"
            text = doc.text[s:e]
            has_value = parse_value(text, "TARGET")["value"] is not None and (role == "target" or _writes_number(text))
            sentence = has_value and _is_sentence(text)
            if sentence:
                if role == "target":  # 总航时不少于30小时: the values the tagger missed or cut, found by their units
                    for a, b in value_groups(doc.text, s, e):
                        if not any(x.start <= a and b <= x.end and x.label != "INDICATOR" for x in doc.entities):
                            _replace(doc, "TARGET", a, b, **parse_value(doc.text[a:b], "TARGET"))
                inner = [x for x in doc.entities if s <= x.start and x.end <= e and x.label != "INDICATOR"]
                for x in inner:
                    label = "TARGET" if role == "target" else _value_label(x)
                    if role in SLOT_TAILS and label in SLOT_TAILS[role]:
                        _relabel(x, label, None)
                        rels.append(Relation(ind.id, x.id, role))
                continue
            own = hint if unit_cell is not None else units.get(role) or hint  # the unit column, the header's, the name's
            if role == "actual" and unit_cell is None and not units.get(role) and _is_bare_text(text):
                own = _target_unit(row) or own  # ≤0.6元 | 0.58: a bare actual in the unit its target writes
            if role == "target":
                fields = parse_value(text, "TARGET", own)  # the hint counts only where no unit is written
                if fields["comparator"] is None and bracket_cmp and _is_bare_text(text):
                    fields["comparator"] = bracket_cmp  # 公猪舍(≥**平方米) | 22.8
                tail = _replace(doc, "TARGET", s, e, **fields)
            elif not has_value or role == "actual" and is_date(text):
                # a qualitative actual, a date (2023.11.30) or an empty score is not an entity: no TARGET either
                doc.entities = [x for x in doc.entities if not ((x.label == "TARGET" or is_date(text)) and (s <= x.start and x.end <= e or
                                                                         x.start < e and s < x.end and role == "actual"
                                                                         and not _DIGIT.search(x.text)))]
                continue
            elif role == "actual":
                cell_end = e
                s, e = _value_in_cell(doc, s, e)  # 完成培训3200人次: the value, not the words around it
                text = doc.text[s:e]
                # the label follows what the cell writes (a bare number is QUANTITY, rule 18) …
                label = value_label(text)
                if label == "QUANTITY" and own and caption_factor(own) is not None:
                    label = "MONEY"  # … unless the unit column states a money unit
                fields = parse_value(text, label, own)
                if label == "MONEY" and doc.text[e:e + 1] in ("/", "／"):
                    fields["per"] = parse_value(doc.text[s:cell_end], "MONEY", own).get("per")  # 180元 | /人、天
                if label == "QUANTITY" and fields.get("unit") is None and own:
                    fields["unit"] = own
                tail = _replace(doc, label, s, e, **fields)
            else:  # a points cell, in the 分 its header notes (指标权重(分))
                tail = _replace(doc, "QUANTITY", s, e, **parse_value(text, "QUANTITY", units.get(role)))
            rels.append(Relation(ind.id, tail.id, role))
    return rels


_DIGIT = re.compile(r"[0-9０-９]")
#: a cell that holds one amount (a sign, a number, its money unit or %)
_ONE_AMOUNT = re.compile(r"\s*[-−－+]?\d[\d,，]*(?:\.\d+)?\s*(?:万元|元|亿元|千元|萬元|%|％)?\s*")
#: a note of points closing a name: (100分)
_POINTS_NOTE = re.compile(r"\s*[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*$")


def _names_sum(name: str) -> bool:
    """Whether an indicator's name names a sum of money (项目资金总额; not 预算执行率, 资金支持项目数:
    tables.toml [names] money, not_money)."""
    words = table_words()["names"]
    return bool(_money_name_re().search(name)) and not re.search(words["not_money"], name.strip())


def _target_may_be_sum(row: Row) -> bool:
    """Whether a row's target can be a sum of money: none written, an amount, a bare number or words (控制在预算内);
    not a percent or a count in another unit (≥95%, ≥500人次)."""
    cell = row.cell("target")
    if cell is None:
        return True
    fields = parse_value(cell.text, "TARGET")
    return fields["kind"] in ("money", "qualitative") or fields["kind"] == "quantity" and fields["unit"] is None


def _target_unit(row: Row) -> str | None:
    """The unit a row's target cell writes (≤300万元 → 万元, ≥500万吨 → 万吨), not a percent."""
    cell = row.cell("target")
    if cell is None:
        return None
    digits = re.search(r"\d[\d.,]*\s*", cell.text)
    unit = unit_after_number().match(cell.text, digits.end()) if digits else None  # as written: 万吨, not 吨
    return unit.group(0) if unit and unit.group(0) not in ("%", "％") else None


def target_stretch(row: Row) -> Cell | None:
    """The target of a row as one cell: the target cell with the comparator and unit cells written right
    next to it (``≧ | 735 | 人次``: one TARGET over the whole stretch, separators included; a unit cell
    before the number joins only across a comparator, ``人 | = | 512``, not in ``% | 90``). A 正向 / 反向
    direction is no part of it; 定性 is, before a qualitative target (定性 | 好坏)."""
    roles = [r for r, _ in row.cells]
    if "target" not in roles:
        return None
    i = j = roles.index("target")
    target = row.cells[i][1].text
    while i > 0 and roles[i - 1] in ("cmp", "unit") and _joins_target(row.cells[i - 1][1].text, target) \
            and (roles[i - 1] == "cmp" or roles[i] == "cmp"):  # a unit joins only across a comparator (人 | = | 512)
        i -= 1
    while j + 1 < len(roles) and roles[j + 1] in ("cmp", "unit"):
        j += 1
    first, last = row.cells[i][1], row.cells[j][1]
    return Cell(first.start, last.end, "")


def _joins_target(cell: str, target: str) -> bool:
    """Whether a comparator-column cell belongs to the target's stretch: a comparator or a unit does; a
    direction (正向, 反向) does not; 定性 / 定量 only before a target without a number or with a date."""
    word = cell.strip()
    cmp = table_words()["cmp_column"]
    if word in cmp["directions"]:
        return False
    if word in cmp["kinds"]:
        return not re.search(r"\d", target) or is_date(target)
    return True


def _before_comparator(text: str, s: int, e: int) -> int:
    """Where the value of a cell ends when a comparator stands after it (100%以上 → 100%, 1500人以上 → 1500人)."""
    for w in lexicon().comparators_after:
        if text.endswith(w, s, e) and re.fullmatch(r"\s*\d[\d.,]*\s*\S{0,4}\s*", text[s:e - len(w)]):
            e -= len(w)
            while e > s and text[e - 1].isspace():
                e -= 1
            return e
    return e


def _after_comparator(text: str, s: int, e: int) -> int:
    """Where the value of a cell starts when a comparator stands before it (≥95% → 95%)."""
    for w in lexicon().comparators_before:
        if text.startswith(w, s) and s + len(w) < e and re.match(r"\s*\d", text[s + len(w):e]):
            s += len(w)
            while s < e and text[s].isspace():
                s += 1
            return s
    return s




def _is_sentence(text: str) -> bool:
    """A cell that is a sentence holding values (平台无故障，前端在线率95%以上), not one value: long, with a run of
    Han characters that is neither a unit nor a comparator word (不低于 | 1.8 | 个百分点 is one value)."""
    words = han_value_words().sub(" ", text)
    if len(text) > 12 and _CJK_RUN.search(words):
        return True
    # 完成1部宣传片,2套方案: values of several things, each with its noun, parted by commas
    return len(_NUMBER_IN_CELL.findall(text)) >= 2 and bool(_PARTS.search(text)) and bool(_HAN_PAIR.search(words))


_NUMBER_IN_CELL = re.compile(r"\d+(?:\.\d+)?")
_PARTS = re.compile(r"[，,、；;]")
_HAN_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")


def _is_bare_text(text: str) -> bool:
    return re.fullmatch(r"\s*[\d.,]+\s*", text) is not None


def read_fund_rows(doc: Document, header: Table) -> None:
    """One fund table's rows as cell entities and fund lines (replacing overlapping spans); the points its
    caption gives the table (20分) are the total line's weight when it has no 分值 cell."""
    points = header.points if header.points and "weight" not in header.roles() else None
    units = column_units(doc.text, header)  # 预算数（万元） | 人均（元）: a column's own unit
    heads = {units[r] for r in FUND_FIELDS if r in units and r not in ("rate", "weight", "score")}
    head_unit = heads.pop() if len(heads) == 1 else None  # the unit every amount column's head states
    noted = [m.group(1) for r in header.rows if r.label and (m := money_note_re().search(r.label.text))]
    total = header.rows[0].label if header.rows and header.rows[0].line == TOTAL_LINE else None
    if total and len(noted) == 1 and money_note_re().search(total.text):
        head_unit = head_unit or noted[0]  # 年度资金总额（万元） | 120 | …: the total's label states the table's unit
    for row in header.rows:
        cells: dict[str, str | None] = {}
        if points is not None and row.line == TOTAL_LINE:
            ent = _replace(doc, "QUANTITY", points.start, points.end, **parse_value(points.text, "QUANTITY"))
            cells["weight"] = ent.id
            points = None
        label = row.label
        own = money_note_re().search(label.text) if label else None
        row_unit = own.group(1) if own else None  # 差旅费（元） in a table of 万元: the row's own unit
        unit = row_unit or header.unit or head_unit
        # a cell of a column without field that is no one amount (测算依据 | 2台×10万元): the tagger's spans stay
        row_cells = [(r, c) for r, c in row.cells if not (r == "other" and not _ONE_AMOUNT.fullmatch(c.text))]
        spans = ([(label.start, label.end)] if label else []) + [(c.start, c.end) for _, c in row_cells]
        doc.entities = [e for e in doc.entities if not any(e.start < b and a < e.end for a, b in spans)]
        for role, c in row_cells:
            if role == "index":
                continue  # a row number or a code (项目编码 43012345): no entity
            if role in ("weight", "score"):
                ent = doc.add_entity("QUANTITY", c.start, c.end, **parse_value(c.text, "QUANTITY"))
            elif role == "rate" or "%" in c.text or "％" in c.text:
                fields = parse_value(c.text, "PERCENT", "%")
                if "%" not in c.text and "％" not in c.text and fields["value"] is not None and fields["value"] <= MAX_RATIO:
                    fields["value"] = round(fields["value"] * 100, 6)  # a ratio B/A
                ent = doc.add_entity("PERCENT", c.start, c.end, **fields)
            else:
                hint = row_unit or units.get(role) or header.unit or head_unit  # 全年执行数（万元）: the table's
                ent = doc.add_entity("MONEY", c.start, c.end, **parse_value(c.text, "MONEY", hint))
                if hint:
                    ent.attrs["unit_hint"] = hint
            if role in FUND_FIELDS and (role == "rate") == (ent.label == "PERCENT"):
                cells[role] = ent.id  # a cell of another column (比上年增减比率, 结余) is an entity without field
        doc.funds.append(FundLine(row.line, label.start if label else None, label.end if label else None,
                                  unit, cells))


