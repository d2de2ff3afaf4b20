"""Linking: decide which value belongs to which indicator, and in which slot.

- Table rows (:func:`link_table_rows`): in a performance table found by
  :mod:`extract.tables`, an INDICATOR starts a row and the values after it fill the
  columns after the name column in header order; each cell's entity is relabelled to
  what its column holds (a target cell is a TARGET, a weight cell a QUANTITY), and the
  level-1 / level-2 names between rows are carried down.
- Fund tables (:func:`add_fund_lines`): each row read by :func:`extract.tables.read_fund_rows`
  becomes cell entities (MONEY in the caption's unit, PERCENT, QUANTITY) and a fund line.
- Prose (:func:`link_prose`): an INDICATOR and the value right after it, when only
  linking words (达到, 为, 支出 …) stand between them, or as a trained relation model decides.
Every linker returns :class:`~extract.document.Relation` objects over the document's ids.
Last, :func:`drop_unlinked_indicators` removes the INDICATOR spans no value was linked to: an
INDICATOR names an indicator *whose value is reported* (ANNOTATION.md; 877 of the 897 gold
indicators have a linked value), so a name left without one is most often a false span.
"""

from __future__ import annotations

import re

from .document import Document, Entity, FundLine, Relation
from .schema import SLOT_TAILS
from .tables import Cell, Header, PerfRow, caption_unit, levels_in, read_fund_rows, row_slots, table_words
from .values import caption_factor, parse_value

#: what may stand between an indicator and its value in prose
_GAP = re.compile(r"^[\s:：]*(?:达到了|达到|提高到|提升至|控制在|均为|共计|合计|累计|为|达|是|支出|完成|共|约|：|:)?[\s:：]*$")
_BRACKET_UNIT = re.compile(r"[(（]\s*([≥≤<>=≧≦]*)\s*\*{0,2}\s*([^()（）*≥≤<>=≧≦\d]{1,4})\s*[)）]\s*$")
_BRACKET_CMP = {"≥": ">=", "≧": ">=", ">=": ">=", "≤": "<=", "≦": "<=", "<=": "<=", ">": ">", "<": "<", "=": "="}
_MONEY_NAME = re.compile(r"资金|金额|经费|预算|支出|费用?$")
_CELL_LABEL = {"weight": "QUANTITY", "score": "QUANTITY"}


def _relabel(ent: Entity, label: str, unit_hint: str | None) -> None:
    """Give a cell's entity the label its column calls for, with freshly parsed values."""
    if ent.label == label and not (unit_hint and _is_bare_text(ent.text)):
        return
    ent.label = label
    ent.attrs = {k: v for k, v in ent.attrs.items() if k in ("table_row",)}
    ent.attrs.update(parse_value(ent.text, label, unit_hint))
    if unit_hint:
        ent.attrs["unit_hint"] = unit_hint


def _label_of_text(text: str) -> str:
    """MONEY, PERCENT or QUANTITY, by the unit the text writes (a bare number is QUANTITY)."""
    kind = parse_value(text, "TARGET")["kind"]
    return {"money": "MONEY", "percent": "PERCENT"}.get(kind or "", "QUANTITY")


def _value_label(ent: Entity) -> str:
    """MONEY, PERCENT or QUANTITY: the entity's own label if it is one, else what its text holds."""
    return ent.label if ent.label in ("MONEY", "PERCENT", "QUANTITY") else _label_of_text(ent.text)


