"""Step budgets: read from a sheet, written back, and counted in working time.

The wording of a budget is read by [`tthc.deadlines.parse_processing_time`][tthc.deadlines.parse_processing_time]; this module is
the small adapter between that reader of published processing times and a step budget:

* a step budget is one plain limit (no alternatives, cases or start anchors) in a unit a step
  can have (working days/hours/minutes, calendar days, same day, zero);
* what the processing-time reader does not read, because a published limit never says it: a
  zero budget (``"0"``, ``"0 giờ"``, ``"ngay"``), the unit names of the JSON form
  (``"2 working_hour"``), and the same-day notation `format_budget` writes
  (``"trong ngày"`` with the 15:00 cut-off of [`Duration.same_day`][tthc.deadlines.Duration.same_day], ``"trong ngày (sau
  16:00)"``);
* a budget as working time: one working day is the length of the office windows.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from fractions import Fraction

from tthc._text import nfc, squash_space
from tthc._time import VN_TZ, hours_of
from tthc.calendar import OfficeHours, WorkCalendar
from tthc.deadlines import (
    Duration,
    DurationUnit,
    ProcessingTime,
    compute_deadline,
    parse_processing_time,
)
from tthc.errors import DurationError, TthcError
from tthc.workflows._model import STEP_UNITS

__all__: list[str] = []  # private module

_ZERO_RE = re.compile(r"^0+(?:[.,]0+)?(?![\d.,])\s*(.*)$")
_UNIT_NAME_RE = re.compile(r"^(\d+(?:[.,]\d+)?)\s*([a-z_]+)$")
_SAME_DAY_RE = re.compile(
    r"^trong ngày(?:\s*\((?:nhận\s+)?sau\s+(\d{1,2})(?:[:h giờ]+(\d{2}))?.*\))?$"
)
_SIGNS = frozenset("-+\u2212")
_IMMEDIATE_WORDS = frozenset({"ngay", "immediate"})
_UNIT_NAMES = frozenset(u.value for u in STEP_UNITS if u.is_quantity)
_CLOCK_TO_WORKING = {
    DurationUnit.CLOCK_HOUR: DurationUnit.WORKING_HOUR,
    DurationUnit.CLOCK_MINUTE: DurationUnit.WORKING_MINUTE,
}
_PER_UNIT = {
    DurationUnit.WORKING_HOUR: _dt.timedelta(hours=1),
    DurationUnit.WORKING_MINUTE: _dt.timedelta(minutes=1),
}
_HINT = "write e.g. '4 giờ làm việc', '0,5 ngày làm việc', '15 ngày', 'trong ngày' or '0'"


# --- reading -------------------------------------------------------------------------------------


def parse_budget(text: str) -> Duration:
    """Read a step budget as written in a sheet (``"4 giờ làm việc"``, ``"0,5 ngày làm việc"``).

    A bare ``"4 giờ"`` is refused: an internal budget counts working hours and the sheet must
    say so.

    Raises:
        DurationError: the text is empty, cannot be read, or is not a step budget.
    """
    value = squash_space(nfc(text)).lower()
    if not value:
        raise DurationError("Thời gian (time) is empty", hint="write e.g. '4 giờ làm việc'")
    if value in _IMMEDIATE_WORDS:
        return Duration.immediate()
    if value.startswith("trong ngày"):
        return _same_day(value, text)
    if value[0] in _SIGNS:
        raise _unreadable(text)  # "-1 ngày": the processing-time reader drops the sign
    zero = _ZERO_RE.match(value)
    if zero:
        if zero.group(1) and not _is_unit(zero.group(1)):
            raise _unreadable(text)
        return Duration.immediate()
    return _quantity(value, text)


def parse_limit(text: str) -> Duration | None:
    """Read the ``legal_limit`` column: a budget wording, or a published processing-time text.

    Raises:
        TthcError: the text is neither (``DurationError`` or ``ProcessingTimeParseError``).
    """
    if not text.strip():
        return None
    try:
        return parse_budget(text)
    except DurationError:
        return parse_processing_time(text).require_base()


def _same_day(value: str, text: str) -> Duration:
    match = _SAME_DAY_RE.match(value)
    if match is None:
        raise _unreadable(text)
    if match.group(1) is None:
        return Duration.same_day()
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        raise DurationError(
            f"Giờ chốt (cut-off time) {hour}:{minute:02d} is not a time of day",
            hint="write e.g. 'trong ngày (sau 15 giờ)'",
        )
    return Duration.same_day(_dt.time(hour, minute))


def _quantity(value: str, text: str) -> Duration:
    """An amount with a unit a step may have (no clock time, no months)."""
    base = _read_quantity(value)
    if base is None:
        raise _unreadable(text)
    if base.unit in _CLOCK_TO_WORKING:
        working = Duration(base.amount, _CLOCK_TO_WORKING[base.unit])
        raise DurationError(
            f"Thời gian (time) {text!r}: '{base.unit.name_vi}' alone is ambiguous (clock or "
            "working time?)",
            hint=f"write '{working}' for working time",
            value=text,
        )
    if base.unit not in STEP_UNITS:
        raise DurationError(
            f"Thời gian (time) {text!r}: {base.unit.name_vi} cannot be a step budget",
            hint=_HINT,
            value=text,
        )
    return base


def _read_quantity(value: str) -> Duration | None:
    """One plain amount with a unit, read by the processing-time reader (or a JSON unit name)."""
    named = _UNIT_NAME_RE.match(value)
    if named and named.group(2) in _UNIT_NAMES:
        return Duration(Decimal(named.group(1).replace(",", ".")), DurationUnit(named.group(2)))
    try:
        parsed = parse_processing_time(value)
    except TthcError:
        return None
    base = parsed.base
    if base is None or not base.unit.is_quantity:
        return None
    # one limit and nothing else: no alternative, case, bound, start anchor or ignored words
    return base if parsed == ProcessingTime(source=parsed.source, base=base) else None


def _is_unit(words: str) -> bool:
    """Whether ``words`` name a unit a zero budget may be written in (``"0 giờ"``)."""
    unit = _read_quantity(f"1 {words}")
    return unit is not None and (unit.unit in STEP_UNITS or unit.unit in _CLOCK_TO_WORKING)


def _unreadable(text: str) -> DurationError:
    return DurationError(f"Thời gian (time) {text!r} cannot be read", hint=_HINT, value=text)


# --- writing -------------------------------------------------------------------------------------


def format_budget(duration: Duration) -> str:
    """Write a budget the way `parse_budget` reads it back."""
    if duration.unit is DurationUnit.IMMEDIATE:
        return "0"
    if duration.unit is DurationUnit.SAME_DAY:
        if duration.cutoff is None:
            return "trong ngày"
        return f"trong ngày (sau {duration.cutoff.strftime('%H:%M')})"
    return str(duration)


# --- working time --------------------------------------------------------------------------------


def working_time(duration: Duration, hours: OfficeHours) -> _dt.timedelta | None:
    """Working time of a budget or limit, or None when it is not counted in working time.

    One working day is the length of the office windows; a same-day limit counts as one working
    day (what a dossier accepted when the office opens gets); zero is zero.
    """
    unit = duration.unit
    if unit is DurationUnit.IMMEDIATE:
        return _dt.timedelta(0)
    if unit is DurationUnit.SAME_DAY:
        return hours.day_length
    per = _PER_UNIT.get(unit, hours.day_length if unit is DurationUnit.WORKING_DAY else None)
    if per is None:
        return None
    micro = Decimal(per // _dt.timedelta(microseconds=1)) * duration.amount
    return _dt.timedelta(microseconds=int(micro.to_integral_value()))


def add_working(
    start: _dt.datetime, amount: _dt.timedelta, cal: WorkCalendar, hours: OfficeHours
) -> _dt.datetime:
    """Return ``start`` plus ``amount`` of working time (counted by ``compute_deadline``)."""
    if amount <= _dt.timedelta(0):
        return start.astimezone(VN_TZ)
    minutes = Decimal(amount // _dt.timedelta(microseconds=1)) / Decimal(60_000_000)
    deadline = compute_deadline(
        start, Duration.working_minutes(minutes), calendar=cal, office_hours=hours
    )
    return deadline.due_at.astimezone(VN_TZ)


def describe_span(span: _dt.timedelta, hours: OfficeHours) -> str:
    """``"1,06 ngày làm việc (8,5 giờ làm việc)"``."""
    total = hours_of(span)
    return f"{_num(total / hours_of(hours.day_length))} ngày làm việc ({_num(total)} giờ làm việc)"


def _num(value: Fraction) -> str:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return format(exact.quantize(Decimal("0.01")).normalize(), "f").replace(".", ",")
