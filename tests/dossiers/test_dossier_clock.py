"""The dossier's processing time: the due date and every revision (restart, verification, extension, payment)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from dossier_builders import (
    AUTHORITY,
    CODE,
    ONE_STOP,
    K,
    _in_process,
    _new,
    s_dossier,
    s_in_process,
    sev,
    t,
    vn,
)

from tthc._time import VN_TZ
from tthc.calendar import OfficeHours, civil_service_calendar
from tthc.deadlines import (
    Alternative,
    AlternativeKind,
    ChangeKind,
    Duration,
    ProcessingTime,
    Timeliness,
    compute_deadline,
    extend,
    parse_processing_time,
    restart_after_supplement,
)
from tthc.dossiers import (
    Actor,
    ActorRole,
    Channel,
    DeadlineRevisionKind,
    Dossier,
    DossierEvent,
    DossierStatus,
    EventKind,
    Handoff,
    Pause,
    PauseReason,
    SectorRules,
    portal_status_record,
)
from tthc.errors import (
    InputTypeError,
    InvalidEvent,
    InvalidTransition,
)
from tthc.legal import LegalRef


def _transition_error(dossier: Dossier, event: DossierEvent) -> InvalidTransition:
    with pytest.raises(InvalidTransition) as info:
        dossier.apply(event)
    err = info.value
    assert err.code == "dossier.invalid_transition"
    assert err.hint == "record one of the allowed events, or fix the event log"
    assert dossier.apply_all([]) == dossier  # a refused event changes nothing
    return err


def _article(revision: object) -> str:
    return revision.legal_ref.article  # type: ignore[attr-defined, no-any-return]


STORM = LegalRef(document="15/QĐ-UBND", kind="Quyết định", issuer="UBND tỉnh",
                 date=dt.date(2026, 3, 1))  # fmt: skip

HOURS = OfficeHours(((dt.time(7), dt.time(11)), (dt.time(13, 30), dt.time(17, 30))))


def _storm_calendar():  # type: ignore[no-untyped-def]
    # a province closes its offices on Thu 12/3 and Wed 25/3/2026 (illustrative decision)
    return civil_service_calendar().with_days_off(
        [dt.date(2026, 3, 12), dt.date(2026, 3, 25)],
        name_vi="Nghỉ tránh bão",
        name_en="Storm closure",
        legal_ref=STORM,
    )


# the helpers of the life-cycle scenarios (tests/dossiers/test_dossier_scenarios.py), another
# dossier code and any date: `vn(2026, 4, 29, 10)`


def test_supplement_round_records_every_field() -> None:
    # Accepted Mon 9/3/2026 09:00, 5 working days: due Mon 16/3. Supplement asked 10/3 09:00,
    # received 12/3 09:00: the limit restarts from zero (Art. 19.5): 13, 16, 17, 18, 19/3.
    d = _in_process().apply_all(
        [
            DossierEvent(K.SUPPLEMENT_REQUESTED, CODE, t(10, 9), ONE_STOP, reason="Thiếu bản sao"),
            DossierEvent(K.SUPPLEMENT_RECEIVED, CODE, t(12, 9), ONE_STOP, reason="đủ"),
        ]
    )
    set_, restart = d.deadline_history()
    assert (set_.event_index, set_.at, set_.kind, set_.due_date, set_.previous_due_date) == (
        0, t(9, 9), DeadlineRevisionKind.SET, dt.date(2026, 3, 16), None,
    )  # fmt: skip
    assert (
        set_.reason
        == "tiếp nhận hồ sơ: bắt đầu tính thời hạn (dossier accepted: the processing time starts)"
    )
    assert set_.due_at == dt.datetime(2026, 3, 16, 17, tzinfo=VN_TZ)
    assert _article(set_) == "Điều 17.1"
    assert (restart.event_index, restart.at, restart.kind) == (
        3,
        t(12, 9),
        DeadlineRevisionKind.RESTARTED,
    )
    assert (restart.due_date, restart.previous_due_date) == (dt.date(2026, 3, 19), set_.due_date)
    assert restart.reason == (
        "nhận đủ hồ sơ bổ sung: thời hạn tính lại từ đầu (complete supplement received: the "
        "limit restarts from zero) (đủ)"
    )
    assert _article(restart) == "Điều 19.5"
    assert restart.deadline.accepted_at == t(12, 9)
    assert d.pauses() == (Pause(PauseReason.SUPPLEMENT, t(10, 9), t(12, 9), True),)
    assert d.handoffs() == (Handoff(1, t(9, 10), ONE_STOP.unit, "UBND", None, None),)
    (supplement,) = portal_status_record(d).supplements
    assert (supplement.requested_at, supplement.received_at) == ("20260310090000", "20260312090000")
    assert (supplement.previous_due, supplement.new_due) == ("20260316170000", "20260319170000")
    assert d.waiting_for_applicant() == dt.timedelta(days=2)
    # the supplement was asked for: a second request is no longer offered
    assert (
        K.SUPPLEMENT_REQUESTED
        not in d.apply(
            DossierEvent(K.FORWARDED, CODE, t(12, 10), ONE_STOP, to_unit="UBND")
        ).allowed_events()
    )


def test_a_dossier_waiting_for_a_supplement_is_judged_at_the_request() -> None:
    # Decision 766/QĐ-TTg indicator: the time the citizen takes is not the authority's delay
    waiting = _in_process().apply(
        DossierEvent(K.SUPPLEMENT_REQUESTED, CODE, t(10, 9), ONE_STOP, reason="Thiếu")
    )
    assert waiting.timeliness(t(30, 9)) is Timeliness.IN_TIME
    assert _in_process().timeliness(t(30, 9)) is Timeliness.OVERDUE
    late_request = _in_process().apply(
        DossierEvent(K.SUPPLEMENT_REQUESTED, CODE, t(17, 9), ONE_STOP, reason="Thiếu")
    )
    assert late_request.timeliness(t(30, 9)) is Timeliness.OVERDUE
    assert _new().timeliness(t(30, 9)) is None  # never accepted: no due date


def test_payment_time_excluded_by_sector_law() -> None:
    # The pause 10/3 09:00 - 12/3 09:00 is two working days, so 16/3 becomes 18/3.
    sector = LegalRef(document="99/2026/NĐ-CP", kind="Nghị định", issuer="Chính phủ",
                      date=dt.date(2026, 1, 1), article="Điều 9")  # fmt: skip
    d = _new(sector_rules=SectorRules(payment_excluded_from_limit=True, legal_ref=sector))
    d = d.apply_all(
        [
            DossierEvent(K.ACCEPTED, CODE, t(9, 9), ONE_STOP),
            DossierEvent(K.FORWARDED, CODE, t(9, 10), ONE_STOP, to_unit="UBND"),
            DossierEvent(K.PAYMENT_REQUESTED, CODE, t(10, 9), AUTHORITY, amount=Decimal(50000)),
        ]
    )
    assert d.pauses() == (Pause(PauseReason.PAYMENT, t(10, 9), None, True),)
    paid = d.apply(DossierEvent(K.PAYMENT_RECEIVED, CODE, t(12, 9), ONE_STOP))
    assert paid.pauses() == (Pause(PauseReason.PAYMENT, t(10, 9), t(12, 9), True),)
    _, moved = paid.deadline_history()
    assert (moved.event_index, moved.at, moved.kind) == (
        3,
        t(12, 9),
        DeadlineRevisionKind.PAYMENT_EXCLUDED,
    )
    assert (moved.due_date, moved.previous_due_date) == (dt.date(2026, 3, 18), dt.date(2026, 3, 16))
    assert moved.due_at == dt.datetime(2026, 3, 18, 17, tzinfo=VN_TZ)
    assert moved.reason == (
        "time waiting for payment excluded by sector law: 10/03/2026 09:00 – 12/03/2026 09:00 "
        "(Điều 9, Nghị định 99/2026/NĐ-CP (Chính phủ, 01/01/2026))"
    )
    assert moved.legal_ref == sector
    assert moved.deadline.due_date == dt.date(2026, 3, 18)
    assert paid.due_date == dt.date(2026, 3, 18)
    # a second payment round starts from the moved clock
    again = paid.apply_all(
        [
            DossierEvent(K.PAYMENT_REQUESTED, CODE, t(13, 9), AUTHORITY),
            DossierEvent(K.PAYMENT_RECEIVED, CODE, t(16, 9), ONE_STOP),
        ]
    )
    assert again.due_date == dt.date(2026, 3, 19)  # 13/3 09:00 - 16/3 09:00: one working day
    assert again.pauses() == (
        Pause(PauseReason.PAYMENT, t(10, 9), t(12, 9), True),
        Pause(PauseReason.PAYMENT, t(13, 9), t(16, 9), True),
    )
    # without the sector rule the clock runs (Decree 118/2025 has no such pause)
    plain = _in_process().apply_all(
        [
            DossierEvent(K.PAYMENT_REQUESTED, CODE, t(10, 9), AUTHORITY),
            DossierEvent(K.PAYMENT_RECEIVED, CODE, t(12, 9), ONE_STOP),
        ]
    )
    assert plain.due_date == dt.date(2026, 3, 16)
    assert plain.pauses() == (Pause(PauseReason.PAYMENT, t(10, 9), t(12, 9), False),)


def test_verification_switches_to_the_longer_limit_once() -> None:
    text = "05 ngày làm việc; trường hợp cần xác minh thì không quá 10 ngày làm việc"
    d = _new(processing_time=parse_processing_time(text)).apply_all(
        [
            DossierEvent(K.ACCEPTED, CODE, t(9, 9), ONE_STOP),
            DossierEvent(K.FORWARDED, CODE, t(9, 10), ONE_STOP, to_unit="UBND"),
            DossierEvent(K.VERIFICATION_REQUIRED, CODE, t(10, 9), AUTHORITY),
            DossierEvent(K.VERIFICATION_REQUIRED, CODE, t(11, 9), AUTHORITY),
        ]
    )
    _, switched = d.deadline_history()
    assert (switched.event_index, switched.at, switched.kind) == (
        2,
        t(10, 9),
        DeadlineRevisionKind.VERIFICATION,
    )
    assert (
        switched.reason
        == "cần xác minh: áp dụng thời hạn dài hơn (verification needed: the longer limit applies)"
    )
    assert (switched.due_date, switched.previous_due_date) == (
        dt.date(2026, 3, 23),
        dt.date(2026, 3, 16),
    )
    assert d.deadline is not None
    assert len(d.deadline.history) == 1
    # an alternative shorter than the base limit changes nothing
    shorter = "10 ngày làm việc; trường hợp cần xác minh thì không quá 05 ngày làm việc"
    s = _new(processing_time=parse_processing_time(shorter)).apply_all(
        [
            DossierEvent(K.ACCEPTED, CODE, t(9, 9), ONE_STOP),
            DossierEvent(K.FORWARDED, CODE, t(9, 10), ONE_STOP, to_unit="UBND"),
            DossierEvent(K.VERIFICATION_REQUIRED, CODE, t(10, 9), AUTHORITY),
        ]
    )
    assert len(s.deadline_history()) == 1
    assert s.due_date == dt.date(2026, 3, 23)
    assert s.deadline is not None
    assert s.deadline.history == ()


def test_the_verification_switch_happens_once_in_the_clock_history() -> None:
    # A second "verification required" changes nothing, not even the clock's own history: an
    # extension granted afterwards carries one ALTERNATIVE change, then the EXTENSION.
    from tthc.deadlines import ChangeKind

    text = "05 ngày làm việc; trường hợp cần xác minh thì không quá 10 ngày làm việc"
    d = _new(processing_time=parse_processing_time(text)).apply_all(
        [
            DossierEvent(K.ACCEPTED, CODE, t(9, 9), ONE_STOP),
            DossierEvent(K.FORWARDED, CODE, t(9, 10), ONE_STOP, to_unit="UBND"),
            DossierEvent(K.VERIFICATION_REQUIRED, CODE, t(10, 9), AUTHORITY),
            DossierEvent(K.VERIFICATION_REQUIRED, CODE, t(11, 9), AUTHORITY),
            DossierEvent(
                K.EXTENSION_GRANTED, CODE, t(12, 9), AUTHORITY, reason="r",
                new_due_date=dt.date(2026, 3, 25),
            ),
        ]
    )  # fmt: skip
    extended = d.deadline_history()[-1].deadline
    assert [c.kind for c in extended.history] == [ChangeKind.ALTERNATIVE, ChangeKind.EXTENSION]
    # a shorter conditional limit keeps the clock, which later events still use
    shorter = "10 ngày làm việc; trường hợp cần xác minh thì không quá 05 ngày làm việc"
    s = _new(processing_time=parse_processing_time(shorter)).apply_all(
        [
            DossierEvent(K.ACCEPTED, CODE, t(9, 9), ONE_STOP),
            DossierEvent(K.FORWARDED, CODE, t(9, 10), ONE_STOP, to_unit="UBND"),
            DossierEvent(K.VERIFICATION_REQUIRED, CODE, t(10, 9), AUTHORITY),
            DossierEvent(
                K.EXTENSION_GRANTED, CODE, t(12, 9), AUTHORITY, reason="r",
                new_due_date=dt.date(2026, 3, 25),
            ),
        ]
    )  # fmt: skip
    assert s.due_date == dt.date(2026, 3, 25)
    assert [c.kind for c in s.deadline_history()[-1].deadline.history] == [ChangeKind.EXTENSION]


def test_the_dossier_calendar_and_office_hours_are_used_everywhere() -> None:
    d = _new(calendar=_storm_calendar(), office_hours=HOURS).apply_all(
        [
            DossierEvent(K.ACCEPTED, CODE, t(9, 9), ONE_STOP),
            DossierEvent(
                K.FORWARDED, CODE, t(9, 10), ONE_STOP, to_unit="UBND",
                time_allowed=Duration.working_days(3),
            ),
        ]
    )  # fmt: skip
    # 5 working days without 12/3: 10, 11, 13, 16, 17/3, closing at 17:30
    assert d.deadline_history()[0].due_at == dt.datetime(2026, 3, 17, 17, 30, tzinfo=VN_TZ)
    (handoff,) = d.handoffs()
    assert handoff.step_due is not None
    assert handoff.step_due.due_at == dt.datetime(2026, 3, 13, 17, 30, tzinfo=VN_TZ)
    assert handoff.time_allowed == Duration.working_days(3)
    # the supplement notice period (3 working days) ends on 13/3, not 12/3
    asked = d.apply(DossierEvent(K.SUPPLEMENT_REQUESTED, CODE, t(13, 9), ONE_STOP, reason="x"))
    assert asked.breaches == ()
    d = d.apply(DossierEvent(K.SUPPLEMENT_REQUESTED, CODE, t(10, 9), ONE_STOP, reason="x"))
    # the restart after the supplement (Điều 19.5) counts on the same calendar: 5 working days
    # from Wed 11/3 without 12/3 are 13, 16, 17, 18, 19/3 (18/3 on the national calendar)
    restarted = d.apply(DossierEvent(K.SUPPLEMENT_RECEIVED, CODE, t(11, 10), ONE_STOP))
    assert restarted.deadline is not None
    assert restarted.deadline.due_at == dt.datetime(2026, 3, 19, 17, 30, tzinfo=VN_TZ)
    assert restarted.deadline.calendar is d.calendar
    # 15 days from 10/3 end on 25/3, a day off: the period ends 26/3 (Civil Code Art. 148.5)
    err = _transition_error(d, DossierEvent(K.CLOSED_NO_SUPPLEMENT, CODE, t(26, 16), ONE_STOP))
    assert err.context["earliest"] == "2026-03-27"
    assert d.apply(DossierEvent(K.CLOSED_NO_SUPPLEMENT, CODE, t(27, 7), ONE_STOP)).status is (
        DossierStatus.STOPPED
    )


def test_extension_allowed_takes_a_date() -> None:
    d = _in_process()  # due Mon 16/3: the extension is asked by Fri 13/3 (Art. 19.6)
    assert d.extension_allowed(dt.date(2026, 3, 13)) is True
    assert d.extension_allowed(dt.date(2026, 3, 16)) is False
    assert d.extension_allowed(t(13, 23)) is True
    with pytest.raises(InputTypeError) as info:
        d.extension_allowed("2026-03-13")  # type: ignore[arg-type]
    assert info.value.context["argument"] == "on"


def test_dossier_revisions_are_the_deadlines_module_computations() -> None:
    # E3/E4(a)/E5 (tthc rules §7): accepted Mon 9/3/2026 09:15, 10 working days -> 23/3;
    # supplement asked 11/3, received Fri 20/3 10:00 -> restart -> Fri 3/4 (Điều 19.5);
    # extension notified Thu 2/4 -> Fri 10/4 (Điều 19.6).
    d = s_in_process(vn(2026, 3, 9, 9, 15), days=10)
    d = d.apply(sev(K.SUPPLEMENT_REQUESTED, vn(2026, 3, 11, 10), reason="bổ sung"))
    d = d.apply(sev(K.SUPPLEMENT_RECEIVED, vn(2026, 3, 20, 10)))
    d = d.apply(sev(K.FORWARDED, vn(2026, 3, 20, 11), to_unit="UBND"))
    d = d.apply(
        sev(
            K.EXTENSION_GRANTED,
            vn(2026, 4, 2, 9),
            AUTHORITY,
            new_due_date=dt.date(2026, 4, 10),
            reason="xin lỗi",
        )
    )
    expected = compute_deadline(vn(2026, 3, 9, 9, 15), Duration.working_days(10))
    expected = restart_after_supplement(expected, vn(2026, 3, 20, 10))
    expected = extend(
        expected, requested_on=dt.date(2026, 4, 2), new_duration_or_due=dt.date(2026, 4, 10)
    )
    # Dossier.deadline is the Deadline in force (issue 21); deadline_revision says which event
    current = d.deadline
    assert current is not None
    assert current == expected
    assert d.deadline_revision is not None
    assert d.deadline_revision.deadline == expected
    assert [c.kind for c in current.history] == [ChangeKind.RESTART, ChangeKind.EXTENSION]
    assert [r.due_date for r in d.deadline_history()] == [
        dt.date(2026, 3, 23),
        dt.date(2026, 4, 3),
        dt.date(2026, 4, 10),
    ]
    assert all(r.deadline is not None for r in d.deadline_history())


def test_extension_to_a_day_off_is_refused() -> None:
    # Điều 19.6 re-sets the return date; Sat 11/4/2026 is no working day (tthc.deadlines.extend)
    d = s_in_process(vn(2026, 3, 20, 9), days=10)
    with pytest.raises(InvalidEvent) as info:
        d.apply(
            sev(
                K.EXTENSION_GRANTED,
                vn(2026, 4, 1, 9),
                new_due_date=dt.date(2026, 4, 11),
                reason="xin lỗi",
            )
        )
    assert info.value.context["reason"] == "extension_not_a_working_day"


def test_verification_after_an_extension_keeps_the_extended_date() -> None:
    # 03 working days (due Thu 12/3/2026), extended to Fri 20/3; verification (05 working days,
    # Mon 16/3) does not shorten the promised date (tthc.deadlines.switch_to_alternative).
    limit = ProcessingTime(
        source="03 ngày làm việc; trường hợp cần xác minh thì không quá 05 ngày làm việc",
        base=Duration.working_days(3),
        alternatives=(Alternative(Duration.working_days(5), AlternativeKind.VERIFICATION),),
    )
    d = s_dossier(limit=limit).apply(sev(K.ACCEPTED, vn(2026, 3, 9, 9)))
    d = d.apply(sev(K.FORWARDED, vn(2026, 3, 9, 10), to_unit="UBND"))
    d = d.apply(
        sev(
            K.EXTENSION_GRANTED,
            vn(2026, 3, 10, 9),
            AUTHORITY,
            new_due_date=dt.date(2026, 3, 20),
            reason="xin lỗi",
        )
    )
    d = d.apply(sev(K.VERIFICATION_REQUIRED, vn(2026, 3, 11, 9), AUTHORITY))
    assert d.due_date == dt.date(2026, 3, 20)
    assert d.deadline_history()[-1].kind is DeadlineRevisionKind.EXTENDED


def test_catalogue_rule_counting_from_the_next_working_day_after_15h() -> None:
    # Procedure 3.000722 (national catalogue, as of 12/9/2026): "Ba (03) ngày làm việc ...,
    # trường hợp phải xác minh thì không quá năm (05) ngày làm việc. Nếu tiếp nhận hồ sơ sau 15
    # giờ thì thời gian được tính bắt đầu từ ngày làm việc tiếp theo."
    from tthc.deadlines import parse_processing_time

    text = (
        "Ba (03) ngày làm việc kể từ khi các cơ quan có thẩm quyền giải quyết nhận đầy đủ hồ sơ "
        "theo quy định, trường hợp phải xác minh thì không quá năm (05) ngày làm việc. Nếu tiếp "
        "nhận hồ sơ sau 15 giờ thì thời gian được tính bắt đầu từ ngày làm việc tiếp theo."
    )
    code = "000.00.31.H13-260309-0007"
    portal = Actor(ActorRole.PORTAL, "Cổng Dịch vụ công quốc gia")
    one_stop = Actor(ActorRole.ONE_STOP, "Công an xã")
    police = Actor(ActorRole.COMPETENT_AUTHORITY, "Công an xã")

    def accepted(hour: int) -> Dossier:
        d = Dossier(code, "3.000722", Channel.ONLINE, "Công an xã", "Công an xã",
                    parse_processing_time(text))  # fmt: skip
        return d.apply_all(
            [
                DossierEvent(EventKind.SUBMITTED_ONLINE, code, dt.datetime(2026, 3, 9, 8, tzinfo=VN_TZ), portal),
                DossierEvent(EventKind.ACCEPTED, code, dt.datetime(2026, 3, 9, hour, tzinfo=VN_TZ), one_stop),
            ]
        )  # fmt: skip

    # accepted Mon 9/3/2026 at 14:00: 10, 11, 12/3
    assert accepted(14).due_date == dt.date(2026, 3, 12)
    # at 16:00: counted as received Tue 10/3, so 11, 12, 13/3
    late = accepted(16)
    assert late.due_date == dt.date(2026, 3, 13)
    assert late.deadline is not None
    assert late.deadline.start == dt.datetime(2026, 3, 10, 7, 30, tzinfo=VN_TZ)
    # verification: the 5-day limit from the same start (11-13, 16, 17/3)
    verified = late.apply_all(
        [
            DossierEvent(EventKind.FORWARDED, code, dt.datetime(2026, 3, 10, 8, tzinfo=VN_TZ), one_stop, to_unit="Công an xã"),
            DossierEvent(EventKind.VERIFICATION_REQUIRED, code, dt.datetime(2026, 3, 10, 9, tzinfo=VN_TZ), police),
        ]
    )  # fmt: skip
    assert verified.due_date == dt.date(2026, 3, 17)


def test_what_leaves_the_clock_alone() -> None:
    # a catalogue limit without a verification alternative keeps its due date (Mon 16/3/2026)
    plain = ProcessingTime(source="05 ngày làm việc", base=Duration.working_days(5))
    d = _new(processing_time=plain).apply_all(
        [
            DossierEvent(K.ACCEPTED, CODE, t(9, 9), ONE_STOP),
            DossierEvent(K.FORWARDED, CODE, t(9, 10), ONE_STOP, to_unit="UBND"),
            DossierEvent(K.VERIFICATION_REQUIRED, CODE, t(10, 9), AUTHORITY),
        ]
    )
    assert [r.kind for r in d.deadline_history()] == [DeadlineRevisionKind.SET]
    # paid the moment it was asked: no working time to exclude, no revision (sector law)
    sector = SectorRules(payment_excluded_from_limit=True)
    paid = _new(sector_rules=sector).apply_all(
        [
            DossierEvent(K.ACCEPTED, CODE, t(9, 9), ONE_STOP),
            DossierEvent(K.FORWARDED, CODE, t(9, 10), ONE_STOP, to_unit="UBND"),
            DossierEvent(K.PAYMENT_REQUESTED, CODE, t(10, 9), AUTHORITY),
            DossierEvent(K.PAYMENT_RECEIVED, CODE, t(10, 9), ONE_STOP),
        ]
    )
    assert paid.due_date == dt.date(2026, 3, 16)
    assert len(paid.deadline_history()) == 1
    # an open pause has no length until an instant is given
    waiting = _in_process().apply(DossierEvent(K.PAYMENT_REQUESTED, CODE, t(10, 9), AUTHORITY))
    (pause,) = waiting.pauses()
    assert pause.duration() is None
    assert waiting.waiting_for_applicant() == dt.timedelta(0)
    assert waiting.waiting_for_applicant(t(10, 12)) == dt.timedelta(hours=3)
