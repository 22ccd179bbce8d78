"""``tthc deadline``: the due date of a dossier from its acceptance time and processing time.

Example::

    tthc deadline --accepted "2026-04-29 10:00" --time "05 ngày làm việc"
    tthc deadline --accepted "2026-04-29T10:00+07:00" --time "1,5 ngày làm việc" --json
    tthc deadline --accepted "2026-04-29 16:00" --procedure 1.001193 --channel "Trực tiếp"

A ``--accepted`` value without a UTC offset is read as Vietnam time (UTC+7).
"""

from __future__ import annotations

import argparse
from typing import Any

from tthc.cli._common import dump_json, guarded, parse_instant_arg
from tthc.errors import CaseRequired, InputTypeError

__all__: list[str] = []  # private module: `register` is called by tthc.cli


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
        help="filing channel: with --procedure, as published (default 'Trực tiếp'; "
        "'Trực tuyến', 'Dịch vụ bưu chính'); with --time, the channel whose time applies "
        "when the text gives one per channel",
    )
    parser.add_argument(
        "--case",
        help="the case that applies, in words of its label, when the processing time has "
        "several cases with no default (trường hợp)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(func=guarded(_deadline))


def _procedure_time(code: str, channel: str) -> tuple[str, str]:
    """Return a label and the processing-time text of ``code`` for ``channel``.

    The channel's own text is used when tthc can read it; portals often publish only a bare
    number there (unit unknown, refused by the parser), and then the procedure-wide text of the
    record applies to every channel. The label says which text was used.
    """
    from tthc.errors import ProcessingTimeParseError  # noqa: PLC0415
    from tthc.procedures import load_catalog  # noqa: PLC0415 - keep `tthc --help` fast

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
        reasons = sorted(
            {r.parse_error_reason or "unreadable" for r in own or procedure.processing_rules}
        )
        raise ProcessingTimeParseError(
            f"Thời hạn giải quyết (processing time) of {code} is not published in a form tthc "
            f"can read; reasons: {', '.join(reasons) or 'no processing time published'}",
            hint="pass --time with the processing time text",
            procedure=code,
            channel=channel,
            reasons=reasons,
        )
    rule = readable[0]
    where = rule.channel or "mọi kênh / all channels"
    label = f"Thủ tục (procedure): {procedure.name_vi} [{procedure.code}] — {where}: {rule.text}"
    return label, rule.text


def _deadline(args: argparse.Namespace) -> int:
    from tthc.deadlines import compute_deadline, parse_processing_time  # noqa: PLC0415

    accepted = parse_instant_arg(
        args.accepted, "--accepted", "Thời điểm tiếp nhận (acceptance time)"
    )
    label, channel = None, None
    if args.procedure is not None:
        channel = args.channel or "Trực tiếp"
        label, text = _procedure_time(args.procedure, channel)
    else:
        text, channel = args.time_text, args.channel
    try:
        deadline = compute_deadline(
            accepted, parse_processing_time(text), case=args.case, channel=channel
        )
    except CaseRequired as err:  # name the options, not the Python arguments
        what = "--channel" if err.context.get("reason") == "channel_required" else "--case"
        raise CaseRequired(
            err.message,
            hint=f"give {what} with one of: {', '.join(err.context.get('cases', ()))}",
            **err.context,
        ) from None
    if args.json:
        # The deadline's own JSON shape (Deadline.to_dict): legal bases as citation strings.
        data = deadline.to_dict()
        if args.procedure is not None:
            data = {"procedure": args.procedure, "processing_time_text": text, **data}
        print(dump_json(data))
        return 0
    if label is not None:
        print(label)
    print(f"Ngày hẹn trả (due date): {deadline.due_date:%d/%m/%Y}")
    print(deadline.explain())
    return 0
