"""The dossier: who it is, the limit that applies and its append-only event log."""

from __future__ import annotations

import bisect
import datetime as _dt
from collections.abc import Iterable, Mapping

import attrs

from tthc._validate import require_aware, require_date
from tthc.calendar import OfficeHours, WorkCalendar
from tthc.calendar._defaults import resolve, resolve_calendar, resolve_office_hours
from tthc.deadlines import (
    Deadline,
    Duration,
    ProcessingTime,
    Timeliness,
    classify,
    latest_extension_request,
)
from tthc.dossiers import _timeline
from tthc.dossiers._checks import instance_of, non_empty_str, vietnam_instant
from tthc.dossiers._clock import base_duration
from tthc.dossiers._model import Channel, DossierEvent, DossierStatus, EventKind, SectorRules
from tthc.dossiers._records import Breach, DeadlineRevision, DeadlineRevisionKind, Handoff, Pause
from tthc.dossiers._state import Context, Replay, State, items
from tthc.dossiers._transitions import allowed_now, step, vn_date
from tthc.errors import InputTypeError, UnknownProcedure

__all__: list[str] = []  # private module: the names are exported by tthc.dossiers


def _to_events(value: Iterable[DossierEvent]) -> tuple[DossierEvent, ...]:
    if type(value) is tuple:  # the common case, without the two ABC checks below (≈0.5 µs)
        return value
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise InputTypeError(
            f"Sự kiện (events) must be a sequence of DossierEvent, got {type(value).__name__}",
            argument="events",
        )
    return tuple(value)


def _each_event(_: object, __: object, events: tuple[object, ...]) -> None:
    if set(map(type, events)) <= _EVENT_TYPE:  # the common case, without a Python loop
        return
    for index, event in enumerate(events):
        if not isinstance(event, DossierEvent):
            raise InputTypeError(
                f"Sự kiện (event) #{index} must be a DossierEvent", argument="events", index=index
            )


_EVENT_TYPE = frozenset({DossierEvent})


def _a_limit(_: object, __: object, limit: ProcessingTime | Duration) -> None:
    base_duration(limit)  # refuse a limit without a single base now


def _calendar_key(calendar: WorkCalendar | None) -> WorkCalendar:
    # the calendar changes answers: None is the national calendar, compared (and hashed) as such
    return resolve_calendar(calendar)


def _hours_key(office_hours: OfficeHours | None) -> OfficeHours:
    return resolve_office_hours(office_hours)


_CODE = non_empty_str("Hồ sơ (dossier): {name} must be a non-empty str")


