"""Legal due dates (working days, calendar days, months) and timeliness, for whole columns."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tthc.bulk._adapters import (
    NAT,
    Box,
    dates_in,
    ints_in,
    labels_out,
    merge,
    missing_error,
    numpy,
    output,
)
from tthc.bulk._core import (
    Index,
    NatPolicy,
    add_core,
    as_dates,
    check_nat_policy,
    check_ranks,
    offsets_of,
)
from tthc.bulk._units import UNIT_NAMES, unit_rows, unit_value
from tthc.errors import DurationError, InputTypeError, InvalidArrayError

if TYPE_CHECKING:
    from tthc.bulk._adapters import Days
    from tthc.calendar import WorkCalendar

__all__: list[str] = []  # private module: the public names are exported by tthc.bulk

#: Labels returned by [`classify`][tthc.bulk.classify], in code order (``codes=True`` returns
#: indexes into this):
#: finished early, on time, late; open and still in time, open and overdue. They are the values of
#: [`tthc.deadlines.Timeliness`][tthc.deadlines.Timeliness].
TIMELINESS_LABELS: tuple[str, ...] = ("early", "on_time", "late", "in_time", "overdue")

_MAX_AMOUNT = 100_000  # same bound as tthc.deadlines.Duration
_IN_PLACE = 1 << 14  # rows from which lookups write into a buffer no longer needed


# --- due dates -----------------------------------------------------------------------------------


def _check_amounts(np: Any, counts: Days) -> None:
    if not counts.size:
        return
    low, high = int(counts.min()), int(counts.max())
    if low < 1 or high > _MAX_AMOUNT:
        bad = (counts < 1) | (counts > _MAX_AMOUNT)
        position = int(np.flatnonzero(bad)[0])
        raise DurationError(
            f"Thời hạn (duration): amounts must be whole numbers from 1 to {_MAX_AMOUNT:,}; "
            f"position {position} is {int(counts.flat[position])}",
            hint="use Duration.same_day() / tthc.deadlines for same-day limits",
            argument="amounts",
            position=position,
        )


def compute_due_dates(
    accepted: Any,
    amounts: Any,
    unit: Any = "working_day",
    *,
    calendar: WorkCalendar | None = None,
    nat: NatPolicy = "raise",
) -> Any:
    """Return the legal due date (hạn giải quyết) of each dossier accepted on ``accepted``.

    The acceptance date itself is never counted (Civil Code 2015 Art. 147.2):

    * ``"working_day"`` (ngày làm việc): the ``amount``-th working day strictly after acceptance;
    * ``"calendar_day"`` (ngày): acceptance + ``amount`` days; a due date on a day off moves to the
      next working day (Art. 148.5);
    * ``"month"`` (tháng): the same day of the month ``amount`` months later, or that month's last
      day when it has no such day (Art. 148.3), then moved forward the same way.

    Fractional amounts, hours and same-day limits depend on the time of acceptance and the office
    hours: use [`tthc.deadlines.compute_deadline`][tthc.deadlines.compute_deadline] for those rows.

    Args:
        accepted: Acceptance dates (Vietnam local dates), any supported container.
        amounts: Whole amounts (``>= 1``), an ``int`` or an integer array.
        unit: A unit name or [`DurationUnit`][tthc.deadlines.DurationUnit] for every row, or an
            array of them (one per row).
        calendar: The calendar (default: the national public-sector calendar).
        nat: ``"raise"`` (default) or ``"propagate"`` (a missing acceptance date gives NaT).

    Returns:
        ``datetime64[D]`` due dates in the container of the input.

    Raises:
        MissingExtraError: numpy is not installed.
        InputTypeError: wrong dtypes, containers or units.
        InvalidArrayError: missing dates (with ``nat="raise"``), partial days, shape mismatch.
        DurationError: an amount is below 1 or above 100,000.
        CalendarRangeError: a date or a result is outside the calendar's range.
        ProvisionalCalendarError: strict calendar and a projected year is touched.

    Example:
        >>> import numpy as np
        >>> accepted = np.array(["2026-04-24"], dtype="datetime64[D]")
        >>> compute_due_dates(accepted, 7, "calendar_day")  # 1/5 is a holiday, then a weekend
        array(['2026-05-04'], dtype='datetime64[D]')
    """
    np = numpy()
    policy = check_nat_policy(nat)
    ix = Index.of(np, calendar)
    days, dbox = dates_in(np, accepted, "accepted")
    counts, nbox = ints_in(np, amounts, "amounts")
    boxes = [("accepted", dbox), ("amounts", nbox)]
    shapes = [("accepted", days.shape), ("amounts", counts.shape)]
    single = unit_value(unit) if isinstance(unit, str) or hasattr(unit, "value") else None
    rows = None
    kinds = {UNIT_NAMES.index(single)} if single is not None else set()
    if single is None:
        rows = unit_rows(np, unit)
        kinds = set(rows.kinds)
        boxes.append(("unit", rows.box))
        shapes.append(("unit", rows.shape))
    box = merge(np, boxes, shapes)
    _check_amounts(np, counts)
    shape = np.broadcast_shapes(*(shape for _, shape in shapes))
    if rows is None or len(kinds) <= 1:  # one unit for every row (or no row at all)
        unit_name = UNIT_NAMES[kinds.pop()] if kinds else "working_day"
        due = _due(np, ix, days, counts, unit=unit_name, nat=policy)
        if due.shape != shape:  # a unit column broadcast the other arguments
            due = np.array(np.broadcast_to(due, shape))
    else:
        due = _due_rolled(
            np, ix, days, counts, working=rows.working, months=rows.months, nat=policy, shape=shape
        )
    return output(np, box, as_dates(np, due))


def _due(np: Any, ix: Index, days: Days, counts: Days, *, unit: str, nat: NatPolicy) -> Days:
    if unit == "working_day":
        return add_core(np, ix, days, counts, name="accepted", nat=nat)[0]
    return _due_rolled(np, ix, days, counts, working=None, months=unit == "month", nat=nat)


def _due_rolled(
    np: Any,
    ix: Index,
    days: Days,
    counts: Days,
    *,
    working: Any | None,
    months: Any,
    nat: NatPolicy,
    shape: tuple[int, ...] = (),
) -> Days:
    """Due dates of calendar-day rows, month rows (``months``) and working-day rows (``working``).

    ``working`` is a mask of the working-day rows (or ``None``: none); ``months`` the flat
    positions of the month rows in the result's ``shape``, ``True`` (every row) or
    ``False``/``None`` (none).

    Every row is one lookup in the cumulative count of working days ``cum`` (working days
    through each day): a working-day row's due date has rank ``cum[accepted] + n - 1`` (the
    n-th working day strictly after acceptance); a calendar-day or month row's due date is its
    target day ``t`` if that is a working day, else the next one (Art. 148.5), whose rank is
    ``cum[t - 1]``, the number of working days before ``t``. So the rows of all units are
    answered by the same ``take``, without splitting the column by unit; the working-day rows
    are told apart by arithmetic on their mask (no branch per row).
    """
    offsets, missing = offsets_of(np, ix, days, "accepted", nat)
    shape = np.broadcast_shapes(offsets.shape, counts.shape, shape)
    # Few fresh buffers, reused in place: on a large column the page faults of each new array
    # cost as much as the arithmetic.
    start = np.empty(shape, dtype=np.int64)
    np.subtract(counts, 1, out=start)  # n - 1; calendar days: the day before the target
    shift = None  # the n - 1 that working-day rows add to the rank of their acceptance date
    if working is not None:
        shift = np.multiply(start, working)
        start -= shift  # 0 on working-day rows: they read cum at their acceptance date
    start += offsets
    if months is True:  # every row counts months
        start = np.asarray(_add_months(np, ix, offsets, counts) - (ix.base + 1))
    elif months is not None and months is not False:  # same day n months later (Art. 148.3)
        picked = _full(np, offsets, shape)[months]
        amounts = _full(np, counts, shape)[months]
        start.reshape(-1)[months] = _add_months(np, ix, picked, amounts) - (ix.base + 1)
    if missing is not None:  # NaT rows (nat="propagate") read offset 0; masked at the end
        start[np.broadcast_to(missing, shape)] = 0
    if start.size and int(start.max()) + 1 >= ix.limit:
        _check_targets(np, ix, start, working=working, missing=missing, nat=nat)
    fresh = isinstance(offsets, np.ndarray) and offsets.shape == shape  # 0-d: a numpy scalar
    ranks = _lookup(np, ix.cum, start, offsets if fresh else None)
    if shift is not None:
        ranks += shift
    if missing is not None:  # NaT rows read offset 0: whatever their count, read rank 0
        ranks[np.broadcast_to(missing, shape)] = 0
    if ranks.size and int(ranks.max()) >= ix.k_limit:  # ranks >= 0: amounts are >= 1
        shown = start + (ix.base + 1)  # the target day, or the acceptance date (working days)
        if working is not None:
            shown = np.where(working, shown - 1, shown)
        check_ranks(np, ix, ranks, shown, missing)
    out: Days = _lookup(np, ix.nth, ranks, start)
    out += ix.base
    if missing is not None:
        out[np.broadcast_to(missing, shape)] = NAT
    return out


def _lookup(np: Any, table: Any, indices: Any, out: Any | None) -> Any:
    """``table[indices]`` as ``int64``; written into ``out`` (a buffer no longer needed) when large.

    The indices were checked to lie in the table: ``mode="clip"`` never clips, and unlike the
    default mode it writes into ``out`` without a temporary. Small columns take the plain way
    (copying the table to ``int64`` would cost more than the rows).
    """
    if out is None or indices.size < _IN_PLACE:
        return np.take(table, indices).astype(np.int64, copy=False)
    return np.take(table.astype(np.int64), indices, out=out, mode="clip")


def _full(np: Any, values: Any, shape: tuple[int, ...]) -> Any:
    """``values`` broadcast to ``shape``, flat (a view when it already has that shape)."""
    return (values if values.shape == shape else np.broadcast_to(values, shape)).reshape(-1)


def _check_targets(
    np: Any, ix: Index, start: Days, *, working: Any | None, missing: Any | None, nat: NatPolicy
) -> None:
    """Raise for target days (due dates before roll-forward) outside the calendar's range."""
    target = start + (ix.base + 1)
    if working is not None:  # acceptance dates, already checked
        target = np.where(working, ix.base, target)
    if missing is not None:
        target[np.broadcast_to(missing, target.shape)] = NAT
    offsets_of(np, ix, target, "due date", nat)


