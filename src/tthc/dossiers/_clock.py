"""The dossier's processing time: the due date set at acceptance and every revision of it.

The arithmetic and its legal rules are those of [`tthc.deadlines`][tthc.deadlines] (this module is the only
place that calls it): a revision ties the new [`Deadline`][tthc.deadlines.Deadline] to the event
that caused it, the due date it replaced and the legal basis.
"""

from __future__ import annotations

import datetime as _dt

from tthc._time import VN_TZ
from tthc.calendar import OfficeHours, WorkCalendar
from tthc.deadlines import (
    Alternative,
    AlternativeKind,
    Deadline,
    Duration,
    ProcessingTime,
    compute_deadline,
    extend,
    pause_for_financial_obligation,
    switch_to_alternative,
)
from tthc.deadlines._lifecycle import restarted
from tthc.dossiers._records import DeadlineRevision, DeadlineRevisionKind
from tthc.dossiers._state import Clock, Context, Extension, Replay
from tthc.errors import DurationError, ExtensionNotAllowed, InvalidEvent
from tthc.legal import LegalRef

__all__: list[str] = []  # private module

_REASONS = {
    DeadlineRevisionKind.SET: "tiếp nhận hồ sơ: bắt đầu tính thời hạn (dossier accepted: the processing time starts)",
    DeadlineRevisionKind.RESTARTED: "nhận đủ hồ sơ bổ sung: thời hạn tính lại từ đầu (complete supplement received: the limit restarts from zero)",
    DeadlineRevisionKind.VERIFICATION: "cần xác minh: áp dụng thời hạn dài hơn (verification needed: the longer limit applies)",
}

_EXTENSION_REFUSALS = {
    "not_later": "must be later than the due date in force",
    "not_a_working_day": "must be a working day",
}


def base_duration(limit: ProcessingTime | Duration) -> Duration:
    """Return the single base limit (a [`ProcessingTime`][tthc.deadlines.ProcessingTime] without one is refused)."""
    if isinstance(limit, Duration):
        return limit
    return limit.require_base()


def _verification_alternative(limit: ProcessingTime | Duration) -> Alternative | None:
    # ProcessingTime.alternative without its refusal (an error built and caught costs µs)
    if isinstance(limit, Duration):
        return None
    return next((alt for alt in limit.alternatives if alt.kind is _BY_VERIFICATION), None)


# bound once: on Python 3.11 an enum member read off its class costs 100–400 ns (see _transitions)
_BY_VERIFICATION = AlternativeKind.VERIFICATION
_SET = DeadlineRevisionKind.SET
_RESTARTED = DeadlineRevisionKind.RESTARTED
_VERIFICATION = DeadlineRevisionKind.VERIFICATION


def deadline(
    start: _dt.datetime, limit: ProcessingTime | Duration, cal: WorkCalendar, hours: OfficeHours
) -> Deadline:
    """Compute the deadline of ``limit`` from ``start`` on the dossier's calendar.

    ``start`` is in Vietnam time (``VN_TZ``: the replay converts each event's instant once),
    so that `compute_deadline` takes its fast path; a ProcessingTime keeps its "counted from
    the next working day after 15 giờ" rule.
    """
    return compute_deadline(start, limit, calendar=cal, office_hours=hours)


def end_of_day(day: _dt.date, hours: OfficeHours) -> _dt.datetime:
    """Return the end of office hours on ``day`` (the due instant of a day limit)."""
    return _dt.datetime.combine(day, hours.closes, tzinfo=VN_TZ)


def _revision(
    step: Replay, kind: DeadlineRevisionKind, new: Deadline, previous: _dt.date | None
) -> DeadlineRevision:
    text = _REASONS[kind]
    if step.event.reason:
        text = f"{text} ({step.event.reason})"
    # the fields in their order, positional: keywords cost a replay 0.35 µs a revision
    return DeadlineRevision(
        step.event_index,
        step.at,
        kind,
        new.due_date,
        new.due_at,
        previous,
        text,
        step.row.legal_ref,
        new,
    )


