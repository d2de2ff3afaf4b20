"""The corpus: report texts, their metadata and the document-level split.

Texts live in three folders, unchanged character for character, each with a
``SOURCES.tsv`` that gives every file's page, sector, kind (prose / table / mixed), the
``shape`` of its main table's flattening (``SHAPES``), year, region and length:
``corpus/seeds/`` (the five seed reports), ``corpus/pool/`` (the first real pool) and
``corpus/pool2/`` (the second, tables first). The split is one file,
``corpus/split.tsv``, written by :func:`make_split` from the rule in its docstring, so
that anyone can regenerate and check it.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

#: corpus folder -> origin name, in the order documents are listed
ORIGINS = {"seeds": "seed", "pool": "pool", "pool2": "pool2"}

#: how a report's main table is flattened (``prose``: no table)
SHAPES = ("cell-per-line", "pipe-rows", "space-rows", "one-line-table", "glued-cells", "mixed/other", "prose")

#: the seed split of the foundation issue: one table-heavy (003) and one prose-heavy
#: (002) seed held out for test, one (004) for dev
SEED_SPLIT = {
    "000_db4129a1a7a7cba3": "train",
    "001_626847f158ee9b72": "train",
    "002_319ed7af1ced7d44": "test",
    "003_242b0adaad84a80b": "test",
    "004_502f545f608eb8a2": "dev",
}

#: share of each shape's documents held out for test and for dev
HELD_OUT_SHARE = 0.2
#: a shape with at least this many documents gets at least ``MIN_TEST_PER_SHAPE`` in test
MIN_DOCS_FOR_THREE = 6
MIN_TEST_PER_SHAPE = 3


@dataclass(frozen=True)
class CorpusDoc:
    doc_id: str
    path: str  # relative to the project root
    split: str
    sector: str
    kind: str
    origin: str  # seed | pool | pool2
    shape: str


def corpus_docs(root: Path) -> list[CorpusDoc]:
    """Every real document of the corpus with its metadata (split left empty)."""
    docs = []
    for folder, origin in ORIGINS.items():
        for row in read_sources(root / "corpus" / folder / "SOURCES.tsv"):
            docs.append(CorpusDoc(Path(row["file"]).stem, f"corpus/{folder}/{row['file']}", "", row["sector"],
                                  row["kind"], origin, row["shape"]))
    return docs


def _evenly(n: int, k: int) -> list[int]:
    """``k`` indices spread evenly over ``range(n)`` (the middle of each of ``k`` equal parts)."""
    return [int((i + 0.5) * n / k) for i in range(k)] if k else []


def make_split(root: Path) -> list[CorpusDoc]:
    """The document-level split over seeds and both pools, stratified by shape and kind.

    Rule: seeds keep the foundation split (``SEED_SPLIT``). Every other document is
    grouped by the shape of its main table (``SHAPES``); a shape of ``n`` documents
    (seeds included) gets ``round(0.2 n)`` test and ``round(0.2 n)`` dev documents, at
    least one of each, and at least three in test when ``n >= 6``; the seeds already held
    out count towards these. Within a shape the pool documents are ordered by kind,
    sector and file, and the test documents are taken at evenly spaced places of that
    list, then the dev documents at evenly spaced places of what is left; the rest is
    train. Walking a list ordered by kind and sector spreads kinds and sectors over the
    three splits (about 60 / 20 / 20 per cent).
    """
    docs = corpus_docs(root)
    by_shape: dict[str, list[CorpusDoc]] = defaultdict(list)
    for d in docs:
        by_shape[d.shape].append(d)
    out: list[CorpusDoc] = []
    for shape in sorted(by_shape):
        group = by_shape[shape]
        n = len(group)
        seeds = [d for d in group if d.origin == "seed"]
        out += [_with_split(d, SEED_SPLIT[d.doc_id]) for d in seeds]
        pool = sorted((d for d in group if d.origin != "seed"), key=lambda d: (d.kind, d.sector, d.origin, d.doc_id))
        want_test = max(round(HELD_OUT_SHARE * n), MIN_TEST_PER_SHAPE if n >= MIN_DOCS_FOR_THREE else 1)
        want_dev = max(round(HELD_OUT_SHARE * n), 1)
        n_test = max(0, want_test - sum(SEED_SPLIT[d.doc_id] == "test" for d in seeds))
        n_dev = max(0, want_dev - sum(SEED_SPLIT[d.doc_id] == "dev" for d in seeds))
        test = set(_evenly(len(pool), n_test))
        rest = [i for i in range(len(pool)) if i not in test]
        dev = {rest[j] for j in _evenly(len(rest), n_dev)}
        out += [_with_split(d, "test" if i in test else "dev" if i in dev else "train") for i, d in enumerate(pool)]
    order = list(ORIGINS.values())
    return sorted(out, key=lambda d: (order.index(d.origin), d.doc_id))


def _with_split(d: CorpusDoc, split: str) -> CorpusDoc:
    return CorpusDoc(d.doc_id, d.path, split, d.sector, d.kind, d.origin, d.shape)


def read_sources(path: Path) -> list[dict[str, str]]:
    """Rows of a ``SOURCES.tsv`` (file, url, sector, kind, shape, year, region, chars)."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


SPLIT_COLUMNS = ("doc_id", "path", "split", "sector", "kind", "origin", "shape")


def write_split(docs: list[CorpusDoc], path: Path) -> None:
    """Write the split file (tab-separated, with a header)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# " + "\t".join(SPLIT_COLUMNS) + "  (written by `extract corpus split`; rule in extract/corpus.py)\n")
        for d in docs:
            fh.write("\t".join(getattr(d, c) for c in SPLIT_COLUMNS) + "\n")


def read_split(path: Path) -> list[CorpusDoc]:
    """Read ``corpus/split.tsv``."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append(CorpusDoc(**dict(zip(SPLIT_COLUMNS, line.split("\t")))))
    return out


def docs_in(split_file: Path, splits: tuple[str, ...] | list[str], origin: str | None = None) -> list[CorpusDoc]:
    """The documents of the given splits (and origin: seed | pool | pool2), in file order."""
    return [d for d in read_split(split_file) if d.split in splits and (origin is None or d.origin == origin)]
