"""Scenario tests of the dossier life cycle, each from the law (Decree 118/2025/NĐ-CP).

Dates use the official 2026 public-sector calendar (Mon 27/4/2026 compensatory day off for Giỗ
Tổ; Thu 30/4 and Fri 1/5/2026 holidays). The worked examples E1-E5 and E9 are those of the tthc
rules spec §7, derived from the articles cited in each test."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tthc._time import VN_TZ
from tthc.deadlines import (
    Alternative,
    AlternativeKind,
    Duration,
    ProcessingTime,
    Timeliness,
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
    PauseReason,
    SectorRules,
    portal_status_record,
)
from tthc.errors import InvalidEvent, InvalidTransition
from tthc.legal import LegalRef

CODE = "000.00.01.H29-260429-0001"

ONE_STOP = Actor(ActorRole.ONE_STOP, "Trung tâm Phục vụ hành chính công phường Sài Gòn")

AUTHORITY = Actor(ActorRole.COMPETENT_AUTHORITY, "UBND phường Sài Gòn")

APPLICANT = Actor(ActorRole.APPLICANT, "Nguyễn Thị Hoà")

K = EventKind

S = DossierStatus


def t(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=VN_TZ)


def ev(kind: EventKind, at: dt.datetime, actor: Actor = ONE_STOP, **kw: object) -> DossierEvent:
    return DossierEvent(kind, CODE, at, actor, **kw)  # type: ignore[arg-type]


def dossier(
    channel: Channel = Channel.COUNTER,
    limit: Duration | ProcessingTime | None = None,
    **kw: object,
) -> Dossier:
    return Dossier(
        CODE,
        "1.001193",
        channel,
        "Trung tâm Phục vụ hành chính công phường Sài Gòn",
        "UBND phường Sài Gòn",
        limit if limit is not None else Duration.working_days(5),
        **kw,  # type: ignore[arg-type]
    )


def in_process(accepted: dt.datetime, days: int = 5, **kw: object) -> Dossier:
    d = dossier(limit=Duration.working_days(days), **kw)
    d = d.apply(ev(K.ACCEPTED, accepted))
    return d.apply(ev(K.FORWARDED, accepted + dt.timedelta(minutes=30), to_unit="UBND phường"))


def _online_e3() -> Dossier:
    d = dossier(Channel.ONLINE, Duration.working_days(10))
    d = d.apply(ev(K.SUBMITTED_ONLINE, t(2026, 3, 7, 21), APPLICANT))
    d = d.apply(ev(K.ACCEPTED, t(2026, 3, 9, 9, 15)))
    return d.apply(ev(K.FORWARDED, t(2026, 3, 9, 9, 20), to_unit="UBND phường Sài Gòn"))


def test_counter_dossier_on_time_e1() -> None:
    # NĐ 118 Điều 17.1, 17.3 (clock starts at acceptance); BLDS 147.2, 148.5. E1: accepted Wed
    # 29/4/2026 10:00, 5 working days -> Mon 4/5 ... Fri 8/5 (30/4, 1/5 holidays).
    d = dossier().apply(ev(K.ACCEPTED, t(2026, 4, 29, 10)))
    assert d.status is S.ACCEPTED
    assert d.due_date == dt.date(2026, 5, 8)
    assert d.accepted_at == t(2026, 4, 29, 10)
    assert portal_status_record(d).status_code == 2
    # Điều 18.2: received after 15:00? no, 10:00 -> forwarded the same day.
    d = d.apply(ev(K.FORWARDED, t(2026, 4, 29, 14), to_unit="UBND phường Sài Gòn"))
    assert d.status is S.IN_PROCESS
    assert portal_status_record(d).status_code == 4
    d = d.apply(ev(K.RESULT_ISSUED, t(2026, 5, 7, 16), AUTHORITY))
    assert d.status is S.RESULT_READY
    assert d.finished_at == t(2026, 5, 7, 16)
    d = d.apply(ev(K.RESULT_DELIVERED, t(2026, 5, 8, 9)))
    assert d.status is S.DELIVERED
    # 766 indicator: end of processing = "Đã xử lý xong" (7/5) < due (8/5) -> early.
    assert d.timeliness(t(2026, 5, 31)) is Timeliness.EARLY
    assert d.breaches == ()
    record = portal_status_record(d)
    assert record.status_code == 10
    assert record.channel_code == 1
    assert record.received_at == "20260429100000"
    assert record.due_at == "20260508170000"
    assert record.finished_at == "20260507160000"
    assert record.delivered_at == "20260508090000"
    portal = record.to_portal_dict()
    assert portal["MaHoSo"] == CODE
    assert portal["TrangThaiHoSo"] == 10
    assert portal["NgayHenTra"] == "20260508170000"
    # earlier status changes can be rebuilt from the log
    assert portal_status_record(d, 0).status_code == 2
    assert portal_status_record(d, -2).status_code == 9
    # status at any instant
    assert d.status_at(t(2026, 4, 29, 9)) is S.DRAFT
    assert d.status_at(t(2026, 4, 29, 10)) is S.ACCEPTED
    assert d.status_at(t(2026, 5, 1)) is S.IN_PROCESS
    assert d.status_at(t(2026, 6, 1)) is S.DELIVERED


def test_counter_dossier_due_day_result_is_on_time_and_open_dossier_overdue() -> None:
    # Classification by date (766 indicator 2.1): finished on the due date -> on time.
    d = in_process(t(2026, 4, 29, 10))
    assert d.timeliness(t(2026, 5, 8, 16)) is Timeliness.IN_TIME
    assert d.timeliness(t(2026, 5, 11, 8)) is Timeliness.OVERDUE
    done = d.apply(ev(K.RESULT_ISSUED, t(2026, 5, 8, 16), AUTHORITY))
    assert done.timeliness(t(2026, 5, 31)) is Timeliness.ON_TIME
    # as of a moment before the result, the dossier was still open and in time
    assert done.timeliness(t(2026, 5, 6)) is Timeliness.IN_TIME
    assert dossier().timeliness(t(2026, 5, 6)) is None  # never accepted: no due date


def test_online_dossier_submitted_at_night_e3() -> None:
    # NĐ 118 Điều 17.2-17.3. E3: submitted Sat 7/3/2026 21:00; accepted Mon 9/3 09:15 within 8
    # working hours; 10 working days -> Tue 10/3 = day 1 ... Mon 23/3 = day 10.
    d = dossier(Channel.ONLINE, Duration.working_days(10))
    d = d.apply(ev(K.SUBMITTED_ONLINE, t(2026, 3, 7, 21), APPLICANT))
    assert d.status is S.SUBMITTED
    assert d.due_date is None  # the clock starts at acceptance, not submission (Điều 17.3)
    assert portal_status_record(d).status_code == 1
    accepted = d.apply(ev(K.ACCEPTED, t(2026, 3, 9, 9, 15)))
    assert accepted.due_date == dt.date(2026, 3, 23)
    assert accepted.submitted_at == t(2026, 3, 7, 21)
    assert accepted.breaches == ()
    record = portal_status_record(accepted)
    assert record.submitted_at == "20260307210000"
    assert record.received_at == "20260309091500"
    assert record.channel_code == 2
    # Điều 17.2.c: 8 working hours from Mon 07:30 end Mon 17:00; a decision at 17:30 is late.
    late = d.apply(ev(K.ACCEPTED, t(2026, 3, 9, 17, 30)))
    assert [b.code for b in late.breaches] == ["online_intake_late"]
    assert late.breaches[0].legal_ref.article == "Điều 17.2.c"


def test_online_dossier_returned_at_intake_then_resubmitted() -> None:
    # NĐ 118 Điều 17.2 (one complete notice), Điều 16.3 / 11.2.c (only once).
    d = dossier(Channel.ONLINE).apply(ev(K.SUBMITTED_ONLINE, t(2026, 3, 9, 8), APPLICANT))
    d = d.apply(ev(K.RETURNED_AT_INTAKE, t(2026, 3, 9, 10), reason="thiếu tờ khai"))
    assert d.status is S.RETURNED_AT_INTAKE
    assert d.pauses()[0].reason is PauseReason.INTAKE_COMPLETION
    assert d.pauses()[0].stops_clock is False
    d = d.apply(ev(K.SUBMITTED_ONLINE, t(2026, 3, 10, 8), APPLICANT))
    assert d.pauses()[0].end == t(2026, 3, 10, 8)
    assert d.submitted_at == t(2026, 3, 9, 8)
    d = d.apply(ev(K.RETURNED_AT_INTAKE, t(2026, 3, 10, 9), reason="thiếu ảnh"))
    assert [b.code for b in d.breaches] == ["intake_return_repeated"]
    assert d.waiting_for_applicant(t(2026, 3, 10, 10)) == dt.timedelta(hours=23)


def test_counter_refusal_at_intake_is_final() -> None:
    # NĐ 118 Điều 17.1: refusal with written reasons; nothing follows.
    d = dossier().apply(ev(K.REFUSED_AT_INTAKE, t(2026, 3, 9, 8), reason="không thuộc thẩm quyền"))
    assert d.status is S.REFUSED_AT_INTAKE
    assert d.status.is_terminal
    assert d.allowed_events() == ()
    assert portal_status_record(d).refused_at == "20260309080000"
    with pytest.raises(InvalidTransition) as info:
        d.apply(ev(K.ACCEPTED, t(2026, 3, 9, 9)))
    assert info.value.context["allowed"] == ()
    with pytest.raises(InvalidEvent, match="Lý do"):
        ev(K.REFUSED_AT_INTAKE, t(2026, 3, 9, 8))


def test_supplement_restarts_the_limit_and_keeps_the_old_due_date_e4a() -> None:
    # NĐ 118 Điều 19.5: "Thời hạn giải quyết được tính lại từ đầu sau khi nhận đủ hồ sơ". E4(a):
    # request Wed 11/3 (within 3 working days: latest Thu 12/3), complete Fri 20/3 -> new due
    # Fri 3/4 (Mon 23/3 = day 1 ... Fri 3/4 = day 10); the old due date 23/3 is kept.
    d = _online_e3().apply(
        ev(K.SUPPLEMENT_REQUESTED, t(2026, 3, 11, 10), reason="bổ sung bản sao trích lục")
    )
    assert d.status is S.SUPPLEMENT_REQUESTED
    assert portal_status_record(d).status_code == 5
    assert d.breaches == ()
    d = d.apply(ev(K.SUPPLEMENT_RECEIVED, t(2026, 3, 20, 9)))
    assert d.status is S.ACCEPTED
    assert d.due_date == dt.date(2026, 4, 3)
    history = d.deadline_history()
    assert [h.kind for h in history] == [DeadlineRevisionKind.SET, DeadlineRevisionKind.RESTARTED]
    assert history[0].due_date == dt.date(2026, 3, 23)
    assert history[1].previous_due_date == dt.date(2026, 3, 23)
    assert history[1].legal_ref.article == "Điều 19.5"
    assert "restarts" in history[1].reason
    record = portal_status_record(d)
    (supplement,) = record.supplements
    assert supplement.requested_at == "20260311100000"
    assert supplement.received_at == "20260320090000"
    assert supplement.previous_due == "20260323170000"
    assert supplement.new_due == "20260403170000"
    pause = d.pauses()[0]
    assert pause.reason is PauseReason.SUPPLEMENT
    assert pause.stops_clock
    assert d.waiting_for_applicant() == t(2026, 3, 20, 9) - t(2026, 3, 11, 10)
    # Điều 11.2.c: a supplement may be requested only once.
    d = d.apply(ev(K.FORWARDED, t(2026, 3, 20, 9, 30), to_unit="UBND phường Sài Gòn"))
    assert K.SUPPLEMENT_REQUESTED not in d.allowed_events()
    with pytest.raises(InvalidTransition) as info:
        d.apply(ev(K.SUPPLEMENT_REQUESTED, t(2026, 3, 23, 9), reason="thiếu giấy tờ khác"))
    assert info.value.context["reason"] == "supplement_already_requested"
    assert info.value.context["rule"] == "T7"
    # E4 (766 view): result Tue 31/3 15:00 against the synced due 3/4 -> early.
    d = d.apply(ev(K.RESULT_ISSUED, t(2026, 3, 31, 15), AUTHORITY))
    assert d.timeliness(t(2026, 4, 30)) is Timeliness.EARLY
    # while the applicant was completing, the dossier was judged at the request (766 rule)
    assert d.timeliness(t(2026, 3, 25)) is Timeliness.IN_TIME


def test_late_or_direct_supplement_request_is_a_flagged_breach_not_a_refusal() -> None:
    # Điều 19.5 (≤ 03 working days after acceptance) and Điều 5.1.e (only via the one-stop):
    # violations are recorded, not refused. Accepted Mon 9/3 -> latest notice Thu 12/3.
    d = _online_e3().apply(
        ev(K.SUPPLEMENT_REQUESTED, t(2026, 3, 16, 10), AUTHORITY, reason="thiếu giấy tờ")
    )
    assert d.status is S.SUPPLEMENT_REQUESTED
    codes = [b.code for b in d.breaches]
    assert codes == ["supplement_request_late", "supplement_not_via_one_stop"]
    assert "2026-03-12" in d.breaches[0].message
    # a sector law with a longer notice period (here 5 working days: latest Mon 16/3) is no breach
    sector = dossier(
        Channel.COUNTER,
        Duration.working_days(10),
        sector_rules=SectorRules(supplement_notice_working_days=5),
    )
    sector = sector.apply(ev(K.ACCEPTED, t(2026, 3, 9, 9, 15)))
    sector = sector.apply(ev(K.FORWARDED, t(2026, 3, 9, 9, 20), to_unit="UBND"))
    sector = sector.apply(ev(K.SUPPLEMENT_REQUESTED, t(2026, 3, 16, 10), reason="thiếu"))
    assert sector.breaches == ()


def test_no_supplement_within_15_days_closes_the_dossier_e4b() -> None:
    # NĐ 118 Điều 19.5 + BLDS 147.2/148: notice Wed 11/3 -> 15 days end 24:00 Thu 26/3 -> the
    # one-stop may close from Fri 27/3/2026 (status 8).
    d = _online_e3().apply(ev(K.SUPPLEMENT_REQUESTED, t(2026, 3, 11, 10), reason="bổ sung"))
    with pytest.raises(InvalidTransition) as info:
        d.apply(ev(K.CLOSED_NO_SUPPLEMENT, t(2026, 3, 26, 16)))
    assert info.value.context["reason"] == "supplement_period_running"
    assert info.value.context["earliest"] == "2026-03-27"
    assert d.status is S.SUPPLEMENT_REQUESTED  # the original is unchanged
    closed = d.apply(ev(K.CLOSED_NO_SUPPLEMENT, t(2026, 3, 27, 8)))
    assert closed.status is S.STOPPED
    assert closed.status.is_terminal
    assert portal_status_record(closed).status_code == 8
    assert closed.pauses()[0].end == t(2026, 3, 27, 8)
    # processing ended, for the metrics, at the request (766: citizen time is not counted)
    assert closed.finished_at == t(2026, 3, 11, 10)
    assert closed.timeliness(t(2026, 3, 31)) is Timeliness.EARLY
    # sector law may give the applicant longer: 30 days -> not before Sat 11/4 ... closes from
    # Tue 14/4 (Fri 10/4 + 30 = Sat 11/4 -> rolled to Mon 13/4, BLDS 148.5).
    longer = dossier(
        Channel.COUNTER,
        Duration.working_days(10),
        sector_rules=SectorRules(supplement_wait_days=30),
    )
    longer = longer.apply_all(
        [
            ev(K.ACCEPTED, t(2026, 3, 9, 9)),
            ev(K.FORWARDED, t(2026, 3, 9, 10), to_unit="UBND"),
            ev(K.SUPPLEMENT_REQUESTED, t(2026, 3, 12, 9), reason="bổ sung"),
        ]
    )
    with pytest.raises(InvalidTransition):
        longer.apply(ev(K.CLOSED_NO_SUPPLEMENT, t(2026, 4, 13, 9)))
    assert longer.apply(ev(K.CLOSED_NO_SUPPLEMENT, t(2026, 4, 14, 9))).status is S.STOPPED


def test_extension_with_apology_then_late_e5() -> None:
    # NĐ 118 Điều 19.6: apology + new date, at the latest one day before the due date, once.
    # Accepted Fri 20/3/2026, 10 working days -> due Fri 3/4; notice by Thu 2/4 (E5).
    d = in_process(t(2026, 3, 20, 9), days=10)
    assert d.due_date == dt.date(2026, 4, 3)
    assert d.extension_allowed(dt.date(2026, 4, 2))
    assert d.extension_allowed(t(2026, 4, 2, 16))
    assert not d.extension_allowed(dt.date(2026, 4, 3))
    with pytest.raises(InvalidEvent, match="Lý do"):
        ev(K.EXTENSION_GRANTED, t(2026, 4, 2, 9), AUTHORITY, new_due_date=dt.date(2026, 4, 10))
    apology = "Xin lỗi ông/bà: cần lấy ý kiến Sở Tư pháp, hẹn lại ngày 10/4/2026"
    extended = d.apply(
        ev(
            K.EXTENSION_GRANTED,
            t(2026, 4, 2, 9),
            AUTHORITY,
            new_due_date=dt.date(2026, 4, 10),
            reason=apology,
        )
    )
    assert extended.status is S.IN_PROCESS
    assert extended.due_date == dt.date(2026, 4, 10)
    assert extended.breaches == ()
    last = extended.deadline_history()[-1]
    assert last.kind is DeadlineRevisionKind.EXTENDED
    assert last.previous_due_date == dt.date(2026, 4, 3)
    assert last.reason == apology
    assert last.legal_ref.article == "Điều 19.6, 12.5"
    assert not extended.extension_allowed(dt.date(2026, 4, 6))
    # "không quá một lần": a second extension is refused
    with pytest.raises(InvalidTransition) as info:
        extended.apply(
            ev(
                K.EXTENSION_GRANTED,
                t(2026, 4, 8, 9),
                AUTHORITY,
                new_due_date=dt.date(2026, 4, 17),
                reason="lần 2",
            )
        )
    assert info.value.context["reason"] == "extension_already_granted"
    # then late: result Mon 13/4 after the extended due date 10/4
    late = extended.apply(ev(K.RESULT_ISSUED, t(2026, 4, 13, 10), AUTHORITY))
    assert late.timeliness(t(2026, 4, 30)) is Timeliness.LATE
    # a result on 9/4 is on time by the extended date (synced view) but late by the original
    # due date (legal view, open question Q8)
    early = extended.apply(ev(K.RESULT_ISSUED, t(2026, 4, 9, 10), AUTHORITY))
    assert early.timeliness(t(2026, 4, 30)) is Timeliness.EARLY
    assert early.timeliness(t(2026, 4, 30), count_extension=False) is Timeliness.LATE


def test_late_extension_is_flagged_and_new_date_must_be_later() -> None:
    # Điều 19.6: notice on the due date itself is later than "chậm nhất 01 ngày trước".
    d = in_process(t(2026, 3, 20, 9), days=10)
    late = d.apply(
        ev(
            K.EXTENSION_GRANTED,
            t(2026, 4, 3, 9),
            new_due_date=dt.date(2026, 4, 10),
            reason="xin lỗi",
        )
    )
    assert [b.code for b in late.breaches] == ["extension_late"]
    assert late.due_date == dt.date(2026, 4, 10)
    with pytest.raises(InvalidEvent) as info:
        d.apply(
            ev(
                K.EXTENSION_GRANTED,
                t(2026, 4, 1, 9),
                new_due_date=dt.date(2026, 4, 3),
                reason="xin lỗi",
            )
        )
    assert info.value.context["reason"] == "extension_not_later"


def test_withdrawal_before_decision_only() -> None:
    # NĐ 118 Điều 21: the applicant may stop the dossier until before the decision is issued.
    d = in_process(t(2026, 4, 29, 10))
    withdrawn = d.apply(ev(K.WITHDRAWN, t(2026, 5, 5, 9), APPLICANT, reason="không có nhu cầu"))
    assert withdrawn.status is S.WITHDRAWN
    assert portal_status_record(withdrawn).status_code == 7
    assert withdrawn.finished_at == t(2026, 5, 5, 9)
    assert withdrawn.timeliness(t(2026, 5, 31)) is Timeliness.EARLY
    with pytest.raises(InvalidEvent) as wrong:
        d.apply(ev(K.WITHDRAWN, t(2026, 5, 5, 9), ONE_STOP))
    assert wrong.value.context["reason"] == "wrong_actor"
    decided = d.apply(ev(K.RESULT_ISSUED, t(2026, 5, 6, 9), AUTHORITY))
    with pytest.raises(InvalidTransition) as info:
        decided.apply(ev(K.WITHDRAWN, t(2026, 5, 6, 10), APPLICANT))
    err = info.value
    assert err.code == "dossier.invalid_transition"
    assert err.context["status"] == "result_ready"
    assert err.context["event"] == "withdrawn"
    assert err.context["allowed"] == ("result_delivered", "rehomed")
    assert err.context["rule"] == "T15"
    assert err.context["legal_ref"].article == "Điều 21"
    assert "only before the decision" in err.message
    assert decided.status is S.RESULT_READY  # unchanged
    # withdrawal while waiting for a supplement ends processing at the request (766)
    waiting = d.apply(ev(K.SUPPLEMENT_REQUESTED, t(2026, 4, 29, 15), reason="bổ sung"))
    gone = waiting.apply(ev(K.WITHDRAWN, t(2026, 5, 4, 9), APPLICANT))
    assert gone.finished_at == t(2026, 4, 29, 15)
    # online: withdrawal before acceptance is possible too; no due date, no timeliness
    online = dossier(Channel.ONLINE).apply(ev(K.SUBMITTED_ONLINE, t(2026, 3, 9, 8), APPLICANT))
    online = online.apply(ev(K.WITHDRAWN, t(2026, 3, 9, 9), APPLICANT))
    assert online.status is S.WITHDRAWN
    assert online.finished_at is None
    assert online.timeliness(t(2026, 3, 31)) is None


def test_refusal_after_review() -> None:
    # NĐ 118 Điều 19.3: written reasons, within the time limit; it ends processing.
    d = in_process(t(2026, 4, 29, 10))
    with pytest.raises(InvalidEvent):
        ev(K.REFUSED_AFTER_REVIEW, t(2026, 5, 6, 9), AUTHORITY)
    refused = d.apply(
        ev(K.REFUSED_AFTER_REVIEW, t(2026, 5, 6, 9), AUTHORITY, reason="không đủ điều kiện")
    )
    assert refused.status is S.REFUSED_AFTER_REVIEW
    assert refused.status.is_terminal
    assert refused.allowed_events() == ()
    assert refused.timeliness(t(2026, 5, 31)) is Timeliness.EARLY
    record = portal_status_record(refused)
    assert record.status_code == 8
    assert record.refused_at == "20260506090000"
    with pytest.raises(InvalidTransition):
        refused.apply(ev(K.RESULT_ISSUED, t(2026, 5, 7, 9), AUTHORITY))
    with pytest.raises(InvalidEvent) as info:
        d.apply(ev(K.REFUSED_AFTER_REVIEW, t(2026, 5, 6, 9), APPLICANT, reason="x"))
    assert info.value.context["allowed_roles"] == ("competent_authority",)


def test_correction_after_delivery() -> None:
    # NĐ 118 Điều 23.1: an error in a delivered result is corrected within 03 working days.
    d = in_process(t(2026, 4, 29, 10))
    with pytest.raises(InvalidTransition) as info:
        d.apply(ev(K.RESULT_DELIVERED, t(2026, 5, 6, 9)))  # delivery before a result
    assert info.value.context["rule"] == "T14"
    d = d.apply(ev(K.RESULT_ISSUED, t(2026, 5, 6, 9), AUTHORITY))
    d = d.apply(ev(K.RESULT_DELIVERED, t(2026, 5, 7, 9)))
    d = d.apply(ev(K.CORRECTION_REQUESTED, t(2026, 5, 8, 9), APPLICANT, reason="sai năm sinh"))
    assert d.status is S.CORRECTING
    assert portal_status_record(d).status_code == 10
    # requested Fri 8/5 -> latest Wed 13/5
    fixed = d.apply(ev(K.CORRECTED, t(2026, 5, 13, 16), AUTHORITY))
    assert fixed.status is S.DELIVERED
    assert fixed.breaches == ()
    assert portal_status_record(fixed).delivered_at == "20260507090000"
    late = d.apply(ev(K.CORRECTED, t(2026, 5, 14, 8), AUTHORITY))
    assert [b.code for b in late.breaches] == ["correction_late"]
    # timeliness is about the original processing, not the correction
    assert late.timeliness(t(2026, 5, 31)) is Timeliness.EARLY


def test_inter_agency_cross_level_dossier_e9() -> None:
    # NĐ 118 Điều 20.1 (cross-level: commune centre -> department, result back to the centre),
    # Điều 20.2.a (Phiếu chuyển xử lý names each agency's time). E9: accepted at the commune
    # centre Tue 10/3/2026 10:00; paper due at the department within 1 working day (Wed 11/3).
    centre = Actor(ActorRole.ONE_STOP, "Trung tâm PVHCC xã Tân Phú")
    department = Actor(ActorRole.COMPETENT_AUTHORITY, "Sở Nông nghiệp và Môi trường")
    tax = Actor(ActorRole.PARTICIPATING_AGENCY, "Thuế cơ sở 3")
    d = Dossier(
        CODE,
        "1.004227",
        Channel.COUNTER,
        "Trung tâm PVHCC xã Tân Phú",
        "Sở Nông nghiệp và Môi trường",
        Duration.working_days(10),
        local_procedure=True,  # 1.004227 is not in the 2026-06-10 catalogue snapshot
    )
    d = d.apply(ev(K.ACCEPTED, t(2026, 3, 10, 10), centre))
    assert d.due_date == dt.date(2026, 3, 24)
    d = d.apply(
        ev(
            K.FORWARDED,
            t(2026, 3, 10, 10, 5),
            centre,
            to_unit="Sở Nông nghiệp và Môi trường",
            time_allowed=Duration.working_days(6),
            reason="chuyển hồ sơ điện tử ngay; hồ sơ giấy trong 01 ngày làm việc (Điều 20.1.a)",
        )
    )
    d = d.apply(
        ev(
            K.FORWARDED,
            t(2026, 3, 13, 9),
            department,
            to_unit="Thuế cơ sở 3",
            time_allowed=Duration.working_days(3),
        )
    )
    d = d.apply(ev(K.FORWARDED, t(2026, 3, 17, 15), tax, to_unit="Sở Nông nghiệp và Môi trường"))
    d = d.apply(ev(K.RESULT_ISSUED, t(2026, 3, 20, 10), department))
    d = d.apply(ev(K.RESULT_DELIVERED, t(2026, 3, 23, 8), centre))
    handoffs = d.handoffs()
    assert [(h.from_unit, h.to_unit) for h in handoffs] == [
        ("Trung tâm PVHCC xã Tân Phú", "Sở Nông nghiệp và Môi trường"),
        ("Sở Nông nghiệp và Môi trường", "Thuế cơ sở 3"),
        ("Thuế cơ sở 3", "Sở Nông nghiệp và Môi trường"),
    ]
    assert handoffs[0].step_due is not None
    assert handoffs[0].step_due.due_date == dt.date(2026, 3, 18)  # 6 working days from 10/3
    assert handoffs[1].step_due is not None
    assert handoffs[1].step_due.due_date == dt.date(2026, 3, 18)  # 3 working days from 13/3
    assert handoffs[2].step_due is None
    assert d.timeliness(t(2026, 3, 31)) is Timeliness.EARLY
    timeline = d.timeline()
    assert [e.status for e in timeline] == [
        S.ACCEPTED,
        S.IN_PROCESS,
        S.IN_PROCESS,
        S.IN_PROCESS,
        S.RESULT_READY,
        S.DELIVERED,
    ]
    assert timeline[0].duration == dt.timedelta(minutes=5)
    assert timeline[-1].end is None
    totals = d.time_in_status()
    assert totals[S.IN_PROCESS] == t(2026, 3, 20, 10) - t(2026, 3, 10, 10, 5)


def test_verification_switches_to_the_longer_alternative_limit() -> None:
    # Luật Hộ tịch 2014 Điều 18.2 style: 03 working days; if verification is needed, not more
    # than 05 working days, counted from the same start (tthc rules §1.7; NĐ 118 Điều 19.4).
    limit = ProcessingTime(
        source="03 ngày làm việc; trường hợp cần xác minh thì không quá 05 ngày làm việc",
        base=Duration.working_days(3),
        alternatives=(Alternative(Duration.working_days(5), AlternativeKind.VERIFICATION),),
    )
    d = dossier(limit=limit).apply(ev(K.ACCEPTED, t(2026, 3, 9, 9)))
    assert d.due_date == dt.date(2026, 3, 12)
    d = d.apply(ev(K.FORWARDED, t(2026, 3, 9, 10), to_unit="UBND"))
    d = d.apply(ev(K.VERIFICATION_REQUIRED, t(2026, 3, 10, 9), AUTHORITY, reason="xác minh"))
    assert d.status is S.IN_PROCESS
    assert d.due_date == dt.date(2026, 3, 16)
    assert d.deadline_history()[-1].kind is DeadlineRevisionKind.VERIFICATION
    assert d.deadline_history()[-1].previous_due_date == dt.date(2026, 3, 12)
    # a second verification changes nothing; a plain Duration has no alternative
    again = d.apply(ev(K.VERIFICATION_REQUIRED, t(2026, 3, 11, 9), AUTHORITY))
    assert again.deadline_history() == d.deadline_history()
    plain = in_process(t(2026, 3, 9, 9)).apply(
        ev(K.VERIFICATION_REQUIRED, t(2026, 3, 10, 9), AUTHORITY)
    )
    assert len(plain.deadline_history()) == 1


def test_payment_pauses_the_clock_only_where_sector_law_says_so() -> None:
    # NĐ 118 Điều 24 says how to pay, not that the clock stops (tthc rules §3.3).
    d = in_process(t(2026, 3, 9, 9), days=10)
    d = d.apply(ev(K.PAYMENT_REQUESTED, t(2026, 3, 11, 9), AUTHORITY, amount=Decimal("150000")))
    assert d.status is S.AWAITING_PAYMENT
    assert portal_status_record(d).status_code == 6
    paid = d.apply(ev(K.PAYMENT_RECEIVED, t(2026, 3, 16, 9), ActorRole and ONE_STOP))
    assert paid.status is S.IN_PROCESS
    assert paid.due_date == dt.date(2026, 3, 23)  # unchanged by default
    assert paid.pauses()[-1].stops_clock is False
    land = LegalRef("Luật Đất đai (ví dụ)", kind="Luật", confidence="reported")
    sector = in_process(
        t(2026, 3, 9, 9),
        days=10,
        sector_rules=SectorRules(payment_excluded_from_limit=True, legal_ref=land),
    )
    sector = sector.apply(ev(K.PAYMENT_REQUESTED, t(2026, 3, 11, 9), AUTHORITY))
    sector = sector.apply(ev(K.PAYMENT_RECEIVED, t(2026, 3, 16, 9), ONE_STOP))
    # 3 working days waited (12, 13, 16 March) -> due 23/3 + 3 working days = 26/3
    assert sector.due_date == dt.date(2026, 3, 26)
    assert sector.deadline_history()[-1].kind is DeadlineRevisionKind.PAYMENT_EXCLUDED
    assert sector.deadline_history()[-1].legal_ref == land
    # extension is also possible while waiting for payment
    assert K.EXTENSION_GRANTED in d.allowed_events()
