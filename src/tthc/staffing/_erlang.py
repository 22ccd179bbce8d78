"""Erlang B and C (M/M/c): the reception desk as a queue, and the counters it needs.

Erlang B is computed by the recursion ``B(k) = A·B(k−1) / (k + A·B(k−1))``, whose terms stay in
[0, 1], and ``C = c·B / (c − A(1 − B))``: no factorial is formed, so 2,000 counters are as stable
as two (A. K. Erlang, 1917).
"""

from __future__ import annotations

import math
from typing import Any

import attrs

from tthc._validate import require_int
from tthc.errors import InputTypeError
from tthc.staffing._assumptions import default_float
from tthc.staffing._numbers import as_float

__all__: list[str] = []  # private module: the public names are exported by tthc.staffing


MAX_SERVERS = 1_000_000
"""The most counters, and erlangs of traffic, a queue may have: the recursion takes one step
per counter, so a bound keeps every answer under a second (a real desk has a few dozen)."""


def _servers(value: object, name: str = "servers") -> int:
    servers = require_int(value, name)
    if not 0 <= servers <= MAX_SERVERS:
        raise InputTypeError(
            f"Số quầy (counters): {name} must be between 0 and {MAX_SERVERS:,}, "
            f"got {str(servers)[:20]}",
            argument=name,
        )
    return servers


def _traffic(value: object, name: str = "traffic") -> float:
    load = as_float(value, name)
    _check_load(load, name)
    return load


def _check_load(load: float, name: str) -> None:
    if load > MAX_SERVERS:
        raise InputTypeError(
            f"Lưu lượng (offered traffic): {name} must be at most {MAX_SERVERS:,} erlangs, "
            f"got {load:.6g}",
            argument=name,
        )


def erlang_b(servers: int, traffic: float) -> float:
    """Return the Erlang B blocking probability B(c, A), by the stable recursion.

    ``B(0) = 1``; ``B(k) = A·B(k−1) / (k + A·B(k−1))``. Every intermediate lies in [0, 1], so no
    factorial or power overflows, whatever ``c``.

    Args:
        servers: Number of servers ``c`` (0 or more).
        traffic: Offered traffic ``A = λ/μ`` in erlangs (0 or more).

    Raises:
        InputTypeError: wrong type, a negative value, or more than `MAX_SERVERS`
            counters or erlangs.
    """
    servers = _servers(servers)
    load = _traffic(traffic)
    blocking = 1.0
    for k in range(1, servers + 1):
        blocking = load * blocking / (k + load * blocking)
    return blocking


def erlang_c(servers: int, traffic: float) -> float:
    """Return the Erlang C probability that an arrival waits, C(c, A), for an M/M/c queue.

    ``C = c·B / (c − A·(1 − B))`` with ``B = erlang_b(c, A)``. When ``A >= c`` the queue grows
    without bound and every arrival eventually waits: the result is 1.0.

    Example:
        >>> round(erlang_c(3, 2.0), 6)  # 4/9
        0.444444

    Raises:
        InputTypeError: wrong type, a negative value, or more than `MAX_SERVERS`
            counters or erlangs.
    """
    servers = _servers(servers)
    load = _traffic(traffic)
    if load == 0:
        return 0.0
    if servers <= load:
        return 1.0
    blocking = erlang_b(servers, load)
    return servers * blocking / (servers - load * (1.0 - blocking))


def mean_wait(servers: int, traffic: float, service_time: float) -> float:
    """Return the mean wait in the queue, ``W_q = C(c, A) · s / (c − A)``, in ``service_time`` units.

    Infinite (``math.inf``) when ``A >= c``.

    Raises:
        InputTypeError: wrong type, a negative value, or more than `MAX_SERVERS`
            counters or erlangs.
    """
    servers = _servers(servers)
    load = _traffic(traffic)
    service = as_float(service_time, "service_time")
    if load == 0 or service == 0:
        return 0.0
    if servers <= load:
        return math.inf
    return erlang_c(servers, load) * service / (servers - load)


def _positive_wait(_instance: Any, attribute: Any, value: object) -> None:
    if as_float(value, attribute.name) <= 0:
        raise InputTypeError(
            "Mục tiêu chờ (queue target): max_mean_wait_minutes must be positive",
            argument=attribute.name,
        )


def _probability(_instance: Any, attribute: Any, value: object) -> None:
    if not 0 < as_float(value, attribute.name) <= 1:
        raise InputTypeError(
            "Mục tiêu chờ (queue target): max_wait_probability must be in (0, 1]",
            argument=attribute.name,
        )


