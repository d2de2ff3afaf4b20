"""The spaCy tagger: a trained model over character tokens, combined with the rule patterns.

Owns the spaCy side of tagging: the character tokenizer (``extract.char_tokenizer.v1``,
one token per character, whitespace included, so that every gold span aligns); two ways
for a trained model to find entities, spaCy's transition-based ``ner`` or a per-character
``tagger`` over IOB2 tags (``extract_iob_tagger``, decoded as sequences by
:mod:`extract.tagger.iob`; much cheaper per character); the ``extract_value_patterns`` component that merges
the rule baseline's spans with the model's (``mode = "fill"``: patterns add spans where the
model found none; ``"override"``: patterns win where they overlap; ``"off"``); turning gold
documents into training ``DocBin`` files (chunked at line breaks that fall outside every
span, with entities and IOB2 tags); and loading a trained pipeline as a span tagger for
:func:`extract.pipeline.run_text`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy
import spacy
from spacy.language import Language
from spacy.pipeline.tagger import DEFAULT_TAGGER_MODEL, Tagger
from spacy.scorer import Scorer, get_ner_prf
from spacy.tokens import Doc, DocBin, Span
from spacy.training import Example
from spacy.util import filter_spans

from ..document import Document
from ..document import Span as SpanT
from ..errors import Problem, problem
from ..lexicon import load_data
from ..segment import char_features
from . import iob, patterns

Spans = list[SpanT]


class CharTokenizer:
    """One token per character (whitespace too), no trailing spaces: offsets are kept exactly.

    With ``bigram_lemmas``, each token's lemma is the character with the one after it (the
    last character's is itself): not a linguistic lemma but a feature for the model's
    embedding table (``LEMMA`` in ``MultiHashEmbed``'s attributes), since Chinese words are
    mostly two characters long. With ``word_lemmas``, the lemma is the character's place in its word
    and the word (:func:`extract.segment.char_features`: ``B资金``), so that the model sees word boundaries.
    """

    def __init__(self, vocab: Any, bigram_lemmas: bool = False, word_lemmas: bool = False):
        self.vocab = vocab
        self.bigram_lemmas = bigram_lemmas
        self.word_lemmas = word_lemmas

    def __call__(self, text: str) -> Doc:
        words = list(text)
        if self.word_lemmas:
            doc = Doc(self.vocab, words=words, spaces=[False] * len(words), lemmas=char_features(text))
        elif self.bigram_lemmas:
            doc = Doc(self.vocab, words=words, spaces=[False] * len(words),
                      lemmas=[text[i:i + 2] for i in range(len(text))])
        else:
            doc = Doc(self.vocab, words=words, spaces=[False] * len(words))
        doc.user_data[TEXT_KEY] = text  # Doc.text joins every token again on each call
        return doc

    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> "CharTokenizer":
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: Any, **kwargs: Any) -> "CharTokenizer":
        return self


#: where :class:`CharTokenizer` keeps the text it was given, in ``Doc.user_data``
TEXT_KEY = "extract.text"


def doc_text(doc: Doc) -> str:
    """A doc's text: the one its tokenizer was given, else joined from its tokens (``Doc.text``, slow: a Python
    object per character)."""
    text = doc.user_data.get(TEXT_KEY)
    return text if isinstance(text, str) and len(text) == len(doc) else doc.text


@spacy.registry.tokenizers("extract.char_tokenizer.v1")
def create_char_tokenizer(bigram_lemmas: bool = False, word_lemmas: bool = False) -> Callable[[Language], CharTokenizer]:
    def make(nlp: Language) -> CharTokenizer:
        return CharTokenizer(nlp.vocab, bigram_lemmas, word_lemmas)

    return make


@Language.factory("extract_value_patterns", default_config={"mode": "fill"})
def create_value_patterns(nlp: Language, name: str, mode: str) -> Callable[[Doc], Doc]:
    if mode not in ("fill", "override", "off"):
        raise ValueError(f"extract_value_patterns: mode must be fill, override or off, not {mode!r}")

    def value_patterns(doc: Doc) -> Doc:
        if mode == "off":
            return doc
        found = []
        text = doc_text(doc)
        values = patterns.find_values(text)
        rule_spans = values + [ind for ind, _ in patterns.find_indicators(text, values)]
        for label, s, e in rule_spans:
            span = doc.char_span(s, e, label=label, alignment_mode="expand")
            if span is not None:
                found.append(span)
        model = [_before_values(e, found) for e in doc.ents]
        if mode == "fill":
            taken = [(e.start, e.end) for e in model]
            extra = [s for s in filter_spans(found) if not any(s.start < b and a < s.end for a, b in taken)]
            doc.ents = sorted(model + extra, key=lambda s: s.start)
        else:
            doc.ents = filter_spans(found + model)
        return doc

    return value_patterns


def _before_values(ent: Span, found: list[Span]) -> Span:
    """A model's INDICATOR cut where a value the rules found begins inside it and runs past its end (发放补助资金三 |
    百二十万元: the name ends before 三百二十万元), so that the value is read whole, unless less than two characters of
    name would be left; any other span as it is."""
    if ent.label_ != "INDICATOR":
        return ent
    cut = min((v.start for v in found if v.label_ != "INDICATOR" and ent.start < v.start < ent.end <= v.end),
              default=None)
    return ent if cut is None or cut - ent.start < 2 else Span(ent.doc, ent.start, cut, label=ent.label_)


class IobTagger(Tagger):
    """spaCy's ``tagger`` over IOB2 tags, decoded as sequences into ``doc.ents`` (and ``token.tag_``).

    Training is spaCy's tagger training (a softmax per character). ``initialize`` also counts
    tag-to-tag transitions in the training tags; prediction decodes the probabilities with
    them (:func:`extract.tagger.iob.decode`), so an entity is never cut by one unsure
    character. ``transition_weight`` (0 = tags one by one, only forbidden transitions
    excluded) and ``o_threshold`` are settings of the component, kept with the model.
    """

    def __init__(self, vocab: Any, model: Any, name: str, *, transition_weight: float, o_threshold: float,
                 scorer: Callable[..., dict[str, Any]], label_smoothing: float) -> None:
        super().__init__(vocab, model, name, overwrite=True, scorer=scorer, label_smoothing=label_smoothing)
        self.cfg["transition_weight"] = transition_weight
        self.cfg["o_threshold"] = o_threshold
        self.cfg.setdefault("transitions", [])

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *, nlp: Language | None = None,
                   labels: Any = None) -> None:
        super().initialize(get_examples, nlp=nlp, labels=labels)
        sequences = ([t.tag_ for t in eg.reference] for eg in get_examples())
        self.cfg["transitions"] = iob.transition_scores(sequences, self.labels).tolist()

    def predict(self, docs: Iterable[Doc]) -> list[numpy.ndarray]:
        """Tag log-probabilities per document (``(len(doc), n_tags)``)."""
        docs = list(docs)
        if not any(len(doc) for doc in docs):
            return [numpy.zeros((0, len(self.labels)), dtype="f") for _ in docs]
        normalized = any(n.attrs.get("softmax_normalize", False) for n in self.model.walk())
        outputs = [self.model.ops.to_numpy(s) for s in self.model.predict(docs)]
        if normalized:
            return [numpy.log(numpy.clip(p, 1e-12, 1.0)) for p in outputs]
        return [iob.log_softmax(s) for s in outputs]

    def set_annotations(self, docs: Iterable[Doc], scores: list[numpy.ndarray]) -> None:
        labels = self.labels
        decoded = iob.decode(scores, numpy.asarray(self.cfg["transitions"]), labels.index("O"),
                             float(self.cfg["transition_weight"]), float(self.cfg["o_threshold"]))
        tag_hashes = numpy.array([self.vocab.strings.add(t) for t in labels], dtype="uint64")
        for doc, ids in zip(docs, decoded):
            if not len(doc):
                continue
            doc.from_array(["TAG"], tag_hashes[ids].reshape(-1, 1))
            doc.ents = [Span(doc, a, b, label=lab) for lab, a, b in iob.id_spans(ids, labels)]


def score_iob_tagger(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
    """Entity precision, recall and F1 (``ents_f`` …, as spaCy's ``ner`` reports them) and tag accuracy."""
    examples = list(examples)
    return {**Scorer.score_token_attr(examples, "tag", **kwargs), **get_ner_prf(examples)}


@spacy.registry.scorers("extract.iob_tagger_scorer.v1")
def make_iob_tagger_scorer() -> Callable[..., dict[str, Any]]:
    return score_iob_tagger


@Language.factory(
    "extract_iob_tagger",
    assigns=["token.tag", "doc.ents"],
    default_config={"model": DEFAULT_TAGGER_MODEL, "transition_weight": 1.0, "o_threshold": 0.999,
                    "label_smoothing": 0.0, "scorer": {"@scorers": "extract.iob_tagger_scorer.v1"}},
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None, "tag_acc": 0.0},
)
def create_iob_tagger(nlp: Language, name: str, model: Any, transition_weight: float, o_threshold: float,
                      label_smoothing: float, scorer: Callable[..., dict[str, Any]]) -> IobTagger:
    return IobTagger(nlp.vocab, model, name, transition_weight=transition_weight, o_threshold=o_threshold,
                     scorer=scorer, label_smoothing=label_smoothing)


