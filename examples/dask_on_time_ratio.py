"""On-time ratios (tỷ lệ giải quyết đúng hạn) per procedure and month, with Dask.

A synthetic table of dossiers (seeded, 1,000,000 rows by default) is split into partitions; each
partition gets its legal due dates and timeliness from ``tthc.bulk`` with ``map_partitions`` on a
local Dask cluster (threads, so it runs on a 2-core laptop); then the ratios are aggregated per
procedure and month of acceptance. The function applied to each partition, ``add_due_dates``, is
plain pandas: the same function runs in a PySpark ``pandas_udf`` (see ``docs/guide/bulk.md``).

Run::

    pip install "tthc[numpy,pandas]" "dask[dataframe]" distributed
    python examples/dask_on_time_ratio.py --rows 1000000

The procedure codes and their limits are those published on the national portal for these
procedures (``2.001610`` and ``1.004194``: 3 working days; ``2.000693``: 6 working days;
``1.012786``: 10 working days online); ``X.CALDAY`` is a synthetic procedure with a limit of 15
calendar days (ngày), to show the roll-forward of Civil Code 2015 Art. 148.5. The dossiers
themselves are random.
"""

# test-args: --rows 20000 --partitions 4
# requires: numpy, pandas, dask, distributed

from __future__ import annotations

import argparse
import datetime as dt
import time

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
from distributed import Client, LocalCluster

from tthc import bulk
from tthc.calendar import civil_service_calendar

PROCEDURES = pd.DataFrame(
    {
        "procedure": ["2.001610", "1.004194", "2.000693", "1.012786", "X.CALDAY"],
        "amount": [3, 3, 6, 10, 15],
        "unit": ["working_day"] * 4 + ["calendar_day"],
    }
)
AS_OF = dt.date(2026, 11, 30)  # the reporting date: open dossiers are in time or overdue


def synthetic_dossiers(rows: int, seed: int, part: int = 0) -> pd.DataFrame:
    """Random dossiers accepted in 2025–2026 (partition ``part``); about 8 % still open."""
    rng = np.random.default_rng([seed, part])
    first = np.datetime64("2025-01-01").astype(np.int64)
    last = np.datetime64("2026-11-27").astype(np.int64)
    accepted = rng.integers(first, last + 1, rows).astype("datetime64[D]")
    which = rng.integers(0, len(PROCEDURES), rows)
    took = rng.gamma(shape=2.0, scale=3.0, size=rows).astype(np.int64)  # calendar days taken
    finished = accepted + took
    open_ = (rng.random(rows) < 0.08) | (finished > np.datetime64(AS_OF))
    finished = np.where(open_, np.datetime64("NaT"), finished).astype("datetime64[D]")
    return pd.DataFrame(
        {
            "procedure": PROCEDURES["procedure"].to_numpy()[which],
            "amount": PROCEDURES["amount"].to_numpy()[which],
            "unit": PROCEDURES["unit"].to_numpy()[which],
            "accepted": accepted,
            "finished": finished,
        }
    )


def add_due_dates(part: pd.DataFrame, as_of: dt.date = AS_OF) -> pd.DataFrame:
    """Add ``due`` and ``timeliness`` to a partition (pure pandas; also a Spark pandas_udf body)."""
    due = bulk.compute_due_dates(part["accepted"], part["amount"], part["unit"])
    timeliness = bulk.classify(due, part["finished"], as_of=as_of)
    return part.assign(due=due, timeliness=timeliness.astype(str))


def on_time_ratios(frame: pd.DataFrame) -> pd.DataFrame:
    """Per procedure and month of acceptance: counts and the on-time ratio of finished dossiers."""
    counts = (
        frame.assign(month=frame["accepted"].dt.to_period("M").astype(str))
        .groupby(["procedure", "month", "timeliness"])
        .size()
        .unstack("timeliness", fill_value=0)
    )
    for label in bulk.TIMELINESS_LABELS:
        if label not in counts:
            counts[label] = 0
    counts = counts[list(bulk.TIMELINESS_LABELS)]
    finished = counts["early"] + counts["on_time"] + counts["late"]
    counts["on_time_ratio"] = ((counts["early"] + counts["on_time"]) / finished).round(4)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--scheduler",
        choices=("local-cluster", "threads"),
        default="local-cluster",
        help="a distributed LocalCluster in this process (default) or dask's threaded scheduler",
    )
    args = parser.parse_args()

    started = time.perf_counter()
    civil_service_calendar()  # build the calendar once; the worker threads share it
    sizes = [len(chunk) for chunk in np.array_split(np.arange(args.rows), args.partitions)]
    meta = add_due_dates(synthetic_dossiers(0, args.seed))
    # Each partition is generated inside the workers (as it would be read from files).
    frame = dd.from_map(
        lambda part: synthetic_dossiers(sizes[part], args.seed, part),
        range(args.partitions),
        meta=synthetic_dossiers(0, args.seed),
        divisions=None,
    )
    with_due = frame.map_partitions(add_due_dates, meta=meta)
    counts = with_due.groupby(["procedure", "timeliness"]).size()

    if args.scheduler == "local-cluster":
        with (
            LocalCluster(
                processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None
            ) as cluster,
            Client(cluster),
        ):
            result = with_due.compute()
            totals = counts.compute()
    else:
        with dask.config.set(scheduler="threads"):
            result = with_due.compute()
            totals = counts.compute()
    elapsed = time.perf_counter() - started

    # Trust, but verify: a sample of rows against the scalar calendar.
    cal = civil_service_calendar()
    sample = result.sample(n=min(500, len(result)), random_state=args.seed)
    mismatches = 0
    for row in sample.itertuples():
        accepted = row.accepted.date()
        if row.unit == "working_day":
            expected = cal.add_working_days(accepted, int(row.amount))
        else:
            expected = cal.add_working_days(accepted + dt.timedelta(days=int(row.amount)), 0)
        mismatches += expected != row.due.date()

    ratios = on_time_ratios(result)
    print(f"{len(result):,} dossiers in {args.partitions} partitions, scheduler {args.scheduler}")
    print(f"computed in {elapsed:.2f} s; calendar data_version {cal.data_version}")
    print(f"scalar cross-check: {mismatches} mismatches in {len(sample)} sampled rows")
    print("\nTimeliness per procedure (as of", AS_OF.isoformat() + ")")
    print(totals.unstack("timeliness", fill_value=0).to_string())
    print("\nOn-time ratio per procedure and month (first 12 rows)")
    print(ratios.head(12).to_string())
    if mismatches:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