@attrs.frozen(slots=True)
class Dossier:
    """A dossier (hồ sơ) and its append-only event log; everything else is derived.

    Attributes:
        code: Dossier code (mã số hồ sơ, Điều 28).
        procedure_code: National code of the procedure (``"1.001193"``).
        channel: How it was filed.
        reception_unit: Where it was received (Bộ phận Một cửa).
        competent_unit: Who decides (cơ quan có thẩm quyền).
        processing_time: The limit that applies: a parsed [`ProcessingTime`][tthc.deadlines.ProcessingTime]
            (whose verification alternative is used after ``VERIFICATION_REQUIRED``) or a plain
            [`Duration`][tthc.deadlines.Duration].
        events: The event log, oldest first. Use [`apply`][tthc.dossiers.Dossier.apply] to add one.
        sector_rules: Sector-law exceptions to the national periods.
        calendar: Working calendar for the arithmetic (default ``None``: the national
            civil-service calendar). Stored with the dossier (its registered base and its own
            days, see [`tthc.serde`][tthc.serde]) and part of equality: ``None`` equals the national
            calendar itself.
        office_hours: Office windows (default 07:30–11:30, 13:00–17:00). Stored and part of
            equality (``None`` equals the default hours).
        local_procedure: ``True`` for a procedure a province announced that is not in the
            bundled catalogue ([`tthc.procedures.load_catalog`][tthc.procedures.load_catalog]); by default an unknown
            ``procedure_code`` is refused ([`UnknownProcedure`][tthc.errors.UnknownProcedure]) when a
            dossier is opened (no events yet), so that a mistyped code is not silently stored
            and reported. A dossier with recorded events is history: it loads whatever the
            catalogue of the day holds (a later snapshot may drop an abolished procedure).
            Stored when ``True``.

    Raises:
        UnknownProcedure: a dossier without events whose ``procedure_code`` is not in the
            bundled catalogue, and ``local_procedure`` is not set.
    """

    code: str = attrs.field(validator=_CODE)
    procedure_code: str = attrs.field(validator=_CODE)
    channel: Channel = attrs.field(
        validator=instance_of(Channel, "Kênh (channel) must be a Channel")
    )
    reception_unit: str = attrs.field(validator=_CODE)
    competent_unit: str = attrs.field(validator=_CODE)
    processing_time: ProcessingTime | Duration = attrs.field(
        validator=[
            instance_of(
                (ProcessingTime, Duration),
                "Thời hạn giải quyết (processing time) must be a ProcessingTime or a Duration, "
                "got {got}",
            ),
            _a_limit,
        ]
    )
    events: tuple[DossierEvent, ...] = attrs.field(
        default=(), converter=_to_events, validator=_each_event
    )
    sector_rules: SectorRules = attrs.field(
        default=SectorRules(),
        validator=instance_of(SectorRules, "sector_rules must be a SectorRules"),
    )
    calendar: WorkCalendar | None = attrs.field(
        default=None,
        eq=_calendar_key,
        repr=False,
        kw_only=True,
        validator=instance_of(WorkCalendar, "calendar must be a WorkCalendar", optional=True),
    )
    office_hours: OfficeHours | None = attrs.field(
        default=None,
        eq=_hours_key,
        repr=False,
        kw_only=True,
        validator=instance_of(OfficeHours, "office_hours must be an OfficeHours", optional=True),
    )
    local_procedure: bool = attrs.field(
        default=False,
        kw_only=True,
        validator=instance_of(bool, "local_procedure must be a bool, got {got}"),
    )
    _ctx: Context = attrs.field(init=False, eq=False, repr=False)
    _state: State = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not (self.local_procedure or self.events):
            _known_procedure(self.procedure_code)
        # the derived state: a replay of the log, linear in the number of events
        calendar, hours = resolve(self.calendar, self.office_hours)
        ctx = Context(
            self.code,
            self.channel,
            self.processing_time,
            self.sector_rules,
            calendar,
            hours,
            (self.reception_unit, self.competent_unit),
        )
        object.__setattr__(self, "_ctx", ctx)
        # the events are DossierEvents already (the field's validator checked them)
        object.__setattr__(self, "_state", _steps(ctx, self.events))

    # -- building ---------------------------------------------------------------------------------

    def _extended(self, events: tuple[DossierEvent, ...]) -> Dossier:
        """Return this dossier with ``events`` appended, replaying only those."""
        state = _replay(self._ctx, self._state, events, len(self.events))
        new = object.__new__(Dossier)
        for name in _FIELDS:
            object.__setattr__(new, name, getattr(self, name))
        object.__setattr__(new, "events", (*self.events, *events))
        object.__setattr__(new, "_state", state)
        return new

    def apply(self, event: DossierEvent) -> Dossier:
        """Return a new dossier with ``event`` appended; this one is unchanged.

        Raises:
            InvalidTransition: The event is not allowed in the current status (or a once-only
                act is repeated, or the supplement period has not run out); the error's context
                has ``status``, ``event``, ``allowed``, ``rule`` and ``legal_ref``.
            InvalidEvent: The event belongs to another dossier, is older than the last event,
                is recorded by the wrong actor or lacks a required payload.
        """
        return self._extended((event,))

    def apply_all(self, events: Iterable[DossierEvent]) -> Dossier:
        """Apply several events in order (stops at the first invalid one, raising its error)."""
        batch = tuple(events)
        return self._extended(batch) if batch else self

    def replay(self) -> Dossier:
        """Rebuild the dossier from its events (the same result as the dossier itself)."""
        return attrs.evolve(self)

    # -- derived state ----------------------------------------------------------------------------

    @property
    def status(self) -> DossierStatus:
        """Current status, derived from the events."""
        return self._state.status

    @property
    def breaches(self) -> tuple[Breach, ...]:
        """Acts the law forbids that were recorded anyway (late supplement request, ...)."""
        return items(self._state.breaches)

    @property
    def deadline(self) -> Deadline | None:
        """The [`Deadline`][tthc.deadlines.Deadline] in force, or ``None`` before acceptance.

        Its ``due_date``, ``due_at``, skipped days and ``history`` are those of the latest
        revision; [`deadline_revision`][tthc.dossiers.Dossier.deadline_revision] says which event set it and why.
        """
        clock = self._state.clock
        return None if clock is None else clock.deadline

    @property
    def deadline_revision(self) -> DeadlineRevision | None:
        """The latest entry of [`deadline_history`][tthc.dossiers.Dossier.deadline_history], or ``None`` before acceptance.

        It names the event that set the due date in force, why, and its legal basis.
        """
        clock = self._state.clock
        return None if clock is None else clock.current

    @property
    def due_date(self) -> _dt.date | None:
        """The legal due date in force (ngày hẹn trả), or ``None`` before acceptance."""
        current = self.deadline_revision
        return None if current is None else current.due_date

    @property
    def current_reception_unit(self) -> str:
        """Where the dossier is received now: [`reception_unit`][tthc.dossiers.Dossier.reception_unit] after any re-homing.

        ``REHOMED`` events (2025 reform) move it to the old unit's successor; the dossier's
        own ``reception_unit`` keeps the unit it was received by (its history is never rewritten).
        """
        return (self._state.units or (self.reception_unit, self.competent_unit))[0]

    @property
    def current_competent_unit(self) -> str:
        """Who decides the dossier now: [`competent_unit`][tthc.dossiers.Dossier.competent_unit] after any re-homing."""
        return (self._state.units or (self.reception_unit, self.competent_unit))[1]

    @property
    def submitted_at(self) -> _dt.datetime | None:
        """When the dossier was first submitted online (NgayNopHoSo), if it was."""
        return self._state.times.submitted_at

    @property
    def accepted_at(self) -> _dt.datetime | None:
        """When it was first accepted (NgayTiepNhan), or ``None``."""
        return self._state.times.accepted_at

    @property
    def finished_at(self) -> _dt.datetime | None:
        """End of processing as the national metrics count it (NgayKetThucXuLy), or ``None``.

        The result issue time; the refusal, withdrawal or closing time otherwise, except that a
        dossier that ended while waiting for a supplement ended at the supplement request.
        """
        return self._state.times.finished_at

    def deadline_history(self) -> tuple[DeadlineRevision, ...]:
        """Every due date the dossier had, oldest first, each with the reason for the change."""
        clock = self._state.clock
        return () if clock is None else items(clock.history)

    def pauses(self) -> tuple[Pause, ...]:
        """Periods spent waiting for the applicant (completion at intake, supplement, payment)."""
        return items(self._state.pauses)

    def handoffs(self) -> tuple[Handoff, ...]:
        """Every forwarding of the dossier, with each agency's own step due date if given."""
        return items(self._state.handoffs)

    def allowed_events(self) -> tuple[EventKind, ...]:
        """Events that [`apply`][tthc.dossiers.Dossier.apply] would accept now (status, channel and once-only rules)."""
        return allowed_now(self.channel, self._state)

    def waiting_for_applicant(self, as_of: _dt.datetime | None = None) -> _dt.timedelta:
        """Total time spent waiting for the applicant; an open pause counts up to ``as_of``."""
        if as_of is not None:
            require_aware(as_of, "as_of")
        total = _dt.timedelta()
        for pause in self.pauses():
            length = pause.duration(as_of)
            if length is not None:
                total += length
        return total

    def _position(self, instant: _dt.datetime) -> int:
        """Return how many events happened at or before ``instant``."""
        require_aware(instant, "instant")  # any aware instant compares: 0001-01-01+14:00 too
        return bisect.bisect_right([event.at for event in self.events], instant)

    def status_at(self, instant: _dt.datetime) -> DossierStatus:
        """Return the status the dossier had at ``instant`` (``DRAFT`` before the first event)."""
        position = self._position(instant)
        return items(self._state.statuses)[position - 1] if position else DossierStatus.DRAFT

    def timeline(self, as_of: _dt.datetime | None = None) -> tuple[_timeline.TimelineEntry, ...]:
        """Return one entry per event: the status it led to and how long the status lasted.

        The last entry ends at ``as_of`` when given (and the dossier is not terminal), else it
        is open (``end=None``).
        """
        if as_of is not None:
            require_aware(as_of, "as_of")
        return _timeline.timeline(self.events, items(self._state.statuses), as_of)

    def time_in_status(
        self, as_of: _dt.datetime | None = None
    ) -> dict[DossierStatus, _dt.timedelta]:
        """Total time spent in each status (open last status counted up to ``as_of``)."""
        return _timeline.time_in_status(self.timeline(as_of))

    def as_of(self, instant: _dt.datetime) -> Dossier:
        """Return the dossier as it was at ``instant`` (events after it dropped)."""
        position = self._position(instant)
        if position == len(self.events):
            return self
        return attrs.evolve(self, events=self.events[:position])

    def timeliness(
        self, as_of: _dt.datetime | None = None, *, count_extension: bool = True
    ) -> Timeliness | None:
        """Classify the dossier as the national reports do (by date), as of ``as_of``.

        Finished dossiers are ``EARLY``/``ON_TIME``/``LATE`` by their end of processing
        ([`finished_at`][tthc.dossiers.Dossier.finished_at]); open ones ``IN_TIME``/``OVERDUE`` on ``as_of``. A dossier waiting
        for a supplement is judged at the time of the request (766 indicator rule). ``None``
        when the dossier was never accepted (no due date).

        Args:
            as_of: The reporting instant (aware). Events after it are ignored. Optional once
                the dossier has a final outcome ([`finished_at`][tthc.dossiers.Dossier.finished_at] is set): it is then judged
                by that outcome, with every event.
            count_extension: Use the extended due date (the synced, 766 view; default) or the
                due date before the extension (the strict legal view).

        Raises:
            InputTypeError: ``as_of`` is omitted while the dossier is still open (an open
                dossier is in time or overdue only at a given instant).
        """
        if as_of is None:
            if self._state.times.finished_at is None and self._state.clock is not None:
                raise InputTypeError(
                    "Thời điểm xét (report instant): the dossier is still open, so whether it "
                    "is in time or overdue depends on when it is judged",
                    hint="pass as_of=<an aware datetime> (tthc dossier show --as-of)",
                    argument="as_of",
                    dossier_code=self.code,
                )
            as_of = self.events[-1].at if self.events else None
            if as_of is None:
                return None
        then = self.as_of(vietnam_instant(as_of, "as_of"))
        state = then._state
        history = then.deadline_history()
        if not count_extension:
            history = tuple(h for h in history if h.kind is not DeadlineRevisionKind.EXTENDED)
        if not history:
            return None
        due = history[-1].due_date
        finished_at = state.times.finished_at
        if finished_at is not None:
            return classify(due, finished_at=finished_at)
        waiting_since = state.requests.waiting_since
        if state.status is DossierStatus.SUPPLEMENT_REQUESTED and waiting_since:
            return classify(due, as_of=waiting_since)
        return classify(due, as_of=as_of)

    def extension_allowed(self, on: _dt.date | _dt.datetime) -> bool:
        """Whether an extension may still be granted on ``on`` (Điều 19.6).

        True when the dossier is being processed, has not been extended yet, and ``on`` is at
        least one working day before the due date (on or before the previous working day).
        """
        if isinstance(on, _dt.datetime):
            day = vn_date(vietnam_instant(on, "on"))
        else:
            day = require_date(on, "on")
        state = self._state
        if EventKind.EXTENSION_GRANTED not in allowed_now(self.channel, state):
            return False
        assert state.clock is not None  # in process means accepted
        return day <= latest_extension_request(state.clock.deadline)


