"""Dossier counts from a CSV file, read row by row.

[`iter_dossier_counts`][tthc.staffing.iter_dossier_counts] streams the file ([`tthc._data.stream_lines`][tthc._data.stream_lines]) through
``csv.reader`` and turns each row into a [`DossierCount`][tthc.staffing.DossierCount]: a national year of daily counts
(3,321 communes × 365 days ≈ 1.2 million rows, about 30 MB) is never held whole in memory.

Each row takes a fast path for the common case (ASCII digits for the counts, values seen before
for the codes and the month, looked up in small caches); anything else goes through
[`tthc.staffing._inputs.count_from_values`][tthc.staffing._inputs.count_from_values], the one definition of a valid record, so a row
gives the same record, or the same error with the same row and field, on both paths.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator

from tthc._data import MAX_FILE_BYTES, PathOrFile
from tthc._data import stream_lines as lines
from tthc.errors import DataFileError
from tthc.staffing._inputs import (
    COUNT_COLUMNS,
    MAX_COUNT,
    DossierCount,
    checked_count,
    count_from_values,
    header_of,
    is_blank,
    month_value,
    no_rows,
    not_csv,
    width_error,
)
from tthc.staffing._months import Month
from tthc.staffing._numbers import clean

__all__: list[str] = []  # private module: the public names are exported by tthc.staffing

_CACHE_LIMIT = 1 << 16
_COUNT_DIGITS = len(str(MAX_COUNT))
"""Distinct raw values remembered per cache; the cache is emptied when it is full, so an input of
all-distinct values costs memory bounded by this, not by the file."""


def iter_dossier_counts(
    source: PathOrFile, *, max_bytes: int = MAX_FILE_BYTES
) -> Iterator[DossierCount]:
    """Read dossier counts from a CSV file one row at a time.

    The same file, the same records and the same errors as [`read_dossier_counts`][tthc.staffing.read_dossier_counts], but
    lazily: the path is checked now, rows are read as the iterator is consumed, and only the
    current row is held. Pass the iterator to [`plan_workload`][tthc.staffing.plan_workload] to plan a national volume
    without holding its rows.

    Raises:
        DataFileError: the path is not a regular file, cannot be read or is above ``max_bytes``
            (now); while iterating: a bad row (naming the file, the row and the field), text
            that is not UTF-8, a stream above ``max_bytes``, or no data row at all.
        InputTypeError: ``source`` is not a path or an open file; ``max_bytes`` is not a
            positive integer.
    """
    text_lines, name = lines(source, max_bytes=max_bytes)
    return _records(text_lines, name)


def read_dossier_counts(
    source: PathOrFile, *, max_bytes: int = MAX_FILE_BYTES
) -> tuple[DossierCount, ...]:
    """Read dossier counts from a CSV file (UTF-8, comma-separated, one header row).

    Required columns: ``unit_code``, ``procedure_code``, ``month`` (``YYYY-MM``), ``count``.
    Optional: ``unit_name``, ``unit_kind``, ``field``, ``in_person``. Other columns are ignored.
    Rows with the same unit, procedure and month add up (e.g. one row per channel). Nothing in
    the file is evaluated; the file is refused above ``max_bytes``. The file is read row by row
    ([`iter_dossier_counts`][tthc.staffing.iter_dossier_counts]); the records returned are all held in memory.

    Raises:
        DataFileError: unreadable, too large, no data, or a bad value; the error names the file,
            the row (header = row 1) and the field.
        InputTypeError: ``source`` is not a path or an open file; ``max_bytes`` is not a
            positive integer.
    """
    return tuple(iter_dossier_counts(source, max_bytes=max_bytes))


def _records(text_lines: Iterator[str], name: str) -> Iterator[DossierCount]:
    reader = csv.reader(text_lines)
    found = False
    try:
        header = header_of(next(reader, None), name, COUNT_COLUMNS)
        fast = _fast_path(header, name)
        width = len(header)
        for values in reader:
            if len(values) != width:
                if is_blank(values):
                    continue
                raise width_error(name, reader.line_num, len(values), width)
            record = fast(values) or _slow_path(header, values, name, reader.line_num)
            if record is not None:
                found = True
                yield record
    except csv.Error as err:
        raise not_csv(name, reader.line_num, err) from None
    if not found:
        raise no_rows(name)


def _slow_path(header: list[str], values: list[str], name: str, row: int) -> DossierCount | None:
    """The record of any row (``None`` for a blank row), or its error."""
    if is_blank(values):
        return None
    cleaned = {column: clean(value) for column, value in zip(header, values, strict=True)}
    return count_from_values(cleaned, name, row)


def _fast_path(header: list[str], name: str) -> Callable[[list[str]], DossierCount | None]:
    """The converter of the common row (``None``: take the slow path), with its caches.

    Text values are cleaned once per distinct raw value (``clean(clean(raw))``: what the slow
    path stores); months are parsed once per distinct raw value; counts must be ASCII digits.
    A cache is emptied when it holds `_CACHE_LIMIT` values.
    """
    where = {column: index for index, column in enumerate(header)}
    unit_at, procedure_at, month_at, count_at = (where[column] for column in COUNT_COLUMNS)
    name_at, kind_at, field_at, in_person_at = (
        where.get(column) for column in ("unit_name", "unit_kind", "field", "in_person")
    )
    texts: dict[str, str] = {}
    months: dict[str, Month] = {}

    def text(raw: str) -> str:
        found = texts.get(raw)
        if found is None:
            if len(texts) >= _CACHE_LIMIT:
                texts.clear()
            found = texts[raw] = clean(clean(raw))
        return found

    def month_of(raw: str) -> Month | None:
        try:
            month = month_value(clean(raw), name, 0)
        except DataFileError:
            return None  # the slow path raises it with the row number
        if len(months) >= _CACHE_LIMIT:
            months.clear()
        months[raw] = month
        return month

    def fast(values: list[str]) -> DossierCount | None:
        unit, procedure = text(values[unit_at]), text(values[procedure_at])
        count_text = values[count_at]
        if not (unit and procedure and count_text.isascii() and count_text.isdigit()):
            return None
        if len(count_text) > _COUNT_DIGITS:
            return None  # the slow path refuses a count over MAX_COUNT with the row number
        month = months.get(values[month_at]) or month_of(values[month_at])
        if month is None:
            return None
        count = int(count_text)
        if count > MAX_COUNT:
            return None
        in_person = None
        if in_person_at is not None and values[in_person_at]:
            given = values[in_person_at]
            if not (given.isascii() and given.isdigit() and len(given) <= _COUNT_DIGITS):
                return None
            if int(given) > count:
                return None
            in_person = int(given)
        return checked_count(
            (
                unit,
                procedure,
                month,
                count,
                "" if name_at is None else text(values[name_at]),
                "" if kind_at is None else text(values[kind_at]),
                "" if field_at is None else text(values[field_at]),
                in_person,
            )
        )

    return fast
