"""The payload validator of an event, built anew (issue 17, item 5: ``_payload``).

``DossierEvent`` builds its payload checks once, at import, from ``_PAYLOAD_RULES``: a test
that only builds events never runs the builder again. These tests build each check from its
rule and hold it to its contract: a payload field is given for its kinds only, and must be
for the kinds that need it (``to_unit`` by ``FORWARDED`` and ``REHOMED``, ``new_due_date`` by
``EXTENSION_GRANTED``, the three re-homing fields by ``REHOMED``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from tthc._time import VN_TZ
from tthc.deadlines import Duration
from tthc.dossiers import Actor, ActorRole, DossierEvent, EventKind
from tthc.dossiers._model import _PAYLOAD_RULES, _payload
from tthc.errors import InvalidEvent
from tthc.migrate import successor_of

CODE = "CT-250801-0003"
ONE_STOP = Actor(ActorRole.ONE_STOP, "Bộ phận Một cửa phường Ninh Kiều")
AT = dt.datetime(2025, 8, 5, 9, tzinfo=VN_TZ)

#: One valid event of each kind that takes a payload, and one that takes none.
EVENTS = {
    EventKind.ACCEPTED: DossierEvent(EventKind.ACCEPTED, CODE, AT, ONE_STOP),
    EventKind.FORWARDED: DossierEvent(
        EventKind.FORWARDED,
        CODE,
        AT,
        ONE_STOP,
        to_unit="31168",
        time_allowed=Duration.working_days(3),
    ),
    EventKind.EXTENSION_GRANTED: DossierEvent(
        EventKind.EXTENSION_GRANTED,
        CODE,
        AT,
        ONE_STOP,
        reason="xin lỗi",
        new_due_date=dt.date(2025, 8, 20),
    ),
    EventKind.PAYMENT_REQUESTED: DossierEvent(
        EventKind.PAYMENT_REQUESTED, CODE, AT, ONE_STOP, amount=Decimal(50000)
    ),
    EventKind.REHOMED: DossierEvent(
        EventKind.REHOMED,
        CODE,
        AT,
        ONE_STOP,
        legal_ref=successor_of("31178", choose="31168").legal_basis,
        to_unit="31168",
        unit_role="competent",
        from_unit="31178",
    ),
}


@pytest.mark.parametrize("rule", _PAYLOAD_RULES, ids=[field.name for field, *_ in _PAYLOAD_RULES])
def test_a_check_built_anew_keeps_its_contract(rule: tuple[Any, ...]) -> None:
    field, kinds, required, value_check = rule
    check = _payload(kinds, value_check, required=required)
    for kind, event in EVENTS.items():
        given = getattr(event, field.name)
        if kind in kinds:
            check(event, field, given)  # its own valid value passes
            if given is not None and required:
                with pytest.raises(InvalidEvent) as info:
                    check(event, field, None)
                assert info.value.message == f"Sự kiện (event) '{kind.value}' needs {field.name}"
                assert info.value.context == {
                    "argument": field.name,
                    "reason": "payload",
                    "event": kind.value,
                }
        else:
            check(event, field, None)  # left empty: fine
            donor = next(e for k, e in EVENTS.items() if k in kinds)
            with pytest.raises(InvalidEvent) as info:
                check(event, field, getattr(donor, field.name))
            assert info.value.message == (
                f"Sự kiện (event) '{kind.value}' does not take {field.name}"
            )


def test_a_single_kind_is_read_as_that_kind() -> None:
    field = next(rule[0] for rule in _PAYLOAD_RULES if rule[0].name == "new_due_date")
    check = _payload(EventKind.EXTENSION_GRANTED, lambda *_: None, required=True)
    check(EVENTS[EventKind.EXTENSION_GRANTED], field, dt.date(2025, 8, 20))
    with pytest.raises(InvalidEvent, match="needs new_due_date"):
        check(EVENTS[EventKind.EXTENSION_GRANTED], field, None)
    with pytest.raises(InvalidEvent, match="'accepted' does not take new_due_date"):
        check(EVENTS[EventKind.ACCEPTED], field, dt.date(2025, 8, 20))
