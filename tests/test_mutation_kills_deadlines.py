"""Tests that kill mutants of src/tthc/deadlines.py (mutmut), see docs/quality.md.

They pin the exact errors and the recorded history of an extension (Decree 118/2025/NĐ-CP
Art. 19.6: asked at the latest one working day before the due date, at most once) and of
indicator 2.1 of Decision 766/QĐ-TTg (on time iff the end of processing, minus the citizen's
supplement time, falls on or before the due date; more than one supplement request is late).

Dates are those of the official 2026 calendar: Monday 9/3/2026 to Friday 20/3/2026 are all
working days (no holiday in March 2026; tests/data/vn_public_sector_calendar_reference.csv).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tthc._validate import VN_TZ
from tthc.calendar import civil_service_calendar
from tthc.deadlines import (
    ChangeKind,
    Duration,
    SupplementRequest,
    compute_deadline,
    extend,
    metric_766_on_time,
)
from tthc.errors import DurationError, ExtensionNotAllowed, InputTypeError, InvalidEvent

D = dt.date
ACCEPTED = dt.datetime(2026, 3, 9, 9, 0, tzinfo=VN_TZ)  # Monday


def _deadline():  # type: ignore[no-untyped-def]
    # 5 working days after Monday 9/3/2026: Monday 16/3/2026, by 17:00 (BLDS Art. 147.2)
    deadline = compute_deadline(ACCEPTED, Duration.working_days(5))
    assert deadline.due_date == D(2026, 3, 16)
    return deadline


def test_extension_by_a_duration_records_the_request_day_at_midnight() -> None:
    deadline = _deadline()
    moved = extend(
        deadline, requested_on=D(2026, 3, 13), new_duration_or_due=Duration.working_days(2)
    )
    assert moved.due_date == D(2026, 3, 18)
    assert moved.due_at == dt.datetime(2026, 3, 18, 17, 0, tzinfo=VN_TZ)
    assert moved.extended is True
    change = moved.history[-1]
    assert change.kind is ChangeKind.EXTENSION
    assert change.at == dt.datetime(2026, 3, 13, 0, 0, tzinfo=VN_TZ)
    assert change.at.utcoffset() == dt.timedelta(hours=7)
    assert change.previous_due_date == D(2026, 3, 16)
    assert change.new_due_date == D(2026, 3, 18)
    assert change.rule.id == "extension"
    assert change.reason == ""


def test_extension_to_a_date_and_a_late_request_when_allowed() -> None:
    deadline = _deadline()
    moved = extend(
        deadline, requested_on=D(2026, 3, 16), new_duration_or_due=D(2026, 3, 18), allow_late=True
    )
    assert moved.due_date == D(2026, 3, 18)
    assert moved.due_at == dt.datetime(2026, 3, 18, 17, 0, tzinfo=VN_TZ)
    assert moved.history[-1].reason == "thông báo muộn (late notice): 16/03/2026, latest 13/03/2026"
    assert moved.history[-1].at == dt.datetime(2026, 3, 16, 0, 0, tzinfo=VN_TZ)


def test_extension_refusals_are_exact() -> None:
    deadline = _deadline()
    moved = extend(deadline, requested_on=D(2026, 3, 13), new_duration_or_due=D(2026, 3, 17))
    with pytest.raises(ExtensionNotAllowed) as info:
        extend(moved, requested_on=D(2026, 3, 13), new_duration_or_due=D(2026, 3, 18))
    assert info.value.message == (
        "Gia hạn (extension) not allowed: the return date was already re-set once "
        "(Decree 118/2025 Art. 19.6: không quá một lần)"
    )
    assert info.value.context == {"reason": "already_extended", "due_date": D(2026, 3, 17)}
    with pytest.raises(ExtensionNotAllowed) as info:
        extend(deadline, requested_on=D(2026, 3, 14), new_duration_or_due=D(2026, 3, 18))
    assert info.value.message == (
        "Gia hạn (extension) not allowed: requested on 14/03/2026, later than 13/03/2026, one "
        "working day before the due date 16/03/2026 (Decree 118/2025 Art. 19.6: chậm nhất 01 "
        "ngày trước ngày hết hạn)"
    )
    assert info.value.context == {
        "reason": "too_late",
        "latest": D(2026, 3, 13),
        "due_date": D(2026, 3, 16),
    }
    with pytest.raises(ExtensionNotAllowed) as info:
        extend(deadline, requested_on=D(2026, 3, 12), new_duration_or_due=D(2026, 3, 16))
    assert info.value.message == (
        "Gia hạn (extension): the new due date 16/03/2026 is not after the current one 16/03/2026"
    )
    assert info.value.context == {"reason": "not_later", "due_date": D(2026, 3, 16)}
    with pytest.raises(ExtensionNotAllowed) as info:
        extend(deadline, requested_on=D(2026, 3, 12), new_duration_or_due=D(2026, 3, 21))
    assert info.value.message == (
        "Gia hạn (extension): the new due date 21/03/2026 is not a working day"
    )
    assert info.value.context == {"reason": "not_a_working_day", "new_due_date": D(2026, 3, 21)}
    with pytest.raises(DurationError) as info:
        extend(deadline, requested_on=D(2026, 3, 12), new_duration_or_due=Duration.same_day())
    assert info.value.context == {"unit": "same_day"}
    assert info.value.message.startswith("Gia hạn (extension): ")
    assert info.value.message.endswith(" is not an amount of extra time")
    with pytest.raises(InputTypeError) as info:
        extend(deadline, requested_on=D(2026, 3, 12), new_duration_or_due=ACCEPTED)  # type: ignore[arg-type]
    assert info.value.message == (
        "Gia hạn (extension): new_duration_or_due must be a Duration or a datetime.date, got "
        "datetime"
    )
    assert info.value.context == {"argument": "new_duration_or_due"}
    with pytest.raises(InputTypeError) as info:
        extend(deadline, requested_on="2026-03-12", new_duration_or_due=D(2026, 3, 18))  # type: ignore[arg-type]
    assert info.value.context["argument"] == "requested_on"


def test_extension_uses_the_calendar_passed() -> None:
    deadline = _deadline()
    closed = civil_service_calendar().with_days_off(
        [D(2026, 3, 17)],
        name_vi="Nghỉ",
        name_en="Closed",
        legal_ref=civil_service_calendar().day_info(D(2026, 4, 30)).legal_ref,  # type: ignore[arg-type]
    )
    moved = extend(
        deadline,
        requested_on=D(2026, 3, 13),
        new_duration_or_due=Duration.working_days(1),
        calendar=closed,
    )
    assert moved.due_date == D(2026, 3, 18)  # 17/3 closed on that calendar
    with pytest.raises(ExtensionNotAllowed):
        extend(
            deadline,
            requested_on=D(2026, 3, 13),
            new_duration_or_due=D(2026, 3, 17),
            calendar=closed,
        )


# --- indicator 766 ----------------------------------------------------------------------------------

PERIOD = D(2026, 3, 31)


def _req(day: int, done: int | None) -> SupplementRequest:
    return SupplementRequest(
        dt.datetime(2026, 3, day, 9, tzinfo=VN_TZ),
        None if done is None else dt.datetime(2026, 3, done, 9, tzinfo=VN_TZ),
    )


def test_metric_766_subtracts_every_completed_supplement() -> None:
    result = metric_766_on_time(
        accepted_at=ACCEPTED,
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
        accepted_at=ACCEPTED,
        due=D(2026, 3, 16),
        ended_at=dt.datetime(2026, 3, 17, 10, tzinfo=VN_TZ),
        period_end=PERIOD,
    )
    assert late.on_time is False
    assert late.reason == "after the due date"


def test_metric_766_more_than_one_request_sums_all_citizen_time() -> None:
    result = metric_766_on_time(
        accepted_at=ACCEPTED,
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
        accepted_at=ACCEPTED, due=D(2026, 3, 16), ended_at=None, period_end=PERIOD,
        supplements=[_req(12, None)],
    )  # fmt: skip
    assert waiting.end_used == dt.datetime(2026, 3, 12, 9, tzinfo=VN_TZ)
    assert waiting.on_time is True
    still_open = metric_766_on_time(
        accepted_at=ACCEPTED, due=D(2026, 3, 16), ended_at=None, period_end=D(2026, 3, 16)
    )
    assert still_open.end_used == dt.datetime.combine(D(2026, 3, 16), dt.time.max, tzinfo=VN_TZ)
    assert still_open.end_used.utcoffset() == dt.timedelta(hours=7)
    assert still_open.on_time is True
    computed = metric_766_on_time(
        accepted_at=ACCEPTED, due=None, ended_at=dt.datetime(2026, 3, 17, 8, tzinfo=VN_TZ),
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
            accepted_at=ACCEPTED, due=D(2026, 3, 16), ended_at=None, period_end=PERIOD,
            supplements=["x"],  # type: ignore[list-item]
        )  # fmt: skip
    assert info.value.message == (
        "Yêu cầu bổ sung (supplement request): expected SupplementRequest items, got str"
    )
    assert info.value.context == {"argument": "supplements"}
    with pytest.raises(InputTypeError) as info:
        metric_766_on_time(accepted_at=ACCEPTED, due=None, ended_at=None, period_end=PERIOD)
    assert info.value.message == (
        "Chỉ số 766 (indicator 766): pass the synced due date or the maximum limit"
    )
    assert info.value.context == {"argument": "due"}
    with pytest.raises(InvalidEvent) as info:
        metric_766_on_time(
            accepted_at=ACCEPTED, due=D(2026, 3, 16), ended_at=None, period_end=PERIOD,
            supplements=[_req(12, 11)],
        )  # fmt: skip
    assert info.value.message == (
        "Yêu cầu bổ sung (supplement): completed 2026-03-11T09:00:00+07:00 before it was "
        "requested 2026-03-12T09:00:00+07:00"
    )
    assert info.value.context == {"argument": "supplements"}
    same = metric_766_on_time(
        accepted_at=ACCEPTED, due=D(2026, 3, 16), ended_at=None, period_end=PERIOD,
        supplements=[_req(12, 12)],
    )  # fmt: skip
    assert same.supplement_time == dt.timedelta(0)
    naive = dt.datetime(2026, 3, 9, 9)
    for kwargs, argument in (
        ({"accepted_at": naive}, "accepted_at"),
        ({"ended_at": naive}, "ended_at"),
        ({"period_end": "2026-03-31"}, "period_end"),
        ({"supplements": [SupplementRequest(naive)]}, "requested_at"),
        ({"supplements": [SupplementRequest(ACCEPTED, naive)]}, "completed_at"),
    ):
        args = {
            "accepted_at": ACCEPTED,
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
            accepted_at=ACCEPTED, due=D(2026, 3, 16), ended_at=None, period_end=PERIOD,
            supplements=[SupplementRequest(naive)],
        )  # fmt: skip
    assert failure.value.context["argument"] == "requested_at"  # type: ignore[attr-defined]
