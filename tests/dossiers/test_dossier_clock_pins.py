"""The once-only marks of the clock survive every event that moves the due date (issue 17).

Điều 19.6 NĐ 118/2025: the due date is extended once ("chỉ được gia hạn một lần"); the longer
limit for a verification (Điều 19.4) is switched to once. A payment the sector law excludes
from the limit (``SectorRules.payment_excluded_from_limit``), a restart after a complete
supplement (Điều 19.5) and the extension itself move the due date but keep both marks.

The procedure below reads "05 ngày làm việc; trường hợp cần xác minh thì kéo dài thêm 05 ngày
làm việc": the verification limit is *added* to the base one, so a second switch would add it
again. Dates are March 2026 (9/3 to 27/3/2026 are all working days, Mon to Fri): accepted Mon
9/3 09:00, due Mon 16/3 (5 working days); verification on 10/3: 10 working days, due Mon 23/3.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from dossier_builders import AUTHORITY, CODE, ONE_STOP, K, _new, t

from tthc.deadlines import parse_processing_time
from tthc.dossiers import DeadlineRevisionKind, Dossier, DossierEvent, SectorRules
from tthc.dossiers._state import Extension
from tthc.errors import InvalidTransition

_LONGER = "05 ngày làm việc; trường hợp cần xác minh thì kéo dài thêm 05 ngày làm việc"
_SECTOR = SectorRules(payment_excluded_from_limit=True)

SET = DeadlineRevisionKind.SET
VERIFICATION = DeadlineRevisionKind.VERIFICATION


def _verification(at: dt.datetime) -> DossierEvent:
    return DossierEvent(K.VERIFICATION_REQUIRED, CODE, at, AUTHORITY)


def _extension(at: dt.datetime, due: dt.date) -> DossierEvent:
    return DossierEvent(
        K.EXTENSION_GRANTED, CODE, at, AUTHORITY, reason="xin lỗi", new_due_date=due
    )


def _payment(asked: dt.datetime, paid: dt.datetime) -> list[DossierEvent]:
    return [
        DossierEvent(K.PAYMENT_REQUESTED, CODE, asked, AUTHORITY, amount=Decimal(50000)),
        DossierEvent(K.PAYMENT_RECEIVED, CODE, paid, ONE_STOP),
    ]


def _supplement() -> list[DossierEvent]:
    # asked 10/3 11:00, complete 11/3 09:00: the 10 working days restart, due Wed 25/3
    return [
        DossierEvent(K.SUPPLEMENT_REQUESTED, CODE, t(10, 11), ONE_STOP, reason="thiếu"),
        DossierEvent(K.SUPPLEMENT_RECEIVED, CODE, t(11, 9), ONE_STOP),
        DossierEvent(K.FORWARDED, CODE, t(11, 10), ONE_STOP, to_unit="UBND"),
    ]


def _verified() -> Dossier:
    """Accepted 9/3 09:00 (event 0), verification 10/3 09:00 (event 2): due 23/3."""
    return _new(processing_time=parse_processing_time(_LONGER), sector_rules=_SECTOR).apply_all(
        [
            DossierEvent(K.ACCEPTED, CODE, t(9, 9), ONE_STOP),
            DossierEvent(K.FORWARDED, CODE, t(9, 10), ONE_STOP, to_unit="UBND"),
            _verification(t(10, 9)),
        ]
    )


def _revisions(d: Dossier) -> list[tuple[DeadlineRevisionKind, dt.date, int]]:
    return [(r.kind, r.due_date, r.event_index) for r in d.deadline_history()]


def test_the_verification_adds_its_limit_once() -> None:
    d = _verified()
    assert _revisions(d) == [
        (SET, dt.date(2026, 3, 16), 0),
        (VERIFICATION, dt.date(2026, 3, 23), 2),
    ]
    again = d.apply(_verification(t(10, 10)))
    assert _revisions(again) == _revisions(d)


@pytest.mark.parametrize(
    ("events", "due", "last"),
    [
        # paid after one working day (10/3 11:00 - 11/3 11:00): excluded, due Tue 24/3
        (
            _payment(t(10, 11), t(11, 11)),
            dt.date(2026, 3, 24),
            DeadlineRevisionKind.PAYMENT_EXCLUDED,
        ),
        # asked and paid after office hours (10/3 18:00 - 19:00): no working time, due stays
        (_payment(t(10, 18), t(10, 19)), dt.date(2026, 3, 23), VERIFICATION),
        (_supplement(), dt.date(2026, 3, 25), DeadlineRevisionKind.RESTARTED),
        (
            [_extension(t(11, 9), dt.date(2026, 3, 25))],
            dt.date(2026, 3, 25),
            DeadlineRevisionKind.EXTENDED,
        ),
    ],
    ids=["payment_excluded", "payment_without_working_time", "restart", "extension"],
)
def test_a_moved_due_date_keeps_the_verification_mark(
    events: list[DossierEvent], due: dt.date, last: DeadlineRevisionKind
) -> None:
    moved = _verified().apply_all(events)
    assert moved.due_date == due
    assert moved.deadline_history()[-1].kind is last
    # a second verification finds the longer limit already in force: nothing changes
    again = moved.apply(_verification(t(12, 9)))
    assert again.due_date == due
    assert _revisions(again) == _revisions(moved)


@pytest.mark.parametrize(
    "payment",
    [_payment(t(12, 11), t(13, 11)), _payment(t(12, 18), t(12, 19))],
    ids=["payment_excluded", "payment_without_working_time"],
)
def test_a_payment_keeps_the_extension_mark(payment: list[DossierEvent]) -> None:
    extended = _verified().apply(_extension(t(11, 9), dt.date(2026, 3, 25)))
    paid = extended.apply_all(payment)
    with pytest.raises(InvalidTransition) as info:
        paid.apply(_extension(t(16, 9), dt.date(2026, 3, 27)))
    assert info.value.context["reason"] == "extension_already_granted"
    assert info.value.context["rule"] == "T11"


def test_the_extension_record_names_its_event_and_dates() -> None:
    # the state keeps the one extension (Điều 19.6): event 3, notified Wed 11/3, 23/3 -> 25/3
    extended = _verified().apply(_extension(t(11, 9), dt.date(2026, 3, 25)))
    clock = extended._state.clock
    assert clock is not None
    assert clock.extension == Extension(
        3, dt.date(2026, 3, 11), dt.date(2026, 3, 23), dt.date(2026, 3, 25)
    )
    assert clock.verification is True