def start(step: Replay) -> Clock:
    """Acceptance: the processing time starts (Điều 17.3)."""
    ctx: Context = step.ctx
    new = deadline(step.local, ctx.processing_time, ctx.calendar, ctx.hours)
    return Clock(new, (_revision(step, _SET, new, None), None))


def restart(clock: Clock, step: Replay) -> Clock:
    """A complete supplement: the limit restarts from zero (Điều 19.5)."""
    # restart_after_supplement without its checks: the log's order puts the event after the
    # clock's start, and its instant in Vietnam time is at hand
    new = restarted(clock.deadline, step.local, clock.deadline.calendar)
    revision = _revision(step, _RESTARTED, new, clock.current.due_date)
    return Clock(new, (revision, clock.history), clock.verification, clock.extension)


def verify(clock: Clock, step: Replay) -> Clock:
    """Verification: switch once to the longer alternative limit, if the procedure has one."""
    alternative = _verification_alternative(step.ctx.processing_time)
    if alternative is None or clock.verification:
        return clock
    try:
        new = switch_to_alternative(clock.deadline, alternative, recorded_at=step.at)
    except DurationError:
        new = clock.deadline  # the conditional limit is not longer: nothing changes
    history = clock.history
    if new.due_at > clock.deadline.due_at:
        revision = _revision(step, _VERIFICATION, new, clock.current.due_date)
        history = (revision, history)
    return Clock(new, history, True, clock.extension)


def extended(clock: Clock, step: Replay) -> Clock:
    """The one extension with an apology (Điều 19.6); a late notice is the caller's breach.

    Raises:
        InvalidEvent: The new due date is not later than the one in force, or not a working day.
    """
    event = step.event
    assert event.new_due_date is not None  # the event's validators require it
    previous = clock.current.due_date
    try:
        # Điều 19.6 (tthc.deadlines holds the rule); a late notice is recorded as a breach
        new = extend(
            clock.deadline,
            requested_on=step.day,
            new_duration_or_due=event.new_due_date,
            allow_late=True,
        )
    except ExtensionNotAllowed as err:
        reason = err.context.get("reason")
        if reason not in _EXTENSION_REFUSALS:
            raise
        raise InvalidEvent(
            f"Ngày hẹn mới (new due date) {event.new_due_date.isoformat()} "
            f"{_EXTENSION_REFUSALS[reason]} (due date in force {previous.isoformat()})",
            dossier_code=step.ctx.code,
            reason=f"extension_{reason}",
            index=step.event_index,
        ) from None
    revision = DeadlineRevision(
        event_index=step.event_index,
        at=step.at,
        kind=DeadlineRevisionKind.EXTENDED,
        due_date=new.due_date,
        due_at=new.due_at,
        previous_due_date=previous,
        reason=event.reason,
        legal_ref=event.legal_ref or step.row.legal_ref,
        deadline=new,
    )
    extension = Extension(step.event_index, step.day, previous, new.due_date)
    return Clock(new, (revision, clock.history), clock.verification, extension)


def payment_excluded(clock: Clock, step: Replay, requested_at: _dt.datetime) -> Clock:
    """Sector law excludes the time waiting for payment: the due date moves by that time."""
    ref: LegalRef = step.ctx.sector_rules.legal_ref or step.row.legal_ref
    moved = pause_for_financial_obligation(
        clock.deadline,
        requested_at=requested_at,
        completed_at=step.at,
        excluded_from_limit=True,
        legal_ref=ref,
    )
    if moved.due_at == clock.deadline.due_at:
        return Clock(moved, clock.history, clock.verification, clock.extension)
    revision = DeadlineRevision(
        event_index=step.event_index,
        at=step.at,
        kind=DeadlineRevisionKind.PAYMENT_EXCLUDED,
        due_date=moved.due_date,
        due_at=moved.due_at,
        previous_due_date=clock.deadline.due_date,
        reason="time waiting for payment excluded by sector law: " + moved.history[-1].reason,
        legal_ref=ref,
        deadline=moved,
    )
    return Clock(moved, (revision, clock.history), clock.verification, clock.extension)
