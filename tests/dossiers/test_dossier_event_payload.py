"""The payload rules of a dossier event and the sector periods (``tthc.dossiers._model``).

Payload fields belong to one kind of event each (Decree 118/2025/NĐ-CP): ``to_unit`` and
``time_allowed`` to a forwarding between agencies (Điều 20), ``new_due_date`` to the extension
with an apology (Điều 19.6, required), ``amount`` to a request to pay financial obligations.
Sector law may set other periods than the national ones of Điều 19.5 ("trừ trường hợp pháp
luật chuyên ngành có quy định"): ``SectorRules``.

The validators are built when the classes are defined; these tests build them again, so that
each rule is checked as written.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import attrs
import pytest

from tthc._time import VN_TZ
from tthc.dossiers import Actor, ActorRole, DossierEvent, EventKind, _model
from tthc.errors import InputTypeError, InvalidEvent

K = EventKind
CODE = "000.00.01.H29-260309-0009"
ONE_STOP = Actor(ActorRole.ONE_STOP, "Bộ phận Một cửa phường Sài Gòn")
AT = dt.datetime(2026, 3, 9, 9, tzinfo=VN_TZ)
TO_UNIT = attrs.fields(DossierEvent).to_unit
AMOUNT = attrs.fields(DossierEvent).amount


def _event(kind: EventKind, **payload: Any) -> DossierEvent:
    reason = "Lý do" if kind.reason_required else ""
    return DossierEvent(kind, CODE, AT, ONE_STOP, reason=reason, **payload)


class _Seen:
    """A value check that records what it was given."""

    def __init__(self) -> None:
        self.calls: list[tuple[object, object, object]] = []

    def __call__(self, event: object, attribute: object, value: object) -> None:
        self.calls.append((event, attribute, value))


def test_a_required_payload_is_refused_when_missing() -> None:
    # Điều 20: a forwarding names the agency that receives the dossier
    seen = _Seen()
    check = _model._payload(K.FORWARDED, seen, required=True)
    forwarded = _event(K.FORWARDED, to_unit="UBND")
    with pytest.raises(InvalidEvent) as info:
        check(forwarded, TO_UNIT, None)
    assert info.value.message == "Sự kiện (event) 'forwarded' needs to_unit"
    assert info.value.context == {"argument": "to_unit", "reason": "payload", "event": "forwarded"}
    assert seen.calls == []
    check(forwarded, TO_UNIT, "UBND xã Tân Phú")
    assert seen.calls == [(forwarded, TO_UNIT, "UBND xã Tân Phú")]


def test_an_optional_payload_may_be_left_out() -> None:
    seen = _Seen()
    check = _model._payload(K.PAYMENT_REQUESTED, seen)
    requested = _event(K.PAYMENT_REQUESTED)
    check(requested, AMOUNT, None)
    assert seen.calls == []
    check(requested, AMOUNT, 50000)
    assert seen.calls == [(requested, AMOUNT, 50000)]


def test_a_payload_of_another_kind_is_refused() -> None:
    seen = _Seen()
    check = _model._payload(K.PAYMENT_REQUESTED, seen)
    accepted = _event(K.ACCEPTED)
    check(accepted, AMOUNT, None)  # left empty: fine
    with pytest.raises(InvalidEvent) as info:
        check(accepted, AMOUNT, 50000)
    assert info.value.message == "Sự kiện (event) 'accepted' does not take amount"
    assert info.value.context == {"argument": "amount", "reason": "payload", "event": "accepted"}
    required = _model._payload(K.FORWARDED, seen, required=True)
    required(accepted, TO_UNIT, None)  # required for a forwarding only
    with pytest.raises(InvalidEvent) as info:
        required(accepted, TO_UNIT, "UBND")
    assert info.value.message == "Sự kiện (event) 'accepted' does not take to_unit"
    assert seen.calls == []


def test_the_event_class_applies_the_payload_rules() -> None:
    with pytest.raises(InvalidEvent) as info:
        _event(K.EXTENSION_GRANTED)  # Điều 19.6: the apology names the new return date
    assert info.value.message == "Sự kiện (event) 'extension_granted' needs new_due_date"
    assert info.value.context == {
        "argument": "new_due_date",
        "reason": "payload",
        "event": "extension_granted",
    }
    with pytest.raises(InvalidEvent) as info:
        _event(K.ACCEPTED, new_due_date=dt.date(2026, 3, 20))
    assert info.value.context["event"] == "accepted"
    assert info.value.message == "Sự kiện (event) 'accepted' does not take new_due_date"


@pytest.mark.parametrize(
    ("least", "value"),
    [(0, 0), (0, 3), (1, 1), (1, 15), (1, None)],
)
def test_a_sector_period_at_or_above_its_least_is_accepted(least: int, value: int | None) -> None:
    _model._period(least)(None, SimpleNamespace(name="supplement_wait_days"), value)


@pytest.mark.parametrize(
    ("least", "value"),
    [(1, 0), (0, -1), (1, True), (0, False), (1, "15"), (1, 15.0)],
)
def test_a_sector_period_below_its_least_or_not_an_int_is_refused(
    least: int, value: object
) -> None:
    # "sau 15 ngày" (Điều 19.5): a period is a whole number of days; a bool is not one
    check = _model._period(least)
    with pytest.raises(InputTypeError) as info:
        check(None, SimpleNamespace(name="supplement_wait_days"), value)
    assert info.value.message == (
        f"Thời hạn chuyên ngành (sector period) supplement_wait_days must be an int >= {least}"
    )
    assert info.value.context == {"argument": "supplement_wait_days"}