def iob_tags(doc: Doc) -> list[str]:
    """IOB2 tags (``B-MONEY``, ``I-MONEY``, ``O`` …) of a document's entities, one per token."""
    return [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in doc]


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
            for tok, tag in zip(sdoc, iob_tags(sdoc)):
                tok.tag_ = tag
            out.append(sdoc)
    return out


def write_docbin(docs: list[Doc], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(path)


@lru_cache(maxsize=1)
def _worth_tagging() -> re.Pattern[str]:
    """A stretch of text worth tagging holds a number (Arabic, or Chinese before a measure word) or a percent."""
    return re.compile(load_data("tagger.toml")["windows"]["worth_tagging"])


_SEGMENT_END = re.compile(r"(?<=[。；！？\n])")


def tagging_windows(text: str, tables: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The stretches of ``text`` the model runs on: runs of sentences or lines that hold a value.

    Entities are values and the indicators and targets next to them, so sentences without any
    number are skipped, except inside ``tables`` (the layout's table blocks: qualitative target
    cells). This is what makes the tagger fast enough for long reports.
    """
    tables = list(tables)
    windows: list[tuple[int, int]] = []
    pos = 0
    for seg_end in [m.start() for m in _SEGMENT_END.finditer(text)] + [len(text)]:
        if seg_end <= pos:
            continue
        in_table = any(a < seg_end and pos < b for a, b in tables)
        if in_table or _worth_tagging().search(text, pos, seg_end):
            if windows and windows[-1][1] == pos:
                windows[-1] = (windows[-1][0], seg_end)
            else:
                windows.append((pos, seg_end))
        pos = seg_end
    return windows


def load_tagger(model_dir: str | Path) -> Callable[[Document], Spans]:
    """A span tagger backed by the spaCy pipeline in ``model_dir`` (run on :func:`tagging_windows`).

    The model's matrix products go through numpy (OpenBLAS) rather than thinc's default BLIS
    build, which is several times slower on this kind of CPU, and on one BLAS thread: with
    more, OpenBLAS may sum in a different order from run to run, and the same report must
    always give the same output (a second thread gains little on these small matrices).
    """
    from thinc.api import use_ops
    from threadpoolctl import ThreadpoolController

    with use_ops("numpy", use_blis=False):
        nlp = spacy.load(model_dir)
    blas = ThreadpoolController()

    def tag(document: Document) -> Spans:
        text = document.text
        windows = tagging_windows(text, ((t.start, t.end) for t in document.tables))
        spans: Spans = []
        with blas.limit(limits=1, user_api="blas"):
            for (a, _), doc in zip(windows, nlp.pipe(text[a:b] for a, b in windows)):
                spans.extend(SpanT(e.label_, a + e.start_char, a + e.end_char) for e in doc.ents)
        return spans

    return tag
