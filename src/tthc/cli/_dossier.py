"""``tthc dossier show`` and ``tthc dossier portal``: read a dossier saved with ``to_json``.

Example::

    tthc dossier show HS-0001.json --as-of "2026-04-30 17:00"
    tthc dossier show HS-0001.json --json
    tthc dossier portal HS-0001.json --json

``show`` prints the status, the due date in force, the deadline history, the timeline and the
timeliness; ``portal`` prints the status records a province sends to the national portal, one
per event. An ``--as-of`` value without a UTC offset is read as Vietnam time (UTC+7); without
``--as-of`` the dossier is judged at its last event. ``show`` exits 1 (problems found) when the
dossier is late or overdue (quá hạn) at the report instant.
"""

from __future__ import annotations

import argparse
import datetime as _dt
from typing import TYPE_CHECKING, Any

from tthc._data import read_source
from tthc._time import VN_TZ, format_date, format_instant
from tthc.cli._common import dump_json, guarded, parse_instant_arg, ref_json
from tthc.deadlines import Timeliness
from tthc.errors import DataFileError

if TYPE_CHECKING:
    from tthc.dossiers import DeadlineRevision, Dossier, TimelineEntry

__all__: list[str] = []  # private module: `register` is called by tthc.cli

_WHAT = "Tệp hồ sơ (dossier file)"
_HINT = "give the path of a dossier JSON file, as the tthc library saves it (serde.to_json)"


def register(subparsers: Any) -> None:
    """Add the ``dossier`` subcommand (``show``, ``portal``) to an argparse ``subparsers``."""
    parser = subparsers.add_parser(
        "dossier",
        help="xem hồ sơ và bản ghi đồng bộ Cổng DVCQG / status, due date and portal records of a saved dossier",
        description=(
            "Đọc hồ sơ đã lưu dạng JSON và in trạng thái, hạn trả, lịch sử hạn, diễn biến, tình "
            "trạng đúng hạn, hoặc bản ghi đồng bộ Cổng DVCQG. / Read a dossier saved as JSON "
            "(tthc.serde.to_json) and show its status, due date, deadline history, timeline and "
            "timeliness, or the national portal status records."
        ),
    )
    commands = parser.add_subparsers(dest="dossier_command", metavar="SUBCOMMAND", required=True)
    show = commands.add_parser(
        "show",
        help="trạng thái, hạn trả, diễn biến; mã thoát 1 khi quá hạn / status, due date, "
        "deadline history, timeline, timeliness; exit 1 when late",
        description=(
            "Xem hồ sơ tại một thời điểm (mặc định: sự kiện cuối); mã thoát 1 khi quá hạn. / "
            "Show a saved dossier as of an instant (default: its last event). Exit 1 when it is "
            "late (quá hạn) or overdue at that instant, 0 otherwise."
        ),
    )
    show.add_argument(
        "file", metavar="FILE.json", help="tệp hồ sơ / the dossier, as saved by to_json"
    )
    show.add_argument(
        "--as-of",
        dest="as_of",
        metavar='"DATE HH:MM"',
        help="thời điểm xét, ngày và giờ / report date and time: '30/04/2026 17:00' or "
        "'2026-04-30 17:00' (Vietnam time), or with an offset",
    )
    show.add_argument("--json", action="store_true", help="in dạng JSON / print JSON")
    show.set_defaults(func=guarded(_show))
    portal = commands.add_parser(
        "portal",
        help="bản ghi trạng thái gửi Cổng DVCQG / national portal status records (one per event)",
        description=(
            "In các bản ghi thay đổi trạng thái gửi Cổng Dịch vụ công quốc gia, mỗi sự kiện một "
            "bản ghi. / Print the status-change records sent to the national portal "
            "(TrangThaiHoSo 1-10, NgayHenTra, DanhSachHoSoBoSung ...), one per event, oldest first."
        ),
    )
    portal.add_argument(
        "file", metavar="FILE.json", help="tệp hồ sơ / the dossier, as saved by to_json"
    )
    portal.add_argument("--json", action="store_true", help="in dạng JSON / print JSON")
    portal.set_defaults(func=guarded(_portal))


