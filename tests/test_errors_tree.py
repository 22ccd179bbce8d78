"""The error hierarchy drawn in ``tthc.errors``' docstring is the real one (httpx style)."""

from __future__ import annotations

import re

from tthc import errors


def _drawn_tree() -> dict[str, str]:
    """Return {class name: parent name} read from the docstring's drawing."""
    doc = errors.__doc__ or ""
    lines = [line for line in doc.splitlines() if re.search(r"(├──|└──|^\s+TthcError\s*$)", line)]
    parents: dict[str, str] = {}
    stack: list[tuple[int, str]] = []
    for line in lines:
        name = re.search(r"([A-Z][A-Za-z]+)", line)
        assert name is not None
        depth = line.index(name.group(1))
        while stack and stack[-1][0] >= depth:
            stack.pop()
        if stack:
            parents[name.group(1)] = stack[-1][1]
        stack.append((depth, name.group(1)))
    return parents


def _drawn_builtins() -> dict[str, str]:
    doc = errors.__doc__ or ""
    return dict(re.findall(r"([A-Z][A-Za-z]+)\s+\(also ([A-Za-z]+)\)", doc))


def test_every_error_class_is_drawn_under_its_parent() -> None:
    real = {
        cls.__name__: next(b.__name__ for b in cls.__bases__ if issubclass(b, errors.TthcError))
        for cls in errors.all_error_codes().values()
        if cls is not errors.TthcError
    }
    assert _drawn_tree() == real


def test_the_builtin_category_of_each_class_is_drawn() -> None:
    drawn = _drawn_builtins()
    for cls in errors.all_error_codes().values():
        builtin = [b.__name__ for b in cls.__bases__ if not issubclass(b, errors.TthcError)]
        if builtin and builtin != ["Exception"]:
            assert drawn.get(cls.__name__) == builtin[0], cls.__name__


def test_every_code_is_unique_and_dotted() -> None:
    codes = [cls.code for cls in errors.all_error_codes().values()]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[a-z_]+(\.[a-z_]+)?", code) for code in codes)
