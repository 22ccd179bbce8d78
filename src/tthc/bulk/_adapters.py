"""Containers in and out: numpy arrays, pandas and polars Series, pyarrow arrays, dates and ints.

Every public function of [`tthc.bulk`][tthc.bulk] turns its arguments into numpy ``int64`` arrays
here
(dates as epoch-day numbers, NaT as ``NAT``), remembers where each came from in a
``Box``, and gives its result back in the container of its input with ``output()``.
pandas, polars and pyarrow are never imported unless the caller passed one of their objects.
"""

from __future__ import annotations

import datetime as _dt
import importlib
import math
from typing import TYPE_CHECKING, Any

import attrs

from tthc.errors import InputTypeError, InvalidArrayError, MissingExtraError

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    Days = NDArray[np.int64]

__all__: list[str] = []  # private module: import the names directly

EPOCH_ORDINAL = _dt.date(1970, 1, 1).toordinal()
NAT = -(2**63)  # int64 value of numpy's NaT
_CLAMP = 2**40  # any |n| beyond this is out of range anyway; clamping avoids int64 overflow
# ps, fs and as are left out: a day in them overflows int64 (they span ±106 days at most, around
# 1970), so they are refused as a wrong dtype.
_FINE_UNITS = frozenset({"h", "m", "s", "ms", "us", "ns"})


# --- optional imports ----------------------------------------------------------------------------


def require(module: str, extra: str) -> Any:
    """Import an optional dependency, or raise [`MissingExtraError`][tthc.errors.MissingExtraError].

    The error names the extra to install.
    """
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


def numpy() -> Any:
    """Return the numpy module, or raise [`MissingExtraError`][tthc.errors.MissingExtraError]."""
    return require("numpy", "numpy")


# --- where an argument came from -----------------------------------------------------------------


@attrs.frozen(slots=True, eq=False)
class Box:
    """Where an argument came from, so that the result goes back in the same container."""

    kind: str = attrs.field(
        validator=attrs.validators.in_(("scalar", "numpy", "pandas", "polars", "arrow"))
    )
    index: Any = None
    name: Any = None


SCALAR = Box("scalar")
NUMPY = Box("numpy")
ARROW = Box("arrow")


# --- errors --------------------------------------------------------------------------------------


def day_text(np: Any, value: int) -> str:
    """Return an epoch-day number as ``YYYY-MM-DD`` (for messages)."""
    return str(np.int64(value).astype("datetime64[D]"))


def missing_error(np: Any, name: str, position: int) -> InvalidArrayError:
    """Return the error for a missing value (NaT/null) at ``position`` of ``name``."""
    return InvalidArrayError(
        f"Giá trị thiếu (missing value): {name} has a missing value (NaT/null) at position "
        f"{position}",
        hint="drop or fill missing rows first, or pass nat='propagate' where supported",
        argument=name,
        position=position,
    )


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


def _wrong_ints(name: str, got: str) -> InputTypeError:
    return InputTypeError(
        f"Số (number): {name} must be integers (an int or an integer array), got {got}",
        hint="fractional working days (1,5 ngày làm việc) need office hours: use "
        "tthc.deadlines.compute_deadline for those rows",
        argument=name,
        got=got,
    )


def _not_a_column(name: str, library: str, value: Any, hint: str) -> InputTypeError:
    return InputTypeError(
        f"Cột dữ liệu (column): {name} must be a {library}, got {type(value).__name__}",
        hint=hint,
        argument=name,
        got=type(value).__name__,
    )


def _zoned(name: str, dtype: Any, hint: str) -> InputTypeError:
    return InputTypeError(
        f"Ngày (date): {name} holds time-zone aware timestamps ({dtype}); tthc counts local dates",
        hint=hint,
        argument=name,
        got=str(dtype),
    )


# --- containers in -------------------------------------------------------------------------------


def _pandas_box(value: Any, name: str) -> Box:
    if type(value).__name__ != "Series":
        raise _not_a_column(name, "pandas Series", value, "pass one column, e.g. df['accepted']")
    return Box("pandas", index=value.index, name=value.name)


def _polars_box(value: Any, name: str) -> Box:
    if type(value).__name__ != "Series":
        raise _not_a_column(
            name,
            "polars Series",
            value,
            "inside a polars query use tthc.bulk.polars_add_working_days(...)",
        )
    return Box("polars", name=value.name)


def _arrow_box(value: Any, name: str) -> Box:
    pa = importlib.import_module("pyarrow")
    if not isinstance(value, pa.Array | pa.ChunkedArray):
        raise _not_a_column(
            name,
            "pyarrow Array or ChunkedArray",
            value,
            "pass one column, e.g. table['accepted']",
        )
    return ARROW


