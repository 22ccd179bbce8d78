"""The ``tthc deadline`` subcommand: due date of a dossier from its acceptance time and limit.

Example::

    tthc deadline --accepted "2026-04-29 10:00" --time "05 ngày làm việc"
    tthc deadline --accepted "2026-04-29T10:00+07:00" --time "1,5 ngày làm việc" --json
    tthc deadline --accepted "2026-04-29 16:00" --procedure 1.001193 --channel "Trực tiếp"

A ``--accepted`` value without a UTC offset is read as Vietnam time (UTC+7).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from tthc._cli_common import parse_instant_arg
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
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--time",
        dest="time_text",
        help="processing time as written, e.g. '05 ngày làm việc', '10 ngày', 'trong ngày'",
    )
    source.add_argument(
        "--procedure",
        metavar="CODE",
        help="national procedure code (e.g. 1.001193): take the processing time from the "
        "bundled catalogue",
    )
    parser.add_argument(
        "--channel",
        default="Trực tiếp",
        help="with --procedure: filing channel as published (default 'Trực tiếp'; "
        "'Trực tuyến', 'Dịch vụ bưu chính')",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(func=handle)


def _procedure_time(code: str, channel: str) -> tuple[str, str]:
    """Return a label and the processing-time text of ``code`` for ``channel``.

    The channel's own text is used when tthc can read it; portals often publish only a bare
    number there (unit unknown, refused by the parser), and then the procedure-wide text of the
    record applies to every channel. The label says which text was used.
    """
    from tthc.errors import ProcessingTimeParseError  # noqa: PLC0415
    from tthc.procedures import load_catalog  # noqa: PLC0415

    procedure = load_catalog()[code]
    published = sorted({rule.channel for rule in procedure.processing_rules if rule.channel})
    own = procedure.rules_for(channel)
    if published and not own:
        raise InputTypeError(
            f"Kênh nộp hồ sơ (filing channel) {channel!r} is not published for {code}",
            hint=f"choose --channel among {published}",
            argument="--channel",
        )
    general = [r for r in procedure.processing_rules if r.channel is None and r.parsed]
    readable = [r for r in own if r.parsed] or general
    if not readable:
        raise ProcessingTimeParseError(
            f"Thời hạn giải quyết (processing time) of {code} is not published in a form tthc "
            "can read",
            hint="pass --time with the processing time text",
            procedure=code,
            channel=channel,
        )
    rule = readable[0]
    where = rule.channel or "mọi kênh / all channels"
    label = f"Thủ tục (procedure): {procedure.name_vi} [{procedure.code}] — {where}: {rule.text}"
    return label, rule.text


def handle(args: argparse.Namespace) -> int:
    """Run the subcommand; return the exit status (2 on any tthc error)."""
    from tthc.deadlines import compute_deadline, parse_processing_time  # noqa: PLC0415

    try:
        accepted = parse_instant_arg(
            args.accepted, "--accepted", "Thời điểm tiếp nhận (acceptance time)"
        )
        label = None
        if args.procedure is not None:
            label, text = _procedure_time(args.procedure, args.channel)
        else:
            text = args.time_text
        processing_time = parse_processing_time(text)
        deadline = compute_deadline(accepted, processing_time)
    except TthcError as err:
        print(f"error[{err.code}]: {err}", file=sys.stderr)
        return 2
    if args.json:
        data = deadline.to_dict()
        if args.procedure is not None:
            data = {"procedure": args.procedure, "processing_time_text": text, **data}
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        if label is not None:
            print(label)
        print(f"Ngày hẹn trả (due date): {deadline.due_date:%d/%m/%Y}")
        for line in deadline.explain():
            print(line)
    return 0
