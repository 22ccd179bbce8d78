"""Benchmark of tthc.migrate: rows/s for a column of old codes and of free-text addresses.

Run::

    python bench/bench_migrate.py                     # 1,000,000 codes, 200,000 addresses
    python bench/bench_migrate.py --codes 200000 --addresses 50000

Prints the machine (CPU read from /proc/cpuinfo), then rows/s, measured in one run on one core:

* codes: old commune codes drawn from the whole country (every old code is one of 10,035), in a
  list, a pandas Series, a polars Series and an Arrow array; target of issue 19: ≥ 100,000/s;
* addresses: free text in every hand of the four provinces of the issue (Cần Thơ, Sóc Trăng,
  Hậu Giang, Hồ Chí Minh City) — written out, abbreviated, without accents, upper case, with a
  street and house number that differ on almost every row; target: ≥ 10,000/s;
* addresses, cold: every old commune of the country once (no repeated unit part, caches
  emptied first), the worst case for the caches.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).parent))
from _bench_common import machine

from tthc import units
from tthc._text import fold
from tthc.migrate import _address, _convert, convert_addresses, convert_codes

BEFORE = dt.date(2025, 6, 30)
PROVINCES = ("92", "93", "94", "79")
ABBREVIATED = {
    "Phường ": "P. ",
    "Xã ": "X. ",
    "Thị trấn ": "TT. ",
    "Quận ": "Q. ",
    "Huyện ": "H. ",
    "Thành phố ": "TP ",
    "Tỉnh ": "T. ",
    "Thị xã ": "TX. ",
}


def written(commune: units.AdministrativeUnit, rng: random.Random) -> str:
    district = units.legacy_unit(commune.parent_code or "")
    province = units.legacy_unit(commune.province_code)
    text = f"{commune.full_name}, {district.full_name}, {province.full_name}"
    hand = rng.randrange(4)
    if hand == 1:
        for long, short in ABBREVIATED.items():
            text = text.replace(long, short)
    elif hand == 2:
        text = fold(text)
    elif hand == 3:
        text = text.upper()
    return f"{rng.randint(1, 999)} đường số {rng.randint(1, 60)}, {text}"


def rate(label: str, rows: int, fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    seconds = time.perf_counter() - start
    per_s = rows / seconds
    print(f"  {label:<44} {rows:>10,} rows {seconds:8.2f} s {per_s:>12,.0f} rows/s")
    return per_s


def clear_caches() -> None:
    for cached in (_convert.decide, _address.read_part):
        cached.cache_clear()  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codes", type=int, default=1_000_000)
    parser.add_argument("--addresses", type=int, default=200_000)
    args = parser.parse_args()
    print(f"machine: {machine()}")
    rng = random.Random(19)
    old = units.communes(on=BEFORE)
    codes = [rng.choice(old).code for _ in range(args.codes)]
    local = [u for u in old if u.province_code in PROVINCES]
    texts = [written(rng.choice(local), rng) for _ in range(args.addresses)]
    convert_codes(codes[:10])  # load the tables once: the run measures conversion
    print(f"codes ({len(set(codes)):,} distinct):")
    results = {
        "list": rate("list of str", len(codes), lambda: convert_codes(codes)),
        "pandas": rate("pandas Series", len(codes), lambda: convert_codes(pd.Series(codes))),
        "polars": rate("polars Series", len(codes), lambda: convert_codes(pl.Series(codes))),
        "arrow": rate("pyarrow Array", len(codes), lambda: convert_codes(pa.array(codes))),
    }
    print(f"addresses ({len(set(texts)):,} distinct texts, {len(local):,} communes):")
    series = pd.Series(texts)
    warm = rate("pandas Series, four provinces", len(texts), lambda: convert_addresses(series))
    every = [written(u, rng) for u in old]
    clear_caches()
    cold = rate(
        "every old commune once, caches emptied", len(every), lambda: convert_addresses(every)
    )
    print(
        f"targets: codes ≥ 100,000/s: {'met' if min(results.values()) >= 100_000 else 'MISSED'}; "
        f"addresses of a province's archive ≥ 10,000/s: {'met' if warm >= 10_000 else 'MISSED'} "
        f"(worst case, no unit repeated and caches empty: {cold:,.0f}/s)"
    )


if __name__ == "__main__":
    main()
