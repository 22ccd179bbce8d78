"""Migrate a merged province's archive of addresses with Dask (Cần Thơ + Sóc Trăng + Hậu Giang).

A synthetic archive (seeded, 500,000 rows by default) of addresses written before 1/7/2025 in
every hand — written out, abbreviated, without accents — is split into partitions; each partition
is converted with ``tthc.migrate.convert_addresses`` in ``map_partitions`` (threads, so it runs on
a 2-core laptop); then the rows are counted by status, and the split communes — whose records a
person must settle — are listed with their candidates and clause. The function applied to each
partition is plain pandas: the same function runs in a PySpark ``pandas_udf``.

Run::

    pip install "tthc[pandas]" "dask[dataframe]"
    python examples/dask_migrate_archive.py --rows 500000
"""

# test-args: --rows 20000 --partitions 4
# requires: pandas, dask

from __future__ import annotations

import argparse
import datetime as dt
import random
import time

import dask
import dask.dataframe as dd
import pandas as pd

from tthc import units
from tthc._text import fold
from tthc.migrate import RESULT_COLUMNS, convert_addresses

BEFORE = dt.date(2025, 6, 30)
OLD_PROVINCES = ("92", "93", "94")  # Cần Thơ, Hậu Giang, Sóc Trăng: NQ 202/2025/QH15 → Cần Thơ


def archive(rows: int, seed: int = 25) -> pd.DataFrame:
    """A synthetic archive: one dossier per row, its applicant's address as typed."""
    rng = random.Random(seed)
    communes = [c for p in OLD_PROVINCES for c in units.communes(p, on=BEFORE)]
    texts = []
    for _ in range(rows):
        commune = rng.choice(communes)
        district = units.legacy_unit(commune.parent_code or "")
        province = units.legacy_unit(commune.province_code)
        text = f"{commune.full_name}, {district.full_name}, {province.full_name}"
        hand = rng.randrange(3)
        if hand == 1:
            text = text.replace("Phường ", "P. ").replace("Xã ", "X. ").replace("Huyện ", "H. ")
        elif hand == 2:
            text = fold(text)
        texts.append(f"{rng.randint(1, 500)} đường số {rng.randint(1, 30)}, {text}")
    return pd.DataFrame({"ma_ho_so": [f"HS-{i:07d}" for i in range(rows)], "dia_chi": texts})


def migrate_partition(part: pd.DataFrame) -> pd.DataFrame:
    """Plain pandas: the partition with the result columns of tthc.migrate added."""
    return pd.concat([part, convert_addresses(part["dia_chi"])], axis=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500_000)
    parser.add_argument("--partitions", type=int, default=8)
    args = parser.parse_args()
    frame = archive(args.rows)
    meta = frame.head(0).assign(**{name: pd.Series(dtype=object) for name in RESULT_COLUMNS})
    start = time.perf_counter()
    with dask.config.set(scheduler="threads"):
        ddf = dd.from_pandas(frame, npartitions=args.partitions)
        done = ddf.map_partitions(migrate_partition, meta=meta).compute()
    seconds = time.perf_counter() - start
    print(f"{len(done):,} rows in {seconds:.1f} s ({len(done) / seconds:,.0f} rows/s)")
    print(done["status"].value_counts().to_string())
    split = done[done["status"] == "split"]
    by_old = split.groupby(["old_name", "candidate_names", "clause"]).size()
    print(f"\nCần xử lý (to review): {len(split):,} rows in {len(by_old)} split communes")
    for (old, names, clause), count in by_old.sort_values(ascending=False).items():
        print(f"  {count:>6,}  {old}\n          → {names}\n          {clause}")


if __name__ == "__main__":
    main()
