"""A duration unit per row: which rows count working days, calendar days or months.

[`compute_due_dates`][tthc.bulk.compute_due_dates] needs, for a unit column, the rows that count
working days (ngày làm việc, a mask) and the rows that count months (tháng, their positions); the
other rows count calendar days (ngày). A column of text is matched against the three unit names
with vectorised comparisons of its own library, never a Python object or a hash per row: pyarrow's
``index_in`` (Arrow and Arrow-backed pandas strings), one polars expression (``String`` and
``Categorical``), and for numpy (``str`` or ``object`` arrays, pandas ``object`` columns) one
``==`` per unit name over the rows not matched yet, the most frequent name first. Columns that
carry codes (pandas ``Categorical``, polars ``Enum``, Arrow dictionary) are factorized with their
own codes and only their distinct values are checked by name.

Whatever the comparisons leave unmatched (a missing value, a value that is not a unit name, a
column of mixed types, odd objects) goes the general way, ``factorize()`` and a check of every
distinct value, which refuses the column naming the value and its row.
"""

from __future__ import annotations

import importlib
from typing import Any

import attrs

from tthc.bulk._adapters import Box, column_box
from tthc.bulk._factorize import factorize
from tthc.errors import InputTypeError

__all__: list[str] = []  # private module: import the names directly

#: The units tthc.bulk counts, in code order (the values of tthc.deadlines.DurationUnit).
UNIT_NAMES = ("working_day", "calendar_day", "month")
_UNITS = {name: name for name in UNIT_NAMES}
_SAMPLE = 64  # rows read to order the comparisons by frequency
_BLOCK = 1 << 16  # rows gathered at a time after the first comparison


@attrs.frozen(slots=True, eq=False)
class UnitRows:
    """The rows of each unit in a unit column.

    Attributes:
        kinds: The units used by at least one row (indexes into ``UNIT_NAMES``).
        working: Whether each row counts working days (the column's shape), or ``None`` when the
            column has a single unit.
        months: The flat positions of the rows that count months, or ``None`` (single unit).
        shape: The column's shape.
        box: Where the column came from.
    """

    kinds: frozenset[int]
    working: Any
    months: Any
    shape: tuple[int, ...]
    box: Box


def unit_value(unit: object) -> str:
    """Return the unit name of ``unit`` (a name or a DurationUnit), or refuse it.

    Raises:
        InputTypeError: not a unit that tthc.bulk counts.
    """
    value = getattr(unit, "value", unit)
    if isinstance(value, str) and value in _UNITS:
        return _UNITS[value]
    raise _unit_error(unit)


def _unit_error(unit: object, position: int | None = None, *, used: bool = True) -> InputTypeError:
    """The refusal of ``unit``: at ``position`` (its first row), or an unused category."""
    where = ""
    context: dict[str, Any] = {}
    if position is not None:
        where, context = f" at position {position}", {"position": position}
    elif not used:
        where = " (a category no row uses)"
    return InputTypeError(
        f"Đơn vị thời hạn (duration unit): unit must be one of {sorted(_UNITS)}, got "
        f"{unit!r}{where}",
        hint="hours, same-day and fractional limits need tthc.deadlines.compute_deadline",
        argument="unit",
        **context,
    )


def unit_rows(np: Any, unit: Any) -> UnitRows:
    """Return the rows of each unit of a unit column (any supported container).

    Raises:
        InputTypeError: not a column; a value that is not a unit name (named with its row), a
            missing value (with its row), values that cannot be compared.
    """
    box = column_box(np, unit, "unit")
    if box is None:
        raise InputTypeError(
            f"Đơn vị thời hạn (duration unit): unit must be a unit name or an array of them, "
            f"got {type(unit).__name__}",
            argument="unit",
        )
    column = np.asarray(unit) if isinstance(unit, list | tuple | np.generic) else unit
    found = _matched(np, column)
    if isinstance(found, tuple):  # a numpy column, matched name by name
        kinds, working, months = found
        return UnitRows(kinds, working, months, column.shape, box)
    if found is not None:  # a code per row from the column's library: the unit's index
        codes, lookup = found, [0, 1, 2]
    else:
        codes, uniques = factorize(np, column, "unit")
        lookup = [_checked(np, codes, code, value) for code, value in enumerate(uniques)]
    shape = column.shape if isinstance(column, np.ndarray) else (len(codes),)
    return _rows_of_codes(np, codes, lookup, shape, box)