# --- input ---------------------------------------------------------------------------------------


def _load(path: str) -> Dossier:
    from tthc.dossiers import Dossier  # noqa: PLC0415 - keep `tthc --help` cheap
    from tthc.serde import from_json  # noqa: PLC0415

    try:
        text, _ = read_source(path, what=_WHAT)
    except DataFileError as err:
        raise DataFileError(err.message, hint=err.hint or _HINT, **err.context) from None
    return from_json(text, Dossier)


# --- show ----------------------------------------------------------------------------------------


def _stamp(value: _dt.datetime | None) -> str | None:
    return None if value is None else value.astimezone(VN_TZ).isoformat()


def _revision_json(revision: DeadlineRevision) -> dict[str, Any]:
    return {
        "event_index": revision.event_index,
        "kind": revision.kind.value,
        "at": _stamp(revision.at),
        "due_date": revision.due_date.isoformat(),
        "due_at": _stamp(revision.due_at),
        "previous_due_date": (
            None if revision.previous_due_date is None else revision.previous_due_date.isoformat()
        ),
        "reason": revision.reason,
        "legal_ref": ref_json(revision.legal_ref),
    }


def _entry_json(entry: TimelineEntry) -> dict[str, Any]:
    return {
        "event_index": entry.event_index,
        "event": entry.event.value,
        "actor": {"role": entry.actor.role.value, "unit": entry.actor.unit},
        "status": entry.status.value,
        "status_vi": entry.status.name_vi,
        "start": _stamp(entry.start),
        "end": _stamp(entry.end),
        "duration_seconds": None if entry.duration is None else entry.duration.total_seconds(),
    }


def _summary(dossier: Dossier, as_of: _dt.datetime | None) -> dict[str, Any]:
    last = dossier.events[-1].at if dossier.events else None
    report = as_of if as_of is not None else last
    view = dossier if report is None else dossier.as_of(report)
    current = view.deadline
    timeliness = None if report is None else view.timeliness(report)
    return {
        "code": dossier.code,
        "procedure_code": dossier.procedure_code,
        "channel": dossier.channel.value,
        "reception_unit": dossier.reception_unit,
        "competent_unit": dossier.competent_unit,
        "as_of": _stamp(report),
        "as_of_source": "argument" if as_of is not None else "last event",
        "events": len(view.events),
        "status": view.status.value,
        "status_vi": view.status.name_vi,
        "status_en": view.status.name_en,
        "portal_code": view.status.portal_code,
        "due_date": None if current is None else current.due_date.isoformat(),
        "due_at": None if current is None else _stamp(current.due_at),
        "finished_at": _stamp(view.finished_at),
        "timeliness": None if timeliness is None else timeliness.value,
        "timeliness_vi": None if timeliness is None else timeliness.name_vi,
        "deadline_history": [_revision_json(r) for r in view.deadline_history()],
        "timeline": [_entry_json(e) for e in view.timeline(report)],
        "breaches": [
            {
                "code": b.code,
                "event_index": b.event_index,
                "at": _stamp(b.at),
                "message": b.message,
                "legal_ref": ref_json(b.legal_ref),
            }
            for b in view.breaches
        ],
    }


def _duration_text(span: _dt.timedelta | None) -> str:
    from tthc.formatting import decimal_vi  # noqa: PLC0415 - keep `tthc --help` fast

    return "…" if span is None else f"{decimal_vi(span.total_seconds() / 3600, 1)} giờ"


