"""Gold annotations: the on-disk format, loading, completing and validating it.

One JSON Lines file per document (``annotations/gold/<doc_id>.jsonl``). Line 1 is the
document header ``{"type": "document", "version": 1, "doc_id": ..., "text_path": ...}``;
every further line is one record: an ``entity`` (id, label, start, end, text and the
value fields of ANNOTATION.md), a ``relation`` (head, tail, slot) or a ``fund`` line
(line, start, end, unit and one entity id per fund field). One record per line means
that a validator message can name the exact line to fix. ``complete`` fills what an
annotator may leave out (offsets found from the text in document order, missing value
fields parsed by :mod:`extract.values`); ``validate`` checks everything else.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .document import Document, Entity, FundLine, Relation
from .errors import Problem, problem
from .io import read_text
from .lexicon import load_data
from .schema import (
    COMPARATORS,
    FUND_FIELDS,
    LABELS,
    PERCENT_UNITS,
    SLOT_TAILS,
    SLOTS,
    TARGET_KINDS,
    TOTAL_LINE,
    VALUE_FIELDS,
)
from .values import parse_value

VERSION = 1
#: the total row of a fund table is recorded as this line whatever the form calls it
#: fields an entity record may carry beyond its value fields
ENTITY_EXTRA_FIELDS = {"type", "id", "label", "start", "end", "text", "unit_hint", "note", "table_row", "high", "low"}
FUND_KEYS = {"type", "line", "start", "end", "unit", "note", *FUND_FIELDS}


def project_root() -> Path:
    """The project root (the folder holding ``corpus/`` and ``annotations/``)."""
    return Path(__file__).resolve().parent.parent


def annotation_files(paths: Iterable[str | Path]) -> list[Path]:
    """The annotation files named by ``paths`` (files, or directories of ``*.jsonl``)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        out.extend(sorted(p.glob("*.jsonl")) if p.is_dir() else [p])
    return out


def _resolve_text_path(text_path: str, ann_path: Path) -> Path:
    p = Path(text_path)
    if p.is_absolute():
        return p
    for base in (project_root(), ann_path.parent, Path.cwd()):
        if (base / p).is_file():
            return base / p
    return project_root() / p


def load_document(path: str | Path) -> Document:
    """Load one gold annotation file into a :class:`Document` (raises ValueError on bad files)."""
    problems: list[Problem] = []
    doc = _load(Path(path), problems, strict=True)
    if doc is None:
        raise ValueError("\n".join(str(p) for p in problems))
    return doc


def load_documents(paths: Iterable[str | Path]) -> list[Document]:
    """Load every annotation file under ``paths``."""
    return [load_document(p) for p in annotation_files(paths)]


def _load(path: Path, problems: list[Problem], strict: bool) -> Document | None:
    p = str(path)
    if not path.is_file():
        problems.append(problem("E003", p))
        return None
    records: list[tuple[int, dict[str, Any]]] = []
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                problems.append(problem("E101", p, line=i, error=err.msg))
                continue
            if not isinstance(obj, dict):
                problems.append(problem("E101", p, line=i, error="a line must hold a JSON object"))
                continue
            records.append((i, obj))
    if not records or records[0][1].get("type") != "document" or "doc_id" not in records[0][1]:
        problems.append(problem("E102", p, line=records[0][0] if records else 1))
        return None
    head = records[0][1]
    if head.get("version") != VERSION:
        problems.append(problem("E103", p, line=records[0][0], version=head.get("version"), expected=VERSION))
    text_path = head.get("text_path", "")
    tp = _resolve_text_path(text_path, path)
    try:
        text = read_text(tp)
    except Exception:  # noqa: BLE001
        problems.append(problem("E104", p, line=records[0][0], text_path=text_path))
        return None
    doc = Document(doc_id=head["doc_id"], text=text, source=text_path, meta={"path": p, "lines": {}})
    for i, obj in records[1:]:
        kind = obj.get("type")
        try:
            if kind == "entity":
                ent = Entity.from_json(obj)
                doc.entities.append(ent)
                doc.meta["lines"][("e", ent.id)] = i
            elif kind == "relation":
                doc.relations.append(Relation(obj["head"], obj["tail"], obj["slot"]))
                doc.meta["lines"][("r", len(doc.relations) - 1)] = i
            elif kind == "fund":
                cells = {k: obj.get(k) for k in FUND_FIELDS}
                doc.funds.append(FundLine(obj.get("line"), obj.get("start"), obj.get("end"), obj.get("unit"), cells))
                doc.meta["lines"][("f", len(doc.funds) - 1)] = i
                unknown = set(obj) - FUND_KEYS
                for k in sorted(unknown):
                    problems.append(problem("E140", p, line=i, field=k, fields=", ".join(FUND_FIELDS)))
            else:
                problems.append(problem("E105", p, line=i, type=kind))
        except (KeyError, TypeError, ValueError) as err:
            problems.append(problem("E106", p, line=i, field=str(err).strip("'")))
    if strict and problems:
        return None
    return doc


