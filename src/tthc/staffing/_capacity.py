"""Capacity (khả năng đáp ứng): the hours one full-time staff member can give in a month.

The working days come from the civil-service calendar (holidays, Tết, swapped days and make-up
Saturdays), the hours from the office windows; annual leave (12 working days a year, Bộ luật Lao
động 2019 Điều 113.1.a) is spread over the year and a utilisation factor applied. Full-time
equivalents needed = demand / capacity, rounded up on the exact ratio.
"""

from __future__ import annotations

import datetime as _dt
import math
from decimal import Decimal
from fractions import Fraction

import attrs

from tthc._time import hours_of
from tthc.calendar import DayInfo, OfficeHours, WorkCalendar
from tthc.calendar._defaults import resolve
from tthc.errors import InputTypeError
from tthc.staffing._assumptions import load_assumptions
from tthc.staffing._months import Month, require_month
from tthc.staffing._numbers import TEN_THOUSANDTH, Number, exact, to_decimal

__all__: list[str] = []  # private module: the public names are exported by tthc.staffing


@attrs.frozen(slots=True)
class Capacity:
    """Hours one full-time staff member can give in one month.

    ``available = working_days × hours_per_day − leave``; ``productive = available ×
    utilisation``. Annual leave is spread over the year in proportion to each month's working
    days: ``leave = annual_leave_days × working_days / working_days_in_year × hours_per_day``.

    Attributes:
        month: The month.
        working_days: Working days in the month (make-up Saturdays included, holidays excluded).
        working_days_in_year: Working days in the month's year.
        hours_per_day: Length of the office windows.
        gross_hours: ``working_days × hours_per_day``.
        leave_hours: Annual leave charged to this month.
        available_hours: ``gross_hours − leave_hours``.
        productive_hours: ``available_hours × utilisation``: the capacity used for FTE.
        annual_leave_days: The leave assumption used.
        utilisation: The utilisation used.
        days_off: Weekdays that are not working days (holidays, Tết, swapped days off).
        extra_working_days: Weekend days that are working days (make-up Saturdays).
        provisional: The month lies in a year whose days off are not yet officially announced.
    """

    month: Month
    working_days: int
    working_days_in_year: int
    hours_per_day: Decimal
    gross_hours: Decimal
    leave_hours: Decimal
    available_hours: Decimal
    productive_hours: Decimal
    annual_leave_days: Decimal
    utilisation: Decimal
    days_off: tuple[DayInfo, ...]
    extra_working_days: tuple[DayInfo, ...]
    provisional: bool


@attrs.frozen(slots=True)
class ExactCapacity:
    """A month's [`Capacity`][tthc.staffing.Capacity] with its productive hours kept exact (for sums)."""

    capacity: Capacity
    productive: Fraction


def leave_days(value: object | None) -> Fraction:
    """Return the annual leave in working days: ``value``, or the assumptions file's default.

    Raises:
        InputTypeError: ``value`` is not a number of zero or more.
    """
    if value is None:
        return Fraction(load_assumptions().decimal("annual_leave_days"))
    return exact(value, "annual_leave_days")


def utilisation_of(value: object | None) -> Fraction:
    """Return the utilisation: ``value``, or the assumptions file's default, in (0, 1].

    Raises:
        InputTypeError: ``value`` is not a number in (0, 1].
    """
    result = (
        Fraction(load_assumptions().decimal("utilisation"))
        if value is None
        else exact(value, "utilisation", allow_zero=False)
    )
    if not 0 < result <= 1:
        raise InputTypeError(
            f"Tỷ lệ sử dụng (utilisation) must be in (0, 1], got {float(result)}",
            argument="utilisation",
        )
    return result


def _working_days(calendar: WorkCalendar, first: _dt.date, last: _dt.date) -> int:
    return calendar.working_days_between(first, last) + int(calendar.is_working_day(first))


def _unusual_days(
    calendar: WorkCalendar, month: Month
) -> tuple[tuple[DayInfo, ...], tuple[DayInfo, ...]]:
    """Return (weekdays off, weekend days worked) of ``month``."""
    days_off: list[DayInfo] = []
    extra: list[DayInfo] = []
    for info in calendar.iter_days(month.first_day, month.last_day):
        weekend = info.date.weekday() in calendar.weekly_rest
        if info.is_working_day and weekend:
            extra.append(info)
        elif not info.is_working_day and not weekend:
            days_off.append(info)
    return tuple(days_off), tuple(extra)


