"""Goal cells: where a form states the year's goals in words, and where it says what was achieved.

A self-evaluation form writes its overall goal as a row of text cells: ``年度总体目标 | 预期目标 |
实际完成情况`` over the goal as planned and the goal as achieved (GUIDELINES 91: values in the goal are
TARGETs, values in the 完成情况 are actuals). This module finds those cells, part of the layout stage:
a cluster of goal and achieved heads (``[goal_cells]`` of ``data/tables.toml``), then the text after it
up to the next table or a stop word, cut into the goal cell and the achieved cell at the first cell
boundary (a ``|``, a blank line, a break after a sentence end, a list that starts again). A cluster
without an achieved head after its goal head has one cell: all of it is the goal. The result is
``Document.goals``, with the prose sections headed as the goals ((二)项目绩效目标: :func:`goal_sections`);
:func:`extract.link.prose_goals` reads it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .document import Cell, Table
from .lexicon import load_data
from .textview import TextView, loose, view_of


def _config() -> dict:
    return load_data("tables.toml")["goal_cells"]


@lru_cache(maxsize=1)
def _head_re() -> tuple[re.Pattern[str], dict[str, str]]:
    cfg = _config()
    role_of = {**{w: "goal" for w in cfg["goal"]}, **{w: "achieved" for w in cfg["achieved"]}}
    alts = sorted(role_of, key=len, reverse=True)
    return re.compile("|".join(f"(?:{loose(w)})" for w in alts)), role_of


@lru_cache(maxsize=1)
def _stop_re() -> re.Pattern[str]:
    cfg = _config()
    return re.compile("|".join([*(loose(w) for w in cfg["stop"]), *cfg["stop_patterns"]]))


#: what may stand between two heads of one cluster: separators, a row's list number (1.项目年度目标完成情况)
_BETWEEN_HEADS = re.compile(r"[\s|｜:：]*(?:\d+\s*[.．、]\s*)?")
#: what may follow a head cluster: the body's first cell (not a word that goes on a sentence: 总体目标、保障对象)
_NOT_A_CELL = re.compile(r"\s*[、，,的和及与]")
#: a list item's number at the start of a line or after a sentence end: 1. 1、 1: (1) 目标1: 一是
_ITEM = re.compile(r"\s*(?:目标\s*)?(?:(\d{1,2})\s*[.．、:：)）](?!\d)|[(（](\d{1,2})[)）])")
_SENTENCE_END = "。；;"


def goal_cells(text: str, view: TextView | None = None, tables: list[Table] | None = None) -> list[tuple[str, Cell]]:
    """The goal and achieved cells of the form's goal rows, as ``(role, cell)`` in text order."""
    view = view or view_of(text)
    pattern, role_of = _head_re()
    reach = int(_config()["reach"])
    table_starts = sorted(t.start for t in tables or [] if t.kind in ("performance", "fund"))
    heads = []
    for m in pattern.finditer(view.norm):
        s, e = view.span(m.start(), m.end())
        heads.append((s, e, role_of[re.sub(r"\s+", "", m.group(0))]))
    out: list[tuple[str, Cell]] = []
    n = 0
    while n < len(heads):
        cluster = [heads[n]]
        while n + 1 < len(heads) and _BETWEEN_HEADS.fullmatch(text, cluster[-1][1], heads[n + 1][0]):
            n += 1
            cluster.append(heads[n])
        n += 1
        goals = [i for i, h in enumerate(cluster) if h[2] == "goal"]
        if not goals or _NOT_A_CELL.match(text, cluster[-1][1]) or out and out[-1][1].end > cluster[0][0] \
                or not _a_row(text, cluster):
            continue
        two = any(h[2] == "achieved" for h in cluster[goals[-1] + 1:])
        start = cluster[-1][1]
        later = [h[0] for h in heads[n:]]  # the next row of heads (实际完成情况 under the goal's row)
        end = min([start + reach, len(text), *(s for s in table_starts if s > start), *later[:1]])
        stop = _stop_re().search(text, start, end)
        end = stop.start() if stop else end
        for role, (a, b) in zip(("goal", "achieved"), _cells(text, start, end, two)):
            cell = _trimmed(text, a, b)
            if cell.text:
                out.append((role, cell))
    return out


