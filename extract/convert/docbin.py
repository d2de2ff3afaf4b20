"""spaCy ``DocBin`` ⇄ documents, with one token per character by default.

Entities become ``doc.ents``; value fields, relations and fund lines travel in
``doc.user_data["extract"]`` so that the round trip is lossless. With another
tokenization (``words`` given), a span that does not fall on token boundaries is
reported (E201) and left out of ``doc.ents``, but kept in ``user_data``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict
from typing import Any

from ..document import Document, Entity, FundLine, Relation
from ..errors import Problem, problem


def char_words(text: str) -> list[str]:
    """One token per character."""
    return list(text)


def to_spacy_doc(doc: Document, vocab: Any, words_fn: Callable[[str], list[str]] = char_words,
                 problems: list[Problem] | None = None) -> Any:
    """A spaCy ``Doc`` of ``doc`` (character tokens unless ``words_fn`` says otherwise)."""
    from spacy.tokens import Doc

    words = words_fn(doc.text)
    if "".join(words) != doc.text:
        raise ValueError(f"{doc.doc_id}: the tokens do not concatenate to the text; give words that cover it exactly")
    sdoc = Doc(vocab, words=words, spaces=[False] * len(words))
    spans = []
    for ent in sorted(doc.entities, key=lambda e: (e.start, e.end)):
        span = sdoc.char_span(ent.start, ent.end, label=ent.label)
        if span is None:
            if problems is not None:
                problems.append(problem("E201", doc.doc_id, offset=ent.start, start=ent.start, end=ent.end, text=ent.text))
            continue
        spans.append(span)
    sdoc.ents = spans
    sdoc.user_data["extract"] = {
        "doc_id": doc.doc_id,
        "source": doc.source,
        "entities": [{"id": e.id, "label": e.label, "start": e.start, "end": e.end, "attrs": e.attrs} for e in doc.entities],
        "relations": [r.to_json() for r in doc.relations],
        "funds": [asdict(f) for f in doc.funds],
    }
    return sdoc


def from_spacy_doc(sdoc: Any) -> Document:
    """A document from a spaCy ``Doc`` written by :func:`to_spacy_doc` (or any Doc with ents)."""
    data: dict[str, Any] = sdoc.user_data.get("extract", {})
    text = sdoc.text
    doc = Document(doc_id=data.get("doc_id", ""), text=text, source=data.get("source"))
    stored = {(e["label"], e["start"], e["end"]): e for e in data.get("entities", [])}
    seen = set()
    for span in sdoc.ents:
        key = (span.label_, span.start_char, span.end_char)
        rec = stored.get(key)
        if rec:
            doc.entities.append(Entity(rec["id"], span.label_, span.start_char, span.end_char, span.text, dict(rec["attrs"])))
            seen.add(key)
        else:
            doc.add_entity(span.label_, span.start_char, span.end_char)
    for key, rec in stored.items():  # spans that did not align with tokens
        if key not in seen:
            doc.entities.append(Entity(rec["id"], rec["label"], rec["start"], rec["end"], text[rec["start"]:rec["end"]], dict(rec["attrs"])))
    doc.sort_entities()
    doc.relations = [Relation(**r) for r in data.get("relations", [])]
    doc.funds = [FundLine(**f) for f in data.get("funds", [])]
    return doc


def to_docbin(docs: Iterable[Document], lang: str = "zh", problems: list[Problem] | None = None) -> Any:
    """A ``DocBin`` of the documents (user data stored)."""
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank(lang).vocab
    db = DocBin(store_user_data=True)
    for doc in docs:
        db.add(to_spacy_doc(doc, vocab, problems=problems))
    return db


def from_docbin(db: Any, lang: str = "zh") -> list[Document]:
    """Documents of a ``DocBin``."""
    import spacy

    vocab = spacy.blank(lang).vocab
    return [from_spacy_doc(d) for d in db.get_docs(vocab)]
