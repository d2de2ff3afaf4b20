"""The rule baseline's patterns: values, what is never a value, and the prose indicators before them."""

from __future__ import annotations

import pytest

from extract.document import Document
from extract.pipeline import run_text
from extract.tagger import baseline
from extract.tagger.patterns import find_indicators, find_values


def values(text: str) -> list[tuple[str, str]]:
    return [(s.label, text[s.start:s.end]) for s in find_values(text)]


@pytest.mark.parametrize("text, expected", [
    ("预算100万元。", [("MONEY", "100万元")]),
    ("共计508万余元", [("MONEY", "508万余元")]),
    ("拨付一百二十万元", [("MONEY", "一百二十万元")]),
    ("人民币壹拾万元整", [("MONEY", "壹拾万元")]),
    ("资金到位率100%", [("PERCENT", "100%")]),
    ("同比下降35.5％", [("PERCENT", "35.5％")]),
    ("提高2个百分点", [("PERCENT", "2个百分点")]),
    ("百分之九十", [("PERCENT", "百分之九十")]),
    ("购置设备99台", [("QUANTITY", "99台")]),
    ("接处警1.8万余起", [("QUANTITY", "1.8万余起")]),
    ("培训教师120人", [("QUANTITY", "120人")]),  # a number at the very end of the text (issue 15's bug)
    ("培训教师120人。", [("QUANTITY", "120人")]),
    ("１２０人", [("QUANTITY", "１２０人")]),  # full-width digits
    ("培训教师一百二十人", [("QUANTITY", "一百二十人")]),  # counts in Chinese numerals, read whole
    ("完成两条线路", [("QUANTITY", "两条")]),
    ("设立十四个专项工作小组", [("QUANTITY", "十四个")]),
    ("印发三万份宣传单", [("QUANTITY", "三万份")]),
    ("新建村级服务站点十二个", [("QUANTITY", "十二个")]),          # 点 ends 站点: no decimal point of the count
    ("设置监测点位三十个", [("QUANTITY", "三十个")]),
    ("补助标准三点五万元", [("MONEY", "三点五万元")]),             # … but is one inside a number
    ("强制免疫补助35万(附件1)下达", [("MONEY", "35万")]),          # 万 without 元 after a money word
    ("年度本级 预算金额 |\n250万 |", [("MONEY", "250万")]),
    ("|\n中期资金总额:\n|\n449.8万\n|", [("MONEY", "449.8万")]),
    ("转移支付预算数(A) 5.8万", [("MONEY", "5.8万")]),
])
def test_values_in_their_surface_forms(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", [
    "2024年12月",           # years and months
    "益财绩〔2025〕94号",     # a document number
    "第6期培训",             # an ordinal
    "服务期3年",             # a duration in prose
    "一是加强管理",           # a Chinese numeral that is a word
    "〔2021〕12号文件",
    "落实“五项机制”",       # a number inside a fixed name
    "严打十类涉黑恶案件",
    "一次性补贴",            # a lone 一 before a measure word is a word
    "公诉二处",
    "服务人口5万",            # 万 without 元 and no money word: no amount
    "项目资金使用 ≤500万",    # … nor after a comparator (a target's)
    "覆盖面积12万，资金",
])
def test_no_values(text):
    assert [s for s in find_values(text) if s.label != "PERCENT"] == []


@pytest.mark.parametrize("text, value, unit", [("培训教师一百二十人", 120.0, "人"), ("三万份", 30000.0, "份"),
                                              ("千余名干警", 1000.0, "名")])
def test_chinese_numeral_counts_carry_their_values(text, value, unit):
    doc = run_text(text, "x", keep_unlinked=True)
    q = [e for e in doc.entities if e.label == "QUANTITY"][0]
    assert (q.attrs["value"], q.attrs["unit"]) == (value, unit)


def test_a_value_ends_where_the_text_ends_or_a_code_mark_follows():
    assert values("下达120人") == [("QUANTITY", "120人")]
    assert values("(12人号") == []  # after ( and before 号: a code


@pytest.mark.parametrize("text, name", [
    ("资金到位率100%", "资金到位率"),
    ("全市2024年反恐工作群众满意率达到100%", "反恐工作群众满意率"),
    ("办案差旅费支出9.9万元", "办案差旅费"),
    ("我局资金使用率为98%", "资金使用率"),
    ("年中央水利发展资金2263万元", "中央水利发展资金"),   # 年 is trimmed, 中央 is not
    ("2021年项目资金实际执行率100%", "项目资金实际执行率"),  # after 年, 项目 stays (seed 002)
    ("(6)年度预算安排:2279.048 万元。", "年度预算安排"),        # a field's label before its colon, kept as written
    ("|\n项目总金额: |\n556万元 |\n", "项目总金额"),           # … its value in the next cell
    ("产出指标数量指标培训人数：1200人", "培训人数"),             # … after the level names glued before it
    ("项目区群众满意度：95%", "群众满意度"),                      # … trimmed like any name (项目区: scope)
])
def test_prose_indicator_before_its_value(text, name):
    vals = find_values(text)
    pairs = find_indicators(text, vals)
    assert [text[i.start:i.end] for i, _ in pairs] == [name]
    ind, val = pairs[0]
    assert ind.end <= val.start


def test_no_indicator_when_scope_words_are_all_there_is():
    text = "年度100%"
    assert find_indicators(text, find_values(text)) == []


def test_baseline_spans_are_sorted_and_do_not_overlap():
    doc = Document("x", "资金到位率100%，预算执行率99%，支出100万元。接处警1.8万余起")
    spans = baseline(doc)
    assert spans == sorted(spans, key=lambda s: (s.start, s.end))
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


def test_run_text_links_a_value_at_the_end_of_the_text():
    doc = run_text("资金到位率100%", "x")
    assert [(e.label, e.text) for e in doc.entities] == [("INDICATOR", "资金到位率"), ("PERCENT", "100%")]
    assert [r.slot for r in doc.relations] == ["actual"]


def test_a_field_label_is_linked_to_its_value_in_the_next_cell():
    doc = run_text("|\n项目名称: |\n居家养老服务项目 |\n|\n项目总金额: |\n556万元 |\n", "f")
    by = doc.entity_by_id()
    assert [(by[r.head].text, r.slot, by[r.tail].text) for r in doc.relations] == [("项目总金额", "actual", "556万元")]
