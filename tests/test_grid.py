"""The grid builder: tables generated as grids, rendered in every flattening, read back to the same records."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from extract.document import Document
from extract.generate import READ_BACK_SHAPES, SHAPES, Builder, fund_grid, indicator_rows, performance_grid, render, vocabulary
from extract.grid import classify, split_glued_fund, tokens
from extract.pipeline import run_text
from extract.textview import normal_chars

from .docs import fund_lines, records, slots_by_name


def rendered(seed: int, shape: str, traditional: bool = False, targets_only: bool = False) -> Document:
    rng = random.Random(seed)
    voc = vocabulary()
    sector = voc["sectors"][rng.choice(sorted(voc["sectors"]))]
    b = Builder(Document("g", ""), rng=rng)
    b.text("三、绩效指标完成情况\n")
    grid = performance_grid(indicator_rows(rng, sector), rng, shape, targets_only=targets_only)
    for got in render(b, grid, shape, rng, broken_header=rng.random() < 0.5, traditional=traditional):
        for slot in ("target", "actual", "weight", "score"):
            if "name" in got and slot in got:
                b.rel(got["name"].entity, got[slot].entity, slot)
    return b.finish()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), shape=st.sampled_from([s for s in SHAPES if s != "glued"]))
def test_any_generated_grid_reads_back_in_any_shape(seed, shape):
    gold = rendered(seed, shape)
    assert records(run_text(gold.text, "g")) == records(gold)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), shape=st.sampled_from([s for s in SHAPES + READ_BACK_SHAPES
                                                          if s not in ("glued", "headed_columns")]))
def test_any_generated_form_of_targets_reads_back(seed, shape):
    """A form of targets (绩效目标表: levels, name and target, no actual, weight nor score) in any flattening but
    glued cells (a target in words glued to its name cannot be told from the name's end) and columns each after
    its head (told from names by two value heads or more): read back whole, a single value column read in turn
    where the names are printed apart from their values."""
    gold = rendered(seed, shape, targets_only=True)
    assume("年初设定值" not in gold.text and "年度计划数" not in gold.text)  # a target head no header word names
    assert records(run_text(gold.text, "g")) == records(gold)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), traditional=st.booleans())
def test_any_generated_grid_printed_column_by_column_reads_back(seed, traditional):
    """Each column after its head, a cell per line, in simplified or traditional characters (三級指標): every row's
    name and values read back (its levels cannot be: the merged level cells are lost). Only grids whose heads are
    header words: 年度计划数 is none, and a column with an unknown head cannot be told from the names."""
    assert "headed_columns" in READ_BACK_SHAPES
    gold = rendered(seed, "headed_columns", traditional=traditional)
    assume("年初设定值" not in normal_chars(gold.text) and "年度计划数" not in normal_chars(gold.text))
    def without_levels(rows: list[tuple]) -> list[tuple]:
        return [(r[0], *r[3:]) for r in rows]

    assert without_levels(records(run_text(gold.text, "g"))) == without_levels(records(gold))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), traditional=st.booleans())
def test_any_generated_grid_with_its_names_printed_before_its_values_reads_back(seed, traditional):
    """On one line, the level and indicator names of all rows, then every row's values: read back whole."""
    assert "names_apart" in READ_BACK_SHAPES
    gold = rendered(seed, "names_apart", traditional=traditional)
    assert records(run_text(gold.text, "g")) == records(gold)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), traditional=st.booleans())
def test_any_generated_grid_with_runs_of_values_printed_before_their_names_reads_back(seed, traditional):
    """On one line, runs of rows' values, then the runs' level and indicator names (a run's first row sometimes
    printed whole before the values): read back whole."""
    assert "values_apart" in READ_BACK_SHAPES
    gold = rendered(seed, "values_apart", traditional=traditional)
    assert records(run_text(gold.text, "g")) == records(gold)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), traditional=st.booleans())
def test_any_generated_grid_reads_back_glued(seed, traditional):
    """Glued cells (no separator at all), in simplified or traditional characters, read back whole: a number in
    the target (a date too: 2021年12月底前2021年11月55), an actual that repeats its target in words
    (管理制度健全性高高55), or a target and an actual in words each a listed value word, the target of one
    character too before a listed actual (长效管护机制健全程度高達到預期105)."""
    gold = rendered(seed, "glued", traditional=traditional)
    assert records(run_text(gold.text, "g")) == records(gold)


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10**6), shape=st.sampled_from(SHAPES), varied=st.booleans())
def test_generated_fund_tables_read_back_as_fund_lines(seed, shape, varied):
    """The training mix's fund table, or (``varied``) one of the forms' column sets with rows of their own rates
    and scores, sources left empty and the weight on the total row only."""
    rng = random.Random(seed)
    unit, factor = rng.choice([("万元", 1e4), ("元", 1.0)])
    b = Builder(Document("f", ""), rng=rng)
    b.text(f"项目资金（{unit}）\n")
    grid = fund_grid(rng, unit, factor, varied=varied)
    render(b, grid, shape, rng)
    doc = run_text(b.finish().text, "f")
    expected = [(row[0].fields["line"], {p.role: p.texts[0] for p in row[1:] if p.role and p.texts[0]})
                for row in grid.rows]
    assert fund_lines(doc) == expected


@pytest.mark.parametrize("shape", [s for s in SHAPES if s != "glued"])
def test_traditional_characters_read_like_simplified(shape):
    for seed in range(5):
        gold = rendered(seed, shape, traditional=True)
        assert records(run_text(gold.text, "g")) == records(gold), seed


@pytest.mark.parametrize("run, roles, expected", [
    ("64.864.864.8100%", ["budget_initial", "budget", "spent", "rate"], ["64.8", "64.8", "64.8", "100%"]),
    ("21182118100%", ["budget", "spent", "rate"], ["2118", "2118", "100%"]),
    ("1.561.56120", ["budget", "spent", "rate", "score"], ["1.56", "1.56", "1", "20"]),
    ("2456.182456.182456.1810100%10", ["budget_initial", "budget", "spent", "weight", "rate", "score"],
     ["2456.18", "2456.18", "2456.18", "10", "100%", "10"]),
    ("10萬10萬100%20", ["budget", "spent", "rate", "score"], ["10萬", "10萬", "100%", "20"]),   # a unit ends a cell
    ("35万元33.5万元95.71%", ["budget", "spent", "rate"], ["35万元", "33.5万元", "95.71%"]),
    ("100120110-91.67%", ["budget_initial", "budget", "spent", "weight", "rate", "score"],   # the dash of an empty cell
     ["100", "120", "110", "91.67%"]),
    ("90 90 89.974 10 99.97% 9.9", ["budget_initial", "budget", "spent", "weight", "rate", "score"],
     ["90", "90", "89.974", "10", "99.97%", "9.9"]),
    # amounts with one decimal each (the row's own way of writing them), whole amounts of one size, commas
    ("15.615.615.610100%10", ["budget_initial", "budget", "spent", "weight", "rate", "score"],
     ["15.6", "15.6", "15.6", "10", "100%", "10"]),
    ("500480480465.596.98%", ["budget_initial", "budget", "received", "spent", "rate"],
     ["500", "480", "480", "465.5", "96.98%"]),
    ("1,234,567.891,234,567.891,200,000.001097.20%9.72", ["budget_initial", "budget", "spent", "weight", "rate", "score"],
     ["1,234,567.89", "1,234,567.89", "1,200,000.00", "10", "97.20%", "9.72"]),
    # an amount with six decimals before the points: no weight of more points than a form has (683510)
    ("350.00380.50372.4168351097.87%9.79", ["budget_initial", "budget", "spent", "weight", "rate", "score"],
     ["350.00", "380.50", "372.416835", "10", "97.87%", "9.79"]),
    # amounts written alike (budget = received = spent): six decimals, two digits, no rate to check them by
    ("23.77345723.77345723.773457100%", ["budget", "received", "spent", "rate"],
     ["23.773457", "23.773457", "23.773457", "100%"]),
    ("646464100%", ["budget", "received", "spent", "rate"], ["64", "64", "64", "100%"]),
    ("796.8317796.8317796.8317", ["budget", "received", "spent"], ["796.8317", "796.8317", "796.8317"]),
])
def test_glued_fund_runs_split_by_arithmetic(run, roles, expected):
    assert [t.text for _, t in split_glued_fund(run, roles)] == expected


