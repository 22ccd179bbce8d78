"""Erlang B/C, counters, demand rows and month arguments in full (issue 17, item 5).

Erlang values are checked against the textbook closed forms (A. K. Erlang, 1917):
``B(1, A) = A / (1 + A)``; ``C(2, 1) = 1/3``; ``W_q = C · s / (c − A)``.
"""

from __future__ import annotations

import decimal
import io
import math
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from tthc.errors import DataFileError, InputTypeError
from tthc.staffing import (
    Demand,
    DemandRow,
    Month,
    QueueTargets,
    compute_demand,
    counters_needed,
    effort_table,
    erlang_b,
    erlang_c,
    mean_wait,
    read_efforts,
)
from tthc.staffing._months import require_month
from tthc.staffing._numbers import exact, to_decimal

_MONTH_HINT = "Month(2026, 1) or Month.parse('2026-01')"


def _refused(call: Any, message: str, hint: str | None = None, **context: str) -> None:
    with pytest.raises(InputTypeError) as caught:
        call()
    assert (caught.value.message, caught.value.hint) == (message, hint)
    assert dict(caught.value.context) == context


def test_erlang_values() -> None:
    assert erlang_b(0, 2.0) == 1.0
    assert erlang_b(0, 0.0) == 1.0
    assert erlang_b(3, 0.0) == 0.0  # no traffic: nobody is blocked
    assert erlang_b(1, 2.0) == pytest.approx(2 / 3, rel=1e-15)
    assert erlang_b(2, 2.0) == pytest.approx((2**2 / 2) / (1 + 2 + 2**2 / 2), rel=1e-15)
    assert erlang_b(1_000_000, 1.0) == 0.0  # the largest desk allowed
    assert erlang_c(2, 1.0) == pytest.approx(1 / 3, rel=1e-15)
    assert erlang_c(2, 0.0) == 0.0
    assert erlang_c(2, 2.0) == 1.0
    assert mean_wait(2, 1.0, 3.0) == pytest.approx(1.0, rel=1e-15)
    assert mean_wait(2, 1.0, 1.0) == pytest.approx(1 / 3, rel=1e-15)
    assert mean_wait(3, 1.0, 1.0) == pytest.approx(erlang_c(3, 1.0) / 2, rel=1e-15)
    assert mean_wait(2, 0.0, 3.0) == 0.0
    assert mean_wait(2, 1.0, 0.0) == 0.0
    assert mean_wait(2, 2.0, 1.0) == math.inf
    assert mean_wait(2, 3.0, 1.0) == math.inf


def test_erlang_refusals() -> None:
    for servers in (-1, 1_000_001):
        _refused(
            lambda servers=servers: erlang_b(servers, 1.0),
            f"Số quầy (counters): servers must be between 0 and 1,000,000, got {servers}",
            argument="servers",
        )
    _refused(
        lambda: erlang_c(10**30, 1.0),
        "Số quầy (counters): servers must be between 0 and 1,000,000, got " + str(10**30)[:20],
        argument="servers",
    )
    _refused(
        lambda: mean_wait(1.5, 1.0, 1.0),  # type: ignore[arg-type]
        "Số (number): servers must be an integer, got float",
        argument="servers",
        got="float",
    )
    _refused(
        lambda: erlang_b(2, -1.0),
        "Số (number): traffic must be zero or more, got -1.0",
        argument="traffic",
        value="-1.0",
    )
    _refused(
        lambda: erlang_c(2, 1e6 + 1),
        "Lưu lượng (offered traffic): traffic must be at most 1,000,000 erlangs, got 1e+06",
        argument="traffic",
    )
    _refused(
        lambda: mean_wait(2, 1.0, -1),
        "Số (number): service_time must be zero or more, got -1",
        argument="service_time",
        value="-1",
    )


def test_counters_needed_refusals() -> None:
    _refused(
        lambda: counters_needed(-1, 1),
        "Số (number): arrivals_per_hour must be zero or more, got -1",
        argument="arrivals_per_hour",
        value="-1",
    )
    _refused(
        lambda: counters_needed(1, -1),
        "Số (number): mean_service_minutes must be zero or more, got -1",
        argument="mean_service_minutes",
        value="-1",
    )
    _refused(
        lambda: counters_needed(1, 1, targets=5),  # type: ignore[arg-type]
        "Mục tiêu chờ (queue target): targets must be a QueueTargets",
        argument="targets",
    )
    _refused(
        lambda: counters_needed(61e6, 1),
        "Lưu lượng (offered traffic): traffic must be at most 1,000,000 erlangs, got 1.01667e+06",
        argument="traffic",
    )


