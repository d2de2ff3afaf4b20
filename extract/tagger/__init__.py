"""Span taggers: find MONEY, PERCENT, QUANTITY, INDICATOR and TARGET spans in a document.

The tag stage, after layout. A tagger is a callable from a :class:`~extract.document.Document`
(its text, and the tables the layout found) to :class:`~extract.document.Span` objects.
``patterns`` is the rule baseline (always available, no model); trained taggers
(``spacy_ner``: a per-character IOB tagger decoded by ``iob``, or spaCy's NER; ``hf_ner``)
return the same spans. :func:`load` opens a trained model directory of either backend.
Training lives in :mod:`extract.train`; this package imports nothing from the stages
after it, nor from evaluation, conversion, training or generation.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..document import Document, Span
from ..errors import InputError, problem
from .trim import is_value_text, repair_indicator, snap_to_numbers, split_coordinated, trim_indicator

__all__ = ["Spans", "baseline", "is_value_text", "load", "repair_indicator", "snap_to_numbers", "split_coordinated",
           "trim_indicator"]

Spans = list[Span]


def load(model_dir: str | Path) -> Callable[[Document], Spans]:
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


def baseline(doc: Document) -> Spans:
    """The rule baseline's spans: values and the prose indicators right before them."""
    from . import patterns

    return patterns.spans(doc.text)