@pytest.mark.parametrize("line, cells", [
    ("产出指标 | 数量指标 | 培训人次 | ≥300人次 |", ["产出指标", "数量指标", "培训人次", "≥300人次"]),
    ("| | 培训合格率 | 95% | 97% |", ["", "", "培训合格率", "95%", "97%"]),
    ("产出指标    数量指标    培训人次    ≥300人次", ["产出指标", "数量指标", "培训人次", "≥300人次"]),
    ("指标1.药品抽验品种 ≥3 4", ["指标1.药品抽验品种", "≥3", "4"]),   # single spaces in a row-like line
    ("年度资金总额 90", ["年度资金总额", "90"]),
    ("加大文物保护,展示文物价值", ["加大文物保护,展示文物价值"]),   # a text line stays whole
    ("其中:基本支出:900.47", ["其中:基本支出", "900.47"]),         # a label–value field in one cell (d10)
    ("项目支出：1025.20万元", ["项目支出", "1025.20万元"]),
    ("完成时间:2023年12月", ["完成时间:2023年12月"]),              # a date is no field value
])
def test_cells_of_a_line(line, cells):
    assert [t.text for t in tokens(line, 0, len(line))] == cells


@pytest.mark.parametrize("text, kind", [
    ("", "empty"), ("—", "empty"), ("产出指标", "level1"), ("数量 指标", "level2"), ("满意度指标", "level"), ("≥", "cmp"),
    ("定性", "cmp"), ("不少于49.5万人次", "goal"),
    ("万元", "unit"), ("%", "unit"), ("10", "points"), ("2380.91", "number"), ("≥95%", "goal"), ("97%", "percent"),
    ("300人次", "quantity"), ("100万元", "money"), ("年度资金总额", "label"), ("其中：财政拨款", "label"),
    ("培训合格率", "text"), ("年度資金總額", "label"), ("中央补助", "label"), ("其中:基本支出", "label"),
    ("项目支出绩效目标申报表", "text"),   # a fund label word inside a longer word
    ("1月11號", "text"), ("2021年12月", "text"), ("12月底前", "text"),   # dates are no amounts
    ("指标", "empty"),                  # d01: the tail of a level name broken over two cells (经济效益 | 指标)
    ("二、", "empty"), ("（一）", "empty"),   # a heading's number cut from its words
    ("(20)", "points"),                     # a weight written in brackets
    ("三公经费", "text"), ("2、出国经费", "text"),   # e40: names that open with a number, no unit after it
    ("573.28（已支付）", "quantity"),                 # a value with a note in brackets
    ("指标2", "empty"), ("指标 3：", "empty"),       # d01: a row's label with no name, an unused row of the form
])
def test_cell_kinds(text, kind):
    t = tokens(text, 0, len(text))[0] if text else None
    if t is None:
        from extract.grid import Token
        t = Token(0, 0, "", 0)
        classify(t)
    assert t.kind == kind


def test_a_label_repeated_in_each_column_is_one_fund_row():
    """e13: the merged label cell of a fund source is written once per column (計劃 | 到位 | 支出 | 結余)."""
    text = ("項目資金來源\n計劃安排資金\n實際到位資金\n實際支出\n"
            "其中:中央財政\n其中:中央財政\n其中:中央財政\n其中:中央財政\n"
            "縣市區財政\n55\n縣市區財政\n55\n縣市區財政\n50\n縣市區財政\n5\n")
    doc = run_text(text, "r")
    got = fund_lines(doc)
    assert got == [("中央財政", {}), ("縣市區財政", {"budget": "55", "received": "55", "spent": "50"})]


def test_fund_lines_left_empty_between_rows_with_amounts_are_lines():
    """e40, a department's spending table a cell per line: lines whose cells are left blank (三公经费, the heading
    of the rows under it; 2、出国经费) are fund lines without amounts, their numbering and an unclosed note dropped."""
    text = ("经费控制情况(万元)\n\n2021年决算数\n\n2022年预算数\n\n2022年决算数\n\n支出总额\n\n1274.38\n\n1342.49\n\n1342.49\n\n"
            "项目支出\n\n667.94\n\n622.50 \n\n622.5 \n\n   其中:1、运行维护经费\n\n \n\n \n\n \n\n"
            "三公经费\n\n \n\n \n\n \n\n   1、公务用车购置和维护经费\n\n3.33 \n\n7\n\n2.74\n\n   2、出国经费\n\n \n\n \n\n \n\n"
            "3、省级专项资金(每个专项一行\n\n \n\n \n\n \n\n公车运行维护\n\n3.33 \n\n7\n\n2.74\n")
    got = fund_lines(run_text(text, "e40"))
    assert got == [("年度资金总额", {"budget": "1342.49", "spent": "1342.49"}),
                   ("项目支出", {"budget": "622.50", "spent": "622.5"}), ("运行维护经费", {}), ("三公经费", {}),
                   ("公务用车购置和维护经费", {"budget": "7", "spent": "2.74"}), ("出国经费", {}), ("省级专项资金", {}),
                   ("公车运行维护", {"budget": "7", "spent": "2.74"})]


def test_a_label_repeated_in_each_column_keeps_its_amounts_when_the_last_column_is_empty():
    """e34: 縣財政 written once per column, the last (結余) left empty; the spending rows' labels open with the
    economic classification's code (30226 勞務費), no part of the line's name."""
    text = ("計劃安排資金 (萬元) |\n700 |\n實際到位資金 (萬元) |\n7,00.0,77 |\n實際支出 (萬元) |\n7,00.0,77 |\n結余 (萬元) |\n"
            "0 |\n|\n市財政 |\n|\n||||||\n縣財政 |\n700 |\n縣財政 |\n7,00.0,77 |\n縣財政 |\n7,00.0,77 |\n縣財政 |\n|\n||||||\n"
            "二、項目支出明細情況 |\n|||||||||||||\n支出內容 |\n實際支出數(shù) |\n會計憑證號 |\n備注 |\n||||||||||\n"
            "30226 勞務費 |\n50,000.00 |\n2020年01月記賬 9 |\n付某某榮黃線養(yǎng)護勞務費 |\n||||||||||\n")
    got = fund_lines(run_text(text, "e34"))
    assert ("縣財政", {"budget": "700", "received": "7,00.0,77", "spent": "7,00.0,77"}) in got
    assert ("勞務費", {"spent": "50,000.00"}) in got


