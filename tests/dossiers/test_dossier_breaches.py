"""Breaches: acts the law forbids are recorded, not refused; the text names the rule and the facts."""

from __future__ import annotations

import datetime as dt

from attrs import evolve as attrs_evolve
from dossier_builders import (
    APPLICANT,
    AUTHORITY,
    CODE,
    ONE_STOP,
    K,
    _in_process,
    _new,
    t,
)

from tthc._time import VN_TZ
from tthc.calendar import OfficeHours, civil_service_calendar
from tthc.deadlines import Duration
from tthc.dossiers import (
    Channel,
    Dossier,
    DossierEvent,
)
from tthc.legal import LegalRef


def _breach_of(d: Dossier) -> tuple[str, int, str, str]:
    (breach,) = d.breaches
    assert breach.legal_ref.document == "118/2025/NĐ-CP"
    return breach.code, breach.event_index, breach.message, breach.legal_ref.article


STORM = LegalRef(document="15/QĐ-UBND", kind="Quyết định", issuer="UBND tỉnh",
                 date=dt.date(2026, 3, 1))  # fmt: skip

HOURS = OfficeHours(((dt.time(7), dt.time(11)), (dt.time(13, 30), dt.time(17, 30))))


def test_a_second_return_at_intake_is_a_breach() -> None:
    d = _new().apply_all(
        [
            DossierEvent(K.RETURNED_AT_INTAKE, CODE, t(9, 9), ONE_STOP, reason="a"),
            DossierEvent(K.RETURNED_AT_INTAKE, CODE, t(9, 10), ONE_STOP, reason="b"),
        ]
    )
    assert _breach_of(d) == (
        "intake_return_repeated",
        1,
        "Yêu cầu bổ sung, hoàn thiện hồ sơ khi tiếp nhận quá một lần (dossier returned for "
        "completion at intake more than once): return #2 at intake",
        "Điều 11.2.c, 16.3",
    )
    assert d.breaches[0].at == t(9, 10)
    third = d.apply(DossierEvent(K.RETURNED_AT_INTAKE, CODE, t(9, 11), ONE_STOP, reason="c"))
    assert third.breaches[-1].message.endswith(": return #3 at intake")


def test_late_supplement_request_not_via_the_one_stop() -> None:
    # 3 working days from acceptance on 9/3: latest 12/3 (Decree 118/2025 Art. 19.5)
    ok = _in_process().apply(
        DossierEvent(K.SUPPLEMENT_REQUESTED, CODE, t(12, 16), ONE_STOP, reason="x")
    )
    assert ok.breaches == ()
    d = _in_process().apply(
        DossierEvent(K.SUPPLEMENT_REQUESTED, CODE, t(13, 9), AUTHORITY, reason="x")
    )
    late, direct = d.breaches
    assert (late.code, late.event_index, late.message, late.legal_ref.article) == (
        "supplement_request_late",
        2,
        "Yêu cầu bổ sung quá 03 ngày làm việc kể từ ngày tiếp nhận (supplement requested after "
        "the notice period): requested 2026-03-13, latest 2026-03-12 (3 working days after "
        "acceptance)",
        "Điều 19.5",
    )
    assert (direct.code, direct.message, direct.legal_ref.article) == (
        "supplement_not_via_one_stop",
        "Yêu cầu bổ sung không qua Bộ phận Một cửa (supplement requested directly, not through "
        "the one-stop): recorded by competent_authority (UBND phường Sài Gòn)",
        "Điều 5.1.e",
    )


def test_late_extension_notice_is_a_breach() -> None:
    # due 16/3 (Mon): the notice is due by the previous working day, Fri 13/3 (Art. 19.6)
    event = DossierEvent(
        K.EXTENSION_GRANTED, CODE, t(16, 9), AUTHORITY, reason="Phức tạp",
        new_due_date=dt.date(2026, 3, 20),
    )  # fmt: skip
    d = _in_process().apply(event)
    assert _breach_of(d) == (
        "extension_late",
        2,
        "Xin gia hạn muộn hơn 01 ngày trước ngày hết hạn (extension notified later than one "
        "working day before the due date): notified 2026-03-16, latest 2026-03-13 for the due "
        "date 2026-03-16",
        "Điều 19.6",
    )
    on_time = _in_process().apply(attrs_evolve(event, at=t(13, 16)))
    assert on_time.breaches == ()
    revision = on_time.deadline_history()[-1]
    assert (revision.kind.value, revision.reason, revision.due_date) == (
        "extended",
        "Phức tạp",
        dt.date(2026, 3, 20),
    )
    assert revision.previous_due_date == dt.date(2026, 3, 16)
    assert revision.event_index == 2
    assert revision.at == t(13, 16)
    assert revision.legal_ref.article == "Điều 19.6, 12.5"


def test_late_correction_is_a_breach() -> None:
    # Decree 118/2025 Art. 23.1: re-issued within 3 working days of the request (11/3 -> 16/3)
    delivered = _in_process().apply_all(
        [
            DossierEvent(K.RESULT_ISSUED, CODE, t(10, 9), AUTHORITY),
            DossierEvent(K.RESULT_DELIVERED, CODE, t(10, 10), ONE_STOP),
            DossierEvent(K.CORRECTION_REQUESTED, CODE, t(11, 9), APPLICANT, reason="Sai tên"),
        ]
    )
    assert delivered.apply(DossierEvent(K.CORRECTED, CODE, t(16, 16), ONE_STOP)).breaches == ()
    d = delivered.apply(DossierEvent(K.CORRECTED, CODE, t(17, 9), ONE_STOP))
    assert _breach_of(d) == (
        "correction_late",
        5,
        "Đính chính kết quả quá 03 ngày làm việc (result corrected after 3 working days): "
        "corrected 2026-03-17, latest 2026-03-16",
        "Điều 23.1",
    )
    assert d.status.value == "delivered"


