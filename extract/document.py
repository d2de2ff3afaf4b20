"""The shared document model: a text with entities, relations and fund lines.

Every pipeline stage reads and extends one :class:`Document`; gold annotations,
predictions and converters all load into it. Offsets are Python ``str`` indices into
``Document.text`` exactly as read from the file. ``to_output`` writes the JSON object
of OUTPUT.md; ``from_output`` reads it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .schema import FUND_FIELDS, LABELS, SLOTS, value_fields


class Span(NamedTuple):
    """A labelled stretch ``text[start:end]``: what a tagger finds, before it becomes an :class:`Entity`."""

    label: str
    start: int
    end: int


@dataclass
class Entity:
    id: str
    label: str
    start: int
    end: int
    text: str
    #: normalized value fields of the label (ANNOTATION.md), and level1/level2 for INDICATOR
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }
        for name in value_fields(self.label):
            if self.label == "INDICATOR" and self.attrs.get(name) is None:
                continue
            out[name] = self.attrs.get(name)
        for name, val in self.attrs.items():
            out.setdefault(name, val)
        return out

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> "Entity":
        core = {"id", "label", "start", "end", "text", "type"}
        return cls(
            id=str(obj["id"]),
            label=obj["label"],
            start=int(obj["start"]),
            end=int(obj["end"]),
            text=obj.get("text", ""),
            attrs={k: v for k, v in obj.items() if k not in core},
        )


@dataclass
class Relation:
    head: str
    tail: str
    slot: str

    def to_json(self) -> dict[str, Any]:
        return {"head": self.head, "tail": self.tail, "slot": self.slot}


@dataclass
class FundLine:
    line: str | None
    start: int | None
    end: int | None
    unit: str | None
    #: field name (FUND_FIELDS) -> entity id of the cell, or None for an empty cell
    cells: dict[str, str | None] = field(default_factory=dict)


# -- layout: tables as grids of cells -------------------------------------------------

@dataclass
class Cell:
    """One table cell: ``text`` is ``Document.text[start:end]``, trimmed."""

    start: int
    end: int
    text: str


@dataclass
class Column:
    """A header column: its role (``name``, ``target``, ``budget`` … from ``data/tables.toml``) and header word."""

    role: str
    word: str
    start: int
    end: int


@dataclass
class Row:
    """One table row as the layout stage rebuilt it.

    ``label`` is the row's name cell (三级指标 of a performance row, the row label of a fund
    row; None for an unlabelled total row); ``cells`` the other cells with the role of their
    column, in reading order; ``level1`` / ``level2`` the categories carried down to the row
    (performance tables); ``line`` the fund line the label names (fund tables).
    """

    label: Cell | None
    cells: list[tuple[str, Cell]] = field(default_factory=list)
    level1: str | None = None
    level2: str | None = None
    line: str | None = None

    def cells_end(self) -> int:
        """Where the row's last cell (or its label) ends."""
        ends = [c.end for _, c in self.cells] + ([self.label.end] if self.label else [])
        return max(ends, default=0)

    def cell(self, role: str) -> Cell | None:
        """The (first) cell of a role, or None."""
        return next((c for r, c in self.cells if r == role), None)


@dataclass
class Table:
    """A table block: its header, where its body ends, how its cells are separated, its rows."""

    kind: str  # performance | fund | field (a form's score field: one row)
    columns: list[Column]
    start: int  # the header's first character
    header_end: int
    end: int  # the body ends here (the next table's header, or the end of the text)
    unit: str | None = None  # the unit a caption states for bare amounts (万元)
    style: str | None = None  # pipe | lines | spaces | one_line | glued
    rows: list[Row] = field(default_factory=list)
    points: Cell | None = None  # the points its caption gives a fund table: 预算执行情况(万元)(20分)

    def roles(self) -> list[str]:
        return [c.role for c in self.columns]


@dataclass
class Block:
    """A stretch of the text that is prose, or one table."""

    kind: str  # prose | table
    start: int
    end: int
    table: Table | None = None


