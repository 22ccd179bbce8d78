"""Arrival profiles, month shapes and counter plans compared in full (issue 17, item 5).

January 2026 (the national calendar): 21 working days, Saturday 10/1 a make-up working day, and
4 Mondays (5, 12, 19, 26/1). Rates are checked as exact fractions of those counts.
"""

from __future__ import annotations

import datetime as dt
import math
from fractions import Fraction
from typing import Any

import pytest

from tthc.calendar import OfficeHours
from tthc.calendar._defaults import resolve
from tthc.errors import DataFileError, InputTypeError
from tthc.staffing import (
    ArrivalProfile,
    Month,
    QueueResult,
    QueueTargets,
    arrival_rates,
    load_assumptions,
    plan_counters,
)
from tthc.staffing._assumptions import parse_assumptions
from tthc.staffing._profiles import (
    CounterPlan,
    _default_weights,
    _is_slot,
    _slots,
    month_shape,
    no_weight,
)

T = dt.time
JAN = Month(2026, 1)
MONDAY_TWICE = ArrivalProfile(weekday_weights=(2, 1, 1, 1, 1, 1, 1), hour_weights=(1,) * 24)
SHORT_DAY = OfficeHours(windows=((T(7, 30), T(11, 45)), (T(13), T(14))))
_SLOT_STARTS = (T(7, 30), T(8, 30), T(9, 30), T(10, 30), T(11, 30), T(13))


def _refused(call: Any, message: str, **context: str) -> None:
    with pytest.raises(InputTypeError) as caught:
        call()
    assert (caught.value.code, caught.value.message) == ("input.wrong_type", message)
    assert dict(caught.value.context) == context


def test_default_profile_is_the_assumptions_file() -> None:
    assumptions = load_assumptions()
    profile = ArrivalProfile()
    assert profile.weekday_weights == (1.2, 1.0, 1.0, 1.0, 0.9, 1.0, 1.0)
    assert profile.weekday_weights == tuple(
        float(w) for w in assumptions["arrival_weekday_weights"].value
    )
    assert profile.hour_weights == (
        (0.0,) * 7 + (1.0, 1.5, 1.4, 1.0, 0.6, 0.4, 0.8, 1.0, 0.9, 0.6, 0.3) + (0.0,) * 6
    )
    assert all(type(w) is float for w in profile.weekday_weights + profile.hour_weights)


def test_default_weights_of_a_bad_file_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    bad = parse_assumptions(
        '{"data_version": "1", "assumptions": [{"key": "w", "name_vi": "", "name_en": "",'
        ' "value": [1, 2], "basis": "planning_assumption"}, {"key": "s", "name_vi": "",'
        ' "name_en": "", "value": "12", "basis": "planning_assumption"}, {"key": "x",'
        ' "name_vi": "", "name_en": "", "value": ["1", "a"], "basis": "planning_assumption"}]}',
        "bad.json",
    )
    monkeypatch.setattr("tthc.staffing._profiles.load_assumptions", lambda: bad)
    for key, size in (("w", 3), ("s", 2)):
        with pytest.raises(DataFileError) as caught:
            _default_weights(key, size)
        assert caught.value.message == (
            f"Giả định (assumption) {key} in workload_assumptions.json must be a list of"
            f" {size} numbers"
        )
        assert dict(caught.value.context) == {"file": "workload_assumptions.json", "field": key}
    assert _default_weights("w", 2) == (1.0, 2.0)
    with pytest.raises(DataFileError) as caught:
        _default_weights("x", 2)
    assert caught.value.message == "Giả định (assumption) 'x': 'a' is not a number"


