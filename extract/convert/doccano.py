"""doccano JSONL (entities + relations) ⇄ documents.

doccano's relation-extraction format: ``{"id", "text", "entities": [{"id", "label",
"start_offset", "end_offset"}], "relations": [{"id", "from_id", "to_id", "type"}]}`` with
integer ids. Export numbers entities in document order and keeps the project's ids,
value fields and fund lines in extra keys (doccano ignores them); import reads either,
parsing value fields from the text when they are absent, and reports an offset outside
the text (E111) instead of dropping the span silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from ..document import Document, Entity, FundLine, Relation
from ..errors import Problem, problem
from ..values import parse_value


def to_record(doc: Document) -> dict[str, Any]:
    """One doccano line for ``doc``."""
    ents = sorted(doc.entities, key=lambda e: (e.start, e.end))
    num = {e.id: i for i, e in enumerate(ents, 1)}
    return {
        "id": doc.doc_id,
        "text": doc.text,
        "entities": [{"id": num[e.id], "label": e.label, "start_offset": e.start, "end_offset": e.end,
                      "extract_id": e.id, "attrs": e.attrs} for e in ents],
        "relations": [{"id": i, "from_id": num[r.head], "to_id": num[r.tail], "type": r.slot}
                      for i, r in enumerate(doc.relations, 1) if r.head in num and r.tail in num],
        "funds": [asdict(f) for f in doc.funds],
    }


def to_records(docs: Iterable[Document]) -> list[dict[str, Any]]:
    return [to_record(d) for d in docs]


def from_record(rec: dict[str, Any], problems: list[Problem] | None = None) -> Document:
    """A document from one doccano line."""
    text = rec["text"]
    doc = Document(doc_id=str(rec.get("id", "")), text=text, source=rec.get("source"))
    ids: dict[Any, str] = {}
    for e in rec.get("entities", []):
        s, end, label = int(e["start_offset"]), int(e["end_offset"]), e["label"]
        if not 0 <= s < end <= len(text):
            if problems is not None:
                problems.append(problem("E111", doc.doc_id, offset=s, start=s, end=end, length=len(text)))
            continue
        eid = e.get("extract_id") or f"e{e['id']}"
        attrs = e.get("attrs")
        if attrs is None:
            attrs = {} if label == "INDICATOR" else parse_value(text[s:end], label)
        doc.entities.append(Entity(eid, label, s, end, text[s:end], dict(attrs)))
        ids[e["id"]] = eid
    for r in rec.get("relations", []):
        if r["from_id"] in ids and r["to_id"] in ids:
            doc.relations.append(Relation(ids[r["from_id"]], ids[r["to_id"]], r["type"]))
    doc.funds = [FundLine(**f) for f in rec.get("funds") or []]
    doc.sort_entities()
    return doc