def test_a_level_name_written_one_character_per_line_is_one_cell():
    """e36 (dev): 产 / 出 / 指 / 标 between | lines is the level name 产出指标; 是 / 是 stay two cells."""
    text = "|\n产\n出\n指\n标\n|\n数量指标\n|\n飞机增雨作业航时\n|\n是\n是\n"
    toks = tokens(text, 0, len(text))
    assert [(t.text, t.kind) for t in toks][:3] == [("产出指标", "level1"), ("数量指标", "level2"), ("飞机增雨作业航时", "text")]
    assert [t.text for t in toks][-2:] == ["是", "是"]


def test_empty_tab_cells_under_a_spaced_header_do_not_break_the_placing():
    """A -layout line with tab stops holds empty tab pieces (no place under a head): reading it raises nothing and
    keeps the row's values."""
    from extract.pipeline import run_text

    text = '一级指标      二级指标\t\t   三级指标\t       年度指标值    全年实际值\t    分值    得分\n产出指标      数量指标\t\t   修缮文物建筑面积    6000平方米    6000平方米\t    10\t    9\n'
    doc = run_text(text, "x")
    assert {"6000平方米", "10", "9"} <= {e.text for e in doc.entities}


def test_a_double_gap_on_a_spaced_row_is_an_empty_cell():
    """Cells four spaces apart, the unit cell of a worded row left empty (高        高): the second 高 is the
    actual (in words), 10 and 5 the points and the score, not unit 高, actual 10, weight 5 (hypothesis: seed 22571)."""
    text = ("一级指标    二级指标    三级指标    指标性质    指标值    度量单位    全年实际值    权重    得分\n"
            "产出指标    时效指标    资金拨付时间    定性    2022年12月31日前        11月底    5    5\n"
            "    数量指标    查处吸毒人员    >=    188    人    106人    20    20\n"
            "        执法记录仪配备数量    ≧    199    台    96台    15    14.2\n"
            "        开展禁毒宣传    ≥    86    次    25 次    20    12.3\n"
            "    质量指标    前端在线率    ≥    97    %    102%    20    20\n"
            "效益指标    社会效益指标    群众安全感    >=    94.8    %    93.4%    15    9.8\n"
            "    可持续影响指标    长效管护机制健全程度    定性    高        高    10    5\n")
    doc = run_text(text, "w")
    by = doc.entity_by_id()
    slots = {(by[r.head].text, r.slot): by[r.tail].text for r in doc.relations}
    assert slots[("长效管护机制健全程度", "target")] == "定性    高"  # the nature cell joins a worded target (generator's gold)
    assert ("长效管护机制健全程度", "actual") not in slots  # an actual in words is no value
    assert slots[("长效管护机制健全程度", "weight")] == "10"
    assert slots[("长效管护机制健全程度", "score")] == "5"


@pytest.mark.parametrize("cell, kind", [("-1-", "empty"), ("— 2 —", "empty"), ("第3页", "empty"), ("-1", "number")])
def test_a_page_number_flattened_into_a_row_is_an_empty_cell(cell, kind):
    """e04 (train), one-line: 场馆开放满意度 … 总分 -1- 偏差原因: the page's number is no actual."""
    from extract.grid import kind_of

    assert kind_of(cell)[0] == kind


HEAD = "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 "


@pytest.mark.parametrize("body, wanted", [
    # names printed together, then their rows of values (a row's actual in words among them)
    ("产出指标 数量指标 时效指标 补贴机具数量 受益农户数 资金兑付及时性 ≥1200台 1286台 15 15 ≥950户 1013户 10 10 "
     "次年3月底前 按期兑付 10 10 效益指标",
     [("受益农户数", "≥950户", "1013户", "10", "10"), ("补贴机具数量", "≥1200台", "1286台", "15", "15"),
      ("资金兑付及时性", "次年3月底前", None, "10", "10")]),  # an actual in words fills no slot
    # rows of values first, then the level and indicator names
    ("≥820公里 836公里 20 20 100% 100% 10 10 产出指标 数量指标 农村公路列养里程 质量指标 养护资金到位率",
     [("养护资金到位率", "100%", "100%", "10", "10"), ("农村公路列养里程", "≥820公里", "836公里", "20", "20")]),
])
def test_rows_printed_as_a_names_block_and_a_values_block_are_put_back_together(body, wanted):
    doc = run_text("项目支出绩效自评表 " + HEAD + body, "x")
    assert [(r[0], *r[3:]) for r in records(doc)] == sorted(wanted)


def test_runs_of_rows_printed_before_their_names_take_the_names_in_turn():
    # a real one-line form (e04): the first name printed among the heads, every row's values, then the level and
    # indicator names, a vertical label spelled out (绩 效 指 标) and a name's last character wrapped (合同完成 率)
    text = ("项目支出绩效自评表 一级指标 二级指标 数量指标 三级指标 与委托运营方结算完成 年度 指标值 实际 完成值 分值 得分 "
            "=100% 100% 10 10 =100% 100% 20 20 及时 及时 20 20 =100% 100% 30 30 >=90% 100% 10 10 100 98.62 率 产出指标 "
            "质量指标 绩 效 指 标 时效指标 效益指标 社会效益指标 合同结算条款完成率 费用结算及时性 与委托运营方合同完成 率 "
            "满意度指标 服务对象满意度指标 场馆开放满意度 总分")
    got = slots_by_name(run_text(text, "x"))
    assert got["与委托运营方结算完成"] == ("=100%", "100%", "10", "10")
    assert got["合同结算条款完成率"] == ("=100%", "100%", "20", "20")
    assert got["费用结算及时性"] == ("及时", None, "20", "20")  # an actual in words fills no slot
    assert got["与委托运营方合同完成 率"] == ("=100%", "100%", "30", "30")
    assert got["场馆开放满意度"] == (">=90%", "100%", "10", "10")
    assert got["总分"][2] == "100"


def test_a_run_of_rows_after_a_name_gives_it_the_first_and_the_names_after_it_the_rest():
    # the rows of b08's form: a name printed whole, then its row and the next three rows and the total, then their names
    body = ("产出指标 时效指标 资金是否全部及时纳入 100% 100% 10 10 75元 75元 10 10 95% 95% 30 27 95% 95% 10 9 100 94 "
            "成本指标 配套资金每人每年 效益指标 社会效益指标 是否解决建档立卡人员看病难贵问题 满意度指标 是否满意 总分")
    got = slots_by_name(run_text("项目支出绩效自评表 " + HEAD + body, "x"))
    assert got["资金是否全部及时纳入"] == ("100%", "100%", "10", "10")
    assert got["配套资金每人每年"] == ("75元", "75元", "10", "10")
    assert got["是否解决建档立卡人员看病难贵问题"] == ("95%", "95%", "30", "27")
    assert got["是否满意"] == ("95%", "95%", "10", "9")


def test_rows_with_a_lost_cell_are_not_read_in_turn():
    # 覆盖人数 lost its actual: no run of whole rows, so each name keeps the values after it
    body = "产出指标 数量指标 培训人数 ≥500人 520人 10 10 覆盖人数 ≥300人 10 8 质量指标 培训合格率 ≥95% 97% 10 10"
    got = slots_by_name(run_text("项目支出绩效自评表 " + HEAD + body, "x"))
    assert got["培训人数"] == ("≥500人", "520人", "10", "10")
    assert got["培训合格率"] == ("≥95%", "97%", "10", "10")


