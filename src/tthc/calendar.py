"""The Vietnamese public-sector working calendar (lịch làm việc của cơ quan hành chính nhà nước).

A day is a working day (ngày làm việc) for a state agency when it is Monday to Friday and not a
day off, or when it is a Saturday that was officially made a working day (ngày làm bù). Days off
come from three sources:

* the Labour Code's public holidays (Bộ luật Lao động 2019, Điều 112.1) and compensatory days
  when a holiday falls on the weekly rest day (Điều 111.3);
* the Prime Minister's yearly decisions on the Tết days, the day next to 2/9, and swaps of a
  weekday off against a working Saturday (Điều 112.3; Công văn of Văn phòng Chính phủ);
* local closures decided by a province (storms, local events), layered on by the caller with
  :meth:`WorkCalendar.with_days_off`.

:func:`civil_service_calendar` returns the national calendar built from the bundled data file
``tthc/data/calendar/vn_public_sector_days.csv`` (each row with its document) for the years that
are officially announced, and from the statutory rules (python-holidays) for the later,
*projected* years. Answers that touch a projected year are provisional; a strict calendar refuses
them.

All arithmetic runs on a precomputed index of working-day ordinals: ``add_working_days`` and
``working_days_between`` cost the same for 1 day or 3,000.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
from array import array
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from tthc._validate import require_date, require_int
from tthc.errors import CalendarRangeError, InputTypeError, ProvisionalCalendarError
from tthc.legal import LegalRef

__all__ = [
    "DayInfo",
    "DayKind",
    "OfficeHours",
    "WorkCalendar",
    "WorkdayIndex",
    "civil_service_calendar",
]

_date = _dt.date
_fromordinal = _dt.date.fromordinal


class DayKind(str, enum.Enum):
    """What kind of day a date is, for a public agency."""

    WORKING_DAY = "working_day"
    WEEKEND = "weekend"
    PUBLIC_HOLIDAY = "public_holiday"
    COMPENSATORY_DAY_OFF = "compensatory_day_off"
    SWAPPED_DAY_OFF = "swapped_day_off"
    MAKE_UP_WORKING_DAY = "make_up_working_day"
    ONE_OFF_DAY_OFF = "one_off_day_off"
    LOCAL_CLOSURE = "local_closure"
    LOCAL_WORKING_DAY = "local_working_day"

    @property
    def name_vi(self) -> str:
        """Vietnamese name of the kind."""
        return _KIND_NAMES[self][0]

    @property
    def name_en(self) -> str:
        """English name of the kind."""
        return _KIND_NAMES[self][1]

    @property
    def is_working(self) -> bool:
        """Whether days of this kind are working days."""
        return self in _WORKING_KINDS


_KIND_NAMES = {
    DayKind.WORKING_DAY: ("Ngày làm việc", "Working day"),
    DayKind.WEEKEND: ("Ngày nghỉ hằng tuần", "Weekly rest day"),
    DayKind.PUBLIC_HOLIDAY: ("Ngày nghỉ lễ, tết", "Public holiday"),
    DayKind.COMPENSATORY_DAY_OFF: ("Ngày nghỉ bù", "Compensatory day off"),
    DayKind.SWAPPED_DAY_OFF: ("Ngày nghỉ hoán đổi", "Swapped day off"),
    DayKind.MAKE_UP_WORKING_DAY: ("Ngày làm bù", "Make-up working day"),
    DayKind.ONE_OFF_DAY_OFF: ("Ngày nghỉ đột xuất", "One-off day off"),
    DayKind.LOCAL_CLOSURE: ("Ngày nghỉ theo quyết định địa phương", "Local closure"),
    DayKind.LOCAL_WORKING_DAY: ("Ngày làm việc theo quyết định địa phương", "Local working day"),
}
_WORKING_KINDS = frozenset(
    {DayKind.WORKING_DAY, DayKind.MAKE_UP_WORKING_DAY, DayKind.LOCAL_WORKING_DAY}
)
_WEEKDAY_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
_WEEKDAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@attrs.frozen(slots=True)
class DayInfo:
    """Everything the calendar knows about one date.

    Attributes:
        date: The date.
        kind: Its :class:`DayKind`.
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
        text = f"{self.date.strftime('%d/%m/%Y')} — {name}"
        if self.provisional:
            text += " (dự kiến)" if language == "vi" else " (projected)"
        return text

    def __str__(self) -> str:
        return self.describe()


