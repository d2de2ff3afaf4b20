"""The extraction pipeline: text → spans → values → links → records, one document at a time.

``run_text`` is what ``extract run`` calls per file. Each stage reads the shared
:class:`~extract.document.Document` and adds its layer: the tagger (the rule baseline, or
a trained model from :func:`extract.tagger.load`) gives spans, :mod:`extract.values` their
normalized fields, :mod:`extract.link` the relations; ``Document.to_output`` the records.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .document import Document
from .link import link_prose
from .tagger import baseline
from .values import parse_value

SpanTagger = Callable[[str], list[tuple[str, int, int]]]


def run_text(text: str, doc_id: str, source: str | None = None, tagger: SpanTagger | None = None) -> Document:
    """Extract entities, values, relations and records from one report's text."""
    doc = Document(doc_id=doc_id, text=text, source=source)
    spans = (tagger or baseline)(text)
    taken: list[tuple[int, int]] = []
    for label, s, e in sorted(set(spans), key=lambda x: (x[1], -(x[2] - x[1]))):
        if s >= e or any(s < b and a < e for a, b in taken):
            continue
        ent = doc.add_entity(label, s, e)
        if label != "INDICATOR":
            ent.attrs.update(parse_value(ent.text, label))
        taken.append((s, e))
    doc.sort_entities()
    doc.relations.extend(link_prose(doc))
    return doc


def run_file(path: str | Path, tagger: SpanTagger | None = None) -> Document:
    """Read one report file and extract it; ``doc_id`` is the file stem."""
    from .io import read_text

    p = Path(path)
    return run_text(read_text(p), p.stem, str(p), tagger)
