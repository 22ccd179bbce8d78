"""``tthc calendar YEAR`` and ``tthc workdays FROM TO``."""

from __future__ import annotations

import argparse
import datetime as _dt
from typing import Any

from tthc._time import format_date, format_weekday_date
from tthc.cli._common import day_json, dump_json, guarded, parse_date_arg
from tthc.errors import CalendarRangeError

__all__: list[str] = []  # private module: `register` is called by tthc.cli


_STRICT_HELP = "từ chối năm chưa công bố lịch nghỉ / refuse years not yet announced"


def register(subparsers: Any) -> None:
    """Add the ``calendar`` and ``workdays`` subcommands."""
    cal = subparsers.add_parser(
        "calendar",
        help="ngày nghỉ và ngày làm bù của một năm / days off and make-up days of a year",
        description="In ngày nghỉ và ngày làm bù của khu vực công trong năm YEAR, kèm văn bản "
        "của từng ngày. / Print the public-sector days off and make-up working days of YEAR, "
        "with the document behind each.",
    )
    cal.add_argument("year", metavar="YEAR", type=int, help="năm / year, e.g. 2026")
    cal.add_argument("--json", action="store_true", help="in dạng JSON / print JSON")
    cal.add_argument("--strict", action="store_true", help=_STRICT_HELP)
    cal.set_defaults(func=guarded(_calendar))

    work = subparsers.add_parser(
        "workdays",
        help="số ngày làm việc giữa hai ngày / working days between two dates",
        description="Đếm ngày làm việc x với FROM < x <= TO và liệt kê các ngày không làm việc. "
        "/ Count the working days x with FROM < x <= TO and list the days skipped.",
    )
    work.add_argument("start", metavar="FROM", help="từ ngày / from, DD/MM/YYYY or YYYY-MM-DD")
    work.add_argument("end", metavar="TO", help="đến ngày / to, DD/MM/YYYY or YYYY-MM-DD")
    work.add_argument("--json", action="store_true", help="in dạng JSON / print JSON")
    work.add_argument("--strict", action="store_true", help=_STRICT_HELP)
    work.set_defaults(func=guarded(_workdays))


def _calendar(args: argparse.Namespace) -> int:
    from tthc.calendar import civil_service_calendar  # noqa: PLC0415 - keep `tthc --help` fast

    cal = civil_service_calendar(strict=args.strict)
    year: int = args.year
    if not cal.first_day.year <= year <= cal.last_day.year:
        raise CalendarRangeError(
            f"Năm ngoài phạm vi lịch (year outside the calendar range): {year} is not one of the "
            f"years {cal.first_day.year}–{cal.last_day.year} tthc's calendar covers",
            hint=f"give YEAR from {cal.first_day.year} to {cal.last_day.year}",
            year=year,
        )
    days = cal.special_days(year)
    first, last = _dt.date(year, 1, 1), _dt.date(year, 12, 31)
    start = max(first - _dt.timedelta(days=1), cal.first_day)
    count = cal.working_days_between(start, last) + (
        0 if start < first else int(cal.is_working_day(start))
    )
    provisional = cal.is_provisional(last)
    if args.json:
        data = {
            "year": year,
            "working_days": count,
            "provisional": provisional,
            "data_version": cal.data_version,
            "days": [day_json(info) for info in days],
        }
        print(dump_json(data))
        return 0
    status = "DỰ KIẾN / projected" if provisional else "chính thức / official"
    print(f"Lịch làm việc khu vực công {year} ({status}) — {count} ngày làm việc / working days")
    for info in days:
        marker = "làm việc" if info.is_working_day else "nghỉ"
        source = info.legal_ref.cite() if info.legal_ref else ""
        print(f"  {format_weekday_date(info.date):<19}  {marker:<8}  {info.name_vi}")
        print(f"  {'':19}  {'':<8}  {info.name_en} — {source}")
    return 0


def _workdays(args: argparse.Namespace) -> int:
    from tthc.calendar import civil_service_calendar  # noqa: PLC0415

    cal = civil_service_calendar(strict=args.strict)
    start = parse_date_arg(args.start, "FROM")
    end = parse_date_arg(args.end, "TO")
    count = cal.working_days_between(start, end)
    low, high = sorted((start, end))
    skipped = cal.non_working_days(low, high)
    provisional = cal.is_provisional(high)
    if args.json:
        data = {
            "from": start.isoformat(),
            "to": end.isoformat(),
            "working_days": count,
            "provisional": provisional,
            "skipped": [day_json(info) for info in skipped],
        }
        print(dump_json(data))
        return 0
    note = " (dự kiến / provisional)" if provisional else ""
    print(
        f"{count} ngày làm việc / working days from {format_date(start)} "
        f"(not counted) to {format_date(end)}{note}"
    )
    if skipped:
        print("Ngày không làm việc / days skipped:")
        for info in skipped:
            print(f"  {info.describe()}")
    return 0
