"""Distinct values of a column and a code per row (factorize), without sorting strings.

One home for turning a text column (a duration unit, a channel, a field / lĩnh vực) into integer
codes: [`tthc.bulk`][tthc.bulk] and [`tthc.reports`][tthc.reports] both use ``factorize()``.
Columns that already carry codes are used as they are: a pandas ``Categorical``, a polars
``Enum`` and a pyarrow dictionary array cost nothing per row. Other columns are hashed by their
own library (pandas, polars, pyarrow); a numpy array with few distinct values is compared value
by value (a handful of vectorised passes, no sort), and ``numpy.unique`` is the fallback for many
distinct values.
"""

from __future__ import annotations

import importlib
import math
from itertools import repeat
from typing import Any

from tthc.errors import InputTypeError

__all__: list[str] = []  # private module: import the names directly

_FEW = 8  # distinct values compared one by one before falling back to numpy.unique


def factorize(np: Any, column: Any, name: str) -> tuple[Any, list[Any]]:
    """Return ``(codes, uniques)``: an integer code per row (``-1`` = missing) and the values.

    ``column`` is a pandas or polars ``Series``, a pyarrow ``Array``/``ChunkedArray``, a numpy
    array, a list or a tuple. ``uniques`` are Python objects (``uniques[codes[i]]`` is row ``i``);
    they may include values no row uses (unused categories). Missing values (``None``, NaN, NaT,
    null) get code ``-1``. ``codes`` is flat (reshape it to the column's shape if needed) and
    signed; its width is the column's own when it already has codes (``int8`` for a small pandas
    ``Categorical``), else ``int64``: widen it before arithmetic that could overflow.

    Raises:
        InputTypeError: the column holds values that cannot be hashed (lists, dicts, structs).
    """
    library = type(column).__module__.partition(".")[0]
    try:
        if library == "pyarrow":
            return _arrow(np, column)
        if library == "pandas":
            return _pandas(np, column)
        if library == "polars":
            return _polars(np, column, name)
        values = column if isinstance(column, np.ndarray) else np.asarray(column)
        if values.dtype.kind == "O":
            try:  # compare by value first: no Python object per row is created
                return _numpy(np, values.ravel())
            except (TypeError, ValueError):  # odd elements (arrays, ...): one dict, or refused
                return _objects(np, values.ravel().tolist())
        return _numpy(np, values.ravel())
    except (TypeError, NotImplementedError) as err:  # unhashable: lists, dicts, structs
        raise InputTypeError(
            f"Cột dữ liệu (column): {name} holds values that are not comparable ({err})",
            hint=f"give {name} as text (or a categorical column)",
            argument=name,
        ) from None


def _arrow(np: Any, column: Any) -> tuple[Any, list[Any]]:
    pa = importlib.import_module("pyarrow")
    if not pa.types.is_dictionary(column.type):
        pc = importlib.import_module("pyarrow.compute")
        column = pc.dictionary_encode(column)  # one dictionary for every chunk
    elif isinstance(column, pa.ChunkedArray):
        column = column.unify_dictionaries()
    chunks = column.chunks if isinstance(column, pa.ChunkedArray) else [column]
    if not chunks:
        return np.empty(0, dtype=np.int64), []
    parts = []
    for chunk in chunks:  # the indices' own type (int8 to int64); unsigned ones widened
        indices = chunk.indices
        if pa.types.is_unsigned_integer(indices.type):
            indices = indices.cast(pa.int64())
        parts.append((indices.fill_null(-1) if chunk.null_count else indices).to_numpy())
    codes = np.concatenate(parts)
    return codes, chunks[0].dictionary.to_pylist()


def _pandas(np: Any, column: Any) -> tuple[Any, list[Any]]:
    pd = importlib.import_module("pandas")
    if isinstance(column.dtype, pd.CategoricalDtype):
        return column.cat.codes.to_numpy(), column.cat.categories.tolist()  # int8 or wider
    codes, uniques = pd.factorize(column)
    return np.asarray(codes, dtype=np.int64), uniques.tolist()


