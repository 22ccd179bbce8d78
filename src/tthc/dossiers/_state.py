"""The state a replay derives after each event: immutable records, a new one per event.

Growing logs (statuses, due-date revisions, breaches, pauses, hand-offs) are kept as chains of
`Link` (the newest first), so that appending is O(1) and a replay stays linear in the
number of events; `items` turns a chain into the tuple the public API returns. A replay
builds one `State`, one [`Step`][tthc.workflows.Step] and one link per event: they are tuples (named
tuples and plain pairs), the cheapest immutable objects Python builds, so that a replay costs
a few microseconds per event.
"""

from __future__ import annotations

import datetime as _dt
from typing import NamedTuple, TypeAlias, TypeVar

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

    (A named tuple: one is built per event; [`tthc.dossiers._transitions.step`][tthc.dossiers._transitions.step] builds it
    with ``tuple.__new__``, fields in this order.)

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


@attrs.frozen(slots=True)
class Context:
    """What every step of a replay needs to know about the dossier (built once per replay).

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


class Step(NamedTuple):
    """One event being applied: the dossier, the state before it and the row that allows it.

    (A named tuple rather than an attrs class: one is built per event, and it is cheaper.)

    Attributes:
        ctx: The dossier.
        state: The state before the event.
        event: The event.
        event_index: Its index in the log.
        row: The row of the transition table it follows.
        pauses: The pauses once the open one is closed (when the event leaves a waiting status).
        at: When the event happened (``event.at``).
    """

    ctx: Context
    state: State
    event: DossierEvent
    event_index: int
    row: Transition
    pauses: Link[Pause] | None
    at: _dt.datetime

    @property
    def day(self) -> _dt.date:
        """The date of the event in Vietnam."""
        return self.event.at.astimezone(VN_TZ).date()