def _checked(np: Any, codes: Any, code: int, value: object) -> int:
    """The unit index of the distinct value ``value`` (code ``code``), naming its first row."""
    name = getattr(value, "value", value)
    if isinstance(name, str) and name in _UNITS:
        return UNIT_NAMES.index(_UNITS[name])
    rows = np.flatnonzero(codes == code)
    if rows.size:
        raise _unit_error(value, int(rows[0]))
    raise _unit_error(value, used=False)


def _rows_of_codes(
    np: Any, codes: Any, lookup: list[int], shape: tuple[int, ...], box: Box
) -> UnitRows:
    """The rows of each unit from a code per row (``-1``: missing) and each code's unit."""
    if codes.size and int(codes.min()) < 0:
        position = int(np.flatnonzero(codes < 0)[0])
        raise InputTypeError(
            f"Đơn vị thời hạn (duration unit): unit must be one of {sorted(_UNITS)}, got None "
            f"(a missing value: None, NaN or null) at position {position}",
            hint="fill the unit of every row (or drop those rows) first",
            argument="unit",
            position=position,
        )
    working = _rows_with(np, codes, lookup, 0)
    month_rows = _rows_with(np, codes, lookup, 2)
    months = np.flatnonzero(month_rows) if month_rows is not None else None
    n_working = int(np.count_nonzero(working)) if working is not None else 0
    n_months = int(months.size) if months is not None else 0
    used = (n_working, codes.size - n_working - n_months, n_months)
    kinds = frozenset(kind for kind, count in enumerate(used) if count)
    if len(kinds) <= 1:
        return UnitRows(kinds, None, None, shape, box)
    return UnitRows(
        kinds,
        working.reshape(shape) if n_working else None,
        months if n_months else None,
        shape,
        box,
    )


def _rows_with(np: Any, codes: Any, lookup: list[int], kind: int) -> Any:
    """Whether each row's code is a code of unit ``kind`` (``None``: no code is)."""
    which = [code for code, unit in enumerate(lookup) if unit == kind]
    if not which:
        return None
    return codes == which[0] if len(which) == 1 else np.isin(codes, which)


# --- text columns, matched against the unit names ------------------------------------------------


def _matched(np: Any, column: Any) -> tuple[frozenset[int], Any, Any] | Any | None:
    """The rows of each unit of a text column, or a code per row (``None``: the general way)."""
    library = type(column).__module__.partition(".")[0]
    if library == "pyarrow":
        return _arrow_codes(np, column)
    if library == "polars":
        return _polars_codes(column)
    if library == "pandas":
        dtype = column.dtype
        if getattr(dtype, "storage", None) == "pyarrow" and hasattr(
            column.array, "__arrow_array__"
        ):
            return _arrow_codes(np, column.array.__arrow_array__())
        if getattr(dtype, "kind", None) != "O" or type(dtype).__module__.startswith("pandas"):
            return None  # categorical, numbers, Python-backed strings (their NA): general way
        column = column.to_numpy()
    if isinstance(column, np.ndarray) and column.dtype.kind in "UOT":
        return _numpy_rows(np, column)
    return None


def _arrow_codes(np: Any, column: Any) -> Any | None:
    """A code per row of an Arrow string column (``None``: a null or another value)."""
    pa = importlib.import_module("pyarrow")
    kind = column.type
    if not len(column) or not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        return None  # dictionaries use their codes; string views, numbers: the general way
    pc = importlib.import_module("pyarrow.compute")
    codes = pc.index_in(column, value_set=pa.array(UNIT_NAMES, type=kind))
    if codes.null_count:  # a null, or a value that is not a unit name
        return None
    return codes.to_numpy()


