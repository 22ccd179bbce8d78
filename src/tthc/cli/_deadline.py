"""``tthc deadline``: the due date of a dossier from its acceptance time and processing time.

Example::

    tthc deadline --accepted "2026-04-29 10:00" --time "05 ngày làm việc"
    tthc deadline --accepted "2026-04-29T10:00+07:00" --time "1,5 ngày làm việc" --json
    tthc deadline --accepted "2026-04-29 16:00" --procedure 1.001193 --channel "Trực tiếp"

A ``--accepted`` value without a UTC offset is read as Vietnam time (UTC+7).
"""

from __future__ import annotations

import argparse
import datetime as _dt
from typing import TYPE_CHECKING, Any

from tthc.cli._common import (
    day_json,
    dump_json,
    guarded,
    parse_instant_arg,
    resolve_procedure_arg,
)
from tthc.errors import CaseRequired, InputTypeError, ProcessingTimeParseError, TthcError

if TYPE_CHECKING:
    from tthc.deadlines import Deadline, ProcessingTime

__all__: list[str] = []  # private module: `register` is called by tthc.cli


def register(subparsers: Any) -> None:
    """Add the ``deadline`` subcommand to an argparse ``subparsers`` object."""
    parser = subparsers.add_parser(
        "deadline",
        help="hạn giải quyết hồ sơ / due date (ngày hẹn trả) of a dossier",
        description=(
            "Tính ngày hẹn trả của hồ sơ tiếp nhận lúc --accepted với thời hạn giải quyết --time "
            "(như văn bản ghi, ví dụ '05 ngày làm việc') hoặc của thủ tục --procedure. / Compute "
            "the due date of a dossier accepted at --accepted with the processing time --time "
            "(Vietnamese wording, e.g. '05 ngày làm việc') or the one of --procedure. A "
            "--accepted value without a UTC offset is read as Vietnam time (UTC+7)."
        ),
    )
    parser.add_argument(
        "--accepted",
        required=True,
        metavar='"DATE HH:MM"',
        help="thời điểm tiếp nhận, ngày và giờ / acceptance date and time: '29/04/2026 10:00' "
        "or '2026-04-29 10:00' (Vietnam time), or with an offset '2026-04-29T10:00+07:00'",
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--time",
        dest="time_text",
        metavar="TEXT",
        help="thời hạn giải quyết như văn bản ghi / processing time as written, e.g. "
        "'05 ngày làm việc', '10 ngày', 'trong ngày' ('5 ngay lam viec' without diacritics "
        "where unambiguous)",
    )
    source.add_argument(
        "--procedure",
        metavar="CODE|NAME",
        help="thủ tục trong danh mục / procedure of the bundled catalogue, by code (1.001193) "
        "or name ('đăng ký khai sinh'): its published processing time",
    )
    parser.add_argument(
        "--channel",
        help="kênh nộp hồ sơ / filing channel: with --procedure, as published (default "
        "'Trực tiếp', or the only channel the procedure publishes; 'Trực tuyến', 'Dịch vụ bưu "
        "chính'); with --time, the channel whose "
        "time applies when the text gives one per channel",
    )
    parser.add_argument(
        "--case",
        metavar="WORDS",
        help="trường hợp áp dụng / the case that applies, in words of its label (accents "
        "optional), when the processing time has several cases with no default",
    )
    parser.add_argument("--json", action="store_true", help="in dạng JSON / print JSON")
    parser.set_defaults(func=guarded(_deadline))


def _procedure_time(code: str, channel: str | None, case: str | None) -> tuple[str, str, str, bool]:
    """Return a label, the processing-time text, the channel, and whether ``case`` chose the row.

    Without ``--channel`` the channel is [`Procedure.default_channel`][tthc.procedures.Procedure.default_channel]:
    the counter, or the only channel published; several others ask for ``--channel``.

    [`Procedure.timed_rule`][tthc.procedures.Procedure.timed_rule] chooses: the channel's own text when tthc can
    read it, else the procedure-wide text (portals often publish only a bare number per
    channel). The label says which text was used.
    """
    from tthc.procedures import load_catalog  # noqa: PLC0415 - keep `tthc --help` fast

    procedure = load_catalog()[code]
    channel = channel or procedure.default_channel()
    try:
        rule, used = procedure.timed_rule(channel), False
    except CaseRequired:  # before its base class ProcessingTimeParseError
        if case is None:
            raise
        rule, used = procedure.timed_rule(channel, case), True
    except ProcessingTimeParseError as err:
        if err.context.get("reason") == "unreadable":
            raise _unreadable(err, code) from None
        if err.context.get("reason") != "unknown_channel":
            raise
        raise InputTypeError(
            f"Kênh nộp hồ sơ (filing channel) {channel!r} is not published for {code}",
            hint="choose --channel among " + ", ".join(f"'{c}'" for c in err.context["channels"]),
            argument="--channel",
        ) from None
    where = rule.channel or "mọi kênh / all channels"
    label = f"Thủ tục (procedure): {procedure.name_vi} [{procedure.code}] — {where}: {rule.text}"
    return label, rule.text, channel, used