def link_table_rows(doc: Document, header: Header, end: int, max_row: int = 400) -> list[Relation]:
    """Relations of the rows of one performance table (``header`` up to ``end``)."""
    slots = row_slots(header)
    level1_of = table_words()["level1_of"]
    ents = sorted((e for e in doc.entities if header.end <= e.start < end), key=lambda e: e.start)
    inds = [e for e in ents if e.label == "INDICATOR"]
    rels: list[Relation] = []
    prev_end, l1, l2 = header.end, None, None
    for i, ind in enumerate(inds):
        n1, n2 = levels_in(doc.text[prev_end:ind.start])
        if n1:
            l1, l2 = n1, None
        if n2:
            l2 = n2
            l1 = n1 or level1_of.get(n2, l1)
        ind.attrs.update({"level1": l1, "level2": l2, "table_row": True})
        stop = min(inds[i + 1].start if i + 1 < len(inds) else end, ind.end + max_row)
        cells = [e for e in ents if ind.end <= e.start < stop and e.label != "INDICATOR"]
        m = _BRACKET_UNIT.search(ind.text)
        hint = m.group(1).strip() if m else None
        col = 0
        for ent in cells:
            if ent.label == "TARGET" and "target" in slots:
                col = slots.index("target")
            while col < len(slots) and slots[col] in ("unit", "other"):
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


_ROW_NUMBER = re.compile(r"^指标\s*\d+\s*[:：]?\s*")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{4,}")


def _replace(doc: Document, label: str, start: int, end: int, **attrs: object) -> Entity:
    """A new entity over ``[start, end)``; entities overlapping it are dropped."""
    doc.entities = [e for e in doc.entities if not (e.start < end and start < e.end)]
    return doc.add_entity(label, start, end, **attrs)


def _trim_cell(text: str, cell: Cell) -> tuple[int, int]:
    s, e = cell.start, cell.end
    while e > s and text[e - 1] in "。；;":
        e -= 1
    return s, e


def apply_performance_rows(doc: Document, rows: list[PerfRow]) -> list[Relation]:
    """Entities and relations of performance-table rows read cell by cell."""
    rels: list[Relation] = []
    for row in rows:
        m = _ROW_NUMBER.match(row.name.text)
        n_start = row.name.start + (m.end() if m else 0)
        if len(re.findall(r"[\u4e00-\u9fff]", doc.text[n_start:row.name.end])) < 2:
            continue
        ind = _replace(doc, "INDICATOR", n_start, row.name.end, level1=row.level1, level2=row.level2, table_row=True)
        unit_cell = row.cells.get("unit")
        bracket = _BRACKET_UNIT.search(ind.text)
        hint = unit_cell.text if unit_cell else (bracket.group(2).strip() if bracket else None)
        bracket_cmp = _BRACKET_CMP.get(bracket.group(1)) if bracket else None
        if hint is None and _MONEY_NAME.search(ind.text):
            hint = caption_unit(doc.text, ind.start, window=3000)  # a sum restated from the fund table
        for role in ("target", "actual", "weight", "score"):
            cell = row.cells.get(role)
            if cell is None:
                continue
            s, e = _trim_cell(doc.text, cell)
            text = doc.text[s:e]
            has_value = parse_value(text, "TARGET")["value"] is not None
            sentence = len(text) > 12 and bool(_CJK_RUN.search(text)) and has_value
            if sentence:
                inner = [x for x in doc.entities if s <= x.start and x.end <= e and x.label != "INDICATOR"]
                for x in inner:
                    label = "TARGET" if role == "target" else _value_label(x)
                    if role in SLOT_TAILS and label in SLOT_TAILS[role]:
                        _relabel(x, label, None)
                        rels.append(Relation(ind.id, x.id, role))
                continue
            if role == "target":
                fields = parse_value(text, "TARGET", hint)  # the hint counts only where no unit is written
                if fields["comparator"] is None and bracket_cmp and _is_bare_text(text):
                    fields["comparator"] = bracket_cmp  # 公猪舍(≥**平方米) | 22.8
                tail = _replace(doc, "TARGET", s, e, **fields)
            elif not has_value:
                continue  # a qualitative actual or an empty score is not an entity
            elif role == "actual":
                # the label follows what the cell writes (a bare number is QUANTITY, rule 18) …
                label = _label_of_text(text)
                if label == "QUANTITY" and hint and caption_factor(hint) is not None:
                    label = "MONEY"  # … unless the unit column states a money unit
                fields = parse_value(text, label, hint)
                if label == "QUANTITY" and fields.get("unit") is None and hint:
                    fields["unit"] = hint
                tail = _replace(doc, label, s, e, **fields)
            else:
                tail = _replace(doc, "QUANTITY", s, e, **parse_value(text, "QUANTITY"))
            rels.append(Relation(ind.id, tail.id, role))
    return rels