@dataclass
class Document:
    doc_id: str
    text: str
    source: str | None = None
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    funds: list[FundLine] = field(default_factory=list)
    #: the tables the layout stage found, in text order
    tables: list[Table] = field(default_factory=list)
    #: the captions that state a unit (（万元）, 单位：元; 单位：人 states one of no amounts), as (offset, unit, reach),
    #: in text order
    captions: list[tuple[int, str, int]] = field(default_factory=list)
    #: where a report states its goals: a form's goal row, the cells of the year's goal (``goal``) and of what was
    #: achieved (``achieved``), and prose sections headed as the goals (``section``)
    goals: list[tuple[str, Cell]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    # -- building -------------------------------------------------------------
    def add_entity(self, label: str, start: int, end: int, **attrs: Any) -> Entity:
        """Add an entity with the next free id ``eN`` and return it."""
        ent = Entity(self.next_entity_id(), label, start, end, self.text[start:end], dict(attrs))
        self.entities.append(ent)
        return ent

    def next_entity_id(self) -> str:
        used = {e.id for e in self.entities}
        n = len(self.entities) + 1
        while f"e{n}" in used:
            n += 1
        return f"e{n}"

    def sort_entities(self) -> None:
        self.entities.sort(key=lambda e: (e.start, e.end))

    def entity_by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}

    def in_table(self, pos: int) -> bool:
        """Whether ``text[pos]`` lies inside one of the layout's tables."""
        return any(t.start <= pos < t.end for t in self.tables)

    def blocks(self) -> list[Block]:
        """The text as prose and table blocks, in order, covering every character."""
        out: list[Block] = []
        pos = 0
        for t in self.tables:
            if t.start > pos:
                out.append(Block("prose", pos, t.start))
            out.append(Block("table", t.start, t.end, t))
            pos = t.end
        if pos < len(self.text):
            out.append(Block("prose", pos, len(self.text)))
        return out

    # -- views ----------------------------------------------------------------
    def indicator_records(self) -> list[dict[str, Any]]:
        """The per-indicator view of ``relations`` (OUTPUT.md ``indicators``)."""
        by_id = self.entity_by_id()
        slots: dict[str, dict[str, Entity]] = {}
        for rel in self.relations:
            tail = by_id.get(rel.tail)
            if rel.head in by_id and tail is not None:
                slots.setdefault(rel.head, {}).setdefault(rel.slot, tail)
        records = []
        for ent in sorted(self.entities, key=lambda e: (e.start, e.end)):
            if ent.label != "INDICATOR":
                continue
            filled = slots.get(ent.id, {})
            if not filled and not ent.attrs.get("table_row"):
                continue
            rec: dict[str, Any] = {
                "name": ent.text.strip(),
                "entity": ent.id,
                "level1": ent.attrs.get("level1"),
                "level2": ent.attrs.get("level2"),
            }
            for slot in SLOTS:
                tail = filled.get(slot)
                rec[slot] = None if tail is None else _slot_value(tail)
            records.append(rec)
        return records

    def fund_records(self) -> list[dict[str, Any]]:
        """Fund lines as OUTPUT.md ``funds`` records, values taken from their entities."""
        by_id = self.entity_by_id()
        out = []
        for fl in self.funds:
            rec: dict[str, Any] = {"line": fl.line, "start": fl.start, "end": fl.end, "unit": fl.unit}
            for name, key in FUND_FIELDS.items():
                eid = fl.cells.get(name)
                ent = by_id.get(eid) if eid else None
                rec[name] = None if ent is None else {"entity": ent.id, key: ent.attrs.get(key)}
            out.append(rec)
        return out

    def to_output(self) -> dict[str, Any]:
        """The OUTPUT.md JSON object of this document."""
        return {
            "doc_id": self.doc_id,
            "source": self.source,
            "entities": [e.to_json() for e in sorted(self.entities, key=lambda e: (e.start, e.end))],
            "relations": [r.to_json() for r in self.relations],
            "indicators": self.indicator_records(),
            "funds": self.fund_records(),
        }

    @classmethod
    def from_output(cls, obj: dict[str, Any], text: str | None = None) -> "Document":
        """Read an OUTPUT.md object back (``text`` defaults to a reconstruction from entities)."""
        entities = [Entity.from_json(e) for e in obj.get("entities", [])]
        funds = []
        for rec in obj.get("funds", []) or []:
            cells = {}
            for name in FUND_FIELDS:
                cell = rec.get(name)
                cells[name] = cell.get("entity") if isinstance(cell, dict) else None
            funds.append(FundLine(rec.get("line"), rec.get("start"), rec.get("end"), rec.get("unit"), cells))
        return cls(
            doc_id=obj["doc_id"],
            text=text if text is not None else "",
            source=obj.get("source"),
            entities=entities,
            relations=[Relation(r["head"], r["tail"], r["slot"]) for r in obj.get("relations", [])],
            funds=funds,
        )


def char_tags(doc: Document, labels: tuple[str, ...] = LABELS) -> list[str]:
    """IOB2 tags, one per character of ``doc.text`` (overlapping spans: the first wins)."""
    tags = ["O"] * len(doc.text)
    for ent in sorted(doc.entities, key=lambda e: (e.start, e.end)):
        if ent.label not in labels or ent.start >= ent.end or ent.end > len(tags):
            continue
        if any(t != "O" for t in tags[ent.start:ent.end]):
            continue
        tags[ent.start] = f"B-{ent.label}"
        for i in range(ent.start + 1, ent.end):
            tags[i] = f"I-{ent.label}"
    return tags


def _slot_value(tail: Entity) -> dict[str, Any]:
    rec: dict[str, Any] = {"entity": tail.id, "text": tail.text}
    for name in value_fields(tail.label):
        rec[name] = tail.attrs.get(name)
    return rec
