"""Real prose sentences of the pools, read back alone with the shipped model: sentence → names, values, links.

The sentences are those of tests/regression/prose_sentences.jsonl (train and dev reports only; refreshed by
``python -m benchmarks.prose_regressions`` after a measured prose change). Each must give back every link
recorded for it: the indicator's text, the slot, the value's label, text and normalized value.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from extract.pipeline import run_text
from extract.tagger import load

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = [json.loads(line) for line in (ROOT / "tests" / "regression" / "prose_sentences.jsonl").read_text(encoding="utf-8").splitlines()]


@lru_cache(maxsize=1)
def tagger():
    return load(ROOT / "models" / "default")


def read_back(sentence: str) -> list[dict]:
    doc = run_text(sentence, "s", tagger=tagger())
    by = doc.entity_by_id()
    out = []
    for r in doc.relations:
        head, tail = by[r.head], by[r.tail]
        if r.slot in ("target", "actual") and not head.attrs.get("table_row"):
            value = tail.attrs.get("yuan") if tail.label == "MONEY" else tail.attrs.get("value")
            out.append({"name": head.text, "slot": r.slot, "label": tail.label, "value_text": tail.text,
                        "value": value, "at": head.start})
    return out


def test_enough_sentences_of_both_pools():
    assert len(SENTENCES) >= 100
    assert {s["doc"][0] for s in SENTENCES} >= {"a", "b", "e"}


@pytest.mark.parametrize("rec", SENTENCES, ids=[f"{s['doc']}-{n}" for n, s in enumerate(SENTENCES)])
def test_real_prose_sentence_reads_back(rec):
    got = read_back(rec["sentence"])
    for want in rec["links"]:
        assert want in got, (rec["doc"], rec["sentence"], want)
