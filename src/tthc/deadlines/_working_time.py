"""Working time (thời gian làm việc): time inside the office windows of working days."""

from __future__ import annotations

import datetime as _dt
import functools

from tthc._time import VN_TZ
from tthc._validate import to_vietnam_time
from tthc.calendar import OfficeHours, WorkCalendar
from tthc.calendar._defaults import DEFAULT_OFFICE_HOURS, resolve

__all__ = ["working_time_between"]

_MICRO = _dt.timedelta(microseconds=1)
_DATETIME = _dt.datetime
_COMBINE = _dt.datetime.combine
_TIMEDELTA = _dt.timedelta


def _us(t: _dt.time) -> int:
    return ((t.hour * 60 + t.minute) * 60 + t.second) * 1_000_000 + t.microsecond


class _Spans:
    """The office windows of an [`OfficeHours`][tthc.calendar.OfficeHours] in microseconds since midnight.

    Working-time arithmetic runs on these integers (exact, like ``timedelta``): a window's
    ``datetime.time`` is converted once per office hours instead of several times per call.
    A plain class (read-only by convention, built once per office hours): creating a NamedTuple
    class would add a millisecond to ``import tthc.deadlines``.

    Attributes:
        starts: The windows' starts (µs since midnight).
        ends: The windows' ends.
        lengths: The windows' lengths.
        opens: The windows' start times.
        closes: The windows' end times.
        day: One working day: the windows' total length.
    """

    __slots__ = ("closes", "day", "ends", "lengths", "opens", "starts")

    def __init__(self, hours: OfficeHours) -> None:
        self.starts = tuple(_us(start) for start, _ in hours.windows)
        self.ends = tuple(_us(end) for _, end in hours.windows)
        self.lengths = tuple(end - start for start, end in zip(self.starts, self.ends, strict=True))
        self.opens = tuple(start for start, _ in hours.windows)
        self.closes = tuple(end for _, end in hours.windows)
        self.day = sum(self.lengths)


def _make_spans(hours: OfficeHours) -> _Spans:
    return _Spans(hours)


_spans_cached = functools.lru_cache(maxsize=64)(_make_spans)
_DEFAULT_SPANS = _make_spans(DEFAULT_OFFICE_HOURS)


def _spans_of(hours: OfficeHours) -> _Spans:
    """The windows of ``hours`` as integers (the default office hours without a look-up)."""
    return _DEFAULT_SPANS if hours is DEFAULT_OFFICE_HOURS else _spans_cached(hours)


def _position_now(moment: _dt.datetime, cal: WorkCalendar, sp: _Spans) -> tuple[_dt.date, int, int]:
    """Where counting from ``moment`` starts, with ``moment``'s time of day.

    Returns (working day, µs of working time elapsed in it, µs since midnight of ``moment``) of
    the first working instant at or after ``moment``; the last is -1 when that is a later day.
    """
    day = moment.date()
    if cal.is_working_day(day):
        now = ((moment.hour * 60 + moment.minute) * 60 + moment.second) * 1_000_000
        now += moment.microsecond
        elapsed = 0
        for start, end in zip(sp.starts, sp.ends, strict=True):
            if now <= start:
                break
            elapsed += (now if now < end else end) - start
        if elapsed < sp.day:
            return day, elapsed, now
    return cal.next_working_day(day), 0, -1


def _position_us(moment: _dt.datetime, cal: WorkCalendar, sp: _Spans) -> tuple[_dt.date, int]:
    """(working day, µs of working time elapsed in it) of the first working instant >= moment."""
    day, elapsed, _ = _position_now(moment, cal, sp)
    return day, elapsed


def _locate(offset: int, sp: _Spans, *, at_end: bool) -> tuple[int, int]:
    """(window, µs into it) of the instant ``offset`` µs of working time into a working day.

    ``offset`` is at most a day's working time, so it always lands in one of the windows; at a
    window's end it is that end if ``at_end``, else the next window's start.
    """
    last = len(sp.lengths) - 1
    for index in range(last):
        length = sp.lengths[index]
        if offset < length or (at_end and offset == length):
            return index, offset
        offset -= length
    return last, offset