def test_a_name_before_its_own_values_keeps_them():
    # 培训人数 owns the first row of values; two rows of values there do not make the names after it a block
    body = "产出指标 数量指标 培训人数 ≥500人 520人 10 10 质量指标 培训合格率 结业率 ≥95% 97% 10 10 ≥90% 92% 10 10"
    got = slots_by_name(run_text("项目支出绩效自评表 " + HEAD + body, "x"))
    assert got["培训人数"] == ("≥500人", "520人", "10", "10")
    assert got["培训合格率"] == ("≥95%", "97%", "10", "10")
    assert got["结业率"] == ("≥90%", "92%", "10", "10")


def test_a_direction_column_is_no_part_of_a_qualitative_target():
    body = ("产出指标 数量指标 新建供水工程处数 定量指标 正向指标 >=36处 36处 10 10 效益指标 可持续影响指标 "
            "工程运行管护机制 定性指标 正向指标 健全 健全 5 5")
    doc = run_text("项目支出绩效自评表 一级指标 二级指标 三级指标 指标性质 指标方向 年度指标值 实际完成值 分值 得分 " + body, "x")
    got = slots_by_name(doc)
    assert got["工程运行管护机制"] == ("健全", None, "5", "5")  # an actual in words fills no slot
    assert got["新建供水工程处数"] == (">=36处", "36处", "10", "10")


def test_a_space_inside_a_word_of_a_one_line_name_does_not_cut_the_name():
    """资金发放合 格率: the scan's space falls inside 合格率; a reason before the next name stays a reason."""
    body = ("产出指标 数量指标 救助对象人数 ≥1500人 1462人 10 9 部分申请人未按期完成评估 质量指标 资金发放合 格率 100% 100% 10 10 "
            "协议签 订率 100% 98% 10 9")
    doc = run_text("项目支出绩效自评表 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因 " + body, "x")
    got = slots_by_name(doc)
    assert got["资金发放合 格率"] == ("100%", "100%", "10", "10")
    assert got["协议签 订率"] == ("100%", "98%", "10", "9")
    assert got["救助对象人数"] == ("≥1500人", "1462人", "10", "9")


def test_a_comparator_written_apart_by_a_scan_is_one_with_its_target():
    body = "产出指标 数量指标 瞭望塔视频监控点建设 > = 8处 9处 10 10 防火宣传覆盖行政村数 ≥186个 186个 10 10"
    got = slots_by_name(run_text("一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 " + body, "x"))
    assert got["瞭望塔视频监控点建设"] == ("> = 8处", "9处", "10", "10")


def test_level_names_spelled_out_a_character_at_a_time_are_levels():
    body = ("产出指标 数量指标 家庭医生签约人数 ≥2.1万人 2.23万人 10 10 效 益 指 标 社 会 效 益 指 标 "
            "城乡居民公共卫生差距 不断缩小 逐步缩小 15 15")
    rows = records(run_text("一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 " + body, "x"))
    got = {r[0]: r for r in rows}
    assert got["城乡居民公共卫生差距"] == ("城乡居民公共卫生差距", "效益指标", "社会效益指标", "不断缩小", None, "15", "15")


def test_a_cell_wrapped_inside_its_bracket_note_is_one_cell():
    cells = ["三级指标", "年度指标值", "实际完成值", "分值", "得分", "地下水压采量", "≥1260万立方米（以省", "水利厅核定为准）",
             "1285万立方米", "15", "15", "机井关停数量", "≥320眼", "326眼", "15", "15"]
    got = slots_by_name(run_text("\n".join(cells) + "\n", "x"))
    assert got["地下水压采量"] == ("≥1260万立方米", "1285万立方米", "15", "15")  # the note is no part of the value
    assert got["机井关停数量"] == ("≥320眼", "326眼", "15", "15")


def test_a_comparator_in_its_own_cell_of_a_table_one_separator_apart_joins_its_target():
    """Cells four spaces apart (not padded to their columns): where a cell stands tells no column, so the row whose
    merged levels are blank and whose comparator has a cell of its own is read by its cells (found by the property
    above, seed 731)."""
    text = ("一级指标    二级指标    三级指标    年初设定值    完成值    分值    得分\n"
            "产出指标    数量指标    执法记录仪配备数量    29台    86台    10    10\n"
            "        开展禁毒宣传    ≥    68次    82次    15    15\n"
            "        租赁天网点位    241个    127个    10    10\n")
    got = slots_by_name(run_text(text, "x"))
    assert got["开展禁毒宣传"] == ("≥    68次", "82次", "15", "15")
    assert got["租赁天网点位"] == ("241个", "127个", "10", "10")


def test_fund_rows_printed_with_each_rows_cells_before_its_label_are_read_in_turn():
    # a page's text boxes in the order a PDF gave them: every row's cells, then its label (a probe of benchmarks/)
    text = ("项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分 860 925.4 918.6 10 99.27% 9.9 年度资金总额 "
            "860 925.4 918.6 — 99.27% — 财政拨款 — — — — — — 上年结转资金 0 0 0 — — — 其他资金 年度总体目标 完成散煤治理替代3200户。\n")
    got = dict(fund_lines(run_text(text, "p10")))
    assert got["年度资金总额"] == {"budget_initial": "860", "budget": "925.4", "spent": "918.6", "weight": "10",
                                   "rate": "99.27%", "score": "9.9"}
    assert got["财政拨款"] == {"budget_initial": "860", "budget": "925.4", "spent": "918.6", "rate": "99.27%"}
    assert got["其他资金"] == {"budget_initial": "0", "budget": "0", "spent": "0"}


def test_fund_rows_whose_labels_come_first_are_not_read_in_turn():
    text = ("项目资金（万元） 年初预算数 全年预算数 全年执行数 执行率 年度资金总额 100 120 118 98.33% 财政拨款 100 120 118 98.33% "
            "其他资金 0 0 0 —\n")
    got = dict(fund_lines(run_text(text, "f")))
    assert got["年度资金总额"] == {"budget_initial": "100", "budget": "120", "spent": "118", "rate": "98.33%"}
    assert got["其他资金"] == {"budget_initial": "0", "budget": "0", "spent": "0"}


def test_a_comparator_in_a_cell_of_its_own_in_a_spaced_table_without_a_comparator_column_joins_its_target():
    # a generated table (hypothesis seed 424013, spaces): 年度计划数 is no header word, ≥ stands four spaces apart
    text = ("三、绩效指标完成情况\n一级指标    二级指标    三级指标    年度计划数    全年实际值    权重    得分\n"
            "产出指标    时效指标    资金拨付时间    2022年6月前    2021年11月    5    5\n"
            "    数量指标    治理河道长度    ≥    41.54公里    27.80公里    10    6.9\n")
    assert slots_by_name(run_text(text, "g"))["治理河道长度"] == ("≥    41.54公里", "27.80公里", "10", "6.9")


def test_fund_labels_printed_together_before_every_rows_cells_take_the_rows_in_turn():
    # a probe of benchmarks/ (scrambled): the label column first, then each row's cells
    text = ("项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额 其中：财政拨款 其他资金 3,286,400.00 "
            "3,286,400.00 3,251,980.50 10 98.95% 9.9 3,286,400.00 3,286,400.00 3,251,980.50 — 98.95% — 0.00 0.00 0.00 — — — "
            "年度总体目标 保障全区379个村级组织正常运转。\n")
    got = dict(fund_lines(run_text(text, "p17")))
    assert got["年度资金总额"] == {"budget_initial": "3,286,400.00", "budget": "3,286,400.00", "spent": "3,251,980.50",
                                   "weight": "10", "rate": "98.95%", "score": "9.9"}
    assert got["财政拨款"] == {"budget_initial": "3,286,400.00", "budget": "3,286,400.00", "spent": "3,251,980.50",
                               "rate": "98.95%"}
    assert got["其他资金"] == {"budget_initial": "0.00", "budget": "0.00", "spent": "0.00"}


