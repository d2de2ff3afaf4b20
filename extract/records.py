"""Records: the per-indicator table users open in a spreadsheet (CSV or XLSX).

One row per indicator record of the OUTPUT.md ``indicators`` view: name, level1, level2,
target text, comparator, target value, unit, actual value, weight, score, document and
the indicator's offsets. Money values are given in 元 (``yuan``) when the slot holds an
amount. XLSX needs the optional ``openpyxl`` package (``pip install 'extract[xlsx]'``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

COLUMNS = ["document", "name", "level1", "level2", "target_text", "comparator", "target_value", "target_unit",
           "target_kind", "target_yuan", "actual_text", "actual_value", "actual_unit", "actual_yuan", "weight",
           "score", "start", "end"]


def _num(slot: dict[str, Any] | None, *keys: str) -> Any:
    if not slot:
        return None
    for k in keys:
        if slot.get(k) is not None:
            return slot[k]
    return None


def indicator_rows(outputs: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Spreadsheet rows for the indicators of ``extract run`` output objects."""
    rows = []
    for out in outputs:
        ents = {e["id"]: e for e in out["entities"]}
        for ind in out["indicators"]:
            ent = ents.get(ind["entity"], {})
            t, a = ind.get("target"), ind.get("actual")
            rows.append({
                "document": out["doc_id"], "name": ind["name"], "level1": ind.get("level1"), "level2": ind.get("level2"),
                "target_text": _num(t, "text"), "comparator": _num(t, "comparator"), "target_value": _num(t, "value"),
                "target_unit": _num(t, "unit"), "target_kind": _num(t, "kind"), "target_yuan": _num(t, "yuan"),
                "actual_text": _num(a, "text"), "actual_value": _num(a, "value", "yuan"), "actual_unit": _num(a, "unit"),
                "actual_yuan": _num(a, "yuan"), "weight": _num(ind.get("weight"), "value"),
                "score": _num(ind.get("score"), "value"), "start": ent.get("start"), "end": ent.get("end"),
            })
    return rows


def write_csv(path: Path, rows: list[dict[str, Any]]) -> None:
    """CSV with a header row, UTF-8 with BOM so that spreadsheet programs read the Chinese text."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows)


def write_xlsx(path: Path, rows: list[dict[str, Any]]) -> None:
    """An XLSX workbook with one sheet of indicator rows."""
    try:
        from openpyxl import Workbook
    except ImportError:
        raise RuntimeError("--format xlsx needs openpyxl: pip install 'extract[xlsx]' (or use --format csv)") from None
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    ws = wb.active
    ws.title = "indicators"
    ws.append(COLUMNS)
    for r in rows:
        ws.append([r[c] for c in COLUMNS])
    wb.save(path)
