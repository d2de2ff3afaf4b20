"""The level names of the indicator hierarchy and the one tracker that carries them down."""

from __future__ import annotations

import pytest

from extract.levels import LevelTracker, cell_levels, levels_in


@pytest.mark.parametrize("cell, levels", [
    ("产出指标", ("产出指标", None)),
    ("数量指标", (None, "数量指标")),
    ("数量", (None, "数量指标")),
    ("产 出 指 标 (50分)", ("产出指标", None)),
    ("经济效益 指标", (None, "经济效益指标")),
    ("成本指标", (None, "成本指标")),
    ("产出数量指标", (None, "产出数量指标")),  # one level-2 cell, not 产出数量 and a stray 指标
    ("培训合格率", None),
])
def test_cell_levels(cell, levels):
    assert cell_levels(cell) == levels


def test_levels_in_text_takes_the_last_of_each():
    assert levels_in("一、产出指标（一）数量指标 … （二）质量指标") == ("产出指标", "质量指标")


def test_tracker_carries_levels_down_and_fills_level1():
    t = LevelTracker()
    t.see("产出指标", None)
    assert (t.level1, t.level2) == ("产出指标", None)
    t.see(None, "质量指标")
    assert (t.level1, t.level2) == ("产出指标", "质量指标")
    t.see(None, "社会效益指标")  # a level-2 name of another category brings its level 1
    assert (t.level1, t.level2) == ("效益指标", "社会效益指标")
    t.see("满意度指标", None)  # a new level 1 clears level 2
    assert (t.level1, t.level2) == ("满意度指标", None)
    t.see_text("项目决策")
    assert t.level1 == "项目决策"


def test_the_same_level_1_again_keeps_the_level_2_of_its_group():
    """A merged 一级指标 cell printed in the middle of its rows (or repeated): its group's level 2 goes on."""
    from extract.levels import LevelTracker
    t = LevelTracker()
    t.see("产出指标", "数量指标")
    t.see("产出指标", None)
    assert (t.level1, t.level2) == ("产出指标", "数量指标")
    t.see("效益指标", None)
    assert (t.level1, t.level2) == ("效益指标", None)
