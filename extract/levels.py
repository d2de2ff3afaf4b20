"""Levels: the 一级 / 二级指标 categories of the indicator hierarchy.

Owns the level names of ``data/tables.toml`` (产出指标, 数量指标, 经济效益 …, with the
level-1 category of each level-2 name), reading them where they are written (a table cell,
a run of text, spaced or broken over lines), and the one :class:`LevelTracker` that carries
the categories down the rows below them (merged cells) or along a paragraph of prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import load_data
from .textview import loose, normalize, traditional

#: a category's points in brackets after its name: 产出指标(50分)
_POINTS = re.compile(r"[(（][^()（）]*[)）]\s*$")


def level_words() -> dict[str, list[str]]:
    return load_data("tables.toml")["levels"]


def level1_of() -> dict[str, str]:
    """The level-1 category of each level-2 name (数量指标 → 产出指标)."""
    return load_data("tables.toml")["level1_of"]


@lru_cache(maxsize=1)
def level_re() -> re.Pattern[str]:
    """Any level name, in simplified or traditional characters, spaces or line breaks allowed inside it."""
    lv = level_words()
    simplified = set(lv["level1"]) | set(lv["level2"])
    words = simplified | {traditional(w) for w in simplified}
    # a long level-2 cell wrapped before its last character, 标 printed after the row's values
    # (服务对象满意度指 | 受益群众满意度≥90%… / 标)
    cut = {w[:-1] for w in lv["level2"] if len(w) >= 6 and w.endswith("指标")}
    cut |= {traditional(w) for w in cut}
    # a level-2 name listed without 指标, written with it (产出数量指标)
    suffixed = {w + "指标" for w in lv["level2"] if not w.endswith("指标") and w + "指标" not in simplified}
    suffixed |= {traditional(w) for w in suffixed}
    alts = sorted([(w, loose(w, glossed=True)) for w in words | suffixed]
                  + [(w, loose(w, glossed=True) + r"(?!\s{0,3}[标標数數导導引南])") for w in cut],
                  key=lambda x: len(x[0]), reverse=True)
    return re.compile("|".join(p for _, p in alts))


def _squash(s: str) -> str:
    """A level name as listed: no spaces, simplified characters (數量指標 → 数量指标)."""
    return normalize(re.sub(r"\s+", "", s))


def levels_in(text: str) -> tuple[str | None, str | None]:
    """The last level-1 and level-2 names written in ``text`` (spaces inside removed)."""
    lv = level_words()
    l1 = l2 = None
    for m in level_re().finditer(text):
        w = _squash(m.group(0))
        w = w + "标" if w.endswith("指") and w + "标" in lv["level2"] else w  # 服务对象满意度指 / 标: wrapped
        if w.endswith("指标") and w[:-2] in lv["level2"] and w not in lv["level2"]:
            l2 = w  # 产出数量指标: a listed name written with 指标, as written
            continue
        if w in lv["level2"] and not (w in lv["level1"] and l1 is None and w == "成本指标"):
            l2 = w + "指标" if w + "指标" in lv["level2"] else w  # 经济效益 → 经济效益指标; 资金管理 stays
        if w in lv["level1"] and w not in lv["level2"]:
            l1 = w
    return l1, l2


def cell_levels(text: str) -> tuple[str | None, str | None] | None:
    """The levels a table cell names when the whole cell is a level name (产出指标(40分), 数量 指标); else None."""
    core = _POINTS.sub("", _squash(text))
    lv = level_words()
    if core in lv["level1"] or core in lv["level2"]:
        return levels_in(core) if core not in ("成本指标",) else (None, "成本指标")
    if core + "指标" in lv["level2"]:
        return levels_in(core + "指标")  # 数量 → 数量指标
    if core.endswith("指标") and core[:-2] in lv["level2"]:
        return None, core  # 产出数量指标: a listed name written with 指标, as written
    return None


def points_heading(text: str) -> str | None:
    """The category a table cell heads by the points it carries (决策(20分), 项目立项(10分) → 决策, 项目立项): a
    short name that is no level name of tables.toml, with its points in brackets; None otherwise. Such a cell
    is a level of the hierarchy (an evaluation framework's), its rank given by its column."""
    m = _POINTS_HEADING.fullmatch(_squash(text))
    if not m or re.match(load_data("tables.toml")["names"]["total_rows"], m.group(1)):
        return None  # 总分(100分): the form's total row
    return m.group(1)


#: a short Han name and its points: 决策(20分), 产出（40分）
_POINTS_HEADING = re.compile(r"([\u4e00-\u9fff]{2,8})[(（]\d+(?:\.\d+)?分[)）]")


@dataclass
class LevelTracker:
    """The current level-1 / level-2 categories, updated by each level name met in reading order.

    A new level-1 name clears level 2 (the same one again does not: a merged cell repeated, or printed in the
    middle of its rows); a level-2 name sets level 1 to what is written with it,
    or to its category's level 1 (数量指标 → 产出指标), or keeps the current one.
    """

    level1: str | None = None
    level2: str | None = None

    def see(self, l1: str | None, l2: str | None) -> None:
        if l1 and l1 != self.level1:
            self.level1, self.level2 = l1, None  # (the same level 1 again, a merged cell printed mid-group, keeps level 2)
        if l2:
            self.level2, self.level1 = l2, l1 or level1_of().get(l2, self.level1)

    def see_text(self, text: str) -> None:
        """Update from every level name written in ``text``."""
        self.see(*levels_in(text))

    def see_name(self, name: str, next_is_level: bool) -> None:
        """Update from one level name read in a row of glued cells. A name that is a level 1 in some forms
        and a level 2 in others (成本指标) is a level 1 when another level name follows it directly or the
        current level 1 is none it stands under (tables.toml level2_under), else a level 2 under it."""
        w = _squash(name)
        lv = level_words()
        if w in lv["level1"] and w in lv["level2"]:
            parents = lv.get("level2_under", {}).get(w)
            if w == self.level1 and not next_is_level:
                self.level2 = w  # 满意度指标 | 满意度指标: the level 1 written again as its level 2
            elif next_is_level or self.level1 is None or parents is not None and self.level1 not in parents:
                self.see(w, None)
            else:
                self.level2 = w
            return
        self.see_text(name)
