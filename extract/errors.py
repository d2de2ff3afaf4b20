"""Coded, actionable error messages (in the style of spaCy's ``Errors``).

Each message says what was wrong and what to do; callers add where (file, line,
offset). Codes are stable so that users and tests can refer to them.
"""

from __future__ import annotations

from dataclasses import dataclass


class Errors:
    # reading input
    E001 = "File is empty. Give a report converted to UTF-8 text, or leave the file out."
    E002 = ("File is not valid UTF-8 (byte {byte:#04x} at byte offset {pos}). It looks like {guess}; "
            "convert it first, e.g. `iconv -f {guess} -t UTF-8 FILE > FILE.utf8`.")
    E003 = "No such file or directory. Check the path."
    E004 = "No .txt files found in the directory. `extract run` reads *.txt files."
    E005 = "File contains NUL bytes and looks binary (a PDF or Word file?). Convert it to text first."
    E006 = ("Extraction failed inside the toolkit ({error}); the file was skipped and the batch went on. "
            "Please report it with the file.")
    # annotation files
    E101 = "Line is not valid JSON ({error}). Fix the JSON syntax on this line."
    E102 = "First line must be the document header {{\"type\": \"document\", \"version\": ..., \"doc_id\": ...}}."
    E103 = "Unsupported annotation version {version!r}; this toolkit reads version {expected}."
    E104 = "Text file {text_path!r} of the document is missing. Fix `text_path` (relative to the project root)."
    E105 = "Unknown record type {type!r}. Use one of: entity, relation, fund."
    E106 = "Record lacks required field {field!r}."
    E110 = "Unknown label {label!r}. Use one of: {labels}."
    E111 = "Offsets [{start}, {end}) are out of range for a text of {length} characters."
    E112 = "Span text {given!r} does not match the document text {actual!r} at [{start}, {end}). Fix the offsets or the text."
    E113 = "Entity overlaps entity {other!r} [{ostart}, {oend}). Entities are flat: shorten or drop one."
    E114 = "Span has leading or trailing whitespace {text!r}. Trim the span."
    E115 = "Duplicate entity id {id!r}. Give every entity a unique id."
    E116 = "Empty span [{start}, {end}). Spans cover at least one character."
    E120 = "Unknown value field {field!r} for label {label}. Fields of {label}: {fields}."
    E121 = "Value field {field!r} must be {expected}, got {value!r}."
    E122 = "Missing value field {field!r} for label {label}; write it (null when unparseable)."
    E130 = "Relation endpoint {id!r} is not an entity id of this document."
    E131 = "Unknown slot {slot!r}. Use one of: {slots}."
    E132 = "Relation head {id!r} is a {label}, but heads must be INDICATOR entities."
    E133 = "Slot {slot!r} takes a tail labelled {allowed}, not {label} ({id!r})."
    E134 = "Duplicate relation ({head}, {slot}, {tail})."
    E140 = "Unknown fund field {field!r}. Use: line, start, end, unit, {fields}."
    E141 = "Fund cell {field!r} refers to {id!r}, which is not an entity id of this document."
    E142 = "Fund cell {field!r} refers to a {label} entity; amounts are MONEY, rate PERCENT, points QUANTITY."
    E143 = "Fund line label {label!r} does not match the text {actual!r} at [{start}, {end})."
    # models and conversion
    E201 = "Span [{start}, {end}) {text!r} does not align with token boundaries; it was not converted. Use character tokens or fix the span."
    E202 = "Model directory {model_path!r} not found or not a trained model. Train one with `extract train` or pass --model."


@dataclass(frozen=True)
class Problem:
    """One problem found in a file: where it is and what to do."""

    code: str
    message: str
    path: str
    line: int | None = None
    offset: int | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
        if self.offset is not None:
            where += f" (offset {self.offset})"
        return f"{where}: [{self.code}] {self.message}"


class InputError(ValueError):
    """An input file that cannot be read; ``problem`` says where and why."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def problem(code: str, path: str, line: int | None = None, offset: int | None = None, **fmt: object) -> Problem:
    """Build a :class:`Problem` from a code of :class:`Errors` and its format fields."""
    return Problem(code, getattr(Errors, code).format(**fmt), path, line, offset)
