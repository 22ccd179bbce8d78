"""Working time between two instants (tthc.deadlines.working_time_between).

Dates use the official 2026 public-sector calendar: Thu 30/4 and Fri 1/5/2026 are holidays
(Labour Code 2019 Art. 112.1), Mon 27/4/2026 is the day off for Giỗ Tổ Hùng Vương (10/3 lunar,
on Sun 26/4). Office windows default to 07:30–11:30 and 13:00–17:00 (8 hours a day).

The second half pins exact results, messages and refusals (found by mutation testing, see
docs/quality.md); ACCEPTED is Monday 9/3/2026 09:00, and 9/3 to 20/3/2026 are all working
days (no holiday in March 2026).
"""

from __future__ import annotations

import datetime as dt
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc import VN_TZ
from tthc.calendar import OfficeHours, WorkCalendar, civil_service_calendar
from tthc.deadlines import (
    Duration,
    compute_deadline,
    working_time_between,
)
from tthc.errors import InputTypeError, NaiveDatetimeError
from tthc.legal import LegalRef

D = dt.date
#: Monday 9/3/2026 09:00: 9/3 to 20/3/2026 are all working days (no holiday in March 2026;
#: tests/data/vn_public_sector_calendar_reference.csv).
ACCEPTED = dt.datetime(2026, 3, 9, 9, 0, tzinfo=VN_TZ)


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute, tzinfo=VN_TZ)


NAIVE = dt.datetime(2026, 3, 9, 9)


NAIVE_HINT = "attach the zone: value.replace(tzinfo=tthc.VN_TZ) for Vietnam time (UTC+7)"


def _naive(name: str) -> tuple[type[Exception], str, dict[str, object], str]:
    return (
        NaiveDatetimeError,
        f"Thời điểm không có múi giờ (naive datetime): {name}=2026-03-09T09:00:00 has no time "
        "zone, and the time of day matters here",
        {"argument": name},
        NAIVE_HINT,
    )


def vn(*args: int) -> datetime:
    return datetime(*args, tzinfo=VN_TZ)  # type: ignore[misc]


H = timedelta(hours=1)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # same window
        (vn(2026, 3, 9, 8), vn(2026, 3, 9, 10, 30), 2.5 * H),
        # across lunch: 10:00-11:30 + 13:00-14:00
        (vn(2026, 3, 9, 10), vn(2026, 3, 9, 14), 2.5 * H),
        # a whole working day from opening to closing
        (vn(2026, 3, 9, 7, 30), vn(2026, 3, 9, 17), 8 * H),
        # both ends outside the windows on the same day: nothing
        (vn(2026, 3, 9, 18), vn(2026, 3, 9, 22), timedelta(0)),
        (vn(2026, 3, 9, 11, 45), vn(2026, 3, 9, 12, 45), timedelta(0)),
        # Fri 16:00 -> Mon 08:00 over a weekend: 1 h + 0.5 h
        (vn(2026, 3, 13, 16), vn(2026, 3, 16, 8), 1.5 * H),
        # Wed 29/4 16:00 -> Mon 4/5 08:30: 30/4, 1/5 holidays and the weekend skipped
        (vn(2026, 4, 29, 16), vn(2026, 5, 4, 8, 30), 2 * H),
        # Fri 24/4 17:00 -> Tue 28/4 07:30: Mon 27/4 (Giỗ Tổ) is a day off
        (vn(2026, 4, 24, 17), vn(2026, 4, 28, 7, 30), timedelta(0)),
        # a whole working week (Mon 9/3 - Fri 13/3): 5 x 8 h
        (vn(2026, 3, 9, 0), vn(2026, 3, 14, 0), 40 * H),
        # an instant given in UTC is read in Vietnam time (01:00Z = 08:00 +07)
        (datetime.fromisoformat("2026-03-09T01:00:00+00:00"), vn(2026, 3, 9, 9), 1 * H),
    ],
)
def test_working_time_between_known_values(
    start: datetime, end: datetime, expected: timedelta
) -> None:
    assert working_time_between(start, end) == expected
    # the reverse interval is the negative
    assert working_time_between(end, start) == -expected


def test_working_time_between_custom_hours_and_calendar() -> None:
    single = OfficeHours(windows=((time(8), time(16)),))
    assert working_time_between(vn(2026, 3, 9, 10), vn(2026, 3, 9, 14), office_hours=single) == (
        4 * H
    )
    # a local closure (storm) on Tue 10/3/2026 removes that day
    closed = civil_service_calendar().with_days_off(
        [date(2026, 3, 10)],
        name_vi="Nghỉ do bão (ví dụ)",
        name_en="Storm closure (example)",
        legal_ref=LegalRef("Quyết định (ví dụ)", kind="Quyết định", confidence="reported"),
    )
    assert working_time_between(vn(2026, 3, 9, 16), vn(2026, 3, 11, 8), calendar=closed) == (
        1.5 * H
    )


