"""Applying one event to a dossier's state: the checks, then one small handler per event kind.

`step` refuses an event that does not fit (another dossier's, out of time order, not in
the regime, not in the table for this status or channel, a once-only act repeated, the wrong
actor), then lets the event's handler (one per [`EventKind`][tthc.dossiers.EventKind], in `_HANDLERS`)
write what the event changes into the [`Replay`][tthc.dossiers._state.Replay], and sets the new
status. Acts the law forbids but that happen are recorded as breaches.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Callable, Mapping
from typing import Any

from tthc._time import VN_TZ
from tthc.deadlines import Duration, latest_extension_request, supplement_closing_date
from tthc.dossiers import _clock, _legal
from tthc.dossiers._model import ActorRole, Channel, DossierEvent, DossierStatus, EventKind
from tthc.dossiers._records import Breach, Handoff, Pause, PauseReason
from tthc.dossiers._rules import EVENT_ROLES, TRANSITIONS, Transition, allowed_events, rules_for
from tthc.dossiers._state import (
    Context,
    Link,
    Replay,
    StateView,
    Supplement,
    push,
    replace_last,
)
from tthc.errors import (
    AmbiguousUnitName,
    InvalidEvent,
    InvalidTransition,
    RegimeNotModelled,
    TthcError,
    UnknownUnit,
)

__all__: list[str] = []  # private module


def vn_date(instant: _dt.datetime) -> _dt.date:
    """Return the date of ``instant`` in Vietnam."""
    return instant.astimezone(VN_TZ).date()


# --- what is allowed now -------------------------------------------------------------------------


# Enum members read at every event, bound once: on Python 3.11 reading a member off its class
# goes through the enum metaclass (100–400 ns); a module constant is one dictionary lookup.
_DRAFT = DossierStatus.DRAFT
_WAITING_FOR_SUPPLEMENT = DossierStatus.SUPPLEMENT_REQUESTED
_SUPPLEMENT_REQUESTED = EventKind.SUPPLEMENT_REQUESTED
_EXTENSION_GRANTED = EventKind.EXTENSION_GRANTED
_ONE_STOP = ActorRole.ONE_STOP
_FOR_INTAKE = PauseReason.INTAKE_COMPLETION
_FOR_SUPPLEMENT = PauseReason.SUPPLEMENT
_FOR_PAYMENT = PauseReason.PAYMENT


#: The online channels (``Channel.is_online`` reads the channel table at every call).
_ONLINE = frozenset(channel for channel in Channel if channel.is_online)

#: The acts allowed once only (Điều 19.5 and 19.6): see `once_only_block`.
_ONCE_ONLY = frozenset({EventKind.SUPPLEMENT_REQUESTED, EventKind.EXTENSION_GRANTED})


def once_only_block(state: StateView, kind: EventKind) -> str | None:
    """Return why ``kind`` is refused as a repeated once-only act, or ``None``."""
    if kind is _SUPPLEMENT_REQUESTED and state.requests.supplement is not None:
        return "supplement_already_requested"
    clock = state.clock
    if kind is _EXTENSION_GRANTED and clock is not None and clock.extension is not None:
        return "extension_already_granted"
    return None


def allowed_now(channel: Channel, state: StateView) -> tuple[EventKind, ...]:
    """Events that would be accepted now (status, channel and once-only rules)."""
    kinds = allowed_events(state.status, channel)
    return tuple(kind for kind in kinds if once_only_block(state, kind) is None)


def _refuse(
    ctx: Context,
    state: StateView,
    event: DossierEvent,
    reason: str,
    *,
    detail: str,
    rule: Transition | None = None,
    **extra: Any,
) -> InvalidTransition:
    rows = [rule] if rule is not None else rules_for(event.kind)
    allowed = allowed_now(ctx.channel, state)
    legal = "; ".join(f"{row.description} ({row.legal_ref.cite()})" for row in rows)
    allowed_text = ", ".join(kind.value for kind in allowed) or "none (final status)"
    return InvalidTransition(
        f"Chuyển trạng thái không hợp lệ (invalid transition): '{event.kind.value}' is not "
        f"allowed for dossier {ctx.code} in status '{state.status.value}' "
        f"({state.status.name_vi}): {detail}. Allowed now: {allowed_text}. Legal basis: {legal}",
        hint="record one of the allowed events, or fix the event log",
        dossier_code=ctx.code,
        status=state.status.value,
        event=event.kind.value,
        allowed=tuple(kind.value for kind in allowed),
        reason=reason,
        rule=rows[0].rule,
        legal_ref=rows[0].legal_ref,
        **extra,
    )


# --- the checks ----------------------------------------------------------------------------------


def _check_log(ctx: Context, state: StateView, event: DossierEvent, index: int) -> None:
    """Refuse an event of another dossier, or older than the last one."""
    if event.dossier_code != ctx.code:
        raise InvalidEvent(
            f"Sự kiện của hồ sơ khác (event for another dossier): the event is for "
            f"{event.dossier_code}, this dossier is {ctx.code}",
            dossier_code=ctx.code,
            event_dossier_code=event.dossier_code,
            reason="other_dossier",
            index=index,
        )
    if state.last_at is not None and event.at < state.last_at:
        raise InvalidEvent(
            f"Sự kiện sai thứ tự thời gian (event out of time order): '{event.kind.value}' at "
            f"{event.at.isoformat()} is earlier than the last event at "
            f"{state.last_at.isoformat()}",
            hint="events are appended in time order; the log cannot be rewritten",
            dossier_code=ctx.code,
            reason="out_of_order",
            index=index,
        )


def _check_regime(ctx: Context, event: DossierEvent, index: int) -> None:
    """Refuse a dossier received outside the modelled regime (rules apply as at receipt)."""
    data = _legal.rules()
    received = vn_date(event.at)
    if data.regime_validity.contains(received):
        return
    raise RegimeNotModelled(
        f"Cơ chế một cửa chưa được mô hình hoá (regime not modelled): dossier {ctx.code} "
        f"was received on {received.isoformat()}; tthc models {data.regime_name}, in force "
        f"{data.regime_validity}, and a dossier is judged under the rules in force when it was "
        "received",
        hint=(
            f"before that period dossiers followed {data.regime_before}; keep them out of "
            "tthc.dossiers (compute_deadline still counts their days on the right calendar)"
            if data.regime_validity.start is not None and received < data.regime_validity.start
            else "the rules changed after that period: update tthc"
        ),
        dossier_code=ctx.code,
        received=received,
        regime_start=data.regime_validity.start,
        regime_end=data.regime_validity.end,
        legal_ref=data.regime_ref,
        index=index,
    )


def _row(ctx: Context, state: StateView, event: DossierEvent, index: int) -> Transition:
    """Return the table row that allows ``event`` now, or refuse it."""
    kind = event.kind
    row = TRANSITIONS.get((state.status, kind))
    if row is None:
        raise _refuse(
            ctx, state, event, "status", detail="the law does not provide it now", index=index
        )
    if ctx.channel not in row.channels:
        detail = f"not for a dossier filed via {ctx.channel.value}"
        raise _refuse(ctx, state, event, "channel", detail=detail, rule=row, index=index)
    block = once_only_block(state, kind) if kind in _ONCE_ONLY else None
    if block is not None:
        raise _refuse(
            ctx, state, event, block, detail="it is allowed only once", rule=row, index=index
        )
    if event.actor.role not in EVENT_ROLES[kind]:
        allowed_roles = sorted(role.value for role in EVENT_ROLES[kind])
        raise InvalidEvent(
            f"Người thực hiện không đúng (wrong actor): '{kind.value}' is recorded by "
            f"{', '.join(allowed_roles)}, not {event.actor.role.value}",
            dossier_code=ctx.code,
            reason="wrong_actor",
            event=kind.value,
            allowed_roles=tuple(allowed_roles),
            index=index,
        )
    return row


# --- the step ------------------------------------------------------------------------------------


def step(state: Replay, event: DossierEvent, index: int) -> None:
    """Apply ``event``, the ``index``-th event of the log, to ``state`` (in place).

    Raises:
        InvalidEvent: The event does not fit the log (see the module docstring).
        InvalidTransition: The table does not allow it now.
        RegimeNotModelled: The dossier was received outside the modelled regime.
    """
    ctx = state.ctx
    at, kind, status, last = event.at, event.kind, state.status, state.last_local
    local = at if at.tzinfo is VN_TZ else at.astimezone(VN_TZ)
    if event.dossier_code != ctx.code or (last is not None and local < last):
        _check_log(ctx, state, event, index)  # raises
    if status is _DRAFT:
        _check_regime(ctx, event, index)
    allowed = _ALLOWED.get((status, kind, ctx.channel, event.actor.role))
    if allowed is None:
        row = _row(ctx, state, event, index)  # refuses the event, or allows a once-only act
        handler = _HANDLERS[kind]
    else:
        row, handler = allowed
    target = row.target
    # close an open pause when the dossier leaves a waiting status (no handler reads the
    # pauses as they were before the event)
    pauses = state.pauses
    if pauses is not None and pauses[0].end is None and target is not status:
        open_ = pauses[0]
        state.pauses = replace_last(pauses, Pause(open_.reason, open_.start, at, open_.stops_clock))
    state.event = event
    state.event_index = index
    state.row = row
    state.at = at
    state.local = local
    handler(state)  # reads the state before the event, writes what it changes
    state.status = target
    state.statuses = (target, state.statuses)
    state.last_at = at
    state.last_local = local


def _breach(step_: Replay, code: str, detail: str) -> Breach:
    text, ref = _legal.rules().breaches[code]
    return Breach(
        code=code,
        event_index=step_.event_index,
        at=step_.at,
        message=f"{text}: {detail}",
        legal_ref=ref,
    )


def _record(step_: Replay, found: list[Breach]) -> None:
    """Record the breaches ``found`` (if any)."""
    if found:
        step_.breaches = push(step_.breaches, *found)


def _limit(name: str, override: int | None) -> int:
    value = _legal.rules().limits[name].value
    return value if override is None else override


def _pause(step_: Replay, reason: PauseReason, stops_clock: bool) -> Link[Pause] | None:
    return push(step_.pauses, Pause(reason, step_.at, None, stops_clock))


# --- intake --------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _working_hours(hours: int) -> Duration:
    """The limit of ``hours`` working hours (built once: a replay checks it at every intake)."""
    return Duration.working_hours(hours)


def _intake_breaches(s: Replay) -> list[Breach]:
    # Điều 17.2.c binds online intake only; an online dossier is always decided from SUBMITTED
    # (the paper rows out of DRAFT and RETURNED_AT_INTAKE do not apply to it)
    if s.ctx.channel not in _ONLINE:
        return []
    submitted = s.last_local
    assert submitted is not None
    hours = _limit("online_intake", None)
    span = _clock_hours(hours)
    # working time never runs faster than the clock: decided within that many hours of wall
    # time, it is within that many working hours (the due instant is later still)
    if s.local - submitted <= span or _by_first_close(s, submitted, span):
        return []
    limit = _clock.deadline(submitted, _working_hours(hours), s.ctx.calendar, s.ctx.hours)
    if s.local <= limit.due_at:
        return []
    detail = (
        f"decided {s.local:%Y-%m-%d %H:%M}, due by {limit.due_at.astimezone(VN_TZ):%Y-%m-%d %H:%M}"
    )
    return [_breach(s, "online_intake_late", detail)]


@functools.lru_cache(maxsize=8)
def _clock_hours(hours: int) -> _dt.timedelta:
    return _dt.timedelta(hours=hours)


_ONE_DAY = _dt.timedelta(days=1)


def _by_first_close(s: Replay, submitted: _dt.datetime, span: _dt.timedelta) -> bool:
    """Whether ``s`` is decided by the close of the first working day after ``submitted``.

    (``submitted``: the submission in Vietnam time.)

    Then the working time between the two instants lies in that one day's windows, at most a
    day's length: within a limit (``span``) at least that long, the decision is in time (the
    due instant is not earlier), without counting the limit. That is: no working day from the
    submission date up to the day before the decision. Days outside the calendar's range take
    the full count, which names them.
    """
    office = s.ctx.hours
    at = s.local
    if office.day_length > span or at.time() > office.closes:
        return False
    try:
        before = submitted.date() - _ONE_DAY
        return s.ctx.calendar.working_days_between(before, at.date() - _ONE_DAY) == 0
    except TthcError:
        return False


def _on_submitted(s: Replay) -> None:
    if s.submitted_at is None:
        s.submitted_at = s.at


def _on_returned_at_intake(s: Replay) -> None:
    found = _intake_breaches(s)
    returns = s.intake_returns
    if returns:
        found.append(_breach(s, "intake_return_repeated", f"return #{returns + 1} at intake"))
    s.intake_returns = returns + 1
    s.pauses = _pause(s, _FOR_INTAKE, False)
    _record(s, found)


def _on_refused_at_intake(s: Replay) -> None:
    _record(s, _intake_breaches(s))
    s.refused_at = s.at


def _on_accepted(s: Replay) -> None:
    s.clock = _clock.start(s)  # the limit is counted first: its refusal comes first
    _record(s, _intake_breaches(s))
    s.accepted_at = s.at


# --- processing ----------------------------------------------------------------------------------


def _on_forwarded(s: Replay) -> None:
    event, ctx = s.event, s.ctx
    assert event.to_unit is not None  # the event's validators require it
    step_due = (
        None
        if event.time_allowed is None
        else _clock.deadline(s.local, event.time_allowed, ctx.calendar, ctx.hours)
    )
    handoff = Handoff(
        s.event_index, s.at, event.actor.unit, event.to_unit, event.time_allowed, step_due
    )
    s.handoffs = (handoff, s.handoffs)


def _on_supplement_requested(s: Replay) -> None:
    clock = s.clock
    assert clock is not None  # in process means accepted
    days = _limit("supplement_notice", s.ctx.sector_rules.supplement_notice_working_days)
    latest = s.ctx.calendar.add_working_days(vn_date(clock.deadline.accepted_at), days)
    found: list[Breach] = []
    if s.day > latest:
        detail = (
            f"requested {s.day.isoformat()}, latest {latest.isoformat()} "
            f"({days} working days after acceptance)"
        )
        found.append(_breach(s, "supplement_request_late", detail))
    actor = s.event.actor
    if actor.role is not _ONE_STOP:
        detail = f"recorded by {actor.role.value} ({actor.unit})"
        found.append(_breach(s, "supplement_not_via_one_stop", detail))
    _record(s, found)
    s.supplement = Supplement(s.at, clock.current.due_date)
    s.pauses = _pause(s, _FOR_SUPPLEMENT, True)


def _on_supplement_received(s: Replay) -> None:
    clock, supplement = s.clock, s.supplement
    assert clock is not None
    assert supplement is not None
    restarted = _clock.restart(clock, s)
    s.supplement = Supplement(
        supplement.requested_at, supplement.previous_due, s.at, restarted.deadline.due_date
    )
    s.clock = restarted


def _on_closed_no_supplement(s: Replay) -> None:
    requested_at = s.requests.waiting_since
    assert requested_at is not None
    days = _limit("supplement_wait", s.ctx.sector_rules.supplement_wait_days)
    # Điều 19.5 "sau 15 ngày": closing is possible from the day after the period's last day
    last_day = supplement_closing_date(requested_at, days=days, calendar=s.ctx.calendar)
    earliest = last_day + _dt.timedelta(days=1)
    if s.day < earliest:
        raise _refuse(
            s.ctx,
            s,
            s.event,
            "supplement_period_running",
            detail=f"the applicant has {days} days from the notice of "
            f"{vn_date(requested_at).isoformat()}; the dossier can be closed "
            f"from {earliest.isoformat()}",
            rule=s.row,
            earliest=earliest.isoformat(),
            index=s.event_index,
        )
    s.finished_at = requested_at


def _on_payment_requested(s: Replay) -> None:
    s.pauses = _pause(s, _FOR_PAYMENT, s.ctx.sector_rules.payment_excluded_from_limit)
    s.payment_requested_at = s.at


def _on_payment_received(s: Replay) -> None:
    requested_at = s.payment_requested_at
    if s.ctx.sector_rules.payment_excluded_from_limit and requested_at is not None:
        assert s.clock is not None
        s.clock = _clock.payment_excluded(s.clock, s, requested_at)
    s.payment_requested_at = None


def _on_verification(s: Replay) -> None:
    assert s.clock is not None
    s.clock = _clock.verify(s.clock, s)


def _on_extension(s: Replay) -> None:
    clock = s.clock
    assert clock is not None
    extended = _clock.extended(clock, s)
    latest = latest_extension_request(clock.deadline)
    found: list[Breach] = []
    if s.day > latest:
        detail = (
            f"notified {s.day.isoformat()}, latest {latest.isoformat()} for the due date "
            f"{clock.current.due_date.isoformat()}"
        )
        found.append(_breach(s, "extension_late", detail))
    _record(s, found)
    s.clock = extended


# --- the end of processing -----------------------------------------------------------------------


def _on_result_issued(s: Replay) -> None:
    s.finished_at = s.at


def _on_refused_after_review(s: Replay) -> None:
    s.finished_at = s.refused_at = s.at


def _on_result_delivered(s: Replay) -> None:
    if s.delivered_at is None:
        s.delivered_at = s.at


def _on_withdrawn(s: Replay) -> None:
    if s.status is _WAITING_FOR_SUPPLEMENT:
        s.finished_at = s.requests.waiting_since
    elif s.accepted_at is not None:
        s.finished_at = s.at


def _on_correction_requested(s: Replay) -> None:
    s.correction_requested_at = s.at


def _on_corrected(s: Replay) -> None:
    requested_at = s.correction_requested_at
    assert requested_at is not None
    days = _limit("correction", None)
    latest = s.ctx.calendar.add_working_days(vn_date(requested_at), days)
    found: list[Breach] = []
    if s.day > latest:
        detail = f"corrected {s.day.isoformat()}, latest {latest.isoformat()}"
        found.append(_breach(s, "correction_late", detail))
    _record(s, found)
    s.correction_requested_at = None


# --- the 2025 reform ------------------------------------------------------------------------------


def _on_rehomed(s: Replay) -> None:
    # tthc.migrate reads the unit data: imported on first use (it is not needed by a replay
    # without re-homing, and it imports tthc.dossiers itself)
    from tthc.migrate import successor_of  # noqa: PLC0415

    event = s.event
    assert event.from_unit is not None  # the event's validators require them
    assert event.to_unit is not None
    reception, competent = s.units or s.ctx.units
    current = reception if event.unit_role == "reception" else competent
    if event.from_unit != current:
        raise InvalidEvent(
            f"Đơn vị cũ không đúng (not the dossier's unit): the {event.unit_role} unit of "
            f"dossier {s.ctx.code} is {current!r}, not {event.from_unit!r}",
            hint="re-home the unit the dossier has now (see current_reception_unit / "
            "current_competent_unit)",
            dossier_code=s.ctx.code,
            reason="not_current_unit",
            index=s.event_index,
        )
    try:
        basis = successor_of(event.from_unit, choose=event.to_unit).legal_basis
    except (AmbiguousUnitName, UnknownUnit) as exc:
        raise InvalidEvent(
            f"Đơn vị kế thừa không đúng (not a successor): {event.to_unit!r} did not take over "
            f"{event.from_unit!r} in the 2025 reform ({exc})",
            hint="use tthc.migrate.rehome, with choose= for a split unit",
            dossier_code=s.ctx.code,
            reason="not_a_successor",
            index=s.event_index,
        ) from exc
    cited = event.legal_ref
    if cited is None or (cited.document, cited.article) != (basis.document, basis.article):
        raise InvalidEvent(
            f"Căn cứ không đúng (wrong legal basis): the move of {event.from_unit} to "
            f"{event.to_unit} follows {basis.cite()}",
            hint="cite the clause of the resolution that transferred the old unit",
            dossier_code=s.ctx.code,
            reason="wrong_legal_basis",
            legal_ref=basis,
            index=s.event_index,
        )
    if event.unit_role == "reception":
        s.units = (event.to_unit, competent)
    else:
        s.units = (reception, event.to_unit)


_Handler = Callable[[Replay], None]

_HANDLERS: Mapping[EventKind, _Handler] = {
    EventKind.SUBMITTED_ONLINE: _on_submitted,
    EventKind.RETURNED_AT_INTAKE: _on_returned_at_intake,
    EventKind.REFUSED_AT_INTAKE: _on_refused_at_intake,
    EventKind.ACCEPTED: _on_accepted,
    EventKind.FORWARDED: _on_forwarded,
    EventKind.SUPPLEMENT_REQUESTED: _on_supplement_requested,
    EventKind.SUPPLEMENT_RECEIVED: _on_supplement_received,
    EventKind.CLOSED_NO_SUPPLEMENT: _on_closed_no_supplement,
    EventKind.PAYMENT_REQUESTED: _on_payment_requested,
    EventKind.PAYMENT_RECEIVED: _on_payment_received,
    EventKind.VERIFICATION_REQUIRED: _on_verification,
    EventKind.EXTENSION_GRANTED: _on_extension,
    EventKind.REFUSED_AFTER_REVIEW: _on_refused_after_review,
    EventKind.RESULT_ISSUED: _on_result_issued,
    EventKind.RESULT_DELIVERED: _on_result_delivered,
    EventKind.WITHDRAWN: _on_withdrawn,
    EventKind.CORRECTION_REQUESTED: _on_correction_requested,
    EventKind.CORRECTED: _on_corrected,
    EventKind.REHOMED: _on_rehomed,
}
"""One handler per event kind: it writes what the event changes in the state besides its status,
having read the state before the event (and refuses an event the state does not allow)."""


def _allowed_outright() -> Mapping[
    tuple[DossierStatus, EventKind, Channel, ActorRole], tuple[Transition, _Handler]
]:
    """Return ``(status, kind, channel, role) -> (row, handler)`` for the acts allowed outright.

    Those the table allows with no further check: `step` looks its event up once. The
    once-only acts are left out: they depend on the history, and `_row` checks them.
    """
    return {
        (row.source, row.event, channel, role): (row, _HANDLERS[row.event])
        for row in TRANSITIONS.values()
        if row.event not in _ONCE_ONLY
        for channel in row.channels
        for role in EVENT_ROLES[row.event]
    }


_ALLOWED = _allowed_outright()
