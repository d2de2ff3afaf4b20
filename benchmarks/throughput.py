"""Throughput of full extraction against a money-only rule extractor, in one process.

Run on demand (not part of the test suite):

    .venv/bin/pip install jionlp        # or: pip install -e '.[bench]'
    .venv/bin/python -m benchmarks.throughput [--model DIR | --baseline] [--repeat 5]

Times ``extract.pipeline.run_text`` (tagger, values, links, records: all of ``extract run``
but the file writing) and ``jionlp.ner.extract_money`` over the same texts (every corpus
report), each the best of ``--repeat`` passes (alternating) after a warm-up pass, and prints characters per
second, the ratio (target: full extraction no slower than 10× the money-only extractor) and
the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.pipeline import run_text  # noqa: E402


def pass_time(fn, texts: list[str]) -> float:
    start = time.perf_counter()
    for t in texts:
        fn(t)
    return time.perf_counter() - start


def best_times(fns: list, texts: list[str], repeat: int) -> list[float]:
    """The best pass time of each function; passes alternate between them so that a slow
    spell of the machine hits both alike. One warm-up pass each (model loading, regexes)."""
    for fn in fns:
        pass_time(fn, texts)
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            times[i].append(pass_time(fn, texts))
    return [min(t) for t in times]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=ROOT / "models" / "default")
    ap.add_argument("--baseline", action="store_true", help="rules only, no model")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*/*.txt"))]
    chars = sum(len(t) for t in texts)
    tagger = None
    if not args.baseline:
        from extract.tagger import load

        tagger = load(args.model)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        import jionlp

        jionlp.ner.extract_money("预热100万元")
    t_full, t_money = best_times([lambda t: run_text(t, "x", tagger=tagger), jionlp.ner.extract_money], texts,
                                 args.repeat)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    name = "baseline (rules)" if tagger is None else f"model {args.model.relative_to(ROOT) if args.model.is_relative_to(ROOT) else args.model}"
    print("| extractor | seconds | chars/s |\n|---|---|---|")
    print(f"| extract run, {name} | {t_full:.2f} | {chars / t_full:,.0f} |")
    print(f"| jionlp.ner.extract_money | {t_money:.2f} | {chars / t_money:,.0f} |")
    print(f"\n{len(texts)} reports, {chars:,} characters; ratio full / money-only = {t_full / t_money:.2f}x "
          f"(target <= 10x); peak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
