"""Benchmark of Biểu 07a (tthc.reports): dossiers/s from Dossier objects, rows/s from a table.

Run::

    python bench/bench_reports.py            # 1,000,000 rows, 2,000 dossiers
    python bench/bench_reports.py --rows 200000 --dossiers 500

Prints the machine (CPU read from /proc/cpuinfo), then, measured in one run on one core:

* 07a from dossiers (each replays its event log and is judged at the period end);
* 07a from a table in every container (numpy columns, pandas, pandas with categorical text,
  polars, Arrow), with the target of issue 18: at least 1,000,000 rows in under 2 s;
* the floor: the same aggregation as bare numpy (the comparisons and two ``bincount``), so the
  ratio says what tthc's checks and conversions cost on top.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).parent))
from _bench_common import machine

from tthc._time import VN_TZ
from tthc.deadlines import Duration
from tthc.dossiers import Actor, ActorRole, Channel, Dossier, DossierEvent, EventKind
from tthc.reports import ReportPeriod, form_07a, form_07a_from_table

PERIOD = ReportPeriod.month(2026, 10)
ONE_STOP = Actor(ActorRole.ONE_STOP, "Trung tâm Phục vụ hành chính công")
AUTHORITY = Actor(ActorRole.COMPETENT_AUTHORITY, "UBND phường")


def table(rows: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(7)
    accepted = np.datetime64("2026-08-01") + rng.integers(0, 75, rows).astype("timedelta64[D]")
    result = accepted + rng.integers(0, 45, rows).astype("timedelta64[D]")
    result[rng.random(rows) < 0.25] = np.datetime64("NaT")
    fields = np.array(["Hộ tịch", "Chứng thực", "Đất đai", "Xây dựng"], dtype=object)
    channels = np.array(["counter", "online_full", "online_partial", "post"], dtype=object)
    return {
        "field": fields[rng.integers(0, 4, rows)],
        "channel": channels[rng.integers(0, 4, rows)],
        "accepted_at": accepted,
        "due_date": accepted + rng.integers(1, 30, rows).astype("timedelta64[D]"),
        "result_at": result,
    }


def dossiers(count: int) -> list[Dossier]:
    rng = np.random.default_rng(3)
    out = []
    for i in range(count):
        code = f"HS-{i}"
        day = dt.date(2026, 8, 1) + dt.timedelta(days=int(rng.integers(0, 75)))
        at = dt.datetime.combine(day, dt.time(9), VN_TZ)
        d = Dossier(
            code,
            "1.001193",
            Channel.COUNTER,
            ONE_STOP.unit,
            AUTHORITY.unit,
            Duration.working_days(int(rng.integers(1, 15))),
        )
        d = d.apply(DossierEvent(EventKind.ACCEPTED, code, at, ONE_STOP))
        d = d.apply(
            DossierEvent(
                EventKind.FORWARDED,
                code,
                at + dt.timedelta(minutes=30),
                ONE_STOP,
                to_unit=AUTHORITY.unit,
            )
        )
        if rng.random() < 0.75:
            done = at + dt.timedelta(days=int(rng.integers(1, 40)), hours=2)
            d = d.apply(DossierEvent(EventKind.RESULT_ISSUED, code, done, AUTHORITY))
        out.append(d)
    return out


def floor(columns: dict[str, np.ndarray]) -> None:
    start, end = (np.datetime64(PERIOD.start), np.datetime64(PERIOD.end))
    acc, res, due = columns["accepted_at"], columns["result_at"], columns["due_date"]
    scope = (acc <= end) & (np.isnat(res) | (res >= start))
    field = np.zeros(acc.size, dtype=np.int64)
    resolved = ~np.isnat(res) & (res <= end)
    standing = np.where(resolved, np.sign((res - due).astype(np.int64)) + 1, 3 + (end > due))
    np.bincount((field * 10 + np.where(acc < start, 4, 0))[scope], minlength=10)
    np.bincount((field * 10 + standing + 5)[scope], minlength=10)


def best(fn, repeats: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--dossiers", type=int, default=2_000)
    args = parser.parse_args()
    print("machine:", machine())
    print(f"command: python bench/bench_reports.py --rows {args.rows} --dossiers {args.dossiers}")
    built = dossiers(args.dossiers)
    fields = {"1.001193": "Hộ tịch"}
    seconds = best(lambda: form_07a(built, PERIOD, fields=fields))
    print(
        f"07a from {args.dossiers:,} dossiers: {seconds:.3f} s = {args.dossiers / seconds:,.0f} dossiers/s"
    )
    columns = table(args.rows)
    frame = pd.DataFrame(columns)
    containers = {
        "numpy columns": columns,
        "pandas": frame,
        "pandas (categorical text)": frame.astype({"field": "category", "channel": "category"}),
        "polars": pl.from_pandas(frame),
        "pyarrow": pa.Table.from_pandas(frame),
    }
    base = best(lambda: floor(columns))
    print(f"floor (bare numpy aggregation): {base:.3f} s")
    for name, value in containers.items():
        seconds = best(lambda value=value: form_07a_from_table(value, PERIOD))
        verdict = "meets" if args.rows >= 1_000_000 and seconds < 2 else "-"
        print(
            f"07a from {args.rows:,} rows, {name:<26} {seconds:.3f} s = "
            f"{args.rows / seconds:>12,.0f} rows/s, {seconds / base:5.1f}× the floor "
            f"(target ≥ 1 M rows < 2 s: {verdict})"
        )


if __name__ == "__main__":
    main()
