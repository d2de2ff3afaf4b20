"""Linking: decide which value belongs to which indicator, and in which slot.

The prose linker pairs an INDICATOR with the value entity that follows it, when only
linking words (达到, 为, 支出 …) stand between them (``资金到位率100%`` → actual,
``前端在线率95%以上`` as a TARGET → target). Table rows (``extract.tables``) link by
column. Every linker returns :class:`~extract.document.Relation` objects over the
document's entity ids.
"""

from __future__ import annotations

import re

from .document import Document, Relation
from .schema import SLOT_TAILS

#: what may stand between an indicator and its value in prose
_GAP = re.compile(r"^[\s:：]*(?:达到了|达到|提高到|提升至|控制在|均为|共计|合计|累计|为|达|是|支出|完成|共|约|：|:)?[\s:：]*$")


def link_prose(doc: Document, max_gap: int = 6) -> list[Relation]:
    """Relations from each INDICATOR to the value right after it (slot by the value's label)."""
    ents = sorted(doc.entities, key=lambda e: (e.start, e.end))
    linked_tails = set()
    rels = []
    for i, ind in enumerate(ents):
        if ind.label != "INDICATOR":
            continue
        for nxt in ents[i + 1:i + 2]:
            if nxt.label == "INDICATOR" or nxt.id in linked_tails:
                continue
            gap = doc.text[ind.end:nxt.start]
            if len(gap) <= max_gap and _GAP.match(gap):
                slot = "target" if nxt.label == "TARGET" else "actual"
                if nxt.label in SLOT_TAILS[slot]:
                    rels.append(Relation(ind.id, nxt.id, slot))
                    linked_tails.add(nxt.id)
    return rels
