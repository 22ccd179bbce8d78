"""The ``tthc deadline`` subcommand: due date of a dossier from its acceptance time and limit.

Example::

    tthc deadline --accepted "2026-04-29 10:00" --time "05 ngày làm việc"
    tthc deadline --accepted "2026-04-29T10:00+07:00" --time "1,5 ngày làm việc" --json

A ``--accepted`` value without a UTC offset is read as Vietnam time (UTC+7).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
from typing import Any

from tthc._validate import VN_TZ
from tthc.errors import InputTypeError, TthcError

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add the ``deadline`` subcommand to an argparse ``subparsers`` object."""
    parser = subparsers.add_parser(
        "deadline",
        help="hạn giải quyết hồ sơ / due date (ngày hẹn trả) of a dossier",
        description=(
            "Compute the due date of a dossier accepted at --accepted with the processing time "
            "--time (Vietnamese wording, e.g. '05 ngày làm việc'). A --accepted value without "
            "a UTC offset is read as Vietnam time (UTC+7)."
        ),
    )
    parser.add_argument(
        "--accepted",
        required=True,
        help="acceptance time, ISO 8601: '2026-04-29 10:00' (Vietnam time) or with an offset",
    )
    parser.add_argument(
        "--time",
        required=True,
        dest="time_text",
        help="processing time as written, e.g. '05 ngày làm việc', '10 ngày', 'trong ngày'",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(func=handle)


def _parse_accepted(text: str) -> _dt.datetime:
    try:
        value = _dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise InputTypeError(
            f"Thời điểm tiếp nhận (acceptance time) {text!r} is not an ISO date-time",
            hint="write e.g. '2026-04-29 10:00' (Vietnam time) or '2026-04-29T10:00+07:00'",
            argument="--accepted",
        ) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=VN_TZ)
    return value


def handle(args: argparse.Namespace) -> int:
    """Run the subcommand; return the exit status (2 on any tthc error)."""
    from tthc.deadlines import compute_deadline, parse_processing_time  # noqa: PLC0415

    try:
        accepted = _parse_accepted(args.accepted)
        processing_time = parse_processing_time(args.time_text)
        deadline = compute_deadline(accepted, processing_time)
    except TthcError as err:
        print(f"error[{err.code}]: {err}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(deadline.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(f"Ngày hẹn trả (due date): {deadline.due_date:%d/%m/%Y}")
        for line in deadline.explain():
            print(line)
    return 0
