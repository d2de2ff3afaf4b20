"""The corpus: report texts, their metadata and the document-level split.

Texts live under ``corpus/seeds/`` (the five seed reports) and ``corpus/pool/`` (the
public report pool, with ``SOURCES.tsv``), unchanged character for character. The
split is one file, ``corpus/split.tsv``, written by :func:`make_split` from the rule
in its docstring, so that anyone can regenerate and check it.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

SPLITS = ("train", "dev", "test")

#: the seed split of the foundation issue: one table-heavy (003) and one prose-heavy
#: (002) seed held out for test, one (004) for dev
SEED_SPLIT = {
    "000_db4129a1a7a7cba3": ("train", "公安", "prose"),
    "001_626847f158ee9b72": ("train", "公安", "mixed"),
    "002_319ed7af1ced7d44": ("test", "公安", "prose"),
    "003_242b0adaad84a80b": ("test", "公安", "table"),
    "004_502f545f608eb8a2": ("dev", "政法委", "prose"),
}

#: the cycle the pool rule walks through within each kind (3 train : 1 dev : 1 test)
POOL_CYCLE = ("train", "test", "train", "dev", "train")


@dataclass(frozen=True)
class CorpusDoc:
    doc_id: str
    path: str  # relative to the project root
    split: str
    sector: str
    kind: str
    origin: str  # seed | pool


def make_split(root: Path) -> list[CorpusDoc]:
    """The document-level split over seeds and pool.

    Rule: seeds keep the foundation split (``SEED_SPLIT``). Pool reports are grouped by
    kind (prose / table / mixed); within a kind they are ordered by sector, then file
    name, and assigned by walking ``POOL_CYCLE`` (train, test, train, dev, train). Walking
    a sector-ordered list spreads every sector with several reports over the splits
    (stratified by sector and kind) and gives about 60 / 20 / 20 per cent.
    """
    docs = [
        CorpusDoc(doc_id, f"corpus/seeds/{doc_id}.txt", split, sector, kind, "seed")
        for doc_id, (split, sector, kind) in sorted(SEED_SPLIT.items())
    ]
    rows = read_sources(root / "corpus" / "pool" / "SOURCES.tsv")
    by_kind: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_kind[row["kind"]].append(row)
    for kind in sorted(by_kind):
        ordered = sorted(by_kind[kind], key=lambda r: (r["sector"], r["file"]))
        for i, row in enumerate(ordered):
            doc_id = Path(row["file"]).stem
            docs.append(CorpusDoc(doc_id, f"corpus/pool/{row['file']}", POOL_CYCLE[i % len(POOL_CYCLE)],
                                  row["sector"], kind, "pool"))
    return sorted(docs, key=lambda d: (d.origin != "seed", d.doc_id))


def read_sources(path: Path) -> list[dict[str, str]]:
    """Rows of a ``SOURCES.tsv`` (file, url, sector, kind, year, region, chars)."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def write_split(docs: list[CorpusDoc], path: Path) -> None:
    """Write the split file (tab-separated, with a header)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# doc_id\tpath\tsplit\tsector\tkind\torigin  (written by `extract corpus split`; rule in extract/corpus.py)\n")
        for d in docs:
            fh.write("\t".join((d.doc_id, d.path, d.split, d.sector, d.kind, d.origin)) + "\n")


def read_split(path: Path) -> list[CorpusDoc]:
    """Read ``corpus/split.tsv``."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        doc_id, p, split, sector, kind, origin = line.split("\t")
        out.append(CorpusDoc(doc_id, p, split, sector, kind, origin))
    return out


def docs_in(split_file: Path, splits: tuple[str, ...] | list[str], origin: str | None = None) -> list[CorpusDoc]:
    """The documents of the given splits (and origin: seed | pool), in file order."""
    return [d for d in read_split(split_file) if d.split in splits and (origin is None or d.origin == origin)]
