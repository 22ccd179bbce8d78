"""The house rules of the layout (issue 14), checked on the source so they cannot drift.

No function longer than 80 lines, no module longer than 1,000 lines; every file under
``tthc/data`` is read through the one reader (``tthc._data``), never with ``open`` or
``importlib.resources`` elsewhere; no module-local accent folding or weekday tables.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "tthc"
MODULES = sorted(SRC.rglob("*.py"))
MAX_FUNCTION, MAX_MODULE = 80, 1_000


def _name(path: Path) -> str:
    return str(path.relative_to(SRC.parent))


def test_modules_are_small() -> None:
    long = {
        _name(p): n for p in MODULES if (n := len(p.read_text("utf-8").splitlines())) > MAX_MODULE
    }
    assert long == {}


def test_functions_are_small() -> None:
    long = {}
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                size = (node.end_lineno or node.lineno) - node.lineno + 1
                if size > MAX_FUNCTION:
                    long[f"{_name(path)}:{node.lineno} {node.name}"] = size
    assert long == {}


@pytest.mark.parametrize(
    ("pattern", "allowed"),
    [
        (r"resources\.files\(", {"tthc/_data.py"}),  # one reader of bundled files
        (r"json\.loads\(", {"tthc/_data.py"}),  # one JSON parser (duplicate keys refused)
        (r"def _fold\(|def _strip_accents\(", set()),  # one accent folding: tthc._text
        (r"_WEEKDAY_VI\s*=", set()),  # one table of weekday names: tthc._time
        (r"\bdef _read_text\(", set()),  # one reader of users' files: tthc._data
    ],
)
def test_one_home_per_concept(pattern: str, allowed: set[str]) -> None:
    found = {_name(p) for p in MODULES if re.search(pattern, p.read_text("utf-8"))}
    assert found <= allowed, f"{pattern!r} outside its home: {sorted(found - allowed)}"
