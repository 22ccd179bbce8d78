"""The state a replay derives from the events: immutable records, and the one it fills in.

Growing logs (statuses, due-date revisions, breaches, pauses, hand-offs) are kept as chains of
`Link` (the newest first), so that appending is O(1) and a replay stays linear in the
number of events; `items` turns a chain into the tuple the public API returns. A replay
applies its events to one `Replay` (the state's fields, set in place) and builds one link
per event (a plain pair, the cheapest immutable object Python builds), so that a replay costs
a few microseconds per event. The frozen `State` is built once, when the events are applied.
"""

from __future__ import annotations

import datetime as _dt
from typing import NamedTuple, Protocol, TypeAlias, TypeVar

import attrs

from tthc._time import VN_TZ
from tthc.calendar import OfficeHours, WorkCalendar
from tthc.deadlines import Deadline, Duration, ProcessingTime
from tthc.dossiers._model import Channel, DossierEvent, DossierStatus, SectorRules
from tthc.dossiers._records import Breach, DeadlineRevision, Handoff, Pause
from tthc.dossiers._rules import Transition

__all__: list[str] = []  # private module

T = TypeVar("T")

Link: TypeAlias = "tuple[T, Link[T] | None]"
"""One entry of an append-only log and the entries before it (``None``: the first):
``(item, before)``."""


def push(chain: Link[T] | None, *new: T) -> Link[T] | None:
    """Return the chain with ``new`` appended (O(1) per item)."""
    for item in new:
        chain = (item, chain)
    return chain


def replace_last(chain: Link[T], item: T) -> Link[T]:
    """Return the chain with its newest entry replaced by ``item``."""
    return (item, chain[1])


def items(chain: Link[T] | None) -> tuple[T, ...]:
    """Return the entries of the chain, oldest first."""
    out: list[T] = []
    while chain is not None:
        out.append(chain[0])
        chain = chain[1]
    out.reverse()
    return tuple(out)


@attrs.frozen(slots=True)
class Supplement:
    """The one supplement round of a dossier (Điều 19.5: it is asked for once).

    Attributes:
        requested_at: When the supplement was asked for.
        previous_due: The due date in force when it was asked for.
        received_at: When the complete supplement was received, or ``None`` while waiting.
        new_due: The due date after the restart, or ``None`` while waiting.
    """

    requested_at: _dt.datetime
    previous_due: _dt.date
    received_at: _dt.datetime | None = None
    new_due: _dt.date | None = None


@attrs.frozen(slots=True)
class Extension:
    """The one extension of a dossier (Điều 19.6: "không quá một lần").

    Attributes:
        event_index: Index of the extension event.
        notified_on: The day the applicant was notified (Vietnam date).
        previous_due: The due date it replaced.
        new_due: The new return date.
    """

    event_index: int
    notified_on: _dt.date
    previous_due: _dt.date
    new_due: _dt.date


class Clock(NamedTuple):
    """The processing time of an accepted dossier.

    Attributes:
        deadline: The [`Deadline`][tthc.deadlines.Deadline] in force.
        history: Every due-date revision, newest first (never empty).
        verification: Whether the verification limit was switched to already.
        extension: The extension, once granted.
    """

    deadline: Deadline
    history: Link[DeadlineRevision]
    verification: bool = False
    extension: Extension | None = None

    @property
    def current(self) -> DeadlineRevision:
        """The revision in force."""
        return self.history[0]


class Milestones(NamedTuple):
    """The instants the national portal reports, once they happened.

    Attributes:
        submitted_at: First online submission (NgayNopHoSo).
        accepted_at: Acceptance (NgayTiepNhan).
        finished_at: End of processing as the national metrics count it (NgayKetThucXuLy).
        delivered_at: First delivery of the result (NgayTra).
        refused_at: Refusal at intake or after review (NgayTuChoi).
    """

    submitted_at: _dt.datetime | None = None
    accepted_at: _dt.datetime | None = None
    finished_at: _dt.datetime | None = None
    delivered_at: _dt.datetime | None = None
    refused_at: _dt.datetime | None = None


class Requests(NamedTuple):
    """What the dossier asked of the applicant (or the applicant of it).

    Attributes:
        intake_returns: How many times the dossier was returned at intake.
        supplement: The supplement round, once asked for.
        payment_requested_at: The open request to pay, if any.
        correction_requested_at: The open request to correct the result, if any.
    """

    intake_returns: int = 0
    supplement: Supplement | None = None
    payment_requested_at: _dt.datetime | None = None
    correction_requested_at: _dt.datetime | None = None

    @property
    def waiting_since(self) -> _dt.datetime | None:
        """When the open supplement request was made, while the applicant has not answered."""
        round_ = self.supplement
        if round_ is None or round_.received_at is not None:
            return None
        return round_.requested_at


class State(NamedTuple):
    """Everything derived from a prefix of the events (the empty prefix: a draft).

    (A named tuple, built once per replay by [`Replay.freeze`][tthc.dossiers._state.Replay.freeze]:
    the events are applied to a `Replay`.)

    Attributes:
        status: Status after the last event.
        statuses: The status after each event, newest first.
        last_at: When the last event happened.
        times: The instants the portal reports.
        clock: The processing time, once accepted.
        requests: What was asked of the applicant.
        breaches: Acts the law forbids that were recorded anyway, newest first.
        pauses: Periods waiting for the applicant, newest first.
        handoffs: Forwardings, newest first.
        units: The current reception and competent units after a re-homing (``None``: the
            units the dossier was received with).
    """

    status: DossierStatus = DossierStatus.DRAFT
    statuses: Link[DossierStatus] | None = None
    last_at: _dt.datetime | None = None
    times: Milestones = Milestones()
    clock: Clock | None = None
    requests: Requests = Requests()
    breaches: Link[Breach] | None = None
    pauses: Link[Pause] | None = None
    handoffs: Link[Handoff] | None = None
    units: tuple[str, str] | None = None


