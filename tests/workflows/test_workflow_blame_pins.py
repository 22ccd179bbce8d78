"""tthc.workflows — blame(): every field of the answer, the calendar and windows it counts on,
and the exact refusals.

Calendar facts (public-sector calendar 2026): Mon 9/3/2026 and the following days are ordinary
working days; the office windows are 07:30–11:30 and 13:00–17:00 (8 hours a day) unless given.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from workflow_helpers import H, at, step, wf

from tthc.calendar import OfficeHours, civil_service_calendar
from tthc.errors import DataFileError, InputTypeError, NaiveDatetimeError, TthcError
from tthc.legal import LegalRef
from tthc.workflows import Phase, StepUsage, blame, example, schedule

_CHAIN = wf(step("a", H(4), is_intake=True), step("b", H(4), "a", is_return=True))
_STORM = civil_service_calendar().with_days_off(
    [dt.date(2026, 3, 10)],
    name_vi="Nghỉ tránh bão",
    name_en="Storm closure",
    legal_ref=LegalRef("12/CĐ-UBND", kind="Công điện", issuer="UBND tỉnh (ví dụ)"),
)


def _error(exc: TthcError) -> tuple[Any, ...]:
    return (exc.code, exc.message, exc.hint, dict(exc.context))


def test_blame_counts_on_the_given_calendar() -> None:
    # Accepted Mon 9/3/2026 08:00. a: 4 h → 13:30 (3,5 h before lunch, 0,5 h after).
    # b from 13:30: 3,5 h on Monday; Tue 10/3 closed by the storm → Wed 11/3 07:30 + 0,5 h = 08:00.
    # Done Wed 09:00: b overran by 1 h and used 3,5 h + 1,5 h = 5 h; the dossier is 1 h late.
    done = {"a": at(2026, 3, 9, 13, 30), "b": at(2026, 3, 11, 9)}
    result = blame(_CHAIN, at(2026, 3, 9, 8), done, calendar=_STORM)
    assert result.planned_end == at(2026, 3, 11, 8)
    assert (result.late, result.step_id, result.chain) == (True, "b", ("a", "b"))
    assert result.finished_at == at(2026, 3, 11, 9)
    assert result.delay == dt.timedelta(hours=1)
    assert result.usage == (
        StepUsage(
            "a",
            at(2026, 3, 9, 8),
            at(2026, 3, 9, 13, 30),
            at(2026, 3, 9, 13, 30),
            dt.timedelta(hours=4),
            dt.timedelta(0),
        ),
        StepUsage(
            "b",
            at(2026, 3, 9, 13, 30),
            at(2026, 3, 11, 9),
            at(2026, 3, 11, 8),
            dt.timedelta(hours=5),
            dt.timedelta(hours=1),
        ),
    )
    # On the national calendar b was due Tue 10/3 08:00: 7,5 h of Tuesday and 1,5 h of
    # Wednesday overrun, 13 h used.
    national = blame(_CHAIN, at(2026, 3, 9, 8), done)
    assert national.planned_end == at(2026, 3, 10, 8)
    assert national.delay == dt.timedelta(hours=9)
    assert national.usage[1].used == dt.timedelta(hours=13)
    assert national.usage[1].overrun == dt.timedelta(hours=9)
    # The plan passed in gives the same answer as the acceptance instant.
    plan = schedule(_CHAIN, at(2026, 3, 9, 8), calendar=_STORM)
    assert blame(_CHAIN, plan, done, calendar=_STORM) == result


def test_blame_counts_on_the_given_office_hours() -> None:
    # A province open 07:30–12:00 only (4,5 h a day). Accepted Mon 9/3 07:30: a → 11:30;
    # b from 11:30: 0,5 h Monday, 3,5 h Tuesday → Tue 10/3 11:00. Done Tue 11:30: 30 min over,
    # 4,5 h used.
    hours = OfficeHours(((dt.time(7, 30), dt.time(12)),))
    done = {"a": at(2026, 3, 9, 11, 30), "b": at(2026, 3, 10, 11, 30)}
    result = blame(_CHAIN, at(2026, 3, 9, 7, 30), done, office_hours=hours)
    assert result.planned_end == at(2026, 3, 10, 11)
    assert result.delay == dt.timedelta(minutes=30)
    assert result.usage[1].due_at == at(2026, 3, 10, 11)
    assert result.usage[1].used == dt.timedelta(hours=4, minutes=30)
    assert result.usage[1].overrun == dt.timedelta(minutes=30)
    # With the default windows b was due Mon 17:00: 4 h late (Tue 07:30–11:30).
    default = blame(_CHAIN, at(2026, 3, 9, 7, 30), done)
    assert default.planned_end == at(2026, 3, 9, 17)
    assert default.delay == dt.timedelta(hours=4)


def test_on_time_explained_and_zero_delay() -> None:
    result = blame(_CHAIN, at(2026, 3, 9, 8), {"a": at(2026, 3, 9, 9)})
    assert (result.late, result.step_id, result.delay) == (False, None, dt.timedelta(0))
    assert result.planned_end == at(2026, 3, 10, 8)
    assert result.usage[0].started_at == at(2026, 3, 9, 8)  # the acceptance
    assert result.usage[0].used == dt.timedelta(hours=1)
    assert result.explain() == (
        "Hồ sơ đúng hạn (on time): finished 09/03/2026 09:00, planned 10/03/2026 08:00. No step "
        "on the critical chain overran its budget."
    )


def test_finished_exactly_at_the_planned_end_is_not_late() -> None:
    done = {"a": at(2026, 3, 9, 13, 30), "b": at(2026, 3, 10, 8)}
    result = blame(_CHAIN, at(2026, 3, 9, 8), done)
    assert result.planned_end == result.finished_at == at(2026, 3, 10, 8)
    assert (result.late, result.step_id, result.delay) == (False, None, dt.timedelta(0))
    assert result.usage[1].overrun == dt.timedelta(0)
    assert result.explain().startswith("Hồ sơ đúng hạn (on time)")


def test_the_last_completion_and_the_largest_overrun_decide() -> None:
    # Ids in reverse alphabetical order, so that neither the last completion nor the largest
    # overrun is the largest id: z (1 h) → y (1 h) → x (1 h), accepted Mon 9/3 08:00.
    w = wf(
        step("z", H(1), is_intake=True),
        step("y", H(1), "z"),
        step("x", H(1), "y", is_return=True),
    )
    done = {
        "z": at(2026, 3, 9, 9),  # on time
        "y": at(2026, 3, 9, 10, 30),  # due 10:00: 30 min over
        "x": at(2026, 3, 9, 15),  # due 11:30 counted from 10:30: 2 h over (lunch not counted)
    }
    result = blame(w, at(2026, 3, 9, 8), done)
    assert result.chain == ("z", "y", "x")
    assert result.step_id == "x"
    assert [u.overrun for u in result.usage] == [
        dt.timedelta(0),
        dt.timedelta(minutes=30),
        dt.timedelta(hours=2),
    ]
    assert result.finished_at == at(2026, 3, 9, 15)
    # x done before y (a log out of order): the last completion, y, ends the chain.
    early_x = blame(w, at(2026, 3, 9, 8), {**done, "x": at(2026, 3, 9, 10)})
    assert (early_x.chain, early_x.step_id) == (("z", "y"), "y")
    assert early_x.finished_at == at(2026, 3, 9, 10, 30)
    # z has no completion: y cannot be measured, and the chain of x stops at x.
    partial = blame(w, at(2026, 3, 9, 8), {"y": at(2026, 3, 9, 10), "x": at(2026, 3, 9, 11)})
    assert partial.chain == ("x",)
    assert [u.step_id for u in partial.usage] == ["x"]


def test_first_phase_without_dependency_starts_at_acceptance() -> None:
    # In a phased process the intake of the first phase is measured from the acceptance; a
    # step of phase 2 with no depends_on from the last completion of phase 1.
    w = wf(
        step("a", H(1), is_intake=True, phase="g1"),
        step("b", H(1), "a", phase="g1"),
        step("c", H(1), phase="g2", is_return=True),
        phases=(Phase("g1", "Một"), Phase("g2", "Hai")),
    )
    done = {"a": at(2026, 3, 9, 9), "b": at(2026, 3, 9, 10), "c": at(2026, 3, 9, 11)}
    result = blame(w, at(2026, 3, 9, 8), done)
    assert [(u.step_id, u.started_at) for u in result.usage] == [
        ("a", at(2026, 3, 9, 8)),
        ("b", at(2026, 3, 9, 9)),
        ("c", at(2026, 3, 9, 10)),
    ]
    assert result.chain == ("a", "b", "c")
    assert result.late is False


def test_blame_refusals_exactly() -> None:
    w = _CHAIN
    with pytest.raises(DataFileError) as info:
        blame(w, at(2026, 3, 9, 8), {"zz": at(2026, 3, 9, 9)})
    assert _error(info.value) == (
        "data.invalid",
        "Bước (step) 'zz' of the completions is not in workflow 1.001193@t",
        None,
        {"field": "step_completions", "value": "zz"},
    )
    with pytest.raises(DataFileError) as info:
        blame(w, at(2026, 3, 9, 8), {})
    assert _error(info.value) == (
        "data.invalid",
        "Thời điểm hoàn thành (step completions): none given, nothing to measure",
        None,
        {"field": "step_completions"},
    )
    with pytest.raises(DataFileError) as info:
        blame(w, at(2026, 3, 9, 8), {"b": at(2026, 3, 9, 9)})
    assert _error(info.value) == (
        "data.invalid",
        "Thời điểm hoàn thành (step completions): no step can be measured — the first steps "
        "have no completion",
        None,
        {"field": "step_completions"},
    )
    with pytest.raises(InputTypeError) as wrong:
        blame(w, (), {"a": at(2026, 3, 9, 9)})
    assert _error(wrong.value) == (
        "input.wrong_type",
        "Kế hoạch (schedule) must be the non-empty result of schedule() or an accepted_at datetime",
        None,
        {"argument": "schedule_or_accepted_at"},
    )
    with pytest.raises(InputTypeError) as wrong:
        blame(w, ["plan"], {"a": at(2026, 3, 9, 9)})  # type: ignore[list-item]
    assert wrong.value.context == {"argument": "schedule_or_accepted_at"}
    with pytest.raises(InputTypeError) as wrong:
        blame(w, at(2026, 3, 9, 8), [("a", at(2026, 3, 9, 9))])  # type: ignore[arg-type]
    assert _error(wrong.value) == (
        "input.wrong_type",
        "Thời điểm hoàn thành (step_completions) must be a mapping of step id to datetime",
        None,
        {"argument": "step_completions"},
    )


def test_naive_instants_are_named() -> None:
    with pytest.raises(NaiveDatetimeError) as info:
        blame(_CHAIN, at(2026, 3, 9, 8), {"a": dt.datetime(2026, 3, 9, 9)})
    assert "step_completions['a']" in info.value.message
    with pytest.raises(NaiveDatetimeError) as info:
        blame(_CHAIN, dt.datetime(2026, 3, 9, 8), {"a": at(2026, 3, 9, 9)})
    assert "accepted_at" in info.value.message


def test_a_wait_before_the_first_phase_is_not_blamed() -> None:
    # Đăng ký biến động (two phases) accepted Mon 2/3/2026 08:00, the first phase waiting until
    # 13:00 (phase_starts). schedule() starts b1 (0,5 ngày = 4 h) at 13:00, due 17:00; blame()
    # measures it from the same instant: done 16:00 is on time, 3 working hours used.
    # (Before issue 17 blame ignored phase_starts for the first phase and blamed b1 for the wait.)
    land = example("dat-dai.dang-ky-bien-dong")
    accepted, opens = at(2026, 3, 2, 8), at(2026, 3, 2, 13)
    assert schedule(land, accepted, phase_starts={"gd1": opens})[0].start == opens
    result = blame(land, accepted, {"b1": at(2026, 3, 2, 16)}, phase_starts={"gd1": opens})
    assert result.usage == (
        StepUsage(
            "b1",
            opens,
            at(2026, 3, 2, 16),
            at(2026, 3, 2, 17),
            dt.timedelta(hours=3),
            dt.timedelta(0),
        ),
    )
    assert (result.step_id, result.late, result.chain) == (None, False, ("b1",))


def test_a_phase_that_waited_starts_the_chain() -> None:
    # Phase gd2 waited for the payment until Wed 1/4/2026 08:00: b6 is measured from then and
    # has no gate; b7 follows b6, so the chain from b7 is (b6, b7).
    land = example("dat-dai.dang-ky-bien-dong")
    done = {
        "b1": at(2026, 3, 2, 11),
        "b2": at(2026, 3, 6, 16),
        "b3": at(2026, 3, 10, 10),
        "b4": at(2026, 3, 9, 10),
        "b5": at(2026, 3, 10, 14),
        "b6": at(2026, 4, 1, 11),
        "b7": at(2026, 4, 3, 11),
    }
    starts = {"gd2": at(2026, 4, 1, 8)}
    result = blame(land, at(2026, 3, 2, 8), done, phase_starts=starts)
    assert result.chain == ("b6", "b7")
    # The plan waits for the payment too: its end is the one of schedule() with the same wait.
    plan = schedule(land, at(2026, 3, 2, 8), phase_starts=starts)
    assert result.planned_end == max(p.due for p in plan) == plan[-1].due
    assert result.planned_end > max(p.due for p in schedule(land, at(2026, 3, 2, 8)))
    usage = {u.step_id: u for u in result.usage}
    assert usage["b6"].started_at == at(2026, 4, 1, 8)
    assert usage["b7"].started_at == at(2026, 4, 1, 11)
