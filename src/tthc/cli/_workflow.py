"""``tthc workflow check FILE`` and ``tthc workflow diagram FILE``."""

from __future__ import annotations

import argparse
import datetime as _dt
from typing import TYPE_CHECKING, Any

from tthc.cli._common import dump_json, guarded, parse_date_arg, resolve_unit_arg, usage_error
from tthc.errors import DataFileError

if TYPE_CHECKING:
    from tthc.workflows import Report, Workflow

__all__: list[str] = []  # private module: `register` is called by tthc.cli

_Checked = tuple["Workflow", _dt.date, "Report"]


_FILE_HELP = "tệp quy trình / workflow file, .csv (tthc layout) or .json"


def register(subparsers: Any) -> None:
    """Add the ``workflow`` subcommands."""
    wf = subparsers.add_parser(
        "workflow",
        help="kiểm tra quy trình nội bộ / check internal process configurations",
        description="Kiểm tra hoặc vẽ quy trình nội bộ, quy trình điện tử đọc từ tệp CSV theo "
        "mẫu của tthc hoặc tệp JSON. / Check or draw internal electronic processes (quy trình "
        "nội bộ) read from a CSV file in the tthc layout or a JSON file.",
    )
    sub = wf.add_subparsers(dest="workflow_command", metavar="ACTION", required=True)
    check = sub.add_parser(
        "check",
        help="in các phát hiện; mã thoát 1 khi có lỗi / print the findings; exit 1 when there "
        "are errors",
        description="Kiểm tra mọi quy trình của FILE; mã thoát 0 không có lỗi, 1 có lỗi, 2 đầu "
        "vào sai. / Validate every workflow of FILE. Exit codes: 0 no error (warnings and infos "
        "allowed), 1 at least one error, 2 bad input.",
    )
    check.add_argument("file", metavar="FILE", help=_FILE_HELP)
    check.add_argument(
        "--on",
        metavar="DATE",
        help="ngày kiểm tra / date to check on, DD/MM/YYYY or YYYY-MM-DD (default: each "
        "workflow's valid_from)",
    )
    check.add_argument(
        "--unit",
        metavar="CODE|NAME",
        help="xã/tỉnh dùng quy trình / the commune or province using the process, by code "
        "(31135) or name (checks the signer)",
    )
    check.add_argument("--json", action="store_true", help="in dạng JSON / print JSON")
    check.set_defaults(func=guarded(_check))

    diagram = sub.add_parser(
        "diagram",
        help="vẽ sơ đồ Mermaid của quy trình / print the Mermaid flowchart of a workflow",
        description="In một sơ đồ Mermaid: quy trình của FILE, hoặc quy trình --workflow khi "
        "FILE có nhiều quy trình. / Print one Mermaid flowchart: the workflow of FILE, or the "
        "one --workflow names when FILE holds several.",
    )
    diagram.add_argument("file", metavar="FILE", help=_FILE_HELP)
    diagram.add_argument(
        "--workflow",
        metavar="KEY",
        help="quy trình cần vẽ / the workflow to draw when FILE holds several: its procedure "
        "code (1.001193) or CODE@VERSION",
    )
    diagram.set_defaults(func=guarded(_diagram))


def _validated(args: argparse.Namespace) -> list[_Checked]:
    """Return each workflow of the file with its check date and its findings."""
    from tthc.workflows import load, validate  # noqa: PLC0415 - keep `tthc --help` fast

    fixed = parse_date_arg(args.on, "--on") if args.on else None
    unit = args.unit
    if unit is not None and not (unit.strip().isascii() and unit.strip().isdigit()):
        unit = resolve_unit_arg(unit, "--unit", on=fixed).code  # a name: its code
    results: list[_Checked] = []
    for wf in load(args.file):
        day = fixed or wf.validity.start
        if day is None:
            raise DataFileError(
                f"Ngày kiểm tra (check date): workflow {wf.key} has no valid_from; pass --on",
                hint="tthc workflow check FILE --on 2026-07-01",
                file=args.file,
            )
        results.append((wf, day, validate(wf, on=day, unit=unit)))
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
            f"{status} ({len(report.errors)} lỗi / errors, {len(report.warnings)} cảnh báo / "
            f"warnings, {len(report.infos)} thông tin / notes)"
        )
        for finding in report:
            print(f"  {finding}")
    return 1 if failed else 0


def _diagram(args: argparse.Namespace) -> int:
    """Print one flowchart: two ``flowchart TD`` blocks in one stream are not a diagram."""
    from tthc.workflows import load, mermaid  # noqa: PLC0415

    found = load(args.file)
    if args.workflow is not None:
        found = tuple(wf for wf in found if args.workflow.strip() in (wf.key, wf.procedure_code))
    if len(found) != 1:
        keys = ", ".join(wf.key for wf in load(args.file))
        what = "no workflow" if not found else f"{len(found)} workflows"
        named = f" named {args.workflow!r}" if args.workflow is not None else ""
        return usage_error(
            f"{args.file} has {what}{named}; one diagram is drawn at a time: choose one with "
            f"--workflow KEY (keys: {keys or 'none'})"
        )
    wf = found[0]
    print(f"%% {wf.procedure_code} {wf.version}")
    print(mermaid(wf), end="")
    return 0
