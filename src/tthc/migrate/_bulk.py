"""Migrating a whole column: old codes or address strings in pandas, polars, Arrow or a list.

Each distinct value is converted once (a province's archive repeats the same few thousand
communes millions of times), and each distinct *unit part* of an address once more (the street
changes from row to row, the commune, district and province do not), so the cost is linear in the
rows with a small constant. Every row gets a status — ``whole``, ``split``, ``ambiguous``,
``unknown`` or ``already_new`` —, never an exception: the rows a person must look at are
marked, with their candidates and the clause.
"""

from __future__ import annotations

import datetime as _dt
import functools
import importlib
import math
from collections.abc import Hashable, Iterable
from typing import Any

import attrs

from tthc.errors import AmbiguousUnitName, InputTypeError, TthcError, UnknownUnit
from tthc.legal import LegalRef
from tthc.migrate._convert import (
    conversion_of,
    convert_code,
    decide,
    decision_day,
    describe,
    locate,
    record_day,
)
from tthc.migrate._model import RESULT_COLUMNS, Conversion, MigratedRow, MigrationStatus

__all__: list[str] = []  # private module: tthc.migrate re-exports the public names

Record = dict[str, str | None]

_KINDS = ("addresses", "codes")
_MISSING = "Giá trị trống (missing value): nothing to convert"
_MISSING_TYPES = frozenset({"NAType", "NaTType"})


def convert_addresses(column: Any, *, on: _dt.date | None = None) -> Any:
    """Convert a column of address strings to the 2025 units, row by row.

    Args:
        column: A pandas or polars ``Series``, a pyarrow ``Array``/``ChunkedArray``, or any
            iterable of strings. Missing values (``None``, NaN, null) give ``unknown`` rows.
        on: The date the records were made (default: 30/6/2025, the last day of the old units).

    Returns:
        A table of the same library, one row per input row, with the columns
        [`RESULT_COLUMNS`][tthc.migrate.RESULT_COLUMNS] (``new_code``, ``status``, ``candidates``, ``clause``, ...):
        a pandas ``DataFrame`` on the Series' index, a polars ``DataFrame``, a pyarrow
        ``Table``; for a plain iterable a ``dict`` of column name → list.

    Raises:
        InputTypeError: a value is neither a string nor missing; ``on`` is not a date.
    """
    return _convert_column(column, "addresses", on)


def convert_codes(column: Any, *, on: _dt.date | None = None) -> Any:
    """Convert a column of old unit codes (strings with leading zeros) to the 2025 units.

    Args:
        column: As for [`convert_addresses`][tthc.migrate.convert_addresses]; codes must be strings (``"00007"``, not 7).
        on: The date the records were made (default: 30/6/2025). From 1/7/2025 a code that
            names a 2025 unit is read as one (``already_new``).

    Returns:
        A table as for [`convert_addresses`][tthc.migrate.convert_addresses].

    Raises:
        InputTypeError: a value is a number or another non-string (read the column as text).
    """
    return _convert_column(column, "codes", on)


def migrate_rows(
    values: Any, *, kind: str = "addresses", on: _dt.date | None = None
) -> tuple[MigratedRow, ...]:
    """Return one [`MigratedRow`][tthc.migrate.MigratedRow] per value (a column or an iterable), in order.

    Equal values give the same row object (each distinct value is converted once).

    Args:
        values: The column (as for [`convert_addresses`][tthc.migrate.convert_addresses]).
        kind: ``"addresses"`` or ``"codes"``.
        on: The date the records were made (default: 30/6/2025).
    """
    day = record_day(on)
    one = _address_row if _require_kind(kind) == "addresses" else _code_row
    uniques, inverse = _factorize(_values(values)[0])
    rows = [one(value, day) for value in uniques]
    return tuple(map(rows.__getitem__, inverse))


# --- one value -----------------------------------------------------------------------------------


def _factorize(values: list[object]) -> tuple[list[object], list[int]]:
    """Distinct values in order of appearance, and the position of each value among them."""
    positions: dict[object, int] = {}
    try:
        inverse = [positions.setdefault(v, len(positions)) for v in values]
    except TypeError:  # an unhashable value (a list, a dict): not text
        bad = next(v for v in values if not isinstance(v, Hashable))
        raise InputTypeError(
            f"Cột dữ liệu (column): values must be text, got {type(bad).__name__}",
            argument="column",
            got=type(bad).__name__,
        ) from None
    return list(positions), inverse


def _address_record(value: object, day: _dt.date) -> Record:
    text = _text(value, "addresses")
    if text is None:
        return _missing().as_record()
    street, tail, _ = locate(text, day)
    record = dict(_template(tail, decision_day(day))[1])
    record["street"] = street
    return record


def _address_row(value: object, day: _dt.date) -> MigratedRow:
    text = _text(value, "addresses")
    if text is None:
        return _missing()
    street, tail, _ = locate(text, day)
    return attrs.evolve(_template(tail, decision_day(day))[0], source=text, street=street)


