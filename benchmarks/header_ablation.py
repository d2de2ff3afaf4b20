"""Tables read without their header: the train and dev reports with the header lines of their tables removed,
or with one head of their performance headers written in words no header word matches.

Run on demand (not part of the test suite; about a minute):

    .venv/bin/python -m benchmarks.header_ablation [--kinds 'performance;fund'] [--unread target,actual,weight,score]
                                                   [--model DIR] [--work DIR]

For every train and dev report (never a test report) in which the layout stage finds a table of ``--kinds``
with a header, a copy is written without the header lines of those tables (``Table.start`` to ``header_end``),
and its gold is moved with the offsets (spans inside a removed header are dropped, with their relations); and, for
each role of ``--unread``, a copy whose performance heads of that role are written 甲甲甲 (same length). The
copies are run with ``extract run`` and scored with ``extract eval --by shape``, next to the same reports as
they are; the tables go to ``docs/header-ablation.md``.

What it is for: an excerpt or a page that opens inside a table, and a header none of whose words are read,
leave a table whose columns must come from its cells (``grid.headerless_columns``, ``tables.toml
[headerless]``); a head in a form's own wording leaves one column to its cells (``grid.unread_roles``). Real reports with such tables are few; this makes one of every table the project has, to
measure that reading on train and dev without reading the test split.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract import annotations as ann  # noqa: E402
from extract.corpus import read_split, write_split  # noqa: E402
from extract.document import Document  # noqa: E402
from extract.layout import read_layout  # noqa: E402


def without_headers(doc: Document, kinds: tuple[str, ...]) -> Document | None:
    """A copy of a gold document without the header lines of its tables of ``kinds``, its spans, relations and
    fund lines moved with the text; None when it has no such table with a header."""
    layout = read_layout(Document(doc_id=doc.doc_id, text=doc.text))
    cuts = sorted((t.start, t.header_end) for t in layout.tables if t.kind in kinds and t.header_end > t.start)
    if not cuts:
        return None

    def kept(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e in cuts)

    def moved(x: int) -> int:
        return x - sum(e - s for s, e in cuts if e <= x)

    bounds = [0, *(x for cut in cuts for x in cut), len(doc.text)]
    text = "".join(doc.text[a:b] for a, b in zip(bounds[::2], bounds[1::2]))
    entities = [replace(e, start=moved(e.start), end=moved(e.end)) for e in doc.entities if kept(e.start, e.end)]
    ids = {e.id for e in entities}
    funds = []
    for f in doc.funds:
        placed = f.start is not None and f.end is not None and kept(f.start, f.end)
        funds.append(replace(f, start=moved(f.start) if placed else None, end=moved(f.end) if placed else None,  # type: ignore[arg-type]
                             cells={k: (v if v in ids else None) for k, v in f.cells.items()}))
    out = Document(doc_id=doc.doc_id, text=text)
    out.entities = entities
    out.relations = [r for r in doc.relations if r.head in ids and r.tail in ids]
    out.funds = funds
    assert all(text[e.start:e.end] == e.text for e in entities)
    return out


def with_unread_head(doc: Document, role: str) -> Document | None:
    """A copy of a gold document whose performance headers' heads of ``role`` (分值, 得分 …) are written in words
    no header word matches (each character 甲, separators kept): a head in a form's own wording. None when it has
    no such head."""
    layout = read_layout(Document(doc_id=doc.doc_id, text=doc.text))
    heads = [c for t in layout.tables if t.kind == "performance" for c in t.columns if c.role == role and c.end > c.start]
    if not heads:
        return None
    chars = list(doc.text)
    for c in heads:
        for i in range(c.start, c.end):
            if not chars[i].isspace() and chars[i] not in "|｜":
                chars[i] = "甲"
    out = replace(doc, text="".join(chars))
    return out if all(out.text[e.start:e.end] == e.text for e in out.entities) else None


def _table(exe: list[str], gold: Path, pred: Path, split: str, split_file: Path) -> str:
    got = subprocess.run([*exe, "eval", "--gold", str(gold), "--pred", str(pred), "--split", split, "--by", "shape",
                          "--split-file", str(split_file)], check=True, cwd=ROOT, capture_output=True, text=True).stdout
    lines = got.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("group"))
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    return "\n".join(lines[start:end])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kinds", default="performance;fund",
                    help="table kinds whose header goes, comma-separated; runs apart by semicolons")
    ap.add_argument("--unread", default="target,actual,weight,score",
                    help="roles whose performance heads are made unreadable, one run each ('' for none)")
    ap.add_argument("--model", default=str(ROOT / "models" / "default"))
    ap.add_argument("--work", default="/tmp/extract-header-ablation")
    ap.add_argument("--out", default=str(ROOT / "docs" / "header-ablation.md"))
    args = ap.parse_args(argv)
    sections = [_ablation(lambda d, k=tuple(kinds.split(",")): without_headers(d, k),
                          f"Headers of {kinds.replace(',', ' and ')} tables removed", args.model,
                          Path(args.work) / kinds.replace(",", "-"))
                for kinds in args.kinds.split(";") if kinds]
    sections += [_ablation(lambda d, r=role: with_unread_head(d, r), f"Performance heads of the {role} unread",
                           args.model, Path(args.work) / f"unread-{role}")
                 for role in args.unread.split(",") if role]
    Path(args.out).write_text(
        "# Tables read without their header, or without one of its heads\n\n"
        f"Written by `python -m benchmarks.header_ablation --kinds '{args.kinds}' --unread '{args.unread}'` (model "
        f"`{Path(args.model).name}`): the train and dev reports with a table found by its header, scored as they are "
        "and with the header lines of those tables removed, or with the heads of one role written in words no header "
        "word matches (see the module's docstring). The model has seen the train reports; the tables' columns come "
        "from the rules.\n\n" + "\n".join(sections), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


def _ablation(change: Callable[[Document], Document | None], title: str, model: str, work: Path) -> str:
    """The section of one run: the reports ``change`` makes a copy of, scored as they are and as changed."""
    (work / "intact").mkdir(parents=True, exist_ok=True)
    (work / "ablated").mkdir(parents=True, exist_ok=True)
    (work / "gold").mkdir(parents=True, exist_ok=True)
    chosen = []
    for d in read_split(ROOT / "corpus" / "split.tsv"):
        if d.split not in ("train", "dev"):
            continue  # never a test report
        cut = change(ann.load_document(ROOT / "annotations" / "gold" / f"{d.doc_id}.jsonl"))
        if cut is None:
            continue
        path = work / "ablated" / f"{d.doc_id}.txt"
        path.write_text(cut.text, encoding="utf-8")
        ann.save_document(cut, work / "gold" / f"{d.doc_id}.jsonl", text_path=str(path))
        (work / "intact" / f"{d.doc_id}.txt").write_text((ROOT / d.path).read_text(encoding="utf-8"), encoding="utf-8")
        chosen.append(replace(d, path=str(path)))
    split_file = work / "split.tsv"
    write_split(chosen, split_file)
    exe = [sys.executable, "-m", "extract.cli"]
    sections = [f"## {title}: {len(chosen)} reports\n"]
    for name, gold in (("as they are", ROOT / "annotations" / "gold"), ("changed", work / "gold")):
        folder = work / ("intact" if gold.is_relative_to(ROOT) else "ablated")
        pred = work / f"{folder.name}.jsonl"
        subprocess.run([*exe, "run", str(folder), "-o", str(pred), "-m", model, "-q"], check=True, cwd=ROOT)
        for split in ("train", "dev"):
            sections.append(f"### {split}, {name}\n\n```\n{_table(exe, gold, pred, split, split_file)}\n```\n")
    return "\n".join(sections)


if __name__ == "__main__":
    raise SystemExit(main())
