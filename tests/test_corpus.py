from __future__ import annotations

from extract.corpus import make_split, read_sources, read_split


def test_split_file_matches_rule(root):
    assert read_split(root / "corpus" / "split.tsv") == make_split(root)


def test_every_corpus_text_is_in_the_split(root):
    split = {d.path for d in read_split(root / "corpus" / "split.tsv")}
    files = {str(p.relative_to(root)) for p in (root / "corpus").glob("*/*.txt")}
    assert split == files and len(files) == 68


def test_seed_split_holds_out_table_and_prose(root):
    seeds = [d for d in read_split(root / "corpus" / "split.tsv") if d.origin == "seed"]
    held_out = {d.kind for d in seeds if d.split != "train"}
    assert {"table", "prose"} <= held_out


def test_pool_split_is_stratified(root):
    docs = [d for d in read_split(root / "corpus" / "split.tsv") if d.origin == "pool"]
    for kind in ("prose", "table"):
        splits = {d.split for d in docs if d.kind == kind}
        assert splits == {"train", "dev", "test"}
    # every sector with three or more reports appears in at least two splits
    by_sector: dict[str, set[str]] = {}
    for d in docs:
        by_sector.setdefault(d.sector, set()).add(d.split)
    counts = {s: sum(d.sector == s for d in docs) for s in by_sector}
    assert all(len(by_sector[s]) >= 2 for s, n in counts.items() if n >= 3)


def test_sources_cover_the_pool(root):
    rows = read_sources(root / "corpus" / "pool" / "SOURCES.tsv")
    assert sorted(r["file"] for r in rows) == sorted(p.name for p in (root / "corpus" / "pool").glob("*.txt"))
    for r in rows:
        text = (root / "corpus" / "pool" / r["file"]).read_text(encoding="utf-8")
        assert abs(len(text) - int(r["chars"])) <= 2, r["file"]
