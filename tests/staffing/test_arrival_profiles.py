"""Arrival profiles: spreading a month's visitors over its working days and office hours."""

from __future__ import annotations

import datetime as dt

import pytest

from tthc.errors import InputTypeError
from tthc.staffing import ArrivalProfile, Month, arrival_rates, plan_counters

T = dt.time
FLAT = ArrivalProfile(weekday_weights=(1,) * 7, hour_weights=(1,) * 24)


def test_arrival_rates_and_plan_counters() -> None:
    # January 2026: 21 working days × 8 one-hour slots; flat profile → 1680 / 168 = 10 an hour.
    rates = arrival_rates(1680, Month(2026, 1), profile=FLAT)
    assert set(rates.values()) == {10.0}
    assert {weekday for weekday, _ in rates} == {0, 1, 2, 3, 4, 5}  # Saturday 10/1 is worked
    assert sorted({start for _, start in rates}) == [
        T(7, 30), T(8, 30), T(9, 30), T(10, 30), T(13), T(14), T(15), T(16)
    ]  # fmt: skip
    # Monday weighted 2: Mondays of January 2026 are 5/1, 12/1, 19/1, 26/1 (4 days).
    monday = ArrivalProfile(weekday_weights=(2, 1, 1, 1, 1, 1, 1), hour_weights=(1,) * 24)
    rates = arrival_rates(1000, Month(2026, 1), profile=monday)
    assert rates[(0, T(8, 30))] == pytest.approx(1000 * 2 / ((21 + 4) * 8))
    plan = plan_counters(rates, 12)
    assert plan.peak_slot is not None
    assert plan.peak_slot[0] == 0
    assert plan.counters == max(result.servers for _, result in plan.slots)
    assert plan_counters({}, 5).counters == 0
    # Default profile: the 08:30 slot on Monday is the busiest.
    default = arrival_rates(1000, Month(2026, 3))
    assert max(default, key=default.__getitem__) == (0, T(8, 30))
    assert arrival_rates(0, Month(2026, 3), profile=ArrivalProfile(hour_weights=(0,) * 24))
    for call in (
        lambda: arrival_rates(10, "2026-01"),  # type: ignore[arg-type]
        lambda: arrival_rates(10, Month(2026, 1), profile="flat"),  # type: ignore[arg-type]
        lambda: arrival_rates(10, Month(2026, 1), profile=ArrivalProfile(hour_weights=(0,) * 24)),
        lambda: arrival_rates(-1, Month(2026, 1)),
        lambda: plan_counters([1, 2], 5),  # type: ignore[arg-type]
        lambda: plan_counters({(7, T(8)): 1.0}, 5),
        lambda: plan_counters({(0, "08:00"): 1.0}, 5),  # type: ignore[dict-item]
        lambda: ArrivalProfile(weekday_weights=(1,) * 6),
        lambda: ArrivalProfile(hour_weights=(-1,) * 24),
    ):
        with pytest.raises(InputTypeError):
            call()


def test_arrival_profile_from_counts() -> None:
    profile = ArrivalProfile.from_counts({(0, T(8)): 30, (0, T(9)): 10, (1, T(8)): 10})
    assert profile.weekday_weights[0] == pytest.approx(7 * 40 / 50)
    assert profile.hour_weights[8] == pytest.approx(24 * 40 / 50)
    for bad in ({}, {(0, T(8)): 0}, {("Mon", T(8)): 1}, {(0, 8): 1}):
        with pytest.raises(InputTypeError):
            ArrivalProfile.from_counts(bad)  # type: ignore[arg-type]
