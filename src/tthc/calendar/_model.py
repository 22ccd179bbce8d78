"""What a day is for a public agency, and its office hours: DayKind, DayInfo, OfficeHours."""

from __future__ import annotations

import datetime as _dt
import functools
from typing import Any

import attrs

from tthc._enums import LabelledEnum
from tthc._time import format_date
from tthc.errors import InputTypeError
from tthc.legal import LegalRef

__all__: list[str] = []  # private module: the names are exported by tthc.calendar


class DayKind(LabelledEnum):
    """What kind of day a date is, for a public agency."""

    WORKING_DAY = "working_day", "Ngày làm việc", "Working day"
    WEEKEND = "weekend", "Ngày nghỉ hằng tuần", "Weekly rest day"
    PUBLIC_HOLIDAY = "public_holiday", "Ngày nghỉ lễ, tết", "Public holiday"
    COMPENSATORY_DAY_OFF = "compensatory_day_off", "Ngày nghỉ bù", "Compensatory day off"
    SWAPPED_DAY_OFF = "swapped_day_off", "Ngày nghỉ hoán đổi", "Swapped day off"
    MAKE_UP_WORKING_DAY = "make_up_working_day", "Ngày làm bù", "Make-up working day"
    ONE_OFF_DAY_OFF = "one_off_day_off", "Ngày nghỉ đột xuất", "One-off day off"
    LOCAL_CLOSURE = (
        "local_closure",
        "Ngày nghỉ theo quyết định địa phương",
        "Local closure",
    )
    LOCAL_WORKING_DAY = (
        "local_working_day",
        "Ngày làm việc theo quyết định địa phương",
        "Local working day",
    )

    @property
    def is_working(self) -> bool:
        """Whether days of this kind are working days."""
        return self in _WORKING_KINDS


_WORKING_KINDS = frozenset(
    {DayKind.WORKING_DAY, DayKind.MAKE_UP_WORKING_DAY, DayKind.LOCAL_WORKING_DAY}
)


@attrs.frozen(slots=True)
class DayInfo:
    """Everything the calendar knows about one date.

    Attributes:
        date: The date.
        kind: Its [`DayKind`][tthc.calendar.DayKind].
        is_working_day: Whether state agencies work on it.
        name_vi: Vietnamese name (``"Ngày Chiến thắng (30/4)"``, ``"Thứ Bảy"``).
        name_en: English name.
        legal_ref: The document that makes this day what it is; ``None`` only for ordinary
            weekdays.
        provisional: True when the date lies in a year whose days off are not yet officially
            announced (projected from the statutory rules).
    """

    date: _dt.date
    kind: DayKind
    is_working_day: bool
    name_vi: str
    name_en: str
    legal_ref: LegalRef | None = None
    provisional: bool = False

    def describe(self, *, language: str = "vi") -> str:
        """Return ``"30/04/2026 — Ngày Chiến thắng (30/4)"`` (or the English name)."""
        name = self.name_vi if language == "vi" else self.name_en
        text = f"{format_date(self.date)} — {name}"
        if self.provisional:
            text += " (dự kiến)" if language == "vi" else " (projected)"
        return text

    def __str__(self) -> str:
        return self.describe()


def _hours_error(message: str) -> InputTypeError:
    return InputTypeError(f"Giờ làm việc (office hours): {message}", argument="windows")


def _is_window(window: object) -> bool:
    return (
        isinstance(window, tuple)
        and len(window) == 2
        and all(isinstance(t, _dt.time) and t.tzinfo is None for t in window)
    )


def _check_windows(_instance: object, _attribute: attrs.Attribute[Any], windows: object) -> None:
    """Check the windows (an attrs validator): ordered, non-overlapping pairs of naive times."""
    if not isinstance(windows, tuple) or not windows:
        raise _hours_error("windows must be a non-empty tuple of (start, end) time pairs")
    previous_end: _dt.time | None = None
    for window in windows:
        if not _is_window(window):
            raise _hours_error(
                f"each window must be a (start, end) pair of naive datetime.time, got {window!r}"
            )
        start, end = window
        if not start < end:
            raise _hours_error(f"window {start}–{end} must end after it starts")
        if previous_end is not None and start < previous_end:
            raise _hours_error(
                f"window {start}–{end} overlaps or precedes the previous one; list windows in order"
            )
        previous_end = end


@attrs.frozen(slots=True)
class OfficeHours:
    """Daily office windows (giờ làm việc) of an agency, in Vietnam local time.

    No national rule fixes them (Decision 188/1999/QĐ-TTg sets 40 hours over 5 days only); each
    province or agency sets its own. The default is 07:30–11:30 and 13:00–17:00, 8 hours a day.

    Attributes:
        windows: Ordered, non-overlapping ``(start, end)`` pairs of naive ``datetime.time``.
    """

    windows: tuple[tuple[_dt.time, _dt.time], ...] = attrs.field(
        default=(
            (_dt.time(7, 30), _dt.time(11, 30)),
            (_dt.time(13, 0), _dt.time(17, 0)),
        ),
        validator=_check_windows,
    )

    @property
    def day_length(self) -> _dt.timedelta:
        """Total length of the windows: one working day (8 hours by default)."""
        return _day_length(self.windows)

    @property
    def opens(self) -> _dt.time:
        """Start of the first window."""
        return self.windows[0][0]

    @property
    def closes(self) -> _dt.time:
        """End of the last window: when a due date ends in practice."""
        return self.windows[-1][1]


@functools.lru_cache(maxsize=64)
def _day_length(windows: tuple[tuple[_dt.time, _dt.time], ...]) -> _dt.timedelta:
    # cached by value: a dossier's online intake check reads it at every decision (1 µs)
    total = _dt.timedelta()
    for start, end in windows:
        total += _dt.datetime.combine(_dt.date.min, end) - _dt.datetime.combine(_dt.date.min, start)
    return total
