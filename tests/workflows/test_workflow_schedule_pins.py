"""tthc.workflows — schedule(): every field of each StepDue, the calendar and office windows
given (same-day and calendar-day budgets too), and the refusals word for word.

Fri 6/3/2026 and Mon 9/3/2026 are working days of the 2026 public-sector calendar; a storm
closure (a provincial Công điện) is added on Mon 9/3 where said. Calendar days end on a working
day, at the close of the office (Bộ luật Dân sự 2015 Điều 148 khoản 5); a same-day budget
without cut-off ends when the office closes.
"""

from __future__ import annotations

import datetime as dt

import pytest
from workflow_helpers import at, step, wf

from tthc.calendar import OfficeHours, civil_service_calendar
from tthc.deadlines import Duration
from tthc.errors import DataFileError, InputTypeError, NaiveDatetimeError
from tthc.legal import LegalRef
from tthc.workflows import StepDue, example, schedule

_SHORT_DAY = OfficeHours(((dt.time(7, 30), dt.time(12)),))  # 4,5 working hours a day
_STORM = civil_service_calendar().with_days_off(
    [dt.date(2026, 3, 9)],
    name_vi="Nghỉ tránh bão",
    name_en="Storm closure",
    legal_ref=LegalRef("12/CĐ-UBND", kind="Công điện", issuer="UBND tỉnh (ví dụ)"),
)
_SAME_THEN_DAYS = wf(
    step("a", Duration.same_day(None), is_intake=True),
    step("b", Duration.calendar_days(2), "a", branch="x"),
    step("c", Duration.same_day(), "b", is_return=True),
)


def test_every_field_on_short_office_hours() -> None:
    # Accepted Fri 6/3 09:00 on 07:30–12:00 windows. a (same day, no cut-off): the office closes
    # at 12:00. b (2 calendar days) from Fri 12:00: Sun 8/3 → Mon 9/3 at 12:00 (4,5 working
    # hours later). c (same day, 15:00 cut-off) starts Mon 12:00, before the cut-off: due at the
    # close of that day, 12:00.
    plan = schedule(_SAME_THEN_DAYS, at(2026, 3, 6, 9), office_hours=_SHORT_DAY)
    assert plan == (
        StepDue(
            "a",
            "Bước a",
            at(2026, 3, 6, 9),
            at(2026, 3, 6, 12),
            Duration.same_day(None),
            dt.timedelta(hours=3),
        ),
        StepDue(
            "b",
            "Bước b",
            at(2026, 3, 6, 12),
            at(2026, 3, 9, 12),
            Duration.calendar_days(2),
            dt.timedelta(hours=4, minutes=30),
            branch="x",
        ),
        StepDue(
            "c",
            "Bước c",
            at(2026, 3, 9, 12),
            at(2026, 3, 9, 12),
            Duration.same_day(),
            dt.timedelta(0),
        ),
    )


def test_calendar_days_roll_over_a_storm_closure() -> None:
    # The same from Fri 6/3 09:00 on the default windows: a due 17:00; b: Sun 8/3 → Mon 9/3 is
    # closed by the storm → Tue 10/3 17:00 (8 working hours after Fri 17:00); c due Tue 17:00.
    plan = schedule(_SAME_THEN_DAYS, at(2026, 3, 6, 9), calendar=_STORM)
    assert [(p.step_id, p.start, p.due, p.working_time) for p in plan] == [
        ("a", at(2026, 3, 6, 9), at(2026, 3, 6, 17), dt.timedelta(hours=6, minutes=30)),
        ("b", at(2026, 3, 6, 17), at(2026, 3, 10, 17), dt.timedelta(hours=8)),
        ("c", at(2026, 3, 10, 17), at(2026, 3, 11, 17), dt.timedelta(hours=8)),
    ]


def test_phase_and_branch_of_each_step() -> None:
    plan = schedule(example("dat-dai.dang-ky-bien-dong"), at(2026, 3, 2, 8))
    assert [(p.step_id, p.phase, p.branch) for p in plan][:6] == [
        ("b1", "gd1", ""),
        ("b2", "gd1", ""),
        ("b3", "gd1", "thue"),
        ("b4", "gd1", "dia-chinh"),
        ("b5", "gd1", ""),
        ("b6", "gd2", ""),
    ]
    assert plan[0].name.startswith("Tiếp nhận")


def test_schedule_refusals_exactly() -> None:
    land = example("dat-dai.dang-ky-bien-dong")
    with pytest.raises(NaiveDatetimeError) as naive:
        schedule(land, dt.datetime(2026, 3, 2, 8))
    assert naive.value.context == {"argument": "accepted_at"}
    assert "accepted_at=2026-03-02T08:00:00 has no time zone" in naive.value.message
    with pytest.raises(DataFileError) as unknown:
        schedule(land, at(2026, 3, 2, 8), phase_starts={"gd9": at(2026, 3, 1)})
    assert (unknown.value.message, unknown.value.context) == (
        "Giai đoạn (phase) 'gd9' is not in the workflow",
        {"field": "phase_starts"},
    )
    with pytest.raises(InputTypeError) as wrong:
        schedule(land, at(2026, 3, 2, 8), phase_starts=[1])  # type: ignore[arg-type]
    assert (wrong.value.message, wrong.value.context) == (
        "Thời điểm bắt đầu giai đoạn (phase_starts) must be a mapping of phase id to datetime",
        {"argument": "phase_starts"},
    )
    with pytest.raises(NaiveDatetimeError) as naive:
        schedule(land, at(2026, 3, 2, 8), phase_starts={"gd2": dt.datetime(2026, 3, 1)})
    assert naive.value.context == {"argument": "phase_starts['gd2']"}


def test_same_day_without_cut_off_after_closing_time() -> None:
    # A same-day step (no cut-off) that can start only at Fri 6/3 18:00, after the office
    # closed, is done the next working day, Mon 9/3, by the close (17:00) — not at 18:00 Friday.
    w = wf(step("a", Duration.same_day(None), is_intake=True))
    (due,) = schedule(w, at(2026, 3, 6, 18))
    assert (due.start, due.due, due.working_time) == (
        at(2026, 3, 6, 18),
        at(2026, 3, 9, 17),
        dt.timedelta(hours=8),
    )


def test_instants_are_given_in_vietnam_time() -> None:
    # Accepted at 02:00 UTC = 09:00 in Vietnam; every start and due is written in UTC+7.
    utc = dt.datetime(2026, 3, 6, 2, tzinfo=dt.timezone.utc)
    for p in schedule(_SAME_THEN_DAYS, utc):
        assert p.start.utcoffset() == p.due.utcoffset() == dt.timedelta(hours=7)
