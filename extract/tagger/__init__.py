"""Span taggers: find MONEY, PERCENT, QUANTITY, INDICATOR and TARGET spans in a text.

``patterns`` is the rule baseline (always available, no model); trained taggers
(spaCy, transformers) live beside it and return the same ``(label, start, end)`` spans.
"""