def test_a_fund_rows_lone_points_under_an_empty_weight_are_its_score():
    """The weight of a fund row other than the total is merged with the total's: a row's rate and one number of
    points, its empty weight cell lost in the flattening, give the score."""
    text = ("项目资金（万元）\n    全年预算数    全年执行数    执行率    分值    得分\n"
            "年度资金总额    826.57    793.58    96.01%    10    9.6\n"
            "地方资金    203.63    184.76    90.73%        9.1\n"
            "基本支出    159.53    131.01    82.12%        8.2\n\n")
    got = dict(fund_lines(run_text(text, "f")))
    assert got["年度资金总额"]["weight"] == "10" and got["年度资金总额"]["score"] == "9.6"
    assert got["地方资金"] == {"budget": "203.63", "spent": "184.76", "rate": "90.73%", "score": "9.1"}
    assert got["基本支出"] == {"budget": "159.53", "spent": "131.01", "rate": "82.12%", "score": "8.2"}


@pytest.mark.parametrize("run, expected", [
    ("23698490.88%", ["236984", "90.88%"]),   # not 236 | 98490.88%: a rate is at most 200%
    ("33781196.79%", ["337811", "96.79%"]),   # not 33781 | 196.79%: seldom over 100%
])
def test_a_glued_budget_and_rate_split_where_the_rate_is_plausible(run, expected):
    assert [t.text for _, t in split_glued_fund(run, ["budget", "weight", "rate", "score"], total=False)] == expected


@pytest.mark.parametrize("run", ["797632797632754419", "254690254690213498", "813515813515772519"])
def test_a_glued_rows_last_digit_is_no_rate_that_agrees_by_chance(run):
    """A 其中 row's budgets and spent amount, glued, no rate written: 754419 is not 75441 | 9 although 9 is about
    75441 / 797632 in percent (a rate in a glued run is written with its %; a whole number agrees only as the
    rate rounded)."""
    roles = ["budget_initial", "budget", "spent", "weight", "rate", "score"]
    assert [t.text for _, t in split_glued_fund(run, roles, total=False)] == [run[:6], run[6:12], run[12:]]


def test_a_fund_label_left_empty_before_a_row_of_every_column_in_a_table_without_rates():
    """Labels each alone on a line, then a row's cells: with no rate to check, the first label is a source left
    empty and the second takes the row, which fills every column (not half a row each)."""
    text = "项目资金（万元）\n\n\n预算安排\n\n实际支出\n\n合计\n\n897.15\n\n769.64\n\n市级资金\n\n\n\n\n\n项目支出\n\n238.09\n\n206.06\n\n"
    assert fund_lines(run_text(text, "f")) == [("年度资金总额", {"budget": "897.15", "spent": "769.64"}),
                                               ("市级资金", {}), ("项目支出", {"budget": "238.09", "spent": "206.06"})]


def test_a_fund_label_left_empty_before_a_row_whose_cells_as_two_rows_would_leave_one_without_an_amount():
    """上年结转资金 / 其他资金 / 573.27 / 99.79%, a rate no spent amount can check: not a row with the budget and a row
    with the rate alone, but a source left empty and a row with both."""
    text = ("项目资金（万元）\n全年预算数\n分值\n执行率\n得分\n年度资金总额\n872.81\n10\n86.13%\n8.6\n"
            "上年结转资金\n其他资金\n573.27\n99.79%\n中央补助\n416.47\n82.12%\n")
    assert fund_lines(run_text(text, "f")) == [
        ("年度资金总额", {"budget": "872.81", "weight": "10", "rate": "86.13%", "score": "8.6"}),
        ("上年结转资金", {}), ("其他资金", {"budget": "573.27", "rate": "99.79%"}),
        ("中央补助", {"budget": "416.47", "rate": "82.12%"})]


@pytest.mark.parametrize("sep", ["\n", " | ", "    "])
def test_a_project_lists_grade_column_leaves_the_score_its_own(sep):
    """A department's list of projects with their self-evaluation (序号 | 项目名称 | 预算数 | 执行率 | 自评得分 | 评价等级):
    the grade (优, 良) is a column of words of its own (tables.toml [fund] grade), not a label or an amount, and the
    row's points stay its score."""
    rows = [("1", "农村公路养护项目", "1,280.00", "98.50%", "96", "优"), ("2", "城乡公交补贴资金", "560.30", "100%", "98.5", "优"),
            ("3", "交通安全设施建设", "320.00", "87.20%", "85", "良")]
    head = ["序号", "项目名称", "预算数（万元）", "执行率", "自评得分", "评价等级"]
    text = "二、项目支出绩效自评情况\n" + sep.join(head) + "\n" + "".join(sep.join(r) + "\n" for r in rows) + "三、存在的问题\n"
    assert fund_lines(run_text(text, "f")) == [(r[1], {"budget": r[2], "rate": r[3], "score": r[4]}) for r in rows]


@pytest.mark.parametrize("row, name, target, points", [
    ("效益指标可持续影响指标长效管护机制健全程度高达到预期105", "长效管护机制健全程度", "高", ("10", "5")),
    ("效益指标可持续影响指标長效管護機制健全程度長期達到預期105", "長效管護機制健全程度", "長期", ("10", "5")),
    ("效益指标社会效益指标群众生活条件改善情况有效改善已改善1010", "群众生活条件改善情况", "有效改善", ("10", "10")),
])
def test_a_glued_rows_target_in_words_before_a_listed_actual_ends_the_name(row, name, target, points):
    """A target in words of one character (高), written in traditional characters (長期 | 達到預期), or an actual
    of a degree and a change word (已改善): the listed actual ends the name, the points are weight and score."""
    text = ("三、绩效指标完成情况\n一级指标二级指标三级指标年度指标值实际完成值分值得分"
            "产出指标数量指标改造危桥数量不低于10座11座55" + row + "\n")
    got = {r[0]: r for r in records(run_text(text, "g"))}
    assert got[name][3] == target and got[name][5:] == points


def test_a_glued_deadline_target_ends_its_name_in_a_form_without_actuals():
    """指标值 | 分值 | 得分 (no actual column): 任务完成时限2022年12月31日前55 is the name, the deadline as its target and
    the points (the date was read as part of the name, 2022年12月31日前 being no value that opens a run)."""
    text = ("三、绩效指标\n一级指标二级指标三级指标指标值分值得分产出指标时效指标任务完成时限2022年12月31日前55"
            "产出指标数量指标补贴农户数>=4553户1010\n")
    assert records(run_text(text, "g")) == [
        ("任务完成时限", "产出指标", "时效指标", "2022年12月31日前", None, "5", "5"),
        ("补贴农户数", "产出指标", "数量指标", ">=4553户", None, "10", "10")]


