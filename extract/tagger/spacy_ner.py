"""The spaCy tagger: a trained NER over character tokens, combined with the rule patterns.

Owns the spaCy side of tagging: the character tokenizer (``extract.char_tokenizer.v1``,
one token per character, whitespace included, so that every gold span aligns), the
``extract_value_patterns`` component that merges the rule baseline's spans with the
model's (``mode = "fill"``: patterns add spans where the model found none; ``"override"``:
patterns win where they overlap; ``"off"``), turning gold documents into training
``DocBin`` files (chunked at line breaks that fall outside every span), and loading a
trained pipeline as a span tagger for :func:`extract.pipeline.run_text`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.util import filter_spans

from ..document import Document
from ..errors import Problem, problem
from . import patterns

Spans = list[tuple[str, int, int]]


class CharTokenizer:
    """One token per character (whitespace too), no trailing spaces: offsets are kept exactly."""

    def __init__(self, vocab: Any):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return Doc(self.vocab, words=list(text), spaces=[False] * len(text))

    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> "CharTokenizer":
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: Any, **kwargs: Any) -> "CharTokenizer":
        return self


@spacy.registry.tokenizers("extract.char_tokenizer.v1")
def create_char_tokenizer() -> Callable[[Language], CharTokenizer]:
    def make(nlp: Language) -> CharTokenizer:
        return CharTokenizer(nlp.vocab)

    return make


@Language.factory("extract_value_patterns", default_config={"mode": "fill"})
def create_value_patterns(nlp: Language, name: str, mode: str) -> Callable[[Doc], Doc]:
    if mode not in ("fill", "override", "off"):
        raise ValueError(f"extract_value_patterns: mode must be fill, override or off, not {mode!r}")

    def value_patterns(doc: Doc) -> Doc:
        if mode == "off":
            return doc
        found = []
        values = patterns.find_values(doc.text)
        spans = values + [ind for ind, _ in patterns.find_indicators(doc.text, values)]
        for label, s, e in spans:
            span = doc.char_span(s, e, label=label, alignment_mode="expand")
            if span is not None:
                found.append(span)
        model = list(doc.ents)
        if mode == "fill":
            taken = [(e.start, e.end) for e in model]
            extra = [s for s in filter_spans(found) if not any(s.start < b and a < s.end for a, b in taken)]
            doc.ents = sorted(model + extra, key=lambda s: s.start)
        else:
            doc.ents = filter_spans(found + model)
        return doc

    return value_patterns


def chunk_bounds(text: str, spans: Iterable[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """Cut ``text`` into pieces of about ``size`` characters at line breaks outside every span."""
    inside = bytearray(len(text) + 1)
    for s, e in spans:
        for i in range(s + 1, e):
            inside[i] = 1
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch == "\n" and i + 1 - start >= size and not inside[i + 1] and not inside[i]:
            out.append((start, i + 1))
            start = i + 1
    if start < len(text):
        out.append((start, len(text)))
    return out


def to_training_docs(docs: Iterable[Document], nlp: Language, chunk: int = 400,
                     problems: list[Problem] | None = None) -> list[Doc]:
    """spaCy ``Doc`` pieces with gold entities, for training (misaligned spans reported)."""
    out = []
    for d in docs:
        ents = sorted(d.entities, key=lambda e: e.start)
        for a, b in chunk_bounds(d.text, [(e.start, e.end) for e in ents], chunk):
            piece = d.text[a:b]
            sdoc = nlp.make_doc(piece)
            spans = []
            for e in ents:
                if a <= e.start and e.end <= b:
                    span = sdoc.char_span(e.start - a, e.end - a, label=e.label)
                    if span is None:
                        if problems is not None:
                            problems.append(problem("E201", d.doc_id, offset=e.start, start=e.start, end=e.end, text=e.text))
                        continue
                    spans.append(span)
            sdoc.ents = filter_spans(spans)
            out.append(sdoc)
    return out


def write_docbin(docs: list[Doc], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(path)


#: a stretch of text worth tagging holds a number (Arabic, or Chinese before a measure word) or a percent
_WORTH_TAGGING = re.compile(r"[0-9０-９%％‰]|[一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟][个人次元项台套件户亩名座场所家]")
_SEGMENT_END = re.compile(r"(?<=[。；！？\n])")


def tagging_windows(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` the model runs on: runs of sentences or lines that hold a value.

    Entities are values and the indicators and targets next to them, so sentences without any
    number are skipped, except inside tables (qualitative target cells). This is what makes
    the tagger fast enough for long reports.
    """
    from ..tables import table_regions

    tables = [(h.start, end) for h, end in table_regions(text)]
    windows: list[tuple[int, int]] = []
    pos = 0
    for seg_end in [m.start() for m in _SEGMENT_END.finditer(text)] + [len(text)]:
        if seg_end <= pos:
            continue
        in_table = any(a < seg_end and pos < b for a, b in tables)
        if in_table or _WORTH_TAGGING.search(text, pos, seg_end):
            if windows and windows[-1][1] == pos:
                windows[-1] = (windows[-1][0], seg_end)
            else:
                windows.append((pos, seg_end))
        pos = seg_end
    return windows


def load_tagger(model_dir: str | Path) -> Callable[[str], Spans]:
    """A span tagger backed by the spaCy pipeline in ``model_dir`` (run on :func:`tagging_windows`)."""
    nlp = spacy.load(model_dir)

    def tag(text: str) -> Spans:
        windows = tagging_windows(text)
        spans: Spans = []
        for (a, _), doc in zip(windows, nlp.pipe(text[a:b] for a, b in windows)):
            spans.extend((e.label_, a + e.start_char, a + e.end_char) for e in doc.ents)
        return spans

    return tag
