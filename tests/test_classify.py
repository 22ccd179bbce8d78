"""classify() (by date, as the national reports do) and indicator 2.1 of Decision 766/QĐ-TTg.

Rules: tthc_rules.md §5.1 (DVCQG "Mô tả công thức tính chỉ số 766"; Thanh Hóa reports compare
CONVERT(DATE, ...)), worked example E4 (766 view).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from tthc import VN_TZ
from tthc.deadlines import (
    Duration,
    SupplementRequest,
    Timeliness,
    classify,
    compute_deadline,
    metric_766_on_time,
)
from tthc.errors import InputTypeError, InvalidEvent, NaiveDatetimeError


def vn(*args: int) -> datetime:
    return datetime(*args, tzinfo=VN_TZ)  # type: ignore[misc]


DUE = compute_deadline(vn(2026, 4, 29, 10), Duration.working_days(5))  # E1: due Fri 8/5/2026


@pytest.mark.parametrize(
    ("finished", "expected"),
    [
        (vn(2026, 5, 7, 16), Timeliness.EARLY),
        (date(2026, 5, 7), Timeliness.EARLY),
        (vn(2026, 5, 8, 9), Timeliness.ON_TIME),
        (vn(2026, 5, 8, 18), Timeliness.ON_TIME),  # by date: after 17:00 is still the due date
        (vn(2026, 5, 9, 8), Timeliness.LATE),
        # 18:00 UTC on 8/5 is 01:00 on 9/5 in Vietnam
        (datetime(2026, 5, 8, 18, tzinfo=timezone.utc), Timeliness.LATE),
    ],
)
def test_finished_dossiers(finished: object, expected: Timeliness) -> None:
    assert classify(DUE, finished) is expected  # type: ignore[arg-type]
    assert classify(DUE.due_date, finished) is expected  # type: ignore[arg-type]


def test_open_dossiers() -> None:
    assert classify(DUE, as_of=date(2026, 5, 8)) is Timeliness.IN_TIME
    assert classify(DUE, as_of=vn(2026, 5, 8, 23, 59)) is Timeliness.IN_TIME
    assert classify(DUE, as_of=date(2026, 5, 9)) is Timeliness.OVERDUE
    # finished after the report date: still open as of that date
    assert classify(DUE, vn(2026, 5, 12, 9), as_of=date(2026, 5, 6)) is Timeliness.IN_TIME
    assert classify(DUE, vn(2026, 5, 7, 9), as_of=date(2026, 5, 31)) is Timeliness.EARLY


def test_timeliness_names() -> None:
    assert Timeliness.EARLY.name_vi == "Trước hạn"
    assert Timeliness.ON_TIME.name_vi == "Đúng hạn"
    assert Timeliness.OVERDUE.name_vi == "Quá hạn"
    assert Timeliness.IN_TIME.is_on_time
    assert not Timeliness.LATE.is_on_time
    assert Timeliness.LATE.finished
    assert not Timeliness.OVERDUE.finished


def test_classify_errors() -> None:
    with pytest.raises(InputTypeError):
        classify(DUE)
    with pytest.raises(NaiveDatetimeError):
        classify(DUE, datetime(2026, 5, 8, 9))
    with pytest.raises(InputTypeError):
        classify("2026-05-08", date(2026, 5, 8))  # type: ignore[arg-type]


# --- indicator 2.1, Decision 766/QĐ-TTg ----------------------------------------------------------

ACCEPTED = vn(2026, 3, 9, 9, 15)  # E3/E4
SUPPLEMENT = SupplementRequest(vn(2026, 3, 11, 10), vn(2026, 3, 20, 10))  # 9 days of citizen time


def test_e4_766_view() -> None:
    # result issued Tue 31/3 15:00, synced due 3/4 -> on time
    r = metric_766_on_time(
        accepted_at=ACCEPTED,
        due=date(2026, 4, 3),
        ended_at=vn(2026, 3, 31, 15),
        period_end=date(2026, 3, 31),
        supplements=[SUPPLEMENT],
    )
    assert r.on_time
    assert r.supplement_time == timedelta(days=9)
    # a legacy system that kept due 23/3 still passes: 31/3 15:00 - 9 d = 22/3 15:00 <= 23/3
    legacy = metric_766_on_time(
        accepted_at=ACCEPTED,
        due=date(2026, 3, 23),
        ended_at=vn(2026, 3, 31, 15),
        period_end=date(2026, 3, 31),
        supplements=[SUPPLEMENT],
    )
    assert legacy.on_time
    assert legacy.end_used == vn(2026, 3, 22, 15)
    assert "766/QĐ-TTg" in legacy.rule.cite()


def test_more_than_one_supplement_request_is_late() -> None:
    r = metric_766_on_time(
        accepted_at=ACCEPTED,
        due=date(2026, 4, 3),
        ended_at=vn(2026, 3, 25, 15),
        period_end=date(2026, 3, 31),
        supplements=[SUPPLEMENT, SupplementRequest(vn(2026, 3, 23, 9), vn(2026, 3, 24, 9))],
    )
    assert not r.on_time
    assert r.reason == "more than one supplement request"


def test_end_used_when_not_finished() -> None:
    # waiting for the citizen: end = time of the request
    waiting = metric_766_on_time(
        accepted_at=ACCEPTED,
        due=date(2026, 3, 23),
        ended_at=None,
        period_end=date(2026, 4, 30),
        supplements=[SupplementRequest(vn(2026, 3, 11, 10))],
    )
    assert waiting.on_time
    assert waiting.end_used == vn(2026, 3, 11, 10)
    # no terminal status: end = last day of the reporting period
    open_ = metric_766_on_time(
        accepted_at=ACCEPTED, due=DUE, ended_at=None, period_end=date(2026, 5, 31)
    )
    assert not open_.on_time
    assert open_.reason == "after the due date"
    # no synced due date: computed from the maximum limit (10 NLV from 9/3 -> 23/3)
    computed = metric_766_on_time(
        accepted_at=ACCEPTED,
        due=None,
        ended_at=vn(2026, 3, 23, 16),
        period_end=date(2026, 3, 31),
        limit=Duration.working_days(10),
    )
    assert computed.on_time


def test_metric_errors() -> None:
    with pytest.raises(InputTypeError):
        metric_766_on_time(
            accepted_at=ACCEPTED, due=None, ended_at=None, period_end=date(2026, 3, 31)
        )
    with pytest.raises(InputTypeError):
        metric_766_on_time(
            accepted_at=ACCEPTED,
            due=DUE,
            ended_at=None,
            period_end=date(2026, 3, 31),
            supplements=[(vn(2026, 3, 11), None)],  # type: ignore[list-item]
        )
    with pytest.raises(InvalidEvent):
        metric_766_on_time(
            accepted_at=ACCEPTED,
            due=DUE,
            ended_at=None,
            period_end=date(2026, 3, 31),
            supplements=[SupplementRequest(vn(2026, 3, 12), vn(2026, 3, 11))],
        )
    with pytest.raises(NaiveDatetimeError):
        metric_766_on_time(
            accepted_at=datetime(2026, 3, 9), due=DUE, ended_at=None, period_end=date(2026, 3, 31)
        )
