"""Documents → Hugging Face ``datasets`` with character-level IOB2 tags (and back).

Each row: ``id``, ``text``, ``tokens`` (the characters), ``ner_tags`` (IOB2 label ids over
:data:`IOB2_LABELS`), ``entities`` and ``relations`` (kept as lists of records, so the
relation layer is not lost), ``funds`` as JSON text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..document import Document, Entity, FundLine, Relation, char_tags
from ..schema import IOB2_LABELS


def to_records(doc: Document) -> dict[str, Any]:
    """One dataset row for ``doc``."""
    tag_id = {t: i for i, t in enumerate(IOB2_LABELS)}
    return {
        "id": doc.doc_id,
        "text": doc.text,
        "tokens": list(doc.text),
        "ner_tags": [tag_id[t] for t in char_tags(doc)],
        "entities": [{"id": e.id, "label": e.label, "start": e.start, "end": e.end, "text": e.text,
                      "attrs": json.dumps(e.attrs, ensure_ascii=False)} for e in doc.entities],
        "relations": [r.to_json() for r in doc.relations],
        "funds": json.dumps([f.__dict__ for f in doc.funds], ensure_ascii=False),
    }


def to_dataset(docs: Iterable[Document]) -> Any:
    """A ``datasets.Dataset`` of the documents, ``ner_tags`` typed as a ClassLabel sequence."""
    from datasets import ClassLabel, Dataset, Features, Sequence, Value

    features = Features({
        "id": Value("string"),
        "text": Value("string"),
        "tokens": Sequence(Value("string")),
        "ner_tags": Sequence(ClassLabel(names=IOB2_LABELS)),
        "entities": [{"id": Value("string"), "label": Value("string"), "start": Value("int32"),
                      "end": Value("int32"), "text": Value("string"), "attrs": Value("string")}],
        "relations": [{"head": Value("string"), "tail": Value("string"), "slot": Value("string")}],
        "funds": Value("string"),
    })
    rows = [to_records(d) for d in docs]
    return Dataset.from_list(rows, features=features)


def spans_from_tags(tags: list[str]) -> list[tuple[str, int, int]]:
    """``(label, start, end)`` spans of a strict IOB2 tag sequence (I- without B- is ignored)."""
    out, label, start = [], None, 0
    for i, tag in enumerate([*tags, "O"]):
        if label is not None and not (tag.startswith("I-") and tag[2:] == label):
            out.append((label, start, i))
            label = None
        if tag.startswith("B-"):
            label, start = tag[2:], i
    return out


def from_row(row: dict[str, Any]) -> Document:
    """A document from a dataset row (entities from the stored records, checked against the tags)."""
    doc = Document(doc_id=row["id"], text=row["text"])
    tags = [IOB2_LABELS[t] if isinstance(t, int) else t for t in row["ner_tags"]]
    by_span = {(e["label"], e["start"], e["end"]): e for e in row.get("entities", [])}
    for label, s, e in spans_from_tags(tags):
        rec = by_span.get((label, s, e))
        if rec:
            doc.entities.append(Entity(rec["id"], label, s, e, row["text"][s:e], json.loads(rec["attrs"] or "{}")))
        else:
            doc.add_entity(label, s, e)
    doc.relations = [Relation(**r) for r in row.get("relations", [])]
    doc.funds = [FundLine(**f) for f in json.loads(row.get("funds") or "[]")]
    return doc
