"""Months (tthc.staffing.Month): parsing, arithmetic and validation."""

from __future__ import annotations

import datetime as dt

import pytest

from tthc.errors import InputTypeError
from tthc.staffing import Month
from tthc.staffing._months import month_range

D = dt.date


def test_month() -> None:
    assert Month.parse("2026-01") == Month(2026, 1) == Month.parse("01/2026")
    assert Month.parse(" 2026-1 ") == Month(2026, 1)
    assert str(Month(2026, 2)) == "2026-02"
    assert Month(2026, 2).last_day == D(2026, 2, 28)
    assert Month(2024, 12).last_day == D(2024, 12, 31)
    assert Month(2024, 12).next() == Month(2025, 1)
    assert Month.of(D(2026, 3, 9)) == Month(2026, 3)
    assert Month(2025, 12) < Month(2026, 1)
    for bad in ("2026-13", "2026", "Jan 2026", "00/2026"):
        with pytest.raises(InputTypeError):
            Month.parse(bad)
    with pytest.raises(InputTypeError):
        Month.parse(202601)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        Month(2026, 0)
    with pytest.raises(InputTypeError):
        Month("2026", 1)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        Month.of(dt.datetime(2026, 1, 1, 8, 0))  # type: ignore[arg-type]


def test_month_bounds_and_range() -> None:
    with pytest.raises(InputTypeError):
        Month(10000, 1)
    with pytest.raises(InputTypeError):
        Month(2026, 13)
    assert month_range(Month(2025, 11), Month(2026, 2)) == (
        Month(2025, 11),
        Month(2025, 12),
        Month(2026, 1),
        Month(2026, 2),
    )
    assert month_range(Month(2026, 2), Month(2026, 1)) == ()
    assert month_range(Month(9999, 11), Month(9999, 12))[-1] == Month(9999, 12)