def test_late_online_intake_is_a_breach() -> None:
    # submitted Fri 6/3 16:00; 8 working hours (Art. 17.2.c) with 7:30-11:30 and 13:00-17:00
    # end on Mon 9/3 16:00
    online = Dossier(CODE, "1.001193", Channel.ONLINE, "Một cửa", "UBND", Duration.working_days(5))
    submitted = online.apply(DossierEvent(K.SUBMITTED_ONLINE, CODE, t(6, 16), APPLICANT))
    assert submitted.apply(DossierEvent(K.ACCEPTED, CODE, t(9, 16), ONE_STOP)).breaches == ()
    d = submitted.apply(DossierEvent(K.ACCEPTED, CODE, t(10, 9), ONE_STOP))
    assert _breach_of(d) == (
        "online_intake_late",
        1,
        "Không tiếp nhận hoặc hướng dẫn trong 08 giờ làm việc (online dossier not accepted or "
        "returned within 8 working hours): decided 2026-03-10 09:00, due by 2026-03-09 16:00",
        "Điều 17.2.c",
    )
    (revision,) = d.deadline_history()
    assert (
        revision.reason
        == "tiếp nhận hồ sơ: bắt đầu tính thời hạn (dossier accepted: the processing time starts)"
    )
    assert revision.legal_ref.article == "Điều 17.2, 17.3"
    assert revision.previous_due_date is None
    assert revision.due_date == dt.date(2026, 3, 17)


def test_online_intake_counts_the_dossier_office_hours() -> None:
    # submitted Fri 6/3 17:15: with 07:00-11:00 and 13:30-17:30 the 8 working hours run 17:15-17:30
    # on Friday, 07:00-11:00 and 13:30-17:15 on Monday; with the default hours they end 17:00
    def online(**kw: object) -> Dossier:
        d = _new(channel=Channel.ONLINE, **kw)
        return d.apply(DossierEvent(K.SUBMITTED_ONLINE, CODE, t(6, 17, 15), APPLICANT))

    accept = DossierEvent(K.ACCEPTED, CODE, t(9, 17, 10), ONE_STOP)
    assert online(office_hours=HOURS).apply(accept).breaches == ()
    (breach,) = online().apply(accept).breaches
    assert (breach.code, breach.at, breach.event_index) == ("online_intake_late", t(9, 17, 10), 1)
    assert breach.message.endswith("decided 2026-03-09 17:10, due by 2026-03-09 17:00")
    # a counter dossier has no 8-hour intake limit
    assert _new().apply(DossierEvent(K.ACCEPTED, CODE, t(30, 9), ONE_STOP)).breaches == ()


def test_online_intake_counts_the_dossier_calendar() -> None:
    # submitted Fri 6/3/2026 16:00; with Mon 9/3 closed the 8 working hours end Tue 10/3 16:00
    closed = civil_service_calendar().with_days_off(
        [dt.date(2026, 3, 9)], name_vi="Nghỉ tránh bão", name_en="Storm closure", legal_ref=STORM
    )
    d = _new(channel=Channel.ONLINE, calendar=closed).apply(
        DossierEvent(K.SUBMITTED_ONLINE, CODE, t(6, 16), APPLICANT)
    )
    assert d.apply(DossierEvent(K.ACCEPTED, CODE, t(10, 15), ONE_STOP)).breaches == ()
    (breach,) = d.apply(DossierEvent(K.ACCEPTED, CODE, t(10, 16, 30), ONE_STOP)).breaches
    assert breach.message.endswith("due by 2026-03-10 16:00")


def test_breach_instants_and_indexes() -> None:
    late = _in_process().apply(
        DossierEvent(K.SUPPLEMENT_REQUESTED, CODE, t(13, 9), AUTHORITY, reason="x")
    )
    assert [(b.event_index, b.at) for b in late.breaches] == [(2, t(13, 9)), (2, t(13, 9))]
    extended = _in_process().apply(
        DossierEvent(
            K.EXTENSION_GRANTED, CODE, t(16, 8), AUTHORITY, reason="r",
            new_due_date=dt.date(2026, 3, 20),
        )
    )  # fmt: skip
    assert [(b.event_index, b.at) for b in extended.breaches] == [(2, t(16, 8))]
    assert extended.deadline_history()[-1].due_at == dt.datetime(2026, 3, 20, 17, tzinfo=VN_TZ)
    corrected = _in_process().apply_all(
        [
            DossierEvent(K.RESULT_ISSUED, CODE, t(10, 9), AUTHORITY),
            DossierEvent(K.RESULT_DELIVERED, CODE, t(10, 10), ONE_STOP),
            DossierEvent(K.CORRECTION_REQUESTED, CODE, t(11, 9), APPLICANT, reason="Sai tên"),
            DossierEvent(K.CORRECTED, CODE, t(17, 9), ONE_STOP),
            DossierEvent(K.CORRECTION_REQUESTED, CODE, t(18, 9), APPLICANT, reason="Sai ngày"),
            DossierEvent(K.CORRECTED, CODE, t(19, 9), ONE_STOP),
        ]
    )
    assert [(b.code, b.event_index, b.at) for b in corrected.breaches] == [
        ("correction_late", 5, t(17, 9))
    ]
