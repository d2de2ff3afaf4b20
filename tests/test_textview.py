"""Text views: the reading copy of a report and the map back to its text as written."""

from __future__ import annotations

import pytest

from extract.pipeline import run_text
from extract.textview import reading_copy


@pytest.mark.parametrize("written, reads", [
    ("全年执\u2f8f数", "全年执行数"),                 # a Kangxi radical of a PDF font
    ("≥95&#37;，&ge;90&#x25;", "≥95%，≥90%"),         # character references of a web page
    ("120&nbsp;万元", "120 万元"),
    ("3\u200b00万元\u00ad", "300万元"),              # invisible characters
    ("A&B &unknownname; &#1;", "A&B &unknownname; &#1;"),  # no reference, or a control character: as written
])
def test_reading_copy_reads_what_is_meant(written, reads):
    copy = reading_copy(written)
    assert (copy.norm if copy else written) == reads


def test_reading_copy_maps_every_span_back_to_the_text_as_written():
    written = "资金执行率&ge;95&#37;，支出1\u200b20&nbsp;万元"
    copy = reading_copy(written)
    a = copy.norm.index("≥95%")
    assert written[slice(*copy.span(a, a + 4))] == "&ge;95&#37;"
    b = copy.norm.index("120 万元")
    assert written[slice(*copy.span(b, b + 6))] == "1\u200b20&nbsp;万元"
    assert reading_copy("没有要换的字") is None


@pytest.mark.parametrize("written, clean", [
    ("| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
     "| 产出指标 | 质量指标 | 设备验收合格率 | &#8805;95&#37; | 98&#37; | 10 | 1\u200b0 |\n",
     "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
     "| 产出指标 | 质量指标 | 设备验收合格率 | ≥95% | 98% | 10 | 10 |\n"),
])
def test_a_report_with_references_reads_like_its_clean_twin(written, clean):
    def facts(doc):
        by = doc.entity_by_id()
        return sorted((r.slot, by[r.head].attrs.get("level2"), by[r.tail].label, by[r.tail].attrs.get("value"),
                       by[r.tail].attrs.get("comparator")) for r in doc.relations)

    got = run_text(written, "w")
    assert facts(got) == facts(run_text(clean, "c"))
    assert all(written[e.start:e.end] == e.text for e in got.entities)
    assert {e.text for e in got.entities if e.label == "TARGET"} == {"&#8805;95&#37;"}


@pytest.mark.parametrize("written, unified", [
    # a PDF font's Kangxi radicals (⾏ U+2F8F, ⼈ U+2F08, ⾦ U+2FA6): the fund columns, the unit, the row label
    ("项目资金（万元）\n年初预算数 | 全年预算数 | 全年执\u2f8f数 | 执\u2f8f率\n年度资\u2fa6总额 | 2350.6 | 2410.8 | 2398.12 | 99.47%\n"
     "全年培训6.8万\u2f08次。\n",
     "项目资金（万元）\n年初预算数 | 全年预算数 | 全年执行数 | 执行率\n年度资金总额 | 2350.6 | 2410.8 | 2398.12 | 99.47%\n"
     "全年培训6.8万人次。\n"),
])
def test_look_alike_han_characters_read_as_the_ideographs_they_stand_for(written, unified):
    def facts(doc):
        by = doc.entity_by_id()
        return ([(e.label, e.start, e.end, e.attrs) for e in doc.entities],
                [(f.line, {k: by[v].attrs.get("yuan") for k, v in f.cells.items() if v}) for f in doc.funds])

    got, want = run_text(written, "w"), run_text(unified, "u")
    assert facts(got) == facts(want)
    assert [f for f in facts(got)[1] if f[1]]  # the fund line is read, with its amounts
    assert all(written[e.start:e.end] == e.text for e in got.entities)  # the output quotes the text as written
    assert any(e.text == "6.8万\u2f08次" and e.attrs["unit"] == "人次" for e in got.entities)


@pytest.mark.parametrize("written, normal", [
    ("數(shù)量指標", "数量指标"),
    ("年初預（yù）算數", "年初预算数"),      # a full-width gloss
    ("分（fēn）值", "分值"),
    ("里程(km)", "里程(km)"),               # no vowel: a unit in brackets, no gloss
])
def test_a_mirrors_pinyin_glosses_are_no_part_of_a_word(written, normal):
    from extract.textview import normalize

    assert normalize(written) == normal


def test_a_word_pattern_reads_over_glosses():
    import re

    from extract.textview import loose

    assert re.fullmatch(loose("数量指标", glossed=True), "数(shù)量指标")
    assert re.fullmatch(loose("预算数", glossed=True), "预（yù）算数")
    assert not re.fullmatch(loose("数量指标"), "数(shù)量指标")  # the normalized view's patterns: no gloss
