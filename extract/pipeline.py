"""The extraction pipeline: text → spans → values → links → records, one document at a time.

``run_text`` is what ``extract run`` calls per file. Each stage reads the shared
:class:`~extract.document.Document` and adds its layer; the tagger is the rule
baseline unless a trained model is given.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from .document import Document
from .link import link_adjacent
from .tagger import patterns
from .values import parse_value


class SpanTagger(Protocol):
    def __call__(self, text: str) -> list[tuple[str, int, int]]: ...


def run_text(text: str, doc_id: str, source: str | None = None, tagger: SpanTagger | None = None) -> Document:
    """Extract entities, values, relations and records from one report's text."""
    doc = Document(doc_id=doc_id, text=text, source=source)
    values = patterns.find_values(text)
    pairs = patterns.find_indicators(text, values)
    spans = list(values) if tagger is None else tagger(text)
    ents = {}
    for label, s, e in sorted(set(spans) | {p[0] for p in pairs}, key=lambda x: (x[1], x[2])):
        if any(s < o_e and o_s < e for (o_s, o_e) in ents):
            continue
        ent = doc.add_entity(label, s, e)
        if label != "INDICATOR":
            ent.attrs.update(parse_value(ent.text, label))
        ents[(s, e)] = ent
    linked = [(ents[i[1:]], ents[v[1:]]) for i, v in pairs if i[1:] in ents and v[1:] in ents]
    doc.relations.extend(link_adjacent(doc, linked))
    return doc


def run_file(path: str | Path, tagger: SpanTagger | None = None) -> Document:
    """Read one report file and extract it; ``doc_id`` is the file stem."""
    from .io import read_text

    p = Path(path)
    return run_text(read_text(p), p.stem, str(p), tagger)
