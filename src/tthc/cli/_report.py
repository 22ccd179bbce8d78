"""``tthc report``: the statistics of Thông tư 09/2026/TT-BTP from saved dossiers.

Example::

    tthc report period 2026-09
    tthc report 07a --period 2026-09 dossiers.jsonl --online-as partial
    tthc report 07a --period 2026-Q3 HS-*.json --fields fields.csv --xlsx 07a.xlsx --json

Dossiers are files written by ``tthc.serde.to_json`` (one dossier per ``.json`` file, or one per
line of a ``.jsonl`` file). The field (lĩnh vực) of each procedure comes from the bundled
catalogue unless ``--fields`` gives a CSV ``procedure_code,field``.
"""

from __future__ import annotations

import argparse
import csv
import io
from typing import TYPE_CHECKING, Any

from tthc._data import parse_csv, read_source
from tthc.cli._common import dump_json, guarded, usage_error
from tthc.errors import DataFileError, ReportError, TthcError, UnknownProcedure

if TYPE_CHECKING:
    from tthc.dossiers import Dossier
    from tthc.reports import Form07a, ReportPeriod

__all__: list[str] = []  # private module: `register` is called by tthc.cli

_WHAT = "Tệp hồ sơ (dossier file)"


_PERIOD_HELP = "kỳ báo cáo / period: 2026-09 (month), 2026-Q3, 2026-H1 or 2026"


def register(subparsers: Any) -> None:
    """Add the ``report`` subcommand (``period``, ``07a``) to an argparse ``subparsers``."""
    parser = subparsers.add_parser(
        "report",
        help="báo cáo TT 09/2026/TT-BTP / the TT 09/2026 statistical reports (Biểu 07a)",
        description="Kỳ báo cáo và Biểu 07a/BTP/KSTT của Thông tư 09/2026/TT-BTP. / Reporting "
        "periods and form 07a/BTP/KSTT of Thông tư 09/2026/TT-BTP.",
    )
    commands = parser.add_subparsers(dest="report_command", metavar="SUBCOMMAND", required=True)
    period = commands.add_parser(
        "period",
        help="kỳ báo cáo và ngày chốt số liệu / the dates a reporting period covers",
        description="In các ngày của kỳ báo cáo (ngày 15 tháng trước đến ngày 14). / Print the "
        "dates a period covers (15th of the previous month to the 14th).",
    )
    period.add_argument("period", metavar="PERIOD", help=_PERIOD_HELP)
    period.add_argument("--json", action="store_true", help="in dạng JSON / print JSON")
    period.set_defaults(func=guarded(_period))
    form = commands.add_parser(
        "07a",
        help="Biểu 07a/BTP/KSTT từ hồ sơ / form 07a from saved dossiers",
        description="Lập Biểu 07a/BTP/KSTT của một kỳ từ hồ sơ đã lưu. / Fill form "
        "07a/BTP/KSTT for a period from dossiers saved with to_json.",
    )
    form.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="tệp hồ sơ / dossier files, .json (one dossier) or .jsonl (one per line)",
    )
    form.add_argument("--period", required=True, metavar="PERIOD", help=_PERIOD_HELP)
    form.add_argument(
        "--fields",
        metavar="FIELDS.csv",
        help="lĩnh vực của thủ tục / field of each procedure, CSV procedure_code,field",
    )
    form.add_argument(
        "--online-as",
        choices=("full", "partial"),
        help="cách tính hồ sơ trực tuyến / count every dossier filed online without its kind "
        "(channel 'online') as fully "
        "(toàn trình) or partly online; dossiers recorded as online_full or online_partial are "
        "counted as recorded; without it, an 'online' dossier is refused (the form counts the "
        "two kinds apart)",
    )
    form.add_argument("--reporter", default="…", help="Đơn vị báo cáo / reporting body")
    form.add_argument("--recipient", default="…", help="Đơn vị nhận báo cáo / receiving body")
    form.add_argument(
        "--xlsx", metavar="OUT.xlsx", help="ghi thêm tệp Excel / also write the form as XLSX"
    )
    form.add_argument(
        "--html", metavar="OUT.html", help="ghi thêm tệp HTML / also write the form as HTML"
    )
    form.add_argument("--csv", action="store_true", help="in dạng CSV / print CSV")
    form.add_argument("--json", action="store_true", help="in dạng JSON / print JSON")
    form.set_defaults(func=guarded(_form_07a))


