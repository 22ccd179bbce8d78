"""What a replay keeps from one event to the next (Decree 118/2025/NĐ-CP).

Each event builds a new state from the previous one; these tests check that what an earlier
event recorded survives the later ones: the breaches already found, the one supplement round
(Điều 19.5: asked for once), the clock as moved by a payment round, and the dossier's own
office hours in what the national portal is sent.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tthc._time import VN_TZ
from tthc.calendar import OfficeHours
from tthc.deadlines import ChangeKind, Duration
from tthc.dossiers import (
    Actor,
    ActorRole,
    Channel,
    Dossier,
    DossierEvent,
    DossierStatus,
    EventKind,
    SectorRules,
    portal_status_record,
)
from tthc.errors import InvalidTransition

K = EventKind
CODE = "000.00.01.H29-260309-0011"
ONE_STOP = Actor(ActorRole.ONE_STOP, "Bộ phận Một cửa phường Sài Gòn")
AUTHORITY = Actor(ActorRole.COMPETENT_AUTHORITY, "UBND phường Sài Gòn")
APPLICANT = Actor(ActorRole.APPLICANT, "Nguyễn Văn A")


def t(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute, tzinfo=VN_TZ)


def _new(channel: Channel = Channel.COUNTER, **kw: Any) -> Dossier:
    return Dossier(
        CODE,
        "1.001193",
        channel,
        "Bộ phận Một cửa",
        "UBND phường Sài Gòn",
        Duration.working_days(5),
        **kw,
    )


def _in_process(**kw: Any) -> Dossier:
    return _new(**kw).apply_all(
        [
            DossierEvent(K.ACCEPTED, CODE, t(9, 9), ONE_STOP),
            DossierEvent(K.FORWARDED, CODE, t(9, 10), ONE_STOP, to_unit="UBND"),
        ]
    )


def test_breaches_of_earlier_events_are_kept() -> None:
    # Điều 16.3: the dossier is returned for completion at intake once; each further return
    # is a breach of its own, and the first one stays on record
    d = _new().apply_all(
        [
            DossierEvent(K.RETURNED_AT_INTAKE, CODE, t(9, 9), ONE_STOP, reason="a"),
            DossierEvent(K.RETURNED_AT_INTAKE, CODE, t(9, 10), ONE_STOP, reason="b"),
            DossierEvent(K.RETURNED_AT_INTAKE, CODE, t(9, 11), ONE_STOP, reason="c"),
        ]
    )
    assert [(b.code, b.event_index, b.at) for b in d.breaches] == [
        ("intake_return_repeated", 1, t(9, 10)),
        ("intake_return_repeated", 2, t(9, 11)),
    ]
    assert [b.message.rsplit(": ", 1)[1] for b in d.breaches] == [
        "return #2 at intake",
        "return #3 at intake",
    ]


def test_a_late_online_refusal_at_intake_is_a_breach() -> None:
    # Điều 17.2.c: an online dossier is accepted, returned or refused within 8 working hours;
    # submitted Fri 6/3 16:00, the 8 hours end Mon 9/3 16:00
    submitted = _new(Channel.ONLINE).apply(
        DossierEvent(K.SUBMITTED_ONLINE, CODE, t(6, 16), APPLICANT)
    )
    in_time = submitted.apply(
        DossierEvent(K.REFUSED_AT_INTAKE, CODE, t(9, 16), ONE_STOP, reason="Không thuộc thẩm quyền")
    )
    assert in_time.breaches == ()
    late = submitted.apply(
        DossierEvent(K.REFUSED_AT_INTAKE, CODE, t(10, 9), ONE_STOP, reason="Không thuộc thẩm quyền")
    )
    assert late.status is DossierStatus.REFUSED_AT_INTAKE
    (breach,) = late.breaches
    assert (breach.code, breach.event_index, breach.at) == ("online_intake_late", 1, t(10, 9))
    assert breach.message.endswith("decided 2026-03-10 09:00, due by 2026-03-09 16:00")
    assert breach.legal_ref.article == "Điều 17.2.c"
    assert portal_status_record(late).refused_at == "20260310090000"


def test_the_supplement_is_asked_for_once_even_after_a_payment_round() -> None:
    # Điều 19.5: the supplement is asked for once; a payment round in between changes nothing
    d = _in_process().apply_all(
        [
            DossierEvent(K.SUPPLEMENT_REQUESTED, CODE, t(10, 9), ONE_STOP, reason="Thiếu bản vẽ"),
            DossierEvent(K.SUPPLEMENT_RECEIVED, CODE, t(11, 9), ONE_STOP),
            DossierEvent(K.FORWARDED, CODE, t(11, 10), ONE_STOP, to_unit="UBND"),
            DossierEvent(K.PAYMENT_REQUESTED, CODE, t(11, 11), AUTHORITY),
            DossierEvent(K.PAYMENT_RECEIVED, CODE, t(12, 9), ONE_STOP),
        ]
    )
    assert d.status is DossierStatus.IN_PROCESS
    assert K.SUPPLEMENT_REQUESTED not in d.allowed_events()
    with pytest.raises(InvalidTransition) as info:
        d.apply(DossierEvent(K.SUPPLEMENT_REQUESTED, CODE, t(12, 10), ONE_STOP, reason="Thiếu"))
    assert info.value.context["reason"] == "supplement_already_requested"
    (supplement,) = portal_status_record(d).supplements
    assert (supplement.requested_at, supplement.received_at) == ("20260310090000", "20260311090000")


def test_a_payment_round_with_no_working_time_keeps_the_clock_going() -> None:
    # sector law excludes the time waiting for payment; paid in the same minute, nothing moves,
    # but the pause is on the deadline's record and the clock still runs (Điều 19.6 extension)
    paid = _in_process(sector_rules=SectorRules(payment_excluded_from_limit=True)).apply_all(
        [
            DossierEvent(K.PAYMENT_REQUESTED, CODE, t(10, 9), AUTHORITY),
            DossierEvent(K.PAYMENT_RECEIVED, CODE, t(10, 9), ONE_STOP),
        ]
    )
    assert paid.due_date == dt.date(2026, 3, 16)
    assert paid.extension_allowed(dt.date(2026, 3, 13))
    assert not paid.extension_allowed(dt.date(2026, 3, 16))
    extended = paid.apply(
        DossierEvent(
            K.EXTENSION_GRANTED,
            CODE,
            t(12, 9),
            AUTHORITY,
            reason="Phức tạp",
            new_due_date=dt.date(2026, 3, 20),
        )
    )
    assert extended.due_date == dt.date(2026, 3, 20)
    deadline = extended.deadline_history()[-1].deadline
    assert deadline is not None
    assert [change.kind for change in deadline.history] == [ChangeKind.PAUSE, ChangeKind.EXTENSION]


def test_the_portal_supplement_record_uses_the_dossier_office_hours() -> None:
    # due dates end at the close of the dossier's own office day (17:30 here, not 17:00)
    hours = OfficeHours(((dt.time(7), dt.time(11)), (dt.time(13, 30), dt.time(17, 30))))
    d = _in_process(office_hours=hours).apply(
        DossierEvent(K.SUPPLEMENT_REQUESTED, CODE, t(10, 9), ONE_STOP, reason="Thiếu bản vẽ")
    )
    (supplement,) = portal_status_record(d).supplements
    assert supplement.previous_due == "20260316173000"
    assert supplement.new_due == ""
    received = d.apply(DossierEvent(K.SUPPLEMENT_RECEIVED, CODE, t(11, 9), ONE_STOP))
    (supplement,) = portal_status_record(received).supplements
    assert supplement.new_due.endswith("173000")
