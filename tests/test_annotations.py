from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.annotations import complete_file, load_document, validate_file

TEXT = "项目资金预算100万元，资金到位率100%。\n三级指标\t移动警务通\t≥99台\t99台\t10\t9\n"


def write(tmp_path: Path, records: list[dict], text: str = TEXT) -> Path:
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    p = tmp_path / "r.jsonl"
    head = {"type": "document", "version": 1, "doc_id": "r", "text_path": str(tmp_path / "r.txt")}
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [head, *records]) + "\n", encoding="utf-8")
    return p


def ent(eid, label, start, end, text, **fields):
    return {"type": "entity", "id": eid, "label": label, "start": start, "end": end, "text": text, **fields}


def good_records():
    s = TEXT.index("100万元")
    r = TEXT.index("资金到位率")
    p = TEXT.index("100%")
    i = TEXT.index("移动警务通")
    t = TEXT.index("≥99台")
    a = TEXT.index("99台", t + 2)
    w = TEXT.index("\t10\t") + 1
    sc = TEXT.index("\t9\n") + 1
    return [
        ent("e1", "MONEY", s, s + 5, "100万元", yuan=1e6, approx=False, per=None),
        ent("e2", "INDICATOR", r, r + 5, "资金到位率"),
        ent("e3", "PERCENT", p, p + 4, "100%", value=100.0, unit="%"),
        ent("e4", "INDICATOR", i, i + 5, "移动警务通", level1="产出指标", level2="数量指标"),
        ent("e5", "TARGET", t, t + 4, "≥99台", comparator=">=", value=99.0, unit="台", kind="quantity", yuan=None),
        ent("e6", "QUANTITY", a, a + 3, "99台", value=99.0, unit="台"),
        ent("e7", "QUANTITY", w, w + 2, "10", value=10.0, unit=None),
        ent("e8", "QUANTITY", sc, sc + 1, "9", value=9.0, unit=None),
        {"type": "relation", "head": "e2", "tail": "e3", "slot": "actual"},
        {"type": "relation", "head": "e4", "tail": "e5", "slot": "target"},
        {"type": "relation", "head": "e4", "tail": "e6", "slot": "actual"},
        {"type": "relation", "head": "e4", "tail": "e7", "slot": "weight"},
        {"type": "relation", "head": "e4", "tail": "e8", "slot": "score"},
    ]


def codes(path: Path) -> list[str]:
    return [p.code for p in validate_file(path)]


def test_good_file_has_no_problem(tmp_path):
    assert validate_file(write(tmp_path, good_records())) == []


def test_seed_gold_files_validate(root):
    files = sorted((root / "annotations" / "gold").glob("*.jsonl"))
    assert len(files) >= 5
    for f in files:
        assert validate_file(f) == [], f


def mutate(index: int, **changes):
    recs = good_records()
    recs[index] = {**recs[index], **changes}
    return recs


@pytest.mark.parametrize("records, code, line", [
    (mutate(0, start=1), "E112", 2),                       # text does not match offsets
    (mutate(0, end=10_000), "E111", 2),                    # out of range
    (mutate(0, label="AMOUNT"), "E110", 2),                # unknown label
    (mutate(0, yuan="100"), "E121", 2),                    # wrong value type
    (mutate(4, comparator="≥"), "E121", 6),                # comparator not normalized
    (mutate(4, kind="count"), "E121", 6),                  # unknown target kind
    (mutate(0, colour="red"), "E120", 2),                  # unknown value field
    (mutate(9, slot="goal"), "E131", 11),                  # unknown slot
    (mutate(9, tail="e99"), "E130", 11),                   # dangling endpoint
    (mutate(9, head="e1"), "E132", 11),                    # head is not an INDICATOR
    (mutate(9, tail="e3"), "E133", 11),                    # target slot takes TARGET only
    (mutate(11, tail="e3"), "E133", 13),                   # weight takes QUANTITY only
    (mutate(1, id="e1"), "E115", 3),                       # duplicate id
])
def test_broken_files_are_reported_with_code_and_line(tmp_path, records, code, line):
    problems = validate_file(write(tmp_path, records))
    found = [p for p in problems if p.code == code]
    assert found, problems
    assert found[0].line == line
    assert str(tmp_path / "r.jsonl") in str(found[0])


def test_missing_value_field(tmp_path):
    recs = good_records()
    del recs[0]["yuan"]
    assert "E122" in codes(write(tmp_path, recs))


def test_overlap_is_reported(tmp_path):
    recs = good_records()
    recs.insert(1, ent("e9", "MONEY", recs[0]["start"] + 1, recs[0]["end"], "00万元", yuan=None, approx=False, per=None))
    problems = [p for p in validate_file(write(tmp_path, recs)) if p.code == "E113"]
    assert problems and problems[0].offset == recs[0]["start"] + 1


def test_untrimmed_span(tmp_path):
    s = TEXT.index("\t移动警务通")
    recs = mutate(3, start=s, text="\t移动警务通")
    assert "E114" in codes(write(tmp_path, recs))


