"""classify() (by date, as the national reports do) and indicator 2.1 of Decision 766/QĐ-TTg.

Rules: tthc_rules.md §5.1 (DVCQG "Mô tả công thức tính chỉ số 766"; Thanh Hóa reports compare
CONVERT(DATE, ...)), worked example E4 (766 view).

The second half pins exact results, messages and refusals (found by mutation testing, see
docs/quality.md); ACCEPTED_9H is Monday 9/3/2026 09:00, and 9/3 to 20/3/2026 are all working
days (no holiday in March 2026).
"""

from __future__ import annotations

import datetime as dt
from datetime import date, datetime, timedelta, timezone

import pytest

from tthc import VN_TZ
from tthc.calendar import civil_service_calendar
from tthc.deadlines import (
    Duration,
    SupplementRequest,
    Timeliness,
    classify,
    compute_deadline,
    metric_766_on_time,
)
from tthc.errors import (
    InputTypeError,
    InvalidEvent,
    NaiveDatetimeError,
)

D = dt.date
#: Monday 9/3/2026 09:00: 9/3 to 20/3/2026 are all working days (no holiday in March 2026;
#: tests/data/vn_public_sector_calendar_reference.csv).
ACCEPTED_9H = dt.datetime(2026, 3, 9, 9, 0, tzinfo=VN_TZ)


def _deadline():  # type: ignore[no-untyped-def]
    # 5 working days after Monday 9/3/2026: Monday 16/3/2026, by 17:00 (BLDS Art. 147.2)
    deadline = compute_deadline(ACCEPTED_9H, Duration.working_days(5))
    assert deadline.due_date == D(2026, 3, 16)
    return deadline


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute, tzinfo=VN_TZ)


NAIVE = dt.datetime(2026, 3, 9, 9)


NAIVE_HINT = "attach the zone: value.replace(tzinfo=tthc.VN_TZ) for Vietnam time (UTC+7)"


DATE_HINT = "convert strings with datetime.date.fromisoformat('YYYY-MM-DD')"


def _naive(name: str) -> tuple[type[Exception], str, dict[str, object], str]:
    return (
        NaiveDatetimeError,
        f"Thời điểm không có múi giờ (naive datetime): {name}=2026-03-09T09:00:00 has no time "
        "zone, and the time of day matters here",
        {"argument": name},
        NAIVE_HINT,
    )


PERIOD = D(2026, 3, 31)


def _req(day: int, done: int | None) -> SupplementRequest:
    return SupplementRequest(
        dt.datetime(2026, 3, day, 9, tzinfo=VN_TZ),
        None if done is None else dt.datetime(2026, 3, done, 9, tzinfo=VN_TZ),
    )


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


# --- exact results and refusals -------------------------------------------------------------------


def test_metric_766_subtracts_every_completed_supplement() -> None:
    result = metric_766_on_time(
        accepted_at=ACCEPTED_9H,
        due=_deadline(),
        ended_at=dt.datetime(2026, 3, 17, 10, tzinfo=VN_TZ),
        period_end=PERIOD,
        supplements=[_req(10, 11)],
    )
    assert result.on_time is True
    assert result.end_used == dt.datetime(2026, 3, 16, 10, tzinfo=VN_TZ)
    assert result.supplement_time == dt.timedelta(days=1)
    assert result.reason == "on or before the due date"
    assert result.rule.id == "indicator_766_2_1"
    late = metric_766_on_time(
        accepted_at=ACCEPTED_9H,
        due=D(2026, 3, 16),
        ended_at=dt.datetime(2026, 3, 17, 10, tzinfo=VN_TZ),
        period_end=PERIOD,
    )
    assert late.on_time is False
    assert late.reason == "after the due date"


def test_metric_766_more_than_one_request_sums_all_citizen_time() -> None:
    result = metric_766_on_time(
        accepted_at=ACCEPTED_9H,
        due=D(2026, 3, 16),
        ended_at=dt.datetime(2026, 3, 13, 10, tzinfo=VN_TZ),
        period_end=PERIOD,
        supplements=[_req(10, 11), _req(12, None), _req(11, 12)],
    )
    assert result.on_time is False
    assert result.reason == "more than one supplement request"
    assert result.supplement_time == dt.timedelta(days=2)  # the open request adds nothing
    assert result.end_used == dt.datetime(2026, 3, 11, 10, tzinfo=VN_TZ)
    assert result.rule.id == "indicator_766_2_1"


def test_metric_766_end_when_waiting_or_open() -> None:
    waiting = metric_766_on_time(
        accepted_at=ACCEPTED_9H, due=D(2026, 3, 16), ended_at=None, period_end=PERIOD,
        supplements=[_req(12, None)],
    )  # fmt: skip
    assert waiting.end_used == dt.datetime(2026, 3, 12, 9, tzinfo=VN_TZ)
    assert waiting.on_time is True
    still_open = metric_766_on_time(
        accepted_at=ACCEPTED_9H, due=D(2026, 3, 16), ended_at=None, period_end=D(2026, 3, 16)
    )
    assert still_open.end_used == dt.datetime.combine(D(2026, 3, 16), dt.time.max, tzinfo=VN_TZ)
    assert still_open.end_used.utcoffset() == dt.timedelta(hours=7)
    assert still_open.on_time is True
    computed = metric_766_on_time(
        accepted_at=ACCEPTED_9H, due=None, ended_at=dt.datetime(2026, 3, 17, 8, tzinfo=VN_TZ),
        period_end=PERIOD, limit=Duration.working_days(5),
        calendar=civil_service_calendar().with_days_off(
            [D(2026, 3, 16)], name_vi="Nghỉ", name_en="Closed",
            legal_ref=civil_service_calendar().day_info(D(2026, 4, 30)).legal_ref,  # type: ignore[arg-type]
        ),
    )  # fmt: skip
    assert computed.on_time is True  # due 17/3 on the calendar with 16/3 closed


