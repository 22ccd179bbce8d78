"""tthc.workflows — step budgets: each refusal word for word, what is written back, and working
time added on the office windows given (not the default ones)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from workflow_helpers import D, H, at

from tthc._time import VN_TZ
from tthc.calendar import OfficeHours, civil_service_calendar
from tthc.deadlines import Duration
from tthc.errors import DurationError
from tthc.workflows import _budgets

_HINT = "write e.g. '4 giờ làm việc', '0,5 ngày làm việc', '15 ngày', 'trong ngày' or '0'"
_SHORT_DAY = OfficeHours(((dt.time(7, 30), dt.time(12)),))  # 4,5 working hours a day


def _unreadable(text: str) -> tuple[object, ...]:
    return (f"Thời gian (time) {text!r} cannot be read", _HINT, {"value": text})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ("Thời gian (time) is empty", "write e.g. '4 giờ làm việc'", {})),
        ("  ", ("Thời gian (time) is empty", "write e.g. '4 giờ làm việc'", {})),
        ("-1 ngày", _unreadable("-1 ngày")),
        ("+1 ngày", _unreadable("+1 ngày")),
        ("0 tháng", _unreadable("0 tháng")),
        ("Trong Ngày mai", _unreadable("Trong Ngày mai")),
        ("xyz", _unreadable("xyz")),
        ("1 giờ 30 phút làm việc", _unreadable("1 giờ 30 phút làm việc")),
        (
            "4 Giờ",
            (
                "Thời gian (time) '4 Giờ': 'giờ' alone is ambiguous (clock or working time?)",
                "write '4 giờ làm việc' for working time",
                {"value": "4 Giờ"},
            ),
        ),
        (
            "2 tháng",
            (
                "Thời gian (time) '2 tháng': tháng cannot be a step budget",
                _HINT,
                {"value": "2 tháng"},
            ),
        ),
    ],
)
def test_parse_budget_refusals(text: str, expected: tuple[object, ...]) -> None:
    with pytest.raises(DurationError) as info:
        _budgets.parse_budget(text)
    assert (info.value.message, info.value.hint, dict(info.value.context)) == expected


def test_parse_budget_readings() -> None:
    assert _budgets.parse_budget("1,5 working_hour") == H("1.5")
    assert _budgets.parse_budget("0,5 working_day") == D("0.5")
    assert _budgets.parse_budget("immediate") == Duration.immediate()
    assert _budgets.parse_budget("trong ngày (sau 0:00)") == Duration.same_day(dt.time(0))
    assert _budgets.parse_limit(" ") is None
    assert _budgets.parse_limit("10 ngày làm việc kể từ ngày nhận đủ hồ sơ") == D(10)


def test_format_budget_reads_back() -> None:
    assert _budgets.format_budget(Duration.immediate()) == "0"
    assert _budgets.format_budget(Duration.same_day(None)) == "trong ngày"
    assert _budgets.format_budget(Duration.same_day(dt.time(16))) == "trong ngày (sau 16:00)"
    assert _budgets.format_budget(D("0.5")) == "0,5 ngày làm việc"


def test_describe_span_in_days_of_the_windows() -> None:
    # 800 working hours: 100 days of 8 hours, 177,78 days of 4,5 hours (two decimals, comma).
    eight = OfficeHours(((dt.time(7, 30), dt.time(11, 30)), (dt.time(13), dt.time(17))))
    span = dt.timedelta(hours=800)
    assert _budgets.describe_span(span, eight) == "100 ngày làm việc (800 giờ làm việc)"
    assert _budgets.describe_span(span, _SHORT_DAY) == "177,78 ngày làm việc (800 giờ làm việc)"
    assert (
        _budgets.describe_span(dt.timedelta(hours=8, minutes=30), eight)
        == "1,06 ngày làm việc (8,5 giờ làm việc)"
    )


def test_working_time_of_each_unit() -> None:
    assert _budgets.working_time(D("0.5"), _SHORT_DAY) == dt.timedelta(hours=2, minutes=15)
    assert _budgets.working_time(H(3), _SHORT_DAY) == dt.timedelta(hours=3)
    assert _budgets.working_time(Duration.working_minutes(90), _SHORT_DAY) == dt.timedelta(
        minutes=90
    )
    assert _budgets.working_time(Duration.same_day(), _SHORT_DAY) == dt.timedelta(
        hours=4, minutes=30
    )
    assert _budgets.working_time(Duration.immediate(), _SHORT_DAY) == dt.timedelta(0)
    assert _budgets.working_time(Duration.calendar_days(2), _SHORT_DAY) is None
    # 4,5 h = 16 200 000 000 µs; × 10⁻¹⁰ = 1,62 µs, rounded to a whole microsecond.
    assert _budgets.working_time(D(Decimal("1E-10")), _SHORT_DAY) == dt.timedelta(microseconds=2)


def test_add_working_on_the_given_windows() -> None:
    cal = civil_service_calendar()
    # Mon 9/3/2026 11:00 + 1,5 h on 07:30–12:00 windows: 1 h to 12:00, then Tue 07:30 + 0,5 h.
    due = _budgets.add_working(at(2026, 3, 9, 11), dt.timedelta(hours=1.5), cal, _SHORT_DAY)
    assert due == at(2026, 3, 10, 8)
    assert due.utcoffset() == dt.timedelta(hours=7)
    # A zero amount returns the start itself, in Vietnam time.
    utc = dt.datetime(2026, 3, 9, 1, tzinfo=dt.timezone.utc)
    same = _budgets.add_working(utc, dt.timedelta(0), cal, _SHORT_DAY)
    assert same == utc
    assert same.tzinfo is VN_TZ
