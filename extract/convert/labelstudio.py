"""Label Studio tasks ⇄ documents: labelled spans and relations, as annotations or predictions.

Export writes one task per document: ``data.text`` and ``data.doc_id``, and one result set
(``annotations`` for gold, ``predictions`` for a model's output) whose span results carry
the entity id as result ``id`` and the value fields in ``meta``; relations are results of
type ``relation`` with the slot as label. Fund lines travel in ``data.funds``. Import
takes the last annotation of a task (or its first prediction), checks each span's text
against the task text and reports a mismatch (E112) instead of dropping it silently.
The labelling config to use in Label Studio is :data:`LABEL_CONFIG`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from ..document import Document, Entity, FundLine, Relation
from ..errors import Problem, problem
from ..schema import LABELS, SLOTS
from ..values import parse_value

LABEL_CONFIG = (
    "<View>\n  <Relations>\n" + "".join(f'    <Relation value="{s}"/>\n' for s in SLOTS) + "  </Relations>\n"
    '  <Labels name="label" toName="text">\n' + "".join(f'    <Label value="{label}"/>\n' for label in LABELS)
    + '  </Labels>\n  <Text name="text" value="$text"/>\n</View>\n'
)


def to_task(doc: Document, as_predictions: bool = False, model_version: str = "extract") -> dict[str, Any]:
    """One Label Studio task for ``doc``."""
    result: list[dict[str, Any]] = []
    for ent in sorted(doc.entities, key=lambda e: (e.start, e.end)):
        result.append({
            "id": ent.id, "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": ent.start, "end": ent.end, "text": ent.text, "labels": [ent.label]},
            "meta": {"attrs": ent.attrs},
        })
    for rel in doc.relations:
        result.append({"from_id": rel.head, "to_id": rel.tail, "type": "relation", "direction": "right", "labels": [rel.slot]})
    task: dict[str, Any] = {"data": {"text": doc.text, "doc_id": doc.doc_id, "source": doc.source,
                                     "funds": [asdict(f) for f in doc.funds]}}
    if as_predictions:
        task["predictions"] = [{"model_version": model_version, "result": result}]
    else:
        task["annotations"] = [{"result": result}]
    return task


def to_tasks(docs: Iterable[Document], as_predictions: bool = False) -> list[dict[str, Any]]:
    """Label Studio tasks for the documents."""
    return [to_task(d, as_predictions) for d in docs]


def from_task(task: dict[str, Any], problems: list[Problem] | None = None) -> Document:
    """A document from a Label Studio task (last annotation, else first prediction)."""
    data = task.get("data", {})
    text = data.get("text", "")
    doc_id = str(data.get("doc_id") or task.get("id") or "")
    doc = Document(doc_id=doc_id, text=text, source=data.get("source"))
    sets = task.get("annotations") or task.get("completions") or []
    sets = [s for s in sets if not s.get("was_cancelled")]
    result = sets[-1]["result"] if sets else (task.get("predictions") or [{"result": []}])[0]["result"]
    for item in result:
        if item.get("type") != "labels":
            continue
        v = item["value"]
        s, e, label = int(v["start"]), int(v["end"]), v["labels"][0]
        if "text" in v and text[s:e] != v["text"]:
            if problems is not None:
                problems.append(problem("E112", doc_id, offset=s, given=v["text"], actual=text[s:e], start=s, end=e))
            continue
        attrs = (item.get("meta") or {}).get("attrs")
        if attrs is None:
            attrs = {} if label == "INDICATOR" else parse_value(text[s:e], label)
        doc.entities.append(Entity(str(item.get("id") or doc.next_entity_id()), label, s, e, text[s:e], dict(attrs)))
    ids = {e.id for e in doc.entities}
    for item in result:
        if item.get("type") == "relation" and item.get("from_id") in ids and item.get("to_id") in ids:
            for slot in item.get("labels") or []:
                doc.relations.append(Relation(item["from_id"], item["to_id"], slot))
    doc.funds = [FundLine(**f) for f in data.get("funds") or []]
    doc.sort_entities()
    return doc