def document_records(doc: Document, text_path: str | None = None) -> Iterator[dict[str, Any]]:
    """The JSON records of ``doc`` in the gold format (header, entities, relations, funds)."""
    yield {"type": "document", "version": VERSION, "doc_id": doc.doc_id, "text_path": text_path or doc.source}
    for ent in sorted(doc.entities, key=lambda e: (e.start, e.end)):
        yield {"type": "entity", **ent.to_json()}
    for rel in doc.relations:
        yield {"type": "relation", **rel.to_json()}
    for fl in doc.funds:
        rec: dict[str, Any] = {"type": "fund", "line": fl.line, "start": fl.start, "end": fl.end, "unit": fl.unit}
        rec.update({k: fl.cells.get(k) for k in FUND_FIELDS})
        yield rec


def save_document(doc: Document, path: str | Path, text_path: str | None = None) -> None:
    """Write ``doc`` as a gold annotation file."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    with p.open("w", encoding="utf-8") as fh:
        for rec in document_records(doc, text_path):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


# -- completing an annotator's file ---------------------------------------------

def complete_file(path: str | Path) -> list[Problem]:
    """Fill offsets and value fields an annotator left out, in place; return what could not be filled.

    An entity without ``start`` is looked up by its ``text``, searching from the end of the
    previous entity (so entities listed in document order resolve themselves), or from
    ``after`` (a string, or an offset) when given. Missing value fields are parsed from the
    text with :func:`extract.values.parse_value` (``unit_hint`` gives a caption unit).
    Entities without an id get ``eN``. Fund lines without offsets are located like entities.
    """
    p = Path(path)
    lines = [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    head = lines[0]
    text = read_text(_resolve_text_path(head["text_path"], p))
    problems: list[Problem] = []
    cursor = 0
    used_ids = {str(o["id"]) for o in lines if o.get("type") == "entity" and "id" in o}
    n = 0
    for lineno, obj in enumerate(lines[1:], 2):
        if obj.get("type") not in ("entity", "fund"):
            continue
        key = "text" if obj["type"] == "entity" else "line"
        if "start" not in obj and obj.get(key) or (obj["type"] == "entity" and obj.get("start") is None and obj.get(key)):
            after = obj.pop("after", None)
            frm = cursor
            if isinstance(after, int):
                frm = after
            elif isinstance(after, str):
                k = text.find(after, cursor if obj.pop("after_from_cursor", True) else 0)
                frm = k + len(after) if k >= 0 else cursor
            idx = text.find(obj[key], frm)
            if idx < 0:
                problems.append(problem("E112", str(p), line=lineno, given=obj[key], actual="(not found after offset %d)" % frm,
                                        start=frm, end=frm))
                continue
            obj["start"], obj["end"] = idx, idx + len(obj[key])
        if obj.get("start") is not None:
            if obj["type"] == "entity":
                cursor = max(cursor, obj["end"]) if obj.get("end") is not None else cursor
        if obj["type"] == "entity":
            if "id" not in obj:
                n += 1
                while f"e{n}" in used_ids:
                    n += 1
                obj["id"] = f"e{n}"
                used_ids.add(obj["id"])
            label = obj.get("label")
            if label in VALUE_FIELDS and label != "INDICATOR":
                parsed = parse_value(obj.get("text", ""), label, obj.get("unit_hint"))
                for k, v in parsed.items():
                    obj.setdefault(k, v)
    # entities in document order, ids kept
    head_line, rest = lines[0], lines[1:]
    ents = sorted((o for o in rest if o.get("type") == "entity"), key=lambda o: (o.get("start") or 0, o.get("end") or 0))
    others = [o for o in rest if o.get("type") != "entity"]
    with p.open("w", encoding="utf-8") as fh:
        for obj in [head_line, *ents, *others]:
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return problems


# -- validation -----------------------------------------------------------------

def validate_file(path: str | Path) -> list[Problem]:
    """Every problem of one annotation file, each with file, line and offset."""
    p = Path(path)
    problems: list[Problem] = []
    doc = _load(p, problems, strict=False)
    if doc is None:
        return problems
    return problems + validate_document(doc, str(p))


def validate_document(doc: Document, path: str) -> list[Problem]:
    """Check a loaded document: spans, labels, overlaps, value fields, relations, fund lines."""
    problems: list[Problem] = []
    lines: dict[Any, int] = doc.meta.get("lines", {})
    text = doc.text
    seen: dict[str, Entity] = {}
    for ent in doc.entities:
        ln = lines.get(("e", ent.id))
        if ent.id in seen:
            problems.append(problem("E115", path, line=ln, offset=ent.start, id=ent.id))
        seen[ent.id] = ent
        if ent.label not in LABELS:
            problems.append(problem("E110", path, line=ln, offset=ent.start, label=ent.label, labels=", ".join(LABELS)))
            continue
        if not (0 <= ent.start <= ent.end <= len(text)):
            problems.append(problem("E111", path, line=ln, offset=ent.start, start=ent.start, end=ent.end, length=len(text)))
            continue
        if ent.start == ent.end:
            problems.append(problem("E116", path, line=ln, offset=ent.start, start=ent.start, end=ent.end))
            continue
        actual = text[ent.start:ent.end]
        if actual != ent.text:
            problems.append(problem("E112", path, line=ln, offset=ent.start, given=ent.text, actual=actual,
                                    start=ent.start, end=ent.end))
        if actual != actual.strip():
            problems.append(problem("E114", path, line=ln, offset=ent.start, text=actual))
        problems.extend(_check_values(ent, path, ln))
    ordered = sorted((e for e in doc.entities if e.label in LABELS), key=lambda e: (e.start, e.end))
    for a, b in zip(ordered, ordered[1:]):
        if b.start < a.end:
            problems.append(problem("E113", path, line=lines.get(("e", b.id)), offset=b.start, other=a.id,
                                    ostart=a.start, oend=a.end))
    seen_rel: set[tuple[str, str, str]] = set()
    for i, rel in enumerate(doc.relations):
        ln = lines.get(("r", i))
        if rel.slot not in SLOTS:
            problems.append(problem("E131", path, line=ln, slot=rel.slot, slots=", ".join(SLOTS)))
            continue
        key = (rel.head, rel.slot, rel.tail)
        if key in seen_rel:
            problems.append(problem("E134", path, line=ln, head=rel.head, slot=rel.slot, tail=rel.tail))
        seen_rel.add(key)
        for end in (rel.head, rel.tail):
            if end not in seen:
                problems.append(problem("E130", path, line=ln, id=end))
        if rel.head in seen and seen[rel.head].label != "INDICATOR":
            problems.append(problem("E132", path, line=ln, offset=seen[rel.head].start, id=rel.head, label=seen[rel.head].label))
        if rel.tail in seen and seen[rel.tail].label not in SLOT_TAILS[rel.slot]:
            t = seen[rel.tail]
            problems.append(problem("E133", path, line=ln, offset=t.start, slot=rel.slot,
                                    allowed="/".join(sorted(SLOT_TAILS[rel.slot])), label=t.label, id=t.id))
    fund_labels = {"yuan": {"MONEY"}, "value": {"PERCENT", "QUANTITY"}}
    for i, fl in enumerate(doc.funds):
        ln = lines.get(("f", i))
        if fl.start is not None and fl.end is not None and fl.line is not None:
            actual = text[fl.start:fl.end] if 0 <= fl.start <= fl.end <= len(text) else None
            total_row = fl.line == TOTAL_LINE and actual is not None and is_total_label(actual)
            if actual is None or (fl.line not in actual and not total_row):
                problems.append(problem("E143", path, line=ln, offset=fl.start, label=fl.line, actual=actual,
                                        start=fl.start, end=fl.end))
        for name, key in FUND_FIELDS.items():
            eid = fl.cells.get(name)
            if eid is None:
                continue
            if eid not in seen:
                problems.append(problem("E141", path, line=ln, field=name, id=eid))
            elif seen[eid].label not in fund_labels[key]:
                problems.append(problem("E142", path, line=ln, offset=seen[eid].start, field=name, label=seen[eid].label))
    return problems


def is_total_label(label: str) -> bool:
    """Whether a row label as written names a fund table's total row (合计, 年度資金總額, 合 计 …)."""
    squashed = "".join(label.split())
    return any(w in squashed for w in load_data("tables.toml")["fund_rows"]["total_marks"])


