"""The extraction pipeline: text → spans → values → tables → links → records.

``run_text`` is what ``extract run`` calls per file. Each stage reads the shared
:class:`~extract.document.Document` and adds its layer: the tagger (the rule baseline, or
a trained model from :func:`extract.tagger.load`) gives spans, :mod:`extract.values` their
normalized fields (a bare amount takes its table caption's unit), :mod:`extract.tables`
finds the tables, :mod:`extract.link` turns fund rows into fund lines and table rows and
prose into relations; ``Document.to_output`` writes the records.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .document import Document
from .link import (
    add_fund_lines,
    apply_performance_rows,
    assign_prose_levels,
    drop_unlinked_indicators,
    link_prose,
    link_table_rows,
)
from .relations import RelationModel
from .tables import caption_unit, read_performance_rows, table_regions
from .tagger import baseline, snap_to_numbers, trim_indicator
from .values import parse_value

SpanTagger = Callable[[str], list[tuple[str, int, int]]]


def run_text(text: str, doc_id: str, source: str | None = None, tagger: SpanTagger | None = None,
             relation_model: RelationModel | None = None, keep_unlinked: bool = False) -> Document:
    """Extract entities, values, fund lines, relations and records from one report's text.

    Prose indicators are linked by ``relation_model`` when one is given, else by the rule
    of :func:`extract.link.link_prose`. Indicators left without any linked value are
    dropped (:func:`extract.link.drop_unlinked_indicators`) unless ``keep_unlinked``.
    """
    doc = Document(doc_id=doc_id, text=text, source=source)
    spans = [trim_indicator(text, sp) if sp[0] == "INDICATOR" else snap_to_numbers(text, sp)
             for sp in (tagger or baseline)(text)]
    taken: list[tuple[int, int]] = []
    # duplicates dropped in the tagger's order, so that ties (same span, two labels) resolve the same way every run
    for label, s, e in sorted(dict.fromkeys(spans), key=lambda x: (x[1], -(x[2] - x[1]))):
        if s >= e or any(s < b and a < e for a, b in taken):
            continue
        ent = doc.add_entity(label, s, e)
        if label != "INDICATOR":
            hint = caption_unit(text, s) if label == "MONEY" else None
            ent.attrs.update(parse_value(ent.text, label, hint))
            if hint and ent.attrs.get("yuan") is not None and ent.text.strip().replace(".", "").isdigit():
                ent.attrs["unit_hint"] = hint
        taken.append((s, e))
    regions = table_regions(text)
    for h, end in regions:
        if h.kind == "fund":
            add_fund_lines(doc, h, end)
    doc.sort_entities()
    for h, end in regions:
        if h.kind == "performance":
            rows = read_performance_rows(text, h, end)
            doc.relations.extend(apply_performance_rows(doc, rows) if rows else link_table_rows(doc, h, end))
    doc.relations.extend(relation_model.link(doc) if relation_model is not None else link_prose(doc))
    assign_prose_levels(doc)
    if not keep_unlinked:
        drop_unlinked_indicators(doc)
    _renumber(doc)
    return doc


def _renumber(doc: Document) -> None:
    """Entity ids e1, e2 … in document order (relations and fund cells follow)."""
    doc.sort_entities()
    new = {e.id: f"e{i}" for i, e in enumerate(doc.entities, 1)}
    for e in doc.entities:
        e.id = new[e.id]
    for r in doc.relations:
        r.head, r.tail = new[r.head], new[r.tail]
    for f in doc.funds:
        f.cells = {k: (new.get(v) if v else None) for k, v in f.cells.items()}


def run_file(path: str | Path, tagger: SpanTagger | None = None, relation_model: RelationModel | None = None) -> Document:
    """Read one report file and extract it; ``doc_id`` is the file stem."""
    from .io import read_text

    p = Path(path)
    return run_text(read_text(p), p.stem, str(p), tagger, relation_model)
