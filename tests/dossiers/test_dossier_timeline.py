"""The timeline of a dossier, the time in each status and the queries at an instant."""

from __future__ import annotations

import datetime as dt

import pytest
from dossier_builders import (
    AUTHORITY,
    CODE,
    ONE_STOP,
    K,
    _in_process,
    s_dossier,
    s_in_process,
    t,
    vn,
)

from tthc.dossiers import (
    DossierEvent,
    DossierStatus,
    portal_status_record,
)
from tthc.errors import (
    InputTypeError,
    InvalidEvent,
    NaiveDatetimeError,
)

# the helpers of the life-cycle scenarios (tests/dossiers/test_dossier_scenarios.py), another
# dossier code and any date: `vn(2026, 4, 29, 10)`


S = DossierStatus


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


def test_queries_need_aware_instants_and_portal_record_needs_an_event() -> None:
    d = s_in_process(vn(2026, 4, 29, 10))
    with pytest.raises(NaiveDatetimeError):
        d.status_at(dt.datetime(2026, 5, 1))
    with pytest.raises(NaiveDatetimeError):
        d.timeline(dt.datetime(2026, 5, 1))
    with pytest.raises(NaiveDatetimeError):
        d.extension_allowed(dt.datetime(2026, 5, 1))
    with pytest.raises(InputTypeError):
        d.extension_allowed("2026-05-01")  # type: ignore[arg-type]
    with pytest.raises(NaiveDatetimeError):
        d.as_of(dt.datetime(2026, 5, 1))
    assert d.pauses() == ()
    with pytest.raises(NaiveDatetimeError):
        d.waiting_for_applicant(dt.datetime(2026, 5, 1))
    with pytest.raises(InvalidEvent) as info:
        portal_status_record(s_dossier())
    assert info.value.context["reason"] == "no_events"
    with pytest.raises(InvalidEvent):
        portal_status_record(d, 5)
    with pytest.raises(InputTypeError):
        portal_status_record(d, "0")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        portal_status_record("dossier")  # type: ignore[arg-type]
    # open timeline entry ends at as_of
    entries = d.timeline(vn(2026, 4, 30))
    assert entries[-1].end == vn(2026, 4, 30)
    assert d.time_in_status(vn(2026, 4, 30))[S.IN_PROCESS] == vn(2026, 4, 30) - vn(
        2026, 4, 29, 10, 30
    )
    assert d.as_of(vn(2026, 4, 29, 10, 10)).status is S.ACCEPTED
