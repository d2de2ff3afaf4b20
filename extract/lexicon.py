"""The lexicon: unit, magnitude, approximation, comparator and per-unit words.

Owns the reading of ``data/units.toml`` into one typed, cached :class:`Lexicon`, so that
the pattern tagger (which builds its regular expressions from these words) and the value
reader (which turns a span into numbers) agree on every word. Word lists come sorted
longest first, the order in which they must be tried. Adding a unit is a data change.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Lexicon:
    money: dict[str, float]
    caption: dict[str, float]
    percent: dict[str, str]
    magnitude: dict[str, float]  # 万 -> 1e4 after an Arabic number
    magnitude_exceptions: tuple[str, ...]  # 千米: a unit, not a magnitude
    approx_inside: tuple[str, ...]
    approx_before: tuple[str, ...]
    approx_after: tuple[str, ...]
    comparators_before: dict[str, str]  # longest word first
    comparators_after: dict[str, str]  # longest word first
    measure: tuple[str, ...]
    not_units: frozenset[str]  # characters that end a number but are no measure word
    per_prefixes: tuple[str, ...]
    per_nouns: tuple[str, ...]  # what a per-unit after a slash may name besides a measure word (元/生)
    money_units: tuple[str, ...]  # the keys of ``money``, longest first
    percent_units: tuple[str, ...]  # the keys of ``percent``, longest first


def longest_first(words: object) -> tuple[str, ...]:
    """``words`` sorted longest first (the order alternatives must be tried in)."""
    return tuple(sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


def _longest_keys_first(words: dict[str, str]) -> dict[str, str]:
    return dict(sorted(words.items(), key=lambda kv: len(kv[0]), reverse=True))


@lru_cache(maxsize=None)
def load_data(name: str) -> dict:
    """One knowledge file of ``extract/data`` (TOML), parsed once (do not modify what it returns)."""
    with resources.files("extract.data").joinpath(name).open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def han_value_words() -> re.Pattern[str]:
    """Any unit or comparator word written in Han characters (个百分点, 不少于, 万人次, 以上)."""
    lex = lexicon()
    words = longest_first({*lex.comparators_before, *lex.comparators_after, *lex.percent, *lex.money, *lex.measure})
    return re.compile("|".join(re.escape(w) for w in words if re.search(r"[\u4e00-\u9fff]", w)))


@lru_cache(maxsize=1)
def unit_after_number() -> re.Pattern[str]:
    """The unit written right after a number: a percent or money word, or a measure word with an optional
    magnitude (%, 万元, 万粒, 人次, 个百分点), with a per-unit (元/人·月); match it at the position after the digits."""
    lex = lexicon()
    magnitudes = "|".join(re.escape(w) for w in longest_first(lex.magnitude))
    measures = "|".join(re.escape(w) for w in lex.measure)
    fixed = "|".join(re.escape(w) for w in longest_first({*lex.percent, *lex.money, "%", "％", "‰"}))
    per = "|".join(re.escape(w) for w in longest_first({*lex.measure, *lex.per_nouns}))
    return re.compile(rf"(?:{fixed}|(?:{magnitudes})?(?:{measures}))(?:/(?:{per})(?:[·/](?:{per}))?)?")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The words of ``data/units.toml``."""
    d = load_data("units.toml")
    return Lexicon(
        money=dict(d["money"]),
        caption=dict(d["caption"]),
        percent=dict(d["percent"]),
        magnitude={k: float(v) for k, v in d["magnitude"].items()},
        magnitude_exceptions=tuple(d["magnitude_exceptions"]["words"]),
        approx_inside=longest_first(d["approx"]["inside"]),
        approx_before=longest_first(d["approx"]["before"]),
        approx_after=longest_first(d["approx"]["after"]),
        comparators_before=_longest_keys_first(d["comparators"]["before"]),
        comparators_after=_longest_keys_first(d["comparators"]["after"]),
        measure=longest_first(d["measure"]["words"]),
        not_units=frozenset(d["not_units"]["chars"]),
        per_prefixes=longest_first(d["per"]["prefixes"]),
        per_nouns=longest_first(d["per"]["nouns"]),
        money_units=longest_first(d["money"]),
        percent_units=longest_first(d["percent"]),
    )