def test_profile_from_counts_is_each_share() -> None:
    # Monday 40 of 50 arrivals, Tuesday 10; 08:00 40, 09:00 10.
    profile = ArrivalProfile.from_counts({(0, T(8)): 30, (0, T(9)): 10, (1, T(8, 59)): 10})
    assert profile == ArrivalProfile(
        weekday_weights=(7 * 40 / 50, 7 * 10 / 50, 0.0, 0.0, 0.0, 0.0, 0.0),
        hour_weights=(0.0,) * 8 + (24 * 40 / 50, 24 * 10 / 50) + (0.0,) * 14,
    )
    sunday = ArrivalProfile.from_counts({(6, T(23, 30)): 1, (6, T(0)): 0})
    assert sunday.weekday_weights == (0.0,) * 6 + (7.0,)
    assert sunday.hour_weights == (0.0,) * 23 + (24.0,)


def test_profile_refusals_in_full() -> None:
    empty = (
        "Phân bố lượt đến (arrival profile): pass a non-empty mapping (weekday, time) → arrivals"
    )
    _refused(lambda: ArrivalProfile.from_counts({}), empty, argument="counts")
    _refused(lambda: ArrivalProfile.from_counts([((0, T(8)), 1)]), empty, argument="counts")  # type: ignore[arg-type]
    _refused(
        lambda: ArrivalProfile.from_counts({(0, T(8)): 0, (1, T(9)): 0}),
        "Phân bố lượt đến (arrival profile): all counts are zero",
        argument="counts",
    )
    for key in (("Mon", T(8)), (0, 8), (True, T(8)), (7, T(8)), (-1, T(8)), (0, T(8), 1), (0,)):
        _refused(
            lambda key=key: ArrivalProfile.from_counts({key: 1}),
            "Phân bố lượt đến (arrival profile): keys must be (weekday 0–6, datetime.time), "
            f"got {key!r}",
            argument="counts",
        )
    _refused(
        lambda: ArrivalProfile.from_counts({(0, T(8)): -1}),
        "Số (number): counts must be zero or more, got -1",
        argument="counts",
        value="-1",
    )
    for name, size, value in (
        ("weekday_weights", 7, (1,) * 6),
        ("weekday_weights", 7, [1] * 7),
        ("hour_weights", 24, (1,) * 25),
    ):
        _refused(
            lambda name=name, value=value: ArrivalProfile(**{name: value}),
            f"Phân bố lượt đến (arrival profile): {name} must be a tuple of {size} numbers",
            argument=name,
        )
    _refused(
        lambda: ArrivalProfile(hour_weights=(1,) * 23 + (-1,)),
        "Số (number): hour_weights must be zero or more, got -1",
        argument="hour_weights",
        value="-1",
    )


def test_slot_keys() -> None:
    assert _is_slot((0, T(8)))
    assert _is_slot((6, T(23, 59)))
    for key in ((7, T(8)), (-1, T(8)), (True, T(8)), (0, "08:00"), [0, T(8)], (0, T(8), 0)):
        assert not _is_slot(key)


def test_slots_of_office_hours() -> None:
    assert _slots(SHORT_DAY) == tuple(
        (start, Fraction(1, 4) if start == T(11, 30) else Fraction(1)) for start in _SLOT_STARTS
    )
    assert _slots(OfficeHours(windows=((T(8), T(8, 20)),))) == ((T(8), Fraction(1, 3)),)


def test_month_shape_in_full() -> None:
    cal, _ = resolve(None, None)
    shape = month_shape(JAN, MONDAY_TWICE, cal, SHORT_DAY)
    # 5.25 office hours a day; 25 weighted days (21 + the 4 Mondays again).
    assert shape.total == Fraction(525, 4)
    monday, other = Fraction(2, 1) / shape.total, Fraction(1, 1) / shape.total
    assert shape.shares == tuple(
        ((weekday, start), monday if weekday == 0 else other)
        for weekday in range(6)
        for start in _SLOT_STARTS
    )
    assert shape.month == JAN
    assert shape.ranked == (
        (monday, tuple((0, i, (0, start)) for i, start in enumerate(_SLOT_STARTS))),
        (
            other,
            tuple(
                (weekday, 6 * weekday + i, (weekday, start))
                for weekday in range(1, 6)
                for i, start in enumerate(_SLOT_STARTS)
            ),
        ),
    )
    assert shape.busiest(1000, 1) == ((0, T(7, 30)), 1000 * 8 / 525)
    assert shape.busiest(1, 3) == ((0, T(7, 30)), 8 / (3 * 525))


