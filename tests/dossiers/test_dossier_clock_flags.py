"""The once-only marks of the clock survive the events that change its limit.

Điều 19.6 NĐ 118/2025: a dossier's due date is extended once ("chỉ được gia hạn một lần"); the
switch to the longer verification limit happens once too. A restart after a complete supplement
(Điều 19.5) or a verification changes the limit, not those marks. And the online intake limit of
Điều 17.2.c is judged on the calendar's own days: past the calendar's range it is counted, not
assumed kept.
"""

from __future__ import annotations

import datetime as dt

import pytest
from dossier_builders import APPLICANT, AUTHORITY, CODE, ONE_STOP, K, _new, t

from tthc._time import VN_TZ
from tthc.deadlines import parse_processing_time
from tthc.dossiers import Channel, DossierEvent
from tthc.errors import InvalidTransition

_TEXT = "05 ngày làm việc; trường hợp cần xác minh thì không quá 10 ngày làm việc"


def _extension(at: dt.datetime, due: dt.date) -> DossierEvent:
    return DossierEvent(
        K.EXTENSION_GRANTED, CODE, at, AUTHORITY, reason="xin lỗi", new_due_date=due
    )


def test_a_restart_keeps_the_extension_mark() -> None:
    d = _new().apply_all(
        [
            DossierEvent(K.ACCEPTED, CODE, t(9, 9), ONE_STOP),
            DossierEvent(K.FORWARDED, CODE, t(9, 10), ONE_STOP, to_unit="UBND"),
            _extension(t(10, 9), dt.date(2026, 3, 20)),
            DossierEvent(K.SUPPLEMENT_REQUESTED, CODE, t(10, 10), ONE_STOP, reason="thiếu"),
            DossierEvent(K.SUPPLEMENT_RECEIVED, CODE, t(11, 9), ONE_STOP),
            DossierEvent(K.FORWARDED, CODE, t(11, 10), ONE_STOP, to_unit="UBND"),
        ]
    )
    with pytest.raises(InvalidTransition) as info:
        d.apply(_extension(t(12, 9), dt.date(2026, 3, 27)))
    assert info.value.context["reason"] == "extension_already_granted"


def test_a_verification_keeps_the_extension_mark() -> None:
    d = _new(processing_time=parse_processing_time(_TEXT)).apply_all(
        [
            DossierEvent(K.ACCEPTED, CODE, t(9, 9), ONE_STOP),
            DossierEvent(K.FORWARDED, CODE, t(9, 10), ONE_STOP, to_unit="UBND"),
            _extension(t(10, 9), dt.date(2026, 3, 20)),
            DossierEvent(K.VERIFICATION_REQUIRED, CODE, t(11, 9), AUTHORITY),
        ]
    )
    with pytest.raises(InvalidTransition) as info:
        d.apply(_extension(t(12, 9), dt.date(2026, 3, 27)))
    assert info.value.context["reason"] == "extension_already_granted"


def test_an_intake_decision_past_the_calendar_is_counted() -> None:
    # submitted online Monday 31/12/2035 07:00, the calendar's last day: its 8 working hours end
    # 17:00 that day; refused at intake on 2/1/2036, outside the calendar, it is late
    last = dt.datetime(2035, 12, 31, 7, tzinfo=VN_TZ)
    d = _new(channel=Channel.ONLINE).apply_all(
        [
            DossierEvent(K.SUBMITTED_ONLINE, CODE, last, APPLICANT),
            DossierEvent(
                K.REFUSED_AT_INTAKE, CODE, last + dt.timedelta(days=2), ONE_STOP, reason="sai"
            ),
        ]
    )
    assert [breach.code for breach in d.breaches] == ["online_intake_late"]
