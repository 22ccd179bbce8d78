"""``tthc workflow check FILE`` and ``tthc workflow diagram FILE``."""

from __future__ import annotations

import argparse
import datetime as _dt
from typing import TYPE_CHECKING, Any

from tthc.cli._common import dump_json, guarded, parse_date_arg
from tthc.errors import DataFileError

if TYPE_CHECKING:
    from tthc.workflows import Report, Workflow

__all__: list[str] = []  # private module: `register` is called by tthc.cli

_Checked = tuple["Workflow", _dt.date, "Report"]


def register(subparsers: Any) -> None:
    """Add the ``workflow`` subcommands."""
    wf = subparsers.add_parser(
        "workflow",
        help="kiểm tra quy trình nội bộ / check internal process configurations",
        description="Check or draw internal electronic processes (quy trình nội bộ) read from a "
        "CSV file in the tthc layout or a JSON file.",
    )
    sub = wf.add_subparsers(dest="workflow_command", metavar="ACTION", required=True)
    check = sub.add_parser(
        "check",
        help="print the findings; exit 1 when there are errors",
        description="Validate every workflow of FILE. Exit codes: 0 no error (warnings and infos "
        "allowed), 1 at least one error, 2 bad input.",
    )
    check.add_argument("file", metavar="FILE", help=".csv or .json workflow file")
    check.add_argument(
        "--on",
        help="date to check on (YYYY-MM-DD or DD/MM/YYYY); default: each workflow's valid_from",
    )
    check.add_argument(
        "--unit", help="code of the commune/province using the process (checks the signer)"
    )
    check.add_argument("--json", action="store_true", help="print JSON")
    check.set_defaults(func=guarded(_check))

    diagram = sub.add_parser("diagram", help="print a Mermaid flowchart of each workflow")
    diagram.add_argument("file", metavar="FILE", help=".csv or .json workflow file")
    diagram.set_defaults(func=guarded(_diagram))


def _validated(args: argparse.Namespace) -> list[_Checked]:
    """Return each workflow of the file with its check date and its findings."""
    from tthc.workflows import load, validate  # noqa: PLC0415 - keep `tthc --help` fast

    fixed = parse_date_arg(args.on, "--on") if args.on else None
    results: list[_Checked] = []
    for wf in load(args.file):
        day = fixed or wf.validity.start
        if day is None:
            raise DataFileError(
                f"Ngày kiểm tra (check date): workflow {wf.key} has no valid_from; pass --on",
                hint="tthc workflow check FILE --on 2026-07-01",
                file=args.file,
            )
        results.append((wf, day, validate(wf, on=day, unit=args.unit)))
    return results


def _check_json(file: str, results: list[_Checked], failed: bool) -> dict[str, Any]:
    return {
        "file": file,
        "ok": not failed,
        "workflows": [
            {
                "procedure_code": wf.procedure_code,
                "version": wf.version,
                "on": day.isoformat(),
                "ok": report.ok,
                "findings": [f.to_dict() for f in report],
            }
            for wf, day, report in results
        ],
    }


def _check(args: argparse.Namespace) -> int:
    results = _validated(args)
    failed = any(not report.ok for _, _, report in results)
    if args.json:
        print(dump_json(_check_json(args.file, results, failed)))
        return 1 if failed else 0
    for wf, day, report in results:
        status = "OK" if report.ok else "LỖI / ERRORS"
        print(
            f"{wf.procedure_code} {wf.name} — phiên bản {wf.version}, ngày {day:%d/%m/%Y}: "
            f"{status} ({len(report.errors)} error, {len(report.warnings)} warning, "
            f"{len(report.infos)} info)"
        )
        for finding in report:
            print(f"  {finding}")
    return 1 if failed else 0


def _diagram(args: argparse.Namespace) -> int:
    from tthc.workflows import load, mermaid  # noqa: PLC0415

    for wf in load(args.file):
        print(f"%% {wf.procedure_code} {wf.version}")
        print(mermaid(wf), end="")
    return 0
