"""The working calendar as a table: rows for dataframes and SQL, and SQL text to load them.

One row per date with ``is_working_day`` and ``working_day_ordinal`` (the number of working days
from the calendar's first day through that date), so that a SQL engine computes a due date with
a join and no Python::

    due = the row whose working_day_ordinal = accepted.working_day_ordinal + N
          and is_working_day
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from tthc._validate import require_int, sql_identifier
from tthc.errors import CalendarRangeError

if TYPE_CHECKING:
    from tthc.calendar import WorkCalendar

#: Columns of the export, in order.
CALENDAR_COLUMNS: tuple[str, ...] = (
    "date",
    "is_working_day",
    "working_day_ordinal",
    "kind",
    "name_vi",
    "name_en",
    "legal_ref",
    "legal_ref_url",
    "provisional",
    "data_version",
)


def calendar_rows(
    calendar: WorkCalendar, first_year: int | None = None, last_year: int | None = None
) -> Iterator[dict[str, Any]]:
    """Yield the export rows of ``calendar`` for ``first_year``–``last_year`` (inclusive).

    Raises:
        InputTypeError: A year is not an integer.
        CalendarRangeError: A year is outside the calendar, or ``last_year < first_year``.
    """
    start = calendar.first_day
    end = calendar.last_day
    if first_year is not None:
        start = _year_edge(require_int(first_year, "--from"), calendar, first=True)
    if last_year is not None:
        end = _year_edge(require_int(last_year, "--to"), calendar, first=False)
    if end < start:
        raise CalendarRangeError(
            f"Phạm vi xuất (export range): --to {end.year} is before --from {start.year}",
            hint="give --from YEAR --to YEAR with --from <= --to",
            first_day=start,
            last_day=end,
        )
    ordinal = calendar.working_day_ordinal(start)
    if calendar.is_working_day(start):
        ordinal -= 1
    for info in calendar.iter_days(start, end):
        ordinal += int(info.is_working_day)
        ref = info.legal_ref
        yield {
            "date": info.date,
            "is_working_day": info.is_working_day,
            "working_day_ordinal": ordinal,
            "kind": info.kind.value,
            "name_vi": info.name_vi,
            "name_en": info.name_en,
            "legal_ref": ref.cite() if ref is not None else "",
            "legal_ref_url": ref.url if ref is not None else "",
            "provisional": info.provisional,
            "data_version": calendar.data_version,
        }


def _year_edge(year: int, calendar: WorkCalendar, *, first: bool) -> _dt.date:
    low, high = calendar.first_day.year, calendar.last_day.year
    if not low <= year <= high:
        raise CalendarRangeError(
            f"Ngày ngoài phạm vi lịch (date outside the calendar range): year {year} is outside "
            f"{calendar.first_day.isoformat()} – {calendar.last_day.isoformat()}",
            hint=f"choose years from {low} to {high}",
            year=year,
            first_day=calendar.first_day,
            last_day=calendar.last_day,
        )
    edge = _dt.date(year, 1, 1) if first else _dt.date(year, 12, 31)
    return max(edge, calendar.first_day) if first else min(edge, calendar.last_day)


_SQL_TYPES = {
    "date": "DATE PRIMARY KEY",
    "is_working_day": "BOOLEAN NOT NULL",
    "working_day_ordinal": "INTEGER NOT NULL",
    "provisional": "BOOLEAN NOT NULL",
}
_SQL_BATCH = 500


def _sql_value(value: object) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, _dt.date):
        return f"'{value.isoformat()}'"
    return "'" + str(value).replace("'", "''") + "'"


def calendar_sql(
    calendar: WorkCalendar,
    first_year: int | None = None,
    last_year: int | None = None,
    *,
    table: str = "tthc_calendar",
) -> str:
    """SQL that creates ``table`` and fills it with the export rows (PostgreSQL, SQLite).

    The rows are those of [`calendar_rows`][tthc.bulk.calendar_rows].

    The text is portable: ``CREATE TABLE`` with ``DATE``/``BOOLEAN``/``INTEGER``/``TEXT``
    columns, multi-row ``INSERT`` statements with ISO date literals and ``TRUE``/``FALSE``
    (SQLite ≥ 3.23), and an index on ``(working_day_ordinal, is_working_day)`` for the join.

    Raises:
        InputTypeError: A year is not an integer, or the table name is not a plain identifier.
        CalendarRangeError: A year is outside the calendar.
    """
    name = sql_identifier(table)
    rows = list(calendar_rows(calendar, first_year, last_year))
    definitions = ",\n".join(
        f"  {column} {_SQL_TYPES.get(column, 'TEXT NOT NULL')}" for column in CALENDAR_COLUMNS
    )
    parts = [
        f"-- tthc working calendar, data_version {calendar.data_version}: one row per date.",
        "-- due date of N working days after acceptance: the working day whose",
        "-- working_day_ordinal is the acceptance date's ordinal + N.",
        f"CREATE TABLE {name} (\n{definitions}\n);",
    ]
    for start in range(0, len(rows), _SQL_BATCH):
        values = ",\n".join(
            "(" + ", ".join(_sql_value(row[c]) for c in CALENDAR_COLUMNS) + ")"
            for row in rows[start : start + _SQL_BATCH]
        )
        parts.append(f"INSERT INTO {name} VALUES\n{values};")
    parts.append(f"CREATE INDEX {name}_ordinal ON {name} (working_day_ordinal, is_working_day);")
    return "\n".join(parts) + "\n"