@attrs.frozen(slots=True)
class OfficeHours:
    """Daily office windows (giờ làm việc) of an agency, in Vietnam local time.

    No national rule fixes them (Decision 188/1999/QĐ-TTg sets 40 hours over 5 days only); each
    province or agency sets its own. The default is 07:30–11:30 and 13:00–17:00, 8 hours a day.

    Attributes:
        windows: Ordered, non-overlapping ``(start, end)`` pairs of naive ``datetime.time``.
    """

    windows: tuple[tuple[_dt.time, _dt.time], ...] = (
        (_dt.time(7, 30), _dt.time(11, 30)),
        (_dt.time(13, 0), _dt.time(17, 0)),
    )

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.windows, tuple) or not self.windows:
            raise InputTypeError(
                "Giờ làm việc (office hours): windows must be a non-empty tuple of "
                "(start, end) time pairs",
                argument="windows",
            )
        previous_end: _dt.time | None = None
        for window in self.windows:
            if (
                not isinstance(window, tuple)
                or len(window) != 2
                or not all(isinstance(t, _dt.time) and t.tzinfo is None for t in window)
            ):
                raise InputTypeError(
                    "Giờ làm việc (office hours): each window must be a (start, end) pair of "
                    f"naive datetime.time, got {window!r}",
                    argument="windows",
                )
            start, end = window
            if not start < end:
                raise InputTypeError(
                    f"Giờ làm việc (office hours): window {start}–{end} must end after it starts",
                    argument="windows",
                )
            if previous_end is not None and start < previous_end:
                raise InputTypeError(
                    f"Giờ làm việc (office hours): window {start}–{end} overlaps or precedes the "
                    "previous one; list windows in order",
                    argument="windows",
                )
            previous_end = end

    @property
    def day_length(self) -> _dt.timedelta:
        """Total length of the windows: one working day (8 hours by default)."""
        total = _dt.timedelta()
        for start, end in self.windows:
            total += _dt.datetime.combine(_date.min, end) - _dt.datetime.combine(_date.min, start)
        return total

    @property
    def opens(self) -> _dt.time:
        """Start of the first window."""
        return self.windows[0][0]

    @property
    def closes(self) -> _dt.time:
        """End of the last window: when a due date ends in practice."""
        return self.windows[-1][1]


@attrs.frozen(slots=True)
class WorkdayIndex:
    """A read-only view of a calendar's working-day index, for vectorised code.

    Day ``i`` is ``first_day + i`` days. ``working[i]`` is 1 for a working day; ``cumulative[i]``
    counts the working days from ``first_day`` through day ``i``; ``nth[k]`` is the day offset of
    the ``(k + 1)``-th working day. Both are ``int32`` buffers (``memoryview`` format ``"i"``).
    """

    first_day: _dt.date
    last_day: _dt.date
    confirmed_through: _dt.date
    working: memoryview
    cumulative: memoryview
    nth: memoryview
    data_version: str


def _range_error(day: _dt.date, first: _dt.date, last: _dt.date, what: str) -> CalendarRangeError:
    return CalendarRangeError(
        f"Ngày ngoài phạm vi lịch (date outside the calendar range): {what} "
        f"{day.isoformat()} is outside {first.isoformat()} – {last.isoformat()}",
        hint="tthc only answers for dates its calendar covers; pass dates inside the range",
        date=day,
        first_day=first,
        last_day=last,
    )


def _provisional_error(day: _dt.date, confirmed: _dt.date) -> ProvisionalCalendarError:
    return ProvisionalCalendarError(
        f"Lịch chưa được công bố chính thức (projected calendar year): {day.isoformat()} lies "
        f"after {confirmed.isoformat()}, the last date covered by official announcements",
        hint="use a non-strict calendar (answers are marked provisional) or add the official "
        "announcement to the calendar data",
        date=day,
        confirmed_through=confirmed,
    )


