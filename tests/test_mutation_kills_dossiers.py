"""Tests that kill mutants of src/tthc/dossiers.py (mutmut), see docs/quality.md.

The status-change record sent to the national portal must carry the portal's own field names
(the sync service of the Cổng Dịch vụ công quốc gia: MaHoSo, TrangThaiHoSo, NgayHenTra,
DanhSachHoSoBoSung, ...; tthc_rules.md §4-5): a misspelt key is a record the portal drops.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tthc._validate import VN_TZ
from tthc.deadlines import Duration
from tthc.dossiers import (
    Actor,
    ActorRole,
    Channel,
    Dossier,
    DossierEvent,
    EventKind,
    portal_status_record,
)

CODE = "000.00.01.H29-260309-0001"
ONE_STOP = Actor(ActorRole.ONE_STOP, "Bộ phận Một cửa phường Sài Gòn", name="Lê Văn A")
AUTHORITY = Actor(ActorRole.COMPETENT_AUTHORITY, "UBND phường Sài Gòn")
K = EventKind


def t(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute, tzinfo=VN_TZ)


def _dossier() -> Dossier:
    d = Dossier(CODE, "1.001193", Channel.ONLINE, "Một cửa", "UBND", Duration.working_days(5))
    return d.apply_all(
        [
            DossierEvent(K.SUBMITTED_ONLINE, CODE, t(9, 8), Actor(ActorRole.APPLICANT, "Cổng")),
            DossierEvent(K.ACCEPTED, CODE, t(9, 9), ONE_STOP),
            DossierEvent(K.FORWARDED, CODE, t(9, 10), ONE_STOP, to_unit="UBND"),
            DossierEvent(K.SUPPLEMENT_REQUESTED, CODE, t(10, 9), ONE_STOP, reason="Thiếu bản sao"),
            DossierEvent(K.SUPPLEMENT_RECEIVED, CODE, t(12, 9), ONE_STOP),
        ]
    )


def test_portal_record_uses_the_portal_field_names() -> None:
    record = portal_status_record(_dossier())
    portal = record.to_portal_dict()
    assert list(portal) == [
        "MaHoSo", "MaTTHC", "KenhThucHien", "TrangThaiHoSo", "ThoiDiemXuLy", "PhongBanXuLy",
        "ChucDanh", "NoiDungXuLy", "NgayNopHoSo", "NgayTiepNhan", "NgayHenTra",
        "NgayKetThucXuLy", "NgayTra", "NgayTuChoi", "DanhSachHoSoBoSung",
    ]  # fmt: skip
    assert portal["MaHoSo"] == CODE
    assert portal["MaTTHC"] == "1.001193"
    assert portal["KenhThucHien"] == record.channel_code
    assert portal["TrangThaiHoSo"] == record.status_code
    assert portal["ThoiDiemXuLy"] == record.changed_at
    assert portal["PhongBanXuLy"] == record.actor_unit
    assert portal["ChucDanh"] == record.actor_role
    assert portal["NoiDungXuLy"] == record.content
    assert portal["NgayNopHoSo"] == record.submitted_at
    assert portal["NgayTiepNhan"] == record.received_at == "20260309090000"
    assert portal["NgayHenTra"] == record.due_at
    assert portal["NgayKetThucXuLy"] == record.finished_at
    assert portal["NgayTra"] == record.delivered_at
    assert portal["NgayTuChoi"] == record.refused_at
    (supplement,) = portal["DanhSachHoSoBoSung"]
    assert list(supplement) == [
        "NgayBoSung",
        "NgayTiepNhanBoSung",
        "NgayHenTraTruoc",
        "NgayHenTraMoi",
    ]
    (expected,) = record.supplements
    assert supplement == {
        "NgayBoSung": expected.requested_at,
        "NgayTiepNhanBoSung": expected.received_at,
        "NgayHenTraTruoc": expected.previous_due,
        "NgayHenTraMoi": expected.new_due,
    }
    assert supplement["NgayBoSung"] == "20260310090000"
    assert supplement["NgayTiepNhanBoSung"] == "20260312090000"


# --- malformed events and actors: exact errors --------------------------------------------------

import pytest  # noqa: E402

from tthc.errors import InputTypeError, InvalidEvent, NaiveDatetimeError  # noqa: E402

AT = t(9, 9)


def _event(kind: EventKind = K.ACCEPTED, **kw: object) -> DossierEvent:
    args: dict[str, object] = {"dossier_code": CODE, "at": AT, "actor": ONE_STOP}
    args.update(kw)
    return DossierEvent(kind, **args)  # type: ignore[arg-type]


PAYLOAD = "payload"


@pytest.mark.parametrize(
    ("build", "error", "message", "context"),
    [
        (lambda: _event("accepted"), InputTypeError, "Loại sự kiện (event kind) must be an EventKind, got str", {"argument": "kind"}),
        (lambda: _event(dossier_code=" "), InvalidEvent, "Mã số hồ sơ (dossier code) of the event must be a non-empty str", {"argument": "dossier_code", "reason": "empty_dossier_code"}),
        (lambda: _event(dossier_code=5), InvalidEvent, "Mã số hồ sơ (dossier code) of the event must be a non-empty str", {"argument": "dossier_code", "reason": "empty_dossier_code"}),
        (lambda: _event(actor="Một cửa"), InputTypeError, "Người thực hiện (actor) must be an Actor", {"argument": "actor"}),
        (lambda: _event(reason=5), InputTypeError, "Lý do (reason) must be a str", {"argument": "reason"}),
        (lambda: _event(legal_ref="118/2025/NĐ-CP"), InputTypeError, "Căn cứ (legal_ref) must be a LegalRef", {"argument": "legal_ref"}),
        (lambda: _event(K.FORWARDED), InvalidEvent, "Sự kiện (event) 'forwarded' needs to_unit", {"argument": "to_unit", "reason": PAYLOAD, "event": "forwarded"}),
        (lambda: _event(to_unit="UBND"), InvalidEvent, "Sự kiện (event) 'accepted' does not take to_unit", {"argument": "to_unit", "reason": PAYLOAD, "event": "accepted"}),
        (lambda: _event(time_allowed=Duration.working_days(1)), InvalidEvent, "Sự kiện (event) 'accepted' does not take time_allowed", {"argument": "time_allowed", "reason": PAYLOAD, "event": "accepted"}),
        (lambda: _event(new_due_date=dt.date(2026, 3, 20)), InvalidEvent, "Sự kiện (event) 'accepted' does not take new_due_date", {"argument": "new_due_date", "reason": PAYLOAD, "event": "accepted"}),
        (lambda: _event(amount=1), InvalidEvent, "Sự kiện (event) 'accepted' does not take amount", {"argument": "amount", "reason": PAYLOAD, "event": "accepted"}),
        (lambda: _event(K.EXTENSION_GRANTED, actor=AUTHORITY, reason="Phức tạp"), InvalidEvent, "Sự kiện (event) 'extension_granted' needs new_due_date", {"argument": "new_due_date", "reason": PAYLOAD, "event": "extension_granted"}),
        (lambda: _event(K.FORWARDED, to_unit=""), InvalidEvent, "Đơn vị nhận (receiving unit) must be a non-empty str", {"argument": "to_unit", "reason": PAYLOAD}),
        (lambda: _event(K.FORWARDED, to_unit=5), InvalidEvent, "Đơn vị nhận (receiving unit) must be a non-empty str", {"argument": "to_unit", "reason": PAYLOAD}),
        (lambda: _event(K.FORWARDED, to_unit="UBND", time_allowed="1 ngày"), InputTypeError, "Thời hạn của bước (step time) must be a Duration", {"argument": "time_allowed"}),
        (lambda: _event(K.PAYMENT_REQUESTED, actor=AUTHORITY, amount=-1), InvalidEvent, "Số tiền (amount) must be a finite, non-negative Decimal", {"argument": "amount", "reason": PAYLOAD}),
        (lambda: _event(K.PAYMENT_REQUESTED, actor=AUTHORITY, amount=150000), InvalidEvent, "Số tiền (amount) must be a finite, non-negative Decimal", {"argument": "amount", "reason": PAYLOAD}),
        (lambda: _event(K.PAYMENT_REQUESTED, actor=AUTHORITY, amount=Decimal("NaN")), InvalidEvent, "Số tiền (amount) must be a finite, non-negative Decimal", {"argument": "amount", "reason": PAYLOAD}),
        (lambda: _event(K.PAYMENT_REQUESTED, actor=AUTHORITY, amount=Decimal("-0.01")), InvalidEvent, "Số tiền (amount) must be a finite, non-negative Decimal", {"argument": "amount", "reason": PAYLOAD}),
        (lambda: Actor("one_stop", "Một cửa"), InputTypeError, "Vai trò (actor role) must be an ActorRole, got str", {"argument": "role"}),
        (lambda: Actor(ActorRole.ONE_STOP, 5), InputTypeError, "Người thực hiện (actor): unit must be a str", {"argument": "unit"}),
        (lambda: Actor(ActorRole.ONE_STOP, "Một cửa", name=5), InputTypeError, "Người thực hiện (actor): name must be a str", {"argument": "name"}),
        (lambda: Actor(ActorRole.ONE_STOP, "  "), InvalidEvent, "Đơn vị thực hiện (acting unit) must not be empty", {"argument": "unit", "reason": "empty_unit"}),
    ],
)  # fmt: skip
def test_malformed_events_are_refused_exactly(
    build: object, error: type[Exception], message: str, context: dict[str, object]
) -> None:
    with pytest.raises(error) as info:
        build()  # type: ignore[operator]
    assert info.value.message == message  # type: ignore[attr-defined]
    assert info.value.context == context  # type: ignore[attr-defined]


def test_payload_values_that_are_accepted() -> None:
    assert _event(K.PAYMENT_REQUESTED, actor=AUTHORITY, amount=Decimal(0)).amount == Decimal(0)
    assert _event(K.PAYMENT_REQUESTED, actor=AUTHORITY).amount is None
    forwarded = _event(K.FORWARDED, to_unit="UBND", time_allowed=Duration.working_days(1))
    assert forwarded.time_allowed == Duration.working_days(1)
    assert _event(K.FORWARDED, to_unit="UBND").time_allowed is None
    with pytest.raises(NaiveDatetimeError) as info:
        _event(at=dt.datetime(2026, 3, 9, 9))
    assert info.value.context["argument"] == "at"
    with pytest.raises(InputTypeError) as info:
        _event(K.EXTENSION_GRANTED, actor=AUTHORITY, reason="x", new_due_date=AT)
    assert info.value.context["argument"] == "new_due_date"


def test_a_missing_reason_names_the_law() -> None:
    with pytest.raises(InvalidEvent) as info:
        _event(K.REFUSED_AT_INTAKE, reason="  ")
    err = info.value
    ref = err.context["legal_ref"]
    assert err.context == {
        "argument": "reason",
        "reason": "missing_reason",
        "event": "refused_at_intake",
        "legal_ref": ref,
    }
    assert err.message == (
        "Lý do (reason) is required for 'refused_at_intake': the law wants it in writing"
        + (f" ({ref.cite()})" if ref else "")
    )
    assert err.hint == "state the reasons, as on the form given to the applicant"


def _new(**kw: object) -> Dossier:
    args: dict[str, object] = {
        "code": CODE,
        "procedure_code": "1.001193",
        "channel": Channel.COUNTER,
        "reception_unit": "Một cửa",
        "competent_unit": "UBND",
        "processing_time": Duration.working_days(5),
    }
    args.update(kw)
    return Dossier(**args)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("build", "message", "context"),
    [
        (lambda: _new(code=" "), "Hồ sơ (dossier): code must be a non-empty str", {"argument": "code"}),
        (lambda: _new(procedure_code=5), "Hồ sơ (dossier): procedure_code must be a non-empty str", {"argument": "procedure_code"}),
        (lambda: _new(reception_unit=""), "Hồ sơ (dossier): reception_unit must be a non-empty str", {"argument": "reception_unit"}),
        (lambda: _new(competent_unit=None), "Hồ sơ (dossier): competent_unit must be a non-empty str", {"argument": "competent_unit"}),
        (lambda: _new(channel="counter"), "Kênh (channel) must be a Channel", {"argument": "channel"}),
        (lambda: _new(processing_time="05 ngày làm việc"), "Thời hạn giải quyết (processing time) must be a ProcessingTime or a Duration, got str", {"argument": "processing_time"}),
        (lambda: _new(sector_rules={}), "sector_rules must be a SectorRules", {"argument": "sector_rules"}),
        (lambda: _new(calendar="VN"), "calendar must be a WorkCalendar", {"argument": "calendar"}),
        (lambda: _new(office_hours=((7, 11),)), "office_hours must be an OfficeHours", {"argument": "office_hours"}),
        (lambda: _new(events="accepted"), "Sự kiện (events) must be a sequence of DossierEvent, got str", {"argument": "events"}),
        (lambda: _new(events=[_event(), "x"]), "Sự kiện (event) #1 must be a DossierEvent", {"argument": "events", "index": 1}),
        (lambda: portal_status_record("H29"), "dossier must be a Dossier", {"argument": "dossier"}),
        (lambda: portal_status_record(_dossier(), True), "event_index must be an int or None", {"argument": "event_index"}),
        (lambda: portal_status_record(_dossier(), "1"), "event_index must be an int or None", {"argument": "event_index"}),
    ],
)  # fmt: skip
def test_malformed_dossiers_are_refused_exactly(
    build: object, message: str, context: dict[str, object]
) -> None:
    with pytest.raises(InputTypeError) as info:
        build()  # type: ignore[operator]
    assert info.value.message == message
    assert info.value.context == context


def test_portal_record_event_index() -> None:
    d = _dossier()
    with pytest.raises(InvalidEvent) as info:
        portal_status_record(_new())
    assert info.value.message == (
        f"Hồ sơ chưa có sự kiện (no events): dossier {CODE} has nothing to report"
    )
    assert info.value.context == {"dossier_code": CODE, "reason": "no_events"}
    for index in (5, -6):
        with pytest.raises(InvalidEvent) as info:
            portal_status_record(d, index)
        assert info.value.message == (
            f"Sự kiện không tồn tại (no such event): index {index} for a dossier with 5 events"
        )
        assert info.value.context == {
            "dossier_code": CODE,
            "reason": "no_such_event",
            "index": index,
        }
    assert portal_status_record(d, 4) == portal_status_record(d)
    assert portal_status_record(d, -5) == portal_status_record(d, 0)
    assert portal_status_record(d, 0).status_code == portal_status_record(d, -5).status_code
    assert portal_status_record(d, 1).received_at == "20260309090000"


# --- refusals while replaying the log: exact message, hint and context ---------------------------
#
# Dates: 5 working days from acceptance on Mon 9/3/2026 end on Mon 16/3/2026 (counting starts the
# next working day, Decree 118/2025 Art. 17.3); the 15-day supplement period of Art. 19.5 from
# the notice of 10/3 ends on 25/3, so the dossier can be closed from 26/3.

from attrs import evolve as attrs_evolve  # noqa: E402

from tthc.errors import InvalidTransition  # noqa: E402
from tthc.legal import LegalRef  # noqa: E402

APPLICANT = Actor(ActorRole.APPLICANT, "Nguyễn Văn A")
ND118 = "Nghị định 118/2025/NĐ-CP (Chính phủ, 09/06/2025)"
IN_PROCESS_ALLOWED = (
    "forwarded", "supplement_requested", "payment_requested", "verification_required",
    "extension_granted", "refused_after_review", "result_issued", "withdrawn",
)  # fmt: skip


def _in_process() -> Dossier:
    return _new().apply_all(
        [
            DossierEvent(K.ACCEPTED, CODE, t(9, 9), ONE_STOP),
            DossierEvent(K.FORWARDED, CODE, t(9, 10), ONE_STOP, to_unit="UBND"),
        ]
    )


def _transition_error(dossier: Dossier, event: DossierEvent) -> InvalidTransition:
    with pytest.raises(InvalidTransition) as info:
        dossier.apply(event)
    err = info.value
    assert err.code == "dossier.invalid_transition"
    assert err.hint == "record one of the allowed events, or fix the event log"
    assert dossier.apply_all([]) == dossier  # a refused event changes nothing
    return err


def _ref_of(err: InvalidTransition) -> LegalRef:
    ref = err.context["legal_ref"]
    assert isinstance(ref, LegalRef)
    assert ref.document == "118/2025/NĐ-CP"
    return ref


def test_event_for_another_dossier() -> None:
    d = _in_process()
    with pytest.raises(InvalidEvent) as info:
        d.apply(DossierEvent(K.RESULT_ISSUED, "H29-OTHER", t(9, 11), AUTHORITY))
    assert info.value.message == (
        f"Sự kiện của hồ sơ khác (event for another dossier): the event is for H29-OTHER, "
        f"this dossier is {CODE}"
    )
    assert info.value.context == {
        "dossier_code": CODE,
        "event_dossier_code": "H29-OTHER",
        "reason": "other_dossier",
        "index": 2,
    }


def test_event_out_of_time_order() -> None:
    d = _in_process()
    with pytest.raises(InvalidEvent) as info:
        d.apply(DossierEvent(K.RESULT_ISSUED, CODE, t(9, 9), AUTHORITY))
    assert info.value.message == (
        "Sự kiện sai thứ tự thời gian (event out of time order): 'result_issued' at "
        "2026-03-09T09:00:00+07:00 is earlier than the last event at 2026-03-09T10:00:00+07:00"
    )
    assert info.value.hint == "events are appended in time order; the log cannot be rewritten"
    assert info.value.context == {"dossier_code": CODE, "reason": "out_of_order", "index": 2}
    # the same instant is not "earlier": it is accepted
    assert d.apply(DossierEvent(K.RESULT_ISSUED, CODE, t(9, 10), AUTHORITY)).status.value == (
        "result_ready"
    )


def test_event_the_law_does_not_provide_in_this_status() -> None:
    err = _transition_error(_in_process(), DossierEvent(K.ACCEPTED, CODE, t(9, 11), ONE_STOP))
    assert err.message == (
        f"Chuyển trạng thái không hợp lệ (invalid transition): 'accepted' is not allowed for "
        f"dossier {CODE} in status 'in_process' (Đang xử lý): the law does not provide it now. "
        f"Allowed now: {', '.join(IN_PROCESS_ALLOWED)}. Legal basis: at the counter or by post "
        f"the officer accepts, returns for completion or refuses the dossier (Điều 17.1, {ND118}); "
        f"a complete dossier is accepted with a receipt (Giấy tiếp nhận); the processing time "
        f"starts (Điều 17.2, 17.3, {ND118})"
    )
    assert err.context == {
        "dossier_code": CODE,
        "status": "in_process",
        "event": "accepted",
        "allowed": IN_PROCESS_ALLOWED,
        "reason": "status",
        "rule": "T4",
        "legal_ref": _ref_of(err),
    }
    assert _ref_of(err).article == "Điều 17.1"


def test_final_status_allows_nothing() -> None:
    refused = _new().apply(DossierEvent(K.REFUSED_AT_INTAKE, CODE, t(9, 9), ONE_STOP, reason="x"))
    err = _transition_error(refused, DossierEvent(K.ACCEPTED, CODE, t(9, 10), ONE_STOP))
    assert "Allowed now: none (final status). Legal basis: " in err.message
    assert err.context["allowed"] == ()


def test_event_of_another_channel() -> None:
    err = _transition_error(_new(), DossierEvent(K.SUBMITTED_ONLINE, CODE, t(9, 8), APPLICANT))
    assert err.message == (
        f"Chuyển trạng thái không hợp lệ (invalid transition): 'submitted_online' is not allowed "
        f"for dossier {CODE} in status 'draft' (Chưa nộp, chưa tiếp nhận): not for a dossier "
        f"filed via counter. Allowed now: returned_at_intake, refused_at_intake, accepted. "
        f"Legal basis: an online dossier is submitted on the national portal (again after a "
        f"return at intake) (Điều 17.2, {ND118})"
    )
    assert err.context == {
        "dossier_code": CODE,
        "status": "draft",
        "event": "submitted_online",
        "allowed": ("returned_at_intake", "refused_at_intake", "accepted"),
        "reason": "channel",
        "rule": "T1",
        "legal_ref": _ref_of(err),
    }


def test_a_second_supplement_request_is_refused() -> None:
    # Decree 118/2025 Art. 19.5: the supplement is asked for once
    d = _in_process().apply_all(
        [
            DossierEvent(K.SUPPLEMENT_REQUESTED, CODE, t(10, 9), ONE_STOP, reason="Thiếu"),
            DossierEvent(K.SUPPLEMENT_RECEIVED, CODE, t(11, 9), ONE_STOP),
            DossierEvent(K.FORWARDED, CODE, t(11, 10), ONE_STOP, to_unit="UBND"),
        ]
    )
    again = DossierEvent(K.SUPPLEMENT_REQUESTED, CODE, t(12, 9), ONE_STOP, reason="Thiếu nữa")
    err = _transition_error(d, again)
    allowed = tuple(k for k in IN_PROCESS_ALLOWED if k != "supplement_requested")
    assert err.message == (
        f"Chuyển trạng thái không hợp lệ (invalid transition): 'supplement_requested' is not "
        f"allowed for dossier {CODE} in status 'in_process' (Đang xử lý): it is allowed only "
        f"once. Allowed now: {', '.join(allowed)}. Legal basis: the competent authority asks for "
        f"a supplement through the one-stop, once, within 3 working days of acceptance "
        f"(Điều 19.5, 5.1.e, 11.2.c, {ND118})"
    )
    assert err.context == {
        "dossier_code": CODE,
        "status": "in_process",
        "event": "supplement_requested",
        "allowed": allowed,
        "reason": "supplement_already_requested",
        "rule": "T7",
        "legal_ref": _ref_of(err),
    }
    assert d.allowed_events() == tuple(EventKind(k) for k in allowed)


def test_a_second_extension_is_refused() -> None:
    # Decree 118/2025 Art. 19.6: one extension
    d = _in_process().apply(
        DossierEvent(
            K.EXTENSION_GRANTED, CODE, t(10, 9), AUTHORITY, reason="r",
            new_due_date=dt.date(2026, 3, 20),
        )
    )  # fmt: skip
    again = DossierEvent(
        K.EXTENSION_GRANTED, CODE, t(11, 9), AUTHORITY, reason="r",
        new_due_date=dt.date(2026, 3, 23),
    )  # fmt: skip
    err = _transition_error(d, again)
    allowed = tuple(k for k in IN_PROCESS_ALLOWED if k != "extension_granted")
    assert err.message == (
        f"Chuyển trạng thái không hợp lệ (invalid transition): 'extension_granted' is not "
        f"allowed for dossier {CODE} in status 'in_process' (Đang xử lý): it is allowed only "
        f"once. Allowed now: {', '.join(allowed)}. Legal basis: a dossier expected to be late "
        f"gets an apology and one extension, notified at the latest one day before the due date "
        f"(Điều 19.6, 12.5, {ND118})"
    )
    assert err.context["reason"] == "extension_already_granted"
    assert err.context["rule"] == "T11"
    assert err.context["allowed"] == allowed


def test_wrong_actor() -> None:
    d = _in_process()
    with pytest.raises(InvalidEvent) as info:
        d.apply(DossierEvent(K.RESULT_ISSUED, CODE, t(9, 11), ONE_STOP))
    assert info.value.message == (
        "Người thực hiện không đúng (wrong actor): 'result_issued' is recorded by "
        "competent_authority, participating_agency, not one_stop"
    )
    assert info.value.context == {
        "dossier_code": CODE,
        "reason": "wrong_actor",
        "event": "result_issued",
        "allowed_roles": ("competent_authority", "participating_agency"),
        "index": 2,
    }


def test_closing_before_the_supplement_period_ends() -> None:
    d = _in_process().apply(
        DossierEvent(K.SUPPLEMENT_REQUESTED, CODE, t(10, 9), ONE_STOP, reason="Thiếu")
    )
    err = _transition_error(d, DossierEvent(K.CLOSED_NO_SUPPLEMENT, CODE, t(25, 16), ONE_STOP))
    assert err.message == (
        f"Chuyển trạng thái không hợp lệ (invalid transition): 'closed_no_supplement' is not "
        f"allowed for dossier {CODE} in status 'supplement_requested' (Yêu cầu bổ sung giấy tờ): "
        f"the applicant has 15 days from the notice of 2026-03-10; the dossier can be closed "
        f"from 2026-03-26. Allowed now: supplement_received, closed_no_supplement, withdrawn. "
        f"Legal basis: 15 days after the supplement notice without completion the one-stop "
        f"closes the dossier (Điều 19.5, {ND118})"
    )
    assert err.context == {
        "dossier_code": CODE,
        "status": "supplement_requested",
        "event": "closed_no_supplement",
        "allowed": ("supplement_received", "closed_no_supplement", "withdrawn"),
        "reason": "supplement_period_running",
        "rule": "T9",
        "legal_ref": _ref_of(err),
        "earliest": "2026-03-26",
    }
    closed = d.apply(DossierEvent(K.CLOSED_NO_SUPPLEMENT, CODE, t(26, 7), ONE_STOP))
    assert closed.status.value == "stopped"
    assert closed.finished_at == t(10, 9)  # stopped as of the notice


@pytest.mark.parametrize(
    ("new_due", "reason", "text"),
    [
        (dt.date(2026, 3, 16), "extension_not_later", "must be later than the due date in force"),
        (dt.date(2026, 3, 13), "extension_not_later", "must be later than the due date in force"),
        (dt.date(2026, 3, 21), "extension_not_a_working_day", "must be a working day"),
    ],
)
def test_extension_to_an_impossible_date(new_due: dt.date, reason: str, text: str) -> None:
    event = DossierEvent(
        K.EXTENSION_GRANTED, CODE, t(10, 9), AUTHORITY, reason="r", new_due_date=new_due
    )
    with pytest.raises(InvalidEvent) as info:
        _in_process().apply(event)
    assert info.value.message == (
        f"Ngày hẹn mới (new due date) {new_due.isoformat()} {text} (due date in force 2026-03-16)"
    )
    assert info.value.context == {"dossier_code": CODE, "reason": reason, "index": 2}


# --- breaches: recorded, not refused; the text names the rule and the facts ----------------------


def _breach_of(d: Dossier) -> tuple[str, int, str, str]:
    (breach,) = d.breaches
    assert breach.legal_ref.document == "118/2025/NĐ-CP"
    return breach.code, breach.event_index, breach.message, breach.legal_ref.article


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
    assert revision.reason == "dossier accepted: the processing time starts"
    assert revision.legal_ref.article == "Điều 17.2, 17.3"
    assert revision.previous_due_date is None
    assert revision.due_date == dt.date(2026, 3, 17)


# --- what a replay derives: every field of every record -------------------------------------------

from tthc.calendar import OfficeHours, civil_service_calendar  # noqa: E402
from tthc.deadlines import Timeliness, parse_processing_time  # noqa: E402
from tthc.dossiers import (  # noqa: E402
    DeadlineRevisionKind,
    DossierStatus,
    Handoff,
    Pause,
    PauseReason,
    SectorRules,
)
from tthc.errors import DataFileError  # noqa: E402


def _article(revision: object) -> str:
    return revision.legal_ref.article  # type: ignore[attr-defined, no-any-return]


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
    assert set_.reason == "dossier accepted: the processing time starts"
    assert set_.due_at == dt.datetime(2026, 3, 16, 17, tzinfo=VN_TZ)
    assert _article(set_) == "Điều 17.1"
    assert (restart.event_index, restart.at, restart.kind) == (
        3,
        t(12, 9),
        DeadlineRevisionKind.RESTARTED,
    )
    assert (restart.due_date, restart.previous_due_date) == (dt.date(2026, 3, 19), set_.due_date)
    assert restart.reason == "complete supplement received: the limit restarts from zero (đủ)"
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
    assert switched.reason == "verification needed: the longer limit applies"
    assert (switched.due_date, switched.previous_due_date) == (
        dt.date(2026, 3, 23),
        dt.date(2026, 3, 16),
    )
    assert len(d.deadline.deadline.history) == 1  # type: ignore[union-attr]
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
    assert s.deadline.deadline.history == ()  # type: ignore[union-attr]


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
    # 15 days from 10/3 end on 25/3, a day off: the period ends 26/3 (Civil Code Art. 148.5)
    err = _transition_error(d, DossierEvent(K.CLOSED_NO_SUPPLEMENT, CODE, t(26, 16), ONE_STOP))
    assert err.context["earliest"] == "2026-03-27"
    assert d.apply(DossierEvent(K.CLOSED_NO_SUPPLEMENT, CODE, t(27, 7), ONE_STOP)).status is (
        DossierStatus.STOPPED
    )


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


def test_timeline_and_time_in_status() -> None:
    d = _in_process().apply(DossierEvent(K.RESULT_ISSUED, CODE, t(10, 9), AUTHORITY))
    entries = d.timeline()
    assert [(e.event_index, e.status, e.start, e.end) for e in entries] == [
        (0, DossierStatus.ACCEPTED, t(9, 9), t(9, 10)),
        (1, DossierStatus.IN_PROCESS, t(9, 10), t(10, 9)),
        (2, DossierStatus.RESULT_READY, t(10, 9), None),
    ]
    assert [e.duration for e in d.timeline(t(11, 9))] == [
        dt.timedelta(hours=1),
        dt.timedelta(hours=23),
        dt.timedelta(days=1),
    ]
    assert d.time_in_status(t(11, 9))[DossierStatus.RESULT_READY] == dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda d: d.status_at(dt.datetime(2026, 3, 9, 9)), "instant"),
        (lambda d: d.as_of(dt.datetime(2026, 3, 9, 9)), "instant"),
        (lambda d: d.timeline(dt.datetime(2026, 3, 9, 9)), "as_of"),
        (lambda d: d.waiting_for_applicant(dt.datetime(2026, 3, 9, 9)), "as_of"),
        (lambda d: d.extension_allowed(dt.datetime(2026, 3, 9, 9)), "on"),
        (lambda d: d.pauses()[0].duration(dt.datetime(2026, 3, 9, 9)), "as_of"),
    ],
)
def test_naive_instants_are_refused_with_the_argument_name(call: object, argument: str) -> None:
    d = _in_process().apply(
        DossierEvent(K.SUPPLEMENT_REQUESTED, CODE, t(10, 9), ONE_STOP, reason="x")
    )
    with pytest.raises(NaiveDatetimeError) as info:
        call(d)  # type: ignore[operator]
    assert info.value.context["argument"] == argument


def test_extension_allowed_takes_a_date() -> None:
    d = _in_process()  # due Mon 16/3: the extension is asked by Fri 13/3 (Art. 19.6)
    assert d.extension_allowed(dt.date(2026, 3, 13)) is True
    assert d.extension_allowed(dt.date(2026, 3, 16)) is False
    assert d.extension_allowed(t(13, 23)) is True
    with pytest.raises(InputTypeError) as info:
        d.extension_allowed("2026-03-13")  # type: ignore[arg-type]
    assert info.value.context["argument"] == "on"


def test_apply_refuses_what_is_not_an_event() -> None:
    with pytest.raises(InputTypeError) as info:
        _new().apply("accepted")  # type: ignore[arg-type]
    assert info.value.message == "Sự kiện (event) must be a DossierEvent, got str"
    assert info.value.context == {"argument": "event"}


def test_sector_periods_bounds() -> None:
    assert SectorRules(supplement_notice_working_days=0).supplement_notice_working_days == 0
    assert SectorRules(supplement_wait_days=1).supplement_wait_days == 1
    for name, value, least in (
        ("supplement_notice_working_days", -1, 0),
        ("supplement_wait_days", 0, 1),
        ("supplement_wait_days", True, 1),
    ):
        with pytest.raises(InputTypeError) as info:
            SectorRules(**{name: value})  # type: ignore[arg-type]
        assert info.value.message == (
            f"Thời hạn chuyên ngành (sector period) {name} must be an int >= {least}"
        )
        assert info.value.context == {"argument": name}


def test_empty_actor_unit_hint() -> None:
    with pytest.raises(InvalidEvent) as info:
        Actor(ActorRole.ONE_STOP, " ")
    assert info.value.hint == "name the unit that acted, e.g. 'Bộ phận Một cửa xã Tân Phú'"


def test_a_missing_reason_cites_the_article() -> None:
    # Decree 118/2025 Art. 19.5 (supplement: reasons in writing) and Art. 23.1 (correction)
    for kind, article in (
        (K.SUPPLEMENT_REQUESTED, "Điều 19.5"),
        (K.CORRECTION_REQUESTED, "Điều 23.1"),
    ):
        with pytest.raises(InvalidEvent) as info:
            _event(kind, actor=APPLICANT)
        assert info.value.message == (
            f"Lý do (reason) is required for '{kind.value}': the law wants it in writing "
            f"({article}, {ND118})"
        )
        assert info.value.context["legal_ref"].article == article


def test_channel_refusal_names_only_the_rule_of_the_row() -> None:
    # An online dossier cannot be accepted before it is submitted on the portal: the row is the
    # paper one (T4), and only its legal basis is quoted
    err = _transition_error(_new(channel=Channel.ONLINE), _event())
    assert err.context["rule"] == "T4"
    assert err.message.endswith(
        f"Legal basis: at the counter or by post the officer accepts, returns for completion or "
        f"refuses the dossier (Điều 17.1, {ND118})"
    )


def test_every_event_kind_has_a_rule() -> None:
    from tthc.dossiers import TRANSITIONS

    assert {row.event for row in TRANSITIONS.values()} == set(EventKind)


def test_rules_data_names_known_documents() -> None:
    from tthc.dossiers import _parse_rules

    docs = {"nd118": {"document": "118/2025/NĐ-CP", "kind": "Nghị định", "article": "Điều 1"}}
    raw = {
        "data_version": "t",
        "regime": {
            "name_vi": "Một cửa",
            "name_en": "one-stop",
            "doc": "nd118",
            "before": "NĐ 61/2018",
            "validity": {"start": "2025-07-01", "end": None},
        },
        "documents": docs,
        "statuses": {},
        "events": {"withdrawn": {"doc": "nd118"}, "accepted": {}},
        "rules": {"T1": {"doc": "nd118", "article": "Điều 17.2", "en": "submitted"}},
        "limits": {"correction": {"doc": "nd118", "value": "3"}},
        "breaches": {"x": {"doc": "nd118", "vi": "Muộn", "en": "late", "article": ""}},
    }
    parsed = _parse_rules(raw)
    assert parsed.data_version == "t"
    assert parsed.rule_text == {"T1": "submitted"}
    assert dict(parsed.events) == raw["events"]
    assert dict(parsed.statuses) == {}
    assert parsed.rules["T1"].article == "Điều 17.2"
    assert parsed.rules["T1"].document == "118/2025/NĐ-CP"
    assert parsed.limits["correction"][0] == 3
    assert parsed.breaches["x"] == ("Muộn (late)", parsed.event_refs["withdrawn"])
    assert parsed.event_refs["withdrawn"].article == "Điều 1"  # no article: the document's own
    assert "accepted" not in parsed.event_refs
    assert parsed.regime_validity.start == dt.date(2025, 7, 1)
    assert parsed.regime_validity.end is None
    assert (parsed.regime_name, parsed.regime_before) == ("Một cửa (one-stop)", "NĐ 61/2018")
    assert parsed.regime_ref.article == "Điều 1"
    raw["regime"]["validity"] = {"start": None, "end": "2030-12-31"}  # type: ignore[index]
    ended = _parse_rules(raw).regime_validity
    assert (ended.start, ended.end) == (None, dt.date(2030, 12, 31))
    bad_regime = {**raw, "regime": {**raw["regime"], "doc": "nd61"}}  # type: ignore[dict-item]
    with pytest.raises(DataFileError) as info:
        _parse_rules(bad_regime)
    assert info.value.context == {"file": "dossier_rules.json", "path": "regime"}
    for section, key, entry in (
        ("limits", "correction", {"doc": "nd118", "value": "3", "article": 5}),
        ("breaches", "x", {"doc": "nd118", "vi": "v", "en": "e", "article": 5}),
        ("events", "withdrawn", {"doc": "nd118", "article": 5}),
    ):
        bad = {**raw, section: {key: entry}}
        with pytest.raises(DataFileError) as info:
            _parse_rules(bad)
        assert f"{section}.{key}" in info.value.message
    raw["rules"] = {"T1": {"doc": "nd999", "en": "x"}}
    with pytest.raises(DataFileError) as info:
        _parse_rules(raw)
    assert info.value.message == (
        "Tệp dữ liệu (data file) dossier_rules.json: rules.T1 names an unknown document"
    )
    assert info.value.context == {"file": "dossier_rules.json", "path": "rules.T1"}


# --- the regime in force at receipt (design: rules as at the dossier's receipt) -----------------

from tthc.errors import RegimeNotModelled  # noqa: E402


def test_a_dossier_received_before_decree_118_is_refused() -> None:
    # Decree 118/2025 Art. 40.1: in force from 1/7/2025, replacing Decree 61/2018 (and 107/2021)
    before = dt.datetime(2025, 6, 30, 16, tzinfo=VN_TZ)
    for d, event in (
        (_new(), DossierEvent(K.ACCEPTED, CODE, before, ONE_STOP)),
        (_new(channel=Channel.ONLINE), DossierEvent(K.SUBMITTED_ONLINE, CODE, before, APPLICANT)),
    ):
        with pytest.raises(RegimeNotModelled) as info:
            d.apply(event)
        err = info.value
        assert err.code == "dossier.regime_not_modelled"
        assert err.message == (
            f"Cơ chế một cửa chưa được mô hình hoá (regime not modelled): dossier {CODE} was "
            "received on 2025-06-30; tthc models Cơ chế một cửa, một cửa liên thông theo Nghị "
            "định 118/2025/NĐ-CP (One-stop regime under Decree 118/2025 (two-level local "
            "government)), in force 01/07/2025 – …, and a dossier is judged under the rules in "
            "force when it was received"
        )
        assert err.hint == (
            "before that period dossiers followed Nghị định 61/2018/NĐ-CP, sửa đổi bởi Nghị định "
            "107/2021/NĐ-CP (Decree 61/2018 as amended by Decree 107/2021; its life-cycle rules "
            "are not in tthc's data); keep them out of tthc.dossiers (compute_deadline still "
            "counts their days on the right calendar)"
        )
        ref = err.context["legal_ref"]
        assert (ref.document, ref.article) == ("118/2025/NĐ-CP", "Điều 40.1")
        assert err.context == {
            "dossier_code": CODE,
            "received": dt.date(2025, 6, 30),
            "regime_start": dt.date(2025, 7, 1),
            "regime_end": None,
            "legal_ref": ref,
            "index": 0,
        }
    # 1/7/2025 00:00 Vietnam time (30/6 17:00 UTC) is inside the regime
    first = dt.datetime(2025, 6, 30, 17, tzinfo=dt.timezone.utc)
    assert _new().apply(DossierEvent(K.ACCEPTED, CODE, first, ONE_STOP)).due_date == dt.date(
        2025, 7, 8
    )


def test_a_dossier_received_after_the_regime_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    import attrs

    from tthc import dossiers
    from tthc.legal import Validity

    ended = attrs.evolve(
        dossiers._rules(), regime_validity=Validity(dt.date(2025, 7, 1), dt.date(2026, 3, 8))
    )
    monkeypatch.setattr(dossiers, "_rules", lambda: ended)
    with pytest.raises(RegimeNotModelled) as info:
        _new().apply(DossierEvent(K.ACCEPTED, CODE, t(9, 9), ONE_STOP))
    assert info.value.hint == "the rules changed after that period: update tthc"
    assert info.value.context["regime_end"] == dt.date(2026, 3, 8)


def test_every_event_that_needs_a_reason_cites_its_article() -> None:
    from tthc.dossiers import _rules

    needs_reason = {kind.value for kind in EventKind if kind.reason_required}
    assert needs_reason == {
        "returned_at_intake", "refused_at_intake", "supplement_requested", "extension_granted",
        "refused_after_review", "correction_requested",
    }  # fmt: skip
    assert needs_reason <= set(_rules().event_refs)


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


def test_event_dates_are_vietnam_dates_whatever_the_instant_zone() -> None:
    # 23:30 UTC on 9/3 is 06:30 on 10/3 in Vietnam: the supplement notice is dated 10/3, so the
    # 15 days run to 25/3 and the dossier can be closed from 26/3 (never the machine's zone)
    utc = dt.timezone.utc
    d = _in_process().apply(
        DossierEvent(
            K.SUPPLEMENT_REQUESTED, CODE, dt.datetime(2026, 3, 9, 23, 30, tzinfo=utc), ONE_STOP,
            reason="x",
        )
    )  # fmt: skip
    err = _transition_error(d, DossierEvent(K.CLOSED_NO_SUPPLEMENT, CODE, t(25, 16), ONE_STOP))
    assert err.context["earliest"] == "2026-03-26"


def test_portal_record_of_each_event() -> None:
    d = _in_process().apply_all(
        [
            DossierEvent(K.SUPPLEMENT_REQUESTED, CODE, t(10, 9), ONE_STOP, reason="Thiếu"),
            DossierEvent(K.SUPPLEMENT_RECEIVED, CODE, t(12, 9), ONE_STOP),
            DossierEvent(K.FORWARDED, CODE, t(12, 10), ONE_STOP, to_unit="UBND"),
            DossierEvent(K.RESULT_ISSUED, CODE, t(13, 9), AUTHORITY),
        ]
    )
    first = portal_status_record(d, 0)
    assert (first.status_name, first.event, first.changed_at) == (
        "Được tiếp nhận",
        "accepted",
        "20260309090000",
    )
    assert (first.actor_unit, first.actor_role) == (ONE_STOP.unit, ActorRole.ONE_STOP.name_vi)
    assert first.content == EventKind.ACCEPTED.name_vi  # no reason: the event's name
    assert (first.finished_at, first.delivered_at, first.refused_at) == ("", "", "")
    assert first.supplements == ()
    asked = portal_status_record(d, 2)
    assert (asked.content, asked.finished_at) == ("Thiếu", "")
    (open_supplement,) = asked.supplements
    assert (open_supplement.received_at, open_supplement.new_due) == ("", "")
    last = portal_status_record(d)
    assert (last.event, last.changed_at, last.actor_unit) == (
        "result_issued",
        "20260313090000",
        AUTHORITY.unit,
    )
    assert last.finished_at == "20260313090000"
    assert last == portal_status_record(d, 5) == portal_status_record(d, -1)