def test_metric_766_refusals_are_exact() -> None:
    with pytest.raises(InputTypeError) as info:
        metric_766_on_time(
            accepted_at=ACCEPTED_9H, due=D(2026, 3, 16), ended_at=None, period_end=PERIOD,
            supplements=["x"],  # type: ignore[list-item]
        )  # fmt: skip
    assert info.value.message == (
        "Yêu cầu bổ sung (supplement request): expected SupplementRequest items, got str"
    )
    assert info.value.context == {"argument": "supplements"}
    with pytest.raises(InputTypeError) as info:
        metric_766_on_time(accepted_at=ACCEPTED_9H, due=None, ended_at=None, period_end=PERIOD)
    assert info.value.message == (
        "Chỉ số 766 (indicator 766): pass the synced due date or the maximum limit"
    )
    assert info.value.context == {"argument": "due"}
    with pytest.raises(InvalidEvent) as info:
        metric_766_on_time(
            accepted_at=ACCEPTED_9H, due=D(2026, 3, 16), ended_at=None, period_end=PERIOD,
            supplements=[_req(12, 11)],
        )  # fmt: skip
    assert info.value.message == (
        "Yêu cầu bổ sung (supplement): completed 2026-03-11T09:00:00+07:00 before it was "
        "requested 2026-03-12T09:00:00+07:00"
    )
    assert info.value.context == {"argument": "supplements"}
    same = metric_766_on_time(
        accepted_at=ACCEPTED_9H, due=D(2026, 3, 16), ended_at=None, period_end=PERIOD,
        supplements=[_req(12, 12)],
    )  # fmt: skip
    assert same.supplement_time == dt.timedelta(0)
    naive = dt.datetime(2026, 3, 9, 9)
    for kwargs, argument in (
        ({"accepted_at": naive}, "accepted_at"),
        ({"ended_at": naive}, "ended_at"),
        ({"period_end": "2026-03-31"}, "period_end"),
        ({"supplements": [SupplementRequest(naive)]}, "requested_at"),
        ({"supplements": [SupplementRequest(ACCEPTED_9H, naive)]}, "completed_at"),
    ):
        args = {
            "accepted_at": ACCEPTED_9H,
            "due": D(2026, 3, 16),
            "ended_at": None,
            "period_end": PERIOD,
        }
        args.update(kwargs)
        with pytest.raises((InputTypeError, ValueError)) as failure:
            metric_766_on_time(**args)  # type: ignore[arg-type]
        assert failure.value.context["argument"] == argument  # type: ignore[union-attr]
    with pytest.raises(ValueError) as failure:  # noqa: PT011 - NaiveDatetimeError, a ValueError
        metric_766_on_time(
            accepted_at=ACCEPTED_9H, due=D(2026, 3, 16), ended_at=None, period_end=PERIOD,
            supplements=[SupplementRequest(naive)],
        )  # fmt: skip
    assert failure.value.context["argument"] == "requested_at"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: classify(_deadline()), (InputTypeError, "Phân loại (classification): an open dossier needs as_of (the report date)", {"argument": "as_of"}, "pass finished_at for a finished dossier, or as_of for an open one")),
        (lambda: classify(_deadline(), NAIVE), _naive("finished_at")),
        (lambda: classify(_deadline(), as_of=NAIVE), _naive("as_of")),
        (lambda: classify(NAIVE, as_of=ACCEPTED_9H), _naive("due")),
        (lambda: classify("2026-03-16", as_of=ACCEPTED_9H), (InputTypeError, "Ngày (date): due must be a datetime.date, got str", {"argument": "due", "got": "str"}, DATE_HINT)),
    ],
)  # fmt: skip
def test_classify_refusals_are_exact(
    call: object, expected: tuple[type[Exception], str, dict[str, object], str | None]
) -> None:
    error, message, context, hint = expected
    with pytest.raises(error) as info:
        call()  # type: ignore[operator]
    assert info.value.message == message  # type: ignore[attr-defined]
    assert info.value.context == context  # type: ignore[attr-defined]
    assert info.value.hint == hint  # type: ignore[attr-defined]


def test_metric_766_refuses_a_naive_supplement_request() -> None:
    with pytest.raises(NaiveDatetimeError) as info:
        metric_766_on_time(
            accepted_at=ACCEPTED_9H,
            due=_deadline(),
            ended_at=at(12, 9),
            period_end=D(2026, 3, 31),
            supplements=[SupplementRequest(NAIVE, at(11, 9))],
        )
    assert info.value.context == {"argument": "requested_at"}