_BOX_OF_LIBRARY = {"pandas": _pandas_box, "polars": _polars_box, "pyarrow": _arrow_box}


def column_box(np: Any, value: Any, name: str) -> Box | None:
    """Return the box of a column argument without converting it (``None``: not a column).

    Raises:
        InputTypeError: a pandas, polars or pyarrow object that is not one column.
    """
    boxer = _BOX_OF_LIBRARY.get(type(value).__module__.partition(".")[0])
    if boxer is not None:
        return boxer(value, name)
    if isinstance(value, np.ndarray | list | tuple):
        return NUMPY
    if isinstance(value, np.generic):
        return SCALAR
    return None


def _from_pandas(np: Any, value: Any, name: str, *, dates: bool) -> tuple[Any, Box]:
    box = _pandas_box(value, name)
    dtype = value.dtype
    if getattr(dtype, "tz", None) is not None:
        raise _zoned(
            name, dtype, "s.dt.tz_convert('Asia/Ho_Chi_Minh').dt.tz_localize(None).dt.normalize()"
        )
    if not dates and dtype.kind in "iu" and not isinstance(dtype, np.dtype):
        if bool(value.isna().any()):
            raise missing_error(np, name, int(np.flatnonzero(value.isna().to_numpy())[0]))
        return value.to_numpy(dtype="int64"), box
    return value.to_numpy(), box


def _from_polars(np: Any, value: Any, name: str, *, dates: bool) -> tuple[Any, Box]:
    box = _polars_box(value, name)
    if getattr(value.dtype, "time_zone", None) is not None:
        # to_numpy() would give UTC instants: refused, as pandas and pyarrow ones are
        raise _zoned(name, value.dtype, "s.dt.convert_time_zone('Asia/Ho_Chi_Minh').dt.date()")
    if not dates and value.null_count():
        raise missing_error(np, name, int(np.flatnonzero(value.is_null().to_numpy())[0]))
    return value.to_numpy(), box


def _from_arrow(np: Any, value: Any, name: str, *, dates: bool) -> tuple[Any, Box]:
    box = _arrow_box(value, name)
    if getattr(value.type, "tz", None) is not None:
        raise _zoned(name, value.type, "cast to date32 after converting to Vietnam time")
    if not dates and value.null_count:
        pos = int(np.flatnonzero(value.is_null().to_numpy(zero_copy_only=False))[0])
        raise missing_error(np, name, pos)
    return value.to_numpy(zero_copy_only=False), box


_FROM_LIBRARY = {"pandas": _from_pandas, "polars": _from_polars, "pyarrow": _from_arrow}


def unwrap(np: Any, value: Any, name: str, *, dates: bool) -> tuple[Any, Box]:
    """Return ``(ndarray, box)`` for any supported container (``(None, NUMPY)`` if none)."""
    convert = _FROM_LIBRARY.get(type(value).__module__.partition(".")[0])
    if convert is not None:
        return convert(np, value, name, dates=dates)
    if isinstance(value, np.ndarray):
        return value, NUMPY
    if isinstance(value, np.generic):
        return np.asarray(value), SCALAR
    if isinstance(value, list | tuple):
        return np.asarray(value), NUMPY
    return None, NUMPY


def dates_in(np: Any, value: Any, name: str) -> tuple[Days, Box]:
    """Return epoch-day numbers (``int64``, NaT as ``NAT``) and the box of a dates argument."""
    if isinstance(value, _dt.datetime):
        raise _datetime_refused(value, name)
    if isinstance(value, _dt.date):
        return np.asarray(value.toordinal() - EPOCH_ORDINAL, dtype=np.int64), SCALAR
    arr, box = unwrap(np, value, name, dates=True)
    if arr is None:
        raise _wrong_dates(name, type(value).__name__)
    kind = arr.dtype.kind
    if kind == "M":
        unit, count = np.datetime_data(arr.dtype)
        if unit == "D" and count == 1:
            return arr.view(np.int64), box
        if unit == "generic":
            return np.full(arr.shape, NAT, dtype=np.int64), box
        if unit in _FINE_UNITS and count == 1:
            return _whole_days(np, arr, unit, name), box
        raise _wrong_dates(name, str(arr.dtype))
    if kind == "O":
        return _object_days(np, arr, name), box
    raise _wrong_dates(name, str(arr.dtype))


