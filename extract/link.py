"""Prose links: which value in running text belongs to which indicator, and in which slot.

Tables are read by :mod:`extract.tables`; this module links what is left, the indicators
and values of prose. :func:`link_prose` is the rule: an INDICATOR and the value right after
it, when only linking words (达到, 为, 支出 … in ``data/indicators.toml``) stand between
them (a trained alternative is :mod:`extract.relations`). :func:`assign_prose_levels`
gives a prose indicator the level names written before it in its paragraph. Last,
:func:`drop_unlinked_indicators` removes the INDICATOR spans no value was linked to: an
INDICATOR names an indicator *whose value is reported* (ANNOTATION.md; nearly all gold
indicators have a linked value), so a name left without one is most often a false span.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .document import Document, Relation
from .levels import LevelTracker
from .lexicon import load_data
from .schema import SLOT_TAILS

#: how many characters may stand between a prose indicator and its value
MAX_GAP = 6


@lru_cache(maxsize=1)
def _gap_re() -> re.Pattern[str]:
    """What may stand between an indicator and its value in prose: a linking word, colons, spaces."""
    words = sorted(load_data("indicators.toml")["linking"]["words"], key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(rf"^[\s:：]*(?:{alt})?[\s:：]*$")


def link_prose(doc: Document, max_gap: int = MAX_GAP) -> list[Relation]:
    """Relations from each prose INDICATOR to the value right after it (slot by the value's label)."""
    ents = sorted(doc.entities, key=lambda e: (e.start, e.end))
    taken = {r.tail for r in doc.relations} | {r.head for r in doc.relations}
    rels = []
    for i, ind in enumerate(ents):
        if ind.label != "INDICATOR" or ind.id in taken or ind.attrs.get("table_row"):
            continue
        for nxt in ents[i + 1:i + 2]:
            if nxt.label == "INDICATOR" or nxt.id in taken:
                continue
            gap = doc.text[ind.end:nxt.start]
            if len(gap) <= max_gap and _gap_re().match(gap):
                slot = "target" if nxt.label == "TARGET" else "actual"
                if nxt.label in SLOT_TAILS[slot]:
                    rels.append(Relation(ind.id, nxt.id, slot))
                    taken.add(nxt.id)
    return rels


def assign_prose_levels(doc: Document) -> None:
    """Level names written earlier in the same paragraph (①数量指标：…) for prose indicators without levels."""
    for ent in doc.entities:
        if ent.label != "INDICATOR" or ent.attrs.get("table_row") or ent.attrs.get("level2"):
            continue
        para_start = doc.text.rfind("\n", 0, ent.start) + 1
        levels = LevelTracker()
        levels.see_text(doc.text[para_start:ent.start])
        if levels.level1 or levels.level2:
            ent.attrs["level1"], ent.attrs["level2"] = levels.level1, levels.level2


def drop_unlinked_indicators(doc: Document) -> int:
    """Remove INDICATOR entities that head no relation; return how many were removed."""
    linked = {r.head for r in doc.relations}
    before = len(doc.entities)
    doc.entities = [e for e in doc.entities if e.label != "INDICATOR" or e.id in linked]
    return before - len(doc.entities)
