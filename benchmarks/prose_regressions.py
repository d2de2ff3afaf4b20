"""Write tests/regression/prose_sentences.jsonl: real prose sentences of the pools that the shipped model reads right.

Run on demand after a prose change has been measured (it only records what is read right now):

    .venv/bin/python -m benchmarks.prose_regressions [--model models/default]

For every train and dev report (never a test report), each sentence (cut at 。；! ? and line breaks) that holds a
gold prose relation (an INDICATOR outside a table row with its target or actual) is run alone through the
pipeline with the shipped model. A sentence whose gold links all come back (name text, slot, value text and
value) is written with its report; ``tests/test_prose_regressions.py`` runs each sentence again and checks its
names, values and links. The sentences read wrong are counted, per report, on standard output.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.annotations import load_documents  # noqa: E402
from extract.corpus import read_split  # noqa: E402
from extract.document import Document  # noqa: E402
from extract.pipeline import run_text  # noqa: E402
from extract.tagger import load  # noqa: E402

OUT = ROOT / "tests" / "regression" / "prose_sentences.jsonl"
_END = re.compile(r"[。；;！!？?\n]")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, its closing mark included."""
    out, start = [], 0
    for m in _END.finditer(text):
        out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def links(doc: Document, start: int, end: int) -> list[dict]:
    """The prose links of ``doc`` inside ``text[start:end]``: name, slot, value text and value, offsets from ``start``."""
    by = doc.entity_by_id()
    out = []
    for r in doc.relations:
        head, tail = by.get(r.head), by.get(r.tail)
        if head is None or tail is None or head.attrs.get("table_row") or r.slot not in ("target", "actual"):
            continue
        if start <= head.start and head.end <= end and start <= tail.start and tail.end <= end:
            value = tail.attrs.get("yuan") if tail.label == "MONEY" else tail.attrs.get("value")
            out.append({"name": head.text, "slot": r.slot, "label": tail.label, "value_text": tail.text,
                        "value": value, "at": head.start - start})
    return sorted(out, key=lambda x: (x["at"], x["slot"], x["value_text"]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=str(ROOT / "models" / "default"))
    args = ap.parse_args()
    tagger = load(args.model)
    split = {d.doc_id: d for d in read_split(ROOT / "corpus" / "split.tsv")}
    out, missed = [], {}
    for gold in load_documents([ROOT / "annotations" / "gold"]):
        meta = split.get(gold.doc_id)
        if meta is None or meta.split not in ("train", "dev"):
            continue
        for s, e in sentences(gold.text):
            want = links(gold, s, e)
            if not want:
                continue
            got = links(run_text(gold.text[s:e], gold.doc_id, tagger=tagger), 0, e - s)
            if all(w in got for w in want):
                out.append({"doc": gold.doc_id, "split": meta.split, "shape": meta.shape,
                            "sentence": gold.text[s:e], "links": want})
            else:
                missed[gold.doc_id] = missed.get(gold.doc_id, 0) + 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(out)} sentences read right, {sum(missed.values())} read wrong "
          f"({len(missed)} reports)")


if __name__ == "__main__":
    main()
