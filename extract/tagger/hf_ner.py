"""The transformers tagger: run a fine-tuned local token-classification checkpoint.

Owns turning a checkpoint's token labels back into character spans (through the
tokenizer's ``offset_mapping``) and loading a fine-tuned model directory (marked by
``extract_model.json``) as a span tagger. Fine-tuning lives in :mod:`extract.train`.
Everything is read from local paths (``local_files_only``); nothing is downloaded.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..document import Document, Span

#: the file that marks a directory as a fine-tuned transformers tagger
MARKER = "extract_model.json"
Spans = list[Span]


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
            spans[-1] = Span(*cur)
        else:
            cur = [name, s, e]
            spans.append(Span(*cur))
    return spans


def load_tagger(model_dir: str | Path) -> Callable[[Document], Spans]:
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

    def tag(doc: Document) -> Spans:
        text = doc.text
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
                    spans.append(Span(label, a + s, a + e))
        return spans

    return tag
