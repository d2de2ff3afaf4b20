"""Training: build training data from gold and generated reports, then fit a tagger.

``train_spacy`` wraps ``spacy train``: it reads the ``[data]`` section of the config
(which gold documents, which splits, how many generated reports), writes the ``DocBin``
files under ``OUTPUT/corpus/``, and trains with spaCy's own loop (its progress table is
shown), passing dotted overrides through; then, unless ``data.relation_model`` is false,
the prose relation model is trained on the same documents and stored beside the tagger.
The seed dev and test documents are never trained on: only the splits named in
``data.train_splits`` are.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .annotations import load_documents, project_root
from .corpus import read_split
from .errors import Problem


def _root_path(p: str | Path) -> Path:
    q = Path(p)
    return q if q.is_absolute() else project_root() / q


def split_documents(gold: str | Path, split_file: str | Path, splits: list[str]) -> list[Any]:
    """Gold documents whose split (in ``split_file``) is one of ``splits``."""
    keep = {d.doc_id for d in read_split(_root_path(split_file)) if d.split in splits}
    return [d for d in load_documents([_root_path(gold)]) if d.doc_id in keep]


def prepare_spacy_data(config: Any, output: Path, problems: list[Problem]) -> dict[str, Any]:
    """Write train/dev DocBins for ``config``; return paths and counts."""
    import spacy

    from .generate import generate
    from .tagger.spacy_ner import to_training_docs, write_docbin

    data = config["data"]
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": config["nlp"]["tokenizer"]}})
    tok_init = dict(config.get("initialize", {}).get("tokenizer", {}) or {})
    if tok_init.get("pkuseg_model"):
        nlp.tokenizer.initialize(**tok_init)  # word segmentation from a local pkuseg model
    train_gold = split_documents(data["gold"], data["split_file"], list(data["train_splits"]))
    dev_gold = split_documents(data["gold"], data["split_file"], list(data["dev_splits"]))
    generated = generate(int(data["generated"]), seed=int(data["generated_seed"])) if int(data["generated"]) else []
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
    from .generate import generate
    from .relations import train_relation_model, training_examples

    data = config["data"]
    docs = split_documents(data["gold"], data["split_file"], list(data["train_splits"]))
    if int(data["generated"]):
        docs += generate(int(data["generated"]), seed=int(data["generated_seed"]))
    model = train_relation_model(docs)
    for target in (output, output / "model-best"):
        if target.is_dir():
            model.save(target / "relations.json")
    return {"pairs": len(training_examples(docs))}
