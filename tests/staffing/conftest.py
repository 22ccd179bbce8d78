"""Shared sample records of the staffing tests (tests/staffing/)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tthc.staffing import _assumptions, _plan


@pytest.fixture(autouse=True)
def _tables_read_in_each_test() -> Iterator[None]:
    """Read the bundled assumptions again in each test (mutation testing, issue 17 item 5).

    ``load_assumptions`` and ``registry_unit`` are cached per process; mutmut runs each test in a
    process forked after they were filled by the code before the mutation, which hid every
    mutation of the reader.
    """
    _assumptions.load_assumptions.cache_clear()
    _plan.registry_unit.cache_clear()
    yield
    _assumptions.load_assumptions.cache_clear()
    _plan.registry_unit.cache_clear()


def _one_unit(count: int, month: str = "2026-01") -> list[dict[str, Any]]:
    return [
        {
            "unit_code": "31120",
            "unit_name": "Phường Cái Khế",
            "unit_kind": "phường",
            "procedure_code": "1.001193",
            "field": "hộ tịch",
            "month": month,
            "count": count,
        }
    ]


@pytest.fixture
def one_unit() -> Callable[..., list[dict[str, Any]]]:
    """``one_unit(count, month="2026-01")``: one record of Phường Cái Khế, 1.001193 (hộ tịch)."""
    return _one_unit


@pytest.fixture
def reform_records() -> list[dict[str, Any]]:
    """Units A, B, C in May–July 2025: A triples after 1/7/2025, B +10 %, C is new."""
    records = []
    for month, a, b, c in (
        ("2025-05", 100, 50, 0),
        ("2025-06", 100, 50, 0),
        ("2025-07", 300, 55, 20),
    ):
        records.append({"unit_code": "A", "procedure_code": "P", "month": month, "count": a})
        records.append({"unit_code": "B", "procedure_code": "P", "month": month, "count": b})
        if c:
            records.append({"unit_code": "C", "procedure_code": "P", "month": month, "count": c})
    return records
