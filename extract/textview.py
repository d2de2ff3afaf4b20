"""Text views: a normalized copy of a report's text for matching words, with offsets back.

Header words, row labels, level names and captions are written in the project's data in
simplified characters and half-width punctuation, while real reports come as traditional-
character mirrors (`年度資金總額`), with full-width signs (`（万元）`, `％`), and with pinyin
glosses that conversion tools leave after a character (`數(shù)量`). A :class:`TextView` holds
the text in one normal form (each character converted on its own by OpenCC's t2s, full-width
ASCII made half-width, glosses removed) and, for every character of the view, its offset in
the original text, so that whatever is found in the view is reported at the original offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

#: a pinyin gloss after a Han character: (shù), (xiàng), (jì)
GLOSS_BODY = (r"[(（](?=[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňḿ]*[aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])"  # a syllable has a vowel
              r"(?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňḿ]{1,6})[)）]")
GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])" + GLOSS_BODY)


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1024)
def traditional(word: str) -> str:
    """A simplified word written in traditional characters (产出指标 → 產出指標), for matching raw text."""
    import opencc

    return _s2t(opencc).convert(word)


@lru_cache(maxsize=1)
def _s2t(opencc):  # type: ignore[no-untyped-def]
    return opencc.OpenCC("s2t")


@lru_cache(maxsize=8192)
def normal_char(c: str) -> str:
    """One character in normal form: simplified, half-width (one character always)."""
    o = ord(c)
    if 0xFF01 <= o <= 0xFF5E:
        return chr(o - 0xFEE0)
    if c == "\u3000":
        return " "
    if o < 0x3400:
        return c
    out = _converter().convert(c)
    return out if len(out) == 1 else c


@dataclass(frozen=True)
class TextView:
    """``norm`` is the normalized text; ``origin[i]`` the offset in ``text`` of ``norm[i]``, and ``stop[i]``, where
    one character of the view stands for several of the text (&ge; → ≥), the end of what it stands for."""

    text: str
    norm: str
    origin: tuple[int, ...]
    stop: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of ``norm[start:end]`` (glosses, character references and invisible characters
        inside it included)."""
        if start >= end:
            o = self.origin[start] if start < len(self.origin) else len(self.text)
            return o, o
        return self.origin[start], self.stop[end - 1] if self.stop else self.origin[end - 1] + 1

    def at(self, pos: int) -> int:
        """The view offset of original offset ``pos`` (the first view character at or after it)."""
        from bisect import bisect_left

        return bisect_left(self.origin, pos)


def view_of(text: str) -> TextView:
    """The normalized view of ``text``."""
    keep = [True] * len(text)
    for m in GLOSS.finditer(text):
        for i in range(m.start(), m.end()):
            keep[i] = False
    origin = tuple(i for i, k in enumerate(keep) if k)
    norm = _translate(text) if len(origin) == len(text) else _translate("".join(text[i] for i in origin))
    return TextView(text, norm, origin)


#: look-alike forms of Han characters that PDF fonts emit (Kangxi radicals ⼈ ⾏ ⽉, CJK radicals ⺠, compatibility
#: ideographs): each reads as the one unified ideograph NFKC gives it
_LOOKALIKE = "[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]"
#: an HTML character reference left in text taken from a web page (&nbsp; &ge; &#8805; &#x2265;)
_ENTITY = "&(?:#\\d{2,6}|#[xX][0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});"
#: characters that take no place: zero-width spaces and joiners, a byte-order mark, a soft hyphen
_INVISIBLE = "[\u200b-\u200d\u2060\ufeff\u00ad]"
_UNREAD = re.compile(f"{_LOOKALIKE}|{_ENTITY}|{_INVISIBLE}")


def reading_copy(text: str) -> TextView | None:
    """``text`` as it reads (the view's ``norm``), with a map back to it; None when it reads as written. A look-alike Han character of
    a PDF font is the ideograph it stands for (执⾏率 → 执行率), an HTML character reference the character it
    names (&ge; → ≥, &nbsp; → a space), and an invisible character is dropped (3\u200b00 → 300)."""
    if not _UNREAD.search(text):
        return None
    import html
    import unicodedata

    out: list[str] = []
    begin: list[int] = []
    stop: list[int] = []
    last = 0
    for m in _UNREAD.finditer(text):
        out.append(text[last:m.start()])
        begin.extend(range(last, m.start()))
        stop.extend(range(last + 1, m.start() + 1))
        w = m.group(0)
        if w.startswith("&") and len(w) > 1:
            c = html.unescape(w)
            c = w if len(c) != 1 or ord(c) < 32 and c not in "\t\n" else " " if c.isspace() else c
        elif re.fullmatch(_INVISIBLE, w):
            c = ""
        else:
            n = unicodedata.normalize("NFKC", w)
            c = n if len(n) == 1 else w
        if len(c) == len(w):  # kept as written, or one character for one
            out.append(c)
            begin.extend(range(m.start(), m.end()))
            stop.extend(range(m.start() + 1, m.end() + 1))
        elif c:  # one character for the whole reference
            out.append(c)
            begin.append(m.start())
            stop.append(m.end())
        last = m.end()
    out.append(text[last:])
    begin.extend(range(last, len(text)))
    stop.extend(range(last + 1, len(text) + 1))
    return TextView(text, "".join(out), tuple(begin), tuple(stop))


def loose(word: str, glossed: bool = False) -> str:
    """A pattern for ``word`` that allows spaces or line breaks between its characters (年度 指标值), and, when
    ``glossed``, a mirror's pinyin gloss after each (數(shù)量指標: for the text as written; the normalized view has
    none, and the longer pattern costs time)."""
    gloss = f"(?:{GLOSS_BODY})?" if glossed else ""
    return r"\s{0,3}".join(re.escape(c) + gloss for c in word)


def normalize(text: str) -> str:
    """``text`` in normal form (for comparing a cell or a label with the words of the data)."""
    if "(" in text or "（" in text:
        text = GLOSS.sub("", text)
    return _translate(text)


def normal_chars(text: str) -> str:
    """``text`` with every character in normal form, one for one (offsets kept, glosses left in)."""
    return _translate(text)


#: :func:`normal_char` of every character met so far, as a table for ``str.translate``
_NORMAL: dict[int, str] = {}
_KNOWN: set[str] = set()


def _translate(text: str) -> str:
    """``text`` with every character in normal form (:func:`normal_char`), in one pass of ``str.translate``."""
    new = set(text) - _KNOWN
    if new:
        _NORMAL.update((ord(c), normal_char(c)) for c in new)
        _KNOWN.update(new)
    return text.translate(_NORMAL)
