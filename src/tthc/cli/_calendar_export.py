"""``tthc calendar-export``: the working calendar as a table, for SQL engines and dataframes.

One row per date with ``is_working_day`` and ``working_day_ordinal`` (the number of working days
from the calendar's first day through that date), so that a SQL engine computes due dates with a
join and no Python::

    due = the row whose working_day_ordinal = accepted.working_day_ordinal + N
          and is_working_day

(see ``docs/guide/bulk.md``). The vectorised counterpart of the ordinal is
[`tthc.bulk.working_day_ordinal`][tthc.bulk.working_day_ordinal].
"""

from __future__ import annotations

import argparse
import csv
import importlib
import io
import sys
from typing import TYPE_CHECKING, Any

from tthc.bulk._export import CALENDAR_COLUMNS, calendar_rows, calendar_sql
from tthc.cli._common import dump_json, guarded, ref_json, usage_error
from tthc.errors import MissingExtraError

if TYPE_CHECKING:
    from tthc.calendar import WorkCalendar

__all__: list[str] = []  # private module: `register` is called by tthc.cli


def register(subparsers: Any) -> None:
    """Add ``calendar-export`` (alias ``export-calendar``)."""
    export = subparsers.add_parser(
        "calendar-export",
        aliases=["export-calendar"],
        help="xuất lịch làm việc ra bảng / export the working calendar as a table",
        description="Ghi mỗi ngày một dòng (ngày làm việc, số thứ tự ngày làm việc, loại, tên, "
        "căn cứ, dự kiến, phiên bản dữ liệu) ra CSV, JSON, Parquet hoặc SQL. / Write one row per "
        "date (is_working_day, working_day_ordinal, kind, names, legal reference, provisional, "
        "data_version) as CSV, JSON or Parquet, so that SQL engines compute due dates with a "
        "join.",
    )
    export.add_argument(
        "--from",
        dest="first",
        type=int,
        metavar="YEAR",
        help="năm đầu / first year (default: the calendar's first)",
    )
    export.add_argument(
        "--to",
        dest="last",
        type=int,
        metavar="YEAR",
        help="năm cuối / last year (default: the calendar's last)",
    )
    export.add_argument(
        "--format",
        choices=("csv", "json", "parquet", "sql"),
        help="định dạng / format; default: csv (json with --json and no --output); sql: "
        "CREATE TABLE + INSERT for PostgreSQL and SQLite",
    )
    export.add_argument(
        "--table", default="tthc_calendar", help="tên bảng / with --format sql: the table name"
    )
    export.add_argument(
        "--output", "-o", help="tệp ghi ra / file to write (default: standard output)"
    )
    export.add_argument(
        "--json",
        action="store_true",
        help="in dạng JSON / without --output: print the rows as JSON; with --output: print a "
        "JSON summary of the file",
    )
    export.set_defaults(func=guarded(_export))


def _csv_text(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CALENDAR_COLUMNS, lineterminator="\n")
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


def _json_text(rows: list[dict[str, Any]], calendar: WorkCalendar) -> str:
    """The rows as JSON: the legal reference as one object (``url`` in it), dates ISO."""
    infos = calendar.iter_days(rows[0]["date"], rows[-1]["date"]) if rows else iter(())
    plain = [
        {
            **{key: value for key, value in row.items() if key != "legal_ref_url"},
            "date": row["date"].isoformat(),
            "legal_ref": ref_json(info.legal_ref),
        }
        for row, info in zip(rows, infos, strict=True)
    ]
    return dump_json(plain, indent=1) + "\n"


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


def _write(args: argparse.Namespace, rows: list[dict[str, Any]], calendar: WorkCalendar) -> bool:
    """Write the rows to ``--output`` or stdout; return whether a file was written."""
    if args.format == "parquet":
        _parquet(rows, args.output, calendar.data_version)
        return True
    text = _csv_text(rows) if args.format == "csv" else _json_text(rows, calendar)
    if not args.output:
        sys.stdout.write(text)
        return False
    with open(args.output, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    return True


def _sql(args: argparse.Namespace, calendar: WorkCalendar) -> int:
    text = calendar_sql(calendar, args.first, args.last, table=args.table)
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        with open(args.output, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as err:
        print(f"error[cli.output]: cannot write {args.output}: {err.strerror}", file=sys.stderr)
        return 2
    if args.json:
        print(dump_json(_summary(args, list(calendar_rows(calendar, args.first, args.last)))))
    return 0


def _summary(args: argparse.Namespace, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The JSON summary of a file written with ``--output`` (one shape for every format)."""
    return {
        "output": args.output,
        "format": args.format,
        "table": args.table if args.format == "sql" else None,
        "rows": len(rows),
        "first_day": rows[0]["date"].isoformat(),
        "last_day": rows[-1]["date"].isoformat(),
        "data_version": rows[0]["data_version"],
    }


def _choose_format(args: argparse.Namespace) -> str | None:
    """Return the format, or ``None`` after a usage error: ``--json`` alone prints JSON rows."""
    if args.format is None:
        return "json" if args.json and not args.output else "csv"
    if args.json and not args.output and args.format != "json":
        usage_error(
            f"--json without --output prints the rows as JSON, not --format {args.format}: "
            f"drop --format {args.format}, or give --output FILE (then --json prints a summary "
            "of the file)"
        )
        return None
    return str(args.format)


def _export(args: argparse.Namespace) -> int:
    from tthc.calendar import civil_service_calendar  # noqa: PLC0415 - keep `tthc --help` fast

    calendar = civil_service_calendar()
    chosen = _choose_format(args)
    if chosen is None:
        return 2
    args.format = chosen
    if args.format == "sql":
        return _sql(args, calendar)
    rows = list(calendar_rows(calendar, args.first, args.last))
    if args.format == "parquet" and not args.output:
        print(
            "error[cli.usage]: --format parquet writes a binary file: give --output FILE",
            file=sys.stderr,
        )
        return 2
    try:
        if not _write(args, rows, calendar):
            return 0
    except OSError as err:
        print(f"error[cli.output]: cannot write {args.output}: {err.strerror}", file=sys.stderr)
        return 2
    summary = _summary(args, rows)
    if args.json:
        print(dump_json(summary))
    else:
        print(
            f"Đã xuất / wrote {len(rows):,} ngày / days {summary['first_day']} – "
            f"{summary['last_day']} to {args.output} ({args.format}, data_version "
            f"{calendar.data_version})"
        )
    return 0
