"""Applying events: the refusals while replaying a log (exact message, hint and context) and the regime.

Dates: 5 working days from acceptance on Mon 9/3/2026 end on Mon 16/3/2026 (counting starts the
next working day, Decree 118/2025 Art. 17.3); the 15-day supplement period of Art. 19.5 from the
notice of 10/3 ends on 25/3, so the dossier can be closed from 26/3.
"""

from __future__ import annotations

import datetime as dt

import pytest
from dossier_builders import (
    APPLICANT,
    AUTHORITY,
    CODE,
    ONE_STOP,
    S_CODE,
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
from tthc.dossiers import (
    Actor,
    ActorRole,
    Channel,
    Dossier,
    DossierEvent,
    EventKind,
)
from tthc.errors import (
    InputTypeError,
    InvalidEvent,
    InvalidTransition,
    NaiveDatetimeError,
    RegimeNotModelled,
)
from tthc.legal import LegalRef

AT = t(9, 9)


def _event(kind: EventKind = K.ACCEPTED, **kw: object) -> DossierEvent:
    args: dict[str, object] = {"dossier_code": CODE, "at": AT, "actor": ONE_STOP}
    args.update(kw)
    return DossierEvent(kind, **args)  # type: ignore[arg-type]


ND118 = "Nghị định 118/2025/NĐ-CP (Chính phủ, 09/06/2025)"

IN_PROCESS_ALLOWED = (
    "forwarded", "supplement_requested", "payment_requested", "verification_required",
    "extension_granted", "refused_after_review", "result_issued", "withdrawn", "rehomed",
)  # fmt: skip


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


# the helpers of the life-cycle scenarios (tests/dossiers/test_dossier_scenarios.py), another
# dossier code and any date: `vn(2026, 4, 29, 10)`


S_APPLICANT = Actor(ActorRole.APPLICANT, "Nguyễn Thị Hoà")


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
        f"the officer accepts, returns for completion or refuses the dossier (khoản 1 Điều 17, {ND118}); "
        f"a complete dossier is accepted with a receipt (Giấy tiếp nhận); the processing time "
        f"starts (khoản 2, 3 Điều 17, {ND118})"
    )
    assert err.context == {
        "dossier_code": CODE,
        "status": "in_process",
        "event": "accepted",
        "allowed": IN_PROCESS_ALLOWED,
        "reason": "status",
        "rule": "T4",
        "legal_ref": _ref_of(err),
        "index": 2,  # the event's place in the log (issue 17: a stored log names it)
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
        f"filed via counter. Allowed now: returned_at_intake, refused_at_intake, accepted, "
        f"rehomed. "
        f"Legal basis: an online dossier is submitted on the national portal (again after a "
        f"return at intake) (khoản 2 Điều 17, {ND118})"
    )
    assert err.context == {
        "dossier_code": CODE,
        "status": "draft",
        "event": "submitted_online",
        "allowed": ("returned_at_intake", "refused_at_intake", "accepted", "rehomed"),
        "reason": "channel",
        "rule": "T1",
        "legal_ref": _ref_of(err),
        "index": 0,
    }


def test_channel_refusal_names_only_the_rule_of_the_row() -> None:
    # An online dossier cannot be accepted before it is submitted on the portal: the row is the
    # paper one (T4), and only its legal basis is quoted
    err = _transition_error(_new(channel=Channel.ONLINE), _event())
    assert err.context["rule"] == "T4"
    assert err.message.endswith(
        f"Legal basis: at the counter or by post the officer accepts, returns for completion or "
        f"refuses the dossier (khoản 1 Điều 17, {ND118})"
    )


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
        f"(khoản 5 Điều 19, điểm e khoản 1 Điều 5, điểm c khoản 2 Điều 11, {ND118})"
    )
    assert err.context == {
        "dossier_code": CODE,
        "status": "in_process",
        "event": "supplement_requested",
        "allowed": allowed,
        "reason": "supplement_already_requested",
        "rule": "T7",
        "legal_ref": _ref_of(err),
        "index": 5,
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
        f"(khoản 6 Điều 19, khoản 5 Điều 12, {ND118})"
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
        f"from 2026-03-26. Allowed now: supplement_received, closed_no_supplement, withdrawn, "
        f"rehomed. "
        f"Legal basis: 15 days after the supplement notice without completion the one-stop "
        f"closes the dossier (khoản 5 Điều 19, {ND118})"
    )
    assert err.context == {
        "dossier_code": CODE,
        "status": "supplement_requested",
        "event": "closed_no_supplement",
        "allowed": ("supplement_received", "closed_no_supplement", "withdrawn", "rehomed"),
        "reason": "supplement_period_running",
        "rule": "T9",
        "legal_ref": _ref_of(err),
        "earliest": "2026-03-26",
        "index": 3,
    }
    closed = d.apply(DossierEvent(K.CLOSED_NO_SUPPLEMENT, CODE, t(26, 7), ONE_STOP))
    assert closed.status.value == "stopped"
    assert closed.finished_at == t(10, 9)  # stopped as of the notice


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