def _unreadable(err: ProcessingTimeParseError, code: str) -> ProcessingTimeParseError:
    """The refusal of a catalogue time tthc cannot read, its reasons labelled in Vietnamese."""
    from tthc.cli._procedure import _REFUSALS  # noqa: PLC0415 - one table of labels

    reasons = [str(r) for r in err.context.get("reasons", ())]
    labelled = "; ".join(f"{_REFUSALS[r]} ({r})" if r in _REFUSALS else r for r in reasons)
    return ProcessingTimeParseError(
        f"Thời hạn giải quyết (processing time) of {code} is not published in a form tthc can "
        f"read; lý do / reasons: {labelled or 'không công bố thời hạn / none published'}",
        hint=f"tthc procedure show {code} prints the published text; give the time that "
        'applies with --time TEXT, e.g. --time "5 ngày làm việc"',
        **err.context,
    )


def _deadline_json(deadline: Deadline) -> dict[str, Any]:
    """Return ``Deadline.to_dict()`` in the CLI's one JSON shape (``tthc schema deadline``).

    A list of references is ``legal_refs``; a skipped day has the shape of ``tthc calendar``'s
    days; ``then`` (the durations of the later steps of a sequence) and ``parts`` are always
    present.
    """
    data = deadline.to_dict()
    data["skipped"] = [day_json(info) for info in deadline.skipped]
    data["then"] = [step.to_dict() for step in deadline.then]
    data["parts"] = list(deadline.parts)
    return data


def _check_channel(accepted: _dt.datetime, time: ProcessingTime, case: str | None) -> None:
    """Refuse ``--channel`` with a ``--time`` whose limit is the same for every channel.

    The channel is honoured when the text gives one time per channel; otherwise it would be
    ignored, and an option is never ignored silently.
    """
    from tthc.deadlines import CaseKind, compute_deadline  # noqa: PLC0415

    if any(c.kind is CaseKind.CHANNEL for c in time.cases):
        return
    try:
        compute_deadline(accepted, time, case=case)
    except CaseRequired as err:
        if err.context.get("reason") == "channel_required":
            return
    except TthcError:
        return  # the computation with the channel reports it
    raise InputTypeError(
        "Kênh nộp hồ sơ (filing channel): --channel does not apply, the processing time "
        f"{time.source!r} is the same for every channel",
        hint="drop --channel, or give --procedure CODE --channel C to use the time the "
        "catalogue publishes for that channel",
        argument="--channel",
    )


def _deadline(args: argparse.Namespace) -> int:
    from tthc.deadlines import compute_deadline, parse_processing_time  # noqa: PLC0415

    accepted = parse_instant_arg(
        args.accepted, "--accepted", "Thời điểm tiếp nhận (acceptance time)"
    )
    label, channel, case = None, None, args.case
    try:
        if args.procedure is not None:
            args.procedure = resolve_procedure_arg(args.procedure, "--procedure")
            label, text, channel, row_chosen = _procedure_time(args.procedure, args.channel, case)
        else:
            text, channel, row_chosen = args.time_text, args.channel, False
        time = parse_processing_time(text)
        if row_chosen and not time.cases:
            case = None  # --case chose the record's row; the row's text has no cases of its own
        if args.procedure is None and channel is not None:
            _check_channel(accepted, time, case)
        deadline = compute_deadline(accepted, time, case=case, channel=channel)
    except CaseRequired as err:  # name the options, not the Python arguments
        what = "--channel" if err.context.get("reason") == "channel_required" else "--case"
        raise CaseRequired(
            err.message,
            hint=f"give {what} with one of: {', '.join(err.context.get('cases', ()))}",
            **err.context,
        ) from None
    if args.json:
        data = {"procedure": args.procedure, "processing_time_text": text}
        print(dump_json({**data, **_deadline_json(deadline)}))
        return 0
    if label is not None:
        print(label)
    print(f"Ngày hẹn trả (due date): {deadline.due_date:%d/%m/%Y}")
    print(deadline.explain())
    return 0
