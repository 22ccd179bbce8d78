"""Workflow checks speed: ``tthc.workflows.validate`` on large synthetic processes (issue 20).

Run: python bench/bench_workflows.py [--steps 1000] [--repeat 7] [--quick]

``validate`` was quadratic in the number of steps (0.5–0.8 s at 2,000 steps). The target is
linear: the time at 4N steps within about 5× the time at N steps (a linear algorithm gives 4×,
a quadratic one 16×). Four SYNTHETIC shapes, each at N, 2N and 4N steps:

* ``chain``: one step after the other (the longest critical path);
* ``phases``: the chain cut into 10 phases (each phase's first step waits on the barrier);
* ``branches``: 8 parallel branches from the intake step, joined by the signing step;
* ``broken``: a chain with a ring of N/4 steps hanging off it and N/4 unreachable steps (the
  graph findings, no critical path).

The floor column is a bare Python loop over the same steps that builds a dict of dependencies
and walks it once (the least a graph check can cost). Times are medians of ``--repeat`` runs,
the three sizes interleaved, in CPU time of the process (``time.process_time``: on the shared
machine the wall time also counts the waits for a core).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench_common import machine

from tthc.deadlines import Duration
from tthc.workflows import Phase, Step, Workflow, validate

ON = dt.date(2026, 6, 1)
H = Duration.working_hours
TARGET = 5.0


def _step(sid: str, *deps: str, **kw: object) -> Step:
    return Step(sid, f"Bước {sid}", "Công chức", H(1), depends_on=deps, **kw)  # type: ignore[arg-type]


def chain(n: int) -> Workflow:
    steps = [
        _step(f"s{i}", *((f"s{i - 1}",) if i else ()), is_intake=i == 0, is_return=i == n - 1)
        for i in range(n)
    ]
    return Workflow("1.001193", "bench", tuple(steps), legal_limit=H(n))


def phased(n: int, phases: int = 10) -> Workflow:
    per = -(-n // phases)
    steps = []
    for i in range(n):
        deps = (f"s{i - 1}",) if i % per else ()
        steps.append(
            _step(f"s{i}", *deps, phase=f"p{i // per}", is_intake=i == 0, is_return=i == n - 1)
        )
    ph = tuple(Phase(f"p{k}", f"Giai đoạn {k}") for k in range(phases))
    return Workflow("1.001193", "bench", tuple(steps), legal_limit=H(n), phases=ph)


def branches(n: int, width: int = 8) -> Workflow:
    steps = [_step("s0", is_intake=True)]
    body = n - 3
    for i in range(body):
        b = i % width
        prev = f"s{i + 1 - width}" if i >= width else "s0"
        steps.append(_step(f"s{i + 1}", prev, branch=f"nhánh {b}"))
    tails = tuple(f"s{body - k}" for k in range(min(width, body)))
    steps.append(_step("ky", *tails, is_signing=True))
    steps.append(_step("tra", "ky", is_return=True))
    return Workflow("1.001193", "bench", tuple(steps), legal_limit=H(n))


def broken(n: int) -> Workflow:
    quarter = n // 4
    steps = [_step("s0", is_intake=True)]
    steps += [_step(f"s{i}", f"s{i - 1}") for i in range(1, n - 2 * quarter)]
    ring = [f"r{i}" for i in range(quarter)]
    steps += [_step(r, ring[i - 1], "s0") for i, r in enumerate(ring)]
    steps += [_step(f"u{i}") for i in range(quarter)]
    steps[n - 2 * quarter - 1] = _step(f"s{n - 2 * quarter - 1}", is_return=True)
    return Workflow("1.001193", "bench", tuple(steps), legal_limit=H(n))


def floor(workflow: Workflow) -> None:
    """Bare loop: dict of dependencies, one walk from every root."""
    deps = {s.id: s.depends_on for s in workflow.steps}
    seen: set[str] = set()
    for sid, ds in deps.items():
        for d in ds:
            if d in deps:
                seen.add(d)
        seen.add(sid)


def median_s(fn: Callable[[], object], repeat: int) -> float:
    """Median CPU seconds of ``fn()`` over ``repeat`` calls."""
    samples = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        samples.append(time.process_time() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--steps", type=int, default=1000, help="N (default 1000)")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="N = 200, 3 repeats")
    args = parser.parse_args()
    n, repeat = (200, 3) if args.quick else (args.steps, args.repeat)
    command = f"python bench/bench_workflows.py --steps {n} --repeat {repeat}"
    print(f"Machine: {machine()}")
    print(f"Command: {command}")
    print(
        "| shape | N | ms at N | ms at 2N | ms at 4N | µs/step at 4N | ratio 4N/N "
        f"(target ≤ {TARGET:g}) | floor ms at 4N | met |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    worst = 0.0
    for name, build in (("chain", chain), ("phases", phased), ("branches", branches)):
        worst = max(worst, _row(name, build, n, repeat))
    worst = max(worst, _row("broken", broken, n, repeat))
    print(f"worst ratio 4N/N: {worst:.2f} (target ≤ {TARGET:g}; linear 4, quadratic 16)")


def _row(name: str, build: Callable[[int], Workflow], n: int, repeat: int) -> float:
    workflows = [build(size) for size in (n, 2 * n, 4 * n)]
    for workflow in workflows:
        validate(workflow, on=ON)  # warm: caches of the rules, the first calendar
    samples: list[list[float]] = [[], [], []]
    for _ in range(repeat):  # the sizes interleaved, so that the load hits them alike
        for index, workflow in enumerate(workflows):
            samples[index].append(median_s(lambda w=workflow: validate(w, on=ON), 1))
    times = [statistics.median(values) for values in samples]
    bare = median_s(lambda: floor(workflows[2]), repeat)
    ratio = times[2] / times[0]
    print(
        f"| {name} | {n:,} | {times[0] * 1e3:.1f} | {times[1] * 1e3:.1f} | {times[2] * 1e3:.1f} "
        f"| {times[2] / (4 * n) * 1e6:.1f} | {ratio:.2f} | {bare * 1e3:.2f} "
        f"| {'yes' if ratio <= TARGET else 'NO'} |",
        flush=True,
    )
    return ratio


if __name__ == "__main__":
    main()
