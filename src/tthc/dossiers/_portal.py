"""The status-change record a province sends to the national portal (its codes: `data/dossier_rules.json`)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import attrs

from tthc._time import VN_TZ
from tthc.calendar._defaults import resolve_office_hours
from tthc.dossiers._clock import end_of_day
from tthc.dossiers._dossier import Dossier
from tthc.dossiers._state import Supplement
from tthc.errors import InputTypeError, InvalidEvent

__all__: list[str] = []  # private module: the names are exported by tthc.dossiers


@attrs.frozen(slots=True)
class SupplementRecord:
    """One supplement, as the national portal records it (``DanhSachHoSoBoSung``).

    Times are ``yyyyMMddHHmmss`` in Vietnam time; empty when not applicable yet.
    """

    requested_at: str
    received_at: str
    previous_due: str
    new_due: str


@attrs.frozen(slots=True)
class PortalStatusRecord:
    """A status-change record for the national portal (its codes: `data/dossier_rules.json`).

    Times are ``yyyyMMddHHmmss`` in Vietnam time; empty strings where not applicable.
    """

    dossier_code: str
    procedure_code: str
    channel_code: int
    status_code: int
    status_name: str
    event: str
    changed_at: str
    actor_unit: str
    actor_role: str
    content: str
    submitted_at: str
    received_at: str
    due_at: str
    finished_at: str
    delivered_at: str
    refused_at: str
    supplements: tuple[SupplementRecord, ...]

    def to_portal_dict(self) -> dict[str, Any]:
        """Return the record with the field names of the portal's sync services."""
        return {
            "MaHoSo": self.dossier_code,
            "MaTTHC": self.procedure_code,
            "KenhThucHien": self.channel_code,
            "TrangThaiHoSo": self.status_code,
            "ThoiDiemXuLy": self.changed_at,
            "PhongBanXuLy": self.actor_unit,
            "ChucDanh": self.actor_role,
            "NoiDungXuLy": self.content,
            "NgayNopHoSo": self.submitted_at,
            "NgayTiepNhan": self.received_at,
            "NgayHenTra": self.due_at,
            "NgayKetThucXuLy": self.finished_at,
            "NgayTra": self.delivered_at,
            "NgayTuChoi": self.refused_at,
            "DanhSachHoSoBoSung": [
                {
                    "NgayBoSung": s.requested_at,
                    "NgayTiepNhanBoSung": s.received_at,
                    "NgayHenTraTruoc": s.previous_due,
                    "NgayHenTraMoi": s.new_due,
                }
                for s in self.supplements
            ],
        }


def _stamp(value: _dt.datetime | None) -> str:
    return "" if value is None else value.astimezone(VN_TZ).strftime("%Y%m%d%H%M%S")


def _event_index(dossier: Dossier, event_index: int | None) -> int:
    count = len(dossier.events)
    if count == 0:
        raise InvalidEvent(
            f"Hồ sơ chưa có sự kiện (no events): dossier {dossier.code} has nothing to report",
            dossier_code=dossier.code,
            reason="no_events",
        )
    index = count - 1 if event_index is None else event_index
    if isinstance(index, bool) or not isinstance(index, int):
        raise InputTypeError("event_index must be an int or None", argument="event_index")
    if index < 0:
        index += count
    if not 0 <= index < count:
        raise InvalidEvent(
            f"Sự kiện không tồn tại (no such event): index {event_index} for a dossier with "
            f"{count} events",
            dossier_code=dossier.code,
            reason="no_such_event",
            index=event_index,
        )
    return index


def _supplements(supplement: Supplement | None, dossier: Dossier) -> tuple[SupplementRecord, ...]:
    if supplement is None:
        return ()
    hours = resolve_office_hours(dossier.office_hours)
    after = supplement.new_due
    record = SupplementRecord(
        requested_at=_stamp(supplement.requested_at),
        received_at=_stamp(supplement.received_at),
        previous_due=_stamp(end_of_day(supplement.previous_due, hours)),
        new_due=_stamp(None if after is None else end_of_day(after, hours)),
    )
    return (record,)


def portal_status_record(dossier: Dossier, event_index: int | None = None) -> PortalStatusRecord:
    """Build the status-change record a province sends to the national portal.

    Args:
        dossier: The dossier.
        event_index: Which event's status change to report (negative indexes count from the
            end); ``None`` for the latest.

    Raises:
        InvalidEvent: The dossier has no events, or ``event_index`` is out of range.
    """
    if not isinstance(dossier, Dossier):
        raise InputTypeError("dossier must be a Dossier", argument="dossier")
    index = _event_index(dossier, event_index)
    prefix = (
        dossier
        if index == len(dossier.events) - 1
        else attrs.evolve(dossier, events=dossier.events[: index + 1])
    )
    state = prefix._state
    times = state.times
    event = prefix.events[-1]
    code = state.status.portal_code
    assert code is not None  # only DRAFT lacks one, and a dossier with events is not DRAFT
    due = prefix.deadline
    return PortalStatusRecord(
        dossier_code=dossier.code,
        procedure_code=dossier.procedure_code,
        channel_code=dossier.channel.portal_code,
        status_code=code,
        status_name=state.status.name_vi,
        event=event.kind.value,
        changed_at=_stamp(event.at),
        actor_unit=event.actor.unit,
        actor_role=event.actor.role.name_vi,
        content=event.reason or event.kind.name_vi,
        submitted_at=_stamp(times.submitted_at or times.accepted_at),
        received_at=_stamp(times.accepted_at),
        due_at=_stamp(None if due is None else due.due_at),
        finished_at=_stamp(times.finished_at),
        delivered_at=_stamp(times.delivered_at),
        refused_at=_stamp(times.refused_at),
        supplements=_supplements(state.requests.supplement, prefix),
    )
