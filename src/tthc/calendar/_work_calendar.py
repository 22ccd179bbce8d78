"""The working-day calendar: WorkCalendar, with O(1) arithmetic on a precomputed index."""

from __future__ import annotations

import datetime as _dt
from array import array
from collections.abc import Iterable, Iterator, Mapping
from itertools import accumulate, compress
from typing import TYPE_CHECKING, Any

import attrs

from tthc._time import WEEKDAY_VI, format_date
from tthc._validate import require_date, require_int
from tthc.calendar._model import DayInfo, DayKind
from tthc.errors import CalendarRangeError, InputTypeError, ProvisionalCalendarError
from tthc.legal import LegalRef

if TYPE_CHECKING:
    from tthc.calendar._index import WorkdayIndex

__all__: list[str] = []  # private module: the names are exported by tthc.calendar

_date = _dt.date
_fromordinal = _dt.date.fromordinal
_WEEKDAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DEFAULT_REST_NAMES: tuple[str, str, LegalRef | None] = (
    "Ngày nghỉ hằng tuần",
    "Weekly rest day",
    None,
)


def _range_error(day: _dt.date, first: _dt.date, last: _dt.date, what: str) -> CalendarRangeError:
    return CalendarRangeError(
        f"Ngày ngoài phạm vi lịch (date outside the calendar range): {what} "
        f"{format_date(day)} is outside {format_date(first)} – {format_date(last)}",
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


#: The working-day index of a range, built once per calendar (a plain tuple: a NamedTuple class
#: would cost the first calendar's cold start for no gain): the ordinal of first_day, the days
#: in the range, 1 for a working day by day offset, the working days from first_day through each
#: day offset, the day offset of each working day by 0-based rank, and the working days from
#: first_day as a list (the scalar hot path's copy).
_Index = tuple[int, int, bytes, "array[int]", "array[int]", list[int]]


def _build_index(
    first_day: _dt.date,
    last_day: _dt.date,
    special: Mapping[_dt.date, DayInfo],
    rest: frozenset[int],
) -> _Index:
    base = first_day.toordinal()
    size = last_day.toordinal() - base + 1
    # The ordinary weeks, repeated from first_day's weekday, then the special days over them
    # (every special day lies in the range: checked by the caller).
    week = bytes(int((first_day.weekday() + i) % 7 not in rest) for i in range(7))
    working = bytearray((week * (size // 7 + 1))[:size])
    for day, info in special.items():
        working[day.toordinal() - base] = 1 if info.is_working_day else 0
    cum_list = list(accumulate(working))
    nth_list = list(compress(range(size), working))
    return (
        base,
        size,
        bytes(working),
        array("i", cum_list),
        array("i", nth_list),
        cum_list,
    )


def _strict_k_limit(cum: array[int], confirmed_idx: int) -> int:
    """Return the rank bound of a strict calendar.

    Working days whose 0-based rank is below it lie on or before ``confirmed_through``.
    """
    return cum[confirmed_idx] if confirmed_idx >= 0 else 0


# WorkCalendar is an attrs class (frozen, slots, eq and hash from the fields marked below) with a
# hand-written __init__: its public signature (special_days, weekly_rest_names) is not its list
# of stored fields, and the index can only be built from arguments already checked, while attrs
# validators run after every field, the index included, has been set. __init__ checks, builds,
# then hands every field to the generated __attrs_init__.
@attrs.frozen(slots=True, init=False, repr=False)
class WorkCalendar:
    """An immutable working-day calendar with O(1) arithmetic.

    Build one with [`civil_service_calendar`][tthc.calendar.civil_service_calendar], then derive local variants with
    [`with_days_off`][tthc.calendar.WorkCalendar.with_days_off] / [`with_working_days`][tthc.calendar.WorkCalendar.with_working_days] (each returns a new calendar).

    Attributes:
        name: Human-readable name.
        first_day: First date the calendar answers for.
        last_day: Last date the calendar answers for.
        confirmed_through: Last date covered by official announcements; later dates are
            projected (provisional).
        data_version: Version of the data the calendar was built from.
        strict: When True, any operation touching a date after ``confirmed_through`` raises
            [`ProvisionalCalendarError`][tthc.errors.ProvisionalCalendarError] instead of answering provisionally.
        weekly_rest: Weekday numbers (0 = Monday) of the weekly rest.
    """

    name: str
    first_day: _dt.date
    last_day: _dt.date
    confirmed_through: _dt.date = attrs.field(hash=False)
    data_version: str = attrs.field(hash=False)
    strict: bool
    weekly_rest: frozenset[int] = attrs.field(eq=False)
    _working: bytes
    _special: dict[_dt.date, DayInfo] = attrs.field(hash=False)
    _rest_info: tuple[str, str, LegalRef | None] = attrs.field(eq=False)
    _base: int = attrs.field(eq=False)
    _size: int = attrs.field(eq=False)
    _cum: array[int] = attrs.field(eq=False)
    _nth: array[int] = attrs.field(eq=False)
    _confirmed_idx: int = attrs.field(eq=False)
    # Hot-path copies: list indexing avoids boxing a new int per lookup, and prebuilt date
    # objects avoid date.fromordinal (~75 ns). Together they halve a scalar call.
    _cum_list: list[int] = attrs.field(eq=False)
    _nth_dates: tuple[_dt.date, ...] = attrs.field(eq=False)
    # Day offsets in [0, _limit) and working-day ranks in [0, _k_limit) are answered; one bound
    # covers both the range and strict mode (which stops at confirmed_through).
    _limit: int = attrs.field(eq=False)
    _k_limit: int = attrs.field(eq=False)

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
        weekly_rest_names: tuple[str, str, LegalRef | None] = _DEFAULT_REST_NAMES,
        strict: bool = False,
    ) -> None:
        """Build a calendar from its non-ordinary days.

        Most callers want [`civil_service_calendar`][tthc.calendar.civil_service_calendar] instead.

        Args:
            name: Human-readable name.
            first_day: First supported date.
            last_day: Last supported date.
            confirmed_through: Last officially announced date.
            data_version: Version string of the source data.
            special_days: Every date that is not an ordinary Mon–Fri working day or an ordinary
                weekly rest day, with its [`DayInfo`][tthc.calendar.DayInfo].
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
        special = dict(special_days)
        for day in special:
            if not first_day <= day <= last_day:
                raise _range_error(day, first_day, last_day, "special day")
        rest = frozenset(weekly_rest)
        base, size, working, cum, nth, cum_list = _build_index(first_day, last_day, special, rest)
        confirmed_idx = min(max(confirmed_through.toordinal() - base, -1), size - 1)
        strict = bool(strict)
        self.__attrs_init__(
            name=name,
            first_day=first_day,
            last_day=last_day,
            confirmed_through=confirmed_through,
            data_version=data_version,
            strict=strict,
            weekly_rest=rest,
            working=working,
            special=special,
            rest_info=weekly_rest_names,
            base=base,
            size=size,
            cum=cum,
            nth=nth,
            confirmed_idx=confirmed_idx,
            cum_list=cum_list,
            nth_dates=tuple(map(_fromordinal, compress(range(base, base + size), working))),
            limit=confirmed_idx + 1 if strict else size,
            k_limit=_strict_k_limit(cum, confirmed_idx) if strict else len(nth),
        )

    def __repr__(self) -> str:
        return (
            f"WorkCalendar(name={self.name!r}, range={self.first_day.isoformat()}.."
            f"{self.last_day.isoformat()}, confirmed_through={self.confirmed_through.isoformat()}, "
            f"data_version={self.data_version!r}, strict={self.strict})"
        )

    # --- checks --------------------------------------------------------------------------------

    def _offset(self, day: object, name: str) -> int:
        """Return the day offset of ``day``, or raise: ``_limit`` is exactly what is answered."""
        if type(day) is not _date:
            day = require_date(day, name)
        offset: int = day.toordinal() - self._base
        if 0 <= offset < self._limit:
            return offset
        if offset < 0 or offset >= self._size:
            raise _range_error(day, self.first_day, self.last_day, name)
        raise _provisional_error(day, self.confirmed_through)

    def _count_refusal(
        self, k: int, origin: _dt.date
    ) -> CalendarRangeError | ProvisionalCalendarError:
        """Return the error for a count whose rank ``k`` is not in ``[0, _k_limit)``."""
        if k < 0 or k >= len(self._nth):
            return CalendarRangeError(
                "Ngày ngoài phạm vi lịch (date outside the calendar range): the result of "
                f"counting from {origin.isoformat()} falls outside {self.first_day.isoformat()} "
                f"– {self.last_day.isoformat()}",
                hint="count fewer working days or from a date further from the range's edge",
                date=origin,
                edge=self.first_day if k < 0 else self.last_day,
                first_day=self.first_day,
                last_day=self.last_day,
            )
        # A strict calendar, and the k-th working day lies after confirmed_through.
        return _provisional_error(_fromordinal(self._base + self._nth[k]), self.confirmed_through)

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
        raise self._count_refusal(k, day)

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
        """Return the [`DayInfo`][tthc.calendar.DayInfo] of ``day``: kind, names, legal basis, provisional flag."""
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
                name_vi=f"{WEEKDAY_VI[weekday]} ({name_vi})",
                name_en=f"{_WEEKDAY_EN[weekday]} ({name_en})",
                legal_ref=ref,
                provisional=provisional,
            )
        return DayInfo(
            date=day,
            kind=DayKind.WORKING_DAY,
            is_working_day=True,
            name_vi=WEEKDAY_VI[weekday],
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
        """Yield the [`DayInfo`][tthc.calendar.DayInfo] of every day from ``start`` to ``end`` inclusive."""
        first = self._offset(start, "start")
        last = self._offset(end, "end")
        for offset in range(first, last + 1):
            yield self.day_info(_fromordinal(self._base + offset))

    @property
    def index(self) -> WorkdayIndex:
        """The read-only working-day index (for vectorised code such as ``tthc.bulk``)."""
        # Imported here: the first calendar does not need the class (issue 20, item 5).
        from tthc.calendar._index import WorkdayIndex  # noqa: PLC0415

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
        # The same index under another bound: no rebuild (attrs.evolve would call __init__).
        fields: dict[str, Any] = {
            str(field.alias): getattr(self, field.name) for field in attrs.fields(WorkCalendar)
        }
        fields["strict"] = bool(strict)
        fields["limit"] = self._confirmed_idx + 1 if strict else self._size
        fields["k_limit"] = (
            _strict_k_limit(self._cum, self._confirmed_idx) if strict else len(self._nth)
        )
        clone: WorkCalendar = object.__new__(WorkCalendar)
        clone.__attrs_init__(**fields)
        return clone