def _polars(np: Any, column: Any, name: str) -> tuple[Any, list[Any]]:
    pl = importlib.import_module("polars")
    dtype = column.dtype
    nulls = column.null_count()
    if isinstance(dtype, pl.Enum):
        physical = column.to_physical()
        if nulls:
            physical = physical.fill_null(-1)
        codes = physical.to_numpy()
        return codes.astype(np.int32 if codes.dtype.itemsize < 4 else np.int64), (
            dtype.categories.to_list()
        )
    if dtype == pl.Object:
        return _objects(np, column.to_list())
    if isinstance(dtype, pl.List | pl.Array | pl.Struct):
        raise TypeError(f"unhashable type: {dtype}")
    uniques = (column.drop_nulls() if nulls else column).unique(maintain_order=True)
    if isinstance(dtype, pl.Categorical) and len(uniques):  # its physical ids, renumbered
        ids = uniques.to_physical().to_numpy().astype(np.int64)
        renumber = np.full(int(ids.max()) + 2, -1, dtype=np.int32)  # the last slot: null
        renumber[ids] = np.arange(len(ids))
        physical = column.to_physical()
        if nulls:
            physical = physical.fill_null(len(renumber) - 1)
        return renumber[physical.to_numpy()], uniques.to_list()
    if not len(uniques):  # no value at all (empty, or every row null)
        return np.full(len(column), -1, dtype=np.int64), []
    codes = column.replace_strict(uniques, list(range(len(uniques))), return_dtype=pl.Int64)
    return codes.fill_null(-1).to_numpy().astype(np.int64, copy=False), uniques.to_list()


def _objects(np: Any, items: list[Any]) -> tuple[Any, list[Any]]:
    """Factorize Python objects with one dict (C speed); missing values get ``-1``."""
    distinct = dict.fromkeys(items)
    uniques = [item for item in distinct if not _is_missing(item)]
    lookup = dict(zip(uniques, range(len(uniques)), strict=True))
    codes = np.fromiter(map(lookup.get, items, repeat(-1)), dtype=np.int64, count=len(items))
    return codes, uniques


def _is_missing(item: object) -> bool:
    if item is None:
        return True
    if isinstance(item, float):
        return math.isnan(item)
    return type(item).__name__ in ("NaTType", "NAType")


def _numpy(np: Any, values: Any) -> tuple[Any, list[Any]]:
    """Factorize a flat numpy array of strings, numbers, dates or objects (NaN, NaT: missing).

    None is missing too. Each distinct value costs one vectorised comparison over the rows not yet
    coded; once most rows are coded, the rest are gathered so that rarer values compare fewer
    rows. Past ``_FEW`` distinct values the rest is sorted (``numpy.unique``) or, for objects,
    hashed.
    """
    codes = np.full(values.shape, -1, dtype=np.int64)
    kind = values.dtype.kind
    if kind in "fc":
        todo = ~np.isnan(values)
    elif kind in "mM":
        todo = ~np.isnat(values)
    else:
        todo = np.ones(values.shape, dtype=bool)
    where: Any = None  # positions in ``values`` of the rows of ``current`` (None: all rows)
    current = values
    uniques: list[Any] = []
    while len(uniques) < _FEW:
        position = int(np.argmax(todo)) if todo.size else 0
        if not todo.size or not todo[position]:
            return codes, uniques
        same, value = _same_as(np, current, position)
        if value is not _MISSING:
            codes[same if where is None else where[same]] = len(uniques)
            uniques.append(value)
        todo &= ~same
        left = np.flatnonzero(todo) if 4 * int(np.count_nonzero(todo)) < todo.size else None
        if left is not None:  # most rows are coded: compare only the others from now on
            where = left if where is None else where[left]
            current = current[left]
            todo = np.ones(left.size, dtype=bool)
    rest = np.flatnonzero(todo)
    if rest.size:
        if kind == "O":
            more, distinct_list = _objects(np, current[rest].tolist())
            inverse, distinct = np.where(more < 0, -1 - len(uniques), more), distinct_list
        else:
            distinct_array, inverse = np.unique(current[rest], return_inverse=True)
            distinct = distinct_array.tolist()
        codes[rest if where is None else where[rest]] = inverse.reshape(-1) + len(uniques)
        uniques.extend(distinct)
    return codes, uniques


_MISSING = object()


def _same_as(np: Any, current: Any, position: int) -> tuple[Any, Any]:
    """Rows equal to ``current[position]`` and its Python value (``_MISSING`` if missing)."""
    if current.dtype.kind != "O":
        value = current[position]  # a numpy scalar; a str for numpy's StringDType
        return current == value, value.item() if hasattr(value, "item") else value
    value = current[position]
    hash(value)  # unhashable (a list): TypeError, refused by the caller
    if _is_missing(value):  # None, NaN, NaT, NA: every missing row at once
        same = np.asarray(np.not_equal(current, current)) | np.equal(current, None)  # NaN-likes
        same[position] = True
        return same, _MISSING
    boxed = np.empty((), dtype=object)
    boxed[()] = value  # compared as one object, never broadcast (a tuple)
    same = np.asarray(current == boxed, dtype=bool)
    if not same[position]:  # an object unequal to itself: not comparable
        raise TypeError(f"{type(value).__name__} values are not comparable")
    return same, value
