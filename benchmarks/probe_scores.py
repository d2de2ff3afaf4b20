"""Synthetic probes of table flattenings: how many of their indicator slots and fund fields come out right.

Each folder of ``benchmarks/probes/`` holds report excerpts written for one kind of flattening (``NAME.txt``) and
what an analyst reads off them (``NAME.json``: indicators with their target / actual / weight / score texts, fund
lines with their field texts, ANNOTATION.md spans). Helpers wrote them from their own knowledge of the forms,
without reading the corpus; they are generated text, never real reports, so they measure how the grid builder
generalizes to layouts the real pools have few of. An expected indicator is matched by its name without white
space (a name wrapped in its cell may be expected by its first or last line only), a fund line by its ``line`` (of
several lines of one name, a form's total and a detail table's 合计 both 年度资金总额, the one that agrees most, as
``extract eval`` counts each line's facts).
An item counts when the expected text and the extracted one are equal, or both are absent.

    python -m benchmarks.probe_scores [--model DIR | --rules] [--out docs/probes.md] [-v]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from extract.pipeline import run_text

ROOT = Path(__file__).resolve().parent / "probes"
SLOTS = ("target", "actual", "weight", "score")
FUND_FIELDS = ("budget_initial", "budget", "received", "spent", "rate", "weight", "score")


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def score_case(txt: Path, tagger=None, relation_model=None) -> tuple[int, int, list[str]]:
    """(items right, items, misses) of one probe."""
    expected = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    doc = run_text(txt.read_text(encoding="utf-8"), txt.stem, tagger=tagger, relation_model=relation_model)
    ents = doc.entity_by_id()
    slots: dict[str, dict[str, str]] = {}
    for r in doc.relations:
        if r.head in ents and r.tail in ents:
            slots.setdefault(_squash(ents[r.head].text), {}).setdefault(r.slot, ents[r.tail].text)
    funds: dict[str, list[dict[str, str | None]]] = {}
    for f in doc.funds:
        funds.setdefault(f.line, []).append({k: ents[v].text if v and v in ents else None for k, v in f.cells.items()})

    def fund_of(want: dict) -> dict[str, str | None] | None:  # the line of that name that agrees most
        return max(funds.get(want["line"], []), key=lambda got: sum(want.get(k) == got.get(k) for k in FUND_FIELDS),
                   default=None)
    ok = n = 0
    misses: list[str] = []
    wanted = [(ind["name"], ind, SLOTS, slots.get(_squash(ind["name"])) or next(
                  (v for k, v in slots.items() if k.startswith(_squash(ind["name"])) or k.endswith(_squash(ind["name"]))),
                  None)) for ind in expected.get("indicators", [])]
    wanted += [(f"fund {fund['line']}", fund, FUND_FIELDS, fund_of(fund)) for fund in expected.get("funds", [])]
    for name, want_of, fields, got in wanted:
        for k in fields:
            want, have = want_of.get(k), (got or {}).get(k)
            if want is None and have is None:
                continue
            n += 1
            ok += want == have
            if want != have:
                misses.append(f"{name} {k}: want {want!r}, got {have!r}")
    return ok, n, misses


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=Path("models/default"), help="the tagger (default: models/default)")
    ap.add_argument("--rules", action="store_true", help="the rule tagger only")
    ap.add_argument("--out", type=Path, default=Path("docs/probes.md"))
    ap.add_argument("-v", action="store_true", help="print every miss")
    args = ap.parse_args()
    tagger = relation_model = None
    if not args.rules:
        from extract.relations import load_relation_model
        from extract.tagger import load

        tagger, relation_model = load(args.model), load_relation_model(args.model)
    rows = []
    for folder in sorted(p for p in ROOT.iterdir() if p.is_dir()):
        right = total = perfect = 0
        cases = sorted(folder.glob("*.txt"))
        for txt in cases:
            ok, n, misses = score_case(txt, tagger, relation_model)
            right, total, perfect = right + ok, total + n, perfect + (ok == n)
            if args.v:
                for m in misses:
                    print(f"{folder.name}/{txt.stem}: {m}")
        rows.append((folder.name, len(cases), perfect, right, total))
        print(f"{folder.name}: {right}/{total} items, {perfect}/{len(cases)} cases whole")
    system = "rules" if args.rules else f"`{args.model}`"
    lines = ["# Synthetic probes of table flattenings", "",
             f"Written by `python -m benchmarks.probe_scores` ({system}); the probes and how they are scored: the module's "
             "docstring. Generated text, written without the corpus: a measure of how the layout stage generalizes, "
             "not of accuracy on real reports (`docs/results.md`).", "",
             "| probes | cases | cases whole | items right | items | share |", "|---|---|---|---|---|---|"]
    lines += [f"| {name} | {cases} | {perfect} | {right} | {total} | {right / total:.3f} |" for name, cases, perfect, right, total in rows]
    right, total = sum(r[3] for r in rows), sum(r[4] for r in rows)
    lines.append(f"| all | {sum(r[1] for r in rows)} | {sum(r[2] for r in rows)} | {right} | {total} | {right / total:.3f} |")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
