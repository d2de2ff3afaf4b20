"""Small documents for tests: entities placed by their text, left to right."""

from __future__ import annotations

from extract.document import Document


def doc_with(text: str, *spans: tuple[str, str]) -> Document:
    """A document whose entities are the given (label, text) spans, found left to right."""
    d = Document("x", text)
    pos = 0
    for label, s in spans:
        i = text.index(s, pos)
        d.add_entity(label, i, i + len(s))
        pos = i + len(s)
    return d


def fund_lines(doc: Document) -> list[tuple[str | None, dict[str, str]]]:
    """A document's fund lines as (line, {field: cell text}), in order."""
    by_id = doc.entity_by_id()
    return [(f.line, {k: by_id[v].text for k, v in f.cells.items() if v}) for f in doc.funds]


def records(doc: Document) -> list[tuple]:
    """(name, level1, level2, target, actual, weight, score) texts of a document's table rows, sorted."""
    by = doc.entity_by_id()
    out = {}
    for r in doc.relations:
        head = by[r.head]
        out.setdefault((head.start, head.text, head.attrs.get("level1"), head.attrs.get("level2")), {})[r.slot] = by[r.tail].text
    return sorted((k[1], k[2], k[3], *(v.get(s) for s in ("target", "actual", "weight", "score"))) for k, v in out.items())


def slots_by_name(doc: Document) -> dict[str, tuple]:
    """A document's table rows as name -> (target, actual, weight, score) texts (:func:`records` without levels)."""
    return {r[0]: r[3:] for r in records(doc)}
