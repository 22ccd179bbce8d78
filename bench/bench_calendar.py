#!/usr/bin/env python3
"""Scalar working-day arithmetic: tthc vs numpy.busday_offset (exact encoding) vs holidays.

Issue 2's benchmark: ns per call of ``add_working_days``, ``working_days_between`` and
``is_working_day`` on the national public-sector calendar, in one run, with ratios to one exact
``numpy.busday_*`` call. numpy gets tthc's calendar encoded exactly (weekmask ``1111111`` + every
non-working day as a holiday: the only way to express make-up Saturdays); the natural encoding
(Mon–Fri weekmask + holidays) is timed too and reported as WRONG with its mismatch count.
``holidays`` is timed with its own methods on its own calendar, which lags the official
announcements: its mismatches against tthc are counted, not hidden.

Also the cold start (issue 20, item 5): the first ``civil_service_calendar()`` and ``import
tthc.deadlines`` in fresh interpreters, against a bare ``import tthc`` timed the same way in the
same run (target: the first calendar within 3× a bare import).

Run: ``python bench/bench_calendar.py`` (about a minute); ``--quick`` for a smoke run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from _bench_common import (
    ONE,
    exact_numpy_calendar,
    fmt_ns,
    fmt_ratio,
    holidays_vn,
    machine,
    natural_numpy_calendar,
    table,
    time_cell,
)

A_NS = (1, 30, 365)
B_SPANS = (("1m", 30), ("1y", 365))
LO, HI = date(2020, 1, 1), date(2026, 12, 31)


def implementations(cal: Any) -> dict[str, dict[str, Callable[..., Any]]]:
    import numpy as np

    exact = exact_numpy_calendar(cal)
    natural = natural_numpy_calendar(cal)
    h = holidays_vn(cal.first_day.year, cal.last_day.year)
    offset, count, is_busday = np.busday_offset, np.busday_count, np.is_busday

    def numpy_impl(bc: Any) -> dict[str, Callable[..., Any]]:
        # With roll backward and n >= 1, busday_offset gives the n-th working day strictly
        # after d. busday_count counts the half-open [begin, end), so (a, b] is shifted by a day.
        return {
            "add": lambda d, n: offset(d, n, roll="backward", busdaycal=bc).item(),
            "between": lambda a, b: int(count(a + ONE, b + ONE, busdaycal=bc)),
            "is": lambda d: bool(is_busday(d, busdaycal=bc)),
        }

    return {
        "tthc": {
            "add": cal.add_working_days,
            "between": cal.working_days_between,
            "is": cal.is_working_day,
        },
        "numpy exact": numpy_impl(exact),
        "holidays": {
            "add": h.get_nth_working_day,
            # closed interval [start, end] and swapped arguments: (a, b] needs a + 1 and a guard
            "between": lambda a, b: h.get_working_days_count(a + ONE, b) if b > a else 0,
            "is": h.is_working_day,
        },
        "numpy natural (WRONG)": numpy_impl(natural),
    }


def mismatches(cal: Any, impls: dict[str, Any], rng: random.Random, n_cases: int) -> dict[str, str]:
    """Count disagreements with tthc on random cases + cases around every make-up Saturday."""
    span = (HI - LO).days
    starts = [LO + timedelta(days=rng.randrange(span)) for _ in range(n_cases)]
    cases = [(d, rng.randint(1, 60)) for d in starts]
    saturdays = [i.date for i in cal.special_days() if i.is_working_day and LO <= i.date <= HI]
    cases += [(s + timedelta(days=k), n) for s in saturdays for k in range(-7, 1) for n in (1, 2)]
    expected = [cal.add_working_days(d, n) for d, n in cases]
    out = {}
    for key, ops in impls.items():
        wrong = sum(ops["add"](d, n) != e for (d, n), e in zip(cases, expected, strict=True))
        out[key] = f"{wrong}/{len(cases)}"
    return out


def run(args: argparse.Namespace) -> dict[str, Any]:
    from tthc.calendar import civil_service_calendar

    cal = civil_service_calendar()
    impls = implementations(cal)
    rng = random.Random(args.seed)
    span = (HI - LO).days
    starts = [LO + timedelta(days=rng.randrange(span)) for _ in range(1000)]
    cells: list[tuple[str, str, list[tuple[Any, ...]]]] = []
    cells += [(f"add n={n}", "add", [(d, n) for d in starts]) for n in A_NS]
    cells += [
        (f"between {name}", "between", [(d, d + timedelta(days=k)) for d in starts])
        for name, k in B_SPANS
    ]
    cells.append(("is_working_day", "is", [(d,) for d in starts]))
    results: dict[str, dict[str, float]] = {key: {} for key in impls}
    for label, op, cell_args in cells:
        cell = time_cell(
            {key: (ops[op], cell_args) for key, ops in impls.items()}, args.repeats, args.target
        )
        for key, value in cell.items():
            results[key][label] = value
    return {
        "machine": machine(),
        "cells": [label for label, _, _ in cells],
        "ns": results,
        "mismatches_vs_tthc": mismatches(cal, impls, rng, args.cases),
    }


#: Cold start (issue 20, item 5): statements timed in fresh interpreters, in-process from just
#: before the statement (interpreter start-up left out; CPU time), interleaved run by run.
COLD = {
    "import tthc": "import tthc",
    "first civil-service calendar": (
        "import tthc.calendar; tthc.calendar.civil_service_calendar()"
    ),
    "import tthc.deadlines": "import tthc.deadlines",
    "floor: import tthc, attrs, tthc._data (what the calendar's own code needs)": (
        "import tthc, attrs, tthc._data"
    ),
    "floor: import tthc, attrs (the calendar's classes are attrs classes)": "import tthc, attrs",
    "floor: import tthc.calendar (its modules, no calendar built)": "import tthc.calendar",
}
COLD_TARGET = 3.0


def cold(runs: int, *, bytecode: bool = False) -> dict[str, list[float]]:
    """ms of each COLD statement in ``runs`` fresh interpreters each, interleaved.

    ``bytecode=True`` times the start of an installed tthc, whose modules pip compiled at
    install: the bytecode of every module is cached first, in a scratch directory
    (``PYTHONPYCACHEPREFIX``, one untimed round). Otherwise the environment decides: with
    ``PYTHONDONTWRITEBYTECODE=1`` (as in the development machine's shell) no bytecode is kept,
    and every start compiles tthc's sources again.
    """
    import subprocess
    import sys
    import tempfile

    out: dict[str, list[float]] = {key: [] for key in COLD}
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ)
        if bytecode:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = cache
        for round_ in range(-1 if bytecode else 0, runs):
            for key, statement in COLD.items():
                # CPU time of the process: a wait for one of the shared cores is left out
                code = (
                    "import time; t = time.process_time(); "
                    + statement
                    + "; print((time.process_time() - t) * 1e3)"
                )
                result = subprocess.run(
                    [sys.executable, "-c", code],
                    capture_output=True,
                    text=True,
                    check=True,
                    env=env,
                )
                if round_ >= 0:
                    out[key].append(float(result.stdout.strip().splitlines()[-1]))
    return out


def cold_report(samples: dict[str, list[float]], how: str) -> None:
    import statistics

    median = {key: statistics.median(values) for key, values in samples.items()}
    bare = median["import tthc"]
    runs = len(samples["import tthc"])
    print(f"\ncold start, {how}: {runs} fresh interpreters per statement, interleaved (CPU ms)\n")
    rows = [
        [key, f"{median[key]:.1f}", f"{min(samples[key]):.1f}", fmt_ratio(median[key] / bare)]
        for key in COLD
    ]
    print(table(["statement", "median", "min", "/ import tthc (medians)"], rows))
    ratio = median["first civil-service calendar"] / bare
    verdict = "met" if ratio <= COLD_TARGET else "NOT met"
    print(
        f"\ntarget: first civil-service calendar ≤ {COLD_TARGET:g}× a bare import tthc: "
        f"{ratio:.2f}× — {verdict}"
    )


def report(res: dict[str, Any]) -> None:
    cells, ns = res["cells"], res["ns"]
    print(f"Machine: {res['machine']}\n")
    print("ns per call (median)\n")
    rows = [[key] + [fmt_ns(ns[key][c]) for c in cells] for key in ns]
    print(table(["impl", *cells], rows))
    print("\nratio to one exact numpy.busday_* call (same run; < 1 = faster)\n")
    anchor = ns["numpy exact"]
    rows = [[key] + [fmt_ratio(ns[key][c] / anchor[c]) for c in cells] for key in ns]
    print(table(["impl", *cells], rows))
    print("\nspeed-up of tthc over each (x times faster)\n")
    rows = [
        [key] + [fmt_ratio(ns[key][c] / ns["tthc"][c]) for c in cells]
        for key in ns
        if key != "tthc"
    ]
    print(table(["impl", *cells], rows))
    print(
        "\nadd_working_days results differing from tthc (official calendar), random + around "
        "make-up Saturdays:"
    )
    for key, value in res["mismatches_vs_tthc"].items():
        print(f"- {key}: {value}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--target", type=float, default=0.1, help="seconds per timed repeat")
    parser.add_argument("--cases", type=int, default=20_000, help="random verification cases")
    parser.add_argument("--seed", type=int, default=20260429)
    parser.add_argument("--cold", type=int, default=15, help="fresh interpreters per statement")
    parser.add_argument("--quick", action="store_true", help="smoke run (seconds)")
    parser.add_argument("--json", default="", help="also write the results to this JSON file")
    args = parser.parse_args(argv)
    if args.quick:
        args.repeats, args.target, args.cases, args.cold = 1, 0.002, 200, 1
    res = run(args)
    res["cold_ms"] = cold(args.cold)
    res["cold_ms_bytecode"] = cold(args.cold, bytecode=True)
    report(res)
    cold_report(res["cold_ms_bytecode"], "bytecode cached (an installed tthc)")
    compiled = " (PYTHONDONTWRITEBYTECODE: sources compiled)"
    how = "as this environment runs it" + (
        compiled if os.environ.get("PYTHONDONTWRITEBYTECODE") else ""
    )
    cold_report(res["cold_ms"], how)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(res, handle, indent=1)


if __name__ == "__main__":
    main()
