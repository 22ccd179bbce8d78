"""Small parts of the staffing model in full: FTE, queue tails, months, reform (issue 17, item 5)."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from tthc.calendar import WorkCalendar, civil_service_calendar
from tthc.calendar._defaults import resolve
from tthc.errors import InputTypeError, UnknownProcedure
from tthc.legal import LegalRef
from tthc.staffing import (
    ArrivalProfile,
    Demand,
    DossierCount,
    Month,
    QueueResult,
    ReformChange,
    arrival_rates,
    compute_demand,
    counters_needed,
    effort_table,
    fte_needed,
    mean_wait,
    plan_workload,
    reform_changes,
    staff_capacity,
)
from tthc.staffing._capacity import exact_capacity

_DATE_HINT = "convert strings with datetime.date.fromisoformat('YYYY-MM-DD')"


def _refused(call: Any, message: str, hint: str | None = None, **context: str) -> None:
    with pytest.raises(InputTypeError) as caught:
        call()
    assert (caught.value.message, caught.value.hint) == (message, hint)
    assert dict(caught.value.context) == context


def test_fte_needed_in_full() -> None:
    assert fte_needed(Decimal("320"), Decimal("160")) == 2
    assert fte_needed(Decimal("320.01"), 160) == 3
    assert fte_needed(0, 1) == 0
    _refused(
        lambda: fte_needed("x", 1),
        "Số (number): demand_hours must be a number, got str",
        argument="demand_hours",
        got="str",
    )
    _refused(
        lambda: fte_needed(-1, 1),
        "Số (number): demand_hours must be zero or more, got -1",
        argument="demand_hours",
        value="-1",
    )
    _refused(
        lambda: fte_needed(1, 0),
        "Số (number): capacity_hours must be positive, got 0",
        argument="capacity_hours",
        value="0",
    )
    _refused(
        lambda: fte_needed(1, "1"),
        "Số (number): capacity_hours must be a number, got str",
        argument="capacity_hours",
        got="str",
    )


def test_wait_longer_than_in_full() -> None:
    queue = counters_needed(30, 5)  # A = 2.5 erlangs, 4 counters
    assert queue.wait_longer_than(0) == queue.wait_probability
    assert queue.wait_longer_than(2) == pytest.approx(
        queue.wait_probability * math.exp(-(4 - 2.5) * 2 / 5), rel=1e-12
    )
    one_minute = counters_needed(60, 1)  # A = 1 erlang, service 1 minute
    assert one_minute.mean_service_minutes == 1.0
    assert one_minute.wait_longer_than(1) == pytest.approx(
        one_minute.wait_probability * math.exp(-(one_minute.servers - 1.0)), rel=1e-12
    )
    assert one_minute.wait_longer_than(1) > 0
    assert QueueResult(10.0, 0.0, 0.0, 0, 0.0, 0.0, 0.0).wait_longer_than(1) == 0.0
    saturated = QueueResult(60.0, 3.0, 3.0, 3, 1.0, 0.9, 0.0)
    assert saturated.wait_longer_than(1) == 1.0
    assert QueueResult(60.0, 3.0, 3.0, 2, 1.5, 0.9, 0.0).wait_longer_than(1) == 1.0
    _refused(
        lambda: queue.wait_longer_than(-1),
        "Số (number): minutes must be zero or more, got -1",
        argument="minutes",
        value="-1",
    )


def test_month_of_a_day() -> None:
    assert Month.of(dt.date(2026, 12, 31)) == Month(2026, 12)
    assert Month.of(dt.date(2025, 7, 1)) == Month(2025, 7)
    _refused(
        lambda: Month.of("2026-01-01"),  # type: ignore[arg-type]
        "Ngày (date): day must be a datetime.date, got str",
        _DATE_HINT,
        argument="day",
        got="str",
    )


def test_reform_changes_names_and_refusals() -> None:
    records = [
        {"unit_code": "A", "procedure_code": "P", "month": "2025-06", "count": 4},
        {"unit_code": "A", "procedure_code": "P", "month": "2025-07", "count": 5, "unit_name": "Xã A"},
        {"unit_code": "A", "procedure_code": "P", "month": "2025-08", "count": 7, "unit_name": "Xã B"},
        {"unit_code": "B", "procedure_code": "P", "month": "2025-06", "count": 2, "unit_name": "Xã C"},
    ]  # fmt: skip
    assert reform_changes(records) == (
        ReformChange("B", "Xã C", 1, 2, 2, 0, Decimal("2.00"), Decimal("0.00"), Decimal("-1")),
        ReformChange("A", "Xã A", 1, 2, 4, 12, Decimal("4.00"), Decimal("6.00"), Decimal("0.5000")),
    )
    # A reform date of 1/8/2025: July is before, August after.
    moved = reform_changes(records, reform_date=dt.date(2025, 8, 1))
    assert [(c.unit_code, c.months_before, c.dossiers_before) for c in moved] == [
        ("B", 2, 2),
        ("A", 2, 9),
    ]
    _refused(
        lambda: reform_changes([], reform_date="2025-07-01"),  # type: ignore[arg-type]
        "Ngày (date): reform_date must be a datetime.date, got str",
        _DATE_HINT,
        argument="reform_date",
        got="str",
    )


def test_mean_wait_without_traffic_or_service_time() -> None:
    assert mean_wait(0, 0.0, 1.0) == 0.0  # no counter and no visitor: nobody waits
    assert mean_wait(1, 2.0, 0.0) == 0.0  # no service time: nobody waits, however busy


def test_dossier_count_numbers_refused() -> None:
    _refused(
        lambda: DossierCount("U", "P", Month(2026, 1), 5, in_person=1.5),  # type: ignore[arg-type]
        "Số (number): in_person must be an integer, got float",
        argument="in_person",
        got="float",
    )
    _refused(
        lambda: DossierCount("U", "P", Month(2026, 1), "5"),  # type: ignore[arg-type]
        "Số (number): count must be an integer, got str",
        argument="count",
        got="str",
    )
    _refused(
        lambda: DossierCount("U", "P", Month(2026, 1), 10**30),
        "Số liệu hồ sơ (dossier count): count must be between 0 and 1,000,000,000, got "
        + str(10**30)[:20],
        argument="count",
    )


def test_reform_ranks_equal_changes_by_volume_after() -> None:
    records = [
        {"unit_code": code, "procedure_code": "P", "month": month, "count": count}
        for code, month, count in (
            ("A", "2025-06", 1),
            ("A", "2025-07", 2),
            ("B", "2025-06", 5),
            ("B", "2025-07", 10),
            ("C", "2025-06", 3),
            ("C", "2025-07", 4),
        )
    ]
    changes = reform_changes(records)
    assert [(c.unit_code, c.change) for c in changes] == [
        ("B", Decimal("1.0000")),
        ("A", Decimal("1.0000")),
        ("C", Decimal("0.3333")),  # 4 / 3 − 1, to 0.0001
    ]
    assert str(changes[2].change) == "0.3333"
    assert changes[2].percent == "+33,3 %"


def test_demand_totals_are_decimals_and_roles_in_order() -> None:
    assert type(Demand(rows=()).minutes()) is Decimal
    efforts = effort_table({"P": {"approval": 2}, "Q": {"reception": 3}})
    counts = [
        {"unit_code": "U", "procedure_code": "P", "month": "2026-01", "count": 1},
        {"unit_code": "U", "procedure_code": "Q", "month": "2026-01", "count": 1},
    ]
    assert [row.role for row in compute_demand(counts, efforts).rows] == ["reception", "approval"]


def test_arrival_rates_follow_the_calendar_given() -> None:
    closed = civil_service_calendar().with_days_off(
        [dt.date(2026, 1, 5)],  # a Monday of January 2026
        name_vi="Nghỉ tránh bão",
        name_en="Storm closure",
        legal_ref=LegalRef("1/QĐ-UBND", kind="Quyết định"),
    )
    flat = ArrivalProfile(weekday_weights=(1,) * 7, hour_weights=(1,) * 24)
    # 20 working days × 8 one-hour slots instead of 21 × 8.
    rates = arrival_rates(1600, Month(2026, 1), profile=flat, calendar=closed)
    assert set(rates.values()) == {10.0}


def test_peak_month_of_each_role() -> None:
    cal, hours = resolve(None, None)
    # January 2026 with the file's defaults (12 days of leave, 0.85): 56406/415 productive hours.
    january = exact_capacity(Month(2026, 1), cal, hours, Fraction(12), Fraction(85, 100))
    assert january.productive == Fraction(56406, 415)
    efforts = effort_table({"P": {"processing": 20, "reception": 0}, "Q": {"approval": 1}})
    records = [
        {"unit_code": "U", "procedure_code": "P", "month": "2026-01", "count": 1008},
        {"unit_code": "U", "procedure_code": "Q", "month": "2026-02", "count": 1},
        {"unit_code": "U", "procedure_code": "P", "month": "2026-02", "count": 1},
    ]
    reception, processing, approval = (
        plan_workload(records, efforts, start=Month(2026, 1)).units[0].roles
    )
    assert (reception.role, reception.fte, reception.peak_month, reception.peak_month_fte) == (
        "reception",
        0,
        None,
        0,
    )
    # 1008 × 20 min = 336 h in January alone: ⌈336 / (56406/415)⌉ = 3.
    assert math.ceil(Fraction(336) / january.productive) == 3
    assert (processing.peak_month, processing.peak_month_fte) == (Month(2026, 1), 3)
    assert (approval.peak_month, approval.peak_month_fte) == (Month(2026, 2), 1)
    # Equal needs in two months: the first is the peak.
    level = [
        {"unit_code": "U", "procedure_code": "P", "month": month, "count": 1}
        for month in ("2026-01", "2026-02")
    ]
    need = plan_workload(level, efforts, start=Month(2026, 1)).units[0].role("processing")
    assert need is not None
    assert (need.peak_month, need.peak_month_fte) == (Month(2026, 1), 1)


def test_counter_month_after_a_month_without_visits() -> None:
    efforts = effort_table({"P": {"reception": 10}})
    records = [
        {"unit_code": "U", "procedure_code": "P", "month": "2026-01", "count": 100},
        {"unit_code": "U", "procedure_code": "P", "month": "2026-02", "count": 50, "in_person": 0},
        {"unit_code": "U", "procedure_code": "P", "month": "2026-04", "count": 3000},
    ]
    unit = plan_workload(records, efforts, start=Month(2026, 1)).units[0]
    assert unit.counter_month == Month(2026, 4)  # February: no visit; March: no row
    assert unit.counters > 1


def test_capacity_edges() -> None:
    # Leave equal to all the year's working days (249 in 2026) is allowed: nothing left.
    none_left = staff_capacity(Month(2026, 1), annual_leave_days=249, utilisation=1)
    assert (none_left.gross_hours, none_left.leave_hours) == (Decimal("168.00"), Decimal("168.00"))
    assert none_left.available_hours == Decimal("0.00")
    assert staff_capacity(Month(2026, 1), utilisation=Decimal("0.875")).utilisation == Decimal(
        "0.875"
    )
    # A year closed every day: no working day, no leave charged, no capacity.
    closed = civil_service_calendar().with_days_off(
        [dt.date(2026, 1, 1) + dt.timedelta(days=n) for n in range(365)],
        name_vi="Đóng cửa",
        name_en="Closed",
        legal_ref=LegalRef("2/QĐ-UBND", kind="Quyết định"),
    )
    empty = staff_capacity(Month(2026, 3), calendar=closed)
    assert (empty.working_days, empty.working_days_in_year) == (0, 0)
    assert (empty.leave_hours, empty.productive_hours) == (Decimal("0.00"), Decimal("0.00"))


def test_no_traffic_needs_no_counter() -> None:
    assert counters_needed(0, 5) == QueueResult(0.0, 5.0, 0.0, 0, 0.0, 0.0, 0.0)
    assert counters_needed(10, 0) == QueueResult(10.0, 0.0, 0.0, 0, 0.0, 0.0, 0.0)


def test_months_around_the_reform_date() -> None:
    records = [
        {"unit_code": "A", "procedure_code": "P", "month": month, "count": count}
        for month, count in (("2025-06", 10), ("2025-07", 20), ("2025-08", 40))
    ]
    # The reform on 15/7: July is on neither side.
    (mid,) = reform_changes(records, reform_date=dt.date(2025, 7, 15))
    assert (mid.months_before, mid.dossiers_before, mid.months_after, mid.dossiers_after) == (
        1,
        10,
        1,
        40,
    )
    # The reform on 30/6, the last day of June: June is on neither side, so none is before.
    assert reform_changes(records, reform_date=dt.date(2025, 6, 30)) == ()


def test_effort_lookup_without_a_field() -> None:
    table = effort_table({"A": {"r": 1}}, fields={"XXXX": {"r": 2}})
    assert table.get("B") is None
    with pytest.raises(UnknownProcedure) as caught:
        table.lookup("B")
    assert caught.value.message == ("Thời gian xử lý (staff effort) is not known for procedure 'B'")


def test_capacity_on_a_calendar_without_holidays_announced_to_mid_june() -> None:
    bare = WorkCalendar(
        name="Không ngày lễ",
        first_day=dt.date(2026, 1, 1),
        last_day=dt.date(2026, 12, 31),
        confirmed_through=dt.date(2026, 6, 15),
        data_version="test",
        special_days={},
    )
    june = staff_capacity(Month(2026, 6), calendar=bare)
    # 2026 starts on a Thursday: 52 weeks and one day, 52 × 5 + 1 = 261 weekdays, 1/1 included.
    assert (june.working_days, june.working_days_in_year) == (22, 261)
    assert june.provisional is True  # 16–30/6 are after the announced date
    assert staff_capacity(Month(2026, 5), calendar=bare).provisional is False
