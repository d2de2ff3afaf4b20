"""The prose linker on its own: which name owns which value, given the gold spans.

Run on demand:

    .venv/bin/python -m benchmarks.prose_linker [--out docs/prose-linker.md]

For every prose report (kind prose) of the real dev and test splits, the gold entities are kept,
their relations removed, and the relations predicted again by the rule of
:func:`extract.link.link_prose` and by the trained :class:`extract.relations.RelationModel`
(trained here on the gold of the train split, prose and tables alike). Both are scored against the
gold prose relations (slot F1 on exact indicator and value spans): this isolates linking from
tagging, whose errors the full-pipeline figures of docs/results.md mix in.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.annotations import load_documents  # noqa: E402
from extract.corpus import read_split  # noqa: E402
from extract.document import Document, Relation  # noqa: E402
from extract.evaluate import PRF  # noqa: E402
from extract.link import link_prose  # noqa: E402
from extract.relations import train_relation_model  # noqa: E402


def triples(doc: Document, relations: list[Relation]) -> dict[str, set[tuple[int, int, int, int]]]:
    """(indicator span, value span) per slot of the target and actual relations."""
    by = doc.entity_by_id()
    out: dict[str, set[tuple[int, int, int, int]]] = {"target": set(), "actual": set()}
    for r in relations:
        h, t = by.get(r.head), by.get(r.tail)
        if h is not None and t is not None and r.slot in out:
            out[r.slot].add((h.start, h.end, t.start, t.end))
    return out


def score(docs: list[Document], linker) -> dict[str, PRF]:
    """Slot P/R/F1 of ``linker`` over the gold entities of ``docs`` (their relations removed first)."""
    out = {"target": PRF(), "actual": PRF()}
    for gold in docs:
        bare = Document(gold.doc_id, gold.text, gold.source, list(gold.entities), [], list(gold.funds))
        want, got = triples(gold, gold.relations), triples(bare, linker(bare))
        for slot in out:
            out[slot].add_sets(want[slot], got[slot])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "prose-linker.md")
    args = ap.parse_args()
    split = {d.doc_id: d for d in read_split(ROOT / "corpus" / "split.tsv")}
    gold = load_documents([ROOT / "annotations" / "gold"])
    train = [g for g in gold if split[g.doc_id].split == "train"]
    model = train_relation_model(train)
    lines = ["# The prose linker on its own", "",
             "Written by `python -m benchmarks.prose_linker`: gold spans of the prose reports, their relations",
             "removed and predicted again; slot F1 on exact spans. The trained model learns from the train split.", "",
             "| set | linker | target P | target R | target F1 | actual P | actual R | actual F1 |",
             "|---|---|---|---|---|---|---|---|"]
    for name in ("dev", "test"):
        docs = [g for g in gold if split[g.doc_id].split == name and split[g.doc_id].kind == "prose"]
        for label, linker in (("rule (extract.link.link_prose)", link_prose), ("trained (extract.relations)", model.link)):
            rep = score(docs, linker)
            t, a = rep["target"], rep["actual"]
            lines.append(f"| {name} ({len(docs)} prose reports) | {label} | {t.precision:.3f} | {t.recall:.3f} | {t.f1:.3f} "
                         f"| {a.precision:.3f} | {a.recall:.3f} | {a.f1:.3f} |")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