def _type_name(types: tuple[type, ...]) -> str:
    return " or ".join(sorted({"number" if t in (int, float) else t.__name__ for t in types})) + " or null"


def _check_values(ent: Entity, path: str, ln: int | None) -> list[Problem]:
    out: list[Problem] = []
    fields = VALUE_FIELDS[ent.label]
    for name, val in ent.attrs.items():
        if name in ENTITY_EXTRA_FIELDS:
            continue
        if name not in fields:
            out.append(problem("E120", path, line=ln, offset=ent.start, field=name, label=ent.label,
                               fields=", ".join(fields) or "(none)"))
            continue
        types = fields[name]
        ok = val is None or (isinstance(val, types) and not (isinstance(val, bool) and bool not in types))
        if ok and val is not None:
            if name == "comparator" and val not in COMPARATORS:
                ok = False
            elif name == "kind" and val not in TARGET_KINDS:
                ok = False
            elif ent.label == "PERCENT" and name == "unit" and val not in PERCENT_UNITS:
                ok = False
        if not ok:
            out.append(problem("E121", path, line=ln, offset=ent.start, field=name, expected=_type_name(types), value=val))
    if ent.label != "INDICATOR":
        for name in fields:
            if name not in ent.attrs:
                out.append(problem("E122", path, line=ln, offset=ent.start, field=name, label=ent.label))
    return out


