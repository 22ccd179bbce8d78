"""Dossier events, actors, sector rules and dossiers: what is accepted and the exact errors."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from dossier_builders import (
    APPLICANT,
    AUTHORITY,
    CODE,
    ONE_STOP,
    S_CODE,
    S_ONE_STOP,
    K,
    _new,
    s_dossier,
    s_in_process,
    sev,
    t,
    vn,
)

from tthc.deadlines import (
    Duration,
)
from tthc.dossiers import (
    Actor,
    ActorRole,
    Channel,
    Dossier,
    DossierEvent,
    EventKind,
    SectorRules,
    portal_status_record,
)
from tthc.errors import (
    InputTypeError,
    InvalidEvent,
    InvalidTransition,
    NaiveDatetimeError,
)
from tthc.formatting import provision_vi


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


AT = t(9, 9)


def _event(kind: EventKind = K.ACCEPTED, **kw: object) -> DossierEvent:
    args: dict[str, object] = {"dossier_code": CODE, "at": AT, "actor": ONE_STOP}
    args.update(kw)
    return DossierEvent(kind, **args)  # type: ignore[arg-type]


PAYLOAD = "payload"


ND118 = "Nghị định 118/2025/NĐ-CP (Chính phủ, 09/06/2025)"

# the helpers of the life-cycle scenarios (tests/dossiers/test_dossier_scenarios.py), another
# dossier code and any date: `vn(2026, 4, 29, 10)`


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
            f"({provision_vi(article)}, {ND118})"
        )
        assert info.value.context["legal_ref"].article == article


def test_empty_actor_unit_hint() -> None:
    with pytest.raises(InvalidEvent) as info:
        Actor(ActorRole.ONE_STOP, " ")
    assert info.value.hint == "name the unit that acted, e.g. 'Bộ phận Một cửa xã Tân Phú'"


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


def test_apply_refuses_what_is_not_an_event() -> None:
    with pytest.raises(InputTypeError) as info:
        _new().apply("accepted")  # type: ignore[arg-type]
    assert info.value.message == "Sự kiện (event) must be a DossierEvent, got str"
    assert info.value.context == {"argument": "event"}


def test_event_payload_and_type_checks() -> None:
    with pytest.raises(InvalidEvent, match="needs to_unit"):
        sev(K.FORWARDED, vn(2026, 3, 9))
    with pytest.raises(InvalidEvent, match="does not take to_unit"):
        sev(K.ACCEPTED, vn(2026, 3, 9), to_unit="UBND")
    with pytest.raises(InvalidEvent, match="needs new_due_date"):
        sev(K.EXTENSION_GRANTED, vn(2026, 3, 9), reason="x")
    with pytest.raises(InvalidEvent):
        sev(K.FORWARDED, vn(2026, 3, 9), to_unit="")
    with pytest.raises(InvalidEvent):
        sev(K.PAYMENT_REQUESTED, vn(2026, 3, 9), amount=Decimal(-1))
    with pytest.raises(InputTypeError):
        sev(K.FORWARDED, vn(2026, 3, 9), to_unit="UBND", time_allowed="3 ngày")
    with pytest.raises(InputTypeError):
        sev(K.EXTENSION_GRANTED, vn(2026, 3, 9), new_due_date=vn(2026, 3, 10), reason="x")
    with pytest.raises(InputTypeError):
        DossierEvent("accepted", S_CODE, vn(2026, 3, 9), S_ONE_STOP)  # type: ignore[arg-type]
    with pytest.raises(InvalidEvent):
        DossierEvent(K.ACCEPTED, " ", vn(2026, 3, 9), S_ONE_STOP)
    with pytest.raises(InputTypeError):
        DossierEvent(K.ACCEPTED, S_CODE, vn(2026, 3, 9), "one stop")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        DossierEvent(K.ACCEPTED, S_CODE, vn(2026, 3, 9), S_ONE_STOP, reason=5)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        DossierEvent(K.ACCEPTED, S_CODE, vn(2026, 3, 9), S_ONE_STOP, legal_ref="Điều 17")  # type: ignore[arg-type]
    with pytest.raises(InvalidEvent):
        Actor(ActorRole.ONE_STOP, "  ")
    with pytest.raises(InputTypeError):
        Actor("one_stop", "UBND")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        Actor(ActorRole.ONE_STOP, 5)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        SectorRules(supplement_wait_days=-1)
    with pytest.raises(InputTypeError):  # "sau 15 ngày": a period of 0 days is no period
        SectorRules(supplement_wait_days=0)


def test_dossier_construction_checks_and_replays_its_log() -> None:
    with pytest.raises(InputTypeError):
        s_dossier(limit="5 ngày làm việc")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        Dossier(S_CODE, "", Channel.COUNTER, "a", "b", Duration.working_days(5))
    with pytest.raises(InputTypeError):
        Dossier(S_CODE, "1", "counter", "a", "b", Duration.working_days(5))  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        s_dossier(events=["accepted"])
    with pytest.raises(InputTypeError):
        s_dossier(events="accepted")
    with pytest.raises(InputTypeError):
        s_dossier(sector_rules=None)
    with pytest.raises(InputTypeError):
        s_dossier(calendar="vn")
    with pytest.raises(InputTypeError):
        s_dossier(office_hours="8-17")
    with pytest.raises(InputTypeError):
        s_dossier().apply("accepted")  # type: ignore[arg-type]
    # a log that breaks the rules cannot be turned into a dossier
    with pytest.raises(InvalidTransition):
        s_dossier(events=[sev(K.RESULT_ISSUED, vn(2026, 3, 9), AUTHORITY)])
    good = s_in_process(vn(2026, 4, 29, 10))
    rebuilt = s_dossier(events=good.events)
    assert rebuilt == good
    assert rebuilt.replay() == good
    assert rebuilt.status is good.status
    assert hash(rebuilt) == hash(good)
    assert good.apply_all([]) is good
