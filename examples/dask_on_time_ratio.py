"""On-time ratios (tỷ lệ giải quyết đúng hạn) per procedure and month, with Dask, on every core.

A synthetic table of dossiers (seeded, 1,000,000 rows by default) is split into partitions; each
partition is generated inside a worker (as it would be read from Parquet files), gets its legal
due dates and timeliness from ``tthc.bulk`` (``add_due_dates``, plain pandas: the same function
runs in a PySpark ``pandas_udf``, see ``docs/guide/bulk.md``) and is counted per procedure, month
and timeliness in the worker (``monthly_counts``, as integer codes that the client labels once
on the merged table). One ``dask.compute`` call returns the small count tables and a sample of
rows for a cross-check against the scalar calendar: the million rows never travel back to the
client, and nothing is computed twice. Per partition the work is a few numpy passes: dates are
built in the unit pandas keeps them in (``datetime64[s]``), months are read from a table of
days, and Dask is told not to re-check each partition's columns against the metadata
(``enforce_metadata=False``; each function returns exactly its meta).

Run::

    pip install "tthc[numpy,pandas]" "dask[dataframe]" distributed
    python examples/dask_on_time_ratio.py --rows 1000000                   # threads (default)
    python examples/dask_on_time_ratio.py --scheduler local-cluster        # worker processes
    python examples/dask_on_time_ratio.py --address tcp://scheduler:8786   # a running cluster

``--scheduler threads`` runs the partitions on a thread per core (numpy releases the GIL in
tthc.bulk's kernels); ``local-cluster`` starts a ``distributed`` cluster of one worker process
per core on this machine, the same code path as a multi-machine cluster given with
``--address`` (what the workers need is in ``docs/guide/bulk.md``, section "Dask").

The procedure codes and their limits are those published on the national portal for these
procedures (``2.001610`` and ``1.004194``: 3 working days; ``2.000693``: 6 working days;
``1.012786``: 10 working days online); ``X.CALDAY`` is a synthetic procedure with a limit of 15
calendar days (ngày), to show the roll-forward of Civil Code 2015 Art. 148.5. The dossiers
themselves are random. Procedure and unit columns are categorical, as Parquet files read them
(dictionary-encoded): tthc.bulk uses their codes directly.
"""

# test-args: --rows 20000 --partitions 4
# requires: numpy, pandas, dask, distributed

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import time
from contextlib import ExitStack

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
UNITS = ["working_day", "calendar_day"]
AS_OF = dt.date(2026, 11, 30)  # the reporting date: open dossiers are in time or overdue
SAMPLE = 500  # rows checked against the scalar calendar
# Built once, not per partition: the categories, each procedure's amount and unit code.
PROCEDURE_TYPE = pd.CategoricalDtype(PROCEDURES["procedure"].tolist())
UNIT_TYPE = pd.CategoricalDtype(UNITS)
AMOUNTS = PROCEDURES["amount"].to_numpy()
UNIT_CODES = np.array([UNITS.index(unit) for unit in PROCEDURES["unit"]], dtype=np.int8)
DAY = 86_400  # seconds: pandas keeps dates as datetime64[s] (midnights)
NAT = np.iinfo(np.int64).min  # NaT as an int64


def synthetic_dossiers(rows: int, seed: int, part: int = 0) -> pd.DataFrame:
    """Random dossiers accepted in 2025–2026 (partition ``part``); about 8 % still open.

    Dates are built as ``datetime64[s]`` midnights, the unit pandas stores them in (a
    ``datetime64[D]`` column would be converted, row by row, when the frame is built).
    """
    rng = np.random.default_rng([seed, part])
    first = np.datetime64("2025-01-01").astype(np.int64)
    last = np.datetime64("2026-11-27").astype(np.int64)
    accepted = rng.integers(first, last + 1, rows)  # days since 1970-01-01
    which = rng.integers(0, len(PROCEDURES), rows)
    took = rng.exponential(scale=6.0, size=rows).astype(np.int64)  # calendar days taken
    finished = accepted + took
    open_ = (rng.random(rows) < 0.08) | (finished > np.datetime64(AS_OF, "D").astype(np.int64))
    finished *= DAY
    finished[open_] = NAT
    return pd.DataFrame(
        {
            "procedure": pd.Categorical.from_codes(which, dtype=PROCEDURE_TYPE),
            "amount": AMOUNTS[which],
            "unit": pd.Categorical.from_codes(UNIT_CODES[which], dtype=UNIT_TYPE),
            "accepted": (accepted * DAY).view("datetime64[s]"),
            "finished": finished.view("datetime64[s]"),
        },
        copy=False,  # fresh arrays: no copy needed
    )