def _polars_codes(column: Any) -> Any | None:
    """A code per row of a polars ``String`` or ``Categorical`` column (one expression)."""
    pl = importlib.import_module("polars")
    dtype = column.dtype
    if isinstance(dtype, pl.Enum) or not (dtype == pl.String or isinstance(dtype, pl.Categorical)):
        return None  # Enum uses its codes; numbers, objects, nested: the general way
    value = pl.col("unit")
    expr = pl.when(value == UNIT_NAMES[0]).then(0)
    for code, name in enumerate(UNIT_NAMES[1:], start=1):
        expr = expr.when(value == name).then(code)
    codes = column.to_frame("unit").select(expr.otherwise(-1).cast(pl.Int8)).to_series()
    if not len(codes) or codes.min() < 0:  # a null, or a value that is not a unit name
        return None
    return codes.to_numpy()


def _numpy_rows(np: Any, values: Any) -> tuple[frozenset[int], Any, Any] | None:
    """Rows of each unit of a numpy ``str`` or ``object`` array (``None``: some row is neither).

    The unit name most frequent in a sample is compared (``==``) with every row; the rows left
    are gathered a block at a time (bounded memory) and compared with the other names.
    """
    flat = values.reshape(-1)
    if not flat.size:
        return None
    sample = [v for v in flat[:: max(1, flat.size // _SAMPLE)].tolist() if isinstance(v, str)]
    order = sorted(range(3), key=lambda kind: -sample.count(UNIT_NAMES[kind]))
    same = _equal(np, flat, UNIT_NAMES[order[0]])
    if same is None:
        return None
    found: dict[int, list[Any]] = {kind: [] for kind in order[1:]}
    left = np.flatnonzero(~same)
    for begin in range(0, left.size, _BLOCK):
        if not _match_rest(np, flat, left[begin : begin + _BLOCK], order[1:], found):
            return None  # some rows hold no unit name (or a missing value)
    rows = {kind: np.concatenate(parts) for kind, parts in found.items() if parts}
    kinds = frozenset(rows) | ({order[0]} if left.size < flat.size else set())
    if len(kinds) == 1:
        return kinds, None, None
    working = same if order[0] == 0 else _mask(np, rows[0], flat.size) if 0 in rows else None
    months = np.flatnonzero(same) if order[0] == 2 else rows.get(2)
    return kinds, None if working is None else working.reshape(values.shape), months


def _match_rest(
    np: Any, flat: Any, rows: Any, kinds: list[int], found: dict[int, list[Any]]
) -> bool:
    """Match the rows ``rows`` of ``flat`` with the names of ``kinds``, in that order.

    The positions of each unit's rows are appended to ``found``; ``False`` if some row matches
    none of them.
    """
    current = _take(np, flat, rows)
    for kind in kinds:
        same = _equal(np, current, UNIT_NAMES[kind])
        if same is None:
            return False
        if same.any():
            found[kind].append(rows[same])
            keep = np.flatnonzero(~same)
            rows, current = rows[keep], _take(np, current, keep)
        if not rows.size:
            return True
    return False


def _equal(np: Any, values: Any, name: str) -> Any | None:
    """``values == name`` as booleans (``None`` if the values cannot be compared with text)."""
    if values.dtype.kind != "O":
        return np.asarray(values == name, dtype=bool)
    boxed = np.empty((), dtype=object)
    boxed[()] = name
    try:  # odd elements (arrays, pandas.NA) raise: the general way refuses or reads them
        same = values == boxed
    except (TypeError, ValueError):
        return None
    return same if isinstance(same, np.ndarray) and same.dtype == bool else None


def _take(np: Any, values: Any, rows: Any) -> Any:
    """``values[rows]``; fixed-width text is moved as raw bytes (faster than as text)."""
    if values.dtype.kind == "U":
        raw = values.view(np.dtype((np.void, values.dtype.itemsize)))
        return np.take(raw, rows).view(values.dtype)
    return np.take(values, rows)


def _mask(np: Any, rows: Any, size: int) -> Any:
    mask = np.zeros(size, dtype=bool)
    mask[rows] = True
    return mask
