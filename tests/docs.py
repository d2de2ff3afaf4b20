"""Small documents for tests: entities placed by their text, left to right."""

from __future__ import annotations

from extract.document import Document


def doc_with(text: str, *spans: tuple[str, str]) -> Document:
    """A document whose entities are the given (label, text) spans, found left to right."""
    d = Document("x", text)
    pos = 0
    for label, s in spans:
        i = text.index(s, pos)
        d.add_entity(label, i, i + len(s))
        pos = i + len(s)
    return d