def add_due_dates(part: pd.DataFrame, as_of: dt.date = AS_OF) -> pd.DataFrame:
    """Add ``due`` and ``timeliness`` to a partition (pure pandas; also a Spark pandas_udf body)."""
    due = bulk.compute_due_dates(part["accepted"], part["amount"], part["unit"])
    timeliness = bulk.classify(due, part["finished"], as_of=as_of)  # a categorical Series
    return part.assign(due=due, timeliness=timeliness)


def monthly_counts(part: pd.DataFrame) -> pd.DataFrame:
    """Dossiers per procedure, month of acceptance and timeliness in one partition, as codes.

    The same numbers as ``part.groupby(["procedure", month, "timeliness"]).size()``, counted on
    the categorical codes with ``numpy.bincount`` (a groupby costs several times more per row);
    the month of each day is read from a table of the partition's days (converting every row to
    ``datetime64[M]`` costs more than the due dates). The table holds integer codes (procedure,
    months since 1970-01, timeliness): the client labels the small merged table once
    (``labelled``), instead of every partition merging categories.
    """
    days = part["accepted"].to_numpy().astype("datetime64[D]").view(np.int64)
    first_day = int(days.min()) if len(days) else 0
    span = np.arange(first_day, int(days.max()) + 1 if len(days) else 1)
    month_of_day = span.astype("datetime64[D]").astype("datetime64[M]").view(np.int64)
    first = int(month_of_day[0])
    n_proc, n_label = len(PROCEDURES), len(bulk.TIMELINESS_LABELS)
    key = (month_of_day - first)[days - first_day] * (n_proc * n_label)
    key += part["procedure"].cat.codes.to_numpy() * n_label
    key += part["timeliness"].cat.codes.to_numpy()
    counts = np.bincount(key)
    used = np.flatnonzero(counts)
    month, rest = np.divmod(used, n_proc * n_label)
    procedure, label = np.divmod(rest, n_label)
    return pd.DataFrame(
        {
            "procedure": procedure,
            "month": month + first,
            "timeliness": label,
            "dossiers": counts[used],
        }
    )


def labelled(counts: pd.DataFrame) -> pd.DataFrame:
    """The merged count table with its labels (procedure code, ``YYYY-MM``, timeliness)."""
    return counts.assign(
        procedure=pd.Categorical.from_codes(counts["procedure"], dtype=PROCEDURE_TYPE),
        month=counts["month"].to_numpy().astype("datetime64[M]").astype(str),
        timeliness=pd.Categorical.from_codes(counts["timeliness"], bulk.TIMELINESS_LABELS),
    )


def sample_rows(part: pd.DataFrame, rows: int, seed: int) -> pd.DataFrame:
    """A few rows of a partition (drawn with replacement), for the cross-check."""
    picked = np.random.default_rng(seed).integers(0, len(part), min(rows, len(part)))
    return part.iloc[picked]


def on_time_ratios(counts: pd.DataFrame) -> pd.DataFrame:
    """Per procedure and month: counts and the on-time ratio of finished dossiers."""
    table = (
        counts.groupby(["procedure", "month", "timeliness"], observed=True)["dossiers"]
        .sum()
        .unstack("timeliness", fill_value=0)
    )
    table = table.reindex(columns=list(bulk.TIMELINESS_LABELS), fill_value=0)
    table.columns = list(bulk.TIMELINESS_LABELS)
    finished = table["early"] + table["on_time"] + table["late"]
    table["on_time_ratio"] = ((table["early"] + table["on_time"]) / finished).round(4)
    return table


