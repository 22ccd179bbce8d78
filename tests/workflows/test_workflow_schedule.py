"""tthc.workflows — schedule() and critical_path(): the due instant of every step."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from workflow_helpers import D, H, at, due_times, step, wf

from tthc.calendar import OfficeHours, civil_service_calendar
from tthc.deadlines import Duration
from tthc.errors import DataFileError, InputTypeError, NaiveDatetimeError
from tthc.legal import LegalRef
from tthc.workflows import example, schedule


def test_schedule_around_30_april_and_lunch() -> None:
    # Đăng ký khai sinh (1 h, 4 h, 2 h, 1 h) accepted Wed 29/4/2026 14:00.
    # b1: 14:00 + 1 h = 15:00. b2: 15:00–17:00 (2 h); Thu 30/4, Fri 1/5 holidays, weekend;
    # Mon 4/5 07:30 + 2 h = 09:30. b3: 09:30 + 2 h = 11:30. b4: lunch skipped → 13:00 + 1 h.
    plan = schedule(example("ho-tich.khai-sinh"), at(2026, 4, 29, 14))
    assert [(p.step_id, p.due) for p in plan] == [
        ("b1", at(2026, 4, 29, 15)),
        ("b2", at(2026, 5, 4, 9, 30)),
        ("b3", at(2026, 5, 4, 11, 30)),
        ("b4", at(2026, 5, 4, 14)),
    ]
    assert plan[1].start == at(2026, 4, 29, 15)
    assert plan[1].working_time == dt.timedelta(hours=4)
    assert plan[3].working_time == dt.timedelta(hours=1)  # 11:30 → 14:00 holds 1 working hour


def test_schedule_lunch_break_inside_a_step() -> None:
    w = wf(step("a", H(2), is_intake=True))
    # 10:30 + 2 h: 1 h until 11:30, lunch, 13:00 + 1 h = 14:00.
    assert due_times(w, at(2026, 3, 3, 10, 30)) == {"a": at(2026, 3, 3, 14)}
    # Accepted during lunch: counting starts at 13:00.
    assert due_times(w, at(2026, 3, 3, 12, 15)) == {"a": at(2026, 3, 3, 15)}


def test_schedule_across_tet_2026() -> None:
    # One working day (8 h) from Fri 13/2/2026 15:00: 2 h on Friday; Tết 16–20/2 off;
    # Mon 23/2: 07:30–11:30 (4 h) and 13:00–15:00 (2 h) → 15:00.
    w = wf(step("a", D(1), is_intake=True))
    assert due_times(w, at(2026, 2, 13, 15)) == {"a": at(2026, 2, 23, 15)}


def test_schedule_on_make_up_saturday() -> None:
    # Sat 10/1/2026 is a make-up working day: Fri 9/1 16:00 + 4 h = 1 h Friday + 3 h Saturday.
    w = wf(step("a", H(4), is_intake=True))
    assert due_times(w, at(2026, 1, 9, 16)) == {"a": at(2026, 1, 10, 10, 30)}


def test_schedule_outside_hours_and_weekend() -> None:
    w = wf(step("a", H(1), is_intake=True))
    # Sat 7/3/2026 21:00 → next window Mon 9/3 07:30 + 1 h.
    assert due_times(w, at(2026, 3, 7, 21)) == {"a": at(2026, 3, 9, 8, 30)}
    # The instant may come in another zone: 01:00 UTC = 08:00 Vietnam time.
    utc = dt.datetime(2026, 3, 9, 1, 0, tzinfo=dt.timezone.utc)
    assert due_times(w, utc) == {"a": at(2026, 3, 9, 9)}


def test_schedule_parallel_branches_and_join_land_across_tet() -> None:
    # Đăng ký biến động accepted Thu 12/2/2026 10:00 (see the bundled process):
    # b1 0,5 d: 10:00 + 4 h → 15:30. b2 5 d (40 h) from Thu 15:30: 1,5 h Thu, 8 h Fri 13/2,
    # Tết 16–20/2, 8 h Mon 23, Tue 24, Wed 25 (33,5 h), 6,5 h Thu 26/2 → 15:30.
    # Branches from Thu 26/2 15:30: thuế 3 d → Tue 3/3 15:30; địa chính 2 d → Mon 2/3 15:30.
    # Join b5 waits for both: Tue 3/3 15:30 + 4 h → Wed 4/3 10:00.
    due = due_times(example("dat-dai.dang-ky-bien-dong"), at(2026, 2, 12, 10))
    assert due["b1"] == at(2026, 2, 12, 15, 30)
    assert due["b2"] == at(2026, 2, 26, 15, 30)
    assert due["b3"] == at(2026, 3, 3, 15, 30)
    assert due["b4"] == at(2026, 3, 2, 15, 30)
    assert due["b5"] == at(2026, 3, 4, 10)
    # Phase 2 follows at once in the plan: b6 0,5 d → 15:30; b7 3 d → Mon 9/3 15:30;
    # b8 2 d → Wed 11/3 15:30; b9 1 d → Thu 12/3 15:30; b10 0 → same instant.
    assert due["b6"] == at(2026, 3, 4, 15, 30)
    assert due["b10"] == at(2026, 3, 12, 15, 30)


def test_schedule_phase_waits_for_payment() -> None:
    # Proof of payment arrives Mon 16/3/2026 08:00: phase 2 starts then.
    # b6 0,5 d: 08:00 + 4 h → 13:30. b7 3 d → Thu 19/3 13:30.
    land = example("dat-dai.dang-ky-bien-dong")
    due = due_times(land, at(2026, 2, 12, 10), phase_starts={"gd2": at(2026, 3, 16, 8)})
    assert due["b5"] == at(2026, 3, 4, 10)
    assert due["b6"] == at(2026, 3, 16, 13, 30)
    assert due["b7"] == at(2026, 3, 19, 13, 30)
    # A resume time earlier than the end of phase 1 does not pull phase 2 forward.
    early = due_times(land, at(2026, 2, 12, 10), phase_starts={"gd2": at(2026, 2, 12, 10)})
    assert early["b6"] == at(2026, 3, 4, 15, 30)
    with pytest.raises(DataFileError, match="not in the workflow"):
        schedule(land, at(2026, 2, 12, 10), phase_starts={"gd9": at(2026, 3, 1)})
    with pytest.raises(InputTypeError):
        schedule(land, at(2026, 2, 12, 10), phase_starts=[("gd2", at(2026, 3, 1))])  # type: ignore[arg-type]
    with pytest.raises(NaiveDatetimeError):
        schedule(land, at(2026, 2, 12, 10), phase_starts={"gd2": dt.datetime(2026, 3, 1)})


def test_schedule_same_day_and_calendar_day_budgets() -> None:
    same = wf(step("a", Duration.same_day(), is_intake=True))
    # Received Fri 6/3/2026 15:20, after the 15:00 cut-off → next working day, Mon 9/3 (E6/E8).
    assert due_times(same, at(2026, 3, 6, 15, 20)) == {"a": at(2026, 3, 9, 17)}
    assert due_times(same, at(2026, 3, 6, 14, 50)) == {"a": at(2026, 3, 6, 17)}
    no_cutoff = wf(step("a", Duration.same_day(None), is_intake=True))
    assert due_times(no_cutoff, at(2026, 3, 7, 9)) == {"a": at(2026, 3, 9, 17)}  # Saturday
    posting = wf(step("a", Duration.calendar_days(2), is_intake=True))
    # Wed 29/4 + 2 days = Fri 1/5 (holiday) → Mon 4/5/2026, end of office hours.
    assert due_times(posting, at(2026, 4, 29, 9)) == {"a": at(2026, 5, 4, 17)}
    zero = wf(step("a", Duration.immediate(), is_intake=True))
    assert due_times(zero, at(2026, 3, 7, 21)) == {"a": at(2026, 3, 7, 21)}


def test_schedule_custom_calendar_and_hours() -> None:
    storm = LegalRef("12/CĐ-UBND", kind="Công điện", issuer="UBND tỉnh (ví dụ)")
    cal = civil_service_calendar().with_days_off(
        [dt.date(2026, 3, 10)], name_vi="Nghỉ tránh bão", name_en="Storm closure", legal_ref=storm
    )
    w = wf(step("a", D(1), is_intake=True))
    # Mon 9/3 09:00 + 8 h: 8 h Mon (09:00–17:00 minus lunch = 6,5 h), Tue 10/3 closed (storm),
    # Wed 11/3 07:30 + 1,5 h → 09:00.
    assert due_times(w, at(2026, 3, 9, 9), calendar=cal) == {"a": at(2026, 3, 11, 9)}
    hours = OfficeHours(((dt.time(7), dt.time(11, 30)), (dt.time(13, 30), dt.time(17))))
    assert due_times(w, at(2026, 3, 9, 7), office_hours=hours) == {"a": at(2026, 3, 9, 17)}


def test_schedule_refuses_bad_input() -> None:
    w = example("ho-tich.khai-sinh")
    with pytest.raises(NaiveDatetimeError):
        schedule(w, dt.datetime(2026, 3, 2, 8))
    with pytest.raises(InputTypeError):
        schedule("w", at(2026, 3, 2, 8))  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        schedule(w, at(2026, 3, 2, 8), calendar="cal")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        schedule(w, at(2026, 3, 2, 8), office_hours="8h")  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(
    budgets=st.lists(st.integers(min_value=0, max_value=40 * 60), min_size=1, max_size=6),
    day=st.integers(min_value=0, max_value=300),
    minute=st.integers(min_value=0, max_value=24 * 60 - 1),
)
def test_chain_uses_exactly_its_working_time(budgets: list[int], day: int, minute: int) -> None:
    steps = tuple(
        step(
            f"s{i}",
            Duration.working_minutes(b) if b else Duration.immediate(),
            *((f"s{i - 1}",) if i else ()),
        )
        for i, b in enumerate(budgets)
    )
    accepted = at(2026, 1, 1) + dt.timedelta(days=day, minutes=minute)
    plan = schedule(wf(*steps), accepted)
    for p, b in zip(plan, budgets, strict=True):
        assert p.due >= p.start
        assert p.working_time == dt.timedelta(minutes=b)
    for a, b in itertools.pairwise(plan):
        assert b.start == a.due


def test_decimal_budgets_are_exact() -> None:
    # 0,25 ngày làm việc = 2 working hours exactly (no float rounding).
    w = wf(step("a", D(Decimal("0.25")), is_intake=True))
    assert due_times(w, at(2026, 3, 2, 7, 30)) == {"a": at(2026, 3, 2, 9, 30)}