def test_working_time_between_refusals() -> None:
    with pytest.raises(NaiveDatetimeError):
        working_time_between(datetime(2026, 3, 9, 8), vn(2026, 3, 9, 9))
    with pytest.raises(NaiveDatetimeError):
        working_time_between(vn(2026, 3, 9, 8), datetime(2026, 3, 9, 9))
    with pytest.raises(InputTypeError):
        working_time_between(date(2026, 3, 9), vn(2026, 3, 9, 9))  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        working_time_between(vn(2026, 3, 9, 8), vn(2026, 3, 9, 9), calendar="VN")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        working_time_between(vn(2026, 3, 9, 8), vn(2026, 3, 9, 9), office_hours=8)  # type: ignore[arg-type]


def _brute_force(a: datetime, b: datetime, cal: WorkCalendar, hours: OfficeHours) -> timedelta:
    # day by day, window by window: the definition
    total = timedelta(0)
    day = a.date()
    while day <= b.date():
        if cal.is_working_day(day):
            for opens, closes in hours.windows:
                lo = max(a, datetime.combine(day, opens, tzinfo=VN_TZ))
                hi = min(b, datetime.combine(day, closes, tzinfo=VN_TZ))
                if hi > lo:
                    total += hi - lo
        day += timedelta(days=1)
    return total


_instants = st.datetimes(min_value=datetime(2016, 1, 1), max_value=datetime(2034, 1, 1)).map(
    lambda d: d.replace(tzinfo=VN_TZ)
)


@settings(max_examples=60, deadline=None)
@given(_instants, st.integers(min_value=0, max_value=60 * 24 * 40))
def test_matches_the_day_by_day_definition(start: datetime, minutes: int) -> None:
    end = start + timedelta(minutes=minutes)
    cal = civil_service_calendar()
    expected = _brute_force(start, end, cal, OfficeHours())
    assert working_time_between(start, end) == expected
    assert working_time_between(end, start) == -expected


def _inside_office_hours(d: datetime) -> bool:
    cal = civil_service_calendar()
    t = d.timetz().replace(tzinfo=None)
    return cal.is_working_day(d.date()) and any(a <= t < b for a, b in OfficeHours().windows)


@settings(max_examples=80, deadline=None)
@given(
    _instants.filter(_inside_office_hours),
    st.integers(min_value=1, max_value=24 * 30),
)
def test_inverse_of_compute_deadline_for_working_hours(start: datetime, h: int) -> None:
    # compute_deadline counts h working hours inside the windows; measuring them back gives h
    due = compute_deadline(start, Duration.working_hours(h)).due_at
    assert working_time_between(start, due) == timedelta(hours=h)


@settings(max_examples=40, deadline=None)
@given(
    _instants.filter(_inside_office_hours),
    st.integers(min_value=1, max_value=60 * 24),
)
def test_inverse_of_compute_deadline_for_working_minutes(start: datetime, m: int) -> None:
    due = compute_deadline(start, Duration.working_minutes(m)).due_at
    assert working_time_between(start, due) == timedelta(minutes=m)


# --- exact results and refusals -------------------------------------------------------------------


# The hints of tthc.calendar._defaults, the one place that resolves the default calendar and
# office hours.
CALENDAR_HINT = "pass tthc.calendar.civil_service_calendar() or a calendar derived from it"
HOURS_HINT = "pass tthc.calendar.OfficeHours(...) or None for 07:30–11:30, 13:00–17:00"


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: working_time_between(NAIVE, ACCEPTED), _naive("start")),
        (lambda: working_time_between(ACCEPTED, NAIVE), _naive("end")),
        (lambda: working_time_between(ACCEPTED, ACCEPTED, calendar=1), (InputTypeError, "Lịch làm việc (calendar): expected a WorkCalendar, got int", {"argument": "calendar", "got": "int"}, CALENDAR_HINT)),
        (lambda: working_time_between(ACCEPTED, ACCEPTED, office_hours=1), (InputTypeError, "Giờ làm việc (office hours): expected an OfficeHours, got int", {"argument": "office_hours", "got": "int"}, HOURS_HINT)),
    ],
)  # fmt: skip
def test_working_time_between_refusals_are_exact(
    call: object, expected: tuple[type[Exception], str, dict[str, object], str | None]
) -> None:
    error, message, context, hint = expected
    with pytest.raises(error) as info:
        call()  # type: ignore[operator]
    assert info.value.message == message  # type: ignore[attr-defined]
    assert info.value.context == context  # type: ignore[attr-defined]
    assert info.value.hint == hint  # type: ignore[attr-defined]


def test_working_time_counts_seconds() -> None:
    assert working_time_between(ACCEPTED, at(9, 9) + dt.timedelta(seconds=30)) == dt.timedelta(
        seconds=30
    )
    assert working_time_between(at(9, 9) + dt.timedelta(seconds=30), ACCEPTED) == -dt.timedelta(
        seconds=30
    )