def _add_months(np: Any, ix: Index, offsets: Days, counts: Days) -> Days:
    """Same day ``counts`` months later, or that month's last day (BLDS 2015 Art. 148.3).

    Per-day and per-month tables over the calendar's range (a few thousand entries, built per
    call) replace slow ``datetime64[M]`` conversions of every row. A target month after the range
    gives a day after ``last_day``, which the range check then reports.
    """
    all_days = np.arange(ix.size, dtype=np.int64) + ix.base
    month_of_day = all_days.view("datetime64[D]").astype("datetime64[M]").view(np.int64)
    first_month = int(month_of_day[0])
    month_index = month_of_day - first_month  # per day: months since the range's first month
    n_months = int(month_index[-1]) + 1
    month_starts = np.arange(first_month, first_month + n_months + 1, dtype=np.int64)
    starts = month_starts.view("datetime64[M]").astype("datetime64[D]").view(np.int64)
    day_in_month = all_days - starts[month_index]  # 0-based
    target_month = np.take(month_index, offsets) + counts  # counts >= 1: never before the range
    beyond = target_month >= n_months
    safe_month = np.minimum(target_month, n_months - 1)
    first = np.take(starts, safe_month)
    last = np.take(starts, safe_month + 1) - 1
    target: Days = np.minimum(first + np.take(day_in_month, offsets), last)
    if beyond.any():
        target = np.where(beyond, ix.base + ix.size, target)
    return target


