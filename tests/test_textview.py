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
    assert (copy.text if copy else written) == reads


def test_reading_copy_maps_every_span_back_to_the_text_as_written():
    written = "资金执行率&ge;95&#37;，支出1\u200b20&nbsp;万元"
    copy = reading_copy(written)
    a = copy.text.index("≥95%")
    assert written[slice(*copy.span(a, a + 4))] == "&ge;95&#37;"
    b = copy.text.index("120 万元")
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
