from __future__ import annotations

import math

import pytest

from extract.values import parse_value

from .values_examples import DEV_EXAMPLES, EVAL_EXAMPLES, KNOWN_GAPS, Example


def _matches(ex: Example) -> bool:
    got = parse_value(ex.text, ex.label, ex.hint)
    for key, want in ex.expected.items():
        have = got.get(key)
        if isinstance(want, (int, float)) and not isinstance(want, bool) and want is not None:
            if have is None or isinstance(have, bool) or not math.isclose(have, want, rel_tol=1e-9, abs_tol=1e-9):
                return False
        elif have != want:
            return False
    return True


def _id(ex: Example) -> str:
    return f"{ex.label}:{ex.text}" + (f"|{ex.hint}" if ex.hint else "")


def test_example_set_size():
    assert len(DEV_EXAMPLES) + len(EVAL_EXAMPLES) >= 300
    assert not {(e.text, e.label, e.hint) for e in DEV_EXAMPLES} & {(e.text, e.label, e.hint) for e in EVAL_EXAMPLES}


@pytest.mark.parametrize("ex", DEV_EXAMPLES, ids=_id)
def test_dev_examples(ex):
    assert _matches(ex), (ex, parse_value(ex.text, ex.label, ex.hint))


@pytest.mark.parametrize("ex", EVAL_EXAMPLES, ids=_id)
def test_eval_examples(ex):
    assert _matches(ex), (ex, parse_value(ex.text, ex.label, ex.hint))


@pytest.mark.parametrize("ex", KNOWN_GAPS, ids=_id)
@pytest.mark.xfail(strict=True, reason="known gap of the value parser")
def test_known_gaps(ex):
    assert _matches(ex)
