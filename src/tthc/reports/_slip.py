"""Phiếu kiểm soát quá trình giải quyết hồ sơ: the process control slip each dossier carries.

The slip (form 06 of the one-stop forms, Thông tư 03/2025/TT-VPCP, as reported) lists every
hand-over of the dossier: who gave it, who received it, when, the step's own time limit where the
plan gives one, and whether the step finished before, on or after it — then the dossier's result.
tthc builds it from the dossier's event log, so it can never disagree with the due dates.
"""

from __future__ import annotations

import datetime as _dt
import html
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from tthc._time import VN_TZ
from tthc.errors import InputTypeError, ReportError

if TYPE_CHECKING:
    from tthc.dossiers import Dossier
    from tthc.workflows import Workflow

# Events that move the dossier from one hand to another, and who receives it.
_HANDOVERS = {
    "accepted": "competent",
    "forwarded": "to_unit",
    "supplement_requested": "applicant",
    "supplement_received": "reception",
    "result_issued": "reception",
    "refused_after_review": "reception",
    "result_delivered": "applicant",
}
_RESULTS_VI = {"early": "Trước hạn", "on_time": "Đúng hạn", "late": "Quá hạn"}
_OVERALL_VI = {**_RESULTS_VI, "in_time": "Đang giải quyết, trong hạn", "overdue": "Quá hạn"}


@attrs.frozen(slots=True)
class SlipEntry:
    """One hand-over on the slip.

    Attributes:
        event_index: The event of the dossier's log it comes from; ``None`` for a step of the
            internal workflow.
        event: The event kind's value (``"forwarded"``), or ``"step:<id>"`` for a workflow step.
        giver: Who handed the dossier over (the actor's unit or name).
        receiver: Who received it.
        at: When (aware, Vietnam time).
        step_due: The receiving step's own limit as an instant, where the plan gives one.
        handed_on_at: When the receiver handed the dossier on (the next hand-over), if it did.
        result: ``"early"``, ``"on_time"`` or ``"late"`` for a step with a limit that was
            handed on; ``None`` otherwise.
    """

    event_index: int | None
    event: str
    giver: str
    receiver: str
    at: _dt.datetime
    step_due: _dt.datetime | None = None
    handed_on_at: _dt.datetime | None = None
    result: str | None = None

    @property
    def result_vi(self) -> str:
        """``"Trước hạn"``, ``"Đúng hạn"``, ``"Quá hạn"`` or ``""``."""
        return "" if self.result is None else _RESULTS_VI[self.result]