@attrs.frozen(slots=True)
class QueueTargets:
    """Service targets for the reception desk.

    Attributes:
        max_mean_wait_minutes: Upper bound on the mean wait in the queue (default from the
            assumptions file: 15 minutes, a planning assumption).
        max_wait_probability: Upper bound on the probability that a visitor waits at all, in
            (0, 1] (default 0.5, a planning assumption).
    """

    max_mean_wait_minutes: float = attrs.field(
        factory=lambda: default_float("max_mean_wait_minutes"), validator=_positive_wait
    )
    max_wait_probability: float = attrs.field(
        factory=lambda: default_float("max_wait_probability"), validator=_probability
    )


@attrs.frozen(slots=True)
class QueueResult:
    """The reception queue with a given number of counters (an M/M/c model).

    Attributes:
        arrivals_per_hour: Mean arrivals per hour ``λ``.
        mean_service_minutes: Mean service time per visitor at the counter.
        traffic: Offered traffic in erlangs, ``A = λ · s``.
        servers: Number of counters ``c``.
        occupancy: ``A / c``, the share of time a counter is busy.
        wait_probability: Erlang C: probability that a visitor waits.
        mean_wait_minutes: Mean wait in the queue over all visitors.
    """

    arrivals_per_hour: float
    mean_service_minutes: float
    traffic: float
    servers: int
    occupancy: float
    wait_probability: float
    mean_wait_minutes: float

    def wait_longer_than(self, minutes: float) -> float:
        """Return the probability that a visitor waits more than ``minutes``.

        ``P(W > t) = C · exp(−(c − A) · t / s)``.
        """
        limit = as_float(minutes, "minutes")
        if self.traffic == 0 or self.mean_service_minutes == 0:
            return 0.0
        if self.servers <= self.traffic:
            return 1.0
        return self.wait_probability * math.exp(
            -(self.servers - self.traffic) * limit / self.mean_service_minutes
        )


def _queue_result(arrivals: float, service: float, servers: int, blocking: float) -> QueueResult:
    load = arrivals * service / 60.0
    if load == 0:
        return QueueResult(arrivals, service, 0.0, servers, 0.0, 0.0, 0.0)
    probability = servers * blocking / (servers - load * (1.0 - blocking))
    return QueueResult(
        arrivals_per_hour=arrivals,
        mean_service_minutes=service,
        traffic=load,
        servers=servers,
        occupancy=load / servers,
        wait_probability=probability,
        mean_wait_minutes=probability * service / (servers - load),
    )


def counters_needed(
    arrivals_per_hour: float,
    mean_service_minutes: float,
    targets: QueueTargets | None = None,
) -> QueueResult:
    """Return the fewest counters that keep the mean wait and P(wait) within ``targets``.

    Searches ``c = ⌊A⌋ + 1, ⌊A⌋ + 2, …`` (the smallest stable numbers), updating Erlang B by
    one recursion step per extra counter. No arrivals (or no counter time) needs 0 counters.

    Example:
        >>> r = counters_needed(30, 5)  # 30 visitors an hour, 5 minutes each: A = 2.5 erlangs
        >>> r.servers, round(r.wait_probability, 3), round(r.mean_wait_minutes, 2)
        (4, 0.32, 1.07)

    Raises:
        InputTypeError: a negative or non-numeric rate or time, a wrong ``targets``, or more
            than `MAX_SERVERS` erlangs of traffic.
    """
    arrivals = as_float(arrivals_per_hour, "arrivals_per_hour")
    service = as_float(mean_service_minutes, "mean_service_minutes")
    if targets is None:
        targets = QueueTargets()
    elif not isinstance(targets, QueueTargets):
        raise InputTypeError(
            "Mục tiêu chờ (queue target): targets must be a QueueTargets", argument="targets"
        )
    return queue_for(arrivals, service, targets)


def queue_for(arrivals: float, service: float, targets: QueueTargets) -> QueueResult:
    """[`counters_needed`][tthc.staffing.counters_needed] for arguments already checked (non-negative finite floats)."""
    load = arrivals * service / 60.0
    _check_load(load, "traffic")
    if load == 0:
        return _queue_result(arrivals, service, 0, 1.0)
    servers = math.floor(load) + 1
    blocking = erlang_b(servers, load)
    while True:
        result = _queue_result(arrivals, service, servers, blocking)
        if (
            result.wait_probability <= targets.max_wait_probability
            and result.mean_wait_minutes <= targets.max_mean_wait_minutes
        ):
            return result
        servers += 1
        blocking = load * blocking / (servers + load * blocking)