def test_a_glued_rows_number_column_leaves_the_next_rows_number_off_the_last_value():
    """序号 first: each row's number is glued to the row before's last value (…55 | 2产出指标); it is the next row's
    number, not the score's last digit."""
    text = ("三、绩效指标\n序号一级指标二级指标三级指标年初目标值实际完成值权重得分1产出指标数量指标受益学生人数≧7803人10835人55"
            "2产出指标数量指标维修校舍面积6000平方米7411平方米10103产出指标质量指标工程验收合格率92%98%55\n")
    assert records(run_text(text, "g")) == [
        ("受益学生人数", "产出指标", "数量指标", "≧7803人", "10835人", "5", "5"),
        ("工程验收合格率", "产出指标", "质量指标", "92%", "98%", "5", "5"),
        ("维修校舍面积", "产出指标", "数量指标", "6000平方米", "7411平方米", "10", "10")]


def test_a_tall_names_first_line_printed_before_its_level_names_is_the_rows_name():
    """A cell per line as a PDF gives a row whose name cell is taller than its level cells: the name's first line
    comes before the level names (城乡居民公共卫生服务 / 效益指标 / 社会效益指标 / 逐步缩小 …)."""
    text = ("一级指标\n二级指标\n三级指标\n年度指标值\n实际完成值\n分值\n得分\n"
            "产出指标\n数量指标\n老年人健康管理人数\n≥18600人\n19245人\n10\n10\n"
            "城乡居民公共卫生服务\n效益指标\n社会效益指标\n逐步缩小\n逐步缩小\n20\n19\n"
            "居民对基本公共卫生服务满意度\n满意度指标\n服务对象满意度指标\n≥85%\n90.7%\n15\n15\n总分\n100\n98\n")
    got = {r[0]: r for r in records(run_text(text, "g"))}
    assert got["城乡居民公共卫生服务"] == ("城乡居民公共卫生服务", "效益指标", "社会效益指标", "逐步缩小", None, "20", "19")
    assert got["居民对基本公共卫生服务满意度"] == (
        "居民对基本公共卫生服务满意度", "满意度指标", "服务对象满意度指标", "≥85%", "90.7%", "15", "15")
    assert got["老年人健康管理人数"][3:] == ("≥18600人", "19245人", "10", "10")


def test_a_glued_names_explanation_cell_is_read_off_the_name():
    """指标解释 between the name and the values, glued: an explanation opening with 反映 / 考核 (tables of targets
    explain each indicator so) is no part of the name."""
    text = ("三、绩效指标\n一级指标二级指标三级指标指标解释年初目标值实际完成值权重得分"
            "产出指标数量指标受益学生人数反映项目实施的数量情况≧7803人10835人55"
            "产出指标质量指标工程验收合格率考核工程质量92%98%55\n")
    assert [r[0] for r in records(run_text(text, "g"))] == ["受益学生人数", "工程验收合格率"]


def test_a_dash_on_a_line_of_its_own_keeps_its_fund_column_empty():
    """A cell per line: 上年结转资金 / — / 32.60 / 32.60 / 32.60 / 0 / 100%, the dash the empty 年初预算数; the amounts
    are budget, received and spent, not budget_initial, budget and spent (the rate agrees either way)."""
    cells = ["资金情况（万元）", "年初预算数", "全年预算数", "资金到位数", "全年执行数", "结余", "执行率", "分值", "得分",
             "年度资金总额", "380.00", "412.60", "412.60", "398.24", "14.36", "96.52%", "10", "9.65",
             "上年结转资金", "—", "32.60", "32.60", "32.60", "0", "100%"]
    got = dict(fund_lines(run_text("\n\n".join(cells) + "\n", "f")))
    assert got["上年结转资金"] == {"budget": "32.60", "received": "32.60", "spent": "32.60", "rate": "100%"}


@pytest.mark.parametrize("label", ["县级资金", "省级资金", "村集体自筹"])
def test_a_source_of_one_level_of_government_or_of_the_village_is_a_fund_line(label):
    """Glued fund rows: 县级资金, 省级资金, 村集体自筹 are fund row labels (tables.toml [fund_rows]), so that their
    glued amounts are a line of their own."""
    text = ("项目资金（万元）\n年初预算数全年预算数资金到位数全年执行数分值执行率得分\n"
            "年度资金总额80808078.61098.25%9.8\n其中：中央资金64646463.298.75%\n" + label + "16161615.496.25%\n")
    got = dict(fund_lines(run_text(text, "f")))
    assert got[label] == {"budget_initial": "16", "budget": "16", "received": "16", "spent": "15.4", "rate": "96.25%"}


def test_a_glued_weight_is_a_whole_or_half_number_of_points():
    """16161615.496.25%: 15.4 | 96.25% (the rate agrees), not 1 | 5.49 | 6.25% (which agrees too: 1 / 16), a weight
    of 5.49 points being none a form gives."""
    roles = ["budget_initial", "budget", "received", "spent", "weight", "rate", "score"]
    assert [t.text for _, t in split_glued_fund("16161615.496.25%", roles, total=False)] == \
        ["16", "16", "16", "15.4", "96.25%"]


def test_a_small_rate_agrees_only_within_its_rounding():
    """上年结转资金 with its 年初预算数 left empty: 285.60 | 265.54 | 92.98% (265.54 / 285.60), not 285.60 | 265.54 |
    9 | 2.98%, whose rate is 0.41 off 9 / 265.54 = 3.39%: within the 0.6 a rate near 100% may be rounded by, not
    within what rounding moves a rate of 3% by."""
    roles = ["budget_initial", "budget", "spent", "rate", "weight", "score"]
    got = [(role, t.text) for role, t in split_glued_fund("285.60265.5492.98%", roles, total=False)]
    assert got == [("budget", "285.60"), ("spent", "265.54"), ("rate", "92.98%")]


def test_a_caption_cell_down_the_left_margin_beside_the_rows_is_no_part_of_their_labels():
    """A 部门整体 form printed by pdftotext -layout: the caption cell 年度预算资金（万元） wrapped over three lines of the
    left margin, a piece opening each row's line (年度预算 | 其中：财政拨款 …, 资金 | 上年结转资金 …): 资金 is no rest of
    财政拨款, and the rows keep their cells."""
    text = (
        "                      年初         全年         全年        分值        执行率        得分\n"
        "                     预算数        预算数        执行数\n"
        "          年度资金总额           2860.40    3124.75    3052.18        10     97.68%      9.77\n"
        "  年度预算    按收入性质分    其中：财政拨款      2760.40    3004.75    2940.18               97.85%\n"
        "  资金                      上年结转资金                  20.00      18.00               90.00%\n"
        "  （万元）                  其他资金          100.00     100.00      94.00               94.00%\n")
    got = dict(fund_lines(run_text(text, "f")))
    assert got["财政拨款"] == {"budget_initial": "2760.40", "budget": "3004.75", "spent": "2940.18", "rate": "97.85%"}
    assert got["上年结转资金"] == {"budget": "20.00", "spent": "18.00", "rate": "90.00%"}
    assert "财政拨款资金" not in got


def test_a_layout_fund_row_with_one_amount_keeps_it_under_its_head():
    """pdftotext -layout: 其他资金 with 250.00 alone under 年初预算数 (right-aligned under the head like 1200.00 above)
    is its budget_initial, not its budget: the unnamed label column stands in the margin left of the heads."""
    text = (
        "                                            年初         全年         全年        分值        执行率        得分\n"
        "                                           预算数        预算数        执行数\n"
        "              年度资金总额                   1450.00    1612.80    1538.46        10     95.39%      9.54\n"
        "  项目资金        其中：财政拨款                  1200.00    1312.80    1262.16               96.14%\n"
        "  （万元）        上年结转资金                               300.00     276.30               92.10%\n"
        "              其他资金                      250.00\n")
    got = dict(fund_lines(run_text(text, "f")))
    assert got["其他资金"] == {"budget_initial": "250.00"}
    assert got["上年结转资金"] == {"budget": "300.00", "spent": "276.30", "rate": "92.10%"}


