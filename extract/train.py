"""Training: build training data from gold and generated reports, then fit a tagger.

Two backends. spaCy:

``train_spacy`` wraps ``spacy train``: it reads the ``[data]`` section of the config
(which gold documents, which splits, how many generated reports), writes the ``DocBin``
files under ``OUTPUT/corpus/``, and trains with spaCy's own loop (its progress table is
shown), passing dotted overrides through; then, unless ``data.relation_model`` is false,
the prose relation model is trained on the same documents and stored beside the tagger.
The seed dev and test documents are never trained on: only the splits named in
``data.train_splits`` are. Transformers (``train_transformers``): character-level IOB2
gold → token labels through the tokenizer's ``offset_mapping`` (a token takes the tag of
its first character; an entity that starts or ends inside a multi-character token, such
as a long digit string split into pieces, is reported and widened to the token),
``datasets`` preprocessing, and ``transformers.Trainer`` evaluated by seqeval in strict
IOB2 mode; the model directory is marked for :mod:`extract.tagger.hf_ner`.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from .annotations import load_documents, project_root
from .corpus import read_split
from .document import Document, char_tags
from .errors import Problem, problem
from .schema import IOB2_LABELS


def _root_path(p: str | Path) -> Path:
    q = Path(p)
    return q if q.is_absolute() else project_root() / q


def split_documents(gold: str | Path, split_file: str | Path, splits: list[str]) -> list[Any]:
    """Gold documents whose split (in ``split_file``) is one of ``splits``."""
    keep = {d.doc_id for d in read_split(_root_path(split_file)) if d.split in splits}
    return [d for d in load_documents([_root_path(gold)]) if d.doc_id in keep]


def generated_documents(data: Any) -> list[Document]:
    """The synthetic reports a training config's ``[data]`` asks for (``generated``, ``generated_seed``,
    ``generated_mix``)."""
    from .generate import generate

    n = int(data["generated"])
    return generate(n, seed=int(data["generated_seed"]), mix=str(data.get("generated_mix", "training"))) if n else []


def prepare_spacy_data(config: Any, output: Path, problems: list[Problem]) -> dict[str, Any]:
    """Write train/dev DocBins for ``config``; return paths and counts."""
    import spacy

    from .tagger.spacy_ner import to_training_docs, write_docbin

    data = config["data"]
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": config["nlp"]["tokenizer"]}})
    tok_init = dict(config.get("initialize", {}).get("tokenizer", {}) or {})
    if tok_init.get("pkuseg_model"):
        nlp.tokenizer.initialize(**tok_init)  # word segmentation from a local pkuseg model
    train_gold = split_documents(data["gold"], data["split_file"], list(data["train_splits"]))
    dev_gold = split_documents(data["gold"], data["split_file"], list(data["dev_splits"]))
    generated = generated_documents(data)
    train_docs = to_training_docs(train_gold + generated, nlp, int(data["chunk"]), problems)
    dev_docs = to_training_docs(dev_gold, nlp, int(data["chunk"]), problems)
    paths = {"train": output / "corpus" / "train.spacy", "dev": output / "corpus" / "dev.spacy"}
    write_docbin(train_docs, paths["train"])
    write_docbin(dev_docs, paths["dev"])
    return {"paths": paths, "train_reports": len(train_gold), "generated_reports": len(generated),
            "dev_reports": len(dev_gold), "train_pieces": len(train_docs), "dev_pieces": len(dev_docs),
            "train_ids": sorted(d.doc_id for d in train_gold), "dev_ids": sorted(d.doc_id for d in dev_gold)}


def train_spacy(config_path: Path, output: Path, overrides: dict[str, Any]) -> dict[str, Any]:
    """Prepare data and run spaCy training; the best model lands in ``OUTPUT/model-best``."""
    from spacy.util import load_config

    from .tagger import spacy_ner  # noqa: F401  (registers the tokenizer and the patterns component)

    config = load_config(config_path, overrides=overrides, interpolate=False)
    problems: list[Problem] = []
    info = prepare_spacy_data(config, output, problems)
    info["misaligned"] = [str(p) for p in problems]
    spacy_overrides = {k: v for k, v in overrides.items() if not k.startswith("data.")}
    spacy_overrides.update({"paths.train": str(info["paths"]["train"]), "paths.dev": str(info["paths"]["dev"])})
    run_spacy_training(config_path, output, spacy_overrides)
    if config["data"].get("relation_model", True):
        info["relations"] = save_relation_model(config, output)
    return info


def run_spacy_training(config_path: Path, output: Path, overrides: dict[str, Any]) -> None:
    """spaCy's own training loop (``spacy train``: initialize, then train with its progress table) on CPU.

    Matrix products go through numpy (OpenBLAS) instead of thinc's default BLIS build, which
    is several times slower on this kind of CPU, on one BLAS thread so that a run is
    reproducible (more threads may change the order of sums from run to run).
    """
    import sys

    from spacy.cli._util import setup_gpu, show_validation_error
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_nlp
    from spacy.util import load_config
    from thinc.api import NumpyOps, set_current_ops
    from threadpoolctl import threadpool_limits

    output.mkdir(parents=True, exist_ok=True)
    setup_gpu(-1)
    set_current_ops(NumpyOps(use_blis=False))
    with show_validation_error(config_path):
        config = load_config(config_path, overrides=overrides, interpolate=False)
    with threadpool_limits(limits=1, user_api="blas"):
        with show_validation_error(config_path, hint_fill=False):
            nlp = init_nlp(config, use_gpu=-1)
        train_nlp(nlp, output, use_gpu=-1, stdout=sys.stdout, stderr=sys.stderr)


def save_relation_model(config: Any, output: Path) -> dict[str, Any]:
    """Train the prose relation model on the same training documents; store it beside the tagger."""
    from .relations import train_relation_model, training_examples

    data = config["data"]
    docs = split_documents(data["gold"], data["split_file"], list(data["train_splits"]))
    docs += generated_documents(data)
    model = train_relation_model(docs)
    for target in (output, output / "model-best"):
        if target.is_dir():
            model.save(target / "relations.json")
    return {"pairs": len(training_examples(docs))}


# -- transformers -----------------------------------------------------------------

def load_toml_config(path: Path, overrides: dict[str, Any]) -> dict[str, Any]:
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


def _pieces(docs: list[Document], chunk: int) -> list[dict[str, Any]]:
    from .tagger.spacy_ner import chunk_bounds

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

    from .tagger.hf_ner import MARKER

    cfg = load_toml_config(config_path, overrides)
    data = cfg["data"]
    train_gold = split_documents(data["gold"], data["split_file"], list(data["train_splits"]))
    dev_gold = split_documents(data["gold"], data["split_file"], list(data["dev_splits"]))
    generated = generated_documents(data)
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