# -- comparing two passes ---------------------------------------------------------

def diff_documents(a: Document, b: Document) -> list[str]:
    """Human-readable differences between two annotations of one text (for adjudication)."""
    from .evaluate import _values_equal

    out: list[str] = []
    text = a.text

    def show(e: Entity) -> str:
        ctx = text[max(0, e.start - 8):e.start].replace("\n", "⏎") + "【" + e.text + "】" + text[e.end:e.end + 8].replace("\n", "⏎")
        return f"{e.label} [{e.start},{e.end}) {ctx}"

    ka = {(e.label, e.start, e.end): e for e in a.entities}
    kb = {(e.label, e.start, e.end): e for e in b.entities}
    for k in sorted(ka.keys() - kb.keys(), key=lambda k: k[1]):
        out.append(f"span only in first:  {show(ka[k])}")
    for k in sorted(kb.keys() - ka.keys(), key=lambda k: k[1]):
        out.append(f"span only in second: {show(kb[k])}")
    for k in sorted(ka.keys() & kb.keys(), key=lambda k: k[1]):
        ea, eb = ka[k], kb[k]
        if k[0] == "INDICATOR":
            if (ea.attrs.get("level1"), ea.attrs.get("level2")) != (eb.attrs.get("level1"), eb.attrs.get("level2")):
                out.append(f"levels differ: {show(ea)}: {ea.attrs.get('level1')}/{ea.attrs.get('level2')} vs "
                           f"{eb.attrs.get('level1')}/{eb.attrs.get('level2')}")
        elif not _values_equal(k[0], ea.attrs, eb.attrs):
            fa = {f: ea.attrs.get(f) for f in VALUE_FIELDS[k[0]]}
            fb = {f: eb.attrs.get(f) for f in VALUE_FIELDS[k[0]]}
            out.append(f"values differ: {show(ea)}: {fa} vs {fb}")

    def rels(d: Document) -> dict[tuple[int, int, str, int, int], str]:
        by = d.entity_by_id()
        res = {}
        for r in d.relations:
            h, t = by.get(r.head), by.get(r.tail)
            if h and t:
                res[(h.start, h.end, r.slot, t.start, t.end)] = f"{h.text} --{r.slot}--> {t.text} [{t.start}]"
        return res

    ra, rb = rels(a), rels(b)
    for k in sorted(ra.keys() - rb.keys()):
        out.append(f"relation only in first:  {ra[k]}")
    for k in sorted(rb.keys() - ra.keys()):
        out.append(f"relation only in second: {rb[k]}")

    def funds(d: Document) -> dict[str, dict[str, Any]]:
        by = d.entity_by_id()
        res: dict[str, dict[str, Any]] = {}
        for i, fl in enumerate(d.funds):
            key = f"{fl.line}#{sum(1 for f in d.funds[:i] if f.line == fl.line)}"
            res[key] = {n: (by[c].text if c in by else None) for n, c in fl.cells.items() if c}
        return res

    fa, fb = funds(a), funds(b)
    for k in sorted(fa.keys() | fb.keys()):
        if fa.get(k) != fb.get(k):
            out.append(f"fund line {k}: {fa.get(k)} vs {fb.get(k)}")
    return out
