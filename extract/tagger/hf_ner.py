"""The transformers tagger: fine-tune and run a local token-classification checkpoint.

Owns character-level IOB2 gold → token labels through the tokenizer's ``offset_mapping``
(a token takes the tag of its first character; an entity that starts or ends inside a
multi-character token, such as a long digit string split into pieces, is reported and
widened to the token), ``datasets`` preprocessing, training with ``transformers.Trainer``
evaluated by seqeval in strict IOB2 mode, and loading a fine-tuned model as a span tagger.
Everything is read from local paths (``local_files_only``); nothing is downloaded.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..convert.hf import IOB2_LABELS
from ..document import Document
from ..errors import Problem, problem
from ..evaluate import char_tags

MARKER = "extract_model.json"
Spans = list[tuple[str, int, int]]


def load_config(path: Path, overrides: dict[str, Any]) -> dict[str, Any]:
    """The TOML config with dotted overrides applied (``training.num_train_epochs`` → 1)."""
    with path.open("rb") as fh:
        cfg = tomllib.load(fh)
    for key, value in overrides.items():
        section, _, name = key.partition(".")
        cfg.setdefault(section, {})[name] = value
    return cfg


def token_labels(tags: list[str], offsets: list[tuple[int, int]], doc_id: str = "",
                 base: int = 0, problems: list[Problem] | None = None) -> list[int]:
    """Label ids per token from character tags (-100 for special tokens)."""
    label_id = {t: i for i, t in enumerate(IOB2_LABELS)}
    out = []
    for s, e in offsets:
        if s == e:
            out.append(-100)
            continue
        inner = tags[s:e]
        first = inner[0]
        rest = inner[1:]
        split = any(t.startswith("B-") for t in rest) or (first != "O" and "O" in rest) or \
            (first == "O" and any(t != "O" for t in rest))
        if split:
            # an entity boundary inside a multi-character token (a long digit string, glued cells)
            if problems is not None:
                problems.append(problem("E201", doc_id, offset=base + s, start=base + s, end=base + e,
                                        text=" ".join(inner)))
            if first == "O":
                first = "B-" + next(t for t in rest if t != "O")[2:]
        out.append(label_id.get(first, 0))
    return out


def spans_from_tokens(labels: list[str], offsets: list[tuple[int, int]]) -> Spans:
    """Character spans from predicted token labels (I- without a B- starts a span too)."""
    spans: Spans = []
    cur: list[Any] | None = None
    for lab, (s, e) in zip(labels, offsets):
        if s == e:
            continue
        if lab == "O":
            cur = None
            continue
        kind, _, name = lab.partition("-")
        if kind == "I" and cur is not None and cur[0] == name:
            cur[2] = e
            spans[-1] = tuple(cur)  # type: ignore[assignment]
        else:
            cur = [name, s, e]
            spans.append(tuple(cur))  # type: ignore[arg-type]
    return spans


def _pieces(docs: list[Document], chunk: int) -> list[dict[str, Any]]:
    from .spacy_ner import chunk_bounds

    rows = []
    for d in docs:
        tags = char_tags(d)
        for a, b in chunk_bounds(d.text, [(e.start, e.end) for e in d.entities], chunk):
            rows.append({"id": d.doc_id, "base": a, "text": d.text[a:b], "tags": tags[a:b]})
    return rows


def train_transformers(config_path: Path, output: Path, base_model: Path, overrides: dict[str, Any]) -> dict[str, Any]:
    """Fine-tune ``base_model`` on gold train + generated reports; save model, tokenizer and marker."""
    import numpy as np
    from datasets import Dataset
    from seqeval.metrics import classification_report
    from seqeval.scheme import IOB2
    from transformers import (AutoModelForTokenClassification, AutoTokenizer, DataCollatorForTokenClassification,
                              Trainer, TrainingArguments)

    from ..generate import generate
    from ..train import split_documents

    cfg = load_config(config_path, overrides)
    data = cfg["data"]
    train_gold = split_documents(data["gold"], data["split_file"], list(data["train_splits"]))
    dev_gold = split_documents(data["gold"], data["split_file"], list(data["dev_splits"]))
    generated = generate(int(data["generated"]), seed=int(data["generated_seed"])) if int(data["generated"]) else []
    tokenizer = AutoTokenizer.from_pretrained(str(base_model), local_files_only=True)
    if not getattr(tokenizer, "is_fast", False):
        raise ValueError(f"{base_model}: a fast tokenizer (tokenizer.json) is needed for offset mapping")
    max_length = int(cfg.get("model", {}).get("max_length", 512))
    problems: list[Problem] = []

    def encode(rows: list[dict[str, Any]]) -> Dataset:
        enc = tokenizer([r["text"] for r in rows], truncation=True, max_length=max_length, return_offsets_mapping=True)
        labels = [token_labels(r["tags"], [tuple(o) for o in offs], r["id"], r["base"], problems)
                  for r, offs in zip(rows, enc["offset_mapping"])]
        return Dataset.from_dict({"input_ids": enc["input_ids"], "attention_mask": enc["attention_mask"], "labels": labels})

    train_ds = encode(_pieces(train_gold + generated, int(data["chunk"])))
    dev_ds = encode(_pieces(dev_gold, int(data["chunk"]))) if dev_gold else None
    model = AutoModelForTokenClassification.from_pretrained(
        str(base_model), local_files_only=True, num_labels=len(IOB2_LABELS),
        id2label=dict(enumerate(IOB2_LABELS)), label2id={t: i for i, t in enumerate(IOB2_LABELS)},
        ignore_mismatched_sizes=True)

    def compute_metrics(pred: Any) -> dict[str, float]:
        logits, gold = pred
        best = np.argmax(logits, axis=-1)
        y_true = [[IOB2_LABELS[g] for g in row if g != -100] for row in gold]
        y_pred = [[IOB2_LABELS[p] for p, g in zip(prow, grow) if g != -100] for prow, grow in zip(best, gold)]
        rep = classification_report(y_true, y_pred, mode="strict", scheme=IOB2, output_dict=True, zero_division=0)
        return {"f1": rep["micro avg"]["f1-score"], "precision": rep["micro avg"]["precision"],
                "recall": rep["micro avg"]["recall"]}

    args_cfg = dict(cfg["training"])
    if dev_ds is None:
        args_cfg["eval_strategy"] = "no"
    args = TrainingArguments(output_dir=str(output / "checkpoints"), **args_cfg)
    trainer = Trainer(model=model, args=args, train_dataset=train_ds, eval_dataset=dev_ds,
                      data_collator=DataCollatorForTokenClassification(tokenizer),
                      compute_metrics=compute_metrics if dev_ds is not None else None)
    trainer.train()
    scores = trainer.evaluate() if dev_ds is not None else {}
    output.mkdir(parents=True, exist_ok=True)
    trainer.save_model(str(output))
    tokenizer.save_pretrained(str(output))
    (output / MARKER).write_text(json.dumps({"backend": "transformers", "labels": IOB2_LABELS,
                                             "max_length": max_length, "chunk": int(data["chunk"]),
                                             "dev_scores": scores}, ensure_ascii=False, indent=1), encoding="utf-8")
    return {"train_reports": len(train_gold), "generated_reports": len(generated), "dev_reports": len(dev_gold),
            "train_pieces": len(train_ds), "misaligned": [str(p) for p in problems], "dev_scores": scores}


def load_tagger(model_dir: str | Path) -> Callable[[str], Spans]:
    """A span tagger backed by a fine-tuned token-classification model."""
    import torch
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    from .spacy_ner import chunk_bounds

    model_dir = Path(model_dir)
    meta = json.loads((model_dir / MARKER).read_text(encoding="utf-8"))
    tokenizer = AutoTokenizer.from_pretrained(str(model_dir), local_files_only=True)
    model = AutoModelForTokenClassification.from_pretrained(str(model_dir), local_files_only=True)
    model.eval()
    id2label = model.config.id2label

    def tag(text: str) -> Spans:
        spans: Spans = []
        for a, b in chunk_bounds(text, [], int(meta.get("chunk", 300))):
            piece = text[a:b]
            enc = tokenizer(piece, truncation=True, max_length=int(meta.get("max_length", 512)),
                            return_offsets_mapping=True, return_tensors="pt")
            offsets = [tuple(o) for o in enc.pop("offset_mapping")[0].tolist()]
            with torch.no_grad():
                logits = model(**enc).logits[0]
            labels = [id2label[int(i)] for i in logits.argmax(-1).tolist()]
            for label, s, e in spans_from_tokens(labels, offsets):
                # trim whitespace the tokenizer attached to a piece
                while s < e and piece[s].isspace():
                    s += 1
                while e > s and piece[e - 1].isspace():
                    e -= 1
                if s < e:
                    spans.append((label, a + s, a + e))
        return spans

    return tag