def test_month_arguments() -> None:
    assert require_month(Month(2026, 1)) == Month(2026, 1)
    _refused(
        lambda: require_month("2026-01"),
        "Tháng (month): month must be a tthc.staffing.Month, got str",
        _MONTH_HINT,
        argument="month",
    )
    _refused(
        lambda: require_month(5, "start"),
        "Tháng (month): start must be a tthc.staffing.Month, got int",
        _MONTH_HINT,
        argument="start",
    )


def test_demand_rows_in_full() -> None:
    jan, feb = Month(2026, 1), Month(2026, 2)
    counts = [
        {"unit_code": "B", "procedure_code": "P", "month": "2026-02", "count": 2},
        {"unit_code": "A", "procedure_code": "P", "month": "2026-02", "count": 3},
        {"unit_code": "A", "procedure_code": "P", "month": "2026-01", "count": 4},
        {"unit_code": "A", "procedure_code": "Q", "month": "2026-01", "count": 5},
    ]
    given: dict[str, dict[str, int | str]] = {
        "P": {"zeta": 1, "approval": 2, "reception": "0,5"},
        "Q": {"reception": 3},
    }
    efforts = effort_table(given)
    demand = compute_demand(counts, efforts)
    assert demand == Demand(
        rows=(
            DemandRow("A", jan, "reception", 9, Decimal("17.0")),
            DemandRow("A", jan, "approval", 4, Decimal(8)),
            DemandRow("A", jan, "zeta", 4, Decimal(4)),
            DemandRow("A", feb, "reception", 3, Decimal("1.5")),
            DemandRow("A", feb, "approval", 3, Decimal(6)),
            DemandRow("A", feb, "zeta", 3, Decimal(3)),
            DemandRow("B", feb, "reception", 2, Decimal("1.0")),
            DemandRow("B", feb, "approval", 2, Decimal(4)),
            DemandRow("B", feb, "zeta", 2, Decimal(2)),
        )
    )
    assert demand.minutes() == Decimal("46.5")
    assert demand.minutes(month=jan) == Decimal(29)
    assert demand.minutes(unit_code="A", role="approval", month=feb) == Decimal(6)
    assert demand.hours(month=jan) == Decimal("0.48")
    assert demand.hours(unit_code="B") == Decimal("0.12")
    assert demand.hours(role="approval", month=feb) == Decimal("0.17")
    assert Demand(rows=()).minutes() == Decimal(0)
    _refused(
        lambda: compute_demand(counts, {"P": {}}),  # type: ignore[arg-type]
        "Thời gian xử lý (staff effort): efforts must be an EffortTable (see effort_table())",
        argument="efforts",
    )


def test_effort_file_size_cap() -> None:
    with pytest.raises(DataFileError) as caught:
        read_efforts(io.StringIO("procedure_code,role,minutes\nP,r,1\n"), max_bytes=5)
    assert caught.value.message == "Tệp dữ liệu (data file) <stream> is larger than 5 bytes"
    assert dict(caught.value.context) == {"file": "<stream>", "max_bytes": 5}


def test_largest_traffic_and_rounding_whatever_the_context() -> None:
    assert erlang_c(2, 1_000_000.0) == 1.0  # the bound itself is allowed
    with pytest.raises(InputTypeError) as caught:
        exact(Decimal("1" * 50 + "E+60"), "x")
    assert dict(caught.value.context) == {
        "argument": "x",
        "value": "1." + "1" * 38,
    }  # 40 characters
    # Half to even, also when the caller's decimal context rounds otherwise.
    with decimal.localcontext() as context:
        context.rounding = decimal.ROUND_HALF_UP
        assert to_decimal(Fraction(1, 8)) == Decimal("0.12")
        assert to_decimal(Decimal("0.125")) == Decimal("0.12")


@pytest.mark.parametrize(
    ("given", "message", "context"),
    [
        ((0, 0.5), "Mục tiêu chờ (queue target): max_mean_wait_minutes must be positive",
         {"argument": "max_mean_wait_minutes"}),
        ((15, 0), "Mục tiêu chờ (queue target): max_wait_probability must be in (0, 1]",
         {"argument": "max_wait_probability"}),
        ((15, 1.5), "Mục tiêu chờ (queue target): max_wait_probability must be in (0, 1]",
         {"argument": "max_wait_probability"}),
        ((-1, 0.5), "Số (number): max_mean_wait_minutes must be zero or more, got -1",
         {"argument": "max_mean_wait_minutes", "value": "-1"}),
        ((15, "x"), "Số (number): max_wait_probability must be a number, got str",
         {"argument": "max_wait_probability", "got": "str"}),
    ],
)  # fmt: skip
def test_queue_targets_refused(
    given: tuple[Any, Any], message: str, context: dict[str, str]
) -> None:
    _refused(lambda: QueueTargets(*given), message, **context)
    assert QueueTargets(0.5, 1) == QueueTargets(max_mean_wait_minutes=0.5, max_wait_probability=1)
