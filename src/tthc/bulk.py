"""Vectorised working-day arithmetic (tính hạn hàng loạt) over numpy, pandas, polars and pyarrow.

The national portal and each province report on millions of dossiers (hồ sơ) a year. This module
computes working days, due dates and timeliness for whole columns at once, on **the same
working-day index** as the scalar :class:`~tthc.calendar.WorkCalendar` (its ``index`` buffers are
wrapped with ``numpy.frombuffer``, never copied or rebuilt), so every answer is identical to the
scalar API, row by row, including make-up Saturdays (ngày làm bù) and Tết.

Install the optional extra: ``pip install "tthc[numpy]"`` (``tthc[pandas]``, ``tthc[polars]``,
``tthc[pyarrow]`` for the adapters). ``import tthc.bulk`` works without numpy; the first call
raises :class:`~tthc.errors.MissingExtraError` with the command to run.

Inputs and outputs:

* Dates are numpy ``datetime64[D]`` arrays. ``datetime64`` of a finer unit (``[s]``, ``[us]``,
  ``[ns]`` as pandas uses) is accepted when every value is a whole day (midnight); anything else
  raises :class:`~tthc.errors.InvalidArrayError`: the time of day is the caller's decision (convert
  to Vietnam local dates first). Coarser units (``[M]``, ``[Y]``) are refused. A sequence of
  ``datetime.date`` objects and a single ``datetime.date`` are accepted too; ``datetime`` objects
  are refused, as in the scalar API.
* Counts are integer arrays or a Python ``int`` (broadcast). Floats and booleans are refused.
* A pandas ``Series`` in gives a ``Series`` out with the same index (several Series must share
  one index); a polars ``Series`` gives a polars ``Series``; a pyarrow ``Array``/``ChunkedArray``
  gives a pyarrow array; scalars give Python scalars; anything else gives numpy arrays.

Missing values (NaT / null) policy: by default a missing date raises
:class:`~tthc.errors.InvalidArrayError` naming the first position. Functions that return dates
accept ``nat="propagate"``: a missing input gives a missing output. In :func:`classify` a missing
``finished_at`` means "not finished yet" (the dossier is open), by definition.

Out of range: a date (or a result) outside the calendar's range raises
:class:`~tthc.errors.CalendarRangeError` naming how many rows and the first one; it never wraps
around or clips. A strict calendar raises :class:`~tthc.errors.ProvisionalCalendarError` for
rows in projected years, as the scalar API does.

Example:
    >>> import numpy as np
    >>> from tthc import bulk
    >>> accepted = np.array(["2026-04-29", "2026-02-13"], dtype="datetime64[D]")
    >>> bulk.add_working_days(accepted, 5)  # skips 30/4, 1/5 and the Tết days off
    array(['2026-05-08', '2026-02-27'], dtype='datetime64[D]')
"""

from __future__ import annotations

import datetime as _dt
import importlib
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from tthc.calendar import WorkCalendar, civil_service_calendar
from tthc.errors import (
    CalendarRangeError,
    DurationError,
    InputTypeError,
    InvalidArrayError,
    MissingExtraError,
    ProvisionalCalendarError,
)

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    _Days = NDArray[np.int64]

__all__ = [
    "TIMELINESS_LABELS",
    "add_working_days",
    "classify",
    "compute_due_dates",
    "is_provisional",
    "is_working_day",
    "polars_add_working_days",
    "working_day_ordinal",
    "working_days_between",
]

#: Labels returned by :func:`classify`, in code order (``codes=True`` returns indexes into this):
#: finished early, on time, late; open and still in time, open and overdue. They are the values of
#: :class:`tthc.deadlines.Timeliness`.
TIMELINESS_LABELS: tuple[str, ...] = ("early", "on_time", "late", "in_time", "overdue")

NatPolicy = Literal["raise", "propagate"]

_EPOCH_ORDINAL = _dt.date(1970, 1, 1).toordinal()
_NAT = -(2**63)  # int64 value of numpy's NaT
_CLAMP = 2**40  # any |n| beyond this is out of range anyway; clamping avoids int64 overflow
_MAX_AMOUNT = 100_000  # same bound as tthc.deadlines.Duration
_FINE_UNITS = frozenset({"h", "m", "s", "ms", "us", "ns", "ps", "fs", "as"})
_UNITS = {
    "working_day": "working_day",
    "calendar_day": "calendar_day",
    "month": "month",
}


