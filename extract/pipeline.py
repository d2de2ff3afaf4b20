"""The extraction pipeline: read → layout → tag → values → tables and links → records.

``run_text`` is what ``extract run`` calls per file. Each stage reads the shared
:class:`~extract.document.Document` and adds its layer, in one direction:

1. layout (:mod:`extract.layout`): the tables, rebuilt as rows of cells;
2. tag (:mod:`extract.tagger`): spans from the rule baseline or a trained model;
3. values (:mod:`extract.values`): each span becomes an entity with its normalized fields
   (a bare amount takes its table caption's unit; once the tables are read, an amount no unit
   reached takes the unit the document states for the same number, or its decimals tell);
4. tables (:mod:`extract.tables`): fund lines and the performance rows' entities and
   relations; then prose links (:mod:`extract.link`, or a trained
   :class:`~extract.relations.RelationModel`) and levels;
5. records: ``Document.to_output`` (OUTPUT.md), :mod:`extract.records` (CSV / XLSX).
"""

from __future__ import annotations

import re

from collections.abc import Callable
from pathlib import Path

from .document import Document, Span
from .layout import read_layout, unit_before
from .lexicon import han_value_words, lexicon
from .link import (assign_prose_levels, drop_loose_amounts, drop_unlinked_indicators, link_formula_items,
                   link_list_items, link_prose, prose_goals, prose_slot_cues)
from .relations import RelationModel
from .tables import read_tables
from .textview import TextView, reading_copy
from .tagger import baseline, is_value_text, repair_indicator, snap_to_numbers, split_coordinated, trim_indicator
from .values import fill_unitless_money, parse_value

#: a tagger reads a document (its text, and the tables of its layout) and returns spans
SpanTagger = Callable[[Document], list[Span]]


def run_text(text: str, doc_id: str, source: str | None = None, tagger: SpanTagger | None = None,
             relation_model: RelationModel | None = None, keep_unlinked: bool = False) -> Document:
    """Extract entities, values, fund lines, relations and records from one report's text.

    Prose indicators are linked by ``relation_model`` when one is given, else by the rule
    of :func:`extract.link.link_prose`. Indicators left without any linked value are
    dropped (:func:`extract.link.drop_unlinked_indicators`) unless ``keep_unlinked``.
    """
    copy = reading_copy(text)  # 执⾏率 read as 执行率, &ge; as ≥; the output quotes the text as written
    doc = read_layout(Document(doc_id=doc_id, text=copy.norm if copy else text, source=source))
    add_entities(doc, (tagger or baseline)(doc))
    read_tables(doc)
    fill_unitless_money(doc)
    prose_goals(doc)
    doc.relations.extend(prose_slot_cues(doc))
    doc.relations.extend(relation_model.link(doc) if relation_model is not None else link_prose(doc))
    doc.relations.extend(link_formula_items(doc))
    doc.relations.extend(link_list_items(doc))
    assign_prose_levels(doc)
    if not keep_unlinked:
        drop_unlinked_indicators(doc)
        drop_loose_amounts(doc)
    _renumber(doc)
    if copy is not None:
        _quote_source(doc, copy)
    return doc


def _quote_source(doc: Document, copy: TextView) -> None:
    """Offsets and texts of ``doc``, read on its reading copy, as they stand in the text as written."""
    doc.text = copy.text
    for e in doc.entities:
        e.start, e.end = copy.span(e.start, e.end)
        e.text = copy.text[e.start:e.end]
    for f in doc.funds:
        if f.start is not None and f.end is not None:
            f.start, f.end = copy.span(f.start, f.end)


def add_entities(doc: Document, spans: list[Span]) -> None:
    """The tagger's spans as entities with their values: trimmed, never cutting a number, first span wins."""
    text = doc.text
    spans = [piece for sp in spans for piece in
             (split_coordinated(text, trim_indicator(text, repair_indicator(text, sp))) if sp.label == "INDICATOR"
              else [snap_to_numbers(text, sp)])]
    spans = [_without_spaces(text, sp) for sp in spans]
    starts = sorted(s for label, s, _ in spans if label != "INDICATOR")
    spans = [_without_spaces(text, _cut_before_value(sp, starts)) for sp in spans]
    taken: list[tuple[int, int]] = []
    # duplicates dropped in the tagger's order, so that ties (same span, two labels) resolve the same way every run
    for label, s, e in sorted(dict.fromkeys(spans), key=lambda x: (x[1], -(x[2] - x[1]))):
        if s >= e or any(s < b and a < e for a, b in taken):
            continue
        if label in ("MONEY", "PERCENT", "QUANTITY") and not is_value_text(text, s, e):
            continue  # no numeral, or a code, a phone number or a date written as a number
        if label == "MONEY" and text[s:e].strip() in lexicon().caption and _CAPTION_BEFORE.search(text, max(0, s - 8), s):
            continue  # 单位：千元, （千元）: a caption's unit, no amount
        if label != "INDICATOR" and text[e:e + 1] in ("=", "＝") and text[s - 1:s] in _TIMES:
            continue  # 20次*500=10000元: 500 is an operand of the reckoning, no value
        if label == "TARGET" and not _HAN_OR_DIGIT.search(han_value_words().sub("", text[s:e])):
            continue  # a unit without its number (点击查看>> 万元): no target
        ent = doc.add_entity(label, s, e)
        if label != "INDICATOR":
            hint = unit_before(doc.captions, s) if label == "MONEY" else None
            ent.attrs.update(parse_value(ent.text, label, hint))
            if hint and ent.attrs.get("yuan") is not None and ent.text.strip().replace(".", "").isdigit():
                ent.attrs["unit_hint"] = hint
        taken.append((s, e))


_HAN_OR_DIGIT = re.compile(r"[\u4e00-\u9fff0-9０-９]")
#: what stands before the unit a caption states (单位：, 金额单位:人民币, a bracket)
_CAPTION_BEFORE = re.compile(r"(?:单\s*位\s*[:：为]?\s*(?:人民币)?|[(（]\s*(?:单位\s*[:：]?\s*)?(?:人民币)?)\s*\Z")
#: a multiplication sign before a number (单价 in 20次*500=10000元)
_TIMES = ("*", "×", "x", "X", "＊")


def _without_spaces(text: str, span: Span) -> Span:
    """A span without the white space a tagger took in at its ends (管理情况\n\n → 管理情况)."""
    label, s, e = span
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Span(label, s, e)


def _cut_before_value(span: Span, value_starts: list[int]) -> Span:
    """An INDICATOR span that runs into a value (the numeral a value was widened over: 发放补助资金三 | 百万元)
    ends where the value starts."""
    label, s, e = span
    if label != "INDICATOR":
        return span
    inside = [v for v in value_starts if s < v < e]
    return Span(label, s, inside[0]) if inside and e - inside[0] <= 2 else span


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
