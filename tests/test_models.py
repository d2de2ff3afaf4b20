"""The shipped models: they load offline from the repository and extract held-out reports well.

These run the real shipped weights on real reports never trained on (the test split of
``corpus/split.tsv``), so a broken, swapped or badly retrained model fails here.
"""

from __future__ import annotations

import pytest
import tomllib

from extract.corpus import read_split
from extract.evaluate import evaluate
from extract.pipeline import run_text
from extract.relations import load_relation_model
from extract.tagger import load


@pytest.fixture(scope="module")
def default_model(root):
    with (root / "configs" / "run.toml").open("rb") as fh:
        path = root / tomllib.load(fh)["run"]["model"]
    return load(path), load_relation_model(path), path


@pytest.fixture(scope="module")
def seed_test_docs(root, gold_docs):
    ids = {d.doc_id for d in read_split(root / "corpus" / "split.tsv") if d.split == "test" and d.origin == "seed"}
    docs = [d for d in gold_docs if d.doc_id in ids]
    assert len(docs) == 2
    return docs


def exact_f1(rep, label: str | None = None) -> float:
    if label is not None:
        return rep.spans[label].f1
    tp = sum(p.tp for p in rep.spans.values())
    fp = sum(p.fp for p in rep.spans.values())
    fn = sum(p.fn for p in rep.spans.values())
    return 2 * tp / (2 * tp + fp + fn)


def test_default_model_is_the_fast_tagger(default_model):
    import spacy

    _, relations, path = default_model
    nlp = spacy.load(path)
    assert nlp.pipe_names == ["tok2vec", "tagger", "extract_value_patterns"]
    assert nlp.get_pipe("tagger").cfg["transitions"], "the tag transitions are stored with the model"
    assert relations is None  # prose is linked by the rule, which scored higher on dev (MODEL_CARD.md)


def test_default_model_on_held_out_seeds(default_model, seed_test_docs):
    """Seeds 002 (prose) and 003 (tables): the model finds indicators the rules miss, and values as well."""
    tagger, relations, _ = default_model
    model = evaluate(seed_test_docs, {d.doc_id: run_text(d.text, d.doc_id, tagger=tagger, relation_model=relations)
                                      for d in seed_test_docs})
    rules = evaluate(seed_test_docs, {d.doc_id: run_text(d.text, d.doc_id) for d in seed_test_docs})
    assert exact_f1(model) >= 0.82
    assert exact_f1(model, "INDICATOR") > exact_f1(rules, "INDICATOR")
    for label in ("MONEY", "PERCENT"):
        assert exact_f1(model, label) >= 0.9
    assert model.slots["actual"].f1 > rules.slots["actual"].f1


def test_default_model_keeps_offsets(default_model, seed_paths):
    tagger, relations, _ = default_model
    for path in seed_paths:
        text = path.read_text(encoding="utf-8")
        doc = run_text(text, path.stem, tagger=tagger, relation_model=relations)
        assert doc.entities and all(text[e.start:e.end] == e.text for e in doc.entities)


def test_plain_spacy_loads_the_default_model(root):
    """The components are registered through entry points: spaCy alone can load the model."""
    import subprocess
    import sys

    code = ("import spacy; nlp = spacy.load(r'%s'); "
            "print(sorted((e.text, e.label_) for e in nlp('资金到位率100%%，项目支出9.9万元。').ents))"
            % (root / "models" / "default"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "('100%', 'PERCENT')" in out.stdout and "('9.9万元', 'MONEY')" in out.stdout