def _show_lines(dossier: Dossier, as_of: _dt.datetime | None) -> list[str]:
    """The text for people: Vietnamese labels, weekday dates, decimal commas (issue 21)."""
    report = as_of if as_of is not None else (dossier.events[-1].at if dossier.events else None)
    view = dossier if report is None else dossier.as_of(report)
    deadline = view.deadline
    timeliness = None if report is None else view.timeliness(report)
    source = "theo --as-of" if as_of is not None else "sự kiện cuối / last event"
    code = view.status.portal_code
    lines = [
        f"Hồ sơ (dossier) {dossier.code} — thủ tục (procedure) {dossier.procedure_code}",
        f"Kênh (channel): {dossier.channel.name_vi}; tiếp nhận (reception): "
        f"{dossier.reception_unit}",
        f"Thời điểm xét (as of): {_instant(report)} ({source})",
        f"Trạng thái (status): {view.status.name_vi}"
        + (f" — mã Cổng DVCQG (portal code) {code}" if code is not None else ""),
        "Hạn trả (due): "
        + (_instant(deadline.due_at) if deadline else "— (chưa tiếp nhận / not accepted yet)"),
    ]
    if timeliness is not None:
        lines.append(f"Tình trạng (timeliness): {timeliness.name_vi}")
    lines.append("Lịch sử hạn (deadline history):")
    for r in view.deadline_history():
        previous = f"{format_date(r.previous_due_date)} → " if r.previous_due_date else ""
        lines.append(
            f"  #{r.event_index} {r.kind.name_vi}: {previous}{format_date(r.due_date)} — {r.reason}"
        )
        lines.append(f"      căn cứ (legal basis): {r.legal_ref.cite()}")
    lines.append("Diễn biến (timeline):")
    lines.extend(
        f"  #{e.event_index} {_instant(e.start)} {e.event.name_vi} ({e.actor.unit}) → "
        f"{e.status.name_vi} [{_duration_text(e.duration)}]"
        for e in view.timeline(report)
    )
    if view.breaches:
        lines.append("Vi phạm (breaches):")
        lines.extend(f"  #{b.event_index} {b.code}: {b.message}" for b in view.breaches)
    return lines


def _instant(at: _dt.datetime | None) -> str:
    return "—" if at is None else format_instant(at)


def _show(args: argparse.Namespace) -> int:
    as_of = (
        None
        if args.as_of is None
        else parse_instant_arg(args.as_of, "--as-of", "Thời điểm báo cáo (report instant)")
    )
    dossier = _load(args.file)
    data = _summary(dossier, as_of)
    if args.json:
        print(dump_json(data))
    else:
        print("\n".join(_show_lines(dossier, as_of)))
    return 1 if data["timeliness"] in _PROBLEMS else 0


_PROBLEMS = (Timeliness.LATE.value, Timeliness.OVERDUE.value)
"""Timeliness at the report instant that makes ``dossier show`` exit 1 (problems found)."""


# --- portal --------------------------------------------------------------------------------------


def _print_portal(code: str, records: list[dict[str, Any]]) -> None:
    print(f"Hồ sơ (dossier) {code}: {len(records)} bản ghi (records)")
    for record in records:
        print(
            f"  {record['ThoiDiemXuLy']} TrangThaiHoSo={record['TrangThaiHoSo']} "
            f"NgayHenTra={record['NgayHenTra'] or '—'} {record['PhongBanXuLy']}: "
            f"{record['NoiDungXuLy']}"
        )
        for s in record["DanhSachHoSoBoSung"]:
            print(
                f"      bổ sung (supplement): {s['NgayBoSung']} → {s['NgayTiepNhanBoSung'] or '—'}"
                f"; NgayHenTraTruoc={s['NgayHenTraTruoc']} NgayHenTraMoi={s['NgayHenTraMoi'] or '—'}"
            )


def _portal(args: argparse.Namespace) -> int:
    from tthc.dossiers import portal_status_record  # noqa: PLC0415

    dossier = _load(args.file)
    records = [
        portal_status_record(dossier, index).to_portal_dict()
        for index in range(len(dossier.events))
    ]
    if args.json:
        print(dump_json(records))
    else:
        _print_portal(dossier.code, records)
    return 0
