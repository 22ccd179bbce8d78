"""Random event sequences cannot drive a dossier into an illegal state (hypothesis state machine)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from tthc._time import VN_TZ
from tthc.deadlines import Duration
from tthc.dossiers import (
    TRANSITIONS,
    Actor,
    ActorRole,
    Channel,
    Dossier,
    DossierEvent,
    DossierStatus,
    EventKind,
    portal_status_record,
)
from tthc.dossiers._rules import EVENT_ROLES
from tthc.errors import InvalidEvent, InvalidTransition
from tthc.legal import document
from tthc.serde import from_json, to_json

CODE = "SM-0001"
START = dt.datetime(2026, 3, 2, 8, 0, tzinfo=VN_TZ)
REACHABLE = {DossierStatus.DRAFT} | {row.target for row in TRANSITIONS.values()}


class DossierMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dossier: Dossier | None = None
        self.clock = START
        self.applied = 0

    @initialize(
        channel=st.sampled_from(list(Channel)),
        days=st.integers(min_value=1, max_value=15),
    )
    def start(self, channel: Channel, days: int) -> None:
        self.dossier = Dossier(
            CODE, "1.001193", channel, "Một cửa", "UBND xã", Duration.working_days(days)
        )

    @rule(
        kind=st.sampled_from(list(EventKind)),
        hours=st.integers(min_value=-6, max_value=24 * 20),
        right_actor=st.booleans(),
        extra_days=st.integers(min_value=1, max_value=10),
    )
    def apply_event(self, kind: EventKind, hours: int, right_actor: bool, extra_days: int) -> None:
        dossier = self.dossier
        assert dossier is not None
        at = self.clock + dt.timedelta(hours=hours)
        roles = sorted(EVENT_ROLES[kind], key=lambda r: r.value)
        role = roles[0] if right_actor else ActorRole.APPLICANT
        payload: dict[str, object] = {}
        if kind is EventKind.FORWARDED:
            payload["to_unit"] = "Sở Tư pháp"
        if kind is EventKind.REHOMED:  # the units are not old units: refused (issue 19)
            payload.update(to_unit="31135", unit_role="competent", from_unit="UBND xã")
            payload["legal_ref"] = document("72-2025-qh15")
        if kind is EventKind.EXTENSION_GRANTED:
            due = dossier.due_date or at.date()
            payload["new_due_date"] = due + dt.timedelta(days=extra_days)
        event = DossierEvent(kind, CODE, at, Actor(role, "Đơn vị"), reason="lý do", **payload)  # type: ignore[arg-type]
        before_events = dossier.events
        before_status = dossier.status
        try:
            new = dossier.apply(event)
        except (InvalidTransition, InvalidEvent):
            # refused: the dossier is unchanged
            assert dossier.events == before_events
            assert dossier.status is before_status
            return
        assert new.events == (*before_events, event)  # the log only grows
        assert (before_status, kind) in TRANSITIONS
        self.dossier = new
        self.clock = max(self.clock, at)
        self.applied += 1

    @rule(
        pick=st.integers(min_value=0, max_value=100),
        hours=st.integers(min_value=0, max_value=24 * 20),
        extra_days=st.integers(min_value=1, max_value=10),
    )
    def apply_an_allowed_event(self, pick: int, hours: int, extra_days: int) -> None:
        # steer the walk deeper into the life cycle: pick one of the events allowed now
        assert self.dossier is not None
        allowed = self.dossier.allowed_events()
        if allowed:
            self.apply_event(allowed[pick % len(allowed)], hours, True, extra_days)

    @invariant()
    def derived_state_equals_replay(self) -> None:
        if self.dossier is None:
            return
        d = self.dossier
        assert d.status in REACHABLE
        replayed = Dossier(
            d.code,
            d.procedure_code,
            d.channel,
            d.reception_unit,
            d.competent_unit,
            d.processing_time,
            d.events,
        )
        assert replayed == d
        assert replayed.status is d.status
        assert replayed.deadline_history() == d.deadline_history()
        assert replayed.breaches == d.breaches
        if d.events:
            assert d.status_at(d.events[-1].at) is d.status
            assert portal_status_record(d).status_code == d.status.portal_code
        if d.status.is_terminal:
            assert d.allowed_events() == ()

    @invariant()
    def json_round_trip_is_exact(self) -> None:
        if self.dossier is None:
            return
        back = from_json(to_json(self.dossier), Dossier)
        assert back == self.dossier
        assert back.status is self.dossier.status
        assert back.deadline_history() == self.dossier.deadline_history()

    @invariant()
    def at_most_one_supplement_and_extension(self) -> None:
        if self.dossier is None:
            return
        kinds = [e.kind for e in self.dossier.events]
        assert kinds.count(EventKind.SUPPLEMENT_REQUESTED) <= 1
        assert kinds.count(EventKind.EXTENSION_GRANTED) <= 1
        if EventKind.RESULT_ISSUED in kinds:
            assert EventKind.WITHDRAWN not in kinds[kinds.index(EventKind.RESULT_ISSUED) :]


DossierMachine.TestCase.settings = settings(
    max_examples=50,
    stateful_step_count=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestDossierMachine = DossierMachine.TestCase
