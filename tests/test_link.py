"""Prose links: the linking rule, prose levels and the removal of unlinked indicators."""

from __future__ import annotations

import pytest

from extract.document import Document, Relation
from extract.link import assign_prose_levels, drop_unlinked_indicators, link_prose
from extract.pipeline import run_text

from .docs import doc_with


def links(d: Document) -> list[tuple[str, str, str]]:
    by = d.entity_by_id()
    return [(by[r.head].text, r.slot, by[r.tail].text) for r in link_prose(d)]


@pytest.mark.parametrize("text, value", [
    ("资金到位率100%", "100%"),
    ("资金到位率为100%", "100%"),
    ("资金到位率达到了100%", "100%"),
    ("资金到位率：100%", "100%"),
    ("资金到位率 为 100%", "100%"),
])
def test_linking_words_may_stand_between(text, value):
    d = doc_with(text, ("INDICATOR", "资金到位率"), ("PERCENT", value))
    assert links(d) == [("资金到位率", "actual", value)]


@pytest.mark.parametrize("text", [
    "资金到位率较上年提高了100%",   # more than linking words between
    "资金到位率，同比100%",
])
def test_other_words_break_the_link(text):
    d = doc_with(text, ("INDICATOR", "资金到位率"), ("PERCENT", "100%"))
    assert links(d) == []


def test_a_target_is_linked_as_target_and_another_indicator_blocks():
    d = doc_with("群众满意率≥95%", ("INDICATOR", "群众满意率"), ("TARGET", "≥95%"))
    assert links(d) == [("群众满意率", "target", "≥95%")]
    d = doc_with("办结率满意率100%", ("INDICATOR", "办结率"), ("INDICATOR", "满意率"), ("PERCENT", "100%"))
    assert links(d) == [("满意率", "actual", "100%")]


def test_table_rows_and_taken_values_are_left_alone():
    d = doc_with("培训人次300人", ("INDICATOR", "培训人次"), ("QUANTITY", "300人"))
    d.entities[0].attrs["table_row"] = True
    assert links(d) == []
    d = doc_with("培训人次300人", ("INDICATOR", "培训人次"), ("QUANTITY", "300人"))
    d.relations.append(Relation("e9", d.entities[1].id, "actual"))  # the value is some other row's already
    assert links(d) == []


def test_prose_levels_come_from_the_paragraph():
    text = "（1）数量指标：培训人次300人。\n满意度90%"
    d = doc_with(text, ("INDICATOR", "培训人次"), ("QUANTITY", "300人"), ("INDICATOR", "满意度"), ("PERCENT", "90%"))
    assign_prose_levels(d)
    first, second = d.entities[0], d.entities[2]
    assert (first.attrs["level1"], first.attrs["level2"]) == ("产出指标", "数量指标")
    assert "level2" not in second.attrs  # a new paragraph without level names


def test_unlinked_indicators_are_dropped():
    d = doc_with("加强管理，资金到位率100%", ("INDICATOR", "加强管理"), ("INDICATOR", "资金到位率"), ("PERCENT", "100%"))
    d.relations = link_prose(d)
    assert drop_unlinked_indicators(d) == 1
    assert [e.text for e in d.entities] == ["资金到位率", "100%"]


def test_a_name_joined_to_a_linked_name_stays_a_name_without_a_value():
    # GUIDELINES rule 11: the nearest name takes the value; 办结率 stays an INDICATOR without a relation
    d = doc_with("全部办结，办结率和满意率均为100%。", ("INDICATOR", "办结率"), ("INDICATOR", "满意率"), ("PERCENT", "100%"))
    d.relations = link_prose(d)
    assert drop_unlinked_indicators(d) == 0
    assert [e.text for e in d.entities] == ["办结率", "满意率", "100%"]
    assert [(d.entity_by_id()[r.head].text, r.slot) for r in d.relations] == [("满意率", "actual")]


