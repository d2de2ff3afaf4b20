"""Write docs/results.md: extract eval of the shipped models and the rules on the real splits.

Run on demand (it runs the pipeline over the corpus and a generated set, a few minutes):

    .venv/bin/python -m benchmarks.eval_report [--model models/default --model "former default=DIR"] [--out docs/results.md]

Evaluations (all with extract.evaluate, the code behind `extract eval`):
- the real test split (corpus/split.tsv): all reports, per table shape (`extract eval --by shape`),
  table reports (kind table or mixed) and prose reports apart;
- the dev split (used for model selection, so not a held-out figure);
- a held-out generated set: 100 reports from `extract corpus generate --seed 999` (training used seed 11).
The section "Former split" of the existing file (figures of the first split, kept for comparison)
is carried over unchanged.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.annotations import load_documents  # noqa: E402
from extract.corpus import read_split  # noqa: E402
from extract.evaluate import Report, evaluate, evaluate_by, format_summary  # noqa: E402
from extract.generate import generate  # noqa: E402
from extract.pipeline import run_text  # noqa: E402
from extract.relations import load_relation_model  # noqa: E402
from extract.tagger import load  # noqa: E402

FORMER = "## Former split"
LABELS = ("MONEY", "PERCENT", "QUANTITY", "INDICATOR", "TARGET")


def run_all(docs, tagger, relations):
    return {d.doc_id: run_text(d.text, d.doc_id, tagger=tagger, relation_model=relations) for d in docs}


def table(rep: Report, title: str) -> str:
    d = rep.as_dict()
    lines = [f"### {title}", "", f"{rep.documents} documents", "",
             "| label | exact P | exact R | exact F1 | seqeval strict F1 | gold |", "|---|---|---|---|---|---|"]
    for label, m in d["exact_span"].items():
        sq = d["seqeval_strict"].get(label, {}).get("f1-score", 0.0)
        lines.append(f"| {label} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {sq:.3f} | {m['support']} |")
    micro = d["seqeval_strict"].get("micro avg", {})
    lines.append(f"| micro (seqeval) | {micro.get('precision', 0):.3f} | {micro.get('recall', 0):.3f} | | {micro.get('f1-score', 0):.3f} | {micro.get('support', 0)} |")
    lines += ["", "| slot | P | R | F1 | gold |", "|---|---|---|---|---|"]
    for slot, m in d["slots"].items():
        lines.append(f"| {slot} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {m['support']} |")
    lines += ["", "| fund field | P | R | F1 | gold |", "|---|---|---|---|---|"]
    for name, m in d["funds"].items():
        lines.append(f"| {name} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {m['support']} |")
    lines += ["", "| value accuracy | correct | matched | accuracy |", "|---|---|---|---|"]
    for label, m in sorted(d["value_accuracy"].items()):
        lines.append(f"| {label} | {m['correct']} | {m['matched']} | {m['accuracy']} |")
    return "\n".join(lines) + "\n"


def summary_row(rep: Report, set_name: str, system: str) -> str:
    """One line of the summary table: exact-span F1 per label, seqeval micro F1, slot F1, fund micro F1, yuan accuracy."""
    from extract.evaluate import summary_row as headline

    d = rep.as_dict()
    h = headline(rep)
    cells = [f"{d['exact_span'][label]['f1']:.3f}" for label in LABELS]
    cells.append(f"{d['seqeval_strict'].get('micro avg', {}).get('f1-score', 0):.3f}")
    cells += [f"{d['slots'][slot]['f1']:.3f}" if d["slots"][slot]["support"] else "–" for slot in d["slots"]]
    cells += ["–" if h["fund"] is None else f"{h['fund']:.3f}", "–" if h["yuan acc"] is None else f"{h['yuan acc']:.3f}"]
    return f"| {set_name} | {system} | " + " | ".join(cells) + " |"


def row_accuracy() -> str:
    """Row accuracy of the table reader on the tables written for its tests."""
    from extract.layout import find_tables
    from tests.table_examples import PERFORMANCE_EXAMPLES
    from tests.table_examples_heldout import HELDOUT

    lines = ["## Table reader: row accuracy on written tables", "",
             "A row counts as right when its level1, level2, name, target, actual, weight and score cells are all right.", "",
             "| set | tables | rows | right | accuracy |", "|---|---|---|---|---|"]
    for name, examples in (("development tables (tests/table_examples.py; the reader was written against them)", PERFORMANCE_EXAMPLES),
                           ("held-out tables (tests/table_examples_heldout.py; written afterwards, run once)", HELDOUT)):
        total = right = 0
        for _, text, expected in examples:
            table_ = [t for t in find_tables(text) if t.kind == "performance"][0]
            got = [(r.level1, r.level2, r.label.text, *(r.cell(k).text if r.cell(k) else None
                                                        for k in ("target", "actual", "weight", "score")))
                   for r in table_.rows]
            total += len(expected)
            right += sum(1 for row in expected if row in got)
        lines.append(f"| {name} | {len(examples)} | {total} | {right} | {right / total:.1%} |")
    return "\n".join(lines) + "\n"


def former_section(path: Path) -> str:
    """The kept figures of the former split, from the existing results file."""
    if not path.is_file():
        return ""
    text = path.read_text(encoding="utf-8")
    return text[text.index(FORMER):] if FORMER in text else ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", action="append",
                    help="a model directory, optionally NAME=DIR (repeatable; default: models/default and models/ner)")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "results.md")
    ap.add_argument("--no-generated", action="store_true", help="skip the generated set")
    args = ap.parse_args()
    split = read_split(ROOT / "corpus" / "split.tsv")
    gold = {d.doc_id: d for d in load_documents([ROOT / "annotations" / "gold"])}
    test = [gold[d.doc_id] for d in split if d.split == "test"]
    shape_of = {d.doc_id: d.shape for d in split}
    kind_of = {d.doc_id: d.kind for d in split}
    sets = {
        "real test split": test,
        "real test, table reports (kind table or mixed)": [g for g in test if kind_of[g.doc_id] != "prose"],
        "real test, prose reports": [g for g in test if kind_of[g.doc_id] == "prose"],
        "dev split (model selection; not held out)": [gold[d.doc_id] for d in split if d.split == "dev"],
    }
    if not args.no_generated:
        sets["held-out generated (100 reports, seed 999)"] = generate(100, seed=999)

    def name(p: Path) -> str:
        return str(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p)

    systems = {}
    for spec in args.model or ["models/default", "models/ner"]:
        label, _, path = spec.rpartition("=")
        p = Path(path) if Path(path).is_absolute() else ROOT / path
        systems[label or f"`{name(p)}`"] = (load(p), load_relation_model(p))
    systems["rules"] = (None, None)
    counts = {s: sum(1 for d in split if d.split == s) for s in ("train", "dev", "test")}
    out = ["# Results", "",
           "Written by `python -m benchmarks.eval_report` (the same measures as `extract eval`).",
           f"Split: `corpus/split.tsv`, stratified by table shape and kind ({counts['train']} train, {counts['dev']} dev, "
           f"{counts['test']} test reports; rule in `extract/corpus.py`).",
           "Systems: " + ", ".join(systems) + " (`rules`: the rule tagger with the same table reader and prose "
           "rule). Exact-span F1 per label equals seqeval strict F1 per label; `fund` is the micro F1 over fund "
           "fields and lines; `yuan` the MONEY value accuracy on exactly matched spans.", "",
           "## Summary", "",
           "| set | system | " + " | ".join(LABELS) + " | micro | target | actual | weight | score | fund | yuan |",
           "|---|---|" + "---|" * (len(LABELS) + 7)]
    details, shapes = [], ["## Real test split per table shape", "",
                           "`extract eval --gold annotations/gold --pred PRED --split test --by shape`", ""]
    for set_name, docs in sets.items():
        details.append(f"## {set_name}\n")
        for system, (tg, rm) in systems.items():
            preds = run_all(docs, tg, rm)
            rep = evaluate(docs, preds)
            out.append(summary_row(rep, set_name, system))
            details.append(table(rep, system))
            if set_name == "real test split":
                shapes += [f"### {system}", "", "```", format_summary(evaluate_by(docs, preds, shape_of)), "```", ""]
    out.append("")
    out += shapes
    out += details
    out.append(row_accuracy())
    former = former_section(args.out)
    if former:
        out += ["", former.rstrip(), ""]
    args.out.write_text("\n".join(out), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
