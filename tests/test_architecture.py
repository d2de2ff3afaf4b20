"""The pipeline reads one way: no stage imports a later stage (docs/ARCHITECTURE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "extract"

#: shared knowledge and the document model: any stage may use them
KNOWLEDGE = {"schema", "document", "errors", "numbers", "lexicon", "values", "levels", "textview", "segment"}
#: the stages in order (values are read by the knowledge module `values`; `pipeline` runs the stages)
STAGES = [["io"], ["layout", "grid", "goals"], ["tagger"], ["tables", "link", "relations"], ["records"]]
#: tools around the pipeline: no stage may import them
TOOLS = {"pipeline", "annotations", "evaluate", "convert", "train", "generate", "corpus", "cli"}


def extract_imports(path: Path) -> set[str]:
    """The top-level ``extract`` modules a file imports (relative imports resolved)."""
    rel = path.relative_to(PACKAGE)
    package = list(rel.parts[:-1])
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - (node.level - 1)] if node.level > 1 else package
                parts = base + (node.module.split(".") if node.module else [])
                names = [parts[0]] if parts else [a.name for a in node.names]
                if not parts:
                    out.update(names)
                else:
                    out.add(parts[0])
            elif node.module and node.module.startswith("extract."):
                out.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            out.update(a.name.split(".")[1] for a in node.names if a.name.startswith("extract."))
    return out


def module_of(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


STAGE_OF = {m: i for i, group in enumerate(STAGES) for m in group}
FILES = sorted(p for p in PACKAGE.rglob("*.py") if module_of(p) in STAGE_OF or module_of(p) in KNOWLEDGE)


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(PACKAGE)) for p in FILES])
def test_no_stage_imports_a_later_stage_or_a_tool(path):
    me = module_of(path)
    for other in extract_imports(path) - {me, "__init__", "data"}:
        assert other not in TOOLS, f"{me} imports the tool {other}"
        if me in KNOWLEDGE:
            assert other in KNOWLEDGE, f"knowledge module {me} imports the stage {other}"
        elif other in STAGE_OF:
            assert STAGE_OF[other] <= STAGE_OF[me], f"{me} (stage {STAGE_OF[me]}) imports the later {other}"
        else:
            assert other in KNOWLEDGE, f"{me} imports {other}, which is neither knowledge nor a stage"


def test_every_module_is_placed():
    placed = KNOWLEDGE | set(STAGE_OF) | TOOLS | {"__init__", "data"}
    assert {module_of(p) for p in PACKAGE.rglob("*.py")} <= placed
