"""Prose links: which value in running text belongs to which indicator, and in which slot.

Tables are read by :mod:`extract.tables`; this module links what is left, the indicators
and values of prose. :func:`link_prose` is the rule: an INDICATOR and the value right after
it, when only linking words (达到, 为, 支出 … in ``data/indicators.toml``) stand between
them (a trained alternative is :mod:`extract.relations`). :func:`assign_prose_levels`
gives a prose indicator the level names written before it in its paragraph. Last,
:func:`drop_unlinked_indicators` removes the INDICATOR spans no value was linked to: an
INDICATOR names an indicator *whose value is reported* (ANNOTATION.md; nearly all gold
indicators have a linked value), so a name left without one is most often a false span;
and :func:`drop_loose_amounts` removes bare numbers a tagger called MONEY that nothing placed.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .document import Document, Entity, Relation, Span
from .levels import LevelTracker
from .lexicon import load_data
from .schema import SLOT_TAILS
from .tagger.trim import CONJUNCTION, trim_indicator
from .textview import GLOSS, GLOSS_BODY
from .values import parse_value, value_label

#: how many characters may stand between a prose indicator and its value
MAX_GAP = 6


@lru_cache(maxsize=1)
def _gap_re() -> re.Pattern[str]:
    """What may stand between an indicator and its value in prose: a linking word, colons, spaces; or a field's
    colon and the bars of its cells (项目总金额: | 556万元)."""
    words = sorted(load_data("indicators.toml")["linking"]["words"], key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(rf"^(?:[\s:：]*(?:{alt})?[\s:：]*|[:：][\s|｜]*)$")


def link_prose(doc: Document, max_gap: int = MAX_GAP) -> list[Relation]:
    """Relations from each prose INDICATOR to the value right after it (slot by the value's label)."""
    ents = sorted(doc.entities, key=lambda e: (e.start, e.end))
    taken = {r.tail for r in doc.relations} | {r.head for r in doc.relations}
    rels = []
    for i, ind in enumerate(ents):
        if ind.label != "INDICATOR" or ind.id in taken or ind.attrs.get("table_row"):
            continue
        for nxt in ents[i + 1:i + 2]:
            if nxt.label == "INDICATOR" or nxt.id in taken:
                continue
            gap = doc.text[ind.end:nxt.start]
            if len(gap) <= max_gap and _gap_re().match(gap):
                slot = "target" if nxt.label == "TARGET" else "actual"
                if nxt.label in SLOT_TAILS[slot]:
                    rels.append(Relation(ind.id, nxt.id, slot))
                    taken.add(nxt.id)
    return rels


def prose_slot_cues(doc: Document) -> list[Relation]:
    """Relations from column words written in prose (GUIDELINES 72): a name that ends in a target or actual
    column word (年初任务数, 全年完成值 …) loses it, and the value right after is its target (relabelled
    TARGET) or actual; a further value of the clause after another such word is linked the same way
    (…年初任务数101974人，全年完成值103119人)."""
    cues = _slot_cue_re()
    ents = sorted(doc.entities, key=lambda e: e.start)
    rels: list[Relation] = []
    for i, ind in enumerate(ents):
        if ind.label != "INDICATOR" or ind.attrs.get("table_row") or doc.in_table(ind.start):
            continue
        m = cues.search(doc.text, ind.start, ind.end)
        cut = m.start() if m else ind.start
        while cut > ind.start and doc.text[cut - 1].isspace():
            cut -= 1  # 况\n\n完成情况: the name ends before the break, not in it
        if not m or m.end() != ind.end or cut - ind.start < 2:
            continue
        ind.end, ind.text = cut, doc.text[ind.start:cut]
        owner, pos, slot = ind, m.end(), _cue_slot(m.group(0))
        for val in ents[i + 1:]:
            gap = doc.text[pos:val.start]
            if val.label == "INDICATOR" or len(gap) > MAX_GAP or not re.fullmatch(r"[\s:：,，]*", gap):
                break
            if val.label not in ("MONEY", "QUANTITY", "PERCENT", "TARGET"):
                break
            if slot == "target" and val.label != "TARGET":
                val.label, val.attrs = "TARGET", parse_value(val.text, "TARGET")
            elif slot == "actual" and val.label == "TARGET":
                break
            rels.append(Relation(owner.id, val.id, slot))
            nxt = cues.match(doc.text, val.end + len(re.match(r"[\s,，;；]*", doc.text[val.end:]).group(0)))
            if not nxt:
                break
            pos, slot = nxt.end(), _cue_slot(nxt.group(0))
    return rels


@lru_cache(maxsize=1)
def _cue_words() -> dict[str, str]:
    """Column words of a value's slot: tables.toml's target and actual header words and indicators.toml's cues."""
    tables, extra = load_data("tables.toml")["performance"], load_data("indicators.toml")["slot_cues"]
    return {w: slot for slot in ("target", "actual") for w in (*tables[slot], *extra[slot])}


@lru_cache(maxsize=1)
def _slot_cue_re() -> re.Pattern[str]:
    words = sorted(_cue_words(), key=len, reverse=True)
    return re.compile("(?:全年|年度)?(?:" + "|".join(re.escape(w) for w in words) + ")[:：]?")


def _cue_slot(cue: str) -> str:
    core = cue.rstrip(":：")
    return _cue_words().get(core) or _cue_words().get(core[2:], "actual")


def prose_goals(doc: Document) -> int:
    """Relabel as TARGET the prose values written as goals (GUIDELINES 91): in the goal cell of a form's goal
    row (``Document.goals``: 年度总体目标 | 预期目标), the counts and rates of a goal section ((二)项目绩效目标),
    or in a goal clause (项目目标：资助精神病患者服药230人):
    after a cue of ``indicators.toml [goals]``, to the end of the sentence or a stop word. A TARGET in an
    achieved cell (实际完成情况) is relabelled a value: what was achieved is no goal. Returns how many changed."""
    cfg = load_data("indicators.toml")["goals"]
    cue, stop = re.compile(cfg["cue"]), re.compile(cfg["stop"])
    n = 0
    for ent in doc.entities:
        around = [(c.end - c.start, role) for role, c in doc.goals if c.start <= ent.start and ent.end <= c.end]
        cell = min(around)[1] if around else None  # the innermost: a goal row's cell inside a goal section
        if cell == "achieved" and ent.label == "TARGET" and not doc.in_table(ent.start):
            ent.label = value_label(ent.text)
            ent.attrs = parse_value(ent.text, ent.label)
            n += 1
            continue
        if ent.label not in ("MONEY", "QUANTITY", "PERCENT") or doc.in_table(ent.start):
            continue
        start = max((m.end() for m in _SENTENCE_END.finditer(doc.text, max(0, ent.start - GOAL_REACH), ent.start)),
                    default=max(0, ent.start - GOAL_REACH))
        cues = [m.end() for m in cue.finditer(doc.text, start, ent.start)]
        in_goal = cell == "goal" or cell == "section" and ent.label != "MONEY"
        if in_goal or cues and not stop.search(doc.text, cues[-1], ent.start):
            _as_goal(doc, ent)
            n += 1
    return n


def _as_goal(doc: Document, ent: Entity) -> None:
    """Make a value a TARGET with the comparator words written against it (不少于20公里, 95%以上)."""
    text = doc.text
    before = next((w for w in _goal_words("before") if text.endswith(w, 0, ent.start)), "")
    after = next((w for w in _goal_words("after") if text.startswith(w, ent.end)), "")
    s, e = ent.start - len(before), ent.end + len(after)
    if any(o is not ent and o.start < e and s < o.end for o in doc.entities):
        s, e = ent.start, ent.end
    ent.start, ent.end, ent.text = s, e, text[s:e]
    ent.label = "TARGET"
    ent.attrs = parse_value(ent.text, "TARGET")


@lru_cache(maxsize=2)
def _goal_words(side: str) -> tuple[str, ...]:
    """Comparator words a goal's span takes in (indicators.toml [goals] comparators_before / _after)."""
    return tuple(sorted(load_data("indicators.toml")["goals"][f"comparators_{side}"], key=len, reverse=True))


#: how far back a goal cue is looked for; what ends a sentence
GOAL_REACH = 200
_SENTENCE_END = re.compile(r"[。；\n]")


def link_formula_items(doc: Document) -> list[Relation]:
    """Relations of a budget's calculation lines (测算依据: 1.维修费5次*5000=25000元): the item's name is an
    INDICATOR, its count and its total both its actuals (the price between them is no entity of it)."""
    by_span = {(e.start, e.end): e for e in doc.entities if e.label in ("QUANTITY", "MONEY")}
    linked = {r.tail: r.head for r in doc.relations}
    rels: list[Relation] = []
    for m in _FORMULA_ITEM.finditer(doc.text):
        count, total = by_span.get(m.span("count")), by_span.get(m.span("total"))
        if count is None or total is None or total.id in linked:
            continue
        span = trim_indicator(doc.text, Span("INDICATOR", *m.span("name")))
        if count.id in linked:  # the count already has this name (the tagger's): the total joins it
            head = next((e for e in doc.entities if e.id == linked[count.id]), None)
            if head is not None and (head.start, head.end) == (span.start, span.end):
                rels.append(Relation(head.id, total.id, "actual"))
            continue
        if span.end - span.start < 2 or any(e.start < span.end and span.start < e.end for e in doc.entities):
            continue
        ind = doc.add_entity("INDICATOR", span.start, span.end)
        rels += [Relation(ind.id, count.id, "actual"), Relation(ind.id, total.id, "actual")]
    return rels


#: a calculation line: name, count with its measure word, × price, = total in money
_FORMULA_ITEM = re.compile(r"(?<![\u4e00-\u9fff])(?P<name>[\u4e00-\u9fff]{2,10})(?P<count>\d+(?:\.\d+)?[\u4e00-\u9fff]{1,2})"
                           r"\s*[*×xX]\s*\d+(?:\.\d+)?\s*(?:[\u4e00-\u9fff/]{0,4})?\s*[=＝]\s*(?P<total>\d+(?:\.\d+)?\s*万?元)")


def link_list_items(doc: Document) -> list[Relation]:
    """Relations for prose values no indicator took, from the item of a list right before each
    (坡改梯25.26hm、封育治理958.81hm: the words since the last mark, trimmed like every name, become the
    INDICATOR and the value its actual, or its target for a TARGET). The item must be short, all Han characters and hold no entity;
    values inside tables are left to the table reader."""
    cfg = load_data("indicators.toml")["list_items"]
    not_end, not_start, header_words = tuple(cfg["not_end"]), tuple(cfg["not_start"]), _header_words()
    linked = {r.tail for r in doc.relations}
    ents = sorted(doc.entities, key=lambda e: e.start)
    rels: list[Relation] = []
    prev_end = 0
    for ent in ents:
        start, prev_end = prev_end, ent.end
        if ent.label not in ("MONEY", "QUANTITY", "TARGET") or ent.id in linked or doc.in_table(ent.start):
            continue
        use = _USED_FOR.match(doc.text, ent.end) if ent.label == "MONEY" else None
        if use and LIST_ITEM_MIN <= len(use.group(1)) <= LIST_ITEM_MAX + 4:
            # 省财政安排775万元用于疫苗接种补助: the sum is the actual of what it is used for
            span = trim_indicator(doc.text, Span("INDICATOR", use.start(1), use.end(1)))
            if span.end - span.start >= LIST_ITEM_MIN:
                rels.append(Relation(doc.add_entity("INDICATOR", span.start, span.end).id, ent.id, "actual"))
                continue
        after = _COUNTED_NOUN.match(doc.text, ent.end) if ent.label in ("QUANTITY", "TARGET") and _counts(ent) else None
        if after and LIST_ITEM_MIN <= len(after.group(1)) <= LIST_ITEM_MAX and not after.group(1).endswith(not_end) \
                and not after.group(1).startswith(not_start):
            # 驻局纪检组5个综合管理机构，: a count before its noun names the noun
            span = trim_indicator(doc.text, Span("INDICATOR", after.start(1), after.end(1)))
            if span.end - span.start >= LIST_ITEM_MIN and doc.text[span.start:span.end] not in header_words:
                slot = "target" if ent.label == "TARGET" else "actual"
                rels.append(Relation(doc.add_entity("INDICATOR", span.start, span.end).id, ent.id, slot))
                continue
        m = _LIST_ITEM.search(doc.text, max(start, ent.start - LIST_ITEM_REACH), ent.start)
        if not m or not LIST_ITEM_MIN <= len(_HAN.findall(m.group(1))) <= LIST_ITEM_MAX \
                or GLOSS.sub("", m.group(1)).endswith(not_end):
            continue
        span = trim_indicator(doc.text, Span("INDICATOR", m.start(1), m.end(1)))
        if span.end - span.start < LIST_ITEM_MIN or doc.text[span.start:span.end] in header_words:
            continue  # scope words only (全市), or a column word of a table (得分, 完成值)
        ind = doc.add_entity("INDICATOR", span.start, span.end)
        rels.append(Relation(ind.id, ent.id, "target" if ent.label == "TARGET" else "actual"))
    return rels


#: a sum's use written after it (775万元用于「疫苗接种补助」，), up to a mark
_USED_FOR = re.compile(r"\s*用于([\u4e00-\u9fff]+)(?=[，。；、,;：:\n]|$)")
#: the noun right after a count, up to a mark (5个「综合管理机构」，)
_COUNTED_NOUN = re.compile(r"([\u4e00-\u9fff]+)(?=[，。；、,;：:\n]|$)")


def _counts(ent: Entity) -> bool:
    """Whether a value is a count with a classifier (个, 条, 名 …: data/indicators.toml [list_items] classifiers)."""
    return (ent.attrs.get("unit") or "") in _classifiers()


@lru_cache(maxsize=1)
def _classifiers() -> frozenset[str]:
    return frozenset(load_data("indicators.toml")["list_items"]["classifiers"])


@lru_cache(maxsize=1)
def _header_words() -> frozenset[str]:
    """Every column word of the tables (data/tables.toml): no list item's name."""
    words = load_data("tables.toml")
    return frozenset(w for section in ("performance", "fund") for ws in words[section].values() for w in ws)


#: the longest and the shortest list item taken as a name (two characters are most often a word of the
#: sentence: 在建, 效益, 给予)
LIST_ITEM_MAX = int(load_data("indicators.toml")["list_items"]["longest"])
LIST_ITEM_MIN = int(load_data("indicators.toml")["list_items"]["shortest"])
#: a list item right before a value: after a mark (、，；：), Han characters only (a pinyin gloss after one
#: allowed: 便攜式應(yīng)急燈)
_LIST_ITEM = re.compile(r"(?:^|(?<=[、，；：:,;]))((?:[\u4e00-\u9fff](?:%s)?)+)$" % GLOSS_BODY)
LIST_ITEM_REACH = LIST_ITEM_MAX * 7
_HAN = re.compile(r"[\u4e00-\u9fff]")


def assign_prose_levels(doc: Document) -> None:
    """Level names written earlier in the same paragraph (①数量指标：…) for prose indicators without levels."""
    for ent in doc.entities:
        if ent.label != "INDICATOR" or ent.attrs.get("table_row") or ent.attrs.get("level2"):
            continue
        para_start = doc.text.rfind("\n", 0, ent.start) + 1
        levels = LevelTracker()
        levels.see_text(doc.text[para_start:ent.start])
        if levels.level1 or levels.level2:
            ent.attrs["level1"], ent.attrs["level2"] = levels.level1, levels.level2


def drop_unlinked_indicators(doc: Document) -> int:
    """Remove INDICATOR entities that head no relation, but for a name joined by 和 / 及 / 与 / 、 to a linked name
    right after it in prose (办结率和满意率均为100%: the nearest name takes the value, the other stays a name,
    annotations/GUIDELINES.md rule 11); return how many were removed."""
    linked = {r.head for r in doc.relations}
    names = sorted((e for e in doc.entities if e.label == "INDICATOR"), key=lambda e: e.start)
    joined = {a.id for a, b in zip(names, names[1:]) if b.id in linked and a.id not in linked
              and CONJUNCTION.fullmatch(doc.text, a.end, b.start) and not doc.in_table(a.start)}
    before = len(doc.entities)
    doc.entities = [e for e in doc.entities if e.label != "INDICATOR" or e.id in linked or e.id in joined]
    return before - len(doc.entities)



def drop_loose_amounts(doc: Document) -> int:
    """Remove MONEY entities that are bare numbers (no unit written, 8676) which no caption or statement gave
    a unit, no fund line holds and no relation links, unless written with a thousands comma (7,074,550): a
    number is an amount by its unit, its table cell or its indicator; alone it is most often a count, a code
    or a score the tagger took for money. Return how many were removed."""
    placed = {v for f in doc.funds for v in f.cells.values() if v} | {r.tail for r in doc.relations}
    money = [e for e in doc.entities if e.label == "MONEY"]
    loose = {e.id for e in money if e.id not in placed and not e.attrs.get("unit_hint")
             and _BARE_NUMBER.fullmatch(e.text.strip())}
    # … unless an amount of its table line is placed or written with a unit (公务接待费 5.5 5 4.2: a row of amounts)
    if not loose:
        return 0
    breaks = [m.start() for m in re.finditer("\n", doc.text)]
    line_of = {e.id: bisect.bisect_left(breaks, e.start) for e in money}
    sure_lines = {line_of[e.id] for e in money if e.id not in loose}
    by_id = {e.id: e for e in money}
    loose = {i for i in loose if line_of[i] not in sure_lines or not doc.in_table(by_id[i].start)}
    before = len(doc.entities)
    doc.entities = [e for e in doc.entities if e.id not in loose]
    return before - len(doc.entities)


#: a number with no unit, no thousands comma
_BARE_NUMBER = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
