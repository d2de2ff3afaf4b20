"""The label, slot and value-field contract of ANNOTATION.md, in one place.

Every other module (annotations, evaluation, converters, output) asks this module
which labels exist, which slots link which labels, and which normalized value
fields each label carries, so that the contract is written down exactly once.
"""

from __future__ import annotations

LABELS: tuple[str, ...] = ("MONEY", "PERCENT", "QUANTITY", "INDICATOR", "TARGET")
VALUE_LABELS: tuple[str, ...] = ("MONEY", "PERCENT", "QUANTITY", "TARGET")
#: character tags of the labels in IOB2 (``O`` first), the tag set of every trained tagger
IOB2_LABELS: list[str] = ["O"] + [f"{p}-{label}" for label in LABELS for p in ("B", "I")]

SLOTS: tuple[str, ...] = ("target", "actual", "weight", "score")

#: which tail labels each slot admits (the head is always an INDICATOR)
SLOT_TAILS: dict[str, frozenset[str]] = {
    "target": frozenset({"TARGET"}),
    "actual": frozenset({"MONEY", "PERCENT", "QUANTITY"}),
    "weight": frozenset({"QUANTITY"}),
    "score": frozenset({"QUANTITY"}),
}

#: normalized value fields per label, with the Python types they may hold (None always allowed)
VALUE_FIELDS: dict[str, dict[str, tuple[type, ...]]] = {
    "MONEY": {"yuan": (float, int), "approx": (bool,), "per": (str,)},
    "PERCENT": {"value": (float, int), "unit": (str,)},
    "QUANTITY": {"value": (float, int), "unit": (str,)},
    "TARGET": {
        "comparator": (str,),
        "value": (float, int),
        "unit": (str,),
        "kind": (str,),
        "yuan": (float, int),
    },
    "INDICATOR": {"level1": (str,), "level2": (str,)},
}

COMPARATORS: frozenset[str] = frozenset({">=", "<=", ">", "<", "="})
TARGET_KINDS: frozenset[str] = frozenset({"money", "percent", "quantity", "qualitative"})
PERCENT_UNITS: frozenset[str] = frozenset({"%", "pp", "‰"})

#: fund-line fields (ANNOTATION.md "Fund lines") and the key their value is stored under
FUND_FIELDS: dict[str, str] = {
    "budget_initial": "yuan",
    "budget": "yuan",
    "received": "yuan",
    "spent": "yuan",
    "rate": "value",
    "weight": "value",
    "score": "value",
}


#: the fund line of a fund table's total row, whatever the form calls it (合计, 资金总额 …)
TOTAL_LINE = "年度资金总额"


def value_fields(label: str) -> tuple[str, ...]:
    """Return the names of the normalized value fields a label carries."""
    return tuple(VALUE_FIELDS.get(label, {}))
