"""Cross-validate the default tagger on the train split: figures of a model on reports it never saw.

Run on demand (it trains ``--folds`` models, about five minutes each on this 2-core machine):

    .venv/bin/python -m benchmarks.cross_validation [--folds 3] [--config configs/spacy_tagger.cfg] [--work DIR]

The train reports of ``corpus/split.tsv`` are dealt into folds, stratified by table shape and kind. For each
fold a model is trained with ``extract train`` on the other train reports (plus the generated ones, with dev
for early stopping, as the shipped model is), then run with ``extract run`` on the fold's reports. The
predictions of all folds are scored together on the train split with ``extract eval --by kind`` and
``--by shape``, and the table goes to ``docs/cross-validation.md``.

What it is for: the shipped model has seen every train report, so its train figures flatter it and the dev
split is small. Cross-validated predictions show the errors a model makes on unseen reports (spurious amounts,
cut names) over 73 reports, to find and check rules without reading the test split. The rules themselves were
written on train and dev reports, so these figures still flatter the rules; the test split stays the measure.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.corpus import read_split, write_split  # noqa: E402


def fold_splits(split_file: Path, folds: int) -> list[list]:
    """The split's documents once per fold, the fold's train reports marked ``heldout``."""
    docs = read_split(split_file)
    train = sorted((d for d in docs if d.split == "train"), key=lambda d: (d.shape, d.kind, d.doc_id))
    fold_of = {d.doc_id: i % folds for i, d in enumerate(train)}
    out = []
    for k in range(folds):
        out.append([replace(d, split="heldout") if fold_of.get(d.doc_id) == k else d for d in docs])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--config", default="configs/spacy_tagger.cfg")
    ap.add_argument("--work", default="/tmp/extract-cv", help="where fold models and predictions go")
    ap.add_argument("--out", default=str(ROOT / "docs" / "cross-validation.md"))
    args = ap.parse_args(argv)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    exe = [sys.executable, "-m", "extract.cli"]
    pred = work / "pred.jsonl"
    pred.write_text("", encoding="utf-8")
    for k, docs in enumerate(fold_splits(ROOT / "corpus" / "split.tsv", args.folds)):
        split = work / f"split{k}.tsv"
        write_split(docs, split)
        model = work / f"m{k}"
        if not (model / "model-best").is_dir():
            subprocess.run([*exe, "train", args.config, "--output", str(model), "--data.split_file", str(split)],
                           check=True, cwd=ROOT)
        held = [str(ROOT / d.path) for d in docs if d.split == "heldout"]
        out = work / f"pred{k}.jsonl"
        subprocess.run([*exe, "run", *held, "-o", str(out), "-m", str(model / "model-best"), "-q"], check=True, cwd=ROOT)
        with pred.open("a", encoding="utf-8") as fh:
            fh.write(out.read_text(encoding="utf-8"))
    tables = []
    for by in ("kind", "shape"):
        got = subprocess.run([*exe, "eval", "--gold", "annotations/gold", "--pred", str(pred), "--split", "train",
                              "--by", by], check=True, cwd=ROOT, capture_output=True, text=True).stdout
        lines = got.splitlines()
        start = next(i for i, line in enumerate(lines) if line.startswith("group"))
        end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
        tables.append(f"### by {by}\n\n```\n" + "\n".join(lines[start:end]) + "\n```\n")
    Path(args.out).write_text(
        "# Cross-validation of the default tagger on the train split\n\n"
        f"Written by `python -m benchmarks.cross_validation --folds {args.folds}` ({args.config}): each train report "
        "predicted by a model trained without it (see the module's docstring). Not a held-out figure for the "
        "rules, which were written on train and dev reports.\n\n" + "\n".join(tables), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