def test_a_glued_fund_row_of_general_budget_grants_keeps_its_label_whole():
    text = ("年度预算资金（万元）年初预算数全年预算数全年执行数分值执行率得分\n"
            "年度资金总额5620.356384.126215.801097.36%9.74\n"
            "按收入性质分\n"
            "其中：一般公共预算拨款5120.355734.125580.6097.32%\n"
            "政府性基金拨款500.00650.00635.2097.72%\n")
    got = dict(fund_lines(run_text(text, "f")))
    assert got["一般公共预算拨款"] == {"budget_initial": "5120.35", "budget": "5734.12", "spent": "5580.60", "rate": "97.32%"}


def test_a_level_word_with_a_value_right_after_it_is_a_rows_name():
    """A cell per line, the level-2 cell printed in the middle of its block: 服务对象满意度 followed by ≥90% is the
    row's name (a level cell is followed by a level or a name), 服务对象满意度指标 after it the level."""
    text = ("一级指标\n二级指标\n三级指标\n年度指标值\n实际完成值\n分值\n得分\n"
            "满意度指标\n服务对象满意度\n≥90%\n96.2%\n8\n8\n服务对象满意度指标\n老年人家属满意度\n≥85%\n91%\n6\n6\n")
    got = slots_by_name(run_text(text, "x"))
    assert got["服务对象满意度"] == ("≥90%", "96.2%", "8", "8")
    assert got["老年人家属满意度"] == ("≥85%", "91%", "6", "6")


def test_a_name_wrapped_after_the_row_before_s_score_is_no_reason_cell():
    """A cell per line with a reason column after 得分: a name wrapped over two lines right after the row before's
    score (危旧桥梁改造 / 座数 / 6座 …) is one name, not a reason of the row before and a name 座数; a reason written
    as a sentence still is one."""
    text = ("一级指标\n二级指标\n三级指标\n年度指标值\n实际完成值\n分值\n得分\n偏差原因分析及改进措施\n"
            "产出指标\n数量指标\n农村公路提质改造\n里程\n≥85公里\n86.4公里\n8\n8\n"
            "危旧桥梁改造\n座数\n6座\n6座\n5\n5\n"
            "加装电梯\n≥15部\n12部\n4\n3\n部分单元居民意见未统一，3部电梯延至下年实施。\n"
            "新增停车位\n300-400个\n356个\n4\n4\n")
    got = slots_by_name(run_text(text, "x"))
    assert got["危旧桥梁改造\n座数"] == ("6座", "6座", "5", "5")
    assert got["新增停车位"] == ("300-400个", "356个", "4", "4")
    assert not any(name.startswith("部分单元") for name in got)


def test_a_departments_budget_row_is_its_forms_total_line():
    """部门整体支出绩效自评表: 部门预算资金 opens the table of 部门预算执行情况 with the points; it is the total line
    年度资金总额, its parts 基本支出 and 项目支出 lines of their own."""
    text = ("部门预算执行情况（万元）\n年初预算数全年预算数全年执行数执行率分值得分\n"
            "部门预算资金4861.205327.945186.3797.34%109.73\n基本支出1765.431822.061822.06100%\n"
            "项目支出3095.773505.883364.3195.96%\n")
    got = dict(fund_lines(run_text(text, "f")))
    assert got["年度资金总额"] == {"budget_initial": "4861.20", "budget": "5327.94", "spent": "5186.37", "rate": "97.34%",
                                "weight": "10", "score": "9.73"}
    assert got["项目支出"]["spent"] == "3364.31"


def test_a_pipe_fund_header_wrapped_onto_the_captions_row_is_one_header():
    """| | | 年初 | 全年 | 资金 | 全年 | … over | 项目资金（万元） | | 预算数 | 预算数 | 到位数 | 执行数 | …: the caption's cell on
    the row of the heads' rest leaves it a header's rest (the heads 年初预算数 … 全年执行数), not a fund row."""
    text = ("| | | 年初 | 全年 | 资金 | 全年 | 分值 | 执行率 | 得分 |\n"
            "| 项目资金（万元） | | 预算数 | 预算数 | 到位数 | 执行数 | | | |\n"
            "| | 年度资金总额 | 520 | 560 | 560 | 548.80 | 10 | 98.00% | 9.8 |\n"
            "| | 其中：中央补助资金 | 300 | 340 | 340 | 336.60 | | 99.00% | |\n")
    got = dict(fund_lines(run_text(text, "f")))
    assert got["年度资金总额"] == {"budget_initial": "520", "budget": "560", "received": "560", "spent": "548.80",
                                "weight": "10", "rate": "98.00%", "score": "9.8"}
    assert got["中央补助资金"] == {"budget_initial": "300", "budget": "340", "received": "340", "spent": "336.60",
                                "rate": "99.00%"}


def test_a_fund_head_of_two_lines_wrapped_around_the_others_is_one_head():
    """A cell per line as pdfplumber prints a taller head cell: 资金到位 before the others, 数 after the last (得分);
    资金到位数 is the received column, between 全年预算数 and 全年执行数 as the form orders them."""
    text = ("资金到位\n年初预算数\n全年预算数\n全年执行数\n分值\n执行率\n得分\n数\n项目资金（万元）\n"
            "年度资金总额\n3420.5\n3518.9\n3518.9\n3406.72\n10\n96.81%\n9.68\n")
    got = dict(fund_lines(run_text(text, "f")))
    assert got["年度资金总额"] == {"budget_initial": "3420.5", "budget": "3518.9", "received": "3518.9",
                                "spent": "3406.72", "weight": "10", "rate": "96.81%", "score": "9.68"}


def test_a_fund_table_printed_column_by_column_after_its_labels():
    """The row labels, then each column's head and as many cells (年初预算数 / 640 / 640 / 0 / — / 全年预算数 / …), a
    cell per line: fund lines by the labels' order, a dash an empty cell."""
    text = ("项目资金（万元）\n年度资金总额\n其中：财政拨款\n上年结转资金\n其他资金\n"
            "年初预算数\n640\n640\n0\n—\n全年预算数\n700\n640\n60\n—\n全年执行数\n684.5\n628.3\n56.2\n—\n"
            "分值\n10\n—\n—\n—\n执行率\n97.79%\n98.17%\n93.67%\n—\n得分\n9.8\n—\n—\n—\n一级指标\n")
    got = dict(fund_lines(run_text(text, "f")))
    assert got["年度资金总额"] == {"budget_initial": "640", "budget": "700", "spent": "684.5", "weight": "10",
                                "rate": "97.79%", "score": "9.8"}
    assert got["上年结转资金"] == {"budget_initial": "0", "budget": "60", "spent": "56.2", "rate": "93.67%"}


def test_a_page_mark_between_two_headed_columns_is_no_cell():
    """A performance table printed column by column, each column after its head, a page's number (— 1 —) after the
    last column of the first page: the scores keep their rows."""
    text = ("三级指标\n补贴性职业技能培训人次\n培训合格率\n年度指标值\n≥4500人次\n≥85%\n实际完成值\n4736人次\n88.3%\n"
            "分值\n15\n10\n得分\n15\n9\n— 1 —\n一级指标\n效益指标\n")
    got = slots_by_name(run_text(text, "x"))
    assert got["培训合格率"] == ("≥85%", "88.3%", "10", "9")