# --- optional imports ----------------------------------------------------------------------------


def _require(module: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(
            f"Thư viện tùy chọn (optional dependency): tthc.bulk needs {module}, which is not "
            "installed",
            hint=f'pip install "tthc[{extra}]"',
            module=module,
            extra=extra,
        ) from None


def _numpy() -> Any:
    return _require("numpy", "numpy")


# --- the shared index ----------------------------------------------------------------------------


class _Index:
    """numpy views of a calendar's :class:`~tthc.calendar.WorkdayIndex` (no copy)."""

    __slots__ = (
        "base",
        "confirmed_idx",
        "confirmed_through",
        "cum",
        "first_day",
        "k_limit",
        "last_day",
        "limit",
        "n_work",
        "nth",
        "size",
        "strict",
        "working",
    )

    def __init__(self, np: Any, calendar: WorkCalendar | None) -> None:
        if calendar is None:
            calendar = civil_service_calendar()
        elif not isinstance(calendar, WorkCalendar):
            raise InputTypeError(
                "Lịch làm việc (work calendar): calendar must be a tthc.calendar.WorkCalendar, "
                f"got {type(calendar).__name__}",
                hint="pass tthc.calendar.civil_service_calendar() or a calendar derived from it",
                argument="calendar",
                got=type(calendar).__name__,
            )
        index = calendar.index
        self.working = np.frombuffer(index.working, dtype=np.uint8)
        self.cum = np.frombuffer(index.cumulative, dtype=np.dtype(index.cumulative.format))
        self.nth = np.frombuffer(index.nth, dtype=np.dtype(index.nth.format))
        self.first_day = index.first_day
        self.last_day = index.last_day
        self.confirmed_through = index.confirmed_through
        self.base = index.first_day.toordinal() - _EPOCH_ORDINAL
        self.size = len(self.working)
        self.n_work = len(self.nth)
        self.strict = calendar.strict
        self.confirmed_idx = min(
            max((index.confirmed_through - index.first_day).days, -1), self.size - 1
        )
        self.limit = self.confirmed_idx + 1 if self.strict else self.size
        confirmed_rank = int(self.cum[self.confirmed_idx]) if self.confirmed_idx >= 0 else 0
        self.k_limit = confirmed_rank if self.strict else self.n_work


# --- input conversion ----------------------------------------------------------------------------


class _Box:
    """Where an argument came from, so that the result goes back in the same container."""

    __slots__ = ("index", "kind", "name")

    def __init__(self, kind: str, index: Any = None, name: Any = None) -> None:
        self.kind = kind
        self.index = index
        self.name = name


_SCALAR = _Box("scalar")
_NUMPY = _Box("numpy")


def _day_text(np: Any, value: int) -> str:
    return str(np.int64(value).astype("datetime64[D]"))


def _datetime_refused(value: _dt.datetime, name: str) -> InputTypeError:
    return InputTypeError(
        f"Ngày (date): {name} must be a date, got a datetime ({value.isoformat()})",
        hint="pass value.date() if the time of day does not matter",
        argument=name,
        got="datetime",
    )


def _wrong_dates(name: str, got: str) -> InputTypeError:
    return InputTypeError(
        f"Ngày (date): {name} must be numpy datetime64[D] dates (or a Series/array of dates), "
        f"got {got}",
        hint="convert with np.asarray(values, dtype='datetime64[D]') or "
        "pandas.to_datetime(...).dt.normalize()",
        argument=name,
        got=got,
    )


def _unwrap(np: Any, value: Any, name: str, *, dates: bool) -> tuple[Any, _Box]:
    """Return ``(ndarray, box)`` for any supported container."""
    root = type(value).__module__.partition(".")[0]
    if root == "pandas":
        if type(value).__name__ != "Series":
            raise InputTypeError(
                f"Cột dữ liệu (column): {name} must be a pandas Series, got {type(value).__name__}",
                hint="pass one column, e.g. df['accepted']",
                argument=name,
                got=type(value).__name__,
            )
        dtype = value.dtype
        if getattr(dtype, "tz", None) is not None:
            raise InputTypeError(
                f"Ngày (date): {name} holds time-zone aware timestamps ({dtype}); tthc counts "
                "local dates",
                hint="s.dt.tz_convert('Asia/Ho_Chi_Minh').dt.tz_localize(None).dt.normalize()",
                argument=name,
                got=str(dtype),
            )
        box = _Box("pandas", index=value.index, name=value.name)
        if not dates and dtype.kind in "iu" and not isinstance(dtype, np.dtype):
            if bool(value.isna().any()):
                raise _missing_error(np, name, int(np.flatnonzero(value.isna().to_numpy())[0]))
            return value.to_numpy(dtype="int64"), box
        return value.to_numpy(), box
    if root == "polars":
        if type(value).__name__ != "Series":
            raise InputTypeError(
                f"Cột dữ liệu (column): {name} must be a polars Series, got {type(value).__name__}",
                hint="inside a polars query use tthc.bulk.polars_add_working_days(...)",
                argument=name,
                got=type(value).__name__,
            )
        if not dates and value.null_count():
            raise _missing_error(np, name, int(np.flatnonzero(value.is_null().to_numpy())[0]))
        return value.to_numpy(), _Box("polars", name=value.name)
    if root == "pyarrow":
        pa = importlib.import_module("pyarrow")
        if not isinstance(value, pa.Array | pa.ChunkedArray):
            raise InputTypeError(
                f"Cột dữ liệu (column): {name} must be a pyarrow Array or ChunkedArray, got "
                f"{type(value).__name__}",
                hint="pass one column, e.g. table['accepted']",
                argument=name,
                got=type(value).__name__,
            )
        arrow_type = value.type
        if getattr(arrow_type, "tz", None) is not None:
            raise InputTypeError(
                f"Ngày (date): {name} holds time-zone aware timestamps ({arrow_type}); tthc "
                "counts local dates",
                hint="cast to date32 after converting to Vietnam time",
                argument=name,
                got=str(arrow_type),
            )
        if not dates and value.null_count:
            pos = int(np.flatnonzero(value.is_null().to_numpy(zero_copy_only=False))[0])
            raise _missing_error(np, name, pos)
        return value.to_numpy(zero_copy_only=False), _Box("arrow")
    if isinstance(value, np.ndarray):
        return value, _NUMPY
    if isinstance(value, np.generic):
        return np.asarray(value), _SCALAR
    if isinstance(value, list | tuple):
        return np.asarray(value), _NUMPY
    return None, _NUMPY


def _missing_error(np: Any, name: str, position: int) -> InvalidArrayError:
    return InvalidArrayError(
        f"Giá trị thiếu (missing value): {name} has a missing value (NaT/null) at position "
        f"{position}",
        hint="drop or fill missing rows first, or pass nat='propagate' where supported",
        argument=name,
        position=position,
    )


def _days(np: Any, value: Any, name: str) -> tuple[_Days, _Box]:
    """Return epoch-day numbers (``int64``, NaT as ``_NAT``) and the box of a dates argument."""
    if isinstance(value, _dt.datetime):
        raise _datetime_refused(value, name)
    if isinstance(value, _dt.date):
        return np.asarray(value.toordinal() - _EPOCH_ORDINAL, dtype=np.int64), _SCALAR
    arr, box = _unwrap(np, value, name, dates=True)
    if arr is None:
        raise _wrong_dates(name, type(value).__name__)
    kind = arr.dtype.kind
    if kind == "M":
        unit, count = np.datetime_data(arr.dtype)
        if unit == "D" and count == 1:
            return arr.view(np.int64), box
        if unit == "generic":
            return np.full(arr.shape, _NAT, dtype=np.int64), box
        if unit in _FINE_UNITS and count == 1:
            return _whole_days(np, arr, unit, name), box
        raise _wrong_dates(name, str(arr.dtype))
    if kind == "O":
        return _object_days(np, arr, name), box
    raise _wrong_dates(name, str(arr.dtype))


def _whole_days(np: Any, arr: Any, unit: str, name: str) -> _Days:
    per_day = int(np.timedelta64(1, "D") // np.timedelta64(1, unit))
    raw = arr.view(np.int64)
    days, rest = np.divmod(raw, per_day)
    nat = raw == _NAT
    partial = (rest != 0) & ~nat
    if partial.any():
        position = int(np.flatnonzero(partial)[0])
        raise InvalidArrayError(
            f"Ngày (date): {name} must hold whole days, but position {position} is "
            f"{arr.flat[position]} (a time of day)",
            hint="convert instants to Vietnam local dates first, e.g. "
            "s.dt.tz_convert('Asia/Ho_Chi_Minh').dt.normalize(), or arr.astype('datetime64[D]') "
            "if truncating is what you mean",
            argument=name,
            position=position,
        )
    days[nat] = _NAT
    result: _Days = days
    return result


def _object_days(np: Any, arr: Any, name: str) -> _Days:
    values: list[int] = []
    append = values.append
    date_type = _dt.date
    for position, item in enumerate(arr.ravel().tolist()):
        if type(item) is date_type:
            append(item.toordinal() - _EPOCH_ORDINAL)
        elif item is None or _is_missing_scalar(item):
            append(_NAT)
        elif isinstance(item, _dt.datetime):
            raise _datetime_refused(item, f"{name}[{position}]")
        elif isinstance(item, _dt.date):
            append(item.toordinal() - _EPOCH_ORDINAL)
        else:
            raise _wrong_dates(name, f"an element of type {type(item).__name__}")
    result: _Days = np.asarray(values, dtype=np.int64).reshape(arr.shape)
    return result


def _is_missing_scalar(item: object) -> bool:
    if isinstance(item, float):
        return math.isnan(item)
    return type(item).__name__ == "NaTType"


def _ints(np: Any, value: Any, name: str) -> tuple[_Days, _Box]:
    """Return an ``int64`` array (clamped to ±2**40) and the box of a counts argument."""
    if isinstance(value, bool):
        raise _wrong_ints(name, "bool")
    if isinstance(value, int):
        return np.asarray(max(-_CLAMP, min(_CLAMP, value)), dtype=np.int64), _SCALAR
    arr, box = _unwrap(np, value, name, dates=False)
    if arr is None:
        raise _wrong_ints(name, type(value).__name__)
    kind = arr.dtype.kind
    if kind == "i":
        return arr.astype(np.int64, copy=False), box
    if kind == "u":
        return np.minimum(arr.astype(np.uint64), np.uint64(_CLAMP)).astype(np.int64), box
    raise _wrong_ints(name, str(arr.dtype))


def _wrong_ints(name: str, got: str) -> InputTypeError:
    return InputTypeError(
        f"Số (number): {name} must be integers (an int or an integer array), got {got}",
        hint="fractional working days (1,5 ngày làm việc) need office hours: use "
        "tthc.deadlines.compute_deadline for those rows",
        argument=name,
        got=got,
    )


def _merge(np: Any, boxes: list[tuple[str, _Box]], shapes: list[tuple[str, Any]]) -> _Box:
    """Check the shapes broadcast together and pick the container of the result."""
    if len({shape for _, shape in shapes if shape != ()}) > 1:
        described = ", ".join(f"{name} {shape}" for name, shape in shapes)
        raise InvalidArrayError(
            f"Kích thước mảng (array shapes) do not match: {described}",
            hint="pass arrays of the same length (or a single value to apply to every row)",
            shapes=described,
        )
    chosen: _Box | None = None
    for name, box in boxes:
        if box.kind in ("scalar", "numpy"):
            continue
        if chosen is None:
            chosen = box
        elif (
            chosen.kind == "pandas" and box.kind == "pandas" and not chosen.index.equals(box.index)
        ):
            raise InvalidArrayError(
                f"Chỉ mục (index): pandas Series {name} does not have the same index as the "
                "other Series",
                hint="align them first (df[[...]] from one DataFrame), or pass .to_numpy()",
                argument=name,
            )
    if chosen is not None:
        return chosen
    if any(box.kind == "numpy" for _, box in boxes):
        return _NUMPY
    return _SCALAR


def _output(np: Any, box: _Box, values: Any) -> Any:
    """Return ``values`` (a numpy array) in the container described by ``box``."""
    if box.kind == "scalar":
        return values[()].item() if values.ndim == 0 else values
    if box.kind == "pandas":
        pd = importlib.import_module("pandas")
        return pd.Series(values, index=box.index, name=box.name, copy=False)
    if box.kind == "polars":
        pl = importlib.import_module("polars")
        return pl.Series(box.name, values)
    if box.kind == "arrow":
        pa = importlib.import_module("pyarrow")
        return pa.array(values)
    return values


# --- checks --------------------------------------------------------------------------------------


def _offsets(
    np: Any, ix: _Index, days: _Days, name: str, nat: NatPolicy
) -> tuple[_Days, Any | None]:
    """Return the index offsets of ``days``; raise for NaT (unless propagated) and range."""
    offsets = days - ix.base  # NaT wraps to a huge positive offset: caught below
    if offsets.size == 0:
        return offsets, None
    low, high = int(offsets.min()), int(offsets.max())
    missing = None
    if low < 0 or high >= ix.size:
        is_nat = days == _NAT
        if is_nat.any():
            if nat != "propagate":
                raise _missing_error(np, name, int(np.flatnonzero(is_nat)[0]))
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
            raise ProvisionalCalendarError(
                f"Lịch chưa được công bố chính thức (projected calendar year): {int(late.sum())} "
                f"value(s) of {name} lie after {ix.confirmed_through.isoformat()}, the last date "
                f"covered by official announcements; first at position {position}: "
                f"{_day_text(np, int(days.flat[position]))}",
                hint="use a non-strict calendar (answers are provisional) or add the official "
                "announcement to the calendar data",
                argument=name,
                position=position,
                confirmed_through=ix.confirmed_through,
            )
    return offsets, missing


def _range_rows(np: Any, ix: _Index, days: _Days, outside: Any, name: str) -> CalendarRangeError:
    position = int(np.flatnonzero(outside)[0])
    text = _day_text(np, int(days.flat[position]))
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


def _check_ranks(np: Any, ix: _Index, ranks: _Days, days: _Days, missing: Any | None) -> None:
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
        text = _day_text(np, int(np.broadcast_to(days, ranks.shape).flat[position]))
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
        raise ProvisionalCalendarError(
            f"Lịch chưa được công bố chính thức (projected calendar year): {int(late.sum())} "
            f"result(s) lie after {ix.confirmed_through.isoformat()}, the last date covered by "
            f"official announcements; first at position {position}: {_day_text(np, result)}",
            hint="use a non-strict calendar (answers are provisional) or add the official "
            "announcement to the calendar data",
            position=position,
            confirmed_through=ix.confirmed_through,
        )


def _check_nat_policy(nat: object) -> NatPolicy:
    if nat == "raise":
        return "raise"
    if nat == "propagate":
        return "propagate"
    raise InputTypeError(
        f"Giá trị thiếu (missing values): nat must be 'raise' or 'propagate', got {nat!r}",
        argument="nat",
    )


# --- core kernels (int64 epoch days in, int64 epoch days out) ------------------------------------


def _add_core(
    np: Any, ix: _Index, days: _Days, n: _Days, *, name: str, nat: NatPolicy
) -> tuple[_Days, Any | None]:
    offsets, missing = _offsets(np, ix, days, name, nat)
    cum = ix.cum
    if n.size and int(n.min()) >= 1:
        ranks = np.take(cum, offsets) + (n - 1)  # the n-th working day strictly after
    else:
        ranks = np.take(cum, offsets) + n
        ranks -= np.where(n > 0, 1, np.take(ix.working, offsets))
    _check_ranks(np, ix, ranks, days, missing)
    result = np.take(ix.nth, ranks)
    out: _Days = result.astype(np.int64) if result.dtype != np.int64 else result
    out += ix.base
    if missing is not None:
        out[np.broadcast_to(missing, out.shape)] = _NAT
    return out, missing


def _as_dates(np: Any, days: _Days) -> Any:
    return days.view("datetime64[D]")


# --- public API ----------------------------------------------------------------------------------


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
        calendar: The calendar (default: :func:`~tthc.calendar.civil_service_calendar`).
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
    np = _numpy()
    policy = _check_nat_policy(nat)
    ix = _Index(np, calendar)
    days, dbox = _days(np, dates, "dates")
    counts, nbox = _ints(np, n, "n")
    box = _merge(np, [("dates", dbox), ("n", nbox)], [("dates", days.shape), ("n", counts.shape)])
    out, _ = _add_core(np, ix, days, counts, name="dates", nat=policy)
    return _output(np, box, _as_dates(np, out))


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
    np = _numpy()
    ix = _Index(np, calendar)
    a, abox = _days(np, start, "start")
    b, bbox = _days(np, end, "end")
    box = _merge(np, [("start", abox), ("end", bbox)], [("start", a.shape), ("end", b.shape)])
    end_offsets, _ = _offsets(np, ix, b, "end", "raise")
    start_offsets, _ = _offsets(np, ix, a, "start", "raise")
    cum = ix.cum
    result = np.take(cum, end_offsets).astype(np.int64) - np.take(cum, start_offsets)
    return _output(np, box, result)


def is_working_day(dates: Any, *, calendar: WorkCalendar | None = None) -> Any:
    """Return whether state agencies work on each date (``bool`` array).

    Raises:
        MissingExtraError: numpy is not installed.
        InputTypeError: wrong dtypes or containers.
        InvalidArrayError: missing dates or partial days.
        CalendarRangeError: a date is outside the calendar's range.
        ProvisionalCalendarError: strict calendar and a projected year is touched.
    """
    np = _numpy()
    ix = _Index(np, calendar)
    days, box = _days(np, dates, "dates")
    offsets, _ = _offsets(np, ix, days, "dates", "raise")
    return _output(np, box, np.take(ix.working.view(np.bool_), offsets))


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
    np = _numpy()
    ix = _Index(np, calendar)
    days, box = _days(np, dates, "dates")
    offsets, _ = _offsets(np, ix, days, "dates", "raise")
    return _output(np, box, np.take(ix.cum, offsets).astype(np.int64))


def is_provisional(dates: Any, *, calendar: WorkCalendar | None = None) -> Any:
    """Return whether each date lies after the last officially announced date (projected year).

    A due date on a provisional day may move when the year's official announcement is published.
    Unlike the arithmetic, this never raises :class:`~tthc.errors.ProvisionalCalendarError`.

    Raises:
        MissingExtraError: numpy is not installed.
        InputTypeError: wrong dtypes or containers.
        InvalidArrayError: missing dates or partial days.
        CalendarRangeError: a date is outside the calendar's range.
    """
    np = _numpy()
    ix = _Index(np, calendar)
    ix.limit = ix.size  # answers for projected years too, even on a strict calendar
    days, box = _days(np, dates, "dates")
    offsets, _ = _offsets(np, ix, days, "dates", "raise")
    return _output(np, box, offsets > ix.confirmed_idx)


def _unit_value(unit: object) -> str:
    value = getattr(unit, "value", unit)
    if isinstance(value, str) and value in _UNITS:
        return _UNITS[value]
    raise InputTypeError(
        f"Đơn vị thời hạn (duration unit): unit must be one of {sorted(_UNITS)}, got {unit!r}",
        hint="hours, same-day and fractional limits need tthc.deadlines.compute_deadline",
        argument="unit",
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
    hours: use :func:`tthc.deadlines.compute_deadline` for those rows.

    Args:
        accepted: Acceptance dates (Vietnam local dates), any supported container.
        amounts: Whole amounts (``>= 1``), an ``int`` or an integer array.
        unit: A unit name or :class:`~tthc.deadlines.DurationUnit` for every row, or an array of
            them (one per row).
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
    np = _numpy()
    policy = _check_nat_policy(nat)
    ix = _Index(np, calendar)
    days, dbox = _days(np, accepted, "accepted")
    counts, nbox = _ints(np, amounts, "amounts")
    boxes = [("accepted", dbox), ("amounts", nbox)]
    shapes = [("accepted", days.shape), ("amounts", counts.shape)]
    units: Any = None
    if isinstance(unit, str) or hasattr(unit, "value"):
        single: str | None = _unit_value(unit)
    else:
        single = None
        raw, ubox = _unwrap(np, unit, "unit", dates=False)
        if raw is None:
            raise InputTypeError(
                f"Đơn vị thời hạn (duration unit): unit must be a unit name or an array of them, "
                f"got {type(unit).__name__}",
                argument="unit",
            )
        distinct, inverse = np.unique(raw, return_inverse=True)
        names = np.asarray([_unit_value(u) for u in distinct.tolist()] or ["working_day"])
        units = names[inverse.reshape(raw.shape)]
        boxes.append(("unit", ubox))
        shapes.append(("unit", units.shape))
    box = _merge(np, boxes, shapes)
    if counts.size:
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
    if single is not None:
        return _output(np, box, _as_dates(np, _due(np, ix, days, counts, unit=single, nat=policy)))
    shape = np.broadcast_shapes(days.shape, counts.shape, units.shape)
    days_b = np.broadcast_to(days, shape)
    counts_b = np.broadcast_to(counts, shape)
    units_b = np.broadcast_to(units, shape)
    out = np.empty(shape, dtype=np.int64)
    for name in np.unique(units_b).tolist():
        rows = units_b == name
        out[rows] = _due(np, ix, days_b[rows], counts_b[rows], unit=name, nat=policy)
    return _output(np, box, _as_dates(np, out))


def _due(np: Any, ix: _Index, days: _Days, counts: _Days, *, unit: str, nat: NatPolicy) -> _Days:
    if unit == "working_day":
        return _add_core(np, ix, days, counts, name="accepted", nat=nat)[0]
    offsets, missing = _offsets(np, ix, days, "accepted", nat)
    # NaT rows were given a valid offset by _offsets; they are masked again below.
    if unit == "calendar_day":
        target = offsets + ix.base + counts
    else:
        target = _add_months(np, ix, offsets, counts)
    if missing is not None:
        target = np.where(np.broadcast_to(missing, target.shape), _NAT, target)
    out, _ = _add_core(np, ix, target, np.zeros((), dtype=np.int64), name="due date", nat=nat)
    return out


def _add_months(np: Any, ix: _Index, offsets: _Days, counts: _Days) -> _Days:
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
    target: _Days = np.minimum(first + np.take(day_in_month, offsets), last)
    if beyond.any():
        target = np.where(beyond, ix.base + ix.size, target)
    return target


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
    ``as_of <= due``, else ``"overdue"``. The same rule as :func:`tthc.deadlines.classify`,
    vectorised; no calendar is needed.

    Args:
        due: Due dates (missing values raise).
        finished_at: Dates the result was returned, or ``None`` if every dossier is open.
            Missing values mark open dossiers.
        as_of: The reporting date (one date or an array); required when any dossier is open.
        codes: Return ``int8`` indexes into :data:`TIMELINESS_LABELS` instead of labels.

    Returns:
        Labels from :data:`TIMELINESS_LABELS` (numpy ``str`` array; a categorical pandas Series;
        a polars ``Enum`` Series; a pyarrow dictionary array), or ``int8`` codes.

    Raises:
        MissingExtraError: numpy is not installed.
        InputTypeError: wrong dtypes or containers, or ``as_of`` not given while a dossier is
            open.
        InvalidArrayError: a missing due date, a missing ``as_of`` value for an open dossier,
            partial days, shape mismatch.
    """
    np = _numpy()
    due_days, due_box = _days(np, due, "due")
    boxes = [("due", due_box)]
    shapes = [("due", due_days.shape)]
    if due_days.size and bool((due_days == _NAT).any()):
        raise _missing_error(np, "due", int(np.flatnonzero(due_days == _NAT)[0]))
    if finished_at is None:
        finished = np.full((), _NAT, dtype=np.int64)
    else:
        finished, fbox = _days(np, finished_at, "finished_at")
        boxes.append(("finished_at", fbox))
        shapes.append(("finished_at", finished.shape))
    if as_of is None:
        reference = np.full((), _NAT, dtype=np.int64)
    else:
        reference, rbox = _days(np, as_of, "as_of")
        boxes.append(("as_of", rbox))
        shapes.append(("as_of", reference.shape))
    box = _merge(np, boxes, shapes)
    # Finished after the reporting date = still open on that date (as tthc.deadlines.classify).
    open_ = (finished == _NAT) | ((reference != _NAT) & (finished > reference))
    missing_reference = open_ & (reference == _NAT)
    if missing_reference.any():
        position = int(np.flatnonzero(np.broadcast_to(missing_reference, _shape(np, shapes)))[0])
        if as_of is None:
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
    finished_code = np.sign(finished - due_days) + 1  # 0 early, 1 on time, 2 late
    open_code = np.where(reference <= due_days, 3, 4)
    result = np.where(open_, open_code, finished_code).astype(np.int8)
    result = np.broadcast_to(result, _shape(np, shapes))
    if codes:
        return _output(np, box, np.ascontiguousarray(result))
    return _labels(np, box, np.ascontiguousarray(result))


def _shape(np: Any, shapes: list[tuple[str, Any]]) -> tuple[int, ...]:
    result: tuple[int, ...] = np.broadcast_shapes(*(shape for _, shape in shapes))
    return result


def _labels(np: Any, box: _Box, codes: Any) -> Any:
    if box.kind == "pandas":
        pd = importlib.import_module("pandas")
        return pd.Series(
            pd.Categorical.from_codes(codes, categories=list(TIMELINESS_LABELS)),
            index=box.index,
            name=box.name,
        )
    if box.kind == "polars":
        pl = importlib.import_module("polars")
        labels = np.asarray(TIMELINESS_LABELS)[codes]
        return pl.Series(box.name, labels, dtype=pl.Enum(list(TIMELINESS_LABELS)))
    if box.kind == "arrow":
        pa = importlib.import_module("pyarrow")
        return pa.DictionaryArray.from_arrays(pa.array(codes), pa.array(TIMELINESS_LABELS))
    return _output(np, box, np.asarray(TIMELINESS_LABELS)[codes])


# --- polars --------------------------------------------------------------------------------------


def polars_add_working_days(
    dates: Any,
    n: Any,
    *,
    calendar: WorkCalendar | None = None,
) -> Any:
    """Return a polars expression adding working days (via ``map_batches`` on the shared index).

    Args:
        dates: A column name or a polars expression of ``Date`` values.
        n: An ``int`` for every row, or a column name / expression of integers.
        calendar: The calendar (default: the national public-sector calendar).

    Returns:
        A ``pl.Expr`` of ``Date`` values named like ``dates``.

    Raises:
        MissingExtraError: polars (or numpy) is not installed.
        InputTypeError: ``n`` is neither an int nor a column/expression.

    Example:
        >>> import datetime as dt
        >>> import polars as pl
        >>> df = pl.DataFrame({"accepted": [dt.date(2026, 4, 29)], "days": [5]})
        >>> df.select(polars_add_working_days("accepted", "days").alias("due"))["due"].to_list()
        [datetime.date(2026, 5, 8)]
    """
    pl = _require("polars", "polars")
    date_expr = pl.col(dates) if isinstance(dates, str) else dates
    if isinstance(n, int) and not isinstance(n, bool):
        count = n

        def add_constant(series: Any) -> Any:
            return add_working_days(series, count, calendar=calendar)

        return date_expr.map_batches(add_constant, return_dtype=pl.Date)
    if isinstance(n, str):
        n = pl.col(n)
    if not isinstance(n, pl.Expr):
        raise InputTypeError(
            "Số (number): n must be an int, a column name or a polars expression, got "
            f"{type(n).__name__}",
            argument="n",
            got=type(n).__name__,
        )
    name = date_expr.meta.output_name(raise_if_undetermined=False) or "date"

    def add_columns(struct: Any) -> Any:
        result = add_working_days(
            struct.struct.field("__tthc_date"), struct.struct.field("__tthc_n"), calendar=calendar
        )
        return result.alias(name)

    packed = pl.struct(date_expr.alias("__tthc_date"), n.alias("__tthc_n"))
    mapper: Callable[[Any], Any] = add_columns
    return packed.map_batches(mapper, return_dtype=pl.Date).alias(name)
