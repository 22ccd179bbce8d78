"""Demand: Σ dossiers × staff minutes per dossier, per unit, month and role."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from tthc.errors import InputTypeError, UnknownProcedure
from tthc.staffing import Month, compute_demand, effort_table


def test_compute_demand(one_unit: Callable[..., list[dict[str, Any]]]) -> None:
    counts = [
        *one_unit(120),
        {"unit_code": "31120", "procedure_code": "2.000815", "month": "2026-01", "count": "30"},
        {"unit_code": "31135", "procedure_code": "1.001193", "month": Month(2026, 2), "count": 3},
    ]
    efforts = effort_table(
        {"1.001193": {"reception": 10, "processing": 20}},
        fields={"chứng thực": {"reception": "6", "approval": "1,5"}},
    )
    with pytest.raises(UnknownProcedure):
        compute_demand(counts, efforts)  # 2.000815 has no field in the record
    counts[1]["field"] = "Chứng thực"  # fields match case-insensitively
    demand = compute_demand(counts, efforts)
    assert demand.units == ("31120", "31135")
    assert demand.roles == ("reception", "processing", "approval")
    assert demand.months == (Month(2026, 1), Month(2026, 2))
    # 120 × 10 + 30 × 6 = 1380 min = 23 h of reception in 31120, January.
    assert demand.hours(unit_code="31120", role="reception", month=Month(2026, 1)) == Decimal(
        "23.00"
    )
    assert demand.minutes(role="approval") == Decimal("45.0")
    assert demand.hours(unit_code="31135") == Decimal("1.50")
    row = next(r for r in demand.rows if r.role == "processing" and r.unit_code == "31120")
    assert (row.dossiers, row.hours) == (120, Decimal("40.00"))
    with pytest.raises(InputTypeError):
        compute_demand(counts, {"1.001193": {}})  # type: ignore[arg-type]