def _period(args: argparse.Namespace) -> int:
    from tthc.reports import parse_period  # noqa: PLC0415 - keep `tthc --help` cheap

    period = parse_period(args.period)
    if args.json:
        data = {**period.to_dict(), "filed": period.is_filed}
        print(dump_json(data))
        return 0
    print(f"{period.label} {period.range_label}")
    if not period.is_filed:
        print("(kỳ này không phải nộp báo cáo riêng theo Điều 9 / not filed on its own, Điều 9)")
    return 0


def _load_dossiers(paths: list[str]) -> list[Dossier]:
    from tthc.dossiers import Dossier  # noqa: PLC0415
    from tthc.serde import from_json  # noqa: PLC0415

    dossiers = []
    for path in paths:
        text, name = read_source(path, what=_WHAT)
        if name.endswith(".jsonl"):
            for number, line in enumerate(text.splitlines(), start=1):
                if line.strip():
                    dossiers.append(_one(from_json, Dossier, line, f"{name}:{number}"))
        else:
            dossiers.append(_one(from_json, Dossier, text, name))
    return dossiers


def _one(from_json: Any, cls: Any, text: str, where: str) -> Dossier:
    try:
        return from_json(text, cls)  # type: ignore[no-any-return]
    except TthcError as err:  # the same error, naming the file (and line) it came from
        raise type(err)(f"{where}: {err.message}", hint=err.hint, **err.context) from None


def _fields(path: str | None) -> dict[str, str] | None:
    if path is None:
        return None
    text, name = read_source(path, what="Bảng lĩnh vực (fields file)")
    header = next(csv.reader(io.StringIO(text)), [])
    if not {"procedure_code", "field"} <= {column.strip() for column in header}:
        raise DataFileError(
            f"Bảng lĩnh vực (fields file) {name} needs the columns procedure_code,field",
            hint="one row per procedure: 1.001193,Hộ tịch",
            file=name,
        )
    return {row["procedure_code"].strip(): row["field"].strip() for row in parse_csv(text, name)}


def _form_07a(args: argparse.Namespace) -> int:
    from tthc.reports import form_07a, parse_period, to_html, write_xlsx  # noqa: PLC0415

    if args.json and args.csv:  # one document on standard output, never two
        return usage_error("--csv and --json both print the form: choose one of them")
    period = parse_period(args.period)
    online = None if args.online_as is None else (lambda _d: args.online_as == "full")
    fields = _fields(args.fields)
    try:
        form = form_07a(_load_dossiers(args.files), period, fields=fields, online_full=online)
    except UnknownProcedure as err:
        raise UnknownProcedure(
            err.message, hint="give --fields FIELDS.csv (procedure_code,field)", **err.context
        ) from None
    except ReportError as err:
        hint = (
            "record the channel as online_full or online_partial in the dossier files, or give "
            "--online-as full or --online-as partial"
            if err.context.get("reason") == "online_kind_unknown"
            else err.hint
        )
        raise ReportError(err.message, hint=hint, **err.context) from None
    if args.xlsx:
        write_xlsx(form, args.xlsx, reporter=args.reporter, recipient=args.recipient)
    if args.html:
        with open(args.html, "w", encoding="utf-8") as handle:
            handle.write(to_html(form, reporter=args.reporter, recipient=args.recipient))
    if args.json:
        print(dump_json(form.to_dict()))
    elif args.csv:
        print(form.to_csv(), end="")
    else:
        print(_text(form, period))
    return 0


def _text(form: Form07a, period: ReportPeriod) -> str:
    numbers = [f"({n})" for n in range(3, 16)]
    width = max([len(r.field) for r in form.rows] + [len("TỔNG CỘNG"), 20])
    lines = [
        f"Biểu số 07a/BTP/KSTT — {period.label} {period.range_label}",
        f"{'Lĩnh vực giải quyết':<{width}} " + " ".join(f"{n:>5}" for n in numbers),
    ]
    for row in (*form.rows, form.total):
        cells = " ".join(f"{v:>5}" for v in row.by_number().values())
        lines.append(f"{row.field:<{width}} {cells}")
    lines.append("(3) tiếp nhận · (8) từ kỳ trước · (9) đã giải quyết · (13) đang giải quyết")
    return "\n".join(lines)
