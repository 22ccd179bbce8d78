"""Benchmark of the bundled procedure catalogue (issue 16): cold load and first uses.

Each round runs a fresh interpreter (so every cache is cold), imports ``tthc.procedures``, then
times ``load_catalog()`` (the curated records and the index of the 2,642 national records), the
first national record (its processing times read then), the first search and building every
record. Prints the median and best of ``--rounds`` (default 7)::

    python bench/bench_catalogue.py [--rounds 7]

Target: ``load_catalog()`` cold ≤ 150 ms. Measured on the shared 2-core machine (Python 3.11,
load average ~4.6 from other jobs), 7 rounds, 6/12/2026::

    operation                                  median ms   best ms
    load                                            83.0      75.3
    first record                                     1.0       0.7
    first search                                   145.2     100.1
    every record (2677, one round)                1553.3

``load`` parses the 2.3 MB compact JSON of the snapshot (about 60 ms) and the curated records
(about 45 ms, their times read at once); the first search folds the 2,642 names once.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

_CHILD = """
import json, time
from tthc.procedures import load_catalog
t0 = time.perf_counter(); cat = load_catalog(); t1 = time.perf_counter()
cat.get("1.000574"); t2 = time.perf_counter()
cat.search("khai sinh"); t3 = time.perf_counter()
n = sum(1 for _ in cat) if FULL else 0; t4 = time.perf_counter()
print(json.dumps({"load": t1 - t0, "first record": t2 - t1, "first search": t3 - t2,
                  "every record": t4 - t3, "n": n}))
"""


def _round(full: bool) -> dict[str, float]:
    code = _CHILD.replace("FULL", "True" if full else "False")
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    result: dict[str, float] = json.loads(out)
    return result


def main() -> None:
    """Run the rounds and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    rounds = [_round(full=index == 0) for index in range(args.rounds)]
    print(f"{'operation':<40}{'median ms':>12}{'best ms':>10}")
    for key in ("load", "first record", "first search"):
        values = [r[key] * 1000 for r in rounds]
        print(f"{key:<40}{statistics.median(values):>12.1f}{min(values):>10.1f}")
    every = rounds[0]
    print(
        f"{'every record (' + str(int(every['n'])) + ', one round)':<40}{every['every record'] * 1000:>12.1f}"
    )


if __name__ == "__main__":
    main()
