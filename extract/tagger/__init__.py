"""Span taggers: find MONEY, PERCENT, QUANTITY, INDICATOR and TARGET spans in a text.

``patterns`` is the rule baseline (always available, no model); trained taggers
(``spacy_ner``, ``hf_ner``) return the same ``(label, start, end)`` spans. :func:`load`
opens a trained model directory of either kind.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import InputError, problem

Spans = list[tuple[str, int, int]]


def load(model_dir: str | Path) -> Callable[[str], Spans]:
    """A tagger from a trained model directory (spaCy pipeline or transformers checkpoint)."""
    p = Path(model_dir)
    if (p / "extract_model.json").is_file():
        from .hf_ner import load_tagger

        return load_tagger(p)
    if (p / "meta.json").is_file() and (p / "config.cfg").is_file():
        from .spacy_ner import load_tagger as load_spacy

        return load_spacy(p)
    if (p / "model-best" / "meta.json").is_file():
        from .spacy_ner import load_tagger as load_spacy

        return load_spacy(p / "model-best")
    raise InputError(problem("E202", str(p), model_path=str(p)))


def load_relation_model(model_dir: str | Path):
    """The prose relation model stored beside a trained tagger (``relations.json``), or None."""
    from ..relations import RelationModel

    p = Path(model_dir)
    for cand in (p / "relations.json", p / "model-best" / "relations.json", p.parent / "relations.json"):
        if cand.is_file():
            return RelationModel.load(cand)
    return None


def baseline(text: str) -> Spans:
    """The rule baseline's spans: values and the prose indicators right before them."""
    from . import patterns

    values = patterns.find_values(text)
    indicators = [ind for ind, _ in patterns.find_indicators(text, values)]
    return sorted(values + indicators, key=lambda s: (s[1], s[2]))
