"""Linking: decide which value belongs to which indicator, and in which slot.

The baseline links a prose value to the indicator phrase that directly precedes it
(``资金到位率100%`` → actual). Table rows (``extract.tables``) link by column; a
trained relation model may replace the prose rule. Every linker returns
:class:`~extract.document.Relation` objects over the document's entity ids.
"""

from __future__ import annotations

from .document import Document, Entity, Relation
from .schema import SLOT_TAILS


def link_adjacent(doc: Document, pairs: list[tuple[Entity, Entity]]) -> list[Relation]:
    """Relations for ``(indicator, value)`` pairs found side by side in prose: value → ``actual``."""
    rels = []
    for ind, val in pairs:
        slot = "target" if val.label == "TARGET" else "actual"
        if ind.label == "INDICATOR" and val.label in SLOT_TAILS[slot]:
            rels.append(Relation(ind.id, val.id, slot))
    return rels
