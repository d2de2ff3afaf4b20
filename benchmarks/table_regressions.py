"""Write tests/regression/table_rows.jsonl: real table rows of the pools that the pipeline reads right.

Run on demand after a table change has been measured (it only records what is read right now):

    .venv/bin/python -m benchmarks.table_regressions

For every train and dev report with a table (never a test report), each gold table row (an
INDICATOR with its target / actual / weight / score, or a fund line with its fields) that the
rule pipeline reads exactly is written with the report, its table shape and the texts the row
must read back to. ``tests/test_table_regressions.py`` runs the pipeline over those reports and
checks every row: text → grid → records.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.annotations import load_documents  # noqa: E402
from extract.corpus import read_split  # noqa: E402
from extract.document import Document  # noqa: E402
from extract.pipeline import run_text  # noqa: E402
from extract.schema import FUND_FIELDS, SLOTS  # noqa: E402

OUT = ROOT / "tests" / "regression" / "table_rows.jsonl"


def indicator_rows(doc: Document) -> list[dict]:
    """Table-row indicators with their slot texts (and offsets, so that a row is found where it is)."""
    by = doc.entity_by_id()
    rows: dict[str, dict] = {}
    for r in doc.relations:
        head, tail = by.get(r.head), by.get(r.tail)
        if head is None or tail is None:
            continue
        row = rows.setdefault(head.id, {"name": head.text, "start": head.start, "level1": head.attrs.get("level1"),
                                        "level2": head.attrs.get("level2")})
        row[r.slot] = tail.text
    return [r for r in rows.values() if any(s in r for s in ("weight", "score")) or "target" in r]


def fund_rows(doc: Document) -> list[dict]:
    by = doc.entity_by_id()
    return [{"line": f.line, **{k: by[v].text for k, v in f.cells.items() if v and v in by and k in FUND_FIELDS}}
            for f in doc.funds]


def main() -> None:
    split = read_split(ROOT / "corpus" / "split.tsv")
    keep = {d.doc_id: d for d in split if d.split in ("train", "dev") and d.shape != "prose"}
    out = []
    for gold in load_documents([ROOT / "annotations" / "gold"]):
        meta = keep.get(gold.doc_id)
        if meta is None:
            continue
        pred = run_text(gold.text, gold.doc_id)
        got = {json.dumps(r, ensure_ascii=False, sort_keys=True) for r in indicator_rows(pred)}
        for row in indicator_rows(gold):
            if json.dumps(row, ensure_ascii=False, sort_keys=True) in got:
                out.append({"doc": gold.doc_id, "path": meta.path, "shape": meta.shape, "kind": "indicator", **row})
        got_funds = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in fund_rows(pred)]
        for row in fund_rows(gold):
            if json.dumps(row, ensure_ascii=False, sort_keys=True) in got_funds:
                out.append({"doc": gold.doc_id, "path": meta.path, "shape": meta.shape, "kind": "fund", **row})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    shapes: dict[str, int] = {}
    for rec in out:
        shapes[rec["shape"]] = shapes.get(rec["shape"], 0) + 1
    print(f"wrote {OUT.relative_to(ROOT)}: {len(out)} rows; per shape {dict(sorted(shapes.items()))}; "
          f"slots {sorted({s for r in out for s in SLOTS if s in r})}")


if __name__ == "__main__":
    main()