@attrs.frozen(slots=True)
class ControlSlip:
    """The process control slip of one dossier.

    Attributes:
        dossier_code: Mã hồ sơ.
        procedure_code: The procedure.
        competent_unit: Cơ quan giải quyết.
        due_date: The due date in force.
        entries: The hand-overs, oldest first.
        result: The dossier's timeliness as of ``as_of`` (``"early"`` … ``"overdue"``).
    """

    dossier_code: str
    procedure_code: str
    competent_unit: str
    due_date: _dt.date | None
    entries: tuple[SlipEntry, ...]
    result: str | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready slip (instants ISO 8601 in Vietnam time)."""

        def stamp(value: _dt.datetime | None) -> str | None:
            return None if value is None else value.astimezone(VN_TZ).isoformat()

        return {
            "dossier_code": self.dossier_code,
            "procedure_code": self.procedure_code,
            "competent_unit": self.competent_unit,
            "due_date": None if self.due_date is None else self.due_date.isoformat(),
            "result": self.result,
            "entries": [
                {
                    "event_index": e.event_index,
                    "event": e.event,
                    "giver": e.giver,
                    "receiver": e.receiver,
                    "at": stamp(e.at),
                    "step_due": stamp(e.step_due),
                    "handed_on_at": stamp(e.handed_on_at),
                    "result": e.result,
                }
                for e in self.entries
            ],
        }

    def to_html(self) -> str:
        """The slip as a printable HTML page (no external resources)."""
        esc = html.escape
        rows = "".join(
            f"<tr><td>{i}</td><td>Giao: {esc(e.giver)}<br>Nhận: {esc(e.receiver)}</td>"
            f"<td>{_when(e.at)}</td><td>{_when(e.step_due) if e.step_due else ''}</td>"
            f"<td>{esc(e.result_vi)}</td></tr>"
            for i, e in enumerate(self.entries, 1)
        )
        overall = _OVERALL_VI.get(self.result or "", "")
        due = "" if self.due_date is None else self.due_date.strftime("%d/%m/%Y")
        return (
            '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Phiếu kiểm soát '
            f"{esc(self.dossier_code)}</title><style>body{{font-family:sans-serif}}"
            "table{border-collapse:collapse}td,th{border:1px solid #000;padding:3px 6px}"
            "</style></head><body><h1>PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ</h1>"
            f"<p>Mã hồ sơ: {esc(self.dossier_code)} — Thủ tục: {esc(self.procedure_code)}</p>"
            f"<p>Cơ quan giải quyết: {esc(self.competent_unit)} — Ngày hẹn trả: {due}</p>"
            "<table><tr><th>STT</th><th>Tên cơ quan, bộ phận giao, nhận</th>"
            "<th>Thời gian giao, nhận hồ sơ</th><th>Hạn của bước</th>"
            f"<th>Kết quả giải quyết</th></tr>{rows}</table>"
            f"<p>Kết quả giải quyết hồ sơ: {esc(overall)}</p></body></html>"
        )


def _when(at: _dt.datetime | None) -> str:
    if at is None:
        return ""
    local = at.astimezone(VN_TZ)
    return f"{local:%H} giờ {local:%M} phút, ngày {local:%d/%m/%Y}"


def _receiver(dossier: Dossier, event: Any, rule: str) -> str:
    if rule == "to_unit":
        return str(event.to_unit)
    if rule == "competent":
        return dossier.competent_unit
    if rule == "reception":
        return dossier.reception_unit
    return "Tổ chức, cá nhân (người nộp hồ sơ)"


def _step_result(due: _dt.datetime | None, done: _dt.datetime | None) -> str | None:
    if due is None or done is None:
        return None
    due_day, done_day = due.astimezone(VN_TZ).date(), done.astimezone(VN_TZ).date()
    if done_day < due_day:
        return "early"
    return "on_time" if done_day == due_day else "late"


def control_slip(
    dossier: Dossier,
    *,
    as_of: _dt.datetime | None = None,
    workflow: Workflow | None = None,
    step_completions: Mapping[str, _dt.datetime] | None = None,
) -> ControlSlip:
    """Build the process control slip of ``dossier``.

    From the event log: each hand-over (acceptance, forwarding, supplement request and receipt,
    result, delivery) is one entry. A forwarding with its own time (``time_allowed``) carries
    that step's due instant, and the step is judged (by date, as the reports do) on when the
    receiver handed the dossier on.

    With its internal ``workflow`` ([`tthc.workflows`][tthc.workflows]) and the completion instant of each
    step (``step_completions``, step id → aware instant, from the province's system): one entry
    per step instead, from the roles it depends on to its own role, with the step's due instant
    as [`tthc.workflows.schedule`][tthc.workflows.schedule] plans it from the acceptance, judged on its completion.

    Args:
        dossier: The dossier.
        as_of: Judges an open dossier (aware); default: its last event.
        workflow: The dossier's internal process, if the slip should follow its steps.
        step_completions: With ``workflow``: when each step was completed.
    """
    from tthc.dossiers import Dossier  # noqa: PLC0415 - the dossiers package is heavier

    if not isinstance(dossier, Dossier):
        raise InputTypeError(
            f"Phiếu kiểm soát (control slip): pass a Dossier, got {type(dossier).__name__}",
            argument="dossier",
        )
    entries = (
        _event_entries(dossier)
        if workflow is None
        else _workflow_entries(dossier, workflow, step_completions or {})
    )
    when = as_of if as_of is not None else (dossier.events[-1].at if dossier.events else None)
    timeliness = None if when is None else dossier.timeliness(when)
    return ControlSlip(
        dossier_code=dossier.code,
        procedure_code=dossier.procedure_code,
        competent_unit=dossier.competent_unit,
        due_date=dossier.due_date,
        entries=entries,
        result=None if timeliness is None else timeliness.value,
    )


def _workflow_entries(
    dossier: Dossier, workflow: Workflow, completions: Mapping[str, _dt.datetime]
) -> tuple[SlipEntry, ...]:
    from tthc.workflows import schedule  # noqa: PLC0415 - only when a workflow is given

    accepted = dossier.accepted_at
    if accepted is None:
        raise ReportError(
            f"Phiếu kiểm soát (control slip): dossier {dossier.code} was never accepted, so "
            "its internal steps have no plan",
            dossier=dossier.code,
        )
    plan = schedule(
        workflow, accepted, calendar=dossier.calendar, office_hours=dossier.office_hours
    )
    steps = {step.id: step for step in workflow.steps}
    unknown = sorted(set(completions) - set(steps))
    if unknown:
        raise ReportError(
            f"Phiếu kiểm soát (control slip): step {unknown[0]!r} is not a step of the workflow",
            hint="steps: " + ", ".join(sorted(steps)),
            step=unknown[0],
        )
    entries = []
    for due in plan:
        step = steps[due.step_id]
        before = [completions.get(d) for d in step.depends_on]
        started = max((t for t in before if t is not None), default=accepted)
        done = completions.get(step.id)
        entries.append(
            SlipEntry(
                event_index=None,
                event=f"step:{step.id}",
                giver=", ".join(steps[d].role for d in step.depends_on) or dossier.reception_unit,
                receiver=step.role,
                at=started,
                step_due=due.due,
                handed_on_at=done,
                result=_step_result(due.due, done),
            )
        )
    return tuple(entries)


def _event_entries(dossier: Dossier) -> tuple[SlipEntry, ...]:
    step_dues = {h.event_index: h.step_due for h in dossier.handoffs()}
    raw: list[SlipEntry] = []
    for index, event in enumerate(dossier.events):
        rule = _HANDOVERS.get(event.kind.value)
        if rule is None:
            continue
        due = step_dues.get(index)
        raw.append(
            SlipEntry(
                event_index=index,
                event=event.kind.value,
                giver=event.actor.unit,
                receiver=_receiver(dossier, event, rule),
                at=event.at,
                step_due=None if due is None else due.due_at,
            )
        )
    return tuple(
        attrs.evolve(
            entry,
            handed_on_at=nxt.at if nxt else None,
            result=_step_result(entry.step_due, nxt.at if nxt else None),
        )
        for entry, nxt in zip(raw, [*raw[1:], None], strict=True)
    )
