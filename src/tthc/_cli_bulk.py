"""``tthc calendar-export``: the working calendar as a table, for SQL engines and dataframes.

One row per date with ``is_working_day`` and ``working_day_ordinal`` (the number of working days
from the calendar's first day through that date), so that a SQL engine computes due dates with a
join and no Python::

    due = the row whose working_day_ordinal = accepted.working_day_ordinal + N
          and is_working_day

(see ``docs/guide/bulk.md``).
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import importlib
import io
import json
import sys
from collections.abc import Iterator
from typing import Any

from tthc._validate import require_int
from tthc.calendar import WorkCalendar, civil_service_calendar
from tthc.errors import CalendarRangeError, MissingExtraError

#: Columns of the export, in order.
COLUMNS: tuple[str, ...] = (
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


def register(subparsers: Any) -> None:
    """Add ``calendar-export`` (alias ``export-calendar``)."""
    export = subparsers.add_parser(
        "calendar-export",
        aliases=["export-calendar"],
        help="xuất lịch làm việc ra bảng / export the working calendar as a table",
        description="Write one row per date (is_working_day, working_day_ordinal, kind, names, "
        "legal reference, provisional, data_version) as CSV, JSON or Parquet, so that SQL "
        "engines compute due dates with a join.",
    )
    export.add_argument("--from", dest="first", type=int, help="first year (default: calendar's)")
    export.add_argument("--to", dest="last", type=int, help="last year (default: calendar's)")
    export.add_argument(
        "--format", choices=("csv", "json", "parquet"), default="csv", help="default: csv"
    )
    export.add_argument("--output", "-o", help="file to write (default: standard output)")
    export.add_argument(
        "--json", action="store_true", help="with --output: print a JSON summary of the file"
    )
    export.set_defaults(func=_export)


def calendar_rows(
    calendar: WorkCalendar, first_year: int | None = None, last_year: int | None = None
) -> Iterator[dict[str, Any]]:
    """Yield the export rows of ``calendar`` for ``first_year``–``last_year`` (inclusive)."""
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


def _csv_text(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                **row,
                "date": row["date"].isoformat(),
                "is_working_day": "true" if row["is_working_day"] else "false",
                "provisional": "true" if row["provisional"] else "false",
            }
        )
    return buffer.getvalue()


def _json_text(rows: list[dict[str, Any]]) -> str:
    plain = [{**row, "date": row["date"].isoformat()} for row in rows]
    return json.dumps(plain, ensure_ascii=False, indent=1) + "\n"


def _parquet(rows: list[dict[str, Any]], output: str, data_version: str) -> None:
    try:
        pa = importlib.import_module("pyarrow")
        pq = importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise MissingExtraError(
            "Thư viện tùy chọn (optional dependency): --format parquet needs pyarrow, which is "
            "not installed",
            hint='pip install "tthc[pyarrow]", or use --format csv',
            module="pyarrow",
            extra="pyarrow",
        ) from None
    schema = pa.schema(
        [
            ("date", pa.date32()),
            ("is_working_day", pa.bool_()),
            ("working_day_ordinal", pa.int32()),
            ("kind", pa.string()),
            ("name_vi", pa.string()),
            ("name_en", pa.string()),
            ("legal_ref", pa.string()),
            ("legal_ref_url", pa.string()),
            ("provisional", pa.bool_()),
            ("data_version", pa.string()),
        ],
        metadata={"data_version": data_version, "source": "tthc calendar-export"},
    )
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, output)


def _export(args: argparse.Namespace) -> int:
    calendar = civil_service_calendar()
    rows = list(calendar_rows(calendar, args.first, args.last))
    if args.format == "parquet" and not args.output:
        print(
            "error[cli.usage]: --format parquet writes a binary file: give --output FILE",
            file=sys.stderr,
        )
        return 2
    try:
        if args.format == "parquet":
            _parquet(rows, args.output, calendar.data_version)
        else:
            text = _csv_text(rows) if args.format == "csv" else _json_text(rows)
            if not args.output:
                sys.stdout.write(text)
                return 0
            with open(args.output, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
    except OSError as err:
        print(f"error[cli.output]: cannot write {args.output}: {err.strerror}", file=sys.stderr)
        return 2
    summary = {
        "output": args.output,
        "format": args.format,
        "rows": len(rows),
        "first_day": rows[0]["date"].isoformat(),
        "last_day": rows[-1]["date"].isoformat(),
        "data_version": calendar.data_version,
    }
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(
            f"Đã xuất / wrote {len(rows):,} ngày / days {summary['first_day']} – "
            f"{summary['last_day']} to {args.output} ({args.format}, data_version "
            f"{calendar.data_version})"
        )
    return 0
