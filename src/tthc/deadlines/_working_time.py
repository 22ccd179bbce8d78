"""Working time (thời gian làm việc): time inside the office windows of working days."""

from __future__ import annotations

import datetime as _dt

from tthc._time import VN_TZ
from tthc._validate import to_vietnam_time
from tthc.calendar import OfficeHours, WorkCalendar
from tthc.calendar._defaults import resolve

__all__ = ["working_time_between"]

_MICRO = _dt.timedelta(microseconds=1)


def _since_midnight(t: _dt.time) -> _dt.timedelta:
    return _dt.timedelta(
        hours=t.hour, minutes=t.minute, seconds=t.second, microseconds=t.microsecond
    )


def _elapsed_in_windows(t: _dt.time, hours: OfficeHours) -> _dt.timedelta:
    """Working time already passed on a working day at local time ``t``."""
    now = _since_midnight(t)
    total = _dt.timedelta()
    for start, end in hours.windows:
        ws, we = _since_midnight(start), _since_midnight(end)
        if now <= ws:
            break
        total += min(now, we) - ws
    return total


def _instant(
    day: _dt.date, offset: _dt.timedelta, hours: OfficeHours, *, at_end: bool
) -> _dt.datetime:
    """The instant ``offset`` of working time into ``day`` (a window end if ``at_end``).

    ``offset`` is at most a day's working time, so it always lands in one of the windows.
    """
    *earlier, (last_start, _) = hours.windows
    for start, end in earlier:
        length = _since_midnight(end) - _since_midnight(start)
        if offset < length or (at_end and offset == length):
            return _dt.datetime.combine(day, start, tzinfo=VN_TZ) + offset
        offset -= length
    return _dt.datetime.combine(day, last_start, tzinfo=VN_TZ) + offset


def _working_position(
    moment: _dt.datetime, cal: WorkCalendar, hours: OfficeHours
) -> tuple[_dt.date, _dt.timedelta]:
    """(working day, working time elapsed in it) of the first working instant at or after moment."""
    day = moment.date()
    if cal.is_working_day(day):
        elapsed = _elapsed_in_windows(moment.time(), hours)
        if elapsed < hours.day_length:
            return day, elapsed
    return cal.next_working_day(day), _dt.timedelta()


def _working_time(
    a: _dt.datetime, b: _dt.datetime, cal: WorkCalendar, hours: OfficeHours
) -> _dt.timedelta:
    """Working time inside the office windows between two Vietnam-time instants, ``a <= b``."""
    day_a, off_a = _working_position(a, cal, hours)
    day_b, off_b = _working_position(b, cal, hours)
    return cal.working_days_between(day_a, day_b) * hours.day_length + off_b - off_a


def working_time_between(
    start: _dt.datetime,
    end: _dt.datetime,
    *,
    calendar: WorkCalendar | None = None,
    office_hours: OfficeHours | None = None,
) -> _dt.timedelta:
    """Return the working time (thời gian làm việc) between two instants.

    Only time inside the office windows of working days counts (lunch breaks, evenings,
    weekends, holidays and official days off do not): the measure that working-hour limits
    (``giờ làm việc``) are counted in. It is the inverse of :func:`compute_deadline` for such
    limits: for ``t`` inside office hours, ``working_time_between(t, compute_deadline(t,
    Duration.working_hours(h)).due_at) == timedelta(hours=h)``. O(1): two look-ups in the
    calendar's working-day index, whatever the distance.

    Args:
        start: From (aware; converted to Vietnam time).
        end: To (aware). When ``end`` is before ``start`` the result is negative.
        calendar: The working calendar; default :func:`tthc.calendar.civil_service_calendar`.
        office_hours: The office windows; default 07:30–11:30 and 13:00–17:00.

    Raises:
        InputTypeError: wrong argument types.
        NaiveDatetimeError: an instant has no time zone.
        CalendarRangeError: a date outside the calendar's range.

    Example:
        >>> from datetime import datetime
        >>> from tthc import VN_TZ
        >>> working_time_between(
        ...     datetime(2026, 4, 29, 16, tzinfo=VN_TZ), datetime(2026, 5, 4, 8, 30, tzinfo=VN_TZ)
        ... )  # 30/4 and 1/5 are holidays, then a weekend
        datetime.timedelta(seconds=7200)
    """
    a = to_vietnam_time(start, "start")
    b = to_vietnam_time(end, "end")
    cal, hours = resolve(calendar, office_hours)
    if b < a:
        return -_working_time(b, a, cal, hours)
    return _working_time(a, b, cal, hours)


def _add_working_time(
    moment: _dt.datetime, amount: _dt.timedelta, cal: WorkCalendar, hours: OfficeHours
) -> tuple[_dt.datetime, _dt.datetime]:
    """Return (effective start, due instant) for ``amount`` of working time from ``moment``."""
    day, elapsed = _working_position(moment, cal, hours)
    start = _instant(day, elapsed, hours, at_end=False)
    start = max(start, moment)
    length = hours.day_length
    total = elapsed + amount
    full_days = (total - _MICRO) // length
    remainder = total - full_days * length
    due_day = cal.add_working_days(day, full_days)
    # An amount that rounds to nothing is due when counting starts, never at the end of the
    # window before it (a 12:00 acceptance is counted from 13:00, not due at 11:30).
    return start, max(start, _instant(due_day, remainder, hours, at_end=True))
