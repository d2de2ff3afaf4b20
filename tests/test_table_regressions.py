"""Real table rows of the pools, every flattening, read back from their reports: text → grid → records.

The rows are those of tests/regression/table_rows.jsonl (train and dev reports only; refreshed by
``python -m benchmarks.table_regressions`` after a measured table change).
"""

from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pytest

from extract.io import read_text
from extract.pipeline import run_text

ROOT = Path(__file__).resolve().parent.parent
ROWS = [json.loads(line) for line in (ROOT / "tests" / "regression" / "table_rows.jsonl").read_text(encoding="utf-8").splitlines()]
BY_DOC: dict[str, list[dict]] = defaultdict(list)
for _row in ROWS:
    BY_DOC[_row["doc"]].append(_row)


@lru_cache(maxsize=None)
def read_back(doc_id: str) -> tuple[list[dict], list[dict]]:
    path = ROOT / BY_DOC[doc_id][0]["path"]
    doc = run_text(read_text(path), doc_id)
    by = doc.entity_by_id()
    rows: dict[str, dict] = {}
    for r in doc.relations:
        head, tail = by[r.head], by[r.tail]
        row = rows.setdefault(head.id, {"name": head.text, "start": head.start, "level1": head.attrs.get("level1"),
                                        "level2": head.attrs.get("level2")})
        row[r.slot] = tail.text
    funds = [{"line": f.line, **{k: by[v].text for k, v in f.cells.items() if v}} for f in doc.funds]
    return list(rows.values()), funds


def test_every_table_shape_with_rows_is_covered():
    shapes = {r["shape"] for r in ROWS}
    assert {"cell-per-line", "pipe-rows", "space-rows", "glued-cells", "one-line-table"} <= shapes
    assert len(ROWS) >= 150


@pytest.mark.parametrize("doc_id", sorted(BY_DOC))
def test_real_table_rows_read_back(doc_id):
    indicators, funds = read_back(doc_id)
    for want in BY_DOC[doc_id]:
        fields = {k: v for k, v in want.items() if k not in ("doc", "path", "shape", "kind")}
        pool = indicators if want["kind"] == "indicator" else funds
        assert fields in pool, (doc_id, want["shape"], fields)
