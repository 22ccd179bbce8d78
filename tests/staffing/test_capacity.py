"""Capacity of one staff member per month, and FTE = demand / capacity rounded up.

Sources:

* 2026 working days: the official 2026 calendar (tests/data/vn_public_sector_calendar_reference.csv,
  249 working days): Tết Dương lịch 1/1 + swapped 2/1 worked on Saturday 10/1 (12729/VPCP-KGVX),
  Tết 16–20/2 and 31/8 ↔ 22/8, 1–2/9 (9441/TB-BNV), compensatory 27/4 for Giỗ Tổ on Sunday 26/4
  (Bộ luật Lao động 2019 Điều 111.3), 30/4, 1/5 (Điều 112.1), 24/11 Ngày Văn hóa Việt Nam.
* Annual leave: 12 working days (Bộ luật Lao động 2019 Điều 113.1.a).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from tthc.calendar import OfficeHours, civil_service_calendar
from tthc.errors import CalendarRangeError, InputTypeError
from tthc.legal import LegalRef
from tthc.staffing import (
    Month,
    PlanSettings,
    effort_table,
    fte_needed,
    plan_workload,
    staff_capacity,
)

D = dt.date
T = dt.time
BARE = {"annual_leave_days": 0, "utilisation": 1}

# month: (weekdays Mon–Fri, weekday days off, working Saturdays, working days)
# Jan: 22 weekdays − Thu 1/1 (Tết Dương lịch) − Fri 2/1 (swap) + Sat 10/1 (make-up)    = 21
# Feb: 20 weekdays − Mon–Fri 16–20/2 (Tết Nguyên đán)                                    = 15
# Mar: 22 weekdays, no day off                                                            = 22
# Apr: 22 weekdays − Mon 27/4 (nghỉ bù Giỗ Tổ, 26/4 is a Sunday) − Thu 30/4              = 20
# May: 21 weekdays − Fri 1/5                                                              = 20
# Jun: 22 weekdays                                                                        = 22
# Jul: 23 weekdays                                                                        = 23
# Aug: 21 weekdays − Mon 31/8 (swap) + Sat 22/8 (make-up)                                 = 21
# Sep: 22 weekdays − Tue 1/9 − Wed 2/9 (Quốc khánh)                                       = 20
# Oct: 22 weekdays                                                                        = 22
# Nov: 21 weekdays − Tue 24/11 (Ngày Văn hóa Việt Nam)                                    = 20
# Dec: 23 weekdays                                                                        = 23
# Total: 249 working days = the official count for 2026.
HAND_2026 = {
    1: (22, [D(2026, 1, 1), D(2026, 1, 2)], [D(2026, 1, 10)], 21),
    2: (20, [D(2026, 2, d) for d in range(16, 21)], [], 15),
    3: (22, [], [], 22),
    4: (22, [D(2026, 4, 27), D(2026, 4, 30)], [], 20),
    5: (21, [D(2026, 5, 1)], [], 20),
    6: (22, [], [], 22),
    7: (23, [], [], 23),
    8: (21, [D(2026, 8, 31)], [D(2026, 8, 22)], 21),
    9: (22, [D(2026, 9, 1), D(2026, 9, 2)], [], 20),
    10: (22, [], [], 22),
    11: (21, [D(2026, 11, 24)], [], 20),
    12: (23, [], [], 23),
}


def _weekdays(year: int, month: int) -> int:
    day, count = D(year, month, 1), 0
    while day.month == month:
        count += day.weekday() < 5
        day += dt.timedelta(days=1)
    return count


@pytest.mark.parametrize("month", range(1, 13))
def test_capacity_2026_matches_hand_count(month: int) -> None:
    weekdays, off, extra, working = HAND_2026[month]
    assert _weekdays(2026, month) == weekdays
    assert weekdays - len(off) + len(extra) == working
    cap = staff_capacity(Month(2026, month), **BARE)
    assert cap.working_days == working
    assert [info.date for info in cap.days_off] == off
    assert [info.date for info in cap.extra_working_days] == extra
    assert cap.working_days_in_year == 249
    assert cap.hours_per_day == Decimal("8.00")
    assert cap.gross_hours == Decimal(8 * working)
    assert cap.leave_hours == 0
    assert cap.productive_hours == Decimal(8 * working)
    assert not cap.provisional


def test_capacity_2026_year_total() -> None:
    assert sum(v[3] for v in HAND_2026.values()) == 249
    # January with the defaults: leave 12 × 21/249 × 8 h = 8.0964 h; (168 − 8.0964) × 0.85.
    jan = staff_capacity(Month(2026, 1))
    assert jan.gross_hours == Decimal("168.00")
    assert jan.leave_hours == Decimal("8.10")
    assert jan.available_hours == Decimal("159.90")
    assert jan.productive_hours == Decimal("135.92")
    assert jan.annual_leave_days == Decimal("12.00")
    assert jan.utilisation == Decimal("0.85")
    # Over the year the leave adds up to exactly 12 days × 8 h = 96 h:
    # (249 × 8 − 96) × 0.85 = 1611.6 h per staff member.
    records = [
        {"unit_code": "U1", "procedure_code": "P", "month": f"2026-{m:02d}", "count": 1}
        for m in range(1, 13)
    ]
    plan = plan_workload(
        records,
        effort_table({"P": {"processing": 60}}),
        start=Month(2026, 1),
        settings=PlanSettings(),
    )
    assert plan.capacity_hours == Decimal("1611.60")
    assert plan.months == tuple(Month(2026, m) for m in range(1, 13))


def test_capacity_options() -> None:
    # 7.5-hour days (07:30–11:30, 13:30–17:00) and a local closure on Monday 5/1/2026.
    hours = OfficeHours(((T(7, 30), T(11, 30)), (T(13, 30), T(17, 0))))
    cal = civil_service_calendar().with_days_off(
        [D(2026, 1, 5)],
        name_vi="Nghỉ tránh bão",
        name_en="Storm closure",
        legal_ref=LegalRef("1/QĐ-UBND", kind="Quyết định"),
    )
    cap = staff_capacity(
        Month(2026, 1), calendar=cal, office_hours=hours, annual_leave_days=0, utilisation=1
    )
    assert cap.working_days == 20
    assert cap.gross_hours == Decimal("150.00")
    assert D(2026, 1, 5) in [info.date for info in cap.days_off]
    # Projected year: provisional.
    assert staff_capacity(Month(2030, 3)).provisional


def test_capacity_errors() -> None:
    with pytest.raises(InputTypeError):
        staff_capacity("2026-01")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        staff_capacity(Month(2026, 1), utilisation=0)
    with pytest.raises(InputTypeError):
        staff_capacity(Month(2026, 1), utilisation=Decimal("1.5"))
    with pytest.raises(InputTypeError):
        staff_capacity(Month(2026, 1), annual_leave_days=-1)
    with pytest.raises(InputTypeError):
        staff_capacity(Month(2026, 1), annual_leave_days=300)
    with pytest.raises(InputTypeError):
        staff_capacity(Month(2026, 1), annual_leave_days=True)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        staff_capacity(Month(2026, 1), utilisation=float("nan"))
    with pytest.raises(InputTypeError):
        staff_capacity(Month(2026, 1), utilisation=Decimal("Infinity"))
    with pytest.raises(InputTypeError):
        staff_capacity(Month(2026, 1), utilisation="0.8")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        staff_capacity(Month(2026, 1), calendar="national")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        staff_capacity(Month(2026, 1), office_hours="8h")  # type: ignore[arg-type]
    with pytest.raises(CalendarRangeError):
        staff_capacity(Month(2040, 1))


def test_fte_needed_rounds_up_on_the_exact_ratio() -> None:
    assert fte_needed(Decimal(320), Decimal(160)) == 2
    assert fte_needed(Decimal("320.01"), 160) == 3
    assert fte_needed(0, 160) == 0
    assert fte_needed(Fraction(1, 3), Fraction(1, 3)) == 1
    assert fte_needed(0.1 + 0.2, 0.3) == 2  # floats are read via their repr: 0.30000000000000004
    with pytest.raises(InputTypeError):
        fte_needed(10, 0)
    with pytest.raises(InputTypeError):
        fte_needed(-1, 10)
    with pytest.raises(InputTypeError):
        fte_needed("10", 10)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        fte_needed(True, 10)  # type: ignore[arg-type]
