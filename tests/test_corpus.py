from __future__ import annotations

from collections import Counter

import pytest

from extract.corpus import ORIGINS, SHAPES, corpus_docs, make_split, read_sources, read_split


def test_split_file_matches_rule(root):
    assert read_split(root / "corpus" / "split.tsv") == make_split(root)


def test_every_corpus_text_is_in_the_split(root):
    split = {d.path for d in read_split(root / "corpus" / "split.tsv")}
    files = {str(p.relative_to(root)) for p in (root / "corpus").glob("*/*.txt")}
    assert split == files and len(files) == 5 + 63 + 59


def test_seed_split_holds_out_table_and_prose(root):
    seeds = [d for d in read_split(root / "corpus" / "split.tsv") if d.origin == "seed"]
    held_out = {d.kind for d in seeds if d.split != "train"}
    assert {"table", "prose"} <= held_out


def test_split_is_stratified_by_shape_and_kind(root):
    docs = read_split(root / "corpus" / "split.tsv")
    per_shape = Counter(d.shape for d in docs)
    test_per_shape = Counter(d.shape for d in docs if d.split == "test")
    for shape, n in per_shape.items():
        assert test_per_shape[shape] >= (3 if n >= 6 else 1), shape
        assert {d.split for d in docs if d.shape == shape} == {"train", "dev", "test"}
    for kind in ("prose", "table", "mixed"):
        assert {d.split for d in docs if d.kind == kind} == {"train", "dev", "test"}
    shares = Counter(d.split for d in docs)
    assert 0.55 <= shares["train"] / len(docs) <= 0.65


@pytest.mark.parametrize("folder", sorted(ORIGINS))
def test_sources_cover_each_folder(root, folder):
    rows = read_sources(root / "corpus" / folder / "SOURCES.tsv")
    assert sorted(r["file"] for r in rows) == sorted(p.name for p in (root / "corpus" / folder).glob("*.txt"))
    for r in rows:
        assert r["shape"] in SHAPES, r["file"]
        assert r["kind"] in ("prose", "table", "mixed"), r["file"]
        text = (root / "corpus" / folder / r["file"]).read_text(encoding="utf-8")
        assert abs(len(text) - int(r["chars"])) <= 2, r["file"]


def test_every_table_report_names_a_table_shape(root):
    for d in corpus_docs(root):
        if d.kind == "table":
            assert d.shape != "prose", d.doc_id


def test_cross_validation_holds_out_each_train_report_once():
    from collections import Counter

    from benchmarks.cross_validation import fold_splits
    from extract.annotations import project_root
    from extract.corpus import read_split

    split = project_root() / "corpus" / "split.tsv"
    folds = fold_splits(split, 3)
    held = Counter(d.doc_id for docs in folds for d in docs if d.split == "heldout")
    train = {d.doc_id for d in read_split(split) if d.split == "train"}
    assert set(held) == train and set(held.values()) == {1}
    for docs in folds:  # dev and test keep their split; each fold holds out a third, every shape in it
        assert [d.split for d in docs if d.split in ("dev", "test")] == [d.split for d in read_split(split) if d.split in ("dev", "test")]
        out = [d for d in docs if d.split == "heldout"]
        assert len(train) // 3 <= len(out) <= len(train) // 3 + 1
        assert {d.shape for d in out} == {d.shape for d in read_split(split) if d.split == "train"}
