"""tthc.workflows — step budgets as written in a sheet, read through tthc.deadlines."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from workflow_helpers import D, H

from tthc.deadlines import Duration, DurationUnit
from tthc.errors import DataFileError
from tthc.workflows import Step, Workflow, from_csv, to_csv


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 giờ làm việc", H(4)),
        ("04 Giờ làm việc", H(4)),
        ("0,5 ngày làm việc", D("0.5")),
        ("1.5 ngày làm việc", D("1.5")),
        ("30 phút làm việc", Duration.working_minutes(30)),
        ("15 ngày", Duration.calendar_days(15)),
        ("0", Duration.immediate()),
        ("0 ngày", Duration.immediate()),
        ("0 giờ", Duration.immediate()),
        ("ngay", Duration.immediate()),
        ("trong ngày", Duration.same_day()),
        ("trong ngày (sau 15:00)", Duration.same_day()),
        ("trong ngày (nhận sau 16 giờ)", Duration.same_day(dt.time(16))),
        ("2 working_hour", H(2)),
    ],
)
def test_csv_budget_wordings(text: str, expected: Duration) -> None:
    head = "procedure_code,workflow_version,step_id,step_name,role,budget\n"
    (w,) = from_csv(head + f'1,v,a,A,R,"{text}"\n')
    assert w.steps[0].budget == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("trong ngày (sau 16:00)", Duration.same_day(dt.time(16))),  # what to_csv writes
        ("trong ngày (sau 16h30)", Duration.same_day(dt.time(16, 30))),
        ("0,0 giờ làm việc", Duration.immediate()),
        ("0 working_minute", Duration.immediate()),
        ("Ngay", Duration.immediate()),
        ("2,5 giờ làm việc", H("2.5")),
        ("0.25 ngày làm việc", D("0.25")),
        ("1 calendar_day", Duration.calendar_days(1)),
    ],
)
def test_csv_budget_more_wordings(text: str, expected: Duration) -> None:
    head = "procedure_code,workflow_version,step_id,step_name,role,budget\n"
    (w,) = from_csv(head + f'1,v,a,A,R,"{text}"\n')
    assert w.steps[0].budget == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("4 giờ", "'giờ' alone is ambiguous"),
        ("30 phút", "'phút' alone is ambiguous"),
        ("2 tháng", "tháng cannot be a step budget"),
        ("0 tháng", "cannot be read"),
        ("-1 ngày", "cannot be read"),
        ("không quá 3 ngày làm việc", "cannot be read"),
        ("3 ngày làm việc kể từ ngày nhận đủ hồ sơ", "cannot be read"),
        ("5 ngày làm việc; trường hợp phức tạp 10 ngày làm việc", "cannot be read"),
        ("trong ngày hôm sau", "cannot be read"),
        ("trong ngày (sau 25:00)", "not a time of day"),
        (" ", "empty cell"),  # a required cell
        ("\u200b", "is empty"),  # a zero-width space pasted from a web page
        ("ngay trong ngày", "cannot be read"),
        ("Không quy định", "cannot be read"),
    ],
)
def test_csv_budget_refused(text: str, message: str) -> None:
    # A step budget is one plain limit in a unit a step can have; the sheet must say working time.
    head = "procedure_code,workflow_version,step_id,step_name,role,budget,note\n"
    with pytest.raises(DataFileError) as info:
        from_csv(head + f'1,v,a,A,R,"{text}",x\n', file="q.csv")
    assert message in info.value.message
    assert (info.value.context["row"], info.value.context["field"]) == (2, "budget")


def test_csv_budget_hint_names_the_working_unit() -> None:
    head = "procedure_code,workflow_version,step_id,step_name,role,budget\n"
    with pytest.raises(DataFileError) as info:
        from_csv(head + "1,v,a,A,R,4 giờ\n")
    assert info.value.hint == "write '4 giờ làm việc' for working time"


def test_csv_legal_limit_reads_published_wordings() -> None:
    # The legal_limit column takes a budget wording or the processing time as published.
    head = "procedure_code,workflow_version,step_id,step_name,role,budget,legal_limit\n"
    for text, expected in (
        ("15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", D(15)),
        ("4 giờ", Duration.clock_hours(4)),
        ("trong ngày", Duration.same_day()),
    ):
        (w,) = from_csv(head + f'1,v,a,A,R,1 giờ làm việc,"{text}"\n')
        assert w.legal_limit == expected


_AMOUNTS = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(500), places=2)
_BUDGETS = st.one_of(
    st.builds(Duration.working_days, _AMOUNTS),
    st.builds(Duration.working_hours, _AMOUNTS),
    st.builds(Duration.working_minutes, _AMOUNTS),
    st.builds(Duration.calendar_days, st.integers(min_value=1, max_value=365)),
    st.builds(
        Duration.same_day, st.none() | st.times().map(lambda t: t.replace(second=0, microsecond=0))
    ),
    st.just(Duration.immediate()),
)


@settings(max_examples=40, deadline=None)
@given(budget=_BUDGETS)
def test_csv_budget_round_trip(budget: Duration) -> None:
    # What to_csv writes, from_csv reads back; a same-day budget with no cut-off is written
    # "trong ngày", which reads as the usual 15:00 cut-off.
    (w,) = from_csv(to_csv(Workflow("1", "v", (Step("a", "A", "R", budget),))))
    if budget.unit is DurationUnit.SAME_DAY and budget.cutoff is None:
        budget = Duration.same_day()
    assert w.steps[0].budget == budget
