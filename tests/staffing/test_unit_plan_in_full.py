"""A unit's plan compared field by field with sums done by hand (issue 17, item 5).

The national calendar of 2026 (checked in ``test_capacity.py``): January 21 working days
(168 h), February 15 (120 h, Tết), March 22 (176 h). Leave 0 and utilisation 1 make capacity the
office hours; a flat arrival profile makes a slot's rate ``visits / (working days × 8)``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tthc.calendar import OfficeHours, civil_service_calendar
from tthc.errors import InputTypeError
from tthc.legal import LegalRef
from tthc.staffing import (
    ArrivalProfile,
    Month,
    PlanSettings,
    QueueTargets,
    RoleNeed,
    counters_needed,
    effort_table,
    plan_workload,
    reform_changes,
)

JAN, FEB, MAR = Month(2026, 1), Month(2026, 2), Month(2026, 3)
FLAT = ArrivalProfile(weekday_weights=(1,) * 7, hour_weights=(1,) * 24)
HALF = PlanSettings(
    annual_leave_days=Decimal(0),
    utilisation=Decimal(1),
    in_person_share=Decimal("0.5"),
    profile=FLAT,
)
EFFORTS = effort_table(
    {"P": {"reception": 6, "processing": 10}, "Q": {"reception": 3, "approval": 2}}
)
RECORDS = [
    {"unit_code": "U", "procedure_code": "P", "month": "2026-01", "count": 1000, "in_person": 400},
    {"unit_code": "U", "procedure_code": "Q", "month": "2026-01", "count": 600,
     "unit_name": "Xã U", "unit_kind": "xã"},
    {"unit_code": "U", "procedure_code": "P", "month": "2026-03", "count": 200, "in_person": 200},
    {"unit_code": "V", "procedure_code": "P", "month": "2026-03", "count": 10},
]  # fmt: skip


def test_unit_plan_in_full() -> None:
    plan = plan_workload(RECORDS, EFFORTS, start=JAN, end=MAR, settings=HALF)
    assert plan.months == (JAN, FEB, MAR)
    assert plan.capacity_hours == Decimal("464.00")  # 168 + 120 + 176
    u, v = plan.units
    # U: 1200 dossiers of P × 16 min + 600 of Q × 5 min = 22,200 min = 370 h over 3 months.
    assert (u.unit_code, u.unit_name, u.unit_kind) == ("U", "Xã U", "xã")
    assert (u.dossiers, u.dossiers_per_month) == (1800, Decimal("600.00"))
    assert (u.demand_hours, u.demand_hours_per_month) == (Decimal("370.00"), Decimal("123.33"))
    assert u.capacity_hours == Decimal("464.00")
    assert u.roles == (
        # 1200 × 6 + 600 × 3 = 9000 min = 150 h; January alone 130 h of 168: 1 staff.
        RoleNeed("reception", Decimal("150.00"), Decimal("0.32"), 1, JAN, 1),
        RoleNeed("processing", Decimal("200.00"), Decimal("0.43"), 1, JAN, 1),
        RoleNeed("approval", Decimal("20.00"), Decimal("0.04"), 1, JAN, 1),
    )
    # January's visits: 400 given in person + half of the 600 without a figure = 700; counter
    # minutes 400 × 6 + 300 × 3 = 3300; 700 visits over 21 days × 8 slots.
    assert (u.counter_month, u.counter_slot) == (JAN, (0, dt.time(7, 30)))  # flat: first slot
    assert u.counter_queue == counters_needed(700 / 168, 3300 / 700, HALF.targets)
    assert u.counter_queue is not None
    assert u.counters == u.counter_queue.servers
    assert u.reform is None
    assert (v.unit_code, v.unit_name, v.unit_kind) == ("V", "", "")
    assert (v.dossiers, v.dossiers_per_month) == (10, Decimal("3.33"))
    assert (v.demand_hours, v.demand_hours_per_month) == (Decimal("2.67"), Decimal("0.89"))
    assert v.counter_month == MAR
    assert v.counter_queue == counters_needed(5 / 176, 6.0, HALF.targets)
    assert plan.flagged == ()


def test_counter_month_ties_keep_the_first() -> None:
    # 2100 visits over 21 × 8 slots and 2200 over 22 × 8: 12.5 an hour in both months.
    records = [
        {"unit_code": "U", "procedure_code": "P", "month": month, "count": count}
        for month, count in (("2026-01", 2100), ("2026-03", 2200))
    ]
    settings = PlanSettings(profile=FLAT)
    unit = plan_workload(records, EFFORTS, start=JAN, settings=settings).units[0]
    assert unit.counter_month == JAN
    assert unit.counter_queue == counters_needed(12.5, 6.0, settings.targets)


def test_reform_of_each_unit_is_reform_changes() -> None:
    records = [
        {"unit_code": code, "procedure_code": "P", "month": month, "count": count,
         "in_person": count // 3}
        for code, month, count in (
            ("A", "2025-05", 90), ("A", "2025-06", 30), ("A", "2025-07", 300),
            ("B", "2025-06", 50), ("B", "2025-07", 55), ("C", "2025-07", 20),
        )
    ]  # fmt: skip
    plan = plan_workload(records, EFFORTS, settings=PlanSettings(flag_top=2))
    expected = {change.unit_code: change for change in reform_changes(records)}
    assert [unit.reform for unit in plan.units] == [expected["A"], expected["B"], expected["C"]]
    assert expected["A"].dossiers_before == 120
    assert plan.flagged == reform_changes(records)[:2]


def test_profile_without_weight_in_office_hours() -> None:
    settings = PlanSettings(profile=ArrivalProfile(hour_weights=(0,) * 24))
    with pytest.raises(InputTypeError) as caught:
        plan_workload(RECORDS, EFFORTS, start=JAN, settings=settings)
    assert caught.value.message == (
        "Phân bố lượt đến (arrival profile) gives no weight to the working days and office hours"
        " of 2026-01"
    )
    assert dict(caught.value.context) == {"argument": "profile"}


def test_targets_met_exactly_are_met() -> None:
    four = counters_needed(30, 5)  # 2.5 erlangs: 4 counters for the file's targets
    assert four.servers == 4
    by_probability = QueueTargets(
        max_mean_wait_minutes=100.0, max_wait_probability=four.wait_probability
    )
    by_wait = QueueTargets(max_mean_wait_minutes=four.mean_wait_minutes, max_wait_probability=1.0)
    assert counters_needed(30, 5, by_probability) == four
    assert counters_needed(30, 5, by_wait) == four


def test_units_without_a_kind_are_left_out_by_a_kind_filter() -> None:
    records = [
        {"unit_code": "A", "procedure_code": "P", "month": "2026-01", "count": 1, "unit_kind": "xã"},
        {"unit_code": "B", "procedure_code": "P", "month": "2026-01", "count": 1},
    ]  # fmt: skip
    assert [u.unit_code for u in plan_workload(records, EFFORTS, unit_kind="xa").units] == ["A"]
    with pytest.raises(InputTypeError) as caught:
        plan_workload(records, EFFORTS, unit_kind="XXXX")
    assert caught.value.message == "Số liệu hồ sơ (dossier counts): no rows for unit kind 'XXXX'"


def test_units_named_from_the_registry() -> None:
    # tthc.units: 31120 Phường Cái Khế, 31135 Phường Ninh Kiều, 31147 Phường Tân An (Cần Thơ,
    # NQ 1668/NQ-UBTVQH15); what the input gives is kept.
    records = [
        {"unit_code": "31120", "procedure_code": "P", "month": "2026-01", "count": 1,
         "unit_name": "Cái Khế (tên trong tệp)"},
        {"unit_code": "31135", "procedure_code": "P", "month": "2026-01", "count": 1},
        {"unit_code": "31147", "procedure_code": "P", "month": "2026-01", "count": 1,
         "unit_kind": "Phường"},
        {"unit_code": "ZZ", "procedure_code": "P", "month": "2026-01", "count": 1},
    ]  # fmt: skip
    plan = plan_workload(records, EFFORTS, enrich_units=True)
    assert [(u.unit_code, u.unit_name, u.unit_kind) for u in plan.units] == [
        ("31120", "Cái Khế (tên trong tệp)", "phường"),
        ("31135", "Phường Ninh Kiều", "phường"),
        ("31147", "Phường Tân An", "Phường"),
        ("ZZ", "", ""),
    ]
    bare = plan_workload(records, EFFORTS)
    assert [(u.unit_name, u.unit_kind) for u in bare.units] == [
        ("Cái Khế (tên trong tệp)", ""),
        ("", ""),
        ("", "Phường"),
        ("", ""),
    ]


def test_plan_version_provisional_calendar_and_hours() -> None:
    records = [
        *RECORDS,
        {"unit_code": "U", "procedure_code": "Q", "month": "2026-03", "count": 1,
         "unit_name": "Xã U (tên khác)"},
    ]  # fmt: skip
    plan = plan_workload(records, EFFORTS, start=JAN, end=MAR, settings=HALF)
    assert plan.units[0].unit_name == "Xã U"  # the first name given is kept
    assert (plan.assumptions_version, plan.provisional) == ("2026.11.1", False)
    # 2027's days off are not announced yet: its months are projected.
    later = [{"unit_code": "U", "procedure_code": "P", "month": "2027-01", "count": 1}]
    assert plan_workload(later, EFFORTS).provisional is True
    closed = civil_service_calendar().with_days_off(
        [dt.date(2026, 3, 2)],  # a Monday
        name_vi="Nghỉ tránh bão",
        name_en="Storm closure",
        legal_ref=LegalRef("1/QĐ-UBND", kind="Quyết định"),
    )
    mornings = OfficeHours(windows=((dt.time(7, 30), dt.time(11, 30)),))
    local = plan_workload(
        records, EFFORTS, start=MAR, settings=HALF, calendar=closed, office_hours=mornings
    )
    assert local.capacity_hours == Decimal("84.00")  # 21 working days × 4 h
    assert local.capacity[0].working_days == 21


def test_visits_of_two_procedures_without_in_person_figures_add_up() -> None:
    records = [
        {"unit_code": "U", "procedure_code": "P", "month": "2026-01", "count": 100},
        {"unit_code": "U", "procedure_code": "Q", "month": "2026-01", "count": 200},
    ]
    settings = PlanSettings(profile=FLAT)
    unit = plan_workload(records, EFFORTS, settings=settings).units[0]
    # 300 visits over 21 days × 8 slots; counter minutes 100 × 6 + 200 × 3 = 1200.
    assert unit.counter_queue == counters_needed(300 / 168, 1200 / 300, settings.targets)


def test_rows_of_one_cell_add_up() -> None:
    # One row per channel: the same unit, procedure and month twice, with and without figures.
    records = [
        {"unit_code": "U", "procedure_code": "P", "month": "2026-01", "count": c, "in_person": p}
        for c, p in ((100, 40), (60, 30), (50, None), (70, None))
    ]
    settings = PlanSettings(profile=FLAT, in_person_share=Decimal("0.5"))
    unit = plan_workload(records, EFFORTS, settings=settings).units[0]
    assert unit.dossiers == 280
    # 70 given in person + half of the 120 without a figure = 130 visits of 6 minutes.
    assert unit.counter_queue == counters_needed(130 / 168, 6.0, settings.targets)