# --- timeliness ----------------------------------------------------------------------------------


def classify(
    due: Any,
    finished_at: Any = None,
    *,
    as_of: Any = None,
    codes: bool = False,
) -> Any:
    """Return the timeliness of each dossier by date, as the national reports count it.

    Finished dossiers (``finished_at`` given, and not after ``as_of`` when both are given):
    ``"early"`` (before the due date), ``"on_time"`` (on it), ``"late"`` (after it). Open dossiers
    (``finished_at`` missing — ``None``, NaT or null — or after ``as_of``): ``"in_time"`` if
    ``as_of <= due``, else ``"overdue"``. The same rule as
    [`tthc.deadlines.classify`][tthc.deadlines.classify],
    vectorised; no calendar is needed.

    Args:
        due: Due dates (missing values raise).
        finished_at: Dates the result was returned, or ``None`` if every dossier is open.
            Missing values mark open dossiers.
        as_of: The reporting date (one date or an array); required when any dossier is open.
        codes: Return ``int8`` indexes into [`TIMELINESS_LABELS`][tthc.bulk.TIMELINESS_LABELS]
            instead of labels.

    Returns:
        Labels from [`TIMELINESS_LABELS`][tthc.bulk.TIMELINESS_LABELS] (numpy ``str`` array; a
        categorical pandas Series;
        a polars ``Enum`` Series; a pyarrow dictionary array), or ``int8`` codes.

    Raises:
        MissingExtraError: numpy is not installed.
        InputTypeError: wrong dtypes or containers, or ``as_of`` not given while a dossier is
            open.
        InvalidArrayError: a missing due date, a missing ``as_of`` value for an open dossier,
            partial days, shape mismatch.
    """
    np = numpy()
    due_days, due_box = dates_in(np, due, "due")
    boxes = [("due", due_box)]
    shapes = [("due", due_days.shape)]
    if due_days.size and bool((due_days == NAT).any()):
        raise missing_error(np, "due", int(np.flatnonzero(due_days == NAT)[0]))
    finished = _optional_dates(np, finished_at, "finished_at", boxes, shapes)
    reference = _optional_dates(np, as_of, "as_of", boxes, shapes)
    box = merge(np, boxes, shapes)
    # Finished after the reporting date = still open on that date (as tthc.deadlines.classify).
    if reference.ndim == 0 and int(reference) != NAT:  # one reporting date for every row
        open_ = (finished == NAT) | (finished > reference)
    else:
        open_ = (finished == NAT) | ((reference != NAT) & (finished > reference))
        _check_reference(np, open_ & (reference == NAT), shapes, given=as_of is not None)
    # int8 codes from comparisons (one byte per row, no subtraction that could overflow)
    late = _int8(np, np.greater(finished, due_days))
    finished_code = late - _int8(np, np.less(finished, due_days)) + 1  # 0 early, 1 on time, 2 late
    open_code = _int8(np, np.greater(reference, due_days)) + 3  # 3 in time, 4 overdue
    result = np.where(open_, open_code, finished_code)
    result = np.ascontiguousarray(np.broadcast_to(result, _shape(np, shapes)))
    if codes:
        return output(np, box, result)
    return labels_out(np, box, result, TIMELINESS_LABELS)


