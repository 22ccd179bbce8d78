"""[`blame`][tthc.workflows.blame]: which step consumed the time of a (late) dossier."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence

import attrs

from tthc._time import format_date
from tthc._validate import to_vietnam_time
from tthc.calendar import OfficeHours, WorkCalendar
from tthc.calendar._defaults import resolve
from tthc.deadlines import working_time_between
from tthc.errors import DataFileError, InputTypeError
from tthc.workflows._graph import phase_index, require_schedulable
from tthc.workflows._model import Workflow
from tthc.workflows._schedule import StepDue, phase_starts_of, schedule, step_due

__all__: list[str] = []  # private module: the names are exported by tthc.workflows

_ZERO = _dt.timedelta(0)


def _at(moment: _dt.datetime) -> str:
    return f"{format_date(moment)} {moment:%H:%M}"


@attrs.frozen(slots=True)
class StepUsage:
    """How long one step actually took.

    Attributes:
        step_id: The step.
        started_at: When it could start (the completion of what it depends on).
        completed_at: When it was completed.
        due_at: Its due instant counted from ``started_at`` with its budget.
        used: Working time between start and completion.
        overrun: Working time past ``due_at`` (zero when on time).
    """

    step_id: str
    started_at: _dt.datetime
    completed_at: _dt.datetime
    due_at: _dt.datetime
    used: _dt.timedelta
    overrun: _dt.timedelta


@attrs.frozen(slots=True)
class Blame:
    """Which step consumed the time of a dossier ([`blame`][tthc.workflows.blame]).

    Attributes:
        step_id: The step to blame: the step with the largest overrun on the chain of steps that
            determined the finish; ``None`` when no step on that chain overran.
        late: The dossier finished after the planned end of the process.
        planned_end: The due instant of the last step in the plan.
        finished_at: The completion of the last completed step.
        delay: Working time between ``planned_end`` and ``finished_at`` (zero when not late).
        chain: The steps that determined the finish, first to last.
        usage: What every completed step used.
    """

    step_id: str | None
    late: bool
    planned_end: _dt.datetime
    finished_at: _dt.datetime
    delay: _dt.timedelta
    chain: tuple[str, ...]
    usage: tuple[StepUsage, ...]

    def explain(self) -> str:
        """One-paragraph English/Vietnamese explanation."""
        status = "trễ hạn (late)" if self.late else "đúng hạn (on time)"
        head = f"Hồ sơ {status}: finished {_at(self.finished_at)}, planned {_at(self.planned_end)}."
        if self.step_id is None:
            return head + " No step on the critical chain overran its budget."
        use = next(u for u in self.usage if u.step_id == self.step_id)
        return (
            head + f" Step {self.step_id!r} overran its budget by {use.overrun} of working time "
            f"(due {_at(use.due_at)}, done {_at(use.completed_at)})."
        )


@attrs.frozen(slots=True)
class _Clock:
    """What measuring a step needs: the calendar, the windows, the acceptance, the phases."""

    cal: WorkCalendar
    hours: OfficeHours
    accepted: _dt.datetime
    resume: Mapping[str, _dt.datetime]
    phase: Mapping[str, int]

    def between(self, start: _dt.datetime, end: _dt.datetime) -> _dt.timedelta:
        return working_time_between(start, end, calendar=self.cal, office_hours=self.hours)


def blame(
    workflow: Workflow,
    schedule_or_accepted_at: Sequence[StepDue] | _dt.datetime,
    step_completions: Mapping[str, _dt.datetime],
    *,
    calendar: WorkCalendar | None = None,
    office_hours: OfficeHours | None = None,
    phase_starts: Mapping[str, _dt.datetime] | None = None,
) -> Blame:
    """Find the step that consumed the time of a (late) dossier.

    Each completed step is measured from when it could actually start (the latest completion of
    the steps it depends on, or the acceptance / phase start) to its completion, in working time.
    The chain of steps that determined the finish is followed back from the last completion; the
    step on it with the largest overrun is blamed.

    Args:
        workflow: The process.
        schedule_or_accepted_at: The plan from [`schedule`][tthc.workflows.schedule], or the acceptance time (the plan
            is then computed).
        step_completions: Step id → completion instant (aware), from the dossier's event log.
        calendar: Working-day calendar (default: the civil-service calendar).
        office_hours: Office windows.
        phase_starts: Actual start of phases that waited for the applicant (see
            [`schedule`][tthc.workflows.schedule]), so that the wait is not blamed on a step.

    Raises:
        DataFileError: a completion names an unknown step, no step has a completion, or the
            workflow is not schedulable.
        NaiveDatetimeError: a completion has no time zone.
    """
    cal, hours = resolve(calendar, office_hours)
    plan, accepted = _plan(workflow, schedule_or_accepted_at, cal, hours, phase_starts)
    ordered = require_schedulable(workflow)
    done = _completions(workflow, step_completions)
    resume = phase_starts_of(workflow, phase_starts)
    clock = _Clock(cal, hours, accepted, resume, phase_index(workflow))
    usage: dict[str, StepUsage] = {}
    gate: dict[str, str | None] = {}
    for sid in ordered:
        measured = _measure(workflow, sid, done, clock)
        if measured is not None:
            usage[sid], gate[sid] = measured
    if not usage:
        raise DataFileError(
            "Thời điểm hoàn thành (step completions): no step can be measured — the first "
            "steps have no completion",
            field="step_completions",
        )
    last = max(usage, key=lambda s: usage[s].completed_at)
    chain = _chain(last, usage, gate)
    overran = [s for s in chain if usage[s].overrun > _ZERO]
    planned_end = max(p.due for p in plan)
    finished = usage[last].completed_at
    late = finished > planned_end
    return Blame(
        step_id=max(overran, key=lambda s: usage[s].overrun, default=None),
        late=late,
        planned_end=planned_end,
        finished_at=finished,
        delay=clock.between(planned_end, finished) if late else _ZERO,
        chain=chain,
        usage=tuple(usage[s] for s in ordered if s in usage),
    )


def _plan(
    workflow: Workflow,
    schedule_or_accepted_at: Sequence[StepDue] | _dt.datetime,
    cal: WorkCalendar,
    hours: OfficeHours,
    phase_starts: Mapping[str, _dt.datetime] | None,
) -> tuple[tuple[StepDue, ...], _dt.datetime]:
    """The plan and the acceptance instant, computed or read from a plan."""
    if isinstance(schedule_or_accepted_at, _dt.datetime):
        plan = schedule(
            workflow,
            schedule_or_accepted_at,
            calendar=cal,
            office_hours=hours,
            phase_starts=phase_starts,
        )
        return plan, to_vietnam_time(schedule_or_accepted_at, "accepted_at")
    plan = tuple(schedule_or_accepted_at)
    if not plan or not all(isinstance(p, StepDue) for p in plan):
        raise InputTypeError(
            "Kế hoạch (schedule) must be the non-empty result of schedule() or an accepted_at "
            "datetime",
            argument="schedule_or_accepted_at",
        )
    return plan, min(p.start for p in plan)


def _completions(
    workflow: Workflow, step_completions: Mapping[str, _dt.datetime]
) -> dict[str, _dt.datetime]:
    if not isinstance(step_completions, Mapping):
        raise InputTypeError(
            "Thời điểm hoàn thành (step_completions) must be a mapping of step id to datetime",
            argument="step_completions",
        )
    done: dict[str, _dt.datetime] = {}
    ids = {s.id for s in workflow.steps}
    for key, value in step_completions.items():
        if key not in ids:
            raise DataFileError(
                f"Bước (step) {key!r} of the completions is not in workflow {workflow.key}",
                field="step_completions",
                value=str(key),
            )
        done[key] = to_vietnam_time(value, f"step_completions[{key!r}]")
    if not done:
        raise DataFileError(
            "Thời điểm hoàn thành (step completions): none given, nothing to measure",
            field="step_completions",
        )
    return done


def _measure(
    workflow: Workflow, sid: str, done: Mapping[str, _dt.datetime], clock: _Clock
) -> tuple[StepUsage, str | None] | None:
    """What step ``sid`` used, and the step whose completion let it start (None: no gate).

    ``None`` when the step, or a step it depends on, has no completion.
    """
    if sid not in done:
        return None
    step = workflow.step(sid)
    p = clock.phase[sid]
    gates = [d for d in step.depends_on if d in done]
    if len(gates) != len(step.depends_on):
        return None  # a step it depends on has no completion: cannot measure
    barrier = [o for o in done if clock.phase[o] < p]
    latest = max(gates or barrier, key=lambda g: done[g], default=None)
    started = done[latest] if latest is not None else clock.accepted
    if not gates and workflow.phases:
        # a phase waits for the earlier phases (none before the first) and for its phase_starts
        started = max([started, *(done[o] for o in barrier)])
        if workflow.phases[p].id in clock.resume:
            started = max(started, clock.resume[workflow.phases[p].id])
            latest = None
    due_at = step_due(step, started, clock.cal, clock.hours)
    usage = StepUsage(
        step_id=sid,
        started_at=started,
        completed_at=done[sid],
        due_at=due_at,
        used=clock.between(started, done[sid]),
        overrun=clock.between(due_at, done[sid]) if done[sid] > due_at else _ZERO,
    )
    return usage, latest


def _chain(
    last: str, usage: Mapping[str, StepUsage], gate: Mapping[str, str | None]
) -> tuple[str, ...]:
    """The steps that determined the finish, followed back from ``last``, first to last."""
    chain: list[str] = []
    cursor: str | None = last
    while cursor is not None and cursor in usage:
        chain.append(cursor)
        cursor = gate.get(cursor)
    return tuple(reversed(chain))
