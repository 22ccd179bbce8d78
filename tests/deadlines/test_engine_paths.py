"""``compute_deadline``: the fast path and the general path, the arguments each refuses, and
what each counting rule records (start, the days off skipped, the step notes).

Due dates on the official 2026 calendar: working days (Decree 118/2025/NĐ-CP Art. 17.3, Civil
Code 91/2015/QH13 Art. 147.2), working time inside the office windows (07:30–11:30,
13:00–17:00), same day and immediate limits (``data/counting_rules.json``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tthc import VN_TZ
from tthc.calendar import OfficeHours, WorkCalendar, civil_service_calendar
from tthc.deadlines import Duration, compute_deadline, parse_processing_time
from tthc.errors import InputTypeError, NaiveDatetimeError

MON = dt.datetime(2026, 3, 9, 10, tzinfo=VN_TZ)  # Monday 9/3/2026
FRI = dt.datetime(2026, 3, 13, 16, tzinfo=VN_TZ)  # Friday 13/3/2026, one hour before closing
SAT = dt.datetime(2026, 3, 14, 9, tzinfo=VN_TZ)  # Saturday 14/3/2026, a day off
WD = Duration.working_days
SAT_14, SUN_15 = dt.date(2026, 3, 14), dt.date(2026, 3, 15)
RESOLVE_MESSAGE = (
    "Thời hạn (duration): case, channel and alternative apply to a ProcessingTime, "
    "not to a Duration"
)


@pytest.mark.parametrize(
    "options",
    [{"case": "x"}, {"channel": "online"}, {"alternative": "verification"}],
    ids=["case", "channel", "alternative"],
)
@pytest.mark.parametrize(
    "accepted", [MON, MON.astimezone(dt.timezone.utc)], ids=["fast-path types", "general path"]
)
def test_options_are_refused_with_a_duration(accepted: dt.datetime, options: Any) -> None:
    with pytest.raises(InputTypeError) as caught:
        compute_deadline(accepted, WD(5), **options)
    assert caught.value.message == RESOLVE_MESSAGE
    assert caught.value.context == {"argument": "duration"}


def test_naive_acceptance_instant_is_named() -> None:
    with pytest.raises(NaiveDatetimeError) as caught:
        compute_deadline(dt.datetime(2026, 3, 9, 10), WD(5))
    assert caught.value.context == {"argument": "accepted_at"}
    assert caught.value.message.startswith(
        "Thời điểm không có múi giờ (naive datetime): accepted_at=2026-03-09T10:00:00 "
    )


def test_fast_path_keeps_the_office_hours() -> None:
    hours = OfficeHours(((dt.time(8), dt.time(12)), (dt.time(13), dt.time(16, 30))))
    deadline = compute_deadline(MON, WD(5), office_hours=hours)
    # 5 working days → Mon 16/3, by the end of *these* office hours (16:30)
    assert deadline.due_at == dt.datetime(2026, 3, 16, 16, 30, tzinfo=VN_TZ)
    assert deadline.office_hours == hours
    general = compute_deadline(MON.astimezone(dt.timezone.utc), WD(5), office_hours=hours)
    assert general == deadline


def test_working_hours_across_a_weekend_list_the_days_off() -> None:
    # Fri 13/3 16:00: 1 hour left that day, then 3 hours from Mon 16/3 07:30 → 10:30
    deadline = compute_deadline(FRI, Duration.working_hours(4))
    assert deadline.due_at == dt.datetime(2026, 3, 16, 10, 30, tzinfo=VN_TZ)
    assert deadline.start == FRI
    assert deadline.skipped_after == dt.date(2026, 3, 13)
    assert [day.date for day in deadline.skipped] == [SAT_14, SUN_15]


def test_same_day_on_a_day_off_moves_to_the_next_working_day() -> None:
    deadline = compute_deadline(SAT, Duration.same_day())
    assert deadline.due_at == dt.datetime(2026, 3, 16, 17, tzinfo=VN_TZ)
    assert deadline.start == SAT
    assert deadline.skipped_after == SAT_14
    assert [day.date for day in deadline.skipped] == [SUN_15]


def test_immediate_on_a_day_off_is_due_at_the_next_opening() -> None:
    deadline = compute_deadline(SAT, Duration.immediate())
    assert deadline.due_at == dt.datetime(2026, 3, 16, 7, 30, tzinfo=VN_TZ)
    assert deadline.start == SAT
    assert deadline.skipped_after == SAT_14
    assert [day.date for day in deadline.skipped] == [SUN_15]


def test_immediate_in_office_hours_is_the_instant_itself() -> None:
    deadline = compute_deadline(MON, Duration.immediate())
    assert deadline.due_at == MON
    assert deadline.start == MON
    assert deadline.skipped == ()


def test_step_notes_number_the_steps() -> None:
    text = "Sở Xây dựng 10 ngày làm việc; UBND tỉnh 05 ngày; Bộ 02 tháng"
    deadline = compute_deadline(MON, parse_processing_time(text))
    assert deadline.notes == (
        "bước 1 đến hạn (step 1 due) Thứ Hai 23/03/2026 17:00; bước 2 (step 2): 5 ngày",
        "bước 2 đến hạn (step 2 due) Thứ Hai 30/03/2026 17:00; bước 3 (step 3): 2 tháng",
    )
    lines = deadline.explain().splitlines()
    assert (
        "Bước tiếp theo (then): 5 ngày (5 calendar days) — tính từ hạn của bước trước "
        "(counted from the previous step's due date)"
    ) in lines


def test_to_dict_lists_the_parts_of_the_text() -> None:
    deadline = compute_deadline(MON, parse_processing_time("01 năm"))
    assert deadline.to_dict()["parts"] == [
        "Thời hạn (limit): «01 năm» → 12 tháng (1 năm = 12 tháng, BLDS 2015 Điều 148.4)"
    ]
    assert "parts" not in compute_deadline(MON, WD(5)).to_dict()


@pytest.mark.parametrize(
    "accepted",
    [
        dt.datetime(2026, 12, 24, 10, tzinfo=VN_TZ),
        dt.datetime(2026, 12, 24, 3, tzinfo=dt.timezone.utc),
    ],
    ids=["fast path", "general path"],
)
def test_due_on_the_last_confirmed_day_is_not_provisional(accepted: dt.datetime) -> None:
    # Thu 24/12/2026 + 5 working days → Thu 31/12/2026, the last day of the official 2026
    # calendar; one more day reaches Mon 4/1/2027 (1/1 New Year), a projected year
    assert civil_service_calendar().confirmed_through == dt.date(2026, 12, 31)
    deadline = compute_deadline(accepted, WD(5))
    assert deadline.due_date == dt.date(2026, 12, 31)
    assert deadline.provisional is False
    later = compute_deadline(accepted, WD(6))
    assert later.due_date == dt.date(2027, 1, 4)
    assert later.provisional is True


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"calendar": civil_service_calendar()},
        {"office_hours": OfficeHours(((dt.time(7, 30), dt.time(11, 30)),))},
    ],
    ids=["defaults", "calendar", "office hours"],
)
def test_whole_working_days_in_vietnam_time_take_the_fast_path(
    monkeypatch: pytest.MonkeyPatch, options: Any
) -> None:
    # the common case (exact types, Vietnam time, whole working days) never reaches the
    # general counter; its result is the general path's (see test_fast_path_keeps_the_office_hours)
    from tthc.deadlines import _engine

    expected = compute_deadline(MON, WD(5), **options)

    def general(*args: object, **kwargs: object) -> None:
        raise AssertionError("the general path was taken")

    monkeypatch.setattr(_engine, "_compute", general)
    assert compute_deadline(MON, WD(5), **options) == expected
    # an instant given in another zone is converted, then counted the same way
    assert compute_deadline(MON.astimezone(dt.timezone.utc), WD(5), **options) == expected
    # a limit whose counting starts the next working day after 15 giờ takes the general path
    # (procedure 3.000722's wording)
    cutoff_rule = parse_processing_time(
        "Ba (03) ngày làm việc kể từ khi nhận đủ hồ sơ. Nếu tiếp nhận hồ sơ sau 15 giờ thì thời "
        "gian được tính bắt đầu từ ngày làm việc tiếp theo."
    )
    with pytest.raises(AssertionError, match="general path"):
        compute_deadline(MON, cutoff_rule, **options)


def _calendar_from_2010() -> WorkCalendar:
    # weekends only: enough to count in years no official calendar of tthc covers
    return WorkCalendar(
        name="test: weekends only, 2010-2030",
        first_day=dt.date(2010, 1, 1),
        last_day=dt.date(2030, 12, 31),
        confirmed_through=dt.date(2030, 12, 31),
        data_version="test",
        special_days={},
    )


@pytest.mark.parametrize(
    ("duration", "rule_id", "known_from", "due"),
    [
        # counting_rules.json: the same-day rule is documented from 1/1/2015, working days from
        # 1/1/2017 (Bộ luật Dân sự 2015 in force)
        (Duration.same_day(), "same_day", dt.date(2015, 1, 1), dt.date(2010, 3, 3)),
        (Duration.working_days(5), "working_days", dt.date(2017, 1, 1), dt.date(2010, 3, 10)),
    ],
    ids=["same day", "working days"],
)
def test_a_limit_counted_before_any_known_regime_cites_no_law(
    duration: Duration, rule_id: str, known_from: dt.date, due: dt.date
) -> None:
    # Wednesday 3/3/2010, 10:00 in Vietnam: before the first regime the data hold for the rule,
    # so the deadline is counted as the rule reads today and cites nothing (CountingRule.on);
    # the fast path gives what the general path gives (test_engine_fast.py)
    deadline = compute_deadline(
        dt.datetime(2010, 3, 3, 10, tzinfo=VN_TZ), duration, calendar=_calendar_from_2010()
    )
    assert deadline.due_date == due
    assert deadline.rule.id == rule_id
    assert deadline.rule.legal_refs == ()
    assert deadline.rule.validity.end is not None
    assert deadline.rule.validity.end < known_from
    current = compute_deadline(
        dt.datetime(2026, 3, 4, 10, tzinfo=VN_TZ), duration, calendar=_calendar_from_2010()
    )
    assert current.rule.legal_refs != ()
