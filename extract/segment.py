"""Word segmentation: where the words of a Chinese text begin and end, offline.

Owns the project's one segmenter, jieba, whose dictionary and HMM ship inside its package (nothing
is downloaded; spacy-pkuseg's models would be). It gives each character the position it has in its
word (B, M, E, or S for a one-character word) with the word itself, a feature for the tagger's
embedding table (:func:`char_features`), so that a name's boundary can fall where a word does.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

#: a word longer than this is given as its first characters (names of projects run long; the feature is a hash)
MAX_WORD = 6


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def spans_word(text: str, i: int, reach: int) -> bool:
    """Whether a dictionary word may run across the start of ``text[i]`` (a word or a word's beginning in jieba's
    prefix dictionary starts at most ``reach`` characters before it and takes in ``text[i]``): a quick test before
    segmenting."""
    freq = _segmenter().dt.FREQ
    return any(text[a:i + 1] in freq for a in range(max(0, i - reach), i))


def words(text: str, guess: bool = True) -> list[tuple[int, int]]:
    """The (start, end) offsets of the words of ``text``, in order, covering every character. Without ``guess``,
    only the dictionary's words (jieba's HMM joins no unknown characters: 率补奖 in 兑付率补奖资金)."""
    return [(a, b) for _, a, b in _segmenter().tokenize(text, HMM=guess)]


def char_features(text: str) -> list[str]:
    """One feature per character: its position in its word and the word (``B资金``, ``E资金``, ``S的``)."""
    out: list[str] = []
    for a, b in words(text):
        word = text[a:b][:MAX_WORD]
        if b - a == 1:
            out.append("S" + word)
            continue
        out += ["B" + word] + ["M" + word] * (b - a - 2) + ["E" + word]
    return out


def tagged(text: str) -> list[tuple[str, str]]:
    """The dictionary words of ``text`` (no guesses) with their part of speech (jieba's posseg: n, v, ns …)."""
    import jieba.posseg

    _segmenter()  # (quietly, once)
    return [(p.word, p.flag) for p in jieba.posseg.cut(text, HMM=False)]