def _int8(np: Any, flags: Any) -> Any:
    """Booleans as ``int8`` 0 / 1 (a view, no copy)."""
    return np.asarray(flags).view(np.int8)


def _optional_dates(
    np: Any,
    value: Any,
    name: str,
    boxes: list[tuple[str, Box]],
    shapes: list[tuple[str, Any]],
) -> Days:
    """Return the epoch days of an optional argument (all NaT when ``None``); note its box."""
    if value is None:
        missing: Days = np.full((), NAT, dtype=np.int64)
        return missing
    days, box = dates_in(np, value, name)
    boxes.append((name, box))
    shapes.append((name, days.shape))
    return days


def _check_reference(
    np: Any, missing_reference: Any, shapes: list[tuple[str, Any]], *, given: bool
) -> None:
    """Raise if an open dossier has no reporting date to be classified against."""
    # broadcast first: a 0-d "missing" against an empty column is no missing row at all
    missing = np.broadcast_to(missing_reference, _shape(np, shapes))
    if not missing.any():
        return
    position = int(np.flatnonzero(missing)[0])
    if not given:
        raise InputTypeError(
            "Phân loại (classification): open dossiers (no finished_at) need as_of (the "
            f"report date); first open row at position {position}",
            hint="pass as_of=the reporting date",
            argument="as_of",
            position=position,
        )
    raise InvalidArrayError(
        "Ngày báo cáo (as_of): open dossiers (no finished_at) are classified against as_of, "
        f"which is missing at position {position}",
        hint="fill the reporting date for every open row",
        argument="as_of",
        position=position,
    )


def _shape(np: Any, shapes: list[tuple[str, Any]]) -> tuple[int, ...]:
    result: tuple[int, ...] = np.broadcast_shapes(*(shape for _, shape in shapes))
    return result