_FIELDS = tuple(field.name for field in attrs.fields(Dossier))


def _known_procedure(code: str) -> None:
    """Refuse a procedure code that the bundled catalogue does not have (a typo, most often)."""
    from tthc.procedures import load_catalog  # noqa: PLC0415 - the catalogue loads on first use

    if code in load_catalog():
        return
    raise UnknownProcedure(
        f"Thủ tục (procedure) {code!r} is not in the bundled catalogue (national portal "
        "snapshot and tthc's own records)",
        hint="check the code with `tthc procedure search NAME`; for a procedure a province "
        "announced, pass Dossier(..., local_procedure=True)",
        procedure=code,
        argument="procedure_code",
    )


_DRAFT_STATE = State()


def _replay(ctx: Context, state: State, events: Iterable[DossierEvent], first: int) -> State:
    """Apply ``events`` (the ``first``-th onwards) to ``state``; one step per event."""
    replay = Replay(ctx, state)
    for index, event in enumerate(events, start=first):
        if not isinstance(event, DossierEvent):
            raise InputTypeError(
                f"Sự kiện (event) must be a DossierEvent, got {type(event).__name__}",
                argument="event",
            )
        step(replay, event, index)
    return replay.freeze()


def _steps(ctx: Context, events: Iterable[DossierEvent]) -> State:
    """The state after ``events`` (known to be DossierEvents) from a draft."""
    replay = Replay(ctx, _DRAFT_STATE)
    for index, event in enumerate(events):
        step(replay, event, index)
    return replay.freeze()