@pytest.mark.parametrize("text, expected", [
    # dev e49 / e58: list items, each a name right before its value
    ("其中坡改梯25.26亩,封育治理958.81亩,经果林32.49亩。",
     [("坡改梯", "25.26亩"), ("封育治理", "958.81亩"), ("经果林", "32.49亩")]),
    ("正在采购激流救生衣60件、防水防爆手电筒100个、吸水膨胀袋400条、皮划艇2艘。",
     [("采购激流救生衣", "60件"), ("防水防爆手电筒", "100个"), ("吸水膨胀袋", "400条"), ("皮划艇", "2艘")]),
    # dev e58: a traditional-character mirror keeps its pinyin glosses inside the name (GUIDELINES 79)
    ("采購激流救生衣60件、便攜式應(yīng)急燈5臺、鋼絲網(wǎng)兜100個",
     [("采購激流救生衣", "60件"), ("便攜式應(yīng)急燈", "5臺"), ("鋼絲網(wǎng)兜", "100個")]),
    ("复兴等24个道班", []),                 # 等 ends a list of places, no name
    ("全市120人", []),                      # scope words only
    ("在建3个", []),                        # two characters are a word of the sentence
])
def test_list_items_name_the_values_no_indicator_took(text, expected):
    doc = run_text(text, "l")
    by = doc.entity_by_id()
    assert [(by[r.head].text, by[r.tail].text) for r in doc.relations] == expected


@pytest.mark.parametrize("text, expected", [
    ("全年培训教师一百二十人，覆盖率达到百分之九十五。", [("覆盖率", "百分之九十五", 95.0), ("培训教师", "一百二十人", 120.0)]),
    ("发放补助资金三百万元。", [("发放补助资金", "三百万元", 3_000_000.0)]),
    ("一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值\n产出指标 | 数量指标 | 培训教师人数 | 不少于一百二十人 | 一百三十五人\n",
     [("培训教师人数", "不少于一百二十人", 120.0), ("培训教师人数", "一百三十五人", 135.0)]),
], ids=["prose-count", "prose-amount", "cells"])
def test_chinese_numerals_are_read_whole_with_their_values(text, expected):
    doc = run_text(text, "n")
    by = doc.entity_by_id()
    got = [(by[r.head].text, by[r.tail].text, by[r.tail].attrs.get("yuan") or by[r.tail].attrs.get("value"))
           for r in doc.relations]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # dev b14, e49: values in a goal clause are targets, up to 实际完成
    ("项目目标:资助患者服药230人,辅具适配200人,实际完成:辅具适配230人。",
     [("TARGET", "230人"), ("TARGET", "200人"), ("QUANTITY", "230人")]),
    ("本项目总体绩效目标为治理水土流失面积1429.39hm,其中坡改梯25.26hm。", [("TARGET", "1429.39hm"), ("TARGET", "25.26hm")]),
    ("2020年完成治理面积1429.39hm。", [("QUANTITY", "1429.39hm")]),            # no goal cue: achieved
])
def test_values_of_a_goal_clause_are_targets(text, expected):
    doc = run_text(text, "g")
    assert [(e.label, e.text) for e in doc.entities if e.label != "INDICATOR"] == expected


def test_a_unit_without_its_number_is_no_target():
    from extract.document import Document, Span
    from extract.pipeline import add_entities
    doc = Document("u", "资金到位 点击查看>> 万元,造林补助2.35万元")
    add_entities(doc, [Span("TARGET", 9, 14), Span("MONEY", 19, 25)])
    assert [(e.label, e.text) for e in doc.entities] == [("MONEY", "2.35万元")]


def test_column_words_in_prose_give_the_slots():
    """dev e08: 年初任务数 and 全年完成值 written between a name and its values."""
    doc = run_text("数量指标。养老金领取人数年初任务数101974人,全年完成值103119人。", "c")
    by = doc.entity_by_id()
    got = [(by[r.head].text, r.slot, by[r.tail].label, by[r.tail].text) for r in doc.relations]
    assert ("养老金领取人数", "target", "TARGET", "101974人") in got
    assert ("养老金领取人数", "actual", "QUANTITY", "103119人") in got


