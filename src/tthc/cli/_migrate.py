"""``tthc migrate addresses`` and ``tthc migrate codes``: migrate a CSV column to the 2025 units.

Example::

    tthc migrate addresses hoso.csv --column dia_chi -o hoso_moi.csv --report can_xu_ly.csv
    tthc migrate codes dan_cu.csv --column ma_xa --on 2025-06-30 --json

Every row of FILE.csv keeps its columns; ``-o`` writes them with the result columns of
[`tthc.migrate.RESULT_COLUMNS`][tthc.migrate.RESULT_COLUMNS] added (``new_code``, ``status``, ``candidates``, ``clause``,
...). ``--report`` writes the rows a person must look at (split, ambiguous, unknown) as CSV, or
as XLSX when the name ends in ``.xlsx`` (needs openpyxl). The summary goes to standard output,
as text or, with ``--json``, as JSON. Exit status 0 when every row has one new unit, 1 when some
rows need a person, 2 on bad input (one line ``error[<code>]: <message>``).
"""

from __future__ import annotations

import argparse
import csv
import io
from typing import TYPE_CHECKING, Any

from tthc._data import read_csv
from tthc.cli._common import dump_json, guarded, parse_date_arg, ref_json
from tthc.errors import DataFileError

if TYPE_CHECKING:
    from tthc.migrate import MigratedRow, MigrationReport

__all__: list[str] = []  # private module: `register` is called by tthc.cli

_WHAT = "Tệp cần chuyển đổi (file to migrate)"


def register(subparsers: Any) -> None:
    """Add the ``migrate`` subcommand (``addresses``, ``codes``) to an argparse ``subparsers``."""
    parser = subparsers.add_parser(
        "migrate",
        help="chuyển đổi địa chỉ, mã đơn vị cũ sang đơn vị mới / migrate old addresses and codes",
        description=(
            "Chuyển một cột địa chỉ cũ hoặc mã đơn vị cũ của tệp CSV sang đơn vị từ 1/7/2025, "
            "kèm mọi đơn vị có thể của xã bị chia và điều khoản; không tự chọn. / Convert a CSV "
            "column of old addresses or old unit codes to the 2025 units, with every candidate "
            "of a split commune and the clause; nothing is picked silently."
        ),
    )
    commands = parser.add_subparsers(dest="migrate_command", metavar="SUBCOMMAND", required=True)
    for kind, example, text in (
        ("addresses", "dia_chi", "địa chỉ / free-text addresses"),
        ("codes", "ma_xa", "mã đơn vị cũ / old unit codes"),
    ):
        sub = commands.add_parser(
            kind,
            help=text,
            description=f"Chuyển cột {text.split(' / ')[0]} của FILE.csv sang đơn vị từ "
            f"1/7/2025. / Migrate the column of {kind} of FILE.csv to the 2025 units.",
        )
        sub.add_argument(
            "file",
            metavar="FILE.csv",
            help="tệp CSV UTF-8 có dòng tiêu đề / UTF-8 CSV with a header row",
        )
        sub.add_argument(
            "--column",
            required=True,
            help=f"cột cần chuyển / the column to convert, e.g. {example}",
        )
        sub.add_argument(
            "--on",
            metavar="DATE",
            help="ngày lập bản ghi / date the records were made, DD/MM/YYYY or YYYY-MM-DD "
            "(default: 30/06/2025)",
        )
        sub.add_argument(
            "-o", "--output", help="tệp kết quả / write FILE.csv with the result columns added"
        )
        sub.add_argument(
            "--report",
            help="các dòng cần xem lại / write the rows to review: CSV, or XLSX if the name ends "
            "in .xlsx",
        )
        sub.add_argument(
            "--json", action="store_true", help="in dạng JSON / print the summary as JSON"
        )
        sub.set_defaults(func=guarded(_migrate), migrate_kind=kind)


def _migrate(args: argparse.Namespace) -> int:
    from tthc.migrate import migration_report  # noqa: PLC0415 - keep `tthc --help` cheap

    on = parse_date_arg(args.on, "--on") if args.on else None
    rows, name = read_csv(args.file, what=_WHAT)
    if rows and args.column not in rows[0]:
        raise DataFileError(
            f"{_WHAT} {name}: no column {args.column!r}",
            hint="columns: " + ", ".join(rows[0]),
            file=name,
            field=args.column,
        )
    report = migration_report([row[args.column] for row in rows], kind=args.migrate_kind, on=on)
    try:
        if args.output:
            _write_output(args.output, rows, report)
        if args.report and str(args.report).lower().endswith(".xlsx"):
            report.to_xlsx(args.report)
        elif args.report:
            report.to_csv(args.report)
    except OSError as err:
        raise DataFileError(
            f"Tệp kết quả (output file) cannot be written: {err.strerror or err}",
            hint="check the directory exists and is writable",
            file=str(err.filename or ""),
        ) from None
    if args.json:
        print(dump_json(_summary_json(report)))
    else:
        print(report.summary())
    return 0 if report.done else 1


def _write_output(path: str, rows: list[dict[str, str]], report: MigrationReport) -> None:
    from tthc.migrate import RESULT_COLUMNS  # noqa: PLC0415

    header = list(rows[0]) if rows else []
    added = {name: name if name not in header else f"tthc_{name}" for name in RESULT_COLUMNS}
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header + list(added.values()), lineterminator="\n")
    writer.writeheader()
    for row, result in zip(rows, report.rows, strict=True):
        plain = result.as_record()
        writer.writerow({**row, **{added[k]: plain[k] or "" for k in RESULT_COLUMNS}})
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(buffer.getvalue())


def _summary_json(report: MigrationReport) -> dict[str, Any]:
    return {
        "kind": report.kind,
        "on": report.on.isoformat(),
        "rows": len(report.rows),
        "counts": report.counts,
        "to_review": [_review_json(number, row) for number, row in report.to_review],
    }


def _review_json(number: int, row: MigratedRow) -> dict[str, Any]:
    """A row to review: candidates as a list, each with the clause as a legal reference."""
    from tthc.units import successors  # noqa: PLC0415

    refs: dict[str, Any] = {}
    if row.old_code is not None and row.status.value == "split":
        refs = {s.new.code: ref_json(s.legal_basis) for s in successors(row.old_code)}
    names = (*row.candidate_names, *([""] * len(row.candidates)))
    return {
        "row": number,
        "source": row.source,
        "status": row.status.value,
        "candidates": [
            {"code": code, "name": name, "legal_ref": refs.get(code)}
            for code, name in zip(row.candidates, names, strict=False)
        ],
        "old_code": row.old_code,
        "old_name": row.old_name,
        "new_code": row.new_code,
        "new_name": row.new_name,
        "street": row.street,
        "note": row.note,
    }
