"""Shared helpers of the benchmarks in bench/ (timing, machine, calendar encodings)."""

from __future__ import annotations

import gc
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

perf_ns = time.perf_counter_ns
ONE = timedelta(days=1)
UNIX_ORD = date(1970, 1, 1).toordinal()


def nproc() -> int:
    """The CPUs this process may run on (what ``nproc`` prints)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def cpu_model() -> str:
    """The CPU model, read from ``/proc/cpuinfo`` (``platform.processor()`` elsewhere)."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def machine() -> str:
    cpu = cpu_model()
    import holidays
    import numpy

    try:
        import pandas

        pandas_version = pandas.__version__
    except ImportError:
        pandas_version = "-"
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{cpu}, {os.cpu_count()} cores (nproc {nproc()}), {platform.system()} "
        f"{platform.release()}, "
        f"{platform.python_implementation()} {platform.python_version()}; numpy "
        f"{numpy.__version__}, pandas {pandas_version}, holidays {holidays.__version__}; "
        f"load average {load}"
    )


def time_calls(
    fn: Callable[..., Any], args: Sequence[tuple[Any, ...]], repeats: int, target_s: float
) -> float:
    """Median ns per call of ``fn(*a)`` cycling over ``args`` (calibrated, gc off)."""
    return time_cell({"fn": (fn, args)}, repeats, target_s)["fn"]


def time_cell(
    cands: dict[str, tuple[Callable[..., Any], Sequence[tuple[Any, ...]]]],
    repeats: int,
    target_s: float,
    *,
    clock: Callable[[], int] = perf_ns,
) -> dict[str, float]:
    """Median ns per call of each candidate; repeats interleaved in rotating order, so that
    noise from other processes on the machine hits every candidate alike.

    ``clock`` is wall time by default; ``cpu_ns`` (this process's CPU time) leaves out the time
    the process waits for a core, the steadier figure on a shared machine.
    """
    loops: dict[str, int] = {}
    for key, (fn, args) in cands.items():
        n = 1
        while True:
            elapsed = _loop(fn, args, n, clock)
            if elapsed >= target_s * 1e9 * 0.2 or n > 1 << 20:
                break
            n *= 2
        loops[key] = max(1, int(n * target_s * 1e9 / max(elapsed, 1)))
    samples: dict[str, list[float]] = {key: [] for key in cands}
    keys = list(cands)
    for r in range(repeats):
        for key in keys[r % len(keys) :] + keys[: r % len(keys)]:
            fn, args = cands[key]
            samples[key].append(_loop(fn, args, loops[key], clock) / (loops[key] * len(args)))
    return {key: statistics.median(values) for key, values in samples.items()}


cpu_ns = time.process_time_ns
"""CPU time of this process, in ns (a ``clock`` for :func:`time_cell`)."""


def _loop(
    fn: Callable[..., Any],
    args: Sequence[tuple[Any, ...]],
    loops: int,
    clock: Callable[[], int] = perf_ns,
) -> int:
    gc.collect()
    gc.disable()
    try:
        start = clock()
        for _ in range(loops):
            for a in args:
                fn(*a)
        return clock() - start
    finally:
        gc.enable()


def time_once(fn: Callable[[], Any], repeats: int, *, clock: Callable[[], int] = perf_ns) -> float:
    """Median ns of ``fn()`` (gc off); ``clock`` as for :func:`time_cell`."""
    samples = []
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            start = clock()
            fn()
            samples.append(clock() - start)
        finally:
            gc.enable()
    return statistics.median(samples)


def import_ms(statement: str, runs: int = 5) -> float:
    """Median ms of ``statement`` in a fresh interpreter."""
    code = (
        "import time; t = time.perf_counter(); "
        + statement
        + "; print((time.perf_counter() - t) * 1e3)"
    )
    values = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        values.append(float(out.strip().splitlines()[-1]))
    return statistics.median(values)


def exact_numpy_calendar(cal: Any) -> Any:
    """numpy busdaycalendar encoding tthc's calendar exactly.

    numpy cannot declare a weekend day a working day, so the only exact encoding is a weekmask
    with all seven days on and every non-working day (weekends minus make-up Saturdays, plus
    weekday holidays) listed as a holiday.
    """
    import numpy as np

    index = cal.index
    working = np.frombuffer(index.working, dtype=np.uint8).astype(bool)
    days = np.datetime64(index.first_day, "D") + np.arange(len(working))
    return np.busdaycalendar(weekmask="1111111", holidays=days[~working])


def natural_numpy_calendar(cal: Any) -> Any:
    """The natural (WRONG) encoding: Mon–Fri weekmask + the weekday days off as holidays."""
    import numpy as np

    off = [
        info.date
        for info in cal.iter_days(cal.first_day, cal.last_day)
        if not info.is_working_day and info.date.weekday() < 5
    ]
    return np.busdaycalendar(weekmask="1111100", holidays=np.array(off, dtype="M8[D]"))


def holidays_vn(first: int, last: int) -> Any:
    import holidays

    return holidays.country_holidays("VN", years=range(first, last + 1))


def fmt_ns(x: float | None) -> str:
    if x is None:
        return "-"
    return f"{x:,.0f}" if x >= 100 else f"{x:.1f}"


def fmt_ratio(x: float | None) -> str:
    if x is None:
        return "-"
    if x >= 10:
        return f"{x:,.0f}x"
    return f"{x:.2f}x" if x < 1 else f"{x:.1f}x"


def table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