def exact_capacity(
    month: Month,
    calendar: WorkCalendar,
    office_hours: OfficeHours,
    leave: Fraction,
    utilisation: Fraction,
) -> ExactCapacity:
    """Return the capacity of one staff member in ``month``, exactly.

    Raises:
        InputTypeError: the leave is more than the year's working days.
        CalendarRangeError: the month's year is outside the calendar.
    """
    first, last = month.first_day, month.last_day
    days = _working_days(calendar, first, last)
    year_days = _working_days(calendar, _dt.date(month.year, 1, 1), _dt.date(month.year, 12, 31))
    per_day = hours_of(office_hours.day_length)
    gross = per_day * days
    leave_hours = leave * Fraction(days, year_days) * per_day if year_days else Fraction(0)
    if leave_hours > gross:
        raise InputTypeError(
            f"Nghỉ hằng năm (annual leave) of {float(leave)} days is more than the "
            f"{year_days} working days of {month.year}",
            argument="annual_leave_days",
        )
    available = gross - leave_hours
    productive = available * utilisation
    days_off, extra = _unusual_days(calendar, month)
    capacity = Capacity(
        month=month,
        working_days=days,
        working_days_in_year=year_days,
        hours_per_day=to_decimal(per_day),
        gross_hours=to_decimal(gross),
        leave_hours=to_decimal(leave_hours),
        available_hours=to_decimal(available),
        productive_hours=to_decimal(productive),
        annual_leave_days=to_decimal(leave),
        utilisation=to_decimal(utilisation, TEN_THOUSANDTH).normalize(),
        days_off=days_off,
        extra_working_days=extra,
        provisional=calendar.is_provisional(last) or calendar.is_provisional(first),
    )
    return ExactCapacity(capacity=capacity, productive=productive)


def staff_capacity(
    month: Month,
    *,
    calendar: WorkCalendar | None = None,
    office_hours: OfficeHours | None = None,
    annual_leave_days: int | float | Decimal | Fraction | None = None,
    utilisation: int | float | Decimal | Fraction | None = None,
) -> Capacity:
    """Return the hours one full-time staff member can give in ``month``.

    Args:
        month: The month.
        calendar: Working calendar (default: [`civil_service_calendar`][tthc.calendar.civil_service_calendar]).
            Pass ``calendar.with_days_off(...)`` for a province's own closures.
        office_hours: Daily windows (default 07:30–11:30, 13:00–17:00: 8 hours).
        annual_leave_days: Leave per year in working days (default 12: Bộ luật Lao động 2019
            Điều 113.1.a).
        utilisation: Share of available hours spent on dossiers, in (0, 1] (default 0.85: a
            planning assumption, see [`load_assumptions`][tthc.staffing.load_assumptions]).

    Example:
        >>> cap = staff_capacity(Month(2026, 1), annual_leave_days=0, utilisation=1)
        >>> cap.working_days, cap.gross_hours  # 1/1 and 2/1 off, Saturday 10/1 worked
        (21, Decimal('168.00'))

    Raises:
        InputTypeError: a wrong argument (type, or leave/utilisation out of range).
        CalendarRangeError: the month's year is outside the calendar.
        ProvisionalCalendarError: a strict calendar and a projected year.
    """
    month = require_month(month)
    cal, hours = resolve(calendar, office_hours)
    return exact_capacity(
        month, cal, hours, leave_days(annual_leave_days), utilisation_of(utilisation)
    ).capacity


def fte_needed(demand_hours: Number, capacity_hours: Number) -> int:
    """Return the full-time equivalents needed: ``ceil(demand / capacity)``, computed exactly.

    Example:
        >>> fte_needed(Decimal("320"), Decimal("160"))  # exactly two: not rounded up to three
        2
        >>> fte_needed(Decimal("320.01"), Decimal("160"))
        3

    Raises:
        InputTypeError: a value is not a number, demand is negative or capacity is not positive.
    """
    demand = exact(demand_hours, "demand_hours")
    capacity = exact(capacity_hours, "capacity_hours", allow_zero=False)
    return math.ceil(demand / capacity)
