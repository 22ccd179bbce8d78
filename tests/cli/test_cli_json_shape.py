"""Every command writes a legal reference in one JSON shape (LegalRef.to_dict)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tthc.cli import main
from tthc.legal import LegalRef

KEYS = set(LegalRef("x").to_dict())


def _references(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        found = [value] if "citation" in value else []
        return found + [r for v in value.values() for r in _references(v)]
    if isinstance(value, list):
        return [r for v in value for r in _references(v)]
    return []


@pytest.mark.parametrize(
    "argv",
    [
        ["calendar", "2026", "--json"],
        ["workdays", "2026-04-29", "2026-05-08", "--json"],
        ["deadline", "--accepted", "2026-04-29 16:00", "--time", "05 ngày làm việc", "--json"],
        ["authority", "1.001193", "--unit", "31135", "--on", "2026-03-01", "--json"],
    ],
)
def test_legal_references_have_one_shape(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 0
    references = _references(json.loads(capsys.readouterr().out))
    assert references, "the command cites its legal basis"
    assert all(set(ref) == KEYS for ref in references)