def test_a_table_printed_column_by_column_keeps_its_total_row_apart():
    """Every level name, then every name, then the targets, actuals, points and scores column by column, and the
    total row 总分 100 98.8 last: the columns are read, the total a row of its own (it was a name among the values,
    and no row was read)."""
    text = ("一级指标\n二级指标\n三级指标\n年度指标值\n实际完成值\n分值\n得分\n产出指标\n效益指标\n数量指标\n社会效益指标\n"
            "购置医疗设备数量\n培训基层医务人员\n基层门急诊人次增长率\n≥45台\n≥260人次\n≥5%\n48台\n274人次\n6.8%\n"
            "40\n30\n30\n40\n30\n28.8\n总分\n100\n98.8\n")
    got = slots_by_name(run_text(text, "x"))
    assert got["培训基层医务人员"] == ("≥260人次", "274人次", "30", "30")
    assert got["基层门急诊人次增长率"] == ("≥5%", "6.8%", "30", "28.8")


def test_level_names_among_a_headed_name_column_make_no_rows():
    """Each column after its head, the level names printed among the names as merged cells are read in order
    (数量指标 / 新建旅游厕所 / 产出指标 / 设置旅游标识标牌 / …): the names keep their columns' cells in turn."""
    text = ("三级指标\n数量指标\n新建旅游厕所\n产出指标\n设置旅游标识标牌\n质量指标\n旅游设施验收合格率\n"
            "年度指标值\n≥8座\n≥120块\n100%\n实际完成值\n8座\n126块\n100%\n分值\n10\n10\n10\n得分\n10\n10\n9\n")
    got = slots_by_name(run_text(text, "x"))
    assert got["设置旅游标识标牌"] == ("≥120块", "126块", "10", "10")
    assert got["旅游设施验收合格率"] == ("100%", "100%", "10", "9")


def test_an_actual_column_one_cell_short_skips_the_row_of_the_deadline():
    """Each column after its head, the date actual of the one deadline target left out (2023年11月底前): the actuals
    skip its row instead of the column being dropped."""
    text = ("三级指标\n新建村级便民桥梁\n铺设人行步道\n桥梁工程竣工时间\n验收合格率\n"
            "年度指标值\n≥14座\n≥420延米\n2023年11月底前\n100%\n实际完成值\n14座\n436延米\n100%\n"
            "分值\n15\n10\n10\n15\n得分\n15\n10\n8\n15\n")
    got = slots_by_name(run_text(text, "x"))
    assert got["验收合格率"] == ("100%", "100%", "15", "15")
    assert got["桥梁工程竣工时间"] == ("2023年11月底前", None, "10", "8")


@pytest.mark.parametrize("text, name, slots", [
    # a reason of one character or a short one (无, 资金拨付滞后) before the next name is the row before's, no first line
    ("一级指标\n二级指标\n三级指标\n年度指标值\n实际完成值\n分值\n得分\n偏差原因分析及改进措施\n产出指标\n数量指标\n新建村级文化广场\n"
     "≥12个\n12个\n10\n10\n无\n新增停车位\n300个\n356个\n10\n10\n", "新增停车位", ("300个", "356个", "10", "10")),
    ("一级指标\n二级指标\n三级指标\n年度指标值\n实际完成值\n分值\n得分\n偏差原因分析及改进措施\n产出指标\n数量指标\n新建村级文化广场\n"
     "≥12个\n12个\n10\n10\n资金拨付滞后\n新增停车位\n300个\n356个\n10\n10\n", "新增停车位", ("300个", "356个", "10", "10")),
    ("一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 产出指标 数量指标 新建高标准农田面积 "
     "≥2.5万亩 2.5万亩 15 15 征地协调滞后 新建灌排渠道 ≥48公里 50.2公里 10 10\n", "新建灌排渠道", ("≥48公里", "50.2公里", "10", "10")),
    # a name printed above its level cells: moved after them first, so the level word before the values stays a level
    ("一级指标\n二级指标\n三级指标\n年度指标值\n实际完成值\n分值\n得分\n产出指标\n数量指标\n新建农村公路里程\n≥50公里\n52公里\n10\n10\n"
     "农村客运班车通达率\n效益指标\n社会效益\n100%\n100%\n10\n10\n", "农村客运班车通达率", ("100%", "100%", "10", "10")),
    # pdftotext -layout, values on a name's first line: a short piece below is the row above's tail, not the next name's
    ("  一级指标    二级指标    三级指标            年度指标值    实际完成值    分值    得分\n"
     "  产出指标    数量指标    新建农村公路        ≥50公里       52公里        10      10\n"
     "                          里程\n"
     "                          改造危桥            ≥6座          6座           10      10\n", "改造危桥", ("≥6座", "6座", "10", "10")),
    # … and a name of two characters that is a word (工期) is no tail to replace
    ("  一级指标    二级指标    三级指标            年度指标值    实际完成值    分值    得分\n"
     "  产出指标    数量指标    新建农村            ≥50公里       52公里        10      10\n"
     "                          公路里程\n"
     "              时效指标    工期                ≤180天        175天         10      10\n", "工期", ("≤180天", "175天", "10", "10")),
    # a rank (全省第3名) under 实际完成值 is no count cut out of its words
    ("一级指标\n二级指标\n三级指标\n年度指标值\n实际完成值\n分值\n得分\n效益指标\n社会效益指标\n全市考核排名\n前5名\n全省第3名\n10\n10\n",
     "全市考核排名", ("前5名", "全省第3名", "10", "10")),
])
def test_inputs_a_review_of_this_sessions_rules_found_read_wrong(text, name, slots):
    assert slots_by_name(run_text(text, "x"))[name] == slots


def test_a_date_among_the_actuals_puts_no_gap_at_the_deadlines_row():
    """Each column after its head, the deadline's date actual printed and another row's actual left out: the gap is
    not the deadline's, so no row takes another's actual (the column is not read)."""
    text = ("三级指标\n新建村级便民桥梁\n桥梁工程竣工时间\n工程验收合格率\n群众满意度\n年度指标值\n≥14座\n2023年11月底前\n100%\n"
            "≥90%\n实际完成值\n14座\n2023年11月\n100%\n分值\n15\n10\n15\n10\n得分\n15\n10\n15\n0\n")
    got = slots_by_name(run_text(text, "x"))
    assert got.get("群众满意度", (None, None))[1] is None


@pytest.mark.parametrize("values", [
    # each block's values row by row …
    "≥6处\n6处\n10\n10\n≥85公里\n88.4公里\n10\n9\n",
    # … or column by column
    "≥6处\n≥85公里\n6处\n88.4公里\n10\n10\n10\n9\n",
])
def test_a_table_printed_block_by_block_reads_each_blocks_names_and_values(values):
    """Each group's level names, its names, then its values; the total row last: every name takes its row."""
    text = ("一级指标\n二级指标\n三级指标\n年度指标值\n实际完成值\n分值\n得分\n产出指标\n数量指标\n新建集中供水工程\n铺设供水管网\n"
            f"{values}质量指标\n水质检测合格率\n工程验收合格率\n≥95%\n97.5%\n10\n10\n100%\n100%\n10\n10\n总分\n40\n39\n")
    got = slots_by_name(run_text(text, "x"))
    assert got["铺设供水管网"] == ("≥85公里", "88.4公里", "10", "9")
    assert got["工程验收合格率"] == ("100%", "100%", "10", "10")