class WorkCalendar:
    """An immutable working-day calendar with O(1) arithmetic.

    Build one with :func:`civil_service_calendar`, then derive local variants with
    :meth:`with_days_off` / :meth:`with_working_days` (each returns a new calendar).

    Attributes:
        name: Human-readable name.
        first_day: First date the calendar answers for.
        last_day: Last date the calendar answers for.
        confirmed_through: Last date covered by official announcements; later dates are
            projected (provisional).
        data_version: Version of the data the calendar was built from.
        strict: When True, any operation touching a date after ``confirmed_through`` raises
            :class:`~tthc.errors.ProvisionalCalendarError` instead of answering provisionally.
    """

    __slots__ = (
        "_base",
        "_confirmed_idx",
        "_cum",
        "_cum_list",
        "_k_limit",
        "_limit",
        "_n_work",
        "_nth",
        "_nth_dates",
        "_rest_info",
        "_size",
        "_special",
        "_working",
        "confirmed_through",
        "data_version",
        "first_day",
        "last_day",
        "name",
        "strict",
        "weekly_rest",
    )

    name: str
    first_day: _dt.date
    last_day: _dt.date
    confirmed_through: _dt.date
    data_version: str
    strict: bool
    weekly_rest: frozenset[int]
    _base: int
    _size: int
    _limit: int
    _n_work: int
    _confirmed_idx: int
    _working: bytes
    _cum: array[int]
    _nth: array[int]
    _cum_list: list[int]
    _nth_dates: tuple[_dt.date, ...]
    _k_limit: int
    _special: dict[_dt.date, DayInfo]
    _rest_info: tuple[str, str, LegalRef | None]

    def __init__(
        self,
        *,
        name: str,
        first_day: _dt.date,
        last_day: _dt.date,
        confirmed_through: _dt.date,
        data_version: str,
        special_days: Mapping[_dt.date, DayInfo],
        weekly_rest: frozenset[int] = frozenset({5, 6}),
        weekly_rest_names: tuple[str, str, LegalRef | None] = (
            "Ngày nghỉ hằng tuần",
            "Weekly rest day",
            None,
        ),
        strict: bool = False,
    ) -> None:
        """Build a calendar from its non-ordinary days.

        Most callers want :func:`civil_service_calendar` instead.

        Args:
            name: Human-readable name.
            first_day: First supported date.
            last_day: Last supported date.
            confirmed_through: Last officially announced date.
            data_version: Version string of the source data.
            special_days: Every date that is not an ordinary Mon–Fri working day or an ordinary
                weekly rest day, with its :class:`DayInfo`.
            weekly_rest: Weekday numbers (0 = Monday) of the weekly rest.
            weekly_rest_names: Vietnamese and English names and legal basis of the weekly rest.
            strict: Refuse answers in projected years.
        """
        first_day = require_date(first_day, "first_day")
        last_day = require_date(last_day, "last_day")
        confirmed_through = require_date(confirmed_through, "confirmed_through")
        if last_day < first_day:
            raise CalendarRangeError(
                "Phạm vi lịch (calendar range): last_day is before first_day",
                first_day=first_day,
                last_day=last_day,
            )
        set_ = object.__setattr__
        set_(self, "name", name)
        set_(self, "first_day", first_day)
        set_(self, "last_day", last_day)
        set_(self, "confirmed_through", confirmed_through)
        set_(self, "data_version", data_version)
        set_(self, "strict", bool(strict))
        set_(self, "weekly_rest", frozenset(weekly_rest))
        set_(self, "_rest_info", weekly_rest_names)
        special = dict(special_days)
        for day in special:
            if not first_day <= day <= last_day:
                raise _range_error(day, first_day, last_day, "special day")
        set_(self, "_special", special)

        base = first_day.toordinal()
        size = last_day.toordinal() - base + 1
        working = bytearray(size)
        cumulative = array("i", bytes(4 * size))
        nth = array("i")
        rest = self.weekly_rest
        count = 0
        weekday = first_day.weekday()
        for offset in range(size):
            info = special.get(_fromordinal(base + offset)) if special else None
            is_working = info.is_working_day if info is not None else weekday not in rest
            if is_working:
                working[offset] = 1
                count += 1
                nth.append(offset)
            cumulative[offset] = count
            weekday = 0 if weekday == 6 else weekday + 1
        set_(self, "_base", base)
        set_(self, "_size", size)
        set_(self, "_working", bytes(working))
        set_(self, "_cum", cumulative)
        set_(self, "_nth", nth)
        set_(self, "_n_work", len(nth))
        # Hot-path copies: list indexing avoids boxing a new int per lookup, and prebuilt date
        # objects avoid date.fromordinal (~75 ns). Together they halve a scalar call.
        set_(self, "_cum_list", cumulative.tolist())
        set_(self, "_nth_dates", tuple(_fromordinal(base + offset) for offset in nth))
        confirmed_idx = min(max(confirmed_through.toordinal() - base, -1), size - 1)
        set_(self, "_confirmed_idx", confirmed_idx)
        # One bound covers both the range and strict mode on the hot path.
        set_(self, "_limit", confirmed_idx + 1 if self.strict else size)
        set_(self, "_k_limit", self._strict_k_limit() if self.strict else len(nth))

    def _strict_k_limit(self) -> int:
        # Working days whose 0-based rank is below this lie on or before confirmed_through.
        return self._cum[self._confirmed_idx] if self._confirmed_idx >= 0 else 0

    def __setattr__(self, key: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __delattr__(self, key: str) -> None:
        raise attrs.exceptions.FrozenInstanceError

    # --- identity ------------------------------------------------------------------------------

    def _key(self) -> tuple[Any, ...]:
        return (
            self.name,
            self.first_day,
            self.last_day,
            self.confirmed_through,
            self.data_version,
            self.strict,
            self._working,
            tuple(sorted(self._special.items())),
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, WorkCalendar):
            return NotImplemented
        return self is other or self._key() == other._key()

    def __hash__(self) -> int:
        return hash((self.name, self.first_day, self.last_day, self.strict, self._working))

    def __repr__(self) -> str:
        return (
            f"WorkCalendar(name={self.name!r}, range={self.first_day.isoformat()}.."
            f"{self.last_day.isoformat()}, confirmed_through={self.confirmed_through.isoformat()}, "
            f"data_version={self.data_version!r}, strict={self.strict})"
        )

    # --- checks --------------------------------------------------------------------------------

    def _offset(self, day: object, name: str) -> int:
        if type(day) is _date:
            offset: int = day.toordinal() - self._base
            if 0 <= offset < self._limit:
                return offset
        else:
            day = require_date(day, name)
        offset = day.toordinal() - self._base
        if offset < 0 or offset >= self._size:
            raise _range_error(day, self.first_day, self.last_day, name)
        if self.strict and offset > self._confirmed_idx:
            raise _provisional_error(day, self.confirmed_through)
        return offset

    def _result(self, k: int, origin: _dt.date) -> _dt.date:
        if k < 0 or k >= len(self._nth):
            edge = self.first_day if k < 0 else self.last_day
            raise CalendarRangeError(
                "Ngày ngoài phạm vi lịch (date outside the calendar range): the result of "
                f"counting from {origin.isoformat()} falls outside {self.first_day.isoformat()} "
                f"– {self.last_day.isoformat()}",
                hint="count fewer working days or from a date further from the range's edge",
                date=origin,
                edge=edge,
                first_day=self.first_day,
                last_day=self.last_day,
            )
        offset = self._nth[k]
        if self.strict and offset > self._confirmed_idx:
            raise _provisional_error(_fromordinal(self._base + offset), self.confirmed_through)
        return _fromordinal(self._base + offset)

    # --- queries -------------------------------------------------------------------------------

    def is_working_day(self, day: _dt.date) -> bool:
        """Return whether state agencies work on ``day``.

        Raises:
            InputTypeError: ``day`` is not a ``date`` (a ``datetime`` is refused too).
            CalendarRangeError: ``day`` is outside the calendar's range.
            ProvisionalCalendarError: strict calendar and ``day`` is in a projected year.
        """
        if type(day) is _date:
            offset = day.toordinal() - self._base
            if 0 <= offset < self._limit:
                return self._working[offset] == 1
        return self._working[self._offset(day, "day")] == 1

    def add_working_days(self, day: _dt.date, n: int) -> _dt.date:
        """Return the ``n``-th working day after ``day``.

        ``n >= 1``: the n-th working day strictly after ``day`` (``day`` itself is never counted,
        whether or not it is a working day: Civil Code 2015 Art. 147.2). ``n == 0``: ``day`` if it
        is a working day, else the next one. ``n < 0``: the mirror image, counting backwards.

        Raises:
            InputTypeError: wrong argument types.
            CalendarRangeError: ``day`` or the result is outside the calendar's range.
            ProvisionalCalendarError: strict calendar and a projected year is touched.
        """
        if type(day) is _date:
            offset = day.toordinal() - self._base
            if not 0 <= offset < self._limit:
                offset = self._offset(day, "day")
        else:
            offset = self._offset(day, "day")
        if type(n) is not int:
            n = require_int(n, "n")
        if n > 0:
            k = self._cum_list[offset] + n - 1
        elif n == 0:
            if self._working[offset]:
                return day
            k = self._cum_list[offset]
        else:
            k = self._cum_list[offset] - self._working[offset] + n
        if 0 <= k < self._k_limit:
            return self._nth_dates[k]
        return self._result(k, day)

    def working_days_between(self, start: _dt.date, end: _dt.date) -> int:
        """Return the number of working days ``x`` with ``start < x <= end``.

        Negative when ``end < start`` (the count of working days ``end < x <= start``, negated), so
        ``working_days_between(a, b) == -working_days_between(b, a)``.

        Raises:
            InputTypeError: wrong argument types.
            CalendarRangeError: a date is outside the calendar's range.
            ProvisionalCalendarError: strict calendar and a projected year is touched.
        """
        cum = self._cum_list
        base = self._base
        limit = self._limit
        if type(start) is _date and type(end) is _date:
            a = start.toordinal() - base
            b = end.toordinal() - base
            if 0 <= a < limit and 0 <= b < limit:
                return cum[b] - cum[a]
        return cum[self._offset(end, "end")] - cum[self._offset(start, "start")]

    def next_working_day(self, day: _dt.date) -> _dt.date:
        """Return the first working day strictly after ``day``."""
        return self.add_working_days(day, 1)

    def previous_working_day(self, day: _dt.date) -> _dt.date:
        """Return the last working day strictly before ``day``."""
        return self.add_working_days(day, -1)

    def working_day_ordinal(self, day: _dt.date) -> int:
        """Return how many working days lie in ``[first_day, day]`` (a join key for SQL)."""
        return self._cum[self._offset(day, "day")]

    def is_provisional(self, day: _dt.date) -> bool:
        """Return whether ``day`` lies after the last officially announced date."""
        return self._offset_unchecked(day) > self._confirmed_idx

    def _offset_unchecked(self, day: object) -> int:
        day = require_date(day, "day")
        offset = day.toordinal() - self._base
        if offset < 0 or offset >= self._size:
            raise _range_error(day, self.first_day, self.last_day, "day")
        return offset

    def day_info(self, day: _dt.date) -> DayInfo:
        """Return the :class:`DayInfo` of ``day``: kind, names, legal basis, provisional flag."""
        offset = self._offset(day, "day")
        info = self._special.get(day)
        if info is not None:
            return info
        provisional = offset > self._confirmed_idx
        weekday = day.weekday()
        if weekday in self.weekly_rest:
            name_vi, name_en, ref = self._rest_info
            return DayInfo(
                date=day,
                kind=DayKind.WEEKEND,
                is_working_day=False,
                name_vi=f"{_WEEKDAY_VI[weekday]} ({name_vi})",
                name_en=f"{_WEEKDAY_EN[weekday]} ({name_en})",
                legal_ref=ref,
                provisional=provisional,
            )
        return DayInfo(
            date=day,
            kind=DayKind.WORKING_DAY,
            is_working_day=True,
            name_vi=_WEEKDAY_VI[weekday],
            name_en=_WEEKDAY_EN[weekday],
            provisional=provisional,
        )

    def non_working_days(self, start: _dt.date, end: _dt.date) -> tuple[DayInfo, ...]:
        """Return the non-working days ``x`` with ``start < x <= end``, in date order.

        This is the list a deadline explanation shows ("days skipped and why").
        """
        first = self._offset(start, "start")
        last = self._offset(end, "end")
        working = self._working
        return tuple(
            self.day_info(_fromordinal(self._base + offset))
            for offset in range(first + 1, last + 1)
            if not working[offset]
        )

    def special_days(self, year: int | None = None) -> tuple[DayInfo, ...]:
        """Return the days that differ from an ordinary week, optionally for one ``year``.

        Weekday days off (holidays, compensatory, swapped, local closures) and weekend working
        days, in date order: what ``tthc calendar YEAR`` prints.
        """
        if year is not None:
            year = require_int(year, "year")
            if not self.first_day.year <= year <= self.last_day.year:
                raise _range_error(
                    _date(min(max(year, 1), 9999), 1, 1), self.first_day, self.last_day, "year"
                )
        return tuple(
            info
            for day, info in sorted(self._special.items())
            if (year is None or day.year == year)
            and info.is_working_day != (day.weekday() not in self.weekly_rest)
        )

    def iter_days(self, start: _dt.date, end: _dt.date) -> Iterator[DayInfo]:
        """Yield the :class:`DayInfo` of every day from ``start`` to ``end`` inclusive."""
        first = self._offset(start, "start")
        last = self._offset(end, "end")
        for offset in range(first, last + 1):
            yield self.day_info(_fromordinal(self._base + offset))

    @property
    def index(self) -> WorkdayIndex:
        """The read-only working-day index (for vectorised code such as ``tthc.bulk``)."""
        return WorkdayIndex(
            first_day=self.first_day,
            last_day=self.last_day,
            confirmed_through=self.confirmed_through,
            working=memoryview(self._working).toreadonly(),
            cumulative=memoryview(self._cum).toreadonly(),
            nth=memoryview(self._nth).toreadonly(),
            data_version=self.data_version,
        )

    # --- derived calendars ---------------------------------------------------------------------

    def _derive(self, special: dict[_dt.date, DayInfo], name: str | None) -> WorkCalendar:
        return WorkCalendar(
            name=name if name is not None else self.name,
            first_day=self.first_day,
            last_day=self.last_day,
            confirmed_through=self.confirmed_through,
            data_version=self.data_version,
            special_days=special,
            weekly_rest=self.weekly_rest,
            weekly_rest_names=self._rest_info,
            strict=self.strict,
        )

    def _local_days(
        self,
        days: Iterable[_dt.date],
        kind: DayKind,
        name_vi: str,
        name_en: str,
        legal_ref: LegalRef,
    ) -> dict[_dt.date, DayInfo]:
        if not isinstance(legal_ref, LegalRef):
            raise InputTypeError(
                "Căn cứ pháp lý (legal basis): legal_ref must be a tthc.legal.LegalRef naming the "
                "decision that changes these days",
                hint="e.g. LegalRef('1234/QĐ-UBND', kind='Quyết định', issuer='UBND TP Cần Thơ')",
                argument="legal_ref",
            )
        if isinstance(days, _date):
            raise InputTypeError(
                "Ngày (date): pass an iterable of dates, e.g. [date(2026, 10, 5)]",
                argument="days",
            )
        special = dict(self._special)
        for raw in days:
            day = require_date(raw, "days")
            offset = self._offset_unchecked(day)
            special[day] = DayInfo(
                date=day,
                kind=kind,
                is_working_day=kind.is_working,
                name_vi=name_vi,
                name_en=name_en,
                legal_ref=legal_ref,
                provisional=offset > self._confirmed_idx,
            )
        return special

    def with_days_off(
        self,
        days: Iterable[_dt.date],
        *,
        name_vi: str,
        name_en: str,
        legal_ref: LegalRef,
        kind: DayKind = DayKind.LOCAL_CLOSURE,
        name: str | None = None,
    ) -> WorkCalendar:
        """Return a new calendar in which ``days`` are days off (e.g. a province's storm closure).

        Args:
            days: The dates that become days off.
            name_vi: Vietnamese reason, e.g. ``"Nghỉ tránh bão số 3"``.
            name_en: English reason.
            legal_ref: The decision that closes the offices.
            kind: ``LOCAL_CLOSURE`` (default) or ``ONE_OFF_DAY_OFF`` for a national one-off day.
            name: Name of the new calendar (default: unchanged).
        """
        if kind.is_working:
            raise InputTypeError(
                f"Loại ngày (day kind): {kind.value} is a working kind; use with_working_days",
                argument="kind",
            )
        return self._derive(self._local_days(days, kind, name_vi, name_en, legal_ref), name)

    def with_working_days(
        self,
        days: Iterable[_dt.date],
        *,
        name_vi: str,
        name_en: str,
        legal_ref: LegalRef,
        kind: DayKind = DayKind.LOCAL_WORKING_DAY,
        name: str | None = None,
    ) -> WorkCalendar:
        """Return a new calendar in which ``days`` are working days (e.g. a decided make-up day)."""
        if not kind.is_working:
            raise InputTypeError(
                f"Loại ngày (day kind): {kind.value} is not a working kind; use with_days_off",
                argument="kind",
            )
        return self._derive(self._local_days(days, kind, name_vi, name_en, legal_ref), name)

    def with_strict(self, strict: bool = True) -> WorkCalendar:
        """Return the same calendar in strict (or non-strict) mode."""
        if strict == self.strict:
            return self
        clone = object.__new__(WorkCalendar)
        for slot in WorkCalendar.__slots__:
            object.__setattr__(clone, slot, getattr(self, slot))
        object.__setattr__(clone, "strict", bool(strict))
        object.__setattr__(clone, "_limit", self._confirmed_idx + 1 if strict else self._size)
        object.__setattr__(clone, "_k_limit", clone._strict_k_limit() if strict else self._n_work)
        return clone


@functools.cache
def _civil_service_calendar() -> WorkCalendar:
    from tthc._calendar_data import load_bundled, projected_days  # noqa: PLC0415

    meta, rows = load_bundled()
    special: dict[_dt.date, DayInfo] = {}
    first_projected = meta.confirmed_through + _dt.timedelta(days=1)
    projected_years = range(first_projected.year, meta.last_day.year + 1)
    for day, (kind_value, name_vi, name_en) in projected_days(projected_years).items():
        if not first_projected <= day <= meta.last_day:
            continue
        kind = DayKind(kind_value)
        special[day] = DayInfo(
            date=day,
            kind=kind,
            is_working_day=kind.is_working,
            name_vi=name_vi,
            name_en=name_en,
            legal_ref=meta.statutory_ref(kind.value, day),
            provisional=True,
        )
    for row in rows:
        kind = DayKind(row.kind)
        special[row.date] = DayInfo(
            date=row.date,
            kind=kind,
            is_working_day=kind.is_working,
            name_vi=row.name_vi,
            name_en=row.name_en,
            legal_ref=row.legal_ref,
            provisional=row.date > meta.confirmed_through,
        )
    return WorkCalendar(
        name=meta.name,
        first_day=meta.first_day,
        last_day=meta.last_day,
        confirmed_through=meta.confirmed_through,
        data_version=meta.data_version,
        special_days=special,
        weekly_rest=meta.weekly_rest,
        weekly_rest_names=(
            meta.weekly_rest_name_vi,
            meta.weekly_rest_name_en,
            meta.weekly_rest_ref,
        ),
    )


def civil_service_calendar(*, strict: bool = False) -> WorkCalendar:
    """Return the national public-sector calendar (built once, on first use, then cached).

    Args:
        strict: If True, the returned calendar raises
            :class:`~tthc.errors.ProvisionalCalendarError` for dates after its
            ``confirmed_through`` instead of answering provisionally.

    Example:
        >>> from datetime import date
        >>> cal = civil_service_calendar()
        >>> cal.add_working_days(date(2026, 4, 29), 5)  # skips 30/4, 1/5 and the weekend
        datetime.date(2026, 5, 8)
    """
    return _civil_service_calendar().with_strict(strict)