@pytest.mark.parametrize("text, expected", [
    # seed 001: a count before its noun names the noun, not the words before the count
    ("设警令部、驻局纪检组5个综合管理机构，治安管理支队等19个执法勤务机构。",
     [("综合管理机构", "5个"), ("执法勤务机构", "19个")]),
    ("在15个工作日内完成。", []),                              # a time unit's rest is no noun
    # train a10: in a goal clause the counted noun takes the count as its target
    ("年度绩效目标是主要用于干线公路建设,以及10座农村公路危桥改造、改善群众出行条件。", [("农村公路危桥改造", "10座")]),
])
def test_a_count_names_the_noun_after_it(text, expected):
    doc = run_text(text, "n")
    by = doc.entity_by_id()
    assert [(by[r.head].text, by[r.tail].text) for r in doc.relations] == expected


def test_calculation_lines_give_the_item_its_count_and_total():
    """dev e39: a budget's 测算依据 lines, name, count × price = total."""
    doc = run_text("流动图书车运行维护费\n\n5.00\n\n1.维修费5次*5000=25000元\n\n2.汽油20次*500=10000元\n", "f")
    by = doc.entity_by_id()
    got = sorted((by[r.head].text, by[r.tail].text) for r in doc.relations)
    assert got == [("汽油", "10000元"), ("汽油", "20次"), ("维修费", "25000元"), ("维修费", "5次")]


def test_a_sum_is_the_actual_of_what_it_is_used_for():
    """dev a03: 省财政安排775万元用于疫苗接种补助。"""
    doc = run_text("儿童疫苗购置费由中央财政承担,省财政安排775万元用于疫苗接种补助。", "u")
    by = doc.entity_by_id()
    assert [(by[r.head].text, r.slot, by[r.tail].text) for r in doc.relations] == [("疫苗接种补助", "actual", "775万元")]


def test_a_name_cut_before_its_column_word_ends_before_the_line_break():
    """A tagger's name running over a line break into a column word (工作情况\\n\\n完成情况): the name cut at the
    column word keeps no white space, and is no name when less than two characters remain."""
    from extract.document import Span
    from extract.pipeline import run_text
    text = "二、工作情况\n\n完成情况 120人\n"

    def tagger(doc):
        s = text.index("况")
        return [Span("INDICATOR", s, text.index(" 120")), Span("QUANTITY", text.index("120"), text.index("120") + 4)]

    doc = run_text(text, "t", tagger=tagger, keep_unlinked=True)
    assert all(e.text == e.text.strip() and text[e.start:e.end] == e.text for e in doc.entities)


def _tag_numbers_as_money(doc: Document) -> list:
    """A tagger that calls every Arabic number MONEY (as a model may, on a score or a count)."""
    import re

    from extract.document import Span

    return [Span("MONEY", m.start(), m.end()) for m in re.finditer(r"\d[\d,]*(?:\.\d+)?(?:万元|元)?", doc.text)]


@pytest.mark.parametrize("text, kept", [
    ("全县参合人数 8676 人均筹资", []),                                  # a bare number nothing placed: no amount
    ("共支付 7,074,550 用于维修", ["7,074,550"]),                       # a thousands comma writes an amount
    ("共支付 3000元 用于维修", ["3000元"]),                              # so does a unit
    ("单位：万元\n项目资金 | 年初预算数 | 全年预算数 | 全年执行数\n年度资金总额 | 120 | 120 | 118\n",
     ["120", "120", "118"]),                                          # fund cells
    ("三公经费\n项目 上年决算数 预算数 决算数\n公务接待费 5.5 5 4.2\n",  # an amount on a table line of placed ones
     ["5.5", "5", "4.2"]),
])
def test_bare_numbers_nothing_placed_are_no_amounts(text, kept):
    doc = run_text(text, "m", tagger=_tag_numbers_as_money)
    assert [e.text for e in doc.entities if e.label == "MONEY"] == kept