def test_busiest_prefers_the_larger_rate_then_the_earliest_slot() -> None:
    cal, hours = resolve(None, None)
    afternoon = ArrivalProfile(weekday_weights=(1,) * 7, hour_weights=(1,) * 14 + (2,) + (1,) * 9)
    shape = month_shape(JAN, afternoon, cal, hours)
    assert shape.busiest(1680, 1)[0] == (0, T(14))
    friday = ArrivalProfile(weekday_weights=(1, 1, 1, 1, 3, 1, 1), hour_weights=(1,) * 24)
    assert month_shape(JAN, friday, cal, hours).busiest(10, 1)[0] == (4, T(7, 30))


def test_arrival_rates_in_full() -> None:
    rates = arrival_rates(1000, JAN, profile=MONDAY_TWICE, office_hours=SHORT_DAY)
    assert rates == {
        (weekday, start): 1000 * (8 if weekday == 0 else 4) / 525
        for weekday in range(6)
        for start in _SLOT_STARTS
    }
    flat = ArrivalProfile(weekday_weights=(1,) * 7, hour_weights=(1,) * 24)
    rates = arrival_rates(1680, JAN, profile=flat)
    assert rates == {
        (weekday, start): 10.0
        for weekday in range(6)
        for start in (T(7, 30), T(8, 30), T(9, 30), T(10, 30), T(13), T(14), T(15), T(16))
    }
    silent = ArrivalProfile(hour_weights=(0,) * 24)
    assert set(arrival_rates(0, JAN, profile=silent).values()) == {0.0}
    assert len(arrival_rates(0, JAN, profile=silent)) == 6 * 8


def test_arrival_rates_refusals_in_full() -> None:
    _refused(
        lambda: arrival_rates(-1, JAN),
        "Số (number): dossiers must be zero or more, got -1",
        argument="dossiers",
        value="-1",
    )
    _refused(
        lambda: arrival_rates(10, JAN, profile="flat"),  # type: ignore[arg-type]
        "Phân bố lượt đến (arrival profile): profile must be an ArrivalProfile",
        argument="profile",
    )
    message = (
        "Phân bố lượt đến (arrival profile) gives no weight to the working days and office hours"
        " of 2026-01"
    )
    _refused(
        lambda: arrival_rates(10, JAN, profile=ArrivalProfile(hour_weights=(0,) * 24)),
        message,
        argument="profile",
    )
    err = no_weight(JAN)
    assert (err.message, dict(err.context)) == (message, {"argument": "profile"})


def _erlang_c(servers: int, load: float) -> float:
    """Erlang C from its textbook formula (Erlang 1917), for small counts."""
    top = load**servers / math.factorial(servers) * servers / (servers - load)
    return top / (sum(load**k / math.factorial(k) for k in range(servers)) + top)


