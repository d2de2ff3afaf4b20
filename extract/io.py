"""Reading report text files and writing JSON Lines.

Owns what a user's files may be like: UTF-8 with or without BOM, empty files, other
encodings (GBK, UTF-16), binary files passed by mistake, directories of reports.
Text is decoded exactly (no newline translation), so offsets index the file's text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import InputError, problem


def read_text(path: str | Path) -> str:
    """Return the text of a UTF-8 report file; raise :class:`InputError` with a coded reason."""
    p = Path(path)
    if not p.is_file():
        raise InputError(problem("E003", str(p)))
    data = p.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data.strip():
        raise InputError(problem("E001", str(p)))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(problem("E002", str(p), offset=0, pos=0, byte=data[0], guess="UTF-16"))
    if b"\x00" in data[:4096]:
        raise InputError(problem("E005", str(p)))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        guess = "GB18030"
        try:
            data.decode("gb18030")
        except UnicodeDecodeError:
            guess = "an unknown encoding"
        raise InputError(problem("E002", str(p), offset=err.start, pos=err.start, byte=data[err.start], guess=guess)) from None


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Yield the report files named by ``paths``: files as given, directories' ``*.txt`` sorted."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files = sorted(q for q in p.rglob("*.txt") if q.is_file())
            if not files:
                raise InputError(problem("E004", str(p)))
            yield from files
        else:
            yield p


def write_jsonl(path: str | Path, records: Iterable[dict[str, Any]]) -> int:
    """Write records as JSON Lines (UTF-8, non-ASCII kept); return how many were written."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with p.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


def read_jsonl(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line_number, object)`` for every non-blank line; raise ValueError on bad JSON."""
    with Path(path).open(encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if line.strip():
                yield i, json.loads(line)
