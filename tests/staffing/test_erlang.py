"""Erlang B and C (M/M/c) and the counters a reception desk needs.

Erlang B / C: published values cited next to each test.
"""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc.errors import InputTypeError
from tthc.staffing import QueueTargets, counters_needed, erlang_b, erlang_c, mean_wait


def _erlang_c_direct(c: int, a: Fraction) -> Fraction:
    """Textbook formula, exact rational arithmetic (independent of the recursion)."""
    top = a**c / math.factorial(c) * Fraction(c) / (c - a)
    return top / (sum(a**k / math.factorial(k) for k in range(c)) + top)


def _erlang_c_log(c: int, a: float) -> float:
    """Log-space textbook formula for large c (independent of the recursion)."""
    log_terms = [k * math.log(a) - math.lgamma(k + 1) for k in range(c)]
    log_top = c * math.log(a) - math.lgamma(c + 1) + math.log(c / (c - a))
    peak = max(*log_terms, log_top)
    total = sum(math.exp(t - peak) for t in log_terms) + math.exp(log_top - peak)
    return math.exp(log_top - peak) / total


# Erlang B tables (e.g. the traffic tables in ITU-T / telephony handbooks): the offered traffic
# that N circuits carry at 1 % (and 2 %) blocking.
ERLANG_B_TABLE = [(5, 1.36, 0.01), (10, 4.46, 0.01), (20, 12.03, 0.01), (50, 37.90, 0.01),
                  (100, 84.06, 0.01), (10, 5.08, 0.02)]  # fmt: skip


@pytest.mark.parametrize(("servers", "traffic", "blocking"), ERLANG_B_TABLE)
def test_erlang_b_against_published_tables(servers: int, traffic: float, blocking: float) -> None:
    assert erlang_b(servers, traffic) == pytest.approx(blocking, abs=0.0002)


def test_erlang_c_against_published_values() -> None:
    # Wolfram Language documentation of ErlangC, basic example ErlangC[3, 2]: 4/9.
    assert erlang_c(3, 2.0) == pytest.approx(4 / 9, rel=1e-12)
    # Call Centre Helper, "Erlang C formula – made simple with an easy worked example":
    # 100 calls per 30 minutes, 180 s average handling time → 10 erlangs; 11 agents:
    # probability of waiting 0.6821, average speed of answer 122.8 s.
    assert erlang_c(11, 10.0) == pytest.approx(0.6821, abs=5e-5)
    assert mean_wait(11, 10.0, 180.0) == pytest.approx(122.8, abs=0.05)
    # Textbook exercise (120 customers an hour, 3 minutes each, 10 servers → 6 erlangs):
    # "from the Erlang C curve, the probability of waiting is about 0.10".
    assert erlang_c(10, 6.0) == pytest.approx(0.10, abs=0.005)
    # Help desk, 30 calls an hour, 5 minutes (2.5 erlangs): 90 % not delayed needs 6 agents.
    assert erlang_c(5, 2.5) > 0.1 > erlang_c(6, 2.5)


@pytest.mark.parametrize(
    ("servers", "traffic"),
    [(1, Fraction(1, 2)), (2, Fraction(3, 2)), (7, Fraction(5)), (15, Fraction(27, 2)),
     (30, Fraction(25))],
)  # fmt: skip
def test_erlang_c_matches_the_direct_formula(servers: int, traffic: Fraction) -> None:
    assert erlang_c(servers, float(traffic)) == pytest.approx(
        float(_erlang_c_direct(servers, traffic)), rel=1e-12
    )


def test_erlang_c_is_stable_for_large_systems() -> None:
    # Factorials of 2,000 overflow floats; the recursion does not.
    value = erlang_c(2000, 1950.0)
    assert 0 < value < 1
    assert value == pytest.approx(_erlang_c_log(2000, 1950.0), rel=1e-9)
    assert erlang_c(5000, 100.0) == 0.0  # underflows cleanly to 0
    assert erlang_b(0, 3.0) == 1.0


def test_erlang_edge_cases_and_errors() -> None:
    assert erlang_c(3, 0.0) == 0.0
    assert erlang_c(3, 3.0) == 1.0  # unstable queue: everyone waits
    assert mean_wait(3, 3.0, 5.0) == math.inf
    assert mean_wait(3, 0.0, 5.0) == 0.0
    for call in (
        lambda: erlang_b(-1, 1.0),
        lambda: erlang_b(2.0, 1.0),  # type: ignore[arg-type]
        lambda: erlang_b(2, -1.0),
        lambda: erlang_c(2, "1"),  # type: ignore[arg-type]
        lambda: mean_wait(2, 1.0, -5),
    ):
        with pytest.raises(InputTypeError):
            call()


@settings(max_examples=60, deadline=None)
@given(
    st.floats(min_value=0.05, max_value=60.0, allow_nan=False),
    st.floats(min_value=0.5, max_value=30.0, allow_nan=False),
    st.floats(min_value=0.01, max_value=1.0),
    st.floats(min_value=0.1, max_value=30.0),
)
def test_counters_needed_is_the_smallest_that_meets_targets(
    arrivals: float, service: float, probability: float, wait: float
) -> None:
    targets = QueueTargets(max_mean_wait_minutes=wait, max_wait_probability=probability)
    result = counters_needed(arrivals, service, targets)
    load = arrivals * service / 60
    assert result.servers > load
    assert result.wait_probability <= probability
    assert result.mean_wait_minutes <= wait
    assert result.wait_probability == pytest.approx(erlang_c(result.servers, load), rel=1e-9)
    fewer = result.servers - 1
    if fewer > load:
        assert erlang_c(fewer, load) > probability or mean_wait(fewer, load, service) > wait
    assert erlang_c(result.servers, load) >= erlang_b(result.servers, load)


def test_counters_needed_examples() -> None:
    # 30 an hour × 5 min = 2.5 erlangs: 3 counters → P(wait) 0.702, Wq 2.81 min; 4 counters →
    # P(wait) 0.320, Wq = 0.320 × 5 / 1.5 = 1.07 min.
    result = counters_needed(
        30, 5, QueueTargets(max_mean_wait_minutes=15, max_wait_probability=0.5)
    )
    assert (result.servers, round(result.wait_probability, 3)) == (4, 0.32)
    assert result.mean_wait_minutes == pytest.approx(1.0662, abs=1e-4)
    assert result.occupancy == pytest.approx(0.625)
    assert result.wait_longer_than(0) == pytest.approx(result.wait_probability)
    assert result.wait_longer_than(2) == pytest.approx(
        result.wait_probability * math.exp(-1.5 * 2 / 5)
    )
    none = counters_needed(0, 5)
    assert (none.servers, none.wait_probability, none.wait_longer_than(1)) == (0, 0.0, 0.0)
    with pytest.raises(InputTypeError):
        counters_needed(10, 5, targets={"max_wait_probability": 0.2})  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        counters_needed(-1, 5)
    for bad in (
        {"max_mean_wait_minutes": 0},
        {"max_wait_probability": 0},
        {"max_wait_probability": 2},
    ):
        with pytest.raises(InputTypeError):
            QueueTargets(**bad)
    defaults = QueueTargets()
    assert (defaults.max_mean_wait_minutes, defaults.max_wait_probability) == (15.0, 0.5)
