"""Months (tháng): the period unit of dossier counts, capacity and plans."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

import attrs

from tthc._validate import require_date, require_int
from tthc.errors import InputTypeError

__all__: list[str] = []  # private module: Month is exported by tthc.staffing

_MONTH_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")
_MONTH_VN_RE = re.compile(r"^\s*(\d{1,2})/(\d{4})\s*$")


def _check_part(instance: Any, attribute: Any, value: Any) -> None:
    number = require_int(value, attribute.name)
    low, high = (1, 9999) if attribute.name == "year" else (1, 12)
    if not low <= number <= high:
        raise InputTypeError(
            f"Tháng (month): {instance.year}-{instance.month} is not a month; year must be "
            "1–9999 and month 1–12",
            argument="month",
        )


@attrs.frozen(slots=True, order=True)
class Month:
    """A calendar month (tháng), e.g. ``Month(2026, 1)``, written ``2026-01``.

    Attributes:
        year: Year, 1–9999.
        month: Month, 1–12.
    """

    year: int = attrs.field(validator=_check_part)
    month: int = attrs.field(validator=_check_part)

    @classmethod
    def parse(cls, text: str) -> Month:
        """Read ``"2026-01"`` (or ``"01/2026"``).

        Raises:
            InputTypeError: ``text`` is not a string or not a month.
        """
        if not isinstance(text, str):
            raise InputTypeError(
                f"Tháng (month): expected text like '2026-01', got {type(text).__name__}",
                argument="month",
            )
        match = _MONTH_RE.match(text)
        if match:
            return cls(int(match.group(1)), int(match.group(2)))
        match = _MONTH_VN_RE.match(text)
        if not match:
            raise InputTypeError(
                f"Tháng (month): {text!r} is not a month",
                hint="write YYYY-MM, e.g. 2026-01",
                argument="month",
            )
        return cls(int(match.group(2)), int(match.group(1)))

    @classmethod
    def of(cls, day: _dt.date) -> Month:
        """Return the month that contains ``day``."""
        day = require_date(day, "day")
        return cls(day.year, day.month)

    @property
    def first_day(self) -> _dt.date:
        """First day of the month."""
        return _dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> _dt.date:
        """Last day of the month."""
        if self.month == 12:
            return _dt.date(self.year, 12, 31)
        return _dt.date(self.year, self.month + 1, 1) - _dt.timedelta(days=1)

    def next(self) -> Month:
        """Return the following month."""
        if self.month == 12:
            return Month(self.year + 1, 1)
        return Month(self.year, self.month + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def month_range(start: Month, end: Month) -> tuple[Month, ...]:
    """Return the months from ``start`` to ``end``, both included (empty if ``end < start``)."""
    months: list[Month] = []
    current = start
    while current <= end:
        months.append(current)
        if current.year == 9999 and current.month == 12:
            break
        current = current.next()
    return tuple(months)


def require_month(value: object, name: str = "month") -> Month:
    """Return ``value`` if it is a [`Month`][tthc.staffing.Month]; raise ``InputTypeError`` otherwise."""
    if not isinstance(value, Month):
        raise InputTypeError(
            f"Tháng (month): {name} must be a tthc.staffing.Month, got {type(value).__name__}",
            hint="Month(2026, 1) or Month.parse('2026-01')",
            argument=name,
        )
    return value


def month_index(month: Month) -> int:
    """``year × 12 + month − 1``: an int key for a month (an int hashes faster than a Month)."""
    return month.year * 12 + month.month - 1


def month_at(index: int) -> Month:
    """The month of a `month_index`."""
    return Month(index // 12, index % 12 + 1)
