"""The plan: FTE per role, the peak month, counters, unit kinds, settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from tthc.errors import InputTypeError, UnknownProcedure
from tthc.staffing import Month, PlanSettings, effort_table, plan_workload
from tthc.staffing._plan import kind_matches, registry_unit

T = dt.time
OneUnit = Callable[..., list[dict[str, Any]]]
EFFORT = effort_table({"1.001193": {"reception": 10, "processing": 20}})


def test_plan_fte_by_hand(one_unit: OneUnit) -> None:
    bare = PlanSettings(annual_leave_days=Decimal(0), utilisation=Decimal(1))
    # 1008 dossiers × 20 min = 336 h = exactly 2 × 168 h (January 2026): 2 staff, not 3.
    plan = plan_workload(one_unit(1008), EFFORT, settings=bare)
    unit = plan.units[0]
    assert plan.capacity_hours == Decimal("168.00")
    processing = unit.role("processing")
    assert processing is not None
    assert processing.demand_hours == Decimal("336.00")
    assert processing.fte_exact == Decimal("2.00")
    assert processing.fte == 2
    reception = unit.role("reception")
    assert reception is not None
    assert reception.demand_hours == Decimal("168.00")
    assert reception.fte == 1
    assert unit.fte == 3
    assert unit.role("approval") is None
    # One more dossier: processing 336.33 h → 3, reception 168.17 h → 2.
    more = plan_workload(one_unit(1009), EFFORT, settings=bare).units[0]
    assert [(need.role, need.fte) for need in more.roles] == [("reception", 2), ("processing", 3)]
    assert more.fte == 5
    # With the defaults (leave, 0.85) capacity is 135.92 h: 336 / 135.92 = 2.47 → 3.
    default = plan_workload(one_unit(1008), EFFORT).units[0].role("processing")
    assert default is not None
    assert default.fte == 3
    assert default.fte_exact == Decimal("2.47")


def test_plan_peak_month_and_period(one_unit: OneUnit) -> None:
    records = one_unit(100, "2026-01") + one_unit(700, "2026-02")
    bare = PlanSettings(annual_leave_days=Decimal(0), utilisation=Decimal(1))
    plan = plan_workload(records, EFFORT, settings=bare)
    need = plan.units[0].role("processing")
    assert need is not None
    # Period: (100 + 700) × 20 min = 266.67 h over 168 + 120 h → 0.93 → 1.
    assert need.fte == 1
    # February alone: 233.33 h over 120 h → 2.
    assert (need.peak_month, need.peak_month_fte) == (Month(2026, 2), 2)
    only_jan = plan_workload(records, EFFORT, settings=bare, end=Month(2026, 1))
    assert only_jan.months == (Month(2026, 1),)
    assert only_jan.units[0].dossiers == 100


def test_plan_workload_full(reform_records: list[dict[str, Any]]) -> None:
    records = [
        {**r, "unit_kind": "xã" if r["unit_code"] != "B" else "tỉnh", "in_person": r["count"] // 2}
        for r in reform_records
    ]
    efforts = effort_table({"P": {"reception": 12, "processing": 30, "approval": 5}})
    plan = plan_workload(records, efforts, unit_kind="commune", settings=PlanSettings(flag_top=1))
    assert [u.unit_code for u in plan.units] == ["A", "C"]
    assert plan.months == (Month(2025, 7),)  # default period: from the reform on
    assert [f.unit_code for f in plan.flagged] == ["C"]
    unit = plan.units[0]
    assert unit.dossiers == 300
    assert unit.reform is not None
    assert unit.reform.change == Decimal("2.0000")
    assert unit.counters >= 1
    assert unit.counter_queue is not None
    assert unit.counter_queue.mean_service_minutes == pytest.approx(12)
    assert unit.counter_slot == (0, T(8, 30))
    assert plan.roles == ("reception", "processing", "approval")
    assert plan.total_fte == sum(u.fte for u in plan.units)
    assert plan.total_counters == sum(u.counters for u in plan.units)
    assert not plan.provisional
    # All months; exact kind filter; defaults by field for procedures without effort.
    every = plan_workload(records, efforts, start=Month(2025, 5), unit_kind="xã")
    assert len(every.months) == 3
    by_field = plan_workload([{**records[0], "field": "hộ tịch"}])
    assert by_field.units[0].role("processing") is not None
    with pytest.raises(UnknownProcedure):
        plan_workload([records[0]], use_field_defaults=False)
    with pytest.raises(InputTypeError):
        plan_workload(records, efforts, unit_kind="phường")  # no such unit: empty
    with pytest.raises(InputTypeError):
        plan_workload(records, efforts, start=Month(2025, 7), end=Month(2025, 6))
    with pytest.raises(InputTypeError):
        plan_workload(records, efforts, start="2025-07")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        plan_workload(records, {"P": {"x": 1}})  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        plan_workload(records, efforts, settings={"utilisation": 1})  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        plan_workload(records, efforts, unit_kind=" ")
    with pytest.raises(InputTypeError):
        plan_workload([], efforts)


def test_plan_workload_enriches_units_when_the_registry_works() -> None:
    record = {"unit_code": "31135", "procedure_code": "P", "month": "2026-01", "count": 10}
    plan = plan_workload([record], effort_table({"P": {"processing": 6}}), enrich_units=True)
    unit = plan.units[0]
    if unit.unit_name:  # tthc.units is optional here: only check when it answered
        assert unit.unit_name == "Phường Ninh Kiều"
        assert unit.unit_kind == "phường"
    assert registry_unit("no-such-code") is None


@pytest.mark.parametrize(
    "kwargs",
    [
        {"utilisation": Decimal(0)},
        {"annual_leave_days": Decimal(-1)},
        {"in_person_share": Decimal("1.5")},
        {"targets": 5},
        {"profile": "flat"},
        {"counter_role": ""},
        {"reform_date": "2025-07-01"},
        {"flag_top": -1},
    ],
)
def test_plan_settings_errors(kwargs: dict[str, Any]) -> None:
    with pytest.raises(InputTypeError):
        PlanSettings(**kwargs)


@pytest.mark.parametrize(
    ("kind", "wanted", "kept"),
    [
        ("xã", "commune", True),
        ("Xã", "commune", True),
        ("xa", "commune", True),  # typed without accents
        ("Phường", "COMMUNE", True),
        ("Đặc khu", "commune", True),
        ("thi tran", "commune", True),
        ("tỉnh", "province", True),
        ("Thành phố trực thuộc Trung ương", "province", True),
        ("Tinh", "commune", False),
        ("phường", "phuong", True),
        ("Phuong", "phường", True),
        ("phường", "xã", False),
        ("", "commune", False),
        ("huyện", "province", False),
    ],
)
def test_unit_kinds_match_without_case_or_accents(kind: str, wanted: str, kept: bool) -> None:
    assert kind_matches(kind, wanted) is kept


def test_plan_unit_kind_filter_without_accents(reform_records: list[dict[str, Any]]) -> None:
    records = [
        {**r, "unit_kind": "Xã" if r["unit_code"] != "B" else "Tỉnh"} for r in reform_records
    ]
    efforts = effort_table({"P": {"processing": 30}})
    for wanted in ("xa", "XÃ", "commune"):
        plan = plan_workload(records, efforts, unit_kind=wanted)
        assert [u.unit_code for u in plan.units] == ["A", "C"]
    assert [u.unit_code for u in plan_workload(records, efforts, unit_kind="tinh").units] == ["B"]
