"""Volume changes across the 1/7/2025 reorganisation (Luật Tổ chức chính quyền địa phương 72/2025/QH15)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from tthc.errors import InputTypeError
from tthc.staffing import reform_changes

D = dt.date


def test_reform_changes(reform_records: list[dict[str, Any]]) -> None:
    changes = reform_changes(reform_records)
    assert [c.unit_code for c in changes] == ["C", "A", "B"]
    new, a, b = changes
    assert (new.change, new.percent) == (None, "mới / new")
    assert (a.before_per_month, a.after_per_month, a.change) == (
        Decimal("100.00"),
        Decimal("300.00"),
        Decimal("2.0000"),
    )
    assert a.percent == "+200,0 %"  # a decimal comma, as Vietnamese text writes it (issue 21)
    assert b.percent == "+10,0 %"
    assert (a.months_before, a.months_after) == (2, 1)
    # A reform date in mid-month leaves that month out of both sides.
    mid = reform_changes(reform_records, reform_date=D(2025, 6, 15))
    assert mid[0].months_before == 1
    assert reform_changes(reform_records[:2]) == ()
    with pytest.raises(InputTypeError):
        reform_changes(reform_records, reform_date="2025-07-01")  # type: ignore[arg-type]


def test_reform_ranks_vanished_units_last(reform_records: list[dict[str, Any]]) -> None:
    gone = [
        *reform_records,
        {"unit_code": "Z", "procedure_code": "P", "month": "2025-05", "count": 0},
    ]
    changes = reform_changes(gone)
    assert changes[-1].unit_code == "Z"
    assert (changes[-1].change, changes[-1].percent) == (None, "0")
