"""Storing a dossier loses nothing (issue 8, "no data loss").

A dossier's event log survives a JSON round trip exactly, and a dossier whose ``apply`` is
refused is left unchanged.

Round trips cover Vietnamese text in every NFC/NFD form and odd code points, instants in
+07:00 and other offsets (kept as written, not converted), microseconds, and decimal amounts
with their exact digits (``150000.50`` stays ``150000.50``, not ``150000.5``).
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tthc import serde
from tthc.deadlines import Duration
from tthc.dossiers import Actor, ActorRole, Channel, Dossier, DossierEvent, EventKind
from tthc.errors import TthcError

CODE = "H29.55-260309-0007"
SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)

_VI = "Đăng ký khai sinh cho cháu Nguyễn Thị Ánh Hồng; hồ sơ đã đủ — “ổn” ✓ 𝔸"
TEXT = st.one_of(
    st.just(_VI),
    st.just(unicodedata.normalize("NFD", _VI)),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40),
)
OFFSETS = st.sampled_from([7 * 60, 0, -5 * 60, 5 * 60 + 45, 14 * 60, -12 * 60, 7 * 60 + 1])
AMOUNTS = st.one_of(
    st.sampled_from([Decimal("150000.50"), Decimal("0"), Decimal("0.00"), Decimal("1E+3")]),
    st.decimals(min_value=0, max_value=10**15, allow_nan=False, allow_infinity=False, places=2),
)


@st.composite
def _dossier(draw: st.DrawFn) -> Dossier:
    unit = draw(TEXT.filter(str.strip))
    one_stop = Actor(ActorRole.ONE_STOP, unit, name=draw(TEXT))
    authority = Actor(ActorRole.COMPETENT_AUTHORITY, "UBND xã Đắk Hà", name=draw(TEXT))
    tz = dt.timezone(dt.timedelta(minutes=draw(OFFSETS)))
    start = dt.datetime(
        2026, 3, 9, 2, 15, 30, draw(st.integers(0, 999_999)), tzinfo=dt.timezone.utc
    )
    at = start.astimezone(tz)
    step = dt.timedelta(minutes=draw(st.integers(1, 600)))
    dossier = Dossier(
        CODE, "1.001193", Channel.COUNTER, unit, "UBND xã Đắk Hà", Duration.working_days(5)
    )
    return dossier.apply_all(
        [
            DossierEvent(EventKind.ACCEPTED, CODE, at, one_stop, reason=draw(TEXT)),
            DossierEvent(
                EventKind.FORWARDED, CODE, at + step, one_stop, to_unit=unit, reason=draw(TEXT)
            ),
            DossierEvent(
                EventKind.PAYMENT_REQUESTED,
                CODE,
                at + 2 * step,
                authority,
                amount=draw(AMOUNTS),
                reason=draw(TEXT),
            ),
            DossierEvent(EventKind.PAYMENT_RECEIVED, CODE, at + 3 * step, one_stop),
        ]
    )


@SETTINGS
@given(_dossier())
def test_event_log_round_trips_exactly(dossier: Dossier) -> None:
    text = serde.to_json(dossier)
    back = serde.from_json(text, Dossier)
    assert back == dossier
    assert back.events == dossier.events
    for before, after in zip(dossier.events, back.events, strict=True):
        assert after.at.utcoffset() == before.at.utcoffset()  # offset kept, not converted
        assert after.at.isoformat() == before.at.isoformat()
        assert after.reason == before.reason  # same code points (NFD stays NFD)
        assert after.actor == before.actor
        if before.amount is not None:
            assert str(after.amount) == str(before.amount)  # same digits, trailing zeros too
    assert serde.to_json(back) == text  # byte-identical on the second trip
    assert back.status is dossier.status
    assert back.due_date == dossier.due_date


def test_amount_and_offsets_are_written_as_given() -> None:
    tz = dt.timezone(dt.timedelta(hours=-5))
    one_stop = Actor(ActorRole.ONE_STOP, "Một cửa")
    at = dt.datetime(2026, 3, 8, 21, 0, tzinfo=tz)  # 09:00 on 9/3 in Vietnam
    dossier = Dossier(
        CODE, "1.001193", Channel.COUNTER, "Một cửa", "UBND", Duration.working_days(5)
    )
    dossier = dossier.apply_all(
        [
            DossierEvent(EventKind.ACCEPTED, CODE, at, one_stop, reason="Nhận đủ"),
            DossierEvent(
                EventKind.FORWARDED, CODE, at + dt.timedelta(hours=1), one_stop, to_unit="UBND"
            ),
            DossierEvent(
                EventKind.PAYMENT_REQUESTED,
                CODE,
                at + dt.timedelta(hours=2),
                Actor(ActorRole.COMPETENT_AUTHORITY, "UBND"),
                amount=Decimal("150000.50"),
            ),
        ]
    )
    data = json.loads(serde.to_json(dossier))
    assert data["events"][0]["at"] == "2026-03-08T21:00:00-05:00"
    assert data["events"][0]["reason"] == "Nhận đủ"
    assert data["events"][2]["amount"] == "150000.50"
    # the due date is counted from the Vietnam date of acceptance (9/3/2026, a Monday):
    # 5 working days later is Monday 16/3/2026 (Decree 118/2025 Art. 17.3, Civil Code Art. 147)
    assert dossier.due_date == dt.date(2026, 3, 16)
    assert serde.from_json(serde.to_json(dossier), Dossier).due_date == dt.date(2026, 3, 16)


_KINDS = st.sampled_from(list(EventKind))
_ROLES = st.sampled_from(list(ActorRole))


@SETTINGS
@given(_dossier(), _KINDS, _ROLES, st.integers(-3_000, 3_000), TEXT)
def test_a_refused_event_leaves_the_dossier_unchanged(
    dossier: Dossier, kind: EventKind, role: ActorRole, minutes: int, reason: str
) -> None:
    snapshot = serde.to_json(dossier)
    events = dossier.events
    status = dossier.status
    at = dossier.events[-1].at + dt.timedelta(minutes=minutes)
    try:
        event = DossierEvent(
            kind,
            CODE,
            at,
            Actor(role, "UBND xã Đắk Hà"),
            reason=reason,
            to_unit="UBND" if kind is EventKind.FORWARDED else None,
            new_due_date=dt.date(2026, 4, 1) if kind is EventKind.EXTENSION_GRANTED else None,
        )
        new = dossier.apply(event)
    except TthcError:
        pass
    else:
        assert new.events == (*events, event)
        assert new is not dossier
    # whether or not the event was accepted, the original dossier did not change
    assert dossier.events is events
    assert dossier.status is status
    assert serde.to_json(dossier) == snapshot