def goal_sections(text: str) -> list[tuple[str, Cell]]:
    """Sections of prose headed as the goals (（二）项目绩效目标, 2.年度绩效目标; not 绩效目标完成情况 nor
    绩效目标分解下达情况): from the heading's end to the next heading of the same or a higher rank, as
    ``("section", cell)``: its counts and rates are TARGETs (a sum of money there describes the project)."""
    cfg = _config()
    heading = re.compile(cfg["section_heading"], re.M)
    out = []
    for m in heading.finditer(text):
        title = m.group("title")
        if not re.search(cfg["section_words"], title) or re.search(cfg["section_not"], title):
            continue
        rank = _rank(m.group("mark"))
        end = len(text)
        for n in heading.finditer(text, m.end()):
            if _rank(n.group("mark")) <= rank:
                end = n.start()
                break
        cell = _trimmed(text, m.end(), min(end, m.end() + int(cfg["section_reach"])))
        if cell.text:
            out.append(("section", cell))
    return out


def _rank(mark: str) -> int:
    """The rank of a heading's number: 一、 0; （一） 1; 1. 2; （1） 3."""
    mark = mark.strip()
    if re.match(r"[一二三四五六七八九十]+、", mark):
        return 0
    if re.match(r"[（(][一二三四五六七八九十]+[)）]", mark):
        return 1
    if re.match(r"\d+[.、．]", mark):
        return 2
    return 3


def _a_row(text: str, cluster: list[tuple[int, int, str]]) -> bool:
    """Whether a cluster of heads is a form's row, not words of a sentence (确定的年度目标任务): two heads or more,
    one head written as a cell (separators or line breaks around it), or one head as long as a form's row label
    (年度总体目标, glued to its neighbours in a glued table)."""
    if len(cluster) >= 2:
        return True
    s, e, _ = cluster[0]
    if len(re.sub(r"\s+", "", text[s:e])) >= int(_config()["glued_min"]):
        return True
    return (s == 0 or text[s - 1] in _CELL_EDGE) and (e == len(text) or text[e] in _CELL_EDGE)


#: what stands at the edge of a cell: separators, line breaks, a field's colon
_CELL_EDGE = " \t\n|｜:："


def _cells(text: str, start: int, end: int, two: bool) -> list[tuple[int, int]]:
    """The goal cell (and the achieved cell when ``two``) of a body ``text[start:end]``: one cell ends at a
    separator (:data:`_HARD`); a goal cell before an achieved one also where the achieved text begins
    (:func:`_boundary`)."""
    i = start
    while i < end and text[i] in " \t\n|｜":
        i += 1  # the separators before the first cell
    cut = _boundary(text, i, end) if two else _HARD.search(text, i, end)
    if cut is None:
        return [(i, end)]
    a, b = cut.span() if isinstance(cut, re.Match) else cut
    if not two:
        return [(i, a)]
    done = _HARD.search(text, b, end)
    return [(i, a), (b, done.start() if done else end)]


#: a cell separator inside a body: a bar, a blank line, or spaces between words (cells of a row written with
#: spaces: 生活质量。 截至2023年), not spaces beside a number (2021 年底, 稳定在 85%)
_HARD = re.compile(r"[|｜]|\n[ \t]*\n|(?<=[\u4e00-\u9fff，。；,;:：）)])[ \t]+(?=[\u4e00-\u9fff(（]|\d{1,2}\s*[.．、:：](?!\d))")


def _boundary(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a goal cell ends and the achieved cell begins: a bar or a blank line; spaces between words or a
    line break after a sentence end, unless the next list item follows (目标1：…。 目标2：…); a list whose
    numbering starts again (目标1 … 目标4 | 目标1)."""
    for m in _CANDIDATE.finditer(text, start, end):
        a, b = m.span()
        if a == start:
            continue
        if _BAR_OR_BLANK.fullmatch(m.group(0)):
            return a, b
        item = _ITEM.match(text, b)
        number = int(item.group(1) or item.group(2)) if item else None
        prev = _last_item_before(text, start, a)
        if number is not None and prev is not None:
            if number <= prev:
                return a, b  # the achieved list begins
            continue  # the list goes on
        if _HARD.fullmatch(text, a, b) or text[a - 1] in _SENTENCE_END:
            return a, b
    return None


#: where a goal cell may end: a separator (:data:`_HARD`) or a line break
_CANDIDATE = re.compile(_HARD.pattern + r"|\n[ \t]*")
_BAR_OR_BLANK = re.compile(r"[|｜]|\n[ \t]*\n")


def _last_item_before(text: str, start: int, pos: int) -> int | None:
    """The number of the last list item that starts a line or a sentence in ``text[start:pos]``."""
    last = None
    for m in re.finditer(r"(?:^|(?<=[\n。；;]))", text[start:pos]):
        item = _ITEM.match(text, start + m.start(), pos)
        if item:
            last = int(item.group(1) or item.group(2))
    return last


def _trimmed(text: str, a: int, b: int) -> Cell:
    while a < b and text[a] in " \t\n|｜":
        a += 1
    while b > a and text[b - 1] in " \t\n|｜":
        b -= 1
    return Cell(a, b, text[a:b])
