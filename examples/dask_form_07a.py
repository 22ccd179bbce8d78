"""Biểu 07a for a country's volume: 10 million dossiers aggregated across Dask partitions.

Each partition is a table of dossiers (generated from a seed here; read from Parquet or a
database in real use) turned into a 07a form by ``tthc.reports.form_07a_from_table`` — a
vectorised numpy path — and the partitions' forms are added up with ``sum_07a``. Every dossier
is counted in exactly one partition, so the sum is the form of the whole table. The cluster
uses every core (one process per core); the same code runs on a multi-machine cluster by
passing its scheduler address to ``Client``.

Run::

    pip install "tthc[pandas]" "dask[dataframe]" distributed
    python examples/dask_form_07a.py --rows 10000000 --partitions 20
"""

# test-args: --rows 40000 --partitions 4 --workers 1
# requires: numpy, pandas, dask, distributed

from __future__ import annotations

import argparse
import os
import time

import dask
import numpy as np
import pandas as pd
from distributed import Client, LocalCluster

from tthc.reports import Form07a, ReportPeriod, form_07a_from_table, sum_07a

FIELDS = np.array(["Hộ tịch", "Chứng thực", "Đất đai", "Xây dựng", "Đăng ký kinh doanh"])
CHANNELS = np.array(["counter", "online_full", "online_partial", "post"])
PERIOD = ReportPeriod.month(2026, 10)  # 15/09/2026 - 14/10/2026


def partition(seed: int, rows: int) -> Form07a:
    """One partition's dossiers (random but reproducible) and their 07a form."""
    rng = np.random.default_rng(seed)
    accepted = np.datetime64("2026-08-01") + rng.integers(0, 75, rows).astype("timedelta64[D]")
    due = accepted + rng.integers(1, 30, rows).astype("timedelta64[D]")
    result = accepted + rng.integers(0, 45, rows).astype("timedelta64[D]")
    result[rng.random(rows) < 0.25] = np.datetime64("NaT")  # still open
    # Text columns as categoricals, as Parquet files and databases usually deliver them.
    table = pd.DataFrame(
        {
            "field": pd.Categorical.from_codes(rng.integers(0, FIELDS.size, rows), FIELDS),
            "channel": pd.Categorical.from_codes(rng.integers(0, CHANNELS.size, rows), CHANNELS),
            "accepted_at": accepted,
            "due_date": due,
            "result_at": result,
        }
    )
    return form_07a_from_table(table, PERIOD)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--partitions", type=int, default=20)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    sizes = [args.rows // args.partitions] * args.partitions
    sizes[-1] += args.rows - sum(sizes)
    cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True)
    with cluster, Client(cluster):
        started = time.perf_counter()
        parts = [dask.delayed(partition)(seed, size) for seed, size in enumerate(sizes)]
        (forms,) = dask.compute(parts)
        form = sum_07a(forms)
        elapsed = time.perf_counter() - started
    total = form.total
    print(f"Biểu 07a/BTP/KSTT — {PERIOD}")
    for row in form.rows:
        print(
            f"  {row.field:<20} received {row.received_total:>9,}  pending {row.pending_total:>9,}"
        )
    print(
        f"  {'TỔNG CỘNG':<20} received {total.received_total:>9,}  resolved "
        f"{total.resolved_total:,} + pending {total.pending_total:,}"
    )
    print(
        f"{args.rows:,} rows in {elapsed:.2f} s on {args.workers} worker processes: "
        f"{args.rows / elapsed:,.0f} rows/s"
    )
    assert total.received_total == total.resolved_total + total.pending_total


if __name__ == "__main__":
    main()
