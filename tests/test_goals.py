"""Goal cells of a form's goal row (extract/goals.py) and the labels they give (extract/link.prose_goals)."""

from __future__ import annotations

import pytest

from extract.goals import goal_cells
from extract.pipeline import run_text

GOAL = "新建乡镇文化站3个，培训文化志愿者200人次。"
DONE = "建成乡镇文化站3个，培训文化志愿者215人次。"

FORMS = {
    "pipe": f"其他资金 | - | - |\n年度 总体 目标 | 预期目标 | 实际完成情况 |\n{GOAL} | {DONE} |\n绩效指标 | 一级指标 | 二级指标 |",
    "space": f"其他资金 0.00 0.00\n年度总体目标 总体目标 总体目标完成情况\n{GOAL} {DONE}\n一级指标 二级指标 三级指标",
    "lines": f"其他资金\n\n年度总体目标\n\n预期目标\n\n实际完成情况\n\n{GOAL}\n\n{DONE}\n\n绩效指标",
    "glued": f"其他资金年度总体目标预期目标实际完成情况{GOAL}\n{DONE}\n绩效指标一级指标",
    "row-label-first": f"项目基本情况 | 1.项目年度目标完成情况 | 项目年度目标 | 年度目标完成情况 |\n{GOAL} | {DONE}\n| |||\n",
}


@pytest.mark.parametrize("shape", FORMS)
def test_goal_and_achieved_cells_in_every_flattening(shape):
    text = FORMS[shape]
    assert [(role, c.text) for role, c in goal_cells(text)] == [("goal", GOAL), ("achieved", DONE)]


def test_a_goal_row_without_achieved_head_is_one_goal_cell_up_to_the_indicator_table():
    text = "中央补助300万元年度总体目标一是采购种薯425万粒;二是建成繁育基地400亩绩效指标一级指标二级指标"
    assert [(r, c.text) for r, c in goal_cells(text)] == [("goal", "一是采购种薯425万粒;二是建成繁育基地400亩")]


def test_a_numbered_goal_list_ends_where_the_achieved_list_starts_again():
    text = ("预期目标 目标实际完成情况\n\n 目标1:完成抽检工作\n 目标2:开展培训2期\n\n"
            " 目标1:完成抽检148个批次\n 目标2:开展培训3期\n\n一级指标 二级指标")
    cells = [(r, c.text) for r, c in goal_cells(text)]
    assert cells == [("goal", "目标1:完成抽检工作\n 目标2:开展培训2期"), ("achieved", "目标1:完成抽检148个批次\n 目标2:开展培训3期")]


@pytest.mark.parametrize("text", [
    "根据实施方案确定的年度目标任务，我县完成培训3期，自评得3分。",   # a goal word inside a sentence
    "文件明确了总体目标、保障对象和资金保障，共发放补助120万元。",      # a goal word in a list of words
])
def test_goal_words_in_prose_make_no_goal_cell(text):
    assert goal_cells(text) == []


def test_values_of_the_goal_cell_are_targets_and_those_achieved_are_not():
    doc = run_text(FORMS["pipe"], "goal-row")
    labels = {(e.text, e.start < FORMS["pipe"].index(DONE)): e.label for e in doc.entities if e.label != "INDICATOR"}
    assert labels[("3个", True)] == "TARGET" and labels[("200人次", True)] == "TARGET"
    assert labels[("3个", False)] == "QUANTITY" and labels[("215人次", False)] == "QUANTITY"


def test_a_numbered_goal_list_in_a_row_of_spaces_goes_on_across_spaces():
    text = ("其他资金 0 0 0\n年度总体目标 预期目标 实际完成情况\n"
            "目标1：完成培训500人。 目标2：发放补贴1200户。 完成培训520人，发放补贴1200户。\n一级指标 二级指标 三级指标\n")
    assert [(r, c.text) for r, c in goal_cells(text)] == [
        ("goal", "目标1：完成培训500人。 目标2：发放补贴1200户。"), ("achieved", "完成培训520人，发放补贴1200户。")]


def test_a_goal_value_takes_the_comparator_words_written_against_it():
    text = ("年度总体目标 预期目标 实际完成情况\n水质达标率95%以上，新建管网不少于20公里。 水质达标率98%，新建管网22公里。\n"
            "一级指标 二级指标 三级指标\n")
    doc = run_text(text, "goal-cmp")
    assert [(e.text, e.attrs["comparator"]) for e in doc.entities if e.label == "TARGET"] == [
        ("95%以上", ">="), ("不少于20公里", ">=")]


SECTION = ("一、项目基本情况\n项目总投资500万元，用于妇幼保健。\n\n（二）项目绩效目标\n\n"
           "通过努力，使我市孕产妇系统管理率达到85%以上，新生儿疾病筛查率95%，培训基层医生600人次，安排资金120万元。\n\n"
           "（三）绩效目标完成情况\n孕产妇系统管理率达到88%，培训基层医生620人次。\n")


def test_a_section_headed_as_the_goals_runs_to_the_next_heading_of_its_rank():
    from extract.goals import goal_sections
    (section,) = goal_sections(SECTION)
    assert section[0] == "section"
    assert section[1].text.startswith("通过努力") and section[1].text.endswith("安排资金120万元。")


@pytest.mark.parametrize("heading", ["（三）绩效目标完成情况", "一、绩效目标分解下达情况", "2.绩效目标表", "(3)项目绩效目标设立(3分):"])
def test_headings_of_what_was_achieved_or_handed_down_are_no_goal_section(heading):
    from extract.goals import goal_sections
    assert goal_sections(f"{heading}\n开展培训7期，完成率100%。\n") == []


def test_counts_and_rates_of_a_goal_section_are_targets_and_its_money_stays_money():
    doc = run_text(SECTION, "section")
    labels = {e.text: e.label for e in doc.entities if e.label != "INDICATOR"}
    assert labels["85%以上"] == "TARGET" and labels["95%"] == "TARGET" and labels["600人次"] == "TARGET"
    assert labels["120万元"] == "MONEY" and labels["500万元"] == "MONEY"
    assert labels["88%"] == "PERCENT" and labels["620人次"] == "QUANTITY"


def test_a_goal_rows_achieved_cell_inside_a_goal_section_stays_achieved():
    text = ("（二）项目绩效目标\n年度总体目标 预期目标 实际完成情况\n培训基层医生600人次。 培训基层医生620人次。\n"
            "一级指标 二级指标 三级指标\n")
    doc = run_text(text, "nested-goal")
    labels = {e.text: e.label for e in doc.entities if e.label != "INDICATOR"}
    assert labels == {"600人次": "TARGET", "620人次": "QUANTITY"}


def test_a_glued_fund_table_ends_where_the_goal_row_begins():
    """The body of a glued fund table starts right after its last head (and that head's note), so the goal row
    after its rows ends it: the goal's rates are targets, not cells of the fund table."""
    text = ("部门整体支出绩效自评表年度预算申请(万元)年初预算数全年预算数全年执行数分值执行率(%)得分年度资金总额"
            "318.5318.5318.510100%10其中:一般公共预算:318.5其他资金:年度总体目标预期目标实际完成情况"
            "1:城乡居民健康档案建档率达到92%。2:孕产妇系统管理率85%以上。\n3、完成率100%。\n")
    doc = run_text(text, "x")
    targets = [e.text for e in doc.entities if e.label == "TARGET"]
    assert "92%" in targets and any(t.startswith("85%") for t in targets)
