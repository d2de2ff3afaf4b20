"""The transformers backend, end to end on a tiny BERT built here (nothing is downloaded)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.schema import IOB2_LABELS
from extract.tagger.hf_ner import spans_from_tokens
from extract.train import token_labels

runner = CliRunner()


def test_token_labels_from_character_tags():
    tags = ["B-INDICATOR", "I-INDICATOR", "B-PERCENT", "I-PERCENT", "I-PERCENT", "O"]
    offsets = [(0, 0), (0, 1), (1, 2), (2, 4), (4, 5), (5, 6), (0, 0)]  # "100" is one token
    labels = [IOB2_LABELS[i] if i >= 0 else None for i in token_labels(tags, offsets)]
    assert labels == [None, "B-INDICATOR", "I-INDICATOR", "B-PERCENT", "I-PERCENT", "O", None]


def test_boundary_inside_a_digit_token_is_reported_and_widened():
    # glued cells 64.8|100%: the tokenizer made one piece "64.8100" across two entities
    tags = ["B-MONEY", "I-MONEY", "I-MONEY", "I-MONEY", "B-PERCENT", "I-PERCENT", "I-PERCENT", "I-PERCENT"]
    problems = []
    ids = token_labels(tags, [(0, 7), (7, 8)], "d", problems=problems)
    assert [p.code for p in problems] == ["E201"]
    assert [IOB2_LABELS[i] for i in ids] == ["B-MONEY", "I-PERCENT"]


def test_spans_from_tokens():
    labels = ["O", "B-MONEY", "I-MONEY", "O", "I-PERCENT", "I-PERCENT", "B-MONEY"]
    offsets = [(0, 0), (0, 3), (3, 5), (5, 6), (6, 8), (8, 9), (9, 10)]
    assert spans_from_tokens(labels, offsets) == [("MONEY", 0, 5), ("PERCENT", 6, 9), ("MONEY", 9, 10)]


@pytest.fixture(scope="module")
def tiny_bert(tmp_path_factory, root):
    """A randomly initialised 1-layer BERT with a character vocabulary made from the corpus."""
    from transformers import BertConfig, BertForTokenClassification, BertTokenizerFast

    d = tmp_path_factory.mktemp("tiny_bert")
    chars = set()
    for p in sorted((root / "corpus").glob("*/*.txt")):
        chars.update(p.read_text(encoding="utf-8"))
    chars = sorted(c for c in chars if not c.isspace())
    pieces = ["100", "##00", "##0"]  # multi-character digit pieces, as real Chinese BERT vocabularies have
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *chars, *(f"##{c}" for c in chars if c.isascii()), *pieces]
    (d / "vocab.txt").write_text("\n".join(dict.fromkeys(vocab)) + "\n", encoding="utf-8")
    tok = BertTokenizerFast(vocab_file=str(d / "vocab.txt"), do_lower_case=False, tokenize_chinese_chars=True)
    tok.save_pretrained(str(d))
    cfg = BertConfig(vocab_size=len(tok), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                     intermediate_size=64, max_position_embeddings=512, num_labels=len(IOB2_LABELS))
    BertForTokenClassification(cfg).save_pretrained(str(d))
    return d


def test_train_and_run_transformers_end_to_end(tiny_bert, tmp_path, root, seed_paths):
    out = tmp_path / "hf_model"
    res = runner.invoke(app, ["train", str(root / "configs" / "transformers_ner.toml"), "--backend", "transformers",
                              "--base-model", str(tiny_bert), "--output", str(out),
                              "--training.max_steps", "4", "--training.per_device_train_batch_size", "4",
                              "--training.eval_strategy", "no", "--data.generated", "4"])
    assert res.exit_code == 0, res.output
    meta = json.loads((out / "extract_model.json").read_text(encoding="utf-8"))
    assert meta["backend"] == "transformers" and meta["labels"] == IOB2_LABELS
    pred = tmp_path / "pred.jsonl"
    res = runner.invoke(app, ["run", str(seed_paths[0]), "--model", str(out), "-o", str(pred), "-q"])
    assert res.exit_code == 0, res.output
    rec = json.loads(pred.read_text(encoding="utf-8").splitlines()[0])
    text = seed_paths[0].read_text(encoding="utf-8")
    for e in rec["entities"]:
        assert e["text"] == text[e["start"]:e["end"]] and e["text"].strip() == e["text"]


def test_transformers_needs_a_local_base_model(tmp_path, root):
    res = runner.invoke(app, ["train", str(root / "configs" / "transformers_ner.toml"), "--backend", "transformers",
                              "--output", str(tmp_path / "m")])
    assert res.exit_code == 2 and "--base-model" in res.output