def test_counter_plan_in_full() -> None:
    plan = plan_counters({(2, T(10)): 60, (0, T(8)): 30.0, (1, T(9)): 60.0}, 5)
    # 30 an hour × 5 min = 2.5 erlangs: 4 counters; 60 × 5 = 5 erlangs: 7 counters (targets
    # of the assumptions file: P(wait) ≤ 0.5, mean wait ≤ 15 minutes).
    assert [slot for slot, _ in plan.slots] == [(0, T(8)), (1, T(9)), (2, T(10))]
    first = plan.slots[0][1]
    assert (first.servers, first.traffic, first.occupancy) == (4, 2.5, 0.625)
    assert first.wait_probability == pytest.approx(_erlang_c(4, 2.5), rel=1e-12)
    assert first.mean_wait_minutes == pytest.approx(_erlang_c(4, 2.5) * 5 / 1.5, rel=1e-12)
    assert plan.slots[1][1] == plan.slots[2][1]
    assert plan.peak_slot == (1, T(9))  # ties: the first slot in order
    assert plan.peak == plan.slots[1][1]
    assert plan.counters == 7
    assert _erlang_c(6, 5.0) > 0.5 >= _erlang_c(7, 5.0)
    strict = plan_counters({(0, T(8)): 30}, 5, QueueTargets(1.0, 0.1))
    assert strict.counters == 6
    assert strict.peak == QueueResult(
        30.0, 5.0, 2.5, 6, 2.5 / 6, strict.slots[0][1].wait_probability,
        strict.slots[0][1].mean_wait_minutes,
    )  # fmt: skip
    assert strict.slots[0][1].wait_probability == pytest.approx(_erlang_c(6, 2.5), rel=1e-12)
    # Same counters, more traffic: the busier slot is the peak.
    plan = plan_counters({(0, T(8)): 26.0, (0, T(9)): 30.0, (0, T(10)): 27.0}, 5)
    assert [r.servers for _, r in plan.slots] == [4, 4, 4]
    assert plan.peak_slot == (0, T(9))
    assert plan_counters({}, 5) == CounterPlan(slots=(), peak_slot=None, peak=None)
    assert plan_counters({}, 5).counters == 0


def test_counter_plan_refusals_in_full() -> None:
    _refused(
        lambda: plan_counters([((0, T(8)), 1.0)], 5),  # type: ignore[arg-type]
        "Lượt đến (arrivals): pass a mapping (weekday, time) → arrivals per hour",
        argument="arrivals",
    )
    _refused(
        lambda: plan_counters({(0, T(8)): 1.0, (7, T(8)): 1.0}, 5),
        "Lượt đến (arrivals): keys must be (weekday 0–6, datetime.time), got (7, "
        "datetime.time(8, 0))",
        argument="arrivals",
    )
    with pytest.raises(InputTypeError) as caught:
        plan_counters({(0, T(8)): -1.0}, 5)
    assert caught.value.context["argument"] == "arrivals"
    with pytest.raises(InputTypeError) as caught:
        plan_counters({(0, T(8)): 1.0}, -5)
    assert caught.value.context["argument"] == "mean_service_minutes"


def test_busiest_tie_between_two_hours_keeps_the_earlier_slot() -> None:
    # 09:30's weight is one float above 08:30's, on Monday and Tuesday alike: each share is
    # a group of two slots (Monday's and Tuesday's). When both rates round to one float,
    # Monday 08:30 (the earlier slot) wins, as max(..., key=(rate, -weekday)) picks it.
    hours = (0.0,) * 8 + (1.0, 1.0000000000000002) + (0.0,) * 14
    nudged = ArrivalProfile(weekday_weights=(1, 1, 0, 0, 0, 0, 0), hour_weights=hours)
    cal, office = resolve(None, None)
    shape = month_shape(JAN, nudged, cal, office)
    earlier = 0
    for numerator in range(1, 400, 7):
        rates = arrival_rates(numerator, JAN, profile=nudged)
        expected = max(rates.items(), key=lambda item: (item[1], -item[0][0]))
        assert shape.busiest(numerator, 1) == expected
        earlier += expected[0] == (0, T(8, 30))
    assert earlier > 0


def test_month_shape_of_a_profile_without_weight() -> None:
    cal, hours = resolve(None, None)
    silent = month_shape(JAN, ArrivalProfile(hour_weights=(0,) * 24), cal, hours)
    assert silent.total == 0
    assert {share for _, share in silent.shares} == {Fraction(0)}
    assert len(silent.shares) == 6 * 8
