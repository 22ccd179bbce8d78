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


def t(day: int, hour: int) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, tzinfo=VN_TZ)


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
