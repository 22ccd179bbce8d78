"""Properties of the plan's sums (issue 20: one pass, integer sums instead of Fractions per row).

- Units are planned independently: the plan of two disjoint sets of units is the union of their
  plans, when both share the months (period, capacity, reform sides).
- The plan's demand per unit and role is :func:`compute_demand`'s (Decimal arithmetic, row by
  row), and its FTE are the exact ratios rounded up.
- The busiest slot of a month is the one ``max(arrival_rates(...))`` picks, ties included.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from decimal import Decimal
from fractions import Fraction
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tthc.calendar._defaults import resolve
from tthc.staffing import (
    ArrivalProfile,
    Month,
    PlanSettings,
    arrival_rates,
    compute_demand,
    counters_needed,
    effort_table,
    load_assumptions,
    plan_workload,
)
from tthc.staffing._inputs import default_field_effort
from tthc.staffing._profiles import month_shape
from tthc.staffing._reform import rank

# Minutes with decimals (0.5, 0.25, 0.1): the integer sums must scale them exactly.
EFFORTS = effort_table(
    {
        "P": {"reception": "12.5", "processing": 30, "approval": "0.25"},
        "Q": {"reception": 8, "processing": "45.1"},
    },
    fields={"hộ tịch": {"reception": 10, "processing": 20}},
)
MONTHS = ("2025-05", "2025-06", "2025-07", "2025-08", "2025-09")  # across the reform, 1/7/2025
PROCEDURES = (("P", ""), ("Q", ""), ("R", "hộ tịch"))


@st.composite
def units(draw: st.DrawFn, prefix: str) -> list[dict[str, Any]]:
    """Records of 1–3 units named ``prefix…``, each with a row in every month (counts may be 0)."""
    records: list[dict[str, Any]] = []
    for index in range(draw(st.integers(1, 3))):
        code = f"{prefix}{index}"
        kind = draw(st.sampled_from(["xã", "phường", ""]))
        for month in MONTHS:
            procedure, field = draw(st.sampled_from(PROCEDURES))
            for _ in range(draw(st.integers(1, 2))):
                count = draw(st.integers(0, 900))
                records.append(
                    {
                        "unit_code": code,
                        "unit_kind": kind,
                        "procedure_code": procedure,
                        "field": field,
                        "month": month,
                        "count": count,
                        "in_person": draw(st.none() | st.integers(0, count)),
                    }
                )
    return records


@settings(max_examples=25, deadline=None)
@given(left=units("A"), right=units("B"), top=st.integers(0, 4))
def test_plan_of_disjoint_units_is_the_union_of_their_plans(
    left: list[dict[str, Any]], right: list[dict[str, Any]], top: int
) -> None:
    options: dict[str, Any] = {"settings": PlanSettings(flag_top=top)}
    both = plan_workload(right + left, EFFORTS, **options)
    a, b = plan_workload(left, EFFORTS, **options), plan_workload(right, EFFORTS, **options)
    assert both.units == tuple(sorted(a.units + b.units, key=lambda unit: unit.unit_code))
    assert (both.months, both.capacity, both.capacity_hours) == (
        a.months,
        a.capacity,
        a.capacity_hours,
    )
    assert both.total_fte == a.total_fte + b.total_fte
    assert both.total_counters == a.total_counters + b.total_counters
    assert both.flagged == tuple(sorted(a.flagged + b.flagged, key=rank)[:top])


@settings(max_examples=25, deadline=None)
@given(records=units("U"))
def test_plan_demand_is_compute_demand(records: list[dict[str, Any]]) -> None:
    # No leave, utilisation 1: each month's capacity is 8 h × working days, exact to 0.01 h.
    bare = PlanSettings(annual_leave_days=Decimal(0), utilisation=Decimal(1))
    plan = plan_workload(records, EFFORTS, settings=bare)
    in_period = [r for r in records if r["month"] >= "2025-07"]  # the default period
    demand = compute_demand(in_period, EFFORTS)
    capacity = sum((Fraction(c.productive_hours) for c in plan.capacity), Fraction(0))
    assert plan.months == tuple(Month.parse(m) for m in MONTHS[2:])
    assert plan.capacity_hours == capacity
    for unit in plan.units:
        code = unit.unit_code
        assert unit.dossiers == sum(r["count"] for r in in_period if r["unit_code"] == code)
        for need in unit.roles:
            minutes = Fraction(demand.minutes(unit_code=code, role=need.role))
            assert need.demand_hours == demand.hours(unit_code=code, role=need.role)
            assert need.fte == math.ceil(minutes / 60 / capacity)
            peak = max(
                (
                    math.ceil(
                        Fraction(demand.minutes(unit_code=code, role=need.role, month=c.month))
                        / 60
                        / Fraction(c.productive_hours)
                    ),
                    c.month,
                )
                for c in reversed(plan.capacity)
            )
            assert need.peak_month_fte == peak[0]
        rows = [r for r in in_period if r["unit_code"] == code]
        best = _counter_peak_by_fractions(rows, bare, plan.months)
        assert unit.counters == (best[0] if best else 0)
        assert (unit.counter_month, unit.counter_slot, unit.counter_queue) == (
            best[2:] if best else (None, None, None)
        )


def _counter_peak_by_fractions(
    rows: list[dict[str, Any]], options: PlanSettings, months: tuple[Month, ...]
) -> tuple[Any, ...] | None:
    """The counters as the plan computed them before issue 20: Fractions, row by row."""
    visits: dict[Month, Fraction] = defaultdict(Fraction)
    minutes: dict[Month, Fraction] = defaultdict(Fraction)
    share = Fraction(options.in_person_share)
    for row in rows:
        effort = EFFORTS.merged_with(default_field_effort(load_assumptions())).lookup(
            row["procedure_code"], row["field"]
        )
        month = Month.parse(row["month"])
        people = share * row["count"] if row["in_person"] is None else Fraction(row["in_person"])
        visits[month] += people
        minutes[month] += people * Fraction(effort.minutes_for(options.counter_role))
    best: tuple[Any, ...] | None = None
    for month in months:
        people = visits.get(month, Fraction(0))
        if not people:
            continue
        rates = arrival_rates(people, month, profile=options.profile)
        slot, rate = max(rates.items(), key=lambda item: (item[1], -item[0][0]))
        queue = counters_needed(rate, float(minutes[month] / people), options.targets)
        if best is None or (queue.servers, queue.traffic) > (best[0], best[1]):
            best = (queue.servers, queue.traffic, month, slot, queue)
    return best


PROFILES = st.builds(
    ArrivalProfile,
    weekday_weights=st.tuples(*[st.sampled_from([0.0, 1.0, 2.0, 0.1, 1 / 3])] * 7),
    hour_weights=st.tuples(*[st.sampled_from([0.0, 1.0, 1.5, 0.3])] * 24),
)


@settings(max_examples=60, deadline=None)
@given(
    profile=PROFILES,
    month=st.sampled_from([Month(2026, 1), Month(2026, 2), Month(2025, 10)]),
    numerator=st.integers(1, 10**7),
    denominator=st.sampled_from([1, 2, 3, 7, 20, 10**6]),
)
def test_busiest_slot_is_what_max_over_the_rates_picks(
    profile: ArrivalProfile, month: Month, numerator: int, denominator: int
) -> None:
    calendar, hours = resolve(None, None)
    shape = month_shape(month, profile, calendar, hours)
    if shape.total == 0:
        return
    rates = arrival_rates(Fraction(numerator, denominator), month, profile=profile)
    expected = max(rates.items(), key=lambda item: (item[1], -item[0][0]))
    assert shape.busiest(numerator, denominator) == expected


def test_busiest_slot_with_a_flat_profile_is_the_first_slot_of_the_week() -> None:
    flat = ArrivalProfile(weekday_weights=(1,) * 7, hour_weights=(1,) * 24)
    calendar, hours = resolve(None, None)
    shape = month_shape(Month(2026, 1), flat, calendar, hours)
    # Every slot ties (1680 / (21 days × 8 h) = 10 an hour): Monday's first slot, 7:30.
    assert shape.busiest(1680, 1) == ((0, dt.time(7, 30)), 10.0)
    assert shape.busiest(1, 2) == ((0, dt.time(7, 30)), 1 / 336)


def test_busiest_slot_when_two_shares_round_to_one_rate() -> None:
    # Tuesday's weight is one float above Monday's: its exact share is larger, yet for most
    # amounts both rates round to the same float, and then Monday (the earlier weekday) wins,
    # as max(..., key=(rate, -weekday)) over the rates picks it.
    nudged = ArrivalProfile(
        weekday_weights=(1.0, 1.0000000000000002, 0, 0, 0, 0, 0), hour_weights=(1,) * 24
    )
    calendar, hours = resolve(None, None)
    shape = month_shape(Month(2026, 1), nudged, calendar, hours)
    ties = 0
    for numerator in range(1, 400, 7):
        rates = arrival_rates(numerator, Month(2026, 1), profile=nudged)
        expected = max(rates.items(), key=lambda item: (item[1], -item[0][0]))
        assert shape.busiest(numerator, 1) == expected
        ties += expected[0][0] == 0
    assert ties > 0