def _is_bare_text(text: str) -> bool:
    return re.fullmatch(r"\s*[\d.,]+\s*", text) is not None


def add_fund_lines(doc: Document, header: Header, end: int) -> None:
    """Read one fund table's rows into cell entities and fund lines (replacing overlapping spans)."""
    for row in read_fund_rows(doc.text, header, end):
        cells: dict[str, str | None] = {}
        spans = [(row.start, row.end)] + [(c.start, c.end) for c in row.cells]
        doc.entities = [e for e in doc.entities if not any(e.start < b and a < e.end for a, b in spans)]
        for c in row.cells:
            if c.role in ("weight", "score"):
                ent = doc.add_entity("QUANTITY", c.start, c.end, **parse_value(c.text, "QUANTITY"))
            elif c.role == "rate":
                fields = parse_value(c.text, "PERCENT", "%")
                if "%" not in c.text and "％" not in c.text and fields["value"] is not None and fields["value"] <= 1.5:
                    fields["value"] = round(fields["value"] * 100, 6)  # a ratio B/A
                ent = doc.add_entity("PERCENT", c.start, c.end, **fields)
            else:
                ent = doc.add_entity("MONEY", c.start, c.end, **parse_value(c.text, "MONEY", header.unit))
                if header.unit:
                    ent.attrs["unit_hint"] = header.unit
            cells[c.role] = ent.id
        doc.funds.append(FundLine(row.line, row.start, row.end, header.unit, cells))


def link_prose(doc: Document, max_gap: int = 6) -> list[Relation]:
    """Relations from each prose INDICATOR to the value right after it (slot by the value's label)."""
    ents = sorted(doc.entities, key=lambda e: (e.start, e.end))
    taken = {r.tail for r in doc.relations} | {r.head for r in doc.relations}
    rels = []
    for i, ind in enumerate(ents):
        if ind.label != "INDICATOR" or ind.id in taken or ind.attrs.get("table_row"):
            continue
        for nxt in ents[i + 1:i + 2]:
            if nxt.label == "INDICATOR" or nxt.id in taken:
                continue
            gap = doc.text[ind.end:nxt.start]
            if len(gap) <= max_gap and _GAP.match(gap):
                slot = "target" if nxt.label == "TARGET" else "actual"
                if nxt.label in SLOT_TAILS[slot]:
                    rels.append(Relation(ind.id, nxt.id, slot))
                    taken.add(nxt.id)
    return rels


def assign_prose_levels(doc: Document) -> None:
    """Level names written earlier in the same paragraph (①数量指标：…) for prose indicators without levels."""
    level1_of = table_words()["level1_of"]
    for ent in doc.entities:
        if ent.label != "INDICATOR" or ent.attrs.get("table_row") or ent.attrs.get("level2"):
            continue
        para_start = doc.text.rfind("\n", 0, ent.start) + 1
        l1, l2 = levels_in(doc.text[para_start:ent.start])
        if l2 or l1:
            ent.attrs["level1"] = l1 or (level1_of.get(l2) if l2 else None)
            ent.attrs["level2"] = l2


def drop_unlinked_indicators(doc: Document) -> int:
    """Remove INDICATOR entities that head no relation; return how many were removed."""
    linked = {r.head for r in doc.relations}
    before = len(doc.entities)
    doc.entities = [e for e in doc.entities if e.label != "INDICATOR" or e.id in linked]
    return before - len(doc.entities)
