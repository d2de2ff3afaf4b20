"""Evaluation: P/R/F1 per label, per slot and per fund field, and value accuracy.

Compares predicted documents with gold documents by ``doc_id``:
- seqeval in strict IOB2 mode over character tags (one tag per character);
- exact-span P/R/F1 per label on ``(doc, label, start, end)``;
- slot P/R/F1 per slot on ``(doc, indicator span, slot, value span)`` triples;
- value accuracy on exactly matched spans (every value field of the label equal), and
  level accuracy of matched INDICATOR spans (level1 and level2 both equal);
- fund-line P/R/F1 on ``(doc, line, field, value)``;
- a confusion table: what each gold span became (the label predicted on exactly its span, or on a span
  overlapping it, or nothing) and which predicted spans touch no gold span at all.
A gold document with no prediction counts as predicting nothing.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from .document import Document, char_tags
from .schema import FUND_FIELDS, LABELS, SLOTS, value_fields


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add_sets(self, gold: set[Any], pred: set[Any]) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "support": self.tp + self.fn, "predicted": self.tp + self.fp}


@dataclass
class Report:
    seqeval: dict[str, dict[str, float | int]] = field(default_factory=dict)
    spans: dict[str, PRF] = field(default_factory=dict)
    #: lenient span F1 per label: a predicted span counts when it overlaps a gold span of its label (one to one)
    overlap: dict[str, PRF] = field(default_factory=dict)
    slots: dict[str, PRF] = field(default_factory=dict)
    values: dict[str, tuple[int, int]] = field(default_factory=dict)  # label -> (correct, matched)
    funds: dict[str, PRF] = field(default_factory=dict)
    #: (gold label or "-", predicted label or "-", "exact" | "overlap" | "none") -> count of spans
    confusion: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    documents: int = 0
    missing: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "missing_predictions": self.missing,
            "seqeval_strict": self.seqeval,
            "exact_span": {k: v.as_dict() for k, v in self.spans.items()},
            "overlapping_span": {k: v.as_dict() for k, v in self.overlap.items()},
            "slots": {k: v.as_dict() for k, v in self.slots.items()},
            "value_accuracy": {k: {"correct": c, "matched": n, "accuracy": round(c / n, 4) if n else None}
                               for k, (c, n) in self.values.items()},
            "funds": {k: v.as_dict() for k, v in self.funds.items()},
            "confusion": [{"gold": g, "predicted": p, "match": m, "count": n}
                          for (g, p, m), n in sorted(self.confusion.items())],
        }


def _values_equal(label: str, gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    for name in value_fields(label):
        if label == "INDICATOR":
            continue
        a, b = gold.get(name), pred.get(name)
        if isinstance(a, (int, float)) and not isinstance(a, bool) and isinstance(b, (int, float)) and not isinstance(b, bool):
            if not math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-6):
                return False
        elif a != b:
            return False
    return True


def evaluate(gold_docs: list[Document], pred_docs: dict[str, Document]) -> Report:
    """Compare predictions with gold (see the module docstring for the measures)."""
    from seqeval.metrics import classification_report
    from seqeval.scheme import IOB2

    rep = Report(documents=len(gold_docs))
    rep.spans = {label: PRF() for label in LABELS}
    rep.overlap = {label: PRF() for label in LABELS}
    rep.slots = {slot: PRF() for slot in SLOTS}
    rep.funds = {name: PRF() for name in FUND_FIELDS}
    rep.funds["line"] = PRF()
    values: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    y_true, y_pred = [], []
    for gold in gold_docs:
        pred = pred_docs.get(gold.doc_id)
        if pred is None:
            rep.missing.append(gold.doc_id)
            pred = Document(gold.doc_id, gold.text)
        pred.text = pred.text or gold.text
        y_true.append(char_tags(gold))
        y_pred.append(char_tags(pred))
        g_by_span = {(e.label, e.start, e.end): e for e in gold.entities}
        p_by_span = {(e.label, e.start, e.end): e for e in pred.entities}
        for label in LABELS:
            rep.spans[label].add_sets({k for k in g_by_span if k[0] == label}, {k for k in p_by_span if k[0] == label})
            _add_overlaps(rep.overlap[label], [k[1:] for k in g_by_span if k[0] == label],
                          [k[1:] for k in p_by_span if k[0] == label])
        for key in g_by_span.keys() & p_by_span.keys():
            if key[0] == "INDICATOR":
                ga, pa = g_by_span[key].attrs, p_by_span[key].attrs
                values["INDICATOR levels"][1] += 1
                values["INDICATOR levels"][0] += (ga.get("level1"), ga.get("level2")) == (pa.get("level1"), pa.get("level2"))
                continue
            values[key[0]][1] += 1
            values[key[0]][0] += _values_equal(key[0], g_by_span[key].attrs, p_by_span[key].attrs)
        rep.confusion.update(confusion(gold, pred))
        for slot in SLOTS:
            rep.slots[slot].add_sets(_triples(gold, slot), _triples(pred, slot))
        g_f, p_f = _fund_facts(gold), _fund_facts(pred)
        for name in rep.funds:
            rep.funds[name].add_sets({f for f in g_f if f[0] == name}, {f for f in p_f if f[0] == name})
    if y_true:
        rep.seqeval = classification_report(y_true, y_pred, mode="strict", scheme=IOB2, output_dict=True,
                                             zero_division=0)
        rep.seqeval = {k: {m: (round(float(v), 4) if isinstance(v, float) else int(v)) for m, v in d.items()}
                       for k, d in rep.seqeval.items()}
    rep.values = {label: (c, n) for label, (c, n) in values.items()}
    return rep


def _add_overlaps(prf: PRF, gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> None:
    """Count overlapping matches one to one, in text order: each gold span takes the first unmatched predicted
    span that overlaps it."""
    used: set[int] = set()
    pred = sorted(pred)
    tp = 0
    for gs, ge in sorted(gold):
        hit = next((i for i, (ps, pe) in enumerate(pred) if i not in used and ps < ge and gs < pe), None)
        if hit is not None:
            used.add(hit)
            tp += 1
    prf.tp += tp
    prf.fp += len(pred) - tp
    prf.fn += len(gold) - tp


def evaluate_by(gold_docs: list[Document], pred_docs: dict[str, Document],
                group_of: dict[str, str]) -> dict[str, Report]:
    """One :class:`Report` per group of documents (``group_of``: doc_id -> group, e.g. its table shape),
    plus ``"all"`` over every document; groups in sorted order."""
    groups: dict[str, list[Document]] = defaultdict(list)
    for doc in gold_docs:
        groups[group_of.get(doc.doc_id, "?")].append(doc)
    out = {name: evaluate(groups[name], pred_docs) for name in sorted(groups)}
    out["all"] = evaluate(gold_docs, pred_docs)
    return out


#: the columns of the per-group summary: (heading, section, name)
SUMMARY_COLUMNS = (
    ("docs", "", "documents"),
    *((label, "spans", label) for label in LABELS),
    ("IND overlap", "overlap", "INDICATOR"),
    *((f"s:{slot}", "slots", slot) for slot in SLOTS),
    ("fund", "funds", "*"),
    ("yuan acc", "values", "MONEY"),
)


def confusion(gold: Document, pred: Document) -> Counter[tuple[str, str, str]]:
    """What each gold span of ``gold`` became in ``pred``: ``(gold label, predicted label, "exact")`` when a span of
    exactly its offsets was predicted, else ``(gold label, label, "overlap")`` for the predicted span overlapping it
    most, else ``(gold label, "-", "none")``; a predicted span touching no gold span counts as ``("-", label,
    "none")``."""
    out: Counter[tuple[str, str, str]] = Counter()
    exact = {(e.start, e.end): e.label for e in pred.entities}
    for g in gold.entities:
        if (g.start, g.end) in exact:
            out[(g.label, exact[(g.start, g.end)], "exact")] += 1
            continue
        best = max(((min(g.end, p.end) - max(g.start, p.start), p.label) for p in pred.entities
                    if p.start < g.end and g.start < p.end), default=None)
        out[(g.label, best[1], "overlap") if best else (g.label, "-", "none")] += 1
    for p in pred.entities:
        if not any(g.start < p.end and p.start < g.end for g in gold.entities):
            out[("-", p.label, "none")] += 1
    return out


def summary_row(rep: Report) -> dict[str, float | int | None]:
    """The headline figures of a report: span F1 per label, slot F1, fund-field micro F1, MONEY value accuracy."""
    row: dict[str, float | int | None] = {}
    for head, section, name in SUMMARY_COLUMNS:
        if section == "":
            row[head] = rep.documents
        elif section == "funds":
            total = PRF()
            for prf in rep.funds.values():
                total.tp, total.fp, total.fn = total.tp + prf.tp, total.fp + prf.fp, total.fn + prf.fn
            row[head] = round(total.f1, 3) if total.tp + total.fn + total.fp else None
        elif section == "values":
            c, n = rep.values.get(name, (0, 0))
            row[head] = round(c / n, 3) if n else None
        else:
            prf = getattr(rep, section)[name]
            row[head] = round(prf.f1, 3) if prf.tp + prf.fn + prf.fp else None
    return row


def format_summary(reports: dict[str, Report]) -> str:
    """Per-group headline figures as one aligned table (``-`` where a group has nothing to score)."""
    heads = [h for h, _, _ in SUMMARY_COLUMNS]
    width = max(len(g) for g in reports) + 2
    col = max(len(h) for h in heads) + 2
    lines = [f"{'group':<{width}}" + "".join(f"{h:>{col}}" for h in heads)]
    for group, rep in reports.items():
        row = summary_row(rep)
        cells = ["-" if row[h] is None else (f"{row[h]:.3f}" if isinstance(row[h], float) else str(row[h])) for h in heads]
        lines.append(f"{group:<{width}}" + "".join(f"{c:>{col}}" for c in cells))
    return "\n".join(lines)


def _triples(doc: Document, slot: str) -> set[tuple[int, int, int, int]]:
    by_id = doc.entity_by_id()
    out = set()
    for rel in doc.relations:
        h, t = by_id.get(rel.head), by_id.get(rel.tail)
        if rel.slot == slot and h is not None and t is not None:
            out.add((h.start, h.end, t.start, t.end))
    return out


def _fund_facts(doc: Document) -> set[tuple[Any, ...]]:
    """``(field, line, value)`` facts of a document's fund lines (values rounded to 0.01; white space inside a
    line name, a break left by the PDF conversion, does not count)."""
    by_id = doc.entity_by_id()
    out: set[tuple[Any, ...]] = set()
    for fl in doc.funds:
        line = "".join((fl.line or "").split())
        out.add(("line", line, None))
        for name, key in FUND_FIELDS.items():
            eid = fl.cells.get(name)
            ent = by_id.get(eid) if eid else None
            if ent is not None:
                v = ent.attrs.get(key)
                out.add((name, line, None if v is None else round(float(v), 2)))
    return out


def format_report(rep: Report) -> str:
    """The report as aligned text tables."""
    lines = [f"documents: {rep.documents}" + (f" (no prediction for: {', '.join(rep.missing)})" if rep.missing else "")]

    def table(title: str, rows: dict[str, PRF | dict[str, Any]]) -> None:
        lines.append("")
        lines.append(f"{title:<22}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'pred':>8}")
        for name, m in rows.items():
            d = m.as_dict() if isinstance(m, PRF) else m
            if isinstance(m, PRF):
                lines.append(f"{name:<22}{d['precision']:>8.3f}{d['recall']:>8.3f}{d['f1']:>8.3f}{d['support']:>8}{d['predicted']:>8}")
            else:
                lines.append(f"{name:<22}{d.get('precision', 0):>8.3f}{d.get('recall', 0):>8.3f}{d.get('f1-score', 0):>8.3f}{d.get('support', 0):>8}{'':>8}")

    table("exact span", rep.spans)
    table("overlapping span", rep.overlap)
    table("seqeval strict", {k: v for k, v in rep.seqeval.items()})
    table("slot", rep.slots)
    table("fund field", rep.funds)
    lines.append("")
    lines.append(f"{'value accuracy':<22}{'correct':>8}{'matched':>8}{'acc':>8}")
    for label, (c, n) in rep.values.items():
        lines.append(f"{label:<22}{c:>8}{n:>8}{(c / n if n else 0):>8.3f}")
    if rep.confusion:
        lines.append("")
        lines.append(format_confusion(rep.confusion))
    return "\n".join(lines)


def format_confusion(counts: Counter[tuple[str, str, str]]) -> str:
    """The confusion counts as a table: one row per gold label, one column per label predicted on exactly the gold
    span, ``~`` columns for a label predicted on an overlapping span, ``missed`` for nothing; the last row,
    ``spurious``, counts the predicted spans that touch no gold span, under their label."""
    cols = [(p, "exact") for p in LABELS] + [(p, "overlap") for p in LABELS] + [("-", "none")]

    def count(row: str, col: tuple[str, str]) -> int:
        if row == "-":
            return counts.get(("-", col[0], "none"), 0) if col[1] == "exact" else 0
        return counts.get((row, *col), 0)

    rows = [*LABELS, "-"]
    cols = [c for c in cols if any(count(r, c) for r in rows)]
    heads = ["missed" if m == "none" else ("~" + p if m == "overlap" else p) for p, m in cols]
    width = max(len(h) for h in heads) + 2
    lines = [f"{'confusion (gold→pred)':<22}" + "".join(f"{h:>{width}}" for h in heads)]
    for r in rows:
        cells = [count(r, c) for c in cols]
        if any(cells):
            lines.append(f"{('spurious' if r == '-' else r):<22}" + "".join(f"{n or '':>{width}}" for n in cells))
    return "\n".join(lines)