def test_a_late_request_is_dated_in_vietnam_whatever_the_instant_zone() -> None:
    # Điều 19.5: the supplement is asked for within 3 working days of acceptance (Mon 9/3 →
    # Thu 12/3). 17:30 UTC on Thu 12/3 is 00:30 on Fri 13/3 in Vietnam: late, though its UTC
    # date (and the machine's, here UTC) is the last allowed day
    late = dt.datetime(2026, 3, 12, 17, 30, tzinfo=dt.timezone.utc)
    d = _in_process().apply(DossierEvent(K.SUPPLEMENT_REQUESTED, CODE, late, ONE_STOP, reason="x"))
    assert [b.code for b in d.breaches] == ["supplement_request_late"]
    assert "requested 2026-03-13, latest 2026-03-12" in d.breaches[0].message
    in_time = late - dt.timedelta(hours=1)  # 23:30 on Thu 12/3 in Vietnam
    d = _in_process().apply(
        DossierEvent(K.SUPPLEMENT_REQUESTED, CODE, in_time, ONE_STOP, reason="x")
    )
    assert d.breaches == ()


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

    from tthc.dossiers import _legal
    from tthc.legal import Validity

    ended = attrs.evolve(
        _legal.rules(), regime_validity=Validity(dt.date(2025, 7, 1), dt.date(2026, 3, 8))
    )
    monkeypatch.setattr(_legal, "rules", lambda: ended)
    with pytest.raises(RegimeNotModelled) as info:
        _new().apply(DossierEvent(K.ACCEPTED, CODE, t(9, 9), ONE_STOP))
    assert info.value.hint == "the rules changed after that period: update tthc"
    assert info.value.context["regime_end"] == dt.date(2026, 3, 8)


def test_events_out_of_order_other_dossier_naive_and_wrong_channel() -> None:
    d = s_in_process(vn(2026, 4, 29, 10))
    with pytest.raises(InvalidEvent) as info:
        d.apply(sev(K.RESULT_ISSUED, vn(2026, 4, 29, 9), AUTHORITY))
    assert info.value.context["reason"] == "out_of_order"
    other = DossierEvent(K.RESULT_ISSUED, "OTHER-1", vn(2026, 5, 4), AUTHORITY)
    with pytest.raises(InvalidEvent) as info:
        d.apply(other)
    assert info.value.context["reason"] == "other_dossier"
    with pytest.raises(NaiveDatetimeError):
        DossierEvent(K.RESULT_ISSUED, S_CODE, dt.datetime(2026, 5, 4, 9), AUTHORITY)
    with pytest.raises(InputTypeError):
        DossierEvent(K.RESULT_ISSUED, S_CODE, dt.date(2026, 5, 4), AUTHORITY)  # type: ignore[arg-type]
    with pytest.raises(InvalidTransition) as info:
        s_dossier(Channel.COUNTER).apply(sev(K.SUBMITTED_ONLINE, vn(2026, 3, 9), S_APPLICANT))
    assert info.value.context["reason"] == "channel"
    with pytest.raises(InvalidTransition) as info:
        s_dossier(Channel.ONLINE).apply(sev(K.ACCEPTED, vn(2026, 3, 9)))
    assert info.value.context["reason"] == "channel"
    assert len(d.events) == 2  # nothing lost, nothing added
