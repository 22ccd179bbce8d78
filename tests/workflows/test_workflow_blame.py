"""tthc.workflows — blame(): which step consumed the time of a late dossier."""

from __future__ import annotations

import datetime as dt

import pytest
from workflow_helpers import at

from tthc.errors import DataFileError, InputTypeError, NaiveDatetimeError
from tthc.workflows import blame, example, schedule


def test_blame_the_step_that_overran() -> None:
    w = example("ho-tich.khai-sinh")
    accepted = at(2026, 4, 29, 14)  # plan: b4 due Mon 4/5/2026 14:00 (see above)
    done = {
        "b1": at(2026, 4, 29, 14, 45),
        "b2": at(2026, 5, 5, 9, 30),  # due 4/5 09:30 counted from 14:45 → 4/5 09:15; 1 day late
        "b3": at(2026, 5, 5, 11),
        "b4": at(2026, 5, 5, 13, 30),
    }
    result = blame(w, accepted, done)
    assert result.late
    assert result.step_id == "b2"
    assert result.chain == ("b1", "b2", "b3", "b4")
    usage = {u.step_id: u for u in result.usage}
    # b2 started 29/4 14:45; its 4 h end Mon 4/5 09:15; done Tue 5/5 09:30 = 8 h 15 min later.
    assert usage["b2"].due_at == at(2026, 5, 4, 9, 15)
    assert usage["b2"].overrun == dt.timedelta(hours=8, minutes=15)
    assert usage["b1"].overrun == dt.timedelta(0)
    assert result.planned_end == at(2026, 5, 4, 14)
    assert result.finished_at == at(2026, 5, 5, 13, 30)
    assert result.delay == dt.timedelta(hours=7, minutes=30)  # 14:00 Mon → 13:30 Tue
    assert "'b2'" in result.explain()
    assert result.explain() == (
        "Hồ sơ trễ hạn (late): finished 05/05/2026 13:30, planned 04/05/2026 14:00. Step 'b2' "
        "overran its budget by 8:15:00 of working time (due 04/05/2026 09:15, done 05/05/2026 "
        "09:30)."
    )
    # The same with the plan passed in.
    plan = schedule(w, accepted)
    assert blame(w, plan, done).step_id == "b2"


def test_blame_on_time_and_joins() -> None:
    w = example("ho-tich.khai-sinh")
    on_time = blame(w, at(2026, 3, 2, 8), {"b1": at(2026, 3, 2, 8, 30), "b2": at(2026, 3, 2, 10)})
    assert not on_time.late
    assert on_time.step_id is None
    assert "No step" in on_time.explain()
    land = example("dat-dai.dang-ky-bien-dong")
    accepted = at(2026, 3, 2, 8)
    done = {
        "b1": at(2026, 3, 2, 11),
        "b2": at(2026, 3, 6, 16),
        "b3": at(2026, 3, 20, 10),  # the tax branch is very late
        "b4": at(2026, 3, 9, 10),
        "b5": at(2026, 3, 20, 14),
    }
    result = blame(land, accepted, done)
    assert result.step_id == "b3"
    assert result.chain == ("b1", "b2", "b3", "b5")
    # Phase 2 after a payment wait: the wait is not blamed on b6.
    done2 = {**done, "b6": at(2026, 4, 1, 11)}
    waited = blame(land, accepted, done2, phase_starts={"gd2": at(2026, 4, 1, 8)})
    b6 = next(u for u in waited.usage if u.step_id == "b6")
    assert b6.started_at == at(2026, 4, 1, 8)
    assert b6.overrun == dt.timedelta(0)
    unwaited = blame(land, accepted, done2)
    b6 = next(u for u in unwaited.usage if u.step_id == "b6")
    assert b6.started_at == at(2026, 3, 20, 14)
    assert b6.overrun > dt.timedelta(0)


def test_blame_refuses_bad_input() -> None:
    w = example("ho-tich.khai-sinh")
    with pytest.raises(DataFileError, match="not in workflow"):
        blame(w, at(2026, 3, 2, 8), {"zz": at(2026, 3, 2, 9)})
    with pytest.raises(DataFileError, match="none given"):
        blame(w, at(2026, 3, 2, 8), {})
    with pytest.raises(DataFileError, match="no step can be measured"):
        blame(w, at(2026, 3, 2, 8), {"b2": at(2026, 3, 2, 9)})
    with pytest.raises(NaiveDatetimeError):
        blame(w, at(2026, 3, 2, 8), {"b1": dt.datetime(2026, 3, 2, 9)})
    with pytest.raises(InputTypeError):
        blame(w, (), {"b1": at(2026, 3, 2, 9)})
    with pytest.raises(InputTypeError):
        blame(w, at(2026, 3, 2, 8), [("b1", at(2026, 3, 2, 9))])  # type: ignore[arg-type]
