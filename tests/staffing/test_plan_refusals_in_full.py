"""Every refusal of the plan, its settings, months and numbers, in its exact words (issue 17, item 5)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from tthc.errors import InputTypeError
from tthc.staffing import Month, PlanSettings, plan_workload, staff_capacity
from tthc.staffing._assumptions import parse_assumptions
from tthc.staffing._capacity import leave_days, utilisation_of
from tthc.staffing._numbers import exact, parse_amount, to_decimal

ONE = [
    {
        "unit_code": "31120",
        "procedure_code": "1.001193",
        "month": "2026-01",
        "count": 10,
        "field": "hộ tịch",
        "unit_kind": "phường",
    }
]
MONTH_HINT = "Month(2026, 1) or Month.parse('2026-01')"
DATE_HINT = "convert strings with datetime.date.fromisoformat('YYYY-MM-DD')"
ROWS_HINT = "check the input and the unit_kind filter (units need a unit_kind column)"

CASES: list[tuple[str, Callable[[], object], str, str | None, dict[str, str]]] = [
    (
        "end before start",
        lambda: plan_workload(ONE, start=Month(2026, 3), end=Month(2026, 2)),
        "Kỳ kế hoạch (plan period): end 2026-02 is before start 2026-03",
        None,
        {"argument": "end"},
    ),
    (
        "start not a month",
        lambda: plan_workload(ONE, start="2026-01"),  # type: ignore[arg-type]
        "Tháng (month): start must be a tthc.staffing.Month, got str",
        MONTH_HINT,
        {"argument": "start"},
    ),
    (
        "end not a month",
        lambda: plan_workload(ONE, end=5),  # type: ignore[arg-type]
        "Tháng (month): end must be a tthc.staffing.Month, got int",
        MONTH_HINT,
        {"argument": "end"},
    ),
    (
        "blank unit kind",
        lambda: plan_workload(ONE, unit_kind=" "),
        "Loại đơn vị (unit kind): unit_kind must be a non-empty string",
        None,
        {"argument": "unit_kind"},
    ),
    (
        "unit kind not text",
        lambda: plan_workload(ONE, unit_kind=5),  # type: ignore[arg-type]
        "Loại đơn vị (unit kind): unit_kind must be a non-empty string",
        None,
        {"argument": "unit_kind"},
    ),
    (
        "no unit of the kind",
        lambda: plan_workload(ONE, unit_kind="xã"),
        "Số liệu hồ sơ (dossier counts): no rows for unit kind 'xã'",
        ROWS_HINT,
        {"argument": "counts"},
    ),
    (
        "no rows",
        lambda: plan_workload([]),
        "Số liệu hồ sơ (dossier counts): no rows",
        ROWS_HINT,
        {"argument": "counts"},
    ),
    (
        "settings",
        lambda: plan_workload(ONE, settings=5),  # type: ignore[arg-type]
        "Thiết lập (settings): settings must be a PlanSettings",
        None,
        {"argument": "settings"},
    ),
    (
        "efforts",
        lambda: plan_workload(ONE, efforts=5),  # type: ignore[arg-type]
        "Thời gian xử lý (staff effort): efforts must be an EffortTable",
        None,
        {"argument": "efforts"},
    ),
    (
        "share above 1",
        lambda: PlanSettings(in_person_share=Decimal("1.1")),
        "Tỷ lệ nộp trực tiếp (in-person share) must be in [0, 1]",
        None,
        {"argument": "in_person_share"},
    ),
    (
        "negative share",
        lambda: PlanSettings(in_person_share=Decimal(-1)),
        "Số (number): in_person_share must be zero or more, got -1",
        None,
        {"argument": "in_person_share", "value": "-1"},
    ),
    (
        "negative flag_top",
        lambda: PlanSettings(flag_top=-1),
        "Đơn vị cần lưu ý (flagged units): flag_top must be zero or more",
        None,
        {"argument": "flag_top"},
    ),
    (
        "flag_top not an integer",
        lambda: PlanSettings(flag_top=1.5),  # type: ignore[arg-type]
        "Số (number): flag_top must be an integer, got float",
        None,
        {"argument": "flag_top", "got": "float"},
    ),
    (
        "reform date as text",
        lambda: PlanSettings(reform_date="2025-07-01"),  # type: ignore[arg-type]
        "Ngày (date): reform_date must be a datetime.date, got str",
        DATE_HINT,
        {"argument": "reform_date", "got": "str"},
    ),
    (
        "utilisation above 1",
        lambda: PlanSettings(utilisation=Decimal("1.5")),
        "Tỷ lệ sử dụng (utilisation) must be in (0, 1], got 1.5",
        None,
        {"argument": "utilisation"},
    ),
    (
        "zero utilisation",
        lambda: PlanSettings(utilisation=Decimal(0)),
        "Số (number): utilisation must be positive, got 0",
        None,
        {"argument": "utilisation", "value": "0"},
    ),
    (
        "negative leave",
        lambda: PlanSettings(annual_leave_days=Decimal(-1)),
        "Số (number): annual_leave_days must be zero or more, got -1",
        None,
        {"argument": "annual_leave_days", "value": "-1"},
    ),
    (
        "leave above the year",
        # 2026 has 249 working days on the national calendar.
        lambda: staff_capacity(Month(2026, 1), annual_leave_days=300),
        "Nghỉ hằng năm (annual leave) of 300.0 days is more than the 249 working days of 2026",
        None,
        {"argument": "annual_leave_days"},
    ),
    (
        "month text not text",
        lambda: Month.parse(5),  # type: ignore[arg-type]
        "Tháng (month): expected text like '2026-01', got int",
        None,
        {"argument": "month"},
    ),
    (
        "month 13",
        lambda: Month.parse("2026-13"),
        "Tháng (month): 2026-13 is not a month; year must be 1–9999 and month 1–12",
        None,
        {"argument": "month"},
    ),
    (
        "not a month",
        lambda: Month.parse("x"),
        "Tháng (month): 'x' is not a month",
        "write YYYY-MM, e.g. 2026-01",
        {"argument": "month"},
    ),
    (
        "year 0",
        lambda: Month(0, 1),
        "Tháng (month): 0-1 is not a month; year must be 1–9999 and month 1–12",
        None,
        {"argument": "month"},
    ),
    (
        "year 10000",
        lambda: Month(10000, 1),
        "Tháng (month): 10000-1 is not a month; year must be 1–9999 and month 1–12",
        None,
        {"argument": "month"},
    ),
    (
        "month 0",
        lambda: Month(2026, 0),
        "Tháng (month): 2026-0 is not a month; year must be 1–9999 and month 1–12",
        None,
        {"argument": "month"},
    ),
    (
        "year as text",
        lambda: Month("2026", 1),  # type: ignore[arg-type]
        "Số (number): year must be an integer, got str",
        None,
        {"argument": "year", "got": "str"},
    ),
    (
        "month as text",
        lambda: Month(2026, "1"),  # type: ignore[arg-type]
        "Số (number): month must be an integer, got str",
        None,
        {"argument": "month", "got": "str"},
    ),
    (
        "bool",
        lambda: exact(True, "x"),
        "Số (number): x must be a number, got bool",
        None,
        {"argument": "x", "got": "bool"},
    ),
    (
        "nan",
        lambda: exact(float("nan"), "x"),
        "Số (number): x must be finite",
        None,
        {"argument": "x"},
    ),
    (
        "decimal infinity",
        lambda: exact(Decimal("-Infinity"), "x"),
        "Số (number): x must be finite",
        None,
        {"argument": "x"},
    ),
    (
        "too large",
        lambda: exact(Decimal("1e101"), "x"),
        "Số (number): x is out of range (at most 10^100, 100 decimal places)",
        None,
        {"argument": "x", "value": "1E+101"},
    ),
    (
        "too fine",
        lambda: exact(Decimal("1e-101"), "x"),
        "Số (number): x is out of range (at most 10^100, 100 decimal places)",
        None,
        {"argument": "x", "value": "1E-101"},
    ),
    (
        "far too large",
        lambda: exact(Decimal("1e400"), "x"),
        "Số (number): x is out of range (at most 10^100, 100 decimal places)",
        None,
        {"argument": "x", "value": "1E+400"},
    ),
    (
        "zero not allowed",
        lambda: exact(0, "x", allow_zero=False),
        "Số (number): x must be positive, got 0",
        None,
        {"argument": "x", "value": "0"},
    ),
    (
        "none",
        lambda: exact(None, "x"),
        "Số (number): x must be a number, got NoneType",
        None,
        {"argument": "x", "got": "NoneType"},
    ),
]


@pytest.mark.parametrize(
    ("call", "message", "hint", "context"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_refusal(
    call: Callable[[], object], message: str, hint: str | None, context: dict[str, Any]
) -> None:
    with pytest.raises(InputTypeError) as caught:
        call()
    assert (caught.value.code, caught.value.message, caught.value.hint) == (
        "input.wrong_type",
        message,
        hint,
    )
    assert dict(caught.value.context) == context


def test_numbers_read_exactly() -> None:
    assert exact(0.1, "x") == Fraction(1, 10)
    assert exact(Decimal("1e100"), "x") == 10**100
    assert exact(Decimal("1e-100"), "x") == Fraction(1, 10**100)
    assert exact(Decimal("0E-200"), "x") == 0
    assert exact(Fraction(1, 3), "x") == Fraction(1, 3)
    assert exact(7, "x", allow_zero=False) == 7
    assert parse_amount(" 1 2,5 ") == Decimal("12.5")
    assert parse_amount("+.5") == Decimal("0.5")
    assert parse_amount("1.") == Decimal(1)
    assert parse_amount(",5") == Decimal("0.5")
    for bad in ("-1", "1e3", "", "1.2.3", "x"):
        assert parse_amount(bad) is None, bad
    assert to_decimal(Fraction(1, 8)) == Decimal("0.12")  # half to even
    assert to_decimal(Fraction(3, 8)) == Decimal("0.38")
    assert to_decimal(5) == Decimal("5.00")
    assert to_decimal(Decimal("0.00005"), Decimal("0.0001")) == Decimal("0.0000")


def test_months_read_and_stepped() -> None:
    assert Month.parse(" 1/2026 ") == Month(2026, 1)
    assert Month.parse("2026-1") == Month(2026, 1)
    assert Month.parse(" 2026-12 ") == Month(2026, 12)
    assert Month.parse("12/2026") == Month(2026, 12)
    assert Month(1, 1) < Month(9999, 12)
    assert str(Month(5, 3)) == "0005-03"
    assert Month(2026, 12).next() == Month(2027, 1)
    assert Month(2026, 1).next() == Month(2026, 2)
    assert Month(2026, 2).last_day == dt.date(2026, 2, 28)
    assert Month(2024, 2).last_day == dt.date(2024, 2, 29)
    assert Month(2026, 12).last_day == dt.date(2026, 12, 31)
    assert Month(2026, 12).first_day == dt.date(2026, 12, 1)


def test_defaults_of_leave_and_utilisation() -> None:
    assert leave_days(None) == 12  # Bộ luật Lao động 2019 Điều 113.1.a
    assert leave_days(Decimal("14")) == 14
    assert utilisation_of(None) == Fraction(85, 100)  # planning assumption of the file
    assert utilisation_of(1) == 1
    settings = PlanSettings()
    assert (settings.annual_leave_days, settings.utilisation, settings.in_person_share) == (
        Decimal(12),
        Decimal("0.85"),
        Decimal(1),
    )
    assert (settings.counter_role, settings.flag_top) == ("reception", 10)
    assert settings.reform_date == dt.date(2025, 7, 1)
    assert PlanSettings(in_person_share=Decimal(0), flag_top=0).flag_top == 0


def test_default_utilisation_of_a_bad_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    zero = parse_assumptions(
        '{"data_version": "1", "assumptions": [{"key": "utilisation", "name_vi": "",'
        ' "name_en": "", "value": "0", "basis": "planning_assumption"}]}',
        "bad.json",
    )
    monkeypatch.setattr("tthc.staffing._capacity.load_assumptions", lambda: zero)
    with pytest.raises(InputTypeError) as caught:
        utilisation_of(None)
    assert caught.value.message == "Tỷ lệ sử dụng (utilisation) must be in (0, 1], got 0.0"