def _at(day: _dt.date, index: int, into: int, sp: _Spans) -> _dt.datetime:
    """The instant ``into`` µs after the start of window ``index`` of ``day`` (Vietnam time)."""
    if into == 0:
        return _COMBINE(day, sp.opens[index], VN_TZ)
    if into == sp.lengths[index]:
        return _COMBINE(day, sp.closes[index], VN_TZ)
    return _COMBINE(day, sp.opens[index], VN_TZ) + _TIMEDELTA(0, 0, into)


def _instant_us(day: _dt.date, offset: int, sp: _Spans, *, at_end: bool) -> _dt.datetime:
    """The instant ``offset`` µs of working time into ``day`` (a window end if ``at_end``)."""
    index, into = _locate(offset, sp, at_end=at_end)
    return _at(day, index, into, sp)


def _instant(
    day: _dt.date, offset: _dt.timedelta, hours: OfficeHours, *, at_end: bool
) -> _dt.datetime:
    """The instant ``offset`` of working time into ``day`` (a window end if ``at_end``)."""
    return _instant_us(day, offset // _MICRO, _spans_of(hours), at_end=at_end)


def _working_position(
    moment: _dt.datetime, cal: WorkCalendar, hours: OfficeHours
) -> tuple[_dt.date, _dt.timedelta]:
    """(working day, working time elapsed in it) of the first working instant at or after moment."""
    day, elapsed = _position_us(moment, cal, _spans_of(hours))
    return day, _TIMEDELTA(microseconds=elapsed)


def _working_time(
    a: _dt.datetime, b: _dt.datetime, cal: WorkCalendar, hours: OfficeHours
) -> _dt.timedelta:
    """Working time inside the office windows between two Vietnam-time instants, ``a <= b``."""
    sp = _spans_of(hours)
    day_a, off_a = _position_us(a, cal, sp)
    day_b, off_b = _position_us(b, cal, sp)
    return _TIMEDELTA(microseconds=cal.working_days_between(day_a, day_b) * sp.day + off_b - off_a)


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
    (``giờ làm việc``) are counted in. It is the inverse of [`compute_deadline`][tthc.deadlines.compute_deadline] for such
    limits: for ``t`` inside office hours, ``working_time_between(t, compute_deadline(t,
    Duration.working_hours(h)).due_at) == timedelta(hours=h)``. O(1): two look-ups in the
    calendar's working-day index, whatever the distance.

    Args:
        start: From (aware; converted to Vietnam time).
        end: To (aware). When ``end`` is before ``start`` the result is negative.
        calendar: The working calendar; default [`tthc.calendar.civil_service_calendar`][tthc.calendar.civil_service_calendar].
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
    return _add_working_us(moment, amount // _MICRO, cal, _spans_of(hours))


def _add_working_us(
    moment: _dt.datetime, amount: int, cal: WorkCalendar, sp: _Spans
) -> tuple[_dt.datetime, _dt.datetime]:
    """Return (effective start, due instant) for ``amount`` µs of working time from ``moment``."""
    day, elapsed, now = _position_now(moment, cal, sp)
    index, into = _locate(elapsed, sp, at_end=False) if elapsed else (0, 0)
    if (
        sp.starts[index] + into == now
        and type(moment) is _DATETIME
        and moment.tzinfo is VN_TZ
        and not moment.fold
    ):
        # inside a window: counting starts at ``moment`` itself, the very instant _at builds
        start = moment
    else:
        start = max(_at(day, index, into, sp), moment)
    length = sp.day
    total = elapsed + amount
    full_days = (total - 1) // length
    due_day = cal.add_working_days(day, full_days)
    index, into = _locate(total - full_days * length, sp, at_end=True)
    due = _at(due_day, index, into, sp)
    # An amount that rounds to nothing is due when counting starts, never at the end of the
    # window before it (a 12:00 acceptance is counted from 13:00, not due at 11:30).
    return start, due if due > start else start
