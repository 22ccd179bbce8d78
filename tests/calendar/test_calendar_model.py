"""DayKind, DayInfo and OfficeHours (``tthc.calendar``): the names of a day, its text, office hours."""

from __future__ import annotations

import datetime as dt

import pytest

from tthc.calendar import DayInfo, DayKind, OfficeHours
from tthc.errors import InputTypeError
from tthc.legal import LegalRef

D = dt.date
T = dt.time
REF = LegalRef("01/QĐ-TEST", kind="Quyết định", issuer="Test")


# --- day kinds ------------------------------------------------------------------------------------


def test_day_kind_names() -> None:
    for kind in DayKind:
        assert kind.name_vi
        assert kind.name_en
    assert DayKind.MAKE_UP_WORKING_DAY.name_vi == "Ngày làm bù"
    assert DayKind.MAKE_UP_WORKING_DAY.is_working
    assert not DayKind.LOCAL_CLOSURE.is_working


# --- day info -------------------------------------------------------------------------------------


def test_describe() -> None:
    day = DayInfo(D(2026, 4, 30), DayKind.PUBLIC_HOLIDAY, False, "Chiến thắng", "Victory", REF)
    assert day.describe() == "30/04/2026 — Chiến thắng"
    assert day.describe(language="en") == "30/04/2026 — Victory"
    assert str(day) == "30/04/2026 — Chiến thắng"
    projected = DayInfo(D(2027, 4, 30), DayKind.PUBLIC_HOLIDAY, False, "A", "B", REF, True)
    assert projected.describe() == "30/04/2027 — A (dự kiến)"
    assert projected.describe(language="en") == "30/04/2027 — B (projected)"


# --- office hours ---------------------------------------------------------------------------------


def test_default_office_hours() -> None:
    hours = OfficeHours()
    assert hours.day_length == dt.timedelta(hours=8)
    assert hours.opens == dt.time(7, 30)
    assert hours.closes == dt.time(17, 0)


def test_custom_office_hours() -> None:
    # Thanh Hóa's system default (tthc_rules.md §1.4): 07:00–11:30 and 13:30–17:00.
    hours = OfficeHours(((dt.time(7), dt.time(11, 30)), (dt.time(13, 30), dt.time(17))))
    assert hours.day_length == dt.timedelta(hours=8)


@pytest.mark.parametrize(
    "windows",
    [
        (),
        ((dt.time(9), dt.time(8)),),
        ((dt.time(8), dt.time(12)), (dt.time(11), dt.time(17))),
        ((dt.time(8),),),
        [(dt.time(8), dt.time(12))],
        ((dt.time(8, tzinfo=dt.timezone.utc), dt.time(12)),),
    ],
)
def test_bad_office_hours(windows: object) -> None:
    with pytest.raises(InputTypeError):
        OfficeHours(windows)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("windows", "message"),
    [
        ((), "Giờ làm việc (office hours): windows must be a non-empty tuple of (start, end) time pairs"),
        ([(T(8), T(9))], "Giờ làm việc (office hours): windows must be a non-empty tuple of (start, end) time pairs"),
        (((T(8),),), "Giờ làm việc (office hours): each window must be a (start, end) pair of naive datetime.time, got (datetime.time(8, 0),)"),
        (((T(8), T(9), T(10)),), "Giờ làm việc (office hours): each window must be a (start, end) pair of naive datetime.time, got (datetime.time(8, 0), datetime.time(9, 0), datetime.time(10, 0))"),
        ((("08:00", T(9)),), "Giờ làm việc (office hours): each window must be a (start, end) pair of naive datetime.time, got ('08:00', datetime.time(9, 0))"),
        (((T(8, tzinfo=dt.timezone.utc), T(9)),), "Giờ làm việc (office hours): each window must be a (start, end) pair of naive datetime.time, got (datetime.time(8, 0, tzinfo=datetime.timezone.utc), datetime.time(9, 0))"),
        ([[T(8), T(9)]], "Giờ làm việc (office hours): windows must be a non-empty tuple of (start, end) time pairs"),
        (([T(8), T(9)],), "Giờ làm việc (office hours): each window must be a (start, end) pair of naive datetime.time, got [datetime.time(8, 0), datetime.time(9, 0)]"),
        (((T(9), T(9)),), "Giờ làm việc (office hours): window 09:00:00–09:00:00 must end after it starts"),
        (((T(10), T(9)),), "Giờ làm việc (office hours): window 10:00:00–09:00:00 must end after it starts"),
        (((T(8), T(12)), (T(11), T(13))), "Giờ làm việc (office hours): window 11:00:00–13:00:00 overlaps or precedes the previous one; list windows in order"),
    ],
)  # fmt: skip
def test_office_hours_refusals(windows: object, message: str) -> None:
    with pytest.raises(InputTypeError) as info:
        OfficeHours(windows)  # type: ignore[arg-type]
    assert info.value.message == message
    assert info.value.context == {"argument": "windows"}


def test_office_hours_adjacent_windows_are_allowed() -> None:
    hours = OfficeHours(((T(7, 30), T(11, 30)), (T(11, 30), T(17))))
    assert hours.day_length == dt.timedelta(hours=9, minutes=30)
    assert hours.opens == T(7, 30)
    assert hours.closes == T(17)
    assert OfficeHours().day_length == dt.timedelta(hours=8)