def _whole_days(np: Any, arr: Any, unit: str, name: str) -> Days:
    per_day = int(np.timedelta64(1, "D") // np.timedelta64(1, unit))
    raw = np.asarray(arr).view(np.int64)
    # floor division by a constant is fast in numpy; divmod and % are several times slower
    days = np.asarray(raw // per_day)  # 0-d stays an array
    odd = np.asarray(days * per_day != raw)  # a time of day, or NaT (not a whole day either)
    if raw.size and int(raw.min()) == NAT:  # NaT rows, whatever their remainder
        odd |= raw == NAT
    if not odd.any():  # midnights, no NaT: done
        whole: Days = days
        return whole
    rows = np.flatnonzero(odd)
    nat = raw.reshape(-1)[rows] == NAT
    if not nat.all():
        position = int(rows[np.argmin(nat)])  # the first odd row that is not NaT
        raise InvalidArrayError(
            f"Ngày (date): {name} must hold whole days, but position {position} is "
            f"{arr.flat[position]} (a time of day)",
            hint="convert instants to Vietnam local dates first, e.g. "
            "s.dt.tz_convert('Asia/Ho_Chi_Minh').dt.normalize(), or arr.astype('datetime64[D]') "
            "if truncating is what you mean",
            argument=name,
            position=position,
        )
    days.reshape(-1)[rows] = NAT
    result: Days = days
    return result


def _object_days(np: Any, arr: Any, name: str) -> Days:
    values: list[int] = []
    append = values.append
    date_type = _dt.date
    for position, item in enumerate(arr.ravel().tolist()):
        if type(item) is date_type:
            append(item.toordinal() - EPOCH_ORDINAL)
        elif item is None or _is_missing_scalar(item):
            append(NAT)
        elif isinstance(item, _dt.datetime):
            raise _datetime_refused(item, f"{name}[{position}]")
        elif isinstance(item, _dt.date):
            append(item.toordinal() - EPOCH_ORDINAL)
        else:
            raise _wrong_dates(name, f"an element of type {type(item).__name__}")
    result: Days = np.asarray(values, dtype=np.int64).reshape(arr.shape)
    return result


def _is_missing_scalar(item: object) -> bool:
    if isinstance(item, float):
        return math.isnan(item)
    return type(item).__name__ == "NaTType"


def ints_in(np: Any, value: Any, name: str) -> tuple[Days, Box]:
    """Return an ``int64`` array (clamped to ±2**40) and the box of a counts argument."""
    if isinstance(value, bool):
        raise _wrong_ints(name, "bool")
    if isinstance(value, int):
        return np.asarray(max(-_CLAMP, min(_CLAMP, value)), dtype=np.int64), SCALAR
    arr, box = unwrap(np, value, name, dates=False)
    if arr is None:
        raise _wrong_ints(name, type(value).__name__)
    kind = arr.dtype.kind
    if kind == "i":
        return arr.astype(np.int64, copy=False), box
    if kind == "u":
        return np.minimum(arr.astype(np.uint64), np.uint64(_CLAMP)).astype(np.int64), box
    raise _wrong_ints(name, str(arr.dtype))


# --- containers out ------------------------------------------------------------------------------


def merge(np: Any, boxes: list[tuple[str, Box]], shapes: list[tuple[str, Any]]) -> Box:
    """Check the shapes broadcast together and pick the container of the result."""
    if len({shape for _, shape in shapes if shape != ()}) > 1:
        described = ", ".join(f"{name} {shape}" for name, shape in shapes)
        raise InvalidArrayError(
            f"Kích thước mảng (array shapes) do not match: {described}",
            hint="pass arrays of the same length (or a single value to apply to every row)",
            shapes=described,
        )
    chosen: Box | None = None
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
        return NUMPY
    return SCALAR


def output(np: Any, box: Box, values: Any) -> Any:
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


def labels_out(np: Any, box: Box, codes: Any, labels: tuple[str, ...]) -> Any:
    """Return ``labels[codes]`` as a categorical in the container described by ``box``."""
    if box.kind == "pandas":
        pd = importlib.import_module("pandas")
        return pd.Series(
            pd.Categorical.from_codes(codes, categories=list(labels)),
            index=box.index,
            name=box.name,
        )
    if box.kind == "polars":
        pl = importlib.import_module("polars")
        categories = pl.Series(box.name, list(labels), dtype=pl.Enum(list(labels)))
        return categories.gather(codes.astype(np.uint32))  # no string per row
    if box.kind == "arrow":
        pa = importlib.import_module("pyarrow")
        return pa.DictionaryArray.from_arrays(pa.array(codes), pa.array(labels))
    return output(np, box, np.asarray(labels)[codes])
