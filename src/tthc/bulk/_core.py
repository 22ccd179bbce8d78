"""The working-day index as numpy views, the range checks and the vectorised kernels.

Every public function converts its arguments with ``tthc.bulk._adapters``, computes on
``int64`` epoch-day numbers against the calendar's own [`WorkdayIndex`][tthc.calendar.WorkdayIndex]
buffers (wrapped, never copied), and converts the result back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

import attrs

from tthc.bulk._adapters import (
    EPOCH_ORDINAL,
    NAT,
    dates_in,
    day_text,
    ints_in,
    merge,
    missing_error,
    numpy,
    output,
)
from tthc.calendar._defaults import resolve_calendar
from tthc.errors import CalendarRangeError, InputTypeError, ProvisionalCalendarError

if TYPE_CHECKING:
    from tthc.bulk._adapters import Days
    from tthc.calendar import WorkCalendar

__all__: list[str] = []  # private module: the public names are exported by tthc.bulk

NatPolicy = Literal["raise", "propagate"]


# --- the shared index ----------------------------------------------------------------------------


@attrs.frozen(slots=True, eq=False)
class Index:
    """numpy views of a calendar's [`WorkdayIndex`][tthc.calendar.WorkdayIndex] (no copy).

    ``limit`` is the first day offset refused (after ``confirmed_through`` on a strict calendar)
    and ``k_limit`` the first working-day rank refused.
    """

    working: Any
    cum: Any
    nth: Any
    first_day: Any
    last_day: Any
    confirmed_through: Any
    base: int
    size: int
    n_work: int
    strict: bool
    confirmed_idx: int
    limit: int
    k_limit: int

    @classmethod
    def of(cls, np: Any, calendar: WorkCalendar | None) -> Index:
        """Return the index of ``calendar`` (default: the national public-sector calendar).

        Raises:
            InputTypeError: ``calendar`` is neither ``None`` nor a ``WorkCalendar``.
        """
        calendar = resolve_calendar(calendar)
        index = calendar.index
        working = np.frombuffer(index.working, dtype=np.uint8)
        cum = np.frombuffer(index.cumulative, dtype=np.dtype(index.cumulative.format))
        nth = np.frombuffer(index.nth, dtype=np.dtype(index.nth.format))
        size = len(working)
        confirmed_idx = min(max((index.confirmed_through - index.first_day).days, -1), size - 1)
        confirmed_rank = int(cum[confirmed_idx]) if confirmed_idx >= 0 else 0
        strict = calendar.strict
        return cls(
            working=working,
            cum=cum,
            nth=nth,
            first_day=index.first_day,
            last_day=index.last_day,
            confirmed_through=index.confirmed_through,
            base=index.first_day.toordinal() - EPOCH_ORDINAL,
            size=size,
            n_work=len(nth),
            strict=strict,
            confirmed_idx=confirmed_idx,
            limit=confirmed_idx + 1 if strict else size,
            k_limit=confirmed_rank if strict else len(nth),
        )


# --- checks --------------------------------------------------------------------------------------


def _provisional_error(
    ix: Index, count: int, position: int, what: str, text: str, **context: Any
) -> ProvisionalCalendarError:
    return ProvisionalCalendarError(
        f"Lịch chưa được công bố chính thức (projected calendar year): {count} "
        f"{what} after {ix.confirmed_through.isoformat()}, the last date covered by official "
        f"announcements; first at position {position}: {text}",
        hint="use a non-strict calendar (answers are provisional) or add the official "
        "announcement to the calendar data",
        **context,
        position=position,
        confirmed_through=ix.confirmed_through,
    )


def offsets_of(
    np: Any, ix: Index, days: Days, name: str, nat: NatPolicy
) -> tuple[Days, Any | None]:
    """Return the index offsets of ``days``; raise for NaT (unless propagated) and range."""
    offsets = days - ix.base  # NaT wraps to a huge positive offset: caught below
    if offsets.size == 0:
        return offsets, None
    low, high = int(offsets.min()), int(offsets.max())
    missing = None
    if low < 0 or high >= ix.size:
        is_nat = days == NAT
        if is_nat.any():
            if nat != "propagate":
                raise missing_error(np, name, int(np.flatnonzero(is_nat)[0]))
            missing = is_nat
            offsets = np.where(is_nat, 0, offsets)
        outside = ((offsets < 0) | (offsets >= ix.size)) & ~is_nat
        if outside.any():
            raise _range_rows(np, ix, days, outside, name)
        high = int(offsets.max())
    if high >= ix.limit:
        late = offsets >= ix.limit
        if missing is not None:
            late &= ~missing
        if late.any():
            position = int(np.flatnonzero(late)[0])
            text = day_text(np, int(days.flat[position]))
            what = f"value(s) of {name} lie"
            raise _provisional_error(ix, int(late.sum()), position, what, text, argument=name)
    return offsets, missing


def _range_rows(np: Any, ix: Index, days: Days, outside: Any, name: str) -> CalendarRangeError:
    position = int(np.flatnonzero(outside)[0])
    text = day_text(np, int(days.flat[position]))
    return CalendarRangeError(
        f"Ngày ngoài phạm vi lịch (date outside the calendar range): {int(outside.sum())} "
        f"value(s) of {name} are outside {ix.first_day.isoformat()} – "
        f"{ix.last_day.isoformat()}; first at position {position}: {text}",
        hint="tthc only answers for dates its calendar covers; filter those rows first",
        argument=name,
        position=position,
        date=text,
        first_day=ix.first_day,
        last_day=ix.last_day,
    )


def check_ranks(np: Any, ix: Index, ranks: Days, days: Days, missing: Any | None) -> None:
    """Raise if a result rank lies outside the index (or after confirmed_through if strict)."""
    if ranks.size == 0:
        return
    low, high = int(ranks.min()), int(ranks.max())
    if low >= 0 and high < ix.k_limit:
        return
    outside = (ranks < 0) | (ranks >= ix.n_work)
    if missing is not None:
        outside &= ~missing
    if outside.any():
        position = int(np.flatnonzero(outside)[0])
        text = day_text(np, int(np.broadcast_to(days, ranks.shape).flat[position]))
        raise CalendarRangeError(
            f"Ngày ngoài phạm vi lịch (date outside the calendar range): the result of counting "
            f"falls outside {ix.first_day.isoformat()} – {ix.last_day.isoformat()} for "
            f"{int(outside.sum())} row(s); first at position {position}, counting from {text}",
            hint="count fewer working days or from dates further from the range's edge",
            position=position,
            date=text,
            first_day=ix.first_day,
            last_day=ix.last_day,
        )
    late = ranks >= ix.k_limit
    if missing is not None:
        late &= ~missing
    if late.any():
        position = int(np.flatnonzero(late)[0])
        result = ix.base + int(ix.nth[int(ranks.flat[position])])
        text = day_text(np, result)
        raise _provisional_error(ix, int(late.sum()), position, "result(s) lie", text)


def check_nat_policy(nat: object) -> NatPolicy:
    """Return ``nat`` if it is ``"raise"`` or ``"propagate"``; raise otherwise."""
    if nat == "raise":
        return "raise"
    if nat == "propagate":
        return "propagate"
    raise InputTypeError(
        f"Giá trị thiếu (missing values): nat must be 'raise' or 'propagate', got {nat!r}",
        argument="nat",
    )


# --- kernels (int64 epoch days in, int64 epoch days out) -----------------------------------------


def add_core(
    np: Any, ix: Index, days: Days, n: Days, *, name: str, nat: NatPolicy
) -> tuple[Days, Any | None]:
    """Return the ``n``-th working day after each day (epoch days) and the NaT mask."""
    offsets, missing = offsets_of(np, ix, days, name, nat)
    cum = ix.cum
    if n.size and int(n.min()) >= 1:
        ranks = np.take(cum, offsets) + (n - 1)  # the n-th working day strictly after
    else:
        ranks = np.take(cum, offsets) + n
        ranks -= np.where(n > 0, 1, np.take(ix.working, offsets))
    if missing is not None:  # NaT rows read offset 0: whatever their count, read rank 0
        ranks[np.broadcast_to(missing, ranks.shape)] = 0
    check_ranks(np, ix, ranks, days, missing)
    result = np.take(ix.nth, ranks)
    out: Days = result.astype(np.int64) if result.dtype != np.int64 else result
    out += ix.base
    if missing is not None:
        out[np.broadcast_to(missing, out.shape)] = NAT
    return out, missing


def as_dates(np: Any, days: Days) -> Any:
    """View epoch-day numbers as ``datetime64[D]``."""
    return days.view("datetime64[D]")


# --- day-level functions -------------------------------------------------------------------------


def add_working_days(
    dates: Any,
    n: Any,
    *,
    calendar: WorkCalendar | None = None,
    nat: NatPolicy = "raise",
) -> Any:
    """Return the ``n``-th working day after each date (vectorised ``WorkCalendar.add_working_days``).

    ``n >= 1``: the n-th working day strictly after the date, whether or not the date is itself a
    working day (Civil Code 2015 Art. 147.2). ``n == 0``: the date if it is a working day, else
    the next one. ``n < 0``: the mirror image, backwards.

    Args:
        dates: ``datetime64[D]`` array, pandas/polars Series, pyarrow array, sequence of dates or
            one date.
        n: An ``int`` for every row, or an integer array of the same shape.
        calendar: The calendar (default:
            [`civil_service_calendar`][tthc.calendar.civil_service_calendar]).
        nat: ``"raise"`` (default) or ``"propagate"`` (a missing date gives a missing result).

    Returns:
        ``datetime64[D]`` results in the container of the input.

    Raises:
        MissingExtraError: numpy is not installed.
        InputTypeError: wrong dtypes or containers.
        InvalidArrayError: missing dates (with ``nat="raise"``), partial days, shape mismatch.
        CalendarRangeError: a date or a result is outside the calendar's range.
        ProvisionalCalendarError: strict calendar and a projected year is touched.

    Example:
        >>> import numpy as np
        >>> d = np.array(["2026-02-13", "2026-02-13"], dtype="datetime64[D]")
        >>> add_working_days(d, np.array([1, -1]))  # Tết 2026: 16-20/2 are days off
        array(['2026-02-23', '2026-02-12'], dtype='datetime64[D]')
    """
    np = numpy()
    policy = check_nat_policy(nat)
    ix = Index.of(np, calendar)
    days, dbox = dates_in(np, dates, "dates")
    counts, nbox = ints_in(np, n, "n")
    box = merge(np, [("dates", dbox), ("n", nbox)], [("dates", days.shape), ("n", counts.shape)])
    out, _ = add_core(np, ix, days, counts, name="dates", nat=policy)
    return output(np, box, as_dates(np, out))


def working_days_between(
    start: Any,
    end: Any,
    *,
    calendar: WorkCalendar | None = None,
) -> Any:
    """Return the number of working days ``x`` with ``start < x <= end``, row by row.

    Negative where ``end < start``, as ``WorkCalendar.working_days_between``.

    Args:
        start: Dates (any supported container, or one date).
        end: Dates of the same shape (or one date).
        calendar: The calendar (default: the national public-sector calendar).

    Returns:
        ``int64`` counts in the container of the input.

    Raises:
        MissingExtraError: numpy is not installed.
        InputTypeError: wrong dtypes or containers.
        InvalidArrayError: missing dates, partial days, shape mismatch.
        CalendarRangeError: a date is outside the calendar's range.
        ProvisionalCalendarError: strict calendar and a projected year is touched.
    """
    np = numpy()
    ix = Index.of(np, calendar)
    a, abox = dates_in(np, start, "start")
    b, bbox = dates_in(np, end, "end")
    box = merge(np, [("start", abox), ("end", bbox)], [("start", a.shape), ("end", b.shape)])
    end_offsets, _ = offsets_of(np, ix, b, "end", "raise")
    start_offsets, _ = offsets_of(np, ix, a, "start", "raise")
    cum = ix.cum
    result = np.take(cum, end_offsets).astype(np.int64) - np.take(cum, start_offsets)
    return output(np, box, result)


def is_working_day(dates: Any, *, calendar: WorkCalendar | None = None) -> Any:
    """Return whether state agencies work on each date (``bool`` array).

    Raises:
        MissingExtraError: numpy is not installed.
        InputTypeError: wrong dtypes or containers.
        InvalidArrayError: missing dates or partial days.
        CalendarRangeError: a date is outside the calendar's range.
        ProvisionalCalendarError: strict calendar and a projected year is touched.
    """
    np = numpy()
    ix = Index.of(np, calendar)
    days, box = dates_in(np, dates, "dates")
    offsets, _ = offsets_of(np, ix, days, "dates", "raise")
    return output(np, box, np.take(ix.working.view(np.bool_), offsets))


def working_day_ordinal(dates: Any, *, calendar: WorkCalendar | None = None) -> Any:
    """Return how many working days lie in ``[first_day, date]`` for each date (a join key).

    ``ordinal(b) - ordinal(a) == working_days_between(a, b)``; the exported calendar
    (``tthc calendar-export``) carries the same column, for SQL.

    Raises:
        MissingExtraError: numpy is not installed.
        InputTypeError: wrong dtypes or containers.
        InvalidArrayError: missing dates or partial days.
        CalendarRangeError: a date is outside the calendar's range.
        ProvisionalCalendarError: strict calendar and a projected year is touched.
    """
    np = numpy()
    ix = Index.of(np, calendar)
    days, box = dates_in(np, dates, "dates")
    offsets, _ = offsets_of(np, ix, days, "dates", "raise")
    return output(np, box, np.take(ix.cum, offsets).astype(np.int64))


def is_provisional(dates: Any, *, calendar: WorkCalendar | None = None) -> Any:
    """Return whether each date lies after the last officially announced date (projected year).

    A due date on a provisional day may move when the year's official announcement is published.
    Unlike the arithmetic, this never raises
    [`ProvisionalCalendarError`][tthc.errors.ProvisionalCalendarError].

    Raises:
        MissingExtraError: numpy is not installed.
        InputTypeError: wrong dtypes or containers.
        InvalidArrayError: missing dates or partial days.
        CalendarRangeError: a date is outside the calendar's range.
    """
    np = numpy()
    index = Index.of(np, calendar)
    ix = attrs.evolve(index, limit=index.size)  # projected years answered, even when strict
    days, box = dates_in(np, dates, "dates")
    offsets, _ = offsets_of(np, ix, days, "dates", "raise")
    return output(np, box, offsets > ix.confirmed_idx)
