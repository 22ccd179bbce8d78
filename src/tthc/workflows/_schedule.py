"""[`schedule`][tthc.workflows.schedule]: the due instant of every step for a dossier accepted at a given time."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping

import attrs

from tthc._time import VN_TZ
from tthc._validate import to_vietnam_time
from tthc.calendar import OfficeHours, WorkCalendar
from tthc.calendar._defaults import resolve
from tthc.deadlines import Duration, DurationUnit, compute_deadline, working_time_between
from tthc.errors import DataFileError, InputTypeError
from tthc.workflows._budgets import add_working, working_time
from tthc.workflows._graph import phase_index, require_schedulable
from tthc.workflows._model import Step, Workflow

__all__: list[str] = []  # private module: the names are exported by tthc.workflows


@attrs.frozen(slots=True)
class StepDue:
    """Planned start and due instant of one step for one dossier.

    Attributes:
        step_id: The step.
        name: Its name.
        start: When the step can start (all it depends on is due), Vietnam time.
        due: When it is due, Vietnam time.
        budget: Its budget.
        working_time: Working time between ``start`` and ``due``.
        phase: Its phase id.
        branch: Its branch label.
    """

    step_id: str
    name: str
    start: _dt.datetime
    due: _dt.datetime
    budget: Duration
    working_time: _dt.timedelta
    phase: str = ""
    branch: str = ""


def step_due(
    step: Step, start: _dt.datetime, cal: WorkCalendar, hours: OfficeHours
) -> _dt.datetime:
    """When ``step`` is due if it starts at ``start``.

    Working time is added inside the office windows; a same-day budget follows the dossier rule
    (the next working day after its cut-off; with no cut-off, at the latest when the office
    closes); calendar days end on a working day (Civil Code Art. 148.5).
    """
    budget = step.budget
    local = start.astimezone(VN_TZ)
    if budget.unit is DurationUnit.SAME_DAY and budget.cutoff is None:
        budget = Duration.same_day(hours.closes)
    if budget.unit in (DurationUnit.SAME_DAY, DurationUnit.CALENDAR_DAY):
        return compute_deadline(local, budget, calendar=cal, office_hours=hours).due_at
    span = working_time(budget, hours)
    assert span is not None  # every other step unit is working time
    return add_working(local, span, cal, hours)


def phase_starts_of(
    workflow: Workflow, phase_starts: Mapping[str, _dt.datetime] | None
) -> dict[str, _dt.datetime]:
    """Check ``phase_starts`` and convert its instants to Vietnam time.

    Raises:
        InputTypeError: not a mapping, or an instant is not a datetime.
        DataFileError: a key is not a phase of the workflow.
        NaiveDatetimeError: an instant has no time zone.
    """
    if phase_starts is None:
        return {}
    if not isinstance(phase_starts, Mapping):
        raise InputTypeError(
            "Thời điểm bắt đầu giai đoạn (phase_starts) must be a mapping of phase id to datetime",
            argument="phase_starts",
        )
    known = {p.id for p in workflow.phases}
    out: dict[str, _dt.datetime] = {}
    for key, value in phase_starts.items():
        if key not in known:
            raise DataFileError(
                f"Giai đoạn (phase) {key!r} is not in the workflow", field="phase_starts"
            )
        out[key] = to_vietnam_time(value, f"phase_starts[{key!r}]")
    return out


def schedule(
    workflow: Workflow,
    accepted_at: _dt.datetime,
    *,
    calendar: WorkCalendar | None = None,
    office_hours: OfficeHours | None = None,
    phase_starts: Mapping[str, _dt.datetime] | None = None,
) -> tuple[StepDue, ...]:
    """Return the due instant of every step for a dossier accepted at ``accepted_at``.

    A step starts when every step it depends on is due (steps of different branches run
    concurrently; a join waits for all of them) and, in a later phase, when all earlier phases
    are done. Budgets in working time are added inside the office windows on working days
    (lunch, weekends, holidays skipped; a start outside the windows begins at the next window);
    a same-day budget is due at the close of the day it starts (the next working day after its
    cut-off); calendar days are counted as days, the end rolled to a working day.

    Args:
        workflow: The process.
        accepted_at: When the dossier was accepted (aware datetime).
        calendar: Working-day calendar (default: the civil-service calendar).
        office_hours: Office windows (default 07:30–11:30, 13:00–17:00).
        phase_starts: For phases that wait for the applicant (e.g. payment of financial
            obligations), when the phase could start; a phase never starts before the earlier
            phases are done.

    Returns:
        One [`StepDue`][tthc.workflows.StepDue] per step, in execution order.

    Raises:
        DataFileError: the workflow names an unknown step or has a cycle.
        NaiveDatetimeError: ``accepted_at`` has no time zone.
        CalendarRangeError: a date falls outside the calendar.
    """
    ordered = require_schedulable(workflow)
    start0 = to_vietnam_time(accepted_at, "accepted_at")
    cal, hours = resolve(calendar, office_hours)
    resume = phase_starts_of(workflow, phase_starts)
    phase = phase_index(workflow)
    due: dict[str, _dt.datetime] = {}
    phase_open: dict[int, _dt.datetime] = {}
    out: list[StepDue] = []
    for sid in ordered:
        step = workflow.step(sid)
        p = phase[sid]
        if p not in phase_open:
            opened = max((due[o] for o in due if phase[o] < p), default=start0)
            if workflow.phases and workflow.phases[p].id in resume:
                opened = max(opened, resume[workflow.phases[p].id])
            phase_open[p] = opened
        start = max([phase_open[p], *(due[d] for d in step.depends_on)])
        due[sid] = step_due(step, start, cal, hours)
        out.append(_planned(step, start, due[sid], cal, hours))
    return tuple(out)


def _planned(
    step: Step, start: _dt.datetime, end: _dt.datetime, cal: WorkCalendar, hours: OfficeHours
) -> StepDue:
    return StepDue(
        step_id=step.id,
        name=step.name,
        start=start,
        due=end,
        budget=step.budget,
        working_time=working_time_between(start, end, calendar=cal, office_hours=hours),
        phase=step.phase,
        branch=step.branch,
    )