def cross_check(sample: pd.DataFrame) -> int:
    """Return how many sampled rows disagree with the scalar calendar."""
    cal = civil_service_calendar()
    mismatches = 0
    for row in sample.itertuples():
        accepted = row.accepted.date()
        if row.unit == "working_day":
            expected = cal.add_working_days(accepted, int(row.amount))
        else:
            expected = cal.add_working_days(accepted + dt.timedelta(days=int(row.amount)), 0)
        mismatches += expected != row.due.date()
    return mismatches


def build(rows: int, partitions: int, seed: int) -> tuple[dd.DataFrame, dd.DataFrame]:
    """The lazy graph: per-partition counts and samples (nothing runs yet)."""
    sizes = [len(chunk) for chunk in np.array_split(np.arange(rows), partitions)]
    empty = synthetic_dossiers(0, seed)
    frame = dd.from_map(
        lambda part: synthetic_dossiers(sizes[part], seed, part),
        range(partitions),
        meta=empty,
        divisions=None,
    )
    due_meta = add_due_dates(empty)  # the empty frames that tell Dask each result's columns
    # each function returns exactly its meta: Dask need not check every partition's columns
    checked = {"enforce_metadata": False}
    with_due = frame.map_partitions(add_due_dates, meta=due_meta, **checked)
    counts = with_due.map_partitions(monthly_counts, meta=monthly_counts(due_meta), **checked)
    per_partition = math.ceil(SAMPLE / partitions)
    sample_meta = sample_rows(due_meta, 0, seed)
    sample = with_due.map_partitions(sample_rows, per_partition, seed, meta=sample_meta, **checked)
    return counts, sample


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--scheduler",
        choices=("threads", "local-cluster"),
        default="threads",
        help="a thread per core (default), or a distributed cluster of one process per core",
    )
    parser.add_argument("--address", help="a running distributed scheduler (tcp://host:8786)")
    args = parser.parse_args()

    cores = os.cpu_count() or 1
    started = time.perf_counter()
    with ExitStack() as stack:
        if args.address or args.scheduler == "local-cluster":
            if args.address:
                target: str | LocalCluster = args.address
            else:
                target = stack.enter_context(
                    LocalCluster(n_workers=cores, threads_per_worker=1, dashboard_address=None)
                )
            stack.enter_context(Client(target))
            where = f"distributed cluster {args.address or 'on this machine'}"
        else:
            civil_service_calendar()  # build the calendar once: the threads share it
            stack.enter_context(dask.config.set(scheduler="threads", num_workers=cores))
            where = f"{cores} threads"
        ready, cpu = time.perf_counter(), time.process_time()
        counts, sample = build(args.rows, args.partitions, args.seed)
        counts, sample = dask.compute(counts, sample)  # one pass over the data
        done, cpu = time.perf_counter(), time.process_time() - cpu

    sample = sample.head(SAMPLE)
    mismatches = cross_check(sample)
    ratios = on_time_ratios(labelled(counts))
    totals = ratios.groupby(level="procedure", observed=True)[list(bulk.TIMELINESS_LABELS)].sum()
    total_rows = int(counts["dossiers"].sum())
    print(f"{total_rows:,} dossiers in {args.partitions} partitions, scheduler {where}")
    print(
        f"computed in {done - ready:.2f} s ({total_rows / (done - ready):,.0f} rows/s); "
        f"{done - started:.2f} s with the scheduler's start "
        f"({total_rows / (done - started):,.0f} rows/s end to end)"
    )
    if where.endswith("threads"):  # the threads' CPU time is this process's
        print(f"{cpu:.2f} s CPU in {done - ready:.2f} s: {cpu / (done - ready):.1f} cores busy")
    print(f"calendar data_version {civil_service_calendar().data_version}")
    print(f"scalar cross-check: {mismatches} mismatches in {len(sample)} sampled rows")
    print("\nTimeliness per procedure (as of", AS_OF.isoformat() + ")")
    print(totals.to_string())
    print("\nOn-time ratio per procedure and month (first 12 rows)")
    print(ratios.head(12).to_string())
    if mismatches or total_rows != args.rows:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