class Replay:
    """A dossier while its events are applied: the state so far and the event being applied.

    The state is the fields of [`State`][tthc.dossiers._state.State], `Milestones` and
    `Requests` in one record; [`step`][tthc.dossiers._transitions.step] points it at each event
    in turn (``event``, ``event_index``, ``row``, ``at``, ``local``) and calls the event's
    handler, which reads the state before the event, then writes what the event changes; the
    step sets the new status last. Private to one replay: built from a `State`, frozen back
    into one when the events are applied, never seen outside, so a refused event leaves no
    trace. (Rebuilding a frozen `State`, `Milestones` or `Requests`, a record of the event and
    a dictionary of changes at every event cost about a microsecond and a half an event, most
    of what a simple event costs.)

    Attributes:
        ctx: The dossier.
        event: The event being applied.
        event_index: Its index in the log.
        row: The row of the transition table it follows.
        at: When it happened (``event.at``, in the zone it was given in: the records keep it).
        local: The same instant in Vietnam time (``VN_TZ``), where its dates are counted.
        pauses: While the event is applied: the pauses once the open one is closed (when the
            event leaves a waiting status).
    """

    __slots__ = (
        "accepted_at",
        "at",
        "breaches",
        "clock",
        "correction_requested_at",
        "ctx",
        "delivered_at",
        "event",
        "event_index",
        "finished_at",
        "handoffs",
        "intake_returns",
        "last_at",
        "last_local",
        "local",
        "pauses",
        "payment_requested_at",
        "refused_at",
        "row",
        "status",
        "statuses",
        "submitted_at",
        "supplement",
        "units",
    )

    ctx: Context
    event: DossierEvent
    event_index: int
    row: Transition
    at: _dt.datetime
    local: _dt.datetime
    status: DossierStatus
    statuses: Link[DossierStatus] | None
    last_at: _dt.datetime | None
    last_local: _dt.datetime | None
    submitted_at: _dt.datetime | None
    accepted_at: _dt.datetime | None
    finished_at: _dt.datetime | None
    delivered_at: _dt.datetime | None
    refused_at: _dt.datetime | None
    clock: Clock | None
    intake_returns: int
    supplement: Supplement | None
    payment_requested_at: _dt.datetime | None
    correction_requested_at: _dt.datetime | None
    breaches: Link[Breach] | None
    pauses: Link[Pause] | None
    handoffs: Link[Handoff] | None
    units: tuple[str, str] | None

    def __init__(self, ctx: Context, state: State) -> None:
        self.ctx = ctx
        (
            self.status,
            self.statuses,
            self.last_at,
            times,
            self.clock,
            requests,
            self.breaches,
            self.pauses,
            self.handoffs,
            self.units,
        ) = state
        (
            self.submitted_at,
            self.accepted_at,
            self.finished_at,
            self.delivered_at,
            self.refused_at,
        ) = times
        (
            self.intake_returns,
            self.supplement,
            self.payment_requested_at,
            self.correction_requested_at,
        ) = requests
        # the instants compared and counted in Vietnam time, converted once per event (events
        # read from JSON carry a +07:00 zone of their own: comparing instants of two zones,
        # or converting one, costs more than comparing two in VN_TZ)
        last = self.last_at
        self.last_local = last if last is None or last.tzinfo is VN_TZ else last.astimezone(VN_TZ)

    @property
    def day(self) -> _dt.date:
        """The date of the event being applied, in Vietnam."""
        return self.local.date()

    @property
    def requests(self) -> Requests:
        """What was asked of the applicant, as the frozen state has it."""
        return _build(
            Requests,
            (
                self.intake_returns,
                self.supplement,
                self.payment_requested_at,
                self.correction_requested_at,
            ),
        )

    def freeze(self) -> State:
        """Return the frozen `State` of this record."""
        times = (
            self.submitted_at,
            self.accepted_at,
            self.finished_at,
            self.delivered_at,
            self.refused_at,
        )
        return _build(
            State,
            (
                self.status,
                self.statuses,
                self.last_at,
                _build(Milestones, times),
                self.clock,
                self.requests,
                self.breaches,
                self.pauses,
                self.handoffs,
                self.units,
            ),
        )


#: Builds a named tuple from a tuple of its fields, without the keyword handling of its
#: constructor.
_build = tuple.__new__


class StateView(Protocol):
    """What the checks read of a state, frozen (`State`) or being replayed (`Replay`)."""

    @property
    def status(self) -> DossierStatus: ...

    @property
    def last_at(self) -> _dt.datetime | None: ...

    @property
    def clock(self) -> Clock | None: ...

    @property
    def requests(self) -> Requests: ...


class Context(NamedTuple):
    """What every step of a replay needs to know about the dossier (built once per replay).

    (A named tuple, as `State` is: built at every dossier construction, it costs a third of an
    attrs instance.)

    Attributes:
        code: The dossier's code.
        channel: How it was filed.
        processing_time: The limit that applies.
        sector_rules: Sector-law exceptions.
        calendar: The working calendar (resolved: never ``None``).
        hours: The office hours (resolved: never ``None``).
        units: The reception and competent units the dossier was received with.
    """

    code: str
    channel: Channel
    processing_time: ProcessingTime | Duration
    sector_rules: SectorRules
    calendar: WorkCalendar
    hours: OfficeHours
    units: tuple[str, str] = ("", "")