def _code_row(value: object, day: _dt.date) -> MigratedRow:
    code = _text(value, "codes")
    if code is None:
        return _missing()
    try:
        return _row_of(convert_code(code, on=day), code)
    except (UnknownUnit, AmbiguousUnitName) as err:
        return _problem_row(code, err)


def _code_record(value: object, day: _dt.date) -> Record:
    return _code_row(value, day).as_record()


@functools.lru_cache(maxsize=65536)
def _template(tail: tuple[str, ...], day: _dt.date) -> tuple[MigratedRow, Record]:
    """The row of an address's last segments, without its text and street (shared by many)."""
    try:
        row = _row_of(conversion_of(decide(tail, day), "", "", day), "")
    except (UnknownUnit, AmbiguousUnitName) as err:
        row = _problem_row("", err)
    return row, row.as_record()


def _row_of(conversion: Conversion, source: str) -> MigratedRow:
    old = conversion.old
    single = len(conversion.new) == 1
    return MigratedRow(
        source=source,
        status=conversion.status,
        new_code=conversion.new[0].code if single else None,
        new_name=conversion.new[0].full_name if single else None,
        candidates=conversion.codes if not single else (),
        candidate_names=tuple(describe(u) for u in conversion.new) if not single else (),
        clause="; ".join(_cite(ref) for ref in conversion.legal_basis),
        old_code=old.code if old is not None else None,
        old_name=str(old) if old is not None else None,
        street=conversion.street,
    )


@functools.lru_cache(maxsize=8192)
def _cite(ref: LegalRef) -> str:
    return ref.cite()


def _problem_row(source: str, err: TthcError) -> MigratedRow:
    ambiguous = isinstance(err, AmbiguousUnitName)
    status = MigrationStatus.AMBIGUOUS if ambiguous else MigrationStatus.UNKNOWN
    codes = err.context.get("candidates" if ambiguous else "suggestions", ())
    names = err.context.get("candidate_names" if ambiguous else "suggestion_names", ())
    return MigratedRow(
        source=source,
        status=status,
        candidates=tuple(codes),
        candidate_names=tuple(names),
        note=f"{err.message} ({err.hint})" if source else f"{status.label}: {err.hint}",
    )


def _missing() -> MigratedRow:
    return MigratedRow(source="", status=MigrationStatus.UNKNOWN, note=_MISSING)


def _text(value: object, kind: str) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if type(value).__name__ in _MISSING_TYPES:  # pandas.NA, pandas.NaT
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    what = "Mã đơn vị (unit code)" if kind == "codes" else "Địa chỉ (address)"
    raise InputTypeError(
        f"{what} must be text, got {type(value).__name__} {value!r}",
        hint="read the column as strings (pandas: dtype=str); codes keep their leading zeros",
        argument="column",
        got=type(value).__name__,
    )


def _require_kind(kind: str) -> str:
    if kind not in _KINDS:
        raise InputTypeError(
            f"Loại dữ liệu (kind of column) must be one of {_KINDS}, got {kind!r}",
            argument="kind",
            got=repr(kind),
        )
    return kind


# --- columns in and out --------------------------------------------------------------------------


def _convert_column(column: Any, kind: str, on: _dt.date | None) -> Any:
    day = record_day(on)
    values, library = _values(column)
    one = _address_record if kind == "addresses" else _code_record
    uniques, inverse = _factorize(values)
    records = [one(value, day) for value in uniques]
    table = {}
    for name in RESULT_COLUMNS:
        distinct = [record[name] for record in records]
        table[name] = list(map(distinct.__getitem__, inverse))
    return _table_out(table, library, column)


def _values(column: Any) -> tuple[list[object], str]:
    library = type(column).__module__.split(".")[0]
    if library == "pandas" and hasattr(column, "tolist"):
        return list(column.tolist()), "pandas"
    if library == "polars" and hasattr(column, "to_list"):
        return list(column.to_list()), "polars"
    if library == "pyarrow" and hasattr(column, "to_pylist"):
        return list(column.to_pylist()), "pyarrow"
    if isinstance(column, str | bytes) or not isinstance(column, Iterable):
        raise InputTypeError(
            f"Cột dữ liệu (column) must be a Series, an Arrow array or an iterable of strings, "
            f"got {type(column).__name__}",
            hint="for one value use convert_address() or convert_code()",
            argument="column",
            got=type(column).__name__,
        )
    return list(column), "python"


def _table_out(table: dict[str, list[str | None]], library: str, column: Any) -> Any:
    if library == "pandas":
        pd = importlib.import_module("pandas")
        return pd.DataFrame(table, index=column.index, dtype=object)
    if library == "polars":
        pl = importlib.import_module("polars")
        return pl.DataFrame(table, schema=dict.fromkeys(table, pl.String))
    if library == "pyarrow":
        pa = importlib.import_module("pyarrow")
        return pa.table(
            {name: pa.array(values, type=pa.string()) for name, values in table.items()}
        )
    return table
