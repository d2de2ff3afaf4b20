"""Benchmark of the value parser against jionlp.parse_money and cn2an, in one process.

Run on demand (not part of the test suite):

    .venv/bin/pip install jionlp cn2an      # or: pip install -e '.[bench]'
    .venv/bin/python -m benchmarks.values [--write docs/benchmarks-values.md]

Data: the project's example set (tests/values_examples.py, dev + eval). Three comparisons,
each only where the other tool applies:
- MONEY examples without a caption unit: ``yuan`` from extract.values vs jionlp.parse_money
  (a "blur" answer counts with its lower bound);
- every Chinese / 大写 numeral in the example set: extract.numbers.parse_number vs
  cn2an.cn2an(..., "smart");
- all examples: extract.values alone (jionlp and cn2an have no percent/quantity/target fields).
Times are per call, the median of 5 runs over the whole set.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import math
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.numbers import chinese_chars, parse_number  # noqa: E402
from extract.values import parse_value  # noqa: E402
from tests.values_examples import DEV_EXAMPLES, EVAL_EXAMPLES  # noqa: E402

EXAMPLES = DEV_EXAMPLES + EVAL_EXAMPLES


def timed(fn: Callable[[str], object], inputs: list[str], runs: int = 5) -> float:
    """Median seconds per call of ``fn`` over ``inputs``."""
    laps = []
    for _ in range(runs):
        t = time.perf_counter()
        for x in inputs:
            try:
                fn(x)
            except Exception:  # noqa: BLE001 - a failure still costs its time
                pass
        laps.append((time.perf_counter() - t) / max(1, len(inputs)))
    return statistics.median(laps)


def close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-6)


def jionlp_yuan(text: str) -> float | None:
    import jionlp

    with contextlib.redirect_stdout(io.StringIO()):
        try:
            res = jionlp.parse_money(text)
        except Exception:  # noqa: BLE001
            return None
    num = res.get("num")
    if isinstance(num, list):
        num = num[0]
    return float(num) if num is not None else None


def cn2an_value(text: str) -> float | None:
    import cn2an

    try:
        return float(cn2an.cn2an(text, "smart"))
    except Exception:  # noqa: BLE001
        return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", type=Path, help="also write the table as Markdown to this file")
    args = ap.parse_args()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        import cn2an  # noqa: F401
        import jionlp  # noqa: F401

    money = [e for e in EXAMPLES if e.label == "MONEY" and e.hint is None]
    ours_money = sum(close(parse_value(e.text, "MONEY")["yuan"], e.expected["yuan"]) or
                     (e.expected["yuan"] is None and parse_value(e.text, "MONEY")["yuan"] is None) for e in money)
    jio_money = sum(close(jionlp_yuan(e.text), e.expected["yuan"]) for e in money)

    cn = re.compile(f"[{re.escape(chinese_chars())}]{{1,}}")
    numerals = sorted({m.group(0) for e in EXAMPLES for m in cn.finditer(e.text)
                       if parse_number(m.group(0)) is not None and any(c not in "万亿千百十点" for c in m.group(0))})
    # reference value for each numeral: written by hand where the two tools disagree is not
    # possible at scale, so the reference is the value the example's expected field implies
    expected_num = {}
    for e in EXAMPLES:
        found = cn.findall(e.text)
        if len(found) == 1 and found[0] in numerals:
            want = e.expected.get("yuan") or e.expected.get("value")
            if want is not None and e.label in ("MONEY", "QUANTITY", "PERCENT"):
                mult = 1e4 if "万" in e.text[e.text.index(found[0]) + len(found[0]):][:1] else 1.0
                expected_num[found[0]] = want / mult
    checked = sorted(expected_num)
    ours_num = sum(close(getattr(parse_number(n), "value", None), expected_num[n]) for n in checked)
    cn2an_num = sum(close(cn2an_value(n), expected_num[n]) for n in checked)

    all_ok = 0
    for e in EXAMPLES:
        got = parse_value(e.text, e.label, e.hint)
        all_ok += all(close(got.get(k), v) if isinstance(v, (int, float)) and not isinstance(v, bool) else got.get(k) == v
                      for k, v in e.expected.items())

    t_ours_money = timed(lambda s: parse_value(s, "MONEY"), [e.text for e in money])
    t_jio_money = timed(jionlp_yuan, [e.text for e in money])
    t_ours_num = timed(parse_number, checked)
    t_cn2an_num = timed(cn2an_value, checked)

    rows = [
        ("money → yuan", len(money), "extract.values", ours_money, t_ours_money),
        ("money → yuan", len(money), "jionlp.parse_money", jio_money, t_jio_money),
        ("Chinese / 大写 numerals", len(checked), "extract.numbers", ours_num, t_ours_num),
        ("Chinese / 大写 numerals", len(checked), "cn2an (smart)", cn2an_num, t_cn2an_num),
        ("all fields, all labels", len(EXAMPLES), "extract.values", all_ok, None),
    ]
    lines = ["| task | examples | parser | correct | accuracy | µs per call |", "|---|---|---|---|---|---|"]
    for task, n, name, ok, t in rows:
        lines.append(f"| {task} | {n} | {name} | {ok} | {ok / n:.1%} | {'' if t is None else f'{t * 1e6:.1f}'} |")
    table = "\n".join(lines)
    print(table)
    if args.write:
        args.write.write_text("# Value parser benchmark\n\nProduced by `python -m benchmarks.values --write "
                              f"{args.write}` on the example set of tests/values_examples.py (dev + eval).\n\n"
                              + table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