def test_bad_json_line(tmp_path):
    p = write(tmp_path, good_records())
    lines = p.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3][:-1]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = validate_file(p)
    # the broken entity line is reported, and so is the relation that pointed at it
    assert [(x.code, x.line) for x in problems] == [("E101", 4), ("E130", 10)]


def test_missing_header(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text(json.dumps(good_records()[0]) + "\n", encoding="utf-8")
    assert codes(p) == ["E102"]


def test_missing_text_file(tmp_path):
    p = write(tmp_path, good_records())
    (tmp_path / "r.txt").unlink()
    assert codes(p) == ["E104"]


def test_fund_cell_must_point_to_an_amount(tmp_path):
    recs = good_records() + [{"type": "fund", "line": "资金到位率", "start": TEXT.index("资金到位率"),
                              "end": TEXT.index("资金到位率") + 5, "unit": "万元", "budget": "e3", "spent": "e77"}]
    got = codes(write(tmp_path, recs))
    assert "E142" in got and "E141" in got


@pytest.mark.parametrize("label, ok", [("合计", True), ("合 计", True), ("年度財政資金總額", True), ("支出合計", True),
                                       ("其中：财政拨款", False), ("预算数", False)])
def test_total_line_may_sit_at_a_total_label_as_written(tmp_path, label, ok):
    text = f"项目资金（万元）\n{label} 90\n"
    recs = [ent("e1", "MONEY", text.index("90"), text.index("90") + 2, "90", yuan=900000.0, approx=False, per=None,
                unit_hint="万元"),
            {"type": "fund", "line": "年度资金总额", "start": text.index(label), "end": text.index(label) + len(label),
             "unit": "万元", "budget": "e1"}]
    assert ("E143" not in codes(write(tmp_path, recs, text))) == ok


def test_complete_fills_offsets_ids_and_values(tmp_path):
    recs = [
        {"type": "entity", "label": "MONEY", "text": "100万元"},
        {"type": "entity", "label": "INDICATOR", "text": "资金到位率"},
        {"type": "entity", "label": "PERCENT", "text": "100%"},
        {"type": "entity", "label": "TARGET", "text": "99台", "after": "≥"},
    ]
    p = write(tmp_path, recs)
    assert complete_file(p) == []
    doc = load_document(p)
    spans = [(e.label, e.text, TEXT[e.start:e.end]) for e in doc.entities]
    assert all(a == b for _, a, b in spans)
    target = [e for e in doc.entities if e.label == "TARGET"][0]
    assert target.start == TEXT.index("≥99台") + 1 and target.attrs["value"] == 99.0
    assert [e.attrs.get("yuan") for e in doc.entities if e.label == "MONEY"] == [1e6]
    assert len({e.id for e in doc.entities}) == 4


def test_complete_reports_text_not_found(tmp_path):
    p = write(tmp_path, [{"type": "entity", "label": "MONEY", "text": "999万元"}])
    problems = complete_file(p)
    assert [x.code for x in problems] == ["E112"]


def test_every_corpus_report_has_valid_gold(root):
    from extract.corpus import read_split
    from extract.tagger.patterns import find_values

    gold = root / "annotations" / "gold"
    for d in read_split(root / "corpus" / "split.tsv"):
        f = gold / f"{d.doc_id}.jsonl"
        assert f.is_file(), d.doc_id
        assert validate_file(f) == [], d.doc_id
        doc = load_document(f)
        # a report without gold entities is one in which not even the rules see a value (e20: years and list numbers)
        assert doc.entities or not find_values(doc.text), d.doc_id


@pytest.mark.parametrize("pool, n", [("pool", 63), ("pool2", 59)])
def test_pool_passes_are_kept_and_valid(root, pool, n):
    ids = {p.stem for p in (root / "corpus" / pool).glob("*.txt")}
    for name in ("A", "B"):
        files = [f for f in (root / "annotations" / "passes" / name).glob("*.jsonl") if f.stem in ids]
        assert len(files) == n
        assert all(validate_file(f) == [] for f in files)


def test_diff_and_agree_between_passes(tmp_path):
    from typer.testing import CliRunner

    from extract.cli import app

    a = tmp_path / "a"
    b = tmp_path / "b"
    a.mkdir()
    b.mkdir()
    recs = good_records()
    pa = write(a, recs)
    pb = write(b, [r for r in recs if r.get("id") != "e3" and r.get("tail") != "e3"])
    runner = CliRunner()
    res = runner.invoke(app, ["annotations", "diff", str(pa), str(pb)])
    assert res.exit_code == 0
    assert "span only in first:  PERCENT" in res.output and "relation only in first:  资金到位率 --actual--> 100%" in res.output
    res = runner.invoke(app, ["annotations", "agree", str(a), str(b), "--json"])
    data = json.loads(res.output)
    assert data["exact_span"]["PERCENT"]["recall"] == 0.0 and data["exact_span"]["MONEY"]["f1"] == 1.0
    assert data["slots"]["actual"]["recall"] == 0.5
